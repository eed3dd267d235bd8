package diagnose

import "testing"

// Rules from session 30's held-out rounds 597 on and textbook batches 191 on.
func TestRules597(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Vector's config build rejecting a sink's template, under the reporter's words about an upgrade's timeout", "With the 5m timeout cleared, Flux re-attempted the vector 0.56.0 to 0.57.0 upgrade and the real blocker surfaced: the new pods crashloop on config load with\n\nSink \"loki_kubernetes\": template references event fields ([\"kubernetes.pod_node_name\"]) ...\n", ConfigError, "template references event fields"},
		{"Meltano's structlog lines wrapping each line of an extractor's traceback", "2024-06-11T08:14:05.402113Z [info     ] Traceback (most recent call last): cmd_type=elb consumer=False name=tap-postgres producer=True stdio=stderr string_id=tap-postgres\n2024-06-11T08:14:05.402301Z [info     ]   File \"/project/.meltano/extractors/tap-postgres/venv/bin/tap-postgres\", line 8, in <module> cmd_type=elb consumer=False name=tap-postgres producer=True stdio=stderr string_id=tap-postgres\n2024-06-11T08:14:05.402871Z [info     ] AttributeError: 'NoneType' object has no attribute 'replication_key' cmd_type=elb consumer=False name=tap-postgres producer=True stdio=stderr string_id=tap-postgres\n2024-06-11T08:14:05.611512Z [info     ] ELT could not be completed: Extractor failed.\n", AppCrash, "replication_key"},
		{"Laravel's Collision printing the class, then PHP's undefined array key", "   ErrorException\n\n  Undefined array key \"currency_code\"\n\n  at modules/AcmeRecurring/Listeners/AddCurrencyRate.php:27\n", AppCrash, "Undefined array key"},
		{"PHP's undefined array key named like an environment variable", "PHP Warning:  Undefined array key \"DB_HOST\" in /var/www/html/config/database.php on line 12\n", ConfigError, "DB_HOST"},
		{"a PHP parse error in Magento's app/etc/env.php, a settings file", "PHP Parse error:  syntax error, unexpected token \"=>\", expecting \"]\" in /var/www/html/app/etc/env.php on line 63\n", ConfigError, "env.php"},
		{"mediasoup told to bind an address the host does not have", "Error: port bind failed due to address not available [transport:udp, ip:'35.198.77.140', port:40000, attempt:1/10000]\n    at Channel.processResponse (/app/node_modules/mediasoup/node/lib/Channel.js:251:33)\n", ConfigError, "address not available"},
		{"Node's spawn of a binary the kernel cannot execute, by its code", "Error: spawn /app/node_modules/mediasoup/worker/out/Release/mediasoup-worker ENOEXEC\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)\n  errno: -8,\n  code: 'ENOEXEC',\n", ExecFormat, "ENOEXEC"},
		{"coturn refused port 443 as a user without the capability", "0: (7): ERROR: Trying to bind fd 15 to <0.0.0.0:443>: errno=13\n0: (7): ERROR: Cannot bind TLS/TCP listener socket to addr 0.0.0.0:443\n", PermissionDenied, "errno=13"},
		{"libwebsockets' errno 98 under Janus, before Janus' own fatal about its transports", "[2025/02/24 16:20:13:5512] E: ERROR on binding fd 14 to port 8188 (-1 98)\n[2025/02/24 16:20:13:5512] E: init server failed\n[WARN] The 'janus.transport.websockets' transport could not be initialized\n[FATAL] [janus.c:main:5813] No Janus API transport is available... enable at least one and restart Janus\n", PortConflict, "(-1 98)"},
		{"SRS' bind failure with its errno in brackets", "[2025-03-27 09:11:04.323][ERROR][1][0h3qe1a7][98] serve error code=1019(SocketBind) : run master : start listener : rtmp listen : listen tcp 0.0.0.0:1935 : bind\nthread [1][0h3qe1a7]: do_main() [./src/main/srs_main_server.cpp:281][errno=98]\n", PortConflict, "SocketBind"},
		{"Kamailio's child killed by SIGSEGV, then its own SIGTERM to the rest", " 0(1) ALERT: <core> [main.c:799]: handle_sigs(): child process 58 exited by a signal 11\n 0(1) ALERT: <core> [main.c:802]: handle_sigs(): core was not generated\n 0(1) INFO: <core> [main.c:825]: handle_sigs(): terminating due to SIGCHLD\n 5(42) INFO: <core> [main.c:892]: sig_usr(): signal 15 received\n", Segfault, "signal 11"},
		{"OceanBase's crash report", "CRASH ERROR!!! IP=7f3b9a61c2d4, RBP=7f2e18d4f0a0, sig=11, sig_code=1, sig_addr=0, RLIMIT_CORE=unlimited, timestamp=1743580915213402, tid=38211\n", Segfault, "sig=11"},
		{"Temporal's Python sandbox refusing the workflow's own code", "temporalio.worker.workflow_sandbox._restrictions.RestrictedWorkflowAccessError: Cannot access datetime.datetime.now.__call__ from inside a workflow.\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/app/fulfillment/main.py\", line 27, in main\n    worker = Worker(\nRuntimeError: Failed validating workflow ShipOrderWorkflow\n", AppCrash, "RestrictedWorkflowAccessError"},
		{"Rails without the adapter the settings name", "/app/vendor/bundle/ruby/3.2.0/gems/activerecord-7.0.8/lib/active_record/connection_adapters/abstract/connection_handler.rb:273:in `rescue in resolve_pool_config': Could not load the 'postgres' Active Record adapter. Ensure that the adapter is spelled correctly in config/database.yml and that you've added the necessary adapter gem to your Gemfile. (LoadError)\n", ConfigError, "Active Record adapter"},
		{"argo logs' step pod name before each line of a traceback", "nightly-rollup-1736805600-aggregate-1120466871: Traceback (most recent call last):\nnightly-rollup-1736805600-aggregate-1120466871:   File \"/app/rollup.py\", line 77, in summarize\nnightly-rollup-1736805600-aggregate-1120466871:     label = \"last \" + window + \" days\"\nnightly-rollup-1736805600-aggregate-1120466871: TypeError: can only concatenate str (not \"int\") to str\nnightly-rollup-1736805600-aggregate-1120466871: time=\"2025-01-14T00:06:40.871Z\" level=info msg=\"sub-process exited\" argo=true error=\"<nil>\"\nnightly-rollup-1736805600-aggregate-1120466871: Error: exit status 1\n", AppCrash, "can only concatenate"},
		{"Spark's analyzer refusing a column the job's code names", "Exception in thread \"main\" org.apache.spark.sql.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `event_ts` cannot be resolved. Did you mean one of the following? [`eventTs`, `userId`].\n", AppCrash, "UNRESOLVED_COLUMN"},
		{"Spark's closure over an object it cannot ship", "Exception in thread \"main\" org.apache.spark.SparkException: Task not serializable\n\tat org.apache.spark.util.ClosureCleaner$.ensureSerializable(ClosureCleaner.scala:444)\nCaused by: java.io.NotSerializableException: com.acme.geo.MaxMindLookup\n", AppCrash, "Task not serializable"},
		{"Beam's portable runner timing out on its job server's channel", "  File \"/usr/local/lib/python3.11/site-packages/apache_beam/runners/portability/job_server.py\", line 62, in start\n    grpc.channel_ready_future(channel).result(timeout=self._timeout)\n  File \"/usr/local/lib/python3.11/site-packages/grpc/_utilities.py\", line 162, in result\n    self._block(timeout)\ngrpc.FutureTimeoutError\n", DependencyUnavailable, "FutureTimeoutError"},
		{"Flink's resource manager on a worker pod killed at its limit", "2025-03-11 10:47:09,884 INFO  org.apache.flink.runtime.resourcemanager.active.ActiveResourceManager [] - Worker clickstream-sessionizer-taskmanager-1-3 is terminated. Diagnostics: Pod terminated, container termination statuses: [flink-main-container(exitCode=137, reason=OOMKilled, message=null)], pod status: Failed(reason=null, message=null)\n", OOMKilled, "reason=OOMKilled"},
		{"a Python KeyError on an environment variable's name", "Traceback (most recent call last):\n  File \"/app/main.py\", line 4, in <module>\n    PORT = os.environ[\"PORT\"]\n  File \"/usr/local/lib/python3.12/os.py\", line 714, in __getitem__\n    raise KeyError(key) from None\nKeyError: 'PORT'\n", ConfigError, "KeyError: 'PORT'"},
		{"a Python KeyError on a two-letter key of the program's own table", "Traceback (most recent call last):\n  File \"/opt/flink/usrlib/enrich.py\", line 41, in region_of\n    return REGION_BY_COUNTRY[country_code]\nKeyError: 'XK'\n", AppCrash, "KeyError: 'XK'"},
		{"a setting the program says has not been set properly", "The jwt_secret has not been set properly in your config for opencloud. Make sure your /etc/opencloud config contains the proper values (e.g. by using 'opencloud init --diff' and applying the patch or setting a value manually in the config/corresponding environment variable).\n", ConfigError, "has not been set properly"},
		{"a logfmt record wrapped over lines, its error inside a quoted value", "level=error ts=2021-03-07T13:49:27.831Z caller=manager.go:946\ncomponent=\"rule manager\" msg=\"loading groups failed\"\nerr=\"/etc/prometheus/rules/rulefiles-0/alerting.yaml:\ngroup \\\"saas-rules\\\", rule 4, \\\"RDSLowStorage\\\": annotation\n\\\"message\\\": template: __alert_RDSLowStorage:1: function \\\"environment\\\"\nnot defined\"\n", ConfigError, "function \\\"environment\\\" not defined"},
		{"an eBPF agent without tracefs where it looks, before its nil-pointer panic", "2024/07/09 08:02:50 [k8spacket] [inet] Cannot attach tracepoint: neither debugfs nor tracefs are mounted\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1f5280f]\n\ngoroutine 30 [running]:\ngithub.com/k8spacket/k8spacket/ebpf/inet.Init()\n", ConfigError, "tracefs are mounted"},
	})
	checkWords(t, []wordsCase{
		{"the reporter's \"Update:\" before their words about memory", "The continuous delivery integration tests were failing because the helm-service pod was restarting during the execution of the test.\n\nUpdate: with the memory limit set to 128Mi, the helm service runs into an OOM error when multiple deployments are happening at once:\n", OOMKilled},
	})
}

