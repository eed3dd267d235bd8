package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/crashloop-bot/crashloop-bot/change"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// How much of a pod describe shows in the message.
const (
	maxDescribeContainers = 8
	maxDescribeEvents     = 10
	maxFileEvents         = 100
)

// ChangeFinder tells what changed in a pod's workload before it crashed;
// a Cluster that implements it makes describe say so.
type ChangeFinder interface {
	WhatChanged(ctx context.Context, pod *corev1.Pod) (change.Rollout, error)
}

// describe answers "describe": what kubectl describe pod shows that
// matters, compact, and the whole text as a file when it is long.
func (c *Commands) describe(ctx context.Context, cmd Command) (Reply, error) {
	pod, err := c.pod(ctx, cmd.Target)
	if err != nil {
		return Reply{}, err
	}
	events, evErr := c.opts.Kube.PodEvents(ctx, pod)
	now := c.opts.Now()

	head := "*Pod* " + codeSpan(pod.Namespace+"/"+pod.Name, 300)
	if cmd.Target.Kind != "Pod" {
		head += " (the crashing pod of " + escape(strings.ToLower(cmd.Target.Kind)) + " " + codeSpan(cmd.Target.Name, 260) + ")"
	}
	var facts []string
	for _, kv := range podFacts(pod, now) {
		facts = append(facts, "*"+kv[0]+":* "+escClip(oneLine(kv[1]), 300))
	}
	head += "\n" + strings.Join(facts, " · ")

	var sections []string
	sections = append(sections, head)
	all := append(append([]corev1.Container{}, pod.Spec.InitContainers...), pod.Spec.Containers...)
	for i, ctr := range all {
		if i == maxDescribeContainers {
			sections = append(sections, fmt.Sprintf("_%s %s not shown_", ellipsis, plural(len(all)-i, "more container")))
			break
		}
		lines := containerLines(pod, ctr, now)
		title := "*" + codeSpan(ctr.Name, 100) + "*"
		if isInit(pod, ctr.Name) {
			title += " (init container)"
		}
		title += " " + codeSpan(ctr.Image, 300)
		var esc []string
		for _, l := range lines {
			esc = append(esc, escClip(oneLine(l[0]+": "+l[1]), maxLineRunes))
		}
		sections = append(sections, fitLines(title, esc, 20, maxSectionText, bullets))
	}
	if conds := conditionLine(pod); conds != "" {
		sections = append(sections, "*Conditions:* "+escClip(conds, 1000))
	}
	var evLines []string
	for _, e := range lastEvents(events, maxDescribeEvents) {
		evLines = append(evLines, escClip(oneLine(eventLine(e, now)), maxLineRunes))
	}
	switch {
	case evErr != nil:
		sections = append(sections, "*Recent events:* _could not be read_")
	case len(evLines) == 0:
		sections = append(sections, "*Recent events:* none")
	default:
		title := "*Recent events*"
		if len(events) > len(evLines) {
			title += fmt.Sprintf(" (last %d of %d)", len(evLines), len(events))
		}
		sections = append(sections, fitLines(title, evLines, maxDescribeEvents, maxSectionText, bullets))
	}

	if cf, ok := c.opts.Kube.(ChangeFinder); ok {
		r, _ := cf.WhatChanged(ctx, pod) // a partial answer (reads forbidden) still helps
		if line := change.Describe(r, time.Time{}, now); line != "" {
			// A changed probe or env var is shown as it is in the spec.
			sections = append(sections, "*What changed:* "+escClip(oneLine(redact(line)), 1000))
		}
	}
	reply := textReply("describe "+pod.Namespace+"/"+pod.Name, sections...)
	full := describeText(pod, events, now)
	if runeLen(full) > fileThreshold || len(all) > maxDescribeContainers || len(events) > maxDescribeEvents {
		reply.File = &ReplyFile{Name: pod.Name + "-describe.txt", Title: "describe " + pod.Namespace + "/" + pod.Name, Content: full}
	}
	return reply, nil
}

// podFacts are the pod-level facts, label and value.
func podFacts(pod *corev1.Pod, now time.Time) [][2]string {
	var out [][2]string
	add := func(k, v string) {
		if v != "" {
			out = append(out, [2]string{k, v})
		}
	}
	status := string(pod.Status.Phase)
	if pod.DeletionTimestamp != nil {
		status = "Terminating"
	}
	if pod.Status.Reason != "" {
		status += " (" + pod.Status.Reason + ")"
	}
	add("Status", status)
	if ref := metav1.GetControllerOf(pod); ref != nil {
		add("Controlled by", ref.Kind+"/"+ref.Name)
	}
	add("Node", pod.Spec.NodeName)
	add("IP", pod.Status.PodIP)
	if pod.Status.StartTime != nil {
		add("Started", ago(pod.Status.StartTime.Time, now))
	}
	add("QoS", string(pod.Status.QOSClass))
	return out
}

