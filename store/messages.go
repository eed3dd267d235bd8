package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// MessageRef says where the chat message about a subject (an incident or a
// storm, by ID) is: the channel ID the post was answered with and the
// message's ts. Whoever posts the message writes its reference; the
// incident side never sees it.
type MessageRef struct {
	// Subject is the ID of the incident or storm the message is about.
	Subject string `json:"subject"`
	// Channel is the channel ID the post was answered with (updates and
	// replies need the ID, not a #name).
	Channel string `json:"channel"`
	// TS is the message's timestamp, its ID within the channel.
	TS string `json:"ts"`
	// PostedAt is when the message was posted (zero for references
	// migrated from incident records of earlier versions).
	PostedAt time.Time `json:"posted_at,omitzero"`
}

// bucketMessages holds the File backend's message references.
var bucketMessages = []byte("messages") // subject -> JSON MessageRef

// messagesName is the ConfigMaps backend's ConfigMap of message references.
const messagesName = "crashloop-bot-messages"

// legacyMessage is the message reference that incident records of earlier
// versions carried themselves (channel, channel_id, message_ts). Loading
// such a record migrates it to a MessageRef, so an upgraded bot keeps
// updating the message it posted before.
type legacyMessage struct {
	ID        string `json:"id"`
	Channel   string `json:"channel"`
	ChannelID string `json:"channel_id"`
	MessageTS string `json:"message_ts"`
}

// ref returns the reference a legacy record holds, if it holds one.
func (l legacyMessage) ref() (MessageRef, bool) {
	if l.MessageTS == "" || l.ID == "" {
		return MessageRef{}, false
	}
	ch := l.ChannelID
	if ch == "" {
		// Versions before the channel ID was kept updated by the routed
		// channel; it is the best there is.
		ch = l.Channel
	}
	return MessageRef{Subject: l.ID, Channel: ch, TS: l.MessageTS}, ch != ""
}

// legacyRef decodes the message reference of an incident record written
// by an earlier version, if it has one.
func legacyRef(record []byte) (MessageRef, bool) {
	var l legacyMessage
	if json.Unmarshal(record, &l) != nil {
		return MessageRef{}, false
	}
	return l.ref()
}

// refExpired tells whether a message reference may go: its subject is no
// longer active and it is older than retention.
func refExpired(r MessageRef, retention time.Duration, now time.Time, active map[string]bool) bool {
	return retention > 0 && !active[r.Subject] && r.PostedAt.Before(now.Add(-retention))
}

// subjectsOf lists the message subjects an active incident keeps alive:
// its own and its storm's.
func subjectsOf(inc incident.Incident) []string {
	if inc.Storm != nil {
		return []string{inc.ID, inc.Storm.ID}
	}
	return []string{inc.ID}
}

// --- Memory

// SaveMessageRef records where the message about ref.Subject is.
func (m *Memory) SaveMessageRef(_ context.Context, ref MessageRef) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.messages[ref.Subject] = ref
	return nil
}

// MessageRef returns where the message about subject is; ok is false when
// none was recorded.
func (m *Memory) MessageRef(_ context.Context, subject string) (MessageRef, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.messages[subject]
	return r, ok, nil
}

// --- File

// SaveMessageRef records where the message about ref.Subject is.
func (f *File) SaveMessageRef(_ context.Context, ref MessageRef) error {
	v, err := json.Marshal(ref)
	if err != nil {
		return err
	}
	err = f.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMessages).Put([]byte(ref.Subject), v)
	})
	if err != nil {
		return fmt.Errorf("save message of %s: %w", ref.Subject, err)
	}
	return nil
}

// MessageRef returns where the message about subject is; ok is false when
// none was recorded.
func (f *File) MessageRef(_ context.Context, subject string) (MessageRef, bool, error) {
	var r MessageRef
	ok := false
	err := f.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketMessages).Get([]byte(subject))
		if v == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &r)
	})
	if err != nil {
		return MessageRef{}, false, fmt.Errorf("read message of %s: %w", subject, err)
	}
	return r, ok, nil
}

