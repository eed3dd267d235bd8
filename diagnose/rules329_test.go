package diagnose

import (
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Lines of held-out rounds 329-347 the engine misread: a segfault a
// shell's "Killed" read as memory, a lock-file hint, two settings that
// exclude each other, an empty host in a URL, Tor's torrc, Heroku's
// router errors, SQLite's lock, IPv6 wildcards without IPv6, PostgreSQL's
// DETAIL naming the versions.
func TestRules329(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Crystal's segfault", "Killed with signal 11\nInvalid memory access (signal 11) at address 0x0\n[0x7f1b256f46e6] ???\n", Segfault, "signal 11"},
		{"a control socket left behind", "system | Listening at ./.overmind.sock\novermind: it looks like Overmind is already running. If it's not, remove ./.overmind.sock and try again\n", ConfigError, "remove ./.overmind.sock"},
		{"settings that exclude each other", "Config: You can not run inv_sig_helper and invidious_companion at the same time.\n", ConfigError, "at the same time"},
		{"flags that exclude each other", "error: --listen and --socket are mutually exclusive\n", ConfigError, "mutually exclusive"},
		{"a URL whose host is empty", "Problem with request: Get \"http:///health\": http: no Host in request URL. Sleeping 1s\n", ConfigError, "no Host in request URL"},
		{"Tor's torrc", "Mar 06 00:32:28.387 [notice] Read configuration file \"/tmp/torrc\".\nMar 06 00:32:28.387 [warn] Unparseable address in hidden service port configuration.\nMar 06 00:32:28.387 [warn] Failed to parse/validate config: Failed to configure rendezvous options. See logs for details.\nMar 06 00:32:28.387 [err] Reading config failed--see warnings above.\n", ConfigError, "Unparseable address"},
		{"Heroku's boot timeout", "2022-04-14T17:29:44.884154+00:00 app[web.1]: Server running on port: 2057\n2022-04-14T17:30:43.255257+00:00 heroku[web.1]: Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch\n2022-04-14T17:30:43.353153+00:00 heroku[web.1]: Stopping process with SIGKILL\n2022-04-14T17:30:43.540697+00:00 heroku[web.1]: Process exited with status 137\n", LivenessProbe, "R10 (Boot timeout)"},
		{"Heroku's memory quota", "2022-04-14T17:30:43.255257+00:00 heroku[web.1]: Error R15 (Memory quota vastly exceeded)\n2022-04-14T17:30:43.353153+00:00 heroku[web.1]: Stopping process with SIGKILL\n", OOMKilled, "Memory quota"},
		{"Heroku's dyno prefix", "2022-09-19T04:27:01.793131+00:00 app[worker.1]: bash: start.sh: No such file or directory\n2022-09-19T04:27:01.943887+00:00 heroku[worker.1]: Process exited with status 127\n", CommandNotFound, "start.sh: No such file"},
		{"SQLite locked", "level=fatal msg=\"failed to open store\" error=\"database is locked\"\n", ConfigError, "database is locked"},
		{"PHP's server on IPv6 without IPv6", "[Wed Sep 19 09:57:41 2018] Failed to listen on :::8080 (reason: php_network_getaddresses: getaddrinfo failed: Name does not resolve)\n", ConfigError, "Failed to listen on :::8080"},
		{"gunicorn on IPv6 without IPv6", "[2020-03-24 15:43:31 +0000] [1] [INFO] Starting gunicorn 19.9.0\n[2020-03-24 15:43:31 +0000] [1] [ERROR] Can't connect to ('::', 80)\n", ConfigError, "Can't connect to ('::', 80)"},
		{"PostgreSQL's DETAIL names the versions", "2025-05-11 06:08:13.152 UTC [48] FATAL:  database files are incompatible with server\n2025-05-11 06:08:13.152 UTC [48] DETAIL:  The data directory was initialized by PostgreSQL version 9.6, which is not compatible with this version 13.15.\n", ConfigError, "initialized by PostgreSQL version 9.6"},
		{"a time glued to its line", "2025-10-17 14:51:30.508058+00:00Config: You can not run inv_sig_helper and invidious_companion at the same time.\n", ConfigError, "at the same time"},
		{"jlesage's init step", "2022-12-10T15:38:32.210438226Z | stdout | [cont-init   ] 10-init-users.sh: executing...\n2022-12-10T15:38:32.220370490Z | stdout | [cont-init   ] 10-init-users.sh: /etc/cont-init.d/10-init-users.sh: line 86: sed-patch: not found\n2022-12-10T15:38:32.221301159Z | stdout | [cont-init   ] 10-init-users.sh: terminated with error 127.\n", CommandNotFound, "sed-patch: not found"},
		{"uWSGI under an unbounded open-files limit", "*** Starting uWSGI 2.0.28 (64bit) ***\ndetected max file descriptor number: 1073741816\n", OOMKilled, "1073741816"},
		{"a JSON time is not a 403", `{"level":"error","ts":1738232211.403,"msg":"unable to load TLS key pair","error":"tls: failed to find any PEM data in certificate input"}` + "\n", ConfigError, "PEM data"},
	})
	// Python's SyntaxError is quoted with the source line above its caret.
	got := ScanLog(strings.NewReader("Traceback (most recent call last):\nFile \"/pgadmin4/config.py\", line 627, in <module>\nfrom config_distro import *\nFile \"/pgadmin4/config_distro.py\", line 5\nAPP_NAME = Jump into the Brave databases\n^\nSyntaxError: invalid syntax\n"))
	if len(got.Evidence) == 0 || !strings.Contains(got.Evidence[0], "(in: APP_NAME = Jump into the Brave databases)") {
		t.Errorf("SyntaxError without its source line: %q", got.Evidence)
	}
	// A shell's own "Killed" is still memory; an "at the same time" that
	// names no setting is not a configuration error.
	checkLogRules(t, []logRule{
		{"a shell's Killed", "./run.sh: line 3:    57 Killed                  java -jar app.jar\n", OOMKilled, "Killed"},
	})
	if got := ScanLog(strings.NewReader("INFO two workers started at the same time\n")); got.Category == ConfigError {
		t.Errorf("an info line read as a setting: %s %q", got.Category, got.Evidence)
	}
	// Helm's and kubectl's waits running out are not what the pod
	// lacks; `kubectl wait` in an init container names what it waited for.
	checkLogRules(t, []logRule{
		{"helm's timeout beside the app's error", "Error: UPGRADE FAILED: release web failed, and has been rolled back due to atomic being set: context deadline exceeded\ngunicorn: error: unrecognized arguments: --worker-timeout 60\n", ConfigError, "unrecognized arguments"},
		{"rollout status beside the app's error", "Waiting for deployment \"ledger\" rollout to finish: 0 of 1 updated replicas are available...\nerror: timed out waiting for the condition\n{\"level\":\"fatal\",\"error\":\"required key LEDGER_DATABASE_URL missing value\"}\n", ConfigError, "required key"},
		{"kubectl wait in an init container", "+ kubectl wait --for=condition=Ready pod -l app=clickhouse --timeout=180s\nerror: timed out waiting for the condition on pods/chi-events-0\n", DependencyUnavailable, "timed out waiting for the condition on pods"},
	})
}

