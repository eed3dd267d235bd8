package manifest

import "testing"

// A log line whose words end in a colon ("[09:02:11] running: ocrmypdf
// ...") is not a container status key: the row's CrashLoopBackOff stands.
func TestLogLineIsNotAStatusKey(t *testing.T) {
	in := pasteInput(t, `$ kubectl logs -n scan ocr-batch-7f8d6c5b9-w2q4z --previous
[2025-04-14 09:02:11] starting ocr loop, input=/spool/in output=/spool/out
[2025-04-14 09:02:11] running: ocrmypdf --skip-text -l eng /spool/in/a.pdf /spool/out/a.pdf

The program 'tesseract' could not be executed or was not found on your
system PATH.

[2025-04-14 09:02:12] ocrmypdf exited with 3, giving up

$ kubectl get pods -n scan
NAME                         READY   STATUS             RESTARTS      AGE
ocr-batch-7f8d6c5b9-w2q4z    0/1     CrashLoopBackOff   6 (2m ago)    9m
`)
	for _, st := range in.Pod.Status.ContainerStatuses {
		if st.State.Running != nil {
			t.Fatalf("statuses = %+v: a log line read as a running state", in.Pod.Status.ContainerStatuses)
		}
	}
}

// yq's stream of one object per container, without separators: each
// "name:" opens a container's status, and the OOM-killed one is read.
func TestYqStreamOfContainerStatuses(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pod ksm-6f9b7c5d84-xk2wr -o yaml | yq '.status.containerStatuses[] | {"name": .name, "restartCount": .restartCount, "lastState": .lastState}'
name: kube-rbac-proxy-main
restartCount: 38
lastState:
  terminated:
    exitCode: 137
    reason: OOMKilled
name: kube-rbac-proxy-self
restartCount: 0
lastState: {}
name: kube-state-metrics
restartCount: 0
lastState: {}
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 3 {
		t.Fatalf("statuses = %+v, want three", sts)
	}
	if st := sts[0]; st.Name != "kube-rbac-proxy-main" || st.RestartCount != 38 || st.LastTerminationState.Terminated == nil || st.LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("first status = %+v, want kube-rbac-proxy-main OOM-killed with 38 restarts", st)
	}
}

// A jsonpath of an init container's last termination, beside a row that
// says an init container loops: the termination is that init container's,
// with the row's restarts.
func TestInitTerminationByJSONPath(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pods -n news
NAME                       READY   STATUS                  RESTARTS      AGE
news-wp-5c8d7b9f6-lq2hx    0/2     Init:CrashLoopBackOff   5 (67s ago)   5m58s

$ kubectl get pod news-wp-5c8d7b9f6-lq2hx -n news -o jsonpath='{.status.initContainerStatuses[0].lastState.terminated}'
{"containerID":"containerd://0b9a8f7e6d5c","exitCode":139,"finishedAt":"2025-11-18T10:41:22Z","reason":"Error","startedAt":"2025-11-18T10:41:21Z"}
`)
	st := in.Pod.Status
	if len(st.InitContainerStatuses) != 1 || len(st.ContainerStatuses) != 0 {
		t.Fatalf("statuses: init %+v, app %+v; want one init container's", st.InitContainerStatuses, st.ContainerStatuses)
	}
	if s := st.InitContainerStatuses[0]; s.RestartCount != 5 || s.LastTerminationState.Terminated == nil || s.LastTerminationState.Terminated.ExitCode != 139 {
		t.Fatalf("init status = %+v, want exit 139 and 5 restarts", s)
	}
}

// A describe cut by grep to an init container's Last State, without its
// "Init Containers:" heading, beside a row whose init container loops: the
// described container is that init container.
func TestInitLastStateCutFromDescribe(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pods -n nhost
NAME                       READY   STATUS                  RESTARTS      AGE
hasura-5f9b8c7d6-xn4tm     0/1     Init:CrashLoopBackOff   5 (19s ago)   4m12s

$ kubectl describe pod hasura-5f9b8c7d6-xn4tm -n nhost | grep -A8 'Init Containers:' | tail -7
  migrate:
    Container ID:  containerd://7f5d3b1a9c7e
    Image:         nhost/graphql-engine:v2.44.0
    Image ID:      docker.io/nhost/graphql-engine@sha256:6e8a0c2e4f6b
    Port:          <none>
    Host Port:     <none>
    Command:

$ kubectl describe pod hasura-5f9b8c7d6-xn4tm -n nhost | grep -A4 'Last State'
    Last State:     Terminated
      Reason:       StartError
      Message:      failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "hasura": executable file not found in $PATH: unknown
`)
	st := in.Pod.Status
	if len(st.InitContainerStatuses) != 1 || len(st.ContainerStatuses) != 0 || st.InitContainerStatuses[0].LastTerminationState.Terminated == nil {
		t.Fatalf("statuses: init %+v, app %+v; want the termination on the one init container", st.InitContainerStatuses, st.ContainerStatuses)
	}
}

// A console's container panel copied as text (label and value cells, no
// colons) gives the container's last termination and restarts; a log with
// a "Status" line does not.
func TestConsolePanelCells(t *testing.T) {
	in := pasteInput(t, `bucket-sync
Image            minio/mc:RELEASE.2025-01-17T23-25-50Z
Status           Waiting · CrashLoopBackOff
Last State       Terminated
Reason           Completed
Exit Code        0
Restart Count    12
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].RestartCount != 12 || sts[0].State.Waiting == nil || sts[0].State.Waiting.Reason != "CrashLoopBackOff" ||
		sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.ExitCode != 0 || sts[0].LastTerminationState.Terminated.Reason != "Completed" {
		t.Fatalf("Headlamp's cells: statuses = %+v", sts)
	}
	in = pasteInput(t, `State               Waiting
Restarts            14
Last state
  Terminated   Reason: Completed
  Exit code    0
`)
	sts = in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].RestartCount != 14 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.ExitCode != 0 {
		t.Fatalf("OpenShift's cells: statuses = %+v", sts)
	}
	if pod, ok := consoleStatus("Status    OK\nReason    none given\nuploading 12 files\n"); ok {
		t.Fatalf("a log's Status line read as a panel: %+v", pod.Status)
	}
}
