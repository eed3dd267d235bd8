package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of round 733 and textbook batches 295
// onwards.
func TestRules733(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Ruby's NoMethodError on nil in an initializer", "=> Booting Puma\nExiting\n/app/config/initializers/currency_table.rb:8:in `block in <main>': undefined method `fetch' for nil (NoMethodError)\n\tfrom /app/config/initializers/currency_table.rb:7:in `each'\n2025/10/29 16:20:44 [error] 22#22: *41 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.4.11, server: _, request: \"GET /health HTTP/1.1\", upstream: \"http://127.0.0.1:3000/health\"\n", AppCrash, "NoMethodError"},
		{"Ruby 3.4's NoMethodError quoting", "/app/lib/sync.rb:12:in 'Sync#run': undefined method 'each' for an instance of Integer (NoMethodError)\n2025/10/29 16:20:44 [error] 22#22: *41 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.4.11, server: _, request: \"GET /health HTTP/1.1\", upstream: \"http://127.0.0.1:3000/health\"\n", AppCrash, "NoMethodError"},
		{"a caller's refused connection beside the service that cannot bind", "worker-1  | consumer: Cannot connect to redis://172.17.0.1:6379/0: Error 111 connecting to 172.17.0.1:6379. Connection refused..\nredis-1   | 1:M 21 Jul 2025 04:10:04.403 # Warning: Could not create server TCP listening socket *:6379: bind: Address already in use\nredis-1   | 1:M 21 Jul 2025 04:10:04.403 # Failed listening on port 6379 (tcp), aborting.\nworker-1  | consumer: Cannot connect to redis://172.17.0.1:6379/0: Error 111 connecting to 172.17.0.1:6379. Connection refused..\n", PortConflict, "Address already in use"},
		{"a web service's lookup failure beside the database's refusal", "web-1  | PHP Warning:  PDO::__construct(): php_network_getaddresses: getaddrinfo for db failed: Name or service not known in /var/www/html/inc/db.php on line 8\ndb-1   | 2025-09-16T10:22:45.402118Z 0 [ERROR] [MY-010187] [Server] Could not open file '/var/log/mysql/error.log' for error logging: Permission denied\ndb-1   | 2025-09-16T10:22:45.402201Z 0 [ERROR] [MY-010119] [Server] Aborting\n", PermissionDenied, "Permission denied"},
		{"Docker's OOMKilled field beside a caller's refusal", "kibana-1  | [ERROR][elasticsearch-service] Unable to retrieve version information from Elasticsearch nodes. connect ECONNREFUSED 172.23.0.2:9200\nOOMKilled=true ExitCode=137\n", OOMKilled, "OOMKilled=true"},
		{"a migration's SQL the database cannot run", "Applying migration `20250318094512_amount_to_decimal`\nError: P3018\n\nA migration failed to apply. New migrations cannot be applied before the error is recovered from.\n\nDatabase error code: 42804\n\nDatabase error:\nERROR: column \"amount\" cannot be cast automatically to type numeric\n", AppCrash, "cannot be cast automatically"},
		{"goose's failed SQL migration", "2025/05/15 13:20:07 goose run: ERROR 20250514093000_order_item_tax.sql: failed to run SQL migration: failed to execute SQL query \"ALTER TABLE order_item ADD COLUMN tax_cents bigint;\": ERROR: relation \"order_item\" does not exist (SQLSTATE 42P01)\n", AppCrash, "failed to run SQL migration"},
		{"Rails cancelling its migrations on a missing table", "-- add_column(:line_items, :discount_cents, :integer)\nbin/rails aborted!\nStandardError: An error has occurred, this and all later migrations canceled: (StandardError)\n\nPG::UndefinedTable: ERROR:  relation \"line_items\" does not exist\n", AppCrash, "migrations canceled"},
		{"a migration the role may not run", "ERROR: Migration V12__enable_pgcrypto.sql failed\n----------------------------------------------\nSQL State  : 42501\nMessage    : ERROR: permission denied to create extension \"pgcrypto\"\n", PermissionDenied, "permission denied to create extension"},
		{"a table the role does not own", "sqlalchemy.exc.ProgrammingError: (psycopg2.errors.InsufficientPrivilege) must be owner of table orders\n", PermissionDenied, "must be owner of table"},
		{"Django's migration whose parent was deleted", "django.db.migrations.exceptions.NodeNotFoundError: Migration billing.0031_invoice_due_date dependencies reference nonexistent parent node ('billing', '0030_invoice_terms')\n", AppCrash, "nonexistent parent node"},
		{"Liquibase's duplicate changesets", "ERROR: Exception Primary Class:  ValidationFailedException\nValidation Failed:\n     1 changesets had duplicate identifiers\n          db/changelog/2025/05-orders.xml::add-discount::dev\n", AppCrash, "duplicate identifiers"},
		{"PostgreSQL's French message of a missing database", "psycopg.OperationalError: connection failed: connection to server at \"10.1.4.20\", port 5432 failed: FATAL:  la base de données « factures » n'existe pas\n", ConfigError, "n'existe pas"},
		{"stern's container names after its header", "+ report-worker-8d7c6b5f9-jj4tz › fluent-bit\n+ report-worker-8d7c6b5f9-jj4tz › worker\nreport-worker-8d7c6b5f9-jj4tz worker + exec celery -A reports worker -l info\nreport-worker-8d7c6b5f9-jj4tz worker /entrypoint.sh: 14: exec: celery: not found\nreport-worker-8d7c6b5f9-jj4tz fluent-bit [2025/09/15 06:30:07] [ warn] [net] getaddrinfo(host='fluentd-aggregator.logging', err=4): Domain name not found\n", CommandNotFound, "celery: not found"},
		{"localhost in a URL's path is not where it connects", "time=\"2024-04-09T08:22:31Z\" level=fatal msg=\"Get \\\"http://10.20.4.15:8081/api/v1/servers/localhost/zones\\\": dial tcp 10.20.4.15:8081: connect: connection refused\"\n", DependencyUnavailable, "connection refused"},
		{"Node's AggregateError of loopback addresses only", "Error: database init failed\n    at initDatabase (/srv/api/src/db.js:27:11) {\n  [cause]: AggregateError [ECONNREFUSED]: \n      at internalConnectMultiple (node:net:1118:18) {\n    code: 'ECONNREFUSED',\n    [errors]: [\n      Error: connect ECONNREFUSED ::1:5432\n          at createConnectionError (node:net:1648:14) {\n      },\n      Error: connect ECONNREFUSED 127.0.0.1:5432\n          at createConnectionError (node:net:1648:14) {\n      }\n    ]\n  }\n}\n", ConfigError, "ECONNREFUSED"},
		{"Node's AggregateError with a remote address", "Error: database init failed\n  [cause]: AggregateError [ECONNREFUSED]: \n    [errors]: [\n      Error: connect ECONNREFUSED 127.0.0.1:5432\n      },\n      Error: connect ECONNREFUSED 10.96.12.4:5432\n      }\n    ]\n", DependencyUnavailable, "ECONNREFUSED"},
		{"a package.json the build left broken", "node:internal/modules/package_json_reader:93\n        throw error;\n        ^\n\nError [ERR_INVALID_PACKAGE_CONFIG]: Invalid package config /app/dist/package.json.\n    at parsePackageJSON (node:internal/modules/package_json_reader:88:24) {\n  code: 'ERR_INVALID_PACKAGE_CONFIG'\n}\n", AppCrash, "ERR_INVALID_PACKAGE_CONFIG"},
		{"Yarn PnP's undeclared dependency", "Error: @acme/api tried to access nanoid, but it isn't declared in its dependencies; this makes the require call ambiguous and unsound.\n", AppCrash, "isn't declared in its dependencies"},
		{"SQLAlchemy 2's plain-string statement", "sqlalchemy.exc.ObjectNotExecutableError: Not an executable object: 'SELECT count(*) FROM jobs'\n", AppCrash, "ObjectNotExecutableError"},
	})
	checkNotRead(t, []notRead{
		// A database that is read-only is no read-only filesystem.
		{"      Microsoft.Data.SqlClient.SqlException (0x80131904): Failed to update database \"crm_acme_trial\" because the database is read-only.\n", PermissionDenied},
		// A tally of no failures.
		{"2025-10-30 03:13:44 INFO price-sync: 18,204 prices updated, 0 failed\n2025-10-30 03:13:44 INFO price-sync: done\n", AppCrash},
		// The CI system's account of the step, and kubectl's wait.
		{"Waiting for deployment \"price-sync\" rollout to finish: 0 of 1 updated replicas are available...\nerror: timed out waiting for the condition\n##[error]Process completed with exit code 1.\n", ConfigError},
		{"ERROR: script returned exit code 1\nFinished: FAILURE\n", ConfigError},
		{"Waiting for deployment \"price-sync\" rollout to finish: 0 of 1 updated replicas are available...\n", DependencyUnavailable},
		// PostgreSQL's note of a client that went away.
		{"db-1  | 2025-03-18 12:40:02.118 UTC [1204] LOG:  could not receive data from client: Connection reset by peer\n", DependencyUnavailable},
		// A password with a quote breaks the SQL a setup script builds: no migration of the release.
		{"Error executing 'postInstallation': ERROR:  syntax error at or near \"1\"\n", AppCrash},
	})
}

