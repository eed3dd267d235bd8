package diagnose

import "testing"

// Rules added for the faults of rounds 703 onwards and textbook batches
// 268 onwards (and the faults session 34 left for later).
func TestRules703(t *testing.T) {
	checkLogRules(t, []logRule{
		{"anyhow's chain: a helper program the image lacks", "2025-03-02T10:14:09.551Z  INFO wasm_builder: optimizer: wasm-opt -O3\nError: optimizer self-check failed\n\nCaused by:\n    0: failed to spawn `wasm-opt --version`\n    1: No such file or directory (os error 2)\n", CommandNotFound, "failed to spawn `wasm-opt --version`"},
		{"the same chain on one line", "Error: failed to spawn `ffprobe`: No such file or directory (os error 2)\n", CommandNotFound, "failed to spawn `ffprobe`"},
		{"Node's child process died of SIGSEGV under a self-test", "Error: thumbnail self-test failed\n    at selfTest (/srv/lib/thumbs.js:44:11) {\n  [cause]: Error: Command failed: /srv/bin/heic2jpg /srv/assets/selftest.heic\n    code: null,\n    killed: false,\n    signal: 'SIGSEGV',\n  }\n}\n", Segfault, "SIGSEGV"},
		{"MySQL's data directory its user cannot write", "--initialize specified but the data directory exists and is not writable. Aborting.\nThe designated data directory /var/lib/mysql/ is unusable.\nmysqld: Can't create/write to file '/var/lib/mysql/is_writable' (OS errno 13 - Permission denied)\n", PermissionDenied, "OS errno 13"},
		{"MySQL's data directory with files in it", "[ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.\n[ERROR] [MY-013236] [Server] The designated data directory /var/lib/mysql/ is unusable. You can remove all files that the server added to it.\n", ConfigError, "has files in it"},
		{"nginx's refused upstream beside the backend's own segfault", "2025/04/14 21:03:33 [error] 31#31: *9920 connect() failed (111: Connection refused) while connecting to upstream, client: 192.168.1.40, server: maps.lan, request: \"GET /tiles/12/2148/1392.png HTTP/1.1\", upstream: \"http://172.17.0.3:8088/tiles/12/2148/1392.png\"\nrender: zoom=12 x=2148 y=1392 style=osm-bright\n/usr/local/bin/start.sh: line 7:    12 Segmentation fault      (core dumped) /usr/local/bin/tiler --port 8088\n", Segfault, "Segmentation fault"},
		{"Envoy's reset upstream beside the backend's panic", "[2025-04-28T22:10:41.118Z] \"GET /v1/routes HTTP/1.1\" 503 UF upstream connect error or disconnect/reset before headers. reset reason: connection failure\npanic: runtime error: index out of range [2] with length 2\n", AppCrash, "index out of range"},
		{"nginx's refused upstream alone", "2025/04/14 21:03:33 [error] 31#31: *9920 connect() failed (111: Connection refused) while connecting to upstream, client: 192.168.1.40, server: maps.lan\n", DependencyUnavailable, "while connecting to upstream"},
		{"the reporter's 'dies with exit code 139' over a caller's proxy errors", "tile-renderer dies with exit code 139 each time it renders the first request after start (Reason: Error, no OOMKilled). The map frontend then shows this until the pod is back:\n[HPM] Error occurred while proxying request maps.example.com/tiles/12/2101/1360.png to http://tile-renderer.maps.svc:8080/ [ECONNREFUSED] (https://nodejs.org/api/errors.html#errors_common_system_errors)\n", Segfault, "exit code 139"},
		{"the reporter's finished task over a caller's refused connection", "The exporter-sync container finishes its work and exits (Completed, exit 0, after about 40 seconds), then the Deployment restarts it. While it's down, the dashboard logs this:\n2025-07-14T06:00:51.204Z WARN  datasource \"sync-metrics\" error: Post \"http://exporter-sync.ops.svc:9108/query\": dial tcp 10.96.201.5:9108: connect: connection refused\n", Completed, "finishes its work and exits"},
		{"C++'s uncaught exception over a one-word guess", "Segfault? It's C++ so I assume it's memory corruption. Exit code 134.\n[2025-04-19 15:03:11.958] [info] loaded order book snapshot: 18422 orders\nterminate called after throwing an instance of 'std::out_of_range'\n  what():  vector::_M_range_check: __n (which is 4) >= this->size() (which is 4)\nAborted (core dumped)\n", AppCrash, "std::out_of_range"},
		{"systemd's record of a container's exit 139", "Aug 12 03:14:51 media1 systemd[1]: imgproxy.service: Main process exited, code=exited, status=139/n/a\nAug 12 03:14:51 media1 systemd[1]: imgproxy.service: Failed with result 'exit-code'.\n", Segfault, "status=139/n/a"},
		{"Nomad restarting a task for its service check", "Jun 04, '25 14:21:46  Killing           Sent interrupt. Waiting 5s before force killing\nJun 04, '25 14:21:46  Restart Signaled  healthcheck: check \"search-http\" unhealthy\nConsul shows the check as `critical` with output \"Get \"http://10.0.2.31:28114/health\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\".\n", LivenessProbe, "Restart Signaled"},
		{"the JVM's native library for the other CPU", "Caused by: java.lang.UnsatisfiedLinkError: /tmp/libzstd-jni-1.5.5-6.so: /tmp/libzstd-jni-1.5.5-6.so: cannot open shared object file: No such file or directory (Possible cause: can't load AMD 64 .so on a AARCH64 platform)\n", ExecFormat, "can't load AMD 64 .so"},
		{"Go's regexp.MustCompile panicking in a package's init", "panic: regexp: Compile(`^/api/v(?P<ver>[0-9]+/(?P<rest>.*)$`): error parsing regexp: missing closing ): `^/api/v(?P<ver>[0-9]+/(?P<rest>.*)$`\n\ngoroutine 1 [running]:\nregexp.MustCompile({0xa3c1e4, 0x25})\n\t/usr/local/go/src/regexp/regexp.go:317 +0xb4\ngithub.com/acme/edge-router/internal/route.init()\n\t/src/internal/route/version.go:14 +0x25\n", AppCrash, "panic: regexp: Compile("},
		{"a pull request's account of a database not ready yet", "fix: retry MySQL connection on startup\n\nWhen catalog and MySQL start simultaneously, catalog may fail to connect if MySQL isn't ready yet. This adds a simple retry loop (6 attempts, 5s apart) to wait up to 30 seconds for MySQL, reducing unnecessary CrashLoopBackOff restarts.\n\nAlso replaces panic() with proper error return.\n", DependencyUnavailable, "isn't ready yet"},
		{"a pull request's account of the pods' start order", "Install a version without this PR and you'll see the pods fall into `Error` and `CrashLoopBackOff` states until everything settles down. This is due to dependencies between the Keptn pods.\n", DependencyUnavailable, "dependencies between"},
		{"exit code 126 in the reporter's words", "[k8s] api CrashLoopBackOff, exit code 126 after repo migration\nAfter moving the repo, `start.sh` lost its executable bit. The chart runs it as `command: [\"sh\", \"-c\", \"./start.sh\"]`, and the pod exits 126 right away:\n", CommandNotFound, "126"},
		{"a lone describe line of exit code 139", "Only the `proxy` container (envoy 1.31.0) restarts, the app is fine. Nothing in its log before it dies; describe for it:\n      Exit Code:    139\n", Segfault, "139"},
		{"restarts with exit code 139 in a title", "[k8s] proxy container restarts with exit code 139 after the 1.31 bump\n", Segfault, "exit code 139"},
		{"Liquibase's account of the JVM's heap", "ERROR: Exception Primary Class:  OutOfMemoryError\nERROR: Exception Primary Reason:  Java heap space\nERROR: Exception Primary Source:  4.29.2\n\nERROR: Liquibase failed: Java heap space\n", OOMKilled, "Java heap space"},
		{"a migration's NOT NULL over rows with nulls", "sqlalchemy.exc.IntegrityError: (psycopg2.errors.NotNullViolation) column \"region\" of relation \"vehicles\" contains null values\n\n[SQL: ALTER TABLE vehicles ALTER COLUMN region SET NOT NULL]\n", AppCrash, "contains null values"},
		{"Lens's last status", "Last Status     terminated\n                Reason: Error - exit code: 139\n", Segfault, "exit code: 139"},
		{"the reporter's account of a full volume", "On a completely idle GKE cluster, and after a week, some ElasticSearch pods have entered into a crash loop because the underlying PV is full.\nAt the moment only one of the three ElasticSearch pods is crashing, but the other two pods will very soon start crashing.\n", ConfigError, "PV is full"},
	})
	checkNotRead(t, []notRead{
		{"The pod crash loops even though the volume is not full and permissions look right.\n", ConfigError},
		{"The installer exits 127 and then 126 on the retry.\n", CommandNotFound},
		// The same panic on an expression main read from its environment.
		{"panic: regexp: Compile(`*.example.com`): error parsing regexp: missing argument to repetition operator: `*`\n\ngoroutine 1 [running]:\nregexp.MustCompile({0xc00001e0a0, 0xd})\n\t/usr/local/go/src/regexp/regexp.go:317 +0xb4\nmain.corsOrigins({0xc00001e0a0, 0xd})\n\t/src/cmd/api/main.go:41 +0x45\nmain.main()\n\t/src/cmd/api/main.go:22 +0x8b\n", AppCrash},
		{"The sync job finishes its work and exits with an error every time.\n", Completed},
		// A chain whose missing file is a file the program reads, not a program.
		{"Error: loading settings\n\nCaused by:\n    0: failed to read `/etc/relay/relay.toml`\n    1: No such file or directory (os error 2)\n", CommandNotFound},
	})
}

// A cause the reporter rules out in Japanese, Korean or Chinese ("原因は権限
// ではなく probe のタイミング") is no vote for it, as in English.
func TestCauseRuledOutInCJK(t *testing.T) {
	for _, words := range []string{
		"#4116 で commitlog の AccessDenied（権限）は解消した。しかし依然 CrashLoopBackOff で、原因は権限ではなく probe のタイミングだった。\n",
		"원인은 권한이 아니라 probe 타이밍이었다: Permission denied 는 이미 해결됨.\n",
		"不是权限问题，Permission denied 已经修好了，还是一直重启。\n",
	} {
		notAbout(t, words, PermissionDenied, words)
	}
	for _, words := range []string{
		"メモリ不足ではありません（OOMKilled ではなく Error/139 です）。\n",
		"재시작이 계속됩니다 (OOMKilled 아님).\n",
	} {
		notAbout(t, words, OOMKilled, words)
	}
}
