package extract

// A Go port of /work/shared/tools/score.py, the scorer the project is judged
// by, so that the evaluation test can score the extractor in process and fail
// on a regression. It follows the Python line by line, including its quirks
// (a prediction's start must be a JSON integer, a bool counts as one, the
// region filters counts but not units or activities, "gold text not found"
// drops the count from the gold total), because a port that is "better" than
// the scorer would report numbers nobody else sees. TestGoScorerAgreesWithScorePy
// runs both on the same predictions and compares their output byte for byte.
//
// Where score.py would stop with a Python exception (a malformed gold file, a
// prediction whose end is a string), the port returns an error instead.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"
)

// scoreTotals are the counters score.py sums over documents.
type scoreTotals struct {
	TP, Gold, Pred                         int // counts: matched, gold (not optional), predicted (less optional hits)
	ApproxOK, ObjectOK                     int // among the matched counts
	UnitTP, UnitGold, UnitPred             int
	ActivityTP, ActivityGold, ActivityPred int
}

func (t *scoreTotals) add(o scoreTotals) {
	t.TP += o.TP
	t.Gold += o.Gold
	t.Pred += o.Pred
	t.ApproxOK += o.ApproxOK
	t.ObjectOK += o.ObjectOK
	t.UnitTP += o.UnitTP
	t.UnitGold += o.UnitGold
	t.UnitPred += o.UnitPred
	t.ActivityTP += o.ActivityTP
	t.ActivityGold += o.ActivityGold
	t.ActivityPred += o.ActivityPred
}

// scoreSummary is score.py's summary object, rounded to three decimals as
// it rounds them; the JSON names are its keys, so that its --json output
// decodes into the same struct.
type scoreSummary struct {
	CountP     float64 `json:"count_p"`
	CountR     float64 `json:"count_r"`
	CountF1    float64 `json:"count_f1"`
	ApproxAcc  float64 `json:"approx_acc"`
	ObjectAcc  float64 `json:"object_acc"`
	UnitF1     float64 `json:"unit_f1"`
	ActivityF1 float64 `json:"activity_f1"`
	GoldCounts int     `json:"gold_counts"`
	Docs       int     `json:"docs"`
}

// scoreDocument is score.py's per-document entry; Totals and GoldFile are
// the port's additions for the per-document breakdown (not in its JSON).
type scoreDocument struct {
	File   string   `json:"file"`
	TP     int      `json:"tp"`
	Gold   int      `json:"gold"`
	Pred   int      `json:"pred"`
	F1     float64  `json:"f1"`
	Missed []string `json:"missed"`
	// Extra holds the text fields of unmatched predictions as decoded
	// (a string, or nil when a prediction has none).
	Extra []any `json:"extra"`

	GoldFile string      `json:"-"`
	Totals   scoreTotals `json:"-"`
}

// scoreReport is the whole result of scoring one gold directory.
type scoreReport struct {
	Summary scoreSummary
	Docs    []scoreDocument
	Totals  scoreTotals
	// Warnings are the lines score.py writes to standard error.
	Warnings []string
}

// scoreOptions name the three arguments of score.py.
type scoreOptions struct {
	GoldDir  string
	InputDir string
	// Predictions is the content of the predictions file (JSON Lines).
	Predictions []byte
}

// scorePredictions collects, per input base name, what the records say.
type scorePredictions struct {
	quantities []map[string]any
	units      []any
	activities []any
}

// scoreGold scores predictions against every *.gold.json of a directory.
func scoreGold(opts scoreOptions) (*scoreReport, error) {
	preds, err := parseScorePredictions(opts.Predictions)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(opts.GoldDir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".gold.json") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names) // byte order of UTF-8 is code-point order, as Python sorts
	rep := &scoreReport{}
	for _, name := range names {
		doc, warnings, err := scoreGoldFile(opts, name, preds)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		rep.Warnings = append(rep.Warnings, warnings...)
		rep.Totals.add(doc.Totals)
		rep.Docs = append(rep.Docs, doc)
	}
	t := rep.Totals
	p, r, f := scorePRF(t.TP, t.Gold, t.Pred)
	_, _, uf := scorePRF(t.UnitTP, t.UnitGold, t.UnitPred)
	_, _, af := scorePRF(t.ActivityTP, t.ActivityGold, t.ActivityPred)
	rep.Summary = scoreSummary{
		CountP: pyRound3(p), CountR: pyRound3(r), CountF1: pyRound3(f),
		UnitF1: pyRound3(uf), ActivityF1: pyRound3(af),
		GoldCounts: t.Gold, Docs: len(rep.Docs),
	}
	if t.TP > 0 {
		rep.Summary.ApproxAcc = pyRound3(float64(t.ApproxOK) / float64(t.TP))
		rep.Summary.ObjectAcc = pyRound3(float64(t.ObjectOK) / float64(t.TP))
	}
	return rep, nil
}

