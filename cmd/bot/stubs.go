package main

import (
	"context"
	"fmt"
)

func runDigest(_ context.Context, args []string, s stdio) int {
	fs := newFlagSet("digest", "[--now]", "Build the crash-loop digest of the last 24 hours and print or post it.\nNot available yet: the incident history it reads lands with the digest feature.", s.err)
	fs.Bool("now", false, "send the digest now")
	if code, done := parseFlags(fs, args); done {
		return code
	}
	fmt.Fprintln(s.err, "crashloop-bot digest: not available yet (needs the incident history; see the README's roadmap)")
	return 1
}
