package manifest

import (
	"encoding/json"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// ecsTask is the part of an Amazon ECS task (`aws ecs describe-tasks`, the
// console's JSON tab) that says how its containers last ended: a service
// that keeps replacing a stopped task is ECS's restart loop.
type ecsTask struct {
	TaskArn       string
	StopCode      string
	StoppedReason string
	Containers    []ecsContainer
}

// ecsContainer is one container of a stopped task: its exit code, and
// ECS's reason when it has one ("OutOfMemoryError: Container killed due to
// memory usage", "CannotStartContainerError: ...").
type ecsContainer struct {
	Name     string
	Image    string
	ExitCode *int
	Reason   string
}

// ecsTasks reads ECS task JSON (one task, a list of them, or
// describe-tasks' {"tasks": [...]}) into a pod with one container per
// container that recorded an exit or a reason; false when js is no ECS
// task (none has a stop code, stopped reason or task ARN).
func ecsTasks(js []byte) (corev1.Pod, bool) {
	var tasks []ecsTask
	var wrapped struct{ Tasks []ecsTask }
	if json.Unmarshal(js, &wrapped) == nil && len(wrapped.Tasks) > 0 {
		tasks = wrapped.Tasks
	} else if json.Unmarshal(js, &tasks) != nil {
		var one ecsTask
		if json.Unmarshal(js, &one) != nil {
			return corev1.Pod{}, false
		}
		tasks = []ecsTask{one}
	}
	var pod corev1.Pod
	for _, t := range tasks {
		if t.StopCode == "" && t.StoppedReason == "" && t.TaskArn == "" {
			continue
		}
		failed := slices.ContainsFunc(t.Containers, ecsContainer.failed)
		for _, c := range t.Containers {
			if failed && !c.failed() {
				continue // a sidecar stopped with the task its essential container ended
			}
			if st, ok := c.status(); ok {
				if pod.Name == "" {
					pod.Name = st.Name
				}
				pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, st)
				pod.Spec.Containers = append(pod.Spec.Containers, corev1.Container{Name: st.Name, Image: c.Image})
			}
		}
	}
	if len(pod.Status.ContainerStatuses) == 0 {
		return pod, false
	}
	pod.Status.Phase = corev1.PodRunning
	return pod, true
}

// failed reports a container that ended with an error: a non-zero exit
// code, or ECS's reason.
func (c ecsContainer) failed() bool {
	return c.Reason != "" || c.ExitCode != nil && *c.ExitCode != 0
}

// status is the container's last end as a pod's container status: ECS
// starts a new task in its place, so it is restarted as a crash-looping
// container is. A container that never ran ("CannotStartContainerError:
// ... executable file not found") has no exit code: its reason is the
// runtime's, as the kubelet's RunContainerError carries it.
func (c ecsContainer) status() (corev1.ContainerStatus, bool) {
	if c.ExitCode == nil && c.Reason == "" {
		return corev1.ContainerStatus{}, false
	}
	name := c.Name
	if name == "" {
		name = "container"
	}
	st := corev1.ContainerStatus{Name: name, Image: c.Image}
	oom := strings.HasPrefix(c.Reason, "OutOfMemoryError")
	if c.ExitCode == nil && !oom {
		st.State.Waiting = &corev1.ContainerStateWaiting{Reason: "RunContainerError", Message: c.Reason}
		return st, true
	}
	term := &corev1.ContainerStateTerminated{Reason: "Error", ExitCode: 137, Message: c.Reason}
	if c.ExitCode != nil {
		term.ExitCode = int32(*c.ExitCode)
	}
	switch {
	case oom:
		term.Reason = "OOMKilled"
	case term.ExitCode == 0 && c.Reason == "":
		term.Reason = "Completed"
	}
	st.LastTerminationState.Terminated = term
	st.State.Waiting = &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}
	return st, true
}
