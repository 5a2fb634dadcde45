package analyze

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/extract/measure"
)

// A Part is the analysis of the records of one file, before the passes
// that need all files (duplicates, repeated facts, superseded cumulative
// figures, totals). AnalyzePart makes parts on as many goroutines as there
// are files in hand; a Stream takes them one after another.
type Part struct {
	documents []Document
	facts     []Fact // in fact order
	findings  []Finding
	// encoded and keys are each fact's encoding and factKey, made here
	// rather than by the one goroutine that adds parts to a Stream.
	encoded [][]byte
	keys    []string
}

// AnalyzePart analyses records, usually those of one file. It is safe to
// call from several goroutines at once.
func AnalyzePart(records []extract.Record) (*Part, error) {
	in, err := readRecords(records, measure.Default())
	if err != nil {
		return nil, err
	}
	slices.SortFunc(in.facts, compareFacts)
	p := &Part{documents: in.documents, facts: in.facts, findings: in.findings,
		encoded: make([][]byte, len(in.facts)), keys: make([]string, len(in.facts))}
	var buf []byte
	for i := range in.facts {
		start := len(buf)
		buf = appendFact(buf, &in.facts[i])
		p.encoded[i] = buf[start:len(buf):len(buf)]
		p.keys[i] = factKey(in.facts[i])
	}
	return p, nil
}

// StreamOptions steer a Stream.
type StreamOptions struct {
	Options
	// Dir is where the temporary database of facts is made, beside the
	// outputs rather than in a small /tmp; "" means the system's temporary
	// directory. Its name matches StreamTempPattern.
	Dir string
	// Jobs is how many goroutines the passes over all facts may use to
	// decode and sort them; 0 means 1.
	Jobs int
}

// StreamTempPattern is the name of a Stream's temporary database (as
// os.CreateTemp takes it), so that a caller can remove those a killed
// process left.
const StreamTempPattern = ".facts.db.tmp-*"

// Stream computes the summary of records given a file at a time, in path
// order, with the same bytes as Analyze over all of them, but keeps the
// facts in a temporary SQLite database instead of in memory: its memory
// grows with the number of documents, findings and totals, not with the
// number of counts. The passes over all facts are ordered queries over
// that database (see spill.go); the documents, a MinHash sketch each, stay
// in memory, as do the findings.
type Stream struct {
	opts      Options
	lexicon   string
	spill     *spill
	documents []Document
	findings  []Finding
	// last is the last fact added: facts must come in fact order, which
	// is what makes the sequence numbers of the database the order of the
	// summary.
	last    Fact
	hasLast bool
}

// NewStream makes a stream and its temporary database; Close removes it.
func NewStream(opts StreamOptions) (*Stream, error) {
	o, err := opts.Options.normalized()
	if err != nil {
		return nil, err
	}
	sp, err := openSpill(opts.Dir, opts.Jobs)
	if err != nil {
		return nil, err
	}
	return &Stream{opts: o, lexicon: measure.Default().Version(), spill: sp}, nil
}

// Close removes the temporary database; the summary's FactSource is
// unusable after it.
func (s *Stream) Close() error { return s.spill.close() }

// Add takes the next part. Its facts must all come after those of the parts
// before it, as they do when parts are files taken in byte order of path.
func (s *Stream) Add(p *Part) error {
	if len(p.facts) > 0 {
		if s.hasLast && compareFacts(s.last, p.facts[0]) > 0 {
			return fmt.Errorf("analyze: stream: %s comes after %s: files must be added in byte order of path", p.facts[0].Ref, s.last.Ref)
		}
		s.last, s.hasLast = p.facts[len(p.facts)-1], true
	}
	s.documents = append(s.documents, p.documents...)
	s.findings = append(s.findings, p.findings...)
	return s.spill.addPart(p)
}

// AddFailure takes a file that could not be read or extracted.
func (s *Stream) AddFailure(f extract.Failure) {
	var in inputs
	in.addFailure(f)
	s.findings = append(s.findings, in.findings...)
}

// Finish runs the passes over all facts and returns the summary, whose
// Facts is nil: they are in facts, in summary order, until Close. It is
// what finish does with all facts in memory, pass for pass.
func (s *Stream) Finish() (*Summary, FactSource, error) {
	if err := s.spill.endFacts(); err != nil {
		return nil, nil, err
	}
	docs := s.documents
	s.documents = nil
	for i := range docs {
		docs[i].Duplicate = false
	}
	slices.SortFunc(docs, compareDocuments)
	duplicateOf := duplicateDocuments(docs)
	if err := s.spill.markDuplicatesAndRepeats(duplicateOf); err != nil {
		return nil, nil, err
	}
	if err := s.spill.markSupersededCumulative(); err != nil {
		return nil, nil, err
	}

	findings := s.findings
	s.findings = nil
	findings = append(findings, nearDuplicates(docs)...)
	var overview Overview
	totals := newTotalsBuilder()
	droppedOfDocument := map[docKey][]string{}
	type pair struct{ dropped, kept docKey }
	repeated := map[pair]*Finding{}
	err := s.spill.eachFact(context.Background(), func(f *Fact, kept docKey) error {
		overview.addFact(f)
		totals.add(f)
		if f.Dropped != DroppedDuplicateDocument && f.Dropped != DroppedRepeatedFact {
			return nil
		}
		// What is kept of a fact is cloned: its strings share one
		// allocation with all its fields (see decodeFact).
		k := docKey{strings.Clone(f.Path), f.Bulletin}
		ref := strings.Clone(f.Ref)
		if f.Dropped == DroppedDuplicateDocument {
			droppedOfDocument[k] = append(droppedOfDocument[k], ref)
			return nil
		}
		p := pair{k, kept}
		finding := repeated[p]
		if finding == nil {
			start := repeatedFactFinding(f, p.dropped, p.kept)
			start.Text = strings.Clone(start.Text)
			finding = &start
			repeated[p] = finding
		}
		finding.Facts = append(finding.Facts, ref)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	findings = append(findings, duplicateDocumentFindings(duplicateOf, droppedOfDocument)...)
	for _, f := range repeated {
		findings = append(findings, finishRepeatedFactFinding(*f))
	}
	slices.SortFunc(findings, compareFindings)

	summary := &Summary{
		Schema:    SummarySchema,
		Options:   s.opts,
		Lexicon:   s.lexicon,
		Totals:    totals.totals(),
		Findings:  findings,
		Documents: docs,
	}
	summary.Top = topLists(summary.Totals, s.opts.TopN)
	overview.addDocumentsAndFindings(summary)
	summary.Overview = overview
	summary.emptyListsNotNull()
	return summary, &spilledFacts{spill: s.spill, n: overview.Facts}, nil
}

// laterCumulative is markSupersededCumulative's order of two cumulative
// figures of one key, b coming after a in fact order: by bulletin date,
// then period, then fact order, where two facts equal in every field are
// one (compareFacts gives 0, and the first is kept).
func laterCumulative(b, a cumulativeFigure) bool {
	if c := strings.Compare(b.date, a.date); c != 0 {
		return c > 0
	}
	if c := strings.Compare(b.period, a.period); c != 0 {
		return c > 0
	}
	return !bytes.Equal(b.data, a.data)
}
