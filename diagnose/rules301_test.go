package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// `kubectl logs --all-containers --prefix` puts "[pod/NAME/CONTAINER] "
// before each line: the program's line is read as if unprefixed (a usage
// text is a setting; an empty prefixed line is an empty line).
func TestKubectlPrefixedLog(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a usage text, prefixed", "[pod/web-5c8d-abcde/web] Usage: server [OPTIONS] COMMAND [ARGS]...\n[pod/web-5c8d-abcde/web]\n[pod/web-5c8d-abcde/web] Options:\n[pod/web-5c8d-abcde/web]   --help  Show this message and exit.\n[pod/web-5c8d-abcde/web]\n[pod/web-5c8d-abcde/web] Commands:\n[pod/web-5c8d-abcde/web]   serve    Start the web server\n", ConfigError, "Usage: server [OPTIONS] COMMAND [ARGS]..."},
	})
	if got := string(trimKubectlPrefix([]byte("[pod/a/b]"))); got != "" {
		t.Errorf("an empty prefixed line: got %q", got)
	}
	for _, keep := range []string{"[pod/a] x", "[pod/a/b]x", "[2024-01-01] pod/a/b x"} {
		if got := string(trimKubectlPrefix([]byte(keep))); got != keep {
			t.Errorf("%q is not kubectl's prefix: got %q", keep, got)
		}
	}
}

// An official language image run with no command of its own starts the
// language's interactive shell (python, node, R), which ends at once
// without a terminal; one given a command, or an image of the same base
// name from another publisher, is not.
func TestLanguageImageWithoutCommand(t *testing.T) {
	for _, tc := range []struct {
		image string
		cmd   []string
		want  bool
	}{
		{"python:3.12-slim", nil, true},
		{"docker.io/library/node:20", nil, true},
		{"rocker/r-ver:4.3.1", nil, true},
		{"python:3.12-slim", []string{"python", "-m", "worker"}, false},
		{"ghcr.io/acme/python:1.0", nil, false},
	} {
		pod := testPod([]string{"app"}, setStatus(waitingOnly("app")), withImage("app", tc.image))
		if tc.cmd != nil {
			pod = testPod([]string{"app"}, setStatus(waitingOnly("app")), withImage("app", tc.image), withCommand("app", tc.cmd...))
		}
		r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{backOff("app")}})
		if got := r.Category == Completed; got != tc.want {
			t.Errorf("%s %q: got %s: %s", tc.image, tc.cmd, r.Category, r.Summary)
		}
	}
}

// Words about a terminal or standard input, about a bare language image
// run in a cluster, about locks and pid files left behind, about a port
// "already being in use" and readOnlyRootFilesystem name their causes.
func TestWords301(t *testing.T) {
	checkWords(t, []wordsCase{
		{"read without a TTY", "`read` command in entrypoint may not work without a TTY\n\nI think having `read` in the entrypoint is causing the daemonset pods to crashloop, since there's not a tty\n", Completed},
		{"a console that wants its input", "Add non-interactive flag\n\nAdded the command-line flag \"--non-interactive\" to fix a bug where the process would get stuck in an infinite restart loop in the Docker container\n", Completed},
		{"the python image pulled into a cluster", "When I do pull the python to kubernetes, the pod get fails and shows crashloopbackoff.\n", Completed},
		{"a pid file left behind", "If the container doesn't cleanly exit the PID files aren't cleaned up. Upon restart it sees them and assumes it's already running, so it restarts forever.\n", ConfigError},
		{"a stale lock", "fix: clean up stale Xvfb lock so the container survives restarts; with restart: always and a healthcheck this becomes a permanent restart loop\n", ConfigError},
		{"a port already being in use", "The container always attempts to bind to port 53 even after changing the configuration, causing it to continuously restart due to the port already being in use\n", PortConflict},
		{"a read-only root filesystem", "Playwright CrashLoopBackOff: readOnlyRootFilesystem: true prevents Playwright from creating temp directories\n", PermissionDenied},
	})
}