// A container failing every half hour never shows a back-off, but many
// failed runs whose starts the events count are still a loop; a single
// recovery after an error is not.
func TestFlappingContainer(t *testing.T) {
	st := corev1.ContainerStatus{Name: "haproxy", Ready: true, RestartCount: 17,
		State:                corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ts(13 * time.Minute)}},
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{Reason: "Error", ExitCode: 139, StartedAt: ts(36 * time.Minute), FinishedAt: ts(13 * time.Minute)}}}
	started := event("Started", "haproxy", "Started container haproxy", 13*time.Minute, 18)
	r := Diagnose(Input{Pod: testPod([]string{"haproxy"}, setStatus(st)), Events: []corev1.Event{started}, Now: now})
	if r.Healthy || r.Category != Segfault {
		t.Fatalf("flapping: healthy=%v %s: %s", r.Healthy, r.Category, r.Summary)
	}
	if r := Diagnose(Input{Pod: testPod([]string{"haproxy"}, setStatus(st)), Now: now}); !r.Healthy {
		t.Fatalf("no events counting the starts: want healthy, got %s: %s", r.Category, r.Summary)
	}
	st.LastTerminationState.Terminated.FinishedAt = ts(2 * time.Hour)
	if r := Diagnose(Input{Pod: testPod([]string{"haproxy"}, setStatus(st)), Events: []corev1.Event{started}, Now: now}); !r.Healthy {
		t.Fatalf("last failure two hours ago: want healthy, got %s: %s", r.Category, r.Summary)
	}
}

// Another pod of the same workload whose row shows OOMKilled speaks for
// this one's restarts when nothing else does.
func TestOOMKilledSibling(t *testing.T) {
	st := corev1.ContainerStatus{Name: "exec", RestartCount: 6, State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}}
	pod := testPod([]string{"exec"}, setStatus(st))
	pod.Name = "spark-exec-6c8d7f9b5-9mzt4"
	in := Input{Pod: pod, Now: now, Neighbours: []Neighbour{{Name: "spark-exec-6c8d7f9b5-2xkqp", Status: "OOMKilled", Restarts: 6}}}
	if r := Diagnose(in); r.Category != OOMKilled {
		t.Fatalf("sibling OOMKilled: got %s: %s", r.Category, r.Summary)
	}
	in.Neighbours[0].Name = "other-app-5d4c3b2a1-abcde"
	if r := Diagnose(in); r.Category == OOMKilled {
		t.Fatalf("another workload's OOMKilled pod read as this one's: %s", r.Summary)
	}
}
