package numeral

import (
	"math"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// Seeds are snippets of real bulletins (the project seed in /work/shared/corpus/seed) and
// numerals from the peer suites.
var fuzzSeeds = []string{
	"动宣传语720余条次,公益广告48期",
	"参与群众达45万余人次,覆盖率达到100%",
	"易地扶贫搬迁一期搬迁50户186人已完成",
	"“一帮一、多帮一、一帮多”",
	"一亿五千万零六千三百五十五",
	"百 分 之 一 百二 十点 五",
	"2024-04-16 3至5万 三四十 十几个 v1.2.3 1/6 13912345678",
	"负３ 分  之 负一百五十七",
	"1.1^+23 2e5 -2.5 M 40k",
	"一百万又五十万分之二十五",
	"第18期 二〇二四年 上百家 成千上万",
}

func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := []rune(s)
		last := 0
		for _, num := range Scan(text) {
			if num.Start < last || num.End <= num.Start || num.End > len(text) {
				t.Fatalf("Scan(%q): span [%d,%d) out of order or bounds (previous end %d)", s, num.Start, num.End, last)
			}
			if string(text[num.Start:num.End]) != num.Text {
				t.Fatalf("Scan(%q): span [%d,%d) does not map back to %q", s, num.Start, num.End, num.Text)
			}
			if !(num.Low <= num.High) && !math.IsNaN(num.Value) {
				t.Fatalf("Scan(%q): %q has Low %v above High %v", s, num.Text, num.Low, num.High)
			}
			last = num.End
		}
		_, _ = ParseNumber(s, ParseOptions{})
		_, _ = ParseNumber(s, ParseOptions{Strict: true})
	})
}

// FuzzFormatRoundTrip checks that numerals written by FormatChinese parse back, in the
// lenient and the strict mode, and are found whole by Scan.
func FuzzFormatRoundTrip(f *testing.F) {
	for _, n := range []int64{0, 7, 10, 15, 101, 1010, 10500, 100001, 123456789, 3500000000000, -42, 1 << 52} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		if n >= 1<<53 || n <= -(1<<53) {
			n %= 1 << 53 // float64 holds integers exactly only below 2^53
		}
		s := FormatChinese(n)
		for _, strict := range []bool{false, true} {
			num, err := ParseNumber(s, ParseOptions{Strict: strict})
			if err != nil {
				t.Fatalf("FormatChinese(%d) = %q: strict=%v: %v", n, s, strict, err)
			}
			if num.Value != float64(n) {
				t.Fatalf("FormatChinese(%d) = %q parses back as %v (strict=%v)", n, s, num.Value, strict)
			}
		}
		found := Scan([]rune("共" + s + "人"))
		if n > 0 && (len(found) != 1 || found[0].Value != float64(n) || found[0].Text != s) {
			t.Fatalf("Scan of %q: got %v, want one numeral %d", s, texts(found), n)
		}
	})
}

func BenchmarkScan(b *testing.B) {
	dir := filepath.Join(testutil.SharedDir(b), "corpus")
	var text []rune
	size := 0
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".txt" || size > 4<<20 {
			return nil
		}
		data, err := os.ReadFile(path)
		if err == nil && utf8.Valid(data) {
			text = append(text, []rune(string(data))...)
			size += len(data)
		}
		return nil
	})
	if size == 0 {
		b.Skip("no corpus text")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var nums []Number
	for b.Loop() {
		nums = AppendScan(nums[:0], text)
	}
	b.ReportMetric(float64(len(nums)), "numerals")
}
