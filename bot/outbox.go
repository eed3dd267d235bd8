package bot

import (
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// outbox is one channel's queue of incident messages. Its fields are
// guarded by Slack.mu, except nextPost and nextUpdate, which only its
// worker touches.
type outbox struct {
	channel string
	items   map[string]*item // by incident id
	order   []*item          // items with work, oldest first; round robin
	wake    chan struct{}

	// Pacing: the earliest time of the next post and of the next update.
	nextPost, nextUpdate pacer
}

// item is one incident's delivery state in a channel.
type item struct {
	id string
	// ts is the incident's message, "" until posted; channelID is the ID
	// Slack answered the post with (updates and replies need the ID, not a
	// "#name").
	ts        string
	channelID string
	// looked: the message reference store was asked for this incident's
	// message (a restarted bot finds the message it posted before).
	looked bool
	// pending is the latest incident state not yet shown in Slack; later
	// notifications replace it (coalescing).
	pending *incident.Incident
	// threads are thread replies waiting for delivery, in order.
	threads  []string
	resolved bool
	queued   bool // in outbox.order
}

func newOutbox(channel string) *outbox {
	return &outbox{channel: channel, items: map[string]*item{}, wake: make(chan struct{}, 1)}
}

func (ob *outbox) item(id string) *item {
	it, ok := ob.items[id]
	if !ok {
		it = &item{id: id}
		ob.items[id] = it
	}
	return it
}

func (it *item) hasWork() bool { return it.pending != nil || len(it.threads) > 0 }

// enqueue puts it at the end of the round robin if it has work and is not
// queued yet.
func (ob *outbox) enqueue(it *item) {
	if it.queued || !it.hasWork() {
		return
	}
	it.queued = true
	ob.order = append(ob.order, it)
}

// signal wakes the worker without blocking.
func (ob *outbox) signal() {
	select {
	case ob.wake <- struct{}{}:
	default:
	}
}

// forget drops a resolved incident that has nothing left to deliver: a
// later notification finds its message in the message reference store.
func (ob *outbox) forget(it *item) {
	if it.resolved && !it.hasWork() && !it.queued {
		delete(ob.items, it.id)
	}
}

func (ob *outbox) depth() int {
	n := 0
	for _, it := range ob.items {
		if it.pending != nil {
			n++
		}
		n += len(it.threads)
	}
	return n
}
