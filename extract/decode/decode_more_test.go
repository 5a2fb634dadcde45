package decode

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// TestShortPrefixes checks detection on the first few dozen bytes of real
// documents, where GBK and Big5 scores come close: each corpus text is
// encoded as GBK and UTF-16 and cut to short prefixes at character bounds.
func TestShortPrefixes(t *testing.T) {
	corpus := filepath.Join(testutil.SharedDir(t), "corpus")
	paths, _ := filepath.Glob(filepath.Join(corpus, "gwr_provincial_2025_docx", "*.txt"))
	more, _ := filepath.Glob(filepath.Join(corpus, "news_sogou_utf8", "*.txt"))
	paths = append(paths, more...)
	if len(paths) == 0 {
		t.Skip("no corpus texts")
	}
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	tried, wrong := 0, 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, runes := range []int{12, 30, 100, 400} {
			prefix := string([]rune(string(data))[:min(runes, utf8.RuneCount(data))])
			for _, enc := range []struct {
				name string
				data []byte
			}{
				{GB18030, mustEncode(t, simplifiedchinese.GB18030, prefix)},
				{UTF16LE, mustEncode(t, le, prefix)},
			} {
				res, err := Decode(enc.data, Options{})
				tried++
				if err != nil || res.Encoding != enc.name || res.Text != prefix {
					wrong++
					t.Errorf("%s, %d runes as %s: got %s (%.3f) err %v", filepath.Base(path), runes, enc.name, res.Encoding, res.Confidence, err)
				}
			}
		}
	}
	t.Logf("%d short prefixes, %d wrong", tried, wrong)
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(seedSnippet))
	f.Add(mustEncode(f, simplifiedchinese.GBK, reportLine))
	f.Add(mustEncode(f, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), reportLine))
	f.Add([]byte(seedSnippet)[:len(seedSnippet)-1])
	f.Add([]byte{0x81, 0x30, 0x81})
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x3D})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range []Options{{}, {Encoding: "gb18030"}, {Encoding: "big5"}, {Encoding: "utf-16be"}} {
			res, err := Decode(data, opts)
			if err != nil {
				continue
			}
			if !utf8.ValidString(res.Text) {
				t.Fatalf("%+v: text is not valid UTF-8", opts)
			}
			for i, off := range res.Invalid {
				if off < 0 || off >= int64(len(data)) || (i > 0 && off <= res.Invalid[i-1]) {
					t.Fatalf("%+v: invalid offsets %v out of order or outside %d bytes", opts, res.Invalid, len(data))
				}
			}
			if res.Confidence < 0 || res.Confidence > 1 {
				t.Fatalf("confidence %v", res.Confidence)
			}
		}
		if utf8.Valid(data) && len(data) > 0 {
			res, err := Decode(data, Options{Encoding: "utf-8"})
			if err != nil || res.Text != string(data) && !(res.BOM && res.Text == string(data[3:])) {
				t.Fatalf("valid UTF-8 did not round-trip: %q → %q (%v)", data, res.Text, err)
			}
			if res, err := Decode(data, Options{}); err == nil && res.Encoding == UTF8 && res.Text != string(data) && !res.BOM {
				t.Fatalf("detected UTF-8 did not round-trip")
			}
		}
	})
}

func benchmarkDecode(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkInput(b *testing.B) string {
	corpus := filepath.Join(testutil.SharedDir(b), "corpus")
	data, err := os.ReadFile(filepath.Join(corpus, "cpc_congress_wikisource", "cpc20_高举中国特色社会主义伟大旗帜_为全面建设社会主义现代化国家而.txt"))
	if err != nil {
		b.Skip(err)
	}
	return string(data)
}

func BenchmarkDecodeUTF8(b *testing.B) { benchmarkDecode(b, []byte(benchmarkInput(b))) }

func BenchmarkDecodeGBK(b *testing.B) {
	benchmarkDecode(b, mustEncode(b, simplifiedchinese.GB18030, benchmarkInput(b)))
}

func BenchmarkDecodeUTF16LENoBOM(b *testing.B) {
	benchmarkDecode(b, mustEncode(b, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), benchmarkInput(b)))
}
