package analyze

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/extract/measure"
)

// inputs are what a summary is computed from: the parts Merge takes the
// union of. Everything else in a Summary is derived from them by finish.
type inputs struct {
	documents []Document
	facts     []Fact
	// findings are per-record findings (breakdown_mismatch, masked,
	// failed_file), which depend on one record or failure line only.
	findings []Finding
}

// Analyze computes the summary of records and failed files.
func Analyze(records []extract.Record, failures []extract.Failure, opts Options) (*Summary, error) {
	opts, err := opts.normalized()
	if err != nil {
		return nil, err
	}
	lex := measure.Default()
	in, err := readRecords(records, lex)
	if err != nil {
		return nil, err
	}
	for _, f := range failures {
		in.addFailure(f)
	}
	return finish(in, opts, lex.Version()), nil
}

// readRecords turns records into the facts, documents and findings they
// hold, in record order.
func readRecords(records []extract.Record, lex *measure.Lexicon) (inputs, error) {
	t := loadTables()
	var in inputs
	for i := range records {
		if err := in.addRecord(&records[i], lex, t); err != nil {
			return in, fmt.Errorf("record %d (%s): %w", i+1, records[i].Source.Path, err)
		}
	}
	return in, nil
}

func (o Options) normalized() (Options, error) {
	if o.TopN < 0 {
		return o, fmt.Errorf("analyze: TopN %d is negative", o.TopN)
	}
	if o.TopN == 0 {
		o.TopN = DefaultTopN
	}
	return o, nil
}

// ref names a count for people and for DuplicateOf: path#bulletin:id.
func ref(path string, bulletin int, quantity string) string {
	return path + "#" + strconv.Itoa(bulletin) + ":" + quantity
}

func fieldText(f *extract.Field, useValue bool) string {
	if f == nil {
		return ""
	}
	if useValue && f.Value != "" {
		return f.Value
	}
	return f.Text
}

