package bot

import (
	"strings"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// teamPod adds pod web-1 in namespace ns to the fake cluster.
func teamPod(e *attackEnv, ns string) {
	pod := crashingPod()
	pod.Namespace, pod.Name = ns, "web-1"
	e.kube.mu.Lock()
	e.kube.pods[ns+"/web-1"] = pod
	e.kube.mu.Unlock()
}

func denied(body string) bool { return strings.Contains(body, "🚫") }

// Attack 1: a channel borrows another channel's access by naming itself
// after that channel's ID. IDs must match IDs exactly, names only names.
func TestAttackChannelNamedAfterAnIDGetsNothing(t *testing.T) {
	access := Access{Rules: []AccessRule{{Channels: []string{"C_TEAM_A"}, Namespaces: []string{"team-a"}}}}
	e := newAttackEnv(t, attackOptions{access: &access})
	teamPod(e, "team-a")

	for _, evil := range []Caller{
		{UserID: "U0EVE", UserName: "eve", ChannelID: "C0EVIL001", ChannelName: "c_team_a"},
		{UserID: "U0EVE", UserName: "eve", ChannelID: "C0EVIL001", ChannelName: "C_TEAM_A"},
		{UserID: "U0EVE", UserName: "eve", ChannelID: "c_team_a", ChannelName: "c_team_a"}, // IDs are case-sensitive
	} {
		status, body := e.slash(t, evil, "describe team-a/web-1", e.inbound.ResponseURL("evil"))
		if status != 200 || !denied(body) || strings.Contains(body, "web-1") {
			t.Errorf("from %s named %q: %d %s", evil.ChannelID, evil.ChannelName, status, body)
		}
	}
	if calls := e.kube.callList(); len(calls) != 0 {
		t.Fatalf("denied requests reached the cluster: %q", calls)
	}
	// The channel itself still may.
	real := Caller{UserID: "U0ANN", UserName: "ann", ChannelID: "C_TEAM_A", ChannelName: "team-a"}
	if status, body := e.slash(t, real, "describe team-a/web-1", e.inbound.ResponseURL("ok")); status != 200 || denied(body) || !strings.Contains(body, "team-a/web-1") {
		t.Fatalf("the granted channel: %d %s", status, body)
	}
}

// Attack 1, names: a "#name" rule grants the channel that has that name in
// the workspace when the bot starts (resolved to its ID), never another
// channel that calls itself so later, nor direct messages whose
// channel_name is "directmessage".
func TestAttackChannelNamesMatchOnlyTheResolvedChannel(t *testing.T) {
	access := Access{Rules: []AccessRule{
		{Channels: []string{"#payments-oncall"}, Namespaces: []string{"payments"}},
		{Channels: []string{"#directmessage", "#privategroup"}, Namespaces: []string{"shop"}},
	}}
	e := newAttackEnv(t, attackOptions{access: &access, slack: slackserver.Options{
		Conversations: []slackserver.Conversation{{ID: "C0PAYONCALL", Name: "payments-oncall"}},
	}})
	for _, tc := range []struct {
		caller Caller
		text   string
	}{
		{Caller{UserID: "U0EVE", ChannelID: "C0EVIL002", ChannelName: "payments-oncall"}, "describe payments/api-7d9f8b6c5-x2x9q"},
		{Caller{UserID: "U0EVE", ChannelID: "D0EVEDM", ChannelName: "directmessage"}, "status shop"},
		{Caller{UserID: "U0EVE", ChannelID: "G0EVEMPIM", ChannelName: "privategroup"}, "status shop"},
	} {
		if status, body := e.slash(t, tc.caller, tc.text, e.inbound.ResponseURL("evil")); status != 200 || !denied(body) {
			t.Errorf("%s from %s named %q: %d %s", tc.text, tc.caller.ChannelID, tc.caller.ChannelName, status, body)
		}
	}
	if calls := e.kube.callList(); len(calls) != 0 {
		t.Fatalf("denied requests reached the cluster: %q", calls)
	}
	real := Caller{UserID: "U0ANN", ChannelID: "C0PAYONCALL", ChannelName: "payments-oncall"}
	if status, body := e.slash(t, real, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("ok")); status != 200 || denied(body) || !strings.Contains(body, "OOMKilled") {
		t.Fatalf("the named channel: %d %s", status, body)
	}
}

// Attack 1, fail closed: a name the bot cannot resolve (no such channel,
// or the token lacks channels:read) grants nothing, and the log says why.
func TestAttackUnresolvableChannelNameGrantsNothing(t *testing.T) {
	access := Access{Rules: []AccessRule{{Channels: []string{"#payments-oncall"}, Namespaces: []string{"payments"}}}}
	e := newAttackEnv(t, attackOptions{access: &access, slack: slackserver.Options{
		Conversations: []slackserver.Conversation{{ID: "C0PAYONCALL", Name: "payments-oncall"}},
		Scopes:        []string{"chat:write", "commands", "files:write"},
	}})
	caller := Caller{UserID: "U0ANN", ChannelID: "C0PAYONCALL", ChannelName: "payments-oncall"}
	if status, body := e.slash(t, caller, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("x")); status != 200 || !denied(body) {
		t.Fatalf("unresolved name: %d %s", status, body)
	}
	line := e.waitLog(t, "about the unresolved channel name", func(l map[string]any) bool {
		s, _ := l["err"].(string)
		return l["level"] == "ERROR" && strings.Contains(s, "channels:read")
	})
	if !strings.Contains(line["msg"].(string), "channel") {
		t.Fatalf("log line %v", line)
	}
}

// Issue #15: user_groups need the usergroups:read scope. Without it Slack
// answers missing_scope; the member is denied and told why, and the log
// says so, instead of a silent "not available".
func TestAttackUserGroupWithoutScopeSaysWhy(t *testing.T) {
	access := Access{Rules: []AccessRule{{Channels: []string{"C0OPS"}, UserGroups: []string{"S0ONCALL"}, Namespaces: []string{"payments"}}}}
	e := newAttackEnv(t, attackOptions{access: &access, groups: true, slack: slackserver.Options{
		UserGroups: map[string][]string{"S0ONCALL": {"U0BOB"}},
		Scopes:     []string{"chat:write", "commands", "files:write", "channels:read", "groups:read"},
	}})
	bob := Caller{UserID: "U0BOB", UserName: "bob", ChannelID: "C0OPS", ChannelName: "ops"}
	status, body := e.slash(t, bob, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("x"))
	if status != 200 || !denied(body) || !strings.Contains(body, "usergroups:read") || !strings.Contains(body, "S0ONCALL") {
		t.Fatalf("reply: %d %s", status, body)
	}
	e.waitLog(t, "naming the missing scope", func(l map[string]any) bool {
		s, _ := l["err"].(string)
		return l["level"] == "ERROR" && strings.Contains(s, "usergroups:read")
	})
	if calls := e.kube.callList(); len(calls) != 0 {
		t.Fatalf("denied requests reached the cluster: %q", calls)
	}
}
