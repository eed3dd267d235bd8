package manifest

import (
	"strings"
	"testing"
)

// A chat app's curly quotes are read as the straight ones the kubelet
// printed.
func TestCurlyQuotes(t *testing.T) {
	in := pastedInput(t, "Events:\n  Type     Reason  Age                From     Message\n  ----     ------  ----               ----     -------\n  Warning  Failed  2m (x9 over 4m)    kubelet  Error: couldn’t find key DATABASE_URL in Secret orders/orders-api-env\n")
	if len(in.Events) != 1 || !strings.Contains(in.Events[0].Message, "couldn't find key DATABASE_URL") {
		t.Fatalf("events %+v", in.Events)
	}
	if got := straightQuotes("“quoted” and ‘single’"); got != `"quoted" and 'single'` {
		t.Errorf("straightQuotes = %q", got)
	}
}

// An operator's resource described with the error of what it ran in its
// status: that error is read as a log.
func TestDescribeErrorMessage(t *testing.T) {
	_, _, rest := parseDescribe("Status:\n  Application State:\n    Error Message:  failed to run spark-submit for SparkApplication etl/daily: Exception in thread \"main\" io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at:\n    State:          SUBMISSION_FAILED\n  Submission Attempts:  4\n")
	if !strings.Contains(rest, "KubernetesClientException") || strings.Contains(rest, "SUBMISSION_FAILED") {
		t.Errorf("rest = %q", rest)
	}
	if _, _, rest := parseDescribe("Name:  web-0\nStatus:  Running\n  Labels:  app=web\n"); rest != "" {
		t.Errorf("a pod's describe left %q", rest)
	}
}

// A describe's Message and an events table's rows cut at a terminal's
// width are joined back, also when a message runs over three lines.
func TestTerminalWrappedDescribeAndEvents(t *testing.T) {
	in := pastedInput(t, "    Last State:     Terminated\n      Reason:       Error\n      Message:      2025/03/14 07:02:11 hls-origin: listen tcp 0.0.0.0:1935: bin\nd: address already in use\n      Exit Code:    1\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || !strings.Contains(st[0].LastTerminationState.Terminated.Message, "bind: address already in use") {
		t.Fatalf("statuses %+v", st)
	}
	in = pastedInput(t, "LAST SEEN   TYPE      REASON    OBJECT                       MESSAGE\n68s         Warning   Failed    pod/worker-5d8c7b9f6-qn2tz   Error: failed to cr\neate containerd task: failed to create shim task: OCI runtime create failed: run\nc create failed: unable to start container process: exec: \"/opt/worker/bin/work\ner\": stat /opt/worker/bin/worker: no such file or directory: unknown\n")
	if len(in.Events) != 1 || !strings.Contains(in.Events[0].Message, `exec: "/opt/worker/bin/worker": stat`) {
		t.Fatalf("events %+v", in.Events)
	}
}
