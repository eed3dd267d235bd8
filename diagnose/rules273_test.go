package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// waitingOnly is a container in back-off with no termination recorded.
func waitingOnly(name string) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, RestartCount: 7,
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}}
}

// A node's SystemOOM event (the node ran out of memory; the container has
// no limit of its own) is a vote for memory, weaker than a memory
// cgroup's OOM kill.
func TestSystemOOMNodeEvent(t *testing.T) {
	pod := testPod([]string{"trainer"}, setStatus(waitingOnly("trainer")))
	node := event("SystemOOM", "", "System OOM encountered, victim process: python3, pid: 2231874", time.Minute, 4)
	node.InvolvedObject = corev1.ObjectReference{Kind: "Node", Name: "node-1"}
	r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{node, backOff("trainer")}})
	if r.Category != OOMKilled || !strings.Contains(strings.Join(r.Evidence, "\n"), "System OOM encountered") {
		t.Fatalf("got %s (%s): %q", r.Category, r.Confidence, r.Evidence)
	}
	// A log that names its own error outweighs it.
	r = Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{node, backOff("trainer")},
		Logs: map[string]string{"trainer": "Error: connect ECONNREFUSED 10.0.0.7:5432\n"}})
	if r.Category != DependencyUnavailable {
		t.Errorf("with a refused database in the log: got %s, want dependency_unavailable", r.Category)
	}
}

// An init script that starts a daemon in the background returns, and the
// container with it.
func TestInitScriptStartsADaemon(t *testing.T) {
	for _, tc := range []struct {
		cmd  []string
		want bool
	}{
		{[]string{"/bin/bash", "-c", "service apache2 start"}, true},
		{[]string{"/etc/init.d/nginx", "start"}, true},
		{[]string{"/bin/sh", "-c", "service apache2 start && tail -f /var/log/apache2/access.log"}, false},
		{[]string{"apache2ctl", "-D", "FOREGROUND"}, false},
	} {
		pod := testPod([]string{"api"}, setStatus(waitingOnly("api")), withCommand("api", tc.cmd...))
		r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{backOff("api")}})
		if got := r.Category == Completed; got != tc.want {
			t.Errorf("%q: got %s: %s", tc.cmd, r.Category, r.Summary)
		}
	}
}

// A service's log whose last line says it exits of its own accord is a
// task that finished; one told to stop is not.
func TestServiceLogThatSaysItExits(t *testing.T) {
	checkLogFinishes(t, "worker", []finishCase{
		{"2024-11-20 08:14:02 INFO polling queue jobs-default\n2024-11-20 08:14:02 INFO no messages, exiting\n", true},
		{"2024-11-20 08:14:02 INFO polling queue jobs-default\n2024-11-20 08:14:02 INFO received SIGTERM, exiting\n", false},
		{"2024-11-20 08:14:02 INFO polling queue jobs-default\n2024-11-20 08:14:02 INFO serving on :8080\n", false},
	})
}

// finishCase is a container's log and whether it reads as a task that
// finished.
type finishCase struct {
	log  string
	want bool
}

// checkLogFinishes diagnoses a container in back-off with each log and
// checks whether the verdict is completed.
func checkLogFinishes(t *testing.T, container string, cases []finishCase) {
	t.Helper()
	pod := testPod([]string{container}, setStatus(waitingOnly(container)))
	for _, tc := range cases {
		r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{backOff(container)}, Logs: map[string]string{container: tc.log}})
		if got := r.Category == Completed; got != tc.want {
			t.Errorf("%q: got %s: %s", tc.log, r.Category, r.Summary)
		}
	}
}

// Words that give the exit code ("Exit code is 0 every time") and a
// `docker ps` row that shows it name a program that ends by itself.
func TestWordsAndRowsSayExitZero(t *testing.T) {
	checkWords(t, []wordsCase{
		{"exit code is 0", "The report script uploads the CSV and finishes. Exit code is 0 every time but the pod shows CrashLoopBackOff.", Completed},
		{"exit code: 0", "It keeps restarting, exit code: 0, nothing in the logs.", Completed},
	})
	checkLogRules(t, []logRule{
		{"compose ps restarting with 0", "ops-scheduler-1   ops/scheduler:1.4   \"cron\"   scheduler   4 minutes ago   Restarting (0) 2 seconds ago\n", Completed, "Restarting (0)"},
		{"podman ps exited 0", "c41d7e0a9b2f  docker.io/library/ubuntu:24.04  /bin/bash  2 minutes ago  Exited (0) 1 second ago  dev\n", Completed, "Exited (0)"},
	})
	checkNotRead(t, []notRead{
		{"c41d7e0a9b2f  acme/api:1  \"node server.js\"  2 minutes ago  Exited (1) 1 second ago  api\n", Completed},
		{"api-1  acme/api:1  Restarting (0) 2 seconds ago\nError: listen EADDRINUSE: address already in use :::8080\n", Completed},
	})
}

