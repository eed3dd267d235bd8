package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/kube"
	"github.com/crashloop-bot/crashloop-bot/metrics"
	"github.com/crashloop-bot/crashloop-bot/store"
)

func runRun(ctx context.Context, args []string, s stdio) int {
	fs := newFlagSet("run", "[--config FILE] [--kubeconfig FILE] [--context NAME]",
		`Watch the cluster for pods in CrashLoopBackOff, diagnose each crashing
workload and post one message per workload to Slack, updated as it changes
and marked resolved when it recovers. With no Slack bot token configured the
messages are printed to the terminal instead.`, s)
	configPath := fs.String("config", "", "configuration file (see config.example.yaml); default: built-in defaults")
	var kf kubeFlags
	kf.register(fs)
	logFormat := fs.String("log-format", "", "text or json (overrides log.format)")
	logLevel := fs.String("log-level", "", "debug, info, warn or error (overrides log.level)")
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.err, "run: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	cfg, err := config.Load(*configPath)
	if err == nil {
		err = overrideLog(&cfg, *logFormat, *logLevel)
	}
	if err != nil {
		fmt.Fprintf(s.err, "crashloop-bot: %v\n", err)
		return 1
	}
	logger := newLogger(s.err, cfg.Log)
	for _, w := range cfg.Warnings() {
		logger.Warn(w)
	}
	if os.Getenv("GOGC") == "" {
		// The bot is I/O-bound with a small heap: collecting at 50% growth
		// trades a little idle CPU for a lower memory peak in a crash storm.
		debug.SetGCPercent(50)
	}
	if err := runBot(ctx, cfg, kf, logger, s); err != nil {
		// Plain text, not a log line: this is what a newcomer reads first.
		fmt.Fprintf(s.err, "crashloop-bot: %v\n", err)
		return 1
	}
	return 0
}

// overrideLog applies --log-format and --log-level over the configuration.
func overrideLog(cfg *config.Config, format, level string) error {
	if format != "" {
		cfg.Log.Format = format
	}
	if level != "" {
		cfg.Log.Level = level
	}
	if format != "" || level != "" {
		return cfg.Validate()
	}
	return nil
}

// runBot wires the cluster side, the incident manager and the Slack (or
// console) side, and runs them until ctx ends. With leader election only
// the Lease holder runs them; every replica serves HTTP.
func runBot(ctx context.Context, cfg config.Config, kf kubeFlags, logger *slog.Logger, s stdio) error {
	client, rc, err := connect(ctx, kf, cfg.Kubernetes)
	if err != nil {
		return err
	}
	logger.Info("connected to the Kubernetes API server", "host", rc.Host, "cluster", cfg.ClusterName)

	st, where, err := openStoreFor(ctx, cfg, client, logger)
	if err != nil {
		return err
	}
	defer st.Close()
	logger.Info("incident store", "backend", where)
	fl := newFleet(cfg, st, logger) // nil unless the store is a fleet's (fleet.go)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g := newGroup(ctx, cancel)
	var ready readiness
	// Every replica serves /metrics; the leader's work feeds most of it.
	m := metrics.New()
	b := currentBuild()
	m.SetBuildInfo(b.Version, b.Commit, b.GoVersion)
	fl.start(g, m)
	// Every replica answers slash commands and buttons.
	var sil leaderSilencer
	register, err := startCommands(g, cfg, client, st, &sil, fl, logger)
	if err != nil {
		return err
	}
	if cfg.Server.Listen != "" {
		g.start("http", func(ctx context.Context) error {
			// Alerts matter more than health endpoints: a port already in
			// use is logged loudly, and the bot goes on without them.
			if err := serveHTTP(ctx, cfg.Server.Listen, ready.ok, m.Handler(), register, logger); err != nil {
				logger.Error("HTTP server not running: no health checks, metrics or Slack request URLs; alerts go on", "err", err)
			}
			return nil
		})
	}
	leader := func(ctx context.Context) error {
		return runLeader(ctx, cfg, client, st, fl, logger, s, &ready, m, &sil)
	}
	if cfg.LeaderElection.Enabled {
		g.start("leader election", func(ctx context.Context) error { return elect(ctx, cfg.LeaderElection, client, logger, &ready, leader) })
	} else {
		g.start("bot", leader)
	}
	return g.wait()
}

