package manifest

import (
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// tableRow is one pod of `kubectl get pods` output.
type tableRow struct {
	name           string
	ready, total   int
	status         string
	restarts       int
	lastRestartAgo string // "2m38s ago"
	age            string // the AGE column: "12h", "5d3h"
	// lastTerminated is the latest end the pod's other rows showed
	// (OOMKilled, Completed...), when `kubectl get pods -w` printed one row
	// per change and this row, CrashLoopBackOff, no longer shows it.
	lastTerminated string
	// lastTerminatedAt is the RESTARTS column of the row that showed it.
	lastTerminatedAt int
}

// parseTable reads `kubectl get pods` rows (any column layout kubectl has
// printed: with a namespace column, -o wide, markdown pipes).
func parseTable(text string) []tableRow {
	var rows []tableRow
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if reTableHeader.MatchString(line) {
			continue
		}
		// k9s marks each row's port-forward state with a dot after the name.
		line = strings.Replace(line, " ● ", "   ", 1)
		m := reTableRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		r := tableRow{name: strings.TrimPrefix(strings.Trim(m[1], "|`"), "pod/"), status: m[4], lastRestartAgo: m[6], age: strings.TrimRight(m[7], "`")}
		r.ready, _ = strconv.Atoi(m[2])
		r.total, _ = strconv.Atoi(m[3])
		r.restarts, _ = strconv.Atoi(m[5])
		rows = append(rows, r)
	}
	return dropDeletedInstances(rows)
}

// dropDeletedInstances removes the rows `kubectl get pods -w` printed of a
// pod before it was deleted and created again under the same name (a
// StatefulSet's pod): "redis-0 OOMKilled 4 (7h ago)", "redis-0
// Terminating", then the new pod's rows. How the deleted one ended is not
// why the new one restarts.
func dropDeletedInstances(rows []tableRow) []tableRow {
	cut := map[string]int{} // the last Terminating row of a name that has rows after it
	for i, r := range rows {
		if r.status == "Terminating" {
			cut[r.name] = i
		}
	}
	if len(cut) == 0 {
		return rows
	}
	for name, i := range cut {
		later := false
		for _, r := range rows[i+1:] {
			later = later || r.name == name && r.status != "Terminating"
		}
		if !later {
			delete(cut, name)
		}
	}
	out := rows[:0:0]
	for i, r := range rows {
		if c, ok := cut[r.name]; !ok || i > c {
			out = append(out, r)
		}
	}
	return out
}

// failing reports a row kubectl shows as not running fine.
func (r tableRow) failing() bool {
	switch r.status {
	case "Running":
		return r.ready < r.total
	case "Completed", "Succeeded", "Pending", "ContainerCreating", "Terminating", "PodInitializing":
		return false
	}
	return true
}

// restartedLately reports a row whose last restart kubectl shows as
// recent ("2 (14s ago)"): within the 10 minutes after which the kubelet
// resets its back-off, the container is still looping.
func (r tableRow) restartedLately() bool {
	if r.restarts == 0 {
		return false
	}
	ago := parseAge(strings.TrimSuffix(strings.TrimSpace(r.lastRestartAgo), " ago"))
	return ago >= 0 && ago < 10*time.Minute
}

// restartsOften reports a row that restarted many times for its age
// ("2/2 Running 108 12h", printed by a kubectl too old to say when it
// last restarted): a container restarted every few minutes is looping,
// running or not at the moment the row was taken.
func (r tableRow) restartsOften() bool {
	if r.restarts < 5 {
		return false
	}
	age := parseAge(r.age)
	return age > 0 && age/time.Duration(r.restarts) < time.Hour
}

