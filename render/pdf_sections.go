package render

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bulletin-tool/bulletin/analyze"
)

// Limits that keep the report readable; the CSV and JSON exports carry
// everything.
const (
	maxChartPairs       = 6  // category/measure pairs charted
	maxTrendPairs       = 3  // category/measure pairs with a trend chart
	measuresPerTable    = 5  // measure columns per table
	maxMeasureTables    = 3  // tables per dimension (15 measures)
	maxFindingsPerKind  = 60 // findings listed per kind
	maxKeyFigureTotals  = 9  // category totals on the key-figures page
	maxTrendMonthsAsMon = 36 // longer spans are charted by year
)

// measurePair is a category with its canonical measure: the columns of the
// tables, since only totals of one pair may be compared or added.
type measurePair struct {
	Category string
	Measure  string
}

func (p measurePair) title() string {
	name := label("category", p.Category)
	if name == p.Measure {
		return name // 人次（人次） says it twice
	}
	return name + "（" + p.Measure + "）"
}

// countedTotals returns the non-cumulative totals of a dimension.
func countedTotals(s *analyze.Summary, dimension string) []analyze.Total {
	var out []analyze.Total
	for _, t := range s.TotalsOf(dimension) {
		if !t.Cumulative {
			out = append(out, t)
		}
	}
	return out
}

// measurePairs lists the pairs of the category totals, most counts first.
func measurePairs(s *analyze.Summary) []measurePair {
	totals := countedTotals(s, analyze.DimensionCategory)
	slices.SortStableFunc(totals, func(a, b analyze.Total) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Category, b.Category), cmp.Compare(a.Measure, b.Measure))
	})
	var pairs []measurePair
	for _, t := range totals {
		pairs = append(pairs, measurePair{t.Category, t.Measure})
	}
	return pairs
}

// dateRange returns the earliest and latest bulletin dates.
func dateRange(s *analyze.Summary) (first, last string) {
	for _, d := range s.Documents {
		if d.Date == "" {
			continue
		}
		if first == "" || d.Date < first {
			first = d.Date
		}
		if d.Date > last {
			last = d.Date
		}
	}
	return first, last
}

func (r *pdfReport) periodText() string {
	first, last := dateRange(r.summary)
	switch {
	case first == "":
		return "简报未注明日期"
	case first == last:
		return formatChineseDate(first)
	default:
		return formatChineseDate(first) + " 至 " + formatChineseDate(last)
	}
}