// Words of held-out rounds 329-347: a reporter who rules a cause out, an
// image missing a dependency or a shared library, probe fields, a fix
// that removed the health checks.
func TestWords329(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a cause ruled out", "Worker nodes restarting due to failing liveliness probes\n\nAlso I don't think this is a OOM scenario, as from the many times I ran `kubectl describe pod` I never saw the OOM killed messages.\n", LivenessProbe},
		{"an image missing a dependency", "openmetadata/ingestion:1.13.0 image missing connexion dependency causes all Airflow components to crash on startup\n", AppCrash},
		{"a shared library not found", "Ubuntu 20 does not have Python 3.7, causing container to restart endlessly due to not finding libpython3.7m.so.1.0\n", AppCrash},
		{"a login refused", "Master pod fails to start after restart\n\n6. The container restarted and gives me root access denied.\n", ConfigError},
		{"probe fields", "update failureThreshold and timeoutSeconds witch cause CrashLoopBackOff on pgadmin pod\n", LivenessProbe},
		{"health checks removed as the fix", "Container restart loop\n\nThe container would restart every 30 seconds or so.\n\nI removed all the heath checks in the docker-compose.yml file in order to resolve the issue and the current state of the container is as follows:\n", LivenessProbe},
	})
}

// A database pod beside the crashing app that never started (Pending,
// ContainerCreating) is a dependency the app cannot reach; one that is
// running still only suggests start order.
func TestPendingDatastoreNeighbour(t *testing.T) {
	pod := testPod([]string{"netbox"}, sparse("netbox", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 12}))
	pending := []Neighbour{{Name: "netbox-community-postgresql-0", Status: "Pending"}, {Name: "netbox-redis-master-0", Status: "Pending"}}
	r := Diagnose(Input{Pod: pod, Now: now, Neighbours: pending})
	if r.Category != DependencyUnavailable || !strings.Contains(strings.Join(r.Evidence, "\n"), "is Pending") {
		t.Fatalf("got %s: %s %q", r.Category, r.Summary, r.Evidence)
	}
	// A database that crashes itself is not one the app waits for.
	r = Diagnose(Input{Pod: pod, Now: now, Neighbours: []Neighbour{{Name: "netbox-postgresql-0", Status: "CrashLoopBackOff"}}})
	if r.Category == DependencyUnavailable {
		t.Fatalf("a crashing database read as a dependency not started: %s", r.Summary)
	}
}

