package analyze

import (
	"strconv"
	"strings"
)

// SummarySchema names the layout of a Summary. It changes whenever a field
// changes meaning or goes away; adding a field does not change it.
// docs/summary.schema.json describes it.
const SummarySchema = "bulletin.summary/v1"

// Dimension values of Total.Dimension and TopList.Dimension.
const (
	DimensionUnit     = "unit"
	DimensionActivity = "activity"
	DimensionCategory = "category"
	DimensionPeriod   = "period"
	DimensionDocument = "document"
)

// Finding kinds of Finding.Kind.
const (
	// FindingBreakdownMismatch: a total and the sum of its parts (其中 …)
	// disagree, as reported by the extractor's checks.
	FindingBreakdownMismatch = "breakdown_mismatch"
	// FindingDuplicateDocument: a bulletin whose digest equals an earlier one's;
	// its counts are dropped.
	FindingDuplicateDocument = "duplicate_document"
	// FindingNearDuplicate: two bulletins whose MinHash sketches agree on at
	// least NearDuplicateSimilarity of their positions.
	FindingNearDuplicate = "near_duplicate"
	// FindingRepeatedFact: the same count (value, measure, object, sentence)
	// in another file; the later one is dropped.
	FindingRepeatedFact = "repeated_fact"
	// FindingMasked: text the source had masked (＊＊, ××), so a count or a
	// name may be missing.
	FindingMasked = "masked"
	// FindingFailedFile: a file that could not be read or extracted.
	FindingFailedFile = "failed_file"
	// FindingImplausibleValue: a count whose value, in its canonical measure,
	// is negative, not finite or above MaxValue; it is left out of the facts.
	FindingImplausibleValue = "implausible_value"
)

// Dropped reasons of Fact.Dropped.
const (
	DroppedDuplicateDocument = "duplicate_document"
	DroppedRepeatedFact      = "repeated_fact"
	// DroppedSupersededCumulative: a cumulative figure (截至目前) replaced by a
	// later cumulative figure of the same unit, activity, object and measure.
	DroppedSupersededCumulative = "superseded_cumulative"
)

// MaxValue is the largest count, in its canonical measure, that totals
// accept (a quadrillion: 1000万亿元); larger values are misreadings, and
// keeping them out means no sum can overflow.
const MaxValue = 1e15

// NearDuplicateSimilarity is the share of equal MinHash positions from which
// two bulletins are reported as near-duplicates.
const NearDuplicateSimilarity = 0.8

// Summary is what `bulletin analyze` computes from extracted records. It keeps
// the documents and per-count facts it was computed from, so that Merge can
// recompute the totals of a union of summaries exactly; everything else
// (Totals, Top, Findings, Fact.Dropped) is derived from Documents, Facts and
// the per-record findings.
//
// Every list is sorted with a total order, so the same input always encodes
// to the same bytes.
type Summary struct {
	Schema string `json:"schema"`
	// Options are the options the summary was computed with; Merge refuses
	// summaries whose options differ.
	Options Options `json:"options"`
	// Lexicon is the version of the measure lexicon that gave categories and
	// conversion factors; Merge refuses summaries of different lexicons.
	Lexicon  string   `json:"lexicon"`
	Overview Overview `json:"overview"`
	// Totals holds every dimension's totals; see Total.
	Totals []Total `json:"totals"`
	// Top holds the Options.TopN largest non-cumulative totals per dimension,
	// unit level, category and measure.
	Top       []TopList  `json:"top"`
	Findings  []Finding  `json:"findings"`
	Documents []Document `json:"documents"`
	Facts     []Fact     `json:"facts"`
}

// Options steer Analyze. The zero value is usable.
type Options struct {
	// TopN is the length of each top list; 0 means DefaultTopN.
	TopN int `json:"top_n"`
}

// DefaultTopN is the length of top lists when Options.TopN is 0.
const DefaultTopN = 10

