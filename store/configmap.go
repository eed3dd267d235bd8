package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/selection"
	"k8s.io/client-go/kubernetes"
	corev1client "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/util/retry"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Labels and names of the ConfigMaps the bot owns.
const (
	LabelManagedBy = "app.kubernetes.io/managed-by"
	ManagedBy      = "crashloop-bot"
	// LabelObject says what a ConfigMap holds: incident, silences or digest-runs.
	LabelObject = "crashloop-bot/object"
	// LabelState is an incident's state, so Active lists only open ones.
	LabelState = "crashloop-bot/state"
	// AnnotationID is the incident's ID; the name is a hash of it.
	AnnotationID = "crashloop-bot/incident-id"

	silencesName   = "crashloop-bot-silences"
	digestRunsName = "crashloop-bot-digest-runs"
	incidentPrefix = "crashloop-bot-incident-"
	incidentKey    = "incident.json"
)

// maxConfigMapBytes is the most a ConfigMap's data may hold: the API server
// refuses more than 1 MiB per object; a margin is left for metadata.
const maxConfigMapBytes = 1<<20 - 16<<10

// ConfigMaps keeps the state in ConfigMaps of one namespace, the bot's own,
// so that every replica sees it without a volume: one ConfigMap per
// incident, one for all silences, one for all digest runs and one per
// replay token (Claim), each labelled
// app.kubernetes.io/managed-by=crashloop-bot. Writes use resourceVersion
// preconditions and retry on conflict, so replicas never lose an update.
//
// The bot needs get, list, create, update and delete on configmaps in the
// namespace.
type ConfigMaps struct {
	client    kubernetes.Interface
	namespace string
	opts      Options

	replayMu        sync.Mutex // guards lastReplayPrune
	lastReplayPrune time.Time
}

// NewConfigMaps returns a store in namespace; it does no I/O.
func NewConfigMaps(client kubernetes.Interface, namespace string, opts Options) *ConfigMaps {
	return &ConfigMaps{client: client, namespace: namespace, opts: opts.withDefaults()}
}

// Close does nothing.
func (c *ConfigMaps) Close() error { return nil }

func (c *ConfigMaps) api() corev1client.ConfigMapInterface {
	return c.client.CoreV1().ConfigMaps(c.namespace)
}

// Active returns unresolved incidents, oldest first.
func (c *ConfigMaps) Active(ctx context.Context) ([]incident.Incident, error) {
	req, _ := labels.NewRequirement(LabelState, selection.NotEquals, []string{string(incident.Resolved)})
	incs, err := c.list(ctx, incidentSelector().Add(*req))
	if err != nil {
		return nil, fmt.Errorf("list active incidents: %w", err)
	}
	sortIncidents(incs)
	return incs, nil
}

// History returns the incidents not resolved before since, oldest first.
func (c *ConfigMaps) History(ctx context.Context, since time.Time) ([]incident.Incident, error) {
	all, err := c.list(ctx, incidentSelector())
	if err != nil {
		return nil, fmt.Errorf("list incidents: %w", err)
	}
	var out []incident.Incident
	for _, inc := range all {
		if inHistory(inc, since) {
			out = append(out, inc)
		}
	}
	sortIncidents(out)
	return out, nil
}

func (c *ConfigMaps) list(ctx context.Context, sel labels.Selector) ([]incident.Incident, error) {
	var out []incident.Incident
	opts := metav1.ListOptions{LabelSelector: sel.String(), Limit: 250}
	for {
		l, err := c.api().List(ctx, opts)
		if err != nil {
			return nil, err
		}
		for _, cm := range l.Items {
			var inc incident.Incident
			if err := json.Unmarshal([]byte(cm.Data[incidentKey]), &inc); err != nil {
				return nil, fmt.Errorf("configmap %s/%s: %w", cm.Namespace, cm.Name, err)
			}
			out = append(out, inc)
		}
		if l.Continue == "" {
			return out, nil
		}
		opts.Continue = l.Continue
	}
}

