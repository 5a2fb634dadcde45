package numeral

// Scan finds every numeral expression in text, left to right, in one pass. Spans are
// rune offsets into text. Numerals inside words of data/nonnumeral_words.txt (一起, 统一,
// 十分) are dropped, as are lone characters that are mostly parts of words (伍, 陆, 拾);
// everything else is returned with flags (Ordinal, Code, Fraction, Version) and the
// caller decides: 2024年 is the number 2024.
func Scan(text []rune) []Number {
	return AppendScan(nil, text)
}

// AppendScan is Scan appending to dst, for callers that reuse a slice.
func AppendScan(dst []Number, text []rune) []Number {
	rd := &reader{text: text}
	n := len(text)
	for i := 0; i < n; {
		r := text[i]
		if !mayStart(r) {
			i++
			continue
		}
		if r == 'h' || r == 'w' {
			if end := skipURL(text, i); end > i {
				i = end
				continue
			}
			i++
			continue
		}
		num, end, ok := rd.readAt(i, true)
		if !ok || end <= i {
			i++
			continue
		}
		if rd.dropped(num) {
			i = end
			continue
		}
		num.Text = string(text[num.Start:num.End])
		dst = append(dst, num)
		i = end
	}
	return dst
}

// mayStart is the quick test of the scan loop: most runes of a text cannot begin a numeral.
func mayStart(r rune) bool {
	return lex.startSet.has(r)
}

// skipURL returns the end of a URL starting at i (http://, https://, www.), or i.
func skipURL(text []rune, i int) int {
	if i > 0 && isASCIILetter(text[i-1]) {
		return i
	}
	matched := false
	for _, prefix := range []string{"http://", "https://", "www."} {
		if end, ok := matchSpacedExact(text, i, prefix); ok && end > i {
			matched = true
			break
		}
	}
	if !matched {
		return i
	}
	// A URL ends at the first space or non-ASCII character.
	j := i
	for j < len(text) && text[j] > ' ' && text[j] < 0x80 {
		j++
	}
	return j
}

func matchSpacedExact(text []rune, i int, word string) (int, bool) {
	for _, w := range word {
		if i >= len(text) || text[i] != w {
			return i, false
		}
		i++
	}
	return i, true
}

// dropped says whether a numeral Scan found is better left out: a lone character that
// is mostly part of words, or a numeral entirely inside a word of the non-numeral list.
func (rd *reader) dropped(num Number) bool {
	if num.Kind != KindChinese || num.Percent || num.Fraction || num.Range || num.Vague && num.Approx == "上" {
		return false
	}
	text := rd.text
	if num.End-num.Start == 1 && lex.info(text[num.Start]).lone {
		return true
	}
	length := num.End - num.Start
	for wordLength := length; wordLength <= lex.maxNonNumeral; wordLength++ {
		for s := num.End - wordLength; s <= num.Start; s++ {
			if s < 0 || s+wordLength > len(text) {
				continue
			}
			k, _ := keyOf(text[s : s+wordLength])
			if lex.nonNumeralWords[k] {
				return true
			}
		}
	}
	return false
}
