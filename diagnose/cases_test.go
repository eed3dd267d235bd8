package diagnose

import (
	"sort"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// realCase is a crash loop shaped after one reported in public (GitHub
// issues, Q&A threads, blog posts): the pod status, events and log of the
// crashed instance as users paste them, paraphrased, with the category a
// human triager would give and a piece of the line that explains it.
type realCase struct {
	name   string
	eco    string // ecosystem, for the accuracy summary
	pod    *corev1.Pod
	events []corev1.Event
	logs   map[string]string
	cat    Category
	cont   string // failing container expected first; "" means "app"
	ev     string // must occur in the evidence
	step   string // optional: must occur in the next steps
}

// realCaseSets are the case tables, one per family of ecosystems.
func realCaseSets() [][]realCase {
	return [][]realCase{runtimeCases(), dataCases(), jvmCases(), scriptCases(), goCases(), webCases(), holdoutCases(), holdout2Cases()}
}

func TestRealCases(t *testing.T) {
	total, ok := 0, 0
	perEco := map[string][2]int{}
	for _, set := range realCaseSets() {
		for _, tc := range set {
			total++
			pass := t.Run(tc.eco+"/"+tc.name, func(t *testing.T) { checkRealCase(t, tc) })
			c := perEco[tc.eco]
			c[1]++
			if pass {
				ok++
				c[0]++
			}
			perEco[tc.eco] = c
		}
	}
	var ecos []string
	for e := range perEco {
		ecos = append(ecos, e)
	}
	sort.Strings(ecos)
	for _, e := range ecos {
		t.Logf("%-10s %d/%d", e, perEco[e][0], perEco[e][1])
	}
	t.Logf("real cases: %d/%d correct", ok, total)
}

func checkRealCase(t *testing.T, tc realCase) {
	t.Helper()
	r := Diagnose(Input{Pod: tc.pod, Events: tc.events, Logs: tc.logs, Now: now})
	want := tc.cont
	if want == "" {
		want = "app"
	}
	ev := strings.Join(r.Evidence, "\n")
	if r.Healthy || r.Category != tc.cat || r.Container != want {
		t.Errorf("got %s %q, want %s %q\nsummary: %s\nevidence:\n%s", r.Category, r.Container, tc.cat, want, r.Summary, ev)
		return
	}
	if !strings.Contains(ev, tc.ev) {
		t.Errorf("evidence lacks %q:\n%s\nsummary: %s", tc.ev, ev, r.Summary)
	}
	if tc.step != "" && !strings.Contains(strings.Join(r.NextSteps, "\n"), tc.step) {
		t.Errorf("next steps lack %q:\n%s", tc.step, strings.Join(r.NextSteps, "\n"))
	}
	for _, s := range append([]string{r.Summary}, r.Evidence...) {
		if strings.ContainsAny(s, "\x1b\r") {
			t.Errorf("control characters in %q", s)
		}
	}
}

// crashPod is a Deployment pod whose container name crash-loops after
// exiting with code and reason; opts adjust it further.
func crashPod(name string, code int32, reason string, opts ...func(*corev1.Pod)) *corev1.Pod {
	return testPod([]string{name}, append([]func(*corev1.Pod){setStatus(crashLoop(name, code, reason, 6))}, opts...)...)
}

// app is crashPod for the usual container name "app".
func app(code int32, reason string, opts ...func(*corev1.Pod)) *corev1.Pod {
	return crashPod("app", code, reason, opts...)
}

// waitingPod is a pod whose container "app" waits with reason and message
// and never ran.
func waitingPod(reason, msg string) *corev1.Pod {
	return testPod([]string{"app"}, setStatus(corev1.ContainerStatus{Name: "app",
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: reason, Message: msg}}}))
}

// termMessage sets the last termination message of container name.
func termMessage(name, msg string) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		for _, list := range [][]corev1.ContainerStatus{p.Status.ContainerStatuses, p.Status.InitContainerStatuses} {
			for i := range list {
				if list[i].Name == name && list[i].LastTerminationState.Terminated != nil {
					list[i].LastTerminationState.Terminated.Message = msg
				}
			}
		}
	}
}

// initLoop makes init container name crash-loop with code and the app
// container wait in PodInitializing.
func initLoop(name string, code int32) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		p.Status.Phase = corev1.PodPending
		for i := range p.Status.ContainerStatuses {
			p.Status.ContainerStatuses[i] = corev1.ContainerStatus{Name: p.Status.ContainerStatuses[i].Name,
				State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "PodInitializing"}}}
		}
		withInit(crashLoop(name, code, "Error", 5), false)(p)
	}
}

// securityContext sets runAsNonRoot (and a UID) and a read-only root
// filesystem on every container.
func securityContext(readOnly bool) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		yes, uid := true, int64(1000)
		p.Spec.SecurityContext = &corev1.PodSecurityContext{RunAsNonRoot: &yes, RunAsUser: &uid}
		for i := range p.Spec.Containers {
			ro := readOnly
			p.Spec.Containers[i].SecurityContext = &corev1.SecurityContext{ReadOnlyRootFilesystem: &ro}
		}
	}
}

// sidecarApp adds a running container name next to the crashing one.
func sidecarApp(name string) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: name, Image: "istio/proxyv2:1.22.0"})
		p.Status.ContainerStatuses = append(p.Status.ContainerStatuses, running(name))
	}
}

// jobPod turns the pod into a failed Job pod (restartPolicy Never).
func jobPod(p *corev1.Pod) {
	yes := true
	p.Spec.RestartPolicy = corev1.RestartPolicyNever
	p.Status.Phase = corev1.PodFailed
	p.OwnerReferences = []metav1.OwnerReference{{Kind: "Job", Name: "migrate-29001", Controller: &yes}}
	for i := range p.Status.ContainerStatuses {
		st := &p.Status.ContainerStatuses[i]
		if t := st.LastTerminationState.Terminated; t != nil {
			st.State = corev1.ContainerState{Terminated: t}
			st.LastTerminationState = corev1.ContainerState{}
			st.RestartCount = 0
		}
	}
}

// logOf is the usual Logs map: the crashed container "app" and its log.
func logOf(s string) map[string]string { return map[string]string{"app": s} }
