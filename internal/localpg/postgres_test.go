package localpg_test

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crashloop-bot/crashloop-bot/internal/localpg"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// The server keeps what was written across a restart (and a crash), and
// clients see the outage as a connection error, not as a hang.
func TestRestartKeepsData(t *testing.T) {
	srv := pgtest.Get(t)
	dsn := pgtest.Database(t)
	ctx := t.Context()
	exec := func(sql string, args ...any) error {
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, sql, args...)
		return err
	}
	count := func() int {
		t.Helper()
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		var n int
		if err := c.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := exec("CREATE TABLE t (v int)"); err != nil {
		t.Fatal(err)
	}
	if err := exec("INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}

	held, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close(context.Background())
	if err := srv.Restart(ctx, 100*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if _, err := held.Exec(ctx, "SELECT 1"); err == nil {
		t.Fatal("a connection from before the restart still works: the server did not restart")
	}
	if err := exec("INSERT INTO t VALUES (2)"); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d rows after the restart, want 2", n)
	}
	if err := srv.CrashAndRestart(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d rows after a crash, want 2", n)
	}
}

// As root, the server runs as an unprivileged user (PostgreSQL refuses
// root); otherwise as this user.
func TestRunsUnprivileged(t *testing.T) {
	srv := pgtest.Get(t)
	c, err := pgx.Connect(t.Context(), srv.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var super string
	if err := c.QueryRow(t.Context(), "SELECT current_user").Scan(&super); err != nil || super != localpg.Superuser {
		t.Fatalf("current_user = %q, %v; want %s", super, err, localpg.Superuser)
	}
	fi, err := os.Stat(srv.Dir + "/data")
	if err != nil {
		t.Fatal(err)
	}
	uid := int(fi.Sys().(*syscall.Stat_t).Uid)
	switch euid := os.Geteuid(); {
	case euid == 0 && uid == 0:
		t.Fatal("the data directory belongs to root: the server ran as root")
	case euid != 0 && uid != euid:
		t.Fatalf("the data directory belongs to uid %d, not to this user (%d)", uid, euid)
	}
}

func TestMissingBinariesAreNamed(t *testing.T) {
	_, err := localpg.Start(t.Context(), localpg.Options{BinDir: t.TempDir()})
	if err == nil {
		t.Fatal("started without binaries")
	}
	if !errors.Is(err, localpg.ErrBinariesMissing) {
		t.Fatalf("err = %v, want ErrBinariesMissing", err)
	}
}

// The server's CPU time grows with the work it does.
func TestCPUTime(t *testing.T) {
	srv := pgtest.Get(t)
	before := srv.CPUTime()
	c, err := pgx.Connect(t.Context(), srv.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(t.Context(), "SELECT count(*) FROM generate_series(1, 3000000)"); err != nil {
		t.Fatal(err)
	}
	if after := srv.CPUTime(); after <= before {
		t.Fatalf("CPU time %s, then %s after counting to 3 million", before, after)
	}
}
