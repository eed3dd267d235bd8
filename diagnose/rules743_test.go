package diagnose

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 378 onwards (session 42).
func TestRules743(t *testing.T) {
	checkLogRules(t, []logRule{
		{"kafka-python tried only localhost", "WARNING:kafka.conn:<BrokerConnection node_id=bootstrap-0 host=localhost:9092 <connecting> [IPv4 ('127.0.0.1', 9092)]>: connect attempt to localhost:9092 returned error 111. Disconnecting.\n" +
			"Traceback (most recent call last):\n  File \"/app/worker.py\", line 21, in <module>\n    consumer = KafkaConsumer(\n  File \"/usr/local/lib/python3.11/site-packages/kafka/client_async.py\", line 943, in check_version\n    raise Errors.NoBrokersAvailable()\nkafka.errors.NoBrokersAvailable: NoBrokersAvailable\n", ConfigError, "NoBrokersAvailable"},
		{"gRPC's handshake refused on each retry, then the deadline", "W0305 02:14:33.794160       1 logging.go:59] [core] [Channel #2 SubChannel #4]grpc: addrConn.createTransport failed to connect to {Addr: \"etcd-client.karmada-system.svc.cluster.local:2379\", }. Err: connection error: desc = \"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\"\n" +
			"F0305 02:14:52.534219       1 instance.go:290] Error creating leases: error creating storage factory: context deadline exceeded\n", ConfigError, "x509"},
		{"a cast in the app's own processor", "java.lang.ClassCastException: class java.lang.String cannot be cast to class java.math.BigDecimal (java.lang.String and java.math.BigDecimal are in module java.base of loader 'bootstrap')\n\tat com.acme.billing.imports.InvoiceItemProcessor.process(InvoiceItemProcessor.java:38)\n", AppCrash, "ClassCastException"},
		{"a plugin built against an older API", "[12:01:44] [FTL] [1] Main: Error while starting server\nSystem.MissingMethodException: Method not found: 'Void MediaBrowser.Controller.Library.ILibraryManager.UpdateItem(MediaBrowser.Controller.Entities.BaseItem)'.\n   at Jellyfin.Plugin.MergeVersions.PluginServiceRegistrator.RegisterServices(IServiceCollection serviceCollection, IServerApplicationHost applicationHost)\n", AppCrash, "MissingMethodException"},
		{"a base image's sqlite too old", "RuntimeError: Your system has an unsupported version of sqlite3. Chroma requires sqlite3 >= 3.35.0.\n", AppCrash, "unsupported version of sqlite3"},
		{"Akka's modules of mixed versions", "Exception in thread \"main\" java.lang.IllegalStateException: You are using version 2.6.20 of Akka, but it appears you (perhaps indirectly) also depend on older versions of related artifacts. You can solve this by adding an explicit dependency on version 2.6.20 of the [akka-stream] artifacts to your project.\n", AppCrash, "older versions of related artifacts"},
		{"Trino on a JDK too old", "ERROR: Trino requires Java 22+ (found 21.0.4+7-LTS)\n", AppCrash, "requires Java 22"},
		{"Hive's metastore port taken", "2024-02-11T09:14:07,118 ERROR [main] metastore.HiveMetaStore: org.apache.thrift.transport.TTransportException: Could not create ServerSocket on address 0.0.0.0/0.0.0.0:9083.\n", PortConflict, "Could not create ServerSocket"},
		{"CherryPy's port not free", "[06/Mar/2025:10:02:11] ENGINE Error in 'start' listener <bound method Server.start of <cherrypy._cpserver.Server object at 0x7f>>\nportend.Timeout: Port 9000 not free on ::.\n", PortConflict, "not free on"},
		{"sglang's router without its workers", "Error starting router: Failed to create router: Timeout 300s waiting for workers [\"http://sglang-w0.llm.svc:30000\"] to become healthy. Please set --router-worker-startup-timeout-secs to a larger value\n", DependencyUnavailable, "waiting for workers"},
		{"Prometheus told to stop", "ts=2025-03-04T16:03:26.774Z caller=head.go:793 level=info component=tsdb msg=\"WAL segment loaded\" segment=412 maxSegment=1902\nts=2025-03-04T16:03:27.001Z caller=main.go:945 level=warn msg=\"Received an OS signal, exiting gracefully...\" signal=terminated\n", LivenessProbe, "Received an OS signal"},
	})
	checkLogRules(t, []logRule{
		// An attempt at a real address beside the loopback one: the
		// broker is not only looked for at the pod itself.
		{"kafka-python tried a Service too", "WARNING:kafka.conn:<BrokerConnection node_id=bootstrap-0 host=localhost:9092 <connecting>>: connect attempt to localhost:9092 returned error 111. Disconnecting.\n" +
			"WARNING:kafka.conn:<BrokerConnection node_id=bootstrap-1 host=kafka.kafka.svc:9092 <connecting>>: connect attempt to kafka.kafka.svc:9092 returned error 111. Disconnecting.\n" +
			"Traceback (most recent call last):\n  File \"/app/worker.py\", line 21, in <module>\n    consumer = KafkaConsumer(\n  File \"/usr/local/lib/python3.11/site-packages/kafka/client_async.py\", line 943, in check_version\n    raise Errors.NoBrokersAvailable()\n" +
			"kafka.errors.NoBrokersAvailable: NoBrokersAvailable\n", DependencyUnavailable, "NoBrokersAvailable"},
		// A deadline with plain refusals before it stays a dependency.
		{"gRPC refused, then the deadline", "W0305 02:14:33.794160       1 logging.go:59] [core] grpc: addrConn.createTransport failed to connect to {Addr: \"etcd:2379\", }. Err: connection error: desc = \"transport: Error while dialing: dial tcp 10.96.0.20:2379: connect: connection refused\"\n" +
			"F0305 02:14:52.534219       1 instance.go:290] Error creating leases: error creating storage factory: context deadline exceeded\n", DependencyUnavailable, "deadline exceeded"},
	})
	checkNotRead(t, []notRead{
		// A class loader of Java 9 and later that old code casts: the
		// image's Java for the app (a setting, by an earlier shape).
		{"Exception in thread \"main\" java.lang.ClassCastException: class jdk.internal.loader.ClassLoaders$AppClassLoader cannot be cast to class java.net.URLClassLoader\n", AppCrash},
		// Hadoop's client class named "...FailoverProxyProvider" is no failure.
		{"2024-01-29 15:02:41,330 INFO client.DefaultNoHARMFailoverProxyProvider: Connecting to ResourceManager at yarn-resourcemanager/10.96.41.18:8032\n", AppCrash},
		// A flag said to be false rules the OOM killer out.
		{"docker inspect shows OOMKilled false.\n", OOMKilled},
	})
}