// Rules from the misses of held-out rounds 273 to 298 (databases, API
// gateways, analytics, messaging, secrets servers, monitoring, flags,
// connection strings, LDAP, developer portals, media servers, Python
// servers).
func TestRules273(t *testing.T) {
	checkLogRules(t, []logRule{
		{"AMQP login refused", "2022-11-04 13:53:46,655 name=celery.worker level=CRITICAL Unrecoverable error: AccessRefused(403, 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.', (0, 0), '')\n", ConfigError, "ACCESS_REFUSED"},
		{"osixia's baseimage log beside the platform in a title", "OpenLDAP on balenaOS (Raspberry Pi 4) failed to start\n***  INFO   | 2022-08-01 19:05:32 | updating file uid/gid ownership\n***  ERROR  | 2022-08-01 19:05:32 | Error: the database directory (/var/lib/ldap) is empty but not the config directory (/etc/ldap/slapd.d)\n***  ERROR  | 2022-08-01 19:05:32 | /container/run/startup/slapd failed with status 1\n***  INFO   | 2022-08-01 19:05:32 | Killing all processes...\n", ConfigError, "database directory"},
		{"a platform in a title with nothing else", "Pods fail on my Raspberry Pi 4 cluster\n", ExecFormat, "Raspberry Pi"},
	})
	checkNotRead(t, []notRead{
		{"  numberOfServers: 1\n", PermissionDenied},
		{"*** FATAL CONFIG FILE ERROR (Redis 7.4.1) ***\nReading the configuration file, at line 4\n>>> 'requirepass'\nwrong number of arguments\n", PermissionDenied},
	})
	checkWords(t, []wordsCase{
		{"exec format error mistyped", "backstage image crash looping \"/usr/bin/node: exect format error\"", ExecFormat},
		{"a port the reporter says is in use", "it will go to CrashLoopBackOff again after a few minutes, same message that port 19999 is in use", PortConflict},
	})
}

// A lock another instance holds, in a log or in words, and a program that
// kills the process its old pid file names.
func TestRules286(t *testing.T) {
	checkLogRules(t, []logRule{
		{"bbolt gives up on the lock", "ts=2024-05-02T10:11:12Z lvl=error msg=\"Failed to open shard\" log_id=0p error=\"open /var/lib/influxdb2/influxd.bolt: timeout\"\n", ConfigError, "timeout"},
		{"an old pid file's process killed", "[anchore-catalog] [anchore_manager.cli.service/terminate_service()] [INFO] Found old pid for service: anchore-catalog. Terminating it\n/usr/bin/anchore-engine: line 11:     7 Killed                  /usr/bin/anchore-manager service start\nanchore_anchore-engine_1 exited with code 137\n", ConfigError, "Found old pid"},
	})
	checkNotRead(t, []notRead{
		{"level=info msg=\"opened bolt store\" path=/data/raft.db timeout=10s\n", ConfigError},
	})
	checkWords(t, []wordsCase{
		{"a database another instance holds", "Crashloopbackoff because a second influx instance cannot start on a database that is being used by another instance.", ConfigError},
		{"health checks in a Markdown list", "1. **`nginx:alpine` doesn't ship busybox-wget.** The first deploy used `wget -q -O- http://localhost/` and every replica went unhealthy immediately, autoheal ate them in a restart loop.\n2. **`start_period` matters.** Without it autoheal acts before nginx has settled.", LivenessProbe},
	})
}