func parseScorePredictions(data []byte) (map[string]*scorePredictions, error) {
	preds := map[string]*scorePredictions{}
	// Python iterates lines in universal-newline mode and strips each.
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	for n, line := range strings.Split(string(data), "\n") {
		line = pyStrip(line)
		if line == "" {
			continue
		}
		v, err := decodeJSONValue([]byte(line))
		if err != nil {
			return nil, fmt.Errorf("predictions line %d: %w", n+1, err)
		}
		rec, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("predictions line %d: not an object", n+1)
		}
		path := ""
		if src, present := rec["source"]; present {
			m, ok := src.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("predictions line %d: source is not an object", n+1)
			}
			if p, present := m["path"]; present {
				if path, ok = p.(string); !ok {
					return nil, fmt.Errorf("predictions line %d: source.path is not a string", n+1)
				}
			}
		}
		name := pyBasename(path)
		d := preds[name]
		if d == nil {
			d = &scorePredictions{}
			preds[name] = d
		}
		quantities, err := pyList(rec["quantities"])
		if err != nil {
			return nil, fmt.Errorf("predictions line %d: quantities: %w", n+1, err)
		}
		for _, q := range quantities {
			m, ok := q.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("predictions line %d: a quantity is not an object", n+1)
			}
			d.quantities = append(d.quantities, m)
		}
		for _, field := range []struct {
			key string
			to  *[]any
		}{{"units", &d.units}, {"activities", &d.activities}} {
			items, err := pyList(rec[field.key])
			if err != nil {
				return nil, fmt.Errorf("predictions line %d: %s: %w", n+1, field.key, err)
			}
			for _, item := range items {
				m, ok := item.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("predictions line %d: a %s entry is not an object", n+1, field.key)
				}
				name, present := m["name"]
				if !present {
					name = ""
				}
				*field.to = append(*field.to, name)
			}
		}
	}
	return preds, nil
}

// scoreGoldCount is a gold count located in the decoded text.
type scoreGoldCount struct {
	gold       map[string]any
	start, end int
}

