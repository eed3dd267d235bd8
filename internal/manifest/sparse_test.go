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