// A shell script's loop over a list ends; a while or until loop is taken
// to run on.
func TestOneShotLoops(t *testing.T) {
	for _, tc := range []struct {
		script string
		want   bool
	}{
		{`for i in 1 2 3; do echo "line $i"; done`, true},
		{`while true; do echo hi; sleep 5; done`, false},
		{`if [ -f /x ]; then echo yes; fi`, true},
	} {
		v := &containerView{spec: &corev1.Container{Command: []string{"sh", "-c", tc.script}}}
		if got := oneShotCommand(v) != ""; got != tc.want {
			t.Errorf("%s: one-shot %v, want %v", tc.script, got, tc.want)
		}
	}
}

// Textbook batches 59-70: outside services' rate limits and quotas,
// sockets a second server holds or a runtime's socket not mounted,
// wait loops that give up, service links Confluent's
// images refuse, messages in the node's language, and less common
// runtimes' words for missing modules, code bugs and heaps.
func TestRules59to70(t *testing.T) {
	checkLogRules(t, []logRule{
		{"ACME's rate limit", "An unexpected error occurred:\nError creating new order :: too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s\n", DependencyUnavailable, "too many certificates"},
		{"AWS's request limit", "F0312 cloud_provider_builder.go:44] Failed to create AWS Manager: RequestLimitExceeded: Request limit exceeded.\n", DependencyUnavailable, "RequestLimitExceeded"},
		{"an LLM quota", "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota', 'code': 'insufficient_quota'}}\n", DependencyUnavailable, "insufficient_quota"},
		{"Telegram's flood control", "telegram.error.RetryAfter: Flood control exceeded. Retry in 27 seconds\n", DependencyUnavailable, "Flood control exceeded"},
		{"gRPC's message size is a setting, not a quota", "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (4194305 vs. 4194304)\n", ConfigError, "larger than max"},
		{"php-fpm's socket held", "[14-Mar-2025 10:00:01] ERROR: Another FPM instance seems to already listen on /run/php/php-fpm.sock\n[14-Mar-2025 10:00:01] ERROR: FPM initialization failed\n", PortConflict, "Another FPM instance"},
		{"containerd's socket not mounted", "E0314 10:00:01.000000       1 main.go:40] failed to connect: dial unix /run/containerd/containerd.sock: connect: no such file or directory\n", ConfigError, "containerd.sock"},
		{"an example contact", "An unexpected error occurred:\nError creating new account :: invalid contact domain. Contact emails @example.com are forbidden\n", ConfigError, "invalid contact domain"},
		{"a GitHub App's permission", "HttpError: Resource not accessible by integration\n", PermissionDenied, "Resource not accessible by integration"},
		{"Flyway 10 without its module", "Caused by: org.flywaydb.core.api.FlywayException: Unsupported Database: PostgreSQL 16.2\n", AppCrash, "Unsupported Database"},
		{"a wait loop gives up", "waiting for cms-mysql:3306...\ngave up waiting for cms-mysql:3306 after 30 tries\n", DependencyUnavailable, "gave up waiting for"},
		{"a service link Confluent refuses", "===> Configuring ...\nPORT is deprecated. Please use SCHEMA_REGISTRY_LISTENERS instead.\n", ConfigError, "SCHEMA_REGISTRY_LISTENERS"},
		{"Node-RED's port in use", "[error] Unable to listen on http://127.0.0.1:1880/\n[error] Error: port in use\n", PortConflict, "port in use"},
		{"Rust's unwrap of None", "thread 'main' panicked at src/index.rs:112:18:\ncalled `Option::unwrap()` on a `None` value\n", AppCrash, "unwrap()"},
		{"Perl's module missing", "Can't locate Mojolicious/Lite.pm in @INC (you may need to install the Mojolicious::Lite module) (@INC contains: /etc/perl /usr/local/lib/perl5) at app.pl line 3.\n", AppCrash, "Can't locate"},
		{"R's package missing", "Error in loadNamespace(x) : there is no package called \u2018shiny\u2019\nExecution halted\n", AppCrash, "there is no package called"},
		{"Haskell's partial function", "rates-server: Prelude.head: empty list\nCallStack (from HasCallStack):\n", AppCrash, "Prelude.head"},
		{"Swift's trap is not a CPU", "Fatal error: Index out of range\n\U0001f4a3 Program crashed: Illegal instruction at 0x00007f3c\n", AppCrash, "Index out of range"},
		{"GHC's heap", "ledger: Heap exhausted;\nledger: Current maximum heap size is 268435456 bytes (256 MB).\n", OOMKilled, "Heap exhausted"},
		{"HOCON's unset variable", "Exception in thread \"main\" com.typesafe.config.ConfigException$UnresolvedSubstitution: application.conf @ file:/app/application.conf: 12: Could not resolve substitution to a value: ${LEDGER_DB_PASSWORD}\n", ConfigError, "Could not resolve substitution"},
		{"more replicas than brokers", "org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 1.\n", ConfigError, "larger than available brokers"},
		{"no sentinels", "/usr/local/bundle/gems/redis-client-0.22.2/lib/redis_client/sentinel_config.rb:120:in `resolve_master': No sentinels available (RedisClient::ConnectionError)\n", DependencyUnavailable, "No sentinels available"},
		{"a port in use, in Russian", "Exception in thread \"main\" java.net.BindException: Адрес уже используется (Bind failed)\n", PortConflict, "Адрес уже используется"},
		{"a refused connection, in German", "psql: Fehler: Verbindung zum Server auf »pg-main« (10.0.3.4), Port 5432 fehlgeschlagen: Verbindungsaufbau abgelehnt\n", DependencyUnavailable, "Verbindungsaufbau abgelehnt"},
		{"a script missing, in French", "/bin/bash: /app/docker-entrypoint.sh: Aucun fichier ou dossier de ce type\n", CommandNotFound, "Aucun fichier ou dossier"},
		{"a database missing, in Russian", "FATAL: ВАЖНО: база данных \"billing_prod\" не существует (SQLSTATE 3D000)\n", ConfigError, "не существует"},
	})
}

