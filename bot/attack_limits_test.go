package bot

import (
	"strings"
	"testing"
	"time"
)

// blockCluster makes every pod read wait until the test ends, so commands
// stay running as long as the test needs.
func blockCluster(t *testing.T, e *attackEnv) {
	e.kube.block = make(chan struct{})
	t.Cleanup(func() { close(e.kube.block) })
}

func working(body string) bool { return strings.Contains(body, "Working on it") }

// Attack 7: a refusal because the bot is busy is no grant: its audit line
// says allowed=false, outcome busy.
func TestAttackBusyRefusalIsNotAllowed(t *testing.T) {
	e := newAttackEnv(t, attackOptions{maxConcurrent: 1, ackWithin: 50 * time.Millisecond})
	blockCluster(t, e)
	if _, ack := e.slash(t, alice, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("1")); !working(ack) {
		t.Fatalf("first: %s", ack)
	}
	bob := Caller{UserID: "U0BOB", UserName: "bob", ChannelID: "C0ALERTS", ChannelName: "alerts"}
	if _, ack := e.slash(t, bob, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("2")); !strings.Contains(ack, "try again") {
		t.Fatalf("second: %s", ack)
	}
	var busy []map[string]any
	for _, a := range e.audits(t) {
		if a["outcome"] == "busy" {
			busy = append(busy, a)
		}
	}
	if len(busy) != 1 || busy[0]["allowed"] != false || busy[0]["user"] != "U0BOB" || busy[0]["command"] != "describe" {
		t.Fatalf("busy audit lines: %v", busy)
	}
}

// Attack 7: one user cannot keep the command service busy. Their own
// commands beyond the per-user limit are refused while others' still run.
func TestAttackOneUserCannotTakeEverySlot(t *testing.T) {
	e := newAttackEnv(t, attackOptions{maxConcurrent: 4, ackWithin: 50 * time.Millisecond})
	blockCluster(t, e)
	accepted := 0
	for i := range 6 {
		_, ack := e.slash(t, alice, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("a"+string(rune('0'+i))))
		if working(ack) {
			accepted++
		} else if !strings.Contains(ack, "try again") {
			t.Fatalf("alice's command %d: %s", i, ack)
		}
	}
	if accepted == 0 || accepted >= 4 {
		t.Fatalf("alice got %d of 4 slots", accepted)
	}
	bob := Caller{UserID: "U0BOB", UserName: "bob", ChannelID: "C0ALERTS", ChannelName: "alerts"}
	if _, ack := e.slash(t, bob, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("b")); !working(ack) {
		t.Fatalf("bob was refused while alice holds %d slots: %s", accepted, ack)
	}
	// A button press of hers is refused the same way.
	ts, values := postAlert(t, e.httpEnv, oomIncident())
	if status, _ := do(t, signed(t, e.url+InteractionsPath, interaction("U0ALICE", "C0ALERTS", ts, ActionDescribe, values[ActionDescribe], e.inbound.ResponseURL("btn")), time.Now(), testSecret)); status != 200 {
		t.Fatalf("button ack %d", status)
	}
	e.waitLog(t, "auditing alice's refused button", func(l map[string]any) bool {
		return l["msg"] == "audit" && l["source"] == "button" && l["outcome"] == "busy" && l["user"] == "U0ALICE" && l["allowed"] == false
	})
}
