package manifest

import "testing"

// A row that restarted every few minutes over its age ("2/2 Running 108
// 12h", from a kubectl too old to print when) is looping between its
// crashes; a few restarts over days are not.
func TestRowRestartedOftenForItsAge(t *testing.T) {
	in := pasteInput(t, `NAME                              READY     STATUS    RESTARTS   AGE
portus-portus-84dfd755b4-nk82m    2/2       Running   108        12h
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil {
		t.Fatalf("statuses = %+v, want a last termination for 108 restarts in 12h", sts)
	}
	in = pasteInput(t, `NAME                              READY     STATUS    RESTARTS   AGE
portus-portus-84dfd755b4-nk82m    2/2       Running   6          31d
`)
	if sts := in.Pod.Status.ContainerStatuses; len(sts) == 1 && sts[0].LastTerminationState.Terminated != nil {
		t.Fatalf("six restarts in a month read as a loop: %+v", sts)
	}
}

// A jsonpath that prints the command and then the exit code, each ended by
// {"\n"}: the code is the second line of its output.
func TestJSONPathExitCodeAfterOtherFields(t *testing.T) {
	in := pasteInput(t, `$ kubectl get pod keeper-0 -n ch -o jsonpath='{.spec.containers[0].command}{"\n"}{.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
["clickhouse-keeper-converter","--output-dir","/var/lib/clickhouse/coordination/snapshots"]
0
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].LastTerminationState.Terminated == nil || sts[0].LastTerminationState.Terminated.ExitCode != 0 {
		t.Fatalf("statuses = %+v, want a last termination with exit code 0", sts)
	}
}

// `kubectl logs deploy/argo-server` names the workload whose log follows;
// a row of another workload beside it (its Dex, stuck pulling an image)
// is a neighbour, not the crashed pod.
func TestLogsOfWorkloadBesideAnotherWorkloadsRow(t *testing.T) {
	in := pasteInput(t, `$ kubectl -n argo logs deploy/argo-server --previous
time="2025-02-05T07:48:10.418Z" level=fatal msg="Get \"http://argocd-dex-server.argocd.svc.cluster.local:5556/api/dex/.well-known/openid-configuration\": dial tcp 10.96.211.47:5556: connect: connection refused"

$ kubectl -n argocd get pods | grep dex
argocd-dex-server-6f7b9c8d54-lw4xn         0/1     Init:ImagePullBackOff   0          52m
`)
	if in.Pod.Name == "argocd-dex-server-6f7b9c8d54-lw4xn" {
		t.Fatalf("the Dex row was taken for argo-server's pod: %+v", in.Pod.Status)
	}
	// The workload's own pod's row is still read.
	in = pasteInput(t, `$ kubectl -n argo logs deploy/argo-server --previous
time="2025-02-05T07:48:10.418Z" level=fatal msg="dial tcp 10.96.211.47:5556: connect: connection refused"

$ kubectl -n argo get pods
argo-server-7c9d8b6f5-q2w4e         0/1     CrashLoopBackOff   6 (30s ago)          12m
`)
	if in.Pod.Name != "argo-server-7c9d8b6f5-q2w4e" {
		t.Fatalf("pod = %q, want argo-server's own row", in.Pod.Name)
	}
}

// The pod a describe prompt names is the one asked about when it cannot
// start its container (CreateContainerConfigError, no restart yet), even
// beside another pod's restarting init container.
func TestPromptNamesPodThatCannotStart(t *testing.T) {
	in := pasteInput(t, `➜  ~ k get pod | grep pulsar
pulsar-ynmego-bookies-0           0/2     Init:CrashLoopBackOff        5 (42s ago)   11m
pulsar-ynmego-bookies-1           2/2     Running                      0             58m
pulsar-ynmego-zookeeper-0         0/2     CreateContainerConfigError   0             11m

➜  ~ k describe pod pulsar-ynmego-zookeeper-0
Name:         pulsar-ynmego-zookeeper-0
Namespace:    default
...
`)
	if in.Pod.Name != "pulsar-ynmego-zookeeper-0" {
		t.Fatalf("pod = %q, want the described pulsar-ynmego-zookeeper-0", in.Pod.Name)
	}
}

// A spec pasted without its pod's name, beside rows and a logs prompt:
// the prompt says which row is the pod (a Completed one, restarted).
func TestNamelessSpecTakesThePromptsRow(t *testing.T) {
	in := pasteInput(t, `$ kubectl -n recipes get pods
NAME                       READY   STATUS      RESTARTS      AGE
tandoor-7c6f5d8b9b-kq8xz   0/1     Completed   3 (31s ago)   2m4s
tandoor-db-0               1/1     Running     0             20d

$ kubectl -n recipes logs tandoor-7c6f5d8b9b-kq8xz --previous

1042 static files copied to '/opt/recipes/staticfiles', 2318 post-processed.

      containers:
        - name: tandoor
          image: vabene1111/recipes:1.5.33
          command: ["/opt/recipes/venv/bin/python", "manage.py", "collectstatic", "--noinput"]
`)
	sts := in.Pod.Status.ContainerStatuses
	if len(sts) != 1 || sts[0].RestartCount != 3 {
		t.Fatalf("statuses = %+v, want the Completed row's 3 restarts", sts)
	}
}
