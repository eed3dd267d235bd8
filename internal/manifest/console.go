package manifest

import (
	"regexp"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// reConsoleCell is one label and value of a container's panel as a web
// console lays it out, copied as text: the label, two or more spaces, the
// value, no colon (Headlamp's "Exit Code        0", OpenShift's
// "Exit code    0").
var reConsoleCell = regexp.MustCompile(`^\s*(State|Status|Last [Ss]tate|Reason|Exit [Cc]ode|Restart [Cc]ount|Restarts)(?:\s{2,}(\S.*?))?\s*$`)

// reConsoleTermination is OpenShift's "Terminated   Reason: Completed"
// line under its "Last state" label.
var reConsoleTermination = regexp.MustCompile(`^\s*(Terminated|Waiting|Running)\s{2,}Reason:\s*(\S+)\s*$`)

// consoleStatus reads a container's state, last termination and restart
// count from a console panel copied as text (Headlamp, OpenShift's web
// console, Lens): label and value cells without kubectl's colons. It needs
// a last state with its exit code among them, so a log or a sentence that
// starts with "Status" is not read as one.
func consoleStatus(text string) (corev1.Pod, bool) {
	var pod corev1.Pod
	var st corev1.ContainerStatus
	var last *corev1.ContainerStateTerminated
	inLast, cells, exit := false, 0, false
	for _, line := range strings.Split(text, "\n") {
		if m := reConsoleTermination.FindStringSubmatch(line); m != nil && inLast {
			if m[1] == "Terminated" {
				last = &corev1.ContainerStateTerminated{ExitCode: -1, Reason: m[2]}
			}
			cells++
			continue
		}
		m := reConsoleCell.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key, val := strings.ToLower(m[1]), m[2]
		switch key {
		case "state", "status":
			inLast = false
			switch {
			case strings.HasPrefix(val, "Waiting"):
				// "Waiting · CrashLoopBackOff": the state, then its reason.
				_, reason, _ := strings.Cut(val, "·")
				st.State.Waiting = &corev1.ContainerStateWaiting{Reason: strings.TrimSpace(reason)}
			case strings.HasPrefix(val, "Running"):
				st.State.Running = &corev1.ContainerStateRunning{}
			}
		case "last state":
			inLast = true
			if val == "Terminated" {
				last = &corev1.ContainerStateTerminated{ExitCode: -1}
			}
		case "reason":
			if inLast && last != nil {
				last.Reason = val
			}
		case "exit code":
			if n, err := strconv.Atoi(val); err == nil && last != nil {
				last.ExitCode, exit = int32(n), true
			}
		case "restart count", "restarts":
			if n, err := strconv.Atoi(val); err == nil {
				st.RestartCount = int32(n)
			}
		}
		cells++
	}
	if cells < 3 || last == nil || !exit {
		return pod, false
	}
	st.LastTerminationState.Terminated = last
	pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
	return pod, true
}
