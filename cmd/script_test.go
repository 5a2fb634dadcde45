package cmd_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/bulletin-tool/bulletin/cmd"
	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// TestMain lets the scripts run `bulletin` as a program: testscript
// re-executes this test binary under that name, which calls cmd.Main just as
// cmd/bulletin/main.go does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"bulletin": func() { os.Exit(cmd.Main(os.Args[1:], cmd.DefaultIO())) },
	})
}

// TestScripts runs the CLI behaviour described in testdata/script/*.txtar.
// `go test ./cmd -run TestScripts/NAME` runs one; -testwork keeps the work
// directory to look at.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": exitsCommand,
		},
	})
}

// exitsCommand is `exits CODE PROGRAM [ARGS...]`: it runs the program like
// exec and fails unless it exits with exactly CODE, since `! exec` only tells
// success from failure and bulletin's exit codes 1, 2 and 3 mean different
// things.
func exitsCommand(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exits does not take !: the code says what is expected")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exits: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// TestBadInputExitCode runs `bulletin extract` over testdata/bad in memory:
// some files fail and one is good, so the exit code is 3 (partial), every bad
// file is named on standard error once, and the good file's record is still
// written.
func TestBadInputExitCode(t *testing.T) {
	root, err := testutil.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "testdata", "bad")
	var stdout, stderr bytes.Buffer
	code := cmd.Main([]string{"extract", dir}, cmd.IO{
		In: strings.NewReader(""), Out: &stdout, Err: &stderr,
		Now: time.Now, Getenv: func(string) string { return "" },
	})
	if code != cmd.ExitPartial {
		t.Errorf("exit code %d, want %d (partial)\nstderr:\n%s", code, cmd.ExitPartial, stderr.String())
	}
	for _, name := range []string{"empty.txt", "binary.bin", "corrupt.docx", "bomb.docx", "loop"} {
		if n := strings.Count(stderr.String(), filepath.Join(dir, name)+":"); n != 1 {
			t.Errorf("%s named %d times on standard error, want once:\n%s", name, n, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "5 of 7 files failed") {
		t.Errorf("no summary line \"5 of 7 files failed\" on standard error:\n%s", stderr.String())
	}
	if !strings.Contains(stdout.String(), `"path":"`+filepath.Join(dir, "good.txt")+`"`) {
		t.Errorf("no record for good.txt on standard output")
	}
}
