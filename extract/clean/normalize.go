package clean

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/compat.tsv data/radicals_supplement.tsv data/t2s.tsv data/boilerplate_phrases.tsv data/self_reference.txt data/unit_suffixes.txt
var dataFiles embed.FS

// tables holds the character maps; loaded once, read only afterwards.
type tables struct {
	compat map[rune]rune // radicals, compatibility ideographs
	t2s    map[rune]rune // traditional → simplified
	// Dense copies for the Basic Multilingual Plane: a map lookup per
	// Chinese character was a third of Process's time. 0 means unchanged.
	compatBMP, t2sBMP []rune
}

var loadTables = sync.OnceValue(func() *tables {
	t := &tables{compat: map[rune]rune{}, t2s: map[rune]rune{}}
	for _, name := range []string{"data/compat.tsv", "data/radicals_supplement.tsv"} {
		mustReadPairs(name, t.compat)
	}
	mustReadPairs("data/t2s.tsv", t.t2s)
	t.compatBMP, t.t2sBMP = make([]rune, 0x10000), make([]rune, 0x10000)
	for from, to := range t.compat {
		if from < 0x10000 {
			t.compatBMP[from] = to
		}
	}
	for from, to := range t.t2s {
		if from < 0x10000 {
			t.t2sBMP[from] = to
		}
	}
	return t
})

// mustReadPairs reads "from<TAB>to" lines of one rune each. The files are
// embedded, so a malformed line is a build defect and panics in every test.
func mustReadPairs(name string, into map[rune]rune) {
	data, err := dataFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	scanner := bufio.NewScanner(strings.NewReader(string(data)))
	for line := 1; scanner.Scan(); line++ {
		text := scanner.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		from, to, ok := strings.Cut(text, "\t")
		if !ok || utf8.RuneCountInString(from) != 1 || utf8.RuneCountInString(to) != 1 {
			panic(fmt.Sprintf("%s:%d: want one rune, a tab, one rune: %q", name, line, text))
		}
		f, _ := utf8.DecodeRuneInString(from)
		r, _ := utf8.DecodeRuneInString(to)
		into[f] = r
	}
}

// NormalizeRune maps one code point to its matching form (see the package
// documentation). It never changes the number of code points.
func NormalizeRune(r rune, opts Options) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000:
		return ' '
	case r < 0x2E80:
		return r
	}
	t := loadTables()
	if r < 0x10000 {
		if c := t.compatBMP[r]; c != 0 {
			r = c
		}
	} else if c, ok := t.compat[r]; ok {
		r = c
	}
	if opts.T2S {
		if r < 0x10000 {
			if s := t.t2sBMP[r]; s != 0 {
				r = s
			}
		} else if s, ok := t.t2s[r]; ok {
			r = s
		}
	}
	return r
}

// Normalize returns the normalised copy of text, of the same length.
func Normalize(text []rune, opts Options) []rune {
	out := make([]rune, len(text))
	for i, r := range text {
		out[i] = NormalizeRune(r, opts)
	}
	return out
}

// NormalizeString is Normalize for a string, used for phrases and tests.
func NormalizeString(s string, opts Options) string {
	return string(Normalize([]rune(s), opts))
}

// DataVersion identifies the embedded tables (character maps, boilerplate
// phrases), so that an incremental run notices when cleaning changed.
var DataVersion = sync.OnceValue(func() string {
	h := sha256.New()
	entries, _ := dataFiles.ReadDir("data")
	for _, e := range entries {
		data, _ := dataFiles.ReadFile("data/" + e.Name())
		fmt.Fprintf(h, "%s\x00%d\x00", e.Name(), len(data))
		h.Write(data)
	}
	return "clean-" + hex.EncodeToString(h.Sum(nil)[:6])
})
