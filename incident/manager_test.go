package incident

import (
	"context"
	"strings"
	"sync"
	"testing"
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

func newTestManager(t *testing.T) (*Manager, *recorder, *memStore, *fakeHealth, *clock) {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	r, s, h := &recorder{}, &memStore{m: map[string]Incident{}}, &fakeHealth{}
	m := NewManager(s, r, h, Options{
		GroupWait: 5 * time.Second, ResolveAfter: 10 * time.Minute, UpdateEvery: 30 * time.Second,
		DefaultChannel: "#alerts", Now: c.now,
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
	if !strings.Contains(up.Thread, "api-2 is crash-looping too") || !strings.Contains(up.Thread, "app_crash → oom_killed") {
		t.Fatalf("thread = %q", up.Thread)
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
	if res.Incident.State != Resolved || !strings.Contains(res.Thread, "Resolved: every pod of Deployment api has run ready for 10m") {
		t.Fatalf("resolution = %+v / %q", res.Incident.State, res.Thread)
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

// TestRestartContinuesIncidents: a new Manager over the same store updates
// the incident instead of announcing it again (where its message is, is
// the notifier's business).
func TestRestartContinuesIncidents(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	m, r, s, _, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)
	id := r.notes[0].Incident.ID

	r2 := &recorder{}
	m2 := NewManager(s, r2, &fakeHealth{}, Options{GroupWait: 5 * time.Second, UpdateEvery: 30 * time.Second, DefaultChannel: "#alerts", Now: c.now})
	done := make(chan error)
	go func() { done <- m2.Run(ctx) }()
	c.advance(time.Minute)
	m2.Observe(ctx, obs("api-1", 7, c.now(), diagnose.AppCrash))
	deadline := time.After(10 * time.Second)
	for {
		r2.mu.Lock()
		n := len(r2.notes)
		r2.mu.Unlock()
		if n > 0 {
			break
		}
		select {
		case <-deadline:
			t.Fatal("no update after restart")
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	<-done
	got := r2.notes[0]
	if got.Reason != Updated || got.Incident.ID != id || got.Incident.Restarts != 7 {
		t.Fatalf("after restart got %s for %+v", got.Reason, got.Incident)
	}
}

func TestSilenceShowsOnceThenMutesUntilItEnds(t *testing.T) {
	ctx := t.Context()
	m, r, _, h, c := newTestManager(t)
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.AppCrash))
	c.advance(5 * time.Second)
	m.flush(ctx)

	until := c.now().Add(time.Hour)
	m.applySilence(ctx, silenceReq{key: apiKey, until: until, by: "U123", done: make(chan struct{})})
	if got := r.reasons(); len(got) != 2 || got[1] != Updated || !r.notes[1].Incident.SilencedUntil.Equal(until) ||
		!strings.Contains(r.notes[1].Thread, "Silenced until") {
		t.Fatalf("silencing must update the message once: %v %q", got, r.notes[len(r.notes)-1].Thread)
	}
	m.observe(ctx, obs("api-2", 5, c.now(), diagnose.AppCrash))
	c.advance(time.Minute)
	m.flush(ctx)
	if len(r.notes) != 2 {
		t.Fatalf("silenced incident was updated: %v", r.reasons())
	}
	c.advance(time.Hour)
	m.flush(ctx)
	if got := r.reasons(); len(got) != 3 || got[2] != Updated || r.notes[2].Incident.PodCount != 2 {
		t.Fatalf("after the silence the held-back change must go out: %v", got)
	}
	h.ok, h.since = true, c.now().Add(-time.Hour)
	m.checkRecovery(ctx)
	if got := r.reasons(); got[len(got)-1] != ResolvedReason {
		t.Fatalf("reasons = %v", got)
	}
}

func TestSilencedNewIncidentWaitsForTheSilence(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := newTestManager(t)
	m.applySilence(ctx, silenceReq{key: apiKey, until: c.now().Add(time.Hour), by: "U1", done: make(chan struct{})})
	m.observe(ctx, obs("api-1", 1, c.now(), diagnose.OOMKilled))
	c.advance(time.Minute)
	m.flush(ctx)
	if len(r.notes) != 0 {
		t.Fatalf("silenced key announced: %v", r.reasons())
	}
	m.applySilence(ctx, silenceReq{key: apiKey, done: make(chan struct{})})
	m.flush(ctx)
	if got := r.reasons(); len(got) != 1 || got[0] != FirstNotification {
		t.Fatalf("after unsilence: %v", got)
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
