package bot

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

func TestLimiterLearns(t *testing.T) {
	now := time.Unix(1732530000, 0)
	l := newLimiter(1/headroom, 3, func() time.Time { return now })
	for i := range 3 {
		if w := l.reserve(); w != 0 {
			t.Fatalf("call %d of the burst waits %v", i, w)
		}
	}
	if w := l.reserve(); w != time.Second {
		t.Fatalf("after the burst: wait %v, want 1s", w)
	}
	now = now.Add(time.Second)
	if w := l.reserve(); w != 0 {
		t.Fatalf("a second later: wait %v", w)
	}

	// Slack says 429, Retry-After 2s: hold, halve, burst 1.
	l.limited(2 * time.Second)
	if w := l.reserve(); w != 2*time.Second {
		t.Fatalf("after a 429: wait %v, want the Retry-After", w)
	}
	if rate, _ := l.state(); rate != 0.5 {
		t.Fatalf("rate after a 429 = %v, want 0.5", rate)
	}
	now = now.Add(2 * time.Second)
	if w := l.reserve(); w != 0 {
		t.Fatalf("after the hold: wait %v", w)
	}
	if w := l.reserve(); w != 2*time.Second {
		t.Fatalf("burst after a 429: wait %v, want 2s (one call at 0.5/s)", w)
	}
	// Accepted calls earn the rate back, but only up to 90% of the rate
	// that was refused.
	for range 100 {
		l.succeeded()
	}
	if rate, _ := l.state(); rate != 0.9 {
		t.Fatalf("rate after successes = %v, want the learned 0.9", rate)
	}
	// Ten quiet minutes later the lesson is forgotten.
	now = now.Add(forgetAfter)
	l.reserve()
	for range 100 {
		l.succeeded()
	}
	if rate, _ := l.state(); rate != 1 || l.burst != 3 {
		t.Fatalf("rate %v, burst %v after the cap was forgotten; want 1 and 3", rate, l.burst)
	}
}

// TestSlackLearnsFromRateLimits: a bot configured far faster than Slack
// allows gets a few 429s, then keeps under the limit.
func TestSlackLearnsFromRateLimits(t *testing.T) {
	e := newEnv(t, slackserver.Options{PostsPerSecond: 5, PostBurst: 1},
		SlackOptions{PerSecond: 50, PostBurst: 5, MinBackoff: 100 * time.Millisecond, MaxBackoff: time.Second}, true)
	const posts = 20
	for i := range posts {
		inc := oomIncident()
		inc.ID = fmt.Sprintf("learn-%02d", i)
		e.slack.Notify(note(incident.FirstNotification, inc, ""))
	}
	e.waitFor("every post", func() bool { return e.okPosts() == posts })
	calls := e.srv.CallsTo("chat.postMessage")
	limited, late := 0, 0
	for i, c := range calls {
		if c.Status == http.StatusTooManyRequests {
			limited++
			if i >= len(calls)/2 {
				late++
			}
		}
	}
	t.Logf("%d calls, %d answered 429 (%d in the second half)", len(calls), limited, late)
	if limited == 0 {
		t.Fatal("Slack never answered 429: the test tested nothing")
	}
	if limited > 8 || late > 1 {
		t.Errorf("%d of %d calls answered 429, %d in the second half: the budget did not learn", limited, len(calls), late)
	}
}

// TestSlackUpdatesNeverStarvePosts: a backlog of updates (their own,
// workspace-wide budget) does not hold up first posts or thread replies,
// and pending updates of one message are merged.
func TestSlackUpdatesNeverStarvePosts(t *testing.T) {
	// The server's rates sit a quarter above the bot's budgets, as Slack's
	// do: at exactly the same rate, a request the race detector or a busy
	// machine delays lets the next one reach the server early, and the
	// server's bucket (not the budget) decides. Bursts stay equal, so a
	// bot that ignored its budgets still gets 429s.
	e := newEnv(t, slackserver.Options{Limits: map[string]slackserver.Limit{
		"chat.postMessage": {PerMinute: 1500, Burst: 3, PerChannel: true},
		"chat.update":      {PerMinute: 150, Burst: 1},
	}}, SlackOptions{PerSecond: 20, PostBurst: 3, UpdatesPerMinute: 120, UpdateBurst: 1}, true)
	var incs []incident.Incident
	for i := range 5 {
		inc := oomIncident()
		inc.ID = fmt.Sprintf("busy-%d", i)
		incs = append(incs, inc)
		e.slack.Notify(note(incident.FirstNotification, inc, ""))
	}
	e.waitFor("the first posts", func() bool { return e.okPosts() == 5 })
	for round := range 3 {
		for i := range incs {
			incs[i].Restarts = int32(100 + round)
			thread := ""
			if round == 2 {
				thread = "note " + incs[i].ID
			}
			e.slack.Notify(note(incident.Updated, incs[i], thread))
		}
	}
	fresh := oomIncident()
	fresh.ID = "fresh"
	e.slack.Notify(note(incident.FirstNotification, fresh, ""))
	e.waitFor("every update", func() bool {
		for _, inc := range incs {
			m, _ := e.message(inc.ID)
			if !strings.Contains(string(m.Blocks), `*Restarts*\n102`) || len(m.Replies) != 1 {
				return false
			}
		}
		return true
	})
	var freshAt, lastReply, lastUpdate time.Time
	for _, c := range e.srv.Calls() {
		switch {
		case c.Method == "chat.postMessage" && c.OK() && c.ThreadTS == "" && strings.Contains(string(c.Blocks), "incident `fresh`"):
			freshAt = c.Time
		case c.Method == "chat.postMessage" && c.OK() && c.ThreadTS != "":
			lastReply = c.Time
		case c.Method == "chat.update" && c.OK():
			lastUpdate = c.Time
		}
	}
	if freshAt.IsZero() || !freshAt.Before(lastUpdate) || !lastReply.Before(lastUpdate) {
		t.Errorf("first post at %v, last reply at %v, last update at %v: posts and replies must not wait behind updates",
			freshAt.Format(time.StampMilli), lastReply.Format(time.StampMilli), lastUpdate.Format(time.StampMilli))
	}
	if n := len(e.srv.CallsTo("chat.update")); n > 10 {
		t.Errorf("%d chat.update calls for 15 notifications of 5 messages: pending updates were not merged", n)
	}
	e.settle()
	if st := e.slack.Stats(); st.RateLimited != 0 {
		t.Errorf("%d answers were 429: the budgets were not kept", st.RateLimited)
	}
}
