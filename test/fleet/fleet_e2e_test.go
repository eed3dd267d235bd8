package fleet_test

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"

	crashbot "github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// TestFleet: three clusters, one PostgreSQL, three bots of two replicas
// each (leader election), one Slack workspace.
//
//   - A bad image rolled out to all three: one top-level message naming
//     the three clusters, each cluster's details in its thread, updated as
//     one cluster recovers and resolved when all have.
//   - The same kind of crash loop in one cluster only stays that cluster's
//     own message.
//   - kill -9 of the bot owning the fleet message, mid-incident: its other
//     replica goes on updating the same message.
//   - PostgreSQL restarted in the middle of a crash storm in another
//     cluster: the storm is announced, once.
//   - A slash command sent to one cluster's bot about another cluster is
//     answered by that cluster's bot.
//
// At the end: every crash loop announced (0 lost), each exactly once (0
// duplicates), every message resolved.
func TestFleet(t *testing.T) {
	pg := pgtest.Get(t)
	dsn := pgtest.Database(t)
	cs := startClusters(t, "eu", "us", "ap")
	eu, us, ap := cs[0], cs[1], cs[2]
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	slackNow = func() string {
		var b strings.Builder
		for _, m := range srv.Messages() {
			fmt.Fprintf(&b, "- %s (%d updates, %d replies)\n", m.Text, m.Updates, len(m.Replies))
			for _, r := range m.Replies {
				fmt.Fprintf(&b, "    > %s\n", r.Text)
			}
		}
		return b.String()
	}
	defer func() { slackNow = nil }()
	inbound := slackserver.NewInbound(slackserver.InboundOptions{}) // records response_url posts
	defer inbound.Close()
	ctx := t.Context()

	// Yesterday's crash loops of every cluster, and a digest last sent to
	// C0DIGEST three days ago: each bot, on taking the lead, finds the
	// missed run; one of them sends it.
	seedHistory(t, dsn, cs)

	bots := map[string][]*bot{}
	for _, c := range cs {
		for r := range 2 {
			bots[c.name] = append(bots[c.name], startBot(t, c, r, dsn, srv.URL()))
		}
	}
	leader := func(c *cluster) *bot {
		for _, b := range bots[c.name] {
			if b.leads() {
				return b
			}
		}
		return nil
	}
	for _, c := range cs {
		waitUntil(t, c.name+"'s bot to lead and watch", 60*time.Second, func() bool {
			l := leader(c)
			return l != nil && strings.Contains(l.Out.String(), "watch synced")
		})
	}

	// One digest for the fleet, sent by one bot: every leader decided (it
	// sent the missed run, left it to another bot, or found it sent
	// already) once it says when the next one is due.
	waitUntil(t, "each leader to deal with the missed digest", 60*time.Second, func() bool {
		for _, c := range cs {
			if !strings.Contains(leader(c).Out.String(), "next digest") {
				return false
			}
		}
		return true
	})
	var digests []slackserver.Message
	for _, m := range srv.Messages() {
		if m.Channel == "C0DIGEST" {
			digests = append(digests, m)
		}
	}
	if len(digests) != 1 || !strings.Contains(digests[0].AllText(), "fleet of 3 clusters") || !strings.Contains(digests[0].AllText(), "Per cluster") {
		t.Fatalf("%d digests in C0DIGEST, want one fleet digest: %+v", len(digests), digests)
	}

	// A bad image rolled out to all three clusters: orders is OOM-killed.
	orders := map[string][]*corev1.Pod{}
	for _, c := range cs {
		pods, err := c.sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: "shop", Name: "orders", Replicas: 2,
			Template: corev1.PodSpec{Containers: []corev1.Container{{Name: "orders", Image: "registry.example.com/shop/orders:3.1.0"}}}})
		if err != nil {
			t.Fatal(err)
		}
		orders[c.name] = pods
	}
	crashAll := func(c *cluster, pods []*corev1.Pod, crash kubesim.Crash) {
		t.Helper()
		if err := c.sim.CrashAll(ctx, pods, crash, 4); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Go(func() {
			crashAll(c, orders[c.name], kubesim.Crash{Container: "orders", ExitCode: 137, Reason: "OOMKilled",
				Log: "starting orders 3.1.0 in " + c.name + "\ncache warm-up: allocating 512MiB\n"})
		})
	}
	wg.Wait()
	fleetMsg := func() (slackserver.Message, bool) {
		for _, m := range srv.Messages() {
			if strings.Contains(m.Text, "shop/Deployment/orders") || strings.Contains(m.Text, "shop/orders") {
				return m, true
			}
		}
		return slackserver.Message{}, false
	}
	waitUntil(t, "one message naming the three clusters, each cluster's details in its thread", 60*time.Second, func() bool {
		m, ok := fleetMsg()
		return ok && strings.Contains(m.Text, "CrashLoopBackOff in 3 clusters") && len(detailsOf(m)) == 3
	})
	m, _ := fleetMsg()
	t.Logf("fleet message: %s", m.Text)

	// The same kind of trouble in eu only: cart crashes there alone.
	cart, err := eu.sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: "shop", Name: "cart", Replicas: 1,
		Template: corev1.PodSpec{Containers: []corev1.Container{{Name: "cart", Image: "registry.example.com/shop/cart:2.0.0"}}}})
	if err != nil {
		t.Fatal(err)
	}
	crashAll(eu, cart, kubesim.Crash{Container: "cart", ExitCode: 2, Log: "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n"})
	cartMsg := func() (slackserver.Message, bool) {
		for _, m := range srv.Messages() {
			if strings.Contains(m.Text, "shop/cart") {
				return m, true
			}
		}
		return slackserver.Message{}, false
	}
	waitUntil(t, "eu's own message for cart", 30*time.Second, func() bool { _, ok := cartMsg(); return ok })

	// kill -9 the bot that owns the fleet message (eu founded it).
	owner := leader(eu)
	owner.kill()
	t.Logf("killed %s, the leader of eu", owner.name)
	waitUntil(t, "eu's other replica to lead", 30*time.Second, func() bool { return leader(eu) != nil })

	// A storm in ap while PostgreSQL restarts.
	var storm []kubesim.StormWorkload
	for i := range 6 {
		storm = append(storm, kubesim.StormWorkload{Name: fmt.Sprintf("svc-%d", i), Image: fmt.Sprintf("registry.example.com/shop/svc-%d:1.0", i), Replicas: 1})
	}
	stormPods, err := ap.sim.CreateStorm(ctx, "shop", storm, 4)
	if err != nil {
		t.Fatal(err)
	}
	var all []*corev1.Pod
	for _, w := range storm {
		all = append(all, stormPods[w.Name]...)
	}
	restarted := make(chan error, 1)
	go func() { restarted <- pg.Restart(ctx, 2*time.Second) }()
	crashAll(ap, all, kubesim.Crash{Container: "app", ExitCode: 137, Reason: "OOMKilled"})
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	stormMsg := func() (slackserver.Message, bool) {
		for _, m := range srv.Messages() {
			if strings.Contains(m.Text, "Crash storm") || strings.Contains(m.Text, "Storm over") {
				return m, true
			}
		}
		return slackserver.Message{}, false
	}
	waitUntil(t, "the storm message naming its six workloads", 60*time.Second, func() bool {
		m, ok := stormMsg()
		if !ok {
			return false
		}
		text := threadText(m)
		for _, w := range storm {
			if !strings.Contains(text, "shop/"+w.Name) {
				return false
			}
		}
		return true
	})
	// ap's bot said it had lost the database, and that it came back.
	waitUntil(t, "ap's bot to say it lost the database and has it back", 30*time.Second, func() bool {
		l := leader(ap).Out.String()
		return strings.Contains(l, "lost the database") && strings.Contains(l, "the database is back")
	})

	// One slash command, sent to eu's bot, about us: us's bot answers.
	answer := ask(t, leader(eu).addr(t), inbound, "logs --cluster us shop/deployment/orders", "logs-us")
	if !strings.Contains(answer, "starting orders 3.1.0 in us") {
		t.Errorf("the logs of us's orders, asked of eu's bot: %s", answer)
	}
	if status := ask(t, bots["ap"][0].addr(t), inbound, "status", "status"); !strings.Contains(status, "*eu*") || !strings.Contains(status, "*us*") || !strings.Contains(status, "*ap*") {
		t.Errorf("status across the fleet: %s", status)
	}

	// us recovers first: the fleet message says so.
	recover := func(c *cluster, pods []*corev1.Pod) {
		t.Helper()
		for _, p := range pods {
			if _, err := c.sim.Recover(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	recover(us, orders["us"])
	waitUntil(t, "the fleet message to show us recovered", 60*time.Second, func() bool {
		m, _ := fleetMsg()
		return strings.Contains(m.AllText(), "2 crashing, 1 recovered")
	})
	recover(eu, orders["eu"])
	recover(ap, orders["ap"])
	recover(eu, cart)
	recover(ap, all)
	waitUntil(t, "every message resolved", 90*time.Second, func() bool {
		fm, _ := fleetMsg()
		cm, _ := cartMsg()
		sm, _ := stormMsg()
		return strings.Contains(fm.Text, "Recovered in all 3 clusters") && strings.Contains(cm.AllText(), "Resolved") && strings.Contains(sm.Text, "Storm over")
	})

	// 0 lost, 0 duplicates: three top-level messages, one per cause; the
	// fleet message's thread details each cluster once.
	var msgs []slackserver.Message
	var texts []string
	for _, m := range srv.Messages() {
		if m.Channel == "C0ALERTS" {
			msgs = append(msgs, m)
			texts = append(texts, m.Text)
		}
	}
	if len(msgs) != 3 {
		t.Fatalf("%d top-level messages, want 3 (fleet orders, eu's cart, ap's storm):\n%s", len(msgs), strings.Join(texts, "\n"))
	}
	fm, _ := fleetMsg()
	details := detailsOf(fm)
	if len(details) != 3 || details["eu"] != 1 || details["us"] != 1 || details["ap"] != 1 {
		t.Errorf("details in the fleet thread: %v", details)
	}
	t.Logf("fleet message after %d updates, %d replies: %s", fm.Updates, len(fm.Replies), fm.Text)
}

// detailsOf counts the details replies of each cluster in a fleet
// message's thread ("eu: shop/orders Deployment ...").
func detailsOf(m slackserver.Message) map[string]int {
	out := map[string]int{}
	for _, r := range m.Replies {
		for _, c := range []string{"eu", "us", "ap"} {
			if strings.Contains(r.AllText(), "*"+c+": shop/orders* Deployment") {
				out[c]++
			}
		}
	}
	return out
}

// threadText is a message and its replies.
func threadText(m slackserver.Message) string {
	text := m.AllText()
	for _, r := range m.Replies {
		text += "\n" + r.AllText()
	}
	return text
}

// ask sends a signed slash command to the bot at addr from #alerts and
// returns its answer (the ack, or what it posted to the response URL).
func ask(t *testing.T, addr string, inbound *slackserver.Inbound, text, id string) string {
	t.Helper()
	return askAgain(t, addr, inbound, text, id, 0)
}

func askAgain(t *testing.T, addr string, inbound *slackserver.Inbound, text, id string, attempt int) string {
	t.Helper()
	ts := fmt.Sprint(time.Now().Unix())
	form := url.Values{
		"token": {"x"}, "team_id": {"T1"}, "channel_id": {"C0ALERTS"}, "channel_name": {"alerts"},
		"user_id": {"U0ANN"}, "user_name": {"ann"}, "command": {"/crashloop"}, "text": {text},
		"response_url": {inbound.ResponseURL(id)},
	}.Encode()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, "http://"+addr+"/slack/commands", strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(crashbot.Sign(signingSecret, ts, []byte(form))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ack, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == http.StatusServiceUnavailable && attempt < 30 {
		// The bot cannot check the request against replays until it has
		// the database back (it refuses rather than risk a replay); a
		// person would try again.
		time.Sleep(time.Second)
		return askAgain(t, addr, inbound, text, id, attempt+1)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("slash command: %d %s", resp.StatusCode, ack)
	}
	if strings.Contains(string(ack), "blocks") {
		return string(ack)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	body, err := inbound.WaitResponse(ctx, id)
	if err != nil {
		t.Fatalf("%q: no answer in the ack (%s): %v", text, ack, err)
	}
	return string(body)
}

// seedHistory records, as each cluster's bot would have, a crash loop
// resolved yesterday, and a digest sent three days ago.
func seedHistory(t *testing.T, dsn string, cs []*cluster) {
	t.Helper()
	now := time.Now()
	for _, c := range cs {
		st, err := store.NewPostgres(store.PostgresOptions{DSN: dsn, Cluster: c.name, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		key := incident.Key{Cluster: c.name, Namespace: "shop", Kind: "Deployment", Name: "search", Container: "search"}
		inc := incident.Incident{ID: key.String() + "@1", Key: key, State: incident.Resolved, Channel: "C0ALERTS",
			OpenedAt: now.Add(-20 * time.Hour), ResolvedAt: now.Add(-19 * time.Hour), PodCount: 2, Restarts: 9,
			Report: diagnose.Report{Finding: diagnose.Finding{Category: diagnose.ConfigError}}}
		if err := st.Save(t.Context(), inc); err != nil {
			t.Fatal(err)
		}
		if err := st.RecordDigest(t.Context(), "C0DIGEST", now.Add(-72*time.Hour)); err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
}
