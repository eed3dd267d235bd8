package bot

import (
	"context"
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// maxReplyLogLines bounds the log lines shown in a message; the rest goes
// into a file.
const maxReplyLogLines = 40

// logs answers "logs": a redacted log tail, of the previous instance by
// default when the container has restarted.
func (c *Commands) logs(ctx context.Context, cmd Command) (Reply, error) {
	pod, err := c.pod(ctx, cmd.Target)
	if err != nil {
		return Reply{}, err
	}
	ctr, err := pickContainer(pod, cmd.Target.Container)
	if err != nil {
		return Reply{}, err
	}
	cs, _ := containerStatus(pod, ctr)
	previous := cmd.Mode == LogsPrevious || (cmd.Mode == LogsAuto && cs.RestartCount > 0)
	text, err := c.opts.Kube.Logs(ctx, pod.Namespace, pod.Name, ctr, previous, int64(cmd.Tail))
	fellBack := false
	if err != nil && previous && cmd.Mode == LogsAuto {
		// The previous instance's log is gone (node rotated it): show the
		// current one and say so.
		text, err = c.opts.Kube.Logs(ctx, pod.Namespace, pod.Name, ctr, false, int64(cmd.Tail))
		previous, fellBack = false, true
	}
	if err != nil {
		if previous {
			return Reply{}, &CommandError{Message: fmt.Sprintf("Container %s of pod %s has no previous log (it may not have restarted, or the node dropped it). Try --current.", ctr, pod.Name)}
		}
		return Reply{}, fmt.Errorf("logs of %s/%s[%s]: %w", pod.Namespace, pod.Name, ctr, err)
	}
	text, redacted := diagnose.Redact(text)
	var lines []string
	if trimmed := strings.TrimRight(text, "\n"); trimmed != "" {
		lines = strings.Split(trimmed, "\n")
	}

	instance := "current instance"
	if previous {
		instance = "previous instance"
		if cs.LastTerminationState.Terminated != nil {
			instance += " (" + stateString(cs.LastTerminationState, c.opts.Now()) + ")"
		}
	}
	head := fmt.Sprintf("*Logs* of %s · container %s · %s · last %s",
		codeSpan(pod.Namespace+"/"+pod.Name, 300), codeSpan(ctr, 100), escClip(oneLine(instance), 400),
		plural(len(lines), "line"))
	if fellBack {
		head += "\n_The previous instance's log is not available; this is the current one._"
	}
	var shown []string
	for _, l := range lines {
		shown = append(shown, escClip(codeSafe(oneLine(l)), maxLogLineRunes))
	}
	body := "_The log is empty._"
	if len(shown) > 0 {
		body = fitLines("", shown, maxReplyLogLines, maxSectionText-10, codeTail)
		body = strings.TrimPrefix(body, "\n")
	}
	reply := textReply("logs "+pod.Namespace+"/"+pod.Name+" "+ctr, head, body)
	// Lines left out (by count or to fit the section) or clipped: attach all.
	cut := len(lines) > maxReplyLogLines || strings.Contains(body, "earlier line")
	for _, l := range lines {
		if runeLen(l) > maxLogLineRunes {
			cut = true
			break
		}
	}
	if cut {
		suffix := "current"
		if previous {
			suffix = "previous"
		}
		reply.File = &ReplyFile{
			Name:    fmt.Sprintf("%s-%s-%s.log", pod.Name, ctr, suffix),
			Title:   fmt.Sprintf("logs %s/%s %s (%s)", pod.Namespace, pod.Name, ctr, suffix),
			Content: text,
		}
	}
	if redacted {
		reply.note("🔒 secrets redacted")
	}
	return reply, nil
}

// pickContainer returns the container to read: the one asked for (which
// must exist), else the crash-looping one with the most restarts, else the
// one with the most restarts, else the first.
func pickContainer(pod *corev1.Pod, want string) (string, error) {
	var names []string
	for _, c := range pod.Spec.InitContainers {
		names = append(names, c.Name)
	}
	for _, c := range pod.Spec.Containers {
		names = append(names, c.Name)
	}
	if want != "" {
		for _, n := range names {
			if n == want {
				return n, nil
			}
		}
		return "", &CommandError{Message: fmt.Sprintf("Pod %s has no container %s; it has %s.", pod.Name, want, strings.Join(names, ", "))}
	}
	best, bestScore := "", int64(-1)
	for _, n := range names {
		cs, ok := containerStatus(pod, n)
		score := int64(0)
		if ok {
			score = int64(cs.RestartCount)
			if cs.State.Waiting != nil && cs.State.Waiting.Reason == "CrashLoopBackOff" {
				score += 1 << 32
			}
		}
		if score > bestScore {
			best, bestScore = n, score
		}
	}
	if best == "" {
		return "", &CommandError{Message: fmt.Sprintf("Pod %s has no containers.", pod.Name)}
	}
	// An init container only wins when it is the one failing.
	if isInit(pod, best) && bestScore == 0 && len(pod.Spec.Containers) > 0 {
		best = pod.Spec.Containers[0].Name
	}
	return best, nil
}
