package cmd

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/internal/atomicfile"
	"github.com/bulletin-tool/bulletin/render"
)

// outputOptions are the flags of every command that emits data.
type outputOptions struct {
	format string
	output string
	fields []string
	excel  bool
}

func (o *outputOptions) bind(c *cobra.Command, defaultFormat string) {
	f := c.Flags()
	f.StringVar(&o.format, "format", defaultFormat, "output format: "+strings.Join(render.TableFormats(), ", "))
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically: complete or not at all) instead of standard output")
	f.StringSliceVar(&o.fields, "fields", nil, "columns to write, comma-separated (csv, tsv and table formats)")
	f.BoolVar(&o.excel, "excel", false, "start CSV/TSV with the UTF-8 byte order mark Excel needs to read Chinese")
}

func (o *outputOptions) validate() error {
	if !slices.Contains(render.TableFormats(), o.format) {
		return usagef("--format must be one of %s, not %q", strings.Join(render.TableFormats(), ", "), o.format)
	}
	if o.excel && o.format != render.FormatCSV && o.format != render.FormatTSV {
		return usagef("--excel applies to csv and tsv output only")
	}
	return nil
}

// open returns the writer for the command's data and a function that
// finishes it: on success the file is renamed into place; on failure a
// file that was being written is removed and the old one kept.
func (o *outputOptions) open(streams IO) (io.Writer, func(ok bool) error, error) {
	if o.output == "" || o.output == "-" {
		return streams.Out, func(bool) error { return nil }, nil
	}
	f, err := atomicfile.Create(o.output)
	if err != nil {
		return nil, nil, err
	}
	return f, func(ok bool) error {
		if !ok {
			f.Abort()
			return nil
		}
		return f.Commit()
	}, nil
}
