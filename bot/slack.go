package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// chatAPI is the part of *slack.Client the Slack sink uses.
type chatAPI interface {
	AuthTestContext(ctx context.Context) (*slack.AuthTestResponse, error)
	PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error)
	UpdateMessageContext(ctx context.Context, channel, ts string, options ...slack.MsgOption) (string, string, string, error)
}

// MessageRefs keeps where the message about each incident is, so that
// updates and thread replies find it again after a restart or a failover
// (store.Store implements it). The Slack sink, which posts the messages,
// is its only writer.
type MessageRefs interface {
	// MessageRef returns where the message about subject is; ok is false
	// when none was recorded.
	MessageRef(ctx context.Context, subject string) (ref store.MessageRef, ok bool, err error)
	// SaveMessageRef records where the message about ref.Subject is.
	SaveMessageRef(ctx context.Context, ref store.MessageRef) error
}

// SlackOptions configures a Slack sink. Zero values take the defaults.
type SlackOptions struct {
	// Logger receives delivery problems; default slog.Default().
	Logger *slog.Logger
	// DefaultChannel is used for incidents whose Channel is empty.
	DefaultChannel string
	// PerSecond paces chat.postMessage (new messages and thread replies)
	// per channel; default 1, Slack's limit.
	PerSecond float64
	// UpdatesPerSecond paces chat.update per channel; default 2.
	UpdatesPerSecond float64
	// MinBackoff and MaxBackoff bound the exponential backoff after a 5xx,
	// a network error or a 429 without Retry-After; default 1s and 60s.
	MinBackoff, MaxBackoff time.Duration
	// RequestTimeout bounds one API call; default 30s.
	RequestTimeout time.Duration
	// Messages keeps where each incident's message is; default an
	// in-memory store (a restart then posts open incidents anew).
	Messages MessageRefs
}

func (o *SlackOptions) defaults() {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.PerSecond <= 0 {
		o.PerSecond = 1
	}
	if o.UpdatesPerSecond <= 0 {
		o.UpdatesPerSecond = 2
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Minute
	}
	o.MaxBackoff = max(o.MaxBackoff, o.MinBackoff)
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 30 * time.Second
	}
	if o.Messages == nil {
		o.Messages = store.NewMemory(0)
	}
}

// Slack delivers notifications to Slack: one message per incident, posted
// once, then updated in place, with thread replies for notes and for the
// resolution. Each channel has its own outbox and delivery goroutine,
// paced to Slack's per-channel rate; pending updates of one incident are
// coalesced into the latest. Rate limits, 5xx answers and network errors
// are retried until they succeed or Run's context ends, so a Slack outage
// delays alerts but does not drop them.
type Slack struct {
	api  chatAPI
	opts SlackOptions
	log  *slog.Logger

	mu      sync.Mutex
	boxes   map[string]*outbox
	running context.Context // Run's context while Run runs, else nil
	wg      sync.WaitGroup

	// inFlight counts steps taken off the queue and not finished yet.
	// Guarded by mu.
	inFlight int
	// afterStep, if set (tests), is called after each delivery step and
	// each time a worker goes idle.
	afterStep func()

	posted, updated, replies, failed, rateLimited, retries, fallbacks atomic.Int64
}

// SlackStats are delivery counters since the sink was created.
type SlackStats struct {
	// Posted, Updated and Replies count successful chat.postMessage (new
	// incident messages), chat.update and thread replies.
	Posted, Updated, Replies int64
	// Failed counts messages given up on (permanent errors).
	Failed int64
	// RateLimited counts 429 answers; Retries counts retries after 5xx and
	// network errors.
	RateLimited, Retries int64
	// Fallbacks counts messages sent as plain text after invalid_blocks.
	Fallbacks int64
	// QueueDepth is the number of messages and replies waiting; InFlight
	// the number being delivered (at most one per channel).
	QueueDepth, InFlight int
}

