package render

import (
	"math"
)

// barEntry is one bar of a chart.
type barEntry struct {
	Label string
	Value float64
	// Display is the value as printed beside the bar (with ≥, 万 …).
	Display string
}

// Chart palette: one accent colour, greys for axes and grid.
var (
	barColour  = [3]int{62, 116, 178}
	gridColour = [3]int{222, 226, 232}
	axisColour = [3]int{120, 120, 120}
)

const (
	barRowHeight   = 6.0
	barThickness   = 4.0
	barLabelWidth  = 50.0
	barValueWidth  = 26.0
	chartTitleSize = 10.0
	chartTextSize  = 8.0
)

// horizontalBarHeight is the height horizontalBars will use.
func horizontalBarHeight(entries int) float64 {
	return 7 + float64(entries)*barRowHeight + 7
}

// horizontalBars draws a bar chart with one labelled row per entry, the
// largest value spanning the plot, gridlines at round values labelled on
// the axis below, and each bar's value printed at its end. It is drawn with
// rectangles and text rather than an image so that it stays sharp and its
// labels stay searchable.
func (r *pdfReport) horizontalBars(title, unitLabel string, entries []barEntry) {
	if len(entries) == 0 {
		return
	}
	pdf := r.pdf
	r.ensureSpace(horizontalBarHeight(len(entries)))
	top := pdf.GetY()
	pdf.SetFont(r.family, "", chartTitleSize)
	pdf.SetTextColor(40, 40, 40)
	pdf.SetXY(marginLeft, top)
	pdf.CellFormat(contentWidth, 6, r.fit(title, contentWidth), "", 0, "L", false, 0, "")

	plotLeft := marginLeft + barLabelWidth
	plotWidth := contentWidth - barLabelWidth - barValueWidth
	plotTop := top + 7
	plotBottom := plotTop + float64(len(entries))*barRowHeight
	step, scaleMax := chartScale(entries)

	pdf.SetFont(r.family, "", chartTextSize-1)
	pdf.SetTextColor(axisColour[0], axisColour[1], axisColour[2])
	pdf.SetLineWidth(0.15)
	for tick := 0.0; tick <= scaleMax*1.0001 && step > 0; tick += step {
		x := plotLeft + plotWidth*tick/scaleMax
		pdf.SetDrawColor(gridColour[0], gridColour[1], gridColour[2])
		pdf.Line(x, plotTop, x, plotBottom)
		label := formatChineseNumber(tick)
		pdf.SetXY(x-12, plotBottom+0.8)
		pdf.CellFormat(24, 4, label, "", 0, "C", false, 0, "")
	}
	if unitLabel != "" {
		pdf.SetXY(plotLeft+plotWidth, plotBottom+0.8)
		pdf.CellFormat(barValueWidth, 4, r.fit("（"+unitLabel+"）", barValueWidth), "", 0, "L", false, 0, "")
	}

	for i, entry := range entries {
		y := plotTop + float64(i)*barRowHeight
		pdf.SetFont(r.family, "", chartTextSize)
		pdf.SetTextColor(40, 40, 40)
		pdf.SetXY(marginLeft, y)
		pdf.CellFormat(barLabelWidth-2, barRowHeight, r.fit(entry.Label, barLabelWidth-2), "", 0, "R", false, 0, "")
		length := plotWidth * math.Max(entry.Value, 0) / scaleMax
		pdf.SetFillColor(barColour[0], barColour[1], barColour[2])
		if length > 0 {
			pdf.Rect(plotLeft, y+(barRowHeight-barThickness)/2, length, barThickness, "F")
		}
		pdf.SetXY(plotLeft+length+1, y)
		pdf.CellFormat(barValueWidth+plotWidth-length-1, barRowHeight, r.fit(entry.Display, barValueWidth+plotWidth-length-1), "", 0, "L", false, 0, "")
	}
	pdf.SetDrawColor(axisColour[0], axisColour[1], axisColour[2])
	pdf.SetLineWidth(0.3)
	pdf.Line(plotLeft, plotTop, plotLeft, plotBottom)
	pdf.Line(plotLeft, plotBottom, plotLeft+plotWidth, plotBottom)
	r.resetText()
	pdf.SetLineWidth(0.2)
	pdf.SetXY(marginLeft, plotBottom+9)
}

const (
	columnChartHeight = 55.0
	columnAxisWidth   = 16.0
)

// columnChartTotalHeight is the height verticalBars will use.
func columnChartTotalHeight() float64 { return 7 + columnChartHeight + 14 }

