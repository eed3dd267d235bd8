package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// env is a Slack sink delivering to a slackserver over loopback HTTP.
type env struct {
	t     *testing.T
	srv   *slackserver.Server
	slack *Slack
	api   *slack.Client

	refs *refRecorder

	stepped chan struct{} // signalled after each delivery step
}

// settle waits until the sink has nothing queued and nothing in flight, so
// its counters and callbacks are final.
func (e *env) settle() {
	e.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		if st := e.slack.Stats(); st.QueueDepth == 0 && st.InFlight == 0 {
			return
		}
		select {
		case <-e.stepped:
		case <-timeout:
			e.t.Fatalf("sink did not settle: %+v", e.slack.Stats())
		}
	}
}

// newEnv starts a server and a sink; start runs the sink right away.
func newEnv(t *testing.T, so slackserver.Options, opts SlackOptions, start bool) *env {
	t.Helper()
	e := &env{t: t, refs: &refRecorder{Memory: store.NewMemory(0), saved: map[string][]string{}}}
	e.srv = slackserver.New(so)
	t.Cleanup(e.srv.Close)
	token := so.Token
	if token == "" {
		token = slackserver.DefaultToken
	}
	e.api = slack.New(token, slack.OptionAPIURL(e.srv.URL()))
	opts.Logger = slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	opts.Messages = e.refs
	if opts.MinBackoff == 0 {
		opts.MinBackoff, opts.MaxBackoff = 5*time.Millisecond, 50*time.Millisecond
	}
	e.slack = NewSlack(e.api, opts)
	// The fixtures' incidents opened long ago; here they are this sink's
	// own (nothing was posted before it started, so no history is
	// searched before a first post). Restart tests make a sink of their own.
	e.slack.started = time.Unix(0, 0)
	e.stepped = make(chan struct{}, 1)
	e.slack.afterStep = func() {
		select {
		case e.stepped <- struct{}{}:
		default:
		}
	}
	if start {
		e.start()
	}
	return e
}

func (e *env) start() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.slack.Run(ctx) }()
	e.t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			e.t.Errorf("Run: %v", err)
		}
	})
}

// waitFor waits until cond holds, re-checking after every Slack call.
func (e *env) waitFor(what string, cond func() bool) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.t.Context(), 30*time.Second)
	defer cancel()
	if err := e.srv.WaitFor(ctx, cond); err != nil {
		e.t.Fatalf("waiting for %s: %v; stats %+v; %d messages", what, err, e.slack.Stats(), len(e.srv.Messages()))
	}
}

// message returns the message of incident id (found by the incident id
// the state line shows).
func (e *env) message(id string) (slackserver.Message, bool) {
	var found []slackserver.Message
	for _, m := range e.srv.Messages() {
		if strings.Contains(string(m.Blocks), "incident `"+id+"`") || strings.Contains(m.Text, id) {
			found = append(found, m)
		}
	}
	if len(found) > 1 {
		e.t.Errorf("incident %s has %d messages", id, len(found))
	}
	if len(found) == 0 {
		return slackserver.Message{}, false
	}
	return found[0], true
}

// okPosts counts successful top-level chat.postMessage calls.
func (e *env) okPosts() int {
	n := 0
	for _, c := range e.srv.CallsTo("chat.postMessage") {
		if c.OK() && c.ThreadTS == "" {
			n++
		}
	}
	return n
}

// refRecorder is a message reference store that remembers every save.
type refRecorder struct {
	*store.Memory
	mu    sync.Mutex
	saved map[string][]string // subject -> ts of each save
}

func (r *refRecorder) SaveMessageRef(ctx context.Context, ref store.MessageRef) error {
	r.mu.Lock()
	r.saved[ref.Subject] = append(r.saved[ref.Subject], ref.TS)
	r.mu.Unlock()
	return r.Memory.SaveMessageRef(ctx, ref)
}

// savedTS returns the ts of every reference saved for subject, in order.
func (r *refRecorder) savedTS(subject string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.saved[subject]...)
}

