package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 450 to 473 (session 45).
func TestRules750(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a refusal that names no address with the host set to localhost in a sentence", "INFO temp_logger: starting\nConnectionRefusedError: [Errno 111] Connection refused\n\nservice/mosquitto   NodePort   10.43.51.20    <none>        1883:31883/TCP   2d\n\nThe logger's env is copied from the compose file: MQTT_HOST=localhost, MQTT_PORT=1883.\n", ConfigError, "Connection refused"},
		{"httpx's failed attempts with the API URL set to the pod itself", "httpx.ConnectError: All connection attempts failed\nAn exception occurred.\n\n        env:\n          - name: PREFECT_API_URL\n            value: http://127.0.0.1:4200/api\n", ConfigError, "All connection attempts failed"},
		{"httpx's failed attempts with the API URL set to a service", "httpx.ConnectError: All connection attempts failed\nAn exception occurred.\n\n        env:\n          - name: PREFECT_API_URL\n            value: http://prefect-server:4200/api\n", DependencyUnavailable, "All connection attempts failed"},
		{"GHC's pattern-match failure", "[2025-06-16 06:02:01 UTC] Info  fetched 500 orders\norder-sync: src/OrderSync/Status.hs:(27,3)-(33,35): Non-exhaustive patterns in case\n", AppCrash, "Non-exhaustive patterns in case"},
		{"a termination in YAML's flow form in a sentence", "2025-01-14 09:44:03.019 INFO  migratus.core - Ending migrations\n\nlastState.terminated: {exitCode: 0, reason: Completed}. The migration is applied fine.\n", Completed, "exitCode: 0, reason: Completed"},
		{"a termination in YAML's flow form with an error", "2025-01-14 09:44:03.019 ERROR migratus.core - migration failed\n\nlastState.terminated: {exitCode: 1, reason: Error}. The migration is not applied.\n", ConfigError, "migration failed"},
		{"MySQL on a data directory of a newer version", "2024-07-09T22:03:52.611202Z 1 [ERROR] [MY-013171] [InnoDB] Cannot boot server version 80036 on data directory built by version 80400. Downgrade is not supported\n2024-07-09T22:03:53.613426Z 0 [ERROR] [MY-010119] [Server] Aborting\n", ConfigError, "built by version 80400"},
		{"Polars' check of the CPU's features", "2024-08-13 03:22:06,412 INFO worker: picked up job 48211\n/app/.venv/lib/python3.12/site-packages/polars/_cpu_check.py:259: RuntimeWarning: Missing required CPU features.\n\nThe following required CPU features were not detected:\n    avx2, fma, bmi1, bmi2, lzcnt, movbe\n", ExecFormat, "required CPU features"},
		{"Ceph's failed assertion", "/build/ceph-17.2.6/src/mgr/DaemonServer.cc: 2961: FAILED ceph_assert(pending_service_map.epoch > service_map.epoch)\n ceph version 17.2.6 (d7ff0d10654d2280e08f1ab989c7cdf3064446a5) quincy (stable)\n*** Caught signal (Aborted) **\n\nLast State: Terminated / Reason: Error / Exit Code: 134. Memory is fine (1.2Gi of 2Gi).\n", AppCrash, "FAILED ceph_assert"},
		{"Factorio's multiplayer bind", "  12.345 Error ServerMultiplayerManager.cpp:96: MultiplayerManager failed: \"Host address is already in use.\"\n  12.346 Quitting: multiplayer error.\n", PortConflict, "Host address is already in use"},
		{"GlassFish's port range", "[#|2025-02-11T09:14:02.118+0000|SEVERE|glassfish 5.1|javax.enterprise.system.core|_ThreadID=1;|Shutting down GlassFish due to startup exception : No free port within range: 8080=com.sun.enterprise.v3.services.impl.monitor.MonitorableSelectorHandler@5b1d2887|#]\n", PortConflict, "No free port within range"},
		{"an address setting without its port", "time=\"2025-03-27T18:44:10Z\" level=error msg=\"Failed to init component statestore (state.redis/v1): redis store: error connecting to redis at redis-master.redis.svc.cluster.local: dial tcp: address redis-master.redis.svc.cluster.local: missing port in address\"\n", ConfigError, "missing port in address"},
		{"a Fastify plugin for another fastify", "FastifyError: fastify-plugin: @fastify/cors - expected '5.x' fastify version, '4.29.0' is installed\n    at checkVersion (/app/node_modules/fastify/lib/pluginUtils.js:126:11) {\n  code: 'FST_ERR_PLUGIN_VERSION_MISMATCH',\n", AppCrash, "expected '5.x' fastify version"},
		{"podman run's missing secret", "Mar 06 20:11:40 wiki02 wiki[4411]: Error: wiki-db-pass: no such secret\nMar 06 20:11:40 wiki02 systemd[1]: wiki.service: Main process exited, code=exited, status=125/n/a\n", MissingConfigObject, "no such secret"},
		{"containerd's TaskOOM event in its newer form", "Mar 11 03:17:54 k8s-w4 containerd[1021]: time=\"2025-03-11T03:17:54.601223480Z\" level=info msg=\"TaskOOM event container_id:\\\"5e2b7c90a1d4\\\"\"\n", OOMKilled, "TaskOOM event"},
		{"a dotted property pointing at localhost", "spring.datasource.url=jdbc:mysql://localhost:3306/orders?useSSL=false\n\nmysql-0   1/1   Running   0   2d   10.42.0.17\ncom.mysql.jdbc.exceptions.jdbc4.CommunicationsException: Communications link failure\nCaused by: java.net.ConnectException: Connection refused (Connection refused)\n", ConfigError, "Connection refused"},
		{"a refusal between containers of one podman pod", "notifier[2211]: Error: connect ECONNREFUSED 127.0.0.1:5672\n\nBoth are in Pod=messaging.pod, and notifier has no After=rabbitmq.service.\n", DependencyUnavailable, "ECONNREFUSED"},
		{"oauth2-proxy's OIDC discovery answered with a 502", "[2025/03/02 10:11:12] [main.go:60] ERROR: Failed to initialise OAuth2 Proxy: error initialising provider: could not create provider data: error building OIDC ProviderVerifier: could not get verifier builder: error while discovery OIDC configuration: failed to discover OIDC configuration: unexpected status \"502\": <html>Bad Gateway</html>\n", DependencyUnavailable, "unexpected status"},
		{"BIND's INSIST", "20-Feb-2025 10:11:12.345 rbtdb.c:1582: INSIST(header->down == NULL) failed, back trace\n20-Feb-2025 10:11:12.345 exiting (due to assertion failure)\n", AppCrash, "INSIST"},
		{"Redis crashed by SIGILL", "1:M 04 Mar 2025 17:23:12.118 # Redis 7.2.7 crashed by signal: 4, si_code: 2\n1:M 04 Mar 2025 17:23:12.118 # Crashed running the instruction at: 0x7f4be1a3c2d4\n", ExecFormat, "crashed by signal: 4"},
		{"civetweb's bind", "terminate called after throwing an instance of 'CivetException'\n  what():  null context when constructing CivetServer. Possible problem binding to port.\n", PortConflict, "Possible problem binding to port"},
		{"an OOM kill ruled out as what it would look like", "Segmentation fault (core dumped) /opt/matcher/bin/matcher\nExit Code 139; an OOM kill would be 137 / OOMKilled.\n", Segfault, "Segmentation fault"},
		{"a segfault beside a sentence in Russian that rules the OOM killer out", "Воркер падает с кодом 139. Думал, что это нехватка памяти, но OOMKilled нигде не видно.\nSegmentation fault (core dumped)\n", Segfault, "Segmentation fault"},
	})
}

