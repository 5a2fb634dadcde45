package decode

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// Excerpts of corpus/seed/000_315fdb9f15213726.txt and of the 2025 provincial
// work reports (corpus/gwr_provincial_2025_docx), used to build inputs.
const (
	seedSnippet = "全县共开展“四下基层”活动1200余场次，走访群众3.6万户，解决实际问题860余个。"
	reportLine  = "过去一年，我们深入贯彻落实党中央决策部署，地区生产总值增长5.2%，城镇新增就业42.5万人。"
	shortLine   = "政府工作报告"
)

func mustEncode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestDecodeBuiltInputs(t *testing.T) {
	traditional := "過去一年，我們深入貫徹落實黨中央決策部署，地區生產總值增長5.2%，城鎮新增就業42.5萬人。"
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name     string
		data     []byte
		opts     Options
		want     string // encoding
		wantBOM  bool
		wantText string
		invalid  []int64
	}{
		{"plain utf-8", []byte(seedSnippet), Options{}, UTF8, false, seedSnippet, nil},
		{"ascii is utf-8", []byte("Report 2025\n"), Options{}, UTF8, false, "Report 2025\n", nil},
		{"utf-8 BOM is stripped", append([]byte{0xEF, 0xBB, 0xBF}, seedSnippet...), Options{}, UTF8, true, seedSnippet, nil},
		{"utf-16le BOM", append([]byte{0xFF, 0xFE}, mustEncode(t, le, reportLine)...), Options{}, UTF16LE, true, reportLine, nil},
		{"utf-16be BOM", append([]byte{0xFE, 0xFF}, mustEncode(t, be, reportLine)...), Options{}, UTF16BE, true, reportLine, nil},
		{"utf-16le without BOM", mustEncode(t, le, reportLine), Options{}, UTF16LE, false, reportLine, nil},
		{"utf-16be without BOM", mustEncode(t, be, reportLine), Options{}, UTF16BE, false, reportLine, nil},
		{"utf-16le ascii only: NULs but text", mustEncode(t, le, "Total: 42 units\r\n"), Options{}, UTF16LE, false, "Total: 42 units\r\n", nil},
		{"gbk text is reported as gb18030", mustEncode(t, simplifiedchinese.GBK, reportLine), Options{}, GB18030, false, reportLine, nil},
		{"short gbk title: near tie with big5 goes to gb18030", mustEncode(t, simplifiedchinese.GBK, shortLine), Options{}, GB18030, false, shortLine, nil},
		{"gb18030 four-byte sequences", mustEncode(t, simplifiedchinese.GB18030, reportLine+"𠀀€"), Options{}, GB18030, false, reportLine + "𠀀€", nil},
		{"big5", mustEncode(t, traditionalchinese.Big5, traditional), Options{}, Big5, false, traditional, nil},
		{"gbk with one ascii char and one hanzi", mustEncode(t, simplifiedchinese.GBK, "a中"), Options{}, GB18030, false, "a中", nil},
		{"truncated utf-8 stays utf-8", []byte(seedSnippet)[:len(seedSnippet)-2], Options{}, UTF8, false,
			seedSnippet[:len(seedSnippet)-3] + "\uFFFD", []int64{int64(len(seedSnippet) - 3)}},
		{"truncated utf-8 of ascii plus one character", []byte("abc\xe4\xb8"), Options{}, UTF8, false, "abc\uFFFD\uFFFD", []int64{3, 4}},
		{"a few bad bytes stay utf-8", []byte(seedSnippet + "\xff" + seedSnippet), Options{}, UTF8, false,
			seedSnippet + "\uFFFD" + seedSnippet, []int64{int64(len(seedSnippet))}},
		{"override gbk", mustEncode(t, simplifiedchinese.GBK, shortLine), Options{Encoding: "GBK"}, GB18030, false, shortLine, nil},
		{"override big5 on gbk bytes decodes as told", mustEncode(t, traditionalchinese.Big5, "報告"), Options{Encoding: "big5"}, Big5, false, "報告", nil},
		{"override utf-16 takes byte order from BOM", append([]byte{0xFF, 0xFE}, mustEncode(t, le, "年")...), Options{Encoding: "utf-16"}, UTF16LE, true, "年", nil},
		{"override utf-8 reports bad bytes", []byte("a\x80b"), Options{Encoding: "utf8"}, UTF8, false, "a\uFFFDb", []int64{1}},
		{"gb18030 invalid lead before ascii keeps the ascii", append(mustEncode(t, simplifiedchinese.GBK, reportLine), 0x81, '\n'), Options{}, GB18030, false, reportLine + "\uFFFD\n", []int64{int64(len(mustEncode(t, simplifiedchinese.GBK, reportLine)))}},
		{"odd utf-16 tail byte is invalid", append(mustEncode(t, le, reportLine), 0x41), Options{Encoding: "utf-16le"}, UTF16LE, false, reportLine + "\uFFFD", []int64{int64(2 * len([]rune(reportLine)))}},
		{"unpaired surrogate is invalid", []byte{0x3D, 0xD8, 0x41, 0x00}, Options{Encoding: "utf-16le"}, UTF16LE, false, "\uFFFDA", []int64{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(tc.data, tc.opts)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if res.Encoding != tc.want || res.BOM != tc.wantBOM {
				t.Errorf("encoding %s BOM %v (confidence %.3f), want %s BOM %v", res.Encoding, res.BOM, res.Confidence, tc.want, tc.wantBOM)
			}
			if res.Text != tc.wantText {
				t.Errorf("text %q, want %q", res.Text, tc.wantText)
			}
			if !equalOffsets(res.Invalid, tc.invalid) {
				t.Errorf("invalid %v, want %v", res.Invalid, tc.invalid)
			}
			if res.Confidence < 0 || res.Confidence > 1 {
				t.Errorf("confidence %v out of 0..1", res.Confidence)
			}
		})
	}
}