func scoreGoldFile(opts scoreOptions, name string, preds map[string]*scorePredictions) (scoreDocument, []string, error) {
	var doc scoreDocument
	var warnings []string
	raw, err := os.ReadFile(filepath.Join(opts.GoldDir, name))
	if err != nil {
		return doc, nil, err
	}
	v, err := decodeJSONValue(raw)
	if err != nil {
		return doc, nil, err
	}
	gold, ok := v.(map[string]any)
	if !ok {
		return doc, nil, errors.New("gold is not an object")
	}
	file, ok := gold["file"].(string)
	if !ok {
		return doc, nil, errors.New(`gold "file" is missing or not a string`)
	}
	input, err := os.ReadFile(filepath.Join(opts.InputDir, file))
	if err != nil {
		return doc, nil, err
	}
	text, err := scoreDecode(input)
	if err != nil {
		return doc, nil, fmt.Errorf("decode %s: %w", file, err)
	}
	lo, hi := 0.0, float64(len(text))
	if region, present := gold["region"]; present && pyTruthy(region) {
		span, ok := region.([]any)
		if !ok || len(span) != 2 {
			return doc, nil, errors.New("region is not a pair")
		}
		var okLo, okHi bool
		lo, okLo = pyNumber(span[0])
		hi, okHi = pyNumber(span[1])
		if !okLo || !okHi {
			return doc, nil, errors.New("region is not numeric")
		}
	}
	pd := preds[pyBasename(file)]
	if pd == nil {
		pd = &scorePredictions{}
	}
	var pq []map[string]any
	for _, q := range pd.quantities {
		if start, ok := pyInt(q["start"]); ok && lo <= float64(start) && float64(start) < hi {
			pq = append(pq, q)
		}
	}
	counts, ok := gold["counts"].([]any)
	if !ok {
		return doc, nil, errors.New(`gold "counts" is missing or not a list`)
	}
	var gq []scoreGoldCount
	for _, c := range counts {
		g, ok := c.(map[string]any)
		if !ok {
			return doc, nil, errors.New("a gold count is not an object")
		}
		surface, ok := g["text"].(string)
		if !ok {
			return doc, nil, errors.New("a gold count has no text")
		}
		occurrence := 1
		if o, present := g["occurrence"]; present {
			n, ok := pyNumber(o)
			if !ok {
				return doc, nil, fmt.Errorf("gold count %s: occurrence is not a number", surface)
			}
			occurrence = int(n)
			if float64(occurrence) != n {
				occurrence = -1 // Python's k == 1.5 is never true: not found
			}
		}
		start, end, found := scoreLocate(text, []rune(surface), occurrence)
		if !found {
			warnings = append(warnings, fmt.Sprintf("%s: gold text not found: %s#%s", name, surface, pyStr(valueOr(g, "occurrence", json.Number("1")))))
			continue
		}
		gq = append(gq, scoreGoldCount{gold: g, start: start, end: end})
	}
	used := map[int]bool{}
	var tot scoreTotals
	optionalHits := 0
	missed := []string{}
	for _, gc := range gq {
		g := gc.gold
		hit := -1
		for i, p := range pq {
			if used[i] {
				continue
			}
			// Python's `and` stops at the first false operand, so a
			// malformed field only fails when it is reached.
			start, _ := pyInt(p["start"])
			if start >= gc.end {
				continue
			}
			end := float64(start)
			if e, present := p["end"]; present {
				n, ok := pyNumber(e)
				if !ok {
					return doc, nil, fmt.Errorf("prediction %v: end is not a number", p["text"])
				}
				end = n
			}
			if end <= float64(gc.start) || !scoreClose(p["value"], g["value"]) {
				continue
			}
			goldMeasure, present := g["measure"]
			if !present {
				return doc, nil, fmt.Errorf("gold count %v has no measure", g["text"])
			}
			if scoreSameMeasure(p["measure"], goldMeasure) {
				hit = i
				break
			}
		}
		optional := pyTruthy(g["optional"])
		if hit < 0 {
			if !optional {
				missed = append(missed, g["text"].(string))
			}
			continue
		}
		used[hit] = true
		if optional {
			optionalHits++
			continue
		}
		tot.TP++
		p := pq[hit]
		if scoreBound(p["approx"]) == scoreBound(g["approx"]) {
			tot.ApproxOK++
		}
		po, gob := pyOrEmpty(p["object"]), pyOrEmpty(g["object"])
		if scoreNameMatch(po, gob) || (!pyTruthy(g["object"]) && !pyTruthy(p["object"])) {
			tot.ObjectOK++
		}
	}
	for _, gc := range gq {
		if !pyTruthy(gc.gold["optional"]) {
			tot.Gold++
		}
	}
	tot.Pred = len(pq) - optionalHits
	extra := []any{}
	for i, p := range pq {
		if !used[i] {
			extra = append(extra, p["text"])
		}
	}
	goldUnits, err := pyList(valueOr(gold, "units", []any{}))
	if err != nil {
		return doc, nil, fmt.Errorf("units: %w", err)
	}
	goldActivities, err := pyList(valueOr(gold, "activities", []any{}))
	if err != nil {
		return doc, nil, fmt.Errorf("activities: %w", err)
	}
	tot.UnitTP, tot.UnitGold, tot.UnitPred = scoreSetF1(goldUnits, pd.units)
	tot.ActivityTP, tot.ActivityGold, tot.ActivityPred = scoreSetF1(goldActivities, pd.activities)
	_, _, f := scorePRF(tot.TP, tot.Gold, tot.Pred)
	doc = scoreDocument{File: file, TP: tot.TP, Gold: tot.Gold, Pred: tot.Pred, F1: pyRound3(f), Missed: missed, Extra: extra, GoldFile: name, Totals: tot}
	return doc, warnings, nil
}

