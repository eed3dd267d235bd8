package diagnose

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// diagContext is what every container's diagnosis shares.
type diagContext struct {
	in     Input
	pod    *corev1.Pod
	events []corev1.Event // newest first
	owner  *Owner
}

// verdict is the outcome of weighing the evidence about one container.
type verdict struct {
	cat          Category
	summary      string
	evidence     []string
	hint         string // what to change, from a log pattern
	action       string // Spring Boot's advice
	probable     bool   // inferred without direct evidence
	confidence   Confidence
	missing      []Missing
	alternatives []Category
}

// imagePullReasons are waiting reasons of an image that cannot be pulled.
var imagePullReasons = map[string]bool{"ErrImagePull": true, "ImagePullBackOff": true, "InvalidImageName": true, "ErrImageNeverPull": true}

// diagnoseContainer builds the Finding of one failing container.
func (d *diagContext) diagnoseContainer(v *containerView, logText string, haveLog bool) (Finding, bool) {
	f := emptyFinding()
	f.Container, f.ContainerType = v.name, v.kind
	if v.spec != nil {
		f.Image = v.spec.Image
	}
	st := v.status
	if st == nil {
		st = &corev1.ContainerStatus{Name: v.name}
	}
	f.Restarts = st.RestartCount
	switch {
	case st.State.Waiting != nil:
		f.State = "waiting"
		f.WaitingReason, f.WaitingMessage = st.State.Waiting.Reason, st.State.Waiting.Message
	case st.State.Running != nil:
		f.State = "running"
	case st.State.Terminated != nil:
		f.State = "terminated"
	}
	term := v.lastTermination()
	if term != nil {
		f.Reason = term.Reason
	}
	if term != nil && (term.ExitCode >= 0 || ntStatus(term.ExitCode)) { // -1: the exit code was not shown (a `kubectl get pods` STATUS)
		code := term.ExitCode
		f.ExitCode = &code
		f.ExitMeaning = ExitCodeMeaning(code)
		if code == 0 && term.Reason == "OOMKilled" {
			// Some runtimes record a memory kill with exit code 0.
			f.ExitMeaning = "recorded with reason OOMKilled: the runtime killed it for memory (some runtimes record that kill as 0)"
		}
		if sig := signalOf(code, term.Signal); sig > 0 {
			f.Signal = SignalName(sig)
		}
	}
	if term != nil {
		f.TerminationMessage = shorten(strings.TrimSpace(term.Message), 2000)
		if !term.StartedAt.IsZero() {
			t := term.StartedAt.UTC()
			f.StartedAt = &t
		}
		if !term.FinishedAt.IsZero() {
			t := term.FinishedAt.UTC()
			f.FinishedAt = &t
		}
		if f.StartedAt != nil && f.FinishedAt != nil {
			ran := f.FinishedAt.Sub(*f.StartedAt)
			secs := int64(ran.Seconds())
			f.RanFor, f.RanForSeconds = humanDuration(ran), &secs
		}
	}

	var logScan *LogScan
	if haveLog && strings.TrimSpace(logText) != "" {
		ls := ScanLog(strings.NewReader(oldestFirst(logText)))
		// Lines that name no cause of this pod's, each kind with the test
		// of the deciding line that lets it be set aside:
		// a client's refused connection to this pod's own Service, pasted
		// beside its log, is this pod being down; the reporter's sentence
		// about a pod beside it is that pod's; the reporter's title that
		// states a cause its recorded termination rules out is a wrong
		// guess; a fix the reporter says made no difference ("raised
		// memory to 512Mi" under "tried memory + probe, no difference").
		// A claim the termination rules out gives way even to a line no
		// rule knows (an uncaught exception): the claim is wrong.
		for _, aside := range []struct {
			applies   func() bool
			drop      func(string) bool
			anyReplay bool
		}{
			{func() bool { return ls.Category == DependencyUnavailable }, func(l string) bool { return dialsItself(l, d.pod.Name) }, false},
			{func() bool { return true }, func(l string) bool { return aboutNeighbour(l, d.in.Neighbours) }, false},
			{func() bool { return ls.words && d.claimRuledOut(v, term, ls.Category) }, func(l string) bool { return wordsClaim(l, ls.Category) }, true},
			{func() bool { return fixInVain(ls.patID, logText) }, func(l string) bool { return fixTold(l, ls.patID) }, false},
		} {
			if ls.Category == Unknown || !aside.applies() || !aside.drop(ls.Line) {
				continue
			}
			if alt := ScanLog(strings.NewReader(withoutLines(oldestFirst(logText), aside.drop))); alt.Category != Unknown && (!alt.generic || aside.anyReplay) {
				ls = alt
			}
		}
		logScan = &ls
		f.LogExcerpt = ls.Excerpt
	}
	vd := d.classify(v, term, logScan, haveLog && logScan != nil)
	f.Category, f.Summary, f.Evidence = vd.cat, vd.summary, vd.evidence
	f.Confidence, f.Missing, f.Alternatives = vd.confidence, vd.missing, vd.alternatives
	f.NextSteps = d.nextSteps(v, &f, vd)

	red := logScan != nil && logScan.Redacted
	var r bool
	f.Summary, r = Redact(f.Summary)
	red = red || r
	f.WaitingMessage, r = Redact(f.WaitingMessage)
	red = red || r
	f.TerminationMessage, r = Redact(f.TerminationMessage)
	red = red || r
	red = redactAll(f.Evidence) || red
	red = redactAll(f.NextSteps) || red
	red = redactAll(f.LogExcerpt) || red
	for i := range f.Missing {
		f.Missing[i].Command, r = Redact(f.Missing[i].Command)
		red = red || r
	}
	return f, red
}