// note is a notification; a non-empty thread becomes a note whose reply
// reads exactly thread.
func note(reason incident.Reason, inc incident.Incident, thread string) incident.Notification {
	n := incident.Notification{Reason: reason, Incident: inc}
	if thread != "" {
		n.Notes = []incident.Note{{Kind: incident.RelatedFound, Text: thread}}
	}
	return n
}

func fastOpts() SlackOptions {
	return SlackOptions{PerSecond: 200, PostBurst: 10, UpdatesPerMinute: 12000, UpdateBurst: 10}
}

func TestSlackPostUpdateResolve(t *testing.T) {
	e := newEnv(t, slackserver.Options{Channels: []string{"C0ALERTS"}}, fastOpts(), true)
	inc := oomIncident()
	e.slack.Notify(note(incident.FirstNotification, inc, ""))
	e.waitFor("the post", func() bool { _, ok := e.message(inc.ID); return ok })

	inc.Restarts = 27
	e.slack.Notify(note(incident.Updated, inc, "2 more pods are crashing"))
	e.waitFor("the update and the note", func() bool {
		m, _ := e.message(inc.ID)
		return strings.Contains(string(m.Blocks), `*Restarts*\n27`) && len(m.Replies) == 1
	})

	inc.State, inc.ResolvedAt = incident.Resolved, inc.OpenedAt.Add(14*time.Minute)
	e.slack.Notify(note(incident.ResolvedReason, inc, ""))
	e.waitFor("the resolution", func() bool {
		m, _ := e.message(inc.ID)
		return strings.Contains(string(m.Blocks), "✅ Resolved: payments/api") && len(m.Replies) == 2
	})

	e.settle()
	m, _ := e.message(inc.ID)
	if got := m.Replies[0].Text; got != "2 more pods are crashing" {
		t.Errorf("first reply = %q", got)
	}
	if got := m.Replies[1].Text; !strings.HasPrefix(got, "✅ Resolved after 14m") {
		t.Errorf("resolution reply = %q", got)
	}
	if n := e.okPosts(); n != 1 {
		t.Errorf("%d top-level posts, want 1", n)
	}
	if m.Updates != 2 {
		t.Errorf("message updated %d times, want 2", m.Updates)
	}
	if saved := e.refs.savedTS(inc.ID); len(saved) != 1 || saved[0] != m.TS {
		t.Errorf("saved message refs %v, want [%s]", saved, m.TS)
	}
	st := e.slack.Stats()
	if st.Posted != 1 || st.Updated != 2 || st.Replies != 2 || st.Failed != 0 || st.QueueDepth != 0 {
		t.Errorf("stats = %+v", st)
	}
	// The resolved incident is forgotten once delivered.
	e.slack.mu.Lock()
	left := len(e.slack.items)
	e.slack.mu.Unlock()
	if left != 0 {
		t.Errorf("%d items kept after resolution, want 0", left)
	}
}

func TestSlackCoalescesPendingUpdates(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), false)
	inc := multiPodIncident()
	e.slack.Notify(note(incident.FirstNotification, inc, ""))
	for i := range 20 {
		inc.Restarts = int32(100 + i)
		e.slack.Notify(note(incident.Updated, inc, ""))
	}
	if d := e.slack.Stats().QueueDepth; d != 1 {
		t.Errorf("queue depth before Run = %d, want 1 (coalesced)", d)
	}
	e.start()
	e.waitFor("the post", func() bool { _, ok := e.message(inc.ID); return ok })
	m, _ := e.message(inc.ID)
	if !strings.Contains(string(m.Blocks), `*Restarts*\n119`) {
		t.Errorf("the post does not show the latest state (119 restarts)")
	}
	if n := len(e.srv.CallsTo("chat.update")); n != 0 {
		t.Errorf("%d chat.update calls, want 0: the updates were coalesced into the post", n)
	}
}