// drawCover draws the title page.
func (r *pdfReport) drawCover() {
	r.section = "封面"
	r.newPage()
	pdf := r.pdf
	r.resetText()
	pdf.Bookmark(r.text("封面"), 0, -1)

	pdf.SetFillColor(24, 70, 120)
	pdf.Rect(0, 0, pageWidth, 8, "F")
	pdf.SetXY(marginLeft, 70)
	pdf.SetFont(r.family, "", 26)
	pdf.SetTextColor(24, 70, 120)
	pdf.SetDrawColor(24, 70, 120)
	pdf.SetLineWidth(0.4)
	lines := WrapText(pdf, r.text(r.title), contentWidth)
	pdf.SetTextRenderingMode(2)
	drawLines(pdf, lines, marginLeft, 70, contentWidth, 13, "C")
	pdf.SetTextRenderingMode(0)
	y := 70 + float64(len(lines))*13 + 4
	pdf.SetFont(r.family, "", 13)
	pdf.SetTextColor(80, 80, 80)
	pdf.SetXY(marginLeft, y)
	pdf.CellFormat(contentWidth, 8, r.text(r.periodText()), "", 0, "C", false, 0, "")
	pdf.SetDrawColor(24, 70, 120)
	pdf.SetLineWidth(0.6)
	pdf.Line(pageWidth/2-30, y+14, pageWidth/2+30, y+14)

	overview := r.summary.Overview
	facts := [][2]string{
		{"统计时段", r.periodText()},
		{"读取文件", fmt.Sprintf("%d 个", overview.Files)},
		{"简报", fmt.Sprintf("%d 份", overview.Bulletins)},
		{"识别数量", fmt.Sprintf("%d 条（计入 %d 条，剔除 %d 条）", overview.Facts, overview.Counted, overview.Dropped)},
		{"读取失败", fmt.Sprintf("%d 个文件", overview.Failed)},
		{"数据问题", fmt.Sprintf("%d 项", overview.Findings)},
		{"生成时间", formatChineseTime(r.options.CreationDate)},
	}
	if r.summary.Lexicon != "" {
		facts = append(facts, [2]string{"计量词表", r.summary.Lexicon})
	}
	pdf.SetFont(r.family, "", 11)
	y = 150
	keyWidth, valueWidth := 30.0, 90.0
	left := (pageWidth - keyWidth - valueWidth) / 2
	for _, fact := range facts {
		pdf.SetTextColor(110, 110, 110)
		pdf.SetXY(left, y)
		pdf.CellFormat(keyWidth, 7, r.text(fact[0]), "", 0, "L", false, 0, "")
		pdf.SetTextColor(30, 30, 30)
		valueLines := WrapText(pdf, r.text(fact[1]), valueWidth)
		drawLines(pdf, valueLines, left+keyWidth, y, valueWidth, 7, "L")
		y += 7 * float64(max(1, len(valueLines)))
		pdf.SetDrawColor(225, 228, 233)
		pdf.SetLineWidth(0.15)
		pdf.Line(left, y, left+keyWidth+valueWidth, y)
		y += 1
	}
	r.resetText()
}

// drawKeyFigures draws the big numbers.
func (r *pdfReport) drawKeyFigures() {
	r.chapter("一、主要数据")
	overview := r.summary.Overview
	r.figureGrid([]keyFigure{
		{fmt.Sprintf("%d", overview.Bulletins), "份", "简报"},
		{fmt.Sprintf("%d", overview.Files), "个", "读取文件"},
		{fmt.Sprintf("%d", overview.Facts), "条", "识别出的数量"},
		{fmt.Sprintf("%d", overview.Counted), "条", "计入合计的数量"},
		{fmt.Sprintf("%d", overview.Findings), "项", "数据质量问题"},
		{fmt.Sprintf("%d", overview.Failed), "个", "读取失败的文件"},
	})

	totals := countedTotals(r.summary, analyze.DimensionCategory)
	slices.SortStableFunc(totals, func(a, b analyze.Total) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Category, b.Category), cmp.Compare(a.Measure, b.Measure))
	})
	if len(totals) > 0 {
		r.subheading("各类数量合计", 30)
		var figures []keyFigure
		for _, t := range totals[:min(len(totals), maxKeyFigureTotals)] {
			figures = append(figures, keyFigure{
				Value:   formatChineseBounds(t.Exact, t.Low, t.High),
				Measure: t.Measure,
				Caption: fmt.Sprintf("%s · %d 条，来自 %d 份简报", label("category", t.Category), t.N, t.Documents),
			})
		}
		r.figureGrid(figures)
		if len(totals) > maxKeyFigureTotals {
			r.paragraph(fmt.Sprintf("另有 %d 类数量见第三部分表格。", len(totals)-maxKeyFigureTotals), 9)
		}
	}
	r.subheading("阅读说明", 20)
	r.paragraph("数值按中文习惯以万、亿为单位，保留至多两位小数；精确原文见附录。“≥”表示原文为下限（如“余”“以上”“超过”），“≤”表示上限（如“近”“不足”），“–”表示区间或约数的范围。不同类别、不同计量单位的数量从不相加；累计数（截至目前）不计入各期合计；分项（其中……）不重复计入总数。", 9.5)
}

// keyFigure is one big number with its caption.
type keyFigure struct {
	Value   string
	Measure string
	Caption string
}

