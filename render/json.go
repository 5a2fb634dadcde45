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
	return WriteSummaryJSONFrom(w, s, SummaryJSONOptions{})
}

// SummaryJSONOptions steer WriteSummaryJSONFrom.
type SummaryJSONOptions struct {
	// Facts, unless nil, are written instead of the summary's Facts: a
	// summary whose facts are too many to hold in memory (analyze.Stream)
	// keeps them on disk, and they are read a few at a time.
	Facts analyze.FactSource
	// Jobs is how many goroutines encode Facts, in batches written in
	// order: the facts are nearly all of a large summary's bytes, and
	// encoding them was the longest step after extraction. 0 means 1.
	Jobs int
}

// WriteSummaryJSONFrom is WriteSummaryJSON with the facts from opts.Facts;
// the bytes are those s.Facts holding the same facts would give.
func WriteSummaryJSONFrom(w io.Writer, s *analyze.Summary, opts SummaryJSONOptions) error {
	facts := opts.Facts
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
			if err := writeFacts(bw, facts, max(1, opts.Jobs)); err != nil {
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

// factBatch is how many facts one encoding goroutine takes at a time.
const factBatch = 512

// writeFacts writes the "facts" member as WriteSummaryJSON writes a
// non-nil slice: [] when empty, else one indented element a line. Batches
// of facts are encoded on jobs goroutines and written in order.
func writeFacts(bw *bufio.Writer, facts analyze.FactSource, jobs int) error {
	bw.WriteString("\n  \"facts\": ")
	if facts.Len() == 0 {
		bw.WriteString("[]")
		return nil
	}
	bw.WriteString("[")
	type batch struct {
		facts []analyze.Fact
		first bool // holds the first fact: no comma before it
		out   bytes.Buffer
		err   error
		done  chan struct{}
	}
	queue := make(chan *batch, 2*jobs)
	slots := make(chan struct{}, jobs)
	readErr := make(chan error, 1)
	go func() {
		defer close(queue)
		b := &batch{first: true, done: make(chan struct{})}
		send := func() {
			current := b
			slots <- struct{}{}
			go func() {
				defer func() { <-slots }()
				defer close(current.done)
				current.err = encodeFacts(&current.out, current.facts, current.first)
			}()
			queue <- current
		}
		for f, err := range facts.All() {
			if err != nil {
				readErr <- err
				return
			}
			b.facts = append(b.facts, f)
			if len(b.facts) == factBatch {
				send()
				b = &batch{done: make(chan struct{})}
			}
		}
		if len(b.facts) > 0 {
			send()
		}
		readErr <- nil
	}()
	var err error
	for b := range queue {
		<-b.done
		if err == nil {
			err = b.err
		}
		if err == nil {
			_, err = b.out.WriteTo(bw)
		}
	}
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	if err != nil {
		return err
	}
	bw.WriteString("\n  ]")
	return nil
}

// encodeFacts encodes facts as elements of the summary's facts list, each
// after a comma unless it is the list's first.
func encodeFacts(out *bytes.Buffer, facts []analyze.Fact, first bool) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for i := range facts {
		if i > 0 || !first {
			out.WriteString(",")
		}
		out.WriteString("\n    ")
		buf.Reset()
		if err := enc.Encode(&facts[i]); err != nil {
			return err
		}
		out.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	return nil
}
