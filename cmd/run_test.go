package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bulletin-tool/bulletin/analyze"
	"github.com/bulletin-tool/bulletin/render"
	"github.com/bulletin-tool/bulletin/state"
)

// oldTime is the modification time given to test inputs, so that the size
// and time pre-check trusts them (fresh files are always hashed).
var oldTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

const fixedDate = "2024-01-01T00:00:00Z"

// bulletinText is a small work bulletin of the kind the corpus holds; place
// and count make each file different.
func bulletinText(place string, issue, count int) string {
	return fmt.Sprintf("%s工作简报\n第%d期\n%s人民政府办公室　2024年3月%d日\n\n"+
		"一、工作开展情况\n本月%s共开展政策宣讲活动%d场次，覆盖群众%d余人次，走访农户%d户。\n"+
		"二、下一步打算\n继续做好宣传引导工作。\n", place, issue, place, issue, place, count, count*100, count*3)
}

type runFixture struct {
	t       *testing.T
	in, out string
}

func newRunFixture(t *testing.T) *runFixture {
	t.Helper()
	root := t.TempDir()
	f := &runFixture{t: t, in: filepath.Join(root, "in"), out: filepath.Join(root, "out")}
	if err := os.MkdirAll(f.in, 0o755); err != nil {
		t.Fatal(err)
	}
	f.write("a.txt", bulletinText("鄯善县", 1, 12))
	f.write("b.txt", bulletinText("连木沁镇", 2, 34))
	f.write("c.txt", bulletinText("吐峪沟乡", 3, 56))
	return f
}

// write creates or replaces an input with an old modification time; each
// write moves the time a second on, as a real edit would.
func (f *runFixture) write(name, text string) {
	f.t.Helper()
	path := filepath.Join(f.in, name)
	mtime := oldTime
	if fi, err := os.Stat(path); err == nil {
		mtime = fi.ModTime().Add(time.Second)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		f.t.Fatal(err)
	}
}

func (f *runFixture) read(name string) string {
	f.t.Helper()
	data, err := os.ReadFile(filepath.Join(f.out, name))
	if err != nil {
		f.t.Fatal(err)
	}
	return string(data)
}

// run runs `bulletin run IN --out OUT ARGS...` in memory.
func (f *runFixture) run(args ...string) (int, string) {
	f.t.Helper()
	return runBulletin(append([]string{"run", f.in, "--out", f.out, "--creation-date", fixedDate, "--jobs", "2"}, args...)...)
}

func runBulletin(args ...string) (int, string) {
	var stdout, stderr bytes.Buffer
	code := Main(args, IO{
		In: strings.NewReader(""), Out: &stdout, Err: &stderr,
		Now: time.Now, Getenv: func(string) string { return "" },
	})
	return code, stderr.String()
}

func wantLog(t *testing.T, stderr, want string) {
	t.Helper()
	if !strings.Contains(stderr, want) {
		t.Errorf("log lacks %q:\n%s", want, stderr)
	}
}

