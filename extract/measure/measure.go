package measure

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/measures.tsv
var measuresTSV string

// Word is one measure word of the lexicon.
type Word struct {
	Word     string
	Category string
	// Canonical is the unit totals of this category are kept in, and Factor
	// converts a value in Word to Canonical.
	Canonical string
	Factor    float64
}

// Lexicon looks measure words up. It is read-only after Load.
type Lexicon struct {
	byWord map[string]Word
	// longestFirst lists words by decreasing rune length, for prefix matching.
	longestFirst []Word
	maxRunes     int
}

var (
	loadOnce sync.Once
	loaded   *Lexicon
	loadErr  error
)

// Default returns the embedded lexicon, parsed once.
func Default() *Lexicon {
	loadOnce.Do(func() { loaded, loadErr = Parse(measuresTSV) })
	if loadErr != nil {
		// The embedded file is checked by the tests; a failure here is a build defect.
		panic(loadErr)
	}
	return loaded
}

// Parse reads a lexicon in the data/measures.tsv format.
func Parse(data string) (*Lexicon, error) {
	lex := &Lexicon{byWord: map[string]Word{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 4 {
			return nil, fmt.Errorf("measures.tsv:%d: want 4 tab-separated columns, have %d", line, len(cols))
		}
		factor, err := strconv.ParseFloat(cols[3], 64)
		if err != nil || factor <= 0 {
			return nil, fmt.Errorf("measures.tsv:%d: bad factor %q", line, cols[3])
		}
		w := Word{Word: cols[0], Category: cols[1], Canonical: cols[2], Factor: factor}
		if _, dup := lex.byWord[w.Word]; dup {
			return nil, fmt.Errorf("measures.tsv:%d: %q listed twice", line, w.Word)
		}
		lex.byWord[w.Word] = w
		lex.longestFirst = append(lex.longestFirst, w)
		if n := len([]rune(w.Word)); n > lex.maxRunes {
			lex.maxRunes = n
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(lex.longestFirst, func(i, j int) bool {
		a, b := len([]rune(lex.longestFirst[i].Word)), len([]rune(lex.longestFirst[j].Word))
		if a != b {
			return a > b
		}
		return lex.longestFirst[i].Word < lex.longestFirst[j].Word
	})
	return lex, nil
}

// Lookup returns the entry of an exact measure word.
func (l *Lexicon) Lookup(word string) (Word, bool) {
	w, ok := l.byWord[word]
	return w, ok
}

// MatchPrefix returns the longest measure word that text[at:] starts with.
func (l *Lexicon) MatchPrefix(text []rune, at int) (Word, bool) {
	for n := min(l.maxRunes, len(text)-at); n >= 1; n-- {
		if w, ok := l.byWord[string(text[at:at+n])]; ok {
			return w, true
		}
	}
	return Word{}, false
}

// Words returns every entry, longest first.
func (l *Lexicon) Words() []Word { return append([]Word(nil), l.longestFirst...) }

// Version identifies the lexicon's content, so that incremental runs notice
// when it changed.
func (l *Lexicon) Version() string { return version(measuresTSV) }
