package kube

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// maxLogContainers bounds log requests per pod: the crashing container and
// a few more that restarted.
const maxLogContainers = 4

// Gatherer collects a diagnose.Input for one pod.
type Gatherer struct {
	client        kubernetes.Interface
	owners        *owners
	tailLines     int64
	limitBytes    int64
	maxEventCount int64
	now           func() time.Time
}

// GatherOptions bound what is fetched per pod.
type GatherOptions struct {
	// LogTailLines and LogLimitBytes bound each container's log request.
	LogTailLines  int64
	LogLimitBytes int64
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// NewGatherer returns a Gatherer; it does no I/O.
func NewGatherer(client kubernetes.Interface, opts GatherOptions) *Gatherer {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.LogTailLines <= 0 {
		opts.LogTailLines = 200
	}
	if opts.LogLimitBytes <= 0 {
		opts.LogLimitBytes = 64 << 10
	}
	return &Gatherer{
		client:        client,
		owners:        newOwners(client, opts.Now),
		tailLines:     opts.LogTailLines,
		limitBytes:    opts.LogLimitBytes,
		maxEventCount: 200,
		now:           opts.Now,
	}
}

// Gathered is a diagnose.Input plus what the alert pipeline needs besides.
type Gathered struct {
	Input diagnose.Input
	Owner Owner
	// Gaps say what could not be read (events forbidden, logs gone), so a
	// diagnosis made without it says so instead of guessing silently.
	Gaps []string
}

// Owner returns the pod's top-level owning workload, from a cache of
// recent lookups.
func (g *Gatherer) Owner(ctx context.Context, pod *corev1.Pod) (Owner, error) {
	return g.owners.resolve(ctx, pod)
}

// Gather fetches the pod namespace/name and everything its diagnosis needs.
func (g *Gatherer) Gather(ctx context.Context, namespace, name string) (Gathered, error) {
	pod, err := g.client.CoreV1().Pods(namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return Gathered{}, fmt.Errorf("get pod %s/%s: %w", namespace, name, err)
	}
	return g.GatherPod(ctx, pod)
}

// GatherPod is Gather for a pod already fetched. Events or logs that cannot
// be read are not errors (events expire; logs may be gone; RBAC may forbid
// them): the diagnosis works with what there is, and Gaps say what is
// missing. The owner lookup failing is an error.
func (g *Gatherer) GatherPod(ctx context.Context, pod *corev1.Pod) (Gathered, error) {
	owner, err := g.owners.resolve(ctx, pod)
	if err != nil {
		return Gathered{}, err
	}
	// Events and logs are fetched at once: the alert waits for both.
	var (
		gaps    []string
		events  []corev1.Event
		evErr   error
		logs    map[string]string
		logGaps []string
		wg      sync.WaitGroup
	)
	wg.Go(func() { events, evErr = g.podEvents(ctx, pod) })
	wg.Go(func() { logs, logGaps = g.logs(ctx, pod) })
	wg.Wait()
	if evErr != nil {
		gaps = append(gaps, gapOf("events", evErr))
	}
	in := diagnose.Input{
		Pod:    pod,
		Events: events,
		Logs:   logs,
		Owner:  &diagnose.Owner{Kind: owner.Kind, Name: owner.Name},
		Now:    g.now(),
	}
	return Gathered{Input: in, Owner: owner, Gaps: append(gaps, logGaps...)}, nil
}

// gapOf says in a few words what could not be read and why.
func gapOf(what string, err error) string {
	switch {
	case apierrors.IsForbidden(err):
		return what + ": forbidden by RBAC"
	case apierrors.IsNotFound(err):
		return what + ": not found"
	}
	return what + ": " + err.Error()
}

// podEvents lists the pod's events, newest last.
func (g *Gatherer) podEvents(ctx context.Context, pod *corev1.Pod) ([]corev1.Event, error) {
	sel := fields.Set{
		"involvedObject.kind": "Pod",
		"involvedObject.name": pod.Name,
		"involvedObject.uid":  string(pod.UID),
	}.AsSelector().String()
	list, err := g.client.CoreV1().Events(pod.Namespace).List(ctx, metav1.ListOptions{FieldSelector: sel, Limit: g.maxEventCount})
	if err != nil {
		return nil, fmt.Errorf("list events of pod %s/%s: %w", pod.Namespace, pod.Name, err)
	}
	items := list.Items
	sort.SliceStable(items, func(i, j int) bool { return diagnose.EventTime(&items[i]).Before(diagnose.EventTime(&items[j])) })
	return items, nil
}

// logs fetches the previous (crashed) instance's log of each container that
// has restarted or is not running, falling back to the current log; gaps
// name the containers whose log could be read neither way.
func (g *Gatherer) logs(ctx context.Context, pod *corev1.Pod) (out map[string]string, gaps []string) {
	out = map[string]string{}
	statuses := append(append([]corev1.ContainerStatus{}, pod.Status.InitContainerStatuses...), pod.Status.ContainerStatuses...)
	// Most restarted first, so the crashing container is never left out.
	sort.SliceStable(statuses, func(i, j int) bool { return statuses[i].RestartCount > statuses[j].RestartCount })
	for _, cs := range statuses {
		if len(out) >= maxLogContainers {
			break
		}
		failing := cs.RestartCount > 0 || cs.State.Waiting != nil || (cs.State.Terminated != nil && cs.State.Terminated.ExitCode != 0)
		if !failing {
			continue
		}
		if text, err := g.log(ctx, pod, cs.Name, true); err == nil {
			out[cs.Name] = text
		} else if text, err2 := g.log(ctx, pod, cs.Name, false); err2 == nil {
			out[cs.Name] = text
		} else if apierrors.IsForbidden(err) || apierrors.IsForbidden(err2) {
			gaps = append(gaps, "log of container "+cs.Name+": forbidden by RBAC")
		} else if cs.RestartCount > 0 {
			// A container that never ran has no log; one that restarted should.
			gaps = append(gaps, gapOf("log of container "+cs.Name, err))
		}
	}
	return out, gaps
}

func (g *Gatherer) log(ctx context.Context, pod *corev1.Pod, container string, previous bool) (string, error) {
	tail, limit := g.tailLines, g.limitBytes
	req := g.client.CoreV1().Pods(pod.Namespace).GetLogs(pod.Name, &corev1.PodLogOptions{
		Container: container, Previous: previous, TailLines: &tail, LimitBytes: &limit,
	})
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	rc, err := req.Stream(ctx)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	// limitBytes is applied by the kubelet; bound it here too.
	b, err := io.ReadAll(io.LimitReader(rc, limit))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return "", err
	}
	return string(b), nil
}