// podLevel diagnoses a pod with no failing container: missing Secrets or
// ConfigMaps in volumes, scheduling failures, evictions.
func (d *diagContext) podLevel() (Finding, bool, bool) {
	f := emptyFinding()
	f.ContainerType = "pod"
	pod := d.pod
	vd := verdict{}
	for i := range d.events {
		e := &d.events[i]
		if e.Reason == "FailedMount" || e.Reason == "FailedAttachVolume" {
			if strings.Contains(e.Message, "not found in the list of registered CSI drivers") {
				// The driver's node plugin does not run on this node (a
				// DaemonSet that tolerates no taint of a new node pool, or
				// is not installed): nothing the pod references is missing.
				vd = verdict{cat: DependencyUnavailable, confidence: Likely, summary: "pod cannot start: its CSI driver is not registered on the node (the driver's node DaemonSet is not running there): " + shorten(mountDetail(e.Message), maxSummary), evidence: []string{describeEvent(e)}}
				break
			}
			s := ScanLog(strings.NewReader(e.Message))
			if s.Category == MissingConfigObject || strings.Contains(e.Message, "not found") {
				vd = verdict{cat: MissingConfigObject, confidence: Certain, summary: "pod cannot start: " + shorten(mountDetail(e.Message), maxSummary), evidence: []string{describeEvent(e)}}
				break
			}
			if vd.cat == "" && pod.Status.Phase == corev1.PodPending {
				vd = verdict{cat: Unknown, summary: "pod cannot start: a volume cannot be mounted: " + shorten(e.Message, maxSummary), evidence: []string{describeEvent(e)}}
			}
		}
	}
	if vd.cat == "" {
		switch {
		case pod.Status.Phase == corev1.PodFailed && pod.Status.Reason == "SysctlForbidden":
			// The kubelet rejects a pod whose securityContext sets a
			// sysctl it does not allow (a setting of the spec; the
			// ReplicaSet makes pod after rejected pod).
			vd = verdict{cat: ConfigError, confidence: Likely, summary: strings.TrimSpace("pod rejected: its securityContext sets a sysctl the kubelet does not allow (--allowed-unsafe-sysctls), so it never starts: " + pod.Status.Message),
				evidence: []string{fmt.Sprintf("status: phase=Failed reason=%s message=%q", pod.Status.Reason, pod.Status.Message)}}
		case pod.Status.Phase == corev1.PodFailed:
			vd = verdict{cat: Unknown, summary: strings.TrimSpace("pod failed: " + pod.Status.Reason + " " + pod.Status.Message),
				evidence: []string{fmt.Sprintf("status: phase=Failed reason=%s message=%q", pod.Status.Reason, pod.Status.Message)}}
		case pod.Status.Phase == corev1.PodPending:
			for _, c := range pod.Status.Conditions {
				if c.Type == corev1.PodScheduled && c.Status == corev1.ConditionFalse {
					vd = verdict{cat: Unknown, summary: "pod is not scheduled: " + shorten(c.Message, maxSummary),
						evidence: []string{fmt.Sprintf("status: condition PodScheduled=False reason=%s message=%q", c.Reason, c.Message)}}
				}
			}
		}
	}
	if vd.cat == "" {
		return f, false, false
	}
	if vd.confidence == "" {
		vd.confidence = Possible // the category is unknown; the facts are quoted
	}
	f.Category, f.Summary, f.Evidence, f.Confidence = vd.cat, vd.summary, vd.evidence, vd.confidence
	f.NextSteps = d.nextSteps(nil, &f, vd)
	var red, r bool
	f.Summary, red = Redact(f.Summary)
	r = redactAll(f.Evidence)
	red = red || r
	red = redactAll(f.NextSteps) || red
	return f, red, true
}

