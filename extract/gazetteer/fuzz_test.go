package gazetteer

import (
	"testing"
	"unicode/utf8"
)

// FuzzMatchDocument checks invariants on any text: no panic, hits in order,
// inside the text, spelling their Name, with candidates, and resolved ones
// rolling up to a province.
func FuzzMatchDocument(f *testing.F) {
	// Real snippets of the seed document (shared/corpus/seed).
	for _, seed := range []string{
		"鄯善县充分发挥媒体、网络、地域、文化活动",
		"七克台镇、连木沁镇利用312国道贯穿全镇的优势",
		"鲁克沁镇、辟展乡在巴扎日群众聚集的街道、市场悬挂维汉文宣传标语",
		"连木沁镇、辟展乡、东巴扎持续",
		"通过鄯善党建网、政府网、旅游网、鄯善县零距离微信",
		"有4名少数民族职工在北京医院等进修学",
		"新疆维吾尔自治区吐鲁番市",
		"",
		"城关镇城关",
	} {
		f.Add(seed)
	}
	g := mustLoad(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := []rune(s)
		previousEnd := 0
		for _, h := range g.MatchDocument(text) {
			if h.Start < previousEnd || h.End > len(text) || h.Start >= h.End {
				t.Fatalf("hit %+v out of order or bounds (previous end %d, length %d)", h, previousEnd, len(text))
			}
			previousEnd = h.End
			if string(text[h.Start:h.End]) != h.Name {
				t.Fatalf("hit %+v does not spell its text", h)
			}
			if len(h.Candidates) == 0 {
				t.Fatalf("hit %+v has no candidates", h)
			}
			if !h.Ambiguous {
				if _, ok := g.Lookup(h.Resolved.Code); !ok {
					t.Fatalf("hit %+v resolved to an unknown code", h)
				}
			}
		}
	})
}
