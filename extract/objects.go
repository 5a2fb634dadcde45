package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Where a count's object was found, in order of preference.
const (
	objectAfter      = "after"       // 10万余份宣传资料: the noun the classifier counts
	objectBefore     = "before"      // 播报民族团结专题新闻84条: the noun phrase before
	objectState      = "state"       // 造成43人死亡: what happened to the persons counted
	objectAcrossVerb = "across-verb" // 中欧班列累计开行1.3万列: the subject of the verb
	objectVerb       = "verb"        // 易地扶贫搬迁一期搬迁50户: the verb names it
	objectChain      = "chain"       // 6.36万亿元、增长5.1%: the previous count's
)

// findObjects fills Object and Verb of each count of a sentence from its
// tokens.
func (x *Extractor) findObjects(sc sentenceContext, counts []clauseCount) {
	toks := sc.tokens
	for i := range counts {
		c := &counts[i]
		q := &c.q
		after := firstTokenAt(toks, q.End)
		rate := q.Category == "rate" || q.Category == "rate_point" || q.Category == "ratio"
		if rate {
			// 80%的县级医院: a percent of something
			if after < len(toks) && toks[after].Text == "的" {
				if obj := nounPhraseAfter(toks, after+1, sc.end); obj != "" {
					q.Object, c.objectFrom = obj, objectAfter
				}
			}
		} else if obj := nounPhraseAfter(toks, after, sc.end); obj != "" {
			q.Object, c.objectFrom = obj, objectAfter
		} else if after < len(toks) && toks[after].Text == "的" {
			// 600多份的餐食, 1000多元的生果金: the counted thing after 的
			if obj := nounPhraseAfter(toks, after+1, sc.end); obj != "" {
				q.Object, c.objectFrom = obj, objectAfter
			}
		}
		limit := x.prefixEnd(sc, c.numStart)
		before := skipBack(toks, lastTokenBefore(toks, limit), false)
		if q.Object == "" {
			if obj := nounPhraseBefore(toks, before); obj != "" && obj != "其他" && obj != "其它" {
				q.Object, c.objectFrom = obj, objectBefore
				if q.Category == "event" {
					q.Object = withLeadingVerb(toks, before, obj)
				}
			}
		}
		if q.Object == "" && !rate && (q.Category == "person" || q.Category == "household" || q.Category == "person_time") {
			if obj := stateAfter(toks, after); obj != "" {
				q.Object, c.objectFrom = obj, objectState
			}
		}
		if q.Object == "" && before >= 0 && toks[before].Pos == "v" {
			if obj := nounPhraseBefore(toks, skipBack(toks, before-1, false)); obj != "" && obj != "其他" {
				q.Object, c.objectFrom = obj, objectAcrossVerb
			}
		}
		if q.Object == "" && before >= 0 && toks[before].Pos == "v" && !connectors[toks[before].Text] && utf8.RuneCountInString(toks[before].Text) >= 2 {
			q.Object, c.objectFrom = toks[before].Text, objectVerb
		}
		if q.Object == "" && i > 0 {
			// 粮食总产量1344亿斤，连续8年稳定在1300亿斤以上
			prev := counts[i-1].q
			if k := skipBack(toks, lastTokenBefore(toks, limit), true); k >= 0 && toks[k].End <= prev.End && toks[k].End > prev.Start-1 {
				q.Object, c.objectFrom = prev.Object, objectChain
			}
		}
		if q.Object == "" {
			if obj := nounPhraseBefore(toks, before); obj != "" {
				q.Object, c.objectFrom = obj, objectBefore // 其他1392场次
			}
		}
		q.Verb = verbBefore(toks, before)
	}
	respectively(sc, counts)
	for i := 1; i < len(counts); i++ {
		// 新增“百亿县”4个、总数达到40个: a total of the thing just counted
		if totalWords[counts[i].q.Object] && counts[i-1].q.Object != "" {
			counts[i].q.Object = counts[i-1].q.Object
		}
	}
	for i := 1; i < len(counts); i++ {
		prev, cur := &counts[i-1], &counts[i]
		gap := string(sc.norm[prev.q.End:cur.q.Start])
		switch {
		case cur.q.Start == prev.q.End:
			// 搬迁50户186人: coordinated counts of one event share group and object
			if prev.q.Group == "" {
				prev.q.Group = "g" + strconv.Itoa(prev.q.Start)
			}
			cur.q.Group = prev.q.Group
			if cur.objectFrom != objectAfter && prev.q.Object != "" {
				cur.q.Object = prev.q.Object
			} else if prev.q.Object == "" {
				prev.q.Object = cur.q.Object
			}
		case gap == "至" || gap == "到" || gap == "-" || gap == "~" || gap == "～" || gap == "—":
			// 15%至20%的运力: both ends of a range count the same thing
			if prev.q.Object == "" {
				prev.q.Object = cur.q.Object
			} else if cur.q.Object == "" {
				cur.q.Object = prev.q.Object
			}
		}
	}
}

