package extract

// The evaluation test: the extractor, run in process on every gold
// document, scored by the Go port of score.py (evalscore_test.go). It fails
// below the regression floors and says "below target" under the issue's
// targets, so CI stops a regression now and the gap to the goal stays
// visible. `go test ./extract/ -run TestEvaluateGold -v` prints the
// figures and a per-document breakdown.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// The targets, for the official gold (/work/shared/gold).
const (
	targetCountF1    = 0.95
	targetApproxAcc  = 0.98
	targetObjectAcc  = 0.85
	targetUnitF1     = 0.85
	targetActivityF1 = 0.75
)

// Regression floors: the figures measured with scripts/score.sh on
// 2026-12-01 (docs/accuracy.md) less 0.02. The test fails below them. Raise
// them when the extractor improves; never lower them to make a change pass.
// The project set grew from ten to twenty-seven documents on 2026-12-01
// (seventeen annotated blind); its floors were set again from the figures on
// the twenty-seven (the extractor of that morning scored count F1 0.946,
// unit F1 0.549 and activity F1 0.381 on them).
const (
	officialFloorCountF1    = 0.976 // measured 0.996
	officialFloorApproxAcc  = 0.98  // measured 1.0
	officialFloorObjectAcc  = 0.941 // measured 0.961
	officialFloorUnitF1     = 0.83  // measured 0.850
	officialFloorActivityF1 = 0.747 // measured 0.767

	projectFloorCountF1    = 0.948 // measured 0.968
	projectFloorApproxAcc  = 0.975 // measured 0.995
	projectFloorObjectAcc  = 0.827 // measured 0.847
	projectFloorUnitF1     = 0.607 // measured 0.627
	projectFloorActivityF1 = 0.405 // measured 0.425
)

// evalFigures are the five scored figures of a gold set.
type evalFigures struct {
	CountF1, ApproxAcc, ObjectAcc, UnitF1, ActivityF1 float64
}

func (f evalFigures) named() []struct {
	name  string
	value float64
} {
	return []struct {
		name  string
		value float64
	}{{"count_f1", f.CountF1}, {"approx_acc", f.ApproxAcc}, {"object_acc", f.ObjectAcc}, {"unit_f1", f.UnitF1}, {"activity_f1", f.ActivityF1}}
}

func figuresOf(s scoreSummary) evalFigures {
	return evalFigures{CountF1: s.CountF1, ApproxAcc: s.ApproxAcc, ObjectAcc: s.ObjectAcc, UnitF1: s.UnitF1, ActivityF1: s.ActivityF1}
}

// evalGoldSet is one directory of gold files and the floors it must keep.
type evalGoldSet struct {
	Name    string
	Dir     string
	Targets evalFigures
	Floors  evalFigures
}

// evalGoldSets lists the official and the project-made gold. Both name
// their documents relative to the shared corpus, so both need it.
func evalGoldSets(t *testing.T) (corpus string, sets []evalGoldSet) {
	t.Helper()
	shared := testutil.SharedDir(t)
	root, err := testutil.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	targets := evalFigures{targetCountF1, targetApproxAcc, targetObjectAcc, targetUnitF1, targetActivityF1}
	return filepath.Join(shared, "corpus"), []evalGoldSet{
		{
			Name: "official", Dir: filepath.Join(shared, "gold"), Targets: targets,
			Floors: evalFigures{officialFloorCountF1, officialFloorApproxAcc, officialFloorObjectAcc, officialFloorUnitF1, officialFloorActivityF1},
		},
		{
			Name: "project", Dir: filepath.Join(root, "testdata", "gold"), Targets: targets,
			Floors: evalFigures{projectFloorCountF1, projectFloorApproxAcc, projectFloorObjectAcc, projectFloorUnitF1, projectFloorActivityF1},
		},
	}
}

// The extractor is shared by the tests of this file, so that the
// dictionary loads once per test binary.
var evalExtractorOnce = sync.OnceValues(func() (*Extractor, error) { return New(Options{}) })

