package slackserver

import (
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

func incidentMeta(id string) slack.MsgOption {
	return slack.MsgOptionMetadata(slack.SlackMetadata{EventType: "test_incident", EventPayload: map[string]any{"subject": id}})
}

// TestHistoryWindowPagesAndMetadata: conversations.history returns a
// channel's live top-level messages newest first, within oldest/latest,
// page by page, and their metadata only with include_all_metadata.
func TestHistoryWindowPagesAndMetadata(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { return now }
	_, api := newClient(t, Options{Now: clock})
	ctx := t.Context()
	var ts []string
	for i := range 7 {
		now = now.Add(time.Second)
		_, x, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("m", false), incidentMeta(string(rune('a'+i))))
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, x)
	}
	// Not in C1's history: another channel, a reply, a deleted message.
	if _, _, err := api.PostMessageContext(ctx, "C2", slack.MsgOptionText("elsewhere", false)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("reply", false), slack.MsgOptionTS(ts[0])); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.DeleteMessageContext(ctx, "C1", ts[5]); err != nil {
		t.Fatal(err)
	}

	var got []string
	var subjects []string
	p := &slack.GetConversationHistoryParameters{ChannelID: "C1", Oldest: ts[1], Limit: 2, IncludeAllMetadata: true}
	pages := 0
	for {
		resp, err := api.GetConversationHistoryContext(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, m := range resp.Messages {
			got = append(got, m.Timestamp)
			subjects = append(subjects, m.Metadata.EventPayload["subject"].(string))
		}
		if !resp.HasMore {
			break
		}
		p.Cursor = resp.ResponseMetaData.NextCursor
	}
	want := []string{ts[6], ts[4], ts[3], ts[2]} // oldest is exclusive; ts[5] deleted
	if !slices.Equal(got, want) {
		t.Errorf("history = %v, want %v", got, want)
	}
	if !slices.Equal(subjects, []string{"g", "e", "d", "c"}) {
		t.Errorf("metadata subjects = %v", subjects)
	}
	if pages != 2 {
		t.Errorf("%d pages of 2, want 2", pages)
	}

	// latest and inclusive bound the other end; no metadata unless asked.
	resp, err := api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1", Oldest: ts[1], Latest: ts[3], Inclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, m := range resp.Messages {
		got = append(got, m.Timestamp)
		if m.Metadata.EventType != "" {
			t.Errorf("metadata shown without include_all_metadata: %+v", m.Metadata)
		}
	}
	if !slices.Equal(got, []string{ts[3], ts[2], ts[1]}) {
		t.Errorf("inclusive window = %v", got)
	}
	if _, err := api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "#alerts"}); err == nil || err.Error() != "channel_not_found" {
		t.Errorf("history of a channel name: err = %v, want channel_not_found (IDs only)", err)
	}
}

// TestRepliesWindowAndMetadata: conversations.replies gives the parent
// first, then the replies within oldest, with their metadata.
func TestRepliesWindowAndMetadata(t *testing.T) {
	srv, api := newClient(t, Options{})
	ctx := t.Context()
	_, parent, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("parent", false))
	if err != nil {
		t.Fatal(err)
	}
	var replies []string
	for i := range 3 {
		_, ts, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("r", false), slack.MsgOptionTS(parent), incidentMeta(string(rune('x'+i))))
		if err != nil {
			t.Fatal(err)
		}
		replies = append(replies, ts)
	}
	msgs, more, _, err := api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{ChannelID: "C1", Timestamp: parent, Oldest: replies[0], IncludeAllMetadata: true})
	if err != nil {
		t.Fatal(err)
	}
	if more || len(msgs) != 3 || msgs[0].Timestamp != parent || msgs[1].Timestamp != replies[1] || msgs[2].Metadata.EventPayload["subject"] != "z" {
		t.Errorf("replies = %+v (more %v)", msgs, more)
	}
	if n := len(srv.Messages()[0].Replies); n != 3 {
		t.Errorf("%d replies stored", n)
	}
}

// TestMetadataUpdateAndDrop: an update replaces the metadata (and keeps it
// when it carries none); a server that drops metadata keeps none; bad
// metadata is refused.
func TestMetadataUpdateAndDrop(t *testing.T) {
	srv, api := newClient(t, Options{})
	ctx := t.Context()
	_, ts, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("m", false), incidentMeta("open"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", ts, slack.MsgOptionText("m2", false)); err != nil {
		t.Fatal(err)
	}
	if m, _ := srv.Message("C1", ts); string(m.Metadata) == "" {
		t.Error("an update without metadata dropped the message's metadata")
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", ts, slack.MsgOptionText("m3", false), incidentMeta("resolved")); err != nil {
		t.Fatal(err)
	}
	resp, err := api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1", IncludeAllMetadata: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Messages[0].Metadata.EventPayload["subject"]; got != "resolved" {
		t.Errorf("metadata after update = %v, want resolved", got)
	}
	bad := slack.MsgOptionMetadata(slack.SlackMetadata{EventType: "", EventPayload: map[string]any{}})
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("m", false), bad); err == nil || err.Error() != "invalid_metadata_format" {
		t.Errorf("metadata without event_type: err = %v", err)
	}

	drop, dapi := newClient(t, Options{DropMetadata: true})
	if _, _, err := dapi.PostMessageContext(ctx, "C1", slack.MsgOptionText("m", false), incidentMeta("x")); err != nil {
		t.Fatal(err)
	}
	if m := drop.Messages()[0]; m.Metadata != nil {
		t.Errorf("DropMetadata kept %s", m.Metadata)
	}
}

// TestFailAfterStore: the post is stored whatever happens to its answer.
func TestFailAfterStore(t *testing.T) {
	srv := New(Options{})
	t.Cleanup(srv.Close)
	hc := &http.Client{Timeout: 300 * time.Millisecond}
	api := slack.New(DefaultToken, slack.OptionAPIURL(srv.URL()), slack.OptionHTTPClient(hc))
	ctx := t.Context()

	srv.FailAfterStore(1, PostFault{Status: http.StatusBadGateway})
	_, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("one", false))
	if sc, ok := errors.AsType[slack.StatusCodeError](err); !ok || sc.Code != http.StatusBadGateway {
		t.Errorf("stored then 502: err = %v", err)
	}
	srv.FailAfterStore(1, PostFault{Drop: true})
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("two", false)); err == nil {
		t.Error("stored then dropped: no error")
	}
	srv.FailAfterStore(1, PostFault{Delay: time.Minute})
	start := time.Now()
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("three", false)); err == nil {
		t.Error("stored then delayed past the client timeout: no error")
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("the delayed answer held the client %v", d)
	}
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("four", false)); err != nil {
		t.Errorf("after the faults: %v", err)
	}
	msgs := srv.Messages()
	if len(msgs) != 4 {
		t.Fatalf("%d messages stored, want 4 (every faulty post is stored)", len(msgs))
	}
	calls := srv.CallsTo("chat.postMessage")
	wantErr := []string{"stored_then_failed", "stored_then_dropped", "stored_then_timed_out", ""}
	for i, c := range calls {
		if c.Error != wantErr[i] || c.TS != msgs[i].TS {
			t.Errorf("call %d: error %q ts %q, want %q %q", i, c.Error, c.TS, wantErr[i], msgs[i].TS)
		}
	}
}
