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
	// chat.delete of a reply that may have landed at the top of the
	// channel because its message had been deleted.
	DeleteMessageContext(ctx context.Context, channel, ts string) (string, string, error)
	// The reads that find a message whose answer was lost.
	GetConversationHistoryContext(ctx context.Context, params *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error)
	GetConversationRepliesContext(ctx context.Context, params *slack.GetConversationRepliesParameters) ([]slack.Message, bool, string, error)
	ChannelLister
}

// MessageRefs keeps where the message about each incident or storm is, so
// that updates and thread replies find it again after a restart or a
// failover (store.Store implements it). The Slack sink, which posts the
// messages, is its only writer.
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
	// per channel; default 1, Slack's limit. PostBurst is how many posts a
	// channel may send at once; default 3. A 429 teaches both down.
	PerSecond float64
	PostBurst int
	// UpdatesPerMinute paces chat.update across the workspace; default 50,
	// Slack's Tier 3. UpdateBurst defaults to 5.
	UpdatesPerMinute float64
	UpdateBurst      int
	// MinBackoff and MaxBackoff bound the exponential backoff after a 5xx,
	// a network error or a 429 without Retry-After; default 1s and 60s.
	MinBackoff, MaxBackoff time.Duration
	// OutageProbe is the longest time between two tries while Slack does
	// not answer (one lane probes; the first success wakes every lane);
	// default 1s, so delivery resumes within about a second of Slack's
	// return.
	OutageProbe time.Duration
	// RequestTimeout bounds one API call; default 30s.
	RequestTimeout time.Duration
	// Messages keeps where each message is; default an in-memory store (a
	// restart then posts open incidents anew).
	Messages MessageRefs
	// StormNamed is how many workloads a storm message names; default
	// DefaultStormNamed.
	StormNamed int
	// Now replaces time.Now in tests (pacing).
	Now func() time.Time
	// AfterPost, if set, is called after Slack accepted a new message and
	// before its reference is saved: the worst moment to die. For
	// fault-injection tests only (the binary sets it from
	// CRASHLOOP_TEST_CRASH_AFTER_POST).
	AfterPost func(subject, ts string)
}

