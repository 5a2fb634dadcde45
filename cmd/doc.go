// Package cmd is the bulletin command line: each cobra command binds its
// flags to an options struct, validates it, and calls a run function that
// does its work through the extract, analyze and render packages.
//
// Exit codes are decided in one place, exitcode.go.
package cmd
