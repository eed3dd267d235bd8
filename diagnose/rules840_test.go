package diagnose

import "testing"

// Rules added in session 54 for the misses of held-out rounds 762-771 and
// textbook batch 581.
func TestRules840(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a command not found told in words",
			"After updating to the latest release, the addon wouldn’t start anymore.\nIt’s exiting with a command not found error\n",
			CommandNotFound, "command not found error"},
		{"a shell's not found quoted in a sentence",
			"In k8s, superset is installed through helm, but \"/usr/bin/run-server.sh: not found\" error is reported\n",
			CommandNotFound, "/usr/bin/run-server.sh: not found"},
		{"a program that says it was not built correctly",
			"Error: \n   0: Worker binaries could not be found, make sure polkadot was built/installed correctly. If you ran with `cargo run`, please run `cargo build` first.\n",
			AppCrash, "make sure polkadot was built/installed correctly"},
		{"a start script that could not obtain its snapshot",
			"node: Issue obtaining the Polkachu snapshot. Likely the API issue.\nnode: Sleeping for 10 minutes before restarting...\n",
			DependencyUnavailable, "Issue obtaining the Polkachu snapshot"},
		{"SonarQube's charset check under a title that blames the connection",
			"Cannot connect to the DB after restarting the pod\n2021.07.13 09:41:36 ERROR Web[][o.s.s.p.PlatformImpl] Web server startup failed: Database colums [geometry_columns.f_table_catalog] must have UTF8 charset.\n",
			ConfigError, "must have UTF8 charset"},
		{"a Go panic under steps that only make OOM kills likely",
			"* badly set `GOMEMLIMIT` and `GOGC` so OOMKills are likely\npanic: assignment to entry in nil map\n\ngoroutine 600 [running]:\n",
			AppCrash, "assignment to entry in nil map"},
		{"a nil pointer told in words next to a configuration error ruled out",
			"We are seeing the KEDA operator crash with a nil pointer dereference while reconciling ScaledObjects.\nThis does not look like a normal scaler configuration error to me.\n",
			AppCrash, "nil pointer dereference"},
		{"a dependency's pod deleted",
			"[Chaos] deletion of etcd pod crashes milvus standalone pod\n",
			DependencyUnavailable, "deletion of etcd pod"},
		{"Jupyter's runtime_dir traceback cut before its PermissionError",
			"Traceback (most recent call last):\n  File \"/usr/local/lib/python3.6/dist-packages/traitlets/traitlets.py\", line 528, in get\n    value = obj._trait_values[self.name]\nKeyError: 'runtime_dir'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"/usr/local/bin/jupyter-notebook\", line 10, in <module>\n",
			PermissionDenied, "runtime_dir"},
		{"a launcher's binary missing from the image (round 773)",
			"The latest image exits unexpectedly because /usr/local/shiny-server/ext/node/bin/shiny-server is missing.\n",
			CommandNotFound, "bin/shiny-server is missing"},
		{"a segfault whose reporter rules out an illegal instruction",
			"Exit code 139. Not OOM (no OOMKilled, memory 9Gi of 16Gi), and no \"Illegal instruction\" — the same binary serves short prompts fine.\nSegmentation fault (core dumped)\n",
			Segfault, "Segmentation fault"},
	})
	checkNotRead(t, []notRead{
		// A configuration file missing is no command.
		{"the pod logs \"/etc/app/config.yaml: not found\" and exits\n", CommandNotFound},
		// A missing settings file is no bin/ program.
		{"the app exits because /etc/app/settings.yaml is missing\n", CommandNotFound},
		// An attachment's link is not the error it holds.
		{"[error.txt](https://github.com/kubernetes/autoscaler/files/10329077/error.txt)\n", ConfigError},
	})
	checkWords(t, []wordsCase{
		{"a crash whose log is only an attachment",
			"cluster-autoscaler on RKE2 crashes\n\nComponent version: k8s.gcr.io/autoscaling/cluster-autoscaler:v1.26.0 with helm chart 9.21.1\n\n[error.txt](https://github.com/kubernetes/autoscaler/files/10329077/error.txt)\n",
			AppCrash},
	})
}