// Overview counts what went in.
type Overview struct {
	Files     int `json:"files"`     // distinct paths with at least one bulletin
	Bulletins int `json:"bulletins"` // documents
	Facts     int `json:"facts"`     // counts found
	Counted   int `json:"counted"`   // facts not dropped (parts included)
	Dropped   int `json:"dropped"`   // facts dropped as duplicates or superseded
	Parts     int `json:"parts"`     // facts that are parts of a breakdown
	Failed    int `json:"failed"`    // files that failed
	Findings  int `json:"findings"`
}

// Total is the sum of the counts of one category, in one canonical measure,
// for one key of a dimension (a unit, an activity, a period, a document, or
// the whole input for DimensionCategory).
//
// Counts of different categories or canonical measures are never added
// together; values are converted to the canonical measure of the lexicon
// (公斤 → 吨). Cumulative figures (截至目前) are kept in their own totals
// (Cumulative true), where only the latest figure per unit, activity, object
// and measure counts.
type Total struct {
	Dimension string `json:"dimension"`
	// Key is the unit's name, the activity, the period, the document's path,
	// or the category for DimensionCategory.
	Key string `json:"key"`
	// Code and Level are the administrative code and level of a unit.
	Code  string `json:"code,omitempty"`
	Level string `json:"level,omitempty"`
	// Bulletin is the 1-based bulletin index within the file, for documents.
	Bulletin   int    `json:"bulletin,omitempty"`
	Category   string `json:"category"`
	Measure    string `json:"measure"` // canonical measure word
	Cumulative bool   `json:"cumulative"`
	// Exact is the sum of the values as written; Low and High bound the true
	// sum. High is null (open) when any part is a lower bound (余, 以上).
	Exact float64  `json:"exact"`
	Low   float64  `json:"low"`
	High  *float64 `json:"high"`
	// N is the number of counts summed, Approximate how many of them were not exact.
	N           int `json:"n"`
	Approximate int `json:"approximate"`
	// Documents is the number of distinct bulletins the counts came from.
	Documents int `json:"documents"`
	// Direct is, for units, how many of the counts were linked to this unit
	// itself rather than to a unit below it.
	Direct int `json:"direct,omitempty"`
}

// Bounds formats the total for a reader: "450000", "≥ 450000",
// "440000–460000".
func (t Total) Bounds() string {
	return FormatBounds(t.Exact, t.Low, t.High)
}

// FormatBounds formats a value with its bounds; see Total.Bounds.
func FormatBounds(exact, low float64, high *float64) string {
	switch {
	case high == nil && low >= exact:
		return "≥ " + FormatNumber(exact)
	case high == nil:
		return "≥ " + FormatNumber(low)
	case low == exact && *high == exact:
		return FormatNumber(exact)
	case low == 0 && *high == exact:
		return "≤ " + FormatNumber(exact)
	default:
		return FormatNumber(low) + "–" + FormatNumber(*high)
	}
}

// FormatNumber formats a float the same way everywhere: shortest
// round-tripping decimal, no exponent for ordinary magnitudes.
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// TopList is the largest totals of one dimension, unit level, category and
// measure, largest Exact first.
type TopList struct {
	Dimension string  `json:"dimension"`
	Level     string  `json:"level,omitempty"`
	Category  string  `json:"category"`
	Measure   string  `json:"measure"`
	Entries   []Total `json:"entries"`
}

// Finding is a data-quality observation. Per-record findings
// (breakdown_mismatch, masked, failed_file) are kept as they are by Merge;
// the others are recomputed from Documents and Facts.
type Finding struct {
	Kind     string `json:"kind"`
	Path     string `json:"path"`
	Bulletin int    `json:"bulletin,omitempty"`
	Line     int    `json:"line,omitempty"`
	Start    int    `json:"start,omitempty"`
	// OtherPath and OtherBulletin name the document kept when this one is a
	// duplicate, or the other member of a near-duplicate pair.
	OtherPath     string  `json:"other_path,omitempty"`
	OtherBulletin int     `json:"other_bulletin,omitempty"`
	Similarity    float64 `json:"similarity,omitempty"`
	// Facts lists the Fact.Ref of the counts dropped because of this finding.
	Facts []string `json:"facts,omitempty"`
	// Stage is the failed stage of a failed file (read, decode, extract …).
	Stage   string `json:"stage,omitempty"`
	Text    string `json:"text,omitempty"`
	Message string `json:"message"`
	// Expected, Sum and Diff are the breakdown check's figures.
	Expected float64 `json:"expected,omitempty"`
	Sum      float64 `json:"sum,omitempty"`
	Diff     float64 `json:"diff,omitempty"`
}

