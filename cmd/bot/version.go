package main

import (
	"context"
	"fmt"
	"runtime"
)

// Set at build time with -ldflags "-X main.version=... -X main.commit=... -X main.date=...".
var (
	version = "dev"
	commit  = "unknown"
	date    = "unknown"
)

func runVersion(_ context.Context, args []string, s stdio) int {
	fs := newFlagSet("version", "", "Print the version, commit and build date.", s.err)
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.err, "version takes no arguments\n")
		return 2
	}
	fmt.Fprintf(s.out, "crashloop-bot %s (commit %s, built %s, %s)\n", version, commit, date, runtime.Version())
	return 0
}
