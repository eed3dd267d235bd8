package incident

import (
	"context"
	"fmt"
	"time"
)

// SilenceStore keeps silences so they survive a restart and reach the
// leader from any replica. A Store that also implements it gets its
// silences loaded and refreshed by the Manager.
type SilenceStore interface {
	// SilencedUntil returns the keys silenced now and until when.
	SilencedUntil(ctx context.Context) (map[Key]time.Time, error)
}

type silenceReq struct {
	key   Key
	until time.Time // zero: unsilence
	by    string
	done  chan struct{}
}

// Silence mutes notifications of key until until: the incident's message is
// updated once to say so, then left alone. It applies to a new incident of
// the same key opened before until as well. Persisting the silence is the
// caller's job (the slash command writes it to the store).
func (m *Manager) Silence(ctx context.Context, key Key, until time.Time, by string) error {
	return m.sendSilence(ctx, silenceReq{key: key, until: until, by: by})
}

// Unsilence lifts the silence of key and refreshes its message.
func (m *Manager) Unsilence(ctx context.Context, key Key) error {
	return m.sendSilence(ctx, silenceReq{key: key})
}

func (m *Manager) sendSilence(ctx context.Context, r silenceReq) error {
	r.done = make(chan struct{})
	select {
	case m.silenceReqs <- r:
	case <-m.done:
		return fmt.Errorf("incident manager stopped")
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-r.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// applySilence records a silence (or its end) and updates the message of an
// active incident of that key at once, so people see it took effect.
func (m *Manager) applySilence(ctx context.Context, r silenceReq) {
	defer close(r.done)
	if r.until.IsZero() {
		delete(m.silences, r.key)
	} else {
		m.silences[r.key] = r.until
	}
	t := m.active[r.key]
	if t == nil || t.SilencedUntil.Equal(r.until) {
		return
	}
	t.SilencedUntil = r.until
	if t.State == Pending {
		return // the first notification will show it
	}
	note := fmt.Sprintf("Silenced until %s by %s.", r.until.UTC().Format("2006-01-02 15:04 MST"), r.by)
	if r.until.IsZero() {
		note = "Silence lifted."
	}
	t.note = append(t.note, note)
	m.notifyNow(ctx, t, Updated, m.opts.Now(), true)
}

// refreshSilences reloads silences from the store, so a silence set through
// another replica reaches the leader.
func (m *Manager) refreshSilences(ctx context.Context) {
	ss, ok := m.store.(SilenceStore)
	if !ok {
		return
	}
	got, err := ss.SilencedUntil(ctx)
	if err != nil {
		m.log.Warn("load silences", "err", err)
		return
	}
	for key, t := range m.active {
		until := got[key]
		if !t.SilencedUntil.Equal(until) && until.After(m.opts.Now()) {
			m.applySilence(ctx, silenceReq{key: key, until: until, by: "another replica", done: make(chan struct{})})
		}
	}
	m.silences = got
}
