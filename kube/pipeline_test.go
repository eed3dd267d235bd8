package kube

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/fake"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// observer records observations and event outcomes, and signals each.
type observer struct {
	mu       sync.Mutex
	obs      []incident.Observation
	outcomes []string
	changed  chan struct{}
}

func newObserver() *observer { return &observer{changed: make(chan struct{}, 100)} }

func (o *observer) Observe(_ context.Context, x incident.Observation) {
	o.mu.Lock()
	o.obs = append(o.obs, x)
	o.mu.Unlock()
	o.changed <- struct{}{}
}

func (o *observer) outcome(s string) {
	o.mu.Lock()
	o.outcomes = append(o.outcomes, s)
	o.mu.Unlock()
	o.changed <- struct{}{}
}

// waitFor waits until cond holds, re-checking after every observation or
// outcome.
func (o *observer) waitFor(t *testing.T, what string, cond func(obs []incident.Observation, outcomes []string) bool) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		o.mu.Lock()
		ok := cond(append([]incident.Observation(nil), o.obs...), append([]string(nil), o.outcomes...))
		o.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-o.changed:
		case <-timeout:
			t.Fatalf("timed out waiting for %s; observations %+v, outcomes %v", what, o.obs, o.outcomes)
		}
	}
}

func count(xs []string, x string) int {
	n := 0
	for _, s := range xs {
		if s == x {
			n++
		}
	}
	return n
}

var metaCreate = metav1.CreateOptions{}

// runPipeline runs a Pipeline over a fake clientset holding objs.
func runPipeline(t *testing.T, objs ...runtime.Object) (*fake.Clientset, *observer) {
	t.Helper()
	client := fake.NewClientset(objs...)
	o := newObserver()
	log := slog.New(slog.DiscardHandler)
	p := NewPipeline(client, NewWatcher(client, nil, nil, log), NewGatherer(client, GatherOptions{Now: func() time.Time { return fakeNow }}), o,
		PipelineOptions{Cluster: "prod", Logger: log, Now: func() time.Time { return fakeNow.Add(time.Second) }, OnEvent: o.outcome})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { _ = p.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return client, o
}

func TestPipelineObservesADiagnosedCrash(t *testing.T) {
	p1 := fakeCrashingPod("shop", "api", "7d9f", "api-7d9f-a")
	_, o := runPipeline(t, fakeDeployment("shop", "api"), fakeReplicaSet("shop", "api", "7d9f"), p1, fakeBackOff(p1, false, fakeNow))
	o.waitFor(t, "the first crash, diagnosed", func(obs []incident.Observation, _ []string) bool { return len(obs) == 1 })
	first := o.obs[0]
	want := incident.Key{Cluster: "prod", Namespace: "shop", Kind: "Deployment", Name: "api", Container: "app"}
	if first.Key != want || first.Pod != p1.Name || first.Node != "node-1" || first.Selector != "app=api" || first.Restarts != 3 {
		t.Fatalf("observation = %+v", first)
	}
	if first.Report.Category != diagnose.OOMKilled || first.Rollout == nil || len(first.ConfigMaps) != 1 || first.ConfigMaps[0] != "api-config" {
		t.Fatalf("diagnosis = %s, rollout %v, config maps %v", first.Report.Category, first.Rollout, first.ConfigMaps)
	}
}

func TestPipelineCountsReplicasWithoutDiagnosingAgain(t *testing.T) {
	p1 := fakeCrashingPod("shop", "api", "7d9f", "api-7d9f-a")
	p2 := fakeCrashingPod("shop", "api", "7d9f", "api-7d9f-b")
	p2.Status.ContainerStatuses[0].RestartCount = 5
	looping := p2.Status
	// The second replica still runs when the pipeline starts.
	p2.Status.ContainerStatuses[0].State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(fakeNow)}}
	client, o := runPipeline(t, fakeDeployment("shop", "api"), fakeReplicaSet("shop", "api", "7d9f"), p1, p2, fakeBackOff(p1, false, fakeNow))
	o.waitFor(t, "the first crash", func(obs []incident.Observation, _ []string) bool { return len(obs) == 1 })
	p2.Status = looping
	if _, err := client.CoreV1().Pods("shop").UpdateStatus(t.Context(), p2, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CoreV1().Events("shop").Create(t.Context(), fakeBackOff(p2, false, fakeNow), metaCreate); err != nil {
		t.Fatal(err)
	}
	o.waitFor(t, "the second replica", func(obs []incident.Observation, _ []string) bool { return len(obs) == 2 })
	second := o.obs[1]
	if second.Pod != p2.Name || second.Restarts != 5 || second.Report.Pod != "" {
		t.Fatalf("second replica = %+v; want a light observation (no report)", second)
	}
	logs := 0
	for _, a := range client.Actions() {
		if a.GetSubresource() == "log" {
			logs++
		}
	}
	if logs != 1 {
		t.Errorf("%d log requests, want 1: one diagnosis per workload", logs)
	}
}

func TestPipelineDropsWhatIsNoCrashLoop(t *testing.T) {
	healthy := fakeCrashingPod("shop", "web", "5c6d", "web-5c6d-a")
	healthy.Status.ContainerStatuses[0].State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}
	healthy.Status.ContainerStatuses[0].LastTerminationState = corev1.ContainerState{}
	pulling := fakeCrashingPod("shop", "img", "9a8b", "img-9a8b-a")
	pulling.Status.ContainerStatuses[0].State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ImagePullBackOff"}}
	gone := fakeCrashingPod("shop", "gone", "1a2b", "gone-1a2b-a")
	stale := fakeBackOff(healthy, false, fakeNow.Add(-time.Hour))
	_, o := runPipeline(t, fakeDeployment("shop", "web"), fakeReplicaSet("shop", "web", "5c6d"), healthy, pulling,
		stale, fakeBackOff(pulling, true, fakeNow), fakeBackOff(gone, false, fakeNow))
	o.waitFor(t, "every event judged", func(_ []incident.Observation, out []string) bool {
		return count(out, "image_pull") == 1 && count(out, "not_confirmed") == 2
	})
	if len(o.obs) != 0 {
		t.Fatalf("observations %+v, want none", o.obs)
	}
}

func TestNamePrefix(t *testing.T) {
	for pod, want := range map[string]string{
		"api-7d9f8b6c5-x2x9q": "api-7d9f8b6c5", // a ReplicaSet's
		"postgres-1":          "postgres",      // a StatefulSet's
		"report-29110-abcde":  "report-29110",  // a Job's
		"standalone":          "standalone",
	} {
		if got := namePrefix(pod); got != want {
			t.Errorf("namePrefix(%s) = %s, want %s", pod, got, want)
		}
	}
}
