package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of rounds 632 onwards and textbook batches
// 227 onwards.
func TestRules632(t *testing.T) {
	checkLogRules(t, []logRule{
		{"runc's missing shell in a Swarm task whose service is named cleanup", "w8e7r6t5y4u3    \\_ stack_cleanup.1   registry.local/cleanup:1.4   node-2    Shutdown        Rejected 7 seconds ago   \"failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown\"\n", CommandNotFound, "executable file not found"},
		{"a shared library named missing in words", "The schema-engine then failed to load at runtime with 'libssl.so.1.1: No such file or directory', exiting CMD non-zero and triggering restart: unless-stopped in a loop.\n", AppCrash, "libssl.so.1.1"},
		{"pm2's ecosystem file that does not parse", "[PM2][ERROR] File ecosystem.config.js malformated\n/app/ecosystem.config.js:9\n      env_production: {\n      ^^^^^^^^^^^^^^\n\nSyntaxError: Unexpected identifier 'env_production'\n    at wrapSafe (node:internal/modules/cjs/loader:1469:18)\n    at Common.parseConfig (/usr/local/lib/node_modules/pm2/lib/Common.js:331:12)\n", ConfigError, "malformated"},
		{"Django's ENGINE that names no backend, below the import it tried", "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/django/db/utils.py\", line 113, in load_backend\n    return import_module(\"%s.base\" % backend_name)\nModuleNotFoundError: No module named 'django.db.backends.postgres'\n\nDuring handling of the above exception, another exception occurred:\n\n  File \"/usr/local/lib/python3.12/site-packages/django/db/utils.py\", line 126, in load_backend\n    raise ImproperlyConfigured(\ndjango.core.exceptions.ImproperlyConfigured: 'django.db.backends.postgres' isn't an available database backend or couldn't be imported. Check the above exception.\n", ConfigError, "isn't an available database backend"},
		{"dotnet run in a runtime-only image", "The command could not be loaded, possibly because:\n  * You intended to execute a .NET application:\n      The application 'run' does not exist.\n  * You intended to execute a .NET SDK command:\n      No .NET SDKs were found.\n", CommandNotFound, "No .NET SDKs were found"},
		{"ASP.NET Core's endpoint mapped without its services", "Unhandled exception. System.InvalidOperationException: Unable to find the required services. Please add all the required services by calling 'IServiceCollection.AddRazorComponents' inside the call to 'ConfigureServices(...)' in the application startup code.\n   at Program.<Main>$(String[] args) in /src/Contoso.Portal/Program.cs:line 61\n", AppCrash, "Unable to find the required services"},
		{".NET's cast of a column to the wrong type", "fail: Microsoft.Extensions.Hosting.Internal.Host[9]\n      BackgroundService failed\n      System.InvalidCastException: Unable to cast object of type 'System.Int64' to type 'System.Int32'.\n         at Payouts.Worker.PayoutRepository.GetPendingAsync(CancellationToken ct) in /src/Payouts.Worker/PayoutRepository.cs:line 31\ncrit: Microsoft.Extensions.Hosting.Internal.Host[10]\n      The HostOptions.BackgroundServiceExceptionBehavior is configured to StopHost. A BackgroundService has thrown an unhandled exception, and the IHost instance is stopping.\n", AppCrash, "Unable to cast object"},
		{"SQL Server's connection string given to Npgsql", "Unhandled exception. System.ArgumentException: Couldn't set initial catalog (Parameter 'initial catalog')\n ---> System.ArgumentException: Keyword not supported: initial catalog (Parameter 'keyword')\n   at Npgsql.NpgsqlConnectionStringBuilder.GetProperty(String keyword)\n", ConfigError, "Keyword not supported"},
		{"SQL Server in script upgrade mode after an image update", "Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'ledger_app'. Reason: Server is in script upgrade mode. Only administrator can connect at this moment.\n   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\nError Number:18401,State:1,Class:14\n", DependencyUnavailable, "script upgrade mode"},
		{"run-java.sh given a jar the build did not make", "Starting the Java application using /opt/jboss/container/java/run/run-java.sh ...\nERROR No such file /deployments/openshift-quickstart-1.0.0-SNAPSHOT-runner.jar\nINFO exec  java -XX:+UseParallelGC -cp \".\" -jar  \nError: -jar requires jar file specification\nUsage: java [options] <mainclass> [args...]\n", ConfigError, "No such file /deployments/"},
		{"Icecast's listener on a port another instance holds", "[2025-09-12  10:41:03] EROR connection/connection_setup_sockets Could not create listener socket on port 8000 bind (null)\n[2025-09-12  10:41:03] EROR connection/connection_setup_sockets No listening sockets established\nFATAL: Server startup failed. Exiting\n", PortConflict, "Could not create listener socket"},
		{"Ruby's [BUG] in a native extension, below Helm's wait timeout", "$ helm upgrade --install review-1841 ./chart -n review --wait --timeout 6m\nRelease \"review-1841\" does not exist. Installing it now.\nError: context deadline exceeded\n=> Booting Puma\n/usr/local/bundle/gems/grpc-1.68.1-x86_64-linux/src/ruby/lib/grpc/grpc_c.so: [BUG] Segmentation fault at 0x0000000000000000\nruby 3.3.6 (2024-11-05 revision 75015d4c1f) [x86_64-linux]\n", Segfault, "[BUG] Segmentation fault"},
		{"a jsonpath table of pods' last exit codes", "scoring-5b8d7c9f64-4kx2m\t139\tError\nscoring-5b8d7c9f64-cz9wq\t139\tError\n", Segfault, "139"},
		{"go-oidc's issuer check wrapped over three lines", "failed to create OIDC provider for \"https://sso.example.org\":\n  oidc: issuer URL provided to client (\"https://sso.example.org\")\n  did not match the issuer URL returned by provider (\"https://sso.example.org:443\")\n", ConfigError, "did not match the issuer URL"},
		{"Flyway without a URL", "Flyway OSS Edition 10.21.0 by Redgate\n\nSee release notes here: https://rd.gt/416ObMi\nERROR: Unable to connect to the database. Configure the url, user and password!\n", ConfigError, "Configure the url"},
		{"a compose job's shell command that exits 0, made a Deployment", "Everything comes up except createbuckets, which is now a Deployment in CrashLoopBackOff. Its log each time:\n\nAdded `myminio` successfully.\nBucket created successfully `myminio/uploads`.\nAccess permission for `myminio/uploads` is set to `download`\n\nThe entrypoint is `/bin/sh -c \"mc alias set myminio http://minio:9000 $$MINIO_ROOT_USER $$MINIO_ROOT_PASSWORD; mc mb --ignore-existing myminio/uploads; exit 0;\"`\n", Completed, "exit 0"},
		{"an old cAdvisor on a cgroup v2 node", "F0321 10:12:44.123456       1 cadvisor.go:172] Failed to start container manager: inotify_add_watch /sys/fs/cgroup/cpuacct,cpu: no such file or directory\nF0321 10:12:44.123456       1 manager.go:230] mountpoint for cpu not found\n", AppCrash, "mountpoint for cpu not found"},
		{"a migration that creates a type already there", "migrate-1  | [⣷] applying migrations...PostgresError: type \"order_status\" already exists\nmigrate-1  |     at ErrorResponse (file:///app/node_modules/postgres/src/connection.js:788:26)\n", AppCrash, "already exists"},
		{"Flyway's migration whose own SQL failed", "ERROR: Migration V12__add_region_not_null.sql failed\n---------------------------------------------------\nSQL State  : 23502\nError Code : 0\nMessage    : ERROR: column \"region\" of relation \"orders\" contains null values\n", AppCrash, "sql failed"},
		{"rspamd's crash handler on SIGSEGV", "2025-01-12 10:14:02 #41(normal) <a5b3c1>; main; rspamd_crash_sig_handler: caught fatal signal 11(Segmentation fault), pid: 41, trace:\n2025-01-12 10:14:02 #41(normal) <a5b3c1>; main; rspamd_crash_sig_handler: 0: 0x7f2c6a1b3e40: librspamd-server.so+0x2b3e40\n", Segfault, "caught fatal signal 11"},
		{"Samba's member join before its DC is up", "[member] joining domain LAB\nFailed to join domain: failed to find DC for domain LAB\n[member] join failed, exiting\n", DependencyUnavailable, "failed to find DC"},
		{"Triton's signal handler", "I0312 08:14:22.301 1 server.cc:674] Started GRPCInferenceService at 0.0.0.0:8001\nSignal (11) received.\n 0# 0x000055D1C2F1B2A9 in tritonserver\n 1# 0x00007F3A1C84251F in /usr/lib/x86_64-linux-gnu/libc.so.6\n", Segfault, "Signal (11) received"},
		{"Oracle still starting", "oracledb.exceptions.DatabaseError: ORA-01033: ORACLE initialization or shutdown in progress\nHelp: https://docs.oracle.com/error-help/db/ora-01033/\n", DependencyUnavailable, "ORA-01033"},
		{"axum's conflicting routes", "thread 'main' panicked at src/routes/mod.rs:31:10:\nInvalid route \"/users/{id}\": Insertion failed due to conflict with previously registered route: /users/{user_id}\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n", AppCrash, "Insertion failed due to conflict"},
		{"sqlx decoding a column into another type", "Error: error occurred while decoding column \"created_at\": mismatched types; Rust type `chrono::DateTime<chrono::Utc>` (as SQL type `TIMESTAMPTZ`) is not compatible with SQL type `TIMESTAMP`\n", AppCrash, "is not compatible with SQL type"},
		{"rustls without the private CA, below the connect error", "Error: failed to connect to database\n\nCaused by:\n    0: error occurred while attempting to establish a TLS connection: invalid peer certificate: UnknownIssuer\n    1: invalid peer certificate: UnknownIssuer\n", ConfigError, "invalid peer certificate"},
		{"kubectl wait that passed", "deployment.apps/cert-manager-webhook condition met\n", Completed, "condition met"},
		{"cert-manager's API check that passed", "The cert-manager API is ready\n", Completed, "API is ready"},
		{"Swarm's task killed by SIGKILL", "NAME          NODE      CURRENT STATE               ERROR\nworker.1      worker1   Starting 2 seconds ago\n\\_ worker.1   worker1   Failed 14 seconds ago       \"task: non-zero exit (137)\"\n", OOMKilled, "non-zero exit (137)"},
	})
	checkNotRead(t, []notRead{
		{"ln: failed to create symbolic link '/usr/lib/libfoo.so.1': No such file or directory\n", AppCrash},
	})
}

