package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 346 onwards (session 41).
func TestRules741(t *testing.T) {
	checkLogRules(t, []logRule{
		{"reth's authrpc port taken", "Error: address 0.0.0.0:8551 (AUTH server) is already in use (os error 98). Choose a different port using --authrpc.port\n", PortConflict, "os error 98"},
		{"QuestDB's bind refused with errno 98", "io.questdb.network.NetworkError: [98] could not bind socket [who=http-server, bindTo=0.0.0.0:9000]\n", PortConflict, "could not bind socket"},
		{"EventMachine's acceptor on a port in use", "/usr/local/bundle/gems/eventmachine-1.2.7/lib/eventmachine.rb:531:in `start_tcp_server': no acceptor (port is in use or requires root privileges) (RuntimeError)\n", PortConflict, "no acceptor"},
		{"Oracle mounted but not open", "java.sql.SQLException: Listener refused the connection with the following error:\nORA-12528, TNS:listener: all appropriate instances are blocking new connections\n", DependencyUnavailable, "ORA-12528"},
		{"a Perl XS module built for another perl", "XS.c: loadable library and perl binaries are mismatched (got handshake key 0xde00080, needed 0xeb00080)\n", AppCrash, "perl binaries are mismatched"},
		{"the Go runtime faulting on a non-nil address", "unexpected fault address 0xc000f2c000\nfatal error: fault\n[signal SIGSEGV: segmentation violation code=0x2 addr=0xc000f2c000 pc=0x46bd35]\n", Segfault, "unexpected fault address"},
		{"ClickHouse's uncaught exception before its settings", "<Fatal> BaseDaemon: (version 24.3.2.23 (official build)) (from thread 747) Terminate called for uncaught exception:\n<Fatal> BaseDaemon: Code: 49. DB::Exception: Part all_1204_1204_0 intersects previous part. (LOGICAL_ERROR)\n<Fatal> BaseDaemon: Changed settings: max_threads = 8\n", AppCrash, "Terminate called for uncaught exception"},
		{"Solr's home without solr.xml", "ERROR (main) [] o.a.s.c.SolrCore null:org.apache.solr.common.SolrException: solr.xml does not exist in /data/solr cannot start Solr\n", ConfigError, "solr.xml does not exist"},
		{"OpenSearch's TLS file not there", "Caused by: org.opensearch.OpenSearchException: Unable to read /usr/share/opensearch/config/esnode.pem (/usr/share/opensearch/config/esnode.pem). Please make sure this files exists and is readable regarding to permissions. Property: plugins.security.ssl.transport.pemcert_filepath\n", ConfigError, "esnode.pem"},
		{"Node-RED's settings requiring a module the image lacks", "Error loading settings file: /data/settings.js\nError: Cannot find module 'moment'\nRequire stack:\n- /data/settings.js\n", AppCrash, "Cannot find module"},
		{"Nexus's data directory held by the old pod", "Nexus data directory already in use: /nexus-data\n", ConfigError, "already in use"},
		{"Guzzle's cURL error 7 wrapped by the console", "  Creation of bucket \"nextcloud\" failed. Error executing \"CreateBucket\" on \"h\n  ttp://minio.storage.svc:9000/nextcloud\"; AWS HTTP error: cURL error 7: Fai\n  led to connect to minio.storage.svc port 9000 after 2 ms\n", DependencyUnavailable, "cURL error 7"},
		{"pgBackRest's assertion", "ASSERT: [025]: unable to find '20250504-010002F' in string list\n        If SUBMITTING AN ISSUE please provide the following information:\n2025-05-11 01:00:04.902 P00   INFO: backup command end: aborted with exception [025]\n", AppCrash, "ASSERT"},
		{"etcdutl on a copied bolt file", "Error: snapshot missing hash but --skip-hash-check=false\n", ConfigError, "snapshot missing hash"},
		{"S3 throttling rclone", "2025/04/28 03:41:18 Failed to sync with 1874 errors: last error was: SlowDown: Please reduce your request rate.\n\tstatus code: 503, request id: tx00000b2f8e1d4c6a3b2c5\n", DependencyUnavailable, "SlowDown"},
		{"an AppImage without libfuse", "dlopen(): error loading libfuse.so.2\n\nAppImages require FUSE to run.\n", AppCrash, "libfuse.so.2"},
		{"Deno's import of a file the image lacks", "error: Module not found \"file:///app/src/lib/pricing.ts\".\n    at file:///app/src/routes/checkout.ts:3:30\n", AppCrash, "pricing.ts"},
		{"Deno without its import map", "error: Relative import path \"hono\" not prefixed with / or ./ or ../ and not in import map from \"file:///app/src/server.ts\"\n    at file:///app/src/server.ts:1:22\n", AppCrash, "import map"},
		{"a Go embed without the underscore directory", "panic: read build version: open build/_app/version.json: file does not exist\n", AppCrash, "file does not exist"},
		{"Snowflake's column renamed under a dbt model", "  000904 (42000): SQL compilation error: error line 14 at position 8\n  invalid identifier 'O.ORDER_TOTAL_USD'\n", AppCrash, "invalid identifier"},
		{"a Go test failing in the pod", "        \tError:      \tNot equal: \n        \t            \texpected: 11900\n--- FAIL: TestInvoiceRounding (0.00s)\nFAIL\n", AppCrash, "Not equal"},
		{"rumqttc's login refused", "Error: Connection refused, return code: `BadUserNamePassword`\n", ConfigError, "BadUserNamePassword"},
		{"Snowflake's connector with no answer", "Database Error\n  250003 (08001): None: Failed to get the response. Hanging? method: post, url: https://acme.snowflakecomputing.com:443/session/v1/login-request\n", DependencyUnavailable, "250003"},
		{"Envoy's bootstrap out of range", "2024-07-09T12:04:51.341877Z\tcritical\tenvoy main\terror initializing configuration 'etc/istio/proxy/envoy-rev.json': Proto constraint validation failed (ConnectTimeout: value must be greater than 0s)\n", ConfigError, "Proto constraint"},
		{"requests raising on a 502", "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: http://inventory.shop.svc.cluster.local:8080/api/skus\n", DependencyUnavailable, "502 Server Error"},
		{"a client quoting Envoy's 503", "ERROR 2024-09-30 07:12:03,188 [main] o.a.w.Bootstrap - startup failed\no.a.w.flags.FlagLoadException: GET http://flags.platform.svc.cluster.local:8080/v1/flags returned 503 Service Unavailable: upstream connect error or disconnect/reset before headers. reset reason: remote connection failure\n", DependencyUnavailable, "returned 503"},
		{"a Rust panic after a warning that names an error", "2024-07-24T03:41:18.870125Z\twarn\thyper_util\tconnection error: connection reset by peer\nthread 'ztunnel-proxy-1' panicked at src/proxy/inbound.rs:451:67:\ncalled `Option::unwrap()` on a `None` value\n", AppCrash, "unwrap()"},
		{"MATLAB's runtime of another version", "Setting up environment variables\n---\nCould not find version 23.2 of the MATLAB Runtime.\nAttempting to load libmwmclmcrrt.so.23.2.\n", AppCrash, "MATLAB Runtime"},
		{"MATLAB's licence for another host", "License Manager Error -9\nThe hostid of your computer (0242ac110002) does not match the hostid of the license file (02:42:ac:11:00:99).\n", ConfigError, "Error -9"},
		{"MATLAB's crash report", "          Segmentation violation detected at 2024-02-13 10:15:22 +0000\n", Segfault, "Segmentation violation detected"},
		{"MaxScale's crash report", "2024-06-20 08:44:05   alert  : (7) MaxScale 24.02.1 received fatal signal 11. Commit ID: 5b1e8a0e\n", Segfault, "fatal signal 11"},
		{"Octave's missing package after its X11 notice", "octave: X11 DISPLAY environment variable not set\nerror: package signal is not installed\n", AppCrash, "not installed"},
		{"Cassandra with no seed to gossip with", "java.lang.RuntimeException: Unable to gossip with any peers\n", DependencyUnavailable, "gossip"},
		{"Vitess without mysqld in the image", "E0514 09:31:07.449925       1 mysqlctld.go:131] failed to initialize mysql data dir and start mysqld: mysqld not found in any of /usr/{sbin,bin,libexec}\n", CommandNotFound, "mysqld not found"},
		{"an AWS region typed wrong in the endpoint", "operation error SQS: ReceiveMessage, https response error: dial tcp: lookup sqs.us-esat-1.amazonaws.com on 172.20.0.10:53: no such host\n", ConfigError, "us-esat-1"},
		{"boto3's endpoint of a region with a letter for a digit", "botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: \"https://sqs.eu-west-l.amazonaws.com/\"\n", ConfigError, "eu-west-l"},
	})
	checkNotRead(t, []notRead{
		// The asker's "never OOMKilled" rules memory out.
		{"Memory is at ~19Gi of 32Gi when it happens, never OOMKilled. Disks are fine.\n", OOMKilled},
		// The asker's IAM permissions that look fine are no refusal.
		{"IAM permissions look fine (no AccessDenied anywhere), and the API server is healthy.\n", PermissionDenied},
		// A variable the asker says their Deployment does not set is no
		// program refusing to start without it.
		{"NODE_OPTIONS is not set in the Deployment. Dockerfile CMD is `node packages/backend`.\n", ConfigError},
		// A volume the asker mounts read-only on purpose.
		{"It's a Deployment with the data dir mounted read-only from the postgres pod's volume via a ReadWriteMany PVC.\n", PermissionDenied},
		// A quoted value a parser refused is no word of the log's.
		{"panic: strconv.ParseFloat: parsing \"unavailable\": invalid syntax\n", DependencyUnavailable},
	})
}