// Save creates or replaces the incident's ConfigMap. Saving a resolved
// incident also prunes (see Prune).
func (c *ConfigMaps) Save(ctx context.Context, inc incident.Incident) error {
	data, err := fitIncident(inc)
	if err != nil {
		return fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	name := incidentName(inc.ID)
	err = c.upsert(ctx, name, "incident", func(cm *corev1.ConfigMap) (bool, error) {
		cm.Labels[LabelState] = string(inc.State)
		if cm.Annotations == nil {
			cm.Annotations = map[string]string{}
		}
		cm.Annotations[AnnotationID] = inc.ID
		cm.Data = map[string]string{incidentKey: string(data)}
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	if inc.State == incident.Resolved {
		if err := c.Prune(ctx); err != nil {
			return fmt.Errorf("incident %s saved, but: %w", inc.ID, err)
		}
	}
	return nil
}

// Prune deletes resolved incidents past retention, expired silences and
// the message references of subjects gone past retention. Save calls it
// whenever an incident is resolved.
func (c *ConfigMaps) Prune(ctx context.Context) error {
	now := c.opts.Now()
	if c.opts.Retention > 0 {
		req, _ := labels.NewRequirement(LabelState, selection.Equals, []string{string(incident.Resolved)})
		l, err := c.api().List(ctx, metav1.ListOptions{LabelSelector: incidentSelector().Add(*req).String()})
		if err != nil {
			return fmt.Errorf("prune incidents: %w", err)
		}
		for _, cm := range l.Items {
			var inc incident.Incident
			if json.Unmarshal([]byte(cm.Data[incidentKey]), &inc) != nil || !expired(inc, c.opts.Retention, now) {
				continue
			}
			// The precondition keeps an incident another replica just
			// changed.
			rv := cm.ResourceVersion
			err := c.api().Delete(ctx, cm.Name, metav1.DeleteOptions{Preconditions: &metav1.Preconditions{ResourceVersion: &rv}})
			if err != nil && !apierrors.IsNotFound(err) && !apierrors.IsConflict(err) {
				return fmt.Errorf("prune incident %s: %w", inc.ID, err)
			}
		}
	}
	err := c.updateMap(ctx, silencesName, func(data map[string]string) bool {
		changed := false
		for k, v := range data {
			var s Silence
			if json.Unmarshal([]byte(v), &s) == nil && !s.Until.After(now) {
				delete(data, k)
				changed = true
			}
		}
		return changed
	})
	if err != nil {
		return err
	}
	return c.pruneMessages(ctx, now)
}

// PutSilence creates or replaces the silence of s.Key.
func (c *ConfigMaps) PutSilence(ctx context.Context, s Silence) error {
	v, err := json.Marshal(s)
	if err != nil {
		return err
	}
	err = c.updateMap(ctx, silencesName, func(data map[string]string) bool {
		data[dataKey("s-", silenceID(s.Key))] = string(v)
		return true
	})
	if err != nil {
		return fmt.Errorf("save silence of %s: %w", s.Key, err)
	}
	return nil
}

// DeleteSilence removes the silence of key.
func (c *ConfigMaps) DeleteSilence(ctx context.Context, key incident.Key) error {
	k := dataKey("s-", silenceID(key))
	err := c.updateMap(ctx, silencesName, func(data map[string]string) bool {
		_, ok := data[k]
		delete(data, k)
		return ok
	})
	if err != nil {
		return fmt.Errorf("delete silence of %s: %w", key, err)
	}
	return nil
}

// Silences returns the unexpired silences, ordered by key.
func (c *ConfigMaps) Silences(ctx context.Context) ([]Silence, error) {
	cm, err := c.api().Get(ctx, silencesName, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read silences: %w", err)
	}
	now := c.opts.Now()
	var out []Silence
	for k, v := range cm.Data {
		var s Silence
		if err := json.Unmarshal([]byte(v), &s); err != nil {
			return nil, fmt.Errorf("silence %s in configmap %s: %w", k, silencesName, err)
		}
		if s.Until.After(now) {
			out = append(out, s)
		}
	}
	sortSilences(out)
	return out, nil
}

// digestRun is one channel's entry in the digest-runs ConfigMap; keys of
// ConfigMap data cannot hold every channel name, so the name is inside.
type digestRun struct {
	Channel string    `json:"channel"`
	LastRun time.Time `json:"last_run"`
}

// LastDigest returns when channel last received a digest.
func (c *ConfigMaps) LastDigest(ctx context.Context, channel string) (time.Time, error) {
	cm, err := c.api().Get(ctx, digestRunsName, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("read digest run of %s: %w", channel, err)
	}
	v, ok := cm.Data[dataKey("c-", channel)]
	if !ok {
		return time.Time{}, nil
	}
	var r digestRun
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		return time.Time{}, fmt.Errorf("digest run of %s: %w", channel, err)
	}
	return r.LastRun, nil
}

// RecordDigest records a digest sent to channel at at, unless a later one is recorded.
func (c *ConfigMaps) RecordDigest(ctx context.Context, channel string, at time.Time) error {
	k := dataKey("c-", channel)
	err := c.updateMap(ctx, digestRunsName, func(data map[string]string) bool {
		var prev digestRun
		if v, ok := data[k]; ok && json.Unmarshal([]byte(v), &prev) == nil && !at.After(prev.LastRun) {
			return false
		}
		v, _ := json.Marshal(digestRun{Channel: channel, LastRun: at.UTC()})
		data[k] = string(v)
		return true
	})
	if err != nil {
		return fmt.Errorf("record digest run of %s: %w", channel, err)
	}
	return nil
}

// updateMap applies change to the data of the shared ConfigMap name.
func (c *ConfigMaps) updateMap(ctx context.Context, name string, change func(map[string]string) bool) error {
	return c.upsert(ctx, name, name, func(cm *corev1.ConfigMap) (bool, error) {
		if cm.Data == nil {
			cm.Data = map[string]string{}
		}
		if !change(cm.Data) {
			return false, nil
		}
		if dataSize(cm.Data) > maxConfigMapBytes {
			return false, fmt.Errorf("configmap %s: %w", name, ErrTooLarge)
		}
		return true, nil
	})
}

// upsert reads the ConfigMap name, lets mutate change it and writes it back
// with the read resourceVersion as precondition (create when missing),
// retrying the whole read-modify-write on conflict. mutate returns false to
// write nothing.
func (c *ConfigMaps) upsert(ctx context.Context, name, object string, mutate func(*corev1.ConfigMap) (bool, error)) error {
	return retry.OnError(retry.DefaultRetry, func(err error) bool {
		return apierrors.IsConflict(err) || apierrors.IsAlreadyExists(err)
	}, func() error {
		cm, err := c.api().Get(ctx, name, metav1.GetOptions{})
		create := apierrors.IsNotFound(err)
		switch {
		case create:
			cm = &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: c.namespace}}
		case err != nil:
			return err
		}
		if cm.Labels == nil {
			cm.Labels = map[string]string{}
		}
		cm.Labels[LabelManagedBy] = ManagedBy
		cm.Labels[LabelObject] = object
		write, err := mutate(cm)
		if err != nil || !write {
			return err
		}
		if create {
			_, err = c.api().Create(ctx, cm, metav1.CreateOptions{})
		} else {
			_, err = c.api().Update(ctx, cm, metav1.UpdateOptions{})
		}
		return err
	})
}

