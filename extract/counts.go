package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/extract/measure"
)

// number is a numeral found in the text, as the count finder needs it.
type number struct {
	Start, End   int
	Value        float64
	Low, High    float64
	Approx       string // marker inside the numeral (45万余, 三十多)
	Bound        string
	Chinese      bool // written with Chinese numerals only
	Percent      bool // the numeral carries its own percent (百分之八十, 八成, 5%)
	PercentPoint bool // 3个百分点
	Skip         bool // ordinal, code, fraction, version: never a count
	Vague        bool // 数十, 几百: no definite value
	Range        bool
}

// clauseCount is a count under construction, before IDs are given.
type clauseCount struct {
	q          Quantity
	numStart   int // start of the numeral (after any prefix marker)
	objectFrom string
}

// sentenceContext is what the count finder knows about one sentence.
type sentenceContext struct {
	text       []rune // original, for what is shown
	norm       []rune // normalised, for matching; same offsets as text
	start, end int
	tokens     []Token
}

// findCounts returns the counts of one sentence, in text order.
func (x *Extractor) findCounts(sc sentenceContext) []clauseCount {
	var out []clauseCount
	quoted := quoteMask(sc.norm, sc.start, sc.end)
	for _, n := range x.numbers(sc.norm, sc.start, sc.end) {
		c, ok := x.countAt(sc, n, quoted)
		if !ok {
			continue
		}
		out = append(out, c)
	}
	x.findObjects(sc, out)
	for i := range out {
		out[i].q.Object = sc.original(out[i].q.Object, out[i].q.Start)
		out[i].q.Verb = sc.original(out[i].q.Verb, out[i].q.Start)
	}
	return out
}

