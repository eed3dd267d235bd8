package diagnose

import (
	"strings"
	"testing"
)

// Rules added in session 53 for the misses of held-out rounds 759-760 and
// textbook batch 578.
func TestRules835(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Node's refusal of a port that is not a number",
			"(node:1) UnhandledPromiseRejectionWarning: Error: There was an error: Port should be >= 0 and < 65536. Received NaN.\n",
			ConfigError, "Port should be >= 0 and < 65536"},
		{"Cloud Run's OOM event under the startup probe it failed",
			"revisions 00185→00189 all failed to go live with `Default STARTUP TCP probe failed … on port 8080 … DEADLINE_EXCEEDED`\nOut-of-memory event detected in container\n",
			OOMKilled, "Out-of-memory event detected in container"},
		{"crashing after the masters are not available",
			"Now we have the strange behavior that the kube-router are crashing after the three masters are not available anymore.\n",
			DependencyUnavailable, "not available anymore"},
		{"no internet access, with a curly apostrophe",
			"grafana fails to start if it doesn’t have access to internet\n",
			DependencyUnavailable, "access to internet"},
		{"a CSI driver's panic beside its livenessprobe sidecar",
			"Registrar and livenessprobe sidecars are fine, only the plugin container restarts.\npanic: runtime error: invalid memory address or nil pointer dereference\n",
			AppCrash, "nil pointer dereference"},
	})
	checkWords(t, []wordsCase{
		{"a restart policy that brings a crashed program back",
			"My jellyfin process in my docker container stops/crashes at arbitrary times. The Docker restart policy (unless-stopped) then starts it back up having interrupted whatever was happening.\n",
			AppCrash},
		{"a restart policy after a task that completes (the kubelet's \"crash\")",
			"The kube-bench container is completing successfully but the restartPolicy of Always is causing the kubelet to consider that a crash and it tries to restart it.\n",
			Completed},
	})
}

// A serverless platform's record of the kill at the memory limit is the
// container's limit, not a runtime's heap.
func TestServerlessOOMSummary(t *testing.T) {
	r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "Out-of-memory event detected in container\n"}})
	if r.Category != OOMKilled || !strings.Contains(r.Summary, "killed at its memory limit") {
		t.Fatalf("got %s: %s", r.Category, r.Summary)
	}
}
