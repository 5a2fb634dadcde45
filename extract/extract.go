package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/bulletin-tool/bulletin/extract/clean"
	"github.com/bulletin-tool/bulletin/extract/decode"
	"github.com/bulletin-tool/bulletin/extract/htmltext"
	"github.com/bulletin-tool/bulletin/extract/measure"
	"github.com/bulletin-tool/bulletin/extract/numeral"
)

// Options configure an Extractor.
type Options struct {
	Read ReadOptions
	// T2S maps traditional characters to simplified ones before matching.
	T2S bool
	// Segmenter is shared by every Extractor of a process; nil builds one.
	Segmenter *SegmenterLoader
	// Units finds units and activities; nil builds the default one.
	Units *UnitFinder
}

// Extractor turns files into records. It is safe for concurrent use once
// built: all its tables are read-only.
type Extractor struct {
	opts     Options
	measures *measure.Lexicon
	rules    *countRules
	segs     *SegmenterLoader
	units    *UnitFinder
}

// New builds an Extractor. The segmenter and the gazetteer load lazily, on
// the first file that needs them.
func New(opts Options) (*Extractor, error) {
	rules, err := parseCountRules()
	if err != nil {
		return nil, err
	}
	x := &Extractor{opts: opts, measures: measure.Default(), rules: rules, segs: opts.Segmenter, units: opts.Units}
	if x.units == nil {
		x.units = NewUnitFinder()
	}
	if x.segs == nil {
		x.segs = NewSegmenterLoader(SegmenterOptions{UserWords: x.units.UserWords})
	}
	return x, nil
}

// Versions identifies the data tables extraction depends on, for
// incremental runs: a change in any of them means files must be extracted
// again.
func (x *Extractor) Versions() map[string]string {
	return map[string]string{
		"schema":    SchemaVersion,
		"measures":  x.measures.Version(),
		"rules":     dataVersion(slogansTxt + countRulesTSV + domainLexicon),
		"gazetteer": x.units.Version(),
		"clean":     clean.DataVersion(),
		"numerals":  numeral.DataVersion(),
		"html":      htmltext.DataVersion(),
	}
}