// A server that cannot listen and returns from main with 0 (the CSI
// livenessprobe sidecar) is a port conflict, not a finished task; a task
// whose log ends in its success stays finished.
func TestPortConflictThenExitZero(t *testing.T) {
	pod := testPod([]string{"app"}, setStatus(crashLoop("app", 0, "Completed", 9)))
	log := "I0604 10:12:41.311958       1 main.go:170] \"ServeMux listening\" address=\"0.0.0.0:29603\"\nE0604 10:12:41.312107       1 main.go:173] \"Failed to start http server\" err=\"listen tcp 0.0.0.0:29603: bind: address already in use\"\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": log}}); r.Category != PortConflict {
		t.Errorf("got %s, want port_conflict: %s", r.Category, r.Summary)
	}
	done := "Successfully validated 14 migrations (execution time 00:00.041s)\nSchema \"public\" is up to date. No migration necessary.\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": done}}); r.Category != Completed {
		t.Errorf("got %s, want completed: %s", r.Category, r.Summary)
	}
}

// A title that states a cause the recorded termination rules out is a
// wrong guess: the program's own line decides. An OOM kill is 137 or
// reason OOMKilled; a probe kill leaves probe events, and ends in 137,
// 143 or a clean 0.
func TestClaimRuledOutByTermination(t *testing.T) {
	for _, tc := range []struct {
		name   string
		code   int32
		reason string
		log    string
		events []corev1.Event
		want   Category
	}{
		{"an OOM kill claimed above exit 127", 127, "Error",
			"Flask pod gets OOMKilled instantly after switching to slim base image\n\nWe moved our Dockerfile to python:3.11-slim and now the pod dies right at startup.\n\nsh: 1: gunicorn: not found\n", nil, CommandNotFound},
		{"a probe kill claimed above a panic and exit 101", 101, "Error",
			"Liveness probe restarts my Rust API right after deploy\n\n2025-03-29T11:02:05.311902Z  INFO geo_router::regions: loading 41 region definitions\nthread 'main' panicked at src/regions.rs:57:38:\ncalled `Option::unwrap()` on a `None` value\n", nil, AppCrash},
		{"an OOM kill claimed above a refused mkdir and exit 1", 1, "Error",
			"Postgres pod OOMKilled on startup after moving to the new storage class\n\npostgresql 09:12:01.19 INFO  ==> Initializing PostgreSQL database...\nmkdir: cannot create directory '/bitnami/postgresql/data': Permission denied\n", nil, PermissionDenied},
		{"an OOM kill claimed and recorded", 137, "OOMKilled",
			"Flask pod gets OOMKilled instantly after switching to slim base image\n\nsh: 1: gunicorn: not found\n", nil, OOMKilled},
		{"a probe kill claimed with the probe's events", 1, "Error",
			"Liveness probe restarts my Rust API right after deploy\n\nthread 'main' panicked at src/regions.rs:57:38:\ncalled `Option::unwrap()` on a `None` value\n",
			[]corev1.Event{event("Unhealthy", "app", "Liveness probe failed: Get \"http://10.1.2.3:3000/livez\": dial tcp 10.1.2.3:3000: connect: connection refused", time.Minute, 9),
				event("Killing", "app", "Container app failed liveness probe, will be restarted", time.Minute, 3)}, LivenessProbe},
		{"a runtime's heap limit under a title about DNS", 134, "Error",
			"Next.js SSR pod crashlooping on EKS - CoreDNS can't resolve our CMS API\n\n cause: Error: getaddrinfo EAI_AGAIN cms.internal.example.com\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n", nil, OOMKilled},
	} {
		pod := testPod([]string{"app"}, setStatus(crashLoop("app", tc.code, tc.reason, 6)), withLiveness("app"))
		r := Diagnose(Input{Pod: pod, Now: now, Events: tc.events, Logs: map[string]string{"app": tc.log}})
		if r.Category != tc.want {
			t.Errorf("%s: got %s, want %s: %s", tc.name, r.Category, tc.want, r.Summary)
		}
	}
}

