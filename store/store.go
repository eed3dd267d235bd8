// Package store keeps incidents so that a restarted bot continues them
// instead of announcing them again. File is the embedded default (one JSON
// file, written atomically); Memory is for tests and for running without a
// writable disk.
package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Memory keeps incidents in memory.
type Memory struct {
	mu        sync.Mutex
	incidents map[string]incident.Incident
	retention time.Duration
	now       func() time.Time
}

// NewMemory returns an empty store that forgets resolved incidents older than retention (0 keeps them).
func NewMemory(retention time.Duration) *Memory {
	return &Memory{incidents: map[string]incident.Incident{}, retention: retention, now: time.Now}
}

// Active returns unresolved incidents, oldest first.
func (m *Memory) Active(context.Context) ([]incident.Incident, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []incident.Incident
	for _, inc := range m.incidents {
		if inc.State != incident.Resolved {
			out = append(out, inc)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].OpenedAt.Before(out[j].OpenedAt) })
	return out, nil
}

// All returns every incident kept, oldest first.
func (m *Memory) All(context.Context) ([]incident.Incident, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sorted(), nil
}

func (m *Memory) sorted() []incident.Incident {
	out := make([]incident.Incident, 0, len(m.incidents))
	for _, inc := range m.incidents {
		out = append(out, inc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].OpenedAt.Before(out[j].OpenedAt) })
	return out
}

// Save creates or replaces an incident and prunes expired resolved ones.
func (m *Memory) Save(_ context.Context, inc incident.Incident) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.save(inc)
	return nil
}

func (m *Memory) save(inc incident.Incident) {
	m.incidents[inc.ID] = inc
	if m.retention <= 0 {
		return
	}
	cutoff := m.now().Add(-m.retention)
	for id, old := range m.incidents {
		if old.State == incident.Resolved && old.ResolvedAt.Before(cutoff) {
			delete(m.incidents, id)
		}
	}
}

// File is a Memory store mirrored to a JSON file after every change.
type File struct {
	Memory
	path string
}

// OpenFile loads the store at path, creating it (and its directory) on the first save.
func OpenFile(path string, retention time.Duration) (*File, error) {
	f := &File{Memory: *NewMemory(retention), path: path}
	data, err := os.ReadFile(path)
	switch {
	case os.IsNotExist(err):
		return f, nil
	case err != nil:
		return nil, fmt.Errorf("read store: %w", err)
	}
	var saved struct {
		Incidents []incident.Incident `json:"incidents"`
	}
	if err := json.Unmarshal(data, &saved); err != nil {
		return nil, fmt.Errorf("store %s is corrupt: %w (move it away to start afresh)", path, err)
	}
	for _, inc := range saved.Incidents {
		f.incidents[inc.ID] = inc
	}
	return f, nil
}

// Save records the incident and rewrites the file atomically.
func (f *File) Save(_ context.Context, inc incident.Incident) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.save(inc)
	data, err := json.Marshal(struct {
		Incidents []incident.Incident `json:"incidents"`
	}{f.sorted()})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return fmt.Errorf("write store: %w", err)
	}
	tmp := f.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("write store: %w", err)
	}
	if err := os.Rename(tmp, f.path); err != nil {
		return fmt.Errorf("write store: %w", err)
	}
	return nil
}
