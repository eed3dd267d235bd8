// Command load measures crashloop-bot against a real API server: its memory
// with many healthy pods and unrelated events, the latency from a BackOff
// event to the Slack post, and a crash storm across many workloads (100
// Deployments x 10 replicas OOM-killed on one node). It runs the released
// binary as a user would, with a Slack-compatible server on loopback that
// enforces Slack's per-method rate limits, prints a Markdown table, and
// fails when the storm misses its targets. See the README's Benchmarks
// section. With --fleet it measures a fleet instead (fleet.go): many
// clusters, a bot each, one PostgreSQL.
//
//	go build -o bin/crashloop-bot ./cmd/bot && go run ./test/load --bot bin/crashloop-bot
//	go run ./test/load --bot bin/crashloop-bot --fleet
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"
)

type options struct {
	bot            string
	healthyPods    int
	namespaces     int
	otherEvents    int
	latencyRuns    int
	stormWorkload  int
	stormReplicas  int
	groupWait      time.Duration
	stormGroupWait time.Duration
	store          string

	fleet                                                     bool
	fleetClusters, fleetAPIServers, fleetPods, fleetWorkloads int
}

func main() {
	var o options
	flag.StringVar(&o.bot, "bot", "bin/crashloop-bot", "crashloop-bot binary to measure")
	flag.IntVar(&o.healthyPods, "healthy-pods", 20000, "running, ready pods to create")
	flag.IntVar(&o.namespaces, "namespaces", 20, "namespaces to spread them over")
	flag.IntVar(&o.otherEvents, "other-events", 5000, "unrelated events (Pulled, Started, Scheduled) to create")
	flag.IntVar(&o.latencyRuns, "latency-runs", 100, "single-pod crash loops to time, one after another")
	flag.IntVar(&o.stormWorkload, "storm-workloads", 100, "workloads in the crash storm")
	flag.IntVar(&o.stormReplicas, "storm-replicas", 10, "crashing pods per storm workload")
	flag.DurationVar(&o.groupWait, "group-wait", 0, "the bot's watch.group_wait while single-pod latency is timed")
	flag.DurationVar(&o.stormGroupWait, "storm-group-wait", 5*time.Second, "the bot's watch.group_wait in the crash storm (its default)")
	flag.StringVar(&o.store, "store", "file", "the bot's store.backend: file or memory")
	flag.BoolVar(&o.fleet, "fleet", false, "measure a fleet instead: many clusters, a bot each, one PostgreSQL (make bench-fleet)")
	flag.IntVar(&o.fleetClusters, "fleet-clusters", 20, "simulated clusters (one bot each)")
	flag.IntVar(&o.fleetAPIServers, "fleet-apiservers", 4, "real kube-apiservers the simulated clusters share (one namespace each)")
	flag.IntVar(&o.fleetPods, "fleet-pods", 200, "crash-looping pods per cluster")
	flag.IntVar(&o.fleetWorkloads, "fleet-workloads", 20, "Deployments per cluster, the same in every cluster")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	runner := run
	if o.fleet {
		runner = runFleet
	}
	if err := runner(ctx, o); err != nil {
		fmt.Fprintf(os.Stderr, "load: %v\n", err)
		os.Exit(1)
	}
}
