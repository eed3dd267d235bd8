package fleet

import (
	"os"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
	"github.com/crashloop-bot/crashloop-bot/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// openStore opens the Postgres store of cluster on dsn for the test.
func openStore(t *testing.T, dsn, cluster string, opts store.Options) *store.Postgres {
	t.Helper()
	p, err := store.NewPostgres(store.PostgresOptions{Options: opts, DSN: dsn, Cluster: cluster, Logger: testlog.Logger(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if err := p.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	return p
}