// A reporter's guess that opens a sentence ("I think the liveness probe
// ...") is weaker than the program's own crash.
func TestHedgedGuessIsWeak(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a guess beside an unhandled rejection", "I think the liveness probe is too aggressive, the gateway restarts a few seconds after start.\n[2025-03-20T13:02:11.402Z] info: gateway listening on :4000\n[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"route handler for /v2/quotes returned undefined\".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n", AppCrash, "UnhandledPromiseRejection"},
		{"samba's directory mode", "invalid permissions on directory '/var/run/samba/nmbd': has 0750 should be 0755\n", PermissionDenied, "invalid permissions"},
	})
	checkLogRules(t, []logRule{
		{"a stated cause is no guess", "The liveness probe kills the gateway a few seconds after start.\n", LivenessProbe, "liveness probe"},
	})
}

// Rules from session 15's textbook batches 37-42 (runtimes and libraries,
// credentials and connection strings, locks held by another instance,
// base-image log formats, web consoles, issue bodies).
func TestRules293(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a NIF's missing library", "Failed to load NIF library: 'libcrypto.so.3: cannot open shared object file: No such file or directory'\n", AppCrash, "cannot open shared object file"},
		{"a glibc binary on musl", "Error relocating /usr/local/bin/hw-exporter: __vfprintf_chk: symbol not found\n", AppCrash, "Error relocating"},
		{"a JDK 11 build on a Java 8 runtime", "Exception in thread \"main\" java.lang.NoSuchMethodError: java.nio.ByteBuffer.flip()Ljava/nio/ByteBuffer;\n", AppCrash, "NoSuchMethodError"},
		{"a Go binary for a newer x86-64 level", "This program can only be run on AMD64 processors with v3 microarchitecture support.\n", ExecFormat, "v3 microarchitecture"},
		{"go-sql-driver's DSN without tcp()", "[mysql] 2024/05/02 10:11:12 connector.go:95: default addr for network 'mysql.data.svc:3306' unknown\n", ConfigError, "default addr"},
		{"a password's @ read as the host", "psql: error: could not translate host name \"kT2@ledger-db.finance.svc\" to address: Name or service not known\n", ConfigError, "kT2@"},
		{"mongodb's unescaped password", "MongoParseError: Password contains an illegal unescaped character\n", ConfigError, "illegal unescaped"},
		{"Kafka without brokers yet", "kafka.errors.NoBrokersAvailable: NoBrokersAvailable\n", DependencyUnavailable, "NoBrokersAvailable"},
		{"LDAP server down", "ldap.SERVER_DOWN: {'result': -1, 'desc': \"Can't contact LDAP server\", 'errno': 107}\n", DependencyUnavailable, "contact LDAP server"},
		{"Neo4j's store lock", "org.neo4j.kernel.internal.locker.FileLockException: Lock file has been locked by another process: /data/databases/store_lock.\n", ConfigError, "locked by another process"},
		{"a beat's data path", "Exiting: data path already locked by another beat. Please make sure that multiple beats are not sharing the same data path (path.data)\n", ConfigError, "already locked by another"},
		{"ES node locks with the lock's holder", "java.lang.IllegalStateException: failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?\nCaused by: org.apache.lucene.store.LockObtainFailedException: Lock held by another program: /usr/share/elasticsearch/data/nodes/0/node.lock\n", ConfigError, "Lock held by another program"},
		{"ES node locks with a denied path", "java.lang.IllegalStateException: failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?\nCaused by: java.nio.file.AccessDeniedException: /usr/share/elasticsearch/data/nodes\n", PermissionDenied, "AccessDeniedException"},
		{"a script saved with CRLF", "*** /etc/my_init.d/10_setup.sh failed with status 127\n/etc/my_init.d/10_setup.sh: Bourne-Again shell script, ASCII text executable, with CRLF line terminators\n", CommandNotFound, "CRLF line terminators"},
		{"ECS replaced an unhealthy task", "\"stop\": \"Task failed container health checks\",\nsh: curl: not found\n", LivenessProbe, "failed container health checks"},
		{"a log stream's timestamp and two spaces", "2025-02-27T13:40:02.80211  sh: yarn: not found\n", CommandNotFound, "yarn: not found"},
		{"a role denied by Azure beside a cache that did not sync", "time=\"2025-02-21T15:30:12Z\" level=fatal msg=\"failed to sync cache: GET https://management.azure.com/x\\nRESPONSE 403: 403 Forbidden\\nERROR CODE: AuthorizationFailed\"\n", PermissionDenied, "AuthorizationFailed"},
		{"RBAC without the user's name", "E0519 manager.go:88] failed to list *v1.ConfigMap: configmaps is forbidden at the cluster scope\n", PermissionDenied, "configmaps is forbidden"},
	})
	checkNotRead(t, []notRead{
		{"Runtime error: cannot load plugin /usr/share/falco/plugins/libk8saudit.so: can't load plugin dynamic library: /usr/share/falco/plugins/libk8saudit.so: cannot open shared object file: No such file or directory. Exiting.\n", AppCrash},
	})
}

