package cmd

import (
	"context"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/render"
)

type numbersOptions struct {
	inputOptions
	outputOptions
	args []string
}

func newNumbersCommand(streams IO, g *globalOptions) *cobra.Command {
	o := &numbersOptions{}
	c := &cobra.Command{
		Use:   "numbers [flags] [PATH|-]...",
		Short: "List every numeric expression with its kind, span and value",
		Long: `numbers lists each numeric expression of the given files (standard input when
none is given): counts, percents and money the extractor reports, and the
numbers it does not count — dates, ordinals, codes, vague amounts, bare
numbers, and numbers inside boilerplate — each with its span, value and
bounds. Use it to check the numeral layer on its own.

Columns: path, line, start, end, text, kind, value, low, high, approx, measure.
` + exitStatusHelp,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 && o.filesFrom == "" {
				args = []string{extract.StdinPath}
			}
			o.args = args
			if err := o.inputOptions.validate(args); err != nil {
				return err
			}
			if err := o.outputOptions.validate(); err != nil {
				return err
			}
			if err := render.ValidateFields(numbersTable(), o.fields); err != nil {
				return usageError{err}
			}
			log, err := g.logger(streams.Err)
			if err != nil {
				return err
			}
			return runNumbers(c.Context(), o, streams, log)
		},
	}
	o.inputOptions.bind(c)
	o.outputOptions.bind(c, render.FormatTSV)
	return c
}

func runNumbers(ctx context.Context, o *numbersOptions, streams IO, log *slog.Logger) error {
	inputs, discoverErrs := o.discover(o.args, streams)
	failed := len(discoverErrs)
	for _, err := range discoverErrs {
		reportFailure(log, discoverFailure(err))
	}
	x, err := o.extractor(streams)
	if err != nil {
		return err
	}
	t := numbersTable()
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		text, err := extract.ReadFile(in, extract.ReadOptions{Encoding: o.encoding, MaxBytes: o.maxBytes, Stdin: streams.In})
		if err != nil {
			reportFailure(log, extract.Result{Input: in, Err: err}.Failure())
			failed++
			continue
		}
		for _, m := range x.ListNumbers(text) {
			t.Rows = append(t.Rows, []any{in.Path, m.Line, m.Start, m.End, m.Text, m.Kind, m.Value, floatOrNil(m.Low), floatOrNil(m.High), m.Approx, m.Measure})
		}
	}
	w, finish, err := o.open(streams)
	if err != nil {
		return err
	}
	err = render.WriteTable(w, t, render.TableOptions{Format: o.format, Fields: o.fields, Excel: o.excel})
	if ferr := finish(err == nil); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return &PartialError{Failed: failed, Total: len(inputs) + len(discoverErrs)}
	}
	return nil
}

func numbersTable() render.Table {
	return render.Table{Name: "numbers", Columns: []string{"path", "line", "start", "end", "text", "kind", "value", "low", "high", "approx", "measure"}}
}

func floatOrNil(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
