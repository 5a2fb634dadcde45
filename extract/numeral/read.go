package numeral

import "math"

// reader reads one numeral expression at a position: the core with its sign, the
// wrappers around it (百分之, 分之, %, 个百分点, 成, 折, 打, 又), ranges and flags.
type reader struct {
	text  []rune
	parse bool // reading a whole string for Parse: bare units (亿, 百) are numerals
	toks  [maxTokens]token
}

// matchSpaced matches word at j, allowing spaces between its characters (百 分 之).
func matchSpaced(text []rune, j int, word string) (int, bool) {
	first := true
	for _, w := range word {
		if !first {
			for j < len(text) && isSpace(text[j]) {
				j++
			}
		}
		first = false
		if j >= len(text) || text[j] != w {
			return j, false
		}
		j++
	}
	return j, true
}

func skipSpaces(text []rune, j int) int {
	for j < len(text) && isSpace(text[j]) {
		j++
	}
	return j
}

func (rd *reader) isNegativeSign(i int) bool {
	text := rd.text
	if i+1 >= len(text) {
		return false
	}
	r := text[i]
	if lex.info(r).class == classNegative {
		return true
	}
	if r != '-' && r != '－' {
		return false
	}
	if i > 0 {
		p := text[i-1]
		if isArabicDigit(p) || isASCIILetter(p) || p == '-' || p == '－' || isDot(p) || lex.info(p).class != classNone {
			return false // 3-5 is a range, COVID-19 a name, －－9 not a sign
		}
	}
	return true
}

