package clean

import (
	"fmt"
	"os"
	"testing"
)

func TestProbeLines(t *testing.T) {
	path := os.Getenv("PROBE_FILE")
	if path == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(path)
	norm := Normalize([]rune(string(raw)), Options{})
	det := detectBoilerplate(norm, splitLines(norm))
	fmt.Println("titleAt", det.titleAt)
	for i, l := range det.lines {
		if !l.empty {
			text := []rune(det.text(i))
			if len(text) > 50 {
				text = text[:50]
			}
			fmt.Printf("%d\t%v\t%v\t%s\t%s\n", i, l.prose, l.flagged, l.reason, string(text))
		}
	}
}