// Changes the reporter tried in vain (more memory, the probe removed)
// name no cause: the program's own line decides. A raise that fixed it
// still names the memory limit.
func TestChangesTriedInVain(t *testing.T) {
	for _, tc := range []struct {
		name, log string
		code      int32
		reason    string
		want      Category
	}{
		{"a list of tries under 'no difference'", "go api panics on start - tried memory + probe, no difference\n\n1. raised memory to 512Mi\n2. removed liveness probe\n\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x30 pc=0x8b3f2e]\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/catalog/main.go:37 +0x3f4\n", 1, "Error", AppCrash},
		{"a raise tried, then 'Still restarting'", "I tried bumping memory to 512Mi, then adding -connectRetries=10. Still restarting, now the log says:\nSchema \"public\" is up to date. No migration necessary.\n", 0, "Completed", Completed},
		{"a probe removed among tries, 'Every time'", "Tried: raising memory to 2Gi, removing the probe, switching the base image, and running on another node. Every time the log ends the same:\nmatcher: segfault at 18 ip 00007f2c4a1b3c2d sp 00007ffd1e2f3a40 error 4 in librules.so.4[7f2c4a1a0000+40000]\n", 139, "Error", Segfault},
		{"a raise that fixed it", "The memory limit was too low, I bumped it to 1Gi and it is stable now.\n", 1, "Error", OOMKilled},
	} {
		pod := testPod([]string{"app"}, setStatus(crashLoop("app", tc.code, tc.reason, 6)))
		if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": tc.log}}); r.Category != tc.want {
			t.Errorf("%s: got %s, want %s: %s", tc.name, r.Category, tc.want, r.Summary)
		}
	}
}