// NewSlack returns a Slack sink that delivers through client once Run is
// running. It does no I/O.
func NewSlack(client *slack.Client, opts SlackOptions) *Slack {
	return newSlack(client, opts)
}

func newSlack(api chatAPI, opts SlackOptions) *Slack {
	opts.defaults()
	return &Slack{
		api:   api,
		opts:  opts,
		log:   opts.Logger.With("component", "slack"),
		boxes: map[string]*outbox{},
	}
}

// Check calls auth.test to verify the token and connectivity.
func (s *Slack) Check(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	resp, err := s.api.AuthTestContext(ctx)
	if err != nil {
		return fmt.Errorf("slack auth.test: %w", err)
	}
	s.log.Info("connected to Slack", "team", resp.Team, "bot_user", resp.User, "bot_id", resp.BotID)
	return nil
}

// authErrors are Slack's answers to a bot token that is wrong or dead.
var authErrors = map[string]bool{
	"invalid_auth": true, "not_authed": true, "account_inactive": true,
	"token_revoked": true, "token_expired": true,
}

// IsAuthError reports whether err (from Check) says Slack rejected the
// token, as opposed to Slack being unreachable.
func IsAuthError(err error) bool {
	return authErrors[slackErrorCode(err)]
}

// Run delivers queued and future notifications until ctx ends, then waits
// for its delivery goroutines to stop. Notifications still queued then are
// not delivered (the incident store keeps the state; after a restart the
// incident manager notifies again, and the message reference saved by the
// post finds the message to update).
func (s *Slack) Run(ctx context.Context) error {
	s.mu.Lock()
	if s.running != nil {
		s.mu.Unlock()
		return errors.New("bot: Slack.Run is already running")
	}
	s.running = ctx
	for _, ob := range s.boxes {
		s.startWorker(ctx, ob)
	}
	s.mu.Unlock()

	<-ctx.Done()
	s.mu.Lock()
	s.running = nil
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

// Notify queues n for delivery and returns at once. It never blocks on
// Slack and never drops n: an incident's pending message updates are
// coalesced into the latest state, thread replies are kept in order.
func (s *Slack) Notify(n incident.Notification) {
	inc := n.Incident
	ch := inc.Channel
	if ch == "" {
		ch = s.opts.DefaultChannel
	}
	id := inc.ID
	if id == "" {
		id = inc.Key.String()
	}
	if ch == "" {
		s.failed.Add(1)
		s.log.Error("incident has no channel and no default channel is configured",
			"incident", id, "workload", inc.Key.String(), "reason", n.Reason)
		return
	}
	thread := RenderThread(n)

	s.mu.Lock()
	ob, ok := s.boxes[ch]
	if !ok {
		ob = newOutbox(ch)
		s.boxes[ch] = ob
		if s.running != nil {
			s.startWorker(s.running, ob)
		}
	}
	it := ob.item(id)
	it.pending = &inc
	if thread != "" {
		it.threads = append(it.threads, thread)
	}
	if n.Reason == incident.ResolvedReason || inc.State == incident.Resolved {
		it.resolved = true
	}
	ob.enqueue(it)
	s.mu.Unlock()
	ob.signal()
	s.log.Debug("notification queued", "incident", id, "channel", ch, "reason", n.Reason)
}

// Stats returns the delivery counters and the current queue depth.
func (s *Slack) Stats() SlackStats {
	st := SlackStats{
		Posted: s.posted.Load(), Updated: s.updated.Load(), Replies: s.replies.Load(),
		Failed: s.failed.Load(), RateLimited: s.rateLimited.Load(), Retries: s.retries.Load(),
		Fallbacks: s.fallbacks.Load(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ob := range s.boxes {
		st.QueueDepth += ob.depth()
	}
	st.InFlight = s.inFlight
	return st
}

// startWorker starts ob's delivery goroutine. Caller holds s.mu.
func (s *Slack) startWorker(ctx context.Context, ob *outbox) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.work(ctx, ob)
	}()
}
