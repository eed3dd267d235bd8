package kube_test

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	clientfeatures "k8s.io/client-go/features"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/kube"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// TestMain starts the local control plane of the end-to-end tests. The
// fake clientset of the unit tests does not speak the WatchList protocol
// that client-go >= 0.35 enables by default, so it is turned off.
func TestMain(m *testing.M) {
	clientfeatures.ReplaceFeatureGates(noWatchList{clientfeatures.FeatureGates()})
	os.Exit(lctest.Run(m))
}

// noWatchList is client-go's feature gates with WatchListClient off.
type noWatchList struct{ clientfeatures.Gates }

func (g noWatchList) Enabled(f clientfeatures.Feature) bool {
	return f != clientfeatures.WatchListClient && g.Gates.Enabled(f)
}

// recorder is a Notifier that records notifications.
type recorder struct {
	mu    sync.Mutex
	notes []incident.Notification
}

func (r *recorder) Notify(n incident.Notification) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notes = append(r.notes, n)
}

func (r *recorder) snapshot() []incident.Notification {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]incident.Notification(nil), r.notes...)
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// bot runs the watch pipeline and incident manager in the test's namespace.
func startBot(t *testing.T, env *lctest.Env, ns string, st incident.Store, notifier *recorder) context.CancelFunc {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	mgr := incident.NewManager(st, notifier, kube.NewHealth(env.Admin), incident.Options{
		GroupWait: 500 * time.Millisecond, ResolveAfter: time.Second, CheckEvery: 200 * time.Millisecond,
		UpdateEvery: 200 * time.Millisecond, DefaultChannel: "#alerts", Logger: log,
	})
	w := kube.NewWatcher(env.Admin, []string{ns}, nil, log)
	g := kube.NewGatherer(env.Admin, kube.GatherOptions{})
	p := kube.NewPipeline(env.Admin, w, g, mgr, kube.PipelineOptions{Cluster: "test", Logger: log})
	var wg sync.WaitGroup
	wg.Go(func() { _ = mgr.Run(ctx) })
	wg.Go(func() { _ = p.Run(ctx) })
	waitFor(t, "watch sync", 10*time.Second, w.Synced)
	return func() { cancel(); wg.Wait() }
}

func podSpec(container string) corev1.PodSpec {
	return corev1.PodSpec{Containers: []corev1.Container{{
		Name: container, Image: "shop/" + container + ":1.0",
		Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("128Mi")}},
	}}}
}

func TestCrashingDeploymentIsOneIncidentThenResolves(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	rec := &recorder{}
	stop := startBot(t, env, ns, store.NewMemory(0), rec)
	defer stop()

	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 3, Template: podSpec("api")})
	if err != nil {
		t.Fatal(err)
	}
	healthy, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "web", Replicas: 2, Template: podSpec("web")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.ImagePullBackOff(ctx, healthy[0], "web"); err != nil {
		t.Fatal(err)
	}
	for i, p := range pods {
		pods[i], err = sim.CrashLoop(ctx, p, kubesim.Crash{Container: "api", ExitCode: 137, Reason: "OOMKilled", Log: "allocating cache\n"})
		if err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "first notification", 15*time.Second, func() bool { return len(rec.snapshot()) >= 1 })
	time.Sleep(time.Second) // room for a wrong second message to show up
	notes := rec.snapshot()
	first := notes[0]
	if first.Reason != incident.FirstNotification {
		t.Fatalf("first reason = %s", first.Reason)
	}
	inc := first.Incident
	want := incident.Key{Cluster: "test", Namespace: ns, Kind: "Deployment", Name: "api", Container: "api"}
	if inc.Key != want || inc.Report.Category != diagnose.OOMKilled || inc.Restarts != 1 {
		t.Fatalf("incident = %+v / %s", inc.Key, inc.Report.Category)
	}
	for _, n := range notes {
		if n.Incident.Key.Name != "api" {
			t.Fatalf("notification for %s: image pull back-offs and healthy pods must not alert", n.Incident.Key)
		}
		if n.Reason == incident.FirstNotification && n.Incident.ID != inc.ID {
			t.Fatalf("second incident for the same workload: %+v", n.Incident)
		}
	}
	defer func() {
		for _, n := range rec.snapshot() {
			t.Logf("%s %s pods=%d %v", n.Reason, n.Incident.Key, n.Incident.PodCount, n.Incident.Pods)
		}
	}()
	waitFor(t, "all 3 pods counted", 10*time.Second, func() bool {
		n := rec.snapshot()
		return n[len(n)-1].Incident.PodCount == 3
	})

	for _, p := range pods {
		if _, err := sim.Recover(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sim.Recover(ctx, healthy[0]); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "resolution", 15*time.Second, func() bool {
		n := rec.snapshot()
		return n[len(n)-1].Reason == incident.ResolvedReason
	})
}

