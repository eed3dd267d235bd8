package bot

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// HTTP paths of Slack's request URLs.
const (
	CommandsPath     = "/slack/commands"
	InteractionsPath = "/slack/interactions"
)

// HTTPOptions configure the HTTP transport.
type HTTPOptions struct {
	ResponderOptions
	// SigningSecret verifies that requests come from Slack; required.
	SigningSecret string
	// MaxBody bounds a request body; larger ones get 413. Default 64 KiB.
	MaxBody int64
	// MaxSkew is how far a request's timestamp may be from now; older or
	// newer ones get 401. Default 5 minutes, Slack's recommendation.
	MaxSkew time.Duration
	// Replay, when set, is the replay record shared by every replica
	// (the store): a verified request is answered once per deployment, not
	// once per replica. Without it each replica remembers on its own.
	Replay ReplayStore
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// ReplayStore records one-time tokens across replicas (store.Store
// implements it).
type ReplayStore interface {
	// Claim records token until until and reports whether this call was
	// the first to claim it.
	Claim(ctx context.Context, token string, until time.Time) (bool, error)
}

// ServerOptions bound how long a client may hold a connection to the
// bot's HTTP server. Zero values take the defaults.
type ServerOptions struct {
	// ReadHeaderTimeout bounds reading a request's headers; default 5s.
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request, body included; default
	// 10s. Slack's requests are a few KiB and arrive at once.
	ReadTimeout time.Duration
	// WriteTimeout bounds handling and answering a request; default 30s
	// (a slash command is acked within AckWithin).
	WriteTimeout time.Duration
	// IdleTimeout closes kept-alive connections idle that long; default 60s.
	IdleTimeout time.Duration
	// MaxHeaderBytes bounds the request headers; default 32 KiB.
	MaxHeaderBytes int
}

// NewServer returns the HTTP server for health checks, metrics and
// Slack's requests on addr, with timeouts so that a client sending slowly
// (or not at all) cannot hold connections open.
func NewServer(addr string, h http.Handler, o ServerOptions) *http.Server {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.ReadHeaderTimeout, 5*time.Second)
	def(&o.ReadTimeout, 10*time.Second)
	def(&o.WriteTimeout, 30*time.Second)
	def(&o.IdleTimeout, 60*time.Second)
	if o.MaxHeaderBytes <= 0 {
		o.MaxHeaderBytes = 32 << 10
	}
	return &http.Server{
		Addr: addr, Handler: h,
		ReadHeaderTimeout: o.ReadHeaderTimeout, ReadTimeout: o.ReadTimeout,
		WriteTimeout: o.WriteTimeout, IdleTimeout: o.IdleTimeout, MaxHeaderBytes: o.MaxHeaderBytes,
	}
}

// HTTPHandler serves Slack's request URLs for slash commands and
// interactivity: it verifies each request's signature, acks within Slack's
// 3 seconds and answers slow commands through response_url.
type HTTPHandler struct {
	r      *responder
	opts   HTTPOptions
	log    *slog.Logger
	replay *replayCache
}

// NewHTTPHandler returns the HTTP transport for cmds, answering through
// api. It does no I/O; call Run to stop its background work on shutdown.
func NewHTTPHandler(cmds *Commands, api ReplyAPI, opts HTTPOptions) *HTTPHandler {
	if opts.MaxBody <= 0 {
		opts.MaxBody = 64 << 10
	}
	if opts.MaxSkew <= 0 {
		opts.MaxSkew = 5 * time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	r := newResponder(cmds, api, opts.ResponderOptions, "slack-http")
	return &HTTPHandler{r: r, opts: opts, log: r.log, replay: newReplayCache(2 * opts.MaxSkew)}
}

// Register adds POST /slack/commands and POST /slack/interactions to mux.
func (h *HTTPHandler) Register(mux *http.ServeMux) {
	mux.Handle("POST "+CommandsPath, http.HandlerFunc(h.serveCommand))
	mux.Handle("POST "+InteractionsPath, http.HandlerFunc(h.serveInteraction))
}

// Run returns when ctx ends, after stopping the commands still running.
func (h *HTTPHandler) Run(ctx context.Context) error {
	h.r.run(ctx)
	return nil
}

// Errors of request verification.
var (
	errNoSignature  = errors.New("missing X-Slack-Signature or X-Slack-Request-Timestamp")
	errBadTimestamp = errors.New("request timestamp is not a number")
	errStale        = errors.New("request timestamp too far from now")
	errBadSignature = errors.New("invalid signature")
	errReplayed     = errors.New("replayed request")
	errTooLarge     = errors.New("request body too large")
	errReplayStore  = errors.New("the replay record cannot be read")
)

// verified reads the body of a Slack request and checks its signature:
// v0=hex(HMAC-SHA256(secret, "v0:"+timestamp+":"+body)), a timestamp within
// MaxSkew of now, and not seen before. It writes the error answer itself
// and returns ok false when the request must be refused.
func (h *HTTPHandler) verified(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	fail := func(status int, err error) (url.Values, bool) {
		h.log.Warn("refused Slack request", "path", r.URL.Path, "remote", r.RemoteAddr, "status", status, "reason", err.Error())
		http.Error(w, http.StatusText(status), status)
		return nil, false
	}
	if r.ContentLength > h.opts.MaxBody {
		return fail(http.StatusRequestEntityTooLarge, errTooLarge)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return fail(http.StatusRequestEntityTooLarge, errTooLarge)
		}
		return fail(http.StatusBadRequest, err)
	}
	if err := h.verify(r.Context(), r.Header, body); err != nil {
		if errors.Is(err, errReplayStore) {
			// Fail closed: without the shared record a replay could run.
			return fail(http.StatusServiceUnavailable, err)
		}
		return fail(http.StatusUnauthorized, err)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return fail(http.StatusBadRequest, err)
	}
	return form, true
}

