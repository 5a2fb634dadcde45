//go:build !unix

package gazetteer

import "time"

// processCPUTime is not measured off unix; cpu-ms/op then reads 0.
func processCPUTime() time.Duration { return 0 }
