package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules from session 24's textbook faults and held-out rounds 506 on.
func TestRules506(t *testing.T) {
	checkLogRules(t, []logRule{
		{"PHP's uncaught TypeError", "[15-May-2024 10:20:31] NOTICE: ready to handle connections\nPHP Fatal error:  Uncaught TypeError: App\\Cache\\Warmup::run(): Argument #1 ($items) must be of type array, null given, called in /var/www/html/bin/boot.php on line 27\n", AppCrash, "Uncaught TypeError"},
		{"a refused localhost whose port the pod's proxy listens on, a moment later", "{\"level\":\"fatal\",\"msg\":\"connect to database\",\"error\":\"dial tcp 127.0.0.1:5432: connect: connection refused\"}\n2024/05/08 06:30:05 [acme-prod:us-central1:orders-pg] Listening on 127.0.0.1:5432\n", DependencyUnavailable, "127.0.0.1:5432: connect: connection refused"},
		{"Fluent Bit's tail database it cannot create", "[2024/03/18 09:10:44] [error] [sqldb] cannot open database /var/log/app/flb_tail.db\n[2024/03/18 09:10:44] [error] [input:tail:tail.0] could not open/create database\n", PermissionDenied, "cannot open database"},
		{"a Node promise nobody handled", "node:internal/process/promises:289\n            triggerUncaughtException(err, true /* fromPromise */);\n\n[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"feed parser returned no items\".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n", AppCrash, "UnhandledPromiseRejection"},
		{"a promise rejected for a refused connection", "[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"connect ECONNREFUSED 10.0.0.5:5432\".] {\n", DependencyUnavailable, "ECONNREFUSED"},
		{"pm2's script missing, then its shutdown noise", "2024-08-12T06:31:02: PM2 error: Error: Script not found: /usr/src/app/build/server.js\n2024-08-12T06:31:08: PM2 log: Stopping app:all id:undefined\n2024-08-12T06:31:08: PM2 error: app=all id=undefined does not have a pid\n", CommandNotFound, "Script not found"},
		{"a traceback the program said it goes on after, then the one it died of", "WARNING:root:statsd send failed, metrics are optional, continuing\nTraceback (most recent call last):\n  File \"/app/metrics.py\", line 18, in emit\n    sock.sendto(payload, (STATSD_HOST, 8125))\nConnectionRefusedError: [Errno 111] Connection refused\nTraceback (most recent call last):\n  File \"/app/runner.py\", line 71, in main\n    base = rules[0].base_price\nIndexError: list index out of range\n", AppCrash, "IndexError"},
		{"traces it could not export, then a missing setting", "2024/07/30 15:22:03 traces export: context deadline exceeded: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.96.201.7:4317: connect: connection refused\"\n2024/07/30 15:22:04 ERROR config error=\"required key LEDGER_SIGNING_KEY missing value\"\n", ConfigError, "LEDGER_SIGNING_KEY"},
		{"spans it could not export, then serde's missing field", "2025-03-04T09:10:11.204512Z  WARN opentelemetry_sdk: name=\"BatchSpanProcessor.Flush.ExportError\" reason=\"ExportFailed(Status { code: Unavailable, message: \\\"tcp connect error: Connection refused (os error 111)\\\" })\"\nError: missing field `database_url`\n", ConfigError, "missing field `database_url`"},
		{"external-dns's EndpointSlice cache under an older ClusterRole", "{\"level\":\"fatal\",\"msg\":\"failed to sync *v1.EndpointSlice: context deadline exceeded with timeout 1m0s\",\"time\":\"2025-06-26T09:02:07Z\"}\n", PermissionDenied, "*v1.EndpointSlice"},
		{"a cache that never syncs, in newer words", "time=\"2022-09-06T12:07:37Z\" level=fatal msg=\"failed to sync *v1.Gateway after 1m0s: context deadline exceeded\"\n", ConfigError, "failed to sync *v1.Gateway"},
		{"s6-overlay's main command not found", "[cmd] /app/run.sh exited 127\n", CommandNotFound, "exited 127"},
		{"PostgreSQL still in recovery, in a pull request's words", "- The app crashed on startup when Postgres was still in recovery (SQLSTATE 57P03 \"not yet accepting connections\"), relying on kubelet restarts to eventually connect.\n", DependencyUnavailable, "not yet accepting connections"},
		{"Compose's unset variable above the program's own error", "WARNING: The WATCHDOG_NOTIFY_EMAIL variable is not set. Defaulting to a blank string.\nAttaching to mailcow_netfilter_1\nnetfilter_1  | Traceback (most recent call last):\nnetfilter_1  |   File \"/server.py\", line 507, in <module>\nnetfilter_1  | ImportError: No module named geoip\n", AppCrash, "ImportError"},
		{"Compose's unset variable alone", "WARNING: The DB_PASSWORD variable is not set. Defaulting to a blank string.\n", ConfigError, "DB_PASSWORD"},
		{"Haskell's read of a setting that does not parse", "ledger-api: Prelude.read: no parse\n", ConfigError, "Prelude.read: no parse"},
		{"OCaml's int_of_string on an empty value", "Fatal error: exception Failure(\"int_of_string\")\n", ConfigError, "int_of_string"},
		{"Java's helpful NPE message, whose because is not a cause clause", "Caused by: java.lang.NullPointerException: Cannot invoke \"com.acme.fraud.model.Card.getCountry()\" because the return value of \"com.acme.fraud.model.Payment.getCard()\" is null\n", AppCrash, "NullPointerException"},
		{"the AWS SDK's credentials chain, with the metadata endpoint last", "Caused by: com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain: [EnvironmentVariableCredentialsProvider: Unable to load AWS credentials from environment variables, com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper@2c7d4e61: Failed to connect to service endpoint: ]\n", ConfigError, "any provider in the chain"},
		{"Elasticsearch refusing root", "uncaught exception in thread [main]\njava.lang.RuntimeException: can not run elasticsearch as root\n\tat org.elasticsearch.bootstrap.Bootstrap.initializeNatives(Bootstrap.java:107)\n", ConfigError, "can not run elasticsearch as root"},
		{"Consul's unknown token", "{\"level\":\"fatal\",\"msg\":\"service registration failed\",\"error\":\"Unexpected response code: 403 (ACL not found)\"}\n", ConfigError, "ACL not found"},
		{".NET's inner exception under a server-selection timeout", "Unhandled exception. System.TimeoutException: A timeout occurred after 30000ms selecting a server using CompositeServerSelector{ Selectors = MongoDB.Driver.MongoClient+AreSessionsSupportedServerSelector }.\n ---> MongoDB.Driver.MongoAuthenticationException: Unable to authenticate using sasl protocol mechanism SCRAM-SHA-256.\n ---> MongoDB.Driver.MongoCommandException: Command saslStart failed: Authentication failed..\n", ConfigError, "Authentication failed"},
		{"a connector's failed connect that names a wrong password", "snowflake.connector.errors.DatabaseError: 250001 (08001): None: Failed to connect to DB: xy12345.eu-west-1.snowflakecomputing.com:443. Incorrect username or password was specified.\n", ConfigError, "Incorrect username or password"},
		{"Java's SecretKeySpec given an empty key", "Caused by: org.springframework.beans.BeanInstantiationException: Failed to instantiate [com.acme.accounts.security.JwtService]: Constructor threw exception\nCaused by: java.lang.IllegalArgumentException: Empty key\n", ConfigError, "Empty key"},
		{"the Java runtime not found, in a title", "Reboot loop on OMV docker - java not found\n", CommandNotFound, "java not found"},
		{"glibc's heap check, then the abort", "renderer-1  | [renderer] scene loaded: 3 meshes, 12 textures\nrenderer-1  | malloc(): invalid size (unsorted)\nrenderer-1  | Aborted (core dumped)\n", AppCrash, "malloc(): invalid size (unsorted)"},
		{"glibc's heap check above Go's cgo signal report", "malloc(): unaligned tcache chunk detected\nSIGABRT: abort\nPC=0x7f4d3e8a99fc m=5 sigcode=18446744073709551610\nsignal arrived during cgo execution\n", AppCrash, "unaligned tcache chunk"},
		{"glibc's bad free", "munmap_chunk(): invalid pointer\nAborted (core dumped)\n", AppCrash, "munmap_chunk(): invalid pointer"},
		{".NET's access violation in native code", "Fatal error. System.AccessViolationException: Attempted to read or write protected memory. This is often an indication that other memory is corrupt.\n   at ZplNative.Interop.zpl_render(IntPtr, Byte[], Int32)\n", Segfault, "AccessViolationException"},
		{".NET's GC that cannot reserve its heap", "GC heap initialization failed with error 0x8007000E\nFailed to create CoreCLR, HRESULT: 0x8007000E\n", ConfigError, "GC heap initialization failed"},
		{"pwsh's script file not there", "The argument '/scripts/start.ps1' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\nUsage: pwsh[.exe] [-Login] [[-File] <filePath> [args]]\n", CommandNotFound, "is not recognized as the name of a script file"},
		{"Windows PowerShell's -File not there", "The argument 'C:\\scripts\\Start-Loader.ps1' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter.\n", CommandNotFound, "to the -File parameter does not exist"},
		{"a PowerShell module the image lacks", "Import-Module : The specified module 'SqlServer' was not loaded because no valid module file was found in any module directory.\n    + CategoryInfo          : ResourceUnavailable: (SqlServer:String) [Import-Module], FileNotFoundException\n", AppCrash, "no valid module file was found"},
		{"Postgrex's name that does not resolve, under the supervisor's shutdown", "10:41:07.118 [error] Postgrex.Protocol (#PID<0.2341.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (shop-postgres:5432): non-existing domain - :nxdomain\n** (EXIT from #PID<0.95.0>) shutdown: failed to start child: Shop.Repo.Migrator\n", DependencyUnavailable, ":nxdomain"},
		{".NET's EAI_AGAIN", "Unhandled exception. System.Net.Http.HttpRequestException: Resource temporarily unavailable (keycloak.auth.svc:8080)\n ---> System.Net.Sockets.SocketException (11): Resource temporarily unavailable\n", DependencyUnavailable, "Resource temporarily unavailable (keycloak.auth.svc:8080)"},
		{"Symfony's cache directory it cannot create", "  Unable to create the \"cache\" directory (/srv/app/var/cache/prod).\n", PermissionDenied, "Unable to create the \"cache\" directory"},
		{"Laravel's route to a controller spelled otherwise", "   UnexpectedValueException \n  Invalid route action: [App\\Http\\Controllers\\Api\\userController].\n", AppCrash, "Invalid route action"},
		{"PDO's local socket for a database host of localhost", "SQLSTATE[HY000] [2002] No such file or directory (Connection: mysql, SQL: select * from `settings`)\n", ConfigError, "[2002] No such file or directory"},
		{"a migration lock an earlier start left, at info level", "2023-10-09 09:33:05,719 INFO db.liquibase :: Database has unrun migrations. Waiting for migration lock to be cleared...\n2023-10-09 09:33:17,814 INFO metabase.core :: Metabase Shutting Down ...\n", ConfigError, "Waiting for migration lock to be cleared"},
		{"Celery's Redis that wants a password", "[2024-01-09 13:44:20,871: ERROR/MainProcess] consumer: Cannot connect to redis://redis-master:6379/0: Authentication required..\n", ConfigError, "Authentication required"},
		{"Celery's Redis database number beyond the server's", "[2023-05-25 07:30:14,601: ERROR/MainProcess] consumer: Cannot connect to redis://cache.internal:6379/20: DB index is out of range.\n", ConfigError, "DB index is out of range"},
		{"a stream group created again on every start", "redis.exceptions.ResponseError: BUSYGROUP Consumer Group name already exists\n", AppCrash, "BUSYGROUP"},
		{"ZooKeeper's lost connection under Pulsar's wrappers", "org.apache.pulsar.broker.PulsarServerException: org.apache.pulsar.metadata.api.MetadataStoreException: org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss\n", DependencyUnavailable, "ConnectionLoss"},
		{"a ZooKeeper peer not published yet, called an invalid config", "2023-08-21 12:40:18,915 [myid:] - ERROR [main:QuorumPeerMain@99] - Invalid config, exiting abnormally\norg.apache.zookeeper.server.quorum.QuorumPeerConfig$ConfigException: Address unresolved: zk-1.zk-hs.default.svc.cluster.local:3888 \n", DependencyUnavailable, "Address unresolved"},
		{"Jupyter started as root", "[C 2024-05-07 09:31:18.015 ServerApp] Running as root is not recommended. Use --allow-root to bypass.\n", ConfigError, "--allow-root"},
		{"Jupyter's port taken", "[C 2023-11-14 22:05:42.311 ServerApp] ERROR: the Jupyter server could not be started because port 8888 is not available.\n", PortConflict, "port 8888 is not available"},
		{"PyTorch's layers that do not fit", "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x512 and 1024x10)\n", AppCrash, "mat1 and mat2"},
		{"pandas' C parser out of memory", "pandas.errors.ParserError: Error tokenizing data. C error: out of memory\n", OOMKilled, "C error: out of memory"},
	})
	checkWords(t, []wordsCase{
		{"readOnlyRootFilesystem that causes it, in a non-native speaker's words", "klusterlet spec mount /tmp to emptydir volume\n\nIn our internal enviroment, pod PSP add security context readOnlyRootFilesystem: true, this cause klusterlet container failed to start up due to this error\n", PermissionDenied},
	})
	// A log that stops as a long step begins, with the reporter's own
	// sentences pasted below it.
	slow := "Configuring nginx::gitlab-pages...\nRecompiling assets (relative_url in use), this could take a while...\nIt stays on the last line for a minute or longer with NodeJS process consuming 100% CPU and then the container just dies.\n9.2.6 (I have built it locally from the provided Dockerfile with a version bump in it) didn't help :(\n"
	if ls := ScanLog(strings.NewReader(slow)); ls.Category != LivenessProbe {
		t.Errorf("a slow step, then the reporter's words: got %s, want liveness_probe", ls.Category)
	}
	// The program going on past the step is not a log cut short.
	if ls := ScanLog(strings.NewReader("Recompiling assets (relative_url in use), this could take a while...\nAssets compiled.\nStarting unicorn...\n")); ls.Category == LivenessProbe {
		t.Errorf("a slow step the program finished read as a probe kill")
	}
	// Traces it cannot export are still the cause when nothing else is.
	if ls := ScanLog(strings.NewReader("2024/07/30 15:22:03 traces export: context deadline exceeded: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.96.201.7:4317: connect: connection refused\"\n")); ls.Category != DependencyUnavailable {
		t.Errorf("traces it could not export, alone: got %s", ls.Category)
	}
	// A localhost its own server listens on, on another port, is still
	// no dependency of the pod.
	if ls := ScanLog(strings.NewReader("Listening on 127.0.0.1:8080\ndial tcp 127.0.0.1:5432: connect: connection refused\n")); ls.Category != ConfigError {
		t.Errorf("a refused localhost beside its own listener on another port: got %s, want config_error", ls.Category)
	}
	// A shell that masks its program's failure: the exit 0 is the
	// shell's, the error the program logged is the cause.
	refused := "MongooseServerSelectionError: connect ECONNREFUSED 10.96.14.2:27017\n    at NativeConnection.Connection.openUri (/app/node_modules/mongoose/lib/connection.js:825:32)\n"
	for _, cmd := range [][]string{
		{"sh", "-c", "node dist/main.js || true"},
		{"/bin/sh", "-c", "node dist/main.js || echo 'api failed'"},
		{"bash", "-c", "node dist/main.js; sleep 5"},
		{"sh", "-c", "node dist/main.js || exit 0"},
	} {
		in := Input{Now: now, Pod: app(0, "Completed", withCommand("app", cmd...)), Logs: map[string]string{"app": refused}}
		if r := Diagnose(in); r.Category != DependencyUnavailable {
			t.Errorf("%q: got %s, want dependency_unavailable: %s", cmd, r.Category, r.Summary)
		}
	}
	// Without the mask, or without an error in the log, the 0 still
	// means the task ended.
	for _, c := range []struct {
		cmd []string
		log string
	}{
		{[]string{"sh", "-c", "node dist/seed.js"}, refused},
		{[]string{"sh", "-c", "node dist/seed.js || true"}, "Seeded 250 products into catalog_db\n"},
		{[]string{"sh", "-c", "echo true || false; node seed.js"}, refused},
	} {
		in := Input{Now: now, Pod: app(0, "Completed", withCommand("app", c.cmd...)), Logs: map[string]string{"app": c.log}}
		if r := Diagnose(in); r.Category != Completed {
			t.Errorf("%q: got %s, want completed: %s", c.cmd, r.Category, r.Summary)
		}
	}
	// Yesterday's OOMKilled Last State does not outweigh today's
	// container that cannot be created for a missing Secret.
	noSecret := app(137, "OOMKilled", func(p *corev1.Pod) {
		p.Status.ContainerStatuses[0].State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CreateContainerConfigError"}}
	})
	in := Input{Now: now, Pod: noSecret, Events: []corev1.Event{event("Failed", "app", `Error: secret "worker-db" not found`, 3*time.Minute, 12)}}
	if r := Diagnose(in); r.Category != MissingConfigObject {
		t.Errorf("an old OOM kill under today's missing Secret: got %s, want missing_config_object: %s", r.Category, r.Summary)
	}
	// Still crash-looping on the OOM kill, the same event long gone does
	// not outweigh it.
	if r := Diagnose(Input{Now: now, Pod: app(137, "OOMKilled")}); r.Category != OOMKilled {
		t.Errorf("an OOM kill: got %s", r.Category)
	}
	// Windows statuses are exit codes, not the -1 of a code not shown.
	for _, c := range []struct {
		code int32
		want Category
	}{{-1073741515, AppCrash}, {-1073741819, Segfault}} {
		r := Diagnose(Input{Now: now, Pod: app(c.code, "Error")})
		if r.Category != c.want || r.Containers[0].ExitCode == nil || *r.Containers[0].ExitCode != c.code {
			t.Errorf("exit %d: got %s (exit %v), want %s", c.code, r.Category, r.Containers[0].ExitCode, c.want)
		}
	}
}
