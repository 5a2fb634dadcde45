package analyze

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"os"

	_ "modernc.org/sqlite" // registers the "sqlite" driver, pure Go
)

// spillSchema is the temporary database of a Stream. Facts are numbered
// (seq) in fact order as they come; the global passes are queries in that
// order or in the order of their keys, and their outcome goes to tables of
// marks that the last pass joins back, so no pass holds all facts.
const spillSchema = `
-- key is what markRepeatedFacts and markDuplicateDocuments group by
CREATE TABLE facts (seq INTEGER PRIMARY KEY, key BLOB NOT NULL, path TEXT NOT NULL, bulletin INTEGER NOT NULL, ref TEXT NOT NULL, data BLOB NOT NULL);
-- the cumulative figures only, with what picks the latest of a key
CREATE TABLE cumulative (seq INTEGER PRIMARY KEY, key BLOB NOT NULL, date TEXT NOT NULL, period TEXT NOT NULL, ref TEXT NOT NULL, data BLOB NOT NULL);
-- facts dropped as duplicate documents or repeated facts, and the bulletin
-- kept: written in key order, so appended (a primary key on seq made each
-- insert a random b-tree write) and indexed by seq once complete
CREATE TABLE marks (seq INTEGER NOT NULL, dropped TEXT NOT NULL, duplicate_of TEXT NOT NULL, kept_path TEXT NOT NULL, kept_bulletin INTEGER NOT NULL);
CREATE TABLE superseded (seq INTEGER PRIMARY KEY, duplicate_of TEXT NOT NULL);
`

// spillBatch is how many facts go into one transaction while they come.
const spillBatch = 20000

type spill struct {
	db   *sql.DB
	path string
	// jobs is how many goroutines decode facts in a pass.
	jobs int
	tx   *sql.Tx
	// insertFact and insertCumulative are prepared on tx.
	insertFact, insertCumulative *sql.Stmt
	seq, inTx                    int64
}

func openSpill(dir string, jobs int) (*spill, error) {
	f, err := os.CreateTemp(dir, StreamTempPattern)
	if err != nil {
		return nil, fmt.Errorf("analyze: temporary database: %w", err)
	}
	path := f.Name()
	f.Close()
	q := url.Values{}
	// The database lives for one summary and is removed after: no journal
	// and no syncing, since a crash loses nothing the next run does not
	// compute again. The passes read in order, so a small cache does: 2 MB
	// per connection (8 MB cost 50 MB of peak memory over the connections
	// of the concurrent passes and saved no time).
	q.Add("_pragma", "journal_mode(OFF)")
	q.Add("_pragma", "synchronous(OFF)")
	q.Add("_pragma", "cache_size(-2000)")
	// Large pages: every pass reads the whole table, and 64 KB pages make
	// a sixteenth of the reads (system calls) of the default 4 KB.
	q.Add("_pragma", "page_size(65536)")
	// SQLite's sorter (the pass in key order) may use the other cores.
	q.Add("_pragma", fmt.Sprintf("threads(%d)", max(0, jobs-1)))
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err == nil {
		_, err = db.Exec(spillSchema)
	}
	if err != nil {
		if db != nil {
			db.Close()
		}
		os.Remove(path)
		return nil, fmt.Errorf("analyze: temporary database %s: %w", path, err)
	}
	return &spill{db: db, path: path, jobs: max(1, jobs)}, nil
}

func (s *spill) close() error {
	err := s.db.Close()
	if rerr := os.Remove(s.path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) && err == nil {
		err = rerr
	}
	return err
}