// evalPredictions extracts every document of a gold directory and returns
// the records as `bulletin extract` writes them (JSON Lines).
func evalPredictions(t *testing.T, corpus, goldDir string) []byte {
	t.Helper()
	x, err := evalExtractorOnce()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(goldDir, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("no gold files in %s", goldDir)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var gold struct {
			File string `json:"file"`
		}
		if err := json.Unmarshal(data, &gold); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		recs, err := x.ExtractFile(Input{Path: filepath.Join(corpus, gold.File)})
		if err != nil {
			t.Errorf("extract %s: %v", gold.File, err)
			continue
		}
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out.Bytes()
}

func TestEvaluateGold(t *testing.T) {
	corpus, sets := evalGoldSets(t)
	for _, set := range sets {
		t.Run(set.Name, func(t *testing.T) {
			if _, err := os.Stat(set.Dir); err != nil {
				t.Skipf("gold %s: %v", set.Dir, err)
			}
			preds := evalPredictions(t, corpus, set.Dir)
			rep, err := scoreGold(scoreOptions{GoldDir: set.Dir, InputDir: corpus, Predictions: preds})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range rep.Warnings {
				t.Errorf("gold: %s", w)
			}
			line := fmt.Sprintf("%s gold: %s", set.Name, rep.Summary.Line())
			t.Log(line)
			if testing.Verbose() {
				fmt.Println(line)
				for _, d := range rep.Docs {
					t.Log(evalDocumentLine(d))
				}
			}
			got := figuresOf(rep.Summary).named()
			floors, targets := set.Floors.named(), set.Targets.named()
			for i, g := range got {
				switch {
				case g.value < floors[i].value:
					t.Errorf("%s %s = %.3f, below the regression floor %.3f (target %.3f)", set.Name, g.name, g.value, floors[i].value, targets[i].value)
				case g.value < targets[i].value:
					t.Logf("%s %s = %.3f: below target %.3f (regression floor %.3f)", set.Name, g.name, g.value, targets[i].value, floors[i].value)
				}
			}
		})
	}
}

// evalDocumentLine is one document's figures for the -v breakdown.
func evalDocumentLine(d scoreDocument) string {
	t := d.Totals
	var b strings.Builder
	fmt.Fprintf(&b, "%s: count f1=%s tp=%d gold=%d pred=%d approx_ok=%d object_ok=%d units %d/%d/%d activities %d/%d/%d (tp/gold/pred)",
		d.File, pyFloat(d.F1), d.TP, d.Gold, d.Pred, t.ApproxOK, t.ObjectOK,
		t.UnitTP, t.UnitGold, t.UnitPred, t.ActivityTP, t.ActivityGold, t.ActivityPred)
	if len(d.Missed) > 0 {
		fmt.Fprintf(&b, "\n    missed: %s", strings.Join(d.Missed, " "))
	}
	if len(d.Extra) > 0 {
		var extra []string
		for _, x := range d.Extra {
			extra = append(extra, pyStr(x))
		}
		fmt.Fprintf(&b, "\n    extra:  %s", strings.Join(extra, " "))
	}
	return b.String()
}

// scorePy locates python3 and score.py, or skips.
func scorePy(t *testing.T) (python, script string) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	script = filepath.Join(testutil.SharedDir(t), "tools", "score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("score.py: %v", err)
	}
	return python, script
}

// compareWithScorePy runs score.py on the same predictions and checks that
// the port prints the same text (--verbose), writes the same warnings and
// computes the same JSON (--json).
func compareWithScorePy(t *testing.T, goldDir, inputDir string, preds []byte) {
	t.Helper()
	python, script := scorePy(t)
	rep, err := scoreGold(scoreOptions{GoldDir: goldDir, InputDir: inputDir, Predictions: preds})
	if err != nil {
		t.Fatal(err)
	}
	predPath := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(predPath, preds, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(flag string) (stdout, stderr []byte) {
		cmd := exec.Command(python, script, goldDir, inputDir, predPath, flag)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("score.py %s: %v\n%s", flag, err, errOut.Bytes())
		}
		return out.Bytes(), errOut.Bytes()
	}
	text, stderr := run("--verbose")
	if want, got := string(text), rep.Text(true); got != want {
		t.Errorf("verbose output differs\nscore.py:\n%s\nGo port:\n%s", want, got)
	}
	var wantWarnings []string
	for _, line := range strings.Split(strings.TrimSpace(string(stderr)), "\n") {
		if line != "" {
			wantWarnings = append(wantWarnings, line)
		}
	}
	if !reflect.DeepEqual(wantWarnings, rep.Warnings) {
		t.Errorf("warnings differ\nscore.py: %q\nGo port:  %q", wantWarnings, rep.Warnings)
	}
	jsonOut, _ := run("--json")
	want, err := decodeJSONValue(jsonOut)
	if err != nil {
		t.Fatalf("score.py --json: %v", err)
	}
	mine, err := json.Marshal(map[string]any{"summary": rep.Summary, "docs": rep.Docs})
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeJSONValue(mine)
	if err != nil {
		t.Fatal(err)
	}
	normalizeJSONNumbers(want)
	normalizeJSONNumbers(got)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("--json differs\nscore.py: %s\nGo port:  %s", jsonOut, mine)
	}
	t.Logf("score.py and the Go port agree: %s", rep.Summary.Line())
}

