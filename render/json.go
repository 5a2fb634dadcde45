package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"

	"github.com/bulletin-tool/bulletin/analyze"
)

// WriteSummaryJSON writes the whole summary as indented JSON, the bytes
// json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false) gives, but
// one list element at a time: encoding a large archive's summary whole
// (and indenting copies it twice more) held three times the summary in
// memory. The summary's lists are already sorted and structs encode their
// fields in declaration order, so the same summary always gives the same
// bytes; analyze.ReadSummary reads it back. Analysts read the output: < > &
// in sentences are kept as written.
func WriteSummaryJSON(w io.Writer, s *analyze.Summary) error {
	return WriteSummaryJSONFrom(w, s, nil)
}

// WriteSummaryJSONFrom is WriteSummaryJSON with the facts taken from facts
// instead of s.Facts (unless facts is nil), for a summary whose facts are
// too many to hold in memory (analyze.Stream): they are read one at a time
// and give the bytes s.Facts holding them all would.
func WriteSummaryJSONFrom(w io.Writer, s *analyze.Summary, facts analyze.FactSource) error {
	if s == nil {
		return errNoSummary
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	encode := func(v any, prefix string) error {
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	value := reflect.ValueOf(s).Elem()
	kind := value.Type()
	bw.WriteString("{")
	first := true
	for i := range kind.NumField() {
		field := kind.Field(i)
		name, options, _ := strings.Cut(field.Tag.Get("json"), ",")
		if !field.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = field.Name
		}
		v := value.Field(i)
		if facts != nil && field.Name == "Facts" {
			if !first {
				bw.WriteString(",")
			}
			first = false
			if err := writeFacts(bw, facts, encode); err != nil {
				return err
			}
			continue
		}
		if strings.Contains(options, "omitempty") && v.IsZero() {
			continue
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		key, _ := json.Marshal(name)
		bw.WriteString("\n  " + string(key) + ": ")
		if v.Kind() != reflect.Slice || v.Len() == 0 {
			if err := encode(v.Interface(), "  "); err != nil {
				return err
			}
			continue
		}
		bw.WriteString("[")
		for j := range v.Len() {
			if j > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			if err := encode(v.Index(j).Interface(), "    "); err != nil {
				return err
			}
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeFacts writes the "facts" member as WriteSummaryJSON writes a
// non-nil slice: [] when empty, else one indented element a line.
func writeFacts(bw *bufio.Writer, facts analyze.FactSource, encode func(any, string) error) error {
	bw.WriteString("\n  \"facts\": ")
	if facts.Len() == 0 {
		bw.WriteString("[]")
		return nil
	}
	bw.WriteString("[")
	j := 0
	for f, err := range facts.All() {
		if err != nil {
			return err
		}
		if j > 0 {
			bw.WriteString(",")
		}
		j++
		bw.WriteString("\n    ")
		if err := encode(f, "    "); err != nil {
			return err
		}
	}
	bw.WriteString("\n  ]")
	return nil
}
