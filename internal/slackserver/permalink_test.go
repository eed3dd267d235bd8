package slackserver

import (
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

func TestPermalink(t *testing.T) {
	srv, api := newClient(t, Options{})
	ctx := t.Context()
	ch, ts, err := api.PostMessageContext(ctx, "#alerts", slack.MsgOptionText("alert", false))
	if err != nil {
		t.Fatal(err)
	}
	_, reply, err := api.PostMessageContext(ctx, ch, slack.MsgOptionText("in the thread", false), slack.MsgOptionTS(ts))
	if err != nil {
		t.Fatal(err)
	}
	link, err := api.GetPermalinkContext(ctx, &slack.PermalinkParameters{Channel: ch, Ts: ts})
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://slackserver.invalid/archives/" + ch + "/p" + strings.ReplaceAll(ts, ".", ""); link != want || srv.Permalink(ch, ts) != want {
		t.Errorf("permalink %q (server says %q), want %q", link, srv.Permalink(ch, ts), want)
	}
	threaded, err := api.GetPermalinkContext(ctx, &slack.PermalinkParameters{Channel: ch, Ts: reply})
	if err != nil || !strings.HasSuffix(threaded, "?thread_ts="+ts+"&cid="+ch) {
		t.Errorf("reply permalink %q, %v", threaded, err)
	}

	for _, tc := range []struct{ ch, ts, want string }{
		{"#alerts", ts, "channel_not_found"}, // IDs only, as in Slack
		{ch, "1.000001", "message_not_found"},
	} {
		if _, err := api.GetPermalinkContext(ctx, &slack.PermalinkParameters{Channel: tc.ch, Ts: tc.ts}); err == nil || err.Error() != tc.want {
			t.Errorf("permalink of %s/%s: err %v, want %s", tc.ch, tc.ts, err, tc.want)
		}
	}
	if _, _, err := api.DeleteMessageContext(ctx, ch, ts); err != nil {
		t.Fatal(err)
	}
	if _, err := api.GetPermalinkContext(ctx, &slack.PermalinkParameters{Channel: ch, Ts: ts}); err == nil || err.Error() != "message_not_found" {
		t.Errorf("permalink of a deleted message: %v", err)
	}
	if calls := srv.CallsTo("chat.getPermalink"); len(calls) != 5 {
		t.Errorf("%d chat.getPermalink calls recorded, want 5", len(calls))
	}
}
