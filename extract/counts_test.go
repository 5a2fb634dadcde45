package extract

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

var (
	testExtractorOnce sync.Once
	testExtractor     *Extractor
)

// extractorForTest is one Extractor for the package's tests: building the
// segmenter takes a few hundred milliseconds.
func extractorForTest(t testing.TB) *Extractor {
	t.Helper()
	testExtractorOnce.Do(func() {
		x, err := New(Options{})
		if err != nil {
			panic(err)
		}
		testExtractor = x
	})
	return testExtractor
}

// extractString extracts the records of a text given as a file's content.
func extractString(t testing.TB, text string) []Record {
	t.Helper()
	recs, err := extractorForTest(t).ExtractText(&Text{Source: Source{Path: "test.txt", Format: FormatText}, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func allQuantities(recs []Record) []Quantity {
	var out []Quantity
	for _, r := range recs {
		out = append(out, r.Quantities...)
	}
	return out
}

func TestCounts(t *testing.T) {
	type want struct {
		text    string
		value   float64
		bound   string
		measure string
		object  string
	}
	cases := []struct {
		sentence string
		want     []want
		reason   string
	}{
		{"各类媒体共播报民族团结专题新闻84条。", []want{{"84条", 84, "exact", "条", "民族团结专题新闻"}}, "object before the number, after the verb"},
		{"进家入户把10万余份宣传资料送到群众家中。", []want{{"10万余份", 100000, "lower", "份", "宣传资料"}}, "余 after 万 is a lower bound; object after the classifier"},
		{"城乡低保平均标准分别提高至778元/月、6818元/年。", []want{{"778元/月", 778, "exact", "元/月", ""}, {"6818元/年", 6818, "exact", "元/年", ""}}, "a rate keeps what it is per"},
		{"上万名市民和各地游客参加活动。", []want{{"上万名", 10000, "lower", "名", "市民和各地游客"}}, "上万 is at least ten thousand"},
		{"为2025届毕业生党员讲党课，战马驰骋、狼烟四起，发生四起事故。", []want{{"四起", 4, "exact", "起", "事故"}}, "a cohort's year and an idiom are no counts"},
		{"数字技术应用业增加值占比超过四成，2019年10月成立。", []want{{"四成", 4, "lower", "成", "数字技术应用业增加值占比"}}, "tenths are kept as written; 成立 is no measure"},
		{"加快安大二期、安顺航空配套制造产业园二期等项目建设，共办三期。", []want{{"三期", 3, "exact", "期", ""}}, "a Chinese numeral and 期 after a name is a phase"},
		{"新增优质白酒产能5万千升，澳门单牌车往来内地超265万辆次。", []want{{"5万千升", 50000, "exact", "千升", "优质白酒产能"}, {"265万辆次", 2650000, "lower", "辆次", "内地"}}, "千升 is a measure, not 千 times 升; 辆次"},
		{"新能源电池产能达38GWh，算力规模超过55Eflops。", []want{{"38GWh", 38, "exact", "GWh", "新能源电池产能"}, {"55Eflops", 55, "lower", "Eflops", "算力规模"}}, "Latin units of energy and computing"},
		{"参与群众达45万余人次。", []want{{"45万余人次", 450000, "lower", "人次", "参与群众"}}, "达 stands between thing and number"},
		{"全县开展活动约300场。", []want{{"300场", 300, "about", "场", "活动"}}, "约 before the number means about, and is not part of the text"},
		{"培训干部近2000人次。", []want{{"2000人次", 2000, "upper", "人次", "干部"}}, "近 means at most"},
		{"新增就业110万人以上。", []want{{"110万人以上", 1100000, "lower", "人", "就业"}}, "以上 after the measure word"},
		{"投入资金1.2亿元。", []want{{"1.2亿元", 120000000, "exact", "元", "资金"}}, "亿 is a multiplier, 元 the measure"},
		{"覆盖率达到100%。", []want{{"100%", 100, "exact", "%", "覆盖率"}}, "percent sign"},
		{"迪坎村易地扶贫搬迁50户186人已完成。", []want{{"50户", 50, "exact", "户", ""}, {"186人", 186, "exact", "人", ""}}, "coordinated counts of one event"},
		{"组员三名。", []want{{"三名", 3, "exact", "名", "组员"}}, "Chinese numeral"},
		{"居民人均可支配收入从27136元增长到36439元。", []want{{"27136元", 27136, "exact", "元", "居民人均可支配收入"}, {"36439元", 36439, "exact", "元", "居民人均可支配收入"}}, "从…增长到…: one thing, two figures"},
		{"这里每天提供600多份的餐食。", []want{{"600多份", 600, "lower", "份", "餐食"}}, "the counted thing after 的"},
		{"原煤、原油产量分别达到6640.8万吨、1253.6万吨。", []want{{"6640.8万吨", 66408000, "exact", "吨", "原煤"}, {"1253.6万吨", 12536000, "exact", "吨", "原油产量"}}, "分别 pairs a list with its counts in order"},
	}
	for _, c := range cases {
		qs := allQuantities(extractString(t, c.sentence))
		if len(qs) != len(c.want) {
			t.Errorf("%s: got %d counts %v, want %d (%s)", c.sentence, len(qs), texts(qs), len(c.want), c.reason)
			continue
		}
		for i, w := range c.want {
			q := qs[i]
			if q.Text != w.text || q.Value != w.value || q.Bound != w.bound || q.Measure != w.measure {
				t.Errorf("%s: count %d = %q %v %s %s, want %q %v %s %s (%s)", c.sentence, i, q.Text, q.Value, q.Bound, q.Measure, w.text, w.value, w.bound, w.measure, c.reason)
			}
			if w.object != "" && !strings.Contains(q.Object, w.object) && !strings.Contains(w.object, q.Object) {
				t.Errorf("%s: object of %s = %q, want %q (%s)", c.sentence, q.Text, q.Object, w.object, c.reason)
			}
		}
	}
}

func TestNotCounts(t *testing.T) {
	cases := []struct {
		sentence, reason string
	}{
		{"2024年3月15日召开会议。", "dates"},
		{"一季度工作总结。", "periods"},
		{"第18期培训班开班。", "ordinals"},
		{"七台河市开展活动。", "a numeral that begins a place name (七台河市)"},
		{"两支部党员参加活动。", "支部 is a word, not the measure 支 (两支部 = the two branches)"},
		{"借助“三台一报”媒体优势。", "numbers inside quotes are names"},
		{"实施十大工程，增强四个认同。", "slogans"},
		{"推进两学一做学习教育。", "two small numerals close together make a name"},
		{"沿312国道设立宣传栏。", "road numbers"},
		{"深入学习党的二十届三中全会精神。", "二十届三中全会 is an ordinal"},
		{"加快一期工程建设。", "一期工程 is a phase"},
		{"每个行政村都有一个专栏。", "一个 is an article, not a figure"},
		{"花费3个月时间完成调研。", "3个月 is a duration"},
		{"票房排名前10位均为国产影片。", "前10位 is a rank"},
		{"联系电话13912345678。", "phone numbers"},
		{"从三个方面推进工作。", "三个方面 announces a list"},
	}
	for _, c := range cases {
		if qs := allQuantities(extractString(t, c.sentence)); len(qs) != 0 {
			t.Errorf("%s: reported %v, want nothing (%s)", c.sentence, texts(qs), c.reason)
		}
	}
}

func TestBreakdownLinksPartsAndChecksTheSum(t *testing.T) {
	recs := extractString(t, "全县开展“文化之冬”活动30场次（其中篮球赛10场次、文艺演出12场次、其他8场次），参与群众达1万余人次。")
	qs := allQuantities(recs)
	if len(qs) != 5 {
		t.Fatalf("counts %v", texts(qs))
	}
	for _, q := range qs[1:4] {
		if q.Parent != "30场次" || q.ParentID != qs[0].ID {
			t.Errorf("%s: parent %q (%s), want 30场次 (%s)", q.Text, q.Parent, q.ParentID, qs[0].ID)
		}
	}
	if qs[4].Parent != "" {
		t.Errorf("the count after the bracket is no part: parent %q", qs[4].Parent)
	}
	checks := recs[0].Checks
	if len(checks) != 1 || checks[0].Status != "consistent" || checks[0].Sum != 30 {
		t.Errorf("checks %+v, want one consistent breakdown summing to 30", checks)
	}
	bad := extractString(t, "举办培训20期（其中党员培训12期、其他9期）。")
	if c := bad[0].Checks; len(c) != 1 || c[0].Status != "mismatch" || c[0].Diff != -1 {
		t.Errorf("checks %+v, want a mismatch of -1", c)
	}
}

func TestCumulativeAndPeriod(t *testing.T) {
	qs := allQuantities(extractString(t, "2024年一季度，播报新闻84条。截至目前，悬挂横幅105条。"))
	if len(qs) != 2 {
		t.Fatalf("counts %v", texts(qs))
	}
	if qs[0].Period != "2024-Q1" || qs[0].Cumulative {
		t.Errorf("84条: period %q cumulative %v, want 2024-Q1 and not cumulative", qs[0].Period, qs[0].Cumulative)
	}
	if !qs[1].Cumulative {
		t.Errorf("105条 after 截至目前 must be cumulative")
	}
}

func TestSpansAreOffsetsOfTheOriginalText(t *testing.T) {
	text := "　　开展宣讲活动６９７场次，受教育群众５５３７３人次。"
	recs := extractString(t, text)
	runes := []rune(text)
	qs := allQuantities(recs)
	if len(qs) != 2 {
		t.Fatalf("counts %v", texts(qs))
	}
	for _, q := range qs {
		if got := string(runes[q.Start:q.End]); got != q.Text {
			t.Errorf("span [%d,%d) is %q, text %q", q.Start, q.End, got, q.Text)
		}
	}
	if qs[0].Value != 697 || qs[0].Text != "６９７场次" {
		t.Errorf("full-width digits: %q = %v", qs[0].Text, qs[0].Value)
	}
}

func texts(qs []Quantity) []string {
	var out []string
	for _, q := range qs {
		out = append(out, fmt.Sprintf("%s(%s)", q.Text, q.Object))
	}
	return out
}