func TestSlackPacesPostsPerChannel(t *testing.T) {
	const perSecond = 20
	e := newEnv(t, slackserver.Options{}, SlackOptions{PerSecond: perSecond, PostBurst: 1}, false)
	for i := range 8 {
		inc := oomIncident()
		inc.ID, inc.Channel = fmt.Sprintf("slow-%d", i), "C1"
		e.slack.Notify(note(incident.FirstNotification, inc, ""))
	}
	for i := range 2 {
		inc := oomIncident()
		inc.ID, inc.Channel = fmt.Sprintf("other-%d", i), "C2"
		e.slack.Notify(note(incident.FirstNotification, inc, ""))
	}
	e.start()
	e.waitFor("10 posts", func() bool { return e.okPosts() == 10 })

	// A token bucket of burst 1: each post waits for its token, so 8 posts
	// span 7 intervals (the server sees them with a little network jitter).
	interval := time.Second / perSecond
	var c1First, c1Last, c2Last time.Time
	for _, c := range e.srv.CallsTo("chat.postMessage") {
		switch c.Channel {
		case "C1":
			if c1First.IsZero() {
				c1First = c.Time
			}
			c1Last = c.Time
		case "C2":
			c2Last = c.Time
		}
	}
	if span, want := c1Last.Sub(c1First), 7*interval*9/10; span < want {
		t.Errorf("8 posts to C1 within %v, want at least %v at %d/s", span, want, perSecond)
	}
	// C2 has its own pace: it does not wait behind C1's queue.
	if !c2Last.Before(c1Last) {
		t.Errorf("C2's posts finished after C1's 8 posts: channels are not paced separately")
	}
}

func TestSlackHonoursRetryAfter(t *testing.T) {
	// Slack allows 1 post/s per channel; the bot is configured faster.
	e := newEnv(t, slackserver.Options{PostsPerSecond: 1, PostBurst: 1}, fastOpts(), true)
	for i := range 2 {
		inc := oomIncident()
		inc.ID = fmt.Sprintf("rl-%d", i)
		e.slack.Notify(note(incident.FirstNotification, inc, ""))
	}
	e.waitFor("both posts", func() bool { return e.okPosts() == 2 })
	var limitedAt, retriedAt time.Time
	for _, c := range e.srv.CallsTo("chat.postMessage") {
		if c.Status == http.StatusTooManyRequests && limitedAt.IsZero() {
			limitedAt = c.Time
		}
		if c.OK() && !limitedAt.IsZero() {
			retriedAt = c.Time
		}
	}
	if limitedAt.IsZero() {
		t.Fatal("Slack never answered 429")
	}
	if d := retriedAt.Sub(limitedAt); d < time.Second {
		t.Errorf("retried %v after a 429 with Retry-After: 1, want at least 1s", d)
	}
	e.settle()
	if st := e.slack.Stats(); st.RateLimited == 0 || st.Failed != 0 {
		t.Errorf("stats = %+v, want rate limits counted and nothing failed", st)
	}
}

func TestSlackSurvivesOutage(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), false)
	e.srv.FailNext(3, http.StatusBadGateway)
	e.srv.SetOutage(300 * time.Millisecond)
	var incs []incident.Incident
	for i := range 5 {
		inc := livenessIncident()
		inc.ID, inc.Channel = fmt.Sprintf("out-%d", i), fmt.Sprintf("C%d", i%2)
		incs = append(incs, inc)
		e.slack.Notify(note(incident.FirstNotification, inc, "details in thread"))
	}
	e.start()
	for i := range incs {
		incs[i].Restarts = 42
		e.slack.Notify(note(incident.Updated, incs[i], ""))
	}
	e.waitFor("every incident delivered", func() bool {
		for _, inc := range incs {
			m, ok := e.message(inc.ID)
			if !ok || !strings.Contains(string(m.Blocks), `*Restarts*\n42`) || len(m.Replies) != 1 {
				return false
			}
		}
		return true
	})
	if n := e.okPosts(); n != len(incs) {
		t.Errorf("%d posts, want %d", n, len(incs))
	}
	failed := 0
	for _, c := range e.srv.Calls() {
		if c.Status >= 500 {
			failed++
		}
	}
	if failed == 0 {
		t.Error("no call hit the outage")
	}
	e.settle()
	if st := e.slack.Stats(); st.Retries == 0 || st.Failed != 0 {
		t.Errorf("stats = %+v, want retries and no failures", st)
	}
}

