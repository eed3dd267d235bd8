package diagnose

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// Confidence says how well the evidence supports a finding's category.
type Confidence string

// The confidence levels.
const (
	// Certain: a fact recorded by Kubernetes or the runtime names the
	// cause (OOMKilled, a liveness kill event, a missing Secret, an exec
	// format error) and nothing contradicts it.
	Certain Confidence = "certain"
	// Likely: the evidence points clearly one way but is indirect (a log
	// line, an exit code with a probe configured).
	Likely Confidence = "likely"
	// Possible: thin or conflicting evidence; Missing says what would
	// settle it.
	Possible Confidence = "possible"
)

// Missing names evidence the diagnosis did not have and the one command
// that would supply it.
type Missing struct {
	What    string `json:"what"`
	Command string `json:"command"`
}

// Vote weights. A category's support is the sum of its votes; a decisive
// vote alone makes a finding certain.
const (
	voteDecisive = 100 // a recorded fact that names the cause
	voteStrong   = 60  // a log line or message that names the cause
	voteModerate = 35  // an exit code or event that points to it
	voteWeak     = 15  // a hint
)

// signal is one vote for a category from one piece of evidence.
type signal struct {
	cat    Category
	weight int
	kind   string   // status, event, message, log, probe, image, policy
	quote  string   // the evidence line shown to the user
	extra  []string // further lines behind the same vote (the focused line of a long message)
	detail string   // the cause in words, for the summary
	hint   string   // what to change
	action string   // Spring Boot's advice
	patID  string   // the log pattern behind a log or message vote
}

// evidenceSet is everything known about one failing container.
type evidenceSet struct {
	signals []signal
	exit    int32 // -1 when no exit code is known
	term    *corev1.ContainerStateTerminated
	termEv  []string
	ls      *LogScan
	msgScan *LogScan
	haveLog bool
	context []string // facts that vote for nothing but help the reader (readiness failures)
	// pendingConfig is the vote of a bare CreateContainerConfigError,
	// cast only when no event or message says more.
	pendingConfig *signal
}

func (e *evidenceSet) add(s signal) { e.signals = append(e.signals, s) }

// signalledExit reports an exit by signal (or none recorded), which is
// what a kill by the kubelet leaves.
func (e *evidenceSet) signalledExit() bool {
	return e.exit < 0 || e.exit == 137 || e.exit == 143 || e.exit == 130
}

// probeCommandMissing reports a probe event that says the probe's exec
// command could not be started.
func probeCommandMissing(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "probe errored") && (strings.Contains(m, "exec failed") || strings.Contains(m, "executable file not found") || strings.Contains(m, "no such file or directory"))
}

// probeLocalhostUnresolved reports a probe event whose call to localhost
// failed because the name did not resolve ("lookup localhost on
// 8.8.8.8:53: no such host").
func probeLocalhostUnresolved(msg string) bool {
	return strings.Contains(msg, "lookup localhost") && strings.Contains(msg, "no such host")
}

// deployError reports a log in which an application server said the app
// it deploys failed to start, and named an error: the server runs on
// without the app, so a probe on the app's path fails and kills it, but
// the deployment's error is why.
func (e *evidenceSet) deployError() bool {
	return e.ls != nil && e.ls.deployFailed && e.ls.Category != Unknown && e.ls.Category != LivenessProbe
}

// gather collects the votes of every source of evidence about v: its
// termination, waiting state and their messages, its events, its log,
// its probes, restart policy and image.
func (d *diagContext) gather(v *containerView, term *corev1.ContainerStateTerminated, ls *LogScan, haveLog bool) *evidenceSet {
	e := &evidenceSet{exit: -1, term: term, ls: ls, haveLog: haveLog, termEv: terminationEvidence(v.status)}
	if term != nil && term.ExitCode >= 0 {
		e.exit = term.ExitCode
	}
	d.statusVotes(v, e)
	d.eventVotes(v, e)
	bareConfig := e.pendingConfig != nil && !hasKind(e.signals, "event", "message")
	if bareConfig {
		e.add(*e.pendingConfig)
	}
	n := len(e.signals)
	d.logVotes(v, e)
	if bareConfig {
		// The kubelet cannot create the container now, so any log is of
		// an earlier run: what it failed on then is history, unless it
		// is about the configuration too (or the securityContext, which
		// the kubelet also checks before it creates the container).
		for i := n; i < len(e.signals); i++ {
			if c := e.signals[i].cat; c != MissingConfigObject && c != ConfigError && c != PermissionDenied {
				e.signals[i].weight /= 3
			}
		}
	}
	d.heuristicVotes(v, e)
	dbPasswordVotes(v, e)
	wordVotes(e)
	commandVotes(v, e)
	return e
}

// wordVotes reads a report given in words beside an exit code that names
// no cause of its own (1, 2, 255: the program's own error): what the words
// are about is the weak vote it would be without the exit code. A signal's
// exit code (137, 139, 143) has votes of its own.
func wordVotes(e *evidenceSet) {
	if e.exit <= 0 || e.exit >= 128 || len(e.signals) > 0 || e.ls == nil || e.ls.topic == "" || e.ls.Category != Unknown || e.ls.daemon {
		return
	}
	e.add(topicSignal(e.ls))
}

// ownershipCommands change a file's owner or mode; they fail when the
// volume or the container's privileges refuse it.
var ownershipCommands = map[string]bool{"chown": true, "chmod": true, "chgrp": true, "setfacl": true}

// commandVotes reads the container's own command when nothing else
// explains its exit: a command that only changes ownership or modes (a
// volume-permissions init container) and fails was, most likely, denied.
func commandVotes(v *containerView, e *evidenceSet) {
	if v.spec == nil || e.exit <= 0 || e.exit >= 126 {
		return
	}
	for _, arg := range append(append([]string{}, v.spec.Command...), v.spec.Args...) {
		for _, word := range strings.FieldsFunc(arg, func(r rune) bool { return r == ' ' || r == ';' || r == '&' || r == '|' || r == '\n' }) {
			if ownershipCommands[path.Base(word)] {
				e.add(signal{cat: PermissionDenied, weight: 30, kind: "spec", quote: "spec: command " + commandOf(v),
					detail: "its command changes file ownership or modes (" + path.Base(word) + ") and failed; most likely the volume or the container's privileges refuse it"})
				return
			}
		}
	}
}