// Swarm's exit 137 is said as Docker's row is: a kill at the memory limit,
// not a runtime's heap.
func TestSwarmExit137Summary(t *testing.T) {
	r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "\\_ worker.1   worker1   Failed 14 seconds ago       \"task: non-zero exit (137)\"\n"}})
	if r.Category != OOMKilled || strings.Contains(r.Summary, "heap limit") {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// Liberty's keystore that did not load leaves the HTTPS port the probe
// calls closed: the keystore's error is why the probe kills it.
func TestLibertyKeystoreOutweighsTheProbeKill(t *testing.T) {
	events := []corev1.Event{
		event("Unhealthy", "app", `Liveness probe failed: Get "https://10.42.1.17:9443/health/live": dial tcp 10.42.1.17:9443: connect: connection refused`, 20*time.Second, 9),
		event("Killing", "app", "Container app failed liveness probe, will be restarted", 20*time.Second, 3),
		backOff("app"),
	}
	log := "[12/3/24, 9:14:02:118 UTC] 00000001 com.ibm.ws.kernel.launch.internal.FrameworkManager           A CWWKE0001I: The server defaultServer has been launched.\n" +
		"[12/3/24, 9:14:09:604 UTC] 0000002a com.ibm.ws.ssl.config.WSKeyStore                             E CWPKI0033E: The keystore located at /config/resources/security/key.p12 did not load because of the following error: /config/resources/security/key.p12 (Permission denied)\n" +
		"[12/3/24, 9:14:11:930 UTC] 00000028 com.ibm.ws.kernel.feature.internal.FeatureManager            A CWWKF0011I: The defaultServer server is ready to run a smarter planet. The defaultServer server started in 9.812 seconds.\n"
	r := Diagnose(Input{Pod: app(143, "Error", withLiveness("app")), Events: events, Logs: logOf(log), Now: now})
	if r.Category != PermissionDenied {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// An exit code 137 told in words is a SIGKILL: memory's words unless the
// report names a probe as the killer.
func TestExit137WordsBesideAProbe(t *testing.T) {
	checkWords(t, []wordsCase{
		{"the probe named beside the 137", "New pod crashlooped 6 times with exit code 137 (startup probe SIGKILL). Logs stopped at the chown of the data dir.\n", LivenessProbe},
		{"the probe named in another sentence", "Flipping the image produced a CrashLoop: 5+ restarts, exit 137, never ready.\n\nWe saw the startup-probe fail for the full 10min window while the entrypoint was still running chown.\n", LivenessProbe},
		{"a 137 alone", "The worker keeps restarting, exit code 137 every time after a few minutes of work.\n", OOMKilled},
		{"memory said beside a probe", "The pod is OOMKilled over and over, exit code 137, memory climbs to the limit; the liveness probe is fine.\n", OOMKilled},
	})
}

// An OSError from the program's own setsockopt of SO_REUSEPORT is the
// program's, fixed by its release; the same error elsewhere is not.
func TestReusePortUnsupported(t *testing.T) {
	tb := "[2025-01-16 10:16:05 +0000] [240] [INFO] Starting gunicorn 19.7.1\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.9/dist-packages/gunicorn/sock.py\", line 44, in set_options\n    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)\nOSError: [Errno 95] Operation not supported\n"
	checkLogRules(t, []logRule{{"gunicorn 19.7 on a kernel without SO_REUSEPORT", tb, AppCrash, "Errno 95"}})
	other := strings.Replace(tb, "sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)", "os.chmod(path, 0o600)", 1)
	checkNotRead(t, []notRead{{other, AppCrash}})
}

// System messages in the node's language, and kubectl's words quoted in
// the reporter's.
func TestLocalizedMessages632(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Japanese bash's exec format error", "/usr/local/bin/entrypoint.sh: 行 12: /opt/app/bin/server: バイナリファイルを実行できません: 実行形式エラー\n", ExecFormat, "実行形式エラー"},
		{"Vietnamese bash's segmentation fault", "/docker-entrypoint.sh: dòng 31:    17 Lỗi phân đoạn (đã xuất core) ffmpeg -hwaccel vaapi -i \"$SRC\" \"$DST\"\n", Segfault, "Lỗi phân đoạn"},
		{"Turkish bash's command not found", "/usr/local/bin/start.sh: satır 18: php-fpm: komut yok\n", CommandNotFound, "komut yok"},
		{"Italian cp refused", "cp: impossibile creare il file regolare '/config/app.ini': Permesso negato\n", PermissionDenied, "Permesso negato"},
		{"Windows' German access denied", "java.io.FileNotFoundException: C:\\app\\logs\\lohnabrechnung.log (Zugriff verweigert)\n", PermissionDenied, "Zugriff verweigert"},
		{"a German wait-for loop's own words", "Redis noch nicht erreichbar\nRedis noch nicht erreichbar\n", DependencyUnavailable, "nicht erreichbar"},
		{"kubectl's exit code quoted in Turkish", "Merhaba, kuyruk işçimiz çöküyor. `kubectl describe` Last State'te Exit Code 139 gösteriyor, Reason: Error.\n", Segfault, "Exit Code 139"},
		{"kubectl's Completed and exit 0 quoted in Chinese", "现在 pod 一直在重启，`kubectl describe` 看 Last State 是 Terminated，Reason 是 Completed，退出码是 0，Restart Count 已经 23 了。\n", Completed, "Completed"},
	})
	checkNotRead(t, []notRead{
		{"Reason:     Completed\n", Completed},
	})
}

// A container running again after the kernel's OOM killer named its
// process (the node's OOMKilling event) is the finding, not a healthy pod.
func TestNodeOOMEventNamesTheContainer(t *testing.T) {
	pod := app(0, "", func(p *corev1.Pod) {})
	st := &pod.Status.ContainerStatuses[0]
	st.LastTerminationState = corev1.ContainerState{}
	st.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}
	st.Ready, st.RestartCount = true, 11
	oom := event("OOMKilling", "", "Memory cgroup out of memory: Killed process 2817364 (app) total-vm:1912448kB, anon-rss:261612kB, UID:65532", 14*time.Minute, 1)
	r := Diagnose(Input{Pod: pod, Events: []corev1.Event{oom}, Now: now})
	if r.Healthy || r.Category != OOMKilled {
		t.Errorf("with the event: healthy %v, %s: %s", r.Healthy, r.Category, r.Summary)
	}
	other := event("OOMKilling", "", "Memory cgroup out of memory: Killed process 2817364 (postgres) total-vm:1912448kB", 14*time.Minute, 1)
	if r := Diagnose(Input{Pod: pod, Events: []corev1.Event{other}, Now: now}); !r.Healthy {
		t.Errorf("another process's kill: %s: %s", r.Category, r.Summary)
	}
}

