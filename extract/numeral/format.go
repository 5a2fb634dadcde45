package numeral

import "strings"

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// FormatChinese writes n as a Chinese numeral in the usual form: 一万零五百, 十五,
// 三万五千亿, 负十二. Values at or above 1e16 use 亿亿 and do not parse back exactly.
func FormatChinese(n int64) string {
	if n == 0 {
		return "零"
	}
	var b strings.Builder
	u := uint64(n)
	if n < 0 {
		b.WriteString("负")
		u = uint64(-n)
	}
	out := formatBelow(u, true)
	b.WriteString(out)
	return b.String()
}

// formatBelow writes u > 0; leading says whether it starts the numeral (十五, not 一十五).
func formatBelow(u uint64, leading bool) string {
	const yi = 100000000
	if u >= yi {
		high, low := u/yi, u%yi
		s := formatBelow(high, leading) + "亿"
		if low == 0 {
			return s
		}
		if low < 10000000 {
			s += "零"
		}
		return s + formatBelow(low, false)
	}
	if u >= 10000 {
		high, low := u/10000, u%10000
		s := formatSection(high, leading) + "万"
		if low == 0 {
			return s
		}
		if low < 1000 {
			s += "零"
		}
		return s + formatSection(low, false)
	}
	return formatSection(u, leading)
}

// formatSection writes 1 ≤ u ≤ 9999 with 零 for skipped units.
func formatSection(u uint64, leading bool) string {
	var b strings.Builder
	units := []string{"千", "百", "十", ""}
	divisors := []uint64{1000, 100, 10, 1}
	started, zero := false, false
	for k, d := range divisors {
		digit := u / d % 10
		if digit == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(digit == 1 && k == 2 && !started && leading) {
			b.WriteString(chineseDigits[digit])
		}
		b.WriteString(units[k])
		started = true
	}
	return b.String()
}
