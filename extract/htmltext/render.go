package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags start and end a line.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "details": true, "dialog": true,
	"dir": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true,
	"html": true, "legend": true, "li": true, "main": true, "menu": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "summary": true, "table": true,
	"tbody": true, "tfoot": true, "thead": true, "tr": true, "ul": true,
}

// line is one line of rendered text with the block element it started in.
type line struct {
	text      string
	owner     *html.Node
	runes     int
	linkRunes int
}

// renderer turns a DOM into lines, dropping chrome and recording what it
// dropped.
type renderer struct {
	rules     chromeRules
	pageRunes int // text of the whole page, to protect page-wide wrappers
	lines     []line
	dropped   []Dropped

	cur          strings.Builder
	curRunes     int
	curLinks     int
	curOwner     *html.Node
	owners       []*html.Node
	linkDepth    int
	pendingSpace bool
	segmentBreak bool // the pending space held a newline
	last         rune
	cells        []int // cells seen in each open table row
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.DocumentNode:
		r.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	tag := n.Data
	if invisibleTags[tag] {
		return
	}
	if reason := r.dropReason(n); reason != "" {
		r.flush()
		if text := renderAll(n); text != "" {
			r.dropped = append(r.dropped, Dropped{Reason: reason, Text: text})
		}
		return
	}
	switch {
	case tag == "br":
		r.flush()
	case tag == "td" || tag == "th":
		if k := len(r.cells); k > 0 {
			if r.cells[k-1] > 0 && r.curRunes > 0 {
				r.cur.WriteByte('\t')
				r.last, r.pendingSpace = '\t', false
			}
			r.cells[k-1]++
		}
		r.owners = append(r.owners, n)
		r.children(n)
		r.owners = r.owners[:len(r.owners)-1]
	case tag == "a":
		r.linkDepth++
		r.children(n)
		r.linkDepth--
	case blockTags[tag]:
		r.flush()
		r.owners = append(r.owners, n)
		if tag == "tr" {
			r.cells = append(r.cells, 0)
		}
		r.children(n)
		r.flush()
		if tag == "tr" {
			r.cells = r.cells[:len(r.cells)-1]
		}
		r.owners = r.owners[:len(r.owners)-1]
	default:
		r.children(n)
	}
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

// dropReason says why element n is chrome, or "".
func (r *renderer) dropReason(n *html.Node) string {
	if r.rules.tags[n.Data] {
		return "tag " + n.Data
	}
	if reason := hiddenReason(n); reason != "" {
		return reason
	}
	if n.Data == "html" || n.Data == "body" {
		return ""
	}
	if attribute, token := r.rules.chromeWord(n); token != "" {
		if 2*textRunes(n) < r.pageRunes {
			return attribute + " " + token
		}
	}
	return ""
}

// text appends the text of a text node, collapsing white space as a
// browser does. A line break between two wide (CJK) characters vanishes, as
// CSS prescribes: Chinese source wraps lines mid-sentence.
func (r *renderer) text(s string) {
	for _, c := range s {
		if c == '\ufeff' || c == '\u200b' { // stray BOMs and zero-width spaces show as nothing
			continue
		}
		if isCollapsibleSpace(c) {
			r.pendingSpace = true
			if c == '\n' || c == '\r' {
				r.segmentBreak = true
			}
			continue
		}
		if r.pendingSpace && r.curRunes > 0 && r.last != '\t' && !(r.segmentBreak && isWide(r.last) && isWide(c)) {
			r.cur.WriteByte(' ')
			r.curRunes++
			if r.linkDepth > 0 {
				r.curLinks++
			}
		}
		r.pendingSpace, r.segmentBreak = false, false
		if r.curRunes == 0 && len(r.owners) > 0 {
			r.curOwner = r.owners[len(r.owners)-1]
		}
		r.cur.WriteRune(c)
		r.curRunes++
		if r.linkDepth > 0 {
			r.curLinks++
		}
		r.last = c
	}
}

func (r *renderer) flush() {
	text := strings.TrimRightFunc(strings.TrimLeft(r.cur.String(), " \u3000"), unicode.IsSpace)
	if text != "" {
		runes := utf8.RuneCountInString(text)
		r.lines = append(r.lines, line{text: text, owner: r.curOwner, runes: runes, linkRunes: min(r.curLinks, runes)})
	}
	r.cur.Reset()
	r.curRunes, r.curLinks = 0, 0
	r.pendingSpace, r.segmentBreak = false, false
	r.last = 0
	r.curOwner = nil
}

func isCollapsibleSpace(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0':
		return true
	}
	return false
}

// isWide reports East Asian wide characters: ideographs, kana, Hangul and
// CJK punctuation.
func isWide(c rune) bool {
	return c >= 0x2E80 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF ||
		c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60 || c >= 0x20000 && c <= 0x3FFFF
}

// textRunes counts the runes of visible text under n.
func textRunes(n *html.Node) int {
	if n.Type == html.TextNode {
		return utf8.RuneCountInString(strings.TrimSpace(n.Data))
	}
	if n.Type == html.ElementNode && invisibleTags[n.Data] {
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textRunes(c)
	}
	return total
}

// renderAll renders the text under n, dropping only invisible content: the
// text reported for a dropped element.
func renderAll(n *html.Node) string {
	sub := renderer{rules: chromeRules{tags: map[string]bool{}}}
	sub.owners = []*html.Node{n}
	sub.children(n)
	sub.flush()
	texts := make([]string, len(sub.lines))
	for i, l := range sub.lines {
		texts[i] = l.text
	}
	return strings.Join(texts, "\n")
}
