package extract

import (
	"strings"
	"testing"
)

func TestSegmenterSpansCoverText(t *testing.T) {
	seg, err := NewSegmenter(SegmenterOptions{UserWords: []UserWord{{Text: "七克台镇", Freq: 1000, Pos: "ns"}}})
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("七克台镇、连木沁镇利用312国道贯穿全镇的优势，开展“民族团结模范事迹”宣讲活动697场次。")
	toks := seg.Cut(text, 0, len(text))
	var b strings.Builder
	prev := 0
	for _, tok := range toks {
		if tok.Start != prev {
			t.Fatalf("token %q starts at %d, want %d", tok.Text, tok.Start, prev)
		}
		if string(text[tok.Start:tok.End]) != tok.Text {
			t.Fatalf("token %q has span text %q", tok.Text, string(text[tok.Start:tok.End]))
		}
		b.WriteString(tok.Text)
		prev = tok.End
	}
	if b.String() != string(text) {
		t.Errorf("tokens do not cover the text: %q", b.String())
	}
	if toks[0].Text != "七克台镇" {
		t.Errorf("user word not used: first token %q", toks[0].Text)
	}
}

func TestSegmenterCutsLongTextInPieces(t *testing.T) {
	seg, err := NewSegmenter(SegmenterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(strings.Repeat("开展宣讲活动，", 400))
	toks := seg.Cut(text, 7, len(text))
	if toks[0].Start != 7 || toks[len(toks)-1].End != len(text) {
		t.Errorf("spans %d..%d, want 7..%d", toks[0].Start, toks[len(toks)-1].End, len(text))
	}
}

func BenchmarkSegmenterLoad(b *testing.B) {
	for b.Loop() {
		if _, err := NewSegmenter(SegmenterOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
