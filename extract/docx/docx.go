package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// DefaultMaxBytes is the default limit on the uncompressed size of a part.
const DefaultMaxBytes = 64 << 20

// DefaultMaxEntries is the default limit on the number of zip entries; real
// documents have a few dozen.
const DefaultMaxEntries = 10000

var (
	// ErrNotWord means the zip holds no main document part.
	ErrNotWord = errors.New("not a Word document: no word/document.xml")
	// ErrTooLarge means a part is, or claims to be, larger than
	// Options.MaxBytes once uncompressed.
	ErrTooLarge = errors.New("docx part too large once uncompressed")
	// ErrTooManyEntries means the zip has more than Options.MaxEntries entries.
	ErrTooManyEntries = errors.New("docx has too many zip entries")
	// ErrCorrupt means the zip or its XML is damaged.
	ErrCorrupt = errors.New("corrupt docx")
)

// Options control Read.
type Options struct {
	// MaxBytes limits the uncompressed size of each part read (the main
	// document, notes); 0 means DefaultMaxBytes. Both the size the zip
	// declares and the bytes actually inflated are checked.
	MaxBytes int64
	// MaxEntries limits the number of zip entries; 0 means DefaultMaxEntries.
	MaxEntries int
	// Notes appends the text of footnotes and endnotes after the body,
	// separated from it by an empty line.
	Notes bool
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) maxEntries() int {
	if o.MaxEntries > 0 {
		return o.MaxEntries
	}
	return DefaultMaxEntries
}

// Sniff reports whether data, the start of a file, looks like a .docx: a zip
// local file header and a part name under word/.
func Sniff(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(data, []byte("word/"))
}

// ReadFile reads the text of the .docx file at path.
func ReadFile(path string, opts Options) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	text, err := Read(f, info.Size(), opts)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return text, nil
}

// Read reads the text of a .docx of the given size from r.
func Read(r io.ReaderAt, size int64, opts Options) (string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if len(zr.File) > opts.maxEntries() {
		return "", fmt.Errorf("%w: %d entries, limit %d", ErrTooManyEntries, len(zr.File), opts.maxEntries())
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	mainName := mainDocumentName(parts, opts)
	main, ok := parts[mainName]
	if !ok {
		return "", ErrNotWord
	}
	var out textWriter
	if err := readPart(main, opts, &out); err != nil {
		return "", err
	}
	if opts.Notes {
		for _, name := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
			if f, ok := parts[name]; ok {
				out.notesSeparator()
				if err := readPart(f, opts, &out); err != nil {
					return "", err
				}
			}
		}
	}
	return out.String(), nil
}

// mainDocumentName finds the main part through the package relationships,
// as Word does; almost always word/document.xml, its fallback.
func mainDocumentName(parts map[string]*zip.File, opts Options) string {
	const fallback = "word/document.xml"
	rels, ok := parts["_rels/.rels"]
	if !ok || rels.UncompressedSize64 > 1<<20 {
		return fallback
	}
	rc, err := rels.Open()
	if err != nil {
		return fallback
	}
	defer rc.Close()
	var doc struct {
		Relationships []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&doc); err != nil {
		return fallback
	}
	for _, rel := range doc.Relationships {
		if strings.HasSuffix(rel.Type, "/officeDocument") {
			target := strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
			if _, ok := parts[target]; ok {
				return target
			}
		}
	}
	return fallback
}

func readPart(f *zip.File, opts Options, out *textWriter) error {
	limit := opts.maxBytes()
	if f.UncompressedSize64 > uint64(limit) {
		return fmt.Errorf("%w: %s declares %d bytes, limit %d", ErrTooLarge, f.Name, f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrCorrupt, f.Name, err)
	}
	defer rc.Close()
	// The declared size may lie; count what inflates.
	lr := &limitReader{r: rc, remaining: limit}
	if err := extractText(lr, out); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return fmt.Errorf("%w: %s inflates past %d bytes", ErrTooLarge, f.Name, limit)
		}
		return fmt.Errorf("%w: %s: %w", ErrCorrupt, f.Name, err)
	}
	return nil
}

// limitReader fails with ErrTooLarge instead of ending quietly like
// io.LimitReader, so that a cut document is not mistaken for a whole one.
type limitReader struct {
	r         io.Reader
	remaining int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.remaining <= 0 {
		// One byte more tells a part of exactly the limit from a larger one.
		var probe [1]byte
		n, err := l.r.Read(probe[:])
		if n > 0 {
			return 0, ErrTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.remaining {
		p = p[:l.remaining]
	}
	n, err := l.r.Read(p)
	l.remaining -= int64(n)
	return n, err
}
