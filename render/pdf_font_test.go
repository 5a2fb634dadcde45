package render

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

func TestEmbeddedFontCoverage(t *testing.T) {
	coverage, err := embeddedFontCoverage()
	if err != nil {
		t.Fatal(err)
	}
	// Everything the report itself prints, and names from the seed.
	for _, r := range "第页共≥≤≈–…□·（）《》“”，。、；：万亿余约0123456789ABCxyz鄯善县七克台镇辟展托克逊" {
		if !coverage.Has(r) {
			t.Errorf("embedded font lacks %q (U+%04X)", r, r)
		}
	}
	for _, r := range []rune{0x20000, 0xE000, 0xFFFF, -1} {
		if coverage.Has(r) {
			t.Errorf("coverage claims U+%04X, which fpdf cannot draw", r)
		}
	}
}

func TestParseTrueTypeRefuses(t *testing.T) {
	header := func(version uint32) []byte {
		data := make([]byte, 64)
		binary.BigEndian.PutUint32(data, version)
		return data
	}
	for _, tc := range []struct {
		data   []byte
		want   string
		reason string
	}{
		{header(sfntCollection), ".ttc", "collections hold several faces"},
		{header(sfntOpenTypeCFF), "CFF", "fpdf cannot embed CFF outlines (Debian's fonts-noto-cjk)"},
		{[]byte("%PDF-1.4 not a font at all"), "not a TrueType", "anything else"},
		{header(sfntTrueType), "no \"glyf\"", "a TrueType header without tables"},
		{[]byte{0, 1}, "too short", "truncated"},
	} {
		_, err := parseTrueType(tc.data)
		if !errors.Is(err, ErrUnsupportedFont) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want ErrUnsupportedFont mentioning %q", tc.reason, err, tc.want)
		}
	}
}

func FuzzParseTrueType(f *testing.F) {
	data, err := embeddedFont()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data[:4096])
	f.Add([]byte("ttcf\x00\x01\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseTrueType(data) // must not panic on any input
	})
}

func TestMissingGlyphsClean(t *testing.T) {
	coverage, err := embeddedFontCoverage()
	if err != nil {
		t.Fatal(err)
	}
	m := missingGlyphs{coverage: coverage}
	if got := m.clean("第一行\t第二\x01行"); got != "第一行 第二行" {
		t.Errorf("controls: got %q", got)
	}
	if got := m.clean("\U00020000村\U00020000"); got != "□村□" {
		t.Errorf("missing glyphs: got %q", got)
	}
	if len(m.warnings) != 1 || !strings.Contains(m.warnings[0], "U+20000") {
		t.Errorf("want one warning naming U+20000, got %q", m.warnings)
	}
}