// Document is one bulletin that went into the summary.
type Document struct {
	Path      string   `json:"path"`
	Bulletin  int      `json:"bulletin"`
	Record    string   `json:"record"` // extract.Record.ID
	SHA256    string   `json:"sha256"`
	Title     string   `json:"title,omitempty"`
	Issuer    string   `json:"issuer,omitempty"`
	Issue     string   `json:"issue,omitempty"`
	Date      string   `json:"date,omitempty"` // ISO date when known
	Digest    string   `json:"digest"`
	Sketch    []uint32 `json:"sketch,omitempty"`
	Sentences int      `json:"sentences"`
	Facts     int      `json:"facts"`
	// Duplicate is set when the bulletin's digest equals an earlier
	// bulletin's (by path order); its counts are all dropped.
	Duplicate bool `json:"duplicate,omitempty"`
}

// Fact is one count with its provenance, as the summary's totals use it.
type Fact struct {
	// Ref identifies the count: path#bulletin:quantity-id.
	Ref      string `json:"ref"`
	Path     string `json:"path"`
	Bulletin int    `json:"bulletin"`
	Record   string `json:"record"`
	Quantity string `json:"quantity"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Line     int    `json:"line"`
	Sentence string `json:"sentence"`
	Text     string `json:"text"`
	Date     string `json:"date,omitempty"` // the bulletin's date

	Unit      string    `json:"unit,omitempty"` // resolved name
	UnitCode  string    `json:"unit_code,omitempty"`
	UnitLevel string    `json:"unit_level,omitempty"`
	Parents   []UnitRef `json:"parents,omitempty"` // nearest first, as in the record
	Activity  string    `json:"activity,omitempty"`
	Object    string    `json:"object,omitempty"`

	// Value, Low and High are as written, in Measure; High or Low is null
	// when open. Canonical and Factor convert them for totals.
	Value     float64  `json:"value"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Bound     string   `json:"bound"`
	Measure   string   `json:"measure"`
	Category  string   `json:"category"`
	Canonical string   `json:"canonical"`
	Factor    float64  `json:"factor"`
	// Additive is false for categories whose values must not be summed
	// (rates, ratios); such facts appear in no total.
	Additive bool `json:"additive"`

	Period     string `json:"period,omitempty"`
	Cumulative bool   `json:"cumulative,omitempty"`
	// Parent is the quantity id of the breakdown total this count is part of;
	// ParentActivity that total's activity. Parts are left out of all totals
	// except the activity totals of their own (different) activity.
	Parent         string `json:"parent,omitempty"`
	ParentActivity string `json:"parent_activity,omitempty"`

	// Dropped says why the fact is not counted (duplicate_document,
	// repeated_fact, superseded_cumulative); empty when counted.
	Dropped string `json:"dropped,omitempty"`
	// DuplicateOf is the Ref of the fact kept instead of this one.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// UnitRef is an administrative division above a unit.
type UnitRef struct {
	Code  string `json:"code,omitempty"`
	Name  string `json:"name"`
	Level string `json:"level,omitempty"`
}

// TotalsOf returns the totals of one dimension, in the summary's order.
func (s *Summary) TotalsOf(dimension string) []Total {
	var out []Total
	for _, t := range s.Totals {
		if t.Dimension == dimension {
			out = append(out, t)
		}
	}
	return out
}
