// Package pgtest shares one local PostgreSQL server (see localpg) among the
// tests of a package: call Run (or Wrap) from TestMain and Get from each
// test, which gets a database of its own with Database.
//
// When PostgreSQL is not installed, tests skip with a message saying how to
// install it, unless $CI is set: in CI they must run, so Run fails.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/internal/localpg"
)

var (
	shared     *localpg.Server
	skipReason string
	dbCounter  atomic.Int64
)

// Run starts the server, runs the tests and stops it. Use it as
// `func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }`.
func Run(m *testing.M) int {
	return Wrap(m, func(m *testing.M) int { return m.Run() })
}

// Wrap starts the server, calls run (another harness's Run, e.g.
// lctest.Run, which runs the tests) and stops the server:
// `os.Exit(pgtest.Wrap(m, lctest.Run))`.
func Wrap(m *testing.M, run func(*testing.M) int) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	srv, err := localpg.Start(ctx, localpg.Options{Progress: progress()})
	cancel()
	switch {
	case errors.Is(err, localpg.ErrBinariesMissing) && os.Getenv("CI") == "":
		skipReason = fmt.Sprintf("needs PostgreSQL: %v (Debian/Ubuntu: apt-get install postgresql; `make test` in CI installs it)", err)
		return run(m)
	case err != nil:
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		return 1
	}
	shared = srv
	defer srv.Stop()
	return run(m)
}

// progress shows the server's slow steps when tests run verbosely.
func progress() io.Writer {
	for _, a := range os.Args {
		if a == "-test.v=true" || a == "-test.v" {
			return os.Stderr
		}
	}
	return nil
}

// Get returns the shared server, or skips the test when it could not be
// started outside CI.
func Get(t testing.TB) *localpg.Server {
	t.Helper()
	if shared == nil {
		if skipReason == "" {
			t.Fatal("pgtest.Get called without pgtest.Run in TestMain")
		}
		t.Skip(skipReason)
	}
	return shared
}

// Database creates a database for this test alone on the shared server
// and returns its DSN.
func Database(t testing.TB) string {
	t.Helper()
	srv := Get(t)
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		}
		return '_'
	}, t.Name())
	if len(name) > 40 {
		name = name[:40]
	}
	name = fmt.Sprintf("t_%s_%d", strings.Trim(name, "_"), dbCounter.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dsn, err := srv.CreateDatabase(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}
