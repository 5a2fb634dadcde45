package clean

import "unicode"

// lineSpan is one line of the text: [Start, End) without its line break.
type lineSpan struct {
	Start, End int
}

// splitLines finds the lines of text; a line ends at '\n', and a '\r' before
// it is left in the line (it is white space to every rule).
func splitLines(text []rune) []lineSpan {
	lines := make([]lineSpan, 0, 64)
	start := 0
	for i, r := range text {
		if r == '\n' {
			lines = append(lines, lineSpan{start, i})
			start = i + 1
		}
	}
	lines = append(lines, lineSpan{start, len(text)})
	return lines
}

// isHan reports a CJK ideograph (the unified blocks and their extensions).
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true // the common block, without a table search
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isSpace includes the ideographic space and the BOM/zero-width characters
// that pasted web text carries.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x3000 || r == 0xFEFF || r == 0x200B || r == 0x00A0
}

// trim returns [start, end) without white space at either end.
func trim(text []rune, start, end int) (int, int) {
	for start < end && isSpace(text[start]) {
		start++
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	return start, end
}

// hasPrefixAt reports whether text[i:] starts with word.
func hasPrefixAt(text []rune, i int, word []rune) bool {
	if i+len(word) > len(text) {
		return false
	}
	for k, r := range word {
		if text[i+k] != r {
			return false
		}
	}
	return true
}

// indexFrom returns the first index ≥ from in text[:end] where word starts, or -1.
func indexFrom(text []rune, from, end int, word []rune) int {
	if len(word) == 0 {
		return from
	}
	for i := from; i+len(word) <= end; i++ {
		if text[i] == word[0] && hasPrefixAt(text, i, word) {
			return i
		}
	}
	return -1
}

// containsIn reports whether word occurs in text[start:end].
func containsIn(text []rune, start, end int, word []rune) bool {
	return indexFrom(text, start, end, word) >= 0
}
