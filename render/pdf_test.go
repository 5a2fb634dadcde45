package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bulletin-tool/bulletin/analyze"
)

var fixedTime = time.Date(2024, 5, 6, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// renderSample renders the sample summary to a file and returns its path.
func renderSample(t *testing.T, facts int, opts PDFOptions) (string, []string) {
	t.Helper()
	var buffer bytes.Buffer
	warnings, err := RenderPDF(&buffer, sampleSummary(facts), opts)
	if err != nil {
		t.Fatalf("RenderPDF: %v", err)
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, buffer.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, warnings
}

// tool runs a poppler or qpdf command, skipping the test when it is absent.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (Debian poppler-utils, qpdf)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestRenderPDFText(t *testing.T) {
	file, warnings := renderSample(t, 300, PDFOptions{Title: "鄯善县2024年工作简报数据汇总", Appendix: AppendixAll, CreationDate: fixedTime})
	if len(warnings) != 0 {
		t.Errorf("warnings for a summary the font covers: %q", warnings)
	}
	text := tool(t, "pdftotext", "-layout", file, "-")
	for _, want := range []string{
		"鄯善县2024年工作简报数据汇总", // the title
		"七克台镇", "托克逊县", "辟展镇", // unit names in charts and tables
		"民族团结一家亲",   // an activity
		"第 1 页 / 共", // page numbers
		"主要数据", "排名与趋势", "分项统计表", "数据质量", "附录",
		"2024年1月1日 至 2024年12月", // the period covered
		"2024年5月6日 09:30",      // the generation time
		"分项之和比总数少 50",          // a finding
		"万",                    // figures in 万
		"≥",                    // lower bounds
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext misses %q", want)
		}
	}
	// The total page count replaced its alias everywhere.
	if strings.Contains(text, "{nb}") {
		t.Error("page-count alias {nb} left in the text")
	}
}

func TestRenderPDFFontEmbedded(t *testing.T) {
	file, _ := renderSample(t, 40, PDFOptions{CreationDate: fixedTime})
	out := tool(t, "pdffonts", file)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, line := range lines[2:] {
		fields := strings.Fields(line)
		// name type encoding emb sub uni object ID
		if !strings.Contains(strings.ToLower(line), "notosanssc") || len(fields) < 7 || fields[len(fields)-5] != "yes" {
			t.Errorf("font not embedded as NotoSansSC: %q", line)
		}
	}
}

