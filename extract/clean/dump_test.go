package clean

import (
	"fmt"
	"os"
	"testing"
)

// TestDump prints what Process finds in CLEAN_DUMP (a file): a tool for
// reviewing rules by eye, skipped otherwise.
func TestDump(t *testing.T) {
	path := os.Getenv("CLEAN_DUMP")
	if path == "" {
		t.Skip("set CLEAN_DUMP=file to print its analysis")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := Process(string(raw), Options{})
	for _, r := range d.Removed {
		text := []rune(string(d.Text[r.Start:r.End]))
		if len(text) > 60 {
			text = append(text[:60], '…')
		}
		fmt.Printf("REMOVED %-17s %6d-%-6d %q\n", r.Reason, r.Start, r.End, string(text))
	}
	for i, b := range d.Bulletins {
		fmt.Printf("BULLETIN %d [%d,%d) title=%v issuer=%v issue=%v date=%v\n", i, b.Start, b.End, b.Title, b.Issuer, b.Issue, b.Date)
		for _, s := range b.Sections {
			fmt.Printf("  SECTION L%d %q %q line %d [%d,%d)\n", s.Level, s.Marker, s.Title, s.Line, s.Start, s.End)
		}
		fmt.Printf("  %d sentences\n", len(b.Sentences))
		if os.Getenv("CLEAN_TEXT") != "" {
			fmt.Println(d.CleanText(b))
		}
	}
}
