package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

func TestNormalize(t *testing.T) {
	cases := []struct {
		in, want string
		opts     Options
		reason   string
	}{
		{"２０２４年", "2024年", Options{}, "full-width digits fold to ASCII"},
		{"ＡＢＣ，；：！？（）", "ABC,;:!?()", Options{}, "full-width letters and punctuation fold"},
		{"a\u3000b", "a b", Options{}, "ideographic space becomes a space"},
		{"⻄部", "西部", Options{}, "radical supplement form (no NFKC) via the hand table"},
		{"⼀⼈", "一人", Options{}, "Kangxi radicals fold by NFKC"},
		{"\uF900", "豈", Options{}, "compatibility ideograph folds to the unified one"},
		{"東西", "東西", Options{}, "no T2S unless asked"},
		{"東西", "东西", Options{T2S: true}, "T2S maps 東 to 东"},
		{"開會，發展", "开会,发展", Options{T2S: true}, "T2S and width folding together"},
		{"。、“”《》", "。、“”《》", Options{}, "CJK punctuation outside U+FF01–FF5E stays"},
	}
	for _, c := range cases {
		got := NormalizeString(c.in, c.opts)
		if got != c.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", c.reason, c.in, got, c.want)
		}
		if len([]rune(got)) != len([]rune(c.in)) {
			t.Errorf("%s: length changed", c.reason)
		}
	}
}

func TestDates(t *testing.T) {
	cases := []struct {
		in, want, reason string
	}{
		{"2024年3月15日", "2024-03-15", "Chinese format with day"},
		{"于2024-03-15召开", "2024-03-15", "ISO inside a sentence"},
		{"2024.3.5", "2024-03-05", "dotted, single digits"},
		{"二〇二四年三月十五日", "2024-03-15", "Chinese numerals"},
		{"二〇二四年十二月", "2024-12", "Chinese numerals, month only"},
		{"2024年3月", "2024-03", "month precision"},
		{"２０２４年３月１５日", "2024-03-15", "full-width after normalisation"},
		{"2024年", "", "a year alone is not a date"},
		{"12024-03-15", "", "not a year: more digits before"},
		{"2024-13-01", "", "no month 13"},
	}
	for _, c := range cases {
		norm := Normalize([]rune(c.in), Options{})
		m, ok := findDate(norm, 0, len(norm))
		got := ""
		if ok {
			got = m.Value
		}
		if got != c.want {
			t.Errorf("%s: findDate(%q) = %q, want %q", c.reason, c.in, got, c.want)
		}
	}
}

