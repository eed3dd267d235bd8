package main

import (
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/internal/testbin"
)

// TestBinaryServesMetrics: /metrics on server.listen counts what the bot did.
func TestBinaryServesMetrics(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf("watch:\n  namespaces: [%s]\n  group_wait: 1s\nslack:\n  api_url: %s\n  channel: \"#alerts\"\ndigest:\n  enabled: false\nstore:\n  backend: memory\nserver:\n  listen: %q\n", ns, srv.URL(), testbin.Listen))
	addr := launch(t, cfg, adminKubeconfig(t, env)).HTTPAddr(t, 20*time.Second)

	scrape := func() string {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	waitUntil(t, "/metrics", 20*time.Second, func() bool { return strings.Contains(scrape(), "crashloop_bot_") })
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 1, Template: containerSpec("api")})
	if err != nil {
		t.Fatal(err)
	}
	web, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "web", Replicas: 1, Template: containerSpec("web")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.ImagePullBackOff(ctx, web[0], "web"); err != nil {
		t.Fatal(err)
	}
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "api", ExitCode: 1, Log: "panic: boom\n"}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`crashloop_bot_backoff_events_total{outcome="confirmed"} 1`,
		`crashloop_bot_backoff_events_total{outcome="image_pull"} 1`,
		`crashloop_bot_notifications_total{reason="first_notification"} 1`,
		"crashloop_bot_incidents_open 1",
		"crashloop_bot_alerts_posted_total 1",
		"crashloop_bot_diagnosis_duration_seconds_count 1",
		"crashloop_bot_pipeline_queue_depth 0",
		// Without leader election this replica leads; its watch is synced.
		"crashloop_bot_leader 1",
		"crashloop_bot_watch_synced 1",
		`crashloop_bot_build_info{goversion="go`,
	}
	var body string
	waitUntil(t, "the metrics to count the alert", 20*time.Second, func() bool {
		body = scrape()
		for _, w := range want {
			if !strings.Contains(body, w) {
				return false
			}
		}
		return true
	})
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, "crashloop_bot_") {
			t.Log(line)
		}
	}
}

// TestBinaryAnswersSignedSlashCommands: in http mode the released binary
// answers a correctly signed /crashloop command on server.listen, and
// refuses forged and stale ones with 401.
func TestBinaryAnswersSignedSlashCommands(t *testing.T) {
	env := lctest.Get(t)
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf("watch:\n  namespaces: [%s]\nslack:\n  api_url: %s\n  channel: C0ALERTS\ndigest:\n  enabled: false\nstore:\n  backend: memory\nserver:\n  listen: %q\n", ns, srv.URL(), testbin.Listen))
	const secret = "e2e-signing-secret"
	addr := launch(t, cfg, adminKubeconfig(t, env), "SLACK_SIGNING_SECRET="+secret).HTTPAddr(t, 20*time.Second)
	waitUntil(t, "the HTTP server", 20*time.Second, func() bool {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})
	post := func(ts string, sig []byte) (int, string) {
		body := "token=x&team_id=T1&channel_id=C0ALERTS&channel_name=alerts&user_id=U1&user_name=ann&command=%2Fcrashloop&text=help&response_url=" + srv.URL() + "noop"
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/slack/commands", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		if sig == nil {
			sig = []byte("v0=" + hex.EncodeToString(bot.Sign(secret, ts, []byte(body))))
		}
		req.Header.Set("X-Slack-Signature", string(sig))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	now := fmt.Sprint(time.Now().Unix())
	if code, body := post(now, nil); code != http.StatusOK || !strings.Contains(body, "describe") {
		t.Fatalf("signed help: %d %s", code, body)
	}
	if code, _ := post(now, []byte("v0=deadbeef")); code != http.StatusUnauthorized {
		t.Fatalf("forged signature: %d, want 401", code)
	}
	stale := fmt.Sprint(time.Now().Add(-10 * time.Minute).Unix())
	if code, _ := post(stale, nil); code != http.StatusUnauthorized {
		t.Fatalf("stale timestamp: %d, want 401", code)
	}
}
