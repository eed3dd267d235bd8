package bot

import (
	"log/slog"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// TestFirstPostsGoBeforeUpdates: with updates of older incidents queued, a
// new incident's first post is delivered next.
func TestFirstPostsGoBeforeUpdates(t *testing.T) {
	s := newSlack(nil, SlackOptions{Logger: slog.New(slog.DiscardHandler)})
	ob := newOutbox("C1")
	for _, id := range []string{"old-1", "old-2", "new", "old-3"} {
		it := ob.item(id)
		inc := incident.Incident{ID: id}
		it.pending = &inc
		if id != "new" {
			it.ts = "1700000000.00010" + id[len(id)-1:]
		}
		ob.enqueue(it)
	}
	var got []string
	for {
		o, ok := s.take(ob)
		if !ok {
			break
		}
		got = append(got, o.kind.String()+":"+o.item.id)
	}
	want := []string{"post:new", "update:old-1", "update:old-2", "update:old-3"}
	if len(got) != len(want) {
		t.Fatalf("order = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}
