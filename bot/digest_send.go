package bot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/digest"
)

// digestAPI is the part of slack.Client a DigestSender uses.
type digestAPI interface {
	PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error)
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
}

// DigestSender posts digests to Slack: one message, and the chart (when it
// says more than the numbers) uploaded into the message's thread.
type DigestSender struct {
	api     digestAPI
	cluster string
	log     *slog.Logger
}

// NewDigestSender returns a DigestSender for cluster; it does no I/O.
func NewDigestSender(client *slack.Client, cluster string, log *slog.Logger) *DigestSender {
	return &DigestSender{api: client, cluster: cluster, log: log.With("component", "digest")}
}

// SendDigest posts d to channel. A failed chart upload is logged, not
// returned: the digest itself was delivered and must not be sent twice.
func (s *DigestSender) SendDigest(ctx context.Context, channel string, d digest.Digest) error {
	text, blocks := RenderDigest(d, s.cluster)
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
		Filename: "crash-loops.png", Title: digest.ChartTitle(d), AltTxt: digest.ChartTitle(d),
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
