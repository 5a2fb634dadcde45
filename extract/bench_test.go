package extract

// Throughput benchmarks on the whole shared corpus (large files included)
// and a start-up breakdown for one document. They never assert on time:
// machines differ, and the figures are for docs/accuracy.md and for
// comparing a change with its parent (scripts/bench_extract.sh runs them).
// BenchmarkSegmenterLoad is in segment_test.go.

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// benchFile is a corpus file held in memory.
type benchFile struct {
	Path string
	Data []byte
}

// benchCorpus reads every file of the shared corpus but its manifest, in
// path order.
func benchCorpus(b testing.TB) []benchFile {
	b.Helper()
	dir := filepath.Join(testutil.SharedDir(b), "corpus")
	var files []benchFile
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "MANIFEST.tsv" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files = append(files, benchFile{Path: path, Data: data})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}

// benchTexts decodes the corpus; files that do not decode (none today) are
// left out and logged, as `bulletin extract` would report them.
func benchTexts(b testing.TB) []*Text {
	b.Helper()
	var texts []*Text
	for _, f := range benchCorpus(b) {
		t, err := DecodeBytes(f.Path, f.Data, ReadOptions{})
		if err != nil {
			b.Logf("left out: %v", err)
			continue
		}
		texts = append(texts, t)
	}
	return texts
}

func textBytes(texts []*Text) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t.Text))
	}
	return n
}

// BenchmarkDecodeCleanSplit measures the stages before segmentation:
// sniffing and decoding (docx and HTML included), normalisation,
// boilerplate removal and the split into bulletins and sentences. MB/s is
// of input file bytes, held in memory so that the disk is not measured.
func BenchmarkDecodeCleanSplit(b *testing.B) {
	files := benchCorpus(b)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, f := range files {
		total += int64(len(f.Data))
	}
	b.SetBytes(total)
	b.ReportMetric(float64(len(files)), "files/op")
	for b.Loop() {
		for _, f := range files {
			t, err := DecodeBytes(f.Path, f.Data, ReadOptions{})
			if err != nil {
				continue
			}
			x.Clean(t)
		}
	}
}

// BenchmarkExtract measures ExtractText on the decoded corpus, one
// goroutine, so MB/s (of decoded UTF-8 text) is per core. The segmenter and
// the gazetteer are loaded by a warm-up call before timing.
func BenchmarkExtract(b *testing.B) {
	texts := benchTexts(b)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := x.ExtractText(texts[0]); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(textBytes(texts))
	for b.Loop() {
		for _, t := range texts {
			if _, err := x.ExtractText(t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkGsePos measures gse's Pos alone on the same decoded texts,
// through Segmenter.Cut with the dictionary extraction uses (user words
// included), for comparison with BenchmarkExtract.
func BenchmarkGsePos(b *testing.B) {
	texts := benchTexts(b)
	seg, err := NewSegmenter(SegmenterOptions{UserWords: NewUnitFinder().UserWords})
	if err != nil {
		b.Fatal(err)
	}
	runes := make([][]rune, len(texts))
	for i, t := range texts {
		runes[i] = []rune(t.Text)
	}
	b.SetBytes(textBytes(texts))
	for b.Loop() {
		for _, r := range runes {
			seg.Cut(r, 0, len(r))
		}
	}
}

// TestStartupBreakdown logs where the time of a one-file run goes, phase by
// phase, on the seed bulletin. It only logs (-v shows it): timing is no
// pass/fail criterion. Skipped with -short, as it loads the dictionary.
func TestStartupBreakdown(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter dictionary")
	}
	seed := filepath.Join(testutil.SharedDir(t), "corpus", "seed", "000_315fdb9f15213726.txt")
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("seed: %v", err)
	}
	type phase struct {
		name string
		took time.Duration
	}
	var phases []phase
	timed := func(name string, f func() error) {
		t.Helper()
		start := time.Now()
		if err := f(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		phases = append(phases, phase{name, time.Since(start)})
	}
	var units *UnitFinder
	var loader *SegmenterLoader
	var x *Extractor
	var text *Text
	timed("unit and activity tables", func() error { units = NewUnitFinder(); return nil })
	timed("segmenter load (gse dictionary)", func() error {
		loader = NewSegmenterLoader(SegmenterOptions{UserWords: units.UserWords})
		_, err := loader.Get()
		return err
	})
	timed("gazetteer load", func() error { _, err := units.Gazetteer(); return err })
	timed("extractor tables (measures, rules)", func() (err error) {
		x, err = New(Options{Segmenter: loader, Units: units})
		return err
	})
	timed("read and decode", func() (err error) { text, err = ReadFile(Input{Path: seed}, ReadOptions{}); return err })
	timed("clean and split", func() error { x.Clean(text); return nil })
	var recs []Record
	timed("extract (clean again, counts, units, activities)", func() (err error) { recs, err = x.ExtractText(text); return err })
	var total time.Duration
	for _, p := range phases {
		total += p.took
		t.Logf("%-50s %8.1f ms", p.name, float64(p.took.Microseconds())/1000)
	}
	t.Logf("%-50s %8.1f ms (%d records, %d bytes)", "total", float64(total.Microseconds())/1000, len(recs), text.Source.Bytes)
}
