package diagnose

import "testing"

// Rules from the misses of held-out rounds 379 to 386 (scripts written on
// Windows, service-link variables, programs sized to the node, connection
// limits, listen addresses, native modules for another platform,
// temporary directories, SSH keys).
func TestRules379(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a CRLF shebang through a Windows console", "webserver_1  | /usr/bin/env: ÔÇÿbash\\rÔÇÖ: No such file or directory\noverflow_webserver_1 exited with code 127\n", CommandNotFound, "bash\\r"},
		{"a CRLF shebang with curly quotes", "/usr/bin/env: ‘bash\\r’: No such file or directory\n", CommandNotFound, "bash\\r"},
		{"a CRLF shebang named in words", "Fixes Docker containers failing to start with `bash\\r: No such file or directory` on Windows-built images.\n", CommandNotFound, "bash\\r"},
		{"crun cannot exec the entrypoint", "{\"msg\":\"exec container process (missing dynamic library?) `/app/./docker-entrypoint.sh`: No such file or directory\",\"level\":\"error\",\"time\":\"2026-03-23T00:33:43.550204Z\"}\n", CommandNotFound, "exec container process"},
		{"sharp's prebuilt binaries need x86-64-v2", "error: Uncaught (in promise) Error: Could not load the \"sharp\" module using the linux-x64 runtime\nUnsupported CPU: Prebuilt binaries for linux-x64 require v2 microarchitecture\nPossible solutions:\n", ExecFormat, "v2 microarchitecture"},
		{"NumPy's baseline above the CPU", "Error: NumPy was built with baseline optimizations:\n(X86_V2) but your machine doesn't support:\n(X86_V2).\n", ExecFormat, "baseline optimizations"},
		{"glibc of RHEL 9 on an older CPU", "Fatal glibc error: CPU does not support x86-64-v2\n", ExecFormat, "x86-64-v2"},
		{"a client refused by a full PostgreSQL", "[2024/03/02 10:19:44] [error] [output:pgsql:pgsql.1] failed connecting to host=meta-sink.example.net with error: FATAL:  remaining connection slots are reserved for non-replication superuser connections\n", DependencyUnavailable, "remaining connection slots"},
		{"MySQL's error 1040", "SQLSTATE[HY000] [1040] Too many connections\n", DependencyUnavailable, "Too many connections"},
		{"Redis full", "ReplyError: ERR max number of clients reached\n", DependencyUnavailable, "max number of clients reached"},
		{"PostgreSQL's own log of refused clients", "2019-04-12 19:32:37.704 UTC [588] FATAL:  sorry, too many clients already\n2019-04-12 19:32:48.719 UTC [1] LOG:  received smart shutdown request\n", LivenessProbe, "too many clients already"},
		{"unhealthy for lack of slots, in words", "Even with 4GB of memory, the system still becomes \"Unhealthy\" and restarts due to \"Sorry, too many clients already\" error.\n", LivenessProbe, "Unhealthy"},
		{"workers OOM on a big node", "Celery workers OOM on hosts with many CPUs — `--concurrency` is unbounded by default\n", OOMKilled, "workers OOM on hosts"},
		{"a loop caused by probes, in words", "- Fix Keycloak crashloop caused by misconfigured liveness/readiness probes\n", LivenessProbe, "caused by misconfigured"},
		{"the kubelet's redirect to another host", "Probe terminated redirects, Response body:\n", LivenessProbe, "Probe terminated redirects"},
		{"an engine download answered 500", "Error: Failed to fetch the engine file at https://binaries.example.sh/all_commits/x/debian-openssl-3.0.x/libquery_engine.so.node.gz - 500 Internal Server Error\n", DependencyUnavailable, "500 Internal Server Error"},
		{"an image's native module check", "🔍 Found native modules, testing compatibility...\n❌ Native module compatibility issue detected\n", AppCrash, "Native module compatibility"},
		{"snappy-java under a read-only /tmp", "ERROR [ReplicaManager broker=2] Error processing append operation on partition payments-3\njava.lang.NoClassDefFoundError: Could not initialize class org.xerial.snappy.Snappy\n", PermissionDenied, "org.xerial.snappy.Snappy"},
		{"a keystore's password", "Caused by: java.io.IOException: Keystore was tampered with, or password was incorrect\n", ConfigError, "Keystore was tampered with"},
		{"a PKCS12 store read as JKS", "java.io.IOException: Invalid keystore format\n", ConfigError, "Invalid keystore format"},
		{"Bitnami Kafka without its stores", "kafka 10:21:07.15 ERROR ==> Couldn't find the expected Java Key Stores (JKS) files! They are mandatory when encryption via TLS is enabled.\n", ConfigError, "Java Key Stores"},
		{"NiFi's truststore", "org.apache.nifi.security.util.TlsException: The truststore properties are not valid\n", ConfigError, "truststore properties"},
		{"mysqld refuses an option's value", "150829  7:35:46 [ERROR] Incorrect integer value: '1000000000000000000000000000000000000000000000000000'\n150829  7:35:46 [ERROR] /usr/sbin/mysqld: Error while setting value '1000000000000000000000000000000000000000000000000000' to 'max_connections'\n", ConfigError, "to 'max_connections'"},
		{"external-dns waiting for a kind the cluster does not serve", "time=\"2024-04-09T10:02:11Z\" level=info msg=\"Created GKE client\"\nfailed to sync *v1.Gateway: context deadline exceeded\n", ConfigError, "failed to sync *v1.Gateway"},
		{"a chart that does not work with a newer cluster", "Ingress in zeebe-full-helm doesn't work with k8s 1.22\n", ConfigError, "doesn't work with k8s 1.22"},
		{"OOM crashing in words", "My prometheus deployment with everything default was working for about a week and then it started OOM crashing.\n", OOMKilled, "OOM crashing"},
		{"a loop that causes OOM", "Store: consumes lots of memory at startup and loop restart cause OOM\n", OOMKilled, "cause OOM"},
		{"killed with signal 9", "Heapster is killed with signal 9 on 100-nodes Kubernetes cluster\n", OOMKilled, "signal 9"},
		{"memory above the limit, then killed", "Unfortunately repo-server pods are very bursty in memory usage as well, so they went above the defaults given in the chart - and hence they got killed :)\n", OOMKilled, "got killed"},
		{"JNA from a noexec /tmp", "java.lang.UnsatisfiedLinkError: /tmp/jna-3506402/jna1780.tmp: /tmp/jna-3506402/jna1780.tmp: failed to map segment from shared object\n", PermissionDenied, "failed to map segment"},
	})
	checkNotRead(t, []notRead{
		{"printf 'line\\r\\n' > out.txt\n", CommandNotFound},
		{"Warning: building for x86-64-v3; the image also runs on older CPUs\n", ExecFormat},
		{"exec container process `/app/run`: Permission denied\n", CommandNotFound},
		{"LOG:  max_connections = 500, too many connections are bad for latency\n", DependencyUnavailable},
		{"The pod became unhealthy and then recovered on its own.\n", LivenessProbe},
		{"We OOM-proofed the workers on hosts with many CPUs.\n", OOMKilled},
		{"The crashloop is not caused by the liveness probe; removing it changed nothing.\n", LivenessProbe},
		{"Failed to fetch metrics: 404 Not Found\n", DependencyUnavailable},
		{"INFO Loaded keystore from /etc/kafka/secrets/kafka.keystore.jks\n", ConfigError},
		{"The same values work on Kubernetes 1.29 and 1.30.\n", ConfigError},
		{"We fixed the OOM crashing pods by raising the limit, and the probe kept killing them.\n", AppCrash},
		{"The memory went above 2 GiB at peak; nothing was killed.\n", OOMKilled},
		{"It does not cause OOM; the process exits 1 on its own.\n", OOMKilled},
		{"If the host restarts abruptly (or the container is killed with SIGKILL), Apache leaves a stale pid file and exits at once.\n", OOMKilled},
		// An informer that cannot reach the API server says so after the
		// timeout; a keystore that could not be loaded says why below.
		{"failed to sync *v1.Service: context deadline exceeded: Get \"https://10.43.0.1:443/api/v1/services?limit=500\": dial tcp 10.43.0.1:443: connect: no route to host\n", ConfigError},
		{"Caused by: org.apache.kafka.common.KafkaException: Failed to load SSL keystore /etc/kafka/secrets/client.keystore.p12 of type PKCS12\nCaused by: java.nio.file.AccessDeniedException: /etc/kafka/secrets/client.keystore.p12\n", ConfigError},
	})
}
