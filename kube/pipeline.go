package kube

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/util/workqueue"

	"github.com/crashloop-bot/crashloop-bot/change"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Observer receives confirmed, diagnosed crashes (incident.Manager).
type Observer interface {
	Observe(ctx context.Context, o incident.Observation)
}

// DiagnosisPolicy decides which crashes get a full diagnosis (logs,
// events, rollout history) and which are only counted
// (incident.Rediagnosis).
type DiagnosisPolicy interface {
	// Claim reports whether a crash of k at now needs a full diagnosis.
	Claim(k incident.Key, now time.Time) bool
	// Release gives back a claim whose diagnosis failed.
	Release(k incident.Key)
}

// PipelineOptions configure a Pipeline.
type PipelineOptions struct {
	Cluster string
	// Workers is the number of pods confirmed and gathered in parallel.
	Workers int
	// Diagnoses decides when a workload's crash is diagnosed again; default
	// incident.NewRediagnosis(0): once a minute per workload, so a crash
	// storm costs one log fetch per workload, not one per crash.
	Diagnoses DiagnosisPolicy
	Logger    *slog.Logger
	Now       func() time.Time
	// OnEvent, when set, is told what became of BackOff events (for
	// metrics): "image_pull" (dropped by the watch), "confirmed" or
	// "not_confirmed" once the pod's status has been checked (events for a
	// pod already waiting in the queue are checked, and counted, once).
	OnEvent func(outcome string)
	// OnDiagnosed, when set, is told how long each diagnosis took: gather
	// (pod, events, previous logs, owner), diagnose, rollout history.
	OnDiagnosed func(time.Duration)
}

// Pipeline turns BackOff events into incident observations: confirm against
// the live pod, gather, diagnose.
type Pipeline struct {
	client   kubernetes.Interface
	watcher  *Watcher
	gatherer *Gatherer
	history  *History
	observer Observer
	opts     PipelineOptions
	log      *slog.Logger
	// queue holds pods of workloads not seen lately; replicas holds pods
	// whose siblings (same name prefix) were just looked at: in a storm,
	// every workload is named before its replicas are counted.
	queue, replicas workqueue.TypedRateLimitingInterface[podKey]

	mu        sync.Mutex
	lastEvent map[podKey]BackOff
	rechecks  map[podKey]int
	// replica says which queue a pod waits in (true: replicas).
	replica map[podKey]bool
	// prefixes are the name prefixes (a ReplicaSet's, a StatefulSet's)
	// looked at lately, and when.
	prefixes map[string]time.Time
}

// prefixMemory is how long a pod's siblings count as replicas of a
// workload already being looked at.
const prefixMemory = time.Minute

type podKey struct{ namespace, name string }

// A fresh event whose pod status lags is re-checked after recheckBase,
// doubling, at most maxRechecks times (about 16 s in all).
const (
	recheckBase = 250 * time.Millisecond
	maxRechecks = 6
)

// NewPipeline wires a Pipeline; it does no I/O.
func NewPipeline(client kubernetes.Interface, w *Watcher, g *Gatherer, o Observer, opts PipelineOptions) *Pipeline {
	h := NewHistory(client)
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	if opts.Diagnoses == nil {
		opts.Diagnoses = incident.NewRediagnosis(0)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.OnEvent == nil {
		opts.OnEvent = func(string) {}
	}
	if opts.OnDiagnosed == nil {
		opts.OnDiagnosed = func(time.Duration) {}
	}
	return &Pipeline{
		client: client, watcher: w, gatherer: g, history: h, observer: o, opts: opts,
		log: opts.Logger.With("component", "pipeline"),
		queue: workqueue.NewTypedRateLimitingQueueWithConfig(
			workqueue.NewTypedItemExponentialFailureRateLimiter[podKey](time.Second, time.Minute),
			workqueue.TypedRateLimitingQueueConfig[podKey]{Name: "backoff"}),
		replicas: workqueue.NewTypedRateLimitingQueueWithConfig(
			workqueue.NewTypedItemExponentialFailureRateLimiter[podKey](time.Second, time.Minute),
			workqueue.TypedRateLimitingQueueConfig[podKey]{Name: "backoff-replicas"}),
		lastEvent: map[podKey]BackOff{},
		rechecks:  map[podKey]int{},
		replica:   map[podKey]bool{},
		prefixes:  map[string]time.Time{},
	}
}

// QueueDepth is the number of pods waiting to be looked at.
func (p *Pipeline) QueueDepth() int { return p.queue.Len() + p.replicas.Len() }

// Run watches and processes until ctx ends: Workers workers for pods of
// new workloads, one more for replicas of workloads already seen.
func (p *Pipeline) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for range p.opts.Workers {
		wg.Go(func() {
			for p.processNext(ctx, p.queue) {
			}
		})
	}
	wg.Go(func() {
		for p.processNext(ctx, p.replicas) {
		}
	})
	err := p.watcher.Run(ctx, p.enqueue)
	p.queue.ShutDown()
	p.replicas.ShutDown()
	wg.Wait()
	return err
}

// namePrefix is a pod's name without its last dash-separated part: the
// ReplicaSet (or StatefulSet, Job) its siblings share.
func namePrefix(pod string) string {
	if i := strings.LastIndexByte(pod, '-'); i > 0 {
		return pod[:i]
	}
	return pod
}