// figureGrid draws figures three to a row as boxed big numbers, shrinking
// a number's type until it fits its box.
func (r *pdfReport) figureGrid(figures []keyFigure) {
	const (
		columns = 3
		gap     = 4.0
		height  = 24.0
	)
	pdf := r.pdf
	width := (contentWidth - gap*(columns-1)) / columns
	// Drawing text moves the current position, so each row remembers its top.
	rowTop := pdf.GetY()
	for i, figure := range figures {
		column := i % columns
		if column == 0 {
			if i > 0 {
				rowTop += height + gap
			}
			pdf.SetY(rowTop)
			if r.ensureSpace(height) {
				rowTop = pdf.GetY()
			}
		}
		x := marginLeft + float64(column)*(width+gap)
		y := rowTop
		pdf.SetFillColor(243, 246, 250)
		pdf.Rect(x, y, width, height, "F")
		pdf.SetFillColor(barColour[0], barColour[1], barColour[2])
		pdf.Rect(x, y, 1.2, height, "F")

		value, measure := r.text(figure.Value), r.text(figure.Measure)
		size := 20.0
		for ; size > 9; size-- {
			pdf.SetFont(r.family, "", size)
			valueWidth := pdf.GetStringWidth(value)
			pdf.SetFont(r.family, "", 10)
			if valueWidth+pdf.GetStringWidth(" "+measure) <= width-6 {
				break
			}
		}
		pdf.SetFont(r.family, "", size)
		pdf.SetTextColor(24, 70, 120)
		valueWidth := pdf.GetStringWidth(value)
		pdf.SetXY(x+3, y+2.5)
		pdf.CellFormat(valueWidth, 11, value, "", 0, "L", false, 0, "")
		pdf.SetFont(r.family, "", 10)
		pdf.SetTextColor(80, 80, 80)
		pdf.SetXY(x+3+valueWidth+1, y+5)
		pdf.CellFormat(width-valueWidth-7, 9, r.fit(measure, width-valueWidth-7), "", 0, "L", false, 0, "")
		pdf.SetFont(r.family, "", 8)
		captionLines := WrapText(pdf, r.text(figure.Caption), width-6)
		drawLines(pdf, captionLines[:min(2, len(captionLines))], x+3, y+14.5, width-6, 3.8, "L")
	}
	if len(figures) > 0 {
		pdf.SetY(rowTop + height + gap + 2)
	}
	r.resetText()
	pdf.SetX(marginLeft)
}

// drawCharts draws top units and activities per measure, and the trend.
func (r *pdfReport) drawCharts() {
	pairs := measurePairs(r.summary)
	if len(pairs) == 0 {
		return
	}
	r.chapter("二、排名与趋势")
	pairs = pairs[:min(len(pairs), maxChartPairs)]
	drew := false
	for _, pair := range pairs {
		units := r.topList(analyze.DimensionUnit, pair)
		activities := r.topList(analyze.DimensionActivity, pair)
		trend := r.trend(pair)
		if units == nil && activities == nil && trend == nil {
			continue
		}
		r.subheading(pair.title(), horizontalBarHeight(min(5, r.entryCount(units, activities))))
		drew = true
		if units != nil {
			title := "单位排名"
			if units.Level != "" {
				title += "（" + label("level", units.Level) + "）"
			}
			r.horizontalBars(pair.title()+" · "+title+" · 前 "+strconv.Itoa(len(units.Entries))+" 位", pair.Measure, barEntries(units.Entries))
		}
		if activities != nil {
			r.horizontalBars(pair.title()+" · 活动排名 · 前 "+strconv.Itoa(len(activities.Entries))+" 位", pair.Measure, barEntries(activities.Entries))
		}
		if trend != nil {
			r.verticalBars(pair.title()+" · "+trend.title, pair.Measure, trend.entries)
		}
	}
	if !drew {
		r.paragraph("没有可排名的单位或活动数量。", 10)
	}
}

