package extract

import (
	"sort"

	"github.com/bulletin-tool/bulletin/extract/clean"
)

// Kinds of numeric expressions listed by ListNumbers.
const (
	NumberCount       = "count"       // a count the extractor reports
	NumberPercent     = "percent"     // a percent or percentage-point count
	NumberMoney       = "money"       // a count of money
	NumberDate        = "date"        // 2024年, 3月15日
	NumberOrdinal     = "ordinal"     // 第18期, 二十届
	NumberCode        = "code"        // phone numbers, codes, versions, fractions
	NumberVague       = "vague"       // 数十, 多个
	NumberBare        = "bare"        // a number with no measure word, or one that is no count
	NumberBoilerplate = "boilerplate" // inside text removed as site boilerplate
)

// NumberMention is one numeric expression of a file, for `bulletin numbers`.
type NumberMention struct {
	Text    string   `json:"text"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Line    int      `json:"line"`
	Kind    string   `json:"kind"`
	Value   float64  `json:"value"`
	Low     *float64 `json:"low"`
	High    *float64 `json:"high"`
	Approx  string   `json:"approx"`
	Measure string   `json:"measure,omitempty"`
}

// ListNumbers lists every numeric expression of a file with its kind, so the
// numeral layer can be checked on its own.
func (x *Extractor) ListNumbers(t *Text) []NumberMention {
	doc := x.Clean(t)
	var spans []clean.Sentence
	for _, b := range doc.Bulletins {
		spans = append(spans, b.Sentences...)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []NumberMention
	for _, n := range x.numbers(doc.Norm, 0, len(doc.Norm)) {
		m := NumberMention{Start: n.Start, End: n.End, Value: n.Value, Approx: n.Approx, Line: doc.Line(n.Start)}
		lo, hi := n.Low, n.High
		m.Low, m.High = &lo, &hi
		if n.Bound == BoundLower {
			m.High = nil
		}
		switch {
		case doc.IsRemoved(n.Start):
			m.Kind = NumberBoilerplate
		case n.Skip && isOrdinalNumber(doc.Norm, n):
			m.Kind = NumberOrdinal
		case n.Skip:
			m.Kind = NumberCode
		case n.Vague:
			m.Kind = NumberVague
		case n.End < len(doc.Norm) && isDateUnit(doc.Norm[n.End]):
			m.Kind = NumberDate
		default:
			m.Kind = NumberBare
			if s, ok := sentenceHolding(spans, n.Start); ok {
				sc := sentenceContext{text: doc.Text, norm: doc.Norm, start: s.Start, end: s.End}
				if c, ok := x.countAt(sc, n, quoteMask(doc.Norm, s.Start, s.End)); ok {
					m.Start, m.End, m.Measure, m.Approx = c.q.Start, c.q.End, c.q.Measure, c.q.Approx
					m.Low, m.High = c.q.Low, c.q.High
					switch c.q.Category {
					case "rate", "rate_point":
						m.Kind = NumberPercent
					case "money", "money_usd":
						m.Kind = NumberMoney
					default:
						m.Kind = NumberCount
					}
				}
			}
		}
		m.Text = string(doc.Text[m.Start:m.End])
		out = append(out, m)
	}
	return out
}

func isOrdinalNumber(norm []rune, n number) bool {
	return n.Start > 0 && norm[n.Start-1] == '第'
}

func isDateUnit(r rune) bool {
	switch r {
	case '年', '月', '日', '号', '时', '点', '分', '秒':
		return true
	}
	return false
}

func sentenceHolding(spans []clean.Sentence, pos int) (clean.Sentence, bool) {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > pos })
	if i < len(spans) && spans[i].Start <= pos {
		return spans[i], true
	}
	return clean.Sentence{}, false
}
