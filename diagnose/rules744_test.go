package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Rules added for the faults of textbook batches 386 to 393 (session 42).
func TestRules744(t *testing.T) {
	checkLogRules(t, []logRule{
		{"CockroachDB's secure node asked without TLS", "{\"level\":\"fatal\",\"msg\":\"Error pinging database\",\"error\":\"failed to connect to `host=cockroachdb-public user=root database=nakama`: server error (ERROR: node is running secure mode, SSL connection required (SQLSTATE 28000))\"}\n", ConfigError, "secure mode"},
		{"Godot's crash handler", "================================================================\nhandle_crash: Program crashed with signal 11\nEngine version: Godot Engine v4.2.2.stable.official\n", Segfault, "signal 11"},
		{"Camel without the component in the build", "Caused by: org.apache.camel.ResolveEndpointFailedException: Failed to resolve endpoint: kafka://shipments due to: No component found with scheme: kafka\n", AppCrash, "No component found"},
		{"Camel's endpoint parameter typed wrong", "Caused by: org.apache.camel.ResolveEndpointFailedException: Failed to resolve endpoint: kafka://orders?autoOffsetRest=earliest due to: There are 1 parameters that couldn't be set on the endpoint. Check the uri if the parameters are spelt correctly and that they are properties of the endpoint. Unknown parameters=[{autoOffsetRest=earliest}]\n", ConfigError, "couldn't be set on the endpoint"},
		{"BIND's key file it may not read", "03-Jul-2025 10:41:17.521 /etc/bind/named.conf:3: open: /etc/bind/keys/rndc.key: permission denied\n03-Jul-2025 10:41:17.522 loading configuration: permission denied\n", PermissionDenied, "rndc.key: permission denied"},
		{"a cast in code that reads the settings", "Exception in thread \"main\" java.lang.ClassCastException: class java.lang.String cannot be cast to class java.util.List (java.lang.String and java.util.List are in module java.base of loader 'bootstrap')\n\tat com.acme.edge.config.CorsSettings.fromMap(CorsSettings.java:41)\n\tat com.acme.edge.config.GatewayConfig.load(GatewayConfig.java:77)\n", ConfigError, "ClassCastException"},
		{"a 32-bit DLL for a 64-bit JVM", "Caused by: java.lang.UnsatisfiedLinkError: C:\\app\\lib\\sapjco3.dll: Can't load IA 32-bit .dll on a AMD 64-bit platform\n", ExecFormat, "Can't load IA 32-bit .dll"},
		{".NET loading a DLL of the other bitness", "Unhandled Exception: System.BadImageFormatException: An attempt was made to load a program with an incorrect format. (Exception from HRESULT: 0x8007000B)\n", ExecFormat, "0x8007000B"},
		{"node-ffi's Win32 error 193", "Error: Dynamic Linking Error: Win32 error 193\n    at new DynamicLibrary (C:\\app\\node_modules\\ffi-napi\\lib\\dynamic_library.js:75:11)\n", ExecFormat, "Win32 error 193"},
		{"an illegal instruction in docker ps' row", "9b8a7c6d5e4f   registry.local/geo-index:1.2  \"C:\\\\app\\\\geo-index.e…\"   3 minutes ago   Restarting (3221225501) 20 seconds ago   geo-index\n", ExecFormat, "3221225501"},
		{"describe's exit code of a missing DLL", "        Reason:       Error\n        Exit Code:    -1073741515\n", AppCrash, "-1073741515"},
		{"LogMonitor's child's access violation", "[2025-06-11T10:09:42.000Z][LOGMONITOR] INFO: Entrypoint processs exit code: -1073741819\n", Segfault, "-1073741819"},
		{"LogMonitor without its program", "[2025-01-28T15:03:11.000Z][LOGMONITOR] ERROR: Failed to start entrypoint process. Error: 2\n", CommandNotFound, "Failed to start entrypoint process"},
		{"Kestrel's certificate password", "Unhandled exception. System.Security.Cryptography.CryptographicException: The specified network password is not correct.\n", ConfigError, "network password is not correct"},
		{"DynamoDB over its throughput", "ERROR: operation error DynamoDB: GetItem, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: XXXX, ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded.\n", DependencyUnavailable, "ProvisionedThroughputExceededException"},
		{"a Lua library whose API changed", "nginx: [error] init_by_lua_file error: /etc/nginx/lua/init.lua:14: attempt to call field 'load' (a nil value)\n", AppCrash, "attempt to call field 'load'"},
		{"luasocket's name that does not resolve", "apisix-1  | request etcd endpoint 'http://etcd:2379/version' error, host or service not provided, or not known\n", DependencyUnavailable, "not known"},
		{"a fatal setting below a warning", "postfix/postfix-script: warning: not owned by postfix: /var/spool/postfix/maildrop\npostfix: fatal: parameter inet_interfaces: no local interface found for ::1\n", ConfigError, "inet_interfaces"},
		{"Celery's broker at its localhost default", "[2024-06-11 07:32:13,004: WARNING/MainProcess] /usr/local/lib/python3.12/site-packages/celery/worker/consumer/consumer.py:507: CPendingDeprecationWarning: The broker_connection_retry configuration setting will no longer determine\n" +
			"[2024-06-11 07:32:13,011: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: [Errno 111] Connection refused.\nTrying again in 2.00 seconds... (1/5)\n\n" +
			"[2024-06-11 07:32:43,061: CRITICAL/MainProcess] Unrecoverable error: OperationalError(ConnectionRefusedError(111, 'Connection refused'))\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/kombu/connection.py\", line 472, in _reraise_as_library_errors\n    yield\n" +
			"  File \"/usr/local/lib/python3.12/site-packages/kombu/utils/functional.py\", line 318, in retry_over_time\n    return fun(*args, **kwargs)\n  File \"/usr/local/lib/python3.12/site-packages/kombu/utils/functional.py\", line 320, in retry_over_time\n    raise\nConnectionRefusedError: [Errno 111] Connection refused\n\n" +
			"settings.py has `CELERY_BROKER_URL = os.environ.get(\"CELERY_BROKER_URL\")` and the deployment sets BROKER_URL=amqp://shop:changeme@rabbitmq.mq.svc:5672//, broker_connection_max_retries=5.\n", ConfigError, "Connection refused"},
		{"ioredis at 127.0.0.1 after the sidecar went", "Our session service started crashlooping after we moved from the redis sidecar to the bitnami redis chart.\n" +
			"[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)\n", ConfigError, "127.0.0.1:6379"},
	})
	checkNotRead(t, []notRead{
		// A mount the files are copied into by a tool hides nothing.
		{"Happens when our CI copies new mediator jars into repository/components/dropins (it's a shared volume mounted into the running pods, rsync overwrites the jar in place).\n", ConfigError},
		// Camel's word for a route's URI is no DNS lookup.
		{"Caused by: org.apache.camel.ResolveEndpointFailedException: Failed to resolve endpoint: direct://audit due to: Error binding property (bridgeErrorHandler=maybe) with name: bridgeErrorHandler on bean\n", DependencyUnavailable},
		// Spark's tasks to run and Hadoop's native library notice are no failures.
		{"24/05/10 13:22:41 WARN NativeCodeLoader: Unable to load native-hadoop library for your platform... using builtin-java classes where applicable\n24/05/10 13:22:45 INFO DAGScheduler: Submitting 2 missing tasks from ResultStage 0 (MapPartitionsRDD[1] at map at SparkPi.scala:34)\n", AppCrash},
	})
	// A sidecar still in the pod keeps a refused localhost a dependency.
	checkLogRules(t, []logRule{
		{"ioredis beside its redis sidecar", "The redis sidecar starts after the app.\n[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)\n", DependencyUnavailable, "127.0.0.1:6379"},
	})
}