// TestRestartDoesNotAlertTwice: a bot restarted over the same store, seeing
// the same BackOff events in its initial list, announces nothing new.
func TestRestartDoesNotAlertTwice(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	st, err := store.OpenFile(t.TempDir()+"/incidents.json", 0)
	if err != nil {
		t.Fatal(err)
	}
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "worker", Replicas: 1, Template: podSpec("worker")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "worker", ExitCode: 1, Log: "Error: connect ECONNREFUSED 10.0.0.7:5432\n"}); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	stop := startBot(t, env, ns, st, rec)
	waitFor(t, "first notification", 15*time.Second, func() bool { return len(rec.snapshot()) == 1 })
	waitFor(t, "the announced incident stored", 5*time.Second, func() bool {
		active, _ := st.Active(ctx)
		return len(active) == 1 && active[0].State == incident.Open
	})
	stop()

	rec2 := &recorder{}
	stop2 := startBot(t, env, ns, st, rec2)
	defer stop2()
	time.Sleep(2 * time.Second) // the initial list replays the BackOff event
	for _, n := range rec2.snapshot() {
		if n.Reason == incident.FirstNotification {
			t.Fatalf("restarted bot announced %s again", n.Incident.Key)
		}
	}
}

// TestSurvivesAPIServerRestart: the watch resumes after kube-apiserver goes
// away for a while, and a crash loop that begins afterwards is announced.
func TestSurvivesAPIServerRestart(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "cache", Replicas: 1, Template: podSpec("cache")})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	stop := startBot(t, env, ns, store.NewMemory(0), rec)
	defer stop()
	if err := env.Cluster.RestartAPIServer(ctx, 3*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "cache", ExitCode: 139, Reason: "Error"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the alert after the restart", 45*time.Second, func() bool { return len(rec.snapshot()) >= 1 })
	if got := rec.snapshot()[0].Incident.Report.Category; got != diagnose.Segfault {
		t.Fatalf("category = %s", got)
	}
}

// TestCatchUpFindsCrashLoopWithoutEvent: a pod that crash-loops while no
// bot watches, and whose BackOff events are gone (expired, or not yet
// repeated), is found by the start-up catch-up against a real API server
// (which also accepts the catch-up's field selector), not at its next
// back-off.
func TestCatchUpFindsCrashLoopWithoutEvent(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "quiet", Replicas: 2, Template: podSpec("quiet")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "quiet", ExitCode: 2}); err != nil {
		t.Fatal(err)
	}
	if err := env.Admin.CoreV1().Events(ns).DeleteCollection(ctx, metav1.DeleteOptions{}, metav1.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	w := kube.NewWatcher(env.Admin, []string{ns}, nil, log)
	var mu sync.Mutex
	var seen []kube.BackOff
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() {
		done <- w.Run(runCtx, func(b kube.BackOff) { mu.Lock(); seen = append(seen, b); mu.Unlock() })
	}()
	defer func() { cancel(); <-done }()
	waitFor(t, "the crash-looping pod", 10*time.Second, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) > 0
	})
	mu.Lock()
	defer mu.Unlock()
	if b := seen[0]; b.Pod != pods[0].Name || b.Container != "quiet" || b.ImagePull {
		t.Errorf("caught up %+v, want %s/quiet", b, pods[0].Name)
	}
	for _, b := range seen {
		if b.Pod != pods[0].Name {
			t.Errorf("a healthy pod was handed on: %+v", b)
		}
	}
}
