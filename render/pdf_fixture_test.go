package render

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/bulletin-tool/bulletin/analyze"
)

// The sample summary is built by hand from analyze's types rather than by
// analyze.Analyze, so that these tests pin the PDF layout and not the
// analysis. Names are real county and township names of the seed's region
// and activities as bulletins phrase them.
var (
	sampleUnits = []analyze.UnitRef{
		{Code: "650402", Name: "高昌区", Level: "county"},
		{Code: "650421", Name: "鄯善县", Level: "county"},
		{Code: "650422", Name: "托克逊县", Level: "county"},
		{Code: "650421104", Name: "七克台镇", Level: "township"},
		{Code: "650421103", Name: "辟展镇", Level: "township"},
		{Code: "650402203", Name: "亚尔镇", Level: "township"},
		{Code: "650422101", Name: "库米什镇", Level: "township"},
		{Name: "鄯善县人民检察院", Level: ""},
		{Name: "吐鲁番市中级人民法院（含下辖各基层人民法院及派出法庭）", Level: ""},
	}
	sampleActivities = []string{
		"“访惠聚”驻村工作", "民族团结一家亲", "安全生产大检查", "“七五”普法宣传教育",
		"冬季农牧民培训", "扫黑除恶专项斗争", "人居环境整治",
	}
	sampleMeasures = []struct{ category, measure, canonical string }{
		{"person_time", "人次", "人次"}, {"event", "场", "场次"}, {"household", "户", "户"},
		{"money", "万元", "元"}, {"item", "件", "件"}, {"person", "人", "人"}, {"area", "亩", "亩"},
	}
)

// sampleSummary returns a summary of n counts spread over units,
// activities, measures and twelve months, with every kind of finding.
func sampleSummary(n int) *analyze.Summary {
	s := &analyze.Summary{Schema: analyze.SummarySchema, Lexicon: "measures/2f9c1a7e"}
	documents := max(1, n/6)
	for d := range documents {
		s.Documents = append(s.Documents, analyze.Document{
			Path:     fmt.Sprintf("简报/2024/工作简报第%d期.txt", d/2+1),
			Bulletin: d%2 + 1,
			Title:    fmt.Sprintf("工作简报（第%d期）", d+1),
			Issuer:   "中共鄯善县委办公室",
			Date:     fmt.Sprintf("2024-%02d-%02d", d%12+1, d%27+1),
		})
	}
	for i := range n {
		unit := sampleUnits[i%len(sampleUnits)]
		activity := sampleActivities[(i/3)%len(sampleActivities)]
		m := sampleMeasures[(i/2)%len(sampleMeasures)]
		document := s.Documents[i%documents]
		value := float64((i*7919)%5000 + 3)
		factor := 1.0
		if m.measure == "万元" {
			factor = 10000
		}
		bound, text := "exact", fmt.Sprintf("%g%s", value, m.measure)
		var low, high *float64
		low, high = &value, &value
		if i%5 == 0 {
			bound, text, high = "lower", fmt.Sprintf("%g余%s", value, m.measure), nil
		}
		fact := analyze.Fact{
			Ref:       fmt.Sprintf("%s#%d:q%d", document.Path, document.Bulletin, i+1),
			Path:      document.Path,
			Bulletin:  document.Bulletin,
			Quantity:  fmt.Sprintf("q%d", i+1),
			Line:      i%80 + 3,
			Sentence:  fmt.Sprintf("%s组织开展%s活动，累计走访群众%s，发放宣传资料、解答群众咨询，切实把党的政策送到千家万户。", unit.Name, activity, text),
			Text:      text,
			Date:      document.Date,
			Unit:      unit.Name,
			UnitCode:  unit.Code,
			UnitLevel: unit.Level,
			Activity:  activity,
			Object:    "群众",
			Value:     value,
			Low:       low,
			High:      high,
			Bound:     bound,
			Measure:   m.measure,
			Category:  m.category,
			Canonical: m.canonical,
			Factor:    factor,
			Additive:  true,
		}
		if i%41 == 7 {
			fact.Dropped = analyze.DroppedRepeatedFact
		}
		s.Facts = append(s.Facts, fact)
	}
	s.Totals, s.Top = sampleTotals(s.Facts)
	s.Findings = []analyze.Finding{
		{Kind: analyze.FindingBreakdownMismatch, Path: s.Documents[0].Path, Bulletin: 1, Line: 12, Expected: 1200, Sum: 1150, Diff: 50,
			Text: "共排查隐患1200处，其中：已整改800处、正在整改350处", Message: "分项之和比总数少 50"},
		{Kind: analyze.FindingDuplicateDocument, Path: "简报/2024/工作简报第3期（副本）.txt", Bulletin: 1, OtherPath: s.Documents[0].Path, OtherBulletin: 1,
			Facts: []string{"a", "b", "c"}, Message: "与已计入的简报全文相同"},
		{Kind: analyze.FindingNearDuplicate, Path: s.Documents[0].Path, Bulletin: 2, OtherPath: "简报/2024/工作简报第9期.txt", OtherBulletin: 1,
			Similarity: 0.86, Message: "两份简报大部分内容相同，请核对是否重复报送"},
		{Kind: analyze.FindingMasked, Path: s.Documents[0].Path, Bulletin: 1, Line: 30, Text: "＊＊村委会", Message: "原文有遮蔽，可能缺少单位名称"},
		{Kind: analyze.FindingFailedFile, Path: "简报/2023/十二月汇总.doc", Stage: "read", Message: "legacy .doc needs antiword"},
	}
	s.Overview = analyze.Overview{
		Files: documents/2 + 1, Bulletins: documents, Facts: n, Failed: 1, Findings: len(s.Findings),
	}
	for _, fact := range s.Facts {
		if fact.Dropped != "" {
			s.Overview.Dropped++
		} else {
			s.Overview.Counted++
		}
	}
	return s
}

