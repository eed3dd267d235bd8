package diagnose

import (
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// now is the fixed time of every test diagnosis.
var now = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

func ts(ago time.Duration) metav1.Time { return metav1.NewTime(now.Add(-ago)) }

// testPod builds a Deployment pod shop/api-7d9c8b6f5-x2x9z with the given
// app containers (name only) and applies opts.
func testPod(containers []string, opts ...func(*corev1.Pod)) *corev1.Pod {
	yes := true
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: "shop", Name: "api-7d9c8b6f5-x2x9z",
			Labels:          map[string]string{"pod-template-hash": "7d9c8b6f5"},
			OwnerReferences: []metav1.OwnerReference{{Kind: "ReplicaSet", Name: "api-7d9c8b6f5", Controller: &yes}},
		},
		Spec:   corev1.PodSpec{NodeName: "node-1", RestartPolicy: corev1.RestartPolicyAlways},
		Status: corev1.PodStatus{Phase: corev1.PodRunning},
	}
	for _, c := range containers {
		p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: c, Image: "ghcr.io/acme/" + c + ":1.4.2"})
		p.Status.ContainerStatuses = append(p.Status.ContainerStatuses, running(c))
	}
	for _, o := range opts {
		o(p)
	}
	return p
}

func running(name string) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, Ready: true, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ts(time.Hour)}}}
}

// crashLoop is a status waiting in CrashLoopBackOff after exiting with code.
func crashLoop(name string, code int32, reason string, restarts int32) corev1.ContainerStatus {
	return corev1.ContainerStatus{
		Name: name, RestartCount: restarts,
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff",
			Message: "back-off 2m40s restarting failed container=" + name + " pod=api-7d9c8b6f5-x2x9z_shop(0b1c)"}},
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
			ExitCode: code, Reason: reason, StartedAt: ts(3 * time.Minute), FinishedAt: ts(3*time.Minute - 42*time.Second)}},
	}
}

// setStatus replaces the status of the container with the same name.
func setStatus(st corev1.ContainerStatus) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		for i := range p.Status.ContainerStatuses {
			if p.Status.ContainerStatuses[i].Name == st.Name {
				p.Status.ContainerStatuses[i] = st
				return
			}
		}
		for i := range p.Status.InitContainerStatuses {
			if p.Status.InitContainerStatuses[i].Name == st.Name {
				p.Status.InitContainerStatuses[i] = st
				return
			}
		}
	}
}

func withMemoryLimit(name, limit string) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		for i := range p.Spec.Containers {
			if p.Spec.Containers[i].Name == name {
				p.Spec.Containers[i].Resources.Limits = corev1.ResourceList{corev1.ResourceMemory: resource.MustParse(limit)}
				p.Spec.Containers[i].Resources.Requests = corev1.ResourceList{corev1.ResourceMemory: resource.MustParse(limit)}
			}
		}
	}
}

func withLiveness(name string) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		for i := range p.Spec.Containers {
			if p.Spec.Containers[i].Name == name {
				p.Spec.Containers[i].LivenessProbe = &corev1.Probe{
					ProbeHandler:  corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/healthz", Port: intstr.FromInt32(8080)}},
					PeriodSeconds: 10, TimeoutSeconds: 1, FailureThreshold: 3,
				}
			}
		}
	}
}

func withCommand(name string, cmd ...string) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		for i := range p.Spec.Containers {
			if p.Spec.Containers[i].Name == name {
				p.Spec.Containers[i].Command = cmd
			}
		}
	}
}

// withInit adds an init container (a sidecar when sidecar is true) with status st.
func withInit(st corev1.ContainerStatus, sidecar bool) func(*corev1.Pod) {
	return func(p *corev1.Pod) {
		c := corev1.Container{Name: st.Name, Image: "busybox:1.36"}
		if sidecar {
			always := corev1.ContainerRestartPolicyAlways
			c.RestartPolicy = &always
			c.Image = "istio/proxyv2:1.22.0"
		}
		p.Spec.InitContainers = append(p.Spec.InitContainers, c)
		p.Status.InitContainerStatuses = append(p.Status.InitContainerStatuses, st)
	}
}

func event(reason, container, msg string, ago time.Duration, count int32) corev1.Event {
	e := corev1.Event{
		Reason: reason, Message: msg, Type: corev1.EventTypeWarning, Count: count,
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: "shop", Name: "api-7d9c8b6f5-x2x9z"},
		LastTimestamp:  ts(ago), FirstTimestamp: ts(ago + time.Hour),
	}
	if container != "" {
		e.InvolvedObject.FieldPath = "spec.containers{" + container + "}"
	}
	return e
}

func backOff(container string) corev1.Event {
	return event("BackOff", container, "Back-off restarting failed container "+container+" in pod api-7d9c8b6f5-x2x9z_shop(0b1c)", 10*time.Second, 12)
}
