package kube

import (
	"time"

	corev1 "k8s.io/api/core/v1"
)

// verdict is what a pod's live status says about a BackOff event.
type verdict int

const (
	// notLooping: the pod is not (or no longer) crash-looping; drop the event.
	notLooping verdict = iota
	// looping: a container waits in CrashLoopBackOff.
	looping
	// recheck: the event is fresh but the status has not caught up yet (the
	// kubelet records the event about a second before the status); look
	// again shortly, a bounded number of times.
	recheck
)

// freshFor is how long after a BackOff event a lagging status is worth re-checking.
const freshFor = 2 * time.Minute

// confirm checks a BackOff event against the pod's status. container may be
// empty (old kubelets); then any container counts.
func confirm(pod *corev1.Pod, container string, eventAt, now time.Time) verdict {
	if pod.DeletionTimestamp != nil {
		return notLooping
	}
	v := notLooping
	check := func(statuses []corev1.ContainerStatus) {
		for _, cs := range statuses {
			if container != "" && cs.Name != container {
				continue
			}
			if cs.State.Waiting != nil && cs.State.Waiting.Reason == "CrashLoopBackOff" {
				v = looping
				return
			}
			if now.Sub(eventAt) >= freshFor || v != notLooping {
				continue
			}
			// The kubelet records BackOff about a second before the status
			// says CrashLoopBackOff. A fresh event on a container that has
			// already restarted after a termination, and has not been started
			// again since the event, is the loop itself (the first exit
			// restarts at once, without a back-off); otherwise look again
			// shortly.
			if cs.RestartCount >= 1 && cs.LastTerminationState.Terminated != nil && !startedAfter(cs, eventAt) {
				v = looping
				return
			}
			v = recheck
		}
	}
	check(pod.Status.InitContainerStatuses)
	if v != looping {
		check(pod.Status.ContainerStatuses)
	}
	return v
}

// restarts is the highest restart count of the pod's containers.
func restarts(pod *corev1.Pod) int32 {
	var n int32
	for _, list := range [][]corev1.ContainerStatus{pod.Status.InitContainerStatuses, pod.Status.ContainerStatuses} {
		for _, cs := range list {
			n = max(n, cs.RestartCount)
		}
	}
	return n
}

// startedAfter reports whether the container's running instance started
// after t: it was restarted after that back-off, so the event is history.
func startedAfter(cs corev1.ContainerStatus, t time.Time) bool {
	r := cs.State.Running
	return r != nil && r.StartedAt.Time.After(t)
}
