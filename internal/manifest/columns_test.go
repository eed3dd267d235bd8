package manifest

import "testing"

// TestCustomColumnsStatus: the rows a `-o custom-columns` prompt printed
// are read by the spec's paths, whatever the headers are called; the first
// row that waits or ended non-zero is read; a spec of other fields, or of
// an init container's, gives nothing.
func TestCustomColumnsStatus(t *testing.T) {
	in := "$ kubectl get pods -n maps -o custom-columns='NAME:.metadata.name,STATUS:.status.containerStatuses[0].state.waiting.reason,LAST:.status.containerStatuses[0].lastState.terminated.reason,EXIT:.status.containerStatuses[0].lastState.terminated.exitCode,RESTARTS:.status.containerStatuses[0].restartCount'\n" +
		"NAME                          STATUS             LAST    EXIT   RESTARTS\n" +
		"tile-render-6f7d8c9b5-2mxkq   <none>             <none>  <none> 0\n" +
		"tile-render-6f7d8c9b5-9tq4w   CrashLoopBackOff   Error   139    21\n\nprevious logs end there\n"
	pod, ok := customColumnsStatus(in)
	if !ok || pod.Name != "tile-render-6f7d8c9b5-9tq4w" || len(pod.Status.ContainerStatuses) != 1 {
		t.Fatalf("got %v %+v", ok, pod)
	}
	st := pod.Status.ContainerStatuses[0]
	if st.State.Waiting == nil || st.State.Waiting.Reason != "CrashLoopBackOff" || st.LastTerminationState.Terminated == nil ||
		st.LastTerminationState.Terminated.ExitCode != 139 || st.LastTerminationState.Terminated.Reason != "Error" || st.RestartCount != 21 {
		t.Errorf("status %+v", st)
	}
	for _, none := range []string{
		"$ kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName\nNAME NODE\napi-1 node-a\n",
		"$ kubectl get pod p -o custom-columns=INIT:.status.initContainerStatuses[0].state.terminated.reason\nINIT\nCompleted\n",
		"I ran it with -o custom-columns=NAME:.metadata.name,EXIT:.status.containerStatuses[0].lastState.terminated.exitCode\nNAME EXIT\napi-1 1\n",
	} {
		if pod, ok := customColumnsStatus(none); ok {
			t.Errorf("%q read as %+v", none, pod)
		}
	}
	// The whole paste: the row's exit code reaches the input.
	got := pastedInput(t, in)
	if len(got.Pod.Status.ContainerStatuses) != 1 || got.Pod.Status.ContainerStatuses[0].LastTerminationState.Terminated == nil ||
		got.Pod.Status.ContainerStatuses[0].LastTerminationState.Terminated.ExitCode != 139 {
		t.Errorf("input statuses %+v", got.Pod.Status.ContainerStatuses)
	}
}
