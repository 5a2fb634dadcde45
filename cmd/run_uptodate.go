package cmd

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/state"
)

// runOutputsMeta is the state key holding the digest of what the outputs
// in DIR were last made from.
const runOutputsMeta = "outputs"

// outputsDigest identifies what a run's outputs are made from: every file's
// state (path, content hash, versions, failure), the paths that could not
// be walked, and the options that shape the outputs. When it has not
// changed since the outputs were written, writing them again would give
// the same bytes (or, without a fixed creation date, only a newer date), so
// a cron run over an unchanged archive can stop after checking the files.
// It also returns how many inputs there were and how many failed.
func outputsDigest(ctx context.Context, store *state.Store, o *runOptions, discoverFailures []extract.Failure, getenv func(string) string) (digest string, total, failed int, err error) {
	files := 0
	h := sha256.New()
	err = store.List(ctx, state.ListOptions{}, func(e state.Entry) error {
		files++
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\n", e.Path, e.SHA256, e.Versions, e.RecordCount)
		if e.Failure != nil {
			failed++
			fmt.Fprintf(h, "failed\x00%s\x00%s\n", e.Failure.Stage, e.Failure.Message)
		}
		return nil
	})
	if err != nil {
		return "", 0, 0, err
	}
	for _, f := range discoverFailures {
		fmt.Fprintf(h, "discover\x00%s\x00%s\n", f.Path, f.Message)
	}
	epoch := ""
	if getenv != nil {
		epoch = getenv("SOURCE_DATE_EPOCH")
	}
	fmt.Fprintf(h, "options\x00%+v\x00%d\x00%s\x00%s\n", o.render, o.topN, epoch, Version)
	return hex.EncodeToString(h.Sum(nil)), files + len(discoverFailures), failed + len(discoverFailures), nil
}

// outputsPresent reports whether all four outputs exist in dir.
func outputsPresent(dir string) bool {
	for _, name := range []string{runRecordsFile, runSummaryFile, runReportFile, runErrorsFile} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}