// sampleTotals sums counted facts per dimension the way analyze defines
// totals, and ranks the top five per unit level and per activity.
func sampleTotals(facts []analyze.Fact) ([]analyze.Total, []analyze.TopList) {
	type key struct{ dimension, key, code, level, category, measure string }
	sums := map[key]*analyze.Total{}
	var order []key
	add := func(k key, fact analyze.Fact) {
		t := sums[k]
		if t == nil {
			t = &analyze.Total{Dimension: k.dimension, Key: k.key, Code: k.code, Level: k.level, Category: k.category, Measure: k.measure, High: new(float64)}
			sums[k] = t
			order = append(order, k)
		}
		v := fact.Value * fact.Factor
		t.Exact += v
		t.Low += v
		if fact.High == nil {
			t.High = nil
			t.Approximate++
		} else if t.High != nil {
			*t.High += v
		}
		t.N++
		t.Documents++
	}
	for _, fact := range facts {
		if fact.Dropped != "" {
			continue
		}
		add(key{analyze.DimensionCategory, fact.Category, "", "", fact.Category, fact.Canonical}, fact)
		add(key{analyze.DimensionUnit, fact.Unit, fact.UnitCode, fact.UnitLevel, fact.Category, fact.Canonical}, fact)
		add(key{analyze.DimensionActivity, fact.Activity, "", "", fact.Category, fact.Canonical}, fact)
	}
	var totals []analyze.Total
	for _, k := range order {
		totals = append(totals, *sums[k])
	}
	var top []analyze.TopList
	lists := map[key]*analyze.TopList{}
	var listOrder []key
	for _, t := range totals {
		if t.Dimension == analyze.DimensionCategory {
			continue
		}
		k := key{dimension: t.Dimension, level: t.Level, category: t.Category, measure: t.Measure}
		if lists[k] == nil {
			lists[k] = &analyze.TopList{Dimension: t.Dimension, Level: t.Level, Category: t.Category, Measure: t.Measure}
			listOrder = append(listOrder, k)
		}
		lists[k].Entries = append(lists[k].Entries, t)
	}
	for _, k := range listOrder {
		list := lists[k]
		slices.SortStableFunc(list.Entries, func(a, b analyze.Total) int { return cmp.Compare(b.Exact, a.Exact) })
		list.Entries = list.Entries[:min(len(list.Entries), 5)]
		top = append(top, *list)
	}
	return totals, top
}