// Rules from rounds 301-308: wordings of pieces an image lacks, a
// reporter's "segmentation faults" beside a Go nil dereference, a numbered
// list item whose emphasis is followed by a dash.
func TestRules308(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Prisma's engine for another platform", "Error: Failed to fetch the engine file at https://binaries.prisma.sh/all_commits/2060c79/linux-arm-openssl-3.0.x/libquery_engine.so.node.gz - 404 Not Found\n", AppCrash, "Failed to fetch the engine file"},
		{"pnpm without a package.json", "[worker]  ERR_PNPM_NO_IMPORTER_MANIFEST_FOUND  No package.json (or package.yaml, or package.json5) was found in \"/app\".\n/app/dist/src/harness.js:91\n", AppCrash, "ERR_PNPM_NO_IMPORTER_MANIFEST_FOUND"},
		{"a Go nil dereference the title calls a segfault", "cost-model pod segmentation faults with Panic error\n\n2023-06-15T00:06:09Z INF Savings Plan watcher running\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x20 pc=0x21e2219]\n", AppCrash, "nil pointer dereference"},
	})
	if !reListItem.MatchString("1. **ImagePullBackOff** — Image `ghcr.io/x/y:v2` doesn't exist on GHCR") {
		t.Error("a numbered item with emphasis and a dash is not read as a list in words")
	}
}

// An issue template's short heading is not an error line, and "stack
// overflow" in words is a crash unless it names the question site.
func TestTemplateHeadingsAndStackOverflowWords(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a .NET stack overflow under a template's headings", "Stackoverflow. In Dotnet core 3.1 with ef core\n\n### Describe the bug\nI have deployed my API in kubernetes, i frequently see the pod getting crashed and restarted. Upon looking logs i found the following message \"Stackoverflow .\"\n### Exceptions (if any)\n\n\"Stackoverflow .\"\n", AppCrash},
	})
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"### Exceptions (if any)", true},
		{"## Logs", true},
		{"## Fifth consequence: the pod gets killed by its own liveness probe", false},
		{"# A fatal error has been detected by the Java Runtime Environment:", false},
		{"#### ", false},
	} {
		if got := markdownHeading([]byte(tc.line)); got != tc.want {
			t.Errorf("markdownHeading(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
	if got := reStackOverflowSite.ReplaceAllString("i asked on stack overflow and the pod keeps restarting", ""); strings.Contains(got, "stack overflow") {
		t.Errorf("the question site is left in %q", got)
	}
}

// Faults from textbook batches 48 and 49 (Stack Overflow's Markdown source,
// multi-pod log tools): a Compose prefix indented as a code block, Loki's
// labels before each line, a program that says it exits with status 0, and
// a question's words weaker than a statement's.
func TestClassicBatches48And49(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an indented Compose log", "    Attaching to worker-1\n    worker-1  | /usr/local/bin/entrypoint.sh: 4: exec: gosu: not found\n    worker-1 exited with code 127\n", CommandNotFound, "gosu: not found"},
	})
	r := ScanLog(strings.NewReader("2025-03-17T06:00:02Z {container=\"weekly-report\", pod=\"weekly-report-8f7c\"} starting weekly-report 3.2.0\n2025-03-17T06:00:31Z {container=\"weekly-report\", pod=\"weekly-report-8f7c\"} all done, exiting with status 0\n"))
	if r.Category != Unknown || !selfExit(lastLine(&r)) {
		t.Errorf("logcli's labelled lines: got %s (%q), last line %q; want no error and a last line that exits by itself", r.Category, r.Line, lastLine(&r))
	}
	checkWords(t, []wordsCase{
		{"a statement beside a question", "Spring Boot app starts and immediately shuts down in Kubernetes.\nExit code is 0, the pod goes CrashLoopBackOff. There is no \"Tomcat started\" line. Is it the readiness probe?\n", Completed},
	})
}

// A Spring Boot app that started and whose shutdown hook ran at once, with
// no web server started, has nothing to serve: it finishes. One whose web
// server started, then stopped, does not.
func TestSpringBootThatRunsOnce(t *testing.T) {
	const start = "2024-10-20T10:11:02.114Z  INFO 1 --- [catalog] [           main] c.a.catalog.CatalogApplication : Starting CatalogApplication using Java 21.0.4 with PID 1\n"
	const started = "2024-10-20T10:11:05.872Z  INFO 1 --- [catalog] [           main] c.a.catalog.CatalogApplication : Started CatalogApplication in 4.213 seconds (process running for 4.9)\n"
	const hook = "2024-10-20T10:11:05.905Z  INFO 1 --- [catalog] [ionShutdownHook] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Shutdown initiated...\n"
	const web = "2024-10-20T10:11:05.700Z  INFO 1 --- [catalog] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat started on port 8080 (http) with context path '/'\n"
	checkLogFinishes(t, "catalog", []finishCase{
		{start + started + hook, true},
		{start + web + started + hook, false},
		{start + started, false},
	})
}

