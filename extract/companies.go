package extract

import "unicode/utf8"

// maxListedCompanyRunes bounds one company name in a list.
const maxListedCompanyRunes = 8

// listedCompanies reads the companies a sentence lists before 等企业 (or
// 等5家企业, 等龙头企业, or whose 总部等 it names): firms are often named without any suffix
// (支持比亚迪、上汽、奇瑞、宇通等企业). An item is a company only when it reads
// as a name: several tokens the dictionary could not join (比亚/迪, 宇/通), or
// one it tags as a name; a single common word (教育、旅游等单位) is a field.
func (f *UnitFinder) listedCompanies(norm []rune, toks []Token) []unitMention {
	var out []unitMention
	for k := range toks {
		if toks[k].Text != "等" {
			continue
		}
		end := k
		if k > 1 && toks[k-1].Text == "总部" {
			end = k - 1 // 中国星网、中国中化、中国华能总部等: the firms' headquarters
		} else {
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
		}
		var items []unitMention
		proper := 0
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
		if (nameTag(t.Pos) || t.Pos == "j") && (len(toks) > 1 || utf8.RuneCountInString(t.Text) >= 2) {
			return true
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
