package bot

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/store"
)

// opKind is what one delivery step does.
type opKind int

const (
	opPost   opKind = iota // chat.postMessage of the message
	opUpdate               // chat.update of the message
	opReply                // chat.postMessage into the message's thread
)

func (k opKind) String() string {
	return [...]string{"post", "update", "reply"}[k]
}

// op is one delivery step.
type op struct {
	kind opKind
	item *item
	// rep is the (merged) thread reply of an opReply; n how many queued
	// replies it stands for.
	rep reply
	n   int
}

// postLane is a channel's delivery loop: first posts before thread
// replies, paced by the channel's post budget.
func (s *Slack) postLane(ctx context.Context, q *channelQueue) {
	for ctx.Err() == nil {
		o, ok := s.takePost(q)
		if !ok {
			s.stepped()
			select {
			case <-q.wake:
			case <-ctx.Done():
			}
			continue
		}
		s.deliver(ctx, &o, func() *limiter { return s.budget.post(q.channel) })
		s.done(&o)
	}
}

// updateLane is the workspace's chat.update loop, paced by the update
// budget; it never holds up a post or a reply.
func (s *Slack) updateLane(ctx context.Context) {
	for ctx.Err() == nil {
		o, ok := s.takeUpdate()
		if !ok {
			s.stepped()
			select {
			case <-s.updateWake:
			case <-ctx.Done():
			}
			continue
		}
		s.deliver(ctx, &o, func() *limiter { return s.budget.update })
		s.done(&o)
	}
}

// stepped tells a test hook that a delivery step ended or a lane went idle.
func (s *Slack) stepped() {
	if s.afterStep != nil {
		s.afterStep()
	}
}

// takePost returns the channel's next step: the oldest first post, else
// the next message's thread replies (merged when they are storm members').
func (s *Slack) takePost(q *channelQueue) (op, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(q.posts) > 0 {
		it := q.posts[0]
		q.posts = q.posts[1:]
		it.inPosts = false
		if it.ts != "" {
			s.schedule(it) // posted meanwhile: its work is updates and replies
			continue
		}
		it.postBusy = true
		s.inFlight++
		return op{kind: opPost, item: it}, true
	}
	for len(q.replies) > 0 {
		it := q.replies[0]
		q.replies = q.replies[1:]
		it.inReplies = false
		if len(it.replies) == 0 || it.ts == "" {
			s.forget(it)
			continue
		}
		rep, n := mergeReplies(it)
		it.postBusy = true
		s.inFlight++
		return op{kind: opReply, item: it, rep: rep, n: n}, true
	}
	return op{}, false
}

// takeUpdate returns the oldest pending update of a storm message, else
// the oldest pending update: one message that speaks for many workloads
// goes before a backlog of single ones (after a restart, every open
// incident is refreshed).
func (s *Slack) takeUpdate() (op, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.updates) > 0 {
		i := max(0, slices.IndexFunc(s.updates, func(it *item) bool { return it.storm }))
		it := s.updates[i]
		s.updates = slices.Delete(s.updates, i, i+1)
		it.inUpdates = false
		if it.pending == nil || it.ts == "" {
			s.schedule(it)
			continue
		}
		it.updateBusy = true
		s.inFlight++
		return op{kind: opUpdate, item: it}, true
	}
	return op{}, false
}

// done ends a step: the item goes back to the queues its remaining work
// belongs to, and the lanes that may now have work are woken.
func (s *Slack) done(o *op) {
	s.mu.Lock()
	if o.kind == opUpdate {
		o.item.updateBusy = false
	} else {
		o.item.postBusy = false
	}
	s.inFlight--
	s.schedule(o.item)
	q := s.channels[o.item.channel]
	s.mu.Unlock()
	signal(q.wake)
	signal(s.updateWake)
	s.stepped()
}