// Faults from textbook batches 50 (Compose) and 51 (issue templates).
func TestRules51(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a swarm secret never created", "Creating network shop_default\nservice payments: secret not found: stripe_api_key\n", MissingConfigObject, "secret not found: stripe_api_key"},
		{"a swarm config never created", "service proxy: config not found: nginx_conf\n", MissingConfigObject, "config not found: nginx_conf"},
		{"numpy's array too large", "Traceback (most recent call last):\n  File \"/app/build.py\", line 12, in <module>\n    m = np.zeros((57120, 8760))\nnumpy.core._exceptions._ArrayMemoryError: Unable to allocate 3.73 GiB for an array with shape (57120, 8760) and data type float64\n", OOMKilled, "Unable to allocate 3.73 GiB"},
		{"PHP's method call on null", "   Error \n\n  Call to a member function format() on null\n\n  at app/Console/Kernel.php:41\n", AppCrash, "Call to a member function format() on null"},
	})
	checkWords(t, []wordsCase{
		{"an exit code of 0 in words", "We run a small container that syncs the reports bucket and it keeps restarting. Exit code of the last run is 0 according to describe.\n", Completed},
	})
}

// A bot's login refused for an unknown user is its credentials, though the
// server answers 403.
func TestLoginRefusedForItsUser(t *testing.T) {
	checkLogRules(t, []logRule{
		{"hubot's Rocket.Chat login", "[Fri Jan 08 2021 13:18:11 GMT+0000 (UTC)] ERROR Unable to Login: {\"isClientSafe\":true,\"error\":403,\"reason\":\"User not found\",\"message\":\"User not found [403]\",\"errorType\":\"Meteor.Error\"} Reason: User not found\n", ConfigError, "Unable to Login"},
	})
}

// Rules from rounds 321-324 (MySQL and MariaDB, Redis, MongoDB): MySQL's
// harmless "mbind: Operation not permitted", MariaDB's advice that names
// memory only as an example, its damaged tc.log, a Redis module the
// configuration loads from a path the image lacks, and exit 139 in a
// report's words.
func TestRules324(t *testing.T) {
	checkLogRules(t, []logRule{
		{"lower_case_table_names beside mbind", "mbind: Operation not permitted\nmbind: Operation not permitted\n2018-06-27T02:08:13.215Z 1 [ERROR] [MY-011087] [Server] Different lower_case_table_names settings for server ('0') and data dictionary ('2').\n2018-06-27T02:08:13.216Z 0 [ERROR] [MY-010020] [Server] Data Dictionary initialization failed.\n", ConfigError, "lower_case_table_names"},
		{"MariaDB's damaged tc.log", "2018-09-19  4:29:31 0 [ERROR] Bad magic header in tc log\n2018-09-19  4:29:31 0 [ERROR] Crash recovery failed. Either correct the problem (if it's, for example, out of memory error) and restart, or delete tc log and start server with --tc-heuristic-recover={commit|rollback}\n2018-09-19  4:29:31 0 [ERROR] Can't init tc log\n", ConfigError, "Bad magic header in tc log"},
		{"a Redis module not in the image", "1:M 12 Dec 2025 10:00:00.000 # Module /opt/bitnami/redis/lib/redis/modules/redisearch.so failed to load: /opt/bitnami/redis/lib/redis/modules/redisearch.so: cannot open shared object file: No such file or directory\n1:M 12 Dec 2025 10:00:00.000 # Can't load module from /opt/bitnami/redis/lib/redis/modules/redisearch.so: server aborting\n", ConfigError, "redisearch.so failed to load"},
		{"a library the program opens", "Error: libvips-cpp.so.42: cannot open shared object file: No such file or directory\n", AppCrash, "libvips-cpp.so.42"},
	})
	checkWords(t, []wordsCase{
		{"exit 139 in words", "mongo container keeps crashing (exit 139) after upgrading to OrbStack 2.1.0\n\nThe official mongo:8.0 image exits with code **139 (SIGSEGV)** on a clockwork ~30-second cadence.\n  CPU: arm64, 10 cores\n", Segfault},
	})
}

// AKS's KubePodInventory prints the last state as JSON in a column: a
// termination whose reason is Completed is a task that finished.
func TestLogStoreLastStateCompleted(t *testing.T) {
	checkLogRules(t, []logRule{
		{"KubePodInventory's ContainerLastStatus", "3/6/2025, 3:10:01.000 PM   seed-data-5f6c8d9b7-k4nvz     ReplicaSet      waiting          CrashLoopBackOff       58                     {\"lastState\":\"terminated\",\"reason\":\"Completed\",\"startedAt\":\"2025-03-06T15:05:11Z\",\"finishedAt\":\"2025-03-06T15:05:19Z\"}\n", Completed, "\"reason\":\"Completed\""},
	})
	checkNotRead(t, []notRead{
		{"{\"lastState\":\"terminated\",\"reason\":\"Error\",\"exitCode\":1}\n", Completed},
	})
}

