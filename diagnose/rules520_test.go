package diagnose

import (
	"strings"
	"testing"
)

// Rules from session 25's textbook faults and held-out rounds 520 on.
func TestRules520(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a memory raise that did not help, beside a segfault", "thumbs listening on :8080\n/usr/local/bin/start.sh: line 9:    17 Segmentation fault      node dist/server.js\n\nI increased the memory limit to 2Gi but it still restarts. Image is node:20-alpine.\n", Segfault, "Segmentation fault"},
		{"a memory raise that did not help, beside a config error", "Prometheus pod restarts in a loop. I increased the memory limit to 2Gi but it still restarts.\nts=2024-09-03T13:22:41.508Z caller=main.go:1172 level=error msg=\"Error loading config (--config.file=/etc/config/prometheus.yml)\" err=\"parsing YAML file /etc/config/prometheus.yml: yaml: unmarshal errors:\\n  line 58: field scrape_interval not found in type config.plain\"\n", ConfigError, "field scrape_interval not found"},
		{"Java's sort refusing an inconsistent comparator", "Exception in thread \"main\" java.lang.IllegalArgumentException: Comparison method violates its general contract!\n\tat java.base/java.util.TimSort.mergeHi(TimSort.java:903)\n", AppCrash, "Comparison method violates its general contract"},
		{"Procodile's supervisor left running by a stale pid", "Error: Procodile supervisor isn't running\n\n\nError: Cannot be started in the foreground because supervisor already running\n", ConfigError, "supervisor already running"},
		{"freshclam's download that cannot connect", "Wed Apr 15 17:28:51 2020 -> ^fc_update_databases: fc_update_database failed: Connection failed (5)\nWed Apr 15 17:28:51 2020 -> !Database update process failed: Connection failed (5)\nWed Apr 15 17:28:51 2020 -> !Update failed.\n", DependencyUnavailable, "Connection failed (5)"},
		{"Elasticsearch's keystore it may not write", "ERROR: unable to create temporary keystore at [/usr/share/elasticsearch/config/elasticsearch.keystore.tmp], write permissions required for [/usr/share/elasticsearch/config]\n", PermissionDenied, "write permissions required"},
		{"BusyBox sed's broken expression from a value with a slash", "sed: unmatched '/'\n", ConfigError, "sed: unmatched '/'"},
		{"Redis's reason under its banner, after a memory raise", "I increased the memory limit to 2Gi (mem_limit in compose) and set maxmemory to match, and now redis won't even stay up:\ncache-1  | *** FATAL CONFIG FILE ERROR (Redis 7.2.4) ***\ncache-1  | Reading the configuration file, at line 12\ncache-1  | >>> 'maxmemory 1.5gb'\ncache-1  | argument must be a memory value\n", ConfigError, "argument must be a memory value"},
		{"the error after the reporter changed ownership", "After changing ownership of `data` to `opensearch:opensearch`, and restarting, it continuously crashes with the following error and restarts:\n`ERROR: [1] bootstrap checks failed\n[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]`\n", ConfigError, "vm.max_map_count [65530]"},
		{"chown's own refusal", "chown: changing ownership of '/var/lib/mysql/': Operation not permitted\n", PermissionDenied, "changing ownership"},
		{"a probe asking HTTPS of a plain HTTP server", "[ghost] livenessProbe/readinessProbe failing when ghostEnableHttps=true\nbug no 2 - missing options in readinessProbe/livenessProbe when ghostEnableHttps=true resulting in error - http: server gave HTTP response to HTTPS client\n", LivenessProbe, "livenessProbe"},
		{"a client asking HTTPS of a plain HTTP server", "Error: Get \"https://minio:9000/bucket\": http: server gave HTTP response to HTTPS client\n", ConfigError, "HTTP response to HTTPS client"},
		{"a variable the start script finds empty", " * Restarting nginx nginx                                                       start-stop-daemon: warning: failed to kill 39: No such process\n                                                                         [ OK ]\nMAIL_SERVER_API_HOST is empty\n", ConfigError, "MAIL_SERVER_API_HOST is empty"},
		{"client-go's first call to the API server, in a title", "Error getting server version error in nfs-subdir-external-provisioner\n", DependencyUnavailable, "Error getting server version"},
		{"Helm's wait running out over Alloy's config error", "alloy\t0.6.0\tFalse\tFalse\tHelm upgrade failed for release monitoring/alloy with chart alloy@0.6.0: context deadline exceeded\nError: /etc/alloy/config.alloy:23:17: component \"prometheus.remote_write.default.receiver\" does not exist or is out of scope\n", ConfigError, "config.alloy:23:17"},
	})
	checkNotRead(t, []notRead{
		{"I increased the memory limit to 2Gi but it still restarts.\n", OOMKilled},
		{"- probes keep failing due to waiting for results from wrong port\n", ConfigError},
		{"I made a DaemonSet to set vm.max_map_count on every node (command: [\"sysctl\", \"-w\", \"vm.max_map_count=262144\"]). The rollout never finishes:\nvm.max_map_count = 262144\n", ConfigError},
	})
	// Still read: a raise that helped, and the bootstrap check itself.
	checkLogRules(t, []logRule{
		{"a memory limit raised to fix it", "The worker was killed every few minutes; we bumped the memory limit to 2Gi and it is stable now.\n", OOMKilled, "memory limit"},
		{"Elasticsearch's bootstrap check", "ERROR: [1] bootstrap checks failed\n[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]\n", ConfigError, "vm.max_map_count [65530]"},
	})
}

