package analyze

import "iter"

// FactSource gives the facts of a summary in summary order, as often as
// asked. A summary read from JSON or made by Analyze has them in memory
// (SliceFacts); a Stream keeps them in a database on disk, because an
// archive's facts outweigh everything else in its summary by far.
type FactSource interface {
	// Len is the number of facts.
	Len() int
	// All yields every fact in order; an error ends the sequence. Breaking
	// out of the loop early is fine.
	All() iter.Seq2[Fact, error]
}

// SliceFacts is a FactSource over facts in memory.
type SliceFacts []Fact

var _ FactSource = SliceFacts(nil)

// Len is the number of facts.
func (s SliceFacts) Len() int { return len(s) }

// All yields the facts in order; it never fails.
func (s SliceFacts) All() iter.Seq2[Fact, error] {
	return func(yield func(Fact, error) bool) {
		for _, f := range s {
			if !yield(f, nil) {
				return
			}
		}
	}
}
