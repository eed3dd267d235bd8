package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// oomStorm is 100 workloads OOM-killed on one node, 2 recovered.
func oomStorm() incident.Storm {
	s := incident.Storm{
		ID: "storm/node=ip-10-0-3-7/oom_killed@1782914580000", Factor: incident.Factor{Kind: incident.FactorNode, Value: "ip-10-0-3-7"},
		Category: diagnose.OOMKilled, Channel: "C0ALERTS", Cluster: "prod-eu-1", State: incident.Open, OpenedAt: t0, UpdatedAt: t0.Add(time.Minute),
	}
	for i := range 100 {
		s.Members = append(s.Members, incident.Member{
			Key:  incident.Key{Cluster: "prod-eu-1", Namespace: []string{"shop", "payments", "search"}[i%3], Kind: "Deployment", Name: fmt.Sprintf("svc-%03d", i), Container: "app"},
			Pods: 10, Restarts: 3, Summary: "killed at its 256Mi memory limit", JoinedAt: t0, Resolved: i%40 == 39,
		})
	}
	return s
}

// dependencyStorm is 6 workloads of one namespace that cannot reach postgres.
func dependencyStorm() incident.Storm {
	s := incident.Storm{
		ID: "storm/dependency=postgres.shop/dependency_unavailable@1782914580000", Factor: incident.Factor{Kind: incident.FactorDependency, Value: "postgres.shop"},
		Category: diagnose.DependencyUnavailable, Channel: "C0SHOP", Cluster: "prod-eu-1", State: incident.Open, OpenedAt: t0,
	}
	for i, name := range []string{"orders", "cart", "checkout", "<script>", "billing", "invoices"} {
		s.Members = append(s.Members, incident.Member{Key: incident.Key{Namespace: "shop", Kind: "Deployment", Name: name}, Pods: i + 1, JoinedAt: t0})
	}
	return s
}

func resolvedStorm() incident.Storm {
	s := dependencyStorm()
	s.State, s.ResolvedAt = incident.Resolved, t0.Add(14*time.Minute)
	for i := range s.Members {
		s.Members[i].Resolved = true
	}
	return s
}

func stormFixtures() map[string]incident.Storm {
	return map[string]incident.Storm{"storm_node": oomStorm(), "storm_dependency": dependencyStorm(), "storm_resolved": resolvedStorm()}
}

func goldenJSON(t *testing.T, text string, blocks []slack.Block) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Text   string        `json:"text"`
		Blocks []slack.Block `json:"blocks"`
	}{text, blocks}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkBlocks asserts Slack's limits and safe mrkdwn on a message.
func checkBlocks(t *testing.T, text string, blocks []slack.Block) {
	t.Helper()
	raw, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	if err := slackserver.ValidateBlocks(raw); err != nil {
		t.Errorf("Slack would reject the blocks: %v", err)
	}
	checkMrkdwn(t, text)
	for _, s := range mrkdwnTexts(t, raw) {
		checkMrkdwn(t, s)
	}
}

func TestRenderStormGolden(t *testing.T) {
	for name, s := range stormFixtures() {
		t.Run(name, func(t *testing.T) {
			text, blocks := RenderStorm(s, DefaultStormNamed)
			golden(t, name+".json", goldenJSON(t, text, blocks))
			checkBlocks(t, text, blocks)
			var buf bytes.Buffer
			c := NewConsole(&buf)
			c.Notify(incident.Notification{Reason: incident.FirstNotification, Storm: &s})
			c.Notify(incident.Notification{Reason: incident.Updated, Storm: &s})
			golden(t, name+".console.txt", buf.Bytes())
		})
	}
}

func TestRenderStormNamesTheFirstAndCountsTheRest(t *testing.T) {
	_, blocks := RenderStorm(oomStorm(), 10)
	raw, _ := json.Marshal(blocks)
	s := string(raw)
	for _, want := range []string{"svc-000", "svc-009", "90 more", "98 crashing, 2 recovered", "kubectl describe node ip-10-0-3-7", "Pods affected*\\n1000"} {
		if !strings.Contains(s, want) {
			t.Errorf("storm message lacks %q", want)
		}
	}
	if strings.Contains(s, "svc-010") {
		t.Error("storm message names more than 10 workloads")
	}
}

func TestRenderMemberGolden(t *testing.T) {
	inc := oomIncident()
	blocks := memberBlocks(inc)
	golden(t, "storm_member.json", goldenJSON(t, memberText(inc), blocks))
	checkBlocks(t, memberText(inc), blocks)
	esc := escapingIncident()
	checkBlocks(t, memberText(esc), memberBlocks(esc))
	huge := hugeIncident()
	checkBlocks(t, memberText(huge), memberBlocks(huge))
}

// TestStatusListsStormMembers: /crashloop status lists each workload of a
// storm, saying which storm it is part of.
func TestStatusListsStormMembers(t *testing.T) {
	inc := oomIncident()
	inc.Storm = &incident.StormRef{ID: "storm/node=n1/oom_killed@1", Factor: incident.Factor{Kind: incident.FactorNode, Value: "n1"}}
	incs := &fakeIncidents{active: []incident.Incident{inc}}
	r := newTestCommands(newFakeCluster(), incs, nil).Run(t.Context(), alice, "status", "test")
	raw, _ := json.Marshal(r.Blocks)
	if r.Error || !strings.Contains(string(raw), "payments/api") || !strings.Contains(string(raw), "storm: node n1") {
		t.Fatalf("status = %s", raw)
	}
}
