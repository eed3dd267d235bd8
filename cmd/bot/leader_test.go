package main

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"
	"k8s.io/client-go/tools/leaderelection/resourcelock"
)

// newTestElector is an elector of identity id over client's Lease, with
// lease_duration 15s, renew_deadline 10s and retry_period 2s (the
// defaults).
func newTestElector(t *testing.T, client *fake.Clientset, id string, release bool) *elector {
	t.Helper()
	lock, err := resourcelock.New(resourcelock.LeasesResourceLock, "bots", "crashloop-bot",
		client.CoreV1(), client.CoordinationV1(), resourcelock.ResourceLockConfig{Identity: id})
	if err != nil {
		t.Fatal(err)
	}
	return &elector{lock: lock, id: id, leaseDuration: 15 * time.Second, renewDeadline: 10 * time.Second,
		retryPeriod: 2 * time.Second, release: release, now: time.Now, log: slog.New(slog.DiscardHandler)}
}

// leading runs e and reports, on the returned channel, when it starts
// leading; its lead blocks until ctx ends.
func leading(ctx context.Context, e *elector) (started chan time.Time, done chan error) {
	started, done = make(chan time.Time, 1), make(chan error, 1)
	go func() {
		done <- e.run(ctx, func(ctx context.Context) error {
			started <- time.Now()
			<-ctx.Done()
			return nil
		})
	}()
	return started, done
}

// TestFailoverWithinLeaseDurationPlusRetry: a leader that dies without a
// word (no step-down) is replaced within lease_duration + retry_period of
// its last renewal, whatever the phase of the standby's polling; a leader
// that steps down is replaced within a retry period.
func TestFailoverWithinLeaseDurationPlusRetry(t *testing.T) {
	for _, offset := range []time.Duration{0, 300 * time.Millisecond, 1100 * time.Millisecond, 1900 * time.Millisecond} {
		synctest.Test(t, func(t *testing.T) {
			client := fake.NewClientset()
			a := newTestElector(t, client, "a", false)
			aCtx, killA := context.WithCancel(t.Context())
			aStarted, aDone := leading(aCtx, a)
			<-aStarted
			time.Sleep(offset) // the standby polls in some phase of the leader's renewals
			b := newTestElector(t, client, "b", true)
			bCtx, stopB := context.WithCancel(t.Context())
			bStarted, bDone := leading(bCtx, b)
			time.Sleep(7 * time.Second)
			select {
			case <-bStarted:
				t.Fatal("the standby took a live lease")
			default:
			}
			killA() // no step-down: the lease must expire
			<-aDone
			lastRenew := a.lastRenew
			took := (<-bStarted).Sub(lastRenew)
			if max := b.leaseDuration + b.retryPeriod; took > max {
				t.Errorf("offset %v: the standby led %v after the last renewal, want at most %v", offset, took, max)
			}
			if took < b.leaseDuration {
				t.Errorf("offset %v: the standby led %v after the last renewal, before the lease expired", offset, took)
			}
			if b.unchangedFor < b.leaseDuration {
				t.Errorf("taken over after the lease was unchanged for %v", b.unchangedFor)
			}

			// b steps down on a clean stop; a new standby leads within a
			// retry period.
			c := newTestElector(t, client, "c", true)
			cStarted, cDone := leading(t.Context(), c)
			time.Sleep(5 * time.Second)
			stopB()
			if err := <-bDone; err != nil {
				t.Fatal(err)
			}
			stepped := time.Now()
			if took := (<-cStarted).Sub(stepped); took > c.retryPeriod {
				t.Errorf("after a step-down the standby led after %v, want within %v", took, c.retryPeriod)
			}
			_ = cDone
		})
	}
}

// TestLeaderStopsBeforeTheLeaseCanPass: a leader that cannot renew stops
// leading within renew_deadline, before a standby may take the lease.
func TestLeaderStopsBeforeTheLeaseCanPass(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client := fake.NewClientset()
		var away atomic.Bool
		client.PrependReactor("*", "leases", func(k8stesting.Action) (bool, runtime.Object, error) {
			if away.Load() {
				return true, nil, apierrors.NewServiceUnavailable("etcd is away")
			}
			return false, nil, nil
		})
		a := newTestElector(t, client, "a", false)
		var stopped time.Time
		done := make(chan error, 1)
		started := make(chan time.Time, 1)
		go func() {
			done <- a.run(t.Context(), func(ctx context.Context) error {
				started <- time.Now()
				<-ctx.Done()
				stopped = time.Now()
				return nil
			})
		}()
		<-started
		time.Sleep(5 * time.Second)
		away.Store(true) // the API server stops answering the leader
		if err := <-done; err != errLostLease {
			t.Fatalf("run = %v, want errLostLease", err)
		}
		renewed := a.lastRenew
		if d := stopped.Sub(renewed); d > a.renewDeadline+a.retryPeriod || d >= a.leaseDuration {
			t.Errorf("the leader stopped %v after its last renewal, want within renew_deadline and before the lease expires", d)
		}
	})
}
