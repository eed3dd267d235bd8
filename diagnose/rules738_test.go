package diagnose

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 322 onwards (session 40).
func TestRules738(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Zig's safety check", "thread 1 panic: reached unreachable code\n/app/src/queue.zig:88:17: 0x10a4c2f in pop (ledger)\n", AppCrash, "reached unreachable code"},
		{"Perl's method on a package without it", "Can't locate object method \"new\" via package \"MyApp::Model::Invoice\" (perhaps you forgot to load \"MyApp::Model::Invoice\"?) at /app/lib/MyApp.pm line 41.\n", AppCrash, "Can't locate object method"},
		{"Swift's dictionary built with a key twice", "Swift/NativeDictionary.swift:792: Fatal error: Duplicate values for key: '\"/v1/rates\"'\n", AppCrash, "Duplicate values for key"},
		{"Koin's missing definition", "Exception in thread \"main\" org.koin.core.error.NoDefinitionFoundException: No definition found for type 'com.acme.repo.AccountRepository'. Check your Modules configuration and add missing type and/or qualifier!\n", AppCrash, "NoDefinitionFoundException"},
		{"Clojure's namespace missing from the uberjar", "Syntax error (FileNotFoundException) compiling at (billing/db.clj:1:1).\nCould not locate next/jdbc__init.class, next/jdbc.clj or next/jdbc.cljc on classpath. Please check that namespaces with dashes use underscores in the Clojure file name.\n", AppCrash, "on classpath"},
		{"Elixir's call to a child not started yet", "    ** (EXIT) no process: the process is not alive or there's no process currently registered with the given name, possibly because its application isn't started\n", AppCrash, "no process"},
		{"LangGraph's edge from a node never added", "ValueError: Found edge starting at unknown node 'retreive'\n", AppCrash, "unknown node"},
		{"HAProxy's own bug check", "FATAL: bug condition \"(s->flags & SF_ERR_MASK) == SF_ERR_NONE\" matched at src/stream.c:2301\n", AppCrash, "bug condition"},
		{"Gleam's let assert on a bind failure", "runtime error: let assert\nPattern match failed, no pattern matched the value.\nunmatched value:\n  Error(SystemError(Eaddrinuse))\nlocation: metrics_sidecar.gleam:21\n", PortConflict, "Eaddrinuse"},
		{"a start script that finds no Java", "No java installations was detected.\nPlease go to http://www.java.com/getjava/ and download a valid Java JDK and install before running inventory.\n", CommandNotFound, "No java installations"},
		{"Weld's unsatisfied injection point", "org.jboss.weld.exceptions.DeploymentException: WELD-001408: Unsatisfied dependencies for type PaymentGateway with qualifiers @Default\n", AppCrash, "WELD-001408"},
		{"Spring 5's ASM on Java 21 classes", "Caused by: java.lang.IllegalArgumentException: Unsupported class file major version 65\n", AppCrash, "major version 65"},
		{"the JVM refusing a heap of 768 bytes", "Error occurred during initialization of VM\nToo small maximum heap\n", ConfigError, "Too small maximum heap"},
		{"Docker with no NVIDIA runtime", "Error response from daemon: could not select device driver \"nvidia\" with capabilities: [[gpu]]\n", ConfigError, "could not select device driver"},
		{"a FIPS JVM without PKCS12", "Caused by: java.security.NoSuchAlgorithmException: PKCS12 KeyStore not available\n", ConfigError, "PKCS12 KeyStore not available"},
		{"cloudflared's stale tunnel credentials", "2025-03-02T10:11:12Z ERR Register tunnel error from server side error=\"Unauthorized: Invalid tunnel secret\" connIndex=0\n", ConfigError, "Invalid tunnel secret"},
		{"an SSH key the server does not take", "failed to connect to TSA: ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain\n", ConfigError, "unable to authenticate"},
		{"a privileged port refused to a non-root user", "[1741951204] unbound[1:0] error: can't bind socket: Permission denied for 0.0.0.0 port 53\n", PermissionDenied, "Permission denied for"},
		{"a glog check with an eight-digit date", "F20250307 14:20:44.920117    31 row_batch.cc:58] Check failed: num_rows_ == col->length() (1024 vs. 1023)\n*** Check failure stack trace: ***\n", AppCrash, "Check failed"},
		{"a config file's position over a refused connection", "Error: /etc/alloy/config.alloy:3:1: Failed to build component: building component: Get \"http://vault.vault.svc:8200/v1/secret\": dial tcp 10.96.118.40:8200: connect: connection refused\n", DependencyUnavailable, "connection refused"},
		{"Symfony's service on a missing one", "The service \"AcmeLoyalty\\Subscriber\\CartSubscriber\" has a dependency on a non-existent service \"Shopware\\Core\\Checkout\\Cart\\CartRuleLoader\".\n", AppCrash, "non-existent service"},
		{"an Odoo view naming a field its model lacks", "odoo.tools.convert.ParseError: while parsing /mnt/extra-addons/acme_sale/views/sale_order_views.xml:4\nField \"x_legacy_ref\" does not exist in model \"sale.order\"\n", AppCrash, "does not exist in model"},
		{"pytz on a wall-clock time that does not exist", "pytz.exceptions.NonExistentTimeError: 2025-03-30 02:30:00\n", AppCrash, "NonExistentTimeError"},
		{"MariaDB without its time zone tables", "2025-03-07  8:02:41 0 [ERROR] Fatal error: Illegal or unknown default time zone 'Europe/Berlin'\n", ConfigError, "unknown default time zone"},
		{"Datadog's API key of another site", "2025-02-20 14:02:14 UTC | CORE | ERROR | (comp/forwarder/defaultforwarder/forwarder_health.go:259) | api_key '***ab12' for domain https://api.datadoghq.com/ is invalid\n", ConfigError, "is invalid"},
		{".NET's certificate chain without the corporate CA", " ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: PartialChain\n", ConfigError, "PartialChain"},
		{"SteamCMD refusing the client's app id", "ERROR! Failed to install app '1623730' (No subscription)\n/start.sh: line 11: /home/steam/palworld/PalServer.sh: No such file or directory\n", ConfigError, "No subscription"},
		{"Node's JSON import without its attribute", "TypeError [ERR_IMPORT_ATTRIBUTE_MISSING]: Module \"file:///app/data/regions.json\" needs an import attribute of \"type: json\"\n", AppCrash, "ERR_IMPORT_ATTRIBUTE_MISSING"},
		{"path-to-regexp 8 on Express 4's wildcard", "TypeError: Missing parameter name at index 1: *; visit https://git.new/pathToRegexpError for info\n", AppCrash, "Missing parameter name"},
		{"a native addon never built", "Error: Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/better_sqlite3.node\n", AppCrash, "bindings file"},
		{"Corepack older than the registry's keys", "Error: Cannot find matching keyid: {\"signatures\":[],\"keys\":[]}\n", AppCrash, "matching keyid"},
		{"pnpm's exec of a tool not installed", " ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL  Command \"prisma\" not found\n", CommandNotFound, "prisma"},
		{"protobuf's generated code newer than its runtime", "google.protobuf.runtime_version.VersionError: Detected incompatible Protobuf Gencode/Runtime versions when loading orders.proto: gencode 5.29.3 runtime 5.27.2. Runtime version cannot be older than the linked gencode version.\n", AppCrash, "Gencode/Runtime"},
		{"pydantic-core not the one pydantic needs", "SystemError: The installed pydantic-core version (2.14.6) is incompatible with the current pydantic version, which requires 2.27.2.\n", AppCrash, "pydantic-core"},
		{"SQLAlchemy 2 given a string as SQL", "sqlalchemy.exc.ArgumentError: Textual SQL expression 'SELECT 1' should be explicitly declared as text('SELECT 1')\n", AppCrash, "text("},
		{"a row indexed by name in the code", "  File \"/app/flags/store.py\", line 31, in load\n    return {r[\"name\"]: r[\"enabled\"] for r in rows}\nTypeError: tuple indices must be integers or slices, not str\n", AppCrash, "tuple indices"},
		{"Elasticsearch's PHP client with no node up", "In StaticNoPingConnectionPool.php line 64:\n\n  No alive nodes found in your cluster\n\nmessenger:consume [-l|--limit LIMIT] [-m|--memory-limit MEMORY-LIMIT] [--] [<receivers>...]\n", DependencyUnavailable, "No alive nodes"},
		{"a generic fatal heading above the exception", "[Info] Microsoft.Hosting.Lifetime: Now listening on: http://[::]:8989\n[Fatal] ConsoleApp: EPIC FAIL!\n\n[v4.0.13.2932] System.NullReferenceException: Object reference not set to an instance of an object.\n   at NzbDrone.Core.Tv.SeriesService.GetSeriesPaths()\n", AppCrash, "NullReferenceException"},
		{"WordPress's critical error after PHP's fatal one", "PHP Fatal error:  Uncaught Error: Class \"WC_Legacy_REST_API_Loader\" not found in /var/www/html/wp-content/plugins/acme-wc-export/acme-wc-export.php:38\nError: There has been a critical error on this website.Learn more about troubleshooting WordPress.\n", AppCrash, "WC_Legacy_REST_API_Loader"},
		{"a requests URL whose path names the server localhost", "requests.exceptions.ConnectionError: HTTPConnectionPool(host='pdns-auth.dns.svc.cluster.local', port=8081): Max retries exceeded with url: /api/v1/servers/localhost/zones (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f1e>: Failed to establish a new connection: [Errno 111] Connection refused'))\n", DependencyUnavailable, "Connection refused"},
		{"Agones' SDK server, a sidecar of the pod", "2024/09/18 10:02:44 Could not connect to sdk: could not connect to localhost:9357: context deadline exceeded\n", DependencyUnavailable, "9357"},
		{"an NPE under a package named config with its own packages", "java.lang.NullPointerException: null\n\tat io.airbyte.config.persistence.ActorDefinitionVersionHelper.getBreakingChanges(ActorDefinitionVersionHelper.kt:143)\n\tat io.airbyte.commons.server.services.DefinitionsSeeder.seed(DefinitionsSeeder.kt:97)\n", AppCrash, "NullPointerException"},
	})
	checkNotRead(t, []notRead{
		// The asker's "no [emerg] line" is no nginx error.
		{"We compiled nginx with a third-party module. The container dies right at startup, exit 139, no [emerg] line.\n", ConfigError},
		// glog's check of a command-line flag is the flag given wrong.
		{"F20250318 10:22:07.413021 1 main.cc:61] Check failed: FLAGS_shards > 0 (0 vs. 0) --shards must be > 0\n", AppCrash},
		// A cause the reporter sets apart as another problem.
		{"Payload 3, the postgres pod is in CrashLoopBackOff itself after the node ran out of disk (separate problem). The payload pods exit too:\n[08:12:40] ERROR: Error: cannot connect to Postgres. Details: connect ECONNREFUSED 10.100.41.9:5432\n", ConfigError},
	})
}