func TestSections(t *testing.T) {
	text := "总体情况如下。\n一、强化宣传\n（一）媒体宣传\n各单位开展宣传。1.设立专栏。\n（1）电视台播出。\n二、开展活动\n一是抓宣传，二是抓教育。第一，要统一思想。\n这一是非问题不算。"
	d := Process(text, Options{})
	if len(d.Bulletins) != 1 {
		t.Fatalf("want one bulletin, got %d", len(d.Bulletins))
	}
	b := d.Bulletins[0]
	want := []struct {
		marker string
		level  int
		reason string
	}{
		{"一、", 1, "Chinese numeral and 、 at a line start"},
		{"（一）", 2, "parenthesised Chinese numeral"},
		{"1.", 3, "Arabic numeral after a full stop"},
		{"（1）", 4, "parenthesised Arabic numeral"},
		{"二、", 1, "second top section"},
		{"一是", 2, "一是 inline at a line start"},
		{"二是", 2, "二是 inline after a comma"},
		{"第一，", 2, "第一， after a full stop"},
	}
	if len(b.Sections) != len(want) {
		for _, s := range b.Sections {
			t.Logf("section %q level %d", s.Marker, s.Level)
		}
		t.Fatalf("got %d sections, want %d (这一是 must not count: Han before it)", len(b.Sections), len(want))
	}
	for i, w := range want {
		s := b.Sections[i]
		if s.Marker != w.marker || s.Level != w.level {
			t.Errorf("%s: section %d = %q level %d, want %q level %d", w.reason, i, s.Marker, s.Level, w.marker, w.level)
		}
	}
	// （一） ends where 二、 begins; 一、 too.
	if b.Sections[0].End != b.Sections[4].Start || b.Sections[1].End != b.Sections[4].Start {
		t.Errorf("sections do not end at the next section of their level: %+v", b.Sections[:5])
	}
	for _, s := range b.Sentences {
		sentence := string(d.Text[s.Start:s.End])
		if sentence == "电视台播出。" || strings.HasPrefix(sentence, "（1）") {
			if s.Section < 0 || b.Sections[s.Section].Marker != "（1）" {
				t.Errorf("sentence %q should be in section （1）, got %d", sentence, s.Section)
			}
		}
		if sentence == "总体情况如下。" && s.Section != -1 {
			t.Errorf("sentence before any section has section %d", s.Section)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "他说：“我们要团结。大家同意。”会议结束！下一句？还有；最后一句\n新行"
	d := Process(text, Options{})
	var got []string
	for _, s := range d.Bulletins[0].Sentences {
		got = append(got, string(d.Text[s.Start:s.End]))
	}
	want := []string{"他说：“我们要团结。大家同意。”", "会议结束！", "下一句？", "还有；", "最后一句", "新行"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q, want %q (no split inside a short quotation)", got, want)
	}
}

func TestBoilerplateLines(t *testing.T) {
	prose := "全县开展宣传活动697场次，受教育群众55373人次，覆盖全部行政村和社区。"
	cases := []struct {
		line, reason, why string
	}{
		{"1/6", ReasonPageCounter, "page counter"},
		{"首页 > 新闻 > 工作动态", ReasonNavigation, "breadcrumb"},
		{"【字号：大 中 小】", ReasonToolbar, "font-size toolbar"},
		{"版权所有：某某县人民政府 京ICP备12345678号", ReasonCopyright, "copyright line"},
		{"责任编辑：张三", ReasonMetadata, "editor line"},
		{"![图片](https://example.org/a.png)", ReasonMarkup, "markdown image"},
		{"http://example.org/a/b.html", ReasonURL, "bare address"},
		{"2024年工作简报.docx", ReasonMetadata, "file name"},
	}
	for _, c := range cases {
		text := prose + "\n" + c.line + "\n" + prose + "\n"
		d := Process(text, Options{})
		start := len([]rune(prose)) + 1
		if !d.IsRemoved(start) {
			t.Errorf("%s: %q kept", c.why, c.line)
			continue
		}
		for _, r := range d.Removed {
			if r.Start <= start && start < r.End && r.Reason != c.reason {
				t.Errorf("%s: %q removed as %q, want %q", c.why, c.line, r.Reason, c.reason)
			}
		}
		if clean := d.CleanText(d.Bulletins[0]); strings.Count(clean, prose) != 2 {
			t.Errorf("%s: prose lost: %q", c.why, clean)
		}
	}
}

func TestMasked(t *testing.T) {
	d := Process("上传学****资料，组织学**习，文字**加粗**。", Options{})
	if len(d.Masked) != 1 || string(d.Text[d.Masked[0].Start:d.Masked[0].End]) != "****" {
		t.Errorf("masked = %+v, want the one run of four stars", d.Masked)
	}
}

func readCorpus(t testing.TB, rel string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(testutil.SharedDir(t), "corpus", rel))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(string(raw), "\uFEFF")
}

const seedFile = "seed/000_315fdb9f15213726.txt"

func TestSeedBulletins(t *testing.T) {
	text := readCorpus(t, seedFile)
	d := Process(text, Options{})
	checkInvariants(t, d)
	if len(d.Bulletins) != 2 {
		t.Fatalf("seed: %d bulletins, want 2", len(d.Bulletins))
	}
	var all strings.Builder
	for i, b := range d.Bulletins {
		clean := d.CleanText(b)
		all.WriteString(clean)
		for _, site := range []string{"淘豆网", "下载", "上传分享", "页数", "文件大小", "1/6", "举报", "taodocs"} {
			if strings.Contains(clean, site) {
				t.Errorf("bulletin %d keeps site text %q", i, site)
			}
		}
		if b.Title == nil || !strings.HasPrefix(b.Title.Text, "创建民族团结工作简报") {
			t.Errorf("bulletin %d title %+v", i, b.Title)
		}
	}
	// Every sentence of the original prose survives.
	startMark, endMark := "创建民族团结工作简报一:", "2024年创建民族团结工作简报 来自淘豆网"
	s, e := strings.Index(text, startMark), strings.Index(text, endMark)
	if s < 0 || e < s {
		t.Fatal("seed markers not found")
	}
	joined := all.String()
	for _, sentence := range strings.Split(text[s+len(startMark):e], "。") {
		sentence = strings.TrimSpace(sentence)
		// 上传学****资料 is prose: the self-reference rule must keep it.
		if sentence != "" && !strings.Contains(joined, sentence) {
			t.Errorf("sentence lost: %q", sentence)
		}
	}
	if len(d.Bulletins[0].Sections) != 6 || d.Bulletins[1].Sections[0].Marker != "一是" {
		t.Errorf("sections: %d in the first, %+v in the second", len(d.Bulletins[0].Sections), d.Bulletins[1].Sections)
	}
}

func TestCorpusToolbarsAndFrontMatter(t *testing.T) {
	shared := testutil.SharedDir(t)
	for _, dir := range []string{"gwr_provincial_2026_csv", "dongtai_party_gov_editorial"} {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", dir, "*.txt"))
		if len(files) == 0 {
			t.Fatalf("no files in %s", dir)
		}
		for _, path := range files {
			rel, _ := filepath.Rel(filepath.Join(shared, "corpus"), path)
			text := readCorpus(t, rel)
			d := Process(text, Options{})
			checkInvariants(t, d)
			clean := ""
			for _, b := range d.Bulletins {
				clean += d.CleanText(b) + "\n"
			}
			lines := strings.Split(text, "\n")
			// Toolbar and front matter lines are gone.
			for _, line := range lines {
				l := strings.TrimSpace(line)
				switch {
				case strings.HasPrefix(l, "来源URL"), l == "【字号：", l == "【字体：", l == "分享到:", l == "aliases:", strings.HasPrefix(l, "!["):
					if strings.Contains(clean, l) {
						t.Errorf("%s: kept %q", rel, l)
					}
				}
			}
			// The first and last prose sentences survive.
			first, last := "", ""
			for _, line := range lines {
				if strings.HasPrefix(strings.TrimSpace(line), "- ") || strings.HasPrefix(strings.TrimSpace(line), "![") {
					continue // front matter items and image links are not prose
				}
				line = strings.ReplaceAll(line, "**", "") // bold marks are removed
				sh := measure([]rune(NormalizeString(line, Options{})), 0, len([]rune(line)), nil)
				if sh.prose() && len([]rune(line)) > 30 {
					if first == "" {
						first = line
					}
					if sh.han > maxStrandedHan {
						// a paragraph; a shorter last line may be a site
						// notice stranded below the chrome (免责声明：…)
						last = line
					}
				}
			}
			for _, want := range []string{first, last} {
				sentence := strings.TrimSpace(strings.SplitN(want, "。", 2)[0])
				if sentence != "" && !strings.Contains(strings.ReplaceAll(clean, "**", ""), sentence) {
					t.Errorf("%s: prose sentence lost: %q", rel, sentence)
				}
			}
		}
	}
}

// checkInvariants: Norm as long as Text, spans sorted and inside the text,
// bulletins disjoint, sentences on kept text.
func checkInvariants(t testing.TB, d *Document) {
	t.Helper()
	n := len(d.Text)
	if len(d.Norm) != n {
		t.Fatalf("len(Norm) %d != len(Text) %d", len(d.Norm), n)
	}
	prev := 0
	for _, r := range d.Removed {
		if r.Start < prev || r.End <= r.Start || r.End > n || r.Reason == "" {
			t.Fatalf("bad removed span %+v after %d (len %d)", r, prev, n)
		}
		prev = r.End
	}
	for _, m := range d.Masked {
		if m.Start < 0 || m.End > n || m.End <= m.Start {
			t.Fatalf("bad masked span %+v", m)
		}
	}
	prev = 0
	for _, b := range d.Bulletins {
		if b.Start < prev || b.End > n || b.End <= b.Start {
			t.Fatalf("bad bulletin [%d,%d) after %d", b.Start, b.End, prev)
		}
		prev = b.End
		for _, f := range []*Field{b.Title, b.Issuer, b.Issue, b.Date} {
			if f != nil && (f.Start < 0 || f.End > n || string(d.Text[f.Start:f.End]) != f.Text) {
				t.Fatalf("field %+v does not map to the text", f)
			}
		}
		last := b.Start
		for _, s := range b.Sentences {
			if s.Start < last || s.End > b.End || s.End <= s.Start || s.Section >= len(b.Sections) {
				t.Fatalf("bad sentence %+v in bulletin [%d,%d)", s, b.Start, b.End)
			}
			if d.IsRemoved(s.Start) || d.IsRemoved(s.End-1) {
				t.Fatalf("sentence %+v starts or ends on removed text", s)
			}
			last = s.End
		}
		for _, s := range b.Sections {
			if s.Start < b.Start || s.End > b.End || s.Line < 1 {
				t.Fatalf("bad section %+v", s)
			}
		}
	}
}

func TestLine(t *testing.T) {
	d := Process("一\n二\n\n三", Options{})
	for _, c := range []struct{ offset, line int }{{0, 1}, {1, 1}, {2, 2}, {4, 3}, {5, 4}} {
		if got := d.Line(c.offset); got != c.line {
			t.Errorf("Line(%d) = %d, want %d", c.offset, got, c.line)
		}
	}
}

func FuzzProcess(f *testing.F) {
	f.Add("创建民族团结工作简报一: 一、借助各类媒体优势。一是抓宣传，二是抓教育。\n创建民族团结工作简报二: 内容。")
	f.Add("---\naliases:\n  - 党建专栏 | 宿舍\n---\n\n正文第一句，很长很长的句子。\n来源：学院")
	f.Add("1/6 下载此文档\n该【简报】是由【mama】上传分享,文档一共【6】页,请下载此文档。学****")
	f.Add("【字体：\n大\n中\n小\n】\n首页 > 要闻\n（一）标题\n（1）二〇二四年三月十五日 ![](x) **粗**")
	f.Add("\uFEFF\r\n２０２４年３月１５日\u3000⻄部（第5期）")
	f.Fuzz(func(t *testing.T, text string) {
		d := Process(text, Options{T2S: true})
		checkInvariants(t, d)
	})
}

func BenchmarkProcessCorpus(b *testing.B) {
	shared := testutil.SharedDir(b)
	var texts []string
	total := 0
	for _, pattern := range []string{"seed/*.txt", "messy_html_gne/*.txt", "gwr_provincial_2026_csv/*.txt", "dongtai_party_gov_editorial/*.txt", "news_xwlb_md/*.txt"} {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", pattern))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err == nil {
				texts = append(texts, string(raw))
				total += len(raw)
			}
		}
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, text := range texts {
			Process(text, Options{})
		}
	}
}

// BenchmarkProcessLongLine checks that a 5 MB line without breaks is
// handled in linear time (compare MB/s with the corpus benchmark).
func BenchmarkProcessLongLine(b *testing.B) {
	unit := "全县开展“民族团结”宣传活动697场次，受教育群众55373人次；一是抓宣传，二是抓教育。学****资料 1/6 "
	text := strings.Repeat(unit, 5<<20/len(unit))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Process(text, Options{})
	}
}
