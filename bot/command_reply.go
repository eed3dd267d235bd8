package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/slack-go/slack"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
)

// Block ids of command replies.
const (
	ReplyHeadBlockID  = "reply_head"
	ReplyBodyBlockID  = "reply_body"
	ReplyNoteBlockID  = "reply_note"
	ReplyErrorBlockID = "reply_error"
)

// fileThreshold: output longer than this (runes) goes into a file too.
const fileThreshold = 2800

// textReply is a reply of mrkdwn sections; the first is the head.
func textReply(fallback string, sections ...string) Reply {
	var blocks []slack.Block
	for i, s := range sections {
		if s == "" {
			continue
		}
		id := fmt.Sprintf("%s_%d", ReplyBodyBlockID, i)
		if i == 0 {
			id = ReplyHeadBlockID
		}
		if runeLen(s) > maxSectionText {
			s = clip(s, maxSectionText)
		}
		blocks = append(blocks, section(id, s))
		if len(blocks) == maxBlocks-1 {
			break
		}
	}
	return Reply{Text: clip(oneLine(fallback), maxFallbackRunes), Blocks: blocks}
}

// note adds a context line (e.g. "full output attached") to r.
func (r *Reply) note(text string) {
	if text == "" || len(r.Blocks) >= maxBlocks {
		return
	}
	r.Blocks = append(r.Blocks, slack.NewContextBlock(ReplyNoteBlockID, md(clip(text, maxContextText))))
}

func (c *Commands) help() Reply {
	var lines []string
	for _, v := range verbOrder {
		lines = append(lines, codeSpan(c.opts.Name+" "+usages[v], 200)+" — "+escape(verbHelp[v]))
	}
	body := "*Crash-loop triage from Slack* (read-only)\n" + strings.Join(lines, "\n")
	body += "\n\nA workload (`NAMESPACE/deployment/NAME`) stands for its crashing pod. " +
		"Logs are redacted like the alerts."
	if c.opts.Fleet != nil {
		body += "\n\n" + fleetHelp // command_fleet.go
	}
	return textReply("crashloop-bot commands", body)
}

var verbHelp = map[Verb]string{
	VerbDescribe:  "containers, states, exit codes, restarts, probes, resources, conditions and recent events",
	VerbLogs:      "the log tail, of the previous (crashed) instance when the container has restarted",
	VerbProbe:     "liveness/readiness/startup settings, recent Unhealthy events and what looks wrong",
	VerbStatus:    "the workloads crash-looping now",
	VerbSilence:   "mute a workload's crash-loop alerts for a while",
	VerbUnsilence: "lift a silence",
	VerbDigest:    "this channel's crash-loop digest of the last day (or the period given), just for you",
	VerbHelp:      "this help",
}

// errorReply explains a failed command. Internal errors are not shown in
// detail (the audit log has them).
func (c *Commands) errorReply(err error) Reply {
	var ce *CommandError
	msg := ""
	switch {
	case errors.As(err, &ce):
		msg = "⚠️ " + escClip(oneLine(ce.Message), 1000)
		if ce.Usage != "" {
			msg += "\nUsage: " + codeSpan(c.opts.Name+" "+ce.Usage, 300)
			if ce.Usage != "help" {
				msg += " · " + codeSpan(c.opts.Name+" help", 40) + " lists every command."
			}
		}
	case errors.Is(err, context.DeadlineExceeded):
		msg = "⚠️ The cluster did not answer in time. Try again in a moment."
	case apierrors.IsForbidden(err):
		msg = "⚠️ The bot is not allowed to read that (RBAC)."
	default:
		msg = "⚠️ I could not read that from the cluster; the bot's log has the details."
	}
	r := textReply(strings.TrimPrefix(msg, "⚠️ "), "")
	r.Blocks = []slack.Block{section(ReplyErrorBlockID, msg)}
	r.Error = true
	return r
}

// denied explains a refusal without saying whether the target exists.
// When user group lookups failed, it says so: the caller may be a member
// the bot could not recognize.
func (c *Commands) denied(s Scope, cmd Command, groupErrs []*GroupError) Reply {
	var msg string
	ns := cmd.Target.Namespace
	if cmd.Verb == VerbStatus {
		ns = cmd.Namespace
	}
	switch {
	case !s.Any():
		msg = "🚫 " + escape(c.opts.Name) + " is not available to you here. Ask in an alert channel, or ask the bot's admins to grant this channel access (`commands.access`)."
	default:
		msg = "🚫 Namespace " + codeSpan(ns, 80) + " is not available from this channel."
	}
	for i, g := range groupErrs {
		if i == 3 {
			break
		}
		why := escClip(oneLine(slackErrorText(g.Err)), 100)
		if slackErrorCode(g.Err) == "missing_scope" {
			why += ": the Slack app lacks the `usergroups:read` scope"
		}
		msg += "\n⚠️ I could not check your membership of user group " + codeSpan(g.Group, 40) + " (" + why + "); rules naming it grant nothing until the bot's admins fix that."
	}
	r := textReply(strings.TrimPrefix(oneLine(msg), "🚫 "), "")
	r.Blocks = []slack.Block{section(ReplyErrorBlockID, msg)}
	r.Error = true
	return r
}

// notFound turns a Kubernetes NotFound into a message naming the target.
func notFound(err error, t Target) error {
	if !apierrors.IsNotFound(err) {
		return err
	}
	if t.Kind == "Pod" {
		return &CommandError{Message: fmt.Sprintf("There is no pod %s in namespace %s.", t.Name, t.Namespace)}
	}
	return &CommandError{Message: fmt.Sprintf("There is no %s %s with pods in namespace %s.", strings.ToLower(t.Kind), t.Name, t.Namespace)}
}