func (r *pdfReport) entryCount(lists ...*analyze.TopList) int {
	for _, list := range lists {
		if list != nil {
			return len(list.Entries)
		}
	}
	return 1
}

// topList picks the top list of a dimension for a pair. Units come in one
// list per administrative level, which must not be mixed (a county's total
// contains its townships'); the level with the most entries is shown,
// ties going to the lower level.
func (r *pdfReport) topList(dimension string, pair measurePair) *analyze.TopList {
	levelRank := map[string]int{"village": 0, "township": 1, "county": 2, "prefecture": 3, "province": 4, "": 5}
	var best *analyze.TopList
	for i := range r.summary.Top {
		list := &r.summary.Top[i]
		if list.Dimension != dimension || list.Category != pair.Category || list.Measure != pair.Measure || len(list.Entries) == 0 {
			continue
		}
		if best == nil || len(list.Entries) > len(best.Entries) ||
			(len(list.Entries) == len(best.Entries) && rankOf(levelRank, list.Level) < rankOf(levelRank, best.Level)) {
			best = list
		}
	}
	return best
}

func rankOf(ranks map[string]int, level string) int {
	if rank, ok := ranks[level]; ok {
		return rank
	}
	return len(ranks)
}

func barEntries(totals []analyze.Total) []barEntry {
	var entries []barEntry
	for _, t := range totals {
		entries = append(entries, barEntry{
			Label:   t.Key,
			Value:   t.Exact,
			Display: formatChineseBounds(t.Exact, t.Low, t.High),
		})
	}
	return entries
}

// trendChart is a trend ready to draw.
type trendChart struct {
	title   string
	entries []barEntry
}

// monthlySums are the sums of one pair's counted facts by the month of
// their bulletin.
type monthlySums struct {
	months map[string]float64
	// A month with a lower bound (余, 以上) among its counts is a lower bound too.
	open map[string]bool
}

// sumTrends sums, in one pass over the facts, the counted facts of each
// charted pair by month. It follows the totals' rules: dropped facts,
// parts of a breakdown, cumulative figures and non-additive categories are
// left out.
func sumTrends(s *analyze.Summary, facts analyze.FactSource) (map[measurePair]*monthlySums, error) {
	pairs := measurePairs(s)
	sums := map[measurePair]*monthlySums{}
	for _, pair := range pairs[:min(len(pairs), maxChartPairs)] {
		sums[pair] = &monthlySums{months: map[string]float64{}, open: map[string]bool{}}
	}
	if len(sums) == 0 {
		return sums, nil
	}
	for fact, err := range facts.All() {
		if err != nil {
			return nil, err
		}
		if fact.Dropped != "" || !fact.Additive || fact.Parent != "" || fact.Cumulative || len(fact.Date) < 7 {
			continue
		}
		m := sums[measurePair{fact.Category, fact.Canonical}]
		if m == nil {
			continue
		}
		factor := fact.Factor
		if factor == 0 {
			factor = 1
		}
		m.months[fact.Date[:7]] += fact.Value * factor
		if fact.High == nil {
			m.open[fact.Date[:7]] = true
		}
	}
	return sums, nil
}

