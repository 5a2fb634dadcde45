package extract

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// tree makes files under a temporary directory and returns it.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("开展活动3场。"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func paths(dir string, inputs []Input) []string {
	var out []string
	for _, in := range inputs {
		rel, _ := filepath.Rel(dir, in.Path)
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

func TestDiscoverWalksInSortedOrder(t *testing.T) {
	dir := tree(t, "b.txt", "a/2.txt", "a/10.txt", "c.docx", ".hidden.txt", ".git/x.txt")
	inputs, errs := Discover([]string{dir}, DiscoverOptions{})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []string{"a/10.txt", "a/2.txt", "b.txt", "c.docx"} // byte order, dot files skipped
	if got := paths(dir, inputs); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDiscoverIncludeExclude(t *testing.T) {
	dir := tree(t, "keep.txt", "skip.md", "old/keep.txt", "new/keep.txt")
	cases := []struct {
		name             string
		include, exclude []string
		want             []string
	}{
		{"include by base name", []string{"*.txt"}, nil, []string{"keep.txt", "new/keep.txt", "old/keep.txt"}},
		{"exclude a directory prunes it", nil, []string{"old"}, []string{"keep.txt", "new/keep.txt", "skip.md"}},
		{"pattern with a slash matches the relative path", []string{"new/*"}, nil, []string{"new/keep.txt"}},
		{"exclude wins over include", []string{"*.txt"}, []string{"keep.txt"}, nil},
	}
	for _, c := range cases {
		inputs, errs := Discover([]string{dir}, DiscoverOptions{Include: c.include, Exclude: c.exclude})
		if len(errs) != 0 {
			t.Fatalf("%s: errors %v", c.name, errs)
		}
		if got := paths(dir, inputs); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDiscoverBadGlobIsAnError(t *testing.T) {
	_, errs := Discover([]string{"."}, DiscoverOptions{Include: []string{"[unclosed"}})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "[unclosed") {
		t.Fatalf("errors %v, want one naming the pattern", errs)
	}
}

func TestDiscoverSymlinkLoopIsOneErrorAndTheRestGoesOn(t *testing.T) {
	dir := tree(t, "a.txt", "sub/b.txt")
	if err := os.Symlink("..", filepath.Join(dir, "sub", "loop")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	inputs, errs := Discover([]string{dir}, DiscoverOptions{})
	if got := paths(dir, inputs); !reflect.DeepEqual(got, []string{"a.txt", "sub/b.txt"}) {
		t.Errorf("inputs %v", got)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrSymlinkLoop) {
		t.Fatalf("errors %v, want one symlink loop", errs)
	}
}

func TestDiscoverMissingAndDanglingPaths(t *testing.T) {
	dir := tree(t, "a.txt")
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	missing := filepath.Join(dir, "vanished.txt")
	inputs, errs := Discover([]string{missing, dir}, DiscoverOptions{})
	if len(inputs) != 1 || filepath.Base(inputs[0].Path) != "a.txt" {
		t.Errorf("inputs %v, want a.txt only", inputs)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want the missing path and the dangling link", errs)
	}
	var de *DiscoverError
	if !errors.As(errs[0], &de) || de.Path != missing || !strings.Contains(de.Error(), "no such file") {
		t.Errorf("first error %v should name %s", errs[0], missing)
	}
	if !strings.Contains(errs[1].Error(), "dangling symlink") {
		t.Errorf("second error %v should say dangling symlink", errs[1])
	}
}

func TestDiscoverFilesFrom(t *testing.T) {
	dir := tree(t, "a.txt", "b c.txt")
	list := filepath.Join(dir, "a.txt") + "\n" + filepath.Join(dir, "b c.txt") + "\n\n"
	inputs, errs := Discover(nil, DiscoverOptions{FilesFrom: "-", Stdin: strings.NewReader(list)})
	if len(errs) != 0 || len(inputs) != 2 {
		t.Fatalf("newline list: inputs %v errors %v", inputs, errs)
	}
	nul := filepath.Join(dir, "b c.txt") + "\x00" + filepath.Join(dir, "a.txt") + "\x00"
	inputs, errs = Discover(nil, DiscoverOptions{FilesFrom: "-", NullSeparated: true, Stdin: strings.NewReader(nul)})
	if len(errs) != 0 || len(inputs) != 2 || filepath.Base(inputs[0].Path) != "b c.txt" {
		t.Fatalf("NUL list keeps its order: inputs %v errors %v", inputs, errs)
	}
}

func TestDiscoverStdin(t *testing.T) {
	inputs, errs := Discover([]string{"-"}, DiscoverOptions{})
	if len(errs) != 0 || len(inputs) != 1 || inputs[0].Path != StdinPath {
		t.Fatalf("inputs %v errors %v", inputs, errs)
	}
}
