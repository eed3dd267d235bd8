package store

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
)

// One bot of the fleet holds a digest run; the others get it only when
// the holder's lease has run out, and the holder may renew it.
func TestPostgresDigestRunClaims(t *testing.T) {
	dsn := pgtest.Database(t)
	clk := &clock{now: t0}
	eu, us := openPostgres(t, dsn, "eu", Options{Now: clk.Now}), openPostgres(t, dsn, "us", Options{Now: clk.Now})
	ctx := t.Context()
	due := t0.Add(9 * time.Hour)
	claim := func(p *Postgres) bool {
		t.Helper()
		won, err := p.ClaimDigestRun(ctx, "#fleet", due, 5*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return won
	}
	if !claim(eu) || claim(us) {
		t.Fatal("the first claim of a run did not win alone")
	}
	clk.Add(4 * time.Minute)
	if !claim(eu) {
		t.Fatal("the holder could not renew its claim")
	}
	clk.Add(4 * time.Minute) // within the renewed lease
	if claim(us) {
		t.Fatal("a renewed claim was taken over")
	}
	clk.Add(2 * time.Minute)
	if !claim(us) || claim(eu) {
		t.Fatal("an expired claim was not taken over")
	}
	if won, _ := eu.ClaimDigestRun(ctx, "#other", due, time.Minute); !won {
		t.Fatal("a claim on another channel's run was refused")
	}
}

// Heartbeats tell which clusters the fleet has.
func TestPostgresClusters(t *testing.T) {
	dsn := pgtest.Database(t)
	clk := &clock{now: t0}
	eu, us := openPostgres(t, dsn, "eu", Options{Now: clk.Now}), openPostgres(t, dsn, "us", Options{Now: clk.Now})
	for _, p := range []*Postgres{us, eu} {
		if err := p.Heartbeat(t.Context(), "v1"); err != nil {
			t.Fatal(err)
		}
	}
	clk.Add(time.Minute)
	if err := eu.Heartbeat(t.Context(), "v2"); err != nil {
		t.Fatal(err)
	}
	cs, err := us.Clusters(t.Context())
	if err != nil || len(cs) != 2 || cs[0].Name != "eu" || cs[1].Name != "us" {
		t.Fatalf("clusters = %+v, %v", cs, err)
	}
	if !cs[0].SeenAt.Equal(t0.Add(time.Minute)) || cs[0].Version != "v2" || cs[0].Instance != eu.Instance() || !cs[1].SeenAt.Equal(t0) {
		t.Fatalf("clusters = %+v", cs)
	}
}

// A request for another cluster is taken by exactly one of its replicas,
// taken again when that one died without answering, and its answer wakes
// the bot that asked.
func TestPostgresRequests(t *testing.T) {
	dsn := pgtest.Database(t)
	clk := &clock{now: t0}
	asker := openPostgres(t, dsn, "eu", Options{Now: clk.Now})
	usA, usB := openPostgres(t, dsn, "us", Options{Now: clk.Now}), openPostgres(t, dsn, "us", Options{Now: clk.Now})
	ctx := t.Context()

	ctxL, stop := context.WithCancel(ctx)
	defer stop()
	var mu sync.Mutex
	var heard []string
	listening := make(chan struct{}, 1)
	go asker.Listen(ctxL, func(ch, payload string) {
		if ch == "" {
			listening <- struct{}{}
			return
		}
		mu.Lock()
		heard = append(heard, ch+":"+payload)
		mu.Unlock()
	}, NotifyRequests, NotifyReplies)
	<-listening

	id, err := asker.Ask(ctx, "us", []byte(`{"verb":"logs"}`), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := asker.NextRequest(ctx, time.Minute); ok {
		t.Fatal("eu took a request meant for us")
	}
	var wg sync.WaitGroup
	var taken sync.Map
	for _, p := range []*Postgres{usA, usB} {
		wg.Go(func() {
			if got, req, ok, err := p.NextRequest(ctx, 30*time.Second); err != nil {
				t.Error(err)
			} else if ok {
				taken.Store(p.Instance(), got)
				if string(req) != `{"verb": "logs"}` {
					t.Errorf("request = %s", req)
				}
			}
		})
	}
	wg.Wait()
	n := 0
	taken.Range(func(_, _ any) bool { n++; return true })
	if n != 1 {
		t.Fatalf("%d replicas took the request, want 1", n)
	}
	if _, _, ok, _ := usB.NextRequest(ctx, 30*time.Second); ok {
		t.Fatal("a request being worked on was taken again")
	}
	clk.Add(31 * time.Second) // its taker died
	got, _, ok, err := usB.NextRequest(ctx, 30*time.Second)
	if err != nil || !ok || got != id {
		t.Fatalf("the request of a dead taker was not taken over: %d %v %v", got, ok, err)
	}
	if _, ok, _ := asker.Reply(ctx, id); ok {
		t.Fatal("a reply before the answer")
	}
	if err := usB.Answer(ctx, id, []byte(`{"text":"done"}`)); err != nil {
		t.Fatal(err)
	}
	if r, ok, err := asker.Reply(ctx, id); err != nil || !ok || string(r) != `{"text": "done"}` {
		t.Fatalf("reply = %s, %v, %v", r, ok, err)
	}
	waitFor(t, "both notifications", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(heard) == 2
	})
	mu.Lock()
	defer mu.Unlock()
	if heard[0] != NotifyRequests+":us" || heard[1] != NotifyReplies+":"+itoa(id) {
		t.Fatalf("heard %v", heard)
	}
	clk.Add(2 * time.Minute)
	if _, err := asker.Ask(ctx, "us", []byte(`{}`), time.Minute); err != nil {
		t.Fatal(err)
	}
	clk.Add(2 * time.Minute) // expired before anyone took it
	if _, _, ok, _ := usA.NextRequest(ctx, 30*time.Second); ok {
		t.Fatal("an expired request was taken")
	}
}

// The listener comes back after the database restarts and says so, so
// its consumer looks for what it missed.
func TestPostgresListenSurvivesRestart(t *testing.T) {
	srv := pgtest.Get(t)
	p := openPostgres(t, pgtest.Database(t), "eu", Options{})
	ctx, stop := context.WithCancel(t.Context())
	defer stop()
	connects := make(chan struct{}, 4)
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Listen(ctx, func(ch, _ string) {
			if ch == "" {
				connects <- struct{}{}
			}
		}, NotifyFleet)
	}()
	<-connects
	if err := srv.Restart(ctx, 200*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	select {
	case <-connects:
	case <-time.After(30 * time.Second):
		t.Fatal("the listener did not reconnect")
	}
	stop()
	<-done
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// What a fleet leaves behind goes with retention: resolved fleet incidents
// with their members, events and message, and old told events of long
// ones.
func TestPostgresFleetRetention(t *testing.T) {
	dsn := pgtest.Database(t)
	clk := &clock{now: t0}
	p := openPostgres(t, dsn, "eu", Options{Now: clk.Now, Retention: 24 * time.Hour})
	ctx := t.Context()
	i := fleetInc("eu", "orders", incident.Open)
	rec := FleetRecord{Incident: i, Reason: incident.FirstNotification, WorkloadKey: "w", Category: "oom_killed", At: clk.Now()}
	m, err := p.RecordFleet(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SaveMessageRef(ctx, MessageRef{Subject: m.ID, Channel: "C1", TS: "1.1", PostedAt: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	if r, ok, _ := p.MessageRef(ctx, i.ID); !ok || r.TS != "1.1" {
		t.Fatalf("the member incident does not lead to the fleet message: %+v %v", r, ok)
	}
	i.State, i.ResolvedAt = incident.Resolved, clk.Now().Add(time.Hour)
	rec.Incident, rec.Reason, rec.At = i, incident.ResolvedReason, i.ResolvedAt
	if _, err := p.RecordFleet(ctx, rec); err != nil {
		t.Fatal(err)
	}
	save(t, p, i)
	clk.Add(72 * time.Hour)
	save(t, p, fleetInc("eu", "trigger", incident.Open)) // prunes
	var left int
	if err := p.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM fleet_incidents) + (SELECT count(*) FROM fleet_members) + (SELECT count(*) FROM fleet_events)
		+ (SELECT count(*) FROM message_refs)`).Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d fleet rows left after retention (%v)", left, err)
	}
}
