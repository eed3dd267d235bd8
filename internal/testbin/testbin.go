// Package testbin builds the crashloop-bot binary once per test process and
// runs it, so end-to-end tests run the released program exactly as a user
// would: started with its flags and environment, stopped with an interrupt
// or killed with SIGKILL.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
)

// pkg is the main package, named by import path so the build works from
// any test's directory.
const pkg = "github.com/crashloop-bot/crashloop-bot/cmd/bot"

var (
	once sync.Once
	dir  string
	path string
	err  error
)

// Bot returns the path of a crashloop-bot binary built from this checkout,
// building it on first use; it fails the test when the build fails.
func Bot(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		if dir, err = os.MkdirTemp("", "crashloop-bot-e2e-"); err != nil {
			return
		}
		path = filepath.Join(dir, "crashloop-bot")
		if out, berr := exec.Command("go", "build", "-o", path, pkg).CombinedOutput(); berr != nil {
			err = fmt.Errorf("go build %s: %v\n%s", pkg, berr, out)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// Clean removes the binary, if one was built; call it from TestMain after
// the tests have run.
func Clean() {
	if dir != "" {
		os.RemoveAll(dir)
	}
}

// Process is a crashloop-bot process under test.
type Process struct {
	Cmd *exec.Cmd
	// Out holds what it wrote to stdout and stderr.
	Out  *testlog.Buffer
	done chan struct{}
}

// Start runs the bot built by Bot with args and env (added to the test's
// environment). The process is stopped when the test ends, and its output
// shown, under name, if the test failed.
func Start(t testing.TB, name string, args []string, env ...string) *Process {
	t.Helper()
	cmd := exec.Command(Bot(t), args...)
	cmd.Env = append(os.Environ(), env...)
	p := &Process{Cmd: cmd, Out: &testlog.Buffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.Out, p.Out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.Stop()
		if t.Failed() {
			t.Logf("--- output of %s:\n%s", name, p.Out.String())
		}
	})
	return p
}

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// Exited reports whether the process has exited.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Stop interrupts the process as a person or Kubernetes would, and kills
// it if it has not exited 15 s later.
func (p *Process) Stop() {
	if p.Exited() {
		return
	}
	_ = p.Cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		_ = p.Cmd.Process.Kill()
		<-p.done
	}
}

// Kill ends the process with SIGKILL (no shutdown, no lease released) and
// waits for it.
func (p *Process) Kill() {
	_ = p.Cmd.Process.Kill()
	<-p.done
}

// Listen is the server.listen of a bot under test: a loopback port the
// kernel chooses when the bot binds it, read back with HTTPAddr. (A port
// picked free beforehand can be taken, as the source port of any outgoing
// connection, before the bot binds it.)
const Listen = "127.0.0.1:0"

// reServing finds the address the bot's HTTP server bound in its log,
// written as text (addr=...) or JSON ("addr":"...").
var reServing = regexp.MustCompile(`"serving health checks, metrics and Slack requests",?\s*"?addr"?[=:]"?([^\s"]+)`)

// ServingAddr returns the address a bot's log says its HTTP server
// listens on, or "" when the log does not say it (yet).
func ServingAddr(log string) string {
	if m := reServing.FindStringSubmatch(log); m != nil {
		return m[1]
	}
	return ""
}

// HTTPAddr waits until the bot says which address its HTTP server
// listens on and returns it; the test fails if the bot exits or has not
// said so within d.
func (p *Process) HTTPAddr(t testing.TB, d time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		if addr := ServingAddr(p.Out.String()); addr != "" {
			return addr
		}
		if p.Exited() {
			t.Fatalf("the bot exited before serving HTTP:\n%s", p.Out.String())
		}
		if time.Now().After(deadline) {
			t.Fatalf("the bot did not serve HTTP within %s:\n%s", d, p.Out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
