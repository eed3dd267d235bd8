package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/internal/testbin"
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
)

// Attack 7: a client that sends a body slowly held a connection open for
// 82 s. The HTTP server drops it after its read timeout.
func TestServeHTTPDropsSlowBodies(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	register := func(mux *http.ServeMux) {
		mux.HandleFunc("POST /slack/commands", func(w http.ResponseWriter, r *http.Request) { _, _ = io.Copy(io.Discard, r.Body) })
	}
	var log testlog.Buffer
	go func() {
		done <- serveHTTP(ctx, testbin.Listen, func() bool { return true }, http.NotFoundHandler(), register, slog.New(slog.NewTextHandler(&log, nil)))
	}()
	var addr string
	waitUntil(t, "the HTTP server", 10*time.Second, func() bool {
		addr = testbin.ServingAddr(log.String())
		return addr != ""
	})
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := fmt.Fprintf(conn, "POST /slack/commands HTTP/1.1\r\nHost: bot\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	// One byte every 200 ms, until the server hangs up; give up after 40 s.
	start := time.Now()
	closed := make(chan time.Duration, 1)
	go func() {
		r := bufio.NewReader(conn)
		_, _ = r.ReadByte() // EOF or an error status: either way the server ended it
		closed <- time.Since(start)
	}()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(40 * time.Second)
	for {
		select {
		case d := <-closed:
			t.Logf("slow body dropped after %s", d.Round(100*time.Millisecond))
			cancel()
			<-done
			return
		case <-tick.C:
			_, _ = conn.Write([]byte("a"))
		case <-deadline:
			t.Fatal("a slow body kept its connection for 40 s")
		}
	}
}
