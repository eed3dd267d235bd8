package diagnose

import (
	"strings"
	"testing"
)

// logRules8 are logs for the general rules of round 8 of the corpus: each
// class of evidence its unseen reports were missed for, in several
// phrasings (not only the corpus line).
var logRules8 = []logRule{
	// An OOM kill denied in markdown emphasis is no OOM kill; the probe
	// the same prose names is the cause.
	{"oom denied in bold: the probe kills it", "the restarts are **not** OOM kills.\nThe kubelet kills `efs-plugin` on liveness-probe failure.\n", LivenessProbe, "liveness-probe failure"},
	{"oom denied in italics: the probe kills it", "These are *not* OOM kills; the liveness probe fails and the container is restarted.\n", LivenessProbe, "liveness probe fails"},
	// The runtime refuses a host mount's propagation.
	{"mount propagation: /sys on Docker Desktop", "Error: failed to start container \"node-exporter\": Error response from daemon: path /sys is mounted on /sys but it is not a shared or slave mount\n", ConfigError, "not a shared or slave mount"},
	{"mount propagation: root", "Error response from daemon: path / is mounted on / but it is not a shared mount\n", ConfigError, "not a shared mount"},
	// An init process cannot find the program it should start.
	{"init exec: tini", "[FATAL tini (8)] exec argocd-applicationset-controller failed: No such file or directory\n", CommandNotFound, "exec argocd-applicationset-controller failed"},
	{"init exec: tini with a path", "[FATAL tini (7)] exec /usr/local/bin/start.sh failed: No such file or directory\n", CommandNotFound, "start.sh failed"},
	{"init exec: dumb-init", "[dumb-init] /app/server: No such file or directory\n", CommandNotFound, "/app/server: No such file or directory"},
	// MySQL refuses a non-empty data directory, in either wording.
	{"mysql data dir: exists, aborting", "2016-12-09T10:00:00.000000Z 0 [ERROR] --initialize specified but the data directory exists. Aborting.\n", ConfigError, "--initialize specified but the data directory exists"},
	{"mysql data dir: has files", "2016-06-29T10:00:00.000000Z 0 [ERROR] --initialize specified but the data directory has files in it. Aborting.\n", ConfigError, "directory has files in it"},
	{"mysql data dir: title words", "Failed to create Database with 5.7 on Kubernetes / GCE - directory has files in it\n", ConfigError, "directory has files in it"},
	// A configured plugin that does not exist.
	{"plugin: grafana-cli", "Error: ✗ Plugin not found (Grafana v8.3.5 linux-amd64)\n", ConfigError, "Plugin not found"},
	{"plugin: fatal", "level=fatal msg=\"failed to load: plugin was not found\" plugin=azure-datasource\n", ConfigError, "plugin was not found"},
	// Corrupt data on the volume, in words or as a storage engine panic.
	{"corruption words: on-disk", "Root cause: On-disk WiredTiger corruption in a single index file.\n", ConfigError, "WiredTiger corruption"},
	{"corruption words: corrupted index file", "mongod aborts when it opens the corrupted index file on every TTL pass\n", ConfigError, "corrupted index file"},
	{"corruption: WT_PANIC", "{\"t\":{\"$date\":\"2024-01-01T00:00:00.000+00:00\"},\"s\":\"E\",\"c\":\"WT\",\"msg\":\"WiredTiger error\",\"attr\":{\"error\":-31804,\"message\":\"the process must exit and restart: WT_PANIC: WiredTiger library panic\"}}\n", ConfigError, "WT_PANIC"},
	// The app runs once its probes are disabled.
	{"probes disabled: both", "yes, as I said, if I disable both probes the application will work correctly\n", LivenessProbe, "disable both probes"},
	{"probes disabled: liveness only", "After removing the liveness probe the pod runs fine.\n", LivenessProbe, "removing the liveness probe"},
	{"probes disabled: passive", "With the probes disabled it works, so the health path must be wrong.\n", LivenessProbe, "probes disabled it works"},
	// A ConfigMap or Secret the reporter did not create.
	{"object words: missed to create", "I missed to create config map for customizing NGINX config\n", MissingConfigObject, "missed to create config map"},
	{"object words: forgot the secret", "Turned out I forgot to apply the tls secret in the new namespace.\n", MissingConfigObject, "forgot to apply the tls secret"},
	{"object words: never created", "we never created the app-config ConfigMap in staging\n", MissingConfigObject, "never created the app-config ConfigMap"},
	// A dependency down named as the reason for the crash.
	{"down words: when the operator is down", "In 1.3.0, when Dapr Operator is down (can be when upgrading to 1.4, for example), it causes all Dapr sidecars in the cluster to crash.\n", DependencyUnavailable, "when Dapr Operator is down"},
	{"down words: crashes if unreachable", "The agent crashes if the control plane is unreachable at start.\n", DependencyUnavailable, "crashes if the control plane is unreachable"},
	// Docker Compose's exit line for SIGILL.
	{"compose exit: 132", "immich_server            | [Nest] 19  - 09/05/2025, 7:38:40 PM     LOG [Api:Bootstrap] Immich Server is listening on http://[::1]:2283 [v1.140.1] [production]\nimmich_server exited with code 132\n", ExecFormat, "exited with code 132"},
	// Batch 2: a configuration file's position before the message, and a
	// version the reporter says is not supported.
	{"config position: nats.conf line and column", "nats nats-server: /etc/nats-config/nats.conf:31:1: interface conversion: interface {} is bool, not int64\nmetrics [27] 2022/09/15 20:57:47.116370 [ERR] Could not find server id: Get \"http://localhost:8222//varz\": dial tcp [::1]:8222: connect: connection refused\n", ConfigError, "nats.conf:31:1: interface conversion"},
	{"config position: yaml line", "error: /etc/app/config.yaml:12: unknown key \"listen_addr\"\n", ConfigError, "config.yaml:12: unknown key"},
	{"config position: toml in quotes", "fatal: load \"settings.toml:4:7: expected value\"\n", ConfigError, "settings.toml:4:7: expected value"},
	{"version words: does not yet support", "After some research, it seems that the latest release of Jaeger (1.41) does not yet support ES v8.x+.\n", ConfigError, "does not yet support ES v8.x+"},
	{"version words: is not compatible with", "The operator is not compatible with Kubernetes 1.25, it uses the removed PodSecurityPolicy API.\n", ConfigError, "not compatible with Kubernetes 1.25"},
	// Redis's detail line is quoted, not its banner.
	{"redis: the directive, not the banner", "*** FATAL CONFIG FILE ERROR ***\nReading the configuration file, at line 1322\n>>> 'maxmemory 256mb --maxmemory-samples 5'\nBad directive or wrong number of arguments\n", ConfigError, "Bad directive or wrong number of arguments"},
}

