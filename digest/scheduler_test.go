package digest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
	_ "time/tzdata" // CRON_TZ zones on machines without zoneinfo

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// fakeStore is a Store in memory.
type fakeStore struct {
	mu   sync.Mutex
	incs []incident.Incident
	runs map[string]time.Time
}

func (f *fakeStore) History(context.Context, time.Time) ([]incident.Incident, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.incs, nil
}

func (f *fakeStore) LastDigest(_ context.Context, ch string) (time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.runs[ch], nil
}

func (f *fakeStore) RecordDigest(_ context.Context, ch string, at time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if at.After(f.runs[ch]) {
		f.runs[ch] = at
	}
	return nil
}

// fakeSender records each attempt and fails the first `fail` of them.
type fakeSender struct {
	mu       sync.Mutex
	fail     int
	attempts []string // "channel@time" in UTC, "!" marks a failure
}

func (f *fakeSender) SendDigest(_ context.Context, ch string, d Digest) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	entry := ch + "@" + time.Now().UTC().Format("Jan 2 15:04")
	if !d.To.Equal(time.Now()) {
		return fmt.Errorf("digest ends at %s, not now", d.To)
	}
	if f.fail > 0 {
		f.fail--
		f.attempts = append(f.attempts, entry+"!")
		return errors.New("slack is down")
	}
	f.attempts = append(f.attempts, entry)
	return nil
}

func (f *fakeSender) log() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.attempts, " ")
}

// The synctest bubble's clock starts at 2000-01-01 00:00 UTC.
var bubbleStart = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// runFor runs a scheduler over st for d of fake time and returns what was sent.
func runFor(t *testing.T, st Store, sender *fakeSender, jobs []Job, opts Options, d time.Duration) string {
	t.Helper()
	s, err := NewScheduler(st, sender, jobs, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	time.Sleep(d)
	cancel()
	<-done
	return sender.log()
}

func TestScheduler(t *testing.T) {
	daily := []Job{{Channel: "#ops", Spec: "0 9 * * *", Scope: Everything}}
	for _, tc := range []struct {
		name    string
		jobs    []Job
		lastRun time.Time // recorded before the bot starts; zero for none
		fail    int
		runFor  time.Duration
		want    string
		wantRun time.Time // recorded at the end
	}{
		{name: "first start sends nothing until the schedule says so", jobs: daily, runFor: 34 * time.Hour,
			want: "#ops@Jan 1 09:00 #ops@Jan 2 09:00", wantRun: bubbleStart.Add(33 * time.Hour)},
		{name: "up to date: no catch-up", jobs: daily, lastRun: bubbleStart.Add(-15 * time.Hour), runFor: 10 * time.Hour,
			want: "#ops@Jan 1 09:00", wantRun: bubbleStart.Add(9 * time.Hour)},
		{name: "missed run is sent once on start", jobs: daily, lastRun: bubbleStart.Add(-39 * time.Hour), runFor: 10 * time.Hour,
			want: "#ops@Jan 1 00:00 #ops@Jan 1 09:00", wantRun: bubbleStart.Add(9 * time.Hour)},
		{name: "three missed days still send one", jobs: daily, lastRun: bubbleStart.Add(-87 * time.Hour), runFor: time.Hour,
			want: "#ops@Jan 1 00:00", wantRun: bubbleStart},
		{name: "failed send is retried with backoff, then recorded", jobs: daily, fail: 3, runFor: 10 * time.Hour,
			want: "#ops@Jan 1 09:00! #ops@Jan 1 09:01! #ops@Jan 1 09:03! #ops@Jan 1 09:07", wantRun: bubbleStart.Add(9*time.Hour + 7*time.Minute)},
		{name: "a send failing all day is not recorded; the next run starts afresh", jobs: daily, fail: 1000, runFor: 34 * time.Hour,
			want: "", wantRun: time.Time{}},
		{name: "time zones: CRON_TZ and Location", runFor: 24 * time.Hour, jobs: []Job{
			{Channel: "#tokyo", Spec: "CRON_TZ=Asia/Tokyo 30 9 * * *", Scope: Everything},
			{Channel: "#ny", Spec: "0 9 * * *", Location: time.FixedZone("EST", -5*3600), Scope: Everything},
		}, want: "#tokyo@Jan 1 00:30 #ny@Jan 1 14:00"},
		// 2000-01-01 is a Saturday: the weekly default is Monday 09:00.
		{name: "weekly: Mondays at 09:00 by default", runFor: 10 * 24 * time.Hour, jobs: []Job{
			{Channel: "#weekly", Window: Week, Scope: Everything},
		}, want: "#weekly@Jan 3 09:00 #weekly@Jan 10 09:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				st := &fakeStore{runs: map[string]time.Time{}}
				if !tc.lastRun.IsZero() {
					st.runs["#ops"] = tc.lastRun
				}
				sender := &fakeSender{fail: tc.fail}
				got := runFor(t, st, sender, tc.jobs, Options{}, tc.runFor)
				if tc.fail >= 1000 {
					// Retries stop when the next run is due, which starts anew.
					if !strings.HasPrefix(got, "#ops@Jan 1 09:00! #ops@Jan 1 09:01!") || !strings.Contains(got, "#ops@Jan 2 08:31! #ops@Jan 2 09:00! #ops@Jan 2 09:01!") {
						t.Errorf("attempts: %s", got)
					}
				} else if got != tc.want {
					t.Errorf("sent  %q\nwant  %q", got, tc.want)
				}
				if len(tc.jobs) == 1 && !st.runs["#ops"].Equal(tc.wantRun) && !(tc.wantRun.IsZero() && st.runs["#ops"].Equal(tc.lastRun)) {
					t.Errorf("recorded run %v, want %v", st.runs["#ops"], tc.wantRun)
				}
			})
		})
	}
}

