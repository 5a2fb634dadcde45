package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/bulletin-tool/bulletin/analyze"
)

// WriteSummaryJSON writes the whole summary as indented JSON. The summary's
// lists are already sorted and structs encode their fields in declaration
// order, so the same summary always gives the same bytes; analyze.ReadSummary
// reads it back.
func WriteSummaryJSON(w io.Writer, s *analyze.Summary) error {
	if s == nil {
		return errNoSummary
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Analysts read the output: keep < > & in sentences as written.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
