package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/extract/clean"
	"github.com/bulletin-tool/bulletin/extract/gazetteer"
)

// A division the text names by its bare stem (贵州, 南昌, 广州) is very often
// just where something happened or part of a longer name, not an actor:
// 在贵州榕江的美丽乡村, 在江西南昌, 河北涿州、甘肃积石山等地, 广州白云国际机场.
// Such names are listed in Record.Places, not Units, unless some mention of
// the same division is an actor (郑州入选…, 支持郑州、洛阳建设…) or a count
// is linked to it. A division written in full (屈原管理区, 鄯善县) is a place
// only when every mention follows a locative word (在内蒙古鄂尔多斯东胜区):
// as a qualifier it usually names a unit of its own (鄯善县人民医院).

// locativeWords introduce where something happens (在北京, 赴四川, 来自河南).
var locativeWords = map[string]bool{
	"在": true, "于": true, "赴": true, "到": true, "至": true, "从": true,
	"来自": true, "位于": true, "地处": true, "途经": true, "远赴": true, "前往": true,
	"发往": true, "运往": true, "飞往": true, "开往": true, "驶往": true, "奔赴": true, "赶赴": true,
}

// placeRole is how one mention of a division is used.
type placeRole uint8

const (
	placeActor     placeRole = iota // 郑州入选…, 支持郑州、洛阳建设…
	placeLocative                   // 在贵州榕江, 赴四川
	placeQualifier                  // 广州白云国际机场, 河北涿州、甘肃积石山等地
)

// placeUse says of each gazetteer hit of a sentence (by its start) whether
// that mention names a place rather than an actor. toks are the sentence's
// tokens with the hits merged (mergeHitTokens).
func placeUse(toks []Token, hits []gazetteer.Hit, into map[int]placeRole) {
	if len(toks) == 0 {
		return
	}
	lo, hi := toks[0].Start, toks[len(toks)-1].End
	first := sort.Search(len(hits), func(i int) bool { return hits[i].Start >= lo })
	isHit := map[int]bool{}
	for _, h := range hits[first:] {
		if h.Start >= hi {
			break
		}
		isHit[h.Start] = true
	}
	if len(isHit) == 0 {
		return
	}
	hitToken := func(k int) bool { return toks[k].Pos == "ns" && isHit[toks[k].Start] }
	for k := range toks {
		if !hitToken(k) {
			continue
		}
		switch {
		case locativeAt(toks, k, hitToken) || datelineAt(toks, k):
			into[toks[k].Start] = placeLocative
		case modifierAt(toks, k) || placeListAt(toks, k, hitToken) || bracketedAt(toks, k) || routeAt(toks, k, hitToken):
			into[toks[k].Start] = placeQualifier
		default:
			into[toks[k].Start] = placeActor
		}
	}
}

// locativeAt: the mention follows a locative word, directly or after other
// place names (在内蒙古鄂尔多斯东胜区).
func locativeAt(toks []Token, k int, hitToken func(int) bool) bool {
	j := k - 1
	for j >= 0 && (hitToken(j) || toks[j].Pos == "ns" && k-j <= 3) && toks[j].End == toks[j+1].Start {
		j-- // other place names, or place-like epithets (在北国江城吉林市)
	}
	if j >= 0 && toks[j].End == toks[j+1].Start && locativeWords[toks[j].Text] {
		return true
	}
	// a locative verb the segmenter cut in two (发/往)
	return j >= 1 && toks[j-1].End == toks[j].Start && toks[j].End == toks[j+1].Start && locativeWords[toks[j-1].Text+toks[j].Text]
}

