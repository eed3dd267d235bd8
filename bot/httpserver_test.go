package bot

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/store"
)

const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// httpEnv is the bot's HTTP transport on loopback, with a Slack Web API
// server for its answers and a response_url server.
type httpEnv struct {
	url     string
	slack   *slackserver.Server
	inbound *slackserver.Inbound
	api     *slack.Client
	kube    *fakeCluster
	incs    *fakeIncidents
}

func newHTTPEnv(t *testing.T, ackWithin time.Duration) *httpEnv {
	t.Helper()
	e := &httpEnv{
		slack:   slackserver.New(slackserver.Options{}),
		inbound: slackserver.NewInbound(slackserver.InboundOptions{}),
		kube:    newFakeCluster(),
		incs:    &fakeIncidents{active: []incident.Incident{oomIncident()}},
	}
	t.Cleanup(e.slack.Close)
	t.Cleanup(e.inbound.Close)
	e.api = slack.New(slackserver.DefaultToken, slack.OptionAPIURL(e.slack.URL()))
	cmds := newTestCommands(e.kube, e.incs, nil)
	h := NewHTTPHandler(cmds, e.api, HTTPOptions{SigningSecret: testSecret, ResponderOptions: ResponderOptions{AckWithin: ackWithin, Logger: slog.New(slog.DiscardHandler), APIURL: e.slack.URL()}})
	mux := http.NewServeMux()
	h.Register(mux)
	srv := httptest.NewServer(mux)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = h.Run(ctx) })
	t.Cleanup(func() { srv.Close(); cancel(); wg.Wait() })
	e.url = srv.URL
	return e
}

// signed builds a request signed as Slack signs it.
func signed(t *testing.T, target string, body string, ts time.Time, secret string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(Sign(secret, stamp, []byte(body))))
	return req
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func slashForm(text, responseURL string) string {
	return url.Values{
		"token": {"ignored"}, "team_id": {"T0"}, "channel_id": {"C0ALERTS"}, "channel_name": {"alerts"},
		"user_id": {"U0ALICE"}, "user_name": {"alice"}, "command": {"/crashloop"}, "text": {text},
		"response_url": {responseURL}, "trigger_id": {"1.2.3"},
	}.Encode()
}

func TestHTTPVerification(t *testing.T) {
	e := newHTTPEnv(t, 2*time.Second)
	cmdURL := e.url + CommandsPath
	body := slashForm("help", e.inbound.ResponseURL("v"))
	now := time.Now()

	// Signed one second earlier than the others, so it is not itself a
	// replay of the first case.
	replayed := signed(t, cmdURL, body, now.Add(-time.Second), testSecret)
	replayBody := body
	for _, tc := range []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"signed", func() *http.Request { return signed(t, cmdURL, body, now, testSecret) }, 200},
		{"no signature", func() *http.Request {
			r := signed(t, cmdURL, body, now, testSecret)
			r.Header.Del("X-Slack-Signature")
			return r
		}, 401},
		{"no timestamp", func() *http.Request {
			r := signed(t, cmdURL, body, now, testSecret)
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}, 401},
		{"forged with another secret", func() *http.Request { return signed(t, cmdURL, body, now, "not-the-secret") }, 401},
		{"body changed after signing", func() *http.Request {
			r := signed(t, cmdURL, body, now, testSecret)
			tampered := strings.Replace(body, "help", "logs+payments%2Fapi", 1)
			r.Body, r.ContentLength = io.NopCloser(strings.NewReader(tampered)), int64(len(tampered))
			return r
		}, 401},
		{"garbage signature", func() *http.Request {
			r := signed(t, cmdURL, body, now, testSecret)
			r.Header.Set("X-Slack-Signature", "v0=zz")
			return r
		}, 401},
		{"stale (6 minutes old)", func() *http.Request { return signed(t, cmdURL, body, now.Add(-6*time.Minute), testSecret) }, 401},
		{"from the future", func() *http.Request { return signed(t, cmdURL, body, now.Add(6*time.Minute), testSecret) }, 401},
		{"first of a pair", func() *http.Request { return replayed }, 200},
		{"replayed", func() *http.Request {
			r := replayed.Clone(context.Background())
			r.Body, r.ContentLength = io.NopCloser(strings.NewReader(replayBody)), int64(len(replayBody))
			return r
		}, 401},
		{"oversized", func() *http.Request {
			big := body + "&pad=" + strings.Repeat("x", 70<<10)
			return signed(t, cmdURL, big, now, testSecret)
		}, 413},
		{"oversized without length", func() *http.Request {
			big := body + "&pad=" + strings.Repeat("x", 70<<10)
			r := signed(t, cmdURL, big, now, testSecret)
			r.ContentLength = -1 // chunked: the limit applies while reading
			return r
		}, 413},
		{"interaction forged", func() *http.Request {
			return signed(t, e.url+InteractionsPath, "payload=%7B%7D", now, "not-the-secret")
		}, 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, text := do(t, tc.req()); got != tc.want {
				t.Fatalf("status %d, want %d: %s", got, tc.want, text)
			}
		})
	}
	// GET is not a Slack request.
	resp, err := http.Get(cmdURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET: %d", resp.StatusCode)
	}
	if n := len(e.kube.calls); n != 0 {
		t.Fatalf("refused requests reached the cluster: %q", e.kube.calls)
	}
}

