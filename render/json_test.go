package render

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/bulletin-tool/bulletin/analyze"
)

// TestWriteSummaryJSONFromGivesTheSameBytes: facts taken from a FactSource
// and encoded in batches on several goroutines come out as the summary's
// own Facts would, in order, whatever the number of jobs.
func TestWriteSummaryJSONFromGivesTheSameBytes(t *testing.T) {
	manyFacts := func(n int) []analyze.Fact {
		facts := make([]analyze.Fact, n)
		for i := range facts {
			high := float64(i)
			facts[i] = analyze.Fact{Ref: fmt.Sprintf("a.txt#1:q%d", i), Path: "a.txt", Bulletin: 1, Value: float64(i), High: &high,
				Sentence: "共开展宣讲活动<" + fmt.Sprint(i) + ">场次 & 更多", Measure: "场次"}
		}
		return facts
	}
	cases := []struct {
		facts  []analyze.Fact
		jobs   int
		reason string
	}{
		{[]analyze.Fact{}, 2, "no facts: []"},
		{manyFacts(1), 1, "one fact: no comma before it"},
		{manyFacts(factBatch), 2, "exactly one batch"},
		{manyFacts(3*factBatch + 7), 3, "several batches on three goroutines stay in order"},
		{manyFacts(2*factBatch + 1), 0, "Jobs 0 means one goroutine"},
	}
	for _, c := range cases {
		whole := &analyze.Summary{Schema: analyze.SummarySchema, Facts: c.facts, Totals: []analyze.Total{}}
		var want, got bytes.Buffer
		if err := WriteSummaryJSON(&want, whole); err != nil {
			t.Fatal(err)
		}
		streamed := *whole
		streamed.Facts = nil
		if err := WriteSummaryJSONFrom(&got, &streamed, SummaryJSONOptions{Facts: analyze.SliceFacts(c.facts), Jobs: c.jobs}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: bytes differ from WriteSummaryJSON's (%d vs %d bytes)", c.reason, got.Len(), want.Len())
		}
	}
}
