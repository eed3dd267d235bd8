package manifest

import (
	"strings"
	"testing"
)

// `kubectl get pods -w` rows: an OOMKilled row, then the pod running
// again one restart later. The kill is how the last instance ended.
func TestWatchRowsRunningAfterOOMKilled(t *testing.T) {
	in := pasteInput(t, `$ kubectl -n logging get pods -w
NAME       READY   STATUS      RESTARTS       AGE
loki-0     1/1     Running     3 (9m ago)     41m
loki-0     0/1     OOMKilled   3 (10m ago)    42m
loki-0     0/1     CrashLoopBackOff   3 (1s ago)     42m
loki-0     0/1     Running            4 (13s ago)    42m
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("statuses = %+v, want lastState OOMKilled", sts)
	}
	// An OOM kill many restarts back is not how the last instance ended.
	in = pasteInput(t, `NAME       READY   STATUS      RESTARTS       AGE
loki-0     0/1     OOMKilled   1 (3h ago)     5h
loki-0     0/1     Running     9 (13s ago)    5h
`)
	if st := in.Pod.Status.ContainerStatuses; len(st) == 1 && st[0].LastTerminationState.Terminated != nil && st[0].LastTerminationState.Terminated.Reason == "OOMKilled" {
		t.Fatalf("an OOM kill eight restarts back read as the last end: %+v", st)
	}
}

// A status YAML after a sentence and a "..." line where the reporter left
// lines out: the "..." neither stops the block's dedent nor ends the YAML,
// so the multi-line quoted message is read whole.
func TestYAMLAfterElisionLine(t *testing.T) {
	in := pasteInput(t, `kubectl get pod edge-6c8d7f9b5-4wpkg -o yaml:
...
    lastState:
      terminated:
        exitCode: 128
        message: 'failed to create containerd task: failed to create shim task: OCI
          runtime create failed: runc create failed: unable to start container process:
          exec: "./server": stat ./server: no such file or directory: unknown'
        reason: StartError
    name: edge
    ready: false
    restartCount: 7
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil {
		t.Fatalf("statuses = %+v, want a last termination", sts)
	}
	if term := sts[0].LastTerminationState.Terminated; term.ExitCode != 128 || term.Reason != "StartError" || len(term.Message) < 100 {
		t.Fatalf("termination = %+v, want exit 128, StartError and the whole message", term)
	}
}

// kubectl describe prints a multi-line termination message as it is: its
// later lines at the margin, blank lines among them, then "Exit Code:".
// The message stays the state's, and so does the exit code below it.
func TestDescribeMessageWithBlankLines(t *testing.T) {
	in := pasteInput(t, `Containers:
  edge-router:
    Image:         registry.internal/platform/edge-router:4.2.0
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Message:      ugins loaded" count=0
panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x1c4d2a7]

goroutine 1 [running]:
main.main()
	/src/cmd/edge-router/main.go:74 +0x1f1

      Exit Code:    2
      Started:      Mon, 02 Dec 2024 10:15:33 +0000
      Finished:     Mon, 02 Dec 2024 10:15:33 +0000
    Ready:          False
    Restart Count:  5
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil {
		t.Fatalf("statuses = %+v, want one with a last termination", sts)
	}
	term := sts[0].LastTerminationState.Terminated
	if term.ExitCode != 2 || !strings.Contains(term.Message, "nil pointer dereference") || !strings.Contains(term.Message, "goroutine 1") {
		t.Fatalf("termination = %+v, want exit 2 and the whole message", term)
	}
}
