package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules from the misses of held-out rounds 488 to 495 (leads, reports
// with little evidence, Helm values, PHP and Ruby apps).
func TestRules488(t *testing.T) {
	checkLogRules(t, []logRule{
		{"s6-supervise's timeouts that cannot happen, under an old libseccomp2", "s6-supervise avahi: warning: can't happen: timeout while the service is up!\ns6-supervise dbus: warning: can't happen: timeout while the service is up!\ns6-supervise smbd: warning: can't happen: timeout while the service is up!\n", PermissionDenied, "can't happen: timeout while the service is up"},
		{"a probe's kill, then a child process reaped with exit code 0", "[2022-12-05T03:31:42.219+0000] {scheduler_job.py:172} INFO - Exiting gracefully upon receiving signal 15\n[2022-12-05T03:31:43.436+0000] {process_utils.py:79} INFO - Process psutil.Process(pid=35, status='terminated', exitcode=0, started='03:26:53') (35) terminated with exit code 0\nLiveness probe failed: No alive jobs found.\n", LivenessProbe, "Liveness probe failed"},
		{"MySQL shut down by a signal after it was ready", "2022-06-29T02:01:38.363998Z 0 [System] [MY-010931] [Server] /opt/bitnami/mysql/bin/mysqld: ready for connections. Version: '8.0.29'\n2022-06-29T02:03:08.683146Z 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.0.29).\n2022-06-29T02:03:09.671698Z 0 [System] [MY-010910] [Server] /opt/bitnami/mysql/bin/mysqld: Shutdown complete (mysqld 8.0.29)  Source distribution.\n", LivenessProbe, "Received SHUTDOWN from user"},
		{"PostgreSQL told to stop fast", "2024-03-01 10:00:00.000 UTC [1] LOG:  database system is ready to accept connections\n2024-03-01 10:01:30.000 UTC [1] LOG:  received fast shutdown request\n2024-03-01 10:01:30.100 UTC [1] LOG:  aborting any active transactions\n", LivenessProbe, "received fast shutdown request"},
		{"AWS's SDK without a role to assume", "Failed health check (verify network connection and IAM credentials):\ndry-run EC2 API call failed:\nget identity: get credentials:\nfailed to refresh cached credentials,\nno EC2 IMDS role found\n", ConfigError, "no EC2 IMDS role found"},
		{"a panic that tells the user what to use", "panic: /rootfs/proc doesn't exists, please use latest yaml templates to launch cloudwatch-agent\n\ngoroutine 1 [running]:\nmain.main()\n", ConfigError, "please use latest yaml templates"},
		{"docker events in the reporter's format", "1739279095 oom \n1739279095 die 137\n1739279096 start \n", OOMKilled, "oom"},
		{"crictl inspect grepped to its exit code", "    \"state\": \"CONTAINER_EXITED\",\n    \"exitCode\": 139,\n    \"reason\": \"Error\",\n[2025-03-14 08:41:09.775] [info] building spatial index\n", Segfault, "\"exitCode\": 139"},
		{"Cloud Run's note of a clean exit before the port check", "2025-02-12 06:00:21.016 CET  Sync finished in 8.6s\n2025-02-12 06:00:21.120 CET  Container called exit(0).\n2025-02-12 06:00:21.344 CET  The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable.\n", Completed, "Container called exit(0)"},
		{"Container Apps' system log of a clean end", "{\"Msg\":\"Container 'sitemap-gen' was terminated with exit code '0' and reason 'Completed'\",\"Reason\":\"ContainerTerminated\"}\n{\"Msg\":\"Persistent Failiure to start container\",\"Reason\":\"ContainerBackOff\"}\n", Completed, "reason 'Completed'"},
		{"Python's dict changed while it was iterated", "Traceback (most recent call last):\n  File \"/app/worker.py\", line 41, in refresh\n    for key in cache:\nRuntimeError: dictionary changed size during iteration\n", AppCrash, "changed size during iteration"},
		{"a directory it cannot create, with its own advice", "time=\"2020-11-29T21:37:41+01:00\" level=fatal msg=\"can't create /photoprism/storage/sidecar: please check configuration and permissions\"\n", PermissionDenied, "can't create /photoprism/storage/sidecar"},
		{"an older fabric8 client against a newer API server", "Caused by: com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException: Unrecognized field \"emulationMajor\" (class io.fabric8.kubernetes.client.VersionInfo), not marked as ignorable (9 known properties: \"buildDate\", \"major\"])\n", AppCrash, "emulationMajor"},
		{"the probe's requests failing in the access log", "172.17.0.1 - [172.17.0.1] - - [30/Sep/2016:20:56:26 +0000] \"GET /ingress-controller-healthz HTTP/1.1\" 404 21 \"-\" \"Go-http-client/1.1\" 139 0.000 172.17.0.4:8080 21 0.000 404\n", LivenessProbe, "GET /ingress-controller-healthz HTTP/1.1\" 404"},
		{"Go's exec reporting its child SIGKILLed", "2025/01/10 10:00:01 transcode: signal: killed\n", OOMKilled, "signal: killed"},
		{"Python's subprocess killed by SIGKILL", "subprocess.CalledProcessError: Command '['ffmpeg', '-i', 'in.mp4', 'out.webm']' died with <Signals.SIGKILL: 9>.\n", OOMKilled, "died with <Signals.SIGKILL: 9>"},
		{"PostgreSQL's backend killed", "2025-01-10 10:00:01.000 UTC [1] LOG:  server process (PID 4242) was terminated by signal 9: Killed\n", OOMKilled, "terminated by signal 9: Killed"},
		{"make's recipe killed", "make: *** [Makefile:12: build] Killed\n", OOMKilled, "Killed"},
		{"systemd's executable missing", "api.service: Failed to locate executable /opt/api/bin/api: No such file or directory\napi.service: Main process exited, code=exited, status=203/EXEC\n", CommandNotFound, "Failed to locate executable"},
		{"systemd's segmentation fault", "tiles.service: Main process exited, code=dumped, status=11/SEGV\n", Segfault, "status=11/SEGV"},
		{"Swarm's task exit 139", "ocr.1.x2k  ocr:1.4  node-2  Shutdown  Failed 10 seconds ago  \"task: non-zero exit (139)\"\n", Segfault, "non-zero exit (139)"},
		{"Vector's input that matches no component", "2025-01-10T10:00:01.000Z ERROR vector::topology: Configuration error. error=Input \"kubernetes_log\" for sink \"loki\" doesn't match any components.\n", ConfigError, "doesn't match any components"},
		{"Cloud Foundry's health check that never passed", "2025-01-10T10:01:01.00+0000 [HEALTH/0] ERR Failed after 1m0.284s: health check never passed.\n", LivenessProbe, "health check never passed"},
		{"a server that closes on SIGTERM", "catalog-web listening on :3000\nSIGTERM signal received: closing HTTP server\nHTTP server closed\n", LivenessProbe, "SIGTERM signal received"},
		{"gunicorn told to stop after the probe's 404s", "10.42.0.1 - - [09/Apr/2024:13:20:16 +0000] \"GET /heathz HTTP/1.1\" 404 207 \"-\" \"kube-probe/1.27\"\n[2024-04-09 13:20:36 +0000] [1] [INFO] Handling signal: term\n", LivenessProbe, "kube-probe/1.27"},
		{"S3 refusing a request signed with a skewed clock", "An error occurred (RequestTimeTooSkewed) when calling the PutObject operation: The difference between the request time and the current time is too large.\n", ConfigError, "RequestTimeTooSkewed"},
		{"an operator's words about fabric8's VersionInfo", "[Bug]: Operator won't start on Kubernetes 1.33 due to changed / new fields in io.fabric8.kubernetes.client.VersionInfo\n", AppCrash, "io.fabric8.kubernetes.client.VersionInfo"},
		{"php-fpm's pool user missing, under supervisord", "2024-10-14 15:20:01,310 INFO spawned: 'php-fpm' with pid 8\n[14-Oct-2024 15:20:01] ERROR: [pool app] cannot get uid for user 'nginx'\n[14-Oct-2024 15:20:01] ERROR: FPM initialization failed\n2024-10-14 15:20:01,352 INFO exited: php-fpm (exit status 78; not expected)\n2024-10-14 15:20:04,358 INFO gave up: php-fpm entered FATAL state, too many start retries too quickly\n", ConfigError, "cannot get uid for user 'nginx'"},
		{"GHC's <<loop>>", "invoice-render: loading templates from /srv/templates\ninvoice-render: <<loop>>\n", AppCrash, "<<loop>>"},
		{"GHC's fromJust of Nothing", "router: Maybe.fromJust: Nothing\nCallStack (from HasCallStack):\n  fromJust, called at src/Router/Table.hs:63:22 in router-0.5.0:Router.Table\n", AppCrash, "fromJust: Nothing"},
		{"Julia's MethodError", "ERROR: LoadError: MethodError: no method matching +(::String, ::Int64)\n", AppCrash, "no method matching"},
		{"Perl's undeclared variable under strict", "Global symbol \"$cfg\" requires explicit package name (did you forget to declare \"my $cfg\"?) at /app/lib/Ledger/Importer.pm line 48.\nBEGIN failed--compilation aborted at /app/bin/importer.pl line 9.\n", AppCrash, "requires explicit package name"},
		{"Ruby 3.1's Psych 4 under an old Rails", "/usr/local/bundle/gems/railties-6.0.6.1/lib/rails/application/configuration.rb:247:in `rescue in database_configuration': Cannot load database configuration: (RuntimeError)\nAlias parsing was not enabled. To enable it, pass `aliases: true` to `Psych::load` or `Psych::safe_load`.\n", AppCrash, "Alias parsing was not enabled"},
		{"Bun's entry file missing", "error: Module not found \"dist/index.js\"\n\nBun v1.1.21 (Linux x64)\n", CommandNotFound, "Module not found"},
		{"Postgrex asked for TLS the server lacks", "14:21:03.402 [error] Postgrex.Protocol (#PID<0.2519.0>) failed to connect: ** (DBConnection.ConnectionError) ssl not available\n", ConfigError, "ssl not available"},
		{"Mint's name that does not resolve", "12:40:51.209 [notice] Application api exited: Api.Application.start(:normal, []) returned an error: shutdown: failed to start child: Api.Auth.KeyStore\n    ** (EXIT) an exception was raised:\n        ** (Mint.TransportError) non-existing domain\n", DependencyUnavailable, "non-existing domain"},
		{".NET's certificate store under another user's HOME", "Unhandled exception. System.Security.Cryptography.CryptographicException: The owner of '/home/app/.dotnet/corefx/cryptography/x509stores/my' is not the current user.\n", PermissionDenied, "is not the current user"},
		{".NET without the connection string the code asks for", "Unhandled exception. System.InvalidOperationException: The ConnectionString property has not been initialized.\n", ConfigError, "ConnectionString property has not been initialized"},
		{"a daemonize switch in a pasted config file", "[global]\npid = /run/php-fpm.pid\ndaemonize = yes\n[03-Feb-2025 11:42:07] NOTICE: ready to handle connections\n", Completed, "daemonize = yes"},
	})
	checkWords(t, []wordsCase{
		{"directories an update left owned by root, under linuxserver's /config", "After a container update, the app enters a crash loop and never comes up.\nThe new image creates /config/app/config/, /config/app/data/ and /config/app/cache/ root-owned instead of abc, preventing the app from writing to them.\n", PermissionDenied},
		{"a binary's path, in a pull request's words", "Fix issue with binary path inside container\n\nI was trying to deploy with the helm chart present in the repo but it was failing.\n", CommandNotFound},
		{"a database slow to start, in words", "Mysql keeps CrashLoopBackOff\nMysql takes a very long time to start, especially when restarted, and then it is killed again.\n", LivenessProbe},
		{"a Compose dependency's order, in a pull request's words", "Add depends_on: kafka to avoid crash loop on startup\n\nWait for kafka to be healthy to start the orchestrator to avoid a crash loop when kafka takes too long to start.\n", DependencyUnavailable},
		{"a pod's status Completed, then back-off, in a title", "Deployment for our catalog goes Completed -> CrashLoopBackOff\n\nThe database really has the products, so the connection is fine.\n", Completed},
		{"a misnamed variable that makes it panic, in a pull request's words", "Correctly name POD_NAME in Sensorconnect statefulset\n\n`POD_NAME` was incorrectly named `MY_POD_NAME`, causing sensorconnect to panic\n", ConfigError},
		{"Exited (0) in a desktop app's words", "Docker Desktop shows `migrate` as \"Restarting\" all the time, every few seconds \"Exited (0)\". Logs:\n", Completed},
		{"exit code 137 and no error in the logs, in words", "The operator container was restarting a lot with exit code 137. No errors showed up in the logs, the container just stopped working.\n", OOMKilled},
	})
	// The reason under Jenkins's "Failed to load" is quoted with it.
	jenkins := "2021-04-09 14:43:44.547+0000 [id=26]    SEVERE  jenkins.InitReactorRunner$1#onTaskFailed: Failed Loading plugin Credentials Plugin v2.3.15 (credentials)\njava.io.IOException: Failed to load: Credentials Plugin (2.3.15)\n - Update required: Configuration as Code Plugin (1.46) to be updated to 1.47 or higher\n        at hudson.PluginWrapper.resolvePluginDependencies(PluginWrapper.java:952)\n"
	if r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": jenkins}}); r.Category != ConfigError || !strings.Contains(strings.Join(r.Containers[0].Evidence, "\n"), "Update required: Configuration as Code Plugin") {
		t.Errorf("Jenkins's plugin reason: got %s, evidence %q", r.Category, r.Containers[0].Evidence)
	}
	// A server's clean exit 0 after the kubelet killed it for its probe
	// is the kill's, not a finished task's.
	killed := Input{Now: now, Pod: app(0, "Completed", withLiveness("app")), Events: []corev1.Event{
		event("Killing", "app", "Container app failed liveness probe, will be restarted", 20*time.Second, 46), backOff("app")}}
	if r := Diagnose(killed); r.Category != LivenessProbe {
		t.Errorf("exit 0 after probe kills: got %s, want liveness_probe: %s", r.Category, r.Summary)
	}
	// Logs that end the way a finished task's do.
	for _, log := range []string{
		"Start building sites …\nhugo v0.126.1+extended linux/amd64 BuildDate=2024-05-15T10:42:34Z\n\n  Pages            | 48\n  Static files     | 31\n\nTotal in 412 ms\n",
		"Seeded 250 products into catalog_db\n",
	} {
		if r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": log}}); r.Category != Completed {
			t.Errorf("%q: got %s, want completed: %s", log, r.Category, r.Summary)
		}
	}
	checkNotRead(t, []notRead{
		// tini's "normally" means not by a signal: its status is 1.
		{"[INFO  tini (1)] Main child exited normally (with status '1')\n", Completed},
		// A process the program reaped is not the container's exit.
		{"INFO - Process psutil.Process(pid=35, status='terminated', exitcode=0) (35) terminated with exit code 0\n", Completed},
	})
	// A path's words are where, not what.
	notAbout(t, "The app crashes at start; it keeps its data in /config/app/config/settings/ on the host.\n", ConfigError, "a path's parts")
}
