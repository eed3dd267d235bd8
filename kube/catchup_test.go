package kube

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
)

func crashLoopingPod(ns, name string, init bool) *corev1.Pod {
	cs := corev1.ContainerStatus{
		Name: "app", RestartCount: 4,
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}},
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
			ExitCode: 1, FinishedAt: metav1.NewTime(fakeNow),
		}},
	}
	p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name}, Status: corev1.PodStatus{Phase: corev1.PodRunning}}
	if init {
		cs.Name = "migrate"
		p.Status.Phase = corev1.PodPending
		p.Status.InitContainerStatuses = []corev1.ContainerStatus{cs}
		p.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: "app", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "PodInitializing"}}}}
	} else {
		p.Status.ContainerStatuses = []corev1.ContainerStatus{cs, {Name: "sidecar", Ready: true, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}}}
	}
	return p
}

// TestCatchUpListsCrashLoopingPods: the catch-up names every container
// waiting in CrashLoopBackOff (init containers too), dated by its last
// exit, asks the API server for unfinished pods outside the excluded
// namespaces, pages, and skips the pods its BackOff events named.
func TestCatchUpListsCrashLoopingPods(t *testing.T) {
	healthy := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "web-1"}, Status: corev1.PodStatus{Phase: corev1.PodRunning,
		ContainerStatuses: []corev1.ContainerStatus{{Name: "web", Ready: true, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}}}}}
	pulling := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "img-1"}, Status: corev1.PodStatus{Phase: corev1.PodPending,
		ContainerStatuses: []corev1.ContainerStatus{{Name: "img", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ImagePullBackOff"}}}}}}
	deleting := crashLoopingPod("shop", "gone-1", false)
	deleting.DeletionTimestamp = &metav1.Time{Time: fakeNow}
	pages := [][]corev1.Pod{
		{*crashLoopingPod("shop", "api-1", false), *healthy, *crashLoopingPod("shop", "known-1", false)},
		{*crashLoopingPod("shop", "db-0", true), *pulling, *deleting, *crashLoopingPod("kube-system", "x-1", false)},
	}
	client := fake.NewClientset()
	var selectors []string
	var limits []int64
	var calls atomic.Int32
	client.PrependReactor("list", "pods", func(a k8stesting.Action) (bool, runtime.Object, error) {
		opts := a.(k8stesting.ListActionImpl).ListOptions
		selectors = append(selectors, opts.FieldSelector)
		limits = append(limits, opts.Limit)
		n := calls.Add(1)
		list := &corev1.PodList{Items: pages[n-1]}
		if n == 1 {
			list.Continue = "page-2"
		}
		return true, list, nil
	})
	w := NewWatcher(client, nil, []string{"kube-system"}, slog.New(slog.DiscardHandler))
	var got []BackOff
	pods, looping, handed, err := w.catchUp(t.Context(), metav1.NamespaceAll, map[podRef]bool{{"shop", "known-1"}: true}, func(b BackOff) { got = append(got, b) })
	if err != nil {
		t.Fatal(err)
	}
	if pods != 7 || looping != 3 || handed != 2 || len(got) != 2 {
		t.Fatalf("listed %d pods, %d looping, %d handed on (the one its events named is skipped): %+v", pods, looping, handed, got)
	}
	want := []BackOff{{Namespace: "shop", Pod: "api-1", Container: "app", At: fakeNow}, {Namespace: "shop", Pod: "db-0", Container: "migrate", At: fakeNow}}
	for i := range want {
		if got[i].Namespace != want[i].Namespace || got[i].Pod != want[i].Pod || got[i].Container != want[i].Container || !got[i].At.Equal(want[i].At) || got[i].ImagePull {
			t.Errorf("back-off %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, sel := range selectors {
		for _, term := range []string{"status.phase!=Succeeded", "status.phase!=Failed", "metadata.namespace!=kube-system"} {
			if !strings.Contains(sel, term) {
				t.Errorf("pod list selector %q lacks %s", sel, term)
			}
		}
	}
	if len(limits) != 2 || limits[0] != catchUpPage {
		t.Errorf("list limits %v, want pages of %d", limits, catchUpPage)
	}
}

// TestWatcherLogsEveryRelist: an expired watch relists with its reason in
// the log, whether the 410 comes as a watch event or as the answer to the
// watch call itself; the catch-up runs once, not on every relist.
func TestWatcherLogsEveryRelist(t *testing.T) {
	client := fake.NewClientset(crashLoopingPod("shop", "api-1", false))
	var lists, watches atomic.Int32
	client.PrependReactor("list", "events", func(k8stesting.Action) (bool, runtime.Object, error) {
		lists.Add(1)
		return true, &corev1.EventList{ListMeta: metav1.ListMeta{ResourceVersion: "10"}}, nil
	})
	w1, w3 := watch.NewFake(), watch.NewFake()
	client.PrependWatchReactor("events", func(k8stesting.Action) (bool, watch.Interface, error) {
		switch watches.Add(1) {
		case 1:
			return true, w1, nil
		case 2:
			return true, nil, apierrors.NewResourceExpired("too old resource version: 10 (20)")
		default:
			return true, w3, nil
		}
	})
	var podLists atomic.Int32
	client.PrependReactor("list", "pods", func(k8stesting.Action) (bool, runtime.Object, error) {
		podLists.Add(1)
		return false, nil, nil
	})
	logs := &testlog.Buffer{}
	w := NewWatcher(client, nil, nil, slog.New(slog.NewTextHandler(logs, nil)))
	var mu sync.Mutex
	var seen []string
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() {
		done <- w.Run(ctx, func(b BackOff) { mu.Lock(); seen = append(seen, b.Pod); mu.Unlock() })
	}()
	waitUntil := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; log:\n%s", what, logs.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitUntil("the first watch and the catch-up", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return watches.Load() == 1 && len(seen) == 1
	})
	w1.Error(&metav1.Status{Status: metav1.StatusFailure, Code: 410, Reason: metav1.StatusReasonExpired, Message: "too old resource version"})
	waitUntil("two relists and the third watch", func() bool { return lists.Load() == 3 && watches.Load() == 3 })
	cancel()
	<-done
	out := logs.String()
	for _, reason := range []string{relistExpiredEvent, relistExpiredCall} {
		if !strings.Contains(out, `msg="listing BackOff events again"`) || !strings.Contains(out, reason) {
			t.Errorf("no relist logged with reason %q:\n%s", reason, out)
		}
	}
	if n := podLists.Load(); n != 1 {
		t.Errorf("%d catch-up lists of pods, want 1 per start", n)
	}
	if !strings.Contains(out, "caught up on crash loops") || !strings.Contains(out, "crash_looping=1") {
		t.Errorf("the catch-up is not logged:\n%s", out)
	}
}
