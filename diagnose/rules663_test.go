package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// The kernel's OOM lines pasted as the log of a container that runs and is
// ready now, beside a describe excerpt without its Restart Count: the kill
// of the container's own process is the finding, not a healthy pod; the
// kill of another process is not.
func TestKernelOOMLogNamesTheContainer(t *testing.T) {
	pod := app(0, "", func(p *corev1.Pod) {})
	st := &pod.Status.ContainerStatuses[0]
	st.LastTerminationState = corev1.ContainerState{}
	st.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}
	st.Ready, st.RestartCount = true, 0
	dmesg := "[123456.789012] app invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=985\n[123456.789345] Memory cgroup out of memory: Killed process 43121 (app) total-vm:1843212kB, anon-rss:522340kB, UID:1000\n"
	r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": dmesg}})
	if r.Healthy || r.Category != OOMKilled {
		t.Errorf("with the kernel's lines: healthy %v, %s: %s", r.Healthy, r.Category, r.Summary)
	}
	other := "[123456.789345] Memory cgroup out of memory: Killed process 43121 (postgres) total-vm:1843212kB, anon-rss:522340kB, UID:999\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": other}}); !r.Healthy {
		t.Errorf("another process's kill: %s: %s", r.Category, r.Summary)
	}
}

// Rules added for the faults of rounds 662 onwards and textbook batches
// 243 onwards.
func TestRules663(t *testing.T) {
	checkLogRules(t, []logRule{
		{"stern's pod and container names before a shell's missing command", "+ catalog-7f9c8d6b5-mx2lq › catalog\ncatalog-7f9c8d6b5-mx2lq catalog sh: 1: exec: uvicorn: not found\n- catalog-7f9c8d6b5-mx2lq › catalog\n", CommandNotFound, "uvicorn: not found"},
		{"a setting named as required", "Ethereum HTTP URL is a required parameter\n", ConfigError, "is a required parameter"},
		{"SQLAlchemy's detached instance under pydantic's validation error", "pydantic_core._pydantic_core.ValidationError: 2 validation errors for DagRun\nconsumed_asset_events.0.asset\n  Error extracting attribute: DetachedInstanceError: Parent instance <AssetEvent at 0x7aebf77c1f70> is not bound to a Session; lazy load operation of attribute 'asset' cannot proceed\n", AppCrash, "DetachedInstanceError"},
		{"a permission refusal in Korean", "mkdir: '/var/log/gyeolje' 디렉터리를 만들 수 없습니다: 허가 거부\n", PermissionDenied, "허가 거부"},
		{"Tilt's resource before each line", "api │ Detected container restart. Pod: api-84d9c6b7f5-m2lwx. Container: api.\napi │ sh: 1: exec: uvicorn: not found\n", CommandNotFound, "uvicorn: not found"},
		{"pika's bare connection error at the end of its traceback", "  File \"/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py\", line 451, in _create_connection\n    raise self._reap_last_connection_workflow_error(error)\npika.exceptions.AMQPConnectionError\n", DependencyUnavailable, "AMQPConnectionError"},
	})
}

// Lines that are not the program's error: an issue form's choice, an
// image's init script that finished.
func TestRules663NotRead(t *testing.T) {
	checkNotRead(t, []notRead{
		{"Other Airflow 3 version (please specify below)\n", ConfigError},
		{"[cont-init   ] 89-info.sh: terminated successfully.\n[cont-init   ] all container initialization scripts executed.\n[init        ] giving control to process supervisor.\n", Completed},
	})
}

// Words that name the cause beside a generic error: a refused login in
// Chinese, a container whose args are the version subcommand, a dependency
// set to localhost in the reporter's sentence; and words that deny one.
func TestRules663Words(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a refused login in Chinese", "按照作者给的命令直接启动，两个容器无限重启。日志中显示MongoDB连接问题，MongoDB 拒绝登录。\n", ConfigError},
		{"args that only print the version", "Someone added `args: [\"version\"]` to the manager container while debugging and it got merged.\nhelm-operator version: \"v1.36.1\", commit: \"37d2f28\", go version: \"go1.22.7\"\n", Completed},
		{"localhost in the reporter's sentence beside a refusal", "The RAG service has OLLAMA_BASE_URL=http://localhost:11434 and crashes on startup:\nhttpx.ConnectError: [Errno 111] Connection refused\n", ConfigError},
	})
	notAbout(t, "Segmentation fault\nПам'яті вистачає, OOMKilled = false. Підозрюю саму бібліотеку.\n", OOMKilled, "OOMKilled = false denies a kill")
}

// A container that runs but is not ready, restarted by its probe, has
// crashed before: the summary does not say it has not.
func TestRunningNotReadyAfterRestarts(t *testing.T) {
	pod := app(0, "", func(p *corev1.Pod) {})
	st := &pod.Status.ContainerStatuses[0]
	st.LastTerminationState = corev1.ContainerState{}
	st.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}
	st.Ready, st.RestartCount = false, 6
	kill := event("Killing", "", "Container app failed liveness probe, will be restarted", 2*time.Minute, 6)
	r := Diagnose(Input{Pod: pod, Events: []corev1.Event{kill}, Now: now})
	if r.Category != LivenessProbe || strings.Contains(r.Summary, "has not crashed") {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// A dependency failure the program says it got over ("request succeeded
// on attempt 2", "Redis connection established") yields to its own crash
// after it; a record of Docker's json-file log is read as the line it
// holds; kubectl's note that the log file is gone is no line of the app's.
func TestRules663Later(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a retry that succeeded, then a KeyError", "2025-03-13 02:00:01,512 WARNING invoices.client: request failed, retrying (1/3)\nrequests.exceptions.ConnectionError: HTTPConnectionPool(host='billing-api', port=80): Max retries exceeded with url: /v1/usage (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f8e2c1d0a90>: Failed to establish a new connection: [Errno 111] Connection refused'))\n2025-03-13 02:00:03,530 INFO invoices.client: request succeeded on attempt 2\nTraceback (most recent call last):\n  File \"/app/invoices/builder.py\", line 23, in build_invoices\n    customer = customers[row[\"customer_id\"]]\nKeyError: 'customer_id'\n", AppCrash, "KeyError"},
		{"Redis back, then a segfault", "[2025-03-02 11:01:22] production.WARNING: Redis connection failed, retrying (1/3): php_network_getaddresses: getaddrinfo for redis failed: Temporary failure in name resolution\n[2025-03-02 11:01:24] production.INFO: Redis connection established\n/start.sh: line 12:    23 Segmentation fault      (core dumped) php artisan queue:work --tries=3\n", Segfault, "Segmentation fault"},
		{"Docker's json-file records", "{\"log\":\"/bin/sh: 1: exec: node: not found\\n\",\"stream\":\"stderr\",\"time\":\"2025-03-13T07:40:02.221187004Z\"}\n", CommandNotFound, "exec: node: not found"},
	})
	checkNotRead(t, []notRead{
		{"failed to try resolving symlinks in path \"/var/log/pods/media_thumbor-6c9d7b5f4-t7wzp_3c2b1a09/thumbor/9.log\": lstat /var/log/pods/media_thumbor-6c9d7b5f4-t7wzp_3c2b1a09/thumbor/9.log: no such file or directory\n", ConfigError},
	})
}
