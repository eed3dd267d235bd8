package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/rand"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/leaderelection/resourcelock"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// errLostLease ends the process when another replica took over: a fresh
// start is the simplest way to be sure nothing of the old leader runs on.
var errLostLease = errors.New("lost the leader lease; exiting so a restart starts clean")

// elect campaigns for the Lease and runs lead while holding it.
func elect(ctx context.Context, c config.LeaderElection, client kubernetes.Interface, logger *slog.Logger, ready *readiness, lead func(context.Context) error) error {
	ns := c.Namespace
	if ns == "" {
		ns = ownNamespace()
	}
	if ns == "" {
		return fmt.Errorf("leader_election.namespace: required outside a pod")
	}
	host, _ := os.Hostname()
	id := host + "-" + rand.String(5)
	lock, err := resourcelock.New(resourcelock.LeasesResourceLock, ns, c.LeaseName,
		client.CoreV1(), client.CoordinationV1(), resourcelock.ResourceLockConfig{Identity: id})
	if err != nil {
		return fmt.Errorf("lease %s/%s: %w", ns, c.LeaseName, err)
	}
	e := &elector{
		lock: lock, id: id,
		leaseDuration: c.LeaseDuration.D(), renewDeadline: c.RenewDeadline.D(), retryPeriod: c.RetryPeriod.D(),
		release: true, now: time.Now,
		log: logger.With("component", "leader-election", "lease", ns+"/"+c.LeaseName, "identity", id),
	}
	return e.run(ctx, lead)
}

// elector holds a Lease while it runs the leader's work. It is client-go's
// leader election protocol (the same Lease record, optimistic updates, a
// lease is taken over once it has not changed for its duration, measured
// on the candidate's own clock) with a faster candidate: client-go's polls
// every retry period with up to 120% jitter and only notices an expiry at
// its next poll, so a failover took lease_duration + 2 to 4 retry periods
// (about 20 s with the defaults, measured). This one polls every retry
// period and tries again the moment the lease it last saw change expires:
// the standby leads within lease_duration + retry_period of the leader's
// last renewal, and within a retry period of a leader that stepped down.
type elector struct {
	lock resourcelock.Interface
	id   string
	// leaseDuration is how long a lease not renewed stays the holder's;
	// the leader gives up when it could not renew for renewDeadline, and
	// renews (and candidates poll) every retryPeriod.
	leaseDuration, renewDeadline, retryPeriod time.Duration
	// release: step down on a clean stop, so the standby need not wait for
	// the lease to expire.
	release bool
	log     *slog.Logger
	now     func() time.Time

	// observedRaw is the last lease record seen and observedAt when it was
	// first seen with that content (renewals change it, so a lease that
	// stops changing has stopped being renewed).
	observed    resourcelock.LeaderElectionRecord
	observedRaw []byte
	observedAt  time.Time
	// lastRenew is when the leader last renewed.
	lastRenew time.Time
	// unchangedFor is, when the lease was taken over, how long its record
	// had not changed: the previous leader's silence as seen from here.
	unchangedFor time.Duration
}

// run campaigns until it holds the Lease, runs lead while it does, and
// returns when ctx ends (nil, after stepping down), when lead fails (its
// error), or when the lease is lost (errLostLease).
func (e *elector) run(ctx context.Context, lead func(context.Context) error) error {
	e.log.Info("waiting to become leader")
	leader := ""
	for {
		ok, wait := e.tryAcquireOrRenew(ctx)
		if ok {
			break
		}
		if h := e.observed.HolderIdentity; h != leader && h != "" && h != e.id {
			leader = h
			e.log.Info("another replica leads; serving Slack requests only", "leader", h)
		}
		if !sleepCtx(ctx, wait) {
			return nil
		}
	}
	e.log.Info("leading: watching and posting", "previous_leader", leader,
		"lease_unchanged_for", e.unchangedFor.Round(time.Millisecond))
	leadCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- lead(leadCtx) }()

	t := time.NewTicker(e.retryPeriod)
	defer t.Stop()
	for {
		select {
		case err := <-done:
			// The leader's work ended on its own: an error, or ctx.
			e.stepDown()
			return err
		case <-ctx.Done():
			cancel()
			err := <-done
			e.stepDown()
			return err
		case <-t.C:
			if ok, _ := e.tryAcquireOrRenew(ctx); ok {
				continue
			}
			if ctx.Err() != nil {
				continue
			}
			if h := e.observed.HolderIdentity; (h != "" && h != e.id) || e.now().Sub(e.lastRenew) >= e.renewDeadline {
				// Stop before the lease can pass to another replica
				// (renew_deadline < lease_duration).
				e.log.Error("lost the lease: no longer leading", "holder", h, "last_renewal", e.lastRenew)
				cancel()
				<-done
				return errLostLease
			}
		}
	}
}

