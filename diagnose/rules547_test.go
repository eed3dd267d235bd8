package diagnose

import (
	"strings"
	"testing"
)

// Rules from session 26's held-out rounds 547 on and textbook batch 123.
func TestRules547(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a template that sets a deprecated variable, in a bug's title", "[Bug] Failed to upgrade Meilisearch to v1.53 from the App Store: the template uses the deprecated MEILI_EXPERIMENTAL_DUMPLESS_UPGRADE environment variable\n", ConfigError, "uses the deprecated"},
		{"a flag a release renamed, in a pull request's words", "v1.51 refuses to start against a v1.50 on-disk database unless told to migrate, and it RENAMED the auto-migrate flag from MEILI_EXPERIMENTAL_DUMPLESS_UPGRADE to MEILI_UPGRADE_DB. Result: CrashLoopBackOff (the app degrades to empty results when Meili is unreachable).\n", ConfigError, "RENAMED the auto-migrate flag"},
		{"Ruby's runaway recursion", "/app/lib/app_settings.rb:31:in `method_missing': stack level too deep (SystemStackError)\n", AppCrash, "stack level too deep"},
		{"Ruby's frozen hash changed by a gem", "/usr/local/bundle/gems/acme-settings-2.0.0/lib/acme/settings/store.rb:44:in `deep_merge!': can't modify frozen Hash: {\"pdf\"=>{\"engine\"=>\"grover\"}} (FrozenError)\n", AppCrash, "can't modify frozen Hash"},
		{"Java's map updated inside its own computeIfAbsent", "Exception in thread \"main\" java.lang.IllegalStateException: Recursive update\n\tat java.base/java.util.concurrent.ConcurrentHashMap.computeIfAbsent(ConcurrentHashMap.java:1763)\n\tat com.acme.config.ConfigCache.get(ConfigCache.java:40)\n", AppCrash, "Recursive update"},
		{"Kotlin's lateinit property read too early", "Exception in thread \"main\" kotlin.UninitializedPropertyAccessException: lateinit property settings has not been initialized\n\tat com.acme.notify.config.NotifierConfig.getSettings(NotifierConfig.kt:18)\n", AppCrash, "lateinit property settings"},
		{"PHP's namespaced constant no file defines", "PHP Fatal error:  Uncaught Error: Undefined constant \"App\\Config\\DEFAULT_TTL\" in /app/src/Config/CacheSettings.php:27\n", AppCrash, "Undefined constant"},
		{"Java's null field of the object, thrown in a config loader", "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"java.util.Map.get(Object)\" because \"this.sectionIndex\" is null\n\tat com.acme.report.config.ConfigLoader.section(ConfigLoader.java:141)\n\tat com.acme.report.config.ConfigLoader.load(ConfigLoader.java:88)\n", AppCrash, "this.sectionIndex"},
		{"an API version removed from the cluster, in a pull request's words", "Fix crash on Kubernetes 1.25\n\nOn Kubernetes 1.25, the operator gets into a crash loop, because it tries to get policyv1beta1.PodDisruptionBudget, but it is removed in 1.25.\n", ConfigError, "removed in 1.25"},
		{"BusyBox ash reading a CRLF script", "app-nginx-1 | /bin/ash: illegal option -\n", CommandNotFound, "illegal option -"},
		{"BusyBox ash's set on a CRLF line", "2024-02-22 14:37:05 ./entrypoint.sh: set: line 3: illegal option -\n", CommandNotFound, "illegal option -"},
		{".NET's array sized beyond its range", "Unhandled exception. System.OutOfMemoryException: Array dimensions exceeded supported range.\n   at Acme.Ingest.FrameReader.ReadFrame(BinaryReader reader) in /src/FrameReader.cs:line 41\n", AppCrash, "Array dimensions exceeded"},
		{"JavaScript's negative array length", "RangeError: Invalid array length\n    at paginate (/app/dist/report.js:88:17)\n", AppCrash, "Invalid array length"},
		{"Redis's refused maxmemory, in a paste that says why it was set", "Trying to cap Redis memory so it stops getting OOMKilled. I added maxmemory to the ConfigMap and now it won't start:\n*** FATAL CONFIG FILE ERROR (Redis 7.2.4) ***\nReading the configuration file, at line 3\n>>> 'maxmemory \"900 mb\"'\nargument must be a memory value\n", ConfigError, "argument must be a memory value"},
		{"cloudflared updating itself and exiting", "2021-12-10T10:01:02Z ERR Initiating shutdown error=\"cloudflared has been updated to version 2021.12.3\"\n", ConfigError, "has been updated to version"},
		{"a division by zero in native code", "/entrypoint.sh: line 14:     7 Floating point exception(core dumped) /usr/local/bin/latency-agent \"$@\"\n", AppCrash, "Floating point exception"},
		{"gfortran's SIGFPE report", "model-1  | Program received signal SIGFPE: Floating-point exception - erroneous arithmetic operation.\n", AppCrash, "SIGFPE"},
		{"Redis's crash report", "1:M 18 Aug 2025 16:22:57.604 # Redis 7.4.2 crashed by signal: 11, si_code: 1\n", Segfault, "crashed by signal: 11"},
		{".NET's list changed inside its own loop, under StopHost", "fail: Microsoft.Extensions.Hosting.Internal.Host[9]\n      BackgroundService failed\n      System.InvalidOperationException: Collection was modified; enumeration operation may not execute.\ncrit: Microsoft.Extensions.Hosting.Internal.Host[10]\n      The HostOptions.BackgroundServiceExceptionBehavior is configured to StopHost. A BackgroundService has thrown an unhandled exception, and the IHost instance is stopping.\n", AppCrash, "Collection was modified"},
		{"Python's dict changed while iterated", "RuntimeError: dictionary changed size during iteration\n", AppCrash, "changed size during iteration"},
		{"PHP's call with too few arguments", "PHP Fatal error:  Uncaught ArgumentCountError: Too few arguments to function App\\Worker::__construct(), 1 passed in /app/bin/worker.php on line 12 and exactly 2 expected\n", AppCrash, "Too few arguments"},
		{"Ruby's call with the wrong number of arguments", "/app/app/services/exporter.rb:4:in `initialize': wrong number of arguments (given 2, expected 1) (ArgumentError)\n", AppCrash, "wrong number of arguments"},
		{"Kotlin's TODO()", "Exception in thread \"main\" kotlin.NotImplementedError: An operation is not implemented: recover outbox\n", AppCrash, "NotImplementedError"},
		{"Go's invariant panic", "panic: unreachable\n\ngoroutine 1 [running]:\nmain.(*fsm).step(...)\n", AppCrash, "panic: unreachable"},
		{"Meilisearch's database from an older engine", "Your database version (1.50.0) is incompatible with your current engine version (1.51.0).\n", ConfigError, "is incompatible with your current engine version"},
	})
	// Still read as settings: a value the config loader did not find.
	checkLogRules(t, []logRule{
		{"Java's null value read in a config loader", "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.trim()\" because the return value of \"java.util.Properties.getProperty(String)\" is null\n\tat com.acme.report.config.ConfigLoader.load(ConfigLoader.java:88)\n", ConfigError, "NullPointerException"},
		{"PHP's constant a config file should define", "PHP Fatal error:  Uncaught Error: Undefined constant \"DB_HOST\" in /var/www/html/wp-includes/load.php:12\n", ConfigError, "DB_HOST"},
	})
	checkNotRead(t, []notRead{
		// An option that is there is the option's, not a line ending's.
		{"/bin/sh: illegal option -x\n", CommandNotFound},
		// A program's own deprecation warning names no cause.
		{"WARN: the deprecated flag --storage.tsdb.retention is used; set the renamed flag --storage.tsdb.retention.time instead\n", ConfigError},
	})
}