// trend is the chart of a pair's monthly sums (or, over long spans, yearly
// sums). It returns nil unless two periods have data.
func (r *pdfReport) trend(pair measurePair) *trendChart {
	sums := r.trends[pair]
	if sums == nil {
		return nil
	}
	months, open := sums.months, sums.open
	if len(months) < 2 {
		return nil
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range months {
			if !yield(k) {
				return
			}
		}
	})
	first, err1 := time.Parse("2006-01", keys[0])
	last, err2 := time.Parse("2006-01", keys[len(keys)-1])
	if err1 != nil || err2 != nil {
		return nil
	}
	span := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	var entries []barEntry
	title := "按月趋势（简报日期）"
	if span <= maxTrendMonthsAsMon {
		// Months without data are shown as empty so the axis stays linear.
		for month := first; !month.After(last); month = month.AddDate(0, 1, 0) {
			key := month.Format("2006-01")
			entries = append(entries, barEntry{Label: month.Format("06年1月"), Value: months[key], Display: boundedNumber(months[key], open[key])})
		}
	} else {
		title = "按年趋势（简报日期）"
		years := map[int]float64{}
		openYears := map[int]bool{}
		for key, value := range months {
			year, _ := strconv.Atoi(key[:4])
			years[year] += value
			openYears[year] = openYears[year] || open[key]
		}
		for year := first.Year(); year <= last.Year(); year++ {
			entries = append(entries, barEntry{Label: strconv.Itoa(year) + "年", Value: years[year], Display: boundedNumber(years[year], openYears[year])})
		}
	}
	return &trendChart{title: title, entries: entries}
}

// boundedNumber formats a sum, marked ≥ when one of its parts was a lower bound.
func boundedNumber(value float64, lowerBound bool) string {
	if lowerBound {
		return "≥ " + formatChineseNumber(value)
	}
	return formatChineseNumber(value)
}

// drawTables draws units × measures and activities × measures.
func (r *pdfReport) drawTables() {
	pairs := measurePairs(r.summary)
	units := countedTotals(r.summary, analyze.DimensionUnit)
	activities := countedTotals(r.summary, analyze.DimensionActivity)
	if len(pairs) == 0 || (len(units) == 0 && len(activities) == 0) {
		return
	}
	r.chapter("三、分项统计表")
	if len(pairs) > measurePerTableLimit() {
		r.paragraph(fmt.Sprintf("共 %d 类计量，表中列出数量最多的 %d 类；其余见 CSV/JSON 导出。", len(pairs), measurePerTableLimit()), 9)
		pairs = pairs[:measurePerTableLimit()]
	}
	if len(units) > 0 {
		r.subheading("按单位", 20)
		r.crossTable(units, pairs, true)
	}
	if len(activities) > 0 {
		r.subheading("按活动", 20)
		r.crossTable(activities, pairs, false)
	}
}

func measurePerTableLimit() int { return measuresPerTable * maxMeasureTables }

// crossRow is one unit or activity with its totals by pair.
type crossRow struct {
	key, code, level string
	n                int
	totals           map[measurePair]analyze.Total
}

// crossTable draws rows (units or activities) against measure columns, in
// groups of measuresPerTable columns; a row without any value in a group is
// left out of that group's table.
func (r *pdfReport) crossTable(totals []analyze.Total, pairs []measurePair, withLevel bool) {
	index := map[string]*crossRow{}
	var rows []*crossRow
	for _, t := range totals {
		id := t.Key + "\x00" + t.Code + "\x00" + t.Level
		row := index[id]
		if row == nil {
			row = &crossRow{key: t.Key, code: t.Code, level: t.Level, totals: map[measurePair]analyze.Total{}}
			index[id] = row
			rows = append(rows, row)
		}
		row.totals[measurePair{t.Category, t.Measure}] = t
		row.n += t.N
	}
	slices.SortStableFunc(rows, func(a, b *crossRow) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.key, b.key), cmp.Compare(a.code, b.code))
	})
	for start := 0; start < len(pairs); start += measuresPerTable {
		group := pairs[start:min(len(pairs), start+measuresPerTable)]
		nameWidth := 58.0
		var columns []tableColumn
		if withLevel {
			nameWidth = 44
			columns = append(columns, tableColumn{Header: "单位", Width: nameWidth, Align: "L"}, tableColumn{Header: "级别", Width: 14, Align: "C"})
		} else {
			columns = append(columns, tableColumn{Header: "活动", Width: nameWidth, Align: "L"})
		}
		countWidth := 14.0
		used := nameWidth + countWidth
		if withLevel {
			used += 14
		}
		// Measure columns keep one width in every group; a group with fewer
		// measures gives the room to the name column instead.
		measureWidth := (contentWidth - used) / measuresPerTable
		columns[0].Width += measureWidth * float64(measuresPerTable-len(group))
		for _, pair := range group {
			columns = append(columns, tableColumn{Header: label("category", pair.Category) + "\n（" + pair.Measure + "）", Width: measureWidth, Align: "R"})
		}
		columns = append(columns, tableColumn{Header: "条数", Width: countWidth, Align: "R"})
		var cells [][]string
		for _, row := range rows {
			cell := []string{row.key}
			if withLevel {
				cell = append(cell, label("level", row.level))
			}
			hasValue := false
			n := 0
			for _, pair := range group {
				if t, ok := row.totals[pair]; ok {
					cell = append(cell, formatChineseBounds(t.Exact, t.Low, t.High))
					n += t.N
					hasValue = true
				} else {
					cell = append(cell, "")
				}
			}
			if !hasValue {
				continue
			}
			cell = append(cell, strconv.Itoa(n))
			cells = append(cells, cell)
		}
		if len(cells) == 0 {
			continue
		}
		r.drawTable(pdfTable{Columns: columns, FontSize: 8.5}, cells)
	}
}