// A real AWS region in an unreachable endpoint stays a dependency.
func TestRealRegionStaysDependency741(t *testing.T) {
	got := ScanLog(strings.NewReader("dial tcp: lookup sqs.ap-southeast-2.amazonaws.com on 10.0.0.10:53: no such host\n"))
	if got.Category != DependencyUnavailable {
		t.Errorf("a real region's endpoint: got %s (%s)", got.Category, got.Line)
	}
	for _, r := range []string{"us-east-1", "eu-central-2", "ap-northeast-3", "us-gov-west-1", "cn-northwest-1", "il-central-1"} {
		if impossibleAWSRegion("https://sqs."+r+".amazonaws.com/") != "" {
			t.Errorf("%s read as a typo", r)
		}
	}
}

// A redis the asker says is not in the pod as a sidecar leaves a refused
// localhost a setting.
func TestNoSidecarWords741(t *testing.T) {
	pod := testPod([]string{"app"}, sparse("app", corev1.ContainerStatus{RestartCount: 5, State: waitingCLB()}))
	log := "Error: connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)\n\n" +
		"REDIS_URL isn't set, the code defaults to redis://127.0.0.1:6379. No redis sidecar in the pod.\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": log}}); r.Category != ConfigError {
		t.Errorf("localhost with no sidecar: got %s: %s", r.Category, r.Summary)
	}
}

