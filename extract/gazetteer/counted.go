package gazetteer

import (
	"math"
	"strings"

	"github.com/bulletin-tool/bulletin/extract/numeral"
)

// A report often names divisions by their bare stems in a list closed by
// how many there are and of what level: 卓尼、临潭2县, 凉州、陇西、康县3县区,
// 新增城关、东关2个镇. Bare county and township stems never match on their
// own (too many are common words), but here the text itself says what they
// are. countedLists finds such lists; a stem that fits exactly one division
// of that level (under the document's context divisions when there are
// any) counts as seen, so that it matches wherever the document writes it.

// countedLevelWords are the level words that may close a counted list, with
// the levels they admit, longest first.
var countedLevelWords = []struct {
	word   string
	levels []Level
	runes  []rune // word, filled by init
}{
	{word: "县市区", levels: []Level{LevelCounty}},
	{word: "市县区", levels: []Level{LevelCounty}},
	{word: "县区", levels: []Level{LevelCounty}},
	{word: "县市", levels: []Level{LevelCounty}},
	{word: "乡镇", levels: []Level{LevelTownship}},
	{word: "街道", levels: []Level{LevelTownship}},
	{word: "县", levels: []Level{LevelCounty}},
	{word: "区", levels: []Level{LevelCounty}},
	{word: "市", levels: []Level{LevelPrefecture, LevelCounty}},
	{word: "镇", levels: []Level{LevelTownship}},
	{word: "乡", levels: []Level{LevelTownship}},
}

func init() {
	for i := range countedLevelWords {
		countedLevelWords[i].runes = []rune(countedLevelWords[i].word)
	}
}

// hasRunesAt reports whether text holds w at position i.
func hasRunesAt(text []rune, i int, w []rune) bool {
	if i+len(w) > len(text) {
		return false
	}
	for k, r := range w {
		if text[i+k] != r {
			return false
		}
	}
	return true
}

// maxCountedItems bounds a counted list; maxItemRunes one of its stems.
const (
	maxCountedItems = 12
	maxItemRunes    = 6
)

func isHanRune(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// smallNumber reads a count of up to 99 in digits or Chinese numerals
// ending at text[end-1] (numeral.Parse reads it); it returns the value and
// where it starts, or 0 when no numeral ends there.
func smallNumber(text []rune, end int) (int, int) {
	start := end
	for start > 0 && end-start < 3 && strings.ContainsRune("0123456789一二两三四五六七八九十", text[start-1]) {
		start--
	}
	if start == end {
		return 0, end
	}
	v, err := numeral.Parse(string(text[start:end]))
	if err != nil || v != math.Trunc(v) {
		return 0, end
	}
	return int(v), start
}

// countedLists returns the divisions that counted lists in text name.
func (g *Gazetteer) countedLists(text []rune, context []int32) []int32 {
	var out []int32
	for i := 1; i < len(text); i++ {
		if !strings.ContainsRune("县市区乡镇街", text[i]) {
			continue // no level word starts here: most positions
		}
		for _, lw := range countedLevelWords {
			if !hasRunesAt(text, i, lw.runes) {
				continue
			}
			numEnd := i
			if text[numEnd-1] == '个' {
				numEnd--
			}
			n, numStart := smallNumber(text, numEnd)
			if n < 2 || n > maxCountedItems {
				break
			}
			items := listBefore(text, numStart)
			if len(items) != n {
				break // the count must say how many are listed
			}
			var found []int32
			for _, item := range items {
				d, ok := g.onlyDivision(item, lw.levels, context)
				if !ok {
					found = nil
					break // one unknown item: not a list of divisions
				}
				found = append(found, d)
			}
			out = append(out, found...)
			break
		}
	}
	return out
}

// listBefore reads the 、-separated items of Han text ending at end, last
// item first; the first item is the tail of its run of Han characters
// that is at most maxItemRunes long.
func listBefore(text []rune, end int) []string {
	var items []string
	for len(items) < maxCountedItems {
		start := end
		for start > 0 && isHanRune(text[start-1]) && end-start < maxItemRunes {
			start--
		}
		if start == end || end-start < 2 {
			return items
		}
		items = append(items, string(text[start:end]))
		if start == 0 || text[start-1] != '、' {
			return items
		}
		end = start - 1
	}
	return items
}

// onlyDivision finds the one division of the given levels whose stem or
// official name is item, under a context division when context is given.
func (g *Gazetteer) onlyDivision(item string, levels []Level, context []int32) (int32, bool) {
	var match []int32
	g.lookupString(item, func(e entry) {
		d := &g.divisions[e.division]
		fits := false
		for _, l := range levels {
			fits = fits || d.Level == l
		}
		if !fits {
			return
		}
		if len(context) > 0 {
			under := false
			for _, c := range context {
				under = under || g.isUnder(e.division, c)
			}
			if !under {
				return
			}
		}
		for _, m := range match {
			if m == e.division {
				return
			}
		}
		match = append(match, e.division)
	})
	if len(match) != 1 {
		return 0, false
	}
	return match[0], true
}
