package fleet

import (
	"context"
	"log/slog"
	"sync"
)

// Listener delivers the database's notifications (store.Postgres.Listen):
// handle("", "") after each (re)connection.
type Listener interface {
	Listen(ctx context.Context, handle func(channel, payload string), channels ...string) error
}

// Hub shares one listening connection among the parts of a bot that wait
// for the fleet's notifications. A subscriber gets every payload of its
// channel, and an empty payload after the connection was (re)made: then it
// must look at the tables for what it missed.
type Hub struct {
	l   Listener
	log *slog.Logger

	mu   sync.Mutex
	subs map[string]map[chan string]struct{}
}

// NewHub returns a Hub over l; Run listens. It does no I/O.
func NewHub(l Listener, log *slog.Logger) *Hub {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Hub{l: l, log: log.With("component", "fleet-hub"), subs: map[string]map[chan string]struct{}{}}
}

// Run listens on channels until ctx ends.
func (h *Hub) Run(ctx context.Context, channels ...string) error {
	return h.l.Listen(ctx, h.dispatch, channels...)
}

// Subscribe returns a channel of channel's payloads (buffered; a slow
// subscriber misses payloads, never blocks the hub, and is expected to
// look at the tables anyway) and a function that ends the subscription.
func (h *Hub) Subscribe(channel string) (<-chan string, func()) {
	c := make(chan string, 64)
	h.mu.Lock()
	if h.subs[channel] == nil {
		h.subs[channel] = map[chan string]struct{}{}
	}
	h.subs[channel][c] = struct{}{}
	h.mu.Unlock()
	return c, func() {
		h.mu.Lock()
		delete(h.subs[channel], c)
		h.mu.Unlock()
	}
}

func (h *Hub) dispatch(channel, payload string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch, subs := range h.subs {
		if channel != "" && ch != channel {
			continue
		}
		for c := range subs {
			select {
			case c <- payload:
			default:
				// Full: the subscriber is behind and will look at the
				// tables; an empty payload says so if there is room.
			}
		}
	}
}