// runLeader runs what only one replica may run: the watch, the incident
// manager, Slack delivery and the digest.
func runLeader(ctx context.Context, cfg config.Config, client kubernetes.Interface, st store.Store, fl *fleetParts, logger *slog.Logger, s stdio, ready *readiness, m *metrics.Metrics, sil *leaderSilencer) error {
	routes, err := incidentRoutes(cfg.Slack.Routes)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	notifier, runNotifier, err := newNotifier(ctx, cfg, fl.refs(st), logger, s)
	if err != nil {
		return err
	}
	if sink, ok := notifier.(*bot.Slack); ok {
		m.WatchSlack(func() metrics.SlackStats { return slackStats(sink.Stats()) })
		defer m.WatchSlack(nil)
	}
	notifier = fl.coordinate(notifier, cfg, m) // fleet.go: one message per cause across clusters
	notifier = newCountingNotifier(notifier, m)
	mgr := incident.NewManager(st, notifier, kube.NewHealth(client), incident.Options{
		GroupWait:      cfg.Watch.GroupWait.D(),
		ResolveAfter:   cfg.Watch.ResolveAfter.D(),
		UpdateEvery:    cfg.Watch.UpdateInterval.D(),
		DefaultChannel: cfg.Slack.Channel,
		Routes:         routes,
		Silences:       silenceSource{st},
		Storms:         stormOptions(cfg.Watch.Storm),
		Logger:         logger,
	})
	sil.set(mgr)
	defer sil.set(nil)
	watcher := kube.NewWatcher(client, cfg.Watch.Namespaces, cfg.Watch.ExcludeNamespaces, logger)
	gatherer := kube.NewGatherer(client, kube.GatherOptions{LogTailLines: cfg.Watch.LogTailLines, LogLimitBytes: cfg.Watch.LogLimitBytes})
	pipeline := kube.NewPipeline(client, watcher, gatherer, mgr, kube.PipelineOptions{
		Cluster: cfg.ClusterName, Logger: logger,
		OnEvent: m.EventSeen, OnDiagnosed: m.ObserveDiagnosis,
	})
	m.WatchPipelineQueue(pipeline.QueueDepth)
	defer m.WatchPipelineQueue(nil)
	ready.set(watcher.Synced)
	// This replica does the work until runLeader returns (Lease lost, or
	// the bot stops): the series the no-leader and watch alerts read.
	m.SetLeader(true)
	defer m.SetLeader(false)
	m.WatchSynced(watcher.Synced)
	defer m.WatchSynced(nil)

	logger.Info("watching for crash loops", "namespaces", nsList(cfg.Watch.Namespaces), "excluded", strings.Join(cfg.Watch.ExcludeNamespaces, ","),
		"group_wait", cfg.Watch.GroupWait.D(), "resolve_after", cfg.Watch.ResolveAfter.D())

	g := newGroup(ctx, cancel)
	g.start("incidents", mgr.Run)
	g.start("notifier", runNotifier)
	g.start("watch", pipeline.Run)
	fl.lead(g)
	if cfg.Digest.Enabled {
		sender, jobs, err := digestSetup(cfg, st, logger, s)
		if err != nil {
			cancel()
			g.wait()
			return err
		}
		sched, err := digest.NewScheduler(fleetDigestStore(st), sender, jobs, digest.Options{Window: cfg.Digest.Window.D(), Logger: logger})
		if err != nil {
			cancel()
			g.wait()
			return fmt.Errorf("digest: %w", err)
		}
		g.start("digest", sched.Run)
	}
	return g.wait()
}

// group runs goroutines that stop together: the first error cancels the rest.
type group struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	errs   []error
}

func newGroup(ctx context.Context, cancel context.CancelFunc) *group {
	return &group{ctx: ctx, cancel: cancel}
}

func (g *group) start(name string, f func(context.Context) error) {
	g.wg.Go(func() {
		if err := f(g.ctx); err != nil && !errors.Is(err, context.Canceled) {
			g.mu.Lock()
			g.errs = append(g.errs, fmt.Errorf("%s: %w", name, err))
			g.mu.Unlock()
			g.cancel()
		}
	})
}

func (g *group) wait() error {
	g.wg.Wait()
	return errors.Join(g.errs...)
}

// readiness is what /readyz reports: ready once the leader's watch has
// synced; a replica that is not leading is ready to serve Slack requests.
type readiness struct {
	mu     sync.Mutex
	synced func() bool
}

func (r *readiness) set(synced func() bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.synced = synced
}

func (r *readiness) ok() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.synced == nil || r.synced()
}

// newNotifier returns the Slack sink when a bot token is configured, else
// the console sink, and the function that runs it. The Slack sink keeps
// where its messages are in refs.
func newNotifier(ctx context.Context, cfg config.Config, refs bot.MessageRefs, logger *slog.Logger, s stdio) (incident.Notifier, func(context.Context) error, error) {
	token := cfg.Slack.BotToken.Value()
	if token == "" {
		logger.Info("no Slack bot token configured: printing alerts to the terminal (console sink)")
		return bot.NewConsole(s.out), func(ctx context.Context) error { <-ctx.Done(); return nil }, nil
	}
	api := slack.New(token, slack.OptionAPIURL(cfg.Slack.APIURL))
	opts := bot.SlackOptions{
		Logger:         logger,
		DefaultChannel: cfg.Slack.Channel,
		PerSecond:      cfg.Slack.MessagesPerSecond,
		Messages:       refs,
		StormNamed:     cfg.Watch.Storm.NamedWorkloads,
	}
	if os.Getenv(crashAfterPostEnv) == "1" {
		opts.AfterPost = crashAfterPost(logger)
	}
	sink := bot.NewSlack(api, opts)
	if err := sink.Check(ctx); err != nil {
		if bot.IsAuthError(err) {
			return nil, nil, fmt.Errorf("the Slack bot token was rejected (%w); check slack.bot_token", err)
		}
		// Slack may be down for a while: alerts queue and are delivered later.
		logger.Warn("Slack is not reachable yet; alerts will be queued and retried", "err", err)
	}
	return sink, sink.Run, nil
}

