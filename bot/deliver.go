package bot

import (
	"context"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// opKind is what one delivery step does.
type opKind int

const (
	opPost   opKind = iota // chat.postMessage of the incident message
	opUpdate               // chat.update of the incident message
	opReply                // chat.postMessage into the incident's thread
)

func (k opKind) String() string {
	return [...]string{"post", "update", "reply"}[k]
}

// op is one delivery step of an item.
type op struct {
	kind opKind
	item *item
	inc  incident.Incident // opPost, opUpdate
	text string            // opReply
	ts   string            // opUpdate, opReply: the incident's message
}

// pacer spaces calls of one kind in one channel.
type pacer struct{ next time.Time }

// wait blocks until the next call may go; it reports false if ctx ended.
func (p *pacer) wait(ctx context.Context) bool { return sleep(ctx, time.Until(p.next)) }

// done records a call, so the next waits at least interval.
func (p *pacer) done(interval time.Duration) { p.next = time.Now().Add(interval) }

// holdOff keeps calls back for at least d (Retry-After).
func (p *pacer) holdOff(d time.Duration) {
	if t := time.Now().Add(d); t.After(p.next) {
		p.next = t
	}
}

// work is a channel's delivery loop.
func (s *Slack) work(ctx context.Context, ob *outbox) {
	for ctx.Err() == nil {
		o, ok := s.take(ob)
		if !ok {
			// take may have dropped work (orphaned thread replies) on its
			// way to idle: that is a step too, and tests wait for it.
			s.stepped()
			select {
			case <-ob.wake:
			case <-ctx.Done():
			}
			continue
		}
		s.deliver(ctx, ob, &o)
		s.mu.Lock()
		ob.enqueue(o.item)
		ob.forget(o.item)
		s.inFlight--
		s.mu.Unlock()
		s.stepped()
	}
}

// stepped tells a test hook that a delivery step ended or the worker went
// idle.
func (s *Slack) stepped() {
	if s.afterStep != nil {
		s.afterStep()
	}
}

// take returns the next step of the next item in the round robin. A new
// incident's first post goes before updates and thread replies of older
// ones, so a storm of updates never delays an alert.
func (s *Slack) take(ob *outbox) (op, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, it := range ob.order {
		if it.pending != nil && it.ts == "" {
			if i > 0 {
				copy(ob.order[1:i+1], ob.order[:i])
				ob.order[0] = it
			}
			break
		}
	}
	for len(ob.order) > 0 {
		it := ob.order[0]
		ob.order = ob.order[1:]
		it.queued = false
		switch {
		case it.pending != nil:
			o := op{kind: opPost, item: it, inc: *it.pending, ts: it.ts}
			if it.ts != "" {
				o.kind = opUpdate
			}
			it.pending = nil
			s.inFlight++
			return o, true
		case len(it.threads) > 0 && it.ts != "":
			o := op{kind: opReply, item: it, text: it.threads[0], ts: it.ts}
			it.threads = it.threads[1:]
			s.inFlight++
			return o, true
		case len(it.threads) > 0:
			// The message was never posted (a permanent error was logged):
			// there is no thread to reply in.
			s.failed.Add(int64(len(it.threads)))
			s.log.Error("dropping thread replies of an incident whose message could not be posted",
				"incident", it.id, "channel", ob.channel, "replies", len(it.threads))
			it.threads = nil
		}
		ob.forget(it)
	}
	return op{}, false
}

// deliver performs o, retrying rate limits and transient errors until it
// succeeds, fails permanently or ctx ends.
func (s *Slack) deliver(ctx context.Context, ob *outbox, o *op) {
	log := s.log.With("incident", o.item.id, "channel", ob.channel, "op", o.kind.String())
	fellBack := false
	for attempt := 0; ; attempt++ {
		if o.kind != opReply {
			// Coalesce: a newer state that arrived meanwhile replaces this one.
			s.mu.Lock()
			if p := o.item.pending; p != nil {
				o.inc, o.item.pending = *p, nil
			}
			s.mu.Unlock()
		}
		p, interval := &ob.nextPost, time.Duration(float64(time.Second)/s.opts.PerSecond)
		if o.kind == opUpdate {
			p, interval = &ob.nextUpdate, time.Duration(float64(time.Second)/s.opts.UpdatesPerSecond)
		}
		if o.kind == opPost && !o.item.looked {
			// Posted before a restart or by the previous leader? Then the
			// message is updated, not posted again.
			if err := s.lookUp(ctx, o); err != nil {
				s.retries.Add(1)
				wait := backoff(attempt, s.opts.MinBackoff, s.opts.MaxBackoff)
				log.Warn("could not look up the incident's message, will retry", "error", err, "retry_in", wait)
				if !sleep(ctx, wait) {
					return
				}
				continue
			}
			if o.kind == opUpdate {
				p, interval = &ob.nextUpdate, time.Duration(float64(time.Second)/s.opts.UpdatesPerSecond)
			}
		}
		if !p.wait(ctx) {
			return
		}
		channelID, ts, err := s.call(ctx, ob.channel, o, fellBack)
		p.done(interval)
		if err == nil {
			s.succeeded(ctx, ob, o, channelID, ts, log)
			return
		}
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
			p.holdOff(wait)
			log.Warn("rate limited by Slack", "retry_after", wait, "attempt", attempt+1)
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
			case (code == "invalid_blocks" || code == "invalid_blocks_format") && !fellBack && o.kind != opReply:
				fellBack = true
				s.fallbacks.Add(1)
				log.Error("Slack rejected the message blocks, sending plain text instead", "error", err)
				continue
			case code == "message_not_found" && o.kind == opUpdate:
				// Someone deleted the message: post a new one.
				s.mu.Lock()
				o.item.ts = ""
				if o.item.pending == nil {
					inc := o.inc
					o.item.pending = &inc
				}
				s.mu.Unlock()
				log.Warn("incident message is gone, posting a new one", "ts", o.ts)
				return
			}
			s.failed.Add(1)
			log.Error("Slack refused the message, giving up", "error", err)
			return
		}
	}
}

