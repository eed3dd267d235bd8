package store

import (
	"context"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// The replay record: one-time tokens of Slack requests already answered,
// each kept until its expiry. Tokens are hashed before they are stored.

// replayPruneEvery bounds how often expired tokens are swept.
const replayPruneEvery = time.Minute

// Claim records token until until; see Store.
func (m *Memory) Claim(_ context.Context, token string, until time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.opts.Now()
	if m.replays == nil {
		m.replays = map[string]time.Time{}
	}
	if exp, ok := m.replays[token]; ok && exp.After(now) {
		return false, nil
	}
	for k, exp := range m.replays {
		if !exp.After(now) {
			delete(m.replays, k)
		}
	}
	m.replays[token] = until
	return true, nil
}

// bucketReplay holds hashed token -> RFC 3339 expiry. It is created on
// first use, so databases of older versions gain it without a migration.
var bucketReplay = []byte("replay")

// Claim records token until until; see Store.
func (f *File) Claim(_ context.Context, token string, until time.Time) (bool, error) {
	now := f.opts.Now()
	key := []byte(hash(token))
	first := false
	err := f.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketReplay)
		if err != nil {
			return err
		}
		if v := b.Get(key); v != nil {
			var exp time.Time
			if exp.UnmarshalText(v) == nil && exp.After(now) {
				return nil
			}
		}
		v, err := until.UTC().MarshalText()
		if err != nil {
			return err
		}
		if err := b.Put(key, v); err != nil {
			return err
		}
		first = true
		f.mu.Lock()
		due := now.Sub(f.lastReplayPrune) >= replayPruneEvery
		if due {
			f.lastReplayPrune = now
		}
		f.mu.Unlock()
		if !due {
			return nil
		}
		var drop [][]byte
		_ = b.ForEach(func(k, v []byte) error {
			var exp time.Time
			if exp.UnmarshalText(v) != nil || !exp.After(now) {
				drop = append(drop, k)
			}
			return nil
		})
		for _, k := range drop {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("claim replay token: %w", err)
	}
	return first, nil
}

// Replay records are ConfigMaps of their own, named after the token's
// hash: creating one is atomic, so of two replicas claiming the same token
// exactly one succeeds, with no read-modify-write to conflict on.
const (
	replayPrefix      = "crashloop-bot-replay-"
	annotationExpires = "crashloop-bot/expires"
	replayObject      = "replay"
)

// Claim records token until until; see Store.
func (c *ConfigMaps) Claim(ctx context.Context, token string, until time.Time) (bool, error) {
	now := c.opts.Now()
	name := replayPrefix + hash(token)
	exp, err := until.UTC().MarshalText()
	if err != nil {
		return false, err
	}
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{
		Name: name, Namespace: c.namespace,
		Labels:      map[string]string{LabelManagedBy: ManagedBy, LabelObject: replayObject},
		Annotations: map[string]string{annotationExpires: string(exp)},
	}}
	for range 3 {
		_, err := c.api().Create(ctx, cm, metav1.CreateOptions{})
		if err == nil {
			c.pruneReplays(ctx, now)
			return true, nil
		}
		if !apierrors.IsAlreadyExists(err) {
			return false, fmt.Errorf("claim replay token: %w", err)
		}
		old, err := c.api().Get(ctx, name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			continue // pruned meanwhile: create again
		}
		if err != nil {
			return false, fmt.Errorf("claim replay token: %w", err)
		}
		if replayLive(old, now) {
			return false, nil
		}
		// An expired record of the same token: take it over only if no
		// other replica did first.
		rv := old.ResourceVersion
		err = c.api().Delete(ctx, name, metav1.DeleteOptions{Preconditions: &metav1.Preconditions{ResourceVersion: &rv}})
		if err != nil && !apierrors.IsNotFound(err) && !apierrors.IsConflict(err) {
			return false, fmt.Errorf("claim replay token: %w", err)
		}
	}
	return false, fmt.Errorf("claim replay token: %s keeps changing", name)
}

func replayLive(cm *corev1.ConfigMap, now time.Time) bool {
	var exp time.Time
	return exp.UnmarshalText([]byte(cm.Annotations[annotationExpires])) == nil && exp.After(now)
}

// pruneReplays deletes expired replay records, at most every minute. A
// failure is left for the next sweep: the records expire anyway.
func (c *ConfigMaps) pruneReplays(ctx context.Context, now time.Time) {
	c.replayMu.Lock()
	due := now.Sub(c.lastReplayPrune) >= replayPruneEvery
	if due {
		c.lastReplayPrune = now
	}
	c.replayMu.Unlock()
	if !due {
		return
	}
	sel := labels.SelectorFromSet(labels.Set{LabelManagedBy: ManagedBy, LabelObject: replayObject})
	l, err := c.api().List(ctx, metav1.ListOptions{LabelSelector: sel.String()})
	if err != nil {
		return
	}
	for _, cm := range l.Items {
		if replayLive(&cm, now) {
			continue
		}
		rv := cm.ResourceVersion
		_ = c.api().Delete(ctx, cm.Name, metav1.DeleteOptions{Preconditions: &metav1.Preconditions{ResourceVersion: &rv}})
	}
}
