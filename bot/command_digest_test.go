package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/store"
)

func TestParseDigestCommand(t *testing.T) {
	for text, want := range map[string]time.Duration{
		"digest": 0, "DIGEST 7d": 7 * 24 * time.Hour, "digest week": 7 * 24 * time.Hour, "digest 36h": 36 * time.Hour,
		"digest day": 24 * time.Hour, "digest 28d": 28 * 24 * time.Hour,
	} {
		cmd, err := ParseCommand(text)
		if err != nil || cmd.Verb != VerbDigest || cmd.For != want {
			t.Errorf("%q: %+v, %v; want digest of %s", text, cmd, err, want)
		}
	}
	for _, text := range []string{"digest 0d", "digest 29d", "digest 30m", "digest 7d extra", "digest soon", "digest -3d", "digest 99999999999d"} {
		var ce *CommandError
		if _, err := ParseCommand(text); !errors.As(err, &ce) || ce.Usage != usages[VerbDigest] {
			t.Errorf("%q: err %v, want a usage error", text, err)
		}
	}
}

// history is a digest.Source over literal incidents that counts its reads.
type history struct {
	mu    sync.Mutex
	incs  []incident.Incident
	reads int
}

func (h *history) History(context.Context, time.Time) ([]incident.Incident, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.reads++
	return h.incs, nil
}

// fakePermalinks answers chat.getPermalink from a map of "channel/ts".
type fakePermalinks struct {
	links map[string]string
	err   error
	calls int
}

func (f *fakePermalinks) GetPermalinkContext(_ context.Context, p *slack.PermalinkParameters) (string, error) {
	f.calls++
	if f.err != nil {
		return "", f.err
	}
	return f.links[p.Channel+"/"+p.Ts], nil
}

// digestCommands serves the digest command for three kinds of channel: the
// shop team's (digest scoped to shop), the alert channel (no digest scope
// of its own: every watched namespace) and the admin's DM.
func digestCommands(h *history, links Permalinker) *Commands {
	shop := digest.NamespaceScope{Terms: []digest.ScopeTerm{{Namespaces: []string{"shop"}}}}
	return NewCommands(CommandOptions{
		Cluster: "prod-eu", Kube: newFakeCluster(), Logger: slog.New(slog.DiscardHandler),
		Access: Access{Rules: []AccessRule{
			{Channels: []string{"C0SHOP"}, Namespaces: []string{"shop", "pay"}},
			{Channels: []string{"C0ALERTS"}, Namespaces: []string{"pay"}},
			{Users: []string{"U0ADMIN"}, Namespaces: []string{"*"}},
		}},
		Now: func() time.Time { return digestNow },
		Digest: &DigestCommand{
			History: h, Refs: postedRefs{}, Permalinks: links, Location: digestNow.Location(),
			ScopeFor: func(c Caller) (digest.Scope, time.Duration) {
				if c.ChannelID == "C0SHOP" {
					return shop, 24 * time.Hour
				}
				return digest.Everything, 24 * time.Hour
			},
		},
	})
}

func TestDigestCommand(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		caller     Caller
		has, hasnt []string
	}{
		{"team channel: its digest scope, even where the grant is wider", "digest",
			Caller{UserID: "U0BOB", ChannelID: "C0SHOP", ChannelName: "team-shop"},
			[]string{"Crash-loop digest: prod-eu", "namespaces shop", "shop/Deployment/api", "Only you can see this"}, []string{"pay/", "a&amp;b"}},
		{"alert channel: all watched, narrowed to what the caller may query there", "digest",
			Caller{UserID: "U0BOB", ChannelID: "C0ALERTS", ChannelName: "alerts"},
			[]string{"pay/Deployment/worker", "pay/Deployment/cron"}, []string{"shop/", "a&amp;b"}},
		{"admin anywhere: everything, over a week", "digest 7d",
			Caller{UserID: "U0ADMIN", ChannelID: "D0ADMIN"},
			[]string{"Weekly crash-loop digest", "(7d)", "shop/Deployment/api", "pay/Deployment/cron", "a&amp;b"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &history{incs: busyDayIncidents()}
			reply := digestCommands(h, nil).Run(t.Context(), tc.caller, tc.text, "test")
			raw := replyJSON(t, reply)
			if reply.Error || reply.File != nil {
				t.Fatalf("reply: %s", raw)
			}
			for _, s := range tc.has {
				if !bytes.Contains(raw, []byte(s)) {
					t.Errorf("reply lacks %q:\n%s", s, raw)
				}
			}
			for _, s := range tc.hasnt {
				if bytes.Contains(raw, []byte(s)) {
					t.Errorf("reply shows %q:\n%s", s, raw)
				}
			}
			checkReplyLimits(t, reply)
		})
	}

	h := &history{incs: busyDayIncidents()}
	reply := digestCommands(h, nil).Run(t.Context(), Caller{UserID: "U0EVE", ChannelID: "C0RANDOM", ChannelName: "random"}, "digest", "test")
	if !reply.Error || h.reads != 0 || !strings.Contains(replyText(reply), "not available to you here") {
		t.Errorf("a channel without access got %s (history read %d times)", replyJSON(t, reply), h.reads)
	}
	reply = NewCommands(CommandOptions{Kube: newFakeCluster(), Access: testAccess(), Logger: slog.New(slog.DiscardHandler)}).Run(t.Context(), alice, "digest", "test")
	if !reply.Error || !strings.Contains(replyText(reply), "not available in this bot") {
		t.Errorf("without a digest source: %s", replyJSON(t, reply))
	}
}

