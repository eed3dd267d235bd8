package diagnose

import (
	"regexp"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Input is everything Diagnose looks at. Only Pod is required.
type Input struct {
	// Pod is the pod with its spec and status.
	Pod *corev1.Pod
	// Events are the pod's events in any order; may be empty once they
	// expired. Node OOMKilling events may be included too.
	Events []corev1.Event
	// Logs maps a container name to the log tail of its previous (crashed)
	// instance, or its current log if there is no previous one. The key ""
	// holds a log whose container is not known; it is used for the most
	// relevant failing container when that has no log of its own.
	Logs map[string]string
	// Owner is the top-level owning workload, if known. When nil, Diagnose
	// infers it from the pod's controller reference.
	Owner *Owner
	// Now is the time of the diagnosis; zero disables time-based reasoning.
	Now time.Time
	// Neighbours are other pods seen beside this one (the other rows of a
	// pasted `kubectl get pods`); optional. When nothing else names a
	// cause, a database or broker running beside a crashing app suggests
	// the app started before it could reach it.
	Neighbours []Neighbour
}

// Neighbour is another pod seen beside the one diagnosed.
type Neighbour struct {
	Name     string
	Status   string // the STATUS column: Running, CrashLoopBackOff, Pending, ...
	Ready    bool
	Restarts int32
}

// Owner is a workload that owns a pod: Deployment/api, StatefulSet/db,
// Job/x, CronJob/y, DaemonSet/z, or Pod for a bare pod.
type Owner struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// String returns "Kind/name".
func (o *Owner) String() string {
	if o == nil {
		return ""
	}
	return o.Kind + "/" + o.Name
}

// Report is the triage summary of one pod.
type Report struct {
	// Pod is "namespace/name".
	Pod string `json:"pod"`
	// Healthy is true when no container is failing.
	Healthy bool `json:"healthy"`
	// Status is the pod's status as kubectl shows it (CrashLoopBackOff,
	// Running, Init:Error, OOMKilled, Pending, ...).
	Status string `json:"status"`
	// Message says in one line how the pod is doing; for a healthy pod it
	// says so and mentions earlier restarts.
	Message string `json:"message"`
	// Owner is the top-level owning workload, if known.
	Owner *Owner `json:"owner,omitempty"`
	// Finding describes the most relevant failing container (zero when
	// healthy).
	Finding
	// Containers lists every failing container, most relevant first.
	Containers []Finding `json:"containers"`
	// Redacted is true if any secret was redacted from the returned text.
	Redacted bool `json:"redacted"`
}

// Finding is the diagnosis of one failing container.
type Finding struct {
	// Container is the container's name ("" for a pod-level problem).
	Container string `json:"container"`
	// ContainerType is "app", "init", "sidecar" (a restartable init
	// container) or "pod" for a problem that is not one container's.
	ContainerType string `json:"container_type"`
	// Image is the container's image from the spec.
	Image string `json:"image,omitempty"`
	// Category is the most likely cause.
	Category Category `json:"category"`
	// Summary says in one plain line what is wrong.
	Summary string `json:"summary"`
	// Confidence says how well the evidence supports Category: certain,
	// likely or possible.
	Confidence Confidence `json:"confidence"`
	// Alternatives are other categories the evidence also supports,
	// strongest first.
	Alternatives []Category `json:"alternatives"`
	// Missing names evidence the diagnosis lacked and the command that
	// would supply it (empty when the finding is certain).
	Missing []Missing `json:"missing"`
	// State is the container's current state: waiting, running or terminated.
	State string `json:"state,omitempty"`
	// WaitingReason and WaitingMessage come from state.waiting
	// (CrashLoopBackOff, CreateContainerConfigError, ...).
	WaitingReason  string `json:"waiting_reason,omitempty"`
	WaitingMessage string `json:"waiting_message,omitempty"`
	// ExitCode is the exit code of the last termination, if any.
	ExitCode *int32 `json:"exit_code"`
	// ExitMeaning explains ExitCode in plain language.
	ExitMeaning string `json:"exit_meaning,omitempty"`
	// Signal names the signal that ended the process (SIGKILL), if any.
	Signal string `json:"signal,omitempty"`
	// Reason is the runtime's termination reason (OOMKilled, Error,
	// Completed, StartError, ContainerCannotRun).
	Reason string `json:"reason,omitempty"`
	// TerminationMessage is the container's termination message, redacted.
	TerminationMessage string `json:"termination_message,omitempty"`
	// StartedAt and FinishedAt bound the last terminated instance.
	StartedAt  *time.Time `json:"started_at,omitempty"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
	// RanFor is how long the last instance ran before it died ("42s");
	// RanForSeconds is the same in seconds.
	RanFor        string `json:"ran_for,omitempty"`
	RanForSeconds *int64 `json:"ran_for_seconds,omitempty"`
	// Restarts is the container's restart count.
	Restarts int32 `json:"restarts"`
	// Evidence quotes the log lines, event messages and status fields
	// behind Category, redacted.
	Evidence []string `json:"evidence"`
	// NextSteps are exact kubectl commands for this pod and what to change.
	NextSteps []string `json:"next_steps"`
	// LogExcerpt is a short redacted tail of the previous instance's log.
	LogExcerpt []string `json:"log_excerpt"`
}

// Diagnose triages a pod. It never fails: a pod it cannot explain gets
// Category Unknown, a pod with no failing container is Healthy.
func Diagnose(in Input) Report {
	rep := Report{Containers: []Finding{}, Finding: emptyFinding()}
	pod := in.Pod
	if pod == nil {
		rep.Status = "Unknown"
		rep.Message = "no pod given"
		rep.Healthy = false
		rep.Category = Unknown
		rep.Summary = "no pod given"
		return rep
	}
	rep.Pod = pod.Namespace + "/" + pod.Name
	rep.Owner = in.Owner
	if rep.Owner == nil {
		rep.Owner = inferOwner(pod)
	}
	rep.Status = podStatus(pod)
	events := sortedEvents(in.Events)

	views := containerViews(pod)
	var failing []*containerView
	for _, v := range views {
		if v.failing(pod, events, in.Now) {
			failing = append(failing, v)
		}
	}
	sort.SliceStable(failing, func(i, j int) bool { return failing[i].rank(events) > failing[j].rank(events) })

	ctx := &diagContext{in: in, pod: pod, events: events, owner: rep.Owner}
	if len(failing) == 0 {
		// No container is crashing: a pod-level problem (a missing
		// volume source, eviction, scheduling), or else every container
		// that is not running ready is a finding; healthy means all are.
		if f, red, ok := ctx.podLevel(); ok {
			rep.Containers = append(rep.Containers, f)
			rep.Redacted = rep.Redacted || red
		} else {
			for _, v := range views {
				if stuckInit(pod, v, in, len(views)) {
					failing = append(failing, v) // the app containers wait for it
				}
			}
			if len(failing) == 0 {
				for _, v := range views {
					if !v.settled(pod) {
						failing = append(failing, v)
					}
				}
			}
		}
		if len(failing) == 0 {
			// Running and ready now, but restarted, with a log given
			// that names a cause (or killed for memory): the previous
			// instance crashed, and that crash is what was asked about.
			for _, v := range views {
				if v.status != nil && ((v.status.RestartCount > 0 && crashLog(in, v, len(views))) || oomKilledBefore(pod, v, in.Now) || oomKilledAskedAbout(in, v, len(views)) || oomEventNames(v, events) || oomLogNames(in, v, len(views))) {
					failing = append(failing, v)
				}
			}
		}
	}
	for i, v := range failing {
		logText, ok := in.Logs[v.name]
		if !ok && i == 0 {
			logText, ok = in.Logs[""]
		}
		if !ok && len(views) == 1 && len(in.Logs) == 1 {
			for _, l := range in.Logs {
				logText, ok = l, true
			}
		}
		f, red := ctx.diagnoseContainer(v, logText, ok)
		rep.Containers = append(rep.Containers, f)
		rep.Redacted = rep.Redacted || red
	}
	if len(rep.Containers) == 0 {
		rep.Healthy = true
		rep.Message = healthyMessage(pod, views)
		return rep
	}
	rep.Finding = rep.Containers[0]
	rep.Message = rep.Summary
	if n := len(rep.Containers); n > 1 {
		rep.Message += " (" + itoa(n) + " containers failing)"
	}
	rep.Redacted = redactRepeats(&rep, knownSecrets(in, views)) || rep.Redacted
	return rep
}

// crashLog reports whether the log given for v names a cause of a crash.
func crashLog(in Input, v *containerView, containers int) bool {
	text, ok := containerLog(in, v, containers)
	if !ok || strings.TrimSpace(text) == "" {
		return false
	}
	ls := ScanLog(strings.NewReader(oldestFirst(text)))
	return ls.Category != Unknown && !ls.generic
}

// stuckInit reports an init container still running while the pod waits
// for it, whose log names why it cannot finish (a wait-for loop on a
// Service that does not resolve): the pod never starts, and that is what
// was asked about.
func stuckInit(pod *corev1.Pod, v *containerView, in Input, containers int) bool {
	return v.kind == "init" && v.status != nil && pod.Status.Phase == corev1.PodPending && v.status.State.Running != nil && crashLog(in, v, containers)
}

// oomKilledBefore reports a container whose previous instance was killed
// for memory lately: running and ready again now, it restarts every time
// it reaches its limit, and that is what was asked about. A kill more than
// a quarter of an hour before now is an old one it recovered from, unless
// the kills recur (three or more restarts, one an hour or more often).
func oomKilledBefore(pod *corev1.Pod, v *containerView, now time.Time) bool {
	t := v.status.LastTerminationState.Terminated
	if t == nil || t.Reason != "OOMKilled" {
		return false
	}
	if now.IsZero() || t.FinishedAt.IsZero() || now.Sub(t.FinishedAt.Time) < 15*time.Minute {
		return true
	}
	// Killed for memory again and again, an hour apart or less on
	// average since the pod started: it will be killed again.
	n := v.status.RestartCount
	return n >= 3 && pod.Status.StartTime != nil && now.Sub(pod.Status.StartTime.Time) < time.Duration(n)*time.Hour
}

// oomKilledAskedAbout reports a container killed for memory before, now
// running again, beside the reporter's words about its failures ("restarts
// several times a day, always at busy times"): however rare the kills, they
// are what was asked about.
func oomKilledAskedAbout(in Input, v *containerView, containers int) bool {
	t := v.status.LastTerminationState.Terminated
	if t == nil || t.Reason != "OOMKilled" || v.status.RestartCount < 1 {
		return false
	}
	text, ok := containerLog(in, v, containers)
	return ok && ScanLog(strings.NewReader(text)).topic != Unknown
}

// oomEventNames reports a container restarted before, running again now,
// whose process a memory cgroup's OOM kill event names ("Memory cgroup out
// of memory: Killed process 2817364 (ingestor)", the node's event): the
// kernel killed it at its limit, and it will again.
func oomEventNames(v *containerView, events []corev1.Event) bool {
	if v.status == nil || v.status.RestartCount < 1 || v.name == "" {
		return false
	}
	for i := range events {
		e := &events[i]
		if e.Reason != "OOMKilling" && !strings.Contains(e.Message, "Memory cgroup out of memory") {
			continue
		}
		if killedProcessNamed(e.Message, v.name) {
			return true
		}
	}
	return false
}

// oomLogNames reports a container, running now, whose own process the
// kernel's OOM killer names in the log given for it (the reporter pasted
// `dmesg` or the node's journal beside a describe excerpt that may lack
// its Restart Count): the kills are what was asked about.
func oomLogNames(in Input, v *containerView, containers int) bool {
	text, ok := containerLog(in, v, containers)
	if !ok || v.name == "" || !strings.Contains(text, "out of memory") && !strings.Contains(text, "Out of memory") {
		return false
	}
	return killedProcessNamed(text, v.name)
}

// killedProcessNamed reports a kernel OOM line in text ("Killed process N
// (name)") that names the container's process.
func killedProcessNamed(text, container string) bool {
	for _, m := range reKilledProcess.FindAllStringSubmatch(text, -1) {
		if sameProcess(m[1], container) {
			return true
		}
	}
	return false
}

// reKilledProcess is the process the kernel's OOM killer names.
var reKilledProcess = regexp.MustCompile(`\bKilled process \d+ \(([^)]+)\)`)

// sameProcess reports whether the kernel's name for a process (its comm,
// cut to 15 bytes) is the container's name.
func sameProcess(comm, container string) bool {
	return comm == container || len(comm) == 15 && strings.HasPrefix(container, comm)
}

// containerLog is the log given for v: its own, or the one log without a
// container's name when the pod has one container.
func containerLog(in Input, v *containerView, containers int) (string, bool) {
	text, ok := in.Logs[v.name]
	if !ok && containers == 1 {
		text, ok = in.Logs[""]
	}
	return text, ok
}

// emptyFinding returns a Finding whose lists marshal as [] rather than null.
func emptyFinding() Finding {
	return Finding{Evidence: []string{}, NextSteps: []string{}, LogExcerpt: []string{}, Missing: []Missing{}, Alternatives: []Category{}}
}

// healthyMessage describes a pod with no failing container.
func healthyMessage(pod *corev1.Pod, views []*containerView) string {
	running, total := 0, 0
	var restarts int32
	var notes []string
	for _, v := range views {
		if v.kind == "init" {
			continue
		}
		total++
		if v.status != nil && v.status.State.Running != nil {
			running++
		}
		if v.status != nil && v.status.RestartCount > 0 {
			restarts += v.status.RestartCount
			note := v.name + " restarted " + itoa(int(v.status.RestartCount)) + " times"
			if t := v.status.LastTerminationState.Terminated; t != nil {
				note += ", last exit " + itoa(int(t.ExitCode))
				if t.Reason != "" {
					note += " (" + t.Reason + ")"
				}
			}
			notes = append(notes, note)
		}
	}
	msg := "healthy: " + itoa(running) + "/" + itoa(total) + " containers running, pod phase " + string(pod.Status.Phase)
	if pod.Status.Phase == corev1.PodSucceeded {
		msg = "healthy: pod completed successfully"
	}
	if len(notes) > 0 {
		msg += "; " + strings.Join(notes, "; ")
	}
	return msg
}