func TestRenderPDFRasterises(t *testing.T) {
	file, _ := renderSample(t, 300, PDFOptions{Appendix: 100, CreationDate: fixedTime})
	info := tool(t, "pdfinfo", file)
	dir := t.TempDir()
	out := tool(t, "pdftoppm", "-png", "-r", "30", file, filepath.Join(dir, "page"))
	if strings.Contains(strings.ToLower(out), "error") {
		t.Errorf("pdftoppm reported: %s", out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if want := pdfinfoField(info, "Pages"); want == "" || want != strconv.Itoa(len(pngs)) {
		t.Errorf("pdftoppm wrote %d pages, pdfinfo says %q", len(pngs), want)
	}
}

func TestRenderPDFMetadata(t *testing.T) {
	file, _ := renderSample(t, 20, PDFOptions{Title: "吐鲁番市工作简报汇总", Author: "鄯善县统计局", Subject: "数量统计", CreationDate: fixedTime})
	info := tool(t, "pdfinfo", file)
	for field, want := range map[string]string{
		"Title": "吐鲁番市工作简报汇总", "Author": "鄯善县统计局", "Subject": "数量统计", "Creator": "bulletin",
	} {
		if got := pdfinfoField(info, field); got != want {
			t.Errorf("pdfinfo %s = %q, want %q", field, got, want)
		}
	}
	if got := pdfinfoField(info, "CreationDate"); !strings.Contains(got, "2024") {
		t.Errorf("CreationDate %q is not the fixed time", got)
	}
}

// TestRenderPDFOutline reads /Outlines with qpdf: poppler's tools cannot
// show bookmarks, and fpdf converts a title to UTF-16 only when a UTF-8
// font is current, so mojibake would go unnoticed otherwise.
func TestRenderPDFOutline(t *testing.T) {
	file, _ := renderSample(t, 60, PDFOptions{Appendix: AppendixAll, CreationDate: fixedTime})
	out := tool(t, "qpdf", "--json", "--json-key=outlines", file)
	var parsed struct {
		Outlines []outlineNode `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(out), &parsed); err != nil {
		t.Fatalf("qpdf json: %v", err)
	}
	var titles []string
	var walk func([]outlineNode)
	walk = func(nodes []outlineNode) {
		for _, node := range nodes {
			titles = append(titles, node.Title)
			walk(node.Kids)
		}
	}
	walk(parsed.Outlines)
	joined := strings.Join(titles, "|")
	for _, want := range []string{"封面", "一、主要数据", "二、排名与趋势", "三、分项统计表", "按单位", "四、数据质量", "附录：数量明细与出处"} {
		if !strings.Contains(joined, want) {
			t.Errorf("outline misses %q; has %q", want, titles)
		}
	}
	// Top-level entries are the chapters, in order.
	if len(parsed.Outlines) < 5 || parsed.Outlines[0].Title != "封面" {
		t.Errorf("outline top level = %v", titles)
	}
}

type outlineNode struct {
	Title string        `json:"title"`
	Kids  []outlineNode `json:"kids"`
}

func TestRenderPDFDeterministic(t *testing.T) {
	render := func() []byte {
		var buffer bytes.Buffer
		if _, err := RenderPDF(&buffer, sampleSummary(200), PDFOptions{Appendix: AppendixAll, CreationDate: fixedTime}); err != nil {
			t.Fatal(err)
		}
		return buffer.Bytes()
	}
	first, second := render(), render()
	if !bytes.Equal(first, second) {
		t.Fatalf("two renderings differ (%d and %d bytes)", len(first), len(second))
	}
	var other bytes.Buffer
	if _, err := RenderPDF(&other, sampleSummary(200), PDFOptions{Appendix: AppendixAll, CreationDate: fixedTime.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(first, other.Bytes()) {
		t.Error("a different CreationDate gave the same bytes: the date is not stored")
	}
}

func TestRenderPDFMissingGlyphs(t *testing.T) {
	s := sampleSummary(30)
	// U+20000 lies beyond the BMP, which fpdf cannot draw; U+E000 is a
	// private-use character no font maps.
	s.Facts[0].Unit = "\U00020000家村"
	s.Facts[1].Sentence = "私用字\uE000出现在原句中"
	var buffer bytes.Buffer
	warnings, err := RenderPDF(&buffer, s, PDFOptions{Appendix: AppendixAll, CreationDate: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(warnings, "\n")
	for _, want := range []string{"U+20000", "U+E000"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings miss %s: %q", want, warnings)
		}
	}
	if len(warnings) != 2 {
		t.Errorf("want one warning per missing character, got %q", warnings)
	}
}

func TestRenderPDFAppendixLimit(t *testing.T) {
	for _, tc := range []struct {
		appendix int
		want     []string
		absent   []string
		reason   string
	}{
		{0, nil, []string{"附录：数量明细"}, "0 means no appendix"},
		{5, []string{"列出全部 40 条中的前 5 条"}, nil, "a limit says how many were left out"},
		{AppendixAll, []string{"附录"}, []string{"列出全部"}, "all counts, no note"},
	} {
		file, _ := renderSample(t, 40, PDFOptions{Appendix: tc.appendix, CreationDate: fixedTime})
		text := tool(t, "pdftotext", file, "-")
		for _, want := range tc.want {
			if !strings.Contains(text, want) {
				t.Errorf("appendix %d (%s): misses %q", tc.appendix, tc.reason, want)
			}
		}
		for _, absent := range tc.absent {
			if strings.Contains(text, absent) {
				t.Errorf("appendix %d (%s): has %q", tc.appendix, tc.reason, absent)
			}
		}
	}
}

func TestRenderPDFErrors(t *testing.T) {
	var buffer bytes.Buffer
	if _, err := RenderPDF(&buffer, nil, PDFOptions{}); err == nil {
		t.Error("nil summary: no error")
	}
	if _, err := RenderPDF(&buffer, sampleSummary(3), PDFOptions{Appendix: -2}); err == nil {
		t.Error("appendix -2: no error")
	}
	otf := filepath.Join(t.TempDir(), "font.otf")
	os.WriteFile(otf, append([]byte("OTTO"), make([]byte, 64)...), 0o644)
	if _, err := RenderPDF(&buffer, sampleSummary(3), PDFOptions{FontFile: otf}); !errors.Is(err, ErrUnsupportedFont) || !strings.Contains(err.Error(), "CFF") {
		t.Errorf("otf font: err = %v, want ErrUnsupportedFont naming CFF", err)
	}
	if buffer.Len() != 0 {
		t.Errorf("failed renderings wrote %d bytes", buffer.Len())
	}
}

func TestRenderPDFUserFont(t *testing.T) {
	data, err := embeddedFont()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "用户字体.ttf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var buffer bytes.Buffer
	if _, err := RenderPDF(&buffer, sampleSummary(10), PDFOptions{FontFile: file, CreationDate: fixedTime}); err != nil {
		t.Fatalf("user font: %v", err)
	}
	if !bytes.HasPrefix(buffer.Bytes(), []byte("%PDF-")) {
		t.Error("no PDF written")
	}
}

func TestRenderPDFEmptySummary(t *testing.T) {
	var buffer bytes.Buffer
	if _, err := RenderPDF(&buffer, &analyze.Summary{}, PDFOptions{Appendix: AppendixAll, CreationDate: fixedTime}); err != nil {
		t.Fatalf("empty summary: %v", err)
	}
}

func pdfinfoField(info, field string) string {
	for line := range strings.SplitSeq(info, "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == field {
			return strings.TrimSpace(value)
		}
	}
	return ""
}
