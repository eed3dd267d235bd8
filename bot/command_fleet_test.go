package bot

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// fakeRemote is the fleet seen from one bot: each other cluster's bot is
// a Commands of its own, served the request as the fleet router would
// (JSON through the store included).
type fakeRemote struct {
	mu    sync.Mutex
	bots  map[string]*Commands
	asked []string
	err   error
}

func (f *fakeRemote) Ask(ctx context.Context, cluster string, req RemoteRequest) (RemoteReply, error) {
	f.mu.Lock()
	f.asked = append(f.asked, cluster)
	bot, err := f.bots[cluster], f.err
	f.mu.Unlock()
	if err != nil {
		return RemoteReply{}, err
	}
	if bot == nil {
		return RemoteReply{}, ErrNoSuchCluster
	}
	b, err := json.Marshal(req)
	if err != nil {
		return RemoteReply{}, err
	}
	var got RemoteRequest
	if err := json.Unmarshal(b, &got); err != nil {
		return RemoteReply{}, err
	}
	b, err = json.Marshal(bot.Serve(ctx, got))
	if err != nil {
		return RemoteReply{}, err
	}
	var r RemoteReply
	return r, json.Unmarshal(b, &r)
}

// fleetOf is the bot of prod-eu-1 in a fleet with prod-us-1, each with its
// cluster, and the fake clusters to see who was queried.
func fleetOf(t *testing.T, incs *fakeIncidents) (eu *Commands, euKube, usKube *fakeCluster, remote *fakeRemote) {
	t.Helper()
	euKube, usKube = newFakeCluster(), newFakeCluster()
	remote = &fakeRemote{bots: map[string]*Commands{}}
	fleet := &FleetOptions{Incidents: incs, Remote: remote}
	mk := func(cluster string, kube *fakeCluster) *Commands {
		return NewCommands(CommandOptions{Cluster: cluster, Access: testAccess(), Kube: kube, Incidents: incs, Silences: incs, Fleet: fleet,
			Now: func() time.Time { return cmdNow }, Logger: slog.New(slog.DiscardHandler)})
	}
	eu = mk("prod-eu-1", euKube)
	remote.bots["prod-us-1"] = mk("prod-us-1", usKube)
	return eu, euKube, usKube, remote
}

func TestParseClusters(t *testing.T) {
	for _, tc := range []struct {
		text, cluster, ns, err string
	}{
		{text: "logs --cluster prod-us-1 payments/api-1", cluster: "prod-us-1"},
		{text: "describe payments/deploy/api --cluster=prod-us-1", cluster: "prod-us-1"},
		{text: "status prod-us-1/payments", cluster: "prod-us-1", ns: "payments"},
		{text: "status prod-us-1/", cluster: "prod-us-1"},
		{text: "status payments", ns: "payments"},
		{text: "status --cluster prod-us-1 payments", cluster: "prod-us-1", ns: "payments"},
		{text: "logs payments/api-1 --cluster", err: "--cluster needs a cluster name"},
		{text: "probe --cluster 'eu 1' payments/api-1", err: "is not a cluster name"},
		{text: "status --cluster a b/payments", err: "Name the cluster once"},
		{text: "digest 7d --cluster a", err: "digest is the same for every cluster"},
		{text: "status a b/payments", err: "status takes at most one namespace"},
		{text: "status /payments", err: "is not CLUSTER/NAMESPACE"},
	} {
		cmd, err := ParseCommand(tc.text)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want %q", tc.text, err, tc.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.text, err)
		case cmd.Cluster != tc.cluster || (cmd.Verb == VerbStatus && cmd.Namespace != tc.ns):
			t.Errorf("%q: cluster %q namespace %q", tc.text, cmd.Cluster, cmd.Namespace)
		}
	}
}

// A bot outside a fleet refuses commands for another cluster rather than
// answering them about its own.
func TestNoFleetRefusesOtherClusters(t *testing.T) {
	kube := newFakeCluster()
	c := newTestCommands(kube, &fakeIncidents{active: []incident.Incident{oomIncident()}}, nil)
	for _, text := range []string{"logs --cluster prod-us-1 payments/deployment/api", "status prod-us-1/payments"} {
		r := c.Run(t.Context(), alice, text, "test")
		if !r.Error || !strings.Contains(r.Text, "serves cluster prod-eu-1 only") {
			t.Errorf("%q: %+v", text, r)
		}
	}
	if len(kube.calls) != 0 {
		t.Fatalf("the local cluster was queried: %v", kube.calls)
	}
}

