package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// TestSlackAmbiguousPostIsNotRepeated: Slack stores the post and the
// answer is lost (a 5xx, a cut connection, an answer slower than the
// client's timeout). The sink finds the message in the channel's history
// and adopts it: one message, its reference saved, updates and replies on
// it.
func TestSlackAmbiguousPostIsNotRepeated(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault slackserver.PostFault
	}{
		{"503 after storing", slackserver.PostFault{Status: http.StatusServiceUnavailable}},
		{"502 after storing", slackserver.PostFault{Status: http.StatusBadGateway}},
		{"connection dropped", slackserver.PostFault{Drop: true}},
		{"answer past the timeout", slackserver.PostFault{Delay: 10 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := fastOpts()
			opts.RequestTimeout = 500 * time.Millisecond
			e := newEnv(t, slackserver.Options{Limits: slackserver.SlackLimits()}, opts, true)
			e.srv.FailAfterStore(1, tc.fault)
			inc := oomIncident()
			e.slack.Notify(note(incident.FirstNotification, inc, "a note"))
			e.waitFor("the message and its note", func() bool {
				m, ok := e.message(inc.ID)
				return ok && len(m.Replies) == 1
			})
			inc.Restarts = 99
			e.slack.Notify(note(incident.Updated, inc, ""))
			// The adopted message may be brought up to date once more on
			// adoption when the update races it: wait for the update's
			// content, not for a count of updates.
			e.waitFor("the update", func() bool {
				m, _ := e.message(inc.ID)
				return m.Updates >= 1 && strings.Contains(m.Text+string(m.Blocks), "99")
			})
			e.settle()
			if n := len(e.srv.Messages()); n != 1 {
				t.Fatalf("%d top-level messages, want 1", n)
			}
			m, _ := e.message(inc.ID)
			if saved := e.refs.savedTS(inc.ID); len(saved) != 1 || saved[0] != m.TS {
				t.Errorf("saved refs %v, want [%s]", saved, m.TS)
			}
			if st := e.slack.Stats(); st.Adopted != 1 || st.Failed != 0 || st.Posted != 0 {
				t.Errorf("stats = %+v, want the message adopted (not posted twice)", st)
			}
			if !strings.Contains(string(m.Metadata), `"subject":"inc-oom-1"`) || !strings.Contains(string(m.Metadata), incidentEventType) {
				t.Errorf("metadata = %s", m.Metadata)
			}
		})
	}
}

// TestSlackAmbiguousReplyIsNotRepeated: a thread reply whose answer was
// lost is found in the thread (by its reply ID) and not posted again.
func TestSlackAmbiguousReplyIsNotRepeated(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), true)
	inc := oomIncident()
	e.slack.Notify(note(incident.FirstNotification, inc, ""))
	e.waitFor("the post", func() bool { _, ok := e.message(inc.ID); return ok })
	e.settle()
	e.srv.FailAfterStore(1, slackserver.PostFault{Status: http.StatusInternalServerError})
	e.slack.Notify(note(incident.Updated, inc, "2 more pods are crashing"))
	e.settle()
	m, _ := e.message(inc.ID)
	if len(m.Replies) != 1 || m.Replies[0].Text != "2 more pods are crashing" {
		t.Fatalf("replies = %+v, want the note once", m.Replies)
	}
	if len(e.srv.CallsTo("conversations.replies")) == 0 {
		t.Error("the thread was not read: the test tested nothing")
	}
	if st := e.slack.Stats(); st.Replies != 1 || st.Adopted != 1 {
		t.Errorf("stats = %+v", st)
	}
}

// lossyRefs loses every message reference saved: the process died between
// Slack's answer and the write.
type lossyRefs struct{ *store.Memory }

func (lossyRefs) SaveMessageRef(context.Context, store.MessageRef) error {
	return errors.New("killed before the write")
}

