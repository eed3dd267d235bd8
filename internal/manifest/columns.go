package manifest

import (
	"regexp"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// reCustomColumns is a `kubectl get pods -o custom-columns=SPEC` prompt;
// the spec is its first group, quoted or not.
var reCustomColumns = regexp.MustCompile(`(?:-o|--output)\s*=?\s*custom-columns=(?:'([^']+)'|"([^"]+)"|(\S+))`)

// columnField is what a custom column's path reads of a pod.
type columnField int

const (
	colOther columnField = iota
	colPod
	colContainer
	colWaiting
	colLastReason
	colLastExit
	colReason
	colExit
	colRestarts
)

// columnOf names the field a custom column's path reads: the pod's name,
// and of its (first) container status the name, waiting reason, the
// current or last termination's reason and exit code, the restart count.
// An init container's columns are none of these.
func columnOf(path string) columnField {
	switch {
	case path == ".metadata.name":
		return colPod
	case !strings.HasPrefix(path, ".status.containerStatuses["):
		return colOther
	case strings.HasSuffix(path, "].name"):
		return colContainer
	case strings.HasSuffix(path, ".state.waiting.reason"):
		return colWaiting
	case strings.HasSuffix(path, ".lastState.terminated.reason"):
		return colLastReason
	case strings.HasSuffix(path, ".lastState.terminated.exitCode"):
		return colLastExit
	case strings.HasSuffix(path, ".state.terminated.reason"):
		return colReason
	case strings.HasSuffix(path, ".state.terminated.exitCode"):
		return colExit
	case strings.HasSuffix(path, ".restartCount"):
		return colRestarts
	}
	return colOther
}

// customColumnsStatus reads the container status a `-o custom-columns`
// prompt printed: the columns are the spec's, in its order, whatever the
// headers are called. Of several rows, the first whose container is
// waiting or ended with a non-zero code is read, else the first.
func customColumnsStatus(text string) (corev1.Pod, bool) {
	var pod corev1.Pod
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		m := reCustomColumns.FindStringSubmatch(line)
		if m == nil || !rePrompt.MatchString(line) {
			continue
		}
		spec := m[1] + m[2] + m[3]
		var fields []columnField
		useful := false
		for _, col := range strings.Split(spec, ",") {
			_, path, ok := strings.Cut(col, ":")
			if !ok {
				return pod, false
			}
			f := columnOf(strings.TrimSpace(path))
			fields = append(fields, f)
			useful = useful || f > colContainer
		}
		if !useful || i+2 >= len(lines) {
			continue
		}
		var pick []string
		var picked corev1.ContainerStatus
		for _, row := range lines[i+2:] { // lines[i+1] is the header
			cells := strings.Fields(row)
			if len(cells) != len(fields) || rePrompt.MatchString(row) {
				break
			}
			st := rowStatus(fields, cells)
			if pick == nil || st.State.Waiting != nil || lastExit(st) > 0 {
				pick, picked = cells, st
			}
			if st.State.Waiting != nil || lastExit(st) > 0 {
				break
			}
		}
		if pick == nil {
			continue
		}
		pod.Status.ContainerStatuses = []corev1.ContainerStatus{picked}
		for k, f := range fields {
			if f == colPod {
				pod.Name = pick[k]
			}
		}
		return pod, true
	}
	return pod, false
}

// rowStatus builds the container status one row shows; "<none>" is an
// empty cell.
func rowStatus(fields []columnField, cells []string) corev1.ContainerStatus {
	var st corev1.ContainerStatus
	term := func(last bool) *corev1.ContainerStateTerminated {
		p := &st.State.Terminated
		if last {
			p = &st.LastTerminationState.Terminated
		}
		if *p == nil {
			*p = &corev1.ContainerStateTerminated{ExitCode: -1}
		}
		return *p
	}
	for k, f := range fields {
		v := cells[k]
		if v == "<none>" || v == "" {
			continue
		}
		n, numErr := strconv.Atoi(v)
		switch f {
		case colContainer:
			st.Name = v
		case colWaiting:
			st.State.Waiting = &corev1.ContainerStateWaiting{Reason: v}
		case colLastReason:
			term(true).Reason = v
		case colReason:
			term(false).Reason = v
		case colLastExit:
			if numErr == nil {
				term(true).ExitCode = int32(n)
			}
		case colExit:
			if numErr == nil {
				term(false).ExitCode = int32(n)
			}
		case colRestarts:
			if numErr == nil {
				st.RestartCount = int32(n)
			}
		}
	}
	return st
}

// lastExit is the exit code of a status's last termination, or -1.
func lastExit(st corev1.ContainerStatus) int32 {
	if t := st.LastTerminationState.Terminated; t != nil {
		return t.ExitCode
	}
	return -1
}
