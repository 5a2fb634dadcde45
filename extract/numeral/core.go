package numeral

import "math"

// The core of a numeral is its digits, units and inner markers (3.5万, 一千二百, 十余万,
// 三四十), without sign, percent or fraction wrappers. It is read in two steps: tokens
// first, then an evaluation that rejects impossible orders (十一十二, 五十千); when the
// evaluation fails the last token is dropped and the rest evaluated again, so a scan
// never loses the valid prefix of a run.

type tokenKind uint8

const (
	tokDigit   tokenKind = iota // one Chinese digit; 零 and 〇 have zero set
	tokArabic                   // a run of Arabic digits with separators, decimals, exponent
	tokSmall                    // 十 百 千
	tokBig                      // 万 亿 兆
	tokDecimal                  // 点 and the digits after it
	tokApprox                   // 余 多 来 after digits or a unit
	tokFew                      // 几 (and 数 before a unit): a digit from 1 to 9
)

type token struct {
	kind       tokenKind
	value      float64
	start, end int
	zero       bool // 零 〇, or Arabic digits with a leading zero
	noDecimal  bool // 两: no digit-by-digit use
	digits     int  // Arabic: count of integer digits
	decimal    bool // Arabic: has a decimal point
	separators bool // Arabic: has thousands separators
	version    bool // Arabic: more than one dot (1.2.3)
	exponent   bool // Arabic: e5 or ^5
	marker     rune // tokApprox, tokFew: the character
}

// maxTokens bounds one numeral; longer runs are cut, which keeps the scan linear.
const maxTokens = 48

type coreResult struct {
	start, end   int
	low, high    float64
	approx       rune
	vague        bool // 几, 数, or a pair of digits (三四十)
	arabic       bool
	chinese      bool
	bare         bool // units only, no digit (百, 千万)
	lone         bool // a single character that stands alone in words (伍, 陆)
	tailBig      float64
	maxBig       float64
	digitByDigit bool // 二〇二四, 五五
	single       token
	count        int
}

func isArabicDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

func arabicValue(r rune) float64 {
	if r >= '０' {
		return float64(r - '０')
	}
	return float64(r - '0')
}

func isDot(r rune) bool { return r == '.' || r == '．' }
func isASCIILetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= 'ａ' && r <= 'ｚ') || (r >= 'Ａ' && r <= 'Ｚ')
}

// readArabic reads Arabic digits at i: 1,234.5, 1，234, .5, 2e5, 2^5, 40k.
func readArabic(text []rune, i int) (token, bool) {
	n := len(text)
	t := token{kind: tokArabic, start: i}
	j := i
	var intPart float64
	for j < n && isArabicDigit(text[j]) {
		if t.digits == 0 && arabicValue(text[j]) == 0 && j+1 < n && isArabicDigit(text[j+1]) {
			t.zero = true
		}
		intPart = intPart*10 + arabicValue(text[j])
		t.digits++
		j++
	}
	// Thousands separators: a group of exactly three digits after , or ，, the first group
	// one to three digits long; "1, 234" (with a space) is a list, not a number.
	if t.digits > 0 && t.digits <= 3 && !t.zero {
		for j < n && (text[j] == ',' || text[j] == '，') {
			if j+3 >= n || !isArabicDigit(text[j+1]) || !isArabicDigit(text[j+2]) || !isArabicDigit(text[j+3]) ||
				(j+4 < n && isArabicDigit(text[j+4])) {
				break
			}
			for k := j + 1; k <= j+3; k++ {
				intPart = intPart*10 + arabicValue(text[k])
			}
			t.digits += 3
			t.separators = true
			j += 4
		}
	}
	value := intPart
	if j+1 < n && isDot(text[j]) && isArabicDigit(text[j+1]) && (j == 0 || !isDot(text[j-1])) {
		j++
		var mantissa float64
		places := 0
		for j < n && isArabicDigit(text[j]) {
			if places < 18 {
				mantissa = mantissa*10 + arabicValue(text[j])
				places++
			}
			j++
		}
		value += mantissa / math.Pow10(places)
		t.decimal = true
		for j+1 < n && isDot(text[j]) && isArabicDigit(text[j+1]) {
			t.version = true
			j++
			for j < n && isArabicDigit(text[j]) {
				j++
			}
		}
	}
	if t.digits == 0 && !t.decimal {
		return t, false
	}
	if !t.version && j < n {
		switch text[j] {
		case 'e', 'E':
			if e, end, ok := readExponent(text, j+1); ok {
				value *= math.Pow10(e)
				j = end
				t.exponent = true
			}
		case '^':
			if e, end, ok := readExponent(text, j+1); ok {
				value = math.Pow(value, float64(e))
				j = end
				t.exponent = true
			}
		}
	}
	// k and M multipliers (40k, -2.5 M) when no letter follows (5km, 3MB are units).
	k := j
	for k < n && text[k] == ' ' {
		k++
	}
	if k < n && !t.version {
		multiplier := 0.0
		switch text[k] {
		case 'k', 'K', 'Ｋ', 'ｋ':
			multiplier = 1e3
		case 'M':
			multiplier = 1e6
		}
		if multiplier > 0 && (k+1 >= n || (!isASCIILetter(text[k+1]) && !isArabicDigit(text[k+1]))) {
			value *= multiplier
			j = k + 1
			t.exponent = true
		}
	}
	t.value = value
	t.end = j
	return t, true
}