func (p *Pipeline) enqueue(b BackOff) {
	if b.ImagePull {
		p.opts.OnEvent("image_pull") // shares the reason BackOff; no crash loop
		return
	}
	k := podKey{b.Namespace, b.Pod}
	now := p.opts.Now()
	p.mu.Lock()
	prev, known := p.lastEvent[k]
	if !known || !b.At.Before(prev.At) {
		p.lastEvent[k] = b
	}
	replica, queued := p.replica[k]
	if !queued {
		// A pod stays in the queue it was put in, so no two workers look
		// at it at once.
		prefix := b.Namespace + "/" + namePrefix(b.Pod)
		seen, ok := p.prefixes[prefix]
		replica = ok && now.Sub(seen) < prefixMemory
		if !replica {
			if len(p.prefixes) > 10000 {
				for pre, t := range p.prefixes {
					if now.Sub(t) >= prefixMemory {
						delete(p.prefixes, pre)
					}
				}
			}
			p.prefixes[prefix] = now
		}
		p.replica[k] = replica
	}
	p.mu.Unlock()
	if replica {
		p.replicas.Add(k)
	} else {
		p.queue.Add(k)
	}
}

func (p *Pipeline) processNext(ctx context.Context, q workqueue.TypedRateLimitingInterface[podKey]) bool {
	k, quit := q.Get()
	if quit {
		return false
	}
	defer q.Done(k)
	requeue, err := p.process(ctx, k)
	if err != nil && ctx.Err() != nil {
		return true // shutting down; the next leader looks again
	}
	if err != nil {
		p.log.Warn("could not look at crashing pod; retrying", "pod", k.namespace+"/"+k.name, "err", err)
		q.AddRateLimited(k)
		return true
	}
	q.Forget(k)
	p.mu.Lock()
	defer p.mu.Unlock()
	if requeue && p.rechecks[k] < maxRechecks {
		// 250ms, 500ms, 1s, ...: the status usually follows within a second.
		q.AddAfter(k, recheckBase<<p.rechecks[k])
		p.rechecks[k]++
		return true
	}
	if requeue {
		p.opts.OnEvent("not_confirmed") // the status never caught up
	}
	delete(p.lastEvent, k)
	delete(p.rechecks, k)
	delete(p.replica, k)
	return true
}

func (p *Pipeline) process(ctx context.Context, k podKey) (requeue bool, err error) {
	p.mu.Lock()
	ev := p.lastEvent[k]
	p.mu.Unlock()
	pod, err := p.client.CoreV1().Pods(k.namespace).Get(ctx, k.name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		p.opts.OnEvent("not_confirmed")
		return false, nil
	}
	if err != nil {
		return false, err
	}
	now := p.opts.Now()
	switch confirm(pod, ev.Container, ev.At, now) {
	case notLooping:
		p.log.Debug("back-off event not confirmed by pod status", "pod", k.namespace+"/"+k.name)
		p.opts.OnEvent("not_confirmed")
		return false, nil
	case recheck:
		return true, nil
	}
	p.opts.OnEvent("confirmed")
	owner, err := p.gatherer.Owner(ctx, pod)
	if err != nil {
		return false, err
	}
	obs := incident.Observation{
		Key: incident.Key{
			Cluster: p.opts.Cluster, Namespace: pod.Namespace,
			Kind: owner.Kind, Name: owner.Name, Container: ev.Container,
		},
		Pod:       pod.Name,
		Labels:    pod.Labels,
		Restarts:  restarts(pod),
		CrashedAt: ev.At,
		Node:      pod.Spec.NodeName,
	}
	if !owner.Selector.Empty() {
		if s := owner.Selector.String(); s != "" && s != "<none>" {
			obs.Selector = s
		}
	}
	if obs.Key.Container != "" && !p.opts.Diagnoses.Claim(obs.Key, now) {
		// Diagnosed a moment ago: count the crash, skip the log fetch.
		p.observer.Observe(ctx, obs)
		return false, nil
	}
	start := p.opts.Now()
	// The pod's events and logs and the workload's history are fetched at
	// once: each is a few API round trips, and the alert waits for all.
	var (
		g             Gathered
		rollout       change.Rollout
		gerr, histErr error
		wg            sync.WaitGroup
	)
	wg.Go(func() { g, gerr = p.gatherer.GatherPod(ctx, pod) })
	wg.Go(func() { rollout, histErr = p.history.WhatChanged(ctx, pod, owner) })
	wg.Wait()
	if gerr != nil {
		if obs.Key.Container != "" {
			p.opts.Diagnoses.Release(obs.Key)
		}
		return false, gerr
	}
	if len(g.Gaps) > 0 {
		p.log.Warn("diagnosing with what could be read", "pod", k.namespace+"/"+k.name, "missing", g.Gaps)
	}
	obs.Gaps = g.Gaps
	report := diagnose.Diagnose(g.Input)
	if report.Healthy {
		if obs.Key.Container != "" {
			p.opts.Diagnoses.Release(obs.Key)
		}
		return false, nil
	}
	obs.Report = report
	// What changed before the crash: a partial answer (some reads
	// forbidden) still helps, so errors are only logged.
	if histErr != nil {
		p.log.Debug("what-changed lookup incomplete", "pod", k.namespace+"/"+k.name, "err", histErr)
	}
	obs.Rollout = &rollout
	p.opts.OnDiagnosed(p.opts.Now().Sub(start))
	if obs.Key.Container == "" {
		obs.Key.Container = report.Container
	}
	obs.Image = imageOf(pod, obs.Key.Container)
	obs.ConfigMaps, obs.Secrets = configRefs(pod)
	if t := lastFinished(report); !t.IsZero() {
		obs.CrashedAt = t
	}
	p.observer.Observe(ctx, obs)
	return false, nil
}

// lastFinished is when the diagnosed container last died, if known.
func lastFinished(r diagnose.Report) time.Time {
	if r.FinishedAt != nil {
		return *r.FinishedAt
	}
	return time.Time{}
}
