package cmd

import (
	"github.com/spf13/cobra"

	"github.com/bulletin-tool/bulletin/extract"
)

// inputOptions are the flags of every command that reads documents.
type inputOptions struct {
	include, exclude []string
	filesFrom        string
	null             bool
	hidden           bool
	encoding         string
	t2s              bool
	maxBytes         int64
	jobs             int
}

func (o *inputOptions) bind(c *cobra.Command) {
	f := c.Flags()
	f.StringArrayVar(&o.include, "include", nil, "in directories, read only files matching this glob (repeatable; base name, or relative path if it has a /)")
	f.StringArrayVar(&o.exclude, "exclude", nil, "in directories, skip files and directories matching this glob (repeatable)")
	f.StringVar(&o.filesFrom, "files-from", "", "read more paths from FILE, one a line (- for standard input)")
	f.BoolVarP(&o.null, "null", "0", false, "paths in --files-from are NUL-separated")
	f.BoolVar(&o.hidden, "hidden", false, "in directories, also read files whose name starts with a dot")
	f.StringVar(&o.encoding, "encoding", "", "decode every file with this encoding (utf-8, utf-16le, utf-16be, gb18030, gbk, big5) instead of detecting it")
	f.BoolVar(&o.t2s, "t2s", false, "match traditional characters as simplified ones")
	f.Int64Var(&o.maxBytes, "max-bytes", extract.DefaultMaxFileBytes, "refuse files larger than this many bytes")
}

func (o *inputOptions) bindJobs(c *cobra.Command) {
	c.Flags().IntVarP(&o.jobs, "jobs", "j", 0, "files extracted at once (default: the number of CPUs)")
}

func (o *inputOptions) validate(args []string) error {
	if len(args) == 0 && o.filesFrom == "" {
		return usagef("no input: give files, directories, - for standard input, or --files-from")
	}
	if o.jobs < 0 {
		return usagef("--jobs must be 0 (one per CPU) or more, not %d", o.jobs)
	}
	if o.maxBytes <= 0 {
		return usagef("--max-bytes must be positive")
	}
	stdinUses := 0
	for _, a := range args {
		if a == extract.StdinPath {
			stdinUses++
		}
	}
	if o.filesFrom == extract.StdinPath {
		stdinUses++
	}
	if stdinUses > 1 {
		return usagef("standard input can be read only once (- given %d times)", stdinUses)
	}
	return nil
}

func (o *inputOptions) discover(args []string, streams IO) ([]extract.Input, []error) {
	return extract.Discover(args, extract.DiscoverOptions{
		Include: o.include, Exclude: o.exclude, FilesFrom: o.filesFrom,
		NullSeparated: o.null, Stdin: streams.In, Hidden: o.hidden,
	})
}

func (o *inputOptions) extractor(streams IO) (*extract.Extractor, error) {
	return extract.New(extract.Options{
		Read: extract.ReadOptions{Encoding: o.encoding, MaxBytes: o.maxBytes, Stdin: streams.In},
		T2S:  o.t2s,
	})
}