// Text renders the report as score.py prints it without --json.
func (rep *scoreReport) Text(verbose bool) string {
	var b strings.Builder
	if verbose {
		for _, d := range rep.Docs {
			fmt.Fprintf(&b, "%s: f1=%s tp=%d gold=%d pred=%d\n", d.File, pyFloat(d.F1), d.TP, d.Gold, d.Pred)
			if len(d.Missed) > 0 {
				fmt.Fprintf(&b, "   missed: %s\n", strings.Join(d.Missed[:min(30, len(d.Missed))], " "))
			}
			if len(d.Extra) > 0 {
				var extra []string
				for _, x := range d.Extra[:min(30, len(d.Extra))] {
					extra = append(extra, pyStr(x))
				}
				// print('   extra: ', ...) puts a space after each argument
				fmt.Fprintf(&b, "   extra:  %s\n", strings.Join(extra, " "))
			}
		}
	}
	b.WriteString(rep.Summary.Line())
	b.WriteByte('\n')
	return b.String()
}

// Line is score.py's summary line.
func (s scoreSummary) Line() string {
	return fmt.Sprintf("count_p=%s count_r=%s count_f1=%s approx_acc=%s object_acc=%s unit_f1=%s activity_f1=%s gold_counts=%d docs=%d",
		pyFloat(s.CountP), pyFloat(s.CountR), pyFloat(s.CountF1), pyFloat(s.ApproxAcc), pyFloat(s.ObjectAcc),
		pyFloat(s.UnitF1), pyFloat(s.ActivityF1), s.GoldCounts, s.Docs)
}

// scoreDecode is score.py's decode: a BOM names the encoding, then strict
// UTF-8, then GB18030 with each undecodable sequence replaced.
func scoreDecode(raw []byte) ([]rune, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		rest := raw[3:]
		if !utf8.Valid(rest) {
			return nil, errors.New("invalid UTF-8 after a UTF-8 byte order mark")
		}
		return []rune(string(rest)), nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return scoreDecodeUTF16(raw[2:], false)
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return scoreDecodeUTF16(raw[2:], true)
	case utf8.Valid(raw):
		return []rune(string(raw)), nil
	}
	return scoreDecodeGB18030(raw), nil
}

// scoreDecodeUTF16 decodes strictly, as Python's utf-16 codec does: an odd
// length or a lone surrogate is an error, not a replacement.
func scoreDecodeUTF16(b []byte, bigEndian bool) ([]rune, error) {
	if len(b)%2 != 0 {
		return nil, errors.New("truncated UTF-16")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] >= 0xE000 {
				return nil, fmt.Errorf("lone surrogate at unit %d", i)
			}
			i++
		case u >= 0xDC00 && u < 0xE000:
			return nil, fmt.Errorf("lone surrogate at unit %d", i)
		}
	}
	return utf16.Decode(units), nil
}

// scoreDecodeGB18030 follows CPython's gb18030 decoder with
// errors='replace' (Modules/cjkcodecs/_codecs_cn.c): an invalid sequence
// is replaced by one U+FFFD and decoding resumes at its second byte, and an
// incomplete sequence at the end is one U+FFFD. Characters are mapped with
// golang.org/x/text, which follows the WHATWG tables; they differ from
// CPython's only in code points, never in how many bytes a character takes:
// CPython maps the user-defined areas to private-use characters (done here
// by the standard's formula) and A3A0 to U+E5E5, where x/text gives U+FFFD
// and U+3000. Offsets therefore agree everywhere.
func scoreDecodeGB18030(raw []byte) []rune {
	decoder := simplifiedchinese.GB18030.NewDecoder()
	one := func(seq []byte) (rune, bool) {
		out, err := decoder.Bytes(seq)
		if err != nil {
			return 0, false
		}
		r, size := utf8.DecodeRune(out)
		if size != len(out) {
			return 0, false
		}
		return r, true
	}
	var out []rune
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < 0x80 {
			out = append(out, rune(c))
			i++
			continue
		}
		if i+1 >= len(raw) {
			out = append(out, utf8.RuneError) // incomplete at the end
			break
		}
		c2 := raw[i+1]
		if c2 >= 0x30 && c2 <= 0x39 {
			if i+3 >= len(raw) {
				out = append(out, utf8.RuneError)
				break
			}
			c3, c4 := raw[i+2], raw[i+3]
			if c < 0x81 || c > 0xFE || c3 < 0x81 || c3 > 0xFE || c4 < 0x30 || c4 > 0x39 {
				out = append(out, utf8.RuneError)
				i++
				continue
			}
			a, b, d, e := int(c-0x81), int(c2-0x30), int(c3-0x81), int(c4-0x30)
			if a < 4 {
				if linear := (a*10+b)*1260 + d*10 + e; linear < 39420 {
					r, ok := one(raw[i : i+4])
					if !ok {
						r = utf8.RuneError
					}
					out = append(out, r)
					i += 4
					continue
				}
			} else if a >= 15 {
				if r := 0x10000 + ((a-15)*10+b)*1260 + d*10 + e; r <= 0x10FFFF {
					out = append(out, rune(r))
					i += 4
					continue
				}
			}
			out = append(out, utf8.RuneError)
			i++
			continue
		}
		if c >= 0x81 && c <= 0xFE && c2 >= 0x40 && c2 <= 0xFE && c2 != 0x7F {
			if r, ok := gb18030UserDefined(c, c2); ok {
				out = append(out, r)
			} else if r, ok := one(raw[i : i+2]); ok {
				out = append(out, r)
			} else {
				// CPython maps every two-byte code in this range; x/text
				// leaves a few private-use ones unmapped
				out = append(out, utf8.RuneError)
			}
			i += 2
			continue
		}
		out = append(out, utf8.RuneError)
		i++
	}
	return out
}

