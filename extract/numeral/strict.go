package numeral

import "errors"

// Strict mode follows the grammar of cn2an's strict mode: every section of four digits
// is written in full, 零 stands exactly where a unit is skipped, and only the first
// 十 of a numeral may go without its digit (十一, 十万; but 一百一十一, not 一百十一).

type pattern func(s []rune, i int) []int

var strictNormal = map[rune]rune{
	'壹': '一', '贰': '二', '叁': '三', '肆': '四', '伍': '五', '陆': '六', '柒': '七', '捌': '八', '玖': '九',
	'拾': '十', '佰': '百', '仟': '千',
}

func literal(r rune) pattern {
	return func(s []rune, i int) []int {
		if i < len(s) && s[i] == r {
			return []int{i + 1}
		}
		return nil
	}
}

func digitOneToNine(s []rune, i int) []int {
	if i < len(s) && s[i] >= '一' && lex.info(s[i]).class == classDigit && s[i] != '零' && isPlainDigit(s[i]) {
		return []int{i + 1}
	}
	return nil
}

func isPlainDigit(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九':
		return true
	}
	return false
}

// unique drops repeated end positions, which would otherwise multiply at every level.
func unique(ends []int) []int {
	out := ends[:0]
	for _, e := range ends {
		seen := false
		for _, o := range out {
			if o == e {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, e)
		}
	}
	return out
}

func sequence(ps ...pattern) pattern {
	return func(s []rune, i int) []int {
		ends := []int{i}
		for _, p := range ps {
			var next []int
			for _, e := range ends {
				next = append(next, p(s, e)...)
			}
			if len(next) == 0 {
				return nil
			}
			ends = unique(next)
		}
		return ends
	}
}

func alternative(ps ...pattern) pattern {
	return func(s []rune, i int) []int {
		var ends []int
		for _, p := range ps {
			ends = append(ends, p(s, i)...)
		}
		return unique(ends)
	}
}

func optional(p pattern) pattern {
	return func(s []rune, i int) []int { return append([]int{i}, p(s, i)...) }
}

type strictGrammar struct {
	integer pattern
}

func buildStrictGrammar() strictGrammar {
	zero := literal('零')
	d := pattern(digitOneToNine)
	build := func(lead bool) (pattern, pattern) {
		tens := sequence(d, literal('十'), optional(d))
		if lead {
			tens = sequence(optional(d), literal('十'), optional(d))
		}
		tensAnywhere := sequence(d, literal('十'), optional(d))
		oneTo99 := alternative(tens, d)
		oneTo99After := alternative(tensAnywhere, d)
		hundreds := alternative(sequence(d, literal('百'), optional(sequence(zero, d))), sequence(d, literal('百'), tensAnywhere))
		oneTo999 := alternative(hundreds, oneTo99)
		oneTo999After := alternative(hundreds, oneTo99After)
		thousands := alternative(sequence(d, literal('千'), optional(sequence(zero, oneTo99After))), sequence(d, literal('千'), hundreds))
		oneTo9999 := alternative(thousands, oneTo999)
		tenThousands := alternative(sequence(oneTo9999, literal('万'), optional(sequence(zero, oneTo999After))), sequence(oneTo9999, literal('万'), thousands))
		return alternative(tenThousands, oneTo9999), tenThousands
	}
	below1e8Lead, _ := build(true)
	below1e8, tenThousands := build(false)
	hundredMillions := alternative(
		sequence(below1e8Lead, literal('亿'), optional(sequence(zero, below1e8))),
		sequence(below1e8Lead, literal('亿'), tenThousands))
	return strictGrammar{integer: alternative(zero, hundredMillions, below1e8Lead)}
}

var strictRules = buildStrictGrammar()

// maxStrictRunes is above the longest strict numeral (sixteen digits with their units,
// 负, 点 and sixteen decimals); it keeps the matcher's work bounded.
const maxStrictRunes = 72

// validateStrict checks s against the strict grammar and returns the rune offset of
// the problem with the error.
func validateStrict(s []rune) (int, error) {
	if len(s) > maxStrictRunes {
		return maxStrictRunes, errors.New("too long for a strict numeral")
	}
	normal := make([]rune, 0, len(s)+4)
	for i, r := range s {
		if v, ok := strictNormal[r]; ok {
			r = v
		}
		switch r {
		case '廿':
			normal = append(normal, '二', '十')
			continue
		case '卅':
			normal = append(normal, '三', '十')
			continue
		case '十', '百':
			if len(normal) > 0 && normal[len(normal)-1] == '零' {
				normal = append(normal, '一') // 一千零十, 一万零百一十一
			}
		case '负', '点', '零', '千', '万', '亿':
		default:
			if !isPlainDigit(r) {
				return i, errors.New("not a strict numeral character")
			}
		}
		normal = append(normal, r)
	}
	if len(normal) > 0 && normal[0] == '负' {
		normal = normal[1:]
	}
	integer, decimals := normal, []rune(nil)
	for i, r := range normal {
		if r == '点' {
			integer, decimals = normal[:i], normal[i+1:]
			if decimals == nil {
				decimals = []rune{}
			}
			break
		}
	}
	if len(integer) == 0 {
		return 0, errors.New("no integer part")
	}
	full := false
	for _, e := range strictRules.integer(integer, 0) {
		if e == len(integer) {
			full = true
			break
		}
	}
	if !full {
		return 0, errors.New("not a well-formed strict numeral")
	}
	if decimals != nil {
		if len(decimals) == 0 || len(decimals) > 16 || decimals[len(decimals)-1] == '零' {
			return len(integer), errors.New("decimals must end in a digit from 一 to 九")
		}
		for _, r := range decimals {
			if r != '零' && !isPlainDigit(r) {
				return len(integer), errors.New("decimals must be digits")
			}
		}
	}
	return 0, nil
}
