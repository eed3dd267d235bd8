package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// TestProbeKillEndingCleanly: a server that stops cleanly on the kubelet's
// signal (nginx on SIGQUIT) exits 0 after each liveness kill; the kills
// say why it ended, not a finished task.
func TestProbeKillEndingCleanly(t *testing.T) {
	st := running("web")
	st.RestartCount = 12
	st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: 0, Reason: "Completed", StartedAt: ts(61 * time.Second), FinishedAt: ts(31 * time.Second)}
	pod := testPod([]string{"web"}, setStatus(st), withLiveness("web"))
	kill := event("Killing", "web", "Container web failed liveness probe, will be restarted", 31*time.Second, 12)
	r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{kill}})
	if r.Category != LivenessProbe {
		t.Fatalf("got %s: %s", r.Category, r.Summary)
	}
	// Without the kills, a clean exit under restartPolicy Always is a
	// finished task.
	if r := Diagnose(Input{Pod: pod, Now: now}); r.Category != Completed {
		t.Fatalf("without kills got %s: %s", r.Category, r.Summary)
	}
}

// TestStuckInitContainer: a pod waiting on an init container that loops
// until a Service resolves is diagnosed from its log when the log says the
// name does not exist; a wait whose log names nothing is a pod still
// starting, as before.
func TestStuckInitContainer(t *testing.T) {
	init := corev1.ContainerStatus{Name: "init-mydb", State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ts(14 * time.Minute)}}}
	pod := testPod([]string{"app"}, withInit(init, false), func(p *corev1.Pod) {
		p.Status.Phase = corev1.PodPending
		p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "app", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "PodInitializing"}}}
	})
	log := "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find mydb.default.svc.cluster.local: NXDOMAIN\n\nwaiting for mydb\n"
	r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"init-mydb": log}})
	if r.Healthy || r.Category != DependencyUnavailable || !strings.Contains(strings.Join(r.Evidence, "\n"), "NXDOMAIN") {
		t.Fatalf("healthy=%v %s: %s", r.Healthy, r.Category, r.Summary)
	}
	if r.Status != "Init:0/1" {
		t.Errorf("status %q, want Init:0/1", r.Status)
	}
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"init-mydb": "waiting for mydb\nwaiting for mydb\n"}}); r.Category != Unknown || !strings.Contains(r.Summary, "still starting") {
		t.Errorf("a wait whose log names no cause: %s %s", r.Category, r.Summary)
	}
}
