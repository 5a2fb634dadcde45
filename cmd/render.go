package cmd

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/analyze"
	"github.com/bulletin-tool/bulletin/internal/atomicfile"
	"github.com/bulletin-tool/bulletin/render"
)

type renderOptions struct {
	output       string
	title        string
	font         string
	appendix     string
	creationDate string
	author       string
}

func (o *renderOptions) bind(c *cobra.Command, withOutput bool) {
	f := c.Flags()
	if withOutput {
		f.StringVarP(&o.output, "output", "o", "report.pdf", "write the PDF to FILE")
	}
	f.StringVar(&o.title, "title", "", "report title (default 工作简报数据汇总报告)")
	f.StringVar(&o.font, "font", "", "TrueType .ttf font to set the report in instead of the embedded Noto Sans SC")
	f.StringVar(&o.appendix, "appendix", "200", "counts listed with provenance in the appendix: N, all or none")
	f.StringVar(&o.creationDate, "creation-date", "", "creation date stored in the PDF (RFC 3339); default SOURCE_DATE_EPOCH or now")
	f.StringVar(&o.author, "author", "bulletin", "author stored in the PDF metadata")
}

// pdfOptions turns the flags into render options; SOURCE_DATE_EPOCH gives a
// fixed date for reproducible builds when --creation-date is not set.
func (o *renderOptions) pdfOptions(streams IO) (render.PDFOptions, error) {
	opts := render.PDFOptions{Title: o.title, FontFile: o.font, Author: o.author, Subject: "工作简报统计汇总"}
	switch a := strings.ToLower(o.appendix); a {
	case "all":
		opts.Appendix = render.AppendixAll
	case "none", "0":
		opts.Appendix = 0
	default:
		n, err := strconv.Atoi(a)
		if err != nil || n < 0 {
			return opts, usagef("--appendix must be a number, all or none, not %q", o.appendix)
		}
		opts.Appendix = n
	}
	switch {
	case o.creationDate != "":
		t, err := time.Parse(time.RFC3339, o.creationDate)
		if err != nil {
			return opts, usagef("--creation-date: %v", err)
		}
		opts.CreationDate = t
	case streams.Getenv != nil && streams.Getenv("SOURCE_DATE_EPOCH") != "":
		sec, err := strconv.ParseInt(streams.Getenv("SOURCE_DATE_EPOCH"), 10, 64)
		if err != nil {
			return opts, usagef("SOURCE_DATE_EPOCH must be seconds since 1970, not %q", streams.Getenv("SOURCE_DATE_EPOCH"))
		}
		opts.CreationDate = time.Unix(sec, 0).UTC()
	default:
		opts.CreationDate = streams.Now()
	}
	return opts, nil
}

func newRenderCommand(streams IO, g *globalOptions) *cobra.Command {
	o := &renderOptions{}
	c := &cobra.Command{
		Use:   "render [flags] SUMMARY.json",
		Short: "Render a summary as a PDF report",
		Long: `render writes the PDF summary report of a summary made by analyze: a cover,
key figures, bar charts of the top units and activities per measure, a trend
by period, tables, a data-quality section and an appendix of counts with their
provenance. Chinese is set in the embedded Noto Sans SC, so no font needs to
be installed; --font uses another TrueType font. Characters the font lacks are
listed as warnings.

The same summary and the same --creation-date (or SOURCE_DATE_EPOCH) give
the same bytes.
` + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts, err := o.pdfOptions(streams)
			if err != nil {
				return err
			}
			log, err := g.logger(streams.Err)
			if err != nil {
				return err
			}
			s, err := readSummaryFile(args[0], streams.In)
			if err != nil {
				return err
			}
			return renderReport(s, o.output, opts, log)
		},
	}
	o.bind(c, true)
	return c
}

// renderReport writes the report atomically and logs the font warnings.
func renderReport(s *analyze.Summary, path string, opts render.PDFOptions, log *slog.Logger) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	warnings, err := render.RenderPDF(f, s, opts)
	if err != nil {
		f.Abort()
		return fmt.Errorf("render %s: %w", path, err)
	}
	for _, w := range warnings {
		log.Warn(w)
	}
	return f.Commit()
}
