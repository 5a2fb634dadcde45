package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
	packageRels  = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	documentOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`
	documentEnd  = `</w:body></w:document>`
)

// buildZip writes the named parts, in the given order, into a zip.
func buildZip(t testing.TB, parts ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range parts {
		w, err := zw.Create(part[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, part[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// buildDocx wraps body (the content of w:body) into a minimal .docx.
func buildDocx(t testing.TB, body string, extra ...[2]string) []byte {
	parts := [][2]string{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"word/document.xml", documentOpen + body + documentEnd},
	}
	return buildZip(t, append(parts, extra...)...)
}

func para(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func run(text string) string     { return `<w:r><w:t xml:space="preserve">` + text + "</w:t></w:r>" }

func readBytes(data []byte, opts Options) (string, error) {
	return Read(bytes.NewReader(data), int64(len(data)), opts)
}

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		body string
		opts Options
		want string
	}{
		{"paragraphs become lines", para(run("一、2024年工作回顾")) + para(run("全市生产总值增长"), run("5%。")),
			Options{}, "一、2024年工作回顾\n全市生产总值增长5%。\n"},
		{"empty paragraph is an empty line", para(run("甲")) + "<w:p/>" + para(run("乙")), Options{}, "甲\n\n乙\n"},
		{"tab, line break and carriage return inside runs",
			para(`<w:r><w:t>项目</w:t><w:tab/><w:t>数量</w:t><w:br/><w:t>合计</w:t><w:cr/><w:t>完</w:t></w:r>`),
			Options{}, "项目\t数量\n合计\n完\n"},
		{"tab stops in paragraph properties are not tabs",
			para(`<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>`, run("正文")), Options{}, "正文\n"},
		{"table: cells by tab, rows by newline",
			`<w:tbl><w:tr><w:tc>` + para(run("指标")) + `</w:tc><w:tc>` + para(run("数值")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + para(run("新增就业")) + `</w:tc><w:tc>` + para(run("42.5万人")) + `</w:tc></w:tr></w:tbl>` + para(run("表后")),
			Options{}, "指标\t数值\n新增就业\t42.5万人\n表后\n"},
		{"paragraphs inside one cell are joined by a space",
			`<w:tbl><w:tr><w:tc>` + para(run("第一段")) + para(run("第二段")) + `</w:tc><w:tc>` + para(run("右")) + `</w:tc></w:tr></w:tbl>`,
			Options{}, "第一段 第二段\t右\n"},
		{"empty cell keeps its tab",
			`<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc>` + para(run("右")) + `</w:tc></w:tr></w:tbl>`, Options{}, "\t右\n"},
		{"tracked deletion is skipped, insertion kept",
			para(run("完成"), `<w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del>`, `<w:ins w:id="2" w:author="a">`+run("15")+`</w:ins>`, run("项")),
			Options{}, "完成15项\n"},
		{"moved-away text is skipped, moved-to text kept",
			para(`<w:moveFrom w:id="3">`+run("旧位置")+`</w:moveFrom>`, `<w:moveTo w:id="4">`+run("新位置")+`</w:moveTo>`), Options{}, "新位置\n"},
		{"alternate content is read once",
			para(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>文本框</w:t></mc:Choice><mc:Fallback><w:t>文本框</w:t></mc:Fallback></mc:AlternateContent></w:r>`),
			Options{}, "文本框\n"},
		{"entities and preserved spaces", para(run("A &amp; B  &lt;C&gt;")), Options{}, "A & B  <C>\n"},
		{"field instructions are not text",
			para(`<w:r><w:instrText> PAGE </w:instrText></w:r>`, run("第1页")), Options{}, "第1页\n"},
		{"non-breaking hyphen", para(`<w:r><w:t>2024</w:t><w:noBreakHyphen/><w:t>2025</w:t></w:r>`), Options{}, "2024-2025\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readBytes(buildDocx(t, tc.body), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReadNotesAndParts(t *testing.T) {
	footnotes := `<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:t>数据来源：统计局。</w:t></w:r></w:p></w:footnote></w:footnotes>`
	data := buildDocx(t, para(run("正文")), [2]string{"word/footnotes.xml", footnotes})
	got, err := readBytes(data, Options{})
	if err != nil || got != "正文\n" {
		t.Errorf("without Notes: %q, %v; want the body only", got, err)
	}
	got, err = readBytes(data, Options{Notes: true})
	if err != nil || got != "正文\n\n\n数据来源：统计局。\n" {
		t.Errorf("with Notes: %q, %v", got, err)
	}

	// The main part is found through the package relationships.
	rels := strings.Replace(packageRels, "word/document.xml", "word/document2.xml", 1)
	data = buildZip(t, [2]string{"_rels/.rels", rels}, [2]string{"word/document2.xml", documentOpen + para(run("另一部件")) + documentEnd})
	if got, err := readBytes(data, Options{}); err != nil || got != "另一部件\n" {
		t.Errorf("relationship target: %q, %v", got, err)
	}

	// Strict OOXML uses another namespace.
	strict := strings.Replace(documentOpen, "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main", 1)
	data = buildZip(t, [2]string{"word/document.xml", strict + para(run("严格")) + documentEnd})
	if got, err := readBytes(data, Options{}); err != nil || got != "严格\n" {
		t.Errorf("strict namespace: %q, %v", got, err)
	}
}

