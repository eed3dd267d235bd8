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

// A pod's containers cut from under its spec, then "..." and its status at
// the margin: each piece is read on its own and the two are merged.
func TestElidedSpecPieceAndStatus(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pod web-0 -o yaml
...
  containers:
  - name: nginx
    image: nginx:1.27
  - name: app
    image: shop/app:3.1
...
status:
  containerStatuses:
  - name: nginx
    ready: false
    restartCount: 9
    lastState:
      terminated:
        exitCode: 1
        reason: Error
        message: 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)'
  - name: app
    ready: true
    restartCount: 0
    state:
      running:
        startedAt: "2025-01-22T15:58:02Z"
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 2 || sts[0].LastTerminationState.Terminated == nil || !strings.Contains(sts[0].LastTerminationState.Terminated.Message, "Address already in use") {
		t.Fatalf("statuses = %+v, want both, nginx's with its message", sts)
	}
	if len(in.Pod.Spec.Containers) != 2 || in.Pod.Spec.Containers[1].Image != "shop/app:3.1" {
		t.Fatalf("containers = %+v, want the two from the spec's piece", in.Pod.Spec.Containers)
	}
}

// A pod's spec and status without apiVersion or kind, cut by "..." at the
// margin: the status below the cut is read.
func TestFragmentWithElisionAtMargin(t *testing.T) {
	in := pasteInput(t, `pod yaml (cut):

spec:
  containers:
  - name: app
    image: registry.example.com/web/frontend:3.1.0
...
status:
  containerStatuses:
  - name: app
    ready: false
    restartCount: 0
    state:
      waiting:
        message: 'container has runAsNonRoot and image has non-numeric user (node), cannot verify user is non-root'
        reason: CreateContainerConfigError
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].State.Waiting == nil || sts[0].State.Waiting.Reason != "CreateContainerConfigError" {
		t.Fatalf("statuses = %+v, want the waiting state below the \"...\"", sts)
	}
}

// `crictl inspect ID | jq .status` on the node: the runtime's status of the
// container (state, exit code, reason, attempt) is its last termination.
func TestCrictlInspectStatus(t *testing.T) {
	in := pasteInput(t, `$ sudo crictl inspect b7e41c0d9a22f | jq .status
{
  "id": "b7e41c0d9a22f3e8c1a6d5b4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4",
  "metadata": {
    "attempt": 9,
    "name": "indexer"
  },
  "state": "CONTAINER_EXITED",
  "exitCode": 137,
  "reason": "OOMKilled",
  "message": ""
}
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].Name != "indexer" || sts[0].RestartCount != 9 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.Reason != "OOMKilled" || sts[0].LastTerminationState.Terminated.ExitCode != 137 {
		t.Fatalf("statuses = %+v, want indexer's OOMKilled 137 after 9 attempts", sts)
	}
}