// In a fleet, a command for another cluster is run by that cluster's bot,
// on its cluster; its answer comes back whole (blocks and all).
func TestFleetRunsCommandsInTheirCluster(t *testing.T) {
	eu, euKube, usKube, remote := fleetOf(t, &fakeIncidents{})
	r := eu.Run(t.Context(), alice, "logs --cluster prod-us-1 payments/deployment/api", "test")
	if r.Error || !strings.Contains(replyText(r), "out of memory allocating 64MiB") {
		t.Fatalf("reply: %s", replyText(r))
	}
	if len(euKube.calls) != 0 || len(usKube.calls) == 0 || strings.Join(remote.asked, ",") != "prod-us-1" {
		t.Fatalf("eu calls %v, us calls %v, asked %v", euKube.calls, usKube.calls, remote.asked)
	}
	local := eu.Run(t.Context(), alice, "logs payments/deployment/api", "test")
	if local.Error || len(euKube.calls) == 0 {
		t.Fatalf("a command without --cluster did not run here: %+v", local)
	}
	r = eu.Run(t.Context(), alice, "describe --cluster prod-ap-9 payments/deployment/api", "test")
	if !r.Error || !strings.Contains(r.Text, "The fleet has no cluster prod-ap-9") {
		t.Fatalf("unknown cluster: %+v", r)
	}
	remote.err = context.DeadlineExceeded
	r = eu.Run(t.Context(), alice, "describe --cluster prod-us-1 payments/deployment/api", "test")
	if !r.Error || !strings.Contains(r.Text, "did not answer in time") {
		t.Fatalf("silent cluster: %+v", r)
	}
}

// Access is checked by the bot Slack asked and again by the bot that runs
// the command: a caller denied here never reaches the other cluster, and
// the other bot refuses what its own rules deny.
func TestFleetChecksAccessOnBothSides(t *testing.T) {
	eu, _, usKube, remote := fleetOf(t, &fakeIncidents{})
	r := eu.Run(t.Context(), alice, "describe --cluster prod-us-1 billing/api-1", "test")
	if !r.Error || len(remote.asked) != 0 {
		t.Fatalf("denied here, yet asked %v: %+v", remote.asked, r)
	}
	// us-1 grants #alerts nothing.
	remote.bots["prod-us-1"] = NewCommands(CommandOptions{Cluster: "prod-us-1", Kube: usKube, Logger: slog.New(slog.DiscardHandler),
		Access: Access{Rules: []AccessRule{{Channels: []string{"C0OTHER"}, Namespaces: []string{"*"}}}}})
	r = eu.Run(t.Context(), alice, "describe --cluster prod-us-1 payments/api-7d9f8b6c5-x2x9q", "test")
	if !r.Error || !strings.Contains(replyText(r), "is not available to you here") {
		t.Fatalf("us-1's rules deny it, yet: %s", replyText(r))
	}
	if len(usKube.calls) != 0 {
		t.Fatalf("us-1 queried its cluster for a denied caller: %v", usKube.calls)
	}
}

// A request forged into the store (not from ParseCommand) is checked like
// a typed command.
func TestServeValidatesRequests(t *testing.T) {
	_, _, usKube, remote := fleetOf(t, &fakeIncidents{})
	us := remote.bots["prod-us-1"]
	for _, cmd := range []Command{
		{Verb: VerbDescribe, Target: Target{Namespace: "payments", Kind: "Pod", Name: "../../secrets"}},
		{Verb: VerbLogs, Target: Target{Namespace: "Payments", Kind: "Pod", Name: "api"}},
		{Verb: "exec", Target: Target{Namespace: "payments", Kind: "Pod", Name: "api"}},
		{Verb: VerbLogs, Target: Target{Namespace: "payments", Kind: "Pod", Name: "api", Container: "a b"}},
		{Verb: VerbLogs, Tail: 1 << 20, Target: Target{Namespace: "payments", Kind: "Pod", Name: "api"}},
		{Verb: VerbDescribe, Cluster: "prod-eu-1", Target: Target{Namespace: "payments", Kind: "Pod", Name: "api"}},
	} {
		r := us.Serve(t.Context(), RemoteRequest{From: "prod-eu-1", Caller: alice, Command: &cmd})
		if !r.Reply.Error {
			t.Errorf("%+v was run: %s", cmd, replyText(r.Reply))
		}
	}
	if len(usKube.calls) != 0 {
		t.Fatalf("forged requests reached the cluster: %v", usKube.calls)
	}
}

