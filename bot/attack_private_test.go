package bot

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// partHead matches the head of a follow-up of a private answer.
var partHead = regexp.MustCompile(`\(part (\d+) of (\d+)\)`)

// lastPart reports whether s holds the last follow-up of a private answer.
func lastPart(s string) bool {
	for _, m := range partHead.FindAllStringSubmatch(s, -1) {
		if m[1] == m[2] {
			return true
		}
	}
	return false
}

// Attack 5: the answer to a slash command is private (ephemeral), so a
// long one must not be published to the channel as a file that members
// without access can open. The whole tail reaches the caller privately.
func TestAttackLongLogsNeverReachTheChannel(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	e.kube.logs["payments/api-7d9f8b6c5-x2x9q/api/previous"] = longLog(500) + "token=abcdef123456\n"
	status, ack := e.slash(t, alice, "logs payments/api-7d9f8b6c5-x2x9q --tail 1000", e.inbound.ResponseURL("l"))
	if status != 200 {
		t.Fatalf("ack %d: %s", status, ack)
	}
	// The caller gets every line, in order, in private messages.
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := e.inbound.WaitFor(ctx, func() bool { return lastPart(e.answers("")) }); err != nil {
		t.Fatalf("the last part never reached the caller; ack %s, responses %d", ack, len(e.inbound.Responses()))
	}
	all := e.answers(ack)
	for i := 1; i <= 500; i += 37 {
		if !strings.Contains(all, fmt.Sprintf(" line %d of", i)) {
			t.Errorf("line %d missing from the private answers", i)
		}
	}
	if strings.Contains(all, "abcdef123456") {
		t.Error("token not redacted")
	}
	for _, r := range e.inbound.Responses() {
		if !strings.Contains(string(r.Body), `"response_type":"ephemeral"`) {
			t.Errorf("a follow-up is not ephemeral: %.200s", r.Body)
		}
	}
	if files := e.slack.Files(); len(files) != 0 {
		t.Fatalf("%d files uploaded; the first to channel %q", len(files), files[0].Channel)
	}
	if posts := e.slack.CallsTo("chat.postMessage"); len(posts) != 0 {
		t.Fatalf("posted to the channel: %+v", posts[0])
	}
}

// Attack 5, buttons: a button's answer goes to the alert's thread only
// when the channel itself may see the namespace. A person granted access
// by user ID who presses a button in a channel that is not granted gets
// the answer privately, else the channel would read it.
func TestAttackButtonAnswerForAPersonalGrantStaysPrivate(t *testing.T) {
	access := Access{Rules: []AccessRule{
		{Channels: []string{"C0ALERTS"}, Namespaces: []string{"shop"}},
		{Users: []string{"U0ADMIN"}, Namespaces: []string{"payments"}},
	}}
	e := newAttackEnv(t, attackOptions{access: &access})
	e.kube.logs["payments/api-7d9f8b6c5-x2x9q/api/previous"] = longLog(300)
	ts, values := postAlert(t, e.httpEnv, oomIncident())
	admin := "U0ADMIN"
	status, body := do(t, signed(t, e.url+InteractionsPath, interaction(admin, "C0ALERTS", ts, ActionLogs, values[ActionLogs], e.inbound.ResponseURL("logs")), time.Now(), testSecret))
	if status != 200 || body != "" {
		t.Fatalf("ack %d %q", status, body)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := e.inbound.WaitFor(ctx, func() bool { return lastPart(e.answers("")) }); err != nil {
		t.Fatalf("no private answer in parts; responses: %d", len(e.inbound.Responses()))
	}
	for i := 300 - DefaultLogTail + 1; i <= 300; i += 7 { // a button reads the default tail
		if all := e.answers(""); !strings.Contains(all, fmt.Sprintf(" line %d of", i)) {
			t.Errorf("line %d missing from the private answers", i)
		}
	}
	if m, _ := e.slack.Message("C0ALERTS", ts); len(m.Replies) != 0 {
		t.Fatalf("answered in the channel's thread: %s", m.Replies[0].Blocks)
	}
	if files := e.slack.Files(); len(files) != 0 {
		t.Fatalf("file uploaded to %q", files[0].Channel)
	}

	// Where the channel may see the namespace, the answer is public, with
	// the whole tail as a file in the alert's thread.
	e.kube.logs["shop/web-1/api/previous"] = longLog(300)
	teamPod(e, "shop")
	shop := oomIncident()
	shop.Key.Namespace, shop.Pods, shop.Report.Pod = "shop", []string{"web-1"}, "shop/web-1"
	ts2, values2 := postAlert(t, e.httpEnv, shop)
	do(t, signed(t, e.url+InteractionsPath, interaction("U0ALICE", "C0ALERTS", ts2, ActionLogs, values2[ActionLogs], e.inbound.ResponseURL("shop")), time.Now(), testSecret))
	if err := e.slack.WaitFor(ctx, func() bool { m, _ := e.slack.Message("C0ALERTS", ts2); return len(m.Replies) == 1 }); err != nil {
		t.Fatal("no thread answer where the channel has access")
	}
	if files := e.slack.Files(); len(files) != 1 || files[0].Channel != "C0ALERTS" || files[0].ThreadTS != ts2 {
		t.Fatalf("files = %+v", files)
	}
}

// answers is everything the caller received: the ack and every message
// posted to a response_url, as one text with JSON escapes undone.
func (e *attackEnv) answers(ack string) string {
	var b strings.Builder
	b.WriteString(ack)
	for _, r := range e.inbound.Responses() {
		b.WriteString("\n")
		b.Write(r.Body)
	}
	return jsonUnescaper.Replace(b.String())
}
