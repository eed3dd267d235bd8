package diagnose

import (
	"strings"
	"testing"
)

// logRules9 are logs for the general rules of round 9 of the corpus: each
// class of evidence its unseen reports were missed for, in several
// phrasings (not only the corpus line).
var logRules9 = []logRule{
	// SIGILL as the shell, the kernel and systemd-coredump report it; the
	// shell's own line is quoted before prose naming the error.
	{"sigill: shell line beside prose", "The image quits immediately with an \"Illegal instruction\" error.\n/app # ./avalanchego\nIllegal instruction (core dumped)\n", ExecFormat, "Illegal instruction (core dumped)"},
	{"sigill: shell job line", "run.sh: line 6:    12 Illegal instruction     (core dumped) ./bin/elastic_serving\n", ExecFormat, "Illegal instruction"},
	{"sigill: systemd-coredump", "systemd-coredump[1234]: Process 1236 (catatonit) of user 101 terminated abnormally with signal 4/ILL, processing...\n", ExecFormat, "signal 4/ILL"},
	{"sigill: kernel trap", "kernel: traps: node[4242] trap invalid opcode ip:7f00 sp:7ffd error:0 in node[400000+2000000]\n", ExecFormat, "trap invalid opcode"},
	// SIGBUS is a native crash like SIGSEGV.
	{"sigbus: shell", "/usr/local/bin/docker-php-entrypoint: line 9:     7 Bus error               (core dumped) php-fpm\n", Segfault, "Bus error"},
	{"sigbus: quoted in a title", "php-fpm crash with \"Bus error\"\n", Segfault, "Bus error"},
	{"sigbus: signal name", "fatal: worker 12 killed by SIGBUS\n", Segfault, "SIGBUS"},
	// A class the configuration names is not in the image.
	{"configured class: kafka reporter", "org.apache.kafka.common.KafkaException: com.linkedin.kafka.cruisecontrol.metricsreporter.CruiseControlMetricsReporter ClassNotFoundException exception occurred\nCaused by: java.lang.ClassNotFoundException: com.linkedin.kafka.cruisecontrol.metricsreporter.CruiseControlMetricsReporter\n", ConfigError, "ClassNotFoundException exception occurred"},
	{"configured class: kafka config", "org.apache.kafka.common.config.ConfigException: Invalid value io.confluent.Foo for configuration authorizer.class.name: Class io.confluent.Foo could not be found.\n", ConfigError, "Class io.confluent.Foo could not be found"},
	// Node's ESM loader: a module of the app is missing, not the entry point.
	{"node esm: imported from", "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/fredy/mcp/mcpHttpRoute.js' imported from /fredy/lib/api/api.js\n", AppCrash, "imported from /fredy/lib/api/api.js"},
	{"node esm: package", "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /app/dist/index.js\n", AppCrash, "Cannot find package 'zod'"},
	// glibc named as missing in words.
	{"glibc words: requirement", "we found that in v5.21.0 there is missing `GLIBC_2.28` requirement and pod crashes.\n", AppCrash, "GLIBC_2.28"},
	{"glibc words: requires", "the new binary requires GLIBC 2.34 but the base image ships 2.31\n", AppCrash, "GLIBC 2.34"},
	{"glibc: loader lines, the first quoted", "app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.32' not found (required by app)\napp: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by app)\n", AppCrash, "GLIBC_2.32"},
	// A node clock out of sync with its peers.
	{"clock: cockroach", "F210902 10:09:24.949836 206 server/server.go:297  [n?] clock synchronization error: this node is more than 1s away from at least half of the known nodes (0 of 1 are within the offset)\n", ConfigError, "clock synchronization error"},
	{"clock: kerberos", "GSSException: Clock skew too great (37) - PROCESS_TGS\n", ConfigError, "Clock skew too great"},
	{"clock: offset exceeds", "level=fatal msg=\"clock offset 2.3s exceeds the maximum of 500ms\"\n", ConfigError, "clock offset 2.3s exceeds"},
	// Galera after every node stopped.
	{"galera: bitnami", "mariadb 10:00:00.00 ERROR ==> It is not safe to bootstrap form this node ('safe_to_bootstrap=0' is set in 'grastate.dat'). If you want to force bootstrap, set the environment variable MARIADB_GALERA_FORCE_SAFETOBOOTSTRAP=yes\n", ConfigError, "not safe to bootstrap"},
	{"galera: wsrep", "2024-01-01  0:00:00 0 [ERROR] WSREP: It may not be safe to bootstrap the cluster from this node. It was not the last one to leave the cluster and may not contain all the updates.\n", ConfigError, "not be safe to bootstrap"},
	// A member the cluster removed.
	{"removed member: leader's line", "{\"level\":\"warn\",\"msg\":\"rejected stream from remote peer because it was removed\",\"local-member-id\":\"a1\"}\n", ConfigError, "because it was removed"},
	{"removed member: own line", "{\"level\":\"fatal\",\"msg\":\"the member has been permanently removed from the cluster\"}\n", ConfigError, "permanently removed from the cluster"},
	// uWSGI without an app.
	{"uwsgi: no app", "--- no python application found, check your startup logs for errors ---\n", AppCrash, "no python application found"},
	// A file the server may not read.
	{"permission words: tomcat", "WARNING: Unable to load server configuration from [/usr/local/tomcat/conf/server.xml]\nWARNING: Permissions incorrect, read permission is not allowed on the file.\nSEVERE: Cannot start server. Server instance is not configured.\n", PermissionDenied, "read permission is not allowed"},
	{"permission words: write permission missing", "ERROR write permission missing on /var/lib/app/data\n", PermissionDenied, "write permission missing"},
	// A volume mounted read-only, in words.
	{"read-only words: mounted as", "\"Database volume is mounted as read-only and result in CrashLoopBackOff status of a db pod.\"\n", PermissionDenied, "mounted as read-only"},
	{"read-only words: remounted", "The OS will mount the corrupted filesystem as `read-only` to protect against further damages.\n", PermissionDenied, "as `read-only`"},
	{"read-only words: cannot write", "the pod crashes because the db cannot write the data to the volume anymore\n", PermissionDenied, "cannot write the data to the volume"},
	// The kubelet judges the container unhealthy and kills it.
	{"probe kill words: assumes", "Kubernetes assumes the container is unhealthy and kills it, causing a restart.\n", LivenessProbe, "assumes the container is unhealthy"},
	{"probe kill words: kubelet marks", "the kubelet marks the pod unhealthy and restarts it before the migration ends\n", LivenessProbe, "marks the pod unhealthy and restarts"},
	// Data named corrupt with a subject, misspelt too; Kafka's KRaft log.
	{"corrupt subject: misspelt", "Kafka is restarting frequently saying metadata log is currupted-\n", ConfigError, "metadata log is currupted"},
	{"corrupt subject: index", "the index file was corrupted after the node lost power\n", ConfigError, "index file was corrupted"},
	{"kraft: metadata replay", "[2025-04-10 04:23:12,167] ERROR Encountered fatal fault: Error loading metadata log record from offset 9930471116 (org.apache.kafka.server.fault.ProcessTerminatingFaultHandler)\n", ConfigError, "Error loading metadata log record"},
}

