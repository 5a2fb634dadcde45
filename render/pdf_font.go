package render

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"unicode/utf8"
)

// The report's font: Noto Sans SC Regular, gzipped (see fonts/README.md).
// It is the only face embedded, to keep the binary small; headings are set
// apart by size and colour rather than weight.
//
//go:embed fonts/NotoSansSC-Regular.ttf.gz
var embeddedFontGzip []byte

// embeddedFont decompresses the embedded font once per process: inflating
// 6 MB costs tens of milliseconds and every report needs the same bytes,
// which are never modified after this point.
var embeddedFont = sync.OnceValues(func() ([]byte, error) {
	reader, err := gzip.NewReader(bytes.NewReader(embeddedFontGzip))
	if err != nil {
		return nil, fmt.Errorf("embedded font: %w", err)
	}
	data, err := io.ReadAll(reader)
	if err != nil {
		return nil, fmt.Errorf("embedded font: %w", err)
	}
	return data, nil
})

// embeddedFontCoverage parses the embedded font's cmap once per process.
var embeddedFontCoverage = sync.OnceValues(func() (*fontCoverage, error) {
	data, err := embeddedFont()
	if err != nil {
		return nil, err
	}
	return parseTrueType(data)
})

// sfnt versions a font file starts with.
const (
	sfntTrueType    = 0x00010000
	sfntAppleTrue   = 0x74727565 // 'true'
	sfntOpenTypeCFF = 0x4F54544F // 'OTTO'
	sfntCollection  = 0x74746366 // 'ttcf'
)

// ErrUnsupportedFont is returned for font files fpdf cannot embed. fpdf
// itself notices only when the document is written, and then prints to
// stdout instead of returning an error, so fonts are checked beforehand.
var ErrUnsupportedFont = errors.New("unsupported font")

// fontCoverage tells which characters a font draws. It is built from the
// format 4 (BMP) cmap subtable because that is the only one fpdf reads:
// a character beyond the BMP cannot be drawn by fpdf even when the font has
// it (fpdf's UTF-16 conversion handles 1- to 3-byte UTF-8 only).
type fontCoverage struct {
	bits [0x10000 / 64]uint64
}

// Has reports whether r can be drawn.
func (c *fontCoverage) Has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return c.bits[r/64]&(1<<(uint(r)%64)) != 0
}

func (c *fontCoverage) set(r int) {
	c.bits[r/64] |= 1 << (uint(r) % 64)
}

// loadFont returns the font bytes and their coverage: the user's file when
// path is set, else the embedded font.
func loadFont(path string) ([]byte, *fontCoverage, error) {
	if path == "" {
		data, err := embeddedFont()
		if err != nil {
			return nil, nil, err
		}
		coverage, err := embeddedFontCoverage()
		return data, coverage, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("font: %w", err)
	}
	coverage, err := parseTrueType(data)
	if err != nil {
		return nil, nil, fmt.Errorf("font %s: %w", filepath.Base(path), err)
	}
	return data, coverage, nil
}

// parseTrueType checks that data is a single-face glyf TrueType font and
// reads its Unicode BMP cmap.
func parseTrueType(data []byte) (*fontCoverage, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("%w: %d bytes is too short for a font", ErrUnsupportedFont, len(data))
	}
	switch version := binary.BigEndian.Uint32(data); version {
	case sfntTrueType, sfntAppleTrue:
	case sfntCollection:
		return nil, fmt.Errorf("%w: a TrueType collection (.ttc); extract one face to a .ttf first", ErrUnsupportedFont)
	case sfntOpenTypeCFF:
		return nil, fmt.Errorf("%w: an OpenType font with CFF outlines (.otf); use a TrueType (glyf) .ttf", ErrUnsupportedFont)
	default:
		return nil, fmt.Errorf("%w: not a TrueType font (sfnt version %#08x)", ErrUnsupportedFont, version)
	}
	tables := map[string][]byte{}
	count := int(binary.BigEndian.Uint16(data[4:]))
	for i := range count {
		entry := 12 + 16*i
		if entry+16 > len(data) {
			return nil, fmt.Errorf("%w: truncated table directory", ErrUnsupportedFont)
		}
		tag := string(data[entry : entry+4])
		offset := int(binary.BigEndian.Uint32(data[entry+8:]))
		length := int(binary.BigEndian.Uint32(data[entry+12:]))
		if offset < 0 || length < 0 || offset+length > len(data) {
			return nil, fmt.Errorf("%w: table %q lies outside the file", ErrUnsupportedFont, tag)
		}
		tables[tag] = data[offset : offset+length]
	}
	for _, tag := range []string{"glyf", "loca", "cmap", "hmtx", "head"} {
		if _, ok := tables[tag]; !ok {
			return nil, fmt.Errorf("%w: no %q table", ErrUnsupportedFont, tag)
		}
	}
	return parseCmapFormat4(tables["cmap"])
}