// original returns phrase, a substring of the normalised sentence, as the
// original text writes it (full-width punctuation and all), taking the
// occurrence nearest to pos.
func (sc sentenceContext) original(phrase string, pos int) string {
	if phrase == "" {
		return ""
	}
	p := []rune(phrase)
	best := -1
	// the phrase is near its count: look within a window, not the sentence
	for k := max(sc.start, pos-200); k+len(p) <= min(sc.end, pos+200+len(p)); k++ {
		if string(sc.norm[k:k+len(p)]) != phrase {
			continue
		}
		if best < 0 || abs(k-pos) < abs(best-pos) {
			best = k
		}
	}
	if best < 0 {
		return phrase
	}
	return string(sc.text[best : best+len(p)])
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// countAt decides whether the numeral n begins a count and builds it.
func (x *Extractor) countAt(sc sentenceContext, n number, quoted []bool) (clauseCount, bool) {
	norm := sc.norm
	if n.Skip || n.Vague && n.Approx != "上" {
		return clauseCount{}, false // 数十, 几百: no figure; 上万 is at least ten thousand
	}
	if quoted[n.Start-sc.start] {
		return clauseCount{}, false // inside “…” or 《…》: part of a name
	}
	end := n.End
	var w measure.Word
	switch {
	case n.PercentPoint:
		w, _ = x.measures.Lookup("个百分点")
	case n.Percent && tenths(norm[n.Start:n.End]):
		// 四成, 七成半: tenths, kept as written (value 4, measure 成); the
		// measure table converts them to per cent for totals
		w, _ = x.measures.Lookup("成")
		n.Value, n.Low, n.High = n.Value/10, n.Low/10, n.High/10
	case n.Percent:
		w, _ = x.measures.Lookup("%")
	case end < sc.end:
		if _, bad := hasPrefixAt(norm, end, x.rules.falseMeasures); bad {
			return clauseCount{}, false
		}
		var ok bool
		w, ok = x.measures.MatchPrefix(norm[:sc.end], end)
		if !ok || w.Word == "成" {
			return clauseCount{}, false // 10成立: tenths are read by the numeral, not here
		}
		end += len([]rune(w.Word))
	default:
		return clauseCount{}, false
	}
	if w.Word == "个" {
		// 3个月, 两个多小时: a duration. 多 may stand between (两个多月).
		k := end
		if k < sc.end && norm[k] == '多' {
			k++
		}
		if _, ok := hasPrefixAt(norm, k, x.rules.durationFollowers); ok {
			return clauseCount{}, false
		}
	}
	if x.rules.rankMeasures[w.Word] && n.Start > sc.start && (norm[n.Start-1] == '前' || norm[n.Start-1] == '第') {
		return clauseCount{}, false // 前10位: a rank
	}
	if (w.Word == "届" || w.Word == "级") && n.Value >= 1900 && n.Value <= 2100 && n.End-n.Start == 4 {
		return clauseCount{}, false // 2025届毕业生, 2024级新生: a cohort named by its year
	}
	if w.Word == "起" && string(norm[n.Start:end]) == "四起" && (end >= sc.end || !isHan(norm[end])) {
		return clauseCount{}, false // 狼烟四起, 掌声四起: rising on all sides, no count of incidents
	}
	if n.Chinese && !n.Percent {
		if n.Value == 1 && !n.Range {
			return clauseCount{}, false // 一个, 一批: an article, not a figure
		}
		// 安大二期, 医疗中心二期项目: a phase of the project named before it
		// (a count of sessions is written with digits, 培训班3期, or after a
		// verb, 共办三期)
		if w.Word == "期" && n.Start > sc.start && isHan(norm[n.Start-1]) && !strings.ContainsRune("办了共计约近超达为期", norm[n.Start-1]) {
			return clauseCount{}, false
		}
		// 二十届三中全会, 一期工程: an ordinal or a phase.
		if x.rules.ordinalMeasures[w.Word] {
			if end < sc.end && isChineseDigit(norm[end]) {
				return clauseCount{}, false
			}
			if _, ok := hasPrefixAt(norm, end, x.rules.ordinalFollowers); ok {
				return clauseCount{}, false
			}
		}
		// 三台一报, 一户一工人: two small numerals close together make a name.
		for k := end; k < min(sc.end, end+3); k++ {
			if isChineseDigit(norm[k]) {
				return clauseCount{}, false
			}
		}
		if n.Value <= 10 {
			if _, ok := hasPrefixAt(norm, end, x.rules.abstractHeads); ok {
				return clauseCount{}, false
			}
		}
		if n.Start > sc.start && isChineseDigit(norm[n.Start-1]) {
			return clauseCount{}, false
		}
		if pureMagnitude(norm[n.Start:n.End]) || repeatedDigit(norm[n.Start:n.End]) {
			// 百万吨乙烯, 千亿级: a magnitude used as a description; 一一: not a number
			return clauseCount{}, false
		}
	}
	if x.rules.inSlogan(norm, n.Start, end) {
		return clauseCount{}, false
	}
	q := Quantity{
		Start:    n.Start,
		End:      end,
		Value:    n.Value,
		Measure:  w.Word,
		Category: w.Category,
		Approx:   n.Approx,
		Bound:    n.Bound,
	}
	if w.Word == "％" {
		q.Measure = "%"
	}
	if per, ok := perUnitAt(norm, q.End, sc.end); ok {
		// 778元/月, 18.92万吨/日: a rate, kept as written and never summed
		q.Measure += "/" + per
		q.Category = "per"
		q.End += 1 + utf8.RuneCountInString(per)
		end = q.End
	}
	if q.Approx == "" {
		if marker, _ := x.prefixApprox(norm, sc.start, n.Start); marker != "" {
			q.Approx, q.Bound = marker, boundOf(marker)
		} else if marker, stop := x.suffixApprox(norm, sc.end, end); marker != "" {
			q.Approx, q.Bound = marker, boundOf(marker)
			q.End = stop
		}
	}
	if q.Bound == "" {
		q.Bound = BoundExact
	}
	setBounds(&q, n)
	q.Text = string(norm[q.Start:q.End])
	return clauseCount{q: q, numStart: n.Start}, true
}

// tenths reports whether a percentage was written in tenths (四成, 7.2成,
// 七成半).
func tenths(text []rune) bool {
	n := len(text)
	return n > 0 && (text[n-1] == '成' || n > 1 && text[n-1] == '半' && text[n-2] == '成')
}

// perUnits are what a rate is per, after a slash (元/月, 吨/日, 人/万人).
var perUnits = []string{"平方米", "千瓦时", "小时", "万人", "月", "年", "日", "天", "周", "人", "户", "次", "亩", "吨", "公里", "秒", "分钟", "台", "床"}

// perUnitAt reads "/月" or "/平方米" at k, within the clause ending at stop.
func perUnitAt(norm []rune, k, stop int) (string, bool) {
	if k >= stop || norm[k] != '/' && norm[k] != '／' {
		return "", false
	}
	for _, p := range perUnits {
		r := []rune(p)
		if k+1+len(r) <= stop && string(norm[k+1:k+1+len(r)]) == p {
			return p, true
		}
	}
	return "", false
}

// setBounds fills Low and High from the bound's meaning.
func setBounds(q *Quantity, n number) {
	v := q.Value
	lo, hi := v, v
	switch q.Bound {
	case BoundLower:
		q.Low, q.High = &lo, nil
		return
	case BoundUpper:
		zero := 0.0
		q.Low, q.High = &zero, &hi
		return
	case BoundRange:
		lo, hi = n.Low, n.High
	case BoundAbout:
		// about: no hard bounds are claimed; keep the value as both ends so
		// totals stay usable, and the bound says it is approximate.
	}
	q.Low, q.High = &lo, &hi
}

// pureMagnitude reports numerals made only of magnitude words (百万, 千亿).
func pureMagnitude(num []rune) bool {
	for _, r := range num {
		if !strings.ContainsRune("十百千万亿", r) {
			return false
		}
	}
	return len(num) > 0 && !(len(num) == 1 && num[0] == '十')
}

// repeatedDigit reports a run of one digit written twice or more with no
// magnitude (一一, 三三): a word, not a number.
func repeatedDigit(num []rune) bool {
	if len(num) < 2 {
		return false
	}
	for _, r := range num[1:] {
		if r != num[0] {
			return false
		}
	}
	return true
}

func isChineseDigit(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十两百千零〇壹贰叁肆伍陆柒捌玖拾", r)
}

// quoteMask marks the runes of [start, end) that lie inside quotation marks
// or book-title marks. An opening mark that is not closed within a short
// name's length is a typo or a long quotation, not a name, and marks nothing.
func quoteMask(norm []rune, start, end int) []bool {
	const maxName = 40
	mask := make([]bool, end-start)
	for i := start; i < end; i++ {
		closer, ok := closingMark(norm[i])
		if !ok {
			continue
		}
		for j := i + 1; j < min(end, i+1+maxName); j++ {
			if norm[j] == norm[i] {
				break // opened again before closing: the first is a stray mark
			}
			if norm[j] == closer {
				for k := i + 1; k < j; k++ {
					mask[k-start] = true
				}
				i = j
				break
			}
		}
	}
	return mask
}

func closingMark(r rune) (rune, bool) {
	switch r {
	case '“':
		return '”', true
	case '《':
		return '》', true
	case '「':
		return '」', true
	case '『':
		return '』', true
	case '‘':
		return '’', true
	case '〈':
		return '〉', true
	}
	return 0, false
}
