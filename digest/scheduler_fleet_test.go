package digest

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fleetStore is the store of a fleet: its digest runs and claims are shared
// by every bot's scheduler.
type fleetStore struct {
	*fakeStore
	mu     sync.Mutex
	claims map[string]claim // channel@due -> holder
}

type claim struct {
	holder string
	until  time.Time
}

// botView is one bot's handle on the shared store: it claims as holder.
type botView struct {
	*fleetStore
	holder string
}

func (b botView) ClaimDigestRun(_ context.Context, ch string, due time.Time, lease time.Duration) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	k := ch + "@" + due.UTC().String()
	c, ok := b.claims[k]
	if ok && c.holder != b.holder && c.until.After(time.Now()) {
		return false, nil
	}
	b.claims[k] = claim{b.holder, time.Now().Add(lease)}
	return true, nil
}

// Three bots of a fleet on one schedule: each run is sent exactly once.
func TestFleetSchedulersSendEachRunOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		shared := &fleetStore{fakeStore: &fakeStore{runs: map[string]time.Time{}}, claims: map[string]claim{}}
		sender := &fakeSender{} // Slack: every bot posts to the same channel
		jobs := []Job{{Channel: "#fleet", Scope: Everything}}
		ctx, cancel := context.WithCancel(t.Context())
		var wg sync.WaitGroup
		for _, b := range []string{"eu-1", "us-1", "ap-1"} {
			s, err := NewScheduler(botView{shared, b}, sender, jobs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			wg.Go(func() { s.Run(ctx) })
		}
		time.Sleep(57 * time.Hour)
		cancel()
		wg.Wait()
		if got, want := sender.log(), "#fleet@Jan 1 09:00 #fleet@Jan 2 09:00 #fleet@Jan 3 09:00"; got != want {
			t.Fatalf("sent %q, want %q", got, want)
		}
	})
}

// The bot that claimed a run died before sending it: another bot of the
// fleet, waiting for the run, sends it once the claim's lease has run out.
func TestFleetSchedulerTakesOverADeadClaim(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		shared := &fleetStore{fakeStore: &fakeStore{runs: map[string]time.Time{}}, claims: map[string]claim{}}
		due := bubbleStart.Add(9 * time.Hour)
		// eu-1 claimed the 09:00 run for 5 minutes, then died.
		shared.claims["#fleet@"+due.String()] = claim{"eu-1", due.Add(5 * time.Minute)}
		sender := &fakeSender{}
		jobs := []Job{{Channel: "#fleet", Scope: Everything}}
		got := runFor(t, botView{shared, "us-1"}, sender, jobs, Options{ClaimLease: 5 * time.Minute}, 10*time.Hour)
		if want := "#fleet@Jan 1 09:05"; got != want {
			t.Fatalf("sent %q, want %q (after the dead bot's lease)", got, want)
		}
		if !shared.runs["#fleet"].Equal(due.Add(5*time.Minute + 2*time.Second)) { // looked at 2s, 6s, 14s, 30s, then every minute
			t.Fatalf("recorded run %v", shared.runs["#fleet"])
		}
	})
}
