package extract

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

//go:embed data/dict.txt.gz
var dictGz []byte

//go:embed data/lexicon.tsv
var domainLexicon string

// Token is a word found by the segmenter, with its part of speech (gse's
// tags: n noun, v verb, vn verbal noun, ns place, nt organisation, x other …)
// and its span in runes of the text it was cut from.
type Token struct {
	Text       string
	Pos        string
	Start, End int
}

// Segmenter cuts Chinese text into words. It is built once per process and
// is read-only afterwards, so workers share it.
type Segmenter struct {
	seg gse.Segmenter
}

// SegmenterOptions lists words to add to the curated dictionary.
type SegmenterOptions struct {
	// UserWords are loaded before the main dictionary so that they win over
	// its entries (gse keeps the first load of a duplicate word).
	UserWords []UserWord
}

// UserWord is one word of a user dictionary.
type UserWord struct {
	Text string
	Freq float64
	Pos  string
}

// NewSegmenter loads the embedded curated dictionary, the domain lexicon and
// the given user words.
func NewSegmenter(opts SegmenterOptions) (*Segmenter, error) {
	s := &Segmenter{}
	s.seg.SkipLog = true
	var user strings.Builder
	for _, w := range opts.UserWords {
		fmt.Fprintf(&user, "%s %g %s\n", w.Text, w.Freq, w.Pos)
	}
	for _, line := range strings.Split(domainLexicon, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		user.WriteString(strings.ReplaceAll(line, "\t", " "))
		user.WriteByte('\n')
	}
	zr, err := gzip.NewReader(bytes.NewReader(dictGz))
	if err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	main, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	// One load: user words first (first load wins), then the main
	// dictionary, so that CalcToken runs once.
	if err := s.seg.LoadDictStr(user.String() + string(main)); err != nil {
		return nil, fmt.Errorf("segmenter dictionary: %w", err)
	}
	return s, nil
}

// Cut segments text[start:end] and returns tokens with spans in the same
// coordinates as text. Long stretches are cut in pieces at punctuation so
// that gse never sees a huge string.
func (s *Segmenter) Cut(text []rune, start, end int) []Token {
	var out []Token
	const maxPiece = 512
	for start < end {
		stop := min(end, start+maxPiece)
		if stop < end {
			for k := stop; k > start+maxPiece/2; k-- {
				if isClauseBreak(text[k-1]) {
					stop = k
					break
				}
			}
		}
		out = s.cutPiece(text, start, stop, out)
		start = stop
	}
	return out
}

func (s *Segmenter) cutPiece(text []rune, start, end int, out []Token) []Token {
	pos := start
	upper := false
	for _, r := range text[start:end] {
		upper = upper || unicode.IsUpper(r)
	}
	for _, sp := range s.seg.Pos(string(text[start:end]), false) {
		// gse returns every rune of its input in order, but lower-cases
		// Latin letters (LED → led): take lengths from it, text from ours.
		n := utf8.RuneCountInString(sp.Text)
		if n == 0 || pos >= end {
			continue
		}
		stop := min(end, pos+n)
		word := sp.Text
		if upper || stop-pos != n {
			word = string(text[pos:stop]) // gse lower-cased it
		}
		out = append(out, Token{Text: word, Pos: sp.Pos, Start: pos, End: stop})
		pos = stop
	}
	if pos < end {
		// never leave runes uncovered, whatever gse did
		out = append(out, Token{Text: string(text[pos:end]), Pos: "x", Start: pos, End: end})
	}
	return out
}

func isClauseBreak(r rune) bool {
	switch r {
	case '，', '。', '；', '：', '！', '？', '、', ',', ';', '!', '?', '\n', ' ', '）', ')':
		return true
	}
	return false
}

// SegmenterLoader builds the segmenter once, on first use or ahead of time
// in the background (Preload), so that a run can read and clean its first
// files while the dictionary loads.
type SegmenterLoader struct {
	opts SegmenterOptions
	once sync.Once
	seg  *Segmenter
	err  error
}

// NewSegmenterLoader returns a loader that has not loaded anything yet.
func NewSegmenterLoader(opts SegmenterOptions) *SegmenterLoader {
	return &SegmenterLoader{opts: opts}
}

// Preload starts loading in the background.
func (l *SegmenterLoader) Preload() { go l.Get() }

// Get returns the segmenter, loading it if needed.
func (l *SegmenterLoader) Get() (*Segmenter, error) {
	l.once.Do(func() { l.seg, l.err = NewSegmenter(l.opts) })
	return l.seg, l.err
}
