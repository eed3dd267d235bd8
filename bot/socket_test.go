package bot

import (
	"context"
	"log"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// TestSocketMode drives slack-go's Socket Mode client against a websocket
// server on loopback: a slash command answered in its ack, a slow one
// acked at once and answered through response_url, and a button answered
// in the alert's thread.
func TestSocketMode(t *testing.T) {
	web := slackserver.New(slackserver.Options{})
	defer web.Close()
	in := slackserver.NewInbound(slackserver.InboundOptions{PingInterval: 500 * time.Millisecond})
	defer in.Close()

	api := slack.New(slackserver.DefaultToken, slack.OptionAPIURL(web.URL()))
	// The Socket Mode client talks to the inbound server with the app token.
	sockAPI := slack.New(slackserver.DefaultToken, slack.OptionAPIURL(in.URL()), slack.OptionAppLevelToken(slackserver.DefaultAppToken))
	client := socketmode.New(sockAPI, socketmode.OptionLog(log.New(discard{}, "", 0)))

	kube := newFakeCluster()
	incs := &fakeIncidents{active: []incident.Incident{oomIncident()}}
	sm := NewSocketMode(client, newTestCommands(kube, incs, nil), api, ResponderOptions{AckWithin: 300 * time.Millisecond, Logger: slog.New(slog.DiscardHandler), APIURL: web.URL()})
	ctx, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := sm.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	defer func() { cancel(); wg.Wait() }()

	wctx, wcancel := context.WithTimeout(t.Context(), 15*time.Second)
	defer wcancel()
	if err := in.WaitFor(wctx, in.Connected); err != nil {
		t.Fatal("the bot did not connect")
	}

	slash := func(text, resp string) slack.SlashCommand {
		return slack.SlashCommand{
			TeamID: "T0", ChannelID: "C0ALERTS", ChannelName: "alerts", UserID: "U0ALICE", UserName: "alice",
			Command: "/crashloop", Text: text, ResponseURL: in.ResponseURL(resp), TriggerID: "1.2.3",
		}
	}
	sent := time.Now()
	id, err := in.Send("slash_commands", slash("describe payments/deployment/api", "d"))
	if err != nil {
		t.Fatal(err)
	}
	if err := in.WaitFor(wctx, func() bool { _, ok := in.AckOf(id); return ok }); err != nil {
		t.Fatal("no ack")
	}
	ack, _ := in.AckOf(id)
	if ack.At.Sub(sent) > 3*time.Second || ack.Dropped || !strings.Contains(jsonUnescaper.Replace(string(ack.Payload)), "OOMKilled") {
		t.Fatalf("ack after %s (%d bytes): %s", ack.At.Sub(sent), ack.Size, ack.Payload)
	}

	// Slow: acked with "working on it", answered through response_url.
	kube.delay = time.Second
	id, err = in.Send("slash_commands", slash("logs payments/api-7d9f8b6c5-x2x9q", "slow"))
	if err != nil {
		t.Fatal(err)
	}
	if err := in.WaitFor(wctx, func() bool { return len(in.Responses()) == 1 }); err != nil {
		t.Fatal("no answer through response_url")
	}
	ack, _ = in.AckOf(id)
	if !strings.Contains(string(ack.Payload), "Working on it") || !strings.Contains(string(in.Responses()[0].Body), "Logs") {
		t.Fatalf("ack %s, response %s", ack.Payload, in.Responses()[0].Body)
	}
	kube.delay = 0

	// A button of a posted alert, answered in its thread.
	text, blocks := Render(oomIncident())
	_, ts, err := api.PostMessageContext(t.Context(), "C0ALERTS", slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...))
	if err != nil {
		t.Fatal(err)
	}
	ic := slack.InteractionCallback{
		Type: slack.InteractionTypeBlockActions, User: slack.User{ID: "U0ALICE", Name: "alice"},
		Channel:     slack.Channel{GroupConversation: slack.GroupConversation{Conversation: slack.Conversation{ID: "C0ALERTS"}, Name: "alerts"}},
		Container:   slack.Container{Type: "message", MessageTs: ts, ChannelID: "C0ALERTS"},
		ResponseURL: in.ResponseURL("button"),
		ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{{
			ActionID: ActionDescribe, BlockID: ActionsBlockID, Value: EncodeButtonValue(oomIncident()),
		}}},
	}
	ic.Message.Timestamp = ts
	id, err = in.Send("interactive", &ic)
	if err != nil {
		t.Fatal(err)
	}
	if err := web.WaitFor(wctx, func() bool { m, _ := web.Message("C0ALERTS", ts); return len(m.Replies) == 1 }); err != nil {
		t.Fatal("no thread reply")
	}
	// The ack and the reply travel on different connections: wait for both.
	if err := in.WaitFor(wctx, func() bool { _, ok := in.AckOf(id); return ok }); err != nil {
		t.Fatal("no ack of the interaction")
	}
	if ack, ok := in.AckOf(id); !ok || ack.Payload != nil {
		t.Fatalf("interactive ack = %+v, %t", ack, ok)
	}
	m, _ := web.Message("C0ALERTS", ts)
	if !strings.Contains(string(m.Replies[0].Blocks), "*Pod* `payments/api-7d9f8b6c5-x2x9q`") {
		t.Fatalf("thread reply = %s", m.Replies[0].Blocks)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
