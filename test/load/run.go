package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

const node = "load-node-1"

func run(ctx context.Context, o options) error {
	bot, err := filepath.Abs(o.bot)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bot); err != nil {
		return fmt.Errorf("--bot %s: %w (build it with make build)", o.bot, err)
	}
	step("starting the local control plane")
	cluster, err := localcluster.Start(ctx, localcluster.Options{Progress: os.Stderr})
	if err != nil {
		return err
	}
	defer cluster.Stop()
	kubelet, err := localcluster.StartKubelet()
	if err != nil {
		return err
	}
	defer kubelet.Close()
	rc := cluster.AdminConfig()
	rc.QPS, rc.Burst = 5000, 10000
	rc.ContentType = "application/vnd.kubernetes.protobuf"
	admin, err := kubernetes.NewForConfig(rc)
	if err != nil {
		return err
	}
	if err := kubelet.RegisterNode(ctx, admin, node); err != nil {
		return err
	}
	sim := kubesim.New(admin, kubelet, node)

	if err := populate(ctx, admin, o); err != nil {
		return err
	}

	// A workspace where #alerts exists, as in Slack: the bot resolves it to
	// its ID and can search its history.
	slack := slackserver.New(slackserver.Options{Limits: slackserver.SlackLimits(), Channels: []string{"#alerts"}})
	defer slack.Close()
	dir, err := os.MkdirTemp("", "crashloop-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	proc, err := startBot(ctx, bot, cluster, slack.URL(), dir, o.groupWait, o)
	if err != nil {
		return err
	}

	step("idle: the bot watches a cluster of %d healthy pods for 20 s", o.healthyPods)
	time.Sleep(20 * time.Second)
	idleRSS := proc.rss()
	idleAnon := procStatus(proc.cmd.Process.Pid, "RssAnon:")

	lat, err := latency(ctx, sim, slack, o)
	if err != nil {
		proc.stop()
		return err
	}
	peak := proc.peakRSS()
	// The storm runs with the group-wait a storm needs (a bot with
	// group-wait 0 announces every workload at once, on its own): the same
	// state, a restarted bot.
	proc.stop()
	proc, err = startBot(ctx, bot, cluster, slack.URL(), dir, o.stormGroupWait, o)
	if err != nil {
		return err
	}
	defer proc.stop()
	time.Sleep(5 * time.Second) // listed and synced
	storm, err := crashStorm(ctx, sim, slack, o)
	if err != nil {
		return err
	}
	peak = max(peak, proc.peakRSS())

	fmt.Printf(`
| measurement | result |
|---|---|
| cluster | %d healthy pods in %d namespaces, %d unrelated events, kube-apiserver %s |
| bot RSS after 20 s idle | %.1f MiB (%.1f MiB anonymous: heap, stacks; the rest the binary's own pages) |
| bot peak RSS (VmHWM) over the whole run, crash storm included | %.1f MiB |
| BackOff event -> Slack post, %d single-pod crash loops (group-wait %s) | p50 %s, p99 %s, max %s |
| crash storm: %d Deployments x %d pods OOM-killed on one node (group-wait %s) | %d top-level post(s); first %s after the first BackOff; every workload named %s after it; last thread reply %s after the storm's end |
| Slack calls answered 429 in the storm (chat.postMessage + chat.update) | %d of %d (%.1f%%) |
`, o.healthyPods, o.namespaces, o.otherEvents, localcluster.KubernetesVersion,
		mib(idleRSS), mib(idleAnon), mib(peak),
		o.latencyRuns, o.groupWait, lat.p50, lat.p99, lat.max,
		o.stormWorkload, o.stormReplicas, o.stormGroupWait, storm.posts, storm.firstPost, storm.allNamed, storm.lastReply,
		storm.limited, storm.calls, 100*float64(storm.limited)/float64(max(storm.calls, 1)))
	return storm.check(o)
}

func step(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "load: "+format+"\n", args...)
}

func mib(kb int64) float64 { return float64(kb) / 1024 }