func (o *SlackOptions) defaults() {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.PerSecond <= 0 {
		o.PerSecond = 1
	}
	if o.PostBurst <= 0 {
		o.PostBurst = 3
	}
	if o.UpdatesPerMinute <= 0 {
		o.UpdatesPerMinute = 50
	}
	if o.UpdateBurst <= 0 {
		o.UpdateBurst = 5
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Minute
	}
	o.MaxBackoff = max(o.MaxBackoff, o.MinBackoff)
	if o.OutageProbe <= 0 {
		o.OutageProbe = time.Second
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 30 * time.Second
	}
	if o.Messages == nil {
		o.Messages = store.NewMemory(0)
	}
	if o.StormNamed <= 0 {
		o.StormNamed = DefaultStormNamed
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Slack delivers notifications to Slack: one message per incident or
// storm, posted once, then updated in place, with thread replies for notes,
// storm members and resolutions. Posts and replies go through one lane per
// channel, paced by that channel's chat.postMessage budget, first posts
// before replies; updates go through one workspace-wide lane paced by the
// chat.update budget, and pending updates of one message are merged into
// one call. Budgets learn from 429s (see budget). Rate limits, 5xx answers
// and network errors are retried until they succeed or Run's context
// ends, so a Slack outage delays alerts but does not drop them; while
// Slack does not answer, one lane probes every OutageProbe and the first
// success wakes them all.
//
// Exactly one message per incident or storm: every message is marked with
// its subject (metadata, and a visible fallback), and before a post that
// may already have happened (an ambiguous failure, or a subject without a
// saved reference at start-up) the channel's history is searched and the
// message found is adopted (see lookup.go). A message a person deleted is
// not posted again.
type Slack struct {
	api    chatAPI
	opts   SlackOptions
	log    *slog.Logger
	budget *budget
	gate   *gate
	// started is when the sink was made (the process started, or became
	// leader): subjects opened before it may have been posted by the
	// previous one.
	started time.Time
	// botID is the bot's own ID (auth.test), to recognise its messages
	// on servers that drop metadata.
	botID atomic.Pointer[string]
	// resolveMu lets one lane at a time resolve channel names.
	resolveMu sync.Mutex
	// replySeq numbers thread replies (their metadata ID).
	replySeq atomic.Int64

	mu       sync.Mutex
	items    map[string]*item // by subject
	channels map[string]*channelQueue
	updates  []*item // messages with a pending update, oldest first
	// channelIDs maps routed channel names to their IDs; unresolved
	// holds names that did not resolve, and when.
	channelIDs map[string]string
	unresolved map[string]time.Time
	// updateWake wakes the update lane.
	updateWake chan struct{}
	running    context.Context // Run's context while Run runs, else nil
	wg         sync.WaitGroup

	// inFlight counts steps taken off a queue and not finished yet.
	// Guarded by mu.
	inFlight int
	// afterStep, if set (tests), is called after each delivery step and
	// each time a lane goes idle.
	afterStep func()

	calls, posted, updated, replies, failed, rateLimited, retries, fallbacks atomic.Int64
	lookups, adopted, deleted                                                atomic.Int64
}

// SlackStats are delivery counters since the sink was created.
type SlackStats struct {
	// Calls counts every chat.postMessage and chat.update attempt.
	Calls int64
	// Posted, Updated and Replies count successful chat.postMessage (new
	// messages), chat.update and thread replies.
	Posted, Updated, Replies int64
	// Failed counts messages given up on (permanent errors).
	Failed int64
	// RateLimited counts 429 answers; Retries counts retries after 5xx and
	// network errors.
	RateLimited, Retries int64
	// Fallbacks counts messages sent as plain text after invalid_blocks.
	Fallbacks int64
	// Lookups counts reads made to find a message whose ts was not known
	// (conversations.history, conversations.replies, conversations.list);
	// Adopted counts messages found that way instead of being posted
	// again; Deleted counts messages found deleted by a person (not
	// posted again).
	Lookups, Adopted, Deleted int64
	// QueueDepth is the number of messages and replies waiting; InFlight
	// the number being delivered.
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
		api:        api,
		opts:       opts,
		log:        opts.Logger.With("component", "slack"),
		budget:     newBudget(opts.PerSecond, opts.PostBurst, opts.UpdatesPerMinute, opts.UpdateBurst, opts.Now),
		gate:       newGate(opts.OutageProbe),
		started:    opts.Now(),
		items:      map[string]*item{},
		channels:   map[string]*channelQueue{},
		channelIDs: map[string]string{},
		unresolved: map[string]time.Time{},
		updateWake: make(chan struct{}, 1),
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
	s.botID.Store(&resp.BotID)
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
// for its delivery lanes to stop. Notifications still queued then are not
// delivered (the incident store keeps the state; after a restart the
// incident manager notifies again, and the message reference saved by the
// post finds the message to update).
func (s *Slack) Run(ctx context.Context) error {
	s.mu.Lock()
	if s.running != nil {
		s.mu.Unlock()
		return errors.New("bot: Slack.Run is already running")
	}
	s.running = ctx
	for _, q := range s.channels {
		s.startPostLane(ctx, q)
	}
	s.wg.Go(func() { s.updateLane(ctx) })
	s.mu.Unlock()

	<-ctx.Done()
	s.mu.Lock()
	s.running = nil
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

// Notify queues n for delivery and returns at once. It never blocks on
// Slack and never drops n: pending updates of a message are merged into
// the latest state, thread replies are kept in order.
func (s *Slack) Notify(n incident.Notification) {
	var (
		subject, ch, key, cluster string
		openedAt                  time.Time
		msg                       *message
		rep                       *reply
		resolved                  bool
	)
	switch {
	case n.IsStorm():
		st := *n.Storm
		subject, ch, cluster, openedAt = st.ID, st.Channel, st.Cluster, st.OpenedAt
		text, blocks := RenderStorm(st, s.opts.StormNamed)
		msg = &message{text: text, blocks: blocks, plain: stormPlain(st) + "\n" + visibleMark(st.ID, true)}
		if t := stormThreadText(n); t != "" {
			rep = &reply{message: message{text: t, plain: t}}
		}
		resolved = st.State == incident.Resolved
	case n.Storm != nil:
		// A storm member: told in the storm's thread; the storm's own
		// message counts it.
		subject, ch, cluster, openedAt = n.Storm.ID, n.Storm.Channel, n.Storm.Cluster, n.Storm.OpenedAt
		inc := n.Incident
		if n.Reason == incident.FirstNotification {
			rep = &reply{message: message{text: memberText(inc), blocks: memberBlocks(inc), plain: minimalText(inc)}, member: memberName(inc), fleet: fleetMember(inc)}
		} else if t := memberNoteText(n); t != "" {
			rep = &reply{message: message{text: t, plain: t}}
		}
	default:
		inc := n.Incident
		subject, ch, key, cluster, openedAt = inc.ID, inc.Channel, inc.Key.String(), inc.Key.Cluster, inc.OpenedAt
		if subject == "" {
			subject = inc.Key.String()
		}
		text, blocks := Render(inc)
		msg = &message{text: text, blocks: blocks, plain: minimalText(inc)}
		if inc.ID != "" {
			msg.plain += "\n" + visibleMark(inc.ID, false)
		}
		if t := RenderThread(n); t != "" {
			rep = &reply{message: message{text: t, plain: t}}
		}
		resolved = n.Reason == incident.ResolvedReason || inc.State == incident.Resolved
	}
	if ch == "" {
		ch = s.opts.DefaultChannel
	}
	if ch == "" {
		s.failed.Add(1)
		s.log.Error("no channel for the message and no default channel is configured",
			"subject", subject, "reason", n.Reason)
		return
	}
	if msg == nil && rep == nil {
		return
	}

	if rep != nil {
		rep.id = fmt.Sprintf("%s#%d.%d", subject, s.started.UnixMilli(), s.replySeq.Add(1))
	}
	s.mu.Lock()
	it, ok := s.items[subject]
	if !ok {
		it = &item{id: subject, channel: ch, storm: n.Storm != nil}
		s.items[subject] = it
	}
	if key != "" {
		it.key = key
	}
	if cluster != "" {
		it.cluster = cluster
	}
	if !openedAt.IsZero() && (it.openedAt.IsZero() || openedAt.Before(it.openedAt)) {
		it.openedAt = openedAt
	}
	q := s.queue(ch)
	switch {
	case it.deleted:
		// A person deleted the message: not posted again, nothing more
		// said about it.
		s.log.Debug("not notifying: the message was deleted", "subject", subject, "reason", n.Reason)
	default:
		if msg != nil {
			it.pending = msg
			it.dead = false // a new state is worth another try
		}
		if rep != nil {
			it.replies = append(it.replies, *rep)
		}
	}
	it.resolved = it.resolved || resolved
	s.schedule(it)
	s.mu.Unlock()
	signal(q.wake)
	signal(s.updateWake)
	s.log.Debug("notification queued", "subject", subject, "channel", ch, "reason", n.Reason)
}

// queue returns the post lane of ch, starting it if Run runs. Caller
// holds s.mu.
func (s *Slack) queue(ch string) *channelQueue {
	q, ok := s.channels[ch]
	if !ok {
		q = newChannelQueue(ch)
		s.channels[ch] = q
		if s.running != nil {
			s.startPostLane(s.running, q)
		}
	}
	return q
}

// schedule puts it in the queues its work belongs to: a message not
// posted yet (or not known to be) goes to its channel's posts, a pending
// change of a posted message to the updates, replies of a message that
// may exist to its channel's replies. Caller holds s.mu.
func (s *Slack) schedule(it *item) {
	q := s.channels[it.channel]
	// (A post in flight is scheduled again when it is done.)
	if it.deleted {
		it.pending, it.replies = nil, nil
	}
	needsPost := it.ts == "" && !it.dead && !it.deleted && !it.postBusy && (it.pending != nil || (len(it.replies) > 0 && (!it.looked || !it.unsure.IsZero())))
	if needsPost && !it.inPosts {
		it.inPosts = true
		q.posts = append(q.posts, it)
	}
	if it.ts != "" && it.pending != nil && !it.inUpdates {
		it.inUpdates = true
		s.updates = append(s.updates, it)
	}
	if it.ts != "" && len(it.replies) > 0 && !it.inReplies {
		it.inReplies = true
		q.replies = append(q.replies, it)
	}
	if it.dead && len(it.replies) > 0 {
		// The message could not be posted: there is no thread to reply in.
		s.failed.Add(int64(len(it.replies)))
		s.log.Error("dropping thread replies of a message that could not be posted",
			"subject", it.id, "channel", it.channel, "replies", len(it.replies))
		it.replies = nil
	}
	s.forget(it)
}

// forget drops a resolved (or dead) message with nothing left to deliver:
// a later notification finds it in the message reference store. Caller
// holds s.mu.
func (s *Slack) forget(it *item) {
	// (A deleted message stays known while its subject is open, so that
	// its updates are dropped without asking Slack each time.)
	if (it.resolved || it.dead) && !it.hasWork() && !it.postBusy && !it.updateBusy && !it.inPosts && !it.inReplies && !it.inUpdates {
		delete(s.items, it.id)
	}
}

// Stats returns the delivery counters and the current queue depth.
func (s *Slack) Stats() SlackStats {
	st := SlackStats{
		Calls:  s.calls.Load(),
		Posted: s.posted.Load(), Updated: s.updated.Load(), Replies: s.replies.Load(),
		Failed: s.failed.Load(), RateLimited: s.rateLimited.Load(), Retries: s.retries.Load(),
		Fallbacks: s.fallbacks.Load(),
		Lookups:   s.lookups.Load(), Adopted: s.adopted.Load(), Deleted: s.deleted.Load(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range s.items {
		if it.pending != nil {
			st.QueueDepth++
		}
		st.QueueDepth += len(it.replies)
	}
	st.InFlight = s.inFlight
	return st
}

// startPostLane starts q's delivery goroutine. Caller holds s.mu.
func (s *Slack) startPostLane(ctx context.Context, q *channelQueue) {
	s.wg.Go(func() { s.postLane(ctx, q) })
}