// readAt reads the numeral expression starting at i and returns it with its end.
func (rd *reader) readAt(i int, allowRange bool) (Number, int, bool) {
	text := rd.text
	n := len(text)
	start := i
	sign := 1.0
	if rd.isNegativeSign(i) {
		sign = -1
		i++
	}
	if num, end, ok := rd.readSpecialStart(i, start); ok {
		return num, end, true
	}
	core, ok := readCore(text, i, coreOptions{leadingBig: rd.parse || startsBareFraction(text, i)}, &rd.toks)
	if !ok {
		return Number{}, 0, false
	}
	num := Number{Start: start, Low: core.low, High: core.high, Value: core.low, Bound: BoundExact, Multiplier: 1}
	if core.maxBig > 0 {
		num.Multiplier = core.maxBig
	}
	num.Kind = kindOf(core.arabic, core.chinese)
	j := core.end
	wrapped := false

	// 百分之五, 三分之一, 二十五分之一千零拾肆.
	if k, ok := matchSpaced(text, skipSpaces(text, j), "分之"); ok && (j == core.end) {
		k = skipSpaces(text, k)
		numSign := 1.0
		if rd.isNegativeSign(k) {
			numSign = -1
			k++
		}
		if numerator, ok := readCore(text, k, coreOptions{}, &rd.toks); ok && core.low != 0 && !core.vague && !numerator.vague {
			value := numSign * numerator.low / core.low
			if core.bare && !core.arabic {
				num.Percent = true
				value *= 100
			} else {
				num.Fraction = true
			}
			num.Value, num.Low, num.High = value, value, value
			num.Kind = kindOf(core.arabic || numerator.arabic, true)
			j = numerator.end
			wrapped = true
			core.approx = 0
		}
	}
	if !wrapped && core.bare && !rd.parse && !bareAllowed(core) {
		return Number{}, 0, false
	}
	// 一又二分之一, 3又一千分之23.
	if k := skipSpaces(text, j); !wrapped && k < n && text[k] == '又' && !core.vague {
		if denominator, ok := readCore(text, skipSpaces(text, k+1), coreOptions{}, &rd.toks); ok && denominator.low != 0 {
			if k, ok := matchSpaced(text, skipSpaces(text, denominator.end), "分之"); ok {
				if numerator, ok := readCore(text, skipSpaces(text, k), coreOptions{}, &rd.toks); ok {
					value := core.low + numerator.low/denominator.low
					num.Value, num.Low, num.High = value, value, value
					num.Fraction = true
					num.Kind = kindOf(core.arabic || denominator.arabic || numerator.arabic, core.chinese || denominator.chinese || numerator.chinese)
					j = numerator.end
					wrapped = true
				}
			}
		}
	}
	plainArabicInt := core.count == 1 && core.single.kind == tokArabic && !core.single.decimal && !core.single.exponent
	// 1/6, and 1 3/5 (a whole number and a fraction); 2024/1/5 is a date, not a fraction.
	if !wrapped && plainArabicInt && j < n {
		k := j
		whole := 0.0
		if text[k] == ' ' && k+1 < n && isArabicDigit(text[k+1]) {
			if t, ok := readArabic(text, k+1); ok && !t.decimal && t.end < n && (text[t.end] == '/' || text[t.end] == '／') {
				whole = core.low
				k = t.end
				core.low = t.value
			}
		}
		if k < n && (text[k] == '/' || text[k] == '／') && k+1 < n && isArabicDigit(text[k+1]) {
			if t, ok := readArabic(text, k+1); ok && t.value != 0 && !(t.end+1 < n && (text[t.end] == '/' || text[t.end] == '／') && isArabicDigit(text[t.end+1])) {
				if !(k > 0 && isArabicDigit(text[start]) && start > 0 && (text[start-1] == '/' || text[start-1] == '／')) {
					value := whole + core.low/t.value
					num.Value, num.Low, num.High = value, value, value
					num.Fraction = true
					j = t.end
					wrapped = true
				}
			}
		}
	}
	if !wrapped && j < n {
		switch text[j] {
		case '%', '％':
			num.Percent = true
			j++
			wrapped = true
		case '‰':
			num.Percent = true
			num.Value, num.Low, num.High = num.Value/10, num.Low/10, num.High/10
			j++
			wrapped = true
		}
	}
	if !wrapped {
		if k, ok := matchSpaced(text, skipSpaces(text, j), "个百分点"); ok {
			num.Percent, num.PercentPoint, j, wrapped = true, true, k, true
		} else if k, ok := matchSpaced(text, skipSpaces(text, j), "個百分點"); ok {
			num.Percent, num.PercentPoint, j, wrapped = true, true, k, true
		}
	}
	if !wrapped && core.approx == 0 && !core.vague {
		k := skipSpaces(text, j)
		if k < n {
			switch text[k] {
			case '成':
				if core.low > 0 && core.low <= 10 && !core.digitByDigit && rd.suffixAllowed(k) {
					value := core.low * 10
					j = k + 1
					if j < n && text[j] == '半' {
						value += 5
						j++
					}
					num.Value, num.Low, num.High, num.Percent, wrapped = value, value, value, true, true
				}
			case '折':
				value := 0.0
				switch {
				case core.low > 0 && core.low < 10 && !core.digitByDigit:
					value = core.low * 10
				case core.low >= 10 && core.low < 100 && (core.digitByDigit || (plainArabicInt && core.single.digits == 2)):
					value = core.low
				}
				if value > 0 && rd.suffixAllowed(k) {
					num.Value, num.Low, num.High, num.Percent, wrapped = value, value, value, true, true
					j = k + 1
				}
			case '打':
				if !core.digitByDigit && core.low > 0 && rd.suffixAllowed(k) && !rd.parse {
					value := core.low * 12
					num.Value, num.Low, num.High, wrapped = value, value, value, true
					j = k + 1
				}
			}
		}
	}
	if !wrapped {
		if core.approx != 0 {
			marker := string(core.approx)
			num.Approx = marker
			if e, ok := lex.innerApprox[core.approx]; ok {
				num.Bound = e.bound
			}
			if core.vague {
				num.Bound = BoundRange
			}
			if num.Bound == BoundLower {
				num.High = math.Inf(1)
			}
		}
		if core.vague {
			num.Vague = true
			num.Bound = BoundRange
		}
	}
	if sign < 0 {
		num.Value, num.Low, num.High = -num.Value, -num.High, -num.Low
		if num.Bound == BoundRange || num.Vague {
			num.Value = num.Low
		}
	}
	num.End = j
	rd.setFlags(&num, core, plainArabicInt)

	if allowRange {
		if ranged, end, ok := rd.readRange(num, core, j); ok {
			return ranged, end, true
		}
	}
	return num, j, true
}