// parseCmapFormat4 reads the first (3,1) or Unicode-platform format 4
// subtable, as fpdf does, and records every character mapped to a glyph
// other than .notdef.
func parseCmapFormat4(cmap []byte) (*fontCoverage, error) {
	u16 := func(at int) (int, bool) {
		if at < 0 || at+2 > len(cmap) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(cmap[at:])), true
	}
	subtables, ok := u16(2)
	if !ok {
		return nil, fmt.Errorf("%w: truncated cmap", ErrUnsupportedFont)
	}
	start := -1
	for i := range subtables {
		platform, _ := u16(4 + 8*i)
		encoding, _ := u16(6 + 8*i)
		if 12+8*i > len(cmap) {
			break
		}
		offset := int(binary.BigEndian.Uint32(cmap[8+8*i:]))
		if (platform == 3 && encoding == 1) || platform == 0 {
			if format, ok := u16(offset); ok && format == 4 {
				start = offset
				break
			}
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("%w: no Unicode BMP (format 4) cmap", ErrUnsupportedFont)
	}
	segX2, ok := u16(start + 6)
	if !ok {
		return nil, fmt.Errorf("%w: truncated cmap", ErrUnsupportedFont)
	}
	ends := start + 14
	starts := ends + segX2 + 2
	deltas := starts + segX2
	rangeOffsets := deltas + segX2
	coverage := &fontCoverage{}
	for segment := 0; segment < segX2/2; segment++ {
		end, ok1 := u16(ends + 2*segment)
		first, ok2 := u16(starts + 2*segment)
		delta, ok3 := u16(deltas + 2*segment)
		rangeOffset, ok4 := u16(rangeOffsets + 2*segment)
		if !(ok1 && ok2 && ok3 && ok4) {
			return nil, fmt.Errorf("%w: truncated cmap", ErrUnsupportedFont)
		}
		for char := first; char <= end && char != 0xFFFF; char++ {
			glyph := 0
			if rangeOffset == 0 {
				glyph = (char + delta) & 0xFFFF
			} else {
				at := rangeOffsets + 2*segment + rangeOffset + 2*(char-first)
				if g, ok := u16(at); ok && g != 0 {
					glyph = (g + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				coverage.set(char)
			}
		}
	}
	return coverage, nil
}

// missingGlyphs collects the characters a document needs but its font
// lacks, in first-seen order, each with the first text it appeared in.
type missingGlyphs struct {
	coverage *fontCoverage
	seen     map[rune]bool
	warnings []string
}

// replacementGlyph stands in for a character the font cannot draw.
const replacementGlyph = "□"

// clean returns text that fpdf can draw with the font: controls become
// spaces, and characters the font lacks become replacementGlyph and are
// recorded for the caller's warnings.
func (m *missingGlyphs) clean(text string) string {
	needsWork := false
	for _, r := range text {
		if r < 0x20 || r == utf8.RuneError || !m.coverage.Has(r) {
			needsWork = true
			break
		}
	}
	if !needsWork {
		return text
	}
	var out []rune
	for _, r := range text {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			out = append(out, ' ')
		case r < 0x20:
			// Other controls carry no visible meaning in a report.
		case m.coverage.Has(r):
			out = append(out, r)
		default:
			if !m.seen[r] {
				if m.seen == nil {
					m.seen = map[rune]bool{}
				}
				m.seen[r] = true
				m.warnings = append(m.warnings, fmt.Sprintf("font has no glyph for %q (U+%04X) in %q; drawn as %s", string(r), r, excerpt(text, r, 12), replacementGlyph))
			}
			out = append(out, []rune(replacementGlyph)...)
		}
	}
	return string(out)
}

// excerpt returns up to radius runes either side of the first r in text.
func excerpt(text string, r rune, radius int) string {
	runes := []rune(text)
	for i, c := range runes {
		if c == r {
			from, to := max(0, i-radius), min(len(runes), i+radius+1)
			return string(runes[from:to])
		}
	}
	return text
}