// More one-shot tools' last words of success.
func TestTaskEndings744(t *testing.T) {
	for _, log := range []string{
		"Updating the configuration and installing your custom providers, if any. Please wait.\n2025-01-09 16:02:51,330 INFO  [io.quarkus.deployment.QuarkusAugmentor] (main) Quarkus augmentation completed in 8874ms\nServer configuration updated and persisted. Run the following command to review the configuration:\n\n\tkc.sh show-config\n\nNext time you run the server, just run:\n\n\tkc.sh start --optimized\n",
		"24/05/10 13:22:41 WARN NativeCodeLoader: Unable to load native-hadoop library for your platform... using builtin-java classes where applicable\n24/05/10 13:22:45 INFO DAGScheduler: Submitting 2 missing tasks from ResultStage 0 (MapPartitionsRDD[1] at map at SparkPi.scala:34)\n" +
			"Pi is roughly 3.1413357066785336\n24/05/10 13:22:47 INFO SparkContext: SparkContext is stopping with exitCode 0.\n24/05/10 13:22:47 INFO SparkContext: Successfully stopped SparkContext\n24/05/10 13:22:47 INFO ShutdownHookManager: Shutdown hook called\n",
	} {
		wantCompleted(t, log)
	}
}

// LogMonitor exits 0 whatever became of the program it wraps: the
// child's exit code it prints decides, not the container's 0.
func TestLogMonitorChildExit744(t *testing.T) {
	st := completedLoop("collector", 16)
	pod := testPod([]string{"collector"}, setStatus(st))
	log := "<LogEntry><Source>Process</Source><Logline>2025-06-11 10:09:42.007 collector: gateway returned short frame (7 bytes), resyncing</Logline></LogEntry>\n[2025-06-11T10:09:42.000Z][LOGMONITOR] INFO: Entrypoint processs exit code: -1073741819\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"collector": log}}); r.Category != Segfault {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// A container the kubelet cannot create now is explained by its events of
// now, however long ago its last instance ended.
func TestConfigErrorEventsOfNow744(t *testing.T) {
	st := corev1.ContainerStatus{Name: "gateway", RestartCount: 14,
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CreateContainerConfigError"}},
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 1, Reason: "Error",
			StartedAt: metav1.NewTime(now.Add(-18 * time.Hour)), FinishedAt: metav1.NewTime(now.Add(-18 * time.Hour))}}}
	pod := testPod([]string{"gateway"}, setStatus(st))
	in := Input{Pod: pod, Now: now, Events: []corev1.Event{event("Failed", "gateway", "Error: couldn't find key LOG_LEVEL in ConfigMap shop/gateway-env", 2*time.Minute, 310)},
		Logs: map[string]string{"gateway": "gateway pods were CrashLoopBackOff yesterday because of a bad LOG_FORMAT value (app printed \"invalid log format\"), I fixed the ConfigMap via kustomize and now they don't even start:\n"}}
	if r := Diagnose(in); r.Category != MissingConfigObject {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}
