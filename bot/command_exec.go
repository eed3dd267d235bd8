package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/slack-go/slack"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// Cluster is the read-only cluster access commands need (kube.Query
// implements it). It never reads Secrets. Errors for objects that do not
// exist are Kubernetes NotFound errors.
type Cluster interface {
	// Pod returns one pod.
	Pod(ctx context.Context, namespace, name string) (*corev1.Pod, error)
	// CrashingPod returns the pod of a workload (Kind as in incident keys)
	// that is crash-looping now (most restarts first), else its pod with
	// the most restarts.
	CrashingPod(ctx context.Context, namespace, kind, name string) (*corev1.Pod, error)
	// PodEvents returns the pod's events, oldest first.
	PodEvents(ctx context.Context, pod *corev1.Pod) ([]corev1.Event, error)
	// Logs returns at most tailLines lines of a container's log, of the
	// previous instance when previous is set.
	Logs(ctx context.Context, namespace, pod, container string, previous bool, tailLines int64) (string, error)
}

// ProbeRunner runs a container's HTTP or TCP probe once against the pod's
// own IP, bounded by the probe's timeout (kube.Query implements it).
type ProbeRunner interface {
	RunProbe(ctx context.Context, pod *corev1.Pod, probe *corev1.Probe) (result string, latency time.Duration, err error)
}

// IncidentLister lists the incidents not yet resolved (store.Store).
type IncidentLister interface {
	Active(ctx context.Context) ([]incident.Incident, error)
}

// Silencer is told that silences changed in the store, the one source of
// truth for silences, so the leader's incident manager reads them at once.
// It never blocks; it reports false when no manager runs here (another
// replica leads and reads the store within its refresh interval).
type Silencer interface {
	SilencesChanged() bool
}

// SilenceStore persists silences so they survive restarts and reach the
// leader (store.Store).
type SilenceStore interface {
	PutSilence(ctx context.Context, s store.Silence) error
	DeleteSilence(ctx context.Context, key incident.Key) error
}

