package state

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func paths(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	if err := s.List(context.Background(), ListOptions{}, func(e Entry) error {
		out = append(out, e.Path)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPutLookupListInPathOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, e := range []Entry{
		{Path: "b.txt", SHA256: "bb", Size: 2, ModTime: 20, Versions: "v1", RecordCount: 1, Records: []byte("{\"b\":1}\n")},
		{Path: "a.txt", SHA256: "aa", Size: 1, ModTime: 10, Versions: "v1", RecordCount: 2, Records: []byte("{\"a\":1}\n{\"a\":2}\n")},
		{Path: "c.txt", Versions: "v1", Failure: &Failure{Stage: "read", Message: "empty file"}},
	} {
		if err := s.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(paths(t, s), " "); got != "a.txt b.txt c.txt" {
		t.Errorf("List order = %q, want byte order of path", got)
	}
	e, ok, err := s.Lookup(ctx, "a.txt")
	if err != nil || !ok {
		t.Fatalf("Lookup a.txt: %v %v", ok, err)
	}
	if e.SHA256 != "aa" || e.Size != 1 || e.ModTime != 10 || e.RecordCount != 2 || e.Records != nil || e.Failure != nil {
		t.Errorf("Lookup gave %+v; records must be left out", e)
	}
	c, _, _ := s.Lookup(ctx, "c.txt")
	if c.Failure == nil || c.Failure.Stage != "read" {
		t.Errorf("failure not kept: %+v", c)
	}
	var blobs []string
	s.List(ctx, ListOptions{Records: true}, func(e Entry) error {
		blobs = append(blobs, string(e.Records))
		return nil
	})
	if blobs[0] != "{\"a\":1}\n{\"a\":2}\n" || blobs[2] != "" {
		t.Errorf("records not read back: %q", blobs)
	}
	if _, ok, _ := s.Lookup(ctx, "nope"); ok {
		t.Error("Lookup of an unknown path found something")
	}
}

func TestPutReplacesAndDeleteMissing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	s.Put(ctx, Entry{Path: "a", SHA256: "1", Records: []byte("old\n"), RecordCount: 1})
	s.Put(ctx, Entry{Path: "a", SHA256: "2", Records: []byte("new\n"), RecordCount: 1}) // a changed file replaces its records
	s.Put(ctx, Entry{Path: "b", SHA256: "3"})
	var got []string
	s.List(ctx, ListOptions{Records: true}, func(e Entry) error {
		got = append(got, e.Path+"="+string(e.Records))
		return nil
	})
	if strings.Join(got, ",") != "a=new\n,b=" {
		t.Errorf("after replace: %q", got)
	}
	gone, err := s.DeleteMissing(ctx, func(p string) bool { return p == "a" })
	if err != nil || len(gone) != 1 || gone[0] != "b" {
		t.Fatalf("DeleteMissing = %v, %v", gone, err)
	}
	if strings.Join(paths(t, s), " ") != "a" {
		t.Errorf("b still there: %v", paths(t, s))
	}
}

func TestRollbackLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx.Put(Entry{Path: "a"})
	tx.Rollback()
	if len(paths(t, s)) != 0 {
		t.Error("a rolled-back put is visible")
	}
}

func TestReopenKeepsDataAndMeta(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(ctx, Entry{Path: "a", SHA256: "x"})
	s.update(ctx, func(tx *Tx) error { return tx.SetMeta("versions", "v9") })
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Meta(ctx, "versions"); v != "v9" {
		t.Errorf("meta lost: %q", v)
	}
	if e, ok, _ := s.Lookup(ctx, "a"); !ok || e.SHA256 != "x" {
		t.Errorf("entry lost: %+v", e)
	}
}

func TestOpenRefusesOtherLayout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`PRAGMA user_version = 99`)
	s.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "another version") {
		t.Errorf("Open of a layout-99 database: %v", err)
	}
}

func TestLockExcludesAndNamesHolder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), ".lock")
	held, err := AcquireLock(ctx, path, LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(ctx, path, LockOptions{})
	var locked *LockedError
	if !errors.As(err, &locked) || locked.PID != os.Getpid() {
		t.Fatalf("second lock: %v, want LockedError with pid %d", err, os.Getpid())
	}
	done := make(chan error)
	go func() {
		l, err := AcquireLock(ctx, path, LockOptions{Wait: true, PollInterval: 10 * time.Millisecond})
		if err == nil {
			l.Release()
		}
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("waiting lock returned while held: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	held.Release()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("waiting lock not acquired after release")
	}
}

func TestLockWaitStopsOnCancel(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".lock")
	held, _ := AcquireLock(context.Background(), path, LockOptions{})
	defer held.Release()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := AcquireLock(ctx, path, LockOptions{Wait: true, PollInterval: 10 * time.Millisecond}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled wait: %v", err)
	}
}