// A restart right after a digest went out sends nothing twice.
func TestSchedulerRestartDoesNotDouble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := &fakeStore{runs: map[string]time.Time{}}
		jobs := []Job{{Channel: "#ops", Scope: Everything}}
		first := runFor(t, st, &fakeSender{}, jobs, Options{}, 9*time.Hour+time.Minute)
		second := runFor(t, st, &fakeSender{}, jobs, Options{}, 23*time.Hour)
		if first != "#ops@Jan 1 09:00" || second != "" {
			t.Fatalf("first run sent %q, second %q", first, second)
		}
	})
}

func TestNewSchedulerRejects(t *testing.T) {
	for _, jobs := range [][]Job{
		{{Channel: "#a", Spec: "0 9 * *", Scope: Everything}},
		{{Channel: "#a", Spec: "CRON_TZ=Nowhere/Land 0 9 * * *", Scope: Everything}},
		{{Channel: "#a", Scope: Everything}, {Channel: "#a", Scope: Everything}},
		{{Spec: "0 9 * * *", Scope: Everything}},
		{{Channel: "#a"}}, // no scope: fail closed
	} {
		if _, err := NewScheduler(&fakeStore{}, &fakeSender{}, jobs, Options{}); err == nil {
			t.Errorf("%+v accepted", jobs)
		}
	}
}

// scopeSender records which namespaces each channel's digest showed and
// over which window.
type scopeSender struct {
	mu   sync.Mutex
	seen map[string]string
}

func (s *scopeSender) SendDigest(_ context.Context, ch string, d Digest) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen[ch] = fmt.Sprintf("%v %s", d.ByNamespace, FormatDuration(d.Window))
	return nil
}

// Each job's digest is built with its own scope and window.
func TestSchedulerScopesEachJob(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		at := bubbleStart.Add(8 * time.Hour)
		inc := func(ns string) incident.Incident {
			return incident.Incident{ID: ns, State: incident.Open, OpenedAt: at,
				Key: incident.Key{Namespace: ns, Kind: "Deployment", Name: "api", Container: "api"}}
		}
		st := &fakeStore{runs: map[string]time.Time{}, incs: []incident.Incident{inc("pay"), inc("shop")}}
		sender := &scopeSender{seen: map[string]string{}}
		s, err := NewScheduler(st, sender, []Job{
			{Channel: "#pay", Spec: "0 9 * * *", Scope: NamespaceScope{Terms: []ScopeTerm{{Namespaces: []string{"pay"}}}}},
			{Channel: "#shop", Spec: "0 9 * * *", Window: Week, Scope: NamespaceScope{Terms: []ScopeTerm{{Namespaces: []string{"shop"}}}}},
			{Channel: "#all", Spec: "0 9 * * *", Scope: Everything},
		}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() { s.Run(ctx); close(done) }()
		time.Sleep(10 * time.Hour)
		cancel()
		<-done
		want := map[string]string{"#pay": "[{pay 1}] 24h", "#shop": "[{shop 1}] 7d", "#all": "[{pay 1} {shop 1}] 24h"}
		for ch, w := range want {
			if got := sender.seen[ch]; got != w {
				t.Errorf("%s got %q, want %q", ch, got, w)
			}
		}
	})
}
