package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// logRules4 are logs for the general rules of round 4 of the corpus: each
// class of evidence its unseen reports were missed for, in several
// phrasings (not only the corpus line).
var logRules4 = []logRule{
	// An OOM kill in the reporter's or a tool's words.
	{"oom words: a status reason retold", "When I described one of the pod, last restart reason was OOMKill.\n", OOMKilled, "OOMKill"},
	{"oom words: gets OOMKilled", "The controller gets OOMKilled every few minutes after the upgrade.\n", OOMKilled, "OOMKilled"},
	{"oom words: cgroup-OOM-killed", "litellm was cgroup-OOM-killed on load (exit 137)\n", OOMKilled, "OOM-killed"},
	{"oom words: outrank an expectation about config", "expectation: it should report bad config.\nwhat happened: workflow controller crashes with `OOMKilled`.\n", OOMKilled, "OOMKilled"},
	// The runtime's init process killed at the memory limit.
	{"runc init pipe reset", "OCI runtime create failed: runc create failed: unable to start container process: waiting for init preliminary setup: read init-p: connection reset by peer: unknown\n", OOMKilled, "read init-p"},
	{"runc init OOM-killed", "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown\n", OOMKilled, "init was OOM-killed"},
	// A supervisor's report of a worker's signal.
	{"gunicorn worker SIGSEGV", "[2025-12-15 10:00:01 +0000] [1] [ERROR] Worker (pid:54) was sent code 139!\n", Segfault, "code 139"},
	{"killed by signal 11", "child process 4711 killed by signal 11\n", Segfault, "signal 11"},
	{"gunicorn worker SIGILL", "[2024-04-06 20:40:23 +0000] [1] [ERROR] Worker (pid:8) was sent code 132!\n", ExecFormat, "code 132"},
	// An image without the shell a command needs, in words.
	{"no shell: no longer has", "The `cp-reloader` container tries to exec `/bin/sh` but the speaker container no longer has a shell.\n", CommandNotFound, "no longer has a shell"},
	{"no shell: distroless", "The distroless image does not have a shell, so the sh -c command in the chart fails.\n", CommandNotFound, "does not have a shell"},
	// A probe that kills or restarts it, in words.
	{"probe: failures that kill", "After 3 consecutive probe failures, kubelet kills the nginx container.\n", LivenessProbe, "probe failures"},
	{"probe: restarting during the probe", "Keycloak keeps restarting because port 9000 is not reachable during Probe.\n", LivenessProbe, "during Probe"},
	{"probe: liveness/readiness times out", "the sidecar's liveness/readiness probe times out while PHP-FPM is busy\n", LivenessProbe, "probe times out"},
	// A port already taken, in words.
	{"port words: a port conflict", "Trident node pod gets stuck in CrashLoopBackoff when the port conflicts with ephemeral ports used on the host.\n", PortConflict, "conflicts with ephemeral ports"},
	{"port words: port that another listens on", "the speaker daemonset failed as it tries to bind on port 8080 which is a port that kubespray has a nginx-proxy listen on.\n", PortConflict, "port 8080 which is a port"},
	{"port words: used by", "On Openshift port 9102 is already used by the OVN Kubernetes CNI.\n", PortConflict, "port 9102 is already used by"},
	// client-go's 403 without a status body.
	{"bodyless 403: unknown (get pods)", "panic: unknown (get pods)\n\ngoroutine 10 [running]:\n", PermissionDenied, "unknown (get pods)"},
	{"bodyless 403: list endpoints", "E0101 00:00:00.000000       1 reflector.go:199] Failed to list *v1.Endpoints: unknown (get endpoints)\n", PermissionDenied, "unknown (get endpoints)"},
	{"bodyless 403: does not allow access", "Error from server (Forbidden): the server does not allow access to the requested resource (get services)\n", PermissionDenied, "does not allow access"},
	// A file mode the program refuses.
	{"file mode: group or world access", "FATAL:  data directory \"/bitnami/postgresql/data\" has group or world access\nDETAIL:  Permissions should be u=rwx (0700).\n", PermissionDenied, "group or world access"},
	{"file mode: permissions should be", "FATAL:  private key file \"server.key\" has wrong permissions\nDETAIL:  Permissions should be u=rw (0600) or less.\n", PermissionDenied, "Permissions should be"},
	// A configured value in the wrong encoding.
	{"encoding: hex cookie secret", "Traceback (most recent call last):\n  File \"app.py\", line 721, in init_secrets\n    secret = binascii.a2b_hex(secret_env)\nbinascii.Error: Non-hexadecimal digit found\n", ConfigError, "Non-hexadecimal"},
	{"encoding: base64 key", "level=fatal msg=\"cannot decode signing key: illegal base64 data at input byte 4\"\n", ConfigError, "illegal base64 data"},
	{"encoding: base64 padding", "binascii.Error: Incorrect padding\n", ConfigError, "Incorrect padding"},
	{"encoding: Go hex", "fatal: invalid encryption key: encoding/hex: invalid byte: U+0067 'g'\n", ConfigError, "encoding/hex: invalid byte"},
	// A goroutine dump whose error line was not pasted.
	{"go dump without its error line",
		"github.com/argoproj/argo-workflows/v3/workflow/controller.(*wfOperationCtx).getOutboundNodes(0xc0004e5ad0, 0xc0006de720, 0x1b, 0x2e4f448, 0x0, 0x0)\n\t/go/src/github.com/argoproj/argo-workflows/workflow/controller/operator.go:2274 +0x1a5 fp=0xc020b8d278 sp=0xc020b8d058 pc=0x1c0e2e5\n",
		AppCrash, "getOutboundNodes"},
	{"go dump of another program",
		"main.(*server).loop(0xc000010000)\n\t/src/cmd/server/main.go:88 +0x45\ncreated by main.main\n\t/src/cmd/server/main.go:40 +0x12c\n",
		AppCrash, "main.(*server).loop"},
	// Elasticsearch enforcing its bootstrap checks.
	{"es bootstrap checks enforced", "[2017-01-12T10:00:00,000][INFO ][o.e.b.BootstrapChecks    ] [es-data-0] bound or publishing to a non-loopback or non-link-local address, enforcing bootstrap checks\n", ConfigError, "enforcing bootstrap checks"},
}

