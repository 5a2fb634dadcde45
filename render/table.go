package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/bulletin-tool/bulletin/analyze"
	"github.com/bulletin-tool/bulletin/extract"
)

// Table formats of TableOptions.Format.
const (
	FormatJSON  = "json"  // one array of objects
	FormatJSONL = "jsonl" // one object a line
	FormatCSV   = "csv"   // RFC 4180, header row
	FormatTSV   = "tsv"   // header row, tabs and newlines escaped
)

// TableFormats lists the formats WriteTable accepts.
func TableFormats() []string { return []string{FormatJSON, FormatJSONL, FormatCSV, FormatTSV} }

// Table is rows of typed cells under named columns. A cell is nil (empty;
// null in JSON), a string, a bool, an int or a float64.
type Table struct {
	Name    string
	Columns []string
	Rows    [][]any
}

// TableOptions steer WriteTable.
type TableOptions struct {
	Format string
	// Fields selects and orders columns by name; empty means all.
	Fields []string
	// Excel starts CSV and TSV with a UTF-8 byte order mark, without which
	// Excel reads UTF-8 as the system code page and garbles Chinese.
	Excel bool
}

// utf8BOM is the UTF-8 encoding of U+FEFF.
const utf8BOM = "\ufeff"

// WriteTable writes a table in one of TableFormats.
func WriteTable(w io.Writer, t Table, opts TableOptions) error {
	columns, err := selectColumns(t, opts.Fields)
	if err != nil {
		return err
	}
	if opts.Excel && opts.Format != FormatCSV && opts.Format != FormatTSV {
		return fmt.Errorf("table %s: Excel applies to csv and tsv, not %q", t.Name, opts.Format)
	}
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("table %s: row %d has %d cells for %d columns", t.Name, i+1, len(row), len(t.Columns))
		}
	}
	if opts.Excel {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return err
		}
	}
	switch opts.Format {
	case FormatCSV:
		return writeCSV(w, t, columns)
	case FormatTSV:
		return writeTSV(w, t, columns)
	case FormatJSON, FormatJSONL:
		return writeJSONRows(w, t, columns, opts.Format == FormatJSONL)
	default:
		return fmt.Errorf("table %s: unknown format %q (valid: %s)", t.Name, opts.Format, strings.Join(TableFormats(), ", "))
	}
}

// selectColumns maps Fields to column indexes, or all columns.
// ValidateFields reports whether fields are columns of t, naming the valid
// ones when not, so that a command can refuse a bad --fields before it
// does any work.
func ValidateFields(t Table, fields []string) error {
	_, err := selectColumns(t, fields)
	return err
}

func selectColumns(t Table, fields []string) ([]int, error) {
	if len(fields) == 0 {
		all := make([]int, len(t.Columns))
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	var out []int
	var unknown []string
	for _, f := range fields {
		i := slices.Index(t.Columns, f)
		switch {
		case i < 0:
			unknown = append(unknown, f)
		case slices.Contains(out, i):
			return nil, fmt.Errorf("table %s: field %q selected twice", t.Name, f)
		default:
			out = append(out, i)
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("table %s: unknown field(s) %s; valid fields: %s",
			t.Name, strings.Join(unknown, ", "), strings.Join(t.Columns, ", "))
	}
	return out, nil
}

// cellText is a cell as text for CSV and TSV: numbers as analyze formats
// them, so a value reads the same in every output.
func cellText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return analyze.FormatNumber(v)
	case *float64:
		if v == nil {
			return ""
		}
		return analyze.FormatNumber(*v)
	default:
		return fmt.Sprint(v)
	}
}