// lookUp asks the message reference store for the message of o's item;
// when one is recorded, o becomes an update of it.
func (s *Slack) lookUp(ctx context.Context, o *op) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	ref, ok, err := s.opts.Messages.MessageRef(ctx, o.item.id)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o.item.looked = true
	if ok && ref.TS != "" {
		o.item.ts, o.item.channelID = ref.TS, ref.Channel
		o.kind, o.ts = opUpdate, ref.TS
	}
	return nil
}

// succeeded records a delivered step; channelID is the channel Slack
// answered with.
func (s *Slack) succeeded(ctx context.Context, ob *outbox, o *op, channelID, ts string, log *slog.Logger) {
	switch o.kind {
	case opPost:
		s.posted.Add(1)
		if channelID == "" {
			channelID = ob.channel
		}
		s.mu.Lock()
		o.item.ts, o.item.channelID, o.item.looked = ts, channelID, true
		s.mu.Unlock()
		// The poster owns the reference: saved here, read back by this
		// sink after a restart or by the next leader.
		sctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
		err := s.opts.Messages.SaveMessageRef(sctx, store.MessageRef{Subject: o.item.id, Channel: channelID, TS: ts, PostedAt: time.Now()})
		cancel()
		if err != nil {
			log.Error("message posted but its reference not saved: a restart would post it again", "ts", ts, "err", err)
		}
	case opUpdate:
		s.updated.Add(1)
	case opReply:
		s.replies.Add(1)
	}
	log.Debug("delivered", "ts", ts)
}

// call makes the API call of o; fallback sends the text-only form. It
// returns the channel ID and ts Slack answered with.
func (s *Slack) call(ctx context.Context, channel string, o *op, fallback bool) (string, string, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	if o.kind != opPost {
		// Updates and replies go to the channel ID the post was answered
		// with: chat.update does not take a "#name".
		s.mu.Lock()
		if id := o.item.channelID; id != "" {
			channel = id
		}
		s.mu.Unlock()
	}
	noUnfurl := []slack.MsgOption{slack.MsgOptionDisableLinkUnfurl(), slack.MsgOptionDisableMediaUnfurl()}
	switch o.kind {
	case opReply:
		return s.api.PostMessageContext(ctx, channel,
			append(noUnfurl, slack.MsgOptionText(o.text, false), slack.MsgOptionTS(o.ts))...)
	}
	text, blocks := Render(o.inc)
	var msg []slack.MsgOption
	switch {
	case fallback && o.kind == opUpdate:
		// An empty block list clears the message's old blocks.
		msg = []slack.MsgOption{slack.MsgOptionText(minimalText(o.inc), false), slack.MsgOptionBlocks()}
	case fallback:
		msg = []slack.MsgOption{slack.MsgOptionText(minimalText(o.inc), false)}
	default:
		msg = []slack.MsgOption{slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...)}
	}
	if o.kind == opPost {
		return s.api.PostMessageContext(ctx, channel, append(noUnfurl, msg...)...)
	}
	ch, ts, _, err := s.api.UpdateMessageContext(ctx, channel, o.ts, msg...)
	return ch, ts, err
}
