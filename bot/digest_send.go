package bot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// alertMessage finds the Slack message that announced inc: its own, or
// the storm message it was announced in. ok is false when it was never
// posted (console, silenced from the start, still pending).
func alertMessage(ctx context.Context, refs MessageRefs, inc incident.Incident) (channelID, ts string, ok bool, err error) {
	subject := inc.ID
	if inc.Storm != nil {
		subject = inc.Storm.ID
	}
	var ref store.MessageRef
	if cr, fleet := refs.(ClusterMessageRefs); fleet && inc.Key.Cluster != "" {
		ref, ok, err = cr.MessageRefIn(ctx, inc.Key.Cluster, subject) // digest_fleet.go
	} else {
		ref, ok, err = refs.MessageRef(ctx, subject)
	}
	if err != nil || !ok || ref.Channel == "" || ref.TS == "" {
		return "", "", false, err
	}
	return ref.Channel, ref.TS, true, nil
}

// Permalinker turns a message reference into a link people can open
// (chat.getPermalink); *slack.Client implements it.
type Permalinker interface {
	GetPermalinkContext(ctx context.Context, params *slack.PermalinkParameters) (string, error)
}

// linkBudget bounds the time a digest spends looking up permalinks: a slow
// Slack costs the digest its links, never the digest itself.
const linkBudget = 10 * time.Second

// DigestLinks looks up the permalinks of the alert messages of the
// incidents d links to (d.Incidents, a few dozen at most), by incident ID.
// An incident without a message, or whose lookup fails, gets no link; a
// failure is logged once.
func DigestLinks(ctx context.Context, refs MessageRefs, api Permalinker, d digest.Digest, log *slog.Logger) map[string]string {
	links := map[string]string{}
	if refs == nil || api == nil || len(d.Incidents) == 0 {
		return links
	}
	ctx, cancel := context.WithTimeout(ctx, linkBudget)
	defer cancel()
	failed := 0
	var firstErr error
	for _, id := range d.LinkedIDs() {
		ch, ts, ok, err := alertMessage(ctx, refs, d.Incidents[id])
		if err == nil && ok {
			var u string
			u, err = api.GetPermalinkContext(ctx, &slack.PermalinkParameters{Channel: ch, Ts: ts})
			if err == nil && u != "" {
				links[id] = u
			}
		}
		if err != nil {
			failed++
			if firstErr == nil {
				firstErr = err
			}
			if ctx.Err() != nil {
				break
			}
		}
	}
	if failed > 0 && log != nil {
		log.Warn("digest: some alert links could not be looked up; those workloads are shown without a link",
			"failed", failed, "linked", len(links), "err", firstErr)
	}
	return links
}

// digestAPI is the part of slack.Client a DigestSender uses.
type digestAPI interface {
	PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error)
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
	Permalinker
}

// DigestSender posts digests to Slack: one message, linking each listed
// workload to its alert, and the trend chart (when it says more than the
// numbers) uploaded into the message's thread.
type DigestSender struct {
	api     digestAPI
	refs    MessageRefs
	cluster string
	log     *slog.Logger
}

// NewDigestSender returns a DigestSender for cluster that finds alert
// messages through refs (nil: no links); it does no I/O.
func NewDigestSender(client *slack.Client, cluster string, refs MessageRefs, log *slog.Logger) *DigestSender {
	return &DigestSender{api: client, refs: refs, cluster: cluster, log: log.With("component", "digest")}
}

// SendDigest posts d to channel. A failed chart upload is logged, not
// returned: the digest itself was delivered and must not be sent twice.
func (s *DigestSender) SendDigest(ctx context.Context, channel string, d digest.Digest) error {
	links := DigestLinks(ctx, s.refs, s.api, d, s.log.With("channel", channel))
	text, blocks := RenderDigest(d, s.cluster, links)
	channelID, ts, err := s.api.PostMessageContext(ctx, channel,
		slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...), slack.MsgOptionDisableLinkUnfurl())
	if err != nil {
		return fmt.Errorf("post digest to %s: %w", channel, err)
	}
	png, ok := digest.Chart(d)
	if !ok {
		return nil
	}
	_, err = s.api.UploadFileContext(ctx, slack.UploadFileParameters{
		// The upload needs the channel ID the post was answered with.
		Channel: channelID, ThreadTimestamp: ts,
		Filename: fmt.Sprintf("crash-loops-%dd.png", len(d.Days)), Title: digest.ChartTitle(d), AltTxt: clip(digest.ChartAlt(d), 1000),
		Reader: bytes.NewReader(png), FileSize: len(png),
	})
	if err != nil {
		s.log.Warn("digest chart upload failed; the digest itself was posted", "channel", channel, "err", err)
	}
	return nil
}

// ConsoleDigest prints digests to a terminal.
type ConsoleDigest struct {
	mu sync.Mutex
	w  io.Writer
}

// NewConsoleDigest returns a ConsoleDigest writing to w.
func NewConsoleDigest(w io.Writer) *ConsoleDigest { return &ConsoleDigest{w: w} }

// SendDigest prints d; channel is ignored.
func (c *ConsoleDigest) SendDigest(_ context.Context, _ string, d digest.Digest) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return digest.WriteText(c.w, d)
}
