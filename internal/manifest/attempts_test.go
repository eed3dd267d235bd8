package manifest

import (
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// A follow-up's earlier failures, fixed since, do not decide: the failure
// the asker pastes as the current one does, however the thread marks
// which is which.
func TestEarlierAttemptsDoNotDecide(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"first error: / now:", "edge nginx as a DaemonSet with hostNetwork: true\n\nfirst error:\nnginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)\n-> added NET_BIND_SERVICE. That error went away.\n\nnow, on 3 of 5 nodes:\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] still could not bind()\n",
			diagnose.PortConflict},
		{"a sentence that opens the earlier paste, another the current one", "keycloak 24 on k8s - first it was\n\n  Warning  Failed  15s (x3 over 40s)  kubelet  Error: configmap \"keycloak-realm-import\" not found\n\nI added the ConfigMap with the realm JSON. Now keycloak starts, runs the realm import and gets killed:\n\nLAST SEEN   TYPE      REASON      OBJECT           MESSAGE\n4m          Warning   Failed      pod/keycloak-0   Error: configmap \"keycloak-realm-import\" not found\n2m          Normal    Started     pod/keycloak-0   Started container keycloak\n45s         Warning   Unhealthy   pod/keycloak-0   Startup probe failed: Get \"http://10.0.12.9:9000/health/started\": dial tcp 10.0.12.9:9000: connect: connection refused\n41s         Normal    Killing     pod/keycloak-0   Container keycloak failed startup probe, will be restarted\n",
			diagnose.LivenessProbe},
		{"the previous error named in the sentence that turns to the current one", "ml-scoring pod: the previous error was \"[Errno 98] Address already in use\" (two gunicorn configs), now it's a read-only file system error:\nOSError: [Errno 30] Read-only file system: '/app/.cache'\n",
			diagnose.PermissionDenied},
		{"numbered attempts", "1) StartError: exec: \"/bin/edge-proxy\": stat /bin/edge-proxy: no such file or directory\n2) Now it starts and exits 2 right away:\nflag provided but not defined: -listen-addr\nUsage of /usr/local/bin/edge-proxy:\n  -listen string\n    \taddress to listen on (default \":8080\")\n",
			diagnose.ConfigError},
		{"numbered describes", "describe #1 (yesterday):\nEvents:\n  Warning  Failed  10s (x6 over 70s)  kubelet  Error: configmap \"metrics-api-config\" not found\n\ndescribe #2 (today):\nlogs:\nTraceback (most recent call last):\n  File \"/app/app.py\", line 12, in <module>\n    def create_app(settings: Settings | None = None) -> FastAPI:\nTypeError: unsupported operand type(s) for |: 'ModelMetaclass' and 'NoneType'\n",
			diagnose.AppCrash},
		{"a fix told before the sentence that opens the paste", "redis cache pod. Was OOMKilled overnight (no maxmemory set), so this morning I added maxmemory to the config. Now it's worse:\n\n*** FATAL CONFIG FILE ERROR (Redis 7.2.5) ***\nReading the configuration file, at line 7\n>>> 'maxmemory 3.5gb'\nargument must be a memory value\n",
			diagnose.ConfigError},
		{"an issue thread whose reporter moved on", "Upgrade to Traefik v3: forbidden errors, then \"failed to decode configuration from flags\" #10601\n\nelias-n commented on May 2\n\nUpgraded from traefik:v2.11 to v3.0. The logs are full of:\n\n```\nE0502 09:12:44.118093       1 reflector.go:147] Failed to watch *v1alpha1.IngressRoute: ingressroutes.traefik.io is forbidden: User \"system:serviceaccount:traefik:traefik\" cannot list resource \"ingressroutes\"\n```\n\nrtribotte commented on May 2\n\nUpdate the RBAC from the v3 docs.\n\nelias-n commented on May 3\n\n> Update the RBAC from the v3 docs\n\ndone, forbidden errors are gone. But now traefik exits right away:\n\n```\n2024/05/03 07:01:12 command traefik error: failed to decode configuration from flags: field not found, node: http3\n```\n",
			diagnose.ConfigError},
		{"a timeline whose last entries tell of a new failure", "catalog-importer timeline (today, UTC):\n\n10:02  deployed catalog-importer 1.4.1\n10:05  pods restarting: \"Liveness probe failed ... connection refused\" + \"failed liveness probe, will be restarted\"\n10:20  added startupProbe, no more Killing events\n10:31  now it starts, begins the nightly import and exits with code 3 a few minutes later:\n\nTerminating due to java.lang.OutOfMemoryError: Java heap space\n",
			diagnose.OOMKilled},
		{"a rollout history's causes", "tenant-router panics since v3.9.0\n\nREVISION  CHANGE-CAUSE\n17        v3.8.2\n18        v3.8.2 startupProbe added (liveness was killing it during route table load)\n19        v3.9.0\n\npanic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/tenant-router/main.go:38 +0x25\n",
			diagnose.AppCrash},
	})
}

