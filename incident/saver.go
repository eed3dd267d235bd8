package incident

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"
)

// saver writes incidents to the store behind the manager's back: the
// manager never waits for a disk sync or an API call, and an incident
// changed many times before its write goes out is written once, as it is
// last. Losing the last writes to a crash is safe: a restarted bot
// notifies again, and the notifier finds the message it posted.
type saver struct {
	store Store
	log   *slog.Logger

	mu      sync.Mutex
	pending map[string]Incident
	order   []string // IDs in the order they first became pending
	wake    chan struct{}
}

func newSaver(store Store, log *slog.Logger) *saver {
	return &saver{store: store, log: log, pending: map[string]Incident{}, wake: make(chan struct{}, 1)}
}

// save queues inc for writing; it never blocks on the store.
func (s *saver) save(inc Incident) {
	inc.Pods, inc.Nodes = slices.Clone(inc.Pods), slices.Clone(inc.Nodes)
	s.mu.Lock()
	if _, ok := s.pending[inc.ID]; !ok {
		s.order = append(s.order, inc.ID)
	}
	s.pending[inc.ID] = inc
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// run writes until ctx ends, then writes what is left (bounded by a
// timeout) so a clean shutdown loses nothing.
func (s *saver) run(ctx context.Context) {
	for {
		select {
		case <-s.wake:
			s.writeAll(ctx)
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			s.writeAll(fctx)
			cancel()
			return
		}
	}
}

// writeAll writes every pending incident, oldest change first.
func (s *saver) writeAll(ctx context.Context) {
	for {
		s.mu.Lock()
		if len(s.order) == 0 {
			s.mu.Unlock()
			return
		}
		id := s.order[0]
		s.order = s.order[1:]
		inc := s.pending[id]
		delete(s.pending, id)
		s.mu.Unlock()
		if err := s.store.Save(ctx, inc); err != nil {
			// The incident lives on in memory; its next change retries.
			s.log.Error("save incident", "incident", inc.ID, "err", err)
		}
	}
}
