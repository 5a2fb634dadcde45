package extract

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// Result is what extraction of one input gave.
type Result struct {
	Index   int // position of the input in the batch
	Input   Input
	Records []Record
	Err     error
}

// Failure converts a failed result into its failure line.
func (r Result) Failure() Failure {
	stage, msg := "extract", r.Err.Error()
	var fe *FileError
	if errors.As(r.Err, &fe) {
		stage, msg = fe.Stage, fe.Err.Error()
	}
	return Failure{Schema: FailureSchema, Path: r.Input.Path, Stage: stage, Message: msg}
}

// BatchOptions control a parallel batch.
type BatchOptions struct {
	// Jobs is the number of files extracted at once; 0 means one per CPU.
	Jobs int
	// Process replaces ExtractFile, for callers that read files their own
	// way (the incremental runner hashes first); nil uses ExtractFile.
	Process func(Input) ([]Record, error)
}

// Batch extracts inputs with several workers and calls emit with each
// result in input order, so output is the same whatever the timing. The
// results waiting for an earlier one are bounded (see window), so memory
// does not grow with the number of files. When ctx is cancelled no new file is started; files
// in hand are finished and emitted, and Batch returns ctx.Err(). An error
// from emit stops the batch and is returned.
func (x *Extractor) Batch(ctx context.Context, inputs []Input, opts BatchOptions, emit func(Result) error) error {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	process := opts.Process
	if process == nil {
		process = x.ExtractFile
	}
	// Loading the dictionary and the gazetteer overlaps with each other and
	// with reading the first files.
	x.segs.Preload()
	go x.units.Gazetteer()
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	win := newWindow(ctx, jobs)
	work := make(chan int)
	results := make(chan Result, 2*jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range work {
				recs, err := process(inputs[i])
				results <- Result{Index: i, Input: inputs[i], Records: recs, Err: err}
			}
		})
	}
	go func() {
		defer close(work)
		for i := range inputs {
			if !win.acquire(inputs[i].Size) {
				return
			}
			select {
			case <-ctx.Done():
				win.release(inputs[i].Size)
				return
			case work <- i:
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]Result{}
	next := 0
	var emitErr error
	for r := range results {
		pending[r.Index] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if emitErr == nil {
				if emitErr = emit(p); emitErr != nil {
					cancel()
				}
			}
			win.release(p.Input.Size)
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if next < len(inputs) {
		return parent.Err()
	}
	return nil
}

// Bounds of the results started but not yet emitted: always 2 per job; up
// to windowMaxSlots while their inputs total no more than windowBudget
// bytes. Small files then keep a worker busy while another extracts a
// large one that is earlier in input order, instead of waiting for it;
// a few large files never pile up.
const (
	windowMaxSlots = 256
	windowBudget   = 8 << 20
)

// window counts the results in flight and the bytes of their inputs.
type window struct {
	mu       sync.Mutex
	cond     *sync.Cond
	slots    int
	bytes    int64
	minSlots int
	done     bool
}

func newWindow(ctx context.Context, jobs int) *window {
	w := &window{minSlots: 2 * jobs}
	w.cond = sync.NewCond(&w.mu)
	context.AfterFunc(ctx, func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
		w.cond.Broadcast()
	})
	return w
}

// acquire waits until an input of size bytes may start; false when the
// context ended first.
func (w *window) acquire(size int64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for !w.done && w.slots >= w.minSlots && (w.slots >= windowMaxSlots || w.bytes+size > windowBudget) {
		w.cond.Wait()
	}
	if w.done {
		return false
	}
	w.slots++
	w.bytes += size
	return true
}

func (w *window) release(size int64) {
	w.mu.Lock()
	w.slots--
	w.bytes -= size
	w.mu.Unlock()
	w.cond.Broadcast()
}
