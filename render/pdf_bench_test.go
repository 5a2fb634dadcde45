package render

import (
	"bytes"
	"testing"
)

// BenchmarkRenderPDF renders a summary of 5,000 counts with all of them in
// the appendix, the size of a year of a county's bulletins.
func BenchmarkRenderPDF(b *testing.B) {
	summary := sampleSummary(5000)
	var size int
	for b.Loop() {
		var buffer bytes.Buffer
		if _, err := RenderPDF(&buffer, summary, PDFOptions{Appendix: AppendixAll, CreationDate: fixedTime}); err != nil {
			b.Fatal(err)
		}
		size = buffer.Len()
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}
