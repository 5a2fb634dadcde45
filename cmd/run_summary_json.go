package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"

	"github.com/bulletin-tool/bulletin/analyze"
)

// writeSummaryJSONStream writes the same bytes as render.WriteSummaryJSON
// (the test TestSummaryJSONStreamIsWriteSummaryJSON holds it to that) one
// list element at a time. render's version encodes the whole summary into
// memory, and encoding/json's indenting copies it twice more: for a large
// archive that was most of the run's peak memory, three times the summary.
func writeSummaryJSONStream(w io.Writer, s *analyze.Summary) error {
	if s == nil {
		return errors.New("no summary")
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
