package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
)

// Every backend is what its consumers need.
var (
	_ Store          = (*Memory)(nil)
	_ Store          = (*File)(nil)
	_ Store          = (*ConfigMaps)(nil)
	_ Store          = (*Postgres)(nil)
	_ incident.Store = Store(nil)
)

var t0 = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// clock is a settable time source shared by a backend and its test.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// backend opens a fresh store of one kind; reopen opens the same state
// again, as a restarted bot or another replica would.
type backend struct {
	name string
	open func(t *testing.T, opts Options) (st Store, reopen func() Store)
}

var backends = []backend{
	{"memory", func(t *testing.T, opts Options) (Store, func() Store) {
		return NewMemoryOptions(opts), nil
	}},
	{"file", func(t *testing.T, opts Options) (Store, func() Store) {
		path := filepath.Join(t.TempDir(), "state", "crashloop-bot.db")
		st := mustOpen(t, path, opts)
		return st, func() Store {
			st.Close()
			return mustOpen(t, path, opts)
		}
	}},
	{"configmaps", func(t *testing.T, opts Options) (Store, func() Store) {
		env := lctest.Get(t)
		ns := env.Namespace(t)
		return NewConfigMaps(env.Admin, ns, opts), func() Store { return NewConfigMaps(env.Admin, ns, opts) }
	}},
	{"postgres", func(t *testing.T, opts Options) (Store, func() Store) {
		dsn := pgtest.Database(t)
		st := openPostgres(t, dsn, "prod", opts)
		return st, func() Store { return openPostgres(t, dsn, "prod", opts) }
	}},
}