// deliver performs o, retrying rate limits and transient errors until it
// succeeds, fails for good or ctx ends. lim is the budget o spends.
func (s *Slack) deliver(ctx context.Context, o *op, lim func() *limiter) {
	log := s.log.With("subject", o.item.id, "channel", o.item.channel, "op", o.kind.String())
	fellBack := false
	// woken: the last wait was cut short by a success elsewhere; if this
	// call fails again, the next wait is not (a message Slack keeps
	// failing must not retry at the pace of the others' successes).
	woken := false
	// replyUnsure is when a reply whose answer was lost was sent: its
	// thread is read before it is sent again.
	var replyUnsure time.Time
	retry := func(attempt int, what string, err error) bool {
		wait := backoff(attempt, s.opts.MinBackoff, s.opts.MaxBackoff)
		level := slog.LevelDebug
		if attempt&(attempt+1) == 0 {
			// Attempts 1, 2, 4, 8, ...: an outage is logged, not flooded.
			level = slog.LevelWarn
		}
		log.Log(ctx, level, what+", will retry", "error", err, "retry_in_at_most", wait, "attempt", attempt+1)
		var ok bool
		woken, ok = s.gate.wait(ctx, wait, !woken)
		return ok
	}
	for attempt := 0; ; attempt++ {
		if o.kind == opPost {
			// Posted before a restart, by the previous leader, or by a
			// call whose answer was lost? Then the message is adopted and
			// updated, not posted again. (beforePost is the one place that
			// finds a message already posted.)
			found, err := s.beforePost(ctx, o.item, log)
			if err != nil {
				s.retries.Add(1)
				if !retry(attempt, "could not look up the message", err) {
					return
				}
				continue
			}
			if found {
				return // done schedules the pending state as an update
			}
		}
		if o.kind == opReply && !replyUnsure.IsZero() {
			found, err := s.findReply(ctx, o.item, o.rep, replyUnsure)
			switch {
			case errors.Is(err, errNoSearch):
				log.Warn("cannot read the thread to check whether the reply got through; sending it again", "error", err)
			case err != nil:
				s.retries.Add(1)
				if !retry(attempt, "could not read the thread", err) {
					return
				}
				continue
			case found:
				log.Info("the reply whose answer was lost is in the thread; not sending it again")
				s.adopted.Add(1)
				s.succeeded(ctx, o, "", "", log)
				return
			}
			replyUnsure = time.Time{}
		}
		if o.kind == opPost && !s.hasPending(o.item) {
			// Replies of a message nobody posted (and no state to post):
			// done drops them.
			s.mu.Lock()
			o.item.dead = true
			s.mu.Unlock()
			return
		}
		l := lim()
		if !s.reserve(ctx, l) {
			return
		}
		msg := s.takeContent(o)
		channelID, ts, err := s.call(ctx, o, msg, fellBack)
		s.calls.Add(1)
		if err == nil {
			l.succeeded()
			s.gate.ok()
			s.succeeded(ctx, o, channelID, ts, log)
			return
		}
		s.putBack(o, msg)
		if ctx.Err() != nil {
			return
		}
		class, retryAfter := classify(err)
		switch class {
		case rateLimited:
			s.rateLimited.Add(1)
			wait := retryAfter
			if wait <= 0 {
				wait = backoff(attempt, s.opts.MinBackoff, s.opts.MaxBackoff)
			}
			l.limited(wait)
			rate, _ := l.state()
			log.Warn("rate limited by Slack; slowing down", "retry_after", wait, "attempt", attempt+1, "rate_per_min", rate*60)
		case transient:
			s.retries.Add(1)
			// Slack did not process it, or we cannot tell: either way the
			// budget is not spent.
			l.refund()
			s.gate.failed()
			if ambiguous(err) {
				switch o.kind {
				case opPost:
					// Slack may have stored it: look before posting again.
					s.mu.Lock()
					o.item.unsure = s.opts.Now()
					s.mu.Unlock()
				case opReply:
					if replyUnsure.IsZero() {
						replyUnsure = s.opts.Now()
					}
				}
			}
			if !retry(attempt, "Slack call failed", err) {
				return
			}
		case permanent:
			code := slackErrorCode(err)
			switch {
			case (code == "invalid_blocks" || code == "invalid_blocks_format") && !fellBack:
				fellBack = true
				s.fallbacks.Add(1)
				log.Error("Slack rejected the message blocks, sending plain text instead", "error", err)
				continue
			case code == "message_not_found" && o.kind == opUpdate:
				// A person deleted the message: it is not posted again,
				// and nothing more is said about the subject (its replies
				// would land at the top of the channel).
				s.mu.Lock()
				o.item.deleted = true
				strays := o.item.unconfirmed
				o.item.unconfirmed = nil
				s.mu.Unlock()
				s.deleted.Add(1)
				log.Warn("the message was deleted in Slack; not posting it again", "ts", o.item.ts)
				s.removeStrays(ctx, o.item, strays, log)
				return
			}
			s.failed.Add(int64(max(o.n, 1)))
			log.Error("Slack refused the message, giving up", "error", err)
			s.mu.Lock()
			switch o.kind {
			case opPost:
				o.item.dead = true
				o.item.pending = nil
			case opReply:
				o.item.replies = o.item.replies[o.n:]
			case opUpdate:
				o.item.pending = nil
			}
			s.mu.Unlock()
			return
		}
	}
}

