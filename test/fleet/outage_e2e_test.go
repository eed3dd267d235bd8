package fleet_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// TestBotWithoutDatabase: a bot of a fleet that loses PostgreSQL keeps
// alerting for its own cluster: a crash loop that starts while the
// database is away is posted (after the grace period), the bot says so in
// its log and metrics, and once the database is back everything is
// recorded and the same message is resolved: no second message.
func TestBotWithoutDatabase(t *testing.T) {
	pg := pgtest.Get(t)
	dsn := pgtest.Database(t)
	c := startClusters(t, "solo")[0]
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	ctx := t.Context()
	b := startBot(t, c, 0, dsn, srv.URL())
	// The outage begins once the bot runs: watching, and its incident
	// manager has read the open incidents (a manager that starts during
	// an outage waits for the database instead).
	waitUntil(t, "the bot to watch", 60*time.Second, func() bool {
		out := b.Out.String()
		return strings.Contains(out, "watch synced") && strings.Contains(out, "no open incidents in the store to continue")
	})
	metric := func(name string) string {
		resp, err := http.Get("http://" + b.addr(t) + "/metrics")
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		for _, l := range strings.Split(string(body), "\n") {
			if v, ok := strings.CutPrefix(l, name+" "); ok {
				return v
			}
		}
		return ""
	}
	waitUntil(t, "the store metrics", 20*time.Second, func() bool { return metric("crashloop_bot_store_database_up") == "1" })

	pods, err := c.sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: "shop", Name: "payments", Replicas: 1,
		Template: corev1.PodSpec{Containers: []corev1.Container{{Name: "payments", Image: "registry.example.com/shop/payments:5.2.0"}}}})
	if err != nil {
		t.Fatal(err)
	}
	resume := make(chan time.Time)
	restarted := make(chan error, 1)
	go func() { restarted <- pg.RestartWhen(ctx, resume) }()
	defer func() {
		select {
		case <-resume:
		default:
			close(resume)
		}
	}()
	start := time.Now()
	if _, err := c.sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "payments", ExitCode: 1,
		Log: "FATAL: password authentication failed for user \"payments\"\n"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the alert, posted without the database", 60*time.Second, func() bool { return len(srv.Messages()) == 1 })
	t.Logf("alerted %s after the crash, without the database", time.Since(start).Round(100*time.Millisecond))
	if got := metric("crashloop_bot_store_database_up"); got != "0" {
		t.Errorf("crashloop_bot_store_database_up = %q during the outage", got)
	}
	if got := metric("crashloop_bot_fleet_founded_alone_total"); got != "1" {
		t.Errorf("crashloop_bot_fleet_founded_alone_total = %q", got)
	}
	if out := b.Out.String(); !strings.Contains(out, "lost the database") || !strings.Contains(out, "announcing a new crash loop without the fleet") {
		t.Errorf("the log does not say the bot is alone")
	}

	close(resume)
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the bot to have the database back, nothing waiting", 60*time.Second, func() bool {
		return metric("crashloop_bot_store_database_up") == "1" && metric("crashloop_bot_store_queued_writes") == "0" &&
			metric("crashloop_bot_fleet_backlog") == "0" && metric("crashloop_bot_fleet_offline") == "0"
	})
	if _, err := c.sim.Recover(ctx, pods[0]); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the same message resolved", 60*time.Second, func() bool {
		ms := srv.Messages()
		return len(ms) == 1 && strings.Contains(ms[0].Text, "Resolved")
	})
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("%d messages, want 1", n)
	}
}