// TestSlackRestartAdoptsUnsavedMessage: the message was posted but its
// reference never saved; the next sink (a restart, the next leader) finds
// it in the channel's history, by its metadata or, on a server that drops
// metadata, by the incident ID it shows, and updates it.
func TestSlackRestartAdoptsUnsavedMessage(t *testing.T) {
	for _, drop := range []bool{false, true} {
		t.Run(fmt.Sprintf("drop metadata %v", drop), func(t *testing.T) {
			e := newEnv(t, slackserver.Options{DropMetadata: drop}, fastOpts(), false)
			first := NewSlack(e.api, SlackOptions{Messages: lossyRefs{store.NewMemory(0)}, PerSecond: 200, Logger: slog.New(slog.DiscardHandler)})
			first.started = time.Unix(0, 0)
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan error, 1)
			go func() { done <- first.Run(ctx) }()
			inc := oomIncident()
			first.Notify(note(incident.FirstNotification, inc, ""))
			e.waitFor("the first post", func() bool { _, ok := e.message(inc.ID); return ok })
			cancel()
			<-done

			// Another message of the channel, and one of another cluster
			// with the same subject, are not taken for it.
			other := livenessIncident()
			if _, _, err := e.api.PostMessageContext(t.Context(), other.Channel, slack.MsgOptionText("someone else", false)); err != nil {
				t.Fatal(err)
			}
			alien := &item{id: inc.ID, cluster: "another-cluster"}
			if _, _, err := e.api.PostMessageContext(t.Context(), inc.Channel, slack.MsgOptionText("other cluster", false), slack.MsgOptionMetadata(alien.metadata(false))); err != nil {
				t.Fatal(err)
			}

			next := NewSlack(e.api, SlackOptions{Messages: e.refs, PerSecond: 200, UpdatesPerMinute: 6000, Logger: slog.New(slog.DiscardHandler)})
			if err := next.Check(t.Context()); err != nil {
				t.Fatal(err)
			}
			ctx, cancel = context.WithCancel(t.Context())
			go func() { done <- next.Run(ctx) }()
			defer func() { cancel(); <-done }()
			inc.Restarts = 77
			next.Notify(note(incident.Updated, inc, "continued"))
			e.waitFor("the update of the first message", func() bool {
				m, _ := e.message(inc.ID)
				return strings.Contains(string(m.Blocks), `*Restarts*\n77`) && len(m.Replies) == 1
			})
			if n := e.okPosts(); n != 3 {
				t.Errorf("%d top-level posts, want 3 (the alert once, and the two others)", n)
			}
			m, _ := e.message(inc.ID)
			if ref, ok, _ := e.refs.MessageRef(t.Context(), inc.ID); !ok || ref.TS != m.TS {
				t.Errorf("the adopted message's reference = %+v, want ts %s", ref, m.TS)
			}
		})
	}
}

// TestSlackStartupSearchesEachChannelOnce: after a restart, subjects
// opened before it and without a saved reference are looked for with one
// history read per channel; the ones found are adopted, the others posted.
func TestSlackStartupSearchesEachChannelOnce(t *testing.T) {
	e := newEnv(t, slackserver.Options{Limits: slackserver.SlackLimits()}, fastOpts(), false)
	var incs []incident.Incident
	for i := range 6 {
		inc := livenessIncident()
		inc.ID, inc.Channel = fmt.Sprintf("before-%d", i), fmt.Sprintf("C0CHAN%d", i%2)
		inc.OpenedAt = time.Now().Add(-time.Hour)
		incs = append(incs, inc)
	}
	// The previous process posted the first four and saved no reference.
	for _, inc := range incs[:4] {
		it := &item{id: inc.ID, cluster: inc.Key.Cluster, key: inc.Key.String()}
		if _, _, err := e.api.PostMessageContext(t.Context(), inc.Channel, slack.MsgOptionText("posted before", false), slack.MsgOptionMetadata(it.metadata(false))); err != nil {
			t.Fatal(err)
		}
	}
	e.slack.started = time.Now() // this sink is the restarted one
	for _, inc := range incs {
		e.slack.Notify(note(incident.Updated, inc, ""))
	}
	e.start()
	e.waitFor("every incident shown once", func() bool {
		for _, inc := range incs {
			if _, ok := e.message(inc.ID); !ok {
				return false
			}
		}
		return len(e.srv.CallsTo("chat.update")) >= 4
	})
	e.settle()
	if n := len(e.srv.Messages()); n != 6 {
		t.Errorf("%d messages, want 6", n)
	}
	if n := len(e.srv.CallsTo("conversations.history")); n != 2 {
		t.Errorf("%d history reads, want one per channel (2)", n)
	}
	if st := e.slack.Stats(); st.Adopted != 4 || st.Posted != 2 {
		t.Errorf("stats = %+v, want 4 adopted and 2 posted", st)
	}
}

