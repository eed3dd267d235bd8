package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// press sends a signed button press and requires Slack's empty 200 ack.
func (e *attackEnv) press(t *testing.T, user, channel, ts, action, value, responseURL string) {
	t.Helper()
	status, body := do(t, signed(t, e.url+InteractionsPath, interaction(user, channel, ts, action, value, responseURL), time.Now(), testSecret))
	if status != 200 || body != "" {
		t.Fatalf("ack %d %q", status, body)
	}
}

func buttonValue(v ButtonValue) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Crafted buttons: a button's namespace, kind and pod are data from a
// message, never trusted. Access is checked again for the caller and the
// channel of the press, and values that name no Kubernetes object are
// refused before any cluster call.
func TestAttackCraftedButtons(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	ts, _ := postAlert(t, e.httpEnv, oomIncident())
	for i, tc := range []struct {
		name  string
		value ButtonValue
		want  string
	}{
		{"other namespace", ButtonValue{Cluster: "prod-eu-1", Namespace: "billing", Kind: "Deployment", Name: "api", Pod: "api-1"}, "🚫"},
		{"excluded namespace", ButtonValue{Namespace: "kube-system", Kind: "Deployment", Name: "coredns", Pod: "coredns-1"}, "🚫"},
		{"pod of another namespace by path", ButtonValue{Namespace: "payments", Kind: "Deployment", Name: "api", Pod: "../billing/api-1"}, "not one of mine"},
		{"kind with a path", ButtonValue{Namespace: "payments", Kind: "../../secrets", Name: "api", Pod: "api-7d9f8b6c5-x2x9q"}, "not one of mine"},
		{"kind in lower case", ButtonValue{Namespace: "payments", Kind: "secrets", Name: "api", Pod: "api-7d9f8b6c5-x2x9q"}, "not one of mine"},
		{"look-alike namespace", ButtonValue{Namespace: "pаyments", Kind: "Deployment", Name: "api"}, "not one of mine"},
		{"other cluster", ButtonValue{Cluster: "prod-us-1", Namespace: "payments", Kind: "Deployment", Name: "api"}, "cluster prod-us-1"},
	} {
		id := "b" + string(rune('a'+i))
		e.press(t, "U0ALICE", "C0ALERTS", ts, ActionLogs, buttonValue(tc.value), e.inbound.ResponseURL(id))
		resp := e.waitResponse(t, id)
		if !strings.Contains(resp, tc.want) || !strings.Contains(resp, `"ephemeral"`) {
			t.Errorf("%s: answer %s, want %q", tc.name, resp, tc.want)
		}
	}
	if m, _ := e.slack.Message("C0ALERTS", ts); len(m.Replies) != 0 {
		t.Fatalf("crafted buttons answered in the thread: %s", m.Replies[0].Blocks)
	}
	if calls := e.kube.callList(); len(calls) != 0 {
		t.Fatalf("crafted buttons reached the cluster: %q", calls)
	}
}

// waitResponse waits for the answer posted to the response_url id.
func (e *attackEnv) waitResponse(t *testing.T, id string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	body, err := e.inbound.WaitResponse(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return jsonUnescaper.Replace(string(body))
}

// A response_url is where Slack says to answer; the bot posts only to
// Slack's own hosts (the API's host and its hooks. host), never to a host
// a payload names, so a crafted or leaked payload cannot make it call
// elsewhere.
func TestAttackResponseURLOffSlackIsRefused(t *testing.T) {
	var hits atomic.Int32
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { hits.Add(1) }))
	defer evil.Close()
	// Same machine, another host name: not the API's host.
	evilURL := strings.Replace(evil.URL, "127.0.0.1", "localhost", 1) + "/hook"
	e := newAttackEnv(t, attackOptions{ackWithin: 50 * time.Millisecond})
	ts, values := postAlert(t, e.httpEnv, oomIncident())
	// Denied press: its refusal goes to the response_url.
	e.press(t, "U0ALICE", "C0RANDOM", ts, ActionDescribe, values[ActionDescribe], evilURL)
	e.waitLog(t, "refusing the response_url", func(l map[string]any) bool {
		return strings.Contains(l["msg"].(string), "response_url") && l["host"] == strings.Split(evilURL, "/")[2]
	})
	// Slow slash command: answered through the response_url later.
	e.kube.block = make(chan struct{})
	if _, ack := e.slash(t, alice, "describe payments/api-7d9f8b6c5-x2x9q", evilURL); !working(ack) {
		t.Fatalf("ack %s", ack)
	}
	close(e.kube.block)
	e.waitLog(t, "refusing the response_url of the slow command", func(l map[string]any) bool {
		n := 0
		for _, m := range e.log.lines(t) {
			if strings.Contains(m["msg"].(string), "response_url") {
				n++
			}
		}
		return n >= 2
	})
	if n := hits.Load(); n != 0 {
		t.Fatalf("the bot posted %d times to %s", n, evilURL)
	}
	// Slack's hosts pass.
	for _, ok := range []string{"https://hooks.slack.com/commands/T0/1/x", "https://HOOKS.slack.com/commands/T0/1/x", e.inbound.ResponseURL("x")} {
		if !e.responseURLAllowed(ok) {
			t.Errorf("%s refused", ok)
		}
	}
	for _, bad := range []string{"https://hooks.slack.com.evil.example/x", "http://hooks.slack.com/x", "https://evil.example/hooks.slack.com", "https://user@evil.example/x", "ftp://hooks.slack.com/x", "https://169.254.169.254/latest/meta-data", "/relative"} {
		if e.responseURLAllowed(bad) {
			t.Errorf("%s allowed", bad)
		}
	}
}

// Malformed and oversized interactions are refused without a cluster call.
func TestAttackMalformedInteractions(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	now := time.Now()
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"no payload", "x=1", 400},
		{"payload not JSON", "payload=%7Bnot-json", 400},
		{"payload of wrong shape", "payload=%5B1%2C2%5D", 400},
		{"form not parseable", "payload=%zz", 400},
		{"oversized", "payload=" + strings.Repeat("a", 70<<10), 413},
	} {
		if status, body := do(t, signed(t, e.url+InteractionsPath, tc.body, now, testSecret)); status != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, status, body, tc.want)
		}
	}
	// Slack's certificate check is answered empty, and runs nothing.
	if status, body := do(t, signed(t, e.url+CommandsPath, "ssl_check=1&token=x", now, testSecret)); status != 200 || body != "" {
		t.Errorf("ssl_check: %d %q", status, body)
	}
	long := strings.Repeat("x", 3000)
	ts, _ := postAlert(t, e.httpEnv, oomIncident())
	e.press(t, "U0ALICE", "C0ALERTS", ts, ActionLogs, long, e.inbound.ResponseURL("long"))
	if resp := e.waitResponse(t, "long"); !strings.Contains(resp, "not one of mine") {
		t.Fatalf("oversized value: %s", resp)
	}
	if calls := e.kube.callList(); len(calls) != 0 {
		t.Fatalf("malformed interactions reached the cluster: %q", calls)
	}
}

// responseURLAllowed reports whether the bot would post to url.
func (e *attackEnv) responseURLAllowed(url string) bool {
	_, err := e.handler.r.responseHost(url)
	return err == nil
}
