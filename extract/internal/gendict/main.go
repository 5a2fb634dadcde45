// Command gendict writes the curated segmentation dictionary that package
// extract embeds: the words of gse's simplified Chinese dictionary whose
// frequency is at least -min-freq, gzipped deterministically.
//
// Loading gse's whole dictionary (352k words) takes over a second, more than
// the start-up budget of a one-file run. The words kept here (freq ≥ 20, 82k)
// load in about a quarter of that, and cover the word boundaries extraction
// relies on: against freq ≥ 10 (109k words) the dev gold lost one object
// and one activity of some 600, and a one-file run starts 0.13 s sooner.
// Place names come from the gazetteer instead. Regenerate with:
//
//	go run ./extract/internal/gendict -o extract/data/dict.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	out := flag.String("o", "extract/data/dict.txt.gz", "output file")
	minFreq := flag.Float64("min-freq", 20, "keep words at least this frequent")
	src := flag.String("src", "", "gse's s_1.txt (default: from the module cache)")
	flag.Parse()
	if err := run(*src, *out, *minFreq); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(src, out string, minFreq float64) error {
	if src == "" {
		dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if err != nil {
			return fmt.Errorf("locate gse module: %w", err)
		}
		src = filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression) // header has no name or time: deterministic
	w := bufio.NewWriter(zw)
	sc := bufio.NewScanner(in)
	kept := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || freq < minFreq {
			continue
		}
		fmt.Fprintln(w, strings.Join(fields, " "))
		kept++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: kept %d words\n", kept)
	return f.Close()
}
