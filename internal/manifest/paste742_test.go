package manifest

import (
	"strings"
	"testing"
)

// A logs command written as a heading ("kubectl logs --previous:") heads
// the crashed instance's log, and its first line ("Operations to
// perform:") is the log's, not a heading of another component.
func TestLogsHeadingWithColon(t *testing.T) {
	text := "NAME                            READY   STATUS             RESTARTS       AGE\nflagsmith-api-7b5c8d9f4-xq2lm   0/1     CrashLoopBackOff   9 (2m11s ago)  24m\n\n" +
		"deployment snippet:\n\n      containers:\n        - name: flagsmith-api\n          args: [\"migrate\"]\n\n" +
		"kubectl logs --previous:\nOperations to perform:\n  Apply all migrations: admin, api_keys, audit\nRunning migrations:\n  No migrations to apply.\n"
	for _, seg := range segments(text) {
		if strings.Contains(seg.text, "No migrations to apply.") && (seg.format != FormatLog || seg.noise) {
			t.Errorf("the log read as %s (set aside: %v)", seg.format, seg.noise)
		}
	}
}

// A container described alone whose name reads as an init container's
// ("ch-init") is an app container when the pod's row says plain
// CrashLoopBackOff, not Init:CrashLoopBackOff.
func TestInitLikeNameInAppContainers(t *testing.T) {
	row := "NAME          READY   STATUS             RESTARTS      AGE\nplausible-0   1/2     CrashLoopBackOff   8 (41s ago)   17m\n\n"
	desc := "  ch-init:\n    Image:         clickhouse/clickhouse-server:24.3\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n    Restart Count:  8\n"
	in := pastedInput(t, row+desc)
	if len(in.Pod.Status.ContainerStatuses) != 1 || len(in.Pod.Status.InitContainerStatuses) != 0 {
		t.Fatalf("statuses %+v / init %+v", in.Pod.Status.ContainerStatuses, in.Pod.Status.InitContainerStatuses)
	}
	in = pastedInput(t, strings.Replace(row, "1/2     CrashLoopBackOff", "0/1     Init:CrashLoopBackOff", 1)+desc)
	if len(in.Pod.Status.InitContainerStatuses) != 1 {
		t.Errorf("an init container under Init:CrashLoopBackOff: init %+v", in.Pod.Status.InitContainerStatuses)
	}
}

// The pod's evicted Message ends at the "Containers:" key below it, even
// when the Message is as long as a terminal's width.
func TestPodMessageEndsAtTopKey(t *testing.T) {
	in := pastedInput(t, "Name:             gl-runner-6c9b7d8f5-hq7tl\nNamespace:        ci\nStatus:           Failed\nReason:           Evicted\nMessage:          Container runner exceeded its local ephemeral storage limit \"2Gi\". \nContainers:\n  runner:\n    State:          Terminated\n      Reason:       ContainerStatusUnknown\n      Exit Code:    137\n")
	if got := in.Pod.Status.Message; strings.Contains(got, "Containers") {
		t.Errorf("message %q", got)
	}
}

// Event rows under a lower-case "events:" after a pod's YAML are events.
func TestLowerCaseEventsHeading(t *testing.T) {
	in := pastedInput(t, "status:\n  containerStatuses:\n  - name: consul\n    ready: false\n    restartCount: 0\n    state:\n      waiting:\n        reason: ContainerCreating\n  phase: Pending\n\n"+
		"events:\n  Warning  FailedMount  MountVolume.SetUp failed for volume \"extra-config\" : configmap \"consul-client-config\" not found\n")
	found := false
	for _, e := range in.Events {
		found = found || strings.Contains(e.Message, "consul-client-config")
	}
	if !found {
		t.Errorf("events %+v", in.Events)
	}
}

// kubectl's jsonpath of a state object as older releases printed it, in
// Go's map form, is read as the state.
func TestGoMapState(t *testing.T) {
	in := pastedInput(t, "$ kubectl get pod db-backup-5d7f -o jsonpath='{.status.containerStatuses[0].lastState}'\nmap[terminated:map[containerID:docker://0d3e5b8a exitCode:0 finishedAt:2019-02-22T15:19:48Z reason:Completed startedAt:2019-02-22T15:19:31Z]]\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "Completed" || st[0].LastTerminationState.Terminated.ExitCode != 0 {
		t.Fatalf("statuses %+v", st)
	}
	lines := goMapStates([]string{"map[waiting:map[message:back-off 5m0s restarting failed container reason:CrashLoopBackOff]]"})
	if !strings.Contains(lines[0], `"reason":"CrashLoopBackOff"`) || !strings.Contains(lines[0], `"message":"back-off 5m0s restarting failed container"`) {
		t.Errorf("waiting: %s", lines[0])
	}
}
