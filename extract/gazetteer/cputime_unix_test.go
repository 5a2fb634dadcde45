//go:build unix

package gazetteer

import (
	"syscall"
	"time"
)

// processCPUTime is the CPU time the test process has used so far.
func processCPUTime() time.Duration {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}