func (in *inputs) addRecord(r *extract.Record, lex *measure.Lexicon, t tables) error {
	if r.Schema != "" && r.Schema != extract.SchemaVersion {
		return fmt.Errorf("schema %q, want %q", r.Schema, extract.SchemaVersion)
	}
	path, index := r.Source.Path, r.Bulletin.Index
	if path == "" {
		return errors.New("record has no source path")
	}
	doc := Document{
		Path:      path,
		Bulletin:  index,
		Record:    r.ID,
		SHA256:    r.Source.SHA256,
		Title:     fieldText(r.Bulletin.Title, false),
		Issuer:    fieldText(r.Bulletin.Issuer, false),
		Issue:     fieldText(r.Bulletin.Issue, false),
		Date:      fieldText(r.Bulletin.Date, true),
		Digest:    r.Bulletin.Digest,
		Sketch:    r.Bulletin.Sketch,
		Sentences: r.Bulletin.Sentences,
		Facts:     len(r.Quantities),
	}
	in.documents = append(in.documents, doc)

	units := map[string]*extract.Unit{}
	for i := range r.Units {
		u := &r.Units[i]
		if _, seen := units[u.Name]; !seen {
			units[u.Name] = u
		}
	}
	quantities := map[string]*extract.Quantity{}
	for i := range r.Quantities {
		quantities[r.Quantities[i].ID] = &r.Quantities[i]
	}

	for i := range r.Quantities {
		q := &r.Quantities[i]
		c := convert(lex, t, q.Measure, q.Category)
		f := Fact{
			Ref:        ref(path, index, q.ID),
			Path:       path,
			Bulletin:   index,
			Record:     r.ID,
			Quantity:   q.ID,
			Start:      q.Start,
			End:        q.End,
			Line:       q.Provenance.Line,
			Sentence:   q.Provenance.Sentence,
			Text:       q.Text,
			Date:       doc.Date,
			Activity:   q.Activity,
			Object:     q.Object,
			Value:      q.Value,
			Low:        copyFloat(q.Low),
			High:       copyFloat(q.High),
			Bound:      q.Bound,
			Measure:    q.Measure,
			Category:   c.category,
			Canonical:  c.canonical,
			Factor:     c.factor,
			Additive:   c.additive,
			Period:     q.Period,
			Cumulative: q.Cumulative,
		}
		if f.Bound == "" {
			f.Bound = extract.BoundExact
		}
		if q.Unit != "" {
			f.Unit = q.Unit
			if u := units[q.Unit]; u != nil {
				if u.Resolved != "" {
					f.Unit = u.Resolved
				} else if u.Kind == "reference" {
					// 我院 in one file is not 我院 in another: an unresolved
					// reference is a unit of its own document only
					f.Unit = q.Unit + "（" + filepath.Base(path) + "）"
				}
				// An ambiguous name has no code or parents we could trust:
				// rolling it up would credit a county that may not be its own.
				if !u.Ambiguous {
					f.UnitCode, f.UnitLevel = u.Code, u.Level
					for _, p := range u.Parents {
						f.Parents = append(f.Parents, UnitRef{Code: p.Code, Name: p.Name, Level: p.Level})
					}
				}
			}
		}
		if q.ParentID != "" || q.Parent != "" {
			f.Parent = q.ParentID
			if f.Parent == "" {
				f.Parent = q.Parent
			}
			if p := quantities[q.ParentID]; p != nil {
				f.ParentActivity = p.Activity
			}
		}
		if !plausible(f) {
			in.findings = append(in.findings, Finding{
				Kind: FindingImplausibleValue, Path: path, Bulletin: index, Line: f.Line, Start: f.Start,
				Text: f.Sentence, Facts: []string{f.Ref},
				Message: fmt.Sprintf("%s read as %g %s: left out", q.Text, q.Value, q.Measure),
			})
			continue
		}
		in.facts = append(in.facts, f)
	}

	for _, c := range r.Checks {
		if c.Status != "mismatch" {
			continue
		}
		f := Finding{
			Kind: FindingBreakdownMismatch, Path: path, Bulletin: index,
			Expected: c.Expected, Sum: c.Sum, Diff: c.Diff,
			Message: fmt.Sprintf("%s 的分项合计 %s，与总数 %s 不符", c.Total, FormatNumber(c.Sum), FormatNumber(c.Expected)),
		}
		if c.Note != "" {
			f.Message += " (" + c.Note + ")"
		}
		total := quantities[c.Total]
		if total == nil {
			for i := range r.Quantities {
				if r.Quantities[i].Text == c.Total {
					total = &r.Quantities[i]
					break
				}
			}
		}
		if total != nil {
			f.Line, f.Start, f.Text = total.Provenance.Line, total.Start, total.Provenance.Sentence
			f.Facts = []string{ref(path, index, total.ID)}
		}
		in.findings = append(in.findings, f)
	}
	for _, m := range r.Masked {
		in.findings = append(in.findings, Finding{
			Kind: FindingMasked, Path: path, Bulletin: index, Start: m.Start, Text: m.Text,
			Message: "masked text: a count or a name may be missing",
		})
	}
	return nil
}

func (in *inputs) addFailure(f extract.Failure) {
	in.findings = append(in.findings, Finding{
		Kind: FindingFailedFile, Path: f.Path, Stage: f.Stage, Message: f.Message,
	})
}

// plausible reports whether a count's value and bounds, converted to the
// canonical measure, are finite and at most MaxValue, and not negative when
// they are to be summed (an open lower bound is taken as 0).
func plausible(f Fact) bool {
	ok := func(v float64) bool {
		c := v * f.Factor
		return !math.IsNaN(c) && math.Abs(c) <= MaxValue && (c >= 0 || !f.Additive)
	}
	if !ok(f.Value) || (f.Low != nil && !ok(*f.Low)) || (f.High != nil && !ok(*f.High)) {
		return false
	}
	return true
}

func copyFloat(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