// A wait script's verdict on the host and port it waited for.
func TestHostPortUnreachable(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a wait loop that gave up", "waiting for crm-mysql:3306\nwaiting for crm-mysql:3306\ncrm-mysql:3306 still not reachable\n", DependencyUnavailable, "still not reachable"},
		{"pg_isready's answer", "db:5432 - no response\n", DependencyUnavailable, "no response"},
	})
	checkNotRead(t, []notRead{
		{"Liveness probe failed: app:8080 is not ready\n", DependencyUnavailable},
	})
}

// A JDBC driver that does not take the URL it was given.
func TestJDBCURLRefused(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Hikari's driver refusing a postgres:// URL under Spring's wrapper", "2024-06-13T08:50:14.662Z ERROR 1 --- [           main] o.s.b.web.embedded.tomcat.TomcatStarter  : Error starting Tomcat context. Exception: org.springframework.beans.factory.UnsatisfiedDependencyException. Message: Error creating bean with name 'securityConfig': Unsatisfied dependency expressed through field 'userRepository'\nCaused by: java.lang.RuntimeException: Driver org.postgresql.Driver claims to not accept jdbcUrl, postgres://billing-db:5432/billing\n", ConfigError, "claims to not accept jdbcUrl"},
		{"DriverManager without a driver for a plain URL", "java.sql.SQLException: No suitable driver found for mysql://db:3306/app\n", ConfigError, "No suitable driver found"},
	})
	// A jdbc: URL without its driver is the build's, not the URL's.
	if got := ScanLog(strings.NewReader("java.sql.SQLException: No suitable driver found for jdbc:mysql://db:3306/app\n")); got.patID == "jdbc_url_refused" {
		t.Errorf("a jdbc: URL read as a URL the driver refuses: %q", got.Line)
	}
}

