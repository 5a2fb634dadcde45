package numeral

import (
	"errors"
	"fmt"
	"strings"
)

// ParseOptions changes how ParseNumber reads a string.
type ParseOptions struct {
	// Strict accepts only numerals written by the book, as cn2an's strict mode does:
	// Chinese digits and units with every unit and 零 in place (一百一十一, 一万零一),
	// no Arabic digits, no spoken forms (三万五), no digit-by-digit numerals (一一).
	Strict bool
}

// ErrNotNumeral is wrapped by the errors of Parse and ParseNumber.
var ErrNotNumeral = errors.New("not a numeral")

// Parse reads s, which must be one numeral as a whole: 1,234 3.5万 一千二百 两万
// 二〇二四 壹贰叁 百分之八十 (80) 三点五. Ranges give their low end. Use ParseNumber to
// learn whether the value is a percent, a range or approximate.
func Parse(s string) (float64, error) {
	num, err := ParseNumber(s, ParseOptions{})
	return num.Value, err
}

// ParseNumber reads s as one numeral and returns it with all its details; spans are
// rune offsets into s with surrounding spaces removed. Money written with 元 角 分
// (壹拾壹元壹角, 壹拾壹元整) is read as its amount in yuan.
func ParseNumber(s string, opts ParseOptions) (Number, error) {
	trimmed := strings.TrimSpace(s)
	runes := []rune(trimmed)
	if len(runes) == 0 {
		return Number{}, fmt.Errorf("numeral: empty string: %w", ErrNotNumeral)
	}
	body, cents, err := splitMoney(runes, opts.Strict)
	if err != nil {
		return Number{}, fmt.Errorf("numeral: %q: %v: %w", s, err, ErrNotNumeral)
	}
	if opts.Strict {
		if at, err := validateStrict(body); err != nil {
			return Number{}, fmt.Errorf("numeral: %q at rune %d: %v: %w", s, at, err, ErrNotNumeral)
		}
	}
	rd := &reader{text: body, parse: true}
	num, end, ok := rd.readAt(0, true)
	if !ok {
		return Number{}, fmt.Errorf("numeral: %q: no numeral at the start: %w", s, ErrNotNumeral)
	}
	if end != len(body) {
		return Number{}, fmt.Errorf("numeral: %q: unexpected %q at rune %d: %w", s, string(body[end:]), end, ErrNotNumeral)
	}
	if cents != 0 {
		num.Value += cents
		num.Low += cents
		num.High += cents
	}
	num.Text = trimmed
	num.End = len(runes)
	return num, nil
}

// splitMoney cuts 元整 圆整 元正 圆正, a final 元 or 圆 (not in strict mode), and
// 元Y角Z分, returning the numeral before 元 and the 角 and 分 as a fraction of a yuan.
func splitMoney(runes []rune, strict bool) ([]rune, float64, error) {
	n := len(runes)
	if n >= 2 && (runes[n-2] == '元' || runes[n-2] == '圆') && (runes[n-1] == '整' || runes[n-1] == '正') {
		if n == 2 {
			return nil, 0, errors.New("no amount before 元整")
		}
		return runes[:n-2], 0, nil
	}
	yuan := -1
	for i, r := range runes {
		if r == '元' || r == '圆' {
			yuan = i
			break
		}
	}
	if yuan < 0 {
		return runes, 0, nil
	}
	if yuan == 0 {
		return nil, 0, errors.New("no amount before 元")
	}
	rest := runes[yuan+1:]
	if len(rest) == 0 {
		if strict {
			return nil, 0, errors.New("元 without 整 or 角分 in strict mode")
		}
		return runes[:yuan], 0, nil
	}
	cents := 0.0
	i := 0
	for _, unit := range []struct {
		char  rune
		value float64
	}{{'角', 0.1}, {'分', 0.01}} {
		if i+1 < len(rest) && rest[i+1] == unit.char {
			info := lex.info(rest[i])
			if info.class != classDigit {
				return nil, 0, fmt.Errorf("%q before %c is not a digit", rest[i], unit.char)
			}
			cents += info.value * unit.value
			i += 2
		}
	}
	if i != len(rest) {
		return nil, 0, fmt.Errorf("unexpected %q after 元", string(rest[i:]))
	}
	return runes[:yuan], cents, nil
}
