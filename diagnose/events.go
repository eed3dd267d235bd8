package diagnose

import (
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// EventTime is the latest time an event was seen, whichever API wrote it:
// lastTimestamp, series.lastObservedTime or eventTime, else firstTimestamp,
// else its creation.
func EventTime(e *corev1.Event) time.Time {
	t := e.LastTimestamp.Time
	if e.Series != nil && e.Series.LastObservedTime.After(t) {
		t = e.Series.LastObservedTime.Time
	}
	if e.EventTime.After(t) {
		t = e.EventTime.Time
	}
	if t.IsZero() {
		t = e.FirstTimestamp.Time
	}
	if t.IsZero() {
		t = e.CreationTimestamp.Time
	}
	return t
}

// eventCount is how often an event was seen.
func eventCount(e *corev1.Event) int32 {
	if e.Series != nil && e.Series.Count > e.Count {
		return e.Series.Count
	}
	return max(e.Count, 1)
}

// sortedEvents returns a copy of events, newest first (stable for equal
// times, so the output is deterministic).
func sortedEvents(events []corev1.Event) []corev1.Event {
	out := make([]corev1.Event, 0, len(events))
	for _, e := range events {
		if !strings.Contains(e.Message, ">") || !reArrowMended.MatchString(strings.ToLower(e.Message)) {
			out = append(out, e) // (an event the reporter pasted with its fix after an arrow is over)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return EventTime(&out[i]).After(EventTime(&out[j])) })
	return out
}

// forContainer reports whether e is about container v: its fieldPath names
// it, or its message does. An event with neither (pasted from `kubectl
// describe`, which prints no field path) is about every container its
// message does not name another one of.
func forContainer(e *corev1.Event, v *containerView) bool {
	fp := e.InvolvedObject.FieldPath
	if fp != "" {
		return strings.HasSuffix(fp, "{"+v.name+"}")
	}
	if namesContainer(e.Message, v.name) {
		return true
	}
	for _, o := range v.others {
		if namesContainer(e.Message, o) {
			return false
		}
	}
	return true
}

// namesContainer reports whether an event message names container c.
func namesContainer(m, c string) bool {
	for _, form := range []string{"container " + c + " ", "container " + c + ",", `container "` + c + `"`, "container=" + c + " ", "container " + c + "\n", "Container " + c + " "} {
		if strings.Contains(m+"\n", form) {
			return true
		}
	}
	return strings.HasSuffix(m, "container "+c)
}

// hasBackOff reports a kubelet crash back-off event for the container (not
// an image pull back-off).
func hasBackOff(events []corev1.Event, v *containerView) bool {
	for i := range events {
		e := &events[i]
		if e.Reason == "BackOff" && strings.HasPrefix(e.Message, "Back-off restarting failed container") &&
			(forContainer(e, v) || e.Message == "Back-off restarting failed container") {
			return true
		}
	}
	return false
}

// startedOften reports the kubelet's events of starting the container
// (Started, Created, Pulled) counted five times or more.
func startedOften(events []corev1.Event, v *containerView) bool {
	for i := range events {
		e := &events[i]
		if (e.Reason == "Started" || e.Reason == "Created" || e.Reason == "Pulled") && eventCount(e) >= 5 && forContainer(e, v) {
			return true
		}
	}
	return false
}

// describeEvent quotes an event for evidence: "event Killing (x3): msg".
func describeEvent(e *corev1.Event) string {
	s := "event " + e.Reason
	if n := eventCount(e); n > 1 {
		s += " (x" + itoa(int(n)) + ")"
	}
	return s + ": " + strings.TrimSpace(e.Message)
}

// nearTermination reports whether an event happened around the
// termination t (or times are unknown).
func nearTermination(e *corev1.Event, t *corev1.ContainerStateTerminated) bool {
	et := EventTime(e)
	if t == nil || et.IsZero() || t.FinishedAt.IsZero() {
		return true
	}
	lo := t.FinishedAt.Add(-crashLoopWindow)
	if !t.StartedAt.IsZero() && t.StartedAt.Time.Add(-time.Minute).After(lo) {
		lo = t.StartedAt.Time.Add(-time.Minute)
	}
	return et.After(lo) && et.Before(t.FinishedAt.Add(crashLoopWindow))
}
