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
		case locativeAt(toks, k, hitToken):
			into[toks[k].Start] = placeLocative
		case modifierAt(toks, k) || placeListAt(toks, k, hitToken):
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
	for j >= 0 && hitToken(j) && toks[j].End == toks[j+1].Start {
		j--
	}
	return j >= 0 && toks[j].End == toks[j+1].Start && locativeWords[toks[j].Text]
}

// modifierAt: a noun follows the mention directly, so the name qualifies
// it (广州白云国际机场, 苏州湾, 西藏那曲欧玛亭嘎风电场).
func modifierAt(toks []Token, k int) bool {
	if k+1 >= len(toks) || toks[k+1].Start != toks[k].End {
		return false
	}
	next := toks[k+1]
	r, _ := utf8.DecodeRuneInString(next.Text)
	if !isHan(r) {
		return false
	}
	switch next.Pos {
	case "n", "nz", "ns", "nt", "nw", "ng", "nrt", "s", "f":
		return true
	case "x", "zg":
		// a character the dictionary left on its own: the rest of a place
		// name (苏州/湾)
		return utf8.RuneCountInString(next.Text) == 1
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
			return j+1 < len(toks) && strings.HasPrefix(toks[j+1].Text, "地")
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

// maxListedCompanyRunes bounds one company name in a list.
const maxListedCompanyRunes = 8

// listedCompanies reads the companies a sentence lists before 等企业 (or
// 等5家企业, 等龙头企业): firms are often named without any suffix
// (支持比亚迪、上汽、奇瑞、宇通等企业). An item is a company only when it reads
// as a name: several tokens the dictionary could not join (比亚/迪, 宇/通), or
// one it tags as a name; a single common word (教育、旅游等单位) is a field.
func (f *UnitFinder) listedCompanies(norm []rune, toks []Token) []unitMention {
	var out []unitMention
	for k := range toks {
		if toks[k].Text != "等" {
			continue
		}
		h := k + 1
		// 等5家企业: a count of the firms before the head
		for h < len(toks) && h <= k+2 && (toks[h].Pos == "m" || toks[h].Text == "家" || startsWithDigit(toks[h].Text)) {
			h++
		}
		if h >= len(toks) {
			continue
		}
		// the head may be cut in two (龙头/企业, 车/企)
		if head := toks[h].Text; !f.companyHeads[head] && (h+1 >= len(toks) || !f.companyHeads[head+toks[h+1].Text]) {
			continue
		}
		var items []unitMention
		proper := 0
		end := k
		for {
			start := end
			for start > 0 && !listSeparators[toks[start-1].Text] && !listOpeners[toks[start-1].Text] && !f.framingVerbs[toks[start-1].Text] && isHanToken(toks[start-1]) && toks[end-1].End-toks[start-1].Start <= maxListedCompanyRunes {
				start--
			}
			if start == end {
				break
			}
			// the verb before the list (引入国机集团、…) is no part of a name
			for start < end-1 && toks[start].Pos == "v" && utf8.RuneCountInString(toks[start].Text) >= 2 && (start == 0 || !listSeparators[toks[start-1].Text]) {
				start++
			}
			name := string(norm[toks[start].Start:toks[end-1].End])
			m := unitMention{name: name, start: toks[start].Start, end: toks[end-1].End, unit: Unit{Name: name, Kind: "org"}}
			if readsAsName(toks[start:end]) {
				proper++
			} else {
				m.name = "" // a field (环境保护), listed with the names
			}
			items = append(items, m)
			if start == 0 || !listSeparators[toks[start-1].Text] {
				break
			}
			end = start - 1
		}
		// a list mostly of common words lists fields or industries
		// (扩大环境保护、节能节水等企业所得税优惠), whatever the odd item reads as
		if 2*proper < len(items) {
			continue
		}
		for _, m := range items {
			if m.name != "" {
				out = append(out, m)
			}
		}
	}
	return out
}

// listSeparators part the items of a list; listOpeners stand before its
// first item and are never part of a name (使工业、农业…等企业).
var (
	listSeparators = map[string]bool{"、": true, "和": true, "与": true, "及": true}
	listOpeners    = map[string]bool{"使": true, "让": true, "对": true, "把": true, "将": true, "为": true, "由": true, "在": true, "向": true}
)

func isHanToken(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return isHan(r)
}

// readsAsName: one token tagged as a name, or several tokens at least one
// of which is a name or a character the dictionary left on its own (比亚/迪,
// 宇/通, 上/汽): a word it does not know, cut into pieces.
func readsAsName(toks []Token) bool {
	for _, t := range toks {
		switch t.Pos {
		case "nz", "nt", "nr", "nrt", "nrfg", "ns", "x", "zg", "eng", "j":
			if len(toks) > 1 || utf8.RuneCountInString(t.Text) >= 2 {
				return true
			}
		}
		if len(toks) > 1 && utf8.RuneCountInString(t.Text) == 1 && isHanToken(t) {
			switch t.Pos[0] {
			case 'p', 'c', 'u', 'd', 'r':
			default:
				return true
			}
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
