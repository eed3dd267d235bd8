package diagnose

import "testing"

// Rules added for the faults of rounds 712 onwards and textbook batches
// 277 onwards.
func TestRules712(t *testing.T) {
	checkLogRules(t, []logRule{
		{"fluentd's metadata filter giving up its pod watch", "2020-09-10 21:47:08 +0000 [error]: [filter_kubernetes_metadata] Exception encountered parsing pod watch event. The connection might have been closed. Retried 10 times yet still failing. Restarting.Error while watching pods: too old resource version: 260646453 (260665751)\n", AppCrash, "Exception encountered parsing pod watch event"},
		{"a segfault below a failed call the program went on from", "[image-api] cdn warmup failed, continuing Error: cdn warmup failed\n    at warmCdn (/app/src/cdn.js:22:11) {\n  [cause]: Error: connect ETIMEDOUT 198.51.100.23:443\n      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16) {\n    code: 'ETIMEDOUT',\n  }\n}\n[image-api] listening on :3000\n[image-api] decode request id=8f2c heic 4032x3024\nSegmentation fault (core dumped)\n", Segfault, "Segmentation fault"},
		{"the reporter's 'only because it keeps restarting' over the caller's refusal", "the session service throws \"Redis connection to cache:6379 failed - connect ECONNREFUSED 172.18.0.2:6379\" but I think that's only because the cache container keeps restarting since I edited redis.conf:\n*** FATAL CONFIG FILE ERROR (Redis 7.2.5) ***\nReading the configuration file, at line 14\n>>> 'maxmemory-policy allkeys-lru2'\nargument(s) must be one of the following: volatile-lru, allkeys-lru, volatile-lfu, allkeys-lfu, volatile-random, allkeys-random, volatile-ttl, noeviction\n", ConfigError, "must be one of the following"},
		{"nginx's Host header is not where it connects", "web-1  | 2025/06/09 08:03:10 [error] 30#30: *44 connect() failed (111: Connection refused) while connecting to upstream, client: 172.28.0.1, server: _, request: \"GET /status/consumer HTTP/1.1\", upstream: \"http://172.28.0.3:8081/status\", host: \"localhost\"\norders-consumer-1  | 2025-06-09 08:03:31.561 ERROR c.e.o.ConsumerApp - startup failed: org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata\n", DependencyUnavailable, "Timeout expired while fetching topic metadata"},
		{"a probe's failures and the kubelet's kills in one sentence", "The `kube-apiserver` liveness probe port had previously been hardcoded, so if you used `--apiserver-bind-port` to override the default port (6443), then the health check for the pod would quickly fail and kubelet would continuously kill the apiserver.\n", LivenessProbe, "kubelet would continuously kill"},
		{"Helm 4's wait running out above the pod's panic", "Error: UPGRADE FAILED: resource not ready, name: shortener, kind: Deployment, status: InProgress\ncontext deadline exceeded\ntime=2025-11-10T07:41:02.240Z level=INFO msg=\"loaded reserved slugs\" count=0\npanic: runtime error: index out of range [0] with length 0\n", AppCrash, "index out of range"},
		{"Terraform's helm_release wait above the pod's panic", "terraform: helm_release.tile_server → Error: context deadline exceeded (after timeout = 300).\nthread 'main' panicked at src/render/zoom.rs:57:23:\nindex out of bounds: the len is 19 but the index is 19\n", AppCrash, "index out of bounds"},
		{"the asker's 'the probe fails because the process is already gone'", "gRPC server with TLS enabled, cert files mounted from a secret at /tls. The gRPC startup probe fails but that's because the process is already gone:\n{\"level\":\"fatal\",\"msg\":\"cannot start gRPC server\",\"error\":\"load keypair: tls: failed to find any PEM data in certificate input\"}\n", ConfigError, "failed to find any PEM data"},
	})
	checkNotRead(t, []notRead{
		// glibc's own banner is no Markdown.
		{"*** buffer overflow detected ***: terminated\n", ConfigError},
		// A bare 137 row below the failed call says nothing of memory.
		{"functions-1  | Azure.Storage.Blobs: Connection refused (azurite:10000).\nci-azurite-1    mcr.microsoft.com/azure-storage/azurite:3.33.0    \"docker-entrypoint.s…\"   azurite     3 minutes ago   Restarting (137) 9 seconds ago\n", OOMKilled},
	})
}

// A one-shot task told in words: "when it finishes, it exits which causes
// it (as a daemonset) to restart".
func TestFinishesThenExitsWords(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a plugin that exits when it finishes", "Systemd-logs 409\n\nWhen the systemd-logs plugin runs/finishes, it exits which causes it (as a deaemonset) to restart. It then tries to restart and runs again, submits results and gets an error (409) when submitting results. It repeats this loop forever.\n", Completed},
	})
	notAbout(t, "When the importer finishes, it exits with an error about the missing table and restarts.\n", Completed, "a task that ends on an error")
}

// Markdown's bold round the words that matter ("exits **0 in ~1s**") is
// read as the words.
func TestBoldWords(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a task's exit 0 in bold", "## Problem\n\n`home/aquapured` has been in **CrashLoopBackOff** (189 restarts in ~16h since first deploy). The `app` container prints its banner and exits **0 in ~1s**; the `mosquitto` bridge sidecar is healthy.\n\n## Root cause\n\nThe image entrypoint launched `aquapured -c <conf>` **without `-d`**, so the daemon took the fork path. As PID 1 in the container the parent exits 0 and the pod is torn down.\n", Completed},
	})
}

// A program that cannot reach what it needs exits with an error of its
// own: exit 139 says a segmentation fault ended it, whatever it failed to
// reach before.
func TestExit139OverFailedCall(t *testing.T) {
	log := "2025-04-11T13:30:01.221Z  WARN geo_svc::geocode: geocoder lookup failed, retrying: request to geocoder\n\nCaused by:\n    0: error sending request for url (http://geocoder.geo.svc:8080/v1/search)\n    1: operation timed out\n2025-04-11T13:30:02.450Z  INFO geo_svc::shapes: buffering polygon region=DE-BY vertices=1840223\n"
	r := Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(crashLoop("app", 139, "Error", 23))), Now: now, Logs: map[string]string{"app": log}})
	if got := r.Containers[0].Category; got != Segfault {
		t.Errorf("exit 139 after a retried timeout: got %s, want %s (%s)", got, Segfault, r.Containers[0].Summary)
	}
	r = Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(crashLoop("app", 1, "Error", 23))), Now: now, Logs: map[string]string{"app": log}})
	if got := r.Containers[0].Category; got != DependencyUnavailable {
		t.Errorf("exit 1 after the same timeout: got %s, want %s (%s)", got, DependencyUnavailable, r.Containers[0].Summary)
	}
}
