package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// waitingOnly is a container in back-off with no termination recorded.
func waitingOnly(name string) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, RestartCount: 7,
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}}
}

// A node's SystemOOM event (the node ran out of memory; the container has
// no limit of its own) is a vote for memory, weaker than a memory
// cgroup's OOM kill.
func TestSystemOOMNodeEvent(t *testing.T) {
	pod := testPod([]string{"trainer"}, setStatus(waitingOnly("trainer")))
	node := event("SystemOOM", "", "System OOM encountered, victim process: python3, pid: 2231874", time.Minute, 4)
	node.InvolvedObject = corev1.ObjectReference{Kind: "Node", Name: "node-1"}
	r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{node, backOff("trainer")}})
	if r.Category != OOMKilled || !strings.Contains(strings.Join(r.Evidence, "\n"), "System OOM encountered") {
		t.Fatalf("got %s (%s): %q", r.Category, r.Confidence, r.Evidence)
	}
	// A log that names its own error outweighs it.
	r = Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{node, backOff("trainer")},
		Logs: map[string]string{"trainer": "Error: connect ECONNREFUSED 10.0.0.7:5432\n"}})
	if r.Category != DependencyUnavailable {
		t.Errorf("with a refused database in the log: got %s, want dependency_unavailable", r.Category)
	}
}

// An init script that starts a daemon in the background returns, and the
// container with it.
func TestInitScriptStartsADaemon(t *testing.T) {
	for _, tc := range []struct {
		cmd  []string
		want bool
	}{
		{[]string{"/bin/bash", "-c", "service apache2 start"}, true},
		{[]string{"/etc/init.d/nginx", "start"}, true},
		{[]string{"/bin/sh", "-c", "service apache2 start && tail -f /var/log/apache2/access.log"}, false},
		{[]string{"apache2ctl", "-D", "FOREGROUND"}, false},
	} {
		pod := testPod([]string{"api"}, setStatus(waitingOnly("api")), withCommand("api", tc.cmd...))
		r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{backOff("api")}})
		if got := r.Category == Completed; got != tc.want {
			t.Errorf("%q: got %s: %s", tc.cmd, r.Category, r.Summary)
		}
	}
}

// A service's log whose last line says it exits of its own accord is a
// task that finished; one told to stop is not.
func TestServiceLogThatSaysItExits(t *testing.T) {
	pod := testPod([]string{"worker"}, setStatus(waitingOnly("worker")))
	for _, tc := range []struct {
		log  string
		want bool
	}{
		{"2024-11-20 08:14:02 INFO polling queue jobs-default\n2024-11-20 08:14:02 INFO no messages, exiting\n", true},
		{"2024-11-20 08:14:02 INFO polling queue jobs-default\n2024-11-20 08:14:02 INFO received SIGTERM, exiting\n", false},
		{"2024-11-20 08:14:02 INFO polling queue jobs-default\n2024-11-20 08:14:02 INFO serving on :8080\n", false},
	} {
		r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{backOff("worker")}, Logs: map[string]string{"worker": tc.log}})
		if got := r.Category == Completed; got != tc.want {
			t.Errorf("%q: got %s: %s", tc.log, r.Category, r.Summary)
		}
	}
}

// Words that give the exit code ("Exit code is 0 every time") and a
// `docker ps` row that shows it name a program that ends by itself.
func TestWordsAndRowsSayExitZero(t *testing.T) {
	checkWords(t, []wordsCase{
		{"exit code is 0", "The report script uploads the CSV and finishes. Exit code is 0 every time but the pod shows CrashLoopBackOff.", Completed},
		{"exit code: 0", "It keeps restarting, exit code: 0, nothing in the logs.", Completed},
	})
	checkLogRules(t, []logRule{
		{"compose ps restarting with 0", "ops-scheduler-1   ops/scheduler:1.4   \"cron\"   scheduler   4 minutes ago   Restarting (0) 2 seconds ago\n", Completed, "Restarting (0)"},
		{"podman ps exited 0", "c41d7e0a9b2f  docker.io/library/ubuntu:24.04  /bin/bash  2 minutes ago  Exited (0) 1 second ago  dev\n", Completed, "Exited (0)"},
	})
	checkNotRead(t, []notRead{
		{"c41d7e0a9b2f  acme/api:1  \"node server.js\"  2 minutes ago  Exited (1) 1 second ago  api\n", Completed},
		{"api-1  acme/api:1  Restarting (0) 2 seconds ago\nError: listen EADDRINUSE: address already in use :::8080\n", Completed},
	})
}