func TestSlackInvalidBlocksFallsBackToText(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), true)
	e.srv.FailNextError(1, "invalid_blocks")
	inc := oomIncident()
	e.slack.Notify(note(incident.FirstNotification, inc, ""))
	e.waitFor("the text-only post", func() bool { return e.okPosts() == 1 })
	m := e.srv.Messages()[0]
	if len(m.Blocks) != 0 || !strings.Contains(m.Text, "CrashLoopBackOff: payments/api") || !strings.Contains(m.Text, "Out of memory") {
		t.Errorf("fallback message = %q with blocks %s", m.Text, m.Blocks)
	}
	// The next update brings the blocks back.
	inc.Restarts = 15
	e.slack.Notify(note(incident.Updated, inc, ""))
	e.waitFor("the update", func() bool { m, _ := e.message(inc.ID); return m.Updates == 1 })
	e.settle()
	if st := e.slack.Stats(); st.Fallbacks != 1 || st.Failed != 0 || st.Posted != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestSlackPermanentErrorIsNotRetried(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), true)
	e.srv.FailNextError(1, "not_in_channel")
	inc := oomIncident()
	e.slack.Notify(note(incident.FirstNotification, inc, "a note"))
	e.settle()
	if st := e.slack.Stats(); st.Failed != 2 { // the post and its orphaned note
		t.Errorf("stats = %+v, want 2 failed", st)
	}
	other := livenessIncident()
	e.slack.Notify(note(incident.FirstNotification, other, ""))
	e.waitFor("the next incident", func() bool { _, ok := e.message(other.ID); return ok })
	if n := len(e.srv.CallsTo("chat.postMessage")); n != 2 {
		t.Errorf("%d chat.postMessage calls, want 2 (no retry of not_in_channel)", n)
	}
}

func TestSlackUpdatesStoredMessage(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), true)
	inc := oomIncident()
	_, ts, err := e.api.PostMessageContext(t.Context(), inc.Channel, slack.MsgOptionText("before restart", false))
	if err != nil {
		t.Fatal(err)
	}
	// Posted before a restart: the store knows where.
	if err := e.refs.Memory.SaveMessageRef(t.Context(), store.MessageRef{Subject: inc.ID, Channel: inc.Channel, TS: ts}); err != nil {
		t.Fatal(err)
	}
	e.slack.Notify(note(incident.Updated, inc, ""))
	e.waitFor("the update", func() bool { m, _ := e.srv.Message(inc.Channel, ts); return m.Updates == 1 })
	e.settle()
	if n := e.okPosts(); n != 1 {
		t.Errorf("%d posts, want only the one from before the restart", n)
	}
	if saved := e.refs.savedTS(inc.ID); len(saved) != 0 {
		t.Errorf("a reference saved for an update: %v", saved)
	}
}

// TestSlackRestartUpdatesItsOwnMessage: a second sink over the same message
// reference store (a restart, or the next leader) updates the message the
// first one posted; the incident carries no trace of it.
func TestSlackRestartUpdatesItsOwnMessage(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), true)
	inc := oomIncident()
	e.slack.Notify(note(incident.FirstNotification, inc, ""))
	e.waitFor("the post", func() bool { _, ok := e.message(inc.ID); return ok })
	e.settle()

	next := NewSlack(e.api, SlackOptions{Messages: e.refs, PerSecond: 200, UpdatesPerMinute: 12000,
		Logger: slog.New(slog.DiscardHandler)})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- next.Run(ctx) }()
	defer func() { cancel(); <-done }()
	inc.Restarts = 99
	next.Notify(note(incident.Updated, inc, "restarted"))
	e.waitFor("the update by the second sink", func() bool {
		m, _ := e.message(inc.ID)
		return strings.Contains(string(m.Blocks), `*Restarts*\n99`) && len(m.Replies) == 1
	})
	if n := e.okPosts(); n != 1 {
		t.Errorf("%d top-level posts, want 1", n)
	}
}

