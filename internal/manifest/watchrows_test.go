package manifest

import "testing"

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
