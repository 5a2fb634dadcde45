package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/analyze"
	"github.com/bulletin-tool/bulletin/extract"
)

// trickyTable holds the cells that break naive writers: Chinese, commas,
// quotes, tabs, newlines, backslashes, open bounds.
func trickyTable() Table {
	return Table{
		Name:    "tricky",
		Columns: []string{"key", "exact", "high", "cumulative", "text"},
		Rows: [][]any{
			{"七克台镇", 450000.0, nil, false, "覆盖群众1200余人次，“民族团结一家亲”"},
			{"鄯善县,吐鲁番市", 0.8, 0.8, true, "第一行\n第二行\t制表\\反斜杠 \"引号\""},
			{"高昌区", 36, 36.0, false, "\r\n"},
		},
	}
}

func write(t *testing.T, table Table, opts TableOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTable(&buf, table, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWriteTableFormats(t *testing.T) {
	table := trickyTable()
	cases := []struct {
		opts   TableOptions
		want   string
		reason string
	}{
		{TableOptions{Format: "tsv", Fields: []string{"key", "text"}},
			"key\ttext\n七克台镇\t覆盖群众1200余人次，“民族团结一家亲”\n鄯善县,吐鲁番市\t第一行\\n第二行\\t制表\\\\反斜杠 \"引号\"\n高昌区\t\\r\\n\n",
			"TSV escapes tabs, newlines and backslashes and keeps one row a line"},
		{TableOptions{Format: "csv", Fields: []string{"high", "key"}},
			"high,key\n,七克台镇\n0.8,\"鄯善县,吐鲁番市\"\n36,高昌区\n",
			"CSV follows the selected order, quotes commas, leaves open bounds empty"},
		{TableOptions{Format: "jsonl", Fields: []string{"key", "exact", "high"}},
			"{\"key\":\"七克台镇\",\"exact\":450000,\"high\":null}\n{\"key\":\"鄯善县,吐鲁番市\",\"exact\":0.8,\"high\":0.8}\n{\"key\":\"高昌区\",\"exact\":36,\"high\":36}\n",
			"JSON Lines keeps column order, numbers as numbers, open bounds as null"},
		{TableOptions{Format: "json", Fields: []string{"cumulative"}},
			"[\n{\"cumulative\":false},\n{\"cumulative\":true},\n{\"cumulative\":false}\n]\n",
			"JSON is one array"},
		{TableOptions{Format: "csv", Fields: []string{"key"}, Excel: true},
			"\ufeffkey\n七克台镇\n\"鄯善县,吐鲁番市\"\n高昌区\n",
			"Excel gets a BOM so that it reads UTF-8"},
	}
	for _, tc := range cases {
		if got := write(t, table, tc.opts); got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.reason, got, tc.want)
		}
	}
	if got := write(t, Table{Name: "empty", Columns: []string{"a"}}, TableOptions{Format: "json"}); got != "[]\n" {
		t.Errorf("empty JSON table %q", got)
	}
}

func TestWriteTableErrors(t *testing.T) {
	cases := []struct {
		opts   TableOptions
		want   string
		reason string
	}{
		{TableOptions{Format: "csv", Fields: []string{"key", "nope"}}, "valid fields: key, exact, high, cumulative, text", "an unknown field lists the valid names"},
		{TableOptions{Format: "csv", Fields: []string{"key", "key"}}, "selected twice", "a field twice is a typo"},
		{TableOptions{Format: "xlsx"}, "valid: json, jsonl, csv, tsv", "an unknown format lists the valid ones"},
		{TableOptions{Format: "json", Excel: true}, "Excel applies to csv and tsv", "a BOM would break JSON"},
	}
	for _, tc := range cases {
		err := WriteTable(&bytes.Buffer{}, trickyTable(), tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.reason, err, tc.want)
		}
	}
	bad := Table{Name: "bad", Columns: []string{"a", "b"}, Rows: [][]any{{1}}}
	if err := WriteTable(&bytes.Buffer{}, bad, TableOptions{Format: "csv"}); err == nil {
		t.Error("a short row must be an error")
	}
}

