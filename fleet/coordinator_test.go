package fleet

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
	"github.com/crashloop-bot/crashloop-bot/store"
)

var t0 = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// recordingSink keeps what a coordinator told, and wakes waiters.
type recordingSink struct {
	mu   sync.Mutex
	got  []incident.Notification
	wake chan struct{}
}

func newSink() *recordingSink { return &recordingSink{wake: make(chan struct{}, 1)} }

func (s *recordingSink) Notify(n incident.Notification) {
	s.mu.Lock()
	s.got = append(s.got, n)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *recordingSink) all() []incident.Notification {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]incident.Notification(nil), s.got...)
}

// lines describes what was told, one line per notification: "post-like"
// subject, reason and what it is.
func (s *recordingSink) lines() []string {
	var out []string
	for _, n := range s.all() {
		switch {
		case n.IsStorm():
			var cs []string
			for _, m := range n.Storm.Members {
				st := "crashing"
				if m.Resolved {
					st = "recovered"
				}
				cs = append(cs, m.Key.Cluster+":"+st)
			}
			out = append(out, fmt.Sprintf("fleet %s %s [%s]", n.Storm.ID, n.Reason, strings.Join(cs, " ")))
		case n.Storm != nil:
			out = append(out, fmt.Sprintf("thread %s %s %s %d notes", n.Storm.ID, n.Reason, n.Incident.Key.Cluster, len(n.Notes)))
		default:
			out = append(out, fmt.Sprintf("incident %s %s", n.Incident.ID, n.Reason))
		}
	}
	return out
}

// waitFor waits until cond holds on what s was told, failing after a
// generous deadline.
func (s *recordingSink) waitFor(t *testing.T, what string, cond func(lines []string) bool) []string {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		if l := s.lines(); cond(l) {
			return l
		}
		select {
		case <-s.wake:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			t.Fatalf("timed out waiting for %s; told:\n%s", what, strings.Join(s.lines(), "\n"))
		}
	}
}

// messageOf is the message a notification goes to, as the Slack sink
// decides: a storm member's goes to its storm's thread.
func messageOf(n incident.Notification) string {
	if n.Storm != nil {
		return n.Storm.ID
	}
	return n.Incident.ID
}

