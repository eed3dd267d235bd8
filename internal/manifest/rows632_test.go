package manifest

import (
	"strings"
	"testing"
)

// A namespace's events cut by grep to a Job's name, without the header:
// the Job's rows name the workload, the pods' rows the pod diagnosed.
func TestJobRowsBesidePodRows(t *testing.T) {
	in := pasteInput(t, `$ kubectl get events -n ml --sort-by=.lastTimestamp | grep embed-backfill
9m4s        Normal    SuccessfulCreate       job/embed-backfill         Created pod: embed-backfill-4rjxp
8m41s       Normal    Created                pod/embed-backfill-4rjxp   Created container: embed
8m40s       Warning   Failed                 pod/embed-backfill-4rjxp   Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "python": executable file not found in $PATH: unknown
6m10s       Warning   BackoffLimitExceeded   job/embed-backfill         Job has reached the specified backoff limit
`)
	if in.Pod.Name != "embed-backfill-4rjxp" {
		t.Fatalf("pod %q, want the Job's pod embed-backfill-4rjxp", in.Pod.Name)
	}
	found := false
	for _, e := range in.Events {
		found = found || strings.Contains(e.Message, "executable file not found")
	}
	if !found {
		t.Errorf("the pod's Failed event was dropped: %+v", in.Events)
	}
}

// The head of a describe (Name, Namespace, Labels, Annotations with their
// continuation lines) cut from its containers by a blank line is describe
// text: its annotations are no log.
func TestDescribeHeadIsNoLog(t *testing.T) {
	in := pasteInput(t, `Name:   calico-node-466p4
Namespace:  kube-system
Node:   ip-10-1-2-3.company.com/10.1.2.3
Start Time: Wed, 02 May 2018 10:30:55 -0400
Labels:   controller-revision-hash=1732170019
    k8s-app=calico-node
Annotations:  scheduler.alpha.kubernetes.io/critical-pod=

Status:   Running
IP:   10.1.2.3
Containers:
  calico-node:
    Image:    calico/node:v3.0.1
    State:    Waiting
      Reason:   CrashLoopBackOff
    Last State:   Terminated
      Reason:   Error
      Exit Code:  1
`)
	for name, l := range in.Logs {
		if strings.Contains(l, "critical-pod") || strings.Contains(l, "k8s-app=") {
			t.Errorf("describe's head read as the log of %q: %q", name, l)
		}
	}
}
