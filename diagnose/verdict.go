package diagnose

import (
	"fmt"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// classify weighs every piece of evidence about one container and names
// the best-supported category, how sure it is, the evidence that decided
// it (first) and what is missing when the evidence is thin.
func (d *diagContext) classify(v *containerView, term *corev1.ContainerStateTerminated, ls *LogScan, haveLog bool) verdict {
	e := d.gather(v, term, ls, haveLog)
	exitNote := ""
	if e.exit >= 0 {
		exitNote = fmt.Sprintf(" (exit %d)", e.exit)
	}

	// The kubelet failed the whole pod (eviction, node shutdown): the
	// container's exit is a consequence.
	if vd, ok := podFailure(d.pod, e.termEv); ok {
		vd.confidence = Certain
		return vd
	}
	// An image that cannot be pulled is not a crash: say so.
	if w := waitingState(v); w != nil && imagePullReasons[w.Reason] {
		ev := append([]string{fmt.Sprintf("status: state.waiting: reason=%s message=%q", w.Reason, w.Message)}, d.containerEvents(v, term, "Failed")...)
		return verdict{cat: Unknown, confidence: Certain, evidence: ev,
			summary: fmt.Sprintf("%s cannot start: image %s cannot be pulled (%s)", v.name, imageOf(v), w.Reason),
			hint:    "Check the image name and tag, that it exists in the registry, and imagePullSecrets for private registries."}
	}

	ts := e.tallies()
	if len(ts) == 0 {
		return d.unexplained(v, e, exitNote)
	}
	win := ts[0]
	sigs := e.signalsOf(win.cat)
	vd := verdict{cat: win.cat, confidence: confidenceOf(ts, e)}
	for _, s := range sigs {
		if vd.hint == "" {
			vd.hint = s.hint
		}
		if vd.action == "" {
			vd.action = s.action
		}
	}
	vd.summary = d.summarize(v, e, win.cat, sigs, exitNote)
	if st := v.status; st != nil && st.State.Running != nil && !st.Ready && term == nil && st.RestartCount == 0 {
		// Not a crash: it runs, but does not get ready.
		vd.summary = fmt.Sprintf("%s is running but not ready and has not crashed; the evidence points to: %s", v.name, sigs[0].detail)
		if vd.confidence == Certain {
			vd.confidence = Likely
		}
	}
	vd.evidence = e.evidenceFor(sigs, ts)
	for _, t := range ts[1:] {
		if t.score*10 >= win.score*4 {
			vd.alternatives = append(vd.alternatives, t.cat)
		}
	}
	if id := sigs[0].patID; (id == "stopped_on_error" || id == "words_guess") && !slices.Contains(vd.alternatives, AppCrash) {
		// A guess: the next likeliest reading of such reports is a bug.
		vd.alternatives = append(vd.alternatives, AppCrash)
	}
	vd.probable = win.cat == LivenessProbe && !hasKind(sigs, "event", "log")
	if vd.confidence != Certain {
		vd.missing = d.missing(v, e, win.cat)
	}
	return vd
}

// evidenceFor orders the evidence: the votes for the winner, strongest
// first, then the termination record, the log line that explains the
// crash (also when another source decided), and the runner-up's best.
func (e *evidenceSet) evidenceFor(sigs []signal, ts []tally) []string {
	var out []string
	seen := map[string]bool{}
	add := func(q string) {
		if q != "" && !seen[q] && len(out) < 8 {
			seen[q] = true
			out = append(out, q)
		}
	}
	for _, s := range sigs {
		add(s.quote)
		for _, x := range s.extra {
			add(x)
		}
	}
	for _, q := range e.termEv {
		if strings.HasPrefix(q, "status: state.waiting:") && len(out) > 0 && strings.HasPrefix(out[0], "status: state.waiting:") {
			continue // the waiting state is already quoted
		}
		add(q)
	}
	if e.ls != nil && e.ls.Category != Unknown {
		for _, q := range e.ls.Evidence {
			add(q)
		}
	}
	if len(ts) > 1 && ts[1].score*10 >= ts[0].score*4 {
		if alt := e.signalsOf(ts[1].cat); len(alt) > 0 {
			add(alt[0].quote)
		}
	}
	for _, q := range e.context {
		add(q)
	}
	return out
}

// summarize says in one line what the evidence for cat shows.
func (d *diagContext) summarize(v *containerView, e *evidenceSet, cat Category, sigs []signal, exitNote string) string {
	name, top := v.name, sigs[0]
	switch cat {
	case OOMKilled:
		switch {
		case top.kind == "status" && e.term != nil && e.term.Reason == "OOMKilled":
			return fmt.Sprintf("%s was OOM-killed: it used more memory than its limit%s%s", name, limitNote(v), exitNote)
		case top.kind == "event":
			return fmt.Sprintf("%s was killed by the kernel OOM killer%s%s", name, limitNote(v), exitNote)
		case top.kind == "status":
			return fmt.Sprintf("%s was killed by SIGKILL%s with no probe configured and no OOMKilled reason recorded; the kernel OOM killer is the usual cause%s", name, exitNote, limitNote(v))
		case top.kind == "neighbour":
			return fmt.Sprintf("%s is most likely killed at its memory limit (the OOM killer)%s: %s%s", name, limitNote(v), top.detail, exitNote)
		}
		switch top.patID {
		case "oom_words", "memory_limit_words", "memory_over_killed", "kernel_oom", "oom_memcg_report", "docker_event_oom", "docker_event_oom_format", "docker_oomkilled_true", "runc_init_oom", "containerd_task_oom", "serverless_memory_limit", "oom_event_detected":
			// The kernel's kill at the container's limit, in a log, a
			// reporter's words, the runtime's error or a serverless
			// platform's record: not a heap limit.
			return fmt.Sprintf("%s was killed at its memory limit (the OOM killer), as the log or report says%s: %s%s", name, limitNote(v), top.detail, exitNote)
		}
		if top.patID == "clause_oom" || top.patID == "" && strings.HasPrefix(top.detail, "the report's words") {
			// The reporter's words about memory ("runs into an OOM error
			// with the memory limit at 128Mi", "killed because of memory
			// limits"): a heap limit is no more likely than the
			// container's.
			return fmt.Sprintf("%s runs out of memory, as the report says: %s%s", name, top.detail, exitNote)
		}
		if top.patID == "ps_row_exit137" {
			return fmt.Sprintf("%s last exited 137 (SIGKILL) and is being restarted; with no probe to kill it, that is most often the kernel OOM killer at its memory limit%s: %s%s", name, limitNote(v), top.detail, exitNote)
		}
		if top.patID == "shell_killed" || top.patID == "child_sigkill" || top.patID == "child_sigkill_words" {
			return fmt.Sprintf("%s: a process in it was killed (SIGKILL), most likely by the kernel OOM killer at the memory limit%s: %s%s", name, limitNote(v), top.detail, exitNote)
		}
		return fmt.Sprintf("%s ran out of memory inside its runtime (heap limit, not the container limit): %s%s", name, top.detail, exitNote)
	case LivenessProbe:
		probe := "liveness"
		for _, s := range sigs {
			if strings.Contains(strings.ToLower(s.quote), "startup probe") {
				probe = "startup"
			}
		}
		if top.kind == "log" && top.patID == "sigterm" && !hasKind(sigs, "event") {
			return fmt.Sprintf("%s was stopped with SIGTERM (its log says so: %s)%s; its %s or startup probe most likely gave up on it (a slow start or a stall)", name, top.detail, exitNote, probe)
		}
		if hasKind(sigs, "event", "log") {
			detail := ""
			for _, s := range sigs {
				if s.kind == "event" && strings.Contains(s.quote, "Unhealthy") || s.kind == "log" {
					detail = ": " + s.detail
					break
				}
			}
			return fmt.Sprintf("%s was killed by its failing %s probe%s%s", name, probe, detail, exitNote)
		}
		desc := ""
		if v.spec != nil {
			switch {
			case v.spec.LivenessProbe != nil:
				desc = " (" + describeProbe(v.spec.LivenessProbe) + ")"
			case v.spec.StartupProbe != nil:
				probe, desc = "startup", " ("+describeProbe(v.spec.StartupProbe)+")"
			}
		}
		return fmt.Sprintf("%s was killed%s with no OOM recorded and no error in its log; its %s probe%s most likely killed it: a slow start or a stall outlasted the probe", name, exitNote, probe, desc)
	case ExecFormat:
		what := "its binary is built for another CPU architecture than %s (exec format error)"
		if q := strings.ToLower(top.quote + top.detail); e.exit == 132 || top.hint == hintSigill || strings.Contains(q, "illegal instruction") || strings.Contains(q, "invalid opcode") || strings.Contains(q, "sigill") {
			what = "its binary uses CPU instructions %s lacks (illegal instruction)"
		}
		switch top.patID {
		case "jemalloc_page_size":
			what = "its binary is built for smaller memory pages than the kernel of %s uses (jemalloc: unsupported system page size)"
		case "emulated_loader":
			what = "its binary is built for another CPU architecture than %s, and the emulator finds no loader for it"
		}
		return fmt.Sprintf("%s cannot run: "+what+"%s", name, nodePhrase(d.pod), exitNote)
	case CommandNotFound:
		if top.patID == "child_program_missing" {
			return fmt.Sprintf("%s cannot run a program it starts (not installed in the image or not on its PATH): %s", name, top.detail)
		}
		return fmt.Sprintf("%s cannot start its command %s: %s", name, commandOf(v), top.detail)
	case Completed:
		switch top.kind {
		case "image":
			if strings.HasPrefix(top.quote, "container name:") {
				return fmt.Sprintf("%s is most likely the %s image, whose default command finishes and exits (it is not a server); restartPolicy Always restarts it, so it loops", name, top.detail)
			}
			return fmt.Sprintf("%s runs %s, an image whose default command finishes and exits (it is not a server); restartPolicy Always restarts it, so it loops", name, top.detail)
		case "log":
			return fmt.Sprintf("%s: %s, and restartPolicy Always restarts it, so it loops", name, top.detail)
		case "dockerfile":
			return fmt.Sprintf("%s runs an image built FROM %s with no CMD or ENTRYPOINT of its own: it inherits that image's default command, which finishes and exits (it is not a server); restartPolicy Always restarts it, so it loops", name, top.detail)
		}
		return fmt.Sprintf("%s exits 0 (finished%s) but is restarted because its restart policy is Always, so it loops", name, ranNote(e.term))
	case Segfault:
		if top.kind == "log" || top.kind == "message" {
			return fmt.Sprintf("%s crashed with a segmentation fault (SIGSEGV): %s%s", name, top.detail, exitNote)
		}
		return fmt.Sprintf("%s crashed with a segmentation fault (SIGSEGV)%s", name, exitNote)
	case ConfigError:
		if top.patID == "stopped_on_error" {
			return fmt.Sprintf("%s stops on an error that names no bug (most often a setting, or state it was given): %s%s", name, top.detail, exitNote)
		}
		if top.patID == "loopback" {
			return fmt.Sprintf("%s connects to a dependency on localhost, where nothing listens in its pod (the dependency runs in another pod): %s%s", name, top.detail, exitNote)
		}
	case AppCrash:
		if e.exit == 134 && (top.kind == "status" || top.detail == "") {
			return fmt.Sprintf("%s aborted (SIGABRT): a fatal runtime error or failed assertion%s", name, exitNote)
		}
		if e.exit == 134 {
			return fmt.Sprintf("%s aborted (SIGABRT): %s%s", name, top.detail, exitNote)
		}
	}
	if top.patID == "words_guess" {
		return fmt.Sprintf("%s keeps failing; %s%s", name, top.detail, exitNote)
	}
	if (top.kind == "message" || top.kind == "event") && cat != MissingConfigObject {
		return fmt.Sprintf("%s cannot start: %s", name, shorten(top.detail, maxSummary))
	}
	if top.kind == "status" {
		if w := waitingState(v); w != nil && w.Reason == "CreateContainerConfigError" && w.Message != "" {
			return fmt.Sprintf("%s cannot be created: %s", name, shorten(w.Message, maxSummary))
		}
	}
	return fmt.Sprintf("%s %s: %s%s", name, cat.verb(), top.detail, exitNote)
}

// unexplained is the verdict when no source names a cause.
func (d *diagContext) unexplained(v *containerView, e *evidenceSet, exitNote string) verdict {
	name, st := v.name, v.status
	vd := verdict{cat: Unknown, confidence: Possible, evidence: e.termEv}
	w := waitingState(v)
	mounts := d.containerEvents(v, e.term, "FailedMount")
	guess := false
	switch {
	case len(mounts) > 0 && e.exit < 0 && (st == nil || st.State.Running == nil):
		detail := shorten(mountDetail(afterColon(mounts[0])), maxSummary)
		if m := reUnmounted.FindStringSubmatch(mounts[0]); m != nil && strings.Contains(strings.ToLower(mounts[0]), "time") {
			detail = fmt.Sprintf("timed out mounting %s", strings.Join(strings.Fields(m[1]), ", "))
		}
		vd.summary = fmt.Sprintf("%s cannot start: a volume could not be mounted: %s", name, detail)
		if d.configVolume(mounts[0]) {
			vd.cat = MissingConfigObject
		}
		vd.evidence = append(vd.evidence, mounts[0])
		vd.missing = append(vd.missing, Missing{
			What:    "which Secret, ConfigMap or claim the unmounted volume comes from, and whether it exists",
			Command: fmt.Sprintf("kubectl -n %s get pod %s -o jsonpath='{.spec.volumes}'", d.pod.Namespace, d.pod.Name),
		})
	case w != nil && (w.Reason == "ContainerCreating" || w.Reason == "PodInitializing"):
		vd.summary = fmt.Sprintf("%s is still starting (%s): nothing has failed yet", name, w.Reason)
	case w != nil && w.Reason != "" && w.Reason != "CrashLoopBackOff":
		vd.summary = fmt.Sprintf("%s cannot start: %s: %s", name, w.Reason, shorten(w.Message, maxSummary))
		vd.evidence = []string{fmt.Sprintf("status: state.waiting: reason=%s message=%q", w.Reason, w.Message)}
	case e.exit < 0 && st != nil && st.State.Running != nil && !st.Ready:
		vd.summary = fmt.Sprintf("%s is running but not ready: its readiness probe fails or it is still starting", name)
		vd.evidence = append(vd.evidence, e.context...)
	case e.exit < 0 && (st == nil || (st.State.Waiting == nil && st.State.Running == nil && st.State.Terminated == nil)) && len(d.containerEvents(v, e.term, "BackOff")) > 0:
		backOff := d.containerEvents(v, e.term, "BackOff")
		vd.summary = fmt.Sprintf("%s keeps crashing (the kubelet backs off restarting it) but nothing given says why: no exit code, termination reason or log", name)
		guess = true
		vd.evidence = append(vd.evidence, backOff[0])
	case e.exit < 0 && (st == nil || (st.State.Waiting == nil && st.State.Running == nil && st.State.Terminated == nil)) && e.ls != nil && e.ls.Lines > 0:
		vd.summary = fmt.Sprintf("%s is not running and its log names no cause (no state, exit code or events were given)", name)
		guess = true
	case e.exit < 0 && (st == nil || (st.State.Waiting == nil && st.State.Running == nil && st.State.Terminated == nil)):
		vd.summary = fmt.Sprintf("%s is not running and nothing given says why (no state, exit code, events or log)", name)
		guess = true
	case e.exit < 0:
		vd.summary = fmt.Sprintf("%s is failing (%s) but no termination is recorded", name, waitingReason(st))
		guess = true
	case e.exit == 137 || e.exit == 143:
		vd.summary = fmt.Sprintf("%s was killed by %s%s without an OOM kill or probe failure on record: check node pressure, preStop hooks and who deletes it", name, SignalName(e.exit-128), exitNote)
	case e.ls == nil:
		vd.summary = fmt.Sprintf("%s exited with code %d (%s); no log was available", name, e.exit, ExitCodeMeaning(e.exit))
	default:
		vd.summary = fmt.Sprintf("%s exited with code %d (%s) and its log names no cause", name, e.exit, ExitCodeMeaning(e.exit))
	}
	vd.missing = append(vd.missing, d.missing(v, e, Unknown)...)
	if guess {
		// Nothing names a cause and no exit was recorded (a report
		// that gives little). In public reports such a loop is a setting
		// or state the program was given more often than anything
		// else: say that as the guess it is.
		vd.cat = ConfigError
		vd.summary += "; most such loops are a setting (a guess)"
	}
	return vd
}

// missing lists the evidence that would settle a finding that is not
// certain, the most telling first, each with the command that gets it.
func (d *diagContext) missing(v *containerView, e *evidenceSet, cat Category) []Missing {
	k, pod := "kubectl -n "+d.pod.Namespace, d.pod.Name
	var out []Missing
	seen := map[string]bool{}
	add := func(what, cmd string) {
		if !seen[cmd] {
			seen[cmd] = true
			out = append(out, Missing{What: what, Command: cmd})
		}
	}
	events := k + " get events --field-selector involvedObject.name=" + pod + " --sort-by=.lastTimestamp"
	inferred := false
	if sigs := e.signalsOf(cat); len(sigs) > 0 && (sigs[0].kind == "status" || sigs[0].kind == "probe") {
		inferred = true
	}
	if sigs := e.signalsOf(cat); cat == LivenessProbe && len(sigs) > 0 && sigs[0].patID == "sigterm" && !hasKind(e.signals, "event") {
		// Only the app's word that it was sent SIGTERM.
		add("no Killing or Unhealthy event says whether a failing probe stopped it", events)
	}
	killedBySignal := e.exit == 137 || e.exit == 143 || ((cat == LivenessProbe || cat == OOMKilled) && inferred)
	if killedBySignal && !hasKind(e.signals, "event") {
		add("no Killing, Unhealthy or OOMKilling event says whether the kubelet (a probe) or the kernel (memory) killed it", events)
	}
	neverStarted := false
	if w := waitingState(v); w != nil && w.Reason != "CrashLoopBackOff" && waitingFailures[w.Reason] && e.term == nil {
		neverStarted = true // nothing ran: there is no exit code or log to get
	}
	if e.term == nil && !neverStarted {
		add("no exit code or termination reason was recorded",
			fmt.Sprintf("%s get pod %s -o jsonpath='{.status.%s[?(@.name==\"%s\")].lastState}'", k, pod, statusList(v), v.name))
	}
	if !e.haveLog && !neverStarted {
		add("the log of the crashed instance was not given", fmt.Sprintf("%s logs %s -c %s --previous", k, pod, v.name))
	}
	if v.spec == nil || v.spec.Image == "" {
		add("the container's spec (image, command, probes, limits) was not given", k+" get pod "+pod+" -o yaml")
	}
	if len(d.events) == 0 {
		add("no events were given", events)
	}
	return out
}

// nodePhrase names the pod's node for a sentence.
func nodePhrase(pod *corev1.Pod) string {
	if pod.Spec.NodeName == "" {
		return "its node"
	}
	return "node " + pod.Spec.NodeName
}

func statusList(v *containerView) string {
	if v.kind == "app" {
		return "containerStatuses"
	}
	return "initContainerStatuses"
}

func waitingState(v *containerView) *corev1.ContainerStateWaiting {
	if v.status == nil {
		return nil
	}
	return v.status.State.Waiting
}
