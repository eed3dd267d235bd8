package diagnose

import (
	"strings"
	"testing"
)

// logRules7 are logs for the general rules of round 7 of the corpus: each
// class of evidence its unseen reports were missed for, in several
// phrasings (not only the corpus line).
var logRules7 = []logRule{
	// A liveness probe named with a hyphen ("liveness- or readiness
	// probe"), and a probe delay or threshold the reporter says must grow.
	{"probe words: hyphenated pair", "An unauthenticated request to `/` returns a `401` which is interpreted as a failed liveness- or readiness probe.\n", LivenessProbe, "failed liveness- or readiness probe"},
	{"probe words: liveness-probe fails", "the liveness-probe fails while the cache warms up\n", LivenessProbe, "liveness-probe fails"},
	{"probe words: increase the initial delay", "Increase the initialDelay for the liveness probe\n", LivenessProbe, "Increase the initialDelay for the liveness probe"},
	{"probe words: raise the timeout", "We had to raise the timeoutSeconds of the startup probe to 10.\n", LivenessProbe, "raise the timeoutSeconds of the startup probe"},
	{"probe words: delay should be increased", "[stable/concourse] web livenessProbe delay should be increased\n", LivenessProbe, "livenessProbe delay should be increased"},
	{"probe words: threshold must be higher", "The liveness probe failureThreshold must be higher on slow disks.\n", LivenessProbe, "failureThreshold must be higher"},
	// An OOM kill named as the cause in words.
	{"oom words: caused by OOM", "In my opinion, the CrashLoopBackOff was caused by OOM (Out-of-memory) error, so we give it more memory.\n", OOMKilled, "caused by OOM"},
	{"oom words: due to an OOM", "The worker restarts due to an OOM every few hours.\n", OOMKilled, "due to an OOM"},
	{"oom words: OOM (out of memory)", "the pod was killed: OOM (out of memory) at 512Mi\n", OOMKilled, "OOM (out of memory)"},
	// The NVIDIA driver's libraries are not in the container.
	{"gpu: could not load NVML", "2017/11/29 01:54:30 Loading NVML\n2017/11/29 01:54:30 could not load NVML library\n", ConfigError, "could not load NVML library"},
	{"gpu: failed to initialize NVML", "2022/06/16 07:21:18 Failed to initialize NVML: could not load NVML library.\n2022/06/16 07:21:18 If this is a GPU node, did you set the docker default runtime to `nvidia`?\n", ConfigError, "Failed to initialize NVML"},
	{"gpu: libnvidia-ml missing", "E0101 00:00:00.000000 1 main.go:12] error: libnvidia-ml.so.1: cannot open shared object file: No such file or directory\n", ConfigError, "libnvidia-ml.so.1"},
	{"gpu: driver/library mismatch", "Failed to initialize NVML: Driver/library version mismatch\nnvml: driver/library version mismatch\n", ConfigError, "ersion mismatch"},
	// Custom resource definitions named as not created.
	{"crd words: make sure the CRDs have been created", "ERROR: Unable to set node resource configuration: Failed to ensure datastore has been initialized: \"timed out waiting for the condition\". Make sure the Custom Resource Definitions have been created and Calico has been authorized to access them.\n", ConfigError, "Custom Resource Definitions have been created"},
	{"crd words: CRDs are not installed", "level=fatal msg=\"cannot start: the CRDs are not installed in this cluster\"\n", ConfigError, "CRDs are not installed"},
	{"crd words: CRD was not applied", "the operator crashes because its CRD was not applied before the upgrade\n", ConfigError, "CRD was not applied"},
	// The node's inotify limits are used up.
	{"inotify: fsnotify watcher", "Error: failed to create fsnotify watcher: too many open files\n", ConfigError, "fsnotify watcher: too many open files"},
	{"inotify: max_user_instances exhausted in prose", "Root cause is the kernel default `fs.inotify.max_user_instances=128` being exhausted; the Helm install then fails with `timed out waiting for the condition`.\n", ConfigError, "being exhausted"},
	{"inotify: add_watch no space", "inotify_add_watch(/etc/config): no space left on device\n", ConfigError, "inotify_add_watch"},
	{"inotify: raise max_user_watches", "Fixed by raising fs.inotify.max_user_watches on the nodes.\n", ConfigError, "fs.inotify.max_user_watches"},
	// A shell refused a data file, not the command.
	{"shell file: etc/hosts in a script", "/docker-entrypoint.sh: line 37: /etc/hosts: Permission denied\n", PermissionDenied, "/etc/hosts: Permission denied"},
	{"shell file: a pid file", "/start.sh: line 12: /opt/app/run/app.pid: Permission denied\n", PermissionDenied, "app.pid: Permission denied"},
	{"shell file: a log under /var/log", "sh: /var/log/nginx/error.log: Permission denied\n", PermissionDenied, "error.log: Permission denied"},
	// Data left by an earlier install, in the reporter's words.
	{"data words: bad state", "This seems to be happening because the redis files are in a bad state from a older install.\n", ConfigError, "in a bad state"},
	{"data words: solve by removing the claims", "To solve this issue you need to remove the redis persistent volume claims.\n", ConfigError, "remove the redis persistent volume claims"},
	// Batch 3: an expired certificate named as the cause.
	{"cert words: crashlooping on certificate expiration", "webhook crashlooping on certificate expiration\n", ConfigError, "certificate expiration"},
	{"cert words: the certificates have expired", "The cluster CA certificates have expired, so every component fails its TLS handshake.\n", ConfigError, "certificates have expired"},
	{"cert words: JVM exception", "Caused by: java.security.cert.CertificateExpiredException: NotAfter: Mon Jan 01 00:00:00 UTC 2024\n", ConfigError, "CertificateExpiredException"},
	// A LoadBalancer Service that never gets an address.
	{"lb: no ingress points", "F0329 16:39:47.171747       5 launch.go:125] service kube-system/nginx-ingress-lb does not (yet) have ingress points\n", ConfigError, "does not (yet) have ingress points"},
	{"lb: external IP pending", "level=fatal msg=\"cannot publish endpoint: the external IP is still pending for service gateway\"\n", ConfigError, "external IP is still pending"},
	// A port in use, in the reporter's words.
	{"port words: fail with port is in use", "it will fail with the error \"port is in use\" because the sidecar in the same pod is still running\n", PortConflict, "port is in use"},
	{"port words: port 8200 is in use, exiting", "error: port 8200 is already in use, exiting\n", PortConflict, "port 8200 is already in use"},
	// A shell cannot parse a configuration file it sources.
	{"sourced config: unmatched quote", "+ zkServer.sh start-foreground\n/conf/java.env: line 1: unexpected EOF while looking for matching `\"'\n/conf/java.env: line 2: syntax error: unexpected end of file\nZooKeeper JMX enabled by default\n", ConfigError, "java.env: line"},
	{"sourced config: syntax error in an rc file", "/etc/app/app.conf: line 7: syntax error near unexpected token `)'\n", ConfigError, "app.conf: line 7: syntax error"},
	// A process in the container reports its child killed with 137.
	{"child 137: died while starting", "[2026-04-10T10:00:00,000][ERROR] Elasticsearch died while starting up, with exit code 137\n", OOMKilled, "exit code 137"},
	{"child 137: supervisor code", "[2024-01-01 10:00:00 +0000] [1] [ERROR] Worker (pid:54) was sent code 137!\n", OOMKilled, "was sent code 137"},
	// Batch 4: a failed database login, a heap or memory limit reached,
	// in words.
	{"login words: password authentication failure", "keycloak with postgres as database crashloops because of password authentication failure\n", ConfigError, "password authentication failure"},
	{"heap words: reach their heap limit", "We're fairly consistently getting container restarts when pods reach their 3GB javascript heap limit.\n", OOMKilled, "heap limit"},
	{"heap words: hits its heap limit", "The indexer hits its JVM heap limit on large repositories and exits.\n", OOMKilled, "hits its JVM heap limit"},
	{"memory words: killed when they reached the memory limit", "We were previously getting containers killed when they reached the pod memory limit of 4GB.\n", OOMKilled, "reached the pod memory limit"},
	{"memory words: restarts after exceeding its limit", "the worker restarts every hour after exceeding its 512Mi memory limit\n", OOMKilled, "exceeding its 512Mi memory limit"},
	// A bare "Usage:" is quoted with its synopsis.
	{"usage: synopsis quoted", "Keycloak - Open Source Identity and Access Management\nUsage:\nkc.sh [OPTIONS] [COMMAND]\nUse this command-line tool to manage your Keycloak cluster.\n", ConfigError, "kc.sh [OPTIONS] [COMMAND]"},
	// Batch 5: a Go file error's refusal under its wrapper, the pod's
	// security rules in words, nginx's resolver.
	{"path denied: wrapped mkdir", "level=error ts=2018-12-06T00:57:56Z caller=main.go:617 err=\"opening storage failed: mkdir data/: permission denied\"\n", PermissionDenied, "mkdir data/: permission denied"},
	{"path denied: open a state file", "Error: failed to load state: open /var/lib/agent/state.json: permission denied\n", PermissionDenied, "state.json: permission denied"},
	{"pod security words: user by name", "the docker image references a system user by name rather than UID, which may violate default pod security policies\n", PermissionDenied, "user by name rather than UID"},
	{"pod security words: blocked by admission", "The deployment is blocked by Pod Security Admission (restricted) because it runs privileged.\n", PermissionDenied, "blocked by Pod Security Admission"},
	{"pod security words: non-numeric user", "Error: container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root\n", PermissionDenied, "non-numeric user"},
	{"nginx resolver", "2022/04/10 07:38:01 [emerg] 1#1: host not found in resolver \"kube-dns.kube-system.svc.cluster.local\" in /etc/nginx/nginx.conf:25\n", ConfigError, "host not found in resolver"},
	// Batch 6: a CPU without AVX, in words.
	{"cpu words: does your machine support AVX", "Does your machine support AVX instructions? See the troubleshooting section.\n", ExecFormat, "support AVX"},
	{"cpu words: without AVX2", "The container enters a restart loop on CPUs without AVX2 (Restarting (132)).\n", ExecFormat, "without AVX2"},
	{"cpu words: VM does not expose AVX", "the VM's CPU type does not expose AVX, so the model server dies at start\n", ExecFormat, "does not expose AVX"},
	// A more specific line of the same cause before a generic fatal one.
	{"quote: the setting before the fatal summary", "time=\"2018-10-22T20:59:21Z\" level=error msg=\"SYRINGE_TIER is a required variable.\"\ntime=\"2018-10-22T20:59:21Z\" level=fatal msg=\"Invalid configuration. Please re-run Syringe with appropriate env variables\"\n", ConfigError, ""},
}

