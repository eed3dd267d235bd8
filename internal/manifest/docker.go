package manifest

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	corev1 "k8s.io/api/core/v1"
)

// dockerContainer is the part of `docker inspect` output that says how a
// container last ended: a Docker, Compose or ECS restart loop reported with
// it has the same causes as a pod's.
type dockerContainer struct {
	Name         string
	State        *dockerState
	RestartCount int
	Config       struct {
		Image      string
		Cmd        []string
		Entrypoint []string
	}
}

// dockerState is how `docker inspect` says a container last ended.
type dockerState struct {
	Status     string
	Restarting bool
	OOMKilled  bool
	ExitCode   *int
	Error      string
	Health     *dockerHealth
}

// dockerHealth is a container's health check as `docker inspect` shows
// it (also alone: `--format '{{json .State.Health}}'`). A container that
// autoheal, Swarm, ECS or Nomad restarts for failing it is killed by its
// health check, as a pod is by its liveness probe.
type dockerHealth struct {
	Status        string
	FailingStreak int
	Log           []struct {
		ExitCode int
		Output   string
	}
}

// events returns a failing health check as the kubelet's Unhealthy event
// of a liveness probe: the last failed check's output, counted by the
// failing streak.
func (h *dockerHealth) events(container string) []eventRow {
	if h == nil || !strings.EqualFold(h.Status, "unhealthy") {
		return nil
	}
	out := "the health check failed"
	for i := len(h.Log) - 1; i >= 0; i-- {
		if l := h.Log[i]; l.ExitCode != 0 {
			if o := strings.TrimSpace(l.Output); o != "" {
				out = shortenOutput(o)
			}
			break
		}
	}
	r := newRow("Warning", "Unhealthy", "Liveness probe failed: "+out)
	r.container = container
	r.event.Count = int32(max(h.FailingStreak, 1))
	return []eventRow{r}
}

// shortenOutput keeps a health check's output to its first line, within
// what an event message holds.
func shortenOutput(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 300 {
		cut := 300
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut-- // never inside a character
		}
		s = s[:cut]
	}
	return s
}

// dockerHealthAlone reads `docker inspect --format '{{json .State.Health}}'`.
func dockerHealthAlone(js []byte) ([]eventRow, bool) {
	var h dockerHealth
	if json.Unmarshal(js, &h) != nil || h.Status == "" || h.Log == nil {
		return nil, false
	}
	return h.events(""), true
}

// dockerInspect reads `docker inspect` JSON (an array of containers, one,
// or one's State alone) into a pod with one container per inspected container, and the
// failing health checks as events.
func dockerInspect(js []byte) (corev1.Pod, []eventRow, bool) {
	var list []dockerContainer
	if json.Unmarshal(js, &list) != nil {
		var one dockerContainer
		if json.Unmarshal(js, &one) != nil {
			return corev1.Pod{}, nil, false
		}
		list = []dockerContainer{one}
	}
	if len(list) == 1 && list[0].State == nil {
		// The State object alone (`--format '{{json .State}}'`).
		var st dockerState
		// A running container's ExitCode is 0 until it exits: it
		// records nothing.
		if json.Unmarshal(js, &st) == nil && st.Status != "" && st.ExitCode != nil && (st.Status != "running" || st.Restarting || *st.ExitCode != 0) {
			list[0].State = &st
		}
	}
	return dockerPod(list)
}

// dockerPod turns inspected containers into a pod with one container per
// container that recorded an exit, and their failing health checks into
// events.
func dockerPod(list []dockerContainer) (corev1.Pod, []eventRow, bool) {
	var pod corev1.Pod
	var events []eventRow
	for _, d := range list {
		if d.State == nil || d.State.ExitCode == nil {
			continue
		}
		name := strings.TrimPrefix(d.Name, "/")
		if name == "" {
			name = "container"
		}
		if pod.Name == "" {
			pod.Name = name
		}
		reason := "Error"
		switch {
		case d.State.OOMKilled:
			reason = "OOMKilled"
		case *d.State.ExitCode == 0:
			reason = "Completed"
		}
		st := corev1.ContainerStatus{Name: name, Image: d.Config.Image, RestartCount: int32(d.RestartCount)}
		st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: int32(*d.State.ExitCode), Reason: reason, Message: d.State.Error}
		if d.State.Restarting || d.State.Status == "restarting" {
			st.State.Waiting = &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}
		}
		pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, st)
		pod.Spec.Containers = append(pod.Spec.Containers, corev1.Container{Name: name, Image: d.Config.Image, Command: d.Config.Entrypoint, Args: d.Config.Cmd})
		events = append(events, d.State.Health.events(name)...)
	}
	if len(pod.Status.ContainerStatuses) == 0 {
		return pod, nil, false
	}
	pod.Status.Phase = corev1.PodRunning
	return pod, events, true
}

// reDockerState finds the State object of `docker inspect` output, and
// reDockerStateKey its fields, in a paste cut short or edited so that it
// no longer parses as JSON.
var (
	reDockerState    = regexp.MustCompile(`"State"\s*:\s*\{([^{}]*)`)
	reDockerStateKey = regexp.MustCompile(`"(Status|Restarting|OOMKilled|ExitCode|Error)"\s*:\s*("(?:[^"\\]|\\.)*"|[\w.-]+)`)
	reDockerName     = regexp.MustCompile(`"Name"\s*:\s*"/([^"]+)"`)
)

// scrapeDockerState reads the last end of a container out of `docker
// inspect` output that does not parse whole: its non-zero exit code,
// OOMKilled and whether Docker is restarting it, as dockerInspect does.
func scrapeDockerState(text string) (corev1.Pod, bool) {
	var pod corev1.Pod
	m := reDockerState.FindStringSubmatch(text)
	if m == nil {
		return pod, false
	}
	var d dockerContainer
	if n := reDockerName.FindStringSubmatch(text); n != nil {
		d.Name = n[1]
	}
	d.State = &dockerState{}
	for _, kv := range reDockerStateKey.FindAllStringSubmatch(m[1], -1) {
		val := strings.Trim(kv[2], `"`)
		switch kv[1] {
		case "Status":
			d.State.Status = val
		case "Restarting":
			d.State.Restarting = val == "true"
		case "OOMKilled":
			d.State.OOMKilled = val == "true"
		case "ExitCode":
			if n, err := strconv.Atoi(val); err == nil {
				d.State.ExitCode = &n
			}
		case "Error":
			d.State.Error = val
		}
	}
	if d.State.ExitCode == nil || *d.State.ExitCode == 0 {
		// Exit 0 from a paste cut short is left out: without the rest
		// (the command, the log) it cannot tell a finished task from a
		// program that exits 0 on its error (round 88's frpc, without
		// its config file, under --restart=always).
		return pod, false
	}
	pod, _, ok := dockerPod([]dockerContainer{d})
	return pod, ok
}
