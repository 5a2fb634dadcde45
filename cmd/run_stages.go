package cmd

import (
	"log/slog"
	"runtime"
	"time"
)

// stageClock logs, at debug level (--verbose), how long each stage of a run
// took and how much memory the Go runtime held at its end, so that a slow
// or large run tells where its time and memory went without a profiler.
type stageClock struct {
	log   *slog.Logger
	now   func() time.Time
	start time.Time
}

func newStageClock(log *slog.Logger) *stageClock {
	return &stageClock{log: log, now: time.Now, start: time.Now()}
}

// done logs the stage that just ended and starts the next one.
func (c *stageClock) done(stage string) {
	now := c.now()
	var m runtime.MemStats
	runtime.ReadMemStats(&m) // stops the world for microseconds, once per stage
	c.log.Debug("stage done", "stage", stage, "seconds", now.Sub(c.start).Round(time.Millisecond).Seconds(),
		"heap_mb", m.HeapAlloc>>20, "runtime_mb", m.Sys>>20)
	c.start = now
}
