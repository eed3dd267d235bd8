package diagnose

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Rules from session 28's held-out rounds 573 on and textbook batches 145 on.
func TestRules573(t *testing.T) {
	checkLogRules(t, []logRule{
		{"rake's cause under the migration wrapper, on the line below a bare Caused by:", "bin/rails aborted!\nStandardError: An error has occurred, this and all later migrations canceled: (StandardError)\n\nundefined method `add_colum' for an instance of AddGiftWrapToOrders\n\nCaused by:\nNoMethodError: undefined method `add_colum' for an instance of AddGiftWrapToOrders (NoMethodError)\n/app/db/migrate/20250929141203_add_gift_wrap_to_orders.rb:3:in `change'\n", AppCrash, "migrations canceled"},
		{"Laravel's console naming the controller that does not parse", "   ParseError\n\n  syntax error, unexpected token \"}\", expecting \";\"\n\n  at app/Http/Controllers/LeaveRequestController.php:88\n     84▕             ->where('status', LeaveStatus::Pending)\n", AppCrash, "LeaveRequestController.php:88"},
		{"the dotnet host without the entry assembly", "The command could not be loaded, possibly because:\n  * You intended to execute a .NET application:\n      The application 'Contoso.Api.dll' does not exist.\n  * You intended to execute a .NET SDK command:\n      No .NET SDKs were found.\n", CommandNotFound, "The application 'Contoso.Api.dll' does not exist"},
		{"Django's ENGINE naming no backend, under the ModuleNotFoundError of that name", "[2025-06-17 07:12:43 +0000] [7] [ERROR] Exception in worker process\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/django/db/utils.py\", line 113, in load_backend\n    return import_module(\"%s.base\" % backend_name)\nModuleNotFoundError: No module named 'django.db.backends.postgres'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/django/db/utils.py\", line 126, in load_backend\n    raise ImproperlyConfigured(\ndjango.core.exceptions.ImproperlyConfigured: 'django.db.backends.postgres' isn't an available database backend or couldn't be imported. Check the above exception.\n", ConfigError, "isn't an available database backend"},
		{"a workflow parameter never substituted, quoted by the program's error", "2025-11-18 03:00:07,118 INFO aggregate: args=['--date', '{{inputs.parameters.run-date}}']\nTraceback (most recent call last):\n  File \"/app/aggregate.py\", line 71, in main\n    day = date.fromisoformat(args.date)\nValueError: Invalid isoformat string: '{{inputs.parameters.run-date}}'\n", ConfigError, "Invalid isoformat string"},
		{"an environment variable never expanded, quoted by int()", "ValueError: invalid literal for int() with base 10: '${WORKERS}'\n", ConfigError, "${WORKERS}"},
		{"psycopg2's timeout, told in the title", "Got a psycopg2.OperationalError timeout error\n\nThis container keeps throwing exceptions and restarting over and over again.\n", DependencyUnavailable, "OperationalError timeout"},
		{"tokio's API called outside its runtime", "thread 'main' panicked at src/main.rs:19:5:\nthere is no reactor running, must be called from the context of a Tokio 1.x runtime\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n", AppCrash, "no reactor running"},
		{"a Java exception after the asker's 'then exits 1'", "Pod starts, logs the Spring banner, then exits 1 with this (only exception in the log):\n\nException in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null\n", AppCrash, "NullPointerException"},
		{"the report's words: the database it needs was not installed yet", "When deploying `r2devops-workers` for the first time, I see a lot of error / CrashLoopBackoff, as the database is not yet installed.\n", DependencyUnavailable, "as the database is not yet installed"},
		{"the report's words: the migration runs before postgres is ready", "The api container restarts a few times on every fresh install: its entrypoint runs the migration before postgres is ready.\n", DependencyUnavailable, "before postgres is ready"},
		{"a Go stack dump with stern's pod name before each line", "ngrok-operator-manager-659bdbfdbb-jpr7l github.com/ngrok/ngrok-operator/internal/controller/ingress.(*IngressReconciler).Reconcile(0x400053a180, {0x180d768, 0x400083a330}, {{{0x40003271b0, 0x9}, {0x4000327150, 0x9}}})\nngrok-operator-manager-659bdbfdbb-jpr7l     github.com/ngrok/ngrok-operator/internal/controller/ingress/ingress_controller.go:107 +0x534\nngrok-operator-manager-659bdbfdbb-jpr7l sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).Reconcile(0x1812048?, {0x180d768?, 0x400083a330?}, {{{0x40003271b0?, 0xb?}, {0x4000327150?, 0x0?}}})\nngrok-operator-manager-659bdbfdbb-jpr7l     sigs.k8s.io/controller-runtime@v0.17.4/pkg/internal/controller/controller.go:119 +0x80\n", AppCrash, "IngressReconciler"},
		{"pandas built against another numpy", "ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject\n", AppCrash, "binary incompatibility"},
		{"Mongoose 7 refusing the callbacks the code still passes", "MongooseError: Model.prototype.save() no longer accepts a callback\n    at Model.save (/app/node_modules/mongoose/lib/model.js:489:11)\n", AppCrash, "no longer accepts a callback"},
		{"Node's directory import in ES modules, by its code", "Error [ERR_UNSUPPORTED_DIR_IMPORT]: Directory import '/app/dist/config' is not supported resolving ES modules imported from /app/dist/index.js\n    at finalizeResolution (node:internal/modules/esm/resolve:263:11) {\n  code: 'ERR_UNSUPPORTED_DIR_IMPORT',\n  url: 'file:///app/dist/config'\n}\n", AppCrash, "ERR_UNSUPPORTED_DIR_IMPORT"},
		{"ts-node failing to compile the app's source", "TSError: ⨯ Unable to compile TypeScript: src/handlers/refund.ts:41:11 - error TS2322: Type 'string | undefined' is not assignable to type 'string'.\n", AppCrash, "Unable to compile TypeScript"},
		{"prometheus_client's metric registered twice by the module", "ValueError: Duplicated timeseries in CollectorRegistry: {'jobs_total', 'jobs_created', 'jobs'}\n", AppCrash, "Duplicated timeseries"},
		{"node-postgres' connection timeout", "Error: Connection terminated due to connection timeout\n    at Connection.<anonymous> (/app/node_modules/pg/lib/client.js:132:73)\n", DependencyUnavailable, "connection timeout"},
		{"kombu's broker URL with a mistyped scheme", "KeyError: 'reddis'\n\nDuring handling of the above exception, another exception occurred:\n\nKeyError: 'No such transport: reddis.  Did you mean redis?'\n", ConfigError, "No such transport"},
		{"Flink's memory settings refused after its entrypoint's sed warned", "sed: couldn't open temporary file /opt/flink/conf/sedl8Kq2A: Read-only file system\nStarting kubernetes-session as a console application on host sessions-5b8c9d7f6-vn4tq.\nException in thread \"main\" org.apache.flink.configuration.IllegalConfigurationException: Sum of configured JVM Metaspace (256.000mb) and JVM Overhead (192.000mb) exceed configured Total Process Memory (400.000mb).\n", ConfigError, "IllegalConfigurationException"},
		{"docker events recording the kernel's OOM kill", "2025-10-30T14:51:07.412881734Z container oom 4f2a9c1d7e3b (image=acme/dash:1.12, name=dash)\n2025-10-30T14:51:07.498120552Z container die 4f2a9c1d7e3b (exitCode=137, image=acme/dash:1.12, name=dash)\n", OOMKilled, "container oom"},
		{"uvicorn's traceback under its ERROR level", "INFO:     Waiting for application startup.\nERROR:    Traceback (most recent call last):\n  File \"/app/scheduler/rota.py\", line 88, in warm_rota_cache\n    first_shift, last_shift = shifts[0], shifts[-1]\nIndexError: list index out of range\n\nERROR:    Application startup failed. Exiting.\n", AppCrash, "IndexError"},
		{"a lookup at Docker's embedded resolver is a name, not a loopback dependency", "time=\"2025-01-12T19:30:15+01:00\" level=error msg=\"Failure running the notification provider startup check\" error=\"failed to dial connection: dial tcp: lookup smtp.fastmail.com on 127.0.0.11:53: read udp 127.0.0.1:49122->127.0.0.11:53: i/o timeout\"\n", DependencyUnavailable, "127.0.0.11:53"},
		{"pgx refused TLS by a server without it", "time=2025-02-17T09:14:38Z level=error msg=\"Unable to connect to database.\" error=\"failed to connect to `host=hydra-pg user=hydra database=hydra`: server refused TLS connection\"\n", ConfigError, "server refused TLS connection"},
		{"a JDBC URL no driver accepts", "2025-01-20 10:02:11,412 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Driver does not support the provided URL: jdbc:postgres://db.internal:5432/keycloak\n", ConfigError, "Driver does not support the provided URL"},
		{"NSPR's address in use (389 Directory Server)", "[25/Mar/2025:11:02:44.402951377 +0000] - ERR - createprlistensocket - PR_Bind() on All Interfaces port 3389 failed: Netscape Portable Runtime error -5982 (Local Network address is in use.)\n", PortConflict, "Local Network address is in use"},
		{"Terraform's box round Helm's wait, over the program's own error", "│ Error: context deadline exceeded\n│\n│   with helm_release.alertmanager,\n\ntime=2025-03-02T10:11:12.000Z level=ERROR source=coordinator.go:117 msg=\"Loading configuration file failed\" file=/etc/alertmanager/alertmanager.yml err=\"undefined receiver \\\"slack-critical\\\" used in route\"\n", ConfigError, "undefined receiver"},
		{"Cloud Run's startup probe after the container exited on its own", "2025-04-01 08:55:13.610 UTC  PermissionError: [Errno 13] Permission denied: '/app/.cache'\n2025-04-01 08:55:13.718 UTC  Container called exit(1).\n2025-04-01 08:55:14.002 UTC  Default STARTUP TCP probe failed 1 time consecutively for container \"embedder-1\" on port 8080. The instance was not started.\n", PermissionDenied, "PermissionError"},
		{"Fly.io's record of the main process ending with 0", "2025-03-14T10:41:04Z app[286e490f7d3958] cdg [info]uploaded s3://acme-public/sitemap.xml (1.2 MB)\n2025-03-14T10:41:04Z app[286e490f7d3958] cdg [info] INFO Main child exited normally with code: 0\n2025-03-14T10:41:04Z app[286e490f7d3958] cdg [info] INFO Starting clean up.\n", Completed, "exited normally with code: 0"},
		{"Nextcloud's config.php that does not parse", "PHP Parse error:  syntax error, unexpected single-quoted string \"cloud.example.org\", expecting \")\" in /var/www/html/config/config.php on line 25\n", ConfigError, "config.php"},
		{"OpenVPN's handshake that never completes", "2025-02-24T07:03:13Z WARN [openvpn] TLS Error: TLS key negotiation failed to occur within 60 seconds (check your network connectivity)\n2025-02-24T07:03:13Z WARN [openvpn] TLS Error: TLS handshake failed\n2025-02-24T07:03:13Z INFO [openvpn] SIGTERM received, sending exit notification to peer\n", DependencyUnavailable, "TLS key negotiation failed"},
		{"Paperless-ngx giving up on its database", "Adjusting permissions of paperless files. This may take a while.\nWaiting for PostgreSQL to start...\nTimeout while waiting on PostgreSQL!\n", DependencyUnavailable, "Timeout while waiting on PostgreSQL"},
		{"the *arr apps' config folder check", "[Fatal] ConsoleApp: EPIC FAIL!\n[v1.32.2.4987] NzbDrone.Common.Exceptions.ProwlarrStartupException: Prowlarr failed to start: AppFolder /config is not writable\n", PermissionDenied, "AppFolder /config is not writable"},
		{"Nomad's exec driver without the task's binary", "2025-05-19T08:14:55+02:00  Driver Failure  failed to launch command with executor: rpc error: code = Unknown desc = executable \"local/edge-proxy\" could not be found: stat /var/lib/nomad/alloc/3b9d/proxy/local/edge-proxy: no such file or directory\n", CommandNotFound, "could not be found"},
		{"Nomad's template waiting on a Consul key never written", "2025-01-30T09:52:17+01:00  Template    Missing: kv.block(config/notifier/smtp.json)\n", MissingConfigObject, "Missing: kv.block"},
		{"ECS's env file missing from its bucket", "Stopped reason: ResourceInitializationError: failed to download env files: file download command: non empty error stream: failed to get s3 object: operation error S3: GetObject, https response error StatusCode: 404, api error NoSuchKey: The specified key does not exist.\n", MissingConfigObject, "NoSuchKey"},
		{"Nomad restarting a task for its Consul check", "2025-01-14T18:31:51+01:00  Terminated        Exit Code: 143, Exit Message: \"Docker container exited with non-zero exit code: 143\"\n2025-01-14T18:31:46+01:00  Restart Signaled  healthcheck: check \"consumer-lag\" unhealthy\n", LivenessProbe, "Restart Signaled"},
		{"uvicorn refusing a $PORT no shell expanded", "Error: Invalid value for '--port': '$PORT' is not a valid integer.\n", ConfigError, "$PORT"},
		{"Cloud Run's secret version destroyed", "Could not fetch secret \"projects/p/secrets/apprun-ENCORE_RUNTIME_CONFIG/versions/243\" for environment variable \"ENCORE_RUNTIME_CONFIG\". Instance startup will now abort: Secret Version [...] is in DESTROYED state.\n", MissingConfigObject, "DESTROYED state"},
		{"Symfony Messenger's DSN with a mistyped scheme", "In TransportFactory.php line 54:\n\n  No transport supports the given Messenger DSN \"doctrin://default?queue_name=async\".\n\nmessenger:consume [-l|--limit LIMIT] [-m|--memory-limit MEMORY-LIMIT] [-t|--time-limit TIME-LIMIT] [--] [<receivers>...]\n", ConfigError, "No transport supports the given Messenger DSN"},
		{"Laravel's worker killed by its own --timeout", "[2025-04-02 09:14:03] production.ERROR: App\\Jobs\\GenerateAnnualReport has timed out. {\"exception\":\"[object] (Illuminate\\\\Queue\\\\TimeoutExceededException(code: 0): App\\\\Jobs\\\\GenerateAnnualReport has timed out.\"}\nKilled\n", ConfigError, "has timed out"},
		{"Magento's search client without a live node", "Could not validate a connection to OpenSearch. No alive nodes found in your cluster\n", DependencyUnavailable, "No alive nodes"},
		{"PHP's signature mismatch between a class and its interface", "PHP Fatal error:  Declaration of App\\Exports\\XlsxExporter::write(iterable $rows): void must be compatible with App\\Contracts\\Exporter::write(iterable $rows, array $options = []): void in /app/app/Exports/XlsxExporter.php on line 14\n", AppCrash, "must be compatible with"},
		{"Laravel's container unable to build a class", "In Container.php line 1373:\n\n  Target [App\\Contracts\\PaymentGateway] is not instantiable while building [App\\Listeners\\ReconcilePayouts].\n", AppCrash, "is not instantiable"},
		{"a Native AOT build without the type's serializer", "Unhandled exception. System.InvalidOperationException: Reflection-based serialization has been disabled for this application. Either use the source generator APIs or explicitly configure the 'JsonSerializerOptions.TypeInfoResolver' property.\n   at System.Text.Json.ThrowHelper.ThrowInvalidOperationException_JsonSerializerIsReflectionDisabled()\n", AppCrash, "Reflection-based serialization"},
		{"trimming that removed a constructor", "Unhandled exception. System.MissingMethodException: Cannot dynamically create an instance of type 'ReportMailer.Templates.MonthlySummaryTemplate'. Reason: No parameterless constructor defined.\n", AppCrash, "No parameterless constructor"},
		{"SELinux denying the container's write to a host path", "type=AVC msg=audit(1723099288.114:2417): avc:  denied  { write } for  pid=40213 comm=\"mysqld\" name=\"nacos-mysql\" dev=\"dm-2\" ino=33554561 scontext=system_u:system_r:container_t:s0:c412,c788 tcontext=unconfined_u:object_r:default_t:s0 tclass=dir permissive=0\n2024-08-08T06:41:28.114Z 0 [ERROR] [MY-010460] [Server] --initialize specified but the data directory exists and is not writable. Aborting.\n", PermissionDenied, "avc:"},
		{"a Spring property bound as required", "Caused by: java.lang.IllegalArgumentException: [rocketmq.name-server] must not be null\n", ConfigError, "must not be null"},
		{"Dubbo without a provider of the service", "java.lang.IllegalStateException: Failed to check the status of the service com.mall.user.api.UserService. No provider available for the service com.mall.user.api.UserService from the url consumer://10.244.1.17/com.mall.user.api.UserService\n", DependencyUnavailable, "No provider available"},
		{"Kafka's ACLs refusing a topic under the wrapper", "Caused by: io.confluent.kafka.schemaregistry.storage.exceptions.StoreInitializationException: Failed trying to create or validate schema topic configuration\nCaused by: org.apache.kafka.common.errors.TopicAuthorizationException: Authorization failed.\n", PermissionDenied, "TopicAuthorizationException"},
		{"Kafka Streams' state directory it cannot create", "org.apache.kafka.streams.errors.ProcessorStateException: base state directory [/var/lib/ksql/kafka-streams] doesn't exist and couldn't be created\n", PermissionDenied, "couldn't be created"},
		{"a kafka-python keyword given to confluent-kafka", "TypeError: 'timeout_ms' is an invalid keyword argument for poll()\n", AppCrash, "invalid keyword argument"},
		{"a Kafka consumer used after the code closed it", "Exception in thread \"main\" java.lang.IllegalStateException: This consumer has already been closed.\n", AppCrash, "already been closed"},
		{"Spring's binder refusing a port no shell expanded, beside the platform's probe", "After merging, the deploy created a revision which failed startup probes.\nInvalid value '1{PORT:-8080}' for configuration property 'server.port'\n", ConfigError, "for configuration property 'server.port'"},
		{"gluetun's settings check naming the rule", "ERROR dns settings: upstream type dot must be plain if the built-in DNS server is disabled\nreel then crashloops (DNS never comes up, vpn preflight can't resolve, exit).\n", ConfigError, "must be plain"},
		{"the asker's exit code 139 beside a guess about memory", "Probably memory? It crashes on large files, but kubectl top shows 200Mi of the 2Gi limit when it dies, the reason in describe is Error (not OOMKilled) and the exit code is 139.\n", Segfault, "exit code is 139"},
		{"EF Core's DbContext used by two operations at once", "System.InvalidOperationException: A second operation was started on this context instance before a previous operation completed. This is usually caused by different threads concurrently using the same instance of DbContext.\n", AppCrash, "second operation was started"},
		{"Go's database/sql scanning NULL into a string", "2025/05/02 10:14:07 load customers: sql: Scan error on column index 3, name \"phone\": converting NULL to string is unsupported\n", AppCrash, "converting NULL to string"},
		{"Hikari's pool drained by a leak", "2025-03-11 08:02:41.118  WARN 1 --- [ool housekeeper] com.zaxxer.hikari.pool.ProxyLeakTask : Connection leak detection triggered for org.postgresql.jdbc.PgConnection@5a2e4553 on thread pool-2-thread-1, stack trace follows\njava.lang.Exception: Apparent connection leak detected\n\tat com.acme.jobs.Exporter.run(Exporter.java:57)\n", AppCrash, "Apparent connection leak"},
		{"MongoDB's driver finding another replica set's members", "2025-02-18 09:12:03.221 ERROR 1 --- [.mongo-rs:27017] org.mongodb.driver.cluster : Expecting replica set member from set 'rs0', but found one from set 'mongo-rs0'. Removing mongo-0.mongo-rs:27017 from client view of cluster.\n", ConfigError, "Expecting replica set member"},
		{"a mongodb+srv URI for a host without SRV records", "MongoServerSelectionError: querySrv ENOTFOUND _mongodb._tcp.mongo.data.svc.cluster.local\n", ConfigError, "querySrv ENOTFOUND"},
		{"MySQL's grant without the command the migration runs", "SQLSTATE[42000]: Syntax error or access violation: 1142 CREATE command denied to user 'portal'@'10.42.3.17' for table 'migrations'\n", PermissionDenied, "CREATE command denied"},
		{"go-sqlite3 in a binary built without cgo", "2025/06/10 07:41:22 open db: Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub\n", AppCrash, "requires cgo to work"},
		{"SSM without the parameter the app reads", "{\"level\":\"fatal\",\"error\":\"operation error SSM: GetParameter, https response error StatusCode: 400, RequestID: 8b2d4f6a, ParameterNotFound: \",\"param\":\"/search/prod/indexer/opensearch-url\"}\n", MissingConfigObject, "ParameterNotFound"},
		{"Secret Manager without the secret or a version of it", "google.api_core.exceptions.NotFound: 404 Secret [projects/731942086655/secrets/stripe-webhook-signing] not found or has no versions.\n", MissingConfigObject, "not found or has no versions"},
		{"dash running bash's here-string", "indexer-1  | /usr/local/bin/run-indexer: 9: Syntax error: redirection unexpected\n", AppCrash, "redirection unexpected"},
		{"dash running bash's case conversion", "/opt/forwarder/start.sh: 7: Bad substitution\n", AppCrash, "Bad substitution"},
		{"a here-document whose EOF was indented", "/app/entrypoint.sh: line 40: warning: here-document at line 21 delimited by end-of-file (wanted `EOF')\n/app/entrypoint.sh: line 32: syntax error: unexpected end of file\n", AppCrash, "unexpected end of file"},
		{"Java's bind on IPv6 where the node has none", "Caused by: java.net.SocketException: Protocol family unavailable\n\tat java.base/sun.nio.ch.Net.bind0(Native Method)\n", ConfigError, "Protocol family unavailable"},
		{"Hubble showing the pod's egress dropped by policy", "Jun  3 10:12:44.120: payments/mailer-7c9d (ID:4821) <> 104.18.22.1:443 (world) policy-verdict:none EGRESS DENIED (TCP Flags: SYN)\nJun  3 10:12:44.120: payments/mailer-7c9d (ID:4821) <> 104.18.22.1:443 (world) Policy denied DROPPED (TCP Flags: SYN)\n", DependencyUnavailable, "DENIED"},
		{"Erlang's TLS alert for an unknown CA", "** (DBConnection.ConnectionError) failed to connect: ** (Postgrex.Error) ssl connect: {:tls_alert, {:unknown_ca, 'TLS client: In state certify at ssl_handshake.erl:2111 generated CLIENT ALERT: Fatal - Unknown CA\\n'}}\n", ConfigError, "unknown_ca"},
		{"gRPC's server wanting the client's certificate", "rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: remote error: tls: certificate required\"\n", ConfigError, "certificate required"},
	})
	checkNotRead(t, []notRead{
		// A file name ending in .toml is not a TOML library's error.
		{"fly.io: I run a small script as its own process group. fly.toml: [processes]\n", ConfigError},
		// A one-off dyno's exit is not the web dyno's.
		{"2021-05-03T21:23:45.392978+00:00 heroku[run.6329]: Process exited with status 0\n", Completed},
		// Docker's --pids-limit echoed among a docker run's arguments.
		{"  --pids-limit 2048\n", ConfigError},
		// OpenVPN's notice to its peer is not the container being stopped.
		{"2025-02-24T07:03:13Z INFO [openvpn] SIGTERM received, sending exit notification to peer\n", LivenessProbe},
		// An OOM kill weeks back, since answered with more memory.
		{"We had OOMKilled on it in October so I was about to raise memory again, but a colleague says this is different.\n", OOMKilled},
		{"Context: this pod was OOMKilled two weeks ago and we bumped it from 2Gi to 4Gi.\n", OOMKilled},
		{"This pod has a history of OOMKilled so I assumed it's that again.\n", OOMKilled},
		// The database pod itself killed before it finished starting is its probe.
		{"the issue was clearly that the pod got killed before the database was fully initialized.\n", DependencyUnavailable},
		// A guess is not a finding.
		{"Maybe it restarts because the database is not ready yet?\n", DependencyUnavailable},
		// A syntax error in one of Laravel's config files is its configuration.
		{"  syntax error, unexpected token \"]\", expecting \")\"\n\n  at config/database.php:42\n", AppCrash},
		// A shell command quoting its own variables is not a placeholder left in a value.
		{"/opt/app/entrypoint.sh: line 241: 102 Illegal instruction mongod --fork --port 27017 --dbpath \"$MONGO_DB_PATH\"\n", ConfigError},
		// SQLite's OperationalError is the file in the process, not a server.
		{"sqlite3.OperationalError: database is locked (timeout after 5s)\n", DependencyUnavailable},
	})
}

// Laravel's scheduler entry point returns once the minute's commands ran;
// its queue worker runs on.
func TestLaravelScheduleRunIsOneShot(t *testing.T) {
	clb := sparse("scheduler", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 10})
	for _, tc := range []struct {
		cmd  []string
		want bool
	}{
		{[]string{"php", "artisan", "schedule:run"}, true},
		{[]string{"php", "artisan", "queue:work", "--tries=3"}, false},
		{[]string{"php", "/app/bin/console", "messenger:consume", "async"}, false},
	} {
		pod := testPod([]string{"scheduler"}, clb, withCommand("scheduler", tc.cmd...))
		r := Diagnose(Input{Pod: pod, Now: now})
		if got := r.Category == Completed; got != tc.want {
			t.Errorf("%q: got %s: %s", tc.cmd, r.Category, r.Summary)
		}
	}
}
