package extract

import (
	"strings"
	"unicode"
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
	chinese    bool
}

// sentenceContext is what the count finder knows about one sentence.
type sentenceContext struct {
	norm       []rune
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
	return out
}

// countAt decides whether the numeral n begins a count and builds it.
func (x *Extractor) countAt(sc sentenceContext, n number, quoted []bool) (clauseCount, bool) {
	norm := sc.norm
	if n.Skip || n.Vague {
		return clauseCount{}, false
	}
	if quoted[n.Start-sc.start] {
		return clauseCount{}, false // inside “…” or 《…》: part of a name
	}
	end := n.End
	var w measure.Word
	switch {
	case n.PercentPoint:
		w, _ = x.measures.Lookup("个百分点")
	case n.Percent:
		w, _ = x.measures.Lookup("%")
	case end < sc.end:
		if _, bad := hasPrefixAt(norm, end, x.rules.falseMeasures); bad {
			return clauseCount{}, false
		}
		var ok bool
		w, ok = x.measures.MatchPrefix(norm[:sc.end], end)
		if !ok {
			return clauseCount{}, false
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
	if n.Chinese && !n.Percent {
		if n.Value == 1 && !n.Range {
			return clauseCount{}, false // 一个, 一批: an article, not a figure
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
	numStart := n.Start
	if q.Approx == "" {
		if marker, at := x.prefixApprox(norm, sc.start, n.Start); marker != "" {
			q.Approx, q.Bound = marker, boundOf(marker)
			numStart = at
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
	_ = numStart
	return clauseCount{q: q, numStart: n.Start, chinese: n.Chinese}, true
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

// findObjects fills Object and Verb of each count from the tokens of the
// sentence: the noun phrase after the measure word when one follows it
// (10万余份宣传资料), otherwise the noun phrase before the number
// (播报民族团结专题新闻84条, 受教育群众55373人次).
func (x *Extractor) findObjects(sc sentenceContext, counts []clauseCount) {
	toks := sc.tokens
	for i := range counts {
		c := &counts[i]
		q := &c.q
		after := firstTokenAt(toks, q.End)
		if q.Category != "rate" && q.Category != "rate_point" && q.Category != "ratio" {
			if obj := nounPhraseAfter(toks, after, sc.end); obj != "" {
				q.Object, c.objectFrom = obj, "after"
			}
		}
		before := lastTokenBefore(toks, c.numStart)
		before = skipConnectors(toks, before, x.prefixEnd(sc, c.numStart))
		if q.Object == "" {
			if obj := nounPhraseBefore(toks, before); obj != "" {
				q.Object, c.objectFrom = obj, "before"
			}
		}
		if q.Object == "" && before >= 0 && toks[before].Pos == "v" && !connectors[toks[before].Text] && utf8.RuneCountInString(toks[before].Text) >= 2 {
			// 易地扶贫搬迁一期搬迁50户: the counted thing is named by its verb
			q.Object, c.objectFrom = toks[before].Text, "verb"
		}
		q.Verb = verbBefore(toks, before)
		if q.Object == "" && i > 0 && chained(sc.norm, counts[i-1].q.End, q.Start) {
			q.Object, c.objectFrom = counts[i-1].q.Object, "chain"
		}
	}
	// A coordinated count written right after another (搬迁50户186人) is the
	// same event: share group and object.
	for i := 1; i < len(counts); i++ {
		prev, cur := &counts[i-1], &counts[i]
		if cur.q.Start == prev.q.End {
			if prev.q.Group == "" {
				prev.q.Group = "g" + itoa(prev.q.Start)
			}
			cur.q.Group = prev.q.Group
			if cur.objectFrom != "after" && prev.q.Object != "" {
				cur.q.Object = prev.q.Object
			} else if prev.q.Object == "" {
				prev.q.Object = cur.q.Object
			}
		}
	}
}

// prefixEnd is the position where a prefix approximation marker before the
// numeral starts (or the numeral itself when there is none).
func (x *Extractor) prefixEnd(sc sentenceContext, numStart int) int {
	if m, at := x.prefixApprox(sc.norm, sc.start, numStart); m != "" {
		return at
	}
	return numStart
}

// chained reports whether only connectors and list punctuation stand between
// two counts (6.36万亿元、增长5.1%).
func chained(norm []rune, from, to int) bool {
	if to < from || to-from > 8 {
		return false
	}
	gap := string(norm[from:to])
	for _, c := range []string{"、", "，", ",", "比上年", "同比", "增长", "下降", "提高", "增加", "减少", "分别", "为", "和", "及", "达", "到"} {
		gap = strings.ReplaceAll(gap, c, "")
	}
	return gap == ""
}

func firstTokenAt(toks []Token, pos int) int {
	for i, t := range toks {
		if t.Start >= pos {
			return i
		}
	}
	return len(toks)
}

func lastTokenBefore(toks []Token, pos int) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].End <= pos {
			return i
		}
	}
	return -1
}

// connectors stand between a counted thing and its number (群众达45万人次).
var connectors = map[string]bool{
	"达": true, "达到": true, "为": true, "共": true, "共计": true, "计": true, "累计": true,
	"总计": true, "合计": true, "增长": true, "下降": true, "提高": true, "增加": true,
	"减少": true, "降低": true, "提升": true, "同比": true, "同比增长": true, "比上年": true,
	"年均": true, "分别": true, "分别为": true, "有": true, "是": true, "已": true, "已达": true,
	"新增": true, "占": true, "到": true, "至": true, "约": true, "近": true, "超": true,
	"超过": true, "突破": true, "逾": true, "将近": true, "接近": true, "不到": true, "不足": true,
	"多": true, "均": true, "总数": false, "共有": true, "开展": false, "增": true, "降": true,
	"上升": true, "回落": true, "实现": true, "完成": true, "达成": true, "累计达": true,
}

func skipConnectors(toks []Token, i, limit int) int {
	for i >= 0 && (toks[i].End > limit || connectors[toks[i].Text]) {
		i--
	}
	return i
}

// nounLike reports whether a token can be part of the name of a counted thing.
func nounLike(t Token) bool {
	switch t.Pos {
	case "n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "ng", "vn", "an", "j", "l", "b", "eng", "nw", "i":
		return true
	case "x":
		r := []rune(t.Text)
		return len(r) > 0 && unicode.Is(unicode.Han, r[0])
	}
	return false
}

func isOpenQuote(s string) bool  { return s == "“" || s == "《" || s == "「" || s == "‘" }
func isCloseQuote(s string) bool { return s == "”" || s == "》" || s == "」" || s == "’" }

// nounPhraseAfter collects the noun phrase that starts at token i.
func nounPhraseAfter(toks []Token, i, limit int) string {
	var b strings.Builder
	n := 0
	for ; i < len(toks) && toks[i].Start < limit; i++ {
		t := toks[i]
		if isOpenQuote(t.Text) {
			j := i + 1
			for j < len(toks) && !isCloseQuote(toks[j].Text) && j-i < 20 {
				j++
			}
			if j >= len(toks) || j-i >= 20 {
				break
			}
			for k := i; k <= j; k++ {
				b.WriteString(toks[k].Text)
			}
			i = j
			n++
			continue
		}
		if t.Pos == "a" && n == 0 && i+1 < len(toks) && nounLike(toks[i+1]) {
			b.WriteString(t.Text)
			continue
		}
		if !nounLike(t) {
			break
		}
		b.WriteString(t.Text)
		n++
		if n >= 6 {
			break
		}
	}
	return strings.TrimSpace(b.String())
}

// nounPhraseBefore collects the noun phrase that ends at token i.
func nounPhraseBefore(toks []Token, i int) string {
	var parts []string
	n := 0
	for ; i >= 0; i-- {
		t := toks[i]
		if isCloseQuote(t.Text) {
			j := i - 1
			for j >= 0 && !isOpenQuote(toks[j].Text) && i-j < 20 {
				j--
			}
			if j < 0 || i-j >= 20 {
				break
			}
			var q strings.Builder
			for k := j; k <= i; k++ {
				q.WriteString(toks[k].Text)
			}
			parts = append(parts, q.String())
			i = j
			n++
			continue
		}
		// A verb right after a quoted name belongs to it (“…”宣讲活动).
		if (t.Pos == "v" || t.Pos == "a") && n > 0 && i > 0 && isCloseQuote(toks[i-1].Text) {
			parts = append(parts, t.Text)
			continue
		}
		if t.Pos == "a" && n > 0 {
			parts = append(parts, t.Text)
			continue
		}
		if !nounLike(t) {
			if n == 0 && (t.Text == "其他" || t.Text == "其它") {
				parts = append(parts, t.Text)
			}
			break
		}
		parts = append(parts, t.Text)
		n++
		if n >= 6 {
			break
		}
	}
	var b strings.Builder
	for k := len(parts) - 1; k >= 0; k-- {
		b.WriteString(parts[k])
	}
	return b.String()
}

// verbBefore finds the verb of the clause before token i (开展, 播报).
func verbBefore(toks []Token, i int) string {
	for ; i >= 0; i-- {
		t := toks[i]
		if isClauseBreak([]rune(t.Text)[0]) {
			return ""
		}
		if t.Pos == "v" && !connectors[t.Text] {
			return t.Text
		}
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
