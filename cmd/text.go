package cmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/extract/clean"
)

type textOptions struct {
	inputOptions
	showRemoved bool
	raw         bool
	args        []string
}

func newTextCommand(streams IO, g *globalOptions) *cobra.Command {
	o := &textOptions{}
	c := &cobra.Command{
		Use:   "text [flags] PATH...",
		Short: "Print the cleaned text of each bulletin, as the extractor sees it",
		Long: `text prints, for every bulletin in the given files, its title, issuer, issue
and date when found, and its text with site boilerplate (headers, download
prompts, page counters, copyright lines …) left out.

--show-removed prints the whole text instead, with each cut marked in place:
  [-reason: removed text-]
--raw prints the decoded text every span of extract refers to, untouched.
` + exitStatusHelp,
		RunE: func(c *cobra.Command, args []string) error {
			o.args = args
			if err := o.validate(args); err != nil {
				return err
			}
			log, err := g.logger(streams.Err)
			if err != nil {
				return err
			}
			return runText(c.Context(), o, streams, log)
		},
	}
	o.bind(c)
	c.Flags().BoolVar(&o.showRemoved, "show-removed", false, "show what was cut, and why, in place")
	c.Flags().BoolVar(&o.raw, "raw", false, "print the decoded text without any cleaning")
	return c
}

func runText(ctx context.Context, o *textOptions, streams IO, log *slog.Logger) error {
	inputs, discoverErrs := o.discover(o.args, streams)
	failed := 0
	for _, err := range discoverErrs {
		reportFailure(log, discoverFailure(err))
		failed++
	}
	x, err := o.extractor(streams)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(streams.Out)
	defer w.Flush()
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		t, err := extract.ReadFile(in, extract.ReadOptions{Encoding: o.encoding, MaxBytes: o.maxBytes, Stdin: streams.In})
		if err != nil {
			reportFailure(log, extract.Result{Input: in, Err: err}.Failure())
			failed++
			continue
		}
		if o.raw {
			// the text spans refer to: the decoded file (the page's source for HTML)
			raw := t.Text
			if t.Page != "" {
				raw = t.Page
			}
			fmt.Fprintf(w, "==> %s (%s, %s) <==\n%s\n", in.Path, t.Source.Format, t.Source.Encoding, raw)
			continue
		}
		doc := x.Clean(t)
		if o.showRemoved && len(t.Dropped) > 0 {
			// what the HTML reader left out of the page before cleaning
			fmt.Fprintf(w, "==> %s [left out of the page] <==\n", in.Path)
			for _, d := range t.Dropped {
				fmt.Fprintf(w, "[-%s: %s-]\n", d.Reason, strings.TrimSpace(d.Text))
			}
			io.WriteString(w, "\n")
		}
		for i, b := range doc.Bulletins {
			writeBulletinHeader(w, in.Path, i, len(doc.Bulletins), b)
			if o.showRemoved {
				writeWithRemoved(w, doc, b, i == 0, i == len(doc.Bulletins)-1)
			} else {
				io.WriteString(w, doc.CleanText(b))
			}
			io.WriteString(w, "\n\n")
		}
	}
	if failed > 0 {
		return &PartialError{Failed: failed, Total: len(inputs) + len(discoverErrs)}
	}
	return nil
}

func writeBulletinHeader(w io.Writer, path string, i, n int, b clean.Bulletin) {
	fmt.Fprintf(w, "==> %s [bulletin %d/%d]", path, i+1, n)
	for _, f := range []struct {
		label string
		field *clean.Field
	}{{"title", b.Title}, {"issuer", b.Issuer}, {"issue", b.Issue}, {"date", b.Date}} {
		if f.field != nil {
			v := f.field.Text
			if f.field.Value != "" && f.field.Value != v {
				v += " = " + f.field.Value
			}
			fmt.Fprintf(w, " %s: %s;", f.label, v)
		}
	}
	fmt.Fprintf(w, " %d sections, %d sentences <==\n", len(b.Sections), len(b.Sentences))
}

// writeWithRemoved prints the bulletin's stretch of the file with removed
// spans marked. The first bulletin also shows what was cut before it, the
// last what was cut after it, so every removed character is shown once.
func writeWithRemoved(w io.Writer, doc *clean.Document, b clean.Bulletin, first, last bool) {
	start, end := b.Start, b.End
	for _, r := range doc.Removed {
		if first && r.Start < start {
			start = r.Start
		}
		if last && r.End > end {
			end = r.End
		}
	}
	pos := start
	for _, r := range doc.Removed {
		if r.End <= start || r.Start >= end {
			continue
		}
		if r.Start > pos {
			io.WriteString(w, string(doc.Text[pos:r.Start]))
		}
		s := max(r.Start, pos)
		fmt.Fprintf(w, "[-%s: %s-]", r.Reason, strings.TrimRight(string(doc.Text[s:r.End]), "\n"))
		if strings.HasSuffix(string(doc.Text[s:r.End]), "\n") {
			io.WriteString(w, "\n")
		}
		pos = r.End
	}
	if pos < end {
		io.WriteString(w, string(doc.Text[pos:end]))
	}
}
