package bot

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
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
