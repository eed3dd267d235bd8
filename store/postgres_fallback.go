package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrUnavailable wraps the errors of reads the Postgres backend could not
// make because the database cannot be reached. Callers that know better
// (a message posted by this very process cannot be anywhere else) may act
// on it; others retry.
var ErrUnavailable = errors.New("database unavailable")

// fallback keeps a bot working while the database cannot be reached: a
// write that fails for want of a connection is queued in memory, in order
// (the latest write of one record replacing the earlier ones), and a
// background loop replays the queue when the database answers again.
// Reads fail fast meanwhile (ErrUnavailable) instead of waiting for a
// connect timeout each, except message references this process wrote,
// which are answered from memory: the Slack sink finds the messages it
// posted during the outage and updates them rather than posting again.
//
// The queue lives in memory: a bot restarted during an outage loses it
// (its incidents are announced again once the database is back, and the
// messages posted during the outage are not found: the one case that
// duplicates).
type fallback struct {
	p *Postgres

	mu      sync.Mutex
	down    bool
	since   time.Time
	queue   []*queuedWrite
	byKey   map[string]*queuedWrite
	running bool
	// refs are the message references this process wrote (bounded):
	// answered from memory, so the database is asked only for others'.
	refs map[string]MessageRef
	// replayed and lost count writes replayed after an outage and writes
	// the database refused on replay (for metrics).
	replayed, dropped, outages int64

	stop   context.CancelFunc
	stopCt context.Context
	done   chan struct{}
}

// maxKeptRefs bounds the message references kept in memory.
const maxKeptRefs = 20000

// writeOp says what a write is about, so later writes of the same record
// replace it in the queue.
type writeOp struct {
	kind, key string
	// ref is set for a message reference: answered from memory.
	ref *MessageRef
}

type queuedWrite struct {
	id string
	do func(ctx context.Context) error
	// version counts replacements: a write replaced while it was being
	// replayed stays queued.
	version int
}

func newFallback(p *Postgres) *fallback {
	ctx, cancel := context.WithCancel(context.Background())
	return &fallback{p: p, byKey: map[string]*queuedWrite{}, refs: map[string]MessageRef{}, stop: cancel, stopCt: ctx}
}

// write runs do, or queues it when the database cannot be reached (or
// earlier writes are still queued: order is kept). It fails only for
// errors the database itself returned.
func (f *fallback) write(ctx context.Context, op writeOp, do func(ctx context.Context) error) error {
	if op.ref != nil {
		f.keepRef(*op.ref)
	}
	id := op.kind + "\x00" + op.key
	f.mu.Lock()
	queued := f.down
	if queued {
		f.enqueue(id, do)
	}
	f.mu.Unlock()
	if queued {
		return nil
	}
	err := do(ctx)
	if !isConnError(err) {
		return err
	}
	f.mu.Lock()
	f.enqueue(id, do)
	f.mu.Unlock()
	f.lost(err)
	return nil
}

// enqueue adds a write, replacing a queued write of the same record in
// place. Caller holds f.mu.
func (f *fallback) enqueue(id string, do func(ctx context.Context) error) {
	if w, ok := f.byKey[id]; ok {
		w.do = do
		w.version++
		return
	}
	w := &queuedWrite{id: id, do: do}
	f.byKey[id] = w
	f.queue = append(f.queue, w)
}

// lost marks the database unreachable after err and starts the replay
// loop.
func (f *fallback) lost(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.down {
		f.down, f.since = true, time.Now()
		f.outages++
		f.p.log.Error("lost the database: queueing writes locally and alerting on; they are replayed when it is back",
			"err", err, "queued", len(f.queue))
	}
	if !f.running && f.stopCt.Err() == nil {
		f.running = true
		f.done = make(chan struct{})
		go f.replay()
	}
}

// check reports a read's failure: a connection error marks the database
// down and is wrapped in ErrUnavailable.
func (f *fallback) check(err error) error {
	if isConnError(err) {
		f.lost(err)
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return err
}

// fastFail is ErrUnavailable while the database is known to be down, so
// reads do not each wait for a connect timeout.
func (f *fallback) fastFail() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return fmt.Errorf("%w since %s", ErrUnavailable, f.since.Format(time.RFC3339))
	}
	return nil
}

