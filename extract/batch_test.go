package extract

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// While a large file early in the batch is extracted, small files after it
// keep the other workers busy, up to the window's bounds; large files do
// not pile up behind it.
func TestBatchWindow(t *testing.T) {
	cases := []struct {
		size    int64
		max     int64
		atLeast int64
		reason  string
	}{
		{1 << 10, windowMaxSlots, windowMaxSlots / 2, "small files: up to windowMaxSlots wait for the first"},
		{4 << 20, 2 * 2, 2, "files of 4 MiB: only the two per job the window always allows"},
	}
	for _, c := range cases {
		inputs := make([]Input, 2000)
		for i := range inputs {
			inputs[i] = Input{Path: "f", Size: c.size}
		}
		var started, peak atomic.Int64
		release := make(chan struct{})
		var once sync.Once
		process := func(in Input) ([]Record, error) {
			n := started.Add(1)
			if n == 1 {
				// the first input waits until no more start: then the
				// window is full
				last := int64(-1)
				for last != started.Load() {
					last = started.Load()
					time.Sleep(50 * time.Millisecond)
				}
				peak.Store(last)
				once.Do(func() { close(release) })
			}
			return nil, nil
		}
		x := &Extractor{segs: NewSegmenterLoader(SegmenterOptions{}), units: NewUnitFinder()}
		next := 0
		err := x.Batch(context.Background(), inputs, BatchOptions{Jobs: 2, Process: process}, func(r Result) error {
			if r.Index != next {
				t.Fatalf("result %d emitted when %d was due", r.Index, next)
			}
			next++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		<-release
		// the first one counts itself
		if got := peak.Load() - 1; got > c.max || got < c.atLeast {
			t.Errorf("size %d: %d inputs started while the first was in hand, want %d to %d (%s)", c.size, got, c.atLeast, c.max, c.reason)
		}
	}
}
