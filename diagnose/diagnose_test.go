package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

func TestDiagnose(t *testing.T) {
	tests := []struct {
		name      string
		pod       *corev1.Pod
		events    []corev1.Event
		logs      map[string]string
		wantCont  string
		wantType  string
		wantCat   Category
		wantExit  int32 // -1: no exit code
		wantInEv  string
		wantStep  string
		wantCount int // failing containers, 0 means 1
	}{
		{
			name:     "oom killed with limit",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 12)), withMemoryLimit("api", "256Mi")),
			events:   []corev1.Event{backOff("api")},
			wantCont: "api", wantType: "app", wantCat: OOMKilled, wantExit: 137,
			wantInEv: "reason=OOMKilled", wantStep: "kubectl -n shop set resources deployment/api -c api --limits=memory=512Mi",
		},
		{
			name: "exit 137 with node OOMKilling event",
			pod:  testPod([]string{"api"}, setStatus(crashLoop("api", 137, "Error", 3))),
			events: []corev1.Event{backOff("api"), {Reason: "OOMKilling", Message: "Memory cgroup out of memory: Killed process 4121 (java) total-vm:4GB",
				InvolvedObject: corev1.ObjectReference{Kind: "Node", Name: "node-1"}, LastTimestamp: ts(150 * time.Second)}},
			wantCont: "api", wantType: "app", wantCat: OOMKilled, wantExit: 137, wantInEv: "Memory cgroup out of memory",
		},
		{
			name: "liveness probe kill",
			pod:  testPod([]string{"api"}, setStatus(crashLoop("api", 137, "Error", 5)), withLiveness("api")),
			events: []corev1.Event{
				event("Unhealthy", "api", "Liveness probe failed: Get \"http://10.244.1.5:8080/healthz\": dial tcp 10.244.1.5:8080: connect: connection refused", 150*time.Second, 15),
				event("Killing", "api", "Container api failed liveness probe, will be restarted", 140*time.Second, 5),
				backOff("api"),
			},
			logs:     map[string]string{"api": "starting up\nloading 3 GB model\n"},
			wantCont: "api", wantType: "app", wantCat: LivenessProbe, wantExit: 137,
			wantInEv: "failed liveness probe", wantStep: "initialDelaySeconds=0 periodSeconds=10 timeoutSeconds=1 failureThreshold=3",
		},
		{
			name: "startup probe kill with SIGTERM exit",
			pod:  testPod([]string{"api"}, setStatus(crashLoop("api", 143, "Error", 2))),
			events: []corev1.Event{
				event("Killing", "api", "Container api failed startup probe, will be restarted", 140*time.Second, 2),
			},
			wantCont: "api", wantType: "app", wantCat: LivenessProbe, wantExit: 143, wantInEv: "failed startup probe",
		},
		{
			name:     "probe kill inferred when events expired",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 137, "Error", 7)), withLiveness("api")),
			wantCont: "api", wantType: "app", wantCat: LivenessProbe, wantExit: 137, wantStep: "Events have expired",
		},
		{
			// SIGKILL with no probe and no OOMKilled reason: the kernel's OOM
			// killer is the usual sender (runtimes that do not report it,
			// a child process killed), but only possible.
			name:     "exit 137 no evidence no probe",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 137, "Error", 7))),
			wantCont: "api", wantType: "app", wantCat: OOMKilled, wantExit: 137, wantStep: "involvedObject.name=",
		},
		{
			name:     "completed under restartPolicy Always",
			pod:      testPod([]string{"migrate"}, setStatus(crashLoop("migrate", 0, "Completed", 4)), withCommand("migrate", "/app/migrate", "up")),
			wantCont: "migrate", wantType: "app", wantCat: Completed, wantExit: 0, wantInEv: "reason=Completed", wantStep: "Job or CronJob",
		},
		{
			name: "command not found StartError",
			pod: testPod([]string{"api"}, withCommand("api", "gunicorn", "app:app"), setStatus(func() corev1.ContainerStatus {
				st := crashLoop("api", 128, "StartError", 3)
				st.LastTerminationState.Terminated.Message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "gunicorn": executable file not found in $PATH: unknown`
				return st
			}())),
			wantCont: "api", wantType: "app", wantCat: CommandNotFound, wantExit: 128, wantInEv: "executable file not found", wantStep: `["gunicorn" "app:app"]`,
		},
		{
			name:     "exit 127 from shell",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 127, "Error", 3))),
			logs:     map[string]string{"api": "/docker-entrypoint.sh: line 9: envsubst: command not found\n"},
			wantCont: "api", wantType: "app", wantCat: CommandNotFound, wantExit: 127, wantInEv: "envsubst: command not found",
		},
		{
			name:     "exit 126 not executable",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 126, "Error", 3))),
			logs:     map[string]string{"api": "/bin/sh: /app/start.sh: Permission denied\n"},
			wantCont: "api", wantType: "app", wantCat: CommandNotFound, wantExit: 126,
		},
		{
			name:     "exec format error",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 255, "Error", 3))),
			logs:     map[string]string{"api": "exec /usr/local/bin/api: exec format error\n"},
			wantCont: "api", wantType: "app", wantCat: ExecFormat, wantExit: 255, wantStep: "kubectl get node node-1 -o jsonpath='{.status.nodeInfo.architecture}'",
		},
		{
			name: "missing secret CreateContainerConfigError",
			pod: testPod([]string{"api"}, setStatus(corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
				Reason: "CreateContainerConfigError", Message: `secret "db-creds" not found`}}})),
			wantCont: "api", wantType: "app", wantCat: MissingConfigObject, wantExit: -1, wantInEv: `secret \"db-creds\" not found`, wantStep: "kubectl -n shop get secret db-creds",
		},
		{
			name: "missing configmap key",
			pod: testPod([]string{"api"}, setStatus(corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
				Reason: "CreateContainerConfigError", Message: `couldn't find key LOG_LEVEL in ConfigMap shop/api-config`}}})),
			wantCont: "api", wantType: "app", wantCat: MissingConfigObject, wantExit: -1, wantStep: "Add key LOG_LEVEL to ConfigMap shop/api-config",
		},
		{
			name: "runAsNonRoot violation",
			pod: testPod([]string{"api"}, setStatus(corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
				Reason: "CreateContainerConfigError", Message: `container has runAsNonRoot and image will run as root (pod: "api-7d9c8b6f5-x2x9z_shop(0b1c)", container: api)`}}})),
			wantCont: "api", wantType: "app", wantCat: PermissionDenied, wantExit: -1,
		},
		{
			name: "missing secret volume FailedMount, containers creating",
			pod: testPod([]string{"api"}, func(p *corev1.Pod) {
				p.Status.Phase = corev1.PodPending
				p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}}
			}),
			events:   []corev1.Event{event("FailedMount", "", `MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found`, time.Minute, 9)},
			wantCont: "", wantType: "pod", wantCat: MissingConfigObject, wantExit: -1, wantStep: `Create Secret "api-tls" in namespace shop`,
		},
		{
			name:     "segfault 139",
			pod:      testPod([]string{"render"}, setStatus(crashLoop("render", 139, "Error", 9))),
			wantCont: "render", wantType: "app", wantCat: Segfault, wantExit: 139,
		},
		{
			name:     "exit 1 dependency from logs",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 6))),
			logs:     map[string]string{"api": "2024/03/01 10:00:00 starting\n2024/03/01 10:00:05 failed to connect to database: dial tcp: lookup postgres on 10.96.0.10:53: no such host\n"},
			wantCont: "api", wantType: "app", wantCat: DependencyUnavailable, wantExit: 1, wantInEv: "no such host", wantStep: "nslookup postgres",
		},
		{
			name:     "exit 1 port conflict",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 6))),
			logs:     map[string]string{"api": "listen tcp :8080: bind: address already in use\n"},
			wantCont: "api", wantType: "app", wantCat: PortConflict, wantExit: 1,
		},
		{
			name:     "exit 1 permission denied",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 6))),
			logs:     map[string]string{"api": "mkdir /var/lib/app: permission denied\n"},
			wantCont: "api", wantType: "app", wantCat: PermissionDenied, wantExit: 1, wantStep: "runAsUser=image default",
		},
		{
			name:     "exit 2 config flag",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 2, "Error", 6))),
			logs:     map[string]string{"api": "flag provided but not defined: -listen\nUsage of /app:\n"},
			wantCont: "api", wantType: "app", wantCat: ConfigError, wantExit: 2,
		},
		{
			name:     "exit 2 go panic",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 2, "Error", 6))),
			logs:     map[string]string{"api": "panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:9 +0x1d\n"},
			wantCont: "api", wantType: "app", wantCat: AppCrash, wantExit: 2, wantInEv: "panic: assignment to entry in nil map", wantStep: "rollout undo deployment/api",
		},
		{
			name:     "exit 134 node heap oom",
			pod:      testPod([]string{"web"}, setStatus(crashLoop("web", 134, "Error", 6))),
			logs:     map[string]string{"web": "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"},
			wantCont: "web", wantType: "app", wantCat: OOMKilled, wantExit: 134,
		},
		{
			name:     "exit 134 abort no log",
			pod:      testPod([]string{"web"}, setStatus(crashLoop("web", 134, "Error", 6))),
			wantCont: "web", wantType: "app", wantCat: AppCrash, wantExit: 134,
		},
		{
			name:     "exit 255 unknown no log",
			pod:      testPod([]string{"api"}, setStatus(crashLoop("api", 255, "Error", 6))),
			wantCont: "api", wantType: "app", wantCat: Unknown, wantExit: 255,
		},
		{
			name: "exit 1 from termination message only",
			pod: testPod([]string{"api"}, setStatus(func() corev1.ContainerStatus {
				st := crashLoop("api", 1, "Error", 2)
				st.LastTerminationState.Terminated.Message = "FATAL: environment variable STRIPE_KEY is required"
				return st
			}())),
			wantCont: "api", wantType: "app", wantCat: ConfigError, wantExit: 1, wantInEv: "STRIPE_KEY",
		},
		{
			name:     "multi container only the second crashes",
			pod:      testPod([]string{"istio-proxy", "api", "metrics"}, setStatus(crashLoop("api", 1, "Error", 4))),
			logs:     map[string]string{"api": "Error: connect ECONNREFUSED 10.0.0.1:6379\n", "istio-proxy": "all fine\n"},
			wantCont: "api", wantType: "app", wantCat: DependencyUnavailable, wantExit: 1,
		},
		{
			name: "two crashing, CrashLoopBackOff ranks over plain terminated",
			pod: testPod([]string{"a", "b"}, setStatus(crashLoop("b", 1, "Error", 2)), setStatus(corev1.ContainerStatus{Name: "a", RestartCount: 9,
				State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 3, Reason: "Error", StartedAt: ts(time.Minute), FinishedAt: ts(30 * time.Second)}}})),
			wantCont: "b", wantType: "app", wantCat: Unknown, wantExit: 1, wantCount: 2,
		},
		{
			name: "init container crash loop",
			pod: testPod([]string{"api"}, func(p *corev1.Pod) {
				p.Status.Phase = corev1.PodPending
				p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "PodInitializing"}}}
			}, withInit(crashLoop("wait-for-db", 1, "Error", 5), false)),
			logs:     map[string]string{"wait-for-db": "nc: bad address 'postgres'\nwaiting for db... could not resolve host postgres\n"},
			wantCont: "wait-for-db", wantType: "init", wantCat: DependencyUnavailable, wantExit: 1,
		},
		{
			name:     "native sidecar crashes",
			pod:      testPod([]string{"api"}, withInit(crashLoop("istio-proxy", 255, "Error", 8), true)),
			logs:     map[string]string{"istio-proxy": `error	failed to start: x509: certificate signed by unknown authority` + "\n"},
			wantCont: "istio-proxy", wantType: "sidecar", wantCat: ConfigError, wantExit: 255,
		},
		{
			name: "kubelet race: BackOff event but status still running",
			pod: testPod([]string{"api"}, setStatus(corev1.ContainerStatus{Name: "api", RestartCount: 1,
				State:                corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ts(time.Second)}},
				LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 1, Reason: "Error", StartedAt: ts(time.Minute), FinishedAt: ts(2 * time.Second)}}})),
			events:   []corev1.Event{backOff("api")},
			logs:     map[string]string{"api": "Traceback (most recent call last):\n  File \"/app/x.py\", line 1\nKeyError: 'REDIS_URL'\n"},
			wantCont: "api", wantType: "app", wantCat: ConfigError, wantExit: 1, wantInEv: "KeyError: 'REDIS_URL'",
		},
		{
			name:     "image pull back-off",
			pod:      testPod([]string{"api"}, setStatus(corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ImagePullBackOff", Message: `Back-off pulling image "ghcr.io/acme/api:1.4.3"`}}})),
			wantCont: "api", wantType: "app", wantCat: Unknown, wantExit: -1,
		},
		{
			name: "restartPolicy Never pod failed with exit 1",
			pod: testPod([]string{"job"}, func(p *corev1.Pod) {
				p.Spec.RestartPolicy = corev1.RestartPolicyNever
				p.Status.Phase = corev1.PodFailed
				p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "job", State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 1, Reason: "Error"}}}
			}),
			logs:     map[string]string{"": "ERROR: relation \"users\" does not exist\npsql: error: connection to server at \"pg\" (10.1.1.1), port 5432 failed: FATAL:  database \"shop\" does not exist\n"},
			wantCont: "job", wantType: "app", wantCat: ConfigError, wantExit: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Diagnose(Input{Pod: tc.pod, Events: tc.events, Logs: tc.logs, Now: now})
			if r.Healthy {
				t.Fatalf("Healthy = true, want a failing pod: %+v", r)
			}
			if r.Container != tc.wantCont || r.ContainerType != tc.wantType || r.Category != tc.wantCat {
				t.Errorf("got %s (%s) %s, want %s (%s) %s\nsummary: %s\nevidence: %q", r.Container, r.ContainerType, r.Category, tc.wantCont, tc.wantType, tc.wantCat, r.Summary, r.Evidence)
			}
			switch {
			case tc.wantExit < 0 && r.ExitCode != nil:
				t.Errorf("ExitCode = %d, want none", *r.ExitCode)
			case tc.wantExit >= 0 && (r.ExitCode == nil || *r.ExitCode != tc.wantExit):
				t.Errorf("ExitCode = %v, want %d", r.ExitCode, tc.wantExit)
			}
			if tc.wantInEv != "" && !strings.Contains(strings.Join(r.Evidence, "\n"), tc.wantInEv) {
				t.Errorf("evidence lacks %q:\n%s", tc.wantInEv, strings.Join(r.Evidence, "\n"))
			}
			if tc.wantStep != "" && !strings.Contains(strings.Join(r.NextSteps, "\n"), tc.wantStep) {
				t.Errorf("next steps lack %q:\n%s", tc.wantStep, strings.Join(r.NextSteps, "\n"))
			}
			if want := max(tc.wantCount, 1); len(r.Containers) != want {
				t.Errorf("%d failing containers, want %d", len(r.Containers), want)
			}
			if r.Summary == "" || len(r.Evidence) == 0 || len(r.NextSteps) == 0 {
				t.Errorf("empty summary/evidence/next steps: %+v", r.Finding)
			}
			if strings.Contains(r.Summary, "\n") {
				t.Errorf("summary spans lines: %q", r.Summary)
			}
			if r.Pod != "shop/api-7d9c8b6f5-x2x9z" || r.Owner == nil || r.Owner.String() != "Deployment/api" {
				t.Errorf("pod %q owner %v", r.Pod, r.Owner)
			}
		})
	}
}

