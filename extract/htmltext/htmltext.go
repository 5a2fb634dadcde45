package htmltext

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Options control Extract.
type Options struct {
	// AllText keeps all the text left once chrome is dropped instead of
	// choosing the main container.
	AllText bool
}

// Dropped is a piece of the page left out of Result.Text, in page order.
type Dropped struct {
	// Reason is why: "tag nav", "class breadcrumb", "id footer", "hidden
	// by style", "outside main content".
	Reason string
	// Text is the dropped text, lines joined by newlines.
	Text string
}

// Result is the main text of a page.
type Result struct {
	// Title is the page's title: the h1 or h2 that comes first in the
	// <title>, else the first h1, else the longest part of the <title>.
	Title string
	// Text is the title (unless the content starts with it) and the main
	// content, one block per line, table cells separated by tabs.
	Text string
	// Dropped lists what was left out and why.
	Dropped []Dropped
}

// sentencePunctuation is what Chinese prose is full of and navigation lacks.
const sentencePunctuation = "，。；：！？"

// chromePenalty is what a rune of link or unpunctuated text costs a
// container, against 1 for a rune of prose.
const chromePenalty = 0.5

// Extract returns the main text of an HTML page or fragment. It does not
// fail on malformed HTML: the parser repairs it as browsers do.
func Extract(page string, opts Options) (Result, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return Result{}, err
	}
	r := renderer{rules: chrome(), pageRunes: textRunes(doc)}
	r.walk(doc)
	r.flush()

	res := Result{Title: findTitle(doc)}
	kept := r.lines
	if !opts.AllText {
		kept = r.chooseMain()
	}
	texts := make([]string, 0, len(kept)+1)
	if res.Title != "" && !startsWithTitle(kept, res.Title) {
		texts = append(texts, res.Title)
	}
	for _, l := range kept {
		texts = append(texts, l.text)
	}
	res.Text = strings.Join(texts, "\n")
	res.Dropped = r.dropped
	return res, nil
}

// lineScore is the weight of a line as article text: its unlinked length,
// scaled down when it has less than one sentence mark per ten characters.
func lineScore(l line) float64 {
	marks := 0
	for _, c := range l.text {
		if strings.ContainsRune(sentencePunctuation, c) {
			marks++
		}
	}
	density := min(1, 10*float64(marks)/float64(l.runes))
	return float64(l.runes-l.linkRunes) * density
}

// chooseMain keeps the lines of the element whose subtree best separates
// article from chrome: each line adds its score and subtracts half of its
// remaining (linked or unpunctuated) runes, so climbing from the article to
// an ancestor pays for every menu the ancestor also holds. Ties go to the
// deeper element.
func (r *renderer) chooseMain() []line {
	scores := map[*html.Node]float64{}
	var order []*html.Node
	for _, l := range r.lines {
		s := lineScore(l)
		contribution := s - chromePenalty*(float64(l.runes)-s)
		for n := l.owner; n != nil; n = n.Parent {
			if n.Type != html.ElementNode {
				continue
			}
			if _, ok := scores[n]; !ok {
				order = append(order, n)
			}
			scores[n] += contribution
		}
	}
	var best *html.Node
	for _, n := range order {
		if best == nil || scores[n] > scores[best] || scores[n] == scores[best] && depth(n) > depth(best) {
			best = n
		}
	}
	if best == nil || scores[best] <= 0 {
		return r.lines
	}
	chosen := map[*html.Node]bool{best: true}
	var kept, out []line
	flushOut := func() {
		if len(out) == 0 {
			return
		}
		texts := make([]string, len(out))
		for i, l := range out {
			texts[i] = l.text
		}
		r.dropped = append(r.dropped, Dropped{Reason: "outside main content", Text: strings.Join(texts, "\n")})
		out = out[:0]
	}
	for _, l := range r.lines {
		if within(l.owner, chosen) {
			flushOut()
			kept = append(kept, l)
		} else {
			out = append(out, l)
		}
	}
	flushOut()
	return kept
}

func within(n *html.Node, set map[*html.Node]bool) bool {
	for ; n != nil; n = n.Parent {
		if set[n] {
			return true
		}
	}
	return false
}

func depth(n *html.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// findTitle prefers a heading that the <title> contains (the title usually
// adds the site's name to it), then the first h1, then the <title>'s
// longest part between separators.
func findTitle(doc *html.Node) string {
	var title string
	var headings []string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if title == "" {
					title = collapseSpace(nodeText(n))
				}
				return
			case "h1", "h2":
				if text := collapseSpace(nodeText(n)); text != "" {
					headings = append(headings, n.Data+"\x00"+text)
				}
				return
			case "script", "style":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	// Titles read "article - site": of the headings the title contains, the
	// one that comes first in it.
	contained, at := "", len(title)
	for _, h := range headings {
		_, text, _ := strings.Cut(h, "\x00")
		if i := strings.Index(title, text); i >= 0 && utf8.RuneCountInString(text) >= 4 && i < at {
			contained, at = text, i
		}
	}
	if contained != "" {
		return contained
	}
	for _, h := range headings {
		if tag, text, _ := strings.Cut(h, "\x00"); tag == "h1" {
			return text
		}
	}
	longest := ""
	for _, part := range titleSeparators.Split(title, -1) {
		if part = strings.TrimSpace(part); utf8.RuneCountInString(part) > utf8.RuneCountInString(longest) {
			longest = part
		}
	}
	return longest
}

var titleSeparators = regexp.MustCompile(`\s+[-|–—]\s+|[_|｜]|\s+-\s*|——`)

func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
	}
	return b.String()
}

func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isCollapsibleSpace), " ")
}

// startsWithTitle reports whether the first lines already carry the title
// (possibly broken over lines by <br>).
func startsWithTitle(lines []line, title string) bool {
	var head strings.Builder
	for i := 0; i < len(lines) && i < 4; i++ {
		head.WriteString(lines[i].text)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return strings.Contains(squash(head.String()), squash(title))
}

// Sniff reports whether data, the start of a file, is HTML: a doctype or
// <html> at the start, or markup that opens with a tag and has several
// common HTML elements (a fragment such as a <p> list in a database dump).
func Sniff(data []byte) bool {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	if bytes.HasPrefix(trimmed, []byte("<!doctype html")) || bytes.HasPrefix(trimmed, []byte("<html")) {
		return true
	}
	if bytes.Contains(trimmed, []byte("<body")) || bytes.Contains(trimmed, []byte("<head>")) {
		return true
	}
	if !bytes.HasPrefix(trimmed, []byte("<")) {
		return false
	}
	tags := 0
	for _, tag := range [][]byte{[]byte("<p>"), []byte("<p "), []byte("<br"), []byte("<div"), []byte("<td"), []byte("<span"), []byte("<table"), []byte("<li")} {
		tags += bytes.Count(trimmed, tag)
	}
	return tags >= 3
}

var metaCharset = regexp.MustCompile(`(?is)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// CharsetFromMeta returns the charset a page declares in a <meta> tag among
// its first 4 KiB, in lower case, or "". Pages often declare gb2312 and are
// UTF-8 (re-encoded by a crawler), so treat it as a hint for bytes that are
// not valid UTF-8, not as the truth.
func CharsetFromMeta(data []byte) string {
	m := metaCharset.FindSubmatch(data[:min(len(data), 4096)])
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}
