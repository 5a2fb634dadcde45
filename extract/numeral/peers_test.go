package numeral

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

type peerCase struct {
	Suite        string       `json:"suite"`
	Input        string       `json:"input"`
	Task         string       `json:"task"`
	Mode         string       `json:"mode"`
	Source       string       `json:"source"`
	CaseIndex    int          `json:"case_index"`
	Expect       []peerExpect `json:"expect"`
	ExpectError  string       `json:"expect_error"`
	NotSupported []string     `json:"not_supported"`
	DefinedIn    []string     `json:"defined_in"`
}

type peerExpect struct {
	Text   string          `json:"text"`
	Value  json.RawMessage `json:"value"`
	Unit   *string         `json:"unit"`
	Kind   string          `json:"kind"`
	Offset []int           `json:"offset"`
}

func readPeerCases(t *testing.T, name string) []peerCase {
	t.Helper()
	path := filepath.Join(testutil.SharedDir(t), "peers", name)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("peer suite %s: %v", path, err)
	}
	defer f.Close()
	var cases []peerCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c peerCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		cases = append(cases, c)
	}
	return cases
}

// peerValue reads a suite's value: a JSON number, or a string such as "0.4%" or "01".
func peerValue(raw json.RawMessage) (float64, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, false
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err == nil {
		return f, true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, false
	}
	s = strings.TrimSuffix(s, "%")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

func close(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// cn2anDeviations are parse_whole cases we answer differently on purpose.
var cn2anDeviations = map[string]string{}

func TestCn2anParseWhole(t *testing.T) {
	cases := readPeerCases(t, "cn2an.jsonl")
	valid := map[string]bool{}
	for _, c := range cases {
		if c.Task == "parse_whole" && len(c.Expect) > 0 {
			valid[c.Input] = true
		}
	}
	total, passed := 0, 0
	for _, c := range cases {
		if c.Task != "parse_whole" {
			continue
		}
		total++
		name := c.Mode + "/" + c.Input
		if reason, ok := cn2anDeviations[name]; ok {
			t.Logf("deviation %s: %s", name, reason)
			continue
		}
		strict := c.Mode == "strict"
		num, err := ParseNumber(c.Input, ParseOptions{Strict: strict})
		if len(c.Expect) == 0 {
			if err == nil {
				t.Errorf("%s: got %v, want an error (%s)", name, num.Value, c.ExpectError)
				continue
			}
			// Our default (lenient) mode must also reject what cn2an's normal or smart
			// mode rejects, unless another mode accepts it (100万 is smart-mode valid).
			if !valid[c.Input] && (contains(c.DefinedIn, "error_normal_datas") || contains(c.DefinedIn, "error_smart_datas")) {
				if v, err := Parse(c.Input); err == nil {
					t.Errorf("lenient %q: got %v, want an error", c.Input, v)
					continue
				}
			}
			passed++
			continue
		}
		want, ok := peerValue(c.Expect[0].Value)
		if !ok {
			t.Fatalf("%s: bad value %s", name, c.Expect[0].Value)
		}
		if err != nil {
			t.Errorf("%s: %v, want %v", name, err, want)
			continue
		}
		if !close(num.Value, want) {
			t.Errorf("%s: got %v, want %v", name, num.Value, want)
			continue
		}
		if !strict {
			// Whatever cn2an reads in any mode, our default Parse reads too.
			if v, err := Parse(c.Input); err != nil || !close(v, want) {
				t.Errorf("lenient %q: got %v, %v, want %v", c.Input, v, err, want)
				continue
			}
		}
		passed++
	}
	t.Logf("cn2an parse_whole: %d/%d passed (%.1f%%), %d deviations", passed, total, 100*float64(passed)/float64(total), len(cn2anDeviations))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
