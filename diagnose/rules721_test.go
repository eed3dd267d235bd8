package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of rounds 721 onwards and textbook batches
// 286 onwards.
func TestRules721(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a finalizer's and an exit hook's tracebacks after the crash", "Traceback (most recent call last):\n  File \"/app/main.py\", line 64, in main\n    user = self._open[event[\"anonymous_id\"]]\nKeyError: 'anonymous_id'\nException ignored in atexit callback: <function _flush_metrics at 0x7f1a2b3c5e40>\nTraceback (most recent call last):\n  File \"/app/metrics.py\", line 30, in _flush_metrics\n    push_to_gateway(GATEWAY, job=\"sessionizer\", registry=REGISTRY)\nurllib.error.URLError: <urlopen error [Errno 111] Connection refused>\n", AppCrash, "KeyError: 'anonymous_id'"},
		{"a wrapper's metrics push after the segfault", "[start.sh] starting ./bin/matcher\n./start.sh: line 19:    12 Segmentation fault      (core dumped) ./bin/matcher --config /etc/matcher/matcher.toml\n[start.sh] flushing metrics\ncurl: (7) Failed to connect to pushgateway.monitoring.svc port 9091 after 1 ms: Connection refused\n[start.sh] bye\n", Segfault, "Segmentation fault"},
		{"nginx's entrypoint skipping its edit of a read-only conf.d", "10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)\n/docker-entrypoint.sh: Configuration complete; ready for start up\n2025/03/17 10:14:51 [emerg] 1#1: unknown directive \"proxy_pas\" in /etc/nginx/conf.d/default.conf:7\n", ConfigError, "unknown directive"},
		{"an OOM kill the reporter mended since", "The container got OOM-killed once last night (I raised the memory since). Since then it never comes back, restart: always just loops:\n=> Booting Puma\nA server is already running (pid: 1, file: /app/tmp/pids/server.pid).\nExiting\n=> Booting Puma\nA server is already running (pid: 1, file: /app/tmp/pids/server.pid).\nExiting\n", ConfigError, "A server is already running"},
		{"an OOM kill that goes on after the fix", "It got OOMKilled last night, I raised the memory limit since but it still gets OOMKilled every few minutes.\n", OOMKilled, "OOMKilled"},
		{"the asker's note on a setting in the pasted manifest", "          env:\n            - name: JAVA_TOOL_OPTIONS\n              value: \"-Xmx1g -XX:+ExitOnOutOfMemoryError\"   # fixes OOM loop\n#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n#  SIGSEGV (0xb) at pc=0x00007f9c2d4b1e3a, pid=1, tid=63\n#\n# Problematic frame:\n# C  [librocksdbjni4471809532717233351.so+0x3b1e3a]  rocksdb::DBImpl::GetImpl+0x5a\n", Segfault, "SIGSEGV"},
		{"LINQ's null source is a bug", "fail: Microsoft.Extensions.Hosting.Internal.Host[9]\n      BackgroundService failed\n      System.ArgumentNullException: Value cannot be null. (Parameter 'source')\n         at System.Linq.ThrowHelper.ThrowArgumentNullException(ExceptionArgument argument)\n         at FeedImporter.Mapping.ItemMapper.MapAll(Feed feed) in /src/FeedImporter/Mapping/ItemMapper.cs:line 19\n", AppCrash, "Parameter 'source'"},
		{"a server's failed probes before its clean exit", "The liveness probe is an httpGet on /health port 8000 with the defaults, and describe shows Last State Completed with exit code 0, which confuses me.\nINFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)\nINFO:     10.244.1.1:40512 - \"GET /health HTTP/1.1\" 404 Not Found\nINFO:     10.244.1.1:40528 - \"GET /health HTTP/1.1\" 404 Not Found\nINFO:     10.244.1.1:40534 - \"GET /health HTTP/1.1\" 404 Not Found\nINFO:     Shutting down\nINFO:     Finished server process [1]\n", LivenessProbe, "GET /health"},
		{"helm upgrade --install's wait above the pod's refusal", "Release \"orders-db\" does not exist. Installing it now.\nError: context deadline exceeded\npostgresql 03:25:41.18 INFO  ==> Initializing PostgreSQL database...\nmkdir: cannot create directory '/bitnami/postgresql/data': Permission denied\n", PermissionDenied, "Permission denied"},
		{"anyhow's failed spawn above os error 2", "2025-03-14T10:20:01.553Z  INFO clip_indexer::probe: checking media tools\nError: failed to spawn `ffprobe -version`\n\nCaused by:\n    No such file or directory (os error 2)\n", CommandNotFound, "os error 2"},
		{"Erlang's :enoent raised by System.cmd", "12:04:31.219 [notice] Application invoices exited: Invoices.Application.start(:normal, []) returned an error: shutdown: failed to start child: Invoices.Pdf.Renderer\n    ** (EXIT) an exception was raised:\n        ** (ErlangError) Erlang error: :enoent\n            (elixir 1.17.3) lib/system.ex:1176: System.cmd(\"wkhtmltopdf\", [\"--version\"], [stderr_to_stdout: true])\n            (invoices 2.3.0) lib/invoices/pdf/renderer.ex:22: Invoices.Pdf.Renderer.init/1\n", CommandNotFound, ":enoent"},
		{"os error 2 of a config file is no helper", "Error: failed to load config\n\nCaused by:\n    0: reading /etc/app/config.toml\n    1: No such file or directory (os error 2)\n", ConfigError, "config"},
		{"the writer ruling a native crash out", "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x9a4f12]\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:12 +0x1d\n\n`sub.Retry.MaxAttempts` is dereferenced without checking `sub.Retry != nil`. This is a Go **nil pointer panic** in our code — the `SIGSEGV` line is how the Go runtime reports a nil dereference, not a native crash.\n", AppCrash, "nil pointer dereference"},
		{"an error the asker says is gone", "We moved the deployment off the ARM nodes, so the exec format error is gone. Now:\nmkdir: cannot create directory '/var/log/reporting': Permission denied\n", PermissionDenied, "Permission denied"},
		{"a quoted error the asker says is fixed", "The \"address already in use\" from last week is fixed (we removed hostNetwork). Now it fails differently at boot:\nlevel=error msg=\"fetch signing keys\" err=\"Get \\\"https://keys.internal/jwks\\\": dial tcp 10.20.4.9:443: i/o timeout\"\n", DependencyUnavailable, "i/o timeout"},
		{"a crash loop fixed by a setting, as a pull request says", "The crash loop is fixed by raising the memory limit: the pod was OOMKilled at 256Mi while loading the model.\n", OOMKilled, "OOMKilled"},
		{"a session key too short for the cookie crate", "thread 'main' (1) panicked at /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cookie-0.16.2/src/secure/key.rs:63:28:\ncalled `Result::unwrap()` on an `Err` value: TooShort(44)\n", ConfigError, "TooShort(44)"},
		{"a server that exited 0, in words", "The pod booted, printed `running over stdio`, found no stdin peer, exited 0, and crashlooped.\n", Completed, "exited 0"},
	})
	checkNotRead(t, []notRead{
		// s6-overlay's own steps, each "exited 0.".
		{"[s6-init] ensuring user provided files have correct perms...exited 0.\n[cont-init.d] 01-set-timezone: exited 0.\n", Completed},
		// An exit code that only starts with 0.
		{"The job exited 0.5 seconds after the probe started.\n", Completed},
		// A connection string's timeout setting is no timeout.
		{"              value: \"redis-master:6379,connectTimeout=5000\"\n", DependencyUnavailable},
		// The script's own kill of a helper it started, traced just above.
		{"+ /cloud-sql-proxy --port 5432 acme:eu:pg &\n2025/06/26 01:00:00 The proxy has started successfully and is ready for new connections!\n+ python -m report.monthly\nINFO report.monthly: done\n+ kill %1\n2025/06/26 01:02:11 SIGTERM signal received. Shutting down...\n+ exit 0\n", LivenessProbe},
		// A finished run the reporter tells of, with no exit of its own.
		{"It got OOM-killed once (we raised the limit right after).\n", OOMKilled},
	})
}