func TestDigestCommandGolden(t *testing.T) {
	incs := busyDayIncidents()
	links := &fakePermalinks{links: map[string]string{}}
	for _, inc := range incs {
		r := postedRef(inc)
		links.links[r.Channel+"/"+r.TS] = "https://example.slack.com/archives/" + r.Channel + "/p" + strings.ReplaceAll(r.TS, ".", "")
	}
	reply := digestCommands(&history{incs: incs}, links).Run(t.Context(), Caller{UserID: "U0BOB", ChannelID: "C0SHOP", ChannelName: "team-shop"}, "digest", "test")
	golden(t, "cmd_digest_scoped.golden", replyJSON(t, reply))
	if links.calls == 0 || !strings.Contains(string(replyJSON(t, reply)), "<https://example.slack.com/archives/C0ALERTS/p") {
		t.Errorf("no links (%d lookups)", links.calls)
	}
}

func replyText(r Reply) string {
	raw, _ := json.Marshal(r.Blocks)
	return r.Text + string(raw)
}

func TestDigestLinks(t *testing.T) {
	d := digestFixtures()["busy"]
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	ok := &fakePermalinks{links: map[string]string{}}
	for _, inc := range d.Incidents {
		r := postedRef(inc)
		ok.links[r.Channel+"/"+r.TS] = "https://x.slack.com/" + inc.ID
	}
	links := DigestLinks(t.Context(), postedRefs{}, ok, d, log)
	if len(links) != len(d.Incidents) || ok.calls != len(d.Incidents) {
		t.Errorf("%d links from %d lookups for %d incidents", len(links), ok.calls, len(d.Incidents))
	}

	// An incident never posted has no reference: no lookup, no link.
	none := &fakePermalinks{}
	if links := DigestLinks(t.Context(), store.NewMemory(0), none, d, log); len(links) != 0 || none.calls != 0 {
		t.Errorf("unposted incidents: %d links, %d lookups", len(links), none.calls)
	}

	failing := &fakePermalinks{err: errors.New("ratelimited")}
	if links := DigestLinks(t.Context(), postedRefs{}, failing, d, log); len(links) != 0 {
		t.Errorf("failing lookups gave links %v", links)
	}
	if n := strings.Count(logs.String(), "could not be looked up"); n != 1 {
		t.Errorf("failures logged %d times, want once:\n%s", n, logs.String())
	}
}

// TestDigestSenderOverSlack posts a digest to the Slack-compatible server:
// the message links to the alerts the server holds (chat.getPermalink),
// and the chart lands in the digest's thread.
func TestDigestSenderOverSlack(t *testing.T) {
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	api := slack.New(slackserver.DefaultToken, slack.OptionAPIURL(srv.URL()))
	incs := busyWeekIncidents()
	refs := store.NewMemory(0)
	for i := range incs {
		// Post the alerts, so their messages exist and have permalinks.
		ch, ts, err := api.PostMessageContext(t.Context(), "#alerts", slack.MsgOptionText("alert "+incs[i].ID, false))
		if err != nil {
			t.Fatal(err)
		}
		if err := refs.SaveMessageRef(t.Context(), store.MessageRef{Subject: incs[i].ID, Channel: ch, TS: ts}); err != nil {
			t.Fatal(err)
		}
	}
	d := digest.Build(incs, digest.Everything, digest.Week, digestNow)
	s := NewDigestSender(api, "prod-eu", refs, slog.New(slog.DiscardHandler))
	if err := s.SendDigest(t.Context(), "#team", d); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	got := msgs[len(msgs)-1]
	if got.Channel != slackserver.ChannelID("#team") {
		t.Fatalf("digest posted to %s", got.Channel)
	}
	topRef, _, _ := refs.MessageRef(t.Context(), d.Top[0].IncidentID)
	texts := strings.Join(mrkdwnTexts(t, got.Blocks), "\n")
	if want := srv.Permalink(topRef.Channel, topRef.TS); want == "" || !strings.Contains(texts, "<"+want+"|pay/Deployment/ledger>") {
		t.Errorf("the top workload does not link to its alert %q:\n%s", want, clip(texts, 600))
	}
	if n := len(srv.CallsTo("chat.getPermalink")); n != len(d.Incidents) {
		t.Errorf("%d permalink lookups for %d linked incidents", n, len(d.Incidents))
	}
	files := srv.Files()
	if len(files) != 1 || files[0].ThreadTS != got.TS || files[0].Channel != got.Channel || !bytes.HasPrefix(files[0].Content, []byte("\x89PNG")) ||
		!strings.Contains(files[0].Title, "28 days") {
		t.Errorf("chart upload %+v", files)
	}
}