// statusVotes reads the termination and waiting state.
func (d *diagContext) statusVotes(v *containerView, e *evidenceSet) {
	term, st := e.term, v.status
	termQuote := ""
	if len(e.termEv) > 0 {
		termQuote = e.termEv[0]
	}
	if term != nil {
		if m := strings.TrimSpace(term.Message); m != "" {
			ms := ScanLog(strings.NewReader(m))
			e.msgScan = &ms
			bonus := 0
			if term.Reason == "StartError" || term.Reason == "ContainerCannotRun" || e.exit == 128 || e.exit == 126 || e.exit == 127 {
				bonus = 15 // the runtime's own account of why it could not start
			}
			if s, ok := scanSignal(&ms, "message", bonus); ok {
				s.extra = messageLines(&ms, "status message: ")
				s.quote = termQuote
				e.add(s)
			}
		}
		n := len(e.signals)
		switch {
		case term.Reason == "OOMKilled":
			e.add(signal{cat: OOMKilled, weight: voteDecisive, kind: "status", quote: termQuote, detail: "killed at its memory limit (OOMKilled)"})
		case e.exit == 0 && v.restartsAlways(d.pod):
			w := 70
			if term.Reason == "Completed" {
				w = 90
			}
			if e.ls != nil && e.ls.patID == "stale_pid" {
				w = 40 // "httpd (pid 1) already running": it refuses to start, and says so with 0
			}
			if e.ls != nil && (e.ls.patID == "sigterm" || e.ls.patID == "probe_path_failing") ||
				len(d.containerEventsMatching(v, term, "Killing", "liveness probe", "startup probe")) > 0 {
				// A server that was told to stop (its log says SIGTERM or
				// shows the kubelet's probe failing, or the kubelet's
				// events say it killed it for a probe) exits 0 when it
				// shuts down cleanly: the 0 is the kill's, not a task's end.
				w = 30
			}
			if e.ls != nil && e.ls.Category != Completed && (strings.Contains(e.ls.Line, "Entrypoint processs exit code:") || e.ls.patID == "logmonitor_entrypoint_missing") {
				w = 30 // LogMonitor exits 0 whatever became of its child, and says what (its exit code, sic, or the start it failed)
			}
			if e.ls != nil && e.ls.Category == PortConflict && !e.ls.words && reAddrInUse.MatchString(e.ls.Line) {
				w = 30 // a server that cannot listen and returns from main ("Failed to start http server" ... bind: address already in use, then 0)
			}
			if e.ls != nil && e.ls.supervisorQuit && e.ls.Category != Unknown && e.ls.Category != Completed {
				w = 30 // a supervisor stopping itself after its program failed exits 0 (supervisord on SIGQUIT from its fatal-state listener, my_init)
			}
			if e.ls != nil && e.ls.Category != Unknown && e.ls.Category != Completed && shellMasksExit(v) {
				// `sh -c "server || true"` or "...; sleep 5": the shell
				// turns the program's failure into exit 0, so the 0 says
				// less than the error the program logged.
				w = 30
			}
			e.add(signal{cat: Completed, weight: w, kind: "status", quote: termQuote, detail: "exits 0"})
		case e.exit == 127 && e.ls != nil && loaderError(e.ls.Line):
			// The dynamic loader exits 127 when a library is missing:
			// the command was found; the image lacks what it links to.
			e.add(signal{cat: CommandNotFound, weight: voteWeak, kind: "status", quote: termQuote, detail: "exit 127: " + ExitCodeMeaning(127)})
		case e.exit == 127:
			e.add(signal{cat: CommandNotFound, weight: 55, kind: "status", quote: termQuote, detail: "exit 127: " + ExitCodeMeaning(127)})
		case e.exit == 126:
			e.add(signal{cat: CommandNotFound, weight: 50, kind: "status", quote: termQuote, detail: "exit 126: " + ExitCodeMeaning(126)})
		case e.exit == 78:
			e.add(signal{cat: ConfigError, weight: voteModerate, kind: "status", quote: termQuote, detail: "exit 78: " + ExitCodeMeaning(78)})
		case e.exit == 128 || term.Reason == "StartError" || term.Reason == "ContainerCannotRun":
			e.add(signal{cat: CommandNotFound, weight: voteWeak, kind: "status", quote: termQuote, detail: "the runtime could not start the process"})
		case e.exit == 139 || term.Signal == 11:
			w := 45
			if e.ls != nil && e.ls.Category == DependencyUnavailable && !e.ls.asked {
				// A program that cannot reach what it needs exits with an
				// error of its own; the signal says something else ended it.
				w = 70
			} else if e.ls != nil && e.ls.Category != Segfault && quotesSegfault(e.ls) {
				// The log says so too, beside another error (one printed
				// by a run with the crashing extension turned off).
				w = 70
			}
			e.add(signal{cat: Segfault, weight: w, kind: "status", quote: termQuote, detail: "exit 139: segmentation fault (SIGSEGV)"})
		case term.ExitCode == ntAccessViolation:
			e.add(signal{cat: Segfault, weight: 45, kind: "status", quote: termQuote, detail: "exit -1073741819: " + ExitCodeMeaning(ntAccessViolation)})
		case term.ExitCode == ntDLLNotFound:
			e.add(signal{cat: AppCrash, weight: 45, kind: "status", quote: termQuote, detail: "exit -1073741515: " + ExitCodeMeaning(ntDLLNotFound)})
		case term.ExitCode == ntCLRException:
			e.add(signal{cat: AppCrash, weight: voteModerate, kind: "status", quote: termQuote, detail: "exit -532462766: " + ExitCodeMeaning(ntCLRException)})
		case e.exit == 132 || term.Signal == 4:
			e.add(signal{cat: ExecFormat, weight: 45, kind: "status", quote: termQuote, detail: "exit 132: illegal instruction (SIGILL)"})
		case e.exit == 134:
			e.add(signal{cat: AppCrash, weight: voteWeak, kind: "status", quote: termQuote, detail: "aborted (SIGABRT): a fatal runtime error or failed assertion"})
		case e.exit == 137:
			switch {
			case probeOf(v) != "" && e.deployError():
				e.add(signal{cat: LivenessProbe, weight: voteWeak, kind: "probe", quote: termQuote, detail: "killed by SIGKILL with a kill-capable probe configured, after its app failed to deploy"})
			case probeOf(v) != "":
				e.add(signal{cat: LivenessProbe, weight: 45, kind: "probe", quote: termQuote, detail: "killed by SIGKILL with a kill-capable probe configured"})
			case !specKnown(v):
				// Whether it has a probe is not known: both remain.
				e.add(signal{cat: OOMKilled, weight: 22, kind: "status", quote: termQuote, detail: "killed by SIGKILL (exit 137)"})
				e.add(signal{cat: LivenessProbe, weight: 18, kind: "probe", quote: termQuote, detail: "killed by SIGKILL (exit 137)"})
			default:
				e.add(signal{cat: OOMKilled, weight: 25, kind: "status", quote: termQuote, detail: "killed by SIGKILL (exit 137) with no probe configured"})
			}
		case e.exit == 143:
			if probeOf(v) != "" {
				w := 30
				if e.deployError() {
					w = voteWeak
				}
				e.add(signal{cat: LivenessProbe, weight: w, kind: "probe", quote: termQuote, detail: "terminated by SIGTERM with a kill-capable probe configured"})
			}
		}
		if st != nil && st.State.Waiting != nil && st.State.Waiting.Reason == "CreateContainerConfigError" {
			// The kubelet cannot even create the container now: how the
			// last one ended is history, the configuration is today's.
			for i := n; i < len(e.signals); i++ {
				e.signals[i].weight /= 3
			}
		}
	}
	if st == nil || st.State.Waiting == nil {
		return
	}
	w := st.State.Waiting
	quote := fmt.Sprintf("status: state.waiting: reason=%s message=%q", w.Reason, w.Message)
	// The back-off message only repeats that it restarts; other waiting
	// messages are the kubelet's or runtime's reason.
	explained := false
	text := w.Message
	if strings.ContainsRune(strings.TrimSpace(w.Reason), ' ') {
		// Old kubelets put the message itself in the reason ("Couldn't
		// find key options in Secret jenkins/jenkins").
		text = strings.TrimSpace(w.Reason + "\n" + w.Message)
	}
	if text != "" && w.Reason != "CrashLoopBackOff" {
		ws := ScanLog(strings.NewReader(text))
		if s, ok := scanSignal(&ws, "message", 15); ok && !ws.generic {
			s.quote = quote
			e.add(s)
			explained = true
		}
	}
	if w.Reason == "RunContainerError" && !explained {
		// The runtime could not start the process and its message was
		// not given: most often the command is not in the image.
		e.add(signal{cat: CommandNotFound, weight: voteWeak, kind: "status", quote: quote, detail: "the runtime could not start the process (RunContainerError)"})
	}
	if w.Reason == "CreateContainerConfigError" && !explained {
		// Without a message saying which, the reports' most common
		// reason by far is a ConfigMap, Secret or key the pod references
		// that does not exist (runAsNonRoot refusals come with their own
		// message).
		e.pendingConfig = &signal{cat: MissingConfigObject, weight: voteModerate, kind: "status", quote: quote, detail: "the kubelet cannot build the container's configuration (most often a ConfigMap, Secret or key it references is missing): " + orDefault(w.Message, "CreateContainerConfigError")}
	}
}

