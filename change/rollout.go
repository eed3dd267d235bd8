package change

import (
	"strconv"
	"strings"
	"time"
)

// Revision is one revision of a workload's pod template: a Deployment's
// ReplicaSet or a StatefulSet's or DaemonSet's ControllerRevision.
type Revision struct {
	// Number is the revision number: the ReplicaSet's
	// deployment.kubernetes.io/revision or the ControllerRevision's revision.
	Number int64 `json:"number"`
	// Name names the ReplicaSet or ControllerRevision.
	Name string `json:"name"`
	// Created is when the object was created.
	Created time.Time `json:"created"`
	// RolledOutAt is when the workload moved to this revision: Created, or
	// later when a rollback reused the object and gave it a new number.
	RolledOutAt time.Time `json:"rolled_out_at"`
	// Ready counts the revision's ready pods when it was looked at.
	Ready int32 `json:"ready"`
}

// ConfigChange is a ConfigMap the pod reads, with when it last changed.
type ConfigChange struct {
	// Kind is "ConfigMap".
	Kind string `json:"kind"`
	Name string `json:"name"`
	// ModifiedAt is the latest managedFields time, or the creation time.
	ModifiedAt time.Time `json:"modified_at,omitzero"`
	// Manager is the field manager of the latest modification
	// ("kubectl-edit", "helm"), if known.
	Manager string `json:"manager,omitempty"`
	// Missing: the ConfigMap does not exist and the pod does not mark it optional.
	Missing bool `json:"missing,omitempty"`
}

// Rollout is what changed under a crashing pod: the revision it runs, the
// one before, what differs between their pod templates, and the ConfigMaps
// and Secrets it reads.
type Rollout struct {
	// Kind, Namespace and Name name the workload (Deployment, StatefulSet, DaemonSet).
	Kind      string `json:"kind"`
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	// Current is the revision the crashing pod runs; nil when unknown.
	Current *Revision `json:"current,omitempty"`
	// Previous is the revision numbered just below Current; nil when there is none.
	Previous *Revision `json:"previous,omitempty"`
	// HistoryUnknown: the workload's other revisions could not be read, so
	// a nil Previous does not mean there is none.
	HistoryUnknown bool `json:"history_unknown,omitempty"`
	// Latest is the highest revision number the workload has; above
	// Current.Number when the workload has already moved on.
	Latest int64 `json:"latest,omitempty"`
	// Changes are Diff(Previous, Current).
	Changes []Change `json:"changes,omitempty"`
	// Config lists the ConfigMaps the pod reads.
	Config []ConfigChange `json:"config,omitempty"`
	// Secrets names the Secrets the pod reads. They are never read.
	Secrets []string `json:"secrets,omitempty"`
	// Gaps says what could not be read and why ("replicasets: forbidden").
	Gaps []string `json:"gaps,omitempty"`
}

// Thresholds for Describe and Rollback.
const (
	// RecentRollout: a crash loop that began within this time after a
	// rollout is described relative to it.
	RecentRollout = 24 * time.Hour
	// RecentConfig: a ConfigMap modified within this time before the crash
	// loop began is mentioned.
	RecentConfig = time.Hour
	// HealthyRun: a previous revision that was the workload's revision for
	// this long counts as healthy even when no pod of it is ready now.
	HealthyRun = 30 * time.Minute
)

// IsRollback reports whether the current revision reused an older template
// (kubectl rollout undo): its object is older than the previous revision's.
func (r Rollout) IsRollback() bool {
	return r.Current != nil && r.Previous != nil && r.Current.Created.Before(r.Previous.Created)
}

// PreviousHealthy reports whether the previous revision looks healthy: some
// of its pods are ready, or it ran for HealthyRun before it was replaced.
func (r Rollout) PreviousHealthy() bool {
	if r.Current == nil || r.Previous == nil {
		return false
	}
	return r.Previous.Ready > 0 || r.Current.RolledOutAt.Sub(r.Previous.RolledOutAt) >= HealthyRun
}

// Rollback returns the kubectl command that rolls the workload back to the
// previous revision, when that is sound advice: the crash loop began within
// RecentRollout after the rollout, the crashing revision is the latest and
// not itself a rollback, and the previous one was healthy. Otherwise "".
func (r Rollout) Rollback(crashStarted time.Time) string {
	if r.Current == nil || r.Previous == nil || r.IsRollback() || !r.PreviousHealthy() {
		return ""
	}
	if r.Latest > r.Current.Number || crashStarted.Sub(r.Current.RolledOutAt) > RecentRollout {
		return ""
	}
	return RollbackCommand(r.Kind, r.Namespace, r.Name, r.Previous.Number)
}

