package diagnose

import (
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// crashLoopWindow is how long after an exit a restarted container still
// counts as looping: the kubelet resets its back-off after 10 minutes of
// clean running.
const crashLoopWindow = 10 * time.Minute

// flappingWindow is how long after a failed exit a container restarted
// many times still counts as failing.
const flappingWindow = time.Hour

// manyRestarts is how many restarts after a finished run, the last
// within flappingWindow, make a loop of a container that runs now.
const manyRestarts = 10

// waitingFailures are waiting reasons that mean the container cannot run.
var waitingFailures = map[string]bool{
	"CrashLoopBackOff": true, "CreateContainerConfigError": true, "CreateContainerError": true,
	"RunContainerError": true, "InvalidImageName": true, "ErrImagePull": true,
	"ImagePullBackOff": true, "ErrImageNeverPull": true, "PreCreateHookError": true,
	"PreStartHookError": true, "PostStartHookError": true, "ContainerCannotRun": true,
	"StartError": true,
}

// containerView joins a container's spec and status.
type containerView struct {
	name   string
	kind   string // app, init, sidecar
	index  int    // position in its spec list
	spec   *corev1.Container
	status *corev1.ContainerStatus
	others []string // the names of the pod's other containers
}

// containerViews lists init containers (and sidecars) first, then app
// containers, each with its status if the pod has one.
func containerViews(pod *corev1.Pod) []*containerView {
	var out []*containerView
	add := func(specs []corev1.Container, statuses []corev1.ContainerStatus, init bool) {
		byName := map[string]*corev1.ContainerStatus{}
		for i := range statuses {
			byName[statuses[i].Name] = &statuses[i]
		}
		seen := map[string]bool{}
		for i := range specs {
			c := &specs[i]
			kind := "app"
			if init {
				kind = "init"
				if c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways {
					kind = "sidecar"
				}
			}
			seen[c.Name] = true
			out = append(out, &containerView{name: c.Name, kind: kind, index: i, spec: c, status: byName[c.Name]})
		}
		// Statuses without a spec (a status-only pod dump) still count.
		for i := range statuses {
			if !seen[statuses[i].Name] {
				kind := "app"
				if init {
					kind = "init"
				}
				out = append(out, &containerView{name: statuses[i].Name, kind: kind, index: len(specs) + i, status: &statuses[i]})
			}
		}
	}
	add(pod.Spec.InitContainers, pod.Status.InitContainerStatuses, true)
	add(pod.Spec.Containers, pod.Status.ContainerStatuses, false)
	for _, v := range out {
		for _, o := range out {
			if o != v {
				v.others = append(v.others, o.name)
			}
		}
	}
	return out
}

// lastTermination returns the termination to explain: the current state if
// the container is terminated, else the last one.
func (v *containerView) lastTermination() *corev1.ContainerStateTerminated {
	if v.status == nil {
		return nil
	}
	if t := v.status.State.Terminated; t != nil {
		return t
	}
	return v.status.LastTerminationState.Terminated
}

// restartsAlways reports whether the kubelet restarts this container when
// it exits 0.
func (v *containerView) restartsAlways(pod *corev1.Pod) bool {
	switch v.kind {
	case "sidecar":
		return true
	case "init":
		return false
	}
	if v.spec != nil && v.spec.RestartPolicy != nil {
		return *v.spec.RestartPolicy == corev1.ContainerRestartPolicyAlways
	}
	return pod.Spec.RestartPolicy == "" || pod.Spec.RestartPolicy == corev1.RestartPolicyAlways
}

// failing reports whether the container is failing now: it cannot start,
// it exited with an error (or exited 0 and is restarted anyway), or it
// runs again after a recent crash.
func (v *containerView) failing(pod *corev1.Pod, events []corev1.Event, now time.Time) bool {
	if pod.Status.Phase == corev1.PodSucceeded {
		return false
	}
	st := v.status
	if st == nil {
		// No status (events or a log given without the pod's status): a
		// back-off for it says it is crash-looping.
		return hasBackOff(events, v)
	}
	if w := st.State.Waiting; w != nil && waitingFailures[w.Reason] {
		return true
	}
	if t := st.State.Terminated; t != nil {
		if t.ExitCode != 0 {
			return true
		}
		// Exit 0 is only a failure when the kubelet restarts it anyway.
		return v.restartsAlways(pod) && (st.RestartCount > 0 || t.Reason == "Completed")
	}
	last := st.LastTerminationState.Terminated
	if last == nil {
		// Restarted, with no termination recorded (a `get pods` row): the
		// kubelet's probe kills say why.
		return st.RestartCount > 0 && probeKills(events, v)
	}
	// Terminated before and not running ready now (no state recorded, or
	// running again but not ready): still failing.
	if !st.Ready && st.State.Running == nil && st.State.Terminated == nil {
		return true
	}
	if !st.Ready && st.State.Running != nil && (last.ExitCode != 0 || last.Reason == "OOMKilled" || v.restartsAlways(pod)) {
		return true
	}
	if st.RestartCount < 1 && probeKilling(events, v) {
		// The kubelet's "failed liveness probe, will be restarted": it
		// was restarted, whatever the restart count (cut from a pasted
		// describe) says.
		return true
	}
	if st.RestartCount < 1 && now.IsZero() {
		// A pasted status without its restart count: a failed last
		// termination is what was asked about.
		return last.ExitCode != 0 || last.Reason == "OOMKilled"
	}
	if st.RestartCount < 1 {
		return false
	}
	// The kubelet keeps killing it for a failing probe: running (even
	// ready) for now, it will be killed again.
	if probeKills(events, v) {
		return true
	}
	// Running (or waiting) again after an exit: still failing when the
	// kubelet reports a back-off for it (the status lags the BackOff event
	// by about a second), or the exit was recent.
	if hasBackOff(events, v) {
		return true
	}
	if last.ExitCode == 0 && !v.restartsAlways(pod) {
		return false
	}
	if !now.IsZero() && !last.FinishedAt.IsZero() && now.Sub(last.FinishedAt.Time) < crashLoopWindow {
		return true
	}
	// A container that fails every half hour or so never shows a
	// back-off (the kubelet resets it after 10 minutes of running), but
	// many failed runs, the last within the hour, that the events count
	// as starts again and again, are still a loop.
	if !now.IsZero() && !last.FinishedAt.IsZero() && now.Sub(last.FinishedAt.Time) < flappingWindow &&
		st.RestartCount >= 5 && (last.ExitCode != 0 || last.Reason == "OOMKilled") && startedOften(events, v) {
		return true
	}
	// Without a time to compare with, a restart after a failure counts;
	// so do many after a finished run, the last within the hour ("Restart
	// Count: 504" of a DaemonSet's `sleep 1h`, last state Completed).
	if (now.IsZero() || last.FinishedAt.IsZero()) && (last.ExitCode != 0 || last.Reason == "OOMKilled") {
		return true
	}
	if last.ExitCode == 0 && last.Reason == "Completed" && st.RestartCount >= manyRestarts && v.restartsAlways(pod) &&
		(now.IsZero() || last.FinishedAt.IsZero() || now.Sub(last.FinishedAt.Time) < flappingWindow) {
		return true
	}
	if st.State.Running != nil && !now.IsZero() && !st.State.Running.StartedAt.IsZero() &&
		now.Sub(st.State.Running.StartedAt.Time) < crashLoopWindow && st.RestartCount >= 3 {
		return true
	}
	return false
}

// probeKills reports events of the kubelet killing the container for a
// failing liveness or startup probe, or the failures themselves.
func probeKills(events []corev1.Event, v *containerView) bool {
	for i := range events {
		e := &events[i]
		if !forContainer(e, v) {
			continue
		}
		m := e.Message
		if probeKillEvent(e) || (e.Reason == "Unhealthy" && (strings.HasPrefix(m, "Liveness probe") || strings.HasPrefix(m, "Startup probe"))) {
			return true
		}
	}
	return false
}

// probeKilling reports the kubelet's kill of the container for a failing
// liveness or startup probe (not only the failures).
func probeKilling(events []corev1.Event, v *containerView) bool {
	for i := range events {
		if forContainer(&events[i], v) && probeKillEvent(&events[i]) {
			return true
		}
	}
	return false
}

// probeKillEvent reports the kubelet's "Container x failed liveness probe,
// will be restarted" (or its startup probe's).
func probeKillEvent(e *corev1.Event) bool {
	return e.Reason == "Killing" && (strings.Contains(e.Message, "failed liveness probe") || strings.Contains(e.Message, "failed startup probe"))
}

// settled reports a container that is as it should be: running and
// ready, or finished successfully where finishing is its job (an init
// container, a container of a pod that does not restart it).
func (v *containerView) settled(pod *corev1.Pod) bool {
	if pod.Status.Phase == corev1.PodSucceeded {
		return true
	}
	st := v.status
	if st == nil {
		return false
	}
	if st.State.Running != nil && (st.Ready || v.kind == "init") {
		return true
	}
	if t := st.State.Terminated; t != nil && t.ExitCode == 0 && !v.restartsAlways(pod) {
		return true
	}
	return false
}

// rank orders failing containers: waiting in CrashLoopBackOff first, then
// other waiting errors, then terminated with a non-zero code, then running
// again after a crash; ties go to more restarts, then init/sidecar
// containers (they start first), then spec order.
func (v *containerView) rank(events []corev1.Event) int {
	st := v.status
	if st == nil {
		st = &corev1.ContainerStatus{}
	}
	score := 0
	switch {
	case st.State.Waiting != nil && st.State.Waiting.Reason == "CrashLoopBackOff":
		score = 5
	case st.State.Waiting != nil && waitingFailures[st.State.Waiting.Reason]:
		score = 4
	case st.State.Terminated != nil && st.State.Terminated.ExitCode != 0:
		score = 3
	case hasBackOff(events, v):
		score = 3
	default:
		score = 2
	}
	score = score*1_000_000 + min(int(st.RestartCount), 99_999)*10
	if v.kind != "app" {
		score += 5
	}
	if t := st.State.Terminated; t != nil && t.Reason == "OOMKilled" {
		// Among containers that failed alike (a job pod's, all
		// terminated), the one killed for memory is why the others
		// failed (an orchestrator's exit 1, a source's SIGTERM).
		score += 3
	}
	return score
}

// podStatus approximates the STATUS column of kubectl get pods.
func podStatus(pod *corev1.Pod) string {
	if pod.DeletionTimestamp != nil {
		return "Terminating"
	}
	for i, st := range pod.Status.InitContainerStatuses {
		if isSidecar(pod, st.Name) {
			continue
		}
		switch {
		case st.State.Waiting != nil && st.State.Waiting.Reason != "" && st.State.Waiting.Reason != "PodInitializing":
			return "Init:" + st.State.Waiting.Reason
		case st.State.Terminated != nil && st.State.Terminated.ExitCode != 0:
			if st.State.Terminated.Reason != "" {
				return "Init:" + st.State.Terminated.Reason
			}
			return "Init:ExitCode:" + itoa(int(st.State.Terminated.ExitCode))
		case st.State.Terminated == nil:
			return "Init:" + itoa(i) + "/" + itoa(max(len(pod.Spec.InitContainers), len(pod.Status.InitContainerStatuses)))
		}
	}
	status := string(pod.Status.Phase)
	if pod.Status.Reason != "" {
		status = pod.Status.Reason
	}
	for _, st := range pod.Status.ContainerStatuses {
		switch {
		case st.State.Waiting != nil && st.State.Waiting.Reason != "" && st.State.Waiting.Reason != "ContainerCreating":
			return st.State.Waiting.Reason
		case st.State.Terminated != nil && st.State.Terminated.Reason != "" && st.State.Terminated.ExitCode != 0:
			status = st.State.Terminated.Reason
		}
	}
	if status == "" {
		status = "Unknown"
	}
	return status
}

func isSidecar(pod *corev1.Pod, name string) bool {
	for _, c := range pod.Spec.InitContainers {
		if c.Name == name {
			return c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways
		}
	}
	return false
}

// inferOwner derives the top-level workload from the controller reference;
// a ReplicaSet named after its pod-template-hash becomes its Deployment.
func inferOwner(pod *corev1.Pod) *Owner {
	for _, ref := range pod.OwnerReferences {
		if ref.Controller == nil || !*ref.Controller {
			continue
		}
		if ref.Kind == "ReplicaSet" {
			if h := pod.Labels["pod-template-hash"]; h != "" && strings.HasSuffix(ref.Name, "-"+h) {
				return &Owner{Kind: "Deployment", Name: strings.TrimSuffix(ref.Name, "-"+h)}
			}
		}
		return &Owner{Kind: ref.Kind, Name: ref.Name}
	}
	if len(pod.OwnerReferences) == 0 && pod.Name != "" {
		return &Owner{Kind: "Pod", Name: pod.Name}
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// humanDuration prints d compactly: 42s, 3m5s, 2h10m, 3d4h.
func humanDuration(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return itoa(int(d.Seconds())) + "s"
	case d < time.Hour:
		return itoa(int(d.Minutes())) + "m" + itoa(int(d.Seconds())%60) + "s"
	case d < 48*time.Hour:
		return itoa(int(d.Hours())) + "h" + itoa(int(d.Minutes())%60) + "m"
	}
	return itoa(int(d.Hours())/24) + "d" + itoa(int(d.Hours())%24) + "h"
}