func TestScanLogRules8(t *testing.T) {
	for _, tc := range logRules8 {
		t.Run(tc.name, func(t *testing.T) {
			got := ScanLog(strings.NewReader(tc.log))
			if got.Category != tc.cat {
				t.Errorf("category = %s, want %s (line %q)", got.Category, tc.cat, got.Line)
			}
			if !strings.Contains(strings.Join(got.Evidence, "\n"), tc.quote) {
				t.Errorf("evidence %q lacks %q", got.Evidence, tc.quote)
			}
		})
	}
}

// TestScanLogRules8Negatives checks ordinary log lines that use the same
// words (an OOM guard being configured, mount propagation being logged,
// tini starting its child, MySQL's healthy start, an optional plugin, a
// checksum that is fine, probes being configured, a ConfigMap created, a
// dependency that recovers, a clean Compose exit): they must not be read
// as the cause.
func TestScanLogRules8Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"level=info msg=\"mount propagation set\" path=/host/sys mode=HostToContainer\n", ConfigError},
		{"[INFO tini (1)] Spawned child process 'node' with pid '7'\n", CommandNotFound},
		{"[dumb-init] Child spawned with PID 7.\n", CommandNotFound},
		{"2024-01-01T00:00:00Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.36'\n", ConfigError},
		{"INFO plugin not found in cache, downloading grafana-clock-panel\n", ConfigError},
		{"INFO integrity check passed: no data corruption found\n", ConfigError},
		{"INFO scrub finished: no corruption\n", ConfigError},
		{"level=info msg=\"probes configured\" liveness=/healthz readiness=/ready\n", LivenessProbe},
		{"INFO disabled the debug probe, server running\n", LivenessProbe},
		{"level=info msg=\"created configmap app-config\" namespace=staging\n", MissingConfigObject},
		{"WARN database was down for 3s, reconnected\n", DependencyUnavailable},
		{"INFO when the cache is down requests go straight to the database\n", DependencyUnavailable},
		{"worker_1 exited with code 0\n", ExecFormat},
		{"level=info msg=\"loaded configuration\" file=/etc/app/config.yaml\n", ConfigError},
		{"I0101 00:00:00.000000 1 main.go:42] reading settings from /etc/app/app.conf\n", ConfigError},
		{"INFO server supports TLS 1.2 and 1.3\n", ConfigError},
		{"/etc/app/config.yaml:7: warning: key \"timeout\" is deprecated, use \"timeouts.read\"\n", ConfigError},
		{"INFO client does not support compression, sending plain\n", ConfigError},
		{"worker_1 exited with code 1320 after retries\n", ExecFormat},
	})
	// A real OOM kill in words is still one when nothing denies it.
	if got := ScanLog(strings.NewReader("the pod gets OOMKilled every hour\n")); got.Category != OOMKilled {
		t.Errorf("an OOM kill in words read as %s", got.Category)
	}
}

