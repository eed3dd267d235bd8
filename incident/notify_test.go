package incident

import (
	"sync"
	"testing"
	"time"
)

func TestNeedsNotify(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	p := policy{groupWait: 5 * time.Second, updateEvery: 30 * time.Second}
	hour := now.Add(time.Hour)
	noWait := policy{updateEvery: p.updateEvery}
	for _, tc := range []struct {
		name string
		t    tracked
		want Reason
		ok   bool
		p    *policy // default p
	}{
		{"pending within the group-wait", tracked{Incident: Incident{State: Pending, OpenedAt: now.Add(-4 * time.Second)}}, Waiting, false, nil},
		{"pending, group-wait over", tracked{Incident: Incident{State: Pending, OpenedAt: now.Add(-5 * time.Second)}}, FirstNotification, true, nil},
		{"group-wait 0", tracked{Incident: Incident{State: Pending, OpenedAt: now}}, FirstNotification, true, &noWait},
		{"pending, silenced", tracked{Incident: Incident{State: Pending, OpenedAt: now.Add(-time.Minute), SilencedUntil: hour}, shownSilence: hour}, Silenced, false, nil},
		{"pending, silence ran out", tracked{Incident: Incident{State: Pending, OpenedAt: now.Add(-time.Minute), SilencedUntil: now}}, FirstNotification, true, nil},
		{"open, unchanged", tracked{Incident: Incident{State: Open}, notifiedAt: now.Add(-time.Hour)}, NoChange, false, nil},
		{"open, changed, throttled", tracked{Incident: Incident{State: Open}, dirty: true, notifiedAt: now.Add(-29 * time.Second)}, Throttled, false, nil},
		{"open, changed, interval over", tracked{Incident: Incident{State: Open}, dirty: true, notifiedAt: now.Add(-30 * time.Second)}, Updated, true, nil},
		{"open, loaded from the store", tracked{Incident: Incident{State: Open}, dirty: true}, Updated, true, nil},
		{"open, changed, silenced", tracked{Incident: Incident{State: Open, SilencedUntil: hour}, shownSilence: hour, dirty: true, notifiedAt: now.Add(-time.Hour)}, Silenced, false, nil},
		{"open, silence just set", tracked{Incident: Incident{State: Open, SilencedUntil: hour}, notifiedAt: now.Add(-time.Second)}, Updated, true, nil},
		{"open, silence lifted", tracked{Incident: Incident{State: Open}, shownSilence: hour, notifiedAt: now.Add(-time.Second)}, Updated, true, nil},
		{"open, silence ran out", tracked{Incident: Incident{State: Open, SilencedUntil: now.Add(-time.Second)}, shownSilence: now.Add(-time.Second), notifiedAt: now.Add(-time.Second)}, Updated, true, nil},
		{"resolved", tracked{Incident: Incident{State: Resolved}, notifiedAt: now.Add(-time.Second)}, ResolvedReason, true, nil},
		{"resolved while silenced", tracked{Incident: Incident{State: Resolved, SilencedUntil: hour}, shownSilence: hour}, ResolvedReason, true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.t.OpenedAt.IsZero() {
				tc.t.OpenedAt = now.Add(-time.Hour)
			}
			pol := p
			if tc.p != nil {
				pol = *tc.p
			}
			got, ok := pol.needsNotify(&tc.t, now)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("needsNotify = %s, %v; want %s, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestRediagnosisClaims(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	r := NewRediagnosis(time.Minute)
	other := apiKey
	other.Name = "other"
	for _, step := range []struct {
		key  Key
		at   time.Duration
		want bool
	}{
		{apiKey, 0, true},                 // first crash: diagnose
		{apiKey, time.Second, false},      // a replica a second later: count it
		{other, time.Second, true},        // another workload
		{apiKey, 59 * time.Second, false}, // still within a minute
		{apiKey, 60 * time.Second, true},  // a minute on: diagnose again
		{apiKey, 61 * time.Second, false},
	} {
		if got := r.Claim(step.key, now.Add(step.at)); got != step.want {
			t.Fatalf("Claim(%s, +%s) = %v, want %v", step.key.Name, step.at, got, step.want)
		}
	}
	r.Release(apiKey) // that diagnosis failed
	if !r.Claim(apiKey, now.Add(62*time.Second)) {
		t.Fatal("a released claim must let the next crash diagnose")
	}
}

// TestRediagnosisOneClaimAtATime: replicas crashing at once, looked at by
// several workers, cost one diagnosis.
func TestRediagnosisOneClaimAtATime(t *testing.T) {
	r := NewRediagnosis(time.Minute)
	now := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	claims := 0
	for range 16 {
		wg.Go(func() {
			if r.Claim(apiKey, now) {
				mu.Lock()
				claims++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if claims != 1 {
		t.Fatalf("%d claims, want 1", claims)
	}
}
