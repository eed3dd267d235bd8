package diagnose

import "testing"

// Rules from the misses of held-out rounds 135 to 140 (front-ends, NewSQL
// and time-series databases, migrations and database sidecars, .NET,
// workflow engines, backends-as-a-service), each written for the general
// shape, not the report.
func TestRules135(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a disk that answers with I/O errors under a panic", "panic: FATAL: cannot read /data/cache/metric_ids: read /data/cache/metric_ids: input/output error\n", DependencyUnavailable, "input/output error"},
		{"a raft store that cannot write to its disk", "{\"level\":\"fatal\",\"msg\":\"failed to save Raft hard state and entries\",\"error\":\"write /var/lib/etcd/member/wal/0.wal: input/output error\"}\n", DependencyUnavailable, "input/output error"},
		{"Npgsql given a connection string without its host", "Unhandled exception. System.ArgumentException: Host can't be null\n   at Npgsql.NpgsqlConnector.Open()\n", ConfigError, "Host can't be null"},
		{"a URL setting left empty", "Error: server url must not be empty\n", ConfigError, "must not be empty"},
		{".NET on an image without ICU asked for a culture", "Unhandled exception. System.Globalization.CultureNotFoundException: Only the invariant culture is supported in globalization-invariant mode. See https://aka.ms/GlobalizationInvariantMode for more information. (Parameter 'name')\nen is an invalid culture identifier.\n", AppCrash, "Only the invariant culture is supported"},
		{".NET without libicu at all", "Process terminated. Couldn't find a valid ICU package installed on the system. Set the configuration flag System.Globalization.Invariant to true if you want to run with no globalization support.\n", AppCrash, "Couldn't find a valid ICU package"},
		{"Flyway refusing an applied migration that was edited", "org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation\nMigration checksum mismatch for migration version 3\n-> Applied to database : 1254687\n-> Resolved locally    : -188234\n", AppCrash, "Migration checksum mismatch"},
		{"Liquibase refusing edited changesets", "liquibase.exception.ValidationFailedException: Validation Failed:\n     1 changesets check sum\n          db/changelog.yaml::4::dev was: 8:1b2c but is now: 8:9f3e\n", AppCrash, "changesets check sum"},
		{"replicas creating the same table at once", "error: duplicate key value violates unique constraint \"pg_type_typname_nsp_index\"\nDETAIL:  Key (typname, typnamespace)=(events, 2200) already exists.\n", AppCrash, "pg_type_typname_nsp_index"},
		{"a directory an earlier start left, not a denial", "mkdir: cannot create directory '/tmp/tmp-dir': File exists\n", ConfigError, "File exists"},
		{"an image whose licence is not accepted", "Before you can continue, the product license\nmust be accepted. The license can be viewed at\n\n    https://example.com/eula\n\nProduct license not accepted. Stopping.\n", ConfigError, "license not accepted"},
		{"a Rust command line given an argument it does not take", "error: Found argument '-r' which wasn't expected, or isn't valid in this context\n\nUSAGE:\n    hbbr [OPTIONS]\n", ConfigError, "Found argument '-r'"},
		{"a value the program does not recognise", "Caused by: java.lang.IllegalArgumentException: 'hub' is not a recognized cluster app type.\n", ConfigError, "is not a recognized"},
		{"a variable named in words as not being set", "The failure was traced to the variable `IDENTITY_URL` not being set.\n", ConfigError, "not being set"},
	})
	checkNotRead(t, []notRead{
		{"2025-06-16 14:04:06 Exception on Url: org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"http://config:8080/app\": Connection refused\n", AppCrash},
		{"level=info msg=\"the cache can't be null-terminated here\"\n", ConfigError},
		{"Kafka: found invalid messages in segment: checksum mismatch at offset 1024\n", AppCrash},
	})
}

// Words of rounds 135 to 146: a container Swarm replaces while its health
// check is still "starting" names its probe; a memory problem the reporter
// doubts is no vote for memory.
func TestReportInWords135(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a health check that never leaves starting", "The worker container restarts every 3 or 4 minutes.\nWith the latest image it always keeps the status 'starting' and then it is replaced.\n", LivenessProbe},
		{"docker ps's health column", "The web container keeps restarting, docker ps shows Up 2 minutes (health: starting) each time.\n", LivenessProbe},
	})
	doubt := "The worker restarts every few minutes, nothing in its log before it stops.\nI doubt it is a memory problem: the container can claim all memory available.\n"
	notAbout(t, doubt, OOMKilled, "a doubted memory problem read as memory")
}

// Rules from the misses of held-out rounds 147 to 152 (release
// regressions, start order, Python and Node services, controllers that
// panic on an object, network paths out of the pod).
func TestRules147(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a database server not reachable yet, then the migrations that needed it fail", "Error: P1001\nCan't reach database server at `db:5432`\nApplying database migrations failed.\nExiting...\n", DependencyUnavailable, "Can't reach database server"},
		{"a package manager's exit line after the program's own error", " [error]: TypeError: Cannot read properties of undefined (reading 'schedule')\n\n    at startJobs (/app/dist/job/schedule.js:66:64)\n\n ELIFECYCLE  Command failed with exit code 1.\n", AppCrash, "TypeError: Cannot read properties of undefined"},
		{"npm's error lines after the program's own error", "Error: connect ECONNREFUSED 10.0.0.12:6379\nnpm ERR! code ELIFECYCLE\nnpm ERR! errno 1\n", DependencyUnavailable, "ECONNREFUSED"},
		{"an agent's server that answers 403: the wrong URL", "ERROR: https://192.168.1.52:6443/ping is not accessible (The requested URL returned error: 403)\n", ConfigError, "returned error: 403"},
		{"a multi-line error in a logfmt value", "ts=2023-08-06T17:08:59Z caller=log.go:65 level=error msg=\"error running application\" err=\"\n  no s3 endpoint in config file\n  github.com/thanos-io/objstore/providers/s3.validate\n    /src/s3.go:349\n", ConfigError, "no s3 endpoint in config file"},
	})
}

