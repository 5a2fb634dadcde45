package state

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // registers the "sqlite" driver, pure Go
)

// schemaVersion is stored as PRAGMA user_version; a database made with
// another layout is refused rather than misread.
const schemaVersion = 1

const schema = `
CREATE TABLE IF NOT EXISTS files (
	path     TEXT PRIMARY KEY,
	sha256   TEXT NOT NULL,
	size     INTEGER NOT NULL,
	mtime    INTEGER NOT NULL,
	versions TEXT NOT NULL,
	stage    TEXT NOT NULL,
	message  TEXT NOT NULL,
	nrecords INTEGER NOT NULL,
	records  BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
`

// Entry is what the store knows about one input file.
type Entry struct {
	Path string
	// SHA256 is the hex hash of the file's bytes; empty when the file could
	// not be read, so that it never matches and is tried again.
	SHA256 string
	// Size and ModTime (Unix nanoseconds) allow skipping the hash when they
	// have not changed; ModTime 0 forces hashing next time.
	Size    int64
	ModTime int64
	// Versions identifies the tool, data and options the records were made
	// with; records made with other versions are stale.
	Versions string
	// Failure is set when the file could not be extracted.
	Failure *Failure
	// RecordCount is the number of records in Records.
	RecordCount int
	// Records are the file's records as JSON Lines, in file order. Lookup
	// leaves them out.
	Records []byte
}

// Failure is why a file gave no records.
type Failure struct {
	Stage   string
	Message string
}

// Store is an open state database. It is safe for concurrent use: lookups
// from several goroutines run beside the writer (WAL mode).
type Store struct {
	db   *sql.DB
	path string
}

// Open opens or creates the database at path, in WAL mode.
func Open(path string) (*Store, error) {
	q := url.Values{}
	// WAL lets lookups read while a file's result is written; synchronous
	// NORMAL keeps every commit safe from a killed process (only a power
	// cut may lose the last commits, which just means extracting again);
	// immediate transactions take the write lock up front instead of
	// failing with SQLITE_BUSY half-way.
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.init(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	return s, nil
}

func (s *Store) init() error {
	var version int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	if version != 0 && version != schemaVersion {
		return fmt.Errorf("made by another version of bulletin (layout %d, want %d): remove it to start afresh", version, schemaVersion)
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(schema); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, schemaVersion)); err != nil {
		return err
	}
	return tx.Commit()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL into the database and closes it.
func (s *Store) Close() error {
	// A checkpoint keeps the -wal file small between runs; failing it loses
	// nothing, since the WAL is replayed on the next open.
	s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return s.db.Close()
}

// Lookup returns the entry of path, without its records.
func (s *Store) Lookup(ctx context.Context, path string) (Entry, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT path, sha256, size, mtime, versions, stage, message, nrecords FROM files WHERE path = ?`, path)
	e, err := scanEntry(row, false)
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, fmt.Errorf("state: look up %s: %w", path, err)
	}
	return e, true, nil
}

type scanner interface{ Scan(...any) error }

func scanEntry(row scanner, withRecords bool) (Entry, error) {
	var e Entry
	var stage, message string
	dest := []any{&e.Path, &e.SHA256, &e.Size, &e.ModTime, &e.Versions, &stage, &message, &e.RecordCount}
	if withRecords {
		dest = append(dest, &e.Records)
	}
	if err := row.Scan(dest...); err != nil {
		return Entry{}, err
	}
	if stage != "" {
		e.Failure = &Failure{Stage: stage, Message: message}
	}
	return e, nil
}

// Tx is a write transaction: what it puts and deletes becomes visible at
// once on Commit, or not at all.
type Tx struct{ tx *sql.Tx }

// Begin starts a write transaction.
func (s *Store) Begin(ctx context.Context) (*Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("state: begin: %w", err)
	}
	return &Tx{tx: tx}, nil
}

// Put replaces the entry of e.Path.
func (t *Tx) Put(e Entry) error {
	stage, message := "", ""
	if e.Failure != nil {
		stage, message = e.Failure.Stage, e.Failure.Message
		if stage == "" {
			stage = "extract"
		}
	}
	records := e.Records
	if records == nil {
		records = []byte{}
	}
	_, err := t.tx.Exec(`INSERT OR REPLACE INTO files (path, sha256, size, mtime, versions, stage, message, nrecords, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Path, e.SHA256, e.Size, e.ModTime, e.Versions, stage, message, e.RecordCount, records)
	if err != nil {
		return fmt.Errorf("state: put %s: %w", e.Path, err)
	}
	return nil
}

// Touch records a new size and modification time for a file whose content
// was found unchanged, so that the next run skips hashing it.
func (t *Tx) Touch(path string, size, modTime int64) error {
	if _, err := t.tx.Exec(`UPDATE files SET size = ?, mtime = ? WHERE path = ?`, size, modTime, path); err != nil {
		return fmt.Errorf("state: touch %s: %w", path, err)
	}
	return nil
}

// Delete removes the entry of path, if any.
func (t *Tx) Delete(path string) error {
	if _, err := t.tx.Exec(`DELETE FROM files WHERE path = ?`, path); err != nil {
		return fmt.Errorf("state: delete %s: %w", path, err)
	}
	return nil
}

// SetMeta sets a value of the store's key-value table.
func (t *Tx) SetMeta(key, value string) error {
	if _, err := t.tx.Exec(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, key, value); err != nil {
		return fmt.Errorf("state: set %s: %w", key, err)
	}
	return nil
}

// Commit makes the transaction's changes durable.
func (t *Tx) Commit() error {
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("state: commit: %w", err)
	}
	return nil
}

