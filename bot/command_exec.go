package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
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
	// Digest, when set, serves the digest subcommand.
	Digest *DigestCommand
	// Fleet, when set, makes status fleet-wide and runs commands for
	// other clusters there (command_fleet.go); without it a command for
	// another cluster is refused.
	Fleet *FleetOptions
	// Groups resolves AccessRule.UserGroups; without it they match nobody.
	Groups GroupResolver
	// Channels resolves the "#name" channels of Access to IDs at Start;
	// without it such entries match nothing.
	Channels ChannelLister
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

	// access is opts.Access with its channel names resolved (Start); until
	// then names match nothing.
	access    atomic.Pointer[Access]
	startOnce sync.Once
	ready     chan struct{}
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
	c := &Commands{
		opts:   opts,
		log:    opts.Logger.With("component", "commands"),
		groups: &groupCache{resolver: opts.Groups, now: opts.Now},
		ready:  make(chan struct{}),
	}
	a := opts.Access
	c.access.Store(&a)
	return c
}

// Start resolves the "#name" channels of the access rules to channel IDs
// (conversations.list), retrying while Slack cannot be reached, and returns
// when they are resolved, resolution failed for good, or ctx ends. The
// transports run it; only its first call does anything. Until it is done
// such entries grant nothing.
func (c *Commands) Start(ctx context.Context) {
	c.startOnce.Do(func() {
		var readyOnce sync.Once
		markReady := func() { readyOnce.Do(func() { close(c.ready) }) }
		defer markReady()
		if len(c.opts.Access.channelNames()) == 0 {
			return
		}
		for attempt := 0; ; attempt++ {
			resolved, err := ResolveChannels(ctx, c.opts.Channels, c.opts.Access)
			c.access.Store(&resolved)
			if err == nil {
				c.log.Info("resolved the channel names of commands.access", "channels", len(resolved.channelIDs))
				return
			}
			class, _ := classify(err)
			unresolvable := errors.Is(err, ErrChannelNotFound) || errors.Is(err, ErrChannelAmbiguous)
			if class == permanent || unresolvable || c.opts.Channels == nil || ctx.Err() != nil {
				c.log.Error("channel names in commands.access grant nothing until fixed", "err", err)
				return
			}
			c.log.Warn("could not resolve the channel names of commands.access yet; they grant nothing until then", "err", err)
			markReady() // requests are answered meanwhile; retries go on
			if !sleep(ctx, backoff(attempt, time.Second, time.Minute)) {
				return
			}
		}
	})
}

// Ready is closed once Start has made its first attempt.
func (c *Commands) Ready() <-chan struct{} { return c.ready }

// scope is what caller may see, with the user group lookups that failed.
func (c *Commands) scope(ctx context.Context, caller Caller) (Scope, []*GroupError) {
	a := c.access.Load()
	who := Who{ChannelID: caller.ChannelID, UserID: caller.UserID}
	var failed []*GroupError
	if groups := a.GroupsFor(caller.ChannelID, caller.UserID); len(groups) > 0 && caller.UserID != "" {
		var fresh bool
		who.Groups, failed, fresh = c.groups.memberOf(ctx, caller.UserID, groups)
		if fresh {
			for _, f := range failed {
				c.log.Error("user group members unknown: rules naming the group grant nothing", "group", f.Group, "err", f.Error())
			}
		}
	}
	return a.Scope(who), failed
}

// channelScope is what anyone in the channel may see: what may be
// answered publicly there.
func (c *Commands) channelScope(channelID string) Scope {
	return c.access.Load().Scope(Who{ChannelID: channelID})
}

// Reply is the answer to a command or button, ready to send.
type Reply struct {
	// Text is the notification text; Blocks the message.
	Text   string
	Blocks []slack.Block
	// File, when set, holds the whole output when the message shows only
	// part of it. A public answer (a button in a channel that may see the
	// namespace) attaches it in the alert's thread; a private one sends it
	// to the caller alone in follow-up messages, never as a file others
	// could open. The responder adds the note saying which.
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
	outcomeBusy     = "busy"
)

// Run runs the slash command text sent by caller (source names the
// transport for the audit log). It never returns an error: failures are
// replies.
func (c *Commands) Run(ctx context.Context, caller Caller, text, source string) Reply {
	cmd, err := ParseCommand(text)
	if err != nil {
		c.audit(auditLine{caller: caller, source: source, text: text, outcome: outcomeInvalid})
		return c.errorReply(err)
	}
	return c.Do(ctx, caller, cmd, source)
}

