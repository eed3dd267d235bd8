package diagnose

import (
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// A reporter's title often states the cause they suspect as a fact ("Pod
// OOMKilled on startup", "Liveness probe restarts my API"), and a report
// often lists the fixes already tried ("raised memory to 512Mi", "removed
// the liveness probe"). When the container's recorded termination rules
// the stated cause out, or the report says the fixes made no difference,
// those lines are set aside and the program's own line decides
// (diagnoseContainer re-reads the log without them).

// claimRuledOut reports a cause the container's recorded termination
// rules out: no memory kill when it exited with its own error code and
// reason (an OOM kill is 137 or reason OOMKilled), no probe kill when it
// exited with its own error code and no probe failure is recorded (the
// kubelet stops a container with SIGTERM, then SIGKILL: 143, 137, or 0
// from a program that shuts down cleanly).
func (d *diagContext) claimRuledOut(v *containerView, term *corev1.ContainerStateTerminated, cat Category) bool {
	if term == nil || term.ExitCode <= 0 || term.ExitCode == 137 || term.ExitCode == 143 || term.Reason == "OOMKilled" {
		return false
	}
	switch cat {
	case OOMKilled:
		return true
	case LivenessProbe:
		return d.probeFailures(v, term) == 0 && len(d.eventsNear(v, term, "Killing")) == 0
	}
	return false
}

// wordsClaim reports a line in the reporter's words that on its own names
// cat ("Flask pod gets OOMKilled instantly after switching to slim base
// image").
func wordsClaim(line string, cat Category) bool {
	t := strings.TrimSpace(line)
	if !reportersWords([]byte(t)) || cat == OOMKilled && !reKillClaim.MatchString(t) {
		return false
	}
	ls, words := wordsScan(t)
	return words && ls.Category == cat
}

// wordsScan reads one line alone, and reports whether what decided it
// is the reporter's words.
func wordsScan(t string) (LogScan, bool) {
	if t == "" {
		return LogScan{}, false
	}
	ls := ScanLog(strings.NewReader(t))
	return ls, ls.words
}

// reKillClaim is the kernel's OOM kill in the reporter's words; a
// runtime's own heap limit ("JavaScript heap out of memory", exit 134)
// is no kill, and no exit code rules it out.
var reKillClaim = regexp.MustCompile(`(?i)\boom.?kill|\boom killer\b|\bkilled\b.{0,40}\b(?:memory|oom)\b|\b(?:memory|oom)\b.{0,40}\bkill`)

// fixInVain reports a log whose deciding line tells of a fix (more
// memory, a probe removed) in a report that says its changes made no
// difference.
func fixInVain(patID, text string) bool {
	switch patID {
	case "memory_limit_words", "probe_removed_fix", "probe_disabled_works":
		return reNoDifference.MatchString(text)
	}
	return false
}

// fixTold reports a line in the reporter's words that on its own tells of
// the fix patID names.
func fixTold(line, patID string) bool {
	ls, words := wordsScan(strings.TrimSpace(line))
	return words && ls.patID == patID
}

// reNoDifference is the reporter's word that the changes they tried did
// not help.
var reNoDifference = regexp.MustCompile(`(?i)\bno difference\b|\b(?:didn't|did not|doesn't|does not|none of (?:this|these|them|it)) (?:help|change anything|make a difference)|\bnothing (?:helped|changed|works)\b|\bno luck\b|\bto no avail\b|\bstill the same\b|\bthe same way\b`)