func TestScanLogRules4(t *testing.T) {
	checkLogRules(t, logRules4)
}

// TestScanLogRules4Negatives checks the words that deny or only mention a
// cause: they must not be read as it.
func TestScanLogRules4Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"\"State\": {\"Status\": \"exited\", \"OOMKilled\": false, \"ExitCode\": 1}\n", OOMKilled},
		{"container's State.OOMKilled is false, and State.ExitCode is 137.\n", OOMKilled},
		{"I checked the event log the pod is due to healthcheck failed, not OOM\n", OOMKilled},
		{"The pod restarts but it is not being OOMKilled, memory stays at 200Mi.\n", OOMKilled},
		{"We ruled out OOM kills: the node has plenty of memory.\n", OOMKilled},
		{"level=info msg=\"listening\" port=8080\n", PortConflict},
		{"the probe port is 8080 and the service port 80\n", PortConflict},
		{"Hello World!\n", ConfigError},
	})
}

// TestRedactKeepsKubernetesKindNames checks that the word for a kind of
// secret in an API error ("secrets \"operator-secret\" already exists") is
// kept, so the explaining line stays readable, while a value after a
// secret-like key is still redacted.
func TestRedactKeepsKubernetesKindNames(t *testing.T) {
	line := `level=error msg="failed to create the operator handler: storing the operator config in a secret: secrets \"operator-secret\" already exists"`
	got, _ := Redact(line)
	if !strings.Contains(got, `secrets \"operator-secret\" already exists`) {
		t.Errorf("Redact(%q) = %q", line, got)
	}
	for _, line := range []string{
		`E1206 reflector.go:158] failed to list *v1.Secret: secrets is forbidden: User "system:serviceaccount:eso:eso" cannot list resource "secrets"`,
		`error: get secret billing/jwt-signing-key: secrets "jwt-signing-key" not found`,
	} {
		if got, redacted := Redact(line); redacted {
			t.Errorf("Redact(%q) = %q: the kind's name is no secret", line, got)
		}
	}
	for _, tc := range []struct{ line, secret string }{
		{"secret: Zq9xLmP2vKw8", "Zq9xLmP2vKw8"},
		{"password: secrets is what I typed", "secrets"},
		{"password=secrets", "secrets"},
		{"api_key: secrets", "secrets"},
	} {
		if got, _ := Redact(tc.line); strings.Contains(got, tc.secret) {
			t.Errorf("Redact(%q) = %q keeps the secret", tc.line, got)
		}
	}
}

