package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/store"
)

var digestNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.FixedZone("CET", 3600))

// digestIncident is an incident of ns/name opened ago before digestNow,
// resolved after ttr (0: still open); postedRefs says where it was posted.
func digestIncident(ns, name string, ago, ttr time.Duration, restarts int32, cat diagnose.Category) incident.Incident {
	i := incident.Incident{
		ID: fmt.Sprintf("%s/%s@%d", ns, name, ago), State: incident.Open,
		Key:      incident.Key{Cluster: "prod", Namespace: ns, Kind: "Deployment", Name: name, Container: "app"},
		OpenedAt: digestNow.Add(-ago), Restarts: restarts, PodCount: 2,
		Report: diagnose.Report{Finding: diagnose.Finding{Category: cat}},
	}
	if ttr > 0 {
		i.State, i.ResolvedAt = incident.Resolved, i.OpenedAt.Add(ttr)
	}
	return i
}

const dh = time.Hour

// postedRefs are the message references of digestIncident's incidents:
// each posted in C0ALERTS at its opening time (its ID names the time).
type postedRefs struct{}

func (postedRefs) MessageRef(_ context.Context, subject string) (store.MessageRef, bool, error) {
	at := strings.LastIndex(subject, "@")
	if at < 0 {
		return store.MessageRef{}, false, nil
	}
	ago, err := strconv.ParseInt(subject[at+1:], 10, 64)
	if err != nil {
		return store.MessageRef{}, false, nil
	}
	ts := fmt.Sprintf("%d.000100", digestNow.Add(-time.Duration(ago)).Unix())
	return store.MessageRef{Subject: subject, Channel: "C0ALERTS", TS: ts}, true, nil
}

func (postedRefs) SaveMessageRef(context.Context, store.MessageRef) error { return nil }

// postedRef is where postedRefs says inc was posted.
func postedRef(inc incident.Incident) store.MessageRef {
	r, _, _ := postedRefs{}.MessageRef(context.Background(), inc.ID)
	return r
}

// busyDayIncidents are two teams' crash loops over two days: shop and pay.
func busyDayIncidents() []incident.Incident {
	return []incident.Incident{
		digestIncident("shop", "api", 3*dh, 0, 12, diagnose.OOMKilled),
		digestIncident("shop", "api", 20*dh, 2*dh, 9, diagnose.OOMKilled), // flapped: resolved, back 15h later
		digestIncident("shop", "web", 10*dh, 30*time.Minute, 4, diagnose.LivenessProbe),
		digestIncident("pay", "worker", 30*dh, 2*dh, 2, diagnose.ConfigError),
		digestIncident("pay", "worker", 5*dh, dh, 7, diagnose.DependencyUnavailable),
		digestIncident("pay", "cron", 40*dh, 0, 30, ""),
		digestIncident("a&b", "<!channel>", 2*dh, 0, 1, diagnose.AppCrash),
	}
}

// busyWeekIncidents are four weeks of one cluster getting worse.
func busyWeekIncidents() []incident.Incident {
	var incs []incident.Incident
	cats := diagnose.Categories()
	for d := range 28 {
		for i := range 1 + (27-d)/7 + d%2 {
			ago := time.Duration(d)*24*dh + time.Duration(1+i*4)*dh
			ns := []string{"shop", "pay", "batch"}[(d+i)%3]
			incs = append(incs, digestIncident(ns, fmt.Sprintf("svc-%d", (d+2*i)%8), ago, time.Duration(15+(d*11+i*7)%180)*time.Minute,
				int32(2+(d*3+i)%25), cats[(d+i)%6]))
		}
	}
	return append(incs, digestIncident("pay", "ledger", 4*24*dh, 0, 310, diagnose.MissingConfigObject))
}

// permalinks links every incident but the first of each list, so goldens
// show both forms.
func permalinks(d digest.Digest) map[string]string {
	links := map[string]string{}
	for i, id := range d.LinkedIDs() {
		if i%3 != 0 {
			links[id] = "https://example.slack.com/archives/C0ALERTS/p" + fmt.Sprint(1000+i)
		}
	}
	return links
}

