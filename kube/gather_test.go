package kube

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

func event(pod *corev1.Pod, name, reason, msg string, at time.Time) *corev1.Event {
	return &corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Namespace: pod.Namespace, Name: name},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: pod.Namespace, Name: pod.Name, UID: pod.UID},
		Reason:         reason, Message: msg, LastTimestamp: metav1.NewTime(at),
	}
}

func TestGatherPod(t *testing.T) {
	pod := fakeCrashingPod("shop", "api", "7d9f", "api-7d9f-a")
	client := fake.NewClientset(fakeDeployment("shop", "api"), fakeReplicaSet("shop", "api", "7d9f"),
		event(pod, "late", "Killing", "Stopping container app", fakeNow),
		event(pod, "early", "OOMKilling", "Memory cgroup out of memory: Killed process 42 (app)", fakeNow.Add(-time.Minute)))
	g := NewGatherer(client, GatherOptions{LogTailLines: 50, LogLimitBytes: 4096, Now: func() time.Time { return fakeNow }})
	got, err := g.GatherPod(t.Context(), pod)
	if err != nil {
		t.Fatal(err)
	}
	if got.Owner.Kind != "Deployment" || got.Owner.Name != "api" || got.Input.Owner.String() != "Deployment/api" {
		t.Errorf("owner = %+v", got.Owner)
	}
	if len(got.Input.Events) != 2 || got.Input.Events[0].Name != "early" {
		t.Errorf("events not oldest first: %+v", got.Input.Events)
	}
	if _, ok := got.Input.Logs["app"]; !ok || len(got.Gaps) != 0 {
		t.Errorf("logs %v, gaps %v", got.Input.Logs, got.Gaps)
	}
	// The events are asked for by the pod's name and UID, at most 200.
	for _, a := range client.Actions() {
		if l, ok := a.(k8stesting.ListAction); ok && a.GetResource().Resource == "events" {
			sel := l.GetListRestrictions().Fields.String()
			if !strings.Contains(sel, "involvedObject.name=api-7d9f-a") || !strings.Contains(sel, "involvedObject.uid=pod-api-7d9f-a") {
				t.Errorf("events listed with %q", sel)
			}
		}
	}
	if r := diagnose.Diagnose(got.Input); r.Category != diagnose.OOMKilled {
		t.Errorf("diagnosis of what was gathered = %s", r.Category)
	}
}

// TestGatherPodSaysWhatItCouldNotRead: events the bot may not list are a
// gap the alert shows, not an empty list that looks like "expired".
func TestGatherPodSaysWhatItCouldNotRead(t *testing.T) {
	pod := fakeCrashingPod("shop", "api", "7d9f", "api-7d9f-a")
	client := fake.NewClientset(fakeDeployment("shop", "api"), fakeReplicaSet("shop", "api", "7d9f"))
	client.PrependReactor("list", "events", func(k8stesting.Action) (bool, runtime.Object, error) {
		return true, nil, apierrors.NewForbidden(schema.GroupResource{Resource: "events"}, "", nil)
	})
	got, err := NewGatherer(client, GatherOptions{}).GatherPod(t.Context(), pod)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Gaps) != 1 || got.Gaps[0] != "events: forbidden by RBAC" {
		t.Fatalf("gaps = %q", got.Gaps)
	}
}

func TestGatherPodFailsWithoutItsOwner(t *testing.T) {
	pod := fakeCrashingPod("shop", "api", "7d9f", "api-7d9f-a")
	client := fake.NewClientset()
	client.PrependReactor("get", "replicasets", func(k8stesting.Action) (bool, runtime.Object, error) {
		return true, nil, apierrors.NewServiceUnavailable("etcd is down")
	})
	if _, err := NewGatherer(client, GatherOptions{}).GatherPod(t.Context(), pod); err == nil || !strings.Contains(err.Error(), "replicaset shop/api-7d9f") {
		t.Fatalf("err = %v, want the replicaset lookup named", err)
	}
}