// startsBareFraction reports units followed by 分之 at i: 万分之三 starts with 万.
func startsBareFraction(text []rune, i int) bool {
	j := i
	for j < len(text) && j-i < 4 && isUnit(text[j]) {
		j++ // 百万万分之七 has the most units of any such word
	}
	if j == i {
		return false
	}
	_, ok := matchSpaced(text, skipSpaces(text, j), "分之")
	return ok
}

func kindOf(arabic, chinese bool) Kind {
	switch {
	case arabic && chinese:
		return KindMixed
	case arabic:
		return KindArabic
	}
	return KindChinese
}

// bareAllowed says whether a numeral made of units only stands for a number in text:
// 十 and 千万 do, 百 and 千 alone are more often words (百姓, 千方百计).
func bareAllowed(core coreResult) bool {
	if core.count == 1 {
		return core.single.kind == tokSmall && core.single.value == 10
	}
	return core.count >= 2
}

// suffixAllowed vetoes 成 折 打 when the next character makes a word with them (建成 is
// not here, but 三成立 would be: data/suffix_stop.tsv).
func (rd *reader) suffixAllowed(k int) bool {
	if k+1 >= len(rd.text) {
		return true
	}
	return !lex.suffixStop[rd.text[k]][rd.text[k+1]]
}

func (rd *reader) setFlags(num *Number, core coreResult, plainArabicInt bool) {
	text := rd.text
	if num.Start > 0 && text[num.Start-1] == '第' {
		num.Ordinal = true
	}
	if core.count == 1 && core.single.kind == tokArabic {
		t := core.single
		if t.version {
			num.Version = true
		}
		if num.Start > 0 && isASCIILetter(text[num.Start-1]) {
			if (text[num.Start-1] == 'v' || text[num.Start-1] == 'V') && t.decimal {
				num.Version = true
			} else {
				num.Code = true
			}
		}
		if plainArabicInt && !t.separators && t.digits >= 7 {
			d0 := text[t.start]
			d1 := text[t.start+1]
			if arabicValue(d0) == 0 || (arabicValue(d0) == 1 && arabicValue(d1) >= 3) {
				num.Code = true // phone numbers, ID and account numbers
			}
		}
	}
}

func isRangeConnector(r rune) (hyphen, ok bool) {
	switch r {
	case '至', '到':
		return false, true
	case '~', '～', '〜':
		return false, true
	case '-', '－', '—', '–':
		return true, true
	}
	return false, false
}

