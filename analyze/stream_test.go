package analyze

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/extract"
)

// streamSummary feeds records to a Stream in runs of consecutive files
// (in path order) of random length, and returns the summary with its facts
// read back into memory, so that it encodes like Analyze's.
func streamSummary(t *testing.T, records []extract.Record, failures []extract.Failure, r *rand.Rand) *Summary {
	t.Helper()
	sorted := slices.Clone(records)
	slices.SortStableFunc(sorted, func(a, b extract.Record) int { return cmp.Compare(a.Source.Path, b.Source.Path) })
	dir := t.TempDir()
	// one job decodes in the passes' own goroutine, more in batches
	s, err := NewStream(StreamOptions{Options: Options{TopN: 3}, Dir: dir, Jobs: 1 + r.IntN(3)})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
			t.Errorf("Close left %v", left)
		}
	}()
	for len(sorted) > 0 {
		// a part never splits a file: its facts would come out of order
		n := 1
		for n < len(sorted) && (sorted[n].Source.Path == sorted[n-1].Source.Path || r.IntN(3) == 0) {
			n++
		}
		part, err := AnalyzePart(sorted[:n])
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Add(part); err != nil {
			t.Fatal(err)
		}
		sorted = sorted[n:]
	}
	for _, f := range failures {
		s.AddFailure(f)
	}
	summary, facts, err := s.Finish()
	if err != nil {
		t.Fatal(err)
	}
	// a loop that stops early (the report's appendix) ends the reading
	// cleanly, and the facts can be read again from the start
	taken := 0
	for _, err := range facts.All() {
		if err != nil {
			t.Fatal(err)
		}
		if taken++; taken == 3 {
			break
		}
	}
	summary.Facts = []Fact{}
	for f, err := range facts.All() {
		if err != nil {
			t.Fatal(err)
		}
		summary.Facts = append(summary.Facts, f)
	}
	if facts.Len() != len(summary.Facts) {
		t.Errorf("Len is %d, All gave %d facts", facts.Len(), len(summary.Facts))
	}
	return summary
}

// TestStreamEqualsAnalyze is what lets `bulletin run` keep its facts on
// disk: the streamed summary has the bytes of Analyze's over the same
// records, whatever the grouping of files into parts.
func TestStreamEqualsAnalyze(t *testing.T) {
	withCopies := append(fixture(), moreRecords()...)
	// a copy of every file under another directory: every bulletin is a
	// duplicate document of one earlier in path order, as when an archive
	// is copied into itself
	for _, rec := range append(fixture(), moreRecords()...) {
		rec.Source.Path = "copy/" + rec.Source.Path
		rec.ID = "copy/" + rec.ID
		withCopies = append(withCopies, rec)
	}
	// twenty copies, as the benchmark makes: more facts than a batch of
	// the parallel decoding holds
	var twenty []extract.Record
	for i := range 20 {
		for _, rec := range append(fixture(), moreRecords()...) {
			prefix := fmt.Sprintf("copy%02d/", i)
			rec.Source.Path, rec.ID = prefix+rec.Source.Path, prefix+rec.ID
			twenty = append(twenty, rec)
		}
	}
	cases := []struct {
		records  []extract.Record
		failures []extract.Failure
		reason   string
	}{
		{fixture(), fixtureFailures(), "every rule: duplicates, near-duplicates, repeated facts, cumulative figures, breakdowns"},
		{append(fixture(), moreRecords()...), nil, "repeated facts and cumulative figures across many files"},
		{withCopies, fixtureFailures(), "the archive twice: duplicates point at the first copy's counts"},
		{twenty, nil, "twenty copies: facts in many decoding batches"},
		{nil, fixtureFailures(), "failures only: empty lists, not null"},
		{nil, nil, "nothing at all"},
	}
	r := rand.New(rand.NewPCG(5, 8))
	for _, c := range cases {
		want := encode(t, mustAnalyze(t, c.records, c.failures))
		for trial := range 5 {
			if got := encode(t, streamSummary(t, c.records, c.failures, r)); !bytes.Equal(got, want) {
				t.Fatalf("%s, trial %d: streamed summary differs from Analyze's:\n%s", c.reason, trial, firstDifference(got, want))
			}
		}
	}
}

func TestStreamRefusesFilesOutOfOrder(t *testing.T) {
	s, err := NewStream(StreamOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	records := fixture()
	slices.SortFunc(records, func(a, b extract.Record) int { return cmp.Compare(b.Source.Path, a.Source.Path) })
	var err2 error
	for i := range records {
		part, err := AnalyzePart(records[i : i+1])
		if err != nil {
			t.Fatal(err)
		}
		if err2 = s.Add(part); err2 != nil {
			break
		}
	}
	if err2 == nil || !strings.Contains(err2.Error(), "byte order of path") {
		t.Errorf("files in reverse order: got %v, want an error about their order", err2)
	}
}

func TestStreamTempPatternNamesItsDatabase(t *testing.T) {
	dir := t.TempDir()
	s, err := NewStream(StreamOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	matches, _ := filepath.Glob(filepath.Join(dir, StreamTempPattern))
	if len(matches) != 1 {
		entries, _ := os.ReadDir(dir)
		t.Errorf("StreamTempPattern matches %v in a directory holding %v", matches, entries)
	}
}
