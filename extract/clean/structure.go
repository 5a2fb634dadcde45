package clean

import (
	"sort"
	"strconv"
	"strings"
)

// bulletinKeywords end the title of a bulletin that a file may hold several of.
var bulletinKeywords = [][]rune{[]rune("简报"), []rune("动态"), []rune("通报"), []rune("快报"), []rune("专报"), []rune("总结"), []rune("报告"), []rune("信息")}

// heading is the title of one bulletin inside a file.
type heading struct {
	Start, End int // the title, without the colon after it
	Number     int // 一 → 1, or the issue number
}

// findHeadings finds numbered bulletin titles in kept text:
// 创建民族团结工作简报一:, XX动态（第5期）, XX简报第18期.
func findHeadings(d *Document) []heading {
	var out []heading
	norm := d.Norm
	previousKeywordEnd := -1
	for k := 0; k < len(norm); k++ {
		switch norm[k] {
		case '简', '动', '通', '快', '专', '总', '报', '信':
		default:
			continue // not the first rune of any keyword
		}
		var keyword []rune
		for _, w := range bulletinKeywords {
			if norm[k] == w[0] && hasPrefixAt(norm, k, w) {
				keyword = w
				break
			}
		}
		if keyword == nil {
			continue
		}
		after := k + len(keyword)
		if d.IsRemoved(k) {
			previousKeywordEnd = after
			continue
		}
		number, end, ok := headingNumber(norm, after)
		if ok {
			start := titleStart(norm, k, previousKeywordEnd, d)
			out = append(out, heading{Start: start, End: end, Number: number})
		}
		previousKeywordEnd = after
		k = after - 1
	}
	return out
}

// headingNumber reads 一 / （第5期） / 第5期 after a keyword, followed by the
// end of the heading (a colon, a space, a line end).
func headingNumber(norm []rune, k int) (int, int, bool) {
	end := len(norm)
	terminated := func(j int) bool {
		return j >= end || norm[j] == ':' || isSpace(norm[j])
	}
	if j := numeralRunEnd(norm, k, end, 3); j > k {
		if n, ok := chineseNumber(norm, k, j); ok && terminated(j) {
			return n, j, true
		}
	}
	j := k
	for j < end && norm[j] == ' ' {
		j++
	}
	paren := j < end && norm[j] == '('
	if paren {
		j++
	}
	if n, e, ok := issueNumber(norm, j, end); ok {
		if paren {
			if e >= end || norm[e] != ')' {
				return 0, 0, false
			}
			e++
		}
		if terminated(e) {
			return n, e, true
		}
	}
	return 0, 0, false
}

// issueNumber reads 第5期 or 第五期 at k.
func issueNumber(norm []rune, k, end int) (int, int, bool) {
	if k >= end || norm[k] != '第' {
		return 0, 0, false
	}
	j := k + 1
	for j < end && norm[j] == ' ' {
		j++
	}
	var n int
	var ok bool
	if isDigit(norm[min(j, end-1)]) {
		var e int
		n, e = readInt(norm, j, end, 5)
		ok, j = e > j, e
	} else {
		e := numeralRunEnd(norm, j, end, 4)
		n, ok = chineseNumber(norm, j, e)
		j = e
	}
	for j < end && norm[j] == ' ' {
		j++
	}
	if !ok || j >= end || norm[j] != '期' {
		return 0, 0, false
	}
	return n, j + 1, true
}

// titleStart walks back from a keyword over the words of its title, to the
// line start, a punctuation mark, a removed span, or the previous keyword.
func titleStart(norm []rune, k, previousKeywordEnd int, d *Document) int {
	j := k
	for j > 0 && k-j < 30 {
		r := norm[j-1]
		if j-1 < previousKeywordEnd || d.IsRemoved(j-1) || isSpace(r) || isStop(r) || r == ',' || r == ':' || r == '、' {
			break
		}
		j--
	}
	return j
}

// findBulletins splits the document and fills each bulletin.
func findBulletins(d *Document, det *detector) []Bulletin {
	headings := findHeadings(d)
	numbers := map[int]bool{}
	for _, h := range headings {
		numbers[h.Number] = true
	}
	var starts []heading
	if len(headings) >= 2 && len(numbers) >= 2 {
		starts = headings
	} else if mastheads := findMastheads(d, det); len(mastheads) >= 2 {
		starts = mastheads
		headings = mastheads
	}
	var out []Bulletin
	bounds := []int{0}
	for i, h := range starts {
		if i > 0 {
			bounds = append(bounds, h.Start)
		}
	}
	bounds = append(bounds, len(d.Norm))
	for i := 0; i+1 < len(bounds); i++ {
		start, end, ok := d.keptBounds(bounds[i], bounds[i+1])
		if !ok {
			continue
		}
		b := Bulletin{Start: start, End: end}
		if len(starts) > 0 {
			h := starts[i]
			b.Title = d.field(h.Start, h.End, "")
		} else if len(headings) == 1 {
			b.Title = d.field(headings[0].Start, headings[0].End, "")
		}
		d.fillFields(&b, bounds[i], bounds[i+1], det)
		b.Sections = d.findSections(b)
		b.Sentences = d.findSentences(b)
		out = append(out, b)
	}
	return out
}

