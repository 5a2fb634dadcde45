package htmltext

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/html"
)

//go:embed chrome.txt
var chromeData string

// chromeRules is chrome.txt parsed: tags dropped outright and class or id
// words that mark chrome.
type chromeRules struct {
	tags  map[string]bool
	words []string
}

var chrome = sync.OnceValue(func() chromeRules {
	rules := chromeRules{tags: map[string]bool{}}
	for _, line := range strings.Split(chromeData, "\n") {
		kind, value, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(kind, "#") {
			continue
		}
		switch kind {
		case "tag":
			rules.tags[strings.TrimSpace(value)] = true
		case "word":
			rules.words = append(rules.words, strings.TrimSpace(value))
		}
	}
	return rules
})

// invisibleTags hold no text a reader sees; dropping them is not worth
// reporting.
var invisibleTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"object": true, "canvas": true, "select": true, "button": true, "head": true,
}

// chromeWord returns the class or id token of n that marks chrome, with the
// attribute it was found in, or "" when there is none.
func (rules chromeRules) chromeWord(n *html.Node) (attribute, token string) {
	for _, attr := range n.Attr {
		if attr.Key != "class" && attr.Key != "id" {
			continue
		}
		for _, tok := range attributeTokens(attr.Val) {
			for _, word := range rules.words {
				if strings.HasPrefix(tok, word) {
					return attr.Key, tok
				}
			}
		}
	}
	return "", ""
}

// attributeTokens splits "mainNav side-menu" into main, nav, side, menu
// (lower case): tokens break at anything but letters and digits and where a
// lower-case letter meets an upper-case one.
func attributeTokens(value string) []string {
	var tokens []string
	var cur strings.Builder
	var prev rune
	emit := func() {
		if cur.Len() > 0 {
			tokens = append(tokens, strings.ToLower(cur.String()))
			cur.Reset()
		}
	}
	for _, r := range value {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			emit()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			emit()
			cur.WriteRune(r)
		default:
			cur.WriteRune(r)
		}
		prev = r
	}
	emit()
	return tokens
}

// hiddenReason says why n is not displayed, or "".
func hiddenReason(n *html.Node) string {
	for _, attr := range n.Attr {
		switch attr.Key {
		case "hidden":
			return "hidden attribute"
		case "style":
			style := strings.ReplaceAll(strings.ToLower(attr.Val), " ", "")
			if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
				return "hidden by style"
			}
		case "type":
			if n.Data == "input" && strings.EqualFold(attr.Val, "hidden") {
				return "hidden input"
			}
		}
	}
	return ""
}