// terminationEvidence quotes the termination status fields.
func terminationEvidence(st *corev1.ContainerStatus) []string {
	var ev []string
	if st == nil {
		return nil
	}
	field := "lastState.terminated"
	t := st.LastTerminationState.Terminated
	if st.State.Terminated != nil {
		field, t = "state.terminated", st.State.Terminated
	}
	if t != nil {
		s := fmt.Sprintf("status: %s: exitCode=%d", field, t.ExitCode)
		if t.ExitCode < 0 && !ntStatus(t.ExitCode) {
			s = fmt.Sprintf("status: %s: exit code not shown", field)
		}
		if t.Reason != "" {
			s += " reason=" + t.Reason
		}
		if t.Signal != 0 {
			s += " signal=" + itoa(int(t.Signal))
		}
		if m := strings.TrimSpace(t.Message); m != "" {
			s += fmt.Sprintf(" message=%q", shorten(m, maxQuoteBytes))
		}
		ev = append(ev, s)
	}
	if w := st.State.Waiting; w != nil && w.Reason != "" {
		ev = append(ev, fmt.Sprintf("status: state.waiting: reason=%s restartCount=%d", w.Reason, st.RestartCount))
	}
	return ev
}

// containerEvents quotes the container's events with the given reason.
func (d *diagContext) containerEvents(v *containerView, term *corev1.ContainerStateTerminated, reason string) []string {
	return d.containerEventsMatching(v, term, reason)
}

// containerEventsMatching quotes the container's events with reason whose
// message contains one of words (any message when words is empty), near
// the termination.
func (d *diagContext) containerEventsMatching(v *containerView, term *corev1.ContainerStateTerminated, reason string, words ...string) []string {
	return quoteEvents(d.eventsNear(v, term, reason), words...)
}

// quoteEvents quotes the first three events whose message holds one of
// words (any event when none are given).
func quoteEvents(events []*corev1.Event, words ...string) []string {
	var out []string
	for _, e := range events {
		ok := len(words) == 0
		for _, w := range words {
			if strings.Contains(e.Message, w) {
				ok = true
			}
		}
		if ok && len(out) < 3 {
			out = append(out, describeEvent(e))
		}
	}
	return out
}

// currentEvents quotes the container's events with reason that the
// kubelet still emits: those last seen within a back-off's longest wait
// of the newest one. (After "configmap \"grafana-ini\" not found" was
// mended, its event lingers, last seen 12 minutes ago, beside the
// runAsNonRoot refusal seen 8 seconds ago.)
func (d *diagContext) currentEvents(v *containerView, reason string) []string {
	events := d.eventsNear(v, nil, reason) // newest first
	var current []*corev1.Event
	for _, e := range events {
		if t := EventTime(e); t.IsZero() || EventTime(events[0]).Sub(t) <= maxBackOff {
			current = append(current, e)
		}
	}
	return quoteEvents(current)
}

// maxBackOff is the kubelet's longest wait between two restarts.
const maxBackOff = 5 * time.Minute

// eventsNear returns the container's events with reason near its
// termination.
func (d *diagContext) eventsNear(v *containerView, term *corev1.ContainerStateTerminated, reason string) []*corev1.Event {
	var out []*corev1.Event
	for i := range d.events {
		if e := &d.events[i]; e.Reason == reason && forContainer(e, v) && nearTermination(e, term) {
			out = append(out, e)
		}
	}
	return out
}

