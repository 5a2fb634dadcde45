package render

import (
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// Line-breaking classes after the Chinese typesetting rules (GB/T 15834,
// W3C clreq): a line never starts with a closing or pause mark and never
// ends with an opening one. They are rules of the script, not data about
// bulletins, hence constants rather than an embedded table.
const (
	// noLineStart are marks that belong to the character before them.
	noLineStart = "，。、；：？！）》」』”’〕】〗〉｝］～·%‰℃,.;:?!)]}"
	// inseparable marks are written doubled (—— ……) and never split; they
	// may start a line.
	inseparable = "—…"
	// noLineEnd are marks that belong to the character after them.
	noLineEnd = "（《「『“‘〔【〖〈｛［([{"
)

// WrapText breaks text into lines no wider than width (in the document's
// unit, with its current font and size) for Chinese text with Latin words
// and numbers mixed in. It exists because fpdf's MultiCell and SplitText
// drop a character at every CJK line break.
//
// Every character of text appears in exactly one line, in order; a newline
// forces a break and is not part of any line. A line exceeds width only
// when a single character (or a mark glued to it) is wider than width, and
// only trailing spaces may overhang. Closing marks are kept with the
// character before them and opening marks with the one after, so a line
// never starts with 。 or ends with 《 unless one character fills the line.
// Latin words and numbers stay whole when they fit on a line.
func WrapText(pdf *fpdf.Fpdf, text string, width float64) []string {
	var lines []string
	for paragraph := range strings.SplitSeq(text, "\n") {
		lines = append(lines, wrapParagraph(pdf, paragraph, width)...)
	}
	return lines
}

// wrapParagraph wraps text holding no newline.
func wrapParagraph(pdf *fpdf.Fpdf, text string, width float64) []string {
	if text == "" {
		return []string{""}
	}
	var lines []string
	var line strings.Builder
	lineWidth := 0.0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineWidth = 0
	}
	for _, cluster := range breakClusters(text) {
		if strings.Trim(cluster, " ") == "" {
			// Spaces may overhang the line end: they are invisible there,
			// and dropping them would lose characters.
			if line.Len() == 0 && len(lines) > 0 {
				lines[len(lines)-1] += cluster
				continue
			}
			line.WriteString(cluster)
			lineWidth += pdf.GetStringWidth(cluster)
			continue
		}
		clusterWidth := pdf.GetStringWidth(cluster)
		if line.Len() > 0 && lineWidth+clusterWidth > width {
			flush()
		}
		if clusterWidth <= width {
			line.WriteString(cluster)
			lineWidth += clusterWidth
			continue
		}
		// A cluster wider than a whole line (a long code or URL, or marks
		// piled on one character in a very narrow column) is cut rune by rune.
		for _, r := range cluster {
			runeWidth := pdf.GetStringWidth(string(r))
			if line.Len() > 0 && lineWidth+runeWidth > width {
				flush()
			}
			line.WriteRune(r)
			lineWidth += runeWidth
		}
	}
	if line.Len() > 0 {
		flush()
	}
	return lines
}

// breakClusters splits text into the units a line may break between: a
// Chinese character, a Latin word or number, or a run of spaces, each with
// the opening marks before it and the closing marks after it.
func breakClusters(text string) []string {
	runes := []rune(text)
	var clusters []string
	for i := 0; i < len(runes); {
		start := i
		// Opening marks hold on to what follows them, spaces included
		// ("《 人民日报 》" keeps 《 with 人).
		for i < len(runes) && strings.ContainsRune(noLineEnd, runes[i]) {
			i++
			for i < len(runes) && (runes[i] == ' ' || strings.ContainsRune(noLineEnd, runes[i])) {
				i++
			}
		}
		switch {
		case i == len(runes):
			// Opening marks at the very end have nothing to hold on to.
		case runes[i] == ' ':
			for i < len(runes) && runes[i] == ' ' {
				i++
			}
		case strings.ContainsRune(inseparable, runes[i]):
			for mark := runes[i]; i < len(runes) && runes[i] == mark; {
				i++
			}
		case isWordRune(runes[i]):
			for i < len(runes) && isWordRune(runes[i]) {
				i++
			}
		default:
			i++
		}
		for i < len(runes) && strings.ContainsRune(noLineStart, runes[i]) {
			i++
		}
		clusters = append(clusters, string(runes[start:i]))
	}
	return clusters
}

// isWordRune tells whether r belongs to a Latin word or number that should
// not be broken: letters and digits of alphabetic scripts and the marks
// found inside numbers and codes (3.5, 50%, 2023-05, A/B).
func isWordRune(r rune) bool {
	if r < 0x80 {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".,%-/_:+#&@'", r)
	}
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) || ('０' <= r && r <= '９')
}

// drawLines prints lines from (x, y) downwards with the given line height,
// each as a cell of width w aligned as align ("L", "C", "R").
func drawLines(pdf *fpdf.Fpdf, lines []string, x, y, w, lineHeight float64, align string) {
	for i, line := range lines {
		pdf.SetXY(x, y+float64(i)*lineHeight)
		pdf.CellFormat(w, lineHeight, line, "", 0, align, false, 0, "")
	}
}
