package numeral

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	path := os.Getenv("DEBUG_FILE")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	text := []rune(string(b))
	for _, n := range Scan(text) {
		ctx0 := max(0, n.Start-4)
		ctx1 := min(len(text), n.End+3)
		flags := ""
		for name, f := range map[string]bool{"pct": n.Percent, "rng": n.Range, "vag": n.Vague, "ord": n.Ordinal, "code": n.Code, "frac": n.Fraction, "ver": n.Version} {
			if f {
				flags += name + " "
			}
		}
		fmt.Printf("%-14s %-10v %-7s %-4s %-5s %s| %s\n", n.Text, n.Value, n.Kind, n.Approx, n.Bound, flags, string(text[ctx0:ctx1]))
	}
}
