package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// The attack tests replay, over real HTTP with correctly signed requests,
// what a member of the workspace tried against the bot (issue #12): each
// attack has its own file, attack_*_test.go.

// attackOptions shape an attack environment.
type attackOptions struct {
	access        *Access // default testAccess()
	slack         slackserver.Options
	maxConcurrent int
	ackWithin     time.Duration // default 2s
	groups        bool          // resolve user groups through the Slack server
	// replay, when set, is the replay record shared with other replicas.
	replay ReplayStore
}

// attackEnv is one bot replica's HTTP transport on loopback, with the Slack
// Web API server, the response_url server and the bot's JSON log.
type attackEnv struct {
	*httpEnv
	log     *logBuffer
	cmds    *Commands
	handler *HTTPHandler // the latest replica's
}

func newAttackEnv(t *testing.T, o attackOptions) *attackEnv {
	t.Helper()
	slackSrv := slackserver.New(o.slack)
	t.Cleanup(slackSrv.Close)
	inbound := slackserver.NewInbound(slackserver.InboundOptions{})
	t.Cleanup(inbound.Close)
	e := &attackEnv{
		httpEnv: &httpEnv{
			slack: slackSrv, inbound: inbound, kube: newFakeCluster(),
			incs: &fakeIncidents{active: []incident.Incident{oomIncident()}},
		},
		log: &logBuffer{},
	}
	e.api = slack.New(slackserver.DefaultToken, slack.OptionAPIURL(slackSrv.URL()))
	e.url = e.serve(t, o)
	return e
}

func (e *attackEnv) serve(t *testing.T, o attackOptions) string {
	t.Helper()
	if o.access == nil {
		a := testAccess()
		o.access = &a
	}
	if o.ackWithin == 0 {
		o.ackWithin = 2 * time.Second
	}
	logger := slog.New(slog.NewJSONHandler(e.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h, ready := wireReplica(e, o, logger)
	mux := http.NewServeMux()
	h.Register(mux)
	srv := httptest.NewServer(mux)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = h.Run(ctx) })
	t.Cleanup(func() { srv.Close(); cancel(); wg.Wait() })
	// Channel names in the rules are resolved at start: wait for it, so
	// a test's first request sees the resolved rules.
	wctx, wcancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer wcancel()
	select {
	case <-ready:
	case <-wctx.Done():
		t.Fatal("the bot did not get ready")
	}
	return srv.URL
}

// slash sends a signed slash command from caller and returns the HTTP
// status and the ack's body.
func (e *attackEnv) slash(t *testing.T, caller Caller, text, responseURL string) (int, string) {
	t.Helper()
	return do(t, signed(t, e.url+CommandsPath, slashFormFrom(caller, text, responseURL), time.Now(), testSecret))
}

// slashFormFrom is a slash command's form as Slack sends it.
func slashFormFrom(c Caller, text, responseURL string) string {
	return formOf(map[string]string{
		"token": "ignored", "team_id": "T0", "channel_id": c.ChannelID, "channel_name": c.ChannelName,
		"user_id": c.UserID, "user_name": c.UserName, "command": "/crashloop", "text": text,
		"response_url": responseURL, "trigger_id": "1.2.3",
	})
}

func formOf(m map[string]string) string {
	v := make(map[string][]string, len(m))
	for k, s := range m {
		v[k] = []string{s}
	}
	return url.Values(v).Encode()
}

// audits returns the bot's audit lines so far.
func (e *attackEnv) audits(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range e.log.lines(t) {
		if l["msg"] == "audit" {
			out = append(out, l)
		}
	}
	return out
}

// waitLog waits until a log line satisfies cond.
func (e *attackEnv) waitLog(t *testing.T, what string, cond func(map[string]any) bool) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	var found map[string]any
	err := e.log.waitFor(ctx, func() bool {
		for _, l := range e.log.lines(t) {
			if cond(l) {
				found = l
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("no log line %s in:\n%s", what, e.log.String())
	}
	return found
}

// logBuffer collects JSON log lines and wakes waiters on each write.
type logBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{}
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.changed != nil {
		close(l.changed)
		l.changed = nil
	}
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *logBuffer) lines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(l.String()) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

func (l *logBuffer) waitFor(ctx context.Context, cond func() bool) error {
	for {
		l.mu.Lock()
		if l.changed == nil {
			l.changed = make(chan struct{})
		}
		ch := l.changed
		l.mu.Unlock()
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

// callList returns the cluster calls so far.
func (f *fakeCluster) callList() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}
