package numeral

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
)

// The data files are parsed once at start-up; after that the tables are only read.

//go:embed data/characters.tsv
var charactersTSV string

//go:embed data/approx.tsv
var approxTSV string

//go:embed data/nonnumeral_words.txt
var nonNumeralWordsTXT string

//go:embed data/suffix_stop.tsv
var suffixStopTSV string

//go:embed data/number_words.tsv
var vagueTSV string

type charClass uint8

const (
	classNone charClass = iota
	classDigit
	classSmall
	classBig
	classTens
	classPoint
	classNegative
	classApprox
	classFew
)

type charInfo struct {
	class     charClass
	value     float64
	lone      bool // dropped when it is a numeral on its own
	noDecimal bool // not a digit after 点 nor in digit-by-digit numerals
}

// maxWordRunes bounds the words of the lexicons so they can be map keys without allocation.
const maxWordRunes = 6

type wordKey [maxWordRunes]rune

func keyOf(runes []rune) (wordKey, bool) {
	var k wordKey
	if len(runes) > maxWordRunes {
		return k, false
	}
	copy(k[:], runes)
	return k, true
}

type approxEntry struct {
	marker   string
	position string
	bound    Bound
}

type vagueEntry struct {
	runes     []rune
	low, high float64
}

// runeSet is a bitset over the Basic Multilingual Plane: the scan asks it first so that
// the maps are consulted only for the few runes that matter.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r < 0x10000 {
		s[r>>6] |= 1 << (uint(r) & 63)
	}
}

func (s *runeSet) has(r rune) bool {
	return r < 0x10000 && s[r>>6]&(1<<(uint(r)&63)) != 0
}

type lexicon struct {
	chars           map[rune]charInfo
	charSet         runeSet // keys of chars
	startSet        runeSet // runes that may begin a numeral
	prefixApprox    map[wordKey]approxEntry
	suffixApprox    map[wordKey]approxEntry
	innerApprox     map[rune]approxEntry
	maxPrefix       int
	maxSuffix       int
	nonNumeralWords map[wordKey]bool
	maxNonNumeral   int
	suffixStop      map[rune]map[rune]bool
	vague           map[rune][]vagueEntry // by first rune
}

var lex = loadLexicon()

func dataLines(text string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

func loadLexicon() *lexicon {
	l := &lexicon{
		chars:           map[rune]charInfo{},
		prefixApprox:    map[wordKey]approxEntry{},
		suffixApprox:    map[wordKey]approxEntry{},
		innerApprox:     map[rune]approxEntry{},
		nonNumeralWords: map[wordKey]bool{},
		suffixStop:      map[rune]map[rune]bool{},
		vague:           map[rune][]vagueEntry{},
	}
	classes := map[string]charClass{"digit": classDigit, "small": classSmall, "big": classBig,
		"tens": classTens, "point": classPoint, "negative": classNegative, "approx": classApprox, "few": classFew}
	for _, f := range dataLines(charactersTSV) {
		r := []rune(f[0])[0]
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			panic("numeral: data/characters.tsv: " + err.Error())
		}
		info := charInfo{class: classes[f[1]], value: v}
		if len(f) > 3 {
			info.lone = strings.Contains(f[3], "lone")
			info.noDecimal = strings.Contains(f[3], "nodecimal")
		}
		l.chars[r] = info
		l.charSet.add(r)
	}
	for _, f := range dataLines(approxTSV) {
		e := approxEntry{marker: f[0], position: f[1], bound: Bound(f[2])}
		runes := []rune(f[0])
		k, ok := keyOf(runes)
		if !ok {
			panic("numeral: data/approx.tsv: marker too long: " + f[0])
		}
		switch e.position {
		case "inner":
			l.innerApprox[runes[0]] = e
		case "prefix":
			l.prefixApprox[k] = e
			l.maxPrefix = max(l.maxPrefix, len(runes))
		case "suffix":
			l.suffixApprox[k] = e
			l.maxSuffix = max(l.maxSuffix, len(runes))
		}
	}
	for _, f := range dataLines(nonNumeralWordsTXT) {
		runes := []rune(f[0])
		k, ok := keyOf(runes)
		if !ok {
			panic("numeral: data/nonnumeral_words.txt: word too long: " + f[0])
		}
		l.nonNumeralWords[k] = true
		l.maxNonNumeral = max(l.maxNonNumeral, len(runes))
	}
	for _, f := range dataLines(suffixStopTSV) {
		set := map[rune]bool{}
		for _, r := range f[1] {
			set[r] = true
		}
		l.suffixStop[[]rune(f[0])[0]] = set
	}
	for _, f := range dataLines(vagueTSV) {
		runes := []rune(f[0])
		e := vagueEntry{runes: runes, low: parseBoundValue(f[1]), high: parseBoundValue(f[2])}
		l.vague[runes[0]] = append(l.vague[runes[0]], e)
	}
	for r, info := range l.chars {
		switch info.class {
		case classDigit, classSmall, classBig, classTens, classNegative, classFew:
			l.startSet.add(r)
		}
	}
	for r := range l.vague {
		l.startSet.add(r)
	}
	// Digits, signs, URLs (h, w), and the starts of 上百, 半成, 数十, 打对折.
	for _, r := range "0123456789０１２３４５６７８９.．-－hw上半数对對" {
		l.startSet.add(r)
	}
	return l
}

func parseBoundValue(s string) float64 {
	if s == "inf" {
		return math.Inf(1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic("numeral: data/vague.tsv: " + err.Error())
	}
	return v
}

// info returns the class of a Chinese numeral character; Arabic digits (ASCII and
// full-width) are read by the Arabic reader instead.
func (l *lexicon) info(r rune) charInfo {
	if !l.charSet.has(r) {
		return charInfo{}
	}
	return l.chars[r]
}