// TestRound8WordsYieldToStatus checks that the prose rules of round 8 do
// not outweigh a live pod's recorded termination: an OOMKilled container
// stays an OOM kill whatever the log says about probes, plugins,
// ConfigMaps, dependencies or corruption.
func TestRound8WordsYieldToStatus(t *testing.T) {
	pod := testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 6)), withLiveness("api"))
	for _, log := range []string{
		"if I disable both probes the application will work correctly\n",
		"I missed to create config map for customizing NGINX config\n",
		"when the operator is down it causes all sidecars to crash\n",
		"Error: ✗ Plugin not found (Grafana v8.3.5 linux-amd64)\n",
		"Root cause: on-disk WiredTiger corruption in an index file\n",
		"app exited with code 132\n",
	} {
		r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": log}})
		if r.Category != OOMKilled {
			t.Errorf("%q: got %s, want oom_killed: %s", log, r.Category, r.Summary)
		}
	}
}

// TestLongStructuredLineQuotesItsMessage checks that a JSON or logfmt
// line too long to quote whole is quoted by its message and error as well,
// when the window into the raw record lost one end of the message; a
// short structured line or a long plain line is quoted once.
func TestLongStructuredLineQuotesItsMessage(t *testing.T) {
	pad := strings.Repeat("x", maxQuoteBytes-180) // a line too long to quote whole
	for _, tc := range []struct {
		name, log, want string
	}{
		{"json: message at the start, match at the end", `{"level":"error","ts":"2024-11-07T09:15:49Z","logger":"setup","caller":"` + pad + `","msg":"unable to initialize AWS cloud","error":"failed to get VPC ID: failed to fetch VPC ID from instance metadata: error in fetching vpc id through ec2 metadata: get mac metadata: operation error ec2imds: GetMetadata, canceled, context deadline exceeded"}` + "\n", "unable to initialize AWS cloud: failed to get VPC ID"},
		{"logfmt: the end of a long message", `time="2023-02-08T01:10:15Z" level=fatal msg="running db migrations: Migrator: problem creating schema migrations: CREATE TABLE \"schema_migrations\" (\n\"version\" VARCHAR (14) NOT NULL\n);\nCREATE UNIQUE INDEX \"schema_migrations_version_idx\" ON \"schema_migrations\" (version);: ERROR: no schema has been selected to create in (SQLSTATE 3F000)"` + "\n", "no schema has been selected to create in"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ScanLog(strings.NewReader(tc.log))
			if !strings.Contains(strings.Join(got.Evidence, "\n"), tc.want) {
				t.Errorf("evidence %q lacks %q", got.Evidence, tc.want)
			}
			for _, e := range got.Evidence {
				if len(e) > len("log: ")+maxQuoteBytes+len("…") {
					t.Errorf("evidence longer than a quote: %d bytes", len(e))
				}
			}
		})
	}
	for _, log := range []string{
		`{"level":"error","msg":"unable to connect","error":"dial tcp 10.0.0.1:5432: connect: connection refused"}` + "\n",
		"E0101 00:00:00.000000 1 main.go:12] " + strings.Repeat("a very long plain error line ", 14) + "connection refused\n",
	} {
		if got := ScanLog(strings.NewReader(log)); len(got.Evidence) != 1 {
			t.Errorf("%.60q quoted %d times: %q", log, len(got.Evidence), got.Evidence)
		}
	}
}

// TestProbeRefusalIsNoDependency checks that a kubelet's probe message
// pasted with the log ("Readiness probe failed: ... connection refused",
// the app itself not listening yet) is not read as an unreachable
// dependency and does not outrank the app's own error, while the app's
// refused connection still is one.
func TestProbeRefusalIsNoDependency(t *testing.T) {
	log := "Readiness probe failed: Get http://10.0.0.7:3000/api/health: dial tcp 10.0.0.7:3000: connect: connection refused\n" +
		"Error: ✗ Failed to send request. error: Get https://grafana.com/api/plugins/repo/x: dial tcp 1.2.3.4:443: connect: connection timed out\n"
	got := ScanLog(strings.NewReader(log))
	if got.Category != DependencyUnavailable || len(got.Evidence) == 0 || !strings.Contains(got.Evidence[0], "grafana.com") {
		t.Errorf("got %s %q, want the app's own timeout first", got.Category, got.Evidence)
	}
	if got := ScanLog(strings.NewReader("Liveness probe failed: Get http://10.0.0.7:8080/healthz: dial tcp 10.0.0.7:8080: connect: connection refused\n")); got.Category == DependencyUnavailable {
		t.Errorf("a liveness probe's refusal read as a dependency: %q", got.Line)
	}
	if got := ScanLog(strings.NewReader("error: dial tcp 10.96.0.12:5432: connect: connection refused\n")); got.Category != DependencyUnavailable {
		t.Errorf("the app's refused connection read as %s", got.Category)
	}
}