// readRange joins a number with a second one after 至 到 - ~: 3至5, 3到5万 (the 万
// applies to both ends), 2024-2025. A hyphen joins only Arabic numbers of about the same
// length without leading zeros, so dates (2024-01-05) and phone numbers are left alone.
func (rd *reader) readRange(first Number, core coreResult, j int) (Number, int, bool) {
	text := rd.text
	if j >= len(text) || first.Vague || first.Approx != "" || first.Code || first.Version || first.Fraction {
		return first, j, false
	}
	hyphen, ok := isRangeConnector(text[j])
	if !ok || j+1 >= len(text) {
		return first, j, false
	}
	k := j + 1
	if hyphen && rd.isNegativeSign(k) {
		return first, j, false
	}
	savedCore := core
	second, end, ok := rd.readAt(k, false)
	if !ok || second.Vague || second.Code || second.Version || second.Fraction || second.Start != k {
		return first, j, false
	}
	if hyphen {
		if first.Kind != KindArabic || second.Kind != KindArabic || savedCore.single.zero || text[k] == '0' || text[k] == '０' {
			return first, j, false
		}
		if end+1 < len(text) && (text[end] == '-' || text[end] == '－') && isArabicDigit(text[end+1]) {
			return first, j, false // 400-820-8820
		}
		lengthA := first.End - first.Start
		lengthB := end - k
		if second.Percent {
			lengthB--
		}
		if lengthA-lengthB > 1 || lengthB-lengthA > 1 {
			return first, j, false
		}
	}
	low := first.Value
	if savedCore.maxBig == 0 && second.Multiplier > 1 && !first.Percent && low*second.Multiplier <= second.Low {
		low *= second.Multiplier // 3到5万
	}
	if low >= second.Low {
		return first, j, false
	}
	if second.Percent && first.Percent != second.Percent {
		if text[first.End-1] == '%' || text[first.End-1] == '％' {
			return first, j, false
		}
	}
	ranged := first
	ranged.End = end
	ranged.Low, ranged.Value, ranged.High = low, low, second.High
	ranged.Range = true
	ranged.Bound = BoundRange
	ranged.Percent = first.Percent || second.Percent // 百分之八至九
	ranged.PercentPoint = second.PercentPoint
	ranged.Multiplier = second.Multiplier
	if first.Kind != second.Kind {
		ranged.Kind = KindMixed
	}
	return ranged, end, true
}

// readSpecialStart reads number words (成千上万, 半百), 上百, 半成/半折 and 打对折.
func (rd *reader) readSpecialStart(i, start int) (Number, int, bool) {
	text := rd.text
	n := len(text)
	if i >= n || start != i {
		return Number{}, 0, false
	}
	r := text[i]
	for _, e := range lex.vague[r] {
		if i+len(e.runes) <= n && equalRunes(text[i:i+len(e.runes)], e.runes) {
			num := Number{Start: i, End: i + len(e.runes), Value: e.low, Low: e.low, High: e.high,
				Kind: KindChinese, Vague: true, Bound: BoundRange, Multiplier: 1}
			if math.IsInf(e.high, 1) {
				num.Bound = BoundLower
			}
			if e.low == e.high {
				num.Vague, num.Bound = false, BoundExact
			}
			return num, num.End, true
		}
	}
	switch r {
	case '上':
		if i+1 < n && isUnit(text[i+1]) && (i == 0 || text[i-1] != '以') { // 以上亿元: 以上 is a suffix
			core, ok := readCore(text, i+1, coreOptions{leadingBig: true}, &rd.toks)
			if ok && core.bare && core.low >= 100 {
				num := Number{Start: i, End: core.end, Value: core.low, Low: core.low, High: math.Inf(1),
					Kind: KindChinese, Vague: true, Approx: "上", Bound: BoundLower, Multiplier: max(core.maxBig, 1)}
				return num, core.end, true
			}
		}
	case '对', '對':
		// 打对折 is a 50% discount; 对折 alone is folding in half.
		if i > 0 && text[i-1] == '打' && i+1 < n && text[i+1] == '折' {
			num := Number{Start: i, End: i + 2, Value: 50, Low: 50, High: 50, Kind: KindChinese,
				Percent: true, Bound: BoundExact, Multiplier: 1}
			return num, i + 2, true
		}
	case '半':
		if i+1 < n && (text[i+1] == '成' || text[i+1] == '折') {
			value := 5.0
			if text[i+1] == '折' {
				value = 50
			}
			num := Number{Start: i, End: i + 2, Value: value, Low: value, High: value, Kind: KindChinese,
				Percent: true, Bound: BoundExact, Multiplier: 1}
			return num, i + 2, true
		}
	}
	return Number{}, 0, false
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
