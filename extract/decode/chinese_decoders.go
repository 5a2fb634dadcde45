package decode

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// The two-byte tables are filled once from golang.org/x/text's decoders, so
// that the mapping is theirs while the byte segmentation (and therefore the
// offsets of invalid sequences) is ours: x/text reports neither. They are
// never written after construction.
var (
	gbTable   = sync.OnceValue(func() []rune { return buildTable(simplifiedchinese.GB18030, gbTrailIndex, 190) })
	big5Table = sync.OnceValue(func() []string { return buildStringTable(traditionalchinese.Big5, big5TrailIndex, 157) })
)

// gbTrailIndex maps a GBK trail byte to its column, or -1.
func gbTrailIndex(c byte) int {
	switch {
	case c >= 0x40 && c <= 0x7E:
		return int(c - 0x40)
	case c >= 0x80 && c <= 0xFE:
		return int(c-0x80) + 63
	}
	return -1
}

// big5TrailIndex maps a Big5 trail byte to its column, or -1.
func big5TrailIndex(c byte) int {
	switch {
	case c >= 0x40 && c <= 0x7E:
		return int(c - 0x40)
	case c >= 0xA1 && c <= 0xFE:
		return int(c-0xA1) + 63
	}
	return -1
}

func buildTable(enc encoding.Encoding, column func(byte) int, width int) []rune {
	strs := buildStringTable(enc, column, width)
	table := make([]rune, len(strs))
	for i, s := range strs {
		if r, size := utf8.DecodeRuneInString(s); size == len(s) && s != "" {
			table[i] = r
		}
	}
	return table
}

// buildStringTable decodes every two-byte code (lead 0x81–0xFE); "" marks a
// code the decoder does not map.
func buildStringTable(enc encoding.Encoding, column func(byte) int, width int) []string {
	table := make([]string, 126*width)
	dec := enc.NewDecoder()
	var dst [16]byte
	for lead := 0x81; lead <= 0xFE; lead++ {
		for trail := 0x40; trail <= 0xFE; trail++ {
			col := column(byte(trail))
			if col < 0 {
				continue
			}
			dec.Reset()
			nDst, nSrc, err := dec.Transform(dst[:], []byte{byte(lead), byte(trail)}, true)
			if err != nil || nSrc != 2 {
				continue
			}
			s := string(dst[:nDst])
			if strings.ContainsRune(s, utf8.RuneError) {
				continue
			}
			table[(lead-0x81)*width+col] = s
		}
	}
	return table
}

// decodeGB18030 decodes GB18030 (and so GBK and GB2312). Invalid sequences
// are cut as the WHATWG decoder cuts them: a lead byte whose next byte cannot
// follow it is invalid alone, so an ASCII byte after it survives.
func decodeGB18030(body []byte, base int64) (string, []int64) {
	table := gbTable()
	four := simplifiedchinese.GB18030.NewDecoder()
	var invalid []int64
	var b strings.Builder
	b.Grow(len(body) * 3 / 2)
	bad := func(i int) {
		invalid = append(invalid, base+int64(i))
		b.WriteRune(utf8.RuneError)
	}
	for i := 0; i < len(body); {
		c0 := body[i]
		switch {
		case c0 < utf8.RuneSelf:
			start := i
			for i < len(body) && body[i] < utf8.RuneSelf {
				i++
			}
			b.Write(body[start:i])
			continue
		case c0 == 0x80:
			b.WriteRune('€') // code page 936 puts the euro sign here
			i++
			continue
		case c0 == 0xFF || i+1 >= len(body):
			bad(i)
			i++
			continue
		}
		c1 := body[i+1]
		if col := gbTrailIndex(c1); col >= 0 {
			if r := table[int(c0-0x81)*190+col]; r != 0 {
				b.WriteRune(r)
			} else {
				bad(i)
			}
			i += 2
			continue
		}
		if c1 >= 0x30 && c1 <= 0x39 && i+3 < len(body) &&
			body[i+2] >= 0x81 && body[i+2] <= 0xFE && body[i+3] >= 0x30 && body[i+3] <= 0x39 {
			var dst [8]byte
			four.Reset()
			nDst, nSrc, err := four.Transform(dst[:], body[i:i+4], true)
			r, _ := utf8.DecodeRune(dst[:nDst])
			if err == nil && nSrc == 4 && r != utf8.RuneError {
				b.Write(dst[:nDst])
			} else {
				bad(i)
			}
			i += 4
			continue
		}
		bad(i)
		i++
	}
	return b.String(), invalid
}

// decodeBig5 decodes Big5 (WHATWG's, which includes HKSCS). An unmapped
// code whose trail byte is not ASCII is invalid as a pair.
func decodeBig5(body []byte, base int64) (string, []int64) {
	table := big5Table()
	var invalid []int64
	var b strings.Builder
	b.Grow(len(body) * 3 / 2)
	for i := 0; i < len(body); {
		c0 := body[i]
		if c0 < utf8.RuneSelf {
			start := i
			for i < len(body) && body[i] < utf8.RuneSelf {
				i++
			}
			b.Write(body[start:i])
			continue
		}
		invalid1 := c0 < 0x81 || c0 == 0xFF || i+1 >= len(body)
		if !invalid1 {
			c1 := body[i+1]
			if col := big5TrailIndex(c1); col >= 0 {
				if s := table[int(c0-0x81)*157+col]; s != "" {
					b.WriteString(s)
					i += 2
					continue
				}
			}
			if c1 >= utf8.RuneSelf {
				invalid = append(invalid, base+int64(i))
				b.WriteRune(utf8.RuneError)
				i += 2
				continue
			}
		}
		invalid = append(invalid, base+int64(i))
		b.WriteRune(utf8.RuneError)
		i++
	}
	return b.String(), invalid
}
