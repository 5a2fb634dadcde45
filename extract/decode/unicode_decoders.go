package decode

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeUTF8 replaces each invalid byte by U+FFFD, as ranging over a Go
// string does, so that code point offsets agree with []rune(string(data)).
func decodeUTF8(body []byte, base int64) (string, []int64) {
	if utf8.Valid(body) {
		return string(body), nil
	}
	var invalid []int64
	var b strings.Builder
	b.Grow(len(body) + 16)
	for i := 0; i < len(body); {
		start := i
		// Copy the longest valid stretch in one go.
		for i < len(body) {
			if body[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		b.Write(body[start:i])
		if i < len(body) {
			invalid = append(invalid, base+int64(i))
			b.WriteRune(utf8.RuneError)
			i++
		}
	}
	return b.String(), invalid
}

// utf8InvalidCount counts invalid bytes and non-ASCII bytes of body; cutEnd
// reports whether the last invalid bytes are only the start of a sequence
// that the end of the data cut short.
func utf8InvalidCount(body []byte) (invalid, nonASCII int, cutEnd bool) {
	lastInvalid := -1
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
			nonASCII++
			lastInvalid = i
			i++
			continue
		}
		nonASCII += size
		i += size
	}
	if lastInvalid >= 0 {
		// A cut sequence is a lead byte followed by fewer continuation bytes
		// than it needs, reaching the end of the data.
		tail := body[max(0, len(body)-3):]
		for k := range tail {
			if utf8.RuneStart(tail[k]) && !utf8.FullRune(tail[k:]) {
				cutEnd = len(body)-len(tail)+k <= lastInvalid && invalid <= len(tail)-k
				break
			}
		}
	}
	return invalid, nonASCII, cutEnd
}

// decodeUTF16 decodes UTF-16 in either byte order. An unpaired surrogate or
// a trailing odd byte is invalid.
func decodeUTF16(body []byte, base int64, bigEndian bool) (string, []int64) {
	var invalid []int64
	var b strings.Builder
	b.Grow(len(body) * 3 / 2)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(body[i])<<8 | uint16(body[i+1])
		}
		return uint16(body[i+1])<<8 | uint16(body[i])
	}
	i := 0
	for ; i+1 < len(body); i += 2 {
		u := unit(i)
		switch {
		case !utf16.IsSurrogate(rune(u)):
			b.WriteRune(rune(u))
		case u < 0xDC00 && i+3 < len(body):
			if low := unit(i + 2); low >= 0xDC00 && low <= 0xDFFF {
				b.WriteRune(utf16.DecodeRune(rune(u), rune(low)))
				i += 2
				continue
			}
			fallthrough
		default:
			invalid = append(invalid, base+int64(i))
			b.WriteRune(utf8.RuneError)
		}
	}
	if i < len(body) {
		invalid = append(invalid, base+int64(i))
		b.WriteRune(utf8.RuneError)
	}
	return b.String(), invalid
}
