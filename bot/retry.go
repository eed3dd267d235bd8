package bot

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// errClass says what to do about a failed Slack call.
type errClass int

const (
	// permanent: retrying cannot help (invalid_blocks, channel_not_found,
	// not_in_channel, invalid_auth, other 4xx).
	permanent errClass = iota
	// rateLimited: Slack answered 429; wait Retry-After (or back off).
	rateLimited
	// transient: 5xx, network error, timeout; back off and retry.
	transient
)

// transientSlackErrors are error codes Slack answers with HTTP 200 that
// still mean "try again later".
var transientSlackErrors = map[string]bool{
	"internal_error": true, "fatal_error": true, "service_unavailable": true,
	"request_timeout": true, "ratelimited": true, "team_added_to_org": true,
}

// classify sorts a Slack call's error. retryAfter is Slack's Retry-After
// when it sent one.
func classify(err error) (class errClass, retryAfter time.Duration) {
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return rateLimited, rl.RetryAfter
	}
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok {
		switch {
		case sc.Code == http.StatusTooManyRequests:
			return rateLimited, 0
		case sc.Code >= 500:
			return transient, 0
		}
		return permanent, 0
	}
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		if se.Err == "ratelimited" {
			return rateLimited, 0
		}
		if transientSlackErrors[se.Err] {
			return transient, 0
		}
		return permanent, 0
	}
	// Everything else is the network or a body that was not Slack's JSON
	// (a proxy's error page): transient. Never drop an alert for those.
	return transient, 0
}

// ambiguous reports whether a failed chat.postMessage may nevertheless
// have been stored by Slack: the request reached Slack (or the proxy in
// front of it) and what came back was a server error, a timeout, a reset
// or cut connection, or something that was not Slack's answer. A rate
// limit, a refused connection and Slack's own refusals were not stored.
// Slack's internal_error and fatal_error say "some aspect of the
// operation may have succeeded": ambiguous too.
func ambiguous(err error) bool {
	if _, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return false
	}
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok {
		return sc.Code >= 500
	}
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		return se.Err != "ratelimited" && transientSlackErrors[se.Err]
	}
	if op, ok := errors.AsType[*net.OpError](err); ok && op.Op == "dial" {
		return false // never reached Slack
	}
	return true
}

// slackErrorCode is Slack's error code of err ("invalid_blocks"), or "".
func slackErrorCode(err error) string {
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		return se.Err
	}
	return ""
}

// backoff returns the wait before retry number attempt (0-based):
// exponential from min, capped at max, with jitter in [d/2, d].
func backoff(attempt int, minD, maxD time.Duration) time.Duration {
	d := minD
	for range attempt {
		d *= 2
		if d >= maxD {
			d = maxD
			break
		}
	}
	half := d / 2
	return half + rand.N(half+1)
}

// sleep waits d or until ctx ends; it reports whether the wait completed.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// gate knows whether Slack is answering, so that the delivery lanes wait
// out an outage together and go again as soon as it ends: while calls
// fail, one lane at a time (the prober) retries at least every probeEvery
// whatever its own backoff, and the first call that succeeds wakes every
// lane waiting to retry. A lane waits its own backoff otherwise, so a
// long outage costs Slack about one call per probeEvery, not one per
// lane. Safe for concurrent use.
type gate struct {
	probeEvery time.Duration

	mu     sync.Mutex
	down   bool
	prober bool
	up     chan struct{} // closed when a call succeeds after failures
}

func newGate(probeEvery time.Duration) *gate {
	return &gate{probeEvery: probeEvery, up: make(chan struct{})}
}

// ok records a call Slack answered: an outage, if any, is over.
func (g *gate) ok() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.down {
		g.down = false
		close(g.up)
		g.up = make(chan struct{})
	}
}

// failed records a call Slack did not answer (5xx, network, timeout).
func (g *gate) failed() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.down = true
}

// wait sleeps d before a retry, less when this lane probes for the end of
// an outage (at most probeEvery, with jitter), and returns early when a
// call succeeds meanwhile (wakeable) or ctx ends. It reports whether the
// wait ended by a success elsewhere (woken) and whether ctx is still
// alive (ok).
func (g *gate) wait(ctx context.Context, d time.Duration, wakeable bool) (woken, ok bool) {
	g.mu.Lock()
	up := g.up
	probe := g.down && !g.prober
	if probe {
		g.prober = true
		half := g.probeEvery / 2
		d = min(d, half+rand.N(half+1))
	}
	g.mu.Unlock()
	if probe {
		defer func() {
			g.mu.Lock()
			g.prober = false
			g.mu.Unlock()
		}()
	}
	if !wakeable {
		up = nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return false, true
	case <-up:
		return true, true
	case <-ctx.Done():
		return false, false
	}
}