// TestSlackDeletedMessageIsNotReposted: a message a person deleted (known
// ts, now message_not_found) is not posted again, and nothing more is said
// about its subject: no update, no reply at the top of the channel.
func TestSlackDeletedMessageIsNotReposted(t *testing.T) {
	// chat.update allows one call a second: the update that finds the
	// message gone is held back (429) while its note goes out.
	e := newEnv(t, slackserver.Options{Limits: map[string]slackserver.Limit{"chat.update": {PerMinute: 60, Burst: 1}}}, fastOpts(), true)
	inc := oomIncident()
	e.slack.Notify(note(incident.FirstNotification, inc, ""))
	e.waitFor("the post", func() bool { _, ok := e.message(inc.ID); return ok })
	inc.Restarts = 15
	e.slack.Notify(note(incident.Updated, inc, ""))
	e.waitFor("the first update", func() bool { m, _ := e.message(inc.ID); return m.Updates == 1 })
	e.settle()
	m, _ := e.message(inc.ID)
	if _, _, err := e.api.DeleteMessageContext(t.Context(), m.Channel, m.TS); err != nil {
		t.Fatal(err)
	}
	inc.Restarts = 20
	// The note lands before the update finds the message gone: at the top
	// of the channel, as Slack posts a reply to a deleted message. It is
	// removed once the deletion is known.
	e.slack.Notify(note(incident.Updated, inc, "2 more pods are crashing"))
	e.waitFor("the update to find the message gone", func() bool {
		for _, c := range e.srv.CallsTo("chat.update") {
			if c.Error == "message_not_found" {
				return true
			}
		}
		return false
	})
	e.settle()
	if st := e.slack.Stats(); st.Deleted != 1 || st.Failed != 0 {
		t.Fatalf("stats = %+v, want the deletion noticed and nothing failed", st)
	}
	for _, c := range e.srv.CallsTo("chat.postMessage") {
		if c.OK() && c.ThreadTS != "" {
			deleted := false
			for _, d := range e.srv.CallsTo("chat.delete") {
				deleted = deleted || (d.OK() && d.TS == c.TS)
			}
			if !deleted {
				t.Errorf("the note %s posted to the deleted message was not removed", c.TS)
			}
		}
	}
	inc.Restarts = 30
	e.slack.Notify(note(incident.Updated, inc, "still crashing"))
	inc.State = incident.Resolved
	e.slack.Notify(note(incident.ResolvedReason, inc, ""))
	e.settle()
	if n := len(e.srv.Messages()); n != 0 {
		t.Errorf("%d messages in the channel after the deletion, want none: %+v", n, e.srv.Messages())
	}
	if n := e.okPosts(); n != 1 {
		t.Errorf("%d top-level posts, want the first only", n)
	}
	ok := 0
	for _, c := range e.srv.CallsTo("chat.update") {
		if c.Error == "message_not_found" {
			ok++
		}
	}
	if ok != 1 {
		t.Errorf("%d updates answered message_not_found, want 1: later notifications ask Slack nothing", ok)
	}
}

