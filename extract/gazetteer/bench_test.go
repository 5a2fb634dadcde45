package gazetteer

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// BenchmarkLoad also reports CPU time per Load (cpu-ms/op), which stays
// meaningful on a shared machine where wall time does not.
func BenchmarkLoad(b *testing.B) {
	start := processCPUTime()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPUTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// corpusText is the first 2 MB or so of the shared corpus, files joined in
// name order: bulletins, reports and policy texts full of place names.
func corpusText(b *testing.B) []rune {
	shared := testutil.SharedDir(b)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "*", "*.txt"))
	var text []byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err == nil {
			text = append(text, raw...)
		}
		if len(text) > 2<<20 {
			break
		}
	}
	if len(text) == 0 {
		b.Skip("no corpus text")
	}
	b.SetBytes(int64(len(text)))
	return []rune(string(text))
}

func BenchmarkMatch(b *testing.B) {
	g := mustLoad(b)
	text := corpusText(b)
	b.ResetTimer()
	for b.Loop() {
		g.Match(text)
	}
}

func BenchmarkMatchDocument(b *testing.B) {
	g := mustLoad(b)
	text := corpusText(b)
	b.ResetTimer()
	for b.Loop() {
		g.MatchDocument(text)
	}
}
