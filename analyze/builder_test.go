package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/extract"
)

// The records of these tests are written by hand after the layout of
// extract/record.go, with units and sentences modelled on the Turpan
// (吐鲁番) bulletins of the shared corpus. The real extractor does not
// produce records yet.

var (
	xinjiang = extract.Parent{Code: "650000", Name: "新疆维吾尔自治区", Level: "province"}
	turpan   = extract.Parent{Code: "650400", Name: "吐鲁番市", Level: "prefecture"}
	shanshan = extract.Parent{Code: "650421", Name: "鄯善县", Level: "county"}
	gaochang = extract.Parent{Code: "650402", Name: "高昌区", Level: "county"}
)

// unitQiketai and friends are units as the gazetteer pass would resolve them.
func unitQiketai() extract.Unit {
	return extract.Unit{Name: "七克台镇", Kind: "admin", Code: "650421104", Level: "township",
		Parents: []extract.Parent{shanshan, turpan, xinjiang}}
}

func unitPizhan() extract.Unit {
	return extract.Unit{Name: "辟展乡", Kind: "admin", Resolved: "辟展镇", Code: "650421103", Level: "township",
		Parents: []extract.Parent{shanshan, turpan, xinjiang}}
}

func unitShanshan() extract.Unit {
	return extract.Unit{Name: "鄯善县", Kind: "admin", Code: shanshan.Code, Level: "county",
		Parents: []extract.Parent{turpan, xinjiang}}
}

func unitGaochang() extract.Unit {
	return extract.Unit{Name: "高昌区", Kind: "admin", Code: gaochang.Code, Level: "county",
		Parents: []extract.Parent{turpan, xinjiang}}
}

// recordBuilder assembles a record and keeps offsets consistent: each
// sentence is appended to the bulletin's text and quantities are found in it.
type recordBuilder struct {
	rec  extract.Record
	text strings.Builder
	line int
}

func newRecord(path string, bulletin int) *recordBuilder {
	b := &recordBuilder{line: 1}
	b.rec = extract.Record{
		Schema: extract.SchemaVersion,
		ID:     fmt.Sprintf("%s#%d", path, bulletin),
		Source: extract.Source{Path: path, Format: "text", Encoding: "utf-8", Confidence: 1, Bulletins: 1},
		Bulletin: extract.Bulletin{
			Index: bulletin,
			Title: &extract.Field{Text: "工作简报"},
		},
		Quantities: []extract.Quantity{}, Units: []extract.Unit{}, Activities: []extract.Activity{},
		Checks: []extract.Check{}, Removed: []extract.Removed{}, Masked: []extract.Span{},
	}
	return b
}

func (b *recordBuilder) date(iso string) *recordBuilder {
	b.rec.Bulletin.Date = &extract.Field{Text: iso, Value: iso}
	return b
}

func (b *recordBuilder) units(units ...extract.Unit) *recordBuilder {
	b.rec.Units = append(b.rec.Units, units...)
	return b
}

// count describes one quantity of a sentence.
type count struct {
	text     string // as written in the sentence, e.g. "1200余人次"
	value    float64
	low      *float64
	high     *float64
	bound    string
	measure  string
	category string
	object   string
	unit     string
	activity string
	parent   string // id of the total this is part of
	period   string
	cumul    bool
}

func exactly(v float64) (float64, *float64, *float64, string) { return v, &v, &v, extract.BoundExact }
func atLeast(v float64) (float64, *float64, *float64, string) { return v, &v, nil, extract.BoundLower }
func between(lo, hi float64) (float64, *float64, *float64, string) {
	return lo, &lo, &hi, extract.BoundRange
}

func c(text string, bounds func() (float64, *float64, *float64, string), measure, category, object string) count {
	v, lo, hi, bound := bounds()
	return count{text: text, value: v, low: lo, high: hi, bound: bound, measure: measure, category: category, object: object}
}

func (k count) in(unit, activity string) count { k.unit, k.activity = unit, activity; return k }
func (k count) partOf(id string) count         { k.parent = id; return k }
func (k count) during(period string) count     { k.period = period; return k }
func (k count) cumulative() count              { k.cumul = true; return k }

