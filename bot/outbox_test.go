package bot

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// TestFirstPostsGoBeforeReplies: with thread replies of older messages
// queued in a channel, a new message's first post is delivered next.
func TestFirstPostsGoBeforeReplies(t *testing.T) {
	s := newSlack(nil, SlackOptions{Logger: slog.New(slog.DiscardHandler)})
	q := s.queue("C1")
	for _, id := range []string{"old-1", "old-2", "new", "old-3"} {
		it := &item{id: id, channel: "C1"}
		s.items[id] = it
		if id == "new" {
			it.pending = &message{text: "new"}
		} else {
			it.ts, it.looked = "1700000000.00010"+id[len(id)-1:], true
			it.replies = []reply{{message: message{text: "note"}}}
			it.pending = &message{text: "update"} // goes to the update lane, not here
		}
		s.schedule(it)
	}
	var got []string
	for {
		o, ok := s.takePost(q)
		if !ok {
			break
		}
		got = append(got, o.kind.String()+":"+o.item.id)
		o.item.replies = o.item.replies[o.n:]
		o.item.postBusy = false
	}
	if want := []string{"post:new", "reply:old-1", "reply:old-2", "reply:old-3"}; !slices.Equal(got, want) {
		t.Fatalf("post lane order = %v, want %v", got, want)
	}
	if len(s.updates) != 3 {
		t.Fatalf("%d updates queued for the update lane, want 3", len(s.updates))
	}
}

// TestMergeReplies: queued details of storm members go out together, up
// to maxMergedMembers and Slack's 50 blocks; other replies alone.
func TestMergeReplies(t *testing.T) {
	memberReply := func(i int) reply {
		return reply{message: message{text: fmt.Sprint("w", i), blocks: []slack.Block{slack.NewDividerBlock(), slack.NewDividerBlock()}, plain: fmt.Sprint("w", i)}, member: fmt.Sprint("ns/w", i)}
	}
	it := &item{}
	for i := range 25 {
		it.replies = append(it.replies, memberReply(i))
	}
	it.replies = append(it.replies, reply{message: message{text: "recovered"}})
	var sizes []int
	for len(it.replies) > 0 {
		r, n := mergeReplies(it)
		if len(r.blocks) > maxBlocks {
			t.Fatalf("merged reply has %d blocks", len(r.blocks))
		}
		if n > 1 && !strings.Contains(r.text, fmt.Sprintf("%d workloads of the storm", n)) {
			t.Errorf("merged text = %q", r.text)
		}
		sizes = append(sizes, n)
		it.replies = it.replies[n:]
	}
	if want := []int{10, 10, 5, 1}; !slices.Equal(sizes, want) {
		t.Fatalf("merged sizes = %v, want %v", sizes, want)
	}
}

// TestMergedFleetRepliesNameClusters: merged replies of a fleet incident's
// members name their clusters, not "workloads of the storm" (every member
// is the same workload).
func TestMergedFleetRepliesNameClusters(t *testing.T) {
	it := &item{}
	for _, c := range []string{"eu-west-1", "us-east-1", "ap-south-1"} {
		it.replies = append(it.replies, reply{message: message{text: c, blocks: []slack.Block{slack.NewDividerBlock()}}, member: c + ": shop/orders", fleet: true})
	}
	r, n := mergeReplies(it)
	if n != 3 {
		t.Fatalf("merged %d replies, want 3", n)
	}
	want := "3 clusters of the fleet incident: eu-west-1: shop/orders, us-east-1: shop/orders, ap-south-1: shop/orders"
	if r.text != want {
		t.Errorf("merged text = %q, want %q", r.text, want)
	}
}

// TestStormUpdatesGoFirst: a storm's update is not queued behind a backlog
// of single incidents' updates.
func TestStormUpdatesGoFirst(t *testing.T) {
	s := newSlack(nil, SlackOptions{Logger: slog.New(slog.DiscardHandler)})
	s.queue("C1")
	for _, id := range []string{"inc-1", "inc-2", "storm/node=n1/oom_killed@1", "inc-3"} {
		it := &item{id: id, channel: "C1", ts: "1.1", looked: true, pending: &message{text: id}, storm: strings.HasPrefix(id, "storm/")}
		s.items[id] = it
		s.schedule(it)
	}
	var got []string
	for {
		o, ok := s.takeUpdate()
		if !ok {
			break
		}
		got = append(got, o.item.id)
		o.item.pending = nil
	}
	if want := []string{"storm/node=n1/oom_killed@1", "inc-1", "inc-2", "inc-3"}; !slices.Equal(got, want) {
		t.Fatalf("update order = %v, want %v", got, want)
	}
}
