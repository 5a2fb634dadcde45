package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/bulletin-tool/bulletin/analyze"
)

// AppendixAll asks PDFOptions.Appendix for every count.
const AppendixAll = -1

// PDFOptions steer RenderPDF. The zero value renders a report with a
// default title, the embedded font, no appendix and the current time.
type PDFOptions struct {
	// Title is the report's title, on the cover, in the running header and
	// in the document metadata. Empty means defaultPDFTitle.
	Title string
	// FontFile is a TrueType (glyf) .ttf to use instead of the embedded
	// Noto Sans SC; .ttc collections and CFF .otf fonts are refused.
	FontFile string
	// Appendix is how many counts the appendix lists with their provenance:
	// AppendixAll (-1) for all, 0 for no appendix, N for the first N.
	Appendix int
	// CreationDate is the generation time printed on the cover and stored
	// in the metadata. Zero means time.Now(); callers that honour
	// SOURCE_DATE_EPOCH pass that time here. The same summary and the same
	// CreationDate give the same bytes.
	CreationDate time.Time
	// Author and Subject go into the document metadata.
	Author  string
	Subject string
}

const defaultPDFTitle = "工作简报数据汇总报告"

// Page geometry in millimetres (A4 portrait).
const (
	pageWidth     = 210.0
	pageHeight    = 297.0
	marginLeft    = 18.0
	marginRight   = 18.0
	marginTop     = 20.0
	marginBottom  = 18.0
	contentWidth  = pageWidth - marginLeft - marginRight
	contentBottom = pageHeight - marginBottom
)

// Font family names; pdffonts shows them, so the embedded font keeps its own.
const (
	embeddedFamily = "NotoSansSC"
	userFamily     = "UserFont"
)

// pdfReport is one report being laid out.
type pdfReport struct {
	pdf     *fpdf.Fpdf
	summary *analyze.Summary
	// facts are the summary's facts, in memory or not.
	facts analyze.FactSource
	// trends are the monthly sums of the charted pairs, from one pass over
	// the facts rather than one per chart.
	trends  map[measurePair]*monthlySums
	options PDFOptions
	title   string
	glyphs  missingGlyphs
	// family is the font family of all text (a single face).
	family string
	// section is the current chapter, shown in the running header.
	section string
}

// RenderPDF writes the summary report as a PDF to w. The warnings list
// what the reader should know but does not stop the report: characters the
// font cannot draw (shown as □), and sections left out for lack of data.
func RenderPDF(w io.Writer, s *analyze.Summary, opts PDFOptions) (warnings []string, err error) {
	return RenderPDFFrom(w, s, nil, opts)
}

// RenderPDFFrom is RenderPDF with the facts (for the trend charts and the
// appendix) taken from facts instead of s.Facts, unless facts is nil: a
// summary too large for memory (analyze.Stream) keeps them on disk, and
// the report reads them in one pass for the trends and stops after the
// appendix's first rows.
func RenderPDFFrom(w io.Writer, s *analyze.Summary, facts analyze.FactSource, opts PDFOptions) (warnings []string, err error) {
	if s == nil {
		return nil, errors.New("render pdf: no summary")
	}
	if opts.Appendix < AppendixAll {
		return nil, fmt.Errorf("render pdf: appendix %d: want -1 (all), 0 (none) or a count", opts.Appendix)
	}
	fontBytes, coverage, err := loadFont(opts.FontFile)
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	if opts.CreationDate.IsZero() {
		opts.CreationDate = time.Now()
	}
	if facts == nil {
		facts = analyze.SliceFacts(s.Facts)
	}
	report := &pdfReport{
		summary: s,
		facts:   facts,
		options: opts,
		title:   opts.Title,
		glyphs:  missingGlyphs{coverage: coverage},
		family:  embeddedFamily,
	}
	if opts.FontFile != "" {
		report.family = userFamily
	}
	if report.title == "" {
		report.title = defaultPDFTitle
	}
	if report.trends, err = sumTrends(s, facts); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	report.setUp(fontBytes)
	if err := report.layOut(); err != nil {
		return report.glyphs.warnings, fmt.Errorf("render pdf: %w", err)
	}
	if err := report.pdf.Error(); err != nil {
		return report.glyphs.warnings, fmt.Errorf("render pdf: %w", err)
	}
	// Output goes to a buffer first so that a failure half-way leaves w
	// untouched rather than holding a truncated PDF.
	var buffer bytes.Buffer
	if err := report.pdf.Output(&buffer); err != nil {
		return report.glyphs.warnings, fmt.Errorf("render pdf: %w", err)
	}
	if _, err := buffer.WriteTo(w); err != nil {
		return report.glyphs.warnings, fmt.Errorf("render pdf: write: %w", err)
	}
	return report.glyphs.warnings, nil
}

