// Package testlog gives tests a log they can both read and watch: a Buffer
// safe for concurrent writers (a bot's goroutines, a child process's
// output), and a slog.Logger that writes to the test's own output while the
// test runs and keeps every line for assertions.
package testlog

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// Buffer is a bytes.Buffer that many goroutines may write while a test
// reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

// String returns everything written so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// New returns a debug-level text logger whose lines go to t.Log until the
// test ends (later lines, from goroutines still stopping, are only kept:
// t.Log after the end panics) and are all kept in the returned Buffer.
func New(t testing.TB) (*slog.Logger, *Buffer) {
	w := &testWriter{t: t}
	t.Cleanup(func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
	})
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug})), &w.all
}

type testWriter struct {
	mu   sync.Mutex
	t    testing.TB
	done bool
	all  Buffer
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.all.Write(p)
	if !w.done {
		w.t.Log(strings.TrimSuffix(string(p), "\n"))
	}
	return len(p), nil
}

// Logger is New without the Buffer.
func Logger(t testing.TB) *slog.Logger {
	l, _ := New(t)
	return l
}