func count(lines []string, prefix string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

// testCluster is one cluster's bot: its store, coordinator and sink.
type testCluster struct {
	name string
	st   *store.Postgres
	c    *Coordinator
	sink *recordingSink
	stop context.CancelFunc
	done chan struct{}
}

func startCluster(t *testing.T, dsn, name string, opts CoordinatorOptions) *testCluster {
	t.Helper()
	return startClusterAt(t, dsn, name, opts, nil)
}

// startClusterAt is startCluster with the store's clock.
func startClusterAt(t *testing.T, dsn, name string, opts CoordinatorOptions, now func() time.Time) *testCluster {
	t.Helper()
	st := openStore(t, dsn, name, store.Options{Now: now})
	ctx, cancel := context.WithCancel(t.Context())
	if err := st.Heartbeat(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	hub := NewHub(st, testlog.Logger(t))
	go hub.Run(ctx, store.NotifyFleet)
	opts.Cluster, opts.Logger = name, testlog.Logger(t)
	if opts.Poll == 0 {
		opts.Poll = 200 * time.Millisecond
	}
	tc := &testCluster{name: name, st: st, sink: newSink(), stop: cancel, done: make(chan struct{})}
	tc.c = NewCoordinator(st, tc.sink, hub, opts)
	go func() { defer close(tc.done); tc.c.Run(ctx) }()
	t.Cleanup(tc.halt)
	return tc
}

func (tc *testCluster) halt() {
	tc.stop()
	<-tc.done
}

// crash is cluster's incident of shop/Deployment/orders, OOM-killed.
func crash(cluster string, state incident.State) incident.Incident {
	return incident.Incident{
		ID:  "shop/Deployment/orders[orders]@" + cluster,
		Key: incident.Key{Cluster: cluster, Namespace: "shop", Kind: "Deployment", Name: "orders", Container: "orders"}, State: state,
		Channel: "#alerts", OpenedAt: t0, PodCount: 3, Restarts: 5, Image: "registry.example.com/shop/orders@sha256:" + strings.Repeat("ab", 32),
		Report: diagnose.Report{Pod: "shop/orders-1", Finding: diagnose.Finding{Category: diagnose.OOMKilled, Summary: "killed at its memory limit"}},
	}
}

func notify(tc *testCluster, inc incident.Incident, reason incident.Reason, notes ...incident.Note) {
	tc.c.Notify(incident.Notification{Reason: reason, Incident: inc, Notes: notes})
}

// A crash loop in one cluster only is that cluster's message, told exactly
// as without a fleet (under the fleet incident's subject).
func TestFleetOneClusterStaysPerCluster(t *testing.T) {
	eu := startCluster(t, pgtest.Database(t), "eu", CoordinatorOptions{})
	inc := crash("eu", incident.Open)
	notify(eu, inc, incident.FirstNotification)
	notify(eu, inc, incident.Updated, incident.Note{Kind: incident.PodCrashing, Pod: "orders-2", Pods: 2})
	inc.State = incident.Resolved
	notify(eu, inc, incident.ResolvedReason, incident.Note{Kind: incident.Recovered})
	subject := store.FleetSubject("eu", crash("eu", incident.Open).ID)
	got := eu.sink.waitFor(t, "the resolution", func(l []string) bool { return count(l, "incident "+subject+" resolved") == 1 })
	want := []string{"incident " + subject + " first_notification", "incident " + subject + " updated", "incident " + subject + " resolved"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("told:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := eu.sink.all()[1]; len(n.Notes) != 1 || n.Notes[0].Pod != "orders-2" {
		t.Fatalf("the notes did not come through: %+v", n.Notes)
	}
}

// The same crash loop in three clusters: one message, by the first
// cluster's bot, converted in place into the fleet message naming all
// three; each cluster's details once in its thread; recoveries told there;
// resolved when the last recovers. The other bots tell nothing.
func TestFleetOneMessageForThreeClusters(t *testing.T) {
	dsn := pgtest.Database(t)
	eu, us, ap := startCluster(t, dsn, "eu", CoordinatorOptions{}), startCluster(t, dsn, "us", CoordinatorOptions{}), startCluster(t, dsn, "ap", CoordinatorOptions{})
	subject := store.FleetSubject("eu", crash("eu", incident.Open).ID)
	notify(eu, crash("eu", incident.Open), incident.FirstNotification)
	eu.sink.waitFor(t, "eu's message", func(l []string) bool { return len(l) == 1 })
	notify(us, crash("us", incident.Open), incident.FirstNotification)
	notify(ap, crash("ap", incident.Open), incident.FirstNotification)
	eu.sink.waitFor(t, "the fleet message naming three clusters", func(l []string) bool {
		return count(l, "fleet "+subject) > 0 && strings.Contains(l[len(l)-1], "") && count(l, "thread "+subject+" first_notification") == 3 &&
			strings.Contains(strings.Join(l, "\n"), "eu:crashing us:crashing ap:crashing")
	})
	recovered := crash("us", incident.Resolved)
	notify(us, recovered, incident.ResolvedReason, incident.Note{Kind: incident.Recovered})
	eu.sink.waitFor(t, "us's recovery", func(l []string) bool {
		return count(l, "thread "+subject+" resolved us") == 1 && strings.Contains(strings.Join(l, "\n"), "eu:crashing us:recovered ap:crashing")
	})
	for _, tc := range []*testCluster{eu, ap} {
		notify(tc, crash(tc.name, incident.Resolved), incident.ResolvedReason, incident.Note{Kind: incident.Recovered})
	}
	got := eu.sink.waitFor(t, "the fleet message resolved", func(l []string) bool { return count(l, "fleet "+subject+" resolved") == 1 })
	for _, other := range []*testCluster{us, ap} {
		if l := other.sink.lines(); len(l) != 0 {
			t.Errorf("%s told something itself:\n%s", other.name, strings.Join(l, "\n"))
		}
	}
	if count(got, "incident ") != 1 || count(got, "thread "+subject+" first_notification") != 3 {
		t.Errorf("told:\n%s", strings.Join(got, "\n"))
	}
	for _, n := range eu.sink.all() {
		if s := messageOf(n); s != subject {
			t.Errorf("a second message: %s", s)
		}
	}
}

// Bots of three clusters recording the same new cause at the same moment
// end up in one fleet incident, told by one of them.
func TestFleetSimultaneousFoundersMakeOne(t *testing.T) {
	dsn := pgtest.Database(t)
	var cs []*testCluster
	for _, name := range []string{"c1", "c2", "c3", "c4"} {
		cs = append(cs, startCluster(t, dsn, name, CoordinatorOptions{}))
	}
	for _, tc := range cs {
		go notify(tc, crash(tc.name, incident.Open), incident.FirstNotification)
	}
	var owner *testCluster
	deadline := time.Now().Add(30 * time.Second)
	for owner == nil || count(owner.sink.lines(), "thread ") < len(cs) {
		for _, tc := range cs {
			if len(tc.sink.lines()) > 0 {
				if owner != nil && owner != tc {
					t.Fatalf("two bots told: %s and %s", owner.name, tc.name)
				}
				owner = tc
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the fleet incident was never told in full")
		}
		time.Sleep(20 * time.Millisecond)
	}
	subjects := map[string]bool{}
	for _, n := range owner.sink.all() {
		subjects[messageOf(n)] = true
	}
	if len(subjects) != 1 {
		t.Fatalf("%d subjects told: %v", len(subjects), subjects)
	}
}

// Different workloads running one image digest with one category in two
// clusters are one fleet incident; two workloads of the same image in one
// cluster stay two messages there.
func TestFleetImageDigest(t *testing.T) {
	dsn := pgtest.Database(t)
	eu, us := startCluster(t, dsn, "eu", CoordinatorOptions{}), startCluster(t, dsn, "us", CoordinatorOptions{})
	a := crash("eu", incident.Open)
	b := crash("eu", incident.Open)
	b.ID, b.Key.Name = "shop/Deployment/orders-canary[orders]@eu", "orders-canary"
	notify(eu, a, incident.FirstNotification)
	eu.sink.waitFor(t, "eu's first", func(l []string) bool { return len(l) == 1 })
	notify(eu, b, incident.FirstNotification)
	eu.sink.waitFor(t, "eu's second message", func(l []string) bool { return count(l, "incident ") == 2 })
	c := crash("us", incident.Open)
	c.ID, c.Key.Name = "shop/Deployment/checkout[orders]@us", "checkout"
	notify(us, c, incident.FirstNotification)
	l := eu.sink.waitFor(t, "the fleet message", func(l []string) bool { return count(l, "fleet ") == 1 })
	n := eu.sink.all()
	last := n[len(n)-1]
	for _, x := range n {
		if x.IsStorm() {
			last = x
		}
	}
	if last.Storm.Factor.Kind != incident.FactorFleetImage || len(last.Storm.Members) != 2 {
		t.Fatalf("fleet incident %+v\n%s", last.Storm, strings.Join(l, "\n"))
	}
	if tc := us.sink.lines(); len(tc) != 0 {
		t.Fatalf("us told %v", tc)
	}
}

// The bot owning a fleet incident is gone: a member cluster's bot takes
// its message over and goes on telling it (the same subject: the message
// is updated, not posted again), without telling again what was told.
func TestFleetTakeOver(t *testing.T) {
	dsn := pgtest.Database(t)
	var ahead atomic.Int64 // how far us's clock runs ahead
	usClock := func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
	opts := CoordinatorOptions{TakeOverAfter: 30 * time.Second, TakeOverEvery: 50 * time.Millisecond}
	eu := startCluster(t, dsn, "eu", opts)
	us := startClusterAt(t, dsn, "us", opts, usClock)
	subject := store.FleetSubject("eu", crash("eu", incident.Open).ID)
	notify(eu, crash("eu", incident.Open), incident.FirstNotification)
	eu.sink.waitFor(t, "eu's message", func(l []string) bool { return len(l) == 1 })
	notify(us, crash("us", incident.Open), incident.FirstNotification)
	eu.sink.waitFor(t, "the fleet message", func(l []string) bool { return count(l, "fleet ") > 0 && count(l, "thread ") == 2 })
	if len(us.sink.lines()) != 0 || us.c.Stats().TakenOver != 0 {
		t.Fatal("us took over from a live owner")
	}
	eu.halt() // eu's bot dies: its heartbeat ages
	ahead.Store(int64(time.Minute))
	l := us.sink.waitFor(t, "us telling the fleet message", func(l []string) bool { return count(l, "fleet "+subject) > 0 })
	if count(l, "thread ") != 0 || count(l, "incident ") != 0 {
		t.Fatalf("the new owner told again what was told:\n%s", strings.Join(l, "\n"))
	}
	notify(us, crash("us", incident.Resolved), incident.ResolvedReason, incident.Note{Kind: incident.Recovered})
	us.sink.waitFor(t, "us's recovery in the thread", func(l []string) bool { return count(l, "thread "+subject+" resolved us") == 1 })
	if us.c.Stats().TakenOver != 1 {
		t.Fatalf("stats: %+v", us.c.Stats())
	}
}

// A bot that loses the database goes on alerting for its own cluster:
// news of the fleet incident it owns is told at once, a new crash loop is
// announced after the grace period under a fleet incident of its own; all
// of it is recorded when the database is back, and nothing is told twice.
func TestFleetOutage(t *testing.T) {
	srv := pgtest.Get(t)
	dsn := pgtest.Database(t)
	eu := startCluster(t, dsn, "eu", CoordinatorOptions{Grace: 300 * time.Millisecond})
	refs := Refs{MessageRefs: eu.st, C: eu.c}
	known := crash("eu", incident.Open)
	g := store.FleetSubject("eu", known.ID)
	notify(eu, known, incident.FirstNotification)
	eu.sink.waitFor(t, "the first message", func(l []string) bool { return len(l) == 1 })
	if err := eu.st.SaveMessageRef(t.Context(), store.MessageRef{Subject: g, Channel: "C1", TS: "1.1", PostedAt: t0}); err != nil {
		t.Fatal(err)
	}

	resume := make(chan time.Time)
	var resumeOnce sync.Once
	resumeNow := func() { resumeOnce.Do(func() { close(resume) }) }
	restarted := make(chan error, 1)
	// Not the test's context: a test that fails during the outage still
	// brings the shared server back for the tests after it.
	go func() { restarted <- srv.RestartWhen(context.Background(), resume) }()
	t.Cleanup(func() {
		resumeNow()
		<-restarted
	})
	// The update must find the database down, not race its shutdown.
	waitDown(t, srv.Port)
	notify(eu, known, incident.Updated, incident.Note{Kind: incident.PodCrashing, Pod: "orders-9", Pods: 4})
	eu.sink.waitFor(t, "the update told without the database", func(l []string) bool { return count(l, "incident "+g+" updated") == 1 })
	fresh := crash("eu", incident.Open)
	fresh.ID, fresh.Key.Name = "shop/Deployment/cart[cart]@eu", "cart"
	y := store.FleetSubject("eu", fresh.ID)
	notify(eu, fresh, incident.FirstNotification)
	eu.sink.waitFor(t, "the new crash loop announced alone", func(l []string) bool { return count(l, "incident "+y+" first_notification") == 1 })
	if st := eu.c.Stats(); !st.Offline || st.FoundedAlone != 1 || st.Backlog != 2 {
		t.Fatalf("during the outage: %+v", st)
	}
	if _, ok, err := refs.MessageRef(t.Context(), y); ok || err != nil {
		t.Fatalf("the new message's reference during the outage: %v, %v (want: not posted)", ok, err)
	}
	if r, ok, err := refs.MessageRef(t.Context(), g); !ok || err != nil || r.TS != "1.1" {
		t.Fatalf("the known message's reference during the outage: %+v %v %v", r, ok, err)
	}

	resumeNow()
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	restarted <- nil // for the cleanup
	deadline := time.Now().Add(30 * time.Second)
	for st := eu.c.Stats(); st.Offline || st.Backlog > 0; st = eu.c.Stats() {
		if time.Now().After(deadline) {
			t.Fatalf("never caught up: %+v", st)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The next news is the only thing told after the outage.
	before := len(eu.sink.lines())
	notify(eu, known, incident.Updated, incident.Note{Kind: incident.PodCrashing, Pod: "orders-10", Pods: 5})
	l := eu.sink.waitFor(t, "the next update", func(l []string) bool { return count(l, "incident "+g+" updated") == 2 })
	if after := l[before:]; len(after) != 1 {
		t.Fatalf("told again after the outage:\n%s", strings.Join(after, "\n"))
	}
	var told, version int64
	var owner string
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	err = conn.QueryRow(t.Context(), `SELECT told_version, version, owner_cluster FROM crashloop_bot.fleet_incidents WHERE id = $1`, y).Scan(&told, &version, &owner)
	if err != nil || told != version || owner != "eu" {
		t.Fatalf("the fleet incident founded alone: told %d of %d, owner %s, %v", told, version, owner, err)
	}
}

// waitDown waits until the server on port refuses connections.
func waitDown(t *testing.T, port int) {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err != nil {
			return
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("postgres on %s did not stop", addr)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A new leader of the owning cluster shows the fleet message as it is (its
// predecessor may have died with an update undelivered) without telling
// again what was told in the thread.
func TestFleetNewLeaderRetells(t *testing.T) {
	dsn := pgtest.Database(t)
	eu, us := startCluster(t, dsn, "eu", CoordinatorOptions{}), startCluster(t, dsn, "us", CoordinatorOptions{})
	subject := store.FleetSubject("eu", crash("eu", incident.Open).ID)
	notify(eu, crash("eu", incident.Open), incident.FirstNotification)
	eu.sink.waitFor(t, "eu's message", func(l []string) bool { return len(l) == 1 })
	notify(us, crash("us", incident.Open), incident.FirstNotification)
	eu.sink.waitFor(t, "the fleet message", func(l []string) bool { return count(l, "thread ") == 2 })
	eu.halt()
	next := startCluster(t, dsn, "eu", CoordinatorOptions{}) // the other replica takes the lead
	l := next.sink.waitFor(t, "the new leader's update of the fleet message", func(l []string) bool { return count(l, "fleet "+subject+" updated") == 1 })
	if len(l) != 1 {
		t.Fatalf("the new leader told:\n%s", strings.Join(l, "\n"))
	}
	notify(next, crash("eu", incident.Open), incident.Updated, incident.Note{Kind: incident.PodCrashing, Pod: "orders-3", Pods: 3})
	l = next.sink.waitFor(t, "eu's next news", func(l []string) bool { return count(l, "thread "+subject+" updated eu 1 notes") == 1 })
	if count(l, "thread ") != 1 {
		t.Fatalf("the new leader told the thread again:\n%s", strings.Join(l, "\n"))
	}
}
