package analyze

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/extract/measure"
)

func analyzeFixture(t *testing.T) *Summary {
	t.Helper()
	s, err := Analyze(fixture(), fixtureFailures(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func findTotal(s *Summary, dimension, key, measure string, cumulative bool) (Total, bool) {
	for _, t := range s.Totals {
		if t.Dimension == dimension && t.Key == key && t.Measure == measure && t.Cumulative == cumulative {
			return t, true
		}
	}
	return Total{}, false
}

func ptr(v float64) *float64 { return &v }

func TestTotals(t *testing.T) {
	s := analyzeFixture(t)
	cases := []struct {
		dimension, key, measure string
		cumulative              bool
		want                    string // Bounds()
		level                   string
		direct                  int
		reason                  string
	}{
		{"unit", "七克台镇", "元", false, "45000", "township", 1, "4.5万元 written with measure 元 counts once; the web copy's repeat is dropped"},
		{"unit", "鄯善县", "元", false, "165000", "county", 0, "township money rolls up; 12万元 converts through the multiplier prefix"},
		{"unit", "吐鲁番市", "元", false, "165000", "prefecture", 0, "a prefecture gets its townships' counts"},
		{"unit", "新疆维吾尔自治区", "元", false, "165000", "province", 0, "and so does the province"},
		{"unit", "鄯善县", "人", false, "≥ 5120", "county", 1, "4500余人 leaves the county's total open above"},
		{"unit", "鄯善县", "人次", false, "≥ 1200", "county", 0, "人次 is never added to 人"},
		{"unit", "辟展镇", "人", false, "300–400", "township", 1, "a range travels as bounds; 辟展乡 is filed under its resolved name"},
		{"unit", "七克台镇", "人", true, "2100", "township", 1, "only the latest cumulative figure counts, not 1500+2100"},
		{"unit", "鄯善县", "场次", false, "161", "county", 1, "36+120+5: parts of the 36 are not added again"},
		{"unit", "高昌区", "吨", false, "320.8", "county", 2, "800公斤 converts to 0.8吨"},
		{"unit", "高昌区", "条", false, "85", "county", 2, "the copied bulletin's counts are dropped"},
		{"activity", "入户宣讲", "场次", false, "20", "", 0, "a part feeds its own, different activity"},
		{"activity", "宣讲活动", "场次", false, "36", "", 0, "a part of the same activity as its total is not added to it"},
		{"category", "person_time", "人次", false, "≥ 1260", "", 0, "the whole input's 人次, with the unit-less 60人次"},
		{"period", "本周", "人次", false, "60", "", 0, "a period the text gives wins over the bulletin date"},
		{"period", "2023-06", "人", true, "2100", "", 0, "cumulative figures stay apart in periods too"},
	}
	for _, tc := range cases {
		got, ok := findTotal(s, tc.dimension, tc.key, tc.measure, tc.cumulative)
		if !ok {
			t.Errorf("%s %s %s cumulative=%v: no total (%s)", tc.dimension, tc.key, tc.measure, tc.cumulative, tc.reason)
			continue
		}
		if got.Bounds() != tc.want || got.Level != tc.level || got.Direct != tc.direct {
			t.Errorf("%s %s %s: got %s level %q direct %d, want %s level %q direct %d (%s)",
				tc.dimension, tc.key, tc.measure, got.Bounds(), got.Level, got.Direct, tc.want, tc.level, tc.direct, tc.reason)
		}
	}
	// Rates are never summed.
	for _, tt := range s.Totals {
		if tt.Category == "rate" {
			t.Errorf("rate total %+v: percentages must not be added", tt)
		}
	}
	// No total mixes canonical measures of a category.
	for _, tt := range s.Totals {
		if tt.Category == "money" && tt.Measure != "元" {
			t.Errorf("money total in %s, want 元", tt.Measure)
		}
	}
}

func TestOpenBoundIsNullInJSON(t *testing.T) {
	s := analyzeFixture(t)
	got, _ := findTotal(s, "unit", "鄯善县", "人", false)
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"high":null`)) || got.Exact != 5120 || got.Low != 5120 {
		t.Errorf("open total encodes as %s", b)
	}
}

func TestFormatBounds(t *testing.T) {
	cases := []struct {
		exact, low float64
		high       *float64
		want       string
		reason     string
	}{
		{450000, 450000, nil, "≥ 450000", "a lower bound leaves the top open"},
		{36, 36, ptr(36), "36", "exact"},
		{300, 300, ptr(400), "300–400", "range"},
		{100, 0, ptr(100), "≤ 100", "an upper bound (不到100)"},
		{0.8, 0.8, ptr(0.8), "0.8", "no trailing zeros"},
		{1e7, 1e7, ptr(1e7), "10000000", "no exponent"},
	}
	for _, tc := range cases {
		if got := FormatBounds(tc.exact, tc.low, tc.high); got != tc.want {
			t.Errorf("FormatBounds(%v, %v, %v) = %q, want %q (%s)", tc.exact, tc.low, tc.high, got, tc.want, tc.reason)
		}
	}
}

func TestFindings(t *testing.T) {
	s := analyzeFixture(t)
	kinds := map[string][]Finding{}
	for _, f := range s.Findings {
		kinds[f.Kind] = append(kinds[f.Kind], f)
	}
	want := map[string]int{
		FindingBreakdownMismatch: 1, FindingDuplicateDocument: 1, FindingNearDuplicate: 1,
		FindingRepeatedFact: 3, FindingMasked: 1, FindingFailedFile: 1,
	}
	for kind, n := range want {
		if len(kinds[kind]) != n {
			t.Errorf("%d %s findings, want %d: %+v", len(kinds[kind]), kind, n, kinds[kind])
		}
	}
	dup := kinds[FindingDuplicateDocument][0]
	if dup.Path != "corpus/gaochang/copy-of-2023-05.txt" || dup.OtherPath != "corpus/gaochang/2023-05.txt" || len(dup.Facts) != 3 {
		t.Errorf("duplicate: the later path must be dropped, with its counts listed: %+v", dup)
	}
	near := kinds[FindingNearDuplicate][0]
	if near.Path != "web/qiketai-news.html" || near.Similarity < NearDuplicateSimilarity {
		t.Errorf("near duplicate: %+v", near)
	}
	if s.Overview.Failed != 1 || s.Overview.Files != 6 || s.Overview.Bulletins != 7 {
		t.Errorf("overview %+v", s.Overview)
	}
	for _, f := range s.Facts {
		if f.Dropped != "" && f.DuplicateOf == "" {
			t.Errorf("%s dropped (%s) without naming the kept count", f.Ref, f.Dropped)
		}
	}
}

func TestSameInputSameBytes(t *testing.T) {
	records := fixture()
	want := encode(t, mustAnalyze(t, records, fixtureFailures()))
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := append([]extract.Record(nil), records...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := encode(t, mustAnalyze(t, shuffled, fixtureFailures())); !bytes.Equal(got, want) {
			t.Fatalf("record order changed the output")
		}
	}
}

func mustAnalyze(t *testing.T, records []extract.Record, failures []extract.Failure) *Summary {
	t.Helper()
	s, err := Analyze(records, failures, Options{TopN: 3})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func encode(t *testing.T, s *Summary) []byte {
	t.Helper()
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// roundTrip passes a summary through its JSON form, as sharded runs do.
func roundTrip(t *testing.T, s *Summary) *Summary {
	t.Helper()
	back, err := ReadSummary(bytes.NewReader(encode(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// TestMergeEqualsWhole is the property behind sharding: any partition of the
// records, analysed apart and merged, gives the bytes of the whole. The
// fixture's duplicates and cumulative figures span shards in most partitions.
func TestMergeEqualsWhole(t *testing.T) {
	records := append(fixture(), moreRecords()...)
	failures := fixtureFailures()
	want := encode(t, mustAnalyze(t, records, failures))
	r := rand.New(rand.NewPCG(7, 11))
	for trial := range 60 {
		shards := 1 + r.IntN(5)
		parts := make([][]extract.Record, shards)
		for _, rec := range records {
			i := r.IntN(shards)
			parts[i] = append(parts[i], rec)
		}
		partFailures := make([][]extract.Failure, shards)
		partFailures[r.IntN(shards)] = failures
		var summaries []*Summary
		for i := range parts {
			s := mustAnalyze(t, parts[i], partFailures[i])
			if r.IntN(2) == 0 {
				s = roundTrip(t, s)
			}
			summaries = append(summaries, s)
		}
		// Merging is associative too: merge a merged pair with the rest.
		if len(summaries) > 2 && trial%2 == 0 {
			pair, err := Merge(summaries[0], summaries[1])
			if err != nil {
				t.Fatal(err)
			}
			summaries = append([]*Summary{pair}, summaries[2:]...)
		}
		merged, err := Merge(summaries...)
		if err != nil {
			t.Fatal(err)
		}
		if got := encode(t, merged); !bytes.Equal(got, want) {
			t.Fatalf("trial %d (%d shards): merged summary differs from the whole:\n%s", trial, shards, firstDifference(got, want))
		}
	}
}

func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + la[i] + "\n want " + lb[i]
		}
	}
	return "lengths differ"
}

// moreRecords adds random but realistic bulletins so partitions vary more.
func moreRecords() []extract.Record {
	r := rand.New(rand.NewPCG(3, 5))
	units := []extract.Unit{unitQiketai(), unitPizhan(), unitShanshan(), unitGaochang()}
	var out []extract.Record
	for i := range 12 {
		u := units[r.IntN(len(units))]
		b := newRecord("corpus/random/"+string(rune('a'+i))+".txt", 1).date("2023-0" + string(rune('1'+r.IntN(9))) + "-01").units(u)
		n := float64(10 + r.IntN(500))
		b.sentence(u.Name+"组织志愿服务活动"+FormatNumber(n)+"次。",
			c(FormatNumber(n)+"次", ex(n), "次", "event", "志愿服务").in(u.Name, "志愿服务"))
		m := float64(100 + r.IntN(9000))
		b.sentence("截至目前，"+u.Name+"累计服务"+FormatNumber(m)+"余人次。",
			c(FormatNumber(m)+"余人次", ge(m), "人次", "person_time", "群众").in(u.Name, "志愿服务").cumulative())
		if i%4 == 0 {
			// The county's sentence repeated in a township's file: a repeated fact across shards.
			b.sentence("鄯善县开展“民族团结一家亲”活动120场次，参与干部4500余人。",
				c("120场次", ex(120), "场次", "event", "活动").in("鄯善县", "民族团结一家亲"))
		}
		out = append(out, b.done())
	}
	return out
}

func TestMergeRefusesDifferentOptions(t *testing.T) {
	a := mustAnalyze(t, fixture()[:2], nil)
	b, err := Analyze(fixture()[2:], nil, Options{TopN: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Merge(a, b); err == nil || !strings.Contains(err.Error(), "options") {
		t.Errorf("merge of TopN 3 and 5 gave %v, want an options error", err)
	}
	b.Options = a.Options
	b.Lexicon = "other"
	if _, err := Merge(a, b); err == nil || !strings.Contains(err.Error(), "lexicon") {
		t.Errorf("merge of different lexicons gave %v", err)
	}
	if _, err := Merge(); err == nil {
		t.Error("merge of nothing must fail")
	}
	if _, err := Analyze(nil, nil, Options{TopN: -1}); err == nil {
		t.Error("negative TopN must fail")
	}
}

func TestTopLists(t *testing.T) {
	s := mustAnalyze(t, append(fixture(), moreRecords()...), nil)
	for _, list := range s.Top {
		if len(list.Entries) == 0 || len(list.Entries) > 3 {
			t.Errorf("top list %s/%s/%s has %d entries, want 1..3", list.Dimension, list.Level, list.Measure, len(list.Entries))
		}
		for i := 1; i < len(list.Entries); i++ {
			if list.Entries[i].Exact > list.Entries[i-1].Exact {
				t.Errorf("top list %s/%s not in decreasing order", list.Dimension, list.Measure)
			}
		}
		for _, e := range list.Entries {
			if e.Cumulative || e.Level != list.Level || e.Measure != list.Measure {
				t.Errorf("entry %+v does not belong in list %s/%s/%s", e, list.Dimension, list.Level, list.Measure)
			}
		}
	}
}

func TestEmptyInputEncodesEmptyLists(t *testing.T) {
	b := encode(t, mustAnalyze(t, nil, nil))
	if bytes.Contains(b, []byte("null")) {
		t.Errorf("empty summary has null lists:\n%s", b)
	}
}

func TestImplausibleValuesStayOut(t *testing.T) {
	b := newRecord("corpus/bad.txt", 1)
	b.sentence("拨付资金1e308万元，增长-3%。",
		c("1e308万元", ex(1e308), "万元", "money", "资金"),
		c("-3%", ex(-3), "%", "rate", "增长"))
	s := mustAnalyze(t, []extract.Record{b.done()}, nil)
	if len(s.Facts) != 1 || s.Facts[0].Measure != "%" {
		t.Errorf("facts %+v: the overflowing amount must be left out, a negative rate kept", s.Facts)
	}
	if len(s.Findings) != 1 || s.Findings[0].Kind != FindingImplausibleValue {
		t.Errorf("findings %+v, want one implausible_value", s.Findings)
	}
}

func TestSimilarAtLeastAgreesWithSimilarity(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for range 2000 {
		n := 1 + r.IntN(40)
		a, b := make([]uint32, n), make([]uint32, n)
		for i := range a {
			a[i] = uint32(r.IntN(3))
			b[i] = a[i]
			if r.IntN(6) == 0 {
				b[i] = uint32(r.IntN(3))
			}
		}
		sim := Similarity(a, b)
		got, ok := similarAtLeast(a, b, NearDuplicateSimilarity)
		if ok != (sim >= NearDuplicateSimilarity) || (ok && got != sim) {
			t.Fatalf("%v %v: similarAtLeast %v %v, Similarity %v", a, b, got, ok, sim)
		}
	}
}

// TestNearDuplicatesFindEveryPair compares the banded search with all pairs.
func TestNearDuplicatesFindEveryPair(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	var docs []Document
	for i := range 120 {
		n := []int{10, 32}[r.IntN(2)]
		sk := make([]uint32, n)
		if i > 0 && r.IntN(2) == 0 && len(docs[i-1].Sketch) == n {
			copy(sk, docs[i-1].Sketch) // a variant of the previous one
			for range r.IntN(n / 3) {
				sk[r.IntN(n)] = r.Uint32()
			}
		} else {
			for j := range sk {
				sk[j] = uint32(r.IntN(4))
			}
		}
		docs = append(docs, Document{Path: "p", Bulletin: i + 1, Digest: strconv.Itoa(i), Sketch: sk})
	}
	want := 0
	for j := range docs {
		for i := range j {
			if Similarity(docs[i].Sketch, docs[j].Sketch) >= NearDuplicateSimilarity {
				want++
			}
		}
	}
	if got := len(nearDuplicates(docs)); got != want || want == 0 {
		t.Errorf("banded search found %d pairs, all pairs %d", got, want)
	}
}

// Tenths (四成) and rates (778元/月) are kept as written by extraction; the
// summary converts tenths to per cent and never adds either up.
func TestTenthsAndRatesConvert(t *testing.T) {
	lex := measure.Default()
	tabs := loadTables()
	cases := []struct {
		word, category string
		wantCanonical  string
		wantFactor     float64
		wantAdditive   bool
		reason         string
	}{
		{"成", "rate", "%", 10, false, "四成 is 40%, and rates are not summed"},
		{"元/月", "per", "元/月", 1, false, "a rate per month is never summed"},
		{"万元", "money", "元", 10000, true, "a multiplier before a known word"},
	}
	for _, c := range cases {
		got := convert(lex, tabs, c.word, c.category)
		if got.canonical != c.wantCanonical || got.factor != c.wantFactor || got.additive != c.wantAdditive {
			t.Errorf("%s: got %+v, want canonical %s factor %g additive %v (%s)", c.word, got, c.wantCanonical, c.wantFactor, c.wantAdditive, c.reason)
		}
	}
}
