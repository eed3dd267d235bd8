package manifest

import (
	"encoding/json"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// dockerContainer is the part of `docker inspect` output that says how a
// container last ended: a Docker, Compose or ECS restart loop reported with
// it has the same causes as a pod's.
type dockerContainer struct {
	Name  string
	State *struct {
		Status     string
		Restarting bool
		OOMKilled  bool
		ExitCode   *int
		Error      string
	}
	RestartCount int
	Config       struct {
		Image      string
		Cmd        []string
		Entrypoint []string
	}
}

// dockerInspect reads `docker inspect` JSON (an array of containers, or
// one) into a pod with one container per inspected container.
func dockerInspect(js []byte) (corev1.Pod, bool) {
	var pod corev1.Pod
	var list []dockerContainer
	if json.Unmarshal(js, &list) != nil {
		var one dockerContainer
		if json.Unmarshal(js, &one) != nil {
			return pod, false
		}
		list = []dockerContainer{one}
	}
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
	}
	if len(pod.Status.ContainerStatuses) == 0 {
		return pod, false
	}
	pod.Status.Phase = corev1.PodRunning
	return pod, true
}
