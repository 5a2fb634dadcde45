package state

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Lock is an exclusive flock(2) on a file. The kernel releases it when the
// process dies, however it dies, so a killed run never leaves a stale lock.
type Lock struct {
	file *os.File
	path string
}

// LockedError says another process holds the lock.
type LockedError struct {
	Path string
	// PID is the holder's process id as it wrote it in the lock file; 0
	// when unknown.
	PID int
}

func (e *LockedError) Error() string {
	holder := "pid unknown"
	if e.PID > 0 {
		holder = "pid " + strconv.Itoa(e.PID)
	}
	return fmt.Sprintf("another bulletin run holds the lock %s (%s); wait for it to end or use --wait", e.Path, holder)
}

// LockOptions control AcquireLock.
type LockOptions struct {
	// Wait waits for the holder to release the lock instead of failing.
	Wait bool
	// PollInterval is how often a waiting call tries again; flock itself
	// cannot be interrupted by a context. 0 means 100 ms.
	PollInterval time.Duration
	// OnWait is called once, with the holder's error, when Wait has to wait.
	OnWait func(*LockedError)
}

// AcquireLock takes the lock on path (created if needed) and writes this
// process's id into it for whoever finds it held.
func AcquireLock(ctx context.Context, path string, opts LockOptions) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	interval := opts.PollInterval
	if interval <= 0 {
		interval = 100 * time.Millisecond
	}
	waited := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		locked := &LockedError{Path: path, PID: readPID(path)}
		if !opts.Wait {
			f.Close()
			return nil, locked
		}
		if !waited && opts.OnWait != nil {
			opts.OnWait(locked)
		}
		waited = true
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(interval):
		}
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{file: f, path: path}, nil
}

func readPID(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		return 0
	}
	return pid
}

// Release gives the lock up. The file stays: removing it would let a third
// process lock a new file while a second still waits on the old one.
func (l *Lock) Release() error {
	if l == nil || l.file == nil {
		return nil
	}
	err := l.file.Close() // closing the descriptor releases the flock
	l.file = nil
	return err
}
