package main

import (
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/internal/testbin"
)

// TestBinarySilenceGoesThroughTheStore: a signed "/crashloop silence"
// writes the silence to the store only; the incident manager reads it from
// there and the alert shows it at once, with a thread reply naming who.
func TestBinarySilenceGoesThroughTheStore(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 1, Template: containerSpec("api")})
	if err != nil {
		t.Fatal(err)
	}
	const secret = "e2e-signing-secret"
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf("cluster_name: e2e\nwatch:\n  namespaces: [%s]\n  group_wait: 1s\nslack:\n  api_url: %s\n  channel: C0ALERTS\ndigest:\n  enabled: false\nstore:\n  backend: memory\nserver:\n  listen: %q\n", ns, srv.URL(), testbin.Listen))
	rb := launch(t, cfg, adminKubeconfig(t, env), "SLACK_SIGNING_SECRET="+secret)
	addr := rb.HTTPAddr(t, 20*time.Second)
	waitUntil(t, "watch sync", 20*time.Second, func() bool { return strings.Contains(rb.Out.String(), "watch synced") })
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "api", ExitCode: 1, Log: "panic: boom\n"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the alert", 20*time.Second, func() bool { return len(topLevel(srv)) == 1 })
	msg := topLevel(srv)[0]

	form := url.Values{"team_id": {"T1"}, "channel_id": {"C0ALERTS"}, "channel_name": {"alerts"}, "user_id": {"U1"},
		"user_name": {"ann"}, "command": {"/crashloop"}, "text": {"silence " + ns + "/deployment/api 1h"}, "response_url": {srv.URL() + "noop"}}
	body := form.Encode()
	ts := fmt.Sprint(time.Now().Unix())
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(bot.Sign(secret, ts, []byte(body))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(answer), "Silenced") {
		t.Fatalf("silence: %d %s", resp.StatusCode, answer)
	}
	waitUntil(t, "the alert to show the silence", 10*time.Second, func() bool {
		m, _ := srv.Message(msg.Channel, msg.TS)
		if !strings.Contains(string(m.Blocks), "silenced until") {
			return false
		}
		for _, r := range m.Replies {
			if strings.Contains(r.Text, "Silenced until") && strings.Contains(r.Text, "by <@U1>") {
				return true
			}
		}
		return false
	})
}