// A SIGTERM just after the program's own fatal line is its entrypoint
// stopping the rest: the fatal line says why. Alone, it is the kubelet's.
func TestSigtermAfterFatal(t *testing.T) {
	checkLogRules(t, []logRule{
		{"supervisord told to stop after a fatal check", "[ TASKLOG ]  Checking configuration,\n[  FATAL  ]  Unless using LDAP, you need at least 1 email account to start Dovecot.,\n2021-10-13 12:54:08,083 WARN received SIGTERM indicating exit request\n[  ERROR  ]  Shutting down..,\n", ConfigError, "at least 1 email account"},
		{"a SIGTERM alone", "2021-10-13 12:54:01,000 INFO loading the index\n2021-10-13 12:54:08,083 WARN received SIGTERM indicating exit request\n", LivenessProbe, "SIGTERM"},
	})
}

// Rules from session 15's textbook batches 43-47 (beginners' questions,
// Go and Rust, .NET and Node.js, describe-only reports, Docker).
func TestRules300(t *testing.T) {
	checkLogRules(t, []logRule{
		{"TensorFlow's AVX check", "The TensorFlow library was compiled to use AVX instructions, but these aren't available on your machine.\n", ExecFormat, "AVX instructions"},
		{"a metric registered twice", "panic: duplicate metrics collector registration attempted\n\ngoroutine 1 [running]:\n", AppCrash, "duplicate metrics collector"},
		{"a Go plugin built elsewhere", "plugin.Open(\"/plugins/ratelimit\"): plugin was built with a different version of package internal/goarch\n", AppCrash, "different version of package"},
		{"EF Core's missing migration", "System.InvalidOperationException: An error was generated for warning 'Microsoft.EntityFrameworkCore.Migrations.PendingModelChangesWarning': The model for context 'AssetsDbContext' has pending changes. Add a new migration before updating the database.\n", AppCrash, "PendingModelChangesWarning"},
		{"Prisma without its client", "Error: @prisma/client did not initialize yet. Please run \"prisma generate\" and try to import it again.\n", AppCrash, "did not initialize yet"},
		{"gRPC over TLS to a plain server", "rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: tls: first record does not look like a TLS handshake\"\n", ConfigError, "first record does not look like a TLS handshake"},
		{"SqlClient's untrusted server certificate", "Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake.\n ---> System.Security.Authentication.AuthenticationException: The remote certificate was rejected by the provided RemoteCertificateValidationCallback.\n", ConfigError, "RemoteCertificateValidationCallback"},
		{"docker events of a container that ends", "2025-01-10T09:00:01.000000000Z container die 3f2a (exitCode=0, image=busybox:1.36, name=app-ready-1)\n", Completed, "exitCode=0"},
		{"GCS refusing the workload's identity", "google.api_core.exceptions.Forbidden: 403 GET https://storage.googleapis.com/b/x: exporter@p.iam.gserviceaccount.com does not have storage.objects.get access to the Google Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist).\n", PermissionDenied, "storage.objects.get"},
		{"an Elasticsearch client without a node", "{\"level\":\"fatal\",\"error\":\"no Elasticsearch node available\",\"message\":\"elastic client\"}\n", DependencyUnavailable, "no Elasticsearch node available"},
		{"node-postgres refused on ::1", "AggregateError [ECONNREFUSED]: \n    at internalConnectMultiple (node:net:1118:18) {\n  code: 'ECONNREFUSED',\n  [errors]: [\n    Error: connect ECONNREFUSED ::1:5432\n", ConfigError, "::1:5432"},
	})
	checkNotRead(t, []notRead{
		{"$ docker inspect feedparser --format 'status={{.State.Status}} exit={{.State.ExitCode}} oom={{.State.OOMKilled}}'\n", OOMKilled},
	})
}