func writeCSV(w io.Writer, t Table, columns []int) error {
	cw := csv.NewWriter(w)
	// Records end with LF, not RFC 4180's CRLF: encoding/csv's CRLF mode also
	// turns line breaks inside quoted fields into CRLF, which Python and
	// spreadsheets then keep, changing the text. Every reader we test accepts
	// LF; a line break inside a cell is written as LF too.
	record := make([]string, len(columns))
	for i, c := range columns {
		record[i] = t.Columns[c]
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, row := range t.Rows {
		for i, c := range columns {
			record[i] = csvLineBreaks.Replace(cellText(row[c]))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvLineBreaks makes every line break inside a CSV cell a LF.
var csvLineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// tsvEscaper writes tabs, newlines and backslashes as \t \n \r \\ so that
// every row stays one line with the right number of fields.
var tsvEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func writeTSV(w io.Writer, t Table, columns []int) error {
	var buf bytes.Buffer
	line := func(cells func(i int) string) error {
		buf.Reset()
		for i := range columns {
			if i > 0 {
				buf.WriteByte('\t')
			}
			buf.WriteString(tsvEscaper.Replace(cells(i)))
		}
		buf.WriteByte('\n')
		_, err := w.Write(buf.Bytes())
		return err
	}
	if err := line(func(i int) string { return t.Columns[columns[i]] }); err != nil {
		return err
	}
	for _, row := range t.Rows {
		if err := line(func(i int) string { return cellText(row[columns[i]]) }); err != nil {
			return err
		}
	}
	return nil
}

// writeJSONRows writes rows as objects whose keys follow the column order
// (a map would sort them), numbers as numbers and empty cells as null.
func writeJSONRows(w io.Writer, t Table, columns []int, lines bool) error {
	var buf bytes.Buffer
	encode := func(v any) error {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
		buf.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
		return nil
	}
	if !lines {
		buf.WriteString("[")
	}
	for r, row := range t.Rows {
		if !lines {
			if r > 0 {
				buf.WriteString(",")
			}
			buf.WriteString("\n")
		}
		buf.WriteString("{")
		for i, c := range columns {
			if i > 0 {
				buf.WriteString(",")
			}
			if err := encode(t.Columns[c]); err != nil {
				return err
			}
			buf.WriteString(":")
			if err := encode(jsonCell(row[c])); err != nil {
				return fmt.Errorf("table %s: row %d, %s: %w", t.Name, r+1, t.Columns[c], err)
			}
		}
		buf.WriteString("}")
		if lines {
			buf.WriteString("\n")
		}
		if buf.Len() > 1<<16 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
			buf.Reset()
		}
	}
	if !lines {
		if len(t.Rows) > 0 {
			buf.WriteString("\n")
		}
		buf.WriteString("]\n")
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func jsonCell(v any) any {
	if p, ok := v.(*float64); ok {
		if p == nil {
			return nil
		}
		return *p
	}
	return v
}

// errNoSummary is returned by the summary tables' callers' checks.
var errNoSummary = errors.New("no summary")

// optionalFloat is a bound that may be open: nil (empty, null) when open.
func optionalFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// omitZero leaves an int cell empty when zero means "not applicable".
func omitZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func emptyIsNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SummaryTables lists the names TableFromSummary accepts.
func SummaryTables() []string {
	return []string{"totals", "top", "findings", "facts", "documents"}
}

// TableFromSummary returns one of SummaryTables by name.
func TableFromSummary(s *analyze.Summary, name string) (Table, error) {
	if s == nil {
		return Table{}, errNoSummary
	}
	switch name {
	case "totals":
		return TotalsTable(s), nil
	case "top":
		return TopTable(s), nil
	case "findings":
		return FindingsTable(s), nil
	case "facts":
		return FactsTable(s), nil
	case "documents":
		return DocumentsTable(s), nil
	}
	return Table{}, &unknownTableError{name: name}
}

type unknownTableError struct{ name string }

func (e *unknownTableError) Error() string {
	return "unknown table " + e.name + "; valid tables: " + strings.Join(SummaryTables(), ", ")
}

var totalColumns = []string{
	"dimension", "key", "code", "level", "bulletin", "category", "measure", "cumulative",
	"exact", "low", "high", "bounds", "n", "approximate", "documents", "direct",
}

func totalRow(t analyze.Total) []any {
	return []any{
		t.Dimension, t.Key, emptyIsNil(t.Code), emptyIsNil(t.Level), omitZero(t.Bulletin), t.Category, t.Measure, t.Cumulative,
		t.Exact, t.Low, optionalFloat(t.High), t.Bounds(), t.N, t.Approximate, t.Documents, t.Direct,
	}
}

// TotalsTable has one row per total of every dimension. An open upper bound
// is an empty high cell (null in JSON); bounds reads "≥ 450000".
func TotalsTable(s *analyze.Summary) Table {
	t := Table{Name: "totals", Columns: totalColumns}
	for _, total := range s.Totals {
		t.Rows = append(t.Rows, totalRow(total))
	}
	return t
}

// TopTable has one row per entry of every top list, with its rank.
func TopTable(s *analyze.Summary) Table {
	t := Table{Name: "top", Columns: append([]string{"list_dimension", "list_level", "rank"}, totalColumns...)}
	for _, list := range s.Top {
		for i, e := range list.Entries {
			t.Rows = append(t.Rows, append([]any{list.Dimension, emptyIsNil(list.Level), i + 1}, totalRow(e)...))
		}
	}
	return t
}

// FindingsTable has one row per data-quality finding.
func FindingsTable(s *analyze.Summary) Table {
	t := Table{Name: "findings", Columns: []string{
		"kind", "path", "bulletin", "line", "start", "other_path", "other_bulletin", "similarity",
		"stage", "expected", "sum", "diff", "facts", "text", "message",
	}}
	for _, f := range s.Findings {
		var expected, sum, diff any
		if f.Kind == analyze.FindingBreakdownMismatch {
			expected, sum, diff = f.Expected, f.Sum, f.Diff
		}
		var similarity any
		if f.Similarity != 0 {
			similarity = f.Similarity
		}
		t.Rows = append(t.Rows, []any{
			f.Kind, f.Path, omitZero(f.Bulletin), omitZero(f.Line), omitZero(f.Start),
			emptyIsNil(f.OtherPath), omitZero(f.OtherBulletin), similarity,
			emptyIsNil(f.Stage), expected, sum, diff, emptyIsNil(strings.Join(f.Facts, " ")),
			emptyIsNil(f.Text), f.Message,
		})
	}
	return t
}

// FactsTable has one row per count the summary was computed from, dropped
// ones included (see the dropped column).
func FactsTable(s *analyze.Summary) Table {
	t := Table{Name: "facts", Columns: []string{
		"ref", "path", "bulletin", "record", "quantity", "line", "start", "end", "text",
		"value", "low", "high", "bound", "measure", "category", "canonical", "factor", "additive",
		"object", "unit", "unit_code", "unit_level", "parents", "activity", "period", "cumulative",
		"parent", "date", "dropped", "duplicate_of", "sentence",
	}}
	for _, f := range s.Facts {
		var parents []string
		for _, p := range f.Parents {
			parents = append(parents, p.Name)
		}
		t.Rows = append(t.Rows, []any{
			f.Ref, f.Path, f.Bulletin, f.Record, f.Quantity, f.Line, f.Start, f.End, f.Text,
			f.Value, optionalFloat(f.Low), optionalFloat(f.High), f.Bound, f.Measure, f.Category, f.Canonical, f.Factor, f.Additive,
			emptyIsNil(f.Object), emptyIsNil(f.Unit), emptyIsNil(f.UnitCode), emptyIsNil(f.UnitLevel),
			emptyIsNil(strings.Join(parents, " ")), emptyIsNil(f.Activity), emptyIsNil(f.Period), f.Cumulative,
			emptyIsNil(f.Parent), emptyIsNil(f.Date), emptyIsNil(f.Dropped), emptyIsNil(f.DuplicateOf), f.Sentence,
		})
	}
	return t
}

// DocumentsTable has one row per bulletin.
func DocumentsTable(s *analyze.Summary) Table {
	t := Table{Name: "documents", Columns: []string{
		"path", "bulletin", "record", "sha256", "title", "issuer", "issue", "date", "digest",
		"sentences", "facts", "duplicate",
	}}
	for _, d := range s.Documents {
		t.Rows = append(t.Rows, []any{
			d.Path, d.Bulletin, d.Record, d.SHA256, emptyIsNil(d.Title), emptyIsNil(d.Issuer), emptyIsNil(d.Issue),
			emptyIsNil(d.Date), d.Digest, d.Sentences, d.Facts, d.Duplicate,
		})
	}
	return t
}

// QuantitiesTable has one row per quantity of the records, in record order:
// the extractor's view, before any analysis.
func QuantitiesTable(records []extract.Record) Table {
	t := Table{Name: "quantities", Columns: []string{
		"path", "bulletin", "record", "id", "text", "value", "low", "high", "approx", "bound",
		"measure", "category", "object", "verb", "unit", "unit_link", "activity", "activity_link",
		"period", "cumulative", "parent", "parent_id", "group", "line", "section", "start", "end", "sentence",
	}}
	for _, r := range records {
		for _, q := range r.Quantities {
			t.Rows = append(t.Rows, []any{
				r.Source.Path, r.Bulletin.Index, r.ID, q.ID, q.Text, q.Value, optionalFloat(q.Low), optionalFloat(q.High),
				emptyIsNil(q.Approx), q.Bound, q.Measure, q.Category, emptyIsNil(q.Object), emptyIsNil(q.Verb),
				emptyIsNil(q.Unit), emptyIsNil(q.UnitLink), emptyIsNil(q.Activity), emptyIsNil(q.ActivityLink),
				emptyIsNil(q.Period), q.Cumulative, emptyIsNil(q.Parent), emptyIsNil(q.ParentID), emptyIsNil(q.Group),
				q.Provenance.Line, emptyIsNil(q.Provenance.Section), q.Start, q.End, q.Provenance.Sentence,
			})
		}
	}
	return t
}
