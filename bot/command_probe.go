package bot

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Bounds of the probe check.
const (
	maxProbeEvents = 8
	maxProbeRuns   = 6
)

// probeKinds in the order they are shown.
var probeKinds = []string{"Liveness", "Readiness", "Startup"}

func probeOf(c corev1.Container, kind string) *corev1.Probe {
	switch kind {
	case "Liveness":
		return c.LivenessProbe
	case "Readiness":
		return c.ReadinessProbe
	case "Startup":
		return c.StartupProbe
	}
	return nil
}

// ProbeFinding is one thing wrong with a container's probes.
type ProbeFinding struct {
	Container string
	Text      string
}

// LintProbes checks the probes of pod's containers against what was
// observed (its status and events): a probe port the container does not
// declare, liveness identical to readiness, no startupProbe on a slow
// starter, timeouts that fire, and a liveness initialDelaySeconds shorter
// than the observed time to ready.
func LintProbes(pod *corev1.Pod, events []corev1.Event) []ProbeFinding {
	var out []ProbeFinding
	add := func(c, format string, args ...any) {
		out = append(out, ProbeFinding{Container: c, Text: fmt.Sprintf(format, args...)})
	}
	for _, c := range pod.Spec.Containers {
		cs, _ := containerStatus(pod, c.Name)
		for _, kind := range probeKinds {
			p := probeOf(c, kind)
			if p == nil {
				continue
			}
			if msg := portProblem(c, p); msg != "" {
				add(c.Name, "%s probe: %s", kind, msg)
			}
		}
		live, ready, startup := c.LivenessProbe, c.ReadinessProbe, c.StartupProbe
		if live != nil && ready != nil && reflect.DeepEqual(live.ProbeHandler, ready.ProbeHandler) {
			add(c.Name, "Liveness and readiness probes check the same thing: when a dependency fails, the container is restarted instead of only being taken out of rotation. Make liveness check only that the process is alive.")
		}
		unhealthy := containerEvents(events, c.Name, "Unhealthy")
		timeouts := 0
		for _, e := range unhealthy {
			if isTimeout(e.Message) {
				timeouts += int(max(e.Count, 1))
			}
		}
		if timeouts > 0 {
			worst := ""
			for _, kind := range probeKinds {
				if p := probeOf(c, kind); p != nil && p.Exec == nil {
					worst = fmt.Sprintf(" (%s timeoutSeconds=%d)", strings.ToLower(kind), orDefault(p.TimeoutSeconds, 1))
					break
				}
			}
			add(c.Name, "Probes timed out %s%s: the endpoint answers slower than timeoutSeconds. Raise timeoutSeconds, or make the endpoint cheaper.", plural(timeouts, "time"), worst)
		}
		toReady, known := timeToReady(pod, cs)
		if live != nil && startup == nil {
			budget := time.Duration(live.InitialDelaySeconds+orDefault(live.PeriodSeconds, 10)*orDefault(live.FailureThreshold, 3)) * time.Second
			killed := len(livenessKills(events, c.Name)) > 0
			switch {
			case killed && !cs.Ready && cs.RestartCount > 0:
				add(c.Name, "The liveness probe restarts the container before it ever became ready, and there is no startupProbe: a slow starter needs one (e.g. failureThreshold × periodSeconds ≥ its start time).")
			case known && toReady > budget:
				add(c.Name, "No startupProbe, and the container took %s to become ready while liveness gives it only %s: add a startupProbe.", humanDuration(toReady), humanDuration(budget))
			}
			if known && time.Duration(live.InitialDelaySeconds)*time.Second < toReady {
				add(c.Name, "Liveness initialDelaySeconds=%d is shorter than the observed time to ready (%s).", live.InitialDelaySeconds, humanDuration(toReady))
			}
		}
	}
	return out
}