// Textbook batches 584-586: errors the program handled are not the
// answer, an exception under an ERROR entry is as severe as its head, and
// a ConfigMap named "...-authentication" is no login.
func TestRules840Handled(t *testing.T) {
	checkLogRules(t, []logRule{
		{"metrics-server cannot load its client CA from an unreachable API server",
			"E0226 02:15:21.334880       1 configmap_cafile_content.go:242] kube-system/extension-apiserver-authentication failed with : Get \"https://10.96.0.1:443/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication\": dial tcp 10.96.0.1:443: i/o timeout\n",
			DependencyUnavailable, "i/o timeout"},
		{"a warm-up's timeout that the next attempt got over, then the port in use",
			"WARNING:app.warmup:attempt 1 failed: httpx.ConnectTimeout: timed out\nTraceback (most recent call last):\n  File \"/app/app/warmup.py\", line 33, in fetch\n    r = client.get(url, timeout=2.0)\nhttpx.ConnectTimeout: timed out\nINFO:app.warmup:attempt 2 ok (2311 features)\nINFO:app.metrics_server:metrics listening on 0.0.0.0:8000\nINFO:     Started server process [1]\nERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', 8000): address already in use\nINFO:     Waiting for application shutdown.\n",
			PortConflict, "address already in use"},
		{"a DEBUG entry's exception, then the real failure",
			"2024-05-22 03:14:01.002 DEBUG [main] c.a.enricher.SchemaCache - cache miss, refetching subject=orders-value\njava.util.NoSuchElementException: No value present\n\tat java.base/java.util.Optional.get(Optional.java:143)\n2024-05-22 03:14:01.230 INFO  [main] c.a.enricher.SchemaCache - fetched schema id=1122\n2024-05-22 03:15:01.655 ERROR [main] c.a.enricher.Application - failed to start streams\norg.apache.kafka.streams.errors.StreamsException: Could not create topic stream-enricher-changelog.\nCaused by: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: createTopics\n",
			DependencyUnavailable, "Timed out waiting for a node assignment"},
		// A Java exception under an ERROR entry is that entry's detail, as
		// severe as its head.
		{"an AccessDeniedException under an ERROR head that names no cause",
			"2024-12-02 14:22:08.452 ERROR [main] c.a.search.Application - fatal: cannot open index\njava.nio.file.AccessDeniedException: /data/index/write.lock\n\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:90)\n",
			PermissionDenied, "AccessDeniedException"},
		// A "Caused by:" pasted alone after an INFO line is no handled
		// exception's: a chain starts with its exception or a frame.
		{"a Caused by pasted on its own after an INFO line",
			"2024-02-28T11:49:19.868+08:00  INFO 7 --- [           main] run.halo.app.Application                 : No active profile set\nCaused by: java.net.UnknownHostException: Failed to resolve 'mysql' [A(1)] after 2 queries\n",
			DependencyUnavailable, "Failed to resolve 'mysql'"},
	})
	checkNotRead(t, []notRead{
		// A skipped item's exception under a WARN entry, in a job that completed.
		{"2024-04-08 06:12:14.205  WARN 1 --- [           main] c.a.imports.SkipLoggingListener          : Skipped line 10442 of customers.csv\norg.springframework.batch.item.file.FlatFileParseException: Parsing error at line: 10442\n\tat org.springframework.batch.item.file.FlatFileItemReader.doRead(FlatFileItemReader.java:197)\n\t... 52 common frames omitted\nCaused by: org.springframework.batch.item.file.transform.IncorrectTokenCountException: Incorrect number of tokens found in record: expected 5 actual 3\n2024-04-08 06:13:02.355  INFO 1 --- [           main] o.s.b.c.l.support.SimpleJobLauncher      : Job: [SimpleJob: [name=importCustomers]] completed\n", ConfigError},
	})
}