// normalizeJSONNumbers rewrites numbers so that Python's 1.0 and Go's 1
// compare equal, in place.
func normalizeJSONNumbers(v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if n, ok := e.(json.Number); ok {
				x[k] = pyStr(json.Number(pyFloatNumber(n)))
				continue
			}
			normalizeJSONNumbers(e)
		}
	case []any:
		for i, e := range x {
			if n, ok := e.(json.Number); ok {
				x[i] = pyStr(json.Number(pyFloatNumber(n)))
				continue
			}
			normalizeJSONNumbers(e)
		}
	}
}

func pyFloatNumber(n json.Number) string {
	f, err := n.Float64()
	if err != nil {
		return string(n)
	}
	return pyFloat(f)
}

func TestGoScorerAgreesWithScorePy(t *testing.T) {
	corpus, sets := evalGoldSets(t)
	scorePy(t)
	for _, set := range sets {
		t.Run(set.Name, func(t *testing.T) {
			if _, err := os.Stat(set.Dir); err != nil {
				t.Skipf("gold %s: %v", set.Dir, err)
			}
			compareWithScorePy(t, set.Dir, corpus, evalPredictions(t, corpus, set.Dir))
		})
	}
}

// TestGoScorerAgreesOnEdgeCases feeds both scorers a made-up gold set that
// exercises what real predictions rarely do: GB18030 with broken bytes,
// a UTF-16 file, overlapping occurrences, a region, optional counts, a text
// not found, float and bool starts, missing ends, numeric strings, width
// folding, the optional 个, marker words and duplicate names.
func TestGoScorerAgreesOnEdgeCases(t *testing.T) {
	scorePy(t)
	dir := t.TempDir()
	goldDir, inputDir := filepath.Join(dir, "gold"), filepath.Join(dir, "input")
	for _, d := range []string{goldDir, inputDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path string, data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// GB18030 "开展活动12场次，" then a byte that starts no character, then
	// "覆盖率达到100％" and a lead byte cut off at the end of the file.
	gbk := []byte{0xBF, 0xAA, 0xD5, 0xB9, 0xBB, 0xEE, 0xB6, 0xAF}
	gbk = append(gbk, "12"...)
	gbk = append(gbk, 0xB3, 0xA1, 0xB4, 0xCE, 0xA3, 0xAC, 0x80, 0xFF)
	gbk = append(gbk, 0xB8, 0xB2, 0xB8, 0xC7, 0xC2, 0xCA, 0xB4, 0xEF, 0xB5, 0xBD)
	gbk = append(gbk, "100"...)
	gbk = append(gbk, 0xA3, 0xA5, 0x81)
	write(filepath.Join(inputDir, "gbk.txt"), gbk)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "服务群众5万余人次，约3个百分点" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	write(filepath.Join(inputDir, "utf16.txt"), utf16)
	write(filepath.Join(inputDir, "plain.txt"), []byte("七克台镇开展“文化之冬”活动11场，11场11场。页数:约6页 近200名志愿者"))

	write(filepath.Join(goldDir, "gbk.txt.gold.json"), []byte(`{"file": "gbk.txt", "counts": [
	 {"text": "12场次", "value": 12, "approx": "", "measure": "场次", "object": "活动"},
	 {"text": "100％", "value": 100, "approx": "", "measure": "%", "object": "覆盖率"}],
	 "units": [], "activities": ["活动"]}`))
	write(filepath.Join(goldDir, "utf16.txt.gold.json"), []byte(`{"file": "utf16.txt", "counts": [
	 {"text": "5万余人次", "value": 50000, "approx": "余", "measure": "人次", "object": "群众"},
	 {"text": "3个百分点", "value": 3, "approx": "约", "measure": "百分点", "object": ""}]}`))
	write(filepath.Join(goldDir, "plain.txt.gold.json"), []byte(`{"file": "plain.txt", "region": [0, 30], "counts": [
	 {"text": "11场", "occurrence": 1, "value": 11, "approx": "", "measure": "场", "object": "“文化之冬”活动"},
	 {"text": "11场", "occurrence": 3, "value": 11, "approx": "", "measure": "场", "object": "", "optional": true},
	 {"text": "1场", "occurrence": 2, "value": 1, "approx": "", "measure": "场", "optional": true},
	 {"text": "99场", "value": 99, "approx": "", "measure": "场"},
	 {"text": "200名", "value": 200, "approx": "近", "measure": "名", "object": "志愿者"}],
	 "units": ["七克台镇", "七克台镇", "镇"], "activities": ["“文化之冬”活动"]}`))
	write(filepath.Join(goldDir, "README.md"), []byte("not a gold file"))

	preds := strings.Join([]string{
		`{"source": {"path": "/elsewhere/gbk.txt"}, "quantities": [
		  {"text": "12场次", "value": "12", "measure": "场次", "approx": "", "object": "开展活动", "start": 4, "end": 8},
		  {"text": "100％", "value": 100.0000001, "measure": "％", "approx": "exact", "object": "覆盖率", "start": 15, "end": 19},
		  {"text": "x", "value": 1, "measure": "", "start": 3.0, "end": 4}],
		 "units": [{"name": "开展"}], "activities": [{"name": "活动"}, {"name": "活动"}]}`,
		`{"source": {"path": "utf16.txt"}, "quantities": [
		  {"text": "starts where the gold ends", "value": 50000, "measure": "人次", "start": 9, "end": 10},
		  {"text": "5万余人次", "value": 5e4, "measure": "人次", "approx": " lower ", "object": "服务群众", "start": 4},
		  {"text": "5万余人次", "value": 50000, "measure": "人次", "approx": "余", "object": "群众", "start": 4, "end": 9},
		  {"text": "3个百分点", "value": 3, "measure": "个百分点", "approx": "about", "object": null, "start": 11, "end": 16}]}`,
		`{"source": {"path": "plain.txt"}, "quantities": [
		  {"text": "11场", "value": 11, "measure": "场", "object": "文化之冬", "start": 13, "end": 16},
		  {"text": "11场", "value": 11, "measure": "场", "start": 17, "end": 20},
		  {"text": "11场", "value": 11, "measure": "场", "start": true, "end": 23},
		  {"value": 6, "measure": "页", "start": 29, "end": 31},
		  {"text": "200名", "value": 200, "measure": "名", "approx": "近", "object": "志愿者", "start": 33, "end": 37}],
		 "units": [{"name": "七克台"}, {"name": "镇"}, {"kind": "admin"}], "activities": []}`,
		``,
		`{"source": {"path": "plain.txt"}, "quantities": null, "units": [{"name": "七克台镇人民政府"}]}`,
	}, "\n")
	compareWithScorePy(t, goldDir, inputDir, []byte(strings.ReplaceAll(preds, "\n\t\t", " ")))
}

// The port reports what would make score.py raise, instead of guessing.
func TestGoScorerRejectsMalformedPredictions(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		line   string
		reason string
	}{
		{`[1, 2]`, "a record must be an object"},
		{`{"source": null}`, "source.get fails on None"},
		{`{"quantities": [1]}`, "a quantity must be an object"},
		{`{"units": "七克台镇"}`, "units must be a list of objects"},
	} {
		_, err := scoreGold(scoreOptions{GoldDir: dir, InputDir: dir, Predictions: []byte(tc.line)})
		if err == nil {
			t.Errorf("%s: no error (%s)", tc.line, tc.reason)
		}
	}
	if _, err := scoreGold(scoreOptions{GoldDir: filepath.Join(dir, "absent"), InputDir: dir}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("absent gold directory: %v", err)
	}
}