// portProblem says what is wrong with a probe's port, or "".
func portProblem(c corev1.Container, p *corev1.Probe) string {
	var port intstr.IntOrString
	switch {
	case p.HTTPGet != nil:
		port = p.HTTPGet.Port
	case p.TCPSocket != nil:
		port = p.TCPSocket.Port
	case p.GRPC != nil:
		port = intstr.FromInt32(p.GRPC.Port)
	default:
		return ""
	}
	if port.Type == intstr.String {
		for _, cp := range c.Ports {
			if cp.Name == port.StrVal {
				return ""
			}
		}
		return fmt.Sprintf("port %q is not a named port of the container, so the probe cannot connect.", port.StrVal)
	}
	if len(c.Ports) == 0 {
		return "" // nothing declared: cannot tell
	}
	var declared []string
	for _, cp := range c.Ports {
		if cp.ContainerPort == port.IntVal {
			return ""
		}
		declared = append(declared, fmt.Sprint(cp.ContainerPort))
	}
	return fmt.Sprintf("port %d is not exposed by the container (it declares %s).", port.IntVal, strings.Join(declared, ", "))
}

// containerEvents are the events of one reason about one container (from
// the event's fieldPath), oldest first.
func containerEvents(events []corev1.Event, container, reason string) []corev1.Event {
	var out []corev1.Event
	for _, e := range events {
		if e.Reason == reason && eventContainer(e) == container {
			out = append(out, e)
		}
	}
	return out
}

// eventContainer is the container an event names in its fieldPath
// ("spec.containers{api}"), "" for the pod.
func eventContainer(e corev1.Event) string {
	fp := e.InvolvedObject.FieldPath
	i, j := strings.IndexByte(fp, '{'), strings.LastIndexByte(fp, '}')
	if i < 0 || j < i {
		return ""
	}
	return fp[i+1 : j]
}

// livenessKills are the kubelet's "failed liveness probe, will be
// restarted" events of a container.
func livenessKills(events []corev1.Event, container string) []corev1.Event {
	var out []corev1.Event
	for _, e := range containerEvents(events, container, "Killing") {
		if strings.Contains(e.Message, "liveness probe") {
			out = append(out, e)
		}
	}
	return out
}

func isTimeout(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "timeout") || strings.Contains(m, "deadline exceeded") || strings.Contains(m, "timed out")
}

// timeToReady is how long the running instance took from start to ready,
// when both are known.
func timeToReady(pod *corev1.Pod, cs corev1.ContainerStatus) (time.Duration, bool) {
	if !cs.Ready || cs.State.Running == nil || cs.State.Running.StartedAt.IsZero() {
		return 0, false
	}
	for _, c := range pod.Status.Conditions {
		if c.Type == corev1.ContainersReady && c.Status == corev1.ConditionTrue && !c.LastTransitionTime.IsZero() {
			d := c.LastTransitionTime.Sub(cs.State.Running.StartedAt.Time)
			return d, d >= 0
		}
	}
	return 0, false
}

