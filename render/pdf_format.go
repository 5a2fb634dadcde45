package render

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed pdf_labels.tsv
var pdfLabelsTSV string

// pdfLabels maps "kind\tkey" to the Chinese label; parsed once, read-only.
var pdfLabels = sync.OnceValue(func() map[string]string {
	labels := map[string]string{}
	for line := range strings.SplitSeq(pdfLabelsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) == 3 {
			labels[fields[0]+"\t"+fields[1]] = fields[2]
		}
	}
	return labels
})

// label returns the Chinese label of key in kind, or key itself.
func label(kind, key string) string {
	if l, ok := pdfLabels()[kind+"\t"+key]; ok {
		return l
	}
	return key
}

// formatChineseNumber writes v the way Chinese reports do: plain below ten
// thousand, then in 万 or 亿 with at most two decimals (450000 → 45万,
// 123456789 → 1.23亿). It rounds, so exact figures belong in the appendix.
func formatChineseNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	switch {
	case v >= 1e8:
		return sign + trimDecimals(v/1e8, 2) + "亿"
	case v >= 1e4:
		// 9999.996万 would round to 10000万: say 1亿 instead.
		if s := trimDecimals(v/1e4, 2); s != "10000" {
			return sign + s + "万"
		}
		return sign + "1亿"
	default:
		return sign + trimDecimals(v, 2)
	}
}

// trimDecimals formats v with at most decimals digits after the point.
func trimDecimals(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// formatChineseBounds writes a value with what is known of its bounds:
// "45万", "≥ 45万" (a part was a lower bound such as 余 or 以上), "≤ 45万",
// "44万–46万". It mirrors analyze.FormatBounds with Chinese magnitudes.
func formatChineseBounds(exact, low float64, high *float64) string {
	switch {
	case high == nil && low >= exact:
		return "≥ " + formatChineseNumber(exact)
	case high == nil:
		return "≥ " + formatChineseNumber(low)
	case low == exact && *high == exact:
		return formatChineseNumber(exact)
	case low == 0 && *high == exact:
		return "≤ " + formatChineseNumber(exact)
	default:
		return formatChineseNumber(low) + "–" + formatChineseNumber(*high)
	}
}

// formatChineseDate writes an ISO date (2024-03-05, 2024-03, 2024) as
// 2024年3月5日; anything else is returned unchanged.
func formatChineseDate(iso string) string {
	for _, layout := range []struct{ in, out string }{
		{"2006-01-02", "2006年1月2日"},
		{"2006-01", "2006年1月"},
		{"2006", "2006年"},
	} {
		if t, err := time.Parse(layout.in, iso); err == nil {
			return t.Format(layout.out)
		}
	}
	return iso
}

// formatChineseTime writes a generation time as 2024年3月5日 14:07 (UTC+8
// offsets are kept as given: the caller chooses the zone).
func formatChineseTime(t time.Time) string {
	return t.Format("2006年1月2日 15:04")
}