// replay writes the queue in order until it is empty, probing the
// database with backoff while it cannot be reached.
func (f *fallback) replay() {
	defer close(f.done)
	wait := 250 * time.Millisecond
	for {
		f.mu.Lock()
		if len(f.queue) == 0 {
			// Nothing queued: a probe tells whether reads may go again.
			f.mu.Unlock()
			ctx, cancel := context.WithTimeout(f.stopCt, 5*time.Second)
			err := f.p.pool.Ping(ctx)
			cancel()
			if err == nil {
				f.mu.Lock()
				if len(f.queue) == 0 {
					f.down, f.running = false, false
					f.p.log.Info("the database is back", "down_for", time.Since(f.since).Round(time.Millisecond))
					f.mu.Unlock()
					return
				}
				f.mu.Unlock()
				continue
			}
		} else {
			w := f.queue[0]
			do, version := w.do, w.version
			f.mu.Unlock()
			ctx, cancel := context.WithTimeout(f.stopCt, 10*time.Second)
			err := do(ctx)
			cancel()
			if err == nil || !isConnError(err) {
				f.mu.Lock()
				// The write may have been replaced meanwhile: then the newer
				// one is still to go.
				if w.version == version {
					f.queue = f.queue[1:]
					delete(f.byKey, w.id)
				}
				if err == nil {
					f.replayed++
				} else {
					f.dropped++
					f.p.log.Error("the database refused a write queued during its outage; it is dropped", "err", err)
				}
				f.mu.Unlock()
				wait = 250 * time.Millisecond
				continue
			}
		}
		if f.stopCt.Err() != nil {
			f.mu.Lock()
			f.running = false
			f.mu.Unlock()
			return
		}
		select {
		case <-time.After(wait):
		case <-f.stopCt.Done():
		}
		// A probe is cheap: at most a second between them, so reads do not
		// fail fast for long after the database is back.
		wait = min(2*wait, time.Second)
	}
}

// keepRef remembers a message reference this process wrote.
func (f *fallback) keepRef(r MessageRef) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.refs[r.Subject]; !ok && len(f.refs) >= maxKeptRefs {
		// Forget the oldest post: it is in the database by now, or (during
		// a very long outage) the sink has long finished with it.
		var oldest string
		var at time.Time
		for s, x := range f.refs {
			if oldest == "" || x.PostedAt.Before(at) {
				oldest, at = s, x.PostedAt
			}
		}
		delete(f.refs, oldest)
	}
	f.refs[r.Subject] = r
}

// messageRef answers from the references this process wrote.
func (f *fallback) messageRef(subject string) (MessageRef, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.refs[subject]
	return r, ok
}

// close stops the replay loop, waiting up to timeout for the queue to
// drain, and reports what never reached the database.
func (f *fallback) close(timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for {
		f.mu.Lock()
		n, running := len(f.queue), f.running
		f.mu.Unlock()
		if n == 0 || !running || time.Now().After(deadline) {
			if n > 0 {
				f.p.log.Error("stopping with writes the database never received; a restart announces those incidents again", "queued", n)
			}
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	f.stop()
	f.mu.Lock()
	done, running := f.done, f.running
	f.mu.Unlock()
	if running && done != nil {
		<-done
	}
}

// FallbackStats say whether the database is reachable and what waits for it.
type FallbackStats struct {
	// Down: the database could not be reached at the last attempt; Since
	// when.
	Down  bool
	Since time.Time
	// Queued writes wait for the database; Replayed were written after an
	// outage; Dropped were refused on replay. Outages counts losses of the
	// database.
	Queued                     int
	Replayed, Dropped, Outages int64
}

// Fallback returns the local fallback's figures, for logs and metrics.
func (p *Postgres) Fallback() FallbackStats {
	f := p.fb
	f.mu.Lock()
	defer f.mu.Unlock()
	return FallbackStats{Down: f.down, Since: f.since, Queued: len(f.queue), Replayed: f.replayed, Dropped: f.dropped, Outages: f.outages}
}