func dataVersion(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// ExtractFile reads one input and extracts its records.
func (x *Extractor) ExtractFile(in Input) ([]Record, error) {
	t, err := ReadFile(in, x.opts.Read)
	if err != nil {
		return nil, err
	}
	return x.ExtractText(t)
}

// Clean normalises a read file and finds its boilerplate and structure.
// Text decoded from Big5 is traditional Chinese and is matched as
// simplified whatever Options.T2S says.
func (x *Extractor) Clean(t *Text) *clean.Document {
	return clean.Process(t.Text, clean.Options{T2S: x.opts.T2S || t.Source.Encoding == decode.Big5})
}

// ExtractText extracts the records of a file already read.
func (x *Extractor) ExtractText(t *Text) (recs []Record, err error) {
	defer func() {
		// A panic on one file's text is a bug, but it must not take the
		// batch down: report it as that file's error.
		if p := recover(); p != nil {
			recs, err = nil, &FileError{Path: t.Source.Path, Stage: "extract", Err: fmt.Errorf("internal error: %v", p)}
		}
	}()
	seg, err := x.segs.Get()
	if err != nil {
		return nil, &FileError{Path: t.Source.Path, Stage: "extract", Err: err}
	}
	doc := x.Clean(t)
	src := t.Source
	src.Bulletins = len(doc.Bulletins)
	docUnits := x.units.documentContext(doc)
	for i, b := range doc.Bulletins {
		rec := Record{
			Schema:     SchemaVersion,
			Source:     src,
			Bulletin:   x.bulletinInfo(doc, b, i),
			Quantities: []Quantity{},
			Units:      []Unit{},
			Activities: []Activity{},
			Checks:     []Check{},
			Removed:    []Removed{},
			Masked:     []Span{},
		}
		rec.ID = recordID(src, i)
		x.extractBulletin(doc, b, seg, docUnits, &rec)
		recs = append(recs, rec)
	}
	attachRemoved(doc, t, recs)
	if t.Page != "" {
		page := []rune(t.Page)
		m := newSpanMapper(alignToSource(t.Text, page))
		lines := lineStarts(page)
		lineOf := func(offset int) int {
			return sort.Search(len(lines), func(i int) bool { return lines[i] > offset })
		}
		for i := range recs {
			remapRecord(&recs[i], m, lineOf)
		}
	}
	return recs, nil
}

func lineStarts(text []rune) []int {
	starts := []int{0}
	for i, r := range text {
		if r == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func recordID(src Source, index int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", src.SHA256, index)))
	return hex.EncodeToString(sum[:8])
}

// extractBulletin fills the counts, units, activities and checks of one bulletin.
func (x *Extractor) extractBulletin(doc *clean.Document, b clean.Bulletin, seg *Segmenter, docUnits *documentUnits, rec *Record) {
	var all []clauseCount
	var sentenceOf []int
	var mentions sentenceMentions
	b.Sentences = splitLongSentences(doc.Norm, b.Sentences)
	for si, s := range b.Sentences {
		toks := seg.Cut(doc.Norm, s.Start, s.End)
		sc := sentenceContext{text: doc.Text, norm: doc.Norm, start: s.Start, end: s.End, tokens: toks}
		counts := dropInsidePlaceNames(x.findCounts(sc), docUnits)
		linkBreakdowns(doc.Norm, s.Start, s.End, counts)
		x.units.addSentence(doc.Norm, s, toks, docUnits, &mentions)
		for range counts {
			sentenceOf = append(sentenceOf, si)
		}
		all = append(all, counts...)
	}
	if t := b.Title; t != nil && !coveredBySentence(b.Sentences, t.Start) {
		// a title kept out of the text (front matter) still names the
		// bulletin's unit and activity (暑期实践 | 公管学院…)
		toks := seg.Cut(doc.Norm, t.Start, t.End)
		x.units.addSentence(doc.Norm, clean.Sentence{Start: t.Start, End: t.End, Section: -1}, toks, docUnits, &mentions)
	}
	periods := findPeriods(doc, b)
	for k := range all {
		q := &all[k].q
		s := b.Sentences[sentenceOf[k]]
		q.ID = fmt.Sprintf("q%d", k+1)
		q.Text = string(doc.Text[q.Start:q.End])
		q.Provenance = Provenance{
			Line:          doc.Line(q.Start),
			Sentence:      sentenceText(doc.Text, s, q.Start, q.End),
			SentenceStart: s.Start,
			SentenceEnd:   s.End,
		}
		if s.Section >= 0 && s.Section < len(b.Sections) {
			q.Provenance.Section = sectionLabel(b.Sections[s.Section])
		}
		periods.apply(q)
	}
	quantities := make([]Quantity, len(all))
	for k := range all {
		quantities[k] = all[k].q
	}
	all, sentenceOf = nil, nil // a long bulletin holds its counts once
	resolveParents(quantities)
	rec.Checks = breakdownChecks(quantities)
	x.units.extract(doc, b, mentions, docUnits, quantities, rec)
	rec.Quantities = quantities
	for _, m := range doc.Masked {
		if m.Start >= b.Start && m.End <= b.End {
			rec.Masked = append(rec.Masked, Span{Text: string(doc.Text[m.Start:m.End]), Start: m.Start, End: m.End})
		}
	}
}

// maxContextRunes bounds the sentence text a count carries: a longer
// sentence is shown as the stretch around the count, marked with …, and
// SentenceStart/SentenceEnd still give the whole sentence.
const maxContextRunes = 240

func sentenceText(text []rune, s clean.Sentence, start, end int) string {
	if s.End-s.Start <= maxContextRunes {
		return strings.TrimSpace(string(text[s.Start:s.End]))
	}
	lo := max(s.Start, start-maxContextRunes/2)
	hi := min(s.End, lo+maxContextRunes)
	lo = max(s.Start, min(lo, hi-maxContextRunes))
	out := strings.TrimSpace(string(text[lo:hi]))
	if lo > s.Start {
		out = "…" + out
	}
	if hi < s.End {
		out += "…"
	}
	return out
}

// maxSentenceRunes bounds the stretch of text read as one sentence. Text
// without sentence-final punctuation (a scraped table, a 50 MB line) would
// otherwise make one sentence of it, and the work per count grows with the
// sentence.
const maxSentenceRunes = 1000

// coveredBySentence reports whether position p lies in one of ss.
func coveredBySentence(ss []clean.Sentence, p int) bool {
	for _, s := range ss {
		if s.Start <= p && p < s.End {
			return true
		}
	}
	return false
}

// splitLongSentences cuts sentences longer than maxSentenceRunes at clause
// breaks (，；、), or hard at the limit when there is none.
func splitLongSentences(norm []rune, ss []clean.Sentence) []clean.Sentence {
	long := false
	for _, s := range ss {
		long = long || s.End-s.Start > maxSentenceRunes
	}
	if !long {
		return ss
	}
	var out []clean.Sentence
	for _, s := range ss {
		for s.End-s.Start > maxSentenceRunes {
			cut := s.Start + maxSentenceRunes
			for k := cut; k > s.Start+maxSentenceRunes/2; k-- {
				if isClauseBreak(norm[k-1]) {
					cut = k
					break
				}
			}
			out = append(out, clean.Sentence{Start: s.Start, End: cut, Section: s.Section})
			s.Start = cut
		}
		out = append(out, s)
	}
	return out
}

func sectionLabel(s clean.Section) string {
	return strings.TrimSpace(s.Marker + s.Title)
}

func (x *Extractor) bulletinInfo(doc *clean.Document, b clean.Bulletin, i int) Bulletin {
	info := Bulletin{
		Index:     i + 1,
		Start:     b.Start,
		End:       b.End,
		Title:     field(b.Title),
		Issuer:    field(b.Issuer),
		Issue:     field(b.Issue),
		Date:      field(b.Date),
		Sections:  []Section{},
		Sentences: len(b.Sentences),
	}
	for _, s := range b.Sections {
		info.Sections = append(info.Sections, Section{Marker: s.Marker, Level: s.Level, Title: s.Title, Start: s.Start, End: s.End, Line: s.Line})
	}
	text := doc.CleanText(b)
	info.Digest, info.Sketch = fingerprint(text)
	return info
}

func field(f *clean.Field) *Field {
	if f == nil {
		return nil
	}
	return &Field{Text: f.Text, Value: f.Value, Start: f.Start, End: f.End}
}

// attachRemoved gives each record the boilerplate that lies in or next to it:
// what comes before the first bulletin goes to the first, what lies between
// two bulletins to the one before, so nothing removed goes unreported.
func attachRemoved(doc *clean.Document, t *Text, recs []Record) {
	if len(recs) == 0 {
		return
	}
	for _, r := range doc.Removed {
		k := 0
		for j := range recs {
			if r.Start >= recs[j].Bulletin.Start {
				k = j
			}
		}
		text := string(doc.Text[r.Start:r.End])
		recs[k].Removed = append(recs[k].Removed, Removed{Start: r.Start, End: r.End, Reason: r.Reason, Text: text})
	}
	recs[0].Removed = append(recs[0].Removed, t.Dropped...)
}

// fingerprint returns a digest of the text's letters and a MinHash sketch of
// its character 4-grams, both blind to spacing and punctuation, so that the
// same bulletin saved from two sites compares equal or near.
func fingerprint(text string) (string, []uint32) {
	var core []rune
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			core = append(core, r)
		}
	}
	sum := sha256.Sum256([]byte(string(core)))
	return hex.EncodeToString(sum[:16]), minhash(core, 4, 64)
}

// minhash is a one-permutation MinHash sketch of the text's k-grams: each
// k-gram is hashed once and kept in one of n bins if it is the bin's least;
// empty bins borrow from the next full bin (rotation densification), so that
// short texts compare fairly. Equal positions estimate Jaccard similarity.
func minhash(core []rune, k, n int) []uint32 {
	if len(core) < k {
		return nil
	}
	const empty = ^uint32(0)
	sketch := make([]uint32, n)
	for i := range sketch {
		sketch[i] = empty
	}
	for i := 0; i+k <= len(core); i++ {
		h := uint64(14695981039346656037)
		for _, r := range core[i : i+k] {
			h ^= uint64(r)
			h *= 1099511628211
		}
		h ^= h >> 33
		h *= 0xff51afd7ed558ccd
		h ^= h >> 33
		bin := int(h % uint64(n))
		if v := uint32(h >> 32); v < sketch[bin] {
			sketch[bin] = v
		}
	}
	filled := make([]uint32, n)
	for j := range sketch {
		filled[j] = sketch[j]
		for step := 1; filled[j] == empty && step < n; step++ {
			if v := sketch[(j+step)%n]; v != empty {
				filled[j] = v + uint32(step)*0x9E3779B9
			}
		}
	}
	return filled
}
