package manifest

import (
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// pasteInput reads a paste as `diagnose -f` does.
func pasteInput(t *testing.T, paste string) diagnose.Input {
	t.Helper()
	var o Objects
	if _, err := o.ParseAny("paste", strings.NewReader(paste)); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Date(2025, 5, 12, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// `docker inspect --format '{{json .State}}'` prints the State object
// alone: its exit code and restarting are read as a whole inspect's are.
func TestDockerStateAlone(t *testing.T) {
	in := pasteInput(t, `$ docker inspect shop-migrate-1 --format '{{json .State}}' | jq
{
  "Status": "restarting",
  "Running": true,
  "Restarting": true,
  "OOMKilled": false,
  "ExitCode": 139,
  "Error": ""
}
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.ExitCode != 139 {
		t.Fatalf("statuses = %+v, want one whose last exit is 139", sts)
	}
	if w := sts[0].State.Waiting; w == nil || w.Reason != "CrashLoopBackOff" {
		t.Errorf("state = %+v, want waiting as Docker restarts it", sts[0].State)
	}
}

// A jsonpath's printed exit code fills the code a `get pods` row's
// "Error" does not show.
func TestJSONPathExitCodeBesideAnErrorRow(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pods
NAME                      READY   STATUS   RESTARTS      AGE
thumbs-5f8c7d9b6-nh4kw    0/1     Error    5 (30s ago)   6m

$ kubectl get pod thumbs-5f8c7d9b6-nh4kw -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'
139
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].State.Terminated == nil || sts[0].State.Terminated.ExitCode != 139 {
		t.Fatalf("statuses = %+v, want the row's termination with exit 139", sts)
	}
}

// A describe cut to one container by grep, beside a row that says an init
// container is in back-off: the container described is that init
// container.
func TestGrepCutDescribeOfAnInitContainer(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pod notifications-5c8b9d7f6-hq2zt
NAME                              READY   STATUS                  RESTARTS      AGE
notifications-5c8b9d7f6-hq2zt     0/2     Init:CrashLoopBackOff   6 (2m ago)    9m

$ kubectl describe pod notifications-5c8b9d7f6-hq2zt | grep -A12 '^  wait-deps:'
  wait-deps:
    Image:         registry.example.test/tools/wait:1.2
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       StartError
      Exit Code:    128
    Ready:          False
    Restart Count:  6
`)
	if n := len(in.Pod.Status.ContainerStatuses); n != 0 {
		t.Errorf("app container statuses = %d, want none", n)
	}
	if sts := in.Pod.Status.InitContainerStatuses; len(sts) != 1 || sts[0].Name != "wait-deps" {
		t.Fatalf("init statuses = %+v, want wait-deps alone", sts)
	}
	// Without the row it stays an app container.
	in = pasteInput(t, `  wait-deps:
    Image:         registry.example.test/tools/wait:1.2
    State:          Waiting
      Reason:       CrashLoopBackOff
    Restart Count:  6
`)
	if sts := in.Pod.Status.ContainerStatuses; len(sts) != 1 || sts[0].Name != "wait-deps" {
		t.Errorf("statuses = %+v, want wait-deps as an app container", sts)
	}
}

// Event rows a grep kept from describe output, without the "Events:"
// heading, are events.
func TestGrepCutDescribeEvents(t *testing.T) {
	in := pasteInput(t, `$ kubectl describe pod feeds-7b8c6d9f5-tm2qz | grep -E 'Liveness|Unhealthy|Killing|Exit Code'
      Exit Code:    1
    Liveness:       http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3
  Warning  Unhealthy  52s (x12 over 6m)  kubelet  Liveness probe failed: Get "http://10.244.1.88:8080/healthz": context deadline exceeded
  Normal   Killing    52s (x4 over 6m)   kubelet  Container feeds failed liveness probe, will be restarted
`)
	reasons := map[string]bool{}
	for _, e := range in.Events {
		reasons[e.Reason] = true
	}
	if !reasons["Unhealthy"] || !reasons["Killing"] {
		t.Fatalf("events = %+v, want Unhealthy and Killing", in.Events)
	}
}

// A node's SystemOOM event is kept beside the pod's, as its OOMKilling
// event is.
func TestNodeSystemOOMEventKept(t *testing.T) {
	in := pasteInput(t, `$ kubectl get events
LAST SEEN   TYPE      REASON      OBJECT                        MESSAGE
14m         Warning   SystemOOM   node/worker-7                 System OOM encountered, victim process: java, pid: 18234
2m          Warning   BackOff     pod/search-api-7d8c9b6f5-2kxlq   Back-off restarting failed container api in pod search-api-7d8c9b6f5-2kxlq_default(3a4b)
`)
	found := false
	for _, e := range in.Events {
		found = found || e.Reason == "SystemOOM"
	}
	if !found {
		t.Fatalf("events = %+v, want the node's SystemOOM", in.Events)
	}
}

// describe's Events pasted under a `kubectl logs` prompt's output are
// events, not more of the log.
func TestEventsAfterALogsPrompt(t *testing.T) {
	in := pasteInput(t, `$ kubectl logs catalog-6c5f8d7b9-qz4tn --previous | tail -1
2024-10-02T08:15:24.990Z  INFO 1 --- [catalog] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown.

Events:
  Type     Reason     Age                From     Message
  ----     ------     ----               ----     -------
  Warning  Unhealthy  40s (x30 over 6m)  kubelet  Startup probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown
  Normal   Killing    40s (x5 over 5m)   kubelet  Container catalog failed startup probe, will be restarted
`)
	if len(in.Events) != 2 {
		t.Fatalf("events = %d, want Unhealthy and Killing", len(in.Events))
	}
	for _, l := range in.Logs {
		if strings.Contains(l, "Startup probe failed") {
			t.Errorf("the events were read as log too: %q", l)
		}
	}
}

// `docker inspect C --format '{{.State.ExitCode}} {{.RestartCount}}'`
// prints the exit code first.
func TestDockerFormatExitCode(t *testing.T) {
	in := pasteInput(t, `services:
  backup:
    image: rclone/rclone:1.68
    restart: always

$ docker logs rclone-backup --tail 1
2025/03/09 04:00:12 INFO  : There was nothing to transfer

$ docker inspect rclone-backup --format '{{.State.ExitCode}} {{.RestartCount}}'
0 214
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.ExitCode != 0 {
		t.Fatalf("statuses = %+v, want a last exit of 0", sts)
	}
}

// Lens's events table has no Reason column: the reason is read from the
// message, and the columns after it are left out.
func TestLensEventRows(t *testing.T) {
	in := pasteInput(t, `Type      Message                                                                  Namespace   Involved Object   Source    Count   Age    Last Seen
Warning   Back-off restarting failed container redis in pod redis-0_cache(1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d)   cache   Pod: redis-0   kubelet   4   1m   1m
Normal    Container redis failed liveness probe, will be restarted                 cache       Pod: redis-0      kubelet   4       3m     3m
Warning   Liveness probe failed: command "sh -c redis-cli ping" timed out          cache       Pod: redis-0      kubelet   12      3m     3m
`)
	got := map[string]string{}
	for _, e := range in.Events {
		got[e.Reason] = e.Message
	}
	if got["Killing"] != "Container redis failed liveness probe, will be restarted" || !strings.HasPrefix(got["Unhealthy"], "Liveness probe failed") || strings.Contains(got["Unhealthy"], "Pod: redis-0") {
		t.Fatalf("events = %q, want Killing and Unhealthy with their messages alone", got)
	}
}

// A log store's entries (Cloud Logging's textPayload, Docker's json-file
// lines) hold the log with escaped newlines: the lines are read.
func TestLogEntries(t *testing.T) {
	for name, paste := range map[string]string{
		"cloud logging": `{
  "textPayload": "Traceback (most recent call last):\n  File \"/app/main.py\", line 7, in <module>\n    run()\nKeyError: 'refund.partial'",
  "severity": "ERROR"
}`,
		"docker json-file": `{"log":"Traceback (most recent call last):\n","stream":"stderr","time":"2025-03-04T15:41:19.557Z"}
{"log":"KeyError: 'refund.partial'\n","stream":"stderr","time":"2025-03-04T15:41:19.558Z"}`,
	} {
		in := pasteInput(t, paste)
		found := false
		for _, l := range in.Logs {
			found = found || strings.Contains(l, "\nKeyError: 'refund.partial'")
		}
		if !found {
			t.Errorf("%s: logs = %q, want the traceback's lines", name, in.Logs)
		}
	}
}

// Rows of another workload's pods (a dependency's, listed by label)
// beside a log whose prompt names the pod are its neighbours.
func TestRowsOfAnotherWorkload(t *testing.T) {
	in := pasteInput(t, `$ kubectl logs ledger-edge-5d6c8b7f9-rr4xt --previous
thread 'main' panicked at src/main.rs:27:64:
called Result::unwrap() on an Err value: Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }

$ kubectl get pods -n fin -l app=ledger-core
NAME                           READY   STATUS             RESTARTS      AGE
ledger-core-7b9f8c6d5-4nqzp    0/1     ImagePullBackOff   0             12m
`)
	if in.Pod.Name != "ledger-edge-5d6c8b7f9-rr4xt" {
		t.Errorf("pod = %q, want the one the logs prompt names", in.Pod.Name)
	}
	for _, st := range in.Pod.Status.ContainerStatuses {
		if st.State.Waiting != nil && st.State.Waiting.Reason == "ImagePullBackOff" {
			t.Errorf("the dependency's row was read as this pod's state: %+v", st)
		}
	}
}

// A `docker inspect --format` with labels around its fields prints the
// exit code where its field is.
func TestDockerLabelledFormatExitCode(t *testing.T) {
	in := pasteInput(t, `$ docker inspect feedparser --format 'status={{.State.Status}} exit={{.State.ExitCode}} oom={{.State.OOMKilled}} restarts={{.RestartCount}}'
status=restarting exit=139 oom=false restarts=7

$ docker logs --tail 1 feedparser
2024-09-05 16:20:11,877 INFO parsing with lxml 5.1.0
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.ExitCode != 139 {
		t.Fatalf("statuses = %+v, want a last exit of 139", sts)
	}
	if sts[0].RestartCount != 7 {
		t.Errorf("restarts = %d, want the 7 the format printed", sts[0].RestartCount)
	}
}

// k9s's pods view has a port-forward column and a dot after each name,
// and IP and NODE before AGE: its rows are `kubectl get pods` rows.
func TestK9sPodsView(t *testing.T) {
	in := pasteInput(t, "It keeps restarting:\n\n Pods(netpol-test)[2]\n NAME            PF  READY  STATUS     RESTARTS  IP           NODE      AGE\n backend         ●   1/1    Running    0         10.42.1.17   agent-1   20m\n probe-client    ●   0/1    Completed  9         10.42.2.23   agent-2   20m\n")
	if in.Pod == nil || in.Pod.Name != "probe-client" {
		t.Fatalf("pod = %+v, want probe-client's row", in.Pod)
	}
	if sts := in.Pod.Status.ContainerStatuses; len(sts) != 1 || sts[0].RestartCount != 9 {
		t.Errorf("statuses = %+v, want 9 restarts", sts)
	}
}

// k9s marks the column it sorts by with an arrow ("NAME↑", "AGE↓"), and
// shows CPU and memory columns: the header is still the pods view's.
func TestK9sPodsViewSortArrow(t *testing.T) {
	for _, header := range []string{
		" NAME↑                 PF  READY  STATUS     RESTARTS  CPU  MEM  %CPU/R  %CPU/L  %MEM/R  %MEM/L  IP           NODE     AGE",
		" NAME                  PF  READY  STATUS     RESTARTS↓ CPU  MEM  IP           NODE     AGE",
	} {
		in := pasteInput(t, "k9s pods view:\n\n Pods(reporting)[2]\n"+header+"\n report-gen-7f8c9d6b5  ●   0/1    Completed  11        0    0    10.244.2.15  node-b   38m\n report-ui-5d6c7b8a9   ●   1/1    Running    0         1    42   10.244.1.9   node-a   3d\n")
		if in.Pod == nil || in.Pod.Name != "report-gen-7f8c9d6b5" {
			t.Fatalf("%q: pod = %+v, want report-gen's row", header, in.Pod)
		}
		if sts := in.Pod.Status.ContainerStatuses; len(sts) != 1 || sts[0].RestartCount != 11 {
			t.Errorf("%q: statuses = %+v, want 11 restarts", header, sts)
		}
	}
}

// Events alone that name an init container by its field path describe an
// init container (a failing one holds the pod), not an app container that
// a one-shot image's exit would explain.
func TestEventsAloneNameAnInitContainer(t *testing.T) {
	in := pasteInput(t, `  2m	1m	4	{kubelet n9}	spec.initContainers{init}	Normal	Pulled		Container image "busybox" already present on machine
  2m	12s	14	{kubelet n9}	spec.initContainers{init}	Warning	BackOff		Back-off restarting failed docker container
`)
	if len(in.Pod.Spec.InitContainers) != 1 || in.Pod.Spec.InitContainers[0].Name != "init" || len(in.Pod.Spec.Containers) != 0 {
		t.Fatalf("init containers %+v, containers %+v: want only init container \"init\"", in.Pod.Spec.InitContainers, in.Pod.Spec.Containers)
	}
	if got := diagnose.Diagnose(in); got.Category == diagnose.Completed {
		t.Fatalf("a failing init container diagnosed as %s: %s", got.Category, got.Summary)
	}
	app := pasteInput(t, `  2m	1m	4	{kubelet n9}	spec.containers{init}	Normal	Pulled		Container image "busybox" already present on machine
  2m	12s	14	{kubelet n9}	spec.containers{init}	Warning	BackOff		Back-off restarting failed docker container
`)
	if len(app.Pod.Spec.Containers) != 1 || len(app.Pod.Spec.InitContainers) != 0 {
		t.Fatalf("an app container's events gave containers %+v, init containers %+v", app.Pod.Spec.Containers, app.Pod.Spec.InitContainers)
	}
}

// A describe block quoted in Markdown ("> Last State: Terminated") is
// read as describe output.
func TestQuotedDescribeBlock(t *testing.T) {
	in := pasteInput(t, `From describe, as you asked:

> State:          Waiting
>   Reason:       CrashLoopBackOff
> Last State:     Terminated
>   Reason:       Completed
>   Exit Code:    0
> Restart Count:  12

The container runs a script that downloads a feed and ends.
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.Reason != "Completed" {
		t.Fatalf("statuses = %+v, want one whose last termination is Completed", sts)
	}
}

// A Compose service's volumes are the container's mounts: a module the
// built image installed, missing under a directory a bind mount covers, is
// that mount's; with a language's official image (no build) the module was
// never installed.
func TestComposeVolumeHidesTheImagesFiles(t *testing.T) {
	paste := func(image string) string {
		return `services:
  web:
    ` + image + `
    command: python -m app.serve
    restart: always
    volumes:
      - ./:/app

$ docker compose logs web --tail 3
web-1  | Traceback (most recent call last):
web-1  |   File "/app/app/serve.py", line 1, in <module>
web-1  | ModuleNotFoundError: No module named 'uvicorn'
`
	}
	in := pasteInput(t, paste("build: ."))
	if ms := in.Pod.Spec.Containers[0].VolumeMounts; len(ms) != 1 || ms[0].MountPath != "/app" {
		t.Fatalf("mounts = %+v, want /app", ms)
	}
	if got := diagnose.Diagnose(in); got.Category != diagnose.ConfigError {
		t.Errorf("a bind mount over the built app: %s (%s), want config_error", got.Category, got.Summary)
	}
	if got := diagnose.Diagnose(pasteInput(t, paste("image: python:3.12-slim"))); got.Category == diagnose.ConfigError {
		t.Errorf("the official python image with the code mounted: %s (%s), want the missing module", got.Category, got.Summary)
	}
}

// A container's resources pasted as a fragment that names it, and the
// describe State block below without its container's header: one
// container, named, with the state.
func TestFragmentAndHeaderlessStateAreOneContainer(t *testing.T) {
	in := pasteInput(t, "Keycloak keeps restarting\n\n```yaml\n        - name: keycloak\n          image: quay.io/keycloak/keycloak:24.0.5\n          args: [\"start\", \"--optimized\"]\n          resources:\n            limits:\n              memory: 256Mi\n```\n\n```\n$ kubectl describe pod keycloak-0 -n iam\n...\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n    Ready:          False\n    Restart Count:  6\n```\n")
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].Name != "keycloak" {
		t.Fatalf("statuses = %+v, want one, keycloak's", sts)
	}
	if term := sts[0].LastTerminationState.Terminated; term == nil || term.Reason != "OOMKilled" || sts[0].RestartCount != 6 {
		t.Errorf("keycloak's status = %+v, want the OOMKilled termination and 6 restarts", sts[0])
	}
	if r := diagnose.Diagnose(in); r.Category != diagnose.OOMKilled {
		t.Errorf("category = %s, want oom_killed", r.Category)
	}
}

func TestEventsYAMLCutByGrep(t *testing.T) {
	// `grep -A2 message`: messages alone, their reasons inferred.
	in := pasteInput(t, "$ kubectl get events -o yaml | grep -A2 message\n  message: 'Error: secret \"worker-db\" not found'\n  metadata:\n    creationTimestamp: \"2026-12-01T10:01:09Z\"\n--\n  message: Back-off restarting failed container worker in pod worker-5d8_default(abc)\n  metadata:\n    creationTimestamp: \"2026-12-01T10:02:09Z\"\n")
	if r := diagnose.Diagnose(in); r.Category != diagnose.MissingConfigObject || len(r.Containers) == 0 || r.Containers[0].Container != "worker" {
		t.Errorf("grep -A2: got %s for %+v, want missing_config_object for worker", r.Category, r.Containers)
	}
	// `grep -B3 -A12`: a node's OOM event whose message is folded onto
	// three lines, and the pod's back-off.
	in = pasteInput(t, "    kind: Node\n    name: ip-10-0-3-17.ec2.internal\n  kind: Event\n  lastTimestamp: \"2026-12-01T10:14:22Z\"\n  message: 'Memory cgroup out of memory: Killed process 48213 (java) total-vm:5201312kB,\n    anon-rss:1046520kB, file-rss:18240kB, shmem-rss:0kB, UID:1000 pgtables:2480kB\n    oom_score_adj:985'\n  metadata:\n    name: ip-10-0-3-17.ec2.internal.17d2\n  reason: OOMKilling\n  type: Warning\n--\n    fieldPath: spec.containers{orders}\n    kind: Pod\n    name: orders-7c9d5-2kq9x\n  kind: Event\n  message: Back-off restarting failed container orders in pod orders-7c9d5-2kq9x_default(a1b2)\n  reason: BackOff\n  type: Warning\n")
	r := diagnose.Diagnose(in)
	if r.Category != diagnose.OOMKilled || len(r.Containers) == 0 || !strings.Contains(strings.Join(r.Containers[0].Evidence, "\n"), "oom_score_adj:985") {
		t.Errorf("grep -B3 -A12: got %s, evidence %+v, want oom_killed quoting the whole folded message", r.Category, r.Containers)
	}
	// A container status fragment is not read as events.
	if _, ok := parseEventsYAMLCut("    lastState:\n      terminated:\n        exitCode: 1\n        message: 'boom'\n        reason: Error\n"); ok {
		t.Error("a container status was read as events")
	}
}

func TestDockerWaitPrintsTheExitCode(t *testing.T) {
	in := pasteInput(t, "$ docker wait ocr-api\n139\n$ docker logs ocr-api\n[2024-05-01 10:00:02] INFO warming up 4 workers\n")
	if r := diagnose.Diagnose(in); r.Category != diagnose.Segfault {
		t.Errorf("docker wait's 139: got %s, want segfault", r.Category)
	}
	// A number on the line after another prompt is not an exit code.
	in = pasteInput(t, "$ docker logs ocr-api\n139\n")
	if r := diagnose.Diagnose(in); r.Category == diagnose.Segfault {
		t.Errorf("a log's bare 139 read as an exit code")
	}
}

func TestJSONPathPrintsAWindowsStatus(t *testing.T) {
	in := pasteInput(t, "$ kubectl get pod label-printer-5d6c -n warehouse -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'\n-1073741819\n")
	r := diagnose.Diagnose(in)
	if r.Category != diagnose.Segfault || len(r.Containers) == 0 || r.Containers[0].ExitCode == nil || *r.Containers[0].ExitCode != -1073741819 {
		t.Errorf("a printed Windows status: got %s, %+v", r.Category, r.Containers)
	}
}

func TestBrokenYAMLKeepsAPlainMessageWhole(t *testing.T) {
	in := pasteInput(t, "- lastTransitionTime: \"2024-05-14T15:10:02Z\"\n    containerStatuses:\n    - image: docker.io/bitnami/mongodb:7.0.11-debian-12-r0\n      name: mongodb\n      ready: false\n      state:\n        waiting:\n          message: couldn't find key mongodb-root-password in Secret data/mongo-auth\n          reason: CreateContainerConfigError\n")
	if r := diagnose.Diagnose(in); r.Category != diagnose.MissingConfigObject {
		t.Errorf("a waiting message as a plain YAML scalar in a cut pod: got %s (%s)", r.Category, r.Summary)
	}
}

func TestEventsOfManyPodsPickTheOneWithWarnings(t *testing.T) {
	in := pasteInput(t, "$ kubectl get events -A --sort-by=.lastTimestamp | tail -4\nreporting   3m    Warning   FailedMount   pod/report-gen-6c9d8f7b5-2xq4k   MountVolume.SetUp failed for volume \"templates\" : configmap \"report-templates\" not found\ndefault     2m    Normal    Pulled        pod/nginx-7f8c6d9b5-q2wkz        Container image \"nginx:1.25\" already present on machine\ndefault     2m    Normal    Started       pod/nginx-7f8c6d9b5-q2wkz        Started container nginx\n")
	if in.Pod.Name != "report-gen-6c9d8f7b5-2xq4k" {
		t.Errorf("pod = %q, want the one with the warning", in.Pod.Name)
	}
	if r := diagnose.Diagnose(in); r.Category != diagnose.MissingConfigObject {
		t.Errorf("category = %s, want missing_config_object", r.Category)
	}
}
