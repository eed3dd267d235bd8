package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Buckets of the database file.
var (
	bucketIncidents = []byte("incidents")   // incident ID -> JSON incident
	bucketActive    = []byte("active")      // IDs of unresolved incidents -> empty
	bucketSilences  = []byte("silences")    // silenceID -> JSON Silence
	bucketDigests   = []byte("digest_runs") // channel -> RFC 3339 time
)

// File keeps the state in one bbolt database file, the embedded default:
// pure Go, crash-safe, and locked so that two bots cannot share it.
type File struct {
	db   *bolt.DB
	path string
	opts Options

	mu              sync.Mutex // guards lastPruned and lastReplayPrune
	lastPruned      time.Time
	lastReplayPrune time.Time
}

// OpenFile opens (or creates, with its directory) the database at path,
// keeping resolved incidents for retention (0: forever). A JSON state file
// of earlier versions at path is imported and kept as path+".json-backup".
func OpenFile(path string, retention time.Duration) (*File, error) {
	return Open(path, Options{Retention: retention})
}

// Open is OpenFile with all options.
func Open(path string, opts Options) (*File, error) {
	opts = opts.withDefaults()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	legacy, err := importLegacy(path)
	if err != nil {
		return nil, err
	}
	// A second bot on the same file would wait forever for the lock.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("store %s is in use by another process", path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, fmt.Errorf("store %s is corrupt: %w (move it away to start afresh)", path, err)
	case err != nil:
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	f := &File{db: db, path: path, opts: opts}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketIncidents, bucketActive, bucketSilences, bucketDigests, bucketMessages} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		for _, inc := range legacy {
			if err := putIncident(tx, inc); err != nil {
				return err
			}
		}
		return migrateMessages(tx)
	})
	if err == nil && legacy != nil {
		err = os.Rename(path+legacyPending, path+legacySuffix)
	}
	if err == nil {
		err = f.prune(opts.Now())
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return f, nil
}

// Path returns the database file's path.
func (f *File) Path() string { return f.path }

// Close closes the database file.
func (f *File) Close() error { return f.db.Close() }

// Active returns unresolved incidents, oldest first.
func (f *File) Active(context.Context) ([]incident.Incident, error) {
	var out []incident.Incident
	err := f.db.View(func(tx *bolt.Tx) error {
		incs := tx.Bucket(bucketIncidents)
		return tx.Bucket(bucketActive).ForEach(func(id, _ []byte) error {
			inc, err := decodeIncident(id, incs.Get(id))
			if err != nil {
				return err
			}
			out = append(out, inc)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read active incidents: %w", err)
	}
	sortIncidents(out)
	return out, nil
}

// History returns the incidents not resolved before since, oldest first.
func (f *File) History(_ context.Context, since time.Time) ([]incident.Incident, error) {
	var out []incident.Incident
	err := f.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketIncidents).ForEach(func(id, v []byte) error {
			inc, err := decodeIncident(id, v)
			if err != nil {
				return err
			}
			if inHistory(inc, since) {
				out = append(out, inc)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read incidents: %w", err)
	}
	sortIncidents(out)
	return out, nil
}

// Save creates or replaces an incident; at most every hour it also prunes
// what retention lets go.
func (f *File) Save(_ context.Context, inc incident.Incident) error {
	if err := f.db.Update(func(tx *bolt.Tx) error { return putIncident(tx, inc) }); err != nil {
		return fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	now := f.opts.Now()
	f.mu.Lock()
	due := now.Sub(f.lastPruned) >= pruneEvery
	f.mu.Unlock()
	if due {
		if err := f.prune(now); err != nil {
			return fmt.Errorf("incident %s saved, but: %w", inc.ID, err)
		}
	}
	return nil
}

// PutSilence creates or replaces the silence of s.Key.
func (f *File) PutSilence(_ context.Context, s Silence) error {
	v, err := json.Marshal(s)
	if err != nil {
		return err
	}
	err = f.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSilences).Put([]byte(silenceID(s.Key)), v)
	})
	if err != nil {
		return fmt.Errorf("save silence of %s: %w", s.Key, err)
	}
	return nil
}

// DeleteSilence removes the silence of key.
func (f *File) DeleteSilence(_ context.Context, key incident.Key) error {
	err := f.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSilences).Delete([]byte(silenceID(key)))
	})
	if err != nil {
		return fmt.Errorf("delete silence of %s: %w", key, err)
	}
	return nil
}

