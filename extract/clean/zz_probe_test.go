package clean

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func oldProse(s shape) bool {
	if s.han < 8 || s.han*2 < s.runes {
		return false
	}
	if s.separators >= 3 && s.stops == 0 {
		return false
	}
	return s.stops >= 1 || (s.commas >= 1 && s.han >= 20) || s.han >= 60
}

func TestProbeProse(t *testing.T) {
	list := os.Getenv("PROBE_LIST")
	if list == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(list)
	for _, f := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		b, _ := os.ReadFile(f)
		norm := Normalize([]rune(string(b)), Options{})
		for _, l := range splitLines(norm) {
			s, e := trim(norm, l.Start, l.End)
			sh := measure(norm, s, e, nil)
			if oldProse(sh) != sh.prose() {
				line := []rune(string(norm[s:e]))
				if len(line) > 100 {
					line = line[:100]
				}
				fmt.Printf("%s\t%v\t%s\n", f[len("/work/shared/corpus/"):], sh.prose(), string(line))
			}
		}
	}
}