// A one-shot task's success line, with nothing run after it, is a log
// that finished; the same line as a step of a server's start is not.
func TestOneShotTaskSucceeded(t *testing.T) {
	for _, tc := range []struct {
		name, log string
		finished  bool
	}{
		{"prisma migrate deploy", "Prisma schema loaded from prisma/schema.prisma\nDatasource \"db\": PostgreSQL database \"shop\", schema \"public\" at \"shop-db:5432\"\n\n14 migrations found in prisma/migrations\n\n\nNo pending migrations to apply.\n", true},
		{"collectstatic", "163 static files copied to '/app/staticfiles', 412 post-processed.\n", true},
		{"flyway", "Successfully applied 3 migrations to schema \"public\", now at version v12 (execution time 00:00.214s)\n", true},
		{"the reporter's question after it", "No migrations to apply.\n\nWhy does k8s restart it if it worked?\n", true},
		{"migrations, then the server", "Operations to perform:\n  Apply all migrations: admin, auth\nRunning migrations:\n  No migrations to apply.\n[2024-05-01 10:00:01 +0000] [1] [INFO] Starting gunicorn 21.2.0\n[2024-05-01 10:00:01 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)\n", false},
		{"atlas with nothing to apply", "No migration files to execute\n", true},
		{"Ansible's recap, then the reporter's question", "PLAY RECAP *********************************************************************\nedge-rtr-01                : ok=2    changed=0    unreachable=0    failed=0    skipped=0\n\neverything ok=, failed=0, so why CrashLoopBackOff?\n", true},
		{"mongoimport's count", "2024-06-11T09:21:44.390+0000\t250 document(s) imported successfully. 0 document(s) failed to import.\n", true},
		{"Ansible's recap with a host unreachable", "edge-rtr-01                : ok=0    changed=0    unreachable=1    failed=0    skipped=0\n", false},
		{"migrations, then an error", "No pending migrations to apply.\nError: connect ECONNREFUSED 10.0.0.7:6379\n", false},
		{"Spring Batch's job completed", "2025-05-06 02:00:14.512  INFO 1 --- [           main] o.s.b.c.l.support.SimpleJobLauncher      : Job: [SimpleJob: [name=importarClientesJob]] completed with the following parameters: [{run.id=1}] and the following status: [COMPLETED] in 12s318ms\n2025-05-06 02:00:14.530  INFO 1 --- [ionShutdownHook] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown initiated...\n2025-05-06 02:00:14.541  INFO 1 --- [ionShutdownHook] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown completed.\n", true},
		{"Spring Batch's job failed", "2025-05-06 02:00:14.512  INFO 1 --- [           main] o.s.b.c.l.support.SimpleJobLauncher      : Job: [SimpleJob: [name=importarClientesJob]] completed with the following parameters: [{run.id=1}] and the following status: [FAILED] in 12s318ms\n", false},
		{"llama.cpp's convert script", "INFO:gguf.gguf_writer:Writing the following files:\nWriting: 100%|##########| 15.2G/15.2G [01:48<00:00, 140Mbyte/s]\nINFO:hf-to-gguf:Model successfully exported to /models/out/qwen2.5-7b-instruct-f16.gguf\n", true},
		{"rabbitmq-plugins as the container's command", "Applying plugin configuration to rabbit@3f1b9c2d7e4a...\nset 6 plugins.\nOffline change; changes will take effect at broker restart.\n", true},
		{"a Spark job run to its end", "Pi is roughly 3.1419351419351417\n24/05/14 12:04:31 INFO SparkContext: SparkContext is stopping with exitCode 0.\n24/05/14 12:04:32 INFO SparkContext: Successfully stopped SparkContext\n24/05/14 12:04:32 INFO ShutdownHookManager: Shutdown hook called\n", true},
		{"nbconvert's last line after it wrote the report", "[NbConvertApp] Converting notebook /work/kpi.ipynb to html\n[NbConvertApp] Executing notebook with kernel: python3\n[NbConvertApp] Writing 412873 bytes to /reports/kpi.html\n", true},
		{"an RQ worker in burst mode, done", "11:40:03 resize: Job OK (b1d7e9c2-6a4f-4f38-8e05-2c9b7d3a1f60)\n11:40:03 Result is kept for 500 seconds\n11:40:03 Worker 0c8e4a1b6f2d4e7a9b3c5d1f8e2a7b46: done, quitting\n11:40:03 Unsubscribing from channel rq:pubsub:0c8e4a1b6f2d4e7a9b3c5d1f8e2a7b46\n", true},
		{"nbconvert failing in a cell", "[NbConvertApp] Executing notebook with kernel: python3\n[NbConvertApp] ERROR | Error while converting 'kpi.ipynb'\nnbclient.exceptions.CellExecutionError: An error occurred while executing the following cell\n", false},
		{"an RQ worker that keeps listening", "11:40:02 *** Listening on resize...\n11:40:03 resize: Job OK (b1d7e9c2)\n11:40:03 Result is kept for 500 seconds\n", false},
		{"steamcmd's update-only run", "Update state (0x61) downloading, progress: 99.87 (33840126052 / 33883426436)\nSuccess! App '730' already up to date.\n", true},
		{"drush cron run as the container's command", " [notice] Starting execution of search_cron().\n [notice] Cron run completed.\n", true},
		{"the registry's garbage collection run to its end", "time=\"2025-03-02T02:00:41Z\" level=info msg=\"marking blob sha256:1f2e\"\n412 blobs marked, 97 blobs and 0 manifests eligible for deletion\n", true},
		{"migrations, then more of the program's output", "No migrations to apply.\n2024-05-01T10:00:01Z loading plugins\n2024-05-01T10:00:01Z plugin cache warm\n2024-05-01T10:00:02Z scheduler tick\n", false},
	} {
		ls := ScanLog(strings.NewReader(tc.log))
		if got := ls.finished != ""; got != tc.finished {
			t.Errorf("%s: finished = %q, want finished %v", tc.name, ls.finished, tc.finished)
		}
	}
}