func TestCSVReadsBack(t *testing.T) {
	table := trickyTable()
	out := write(t, table, TableOptions{Format: "csv"})
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := wantCells(table)
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("read back %q\nwant %q", rows, want)
	}
}

// wantCells is the table as text, header first, as a CSV reader should see
// it: line breaks inside cells are LF.
func wantCells(table Table) [][]string {
	want := [][]string{table.Columns}
	for _, row := range table.Rows {
		var cells []string
		for _, v := range row {
			cells = append(cells, csvLineBreaks.Replace(cellText(v)))
		}
		want = append(want, cells)
	}
	return want
}

// TestCSVReadsBackInPython checks the CSV against another implementation,
// Python's csv module, with the BOM Excel users get.
func TestCSVReadsBackInPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is absent")
	}
	table := trickyTable()
	file := filepath.Join(t.TempDir(), "tricky.csv")
	if err := os.WriteFile(file, []byte(write(t, table, TableOptions{Format: "csv", Excel: true})), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    json.dump(list(csv.reader(f)), sys.stdout, ensure_ascii=False)`
	out, err := exec.Command(python, "-c", script, file).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var rows [][]string
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("python3 output %s: %v", out, err)
	}
	if want := wantCells(table); !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("python read %q\nwant %q", rows, want)
	}
}

// TestCSVRoundTripsThroughLibreOffice converts the CSV to xlsx and ods and
// back with LibreOffice, as an analyst opening it would.
func TestCSVRoundTripsThroughLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is absent")
	}
	// Numbers are left out: a spreadsheet may reformat them.
	table := Table{Name: "text", Columns: []string{"key", "text"}}
	for _, row := range trickyTable().Rows {
		table.Rows = append(table.Rows, []any{row[0], strings.NewReplacer("\r", "", "\t", " ").Replace(row[4].(string))})
	}
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "table.csv")
	if err := os.WriteFile(csvFile, []byte(write(t, table, TableOptions{Format: "csv"})), 0o644); err != nil {
		t.Fatal(err)
	}
	// 44,34,76: comma separator, double-quote delimiter, UTF-8.
	const filter = "44,34,76"
	run := func(args ...string) {
		cmd := exec.Command(soffice, append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile")}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, out)
		}
	}
	for _, format := range []string{"xlsx", "ods"} {
		sub := filepath.Join(dir, format)
		run("--infilter=CSV:"+filter, "--convert-to", format, "--outdir", sub, csvFile)
		back := filepath.Join(sub, "back")
		run("--convert-to", "csv:Text - txt - csv (StarCalc):"+filter, "--outdir", back, filepath.Join(sub, "table."+format))
		data, err := os.ReadFile(filepath.Join(back, "table.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if want := wantCells(table); !slices.EqualFunc(rows, want, slices.Equal) {
			t.Errorf("%s round trip %q\nwant %q", format, rows, want)
		}
	}
}

// summaryForTables is a small summary with an open bound, a duplicate and a failure.
func summaryForTables(t *testing.T) *analyze.Summary {
	t.Helper()
	low, high := 1200.0, 1200.0
	record := func(path string) extract.Record {
		return extract.Record{
			Schema: extract.SchemaVersion, ID: path + "#1",
			Source:   extract.Source{Path: path},
			Bulletin: extract.Bulletin{Index: 1, Digest: "d1", Date: &extract.Field{Text: "2023年5月12日", Value: "2023-05-12"}},
			Units: []extract.Unit{{Name: "七克台镇", Kind: "admin", Code: "650421104", Level: "township",
				Parents: []extract.Parent{{Code: "650421", Name: "鄯善县", Level: "county"}}}},
			Quantities: []extract.Quantity{
				{ID: "q1", Text: "1200余人次", Value: 1200, Low: &low, Bound: extract.BoundLower, Measure: "人次", Category: "person_time",
					Object: "群众", Unit: "七克台镇", Activity: "宣讲活动",
					Provenance: extract.Provenance{Line: 3, Sentence: "覆盖群众1200余人次，\"宣讲\"。"}},
				{ID: "q2", Text: "1200元", Value: 1200, Low: &low, High: &high, Bound: extract.BoundExact, Measure: "元", Category: "money",
					Unit: "七克台镇", Provenance: extract.Provenance{Line: 4, Sentence: "发放1200元。"}},
			},
		}
	}
	s, err := analyze.Analyze([]extract.Record{record("a.txt"), record("b.txt")},
		[]extract.Failure{{Schema: extract.FailureSchema, Path: "c.wps", Stage: "read", Message: "unsupported"}}, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSummaryTables(t *testing.T) {
	s := summaryForTables(t)
	for _, name := range SummaryTables() {
		table, err := TableFromSummary(s, name)
		if err != nil {
			t.Fatal(err)
		}
		if len(table.Rows) == 0 {
			t.Errorf("table %s is empty", name)
		}
		for _, format := range TableFormats() {
			if err := WriteTable(&bytes.Buffer{}, table, TableOptions{Format: format}); err != nil {
				t.Errorf("%s as %s: %v", name, format, err)
			}
		}
	}
	if _, err := TableFromSummary(s, "nope"); err == nil || !strings.Contains(err.Error(), "totals, top") {
		t.Errorf("unknown table: %v", err)
	}
	got := write(t, TotalsTable(s), TableOptions{Format: "csv", Fields: []string{"dimension", "key", "level", "measure", "exact", "high", "bounds"}})
	for _, want := range []string{
		"unit,七克台镇,township,人次,1200,,≥ 1200\n", // the open bound: empty high, ≥ in bounds
		"unit,鄯善县,county,元,1200,1200,1200\n",   // rolled up, the duplicate b.txt not added
	} {
		if !strings.Contains(got, want) {
			t.Errorf("totals CSV lacks %q:\n%s", want, got)
		}
	}
	findings := write(t, FindingsTable(s), TableOptions{Format: "tsv", Fields: []string{"kind", "path", "other_path"}})
	if !strings.Contains(findings, "duplicate_document\tb.txt\ta.txt\n") || !strings.Contains(findings, "failed_file\tc.wps\t\n") {
		t.Errorf("findings TSV:\n%s", findings)
	}
}

func TestQuantitiesTable(t *testing.T) {
	low := 1200.0
	records := []extract.Record{{Source: extract.Source{Path: "a.txt"}, Bulletin: extract.Bulletin{Index: 2},
		Quantities: []extract.Quantity{{ID: "q1", Text: "1200余人次", Value: 1200, Low: &low, Approx: "余", Bound: extract.BoundLower,
			Measure: "人次", Provenance: extract.Provenance{Line: 7, Sentence: "覆盖群众1200余人次。"}}}}}
	got := write(t, QuantitiesTable(records), TableOptions{Format: "jsonl", Fields: []string{"path", "bulletin", "id", "low", "high", "approx", "line", "sentence"}})
	want := `{"path":"a.txt","bulletin":2,"id":"q1","low":1200,"high":null,"approx":"余","line":7,"sentence":"覆盖群众1200余人次。"}` + "\n"
	if got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestWriteSummaryJSONRoundTrips(t *testing.T) {
	s := summaryForTables(t)
	var first, second bytes.Buffer
	if err := WriteSummaryJSON(&first, s); err != nil {
		t.Fatal(err)
	}
	back, err := analyze.ReadSummary(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteSummaryJSON(&second, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("summary JSON changes when read back")
	}
	if !bytes.Contains(first.Bytes(), []byte(`"high": null`)) || bytes.Contains(first.Bytes(), []byte(`\u003c`)) {
		t.Errorf("summary JSON:\n%s", first.Bytes())
	}
}
