// Command crashloop-bot watches a Kubernetes cluster for crash-looping pods,
// diagnoses why they crash and tells a Slack channel, once per workload.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand of the binary.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdio stdio) int
}

// stdio carries the streams a subcommand reads and writes, so tests can run
// subcommands in process.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

func commands() []command {
	return []command{
		{"run", "watch the cluster and alert on crash loops (the bot itself)", runRun},
		{"diagnose", "explain why a pod is crash-looping, live or from YAML/JSON files", runDiagnose},
		{"digest", "print or post the crash-loop digest now", runDigest},
		{"demo", "run the bot on a local control plane with crashing demo workloads", runDemo},
		{"check-config", "validate a configuration file and exit", runCheckConfig},
		{"version", "print the version and exit", runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := dispatch(ctx, os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr})
	stop()
	os.Exit(code)
}

// dispatch runs the subcommand named by args[0]. Exit codes: 0 success,
// 1 failure, 2 usage error.
func dispatch(ctx context.Context, args []string, s stdio) int {
	if len(args) == 0 {
		usage(s.err)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		usage(s.out)
		return 0
	case "--version", "-version":
		args[0] = "version"
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], s)
		}
	}
	fmt.Fprintf(s.err, "crashloop-bot: unknown command %q\n\n", args[0])
	usage(s.err)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `crashloop-bot: crash-loop alerts and triage for Kubernetes, in Slack.

Usage:
  crashloop-bot <command> [flags]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'crashloop-bot <command> --help' for a command's flags.
`)
}
