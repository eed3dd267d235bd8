package manifest

import (
	"strings"
	"testing"
)

// In a paste of several components' logs, each under its own prompt, the
// log of a caller that cannot reach the crash-looping one is set aside:
// its failed calls are the crash's echo.
func TestCallerLogSetAside(t *testing.T) {
	const psRestarting = "$ docker ps -a\nCONTAINER ID   IMAGE                  COMMAND                  CREATED       STATUS                          PORTS   NAMES\n5c6d7e8f9a0b   acme/notifier:1.12.0   \"java -jar /app/noti…\"   3 hours ago   Restarting (1) 15 seconds ago           notifier\n0b9a8f7e6d5c   acme/portal:8.2        \"/entrypoint.sh\"         3 hours ago   Up 3 hours                      443/tcp portal\n\n"
	const portal = "$ docker logs --tail 1 portal\n2025-05-22 14:10:02 WARN  [NotifyClient] POST http://notifier:8080/v1/notify -> I/O error on POST request: Connection refused\n\n"
	const notifier = "$ docker logs --tail 1 notifier\nException in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.toLowerCase()\" because the return value of \"Template.getLocale()\" is null\n"
	const gateway = "$ docker service logs --tail 1 pay_gateway\npay_gateway.1.a8s7d6f5g4h3@node-1    | ERROR forward webhook to http://pay_ledger:8000/hooks: dial tcp 10.0.6.21:8000: connect: connection refused\n\n"
	const ledger = "$ docker service logs --tail 2 pay_ledger\npay_ledger.1.q2w3e4r5t6y7@node-2    | KeyError: 'acct_000913'\npay_ledger.1.q2w3e4r5t6y7@node-2    | ERROR:    Application startup failed. Exiting.\n"
	for _, tc := range []struct {
		name, paste, kept, aside string
	}{
		{"docker ps shows which one restarts", psRestarting + portal + notifier, "NullPointerException", "I/O error on POST"},
		{"a Swarm service calls the other, which fails on its own", gateway + ledger, "KeyError", "forward webhook"},
		{"a die event names the one that stops", "$ docker events --filter event=die\n2025-07-02T10:14:02.551227301Z container die 4e5f6a7b8c9d (exitCode=2, image=example/limiter:1.4, name=limiter)\n\n$ docker logs --tail 1 api\nrate limiter unreachable: dial tcp 172.20.0.9:7070: connect: connection refused\n\n$ docker logs --tail 1 limiter\ninvalid value \"30\" for flag -window: parse error\n", "invalid value", "rate limiter unreachable"},
	} {
		in := pastedInput(t, tc.paste)
		if log := in.Logs[""]; !strings.Contains(log, tc.kept) || strings.Contains(log, tc.aside) {
			t.Errorf("%s: log %q, want %q kept and %q set aside", tc.name, log, tc.kept, tc.aside)
		}
	}
}

// A caller's log stays when nothing says the other one crashes: the other
// log shows no failure of its own, the caller restarts too, or the caller
// is another container of the crashed pod (a proxy on the way out).
func TestCallerLogKept(t *testing.T) {
	for _, tc := range []struct{ name, paste, kept string }{
		{"the callee's log is healthy", "$ docker compose logs tomee\ntomee-1  | SEVERE Cannot create PoolableConnectionFactory (Connection to postgres:5432 refused.)\n\n$ docker compose logs postgres | tail -2\npostgres-1  | LOG:  listening on IPv4 address \"0.0.0.0\", port 5432\npostgres-1  | LOG:  database system is ready to accept connections\n",
			"PoolableConnectionFactory"},
		{"the caller restarts too", "$ docker compose ps -a\nNAME                     IMAGE            STATUS                          PORTS\nauthentik-redis-1        redis:alpine     Restarting (1) 5 seconds ago\nauthentik-worker-1       authentik:2025   Restarting (1) 2 seconds ago\n\n$ docker compose logs worker --tail 1\nworker-1  | Redis Connection failed, retrying... (Error 111 connecting to redis:6379. Connection refused.)\n\n$ docker compose logs redis --tail 1\nredis-1  | # Fatal error loading the DB, check server logs. Exiting.\n",
			"Error 111 connecting to redis:6379"},
		{"a proxy of the crashed pod", "$ kubectl logs ledger-5d8f9c7b6-x2x9z -c cloud-sql-proxy\n2025/03/01 10:00:01 the default Compute Engine service account is not authorized: Error 403: NOT_AUTHORIZED\n\n$ kubectl logs ledger-5d8f9c7b6-x2x9z -c app --previous\ndb ping failed: dial tcp 127.0.0.1:5432: connect: connection refused\n",
			"NOT_AUTHORIZED"},
		{"a source file's line is no host", "$ docker service logs --tail 1 wiki_app\nwiki_app.1.x9c8v7b6n5m4@swarm-1    | PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/html/includes/db.php:14\n\n$ docker service logs --tail 1 wiki_db\nwiki_db.1.a1s2d3f4g5h6@swarm-3    | [ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11\n",
			"Connection refused in /var/www"},
	} {
		if log := pastedInput(t, tc.paste).Logs[""]; !strings.Contains(log, tc.kept) {
			t.Errorf("%s: log %q lacks %q", tc.name, log, tc.kept)
		}
	}
}

// Another command's prompt ends the log above it: `dmesg`'s lines are no
// container's log output.
func TestShellPromptEndsLog(t *testing.T) {
	in := pastedInput(t, "$ docker ps -a --format 'table {{.Names}}\\t{{.Status}}'\nNAMES         STATUS\nuploader      Up 2 days\nthumbnailer   Restarting (139) 6 seconds ago\n\n$ docker logs --tail 1 uploader\nERROR thumbnail request failed: Post \"http://thumbnailer:7000/resize\": dial tcp 172.18.0.6:7000: connect: connection refused\n$ sudo dmesg | tail -1\n[183022.441920] thumbnailer[2811043]: segfault at 18 ip 00007f7c1a2b3c4d sp 00007ffd5e6f7a80 error 4 in libvips.so.42.17.2[7f7c1a200000+1f4000]\n\n$ docker logs --tail 1 thumbnailer\nresize upload-99321.heic 4032x3024 -> 320x240\n")
	if log := in.Logs[""]; !strings.Contains(log, "segfault at 18") || strings.Contains(log, "thumbnail request failed") {
		t.Errorf("log %q, want dmesg's segfault kept and the uploader's refusal set aside", log)
	}
}

// A sentence that opens with a command's name and says what it showed is
// the reporter's words, not a prompt: it is read, not dropped.
func TestSentenceOpeningWithCommand(t *testing.T) {
	in := pastedInput(t, "kubectl top shows 510Mi against the 512Mi limit right before each restart and describe says OOMKilled, so the memory part is clear. The log only has these at the end:\n\n$ kubectl logs feed-builder-6d9c7b8f5-tq2mx --previous | tail -1\n{\"level\":\"error\",\"msg\":\"ranker: connection refused\",\"addr\":\"ranker:50051\"}\n")
	if log := in.Logs[""]; !strings.Contains(log, "describe says OOMKilled") {
		t.Errorf("log %q lacks the reporter's sentence", log)
	}
	if !isPrompt("kubectl logs api-7d9f --previous") || !isPrompt("$ docker ps shows") || isPrompt("docker ps shows the container restarting every few seconds:") {
		t.Error("a prompt and a sentence are told apart wrongly")
	}
}
