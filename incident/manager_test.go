package incident

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"k8s.io/apimachinery/pkg/labels"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

type recorder struct {
	mu    sync.Mutex
	notes []Notification
}

func (r *recorder) Notify(n Notification) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notes = append(r.notes, n)
}

func (r *recorder) reasons() []Reason {
	var out []Reason
	for _, n := range r.notes {
		out = append(out, n.Reason)
	}
	return out
}

type memStore struct{ m map[string]Incident }

func (s *memStore) Active(context.Context) ([]Incident, error) {
	var out []Incident
	for _, i := range s.m {
		if i.State != Resolved {
			out = append(out, i)
		}
	}
	return out, nil
}
func (s *memStore) Save(_ context.Context, i Incident) error { s.m[i.ID] = i; return nil }

type fakeHealth struct {
	since time.Time
	ok    bool
}

func (h *fakeHealth) CheckHealth(context.Context, Incident) (Health, error) {
	return Health{OK: h.ok, Since: h.since, Pods: 1}, nil
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

var apiKey = Key{Cluster: "prod", Namespace: "shop", Kind: "Deployment", Name: "api", Container: "api"}

func obs(pod string, restarts int32, at time.Time, cat diagnose.Category) Observation {
	return Observation{
		Key: apiKey, Pod: pod, Restarts: restarts, CrashedAt: at,
		Labels: map[string]string{"app": "api"},
		Report: diagnose.Report{Pod: "shop/" + pod, Finding: diagnose.Finding{Container: "api", Category: cat, Summary: string(cat)}},
	}
}

// fakeSilences is the store's silences.
type fakeSilences struct {
	mu sync.Mutex
	m  map[Key]Silence
}

func (f *fakeSilences) ActiveSilences(context.Context) (map[Key]Silence, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[Key]Silence{}
	for k, s := range f.m {
		out[k] = s
	}
	return out, nil
}

func (f *fakeSilences) set(k Key, s Silence) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if s.Until.IsZero() {
		delete(f.m, k)
		return
	}
	f.m[k] = s
}

// kinds lists the kinds of a notification's notes.
func kinds(n Notification) []NoteKind {
	var out []NoteKind
	for _, x := range n.Notes {
		out = append(out, x.Kind)
	}
	return out
}

func newTestManager(t *testing.T) (*Manager, *recorder, *memStore, *fakeHealth, *clock) {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	r, s, h := &recorder{}, &memStore{m: map[string]Incident{}}, &fakeHealth{}
	m := NewManager(s, r, h, Options{
		GroupWait: 5 * time.Second, ResolveAfter: 10 * time.Minute, UpdateEvery: 30 * time.Second,
		DefaultChannel: "#alerts", Now: c.now, Silences: &fakeSilences{m: map[Key]Silence{}},
		Routes: []Route{
			{Namespaces: []string{"payments"}, Channel: "#payments"},
			{Selector: labels.SelectorFromSet(labels.Set{"team": "search"}), Channel: "#search"},
		},
	})
	return m, r, s, h, c
}

func TestBurstBecomesOneMessageAfterGroupWait(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := newTestManager(t)
	for i, pod := range []string{"api-1", "api-2", "api-3"} {
		m.observe(ctx, obs(pod, int32(i+1), c.now(), diagnose.OOMKilled))
		c.advance(time.Second)
	}
	m.flush(ctx)
	if len(r.notes) != 0 {
		t.Fatalf("notified before group-wait: %v", r.reasons())
	}
	c.advance(3 * time.Second)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 1 || got[0] != FirstNotification {
		t.Fatalf("reasons = %v, want one first_notification", got)
	}
	inc := r.notes[0].Incident
	if inc.PodCount != 3 || inc.Restarts != 3 || inc.Channel != "#alerts" || inc.State != Open {
		t.Fatalf("incident = %+v", inc)
	}
	if inc.Labels["app"] != "api" {
		t.Errorf("incident labels = %v, want the pod's (digest scopes match them)", inc.Labels)
	}
	m.flush(ctx)
	if len(r.notes) != 1 {
		t.Fatalf("unchanged incident notified again: %v", r.reasons())
	}
}

func TestUpdatesAreThrottledAndCarryThreadNotes(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	m.observe(ctx, obs("api-2", 2, c.now(), diagnose.AppCrash))
	c.advance(time.Second)
	m.flush(ctx) // within UpdateEvery: nothing yet
	if len(r.notes) != 1 {
		t.Fatalf("update not throttled: %v", r.reasons())
	}
	m.observe(ctx, obs("api-2", 3, c.now(), diagnose.OOMKilled))
	c.advance(30 * time.Second)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 2 || got[1] != Updated {
		t.Fatalf("reasons = %v", got)
	}
	up := r.notes[1]
	if up.Incident.PodCount != 2 || up.Incident.Restarts != 3 || up.Incident.Report.Category != diagnose.OOMKilled {
		t.Fatalf("update incident = %+v", up.Incident)
	}
	if len(up.Notes) != 2 || up.Notes[0] != (Note{Kind: PodCrashing, Pod: "api-2", Pods: 2}) ||
		up.Notes[1].Kind != DiagnosisChanged || up.Notes[1].From != diagnose.AppCrash || up.Notes[1].To != diagnose.OOMKilled {
		t.Fatalf("notes = %+v", up.Notes)
	}
}