func (h *HTTPHandler) verify(ctx context.Context, header http.Header, body []byte) error {
	ts, sig := header.Get("X-Slack-Request-Timestamp"), header.Get("X-Slack-Signature")
	if ts == "" || sig == "" || h.opts.SigningSecret == "" {
		return errNoSignature
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errBadTimestamp
	}
	now := h.opts.Now()
	if d := now.Sub(time.Unix(sec, 0)); d > h.opts.MaxSkew || d < -h.opts.MaxSkew {
		return errStale
	}
	got, ok := strings.CutPrefix(sig, "v0=")
	if !ok {
		return errBadSignature
	}
	gotMAC, err := hex.DecodeString(got)
	if err != nil {
		return errBadSignature
	}
	if !hmac.Equal(gotMAC, Sign(h.opts.SigningSecret, ts, body)) {
		return errBadSignature
	}
	// Slack never sends the same signed request twice: a second one is a
	// replay within the time window. The key is the MAC itself, not its
	// text, so "v0=ABC..." replays "v0=abc...".
	key := hex.EncodeToString(gotMAC)
	if !h.replay.first(key, now) {
		return errReplayed
	}
	if h.opts.Replay != nil {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		first, err := h.opts.Replay.Claim(ctx, "slack-request:"+key, now.Add(2*h.opts.MaxSkew))
		if err != nil {
			return fmt.Errorf("%w: %v", errReplayStore, err)
		}
		if !first {
			return errReplayed
		}
	}
	return nil
}

// Sign returns Slack's v0 request signature of body sent at timestamp:
// HMAC-SHA256(secret, "v0:"+timestamp+":"+body). The header value is
// "v0=" + hex of it.
func Sign(secret, timestamp string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + timestamp + ":"))
	m.Write(body)
	return m.Sum(nil)
}

func (h *HTTPHandler) serveCommand(w http.ResponseWriter, r *http.Request) {
	form, ok := h.verified(w, r)
	if !ok {
		return
	}
	if form.Get("ssl_check") == "1" {
		// Slack checking the certificate: nothing to run.
		w.WriteHeader(http.StatusOK)
		return
	}
	req := slashRequest{
		caller: Caller{
			UserID: form.Get("user_id"), UserName: form.Get("user_name"),
			ChannelID: form.Get("channel_id"), ChannelName: form.Get("channel_name"),
			TeamID: form.Get("team_id"), EnterpriseID: form.Get("enterprise_id"),
		},
		text:        form.Get("text"),
		responseURL: form.Get("response_url"),
		source:      "slash",
	}
	ack, followUps := h.r.slash(req)
	writeJSON(w, ackPayload(ack))
	if f, ok := w.(http.Flusher); ok {
		f.Flush() // the ack first, then the parts that follow it
	}
	h.r.followUp(req.responseURL, followUps)
}

func (h *HTTPHandler) serveInteraction(w http.ResponseWriter, r *http.Request) {
	form, ok := h.verified(w, r)
	if !ok {
		return
	}
	var ic slack.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &ic); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	// Ack at once, whatever the interaction; buttons answer in the thread.
	w.WriteHeader(http.StatusOK)
	if req, ok := buttonFrom(ic); ok {
		h.r.press(req)
	}
}

// buttonFrom extracts a button press on an incident message.
func buttonFrom(ic slack.InteractionCallback) (buttonRequest, bool) {
	if ic.Type != slack.InteractionTypeBlockActions || len(ic.ActionCallback.BlockActions) == 0 {
		return buttonRequest{}, false
	}
	a := ic.ActionCallback.BlockActions[0]
	channel := ic.Channel.ID
	if channel == "" {
		channel = ic.Container.ChannelID
	}
	ts := ic.Container.MessageTs
	if ts == "" {
		ts = ic.Message.Timestamp
	}
	// An alert is a top-level message; if it is itself in a thread, answer there.
	if ic.Message.ThreadTimestamp != "" {
		ts = ic.Message.ThreadTimestamp
	}
	return buttonRequest{
		caller: Caller{
			UserID: ic.User.ID, UserName: ic.User.Name,
			ChannelID: channel, ChannelName: ic.Channel.Name,
			TeamID: ic.Team.ID, EnterpriseID: ic.Enterprise.ID,
		},
		actionID: a.ActionID, value: a.Value,
		channelID: channel, messageTS: ts, responseURL: ic.ResponseURL,
	}, true
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

// replayCache remembers the signatures of verified requests for ttl.
type replayCache struct {
	ttl  time.Duration
	mu   sync.Mutex
	seen map[string]time.Time
}

// maxReplayEntries bounds the cache; beyond it, it is pruned.
const maxReplayEntries = 100000

func newReplayCache(ttl time.Duration) *replayCache {
	return &replayCache{ttl: ttl, seen: map[string]time.Time{}}
}

// first records sig and reports whether it was not seen within ttl.
func (c *replayCache) first(sig string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if at, ok := c.seen[sig]; ok && now.Sub(at) < c.ttl {
		return false
	}
	if len(c.seen) >= maxReplayEntries {
		for k, at := range c.seen {
			if now.Sub(at) >= c.ttl {
				delete(c.seen, k)
			}
		}
		if len(c.seen) >= maxReplayEntries {
			// Still full: a flood of valid requests. Forget the oldest half
			// rather than refuse legitimate ones.
			for k := range c.seen {
				delete(c.seen, k)
				if len(c.seen) < maxReplayEntries/2 {
					break
				}
			}
		}
	}
	c.seen[sig] = now
	return true
}