// tryAcquireOrRenew takes the lease when it is free or expired, or renews
// it when held. When it did not, wait is how long until it is worth trying
// again: the retry period, or less when the lease expires sooner.
func (e *elector) tryAcquireOrRenew(ctx context.Context) (ok bool, wait time.Duration) {
	cctx, cancel := context.WithTimeout(ctx, max(e.retryPeriod, time.Second))
	defer cancel()
	now := e.now()
	rec := resourcelock.LeaderElectionRecord{
		HolderIdentity:       e.id,
		LeaseDurationSeconds: max(1, int(e.leaseDuration.Round(time.Second)/time.Second)),
		AcquireTime:          metav1.NewTime(now),
		RenewTime:            metav1.NewTime(now),
	}
	// Fast path: the leader renews the record it holds.
	if e.observed.HolderIdentity == e.id && !e.lastRenew.IsZero() {
		rec.AcquireTime, rec.LeaderTransitions = e.observed.AcquireTime, e.observed.LeaderTransitions
		if err := e.lock.Update(cctx, rec); err == nil {
			e.saw(rec, now)
			e.lastRenew = now
			return true, 0
		}
	}
	old, raw, err := e.lock.Get(cctx)
	switch {
	case apierrors.IsNotFound(err):
		if err := e.lock.Create(cctx, rec); err != nil {
			e.log.Warn("could not create the lease", "err", err)
			return false, e.retryPeriod
		}
		e.saw(rec, now)
		e.lastRenew = now
		return true, 0
	case err != nil:
		e.log.Warn("could not read the lease", "err", err)
		return false, e.retryPeriod
	}
	if !bytes.Equal(raw, e.observedRaw) {
		e.observed, e.observedRaw, e.observedAt = *old, raw, now
	}
	held := old.HolderIdentity != "" && old.HolderIdentity != e.id
	if held {
		d := time.Duration(old.LeaseDurationSeconds) * time.Second
		if d <= 0 {
			d = e.leaseDuration
		}
		if left := e.observedAt.Add(d).Sub(now); left > 0 {
			// Try again the moment it expires, unless a renewal (or a
			// step-down) shows up at the next poll first.
			return false, min(e.retryPeriod, left)
		}
	}
	if old.HolderIdentity == e.id {
		rec.AcquireTime, rec.LeaderTransitions = old.AcquireTime, old.LeaderTransitions
	} else {
		rec.LeaderTransitions = old.LeaderTransitions + 1
		e.unchangedFor = now.Sub(e.observedAt)
	}
	if err := e.lock.Update(cctx, rec); err != nil {
		// Another replica was faster (a conflict), or the API server is
		// away: look again shortly.
		e.log.Debug("could not take the lease", "err", err)
		return false, min(e.retryPeriod, 100*time.Millisecond)
	}
	e.saw(rec, now)
	e.lastRenew = now
	return true, 0
}

// saw records rec, just written, as the observed record.
func (e *elector) saw(rec resourcelock.LeaderElectionRecord, now time.Time) {
	raw, _ := json.Marshal(rec)
	e.observed, e.observedRaw, e.observedAt = rec, raw, now
}

// stepDown gives the lease up on a clean stop so the standby takes over at
// its next poll instead of waiting for the lease to expire.
func (e *elector) stepDown() {
	if !e.release || e.observed.HolderIdentity != e.id {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), e.renewDeadline)
	defer cancel()
	now := metav1.NewTime(e.now())
	rec := resourcelock.LeaderElectionRecord{LeaseDurationSeconds: 1, AcquireTime: now, RenewTime: now,
		LeaderTransitions: e.observed.LeaderTransitions}
	if err := e.lock.Update(ctx, rec); err != nil {
		e.log.Warn("could not step down; the standby takes over when the lease expires", "err", err)
		return
	}
	e.log.Info("stepped down: the lease is free")
}

// sleepCtx waits d or until ctx ends; it reports whether d passed.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// ownNamespace is the pod's namespace: $POD_NAMESPACE, else the service
// account's namespace file; "" outside a pod.
func ownNamespace() string {
	if ns := os.Getenv("POD_NAMESPACE"); ns != "" {
		return ns
	}
	b, err := os.ReadFile(serviceAccountNamespace)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// silenceSource lets the incident manager read the store's silences.
type silenceSource struct{ st store.Store }

// ActiveSilences maps each silenced key to its silence.
func (s silenceSource) ActiveSilences(ctx context.Context) (map[incident.Key]incident.Silence, error) {
	ss, err := s.st.Silences(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[incident.Key]incident.Silence, len(ss))
	for _, x := range ss {
		out[x.Key] = incident.Silence{Until: x.Until, By: x.By}
	}
	return out, nil
}