func TestScanLogRules7(t *testing.T) {
	checkLogRules(t, logRules7)
	// The setting's own line is quoted beside the fatal summary.
	got := ScanLog(strings.NewReader(logRules7[len(logRules7)-1].log))
	if !strings.Contains(strings.Join(got.Evidence, "\n"), "SYRINGE_TIER is a required variable") {
		t.Errorf("the specific line before the fatal one is not quoted: %q", got.Evidence)
	}
}

// TestScanLogRules7Negatives checks ordinary log lines that use the same
// words (probe settings being logged, a readiness probe, the OOM score, a
// GPU plugin that starts, a sysctl printing the inotify keys, a script
// that cannot run its own helper, a healthy CRD check, a certificate that
// will expire, a dev server moving off a busy port, an assigned load
// balancer, a supervisor's own SIGKILL after a timeout, a clean child
// exit): they must not be read as the cause.
func TestScanLogRules7Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"level=info msg=\"liveness probe configured\" initialDelaySeconds=30 timeoutSeconds=5\n", LivenessProbe},
		{"The readiness probe delay should be increased for the dashboard.\n", LivenessProbe},
		{"registered liveness- and readiness handlers on :8081\n", LivenessProbe},
		{"level=info msg=\"oom_score_adj set\" value=-998\n", OOMKilled},
		{"INFO OOM protection enabled for the main process\n", OOMKilled},
		{"2024/01/01 Loading NVML\n2024/01/01 Initializing NVML.\n2024/01/01 NVML initialized, 2 devices found\n", ConfigError},
		{"fs.inotify.max_user_watches = 524288\nfs.inotify.max_user_instances = 8192\n", ConfigError},
		{"level=info msg=\"all CRDs are installed\" count=12\n", ConfigError},
		{"INFO removed stale lock file, the data is in a good state\n", ConfigError},
		{"level=info msg=\"serving certificate will expire in 720h, renewing\"\n", ConfigError},
		{"level=info msg=\"certificate is not expired\" notAfter=2030-01-01\n", ConfigError},
		{"INFO Port 3000 is in use, trying 3001 instead\n", PortConflict},
		{"level=info msg=\"LoadBalancer ingress assigned\" ip=203.0.113.7\n", ConfigError},
		{"[CRITICAL] WORKER TIMEOUT (pid:54)\n[ERROR] Worker (pid:54) was sent SIGKILL!\n", OOMKilled},
		{"INFO child process exited with code 0\n", OOMKilled},
		{"level=info msg=\"V8 heap limit set\" heap_limit=2048MB\n", OOMKilled},
		{"INFO audit: user bob open dashboard: permission denied for viewer role\n", PermissionDenied},
		{"level=info msg=\"namespace enforces pod security standards\" level=restricted\n", PermissionDenied},
		{"I tensorflow/core/platform/cpu_feature_guard.cc:142] Your CPU supports instructions that this TensorFlow binary was not compiled to use: AVX2 FMA\n", ExecFormat},
		{"INFO CPU features: sse4_2 avx avx2 fma detected\n", ExecFormat},
		{"INFO no AVX2 support detected, falling back to the SSE4 kernels\n", ExecFormat},
		{"WARN memory usage reached 80% of the memory limit, shedding load\n", OOMKilled},
		{"INFO the cache reached its size limit, evicting entries\n", OOMKilled},
	})
	// nginx that cannot resolve its backend is still a missing dependency.
	if got := ScanLog(strings.NewReader("nginx: [emerg] host not found in upstream \"api\" in /etc/nginx/conf.d/default.conf:3\n")); got.Category != DependencyUnavailable {
		t.Errorf("host not found in upstream read as %s", got.Category)
	}
	// A script that cannot run its helper is still a command it cannot
	// start, not a data file.
	for _, log := range []string{
		"/bin/sh: ./run.sh: Permission denied\n",
		"/docker-entrypoint.sh: line 9: /docker-entrypoint.d/10-setup.sh: Permission denied\n",
	} {
		if got := ScanLog(strings.NewReader(log)); got.Category == PermissionDenied && got.patID == "shell_file_denied" {
			t.Errorf("%q read as a data file the shell cannot write", log)
		}
	}
}

