package analyze

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestReadRecordsMixedStream(t *testing.T) {
	var buf bytes.Buffer
	for i, r := range fixture() {
		b, _ := json.Marshal(r)
		buf.Write(b)
		buf.WriteString("\n")
		if i == 1 {
			buf.WriteString("\n") // blank lines are allowed
			b, _ := json.Marshal(fixtureFailures()[0])
			buf.Write(b)
			buf.WriteString("\r\n")
		}
	}
	records, failures, err := ReadRecords(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != len(fixture()) || len(failures) != 1 || failures[0].Path != "corpus/old/2019.wps" {
		t.Fatalf("read %d records, %d failures", len(records), len(failures))
	}
	// What was read analyses to what the records give directly.
	if !bytes.Equal(encode(t, mustAnalyze(t, records, failures)), encode(t, mustAnalyze(t, fixture(), fixtureFailures()))) {
		t.Error("records read back analyse differently")
	}
}

func TestReadRecordsErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		input, want, reason string
	}{
		{"{\"schema\":\"bulletin.record/v1\"}\n{bad json\n", "line 2:", "broken JSON on line 2"},
		{"\n\n{\"schema\":\"bulletin.other/v9\"}\n", "line 3:", "unknown schema; blank lines still count"},
		{"{\"schema\":\"bulletin.record/v1\",\"quantities\":{}}\n", "line 1: record:", "a field of the wrong type"},
		{"{\"path\":\"a.txt\"}", "line 1:", "no schema at all, no final newline"},
	}
	for _, tc := range cases {
		_, _, err := ReadRecords(strings.NewReader(tc.input))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.reason, err, tc.want)
		}
	}
}

func TestReadSummary(t *testing.T) {
	s := analyzeFixture(t)
	back := roundTrip(t, s)
	if !bytes.Equal(encode(t, back), encode(t, s)) {
		t.Error("summary changes through JSON")
	}
	if _, err := ReadSummary(strings.NewReader(`{"schema":"bulletin.record/v1"}`)); err == nil {
		t.Error("a record is not a summary")
	}
}

// FuzzReadRecords: any input either fails to read or analyses without
// panicking into a summary that encodes.
func FuzzReadRecords(f *testing.F) {
	for _, r := range fixture()[:3] {
		b, _ := json.Marshal(r)
		f.Add(string(b) + "\n")
	}
	f.Add(`{"schema":"bulletin.error/v1","path":"a.doc","stage":"read","message":"x"}`)
	f.Add(`{"schema":"bulletin.record/v1","source":{"path":"a"},"quantities":[{"id":"q1","value":1e308,"measure":"万元","high":null}]}`)
	f.Fuzz(func(t *testing.T, input string) {
		records, failures, err := ReadRecords(strings.NewReader(input))
		if err != nil {
			return
		}
		s, err := Analyze(records, failures, Options{})
		if err != nil {
			return
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("summary does not encode: %v", err)
		}
	})
}

// TestReadRecordsFastPathAgreesWithTheGeneralOne: a line that starts like a
// record is decoded once; where that could differ from reading its schema
// first, the general path decides.
func TestReadRecordsFastPathAgreesWithTheGeneralOne(t *testing.T) {
	cases := []struct {
		input            string
		records, failure int
		reason           string
	}{
		{`{"schema":"bulletin.record/v1","source":{"path":"a.txt"}}`, 1, 0, "a record as extract writes it"},
		{`{"schema":"bulletin.record/v1","path":"a.doc","stage":"read","message":"x","schema":"bulletin.error/v1"}`, 0, 1,
			"a later schema key wins, as in encoding/json: a failure line"},
		{` {"source":{"path":"a.txt"},"schema":"bulletin.record/v1"}`, 1, 0, "schema not first: the general path"},
	}
	for _, c := range cases {
		records, failures, err := ReadRecords(strings.NewReader(c.input + "\n"))
		if err != nil || len(records) != c.records || len(failures) != c.failure {
			t.Errorf("%s: %d records, %d failures, error %v; want %d and %d", c.reason, len(records), len(failures), err, c.records, c.failure)
		}
	}
}