func digestFixtures() map[string]digest.Digest {
	var huge []incident.Incident
	for i := range 400 {
		name := fmt.Sprintf("svc-%03d-%s", i, strings.Repeat("<long&name>", 20))
		huge = append(huge, digestIncident(fmt.Sprintf("team-%02d", i%40), name, time.Duration(i%23+1)*dh, time.Duration(i%3)*time.Minute*17, int32(i), diagnose.Categories()[i%len(diagnose.Categories())]))
		if i%2 == 0 {
			huge = append(huge, digestIncident(fmt.Sprintf("team-%02d", i%40), name, time.Duration(i%23+30)*dh, 5*dh, int32(i), diagnose.Categories()[i%len(diagnose.Categories())]))
		}
	}
	pay := digest.NamespaceScope{Terms: []digest.ScopeTerm{{Namespaces: []string{"pay"}}}}
	return map[string]digest.Digest{
		// A quiet day after a day with incidents.
		"quiet":    digest.Build(busyDayIncidents()[4:5], digest.Everything, 0, digestNow.Add(30*dh)),
		"busy":     digest.Build(busyDayIncidents(), digest.Everything, 0, digestNow),
		"scoped":   digest.Build(busyDayIncidents(), pay, 0, digestNow),
		"weekly":   digest.Build(busyWeekIncidents(), digest.Everything, digest.Week, digestNow),
		"huge":     digest.Build(huge, digest.Everything, 0, digestNow),
		"unlinked": digest.Build(busyDayIncidents(), digest.Everything, 0, digestNow),
		"fleet":    digest.Build(fleetDayIncidents(), digest.Everything, 0, digestNow),
	}
}

// fleetDayIncidents are three clusters' day: a bad image crash-loops
// shop/api in all of them; eu-1 also has the busy day's trouble.
func fleetDayIncidents() []incident.Incident {
	incs := busyDayIncidents()
	for i := range incs {
		incs[i].Key.Cluster = "eu-1"
	}
	for _, c := range []string{"us-1", "ap-1"} {
		i := digestIncident("shop", "api", 3*dh, 0, 7, diagnose.OOMKilled)
		i.Key.Cluster = c
		if c == "us-1" {
			i.State, i.ResolvedAt = incident.Resolved, i.OpenedAt.Add(40*time.Minute)
		}
		incs = append(incs, i)
	}
	return incs
}

func TestRenderDigestGolden(t *testing.T) {
	for name, d := range digestFixtures() {
		t.Run(name, func(t *testing.T) {
			links := permalinks(d)
			if name == "unlinked" {
				links = nil
			}
			text, blocks := RenderDigest(d, "prod-eu", links)
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
			golden(t, "digest_"+name+".golden", buf.Bytes())
			checkDigestLimits(t, text, blocks)
		})
	}
}

// TestRenderDigestLinks: listed workloads link to their alert messages,
// and a link that could break out of mrkdwn is dropped.
func TestRenderDigestLinks(t *testing.T) {
	d := digestFixtures()["busy"]
	id := d.Top[0].IncidentID
	for link, want := range map[string]string{
		"https://x.slack.com/archives/C1/p1":    "<https://x.slack.com/archives/C1/p1|pay/Deployment/cron>",
		"https://x.slack.com/a|<!channel>":      "`pay/Deployment/cron`",
		"javascript:alert(1)":                   "`pay/Deployment/cron`",
		"https://x.slack.com/archives/C1/p1 x>": "`pay/Deployment/cron`",
	} {
		_, blocks := RenderDigest(d, "", map[string]string{id: link})
		var raw bytes.Buffer
		enc := json.NewEncoder(&raw)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(blocks); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(raw.String(), want) {
			t.Errorf("link %q: top workload not rendered as %s:\n%s", link, want, raw.String())
		}
		if strings.Contains(raw.String(), "<!channel>") {
			t.Errorf("link %q injected a mention", link)
		}
	}
}