// A button of another cluster's alert (in a fleet message's thread) is
// pressed in that cluster; whether its answer goes to the thread is that
// bot's decision.
func TestFleetButtons(t *testing.T) {
	eu, euKube, usKube, remote := fleetOf(t, &fakeIncidents{})
	inc := oomIncident()
	inc.Key.Cluster = "prod-us-1"
	r, public := eu.Press(t.Context(), alice, ActionLogs, EncodeButtonValue(inc))
	if r.Error || !public || !strings.Contains(replyText(r), "out of memory") {
		t.Fatalf("press: public=%v %s", public, replyText(r))
	}
	if len(euKube.calls) != 0 || len(usKube.calls) == 0 || len(remote.asked) != 1 {
		t.Fatalf("eu %v, us %v, asked %v", euKube.calls, usKube.calls, remote.asked)
	}
}

func TestFleetStatus(t *testing.T) {
	eu, _, _, _ := fleetOf(t, fleetIncidents())
	for _, tc := range []struct{ name, text string }{
		{"fleet", "status"},
		{"fleet_cluster", "status prod-us-1/payments"},
	} {
		r := eu.Run(t.Context(), alice, tc.text, "test")
		golden(t, "cmd_status_"+tc.name+".golden", replyJSON(t, r))
		checkReplyLimits(t, r)
	}
	if r := eu.Run(t.Context(), alice, "status prod-us-1/payments", "test"); strings.Contains(replyText(r), "prod-eu-1") {
		t.Fatalf("status of us-1 lists eu-1: %s", replyText(r))
	}
}

// fleetIncidents: the same workload crash-looping in two clusters.
func fleetIncidents() *fakeIncidents {
	eu, us := oomIncident(), oomIncident()
	us.Key.Cluster, us.ID = "prod-us-1", us.ID+"-us"
	return &fakeIncidents{active: []incident.Incident{eu, us}}
}

// A reply crosses the store whole.
func TestRemoteReplyJSON(t *testing.T) {
	eu, _, _, _ := fleetOf(t, &fakeIncidents{})
	r := eu.Run(t.Context(), alice, "describe payments/api-7d9f8b6c5-x2x9q", "test")
	r.File = &ReplyFile{Name: "a.txt", Content: "x"}
	b, err := json.Marshal(RemoteReply{Reply: r, Public: true})
	if err != nil {
		t.Fatal(err)
	}
	var back RemoteReply
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(slack.Blocks{BlockSet: r.Blocks})
	got, _ := json.Marshal(slack.Blocks{BlockSet: back.Reply.Blocks})
	if string(got) != string(want) || back.Reply.Text != r.Text || !back.Public || back.Reply.File.Content != "x" {
		t.Fatalf("round trip lost something:\n%s\n%s", got, want)
	}
	if err := json.Unmarshal([]byte(`{"blocks":[{"type":"nope"}]}`), &back); err == nil && len(back.Reply.Blocks) > 0 {
		if _, ok := back.Reply.Blocks[0].(*slack.SectionBlock); ok {
			t.Fatal("an unknown block decoded as a section")
		}
	}
}

func TestFleetHelp(t *testing.T) {
	eu, _, _, _ := fleetOf(t, &fakeIncidents{})
	if r := eu.Run(t.Context(), alice, "help", "test"); !strings.Contains(replyText(r), "--cluster CLUSTER") {
		t.Fatalf("fleet help: %s", replyText(r))
	}
	if r := newTestCommands(newFakeCluster(), nil, nil).Run(t.Context(), alice, "help", "test"); strings.Contains(replyText(r), "--cluster") {
		t.Fatalf("help outside a fleet mentions --cluster: %s", replyText(r))
	}
}
