// Package incident decides what to tell people about crash loops, and
// when: it groups crashing pods into one incident per workload and
// container, groups many workloads crashing for one shared cause into a
// storm, waits a short group-wait before the first notification, tells
// changes at most every update interval, resolves an incident when the
// workload has run healthy for a while, and hands each decision (with its
// reason) to a Notifier. It speaks no Slack (no channel IDs, no message
// timestamps, no wording) and does no Kubernetes or Slack I/O itself.
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
	// Secrets are the Secrets the pod references (by name; never read).
	Secrets []string `json:"secrets,omitempty"`
	// Storm is the storm the incident was announced in, nil when it has a
	// message of its own.
	Storm *StormRef `json:"storm,omitempty"`
	// Related names other open incidents of the same category that share a
	// node, image or ConfigMap with this one ("" when none).
	Related string `json:"related,omitempty"`

	// Selector selects the workload's pods for the recovery check; empty
	// means only the pods listed in Pods are checked.
	Selector string `json:"selector,omitempty"`
	// Labels are the crashing pod's labels, as routes saw them: a digest
	// scoped by a label selector matches them like the alert route did.
	Labels map[string]string `json:"labels,omitempty"`

	// Report is the latest diagnosis, of the most recently crashed pod.
	Report diagnose.Report `json:"report"`
	// Rollout says what changed in the workload before the crash loop
	// (revisions, template diff, ConfigMaps); nil when unknown.
	Rollout *change.Rollout `json:"rollout,omitempty"`
	// Gaps say what the latest diagnosis could not read (events forbidden,
	// a log gone), so the message does not pass a guess off as the whole
	// picture.
	Gaps []string `json:"gaps,omitempty"`

	// SilencedUntil is when the silence of the incident's key ends (zero:
	// not silenced). It is a view of the store's silences, the one source
	// of truth, filled in by the Manager for notifications; it is not
	// persisted with the incident.
	SilencedUntil time.Time `json:"-"`
}

// Reason says why a notification is sent, or why none is; every decision
// is logged with its reason.
type Reason string

// Reasons for a decision about an incident.
const (
	// FirstNotification announces a new incident: post a message.
	FirstNotification Reason = "first_notification"
	// Updated: restarts, affected pods, the diagnosis or the silence
	// changed: update the message.
	Updated Reason = "updated"
	// ResolvedReason: the workload recovered: update the message and say so.
	ResolvedReason Reason = "resolved"

	// Reasons for sending nothing.

	// Waiting: the incident is within its group-wait.
	Waiting Reason = "group_wait"
	// Gathering: the group-wait is over, but a storm may still form
	// around the incident; it waits at most one more group-wait.
	Gathering Reason = "storm_forming"
	// Silenced: something changed, but the incident's key is silenced.
	Silenced Reason = "silenced"
	// Throttled: something changed, but the last update is more recent
	// than the update interval.
	Throttled Reason = "throttled"
	// NoChange: nothing to tell.
	NoChange Reason = "no_change"
)

// Notification is one decision for a Notifier: the incident (or storm) as
// it is now, and what changed since the last notification. How to say it
// (a message, a thread reply, a terminal line) is the Notifier's business.
type Notification struct {
	Reason Reason
	// Incident is the incident the notification is about; zero in a
	// storm's own notification.
	Incident Incident
	// Storm is, in a storm's own notification, the storm with its members;
	// in a member incident's notification, the storm it belongs to
	// (without members): tell it as part of the storm. Nil otherwise.
	Storm *Storm
	// Notes are what happened since the last notification, oldest first.
	Notes []Note
}

// IsStorm reports whether n is about a storm itself rather than an incident.
func (n Notification) IsStorm() bool { return n.Storm != nil && n.Incident.ID == "" }

// Subject is the ID of what n is about: the storm's, or the incident's.
func (n Notification) Subject() string {
	if n.IsStorm() {
		return n.Storm.ID
	}
	return n.Incident.ID
}

// NoteKind says what a Note reports.
type NoteKind string

// Kinds of notes.
const (
	// PodCrashing: Pod began crash-looping too; Pods affected in all.
	PodCrashing NoteKind = "pod_crashing"
	// DiagnosisChanged: the cause changed From a category To another; Summary explains the new one.
	DiagnosisChanged NoteKind = "diagnosis_changed"
	// RelatedFound: other workloads crash the same way nearby; Text is the blast-radius line.
	RelatedFound NoteKind = "related"
	// SilenceSet: the incident is silenced Until, By someone.
	SilenceSet NoteKind = "silenced"
	// SilenceLifted: a silence was lifted before it ended.
	SilenceLifted NoteKind = "silence_lifted"
	// SilenceEnded: the silence ran out; changes held back are shown now.
	SilenceEnded NoteKind = "silence_ended"
	// Recovered: the workload is healthy: Pods pods (0: none left) ready Since.
	Recovered NoteKind = "recovered"
)

// Note is one thing that happened to an incident; which fields are set
// depends on Kind.
type Note struct {
	Kind     NoteKind
	Pod      string
	Pods     int
	From, To diagnose.Category
	Summary  string
	Text     string
	Until    time.Time
	By       string
	Since    time.Time
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
	// Node, Image, ConfigMaps and Secrets tell the blast radius and the
	// factors a storm can share (see Incident).
	Node       string
	Image      string
	ConfigMaps []string
	Secrets    []string
	// Gaps say what the diagnosis could not read (see Incident).
	Gaps []string
}
