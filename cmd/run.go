package cmd

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/analyze"
	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/internal/atomicfile"
	"github.com/bulletin-tool/bulletin/render"
	"github.com/bulletin-tool/bulletin/state"
)

// Files a run leaves in its output directory.
const (
	runRecordsFile = "records.jsonl"
	runSummaryFile = "summary.json"
	runReportFile  = "report.pdf"
	runErrorsFile  = "errors.jsonl"
	runStateFile   = "state.db"
	runLockFile    = ".lock"
)

// recentlyModified is how close to the run a modification time may be and
// still be trusted as a pre-check: a file written within the file system's
// timestamp granularity of being read could change again with the same
// size and time (git's "racily clean" problem), so it is hashed next time.
const recentlyModified = 2 * time.Second

type runOptions struct {
	inputOptions
	render      renderOptions
	out         string
	statePath   string
	keepMissing bool
	wait        bool
	progress    string
	shardSpec   string
	topN        int
	args        []string
	// cpuProfile is where a CPU profile of the run goes (hidden flag, for
	// finding where a slow run spends its time with go tool pprof).
	cpuProfile string

	// Filled by validate.
	pdf   render.PDFOptions
	shard shard
	bar   *progressBar
}

func newRunCommand(streams IO, g *globalOptions) *cobra.Command {
	o := &runOptions{}
	c := &cobra.Command{
		Use:   "run [flags] PATH... --out DIR",
		Short: "Extract, analyze and render in one incremental, crash-safe step",
		Long: `run does extract, analyze and render in one step and leaves in DIR:
  records.jsonl  the records of every file, in byte order of path
  summary.json   the summary of analyze
  report.pdf     the report of render
  errors.jsonl   one line per file that failed: path, stage, message
  state.db       what each file gave, keyed by path and content hash (--state)

It is incremental: a file whose path, content (SHA-256) and the versions of
bulletin and of its data are unchanged since the last run is not extracted
again (size and modification time spare the hash when they are unchanged);
a changed file replaces its records; a file that is gone is dropped, unless
--keep-missing. The outputs are rebuilt from state.db each time.

It is safe to kill: each file's result is committed to state.db on its own
and the outputs are replaced atomically, so a run killed at any moment and
started again ends with the outputs of an uninterrupted run. Ctrl-C (SIGINT
or SIGTERM) stops starting files, commits those in hand and exits with 1,
leaving the outputs of the previous run untouched; a second Ctrl-C kills.

A lock (DIR/.lock) keeps two runs out of one DIR: the second fails naming
the pid that holds it, or with --wait waits for it.

--shard K/N takes the files whose path hashes to the K-th of N shards, so
that N machines share a backlog; merge their summaries with
  bulletin analyze --merge shard-*/summary.json -o summary.json
See docs/run.md.

Examples:
  bulletin run archive/ --out out/
  bulletin run archive/ --out out/ --progress=never --log-format json   # cron
  bulletin run archive/ --out shard-3 --shard 3/8
` + exitStatusHelp + `  An interrupted run, or one locked out by another, exits with 1.
`,
		RunE: func(c *cobra.Command, args []string) error {
			o.args = args
			if err := o.validate(args, streams); err != nil {
				return err
			}
			enabled, err := progressEnabled(o.progress, streams.ErrIsTerminal)
			if err != nil {
				return err
			}
			o.bar = newProgressBar(streams.Err, enabled, streams.Now)
			log, err := g.logger(o.bar)
			if err != nil {
				return err
			}
			if o.cpuProfile != "" {
				profile, err := os.Create(o.cpuProfile)
				if err != nil {
					return err
				}
				defer profile.Close()
				if err := pprof.StartCPUProfile(profile); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			return runRun(c.Context(), o, streams, log)
		},
	}
	o.inputOptions.bind(c)
	o.inputOptions.bindJobs(c)
	o.render.bind(c, false)
	f := c.Flags()
	f.StringVar(&o.out, "out", "", "directory for records.jsonl, summary.json, report.pdf, errors.jsonl and state.db (required)")
	f.StringVar(&o.statePath, "state", "", "state database (default DIR/state.db)")
	f.BoolVar(&o.keepMissing, "keep-missing", false, "keep the records of files that are no longer found")
	f.BoolVar(&o.wait, "wait", false, "wait for another run on DIR to end instead of failing")
	f.StringVar(&o.progress, "progress", progressAuto, "progress bar on standard error: auto (when it is a terminal), always or never")
	f.StringVar(&o.shardSpec, "shard", "", "process only the K-th of N shards of the files, K/N (1 ≤ K ≤ N), chosen by a hash of the path")
	f.IntVar(&o.topN, "top", analyze.DefaultTopN, "length of each top list of the summary")
	f.StringVar(&o.cpuProfile, "cpu-profile", "", "write a CPU profile of the run to FILE (for go tool pprof)")
	f.MarkHidden("cpu-profile")
	return c
}

func (o *runOptions) validate(args []string, streams IO) error {
	if err := o.inputOptions.validate(args); err != nil {
		return err
	}
	if slices.Contains(args, extract.StdinPath) {
		return usagef("run reads files and directories, not standard input: its state is kept per path (--files-from - is fine)")
	}
	if o.out == "" {
		return usagef("--out DIR is required")
	}
	if o.topN < 0 {
		return usagef("--top must not be negative")
	}
	var err error
	if o.shard, err = parseShard(o.shardSpec); err != nil {
		return err
	}
	if o.pdf, err = o.render.pdfOptions(streams); err != nil {
		return err
	}
	return nil
}

// runCounts are what one run did with the files, for its log line.
type runCounts struct {
	extracted, unchanged, failed, dropped int
}

func runRun(ctx context.Context, o *runOptions, streams IO, log *slog.Logger) error {
	if o.bar == nil {
		o.bar = newProgressBar(streams.Err, false, streams.Now)
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return fmt.Errorf("output directory: %w", err)
	}
	lock, err := state.AcquireLock(ctx, filepath.Join(o.out, runLockFile), state.LockOptions{
		Wait: o.wait,
		OnWait: func(e *state.LockedError) {
			log.Info(fmt.Sprintf("waiting for %s, held by pid %d", e.Path, e.PID), "lock", e.Path, "pid", e.PID)
		},
	})
	if err != nil {
		return err
	}
	defer lock.Release()
	removeStaleTemporaries(o.out, log)

	statePath := o.statePath
	if statePath == "" {
		statePath = filepath.Join(o.out, runStateFile)
	}
	store, err := state.Open(statePath)
	if err != nil {
		return err
	}
	defer store.Close()
	// Bookkeeping in the database goes on after SIGINT; only starting new
	// files and writing the outputs stop.
	storeCtx := context.WithoutCancel(ctx)

	inputs, discoverFailures := o.runInputs(streams, log)
	if len(inputs) == 0 && len(discoverFailures) == 0 {
		return errors.New("no input files found")
	}
	x, err := o.extractor(streams)
	if err != nil {
		return err
	}
	versions, err := runVersions(x, o)
	if err != nil {
		return err
	}
	if previous, err := store.Meta(storeCtx, "versions"); err != nil {
		return err
	} else if previous != "" && previous != versions {
		logSummary(log, "bulletin, its data or the extraction options changed since the last run: every file is extracted again", "was", previous, "now", versions)
	}

	clock := newStageClock(log)
	counts, err := extractChanged(ctx, o, store, x, versions, inputs, log)
	clock.done("extract")
	if err != nil {
		if errors.Is(err, context.Canceled) {
			done := counts.extracted + counts.unchanged + counts.failed
			return fmt.Errorf("interrupted after %d of %d files: what was extracted is saved in %s; the outputs in %s were left as they were; run again to finish: %w",
				done, len(inputs), statePath, o.out, err)
		}
		return err
	}
	keepMissing := o.keepMissing
	if !keepMissing && len(discoverFailures) > 0 {
		// A directory that could not be walked (an unmounted share, a
		// permission change) must not wipe the records of its files.
		log.Warn("some paths could not be walked: the records of files not found are kept this time")
		keepMissing = true
	}
	if !keepMissing {
		present := make(map[string]bool, len(inputs))
		for _, in := range inputs {
			present[in.Path] = true
		}
		gone, err := store.DeleteMissing(storeCtx, func(p string) bool { return present[p] })
		if err != nil {
			return err
		}
		counts.dropped = len(gone)
		for _, p := range gone {
			log.Debug("dropped a file that is gone", "path", p)
		}
	}
	if err := setMeta(storeCtx, store, "versions", versions); err != nil {
		return err
	}
	logSummary(log, fmt.Sprintf("%d files: %d extracted, %d unchanged, %d failed, %d dropped",
		len(inputs), counts.extracted, counts.unchanged, counts.failed, counts.dropped),
		"files", len(inputs), "extracted", counts.extracted, "unchanged", counts.unchanged, "failed", counts.failed, "dropped", counts.dropped)

	digest, total, failed, err := outputsDigest(storeCtx, store, o, discoverFailures, streams.Getenv)
	if err != nil {
		return err
	}
	if previous, err := store.Meta(storeCtx, runOutputsMeta); err == nil && previous == digest && outputsPresent(o.out) {
		logSummary(log, fmt.Sprintf("nothing changed since the last run: the outputs in %s are up to date", o.out), "out", o.out, "files", total, "failed", failed)
		if failed > 0 {
			return &PartialError{Failed: failed, Total: total}
		}
		return nil
	}
	clock.done("check")
	// The extractor (its dictionary is most of the memory of extraction)
	// is used no more: hand its memory back before the summary is made, so
	// that the two do not add up in the peak.
	debug.FreeOSMemory()
	written, err := writeRunOutputs(ctx, o, store, discoverFailures, log, clock)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted while writing the outputs: every file is saved in %s; the outputs in %s were left as they were; run again to write them: %w", statePath, o.out, err)
		}
		return err
	}
	if err := setMeta(storeCtx, store, runOutputsMeta, digest); err != nil {
		return err
	}
	logSummary(log, fmt.Sprintf("wrote %s: %d records from %d files, %d failed", o.out, written.records, written.files, len(written.failures)),
		"out", o.out, "records", written.records, "files", written.files, "failed", len(written.failures))
	if len(written.failures) > 0 {
		return &PartialError{Failed: len(written.failures), Total: written.files + len(written.failures)}
	}
	return nil
}

