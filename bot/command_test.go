package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		text    string
		want    Command
		wantErr string
	}{
		{"", Command{Verb: VerbHelp}, ""},
		{"help", Command{Verb: VerbHelp}, ""},
		{"describe payments/api-1", Command{Verb: VerbDescribe, Target: Target{Namespace: "payments", Kind: "Pod", Name: "api-1"}}, ""},
		{"DESCRIBE payments/deploy/api", Command{Verb: VerbDescribe, Target: Target{Namespace: "payments", Kind: "Deployment", Name: "api"}}, ""},
		{"probe shop/sts/db", Command{Verb: VerbProbe, Target: Target{Namespace: "shop", Kind: "StatefulSet", Name: "db"}}, ""},
		{"logs payments/api-1", Command{Verb: VerbLogs, Target: Target{Namespace: "payments", Kind: "Pod", Name: "api-1"}, Tail: DefaultLogTail}, ""},
		{"logs payments/api-1 api --current --tail 20", Command{Verb: VerbLogs, Target: Target{Namespace: "payments", Kind: "Pod", Name: "api-1", Container: "api"}, Mode: LogsCurrent, Tail: 20}, ""},
		{"logs --previous --tail=5 payments/deployment/api", Command{Verb: VerbLogs, Target: Target{Namespace: "payments", Kind: "Deployment", Name: "api"}, Mode: LogsPrevious, Tail: 5}, ""},
		{"status", Command{Verb: VerbStatus}, ""},
		{"status shop", Command{Verb: VerbStatus, Namespace: "shop"}, ""},
		{"silence payments/deployment/api 1h", Command{Verb: VerbSilence, Target: Target{Namespace: "payments", Kind: "Deployment", Name: "api"}, For: time.Hour}, ""},
		{"silence payments/deployment/api/api 7d", Command{Verb: VerbSilence, Target: Target{Namespace: "payments", Kind: "Deployment", Name: "api", Container: "api"}, For: 7 * 24 * time.Hour}, ""},
		{"unsilence payments/cronjob/report", Command{Verb: VerbUnsilence, Target: Target{Namespace: "payments", Kind: "CronJob", Name: "report"}}, ""},

		{"frobnicate x", Command{}, `I don't know the subcommand "frobnicate".`},
		{"describe payments", Command{}, `"payments" is not NAMESPACE/POD`},
		{"describe Payments/api", Command{}, `"Payments" is not a valid namespace name`},
		{"describe payments/api_1", Command{}, `"api_1" is not a valid pod name`},
		{"describe payments/widget/api", Command{}, `"widget" is not a workload kind`},
		{"describe a/b c/d", Command{}, "describe takes one pod or workload."},
		{"describe payments/deploy/api/extra", Command{}, "is not NAMESPACE/POD"},
		{"logs payments/api-1 --tail 0", Command{}, "--tail must be a number from 1 to 1000."},
		{"logs payments/api-1 --tail 5000", Command{}, "--tail must be a number from 1 to 1000."},
		{"logs payments/api-1 --tail", Command{}, "--tail needs a number of lines."},
		{"logs payments/api-1 --previous --current", Command{}, "not both"},
		{"logs payments/api-1 --follow", Command{}, `Unknown option "--follow".`},
		{"logs payments/api-1 API", Command{}, `"API" is not a valid container name`},
		{"status a b", Command{}, "status takes at most one namespace."},
		{"silence payments/api-1 1h", Command{}, "is not NAMESPACE/KIND/NAME"},
		{"silence payments/deployment/api forever", Command{}, `"forever" is not a duration`},
		{"silence payments/deployment/api 60d", Command{}, "a silence lasts from 1m to 30d"},
		{"silence payments/deployment/api 10s", Command{}, "a silence lasts from 1m to 30d"},
		{"describe " + strings.Repeat("a", 5000), Command{}, "too long"},
		{"describe payments/\u212Aind/x", Command{}, "is not a workload kind"},
		{"ＤESCRIBE payments/api", Command{}, "I don't know the subcommand"},
		{"describe payments/api\u200b", Command{}, "is not a valid pod name"},
		{"describe pаyments/api", Command{}, "is not a valid namespace name"},
		{"logs payments/api --tail=1e3", Command{}, "--tail must be a number"},
		{"logs payments/api --tail=-1", Command{}, "--tail must be a number"},
		{"describe payments/../kube-system/x", Command{}, "is not NAMESPACE/POD"},
		{"describe payments/..", Command{}, "is not a valid pod name"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseCommand(tc.text)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				var ce *CommandError
				if !asCommandError(err, &ce) {
					t.Fatalf("err %T is not a *CommandError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func asCommandError(err error, ce **CommandError) bool {
	e, ok := err.(*CommandError)
	*ce = e
	return ok
}

func TestAccessScope(t *testing.T) {
	a := Access{
		Rules: []AccessRule{
			{Channels: []string{"C0ALERTS", "#team-shop"}, Namespaces: []string{"payments", "shop"}},
			{Channels: []string{"C0OPS"}, Users: []string{"U0CAROL"}, UserGroups: []string{"S0ONCALL"}, Namespaces: []string{"*"}},
		},
		Watched: []string{"payments", "shop", "billing", "kube-system"},
		Exclude: []string{"kube-system"},
	}
	resolved := a
	resolved.channelIDs = map[string]string{"#team-shop": "C0SHOP"}
	for _, tc := range []struct {
		name string
		a    Access
		who  Who
		ns   string
		want bool
	}{
		{"alert channel by id", a, Who{UserID: "U1", ChannelID: "C0ALERTS"}, "payments", true},
		{"alert channel, other namespace", a, Who{UserID: "U1", ChannelID: "C0ALERTS"}, "billing", false},
		{"ids are case-sensitive", a, Who{UserID: "U1", ChannelID: "c0alerts"}, "payments", false},
		{"resolved name", resolved, Who{UserID: "U1", ChannelID: "C0SHOP"}, "shop", true},
		{"unresolved name matches nothing", a, Who{UserID: "U1", ChannelID: "C0SHOP"}, "shop", false},
		{"name is not an id", resolved, Who{UserID: "U1", ChannelID: "team-shop"}, "shop", false},
		{"other channel", a, Who{UserID: "U1", ChannelID: "C0RANDOM"}, "payments", false},
		{"direct message", a, Who{UserID: "U1", ChannelID: "D0123"}, "payments", false},
		{"ops channel, listed user", a, Who{UserID: "U0CAROL", ChannelID: "C0OPS"}, "billing", true},
		{"ops channel, group member", a, Who{UserID: "U0BOB", ChannelID: "C0OPS", Groups: []string{"S0ONCALL"}}, "billing", true},
		{"ops channel, other user", a, Who{UserID: "U0EVE", ChannelID: "C0OPS"}, "billing", false},
		{"ops channel, channel as a whole", a, Who{ChannelID: "C0OPS"}, "billing", false},
		{"listed user, other channel", a, Who{UserID: "U0CAROL", ChannelID: "C0RANDOM"}, "billing", false},
		{"star: unwatched namespace", a, Who{UserID: "U0CAROL", ChannelID: "C0OPS"}, "default", false},
		{"star: excluded namespace", a, Who{UserID: "U0CAROL", ChannelID: "C0OPS"}, "kube-system", false},
		{"empty namespace", a, Who{UserID: "U0CAROL", ChannelID: "C0OPS"}, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.a.Scope(tc.who).Allows(tc.ns); got != tc.want {
				t.Fatalf("Allows(%s) = %t, want %t", tc.ns, got, tc.want)
			}
		})
	}
	if (Access{}).Scope(Who{UserID: "U1", ChannelID: "C0ALERTS"}).Any() {
		t.Fatal("the zero Access must deny everything")
	}
	star := Access{Rules: []AccessRule{{Users: []string{"U1"}, Namespaces: []string{"*"}}}, Exclude: []string{"kube-system"}}
	if s := star.Scope(Who{UserID: "U1", ChannelID: "D1"}); !s.Allows("anything") || s.Allows("kube-system") {
		t.Fatal("star without watched namespaces: every namespace but the excluded")
	}
	if got := a.GroupsFor("C0OPS", "U0BOB"); len(got) != 1 || got[0] != "S0ONCALL" {
		t.Fatalf("GroupsFor = %v", got)
	}
	if got := a.GroupsFor("C0OPS", "U0CAROL"); len(got) != 0 {
		t.Fatalf("GroupsFor a listed user = %v", got)
	}
	if got := a.GroupsFor("C0ALERTS", "U0BOB"); len(got) != 0 {
		t.Fatalf("GroupsFor another channel = %v", got)
	}
}

func TestDefaultAccess(t *testing.T) {
	def := DefaultAccess([]string{"#alerts", "C0SHOP", "alerts", ""}, []string{"payments"}, []string{"kube-system"})
	if len(def.Rules) != 1 || strings.Join(def.Rules[0].Channels, ",") != "#alerts,C0SHOP" {
		t.Fatalf("default rules = %+v", def.Rules)
	}
	s := def.Scope(Who{ChannelID: "C0SHOP"})
	if !s.Allows("payments") || s.Allows("shop") || s.Allows("kube-system") {
		t.Fatalf("default access: %+v", def)
	}
	if def.Scope(Who{ChannelID: "C0X"}).Any() {
		t.Fatal("the name #alerts matched an unresolved channel")
	}
	if DefaultAccess(nil, []string{"a"}, nil).Scope(Who{ChannelID: "C0X"}).Any() {
		t.Fatal("no alert channel must grant nothing")
	}
}

func TestResolveChannels(t *testing.T) {
	a := Access{Rules: []AccessRule{{Channels: []string{"#alerts", "#gone", "#twice", "C0ID"}, Namespaces: []string{"*"}}}}
	lister := fakeChannels{pages: [][]slack.Channel{
		{channel("C0ALERTS", "alerts"), channel("C0TWICE1", "twice")},
		{channel("C0TWICE2", "twice")},
	}}
	got, err := ResolveChannels(t.Context(), &lister, a)
	if !errors.Is(err, ErrChannelNotFound) || !errors.Is(err, ErrChannelAmbiguous) || !strings.Contains(err.Error(), "#gone") {
		t.Fatalf("err = %v", err)
	}
	if !got.Scope(Who{ChannelID: "C0ALERTS"}).Any() || got.Scope(Who{ChannelID: "C0TWICE1"}).Any() || !got.Scope(Who{ChannelID: "C0ID"}).Any() {
		t.Fatalf("resolved: %v", got.channelIDs)
	}
	if a.Scope(Who{ChannelID: "C0ALERTS"}).Any() {
		t.Fatal("ResolveChannels changed its argument")
	}
	if _, err := ResolveChannels(t.Context(), nil, a); err == nil {
		t.Fatal("names without a Slack API resolved")
	}
}

type fakeChannels struct{ pages [][]slack.Channel }

func (f *fakeChannels) GetConversationsContext(_ context.Context, p *slack.GetConversationsParameters) ([]slack.Channel, string, error) {
	i := 0
	if p.Cursor != "" {
		i, _ = strconv.Atoi(p.Cursor)
	}
	next := ""
	if i+1 < len(f.pages) {
		next = strconv.Itoa(i + 1)
	}
	return f.pages[i], next, nil
}

func channel(id, name string) slack.Channel {
	var c slack.Channel
	c.ID, c.Name = id, name
	return c
}

type fakeGroups struct {
	members map[string][]string
	err     error
	calls   int
}

func (f *fakeGroups) GetUserGroupMembersContext(_ context.Context, g string) ([]string, error) {
	f.calls++
	if f.err != nil {
		return nil, f.err
	}
	return f.members[g], nil
}

func TestGroupCache(t *testing.T) {
	now := cmdNow
	groups := &fakeGroups{members: map[string][]string{"S0A": {"U1"}, "S0B": {"U2"}}}
	c := &groupCache{resolver: groups, now: func() time.Time { return now }}
	in, failed, _ := c.memberOf(t.Context(), "U1", []string{"S0A", "S0B"})
	if strings.Join(in, ",") != "S0A" || len(failed) != 0 || groups.calls != 2 {
		t.Fatalf("in %v, failed %v, %d calls", in, failed, groups.calls)
	}
	c.memberOf(t.Context(), "U1", []string{"S0A"})
	if groups.calls != 2 {
		t.Fatal("members not cached")
	}
	now = now.Add(groupTTL + time.Second)
	groups.err = slack.SlackErrorResponse{Err: "missing_scope"}
	_, failed, fresh := c.memberOf(t.Context(), "U1", []string{"S0A"})
	if len(failed) != 1 || !fresh || !strings.Contains(failed[0].Error(), "usergroups:read") || failed[0].Group != "S0A" {
		t.Fatalf("failed %v, fresh %t", failed, fresh)
	}
	if _, failed, fresh = c.memberOf(t.Context(), "U1", []string{"S0A"}); len(failed) != 1 || fresh || groups.calls != 3 {
		t.Fatalf("the error is not cached: fresh %t, %d calls", fresh, groups.calls)
	}
}

// replyJSON is the golden form of a reply.
func replyJSON(t *testing.T, r Reply) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Text   string        `json:"text"`
		Blocks []slack.Block `json:"blocks"`
		File   *ReplyFile    `json:"file,omitempty"`
		Error  bool          `json:"error,omitempty"`
	}{r.Text, r.Blocks, r.File, r.Error}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCommandGolden(t *testing.T) {
	silenced := oomIncident()
	silenced.Key = incident.Key{Cluster: "prod-eu-1", Namespace: "shop", Kind: "StatefulSet", Name: "db", Container: "postgres"}
	// The store's silence, not the incident, says it is silenced.
	silence := store.Silence{Key: silenced.Key, Until: cmdNow.Add(time.Hour), By: "bob"}
	hidden := oomIncident()
	hidden.Key.Namespace = "billing"
	for _, tc := range []struct {
		name, text string
		caller     Caller
		setup      func(*fakeCluster)
	}{
		{name: "help", text: "help"},
		{name: "describe", text: "describe payments/api-7d9f8b6c5-x2x9q"},
		{name: "describe_workload", text: "describe payments/deploy/api"},
		{name: "logs", text: "logs payments/deployment/api"},
		{name: "describe_long", text: "describe payments/api-7d9f8b6c5-x2x9q", setup: func(f *fakeCluster) {
			pod := crashingPod()
			for i := range 30 {
				f.events["payments/"+pod.Name] = append(f.events["payments/"+pod.Name],
					podEvent(pod, "api", "Warning", "Unhealthy", fmt.Sprintf("Readiness probe failed: HTTP probe failed with statuscode: 50%d", i%10), 1, time.Duration(i)*time.Second))
			}
		}},
		{name: "logs_long", text: "logs payments/api-7d9f8b6c5-x2x9q api --tail 300", setup: func(f *fakeCluster) {
			f.logs["payments/api-7d9f8b6c5-x2x9q/api/previous"] = longLog(300)
		}},
		{name: "logs_current_empty", text: "logs payments/api-7d9f8b6c5-x2x9q --current"},
		{name: "probe", text: "probe payments/api-7d9f8b6c5-x2x9q"},
		{name: "status", text: "status"},
		{name: "status_ns_empty", text: "status payments2", caller: Caller{UserID: "U0ADMIN", ChannelID: "D0ADMIN"}},
		{name: "silence", text: "silence payments/deployment/api 24h"},
		{name: "unsilence", text: "unsilence payments/deployment/api/api"},
		{name: "error_unknown", text: "restart payments/api"},
		{name: "error_malformed", text: "describe payments"},
		{name: "error_not_found", text: "describe payments/nope"},
		{name: "error_no_container", text: "logs payments/api-7d9f8b6c5-x2x9q sidecar"},
		{name: "error_silence_nothing", text: "silence payments/deployment/web 1h"},
		{name: "denied_namespace", text: "describe billing/api-1"},
		{name: "denied_channel", text: "status", caller: Caller{UserID: "U0ALICE", ChannelID: "C0RANDOM", ChannelName: "random"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kube := newFakeCluster()
			if tc.setup != nil {
				tc.setup(kube)
			}
			incs := &fakeIncidents{active: []incident.Incident{oomIncident(), silenced, hidden}, silences: []store.Silence{silence}}
			caller := tc.caller
			if caller.UserID == "" {
				caller = alice
			}
			reply := newTestCommands(kube, incs, nil).Run(t.Context(), caller, tc.text, "test")
			golden(t, "cmd_"+tc.name+".golden", replyJSON(t, reply))
			checkReplyLimits(t, reply)
		})
	}
}

// checkReplyLimits asserts Slack's Block Kit limits on a reply.
func checkReplyLimits(t *testing.T, r Reply) {
	t.Helper()
	if len(r.Blocks) == 0 || len(r.Blocks) > maxBlocks {
		t.Fatalf("%d blocks", len(r.Blocks))
	}
	if runeLen(r.Text) > maxFallbackRunes {
		t.Errorf("text has %d runes", runeLen(r.Text))
	}
	for _, b := range r.Blocks {
		switch b := b.(type) {
		case *slack.SectionBlock:
			if b.Text != nil && runeLen(b.Text.Text) > maxSectionText {
				t.Errorf("section %s has %d runes", b.BlockID, runeLen(b.Text.Text))
			}
		case *slack.ContextBlock:
			if len(b.ContextElements.Elements) > maxContextElements {
				t.Errorf("context %s has %d elements", b.BlockID, len(b.ContextElements.Elements))
			}
		}
	}
}

// TestSilenceWritesTheStoreOnly: a silence goes to the store, the one
// source of truth; the leader is then told to read it.
func TestSilenceWritesTheStoreOnly(t *testing.T) {
	incs := &fakeIncidents{active: []incident.Incident{oomIncident()}}
	c := newTestCommands(newFakeCluster(), incs, nil)
	r := c.Run(t.Context(), alice, "silence payments/deployment/api 1h", "test")
	if r.Error {
		t.Fatalf("silence failed: %s", r.Text)
	}
	key := oomIncident().Key
	if len(incs.silences) != 1 || incs.silences[0].Key != key || !incs.silences[0].Until.Equal(cmdNow.Add(time.Hour)) || incs.silences[0].By != "U0ALICE" {
		t.Fatalf("stored silences = %+v", incs.silences)
	}
	if len(incs.applied) != 1 || incs.applied[0] != "told after 1 writes" {
		t.Fatalf("told = %q, want once, after the write", incs.applied)
	}
	r = c.Run(t.Context(), alice, "unsilence payments/deployment/api", "test")
	if r.Error || len(incs.silences) != 2 || !incs.silences[1].Until.IsZero() || incs.applied[1] != "told after 2 writes" {
		t.Fatalf("unsilence: %s / %+v / %q", r.Text, incs.silences, incs.applied)
	}
}

func TestAuditLog(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	c := newTestCommands(newFakeCluster(), &fakeIncidents{}, log)
	c.Run(t.Context(), alice, "describe payments/api-7d9f8b6c5-x2x9q", "slash")
	c.Run(t.Context(), alice, "logs billing/x", "slash")
	c.Run(t.Context(), alice, "describe payments/missing", "slash")
	c.Run(t.Context(), alice, "bogus", "slash")
	var lines []map[string]any
	for l := range strings.Lines(buf.String()) {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if m["msg"] == "audit" {
			lines = append(lines, m)
		}
	}
	want := []struct {
		command, target, outcome string
		allowed                  bool
	}{
		{"describe", "payments/api-7d9f8b6c5-x2x9q", "ok", true},
		{"logs", "billing/x", "denied", false},
		{"describe", "payments/missing", "not_found", true},
		{"", "", "invalid", false},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d audit lines, want %d:\n%s", len(lines), len(want), buf.String())
	}
	for i, w := range want {
		l := lines[i]
		if l["user"] != "U0ALICE" || l["channel"] != "C0ALERTS" || l["command"] != w.command || l["target"] != w.target ||
			l["outcome"] != w.outcome || l["allowed"] != w.allowed {
			t.Errorf("audit line %d = %v, want %+v", i, l, w)
		}
	}
	if strings.Contains(buf.String(), "hunter2") {
		t.Fatal("the audit log must not carry command output")
	}
}

func TestDeniedDoesNoClusterIO(t *testing.T) {
	kube := newFakeCluster()
	c := newTestCommands(kube, nil, nil)
	for _, text := range []string{"describe billing/api", "logs kube-system/deploy/coredns", "probe billing/x"} {
		if r := c.Run(t.Context(), alice, text, "test"); !r.Error {
			t.Fatalf("%q was allowed", text)
		}
	}
	if len(kube.calls) != 0 {
		t.Fatalf("denied commands touched the cluster: %q", kube.calls)
	}
}

func TestLogsRedactsAndBoundsTail(t *testing.T) {
	kube := newFakeCluster()
	c := newTestCommands(kube, nil, nil)
	r := c.Run(t.Context(), alice, "logs payments/api-7d9f8b6c5-x2x9q --tail 7", "test")
	b := replyJSON(t, r)
	if bytes.Contains(b, []byte("hunter2")) {
		t.Fatal("password not redacted")
	}
	if !strings.Contains(strings.Join(kube.calls, "\n"), "logs payments/api-7d9f8b6c5-x2x9q/api/previous tail=7") {
		t.Fatalf("calls = %q", kube.calls)
	}
}

func TestProbeLint(t *testing.T) {
	pod := crashingPod()
	findings := LintProbes(pod, newFakeCluster().events["payments/"+pod.Name])
	var got []string
	for _, f := range findings {
		got = append(got, f.Container+": "+f.Text)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"api: Liveness and readiness probes check the same thing",
		"api: Probes timed out 6 times",
		"api: The liveness probe restarts the container before it ever became ready",
		`metrics: Readiness probe: port "metrics" is not a named port`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing finding %q in:\n%s", want, all)
		}
	}
	// A healthy, slow-to-start pod: time to ready beyond liveness' budget.
	slow := crashingPod()
	slow.Spec.Containers[0].ReadinessProbe = nil
	slow.Spec.Containers[0].LivenessProbe.InitialDelaySeconds = 5
	slow.Spec.Containers[0].LivenessProbe.HTTPGet.Port.IntVal = 9090
	slow.Status.ContainerStatuses[0] = corev1ContainerRunningReady("api", t0)
	slow.Status.Conditions[1].Status, slow.Status.Conditions[1].LastTransitionTime = "True", mt(50*time.Second)
	got = nil
	for _, f := range LintProbes(slow, nil) {
		got = append(got, f.Text)
	}
	all = strings.Join(got, "\n")
	for _, want := range []string{
		"took 50s to become ready while liveness gives it only 35s",
		"initialDelaySeconds=5 is shorter than the observed time to ready (50s)",
		"port 9090 is not exposed by the container (it declares 8080)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing finding %q in:\n%s", want, all)
		}
	}
}
