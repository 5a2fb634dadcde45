package htmltext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/bulletin-tool/bulletin/extract/decode"
	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// Sentences from corpus/seed/000_315fdb9f15213726.txt and the 2025 work
// reports, used as article text in built pages.
const (
	sentence1 = "全县共开展“四下基层”活动1200余场次，走访群众3.6万户，解决实际问题860余个。"
	sentence2 = "过去一年，我们深入贯彻落实党中央决策部署，地区生产总值增长5.2%，城镇新增就业42.5万人。"
)

func page(body string) string {
	return "<!DOCTYPE html><html><head><title>全县工作简报_某县人民政府</title></head><body>" + body + "</body></html>"
}

func TestExtract(t *testing.T) {
	article := `<div class="article"><h1>全县工作简报</h1><p>` + sentence1 + `</p><p>` + sentence2 + `</p></div>`
	tests := []struct {
		name    string
		html    string
		opts    Options
		want    string
		dropped []string // reasons, in order
	}{
		{"navigation, footer and scripts go; article and title stay",
			page(`<nav><a href="/">首页</a><a href="/a">政务公开</a></nav><script>var x = "不要";</script>` + article + `<footer>版权所有 某县人民政府</footer>`),
			Options{}, "全县工作简报\n" + sentence1 + "\n" + sentence2, []string{"tag nav", "tag footer"}},
		{"chrome by class and id tokens",
			page(`<div class="top-menuBar">首页 概况</div><div id="breadcrumb">首页 &gt; 动态</div>` + article + `<div class="shareBox">分享到微信</div>`),
			Options{}, "全县工作简报\n" + sentence1 + "\n" + sentence2, []string{"class menu", "id breadcrumb", "class share"}},
		{"hidden elements go",
			page(article + `<div style="display: none">隐藏的广告文字。</div>`), Options{}, "全县工作简报\n" + sentence1 + "\n" + sentence2, []string{"hidden by style"}},
		{"link lists outside the article are left out",
			page(`<div class="list"><a href="/1">通知一，关于某事。</a><br><a href="/2">通知二，关于另一事。</a></div>` + article),
			Options{}, "全县工作简报\n" + sentence1 + "\n" + sentence2, []string{"outside main content"}},
		{"title from the <title> when there is no heading, prepended",
			page(`<div><p>` + sentence1 + `</p></div>`), Options{}, "全县工作简报\n" + sentence1, nil},
		{"inline elements do not break or space a sentence",
			page(`<p>安徽省淮北矿业（集团<span style="color:red">）</span>公司<b>芦岭煤矿</b>发生事故，造成86名矿工遇难。</p>`),
			Options{}, "全县工作简报\n安徽省淮北矿业（集团）公司芦岭煤矿发生事故，造成86名矿工遇难。", nil},
		{"a source line break between Chinese characters vanishes, between words it is a space",
			page("<p>全县共开展活动\n1200余场次，走访\n群众。Work\nreport，完成。</p>"), Options{}, "全县工作简报\n全县共开展活动 1200余场次，走访群众。Work report，完成。", nil},
		{"entities are decoded and spaces collapsed",
			page(`<p>&nbsp;&nbsp;完成&ldquo;四下基层&rdquo;活动   12&nbsp;场，共计&amp;合计。</p>`), Options{}, "全县工作简报\n完成“四下基层”活动 12 场，共计&合计。", nil},
		{"br, list items and headings are lines; table cells tabs",
			page(`<div><h2>一、主要指标</h2><ul><li>走访群众，3.6万户；</li><li>解决问题，860余个。</li></ul>` +
				`<table><tr><td>指标</td><td>数值</td></tr><tr><td>场次，合计</td><td>1200。</td></tr></table>甲，乙。<br>丙，丁。</div>`),
			Options{}, "全县工作简报\n一、主要指标\n走访群众，3.6万户；\n解决问题，860余个。\n指标\t数值\n场次，合计\t1200。\n甲，乙。\n丙，丁。", nil},
		{"AllText keeps everything but chrome",
			page(`<div class="list"><a href="/1">通知一</a></div>` + article), Options{AllText: true},
			"通知一\n全县工作简报\n" + sentence1 + "\n" + sentence2, nil}, // the title is among the first lines: not repeated
		{"a page-wide wrapper with a chrome-like name survives",
			page(`<div id="header-and-content"><p>` + sentence1 + `</p></div>`), Options{}, "全县工作简报\n" + sentence1, nil},
		{"fragment without html or body",
			`<tbody><tr><td class="b12c"><p>` + sentence1 + `</p><p>` + sentence2 + `</p></td></tr>`, Options{}, sentence1 + "\n" + sentence2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Extract(tc.html, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tc.want {
				t.Errorf("text\n%q\nwant\n%q", res.Text, tc.want)
			}
			var reasons []string
			for _, d := range res.Dropped {
				reasons = append(reasons, d.Reason)
				if d.Text == "" {
					t.Errorf("dropped %s with no text", d.Reason)
				}
			}
			if strings.Join(reasons, ",") != strings.Join(tc.dropped, ",") {
				t.Errorf("dropped %q, want %q", reasons, tc.dropped)
			}
		})
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"heading contained in the title wins over the site logo h1",
			`<html><head><title>全县工作简报 - 某县人民政府</title></head><body><h1>某县人民政府</h1><h2>全县工作简报</h2></body></html>`, "全县工作简报"},
		{"first h1 when the title does not contain a heading",
			`<html><head><title>首页</title></head><body><h1>全县工作简报</h1></body></html>`, "全县工作简报"},
		{"longest part of the title between separators",
			`<html><head><title>某县_全县工作简报第五期_政府网</title></head><body></body></html>`, "全县工作简报第五期"},
		{"no title at all", `<p>正文。</p>`, ""},
	}
	for _, tc := range tests {
		res, _ := Extract(tc.html, Options{})
		if res.Title != tc.want {
			t.Errorf("%s: title %q, want %q", tc.name, res.Title, tc.want)
		}
	}
}

