package fleet

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// bot is one cluster's bot in a router test: its store, hub and router.
type testBot struct {
	st     *store.Postgres
	hub    *Hub
	router *Router
}

func startBot(t *testing.T, ctx context.Context, dsn, cluster string, withHub bool) testBot {
	t.Helper()
	st := openStore(t, dsn, cluster, store.Options{})
	if err := st.Heartbeat(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	b := testBot{st: st}
	if withHub {
		b.hub = NewHub(st, testlog.Logger(t))
		go b.hub.Run(ctx, store.NotifyRequests, store.NotifyReplies)
	}
	b.router = NewRouter(st, b.hub, RouterOptions{Cluster: cluster, Poll: 5 * time.Second, Stale: time.Second, Logger: testlog.Logger(t)})
	return b
}

// A request reaches the leading bot of its cluster and its reply comes
// back, woken by notifications (well before the 5 s poll).
func TestRouterAsksAnotherCluster(t *testing.T) {
	dsn := pgtest.Database(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	eu, us := startBot(t, ctx, dsn, "eu", true), startBot(t, ctx, dsn, "us", true)
	var served atomic.Int32
	go us.router.Serve(ctx, func(_ context.Context, req []byte) []byte {
		served.Add(1)
		return []byte(fmt.Sprintf(`{"echo": %s}`, req))
	})
	time.Sleep(0) // Serve subscribes before its first look; the first Ask is taken by either
	for i := range 3 {
		start := time.Now()
		actx, acancel := context.WithTimeout(ctx, 4*time.Second)
		reply, err := eu.router.Ask(actx, "us", []byte(fmt.Sprintf(`{"n": %d}`, i)))
		acancel()
		if err != nil {
			t.Fatalf("ask %d: %v (after %s)", i, err, time.Since(start))
		}
		if want := fmt.Sprintf(`{"echo": {"n": %d}}`, i); string(reply) != want {
			t.Fatalf("reply %s, want %s", reply, want)
		}
	}
	if served.Load() != 3 {
		t.Fatalf("served %d requests, want 3", served.Load())
	}
	if _, err := eu.router.Ask(ctx, "nowhere", []byte(`{}`)); !errors.Is(err, ErrNoSuchCluster) {
		t.Fatalf("unknown cluster: %v", err)
	}
}

// A replica that took a request and died before answering: the other
// replica of the cluster takes it once it is stale, and answers.
func TestRouterReplicaTakesOverAStaleRequest(t *testing.T) {
	dsn := pgtest.Database(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	eu := startBot(t, ctx, dsn, "eu", false)
	dying, alive := startBot(t, ctx, dsn, "us", false), startBot(t, ctx, dsn, "us", false)
	alive.router.opts.Poll = 100 * time.Millisecond
	dyingCtx, die := context.WithCancel(ctx)
	took, gone := make(chan struct{}), make(chan struct{})
	go dying.router.Serve(dyingCtx, func(ctx context.Context, _ []byte) []byte {
		close(took)
		<-gone // its answer finds no database: the process is gone
		return []byte(`{"by": "dying"}`)
	})
	answered := make(chan []byte, 1)
	go func() {
		r, err := eu.router.Ask(ctx, "us", []byte(`{}`))
		if err != nil {
			t.Error(err)
		}
		answered <- r
	}()
	<-took
	die()
	dying.st.Close()
	close(gone)
	go alive.router.Serve(ctx, func(context.Context, []byte) []byte { return []byte(`{"by": "alive"}`) })
	select {
	case r := <-answered:
		if string(r) != `{"by": "alive"}` {
			t.Fatalf("reply %s", r)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the stale request was never answered")
	}
}