func equalOffsets(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDecodeRefuses(t *testing.T) {
	random := make([]byte, 4096)
	state := uint32(1)
	for i := range random {
		state = state*1664525 + 1013904223
		random[i] = byte(state >> 24)
	}
	tests := []struct {
		name string
		data []byte
		opts Options
		want error
	}{
		{"empty", nil, Options{}, ErrEmpty},
		{"empty with override", []byte{}, Options{Encoding: "gbk"}, ErrEmpty},
		{"NUL in ascii text is binary", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml"), Options{}, ErrBinary},
		{"random bytes are binary", random, Options{}, ErrBinary},
		{"control bytes without NUL are binary", bytes.Repeat([]byte{0x01, 0x02, 'a', 0x03, 0x10, 'b'}, 50), Options{}, ErrBinary},
		{"unknown override", []byte("abc"), Options{Encoding: "latin-9"}, ErrUnknownEncoding},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(tc.data, tc.opts)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err %v (result %s), want %v", err, res.Encoding, tc.want)
			}
		})
	}
}

// TestDecodeCorpus decodes every corpus file and checks the encoding against
// MANIFEST.tsv. encoding_original names the encoding of the source; the
// files in folders named *_utf8 were transcoded to UTF-8 before being
// stored, the gbk_samples/*.GBK.txt ones were not.
func TestDecodeCorpus(t *testing.T) {
	corpus := filepath.Join(testutil.SharedDir(t), "corpus")
	f, err := os.Open(filepath.Join(corpus, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	counts := map[string]int{}
	for line := 0; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 0 || len(fields) < 7 {
			continue
		}
		path, original := fields[0], strings.ToLower(fields[6])
		data, err := os.ReadFile(filepath.Join(corpus, path))
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		res, err := Decode(data, Options{})
		switch {
		case strings.HasPrefix(original, "docx") && strings.HasSuffix(path, ".docx"):
			if !errors.Is(err, ErrBinary) {
				t.Errorf("%s: a zip decoded as %s (err %v), want ErrBinary", path, res.Encoding, err)
			}
			counts["binary"]++
			continue
		case err != nil:
			t.Errorf("%s: %v", path, err)
			continue
		}
		want := UTF8
		if strings.HasPrefix(original, "gbk") && !strings.HasSuffix(filepath.Dir(path), "_utf8") {
			want = GB18030
		}
		if res.Encoding != want {
			t.Errorf("%s: %s (confidence %.3f), want %s", path, res.Encoding, res.Confidence, want)
		}
		if want == UTF8 && res.Text != string(data) {
			t.Errorf("%s: valid UTF-8 did not round-trip", path)
		}
		if !utf8.ValidString(res.Text) {
			t.Errorf("%s: text is not valid UTF-8", path)
		}
		counts[res.Encoding]++
		t.Logf("%-12s conf %.3f invalid %3d  %s", res.Encoding, res.Confidence, len(res.Invalid), path)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("decoded: %v", counts)
	if counts[GB18030] == 0 || counts[UTF8] == 0 {
		t.Errorf("manifest yielded no GB18030 or no UTF-8 file: %v", counts)
	}
}

// TestGBKSamplesAgainstTranscoded compares the GBK originals with the UTF-8
// copies in news_sogou_utf8 that were made from them.
func TestGBKSamplesAgainstTranscoded(t *testing.T) {
	corpus := filepath.Join(testutil.SharedDir(t), "corpus")
	matches, _ := filepath.Glob(filepath.Join(corpus, "gbk_samples", "sogou_tensite_doc*.GBK.txt"))
	if len(matches) == 0 {
		t.Skip("no GBK samples")
	}
	for _, gbkPath := range matches {
		utfPath := filepath.Join(corpus, "news_sogou_utf8", strings.TrimSuffix(filepath.Base(gbkPath), ".GBK.txt")+".txt")
		utfData, err := os.ReadFile(utfPath)
		if err != nil {
			continue
		}
		gbkData, _ := os.ReadFile(gbkPath)
		res, err := Decode(gbkData, Options{})
		if err != nil {
			t.Fatalf("%s: %v", gbkPath, err)
		}
		// The copies may differ in line ends or trailing space; compare the
		// first line of text, which is the headline and lead.
		wantLine, _, _ := strings.Cut(strings.TrimSpace(string(utfData)), "\n")
		if !strings.Contains(res.Text, strings.TrimSpace(wantLine)) {
			t.Errorf("%s: decoded text lacks the first line of %s", filepath.Base(gbkPath), filepath.Base(utfPath))
		}
	}
}