// The platform a report names ("k3s on a Raspberry Pi") is no cause when
// its words name another kind; alone, it still leans to the architecture.
func TestPlatformMentionBesideOtherWords(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a probe's kill on a Pi", "I run miniflux in a small kubernetes (k3s) setup on Raspberry Pi (and host postgresql on a raspberry pi).\nThe pod was deleted since a healthcheck expired and pod was restarted. I turned off the healthcheck to debug.\n", LivenessProbe},
		{"the Pi alone", "The exporter keeps restarting on my Raspberry Pi 4, it works on my laptop.\n", ExecFormat},
	})
}

// The MinIO client's account of a permission it set is no word about
// permissions.
func TestMinioClientOutputIsNoWords(t *testing.T) {
	notAbout(t, "The createbuckets job keeps restarting after kompose. Its log:\nAdded `myminio` successfully.\nBucket created successfully `myminio/uploads`.\nAccess permission for `myminio/uploads` is set to `download`\n", PermissionDenied, "mc's output read as words about permissions")
}

// Rust's account of a bind to an address the container lacks ("Address
// not available (os error 99)" under "bind address failed").
func TestRustAddrNotAvailable(t *testing.T) {
	checkLogRules(t, []logRule{{"Rust's EADDRNOTAVAIL under a bind", "Dec 17 08:43:52 ERROR 「HTTP 服务」异常结束，返回结果为：「Err(bind address failed\n\nCaused by:\n    Address not available (os error 99)\n\nStack backtrace:\n   0: <unknown>\n", ConfigError, "os error 99"}})
}

