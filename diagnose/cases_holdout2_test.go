package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// holdout2Cases are a second held-out round, written from further public
// reports (bitnami charts, operators, Airflow, Jenkins, Laravel, NestJS,
// Keycloak, glibc and JVM mismatches, node limits) and scored before any
// tuning for them.
func holdout2Cases() []realCase {
	return []realCase{
		{
			name: "bitnami postgres password differs from the one on the PVC", eco: "holdout2",
			pod:  app(2, "Error"),
			logs: logOf("postgresql 07:44:41.52 \npostgresql 07:44:41.52 Welcome to the Bitnami postgresql container\npostgresql 07:44:41.56 INFO  ==> ** Starting PostgreSQL setup **\npostgresql 07:44:41.58 INFO  ==> Validating settings in POSTGRESQL_* env vars..\npostgresql 07:44:41.59 INFO  ==> Deploying PostgreSQL with persisted data...\npostgresql 07:44:42.36 INFO  ==> Starting PostgreSQL in background...\npsql: error: connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  password authentication failed for user \"postgres\"\n"),
			cat:  ConfigError, ev: "password authentication failed",
		},
		{
			name: "bitnami postgresql-ha empty password", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("postgresql-repmgr 19:49:00.82 Welcome to the Bitnami postgresql-repmgr container\npostgresql-repmgr 19:49:00.86 INFO  ==> ** Starting PostgreSQL with Replication Manager setup **\npostgresql-repmgr 19:49:00.89 INFO  ==> Validating settings in REPMGR_* env vars...\npostgresql-repmgr 19:49:00.90 INFO  ==> Validating settings in POSTGRESQL_* env vars..\npostgresql-repmgr 19:49:00.91 ERROR ==> The POSTGRESQL_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.\n"),
			cat:  ConfigError, ev: "POSTGRESQL_PASSWORD",
		},
		{
			name: "bitnami redis data dir not writable", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("redis 16:23:25.30 Welcome to the Bitnami redis container\nredis 16:23:25.32 INFO  ==> ** Starting Redis setup **\nredis 16:23:25.34 INFO  ==> Initializing Redis\nmkdir: cannot create directory '/bitnami/redis/data': Permission denied\n"),
			cat:  PermissionDenied, ev: "/bitnami/redis/data",
		},
		{
			name: "redis append-only dir permission denied", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("1:C 19 Jul 2023 10:15:35.677 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n1:C 19 Jul 2023 10:15:35.677 # Redis version=7.0.12, bits=64, commit=00000000, modified=0, pid=1, just started\n1:M 19 Jul 2023 10:15:35.681 * Running mode=standalone, port=6379.\n1:M 19 Jul 2023 10:15:35.682 # Server initialized\n1:M 19 Jul 2023 10:15:35.683 # Can't open or create append-only dir appendonlydir: Permission denied\n"),
			cat:  PermissionDenied, ev: "appendonlydir",
		},
		{
			name: "bitnami mongodb root password missing", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("mongodb 10:01:02.10 Welcome to the Bitnami mongodb container\nmongodb 10:01:02.20 INFO  ==> ** Starting MongoDB setup **\nmongodb 10:01:02.25 INFO  ==> Validating settings in MONGODB_* env vars...\nmongodb 10:01:02.26 ERROR ==> The MONGODB_ROOT_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is only recommended for development.\n"),
			cat:  ConfigError, ev: "MONGODB_ROOT_PASSWORD",
		},
		{
			name: "mongodb 5 on a CPU without AVX", eco: "holdout2",
			pod:  app(132, "Error"),
			logs: logOf("\nWARNING: MongoDB 5.0+ requires a CPU with AVX support, and your current system does not appear to have that!\n  see https://jira.mongodb.org/browse/SERVER-54407\n  see also https://www.mongodb.com/community/forums/t/mongodb-5-0-cpu-intel-g4650-compatibility/116610/2\n\n/usr/local/bin/docker-entrypoint.sh: line 416:    27 Illegal instruction     (core dumped) \"${mongodArgs[@]}\" --fork\n"),
			cat:  ExecFormat, ev: "Illegal instruction",
		},
		{
			name: "spring boot jar built for a newer java", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("Picked up JAVA_TOOL_OPTIONS: -XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=75\nException in thread \"main\" java.lang.UnsupportedClassVersionError: org/springframework/boot/loader/JarLauncher has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 52.0\n\tat java.lang.ClassLoader.defineClass1(Native Method)\n\tat java.lang.ClassLoader.defineClass(ClassLoader.java:756)\n\tat java.security.SecureClassLoader.defineClass(SecureClassLoader.java:142)\n\tat sun.launcher.LauncherHelper.checkAndLoadMain(LauncherHelper.java:601)\n"),
			cat:  AppCrash, ev: "UnsupportedClassVersionError",
		},
		{
			name: "operator binary needs a newer glibc", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("gke-operator: /lib64/libc.so.6: version `GLIBC_2.32' not found (required by gke-operator)\ngke-operator: /lib64/libc.so.6: version `GLIBC_2.34' not found (required by gke-operator)\n"),
			cat:  AppCrash, ev: "GLIBC_2.3",
		},
		{
			name: "webhook panics with too many open files", eco: "holdout2",
			pod:  app(2, "Error"),
			logs: logOf("I0607 17:39:39.216232       1 deleg.go:130] setup \"msg\"=\"wait webhook ready\"\npanic: failed to new ca-cert watcher: too many open files\n\ngoroutine 488 [running]:\ngithub.com/openkruise/kruise/pkg/webhook/util/health.Checker.func1()\n        /workspace/pkg/webhook/util/health/checker.go:117 +0x187\nsync.(*Once).doSlow(0x0, 0x0)\n        /usr/local/go/src/sync/once.go:68 +0xd2\n"),
			cat:  ConfigError, ev: "too many open files",
		},
		{
			name: "loki store cannot mkdir on a full volume", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("level=info ts=2026-02-27T10:00:00.1Z caller=main.go:120 msg=\"Starting Loki\" version=\"(version=3.0.0)\"\nlevel=error ts=2026-02-27T10:00:00.5Z caller=log.go:230 msg=\"error running loki\" err=\"mkdir /var/loki/tsdb-shipper-active/scratch: no space left on device\\nerror initialising module: store\"\n"),
			cat:  ConfigError, ev: "no space left on device",
		},
		{
			name: "prometheus lock file on a full volume", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("ts=2023-03-27T03:35:18.065Z caller=main.go:556 level=info msg=\"Starting Prometheus Server\" mode=server version=\"(version=2.41.0)\"\nts=2023-03-27T03:35:18.070Z caller=main.go:1174 level=error err=\"opening storage failed: lock DB directory: open /data/lock: no space left on device\"\n"),
			cat:  ConfigError, ev: "no space left on device",
		},
		{
			name: "operator RBAC forbidden then gives up", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("E0607 04:03:12.682799       1 reflector.go:140] pkg/mod/k8s.io/client-go@v0.26.1/tools/cache/reflector.go:169: Failed to watch *v1.DaemonSet: failed to list *v1.DaemonSet: daemonsets.apps is forbidden: User \"system:serviceaccount:kb-system:kubeblocks\" cannot list resource \"daemonsets\" in API group \"apps\" at the cluster scope\nW0607 04:03:18.994943       1 reflector.go:424] pkg/mod/k8s.io/client-go@v0.26.1/tools/cache/reflector.go:169: failed to list *v1.DaemonSet: daemonsets.apps is forbidden: User \"system:serviceaccount:kb-system:kubeblocks\" cannot list resource \"daemonsets\" in API group \"apps\" at the cluster scope\n2023-06-07T04:05:12Z\tERROR\tsetup\tproblem running manager\t{\"error\": \"failed to wait for caches to sync: timed out waiting for cache to be synced\"}\n"),
			cat:  PermissionDenied, ev: "forbidden",
		},
		{
			name: "cert-manager webhook given an unknown flag", eco: "holdout2",
			pod:  crashPod("webhook", 2, "Error"),
			logs: map[string]string{"webhook": "flag provided but not defined: -v\nUsage of tls:\n  -tls-cert-file string\n    \tpath to the file containing the TLS certificate\n  -tls-private-key-file string\n    \tpath to the file containing the TLS private key\n"},
			cat:  ConfigError, cont: "webhook", ev: "flag provided but not defined",
		},
		{
			name: "operator nil pointer in a reconciler", eco: "holdout2",
			pod:  app(2, "Error"),
			logs: logOf("2024-11-22T04:25:56.431Z\tINFO\tObserved a panic in reconciler: runtime error: invalid memory address or nil pointer dereference\t{\"controller\": \"medusabackupjob\"}\npanic: runtime error: invalid memory address or nil pointer dereference [recovered]\n\tpanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x48 pc=0x55f16f305904]\n\ngoroutine 597 [running]:\nsigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).Reconcile.func1()\n\tsigs.k8s.io/controller-runtime@v0.14.6/pkg/internal/controller/controller.go:119 +0x1e5\n"),
			cat:  AppCrash, ev: "nil pointer dereference",
		},
		{
			name: "airflow webserver on an uninitialised database", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("[2023-11-30T10:00:01.000+0000] {settings.py:60} INFO - Configured default timezone UTC\nERROR: You need to initialize the database. Please run `airflow db init`. Make sure the command is run using Airflow version 2.6.1.\n"),
			cat:  ConfigError, ev: "initialize the database",
		},
		{
			name: "jenkins init container cannot write jenkins_home", eco: "holdout2",
			pod: testPod([]string{"jenkins"}, func(p *corev1.Pod) {
				p.Status.Phase = corev1.PodPending
				p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "jenkins", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "PodInitializing"}}}
				withInit(crashLoop("init", 2, "Error", 5), false)(p)
			}),
			logs: map[string]string{"init": "disable Setup Wizard\n/var/jenkins_config/apply_config.sh: 4: /var/jenkins_config/apply_config.sh: cannot create /var/jenkins_home/jenkins.install.UpgradeWizard.state: Permission denied\n"},
			cat:  PermissionDenied, cont: "init", ev: "Permission denied",
		},
		{
			name: "nestjs cannot resolve a provider", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("[Nest] 1  - 06/09/2023, 4:35:31 PM     LOG [NestFactory] Starting Nest application...\n[Nest] 1  - 06/09/2023, 4:35:31 PM     LOG [InstanceLoader] MongooseModule dependencies initialized +74ms\n[Nest] 1  - 06/09/2023, 4:35:31 PM   ERROR [ExceptionHandler] Nest can't resolve dependencies of the ItemsService (?). Please make sure that the argument ItemModel at index [0] is available in the AppModule context.\n\nPotential solutions:\n- If ItemModel is a provider, is it part of the current AppModule?\n- If ItemModel is exported from a separate @Module, is that module imported within AppModule?\n  @Module({\n    imports: [ /* the Module containing ItemModel */ ]\n  })\n\nError: Nest can't resolve dependencies of the ItemsService (?). Please make sure that the argument ItemModel at index [0] is available in the AppModule context.\n    at Injector.lookupComponentInParentModules (/app/node_modules/@nestjs/core/injector/injector.js:247:19)\n"),
			cat:  AppCrash, ev: "can't resolve dependencies",
		},
		{
			name: "nestjs dist/main missing in the image", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module '/app/dist/main'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)\n    at Module._load (node:internal/modules/cjs/loader:922:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:86:12)\n    at node:internal/main/run_main_module:23:47 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v18.17.0\n"),
			cat:  CommandNotFound, ev: "/app/dist/main",
		},
		{
			name: "next start without a production build", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("> web@0.1.0 start\n> next start\n\n  ▲ Next.js 14.1.0\n  - Local:        http://localhost:3000\n\n[Error: Could not find a production build in the '.next' directory. Try building your app with 'next build' before starting the production server. https://nextjs.org/docs/messages/production-start-no-build-id]\n"),
			cat:  CommandNotFound, ev: "production build",
		},
		{
			name: "keycloak quarkus https without key material", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("2024-01-10 10:00:00,000 INFO  [org.keycloak.quarkus.runtime.hostname.DefaultHostnameProvider] (main) Hostname settings: Base URL: <unset>\n2024-01-10 10:00:03,000 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Failed to start server in (production) mode\n2024-01-10 10:00:03,001 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Key material not provided to setup HTTPS. Please configure your keys/certificates or start the server in development mode.\n2024-01-10 10:00:03,001 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) For more details run the same command passing the '--verbose' option. Also you can use '--help' to see the details about the usage of the particular command.\n"),
			cat:  ConfigError, ev: "Key material not provided",
		},
		{
			name: "spring actuator liveness path 404 kills the app", eco: "holdout2",
			pod: app(143, "Error", withLiveness("app")),
			events: []corev1.Event{
				event("Unhealthy", "app", "Liveness probe failed: HTTP probe failed with statuscode: 404", 20*time.Second, 9),
				event("Killing", "app", "Container app failed liveness probe, will be restarted", 20*time.Second, 3),
				backOff("app"),
			},
			logs: logOf("  .   ____          _            __ _ _\n :: Spring Boot ::                (v3.2.1)\n2024-01-10T10:00:01.000Z  INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path ''\n2024-01-10T10:00:01.100Z  INFO 1 --- [main] com.acme.Application : Started Application in 6.2 seconds (process running for 7.0)\n2024-01-10T10:00:31.000Z  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown. Waiting for active requests to complete\n"),
			cat:  LivenessProbe, ev: "404",
		},
		{
			name: "dotnet amd64 image on an arm64 node", eco: "holdout2",
			pod:  app(255, "Error"),
			logs: logOf("exec /usr/bin/dotnet: exec format error\n"),
			cat:  ExecFormat, ev: "exec format error",
		},
		{
			name: "docker-entrypoint.sh exec format error", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("exec /usr/local/bin/docker-entrypoint.sh: exec format error\n"),
			cat:  ExecFormat, ev: "docker-entrypoint.sh",
		},
		{
			name: "worker killed with 137 but no OOMKilled reason", eco: "holdout2",
			pod:  app(137, "Error", withMemoryLimit("app", "512Mi")),
			logs: logOf("[2024-02-01 10:00:00,000: INFO/MainProcess] Connected to redis://redis:6379/0\n[2024-02-01 10:00:00,100: INFO/MainProcess] celery@worker-0 ready.\n[2024-02-01 10:02:10,000: INFO/MainProcess] Task reports.build[9f1] received\n/entrypoint.sh: line 12:     7 Killed                  celery -A app worker --loglevel=info\n"),
			cat:  OOMKilled, ev: "Killed",
		},
		{
			name: "laravel log file not writable", eco: "holdout2",
			pod:  app(255, "Error"),
			logs: logOf("PHP Fatal error:  Uncaught UnexpectedValueException: The stream or file \"/var/www/html/storage/logs/laravel.log\" could not be opened in append mode: Failed to open stream: Permission denied in /var/www/html/vendor/monolog/monolog/src/Monolog/Handler/StreamHandler.php:146\nStack trace:\n#0 /var/www/html/vendor/monolog/monolog/src/Monolog/Handler/RotatingFileHandler.php(120): Monolog\\Handler\\StreamHandler->write(Array)\n#1 {main}\n  thrown in /var/www/html/vendor/monolog/monolog/src/Monolog/Handler/StreamHandler.php on line 146\n"),
			cat:  PermissionDenied, ev: "laravel.log",
		},
		{
			name: "laravel missing APP_KEY", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("\n   Illuminate\\Encryption\\MissingAppKeyException \n\n  No application encryption key has been specified.\n\n  at vendor/laravel/framework/src/Illuminate/Encryption/EncryptionServiceProvider.php:79\n     75▕     protected function key(array $config)\n     76▕     {\n     77▕         return tap($config['key'], function ($key) {\n     78▕             if (empty($key)) {\n  ➜  79▕                 throw new MissingAppKeyException;\n     80▕             }\n"),
			cat:  ConfigError, ev: "encryption key",
		},
		{
			name: "nginx upstream host not found", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("/docker-entrypoint.sh: Configuration complete; ready for start up\n2024/03/01 10:00:00 [emerg] 1#1: host not found in upstream \"backend:8080\" in /etc/nginx/conf.d/default.conf:12\nnginx: [emerg] host not found in upstream \"backend:8080\" in /etc/nginx/conf.d/default.conf:12\n"),
			cat:  DependencyUnavailable, ev: "host not found in upstream",
		},
		{
			name: "postgres initdb on a volume with lost+found", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("The files belonging to this database system will be owned by user \"postgres\".\nThis user must also own the server process.\n\nThe database cluster will be initialized with locale \"en_US.utf8\".\ninitdb: error: directory \"/var/lib/postgresql/data\" exists but is not empty\ninitdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.\ninitdb: hint: Using a mount point directly as the data directory is not recommended.\nCreate a subdirectory under the mount point.\n"),
			cat:  ConfigError, ev: "exists but is not empty",
		},
		{
			name: "mysql 8 initialize on a non-empty volume", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("2024-02-01 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.36-1.el8 started.\n2024-02-01 10:00:00+00:00 [Note] [Entrypoint]: Initializing database files\n2024-02-01T10:00:00.500000Z 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 8.0.36) initializing of server in progress as process 80\n2024-02-01T10:00:00.510000Z 0 [ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.\n2024-02-01T10:00:00.510000Z 0 [ERROR] [MY-013236] [Server] The designated data directory /var/lib/mysql/ is unusable. You can remove all files that the server added to it.\n2024-02-01T10:00:00.510000Z 0 [ERROR] [MY-010119] [Server] Aborting\n"),
			cat:  ConfigError, ev: "data directory has files",
		},
		{
			name: "cainjector cannot reach the API server", eco: "holdout2",
			pod:  crashPod("cert-manager-cainjector", 1, "Error"),
			logs: map[string]string{"cert-manager-cainjector": "I0112 10:00:00.000000       1 start.go:126] \"starting\" version=\"v1.6.1\"\nE0112 10:00:30.000000       1 start.go:158] cert-manager/controller-runtime/manager \"msg\"=\"Failed to get API Group-Resources\" \"error\"=\"Get \\\"https://10.0.0.1:443/api?timeout=32s\\\": dial tcp 10.0.0.1:443: i/o timeout\"\nerror: error creating manager: Get \"https://10.0.0.1:443/api?timeout=32s\": dial tcp 10.0.0.1:443: i/o timeout\n"},
			cat:  DependencyUnavailable, cont: "cert-manager-cainjector", ev: "i/o timeout",
		},
		{
			name: "python 3.12 base image drops distutils", eco: "holdout2",
			pod:  app(1, "Error"),
			logs: logOf("Traceback (most recent call last):\n  File \"/app/manage.py\", line 22, in <module>\n    main()\n  File \"/usr/local/lib/python3.12/site-packages/pkg_resources/__init__.py\", line 2191, in <module>\n    from distutils.util import strtobool\nModuleNotFoundError: No module named 'distutils'\n"),
			cat:  AppCrash, ev: "distutils",
		},
	}
}

// TestHoldout2ReadinessOnly: a pod whose readiness probe fails but which
// never restarts is not a crash loop. It is not healthy either (healthy
// means running and ready): the finding says it runs but is not ready and
// must not claim it crashed.
func TestHoldout2ReadinessOnly(t *testing.T) {
	p := testPod([]string{"app"}, func(p *corev1.Pod) {
		p.Status.ContainerStatuses[0].Ready = false
	})
	ev := []corev1.Event{event("Unhealthy", "app", "Readiness probe failed: HTTP probe failed with statuscode: 503", 10*time.Second, 40)}
	r := Diagnose(Input{Pod: p, Events: ev, Logs: logOf("2024-01-10T10:00:00Z ERROR connection to redis:6379 refused, retrying\n"), Now: now})
	if r.Healthy || !strings.Contains(r.Summary, "running but not ready") || strings.Contains(r.Summary, "crashed:") || r.Confidence == Certain {
		t.Errorf("readiness-only failure: healthy=%v %s (%s): %s", r.Healthy, r.Category, r.Confidence, r.Summary)
	}
	if !strings.Contains(strings.Join(r.Evidence, "\n"), "Readiness probe failed") {
		t.Errorf("evidence lacks the readiness failure: %q", r.Evidence)
	}
}