// eventVotes reads the container's events near its last termination.
func (d *diagContext) eventVotes(v *containerView, e *evidenceSet) {
	term := e.term
	deployError := e.deployError()
	// Kubelets before 1.5 said "container X is unhealthy, it will be
	// killed and re-created".
	if kills := d.containerEventsMatching(v, term, "Killing", "liveness probe", "startup probe", "is unhealthy, it will be killed"); len(kills) > 0 {
		w := voteDecisive
		if !e.signalledExit() && e.exit != 0 {
			// It exited with its own error code, not by the kill. (Exit
			// 0 is a program stopping cleanly on the kubelet's signal:
			// nginx on SIGQUIT, a server's graceful shutdown.)
			w = 40
		}
		if deployError {
			w = voteWeak
		}
		e.add(signal{cat: LivenessProbe, weight: w, kind: "event", quote: kills[0], detail: "killed by the kubelet after its probe failed"})
	}
	unhealthy := d.containerEventsMatching(v, term, "Unhealthy", "Liveness probe", "Startup probe")
	// A probe that failed fewer times than the kubelet's default
	// threshold (3), with no kill recorded, most likely did not restart
	// it: the log's own error, when it names a cause, says why it stopped.
	fewFailures := len(unhealthy) > 0 && e.ls != nil && e.ls.Category != Unknown && !e.ls.generic &&
		e.ls.Category != LivenessProbe && d.probeFailures(v, term) < 3
	for i, u := range unhealthy {
		w := 50
		if !e.signalledExit() || fewFailures || deployError {
			w = voteWeak
		}
		if i > 0 {
			w = 10 // one vote per kind of failure, a little more for a second
		}
		if probeCommandMissing(u) {
			// The probe's own command is not in the image: the probe can
			// never pass, and the "executable file not found" lines around
			// it are the probe's, not the container's command.
			e.add(signal{cat: LivenessProbe, weight: voteDecisive, kind: "event", quote: u,
				detail: "its exec probe runs a command the image does not have, so the probe always fails and the kubelet restarts it",
				hint:   "Change the probe's command to one the image has (or install it in the image), or use an httpGet or tcpSocket probe."})
			continue
		}
		if probeLocalhostUnresolved(u) {
			// The probe calls localhost and the name does not resolve
			// (the node's or the pod's /etc/hosts lacks it, so the
			// lookup goes to DNS): the probe can never pass.
			e.add(signal{cat: ConfigError, weight: voteDecisive, kind: "event", quote: u,
				detail: "its probe calls localhost, which does not resolve where it runs (no localhost entry in /etc/hosts, so the name goes to DNS): the probe always fails and the kubelet restarts it",
				hint:   "Restore the localhost line in the node's (or the image's) /etc/hosts, or point the probe at 127.0.0.1."})
			continue
		}
		e.add(signal{cat: LivenessProbe, weight: w, kind: "event", quote: u, detail: probeFailureDetail(u)})
	}
	// An Unhealthy event whose message was cut off names no probe; with
	// the container started again and again, the probe most likely
	// restarted it (a readiness probe restarts nothing, but its message
	// would say so).
	if len(unhealthy) == 0 {
		if u := d.unnamedProbeFailure(v, term); u != "" {
			e.add(signal{cat: LivenessProbe, weight: 25, kind: "event", quote: u,
				detail: "a probe kept failing (the event's message was not given) while the container was restarted"})
		}
	}
	// A failing readiness probe kills nothing, but says the app is not
	// serving.
	if r := d.containerEventsMatching(v, term, "Unhealthy", "Readiness probe"); len(r) > 0 {
		e.context = append(e.context, r[0])
	}
	if o, system := d.oomEvents(term); len(o) > 0 && !system {
		e.add(signal{cat: OOMKilled, weight: 90, kind: "event", quote: o[0], detail: "the kernel OOM killer killed it"})
	} else if len(o) > 0 {
		e.add(signal{cat: OOMKilled, weight: 45, kind: "event", quote: o[0],
			detail: "its node ran out of memory and the kernel killed a process (most likely this one; a container without a memory limit is not killed by its own cgroup)",
			hint:   "Set memory requests and limits so the scheduler places the pod where the memory is, and raise them if the app needs more."})
	}
	// Failed / FailedMount / FailedAttachVolume / FailedCreatePodSandBox
	// events carry the kubelet's, the attach controller's or the runtime's
	// message; a controller's FailedCreate carries
	// the API server's refusal to create the pod (PodSecurity, an
	// admission webhook), read only when no pod status was given: with a
	// pod running, a refused replica is not why it restarts.
	near := term
	if waitingReason(v.status) == "CreateContainerConfigError" {
		// The kubelet cannot create the container now: its events say
		// why today, however long ago the last one ended.
		near = nil
	}
	for _, reason := range []string{"Failed", "FailedMount", "FailedAttachVolume", "FailedCreatePodContainer", "FailedPostStartHook", "FailedPreStopHook", "FailedCreate"} {
		if reason == "FailedCreate" && v.status != nil {
			continue
		}
		var msgs []string
		if near == nil {
			msgs = d.currentEvents(v, reason) // (no termination to be near: the events the kubelet still emits)
		} else {
			msgs = d.containerEventsMatching(v, near, reason)
		}
		for _, msg := range msgs {
			text := afterColon(msg)
			if strings.Contains(text, "pull") && strings.Contains(text, "image") {
				continue // image pulls are handled with the waiting reason
			}
			ms := ScanLog(strings.NewReader(text))
			s, ok := scanSignal(&ms, "event", 15)
			if ok && (reason == "FailedMount" || reason == "FailedAttachVolume") && s.cat == DependencyUnavailable && s.patID != "shared_fs_server_down" && s.patID != "nfs_server_unreachable" {
				// A mount that timed out is the kubelet's wait, not the
				// app's dependency; a file system whose servers are down
				// or do not answer (no CephFS MDS up, mount.nfs timing out)
				// is one, of the pod itself.
				ok = false
			}
			if ok {
				s.quote = msg
				e.add(s)
				continue
			}
			if reason == "FailedMount" {
				if src := configVolumeIn(d.pod, text); src != "" {
					e.add(signal{cat: MissingConfigObject, weight: 30, kind: "event", quote: msg,
						detail: "the volume from " + src + " could not be mounted; check that it exists"})
				}
			}
		}
	}
}

