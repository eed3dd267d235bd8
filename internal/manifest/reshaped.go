package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// endReasons are the reasons a container's run ended with, as the kubelet
// records them in a termination.
var endReasons = map[string]bool{"OOMKilled": true, "Completed": true, "Error": true, "ContainerCannotRun": true,
	"StartError": true, "DeadlineExceeded": true, "Evicted": true}

// reshapedStatus reads one container's status that jq or a client library
// printed under keys of its own ('{name, restarts: .restartCount, lastExit:
// .lastState.terminated.exitCode, why: .lastState.terminated.reason}',
// '{now: .state, last: .lastState.terminated}', Python's snake_case
// to_dict()): each key is read by what it holds. It takes a container's
// name or restart count, and a termination's exit code or reason or a
// state, to be read as a status at all.
func reshapedStatus(v map[string]any) (corev1.ContainerStatus, bool) {
	var st corev1.ContainerStatus
	var term corev1.ContainerStateTerminated
	named, ended, flat := false, false, false
	for k, val := range v {
		key := strings.ToLower(strings.ReplaceAll(k, "_", ""))
		switch x := val.(type) {
		case string:
			switch {
			case key == "name" || key == "container" || key == "containername":
				st.Name, named = x, true
			case endReasons[x] && !strings.Contains(key, "wait"):
				term.Reason, ended, flat = x, true, true
			case x == "CrashLoopBackOff" || strings.Contains(key, "wait") && x != "":
				if st.State.Waiting == nil {
					st.State.Waiting = &corev1.ContainerStateWaiting{}
				}
				st.State.Waiting.Reason = x
			case messageKey(key) && !strings.Contains(key, "wait"):
				term.Message = x
			}
		case float64:
			switch {
			case strings.Contains(key, "exit"):
				term.ExitCode, ended, flat = int32(x), true, true
			case strings.Contains(key, "restart"):
				st.RestartCount, named = int32(x), true
			}
		case []any:
			// A message jq split into its lines ('tail: (.message |
			// split("\n") | .[-6:])').
			if lines, ok := stringList(x); ok && messageKey(key) {
				term.Message = strings.Join(lines, "\n")
			}
		case bool:
			if key == "ready" {
				st.Ready = x
			}
		case map[string]any:
			js, err := json.Marshal(x)
			if err != nil {
				continue
			}
			last := strings.Contains(key, "last") || strings.Contains(key, "prev")
			switch {
			case x["terminated"] != nil || x["waiting"] != nil || x["running"] != nil:
				var cs corev1.ContainerState
				if json.Unmarshal(js, &cs) != nil {
					continue
				}
				if last || key == "laststate" {
					st.LastTerminationState = cs
				} else {
					st.State = cs
				}
				ended = ended || cs.Terminated != nil
				named = true // a state under a key of its own is a container's
			case x["exitCode"] != nil || x["exit_code"] != nil:
				var t corev1.ContainerStateTerminated
				if json.Unmarshal(js, &t) != nil {
					continue
				}
				if c, ok := x["exit_code"].(float64); ok {
					t.ExitCode = int32(c)
				}
				if last {
					st.LastTerminationState.Terminated = &t
				} else {
					st.State.Terminated = &t
				}
				ended = true
			}
		}
	}
	stated := st.State.Running != nil || st.State.Waiting != nil || st.State.Terminated != nil
	if !named || !ended && !stated {
		return st, false
	}
	if flat && st.LastTerminationState.Terminated == nil {
		st.LastTerminationState.Terminated = &term
	}
	return st, true
}