// Mastheads: a file holding several issues of one bulletin repeats its
// masthead (工作简报 over 第5期, then 工作简报 over 第6期). A masthead is a
// short line naming a bulletin kind with an issue number on it or on one of
// the next mastheadIssueLines lines.
const (
	maxMastheadLen     = 30
	mastheadIssueLines = 3
)

// findMastheads returns the mastheads of the one title that recurs with at
// least two different issue numbers, in order, or nil. It reads every line,
// kept or removed: the repeated masthead is itself removed as a repeated line.
func findMastheads(d *Document, det *detector) []heading {
	groups := map[string][]heading{}
	var order []string
	for i, l := range det.lines {
		if l.empty || l.trimEnd-l.trimStart > maxMastheadLen || !hasBulletinKeyword(d.Norm, l.trimStart, l.trimEnd) {
			continue
		}
		keyEnd, number, ok := l.trimEnd, 0, false
		for j, seen := i, 0; j < len(det.lines) && seen <= mastheadIssueLines && !ok; j++ {
			m := det.lines[j]
			if m.empty {
				continue
			}
			seen++
			for k := m.trimStart; k < m.trimEnd; k++ {
				if d.Norm[k] != '第' {
					continue
				}
				if n, _, found := issueNumber(d.Norm, k, m.trimEnd); found {
					number, ok = n, true
					if j == i {
						keyEnd = k // the title without its issue
					}
					break
				}
			}
		}
		if !ok {
			continue
		}
		s, e := trim(d.Norm, l.trimStart, keyEnd)
		s, e = trimBrackets(d.Norm, s, e)
		if e-s < 2 {
			continue
		}
		key := string(d.Norm[s:e])
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		groups[key] = append(groups[key], heading{Start: l.trimStart, End: l.trimEnd, Number: number})
	}
	var best []heading
	for _, key := range order {
		group := groups[key]
		numbers := map[int]bool{}
		for _, h := range group {
			numbers[h.Number] = true
		}
		if len(group) >= 2 && len(numbers) >= 2 && len(group) > len(best) {
			best = group
		}
	}
	return best
}

func hasBulletinKeyword(norm []rune, start, end int) bool {
	for _, w := range bulletinKeywords {
		if containsIn(norm, start, end, w) {
			return true
		}
	}
	return false
}

// trimBrackets drops the brackets an issue number leaves at a title's end.
func trimBrackets(norm []rune, start, end int) (int, int) {
	for end > start && (norm[end-1] == '(' || norm[end-1] == '[' || isSpace(norm[end-1])) {
		end--
	}
	return start, end
}

// keptField is the field of [start, end) without the removed marks at its
// ends (the ## of a Markdown heading), or of all of it when nothing is kept.
func (d *Document) keptField(start, end int) *Field {
	if s, e, ok := d.keptBounds(start, end); ok {
		return d.field(s, e, "")
	}
	return d.field(start, end, "")
}

func (d *Document) field(start, end int, value string) *Field {
	text := string(d.Text[start:end])
	if value == "" {
		value = strings.TrimSpace(string(d.Norm[start:end]))
	}
	return &Field{Text: text, Value: value, Start: start, End: end}
}

// issuerLabels introduce the issuing unit in a masthead or a colophon.
var issuerLabels = [][]rune{[]rune("主办单位:"), []rune("主办:"), []rune("编印:"), []rune("编印单位:"), []rune("编发:"), []rune("印发:"), []rune("主编单位:"), []rune("编制单位:"), []rune("发布单位:")}

