// Package localpg runs a real PostgreSQL server from the Debian packages
// (postgresql, /usr/lib/postgresql/VERSION/bin) on loopback, in a temporary
// directory, for the tests, the fleet benchmark and the demo. It runs
// initdb and postgres as the current user, or, when that is root (which
// PostgreSQL refuses), as an unprivileged system user (postgres when the
// package created it, else nobody). Nothing here talks to a remote host.
package localpg

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrBinariesMissing means PostgreSQL's server programs are not installed.
var ErrBinariesMissing = errors.New("PostgreSQL server not installed (apt-get install postgresql)")

// Superuser is the database superuser initdb creates; it logs in without
// a password from loopback (trust), as tests need no secrets.
const Superuser = "crashloop"

// Options configure Start.
type Options struct {
	// BinDir holds initdb and postgres; empty means $CRASHLOOP_PG_BIN_DIR,
	// else the newest /usr/lib/postgresql/*/bin, else the one on $PATH.
	BinDir string
	// Dir holds the data directory and the server log; a new temporary
	// directory when empty (removed by Stop).
	Dir string
	// MaxConnections is the server's max_connections; default 200.
	MaxConnections int
	// Progress receives one line per slow step for a human watching; may be nil.
	Progress io.Writer
}

// Server is a running PostgreSQL server. Stop it when done.
type Server struct {
	// Port is the loopback TCP port the server listens on.
	Port int
	// Dir holds the data directory (data/) and the server log (postgres.log).
	Dir string

	binDir   string
	ownDir   bool
	cred     *syscall.Credential
	maxConns int
	progress io.Writer

	mu   sync.Mutex
	proc *exec.Cmd
	done chan struct{}
}

