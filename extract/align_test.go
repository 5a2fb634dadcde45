package extract

import (
	"testing"
)

func TestHTMLSpansReferToThePageSource(t *testing.T) {
	page := `<html><head><title>简报</title><style>p{color:red}</style></head><body>
<nav><a href="/">首页</a> 开展活动1场</nav>
<div class="article"><h1>工作简报</h1>
<p>今年以来，全县开展&ldquo;文化之冬&rdquo;活动<b>697</b>场次，受教育群众55373人次。</p>
<p>发放宣传资料&nbsp;10万余份。</p></div>
<footer>版权所有</footer></body></html>`
	text, err := DecodeBytes("page.html", []byte(page), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := extractorForTest(t).ExtractText(text)
	if err != nil {
		t.Fatal(err)
	}
	src := []rune(page)
	var found []string
	for _, q := range allQuantities(recs) {
		found = append(found, q.Text)
		got := string(src[q.Start:q.End])
		if q.Text == "55373人次" || q.Text == "10万余份" {
			if got != q.Text {
				t.Errorf("%s: page[%d:%d] = %q", q.Text, q.Start, q.End, got)
			}
		}
		if q.Text == "697场次" && got != "697</b>场次" {
			// a count split by a tag spans the tag in the source
			t.Errorf("697场次: page[%d:%d] = %q", q.Start, q.End, got)
		}
	}
	if len(found) != 3 {
		t.Errorf("counts %v, want 697场次 55373人次 10万余份 (navigation dropped)", found)
	}
}

func TestAlignSkipsDroppedTextWithTheSameCharacters(t *testing.T) {
	src := []rune("<nav>开展活动</nav><p>开展活动3场</p>")
	offsets := alignToSource("开展活动3场", src)
	if got := string(src[offsets[0] : offsets[len(offsets)-1]+1]); got != "开展活动3场" {
		t.Errorf("aligned to %q", got)
	}
	if offsets[0] != 18 {
		t.Errorf("line matched at %d, want 18 (inside <p>, not the nav)", offsets[0])
	}
}
