package main

import (
	"context"
	"fmt"

	"github.com/crashloop-bot/crashloop-bot/config"
)

func runCheckConfig(_ context.Context, args []string, s stdio) int {
	fs := newFlagSet("check-config", "FILE",
		"Load FILE as crashloop-bot would (defaults, unknown keys rejected, secrets\nresolved from their env vars or files) and report every problem, naming its key.", s)
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	cfg, err := config.Load(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(s.err, "%v\n", err)
		return 1
	}
	sink := "console (no Slack bot token found; alerts are printed)"
	if cfg.Slack.BotToken.Value() != "" {
		sink = "Slack channel " + cfg.Slack.Channel + " at " + cfg.Slack.APIURL
	}
	fmt.Fprintf(s.out, "%s: OK\n  cluster: %s\n  alerts:  %s\n", fs.Arg(0), cfg.ClusterName, sink)
	for _, w := range cfg.Warnings() {
		fmt.Fprintf(s.out, "  warning: %s\n", w)
	}
	return 0
}
