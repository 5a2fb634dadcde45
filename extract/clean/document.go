package clean

import (
	"sort"
	"strings"
)

// Options select optional normalisations.
type Options struct {
	// T2S maps traditional characters to simplified ones in Norm.
	T2S bool
}

// Span is [Start, End) in runes of the original decoded text.
type Span struct {
	Start, End int
}

// Removed is a span of boilerplate, with the rule that found it (Reason*).
type Removed struct {
	Start, End int
	Reason     string
}

// Document is one decoded file, normalised and analysed. Text and Norm have
// the same length; every span indexes both.
type Document struct {
	Text      []rune
	Norm      []rune
	Removed   []Removed // sorted, non-overlapping
	Masked    []Span    // 学**** style masked characters, kept in the text
	Bulletins []Bulletin

	lineStarts []int
	removedSet spanSet
}

// Field is a value found in the text: its surface Text at [Start, End) and
// its normalised Value (Date: 2024-03-15 or 2024-03; Issue: the number).
type Field struct {
	Text, Value string
	Start, End  int
}

// Bulletin is one bulletin of a file. [Start, End) starts and ends on kept text.
type Bulletin struct {
	Start, End int
	Title      *Field
	Issuer     *Field
	Issue      *Field
	Date       *Field
	Sections   []Section
	Sentences  []Sentence
}

// Section is a numbered part of a bulletin: 一、 (level 1), （一） 一是 第一，
// (2), 1. 1、 (3), （1） (4). It runs to the next section of the same or a
// higher level. Line is 1-based.
type Section struct {
	Marker     string
	Level      int
	Title      string
	Start, End int
	Line       int
	parent     int
}

// Sentence is a sentence of kept text; Section indexes Bulletin.Sections,
// -1 outside any section.
type Sentence struct {
	Start, End int
	Section    int
}

// Process normalises text, finds its boilerplate and its structure.
func Process(text string, opts Options) *Document {
	runes := []rune(text)
	d := &Document{Text: runes, Norm: Normalize(runes, opts)}
	lines := splitLines(d.Norm)
	d.lineStarts = make([]int, len(lines))
	for i, l := range lines {
		d.lineStarts[i] = l.Start
	}
	det := detectBoilerplate(d.Norm, lines)
	d.Removed = det.removed()
	d.removedSet = spanSet{spans: d.Removed}
	d.Masked = det.masked
	d.Bulletins = findBulletins(d, det)
	return d
}

// Line returns the 1-based line number of a rune offset.
func (d *Document) Line(offset int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset })
}

// IsRemoved reports whether the rune at pos is boilerplate.
func (d *Document) IsRemoved(pos int) bool {
	return d.removedSet.has(pos)
}

// Kept returns the parts of [start, end) that are not removed, in order.
func (d *Document) Kept(start, end int) []Span {
	var out []Span
	i := sort.Search(len(d.Removed), func(i int) bool { return d.Removed[i].End > start })
	pos := start
	for ; i < len(d.Removed) && d.Removed[i].Start < end; i++ {
		if d.Removed[i].Start > pos {
			out = append(out, Span{pos, d.Removed[i].Start})
		}
		if d.Removed[i].End > pos {
			pos = d.Removed[i].End
		}
	}
	if pos < end {
		out = append(out, Span{pos, end})
	}
	return out
}

// CleanText is the kept text of a bulletin as a reader sees it: original
// characters, boilerplate left out, runs of blank lines shown as one. Use
// Kept for offsets.
func (d *Document) CleanText(b Bulletin) string {
	var sb strings.Builder
	for _, s := range d.Kept(b.Start, b.End) {
		sb.WriteString(string(d.Text[s.Start:s.End]))
	}
	lines := strings.Split(sb.String(), "\n")
	out := lines[:0]
	blank := false
	for _, line := range lines {
		isBlank := strings.TrimSpace(line) == ""
		if isBlank && blank {
			continue
		}
		blank = isBlank
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// keptBounds trims [start, end) to its first and last kept non-space rune.
func (d *Document) keptBounds(start, end int) (int, int, bool) {
	spans := d.Kept(start, end)
	first, last := -1, -1
	for _, s := range spans {
		for k := s.Start; k < s.End; k++ {
			if !isSpace(d.Norm[k]) {
				first = k
				break
			}
		}
		if first >= 0 {
			break
		}
	}
	for i := len(spans) - 1; i >= 0 && last < 0; i-- {
		for k := spans[i].End - 1; k >= spans[i].Start; k-- {
			if !isSpace(d.Norm[k]) {
				last = k + 1
				break
			}
		}
	}
	if first < 0 || last < 0 {
		return start, start, false
	}
	return first, last, true
}