// TestUnnamedProbeFailure checks that an Unhealthy event whose message was
// cut off counts as a probe that restarted the container only when the
// container was restarted, and never when the message names a readiness
// probe.
func TestUnnamedProbeFailure(t *testing.T) {
	pod := testPod([]string{"keycloak"}, sparse("keycloak", corev1.ContainerStatus{State: waitingCLB()}))
	started := event("Started", "keycloak", "Started container keycloak", 2*time.Minute, 2)
	cut := event("Unhealthy", "keycloak", "", time.Minute, 6)
	r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{started, cut}})
	if r.Category != LivenessProbe || r.Confidence == Certain {
		t.Fatalf("cut-off Unhealthy with restarts: got %s (%s): %s", r.Category, r.Confidence, r.Summary)
	}
	once := event("Started", "keycloak", "Started container keycloak", 2*time.Minute, 1)
	r = Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{once, cut}})
	if r.Category == LivenessProbe {
		t.Fatalf("no restart seen: got %s: %s", r.Category, r.Summary)
	}
	ready := event("Unhealthy", "keycloak", "Readiness probe failed: HTTP probe failed with statuscode: 503", time.Minute, 6)
	r = Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{started, ready}})
	if r.Category == LivenessProbe {
		t.Fatalf("a readiness probe: got %s: %s", r.Category, r.Summary)
	}
}

// TestProbeOnlySuspect checks that a crash loop with nothing but a
// kill-capable probe in its spec names the probe as possible, and that
// any fact outweighs it.
func TestProbeOnlySuspect(t *testing.T) {
	probe := func(p *corev1.Pod) {
		p.Spec.Containers[0].LivenessProbe = &corev1.Probe{FailureThreshold: 3, PeriodSeconds: 10}
	}
	pod := testPod([]string{"worker"}, sparse("worker", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 12}), probe)
	r := Diagnose(Input{Pod: pod, Now: now})
	if r.Category != LivenessProbe || r.Confidence != Possible {
		t.Fatalf("probe only: got %s (%s): %s", r.Category, r.Confidence, r.Summary)
	}
	r = Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"worker": "Error: unknown flag: --port\n"}})
	if r.Category != ConfigError {
		t.Fatalf("with a log that names a cause: got %s: %s", r.Category, r.Summary)
	}
	oom := testPod([]string{"worker"}, setStatus(crashLoop("worker", 137, "OOMKilled", 4)), probe)
	if r = Diagnose(Input{Pod: oom, Now: now}); r.Category != OOMKilled {
		t.Fatalf("OOMKilled with a probe: got %s: %s", r.Category, r.Summary)
	}
}

// TestSpecKeysAreNotErrors checks that a spec's keys pasted with a log
// ("failureThreshold: 3") are not read as the program's error.
func TestSpecKeysAreNotErrors(t *testing.T) {
	for _, log := range []string{"  failureThreshold: 3\n", "failurePolicy: Ignore\n", "\"restartPolicy\": \"OnFailure\",\n"} {
		if got := ScanLog(strings.NewReader(log)); got.Category != Unknown {
			t.Errorf("%q read as %s (%q)", log, got.Category, got.Line)
		}
	}
	if got := ScanLog(strings.NewReader("fatal: failed to load probe config\n")); got.Category == Unknown {
		t.Errorf("an error line with a colon is still an error")
	}
}

// TestSidecarLoopbackIsADependency checks that a refused localhost in a
// log that speaks of a sidecar (the program is one, or the pod has one) is
// the pod's other container not being up, not the app's setting.
func TestSidecarLoopbackIsADependency(t *testing.T) {
	for _, log := range []string{
		`level=warn ts=2020-03-11T21:59:13Z caller=sidecar.go:219 msg="heartbeat failed" err="Get http://localhost:9090/api/v1/status/config: dial tcp 127.0.0.1:9090: connect: connection refused"` + "\n",
		"the app talks to the cloud-sql-proxy sidecar\nError: connect ECONNREFUSED 127.0.0.1:5432\n",
	} {
		if got := ScanLog(strings.NewReader(log)); got.Category != DependencyUnavailable {
			t.Errorf("%q read as %s", log, got.Category)
		}
	}
	if got := ScanLog(strings.NewReader("Error: connect ECONNREFUSED 127.0.0.1:6379\n")); got.Category != ConfigError {
		t.Errorf("no sidecar: got %s", got.Category)
	}
}
