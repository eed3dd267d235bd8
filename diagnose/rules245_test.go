package diagnose

import (
	"strings"
	"testing"
)

// Rules from the misses of held-out rounds 245 to 250 (init containers,
// Python services, Helm values, Spring Boot and Quarkus, host upgrades,
// the Kafka ecosystem).
func TestRules245(t *testing.T) {
	checkLogRules(t, []logRule{
		{"nsenter on a host without the shell it runs", "mount-cgroup nsenter: failed to execute sh: No such file or directory\n", CommandNotFound, "failed to execute sh"},
		{"chroot without the command", "chroot: failed to run command '/bin/bash': No such file or directory\n", CommandNotFound, "failed to run command"},
		{"apk cannot fetch its index", "WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.20/main: temporary error\nERROR: unable to select packages: gettext (no such package)\n", DependencyUnavailable, "temporary error"},
		{"a Java future that timed out at start", "ERROR Failed to start KSQL (io.confluent.ksql.rest.server.KsqlServerMain:66)\njava.lang.RuntimeException: Failed to get Kafka cluster information\n\tat io.confluent.ksql.services.KafkaClusterUtil.getKafkaClusterId(KafkaClusterUtil.java:107)\nCaused by: java.util.concurrent.TimeoutException\n\tat org.apache.kafka.common.internals.KafkaFutureImpl$SingleWaiter.await(KafkaFutureImpl.java:108)\n", DependencyUnavailable, "TimeoutException"},
	})
}

// client-go's "resource name may not be empty" after a secret's label is
// an error, not the secret's value.
func TestRedactKeepsResourceNameError(t *testing.T) {
	in := "Error while getting server secret: resource name may not be empty"
	if got, redacted := Redact(in); redacted || !strings.Contains(got, "resource name may not be empty") {
		t.Errorf("Redact(%q) = %q, %v", in, got, redacted)
	}
	if _, redacted := Redact("secret: hunter2hunter2"); !redacted {
		t.Error("a secret's value after its label was not redacted")
	}
}

// Rules from the misses of held-out rounds 251 to 263 (volumes, empty
// logs, Git servers, database TLS, wrong addresses, Rust services, files
// missing from images, locales, leases, Secret values, migrations, start
// order).
func TestRules251(t *testing.T) {
	checkLogRules(t, []logRule{
		{"lib/pq against a server without TLS", "waiting for postgres (30/30): pq: SSL is not enabled on the server\n", ConfigError, "SSL is not enabled"},
		{"clap's unrecognized subcommand in words", "causing `vector vector --config ...` → \"unrecognized subcommand\" crash-loop. Removed the duplicate.\n", ConfigError, "unrecognized subcommand"},
		{"a pod that starts before its database", "When deploying the beta, it seems like pachd does not wait for postgres pod to start.\n", DependencyUnavailable, "does not wait for postgres"},
		{"pods that crash until Redis is up", "Refinery pods crash looping until Redis instances are healthy.\n", DependencyUnavailable, "until Redis instances are healthy"},
		{"Django's two leaf migrations", "CommandError: Conflicting migrations detected; multiple leaf nodes in the migration graph: (0038_a, 0038_b in users).\n", AppCrash, "Conflicting migrations"},
		{"sqlx's edited migration", "Error: migration 2 was previously applied but has been modified\n", AppCrash, "previously applied"},
		{"php without its entry script", "Could not open input file: artisan\n", CommandNotFound, "Could not open input file"},
		{"package data missing from a wheel", "FileNotFoundError: [Errno 2] No such file or directory: '/usr/local/lib/python3.12/site-packages/bukuserver/apidocs/template.yml'\n", AppCrash, "site-packages"},
		{"jsoniter reading a quoted boolean", "v1alpha1.MTLSSpec.Enabled: ReadBool: expect t or f, but found \", error found in #10 byte of ...\n", ConfigError, "ReadBool"},
		{"state on the volume from another instance", "saved uid \"keeper0\" differs from configuration uid: \"keeper1\"\n", ConfigError, "differs from configuration"},
		{"a warning it continues after, then the real stop", "WARN cmd/keeper.go:176 password file permissions are too open. This file should only be readable to the user executing stolon! Continuing...\nsaved uid \"keeper0\" differs from configuration uid: \"keeper1\"\n", ConfigError, "saved uid"},
		{"Laravel without a dev package", "In ProviderRepository.php line 206:\n  Class \"Laravel\\Telescope\\TelescopeServiceProvider\" not found\n", AppCrash, "TelescopeServiceProvider"},
		{"Quarkus's port in use", "ERROR [io.qua.run.Application] (main) Port 8080 seems to be in use by another process. Quarkus may already be running or the port is used by another application.\n", PortConflict, "seems to be in use"},
		{"podman without the secret", "Error: no secret with name or id \"pg-password\": no such secret\n", MissingConfigObject, "no such secret"},
		{"crun and a script without its executable bit", "Error: unable to start container \"b9e2\": crun: open executable: Permission denied: OCI permission denied\n", CommandNotFound, "open executable"},
		{"autoheal restarting an unhealthy container", "05-03-2025 10:12:41 Container /nextcloud-app-1 (3f2a1b) found to be unhealthy - Restarting container now with 10s timeout\n", LivenessProbe, "found to be unhealthy"},
		{"a Java collection changed while iterated", "Caused by: java.util.ConcurrentModificationException: null\n\tat java.base/java.util.ArrayList$Itr.checkForComodification(ArrayList.java:1013)\n", AppCrash, "ConcurrentModificationException"},
	})
	checkNotRead(t, []notRead{
		{"Error response from daemon: Container b766 is restarting, wait until the container is running\n", DependencyUnavailable},
		{"level=fatal msg=\"Error starting manager: environment check failed: failed to execute: nsenter [--mount=/host/proc/1/ns/mnt iscsiadm --version], output , stderr nsenter: failed to execute iscsiadm: No such file or directory\"\n", CommandNotFound},
	})
}