// probe answers "probe": probe settings per container, recent Unhealthy
// events, what looks wrong, and (with a Prober) one run of each HTTP/TCP
// probe against the pod IP.
func (c *Commands) probe(ctx context.Context, cmd Command) (Reply, error) {
	pod, err := c.pod(ctx, cmd.Target)
	if err != nil {
		return Reply{}, err
	}
	events, evErr := c.opts.Kube.PodEvents(ctx, pod)
	now := c.opts.Now()
	sections := []string{"*Probe check* of " + codeSpan(pod.Namespace+"/"+pod.Name, 300)}
	for i, ctr := range pod.Spec.Containers {
		if i == maxDescribeContainers {
			sections = append(sections, fmt.Sprintf("_%s %s not shown_", ellipsis, plural(len(pod.Spec.Containers)-i, "more container")))
			break
		}
		var lines []string
		for _, kind := range probeKinds {
			s := probeString(probeOf(ctr, kind))
			if s == "" {
				s = "none"
			}
			lines = append(lines, "*"+kind+":* "+escClip(s, maxLineRunes))
		}
		cs, _ := containerStatus(pod, ctr.Name)
		if d, ok := timeToReady(pod, cs); ok {
			lines = append(lines, "Observed time to ready: "+humanDuration(d))
		}
		sections = append(sections, fitLines("*"+codeSpan(ctr.Name, 100)+"*", lines, 10, maxSectionText, bullets))
	}

	var findings []string
	for _, f := range LintProbes(pod, events) {
		findings = append(findings, codeSpan(f.Container, 100)+": "+escClip(oneLine(f.Text), maxLineRunes))
	}
	if len(findings) == 0 {
		sections = append(sections, "✅ Nothing looks wrong with the probe settings.")
	} else {
		sections = append(sections, fitLines("*⚠️ What looks wrong*", findings, 12, maxSectionText, bullets))
	}

	var unhealthy []string
	for _, e := range events {
		if e.Reason == "Unhealthy" || (e.Reason == "Killing" && strings.Contains(e.Message, "probe")) {
			unhealthy = append(unhealthy, escClip(oneLine(eventLine(e, now)), maxLineRunes))
		}
	}
	switch {
	case evErr != nil:
		sections = append(sections, "*Recent probe failures:* _events could not be read_")
	case len(unhealthy) == 0:
		sections = append(sections, "*Recent probe failures:* none")
	default:
		if len(unhealthy) > maxProbeEvents {
			unhealthy = unhealthy[len(unhealthy)-maxProbeEvents:]
		}
		sections = append(sections, fitLines("*Recent probe failures*", unhealthy, maxProbeEvents, maxSectionText, bullets))
	}
	if c.opts.Prober != nil {
		sections = append(sections, c.runProbes(ctx, pod))
	}
	return textReply("probe check "+pod.Namespace+"/"+pod.Name, sections...), nil
}

// runProbes runs each HTTP and TCP probe once, against the pod IP only.
func (c *Commands) runProbes(ctx context.Context, pod *corev1.Pod) string {
	var lines []string
	switch {
	case pod.Spec.HostNetwork:
		return "*Probe run:* _not run: the pod uses the host network_"
	case pod.Status.PodIP == "":
		return "*Probe run:* _not run: the pod has no IP_"
	}
	runs := 0
	for _, ctr := range pod.Spec.Containers {
		for _, kind := range probeKinds {
			p := probeOf(ctr, kind)
			if p == nil {
				continue
			}
			label := codeSpan(ctr.Name, 100) + " " + strings.ToLower(kind)
			if p.HTTPGet == nil && p.TCPSocket == nil {
				lines = append(lines, label+": not run (only HTTP and TCP probes are run)")
				continue
			}
			if runs == maxProbeRuns {
				lines = append(lines, label+": not run (limit reached)")
				continue
			}
			runs++
			timeout := time.Duration(orDefault(p.TimeoutSeconds, 1)) * time.Second
			res, lat, err := c.opts.Prober.RunProbe(ctx, pod, p)
			if err != nil {
				lines = append(lines, fmt.Sprintf("%s: ❌ %s after %s (timeout %s)", label, escClip(oneLine(err.Error()), 200), lat.Round(time.Millisecond), timeout))
				continue
			}
			mark := "✅"
			if lat > timeout*8/10 {
				mark = "⚠️ close to the timeout:"
			}
			lines = append(lines, fmt.Sprintf("%s: %s %s in %s (timeout %s)", label, mark, escClip(oneLine(res), 200), lat.Round(time.Millisecond), timeout))
		}
	}
	if len(lines) == 0 {
		return "*Probe run:* _no probes to run_"
	}
	return fitLines("*Probe run* (once, from the bot, against "+codeSpan(pod.Status.PodIP, 60)+")", lines, 12, maxSectionText, bullets)
}