// reUnmounted lists the volumes a FailedMount event says are not mounted.
var reUnmounted = regexp.MustCompile(`unmounted volumes=\[([^\]]*)\]`)

// configVolume reports a FailedMount message about a ConfigMap's or
// Secret's volume: by the spec, or when no spec was given, by the
// volume's name ("config-volume", "app-secrets").
func (d *diagContext) configVolume(msg string) bool {
	if configVolumeIn(d.pod, msg) != "" {
		return true
	}
	m := reUnmounted.FindStringSubmatch(msg)
	return m != nil && reConfigVolumeName.MatchString(strings.ToLower(m[1]))
}

// reConfigVolumeName is a volume named for a ConfigMap or Secret.
var reConfigVolumeName = regexp.MustCompile(`config|secret|settings|-cm\b`)

// configVolumeIn names the ConfigMap or Secret behind a volume the
// message says could not be mounted ("ConfigMap app-config"), when the
// pod's spec was given.
func configVolumeIn(pod *corev1.Pod, msg string) string {
	m := reUnmounted.FindStringSubmatch(msg)
	if m == nil || pod == nil {
		return ""
	}
	for _, name := range strings.Fields(m[1]) {
		for _, vol := range pod.Spec.Volumes {
			if vol.Name != name {
				continue
			}
			switch {
			case vol.ConfigMap != nil:
				return "ConfigMap " + vol.ConfigMap.Name
			case vol.Secret != nil:
				return "Secret " + vol.Secret.SecretName
			}
		}
	}
	return ""
}

// resourcesKnown reports a container spec given whole enough that a
// missing resources block means none was set: it names the image, as every
// full spec and `kubectl describe` block does. A describe excerpt of only
// the probe lines says nothing about limits.
func resourcesKnown(v *containerView) bool {
	return v.spec != nil && (v.spec.Image != "" || len(v.spec.Resources.Limits) > 0 || len(v.spec.Resources.Requests) > 0)
}

// specKnown reports whether the container's spec was given (a pasted
// status alone says nothing about its probes).
func specKnown(v *containerView) bool {
	return v.spec != nil && (v.spec.Image != "" || len(v.spec.Command) > 0 || v.spec.LivenessProbe != nil || v.spec.ReadinessProbe != nil || v.spec.StartupProbe != nil)
}

// messageLines relabels a scan's evidence as lines of a status message.
func messageLines(s *LogScan, label string) []string {
	var out []string
	for _, q := range s.Evidence {
		out = append(out, label+strings.TrimPrefix(q, "log: "))
	}
	return out
}

// logVotes turns the log scan into a vote.
func (d *diagContext) logVotes(v *containerView, e *evidenceSet) {
	if e.ls == nil {
		return
	}
	if s, ok := scanSignal(e.ls, "log", 0); ok {
		if s.patID == "sigterm" && specKnown(v) && v.spec.LivenessProbe == nil && v.spec.StartupProbe == nil {
			// No probe can have stopped it: a deletion, eviction or drain did.
			e.context = append(e.context, s.quote)
			return
		}
		if hiddenFilePatterns[s.patID] {
			if m := d.hidingMount(v, s.quote); m != "" {
				// The image has it; a volume mounted over its directory
				// hides it.
				s.cat, s.hint = ConfigError, hintHiddenByMount
				e.add(s)
				e.add(signal{cat: ConfigError, weight: 10, kind: "spec", quote: "spec: a volume is mounted at " + m + ", over what the image ships there"})
				return
			}
		}
		if s.cat == PermissionDenied && e.exit == 126 && reExecDenied.MatchString(s.quote) {
			// Exit 126: the shell found the file and could not execute it
			// (no executable bit, a noexec mount): the command does not run.
			s.cat, s.hint = CommandNotFound, hintEntry
		}
		if s.patID == "loopback" && (d.pod.Spec.HostNetwork || len(d.podContainers()) > 1 && d.otherMayListen(v) || d.otherContainerLogged(v)) {
			// Another container of the pod (a proxy sidecar) or the node
			// should listen there: it is that dependency that is down.
			s.cat, s.hint = DependencyUnavailable, hintDepend
		}
		e.add(s)
	}
}

// reExecDenied is a shell's refusal to run a file ("sh: 1: /opt/start.sh:
// Permission denied", "entrypoint.sh: line 88: /opt/app/bin/server:
// Permission denied").
var reExecDenied = regexp.MustCompile(`(?i):\s(?:\d+: |line \d+: )?(?:\./|/)[\w./-]+: permission denied\W*$`)

// hiddenFilePatterns are the lines of a program that misses a file,
// module or library of its own: the image has it, unless a volume mounted
// over its directory hides it.
var hiddenFilePatterns = map[string]bool{"module_missing": true, "runtime_build_mismatch": true, "php_entry": true, "python_entry": true}

// hintHiddenByMount is the fix for a volume over the image's own files.
const hintHiddenByMount = "A volume is mounted over a directory the image ships files in (the code, node_modules, a virtualenv, installed gems or extensions), so the program no longer sees them: mount only what must be shared (a narrower path, a subPath), keep dependencies out of the mount (an anonymous volume for node_modules, or rebuild it with `docker compose up -V`), or copy the image's files into the volume first."

// reAbsPath is an absolute path in a line, quoted or not.
var reAbsPath = regexp.MustCompile(`(?:^|[\s'"(\x60])(/[\w.@+-]+(?:/[\w.@+-]+)*)`)

// codeDirs are the last parts of the directories images keep code and
// dependencies in.
// (Not /lib/modules, /usr or /opt: DaemonSets mount the node's own there.)
var codeDirs = map[string]bool{"app": true, "src": true, "code": true, "html": true, "www": true, "rails": true, "node_modules": true,
	".venv": true, "venv": true, "vendor": true, "bundle": true, "site-packages": true, "gems": true, "conf.d": true, "plugins": true,
	"extensions": true}

// hidingMount returns the mount path of a volume of v that hides the file
// the line misses: the path the line names lies under it, or it is a
// directory images keep code and dependencies in. "" if none.
func (d *diagContext) hidingMount(v *containerView, line string) string {
	if v.spec == nil {
		return ""
	}
	if repo, _ := imageRepo(v.spec.Image); replImage(repo) {
		return "" // node:20 with the code mounted: the image never had the app's modules
	}
	var paths []string
	for _, m := range reAbsPath.FindAllStringSubmatch(line, -1) {
		paths = append(paths, m[1])
	}
	for _, m := range v.spec.VolumeMounts {
		mp := strings.TrimSuffix(m.MountPath, "/")
		if m.SubPath != "" || mp == "" || !d.sharedVolume(m.Name) {
			continue
		}
		for _, p := range paths {
			if strings.HasPrefix(p, mp+"/") {
				return m.MountPath
			}
		}
		if codeDirs[path.Base(mp)] {
			return m.MountPath
		}
	}
	return ""
}

// sharedVolume reports a volume that brings its own files in (a host
// directory, a claim, an emptyDir, a ConfigMap over a whole directory)
// rather than one the image's files would be copied into.
func (d *diagContext) sharedVolume(name string) bool {
	for _, vol := range d.pod.Spec.Volumes {
		if vol.Name == name {
			return vol.HostPath != nil || vol.PersistentVolumeClaim != nil || vol.EmptyDir != nil || vol.ConfigMap != nil || vol.NFS != nil
		}
	}
	return false
}

