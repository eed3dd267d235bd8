// Package store keeps the bot's state: incidents (so that a restarted or
// newly elected bot continues them instead of announcing them again),
// silences, when each channel last received a digest, where the chat
// message about each incident is (written by the notifier that posted it),
// and the one-time tokens of Slack requests already answered (replay
// protection).
//
// Three backends satisfy Store: File, the embedded default, is a single
// bbolt database file; ConfigMaps keeps the same state in ConfigMaps of the
// bot's own namespace so replicas need no volume; Memory is for tests and
// for running without a writable disk. Each prunes resolved incidents older
// than its retention and expired silences.
package store

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Store is everything a backend keeps. Consumers should accept the smaller
// interfaces they need (incident.Store, digest.Store); cmd/bot holds a Store
// to pick a backend from the configuration.
type Store interface {
	// Active returns the incidents not yet resolved, oldest first.
	Active(ctx context.Context) ([]incident.Incident, error)
	// Save creates or replaces the incident with the same ID.
	Save(ctx context.Context, inc incident.Incident) error
	// History returns every kept incident that was not resolved before
	// since (so also every unresolved one), oldest first.
	History(ctx context.Context, since time.Time) ([]incident.Incident, error)

	// PutSilence creates or replaces the silence of s.Key.
	PutSilence(ctx context.Context, s Silence) error
	// DeleteSilence removes the silence of key; removing none is no error.
	DeleteSilence(ctx context.Context, key incident.Key) error
	// Silences returns the silences not yet expired, ordered by key.
	Silences(ctx context.Context) ([]Silence, error)

	// LastDigest returns when channel last received a digest; zero if never.
	LastDigest(ctx context.Context, channel string) (time.Time, error)
	// RecordDigest records that channel received a digest at at. A time
	// earlier than the one recorded is ignored, so the record never goes back.
	RecordDigest(ctx context.Context, channel string, at time.Time) error

	// Claim records a one-time token (the MAC of a verified Slack request)
	// until until and reports whether this call recorded it first: false
	// when an unexpired record of token exists, written by this or any
	// replica sharing the store. Replicas answering Slack behind one
	// Service thus run a replayed request once per deployment.
	Claim(ctx context.Context, token string, until time.Time) (bool, error)

	// SaveMessageRef records where the chat message about ref.Subject (an
	// incident or storm ID) is, replacing an earlier record.
	SaveMessageRef(ctx context.Context, ref MessageRef) error
	// MessageRef returns where the message about subject is; ok is false
	// when none was recorded. Records of earlier versions that kept the
	// message's ts in the incident are migrated.
	MessageRef(ctx context.Context, subject string) (ref MessageRef, ok bool, err error)

	// Close releases the backend's resources.
	Close() error
}

// Silence mutes the notifications of one workload container until Until.
type Silence struct {
	Key   incident.Key `json:"key"`
	Until time.Time    `json:"until"`
	// By says who silenced it (a Slack user ID or name), for the audit trail.
	By        string    `json:"by"`
	CreatedAt time.Time `json:"created_at"`
}

// Options configure a backend.
type Options struct {
	// Retention is how long resolved incidents are kept; 0 keeps them forever.
	Retention time.Duration
	// Now replaces time.Now in tests.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// ErrTooLarge is returned when a record cannot fit in the backend's object
// size limit (the ConfigMaps backend's 1 MiB) even after shrinking.
var ErrTooLarge = errors.New("record too large for the store")

// pruneEvery bounds how often a persistent backend scans for expired data.
const pruneEvery = time.Hour

// expired tells whether retention has run out for inc at now.
func expired(inc incident.Incident, retention time.Duration, now time.Time) bool {
	return retention > 0 && inc.State == incident.Resolved && inc.ResolvedAt.Before(now.Add(-retention))
}

// inHistory tells whether inc belongs in History(since).
func inHistory(inc incident.Incident, since time.Time) bool {
	return inc.State != incident.Resolved || !inc.ResolvedAt.Before(since)
}

// sortIncidents orders incidents oldest first, by ID among equals, so every
// backend returns the same order.
func sortIncidents(incs []incident.Incident) {
	slices.SortFunc(incs, func(a, b incident.Incident) int {
		return cmp.Or(a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID))
	})
}

// sortSilences orders silences by key.
func sortSilences(ss []Silence) {
	slices.SortFunc(ss, func(a, b Silence) int { return cmp.Compare(silenceID(a.Key), silenceID(b.Key)) })
}

// silenceID is the map key of a silence: the whole incident key, cluster
// included.
func silenceID(k incident.Key) string {
	return k.Cluster + "\x00" + k.String()
}