func isInit(pod *corev1.Pod, name string) bool {
	for _, c := range pod.Spec.InitContainers {
		if c.Name == name {
			return true
		}
	}
	return false
}

// containerStatus finds a container's status, init or not.
func containerStatus(pod *corev1.Pod, name string) (corev1.ContainerStatus, bool) {
	for _, list := range [][]corev1.ContainerStatus{pod.Status.InitContainerStatuses, pod.Status.ContainerStatuses} {
		for _, cs := range list {
			if cs.Name == name {
				return cs, true
			}
		}
	}
	return corev1.ContainerStatus{}, false
}

// containerLines are the facts of one container, label and value.
func containerLines(pod *corev1.Pod, ctr corev1.Container, now time.Time) [][2]string {
	var out [][2]string
	add := func(k, v string) {
		if v != "" {
			out = append(out, [2]string{k, v})
		}
	}
	if cs, ok := containerStatus(pod, ctr.Name); ok {
		add("State", stateString(cs.State, now))
		add("Last state", stateString(cs.LastTerminationState, now))
		add("Ready", fmt.Sprintf("%t · Restarts: %d", cs.Ready, cs.RestartCount))
	} else {
		add("State", "no status yet")
	}
	add("Limits", resourceString(ctr.Resources.Limits))
	add("Requests", resourceString(ctr.Resources.Requests))
	add("Liveness", probeString(ctr.LivenessProbe))
	add("Readiness", probeString(ctr.ReadinessProbe))
	add("Startup", probeString(ctr.StartupProbe))
	if len(ctr.Ports) > 0 {
		var ps []string
		for _, p := range ctr.Ports {
			s := fmt.Sprintf("%d/%s", p.ContainerPort, protocol(p.Protocol))
			if p.Name != "" {
				s += " (" + p.Name + ")"
			}
			ps = append(ps, s)
		}
		add("Ports", strings.Join(ps, ", "))
	}
	return out
}

func protocol(p corev1.Protocol) string {
	if p == "" {
		return "TCP"
	}
	return string(p)
}

// stateString is "Waiting (CrashLoopBackOff)" or "Terminated (OOMKilled),
// exit 137, ran 2m3s, finished 1m ago"; "" for no state.
func stateString(s corev1.ContainerState, now time.Time) string {
	switch {
	case s.Waiting != nil:
		if s.Waiting.Reason != "" {
			return "Waiting (" + s.Waiting.Reason + ")"
		}
		return "Waiting"
	case s.Running != nil:
		return "Running since " + ago(s.Running.StartedAt.Time, now)
	case s.Terminated != nil:
		t := s.Terminated
		out := "Terminated"
		if t.Reason != "" {
			out += " (" + t.Reason + ")"
		}
		out += fmt.Sprintf(", exit %d", t.ExitCode)
		if t.Signal != 0 {
			out += fmt.Sprintf(", signal %d", t.Signal)
		}
		if !t.StartedAt.IsZero() && !t.FinishedAt.IsZero() {
			out += ", ran " + humanDuration(t.FinishedAt.Sub(t.StartedAt.Time))
		}
		if !t.FinishedAt.IsZero() {
			out += ", finished " + ago(t.FinishedAt.Time, now)
		}
		if t.Message != "" {
			out += ": " + clip(oneLine(redact(t.Message)), 200)
		}
		return out
	}
	return ""
}

func resourceString(l corev1.ResourceList) string {
	if len(l) == 0 {
		return ""
	}
	var names []string
	for n := range l {
		names = append(names, string(n))
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		q := l[corev1.ResourceName(n)]
		out = append(out, n+" "+q.String())
	}
	return strings.Join(out, ", ")
}

// probeString is kubectl's one-line probe description.
func probeString(p *corev1.Probe) string {
	if p == nil {
		return ""
	}
	attrs := fmt.Sprintf("delay=%ds timeout=%ds period=%ds #success=%d #failure=%d",
		p.InitialDelaySeconds, orDefault(p.TimeoutSeconds, 1), orDefault(p.PeriodSeconds, 10),
		orDefault(p.SuccessThreshold, 1), orDefault(p.FailureThreshold, 3))
	return probeAction(p) + " " + attrs
}

func orDefault(v, d int32) int32 {
	if v == 0 {
		return d
	}
	return v
}

