package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

const teamsYAML = `watch:
  exclude_namespaces: [kube-system]
slack:
  channel: "#alerts"
  routes:
    - namespaces: [shop]
      channel: "#team-shop"
    - namespaces: [pay]
      channel: C0PAY
digest:
  channels:
    - channel: "#team-shop"
    - channel: C0PAY
      period: weekly
    - channel: "#leads"
      namespaces: [shop, pay]
    - channel: "#alerts"
`

func teamsConfig(t *testing.T) config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(teamsYAML))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestDigestScopesFromConfig: each digest channel covers what its routes
// (or its own namespaces) cover; one with neither covers every watched
// namespace but the excluded.
func TestDigestScopesFromConfig(t *testing.T) {
	cfg := teamsConfig(t)
	sees := map[string]string{
		"#team-shop": "shop", "C0PAY": "pay", "#leads": "pay shop", "#alerts": "batch pay shop",
	}
	for _, ch := range cfg.Digest.Channels {
		j, err := channelJob(cfg, ch)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ns := range []string{"batch", "kube-system", "pay", "shop"} {
			if j.Scope.Includes(ns, nil) {
				got = append(got, ns)
			}
		}
		if strings.Join(got, " ") != sees[ch.Channel] {
			t.Errorf("%s sees %v, want %s", ch.Channel, got, sees[ch.Channel])
		}
		if want := map[bool]time.Duration{true: digest.Week, false: 24 * time.Hour}[ch.Period == config.PeriodWeekly]; j.Window != want {
			t.Errorf("%s covers %s", ch.Channel, j.Window)
		}
	}
}

// TestDigestCommandScopeByCaller: the command finds the caller's channel by
// ID or by name, never one for the other.
func TestDigestCommandScopeByCaller(t *testing.T) {
	cfg := teamsConfig(t)
	for _, tc := range []struct {
		caller bot.Caller
		want   string
		window time.Duration
	}{
		{bot.Caller{ChannelID: "C0SHOP", ChannelName: "team-shop"}, "#team-shop", 24 * time.Hour},
		{bot.Caller{ChannelID: "C0PAY", ChannelName: "payments"}, "C0PAY", digest.Week},
		{bot.Caller{ChannelID: "C0EVIL", ChannelName: "c0pay"}, "C0EVIL", 24 * time.Hour}, // a name is not an ID
		{bot.Caller{ChannelID: "C0RANDOM", ChannelName: "random"}, "C0RANDOM", 24 * time.Hour},
	} {
		ch := callerDigestChannel(cfg, tc.caller)
		if ch.Channel != tc.want || digestWindow(cfg, ch) != tc.window {
			t.Errorf("%+v: channel %q (%s), want %q (%s)", tc.caller, ch.Channel, digestWindow(cfg, ch), tc.want, tc.window)
		}
	}
	scope, window := digestCommand(cfg, store.NewMemory(0), nil, nil).ScopeFor(bot.Caller{ChannelID: "C0SHOP", ChannelName: "team-shop"})
	if scope == nil || !scope.Includes("shop", nil) || scope.Includes("pay", nil) || window != 24*time.Hour {
		t.Errorf("team-shop's command scope %v over %s", scope, window)
	}
}

// TestDigestNowSinceChannel prints one channel's digest over any period:
// only its namespaces, over the period asked.
func TestDigestNowSinceChannel(t *testing.T) {
	t.Setenv("SLACK_BOT_TOKEN", "")
	dir := t.TempDir()
	state := filepath.Join(dir, "state.db")
	st, err := store.OpenFile(state, 0)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for i, ns := range []string{"shop", "pay", "shop", "batch"} {
		inc := incident.Incident{
			ID: fmt.Sprint(i), State: incident.Open, OpenedAt: now.Add(-time.Duration(i+1) * 30 * time.Hour),
			Key:    incident.Key{Cluster: "kubernetes", Namespace: ns, Kind: "Deployment", Name: "svc-" + ns, Container: "app"},
			Report: diagnose.Report{Finding: diagnose.Finding{Category: diagnose.OOMKilled}},
		}
		if err := st.Save(t.Context(), inc); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte(teamsYAML+"store: {path: "+state+"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	chart := filepath.Join(dir, "chart.png")
	code, out, stderr := runCLI(t, "", "digest", "--now", "--since", "7d", "--channel", "#team-shop", "--config", cfg, "--chart", chart)
	if code != 0 || !strings.Contains(out, "(7d)") || !strings.Contains(out, "shop/Deployment/svc-shop") ||
		strings.Contains(out, "pay") || strings.Contains(out, "batch") || !strings.Contains(out, "2 opened") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr: %s", code, out, stderr)
	}
	if !strings.Contains(stderr, "no chart") {
		t.Errorf("two incidents drew a chart? stderr %q", stderr)
	}
	for _, args := range [][]string{{"--since", "0d"}, {"--since", "soon"}} {
		if code, _, _ := runCLI(t, "", append([]string{"digest", "--now", "--config", cfg}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// With a token set, --print prints every configured channel's digest
	// instead of posting it (the API URL is the default: a post would fail).
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-never-used")
	code, out, stderr = runCLI(t, "", "digest", "--now", "--print", "--config", cfg)
	if code != 0 || strings.Count(out, "Crash-loop digest") != 4 || !strings.Contains(out, "# C0PAY\nCrash-loop digest") ||
		!strings.Contains(out, "Scope: shop\n") {
		t.Fatalf("--print: exit %d, stdout:\n%s\nstderr: %s", code, out, stderr)
	}
}
