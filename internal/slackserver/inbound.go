package slackserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// DefaultAppToken is the app-level token NewInbound accepts when
// InboundOptions.AppToken is empty.
const DefaultAppToken = "xapp-slackserver-test-token"

// maxAckSize is Slack's limit on a Socket Mode message from an app; larger
// acks are dropped by Slack, and recorded as Dropped here.
const maxAckSize = 20 * 1024

// InboundOptions configure an Inbound server.
type InboundOptions struct {
	// AppToken is the app-level token apps.connections.open accepts.
	// Default DefaultAppToken.
	AppToken string
	// PingInterval is how often the websocket is pinged, as Slack does;
	// default 5s.
	PingInterval time.Duration
}

// Inbound plays the parts of Slack that call the bot: Socket Mode
// (apps.connections.open handing out a ws:// URL on loopback, envelopes
// pushed by the test, acks recorded) and response_url endpoints that record
// what the bot posts to them. Its URL is an API base URL for a slack-go
// client made with slack.OptionAppLevelToken.
type Inbound struct {
	opts InboundOptions
	http *httptest.Server

	mu        sync.Mutex
	conn      *websocket.Conn // the bot's current connection
	writeMu   sync.Mutex
	acks      []Ack
	responses []Response
	nextID    int
	changed   chan struct{}
	closed    bool
}

// Ack is one acknowledgement the bot sent over the websocket.
type Ack struct {
	EnvelopeID string
	// Payload is the ack's payload (the slash command's answer), nil for
	// none.
	Payload json.RawMessage
	// Size is the message's size on the wire; Dropped is set when it
	// exceeds Slack's 20 KB, which Slack silently ignores.
	Size    int
	Dropped bool
	At      time.Time
}

// Response is one POST the bot made to a response_url.
type Response struct {
	// ID names the response_url (see ResponseURL).
	ID   string
	Body json.RawMessage
	At   time.Time
}

// NewInbound starts an Inbound server on a loopback port. Close it when done.
func NewInbound(opts InboundOptions) *Inbound {
	if opts.AppToken == "" {
		opts.AppToken = DefaultAppToken
	}
	if opts.PingInterval <= 0 {
		opts.PingInterval = 5 * time.Second
	}
	s := &Inbound{opts: opts, changed: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/apps.connections.open", s.serveOpen)
	mux.HandleFunc("GET /link", s.serveLink)
	mux.HandleFunc("POST /respond/{id}", s.serveRespond)
	s.http = httptest.NewServer(mux)
	return s
}

// URL is the API base URL, ending in "/", for slack.OptionAPIURL.
func (s *Inbound) URL() string { return s.http.URL + "/api/" }

// Close closes the websocket and the server.
func (s *Inbound) Close() {
	s.mu.Lock()
	s.closed = true
	c := s.conn
	s.mu.Unlock()
	if c != nil {
		_ = c.Close()
	}
	s.http.Close()
}

// ResponseURL returns a new response_url on this server; what the bot
// posts to it is recorded under id.
func (s *Inbound) ResponseURL(id string) string { return s.http.URL + "/respond/" + id }

func (s *Inbound) serveOpen(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if bearer(r.Header.Get("Authorization")) != s.opts.AppToken {
		_, _ = io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
		return
	}
	ws := "ws" + strings.TrimPrefix(s.http.URL, "http") + "/link"
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "url": ws})
}

var upgrader = websocket.Upgrader{
	// slack-go sends Origin https://api.slack.com, which is not our host.
	CheckOrigin: func(*http.Request) bool { return true },
}

func (s *Inbound) serveLink(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = conn.Close()
		return
	}
	old := s.conn
	s.conn = conn
	s.mu.Unlock()
	if old != nil {
		_ = old.Close()
	}
	done := make(chan struct{})
	defer close(done)
	go s.ping(conn, done)
	if err := s.write(conn, map[string]any{
		"type": "hello", "num_connections": 1,
		"connection_info": map[string]any{"app_id": "A0SLACKTEST"},
		"debug_info":      map[string]any{"host": "slackserver"},
	}); err != nil {
		return
	}
	s.notify()
	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			s.mu.Lock()
			if s.conn == conn {
				s.conn = nil
			}
			s.mu.Unlock()
			s.notify()
			return
		}
		var ack struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(msg, &ack) != nil || ack.EnvelopeID == "" {
			continue
		}
		a := Ack{EnvelopeID: ack.EnvelopeID, Size: len(msg), Dropped: len(msg) > maxAckSize, At: time.Now()}
		if len(ack.Payload) > 0 && string(ack.Payload) != "null" {
			a.Payload = ack.Payload
		}
		s.mu.Lock()
		s.acks = append(s.acks, a)
		s.mu.Unlock()
		s.notify()
	}
}

func (s *Inbound) ping(conn *websocket.Conn, done chan struct{}) {
	t := time.NewTicker(s.opts.PingInterval)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			s.writeMu.Lock()
			err := conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second))
			s.writeMu.Unlock()
			if err != nil {
				return
			}
		}
	}
}

func (s *Inbound) write(conn *websocket.Conn, v any) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return conn.WriteJSON(v)
}

func (s *Inbound) serveRespond(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil || !json.Valid(body) {
		http.Error(w, "invalid_payload", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.responses = append(s.responses, Response{ID: r.PathValue("id"), Body: body, At: time.Now()})
	s.mu.Unlock()
	s.notify()
	_, _ = io.WriteString(w, "ok")
}

// Connected reports whether a bot is connected over the websocket.
func (s *Inbound) Connected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn != nil
}

// ErrNotConnected: no bot is connected over the websocket.
var ErrNotConnected = errors.New("slackserver: no Socket Mode connection")

// Send pushes an envelope of type typ ("slash_commands", "interactive")
// with payload to the connected bot and returns its envelope id.
func (s *Inbound) Send(typ string, payload any) (string, error) {
	s.mu.Lock()
	conn := s.conn
	s.nextID++
	id := fmt.Sprintf("env-%06d", s.nextID)
	s.mu.Unlock()
	if conn == nil {
		return "", ErrNotConnected
	}
	err := s.write(conn, map[string]any{
		"envelope_id": id, "type": typ, "payload": payload,
		"accepts_response_payload": typ == "slash_commands",
	})
	return id, err
}

// Acks returns the acks received, in order.
func (s *Inbound) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.acks)
}

// AckOf returns the ack of an envelope, if it came.
func (s *Inbound) AckOf(envelopeID string) (Ack, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.acks {
		if a.EnvelopeID == envelopeID {
			return a, true
		}
	}
	return Ack{}, false
}

// Responses returns what was posted to the response URLs, in order.
func (s *Inbound) Responses() []Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.responses)
}

func (s *Inbound) notify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	close(s.changed)
	s.changed = make(chan struct{})
}

// WaitFor blocks until cond holds or ctx ends; cond is evaluated now and
// after every connection, ack and response.
func (s *Inbound) WaitFor(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// WaitResponse waits until something is posted to the response URL id
// (see ResponseURL) and returns the first body posted there.
func (s *Inbound) WaitResponse(ctx context.Context, id string) (json.RawMessage, error) {
	var body json.RawMessage
	err := s.WaitFor(ctx, func() bool {
		for _, r := range s.Responses() {
			if r.ID == id {
				body = r.Body
				return true
			}
		}
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("no answer at response URL %s: %w", id, err)
	}
	return body, nil
}