// A feature missing from a version is no service that is down.
func TestNotAvailableInVersion(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a feature not available in a version", "bug: operator deployed with the chart crashloops with operator LTS version\n\n`disable_prometheus_converter` sets controllers to disable.\n\n`PodMonitor` is available since operator 0.69.0, but not available in operator LTS 0.68.x. This makes operator crashloop since unknown controller was specified. LTS users are unable to use this option and disable Prom converter controllers via `extraArgs`.\n", ConfigError},
	})
}

// A controller's FailedCreate carries the API server's refusal to create
// the pod; it is read only when no pod status was given.
func TestFailedCreateRefusal(t *testing.T) {
	msg := `Error creating: pods "api-7d9c8b6f5-q4wzm" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true), privileged (container "api" must not set securityContext.privileged=true)`
	ev := event("FailedCreate", "", msg, time.Minute, 8)
	ev.InvolvedObject.Kind, ev.InvolvedObject.Name = "ReplicaSet", "api-7d9c8b6f5"
	noStatus := func(p *corev1.Pod) { p.Status.ContainerStatuses = nil; p.Status.Phase = "" }
	r := Diagnose(Input{Pod: testPod([]string{"api"}, noStatus), Now: now, Events: []corev1.Event{ev}})
	if got := r.Containers[0].Category; got != PermissionDenied {
		t.Errorf("no pod, a PodSecurity refusal: got %s, want %s (%s)", got, PermissionDenied, r.Containers[0].Summary)
	}
	r = Diagnose(Input{Pod: testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 9))), Now: now, Events: []corev1.Event{ev},
		Logs: map[string]string{"api": "Error: listen tcp :8080: bind: address already in use\n"}})
	if got := r.Containers[0].Category; got != PortConflict {
		t.Errorf("a pod that runs and a refused replica: got %s, want %s (%s)", got, PortConflict, r.Containers[0].Summary)
	}
}

// A bare CreateContainerConfigError is today's state: a log, of an
// earlier run, of a refused connection is history.
func TestConfigErrorOverOldLog(t *testing.T) {
	st := corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CreateContainerConfigError"}}}
	log := "2025-03-07T16:02:44Z ERROR checkout: payments client: Post \"http://payments.default.svc:8080/v1/authorize\": dial tcp 10.96.44.12:8080: connect: connection refused\n"
	r := Diagnose(Input{Pod: testPod([]string{"api"}, setStatus(st)), Now: now, Logs: map[string]string{"api": log}})
	if got := r.Containers[0].Category; got != MissingConfigObject {
		t.Errorf("CreateContainerConfigError beside an old refusal: got %s, want %s (%s)", got, MissingConfigObject, r.Containers[0].Summary)
	}
}