// Do runs a parsed command for caller.
func (c *Commands) Do(ctx context.Context, caller Caller, cmd Command, source string) Reply {
	start := c.opts.Now()
	line := auditLine{caller: caller, source: source, verb: cmd.Verb, target: cmd.Target.String()}
	if cmd.Cluster != "" && cmd.Verb != VerbStatus {
		line.target = cmd.Cluster + ":" + line.target
	}
	switch {
	case cmd.Verb == VerbHelp:
		line.target = ""
	case cmd.Verb == VerbStatus:
		line.target = cmd.Namespace
		if cmd.Cluster != "" {
			line.target = cmd.Cluster + "/" + cmd.Namespace
		}
	case cmd.Verb == VerbDigest:
		line.target = cmd.For.String()
	}
	scope, groupErrs := c.scope(ctx, caller)
	if cmd.Verb != VerbHelp && !allowed(scope, cmd) {
		line.outcome = outcomeDenied
		if len(groupErrs) > 0 {
			line.err = groupErrs[0]
		}
		c.audit(line)
		return c.denied(scope, cmd, groupErrs)
	}
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	reply, err := c.exec(ctx, caller, scope, cmd)
	line.allowed, line.outcome, line.err = true, outcomeOK, err
	if err != nil {
		line.outcome = outcomeFailed
		var ce *CommandError
		switch {
		case apierrors.IsNotFound(err), errors.As(err, &ce):
			line.outcome = outcomeNotFound
		}
		reply = c.errorReply(err)
	}
	c.log.Debug("command done", "duration", c.opts.Now().Sub(start))
	c.audit(line)
	return reply
}

// allowed: status of all namespaces needs only some grant, filtered later.
func allowed(s Scope, cmd Command) bool {
	switch {
	case cmd.Verb == VerbStatus && cmd.Namespace == "", cmd.Verb == VerbDigest:
		return s.Any()
	case cmd.Verb == VerbStatus:
		return s.Allows(cmd.Namespace)
	}
	return s.Allows(cmd.Target.Namespace)
}

func (c *Commands) exec(ctx context.Context, caller Caller, s Scope, cmd Command) (Reply, error) {
	if c.otherCluster(cmd.Cluster) && cmd.Verb != VerbStatus {
		return c.remote(ctx, caller, cmd) // command_fleet.go
	}
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
		return c.status(ctx, s, cmd)
	case VerbSilence, VerbUnsilence:
		return c.silence(ctx, caller, cmd)
	case VerbDigest:
		return c.digest(ctx, caller, s, cmd) // command_digest.go
	}
	return Reply{}, fmt.Errorf("unknown verb %q", cmd.Verb)
}

// auditLine is one audit log entry.
type auditLine struct {
	caller  Caller
	source  string
	verb    Verb
	target  string
	allowed bool
	outcome string
	// text is what was sent, for a command or button that did not parse.
	text string
	err  error
}

// maxAuditText bounds the text of an invalid command in the audit log.
const maxAuditText = 200

// audit logs one command: who, where, what, allowed or denied, and how it
// ended. It never logs command output; the text of a command that did not
// parse is logged redacted and clipped, so probing leaves a trace.
func (c *Commands) audit(l auditLine) {
	attrs := []any{
		"user", l.caller.UserID, "user_name", l.caller.UserName,
		"channel", l.caller.ChannelID, "channel_name", l.caller.ChannelName,
	}
	if l.caller.TeamID != "" {
		attrs = append(attrs, "team", l.caller.TeamID)
	}
	if l.caller.EnterpriseID != "" {
		attrs = append(attrs, "enterprise", l.caller.EnterpriseID)
	}
	attrs = append(attrs, "source", l.source, "command", string(l.verb), "target", l.target,
		"allowed", l.allowed, "outcome", l.outcome)
	if l.text != "" {
		attrs = append(attrs, "text", clip(oneLine(redact(l.text)), maxAuditText))
	}
	if l.err != nil && (l.outcome == outcomeFailed || l.outcome == outcomeDenied || l.outcome == outcomeBusy) {
		attrs = append(attrs, "err", l.err.Error())
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