// fillFields finds title, issuer, issue and date in a bulletin's masthead
// (first lines of its raw range) and signature (last kept lines).
func (d *Document) fillFields(b *Bulletin, rawStart, rawEnd int, det *detector) {
	var head, tail []lineInfo
	for _, l := range det.lines {
		if l.End <= rawStart || l.Start >= rawEnd || l.empty {
			continue
		}
		if len(head) < 10 {
			head = append(head, l)
		}
	}
	for i := len(det.lines) - 1; i >= 0 && len(tail) < 6; i-- {
		l := det.lines[i]
		if l.Start >= b.End || l.End <= b.Start || l.empty || l.reason != "" {
			continue
		}
		tail = append(tail, l)
	}
	if b.Title == nil {
		b.Title = d.findTitle(b, det)
	}
	// Issue: 第5期 in a short masthead line or right after the title.
	for _, l := range head {
		if b.Issue != nil {
			break
		}
		for k := l.trimStart; k < l.trimEnd; k++ {
			if d.Norm[k] != '第' {
				continue
			}
			n, e, ok := issueNumber(d.Norm, k, l.trimEnd)
			if !ok {
				continue
			}
			short := l.trimEnd-l.trimStart <= 40
			inParens := k > 0 && d.Norm[k-1] == '(' && e < len(d.Norm) && d.Norm[e] == ')'
			if short || inParens || (b.Title != nil && k-b.Title.End <= 2 && k >= b.Title.End) {
				b.Issue = d.field(k, e, strconv.Itoa(n))
				break
			}
		}
	}
	// Date: the signature's, else the masthead's.
	for _, group := range [][]lineInfo{tail, head} {
		for _, l := range group {
			if b.Date != nil || l.trimEnd-l.trimStart > 60 {
				continue
			}
			if m, ok := findDate(d.Norm, l.trimStart, l.trimEnd); ok {
				b.Date = d.field(m.Start, m.End, m.Value)
			}
		}
	}
	// Issuer: a labelled line, else a unit's name alone (or before a date).
	for _, l := range append(append([]lineInfo{}, head...), tail...) {
		if b.Issuer != nil {
			break
		}
		for _, label := range issuerLabels {
			if k := indexFrom(d.Norm, l.trimStart, l.trimEnd, label); k >= 0 {
				s := k + len(label)
				for s < l.trimEnd && isSpace(d.Norm[s]) {
					s++
				}
				e := s
				for e < l.trimEnd && !isSpace(d.Norm[e]) && e-s < 40 {
					e++
				}
				if e > s {
					b.Issuer = d.field(s, e, "")
				}
				break
			}
		}
	}
	// A masthead word after the unit (XX办公室编, XX局主办), in any
	// space-separated part of a short masthead line.
	for _, l := range head {
		if b.Issuer != nil || l.reason != "" || l.trimEnd-l.trimStart > 60 {
			continue
		}
		for _, part := range spaceSeparated(d.Norm, l.trimStart, l.trimEnd) {
			for _, word := range issuerWords {
				if e := part.End - len(word); e > part.Start && hasPrefixAt(d.Norm, e, word) && looksLikeUnit(d.Norm, part.Start, e) {
					b.Issuer = d.field(part.Start, e, "")
					break
				}
			}
			if b.Issuer != nil {
				break
			}
		}
	}
	// A signature (the unit's line, then a date line) or a masthead line
	// holding only the unit's name, or the name and a date.
	for _, group := range [][]lineInfo{tail, head} {
		for _, l := range group {
			if b.Issuer != nil || l.reason != "" {
				continue
			}
			end := l.trimEnd
			if m, ok := findDate(d.Norm, l.trimStart, l.trimEnd); ok && m.End == l.trimEnd {
				end = m.Start
			}
			s, e := trim(d.Norm, l.trimStart, end)
			if looksLikeUnit(d.Norm, s, e) {
				b.Issuer = d.field(s, e, "")
			}
		}
	}
}

// issuerWords follow the issuing unit's name in a masthead: XX办公室编.
var issuerWords = [][]rune{[]rune("编印"), []rune("主办"), []rune("印发"), []rune("编发"), []rune("编")}

// spaceSeparated splits [start, end) at runs of white space.
func spaceSeparated(norm []rune, start, end int) []Span {
	var out []Span
	partStart := -1
	for k := start; k <= end; k++ {
		if k < end && !isSpace(norm[k]) {
			if partStart < 0 {
				partStart = k
			}
			continue
		}
		if partStart >= 0 {
			out = append(out, Span{partStart, k})
			partStart = -1
		}
	}
	return out
}

// findTitle takes the line kept as the document title, a front-matter title,
// or the bulletin's first line when it is heading-shaped.
func (d *Document) findTitle(b *Bulletin, det *detector) *Field {
	if det.titleAt >= 0 {
		l := det.lines[det.titleAt]
		if l.trimStart >= b.Start && l.trimEnd <= b.End {
			return d.keptField(l.trimStart, l.trimEnd)
		}
	}
	for _, l := range det.lines {
		if l.reason != ReasonFrontMatter {
			if l.reason == "" && !l.empty {
				break
			}
			continue
		}
		text := string(d.Norm[l.trimStart:l.trimEnd])
		for _, prefix := range []string{"title:", "- "} {
			if strings.HasPrefix(text, prefix) {
				s, e := trim(d.Norm, l.trimStart+len([]rune(prefix)), l.trimEnd)
				if e > s {
					return d.field(s, e, "")
				}
			}
		}
	}
	for _, l := range det.lines {
		if l.trimStart < b.Start || l.empty || l.reason != "" {
			continue
		}
		if l.trimStart >= b.End {
			break
		}
		sh := measure(d.Norm, l.trimStart, l.trimEnd, nil)
		if sh.stops == 0 && sh.han >= 4 && l.trimEnd-l.trimStart <= 60 && !startsSection(d.Norm, l.trimStart, l.trimEnd) {
			return d.keptField(l.trimStart, l.trimEnd)
		}
		break
	}
	return nil
}