// maxUnconfirmed bounds the replies remembered per message between two
// confirmations that it exists.
const maxUnconfirmed = 20

// removeStrays deletes the replies posted to a message that turned out to
// be deleted: Slack posts a reply whose parent is gone at the top of the
// channel, where it would read as a new alert.
func (s *Slack) removeStrays(ctx context.Context, it *item, strays []string, log *slog.Logger) {
	s.mu.Lock()
	channelID := it.channelID
	s.mu.Unlock()
	for _, ts := range strays {
		if !s.reserve(ctx, s.budget.update) {
			return
		}
		cctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
		_, _, err := s.api.DeleteMessageContext(cctx, channelID, ts)
		cancel()
		if err != nil && slackErrorCode(err) != "message_not_found" {
			log.Warn("could not remove a reply to the deleted message", "reply_ts", ts, "error", err)
		}
	}
}

func (s *Slack) hasPending(it *item) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return it.pending != nil
}

// takeContent is what o sends now: for a post or an update the latest
// pending state (a newer one that arrived while waiting replaces the
// older: one call shows both), for a reply its merged reply.
func (s *Slack) takeContent(o *op) message {
	if o.kind == opReply {
		return o.rep.message
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if o.item.pending == nil {
		return message{}
	}
	m := *o.item.pending
	o.item.pending = nil
	return m
}

// putBack returns a state that did not get through, unless a newer one
// arrived meanwhile.
func (s *Slack) putBack(o *op, m message) {
	if o.kind == opReply {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if o.item.pending == nil {
		o.item.pending = &m
	}
}

// beforePost finds a message about it that may already exist, so that it
// is adopted instead of posted again: first the message reference store
// (a message this sink or the one before it posted and recorded), then,
// when a post may have happened without its ts being known (it.unsure),
// the channel's history. found reports that it now has its message. A
// history that cannot be searched (errNoSearch) is logged and the post
// goes ahead.
func (s *Slack) beforePost(ctx context.Context, it *item, log *slog.Logger) (found bool, err error) {
	s.mu.Lock()
	looked := it.looked
	s.mu.Unlock()
	if !looked {
		rctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
		ref, ok, err := s.opts.Messages.MessageRef(rctx, it.id)
		cancel()
		if err != nil {
			return false, err
		}
		s.mu.Lock()
		it.looked = true
		if ok && ref.TS != "" {
			it.ts, it.channelID = ref.TS, ref.Channel
			s.mu.Unlock()
			s.learnChannel(it.channel, ref.Channel)
			return true, nil
		}
		if it.unsure.IsZero() && it.openedAt.Before(s.started.Add(clockSkew)) {
			// Opened before this sink started and no reference saved: the
			// previous process or leader may have posted it and died
			// before saving the ts.
			it.unsure = s.started
		}
		s.mu.Unlock()
	}
	s.mu.Lock()
	unsure := !it.unsure.IsZero()
	q := s.channels[it.channel]
	s.mu.Unlock()
	if !unsure {
		return false, nil
	}
	ts, channelID, err := s.searchHistory(ctx, q, it)
	if errors.Is(err, errNoSearch) {
		log.Warn("cannot search the channel for a message posted before; posting (give the Slack app channels:history, channels:read, or route to channel IDs)", "error", err)
		s.mu.Lock()
		it.unsure = time.Time{}
		s.mu.Unlock()
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if ts == "" {
		s.mu.Lock()
		it.unsure = time.Time{}
		s.mu.Unlock()
		return false, nil
	}
	log.Info("found the message in the channel's history; adopting it instead of posting again", "ts", ts)
	s.adopt(ctx, it, channelID, ts)
	return true, nil
}

// succeeded records a delivered step; channelID is the channel Slack
// answered with.
func (s *Slack) succeeded(ctx context.Context, o *op, channelID, ts string, log *slog.Logger) {
	switch o.kind {
	case opPost:
		s.posted.Add(1)
		if channelID == "" {
			channelID = o.item.channel
		}
		s.mu.Lock()
		o.item.ts, o.item.channelID, o.item.looked, o.item.unsure = ts, channelID, true, time.Time{}
		s.mu.Unlock()
		s.learnChannel(o.item.channel, channelID)
		if s.opts.AfterPost != nil {
			s.opts.AfterPost(o.item.id, ts)
		}
		// The poster owns the reference: saved here, read back by this
		// sink after a restart or by the next leader.
		sctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
		err := s.opts.Messages.SaveMessageRef(sctx, store.MessageRef{Subject: o.item.id, Channel: channelID, TS: ts, PostedAt: s.opts.Now()})
		cancel()
		if err != nil {
			log.Error("message posted but its reference not saved: a restart would post it again", "ts", ts, "err", err)
		}
	case opUpdate:
		s.updated.Add(1)
		s.mu.Lock()
		o.item.unconfirmed = nil // the message exists
		s.mu.Unlock()
	case opReply:
		s.replies.Add(1)
		s.mu.Lock()
		o.item.replies = o.item.replies[o.n:]
		if ts != "" && len(o.item.unconfirmed) < maxUnconfirmed {
			o.item.unconfirmed = append(o.item.unconfirmed, ts)
		}
		s.mu.Unlock()
	}
	log.Debug("delivered", "ts", ts)
}

// call makes the API call of o with m; fallback sends the plain text
// form. It returns the channel ID and ts Slack answered with.
func (s *Slack) call(ctx context.Context, o *op, m message, fallback bool) (string, string, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	s.mu.Lock()
	channel, ts := o.item.channel, o.item.ts
	if o.kind != opPost && o.item.channelID != "" {
		// Updates and replies go to the channel ID the post was answered
		// with: chat.update does not take a "#name".
		channel = o.item.channelID
	}
	// Every message is marked with what it is about (see lookup.go).
	mark := o.item.metadata(o.item.resolved)
	if o.kind == opReply {
		mark = o.item.replyMetadata(o.rep.id)
	}
	s.mu.Unlock()
	var msg []slack.MsgOption
	switch {
	case fallback && o.kind == opUpdate:
		// An empty block list clears the message's old blocks.
		msg = []slack.MsgOption{slack.MsgOptionText(m.plain, false), slack.MsgOptionBlocks()}
	case fallback || len(m.blocks) == 0:
		msg = []slack.MsgOption{slack.MsgOptionText(firstNonEmpty(fallbackOf(m, fallback), m.text), false)}
	default:
		msg = []slack.MsgOption{slack.MsgOptionText(m.text, false), slack.MsgOptionBlocks(m.blocks...)}
	}
	msg = append(msg, slack.MsgOptionMetadata(mark))
	noUnfurl := []slack.MsgOption{slack.MsgOptionDisableLinkUnfurl(), slack.MsgOptionDisableMediaUnfurl()}
	switch o.kind {
	case opReply:
		return s.api.PostMessageContext(ctx, channel, append(append(noUnfurl, msg...), slack.MsgOptionTS(ts))...)
	case opPost:
		return s.api.PostMessageContext(ctx, channel, append(noUnfurl, msg...)...)
	}
	ch, ts, _, err := s.api.UpdateMessageContext(ctx, channel, ts, msg...)
	return ch, ts, err
}

func fallbackOf(m message, fallback bool) string {
	if fallback {
		return m.plain
	}
	return ""
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
