package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtractText checks the extractor's invariants on any text: no panic,
// every span inside the text, and every count's text is what its span holds.
func FuzzExtractText(f *testing.F) {
	for _, seed := range []string{
		"截至目前，全县开展“文化之冬”活动6979场次（其中篮球赛661场次、其他1392场次），参与群众达45万余人次。",
		"创建民族团结工作简报一：\n一、借助各类媒体优势。一季度播报新闻84条。\n创建民族团结工作简报二：\n我院有4名职工。",
		"原煤、原油产量分别达到6640.8万吨、1253.6万吨，分别增长9.3%、7.3%。",
		"１２３４５场次约三四十人以上“”《》（其中",
		"下载此文档\n1/6\n来自淘豆网www.taodocs.com转载请标明出处.",
	} {
		f.Add(seed)
	}
	x := extractorForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		recs, err := x.ExtractText(&Text{Source: Source{Path: "fuzz.txt"}, Text: text})
		if err != nil {
			t.Fatalf("error on %q: %v", text, err)
		}
		runes := []rune(text)
		in := func(s, e int) bool { return 0 <= s && s <= e && e <= len(runes) }
		for _, r := range recs {
			if !in(r.Bulletin.Start, r.Bulletin.End) {
				t.Fatalf("bulletin span [%d,%d) outside %d runes", r.Bulletin.Start, r.Bulletin.End, len(runes))
			}
			for _, q := range r.Quantities {
				if !in(q.Start, q.End) || string(runes[q.Start:q.End]) != q.Text {
					t.Fatalf("count %q at [%d,%d) does not match the text %q", q.Text, q.Start, q.End, text)
				}
				if q.Low != nil && q.High != nil && *q.Low > *q.High {
					t.Fatalf("count %q has low %v > high %v", q.Text, *q.Low, *q.High)
				}
			}
			for _, u := range r.Units {
				for _, m := range u.Mentions {
					if !in(m.Start, m.End) || string(runes[m.Start:m.End]) != m.Text {
						t.Fatalf("unit mention %q at [%d,%d) does not match", m.Text, m.Start, m.End)
					}
				}
			}
			for _, a := range r.Activities {
				for _, m := range a.Mentions {
					if !in(m.Start, m.End) || string(runes[m.Start:m.End]) != m.Text {
						t.Fatalf("activity mention %q at [%d,%d) does not match", m.Text, m.Start, m.End)
					}
				}
			}
		}
	})
}