func TestRunIsIncremental(t *testing.T) {
	f := newRunFixture(t)
	code, stderr := f.run()
	if code != ExitOK {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	wantLog(t, stderr, "3 files: 3 extracted, 0 unchanged, 0 failed, 0 dropped")
	for _, name := range []string{runRecordsFile, runSummaryFile, runReportFile, runErrorsFile, runStateFile} {
		if _, err := os.Stat(filepath.Join(f.out, name)); err != nil {
			t.Errorf("output missing: %v", err)
		}
	}
	records, summary, report := f.read(runRecordsFile), f.read(runSummaryFile), f.read(runReportFile)
	if n := strings.Count(records, "\n"); n != 3 {
		t.Errorf("records.jsonl has %d lines, want one per bulletin (3)", n)
	}
	if strings.Index(records, "a.txt") > strings.Index(records, "b.txt") || strings.Index(records, "b.txt") > strings.Index(records, "c.txt") {
		t.Error("records.jsonl is not in path order")
	}

	t.Run("nothing changed: nothing extracted, same bytes", func(t *testing.T) {
		code, stderr := f.run()
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		wantLog(t, stderr, "0 extracted, 3 unchanged")
		if f.read(runRecordsFile) != records || f.read(runSummaryFile) != summary || f.read(runReportFile) != report {
			t.Error("a run with nothing changed wrote different outputs")
		}
	})
	t.Run("nothing changed: the outputs are not written again", func(t *testing.T) {
		before, _ := os.Stat(filepath.Join(f.out, runSummaryFile))
		code, stderr := f.run()
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		wantLog(t, stderr, "nothing changed since the last run")
		after, _ := os.Stat(filepath.Join(f.out, runSummaryFile))
		if !before.ModTime().Equal(after.ModTime()) {
			t.Error("summary.json was rewritten though nothing changed")
		}
		// a missing output is written again
		os.Remove(filepath.Join(f.out, runReportFile))
		code, stderr = f.run()
		if code != ExitOK || f.read(runReportFile) != report {
			t.Fatalf("report.pdf not restored (exit %d)\n%s", code, stderr)
		}
		// another title changes the report: written again
		_, stderr = f.run("--title", "另一个标题")
		if strings.Contains(stderr, "nothing changed since the last run") {
			t.Error("a new --title kept the old report")
		}
		f.run() // back to the default title for the cases below
	})
	t.Run("touched but same content: hashed, not extracted", func(t *testing.T) {
		path := filepath.Join(f.in, "a.txt")
		later := oldTime.Add(time.Hour)
		os.Chtimes(path, later, later)
		_, stderr := f.run()
		wantLog(t, stderr, "0 extracted, 3 unchanged")
	})
	t.Run("one file changed: exactly one extracted, its records replaced", func(t *testing.T) {
		f.write("b.txt", bulletinText("七克台镇", 2, 78))
		code, stderr := f.run()
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		wantLog(t, stderr, "1 extracted, 2 unchanged")
		got := f.read(runRecordsFile)
		if strings.Contains(got, "连木沁镇") || !strings.Contains(got, "七克台镇") {
			t.Error("the changed file's old records are still there, or its new ones are missing")
		}
		if n := strings.Count(got, "\n"); n != 3 {
			t.Errorf("records.jsonl has %d lines after a change, want 3", n)
		}
	})
	t.Run("same size and time but new content with a fresh time: hashed again", func(t *testing.T) {
		// A file written just now is not trusted by the pre-check.
		path := filepath.Join(f.in, "c.txt")
		old, _ := os.ReadFile(path)
		changed := strings.Replace(string(old), "56场次", "65场次", 1)
		os.WriteFile(path, []byte(changed), 0o644)
		_, stderr := f.run()
		wantLog(t, stderr, "1 extracted, 2 unchanged")
		os.Chtimes(path, oldTime, oldTime)
	})
	t.Run("a deleted file is dropped, or kept with --keep-missing", func(t *testing.T) {
		os.Remove(filepath.Join(f.in, "c.txt"))
		_, stderr := f.run("--keep-missing")
		wantLog(t, stderr, "2 files: 0 extracted, 2 unchanged, 0 failed, 0 dropped")
		if !strings.Contains(f.read(runRecordsFile), "c.txt") {
			t.Error("--keep-missing dropped the records of the missing file")
		}
		code, stderr := f.run()
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		wantLog(t, stderr, "2 files: 0 extracted, 2 unchanged, 0 failed, 1 dropped")
		got := f.read(runRecordsFile)
		if strings.Contains(got, "c.txt") || strings.Count(got, "\n") != 2 {
			t.Errorf("the deleted file's records were not dropped:\n%.300s", got)
		}
	})
	t.Run("an input that cannot be walked drops nothing", func(t *testing.T) {
		code, stderr := runBulletin("run", f.in, filepath.Join(f.in, "..", "unmounted"), "--out", f.out, "--creation-date", fixedDate)
		if code != ExitPartial {
			t.Errorf("exit %d, want %d", code, ExitPartial)
		}
		wantLog(t, stderr, "0 dropped")
		code, _ = runBulletin("run", filepath.Join(f.in, "..", "unmounted"), "--out", f.out, "--creation-date", fixedDate)
		if code != ExitPartial || strings.Count(f.read(runRecordsFile), "\n") != 2 {
			t.Errorf("a run over an unreadable path alone dropped records (exit %d)", code)
		}
		f.run() // back to the usual inputs, for the next case
	})
	t.Run("a new tool version extracts everything again", func(t *testing.T) {
		saved := Version
		Version = saved + "+test"
		defer func() { Version = saved }()
		_, stderr := f.run()
		if !strings.Contains(stderr, "2 extracted, 0 unchanged") {
			t.Errorf("a version change did not re-extract every file:\n%s", stderr)
		}
	})
}

func TestRunSummaryIsTheSummaryOfItsRecords(t *testing.T) {
	f := newRunFixture(t)
	f.write("empty.txt", "")
	if code, stderr := f.run(); code != ExitPartial {
		t.Fatalf("exit %d, want %d\n%s", code, ExitPartial, stderr)
	}
	// analyze over the run's own records and errors must give the same bytes.
	analyzed := filepath.Join(t.TempDir(), "summary.json")
	if code, stderr := runBulletin("analyze", filepath.Join(f.out, runRecordsFile), "--errors", filepath.Join(f.out, runErrorsFile), "-o", analyzed); code != 0 {
		t.Fatalf("analyze: exit %d\n%s", code, stderr)
	}
	want, _ := os.ReadFile(analyzed)
	if got := f.read(runSummaryFile); got != string(want) {
		t.Error("run's summary differs from analyze of its records.jsonl and errors.jsonl")
	}
	// The report drawn from the facts on disk is the one render draws
	// from summary.json with every fact in memory.
	rendered := filepath.Join(t.TempDir(), "report.pdf")
	if code, stderr := runBulletin("render", analyzed, "-o", rendered, "--creation-date", fixedDate); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	if wantPDF, _ := os.ReadFile(rendered); f.read(runReportFile) != string(wantPDF) {
		t.Error("run's report differs from render of its summary.json")
	}
	// However many files are analysed at once, the summary is the same.
	store, err := state.Open(filepath.Join(f.out, runStateFile))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	encode := func(jobs int) string {
		var records, out bytes.Buffer
		stream, _, err := summarizeStore(context.Background(), store, nil, &records, analyze.StreamOptions{Dir: t.TempDir()}, jobs)
		if err != nil {
			t.Fatal(err)
		}
		defer stream.Close()
		s, facts, err := stream.Finish()
		if err != nil {
			t.Fatal(err)
		}
		if err := render.WriteSummaryJSONFrom(&out, s, render.SummaryJSONOptions{Facts: facts, Jobs: jobs}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	if one := encode(1); one != encode(3) || one != string(want) {
		t.Error("the summary depends on how many files were analysed at once")
	}
}

func TestSummaryJSONStreamIsWriteSummaryJSON(t *testing.T) {
	f := newRunFixture(t)
	f.write("empty.txt", "")                                                                     // a failure, so that findings are not empty
	f.write("amp.txt", strings.Replace(bulletinText("七克台镇", 4, 7), "共开展", "R&D投入>5亿元的项目共开展", 1)) // & and > must stay unescaped
	f.run()
	if !strings.Contains(f.read(runSummaryFile), "R&D投入>5") {
		t.Fatal("the summary lost the sentence with & and >, the test would check nothing")
	}
	full, err := analyze.ReadSummary(strings.NewReader(f.read(runSummaryFile)))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		summary *analyze.Summary
		reason  string
	}{
		{full, "a summary with every list filled"},
		{&analyze.Summary{Schema: analyze.SummarySchema}, "nil lists encode as null"},
		{&analyze.Summary{Schema: analyze.SummarySchema, Facts: []analyze.Fact{}, Totals: []analyze.Total{}}, "empty lists encode as []"},
	}
	for _, c := range cases {
		// what encoding/json gives for the whole summary at once
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(c.summary); err != nil {
			t.Fatal(err)
		}
		if err := render.WriteSummaryJSON(&got, c.summary); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: streamed JSON differs from encoding/json's:\ngot  %.400q\nwant %.400q", c.reason, got.String(), want.String())
		}
	}
}

func TestRunBadFileInBatch(t *testing.T) {
	f := newRunFixture(t)
	f.write("empty.txt", "")
	code, stderr := f.run()
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (some files failed)\n%s", code, ExitPartial, stderr)
	}
	errorsLines := strings.Split(strings.TrimSpace(f.read(runErrorsFile)), "\n")
	if len(errorsLines) != 1 || !strings.Contains(errorsLines[0], "empty.txt") || !strings.Contains(errorsLines[0], `"stage":"read"`) {
		t.Errorf("errors.jsonl = %q, want one read failure of empty.txt", errorsLines)
	}
	if n := strings.Count(f.read(runRecordsFile), "\n"); n != 3 {
		t.Errorf("the good files gave %d records, want 3", n)
	}
	if !strings.Contains(f.read(runSummaryFile), "empty.txt") {
		t.Error("the summary does not report the failed file")
	}
	wantLog(t, stderr, "empty.txt: read: empty file")
	// The failure is remembered: not tried again until the file changes,
	// and the run still says some files failed.
	code, stderr = f.run()
	if code != ExitPartial {
		t.Errorf("second run: exit %d, want %d", code, ExitPartial)
	}
	wantLog(t, stderr, "0 extracted, 4 unchanged")
	f.write("empty.txt", bulletinText("辟展镇", 4, 9))
	code, stderr = f.run()
	if code != ExitOK || f.read(runErrorsFile) != "" {
		t.Errorf("after fixing the file: exit %d, errors %q\n%s", code, f.read(runErrorsFile), stderr)
	}
	wantLog(t, stderr, "1 extracted, 3 unchanged")
}