// A question the line opens with, before more of the paste was joined to
// it, is the asker's guess.
func TestQuestionFirstIsAGuess(t *testing.T) {
	log := "My pod fails the liveness probe and restarts? Events: node:internal/fs/utils:356\nError: EACCES: permission denied, mkdir '/data/uploads/tmp'\n"
	if ls := ScanLog(strings.NewReader(log)); ls.Category != PermissionDenied {
		t.Errorf("got %s (%q), want permission_denied", ls.Category, ls.Line)
	}
}

// DPDK's huge pages, from round 264 (shared memory and huge pages).
func TestRules264(t *testing.T) {
	checkLogRules(t, []logRule{
		{"DPDK without huge pages", "EAL: FATAL: Cannot init memory\n", ConfigError, "Cannot init memory"},
		{"DPDK's hugepage count", "EAL: No free 2048 kB hugepages reported on node 0\nEAL: FATAL: Cannot get hugepage information.\n", ConfigError, "hugepage"},
	})
}

// Rules from the misses of held-out rounds 266 to 271 (JavaScript
// servers, instrumentation agents, cloud credentials, embedded databases,
// ARM64 nodes, entrypoint scripts), and words from round 251.
func TestRules266(t *testing.T) {
	checkLogRules(t, []logRule{
		{"the JVM's report of SIGILL", "#\n# The crash happened outside the Java Virtual Machine in native code.\n# See problematic frame for where to report the bug.\n#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n#  SIGILL (0x4) at pc=0x0000ee7f37d40c5c, pid=1, tid=7\n", ExecFormat, "SIGILL (0x4)"},
		{"a root cause in the CPU's vector extension", "The root cause seems to be related to how the JVM interacts with the M4's architecture. A workaround involves disabling the Scalable Vector Extension (SVE) with -XX:UseSVE=0 when configuring Docker images.\n", ExecFormat, "architecture"},
		{"SQLite without a writable data directory", "/app/node_modules/better-sqlite3/lib/database.js:69\nSqliteError: unable to open database file\n    at new Database (/app/node_modules/better-sqlite3/lib/database.js:69:26)\n", PermissionDenied, "unable to open database file"},
		{"an issue's title is no fatal line", "[Bug]: JVM fatal crash on fresh deploy — logs directory not created on the mounted volume\nWhen the PVC is empty, the `logs/` subdirectory does not exist and no entrypoint script creates it.\n", ConfigError, "does not exist"},
	})
}