// TestRound7WordsYieldToStatus checks that the prose rules of round 7 do
// not outweigh a live pod's recorded termination: an OOMKilled container
// stays an OOM kill whatever the log says about probes, CRDs, inotify or
// stale data, and a runtime's start failure outweighs OOM in words.
func TestRound7WordsYieldToStatus(t *testing.T) {
	pod := testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 6)), withLiveness("api"))
	for _, log := range []string{
		"Increase the initialDelay for the liveness probe\n",
		"Make sure the Custom Resource Definitions have been created\n",
		"the redis files are in a bad state from an older install\n",
		"Root cause is fs.inotify.max_user_instances=128 being exhausted\n",
		"webhook crashlooping on certificate expiration\n",
		"it will fail with the error \"port is in use\"\n",
		"service kube-system/nginx-ingress-lb does not (yet) have ingress points\n",
		"keycloak crashloops because of password authentication failure\n",
		"the image references a system user by name rather than UID\n",
	} {
		r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": log}})
		if r.Category != OOMKilled {
			t.Errorf("%q: got %s, want oom_killed: %s", log, r.Category, r.Summary)
		}
	}
	// A runtime that could not start the process says why, whatever the
	// reporter's words say about memory.
	st := crashLoop("api", 128, "StartError", 6)
	st.LastTerminationState.Terminated.Message = "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"/app\": stat /app: no such file or directory: unknown"
	start := testPod([]string{"api"}, setStatus(st))
	r := Diagnose(Input{Pod: start, Now: now, Logs: map[string]string{"api": "the CrashLoopBackOff was caused by OOM (Out-of-memory) error\n"}})
	if r.Category != CommandNotFound {
		t.Errorf("a runtime start failure was outweighed by words: got %s: %s", r.Category, r.Summary)
	}
}

// TestFocusShowsTheEndOfALongMatch checks that a match longer than the
// quote's window (a long path before "permission denied") is quoted up to
// its end, where the verdict is.
func TestFocusShowsTheEndOfALongMatch(t *testing.T) {
	line := "2024-01-01T00:00:00Z error memorylimiter processor failed to get total memory: open /hostfs/run/containerd/io.containerd.runtime.v2.task/k8s.io/" + strings.Repeat("0123456789abcdef", 6) + "/rootfs/sys/fs/cgroup/memory/memory.limit_in_bytes: permission denied"
	got := ScanLog(strings.NewReader(line + "\n"))
	if len(got.Evidence) == 0 || !strings.Contains(got.Evidence[0], "memory.limit_in_bytes: permission denied") {
		t.Errorf("the end of the match is cut: %q", got.Evidence)
	}
}