// datelineAt: the mention is the place of a news dateline, followed by the
// day and 电 (新华社北京1月1日电, 新华网北京4月9日电): where the report was
// filed, not an actor.
func datelineAt(toks []Token, k int) bool {
	var b strings.Builder
	for j := k + 1; j < len(toks) && j <= k+6 && toks[j].Start == toks[j-1].End; j++ {
		b.WriteString(toks[j].Text)
	}
	s := b.String()
	digits := func(s string) (string, bool) {
		n := 0
		for n < len(s) && (s[n] >= '0' && s[n] <= '9') {
			n++
		}
		return s[n:], n > 0 && n <= 2
	}
	rest, ok := digits(s)
	if !ok {
		return false
	}
	if after, found := strings.CutPrefix(rest, "月"); found {
		if rest, ok = digits(after); !ok {
			return false
		}
	}
	return strings.HasPrefix(rest, "日电")
}

// modifierAt: a noun follows the mention directly, so the name qualifies
// it (广州白云国际机场, 苏州湾, 西藏那曲欧玛亭嘎风电场).
func modifierAt(toks []Token, k int) bool {
	if k+1 >= len(toks) || toks[k+1].Start != toks[k].End {
		return false
	}
	if t := toks[k+1].Text; t == "（" || t == "(" {
		// 北京（京津冀）国际科技创新中心: a bracket between the place and
		// the noun it qualifies
		for c := k + 2; c < len(toks) && c <= k+6; c++ {
			if toks[c].Text == "）" || toks[c].Text == ")" {
				return modifierAt(toks, c)
			}
		}
		return false
	}
	next := toks[k+1]
	r, _ := utf8.DecodeRuneInString(next.Text)
	if !isHan(r) {
		return false
	}
	switch next.Pos {
	case "n", "nz", "ns", "nt", "nw", "ng", "nrt", "s", "f", "nr", "h":
		return true // nr: a village or site the dictionary takes for a person (永城王庄); h: a prefix of the noun (北京非首都功能)
	case "x", "zg":
		// a character the dictionary left on its own: the rest of a place
		// name (苏州/湾)
		return utf8.RuneCountInString(next.Text) == 1
	}
	return false
}

// routeConnectors join the two ends of a route (宝鸡至中卫铁路, 平凉—中卫段).
var routeConnectors = map[string]bool{"至": true, "到": true, "—": true, "－": true, "-": true, "～": true}

// routeAt: the mention is one end of a route between two places named
// together (宝鸡至中卫铁路, 西安至塔什干快速班列, 永登至天堂寺): where it runs,
// not an actor.
func routeAt(toks []Token, k int, hitToken func(int) bool) bool {
	end := func(j int) bool { // the other end: a place, or a name the gazetteer lacks (天堂寺)
		r, _ := utf8.DecodeRuneInString(toks[j].Text)
		return hitToken(j) || isHan(r) && nounLike(toks[j])
	}
	if k+2 < len(toks) && routeConnectors[toks[k+1].Text] && end(k+2) {
		return true
	}
	return k >= 2 && routeConnectors[toks[k-1].Text] && end(k-2)
}

// bracketedAt: the mention alone in brackets right after a name says
// where that is (北方（沧州）跨境电商物流基地, 国家碳计量中心（河南）).
func bracketedAt(toks []Token, k int) bool {
	return k >= 2 && k+1 < len(toks) && (toks[k-1].Text == "（" || toks[k-1].Text == "(") &&
		(toks[k+1].Text == "）" || toks[k+1].Text == ")") && toks[k-1].Start == toks[k-2].End
}

// siteNouns are facilities and projects a list of places closed by 等 is
// the sites of.
var siteNouns = map[string]bool{"机场": true, "港口": true, "码头": true, "园区": true, "产业园": true, "基地": true, "电站": true, "项目": true, "铁路": true, "高速": true, "景区": true, "港航": true, "枢纽": true}

func siteNoun(word string) bool {
	for n := range siteNouns {
		if strings.HasSuffix(word, n) {
			return true
		}
	}
	return false
}