func TestSlackBurstAcrossChannels(t *testing.T) {
	e := newEnv(t, slackserver.Options{PostsPerSecond: 50, PostBurst: 5},
		SlackOptions{PerSecond: 50, PostBurst: 5, UpdatesPerMinute: 6000}, true)
	const incidents, channels = 100, 10
	var wg sync.WaitGroup
	for i := range incidents {
		wg.Go(func() {
			inc := livenessIncident()
			inc.ID, inc.Channel = fmt.Sprintf("burst-%03d", i), fmt.Sprintf("C%02d", i%channels)
			e.slack.Notify(note(incident.FirstNotification, inc, ""))
			inc.Restarts = 77
			e.slack.Notify(note(incident.Updated, inc, ""))
		})
	}
	wg.Wait() // 200 notifications queued; none blocked for long
	e.waitFor("every incident with its latest state", func() bool {
		msgs := e.srv.Messages()
		if len(msgs) < incidents {
			return false
		}
		for _, m := range msgs {
			if !strings.Contains(string(m.Blocks), `*Restarts*\n77`) {
				return false
			}
		}
		return true
	})
	e.settle()
	if n := e.okPosts(); n != incidents {
		t.Errorf("%d posts, want exactly %d", n, incidents)
	}
	for i := range incidents {
		if _, ok := e.message(fmt.Sprintf("burst-%03d", i)); !ok {
			t.Errorf("incident %d lost", i)
		}
	}
	for i := range incidents {
		if ts := e.refs.savedTS(fmt.Sprintf("burst-%03d", i)); len(ts) != 1 {
			t.Errorf("reference of burst-%03d saved %d times", i, len(ts))
		}
	}
	if st := e.slack.Stats(); st.Failed != 0 || st.Posted != incidents {
		t.Errorf("stats = %+v", st)
	}
}

func TestSlackNoChannel(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), true)
	inc := oomIncident()
	inc.Channel = ""
	e.slack.Notify(note(incident.FirstNotification, inc, ""))
	if st := e.slack.Stats(); st.Failed != 1 {
		t.Errorf("stats = %+v, want 1 failed", st)
	}
}

func TestSlackCheck(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), false)
	if err := e.slack.Check(t.Context()); err != nil {
		t.Errorf("Check: %v", err)
	}
	bad := NewSlack(slack.New("xoxb-wrong", slack.OptionAPIURL(e.srv.URL())), SlackOptions{})
	if err := bad.Check(t.Context()); !IsAuthError(err) {
		t.Errorf("Check with a wrong token: %v, want an auth error", err)
	}
	e.srv.SetOutage(time.Minute)
	if err := e.slack.Check(t.Context()); err == nil || IsAuthError(err) {
		t.Errorf("Check during an outage: %v, want a non-auth error", err)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		class errClass
		after time.Duration
	}{
		{"429 with Retry-After", &slack.RateLimitedError{RetryAfter: 3 * time.Second}, rateLimited, 3 * time.Second},
		{"429 without header", slack.StatusCodeError{Code: 429}, rateLimited, 0},
		{"503", slack.StatusCodeError{Code: 503}, transient, 0},
		{"404", slack.StatusCodeError{Code: 404}, permanent, 0},
		{"invalid_blocks", slack.SlackErrorResponse{Err: "invalid_blocks"}, permanent, 0},
		{"channel_not_found", slack.SlackErrorResponse{Err: "channel_not_found"}, permanent, 0},
		{"invalid_auth", slack.SlackErrorResponse{Err: "invalid_auth"}, permanent, 0},
		{"internal_error", slack.SlackErrorResponse{Err: "internal_error"}, transient, 0},
		{"network", fmt.Errorf("post: %w", errors.New("connection refused")), transient, 0},
		{"timeout", context.DeadlineExceeded, transient, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, a := classify(tt.err)
			if c != tt.class || a != tt.after {
				t.Errorf("classify = %v, %v; want %v, %v", c, a, tt.class, tt.after)
			}
		})
	}
}

func TestBackoffBounds(t *testing.T) {
	for attempt := range 20 {
		d := backoff(attempt, time.Second, time.Minute)
		want := min(time.Second<<min(attempt, 10), time.Minute)
		if d < want/2 || d > want {
			t.Errorf("backoff(%d) = %v, want in [%v, %v]", attempt, d, want/2, want)
		}
	}
}

func TestConsoleConcurrent(t *testing.T) {
	var buf testlog.Buffer
	c := NewConsole(&buf)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { c.Notify(note(incident.FirstNotification, oomIncident(), "")) })
	}
	wg.Wait()
	if n := strings.Count(buf.String(), "┌─ 🔴"); n != 20 {
		t.Errorf("%d boxes, want 20", n)
	}
	if n := strings.Count(buf.String(), "└"); n != 20 {
		t.Errorf("%d box ends, want 20 (interleaved output?)", n)
	}
}

