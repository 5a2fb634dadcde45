// Package testutil holds helpers shared by the tests of several packages.
package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the absolute path of the project's ../shared folder
// (corpus, gold, peers), found by walking up from the working directory to
// the module root. Tests that need it skip when it is absent, as it is in a
// user's clone. BULLETIN_SHARED overrides the location.
func SharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("BULLETIN_SHARED"); d != "" {
		return d
	}
	root, err := ModuleRoot()
	if err != nil {
		t.Skipf("shared folder: %v", err)
	}
	d := filepath.Join(filepath.Dir(root), "shared")
	if fi, err := os.Stat(filepath.Join(d, "corpus")); err != nil || !fi.IsDir() {
		t.Skipf("shared folder %s is absent", d)
	}
	return d
}

// ModuleRoot returns the directory holding go.mod above the working directory.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
