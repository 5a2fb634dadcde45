package cmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/analyze"
	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/render"
)

type analyzeOptions struct {
	outputOptions
	merge      bool
	errorsFile string
	table      string
	topN       int
	args       []string
}

func newAnalyzeCommand(streams IO, g *globalOptions) *cobra.Command {
	o := &analyzeOptions{}
	c := &cobra.Command{
		Use:   "analyze [flags] [RECORDS.jsonl|-]...",
		Short: "Total the records of extract across documents and check them",
		Long: `analyze reads records written by extract (JSON Lines; standard input when no
file is given) and writes a summary: totals per unit (rolled up through the
administrative hierarchy), per activity, per measure category, per period and
per document, top lists, and data-quality findings (breakdowns that do not
add up, duplicate and near-duplicate documents, facts repeated across files,
masked text, files that failed).

Counts of different categories are never added (人次 and 人 stay apart);
money and physical measures are converted to one unit (万元 → 元); approximate
counts are carried as bounds; cumulative figures (截至目前) are kept apart from
period figures. See docs/analyze.md.

--format json (the default) writes the whole summary, docs/summary.schema.json.
--format jsonl, csv or tsv write one of its tables, chosen with --table.

--merge reads summaries instead of records and merges them into the summary
of all their records, so shards of a backlog can be analysed apart.

Examples:
  bulletin extract archive/ | bulletin analyze - -o summary.json
  bulletin analyze records.jsonl --format csv --table totals --excel -o totals.csv
  bulletin analyze --merge shard-*/summary.json -o summary.json
` + exitStatusHelp,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			o.args = args
			if err := o.outputOptions.validate(); err != nil {
				return err
			}
			if o.topN < 0 {
				return usagef("--top must not be negative")
			}
			valid := strings.Join(render.SummaryTables(), ", ")
			t, err := render.TableFromSummary(&analyze.Summary{}, o.table)
			if err != nil {
				return usagef("--table must be one of %s, not %q", valid, o.table)
			}
			if err := render.ValidateFields(t, o.fields); err != nil {
				return usageError{err}
			}
			return runAnalyze(c.Context(), o, streams)
		},
	}
	o.outputOptions.bind(c, render.FormatJSON)
	c.Flags().BoolVar(&o.merge, "merge", false, "the arguments are summaries to merge, not records")
	c.Flags().StringVar(&o.errorsFile, "errors", "", "also read failed files from FILE (errors.jsonl of extract --errors or run)")
	c.Flags().StringVar(&o.table, "table", "totals", "table for jsonl, csv and tsv output: "+strings.Join(render.SummaryTables(), ", "))
	c.Flags().IntVar(&o.topN, "top", analyze.DefaultTopN, "length of each top list")
	return c
}

func runAnalyze(ctx context.Context, o *analyzeOptions, streams IO) error {
	var summary *analyze.Summary
	var err error
	if o.merge {
		summary, err = mergeSummaries(o.args, streams.In)
	} else {
		summary, err = analyzeRecordFiles(o.args, o.errorsFile, streams.In, analyze.Options{TopN: o.topN})
	}
	if err != nil {
		return err
	}
	return writeSummary(summary, &o.outputOptions, o.table, streams)
}

func analyzeRecordFiles(paths []string, errorsFile string, stdin io.Reader, opts analyze.Options) (*analyze.Summary, error) {
	var records []extract.Record
	var failures []extract.Failure
	read := func(path string) error {
		r, closeFn, err := openInput(path, stdin)
		if err != nil {
			return err
		}
		defer closeFn()
		recs, fails, err := analyze.ReadRecords(r)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		records = append(records, recs...)
		failures = append(failures, fails...)
		return nil
	}
	for _, p := range paths {
		if err := read(p); err != nil {
			return nil, err
		}
	}
	if errorsFile != "" {
		if err := read(errorsFile); err != nil {
			return nil, err
		}
	}
	return analyze.Analyze(records, failures, opts)
}

func mergeSummaries(paths []string, stdin io.Reader) (*analyze.Summary, error) {
	var all []*analyze.Summary
	for _, p := range paths {
		s, err := readSummaryFile(p, stdin)
		if err != nil {
			return nil, err
		}
		all = append(all, s)
	}
	return analyze.Merge(all...)
}

func readSummaryFile(path string, stdin io.Reader) (*analyze.Summary, error) {
	r, closeFn, err := openInput(path, stdin)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	s, err := analyze.ReadSummary(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func writeSummary(s *analyze.Summary, o *outputOptions, table string, streams IO) error {
	w, finish, err := o.open(streams)
	if err != nil {
		return err
	}
	if o.format == render.FormatJSON && len(o.fields) == 0 {
		err = render.WriteSummaryJSON(w, s)
	} else {
		var t render.Table
		if t, err = render.TableFromSummary(s, table); err == nil {
			err = render.WriteTable(w, t, render.TableOptions{Format: o.format, Fields: o.fields, Excel: o.excel})
		}
	}
	if ferr := finish(err == nil); err == nil {
		err = ferr
	}
	return err
}

func openInput(path string, stdin io.Reader) (io.Reader, func(), error) {
	if path == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}