func ex(v float64) func() (float64, *float64, *float64, string) {
	return func() (float64, *float64, *float64, string) { return exactly(v) }
}
func ge(v float64) func() (float64, *float64, *float64, string) {
	return func() (float64, *float64, *float64, string) { return atLeast(v) }
}
func rng(lo, hi float64) func() (float64, *float64, *float64, string) {
	return func() (float64, *float64, *float64, string) { return between(lo, hi) }
}

// sentence appends a sentence with its counts and returns the ids given to them.
func (b *recordBuilder) sentence(s string, counts ...count) []string {
	start := utf8.RuneCountInString(b.text.String())
	b.text.WriteString(s)
	b.text.WriteString("\n")
	var ids []string
	for _, k := range counts {
		at := strings.Index(s, k.text)
		if at < 0 {
			panic(fmt.Sprintf("count %q not in sentence %q", k.text, s))
		}
		qs := start + utf8.RuneCountInString(s[:at])
		id := fmt.Sprintf("q%d", len(b.rec.Quantities)+1)
		q := extract.Quantity{
			ID: id, Text: k.text, Start: qs, End: qs + utf8.RuneCountInString(k.text),
			Value: k.value, Low: k.low, High: k.high, Bound: k.bound,
			Measure: k.measure, Category: k.category, Object: k.object,
			Unit: k.unit, Activity: k.activity, Period: k.period, Cumulative: k.cumul,
			ParentID: k.parent,
			Provenance: extract.Provenance{Line: b.line, Sentence: s, SentenceStart: start,
				SentenceEnd: start + utf8.RuneCountInString(s)},
		}
		if k.unit != "" {
			q.UnitLink = "sentence"
		}
		if k.activity != "" {
			q.ActivityLink = "sentence"
		}
		if k.bound != extract.BoundExact {
			q.Approx = "余"
		}
		for _, p := range b.rec.Quantities {
			if p.ID == k.parent {
				q.Parent = p.Text
			}
		}
		b.rec.Quantities = append(b.rec.Quantities, q)
		ids = append(ids, id)
	}
	b.line++
	b.rec.Bulletin.Sentences++
	return ids
}

func (b *recordBuilder) check(c extract.Check) *recordBuilder {
	b.rec.Checks = append(b.rec.Checks, c)
	return b
}

func (b *recordBuilder) masked(text string, start int) *recordBuilder {
	b.rec.Masked = append(b.rec.Masked, extract.Span{Text: text, Start: start, End: start + utf8.RuneCountInString(text)})
	return b
}

// sketchOf is a stand-in MinHash sketch: 32 positions, one per character
// bigram bucket, so texts differing in a few sentences share most positions.
func sketchOf(text string) []uint32 {
	runes := []rune(squeeze(text))
	sketch := make([]uint32, 32)
	for i := range sketch {
		sketch[i] = ^uint32(0)
	}
	for i := 0; i+1 < len(runes); i++ {
		h := uint32(2166136261)
		for _, r := range runes[i : i+2] {
			h = (h ^ uint32(r)) * 16777619
		}
		for j := range sketch {
			v := (h ^ uint32(j)*0x9e3779b9) * 0x85ebca6b
			v ^= v >> 13
			if v < sketch[j] {
				sketch[j] = v
			}
		}
	}
	return sketch
}

// done fills the digest, sketch and hashes from the text and returns the record.
func (b *recordBuilder) done() extract.Record {
	text := b.text.String()
	sum := sha256.Sum256([]byte(squeeze(text)))
	b.rec.Bulletin.Digest = hex.EncodeToString(sum[:8])
	b.rec.Bulletin.Sketch = sketchOf(text)
	b.rec.Bulletin.End = utf8.RuneCountInString(text)
	file := sha256.Sum256([]byte(b.rec.Source.Path + text))
	b.rec.Source.SHA256 = hex.EncodeToString(file[:])
	b.rec.Source.Bytes = int64(len(text))
	return b.rec
}