// jobsOrCPUs is --jobs, or the number of CPUs when it is 0.
func (o *runOptions) jobsOrCPUs() int {
	if o.jobs > 0 {
		return o.jobs
	}
	return runtime.NumCPU()
}

// logSummary logs a line whose message already says everything; the
// attributes are for machines, so the plain text handler leaves them out
// rather than say it all twice.
func logSummary(log *slog.Logger, message string, attrs ...any) {
	if _, plain := log.Handler().(*plainHandler); plain {
		attrs = nil
	}
	log.Info(message, attrs...)
}

// runInputs discovers the inputs of this shard, each path once.
func (o *runOptions) runInputs(streams IO, log *slog.Logger) ([]extract.Input, []extract.Failure) {
	found, discoverErrs := o.discover(o.args, streams)
	var failures []extract.Failure
	for _, err := range discoverErrs {
		f := discoverFailure(err)
		if !o.shard.contains(f.Path) {
			continue
		}
		failures = append(failures, f)
		reportFailure(log, f)
	}
	seen := make(map[string]bool, len(found))
	inputs := found[:0]
	for _, in := range found {
		if seen[in.Path] || !o.shard.contains(in.Path) || o.isOwnFile(in.Path) {
			continue
		}
		seen[in.Path] = true
		inputs = append(inputs, in)
	}
	return inputs, failures
}

