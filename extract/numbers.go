package extract

import (
	"math"

	"github.com/bulletin-tool/bulletin/extract/numeral"
)

// numbers scans norm[start:end] for numerals, with spans in norm's coordinates.
func (x *Extractor) numbers(norm []rune, start, end int) []number {
	found := numeral.Scan(norm[start:end])
	out := make([]number, 0, len(found))
	for _, n := range found {
		out = append(out, number{
			Start:        start + n.Start,
			End:          start + n.End,
			Value:        n.Value,
			Low:          finite(n.Low, n.Value),
			High:         finite(n.High, n.Value),
			Approx:       n.Approx,
			Bound:        string(n.Bound),
			Chinese:      n.Kind == numeral.KindChinese,
			Percent:      n.Percent,
			PercentPoint: n.PercentPoint,
			Skip:         n.Ordinal || n.Code || n.Fraction || n.Version,
			Vague:        n.Vague,
			Range:        n.Range,
		})
	}
	return out
}

func finite(v, fallback float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fallback
	}
	return v
}

func (x *Extractor) prefixApprox(norm []rune, sentenceStart, numStart int) (string, int) {
	m, at := numeral.PrefixApprox(norm[sentenceStart:numStart], numStart-sentenceStart)
	if m == "" {
		return "", numStart
	}
	return m, sentenceStart + at
}

func (x *Extractor) suffixApprox(norm []rune, sentenceEnd, end int) (string, int) {
	m, stop := numeral.SuffixApprox(norm[:sentenceEnd], end)
	if m == "" {
		return "", end
	}
	return m, stop
}

// boundOf is the meaning of an approximation marker.
func boundOf(marker string) string {
	if marker == "" {
		return BoundExact
	}
	if b, ok := numeral.ApproxBound(marker); ok {
		return string(b)
	}
	return BoundAbout
}
