package cmd

import (
	"context"
	"errors"
	"fmt"
)

// Exit codes of every command, documented in each command's help.
const (
	ExitOK      = 0 // everything went well
	ExitFailure = 1 // the command failed
	ExitUsage   = 2 // bad flags or arguments
	ExitPartial = 3 // some files failed; the others were processed
)

const exitStatusHelp = `
EXIT STATUS
  0  all went well
  1  the command failed
  2  usage error (bad flag or argument)
  3  some files failed; the rest were processed and their output written
`

// usageError marks an error in the command line, not in the data.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// PartialError says that some inputs failed while the others were done.
type PartialError struct {
	Failed, Total int
}

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d of %d files failed", e.Failed, e.Total)
}

// exitCode maps an error returned by a command to the process exit code.
func exitCode(err error) int {
	var usage usageError
	var partial *PartialError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &usage):
		return ExitUsage
	case errors.As(err, &partial):
		return ExitPartial
	case errors.Is(err, context.Canceled):
		return ExitFailure
	default:
		return ExitFailure
	}
}