// More one-shot tools' last words of success.
func TestTaskEndings743(t *testing.T) {
	for _, log := range []string{
		"Starting upgrade metastore schema from version 3.1.0 to 3.1.0\nUpgrade script upgrade-3.1.0-to-3.1.0.postgres.sql\nNo schema upgrade required from version 3.1.0\nschemaTool completed\n",
		"Starting Job\n2024-01-29 15:02:41,330 INFO client.DefaultNoHARMFailoverProxyProvider: Connecting to ResourceManager at yarn-resourcemanager/10.96.41.18:8032\n" +
			"2024-01-29 15:03:10,540 INFO mapreduce.Job: Job job_1706532118023_0041 completed successfully\nJob Finished in 29.357 seconds\nEstimated value of Pi is 3.14080000000000000000\n",
		"Import finished!\nVictoriaMetrics importer stats:\n  idle duration: 3m11.402s;\n  total samples: 19820441003;\n  import requests retries: 0;\n2025/03/19 11:48:02 Total time: 2h44m20.51s\n",
	} {
		wantCompleted(t, log)
	}
}

// A server that logs it was told to stop, exit 0, with a liveness probe
// configured: the probe's kill, not a finished task.
func TestSignalTerminatedExitZero743(t *testing.T) {
	st := completedLoop("prometheus", 11)
	pod := testPod([]string{"prometheus"}, setStatus(st))
	pod.Spec.Containers[0].LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/-/ready"}}, FailureThreshold: 3, PeriodSeconds: 15}
	log := "ts=2025-03-04T16:03:26.774Z caller=head.go:793 level=info component=tsdb msg=\"WAL segment loaded\" segment=412 maxSegment=1902\n" +
		"ts=2025-03-04T16:03:27.001Z caller=main.go:945 level=warn msg=\"Received an OS signal, exiting gracefully...\" signal=terminated\n" +
		"ts=2025-03-04T16:03:27.118Z caller=main.go:1278 level=info msg=\"See you next time!\"\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"prometheus": log}}); r.Category != LivenessProbe {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}
