package extract

// SchemaVersion names the record layout written by `bulletin extract`. It
// changes whenever a field changes meaning or goes away; adding a field does
// not change it. docs/record.schema.json describes it.
const SchemaVersion = "bulletin.record/v1"

// Record is one bulletin found in one input file. All spans (Start, End) are
// in Unicode code points of the whole input file's decoded text, before any
// normalisation or boilerplate removal, [Start, End).
type Record struct {
	Schema     string     `json:"schema"`
	ID         string     `json:"id"`
	Source     Source     `json:"source"`
	Bulletin   Bulletin   `json:"bulletin"`
	Quantities []Quantity `json:"quantities"`
	Units      []Unit     `json:"units"`
	// Places are divisions named only as where something happened or as
	// part of a longer name, by their bare stem (在江西南昌, 广州白云国际机场),
	// never as actors; same fields as Units.
	Places     []Unit     `json:"places"`
	Activities []Activity `json:"activities"`
	Checks     []Check    `json:"checks"`
	Removed    []Removed  `json:"removed"`
	Masked     []Span     `json:"masked"`
}

// Source describes the input file a record came from.
type Source struct {
	Path       string  `json:"path"`
	SHA256     string  `json:"sha256"`
	Bytes      int64   `json:"bytes"`
	Format     string  `json:"format"`   // text, docx, html
	Encoding   string  `json:"encoding"` // utf-8, utf-16le, gb18030, big5 …
	Confidence float64 `json:"confidence"`
	// Invalid lists byte offsets of undecodable sequences (replaced by U+FFFD).
	Invalid []int64 `json:"invalid,omitempty"`
	// Bulletins is how many bulletins the file held.
	Bulletins int `json:"bulletins"`
}

// Bulletin is what the structure pass found about one bulletin.
type Bulletin struct {
	Index    int       `json:"index"` // 1-based within the file
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Title    *Field    `json:"title,omitempty"`
	Issuer   *Field    `json:"issuer,omitempty"`
	Issue    *Field    `json:"issue,omitempty"` // 第5期
	Date     *Field    `json:"date,omitempty"`  // ISO date in Value
	Sections []Section `json:"sections"`
	// Sentences counts the sentences of the bulletin.
	Sentences int `json:"sentences"`
	// Digest is a hash of the bulletin's cleaned text with spaces and
	// punctuation removed, for duplicate detection.
	Digest string `json:"digest"`
	// Shingles is a MinHash sketch of the cleaned text, for near-duplicates.
	Sketch []uint32 `json:"sketch,omitempty"`
}

// Field is a piece of text with its span and, when it has one, a normalised value.
type Field struct {
	Text  string `json:"text"`
	Value string `json:"value,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Section is a numbered part of a bulletin (一、 （一） 一是 1.).
type Section struct {
	Marker string `json:"marker"`
	Level  int    `json:"level"`
	Title  string `json:"title"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Line   int    `json:"line"`
}

// Span is a stretch of the decoded text.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Removed is text the cleaner cut, with the reason, so nothing disappears silently.
type Removed struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

// Bound values say what an approximate number means.
const (
	BoundExact = "exact"
	BoundLower = "lower" // at least: 余 多 以上 超过 逾
	BoundUpper = "upper" // at most: 近 不到 不足 以内
	BoundAbout = "about" // 约 左右
	BoundRange = "range" // 3至5, 三四十
)

// Quantity is one count: a number with its measure word and what was counted.
type Quantity struct {
	ID    string  `json:"id"` // q1, q2 … within the record
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Value float64 `json:"value"`
	// Low and High bound the true value: equal for exact counts, one open
	// (nil) for lower and upper bounds.
	Low      *float64 `json:"low"`
	High     *float64 `json:"high"`
	Approx   string   `json:"approx"` // the marker as written, "" when exact
	Bound    string   `json:"bound"`
	Measure  string   `json:"measure"`
	Category string   `json:"category"`
	// Multiplier applied (万 → 1e4), for display and checks.
	Object string `json:"object"`
	Verb   string `json:"verb,omitempty"`
	// Parent is the Text of the total this count is a part of (其中 …).
	Parent   string `json:"parent,omitempty"`
	ParentID string `json:"parent_id,omitempty"`
	// Period is the time the count belongs to when the text says it.
	Period     string `json:"period,omitempty"`
	Cumulative bool   `json:"cumulative,omitempty"`
	// Group ties coordinated counts of one event (搬迁50户186人).
	Group string `json:"group,omitempty"`

	Unit         string `json:"unit,omitempty"`
	UnitLink     string `json:"unit_link,omitempty"` // clause, sentence, section, issuer
	Activity     string `json:"activity,omitempty"`
	ActivityLink string `json:"activity_link,omitempty"`

	Provenance Provenance `json:"provenance"`
}

// Provenance locates a count for a person.
type Provenance struct {
	Line          int    `json:"line"` // 1-based line of the decoded file
	Section       string `json:"section,omitempty"`
	Sentence      string `json:"sentence"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
}

// Unit is an organisation or administrative unit named in a bulletin.
type Unit struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // admin, org, village, reference
	// Resolved is the current official name when it differs (辟展乡 → 辟展镇),
	// or what a reference (我院, 全县) stands for.
	Resolved  string   `json:"resolved,omitempty"`
	Code      string   `json:"code,omitempty"`
	Level     string   `json:"level,omitempty"` // province, prefecture, county, township
	Parents   []Parent `json:"parents,omitempty"`
	Ambiguous bool     `json:"ambiguous,omitempty"`
	// Candidates lists codes when the name is ambiguous.
	Candidates []string `json:"candidates,omitempty"`
	Mentions   []Span   `json:"mentions"`
}

// Parent is an administrative division above a unit.
type Parent struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level string `json:"level"`
}

// Activity is a named activity, campaign or event.
type Activity struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"` // quoted, noun, campaign
	Mentions []Span `json:"mentions"`
}

// Check is a consistency check on the counts of a record.
type Check struct {
	Kind   string   `json:"kind"` // breakdown
	Total  string   `json:"total"`
	Parts  []string `json:"parts"`
	Status string   `json:"status"` // consistent, mismatch, partial
	// Expected is the total's value, Sum the parts' sum; Diff = Expected - Sum.
	Expected float64 `json:"expected"`
	Sum      float64 `json:"sum"`
	Diff     float64 `json:"diff"`
	Note     string  `json:"note,omitempty"`
}

// FailureSchema names the layout of a Failure line.
const FailureSchema = "bulletin.error/v1"

// Failure is a file that could not be read or extracted. `bulletin extract
// --errors FILE` and `bulletin run` write one JSON line per failed file;
// `bulletin analyze` reports them among its findings.
type Failure struct {
	Schema  string `json:"schema"`
	Path    string `json:"path"`
	Stage   string `json:"stage"` // discover, read, decode, extract
	Message string `json:"message"`
}