// verticalBars draws a column chart of values by period, oldest first,
// with a labelled value axis and as many period labels as fit side by side.
func (r *pdfReport) verticalBars(title, unitLabel string, entries []barEntry) {
	if len(entries) == 0 {
		return
	}
	pdf := r.pdf
	r.ensureSpace(columnChartTotalHeight())
	top := pdf.GetY()
	pdf.SetFont(r.family, "", chartTitleSize)
	pdf.SetTextColor(40, 40, 40)
	pdf.SetXY(marginLeft, top)
	pdf.CellFormat(contentWidth, 6, r.fit(title, contentWidth), "", 0, "L", false, 0, "")

	plotLeft := marginLeft + columnAxisWidth
	plotWidth := contentWidth - columnAxisWidth
	plotTop := top + 9
	plotBottom := top + 7 + columnChartHeight
	plotHeight := plotBottom - plotTop
	step, scaleMax := chartScale(entries)

	pdf.SetFont(r.family, "", chartTextSize-1)
	pdf.SetTextColor(axisColour[0], axisColour[1], axisColour[2])
	pdf.SetLineWidth(0.15)
	for tick := 0.0; tick <= scaleMax*1.0001 && step > 0; tick += step {
		y := plotBottom - plotHeight*tick/scaleMax
		pdf.SetDrawColor(gridColour[0], gridColour[1], gridColour[2])
		pdf.Line(plotLeft, y, plotLeft+plotWidth, y)
		pdf.SetXY(marginLeft, y-2)
		pdf.CellFormat(columnAxisWidth-1.5, 4, formatChineseNumber(tick), "", 0, "R", false, 0, "")
	}
	if unitLabel != "" {
		// The value axis' unit sits at the right end of the title line,
		// clear of the title and of the top gridline's label.
		pdf.SetXY(marginLeft+contentWidth/2, top+1)
		pdf.CellFormat(contentWidth/2, 4, r.fit("单位："+unitLabel, contentWidth/2), "", 0, "R", false, 0, "")
	}

	slot := plotWidth / float64(len(entries))
	barWidth := math.Min(slot*0.7, 14)
	labelWidth := 0.0
	valueWidth := 0.0
	for _, entry := range entries {
		labelWidth = math.Max(labelWidth, pdf.GetStringWidth(r.text(entry.Label)))
		valueWidth = math.Max(valueWidth, pdf.GetStringWidth(r.text(entry.Display)))
	}
	// Label every k-th period so that labels never overlap.
	every := max(1, int(math.Ceil((labelWidth+1.5)/slot)))
	showValues := valueWidth+0.5 <= slot
	for i, entry := range entries {
		x := plotLeft + slot*float64(i) + (slot-barWidth)/2
		height := plotHeight * math.Max(entry.Value, 0) / scaleMax
		pdf.SetFillColor(barColour[0], barColour[1], barColour[2])
		if height > 0 {
			pdf.Rect(x, plotBottom-height, barWidth, height, "F")
		}
		center := plotLeft + slot*float64(i) + slot/2
		if showValues {
			pdf.SetTextColor(40, 40, 40)
			pdf.SetXY(center-slot/2, plotBottom-height-4.2)
			pdf.CellFormat(slot, 4, r.text(entry.Display), "", 0, "C", false, 0, "")
		}
		if i%every == 0 {
			pdf.SetTextColor(axisColour[0], axisColour[1], axisColour[2])
			width := slot * float64(every)
			pdf.SetXY(center-width/2, plotBottom+1)
			pdf.CellFormat(width, 4, r.text(entry.Label), "", 0, "C", false, 0, "")
		}
	}
	pdf.SetDrawColor(axisColour[0], axisColour[1], axisColour[2])
	pdf.SetLineWidth(0.3)
	pdf.Line(plotLeft, plotTop, plotLeft, plotBottom)
	pdf.Line(plotLeft, plotBottom, plotLeft+plotWidth, plotBottom)
	r.resetText()
	pdf.SetLineWidth(0.2)
	pdf.SetXY(marginLeft, plotBottom+10)
}

// niceStep rounds a raw gridline step up to 1, 2 or 5 times a power of ten.
// chartScale returns the tick step and the top of the value axis for the
// bars: a round step, and the first multiple of it at or above the largest
// value.
func chartScale(entries []barEntry) (step, scaleMax float64) {
	maximum := 0.0
	for _, entry := range entries {
		maximum = math.Max(maximum, entry.Value)
	}
	step = niceStep(maximum / 4)
	scaleMax = math.Max(step*math.Ceil(maximum/step), maximum)
	if scaleMax <= 0 {
		scaleMax = 1
	}
	return step, scaleMax
}

func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	magnitude := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, factor := range []float64{1, 2, 5, 10} {
		if raw <= factor*magnitude {
			return factor * magnitude
		}
	}
	return 10 * magnitude
}
