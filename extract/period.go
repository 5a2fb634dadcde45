package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/bulletin-tool/bulletin/extract/clean"
)

// periodMention is a phrase that says which time a figure belongs to.
type periodMention struct {
	start, end int
	value      string // 2024, 2024-Q1, 2024-H1, 2024-03, or the words as written
	cumulative bool   // 截至目前, 累计: a running total, not a period's figure
	sentence   int    // start of the sentence it is in
}

type periodIndex struct {
	mentions []periodMention
}

var quarterWords = []struct {
	word, value string
}{
	{"第一季度", "Q1"}, {"第二季度", "Q2"}, {"第三季度", "Q3"}, {"第四季度", "Q4"},
	{"一季度", "Q1"}, {"二季度", "Q2"}, {"三季度", "Q3"}, {"四季度", "Q4"},
	{"前三季度", "Q1-Q3"}, {"上半年", "H1"}, {"下半年", "H2"}, {"全年", "Y"},
}

// findPeriods lists the period phrases of a bulletin. The year of a bare
// 一季度 comes from the nearest year mentioned before it, else from the
// bulletin's date.
func findPeriods(doc *clean.Document, b clean.Bulletin) periodIndex {
	var idx periodIndex
	year := ""
	if b.Date != nil && len(b.Date.Value) >= 4 {
		year = b.Date.Value[:4]
	}
	for _, s := range b.Sentences {
		norm := doc.Norm
		for k := s.Start; k < s.End; k++ {
			if m, ok := periodAt(norm, k, s.End, &year); ok {
				m.sentence = s.Start
				idx.mentions = append(idx.mentions, m)
				k = m.end - 1
			}
		}
	}
	return idx
}

// periodStarts are the first characters a period phrase can begin with.
const periodStarts = "截累0123456789第一二三四前上下全"

func periodAt(norm []rune, k, end int, year *string) (periodMention, bool) {
	if !strings.ContainsRune(periodStarts, norm[k]) {
		return periodMention{}, false
	}
	rest := string(norm[k:min(end, k+12)])
	for _, p := range []string{"截至目前", "截止目前", "截至当前", "截至今年", "截至去年"} {
		if strings.HasPrefix(rest, p) {
			return periodMention{start: k, end: k + len([]rune(p)), value: p, cumulative: true}, true
		}
	}
	if strings.HasPrefix(rest, "截至") || strings.HasPrefix(rest, "截止") || strings.HasPrefix(rest, "累计") {
		m := periodMention{start: k, end: k + 2, value: string(norm[k : k+2]), cumulative: true}
		if y, stop, ok := yearAt(norm, k+2, end); ok {
			*year = y
			m.value, m.end = y, stop
		}
		return m, true
	}
	if y, stop, ok := yearAt(norm, k, end); ok && (k == 0 || !isASCIIDigit(norm[k-1])) {
		*year = y
		m := periodMention{start: k, end: stop, value: y}
		rest := string(norm[stop:min(end, stop+6)])
		for _, q := range quarterWords {
			if strings.HasPrefix(rest, q.word) {
				m.value, m.end = y+"-"+q.value, stop+len([]rune(q.word))
				break
			}
		}
		if mo, stop2, ok := monthAt(norm, m.end, end); ok && m.value == y {
			m.value, m.end = y+"-"+mo, stop2
		}
		return m, true
	}
	for _, q := range quarterWords {
		if strings.HasPrefix(rest, q.word) {
			v := q.word
			if *year != "" {
				v = *year + "-" + q.value
			}
			return periodMention{start: k, end: k + len([]rune(q.word)), value: v}, true
		}
	}
	return periodMention{}, false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// yearAt reads 2024年 (four digits, then 年, not 年度计划 etc.).
func yearAt(norm []rune, k, end int) (string, int, bool) {
	if k+5 > end {
		return "", k, false
	}
	for i := 0; i < 4; i++ {
		if !isASCIIDigit(norm[k+i]) {
			return "", k, false
		}
	}
	if norm[k+4] != '年' {
		return "", k, false
	}
	y := string(norm[k : k+4])
	if n, _ := strconv.Atoi(y); n < 1900 || n > 2100 {
		return "", k, false
	}
	return y, k + 5, true
}

func monthAt(norm []rune, k, end int) (string, int, bool) {
	i := k
	for i < end && i < k+2 && isASCIIDigit(norm[i]) {
		i++
	}
	if i == k || i >= end || norm[i] != '月' {
		return "", k, false
	}
	n, _ := strconv.Atoi(string(norm[k:i]))
	if n < 1 || n > 12 {
		return "", k, false
	}
	return strconv.Itoa(100 + n)[1:], i + 1, true
}

// apply sets the period of a count from the nearest mention before it in
// its sentence; 累计 or 截至 anywhere before it in the sentence makes it
// cumulative.
func (p periodIndex) apply(q *Quantity) {
	// mentions are in text order: start from the last one before the count
	// and stop at the start of its sentence
	last := sort.Search(len(p.mentions), func(i int) bool { return p.mentions[i].end > q.Start }) - 1
	for i := last; i >= 0 && p.mentions[i].sentence >= q.Provenance.SentenceStart; i-- {
		m := p.mentions[i]
		if m.sentence != q.Provenance.SentenceStart {
			continue
		}
		if q.Period == "" && !strings.HasPrefix(m.value, "截") && m.value != "累计" {
			q.Period = m.value
		}
		if m.cumulative {
			q.Cumulative = true
		}
	}
}
