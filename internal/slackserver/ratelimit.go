package slackserver

import (
	"math"
	"time"
)

// Limit is Slack's rate limit of one Web API method: PerMinute calls, Burst
// of them at once, counted per channel (chat.postMessage) or across the
// workspace (chat.update and most others).
type Limit struct {
	PerMinute  float64
	Burst      int
	PerChannel bool
}

// SlackLimits returns the limits Slack documents for the methods the bot
// uses (see ../../../shared/SLACK_FACTS.md): chat.postMessage about one
// message per second per channel with short bursts, chat.update and the
// conversations reads Tier 3 (50 a minute), the file upload steps Tier 4
// (100 a minute), chat.postEphemeral Tier 4.
func SlackLimits() map[string]Limit {
	return map[string]Limit{
		"chat.postMessage":             {PerMinute: 60, Burst: 3, PerChannel: true},
		"chat.update":                  {PerMinute: 50, Burst: 5},
		"chat.delete":                  {PerMinute: 50, Burst: 5},
		"conversations.replies":        {PerMinute: 50, Burst: 5},
		"conversations.history":        {PerMinute: 50, Burst: 5},
		"chat.postEphemeral":           {PerMinute: 100, Burst: 10},
		"files.getUploadURLExternal":   {PerMinute: 100, Burst: 10},
		"files.completeUploadExternal": {PerMinute: 100, Burst: 10},
	}
}

// bucket is a token bucket of one method (and channel).
type bucket struct {
	tokens float64
	last   time.Time
}

// limit takes a token for a call of method to channel at now. When none is
// left it reports the whole seconds to wait (at least 1, as Slack's
// Retry-After).
func (s *Server) limit(method, channel string, now time.Time) (retryAfter int, limited bool) {
	l, ok := s.limits[method]
	if !ok || l.PerMinute <= 0 {
		return 0, false
	}
	rate := l.PerMinute / 60
	burst := float64(max(l.Burst, 1))
	key := method
	if l.PerChannel {
		key += "/" + channel
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.buckets[key]
	if !ok {
		b = &bucket{tokens: burst, last: now}
		s.buckets[key] = b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = math.Min(burst, b.tokens+el*rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return 0, false
	}
	wait := (1 - b.tokens) / rate
	return max(1, int(math.Ceil(wait))), true
}
