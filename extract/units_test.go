package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

func unitNames(recs []Record) map[string]Unit {
	out := map[string]Unit{}
	for _, r := range recs {
		for _, u := range r.Units {
			out[u.Name] = u
		}
	}
	return out
}

func activityNames(recs []Record) map[string]bool {
	out := map[string]bool{}
	for _, r := range recs {
		for _, a := range r.Activities {
			out[a.Name] = true
		}
	}
	return out
}

// The seed names its county, towns, communities and a village; the towns
// roll up to 鄯善县 → 吐鲁番市 → 新疆维吾尔自治区, and the renamed 辟展乡 is
// today's 辟展镇.
func TestSeedUnits(t *testing.T) {
	shared := testutil.SharedDir(t)
	recs, err := extractorForTest(t).ExtractFile(Input{Path: filepath.Join(shared, "corpus", "seed", "000_315fdb9f15213726.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d bulletins, want 2", len(recs))
	}
	units := unitNames(recs)
	for _, name := range []string{"鄯善县", "七克台镇", "连木沁镇", "鲁克沁镇", "辟展乡", "吐峪沟乡", "东巴扎", "鄯善镇", "鸿雁社区", "庭子路社区", "蝴蝶泉社区", "迪坎村"} {
		if _, ok := units[name]; !ok {
			t.Errorf("unit %s not found", name)
		}
	}
	found := false
	for name := range units {
		found = found || strings.HasSuffix(name, "滨沙社区")
	}
	if !found {
		t.Errorf("滨沙社区 not found")
	}
	if u := units["辟展乡"]; u.Resolved != "辟展镇" || u.Code == "" {
		t.Errorf("辟展乡 resolved to %q (%s), want 辟展镇", u.Resolved, u.Code)
	}
	for _, town := range []string{"七克台镇", "连木沁镇", "鲁克沁镇", "辟展乡", "吐峪沟乡", "鄯善镇"} {
		u := units[town]
		var chain []string
		for _, p := range u.Parents {
			chain = append(chain, p.Name)
		}
		if strings.Join(chain, "→") != "鄯善县→吐鲁番市→新疆维吾尔自治区" {
			t.Errorf("%s (%s) rolls up to %v", town, u.Code, chain)
		}
	}
	acts := activityNames(recs)
	for _, a := range []string{"“文化之冬”活动", "篮球赛", "民间艺人培训", "“入户交友”活动"} {
		if !acts[a] {
			t.Errorf("activity %s not found", a)
		}
	}
}

func TestOrganisationsByRule(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string
		not      []string
		reason   string
	}{
		{"鄯善县人民医院组织义诊。", []string{"鄯善县人民医院"}, nil, "left boundary by segmentation, place name included"},
		{"物理学院本科生党支部开展主题党日活动。", []string{"物理学院本科生党支部"}, nil, "a party branch named by its modifiers"},
		{"全县党员干部参加培训。", nil, []string{"党员干部"}, "干部 ends in 部 but is no unit"},
		{"新建绿色工厂301家。", nil, []string{"绿色工厂"}, "a kind being counted is no unit"},
		{"打造301家绿色工厂。", nil, []string{"绿色工厂"}, "a kind after a count is no unit either"},
		{"社区居民积极参与。", nil, []string{"社区"}, "a bare suffix names nothing"},
	}
	for _, c := range cases {
		units := unitNames(extractString(t, c.sentence))
		for _, w := range c.want {
			if _, ok := units[w]; !ok {
				t.Errorf("%s: unit %s not found in %v (%s)", c.sentence, w, keys(units), c.reason)
			}
		}
		for _, n := range c.not {
			if _, ok := units[n]; ok {
				t.Errorf("%s: %s reported as a unit (%s)", c.sentence, n, c.reason)
			}
		}
	}
}

func TestActivitiesByRule(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string
		not      []string
		reason   string
	}{
		{"开展“民族团结模范事迹”宣讲活动697场次。", []string{"“民族团结模范事迹”宣讲活动"}, nil, "quoted name with its heads"},
		{"组织开展民间艺人培训。", []string{"民间艺人培训"}, []string{"开展民间艺人培训"}, "a framing verb is not part of the name"},
		{"深入开展党纪学习教育。", []string{"党纪学习教育"}, nil, "a head made of two words"},
		{"举办知识竞赛、板报比赛、送医送药等活动。", []string{"知识竞赛", "板报比赛", "送医送药"}, nil, "items listed before 等活动"},
		{"群众性文化活动覆盖率达到100%。", nil, []string{"群众性文化活动"}, "a head that modifies a noun names no activity"},
		{"丰富多彩的文化活动。", nil, []string{"文化活动"}, "generic modifiers name nothing"},
	}
	for _, c := range cases {
		acts := activityNames(extractString(t, c.sentence))
		for _, w := range c.want {
			if !acts[w] {
				t.Errorf("%s: activity %s not found in %v (%s)", c.sentence, w, acts, c.reason)
			}
		}
		for _, n := range c.not {
			if acts[n] {
				t.Errorf("%s: %s reported (%s)", c.sentence, n, c.reason)
			}
		}
	}
}

func TestReferencesResolve(t *testing.T) {
	recs := extractString(t, "鄯善县开展宣讲活动。七克台镇举办培训。全县共开展活动30场。")
	units := unitNames(recs)
	if _, ok := units["全县"]; ok {
		t.Errorf("全县 is 鄯善县, not a unit of its own: %v", keys(units))
	}
	q := allQuantities(recs)
	if len(q) != 1 || q[0].Unit != "鄯善县" {
		t.Errorf("the count of 全县 belongs to 鄯善县: %+v", q)
	}
}

func keys(m map[string]Unit) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
