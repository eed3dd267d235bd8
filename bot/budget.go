package bot

import (
	"sync"
	"time"
)

// Slack limits each Web API method on its own: chat.postMessage to about
// one message per second per channel (with short bursts), chat.update to
// Tier 3 (about 50 a minute) across the workspace. The bot keeps a budget
// per method (and per channel for posts) and learns from every 429: the
// answer's Retry-After holds that budget back, and its rate is halved,
// then earned back call by call. A budget never spends another's, so a
// storm of updates cannot delay a first post or a thread reply.

// limiter is one learning budget: a token bucket whose rate starts at the
// documented limit and adapts to what Slack answers. A 429 halves the rate
// and caps it just below the rate that was refused; each accepted call
// earns 5% back, up to that cap. The cap is forgotten after a quiet
// while, so a limit Slack lowered for a time does not slow the bot for
// good. Safe for concurrent use.
type limiter struct {
	mu sync.Mutex
	// ceiling is the configured rate (calls per second), the most the
	// budget ever spends; learned is the rate a 429 taught; rate is what
	// it spends now.
	ceiling, learned, rate float64
	// burst is how many calls may go at once; a 429 makes it 1 until the
	// rate is back at the ceiling.
	burst, maxBurst float64
	tokens          float64
	last            time.Time
	// holdUntil is when Slack said (Retry-After) calls may go again;
	// limitedAt is the last 429.
	holdUntil, limitedAt time.Time
	now                  func() time.Time
}

const (
	// minRateShare bounds how far 429s push a rate down: a sixteenth of
	// the configured limit, so a budget never stalls for good.
	minRateShare = 1.0 / 16
	// learnedShare: the cap a 429 sets, below the refused rate.
	learnedShare = 0.9
	// recoverStep is what each accepted call earns back.
	recoverStep = 0.05
	// forgetAfter: a cap learned from a 429 this long ago is dropped.
	forgetAfter = 10 * time.Minute
)

// headroom is the share of a documented limit the bot spends: Slack's
// clock and ours disagree by the network's jitter, and a call that arrives
// a few milliseconds early is refused.
const headroom = 0.9

func newLimiter(perSecond float64, burst int, now func() time.Time) *limiter {
	b := float64(max(burst, 1))
	r := perSecond * headroom
	return &limiter{ceiling: r, learned: r, rate: r, burst: b, maxBurst: b, tokens: b, now: now}
}

// refill adds the tokens earned since the last look. Caller holds l.mu.
func (l *limiter) refill(now time.Time) {
	if !l.last.IsZero() {
		if el := now.Sub(l.last).Seconds(); el > 0 {
			l.tokens = min(l.burst, l.tokens+el*l.rate)
		}
	}
	l.last = now
}

// reserve takes a token when one is there and returns 0; otherwise it
// takes nothing and returns how long until one will be.
func (l *limiter) reserve() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Before(l.holdUntil) {
		return l.holdUntil.Sub(now)
	}
	if l.learned < l.ceiling && now.Sub(l.limitedAt) >= forgetAfter {
		l.learned = l.ceiling
	}
	l.refill(now)
	if l.tokens >= 1 {
		l.tokens--
		return 0
	}
	return time.Duration((1 - l.tokens) / l.rate * float64(time.Second))
}

// limited records a 429: nothing goes before retryAfter is over, and the
// budget is spent more slowly from then on.
func (l *limiter) limited(retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if t := now.Add(retryAfter); t.After(l.holdUntil) {
		l.holdUntil = t
	}
	l.limitedAt = now
	l.refill(now)
	floor := l.ceiling * minRateShare
	l.learned = max(floor, min(l.learned, l.rate*learnedShare))
	l.rate = max(floor, l.rate/2)
	l.tokens = 0
	l.burst = 1
}

// refund gives back the token of a call Slack did not process (a 5xx,
// a network error): an outage must not leave the budget empty when it ends.
func (l *limiter) refund() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tokens = min(l.burst, l.tokens+1)
}

// succeeded records a call Slack accepted: the rate is earned back a
// little, up to what the last 429 taught.
func (l *limiter) succeeded() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rate = min(l.learned, l.rate*(1+recoverStep))
	if l.rate >= l.ceiling {
		l.burst = l.maxBurst
	}
}

// state returns the current rate and hold, for logs and tests.
func (l *limiter) state() (rate float64, holdUntil time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.rate, l.holdUntil
}

// budget holds the limiters of the methods the sink calls.
type budget struct {
	mu        sync.Mutex
	posts     map[string]*limiter // chat.postMessage by channel
	postRate  float64
	postBurst int
	update    *limiter // chat.update, workspace-wide
	// history and replies are conversations.history and
	// conversations.replies (Tier 3 each, workspace-wide): searches for
	// messages whose answer was lost.
	history, replies *limiter
	now              func() time.Time
}

// lookupsPerMinute and lookupBurst are Slack's Tier 3, for the
// conversations reads.
const (
	lookupsPerMinute = 50
	lookupBurst      = 5
)

func newBudget(postsPerSecond float64, postBurst int, updatesPerMinute float64, updateBurst int, now func() time.Time) *budget {
	return &budget{
		posts: map[string]*limiter{}, postRate: postsPerSecond, postBurst: postBurst,
		update:  newLimiter(updatesPerMinute/60, updateBurst, now),
		history: newLimiter(lookupsPerMinute/60.0, lookupBurst, now),
		replies: newLimiter(lookupsPerMinute/60.0, lookupBurst, now),
		now:     now,
	}
}

// post is the chat.postMessage budget of channel.
func (b *budget) post(channel string) *limiter {
	b.mu.Lock()
	defer b.mu.Unlock()
	l, ok := b.posts[channel]
	if !ok {
		l = newLimiter(b.postRate, b.postBurst, b.now)
		b.posts[channel] = l
	}
	return l
}