// TestSlackHistoryPagesAndAge: the search pages through the channel's
// history back to the subject's opening, not beyond.
func TestSlackHistoryPagesAndAge(t *testing.T) {
	now := time.Now()
	e := newEnv(t, slackserver.Options{}, fastOpts(), false)
	inc := oomIncident()
	inc.OpenedAt = now.Add(-10 * time.Minute)
	it := &item{id: inc.ID, cluster: inc.Key.Cluster}
	if _, _, err := e.api.PostMessageContext(t.Context(), inc.Channel, slack.MsgOptionText("the alert", false), slack.MsgOptionMetadata(it.metadata(false))); err != nil {
		t.Fatal(err)
	}
	for i := range 2*historyPage + 10 { // the channel is busy since
		if _, _, err := e.api.PostMessageContext(t.Context(), inc.Channel, slack.MsgOptionText(fmt.Sprintf("chatter %d", i), false)); err != nil {
			t.Fatal(err)
		}
	}
	e.slack.started = time.Now()
	e.slack.Notify(note(incident.Updated, inc, ""))
	e.start()
	e.waitFor("the update", func() bool { return len(e.srv.CallsTo("chat.update")) == 1 })
	e.settle()
	calls := e.srv.CallsTo("conversations.history")
	if len(calls) != 3 {
		t.Errorf("%d history pages read, want 3", len(calls))
	}
	oldest := calls[0].Params.Get("oldest")
	if want := slackTS(inc.OpenedAt.Add(-clockSkew)); oldest != want {
		t.Errorf("history read from %s, want the incident's opening less the clock skew, %s", oldest, want)
	}
	if n := e.okPosts(); n != 2*historyPage+11 {
		t.Errorf("%d posts, want only the test's", n)
	}
}

// TestSlackNoSearchWithoutScope: a token without the history scope posts
// as before (and says why), rather than holding the alert back.
func TestSlackNoSearchWithoutScope(t *testing.T) {
	e := newEnv(t, slackserver.Options{}, fastOpts(), true)
	e.slack.started = time.Now()
	e.srv.FailNextError(1, "missing_scope")
	inc := oomIncident()
	e.slack.Notify(note(incident.Updated, inc, ""))
	e.waitFor("the post", func() bool { _, ok := e.message(inc.ID); return ok })
	e.settle()
	if st := e.slack.Stats(); st.Posted != 1 || st.Failed != 0 {
		t.Errorf("stats = %+v", st)
	}
}

// TestSlackChannelNameResolvedForSearch: a channel routed by name is
// looked up by the ID conversations.list gives it.
func TestSlackChannelNameResolvedForSearch(t *testing.T) {
	e := newEnv(t, slackserver.Options{Channels: []string{"#alerts"}}, fastOpts(), false)
	inc := oomIncident()
	inc.Channel = "#alerts"
	it := &item{id: inc.ID, cluster: inc.Key.Cluster}
	if _, _, err := e.api.PostMessageContext(t.Context(), "#alerts", slack.MsgOptionText("before", false), slack.MsgOptionMetadata(it.metadata(false))); err != nil {
		t.Fatal(err)
	}
	e.slack.started = time.Now()
	e.slack.Notify(note(incident.Updated, inc, ""))
	e.start()
	e.waitFor("the update", func() bool { return len(e.srv.CallsTo("chat.update")) == 1 })
	e.settle()
	if n := e.okPosts(); n != 1 {
		t.Errorf("%d posts, want the one from before", n)
	}
	if h := e.srv.CallsTo("conversations.history"); len(h) != 1 || h[0].Channel != slackserver.ChannelID("#alerts") {
		t.Errorf("history calls %+v, want one by the channel's ID", h)
	}
}
