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
// result in input order, so output is the same whatever the timing. At
// most a few results wait for an earlier one, so memory does not grow with
// the number of files. When ctx is cancelled no new file is started; files
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

	window := make(chan struct{}, 2*jobs) // results started but not yet emitted
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
			select {
			case <-ctx.Done():
				return
			case window <- struct{}{}:
			}
			select {
			case <-ctx.Done():
				<-window
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
			<-window
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