// setUp creates the document: page format, font, metadata, header, footer.
func (r *pdfReport) setUp(fontBytes []byte) {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		SizeStr:        "A4",
	})
	r.pdf = pdf
	// The alias must be declared before the font is added: fpdf reserves
	// the glyph range of the page-count digits when the font is loaded.
	pdf.AliasNbPages("{nb}")
	pdf.AddUTF8FontFromBytes(r.family, "", fontBytes)
	pdf.SetFont(r.family, "", 10)
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	// Page breaks are decided here, row by row, so that no table row or
	// chart is cut by fpdf in the middle.
	pdf.SetAutoPageBreak(false, marginBottom)
	pdf.SetCreationDate(r.options.CreationDate)
	pdf.SetModificationDate(r.options.CreationDate)
	pdf.SetCatalogSort(true)
	pdf.SetLang("zh-CN")
	pdf.SetTitle(r.glyphs.clean(r.title), true)
	pdf.SetCreator("bulletin", true)
	if r.options.Author != "" {
		pdf.SetAuthor(r.glyphs.clean(r.options.Author), true)
	}
	subject := r.options.Subject
	if subject == "" {
		subject = "工作简报中的数量、单位与活动统计"
	}
	pdf.SetSubject(r.glyphs.clean(subject), true)
	pdf.SetHeaderFunc(r.drawHeader)
	pdf.SetFooterFunc(r.drawFooter)
}

// drawHeader prints the running header on every page but the cover.
func (r *pdfReport) drawHeader() {
	if r.pdf.PageNo() == 1 {
		return
	}
	pdf := r.pdf
	pdf.SetFont(r.family, "", 8)
	pdf.SetTextColor(110, 110, 110)
	pdf.SetXY(marginLeft, 10)
	pdf.CellFormat(contentWidth/2, 5, r.fit(r.title, contentWidth/2), "", 0, "L", false, 0, "")
	pdf.SetXY(marginLeft+contentWidth/2, 10)
	pdf.CellFormat(contentWidth/2, 5, r.fit(r.section, contentWidth/2), "", 0, "R", false, 0, "")
	pdf.SetDrawColor(180, 180, 180)
	pdf.SetLineWidth(0.2)
	pdf.Line(marginLeft, 15.5, pageWidth-marginRight, 15.5)
	r.resetText()
	pdf.SetXY(marginLeft, marginTop)
}

// drawFooter prints 第 N 页 / 共 M 页.
func (r *pdfReport) drawFooter() {
	pdf := r.pdf
	pdf.SetFont(r.family, "", 8)
	pdf.SetTextColor(110, 110, 110)
	pdf.SetXY(marginLeft, pageHeight-12)
	pdf.CellFormat(contentWidth, 5, fmt.Sprintf("第 %d 页 / 共 {nb} 页", pdf.PageNo()), "", 0, "C", false, 0, "")
	r.resetText()
}

// resetText restores the body text style.
func (r *pdfReport) resetText() {
	r.pdf.SetFont(r.family, "", 10)
	r.pdf.SetTextColor(30, 30, 30)
}