// A program's own exception is quoted over the reporter's sentence before
// it when neither names a known cause, and a reporter's hedged guess in a
// later sentence does not outweigh what the pod shows.
func TestWordsBelowProgram738(t *testing.T) {
	pod := testPod([]string{"jellyfin"}, sparse("jellyfin", corev1.ContainerStatus{RestartCount: 9, State: waitingCLB()}))
	log := "Upgraded jellyfin 10.10.7 -> 10.11.0 and it's in a restart loop, the log always dies in the library migration.\n" +
		"[10:23:09] [ERR] [1] Jellyfin.Server.Migrations.JellyfinMigrationService: Migration MigrateLibraryDb failed\n" +
		"[10:23:09] [FTL] [1] Main: Error while starting server\n" +
		"System.InvalidOperationException: Sequence contains more than one element\n" +
		"   at System.Linq.ThrowHelper.ThrowMoreThanOneElementException()\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"jellyfin": log}}); r.Category != AppCrash {
		t.Errorf("a migration's exception under the asker's sentence: got %s: %s", r.Category, r.Summary)
	}
	st := corev1.ContainerStatus{Name: "n8n", RestartCount: 4, State: waitingCLB(),
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 139, Reason: "Error"}}}
	guess := "Since installing a community node our n8n pod restarts whenever a workflow with that node runs. I think the pod is OOMKilled even though the graphs don't show it.\n"
	if r := Diagnose(Input{Pod: testPod([]string{"n8n"}, setStatus(st)), Now: now, Logs: map[string]string{"n8n": guess}}); r.Category != Segfault {
		t.Errorf("a hedged guess over exit 139: got %s: %s", r.Category, r.Summary)
	}
}

