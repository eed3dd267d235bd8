package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules from the misses of held-out rounds 79 to 89 (observability, CI/CD,
// networking, storage, operators, Kubernetes' own components), each
// written for the general shape, not the report.
func TestRules79(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Beats refuses a config file it does not own", "Exiting: error loading config file: config file (\"filebeat.yml\") must be owned by the user identifier (uid=0) or root\n", PermissionDenied, "must be owned by the"},
		{"Beats refuses a group-writable config file", "Exiting: error loading config file: config file (\"/etc/filebeat/filebeat.yml\") can only be writable by the owner but the permissions are \"-rw-rw-r--\"\n", PermissionDenied, "writable by the owner"},
		{"flags required by a server are settings", "TokenRequest and TokenRequestProjection are now GA features. The following flags are required by the API server: --service-account-issuer, --service-account-signing-key-file\n", ConfigError, "required by the API server"},
		{"a sealed Vault answers 503", "Error making API request.\n\nURL: GET https://vault:8200/v1/secret/data/app\nCode: 503. Errors:\n\n* Vault is sealed\n", DependencyUnavailable, "Vault is sealed"},
		{"a cache sync given up after the API server timed out", "E0101 10:00:00.000000 1 reflector.go:138] failed to list *v1.Pod: Get \"https://10.96.0.1:443/api/v1/pods?limit=500\": dial tcp 10.96.0.1:443: i/o timeout\nF0101 10:00:30.000000 1 main.go:77] failed to sync cache: timed out waiting for caches to sync\n", DependencyUnavailable, "i/o timeout"},
		{"Windows cannot find the entrypoint", "Error: failed to start containerd task \"web\": hcs::System::CreateProcess web: The system cannot find the file specified.: unknown\n", CommandNotFound, "CreateProcess"},
		{"a console command that does not exist", "  ERROR  Command \"horizon\" is not defined.\n\n  Did you mean one of these?\n", ConfigError, "is not defined"},
		{"Go's own fatal error outweighs the probe that trips after it", "The previous container's log ends in a Go runtime crash:\nfatal error: concurrent map writes\n  ... pkg/container-collection.(*GadgetPubSub).Publish (pubsub.go:124)\nIt crashes, the kubelet restarts it, then the startup probe trips a few times with `context deadline exceeded` while it starts.\n", AppCrash, "concurrent map writes"},
		{"a Go deadlock", "2023/01/02 10:00:00 starting bot\nfatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:\nmain.main()\n", AppCrash, "deadlock"},
		{"a failed allocation before the parse error it caused", "LibClamAV Warning: Cannot dlopen libclamunrar_iface: file not found\nLibClamAV Error: mpool_malloc(): Can't allocate memory (262144 bytes).\nLibClamAV Error: cli_mpool_strdup(): Can't allocate memory (22 bytes).\nLibClamAV Error: cli_loadhash: Problem parsing database at line 2387764\nLibClamAV Error: Can't load main.mdb: Malformed database\n", OOMKilled, "allocate memory"},
		{"the kernel's invalid opcode, without its traps: prefix", "rspamd - trap invalid opcode - libhs.so.5.4.8\n", ExecFormat, "invalid opcode"},
		{"a Rust program that unwraps the connection error it gave up on", "WARN rpc: Connection attempt 1 failed, retrying in 1000ms: transport error\nERROR rpc: Failed to establish connection after 5 attempts\n\nthread 'main' (1) panicked at src/main.rs:55:6:\ncalled `Result::unwrap()` on an `Err` value: FlagdError(\"transport error\")\n", DependencyUnavailable, "Failed to establish connection"},
		{"a crash loop told as happening when a dependency is not reachable", "The shipping service crash-loops if flagd isn't reachable within 5 startup retries.\n", DependencyUnavailable, "isn't reachable"},
		{"HAProxy's summary refers back to the parse errors above it", "[ALERT] 013/235213 (1) : parsing [/usr/local/etc/haproxy/haproxy.cfg:8] : unexpected character 'e' in 'timeout client'\n[ALERT] 013/235213 (1) : Error(s) found in configuration file : /usr/local/etc/haproxy/haproxy.cfg\n[ALERT] 013/235213 (1) : Fatal errors found in configuration.\n", ConfigError, "unexpected character"},
		{"an entrypoint that adds its group again on a restart", "Add user 'smb' $addgroup: group 'smb' in use,\n", ConfigError, "in use"},
		{"useradd finds the user it made before", "useradd: user 'app' already exists\n", ConfigError, "already exists"},
		{"two controllers under one name are a bug", "ERROR setup unable to create controller {\"error\": \"controller with name node already exists. Controller names must be unique to avoid multiple controllers reporting to the same metric\"}\n", AppCrash, "must be unique"},
		{"musl's loader refuses a glibc binary", "/lib/ld-musl-aarch64.so.1: /usr/bin/torrserver: Not a valid dynamic program\n", CommandNotFound, "Not a valid dynamic program"},
		{"exit code 132 in words", "Container is always crashing with error 132.\n", ExecFormat, "132"},
		{"a library's missing version is still a bug's", "/app/server: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app/server)\n", AppCrash, "GLIBC_2.34"},
	})
	checkNotRead(t, []notRead{
		{"E0225 21:32:20.051895 1 proxier.go:733] \"Error cleaning up nftables rules\" err=\"could not find nftables binary: exec: \\\"nft\\\": executable file not found in $PATH\"\nI0225 21:32:20.1 1 server.go:680] \"Successfully retrieved node IP(s)\"\n", CommandNotFound},
		{"argocd: v2.13.0-rc1+74a367d\n  BuildDate: 2024-09-16T08:51:02Z\n  GoVersion: go1.22.7\n  Platform: darwin/arm64\n", ExecFormat},
		{"Error: Unable to open file /mosquitto/config/passwords for writing. File exists.\n", PermissionDenied},
		{"2021-09-03T18:35:03Z [DEBUG] P2P_PEER_ID was not set, using the first available key\n", ConfigError},
		{"time=\"2022-03-08T15:59:28Z\" level=info msg=\"cannot list the content of the src directory /var/lib/engine-binaries for the copy, will do nothing: no such file or directory\"\n", ConfigError},
		{"Started 132 workers, exiting after 139 jobs\nerror: listen tcp :8080: bind: address already in use\n", ExecFormat},
		{"2024-03-01 10:00:00.000 UTC [1] LOG node arm64, 4 CPUs\n2024-03-01 10:00:00.100 UTC [1] FATAL main section missing from the ini file\n", ExecFormat},
		{"I0101 10:00:00 1 main.go:12] waiting for caches to sync\nF0101 10:00:30 1 main.go:77] failed to sync cache: timed out waiting for caches to sync\n", DependencyUnavailable},
	})
}