// openPostgres opens and migrates the Postgres backend as cluster.
func openPostgres(t *testing.T, dsn, cluster string, opts Options) *Postgres {
	t.Helper()
	p, err := NewPostgres(PostgresOptions{Options: opts, DSN: dsn, Cluster: cluster, Logger: testlog.Logger(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if err := p.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustOpen(t *testing.T, path string, opts Options) *File {
	t.Helper()
	f, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func inc(id string, state incident.State, opened, resolved time.Time) incident.Incident {
	return incident.Incident{
		ID: "shop/Deployment/" + id + "[c]@1", State: state, OpenedAt: opened, ResolvedAt: resolved,
		Key:    incident.Key{Cluster: "prod", Namespace: "shop", Kind: "Deployment", Name: id, Container: "c"},
		Pods:   []string{id + "-1"},
		Report: diagnose.Report{Pod: "shop/" + id + "-1", Finding: diagnose.Finding{Category: diagnose.OOMKilled, LogExcerpt: []string{"<&>"}}},
	}
}

func names(incs []incident.Incident) string {
	var out []string
	for _, i := range incs {
		out = append(out, i.Key.Name)
	}
	return strings.Join(out, ",")
}

// behaviours every backend must show, each given a fresh store.
var behaviours = []struct {
	name string
	run  func(t *testing.T, st Store, reopen func() Store, clk *clock)
}{
	{"active incidents oldest first and whole", func(t *testing.T, st Store, reopen func() Store, _ *clock) {
		ctx := t.Context()
		save(t, st, inc("b", incident.Open, t0.Add(time.Hour), time.Time{}))
		save(t, st, inc("a", incident.Pending, t0, time.Time{}))
		save(t, st, inc("c", incident.Resolved, t0, t0.Add(2*time.Hour)))
		if reopen != nil {
			st = reopen()
		}
		active, err := st.Active(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if names(active) != "a,b" {
			t.Fatalf("active = %s, want a,b", names(active))
		}
		got := active[1]
		if got.Report.Category != diagnose.OOMKilled || got.Pods[0] != "b-1" || got.Report.LogExcerpt[0] != "<&>" || !got.OpenedAt.Equal(t0.Add(time.Hour)) {
			t.Fatalf("incident not kept whole: %+v", got)
		}
	}},
	{"save replaces by ID", func(t *testing.T, st Store, _ func() Store, _ *clock) {
		i := inc("a", incident.Open, t0, time.Time{})
		save(t, st, i)
		i.State, i.ResolvedAt, i.Restarts = incident.Resolved, t0.Add(time.Hour), 42
		save(t, st, i)
		active, _ := st.Active(t.Context())
		all, _ := st.History(t.Context(), time.Time{})
		if len(active) != 0 || len(all) != 1 || all[0].Restarts != 42 || all[0].State != incident.Resolved {
			t.Fatalf("active %s, history %+v", names(active), all)
		}
	}},
	{"history since", func(t *testing.T, st Store, _ func() Store, _ *clock) {
		save(t, st, inc("before", incident.Resolved, t0.Add(-48*time.Hour), t0.Add(-25*time.Hour)))
		save(t, st, inc("during", incident.Resolved, t0.Add(-30*time.Hour), t0.Add(-2*time.Hour)))
		save(t, st, inc("open", incident.Open, t0.Add(-96*time.Hour), time.Time{}))
		save(t, st, inc("new", incident.Pending, t0.Add(-time.Minute), time.Time{}))
		got, err := st.History(t.Context(), t0.Add(-24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if names(got) != "open,during,new" {
			t.Fatalf("history = %s, want open,during,new", names(got))
		}
	}},
	{"retention prunes old resolved incidents", func(t *testing.T, st Store, _ func() Store, clk *clock) {
		now := clk.Now()
		save(t, st, inc("old", incident.Resolved, now.Add(-72*time.Hour), now.Add(-48*time.Hour)))
		save(t, st, inc("recent", incident.Resolved, now.Add(-3*time.Hour), now.Add(-2*time.Hour)))
		save(t, st, inc("open", incident.Open, now.Add(-96*time.Hour), time.Time{}))
		clk.Add(pruneEvery)
		now = clk.Now()
		save(t, st, inc("trigger", incident.Resolved, now.Add(-time.Hour), now))
		all, _ := st.History(t.Context(), time.Time{})
		if names(all) != "open,recent,trigger" {
			t.Fatalf("kept %s, want open,recent,trigger", names(all))
		}
	}},
	{"silences", func(t *testing.T, st Store, reopen func() Store, clk *clock) {
		ctx := t.Context()
		k := inc("a", incident.Open, t0, time.Time{}).Key
		other := k
		other.Cluster = "staging"
		put := func(s Silence) {
			t.Helper()
			if err := st.PutSilence(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		put(Silence{Key: k, Until: t0.Add(time.Hour), By: "U1", CreatedAt: t0})
		put(Silence{Key: k, Until: t0.Add(4 * time.Hour), By: "U2", CreatedAt: t0})
		put(Silence{Key: other, Until: t0.Add(2 * time.Hour), By: "U3", CreatedAt: t0})
		if err := st.DeleteSilence(ctx, incident.Key{Name: "none"}); err != nil {
			t.Fatalf("deleting a missing silence: %v", err)
		}
		if reopen != nil {
			st = reopen()
		}
		got, err := st.Silences(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Key != k || got[0].By != "U2" || !got[0].Until.Equal(t0.Add(4*time.Hour)) || got[1].Key != other {
			t.Fatalf("silences = %+v", got)
		}
		clk.Add(3 * time.Hour) // other has expired
		if got, _ := st.Silences(ctx); len(got) != 1 || got[0].Key != k {
			t.Fatalf("after 3h: %+v", got)
		}
		if err := st.DeleteSilence(ctx, k); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.Silences(ctx); len(got) != 0 {
			t.Fatalf("after delete: %+v", got)
		}
	}},
	{"digest runs", func(t *testing.T, st Store, reopen func() Store, _ *clock) {
		ctx := t.Context()
		if last, err := st.LastDigest(ctx, "#ops"); err != nil || !last.IsZero() {
			t.Fatalf("never run: %v, %v", last, err)
		}
		berlin := time.FixedZone("CET", 3600)
		for _, r := range []struct {
			ch string
			at time.Time
		}{
			{"#ops", t0.In(berlin)},
			{"C0123ABC", t0.Add(time.Hour)},
			{"#ops", t0.Add(-24 * time.Hour)}, // older: ignored
			{"#équipe/ß", t0.Add(2 * time.Hour)},
		} {
			if err := st.RecordDigest(ctx, r.ch, r.at); err != nil {
				t.Fatal(err)
			}
		}
		if reopen != nil {
			st = reopen()
		}
		for ch, want := range map[string]time.Time{"#ops": t0, "C0123ABC": t0.Add(time.Hour), "#équipe/ß": t0.Add(2 * time.Hour), "#other": {}} {
			if got, err := st.LastDigest(ctx, ch); err != nil || !got.Equal(want) {
				t.Errorf("LastDigest(%s) = %v, %v; want %v", ch, got, err, want)
			}
		}
	}},
}

// replayBehaviour: a token is claimed once until it expires, across a
// reopen (a restart, another replica).
func replayBehaviour(t *testing.T, st Store, reopen func() Store, clk *clock) {
	ctx := t.Context()
	claim := func(st Store, token string, until time.Time) bool {
		t.Helper()
		ok, err := st.Claim(ctx, token, until)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	mac := "5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"
	until := clk.Now().Add(10 * time.Minute)
	if !claim(st, mac, until) {
		t.Fatal("a new token was refused")
	}
	if claim(st, mac, until) {
		t.Fatal("a token was claimed twice")
	}
	if !claim(st, "other", until) {
		t.Fatal("another token was refused")
	}
	if reopen != nil {
		st = reopen()
		if claim(st, mac, until) {
			t.Fatal("a token was claimed again after a reopen")
		}
	}
	clk.Add(11 * time.Minute)
	if !claim(st, mac, clk.Now().Add(10*time.Minute)) {
		t.Fatal("an expired token was not claimable again")
	}
	if claim(st, mac, clk.Now().Add(10*time.Minute)) {
		t.Fatal("a reclaimed token was claimed twice")
	}
}

// messageBehaviours: where each subject's chat message is.
var messageBehaviours = []struct {
	name string
	run  func(t *testing.T, st Store, reopen func() Store, clk *clock)
}{
	{"message references", func(t *testing.T, st Store, reopen func() Store, clk *clock) {
		ctx := t.Context()
		a := inc("a", incident.Open, t0, time.Time{})
		save(t, st, a)
		if _, ok, err := st.MessageRef(ctx, a.ID); err != nil || ok {
			t.Fatalf("before posting: ok=%v err=%v", ok, err)
		}
		first := MessageRef{Subject: a.ID, Channel: "C0ALERTS", TS: "1700000000.000100", PostedAt: t0}
		storm := MessageRef{Subject: "storm/node=n1/oom_killed@1", Channel: "C0ALERTS", TS: "1700000000.000200", PostedAt: t0}
		for _, r := range []MessageRef{first, storm, {Subject: a.ID, Channel: "C0ALERTS", TS: "1700000000.000300", PostedAt: t0.Add(time.Minute)}} {
			if err := st.SaveMessageRef(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if reopen != nil {
			st = reopen()
		}
		got, ok, err := st.MessageRef(ctx, a.ID)
		if err != nil || !ok || got.TS != "1700000000.000300" || got.Channel != "C0ALERTS" || !got.PostedAt.Equal(t0.Add(time.Minute)) {
			t.Fatalf("message of a = %+v, %v, %v; want the latest record", got, ok, err)
		}
		if got, ok, _ := st.MessageRef(ctx, storm.Subject); !ok || got != storm {
			t.Fatalf("message of the storm = %+v, %v", got, ok)
		}
	}},
	{"message references outlive their incident by retention", func(t *testing.T, st Store, _ func() Store, clk *clock) {
		ctx := t.Context()
		old := inc("old", incident.Open, t0, time.Time{})
		open := inc("open", incident.Open, t0, time.Time{})
		save(t, st, old)
		save(t, st, open)
		for _, i := range []incident.Incident{old, open} {
			if err := st.SaveMessageRef(ctx, MessageRef{Subject: i.ID, Channel: "C1", TS: "1.1", PostedAt: t0}); err != nil {
				t.Fatal(err)
			}
		}
		clk.Add(2 * time.Hour)
		old.State, old.ResolvedAt = incident.Resolved, clk.Now()
		save(t, st, old)
		if _, ok, _ := st.MessageRef(ctx, old.ID); !ok {
			t.Fatal("the message of a just resolved incident is gone")
		}
		clk.Add(48 * time.Hour) // past the 24h retention
		save(t, st, inc("trigger", incident.Resolved, clk.Now(), clk.Now()))
		if _, ok, _ := st.MessageRef(ctx, old.ID); ok {
			t.Error("the message of an incident resolved past retention is kept")
		}
		if _, ok, _ := st.MessageRef(ctx, open.ID); !ok {
			t.Error("the message of an open incident was pruned")
		}
	}},
}

func TestConformance(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Run("replay claims", func(t *testing.T) {
				clk := &clock{now: t0}
				st, reopen := b.open(t, Options{Now: clk.Now})
				replayBehaviour(t, st, reopen, clk)
			})
			for _, bh := range append(behaviours, messageBehaviours...) {
				t.Run(bh.name, func(t *testing.T) {
					clk := &clock{now: t0}
					st, reopen := b.open(t, Options{Retention: 24 * time.Hour, Now: clk.Now})
					bh.run(t, st, reopen, clk)
				})
			}
		})
	}
}

func save(t *testing.T, st Store, i incident.Incident) {
	t.Helper()
	if err := st.Save(context.Background(), i); err != nil {
		t.Fatal(err)
	}
}

// Concurrent writers of the shared ConfigMaps lose nothing.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			clk := &clock{now: t0}
			st, reopen := b.open(t, Options{Now: clk.Now})
			second := st
			if b.name == "configmaps" || b.name == "postgres" {
				second = reopen() // another replica
			}
			var wg sync.WaitGroup
			for w, s := range []Store{st, second} {
				wg.Go(func() {
					for i := range 4 {
						k := incident.Key{Namespace: "ns", Kind: "Deployment", Name: string(rune('a'+w)) + string(rune('0'+i))}
						if err := s.PutSilence(t.Context(), Silence{Key: k, Until: t0.Add(time.Hour)}); err != nil {
							t.Error(err)
						}
					}
				})
			}
			wg.Wait()
			got, _ := st.Silences(t.Context())
			if len(got) != 8 {
				t.Fatalf("%d silences survived, want 8", len(got))
			}
			if !slices.IsSortedFunc(got, func(a, b Silence) int { return strings.Compare(a.Key.Name, b.Key.Name) }) {
				t.Errorf("silences not ordered: %+v", got)
			}
		})
	}
}

// Replicas claiming the same token at once: exactly one wins.
func TestConcurrentClaimsOneWinner(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			clk := &clock{now: t0}
			st, reopen := b.open(t, Options{Now: clk.Now})
			second := st
			if b.name == "configmaps" || b.name == "postgres" {
				second = reopen()
			}
			var (
				wg   sync.WaitGroup
				wins atomic.Int32
			)
			for i := range 8 {
				s := st
				if i%2 == 1 {
					s = second
				}
				wg.Go(func() {
					ok, err := s.Claim(t.Context(), "same-request", t0.Add(10*time.Minute))
					if err != nil {
						t.Error(err)
					}
					if ok {
						wins.Add(1)
					}
				})
			}
			wg.Wait()
			if n := wins.Load(); n != 1 {
				t.Fatalf("%d claims won, want 1", n)
			}
		})
	}
}
