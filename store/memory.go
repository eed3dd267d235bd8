package store

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Memory keeps everything in memory; a restart forgets it.
type Memory struct {
	mu        sync.Mutex
	opts      Options
	incidents map[string]incident.Incident
	silences  map[string]Silence
	digests   map[string]time.Time
	replays   map[string]time.Time // one-time tokens -> expiry (Claim)
	messages  map[string]MessageRef
}

// NewMemory returns an empty store that forgets resolved incidents older
// than retention (0 keeps them).
func NewMemory(retention time.Duration) *Memory {
	return NewMemoryOptions(Options{Retention: retention})
}

// NewMemoryOptions returns an empty store configured by opts.
func NewMemoryOptions(opts Options) *Memory {
	return &Memory{
		opts:      opts.withDefaults(),
		incidents: map[string]incident.Incident{},
		silences:  map[string]Silence{},
		digests:   map[string]time.Time{},
		messages:  map[string]MessageRef{},
	}
}

// Active returns unresolved incidents, oldest first.
func (m *Memory) Active(context.Context) ([]incident.Incident, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []incident.Incident
	for _, inc := range m.incidents {
		if inc.State != incident.Resolved {
			out = append(out, clone(inc))
		}
	}
	sortIncidents(out)
	return out, nil
}

// History returns the incidents not resolved before since, oldest first.
func (m *Memory) History(_ context.Context, since time.Time) ([]incident.Incident, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []incident.Incident
	for _, inc := range m.incidents {
		if inHistory(inc, since) {
			out = append(out, clone(inc))
		}
	}
	sortIncidents(out)
	return out, nil
}

// Save creates or replaces an incident and prunes expired resolved ones.
func (m *Memory) Save(_ context.Context, inc incident.Incident) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.incidents[inc.ID] = clone(inc)
	now := m.opts.Now()
	active := map[string]bool{}
	for id, old := range m.incidents {
		if expired(old, m.opts.Retention, now) {
			delete(m.incidents, id)
		}
		if old.State != incident.Resolved {
			for _, s := range subjectsOf(old) {
				active[s] = true
			}
		}
	}
	for s, r := range m.messages {
		if refExpired(r, m.opts.Retention, now, active) {
			delete(m.messages, s)
		}
	}
	return nil
}

// PutSilence creates or replaces the silence of s.Key.
func (m *Memory) PutSilence(_ context.Context, s Silence) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.silences[silenceID(s.Key)] = s
	return nil
}

// DeleteSilence removes the silence of key.
func (m *Memory) DeleteSilence(_ context.Context, key incident.Key) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.silences, silenceID(key))
	return nil
}

// Silences returns the unexpired silences, ordered by key, and forgets the
// expired ones.
func (m *Memory) Silences(context.Context) ([]Silence, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.opts.Now()
	var out []Silence
	for id, s := range m.silences {
		if !s.Until.After(now) {
			delete(m.silences, id)
			continue
		}
		out = append(out, s)
	}
	sortSilences(out)
	return out, nil
}

// LastDigest returns when channel last received a digest.
func (m *Memory) LastDigest(_ context.Context, channel string) (time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.digests[channel], nil
}

// RecordDigest records a digest sent to channel at at, unless a later one is recorded.
func (m *Memory) RecordDigest(_ context.Context, channel string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if at.After(m.digests[channel]) {
		m.digests[channel] = at
	}
	return nil
}

// Close does nothing.
func (m *Memory) Close() error { return nil }

// clone copies the slices of inc that a caller could modify.
func clone(inc incident.Incident) incident.Incident {
	inc.Pods = slices.Clone(inc.Pods)
	return inc
}
