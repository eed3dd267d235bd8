package bot

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"
)

// Attack 7: a client that sends its headers or body slowly, or keeps an
// idle connection, held it open for as long as it liked (82 s seen). The
// server drops each after its timeout.
func TestAttackSlowClientsAreDropped(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	h := NewHTTPHandler(e.cmds, e.api, HTTPOptions{SigningSecret: testSecret})
	h.Register(mux)
	const timeout = 300 * time.Millisecond
	srv := NewServer("127.0.0.1:0", mux, ServerOptions{ReadHeaderTimeout: timeout, ReadTimeout: timeout, IdleTimeout: timeout})
	l, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })

	for _, tc := range []struct {
		name  string
		start string // sent at once
		trick string // then one byte of it every 50 ms, repeated
	}{
		{"slow headers", "POST /slack/commands HTTP/1.1\r\nHost: bot\r\n", "X"},
		{"slow body", "POST /slack/commands HTTP/1.1\r\nHost: bot\r\nContent-Length: 100000\r\n\r\n", "a"},
		{"idle after a request", "GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", l.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.Write([]byte(tc.start)); err != nil {
				t.Fatal(err)
			}
			closed := make(chan struct{})
			go func() {
				defer close(closed)
				r := bufio.NewReader(conn)
				for {
					if _, err := r.ReadByte(); err != nil {
						return // the server hung up
					}
				}
			}()
			tick := time.NewTicker(50 * time.Millisecond)
			defer tick.Stop()
			fail := time.After(10 * time.Second) // a failure timeout, not the bound tested
			for {
				select {
				case <-closed:
					return
				case <-tick.C:
					if tc.trick != "" {
						_, _ = conn.Write([]byte(tc.trick))
					}
				case <-fail:
					t.Fatalf("the connection is still open after 10 s (server timeouts %s)", timeout)
				}
			}
		})
	}
}