// RollbackCommand returns "kubectl rollout undo deployment/NAME -n NS
// --to-revision=N" for a Deployment, StatefulSet or DaemonSet, "" for other
// kinds. The bot prints it; it never changes the cluster.
func RollbackCommand(kind, namespace, name string, toRevision int64) string {
	switch kind {
	case "Deployment", "StatefulSet", "DaemonSet":
	default:
		return ""
	}
	return "kubectl rollout undo " + strings.ToLower(kind) + "/" + name + " -n " + namespace +
		" --to-revision=" + strconv.FormatInt(toRevision, 10)
}

// NextSteps lists what to do about the rollout: roll back (see Rollback),
// inspect the revision, check the Secrets the bot does not read.
func NextSteps(r Rollout, crashStarted time.Time) []string {
	var steps []string
	if cmd := r.Rollback(crashStarted); cmd != "" {
		steps = append(steps,
			"Revision "+itoa(r.Previous.Number)+" was healthy; roll back to it while revision "+itoa(r.Current.Number)+" is fixed:",
			cmd)
	}
	if r.Current != nil && r.Previous != nil && RollbackCommand(r.Kind, r.Namespace, r.Name, 0) != "" {
		steps = append(steps, "kubectl rollout history "+strings.ToLower(r.Kind)+"/"+r.Name+" -n "+r.Namespace+" --revision="+itoa(r.Current.Number))
	}
	if len(r.Secrets) > 0 {
		noun := "Secret "
		if len(r.Secrets) > 1 {
			noun = "Secrets "
		}
		steps = append(steps, "The pod also reads "+noun+strings.Join(r.Secrets, ", ")+"; the bot never reads Secrets, so check whether they changed.")
	}
	return steps
}

// Describe says in one line how the crash loop relates to the workload's
// history: "began 2 min after rollout to revision 14: image api:1.8.2 ->
// api:1.9.0, env LOG_LEVEL added" or "the workload has not changed for 12
// days" (nothing about a new workload's first revision), followed by
// recently modified and missing ConfigMaps.
// crashStarted is when the crash loop began (now when zero). It returns ""
// when nothing is known.
func Describe(r Rollout, crashStarted, now time.Time) string {
	if crashStarted.IsZero() {
		crashStarted = now
	}
	var parts []string
	if c := r.Current; c != nil {
		gap := crashStarted.Sub(c.RolledOutAt)
		recent := gap <= RecentRollout
		switch {
		case r.Latest > c.Number:
			parts = append(parts, "the pod runs revision "+itoa(c.Number)+" but the workload is at revision "+itoa(r.Latest))
		case r.Previous == nil && r.HistoryUnknown && recent:
			parts = append(parts, "began "+ago(gap)+" after rollout to revision "+itoa(c.Number)+" (earlier revisions unreadable)")
		case r.Previous == nil && r.HistoryUnknown:
			parts = append(parts, "the workload has not changed for "+ago(now.Sub(c.RolledOutAt)))
		case r.Previous == nil && recent && c.Number > 1:
			// Revision history pruned (revisionHistoryLimit): a rollout
			// happened, but what it changed is gone.
			parts = append(parts, "began "+ago(gap)+" after rollout to revision "+itoa(c.Number)+" (earlier revisions no longer kept)")
		case r.Previous == nil && recent:
			// The first revision is the workload's creation: nothing
			// changed, and "began 0 s after revision 1 was created" only
			// says that a new workload crashes, which the alert says.
		case r.Previous == nil:
			parts = append(parts, "the workload has not changed for "+ago(now.Sub(c.RolledOutAt)))
		case recent:
			verb := "rollout"
			if r.IsRollback() {
				verb = "rollback"
			}
			s := "began " + ago(gap) + " after " + verb + " to revision " + itoa(c.Number)
			if sum := Summarize(r.Changes); sum != "" {
				s += ": " + sum
			} else {
				s += " (pod template unchanged)"
			}
			parts = append(parts, s)
		default:
			parts = append(parts, "the workload has not changed for "+ago(now.Sub(c.RolledOutAt)))
		}
	}
	for _, cfg := range r.Config {
		kind := strings.ToLower(cfg.Kind)
		if cfg.Missing {
			parts = append(parts, kind+" "+cfg.Name+" is missing")
			continue
		}
		before := crashStarted.Sub(cfg.ModifiedAt)
		if cfg.ModifiedAt.IsZero() || before < -time.Minute || before > RecentConfig {
			continue
		}
		s := kind + " " + cfg.Name + " was modified "
		if cfg.Manager != "" {
			s += "by " + cfg.Manager + " "
		}
		if before < time.Minute {
			s += "just before the crash loop began"
		} else {
			s += ago(before) + " before the crash loop began"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// ago renders a duration as people say it: "40 s", "2 min", "5 h", "12 days".
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return itoa(int64(max(d, 0)/time.Second)) + " s"
	case d < time.Hour:
		return itoa(int64(d/time.Minute)) + " min"
	case d < 48*time.Hour:
		return itoa(int64(d/time.Hour)) + " h"
	}
	return itoa(int64(d/(24*time.Hour))) + " days"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