func TestScanLogRules9(t *testing.T) {
	checkLogRules(t, logRules9)
}

// TestScanLogRules9Negatives checks ordinary log lines that use the same
// words (a D-Bus or message-bus error, a class loaded by name, glibc
// reported, clock sync working, a Galera node that may bootstrap, a
// member removed on purpose, uWSGI's healthy start, permissions checked,
// read-only mounts configured, a probe passing, corruption ruled out):
// they must not be read as the cause.
func TestScanLogRules9Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"WARN dbus error: org.freedesktop.DBus.Error.ServiceUnknown\n", Segfault},
		{"ERROR service bus error: the lock supplied is invalid, retrying\n", Segfault},
		{"ERROR event bus error while publishing order.created, retrying\n", Segfault},
		{"INFO loaded class com.example.Reporter for configuration metric.reporters\n", ConfigError},
		{"INFO detected GLIBC 2.36, using optimised allocator\n", AppCrash},
		{"INFO clock synchronization ok: offset 2ms\n", ConfigError},
		{"INFO WSREP: Found saved state: 1a2b:42, safe_to_bootstrap: 1\n", ConfigError},
		{"INFO member 8e9e05c52164694d removed from the cluster by operator request\n", ConfigError},
		{"WSGI app 0 (mountpoint='') ready in 1 seconds on interpreter 0x55 pid: 38 (default app)\n", AppCrash},
		{"INFO checking permissions: permissions are correct\n", PermissionDenied},
		{"INFO config volume is mounted as read-only: readOnly: true\n", PermissionDenied},
		{"INFO secrets are mounted read-only by design\n", PermissionDenied},
		{"INFO liveness probe passed, container healthy\n", LivenessProbe},
		{"INFO integrity check: metadata log is not corrupt\n", ConfigError},
		{"INFO kernel traps: none recorded since boot\n", ExecFormat},
	})
}

// TestRound9WordsYieldToStatus checks that the prose rules of round 9 do
// not outweigh a live pod's recorded termination: an OOMKilled container
// stays an OOM kill whatever the log says about read-only volumes, the
// kubelet's judgement, corruption, glibc or clocks.
func TestRound9WordsYieldToStatus(t *testing.T) {
	pod := testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 6)), withLiveness("api"))
	for _, log := range []string{
		"Database volume is mounted as read-only and result in CrashLoopBackOff\n",
		"Kubernetes assumes the container is unhealthy and kills it\n",
		"metadata log is currupted\n",
		"there is missing `GLIBC_2.28` requirement and pod crashes\n",
		"php-fpm crash with \"Bus error\"\n",
	} {
		r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": log}})
		if r.Category != OOMKilled {
			t.Errorf("%q: got %s, want oom_killed: %s", log, r.Category, r.Summary)
		}
	}
	// A live exit 139 stays a segfault though the log names a bus error
	// only in words; a live exit 132 stays an illegal instruction.
	if r := Diagnose(Input{Pod: testPod([]string{"api"}, setStatus(crashLoop("api", 132, "Error", 4))), Now: now, Logs: map[string]string{"api": "INFO starting\n"}}); r.Category != ExecFormat {
		t.Errorf("exit 132: got %s", r.Category)
	}
	if strings.TrimSpace(logRules9[0].quote) == "" {
		t.Fatal("rule table lost its quotes")
	}
}

// TestDependencyBeforeGoPanicStaysTheCause checks that a Go program which
// cannot reach its dependency and then dereferences the nil client is
// diagnosed by the refused connection, not by the panic it leads to (why
// a Go runtime error weighs less than a specific cause; round 9 left the
// "segfault"-titled Go panic as a miss rather than raise that weight).
func TestDependencyBeforeGoPanicStaysTheCause(t *testing.T) {
	log := "E0101 00:00:00.000000 1 main.go:10] failed to connect: dial tcp 10.0.0.5:5432: connect: connection refused\n" +
		"panic: runtime error: invalid memory address or nil pointer dereference\n" +
		"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b1c]\n"
	if got := ScanLog(strings.NewReader(log)); got.Category != DependencyUnavailable {
		t.Errorf("got %s (%q), want the refused connection", got.Category, got.Line)
	}
}