// readExponent reads [+-]*digits; an odd number of minus signs makes it negative.
func readExponent(text []rune, j int) (int, int, bool) {
	negative := false
	for j < len(text) && (text[j] == '+' || text[j] == '-' || text[j] == '－' || text[j] == '＋') {
		if text[j] == '-' || text[j] == '－' {
			negative = !negative
		}
		j++
	}
	e, digits := 0, 0
	for j < len(text) && isArabicDigit(text[j]) && digits < 4 {
		e = e*10 + int(arabicValue(text[j]))
		digits++
		j++
	}
	if digits == 0 {
		return 0, j, false
	}
	if negative {
		e = -e
	}
	return e, j, true
}

// readChineseDecimal reads the digits after 点: Chinese digits other than 两, or Arabic.
func readChineseDecimal(text []rune, j int) (float64, int, bool) {
	for j < len(text) && isSpace(text[j]) {
		j++ // 四百 点 五
	}
	var mantissa float64
	places := 0
	for j < len(text) {
		r := text[j]
		var d float64
		if isArabicDigit(r) {
			d = arabicValue(r)
		} else if info := lex.info(r); info.class == classDigit && !info.noDecimal {
			d = info.value
		} else {
			break
		}
		if places < 18 {
			mantissa = mantissa*10 + d
			places++
		}
		j++
	}
	if places == 0 {
		return 0, j, false
	}
	return mantissa / math.Pow10(places), j, true
}

type coreOptions struct {
	leadingBig bool // a numeral may start with 万 or 亿 (Parse("亿"), 上万)
}

// readCore tokenizes and evaluates the longest valid numeral core starting at i.
func readCore(text []rune, i int, opts coreOptions, toks *[maxTokens]token) (coreResult, bool) {
	count := tokenize(text, i, opts, toks)
	for count > 0 {
		r, failAt := evaluate(toks[:count])
		if failAt < 0 {
			r.start = i
			r.end = toks[count-1].end
			r.count = count
			r.single = toks[0]
			return r, true
		}
		// Tokens from the first one the evaluation refused cannot be part of the
		// numeral; cutting there at once keeps runs like 十十十十 linear.
		// The failing token itself is tried once more at the end, where lookahead
		// rules (pairs, 几) may read it differently.
		count = min(count-1, max(failAt+1, 1))
	}
	return coreResult{}, false
}

func tokenize(text []rune, i int, opts coreOptions, toks *[maxTokens]token) int {
	n := len(text)
	count := 0
	j := i
	lastSmall := 0.0 // the tokens stop at a unit out of order (十十, 一十一十): evaluation would refuse it
	add := func(t token) {
		toks[count] = t
		count++
	}
	for count < maxTokens-1 && j < n {
		r := text[j]
		if isSpace(r) {
			k := j
			for k < n && isSpace(text[k]) {
				k++
			}
			if count > 0 && k < n && canJoinAcrossSpace(toks[count-1], text, k) {
				j = k
				continue
			}
			break
		}
		if isArabicDigit(r) || (count == 0 && isDot(r) && j+1 < n && isArabicDigit(text[j+1]) && (j == 0 || !isDot(text[j-1]))) {
			if count > 0 {
				switch prev := toks[count-1]; prev.kind {
				case tokDigit:
					if !prev.zero {
						return count // 3二 is not a numeral; 1千零1 is
					}
				case tokArabic, tokFew, tokDecimal, tokApprox:
					return count
				}
			}
			t, ok := readArabic(text, j)
			if !ok {
				return count
			}
			add(t)
			j = t.end
			continue
		}
		info := lex.info(r)
		switch info.class {
		case classDigit:
			if count > 0 && toks[count-1].kind == tokArabic {
				return count
			}
			add(token{kind: tokDigit, value: info.value, start: j, end: j + 1, zero: info.value == 0, noDecimal: info.noDecimal})
		case classTens:
			if lastSmall != 0 && lastSmall <= 10 {
				return count
			}
			lastSmall = 10
			add(token{kind: tokDigit, value: info.value / 10, start: j, end: j})
			add(token{kind: tokSmall, value: 10, start: j, end: j + 1})
		case classSmall:
			if j+1 < n && lex.suffixStop[r][text[j+1]] {
				return count // 千克, 千米, 千瓦: an SI prefix, not a multiplier
			}
			if lastSmall != 0 && info.value >= lastSmall {
				return count
			}
			lastSmall = info.value
			add(token{kind: tokSmall, value: info.value, start: j, end: j + 1})
		case classBig:
			if count == 0 && !opts.leadingBig || j+1 < n && lex.suffixStop[r][text[j+1]] {
				return count // 兆瓦
			}
			lastSmall = 0
			add(token{kind: tokBig, value: info.value, start: j, end: j + 1})
		case classPoint:
			if count == 0 {
				return count
			}
			v, end, ok := readChineseDecimal(text, j+1)
			if !ok {
				return count
			}
			add(token{kind: tokDecimal, value: v, start: j, end: end})
			j = end
			continue
		case classApprox:
			if count == 0 || !approxAllowedAfter(toks[count-1]) || j+1 < n && lex.suffixStop[r][text[j+1]] {
				return count
			}
			add(token{kind: tokApprox, start: j, end: j + 1, marker: r})
		case classFew:
			nextIsUnit := j+1 < n && isUnit(text[j+1])
			prevAllows := count > 0 && (toks[count-1].kind == tokSmall || toks[count-1].kind == tokBig || (toks[count-1].kind == tokDigit && toks[count-1].zero))
			if !nextIsUnit && !prevAllows {
				return count
			}
			add(token{kind: tokFew, start: j, end: j + 1, marker: r})
		default:
			if r == '数' && count == 0 && j+1 < n && isUnit(text[j+1]) {
				add(token{kind: tokFew, start: j, end: j + 1, marker: r})
				break
			}
			return count
		}
		j++
	}
	return count
}