// holdLock takes DIR/.lock the way another run would, with this process's id.
func holdLock(t *testing.T, dir string) (release func()) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	file, err := os.OpenFile(filepath.Join(dir, runLockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(file.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	file.Truncate(0)
	file.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	var once sync.Once
	return func() { once.Do(func() { file.Close() }) }
}

func TestRunLock(t *testing.T) {
	t.Run("held: exit 1 naming the lock and its pid", func(t *testing.T) {
		f := newRunFixture(t)
		release := holdLock(t, f.out)
		defer release()
		code, stderr := f.run()
		if code != ExitFailure {
			t.Errorf("exit %d, want %d", code, ExitFailure)
		}
		wantLog(t, stderr, filepath.Join(f.out, runLockFile))
		wantLog(t, stderr, "pid "+strconv.Itoa(os.Getpid()))
		if _, err := os.Stat(filepath.Join(f.out, runRecordsFile)); err == nil {
			t.Error("a locked-out run wrote outputs")
		}
	})
	t.Run("--wait waits until the lock is released", func(t *testing.T) {
		f := newRunFixture(t)
		release := holdLock(t, f.out)
		defer release()
		type outcome struct {
			code   int
			stderr string
		}
		done := make(chan outcome, 1)
		go func() {
			code, stderr := f.run("--wait")
			done <- outcome{code, stderr}
		}()
		select {
		case o := <-done:
			t.Fatalf("--wait returned while the lock was held: exit %d\n%s", o.code, o.stderr)
		case <-time.After(500 * time.Millisecond):
		}
		release()
		select {
		case o := <-done:
			if o.code != ExitOK {
				t.Fatalf("exit %d after waiting\n%s", o.code, o.stderr)
			}
			wantLog(t, o.stderr, "waiting for")
		case <-time.After(2 * time.Minute):
			t.Fatal("--wait did not go on after the lock was released")
		}
	})
}

func TestRunInterruptedLeavesOutputs(t *testing.T) {
	f := newRunFixture(t)
	if code, stderr := f.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	before := f.read(runRecordsFile)
	f.write("a.txt", bulletinText("鄯善县", 1, 99))
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as if SIGINT came at once
	var stderr bytes.Buffer
	streams := IO{Err: &stderr, Now: time.Now, Getenv: func(string) string { return "" }}
	o := &runOptions{out: f.out, args: []string{f.in}}
	o.maxBytes = 1 << 20
	o.render.appendix = "200"
	if err := o.validate(o.args, streams); err != nil {
		t.Fatal(err)
	}
	err := runRun(ctx, o, streams, slog.New(newPlainHandler(&stderr, slog.LevelInfo)))
	if !errors.Is(err, context.Canceled) || exitCode(err) != ExitFailure {
		t.Fatalf("interrupted run: %v (exit %d), want context.Canceled and exit 1", err, exitCode(err))
	}
	if !strings.Contains(err.Error(), "left as they were") {
		t.Errorf("the message does not say what happened to the outputs: %v", err)
	}
	if f.read(runRecordsFile) != before {
		t.Error("an interrupted run changed the outputs")
	}
}

func TestRunUsageErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args   []string
		reason string
	}{
		{[]string{"run", dir}, "--out is required"},
		{[]string{"run", "--out", dir}, "no input"},
		{[]string{"run", "-", "--out", dir}, "standard input has no path to keep state by"},
		{[]string{"run", dir, "--out", dir, "--shard", "3/2"}, "K beyond N"},
		{[]string{"run", dir, "--out", dir, "--progress", "sometimes"}, "unknown progress mode"},
		{[]string{"run", dir, "--out", dir, "--creation-date", "yesterday"}, "render flags are checked too"},
		{[]string{"run", dir, "--out", dir, "--no-such-flag"}, "unknown flag"},
	}
	for _, c := range cases {
		if code, stderr := runBulletin(c.args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)\n%s", c.args, code, ExitUsage, c.reason, stderr)
		}
	}
	// An empty directory is not a usage error but a failed run; the
	// output directory inside it is not read as input.
	if code, stderr := runBulletin("run", dir, "--out", filepath.Join(dir, "out")); code != ExitFailure || !strings.Contains(stderr, "no input files found") {
		t.Errorf("run over an empty directory: exit %d, want %d\n%s", code, ExitFailure, stderr)
	}
	if code, stderr := runBulletin("run", dir, "--out", filepath.Join(dir, "out")); code != ExitFailure || !strings.Contains(stderr, "no input files found") {
		t.Errorf("second run over an empty directory holding the outputs: exit %d\n%s", code, stderr)
	}
	// The help documents the exit codes.
	var stdout bytes.Buffer
	Main([]string{"run", "--help"}, IO{Out: &stdout, Err: &stdout, Now: time.Now})
	for _, want := range []string{"EXIT STATUS", "3  some files failed", "--shard", "--wait"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestRunShardsMergeIntoTheWhole(t *testing.T) {
	f := newRunFixture(t)
	f.write("d.txt", bulletinText("七克台镇", 4, 21))
	f.write("e.txt", bulletinText("辟展镇", 5, 43))
	if code, stderr := f.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	root := filepath.Dir(f.out)
	var summaries []string
	lines := 0
	for k := 1; k <= 2; k++ {
		out := filepath.Join(root, "shard"+strconv.Itoa(k))
		code, stderr := runBulletin("run", f.in, "--out", out, "--shard", strconv.Itoa(k)+"/2", "--creation-date", fixedDate)
		if code != ExitOK {
			t.Fatalf("shard %d: exit %d\n%s", k, code, stderr)
		}
		data, _ := os.ReadFile(filepath.Join(out, runRecordsFile))
		lines += strings.Count(string(data), "\n")
		summaries = append(summaries, filepath.Join(out, runSummaryFile))
	}
	if lines != 5 {
		t.Errorf("the shards hold %d records together, want 5, each file in exactly one", lines)
	}
	merged := filepath.Join(root, "merged.json")
	if code, stderr := runBulletin(append([]string{"analyze", "--merge", "-o", merged}, summaries...)...); code != 0 {
		t.Fatalf("merge: exit %d\n%s", code, stderr)
	}
	got, _ := os.ReadFile(merged)
	if string(got) != f.read(runSummaryFile) {
		t.Error("merged shard summaries differ from the summary of one run over everything")
	}
}

func TestParseShard(t *testing.T) {
	cases := []struct {
		in      string
		want    shard
		wantErr bool
		reason  string
	}{
		{"", shard{}, false, "no flag: no sharding"},
		{"1/1", shard{1, 1}, false, "one shard is everything"},
		{"3/8", shard{3, 8}, false, "the usual form"},
		{" 2 / 4 ", shard{2, 4}, false, "spaces from shell arithmetic are forgiven"},
		{"0/4", shard{}, true, "K counts from 1, like SLURM arrays and people"},
		{"5/4", shard{}, true, "K beyond N"},
		{"1/0", shard{}, true, "no shards"},
		{"2", shard{}, true, "N missing"},
		{"a/b", shard{}, true, "not numbers"},
	}
	for _, c := range cases {
		got, err := parseShard(c.in)
		if (err != nil) != c.wantErr || (!c.wantErr && got != c.want) {
			t.Errorf("parseShard(%q) = %v, %v; want %v, error %v (%s)", c.in, got, err, c.want, c.wantErr, c.reason)
		}
	}
}

func TestShardContainsEachPathOnceAndStably(t *testing.T) {
	const n = 4
	counts := make([]int, n)
	for i := range 1000 {
		path := fmt.Sprintf("archive/%03d/简报%d.txt", i%37, i)
		in := 0
		for k := 1; k <= n; k++ {
			if (shard{k, n}).contains(path) {
				in++
				counts[k-1]++
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d of %d shards, want exactly one", path, in, n)
		}
	}
	for k, c := range counts {
		if c < 150 || c > 350 {
			t.Errorf("shard %d/%d holds %d of 1000 paths: the hash does not spread them", k+1, n, c)
		}
	}
	if (shard{2, 4}).contains("x/../a.txt") != (shard{2, 4}).contains("a.txt") {
		t.Error("the same file spelled two ways falls in different shards")
	}
}

func TestProgress(t *testing.T) {
	modes := []struct {
		mode     string
		terminal bool
		want     bool
		reason   string
	}{
		{"auto", true, true, "a person is watching"},
		{"auto", false, false, "cron and pipes get silence"},
		{"always", false, true, "forced on"},
		{"never", true, false, "forced off"},
	}
	for _, m := range modes {
		if got, err := progressEnabled(m.mode, m.terminal); err != nil || got != m.want {
			t.Errorf("progressEnabled(%q, %v) = %v, %v; want %v (%s)", m.mode, m.terminal, got, err, m.want, m.reason)
		}
	}
	clock := time.Unix(1000, 0)
	var w bytes.Buffer
	p := newProgressBar(&w, true, func() time.Time { return clock })
	p.Start(4, 4_000_000)
	clock = clock.Add(2 * time.Second)
	p.Add(1_000_000)
	line := p.line(clock)
	for _, want := range []string{"1/4 files", "0.5 MB/s", "6s left"} {
		if !strings.Contains(line, want) {
			t.Errorf("progress line %q lacks %q", line, want)
		}
	}
	p.Write([]byte("bulletin: a log line\n"))
	if !strings.Contains(w.String(), "\r\033[Kbulletin: a log line\n") {
		t.Errorf("a log line does not clear the bar first: %q", w.String())
	}
	var quiet bytes.Buffer
	q := newProgressBar(&quiet, false, nil)
	q.Start(1, 1)
	q.Add(1)
	q.Write([]byte("log\n"))
	q.Finish()
	if quiet.String() != "log\n" {
		t.Errorf("a disabled bar wrote %q, want only the log line", quiet.String())
	}
}

// TestRunRemovesItsTemporaryFiles: the summary's facts go to a temporary
// database in the output directory; a run removes its own, and those a
// killed run left (with the outputs' temporaries) are removed by the next.
func TestRunRemovesItsTemporaryFiles(t *testing.T) {
	f := newRunFixture(t)
	if code, stderr := f.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	leftovers := func() []string {
		var found []string
		for _, pattern := range []string{analyze.StreamTempPattern, ".*.tmp-*"} {
			matches, _ := filepath.Glob(filepath.Join(f.out, pattern))
			found = append(found, matches...)
		}
		return found
	}
	if left := leftovers(); len(left) > 0 {
		t.Fatalf("a complete run left %v", left)
	}
	for _, name := range []string{".facts.db.tmp-123", "." + runSummaryFile + ".tmp-456"} {
		if err := os.WriteFile(filepath.Join(f.out, name), []byte("half written"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, stderr := f.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if left := leftovers(); len(left) > 0 {
		t.Errorf("the temporaries of a killed run are still there: %v", left)
	}
}
