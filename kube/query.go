package kube

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes"
)

// Query answers the bot's read-only questions about one pod or workload:
// the pod, a workload's crashing pod, events, logs, and one run of a probe.
// It only GETs and LISTs pods, events, pods/log and workload objects; it
// never reads Secrets.
//
// It needs get/list on pods, get on pods/log, list on events, get on
// deployments, statefulsets, daemonsets, replicasets and jobs, and list on
// jobs (for CronJobs).
type Query struct {
	client     kubernetes.Interface
	limitBytes int64
	maxPods    int64
	// probe is RunProbe's network side.
	probe prober
	// owners resolves a pod's workload for WhatChanged.
	owners *owners
}

// QueryOptions bound what Query fetches.
type QueryOptions struct {
	// LogLimitBytes bounds one log request; default 256 KiB.
	LogLimitBytes int64
	// MaxPods bounds the pods listed to find a workload's crashing pod;
	// default 500.
	MaxPods int64
	// ProbeDial replaces the dialer of RunProbe; tests route pod IPs to
	// servers on loopback with it. It is only ever asked for the pod's
	// IP and port.
	ProbeDial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// NewQuery returns a Query; it does no I/O.
func NewQuery(client kubernetes.Interface, opts QueryOptions) *Query {
	if opts.LogLimitBytes <= 0 {
		opts.LogLimitBytes = 256 << 10
	}
	if opts.MaxPods <= 0 {
		opts.MaxPods = 500
	}
	return &Query{client: client, limitBytes: opts.LogLimitBytes, maxPods: opts.MaxPods, probe: defaultProber(opts.ProbeDial), owners: newOwners(client, time.Now)}
}

// Pod returns the pod namespace/name.
func (q *Query) Pod(ctx context.Context, namespace, name string) (*corev1.Pod, error) {
	pod, err := q.client.CoreV1().Pods(namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, fmt.Errorf("get pod %s/%s: %w", namespace, name, err)
	}
	return pod, nil
}

// CrashingPod returns the pod of the workload kind/name (Deployment,
// StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, or Pod) that is in
// CrashLoopBackOff with the most restarts, else its pod with the most
// restarts. It returns a NotFound error when the workload does not exist
// or has no pods.
func (q *Query) CrashingPod(ctx context.Context, namespace, kind, name string) (*corev1.Pod, error) {
	if kind == "Pod" {
		return q.Pod(ctx, namespace, name)
	}
	selectors, err := q.selectors(ctx, namespace, kind, name)
	if err != nil {
		return nil, err
	}
	var pods []corev1.Pod
	for _, sel := range selectors {
		if sel.Empty() {
			continue // never list every pod of the namespace
		}
		list, err := q.client.CoreV1().Pods(namespace).List(ctx, metav1.ListOptions{LabelSelector: sel.String(), Limit: q.maxPods})
		if err != nil {
			return nil, fmt.Errorf("list pods of %s %s/%s: %w", strings.ToLower(kind), namespace, name, err)
		}
		pods = append(pods, list.Items...)
	}
	if len(pods) == 0 {
		return nil, fmt.Errorf("%s %s/%s: %w", strings.ToLower(kind), namespace, name,
			apierrors.NewNotFound(schema.GroupResource{Resource: "pods"}, name))
	}
	sort.SliceStable(pods, func(i, j int) bool {
		a, b := crashScore(&pods[i]), crashScore(&pods[j])
		if a != b {
			return a > b
		}
		return pods[i].CreationTimestamp.After(pods[j].CreationTimestamp.Time)
	})
	return &pods[0], nil
}

// crashScore orders pods: crash-looping first, then by restarts.
func crashScore(p *corev1.Pod) int64 {
	var best int64
	for _, list := range [][]corev1.ContainerStatus{p.Status.InitContainerStatuses, p.Status.ContainerStatuses} {
		for _, cs := range list {
			s := int64(cs.RestartCount)
			if cs.State.Waiting != nil && cs.State.Waiting.Reason == "CrashLoopBackOff" {
				s += 1 << 32
			}
			best = max(best, s)
		}
	}
	return best
}

// Workload reads the workload kind/name (Pod, Deployment, StatefulSet,
// DaemonSet, ReplicaSet, Job or CronJob): nil when it exists, a NotFound
// error when it does not. It is how silencing a workload that does not
// exist is refused.
func (q *Query) Workload(ctx context.Context, namespace, kind, name string) error {
	opts := metav1.GetOptions{}
	apps, batch := q.client.AppsV1(), q.client.BatchV1()
	var err error
	switch kind {
	case "Pod":
		_, err = q.client.CoreV1().Pods(namespace).Get(ctx, name, opts)
	case "Deployment":
		_, err = apps.Deployments(namespace).Get(ctx, name, opts)
	case "StatefulSet":
		_, err = apps.StatefulSets(namespace).Get(ctx, name, opts)
	case "DaemonSet":
		_, err = apps.DaemonSets(namespace).Get(ctx, name, opts)
	case "ReplicaSet":
		_, err = apps.ReplicaSets(namespace).Get(ctx, name, opts)
	case "Job":
		_, err = batch.Jobs(namespace).Get(ctx, name, opts)
	case "CronJob":
		_, err = batch.CronJobs(namespace).Get(ctx, name, opts)
	default:
		err = apierrors.NewNotFound(schema.GroupResource{Resource: strings.ToLower(kind)}, name)
	}
	if err != nil {
		return fmt.Errorf("get %s %s/%s: %w", strings.ToLower(kind), namespace, name, err)
	}
	return nil
}

// selectors returns the pod selectors of a workload.
func (q *Query) selectors(ctx context.Context, ns, kind, name string) ([]labels.Selector, error) {
	wrap := func(err error) error { return fmt.Errorf("get %s %s/%s: %w", strings.ToLower(kind), ns, name, err) }
	apps, batch := q.client.AppsV1(), q.client.BatchV1()
	var ls *metav1.LabelSelector
	switch kind {
	case "Deployment":
		d, err := apps.Deployments(ns).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return nil, wrap(err)
		}
		ls = d.Spec.Selector
	case "StatefulSet":
		s, err := apps.StatefulSets(ns).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return nil, wrap(err)
		}
		ls = s.Spec.Selector
	case "DaemonSet":
		d, err := apps.DaemonSets(ns).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return nil, wrap(err)
		}
		ls = d.Spec.Selector
	case "ReplicaSet":
		r, err := apps.ReplicaSets(ns).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return nil, wrap(err)
		}
		ls = r.Spec.Selector
	case "Job":
		j, err := batch.Jobs(ns).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return nil, wrap(err)
		}
		ls = j.Spec.Selector
	case "CronJob":
		// Each run is a Job owned by the CronJob; look at the newest few.
		jobs, err := batch.Jobs(ns).List(ctx, metav1.ListOptions{Limit: q.maxPods})
		if err != nil {
			return nil, wrap(err)
		}
		items := jobs.Items
		sort.SliceStable(items, func(i, j int) bool { return items[i].CreationTimestamp.After(items[j].CreationTimestamp.Time) })
		var out []labels.Selector
		for _, j := range items {
			if ref := metav1.GetControllerOf(&j); ref == nil || ref.Kind != "CronJob" || ref.Name != name {
				continue
			}
			if s := selectorOf(j.Spec.Selector); !s.Empty() {
				out = append(out, s)
			}
			if len(out) == 5 {
				break
			}
		}
		if len(out) == 0 {
			return nil, wrap(apierrors.NewNotFound(schema.GroupResource{Group: "batch", Resource: "jobs"}, name))
		}
		return out, nil
	default:
		return nil, wrap(apierrors.NewNotFound(schema.GroupResource{Resource: strings.ToLower(kind)}, name))
	}
	s := selectorOf(ls)
	if s.Empty() || s.String() == labels.Nothing().String() {
		return nil, wrap(apierrors.NewNotFound(schema.GroupResource{Resource: "pods"}, name))
	}
	return []labels.Selector{s}, nil
}

// PodEvents returns the pod's events, oldest first.
func (q *Query) PodEvents(ctx context.Context, pod *corev1.Pod) ([]corev1.Event, error) {
	g := Gatherer{client: q.client, maxEventCount: 200}
	return g.podEvents(ctx, pod)
}

// Logs returns the last tailLines lines of a container's log (at most
// LogLimitBytes), of the previous instance when previous is set.
func (q *Query) Logs(ctx context.Context, namespace, pod, container string, previous bool, tailLines int64) (string, error) {
	limit := q.limitBytes
	req := q.client.CoreV1().Pods(namespace).GetLogs(pod, &corev1.PodLogOptions{
		Container: container, Previous: previous, TailLines: &tailLines, LimitBytes: &limit,
	})
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	rc, err := req.Stream(ctx)
	if err != nil {
		return "", fmt.Errorf("logs of %s/%s[%s]: %w", namespace, pod, container, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return "", fmt.Errorf("read logs of %s/%s[%s]: %w", namespace, pod, container, err)
	}
	return string(b), nil
}