// text cleans s for the font (see missingGlyphs.clean).
func (r *pdfReport) text(s string) string {
	return r.glyphs.clean(s)
}

// multiline cleans each line of s, keeping the line breaks that the report
// itself puts in (table headers), for WrapText to honour.
func (r *pdfReport) multiline(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = r.glyphs.clean(line)
	}
	return strings.Join(lines, "\n")
}

// fit cleans s and shortens it with … to at most width at the current font.
func (r *pdfReport) fit(s string, width float64) string {
	s = r.text(s)
	if r.pdf.GetStringWidth(s) <= width {
		return s
	}
	runes := []rune(s)
	ellipsis := r.pdf.GetStringWidth("…")
	total := 0.0
	for i, c := range runes {
		total += r.pdf.GetStringWidth(string(c))
		if total+ellipsis > width {
			return string(runes[:i]) + "…"
		}
	}
	return s
}

// newPage starts a page of the given chapter.
func (r *pdfReport) newPage() {
	r.pdf.AddPage()
	r.pdf.SetXY(marginLeft, marginTop)
}

// ensureSpace starts a new page unless height millimetres fit below the
// current position, and reports whether it did.
func (r *pdfReport) ensureSpace(height float64) bool {
	if r.pdf.GetY()+height <= contentBottom {
		return false
	}
	r.newPage()
	return true
}

// chapter starts a top-level section on a new page, with a bookmark.
func (r *pdfReport) chapter(title string) {
	r.section = title
	r.newPage()
	r.resetText()
	r.pdf.Bookmark(r.text(title), 0, -1)
	r.heading(title, 16, 0)
}

// subheading prints a second-level heading, kept with at least keep
// millimetres of what follows so that it is never left alone at a page end.
func (r *pdfReport) subheading(title string, keep float64) {
	r.ensureSpace(12 + keep)
	r.resetText()
	r.pdf.Bookmark(r.text(title), 1, -1)
	r.heading(title, 12, 1)
}

// heading prints a title in the accent colour; fill-then-stroke rendering
// stands in for a bold face, which is not embedded to keep the binary small.
func (r *pdfReport) heading(title string, size float64, level int) {
	pdf := r.pdf
	pdf.SetFont(r.family, "", size)
	pdf.SetTextColor(24, 70, 120)
	pdf.SetDrawColor(24, 70, 120)
	pdf.SetLineWidth(size / 60)
	lineHeight := size * 0.55
	lines := WrapText(pdf, r.text(title), contentWidth)
	pdf.SetTextRenderingMode(2)
	drawLines(pdf, lines, marginLeft, pdf.GetY(), contentWidth, lineHeight, "L")
	pdf.SetTextRenderingMode(0)
	y := pdf.GetY() + lineHeight
	if level == 0 {
		pdf.SetLineWidth(0.5)
		pdf.Line(marginLeft, y+1, pageWidth-marginRight, y+1)
		y += 3
	}
	r.resetText()
	pdf.SetLineWidth(0.2)
	pdf.SetXY(marginLeft, y+3)
}

// paragraph prints wrapped body text at size points.
func (r *pdfReport) paragraph(s string, size float64) {
	pdf := r.pdf
	pdf.SetFont(r.family, "", size)
	lineHeight := size * 0.5
	for _, line := range WrapText(pdf, r.text(s), contentWidth) {
		r.ensureSpace(lineHeight)
		pdf.SetX(marginLeft)
		pdf.CellFormat(contentWidth, lineHeight, line, "", 1, "L", false, 0, "")
	}
	r.resetText()
	pdf.SetXY(marginLeft, pdf.GetY()+1.5)
}

// layOut draws every section in reading order.
func (r *pdfReport) layOut() error {
	r.drawCover()
	r.drawKeyFigures()
	r.drawCharts()
	r.drawTables()
	r.drawQuality()
	return r.drawAppendix()
}
