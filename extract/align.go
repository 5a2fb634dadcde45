package extract

import (
	"html"
	"strings"
	"unicode"
)

// alignToSource maps each rune of text, read out of an HTML page, to its
// rune offset in the page's decoded source, so that every span of a record
// refers to the decoded file as the gold coordinates do. Runes the reader
// added (line breaks, tabs between cells) map to -1.
//
// The page's visible characters (outside tags, scripts and styles, with
// entities decoded) are matched line by line, each line searched from where
// the previous one ended, so navigation that was dropped is skipped over.
func alignToSource(text string, source []rune) []int {
	vis, pos := visibleRunes(source)
	runes := []rune(text)
	offsets := make([]int, len(runes))
	for i := range offsets {
		offsets[i] = -1
	}
	cursor := 0
	for lineStart := 0; lineStart < len(runes); {
		lineEnd := lineStart
		for lineEnd < len(runes) && runes[lineEnd] != '\n' {
			lineEnd++
		}
		var want []rune // the line without spaces
		var from []int  // where each of them is in text
		for k := lineStart; k < lineEnd; k++ {
			if !unicode.IsSpace(runes[k]) {
				want = append(want, runes[k])
				from = append(from, k)
			}
		}
		if at := indexRunes(vis, want, cursor); at >= 0 {
			for j := range want {
				offsets[from[j]] = pos[at+j]
			}
			cursor = at + len(want)
		} else {
			// the line was changed on the way (entities, repairs): match
			// rune by rune within a short window
			for j, r := range want {
				for k := cursor; k < min(len(vis), cursor+64); k++ {
					if vis[k] == r {
						offsets[from[j]] = pos[k]
						cursor = k + 1
						break
					}
				}
			}
		}
		lineStart = lineEnd + 1
	}
	return offsets
}

// visibleRunes lists the characters of an HTML source a reader shows, with
// their offsets: tags, comments, scripts and styles left out, entities
// decoded, whitespace dropped.
func visibleRunes(src []rune) ([]rune, []int) {
	var vis []rune
	var pos []int
	skipUntil := ""
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '<' {
			end := i + 1
			for end < len(src) && src[end] != '>' {
				end++
			}
			tag := strings.ToLower(string(src[i+1 : min(end, i+10)]))
			switch {
			case skipUntil != "":
				if strings.HasPrefix(tag, "/"+skipUntil) {
					skipUntil = ""
				}
			case strings.HasPrefix(tag, "script"):
				skipUntil = "script"
			case strings.HasPrefix(tag, "style"):
				skipUntil = "style"
			}
			i = end
			continue
		}
		if skipUntil != "" || unicode.IsSpace(c) {
			continue
		}
		if c == '&' {
			end := i + 1
			for end < len(src) && end-i < 10 && src[end] != ';' && src[end] != '&' && !unicode.IsSpace(src[end]) {
				end++
			}
			if end < len(src) && src[end] == ';' {
				decoded := []rune(html.UnescapeString(string(src[i : end+1])))
				if len(decoded) == 1 && string(decoded) != string(src[i:end+1]) {
					if !unicode.IsSpace(decoded[0]) {
						vis = append(vis, decoded[0])
						pos = append(pos, i)
					}
					i = end
					continue
				}
			}
		}
		vis = append(vis, c)
		pos = append(pos, i)
	}
	return vis, pos
}

// indexRunes finds want in s at or after from.
func indexRunes(s, want []rune, from int) int {
	if len(want) == 0 {
		return -1
	}
	for i := from; i+len(want) <= len(s); i++ {
		if s[i] != want[0] {
			continue
		}
		match := true
		for j := 1; j < len(want); j++ {
			if s[i+j] != want[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// spanMapper turns spans of text read out of a page into spans of the
// page's source.
type spanMapper struct {
	offsets []int
	next    []int // for each rune, the offset of the first mapped rune at or after it
	prev    []int // for each rune, the offset of the last mapped rune at or before it
}

func newSpanMapper(offsets []int) *spanMapper {
	m := &spanMapper{offsets: offsets, next: make([]int, len(offsets)+1), prev: make([]int, len(offsets))}
	last := -1
	for i, o := range offsets {
		if o >= 0 {
			last = o
		}
		m.prev[i] = last
	}
	nxt := -1
	if len(offsets) > 0 {
		nxt = m.prev[len(offsets)-1] + 1
	}
	m.next[len(offsets)] = nxt
	for i := len(offsets) - 1; i >= 0; i-- {
		if offsets[i] >= 0 {
			nxt = offsets[i]
		}
		m.next[i] = nxt
	}
	return m
}

// span maps [start, end).
func (m *spanMapper) span(start, end int) (int, int) {
	if len(m.offsets) == 0 {
		return start, end
	}
	start = max(0, min(start, len(m.offsets)))
	end = max(start, min(end, len(m.offsets)))
	s := m.next[start]
	e := s
	if end > start && m.prev[end-1] >= 0 {
		e = m.prev[end-1] + 1
	}
	if s < 0 {
		s = 0
	}
	if e < s {
		e = s
	}
	return s, e
}

// remapRecord moves every span of a record from the read text's
// coordinates to the source's; line numbers are those of the source.
func remapRecord(rec *Record, m *spanMapper, lineOf func(int) int) {
	sp := func(s, e *int) { *s, *e = m.span(*s, *e) }
	sp(&rec.Bulletin.Start, &rec.Bulletin.End)
	for _, f := range []*Field{rec.Bulletin.Title, rec.Bulletin.Issuer, rec.Bulletin.Issue, rec.Bulletin.Date} {
		if f != nil {
			sp(&f.Start, &f.End)
		}
	}
	for i := range rec.Bulletin.Sections {
		s := &rec.Bulletin.Sections[i]
		sp(&s.Start, &s.End)
		s.Line = lineOf(s.Start)
	}
	for i := range rec.Quantities {
		q := &rec.Quantities[i]
		sp(&q.Start, &q.End)
		sp(&q.Provenance.SentenceStart, &q.Provenance.SentenceEnd)
		q.Provenance.Line = lineOf(q.Start)
	}
	for i := range rec.Units {
		for j := range rec.Units[i].Mentions {
			sp(&rec.Units[i].Mentions[j].Start, &rec.Units[i].Mentions[j].End)
		}
	}
	for i := range rec.Activities {
		for j := range rec.Activities[i].Mentions {
			sp(&rec.Activities[i].Mentions[j].Start, &rec.Activities[i].Mentions[j].End)
		}
	}
	for i := range rec.Removed {
		if rec.Removed[i].Start >= 0 {
			sp(&rec.Removed[i].Start, &rec.Removed[i].End)
		}
	}
	for i := range rec.Masked {
		sp(&rec.Masked[i].Start, &rec.Masked[i].End)
	}
}