// One-shot tools' last words of success end a finished task, even with
// the asker's question after them.
func TestTaskEndings738(t *testing.T) {
	for _, log := range []string{
		"2025-02-25T03:12:46Z INFO  backfill: upserted 771657 embeddings (0 failed)\n2025-02-25T03:12:46Z INFO  backfill: nothing left to do, exiting\n2025-02-25T03:12:46Z INFO  backfill: closing db pool\n",
		"10:02:31  Building catalog\n10:02:35  Catalog written to /usr/app/target/catalog.json\n",
		"06:14:22  Got 14 results, configured to warn if != 0\n06:14:22  \n06:14:22  Done. PASS=13 WARN=1 ERROR=0 SKIP=0 TOTAL=14\n\nIs the warning what makes it crash?\n",
		"Apply complete! Resources: 0 added, 0 changed, 0 destroyed.\nReleasing state lock. This may take a few moments...\n",
		"unbound-checkconf: no errors in /etc/unbound/unbound.conf\n",
		"Runner registered successfully. Feel free to start it, but if it's running already the config should be automatically reloaded!\n\nConfiguration (with the authentication token) was saved in \"/etc/gitlab-runner/config.toml\"\n",
		"Status code distribution:\n  [200]\t79947 responses\n",
		"Transferred:   \t          0 B / 0 B, -, 0 B/s, ETA -\nChecks:              2841 / 2841, 100%\nElapsed time:        11.2s\n",
		"level=info msg=\"Valid config file! No syntax issues found\"\nValid config file! No syntax issues found\n",
		"No broken requirements found.\n",
	} {
		wantCompleted(t, log)
	}
}