func isUnit(r rune) bool {
	c := lex.info(r).class
	return c == classSmall || c == classBig
}

func approxAllowedAfter(prev token) bool {
	switch prev.kind {
	case tokSmall, tokBig:
		return true
	case tokArabic:
		return !prev.decimal && !prev.exponent && prev.value >= 10
	}
	return false
}

// canJoinAcrossSpace allows 一百 五 十 二 and 7 万5 千: a space is skipped when a unit is
// on one side of it, never between two bare digits (1 2, 五 四).
func canJoinAcrossSpace(prev token, text []rune, k int) bool {
	c := lex.info(text[k]).class
	switch c {
	case classSmall, classBig, classApprox, classPoint:
		return prev.kind != tokApprox || c == classBig
	}
	if prev.kind == tokSmall || prev.kind == tokBig {
		return c == classDigit || c == classTens || c == classFew || isArabicDigit(text[k])
	}
	return false
}

func isPair(a, b token) bool {
	if a.kind != tokDigit || b.kind != tokDigit || a.zero || b.zero {
		return false
	}
	if b.value == a.value+1 && !a.noDecimal {
		return true // 三四 五六; 两三 has a.noDecimal but is fine too
	}
	if a.noDecimal && a.value == 2 && b.value == 3 {
		return true // 两三
	}
	if b.noDecimal && a.value == 1 && b.value == 2 {
		return true // 一两
	}
	return a.value == 3 && b.value == 5 // 三五
}

// evaluate returns the numeral and -1, or the index of the token where the
// evaluation failed (len(toks) when only the end is wrong).
func evaluate(toks []token) (coreResult, int) {
	var r coreResult
	digits, others := 0, 0
	decimalAt := -1
	for k, t := range toks {
		switch t.kind {
		case tokDigit:
			digits++
		case tokDecimal:
			if decimalAt < 0 {
				decimalAt = k
			}
		default:
			others++
		}
		// The script is that of digits and units; 余 in 720余 does not make it mixed.
		switch t.kind {
		case tokArabic:
			r.arabic = true
		case tokApprox:
		default:
			r.chinese = true
		}
	}
	// Digit by digit: 二〇二四, 一七二零点一, 五五.
	if others == 0 && digits >= 2 && !(digits == 2 && decimalAt < 0 && isPair(toks[0], toks[1])) {
		value := 0.0
		for k, t := range toks {
			if t.kind == tokDecimal {
				value += t.value
				break
			}
			if t.noDecimal {
				return r, k // 两 is never read digit by digit
			}
			value = value*10 + t.value
		}
		r.low, r.high = value, value
		r.digitByDigit = true
		return r, -1
	}
	lowState, failAt := evaluatePass(toks, false)
	if failAt >= 0 {
		return r, failAt
	}
	highState, failAt := evaluatePass(toks, true)
	if failAt >= 0 {
		return r, failAt
	}
	r.low, r.high = lowState.value, highState.value
	r.vague = lowState.vague
	r.approx = lowState.approx
	r.bare = lowState.bare
	r.tailBig = lowState.tailBig
	r.maxBig = lowState.maxBig
	return r, -1
}

