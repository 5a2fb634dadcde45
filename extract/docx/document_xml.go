package docx

import (
	"bytes"
	"encoding/xml"
	"io"
)

// The WordprocessingML namespaces: transitional (what Word writes) and strict.
const (
	wordNamespace       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	compatNamespace     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// textWriter accumulates the text of one or more parts.
type textWriter struct {
	buf bytes.Buffer
}

func (w *textWriter) String() string { return w.buf.String() }

func (w *textWriter) notesSeparator() {
	if w.buf.Len() > 0 {
		w.buf.WriteByte('\n')
	}
}

// trimTrailingSpace drops the spaces written at the end of a table cell's
// last paragraph.
func (w *textWriter) trimTrailingSpace(floor int) {
	b := w.buf.Bytes()
	n := len(b)
	for n > floor && b[n-1] == ' ' {
		n--
	}
	w.buf.Truncate(n)
}

// tableLevel is the state of one open table level.
type tableLevel struct {
	cellsInRow int // cells opened in the current row
	cellStart  int // buffer length when the current cell opened
	inCell     bool
}

// extractText streams a WordprocessingML part into out. Paragraphs end with
// a newline; inside a table cell they are joined by a space, cells by a tab
// and rows end with a newline. Deleted and moved-away runs are skipped, as is
// the fallback copy of alternate content (it repeats the chosen one).
func extractText(r io.Reader, out *textWriter) error {
	dec := xml.NewDecoder(r)
	var (
		tables   []tableLevel
		skip     int // depth inside skipped elements
		runDepth int
		inText   bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Space == compatNamespace && t.Name.Local == "Fallback" {
				skip = 1
				continue
			}
			if !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom":
				skip = 1
			case "r":
				runDepth++
			case "t":
				inText = runDepth > 0
			case "tab":
				if runDepth > 0 { // outside runs, w:tab defines a tab stop
					out.buf.WriteByte('\t')
				}
			case "br", "cr":
				if runDepth > 0 {
					out.buf.WriteByte('\n')
				}
			case "noBreakHyphen":
				if runDepth > 0 {
					out.buf.WriteByte('-')
				}
			case "tbl":
				tables = append(tables, tableLevel{})
			case "tr":
				if len(tables) > 0 {
					tables[len(tables)-1].cellsInRow = 0
				}
			case "tc":
				if len(tables) > 0 {
					level := &tables[len(tables)-1]
					if level.cellsInRow > 0 {
						out.buf.WriteByte('\t')
					}
					level.cellsInRow++
					level.inCell = true
					level.cellStart = out.buf.Len()
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "r":
				runDepth = max(0, runDepth-1)
			case "t":
				inText = false
			case "p":
				if n := len(tables); n > 0 && tables[n-1].inCell {
					if out.buf.Len() > tables[n-1].cellStart {
						out.buf.WriteByte(' ')
					}
				} else {
					out.buf.WriteByte('\n')
				}
			case "tc":
				if n := len(tables); n > 0 {
					out.trimTrailingSpace(tables[n-1].cellStart)
					tables[n-1].inCell = false
				}
			case "tr":
				switch {
				case len(tables) > 1: // keep a nested table on its outer row
					out.buf.WriteByte(' ')
				case len(tables) == 1:
					out.buf.WriteByte('\n')
				}
			case "tbl":
				if n := len(tables); n > 0 {
					tables = tables[:n-1]
				}
			}
		case xml.CharData:
			if inText && skip == 0 {
				out.buf.Write(t)
			}
		}
	}
}

func isWord(name xml.Name) bool {
	return name.Space == wordNamespace || name.Space == wordStrictNamespace
}
