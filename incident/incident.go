// Package incident decides what to tell people about crash loops: it groups
// crashing pods into one incident per workload and container, waits a short
// group-wait before the first message, updates the incident as it changes,
// resolves it when the workload has run healthy for a while, and hands each
// decision (with its reason) to a Notifier. It does no Kubernetes or Slack
// I/O itself.
package incident

import (
	"fmt"
	"time"

	"github.com/crashloop-bot/crashloop-bot/change"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// Key identifies what an incident is about: one container of one workload.
type Key struct {
	Cluster   string `json:"cluster"`
	Namespace string `json:"namespace"`
	// Kind and Name name the top-level owner (Deployment, StatefulSet,
	// DaemonSet, CronJob, Job, or Pod for a bare pod).
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Container string `json:"container"`
}

// String renders the key as namespace/Kind/name[container].
func (k Key) String() string {
	return fmt.Sprintf("%s/%s/%s[%s]", k.Namespace, k.Kind, k.Name, k.Container)
}

// State is an incident's life-cycle state.
type State string

// States of an incident.
const (
	// Pending: seen, waiting for the group-wait before the first message.
	Pending State = "pending"
	// Open: announced and still crashing (or not yet healthy long enough).
	Open State = "open"
	// Resolved: every pod of the workload has run ready for resolve_after.
	Resolved State = "resolved"
)

// MaxPodNames bounds how many affected pod names an incident remembers; the
// count keeps going.
const MaxPodNames = 50

// Incident is one crash-looping workload container, from first crash to recovery.
type Incident struct {
	// ID is unique across incidents of the same key: a workload that crashes
	// again after it was resolved opens a new incident with a new ID.
	ID    string `json:"id"`
	Key   Key    `json:"key"`
	State State  `json:"state"`

	// Channel is where the incident is announced, as routed. Where its
	// message ended up is the notifier's business, not the incident's.
	Channel string `json:"channel"`

	OpenedAt    time.Time `json:"opened_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	LastCrashAt time.Time `json:"last_crash_at"`
	ResolvedAt  time.Time `json:"resolved_at,omitzero"`

	// Pods are the names of affected pods (at most MaxPodNames); PodCount
	// counts all of them.
	Pods     []string `json:"pods"`
	PodCount int      `json:"pod_count"`
	// Restarts is the highest restart count seen on any affected pod.
	Restarts int32 `json:"restarts"`
	// Nodes are the nodes of the affected pods (at most MaxPodNames);
	// Image is the crashing container's image (digest when known);
	// ConfigMaps are those the pod reads. They tell the blast radius.
	Nodes      []string `json:"nodes,omitempty"`
	Image      string   `json:"image,omitempty"`
	ConfigMaps []string `json:"config_maps,omitempty"`
	// Related names other open incidents of the same category that share a
	// node, image or ConfigMap with this one ("" when none).
	Related string `json:"related,omitempty"`

	// Selector selects the workload's pods for the recovery check; empty
	// means only the pods listed in Pods are checked.
	Selector string `json:"selector,omitempty"`

	// Report is the latest diagnosis, of the most recently crashed pod.
	Report diagnose.Report `json:"report"`
	// Rollout says what changed in the workload before the crash loop
	// (revisions, template diff, ConfigMaps); nil when unknown.
	Rollout *change.Rollout `json:"rollout,omitempty"`

	// SilencedUntil mutes notifications until then.
	SilencedUntil time.Time `json:"silenced_until,omitzero"`
}

// Reason says why a notification is sent; logs carry it.
type Reason string

// Reasons for a notification.
const (
	// FirstNotification announces a new incident: post a message.
	FirstNotification Reason = "first_notification"
	// Updated: restarts, affected pods or the diagnosis changed: update the message.
	Updated Reason = "updated"
	// Resolved: the workload recovered: update the message and say so in its thread.
	ResolvedReason Reason = "resolved"
)

// Notification is one decision for a Notifier: the incident as it is now,
// and a short note for the incident's thread (empty for none).
type Notification struct {
	Reason   Reason
	Incident Incident
	// Thread is text for a reply in the incident's thread, e.g. "3 more pods
	// are crashing" or "Resolved after 14m".
	Thread string
}

// Observation is one confirmed crash of one pod, diagnosed: the input the
// Manager turns into incidents.
type Observation struct {
	Key Key
	// Pod is the crashing pod's name; Labels its labels, for routing.
	Pod    string
	Labels map[string]string
	// Selector is the workload's pod label selector ("" when unknown), for
	// the recovery check.
	Selector  string
	Restarts  int32
	CrashedAt time.Time
	Report    diagnose.Report
	// Rollout is what changed in the workload, when looked up.
	Rollout *change.Rollout
	// Node, Image and ConfigMaps tell the blast radius (see Incident).
	Node       string
	Image      string
	ConfigMaps []string
}