// pasteCase is a paste and the category it must be read as.
type pasteCase struct {
	name, paste string
	want        diagnose.Category
}

// checkPastes reads each case's paste as `diagnose -f` does and checks
// its category.
func checkPastes(t *testing.T, cases []pasteCase) {
	t.Helper()
	for _, tc := range cases {
		if r := diagnose.Diagnose(pastedInput(t, tc.paste)); r.Category != tc.want {
			t.Errorf("%s: got %s, want %s: %s", tc.name, r.Category, tc.want, r.Summary)
		}
	}
}

// What is not an earlier attempt stays: "before" and "first" that only
// order steps, an earlier failure with no current one after it, a fix
// that did not help.
func TestNotEarlierAttempts(t *testing.T) {
	for _, text := range []string{
		"Wanted the BIND pod to check the config before starting named, so I put this in the Deployment:\n\n        command: [\"named-checkconf /etc/bind/named.conf && named -g -u bind\"]\n\nNow it never starts:\n",
		"Trying to debug CoreDNS startup so I wrapped it to print the Corefile first:\n\n      command: [\"sh\", \"-c\", \"cat /etc/coredns/Corefile && exec /coredns\"]\n\nand now both coredns pods are in CrashLoopBackOff\n",
		"first error:\nnginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)\nany idea?\n",
		"Title: legacy C daemon restarts\nfixed one thing, the error stays:\nSegmentation fault\n",
	} {
		if got := string(dropEarlierAttempts([]byte(text))); got != text {
			t.Errorf("dropped from %q:\n%q", text, got)
		}
	}
	// A reporter's later comment that only says it still fails keeps the
	// first one's paste.
	thread := "x commented on Mar 1\n\n```\nError: secret \"db\" not found\n```\n\ny commented on Mar 1\n\nCreate the secret.\n\nx commented on Mar 2\n\nstill the same\n"
	if got := string(dropEarlierAttempts([]byte(thread))); got != thread {
		t.Errorf("thread cut: %q", got)
	}
}

// `kubectl get pods -w` rows of a pod deleted and created again under
// its name (a StatefulSet's) do not describe the new one.
func TestWatchRowsOfADeletedInstance(t *testing.T) {
	rows := parseTable("NAME      READY   STATUS      RESTARTS       AGE\nredis-0   0/1     OOMKilled   4 (7h ago)     2d\nredis-0   0/1     Terminating   4 (7h ago)     2d\nredis-0   0/1     Pending       0              0s\nredis-0   0/1     Error               1 (1s ago)     3s\nredis-0   0/1     CrashLoopBackOff    1 (2s ago)     4s\n")
	for _, r := range rows {
		if r.status == "OOMKilled" || r.status == "Terminating" {
			t.Errorf("kept %+v", r)
		}
	}
	if len(rows) != 3 {
		t.Errorf("rows %+v", rows)
	}
	// A pod only being deleted keeps its rows.
	if rows := parseTable("NAME   READY   STATUS        RESTARTS   AGE\napi-1  0/1     Error         3          5m\napi-1  0/1     Terminating   3          5m\n"); len(rows) != 2 {
		t.Errorf("rows %+v", rows)
	}
}

// A running container's exit code, 0 until it exits, printed by `docker
// inspect --format`, is no termination.
func TestDockerFormatRunningExitZero(t *testing.T) {
	prompt := "$ docker inspect proxy-1 --format 'status={{.State.Status}} exit={{.State.ExitCode}} restarts={{.RestartCount}}'"
	if _, _, ok := dockerFormatExitCode(prompt, "status=running exit=0 restarts=58"); ok {
		t.Error("read a running container's exit 0")
	}
	if code, _, ok := dockerFormatExitCode(prompt, "status=restarting exit=1 restarts=58"); !ok || code != 1 {
		t.Errorf("got %d %v", code, ok)
	}
}