func TestDiagnoseHealthy(t *testing.T) {
	old := corev1.ContainerStatus{Name: "api", Ready: true, RestartCount: 2,
		State:                corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ts(5 * time.Hour)}},
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 137, Reason: "OOMKilled", FinishedAt: ts(5 * time.Hour)}}}
	for name, pod := range map[string]*corev1.Pod{
		"running":           testPod([]string{"api", "sidecar"}),
		"old restarts only": testPod([]string{"api"}, setStatus(old)),
		"job succeeded": testPod([]string{"job"}, func(p *corev1.Pod) {
			p.Spec.RestartPolicy = corev1.RestartPolicyOnFailure
			p.Status.Phase = corev1.PodSucceeded
			p.Status.ContainerStatuses[0].State = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 0, Reason: "Completed"}}
		}),
		"init container done": testPod([]string{"api"}, withInit(corev1.ContainerStatus{Name: "init", State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 0, Reason: "Completed"}}}, false)),
		"sidecar running":     testPod([]string{"api"}, withInit(running("proxy"), true)),
	} {
		t.Run(name, func(t *testing.T) {
			r := Diagnose(Input{Pod: pod, Now: now})
			if !r.Healthy || len(r.Containers) != 0 || r.Category != "" {
				t.Fatalf("want healthy, got %+v", r)
			}
			if !strings.HasPrefix(r.Message, "healthy") {
				t.Errorf("Message = %q", r.Message)
			}
		})
	}
}