// pod turns a row into a pod whose single status carries what kubectl
// printed: the STATUS column is the reason of the container's current
// state (CrashLoopBackOff, CreateContainerConfigError, Error, OOMKilled,
// Completed, Init:...). The container's name is not in the table.
func (r tableRow) pod() corev1.Pod {
	var p corev1.Pod
	p.Name = r.name
	p.Status.Phase = corev1.PodRunning
	st := corev1.ContainerStatus{RestartCount: int32(r.restarts), Ready: r.total > 0 && r.ready == r.total}
	status := r.status
	init := strings.HasPrefix(status, "Init:")
	status = strings.TrimPrefix(status, "Init:")
	switch status {
	case "Running":
		st.State.Running = &corev1.ContainerStateRunning{}
	case "Completed", "Error", "OOMKilled", "ContainerCannotRun", "StartError", "DeadlineExceeded":
		st.State.Terminated = terminatedAs(status)
	case "Pending", "ContainerCreating", "PodInitializing":
		p.Status.Phase = corev1.PodPending
		if status != "Pending" {
			st.State.Waiting = &corev1.ContainerStateWaiting{Reason: status}
		}
	case "Evicted", "OutOfmemory", "OutOfcpu", "OutOfpods", "NodeAffinity", "NodeLost", "Shutdown", "NodeShutdown", "UnexpectedAdmissionError":
		// The kubelet failed the pod itself.
		p.Status.Phase, p.Status.Reason = corev1.PodFailed, status
	default:
		if _, _, isCount := strings.Cut(status, "/"); isCount && init {
			// Init:0/1: initialising, nothing failed yet.
			p.Status.Phase = corev1.PodPending
			st.State.Running = &corev1.ContainerStateRunning{}
			break
		}
		if status != "" && status[0] >= 'A' && status[0] <= 'Z' && !strings.Contains(status, "/") {
			st.State.Waiting = &corev1.ContainerStateWaiting{Reason: status}
		}
	}
	switch {
	case st.State.Waiting != nil && r.lastTerminated != "":
		st.LastTerminationState.Terminated = terminatedAs(r.lastTerminated)
	case st.State.Running != nil && r.lastTerminated != "" && r.lastTerminatedAt >= r.restarts-1:
		// Running again, and the watch's row just before this restart
		// showed how the last instance ended (OOMKilled, then Running).
		st.LastTerminationState.Terminated = terminatedAs(r.lastTerminated)
	case st.State.Running != nil && (r.restartedLately() || r.restartsOften()):
		// Running again between its crashes ("2 (14s ago)", or 108
		// restarts in 12 hours): the previous instance ended, how the
		// table does not say.
		st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: -1}
	}
	if init {
		p.Status.Phase = corev1.PodPending
		p.Status.InitContainerStatuses = []corev1.ContainerStatus{st}
		return p
	}
	p.Status.ContainerStatuses = []corev1.ContainerStatus{st}
	return p
}

// terminatedAs is the termination a STATUS column names: OOMKilled is the
// kernel's kill (137), Completed a clean exit, the rest an exit whose code
// the table does not show.
func terminatedAs(status string) *corev1.ContainerStateTerminated {
	switch status {
	case "Completed":
		return &corev1.ContainerStateTerminated{Reason: status}
	case "OOMKilled":
		return &corev1.ContainerStateTerminated{Reason: status, ExitCode: 137}
	case "Error", "ContainerCannotRun", "StartError", "DeadlineExceeded":
		return &corev1.ContainerStateTerminated{Reason: status, ExitCode: -1}
	}
	return nil
}

// lastTermination returns the latest end (OOMKilled, Completed, Error...)
// among the rows of the pod called name, with that row's restart count:
// `kubectl get pods -w` prints a row per change, and its last row,
// CrashLoopBackOff or Running again, no longer shows it.
func lastTermination(rows []tableRow, name string) (status string, restarts int) {
	for _, r := range rows {
		s := strings.TrimPrefix(r.status, "Init:") // an init container's end ("Init:OOMKilled")
		if r.name == name && terminatedAs(s) != nil {
			status, restarts = s, r.restarts
		}
	}
	return status, restarts
}