// gb18030UserDefined maps the user-defined areas of GB 18030 to the
// private-use characters CPython gives them.
func gb18030UserDefined(c, c2 byte) (rune, bool) {
	switch {
	case c == 0xA3 && c2 == 0xA0:
		return 0xE5E5, true
	case c >= 0xAA && c <= 0xAF && c2 >= 0xA1:
		return 0xE000 + rune(c-0xAA)*94 + rune(c2-0xA1), true
	case c >= 0xF8 && c <= 0xFE && c2 >= 0xA1:
		return 0xE234 + rune(c-0xF8)*94 + rune(c2-0xA1), true
	case c >= 0xA1 && c <= 0xA7 && c2 <= 0xA0:
		trail := rune(c2 - 0x40)
		if c2 > 0x7F {
			trail--
		}
		return 0xE4C6 + rune(c-0xA1)*96 + trail, true
	}
	return 0, false
}

// scoreLocate finds the occurrence-th match of surface in text, counting
// overlapping matches, in code points (Python's str.find from pos+1).
func scoreLocate(text, surface []rune, occurrence int) (start, end int, found bool) {
	pos, k := -1, 0
	for {
		pos = runeIndexFrom(text, surface, pos+1)
		if pos < 0 {
			return 0, 0, false
		}
		k++
		if k == occurrence {
			return pos, pos + len(surface), true
		}
	}
}

