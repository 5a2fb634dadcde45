package extract

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed data/slogans.txt
var slogansTxt string

//go:embed data/count_rules.tsv
var countRulesTSV string

// countRules are the data-driven rules that tell counts from numbers that
// are names, ordinals or list announcements.
type countRules struct {
	slogans           []string // longest first
	ordinalMeasures   map[string]bool
	ordinalFollowers  []string
	falseMeasures     []string
	abstractHeads     []string
	durationFollowers []string
	rankMeasures      map[string]bool
}

func parseCountRules() (*countRules, error) {
	r := &countRules{ordinalMeasures: map[string]bool{}, rankMeasures: map[string]bool{}}
	for _, line := range strings.Split(slogansTxt, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			r.slogans = append(r.slogans, line)
		}
	}
	sort.SliceStable(r.slogans, func(i, j int) bool { return len(r.slogans[i]) > len(r.slogans[j]) })
	for n, line := range strings.Split(countRulesTSV, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, words, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("count_rules.tsv:%d: want kind<TAB>words", n+1)
		}
		list := strings.Split(words, ",")
		switch kind {
		case "ordinal-measures":
			for _, w := range list {
				r.ordinalMeasures[w] = true
			}
		case "ordinal-followers":
			r.ordinalFollowers = list
		case "false-measures":
			r.falseMeasures = list
		case "abstract-heads":
			r.abstractHeads = list
		case "duration-followers":
			r.durationFollowers = list
		case "rank-measures":
			for _, w := range list {
				r.rankMeasures[w] = true
			}
		default:
			return nil, fmt.Errorf("count_rules.tsv:%d: unknown kind %q", n+1, kind)
		}
	}
	return r, nil
}

// hasPrefixAt reports whether text[at:] starts with any of words.
func hasPrefixAt(text []rune, at int, words []string) (string, bool) {
	for _, w := range words {
		if runesHavePrefix(text, at, w) {
			return w, true
		}
	}
	return "", false
}

// runesHavePrefix reports whether text[at:] starts with w, without
// allocating.
func runesHavePrefix(text []rune, at int, w string) bool {
	k := at
	for _, r := range w {
		if k >= len(text) || text[k] != r {
			return false
		}
		k++
	}
	return true
}

// inSlogan reports whether the span [start, end) lies inside an occurrence
// of a listed slogan.
func (r *countRules) inSlogan(text []rune, start, end int) bool {
	for _, s := range r.slogans {
		sr := []rune(s)
		// the slogan must cover the span; try every alignment that does
		for at := max(0, end-len(sr)); at <= start && at+len(sr) <= len(text); at++ {
			if string(text[at:at+len(sr)]) == s {
				return true
			}
		}
	}
	return false
}
