package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// The fleet benchmark (--fleet): many simulated clusters, each with its own
// bot (the released binary, store.backend postgres), one PostgreSQL, one
// Slack workspace. Every cluster runs the same workloads; a bad image is
// rolled out to all of them at once: every pod crash-loops. Simulated
// clusters share the real API servers (--fleet-apiservers): each is a
// namespace of its own that only its bot watches, so a bot sees what it
// would see in a cluster of its own, and the control planes fit in memory.

// fleetAPIServer is one real control plane hosting simulated clusters.
type fleetAPIServer struct {
	cp      *localcluster.Cluster
	kubelet *localcluster.Kubelet
	admin   kubernetes.Interface
	sim     *kubesim.Sim
	kc      string
}

func runFleet(ctx context.Context, o options) error {
	bin, err := filepath.Abs(o.bot)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("--bot %s: %w (build it with make build)", o.bot, err)
	}
	dir, err := os.MkdirTemp("", "crashloop-fleet-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	step("starting PostgreSQL")
	pg, err := localpg.Start(ctx, localpg.Options{Progress: os.Stderr, MaxConnections: 400})
	if err != nil {
		return err
	}
	defer pg.Stop()
	dsn, err := pg.CreateDatabase(ctx, "fleet")
	if err != nil {
		return err
	}

	step("starting %d control planes for %d simulated clusters", o.fleetAPIServers, o.fleetClusters)
	servers := make([]*fleetAPIServer, o.fleetAPIServers)
	errs := make([]error, len(servers))
	var wg sync.WaitGroup
	for i := range servers {
		wg.Go(func() { servers[i], errs[i] = startFleetAPIServer(ctx, dir, i) })
	}
	wg.Wait()
	defer func() {
		for _, s := range servers {
			if s != nil {
				s.kubelet.Close()
				s.cp.Stop()
			}
		}
	}()
	if err := errors.Join(errs...); err != nil {
		return err
	}

	slack := slackserver.New(slackserver.Options{Limits: slackserver.SlackLimits()})
	defer slack.Close()

	clusters := make([]string, o.fleetClusters)
	for i := range clusters {
		clusters[i] = fmt.Sprintf("c%02d", i)
	}
	server := func(i int) *fleetAPIServer { return servers[i%len(servers)] }
	replicas := max(1, o.fleetPods/o.fleetWorkloads)
	step("creating %d workloads x %d pods in each of %d clusters", o.fleetWorkloads, replicas, len(clusters))
	pods := make([][]*corev1.Pod, len(clusters))
	for i, name := range clusters {
		s := server(i)
		if err := createNamespace(ctx, s.admin, name); err != nil {
			return err
		}
		var ws []kubesim.StormWorkload
		for w := range o.fleetWorkloads {
			ws = append(ws, kubesim.StormWorkload{Name: fmt.Sprintf("svc-%02d", w), Image: fmt.Sprintf("registry.example.com/shop/svc-%02d:2.0", w), Replicas: replicas})
		}
		byName, err := s.sim.CreateStorm(ctx, name, ws, 8)
		if err != nil {
			return err
		}
		for _, w := range ws {
			pods[i] = append(pods[i], byName[w.Name]...)
		}
	}

	step("starting %d bots", len(clusters))
	var bots []*botProcess
	defer func() {
		for _, b := range bots {
			b.stop()
		}
	}()
	for i, name := range clusters {
		b, err := startFleetBot(ctx, bin, server(i), name, dsn, slack.URL(), dir, o)
		if err != nil {
			return err
		}
		bots = append(bots, b)
	}
	db, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	if err := waitFor(ctx, 2*time.Minute, func() bool {
		var n int
		_ = db.QueryRow(ctx, `SELECT count(*) FROM crashloop_bot.clusters`).Scan(&n)
		return n == len(clusters)
	}); err != nil {
		return fmt.Errorf("not every bot leads its cluster: %w", err)
	}
	time.Sleep(3 * time.Second) // watches synced

	conns := &connSampler{db: db}
	sampleCtx, stopSampling := context.WithCancel(ctx)
	defer stopSampling()
	go conns.run(sampleCtx)
	cpu0, wall0 := pg.CPUTime(), time.Now()

	step("rolling out the bad image: %d pods crash-loop", len(clusters)*len(pods[0]))
	firstBackOff := time.Now()
	wg = sync.WaitGroup{}
	crashErrs := make([]error, len(clusters))
	for i := range clusters {
		wg.Go(func() {
			crashErrs[i] = server(i).sim.CrashAll(ctx, pods[i], kubesim.Crash{Container: "app", ExitCode: 137, Reason: "OOMKilled"}, 4)
		})
	}
	wg.Wait()
	crashEnd := time.Since(firstBackOff)
	if err := errors.Join(crashErrs...); err != nil {
		return err
	}
	step("crashed every pod in %s", crashEnd.Round(100*time.Millisecond))

	whole := fmt.Sprintf("in %d clusters", len(clusters))
	var firstPost, allNamed time.Duration
	if err := waitFor(ctx, 15*time.Minute, func() bool {
		ms := slack.Messages()
		if firstPost == 0 && len(ms) > 0 {
			firstPost = ms[0].PostedAt.Sub(firstBackOff)
		}
		n := 0
		for _, m := range ms {
			if strings.Contains(m.Text, whole) {
				n++
			}
		}
		return n == o.fleetWorkloads
	}); err != nil {
		return fmt.Errorf("the fleet messages never named every cluster: %w\n%s", err, summary(slack))
	}
	allNamed = time.Since(firstBackOff)
	cpu1, wall1 := pg.CPUTime(), time.Now()
	stopSampling()
	step("every fleet message names %d clusters after %s", len(clusters), allNamed.Round(100*time.Millisecond))

	sizes, err := tableSizes(ctx, db)
	if err != nil {
		return err
	}
	incidents := sizes["incidents"].rows

	step("every pod recovers")
	recoverStart := time.Now()
	for i := range clusters {
		for _, p := range pods[i] {
			if _, err := server(i).sim.Recover(ctx, p); err != nil {
				return err
			}
		}
	}
	resolved := fmt.Sprintf("Recovered in all %d clusters", len(clusters))
	if err := waitFor(ctx, 10*time.Minute, func() bool {
		n := 0
		for _, m := range slack.Messages() {
			if strings.Contains(m.Text, resolved) {
				n++
			}
		}
		return n == o.fleetWorkloads
	}); err != nil {
		return fmt.Errorf("the fleet messages were never resolved: %w\n%s", err, summary(slack))
	}
	allResolved := time.Since(recoverStart)
	posts := len(slack.Messages())
	limited, calls := slack.RateLimited("chat.postMessage", "chat.update")

	maxPerBot, maxTotal := conns.peaks()
	var rows, bytes int64
	var tables []string
	for name, s := range sizes {
		rows += s.rows
		bytes += s.bytes
		tables = append(tables, name)
	}
	sort.Strings(tables)
	var detail []string
	for _, name := range tables {
		s := sizes[name]
		detail = append(detail, fmt.Sprintf("%s %d rows / %.1f KiB", name, s.rows, float64(s.bytes)/1024))
	}
	fmt.Printf(`
| measurement | result |
|---|---|
| fleet | %d clusters (bots) on %d kube-apiservers %s, %d workloads x %d pods each: %d crash-looping pods; one PostgreSQL %s |
| first post after the first BackOff | %s |
| every fleet message names all %d clusters, after the first BackOff | %s (the crashes took %s to create) |
| top-level posts | %d (%d workloads in %d clusters: %d incidents) |
| every fleet message resolved after the pods recovered | %s |
| Slack calls answered 429 (chat.postMessage + chat.update) | %d of %d |
| database connections per bot (peak, pool + listener) | %d (all bots together: %d) |
| database rows and bytes per incident | %.1f rows, %.1f KiB (tables and indexes: %s) |
| database CPU while the fleet announced it | %.1f s in %.1f s (%.0f%% of one core) |
`, len(clusters), len(servers), localcluster.KubernetesVersion, o.fleetWorkloads, replicas, len(clusters)*len(pods[0]), pgVersion(ctx, db),
		firstPost.Round(100*time.Millisecond), len(clusters), allNamed.Round(100*time.Millisecond), crashEnd.Round(100*time.Millisecond),
		posts, o.fleetWorkloads, len(clusters), incidents, allResolved.Round(100*time.Millisecond),
		limited, calls, maxPerBot, maxTotal,
		float64(rows)/float64(max(incidents, 1)), float64(bytes)/1024/float64(max(incidents, 1)), strings.Join(detail, ", "),
		(cpu1 - cpu0).Seconds(), wall1.Sub(wall0).Seconds(), 100*(cpu1-cpu0).Seconds()/wall1.Sub(wall0).Seconds())
	if posts != o.fleetWorkloads {
		return fmt.Errorf("%d top-level posts, want %d (one per workload across the fleet)", posts, o.fleetWorkloads)
	}
	return nil
}