func TestLightObservationKeepsDiagnosis(t *testing.T) {
	ctx := t.Context()
	m, _, _, _, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.ConfigError))
	c.advance(time.Second)
	m.observe(ctx, Observation{Key: apiKey, Pod: "api-2", Restarts: 4, CrashedAt: c.now()})
	inc := m.active[apiKey].Incident
	if inc.Report.Category != diagnose.ConfigError || inc.PodCount != 2 || inc.Restarts != 4 || !inc.LastCrashAt.Equal(c.now()) {
		t.Fatalf("incident = %+v", inc)
	}
}

func TestResolveAfterHealthyThenReopenAsNewIncident(t *testing.T) {
	ctx := t.Context()
	m, r, s, h, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	first := r.notes[0].Incident.ID

	h.ok, h.since = true, c.now()
	c.advance(9 * time.Minute)
	m.checkRecovery(ctx)
	if len(r.notes) != 1 {
		t.Fatalf("resolved before resolve_after: %v", r.reasons())
	}
	c.advance(time.Minute)
	m.checkRecovery(ctx)
	if got := r.reasons(); len(got) != 2 || got[1] != ResolvedReason {
		t.Fatalf("reasons = %v", got)
	}
	res := r.notes[1]
	if res.Incident.State != Resolved || len(res.Notes) != 1 || res.Notes[0].Kind != Recovered || res.Notes[0].Pods != 1 ||
		!res.Notes[0].Since.Equal(c.now().Add(-10*time.Minute)) {
		t.Fatalf("resolution = %+v / %+v", res.Incident.State, res.Notes)
	}
	if s.m[first].State != Resolved {
		t.Fatalf("store not updated: %+v", s.m[first])
	}

	c.advance(time.Hour)
	m.observe(ctx, obs("api-9", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 3 || got[2] != FirstNotification || r.notes[2].Incident.ID == first {
		t.Fatalf("crash after resolution must open a new incident: %v", got)
	}
}

func TestNotHealthyKeepsIncidentOpen(t *testing.T) {
	ctx := t.Context()
	m, r, _, h, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	h.ok = false
	c.advance(time.Hour)
	m.checkRecovery(ctx)
	if len(r.notes) != 1 || m.active[apiKey] == nil {
		t.Fatalf("unhealthy workload resolved: %v", r.reasons())
	}
}

func TestRouting(t *testing.T) {
	m, _, _, _, _ := newTestManager(t)
	for _, tc := range []struct {
		ns     string
		labels map[string]string
		want   string
	}{
		{"payments", nil, "#payments"},
		{"web", map[string]string{"team": "search"}, "#search"},
		{"web", map[string]string{"team": "other"}, "#alerts"},
	} {
		o := Observation{Key: Key{Namespace: tc.ns}, Labels: tc.labels}
		if got := m.route(o); got != tc.want {
			t.Errorf("route(%s, %v) = %s, want %s", tc.ns, tc.labels, got, tc.want)
		}
	}
}

// TestRestartContinuesIncidents: a new Manager over the same store
// refreshes the incident at once instead of announcing it again (where its
// message is, is the notifier's business), then counts new crashes into it.
func TestRestartContinuesIncidents(t *testing.T) {
	ctx := t.Context()
	m, r, s, _, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	id := r.notes[0].Incident.ID

	r2 := &recorder{}
	m2 := NewManager(s, r2, &fakeHealth{}, Options{GroupWait: 5 * time.Second, UpdateEvery: 30 * time.Second, DefaultChannel: "#alerts", Now: c.now})
	if err := m2.load(ctx); err != nil {
		t.Fatal(err)
	}
	c.advance(time.Minute)
	m2.observe(ctx, obs("api-1", 7, c.now(), diagnose.AppCrash))
	m2.flush(ctx)
	if got := r2.reasons(); len(got) != 1 || got[0] != Updated || r2.notes[0].Incident.ID != id || r2.notes[0].Incident.Restarts != 7 {
		t.Fatalf("after restart got %v for %+v", got, r2.notes)
	}
}

func TestSilenceShowsOnceThenMutesUntilItEnds(t *testing.T) {
	ctx := t.Context()
	m, r, _, h, c := newTestManager(t)
	sil := m.opts.Silences.(*fakeSilences)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)

	// A command wrote the silence to the store and told the manager.
	until := c.now().Add(time.Hour)
	sil.set(apiKey, Silence{Until: until, By: "U123"})
	m.refreshSilences(ctx)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 2 || got[1] != Updated || !r.notes[1].Incident.SilencedUntil.Equal(until) ||
		len(r.notes[1].Notes) != 1 || r.notes[1].Notes[0] != (Note{Kind: SilenceSet, Until: until, By: "U123"}) {
		t.Fatalf("silencing must update the message once: %v %+v", got, r.notes[len(r.notes)-1].Notes)
	}
	m.observe(ctx, obs("api-2", 5, c.now(), diagnose.AppCrash))
	c.advance(time.Minute)
	m.refreshSilences(ctx)
	m.flush(ctx)
	if len(r.notes) != 2 {
		t.Fatalf("silenced incident was updated: %v", r.reasons())
	}
	c.advance(time.Hour)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 3 || got[2] != Updated || r.notes[2].Incident.PodCount != 2 ||
		!r.notes[2].Incident.SilencedUntil.IsZero() || !slices.Contains(kinds(r.notes[2]), SilenceEnded) {
		t.Fatalf("after the silence the held-back change must go out: %v %v", got, kinds(r.notes[len(r.notes)-1]))
	}
	h.ok, h.since = true, c.now().Add(-time.Hour)
	m.checkRecovery(ctx)
	if got := r.reasons(); got[len(got)-1] != ResolvedReason {
		t.Fatalf("reasons = %v", got)
	}
}

func TestSilenceLiftedEarlyIsShown(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := newTestManager(t)
	sil := m.opts.Silences.(*fakeSilences)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	sil.set(apiKey, Silence{Until: c.now().Add(time.Hour), By: "U1"})
	m.refreshSilences(ctx)
	m.flush(ctx)
	sil.set(apiKey, Silence{})
	m.refreshSilences(ctx)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 3 || got[2] != Updated || len(r.notes[2].Notes) != 1 || r.notes[2].Notes[0].Kind != SilenceLifted {
		t.Fatalf("lifting a silence must show at once: %v", got)
	}
}

func TestSilencedNewIncidentWaitsForTheSilence(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := newTestManager(t)
	sil := m.opts.Silences.(*fakeSilences)
	sil.set(apiKey, Silence{Until: c.now().Add(time.Hour), By: "U1"})
	m.refreshSilences(ctx)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.OOMKilled))
	c.advance(time.Minute)
	m.flush(ctx)
	if len(r.notes) != 0 {
		t.Fatalf("silenced key announced: %v", r.reasons())
	}
	sil.set(apiKey, Silence{})
	m.refreshSilences(ctx)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 1 || got[0] != FirstNotification || len(r.notes[0].Notes) != 0 {
		t.Fatalf("after unsilence: %v %+v", got, r.notes)
	}
}

