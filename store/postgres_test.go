package store

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
)

// fleetInc is an incident of cluster in namespace shop.
func fleetInc(cluster, name string, state incident.State) incident.Incident {
	i := inc(name, state, t0, time.Time{})
	i.Key.Cluster = cluster
	if state == incident.Resolved {
		i.ResolvedAt = t0.Add(time.Hour)
	}
	return i
}

// Bots of several clusters share one database: each sees its own
// incidents and message references, the fleet views see all, and the same
// incident ID in two clusters are two incidents.
func TestPostgresClustersShareOneDatabase(t *testing.T) {
	dsn := pgtest.Database(t)
	opts := Options{Now: func() time.Time { return t0 }}
	eu, us := openPostgres(t, dsn, "eu", opts), openPostgres(t, dsn, "us", opts)
	ctx := t.Context()
	save(t, eu, fleetInc("eu", "orders", incident.Open))
	save(t, us, fleetInc("us", "orders", incident.Open)) // the same ID
	save(t, us, fleetInc("us", "cart", incident.Resolved))
	for _, c := range []struct {
		st   *Postgres
		want string
	}{{eu, "orders"}, {us, "orders"}} {
		active, err := c.st.Active(ctx)
		if err != nil || names(active) != c.want || active[0].Key.Cluster != c.st.Cluster() {
			t.Errorf("%s: active %+v, %v", c.st.Cluster(), active, err)
		}
	}
	if h, _ := us.History(ctx, time.Time{}); names(h) != "cart,orders" && names(h) != "orders,cart" {
		t.Errorf("us history = %s", names(h))
	}
	all, err := eu.FleetActive(ctx)
	if err != nil || len(all) != 2 || all[0].Key.Cluster == all[1].Key.Cluster {
		t.Fatalf("fleet active = %+v, %v", all, err)
	}
	if h, _ := eu.FleetHistory(ctx, time.Time{}); len(h) != 3 {
		t.Errorf("fleet history has %d incidents, want 3", len(h))
	}

	id := fleetInc("eu", "orders", incident.Open).ID
	if err := eu.SaveMessageRef(ctx, MessageRef{Subject: id, Channel: "CEU", TS: "1.1", PostedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := us.MessageRef(ctx, id); ok {
		t.Error("us sees eu's message for an incident ID they share")
	}
	fleetSubject := FleetSubjectPrefix + "eu/" + id
	if err := eu.SaveMessageRef(ctx, MessageRef{Subject: fleetSubject, Channel: "CALL", TS: "2.2", PostedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if r, ok, err := us.MessageRef(ctx, fleetSubject); err != nil || !ok || r.TS != "2.2" {
		t.Errorf("us does not see the fleet message eu posted: %+v, %v, %v", r, ok, err)
	}
	// Every row says which cluster wrote it.
	var missing int
	if err := eu.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM incidents WHERE cluster_name = '') + (SELECT count(*) FROM message_refs WHERE cluster_name = '')`).Scan(&missing); err != nil || missing != 0 {
		t.Errorf("%d rows without a cluster name (%v)", missing, err)
	}
}

// Many bots starting at once on an empty database: one migrates, the
// others find the schema ready; every step is applied once.
func TestPostgresConcurrentMigrations(t *testing.T) {
	dsn := pgtest.Database(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			p, err := NewPostgres(PostgresOptions{DSN: dsn, Cluster: fmt.Sprintf("c%d", i), Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				t.Error(err)
				return
			}
			defer p.Close()
			if err := p.Start(t.Context()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	p := openPostgres(t, dsn, "check", Options{})
	var n, max int
	if err := p.pool.QueryRow(t.Context(), `SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &max); err != nil {
		t.Fatal(err)
	}
	if n != len(migrations) || max != SchemaVersion() {
		t.Fatalf("%d migrations recorded up to version %d; want %d up to %d", n, max, len(migrations), SchemaVersion())
	}
}

// A schema migrated by a newer bot of the fleet is used, with a warning.
func TestPostgresNewerSchemaWarns(t *testing.T) {
	dsn := pgtest.Database(t)
	p := openPostgres(t, dsn, "new", Options{})
	if _, err := p.pool.Exec(t.Context(), `INSERT INTO schema_migrations VALUES (999, 'future', now(), 'new')`); err != nil {
		t.Fatal(err)
	}
	var logs testlog.Buffer
	old, err := NewPostgres(PostgresOptions{DSN: dsn, Cluster: "old", Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if err := old.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "schema is newer than this bot knows") {
		t.Fatalf("no warning: %s", logs.String())
	}
	save(t, old, fleetInc("old", "a", incident.Open))
}

// The pool stays within MaxConns however many callers wait.
func TestPostgresConnectionsBounded(t *testing.T) {
	dsn := pgtest.Database(t)
	p, err := NewPostgres(PostgresOptions{DSN: dsn, Cluster: "bounded", MaxConns: 2, Logger: testlog.Logger(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			i := fleetInc("bounded", fmt.Sprintf("w%d", i), incident.Open)
			if err := p.Save(t.Context(), i); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	probe := openPostgres(t, dsn, "probe", Options{})
	var conns int
	if err := probe.pool.QueryRow(t.Context(), `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'crashloop-bot/bounded'`).Scan(&conns); err != nil {
		t.Fatal(err)
	}
	if conns > 2 || p.Stats().Conns > 2 {
		t.Fatalf("%d connections open (pool says %d), want at most 2", conns, p.Stats().Conns)
	}
	if a, _ := p.Active(t.Context()); len(a) != 40 {
		t.Fatalf("%d incidents saved, want 40", len(a))
	}
}

// A DSN that does not parse is reported without its password.
func TestPostgresBadDSNHidesPassword(t *testing.T) {
	_, err := NewPostgres(PostgresOptions{DSN: "postgres://bot:s3cret@db:notaport/x", Cluster: "c"})
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("err = %v", err)
	}
}

// A bot that loses the database goes on: writes are queued and replayed
// in order when it is back, the messages it posted meanwhile are found
// from memory, reads of anything else say the database is unavailable,
// and nothing written during the outage is lost.
func TestPostgresOutageQueuesAndReplays(t *testing.T) {
	srv := pgtest.Get(t)
	dsn := pgtest.Database(t)
	clk := &clock{now: t0}
	p := openPostgres(t, dsn, "eu", Options{Now: clk.Now})
	ctx := t.Context()
	before := fleetInc("eu", "before", incident.Open)
	save(t, p, before)
	if err := p.SaveMessageRef(ctx, MessageRef{Subject: before.ID, Channel: "C1", TS: "1.1", PostedAt: t0}); err != nil {
		t.Fatal(err)
	}

	restarted := make(chan error, 1)
	resume := make(chan time.Time)
	go func() {
		// Down until the test has written what it writes during the outage.
		restarted <- srv.RestartWhen(ctx, resume)
	}()
	waitFor(t, "the database to be down", func() bool {
		_, err := p.Active(ctx)
		return errors.Is(err, ErrUnavailable)
	})
	during := fleetInc("eu", "during", incident.Open)
	save(t, p, during)
	during.Restarts = 7
	save(t, p, during) // replaces the queued write
	ref := MessageRef{Subject: during.ID, Channel: "C1", TS: "3.3", PostedAt: t0}
	if err := p.SaveMessageRef(ctx, ref); err != nil {
		t.Fatalf("a write during the outage failed: %v", err)
	}
	if err := p.PutSilence(ctx, Silence{Key: during.Key, Until: t0.Add(time.Hour), By: "U1", CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := p.MessageRef(ctx, during.ID); err != nil || !ok || got != ref {
		t.Fatalf("the message posted during the outage: %+v, %v, %v", got, ok, err)
	}
	if _, _, err := p.MessageRef(ctx, "storm/of-another-replica"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("an unknown message during the outage: %v, want ErrUnavailable", err)
	}
	fs := p.Fallback()
	if !fs.Down || fs.Queued != 3 || fs.Outages != 1 {
		t.Fatalf("during the outage: %+v; want down with 3 writes queued", fs)
	}
	close(resume)
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the queue to be replayed", func() bool { return !p.Fallback().Down })
	if fs := p.Fallback(); fs.Queued != 0 || fs.Replayed != 3 || fs.Dropped != 0 {
		t.Fatalf("after the outage: %+v", fs)
	}
	other := openPostgres(t, dsn, "eu", Options{Now: clk.Now}) // another replica reads the database
	active, err := other.Active(ctx)
	if err != nil || names(active) != "before,during" || active[1].Restarts != 7 {
		t.Fatalf("active after the outage = %+v, %v", active, err)
	}
	if got, ok, _ := other.MessageRef(ctx, during.ID); !ok || got != ref {
		t.Fatalf("message ref after the outage = %+v, %v", got, ok)
	}
	if s, _ := other.Silences(ctx); len(s) != 1 || s[0].By != "U1" {
		t.Fatalf("silences after the outage = %+v", s)
	}
}

// waitFor polls cond until it holds, failing after a generous deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A fleet digest links to the messages of every cluster's incidents.
func TestPostgresMessageRefIn(t *testing.T) {
	dsn := pgtest.Database(t)
	eu, us := openPostgres(t, dsn, "eu", Options{}), openPostgres(t, dsn, "us", Options{})
	ref := MessageRef{Subject: "shop/Deployment/api[app]@1", Channel: "C1", TS: "5.5", PostedAt: t0}
	if err := us.SaveMessageRef(t.Context(), ref); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := eu.MessageRefIn(t.Context(), "us", ref.Subject); err != nil || !ok || got != ref {
		t.Fatalf("eu reading us's message: %+v %v %v", got, ok, err)
	}
	if _, ok, _ := eu.MessageRefIn(t.Context(), "eu", ref.Subject); ok {
		t.Fatal("found in the wrong cluster")
	}
}