func startFleetAPIServer(ctx context.Context, dir string, i int) (*fleetAPIServer, error) {
	cp, err := localcluster.Start(ctx, localcluster.Options{})
	if err != nil {
		return nil, err
	}
	s := &fleetAPIServer{cp: cp}
	rc := cp.AdminConfig()
	rc.QPS, rc.Burst = 2000, 4000
	rc.ContentType = "application/vnd.kubernetes.protobuf"
	if s.admin, err = kubernetes.NewForConfig(rc); err != nil {
		cp.Stop()
		return nil, err
	}
	if s.kubelet, err = localcluster.StartKubelet(); err != nil {
		cp.Stop()
		return nil, err
	}
	if err := s.kubelet.RegisterNode(ctx, s.admin, node); err != nil {
		s.kubelet.Close()
		cp.Stop()
		return nil, err
	}
	s.sim = kubesim.New(s.admin, s.kubelet, node)
	s.kc = filepath.Join(dir, fmt.Sprintf("kubeconfig-%d", i))
	return s, cp.WriteKubeconfig(s.kc, "")
}

func startFleetBot(ctx context.Context, bin string, s *fleetAPIServer, cluster, dsn, slackURL, dir string, o options) (*botProcess, error) {
	cfg := fmt.Sprintf(`cluster_name: %s
watch:
  namespaces: [%s]
  resolve_after: 10s
  storm: {enabled: false}
slack:
  api_url: %s
  channel: C0ALERTS
store:
  backend: postgres
  postgres: {dsn: {env: CRASHLOOP_POSTGRES_DSN}}
commands:
  enabled: false
digest:
  enabled: false
server:
  listen: ""
log:
  level: warn
`, cluster, cluster, slackURL)
	path := filepath.Join(dir, "config-"+cluster+".yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "run", "--config", path, "--kubeconfig", s.kc)
	cmd.Env = append(os.Environ(), "SLACK_BOT_TOKEN="+slackserver.DefaultToken, "CRASHLOOP_POSTGRES_DSN="+dsn)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &botProcess{cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.done) }()
	return p, nil
}