// TestSilencesChangedIsRead: a silence written to the store by a command
// reaches a running manager as soon as it is told, without waiting for the
// periodic read.
func TestSilencesChangedIsRead(t *testing.T) {
	sil := &fakeSilences{m: map[Key]Silence{}}
	r := &recorder{}
	m := NewManager(&memStore{m: map[string]Incident{}}, r, &fakeHealth{}, Options{
		GroupWait: time.Millisecond, CheckEvery: time.Hour, UpdateEvery: time.Hour, DefaultChannel: "#a", Silences: sil,
	})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() { done <- m.Run(ctx) }()
	defer func() { cancel(); <-done }()
	m.Observe(ctx, obs("api-1", 1, time.Now(), diagnose.AppCrash))
	waitNotes(t, r, 1)
	sil.set(apiKey, Silence{Until: time.Now().Add(time.Hour), By: "alice"})
	m.SilencesChanged()
	waitNotes(t, r, 2)
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := r.notes[1]; n.Reason != Updated || len(n.Notes) != 1 || n.Notes[0].Kind != SilenceSet || n.Notes[0].By != "alice" {
		t.Fatalf("second notification = %+v", n)
	}
}

// waitNotes waits until r holds n notifications.
func waitNotes(t *testing.T, r *recorder, n int) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		r.mu.Lock()
		got := len(r.notes)
		r.mu.Unlock()
		if got >= n {
			return
		}
		select {
		case <-deadline:
			t.Fatalf("%d notifications, want %d", got, n)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestUnknownReadyTimeCountsFromTheLastCrash: a health check that cannot
// say since when the pods are ready resolves resolve_after after the last
// crash, not at once.
func TestUnknownReadyTimeCountsFromTheLastCrash(t *testing.T) {
	ctx := t.Context()
	m, r, _, h, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	h.ok, h.since = true, time.Time{}
	m.checkRecovery(ctx)
	if len(r.notes) != 1 {
		t.Fatalf("resolved at once with an unknown ready time: %v", r.reasons())
	}
	c.advance(10 * time.Minute)
	m.checkRecovery(ctx)
	if got := r.reasons(); len(got) != 2 || got[1] != ResolvedReason {
		t.Fatalf("reasons = %v", got)
	}
}

// TestRunWritesEveryChangeBeforeReturning: saves go to the store behind
// the manager's back, and none is lost when Run stops.
func TestRunWritesEveryChangeBeforeReturning(t *testing.T) {
	s := &memStore{m: map[string]Incident{}}
	r := &recorder{}
	m := NewManager(s, r, &fakeHealth{}, Options{GroupWait: 0, UpdateEvery: time.Nanosecond, CheckEvery: time.Hour, DefaultChannel: "#a"})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() { done <- m.Run(ctx) }()
	for i := range 20 {
		m.Observe(ctx, obs("api-1", int32(i+1), time.Now(), diagnose.AppCrash))
	}
	// The manager has seen the last crash once it tells about it.
	deadline := time.After(10 * time.Second)
	for {
		r.mu.Lock()
		n := len(r.notes)
		seen := n > 0 && r.notes[n-1].Incident.Restarts == 20
		r.mu.Unlock()
		if seen {
			break
		}
		select {
		case <-deadline:
			t.Fatal("the last crash was never notified")
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	<-done
	if len(s.m) != 1 {
		t.Fatalf("%d incidents stored, want 1", len(s.m))
	}
	for _, inc := range s.m {
		if inc.Restarts != 20 || inc.State != Open {
			t.Fatalf("stored incident = restarts %d, state %s; want the last change (20, open)", inc.Restarts, inc.State)
		}
	}
}

// flakyStore fails its first reads of the open incidents, as a database
// that is restarting does.
type flakyStore struct {
	memStore
	fails, calls atomic.Int32
}

func (s *flakyStore) Active(ctx context.Context) ([]Incident, error) {
	s.calls.Add(1)
	if s.fails.Add(-1) >= 0 {
		return nil, errors.New("database unavailable")
	}
	return s.memStore.Active(ctx)
}

// TestRunWaitsForTheStore: a store that cannot be read when the manager
// starts is retried, not fatal; the crash seen meanwhile is announced
// once the store answers.
func TestRunWaitsForTheStore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := &flakyStore{memStore: memStore{m: map[string]Incident{}}}
		st.fails.Store(2)
		r := &recorder{}
		m := NewManager(st, r, &fakeHealth{}, Options{
			GroupWait: time.Second, CheckEvery: time.Hour, UpdateEvery: time.Hour, DefaultChannel: "#a",
			Silences: &fakeSilences{m: map[Key]Silence{}}, Logger: slog.New(slog.DiscardHandler),
		})
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- m.Run(ctx) }()
		m.Observe(ctx, obs("api-1", 1, time.Now(), diagnose.AppCrash))
		synctest.Wait()
		if n := st.calls.Load(); n != 1 {
			t.Fatalf("%d reads before the first retry, want 1", n)
		}
		time.Sleep(5 * time.Second) // retries after 1 s and 2 s, then the group-wait
		synctest.Wait()
		if n := st.calls.Load(); n != 3 {
			t.Errorf("%d reads of the open incidents, want 3 (two failures, then success)", n)
		}
		r.mu.Lock()
		got := r.reasons()
		r.mu.Unlock()
		if len(got) != 1 || got[0] != FirstNotification {
			t.Errorf("notifications %v, want the crash announced once the store answered", got)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
}

// TestRunGivesUpOnAStoreThatNeverAnswers: a store unreadable for
// loadPatience (no permission, a broken file) ends Run with its error, so
// the failure shows instead of a bot that never alerts.
func TestRunGivesUpOnAStoreThatNeverAnswers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := &flakyStore{memStore: memStore{m: map[string]Incident{}}}
		st.fails.Store(1 << 20)
		m := NewManager(st, &recorder{}, &fakeHealth{}, Options{
			GroupWait: time.Second, DefaultChannel: "#a",
			Silences: &fakeSilences{m: map[Key]Silence{}}, Logger: slog.New(slog.DiscardHandler),
		})
		start := time.Now()
		err := m.Run(t.Context())
		if err == nil || !strings.Contains(err.Error(), "database unavailable") {
			t.Fatalf("Run = %v, want the store's error", err)
		}
		if waited := time.Since(start); waited < loadPatience || waited > loadPatience+30*time.Second {
			t.Errorf("gave up after %s, want about %s", waited, loadPatience)
		}
	})
}