func TestDiagnoseNilPod(t *testing.T) {
	r := Diagnose(Input{})
	if r.Healthy || r.Category != Unknown {
		t.Fatalf("got %+v", r)
	}
}

func TestDiagnoseRedactsSecrets(t *testing.T) {
	pod := testPod([]string{"api"}, setStatus(func() corev1.ContainerStatus {
		st := crashLoop("api", 1, "Error", 3)
		st.LastTerminationState.Terminated.Message = "connect postgres://app:TopSecret99@db:5432 failed: connection refused"
		return st
	}()), withCommand("api", "/app/api", "--db-password", "TopSecret99"))
	r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": "token=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nFATAL dial postgres://app:TopSecret99@db:5432: connection refused\n"}})
	if !r.Redacted {
		t.Error("Redacted = false")
	}
	all := strings.Join(append(append(append([]string{r.Summary, r.TerminationMessage}, r.Evidence...), r.NextSteps...), r.LogExcerpt...), "\n")
	for _, s := range []string{"TopSecret99", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"} {
		if strings.Contains(all, s) {
			t.Errorf("secret %q leaked:\n%s", s, all)
		}
	}
}

func TestExitCodeMeaning(t *testing.T) {
	for code, want := range map[int32]string{0: "success", 1: "general", 2: "invalid arguments", 126: "not executable", 127: "not found",
		130: "SIGINT", 134: "SIGABRT", 137: "SIGKILL", 139: "SIGSEGV", 143: "SIGTERM", 255: "out of range", 129: "SIGHUP", 42: "application-specific"} {
		if got := ExitCodeMeaning(code); !strings.Contains(got, want) {
			t.Errorf("ExitCodeMeaning(%d) = %q, want it to mention %q", code, got, want)
		}
	}
}

func TestCategoryDescriptions(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Categories() {
		d := CategoryDescription(c)
		if d == "" || d == "unrecognised category" || seen[d] {
			t.Errorf("category %s: description %q", c, d)
		}
		seen[d] = true
	}
	if len(Categories()) != 13 {
		t.Errorf("%d categories", len(Categories()))
	}
}
