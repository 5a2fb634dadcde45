package analyze

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/bulletin-tool/bulletin/extract"
)

// recordPrefix is how a record line starts as bulletin extract writes it.
var recordPrefix = []byte(`{"schema":"` + extract.SchemaVersion + `"`)

// ReadRecords reads `bulletin extract` output: one JSON object a line, each a
// record or a failure line (schema bulletin.error/v1), in any mix. Blank
// lines are skipped. Errors name the line.
func ReadRecords(r io.Reader) ([]extract.Record, []extract.Failure, error) {
	var (
		records  []extract.Record
		failures []extract.Failure
	)
	br := bufio.NewReaderSize(r, 1<<16)
	for line := 1; ; line++ {
		text, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return records, failures, fmt.Errorf("line %d: %w", line, err)
		}
		if t := bytes.TrimSpace(text); len(t) > 0 {
			// bulletin extract writes the schema first: such a line is
			// decoded once, not scanned for its schema and then decoded.
			if bytes.HasPrefix(t, recordPrefix) {
				var rec extract.Record
				if jerr := json.Unmarshal(t, &rec); jerr == nil && rec.Schema == extract.SchemaVersion {
					records = append(records, rec)
					if errors.Is(err, io.EOF) {
						return records, failures, nil
					}
					continue
				}
				// a bad line, or a later "schema" key: the general path says which
			}
			var head struct {
				Schema string `json:"schema"`
			}
			if jerr := json.Unmarshal(t, &head); jerr != nil {
				return records, failures, fmt.Errorf("line %d: %w", line, jerr)
			}
			switch head.Schema {
			case extract.FailureSchema:
				var f extract.Failure
				if jerr := json.Unmarshal(t, &f); jerr != nil {
					return records, failures, fmt.Errorf("line %d: failure: %w", line, jerr)
				}
				failures = append(failures, f)
			case extract.SchemaVersion:
				var rec extract.Record
				if jerr := json.Unmarshal(t, &rec); jerr != nil {
					return records, failures, fmt.Errorf("line %d: record: %w", line, jerr)
				}
				records = append(records, rec)
			default:
				return records, failures, fmt.Errorf("line %d: schema %q is neither %s nor %s", line, head.Schema, extract.SchemaVersion, extract.FailureSchema)
			}
		}
		if errors.Is(err, io.EOF) {
			return records, failures, nil
		}
	}
}

// ReadSummary reads a summary written as JSON (by render's summary writer or
// json.Marshal).
func ReadSummary(r io.Reader) (*Summary, error) {
	var s Summary
	dec := json.NewDecoder(r)
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("read summary: %w", err)
	}
	if s.Schema != SummarySchema {
		return nil, fmt.Errorf("read summary: schema %q, want %q", s.Schema, SummarySchema)
	}
	return &s, nil
}