// FindBinDir returns the directory holding initdb and postgres, or
// ErrBinariesMissing.
func FindBinDir() (string, error) {
	if d := os.Getenv("CRASHLOOP_PG_BIN_DIR"); d != "" {
		return checkBinDir(d)
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	// Newest major version first: 9.6 < 15 compares numerically.
	slices.SortFunc(dirs, func(a, b string) int { return majorOf(b) - majorOf(a) })
	for _, d := range dirs {
		if d, err := checkBinDir(d); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return checkBinDir(filepath.Dir(p))
	}
	return "", ErrBinariesMissing
}

func majorOf(binDir string) int {
	n, _ := strconv.Atoi(strings.Split(filepath.Base(filepath.Dir(binDir)), ".")[0])
	return n
}

func checkBinDir(d string) (string, error) {
	for _, b := range []string{"initdb", "postgres"} {
		if _, err := os.Stat(filepath.Join(d, b)); err != nil {
			return "", fmt.Errorf("%w: %s", ErrBinariesMissing, filepath.Join(d, b))
		}
	}
	return d, nil
}

// Start creates a database cluster with initdb and starts postgres on a
// free loopback port, waiting until it accepts connections.
func Start(ctx context.Context, opts Options) (*Server, error) {
	binDir := opts.BinDir
	var err error
	if binDir == "" {
		binDir, err = FindBinDir()
	} else {
		binDir, err = checkBinDir(binDir)
	}
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: opts.Dir, binDir: binDir, maxConns: opts.MaxConnections, progress: opts.Progress}
	if s.maxConns <= 0 {
		s.maxConns = 200
	}
	if s.progress == nil {
		s.progress = io.Discard
	}
	if s.Dir == "" {
		d, err := os.MkdirTemp("", "crashloop-pg-")
		if err != nil {
			return nil, err
		}
		s.Dir, s.ownDir = d, true
	}
	ok := false
	defer func() {
		if !ok {
			s.Stop()
		}
	}()
	if s.cred, err = unprivileged(); err != nil {
		return nil, err
	}
	if s.cred != nil {
		// The server's user must own its data directory and write its log.
		if err := os.Chown(s.Dir, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
			return nil, fmt.Errorf("give %s to the postgres user: %w", s.Dir, err)
		}
		// Parents of a private temp dir may be closed to others (0700).
		if err := os.Chmod(s.Dir, 0o755); err != nil {
			return nil, err
		}
	}
	if s.Port, err = freePort(); err != nil {
		return nil, err
	}
	start := time.Now()
	fmt.Fprintf(s.progress, "postgres: initdb in %s\n", s.Dir)
	initdb := exec.CommandContext(ctx, filepath.Join(binDir, "initdb"),
		"-D", s.dataDir(), "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	initdb.Dir = s.Dir
	if out, err := initdb.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	fmt.Fprintf(s.progress, "postgres: ready on 127.0.0.1:%d after %s\n", s.Port, time.Since(start).Round(100*time.Millisecond))
	ok = true
	return s, nil
}

func (s *Server) dataDir() string { return filepath.Join(s.Dir, "data") }

// LogPath is the server's log file.
func (s *Server) LogPath() string { return filepath.Join(s.Dir, "postgres.log") }

// start runs postgres on s.Port and waits until it accepts connections.
func (s *Server) start(ctx context.Context) error {
	logf, err := os.OpenFile(s.LogPath(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	// No fsync keeps the 2-core CI machine's disk out of the timings; a
	// commit still reaches the kernel before it is acknowledged
	// (synchronous_commit stays on), so killing the server loses nothing,
	// as with a real server.
	cmd := exec.Command(filepath.Join(s.binDir, "postgres"), "-D", s.dataDir(),
		"-p", strconv.Itoa(s.Port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories="+s.Dir,
		"-c", "max_connections="+strconv.Itoa(s.maxConns),
		"-c", "fsync=off", "-c", "full_page_writes=off",
		"-c", "log_min_messages=warning", "-c", "log_min_error_statement=panic")
	cmd.Dir = s.Dir
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = serverAttr(s.cred)
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start postgres: %w", err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		logf.Close()
		close(done)
	}()
	s.mu.Lock()
	s.proc, s.done = cmd, done
	s.mu.Unlock()
	return s.waitReady(ctx, done)
}

// waitReady connects until the server answers, it exits, or 60 s pass.
func (s *Server) waitReady(ctx context.Context, done chan struct{}) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var last error
	for {
		c, err := pgx.Connect(ctx, s.DSN("postgres"))
		if err == nil {
			c.Close(ctx)
			return nil
		}
		last = err
		select {
		case <-done:
			return fmt.Errorf("postgres exited (see %s): %v", s.LogPath(), last)
		case <-ctx.Done():
			return fmt.Errorf("postgres not ready (see %s): %w (last: %v)", s.LogPath(), ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// DSN is the connection string of database db as the superuser.
func (s *Server) DSN(db string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", Superuser, s.Port, db)
}

// CreateDatabase creates database name (a fresh one per test keeps tests
// apart) and returns its DSN.
func (s *Server) CreateDatabase(ctx context.Context, name string) (string, error) {
	c, err := pgx.Connect(ctx, s.DSN("postgres"))
	if err != nil {
		return "", fmt.Errorf("connect to postgres: %w", err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return s.DSN(name), nil
}

// Restart stops the server (fast shutdown: clients are disconnected,
// transactions in flight roll back), keeps it down for down, and starts it
// again on the same port and data, as an upgrade or a failover would.
func (s *Server) Restart(ctx context.Context, down time.Duration) error {
	t := time.NewTimer(down)
	defer t.Stop()
	return s.RestartWhen(ctx, t.C)
}

// RestartWhen stops the server as Restart does and starts it again when
// resume is ready (a test decides how long the outage lasts).
func (s *Server) RestartWhen(ctx context.Context, resume <-chan time.Time) error {
	s.stopProcess(syscall.SIGINT)
	fmt.Fprintf(s.progress, "postgres: stopped\n")
	select {
	case <-resume:
	case <-ctx.Done():
		return ctx.Err()
	}
	fmt.Fprintf(s.progress, "postgres: starting again\n")
	return s.start(ctx)
}

// CrashAndRestart kills the server and all its processes with SIGKILL,
// as a killed container would, keeps it down for down and starts it
// again: it recovers from its write-ahead log like after a real crash.
func (s *Server) CrashAndRestart(ctx context.Context, down time.Duration) error {
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p != nil {
		// Each backend is a session of its own (postgres calls setsid), so
		// they are found by parent: left behind, they would keep the shared
		// memory a little while, and the next server would refuse it.
		for _, pid := range children(p.Process.Pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
	s.stopProcess(syscall.SIGKILL)
	select {
	case <-time.After(down):
	case <-ctx.Done():
		return ctx.Err()
	}
	// A backend killed a moment ago may still hold the shared memory: the
	// new server says so and exits; try again shortly.
	for attempt := 0; ; attempt++ {
		err := s.start(ctx)
		if err == nil || attempt == 50 || !strings.Contains(s.tailLog(), "pre-existing shared memory block") {
			return err
		}
		select {
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// tailLog is the end of the server log.
func (s *Server) tailLog() string {
	b, _ := os.ReadFile(s.LogPath())
	return string(b[max(0, len(b)-2048):])
}

// children lists the processes whose parent is pid (none off Linux).
func children(pid int) []int {
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	var out []int
	for _, d := range dirs {
		b, err := os.ReadFile(d)
		if err != nil {
			continue
		}
		// "pid (comm) state ppid ...": comm may hold spaces, so split after ')'.
		i := strings.LastIndexByte(string(b), ')')
		f := strings.Fields(string(b[i+1:]))
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			c, _ := strconv.Atoi(filepath.Base(filepath.Dir(d)))
			out = append(out, c)
		}
	}
	return out
}

// stopProcess signals the postmaster and waits up to 30 s for it to exit.
func (s *Server) stopProcess(sig syscall.Signal) {
	s.mu.Lock()
	p, done := s.proc, s.done
	s.proc = nil
	s.mu.Unlock()
	if p == nil {
		return
	}
	_ = p.Process.Signal(sig)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = p.Process.Kill()
		<-done
	}
}

// Stop shuts the server down and removes the directory Start created.
func (s *Server) Stop() {
	if s == nil {
		return
	}
	s.stopProcess(syscall.SIGINT)
	if s.ownDir {
		os.RemoveAll(s.Dir)
	}
}

// unprivileged returns the credentials to run PostgreSQL with: nil when
// this process is not root, else those of the postgres system user, else
// nobody's.
func unprivileged() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil {
			continue
		}
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, nil
	}
	return nil, errors.New("running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as (it refuses root)")
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