// findSections finds section markers in a bulletin's kept text. A marker
// counts at a line start or after a stop; 一是 and 第一， also after a comma.
func (d *Document) findSections(b Bulletin) []Section {
	var out []Section
	norm := d.Norm
	for _, span := range d.Kept(b.Start, b.End) {
		for k := span.Start; k < span.End; k++ {
			if !isChineseNumeral(norm[k]) && norm[k] != '第' && norm[k] != '(' && !isDigit(norm[k]) {
				continue
			}
			m, ok := markerAt(norm, k, span.End)
			if !ok {
				continue
			}
			prev := k - 1
			for prev >= span.Start && (norm[prev] == ' ' || norm[prev] == '\t' || norm[prev] == '\r' || norm[prev] == 0x3000) {
				prev--
			}
			atStart := prev < span.Start || norm[prev] == '\n' || isStop(norm[prev]) || norm[prev] == ':'
			if !atStart && !(m.Inline && (norm[prev] == ',' || isSpace(norm[prev]))) {
				continue
			}
			if m.Inline && !atStart && prev >= 0 && isHan(norm[prev]) {
				continue
			}
			title := sectionTitle(norm, m.End, span.End, m.Inline)
			out = append(out, Section{
				Marker: string(d.Text[k:m.End]), Level: m.Level, Title: title,
				Start: k, End: b.End, Line: d.Line(k), parent: -1,
			})
			k = m.End - 1
		}
	}
	// A section ends where the next one of its level or higher begins.
	var stack []int
	for i := range out {
		for len(stack) > 0 && out[stack[len(stack)-1]].Level >= out[i].Level {
			out[stack[len(stack)-1]].End = out[i].Start
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			out[i].parent = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	return out
}

func sectionTitle(norm []rune, k, end int, inline bool) string {
	e := k
	for e < end && e-k < 40 && norm[e] != '\n' && !isStop(norm[e]) && norm[e] != ':' && !(inline && norm[e] == ',') {
		e++
	}
	return strings.TrimSpace(string(norm[k:e]))
}

// findSentences splits kept text at 。！？；!? and line ends, not inside a
// short quotation, and at section starts.
func (d *Document) findSentences(b Bulletin) []Sentence {
	var out []Sentence
	norm := d.Norm
	nextStart := 0 // index of the next section start to split at
	section := -1
	nextSection := 0
	emit := func(start, end int) {
		start, end = trim(norm, start, end)
		if end <= start {
			return
		}
		for nextSection < len(b.Sections) && b.Sections[nextSection].Start <= start {
			section = nextSection
			nextSection++
		}
		s := section
		for s >= 0 && b.Sections[s].End <= start {
			s = b.Sections[s].parent
		}
		out = append(out, Sentence{Start: start, End: end, Section: s})
	}
	for _, span := range d.Kept(b.Start, b.End) {
		start := span.Start
		quoteOpen := -1
		for k := span.Start; k < span.End; k++ {
			r := norm[k]
			switch {
			case r == '\n':
				emit(start, k)
				start, quoteOpen = k+1, -1
				continue
			case nextStart < len(b.Sections) && b.Sections[nextStart].Start <= k:
				for nextStart < len(b.Sections) && b.Sections[nextStart].Start <= k {
					nextStart++
				}
				if k > start {
					emit(start, k)
					start = k
				}
			case r == '“' || r == '「' || r == '『':
				quoteOpen = k
			case r == '”' || r == '」' || r == '』':
				quoteOpen = -1
				if k > start && isStop(norm[k-1]) {
					// “…。” ends the sentence with the quotation.
					emit(start, k+1)
					start = k + 1
					continue
				}
			}
			if isStop(r) && (quoteOpen < 0 || k-quoteOpen > 120) {
				e := k + 1
				for e < span.End && isCloser(norm[e]) {
					e++
				}
				emit(start, e)
				start, quoteOpen = e, -1
				k = e - 1
			}
		}
		emit(start, span.End)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func isCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', ')', '》', '"', '\'':
		return true
	}
	return false
}