// probeAction is "http-get http://:8080/healthz", "tcp-socket :5432",
// "grpc :9090" or "exec [cat /tmp/ok]", redacted like logs: exec commands
// and HTTP paths and headers often carry passwords and tokens.
func probeAction(p *corev1.Probe) string {
	switch {
	case p.HTTPGet != nil:
		scheme := strings.ToLower(string(p.HTTPGet.Scheme))
		if scheme == "" {
			scheme = "http"
		}
		s := fmt.Sprintf("http-get %s://%s:%s%s", scheme, p.HTTPGet.Host, portString(p.HTTPGet.Port), redact(p.HTTPGet.Path))
		var hs []string
		for _, h := range p.HTTPGet.HTTPHeaders {
			v := redact(h.Value)
			if sensitiveHeader(h.Name) {
				v = "[REDACTED]"
			}
			hs = append(hs, h.Name+": "+v)
		}
		if len(hs) > 0 {
			s += " [" + strings.Join(hs, ", ") + "]"
		}
		return s
	case p.TCPSocket != nil:
		return fmt.Sprintf("tcp-socket %s:%s", p.TCPSocket.Host, portString(p.TCPSocket.Port))
	case p.GRPC != nil:
		return fmt.Sprintf("grpc :%d", p.GRPC.Port)
	case p.Exec != nil:
		args, _ := diagnose.RedactArgs(p.Exec.Command)
		return fmt.Sprintf("exec [%s]", clip(strings.Join(args, " "), 200))
	}
	return "unknown"
}

// sensitiveHeader reports header names whose values are credentials.
func sensitiveHeader(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"auth", "cookie", "token", "secret", "key", "pass", "session", "signature", "credential"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

func portString(p intstr.IntOrString) string {
	if p.Type == intstr.String {
		return p.StrVal
	}
	return fmt.Sprint(p.IntVal)
}

func conditionLine(pod *corev1.Pod) string {
	var out []string
	for _, c := range pod.Status.Conditions {
		out = append(out, fmt.Sprintf("%s=%s", c.Type, c.Status))
	}
	return strings.Join(out, ", ")
}

// lastEvents returns the newest n events, oldest first.
func lastEvents(events []corev1.Event, n int) []corev1.Event {
	if len(events) > n {
		return events[len(events)-n:]
	}
	return events
}

// eventLine is "Warning BackOff (x14, 2m ago): Back-off restarting ...".
func eventLine(e corev1.Event, now time.Time) string {
	s := e.Type + " " + e.Reason
	var meta []string
	if e.Count > 1 {
		meta = append(meta, fmt.Sprintf("x%d", e.Count))
	}
	if t := diagnose.EventTime(&e); !t.IsZero() {
		meta = append(meta, ago(t, now))
	}
	if len(meta) > 0 {
		s += " (" + strings.Join(meta, ", ") + ")"
	}
	return s + ": " + clip(oneLine(redact(e.Message)), 300)
}

// redact removes secrets as the alerts do.
func redact(s string) string {
	r, _ := diagnose.Redact(s)
	return r
}

// ago is "3m ago", relative to now.
func ago(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	return humanDuration(now.Sub(t)) + " ago"
}

// describeText is the whole description as plain text, for the file.
func describeText(pod *corev1.Pod, events []corev1.Event, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Pod:        %s/%s\n", pod.Namespace, pod.Name)
	for _, kv := range podFacts(pod, now) {
		fmt.Fprintf(&b, "%-11s %s\n", kv[0]+":", kv[1])
	}
	if len(pod.Labels) > 0 {
		var ls []string
		for k, v := range pod.Labels {
			ls = append(ls, k+"="+v)
		}
		sort.Strings(ls)
		fmt.Fprintf(&b, "Labels:     %s\n", strings.Join(ls, ", "))
	}
	for _, group := range []struct {
		title string
		list  []corev1.Container
	}{{"Init containers", pod.Spec.InitContainers}, {"Containers", pod.Spec.Containers}} {
		if len(group.list) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s:\n", group.title)
		for _, ctr := range group.list {
			fmt.Fprintf(&b, "  %s:\n    Image:      %s\n", ctr.Name, ctr.Image)
			for _, kv := range containerLines(pod, ctr, now) {
				fmt.Fprintf(&b, "    %-11s %s\n", kv[0]+":", kv[1])
			}
		}
	}
	if conds := conditionLine(pod); conds != "" {
		fmt.Fprintf(&b, "Conditions: %s\n", conds)
	}
	b.WriteString("Events:\n")
	if len(events) == 0 {
		b.WriteString("  none\n")
	}
	for _, e := range lastEvents(events, maxFileEvents) {
		fmt.Fprintf(&b, "  %s\n", eventLine(e, now))
	}
	return b.String()
}
