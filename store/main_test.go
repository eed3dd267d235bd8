package store

import (
	"os"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
)

// TestMain starts the local control plane the ConfigMaps backend is tested
// on, and the PostgreSQL server of the Postgres backend.
func TestMain(m *testing.M) { os.Exit(pgtest.Wrap(m, lctest.Run)) }