// A client's refused connection to the crashed pod's own Service, pasted
// above the pod's log, shows the pod down; the pod's own error says why.
func TestClientDialsThePodItself(t *testing.T) {
	const log = "2020/09/11 14:35:14 main.go:319: Something went wrong: failed to prepare test environment: boskos failed to acquire project: Post \"http://boskos.test-pods.svc.cluster.local./acquire?type=gke-project\": dial tcp 10.55.241.233:80: connect: connection refused\n" +
		"flag provided but not defined: -storage\nUsage of /app:\n  -config string\n        Path to init resource file (default \"config.yaml\")\n"
	pod := waitingPod("CrashLoopBackOff", "back-off 5m0s restarting failed container")
	pod.Name = "boskos-0"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": log}}); r.Category != ConfigError {
		t.Errorf("got %s, want config_error: %s", r.Category, r.Summary)
	}
	// The same refusal from another pod's log is that pod's dependency down.
	pod.Name = "integration-tests-7d9f8c6b5-x2x9z"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": "Post \"http://boskos.test-pods.svc.cluster.local./acquire\": dial tcp 10.55.241.233:80: connect: connection refused\n"}}); r.Category != DependencyUnavailable {
		t.Errorf("got %s, want dependency_unavailable: %s", r.Category, r.Summary)
	}
	for pod, want := range map[string]string{"boskos-0": "boskos", "web-7d9f8c6b5-x2x9z": "web", "api": "api", "redis-master-1": "redis-master"} {
		if got := workloadBase(pod); got != want {
			t.Errorf("workloadBase(%q) = %q, want %q", pod, got, want)
		}
	}
}