// populate creates the healthy pods and unrelated events with many workers.
func populate(ctx context.Context, c kubernetes.Interface, o options) error {
	for i := range o.namespaces {
		ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("healthy-%02d", i)}}
		if _, err := c.CoreV1().Namespaces().Create(ctx, ns, metav1.CreateOptions{}); err != nil {
			return err
		}
	}
	step("creating %d running, ready pods (about 1 min for 20,000)", o.healthyPods)
	start := time.Now()
	err := kubesim.Parallel(ctx, o.healthyPods, 48, func(i int) error {
		now := metav1.Now()
		pod := &corev1.Pod{
			ObjectMeta: metav1.ObjectMeta{Namespace: fmt.Sprintf("healthy-%02d", i%o.namespaces), Name: fmt.Sprintf("app-%06d", i), Labels: map[string]string{"app": fmt.Sprintf("app-%d", i%500)}},
			Spec:       corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "app", Image: "registry.example.com/app:1.0"}}},
		}
		p, err := c.CoreV1().Pods(pod.Namespace).Create(ctx, pod, metav1.CreateOptions{})
		if err != nil {
			return err
		}
		p.Status = corev1.PodStatus{Phase: corev1.PodRunning,
			Conditions:        []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionTrue, LastTransitionTime: now}},
			ContainerStatuses: []corev1.ContainerStatus{{Name: "app", Ready: true, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: now}}}}}
		_, err = c.CoreV1().Pods(pod.Namespace).UpdateStatus(ctx, p, metav1.UpdateOptions{})
		if i > 0 && i%5000 == 0 {
			step("  %d/%d pods (%s)", i, o.healthyPods, time.Since(start).Round(time.Second))
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("create pods: %w", err)
	}
	step("creating %d unrelated events", o.otherEvents)
	reasons := []string{"Scheduled", "Pulled", "Created", "Started", "Unhealthy"}
	return kubesim.Parallel(ctx, o.otherEvents, 32, func(i int) error {
		ns := fmt.Sprintf("healthy-%02d", i%o.namespaces)
		now := metav1.Now()
		e := &corev1.Event{
			ObjectMeta:     metav1.ObjectMeta{Namespace: ns, Name: fmt.Sprintf("other-%06d", i)},
			InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: ns, Name: fmt.Sprintf("app-%06d", i), APIVersion: "v1"},
			Reason:         reasons[i%len(reasons)], Message: "container event", Type: corev1.EventTypeNormal,
			Source: corev1.EventSource{Component: "kubelet", Host: node}, FirstTimestamp: now, LastTimestamp: now, Count: 1,
		}
		_, err := c.CoreV1().Events(ns).Create(ctx, e, metav1.CreateOptions{})
		return err
	})
}

type latencies struct{ p50, p99, max time.Duration }

// latency crashes one single-pod Deployment at a time and times the BackOff
// event's creation to the post's arrival at the Slack server.
func latency(ctx context.Context, sim *kubesim.Sim, slack *slackserver.Server, o options) (latencies, error) {
	step("latency: %d single-pod crash loops, one at a time", o.latencyRuns)
	if err := createNamespace(ctx, sim.Client, "latency"); err != nil {
		return latencies{}, err
	}
	var ds []time.Duration
	for i := range o.latencyRuns {
		name := fmt.Sprintf("svc-%03d", i)
		pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: "latency", Name: name, Replicas: 1,
			Template: corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: "registry.example.com/" + name + ":1.0"}}}})
		if err != nil {
			return latencies{}, err
		}
		before := len(slack.Messages())
		// The first exit restarts at once; the BackOff event comes with
		// the second, which CrashLoop records first: time from just before.
		start := time.Now()
		if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "app", ExitCode: 1, Log: "Error: listen EADDRINUSE: address already in use :::8080\n"}); err != nil {
			return latencies{}, err
		}
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err = slack.WaitFor(wctx, func() bool { return len(slack.Messages()) > before })
		cancel()
		if err != nil {
			return latencies{}, fmt.Errorf("crash loop %s was never posted", name)
		}
		msgs := slack.Messages()
		ds = append(ds, msgs[len(msgs)-1].PostedAt.Sub(start)-o.groupWait)
		time.Sleep(1100 * time.Millisecond) // stay under Slack's per-channel rate
	}
	slices.Sort(ds)
	pick := func(q float64) time.Duration {
		return ds[min(len(ds)-1, int(math.Ceil(q*float64(len(ds))))-1)].Round(time.Millisecond)
	}
	return latencies{p50: pick(0.5), p99: pick(0.99), max: ds[len(ds)-1].Round(time.Millisecond)}, nil
}

type stormResult struct {
	posts, workloads, limited, calls int
	firstPost, allNamed, lastReply   time.Duration
}

// check holds the storm to the targets.
func (r stormResult) check(o options) error {
	var errs []error
	if r.posts > 3 {
		errs = append(errs, fmt.Errorf("%d top-level posts for one storm, want at most 3", r.posts))
	}
	if r.firstPost > o.stormGroupWait+5*time.Second {
		errs = append(errs, fmt.Errorf("first post %s after the first BackOff, want within group-wait + 5s", r.firstPost))
	}
	if r.workloads < o.stormWorkload {
		errs = append(errs, fmt.Errorf("%d of %d workloads named", r.workloads, o.stormWorkload))
	}
	if r.limited*20 >= r.calls {
		errs = append(errs, fmt.Errorf("%d of %d calls answered 429, want under 5%%", r.limited, r.calls))
	}
	if r.lastReply > time.Minute {
		errs = append(errs, fmt.Errorf("last thread reply %s after the storm's end, want within 60s", r.lastReply))
	}
	return errors.Join(errs...)
}