// TestSlackStorm: a storm is one top-level message; each member's details
// go into its thread (merged while they queue behind the channel's budget,
// each workload its own section); a member's recovery is a reply; the
// storm's resolution updates the message and says so in the thread.
func TestSlackStorm(t *testing.T) {
	// The server allows a fifth more than the bot paces itself to, as
	// TestSlackUpdatesNeverStarvePosts does: with both at exactly 10 a second, a reply
	// the scheduler delayed on a saturated machine arrived just before the
	// next one and drew a 429 that says nothing about the bot's pacing.
	e := newEnv(t, slackserver.Options{Limits: map[string]slackserver.Limit{
		"chat.postMessage": {PerMinute: 720, Burst: 3, PerChannel: true},
	}}, SlackOptions{PerSecond: 10, PostBurst: 3, UpdatesPerMinute: 6000}, true)
	st := dependencyStorm()
	var members []incident.Incident
	for _, m := range st.Members {
		inc := oomIncident()
		inc.ID, inc.Key, inc.Channel = m.Key.String()+"@1", m.Key, st.Channel
		inc.Key.Container = "app"
		members = append(members, inc)
	}
	for i := range 20 { // latecomers
		inc := oomIncident()
		inc.Key = incident.Key{Namespace: "shop", Kind: "Deployment", Name: fmt.Sprintf("late-%02d", i), Container: "app"}
		inc.ID = inc.Key.String() + "@1"
		members = append(members, inc)
	}
	header := st
	header.Members = nil
	e.slack.Notify(incident.Notification{Reason: incident.FirstNotification, Storm: &st})
	for _, inc := range members {
		e.slack.Notify(incident.Notification{Reason: incident.FirstNotification, Incident: inc, Storm: &header})
	}
	named := func() int {
		msgs := e.srv.Messages()
		if len(msgs) == 0 {
			return 0
		}
		n := 0
		for _, r := range msgs[0].Replies {
			n += strings.Count(string(r.Blocks), `"block_id":"storm_member`)
		}
		return n
	}
	e.waitFor("every member in the thread", func() bool { return named() == len(members) })
	msgs := e.srv.Messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "Crash storm: 6 workloads") {
		t.Fatalf("%d top-level messages, first %q; want the storm alone", len(msgs), msgs[0].Text)
	}
	if r := len(msgs[0].Replies); r >= len(members) || r < len(members)/maxMergedMembers {
		t.Errorf("%d thread replies for %d members: replies queued behind the budget must be merged", r, len(members))
	}
	thread := func() string {
		var b strings.Builder
		for _, r := range e.srv.Messages()[0].Replies {
			b.WriteString(r.Text)
			if len(r.Blocks) > 0 {
				b.WriteString(strings.Join(mrkdwnTexts(t, r.Blocks), "\n"))
			}
		}
		return b.String()
	}
	for _, inc := range members {
		if !strings.Contains(thread(), "*"+escape(workload(inc.Key))+"*") {
			t.Errorf("member %s not named in the thread", inc.Key.Name)
		}
	}

	// One member recovers, then the whole storm.
	rec := members[0]
	rec.State = incident.Resolved
	e.slack.Notify(incident.Notification{Reason: incident.ResolvedReason, Incident: rec, Storm: &header})
	done := resolvedStorm()
	done.ID = st.ID
	e.slack.Notify(incident.Notification{Reason: incident.ResolvedReason, Storm: &done})
	e.waitFor("the storm's resolution", func() bool {
		m := e.srv.Messages()[0]
		last := m.Replies[len(m.Replies)-1].Text
		return strings.Contains(string(m.Blocks), "Storm over") && strings.HasPrefix(last, "✅ Storm over: all 6 workloads recovered")
	})
	if !strings.Contains(thread(), "*shop/orders*: ✅ recovered") {
		t.Error("the member's recovery is not in the thread")
	}
	e.settle()
	if st := e.slack.Stats(); st.Failed != 0 || st.RateLimited != 0 || st.Posted != 1 {
		t.Errorf("stats = %+v", st)
	}
}
