package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// StdinPath is the path that names standard input.
const StdinPath = "-"

// DiscoverOptions selects which files a walk over the given paths yields.
type DiscoverOptions struct {
	// Include and Exclude are glob patterns (path.Match syntax). A pattern
	// without a slash is matched against the file's base name, one with a
	// slash against its slash-separated path relative to the argument it was
	// found under. Include, when given, keeps only matching files; Exclude
	// drops matching files and directories. Files named directly on the
	// command line are never filtered out.
	Include []string
	Exclude []string
	// FilesFrom names a file (or "-" for standard input) listing one path a
	// line, or NUL-separated paths when NullSeparated is set.
	FilesFrom     string
	NullSeparated bool
	// Stdin is read when FilesFrom is "-".
	Stdin io.Reader
	// Hidden includes files and directories whose name starts with a dot
	// in directory walks.
	Hidden bool
}

// Input is one file to read.
type Input struct {
	// Path is as given or as found under a directory argument; StdinPath
	// for standard input.
	Path string
	Size int64
}

// DiscoverError is a path that could not be walked or opened: a symlink
// loop, a permission problem, a path that vanished.
type DiscoverError struct {
	Path string
	Err  error
}

func (e *DiscoverError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *DiscoverError) Unwrap() error { return e.Err }

// ErrSymlinkLoop reports a directory reached again through a symlink.
var ErrSymlinkLoop = errors.New("symlink loop: directory already visited on this path")

// Discover expands paths (files, directories walked recursively, "-") into
// the inputs to read, in a deterministic order: arguments in the order
// given, directory entries sorted by name. Problems with one path are
// returned as errors for that path; the others are still walked.
func Discover(paths []string, opts DiscoverOptions) ([]Input, []error) {
	for _, pattern := range append(append([]string(nil), opts.Include...), opts.Exclude...) {
		if _, err := path.Match(pattern, ""); err != nil {
			return nil, []error{fmt.Errorf("bad glob pattern %q: %w", pattern, err)}
		}
	}
	var inputs []Input
	var errs []error
	if opts.FilesFrom != "" {
		listed, err := readFileList(opts.FilesFrom, opts.NullSeparated, opts.Stdin)
		if err != nil {
			errs = append(errs, &DiscoverError{Path: opts.FilesFrom, Err: err})
		}
		paths = append(append([]string(nil), paths...), listed...)
	}
	w := walker{opts: opts}
	for _, p := range paths {
		if p == StdinPath {
			inputs = append(inputs, Input{Path: StdinPath, Size: -1})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &DiscoverError{Path: p, Err: describeStatError(p, err)})
			continue
		}
		if !fi.IsDir() {
			if !fi.Mode().IsRegular() {
				errs = append(errs, &DiscoverError{Path: p, Err: fmt.Errorf("not a regular file (%s)", fi.Mode().Type())})
				continue
			}
			inputs = append(inputs, Input{Path: p, Size: fi.Size()})
			continue
		}
		w.inputs, w.errs = nil, nil
		w.walk(p, "", fi, nil)
		inputs = append(inputs, w.inputs...)
		errs = append(errs, w.errs...)
	}
	return inputs, errs
}

type walker struct {
	opts   DiscoverOptions
	inputs []Input
	errs   []error
}

// dirID identifies a directory by device and inode, to detect loops made of
// symlinks.
type dirID struct{ dev, ino uint64 }

func idOf(fi fs.FileInfo) (dirID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return dirID{}, false
	}
	return dirID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}

// walk visits dir; ancestors holds the directories on the current path, so
// that only a true cycle (not a directory linked twice) is an error.
func (w *walker) walk(dir, rel string, fi fs.FileInfo, ancestors []dirID) {
	if id, ok := idOf(fi); ok {
		for _, a := range ancestors {
			if a == id {
				w.errs = append(w.errs, &DiscoverError{Path: dir, Err: ErrSymlinkLoop})
				return
			}
		}
		ancestors = append(ancestors, id)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.errs = append(w.errs, &DiscoverError{Path: dir, Err: describeStatError(dir, err)})
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if !w.opts.Hidden && strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(dir, name)
		relPath := path.Join(rel, name)
		info, err := os.Stat(full) // follows symlinks
		if err != nil {
			w.errs = append(w.errs, &DiscoverError{Path: full, Err: describeStatError(full, err)})
			continue
		}
		if matchAny(w.opts.Exclude, name, relPath) {
			continue
		}
		if info.IsDir() {
			w.walk(full, relPath, info, ancestors)
			continue
		}
		if !info.Mode().IsRegular() {
			continue // sockets, devices, fifos inside a tree are not documents
		}
		if len(w.opts.Include) > 0 && !matchAny(w.opts.Include, name, relPath) {
			continue
		}
		w.inputs = append(w.inputs, Input{Path: full, Size: info.Size()})
	}
}

func matchAny(patterns []string, name, rel string) bool {
	for _, p := range patterns {
		subject := name
		if strings.Contains(p, "/") {
			subject = rel
		}
		if ok, _ := path.Match(p, subject); ok {
			return true
		}
	}
	return false
}

func describeStatError(p string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(p); lerr == nil {
			return errors.New("dangling symlink: its target does not exist")
		}
		return errors.New("no such file or directory (it may have vanished)")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	case errors.Is(err, syscall.ELOOP):
		return ErrSymlinkLoop
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFileList(name string, nul bool, stdin io.Reader) ([]string, error) {
	var r io.Reader
	if name == StdinPath {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, describeStatError(name, err)
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	if nul {
		sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
			if i := bytes.IndexByte(data, 0); i >= 0 {
				return i + 1, data[:i], nil
			}
			if atEOF && len(data) > 0 {
				return len(data), data, nil
			}
			return 0, nil, nil
		})
	}
	var out []string
	for sc.Scan() {
		line := sc.Text()
		if !nul {
			line = strings.TrimRight(line, "\r")
		}
		if line == "" {
			continue
		}
		out = append(out, line)
	}
	return out, sc.Err()
}
