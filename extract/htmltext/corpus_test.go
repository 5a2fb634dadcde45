package htmltext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/extract/decode"
	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// corpusPages pairs raw HTML in the corpus with the visible text of the same
// page (everything a browser shows, chrome included).
var corpusPages = []struct{ raw, visible string }{
	{"messy_html_gne/gzggw_1_rawhtml.txt", "messy_html_gne/gzggw_1_visibletext.txt"},
	{"messy_html_gne/zyyfy_1_rawhtml.txt", "messy_html_gne/zyyfy_1_visibletext.txt"},
	{"large_files/gne_cmse_1_rawhtml.txt", "messy_html_gne/cmse_1_visibletext.txt"},
	{"govcn_policy_sqldump/id49_rawhtml.txt", "govcn_policy_sqldump/id49_国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报.txt"},
}

// articleLines are the visible lines that read as prose: long, with several
// sentence marks. navigationLines are short lines without any, above the
// first prose line: menus and breadcrumbs.
func splitVisible(visible string) (article, navigation []string) {
	seenArticle := false
	for l := range strings.Lines(visible) {
		l = strings.TrimSpace(l)
		n := utf8.RuneCountInString(l)
		marks := strings.Count(l, "，") + strings.Count(l, "。")
		switch {
		case n >= 30 && marks >= 2:
			article = append(article, l)
			seenArticle = true
		case !seenArticle && n > 0 && n <= 8 && !strings.ContainsAny(l, sentencePunctuation+"、"):
			navigation = append(navigation, l)
		}
	}
	return article, navigation
}

func TestCorpusPages(t *testing.T) {
	corpus := filepath.Join(testutil.SharedDir(t), "corpus")
	for _, page := range corpusPages {
		raw, err := os.ReadFile(filepath.Join(corpus, page.raw))
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		visible, err := os.ReadFile(filepath.Join(corpus, page.visible))
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		decoded, err := decode.Decode(raw, decode.Options{})
		if err != nil {
			t.Fatalf("%s: %v", page.raw, err)
		}
		if !Sniff(raw) {
			t.Errorf("%s: Sniff says not HTML", page.raw)
		}
		res, err := Extract(decoded.Text, Options{})
		if err != nil {
			t.Fatalf("%s: %v", page.raw, err)
		}
		article, navigation := splitVisible(string(visible))
		outLines := map[string]bool{}
		for l := range strings.Lines(res.Text) {
			outLines[strings.TrimSpace(l)] = true
		}
		squashedOut := strings.Join(strings.Fields(res.Text), "")
		found := 0
		for _, l := range article {
			if strings.Contains(squashedOut, strings.Join(strings.Fields(l), "")) {
				found++
			} else {
				t.Logf("%s: missing article line %q", page.raw, l)
			}
		}
		kept := 0
		for _, l := range navigation {
			if outLines[l] {
				kept++
				t.Logf("%s: kept navigation line %q", page.raw, l)
			}
		}
		t.Logf("%s: title %q; %d runes; article lines %d/%d; navigation lines kept %d/%d; %d dropped pieces",
			page.raw, res.Title, utf8.RuneCountInString(res.Text), found, len(article), kept, len(navigation), len(res.Dropped))
		if len(article) == 0 || found < len(article)*9/10 {
			t.Errorf("%s: only %d of %d article lines kept", page.raw, found, len(article))
		}
		if kept > len(navigation)/10 {
			t.Errorf("%s: %d of %d navigation lines kept", page.raw, kept, len(navigation))
		}
	}
}
