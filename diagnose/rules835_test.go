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
		{"the liveness probe's own request refused, told by the reporter",
			"In 3.0 we moved the HTTP server from 8080 to 3000, but the chart's livenessProbe still said `port: 8080`. So every 10 seconds the kubelet got `Get \"http://10.42.3.17:8080/healthz\": dial tcp 10.42.3.17:8080: connect: connection refused`, killed the container after three failures.\n",
			LivenessProbe, "livenessProbe"},
		{"Compose's undefined secret",
			"service \"vaultwarden\" refers to undefined secret vw_admin_token: invalid compose project\n",
			MissingConfigObject, "refers to undefined secret"},
		{"a Compose secret's file that does not exist",
			"Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: /volume1/docker/authentik/secrets/pg_password\n",
			MissingConfigObject, "secrets/pg_password"},
		{"the arm64 kernel's undefined instruction",
			"[ 5120.331207] mongod[48211]: undefined instruction: pc=0000aaaadd41e9b4\n",
			ExecFormat, "undefined instruction"},
		{"a client's refused connection the reporter calls a symptom, above the kernel's undefined instruction",
			"Rocket.Chat says `MongoServerSelectionError: connect ECONNREFUSED 172.19.0.2:27017`, but that's a symptom.\n[ 5120.331207] mongod[48211]: undefined instruction: pc=0000aaaadd41e9b4\n",
			ExecFormat, "undefined instruction"},
		{"a CSI driver's panic beside its livenessprobe sidecar",
			"Registrar and livenessprobe sidecars are fine, only the plugin container restarts.\npanic: runtime error: invalid memory address or nil pointer dereference\n",
			AppCrash, "nil pointer dereference"},
	})
	checkNotRead(t, []notRead{
		// A rate limit the reporter has not hit.
		{"Let's Encrypt hasn't rate limited me yet because it only renews when <30 days left\n", DependencyUnavailable},
		// A bind mount of a directory that is no secret.
		{"Error: Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: /opt/cni/bin\n", MissingConfigObject},
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