// Words that say the container is meant to end name a one-shot task.
func TestMeantToExitWords(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a setup container that should stay exited", "After ERPNext is started normally, the erpnext-create-site container should be in the Exited state, but it remains in the Restarting state\n", Completed},
		{"a migration job meant to run once", "The migrate container is supposed to run once and exit, but the Deployment keeps restarting it.\n", Completed},
	})
}

// A probe's failure only reported (an Unhealthy row pasted in the log, the
// asker's words that the events show it) gives way to the program's own
// error; alone it still points to the probe.
func TestProbeReported(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a traceback beside an Unhealthy row", "FastAPI service, after merging a refactor the pod crashloops. Events show liveness probe connection refused; the probe hasn't changed.\nTraceback (most recent call last):\n  File \"/app/orders/main.py\", line 14, in <module>\n    app.include_router(routes.orders_router)\nAttributeError: module 'orders.routes' has no attribute 'orders_router'\n  Warning  Unhealthy  2m (x2 over 4m)   kubelet  Liveness probe failed: Get \"http://10.244.2.17:8000/health\": dial tcp 10.244.2.17:8000: connect: connection refused\n", AppCrash, "AttributeError"},
		{"a missing variable beside an Unhealthy row", "Error: Missing required environment variable: JWT_ISSUER\n    at requireEnv (/app/dist/config.js:9:11)\n  Warning  Unhealthy  3m2s (x3 over 4m)   kubelet  Liveness probe failed: Get \"http://10.42.0.53:3000/health\": dial tcp 10.42.0.53:3000: connect: connection refused\n", ConfigError, "JWT_ISSUER"},
		{"an Unhealthy row alone", "  Warning  Unhealthy  3m2s (x3 over 4m)   kubelet  Liveness probe failed: Get \"http://10.42.0.53:3000/health\": dial tcp 10.42.0.53:3000: connect: connection refused\n", LivenessProbe, "Liveness probe failed"},
	})
}

// A loopback address named on the line before the refusal (an outer
// exception, Lettuce's cause chain) is where the app connects.
func TestLoopbackBeforeRefusal(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Npgsql's outer exception", "Unhandled exception. Npgsql.NpgsqlException (0x80004005): Failed to connect to 127.0.0.1:5432\n ---> System.Net.Sockets.SocketException (111): Connection refused\n", ConfigError, "Connection refused"},
	})
}

// Parse errors of a configuration file, and Azure SQL's database that is
// not up.
func TestConfigFileUnparsableAndAzureSQL(t *testing.T) {
	checkLogRules(t, []logRule{
		{"node-config's JSON", "Error: Cannot parse config file: '/app/config/production.json': SyntaxError: Expected double-quoted property name in JSON at position 211 (line 9 column 3)\n    at util.parseFile (/app/node_modules/config/lib/config.js:1031:11)\n", ConfigError, "Cannot parse config file"},
		{"Azure SQL's 40613", "Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): Database 'orders' on server 'acme-prod-sql' is not currently available.  Please retry the connection later.\n", DependencyUnavailable, "is not currently available"},
	})
	checkNotRead(t, []notRead{
		{"Error: Cannot read config file /etc/app/config.yaml: EACCES: permission denied, open '/etc/app/config.yaml'\n", ConfigError},
	})
}