func runeIndexFrom(text, surface []rune, from int) int {
	for i := from; i+len(surface) <= len(text); i++ {
		match := true
		for j, r := range surface {
			if text[i+j] != r {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// scoreClose is score.py's close: both values convert to floats and agree
// to a relative 1e-6.
func scoreClose(a, b any) bool {
	x, okA := pyFloatOf(a)
	y, okB := pyFloatOf(b)
	if !okA || !okB {
		return false
	}
	return math.Abs(x-y) <= 1e-6*math.Max(1.0, math.Max(math.Abs(x), math.Abs(y)))
}

// The marker words of each bound, as score.py lists them.
var (
	scoreLowerWords = scoreWordSet("余 多 以上 超 逾 超过 突破 至少 不少于 上 lower min at_least >=")
	scoreUpperWords = scoreWordSet("近 不到 不足 以内 接近 将近 以下 不超过 upper max at_most <=")
	scoreAboutWords = scoreWordSet("约 左右 大约 大概 上下 前后 about approx ~")
)

func scoreWordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// scoreBound is the meaning of an approximation marker.
func scoreBound(marker any) string {
	m := pyStrip(pyOrEmpty(marker))
	if m == "" || m == "exact" || m == "=" {
		return "exact"
	}
	for _, class := range []struct {
		name  string
		words map[string]bool
	}{{"lower", scoreLowerWords}, {"upper", scoreUpperWords}, {"about", scoreAboutWords}} {
		if class.words[m] {
			return class.name
		}
	}
	return "other:" + m
}

// scoreSameMeasure compares measures after NFKC (％ = %), with a leading 个
// optional (个百分点 = 百分点).
func scoreSameMeasure(a, b any) bool {
	x := norm.NFKC.String(pyOrEmpty(a))
	y := norm.NFKC.String(pyOrEmpty(b))
	return x == y || strings.TrimPrefix(x, "个") == strings.TrimPrefix(y, "个")
}

// scoreNameMatch is true when the shorter name is in the longer and has at
// least two code points.
func scoreNameMatch(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	short, long := a, b
	if utf8.RuneCountInString(a) > utf8.RuneCountInString(b) {
		short, long = b, a
	}
	return strings.Contains(long, short) && utf8.RuneCountInString(short) >= 2
}

// scoreSetF1 matches gold names to predicted ones greedily, each used once,
// after dropping duplicates; it returns true positives, gold and predicted
// sizes.
func scoreSetF1(gold, pred []any) (tp, goldN, predN int) {
	g, p := pyUnique(gold), pyUnique(pred)
	used := map[int]bool{}
	for _, gn := range g {
		for i, pn := range p {
			if used[i] {
				continue
			}
			gs, okG := gn.(string)
			ps, okP := pn.(string)
			if okG && okP && scoreNameMatch(gs, ps) {
				used[i] = true
				tp++
				break
			}
		}
	}
	return tp, len(g), len(p)
}

func scorePRF(tp, goldN, predN int) (p, r, f float64) {
	if predN > 0 {
		p = float64(tp) / float64(predN)
	}
	if goldN > 0 {
		r = float64(tp) / float64(goldN)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// The helpers below give Go values the Python semantics score.py relies on.
// JSON is decoded with UseNumber so that 5 and 5.0 stay distinct, as they
// are int and float in Python.

func decodeJSONValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("extra data after the JSON value")
	}
	return v, nil
}

func valueOr(m map[string]any, key string, fallback any) any {
	if v, ok := m[key]; ok {
		return v
	}
	return fallback
}

// pyInt says whether a JSON value is a Python int (a number written
// without fraction or exponent, or a bool, which Python counts as an int).
func pyInt(v any) (int, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			return 0, false
		}
		n, err := strconv.ParseInt(string(x), 10, 64)
		if err != nil {
			return 0, false
		}
		return int(n), true
	}
	return 0, false
}

// pyNumber converts a JSON number or bool, the values Python compares with ints.
func pyNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

// pyFloatOf is Python's float(v): numbers, bools and numeric strings.
func pyFloatOf(v any) (float64, bool) {
	if s, ok := v.(string); ok {
		s = strings.ReplaceAll(pyStrip(s), "_", "")
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, false
		}
		return f, true
	}
	return pyNumber(v)
}

// pyTruthy is Python's bool(v) for decoded JSON.
func pyTruthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		return err != nil || f != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// pyOrEmpty is Python's (v or ”): a falsy value is the empty string. A
// truthy non-string would make score.py fail; it is rendered as Python
// would print it, which cannot match a string anyway.
func pyOrEmpty(v any) string {
	if !pyTruthy(v) {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return pyStr(v)
}

// pyStr is Python's str(v) for decoded JSON scalars.
func pyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case string:
		return x
	case json.Number:
		if _, ok := pyInt(x); ok {
			return string(x)
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return pyFloat(f)
	}
	return fmt.Sprint(v)
}

// pyFloat is Python's repr of a float: shortest form, always with a point.
func pyFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if math.Abs(f) >= 1e-4 && math.Abs(f) < 1e16 || f == 0 {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}

// pyRound3 is Python's round(x, 3): correctly rounded from the exact binary
// value, as strconv formats it.
func pyRound3(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return r
}

// pyList is Python's (v or []) for a value that must be a list.
func pyList(v any) ([]any, error) {
	if !pyTruthy(v) {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, errors.New("not a list")
	}
	return list, nil
}

// pyUnique is list(dict.fromkeys(items)): first occurrences, in order.
func pyUnique(items []any) []any {
	seen := map[string]bool{}
	var out []any
	for _, it := range items {
		key := fmt.Sprintf("%T\x00%v", it, it)
		if n, ok := pyNumber(it); ok {
			key = "number\x00" + strconv.FormatFloat(n, 'g', -1, 64) // 1 == 1.0 == True in a dict
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, it)
	}
	return out
}

// pyBasename is os.path.basename on a POSIX system.
func pyBasename(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// pyStrip is Python's str.strip(): Unicode white space plus the
// information separators U+001C–U+001F, which Go does not count as space.
func pyStrip(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r >= 0x1C && r <= 0x1F || isPythonSpace(r)
	})
}

func isPythonSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Expected runes are what CPython 3.11 gives for
// bytes.fromhex(hex).decode('gb18030', errors='replace').
func TestScoreDecodeGB18030MatchesCPython(t *testing.T) {
	for _, tc := range []struct {
		hex    string
		want   []rune
		reason string
	}{
		{"a3a0", []rune{0xE5E5}, "CPython's table, where WHATWG (x/text) has U+3000"},
		{"aaa1", []rune{0xE000}, "first user-defined area starts the private use area"},
		{"fefe", []rune{0xE4C5}, "second user-defined area ends where the third begins"},
		{"a140", []rune{0xE4C6}, "third user-defined area, trail below 0x7F"},
		{"a1a0", []rune{0xE525}, "third user-defined area, trail above 0x7F skips 0x7F"},
		{"e5e5", []rune{0x908B}, "an ordinary GBK character"},
		{"80", []rune{0xFFFD}, "0x80 is no character for CPython (WHATWG makes it €)"},
		{"8130", []rune{0xFFFD}, "a four-byte sequence cut off at the end is one replacement"},
		{"81308130", []rune{0x80}, "first four-byte code"},
		{"8431a43761", []rune{0xFFFD, 'a'}, "a four-byte code CPython maps to U+FFFD takes four bytes"},
		{"9030813041", []rune{0x10000, 'A'}, "supplementary planes by arithmetic"},
		{"8139ef30", []rune{0x3401}, "four-byte code from the BMP ranges"},
		{"817f", []rune{0xFFFD, 0x7F}, "invalid trail: one byte replaced, the trail kept"},
		{"ff41", []rune{0xFFFD, 'A'}, "0xFF starts nothing"},
	} {
		raw, err := hex.DecodeString(tc.hex)
		if err != nil {
			t.Fatal(err)
		}
		if got := scoreDecodeGB18030(raw); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %U, want %U (%s)", tc.hex, got, tc.want, tc.reason)
		}
	}
}

func TestScoreHelpers(t *testing.T) {
	for _, tc := range []struct {
		marker any
		want   string
		reason string
	}{
		{"余", "lower", "余 means at least"},
		{" 约 ", "about", "markers are stripped"},
		{"\u3000近", "upper", "ideographic space is white space to Python"},
		{nil, "exact", "a missing marker is exact"},
		{"exact", "exact", "the word exact"},
		{"大于", "other:大于", "an unknown marker is its own class"},
	} {
		if got := scoreBound(tc.marker); got != tc.want {
			t.Errorf("bound(%v) = %s, want %s (%s)", tc.marker, got, tc.want, tc.reason)
		}
	}
	for _, tc := range []struct {
		a, b   any
		want   bool
		reason string
	}{
		{"％", "%", true, "width folding"},
		{"个百分点", "百分点", true, "leading 个 optional"},
		{"个", "", true, "个 alone folds to nothing"},
		{nil, "", true, "None is the empty measure"},
		{"万元", "元", false, "multipliers are not folded"},
	} {
		if got := scoreSameMeasure(tc.a, tc.b); got != tc.want {
			t.Errorf("same_measure(%v, %v) = %v (%s)", tc.a, tc.b, got, tc.reason)
		}
	}
	for _, tc := range []struct {
		a, b   string
		want   bool
		reason string
	}{
		{"七克台镇", "七克台镇人民政府", true, "containment"},
		{"镇", "七克台镇", false, "one character is not enough"},
		{"宣传资料", "资料宣传", false, "order matters"},
		{"", "", false, "empty names never match"},
	} {
		if got := scoreNameMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("name_match(%s, %s) = %v (%s)", tc.a, tc.b, got, tc.reason)
		}
	}
	text := []rune("11场11场")
	for _, tc := range []struct {
		surface    string
		occurrence int
		start      int
		found      bool
		reason     string
	}{
		{"1场", 2, 4, true, "counted in code points"},
		{"11", 2, 3, true, "second match after the first"},
		{"1", 3, 3, true, "overlapping single characters"},
		{"场", 3, 0, false, "fewer occurrences than asked"},
		{"1场", 0, 0, false, "occurrence 0 never matches"},
	} {
		start, _, found := scoreLocate(text, []rune(tc.surface), tc.occurrence)
		if start != tc.start || found != tc.found {
			t.Errorf("locate(%s#%d) = %d %v, want %d %v (%s)", tc.surface, tc.occurrence, start, found, tc.start, tc.found, tc.reason)
		}
	}
	if got := pyRound3(0.0625); got != 0.062 {
		t.Errorf("round(0.0625, 3) = %v, want 0.062 (ties go to even, as in Python)", got)
	}
	if got := pyFloat(1); got != "1.0" {
		t.Errorf("repr(1.0) = %s", got)
	}
}