// oomEvents quotes kernel OOM events (node events the caller may include):
// a memory cgroup's OOM kills first, then the node's own ("SystemOOM": the
// whole node ran out of memory and the kernel killed a victim, which may
// be another pod's process); system is set when only the node's were seen.
func (d *diagContext) oomEvents(term *corev1.ContainerStateTerminated) (out []string, system bool) {
	var node []string
	for i := range d.events {
		e := &d.events[i]
		if !nearTermination(e, term) {
			continue
		}
		switch {
		case e.Reason == "OOMKilling" || strings.Contains(e.Message, "Memory cgroup out of memory"):
			out = append(out, describeEvent(e))
		case e.Reason == "SystemOOM" || strings.HasPrefix(e.Message, "System OOM encountered"):
			node = append(node, describeEvent(e))
		}
	}
	if len(out) == 0 && len(node) > 0 {
		return node[:min(len(node), 2)], true
	}
	return out[:min(len(out), 2)], false
}

// limitNote names the container's memory limit: " (limit 256Mi)".
func limitNote(v *containerView) string {
	if v.spec == nil {
		return ""
	}
	if !resourcesKnown(v) {
		return "" // the spec was not given: its limit is not known
	}
	if q, ok := v.spec.Resources.Limits[corev1.ResourceMemory]; ok {
		return " (limit " + q.String() + ")"
	}
	return " (no memory limit set: the node or a LimitRange default applied)"
}

func ranNote(t *corev1.ContainerStateTerminated) string {
	if t == nil || t.StartedAt.IsZero() || t.FinishedAt.IsZero() {
		return ""
	}
	return " after " + humanDuration(t.FinishedAt.Sub(t.StartedAt.Time))
}

func imageOf(v *containerView) string {
	if v.spec != nil && v.spec.Image != "" {
		return v.spec.Image
	}
	if v.status != nil {
		return v.status.Image
	}
	return "(unknown)"
}

func nodeOf(pod *corev1.Pod) string {
	if pod.Spec.NodeName != "" {
		return pod.Spec.NodeName
	}
	return "(unscheduled)"
}

// commandOf prints the container's command and args, or says it uses the
// image's default.
func commandOf(v *containerView) string {
	if v.spec == nil || (len(v.spec.Command) == 0 && len(v.spec.Args) == 0) {
		return "(the image's ENTRYPOINT/CMD)"
	}
	parts := append(append([]string{}, v.spec.Command...), v.spec.Args...)
	return shorten(fmt.Sprintf("%q", parts), 200)
}

// exitMask finds what a shell command puts after a program to turn its
// failure into exit 0: "|| true", "|| echo ...", "|| :", "|| exit 0", or a
// trailing "; sleep N" / "; exit 0" / "; true".
var exitMask = regexp.MustCompile(`\|\|\s*(true|:|echo\b|printf\b|exit\s+0)|;\s*(sleep\s+\S+|exit\s+0|true)\s*['"]?\s*$`)

// shellMasksExit reports whether the container runs a shell -c string that
// masks its program's exit status, so an exit 0 need not mean it finished.
func shellMasksExit(v *containerView) bool {
	if v.spec == nil {
		return false
	}
	parts := append(append([]string{}, v.spec.Command...), v.spec.Args...)
	shell := false
	for _, p := range parts {
		if p == "-c" || strings.HasSuffix(p, " -c") {
			shell = true
		} else if shell && exitMask.MatchString(p) {
			return true
		}
	}
	return false
}

// probeOf names the kill-capable probe the container has, if any.
func probeOf(v *containerView) string {
	switch {
	case v.spec == nil:
		return ""
	case v.spec.LivenessProbe != nil:
		return "liveness"
	case v.spec.StartupProbe != nil:
		return "startup"
	}
	return ""
}

func waitingReason(st *corev1.ContainerStatus) string {
	if st != nil && st.State.Waiting != nil {
		return st.State.Waiting.Reason
	}
	return "no waiting reason"
}

// afterColon returns the message part of a quoted event.
func afterColon(s string) string {
	if i := strings.Index(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// mountDetail shortens a FailedMount message to its cause.
func mountDetail(m string) string {
	if i := strings.Index(m, " : "); i >= 0 {
		return strings.TrimSpace(m[i+3:]) + " (" + strings.TrimSpace(m[:i]) + ")"
	}
	return m
}