// A probe on localhost where the name does not resolve can never pass: the
// hosts file is the cause, not the probe's settings.
func TestProbeOnUnresolvedLocalhost(t *testing.T) {
	events := []corev1.Event{
		event("Unhealthy", "app", `Liveness probe failed: calico/node is not ready: Felix is not live: Get "http://localhost:9099/liveness": dial tcp: lookup localhost on 8.8.8.8:53: no such host`, 20*time.Second, 9),
		backOff("app"),
	}
	if r := Diagnose(Input{Pod: app(137, "Error", withLiveness("app")), Events: events, Now: now}); r.Category != ConfigError {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// A pod the kubelet rejects for a sysctl it does not allow is a setting
// of the spec.
func TestSysctlForbiddenPod(t *testing.T) {
	pod := app(0, "", func(p *corev1.Pod) {})
	pod.Status.ContainerStatuses = nil
	pod.Status.Phase, pod.Status.Reason, pod.Status.Message = corev1.PodFailed, "SysctlForbidden", `Pod was rejected: forbidden sysctl: "net.core.somaxconn" not allowlisted`
	if r := Diagnose(Input{Pod: pod, Now: now}); r.Category != ConfigError {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// A program's message the reporter quoted inside a sentence is read when
// no line of the log names a cause; code and a template are not.
func TestMessagesQuotedInSentences(t *testing.T) {
	checkWords(t, []wordsCase{
		{"an exception quoted inline", "I thought it was a memory problem at first, but the limit is 2Gi and usage is around 300Mi. The worker exits with code 1 and the traceback ends in `ZeroDivisionError: division by zero` in compute_rates() when a batch comes back empty.\n", AppCrash},
		{"a shell's not found quoted inline", "We kept our old CMD and now the container exits immediately with code 127 and the only log line is `/usr/local/bin/docker-php-entrypoint: 9: exec: php-fpm8.2: not found`. The pool config is in /usr/local/etc/php-fpm.d like the image docs say.\n", CommandNotFound},
	})
	notAbout(t, "The app keeps restarting after the update, its config looks fine to me.\n        throw new Error(`No vector extension found. Available extensions: ${list.join(', ')}`);\n", AppCrash, "a template in source code read as the program's message")
}