func incidentSelector() labels.Selector {
	return labels.SelectorFromSet(labels.Set{LabelManagedBy: ManagedBy, LabelObject: "incident"})
}

// incidentName maps an incident ID (which holds '/' and '[') to a valid
// ConfigMap name.
func incidentName(id string) string { return incidentPrefix + hash(id) }

// dataKey maps any string to a valid ConfigMap data key.
func dataKey(prefix, s string) string { return prefix + hash(s) }

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

func dataSize(data map[string]string) int {
	n := 0
	for k, v := range data {
		n += len(k) + len(v)
	}
	return n
}

// fitIncident encodes inc within a ConfigMap's limit, dropping log excerpts
// and evidence (the incident's Slack message still shows them) when it must.
func fitIncident(inc incident.Incident) ([]byte, error) {
	shrink := []func(*incident.Incident){
		func(*incident.Incident) {},
		func(i *incident.Incident) {
			for j := range i.Report.Containers {
				i.Report.Containers[j].LogExcerpt, i.Report.Containers[j].Evidence = nil, nil
			}
		},
		func(i *incident.Incident) { i.Report.LogExcerpt, i.Report.Evidence = nil, nil },
		func(i *incident.Incident) { i.Report.Containers = nil },
	}
	inc.Report.Containers = append(inc.Report.Containers[:0:0], inc.Report.Containers...)
	for _, f := range shrink {
		f(&inc)
		data, err := json.Marshal(inc)
		if err != nil {
			return nil, err
		}
		if len(data)+len(incidentKey) <= maxConfigMapBytes {
			return data, nil
		}
	}
	return nil, ErrTooLarge
}
