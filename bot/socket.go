package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// maxAckBytes keeps Socket Mode acks under Slack's 20 KB limit, with room.
const maxAckBytes = 19 << 10

// SocketMode is the Socket Mode transport: the bot dials Slack over a
// websocket (no inbound traffic needed) and receives slash commands and
// button presses as envelopes, each acked within 3 seconds.
type SocketMode struct {
	client *socketmode.Client
	r      *responder
	log    *slog.Logger
}

// NewSocketMode returns the Socket Mode transport for cmds. client is
// made with socketmode.New from a slack.Client that has the app-level token
// (slack.OptionAppLevelToken). It does no I/O; Run connects.
func NewSocketMode(client *socketmode.Client, cmds *Commands, api ReplyAPI, opts ResponderOptions) *SocketMode {
	r := newResponder(cmds, api, opts, "slack-socket")
	return &SocketMode{client: client, r: r, log: r.log}
}

// Run connects to Slack and serves envelopes until ctx ends; the client
// reconnects by itself. It returns an error when Slack refuses the
// app-level token.
func (s *SocketMode) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer s.r.stop()
	var wg sync.WaitGroup
	defer wg.Wait() // after cancel: Start may be waiting to retry
	defer cancel()
	wg.Go(func() { s.r.cmds.Start(ctx) })
	errc := make(chan error, 1)
	go func() { errc <- s.client.RunContext(ctx) }()
	for {
		select {
		case err := <-errc:
			if err == nil || errors.Is(err, context.Canceled) || ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("socket mode: %w", err)
		case evt := <-s.client.Events:
			s.handle(ctx, evt)
		}
	}
}

func (s *SocketMode) handle(ctx context.Context, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnected:
		s.log.Info("connected to Slack (Socket Mode)")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError:
		s.log.Warn("socket mode connection problem", "event", evt.Type, "data", fmt.Sprint(evt.Data))
	case socketmode.EventTypeInvalidAuth:
		s.log.Error("Slack refused the app-level token (slack.app_token)")
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		// Acks must not wait for each other: one goroutine per envelope.
		req := *evt.Request
		s.r.spawn(func() { s.slash(ctx, req, cmd) })
	case socketmode.EventTypeInteractive:
		ic, ok := evt.Data.(slack.InteractionCallback)
		if !ok || evt.Request == nil {
			return
		}
		if err := s.client.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
			s.log.Warn("ack failed", "err", err)
		}
		if req, ok := buttonFrom(ic); ok {
			s.r.press(req)
		}
	case socketmode.EventTypeEventsAPI:
		if evt.Request != nil {
			_ = s.client.AckCtx(ctx, evt.Request.EnvelopeID, nil)
		}
	}
}

func (s *SocketMode) slash(ctx context.Context, env socketmode.Request, cmd slack.SlashCommand) {
	reply, followUps := s.r.slash(slashRequest{
		caller: Caller{UserID: cmd.UserID, UserName: cmd.UserName, ChannelID: cmd.ChannelID, ChannelName: cmd.ChannelName,
			TeamID: cmd.TeamID, EnterpriseID: cmd.EnterpriseID},
		text:        cmd.Text,
		responseURL: cmd.ResponseURL,
		source:      "socket",
	})
	payload := ackPayload(reply)
	if b, err := json.Marshal(payload); err != nil || len(b) > maxAckBytes {
		// Too big for an ack: ack now, answer through response_url.
		if err := s.client.AckCtx(ctx, env.EnvelopeID, nil); err != nil {
			s.log.Warn("ack failed", "err", err)
		}
		s.r.respond(s.r.base, cmd.ResponseURL, reply)
		s.r.respondAll(s.r.base, cmd.ResponseURL, followUps)
		return
	}
	if err := s.client.AckCtx(ctx, env.EnvelopeID, payload); err != nil {
		s.log.Warn("ack failed", "err", err)
	}
	s.r.followUp(cmd.ResponseURL, followUps)
}