// connSampler samples the database connections of each bot (by
// application_name) every 250 ms and keeps the peaks.
type connSampler struct {
	db    *pgx.Conn
	mu    sync.Mutex
	bot   int
	total int
}

func (c *connSampler) run(ctx context.Context) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		rows, err := c.db.Query(ctx, `SELECT application_name, count(*) FROM pg_stat_activity WHERE application_name LIKE 'crashloop-bot/%' GROUP BY 1`)
		if err == nil {
			total := 0
			for rows.Next() {
				var name string
				var n int
				if rows.Scan(&name, &n) == nil {
					total += n
					c.mu.Lock()
					c.bot = max(c.bot, n)
					c.mu.Unlock()
				}
			}
			rows.Close()
			c.mu.Lock()
			c.total = max(c.total, total)
			c.mu.Unlock()
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (c *connSampler) peaks() (perBot, total int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bot, c.total
}

type tableSize struct{ rows, bytes int64 }

// tableSizes counts the rows and on-disk bytes (with indexes and TOAST)
// of each of the bot's tables.
func tableSizes(ctx context.Context, db *pgx.Conn) (map[string]tableSize, error) {
	rows, err := db.Query(ctx, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'crashloop_bot'`)
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	out := map[string]tableSize{}
	for _, n := range names {
		if n == "schema_migrations" {
			continue
		}
		var s tableSize
		q := fmt.Sprintf(`SELECT count(*), pg_total_relation_size('crashloop_bot.%s') FROM crashloop_bot.%s`, n, n)
		if err := db.QueryRow(ctx, q).Scan(&s.rows, &s.bytes); err != nil {
			return nil, err
		}
		out[n] = s
	}
	return out, nil
}

func pgVersion(ctx context.Context, db *pgx.Conn) string {
	var v string
	_ = db.QueryRow(ctx, `SHOW server_version`).Scan(&v)
	return strings.Fields(v + " ")[0]
}

// waitFor polls cond every 250 ms until it holds or d passes.
func waitFor(ctx context.Context, d time.Duration, cond func() bool) error {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	for !cond() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
	return nil
}

// summary lists the top-level messages, for a failure.
func summary(s *slackserver.Server) string {
	var lines []string
	for _, m := range s.Messages() {
		lines = append(lines, m.Text)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
