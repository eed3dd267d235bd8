package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/internal/testbin"
)

// TestBinaryDigestPerTeam runs the released binary against the real API
// server with two teams routed to their own channels. Each team's channel
// gets only its own namespace's digest, linked to its own alert: asked
// with /crashloop digest from the channel (a signed slash command, answered
// privately) and sent by `digest --now` to every digest channel.
func TestBinaryDigestPerTeam(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	nsA, nsB := env.Namespace(t), env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	inbound := slackserver.NewInbound(slackserver.InboundOptions{}) // records response_url posts
	defer inbound.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	const secret = "e2e-digest-secret"
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf(`cluster_name: e2e
watch:
  namespaces: [%[1]s, %[2]s]
  group_wait: 1s
slack:
  api_url: %[3]s
  channel: "#alerts"
  routes:
    - namespaces: [%[1]s]
      channel: C0TEAMA
    - namespaces: [%[2]s]
      channel: C0TEAMB
digest:
  schedule: "0 9 1 1 *"
  channels:
    - channel: C0TEAMA
    - channel: C0TEAMB
      period: weekly
store:
  path: %[4]s
server:
  listen: %[5]q
`, nsA, nsB, srv.URL(), filepath.Join(t.TempDir(), "state.db"), testbin.Listen))
	kc := adminKubeconfig(t, env)
	rb := launch(t, cfg, kc, "SLACK_SIGNING_SECRET="+secret)
	addr := rb.HTTPAddr(t, 20*time.Second)
	waitUntil(t, "watch sync", 20*time.Second, func() bool { return strings.Contains(rb.Out.String(), "watch synced") })

	// Each team has a crash-looping workload of its own.
	for _, w := range []struct{ ns, name string }{{nsA, "team-a-api"}, {nsB, "team-b-worker"}} {
		pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: w.ns, Name: w.name, Replicas: 1, Template: containerSpec(w.name)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: w.name, ExitCode: 137, Reason: "OOMKilled"}); err != nil {
			t.Fatal(err)
		}
	}
	alerts := map[string]slackserver.Message{}
	waitUntil(t, "one alert in each team's channel", 30*time.Second, func() bool {
		for _, m := range srv.Messages() {
			alerts[m.Channel] = m
		}
		return len(alerts) == 2
	})
	if _, ok := alerts["C0TEAMA"]; !ok {
		t.Fatalf("alerts went to %v", alerts)
	}
	// /crashloop digest 7d from team A's channel: only team A's workload,
	// linked to its alert once the bot has recorded the alert's message
	// (it does so right after posting; the command reads the store live).
	linkA := "<" + srv.Permalink(alerts["C0TEAMA"].Channel, alerts["C0TEAMA"].TS) + "|"
	var reply, texts string
	for i := 0; ; i++ {
		reply = askDigest(t, addr, secret, inbound, fmt.Sprintf("digest-a-%d", i))
		texts = strings.Join(blockTexts(t, json.RawMessage(reply)), "\n")
		if strings.Contains(texts, linkA) || i == 40 {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	if !strings.Contains(texts, linkA) {
		t.Errorf("team A's digest does not link to its alert %s:\n%s", linkA, texts)
	}
	var msg struct {
		ResponseType string `json:"response_type"`
	}
	if err := json.Unmarshal([]byte(reply), &msg); err != nil || msg.ResponseType != "ephemeral" {
		t.Errorf("the digest reply is not ephemeral: %s", reply)
	}
	if !strings.Contains(texts, nsA+"/Deployment/team-a-api") || strings.Contains(texts, nsB) || strings.Contains(texts, "team-b-worker") ||
		!strings.Contains(texts, "(7d)") {
		t.Errorf("team A's /crashloop digest 7d:\n%s", texts)
	}

	// digest --now: each digest channel gets its own namespace's digest.
	rb.Stop()
	cmd := exec.CommandContext(ctx, testbin.Bot(t), "digest", "--now", "--config", cfg, "--kubeconfig", kc)
	cmd.Env = append(os.Environ(), "SLACK_BOT_TOKEN="+slackserver.DefaultToken)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("digest --now: %v\n%s", err, out)
	}
	digests := map[string]slackserver.Message{}
	for _, m := range srv.Messages() {
		if strings.Contains(string(m.Blocks), "digest_header") {
			digests[m.Channel] = m
		}
	}
	if len(digests) != 2 {
		t.Fatalf("digests posted to %d channels, want C0TEAMA and C0TEAMB: %v", len(digests), digests)
	}
	for ch, want := range map[string]struct{ own, other, otherName, period string }{
		"C0TEAMA": {nsA + "/Deployment/team-a-api", nsB, "team-b-worker", "(24h)"},
		"C0TEAMB": {nsB + "/Deployment/team-b-worker", nsA, "team-a-api", "(7d)"},
	} {
		m := digests[ch]
		texts := m.Text + strings.Join(blockTexts(t, m.Blocks), "\n")
		if !strings.Contains(texts, want.own) || !strings.Contains(texts, want.period) {
			t.Errorf("%s's digest lacks its own workload %s or period %s:\n%s", ch, want.own, want.period, texts)
		}
		if strings.Contains(texts, want.other) || strings.Contains(texts, want.otherName) {
			t.Errorf("%s's digest shows the other team's %s:\n%s", ch, want.other, texts)
		}
		alert := alerts[ch]
		if link := srv.Permalink(alert.Channel, alert.TS); !strings.Contains(texts, "<"+link+"|") {
			t.Errorf("%s's digest does not link to its alert %s:\n%s", ch, link, texts)
		}
	}
}

// askDigest sends a signed "/crashloop digest 7d" from team A's channel
// and returns the answer: the ack when the bot answered within it, else
// what it posted to the response URL named id.
func askDigest(t *testing.T, addr, secret string, inbound *slackserver.Inbound, id string) string {
	t.Helper()
	ts := fmt.Sprint(time.Now().Unix())
	form := url.Values{
		"token": {"x"}, "team_id": {"T1"}, "channel_id": {"C0TEAMA"}, "channel_name": {"team-a"},
		"user_id": {"U0ANN"}, "user_name": {"ann"}, "command": {"/crashloop"}, "text": {"digest 7d"},
		"response_url": {inbound.ResponseURL(id)},
	}.Encode()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, "http://"+addr+"/slack/commands", strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(bot.Sign(secret, ts, []byte(form))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ack, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("slash command: %d %s", resp.StatusCode, ack)
	}
	if strings.Contains(string(ack), "digest_top") {
		return string(ack)
	}
	// Slower than the ack: the answer goes to response_url.
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	body, err := inbound.WaitResponse(ctx, id)
	if err != nil {
		t.Fatalf("no digest in the ack (%s): %v", ack, err)
	}
	return string(body)
}

// blockTexts returns every text of a message's blocks.
func blockTexts(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["text"].(string); ok {
				out = append(out, s)
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	walk(v)
	return out
}
