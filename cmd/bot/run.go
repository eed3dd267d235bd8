package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/crashloop-bot/crashloop-bot/config"
)

func runRun(ctx context.Context, args []string, s stdio) int {
	fs := newFlagSet("run", "[--config FILE] [--kubeconfig FILE] [--context NAME]",
		`Watch the cluster for pods in CrashLoopBackOff, diagnose each crashing
workload and post one message per workload to Slack, updated as it changes
and marked resolved when it recovers. With no Slack bot token configured the
messages are printed to the terminal instead.`, s.err)
	configPath := fs.String("config", "", "configuration file (see config.example.yaml); default: built-in defaults")
	var kf kubeFlags
	kf.register(fs)
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.err, "run: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	cfg, err := config.Load(*configPath)
	if err != nil {
		fmt.Fprintf(s.err, "crashloop-bot: %v\n", err)
		return 1
	}
	logger := newLogger(s.err, cfg.Log)
	if err := runBot(ctx, cfg, kf, logger, s); err != nil {
		// Plain text, not a log line: this is what a newcomer reads first.
		fmt.Fprintf(s.err, "crashloop-bot: %v\n", err)
		return 1
	}
	return 0
}

// runBot connects to the cluster and runs the alert pipeline until ctx ends.
func runBot(ctx context.Context, cfg config.Config, kf kubeFlags, logger *slog.Logger, _ stdio) error {
	_, rc, err := connect(ctx, kf, cfg.Kubernetes)
	if err != nil {
		return err
	}
	logger.Info("connected to the Kubernetes API server", "host", rc.Host, "cluster", cfg.ClusterName)
	<-ctx.Done()
	return nil
}
