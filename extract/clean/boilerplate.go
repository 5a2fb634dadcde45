package clean

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Reasons carried by removed spans.
const (
	ReasonFrontMatter    = "front-matter"     // markdown front matter between --- lines
	ReasonMarkup         = "markup"           // image links, HTML tag lines, **bold**, # marks, rules
	ReasonPageCounter    = "page-counter"     // 1/6
	ReasonDownloadPrompt = "download-prompt"  // a site speaking of its download or upload
	ReasonCopyright      = "copyright"        // 版权所有, 转载请…
	ReasonSiteInfo       = "site-info"        // ICP 备案, 主办单位, e-mail
	ReasonURL            = "url"              // a line that is an address
	ReasonToolbar        = "toolbar"          // 字号 大 中 小, 打印, 分享到
	ReasonNavigation     = "navigation"       // menus and breadcrumbs
	ReasonMetadata       = "metadata"         // 来源, 责任编辑, 上传人, 文件大小, file names
	ReasonRelatedList    = "related-list"     // 相关文档 and the titles after it
	ReasonRepeatedLine   = "repeated-line"    // a short non-prose line seen before in the file
	ReasonLowProseHeader = "low-prose-header" // non-prose lines before the first prose
	ReasonLowProseFooter = "low-prose-footer" // non-prose lines after the last prose
)

// phraseScope says how much of a line a boilerplate phrase must account for.
type phraseScope int

const (
	scopeExact phraseScope = iota // the whole stripped line
	scopeShort                    // a short line without sentence punctuation
	scopeLine                     // any line without 。 up to 150 characters
)

type phrase struct {
	text   []rune
	scope  phraseScope
	reason string
}

type boilerplateData struct {
	phrases       []phrase
	exact         map[string]string // stripped line → reason
	selfReference [][]rune
	// selfReferenceByFirst indexes selfReference by first rune, so a
	// sentence is scanned once for all words.
	selfReferenceByFirst map[rune][]int
}

var loadBoilerplate = sync.OnceValue(func() *boilerplateData {
	data := &boilerplateData{exact: map[string]string{}}
	raw, err := dataFiles.ReadFile("data/boilerplate_phrases.tsv")
	if err != nil {
		panic(err)
	}
	scanner := bufio.NewScanner(strings.NewReader(string(raw)))
	for n := 1; scanner.Scan(); n++ {
		text := scanner.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 {
			panic(fmt.Sprintf("boilerplate_phrases.tsv:%d: want phrase, scope, reason: %q", n, text))
		}
		p := phrase{text: []rune(NormalizeString(fields[0], Options{})), reason: fields[2]}
		switch fields[1] {
		case "exact":
			p.scope = scopeExact
			data.exact[string(p.text)] = p.reason
			continue
		case "short":
			p.scope = scopeShort
		case "line":
			p.scope = scopeLine
		default:
			panic(fmt.Sprintf("boilerplate_phrases.tsv:%d: unknown scope %q", n, fields[1]))
		}
		data.phrases = append(data.phrases, p)
	}
	raw, err = dataFiles.ReadFile("data/self_reference.txt")
	if err != nil {
		panic(err)
	}
	for _, text := range strings.Split(string(raw), "\n") {
		text = strings.TrimSpace(text)
		if text != "" && !strings.HasPrefix(text, "#") {
			data.selfReference = append(data.selfReference, []rune(NormalizeString(text, Options{})))
		}
	}
	data.selfReferenceByFirst = map[rune][]int{}
	for i, w := range data.selfReference {
		data.selfReferenceByFirst[w[0]] = append(data.selfReferenceByFirst[w[0]], i)
	}
	return data
})

// shape counts what tells prose from chrome in a piece of a line.
type shape struct {
	runes      int // not white space
	han        int
	digits     int
	latin      int
	stops      int // 。 ! ? ; (after normalisation)
	periods    int // 。 and ; alone: the stops that close a statement
	commas     int // , 、
	separators int // | > · / _ • › » and friends
}

func measure(norm []rune, start, end int, removed []bool) shape {
	var s shape
	for i := start; i < end; i++ {
		if removed != nil && removed[i] {
			continue
		}
		r := norm[i]
		switch {
		case isSpace(r):
			continue
		case isHan(r):
			s.han++
		case r >= '0' && r <= '9':
			s.digits++
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			s.latin++
		}
		s.runes++
		switch r {
		case '。', ';':
			s.stops++
			s.periods++
		case '!', '?':
			s.stops++
		case ',', '、':
			s.commas++
		case '|', '>', '·', '/', '_', '•', '›', '»', '<', '«', '丨', '｜':
			s.separators++
		}
	}
	return s
}

// prose is the line shape of running text: Chinese, with sentence
// punctuation, not a row of menu items.
func (s shape) prose() bool {
	if s.han < 8 || s.han*2 < s.runes {
		return false
	}
	if s.separators >= 2 && s.stops == 0 {
		// 标题_频道_网站 and 首页 | 新闻 | …: joined menu items or a page title
		return false
	}
	if s.periods == 0 && s.han >= proseDensityFrom && (s.stops+s.commas)*hanPerPunctuation < s.han {
		// Headlines glued into one line (a ticker, a related list) run on
		// for forty characters and more without a comma, and end in ? or !
		// if anything; running text that long has a full stop.
		return false
	}
	return s.stops >= 1 || (s.commas >= 1 && s.han >= 20) || s.han >= 60
}

// Punctuation density of prose: a line of at least proseDensityFrom Han
// characters needs a stop or comma per hanPerPunctuation of them.
const (
	proseDensityFrom  = 40
	hanPerPunctuation = 30
)

// spanSet answers "is this position removed" in amortised constant time for
// increasing positions, and by binary search otherwise.
type spanSet struct {
	spans []Removed // sorted, non-overlapping
}

func (s *spanSet) has(pos int) bool {
	i := sort.Search(len(s.spans), func(i int) bool { return s.spans[i].End > pos })
	return i < len(s.spans) && s.spans[i].Start <= pos
}

// mergeSpans sorts spans and merges overlapping ones; the earlier span's
// reason wins, so specific reasons given first beat positional ones.
func mergeSpans(spans []Removed) []Removed {
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:0]
	for _, s := range spans {
		if s.End <= s.Start {
			continue
		}
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			last := &out[n-1]
			if s.Start == last.End && s.Reason != last.Reason {
				out = append(out, s)
				continue
			}
			if s.End > last.End {
				if s.Start < last.End || s.Reason == last.Reason {
					last.End = s.End
				}
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