// Silences returns the unexpired silences, ordered by key.
func (f *File) Silences(context.Context) ([]Silence, error) {
	now := f.opts.Now()
	var out []Silence
	err := f.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSilences).ForEach(func(k, v []byte) error {
			var s Silence
			if err := json.Unmarshal(v, &s); err != nil {
				return fmt.Errorf("silence %q: %w", k, err)
			}
			if s.Until.After(now) {
				out = append(out, s)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read silences: %w", err)
	}
	sortSilences(out)
	return out, nil
}

// LastDigest returns when channel last received a digest.
func (f *File) LastDigest(_ context.Context, channel string) (time.Time, error) {
	var t time.Time
	err := f.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketDigests).Get([]byte(channel)); v != nil {
			return t.UnmarshalText(v)
		}
		return nil
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("read digest run of %s: %w", channel, err)
	}
	return t, nil
}

// RecordDigest records a digest sent to channel at at, unless a later one is recorded.
func (f *File) RecordDigest(_ context.Context, channel string, at time.Time) error {
	err := f.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDigests)
		if v := b.Get([]byte(channel)); v != nil {
			var prev time.Time
			if err := prev.UnmarshalText(v); err == nil && !at.After(prev) {
				return nil
			}
		}
		v, err := at.UTC().MarshalText()
		if err != nil {
			return err
		}
		return b.Put([]byte(channel), v)
	})
	if err != nil {
		return fmt.Errorf("record digest run of %s: %w", channel, err)
	}
	return nil
}

// prune deletes resolved incidents past retention, expired silences and
// the message references of subjects gone past retention.
func (f *File) prune(now time.Time) error {
	err := f.db.Update(func(tx *bolt.Tx) error {
		incs := tx.Bucket(bucketIncidents)
		var drop [][]byte
		if f.opts.Retention > 0 {
			err := incs.ForEach(func(id, v []byte) error {
				// An undecodable record is left for a newer version to read.
				if inc, err := decodeIncident(id, v); err == nil && expired(inc, f.opts.Retention, now) {
					drop = append(drop, id)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for _, id := range drop {
			if err := incs.Delete(id); err != nil {
				return err
			}
		}
		sil := tx.Bucket(bucketSilences)
		drop = drop[:0]
		err := sil.ForEach(func(k, v []byte) error {
			var s Silence
			if json.Unmarshal(v, &s) == nil && !s.Until.After(now) {
				drop = append(drop, k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range drop {
			if err := sil.Delete(k); err != nil {
				return err
			}
		}
		return pruneMessages(tx, f.opts.Retention, now)
	})
	if err != nil {
		return fmt.Errorf("prune store: %w", err)
	}
	f.mu.Lock()
	f.lastPruned = now
	f.mu.Unlock()
	return nil
}

func putIncident(tx *bolt.Tx, inc incident.Incident) error {
	v, err := json.Marshal(inc)
	if err != nil {
		return err
	}
	id := []byte(inc.ID)
	if err := tx.Bucket(bucketIncidents).Put(id, v); err != nil {
		return err
	}
	if inc.State == incident.Resolved {
		return tx.Bucket(bucketActive).Delete(id)
	}
	return tx.Bucket(bucketActive).Put(id, nil)
}

func decodeIncident(id, v []byte) (incident.Incident, error) {
	var inc incident.Incident
	if v == nil {
		return inc, fmt.Errorf("incident %q is indexed but missing", id)
	}
	if err := json.Unmarshal(v, &inc); err != nil {
		return inc, fmt.Errorf("incident %q: %w", id, err)
	}
	return inc, nil
}