// podContainers names the pod's long-running containers: app containers
// and sidecars (restartable init containers).
// otherContainerLogged reports a log given for another container of v's
// pod (`kubectl logs POD -c proxy` pasted beside the app's): the pod has
// more containers than its spec, if given at all, shows.
func (d *diagContext) otherContainerLogged(v *containerView) bool {
	for name, log := range d.in.Logs {
		if name != "" && name != v.name && strings.TrimSpace(log) != "" {
			return true
		}
	}
	return false
}

// reNotAListener names sidecars that load files or ship logs: nothing an
// app reaches on localhost as its dependency ("grafana-sc-dashboard",
// "config-reloader", "git-sync", "fluent-bit").
var reNotAListener = regexp.MustCompile(`(?i)(?:^|[-_])(?:sc-[a-z]+|config-?reloader|reloader|git-?sync|fluent-?bit|fluentd|filebeat|promtail|log-?shipper|logrotate)(?:$|[-_])`)

// otherMayListen reports whether the pod has another container that may
// listen where v connects (a proxy, a mesh's sidecar), not only file
// loaders and log shippers.
func (d *diagContext) otherMayListen(v *containerView) bool {
	for _, c := range d.podContainers() {
		if c != v.name && !reNotAListener.MatchString(c) {
			return true
		}
	}
	return false
}

func (d *diagContext) podContainers() []string {
	var out []string
	for _, c := range d.pod.Spec.InitContainers {
		if c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways {
			out = append(out, c.Name)
		}
	}
	for _, c := range d.pod.Spec.Containers {
		out = append(out, c.Name)
	}
	if len(out) == 0 {
		for _, st := range d.pod.Status.ContainerStatuses {
			out = append(out, st.Name)
		}
	}
	return out
}

// scanSignal converts what a scan of a log or message found into a vote.
// bonus raises runtime and kubelet messages, which are facts rather than
// an application's account.
func scanSignal(s *LogScan, kind string, bonus int) (signal, bool) {
	if s == nil || s.Category == Unknown {
		return signal{}, false
	}
	w := 0
	switch {
	case s.generic && s.score >= weightGeneric:
		w = 25
	case s.generic:
		w = 12
	case s.weight >= weightPrecise+1:
		w = 75
	case s.weight >= weightPrecise:
		w = voteStrong
	case s.weight >= weightSpecific:
		w = 55
	case s.weight >= weightSpecific-2:
		w = 42
	default:
		w = 30
	}
	if s.patID == "usage" {
		// It printed its usage instead of running: that is what it did,
		// whatever its exit code says.
		w = 95
	}
	if s.asked {
		// The reporter's question or guess ("Maybe the liveness probe
		// kills it?"): weaker than any fact the paste records.
		w = min(w, 30)
	}
	w += bonus
	if w > voteDecisive-5 {
		w = voteDecisive - 5
	}
	if s.weight >= weightPrecise+1 && bonus > 0 {
		w = voteDecisive // the runtime says why it could not start the container
	}
	quote := ""
	if len(s.Evidence) > 0 {
		quote = s.Evidence[0]
	}
	return signal{cat: s.Category, weight: w, kind: kind, quote: quote, detail: s.Detail, hint: s.hint, action: s.action, patID: s.patID}, true
}

// quotesSegfault reports a log whose quoted lines include a segmentation
// fault besides its best line.
func quotesSegfault(ls *LogScan) bool {
	for _, q := range ls.Evidence {
		if l := strings.ToLower(q); strings.Contains(l, "segmentation fault") || strings.Contains(l, "sigsegv") {
			return true
		}
	}
	return false
}

// reAddrInUse is the system's refusal of a port another socket holds.
var reAddrInUse = regexp.MustCompile(`(?i)\baddress already in use\b|\beaddrinuse\b`)