// More one-shot tools' last words of success.
func TestTaskEndings741(t *testing.T) {
	for _, log := range []string{
		"2025/03/02 10:41:21 cmd/dump.go:232:runDump() [I] Adding custom configuration file from /data/gitea/conf/app.ini\n2025/03/02 10:41:26 cmd/dump.go:336:runDump() [I] Finish dumping in file gitea-dump-1740912067.tar.gz\n",
		"INFO: ANALYSIS SUCCESSFUL, you can find the results at: https://sonar.example.internal/dashboard?id=web\nINFO: ------------------------------------------------------------------------\nINFO: EXECUTION SUCCESS\nINFO: ------------------------------------------------------------------------\nINFO: Total time: 48.772s\nINFO: Final Memory: 21M/80M\n",
		"INFO: 2025/04/05 12:12:50.523590 Finished writing part 3.\nINFO: 2025/04/05 12:12:51.066931 Wrote backup with name base_000000010000000900000042\n",
		"processed 18037 files, 6.204 GiB in 0:41\nsnapshot 4c8a21f9 saved\n",
		"Waiting for response...\nSavepoint completed. Path: s3://acme-flink/savepoints/savepoint-3a1f0c\nYou can resume your program from this savepoint with the run command.\n",
		"nginx version: nginx/1.27.3\nbuilt by gcc 12.2.0 (Debian 12.2.0-14)\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --conf-path=/etc/nginx/nginx.conf\n",
		"2025-05-20T08:30:12.463118Z  INFO vector: All sources have finished.\n2025-05-20T08:30:12.463201Z  INFO vector: Vector has stopped.\n",
	} {
		wantCompleted(t, log)
	}
}