type passState struct {
	value   float64
	vague   bool
	approx  rune
	bare    bool
	tailBig float64
	maxBig  float64
}

// evaluatePass computes the value reading pairs and 几 as their low (high=false) or
// high end. It returns the index of the first token that cannot continue the numeral,
// or -1.
func evaluatePass(toks []token, high bool) (passState, int) {
	var st passState
	var total, section, pending float64
	hasPending := false
	pendingSpoken := false // a single digit that may stand for the next lower unit (三万五)
	var lastSmall, lastUnit, maxBig float64
	zeroSince := false
	decimalDone := false
	bigAfterDecimal := false
	approxSeen := false
	anyDigit := false
	// final is false before a unit: only a digit that ends the numeral (or comes before
	// its 点) stands for the next lower unit, 三万五 but not 5亿1万.
	pendingValue := func(final bool) (float64, bool) {
		if !hasPending {
			return 0, true
		}
		if final && pendingSpoken && !zeroSince && lastUnit >= 100 {
			return pending * lastUnit / 10, true
		}
		if lastUnit > 0 && pending >= lastUnit && lastUnit >= 10 {
			return 0, false
		}
		return pending, true
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if bigAfterDecimal && t.kind != tokBig && t.kind != tokApprox {
			return st, k
		}
		switch t.kind {
		case tokDigit, tokFew:
			if hasPending || decimalDone || approxSeen {
				// 三四十: a pair of neighbouring digits before a unit or at the end.
				if hasPending && k > 0 && isPair(toks[k-1], t) && (k+1 == len(toks) || toks[k+1].kind == tokSmall || toks[k+1].kind == tokBig) && !decimalDone && !approxSeen {
					st.vague = true
					if high {
						pending = t.value
					}
					continue
				}
				return st, k
			}
			if t.kind == tokDigit && t.zero {
				zeroSince = true
				anyDigit = true
				continue
			}
			v := t.value
			if t.kind == tokFew {
				st.vague = true
				st.approx = t.marker
				// 几十 is 10 to 90 but 二十几 is 20 to 29: the low digit is 1 only when a unit
				// follows and nothing of the section comes before.
				nextSmall := k+1 < len(toks) && (toks[k+1].kind == tokSmall || (toks[k+1].kind == tokBig && section == 0 && !zeroSince))
				switch {
				case high:
					v = 9
				case nextSmall:
					v = 1
				default:
					v = 0
				}
			}
			pending, hasPending, pendingSpoken = v, true, t.kind == tokDigit
			anyDigit = true
		case tokArabic:
			if hasPending || decimalDone || approxSeen {
				return st, k
			}
			pending, hasPending = t.value, true
			pendingSpoken = t.digits == 1 && !t.decimal && !t.exponent
			if t.zero {
				zeroSince = true
			}
			if t.decimal {
				decimalDone = true
			}
			anyDigit = true
		case tokSmall:
			if decimalDone || approxSeen {
				return st, k
			}
			if lastSmall != 0 && t.value >= lastSmall {
				return st, k
			}
			p := 1.0
			if hasPending {
				p = pending
				if k > 0 && toks[k-1].kind == tokDigit && p >= 10 {
					return st, k
				}
			}
			section += p * t.value
			lastSmall, lastUnit = t.value, t.value
			hasPending, zeroSince = false, false
		case tokBig:
			v, ok := pendingValue(false)
			if !ok {
				return st, k
			}
			v += section
			if v == 0 && total == 0 && !anyDigit && lastUnit == 0 {
				v = 1 // 万, 亿 on their own (Parse only)
				st.bare = true
			}
			switch {
			case t.value > maxBig:
				if v == 0 && maxBig > 0 {
					maxBig *= t.value
				} else {
					maxBig = t.value
				}
				total = (total + v) * t.value
			case v == 0 && total > 0:
				total *= t.value // 四万万, 万亿
				maxBig *= t.value
			case t.value < maxBig:
				total += v * t.value
			default:
				return st, k
			}
			st.tailBig = t.value
			if decimalDone {
				bigAfterDecimal = true
			}
			section, hasPending, lastSmall, lastUnit, zeroSince = 0, false, 0, t.value, false
			continue
		case tokDecimal:
			if decimalDone || approxSeen {
				return st, k
			}
			v, ok := pendingValue(true)
			if !ok {
				return st, k
			}
			section += v + t.value
			hasPending, decimalDone = false, true
		case tokApprox:
			if approxSeen {
				return st, k
			}
			approxSeen = true
			st.approx = t.marker
			continue
		}
		st.tailBig = 0
	}
	v, ok := pendingValue(true)
	if !ok {
		return st, len(toks)
	}
	st.value = total + section + v
	if !anyDigit {
		st.bare = true
	}
	st.maxBig = maxBig
	return st, -1
}