// heuristicVotes adds what the pod's shape suggests when the direct
// evidence is thin: one-shot images and logs that end without an error
// under restartPolicy Always.
func (d *diagContext) heuristicVotes(v *containerView, e *evidenceSet) {
	if !v.restartsAlways(d.pod) || (e.exit > 0) {
		return
	}
	if img := oneShotImage(v, imageOf(v)); img != "" {
		e.add(signal{cat: Completed, weight: 45, kind: "image", quote: "spec: image " + img + " with no command of its own",
			detail: img})
	} else if img, quote := d.pulledImage(v); img != "" && oneShotImage(v, img) != "" {
		// Only a pull event names the image: its command is not known.
		e.add(signal{cat: Completed, weight: 40, kind: "image", quote: quote + " (its command was not given)", detail: img})
	} else if e.ls != nil && e.ls.dockerBase != "" && e.exit <= 0 && oneShotImage(v, e.ls.dockerBase) != "" {
		// The image is built FROM a bare OS or language image and sets no
		// command: it inherits that image's shell or REPL.
		base := e.ls.dockerBase
		e.add(signal{cat: Completed, weight: 40, kind: "dockerfile", quote: "Dockerfile: FROM " + base + " with no CMD or ENTRYPOINT",
			detail: base})
	} else if cmd := oneShotCommand(v); cmd != "" && e.exit <= 0 {
		// The pod's own command ends by itself ("sleep 30s", "echo $HOSTNAME").
		e.add(signal{cat: Completed, weight: 40, kind: "spec", quote: "spec: command " + commandOf(v) + " ends by itself",
			detail: cmd})
	} else if img := imageOf(v); (img == "(unknown)" || img == "") && e.exit < 0 && oneShotImages[v.name] && (v.spec == nil || len(v.spec.Command) == 0) {
		// Nothing names the image, but `kubectl run NAME` and `oc new-app
		// IMAGE` name the container after it.
		e.add(signal{cat: Completed, weight: 30, kind: "image", quote: "container name: " + v.name + " (the image was not given; the container is probably the " + v.name + " image)", detail: v.name})
	}
	if (e.ls == nil || e.ls.Category == Unknown && e.ls.finished == "") && e.exit < 0 && len(e.signals) == 0 {
		// (A log that ends as a finished task's names why it ends.)
		if n, status := d.datastoreNeighbour(v); n != "" && status == "Running" {
			e.add(signal{cat: DependencyUnavailable, weight: 20, kind: "neighbour",
				quote:  "pod " + n + " (a database or broker) runs beside it",
				detail: "nothing given names the cause, but " + n + " runs beside it: the app most likely starts before it can reach that dependency (or cannot reach it at all)"})
		} else if n != "" {
			e.add(signal{cat: DependencyUnavailable, weight: 30, kind: "neighbour",
				quote:  "pod " + n + " (a database or broker) beside it is " + status,
				detail: "nothing given names the cause, but " + n + " beside it is " + status + ", not running: the app cannot reach that dependency"})
		}
	}
	if n := d.sibling("OOMKilled"); n != "" && e.exit < 0 && (e.ls == nil || e.ls.Category == Unknown) && len(e.signals) == 0 {
		// Another pod of the same workload shows OOMKilled between its
		// restarts: the same spec, the same limit.
		e.add(signal{cat: OOMKilled, weight: 40, kind: "neighbour", quote: "pod " + n + " of the same workload: OOMKilled, restarted",
			detail: "another pod of the same workload shows OOMKilled between restarts: its container is killed at its memory limit, and this pod runs the same spec"})
	}
	if n := d.sibling("Completed"); n != "" && (e.ls == nil || e.ls.Category == Unknown || guessedFromWords(e.ls)) && len(e.signals) == 0 {
		// Another pod of the same workload shows Completed between its
		// restarts: the container exits 0, and is started again.
		e.add(signal{cat: Completed, weight: 35, kind: "neighbour", quote: "pod " + n + " of the same workload: Completed, restarted",
			detail: "another pod of the same workload shows Completed between restarts: its container exits 0 (the command finishes) and restartPolicy Always starts it again"})
	}
	// A kill-capable probe is configured and nothing else explains the
	// restarts: the probe is the likeliest suspect (weak; any fact wins).
	if p := probeOf(v); p != "" && e.exit < 0 && (e.ls == nil || e.ls.Category == Unknown) && len(e.signals) == 0 {
		e.add(signal{cat: LivenessProbe, weight: 20, kind: "probe", quote: "spec: " + p + "Probe " + describeProbe(probeSpec(v)),
			detail: "nothing given says why it restarts, but a " + p + " probe is configured: when it fails, the kubelet restarts the container"})
		return
	}
	if e.ls != nil && e.ls.Lines > 0 && e.ls.Category == Unknown && e.exit < 0 && !hasKind(e.signals, "event", "status", "message", "neighbour") {
		// A service's own log that simply stops (daemon) says nothing of
		// its own; then only words that name a kind of cause count.
		taskEnd := reTaskEnd.MatchString(strings.ToLower(tailOf(e.ls, 3)))
		last := lastLine(e.ls)
		lowerLast := strings.ToLower(last)
		// The program's own last words, not a sentence; a tool's summary
		// line may be long.
		endsAsTask := len(last) <= 60 && reTaskEnd.MatchString(lowerLast) || reToolSummary.MatchString(lowerLast)
		if e.ls.topic != "" && e.ls.finished == "" && (!e.ls.daemon || e.ls.topicNamed) && (e.ls.topicNamed || !endsAsTask) {
			// (Words that only say it fails do not outweigh a log that
			// ends like a finished task's: "Inserted 1204 documents",
			// "Done.")
			// The "log" is the reporter's prose: it does not end like a
			// finished task's log, but it says what it is about.
			e.add(topicSignal(e.ls))
			if p := e.ls.passedOver; p != "" && p != e.ls.topicLine {
				e.context = append(e.context, "log: "+p)
			}
			return
		}
		if e.ls.finished != "" {
			e.add(signal{cat: Completed, weight: 30, kind: "log", quote: "log: " + e.ls.finished, detail: e.ls.finishedHow})
			return
		}
		if e.ls.daemon && !selfExit(lastLine(e.ls)) {
			return
		}
		if !taskEnd {
			// A log that stops without an error or a task's last words:
			// in public reports the cause is then a setting far more
			// often than a task that finished.
			e.add(signal{cat: ConfigError, weight: 20, kind: "log", quote: "log: ends without an error: " + lastLine(e.ls), patID: "words_guess",
				detail: "its log ends without an error and nothing given names the cause; most often that is a setting or state it was given"})
			return
		}
		e.add(signal{cat: Completed, weight: 20, kind: "log", quote: "log: ends without an error: " + lastLine(e.ls),
			detail: "its log ends without an error, so it most likely finishes and exits"})
	}
}

// reTaskEnd are a finished task's last words: a demo's greeting, a
// console program's prompt, a job's "done", a traced script's "+ exit 0",
// a tool's closing summary.
var reTaskEnd = regexp.MustCompile(`\b(?:done|finished|complete[ds]?|success(?:fully)?|exiting|bye|goodbye|hello|press (?:any key|enter|ctrl)|nothing to do|nothing to migrate|all (?:done|migrations)|get-started|seeded \d+|total in \d+ ?ms)\b|(?:^|\s)\++ exit 0\b|` + toolSummary)

// toolSummary is the closing line of a tool that finished its run: a
// test runner's tally (pytest's "214 passed, 3 skipped in 41.27s", go
// test's "ok  pkg  0.4s"), Helm's "Happy Helming!", rclone's "There was
// nothing to transfer", golang-migrate's "23/u name (9.8ms)".
const toolSummary = `\b(?:happy helming|there was nothing to transfer|\d+ passed(?:, \d+ \w+)* in [\d.]+s|ok\s+[\w./-]+\s+[\d.]+s|\d+/u [\w-]+ \([\d.]+[mµ]?s\))`

// reToolSummary matches a toolSummary line.
var reToolSummary = regexp.MustCompile(toolSummary)

// reSelfExit is a service's last line saying it exits of its own accord
// ("no messages, exiting", "nothing to do"); reToldToStop, the words of a
// stop it was told to make.
var (
	reSelfExit   = regexp.MustCompile(`\b(?:done|finished|nothing to do|exiting)(?:[,.!;]?\s*(?:good)?bye)?\W*$|\bexit(?:ing|s)? with (?:exit )?(?:status|code) 0\W*$|^\++ exit 0\s*$`)
	reToldToStop = regexp.MustCompile(`signal|sig(?:term|int|kill)|terminat|shut|stop|kill|interrupt|error|fail`)
)

// selfExit reports a last line that says the program exits of its own
// accord (reSelfExit) and not because it was told to stop.
func selfExit(line string) bool {
	l := strings.ToLower(line)
	return reSelfExit.MatchString(l) && !reToldToStop.MatchString(l)
}

// tailOf joins the last n lines of a log's excerpt.
func tailOf(ls *LogScan, n int) string {
	return strings.Join(ls.Excerpt[max(0, len(ls.Excerpt)-n):], " ")
}

// topicSignal is the weak vote of what a report's words are about.
func topicSignal(ls *LogScan) signal {
	detail := "the report's words are about " + topicWords(ls.topic) + ": " + ls.topicLine
	if !ls.topicNamed {
		detail = "nothing given names the cause: the report's words only say it fails (" + ls.topicLine +
			"); crash loops reported like this most often come down to " + topicWords(ls.topic)
	}
	s := signal{cat: ls.topic, weight: 22, kind: "log", quote: "log: " + ls.topicLine, detail: detail}
	if !ls.topicNamed {
		s.patID = "words_guess"
	}
	return s
}

// reDatastore names a database, cache or broker in a pod or container name.
var reDatastore = regexp.MustCompile(`(?i)(?:^|[-_.])(?:mysql|mariadb|postgres(?:ql)?|pg|pgbouncer|redis|mongo(?:db)?|kafka|rabbitmq|zookeeper|zk|elasticsearch|opensearch|minio|etcd|cassandra|nats|memcached|db|database|cockroach(?:db)?|clickhouse)(?:$|[-_.\d])`)

// datastoreNeighbour names a database or broker pod beside v's pod, when
// v itself is not one, with its status: a running one first, else one
// that never started (Pending, ContainerCreating).
func (d *diagContext) datastoreNeighbour(v *containerView) (name, status string) {
	if reDatastore.MatchString(v.name) || reDatastore.MatchString(d.pod.Name) {
		return "", ""
	}
	for _, n := range d.in.Neighbours {
		if n.Name == d.pod.Name || !reDatastore.MatchString(n.Name) || d.controlPlaneStore(n.Name) {
			continue
		}
		switch n.Status {
		case "Running":
			return n.Name, n.Status
		case "Pending", "ContainerCreating":
			if name == "" {
				name, status = n.Name, n.Status
			}
		}
	}
	return name, status
}