// deflateBomb returns a raw deflate stream inflating to copies × 1 MiB of
// spaces without compressing all of it: one sync-flushed chunk that refers
// only to itself is repeated, then a final empty block closes the stream.
func deflateBomb(t testing.TB, copies int) (compressed []byte, crc uint32, size uint64) {
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	var one bytes.Buffer
	fw, _ := flate.NewWriter(&one, flate.BestCompression)
	fw.Write(chunk)
	fw.Flush()
	var tail bytes.Buffer
	end, _ := flate.NewWriter(&tail, flate.BestCompression)
	end.Close()
	hash := crc32.NewIEEE()
	var out bytes.Buffer
	for range copies {
		out.Write(one.Bytes())
		hash.Write(chunk)
	}
	out.Write(tail.Bytes())
	return out.Bytes(), hash.Sum32(), uint64(copies) << 20
}

func bombZip(t testing.TB, declared func(actual uint64) uint64) []byte {
	compressed, crc, size := deflateBomb(t, 200)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(compressed)), UncompressedSize64: declared(size),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(compressed)
	zw.Close()
	return buf.Bytes()
}

func TestReadRefuses(t *testing.T) {
	manyEntries := make([][2]string, 0, 30)
	for i := range 30 {
		manyEntries = append(manyEntries, [2]string{"word/media/" + strings.Repeat("x", i+1), ""})
	}
	tests := []struct {
		name    string
		data    []byte
		opts    Options
		want    error
		message string
	}{
		{"no word/document.xml", buildZip(t, [2]string{"xl/workbook.xml", "<workbook/>"}), Options{}, ErrNotWord, "not a Word document: no word/document.xml"},
		{"not a zip", []byte("政府工作报告 plain text, not a zip at all"), Options{}, ErrCorrupt, "corrupt docx"},
		{"truncated zip", buildDocx(t, para(run("正文")))[:100], Options{}, ErrCorrupt, "corrupt docx"},
		{"broken xml", buildDocx(t, "<w:p><w:r><w:t>未闭合"), Options{}, ErrCorrupt, "word/document.xml"},
		{"too many entries", buildDocx(t, para(run("正文")), manyEntries...), Options{MaxEntries: 20}, ErrTooManyEntries, "33 entries"},
		{"declared size over the limit", buildDocx(t, para(run(strings.Repeat("长", 400)))), Options{MaxBytes: 1000}, ErrTooLarge, "declares"},
		{"honest 200 MB bomb is refused from its header", bombZip(t, func(actual uint64) uint64 { return actual }), Options{}, ErrTooLarge, "declares 209715200 bytes"},
		{"lying 200 MB bomb is refused when it inflates past its claim", bombZip(t, func(uint64) uint64 { return 4096 }), Options{}, ErrCorrupt, "word/document.xml"},
		{"bomb claiming exactly the limit is stopped at the limit", bombZip(t, func(uint64) uint64 { return 1 << 20 }), Options{MaxBytes: 1 << 20}, nil, "word/document.xml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := readBytes(tc.data, tc.opts)
			if err == nil {
				t.Fatal("read without error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("err %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.message) {
				t.Errorf("err %q lacks %q", err, tc.message)
			}
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("took %v to refuse", elapsed)
			}
		})
	}
}

