package diagnose

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// diagContext is what every container's diagnosis shares.
type diagContext struct {
	in     Input
	pod    *corev1.Pod
	events []corev1.Event // newest first
	owner  *Owner
}

// verdict is the outcome of the category rules for one container.
type verdict struct {
	cat      Category
	summary  string
	evidence []string
	hint     string // what to change, from a log pattern
	action   string // Spring Boot's advice
	probable bool   // inferred without direct evidence
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
		code := term.ExitCode
		f.ExitCode = &code
		f.ExitMeaning = ExitCodeMeaning(code)
		if sig := signalOf(code, term.Signal); sig > 0 {
			f.Signal = SignalName(sig)
		}
		f.Reason = term.Reason
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
		ls := ScanLog(strings.NewReader(logText))
		logScan = &ls
		f.LogExcerpt = ls.Excerpt
	}
	vd := d.classify(v, term, logScan)
	f.Category, f.Summary, f.Evidence = vd.cat, vd.summary, vd.evidence
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
	return f, red
}

// classify applies the category rules in order of certainty.
func (d *diagContext) classify(v *containerView, term *corev1.ContainerStateTerminated, ls *LogScan) verdict {
	name := v.name
	st := v.status
	exit := int32(-1)
	if term != nil {
		exit = term.ExitCode
	}
	exitNote := ""
	if exit >= 0 {
		exitNote = fmt.Sprintf(" (exit %d)", exit)
	}
	termEv := terminationEvidence(st)

	// Status messages written by the runtime or the kubelet.
	var msgScan *LogScan
	if term != nil && strings.TrimSpace(term.Message) != "" {
		ms := ScanLog(strings.NewReader(term.Message))
		msgScan = &ms
	}
	w := st.State.Waiting
	var waitScan *LogScan
	if w != nil && w.Message != "" {
		ws := ScanLog(strings.NewReader(w.Message))
		waitScan = &ws
	}

	// 0. The kubelet failed the whole pod (eviction, node shutdown): the
	// container's own exit is a consequence.
	if vd, ok := podFailure(d.pod, termEv); ok {
		return vd
	}

	// 1. The container cannot even be created or started.
	if w != nil && w.Reason != "CrashLoopBackOff" && waitingFailures[w.Reason] {
		ev := []string{fmt.Sprintf("status: state.waiting: reason=%s message=%q", w.Reason, w.Message)}
		switch {
		case imagePullReasons[w.Reason]:
			return verdict{cat: Unknown, summary: fmt.Sprintf("%s cannot start: image %s cannot be pulled (%s)", name, imageOf(v), w.Reason), evidence: append(ev, d.containerEvents(v, term, "Failed")...),
				hint: "Check the image name and tag, that it exists in the registry, and imagePullSecrets for private registries."}
		case strings.Contains(w.Message, "runAsNonRoot"):
			return verdict{cat: PermissionDenied, summary: fmt.Sprintf("%s cannot start: %s", name, w.Message), evidence: ev,
				hint: "The pod requires runAsNonRoot but the image runs as root (or a non-numeric user): set securityContext.runAsUser to a non-zero UID, or use an image with a numeric non-root USER."}
		case waitScan != nil && waitScan.Category != Unknown && !waitScan.generic:
			return verdict{cat: waitScan.Category, summary: fmt.Sprintf("%s %s: %s", name, waitScan.Category.verb(), shorten(w.Message, maxSummary)), evidence: ev, hint: waitScan.hint}
		case w.Reason == "CreateContainerConfigError":
			return verdict{cat: ConfigError, summary: fmt.Sprintf("%s cannot be created: %s", name, shorten(w.Message, maxSummary)), evidence: ev}
		}
	}

	// 2. Killed by the kernel at the memory limit.
	oomEvents := d.oomEvents(term)
	if term != nil && term.Reason == "OOMKilled" {
		ev := append(termEv, oomEvents...)
		if ls != nil && ls.Category == OOMKilled {
			ev = append(ev, ls.Evidence...)
		}
		return verdict{cat: OOMKilled, summary: fmt.Sprintf("%s was OOM-killed: it used more memory than its limit%s%s", name, limitNote(v), exitNote), evidence: ev}
	}

	// 3. Killed by its liveness or startup probe.
	kills := d.containerEventsMatching(v, term, "Killing", "liveness probe", "startup probe")
	unhealthy := d.containerEventsMatching(v, term, "Unhealthy", "Liveness probe", "Startup probe")
	strongLog := ls != nil && ls.score >= weightSpecific && ls.Category != DependencyUnavailable
	signalled := exit == 137 || exit == 143 || exit == 130 || exit == 0 || exit == -1
	if (len(kills) > 0 && (signalled || !strongLog)) || (len(unhealthy) > 0 && (exit == 137 || exit == 143)) {
		probe := "liveness"
		for _, e := range append(append([]string{}, kills...), unhealthy...) {
			if strings.Contains(strings.ToLower(e), "startup probe") {
				probe = "startup"
				break
			}
		}
		detail := ""
		if len(unhealthy) > 0 {
			m := afterColon(unhealthy[0])
			for _, p := range []string{"Liveness probe failed: ", "Startup probe failed: ", "Liveness probe errored: ", "Startup probe errored: "} {
				m = strings.TrimPrefix(m, p)
			}
			detail = ": " + shorten(m, 140)
		}
		ev := append(append(append([]string{}, kills...), unhealthy...), termEv...)
		if ls != nil && ls.Category != Unknown {
			ev = append(ev, ls.Evidence...)
		}
		return verdict{cat: LivenessProbe, summary: fmt.Sprintf("%s was killed by its failing %s probe%s%s", name, probe, detail, exitNote), evidence: ev}
	}

	// 4. SIGKILL with a kernel OOM event for the pod.
	if exit == 137 && len(oomEvents) > 0 {
		return verdict{cat: OOMKilled, summary: fmt.Sprintf("%s was killed by the kernel OOM killer%s%s", name, limitNote(v), exitNote), evidence: append(oomEvents, termEv...)}
	}

	// 5. Wrong CPU architecture.
	for _, s := range []*LogScan{msgScan, waitScan, ls} {
		if s != nil && s.Category == ExecFormat {
			what := "its binary is built for another CPU architecture than node %s (exec format error)"
			if exit == 132 || strings.Contains(strings.ToLower(strings.Join(s.Evidence, " ")), "illegal instruction") {
				what = "its binary uses CPU instructions node %s lacks (illegal instruction)"
			}
			return verdict{cat: ExecFormat, summary: fmt.Sprintf("%s cannot run: "+what+"%s", name, nodeOf(d.pod), exitNote),
				evidence: append(append([]string{}, s.Evidence...), termEv...), hint: s.hint}
		}
	}

	// 6. Missing or non-executable command.
	for _, s := range []*LogScan{msgScan, waitScan} {
		if s != nil && s.Category == CommandNotFound {
			return verdict{cat: CommandNotFound, summary: fmt.Sprintf("%s cannot start its command %s: %s%s", name, commandOf(v), s.Detail, exitNote),
				evidence: append(append([]string{}, termEv...), s.Evidence...), hint: s.hint}
		}
	}
	if exit == 126 || exit == 127 || (ls != nil && ls.Category == CommandNotFound) {
		ev := append([]string{}, termEv...)
		detail := "exit " + itoa(int(exit)) + ": " + ExitCodeMeaning(exit)
		if ls != nil && ls.Category != Unknown {
			ev = append(append([]string{}, ls.Evidence...), ev...)
			detail = ls.Detail
		}
		return verdict{cat: CommandNotFound, summary: fmt.Sprintf("%s cannot run its command %s: %s", name, commandOf(v), detail), evidence: ev, hint: hintEntry}
	}

	// 7. The runtime could not start the process for another reason
	// (mount errors, bad working directory): the message says why.
	if term != nil && (term.Reason == "StartError" || term.Reason == "ContainerCannotRun") && msgScan != nil && msgScan.Category != Unknown {
		return verdict{cat: msgScan.Category, summary: fmt.Sprintf("%s cannot start: %s", name, msgScan.Detail), evidence: append(append([]string{}, termEv...), msgScan.Evidence...), hint: msgScan.hint}
	}

	// 8. Exits 0 but is restarted.
	if exit == 0 && v.restartsAlways(d.pod) {
		return verdict{cat: Completed, summary: fmt.Sprintf("%s exits 0 (finished%s) but is restarted because its restart policy is Always, so it loops", name, ranNote(term)), evidence: termEv}
	}

	// 9. Segmentation fault.
	if exit == 139 || (term != nil && term.Signal == 11) {
		ev := append([]string{}, termEv...)
		if ls != nil && ls.Category != Unknown {
			ev = append(ev, ls.Evidence...)
		}
		return verdict{cat: Segfault, summary: fmt.Sprintf("%s crashed with a segmentation fault (SIGSEGV)%s", name, exitNote), evidence: ev}
	}

	// 10. The logs (or the termination message) name the cause.
	best := ls
	if msgScan != nil && msgScan.Category != Unknown && (best == nil || best.Category == Unknown || msgScan.score+3 >= best.score) {
		best = msgScan
	}
	if best != nil && best.Category != Unknown {
		ev := append(append([]string{}, best.Evidence...), termEv...)
		sum := fmt.Sprintf("%s %s: %s%s", name, best.Category.verb(), best.Detail, exitNote)
		if best.Category == OOMKilled {
			sum = fmt.Sprintf("%s ran out of memory inside its runtime (heap limit, not the container limit): %s%s", name, best.Detail, exitNote)
		}
		if best.generic && exit == 134 {
			sum = fmt.Sprintf("%s aborted (SIGABRT): %s%s", name, best.Detail, exitNote)
		}
		return verdict{cat: best.Category, summary: sum, evidence: ev, hint: best.hint, action: best.action}
	}

	// 11. Killed by a signal without other evidence.
	if exit == 137 || exit == 143 {
		if probe := probeOf(v); probe != "" {
			return verdict{cat: LivenessProbe, probable: true, summary: fmt.Sprintf("%s was killed%s with no OOM and no log error; it has a %s probe, which most likely killed it (events expired)", name, exitNote, probe), evidence: termEv}
		}
		return verdict{cat: Unknown, summary: fmt.Sprintf("%s was killed by %s%s without an OOM kill or probe failure on record: check node pressure, preStop hooks and who deletes it", name, SignalName(exit-128), exitNote), evidence: termEv}
	}
	if exit == 134 {
		return verdict{cat: AppCrash, summary: fmt.Sprintf("%s aborted (SIGABRT): a fatal runtime error or failed assertion%s", name, exitNote), evidence: termEv}
	}
	if w != nil && w.Reason != "CrashLoopBackOff" {
		return verdict{cat: Unknown, summary: fmt.Sprintf("%s cannot start: %s: %s", name, w.Reason, shorten(w.Message, maxSummary)), evidence: []string{fmt.Sprintf("status: state.waiting: reason=%s message=%q", w.Reason, w.Message)}}
	}
	if exit < 0 {
		return verdict{cat: Unknown, summary: fmt.Sprintf("%s is failing (%s) but no termination is recorded", name, waitingReason(st)), evidence: termEv}
	}
	sum := fmt.Sprintf("%s exited with code %d (%s) and its log names no cause", name, exit, ExitCodeMeaning(exit))
	if ls == nil {
		sum = fmt.Sprintf("%s exited with code %d (%s); no log was available", name, exit, ExitCodeMeaning(exit))
	}
	return verdict{cat: Unknown, summary: sum, evidence: termEv}
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
			s := ScanLog(strings.NewReader(e.Message))
			if s.Category == MissingConfigObject || strings.Contains(e.Message, "not found") {
				vd = verdict{cat: MissingConfigObject, summary: "pod cannot start: " + shorten(mountDetail(e.Message), maxSummary), evidence: []string{describeEvent(e)}}
				break
			}
			if vd.cat == "" && pod.Status.Phase == corev1.PodPending {
				vd = verdict{cat: Unknown, summary: "pod cannot start: a volume cannot be mounted: " + shorten(e.Message, maxSummary), evidence: []string{describeEvent(e)}}
			}
		}
	}
	if vd.cat == "" {
		switch {
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
	f.Category, f.Summary, f.Evidence = vd.cat, vd.summary, vd.evidence
	f.NextSteps = d.nextSteps(nil, &f, vd)
	var red, r bool
	f.Summary, red = Redact(f.Summary)
	r = redactAll(f.Evidence)
	red = red || r
	return f, red, true
}

// terminationEvidence quotes the termination status fields.
func terminationEvidence(st *corev1.ContainerStatus) []string {
	var ev []string
	field := "lastState.terminated"
	t := st.LastTerminationState.Terminated
	if st.State.Terminated != nil {
		field, t = "state.terminated", st.State.Terminated
	}
	if t != nil {
		s := fmt.Sprintf("status: %s: exitCode=%d", field, t.ExitCode)
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
	var out []string
	for i := range d.events {
		e := &d.events[i]
		if e.Reason != reason || !forContainer(e, v) || !nearTermination(e, term) {
			continue
		}
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

// oomEvents quotes kernel OOM events (node events the caller may include).
func (d *diagContext) oomEvents(term *corev1.ContainerStateTerminated) []string {
	var out []string
	for i := range d.events {
		e := &d.events[i]
		if (e.Reason == "OOMKilling" || strings.Contains(e.Message, "Memory cgroup out of memory")) && nearTermination(e, term) && len(out) < 2 {
			out = append(out, describeEvent(e))
		}
	}
	return out
}

// limitNote names the container's memory limit: " (limit 256Mi)".
func limitNote(v *containerView) string {
	if v.spec == nil {
		return ""
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
	if st.State.Waiting != nil {
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