// guessedFromWords reports a log whose category is only the likeliest
// kind for reports whose words say no more than that it fails.
func guessedFromWords(ls *LogScan) bool {
	return ls.topic != "" && ls.topic == ls.Category && !ls.topicNamed
}

// sibling names another pod of the same workload as the diagnosed one (a
// replica, a DaemonSet's pod on another node) whose row shows status after
// restarts, else "": its container ended so, and this pod's runs the same
// spec.
func (d *diagContext) sibling(status string) string {
	base := workloadBase(d.pod.Name)
	if base == "" || base == d.pod.Name {
		return ""
	}
	for _, n := range d.in.Neighbours {
		if n.Name != d.pod.Name && n.Status == status && n.Restarts > 0 && workloadBase(n.Name) == base {
			return n.Name
		}
	}
	return ""
}

// controlPlaneStore reports a node's static etcd pod ("etcd-NODE" beside
// "kube-apiserver-NODE" in `kubectl get pods -A`): the cluster's own store,
// which only the API server talks to, not a database an app waits for.
func (d *diagContext) controlPlaneStore(name string) bool {
	node, ok := strings.CutPrefix(name, "etcd-")
	if !ok || strings.HasPrefix(d.pod.Name, "kube-apiserver-") {
		return false
	}
	for _, n := range d.in.Neighbours {
		if n.Name == "kube-apiserver-"+node {
			return true
		}
	}
	return false
}

func hasKind(signals []signal, kinds ...string) bool {
	for _, s := range signals {
		for _, k := range kinds {
			if s.kind == k {
				return true
			}
		}
	}
	return false
}

func lastLine(ls *LogScan) string {
	if n := len(ls.Excerpt); n > 0 {
		return ls.Excerpt[n-1]
	}
	return ""
}

// oneShotImages are images whose default command finishes at once when
// run without a terminal: demo images and bare OS images (their default
// command is a shell).
var oneShotImages = map[string]bool{
	"hello-world": true, "busybox": true, "alpine": true, "ubuntu": true, "debian": true, "centos": true,
	"fedora": true, "rockylinux": true, "almalinux": true, "amazonlinux": true, "archlinux": true,
	"opensuse": true, "oraclelinux": true, "photon": true, "bash": true, "ubi8": true, "ubi9": true,
}

// replImages are official language images whose default command is the
// language's interactive shell (python, node, irb, R, jshell) or bash:
// without a terminal it reads the end of its input and exits.
var replImages = map[string]bool{
	"python": true, "pypy": true, "node": true, "ruby": true, "jruby": true, "r-base": true, "julia": true,
	"elixir": true, "erlang": true, "haskell": true, "perl": true, "php": true, "openjdk": true, "golang": true,
	"rust": true, "gcc": true, "groovy": true, "swift": true, "buildpack-deps": true,
	"rocker/r-ver": true, "rocker/r-base": true, "bitnami/python": true, "bitnami/node": true, "bitnami/ruby": true,
}

// replImage reports whether repo (without its tag) is one of replImages,
// as Docker Hub names it.
func replImage(repo string) bool {
	repo = strings.TrimPrefix(strings.TrimPrefix(repo, "docker.io/"), "library/")
	return replImages[repo]
}

// imageRepo returns an image reference without its digest and tag, and
// that repository's last path element ("docker.io/library/postgres:13" ->
// "docker.io/library/postgres", "postgres").
func imageRepo(img string) (repo, base string) {
	repo = img
	if i := strings.Index(repo, "@"); i >= 0 {
		repo = repo[:i]
	}
	if i := strings.LastIndex(repo, ":"); i > strings.LastIndex(repo, "/") {
		repo = repo[:i]
	}
	return repo, path.Base(repo)
}

// oneShotImage returns the image when it is a one-shot image run without
// a command of the pod's own, else "".
func oneShotImage(v *containerView, img string) string {
	if img == "(unknown)" || img == "" {
		return ""
	}
	repo, base := imageRepo(img)
	if base == "hello-world" {
		return img
	}
	if v.spec != nil && (len(v.spec.Command) > 0 || len(v.spec.Args) > 0) {
		return ""
	}
	if oneShotImages[base] || replImage(repo) || cliTagged(img, base) {
		return img
	}
	// "alpine-bash", "ubuntu-tools": an OS image with extra packages.
	if prefix, _, ok := strings.Cut(base, "-"); ok && oneShotImages[prefix] {
		return img
	}
	return ""
}

// cliTagged reports the wp-cli and Docker CLI variants of an image
// ("wordpress:cli-2.10-php8.3", "docker:27-cli"): a command-line tool, not
// the server the image's other tags run.
func cliTagged(img, base string) bool {
	if base != "wordpress" && base != "docker" {
		return false
	}
	i := strings.LastIndex(img, ":")
	if i < strings.LastIndex(img, "/") {
		return false
	}
	tag := img[i+1:]
	return tag == "cli" || strings.HasPrefix(tag, "cli-") || strings.HasSuffix(tag, "-cli")
}

// oneShotCommands are programs that do their work and return: a
// container whose whole command is made of them finishes by itself.
var oneShotCommands = map[string]bool{
	"echo": true, "printf": true, "true": true, "date": true, "hostname": true, "env": true, "printenv": true,
	"whoami": true, "id": true, "uname": true, "pwd": true, "ls": true, "cat": true, "nslookup": true, "ping": true,
	"grep": true, "egrep": true, "fgrep": true, "wc": true, "head": true, "tail": true, "cut": true, "sort": true,
	"uniq": true, "tr": true, "awk": true, "sed": true, "test": true, "[": true, "exit": true, "mkdir": true,
	"cp": true, "mv": true, "rm": true, "touch": true, "ln": true, "chmod": true, "df": true, "du": true,
	"free": true, "nproc": true, "nvidia-smi": true, "dig": true, "host": true, "curl": true, "wget": true,
	"cd": true, "set": true, "export": true, "mount": true, "find": true, "stat": true, "sha256sum": true,
}

// reShellAssign is a shell variable assignment before a command or alone
// ("devs=$(ls /dev", "FOO=bar").
var reShellAssign = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

// reFiniteSleep is a sleep with a finite duration ("30", "30s", "1.5m").
var reFiniteSleep = regexp.MustCompile(`^\d+(?:\.\d+)?[smhd]?$`)

// oneShotCommand names the command of v's spec when it ends by itself: a
// finite sleep, an echo, or a shell script made only of such commands
// (no loop, no exec of something else, no background job), else "".
func oneShotCommand(v *containerView) string {
	if v.spec == nil {
		return ""
	}
	argv := append(append([]string{}, v.spec.Command...), v.spec.Args...)
	if len(argv) == 0 {
		return ""
	}
	if sh := path.Base(argv[0]); (sh == "sh" || sh == "bash" || sh == "ash" || sh == "dash") && len(argv) >= 3 && argv[1] == "-c" {
		// describe text gives a multi-line script one line per argument.
		script := strings.Join(argv[2:], "\n")
		for _, c := range strings.FieldsFunc(script, func(r rune) bool { return r == ';' || r == '\n' || r == '&' || r == '|' }) {
			if !oneShotStep(strings.Fields(c)) {
				return ""
			}
		}
		return "its shell script only runs commands that return (" + shorten(script, 80) + ")"
	}
	if !oneShotStep(argv) {
		return ""
	}
	return "its command " + path.Base(argv[0]) + " returns when done"
}