// What a reporter changed to end the loop names its cause: a memory
// limit raised, a Secret created, a script converted, a policy opened; a
// configuration reverted is not a release rolled back.
func TestFixClauses(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a heap raised", "Strapi keeps restarting during the admin build.\n\nSetting NODE_OPTIONS=--max-old-space-size=3072 fixed it.\n", OOMKilled},
		{"a Secret created", "The n8n pod never starts, it shows CreateContainerConfigError.\n\nAfter I created the secret it started.\n", MissingConfigObject},
		{"line endings", "The worker container exits with code 127 right away.\n\nRunning dos2unix on docker-entrypoint.sh fixed it.\n", CommandNotFound},
		{"a policy opened", "The api pod keeps restarting, the log only says startup failed after 30s.\n\nAfter I fixed the NetworkPolicy to allow egress to the database on 5432 it started.\n", DependencyUnavailable},
		{"a role granted", "The controller crash loops with initial sync failed, exiting.\n\nGiving the ServiceAccount a ClusterRole with get/list/watch on pods fixed it.\n", PermissionDenied},
		{"a command that never ends", "My ubuntu toolbox pod restarts all the time.\n\nAdding command: [\"sleep\", \"infinity\"] fixed it.\n", Completed},
		{"a release rolled back", "The app crash loops since 2.4.0.\n\nRolling back to the previous version fixed it.\n", AppCrash},
	})
	if p := causeClause([]byte("reverting the secret fixes it."), []byte("Reverting the secret fixes it.")); p != nil && p.cat == AppCrash {
		t.Errorf("a reverted setting read as a release rolled back: %s", p.id)
	}
}

// A dependency refusal whose line says what to do (a rate limit) leads the
// next steps with that advice, not with the generic Service check.
func TestDependencyStepsFollowTheLine(t *testing.T) {
	r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "Error creating new order :: too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s\n"}})
	if r.Category != DependencyUnavailable || len(r.NextSteps) == 0 || !strings.Contains(r.NextSteps[0], "rate limit") {
		t.Fatalf("got %s, steps %q", r.Category, r.NextSteps)
	}
	for _, s := range r.NextSteps {
		if s == hintDepend {
			t.Errorf("the generic dependency hint beside a rate limit's: %q", r.NextSteps)
		}
	}
	r = Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "Error: connect ECONNREFUSED 10.0.0.5:5432\n"}})
	if !slices.Contains(r.NextSteps, hintDepend) {
		t.Errorf("a refused connection without the generic hint: %q", r.NextSteps)
	}
}
