package cmd

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Progress modes of --progress.
const (
	progressAuto   = "auto"
	progressAlways = "always"
	progressNever  = "never"
)

// progressEnabled decides whether to draw: on a terminal unless told not
// to, never under cron or in a pipe unless forced (restic does the same).
func progressEnabled(mode string, isTerminal bool) (bool, error) {
	switch mode {
	case progressAuto, "":
		return isTerminal, nil
	case progressAlways:
		return true, nil
	case progressNever:
		return false, nil
	}
	return false, usagef("--progress must be auto, always or never, not %q", mode)
}

// progressBar draws one line on standard error: files done of total, MB/s
// and time left. It is also the writer logs go through, so that a log line
// clears the bar, is written whole, and the bar is drawn again below it.
type progressBar struct {
	mu         sync.Mutex
	w          io.Writer
	enabled    bool
	now        func() time.Time
	started    time.Time
	lastDraw   time.Time
	drawn      bool
	totalFiles int
	totalBytes int64
	doneFiles  int
	doneBytes  int64
}

// redrawEvery keeps a fast batch from spending its time drawing.
const redrawEvery = 150 * time.Millisecond

func newProgressBar(w io.Writer, enabled bool, now func() time.Time) *progressBar {
	if now == nil {
		now = time.Now
	}
	return &progressBar{w: w, enabled: enabled, now: now}
}

// Start sets the totals and starts the clock.
func (p *progressBar) Start(files int, bytes int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.totalFiles, p.totalBytes = files, bytes
	p.started = p.now()
	p.draw(true)
}

// Add counts one file of the given size as done.
func (p *progressBar) Add(bytes int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.doneFiles++
	p.doneBytes += bytes
	p.draw(false)
}

// Finish draws the last state and ends the line.
func (p *progressBar) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.enabled || p.started.IsZero() {
		return
	}
	p.draw(true)
	if p.drawn {
		io.WriteString(p.w, "\n")
		p.drawn = false
	}
	p.started = time.Time{}
}

// Write passes a log line through, keeping the bar below it.
func (p *progressBar) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		io.WriteString(p.w, "\r\033[K")
		p.drawn = false
	}
	n, err := p.w.Write(b)
	if p.enabled && !p.started.IsZero() {
		p.draw(true)
	}
	return n, err
}

func (p *progressBar) draw(force bool) {
	if !p.enabled || p.started.IsZero() {
		return
	}
	now := p.now()
	if !force && now.Sub(p.lastDraw) < redrawEvery {
		return
	}
	p.lastDraw = now
	io.WriteString(p.w, "\r\033[K"+p.line(now))
	p.drawn = true
}

// line is the bar's text at a moment, apart so that tests can read it.
func (p *progressBar) line(now time.Time) string {
	const width = 24
	fraction := 0.0
	if p.totalFiles > 0 {
		fraction = float64(p.doneFiles) / float64(p.totalFiles)
	}
	filled := int(fraction * width)
	bar := strings.Repeat("=", filled) + strings.Repeat(" ", width-filled)
	elapsed := now.Sub(p.started).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.doneBytes) / elapsed / 1e6
	}
	left := "--"
	if p.doneBytes > 0 && p.totalBytes >= p.doneBytes && elapsed > 0 {
		remaining := time.Duration(float64(p.totalBytes-p.doneBytes) / (float64(p.doneBytes) / elapsed) * float64(time.Second))
		left = remaining.Round(time.Second).String()
	}
	return fmt.Sprintf("[%s] %d/%d files  %.1f MB/s  %s left", bar, p.doneFiles, p.totalFiles, rate, left)
}
