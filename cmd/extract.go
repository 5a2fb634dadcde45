package cmd

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/internal/atomicfile"
	"github.com/bulletin-tool/bulletin/render"
)

type extractOptions struct {
	inputOptions
	outputOptions
	errorsFile string
	args       []string
}

func newExtractCommand(streams IO, g *globalOptions) *cobra.Command {
	o := &extractOptions{}
	c := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "Extract counts, units and activities from bulletins as records",
		Long: `extract reads files, directories (recursively) and - (standard input), and
writes one record per bulletin found: JSON Lines by default, one object a line,
with the counts (quantities), units, activities, breakdown checks, what was
removed as boilerplate, and provenance. The record schema is
docs/record.schema.json (schema "` + extract.SchemaVersion + `").

With --format csv or tsv it writes one row per count instead.

Files that cannot be read are reported on standard error, one line each, and
with --errors FILE as JSON lines; the others are still extracted.

Examples:
  bulletin extract testdata/example > records.jsonl
  bulletin extract --include '*.txt' archive/ | jq '.quantities[] | {text, object}'
  find archive -name '*.docx' -print0 | bulletin extract --files-from - -0 --format csv --excel -o counts.csv
` + exitStatusHelp,
		RunE: func(c *cobra.Command, args []string) error {
			o.args = args
			if err := o.inputOptions.validate(args); err != nil {
				return err
			}
			if err := o.outputOptions.validate(); err != nil {
				return err
			}
			if err := render.ValidateFields(render.QuantitiesTable(nil), o.fields); err != nil {
				return usageError{err}
			}
			log, err := g.logger(streams.Err)
			if err != nil {
				return err
			}
			return runExtract(c.Context(), o, streams, log)
		},
	}
	o.inputOptions.bind(c)
	o.inputOptions.bindJobs(c)
	o.outputOptions.bind(c, render.FormatJSONL)
	c.Flags().StringVar(&o.errorsFile, "errors", "", "also write one JSON line per failed file to FILE")
	return c
}

func runExtract(ctx context.Context, o *extractOptions, streams IO, log *slog.Logger) error {
	inputs, discoverErrs := o.discover(o.args, streams)
	var failures []extract.Failure
	for _, err := range discoverErrs {
		failures = append(failures, discoverFailure(err))
		reportFailure(log, failures[len(failures)-1])
	}
	if len(inputs) == 0 && len(failures) == 0 {
		return errors.New("no input files found")
	}
	x, err := o.extractor(streams)
	if err != nil {
		return err
	}
	w, finish, err := o.open(streams)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var kept []extract.Record
	batchErr := x.Batch(ctx, inputs, extract.BatchOptions{Jobs: o.jobs}, func(r extract.Result) error {
		if r.Err != nil {
			failures = append(failures, r.Failure())
			reportFailure(log, failures[len(failures)-1])
			return nil
		}
		if o.format != render.FormatJSONL {
			kept = append(kept, r.Records...)
			return nil
		}
		for i := range r.Records {
			if err := enc.Encode(&r.Records[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if batchErr == nil {
		batchErr = writeCollected(bw, o, kept)
	}
	if batchErr == nil {
		batchErr = bw.Flush()
	}
	if err := finish(batchErr == nil); err != nil && batchErr == nil {
		batchErr = err
	}
	if o.errorsFile != "" {
		if err := writeFailures(o.errorsFile, failures); err != nil && batchErr == nil {
			batchErr = err
		}
	}
	if batchErr != nil {
		return batchErr
	}
	if len(failures) > 0 {
		return &PartialError{Failed: len(failures), Total: len(inputs) + len(discoverErrs)}
	}
	return nil
}

func writeCollected(w io.Writer, o *extractOptions, recs []extract.Record) error {
	switch o.format {
	case render.FormatJSONL:
		return nil
	case render.FormatJSON:
		if recs == nil {
			recs = []extract.Record{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(recs)
	default:
		return render.WriteTable(w, render.QuantitiesTable(recs), render.TableOptions{Format: o.format, Fields: o.fields, Excel: o.excel})
	}
}

func discoverFailure(err error) extract.Failure {
	var de *extract.DiscoverError
	if errors.As(err, &de) {
		return extract.Failure{Schema: extract.FailureSchema, Path: de.Path, Stage: "discover", Message: de.Err.Error()}
	}
	return extract.Failure{Schema: extract.FailureSchema, Stage: "discover", Message: err.Error()}
}

func reportFailure(log *slog.Logger, f extract.Failure) {
	log.Error(fmt.Sprintf("%s: %s: %s", f.Path, f.Stage, f.Message), "path", f.Path, "stage", f.Stage)
}

func writeFailures(path string, failures []extract.Failure) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, fl := range failures {
		if err := enc.Encode(fl); err != nil {
			f.Abort()
			return err
		}
	}
	return f.Commit()
}