// crashStorm OOM-kills every pod of many Deployments on one node at once.
func crashStorm(ctx context.Context, sim *kubesim.Sim, slack *slackserver.Server, o options) (stormResult, error) {
	step("storm: creating %d workloads x %d pods", o.stormWorkload, o.stormReplicas)
	if err := createNamespace(ctx, sim.Client, "storm"); err != nil {
		return stormResult{}, err
	}
	var ws []kubesim.StormWorkload
	for i := range o.stormWorkload {
		ws = append(ws, kubesim.StormWorkload{Name: fmt.Sprintf("w-%03d", i), Image: fmt.Sprintf("registry.example.com/w-%03d:1.0", i), Replicas: o.stormReplicas})
	}
	pods, err := sim.CreateStorm(ctx, "storm", ws, 16)
	if err != nil {
		return stormResult{}, err
	}
	var all []*corev1.Pod
	for _, w := range ws {
		all = append(all, pods[w.Name]...)
	}
	before := len(slack.Messages())
	_, callsBefore := slack.RateLimited("chat.postMessage", "chat.update")
	limitedBefore, _ := slack.RateLimited("chat.postMessage", "chat.update")
	step("storm: OOM-killing %d pods at once", len(all))
	start := time.Now()
	if err := sim.CrashAll(ctx, all, kubesim.Crash{Container: "app", ExitCode: 137, Reason: "OOMKilled"}, 32); err != nil {
		return stormResult{}, err
	}
	end := time.Now()
	step("storm: crashed in %s", end.Sub(start).Round(time.Millisecond))
	stormMsgs := func() []slackserver.Message { return slack.Messages()[before:] }
	named := func() (int, time.Time) {
		seen := map[string]bool{}
		var last time.Time
		for _, m := range stormMsgs() {
			text := m.AllText()
			if m.PostedAt.After(last) {
				last = m.PostedAt
			}
			for _, r := range m.Replies {
				text += "\n" + r.AllText()
				if r.PostedAt.After(last) {
					last = r.PostedAt
				}
			}
			for _, w := range ws {
				if strings.Contains(text, "storm/"+w.Name) {
					seen[w.Name] = true
				}
			}
		}
		return len(seen), last
	}
	wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	_ = slack.WaitFor(wctx, func() bool { n, _ := named(); return n >= o.stormWorkload })
	cancel()
	n, last := named()
	msgs := stormMsgs()
	if len(msgs) == 0 {
		return stormResult{}, errors.New("the storm was never posted")
	}
	time.Sleep(5 * time.Second) // a late duplicate would show up here
	for _, m := range stormMsgs() {
		step("storm: top-level post %q with %d replies", m.Text, len(m.Replies))
	}
	limited, calls := slack.RateLimited("chat.postMessage", "chat.update")
	return stormResult{
		posts: len(stormMsgs()), workloads: n,
		limited: limited - limitedBefore, calls: calls - callsBefore,
		firstPost: msgs[0].PostedAt.Sub(start).Round(time.Millisecond),
		allNamed:  last.Sub(start).Round(time.Millisecond),
		lastReply: max(0, last.Sub(end)).Round(time.Millisecond),
	}, nil
}

func createNamespace(ctx context.Context, c kubernetes.Interface, name string) error {
	_, err := c.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}, metav1.CreateOptions{})
	return err
}

// botProcess is the bot under measurement.
type botProcess struct {
	cmd  *exec.Cmd
	done chan struct{}
	mu   sync.Mutex
	peak int64
}

func startBot(ctx context.Context, bin string, c *localcluster.Cluster, slackURL, dir string, groupWait time.Duration, o options) (*botProcess, error) {
	kcPath := filepath.Join(dir, "kubeconfig")
	if err := c.WriteKubeconfig(kcPath, ""); err != nil {
		return nil, err
	}
	cfg := fmt.Sprintf("cluster_name: load\nwatch:\n  group_wait: %s\nslack:\n  api_url: %s\n  channel: \"#alerts\"\nstore:\n  backend: %s\n  path: %s\ndigest:\n  enabled: false\nserver:\n  listen: \"\"\nlog:\n  level: warn\n",
		groupWait, slackURL, o.store, filepath.Join(dir, "state.db"))
	cfgPath := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "run", "--config", cfgPath, "--kubeconfig", kcPath)
	cmd.Env = append(os.Environ(), "SLACK_BOT_TOKEN="+slackserver.DefaultToken)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &botProcess{cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.done) }()
	go p.sample()
	step("bot started (pid %d)", cmd.Process.Pid)
	return p, nil
}

// sample tracks the highest RSS seen (VmHWM is read too, at the end).
func (p *botProcess) sample() {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
			if v := p.rss(); v > 0 {
				p.mu.Lock()
				p.peak = max(p.peak, v)
				p.mu.Unlock()
			}
		}
	}
}

func (p *botProcess) rss() int64 { return procStatus(p.cmd.Process.Pid, "VmRSS:") }

func (p *botProcess) peakRSS() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return max(p.peak, procStatus(p.cmd.Process.Pid, "VmHWM:"))
}

func (p *botProcess) stop() {
	_ = p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
	}
}

// procStatus reads a kB field of /proc/PID/status.
func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, field) {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, field)), "%d", &kb)
			return kb
		}
	}
	return 0
}
