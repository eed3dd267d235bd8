package manifest

import (
	"strings"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// A whole pod YAML with "..." where the reporter cut lines between its
// spec and its status: at the margin "..." is YAML's document end, which
// would drop the status (and its OOM kill) without an error.
func TestPodYAMLWithElisionBeforeStatus(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pod api-7d9c8b7f5-x2x9k -o yaml
apiVersion: v1
kind: Pod
metadata:
  name: api-7d9c8b7f5-x2x9k
  namespace: shop
spec:
  containers:
  - name: api
    image: shop/api:2.3.1
...
status:
  containerStatuses:
  - name: api
    ready: false
    restartCount: 14
    lastState:
      terminated:
        exitCode: 137
        reason: OOMKilled
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("statuses = %+v, want the OOMKilled last state below the \"...\"", sts)
	}
	if in.Pod.Spec.Containers[0].Image != "shop/api:2.3.1" {
		t.Fatalf("spec = %+v, want the container above the \"...\"", in.Pod.Spec.Containers)
	}
}

// Cloud Logging's jsonPayload from a structured logger keeps the trace
// beside the message (stack_trace): its "Caused by:" is part of the log.
func TestJSONPayloadStackTrace(t *testing.T) {
	in := pasteInput(t, `{
  "jsonPayload": {
    "level": "ERROR",
    "message": "failed to start gRPC server on port 9090",
    "stack_trace": "java.io.IOException: Failed to bind to address 0.0.0.0/0.0.0.0:9090\n\tat io.grpc.netty.NettyServer.start(NettyServer.java:328)\nCaused by: java.net.BindException: Address already in use\n"
  },
  "resource": {"type": "k8s_container", "labels": {"pod_name": "router-5c9d7b8f6-k2xqw", "container_name": "router"}},
  "severity": "ERROR"
}
`)
	found := false
	for _, l := range in.Logs {
		found = found || strings.Contains(l, "failed to start gRPC server") && strings.Contains(l, "Caused by: java.net.BindException: Address already in use")
	}
	if !found {
		t.Fatalf("logs = %q, want the message and its stack trace", in.Logs)
	}
}

// A jq of the status the prompt printed for one pod, beside a `get pods`
// of its dependency: the prompt's pod is the one diagnosed, not the
// neighbour's row.
func TestPromptPodBesideNamelessStatusAndNeighbourRows(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pod notifier-7c8b9d6f5-lm2qx -o json | jq '.status.containerStatuses[0].lastState.terminated | {exitCode, reason}'
{
  "exitCode": 1,
  "reason": "Error"
}

$ kubectl get pods -l app.kubernetes.io/name=rabbitmq
NAME                READY   STATUS    RESTARTS   AGE
rabbitmq-server-0   0/1     Running   0          2m
`)
	if in.Pod.Name != "notifier-7c8b9d6f5-lm2qx" {
		t.Fatalf("pod %q, want the prompt's notifier-7c8b9d6f5-lm2qx", in.Pod.Name)
	}
}

// describe's Events pasted below a sidecar's `kubectl logs -c envoy`
// (whose log is set aside as a proxy's) are the pod's events, not that log.
func TestEventsBelowSidecarLogs(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pod quotes-7b9d8c6f5-m4tnz -n quotes
NAME                      READY   STATUS     RESTARTS   AGE
quotes-7b9d8c6f5-m4tnz    0/2     Init:0/1   0          11m

$ kubectl logs quotes-7b9d8c6f5-m4tnz -n quotes -c envoy
Error from server (BadRequest): container "envoy" in pod "quotes-7b9d8c6f5-m4tnz" is waiting to start: PodInitializing

Events:
  Type     Reason       Age                  From               Message
  ----     ------       ----                 ----               -------
  Warning  FailedMount  2m3s (x13 over 11m)  kubelet            MountVolume.SetUp failed for volume "envoy-config" : configmap "envoy-bootstrap" not found
`)
	if len(in.Events) != 1 || in.Events[0].Reason != "FailedMount" {
		t.Fatalf("events = %+v, want the FailedMount below the sidecar's log", in.Events)
	}
}

// A jsonpath prompt that prints the last termination's reason alone:
// "Completed" is an exit 0, recorded as such.
func TestJSONPathPrintedReason(t *testing.T) {
	in := pasteInput(t, `$ kubectl get events -n web --field-selector involvedObject.name=landing-6f8b9c7d5-zx2kp
LAST SEEN   TYPE      REASON    OBJECT                        MESSAGE
40s         Warning   BackOff   pod/landing-6f8b9c7d5-zx2kp   Back-off restarting failed container render-config in pod landing-6f8b9c7d5-zx2kp_web(7f8e9d0c-1b2a-4394-8576-a5b4c3d2e1f0)

$ kubectl get pod landing-6f8b9c7d5-zx2kp -n web -o jsonpath='{.status.containerStatuses[?(@.name=="render-config")].lastState.terminated.reason}'
Completed
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.Reason != "Completed" || sts[0].LastTerminationState.Terminated.ExitCode != 0 {
		t.Fatalf("statuses = %+v, want a last termination Completed, exit 0", sts)
	}
}

// A migration run's log that ends as a finished task, beside a database
// pod that runs: the task finished; the database is no suspect.
func TestFinishedTaskBesideRunningDatabase(t *testing.T) {
	in := pasteInput(t, `$ kubectl logs api-migrate-6d8b9c7f5-xq4mz --previous
Prisma schema loaded from prisma/schema.prisma
Datasource "db": PostgreSQL database "shop", schema "public" at "postgres:5432"

12 migrations found in prisma/migrations

No pending migrations to apply.

$ kubectl get pods
NAME                           READY   STATUS             RESTARTS      AGE
api-migrate-6d8b9c7f5-xq4mz    0/1     CrashLoopBackOff   7 (2m ago)    14m
postgres-0                     1/1     Running            0             3d
`)
	if r := diagnose.Diagnose(in); r.Category != diagnose.Completed {
		t.Fatalf("got %s: %s", r.Category, r.Summary)
	}
}