// isOwnFile reports whether path is one of the run's own files (its
// output directory or state database), which must not be read as input
// when DIR lies inside an input directory.
func (o *runOptions) isOwnFile(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if out, err := filepath.Abs(o.out); err == nil {
		if rel, err := filepath.Rel(out, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	if o.statePath != "" {
		if db, err := filepath.Abs(o.statePath); err == nil && strings.HasPrefix(abs, db) {
			return true // the database and its -wal and -shm files
		}
	}
	return false
}

// runVersions names everything the records of a file depend on besides its
// bytes: the tool, its data tables and the options that change extraction.
func runVersions(x *extract.Extractor, o *runOptions) (string, error) {
	v := x.Versions()
	v["tool"] = Version
	v["encoding"] = o.encoding
	v["t2s"] = strconv.FormatBool(o.t2s)
	b, err := json.Marshal(v) // map keys come out sorted: a stable string
	return string(b), err
}

// errUnchanged is what the batch's Process returns for a file that need not
// be extracted again.
var errUnchanged = errors.New("unchanged")

// stateError is a failure of the database, not of a file: it stops the run.
type stateError struct{ err error }

func (e *stateError) Error() string { return e.err.Error() }
func (e *stateError) Unwrap() error { return e.err }

// observation is what a worker saw of a file, handed to the committing
// goroutine beside the batch result.
type observation struct {
	sha256        string
	size, modTime int64
	touch         bool // unchanged content, new size or time to remember
}

// extractChanged runs the batch over inputs, extracting the files that are
// new or changed and committing each result in a transaction of its own as
// it comes, in input order.
func extractChanged(ctx context.Context, o *runOptions, store *state.Store, x *extract.Extractor, versions string, inputs []extract.Input, log *slog.Logger) (runCounts, error) {
	var counts runCounts
	var observed sync.Map // path → observation
	// The database is read and written with a context that outlives
	// SIGINT, so that the files in hand when it comes are still committed;
	// only the batch stops starting new files.
	storeCtx := context.WithoutCancel(ctx)
	readOpts := extract.ReadOptions{Encoding: o.encoding, MaxBytes: o.maxBytes}
	now := time.Now
	if o.bar != nil && o.bar.now != nil {
		now = o.bar.now
	}
	process := func(in extract.Input) ([]extract.Record, error) {
		previous, known, err := store.Lookup(storeCtx, in.Path)
		if err != nil {
			return nil, &stateError{err}
		}
		ob, data, err := observe(in.Path, previous, known, versions, readOpts.MaxBytes, now())
		observed.Store(in.Path, ob)
		if err != nil {
			return nil, err
		}
		if data == nil {
			return nil, errUnchanged
		}
		if known && previous.SHA256 == ob.sha256 && previous.Versions == versions {
			ob.touch = true
			observed.Store(in.Path, ob)
			return nil, errUnchanged
		}
		t, err := extract.DecodeBytes(in.Path, data, readOpts)
		if err != nil {
			return nil, err
		}
		return x.ExtractText(t)
	}

	var totalBytes int64
	for _, in := range inputs {
		totalBytes += max(in.Size, 0)
	}
	o.bar.Start(len(inputs), totalBytes)
	defer o.bar.Finish()

	// Files whose size and time are unchanged are counted here, one stat
	// each, so that a run with nothing to do never starts the batch (and
	// never loads the segmenter's dictionary).
	var candidates []extract.Input
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return counts, err
		}
		previous, known, err := store.Lookup(storeCtx, in.Path)
		if err != nil {
			return counts, err
		}
		if ob, err := statFile(in.Path, now()); err == nil && ob.sameStat(previous, known, versions) {
			counts.unchanged++
			o.bar.Add(max(in.Size, 0))
			continue
		}
		candidates = append(candidates, in)
	}
	if len(candidates) == 0 {
		return counts, nil
	}
	// Largest first: the batch emits in its input order with only a few
	// results waiting, so a large file late in the list (one government
	// report of 3.4 MB is a third of the corpus's bytes) held the other
	// workers idle while it was extracted. The order changes nothing else:
	// each file is committed on its own and the outputs are rebuilt in
	// path order.
	slices.SortStableFunc(candidates, func(a, b extract.Input) int { return cmp.Compare(b.Size, a.Size) })

	var blob bytes.Buffer
	enc := json.NewEncoder(&blob)
	enc.SetEscapeHTML(false) // the same bytes as bulletin extract writes
	emit := func(r extract.Result) error {
		defer o.bar.Add(max(r.Input.Size, 0))
		var ob observation
		if v, ok := observed.LoadAndDelete(r.Input.Path); ok {
			ob = v.(observation)
		}
		var se *stateError
		switch {
		case errors.As(r.Err, &se):
			return se.err
		case errors.Is(r.Err, errUnchanged):
			counts.unchanged++
			if ob.touch {
				return store.Touch(storeCtx, r.Input.Path, ob.size, ob.modTime)
			}
			return nil
		case r.Err != nil:
			counts.failed++
			f := r.Failure()
			reportFailure(log, f)
			return store.Put(storeCtx, state.Entry{
				Path: r.Input.Path, SHA256: ob.sha256, Size: ob.size, ModTime: ob.modTime, Versions: versions,
				Failure: &state.Failure{Stage: f.Stage, Message: f.Message},
			})
		}
		blob.Reset()
		for i := range r.Records {
			if err := enc.Encode(&r.Records[i]); err != nil {
				return fmt.Errorf("encode records of %s: %w", r.Input.Path, err)
			}
		}
		counts.extracted++
		log.Debug("extracted", "path", r.Input.Path, "records", len(r.Records))
		return store.Put(storeCtx, state.Entry{
			Path: r.Input.Path, SHA256: ob.sha256, Size: ob.size, ModTime: ob.modTime, Versions: versions,
			RecordCount: len(r.Records), Records: blob.Bytes(),
		})
	}
	err := x.Batch(ctx, candidates, extract.BatchOptions{Jobs: o.jobs, Process: process}, emit)
	return counts, err
}