// TestLimitReader checks the guard that does not trust zip headers.
func TestLimitReader(t *testing.T) {
	tests := []struct {
		name  string
		size  int
		limit int64
		want  error
	}{
		{"under the limit", 999, 1000, nil},
		{"exactly the limit", 1000, 1000, nil},
		{"one byte over", 1001, 1000, ErrTooLarge},
		{"far over", 1 << 20, 1000, ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lr := &limitReader{r: bytes.NewReader(make([]byte, tc.size)), remaining: tc.limit}
			n, err := io.Copy(io.Discard, lr)
			if !errors.Is(err, tc.want) {
				t.Errorf("err %v, want %v (read %d)", err, tc.want, n)
			}
			if n > tc.limit {
				t.Errorf("read %d bytes past the limit %d", n, tc.limit)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"built docx", buildDocx(t, para(run("正文"))), true},
		{"zip without word/", buildZip(t, [2]string{"xl/workbook.xml", "<workbook/>"}), false},
		{"text", []byte("PK is not enough: word/ in text"), false},
		{"empty", nil, false},
	}
	for _, tc := range tests {
		if got := Sniff(tc.data); got != tc.want {
			t.Errorf("%s: Sniff = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCorpus reads the real .docx files and checks that the lines of their
// text counterparts (made by another converter, with other indentation) are
// in what Read returns.
func TestCorpus(t *testing.T) {
	corpus := filepath.Join(testutil.SharedDir(t), "corpus")
	docs, _ := filepath.Glob(filepath.Join(corpus, "docx_originals", "*.docx"))
	if len(docs) == 0 {
		t.Skip("no corpus .docx")
	}
	compared := 0
	for _, doc := range docs {
		start := time.Now()
		text, err := ReadFile(doc, Options{})
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		elapsed := time.Since(start)
		if !utf8.ValidString(text) || !strings.Contains(text, "政府工作报告") {
			t.Errorf("%s: text lacks the title or is not UTF-8", filepath.Base(doc))
		}
		again, _ := ReadFile(doc, Options{})
		if again != text {
			t.Errorf("%s: two reads differ", filepath.Base(doc))
		}
		name := strings.TrimSuffix(filepath.Base(doc), ".docx") + ".txt"
		want, err := os.ReadFile(filepath.Join(corpus, "gwr_provincial_2025_docx", name))
		if err != nil {
			t.Logf("%s: %d runes in %v, no text counterpart", filepath.Base(doc), utf8.RuneCountInString(text), elapsed)
			continue
		}
		lines, found := 0, 0
		for line := range strings.Lines(string(want)) {
			line = strings.TrimSpace(line)
			if utf8.RuneCountInString(line) < 20 {
				continue
			}
			lines++
			if strings.Contains(text, line) {
				found++
			} else if lines-found <= 3 {
				t.Logf("%s: missing %q", name, line)
			}
		}
		compared++
		t.Logf("%s: %d runes in %v; %d/%d counterpart lines found", filepath.Base(doc), utf8.RuneCountInString(text), elapsed, found, lines)
		if lines == 0 || float64(found) < 0.98*float64(lines) {
			t.Errorf("%s: only %d of %d counterpart lines found", name, found, lines)
		}
	}
	if compared == 0 {
		t.Log("no .docx had a text counterpart")
	}
}

// TestDeflateBombIsValid makes sure the bomb of TestReadRefuses is refused
// for its size, not for being a broken stream.
func TestDeflateBombIsValid(t *testing.T) {
	compressed, crc, size := deflateBomb(t, 20)
	hash := crc32.NewIEEE()
	n, err := io.Copy(hash, flate.NewReader(bytes.NewReader(compressed)))
	if err != nil || uint64(n) != size || hash.Sum32() != crc {
		t.Fatalf("inflated %d of %d bytes, crc ok %v, err %v", n, size, hash.Sum32() == crc, err)
	}
	t.Logf("%d bytes inflate to %d", len(compressed), size)
}

func FuzzRead(f *testing.F) {
	f.Add(buildDocx(f, para(run("全县共开展活动1200余场次"))+`<w:tbl><w:tr><w:tc>`+para(run("甲"))+`</w:tc></w:tr></w:tbl>`))
	f.Add(buildDocx(f, para(`<w:del><w:r><w:delText>删</w:delText></w:r></w:del>`, run("留"))))
	f.Add([]byte("PK\x03\x04word/"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := readBytes(data, Options{MaxBytes: 1 << 20, Notes: true})
		if err == nil && !utf8.ValidString(text) {
			t.Fatalf("text is not valid UTF-8: %q", text)
		}
	})
}

// FuzzExtractText feeds arbitrary XML to the part reader, which is where
// hostile input does its work once the zip is opened.
func FuzzExtractText(f *testing.F) {
	f.Add(documentOpen + para(run("过去一年")) + documentEnd)
	f.Add(documentOpen + `<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>` + para(run("嵌套")) + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>` + documentEnd)
	f.Add(`<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:tc></w:tr><w:r><w:t>x</w:t></w:r>`)
	f.Fuzz(func(t *testing.T, document string) {
		var out textWriter
		_ = extractText(strings.NewReader(document), &out)
		var again textWriter
		_ = extractText(strings.NewReader(document), &again)
		if out.String() != again.String() {
			t.Fatal("two runs differ")
		}
	})
}

func BenchmarkReadCorpus(b *testing.B) {
	corpus := filepath.Join(testutil.SharedDir(b), "corpus")
	data, err := os.ReadFile(filepath.Join(corpus, "docx_originals", "2025年上海市政府工作报告.docx"))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := readBytes(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