func (s *spill) begin() error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	s.tx = tx
	prepare := func(query string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.Prepare(query)
		return st
	}
	s.insertFact = prepare(`INSERT INTO facts (seq, key, path, bulletin, ref, data) VALUES (?, ?, ?, ?, ?, ?)`)
	s.insertCumulative = prepare(`INSERT INTO cumulative (seq, key, date, period, ref, data) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		tx.Rollback()
		s.tx = nil
	}
	return err
}

func (s *spill) commit() error {
	if s.tx == nil {
		return nil
	}
	err := s.tx.Commit()
	s.tx, s.inTx = nil, 0
	return err
}

// addPart numbers the facts of p on from the last and stores them.
func (s *spill) addPart(p *Part) error {
	for i := range p.facts {
		f := &p.facts[i]
		if s.tx == nil {
			if err := s.begin(); err != nil {
				return fmt.Errorf("analyze: temporary database: %w", err)
			}
		}
		s.seq++
		if _, err := s.insertFact.Exec(s.seq, p.keys[i], f.Path, f.Bulletin, f.Ref, p.encoded[i]); err != nil {
			return fmt.Errorf("analyze: store fact %s: %w", f.Ref, err)
		}
		if f.Cumulative {
			if _, err := s.insertCumulative.Exec(s.seq, cumulativeKey(f), f.Date, f.Period, f.Ref, p.encoded[i]); err != nil {
				return fmt.Errorf("analyze: store fact %s: %w", f.Ref, err)
			}
		}
		if s.inTx++; s.inTx >= spillBatch {
			if err := s.commit(); err != nil {
				return fmt.Errorf("analyze: temporary database: %w", err)
			}
		}
	}
	return nil
}

func (s *spill) endFacts() error {
	if err := s.commit(); err != nil {
		return fmt.Errorf("analyze: temporary database: %w", err)
	}
	return nil
}

// markDuplicatesAndRepeats is markDuplicateDocuments and markRepeatedFacts
// in one pass over the facts in order of their key, then of seq: the facts
// of one key are all the pass holds. A bulletin kept instead of a
// duplicate comes before it in path order, so its count of the same key
// has been seen when the duplicate's comes.
func (s *spill) markDuplicatesAndRepeats(duplicateOf map[docKey]docKey) error {
	kept := map[docKey]bool{}
	for _, k := range duplicateOf {
		kept[k] = true
	}
	err := s.inTransaction(func(tx *sql.Tx) error {
		mark, err := tx.Prepare(`INSERT INTO marks (seq, dropped, duplicate_of, kept_path, kept_bulletin) VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer mark.Close()
		rows, err := tx.Query(`SELECT seq, key, path, bulletin, ref FROM facts ORDER BY key, seq`)
		if err != nil {
			return err
		}
		defer rows.Close()
		type firstSeen struct {
			ref string
			doc docKey
		}
		var (
			groupKey    []byte
			first       *firstSeen
			firstOfKept = map[docKey]string{} // the group's first count of each kept bulletin
		)
		for rows.Next() {
			var (
				seq      int64
				key      sql.RawBytes
				path     string
				bulletin int
				ref      string
			)
			if err := rows.Scan(&seq, &key, &path, &bulletin, &ref); err != nil {
				return err
			}
			if first == nil || !bytes.Equal(key, groupKey) {
				groupKey = append(groupKey[:0], key...)
				first = nil
				clear(firstOfKept)
			}
			k := docKey{path, bulletin}
			if keptDoc, dup := duplicateOf[k]; dup {
				if _, err := mark.Exec(seq, DroppedDuplicateDocument, firstOfKept[keptDoc], keptDoc.path, keptDoc.bulletin); err != nil {
					return err
				}
				continue
			}
			if kept[k] {
				if _, ok := firstOfKept[k]; !ok {
					firstOfKept[k] = ref
				}
			}
			if first == nil {
				first = &firstSeen{ref, k}
				continue
			}
			if first.doc.path == path {
				continue // the same sentence twice in one file is the file's own business
			}
			if _, err := mark.Exec(seq, DroppedRepeatedFact, first.ref, first.doc.path, first.doc.bulletin); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		// covering, so that reading the marks in seq order reads the index alone
		_, err = tx.Exec(`CREATE INDEX marks_by_seq ON marks (seq, dropped, duplicate_of, kept_path, kept_bulletin)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("analyze: duplicates and repeated facts: %w", err)
	}
	return nil
}

// cumulativeFigure is what choosing the latest cumulative figure of a key
// needs of one.
type cumulativeFigure struct {
	seq          int64
	date, period string
	ref          string
	data         []byte // the fact's encoding, to tell equal facts apart
}

// markSupersededCumulative is the function of the same name in finish: a
// pass over the cumulative figures not dropped to find the latest of each
// key, and a second to mark the others.
func (s *spill) markSupersededCumulative() error {
	const figures = `SELECT c.seq, c.key, c.date, c.period, c.ref, c.data FROM cumulative c
		LEFT JOIN marks m ON m.seq = c.seq WHERE m.seq IS NULL ORDER BY c.seq`
	latest := map[string]cumulativeFigure{}
	err := s.inTransaction(func(tx *sql.Tx) error {
		each := func(fn func(key string, fig cumulativeFigure) error) error {
			rows, err := tx.Query(figures)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var fig cumulativeFigure
				var key string
				if err := rows.Scan(&fig.seq, &key, &fig.date, &fig.period, &fig.ref, &fig.data); err != nil {
					return err
				}
				if err := fn(key, fig); err != nil {
					return err
				}
			}
			return rows.Err()
		}
		err := each(func(key string, fig cumulativeFigure) error {
			if current, ok := latest[key]; !ok || laterCumulative(fig, current) {
				latest[key] = fig
			}
			return nil
		})
		if err != nil {
			return err
		}
		mark, err := tx.Prepare(`INSERT INTO superseded (seq, duplicate_of) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		defer mark.Close()
		return each(func(key string, fig cumulativeFigure) error {
			if l := latest[key]; l.seq != fig.seq {
				_, err := mark.Exec(fig.seq, l.ref)
				return err
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("analyze: superseded cumulative figures: %w", err)
	}
	return nil
}

func (s *spill) inTransaction(fn func(*sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// eachFact calls fn with every fact in summary order, Dropped and
// DuplicateOf set, and the bulletin kept instead of a dropped one. It reads
// the facts, the marks and the superseded figures each in seq order and
// merges them here: a join made two b-tree searches per fact, the larger
// part of a pass.
func (s *spill) eachFact(ctx context.Context, fn func(f *Fact, kept docKey) error) (err error) {
	facts, err := s.db.QueryContext(ctx, `SELECT seq, data FROM facts ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("analyze: read facts: %w", err)
	}
	defer facts.Close()
	marks, err := s.db.QueryContext(ctx, `SELECT seq, dropped, duplicate_of, kept_path, kept_bulletin FROM marks ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("analyze: read facts: %w", err)
	}
	defer marks.Close()
	superseded, err := s.db.QueryContext(ctx, `SELECT seq, duplicate_of FROM superseded ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("analyze: read facts: %w", err)
	}
	defer superseded.Close()

	type mark struct {
		seq                        int64
		dropped, duplicateOf, kept string
		keptBulletin               int
	}
	// next reads the next row of rows into dest, or gives seq -1 at the end.
	next := func(rows *sql.Rows, seq *int64, dest ...any) error {
		if !rows.Next() {
			*seq = -1
			return rows.Err()
		}
		return rows.Scan(append([]any{seq}, dest...)...)
	}
	var m mark
	var sup struct {
		seq int64
		by  string
	}
	if err := next(marks, &m.seq, &m.dropped, &m.duplicateOf, &m.kept, &m.keptBulletin); err != nil {
		return fmt.Errorf("analyze: read marks: %w", err)
	}
	if err := next(superseded, &sup.seq, &sup.by); err != nil {
		return fmt.Errorf("analyze: read marks: %w", err)
	}
	// read gives the next fact's bytes with its marks applied, or ok false
	// at the end.
	read := func() (raw rawFact, ok bool, err error) {
		if !facts.Next() {
			return raw, false, nil
		}
		var seq int64
		var data sql.RawBytes
		if err := facts.Scan(&seq, &data); err != nil {
			return raw, false, fmt.Errorf("analyze: read facts: %w", err)
		}
		raw.data = data
		if m.seq == seq {
			raw.dropped, raw.duplicateOf = m.dropped, m.duplicateOf
			raw.kept = docKey{m.kept, m.keptBulletin}
			if err := next(marks, &m.seq, &m.dropped, &m.duplicateOf, &m.kept, &m.keptBulletin); err != nil {
				return raw, false, fmt.Errorf("analyze: read marks: %w", err)
			}
		}
		if sup.seq == seq {
			raw.dropped, raw.duplicateOf = DroppedSupersededCumulative, sup.by
			if err := next(superseded, &sup.seq, &sup.by); err != nil {
				return raw, false, fmt.Errorf("analyze: read marks: %w", err)
			}
		}
		return raw, true, nil
	}
	if s.jobs > 1 {
		err = decodeInParallel(read, s.jobs, fn)
	} else {
		for {
			raw, ok, rerr := read()
			if rerr != nil || !ok {
				err = rerr
				break
			}
			f, derr := raw.decode()
			if derr == nil {
				derr = fn(&f, raw.kept)
			}
			if derr != nil {
				return derr
			}
		}
	}
	if err != nil {
		return err
	}
	if err := facts.Err(); err != nil {
		return fmt.Errorf("analyze: read facts: %w", err)
	}
	if m.seq != -1 || sup.seq != -1 {
		return errors.New("analyze: a mark of a fact that does not exist")
	}
	return nil
}

// rawFact is a fact as read, before decoding.
type rawFact struct {
	data                 []byte
	dropped, duplicateOf string
	kept                 docKey
}

func (r *rawFact) decode() (Fact, error) {
	f, err := decodeFact(r.data)
	if err == nil && r.dropped != "" {
		f.Dropped, f.DuplicateOf = r.dropped, r.duplicateOf
	}
	return f, err
}

// decodeBatch is how many facts a decoding goroutine takes at a time.
const decodeBatch = 256

// decodeInParallel reads facts with read on this goroutine, decodes them
// in batches on up to jobs goroutines, and calls fn with them in order:
// decoding is most of a pass over the facts, and the one goroutine summing
// the totals or writing the JSON need not do it.
func decodeInParallel(read func() (rawFact, bool, error), jobs int, fn func(*Fact, docKey) error) error {
	type batch struct {
		raw   []rawFact
		facts []Fact
		err   error
		done  chan struct{}
	}
	queue := make(chan *batch, 2*jobs)
	slots := make(chan struct{}, jobs)
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(queue)
		b := &batch{done: make(chan struct{})}
		send := func() bool {
			current := b
			b = &batch{done: make(chan struct{})}
			slots <- struct{}{}
			go func() {
				defer func() { <-slots }()
				defer close(current.done)
				current.facts = make([]Fact, len(current.raw))
				for i := range current.raw {
					if current.facts[i], current.err = current.raw[i].decode(); current.err != nil {
						return
					}
				}
			}()
			select {
			case queue <- current:
				return true
			case <-stop:
				return false
			}
		}
		for {
			raw, ok, err := read()
			if err != nil {
				readErr <- err
				return
			}
			if !ok {
				break
			}
			raw.data = bytes.Clone(raw.data) // RawBytes last until the next row
			b.raw = append(b.raw, raw)
			if len(b.raw) == decodeBatch && !send() {
				readErr <- nil
				return
			}
		}
		if len(b.raw) > 0 {
			send()
		}
		readErr <- nil
	}()
	var err error
	for b := range queue {
		if err != nil {
			continue // draining, so that the reader can end
		}
		<-b.done
		err = b.err
		for i := 0; err == nil && i < len(b.facts); i++ {
			err = fn(&b.facts[i], b.raw[i].kept)
		}
		if err != nil {
			close(stop)
		}
	}
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	return err
}

// spilledFacts is the FactSource of a finished Stream.
type spilledFacts struct {
	spill *spill
	n     int
}

var _ FactSource = (*spilledFacts)(nil)

func (f *spilledFacts) Len() int { return f.n }

// errStopFacts ends eachFact when the loop over All breaks.
var errStopFacts = errors.New("stop")

func (f *spilledFacts) All() iter.Seq2[Fact, error] {
	return func(yield func(Fact, error) bool) {
		err := f.spill.eachFact(context.Background(), func(fact *Fact, _ docKey) error {
			if !yield(*fact, nil) {
				return errStopFacts
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStopFacts) {
			yield(Fact{}, err)
		}
	}
}