// crashAfterPostEnv names the test-only fault hook: with it set to 1, the
// bot kills itself (SIGKILL, no clean-up) right after Slack accepted its
// first new message and before the message's reference is saved, the
// worst moment for "exactly one message per incident". The end-to-end
// tests use it; never set it in production.
const crashAfterPostEnv = "CRASHLOOP_TEST_CRASH_AFTER_POST"

// crashAfterPost is the hook crashAfterPostEnv enables.
func crashAfterPost(logger *slog.Logger) func(subject, ts string) {
	logger.Warn("TEST HOOK " + crashAfterPostEnv + "=1: the bot kills itself after its first post")
	return func(subject, ts string) {
		logger.Warn("TEST HOOK: killed after posting, before saving the message reference", "subject", subject, "ts", ts)
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			_ = p.Kill()
		}
		select {} // the kill is on its way
	}
}

// stormOptions converts watch.storm.
func stormOptions(c config.Storm) incident.StormOptions {
	o := incident.StormOptions{Enabled: c.Enabled, MinWorkloads: c.MinWorkloads}
	for _, f := range c.Factors {
		o.Factors = append(o.Factors, incident.FactorKind(f))
	}
	return o
}

func incidentRoutes(routes []config.Route) ([]incident.Route, error) {
	var out []incident.Route
	for i, r := range routes {
		sel := labels.Everything()
		if r.Selector != "" {
			var err error
			if sel, err = labels.Parse(r.Selector); err != nil {
				return nil, fmt.Errorf("slack.routes[%d].selector: %w", i, err)
			}
		}
		out = append(out, incident.Route{Namespaces: r.Namespaces, Selector: sel, Channel: r.Channel})
	}
	return out, nil
}

func nsList(ns []string) string {
	if len(ns) == 0 {
		return "all"
	}
	return strings.Join(ns, ",")
}

// serveHTTP serves /healthz (the process is up), /readyz (the watch has
// synced), /metrics and, in http mode, Slack's requests until ctx ends.
func serveHTTP(ctx context.Context, addr string, synced func() bool, metricsHandler http.Handler, register func(*http.ServeMux), logger *slog.Logger) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metricsHandler)
	if register != nil {
		register(mux) // /slack/commands, /slack/interactions
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !synced() {
			http.Error(w, "watch not synced yet", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	srv := bot.NewServer(addr, mux, bot.ServerOptions{}) // timeouts: slow clients cannot hold connections
	// Listen before saying so: the log names the address bound (a port
	// of 0 is the one the kernel chose), and a port in use is an error.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server.listen %s: %w", addr, err)
	}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	logger.Info("serving health checks, metrics and Slack requests", "addr", ln.Addr().String())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server.listen %s: %w", addr, err)
	}
	return nil
}

// slackStats converts the Slack sink's counters for the metrics package.
func slackStats(s bot.SlackStats) metrics.SlackStats {
	return metrics.SlackStats{
		Posted: s.Posted, Updated: s.Updated, Replies: s.Replies, Failed: s.Failed,
		RateLimited: s.RateLimited, Retries: s.Retries, Fallbacks: s.Fallbacks,
		Lookups: s.Lookups, Adopted: s.Adopted, Deleted: s.Deleted,
		QueueDepth: s.QueueDepth, InFlight: s.InFlight,
	}
}

// countingNotifier counts notification decisions by reason and keeps the
// open-incidents gauge: an incident is open from its first notification
// (or, after a restart or failover, its first update) to its resolution.
type countingNotifier struct {
	next incident.Notifier
	m    *metrics.Metrics
	mu   sync.Mutex
	open map[string]bool
}

func newCountingNotifier(next incident.Notifier, m *metrics.Metrics) *countingNotifier {
	return &countingNotifier{next: next, m: m, open: map[string]bool{}}
}

func (c *countingNotifier) Notify(n incident.Notification) {
	c.m.Notified(string(n.Reason))
	if n.IsStorm() {
		c.next.Notify(n) // its members are counted as incidents
		return
	}
	c.mu.Lock()
	if n.Reason == incident.ResolvedReason {
		delete(c.open, n.Incident.ID)
	} else {
		c.open[n.Incident.ID] = true
	}
	open := len(c.open)
	c.mu.Unlock()
	c.m.SetIncidentsOpen(open)
	c.next.Notify(n)
}