// Words from round 326: Go's "invalid memory address" is a crash, not
// memory; a start that is not fast enough for the "live checks" is a probe.
func TestWords326(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a nil pointer in words", "Operator crashes: invalid memory address or nil pointer in operator when custom http certs are given\n", AppCrash},
		{"a start not fast enough", "With a tiny CPU limit it routinely doesn't startup fast enough to not get killed for failing live checks.\n", LivenessProbe},
	})
}

// Rules from rounds 325-327 (PostgreSQL, RabbitMQ): bash 5's words for a
// script whose interpreter is not found (a CRLF shebang), a replica's
// diverged timeline, peer discovery refused by the API server, and the
// kubelet's events retold in words.
func TestRules327(t *testing.T) {
	checkLogRules(t, []logRule{
		{"bash 5 on a CRLF init script", "/usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/10-app-role.sh\n/usr/local/bin/docker-entrypoint.sh: line 185: /docker-entrypoint-initdb.d/10-app-role.sh: cannot execute: required file not found\n", CommandNotFound, "required file not found"},
		{"a replica's diverged timeline", "2024-08-01 10:00:00.000 UTC [27] FATAL:  requested timeline 4 is not a child of this server's history\n2024-08-01 10:00:00.000 UTC [27] DETAIL:  Latest checkpoint is at 0/9000028 on timeline 3\n", ConfigError, "is not a child of this server's history"},
		{"RabbitMQ's peer discovery refused", "2021-02-19 15:19:08.068 [error] <0.269.0> Failed to fetch a list of nodes from Kubernetes API: 403\n2021-02-19 15:19:13.205 [error] <0.269.0> BOOT FAILED\n2021-02-19 15:19:13.205 [error] <0.269.0> error:{badmatch,ok}\n", PermissionDenied, "Kubernetes API: 403"},
		{"events retold in words", "The events list contains an infinite sequence of \"Unhealthy\" -> \"Killing\" -> \"Created\".\n2. Running the probe by hand: `/opt/bitnami/rabbitmq/sbin/rabbitmq-diagnostics: line 21: rabbitmq-env: No such file or directory`\n", LivenessProbe, "\"Unhealthy\" -> \"Killing\""},
	})
}

// Faults from textbook batches 53 (databases' and brokers' own logs) and 54
// (a reporter who suspects the wrong cause).
func TestRules54(t *testing.T) {
	checkLogRules(t, []logRule{
		{"mongod told to fork", "about to fork child process, waiting until server is ready for connections.\nforked process: 27\nchild process started successfully, parent exiting\n", Completed, "about to fork child process"},
		{"Cassandra's storage port taken", "org.apache.cassandra.exceptions.ConfigurationException: /10.0.4.12:7000 is in use by another process.  Change listen_address:storage_port in cassandra.yaml to values that do not conflict with other services\n", PortConflict, "is in use by another process"},
		{"Python's unbound local", "Traceback (most recent call last):\n  File \"/app/report.py\", line 40, in build\n    return total\nUnboundLocalError: cannot access local variable 'total' where it is not associated with a value\n", AppCrash, "UnboundLocalError"},
		{"a short question before the log", "port conflict? both the api and nats are on 4222 I think... the api restarts:\napi-1  | 2025/03/19 14:22:10 nats: no servers available for connection\napi-1 exited with code 1\n", DependencyUnavailable, "no servers available"},
	})
}

// AWS's refusal of a key that is not valid is the credentials given,
// though it answers 403 (textbook batch 57).
func TestAWSInvalidKey(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an SQS client with a recreated user's key", `{"level":"fatal","ts":1710000000.1,"msg":"cannot resolve queue","error":"operation error SQS: GetQueueUrl, https response error StatusCode: 403, RequestID: 7e2c, api error InvalidClientTokenId: The security token included in the request is invalid."}` + "\n", ConfigError, "InvalidClientTokenId"},
	})
}

