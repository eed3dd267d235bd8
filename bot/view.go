package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crashloop-bot/crashloop-bot/change"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// categoryTitles are the human names of diagnosis categories.
var categoryTitles = map[diagnose.Category]string{
	diagnose.OOMKilled:             "Out of memory",
	diagnose.LivenessProbe:         "Killed by its liveness probe",
	diagnose.ExecFormat:            "Binary for the wrong CPU architecture",
	diagnose.CommandNotFound:       "Command not found",
	diagnose.MissingConfigObject:   "Missing Secret or ConfigMap",
	diagnose.Completed:             "Exits 0 and is restarted",
	diagnose.Segfault:              "Segmentation fault",
	diagnose.PortConflict:          "Port already in use",
	diagnose.PermissionDenied:      "Permission denied",
	diagnose.DependencyUnavailable: "Dependency unavailable",
	diagnose.ConfigError:           "Configuration error",
	diagnose.AppCrash:              "Application crash",
	diagnose.Unknown:               "Unknown cause",
}

// categoryTitle names a category for people: "Out of memory".
func categoryTitle(c diagnose.Category) string {
	if t, ok := categoryTitles[c]; ok {
		return t
	}
	if c == "" {
		return categoryTitles[diagnose.Unknown]
	}
	s := strings.ReplaceAll(string(c), "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// workload is "namespace/name" of an incident's workload.
func workload(k incident.Key) string {
	if k.Namespace == "" {
		return k.Name
	}
	return k.Namespace + "/" + k.Name
}

// finding returns the diagnosis of the incident's container: the Finding
// of that container if the report lists it, else the report's main one.
func finding(inc incident.Incident) diagnose.Finding {
	r := inc.Report
	if inc.Key.Container == "" || r.Container == inc.Key.Container {
		return r.Finding
	}
	for _, f := range r.Containers {
		if f.Container == inc.Key.Container {
			return f
		}
	}
	return r.Finding
}

// otherFindings are the report's failing containers other than the
// incident's own.
func otherFindings(inc incident.Incident, main diagnose.Finding) []diagnose.Finding {
	var out []diagnose.Finding
	for _, f := range inc.Report.Containers {
		if f.Container != main.Container {
			out = append(out, f)
		}
	}
	return out
}

// restarts is the highest restart count known for the incident.
func restarts(inc incident.Incident, f diagnose.Finding) int32 {
	return max(inc.Restarts, f.Restarts)
}

// podCount is the number of affected pods, at least the names it knows.
func podCount(inc incident.Incident) int {
	return max(inc.PodCount, len(inc.Pods))
}

// containerLabel is "api" or "migrate (init container)".
func containerLabel(name, typ string) string {
	switch typ {
	case "", "app", "pod":
		return name
	case "init":
		return name + " (init container)"
	}
	return name + " (" + typ + ")"
}

// exitCode is "137 (SIGKILL)", or "" when the container has not exited.
func exitCode(f diagnose.Finding) string {
	if f.ExitCode == nil {
		return ""
	}
	s := strconv.Itoa(int(*f.ExitCode))
	if f.Signal != "" {
		s += " (" + f.Signal + ")"
	} else if f.Reason != "" && f.Reason != "Error" {
		s += " (" + f.Reason + ")"
	}
	return s
}

// isCommand reports whether a next step is a command to run, shown as code.
func isCommand(step string) bool {
	return strings.HasPrefix(step, "kubectl ") && !strings.Contains(step, "`")
}

// humanDuration is a short duration: "45s", "14m", "2h5m", "3d4h".
func humanDuration(d time.Duration) string {
	switch {
	case d < 0:
		d = 0
		fallthrough
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		h := int(d.Hours())
		if m := int(d.Minutes()) % 60; m != 0 {
			return fmt.Sprintf("%dh%dm", h, m)
		}
		return fmt.Sprintf("%dh", h)
	}
	days := int(d.Hours()) / 24
	if h := int(d.Hours()) % 24; h != 0 {
		return fmt.Sprintf("%dd%dh", days, h)
	}
	return fmt.Sprintf("%dd", days)
}

// silenced reports whether the incident is silenced as of its last update.
func silenced(inc incident.Incident) bool {
	return !inc.SilencedUntil.IsZero() && inc.SilencedUntil.After(inc.UpdatedAt)
}

// headline is the title of an incident's message without emoji:
// "CrashLoopBackOff: payments/api" or "Resolved: payments/api".
func headline(inc incident.Incident) (emoji, text string) {
	if inc.State == incident.Resolved {
		return "✅", "Resolved: " + workload(inc.Key)
	}
	if silenced(inc) {
		return "🔕", "CrashLoopBackOff (silenced): " + workload(inc.Key)
	}
	return "🔴", "CrashLoopBackOff: " + workload(inc.Key)
}

// whatChanged is the one-line account of what changed in the workload
// before the crash loop ("began 2 min after rollout to revision 14: ..."),
// "" when unknown.
func whatChanged(inc incident.Incident) string {
	if inc.Rollout == nil {
		return ""
	}
	return change.Describe(*inc.Rollout, inc.OpenedAt, inc.UpdatedAt)
}

// nextSteps are the rollout's steps (a rollback first, when it is sound
// advice), then the diagnosis'.
func nextSteps(inc incident.Incident, f diagnose.Finding) []string {
	var steps []string
	if inc.Rollout != nil {
		steps = append(steps, change.NextSteps(*inc.Rollout, inc.OpenedAt)...)
	}
	return append(steps, f.NextSteps...)
}