// connectors stand between a counted thing and its number (群众达45万人次,
// 粮食产量稳定在760亿斤, 活跃度提升了三倍).
var connectors = map[string]bool{
	"达": true, "达到": true, "为": true, "共": true, "共计": true, "计": true, "累计": true,
	"总计": true, "合计": true, "增长": true, "下降": true, "提高": true, "增加": true,
	"减少": true, "降低": true, "提升": true, "同比": true, "同比增长": true, "比上年": true,
	"年均": true, "分别": true, "分别为": true, "有": true, "是": true, "已": true, "已达": true,
	"新增": true, "占": true, "到": true, "至": true, "约": true, "近": true, "超": true,
	"超过": true, "突破": true, "逾": true, "将近": true, "接近": true, "不到": true, "不足": true,
	"多": true, "均": true, "共有": true, "增": true, "降": true, "净增": true, "净减": true,
	"上升": true, "回落": true, "实现": true, "完成": true, "达成": true, "累计达": true,
	"稳定": true, "保持": true, "控制": true, "在": true, "稳定在": true, "保持在": true, "控制在": true,
	"了": true, "从": true, "由": true, "自": true, "较": true, "比": true, "的": true,
	"连续": true, "年均增长": true, "预计": true, "超出": true, "左右": true, "以上": true,
	"依次": true, "依次为": true, "只有": true, "只": true, "仅": true, "仅有": true, "最高": true,
	"最低": true, "每月": true, "每年": true, "每天": true, "每人次": true, "每人": true, "每户": true,
	" ": true, "\u3000": true, "全年": true, "今年": true, "去年": true, "上年": true, "同期": true,
}

// skipBack moves left from token i over connectors and periods (从2020年的,
// 连续4年); with acrossClauses it also crosses commas and list marks, to find
// a count the clause continues.
func skipBack(toks []Token, i int, acrossClauses bool) int {
	for i >= 0 {
		t := toks[i]
		switch {
		case connectors[t.Text]:
		case t.Text == "年" || t.Text == "月" || t.Text == "日" || t.Text == "年底" || t.Text == "年末":
		case isDigits(t.Text):
		case acrossClauses && (t.Text == "," || t.Text == "，" || t.Text == "、"):
		case t.Text == ")" || t.Text == "）":
			// 学术论文(含摘要)300余篇: a parenthesis between thing and number
			j := i - 1
			for j >= 0 && i-j < 8 && toks[j].Text != "(" && toks[j].Text != "（" {
				j--
			}
			if j < 0 || i-j >= 8 {
				return i
			}
			i = j
		default:
			return i
		}
		i--
	}
	return i
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// firstTokenAt is the index of the first token starting at or after pos.
func firstTokenAt(toks []Token, pos int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= pos })
}

// lastTokenBefore is the index of the last token ending at or before pos.
func lastTokenBefore(toks []Token, pos int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > pos }) - 1
}

// nounLike reports whether a token can be part of the name of a counted thing.
func nounLike(t Token) bool {
	switch t.Pos {
	case "n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "ng", "vn", "an", "j", "l", "b", "eng", "nw", "i", "s", "k":
		return true
	case "x", "zg":
		r := []rune(t.Text)
		return len(r) > 0 && unicode.Is(unicode.Han, r[0])
	}
	return false
}

// leadModifier reports whether a token may open a noun phrase when a noun
// follows it (相关责任人员, 直接责任人, 征收安置问题项目).
func leadModifier(t Token) bool {
	switch t.Pos {
	case "a", "ad", "b", "v", "vn", "d", "an", "t": // t: 未来产业试验场
		return true
	}
	return false
}

func isOpenQuote(s string) bool  { return s == "“" || s == "《" || s == "「" || s == "‘" }
func isCloseQuote(s string) bool { return s == "”" || s == "》" || s == "」" || s == "’" }