// TestRenderDigestScopeProperty renders digests of random incidents for
// random scopes: no namespace outside the scope may appear anywhere in the
// message, links included, and every namespace in it with an incident
// active in the window is counted.
func TestRenderDigestScopeProperty(t *testing.T) {
	names := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 16))
		var incs []incident.Incident
		for i := range r.IntN(40) {
			ns := "ns-" + names[r.IntN(len(names))]
			inc := digestIncident(ns, fmt.Sprintf("w%d", r.IntN(6)), time.Duration(r.IntN(24*30))*dh, time.Duration(r.IntN(48))*dh, int32(r.IntN(50)),
				diagnose.Categories()[r.IntN(len(diagnose.Categories()))])
			inc.ID = fmt.Sprintf("%s-%d", inc.ID, i)
			inc.Selector = "app=" + names[r.IntN(len(names))]
			incs = append(incs, inc)
		}
		var scope digest.NamespaceScope
		in := map[string]bool{}
		for _, n := range names {
			if r.IntN(2) == 0 {
				scope.Terms = append(scope.Terms, digest.ScopeTerm{Namespaces: []string{"ns-" + n}})
				in["ns-"+n] = true
			}
		}
		if len(scope.Terms) == 0 {
			scope.Terms = []digest.ScopeTerm{{Namespaces: []string{"ns-none"}}}
		}
		window := []time.Duration{0, 48 * dh, digest.Week}[r.IntN(3)]
		d := digest.Build(incs, scope, window, digestNow)
		text, blocks := RenderDigest(d, "prod", permalinks(d))
		raw, err := json.Marshal(blocks)
		if err != nil {
			t.Fatal(err)
		}
		var txt bytes.Buffer
		if err := digest.WriteText(&txt, d); err != nil {
			t.Fatal(err)
		}
		all := text + string(raw) + txt.String()
		for _, n := range names {
			if !in["ns-"+n] && strings.Contains(all, "ns-"+n) {
				t.Fatalf("seed %d: namespace ns-%s is outside the scope %s but shows:\n%s", seed, n, scope, all)
			}
		}
		for id, inc := range d.Incidents {
			if !in[inc.Key.Namespace] {
				t.Fatalf("seed %d: links incident %s outside the scope", seed, id)
			}
		}
		active := 0
		for _, inc := range incs {
			if in[inc.Key.Namespace] && inc.OpenedAt.Before(d.To) && (inc.State != incident.Resolved || !inc.ResolvedAt.Before(d.From)) {
				active++
			}
		}
		counted := 0
		for _, c := range d.ByNamespace {
			counted += c.Incidents
		}
		if counted != active {
			t.Fatalf("seed %d: %d incidents in scope were active, the digest counts %d", seed, active, counted)
		}
	}
}

func checkDigestLimits(t *testing.T, text string, blocks []slack.Block) {
	t.Helper()
	raw, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	if err := slackserver.ValidateBlocks(raw); err != nil {
		t.Errorf("Slack would reject the blocks: %v", err)
	}
	if len(blocks) > maxBlocks {
		t.Errorf("%d blocks", len(blocks))
	}
	if n := utf8.RuneCountInString(text); n == 0 || n > maxFallbackRunes {
		t.Errorf("fallback text has %d runes", n)
	}
	checkMrkdwn(t, text)
	for _, s := range mrkdwnTexts(t, raw) {
		// Our links are the one kind of <...> allowed; their labels are
		// checked like any text.
		checkMrkdwn(t, mrkdwnLink.ReplaceAllString(s, "$1"))
	}
}

var mrkdwnLink = regexp.MustCompile(`<https://[^|<> ]+\|([^<>|]*)>`)

// The fleet's store finds every cluster's alert messages for digest links.
var _ ClusterMessageRefs = (*store.Postgres)(nil)