// Rollback discards the transaction; it is a no-op after Commit.
func (t *Tx) Rollback() { t.tx.Rollback() }

// Put replaces one entry in a transaction of its own.
func (s *Store) Put(ctx context.Context, e Entry) error {
	return s.update(ctx, func(t *Tx) error { return t.Put(e) })
}

// Touch updates size and modification time in a transaction of its own.
func (s *Store) Touch(ctx context.Context, path string, size, modTime int64) error {
	return s.update(ctx, func(t *Tx) error { return t.Touch(path, size, modTime) })
}

func (s *Store) update(ctx context.Context, fn func(*Tx) error) error {
	t, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()
	if err := fn(t); err != nil {
		return err
	}
	return t.Commit()
}

// Meta returns a value of the key-value table, "" when unset.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("state: meta %s: %w", key, err)
	}
	return v, nil
}

// ListOptions choose what List reads.
type ListOptions struct {
	// Records reads each entry's records too.
	Records bool
}

// List calls fn with every entry in byte order of path, reading one row at
// a time so that memory does not grow with the number of files. fn must
// not write to the store.
func (s *Store) List(ctx context.Context, opts ListOptions, fn func(Entry) error) error {
	cols := `path, sha256, size, mtime, versions, stage, message, nrecords`
	if opts.Records {
		cols += `, records`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM files ORDER BY path`)
	if err != nil {
		return fmt.Errorf("state: list: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows, opts.Records)
		if err != nil {
			return fmt.Errorf("state: list: %w", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("state: list: %w", err)
	}
	return nil
}

// DeleteMissing removes, in one transaction, the entries whose path keep
// does not accept, and returns the paths removed.
func (s *Store) DeleteMissing(ctx context.Context, keep func(path string) bool) ([]string, error) {
	var gone []string
	err := s.List(ctx, ListOptions{}, func(e Entry) error {
		if !keep(e.Path) {
			gone = append(gone, e.Path)
		}
		return nil
	})
	if err != nil || len(gone) == 0 {
		return nil, err
	}
	err = s.update(ctx, func(t *Tx) error {
		for _, p := range gone {
			if err := t.Delete(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return gone, nil
}
