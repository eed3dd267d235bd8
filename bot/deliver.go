package bot

import (
	"context"
	"log/slog"
	"slices"

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
	for attempt := 0; ; attempt++ {
		if o.kind == opPost && !o.item.looked {
			// Posted before a restart or by the previous leader? Then the
			// message is updated, not posted again. (lookUp is the one
			// place that finds a message already posted: a post whose
			// answer was lost only has to clear looked to be looked for
			// again before it is retried.)
			found, err := s.lookUp(ctx, o.item)
			if err != nil {
				s.retries.Add(1)
				wait := backoff(attempt, s.opts.MinBackoff, s.opts.MaxBackoff)
				log.Warn("could not look up the message, will retry", "error", err, "retry_in", wait)
				if !sleep(ctx, wait) {
					return
				}
				continue
			}
			if found {
				return // done schedules the pending state as an update
			}
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
		for {
			wait := l.reserve()
			if wait == 0 {
				break
			}
			if !sleep(ctx, wait) {
				return
			}
		}
		msg := s.takeContent(o)
		channelID, ts, err := s.call(ctx, o, msg, fellBack)
		s.calls.Add(1)
		if err == nil {
			l.succeeded()
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
			wait := backoff(attempt, s.opts.MinBackoff, s.opts.MaxBackoff)
			log.Warn("Slack call failed, will retry", "error", err, "retry_in", wait, "attempt", attempt+1)
			if !sleep(ctx, wait) {
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
				// Someone deleted the message: post a new one.
				s.mu.Lock()
				o.item.ts, o.item.channelID = "", ""
				s.mu.Unlock()
				log.Warn("the message is gone, posting a new one")
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

// lookUp asks the message reference store for the item's message; when one is
// recorded the item takes it and reports found.
func (s *Slack) lookUp(ctx context.Context, it *item) (found bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	ref, ok, err := s.opts.Messages.MessageRef(ctx, it.id)
	if err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	it.looked = true
	if ok && ref.TS != "" {
		it.ts, it.channelID = ref.TS, ref.Channel
		return true, nil
	}
	return false, nil
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
		o.item.ts, o.item.channelID, o.item.looked = ts, channelID, true
		s.mu.Unlock()
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
	case opReply:
		s.replies.Add(1)
		s.mu.Lock()
		o.item.replies = o.item.replies[o.n:]
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
