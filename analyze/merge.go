package analyze

import (
	"errors"
	"fmt"
	"slices"
)

// perRecordFindings are the finding kinds that depend on one record or one
// failure line only; Merge keeps them, and recomputes the others.
var perRecordFindings = []string{FindingBreakdownMismatch, FindingMasked, FindingFailedFile, FindingImplausibleValue}

// Merge combines summaries of disjoint sets of records into the summary of
// their union: encoded as JSON it is byte for byte what Analyze gives for
// all the records at once, so input can be sharded and analysed in parallel.
// The summaries must have the same schema, options and lexicon.
func Merge(summaries ...*Summary) (*Summary, error) {
	if len(summaries) == 0 {
		return nil, errors.New("merge: no summaries")
	}
	var in inputs
	var first *Summary
	for i, s := range summaries {
		if s == nil {
			return nil, fmt.Errorf("merge: summary %d is nil", i+1)
		}
		if s.Schema != SummarySchema {
			return nil, fmt.Errorf("merge: summary %d has schema %q, want %q", i+1, s.Schema, SummarySchema)
		}
		if first == nil {
			first = s
		} else {
			if s.Options != first.Options {
				return nil, fmt.Errorf("merge: summary %d options %+v differ from summary 1 options %+v", i+1, s.Options, first.Options)
			}
			if s.Lexicon != first.Lexicon {
				return nil, fmt.Errorf("merge: summary %d used measure lexicon %s, summary 1 used %s", i+1, s.Lexicon, first.Lexicon)
			}
		}
		in.documents = append(in.documents, s.Documents...)
		in.facts = append(in.facts, s.Facts...)
		for _, f := range s.Findings {
			if slices.Contains(perRecordFindings, f.Kind) {
				in.findings = append(in.findings, f)
			}
		}
	}
	opts, err := first.Options.normalized()
	if err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	return finish(in, opts, first.Lexicon), nil
}
