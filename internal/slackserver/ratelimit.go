package slackserver

import (
	"math"
	"time"
)

// bucket is a token bucket for one channel's chat.postMessage calls.
type bucket struct {
	tokens float64
	last   time.Time
}

// limit takes a token for a post to channel at now. When none is left it
// reports the whole seconds to wait (at least 1, as Slack's Retry-After).
func (s *Server) limit(channel string, now time.Time) (retryAfter int, limited bool) {
	rate := s.opts.PostsPerSecond
	if rate <= 0 {
		return 0, false
	}
	burst := float64(s.opts.PostBurst)
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.buckets[channel]
	if !ok {
		b = &bucket{tokens: burst, last: now}
		s.buckets[channel] = b
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