// TestOOMKilledBeforeIsNoHealthyPod: running and ready again, a container
// whose previous instance was OOM-killed restarts each time it reaches its
// limit; that is the finding, not a healthy pod (some runtimes record the
// kill with exit code 0).
func TestOOMKilledBeforeIsNoHealthyPod(t *testing.T) {
	st := running("app")
	st.RestartCount = 12
	st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{Reason: "OOMKilled", ExitCode: 0, StartedAt: ts(20 * time.Minute), FinishedAt: ts(10 * time.Minute)}
	r := Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(st)), Now: now})
	if r.Healthy || r.Category != OOMKilled || strings.Contains(r.ExitMeaning, "success") {
		t.Fatalf("healthy=%v %s (%s): %s", r.Healthy, r.Category, r.ExitMeaning, r.Summary)
	}
	st.LastTerminationState.Terminated.Reason, st.LastTerminationState.Terminated.ExitCode = "Error", 1
	if r := Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(st)), Now: now}); !r.Healthy {
		t.Errorf("recovered after an error, with no log: want healthy, got %s: %s", r.Category, r.Summary)
	}
}

// TestDaemonLogThatStopsWithWordsOfACause: a service's info log that simply
// stops (the kill came from outside) and the reporter's words that name
// the kind of cause ("goes OOM"): the words are the only hint, a weak one.
func TestDaemonLogThatStopsWithWordsOfACause(t *testing.T) {
	log := "The compactor uses up 23GB of RAM and goes OOM, rinse and repeat\n" +
		"level=info ts=2018-09-13T08:25:44Z caller=main.go:243 msg=\"Listening for metrics\" address=0.0.0.0:10902\n" +
		"level=info ts=2018-09-13T08:25:44Z caller=compact.go:231 msg=\"starting compact node\"\n" +
		"level=info ts=2018-09-13T08:25:46Z caller=compact.go:171 msg=\"start first pass of downsampling\"\n" +
		"It takes about 20 minutes from container startup to OOM, then it is killed.\n" +
		"That was the last log entry each time, there is nothing after it.\n" +
		"Kubernetes then starts it again and the same happens on the same block.\n"
	// Words that say it is stuck and hits its limit speak of a failure
	// as much as "crash" does.
	stuck := "The compactor is stuck on downsampling and makes no progress.\n" +
		"It eventually hit the memory limit (40GB) for the pod and is terminated.\n" +
		"level=info ts=2019-11-21T00:19:33Z caller=compact.go:271 msg=\"start first pass of downsampling\"\n" +
		"level=info ts=2019-11-21T00:28:48Z caller=downsample.go:257 msg=\"downloaded block\"\n" +
		"This is where the log ends, every time it starts again.\n"
	checkReportsRead(t, []reportRead{{log, OOMKilled}, {stuck, OOMKilled}})
}