// drawQuality lists the data-quality findings by kind.
func (r *pdfReport) drawQuality() {
	r.chapter("四、数据质量")
	overview := r.summary.Overview
	r.paragraph(fmt.Sprintf("共读取 %d 个文件、%d 份简报，识别数量 %d 条，其中计入 %d 条，因重复或被新的累计数取代而剔除 %d 条，属于分项（其中……）的 %d 条。%d 个文件读取失败。",
		overview.Files, overview.Bulletins, overview.Facts, overview.Counted, overview.Dropped, overview.Parts, overview.Failed), 10)

	byKind := map[string][]analyze.Finding{}
	var kinds []string
	for _, finding := range r.summary.Findings {
		if _, ok := byKind[finding.Kind]; !ok {
			kinds = append(kinds, finding.Kind)
		}
		byKind[finding.Kind] = append(byKind[finding.Kind], finding)
	}
	order := []string{analyze.FindingFailedFile, analyze.FindingBreakdownMismatch, analyze.FindingDuplicateDocument,
		analyze.FindingNearDuplicate, analyze.FindingRepeatedFact, analyze.FindingMasked}
	slices.SortStableFunc(kinds, func(a, b string) int {
		return cmp.Compare(rankIn(order, a), rankIn(order, b))
	})
	if len(kinds) == 0 {
		r.paragraph("未发现分项不符、重复、近似重复、原文遮蔽或读取失败的问题。", 10)
		return
	}
	var summaryRows [][]string
	for _, kind := range order {
		summaryRows = append(summaryRows, []string{label("finding", kind), strconv.Itoa(len(byKind[kind]))})
	}
	r.subheading("问题概览", 30)
	r.drawTable(pdfTable{FontSize: 9, Columns: []tableColumn{
		{Header: "问题类型", Width: 60, Align: "L"},
		{Header: "数量", Width: 24, Align: "R"},
	}}, summaryRows)

	for _, kind := range kinds {
		findings := byKind[kind]
		r.subheading(fmt.Sprintf("%s（%d）", label("finding", kind), len(findings)), 20)
		var rows [][]string
		for _, finding := range findings[:min(len(findings), maxFindingsPerKind)] {
			rows = append(rows, []string{findingPlace(finding), findingDetail(finding)})
		}
		r.drawTable(pdfTable{FontSize: 8, Columns: []tableColumn{
			{Header: "位置", Width: 58, Align: "L"},
			{Header: "说明", Width: contentWidth - 58, Align: "L"},
		}}, rows)
		if len(findings) > maxFindingsPerKind {
			r.paragraph(fmt.Sprintf("另有 %d 项未列出，见 JSON 导出。", len(findings)-maxFindingsPerKind), 9)
		}
	}
}

