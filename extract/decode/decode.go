package decode

import (
	"errors"
	"fmt"
	"strings"
)

// Canonical encoding names reported in Result.Encoding.
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
	Big5    = "big5"
)

var (
	// ErrEmpty is returned for input of zero bytes.
	ErrEmpty = errors.New("empty input")
	// ErrBinary is returned for input that is not text in any supported
	// encoding: NUL bytes outside UTF-16, or many control bytes.
	ErrBinary = errors.New("binary data, not text")
	// ErrUnknownEncoding is returned when Options.Encoding names an encoding
	// this package does not decode.
	ErrUnknownEncoding = errors.New("unknown encoding")
)

// Options control Decode.
type Options struct {
	// Encoding overrides detection when not empty. Accepted names (any case):
	// utf-8/utf8, utf-16le, utf-16be, utf-16 (byte order from the BOM, big
	// endian without one), gb18030/gbk/gb2312/cp936, big5.
	Encoding string
}

// Result is decoded text with what was learnt about its encoding.
type Result struct {
	// Text is the decoded text without its byte order mark.
	Text string
	// Encoding is one of the canonical names UTF8, UTF16LE, UTF16BE,
	// GB18030 (also for GBK and GB2312 input) and Big5.
	Encoding string
	// BOM reports whether the input started with a byte order mark.
	BOM bool
	// Confidence is how sure detection is, from 0 to 1: 1 for a BOM, valid
	// UTF-8 or a named encoding; otherwise the plausibility score of the
	// chosen decoding, lowered when another candidate came close.
	Confidence float64
	// Invalid holds the byte offsets (into the input, BOM included) of
	// undecodable sequences, each replaced by one U+FFFD in Text.
	Invalid []int64
}

// Decode decodes data, detecting its encoding unless opts.Encoding names one.
func Decode(data []byte, opts Options) (Result, error) {
	if len(data) == 0 {
		return Result{}, ErrEmpty
	}
	if opts.Encoding != "" {
		return decodeNamed(data, opts.Encoding)
	}
	return detect(data)
}

// CanonicalName maps an encoding label to the canonical name Decode reports,
// or returns "" for a label it does not know. GBK and GB2312 map to gb18030
// because GB18030 is their superset and decodes them identically.
func CanonicalName(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "utf-8-sig", "unicode-1-1-utf-8":
		return UTF8
	case "utf-16le", "utf16le", "ucs-2le":
		return UTF16LE
	case "utf-16be", "utf16be", "ucs-2be":
		return UTF16BE
	case "utf-16", "utf16", "ucs-2", "unicode":
		return "utf-16"
	case "gb18030", "gbk", "gb2312", "cp936", "ms936", "windows-936", "euc-cn", "x-gbk", "csgb2312", "chinese", "gb_2312-80", "iso-ir-58":
		return GB18030
	case "big5", "big-5", "cp950", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5":
		return Big5
	}
	return ""
}

func decodeNamed(data []byte, label string) (Result, error) {
	name := CanonicalName(label)
	bom := bomOf(data)
	switch name {
	case "":
		return Result{}, fmt.Errorf("%w %q", ErrUnknownEncoding, label)
	case "utf-16":
		name = UTF16BE
		if bom == UTF16LE {
			name = UTF16LE
		}
	}
	res := Result{Encoding: name, Confidence: 1}
	body := data
	if bom == name {
		res.BOM = true
		body = data[bomLength(name):]
	}
	res.Text, res.Invalid = decodeWith(name, body, int64(len(data)-len(body)))
	return res, nil
}

// decodeWith decodes body in the named canonical encoding; base is the offset
// of body in the whole input, added to the reported invalid offsets.
func decodeWith(name string, body []byte, base int64) (string, []int64) {
	switch name {
	case UTF8:
		return decodeUTF8(body, base)
	case UTF16LE:
		return decodeUTF16(body, base, false)
	case UTF16BE:
		return decodeUTF16(body, base, true)
	case GB18030:
		return decodeGB18030(body, base)
	case Big5:
		return decodeBig5(body, base)
	}
	panic("decode: no decoder for " + name)
}

func bomOf(data []byte) string {
	switch {
	case len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		return UTF8
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		return UTF16LE
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		return UTF16BE
	}
	return ""
}

func bomLength(name string) int {
	if name == UTF8 {
		return 3
	}
	return 2
}
