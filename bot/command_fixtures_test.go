package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// fakeCluster is a Cluster of literal pods, events and logs.
type fakeCluster struct {
	mu     sync.Mutex
	pods   map[string]*corev1.Pod    // ns/name
	owners map[string]string         // ns/Kind/name -> pod name
	events map[string][]corev1.Event // ns/pod
	logs   map[string]string         // ns/pod/container/previous|current
	calls  []string
	delay  time.Duration
	// block, when set, holds every Pod call until it is closed.
	block chan struct{}
}

func (f *fakeCluster) record(s string) {
	f.mu.Lock()
	f.calls = append(f.calls, s)
	f.mu.Unlock()
}

func (f *fakeCluster) wait(ctx context.Context) error {
	if f.block != nil {
		select {
		case <-f.block:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if f.delay == 0 {
		return nil
	}
	select {
	case <-time.After(f.delay):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func notFoundErr(res, name string) error {
	return apierrors.NewNotFound(schema.GroupResource{Resource: res}, name)
}

func (f *fakeCluster) Pod(ctx context.Context, ns, name string) (*corev1.Pod, error) {
	f.record("pod " + ns + "/" + name)
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	p, ok := f.pods[ns+"/"+name]
	if !ok {
		return nil, fmt.Errorf("get pod: %w", notFoundErr("pods", name))
	}
	return p.DeepCopy(), nil
}

func (f *fakeCluster) CrashingPod(ctx context.Context, ns, kind, name string) (*corev1.Pod, error) {
	f.record("crashing " + ns + "/" + kind + "/" + name)
	pod, ok := f.owners[ns+"/"+kind+"/"+name]
	if !ok {
		return nil, notFoundErr(strings.ToLower(kind)+"s", name)
	}
	return f.Pod(ctx, ns, pod)
}

func (f *fakeCluster) PodEvents(_ context.Context, pod *corev1.Pod) ([]corev1.Event, error) {
	return f.events[pod.Namespace+"/"+pod.Name], nil
}

func (f *fakeCluster) Logs(_ context.Context, ns, pod, container string, previous bool, tail int64) (string, error) {
	which := "current"
	if previous {
		which = "previous"
	}
	f.record(fmt.Sprintf("logs %s/%s/%s/%s tail=%d", ns, pod, container, which, tail))
	l, ok := f.logs[ns+"/"+pod+"/"+container+"/"+which]
	if !ok {
		return "", fmt.Errorf("previous terminated container %q not found", container)
	}
	lines := strings.Split(strings.TrimRight(l, "\n"), "\n")
	if int64(len(lines)) > tail {
		lines = lines[int64(len(lines))-tail:]
	}
	return strings.Join(lines, "\n") + "\n", nil
}

// cmdNow is the commands' clock in tests: 5 minutes after t0.
var cmdNow = t0.Add(5 * time.Minute)

func mt(d time.Duration) metav1.Time { return metav1.NewTime(t0.Add(d)) }

// crashingPod is payments/api-7d9f8b6c5-x2x9q of Deployment api: OOM
// killed, in CrashLoopBackOff, with a liveness probe identical to its
// readiness probe that times out.
func crashingPod() *corev1.Pod {
	probe := &corev1.Probe{
		ProbeHandler:   corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/healthz", Port: intstr.FromInt32(8080)}},
		TimeoutSeconds: 1, PeriodSeconds: 10, FailureThreshold: 3,
	}
	ctrue := true
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: "payments", Name: "api-7d9f8b6c5-x2x9q", UID: "uid-1",
			Labels:          map[string]string{"app": "api", "pod-template-hash": "7d9f8b6c5"},
			OwnerReferences: []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: "ReplicaSet", Name: "api-7d9f8b6c5", UID: "rs-1", Controller: &ctrue}},
		},
		Spec: corev1.PodSpec{
			NodeName: "node-1",
			InitContainers: []corev1.Container{{
				Name: "migrate", Image: "registry.example.com/payments/migrate:1.42.0",
			}},
			Containers: []corev1.Container{{
				Name: "api", Image: "registry.example.com/payments/api:1.42.0",
				Ports: []corev1.ContainerPort{{Name: "http", ContainerPort: 8080}},
				Resources: corev1.ResourceRequirements{
					Limits:   corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("256Mi")},
					Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("100m"), corev1.ResourceMemory: resource.MustParse("128Mi")},
				},
				LivenessProbe:  probe,
				ReadinessProbe: probe.DeepCopy(),
			}, {
				Name: "metrics", Image: "registry.example.com/tools/exporter:0.9",
				ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromString("metrics")}}},
			}},
		},
		Status: corev1.PodStatus{
			Phase: corev1.PodRunning, PodIP: "10.1.2.3", QOSClass: corev1.PodQOSBurstable,
			StartTime: &[]metav1.Time{mt(-time.Hour)}[0],
			Conditions: []corev1.PodCondition{
				{Type: corev1.PodReady, Status: corev1.ConditionFalse},
				{Type: corev1.ContainersReady, Status: corev1.ConditionFalse},
			},
			InitContainerStatuses: []corev1.ContainerStatus{{
				Name: "migrate", Ready: true,
				State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 0, Reason: "Completed", StartedAt: mt(-time.Hour), FinishedAt: mt(-59 * time.Minute)}},
			}},
			ContainerStatuses: []corev1.ContainerStatus{{
				Name: "api", RestartCount: 14,
				State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}},
				LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
					ExitCode: 137, Reason: "OOMKilled", StartedAt: mt(-2 * time.Minute), FinishedAt: mt(time.Minute + 3*time.Second),
				}},
			}, {
				Name: "metrics", Ready: true,
				State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: mt(-time.Hour)}},
			}},
		},
	}
}