func rankIn(order []string, key string) int {
	if i := slices.Index(order, key); i >= 0 {
		return i
	}
	return len(order)
}

// findingPlace locates a finding: file, bulletin, line.
func findingPlace(finding analyze.Finding) string {
	place := finding.Path
	if finding.Bulletin > 0 {
		place += fmt.Sprintf(" 第%d份", finding.Bulletin)
	}
	if finding.Line > 0 {
		place += fmt.Sprintf(" 第%d行", finding.Line)
	}
	return place
}

// findingDetail explains a finding with its figures.
func findingDetail(finding analyze.Finding) string {
	var parts []string
	switch finding.Kind {
	case analyze.FindingBreakdownMismatch:
		parts = append(parts, fmt.Sprintf("总数 %s，分项之和 %s，相差 %s", analyze.FormatNumber(finding.Expected), analyze.FormatNumber(finding.Sum), analyze.FormatNumber(finding.Diff)))
	case analyze.FindingDuplicateDocument, analyze.FindingNearDuplicate:
		other := finding.OtherPath
		if finding.OtherBulletin > 0 {
			other += fmt.Sprintf(" 第%d份", finding.OtherBulletin)
		}
		if other != "" {
			parts = append(parts, "对照："+other)
		}
		if finding.Similarity > 0 {
			parts = append(parts, fmt.Sprintf("相似度 %.0f%%", finding.Similarity*100))
		}
	case analyze.FindingFailedFile:
		if finding.Stage != "" {
			parts = append(parts, "阶段："+finding.Stage)
		}
	}
	if len(finding.Facts) > 0 {
		parts = append(parts, fmt.Sprintf("剔除 %d 条数量", len(finding.Facts)))
	}
	if finding.Text != "" {
		parts = append(parts, "原文："+finding.Text)
	}
	if finding.Message != "" {
		parts = append(parts, finding.Message)
	}
	return strings.Join(parts, "；")
}

// drawAppendix lists counts with their provenance.
func (r *pdfReport) drawAppendix() error {
	all := r.facts.Len()
	if r.options.Appendix == 0 || all == 0 {
		return nil
	}
	listed := all
	if r.options.Appendix > 0 && r.options.Appendix < all {
		listed = r.options.Appendix
	}
	r.chapter("附录：数量明细与出处")
	if listed < all {
		r.paragraph(fmt.Sprintf("列出全部 %d 条中的前 %d 条。", all, listed), 9)
	}
	rows := make([][]string, 0, listed)
	for fact, err := range r.facts.All() {
		if err != nil {
			return err
		}
		if len(rows) == listed {
			break
		}
		i := len(rows)
		quantity := fact.Text
		if fact.Dropped != "" {
			quantity += "（未计入：" + label("dropped", fact.Dropped) + "）"
		} else if fact.Parent != "" {
			quantity += "（分项）"
		}
		if fact.Cumulative {
			quantity += "（累计）"
		}
		who := fact.Unit
		if fact.Activity != "" {
			if who != "" {
				who += " / "
			}
			who += fact.Activity
		}
		if fact.Object != "" {
			who += "：" + fact.Object
		}
		// The path on a line of its own, so that the place reads whole.
		source := fmt.Sprintf("%s\n第%d份 第%d行", path.Clean(fact.Path), fact.Bulletin, fact.Line)
		if fact.Date != "" {
			source += "\n" + formatChineseDate(fact.Date)
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), quantity, who, source, fact.Sentence})
	}
	r.drawTable(pdfTable{FontSize: 7.5, Columns: []tableColumn{
		{Header: "序号", Width: 10, Align: "R"},
		{Header: "数量", Width: 26, Align: "L"},
		{Header: "单位 / 活动：对象", Width: 34, Align: "L"},
		{Header: "出处（文件、简报、行）", Width: 36, Align: "L"},
		{Header: "原句", Width: contentWidth - 106, Align: "L"},
	}}, rows)
	return nil
}