// placeListAt: the mention is one of a list of places closed by 等地
// (河北涿州、甘肃积石山等地发生自然灾害).
func placeListAt(toks []Token, k int, hitToken func(int) bool) bool {
	for j := k + 1; j < len(toks) && j <= k+12; j++ {
		t := toks[j].Text
		switch {
		case strings.HasPrefix(t, "等地"):
			return true
		case t == "等":
			// 等地, or the facilities or projects the places are the sites of
			// (永城、潢川、鲁山等机场, 唐河等13个港航项目)
			for n := j + 1; n < len(toks) && n <= j+5; n++ {
				if strings.HasPrefix(toks[n].Text, "地") && n == j+1 || siteNoun(toks[n].Text) {
					return true
				}
				if r, _ := utf8.DecodeRuneInString(toks[n].Text); !isHan(r) && !isASCIIDigit(r) || strings.HasPrefix(toks[n].Pos, "v") {
					break // the clause or the list's verb ends the search
				}
			}
			return false
		case t == "、" || hitToken(j):
		default:
			// a place name the gazetteer does not know (积石山), not a clause
			r, _ := utf8.DecodeRuneInString(t)
			if !isHan(r) || utf8.RuneCountInString(t) > 3 {
				return false
			}
		}
	}
	return false
}

// splitPlaces moves out of us the administrative units every mention of
// which names a place (placeUse): after a locative word, or, for a bare
// stem, also as the qualifier of a noun or in a list of places; a unit a
// count is linked to stays. ms are the mentions us was collected from.
func splitPlaces(us []Unit, ms []unitMention, placeUses map[int]placeRole, qs []Quantity) (units, places []Unit) {
	short := map[int]bool{} // starts of admin mentions written as bare stems
	for _, m := range ms {
		if m.unit.Kind == "admin" && m.form == gazetteer.FormShort {
			short[m.start] = true
		}
	}
	linked := map[string]bool{}
	for _, q := range qs {
		linked[q.Unit] = true
	}
	units, places = us[:0:0], []Unit{}
	for _, u := range us {
		place := u.Kind == "admin" && !linked[u.Name] && len(u.Mentions) > 0
		for _, m := range u.Mentions {
			if !place {
				break
			}
			role, found := placeUses[m.Start]
			place = found && (role == placeLocative || role == placeQualifier && short[m.Start])
		}
		if place {
			places = append(places, u)
		} else {
			units = append(units, u)
		}
	}
	if units == nil {
		units = []Unit{}
	}
	return units, places
}

// mergeAdminChains joins a division written right after its parent into one
// unit named as written (广东连州市, 山西左权县, 江西南昌): the name of the
// inner division, qualified by where it is. The unit keeps the inner
// division's code and parents; ms are sorted by start.
func mergeAdminChains(doc *clean.Document, ms []unitMention) []unitMention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.unit.Kind == "admin" && out[n-1].unit.Kind == "admin" && out[n-1].end == m.start && isParentOf(out[n-1].unit, m.unit) {
			outer := out[n-1]
			m.start = outer.start
			m.name = string(doc.Norm[m.start:m.end])
			out[n-1] = m
			continue
		}
		out = append(out, m)
	}
	return out
}

// isParentOf reports whether outer is among inner's parents (or, when outer
// is ambiguous, one of its candidates is).
func isParentOf(outer, inner Unit) bool {
	for _, p := range inner.Parents {
		if p.Code == outer.Code && outer.Code != "" || slices.Contains(outer.Candidates, p.Code) {
			return true
		}
	}
	return false
}

// dropInsidePlaceNames leaves out counts read inside a division's name
// (七台 of 七台河市, 三门 of 三门峡市): a numeral that begins a name counts
// nothing.
func dropInsidePlaceNames(counts []clauseCount, du *documentUnits) []clauseCount {
	if du == nil || len(du.hits) == 0 {
		return counts
	}
	out := counts[:0]
	for _, c := range counts {
		k := sort.Search(len(du.hits), func(k int) bool { return du.hits[k].End > c.q.Start })
		if k < len(du.hits) && du.hits[k].Start <= c.q.Start && c.q.End <= du.hits[k].End {
			continue
		}
		out = append(out, c)
	}
	return out
}