// Faults from textbook batches 56 (JVM services) and 58 (Python and
// Node.js services).
func TestRules58(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an immutable list changed", "Caused by: java.lang.UnsupportedOperationException: null\n\tat java.base/java.util.ImmutableCollections.uoe(ImmutableCollections.java:142)\n\tat com.acme.rules.RuleRegistry.<init>(RuleRegistry.java:31)\n", AppCrash, "UnsupportedOperationException"},
		{"two versions of a library", "java.lang.IncompatibleClassChangeError: Found interface org.objectweb.asm.ClassVisitor, but class was expected\n", AppCrash, "IncompatibleClassChangeError"},
		{"an empty Optional", "java.lang.IllegalStateException: Failed to execute CommandLineRunner\nCaused by: java.util.NoSuchElementException: No value present\n\tat java.base/java.util.Optional.get(Optional.java:143)\n", AppCrash, "No value present"},
		{"GraalVM's segfault handler", "[ [ SubstrateSegfaultHandler caught a segfault in thread 0x00007f1c ] ]\nsiginfo: si_signo: 11, si_code: 1, si_addr: 0x0000000000000010\nSegfault detected, aborting process. Use '-XX:-InstallSegfaultHandler' to disable the segfault handler at run time and create a core file instead.\n", Segfault, "egfault"},
		{"Django models before setup", "django.core.exceptions.AppRegistryNotReady: Apps aren't loaded yet.\n", AppCrash, "Apps aren't loaded yet"},
		{"yarn without the script", "Usage Error: Couldn't find a script named \"start:prod\".\n\n$ yarn run [--inspect] [--inspect-brk] [-T,--top-level] [-B,--binaries-only] <scriptName> ...\n", CommandNotFound, "Couldn't find a script named"},
		{"passport without its secret", "TypeError: JwtStrategy requires a secret or key\n    at new JwtStrategy (/app/node_modules/passport-jwt/lib/strategy.js:45:15)\n", ConfigError, "requires a secret or key"},
		{"uvicorn on the laptop's address", "INFO:     Started server process [1]\nERROR:    [Errno 99] error while attempting to bind on address ('192.168.1.40', 8000): cannot assign requested address\n", ConfigError, "cannot assign requested address"},
		{"a mongodb+srv lookup timing out", "Error: querySrv ETIMEOUT _mongodb._tcp.cluster0.ab1cd.mongodb.net\n    at QueryReqWrap.onresolve [as oncomplete] (node:internal/dns/promises:275:17)\n", DependencyUnavailable, "querySrv ETIMEOUT"},
		{"sharp on an old CPU", "Error: Could not load the \"sharp\" module using the linux-x64 runtime\nUnsupported CPU: Prebuilt binaries for linux-x64 require v2 microarchitecture\n", ExecFormat, "v2 microarchitecture"},
	})
	checkLogFinishes(t, "build", []finishCase{
		{"[INFO] --- jar:3.4.1:jar (default-jar) @ orders ---\n[INFO] ------------------------------------------------------------------------\n[INFO] BUILD SUCCESS\n[INFO] ------------------------------------------------------------------------\n[INFO] Total time:  41.213 s\n", true},
		{"[INFO] BUILD SUCCESS\n[ERROR] Failed to execute goal on project orders\n", false},
	})
}

// Windows (textbook batch 55): NTSTATUS exit codes as Kubernetes and
// Docker print them, cmd's and PowerShell's command not found, a package
// installed for another platform, runAsUserName against a non-root policy.
func TestWindowsShapes(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an access violation", "Faulting application name: RenderHost.exe, version: 2.4.0.0\nException code: 0xc0000005\n", Segfault, "0xc0000005"},
		{"a DLL the image lacks", "CONTAINER ID   IMAGE            STATUS\n4f1c2a9e0b7d   acme/agent:1.2   Exited (3221225781) 5 seconds ago\n", AppCrash, "3221225781"},
		{"cmd without the batch file", "'C:\\app\\bin\\import.cmd' is not recognized as an internal or external command,\noperable program or batch file.\n", CommandNotFound, "is not recognized"},
		{"PowerShell without the script", "C:\\app\\run.ps1 : The term 'C:\\app\\run.ps1' is not recognized as the name of a cmdlet, function, script file, or operable program.\n", CommandNotFound, "is not recognized"},
		{"esbuild from Windows", "Error: \nYou installed esbuild for another platform than the one you're currently using.\nThis won't work because esbuild is written with native code and needs to\ninstall a platform-specific binary executable.\n", AppCrash, "for another platform"},
		{"runAsUserName against the policy", "Error: container's runAsUserName (ContainerAdministrator) which will be regarded as root identity and will break non-root policy (pod: agent-7d9f, container: agent)\n", PermissionDenied, "will break non-root policy"},
	})
	if got := ExitCodeMeaning(-1073741819); !strings.Contains(got, "0xC0000005") {
		t.Errorf("ExitCodeMeaning(-1073741819) = %q", got)
	}
}