func podEvent(pod *corev1.Pod, container, typ, reason, msg string, count int32, at time.Duration) corev1.Event {
	return corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Namespace: pod.Namespace, Name: pod.Name + "." + reason},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: pod.Namespace, Name: pod.Name, FieldPath: "spec.containers{" + container + "}"},
		Type:           typ, Reason: reason, Message: msg, Count: count, LastTimestamp: mt(at),
	}
}

func newFakeCluster() *fakeCluster {
	pod := crashingPod()
	f := &fakeCluster{
		pods:   map[string]*corev1.Pod{"payments/" + pod.Name: pod},
		owners: map[string]string{"payments/Deployment/api": pod.Name},
		events: map[string][]corev1.Event{"payments/" + pod.Name: {
			podEvent(pod, "api", "Warning", "Unhealthy", `Liveness probe failed: Get "http://10.1.2.3:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, 6, time.Minute),
			podEvent(pod, "api", "Normal", "Killing", "Container api failed liveness probe, will be restarted", 2, time.Minute+time.Second),
			podEvent(pod, "api", "Warning", "BackOff", "Back-off restarting failed container api in pod api-7d9f8b6c5-x2x9q_payments(uid-1)", 14, 2*time.Minute),
		}},
		logs: map[string]string{
			"payments/" + pod.Name + "/api/previous": "2026-07-01T14:01:00Z starting api 1.42.0\n" +
				"2026-07-01T14:01:01Z connecting to postgres://payments:hunter2@db:5432/payments\n" +
				"2026-07-01T14:01:02Z loading <cache> & warming up\n" +
				"2026-07-01T14:02:03Z fatal: out of memory allocating 64MiB\n",
			"payments/" + pod.Name + "/api/current": "",
		},
	}
	return f
}

// longLog is a log of n numbered lines.
func longLog(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "2026-07-01T14:01:%02dZ line %d of the request handler, nothing special here\n", i%60, i)
	}
	return b.String()
}

// fakeIncidents is an IncidentLister, SilenceStore and Silencer; deleted
// silences are recorded with a zero Until.
type fakeIncidents struct {
	mu       sync.Mutex
	active   []incident.Incident
	silences []store.Silence
	applied  []string
}

func (f *fakeIncidents) Active(context.Context) ([]incident.Incident, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]incident.Incident(nil), f.active...), nil
}

func (f *fakeIncidents) PutSilence(_ context.Context, s store.Silence) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.silences = append(f.silences, s)
	return nil
}

func (f *fakeIncidents) DeleteSilence(_ context.Context, k incident.Key) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.silences = append(f.silences, store.Silence{Key: k})
	return nil
}

func (f *fakeIncidents) SilencesChanged() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.applied = append(f.applied, fmt.Sprintf("told after %d writes", len(f.silences)))
	return true
}

func (f *fakeIncidents) Silences(context.Context) ([]store.Silence, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.Silence
	for _, s := range f.silences {
		if !s.Until.IsZero() {
			out = append(out, s)
		}
	}
	return out, nil
}

// testAccess grants #alerts (C0ALERTS) payments and shop, and user U0ADMIN
// everything from anywhere.
func testAccess() Access {
	return Access{
		Rules: []AccessRule{
			{Channels: []string{"C0ALERTS", "#team-shop"}, Namespaces: []string{"payments", "shop"}},
			{Users: []string{"U0ADMIN"}, Namespaces: []string{"*"}},
		},
		Exclude: []string{"kube-system"},
	}
}

var alice = Caller{UserID: "U0ALICE", UserName: "alice", ChannelID: "C0ALERTS", ChannelName: "alerts"}

func newTestCommands(kube Cluster, incs *fakeIncidents, log *slog.Logger) *Commands {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	opts := CommandOptions{
		Cluster: "prod-eu-1", Access: testAccess(), Kube: kube, Logger: log,
		Now: func() time.Time { return cmdNow },
	}
	if incs != nil {
		opts.Incidents, opts.Silences, opts.Silencer = incs, incs, incs
	}
	return NewCommands(opts)
}

func corev1ContainerRunningReady(name string, started time.Time) corev1.ContainerStatus {
	return corev1.ContainerStatus{
		Name: name, Ready: true,
		State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(started)}},
	}
}