// migrateMessages gives every incident record of an earlier version that
// carries its message's ts a MessageRef of its own. It runs at Open, in
// the transaction that creates the buckets, and is idempotent.
func migrateMessages(tx *bolt.Tx) error {
	msgs := tx.Bucket(bucketMessages)
	return tx.Bucket(bucketIncidents).ForEach(func(id, v []byte) error {
		r, ok := legacyRef(v)
		if !ok || msgs.Get(id) != nil {
			return nil
		}
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return msgs.Put(id, b)
	})
}

// pruneMessages deletes message references whose subject is no longer
// active and that are older than retention. Caller runs it in an update.
func pruneMessages(tx *bolt.Tx, retention time.Duration, now time.Time) error {
	if retention <= 0 {
		return nil
	}
	active := map[string]bool{}
	incs := tx.Bucket(bucketIncidents)
	err := tx.Bucket(bucketActive).ForEach(func(id, _ []byte) error {
		active[string(id)] = true
		if inc, err := decodeIncident(id, incs.Get(id)); err == nil {
			for _, s := range subjectsOf(inc) {
				active[s] = true
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	msgs := tx.Bucket(bucketMessages)
	var drop [][]byte
	err = msgs.ForEach(func(k, v []byte) error {
		var r MessageRef
		if json.Unmarshal(v, &r) == nil && refExpired(r, retention, now, active) {
			drop = append(drop, k)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range drop {
		if err := msgs.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// --- ConfigMaps

// SaveMessageRef records where the message about ref.Subject is, in the
// shared messages ConfigMap.
func (c *ConfigMaps) SaveMessageRef(ctx context.Context, ref MessageRef) error {
	v, err := json.Marshal(ref)
	if err != nil {
		return err
	}
	err = c.updateMap(ctx, messagesName, func(data map[string]string) bool {
		data[dataKey("m-", ref.Subject)] = string(v)
		return true
	})
	if err != nil {
		return fmt.Errorf("save message of %s: %w", ref.Subject, err)
	}
	return nil
}

// MessageRef returns where the message about subject is; ok is false when
// none was recorded. An incident ConfigMap written by an earlier version
// that carries the message's ts is migrated on the way.
func (c *ConfigMaps) MessageRef(ctx context.Context, subject string) (MessageRef, bool, error) {
	cm, err := c.api().Get(ctx, messagesName, metav1.GetOptions{})
	if err != nil && !apierrors.IsNotFound(err) {
		return MessageRef{}, false, fmt.Errorf("read message of %s: %w", subject, err)
	}
	if err == nil {
		if v, ok := cm.Data[dataKey("m-", subject)]; ok {
			var r MessageRef
			if err := json.Unmarshal([]byte(v), &r); err != nil {
				return MessageRef{}, false, fmt.Errorf("message of %s in configmap %s: %w", subject, messagesName, err)
			}
			return r, true, nil
		}
	}
	// Not recorded: an incident record of an earlier version may hold it.
	icm, err := c.api().Get(ctx, incidentName(subject), metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return MessageRef{}, false, nil
	}
	if err != nil {
		return MessageRef{}, false, fmt.Errorf("read incident %s: %w", subject, err)
	}
	r, ok := legacyRef([]byte(icm.Data[incidentKey]))
	if !ok || r.Subject != subject {
		return MessageRef{}, false, nil
	}
	if err := c.SaveMessageRef(ctx, r); err != nil {
		return MessageRef{}, false, fmt.Errorf("migrate message of %s: %w", subject, err)
	}
	return r, true, nil
}

// pruneMessages deletes message references whose subject is no longer
// active and that are older than retention.
func (c *ConfigMaps) pruneMessages(ctx context.Context, now time.Time) error {
	if c.opts.Retention <= 0 {
		return nil
	}
	incs, err := c.Active(ctx)
	if err != nil {
		return err
	}
	active := map[string]bool{}
	for _, inc := range incs {
		active[inc.ID] = true
		for _, s := range subjectsOf(inc) {
			active[s] = true
		}
	}
	err = c.updateMap(ctx, messagesName, func(data map[string]string) bool {
		changed := false
		for k, v := range data {
			var r MessageRef
			if json.Unmarshal([]byte(v), &r) == nil && refExpired(r, c.opts.Retention, now, active) {
				delete(data, k)
				changed = true
			}
		}
		return changed
	})
	if err != nil {
		return fmt.Errorf("prune messages: %w", err)
	}
	return nil
}