// messageKey reports a key (lower-cased) that holds a termination's
// message or the last lines of the log ("msg", "lastMessage", "tail").
func messageKey(key string) bool {
	for _, w := range []string{"msg", "message", "tail", "log", "lines", "output", "stderr"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// stringList returns the strings of a JSON list of strings.
func stringList(items []any) ([]string, bool) {
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// securityContextKeys are keys only a container's securityContext has.
var securityContextKeys = []string{"readOnlyRootFilesystem", "runAsNonRoot", "allowPrivilegeEscalation", "capabilities", "seccompProfile"}

// reshapedSecurityContext returns a container's securityContext that jq
// printed under a key of its own ('{sc: .spec.containers[0].securityContext,
// last: ...}'), or nil.
func reshapedSecurityContext(v map[string]any) *corev1.SecurityContext {
	for _, val := range v {
		x, ok := val.(map[string]any)
		if !ok || !slices.ContainsFunc(securityContextKeys, func(k string) bool { return x[k] != nil }) {
			continue
		}
		js, err := json.Marshal(x)
		var sc corev1.SecurityContext
		if err != nil || json.Unmarshal(js, &sc) != nil {
			continue
		}
		return &sc
	}
	return nil
}

// jsonStream returns the JSON objects of data printed one after another
// (jq's output for each container); nil unless there are two or more and
// nothing else.
func jsonStream(data []byte) []map[string]any {
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []map[string]any
	for {
		var v map[string]any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// reGoTerminated is a termination as Go's %+v prints client-go's struct
// (a controller's or the kubelet's log): "&ContainerStateTerminated{
// ExitCode:139,Signal:0,Reason:Error,Message:,StartedAt:...".
var reGoTerminated = regexp.MustCompile(`ContainerStateTerminated\{ExitCode:(-?\d+),Signal:\d+,Reason:(\w*),`)

// goPrintedStatus reads the last termination a log printed as Go's %+v of
// client-go's ContainerStateTerminated, the most recent one last.
func goPrintedStatus(text string) (corev1.Pod, bool) {
	var pod corev1.Pod
	if !strings.Contains(text, "ContainerStateTerminated{") {
		return pod, false // most pastes: the expression need not run over them
	}
	ms := reGoTerminated.FindAllStringSubmatch(text, -1)
	if ms == nil {
		return pod, false
	}
	m := ms[len(ms)-1]
	code, _ := strconv.Atoi(m[1])
	st := corev1.ContainerStatus{}
	st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: int32(code), Reason: m[2]}
	pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
	return pod, true
}

// kube-state-metrics series of a container's status, as Prometheus or
// Grafana prints a query's result: reKSMMetric names the metric (on the
// result's line, or on the query's above results that show only their
// labels), reKSMResult is a result's labels and value, reKSMLabel one of
// its labels.
var (
	reKSMMetric = regexp.MustCompile(`\bkube_pod_container_status_(last_terminated_reason|last_terminated_exitcode|waiting_reason|restarts_total)\b`)
	reKSMResult = regexp.MustCompile(`\{([^{}]*)\}\s+(-?\d+)(?:\.0+)?\s*$`)
	reKSMLabel  = regexp.MustCompile(`\b(container|reason)="([^"]*)"`)
	// reOtherMetric is a query of another metric.
	reOtherMetric = regexp.MustCompile(`\b[a-z][a-z0-9_]*_[a-z0-9_]+\{`)
)

// ksmStatus reads a container's last termination (and waiting reason and
// restarts) from kube-state-metrics series pasted from a query.
func ksmStatus(text string) (corev1.Pod, bool) {
	var pod corev1.Pod
	if !strings.Contains(text, "kube_pod_container_status_") {
		return pod, false // most pastes
	}
	var st corev1.ContainerStatus
	var term corev1.ContainerStateTerminated
	ended, exited, metric := false, false, ""
	for _, line := range strings.Split(text, "\n") {
		if m := reKSMMetric.FindStringSubmatch(line); m != nil {
			metric = m[1]
		} else if reOtherMetric.MatchString(line) {
			metric = "" // another query's results follow (prober_probe_total)
		}
		r := reKSMResult.FindStringSubmatch(line)
		if r == nil || metric == "" {
			continue
		}
		labels := map[string]string{}
		for _, l := range reKSMLabel.FindAllStringSubmatch(r[1], -1) {
			labels[l[1]] = l[2]
		}
		if st.Name != "" && labels["container"] != "" && labels["container"] != st.Name {
			continue // another container's series
		}
		n, _ := strconv.Atoi(r[2])
		switch metric {
		case "last_terminated_reason":
			if n == 1 && labels["reason"] != "" {
				term.Reason, ended = labels["reason"], true
			}
		case "last_terminated_exitcode":
			term.ExitCode, ended, exited = int32(n), true, true
		case "waiting_reason":
			if n == 1 && labels["reason"] != "" {
				st.State.Waiting = &corev1.ContainerStateWaiting{Reason: labels["reason"]}
			}
		case "restarts_total":
			st.RestartCount = int32(n)
		}
		if st.Name == "" {
			st.Name = labels["container"]
		}
	}
	if !ended {
		return pod, false
	}
	if !exited {
		term.ExitCode = -1 // the reason's series alone: no exit code given
	}
	st.LastTerminationState.Terminated = &term
	pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
	return pod, true
}