func TestAttributeTokens(t *testing.T) {
	got := strings.Join(attributeTokens("mainNav side-menu  footer_2 BBS"), ",")
	if want := "main,nav,side,menu,footer,2,bbs"; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"doctype", "\xef\xbb\xbf  <!DOCTYPE html><html>", true},
		{"html tag", "<HTML><head>", true},
		{"fragment with paragraphs", `<tbody><tr><td><p style="x">一</p><p>二</p><br>`, true},
		{"plain text", sentence1, false},
		{"JSON with an HTML fragment inside", `{"content": "<p>一</p><p>二</p><p>三</p>"}`, false},
		{"markdown", "# 标题\n\n<br>正文", false},
	}
	for _, tc := range tests {
		if got := Sniff([]byte(tc.data)); got != tc.want {
			t.Errorf("%s: Sniff = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestCharsetFromMeta(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "gb2312"},
		{"html5", `<META CHARSET='GBK'>`, "gbk"},
		{"none", `<meta name="author" content="x">`, ""},
		{"beyond the first 4 KiB is not looked at", strings.Repeat(" ", 5000) + `<meta charset="big5">`, ""},
	}
	for _, tc := range tests {
		if got := CharsetFromMeta([]byte(tc.html)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestGBKPage follows a GBK page through decode (with the declared charset
// as the override) and Extract.
func TestGBKPage(t *testing.T) {
	html := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>简报</title></head><body><p>` + sentence2 + `</p></body></html>`
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(html))
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []decode.Options{{}, {Encoding: CharsetFromMeta(data)}} {
		decoded, err := decode.Decode(data, opts)
		if err != nil || decoded.Encoding != decode.GB18030 {
			t.Fatalf("decode %+v: %s, %v", opts, decoded.Encoding, err)
		}
		res, _ := Extract(decoded.Text, Options{})
		if res.Text != "简报\n"+sentence2 {
			t.Errorf("text %q", res.Text)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(page(`<nav>首页</nav><div class="article"><h1>题</h1><p>` + sentence1 + `</p></div>`))
	f.Add(`<tbody><tr><td><p>` + sentence2 + `</td><td><table><tr><td>甲`)
	f.Add("<p>\ufeff<a>链接，</a>文字。<br/><div hidden>藏</div>")
	f.Fuzz(func(t *testing.T, html string) {
		res, err := Extract(html, Options{})
		if err != nil {
			return
		}
		again, _ := Extract(html, Options{})
		if again.Text != res.Text || len(again.Dropped) != len(res.Dropped) {
			t.Fatal("two runs differ")
		}
		Sniff([]byte(html))
		CharsetFromMeta([]byte(html))
	})
}

func BenchmarkExtractCorpus(b *testing.B) {
	corpus := filepath.Join(testutil.SharedDir(b), "corpus")
	data, err := os.ReadFile(filepath.Join(corpus, "large_files", "gne_cmse_1_rawhtml.txt"))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Extract(string(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