// TestPlatformPrefixedLinesAreNoProse: a platform's log prefix before a
// bracketed level (Fly.io's "app[id] region [info]") marks a program's
// line, whose words ("DNS: ...") are not the reporter's.
func TestPlatformPrefixedLinesAreNoProse(t *testing.T) {
	for _, line := range []string{
		"app[148ed6e1f7d248] mia [info] 2023/08/15 15:45:33 listening on [fdaa::2]:22 (DNS: [fdaa::3]:53)",
		"runner[148ed6e1f7d248] mia [info] machine has reached its max restart count (10)",
		"Waiting for user info...OK",
		"Checking the configuration... done",
	} {
		if !programLine([]byte(line)) {
			t.Errorf("%q read as the reporter's words", line)
		}
	}
	if programLine([]byte("The pod keeps restarting after [info] lines stop")) {
		t.Error("a sentence read as a program's line")
	}
}

// TestIllegalInstructionIsSaidAsSuch: a binary that needs CPU instructions
// the node lacks is not said to be built for another architecture.
func TestIllegalInstructionIsSaidAsSuch(t *testing.T) {
	r := Diagnose(Input{Pod: noState, Logs: map[string]string{"app": "rspamd - trap invalid opcode - libhs.so.5.4.8\n"}})
	if r.Category != ExecFormat || !strings.Contains(r.Summary, "CPU instructions") {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// TestCleanupErrorIsNoCause: an error a program logs while cleaning up
// another mode's leftovers (kube-proxy's nftables rules) is not what it
// stopped on; the reporter's words name the cause.
func TestCleanupErrorIsNoCause(t *testing.T) {
	checkReportsRead(t, []reportRead{{text: "kube-proxy crash looping due to high resource utilization and failed liveness checks\n" +
		"After the upgrade from 1.31.4 to 1.32.1 the kube-proxy pods use a lot of CPU on every node.\n" +
		"The kubelet keeps restarting them on all three nodes of the cluster.\n" +
		"E0225 21:32:20.051895 1 proxier.go:733] \"Error cleaning up nftables rules\" err=\"could not find nftables binary: exec: \\\"nft\\\": executable file not found in $PATH\"\n" +
		"I0225 21:32:20.100000 1 server.go:680] \"Successfully retrieved node IP(s)\"\n", want: LivenessProbe}})
}
