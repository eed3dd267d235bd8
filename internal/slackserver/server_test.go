package slackserver

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

func newClient(t *testing.T, opts Options) (*Server, *slack.Client) {
	t.Helper()
	srv := New(opts)
	t.Cleanup(srv.Close)
	return srv, slack.New(srv.opts.Token, slack.OptionAPIURL(srv.URL()))
}

func TestAuth(t *testing.T) {
	srv, api := newClient(t, Options{Token: "xoxb-good"})
	resp, err := api.AuthTestContext(t.Context())
	if err != nil {
		t.Fatalf("auth.test: %v", err)
	}
	if resp.BotID == "" || resp.UserID == "" {
		t.Errorf("auth.test answered %+v, want bot and user ids", resp)
	}
	bad := slack.New("xoxb-bad", slack.OptionAPIURL(srv.URL()))
	_, err = bad.AuthTestContext(t.Context())
	if err == nil || err.Error() != "invalid_auth" {
		t.Errorf("auth.test with a wrong token: err = %v, want invalid_auth", err)
	}
	// A JSON body with a bearer header is checked the same way.
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL()+"chat.postMessage",
		strings.NewReader(`{"channel":"C1","text":"hi"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer xoxb-good")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if got := srv.Messages(); len(got) != 1 || got[0].Text != "hi" {
		t.Errorf("JSON post: messages = %+v, want one \"hi\"", got)
	}
}

func TestPostUpdateThreadDelete(t *testing.T) {
	srv, api := newClient(t, Options{Channels: []string{"C1"}})
	ctx := t.Context()
	blocks := slack.MsgOptionBlocks(slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, "hello", false, false)))
	_, ts, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("first", false), blocks)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", ts, slack.MsgOptionText("second", false)); err != nil {
		t.Fatalf("update: %v", err)
	}
	_, rts, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("reply", false), slack.MsgOptionTS(ts))
	if err != nil {
		t.Fatalf("reply: %v", err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("got %d top-level messages, want 1", len(msgs))
	}
	m := msgs[0]
	if m.Text != "second" || m.Updates != 1 || !strings.Contains(string(m.Blocks), "hello") {
		t.Errorf("message = %+v, want updated text with the original blocks kept", m)
	}
	if len(m.Replies) != 1 || m.Replies[0].TS != rts || m.Replies[0].ThreadTS != ts {
		t.Errorf("replies = %+v, want one reply %s in thread %s", m.Replies, rts, ts)
	}
	if _, _, err := api.PostMessageContext(ctx, "C2", slack.MsgOptionText("x", false)); err == nil || err.Error() != "channel_not_found" {
		t.Errorf("post to unknown channel: err = %v, want channel_not_found", err)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", "1.000001", slack.MsgOptionText("x", false)); err == nil || err.Error() != "message_not_found" {
		t.Errorf("update of unknown ts: err = %v, want message_not_found", err)
	}
	if _, _, err := api.DeleteMessageContext(ctx, "C1", ts); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if got := srv.Messages(); len(got) != 0 {
		t.Errorf("after delete: %d messages, want 0", len(got))
	}
	if _, err := api.PostEphemeralContext(ctx, "C1", "U1", slack.MsgOptionText("psst", false)); err != nil {
		t.Errorf("ephemeral: %v", err)
	}
}

func TestTSUniqueAndIncreasing(t *testing.T) {
	fixed := time.Unix(1732530000, 100_000)
	srv, api := newClient(t, Options{Now: func() time.Time { return fixed }})
	var (
		mu  sync.Mutex
		tss []string
		wg  sync.WaitGroup
	)
	for range 20 {
		wg.Go(func() {
			_, ts, err := api.PostMessageContext(t.Context(), "C1", slack.MsgOptionText("x", false))
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			tss = append(tss, ts)
			mu.Unlock()
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, ts := range tss {
		if seen[ts] {
			t.Errorf("duplicate ts %s", ts)
		}
		seen[ts] = true
		if !strings.HasPrefix(ts, "1732530000.") || len(ts) != len("1732530000.000100") {
			t.Errorf("ts %q does not look like Slack's", ts)
		}
	}
	msgs := srv.Messages()
	for i := 1; i < len(msgs); i++ {
		if msgs[i].TS <= msgs[i-1].TS {
			t.Errorf("ts not increasing: %s after %s", msgs[i].TS, msgs[i-1].TS)
		}
	}
}

func TestRateLimit(t *testing.T) {
	now := time.Unix(1732530000, 0)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, api := newClient(t, Options{PostsPerSecond: 1, PostBurst: 2, Now: clock})
	post := func(ch string) error {
		_, _, err := api.PostMessageContext(t.Context(), ch, slack.MsgOptionText("x", false))
		return err
	}
	for i := range 2 {
		if err := post("C1"); err != nil {
			t.Fatalf("post %d within the burst: %v", i, err)
		}
	}
	err := post("C1")
	var rl *slack.RateLimitedError
	if !errors.As(err, &rl) || rl.RetryAfter != time.Second {
		t.Fatalf("third post: err = %v, want RateLimitedError after 1s", err)
	}
	if err := post("C2"); err != nil {
		t.Errorf("other channel is limited separately: %v", err)
	}
	mu.Lock()
	now = now.Add(time.Second)
	mu.Unlock()
	if err := post("C1"); err != nil {
		t.Errorf("post after Retry-After: %v", err)
	}
	if n := len(srv.Messages()); n != 4 {
		t.Errorf("%d messages, want 4", n)
	}
	limited := 0
	for _, c := range srv.CallsTo("chat.postMessage") {
		if c.Status == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited != 1 {
		t.Errorf("%d calls recorded as 429, want 1", limited)
	}
}

// TestUpdatesAreLimitedAcrossTheWorkspace: chat.update is Tier 3 for the
// whole workspace, not per channel, and does not spend the posts' budget.
func TestUpdatesAreLimitedAcrossTheWorkspace(t *testing.T) {
	now := time.Unix(1732530000, 0)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, api := newClient(t, Options{Limits: SlackLimits(), Now: clock})
	var ts []string
	for _, ch := range []string{"C1", "C2", "C3"} {
		_, t1, err := api.PostMessageContext(t.Context(), ch, slack.MsgOptionText("x", false))
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, ch+"/"+t1)
	}
	update := func(i int) error {
		ch, t1, _ := strings.Cut(ts[i%len(ts)], "/")
		_, _, _, err := api.UpdateMessageContext(t.Context(), ch, t1, slack.MsgOptionText("y", false))
		return err
	}
	for i := range 5 { // the burst, spread over three channels
		if err := update(i); err != nil {
			t.Fatalf("update %d within the burst: %v", i, err)
		}
	}
	var rl *slack.RateLimitedError
	if err := update(5); !errors.As(err, &rl) || rl.RetryAfter != 2*time.Second {
		t.Fatalf("sixth update: err = %v, want RateLimitedError after 2s (50/min)", err)
	}
	if _, _, err := api.PostMessageContext(t.Context(), "C1", slack.MsgOptionText("z", false)); err != nil {
		t.Fatalf("a post while updates are limited: %v", err)
	}
	mu.Lock()
	now = now.Add(1200 * time.Millisecond)
	mu.Unlock()
	if err := update(6); err != nil {
		t.Fatalf("update after 1.2s: %v", err)
	}
	if n := len(srv.CallsTo("chat.update")); n != 7 {
		t.Fatalf("%d chat.update calls recorded, want 7", n)
	}
}

func TestFaults(t *testing.T) {
	now := time.Unix(1732530000, 0)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	fs, api := newClient(t, Options{Now: clock})
	post := func() error {
		_, _, err := api.PostMessageContext(t.Context(), "C1", slack.MsgOptionText("x", false))
		return err
	}
	var sce slack.StatusCodeError
	srvFail := func(code int) bool { return sce.Code == code }

	fs.FailNext(2, http.StatusBadGateway)
	for range 2 {
		if err := post(); !errors.As(err, &sce) || !srvFail(http.StatusBadGateway) {
			t.Fatalf("FailNext: err = %v, want 502", err)
		}
	}
	if err := post(); err != nil {
		t.Fatalf("after FailNext: %v", err)
	}
	fs.FailNext(1, http.StatusTooManyRequests)
	var rl *slack.RateLimitedError
	if err := post(); !errors.As(err, &rl) {
		t.Fatalf("FailNext(429): err = %v, want RateLimitedError", err)
	}
	fs.FailNextError(1, "not_in_channel")
	if err := post(); err == nil || err.Error() != "not_in_channel" {
		t.Fatalf("FailNextError: err = %v, want not_in_channel", err)
	}
	fs.SetOutage(time.Minute)
	if err := post(); !errors.As(err, &sce) || !srvFail(http.StatusServiceUnavailable) {
		t.Fatalf("outage: err = %v, want 503", err)
	}
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	if err := post(); err != nil {
		t.Fatalf("after outage: %v", err)
	}
	if n := len(fs.Messages()); n != 2 {
		t.Errorf("%d messages, want 2", n)
	}
}

func TestUploadV2(t *testing.T) {
	srv, api := newClient(t, Options{})
	_, ts, err := api.PostMessageContext(t.Context(), "C1", slack.MsgOptionText("parent", false))
	if err != nil {
		t.Fatal(err)
	}
	f, err := api.UploadFileContext(t.Context(), slack.UploadFileParameters{
		Filename: "logs.txt", FileSize: 5, Content: "hello", Title: "logs",
		Channel: "C1", ThreadTimestamp: ts,
	})
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	files := srv.Files()
	if len(files) != 1 || files[0].ID != f.ID || string(files[0].Content) != "hello" ||
		!files[0].Complete || files[0].ThreadTS != ts || files[0].Channel != "C1" {
		t.Errorf("files = %+v", files)
	}
}

func TestWaitFor(t *testing.T) {
	srv, api := newClient(t, Options{})
	done := make(chan error, 1)
	go func() {
		done <- srv.WaitFor(t.Context(), func() bool { return len(srv.Messages()) == 3 })
	}()
	for range 3 {
		if _, _, err := api.PostMessageContext(t.Context(), "C1", slack.MsgOptionText("x", false)); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("WaitFor: %v", err)
	}
}

// TestChannelNamesResolveToIDs: a post by name is answered with the
// channel's ID, and chat.update by name fails as in Slack.
func TestChannelNamesResolveToIDs(t *testing.T) {
	srv, api := newClient(t, Options{})
	ctx := t.Context()
	ch, ts, err := api.PostMessageContext(ctx, "#alerts", slack.MsgOptionText("hi", false))
	if err != nil {
		t.Fatal(err)
	}
	if ch != ChannelID("#alerts") || ch != ChannelID("alerts") || !isChannelID(ch) {
		t.Fatalf("post answered channel %q, want the ID %q", ch, ChannelID("#alerts"))
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "#alerts", ts, slack.MsgOptionText("x", false)); err == nil || err.Error() != "channel_not_found" {
		t.Fatalf("update by name: %v, want channel_not_found", err)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, ch, ts, slack.MsgOptionText("x", false)); err != nil {
		t.Fatalf("update by ID: %v", err)
	}
	if m := srv.Messages(); len(m) != 1 || m[0].Channel != ch || m[0].Text != "x" {
		t.Fatalf("messages = %+v", m)
	}
}

func TestDirectory(t *testing.T) {
	_, api := newClient(t, Options{
		Channels:      []string{"#alerts", "C0ALERTS"},
		Conversations: []Conversation{{ID: "G0SECRET", Name: "secret-ops", Private: true}, {ID: "C0OLD", Name: "old", Archived: true}},
		UserGroups:    map[string][]string{"S0ONCALL": {"U1", "U2"}},
	})
	ctx := t.Context()
	var names []string
	cursor := ""
	for {
		chans, next, err := api.GetConversationsContext(ctx, &slack.GetConversationsParameters{
			Types: []string{"public_channel", "private_channel"}, ExcludeArchived: true, Limit: 1, Cursor: cursor,
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range chans {
			names = append(names, c.ID+"="+c.Name)
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if got, want := strings.Join(names, ","), "G0SECRET=secret-ops,"+ChannelID("alerts")+"=alerts"; got != want {
		t.Errorf("conversations.list = %s, want %s", got, want)
	}
	users, err := api.GetUserGroupMembersContext(ctx, "S0ONCALL")
	if err != nil || strings.Join(users, ",") != "U1,U2" {
		t.Errorf("usergroups.users.list = %v, %v", users, err)
	}
	if _, err := api.GetUserGroupMembersContext(ctx, "S0NONE"); err == nil || err.Error() != "no_such_subteam" {
		t.Errorf("unknown group: %v", err)
	}

	// Without the scopes, Slack answers missing_scope.
	_, limited := newClient(t, Options{Scopes: []string{"chat:write", "channels:read"}})
	if _, err := limited.GetUserGroupMembersContext(ctx, "S0ONCALL"); err == nil || err.Error() != "missing_scope" {
		t.Errorf("usergroups.users.list without usergroups:read: %v", err)
	}
	if _, _, err := limited.GetConversationsContext(ctx, &slack.GetConversationsParameters{Types: []string{"public_channel", "private_channel"}}); err == nil || err.Error() != "missing_scope" {
		t.Errorf("private channels without groups:read: %v", err)
	}
	if _, _, err := limited.GetConversationsContext(ctx, &slack.GetConversationsParameters{Types: []string{"public_channel"}}); err != nil {
		t.Errorf("public channels with channels:read: %v", err)
	}
}