// statFile takes the size and modification time of a file; a time too
// recent to be trusted is stored as 0.
func statFile(path string, now time.Time) (observation, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return observation{}, &extract.FileError{Path: path, Stage: "read", Err: unwrapPathError(err)}
	}
	ob := observation{size: fi.Size(), modTime: fi.ModTime().UnixNano()}
	if now.Sub(fi.ModTime()) < recentlyModified {
		ob.modTime = 0
	}
	return ob, nil
}

// sameStat is the pre-check: the file was extracted with these versions
// and has the size and time it had then, so it is taken as unchanged
// without reading it.
func (ob observation) sameStat(previous state.Entry, known bool, versions string) bool {
	return known && previous.SHA256 != "" && previous.Versions == versions && previous.ModTime != 0 &&
		previous.Size == ob.size && previous.ModTime == ob.modTime
}

// observe stats a file and, unless its size and time show it unchanged,
// reads and hashes it. It returns nil data when the pre-check alone shows
// the file unchanged.
func observe(path string, previous state.Entry, known bool, versions string, maxBytes int64, now time.Time) (observation, []byte, error) {
	ob, err := statFile(path, now)
	if err != nil {
		return ob, nil, err
	}
	if ob.sameStat(previous, known, versions) {
		ob.sha256 = previous.SHA256
		return ob, nil, nil
	}
	if maxBytes <= 0 {
		maxBytes = extract.DefaultMaxFileBytes
	}
	if ob.size > maxBytes {
		return ob, nil, &extract.FileError{Path: path, Stage: "read", Err: fmt.Errorf("file is %d bytes, more than the limit of %d (--max-bytes)", ob.size, maxBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ob, nil, &extract.FileError{Path: path, Stage: "read", Err: unwrapPathError(err)}
	}
	if int64(len(data)) > maxBytes {
		return ob, nil, &extract.FileError{Path: path, Stage: "read", Err: fmt.Errorf("file grew past the limit of %d bytes (--max-bytes)", maxBytes)}
	}
	sum := sha256.Sum256(data)
	ob.sha256 = hex.EncodeToString(sum[:])
	if data == nil {
		data = []byte{} // an empty file is read, not unchanged; DecodeBytes reports it
	}
	return ob, data, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func setMeta(ctx context.Context, store *state.Store, key, value string) error {
	tx, err := store.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.SetMeta(key, value); err != nil {
		return err
	}
	return tx.Commit()
}

// removeStaleTemporaries deletes what a killed run left half-written: the
// temporary files atomicfile makes beside each output, and the temporary
// database of the summary's facts. The lock is held, so no other run is
// writing them.
func removeStaleTemporaries(dir string, log *slog.Logger) {
	patterns := []string{analyze.StreamTempPattern}
	for _, name := range []string{runRecordsFile, runSummaryFile, runReportFile, runErrorsFile} {
		patterns = append(patterns, "."+name+".tmp-*")
	}
	for _, pattern := range patterns {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, m := range matches {
			if err := os.Remove(m); err == nil {
				log.Debug("removed a temporary file of an interrupted run", "path", m)
			}
		}
	}
}

// runOutputs are what writeRunOutputs wrote.
type runOutputs struct {
	records, files int
	failures       []extract.Failure
}

// writeRunOutputs rebuilds every output from the database. All four are
// written to temporary files first and renamed into place only when all are
// complete, so an interruption leaves the previous set whole.
func writeRunOutputs(ctx context.Context, o *runOptions, store *state.Store, discoverFailures []extract.Failure, log *slog.Logger, clock *stageClock) (runOutputs, error) {
	var pending []*atomicfile.File
	abort := func() {
		for _, f := range pending {
			f.Abort()
		}
	}
	create := func(name string) (*atomicfile.File, error) {
		f, err := atomicfile.Create(filepath.Join(o.out, name))
		if err == nil {
			pending = append(pending, f)
		}
		return f, err
	}

	recordsFile, err := create(runRecordsFile)
	if err != nil {
		return runOutputs{}, err
	}
	bw := bufio.NewWriterSize(recordsFile, 1<<16)
	stream, written, err := summarizeStore(ctx, store, discoverFailures, bw, analyze.StreamOptions{Options: analyze.Options{TopN: o.topN}, Dir: o.out, Jobs: o.jobsOrCPUs()}, o.jobsOrCPUs())
	if stream != nil {
		defer stream.Close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		abort()
		return written, err
	}
	clock.done("records and facts")
	summary, facts, err := stream.Finish()
	if err != nil {
		abort()
		return written, err
	}
	clock.done("summary passes")

	steps := []struct {
		name  string
		write func(io.Writer) error
	}{
		{runErrorsFile, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for _, f := range written.failures {
				if err := enc.Encode(f); err != nil {
					return err
				}
			}
			return nil
		}},
		{runSummaryFile, func(w io.Writer) error {
			return render.WriteSummaryJSONFrom(w, summary, render.SummaryJSONOptions{Facts: facts, Jobs: o.jobsOrCPUs()})
		}},
		{runReportFile, func(w io.Writer) error {
			warnings, err := render.RenderPDFFrom(w, summary, facts, o.pdf)
			for _, warning := range warnings {
				log.Warn(warning)
			}
			return err
		}},
	}
	// The steps read the summary and its facts and write files of their
	// own, so with more than one job they run side by side: the report
	// then costs no wall time beside summary.json.
	files := make([]*atomicfile.File, len(steps))
	for i, step := range steps {
		f, err := create(step.name)
		if err != nil {
			abort()
			return written, fmt.Errorf("write %s: %w", filepath.Join(o.out, step.name), err)
		}
		files[i] = f
	}
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		write := func() {
			start := time.Now()
			errs[i] = step.write(files[i])
			log.Debug("wrote an output", "file", step.name, "seconds", time.Since(start).Round(time.Millisecond).Seconds())
		}
		if o.jobsOrCPUs() > 1 {
			wg.Go(write)
		} else {
			write()
		}
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			abort()
			return written, fmt.Errorf("write %s: %w", filepath.Join(o.out, steps[i].name), err)
		}
	}
	clock.done("outputs")
	if err := ctx.Err(); err != nil {
		abort()
		return written, err
	}
	for _, f := range pending {
		if err := f.Commit(); err != nil {
			abort()
			return written, err
		}
	}
	return written, nil
}

