package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/internal/testbin"
)

// The attacks of issue #12 that need the whole bot (configuration, the
// cluster side and the Slack side wired together) run against the
// released binary here, over real HTTP with correctly signed requests.

const attackSecret = "attack-signing-secret"

// slackBot is a released binary serving Slack requests on addr.
type slackBot struct {
	*runningBot
	addr    string
	slack   *slackserver.Server
	inbound *slackserver.Inbound
}

// launchSlackBot runs the binary in http mode with config yaml (server,
// slack and digest keys are added) and waits for its HTTP server.
func launchSlackBot(t *testing.T, env *lctest.Env, srv *slackserver.Server, in *slackserver.Inbound, yaml string) *slackBot {
	t.Helper()
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf("%s\nslack:\n  api_url: %s\n  channel: C0ALERTS\ndigest:\n  enabled: false\nserver:\n  listen: %q\nlog:\n  level: debug\n", yaml, srv.URL(), testbin.Listen))
	rb := launch(t, cfg, adminKubeconfig(t, env), "SLACK_SIGNING_SECRET="+attackSecret)
	addr := rb.HTTPAddr(t, 20*time.Second)
	waitUntil(t, "the HTTP server", 20*time.Second, func() bool {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})
	return &slackBot{runningBot: rb, addr: addr, slack: srv, inbound: in}
}

// signedSlash is a slash command from user in channel, signed at ts.
func signedSlash(t *testing.T, addr, user, channel, text, responseURL string, ts time.Time) *http.Request {
	t.Helper()
	body := url.Values{
		"token": {"x"}, "team_id": {"T0SLACKTEST"}, "channel_id": {channel}, "channel_name": {"alerts"},
		"user_id": {user}, "user_name": {"someone"}, "command": {"/crashloop"}, "text": {text},
		"response_url": {responseURL}, "trigger_id": {"1.2.3"},
	}.Encode()
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+bot.CommandsPath, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(bot.Sign(attackSecret, stamp, []byte(body))))
	return req
}

func send(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// ask sends a signed slash command and returns the whole answer: the ack,
// or, when the bot answers later, what it posted to the response_url.
func (b *slackBot) ask(t *testing.T, user, channel, text string) string {
	t.Helper()
	id := fmt.Sprintf("r%d", time.Now().UnixNano())
	status, ack := send(t, signedSlash(t, b.addr, user, channel, text, b.inbound.ResponseURL(id), time.Now()))
	if status != http.StatusOK {
		t.Fatalf("%s: HTTP %d %s", text, status, ack)
	}
	if !strings.Contains(ack, "Working on it") {
		return ack
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	got, err := b.inbound.WaitResponse(ctx, id)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return string(got)
}
