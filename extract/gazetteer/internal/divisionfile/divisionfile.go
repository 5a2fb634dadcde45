// Package divisionfile defines the on-disk form of the gazetteer's data: a
// gzipped, tab-separated file of administrative divisions sorted by code. It
// is shared by the generator, which writes it, and the gazetteer, which
// embeds and reads it, so the two can never disagree about the format.
package divisionfile

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Header is the first line of every file; readers check it so a file of
// another shape fails loudly instead of being half parsed.
const Header = "#code\tparent\tlevel\tname"

// Levels as written in the file's third column.
const (
	LevelProvince   = 1
	LevelPrefecture = 2
	LevelCounty     = 3
	LevelTownship   = 4
	LevelVillage    = 5
)

// Record is one division: its statistical code, the code of the division
// it belongs to (empty for a province), its level and its official name.
type Record struct {
	Code   string
	Parent string
	Level  int
	Name   string
}

// Encode writes records sorted by code, gzipped with an empty header (no
// file name, zero modification time) so the same records always give the
// same bytes and the committed file only changes when the data does.
func Encode(w io.Writer, records []Record) error {
	sorted := slices.Clone(records)
	slices.SortFunc(sorted, func(a, b Record) int { return cmp.Compare(a.Code, b.Code) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Code == sorted[i-1].Code {
			return fmt.Errorf("duplicate code %s (%s, %s)", sorted[i].Code, sorted[i-1].Name, sorted[i].Name)
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(Header + "\n")
	for _, r := range sorted {
		if strings.ContainsAny(r.Name, "\t\n") || r.Name == "" {
			return fmt.Errorf("code %s: name %q is empty or holds a tab or newline", r.Code, r.Name)
		}
		bw.WriteString(r.Code)
		bw.WriteByte('\t')
		bw.WriteString(r.Parent)
		bw.WriteByte('\t')
		bw.WriteString(strconv.Itoa(r.Level))
		bw.WriteByte('\t')
		bw.WriteString(r.Name)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a gzipped file written by Encode. The strings of the records
// share one backing string, which keeps loading to a handful of allocations.
func Decode(r io.Reader) ([]Record, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	// The divisions file unpacks to under 2 MB: one allocation of 4 MB
	// saves ReadAll's repeated growing.
	var buf strings.Builder
	buf.Grow(4 << 20)
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	return Parse(buf.String())
}

// Parse reads the uncompressed text of a file.
func Parse(text string) ([]Record, error) {
	header, rest, _ := strings.Cut(text, "\n")
	if header != Header {
		return nil, fmt.Errorf("line 1: header %q, want %q", header, Header)
	}
	records := make([]Record, 0, strings.Count(rest, "\n"))
	line := 1
	for rest != "" {
		line++
		var row string
		row, rest, _ = strings.Cut(rest, "\n")
		code, after, ok1 := strings.Cut(row, "\t")
		parent, after, ok2 := strings.Cut(after, "\t")
		level, name, ok3 := strings.Cut(after, "\t")
		if !ok1 || !ok2 || !ok3 || len(level) != 1 || level[0] < '1' || level[0] > '5' || code == "" || name == "" {
			return nil, fmt.Errorf("line %d: malformed row %q", line, row)
		}
		records = append(records, Record{Code: code, Parent: parent, Level: int(level[0] - '0'), Name: name})
	}
	if !slices.IsSortedFunc(records, func(a, b Record) int { return cmp.Compare(a.Code, b.Code) }) {
		return nil, errors.New("rows are not sorted by code")
	}
	return records, nil
}

// EncodeToBytes is Encode into memory, for tests and the generator.
func EncodeToBytes(records []Record) ([]byte, error) {
	var buf bytes.Buffer
	if err := Encode(&buf, records); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