// CommandOptions configure Commands.
type CommandOptions struct {
	// Cluster is the cluster name of incident keys (cluster_name).
	Cluster string
	// Access decides who may query what.
	Access Access
	// Kube reads the cluster; required.
	Kube Cluster
	// Incidents, when set, serves status and finds the containers of a
	// workload to silence.
	Incidents IncidentLister
	// Silences persists silences; without it, silence and unsilence are
	// unavailable. Silencer, when set, is told of each change (else the
	// leader reads the store within its refresh interval).
	Silences SilenceStore
	Silencer Silencer
	// Prober, when set, runs HTTP/TCP probes once for the probe check.
	Prober ProbeRunner
	// Groups resolves AccessRule.UserGroups; without it they match nobody.
	Groups GroupResolver
	// Name is the slash command as users type it; default "/crashloop".
	Name   string
	Logger *slog.Logger
	// Timeout bounds one command's cluster work; default 30s.
	Timeout time.Duration
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// Commands runs /crashloop commands and alert buttons, independent of how
// they reach the bot: parse, validate, authorize, query the cluster
// read-only, and render the answer as Block Kit. Every command is logged
// as an audit line.
type Commands struct {
	opts   CommandOptions
	log    *slog.Logger
	groups *groupCache
}

// NewCommands returns Commands; it does no I/O.
func NewCommands(opts CommandOptions) *Commands {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Name == "" {
		opts.Name = "/crashloop"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	return &Commands{
		opts:   opts,
		log:    opts.Logger.With("component", "commands"),
		groups: &groupCache{resolver: opts.Groups, now: opts.Now},
	}
}

// Reply is the answer to a command or button, ready to send.
type Reply struct {
	// Text is the notification text; Blocks the message.
	Text   string
	Blocks []slack.Block
	// File, when set, holds output too long for a message; it is uploaded
	// (to the channel, or the thread of a button's alert) before Blocks are
	// sent, and Blocks say so.
	File *ReplyFile
	// Error: the reply explains why nothing was done (invalid command,
	// denied, not found, failure). Buttons answer errors privately.
	Error bool
}

// ReplyFile is a text file attached to a reply.
type ReplyFile struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	Content string `json:"content"`
}

// Outcomes of a command in the audit log.
const (
	outcomeOK       = "ok"
	outcomeInvalid  = "invalid"
	outcomeDenied   = "denied"
	outcomeNotFound = "not_found"
	outcomeFailed   = "failed"
)

// Run runs the slash command text sent by caller (source names the
// transport for the audit log). It never returns an error: failures are
// replies.
func (c *Commands) Run(ctx context.Context, caller Caller, text, source string) Reply {
	cmd, err := ParseCommand(text)
	if err != nil {
		c.audit(caller, source, "", "", false, outcomeInvalid, err)
		return c.errorReply(err)
	}
	return c.Do(ctx, caller, cmd, source)
}

// Do runs a parsed command for caller.
func (c *Commands) Do(ctx context.Context, caller Caller, cmd Command, source string) Reply {
	start := c.opts.Now()
	target := cmd.Target.String()
	switch {
	case cmd.Verb == VerbHelp:
		target = ""
	case cmd.Verb == VerbStatus:
		target = cmd.Namespace
	}
	grant := c.opts.Access.grant(ctx, caller, c.groups)
	if cmd.Verb != VerbHelp && !c.allowed(grant, cmd) {
		c.audit(caller, source, cmd.Verb, target, false, outcomeDenied, nil)
		return c.denied(grant, cmd)
	}
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	reply, err := c.exec(ctx, caller, grant, cmd)
	outcome := outcomeOK
	if err != nil {
		outcome = outcomeFailed
		var ce *CommandError
		switch {
		case apierrors.IsNotFound(err), errors.As(err, &ce):
			outcome = outcomeNotFound
		}
		reply = c.errorReply(err)
	}
	c.log.Debug("command done", "duration", c.opts.Now().Sub(start))
	c.audit(caller, source, cmd.Verb, target, true, outcome, err)
	return reply
}

// allowed: status of all namespaces needs only some grant, filtered later.
func (c *Commands) allowed(g Grant, cmd Command) bool {
	switch {
	case cmd.Verb == VerbStatus && cmd.Namespace == "":
		return g.Any()
	case cmd.Verb == VerbStatus:
		return g.Allows(cmd.Namespace)
	}
	return g.Allows(cmd.Target.Namespace)
}

func (c *Commands) exec(ctx context.Context, caller Caller, g Grant, cmd Command) (Reply, error) {
	switch cmd.Verb {
	case VerbHelp:
		return c.help(), nil
	case VerbDescribe:
		return c.describe(ctx, cmd)
	case VerbLogs:
		return c.logs(ctx, cmd)
	case VerbProbe:
		return c.probe(ctx, cmd)
	case VerbStatus:
		return c.status(ctx, g, cmd)
	case VerbSilence, VerbUnsilence:
		return c.silence(ctx, caller, cmd)
	}
	return Reply{}, fmt.Errorf("unknown verb %q", cmd.Verb)
}

// audit logs one command: who, where, what, allowed or denied, and how it
// ended. It never logs command output.
func (c *Commands) audit(caller Caller, source string, verb Verb, target string, allowed bool, outcome string, err error) {
	attrs := []any{
		"user", caller.UserID, "user_name", caller.UserName,
		"channel", caller.ChannelID, "channel_name", caller.ChannelName,
		"source", source, "command", string(verb), "target", target,
		"allowed", allowed, "outcome", outcome,
	}
	if err != nil && outcome == outcomeFailed {
		attrs = append(attrs, "err", err)
	}
	c.log.Info("audit", attrs...)
}

// pod resolves a target to the pod it means: the pod itself, or the
// workload's crashing pod.
func (c *Commands) pod(ctx context.Context, t Target) (*corev1.Pod, error) {
	var (
		pod *corev1.Pod
		err error
	)
	if t.Kind == "Pod" {
		pod, err = c.opts.Kube.Pod(ctx, t.Namespace, t.Name)
	} else {
		pod, err = c.opts.Kube.CrashingPod(ctx, t.Namespace, t.Kind, t.Name)
	}
	if err != nil {
		return nil, notFound(err, t)
	}
	return pod, nil
}
