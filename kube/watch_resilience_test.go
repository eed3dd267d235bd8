package kube

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"
)

func backOffEvent(name, pod string) *corev1.Event {
	return &corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Namespace: "shop", Name: name, ResourceVersion: "7"},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: "shop", Name: pod},
		Reason:         "BackOff", Message: "Back-off restarting failed container app in pod " + pod + "_shop(x)",
		LastTimestamp: metav1.Now(),
	}
}

// TestWatcherRelistsAfterGone: a watch that expires (410 Gone) is followed by
// a new list, and crash loops that started meanwhile are still seen; a
// watch that just closes is resumed without listing again.
func TestWatcherRelistsAfterGone(t *testing.T) {
	client := fake.NewClientset()
	var lists, watches atomic.Int32
	client.PrependReactor("list", "events", func(k8stesting.Action) (bool, runtime.Object, error) {
		n := lists.Add(1)
		list := &corev1.EventList{ListMeta: metav1.ListMeta{ResourceVersion: "10"}}
		if n == 2 {
			// Created while the watch was expired: found by the relist.
			list.Items = []corev1.Event{*backOffEvent("during-outage", "api-2")}
		}
		return true, list, nil
	})
	w1, w2, w3 := watch.NewFake(), watch.NewFake(), watch.NewFake()
	client.PrependWatchReactor("events", func(k8stesting.Action) (bool, watch.Interface, error) {
		switch watches.Add(1) {
		case 1:
			return true, w1, nil
		case 2:
			return true, w2, nil
		default:
			return true, w3, nil
		}
	})

	var mu sync.Mutex
	var seen []string
	handle := func(b BackOff) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, b.Pod)
	}
	ctx, cancel := context.WithCancel(t.Context())
	w := NewWatcher(client, nil, nil, slog.New(slog.DiscardHandler))
	done := make(chan error)
	go func() { done <- w.Run(ctx, handle) }()

	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor("first watch", func() bool { return watches.Load() == 1 })
	w1.Add(backOffEvent("e1", "api-1"))
	w1.Error(&metav1.Status{Status: metav1.StatusFailure, Code: 410, Reason: metav1.StatusReasonExpired, Message: "too old resource version"})
	waitFor("relist and second watch", func() bool { return lists.Load() == 2 && watches.Load() == 2 })
	w2.Add(backOffEvent("e2", "api-3"))
	w2.Stop() // a plain close (API server restart, network blip): resume, no relist
	waitFor("third watch", func() bool { return watches.Load() == 3 })
	if lists.Load() != 2 {
		t.Fatalf("a closed watch caused a relist (%d lists)", lists.Load())
	}
	w3.Add(backOffEvent("e3", "api-4"))
	waitFor("all crash loops", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) == 4
	})
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	want := []string{"api-1", "api-2", "api-3", "api-4"}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("seen %v, want %v", seen, want)
		}
	}
	if !w.Synced() {
		t.Fatal("watcher never reported synced")
	}
}
