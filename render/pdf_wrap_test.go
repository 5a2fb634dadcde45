package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// newWrapDocument returns a document with the embedded font at 10 pt.
func newWrapDocument(t testing.TB) *fpdf.Fpdf {
	t.Helper()
	data, err := embeddedFont()
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(embeddedFamily, "", data)
	pdf.SetFont(embeddedFamily, "", 10)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// checkWrap asserts WrapText's promises for one text and width and
// returns the lines.
func checkWrap(t *testing.T, pdf *fpdf.Fpdf, text string, width float64) []string {
	t.Helper()
	lines := WrapText(pdf, text, width)
	if got := strings.Join(lines, ""); got != strings.ReplaceAll(text, "\n", "") {
		t.Fatalf("width %g: characters lost or added\n in: %q\nout: %q", width, text, lines)
	}
	for i, line := range lines {
		visible := strings.TrimRight(line, " ")
		if w := pdf.GetStringWidth(visible); w > width+1e-9 && !singleCluster(visible) {
			t.Errorf("width %g: line %d is %.2f wide: %q", width, i, w, line)
		}
		if i == 0 {
			continue
		}
		first, _ := utf8.DecodeRuneInString(line)
		if strings.ContainsRune(noLineStart, first) && !unavoidableStart(pdf, lines[i-1], width) {
			t.Errorf("width %g: line %d starts with %q: %q after %q", width, i, first, line, lines[i-1])
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(lines[i-1], " "))
		if strings.ContainsRune(noLineEnd, last) && !unavoidableStart(pdf, lines[i-1], width) {
			t.Errorf("width %g: line %d ends with %q: %q", width, i-1, last, lines[i-1])
		}
	}
	return lines
}

// singleCluster reports whether s is one unbreakable unit (one character
// with its marks), which may be wider than a narrow line.
func singleCluster(s string) bool {
	return len(breakClusters(s)) <= 1
}

// unavoidableStart reports whether the previous line was already a single
// cluster cut rune by rune, the one case where a mark may start a line.
func unavoidableStart(pdf *fpdf.Fpdf, previous string, width float64) bool {
	clusters := breakClusters(previous)
	return len(clusters) <= 1 || pdf.GetStringWidth(clusters[len(clusters)-1]) > width
}

func TestWrapTextCases(t *testing.T) {
	pdf := newWrapDocument(t)
	for _, tc := range []struct {
		text   string
		width  float64
		want   []string
		reason string
	}{
		{"今天天气很好。", 200, []string{"今天天气很好。"}, "fits on one line"},
		{"一二三四五。", 17.6, []string{"一二三四", "五。"}, "。 may not start a line: 五 comes down with it"},
		{"一二三《四》", 17.6, []string{"一二三", "《四》"}, "《 may not end a line: it goes down with 四"},
		{"共计2024人参加", 12, []string{"共计", "2024人", "参加"}, "a number is never cut"},
		{"培训1200余人次。", 16, []string{"培训1200", "余人次。"}, "closing mark stays with 次"},
		{"a b", 200, []string{"a b"}, "spaces are kept"},
		{"第一行\n第二行", 200, []string{"第一行", "第二行"}, "a newline forces a break"},
		{"", 20, []string{""}, "empty text is one empty line"},
		{"abcdefghijklmnopqrstuvwxyz", 10, nil, "a word wider than the line is cut rune by rune"},
		{"“好”，", 2, nil, "marks glued to one character in a column narrower than it"},
	} {
		lines := checkWrap(t, pdf, tc.text, tc.width)
		if tc.want != nil && strings.Join(lines, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q at %g (%s): got %q, want %q", tc.text, tc.width, tc.reason, lines, tc.want)
		}
	}
}

// TestWrapTextCorpus wraps every sentence of the shared corpus at three
// widths and checks WrapText's promises on each.
func TestWrapTextCorpus(t *testing.T) {
	shared := testutil.SharedDir(t)
	pdf := newWrapDocument(t)
	sentences, files := 0, 0
	err := filepath.WalkDir(filepath.Join(shared, "corpus"), func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil || !utf8.Valid(data) {
			return err // GBK samples are the decoder's business
		}
		files++
		for line := range strings.SplitSeq(string(data), "\n") {
			for sentence := range strings.SplitAfterSeq(line, "。") {
				sentence = strings.TrimRight(sentence, "\r")
				if strings.TrimSpace(sentence) == "" {
					continue
				}
				sentences++
				for _, width := range []float64{30, 60, 120} {
					checkWrap(t, pdf, sentence, width)
				}
				if t.Failed() {
					t.Fatalf("in %s", path)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sentences == 0 {
		t.Fatal("no sentence found in the corpus")
	}
	t.Logf("%d sentences of %d files wrapped at 30, 60 and 120 mm", sentences, files)
}

func FuzzWrapText(f *testing.F) {
	// Snippets in the style of the corpus's bulletins.
	for _, seed := range []string{
		"全县共组织开展“民族团结一家亲”活动1200余场次，参与群众4.5万人次。",
		"（一）高位推动，压实责任。县委召开常委会议3次，专题研究部署。",
		"截至目前，累计发放宣传资料2万余份，解答群众咨询600余人次；",
		"《关于进一步加强安全生产工作的通知》（鄯政办发〔2024〕12号）",
		"—— 七克台镇……辟展镇！？",
		"GDP growth 5.2%, CPI 2.1% 同比",
	} {
		f.Add(seed, 25.0)
	}
	pdf := newWrapDocument(f)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width <= 0.5 || width > 500 || len(text) > 2000 {
			return
		}
		lines := WrapText(pdf, text, width)
		if strings.Join(lines, "") != strings.ReplaceAll(text, "\n", "") {
			t.Fatalf("characters lost: %q → %q", text, lines)
		}
	})
}