// nounPhraseAfter collects the noun phrase that starts at token i. A phrase
// followed at once by another number is the subject of the next item of a
// list run together (产业园15个优势特色产业集群9个), not this count's object.
func nounPhraseAfter(toks []Token, i, limit int) string {
	var b strings.Builder
	n := 0
	// (组) right after the measure word: 200件(组)作品
	if i+2 < len(toks) && toks[i].Text == "(" && toks[i+2].Text == ")" {
		i += 3
	}
	for lead := 0; lead < 2 && i+lead < len(toks) && leadModifier(toks[i+lead]); lead++ {
		if i+lead+1 < len(toks) && nounLike(toks[i+lead+1]) {
			for k := i; k <= i+lead; k++ {
				b.WriteString(toks[k].Text)
			}
			i += lead + 1
			break
		}
	}
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
		if !nounLike(t) {
			break
		}
		b.WriteString(t.Text)
		n++
		if n >= 6 {
			break
		}
	}
	if i < len(toks) && isDigits(toks[i].Text) && n > 0 {
		return ""
	}
	if n == 0 {
		return ""
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
		// 交付率, 增长率: a verb before a one-character noun suffix is part of the word
		if t.Pos == "v" && n == 1 && utf8.RuneCountInString(parts[0]) == 1 {
			parts = append(parts, t.Text)
			n++
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
	// 覆/v 盖/x 群众: a phrase does not begin inside a word the dictionary
	// split into single characters
	if len(parts) > 1 && i >= 0 && singleHan(parts[len(parts)-1]) && singleHan(toks[i].Text) {
		parts = parts[:len(parts)-1]
	}
	var b strings.Builder
	for k := len(parts) - 1; k >= 0; k-- {
		b.WriteString(parts[k])
	}
	return b.String()
}

// stateAfter reads what happened to the persons or households counted, when
// the count is followed by a verb that ends the clause (43人死亡, 32900户停电,
// 80万多人参与的…).
func stateAfter(toks []Token, i int) string {
	if i >= len(toks) || (toks[i].Pos != "v" && toks[i].Pos != "vn") {
		return ""
	}
	if i+1 < len(toks) {
		next := toks[i+1]
		r, _ := utf8.DecodeRuneInString(next.Text)
		if unicode.Is(unicode.Han, r) && next.Text != "的" && next.Text != "或" && next.Text != "和" {
			return ""
		}
	}
	if utf8.RuneCountInString(toks[i].Text) < 2 {
		return ""
	}
	return toks[i].Text
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

// prefixEnd is where a prefix approximation marker before the numeral
// starts (the numeral itself when there is none).
func (x *Extractor) prefixEnd(sc sentenceContext, numStart int) int {
	if m, at := x.prefixApprox(sc.norm, sc.start, numStart); m != "" {
		return at
	}
	return numStart
}

// totalWords name a total, not a thing: the thing is the previous count's.
var totalWords = map[string]bool{"总数": true, "总量": true, "总计": true, "总规模": true, "总额": true, "总体": true}

// respectively pairs a list of things with a list of counts written in the
// same order (原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米;
// 分别增长9.3%、7.3%、21.2% after it): a run of counts joined only by 、
// or 和 takes its objects from a list of as many noun phrases joined by 、
// before it, or from the list the previous run used.
func respectively(sc sentenceContext, counts []clauseCount) {
	var lastList []string
	for i := 0; i < len(counts); {
		j := i + 1
		for j < len(counts) && listGap(string(sc.norm[counts[j-1].q.End:counts[j].q.Start])) {
			j++
		}
		run := counts[i:j]
		if len(run) >= 2 {
			list := nounListBefore(sc, run[0])
			if len(list) != len(run) && len(lastList) == len(run) && strings.Contains(string(sc.norm[max(sc.start, run[0].q.Start-12):run[0].q.Start]), "分别") {
				list = lastList
			}
			if len(list) == len(run) {
				for k := range run {
					run[k].q.Object, run[k].objectFrom = list[k], "respectively"
				}
				lastList = list
			}
		}
		i = j
	}
}

func listGap(gap string) bool {
	return gap == "、" || gap == "和" || gap == "及" || gap == "," || gap == "，"
}

// nounListBefore reads the list of noun phrases joined by 、 (or 和) that
// ends right before the count's connectors: 原煤、原油、天然气产量 before
// 达到6640.8万吨. Items are taken as written (天然气产量 keeps its head).
func nounListBefore(sc sentenceContext, c clauseCount) []string {
	toks := sc.tokens
	i := skipBack(toks, lastTokenBefore(toks, c.numStart), false)
	for i >= 0 && (toks[i].Text == "分别" || toks[i].Pos == "d") {
		i = skipBack(toks, i-1, false)
	}
	var items []string
	for i >= 0 {
		end := i
		for i >= 0 && (nounLike(toks[i]) || toks[i].Pos == "a") {
			i--
		}
		if i == end {
			break
		}
		var b strings.Builder
		for k := i + 1; k <= end; k++ {
			b.WriteString(toks[k].Text)
		}
		items = append([]string{b.String()}, items...)
		if i >= 0 && (toks[i].Text == "、" || toks[i].Text == "和" || toks[i].Text == "及") {
			i--
			continue
		}
		break
	}
	if len(items) < 2 {
		return nil
	}
	return items
}

// withLeadingVerb extends the object of an event count with the verb that
// opens it when a list mark or 其中 comes right before the verb: in
// 其中篮球赛661场次、播放电影658场次 the activity counted is 播放电影.
func withLeadingVerb(toks []Token, last int, obj string) string {
	n := utf8.RuneCountInString(obj)
	i := last
	for i >= 0 && n > 0 {
		n -= utf8.RuneCountInString(toks[i].Text)
		i--
	}
	if i < 0 || toks[i].Pos != "v" || utf8.RuneCountInString(toks[i].Text) < 2 {
		return obj
	}
	if i == 0 || toks[i-1].Text == "、" || toks[i-1].Text == "其中" || toks[i-1].Text == "(" || toks[i-1].Text == "（" {
		return toks[i].Text + obj
	}
	return obj
}

func singleHan(s string) bool {
	r := []rune(s)
	return len(r) == 1 && unicode.Is(unicode.Han, r[0])
}
