package manifest

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestReadPrompts(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want promptNames
	}{
		{"$ kubectl logs api-7d9f -n payments --previous\n", promptNames{pod: "api-7d9f", namespace: "payments", logsOf: "api-7d9f"}},
		{"kubectl -n shop logs -p web-1 -c app\n", promptNames{pod: "web-1", namespace: "shop", container: "app", logsOf: "web-1"}},
		{"[root@m1 ~]# kubectl describe pod web-1 --namespace=shop\n", promptNames{pod: "web-1", namespace: "shop"}},
		{"$ oc describe pod/web-1\n", promptNames{pod: "web-1"}},
		{"$ kubectl get pods -n shop\n$ kubectl logs web-1 --tail 50\n", promptNames{pod: "web-1", namespace: "shop", logsOf: "web-1"}},
		{"$ kubectl logs deploy/web -n shop\n", promptNames{namespace: "shop", logsOf: "web"}},
		{"$ kubectl logs <pod-name>\n", promptNames{}},
		{"$ kubectl logs -l app=web --tail 20 | grep error\n", promptNames{}},
		{"$ kubectl get pods\n", promptNames{}},
		{"the logs say kubectl logs is empty\n", promptNames{}},
		{"$ kubectl get pod web-1 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'\n137\n", promptNames{pod: "web-1", exitCode: 137, hasExit: true, lastState: true}},
		{"$ kubectl get pod job-1 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'\nCompleted 0\n", promptNames{pod: "job-1", exitCode: 0, hasExit: true, lastState: true}},
		{"$ kubectl get pod job-1 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}'\nCompleted/0\n", promptNames{pod: "job-1", exitCode: 0, hasExit: true, lastState: true}},
		{"$ kubectl get pod web-1 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'\n/app/run.sh\n", promptNames{pod: "web-1"}},
		// A range the template spells in a way not read gives no exit code.
		{"$ kubectl get pod ingest-7d8f -o jsonpath='{range}{.name}{.lastState.terminated.exitCode}'\ningest 132\n", promptNames{pod: "ingest-7d8f"}},
		// An init container's Completed 0 is no exit of the container that loops.
		{"$ kubectl -n hr get pod payroll-6b9c -o jsonpath='{range .status.initContainerStatuses[*]}{.name}{\" \"}{.state.terminated.reason}{\" \"}{.state.terminated.exitCode}{\"\\n\"}{end}'\nwait-for-oracle Completed 0\n", promptNames{pod: "payroll-6b9c", namespace: "hr"}},
		// A range over the containers prints a row for each, the name first.
		{"$ kubectl get pod ingest-7d8f -o jsonpath='{range .status.containerStatuses[*]}{.name}{\"\\t\"}{.lastState.terminated.exitCode}{\"\\t\"}{.lastState.terminated.reason}{\"\\n\"}{end}'\nistio-proxy\t0\tCompleted\ningest\t132\tError\n", promptNames{pod: "ingest-7d8f", container: "ingest", exitCode: 132, hasExit: true, lastState: true}},
		{"$ kubectl get pod job-1 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'\nerror: pod not found\n", promptNames{pod: "job-1"}},
		{"$ kubectl logs web-1 -c nginx --tail=1\n$ kubectl logs web-1 -c web --previous\n", promptNames{pod: "web-1", container: "web", logsOf: "web-1"}},
		{"$ kubectl logs web-1 -c nginx --previous\n", promptNames{pod: "web-1", container: "nginx", logsOf: "web-1"}},
		// kubectl's usual alias.
		{"$ k -n ci logs boskos-0\n", promptNames{pod: "boskos-0", namespace: "ci", logsOf: "boskos-0"}},
		{"$ kubectl run ubuntu --image=ubuntu:18.04\n", promptNames{run: runPrompt{image: "ubuntu:18.04"}}},
		{"$ kubectl run test --image busybox:1.36 --restart=Never --command -- sleep 30\n", promptNames{run: runPrompt{image: "busybox:1.36", restart: "Never", args: []string{"sleep", "30"}, command: true}}},
		// `kubectl create deployment ... -- CMD` gives the container's command.
		{"$ kubectl create deployment gpu-test --image=nvidia/cuda:12.4.1-base-ubuntu22.04 -- nvidia-smi\n", promptNames{run: runPrompt{image: "nvidia/cuda:12.4.1-base-ubuntu22.04", args: []string{"nvidia-smi"}, command: true}}},
		// A sentence about a command names no pod ("shows" is no pod).
		{"kubectl logs shows nothing at all.\n", promptNames{}},
		// A throwaway pod to look at a volume with is not the one that crashes.
		{"$ kubectl run -it --rm lsdebug --image=busybox -n llm\n", promptNames{namespace: "llm"}},
	} {
		if got := readPrompts(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

// A paste of a log after its `kubectl logs` prompt names the pod and the
// namespace the suggested commands use.
func TestPromptNamesThePod(t *testing.T) {
	in := pastedInput(t, "$ kubectl logs api-7d9f -n payments -c server --previous\nError: connect ECONNREFUSED 10.0.0.5:5432\n")
	if in.Pod.Name != "api-7d9f" || in.Pod.Namespace != "payments" {
		t.Errorf("pod %s/%s, want payments/api-7d9f", in.Pod.Namespace, in.Pod.Name)
	}
	if len(in.Pod.Spec.Containers) != 1 || in.Pod.Spec.Containers[0].Name != "server" {
		t.Errorf("containers %+v, want one named server", in.Pod.Spec.Containers)
	}
}

// A `kubectl run` prompt says what the pod it made runs, which the
// pasted status does not: the image (a bare OS image finishes at once),
// the arguments after "--" and the restart policy.
func TestRunPromptFillsTheSpec(t *testing.T) {
	const rows = "NAME                      READY   STATUS             RESTARTS   AGE\nubuntu-5d8f6b7c94-kd8xs   0/1     CrashLoopBackOff   4          2m\n"
	in := pastedInput(t, "$ kubectl run ubuntu --image=ubuntu:18.04\ndeployment.apps/ubuntu created\n\n$ kubectl get pods\n"+rows)
	if c := in.Pod.Spec.Containers; len(c) != 1 || c[0].Image != "ubuntu:18.04" || len(c[0].Args) != 0 {
		t.Fatalf("containers %+v, want one running ubuntu:18.04 with no arguments", c)
	}
	in = pastedInput(t, "$ kubectl run web --image=nginx:1.27 --restart=Always -- nginx -g 'daemon off;'\n$ kubectl get pods\nNAME   READY   STATUS   RESTARTS   AGE\nweb    0/1     Error    3          1m\n")
	c := in.Pod.Spec.Containers
	if len(c) != 1 || c[0].Image != "nginx:1.27" || len(c[0].Args) != 3 || c[0].Args[0] != "nginx" || c[0].Args[2] != "daemon off;" || len(c[0].Command) != 0 || in.Pod.Spec.RestartPolicy != "Always" {
		t.Fatalf("containers %+v, restart policy %q", c, in.Pod.Spec.RestartPolicy)
	}
	// A pasted spec that names its own image keeps it.
	in = pastedInput(t, "$ kubectl run ubuntu --image=ubuntu:18.04\n$ kubectl get pod ubuntu -o yaml\nspec:\n  containers:\n  - name: ubuntu\n    image: ubuntu:22.04\nstatus:\n  phase: Running\n")
	if c := in.Pod.Spec.Containers; len(c) != 1 || c[0].Image != "ubuntu:22.04" {
		t.Fatalf("containers %+v, want the pasted spec's image", c)
	}
}

// The arguments after `--` are split as a shell would: a quoted script is
// one argument, without its quotes.
func TestJoinQuoted(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{`sh -c 'for i in 1 2 3; do echo "line $i"; done'`, []string{"sh", "-c", `for i in 1 2 3; do echo "line $i"; done`}},
		{`sleep 3600`, []string{"sleep", "3600"}},
		{`echo "hello"`, []string{"echo", "hello"}},
		{`sh -c 'unterminated script`, []string{"sh", "-c", "unterminated script"}},
	} {
		if got := joinQuoted(strings.Fields(tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRangeRowsWithEmptyCells: a jsonpath range with " " between its
// fields leaves a container that never terminated with empty cells ("crm
// 0  "); the rows after it are still read.
func TestRangeRowsWithEmptyCells(t *testing.T) {
	in := pastedInput(t, "$ kubectl get pod crm-7d8c9b6f5-x2wlq -o jsonpath='{range .status.containerStatuses[*]}{.name}{\" \"}{.restartCount}{\" \"}{.lastState.terminated.reason}{\" \"}{.lastState.terminated.exitCode}{\"\\n\"}{end}'\ncrm 0  \nschema-migrator 37 Completed 0\n")
	var found bool
	for _, st := range in.Pod.Status.ContainerStatuses {
		if t := st.LastTerminationState.Terminated; t != nil && t.ExitCode == 0 {
			found = true
		}
	}
	if !found {
		t.Fatalf("the migrator's exit 0 is not read: %+v", in.Pod.Status.ContainerStatuses)
	}
}

// TestGreppedDescribeLines: describe's state lines that grep kept
// ("Reason: Completed", "Exit Code: 0") are describe output, not a log.
func TestGreppedDescribeLines(t *testing.T) {
	if f := Detect([]byte("      Reason:       CrashLoopBackOff\n      Reason:       Completed\n      Exit Code:    0\n")); f != FormatDescribe {
		t.Fatalf("grepped describe lines detected as %v", f)
	}
	// Prose before them keeps the paragraph a log's.
	if f := Detect([]byte("We enabled readOnlyRootFilesystem: true across the namespace (policy). It fails:\n      Reason:       Error\n      Exit Code:    134\n")); f == FormatDescribe {
		t.Fatalf("prose with two describe lines detected as describe")
	}
}