// oneShotStep reports whether one simple command returns by itself.
func oneShotStep(words []string) bool {
	// Assignments first ("X=1 cmd"), and a command substitution's
	// command ("devs=$(ls /dev"): what runs is the command after them.
	for len(words) > 0 {
		loc := reShellAssign.FindStringIndex(words[0])
		if loc == nil {
			break
		}
		if val := words[0][loc[1]:]; strings.HasPrefix(val, "$(") && len(val) > 2 {
			words[0] = val
			break
		}
		words = words[1:]
	}
	// A loop's or a test's keywords: a for over a list ends, a while
	// or until loop is taken to run on.
	if len(words) > 0 {
		switch words[0] {
		case "do", "then", "else", "elif", "if", "{":
			words = words[1:]
		case "done", "fi", "}", "for":
			return true
		case "while", "until":
			return false
		}
	}
	if len(words) == 0 {
		return true
	}
	name := path.Base(strings.TrimPrefix(words[0], "$("))
	if len(words) >= 2 && (words[len(words)-1] == "start" || words[len(words)-1] == "restart") &&
		(name == "service" && len(words) == 3 || strings.HasPrefix(words[0], "/etc/init.d/") && len(words) == 2 ||
			(name == "apachectl" || name == "apache2ctl") && len(words) == 2) {
		// An init script starts the daemon in the background and returns
		// ("service apache2 start"): nothing is left in the foreground.
		return true
	}
	switch name {
	case "php":
		// Laravel's scheduler entry point runs the commands due this
		// minute and returns: it is meant for cron, once a minute.
		return containsWord(words, "artisan") && containsWord(words, "schedule:run")
	case "sleep":
		return len(words) == 2 && reFiniteSleep.MatchString(words[1])
	case "ping":
		return containsWord(words, "-c")
	case "tail":
		return !containsWord(words, "-f") && !containsWord(words, "-F") && !containsWord(words, "--follow")
	}
	return oneShotCommands[name]
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// reEventImage is the image in a kubelet pull event.
var reEventImage = regexp.MustCompile(`^(?:Container image|Successfully pulled image|Pulling image|pulling image) "([^"]+)"`)

// pulledImage is the image the kubelet's pull events name for a container
// whose image was not given, with the event quoted.
func (d *diagContext) pulledImage(v *containerView) (string, string) {
	if imageOf(v) != "(unknown)" && imageOf(v) != "" {
		return "", ""
	}
	img, quote := "", ""
	for _, reason := range []string{"Pulled", "Pulling"} {
		for _, q := range d.containerEvents(v, nil, reason) {
			m := reEventImage.FindStringSubmatch(afterColon(q))
			if m == nil {
				continue
			}
			if img != "" && img != m[1] {
				return "", "" // the pod pulls more than one image: which is this container's?
			}
			img, quote = m[1], q
		}
	}
	return img, quote
}

// probeFailureDetail shortens an Unhealthy event to the probe's answer.
func probeFailureDetail(quote string) string {
	m := afterColon(quote)
	for _, p := range []string{"Liveness probe failed: ", "Startup probe failed: ", "Liveness probe errored: ", "Startup probe errored: "} {
		m = strings.TrimPrefix(m, p)
	}
	return shorten(m, 140)
}

// tally sums the votes per category.
type tally struct {
	cat   Category
	score int
	top   int // the strongest single vote
}

func (e *evidenceSet) tallies() []tally {
	by := map[Category]*tally{}
	for _, s := range e.signals {
		t := by[s.cat]
		if t == nil {
			t = &tally{cat: s.cat}
			by[s.cat] = t
		}
		t.score += s.weight
		t.top = max(t.top, s.weight)
	}
	var out []tally
	for _, t := range by {
		out = append(out, *t)
	}
	order := map[Category]int{}
	for i, c := range Categories() {
		order[c] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		if out[i].top != out[j].top {
			return out[i].top > out[j].top
		}
		return order[out[i].cat] < order[out[j].cat]
	})
	return out
}

// confidenceOf grades the winner against the runner-up: certain when a
// recorded fact names it, or when the program's own last words name it
// and it exited with its own error code, and nothing else competes.
func confidenceOf(ts []tally, e *evidenceSet) Confidence {
	if len(ts) == 0 {
		return Possible
	}
	win, second := ts[0], 0
	if len(ts) > 1 {
		second = ts[1].score
	}
	ownExit := e.exit > 0 && e.exit < 126
	switch {
	case win.top >= 90 && second < 60 && win.score-second >= 40:
		return Certain
	case win.top >= voteStrong && ownExit && second < 30 && hasKind(e.signalsOf(win.cat)[:1], "log", "message"):
		return Certain
	case second < 30 && independentAgree(e.signalsOf(win.cat)):
		return Certain
	case win.score >= 45 && win.score-second >= 15:
		return Likely
	}
	return Possible
}

// independentAgree reports two different kinds of evidence (the exit
// code and the log, say) that both point strongly to the same cause.
func independentAgree(sigs []signal) bool {
	kinds := map[string]bool{}
	for _, s := range sigs {
		if s.weight >= 50 {
			kinds[s.kind] = true
		}
	}
	return len(kinds) >= 2
}

// signalsOf returns the votes for cat, strongest first.
func (e *evidenceSet) signalsOf(cat Category) []signal {
	var out []signal
	for _, s := range e.signals {
		if s.cat == cat {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].weight > out[j].weight })
	return out
}

// unnamedProbeFailure quotes an Unhealthy event of v whose message names
// no probe kind, when v was restarted (a restart count, or a Started or
// Created event seen more than once); "" otherwise.
func (d *diagContext) unnamedProbeFailure(v *containerView, term *corev1.ContainerStateTerminated) string {
	quote, restarted := "", v.status != nil && v.status.RestartCount > 0
	for i := range d.events {
		e := &d.events[i]
		if !forContainer(e, v) || !nearTermination(e, term) {
			continue
		}
		switch {
		case e.Reason == "Unhealthy" && quote == "" && !strings.Contains(strings.ToLower(e.Message), "probe"):
			quote = describeEvent(e)
		case (e.Reason == "Started" || e.Reason == "Created") && e.Count > 1:
			restarted = true
		}
	}
	if !restarted {
		return ""
	}
	return quote
}

// probeSpec returns the kill-capable probe probeOf names.
func probeSpec(v *containerView) *corev1.Probe {
	if v.spec.LivenessProbe != nil {
		return v.spec.LivenessProbe
	}
	return v.spec.StartupProbe
}

// probeFailures counts the liveness and startup probe failures the
// container's events near its termination record (an event seen N times
// counts N).
func (d *diagContext) probeFailures(v *containerView, term *corev1.ContainerStateTerminated) int {
	n := 0
	for _, ev := range d.eventsNear(v, term, "Unhealthy") {
		if strings.Contains(ev.Message, "Liveness probe") || strings.Contains(ev.Message, "Startup probe") {
			n += max(1, int(ev.Count))
		}
	}
	return n
}
