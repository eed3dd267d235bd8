package manifest

import (
	"strings"
	"testing"
)

// A container's spec pasted without its "containers:" key and a describe
// block of it whose name reads as an init container's ("init-dirs") are
// one container; under the row's plain CrashLoopBackOff it is an app
// container, not an app container and an init container of one name.
func TestOneContainerReadTwice(t *testing.T) {
	spec := "        - name: init-dirs\n          image: apache/hadoop:3.3.6\n          command: [\"bash\", \"-c\"]\n\n"
	row := "$ kubectl -n hdfs get pod hdfs-namenode-0\nNAME              READY   STATUS             RESTARTS        AGE\nhdfs-namenode-0   1/2     CrashLoopBackOff   14 (2m41s ago)  51m\n\n"
	desc := "  init-dirs:\n    Image:         apache/hadoop:3.3.6\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n    Restart Count:  14\n"
	in := pastedInput(t, spec+row+desc)
	st, init := in.Pod.Status.ContainerStatuses, in.Pod.Status.InitContainerStatuses
	if len(st) != 1 || len(init) != 0 || st[0].Name != "init-dirs" || st[0].LastTerminationState.Terminated == nil {
		t.Errorf("statuses %+v / init %+v", st, init)
	}
}

// The current log of the CSI livenessprobe sidecar is its failing checks
// of the driver, set aside even as the paste's only log; its previous
// log is its own crash.
func TestCheckerSidecarLog(t *testing.T) {
	for _, tc := range []struct {
		prompt string
		noise  bool
	}{
		{"$ kubectl -n kube-system logs ebs-csi-controller-7d96b8c5f9-6mxtl -c liveness-probe | tail -3", true},
		{"$ kubectl -n kube-system logs ebs-csi-controller-7d96b8c5f9-6mxtl -c liveness-probe --previous", false},
		{"$ kubectl -n kube-system logs ebs-csi-controller-7d96b8c5f9-6mxtl -c ebs-plugin | tail -3", false},
	} {
		text := tc.prompt + "\nE0321 14:30:52.118402       1 main.go:77] \"Health check failed\" err=\"rpc error: code = DeadlineExceeded desc = context deadline exceeded\"\n"
		for _, seg := range segments(text) {
			if strings.Contains(seg.text, "Health check failed") && seg.noise != tc.noise {
				t.Errorf("%s: set aside %v, want %v", tc.prompt, seg.noise, tc.noise)
			}
		}
	}
}