// Confirmed words name a port another container holds as the cause, and
// a wrong port in words about probes is the probes'.
func TestConfirmedWords(t *testing.T) {
	for _, tc := range []struct {
		log  string
		want Category
	}{
		{"It was the port: the auth sidecar also listened on 8080, so the app could never bind it. After moving the app to 8081 it's stable.\n", PortConflict},
		{"[bitnami/minio] readinessProbe, startupProbe and LivenessProbe needs minio-api port\n- startup is failing, and pods are going in `CrashLoop`, if probes keeps failing\n- probes keep failing due to waiting for results from wrong port\n", LivenessProbe},
		{"Solved. Port 9100 on the nodes is taken by the node-exporter DaemonSet, so our agent couldn't listen. After changing the agent to 9101 it runs on every node.\n", PortConflict},
	} {
		if ls := ScanLog(strings.NewReader(tc.log)); ls.topic != tc.want {
			t.Errorf("%q: topic %s, want %s", tc.log, ls.topic, tc.want)
		}
	}
}

// "I thought it was the probe, but ..." gives a guess up: its words name
// no topic.
func TestGuessGivenUp(t *testing.T) {
	log := "After setting the command in values, the web pod restarts forever. I thought it was the probe, but disabling it did not help.\nThe pod keeps failing after every deploy and nobody knows why.\n"
	if ls := ScanLog(strings.NewReader(log)); ls.topic == LivenessProbe {
		t.Errorf("topic = %s from %q, want the probe guess dropped", ls.topic, ls.topicLine)
	}
}
