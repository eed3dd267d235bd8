package kube

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestParseBackOff(t *testing.T) {
	at := metav1.NewTime(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	ev := func(kind, reason, msg string) *corev1.Event {
		return &corev1.Event{
			ObjectMeta:     metav1.ObjectMeta{Namespace: "shop"},
			InvolvedObject: corev1.ObjectReference{Kind: kind, Name: "api-1", Namespace: "shop"},
			Reason:         reason, Message: msg, LastTimestamp: at,
		}
	}
	for _, tc := range []struct {
		name      string
		e         *corev1.Event
		ok        bool
		container string
		imagePull bool
	}{
		{"current kubelet", ev("Pod", "BackOff", "Back-off restarting failed container api in pod api-1_shop(0b1c)"), true, "api", false},
		{"old kubelet, no container", ev("Pod", "BackOff", "Back-off restarting failed container"), true, "", false},
		{"image pull back-off", ev("Pod", "BackOff", `Back-off pulling image "shop/api:2"`), true, "", true},
		{"other back-off", ev("Pod", "BackOff", "Back-off something else"), false, "", false},
		{"not a pod", ev("Node", "BackOff", "Back-off restarting failed container x"), false, "", false},
		{"other reason", ev("Pod", "Unhealthy", "Back-off restarting failed container x"), false, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, ok := parseBackOff(tc.e)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok && (b.Container != tc.container || b.ImagePull != tc.imagePull || b.Pod != "api-1" || b.Namespace != "shop" || !b.At.Equal(at.Time)) {
				t.Fatalf("got %+v", b)
			}
		})
	}
}

func TestConfirm(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	status := func(name string, state corev1.ContainerState, restarts int32) corev1.ContainerStatus {
		return corev1.ContainerStatus{Name: name, State: state, RestartCount: restarts}
	}
	restarted := func(name string, state corev1.ContainerState, restarts int32) corev1.ContainerStatus {
		cs := status(name, state, restarts)
		cs.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: 1}
		return cs
	}
	waiting := corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}
	pulling := corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ImagePullBackOff"}}
	running := corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}
	runningSince := func(t time.Time) corev1.ContainerState {
		return corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(t)}}
	}
	for _, tc := range []struct {
		name      string
		init, app []corev1.ContainerStatus
		container string
		age       time.Duration
		want      verdict
	}{
		{"app looping", nil, []corev1.ContainerStatus{status("api", waiting, 3)}, "api", time.Minute, looping},
		{"sidecar fine, app looping", nil, []corev1.ContainerStatus{status("proxy", running, 0), status("api", waiting, 2)}, "api", 0, looping},
		{"named container fine, other looping", nil, []corev1.ContainerStatus{status("proxy", running, 0), status("api", waiting, 2)}, "proxy", time.Hour, notLooping},
		{"init container looping", []corev1.ContainerStatus{status("migrate", waiting, 4)}, []corev1.ContainerStatus{status("api", corev1.ContainerState{}, 0)}, "migrate", time.Hour, looping},
		{"old kubelet names none", nil, []corev1.ContainerStatus{status("api", waiting, 1)}, "", time.Hour, looping},
		{"fresh event, status lags, no restart yet", nil, []corev1.ContainerStatus{status("api", running, 0)}, "api", time.Second, recheck},
		{"fresh event, restarted after a termination", nil, []corev1.ContainerStatus{restarted("api", running, 1)}, "api", time.Second, looping},
		{"stale event, restarted long ago", nil, []corev1.ContainerStatus{restarted("api", running, 1)}, "api", time.Hour, notLooping},
		{"fresh event, but started again since (recovered)", nil, []corev1.ContainerStatus{restarted("api", runningSince(now), 1)}, "api", time.Second, recheck},
		{"stale event, recovered", nil, []corev1.ContainerStatus{status("api", running, 5)}, "api", 30 * time.Minute, notLooping},
		{"image pull is not a crash loop", nil, []corev1.ContainerStatus{status("api", pulling, 0)}, "api", time.Hour, notLooping},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pod := &corev1.Pod{Status: corev1.PodStatus{InitContainerStatuses: tc.init, ContainerStatuses: tc.app}}
			if got := confirm(pod, tc.container, now.Add(-tc.age), now); got != tc.want {
				t.Fatalf("confirm = %v, want %v", got, tc.want)
			}
		})
	}
	deleted := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{DeletionTimestamp: &metav1.Time{Time: now}},
		Status: corev1.PodStatus{ContainerStatuses: []corev1.ContainerStatus{status("api", waiting, 3)}}}
	if confirm(deleted, "api", now, now) != notLooping {
		t.Fatal("a pod being deleted must not alert")
	}
}

func TestPodHealthySinceFallsBackToContainerStart(t *testing.T) {
	started := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pod := &corev1.Pod{Status: corev1.PodStatus{
		Phase:      corev1.PodRunning,
		Conditions: []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionTrue}},
		ContainerStatuses: []corev1.ContainerStatus{{Name: "a", Ready: true,
			State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(started)}}}},
	}}
	since, ok := podHealthySince(pod)
	if !ok || !since.Equal(started) {
		t.Fatalf("since = %v, ok = %v", since, ok)
	}
	pod.Status.ContainerStatuses[0].State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}
	if _, ok := podHealthySince(pod); ok {
		t.Fatal("a waiting container is not healthy")
	}
}
