package analyze

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/bulletin-tool/bulletin/extract/measure"
)

//go:embed data/nonadditive.txt
var nonAdditiveText string

//go:embed data/multipliers.tsv
var multipliersText string

// multiplier is a prefix such as 万 in 万元 that scales a measure word.
type multiplier struct {
	prefix string
	factor float64
}

// tables holds the parsed data files; they are read-only after parsing.
type tables struct {
	nonAdditive map[string]bool
	multipliers []multiplier // longest prefix first, as listed
}

var (
	tablesOnce sync.Once
	parsed     tables
	tablesErr  error
)

func loadTables() tables {
	tablesOnce.Do(func() { parsed, tablesErr = parseTables(nonAdditiveText, multipliersText) })
	if tablesErr != nil {
		// The embedded files are checked by the tests; a failure is a build defect.
		panic(tablesErr)
	}
	return parsed
}

func parseTables(nonAdditive, multipliers string) (tables, error) {
	t := tables{nonAdditive: map[string]bool{}}
	for _, line := range dataLines(nonAdditive) {
		t.nonAdditive[line.text] = true
	}
	for _, line := range dataLines(multipliers) {
		cols := strings.Split(line.text, "\t")
		if len(cols) != 2 {
			return t, fmt.Errorf("multipliers.tsv:%d: want 2 tab-separated columns, have %d", line.number, len(cols))
		}
		f, err := strconv.ParseFloat(cols[1], 64)
		if err != nil || f <= 0 {
			return t, fmt.Errorf("multipliers.tsv:%d: bad factor %q", line.number, cols[1])
		}
		t.multipliers = append(t.multipliers, multiplier{prefix: cols[0], factor: f})
	}
	return t, nil
}

type dataLine struct {
	number int
	text   string
}

func dataLines(s string) []dataLine {
	var out []dataLine
	sc := bufio.NewScanner(strings.NewReader(s))
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		out = append(out, dataLine{number: n, text: text})
	}
	return out
}

// conversion is how a measure word enters totals.
type conversion struct {
	category  string
	canonical string
	factor    float64
	additive  bool
}

// convert finds the category, canonical measure and factor of a measure word.
// The lexicon decides; a word it lacks is tried without a multiplier prefix
// (万元 → 元 × 1e4); failing that the extractor's category is kept and the
// word is its own canonical measure, so unknown words are never mixed with
// known ones.
func convert(lex *measure.Lexicon, t tables, word, category string) conversion {
	if w, ok := lex.Lookup(word); ok {
		return conversion{w.Category, w.Canonical, w.Factor, !t.nonAdditive[w.Category]}
	}
	for _, m := range t.multipliers {
		rest, ok := strings.CutPrefix(word, m.prefix)
		if !ok || rest == "" {
			continue
		}
		if w, ok := lex.Lookup(rest); ok {
			return conversion{w.Category, w.Canonical, w.Factor * m.factor, !t.nonAdditive[w.Category]}
		}
	}
	if category == "" {
		category = "unknown"
	}
	return conversion{category, word, 1, !t.nonAdditive[category]}
}
