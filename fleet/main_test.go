package fleet

import (
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// openStore opens the Postgres store of cluster on dsn for the test.
func openStore(t *testing.T, dsn, cluster string, opts store.Options) *store.Postgres {
	t.Helper()
	p, err := store.NewPostgres(store.PostgresOptions{Options: opts, DSN: dsn, Cluster: cluster, Logger: testLogger(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if err := p.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	return p
}

// testLogger logs to the test until it ends.
func testLogger(t *testing.T) *slog.Logger {
	w := &testWriter{t: t}
	t.Cleanup(func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
	})
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct {
	mu   sync.Mutex
	t    *testing.T
	done bool
	buf  strings.Builder
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.done {
		w.t.Log(strings.TrimSuffix(string(p), "\n"))
	}
	return len(p), nil
}

func (w *testWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
