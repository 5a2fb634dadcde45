package render

// tableColumn is one column of a PDF table.
type tableColumn struct {
	Header string
	// Width is in millimetres; the columns of a table should add up to
	// contentWidth.
	Width float64
	// Align is "L", "C" or "R"; numbers are right-aligned.
	Align string
}

// pdfTable describes a table's columns and type size.
type pdfTable struct {
	Columns  []tableColumn
	FontSize float64
}

const (
	cellPadding = 1.2
	// minRowLines is how many lines of a row taller than a page must fit
	// before the row is split at the page end rather than moved to the next.
	minRowLines = 3
)

// lineHeight is the baseline distance for the table's type size.
func (t pdfTable) lineHeight() float64 { return t.FontSize * 0.46 }

// drawTable lays rows out below the current position. Every cell is wrapped
// to its column, each row is as tall as its tallest cell, and a row that
// does not fit moves to the next page under a repeated header row. A row
// taller than a whole page (a very long sentence) is split across pages.
func (r *pdfReport) drawTable(table pdfTable, rows [][]string) {
	pdf := r.pdf
	pdf.SetFont(r.family, "", table.FontSize)
	lineHeight := table.lineHeight()

	header := make([][]string, len(table.Columns))
	headerLines := 1
	for i, column := range table.Columns {
		header[i] = WrapText(pdf, r.multiline(column.Header), column.Width-2*cellPadding)
		headerLines = max(headerLines, len(header[i]))
	}
	headerHeight := float64(headerLines)*lineHeight + 2*cellPadding

	drawHeader := func() {
		y := pdf.GetY()
		x := marginLeft
		pdf.SetFillColor(226, 233, 242)
		pdf.SetTextColor(24, 50, 90)
		for i, column := range table.Columns {
			pdf.Rect(x, y, column.Width, headerHeight, "F")
			drawLines(pdf, header[i], x+cellPadding, y+cellPadding, column.Width-2*cellPadding, lineHeight, column.Align)
			x += column.Width
		}
		pdf.SetDrawColor(120, 140, 170)
		pdf.SetLineWidth(0.3)
		pdf.Line(marginLeft, y+headerHeight, marginLeft+r.tableWidth(table), y+headerHeight)
		pdf.SetTextColor(30, 30, 30)
		pdf.SetXY(marginLeft, y+headerHeight)
	}

	// The header must not end a page on its own: it needs one row below it.
	firstRowHeight := lineHeight + 2*cellPadding
	if len(rows) > 0 {
		firstRowHeight = r.rowHeight(table, r.wrapRow(table, rows[0]))
	}
	r.ensureSpace(headerHeight + min(firstRowHeight, contentBottom-marginTop-headerHeight))
	pdf.SetFont(r.family, "", table.FontSize)
	drawHeader()

	breakPage := func() {
		r.newPage()
		pdf.SetFont(r.family, "", table.FontSize)
		drawHeader()
	}
	for index, row := range rows {
		remaining := r.wrapRow(table, row)
		for {
			height := r.rowHeight(table, remaining)
			available := contentBottom - pdf.GetY()
			if height <= available {
				r.drawRow(table, remaining, index)
				break
			}
			linesAvailable := int((available - 2*cellPadding) / lineHeight)
			fitsOnFreshPage := height <= contentBottom-marginTop-headerHeight
			if fitsOnFreshPage || linesAvailable < minRowLines {
				breakPage()
				continue
			}
			// Taller than a page: draw what fits, carry the rest over.
			var now [][]string
			now, remaining = splitCells(remaining, linesAvailable)
			r.drawRow(table, now, index)
			breakPage()
		}
	}
	pdf.SetDrawColor(120, 140, 170)
	pdf.SetLineWidth(0.3)
	pdf.Line(marginLeft, pdf.GetY(), marginLeft+r.tableWidth(table), pdf.GetY())
	pdf.SetLineWidth(0.2)
	r.resetText()
	pdf.SetXY(marginLeft, pdf.GetY()+4)
}

func (r *pdfReport) tableWidth(table pdfTable) float64 {
	width := 0.0
	for _, column := range table.Columns {
		width += column.Width
	}
	return width
}

// wrapRow wraps each cell of row to its column.
func (r *pdfReport) wrapRow(table pdfTable, row []string) [][]string {
	cells := make([][]string, len(table.Columns))
	for i, column := range table.Columns {
		text := ""
		if i < len(row) {
			text = r.multiline(row[i])
		}
		cells[i] = WrapText(r.pdf, text, column.Width-2*cellPadding)
	}
	return cells
}

// rowHeight is the height of the tallest wrapped cell plus padding.
func (r *pdfReport) rowHeight(table pdfTable, cells [][]string) float64 {
	lines := 1
	for _, cell := range cells {
		lines = max(lines, len(cell))
	}
	return float64(lines)*table.lineHeight() + 2*cellPadding
}

// drawRow draws one row at the current position, zebra-striped by index.
func (r *pdfReport) drawRow(table pdfTable, cells [][]string, index int) {
	pdf := r.pdf
	y := pdf.GetY()
	height := r.rowHeight(table, cells)
	if index%2 == 1 {
		pdf.SetFillColor(246, 248, 251)
		pdf.Rect(marginLeft, y, r.tableWidth(table), height, "F")
	}
	x := marginLeft
	for i, column := range table.Columns {
		drawLines(pdf, cells[i], x+cellPadding, y+cellPadding, column.Width-2*cellPadding, table.lineHeight(), column.Align)
		x += column.Width
	}
	pdf.SetDrawColor(225, 228, 233)
	pdf.SetLineWidth(0.15)
	pdf.Line(marginLeft, y+height, marginLeft+r.tableWidth(table), y+height)
	pdf.SetXY(marginLeft, y+height)
}

// splitCells cuts every cell after n lines.
func splitCells(cells [][]string, n int) (now, rest [][]string) {
	now = make([][]string, len(cells))
	rest = make([][]string, len(cells))
	for i, cell := range cells {
		if len(cell) > n {
			now[i], rest[i] = cell[:n], cell[n:]
		} else {
			now[i] = cell
		}
	}
	return now, rest
}
