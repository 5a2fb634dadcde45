package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/extract/decode"
	"github.com/bulletin-tool/bulletin/extract/docx"
	"github.com/bulletin-tool/bulletin/extract/htmltext"
)

// Formats a file can be read as.
const (
	FormatText = "text"
	FormatDocx = "docx"
	FormatHTML = "html"
)

// DefaultMaxFileBytes is the largest file read unless ReadOptions says otherwise.
const DefaultMaxFileBytes = 256 << 20

// ReadOptions control how a file is turned into text.
type ReadOptions struct {
	// Encoding overrides detection (utf-8, utf-16le, utf-16be, gb18030,
	// gbk, big5); empty detects.
	Encoding string
	// MaxBytes refuses larger files; 0 means DefaultMaxFileBytes.
	MaxBytes int64
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// Text is a file read and decoded: the text every span refers to.
type Text struct {
	Source Source
	Text   string
	// Dropped is what an HTML reader left out (navigation, scripts); it is
	// not part of Text.
	Dropped []Removed
	// Page is the decoded source Text was read out of (an HTML page); empty
	// when Text is the decoded file itself. Spans of records refer to Page
	// when it is set.
	Page string
}

// FileError is an error about one input file. Stage says which step failed.
type FileError struct {
	Path  string
	Stage string
	Err   error
}

func (e *FileError) Error() string { return fmt.Sprintf("%s: %s: %v", e.Path, e.Stage, e.Err) }
func (e *FileError) Unwrap() error { return e.Err }

// ReadFile reads, sniffs and decodes one input.
func ReadFile(in Input, opts ReadOptions) (*Text, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxFileBytes
	}
	data, err := readAll(in, opts.Stdin, limit)
	if err != nil {
		return nil, &FileError{Path: in.Path, Stage: "read", Err: err}
	}
	return DecodeBytes(in.Path, data, opts)
}

// DecodeBytes turns the bytes of a file named path into Text.
func DecodeBytes(path string, data []byte, opts ReadOptions) (*Text, error) {
	sum := sha256.Sum256(data)
	src := Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data))}
	if len(data) == 0 {
		return nil, &FileError{Path: path, Stage: "read", Err: errors.New("empty file")}
	}
	ext := strings.ToLower(filepath.Ext(path))
	if docx.Sniff(data) || ext == ".docx" {
		text, err := docx.Read(bytes.NewReader(data), int64(len(data)), docx.Options{})
		if err != nil {
			return nil, &FileError{Path: path, Stage: "docx", Err: err}
		}
		src.Format, src.Encoding, src.Confidence = FormatDocx, "utf-8", 1
		if strings.TrimSpace(text) == "" {
			return nil, &FileError{Path: path, Stage: "docx", Err: errors.New("the document holds no text")}
		}
		return &Text{Source: src, Text: text}, nil
	}
	if ext == ".doc" || ext == ".wps" || ext == ".pdf" {
		return nil, &FileError{Path: path, Stage: "read", Err: fmt.Errorf("unsupported format %s: convert it to .docx or text first", ext)}
	}
	isHTML := ext == ".html" || ext == ".htm" || ext == ".xhtml" || htmltext.Sniff(data)
	enc := opts.Encoding
	if enc == "" && isHTML && !utf8.Valid(data) {
		// a page's own <meta charset> beats guessing when the bytes are not
		// UTF-8 (pages often declare gb2312 and are UTF-8 all the same)
		if meta := htmltext.CharsetFromMeta(data); meta != "" && decode.CanonicalName(meta) != "" {
			enc = meta
		}
	}
	dec, err := decode.Decode(data, decode.Options{Encoding: enc})
	if err != nil {
		return nil, &FileError{Path: path, Stage: "decode", Err: err}
	}
	src.Format, src.Encoding, src.Confidence, src.Invalid = FormatText, dec.Encoding, dec.Confidence, dec.Invalid
	t := &Text{Source: src, Text: dec.Text}
	if isHTML {
		res, err := htmltext.Extract(dec.Text, htmltext.Options{})
		if err != nil {
			return nil, &FileError{Path: path, Stage: "html", Err: err}
		}
		t.Source.Format = FormatHTML
		t.Page = dec.Text
		t.Text = res.Text
		for _, d := range res.Dropped {
			t.Dropped = append(t.Dropped, Removed{Start: -1, End: -1, Reason: "html-" + d.Reason, Text: d.Text})
		}
	}
	if strings.TrimSpace(t.Text) == "" {
		return nil, &FileError{Path: path, Stage: "decode", Err: errors.New("no text in the file")}
	}
	return t, nil
}

func readAll(in Input, stdin io.Reader, limit int64) ([]byte, error) {
	var r io.Reader
	if in.Path == StdinPath {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		r = stdin
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, describeStatError(in.Path, err)
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if fi.IsDir() {
			return nil, errors.New("is a directory")
		}
		if fi.Size() > limit {
			return nil, fmt.Errorf("file is %d bytes, more than the limit of %d (--max-bytes)", fi.Size(), limit)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("input is larger than the limit of %d bytes (--max-bytes)", limit)
	}
	return data, nil
}
