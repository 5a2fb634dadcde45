package numeral

// PrefixApprox finds an approximation marker (约 近 超过 不到 …, data/approx.tsv) that
// ends at start, skipping spaces; the longest marker wins (将近 over 近). It returns ""
// and start when there is none. Callers use it before a number or a whole count.
func PrefixApprox(text []rune, start int) (marker string, markerStart int) {
	_, marker, markerStart = prefixApprox(text, start)
	return marker, markerStart
}

// SuffixApprox finds an approximation marker (左右 以上 以下 以内 上下 前后) that starts
// at end, skipping spaces: 100人以上 is SuffixApprox(text, end of 人). It returns "" and
// end when there is none.
func SuffixApprox(text []rune, end int) (marker string, markerEnd int) {
	_, marker, markerEnd = suffixApprox(text, end)
	return marker, markerEnd
}

// ApproxBound returns the Bound of a marker returned by PrefixApprox, SuffixApprox or
// Number.Approx, and false for an unknown marker.
func ApproxBound(marker string) (Bound, bool) {
	runes := []rune(marker)
	if len(runes) == 1 {
		if e, ok := lex.innerApprox[runes[0]]; ok {
			return e.bound, true
		}
	}
	if k, ok := keyOf(runes); ok {
		if e, ok := lex.prefixApprox[k]; ok {
			return e.bound, true
		}
		if e, ok := lex.suffixApprox[k]; ok {
			return e.bound, true
		}
	}
	if marker == "上" {
		return BoundLower, true
	}
	return "", false
}

func prefixApprox(text []rune, start int) (Bound, string, int) {
	end := start
	for end > 0 && isSpace(text[end-1]) {
		end--
	}
	for length := min(lex.maxPrefix, end); length >= 1; length-- {
		k, _ := keyOf(text[end-length : end])
		if e, ok := lex.prefixApprox[k]; ok {
			return e.bound, e.marker, end - length
		}
	}
	return "", "", start
}

func suffixApprox(text []rune, end int) (Bound, string, int) {
	start := end
	for start < len(text) && isSpace(text[start]) {
		start++
	}
	for length := min(lex.maxSuffix, len(text)-start); length >= 1; length-- {
		k, _ := keyOf(text[start : start+length])
		if e, ok := lex.suffixApprox[k]; ok {
			return e.bound, e.marker, start + length
		}
	}
	return "", "", end
}

func isSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' }
