package manifest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// describeText is `kubectl describe pod` output of today's kubectl.
const describeText = `Name:             api-7d9c8b6f5-x2x9z
Namespace:        shop
Priority:         0
Service Account:  default
Node:             node-1/10.0.0.5
Start Time:       Wed, 04 Mar 2020 11:21:44 +0000
Labels:           app=api
                  pod-template-hash=7d9c8b6f5
Annotations:      <none>
Status:           Running
IP:               10.244.0.9
Controlled By:  ReplicaSet/api-7d9c8b6f5
Init Containers:
  migrate:
    Container ID:  containerd://aaa
    Image:         busybox:1.36
    Command:
      sh
      -c
      echo migrating
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Wed, 04 Mar 2020 11:21:45 +0000
      Finished:     Wed, 04 Mar 2020 11:21:46 +0000
    Ready:          True
    Restart Count:  0
Containers:
  api:
    Container ID:   containerd://bbb
    Image:          ghcr.io/acme/api:1.4.2
    Port:           8080/TCP
    Host Port:      0/TCP
    Args:
      --port=8080
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       OOMKilled
      Message:      first line
                    second line
      Exit Code:    137
      Started:      Wed, 04 Mar 2020 12:34:14 +0000
      Finished:     Wed, 04 Mar 2020 12:34:54 +0000
    Ready:          False
    Restart Count:  7
    Limits:
      memory:  256Mi
    Requests:
      cpu:        100m
      memory:     128Mi
    Liveness:       http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3
    Environment:
      DATABASE_URL:  postgres://u:secret@db:5432/x
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access (ro)
Conditions:
  Type              Status
  Ready             False
Volumes:
  kube-api-access:
    Type:                    Projected (a volume that contains injected data from multiple sources)
QoS Class:                   Burstable
Events:
  Type     Reason     Age                  From               Message
  ----     ------     ----                 ----               -------
  Normal   Scheduled  74m                  default-scheduler  Successfully assigned shop/api-7d9c8b6f5-x2x9z to node-1
  Normal   Pulled     3m (x8 over 74m)     kubelet            Container image "ghcr.io/acme/api:1.4.2" already present on machine
  Warning  BackOff    10s (x300 over 70m)  kubelet            Back-off restarting failed container api in pod api-7d9c8b6f5-x2x9z_shop(0b1c)
`

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     Format
	}{
		{"describe", describeText, FormatDescribe},
		{"describe fragment", "    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Exit Code:    1\n", FormatDescribe},
		{"pod yaml", podYAML, FormatObjects},
		{"status fragment", "state:\n  waiting:\n    reason: CrashLoopBackOff\nlastState:\n  terminated:\n    exitCode: 1\n", FormatObjects},
		{"json", eventJSON, FormatObjects},
		{"get pods", "NAME    READY   STATUS             RESTARTS   AGE\nweb-1   0/1     CrashLoopBackOff   5          3m\n", FormatTable},
		{"get pods rows only", "web-1   0/1     CrashLoopBackOff   5 (2m ago)   3m\n", FormatTable},
		{"events table", "Events:\n  Type     Reason   Age   From     Message\n  ----     ------   ----  ----     -------\n  Warning  BackOff  5s    kubelet  Back-off restarting failed container\n", FormatEvents},
		{"bare event", "Liveness probe failed: Get http://10.0.0.1:8080/healthz: dial tcp 10.0.0.1:8080: connect: connection refused\n", FormatEvents},
		{"log", "2024-01-01T00:00:00Z INFO starting\npanic: boom\n\ngoroutine 1 [running]:\n", FormatLog},
		{"one-line app error is a log", "Error: unknown flag: --secure-port\n", FormatLog},
		{"yaml-looking log", "hello: world\n", FormatLog},
		{"containers fragment", "  containers:\n    - name: test\n      image: busybox:1.28\n", FormatObjects},
		{"log naming an image", "pulling image: nginx:1.25\nstarting\n", FormatLog},
		{"empty", "", FormatLog},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect([]byte(tc.in)); got != tc.want {
				t.Fatalf("Detect = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseDescribe(t *testing.T) {
	var o Objects
	if f, err := o.ParseAny("d", strings.NewReader(describeText)); err != nil || f != FormatDescribe {
		t.Fatalf("format %s, err %v", f, err)
	}
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	p := in.Pod
	if p.Name != "api-7d9c8b6f5-x2x9z" || p.Namespace != "shop" || p.Spec.NodeName != "node-1" || p.Status.Phase != "Running" ||
		p.Labels["pod-template-hash"] != "7d9c8b6f5" || len(p.OwnerReferences) != 1 || p.OwnerReferences[0].Name != "api-7d9c8b6f5" {
		t.Fatalf("pod fields: %+v", p.ObjectMeta)
	}
	if len(p.Spec.InitContainers) != 1 || p.Spec.InitContainers[0].Name != "migrate" || strings.Join(p.Spec.InitContainers[0].Command, " ") != "sh -c echo migrating" {
		t.Fatalf("init containers: %+v", p.Spec.InitContainers)
	}
	if len(p.Status.InitContainerStatuses) != 1 || p.Status.InitContainerStatuses[0].State.Terminated == nil || p.Status.InitContainerStatuses[0].State.Terminated.Reason != "Completed" {
		t.Fatalf("init status: %+v", p.Status.InitContainerStatuses)
	}
	c, st := p.Spec.Containers[0], p.Status.ContainerStatuses[0]
	if c.Name != "api" || c.Image != "ghcr.io/acme/api:1.4.2" || len(c.Args) != 1 || c.Ports[0].ContainerPort != 8080 {
		t.Fatalf("container spec: %+v", c)
	}
	if q := c.Resources.Limits.Memory(); q.String() != "256Mi" {
		t.Fatalf("memory limit %s", q)
	}
	if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet == nil || c.LivenessProbe.HTTPGet.Path != "/healthz" || c.LivenessProbe.PeriodSeconds != 10 || c.LivenessProbe.FailureThreshold != 3 {
		t.Fatalf("liveness probe: %+v", c.LivenessProbe)
	}
	if st.State.Waiting == nil || st.State.Waiting.Reason != "CrashLoopBackOff" || st.RestartCount != 7 || st.Ready {
		t.Fatalf("state: %+v", st)
	}
	term := st.LastTerminationState.Terminated
	if term == nil || term.Reason != "OOMKilled" || term.ExitCode != 137 || term.Message != "first line\nsecond line" || term.FinishedAt.Sub(term.StartedAt.Time) != 40*time.Second {
		t.Fatalf("last state: %+v", term)
	}
	// The paste was printed after the latest timestamp (the last finish)
	// by the newest start or kill event's age (the image pulled 3m ago;
	// the back-off 10s ago repeats while it waits); event ages count back
	// from then.
	if want := time.Date(2020, 3, 4, 12, 37, 54, 0, time.UTC); !in.Now.Equal(want) {
		t.Fatalf("now = %s, want %s", in.Now, want)
	}
	if len(in.Events) != 3 {
		t.Fatalf("events: %+v", in.Events)
	}
	back := in.Events[2]
	if back.Reason != "BackOff" || back.Count != 300 || back.InvolvedObject.FieldPath != "spec.containers{api}" || !back.LastTimestamp.Time.Equal(in.Now.Add(-10*time.Second)) || !back.FirstTimestamp.Time.Equal(in.Now.Add(-70*time.Minute)) {
		t.Fatalf("back-off event: %+v", back)
	}
}

func TestParseDescribeShapes(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		check    func(t *testing.T, o *Objects)
	}{
		{"state block alone", "    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    139\n    Ready:          False\n", func(t *testing.T, o *Objects) {
			in, _ := o.Input(time.Time{})
			st := in.Pod.Status.ContainerStatuses[0]
			if st.Name != UnknownContainer || in.Pod.Name != UnknownPod || st.LastTerminationState.Terminated.ExitCode != 139 {
				t.Fatalf("%+v", in.Pod)
			}
		}},
		{"2015 tab separated", "Name:\t\t\t\tsimmemleak-hra99\nNamespace:\t\t\tdefault\nStatus:\t\t\t\tRunning\nContainers:\n  simmemleak:\n    Image:\tsaadali/simmemleak\n    State:\t\tRunning\n      Started:\t\tTue, 07 Jul 2015 12:54:41 -0700\n    Last Termination State:\tTerminated\n      Exit Code:\t137\n    Ready:\tFalse\n    Restart Count:\t5\n", func(t *testing.T, o *Objects) {
			in, _ := o.Input(time.Time{})
			st := in.Pod.Status.ContainerStatuses[0]
			if st.Name != "simmemleak" || st.State.Running == nil || st.LastTerminationState.Terminated == nil || st.LastTerminationState.Terminated.ExitCode != 137 || st.RestartCount != 5 {
				t.Fatalf("%+v", st)
			}
		}},
		{"console copy", "State:\nWaiting (CrashLoopBackOff)\nLast State\nTerminated at Apr 18, 2017 9:12:19 PM (Completed)\nReady:\nfalse\nRestart Count:\n75\n", func(t *testing.T, o *Objects) {
			in, _ := o.Input(time.Time{})
			st := in.Pod.Status.ContainerStatuses[0]
			if st.State.Waiting == nil || st.State.Waiting.Reason != "CrashLoopBackOff" || st.LastTerminationState.Terminated == nil ||
				st.LastTerminationState.Terminated.Reason != "Completed" || st.RestartCount != 75 {
				t.Fatalf("%+v", st)
			}
		}},
		{"the reporter's annotations", "    State:          Running\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1 (see below)\n    Ready:          True\n    Restart Count:  111  <---- Constant restarts due to old k8s library\n", func(t *testing.T, o *Objects) {
			in, _ := o.Input(time.Time{})
			st := in.Pod.Status.ContainerStatuses[0]
			if st.RestartCount != 111 || st.LastTerminationState.Terminated == nil || st.LastTerminationState.Terminated.ExitCode != 1 {
				t.Fatalf("%+v", st)
			}
		}},
		{"multi-line runtime message", "    State:      Terminated\n      Reason:   ContainerCannotRun\n      Message:  oci runtime error: container_linux.go:247: starting container process caused \"exec: \\\"/bin/bash\\\": stat /bin/bash: no such file or directory\"\n\n      Exit Code:    127\n", func(t *testing.T, o *Objects) {
			in, _ := o.Input(time.Time{})
			term := in.Pod.Status.ContainerStatuses[0].State.Terminated
			if term == nil || term.ExitCode != 127 || term.Reason != "ContainerCannotRun" || !strings.Contains(term.Message, "stat /bin/bash") {
				t.Fatalf("%+v", term)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o Objects
			if f, err := o.ParseAny("d", strings.NewReader(tc.in)); err != nil || f != FormatDescribe {
				t.Fatalf("format %s err %v", f, err)
			}
			tc.check(t, &o)
		})
	}
}

func TestParseEventShapes(t *testing.T) {
	for _, tc := range []struct {
		name, line      string
		reason, message string
		count           int32
		container       string
	}{
		{"describe row", "  Warning  Failed     2s (x5 over 54s)  kubelet            Error: couldn't find key VALUE in Secret default/s", "Failed", "Error: couldn't find key VALUE in Secret default/s", 5, ""},
		{"describe row with node", "  Warning  BackOff    3m42s (x7 over 4m56s)  kubelet, node3     Back-off restarting failed container", "BackOff", "Back-off restarting failed container", 7, ""},
		{"get events row", "5m          Warning   BackOff     pod/web-1    Back-off restarting failed container web in pod web-1_shop(1)", "BackOff", "Back-off restarting failed container web in pod web-1_shop(1)", 1, "web"},
		{"bare probe failure", "Liveness probe failed: HTTP probe failed with statuscode: 500", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 500", 1, ""},
		{"bare kill", "Container keycloak failed startup probe, will be restarted", "Killing", "Container keycloak failed startup probe, will be restarted", 1, ""},
		{"bare mount", " MountVolume.SetUp failed for volume \"config\" : configmap \"dash\" not found", "FailedMount", "MountVolume.SetUp failed for volume \"config\" : configmap \"dash\" not found", 1, ""},
		{"reason and message columns", "FailedMount     Unable to mount volumes for pod \"p_d(1)\": timeout expired", "FailedMount", "Unable to mount volumes for pod \"p_d(1)\": timeout expired", 1, ""},
		{"dash separated", `Warning - FailedPostStartHook - 1s - kubelet - Exec lifecycle hook ([sh -c x]) for Container "influxdb2" in Pod "monitor1-influxdb2-0_perf(010e)" failed - error: exited with 1`, "FailedPostStartHook", `Exec lifecycle hook ([sh -c x]) for Container "influxdb2" in Pod "monitor1-influxdb2-0_perf(010e)" failed - error: exited with 1`, 1, "influxdb2"},
		{"markdown table row", "| Warning | BackOff | 2m (x4 over 3m) | kubelet | Back-off restarting failed container |", "BackOff", "Back-off restarting failed container", 4, ""},
		{"old tab format", "32m\t\t32m\t\t1\t{kubelet ip-10}\tspec.containers{nginx}\tWarning\t\tBackOff\t\tBack-off restarting failed container", "BackOff", "Back-off restarting failed container", 1, "nginx"},
		{"describe row cut off before its message", "  Warning  Unhealthy  115s (x6 over 3m45s)   kubelet", "Unhealthy", "", 6, ""},
		{"describe row with node cut off", "  Warning  Unhealthy  2m (x3 over 4m)  kubelet, node3  ", "Unhealthy", "", 3, ""},
		{"bare runtime start failure", "Error: failed to start container \"app\": Error response from daemon: OCI runtime create failed", "Failed", "Error: failed to start container \"app\": Error response from daemon: OCI runtime create failed", 1, ""},
		{"bare containerd task failure", "Error: failed to create containerd task: failed to create shim task: OCI runtime create failed", "Failed", "Error: failed to create containerd task: failed to create shim task: OCI runtime create failed", 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := parseEventLine(tc.line)
			if !ok || r.event.Reason != tc.reason || r.event.Message != tc.message || r.event.Count != tc.count || r.container != tc.container {
				t.Fatalf("parseEventLine = %+v, %v", r, ok)
			}
		})
	}
}

// TestProgramErrorIsNoEvent checks that a program's own "Error: failed
// to ..." line (cobra's fatal error, a CLI's message) stays a log line:
// only the runtime's and kubelet's wordings are bare Failed events.
func TestProgramErrorIsNoEvent(t *testing.T) {
	for _, line := range []string{
		"Error: failed to get config: cannot unmarshal the configuration: 1 error(s) decoding:",
		"Error: failed to connect to the database: dial tcp 10.0.0.5:5432: connect: connection refused",
		"Error: failed to load state: open /data/state.json: no such file or directory",
		"Error: failed to log in to the registry",
	} {
		if r, ok := parseEventLine(line); ok {
			t.Errorf("%q read as event %+v", line, r.event)
		}
	}
}

func TestParseTableAndMerge(t *testing.T) {
	var o Objects
	table := "NAME                        READY   STATUS             RESTARTS      AGE\ndeathstar-f449b9b55-4glpb   1/1     Running            0             34s\ntiefighter                  0/1     CrashLoopBackOff   3 (17s ago)   34s\nxwing                       0/1     OOMKilled          1 (13s ago)   34s\n"
	if f, err := o.ParseAny("t", strings.NewReader(table)); err != nil || f != FormatTable {
		t.Fatalf("format %s err %v", f, err)
	}
	if _, err := o.ParseAny("log", strings.NewReader("exec /usr/bin/bash: exec format error\n")); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// The failing row with the most restarts is the pod.
	if in.Pod.Name != "tiefighter" || in.Pod.Status.ContainerStatuses[0].State.Waiting.Reason != "CrashLoopBackOff" || in.Pod.Status.ContainerStatuses[0].RestartCount != 3 {
		t.Fatalf("pod %+v", in.Pod)
	}
	if in.Logs[""] == "" || !in.Now.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("logs %v now %s", in.Logs, in.Now)
	}
}

// A pasted piece of a pod spec (only its containers, as a diff or a
// question quotes it) is the pod's spec, not a log.
func TestParseContainersFragment(t *testing.T) {
	frag := "  containers:\n    - name: test\n      image: busybox:1.28\n"
	if f := Detect([]byte(frag)); f != FormatObjects {
		t.Fatalf("format %s", f)
	}
	in := pastedInput(t, frag)
	if cs := in.Pod.Spec.Containers; len(cs) != 1 || cs[0].Name != "test" || cs[0].Image != "busybox:1.28" {
		t.Fatalf("containers %+v", in.Pod.Spec.Containers)
	}
}

// A prose bullet after a pod's YAML and a blank line ("- check this pod
// status, ...") reads like a list item; the pod is still read, and the
// bullet is text.
func TestObjectsBeforeAProseBullet(t *testing.T) {
	paste := "how to reproduce:\n\napiVersion: v1\nkind: Pod\nmetadata:\n  name: busybox\nspec:\n  containers:\n  - image: busybox\n    name: busybox\n\n- check this pod status, it will be `CrashLoopBackOff` and it will restart periodically.\n"
	o, in := parsedInput(t, paste)
	if in.Pod.Name != "busybox" || len(in.Pod.Spec.Containers) != 1 || in.Pod.Spec.Containers[0].Image != "busybox" {
		t.Fatalf("pod %s %+v", in.Pod.Name, in.Pod.Spec.Containers)
	}
	if !strings.Contains(fmt.Sprint(in.Logs), "check this pod status") {
		t.Errorf("the bullet was lost: logs %q", in.Logs)
	}
	if n := o.Notes(); len(n) != 0 {
		t.Errorf("notes %q", n)
	}
}

func TestParseFragment(t *testing.T) {
	var o Objects
	frag := "    state:\n      waiting:\n        message: 'container has runAsNonRoot and image will run as root'\n        reason: CreateContainerConfigError\n"
	if f, err := o.ParseAny("y", strings.NewReader(frag)); err != nil || f != FormatObjects {
		t.Fatalf("format %s err %v", f, err)
	}
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	w := in.Pod.Status.ContainerStatuses[0].State.Waiting
	if w == nil || w.Reason != "CreateContainerConfigError" || !strings.Contains(w.Message, "runAsNonRoot") {
		t.Fatalf("%+v", in.Pod.Status)
	}
}

func TestInputFromEventsOnly(t *testing.T) {
	var o Objects
	ev := "  Warning  BackOff  10s (x7 over 2m)  kubelet  Back-off restarting failed container web in pod web-5d4_shop(a1)\n"
	if _, err := o.ParseAny("e", strings.NewReader(ev)); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod.Name != "web-5d4" || in.Pod.Namespace != "shop" || in.Pod.Spec.Containers[0].Name != "web" || len(in.Events) != 1 || in.Events[0].InvolvedObject.FieldPath != "spec.containers{web}" {
		t.Fatalf("pod %+v events %+v", in.Pod, in.Events)
	}
}

// TestInputNamesFromKubeletEvents: a describe's Events table alone names
// the pod, its node and (when all agree) its container.
func TestInputNamesFromKubeletEvents(t *testing.T) {
	ev := `Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  2m                 default-scheduler  Successfully assigned default/test-6f7b9c-abcde to minikube
  Normal   Pulled     60s (x4 over 2m)   kubelet            Container image "busybox" already present on machine
  Normal   Created    60s (x4 over 2m)   kubelet            Created container busybox
  Warning  BackOff    10s (x9 over 2m)   kubelet            Back-off restarting failed container
`
	var o Objects
	if _, err := o.ParseAny("e", strings.NewReader(ev)); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod.Name != "test-6f7b9c-abcde" || in.Pod.Namespace != "default" || in.Pod.Spec.NodeName != "minikube" || in.Pod.Spec.Containers[0].Name != "busybox" || len(in.Events) != 4 {
		t.Fatalf("pod %+v events %+v", in.Pod, in.Events)
	}
	if in.Pod.Spec.Containers[0].Image != "" {
		t.Fatalf("the image of a pull event was put in the spec: %q", in.Pod.Spec.Containers[0].Image)
	}
}

func TestInputErrors(t *testing.T) {
	var o Objects
	if _, err := o.Input(time.Time{}); err != ErrNothing {
		t.Fatalf("empty input: err = %v", err)
	}
	var two Objects
	for _, y := range []string{podYAML, strings.Replace(podYAML, "name: api-1", "name: api-2", 1)} {
		if _, err := two.ParseAny("p", strings.NewReader(y)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := two.Input(time.Time{}); err != nil {
		t.Fatalf("two pods: err = %v", err)
	}
	if notes := two.Notes(); len(notes) != 1 || !strings.Contains(notes[0], "2 pods given (api-1, api-2); diagnosing api-1") {
		t.Fatalf("two pods: notes = %q", notes)
	}
	// A Service alone says nothing about a pod: Input names it.
	var dep Objects
	if _, err := dep.ParseAny("s.yaml", strings.NewReader("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := dep.Input(time.Time{}); !errors.Is(err, ErrUnsupportedKind) || !strings.Contains(err.Error(), "s.yaml: document 1: unsupported kind Service") {
		t.Fatalf("a Service alone: err = %v", err)
	}
}

// TestSkipsObjectsBesideOthers: an object that says nothing about a pod (a
// Service, an operator's custom resource without a pod in it) pasted with a
// pod or a log is left out, not a reason to refuse the rest.
func TestSkipsObjectsBesideOthers(t *testing.T) {
	cr := "apiVersion: cache.example.com/v1alpha1\nkind: NFSProvisioner\nmetadata:\n  name: sample\nspec:\n  scForNFS: nfs\n  hostPathDir: /shared\n"
	svc := "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
	for name, inputs := range map[string][]string{
		"custom resource, then a log": {cr, "Error setting up NFS server: open /export/vfs.conf: read-only file system\n"},
		"pod and service in one file": {podYAML + "---\n" + svc},
		"service file, then pod file": {svc, podYAML},
	} {
		t.Run(name, func(t *testing.T) {
			var o Objects
			for i, in := range inputs {
				if _, err := o.ParseAny(fmt.Sprint(i), strings.NewReader(in)); err != nil {
					t.Fatal(err)
				}
			}
			in, err := o.Input(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if in.Pod.Name == "" && len(in.Logs) == 0 {
				t.Fatalf("nothing kept: %+v", in)
			}
		})
	}
}

// TestFencedObjectsInText: an issue body that quotes its Deployment (or pod)
// in a Markdown fence is read as that object plus the text around it, in
// order; fenced blocks that are not objects stay text.
func TestFencedObjectsInText(t *testing.T) {
	in := "Pods keep restarting\n\nThe deployment I want to start\n```\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: example\nspec:\n  selector:\n    matchLabels: {app: example}\n  template:\n    metadata:\n      labels: {app: example}\n    spec:\n      containers:\n        - name: my-alpine-pod\n          image: alpine\n```\nThen:\n```\nError: something failed\n```\n"
	var o Objects
	if _, err := o.ParseAny("issue", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	got, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pod.Spec.Containers) != 1 || got.Pod.Spec.Containers[0].Image != "alpine" {
		t.Fatalf("containers %+v", got.Pod.Spec.Containers)
	}
	log := got.Logs[""]
	if !strings.Contains(log, "Pods keep restarting") || !strings.Contains(log, "Error: something failed") || strings.Contains(log, "kind: Deployment") {
		t.Fatalf("log %q", log)
	}
	if strings.Index(log, "The deployment") > strings.Index(log, "Error: something") {
		t.Fatalf("text out of order: %q", log)
	}

	// Not objects: a fenced values file in prose, and a fenced object that
	// is not a Kubernetes object at all, keep the old reading.
	for name, text := range map[string]string{
		"values file":    "My values:\n```\nreplicaCount: 1\nimage:\n  repository: nginx\n```\nand it crashes\n",
		"only a Service": "Here:\n```\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n```\n",
	} {
		var o Objects
		_, err := o.ParseAny(name, strings.NewReader(text))
		if err == nil {
			if got, ierr := o.Input(time.Time{}); ierr == nil && len(got.Pod.Spec.Containers) > 0 && got.Pod.Spec.Containers[0].Image != "" {
				t.Errorf("%s: a pod was made up: %+v", name, got.Pod.Spec)
			}
		}
	}
}

func TestParseAge(t *testing.T) {
	for in, want := range map[string]time.Duration{"14m": 14 * time.Minute, "2m40s": 160 * time.Second, "3d": 72 * time.Hour, "5h4m": 5*time.Hour + 4*time.Minute, "<unknown>": -1, "x": -1, "12": -1} {
		if got := parseAge(in); got != want {
			t.Errorf("parseAge(%q) = %s, want %s", in, got, want)
		}
	}
}

// FuzzParseAny feeds arbitrary text; ParseAny and Input must return,
// never panic.
func FuzzParseAny(f *testing.F) {
	f.Add(describeText)
	f.Add(podYAML)
	f.Add("web-1   0/1     CrashLoopBackOff   5 (2m ago)   3m\n")
	f.Add("  Warning  BackOff  10s (x7 over 2m)  kubelet  Back-off restarting failed container web in pod web_x(a)\n")
	f.Add("State:\nWaiting (CrashLoopBackOff)\nLast State\n")
	f.Add("why?\n```\nNAME READY STATUS RESTARTS AGE\nweb-1 0/1 Error 3 1m\n```\n$ kubectl logs web-1\nstatus:\n  phase: Running\nEvents:\n  Type Reason Age From Message\n")
	f.Fuzz(func(t *testing.T, in string) {
		var o Objects
		if _, err := o.ParseAny("fuzz", strings.NewReader(in)); err != nil {
			return
		}
		_, _ = o.Input(time.Time{})
	})
}

// TestDescribeWithLogAfter: a describe paste followed by the log in the
// same block keeps the log.
func TestDescribeWithLogAfter(t *testing.T) {
	in := describeText + "\n$ kubectl logs api-7d9c8b6f5-x2x9z --previous\n2024-03-01T10:00:00Z ERROR dial tcp 10.0.0.9:5432: connect: connection refused\n"
	var o Objects
	if _, err := o.ParseAny("d", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	got, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Events) != 3 || !strings.Contains(got.Logs[""], "connection refused") {
		t.Fatalf("events %d, logs %q", len(got.Events), got.Logs)
	}
}

func TestTablePodLevelStatus(t *testing.T) {
	var o Objects
	if _, err := o.ParseAny("t", strings.NewReader("api-1   0/1     Evicted   0          5m\n")); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod.Status.Phase != "Failed" || in.Pod.Status.Reason != "Evicted" {
		t.Fatalf("status %+v", in.Pod.Status)
	}
}

// TestBrokenFragments: YAML and JSON that no longer parse (cut off, with
// "..." for left-out lines) still give their status.
func TestBrokenFragments(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"yaml with an ellipsis", "  containerStatuses:\n  - name: web\n    lastState:\n      terminated:\n        exitCode: 137\n        reason: OOMKilled\n    ...\n    restartCount: 12\n    state:\n      waiting:\n        reason: CrashLoopBackOff\n"},
		{"cut-off json", `{"containerStatuses":[{"name":"web","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 5m0s"}},"lastState":{"terminated":{"exitCode":137,"reason":"OOMKilled","startedAt":"2020-02-09T16:16:12Z"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o Objects
			if _, err := o.ParseAny("f", strings.NewReader(tc.in)); err != nil {
				t.Fatal(err)
			}
			in, err := o.Input(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			st := in.Pod.Status.ContainerStatuses[0]
			if st.Name != "web" || st.LastTerminationState.Terminated == nil || st.LastTerminationState.Terminated.Reason != "OOMKilled" ||
				st.LastTerminationState.Terminated.ExitCode != 137 || st.State.Waiting == nil || st.State.Waiting.Reason != "CrashLoopBackOff" {
				t.Fatalf("%+v", st)
			}
			if len(in.Logs) != 0 {
				t.Fatalf("the fragment was also taken as a log: %q", in.Logs)
			}
		})
	}
}

func TestRancherStateLine(t *testing.T) {
	for _, tc := range []struct {
		name, in      string
		code          int32
		reason, cname string
	}{
		{"completed without a code", "CrashLoopBackOff (back-off 5m0s restarting failed container=container-0 pod=nfs-577587b9bf-jbl8k_default(6a514d22)) | Last state: Terminated with : Completed, started: Thu, Dec 28 2023 9:48:26 am, finished: Thu, Dec 28 2023 9:48:26 am", 0, "Completed", "container-0"},
		{"error with a code", "CrashLoopBackOff (back-off 40s restarting failed container=web pod=web-1_shop(1)) | Last state: Terminated with 137: OOMKilled, started: x, finished: y", 137, "OOMKilled", "web"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o Objects
			if _, err := o.ParseAny("f", strings.NewReader(tc.in)); err != nil {
				t.Fatal(err)
			}
			in, err := o.Input(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			st := in.Pod.Status.ContainerStatuses[0]
			term := st.LastTerminationState.Terminated
			if st.Name != tc.cname || term == nil || term.ExitCode != tc.code || term.Reason != tc.reason || st.State.Waiting == nil || st.State.Waiting.Reason != "CrashLoopBackOff" {
				t.Fatalf("%+v", st)
			}
		})
	}
}

// TestTerminalBorders: a describe copied out of a terminal UI pane keeps
// its box-drawing border.
func TestTerminalBorders(t *testing.T) {
	in := "│Events:\n│  Type     Reason     Age                     From               Message\n│  ----     ------     ----                    ----               -------\n" +
		"│  Warning  Unhealthy  7m45s (x3 over 8m45s)   kubelet, node-1    Liveness probe failed: Get http://10.2.0.41:80/ping: connection refused │\n"
	var o Objects
	if _, err := o.ParseAny("k9s", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	got, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Events) != 1 || got.Events[0].Reason != "Unhealthy" || got.Events[0].Message != "Liveness probe failed: Get http://10.2.0.41:80/ping: connection refused" {
		t.Fatalf("%+v", got.Events)
	}
}

// TestSiblingPodEvents: events pasted for another pod of the same
// Deployment (the rollout that replaced it) still describe it.
func TestSiblingPodEvents(t *testing.T) {
	var o Objects
	for _, in := range []string{
		"uptime-kuma     uptime-kuma-helm-8568db8bfd-7w6xl              1/1     Running     174 (12h ago)   30d\n",
		"2s          Warning   Unhealthy           pod/uptime-kuma-helm-57f9d6fd5c-czdlh    Liveness probe failed: command \"node extra/healthcheck.js\" timed out\n" +
			"5s          Warning   BackOff             pod/other-app-6d9f7c8b5d-abcde    Back-off restarting failed container\n",
	} {
		if _, err := o.ParseAny("p", strings.NewReader(in)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Events) != 0 {
		t.Fatalf("events of two other pods were taken: %+v", got.Events)
	}
	o = Objects{}
	for _, in := range []string{
		"uptime-kuma     uptime-kuma-helm-8568db8bfd-7w6xl              1/1     Running     174 (12h ago)   30d\n",
		"2s          Warning   Unhealthy           pod/uptime-kuma-helm-57f9d6fd5c-czdlh    Liveness probe failed: command \"node extra/healthcheck.js\" timed out\n",
	} {
		if _, err := o.ParseAny("p", strings.NewReader(in)); err != nil {
			t.Fatal(err)
		}
	}
	got, err = o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got.Pod.Name != "uptime-kuma-helm-8568db8bfd-7w6xl" || len(got.Events) != 1 {
		t.Fatalf("pod %s events %+v", got.Pod.Name, got.Events)
	}
}

// TestWatchedRows: `kubectl get pods -w` prints the same pod again at each
// change; its latest failure is what to diagnose.
func TestWatchedRows(t *testing.T) {
	in := `traefik   traefik-ingress-controller-5d96649bb7-v5q4b   0/1     Error               5          3m29s
traefik   traefik-ingress-controller-5d96649bb7-v5q4b   0/1     CrashLoopBackOff    5          3m31s
traefik   traefik-ingress-controller-5d96649bb7-v5q4b   0/1     Running             6          6m20s
traefik   traefik-ingress-controller-5d96649bb7-v5q4b   0/1     Error               6          6m21s
`
	var o Objects
	if _, err := o.ParseAny("w", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	got, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	st := got.Pod.Status.ContainerStatuses[0]
	if st.RestartCount != 6 || st.State.Running != nil {
		t.Fatalf("%+v", st)
	}
}

// TestWatchedRowsKeepTheLastEnd: the row kubectl prints once the pod
// waits in CrashLoopBackOff no longer shows how the container ended; the
// row before it did (OOMKilled, Completed), and that is its last state.
func TestWatchedRowsKeepTheLastEnd(t *testing.T) {
	for _, tc := range []struct {
		name, rows, reason string
		code               int32
	}{
		{"OOMKilled", "api-8c9d7f6b5-xt4pl   1/1     Running            3 (70s ago)   9m\napi-8c9d7f6b5-xt4pl   0/1     OOMKilled          3 (2m ago)    10m\napi-8c9d7f6b5-xt4pl   0/1     CrashLoopBackOff   3 (1s ago)    10m\n", "OOMKilled", 137},
		{"Completed", "debug-5b8c7-qx2mt   0/1     Completed           1 (2s ago)    6s\ndebug-5b8c7-qx2mt   0/1     CrashLoopBackOff    1 (2s ago)    7s\n", "Completed", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, in := parsedInput(t, "NAME   READY   STATUS   RESTARTS   AGE\n"+tc.rows)
			st := in.Pod.Status.ContainerStatuses[0]
			last := st.LastTerminationState.Terminated
			if st.State.Waiting == nil || last == nil || last.Reason != tc.reason || last.ExitCode != tc.code {
				t.Fatalf("state %+v, last state %+v", st.State, last)
			}
		})
	}
	// One row alone keeps no last state it did not show.
	_, in := parsedInput(t, "NAME   READY   STATUS   RESTARTS   AGE\napi-1   0/1     CrashLoopBackOff   3   10m\n")
	if last := in.Pod.Status.ContainerStatuses[0].LastTerminationState.Terminated; last != nil {
		t.Fatalf("a last state from nowhere: %+v", last)
	}
}

// TestRowNamedInTheLog: no row fails, but the pasted log speaks of one
// pod (stuck in ContainerCreating): that pod is diagnosed, not the
// neighbour that restarted most.
func TestRowNamedInTheLog(t *testing.T) {
	_, in := parsedInput(t, "NAME                 READY     STATUS              RESTARTS   AGE\ngogs-1-hlut3         1/1       Running             0          26m\ngogs-2-91275         0/1       ContainerCreating   0          5m\npostgresql-1-n767j   1/1       Running             3          30m\n",
		"May 24 16:07:17 node2 atomic-openshift-node[2474]: E0524 16:07:17.915440 2474 kubelet.go:1796] Unable to mount volumes for pod \"gogs-2-91275_infra(3c2d0709)\": timeout expired waiting for volumes to attach/mount\n")
	if in.Pod.Name != "gogs-2-91275" {
		t.Fatalf("diagnosed %q, want the pod the log names", in.Pod.Name)
	}
}

// TestOcStatus: `oc status -v` names the crash-looping pod and, in its
// advice, the container.
func TestOcStatus(t *testing.T) {
	in := "Errors:\n  * pod/centos-1-dl5dp is crash-looping\n\n    The container is starting and exiting repeatedly. This usually means the container is unable\n    to start, misconfigured, or limited by security restrictions. Check the container logs with\n\n      oc logs centos-1-dl5dp -c centos\n"
	var o Objects
	if _, err := o.ParseAny("oc", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	got, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	st := got.Pod.Status.ContainerStatuses[0]
	if got.Pod.Name != "centos-1-dl5dp" || st.Name != "centos" || st.State.Waiting == nil || st.State.Waiting.Reason != "CrashLoopBackOff" || len(got.Logs) != 0 {
		t.Fatalf("pod %s status %+v logs %q", got.Pod.Name, st, got.Logs)
	}
}

// TestInputPicksThePodTheEventsExplain: a namespace's pods and events
// pasted together; the failing pod the events are about is diagnosed.
func TestInputPicksThePodTheEventsExplain(t *testing.T) {
	var o Objects
	table := "sentry-cron-5986567d77-t2kpm       0/1     CreateContainerConfigError   0          64s\nsentry-web-75dd588596-q7sp8        0/1     CreateContainerConfigError   0          64s\nsentry-worker-5bdb4445f8-wnbxq     0/1     CreateContainerConfigError   0          64s\n"
	events := "3s          Warning   Failed      pod/sentry-cron-5986567d77-t2kpm      Error: couldn't find key postgresql-password in Secret test/my-postgresql\n"
	for _, text := range []string{table, events} {
		if _, err := o.ParseAny("x", strings.NewReader(text)); err != nil {
			t.Fatal(err)
		}
	}
	in, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod.Name != "sentry-cron-5986567d77-t2kpm" || len(in.Events) != 1 {
		t.Fatalf("pod %s, %d events", in.Pod.Name, len(in.Events))
	}
}

// TestDetectWrappedEvents: probe output wrapped onto the lines around a
// describe's event rows is still an events paste, not a log.
func TestDetectWrappedEvents(t *testing.T) {
	text := "Could not connect to Redis at localhost:6379: Connection refused\n  Warning  Unhealthy  17s (x2 over 22s)  kubelet  Liveness probe failed: \nCould not connect to Redis at localhost:6379: Connection refused\n  Warning  Unhealthy  7s (x4 over 22s)  kubelet  Liveness probe failed: \nCould not connect to Redis at localhost:26379: Connection refused\n"
	if f := Detect([]byte(text)); f != FormatEvents {
		t.Fatalf("Detect = %s, want events", f)
	}
	// A log after one event row stays a log.
	log := "  Warning  BackOff  10s (x3 over 1m)  kubelet  Back-off restarting failed container\nstarting\nconnecting to db\nerror: connection refused\nexiting\n"
	if f := Detect([]byte(log)); f == FormatEvents {
		t.Fatalf("Detect = events for a log with one event row")
	}
}

// TestWorkloadTemplateMergesWithItsPod checks that a pasted Deployment
// gives the pod its spec (image, probes, restart policy) and owner, and
// that the pod's own describe text gives it its name and state.
func TestWorkloadTemplateMergesWithItsPod(t *testing.T) {
	var o Objects
	dep := "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: web:2\n        livenessProbe:\n          httpGet: {path: /healthz, port: 8080}\n"
	describe := "Name:         web-7d9c8b6f5-x2x9z\nNamespace:    shop\nContainers:\n  web:\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    137\n    Restart Count:  7\n"
	for i, in := range []string{dep, describe} {
		if _, err := o.ParseAny(fmt.Sprint(i), strings.NewReader(in)); err != nil {
			t.Fatal(err)
		}
	}
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	p := in.Pod
	if p.Name != "web-7d9c8b6f5-x2x9z" || len(p.Spec.Containers) != 1 || p.Spec.Containers[0].LivenessProbe == nil || p.Spec.Containers[0].Image != "web:2" {
		t.Fatalf("pod %s spec %+v", p.Name, p.Spec.Containers)
	}
	if len(p.Status.ContainerStatuses) != 1 || p.Status.ContainerStatuses[0].RestartCount != 7 {
		t.Fatalf("status %+v", p.Status.ContainerStatuses)
	}
}

// TestHealthyNeighboursAreNotTheCrash checks that a `kubectl get pods`
// table of running, never restarted pods pasted with a crash log does not
// stand for the crashing pod: the log is diagnosed on its own.
func TestHealthyNeighboursAreNotTheCrash(t *testing.T) {
	var o Objects
	table := "NAME                 READY   STATUS    RESTARTS   AGE\ncsi-attacher-5dcd   1/1     Running   0          4h\ncsi-provisioner-5c   1/1     Running   0          4h\n"
	if _, err := o.ParseAny("t", strings.NewReader(table)); err != nil {
		t.Fatal(err)
	}
	o.Logs = append(o.Logs, Log{Text: "Error starting manager: dial tcp 10.0.0.1:9500: connect: connection refused\n"})
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(in.Pod.Name, "csi-") {
		t.Fatalf("a healthy neighbour %s stands for the crash", in.Pod.Name)
	}
	// With a row that restarted, that row is the pod the log belongs to.
	var r Objects
	if _, err := r.ParseAny("t", strings.NewReader(table+"cainjector-6c94b9   1/1     Running   81         4h\n")); err != nil {
		t.Fatal(err)
	}
	r.Logs = o.Logs
	in, err = r.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod.Name != "cainjector-6c94b9" {
		t.Fatalf("pod %q", in.Pod.Name)
	}
}

// TestParseProbeFragment checks that a container's probes pasted on their
// own ("livenessProbe:" and its fields) become the pod's container spec,
// not a log.
func TestParseProbeFragment(t *testing.T) {
	for _, frag := range []string{
		"livenessProbe:\n  exec:\n    command:\n    - rm\n    - /tmp/health.txt\n  initialDelaySeconds: 10\n  periodSeconds: 10\n  failureThreshold: 3\n",
		"          startupProbe:\n            httpGet:\n              path: /health/started\n              port: 9000\n            periodSeconds: 5\n            failureThreshold: 3\n",
	} {
		var o Objects
		if f, err := o.ParseAny("p", strings.NewReader(frag)); err != nil || f != FormatObjects {
			t.Fatalf("format %s err %v", f, err)
		}
		in, err := o.Input(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Logs) != 0 || len(in.Pod.Spec.Containers) != 1 {
			t.Fatalf("logs %q, containers %+v", in.Logs, in.Pod.Spec.Containers)
		}
		if c := in.Pod.Spec.Containers[0]; c.LivenessProbe == nil && c.StartupProbe == nil {
			t.Fatalf("no probe: %+v", c)
		}
	}
}

// TestNodeOOMEventIsKept: `kubectl get events` lists the kernel's OOM kill
// on the node's row, not the pod's; it is the pod's evidence all the same,
// while other objects' events are not.
func TestNodeOOMEventIsKept(t *testing.T) {
	var o Objects
	in := "LAST SEEN   TYPE      REASON      OBJECT                    MESSAGE\n" +
		"4m          Warning   OOMKilling  node/ip-10-0-1-23         Memory cgroup out of memory: Killed process 12345 (java) total-vm:5123456kB\n" +
		"4m          Warning   FailedCreate replicaset/web-5c9d8     Error creating: pods \"web-5c9d8-\" is forbidden\n" +
		"3m          Warning   OOMKilling  pod/other-6c9f8-abcde     Memory cgroup out of memory: Killed process 999 (other)\n" +
		"2m          Warning   BackOff     pod/api-7d9f8c-x2x1       Back-off restarting failed container api in pod api-7d9f8c-x2x1_prod(abc)\n"
	if _, err := o.ParseAny("p", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	got, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, e := range got.Events {
		reasons = append(reasons, e.Reason)
	}
	if strings.Join(reasons, ",") != "OOMKilling,BackOff" {
		t.Fatalf("pod %s events %v, want OOMKilling,BackOff", got.Pod.Name, reasons)
	}
}

// TestDockerHealthIsTheProbe: `docker inspect` shows a failing health
// check (whole, or alone with --format '{{json .State.Health}}'); a
// container that autoheal, Swarm or ECS restarts for it is killed by it.
func TestDockerHealthIsTheProbe(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"health alone", `{"Status":"unhealthy","FailingStreak":79,"Log":[{"ExitCode":0,"Output":"ok"},{"ExitCode":-1,"Output":"OCI runtime exec failed: exec: \"curl\": executable file not found in $PATH"}]}`,
			`Liveness probe failed: OCI runtime exec failed: exec: "curl": executable file not found in $PATH`},
		{"whole inspect", `[{"Name":"/web","RestartCount":4,"State":{"Status":"restarting","Restarting":true,"ExitCode":137,"Health":{"Status":"unhealthy","FailingStreak":3,"Log":[{"ExitCode":1,"Output":"curl: (7) Failed to connect to localhost port 80\n"}]}},"Config":{"Image":"app:1"}}]`,
			"Liveness probe failed: curl: (7) Failed to connect to localhost port 80"},
		{"healthy", `{"Status":"healthy","FailingStreak":0,"Log":[{"ExitCode":0,"Output":"ok"}]}`, ""},
	} {
		var o Objects
		if _, err := o.ParseAny("p", strings.NewReader(tc.in)); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var msgs []string
		for _, r := range o.textEvents {
			msgs = append(msgs, r.event.Message)
		}
		if got := strings.Join(msgs, "|"); got != tc.want {
			t.Errorf("%s: events %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestShortenOutputKeepsCharactersWhole(t *testing.T) {
	long := strings.Repeat("é", 200) // 400 bytes
	got := shortenOutput(long + "\nsecond line")
	if !utf8.ValidString(got) || len(got) > 300 || !strings.HasPrefix(long, got) {
		t.Fatalf("shortenOutput cut %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
}

// A row cut after its STATUS (the paste ends there, or the pod has just
// been listed) still names the failing pod, and a `kubectl get pods` table
// after a `kubectl logs` prompt's output is no longer that log.
func TestShortRowAfterALog(t *testing.T) {
	const paste = "[root@m ~]# kubectl logs web-6pvxk\nerror: v1alpha1.Config: FeatureGates: expect { or n, but found \"\n\n" +
		"NAMESPACE     NAME          READY     STATUS             RESTARTS   AGE\n" +
		"kube-system   etcd-m        1/1       Running            0          6d\n" +
		"kube-system   web-6pvxk     0/1       CrashLoopBackOff\n"
	in := pastedInput(t, paste)
	if in.Pod.Name != "web-6pvxk" || in.Pod.Status.ContainerStatuses[0].State.Waiting == nil {
		t.Fatalf("pod %s %+v, want web-6pvxk waiting", in.Pod.Name, in.Pod.Status.ContainerStatuses)
	}
	if log := in.Logs[""]; !strings.Contains(log, "FeatureGates") || strings.Contains(log, "etcd-m") {
		t.Fatalf("log %q: want the error line alone", log)
	}
	if len(parseTable("web 0/1 CrashLoopBackOff trailing words\n")) != 0 {
		t.Error("a row cut after its status must end there")
	}
}

// Events of kubectl before 1.10, copied with their tabs turned into
// spaces, still name the container and the kubelet's kill.
func TestOldEventsWithSpaces(t *testing.T) {
	const events = "  7m    7m      1       {kubelet 16.186.74.94}  spec.containers{lb}       Normal  Killing         Killing container with docker id e1d3670bad8c: pod \"lb-du1gp_default(ac3b)\" container \"lb\" is unhealthy, it will be killed and re-created.\n" +
		"  2m    2m      1       {kubelet 16.186.74.94}  spec.containers{lb}       Normal  Started         Started container with docker id 6e71d8c77211\n"
	var o Objects
	if f, err := o.ParseAny("events", strings.NewReader(events)); err != nil || f != FormatEvents {
		t.Fatalf("format %s, err %v", f, err)
	}
	if len(o.textEvents) != 2 || o.textEvents[0].event.Reason != "Killing" || o.textEvents[0].container != "lb" {
		t.Fatalf("events %+v", o.textEvents)
	}
	// A log line with wide gaps is no event row.
	if reOldSpacedRow.MatchString("2024-01-01  12:00:00  3  worker  Normal  started  the queue") {
		t.Error("a log line read as an old event row")
	}
}

// A describe fragment without its Name beside a one-row `get pods` table
// is that row's pod, running again between its crashes.
func TestNamelessDescribeTakesTheOnlyRow(t *testing.T) {
	const paste = "NAME            READY   STATUS    RESTARTS   AGE\ncoredns-6d9j4   1/1     Running   379        9d\n\n" +
		"    State:          Running\n      Started:      Mon, 21 Oct 2019 11:17:49 +0800\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    0\n" +
		"      Started:      Mon, 21 Oct 2019 11:07:41 +0800\n      Finished:     Mon, 21 Oct 2019 11:17:46 +0800\n    Ready:          True\n"
	in := pastedInput(t, paste)
	st := in.Pod.Status.ContainerStatuses
	if in.Pod.Name != "coredns-6d9j4" || len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("pod %q %+v: want coredns-6d9j4 with its OOMKilled last state", in.Pod.Name, st)
	}
	if len(in.Neighbours) != 0 {
		t.Errorf("neighbours %+v: the only row is the pod itself", in.Neighbours)
	}
}

// pastedInput reads one paste as `diagnose -f` does and builds its input.
func pastedInput(t *testing.T, paste string) diagnose.Input {
	t.Helper()
	_, in := parsedInput(t, paste)
	return in
}

// parsedInput reads each paste as `diagnose -f` reads its files and builds
// the input; the Objects are returned for their notes.
func parsedInput(t *testing.T, pastes ...string) (*Objects, diagnose.Input) {
	t.Helper()
	var o Objects
	for _, p := range pastes {
		if _, err := o.ParseAny("paste", strings.NewReader(p)); err != nil {
			t.Fatal(err)
		}
	}
	in, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return &o, in
}

// TestBrokenObjectWithKind: a manifest that names its kind but does not
// parse (pasted without its indentation, cut off) is read for what it has,
// like a fragment, and the parser's reason is kept as a warning instead of
// refusing the whole input.
func TestBrokenObjectWithKind(t *testing.T) {
	broken := "kind: Pod\nmetadata:\nname: api\nspec:\ncontainers:\n- name: web\nimage: acme/web:1\n  restartCount: 7\n    state:\n  waiting:\n      reason: CrashLoopBackOff\n"
	var o Objects
	if _, err := o.ParseAny("pod.yaml", strings.NewReader(broken)); err != nil {
		t.Fatalf("a broken object refused the input: %v", err)
	}
	if n := o.Notes(); len(n) != 1 || !strings.Contains(n[0], "pod.yaml") || !strings.Contains(n[0], "line") || !strings.Contains(n[0], "read what it has as text") {
		t.Fatalf("notes = %q, want the parser's reason with the file and line", n)
	}
	if _, err := o.Input(time.Time{}); err != nil {
		t.Fatalf("nothing read from a broken object: %v", err)
	}
	var good Objects
	if _, err := good.ParseAny("p", strings.NewReader(podYAML)); err != nil || len(good.Notes()) != 0 {
		t.Fatalf("a whole pod: err = %v, notes = %q", err, good.Notes())
	}
}

// TestSeveralPodsTheFailingOneIsDiagnosed: of several pods pasted (a
// question that shows its app and its database), the one failing is
// diagnosed, the others are its neighbours, and a note says so.
func TestSeveralPodsTheFailingOneIsDiagnosed(t *testing.T) {
	healthy := "apiVersion: v1\nkind: Pod\nmetadata: {name: db-0, namespace: shop}\nstatus:\n  phase: Running\n  containerStatuses:\n  - name: db\n    ready: true\n    restartCount: 0\n    state: {running: {startedAt: \"2024-03-01T10:00:00Z\"}}\n"
	crashing := "apiVersion: v1\nkind: Pod\nmetadata: {name: api-7d9f, namespace: shop}\nstatus:\n  phase: Running\n  containerStatuses:\n  - name: api\n    ready: false\n    restartCount: 7\n    state: {waiting: {reason: CrashLoopBackOff}}\n    lastState: {terminated: {exitCode: 1, reason: Error}}\n"
	o, in := parsedInput(t, healthy, crashing)
	if in.Pod.Name != "api-7d9f" {
		t.Fatalf("diagnosed %s, want the crashing api-7d9f", in.Pod.Name)
	}
	if len(in.Neighbours) != 1 || in.Neighbours[0].Name != "db-0" || !in.Neighbours[0].Ready {
		t.Fatalf("neighbours = %+v, want the ready db-0", in.Neighbours)
	}
	if n := o.Notes(); len(n) != 1 || !strings.Contains(n[0], "diagnosing api-7d9f") {
		t.Fatalf("notes = %q", n)
	}
}

// TestHTMLEntitiesUndone: a paste copied from a page's HTML source keeps
// its entities; it is read as the text the page shows.
func TestHTMLEntitiesUndone(t *testing.T) {
	paste := "Events:\n  Type     Reason  Age   From     Message\n  ----     ------  ----  ----     -------\n  Warning  Failed  10s   kubelet  Error: secret &quot;db-creds&quot; not found\n"
	in := pastedInput(t, paste)
	if len(in.Events) != 1 || in.Events[0].Message != `Error: secret "db-creds" not found` {
		t.Fatalf("events = %+v", in.Events)
	}
	if got := unescapeHTML([]byte("a & b <c>")); string(got) != "a & b <c>" {
		t.Fatalf("text without entities changed: %q", got)
	}
}

// TestRowRestartedLately: a row running and ready but restarted seconds
// ago ("2 (14s ago)") is a container looping between its crashes, not a
// healthy pod; one restarted long ago, or never, is running fine.
func TestRowRestartedLately(t *testing.T) {
	const header = "NAME                                      READY   STATUS    RESTARTS      AGE\n"
	for _, tc := range []struct {
		name, row string
		healthy   bool
	}{
		{"seconds ago", "sentry-ingest-consumer-7d6789fc96-rljl6   1/1     Running   2 (14s ago)   103s\n", false},
		{"minutes ago", "sentry-ingest-consumer-7d6789fc96-rljl6   1/1     Running   7 (3m12s ago)   40m\n", false},
		{"hours ago", "sentry-ingest-consumer-7d6789fc96-rljl6   1/1     Running   1 (5h2m ago)   3d\n", true},
		{"never", "sentry-ingest-consumer-7d6789fc96-rljl6   1/1     Running   0               3d\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := diagnose.Diagnose(pastedInput(t, header+tc.row))
			if rep.Healthy != tc.healthy {
				t.Fatalf("healthy=%v, want %v: %s", rep.Healthy, tc.healthy, rep.Message)
			}
		})
	}
}

// TestContainerPair: jq's reshaping of one container's spec and status
// side by side is read as that container, not as a pod whose spec and
// status it cannot be.
func TestContainerPair(t *testing.T) {
	in := pastedInput(t, `{
  "spec": {"image": "alpine:3.20", "name": "debug"},
  "status": {"name": "debug", "restartCount": 7, "lastState": {"terminated": {"exitCode": 0, "reason": "Completed"}}, "state": {"waiting": {"reason": "CrashLoopBackOff"}}}
}`)
	c, st := in.Pod.Spec.Containers, in.Pod.Status.ContainerStatuses
	if len(c) != 1 || c[0].Image != "alpine:3.20" || len(st) != 1 || st[0].RestartCount != 7 || st[0].LastTerminationState.Terminated == nil {
		t.Fatalf("containers %+v, statuses %+v", c, st)
	}
	// A pod's own spec and status stay a pod's.
	in = pastedInput(t, `{"spec": {"containers": [{"name": "web", "image": "nginx"}]}, "status": {"phase": "Running", "containerStatuses": [{"name": "web", "restartCount": 2, "state": {"running": {}}}]}}`)
	if c := in.Pod.Spec.Containers; len(c) != 1 || c[0].Image != "nginx" || in.Pod.Status.ContainerStatuses[0].RestartCount != 2 {
		t.Fatalf("pod %+v", in.Pod)
	}
}

// TestLogAfterYAML: the output of a `kubectl logs` prompt after a YAML
// fragment is the log, even when its line reads like a key.
func TestLogAfterYAML(t *testing.T) {
	in := pastedInput(t, "$ kubectl get pod db-0 -o yaml | sed -n '/containerStatuses/,$p'\n  containerStatuses:\n  - image: postgres:16\n    lastState:\n      terminated:\n        exitCode: 1\n        reason: Error\n    name: postgres\n    restartCount: 8\n    state:\n      waiting:\n        reason: CrashLoopBackOff\n\n$ kubectl logs db-0 --previous\nchown: changing ownership of '/var/lib/postgresql/data': Operation not permitted\n")
	if !strings.Contains(logsOf(in), "chown: changing ownership") {
		t.Fatalf("logs %q, want the chown line", in.Logs)
	}
	if st := in.Pod.Status.ContainerStatuses; len(st) != 1 || st[0].RestartCount != 8 {
		t.Fatalf("statuses %+v", st)
	}
}

func logsOf(in diagnose.Input) string {
	var b strings.Builder
	for _, l := range in.Logs {
		b.WriteString(l)
	}
	return b.String()
}

// TestDockerInspectCutShort: `docker inspect` output cut before its end
// (a paste that stops after the State object) still gives the exit code,
// the OOM kill and Docker's restarting.
func TestDockerInspectCutShort(t *testing.T) {
	in := pastedInput(t, "[\n    {\n        \"Id\": \"ce0ee35e174e\",\n        \"State\": {\n            \"Status\": \"restarting\",\n            \"Restarting\": true,\n            \"OOMKilled\": false,\n            \"ExitCode\": 132,\n            \"Error\": \"\"\n        },\n        \"Name\": \"/clickhouse\",\n        \"Image\": \"sha256:89b1\",\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].State.Waiting == nil || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.ExitCode != 132 || in.Pod.Name != "clickhouse" {
		t.Fatalf("pod %s, statuses %+v", in.Pod.Name, st)
	}
	in = pastedInput(t, "[\n    {\n        \"State\": {\n            \"Status\": \"exited\",\n            \"OOMKilled\": true,\n            \"ExitCode\": 137,\n")
	if st := in.Pod.Status.ContainerStatuses; len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("statuses %+v", st)
	}
}

// TestStateAlone: what the report's own suggestion prints (`-o
// jsonpath='{...lastState}'`, a state alone), a jsonpath that prints only
// the exit code, and a describe state retyped on one line are read.
func TestStateAlone(t *testing.T) {
	in := pastedInput(t, `{"terminated":{"containerID":"containerd://0c1d","exitCode":137,"finishedAt":"2026-01-01T00:00:00Z","reason":"OOMKilled","startedAt":"2025-12-31T23:59:00Z"}}`)
	if st := in.Pod.Status.ContainerStatuses; len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("statuses %+v", st)
	}
	in = pastedInput(t, "$ kubectl get pods\nNAME    READY   STATUS             RESTARTS   AGE\nweb-1   0/1     CrashLoopBackOff   6          9m\n$ kubectl get pod web-1 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'\n0\n")
	if st := in.Pod.Status.ContainerStatuses; len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.ExitCode != 0 || st[0].State.Waiting == nil {
		t.Fatalf("statuses %+v", st)
	}
	in = pastedInput(t, "Containers:\n  app:\n    Image:  ghcr.io/acme/app:1.2\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated, Reason: OOMKilled, Exit Code: 137\n    Restart Count:  4\n")
	if st := in.Pod.Status.ContainerStatuses; len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.ExitCode != 137 || st[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("statuses %+v", st)
	}
}

// TestOcStatusThenLogs: the `oc logs` output pasted after `oc status` is
// the log; OpenShift's advice between them is not.
func TestOcStatusThenLogs(t *testing.T) {
	in := pastedInput(t, "$ oc status\nErrors:\n  * pod/static-site-6d9c8b7f5-w2kzq is crash-looping\n\n    The container is starting and exiting repeatedly. This usually means the container is unable\n    to start, misconfigured, or limited by security restrictions. Check the container logs with\n\n$ oc logs -p static-site-6d9c8b7f5-w2kzq\nnginx: [emerg] mkdir() \"/var/cache/nginx/client_temp\" failed (13: Permission denied)\n")
	if l := logsOf(in); !strings.Contains(l, "Permission denied") || strings.Contains(l, "misconfigured") {
		t.Fatalf("logs %q", l)
	}
}

// TestShapesOfSession13: a termination alone (`-o
// jsonpath='{...lastState.terminated}'`), an init container's own
// restartPolicy in describe (a native sidecar), and a describe cut by grep
// that keeps the containers' names but not their headings.
func TestShapesOfSession13(t *testing.T) {
	in := pastedInput(t, `{"containerID":"docker://77a6","exitCode":0,"finishedAt":"2024-04-22T18:03:11Z","reason":"Completed","startedAt":"2024-04-22T18:03:11Z"}`)
	if st := in.Pod.Status.ContainerStatuses; len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "Completed" {
		t.Fatalf("statuses %+v", st)
	}
	in = pastedInput(t, "Init Containers:\n  migrate:\n    Image:           acme/accounts:7.2.0\n    State:           Waiting\n      Reason:        CrashLoopBackOff\n    Restart Count:   9\n    Restart Policy:  Always\n  wait-db:\n    Image:  busybox\n    State:  Terminated\n      Reason:  Completed\n      Exit Code:  0\nContainers:\n  accounts:\n    Image:  acme/accounts:7.2.0\n    State:  Running\n")
	if ic := in.Pod.Spec.InitContainers; len(ic) != 2 || ic[0].RestartPolicy == nil || *ic[0].RestartPolicy != "Always" || ic[1].RestartPolicy != nil {
		t.Fatalf("init containers %+v", ic)
	}
	in = pastedInput(t, "  linkerd-init:\n    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n    Restart Count:  0\n  linkerd-proxy:\n    State:          Running\n    Restart Count:  0\n  payments:\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n    Restart Count:  9\n")
	if st, ic := in.Pod.Status.ContainerStatuses, in.Pod.Status.InitContainerStatuses; len(st) != 2 || len(ic) != 1 || ic[0].Name != "linkerd-init" || st[1].Name != "payments" || st[1].RestartCount != 9 || st[1].LastTerminationState.Terminated == nil || st[1].LastTerminationState.Terminated.ExitCode != 1 {
		t.Fatalf("statuses %+v, init %+v", st, ic)
	}
}

// TestWrappedDescribeMessage: a state's Message a terminal wrapped at its
// width is joined back as it was (mid-word, or after the space where it
// cut); a JSON line after it stays a line of its own.
func TestWrappedDescribeMessage(t *testing.T) {
	in := pastedInput(t, "    Last State:     Terminated\n      Reason:       StartError\n      Message:      failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create\n failed: unable to start container process: exec: \"gunicorn\": executable file not found in $PATH: unknown\n      Exit Code:    128\n    Restart Count:  4\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || !strings.Contains(st[0].LastTerminationState.Terminated.Message, "runc create failed: unable to start") || st[0].LastTerminationState.Terminated.ExitCode != 128 {
		t.Fatalf("statuses %+v", st)
	}
	in = pastedInput(t, "    Last State:     Terminated\n      Reason:       Error\n      Message:      short line\n failed: not a wrap\n      Exit Code:    1\n")
	if m := in.Pod.Status.ContainerStatuses[0].LastTerminationState.Terminated.Message; m != "short line" {
		t.Fatalf("message %q", m)
	}
}

// TestWatchRowsInitOOMKilled: `kubectl get pods -w` rows that alternate
// Init:OOMKilled and Init:CrashLoopBackOff keep the init container's kill.
func TestWatchRowsInitOOMKilled(t *testing.T) {
	in := pastedInput(t, "$ kubectl get po -w\nNAME                       READY   STATUS                  RESTARTS      AGE\ncatalog-6f4d8b7c9-8mxkp    0/1     Init:0/1                0             5s\ncatalog-6f4d8b7c9-8mxkp    0/1     Init:OOMKilled          0             48s\ncatalog-6f4d8b7c9-8mxkp    0/1     Init:CrashLoopBackOff   1 (2s ago)    96s\n")
	st := in.Pod.Status.InitContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "OOMKilled" {
		t.Fatalf("init statuses %+v", st)
	}
}

// TestStripLinePrefixes: consecutive line numbers and one clock time that
// a paste tool put before every line are removed, keeping the lines'
// indentation relative to each other; times that differ (a log's own) and
// numbers that do not count up are content.
func TestStripLinePrefixes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{" 52      State:          Waiting\n 53        Reason:       CrashLoopBackOff\n 54      Last State:     Terminated\n 55        Exit Code:    139\n", "State:          Waiting\n  Reason:       CrashLoopBackOff\nLast State:     Terminated\n  Exit Code:    139\n"},
		{"09:14:02  $ kubectl describe pod p\n09:14:02      State:          Waiting\n09:14:02        Reason:       CrashLoopBackOff\n", "$ kubectl describe pod p\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n"},
		{"09:14:02 starting\n09:14:03 listening on :8080\n09:14:04 panic: boom\n", "09:14:02 starting\n09:14:03 listening on :8080\n09:14:04 panic: boom\n"},
		{"1 apple\n3 pears\n7 plums\n", "1 apple\n3 pears\n7 plums\n"},
	} {
		if got := string(stripLinePrefixes([]byte(tc.in))); got != tc.want {
			t.Errorf("stripLinePrefixes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNamespaceEventsNameThePodInBackOff: of a namespace's events the pod
// in back-off is the one diagnosed, however many events another pod has,
// and a ReplicaSet's or Node's events name no pod; an exit code a jsonpath
// printed is that pod's one container's.
func TestNamespaceEventsNameThePodInBackOff(t *testing.T) {
	paste := "NAMESPACE   LAST SEEN   TYPE      REASON         OBJECT                            MESSAGE\n" +
		"ranking     2m          Warning   BackOff        pod/rank-worker-7c8d9e0f1-p5tqz   Back-off restarting failed container worker in pod rank-worker-7c8d9e0f1-p5tqz_ranking(0b1c)\n" +
		"ranking     2h          Warning   Unhealthy      pod/rank-api-5b6c7d8e9-gg2xm      Liveness probe failed: HTTP probe failed with statuscode: 500\n" +
		"ranking     2h          Normal    Killing        pod/rank-api-5b6c7d8e9-gg2xm      Container api failed liveness probe, will be restarted\n" +
		"ranking     3m          Warning   FailedCreate   replicaset/aaa-batch-5f6b8d7c9    Error creating: pods \"aaa-batch-5f6b8d7c9-\" is forbidden: exceeded quota\n" +
		"ranking     3m          Warning   FailedCreate   replicaset/aaa-batch-5f6b8d7c9    Error creating: pods \"aaa-batch-5f6b8d7c9-\" is forbidden: exceeded quota\n" +
		"\n$ kubectl get pod rank-worker-7c8d9e0f1-p5tqz -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'\n0\n"
	in := pastedInput(t, paste)
	if in.Pod.Name != "rank-worker-7c8d9e0f1-p5tqz" {
		t.Fatalf("pod %q", in.Pod.Name)
	}
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].Name != "worker" || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.ExitCode != 0 {
		t.Fatalf("statuses %+v", st)
	}
}

// TestEventAgesCountFromTheLastKill: a back-off repeats while the
// container waits, so the paste's time is set by the newest start or kill
// event (the liveness kill 4m ago ends the run the describe records).
func TestEventAgesCountFromTheLastKill(t *testing.T) {
	in := pastedInput(t, "    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    137\n      Started:      Wed, 11 Sep 2024 09:02:11 +0000\n      Finished:     Wed, 11 Sep 2024 09:03:41 +0000\n    Restart Count:  5\nEvents:\n  Type     Reason     Age                  From     Message\n  ----     ------     ----                 ----     -------\n  Warning  Unhealthy  4m (x15 over 12m)    kubelet  Liveness probe failed: connection refused\n  Normal   Killing    4m (x5 over 12m)     kubelet  Container storefront failed liveness probe, will be restarted\n  Warning  BackOff    60s (x22 over 10m)   kubelet  Back-off restarting failed container storefront in pod storefront-6b8c9d7f5-2wqzt_shop(0c1d)\n")
	if want := time.Date(2024, 9, 11, 9, 7, 41, 0, time.UTC); !in.Now.Equal(want) {
		t.Fatalf("now = %s, want %s", in.Now, want)
	}
}

// A fronting proxy's current log pasted beside the crashed container's
// previous log is left out: its refused upstreams are the app being down.
// Alone, it is the log; a proxy on the way out (cloud-sql-proxy) is kept.
func TestProxyLogBesideTheCrashedOne(t *testing.T) {
	const app = "$ kubectl logs web-1 -c web --previous\nError: Cannot find module 'express'\n\n"
	const proxy = "$ kubectl logs web-1 -c nginx --tail=1\n2024/08/30 09:51:17 [error] 30#30: *61 connect() failed (111: Connection refused) while connecting to upstream, upstream: \"http://127.0.0.1:3000/\"\n\n"
	const outbound = "$ kubectl logs web-1 -c cloud-sql-proxy | tail -1\n2024/12/09 11:05:41 failed to connect to instance: googleapi: Error 403: NOT_AUTHORIZED\n"
	for _, tc := range []struct {
		name, in   string
		want, lose string
	}{
		{"beside the app's", proxy + app, "Cannot find module", "connect() failed"},
		{"alone", proxy, "connect() failed", ""},
		{"with --previous", strings.Replace(proxy, "--tail=1", "--previous", 1) + app, "connect() failed", ""},
		{"outbound proxy", app + outbound, "Error 403", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o Objects
			if _, err := o.ParseAny("paste", strings.NewReader(tc.in)); err != nil {
				t.Fatal(err)
			}
			var all string
			for _, l := range o.Logs {
				all += l.Text + "\n"
			}
			if !strings.Contains(all, tc.want) || tc.lose != "" && strings.Contains(all, tc.lose) {
				t.Errorf("logs = %q, want %q without %q", all, tc.want, tc.lose)
			}
		})
	}
}

// Events pasted as YAML (`kubectl get events -o yaml`) name the pod and
// its container when nothing else does.
func TestStructuredEventsNameThePod(t *testing.T) {
	const events = `apiVersion: v1
items:
- apiVersion: v1
  involvedObject:
    fieldPath: spec.containers{invoicer}
    kind: Pod
    name: invoicer-66f9c7d8b4-p7rkd
    namespace: billing
  kind: Event
  message: Container invoicer failed liveness probe, will be restarted
  metadata:
    name: invoicer-66f9c7d8b4-p7rkd.183e2a1b3f4a5b6c
    namespace: billing
  reason: Killing
  type: Normal
kind: List
`
	var o Objects
	if _, err := o.ParseAny("events.yaml", strings.NewReader(events)); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Date(2025, 5, 12, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod.Name != "invoicer-66f9c7d8b4-p7rkd" || in.Pod.Namespace != "billing" {
		t.Errorf("pod = %s/%s, want billing/invoicer-66f9c7d8b4-p7rkd", in.Pod.Namespace, in.Pod.Name)
	}
	if len(in.Events) != 1 {
		t.Errorf("events = %d, want the Killing event", len(in.Events))
	}
	if cs := in.Pod.Spec.Containers; len(cs) != 1 || cs[0].Name != "invoicer" {
		t.Errorf("containers = %+v, want one named invoicer", cs)
	}
}

// TestEventMessageWrappedByTheTerminal checks that an event message a
// terminal cut at its width, inside a word, is read whole, also as the
// paste's last line.
func TestEventMessageWrappedByTheTerminal(t *testing.T) {
	text := "describe events only, copied out of a 100-col terminal:\n\nEvents:\n" +
		"  Type     Reason     Age                 From               Message\n" +
		"  ----     ------     ----                ----               -------\n" +
		"  Warning  Failed     10s (x15 over 3m)   kubelet            Error: secret \"oauth2-proxy-cookie-secr\n" +
		"et\" not found\n"
	var o Objects
	if _, err := o.ParseAny("paste", strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range in.Events {
		msgs = append(msgs, e.Message)
	}
	if !slices.Contains(msgs, `Error: secret "oauth2-proxy-cookie-secret" not found`) {
		t.Fatalf("events %q, want the wrapped message whole", msgs)
	}
	if strings.Contains(fmt.Sprint(in.Logs), `et" not found`) {
		t.Fatalf("the message's end was read as a log: %q", in.Logs)
	}
}

// TestOldRestartAmongSystemPodsIsNotTheCrash checks that a namespace's
// running, ready pods, one of which restarted once long ago, do not
// stand for the crash the words describe (the crashing pod's row was cut
// from the paste).
func TestOldRestartAmongSystemPodsIsNotTheCrash(t *testing.T) {
	var o Objects
	table := "NAME                      READY   STATUS    RESTARTS   AGE\netcd-silver               1/1     Running   0          20h\nkube-flannel-ds-02q5k     2/2     Running   1          20h\nkube-proxy-2w7pg          1/1     Running   0          20h\n"
	if _, err := o.ParseAny("t", strings.NewReader(table)); err != nil {
		t.Fatal(err)
	}
	o.Logs = append(o.Logs, Log{Text: "InfluxDB pod in CrashLoopBackoff - need advice on how to debug\n"})
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod != nil && strings.HasPrefix(in.Pod.Name, "kube-flannel") {
		t.Fatalf("a neighbour that restarted once 20h ago stands for the crash: %s", in.Pod.Name)
	}
}

// TestOldDescribeKeepsItsTabbedEvents checks that kubectl 1.7's describe,
// whose events table separates its columns with tabs, gives its events:
// the describe's tabs are spaces to its keys, but the table needs them.
func TestOldDescribeKeepsItsTabbedEvents(t *testing.T) {
	text := "Containers:\n  app:\n    Image:\t\tregistry.example.com/shop/app:2.3.0\n    State:\t\tWaiting\n      Reason:\t\tCreateContainerConfigError\n    Restart Count:\t0\n" +
		"Events:\n  FirstSeen\tLastSeen\tCount\tFrom\t\t\tSubObjectPath\t\tType\t\tReason\t\tMessage\n" +
		"  ---------\t--------\t-----\t----\t\t\t-------------\t\t--------\t------\t\t-------\n" +
		"  2m\t\t9s\t\t12\tkubelet, node-a\tspec.containers{app}\tWarning\t\tFailed\t\tError: secrets \"app-secrets\" not found\n"
	var o Objects
	if _, err := o.ParseAny("describe", strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	in, err := o.Input(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Events) != 1 || in.Events[0].Reason != "Failed" || in.Events[0].Count != 12 || !strings.Contains(in.Events[0].Message, `secrets "app-secrets" not found`) {
		t.Fatalf("events %+v, want the Failed row with its count", in.Events)
	}
}

// TestParseProbeGRPC: describe prints a gRPC probe as "grpc <pod>:PORT
// SERVICE"; the port and the optional service are kept, so next steps can
// name them.
func TestParseProbeGRPC(t *testing.T) {
	for _, tc := range []struct {
		in      string
		port    int32
		service string
	}{
		{"grpc <pod>:9090 grpc.health.v1.Health delay=5s timeout=1s period=10s #success=1 #failure=3", 9090, "grpc.health.v1.Health"},
		{"grpc <pod>:50051  delay=0s timeout=1s period=10s #success=1 #failure=3", 50051, ""},
	} {
		p := parseProbe(tc.in)
		if p == nil || p.GRPC == nil {
			t.Fatalf("%q: no grpc probe: %+v", tc.in, p)
		}
		service := ""
		if p.GRPC.Service != nil {
			service = *p.GRPC.Service
		}
		if p.GRPC.Port != tc.port || service != tc.service || p.PeriodSeconds != 10 {
			t.Errorf("%q: port %d service %q period %d", tc.in, p.GRPC.Port, service, p.PeriodSeconds)
		}
	}
}

// TestEventsInvalidAge: a node whose clock runs ahead makes kubectl print
// "<invalid> (x9 over <invalid>)"; the row is still an event with its
// count, not a message that starts with the age.
func TestEventsInvalidAge(t *testing.T) {
	in := "Events:\n" +
		"  Type     Reason     Age                            From               Message\n" +
		"  ----     ------     ----                           ----               -------\n" +
		"  Normal   Started    <invalid> (x4 over <invalid>)  kubelet, node-1    Started container app\n" +
		"  Warning  BackOff    <invalid> (x9 over <invalid>)  kubelet, node-1    Back-off restarting failed container\n"
	got := pastedInput(t, in)
	if len(got.Events) != 2 {
		t.Fatalf("events %+v", got.Events)
	}
	if e := got.Events[1]; e.Reason != "BackOff" || e.Count != 9 || e.Message != "Back-off restarting failed container" {
		t.Fatalf("event %s x%d %q", e.Reason, e.Count, e.Message)
	}
}

// TestStripCIPrefixes: a CI system's prefix on every line of a job's log
// (GitHub Actions, GitLab, Jenkins' timestamper, Tekton's task and step)
// is taken off, so a describe block in it keeps its indentation; the
// reporter's words around it, and a log with a few such lines, stay.
func TestStripCIPrefixes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Jenkins output:\n[2025-06-22T19:44:10.893Z]     State:          Terminated\n[2025-06-22T19:44:10.916Z]       Reason:       Completed\n[2025-06-22T19:44:10.950Z]       Exit Code:    0\n", "Jenkins output:\n    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n"},
		{"2025-06-21T13:02:20.6134417Z ##[group]Run kubectl logs x\n2025-06-21T13:02:20.6912210Z panic: boom\n2025-06-21T13:02:20.7086423Z   main.go:12\n", "##[group]Run kubectl logs x\npanic: boom\n  main.go:12\n"},
		{"2025-06-21T13:02:20.613441Z 00O $ kubectl get pods\n2025-06-21T13:02:20.613441Z 00O NAME READY\n2025-06-21T13:02:20.613441Z 00O+ api 0/1\n", "$ kubectl get pods\nNAME READY\napi 0/1\n"},
		{"[deploy : rollout] a\n[debug : logs] + kubectl logs x\n[debug : logs] flag provided but not defined: -x\n", "a\n+ kubectl logs x\nflag provided but not defined: -x\n"},
		// A log's own times (nine decimals, kubectl --timestamps) are content.
		{"2025-06-21T13:02:20.613441123Z starting\n2025-06-21T13:02:21.613441123Z ready\n2025-06-21T13:02:22.613441123Z panic: boom\n", "2025-06-21T13:02:20.613441123Z starting\n2025-06-21T13:02:21.613441123Z ready\n2025-06-21T13:02:22.613441123Z panic: boom\n"},
		// Two prefixed lines among many are not a CI log.
		{"[a : b] one\n[a : b] two\nthree\nfour\nfive\n", "[a : b] one\n[a : b] two\nthree\nfour\nfive\n"},
	} {
		if got := string(stripCIPrefixes([]byte(tc.in))); got != tc.want {
			t.Errorf("stripCIPrefixes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A set -x trace's "+ kubectl logs" opens the log below it.
	in := pastedInput(t, "[2025-06-22T19:44:10.764Z] + kubectl -n nettest describe pod probe-target-6c5d\n[2025-06-22T19:44:10.893Z]     State:          Waiting\n[2025-06-22T19:44:10.900Z]       Reason:       CrashLoopBackOff\n[2025-06-22T19:44:10.916Z]     Last State:     Terminated\n[2025-06-22T19:44:10.930Z]       Reason:       Completed\n[2025-06-22T19:44:10.950Z]       Exit Code:    0\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "Completed" {
		t.Fatalf("statuses %+v", st)
	}
}

// TestShellTracePrompt: a shell's trace of the command it runs ("+ kubectl
// logs ...", from set -x in a CI step) is a prompt like "$ kubectl".
func TestShellTracePrompt(t *testing.T) {
	for _, l := range []string{"+ kubectl -n monitoring logs deploy/pg-exporter --previous", "++ docker logs api"} {
		if !rePrompt.MatchString(l) {
			t.Errorf("%q is not read as a prompt", l)
		}
	}
	if rePrompt.MatchString("+ exec /app/server") {
		t.Errorf("a traced exec of the app is read as a prompt")
	}
}

// TestStatusJSONLine: a container's state that `-o jsonpath` printed on
// one line right under a log (one CI step ran both commands) is the
// status, not a log line; a structured log line is not.
func TestStatusJSONLine(t *testing.T) {
	in := pastedInput(t, "2025-10-30 03:13:41 INFO price-sync: fetching supplier feeds (3)\n2025-10-30 03:13:44 INFO price-sync: done\n{\"terminated\":{\"containerID\":\"containerd://4b5c\",\"exitCode\":0,\"finishedAt\":\"2025-10-30T03:13:44Z\",\"reason\":\"Completed\",\"startedAt\":\"2025-10-30T03:13:40Z\"}}\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "Completed" {
		t.Fatalf("statuses %+v", st)
	}
	for _, l := range []string{`{"level":"info","msg":"child exited","exitCode":1,"containerID":"x","finishedAt":"2025-10-30T03:13:44Z"}`, `{"waiting":`, `plain`} {
		if statusJSONLine(l) {
			t.Errorf("%q is read as a container's state", l)
		}
	}
	for _, l := range []string{`{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 5m0s"}}`, `{"exitCode":137,"reason":"OOMKilled","finishedAt":"2025-10-30T03:13:44Z"}`} {
		if !statusJSONLine(l) {
			t.Errorf("%q is not read as a container's state", l)
		}
	}
}