// A cause named in words: the Kubernetes API not being available is a
// dependency; an image's name is no topic, whatever words it holds.
func TestReportInWords147(t *testing.T) {
	checkWords(t, []wordsCase{
		{"the Kubernetes API named as the cause", "The control plane pod went into CrashLoopBackOff because of the k8s api not being available during the upgrade.\n", DependencyUnavailable},
		{"the API server named as the cause", "The operator keeps crashing because the kubernetes API is not available while the masters restart.\n", DependencyUnavailable},
	})
	image := "The `acme/ai-memory:latest` container keeps restarting since v1.27.0.\n"
	notAbout(t, image, OOMKilled, "an image named ai-memory read as memory")
}

// Rules from the misses of held-out rounds 153 to 158 (permissions,
// probes, memory, finished programs, commands, settings): MinIO's drive
// access, chown in words, a pasted command's flags.
func TestRules153(t *testing.T) {
	checkLogRules(t, []logRule{
		{"MinIO refused its drive", "ERROR Unable to use the drive /export: drive access denied: Invalid arguments specified\n", PermissionDenied, "drive access denied"},
	})
	checkWords(t, []wordsCase{
		{"an init container's chown named in words", "On CephFS with root squash the init container's chown is refused, so it keeps crashing and the pod never starts.\n", PermissionDenied},
		{"files of the wrong ownership", "After the update the container keeps restarting; the data volume has the wrong ownership for the new image's user.\n", PermissionDenied},
	})
	flags := "I used the old image for over a year and now moved to the new release.\nWhen I start the docker service, I used to do:\ndocker service create \\\n--name=web --replicas=\"1\" \\\n--reserve-memory=\"12M\" --limit-memory=\"20M\" \\\n--health-cmd \"curl -fs http://localhost:2015/ || exit 1\" \\\nNow, with the new release, the service can't start and keeps restarting. Any idea why?\n"
	notAbout(t, flags, OOMKilled, "a pasted command's memory flags read as memory")
}

// Rules from held-out rounds 159 to 161 (missing objects, credentials,
// ports) and from the textbook shapes written beside them: bugs that read
// like settings, a broker refusing credentials, a non-root policy, a port
// Quarkus finds in use.
func TestRules159(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an MQTT broker refusing the client's credentials", "PHP Fatal error:  Uncaught PhpMqtt\\Client\\Exceptions\\ConnectingToBrokerFailedException: [6] Establishing a connection to the MQTT broker failed: Connection refused: Not authorized. in /opt/app/vendor/php-mqtt/client/src/MqttClient.php:271\n", ConfigError, "Not authorized"},
		{"Rust's panic message on the line after it (1.73 and later)", "thread 'tokio-runtime-worker' panicked at src/consumer.rs:87:47:\ncalled `Option::unwrap()` on a `None` value\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n", AppCrash, "Option::unwrap()"},
		{"Kotlin's lateinit property never set", "Caused by: kotlin.UninitializedPropertyAccessException: lateinit property catalogRepository has not been initialized\n\tat com.acme.CatalogSeeder.run(CatalogSeeder.kt:22)\n", AppCrash, "lateinit property"},
		{"Zeitwerk's file that does not define its constant", "/usr/local/bundle/gems/zeitwerk-2.6.12/lib/zeitwerk/loader/callbacks.rb:31:in `on_file_autoloaded': expected file /app/app/services/pdf_exporter.rb to define constant PdfExporter, but didn't (Zeitwerk::NameError)\n", AppCrash, "Zeitwerk::NameError"},
		{"PHP's parser refusing the app's own code", "PHP Parse error:  syntax error, unexpected token \"}\", expecting \";\" in /var/www/html/app/Http/Controllers/OrderController.php on line 57\n", AppCrash, "PHP Parse error"},
		{"Quarkus finds its port in use", "ERROR [io.qua.run.Application] (main) Port 8080 seems to be in use by another process. Quarkus may already be running or the port is used by another application.\nERROR [io.qua.run.Application] (main) Failed to start application: io.quarkus.runtime.QuarkusBindException: Port(s) already bound: 8080: Address already in use\n", PortConflict, "Address already in use"},
		{"the kubelet refusing a runAsUser under a non-root policy", "Error: container's runAsUser breaks non-root policy (pod: \"w_jobs(2f1c)\", container: w)\n", PermissionDenied, "breaks non-root policy"},
	})
	checkNotRead(t, []notRead{
		{"Error: yaml: line 4: could not find expected ':' while parsing config.yaml\n", AppCrash},
		{"database files are in use by another process: lock /data/LOCK: resource temporarily unavailable\n", PortConflict},
	})
	checkWords(t, []wordsCase{
		{"CreateContainerConfigError told in words", "After upgrading the chart from 10.16 to 11.6 the pod is stuck in CreateContainerConfigError and never starts.\n", MissingConfigObject},
		{"a missing Secret named as what the pod crashes on", "The adapter pod keeps crashing when a secret is missing, and only a restart of the pod fixes it once the secret exists.\n", MissingConfigObject},
	})
}
