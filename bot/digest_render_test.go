package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

var digestNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.FixedZone("CET", 3600))

// digestIncident is an incident of ns/name opened ago before digestNow,
// resolved after ttr (0: still open).
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

func digestFixtures() map[string]digest.Digest {
	const h = time.Hour
	busy := []incident.Incident{
		digestIncident("shop", "api", 3*h, 0, 12, diagnose.OOMKilled),
		digestIncident("shop", "web", 10*h, 30*time.Minute, 4, diagnose.LivenessProbe),
		digestIncident("pay", "worker", 30*h, 2*h, 2, diagnose.ConfigError),
		digestIncident("pay", "worker", 5*h, h, 7, diagnose.DependencyUnavailable),
		digestIncident("pay", "cron", 40*h, 0, 30, ""),
		digestIncident("a&b", "<!channel>", 2*h, 0, 1, diagnose.AppCrash),
	}
	var huge []incident.Incident
	for i := range 400 {
		name := fmt.Sprintf("svc-%03d-%s", i, strings.Repeat("<long&name>", 20))
		huge = append(huge, digestIncident(fmt.Sprintf("team-%02d", i%40), name, time.Duration(i%23+1)*h, time.Duration(i%3)*time.Minute*17, int32(i), diagnose.Categories()[i%len(diagnose.Categories())]))
	}
	return map[string]digest.Digest{
		"quiet": digest.Build(nil, 0, digestNow),
		"busy":  digest.Build(busy, 0, digestNow),
		"huge":  digest.Build(huge, 0, digestNow),
	}
}

func TestRenderDigestGolden(t *testing.T) {
	for name, d := range digestFixtures() {
		t.Run(name, func(t *testing.T) {
			text, blocks := RenderDigest(d, "prod-eu")
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
		checkMrkdwn(t, s)
	}
}