// errStopListing ends the listing of the store when adding to the summary
// failed; the adder's error is the one reported.
var errStopListing = errors.New("stop listing")

// summarizeStore streams the records of the database, in byte order of
// path, to records and into a Stream of the summary: each file's records
// are parsed and analysed on up to jobs goroutines, and the parts are added
// in path order, so memory holds a few files' records, and the facts go to
// the Stream's database. The caller finishes the stream and closes it.
func summarizeStore(ctx context.Context, store *state.Store, extraFailures []extract.Failure, records io.Writer, opts analyze.StreamOptions, jobs int) (*analyze.Stream, runOutputs, error) {
	var out runOutputs
	stream, err := analyze.NewStream(opts)
	if err != nil {
		return nil, out, err
	}
	// A file in hand: analysed by a worker, then added by the one
	// goroutine that adds, in the order the files were listed.
	type inHand struct {
		done chan struct{}
		part *analyze.Part
		err  error
	}
	jobs = max(1, jobs)
	queue := make(chan *inHand, 2*jobs)
	slots := make(chan struct{}, jobs)
	added := make(chan error, 1)
	var failed atomic.Bool // the adder failed: stop listing
	go func() {
		var err error
		for f := range queue {
			<-f.done
			if err == nil {
				err = f.err
			}
			if err == nil {
				err = stream.Add(f.part)
			}
			if err != nil {
				failed.Store(true)
			}
		}
		added <- err
	}()
	err = store.List(ctx, state.ListOptions{Records: true}, func(e state.Entry) error {
		if e.Failure != nil {
			out.failures = append(out.failures, extract.Failure{Schema: extract.FailureSchema, Path: e.Path, Stage: e.Failure.Stage, Message: e.Failure.Message})
			return nil
		}
		if failed.Load() {
			return errStopListing
		}
		out.files++
		if _, err := records.Write(e.Records); err != nil {
			return err
		}
		out.records += e.RecordCount
		f := &inHand{done: make(chan struct{})}
		slots <- struct{}{}
		go func() {
			defer func() { <-slots }()
			defer close(f.done)
			recs, _, err := analyze.ReadRecords(bytes.NewReader(e.Records))
			if err == nil {
				f.part, err = analyze.AnalyzePart(recs)
			}
			if err != nil {
				f.err = fmt.Errorf("state: records of %s: %w", e.Path, err)
			}
		}()
		queue <- f
		return nil
	})
	close(queue)
	if addErr := <-added; err == nil || errors.Is(err, errStopListing) {
		err = addErr
	}
	if err != nil {
		return stream, out, err
	}
	out.failures = append(out.failures, extraFailures...)
	slices.SortStableFunc(out.failures, func(a, b extract.Failure) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Stage, b.Stage), cmp.Compare(a.Message, b.Message))
	})
	for _, f := range out.failures {
		stream.AddFailure(f)
	}
	return stream, out, nil
}