// ackMessage decodes a slash command's HTTP answer.
func ackMessage(t *testing.T, body string) responseMessage {
	t.Helper()
	var m struct {
		ResponseType string            `json:"response_type"`
		Text         string            `json:"text"`
		Blocks       []json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("ack %q: %v", body, err)
	}
	return responseMessage{ResponseType: m.ResponseType, Text: m.Text + "\n" + fmt.Sprint(rawStrings(m.Blocks))}
}

func rawStrings(r []json.RawMessage) string {
	var b strings.Builder
	for _, m := range r {
		b.Write(m)
	}
	return b.String()
}

func TestHTTPSlashCommandAnswersInAck(t *testing.T) {
	e := newHTTPEnv(t, 2*time.Second)
	status, body := do(t, signed(t, e.url+CommandsPath, slashForm("describe payments/deploy/api", e.inbound.ResponseURL("d")), time.Now(), testSecret))
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	m := ackMessage(t, body)
	if m.ResponseType != "ephemeral" || !strings.Contains(m.Text, "api-7d9f8b6c5-x2x9q") || !strings.Contains(m.Text, "OOMKilled") {
		t.Fatalf("ack = %+v", m)
	}
}

func TestHTTPSlowCommandAnswersThroughResponseURL(t *testing.T) {
	e := newHTTPEnv(t, 200*time.Millisecond)
	e.kube.delay = time.Second
	start := time.Now()
	status, body := do(t, signed(t, e.url+CommandsPath, slashForm("probe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("slow")), time.Now(), testSecret))
	if took := time.Since(start); took > time.Second {
		t.Fatalf("ack took %s; Slack gives up after 3s", took)
	}
	if status != 200 || !strings.Contains(body, "Working on it") {
		t.Fatalf("ack %d: %s", status, body)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := e.inbound.WaitFor(ctx, func() bool { return len(e.inbound.Responses()) > 0 }); err != nil {
		t.Fatal("no answer through response_url")
	}
	r := e.inbound.Responses()[0]
	var msg map[string]any
	if err := json.Unmarshal(r.Body, &msg); err != nil {
		t.Fatal(err)
	}
	if r.ID != "slow" || msg["response_type"] != "ephemeral" || msg["replace_original"] != false || !strings.Contains(string(r.Body), "Probe check") {
		t.Fatalf("response = %s", r.Body)
	}
}

// interaction is a block_actions payload as Slack sends it for a button
// on message ts in channel.
func interaction(user, channel, ts, actionID, value, responseURL string) string {
	p := map[string]any{
		"type": "block_actions", "trigger_id": "1.2.3", "api_app_id": "A0",
		"user":         map[string]any{"id": user, "username": "alice", "name": "alice", "team_id": "T0"},
		"team":         map[string]any{"id": "T0"},
		"channel":      map[string]any{"id": channel, "name": "alerts"},
		"container":    map[string]any{"type": "message", "message_ts": ts, "channel_id": channel, "is_ephemeral": false},
		"message":      map[string]any{"type": "message", "ts": ts, "text": "alert"},
		"response_url": responseURL,
		"actions": []map[string]any{{
			"type": "button", "action_id": actionID, "block_id": ActionsBlockID, "value": value,
			"text": map[string]any{"type": "plain_text", "text": "x"}, "action_ts": "1.1",
		}},
	}
	b, _ := json.Marshal(p)
	return url.Values{"payload": {string(b)}}.Encode()
}

// buttonValues posts the rendered alert and returns its ts and its
// buttons' values by action id, as Slack stores them.
func postAlert(t *testing.T, e *httpEnv, inc incident.Incident) (string, map[string]string) {
	t.Helper()
	text, blocks := Render(inc)
	_, ts, err := e.api.PostMessageContext(t.Context(), "C0ALERTS", slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...))
	if err != nil {
		t.Fatal(err)
	}
	msg, ok := e.slack.Message("C0ALERTS", ts)
	if !ok {
		t.Fatal("alert not stored")
	}
	var stored []struct {
		BlockID  string `json:"block_id"`
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(msg.Blocks, &stored); err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	for _, b := range stored {
		if b.BlockID == ActionsBlockID {
			for _, el := range b.Elements {
				values[el.ActionID] = el.Value
			}
		}
	}
	return ts, values
}

func TestButtonsRoundTrip(t *testing.T) {
	e := newHTTPEnv(t, 2*time.Second)
	ts, values := postAlert(t, e, oomIncident())
	for _, id := range []string{ActionLogs, ActionDescribe, ActionProbe, ActionSilence1h, ActionSilence24h} {
		if values[id] == "" || len(values[id]) > maxButtonValue {
			t.Fatalf("button %s value %q", id, values[id])
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	press := func(user, channel, id, respID string) {
		t.Helper()
		start := time.Now()
		status, body := do(t, signed(t, e.url+InteractionsPath, interaction(user, channel, ts, id, values[id], e.inbound.ResponseURL(respID)), time.Now(), testSecret))
		if status != 200 || body != "" || time.Since(start) > time.Second {
			t.Fatalf("ack %d %q after %s", status, body, time.Since(start))
		}
	}
	replies := func() []slackserver.Message {
		m, _ := e.slack.Message("C0ALERTS", ts)
		return m.Replies
	}

	press("U0ALICE", "C0ALERTS", ActionLogs, "logs")
	if err := e.slack.WaitFor(ctx, func() bool { return len(replies()) == 1 }); err != nil {
		t.Fatal("no thread reply to Logs")
	}
	r := replies()[0]
	got := jsonUnescaper.Replace(string(r.Blocks))
	if r.ThreadTS != ts || !strings.Contains(got, "*Logs* of `payments/api-7d9f8b6c5-x2x9q`") ||
		!strings.Contains(got, "requested by <@U0ALICE>") || strings.Contains(got, "hunter2") {
		t.Fatalf("logs reply = %s", r.Blocks)
	}

	press("U0ALICE", "C0ALERTS", ActionProbe, "probe")
	if err := e.slack.WaitFor(ctx, func() bool { return len(replies()) == 2 }); err != nil {
		t.Fatal("no thread reply to Probe check")
	}
	if !strings.Contains(string(replies()[1].Blocks), "Liveness and readiness probes check the same thing") {
		t.Fatalf("probe reply = %s", replies()[1].Blocks)
	}

	press("U0ALICE", "C0ALERTS", ActionSilence24h, "silence")
	if err := e.inbound.WaitFor(ctx, func() bool { return len(e.inbound.Responses()) == 1 }); err != nil {
		t.Fatal("no answer to Silence")
	}
	if resp := e.inbound.Responses()[0]; resp.ID != "silence" || !strings.Contains(string(resp.Body), "Silenced") {
		t.Fatalf("silence answer = %s", resp.Body)
	}
	e.incs.mu.Lock()
	applied := append([]string(nil), e.incs.applied...)
	silences := append([]store.Silence(nil), e.incs.silences...)
	e.incs.mu.Unlock()
	if len(silences) != 1 || silences[0].Key != oomIncident().Key || len(applied) != 1 {
		t.Fatalf("silences = %+v, told %q", silences, applied)
	}

	// From a channel without access: a private refusal, no thread reply.
	press("U0ALICE", "C0RANDOM", ActionDescribe, "denied")
	if err := e.inbound.WaitFor(ctx, func() bool { return len(e.inbound.Responses()) == 2 }); err != nil {
		t.Fatal("no answer to a denied press")
	}
	if resp := e.inbound.Responses()[1]; !strings.Contains(string(resp.Body), "🚫") || !strings.Contains(string(resp.Body), `"ephemeral"`) {
		t.Fatalf("denied answer = %s", resp.Body)
	}
	if n := len(replies()); n != 2 {
		t.Fatalf("%d thread replies after a denied press", n)
	}
}

// jsonUnescaper undoes encoding/json's HTML escaping.
var jsonUnescaper = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&")

func TestButtonValueRoundTrip(t *testing.T) {
	inc := oomIncident()
	v, err := DecodeButtonValue(EncodeButtonValue(inc))
	if err != nil {
		t.Fatal(err)
	}
	if v.Key() != inc.Key || v.Pod != "api-7d9f8b6c5-x2x9q" {
		t.Fatalf("decoded %+v", v)
	}
	long := inc
	long.Key.Cluster = strings.Repeat("c", 5000)
	if s := EncodeButtonValue(long); len(s) > maxButtonValue {
		t.Fatalf("value of %d chars", len(s))
	}
	for _, bad := range []string{"", "{", `{"n":"Payments","k":"Deployment","w":"api"}`, `{"n":"a","k":"Deployment","w":"b/c"}`, `{"n":"a","k":"Secret","w":"b"}`} {
		if _, err := DecodeButtonValue(bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
	if els := actionElements(resolvedIncident()); els != nil {
		t.Fatal("a resolved incident has no buttons")
	}
}
