package bot

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// maxStatusLines bounds the incidents listed by status.
const maxStatusLines = 30

// status answers "status [NS]": the workloads crash-looping now, among the
// namespaces the caller may see.
func (c *Commands) status(ctx context.Context, g Scope, cmd Command) (Reply, error) {
	lister, fleet := c.opts.Incidents, c.opts.Fleet != nil && c.opts.Fleet.Incidents != nil
	if fleet {
		lister = c.opts.Fleet.Incidents // every cluster's (command_fleet.go)
	} else if c.otherCluster(cmd.Cluster) {
		return Reply{}, c.notHere(cmd.Cluster)
	}
	if lister == nil {
		return Reply{}, &CommandError{Message: "Status is not available: the bot has no incident store."}
	}
	active, err := lister.Active(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("list active incidents: %w", err)
	}
	now := c.opts.Now()
	silenced := c.silencedUntil(ctx)
	var lines []string
	hidden := 0
	for _, inc := range active {
		inc.SilencedUntil = silenced[inc.Key]
		k := inc.Key
		cluster := cmp.Or(cmd.Cluster, c.opts.Cluster)
		if fleet && cmd.Cluster == "" {
			cluster = "" // all of them
		}
		if (cluster != "" && k.Cluster != "" && k.Cluster != cluster) ||
			(cmd.Namespace != "" && k.Namespace != cmd.Namespace) || inc.State == incident.Resolved {
			continue
		}
		if !g.Allows(k.Namespace) {
			hidden++
			continue
		}
		line := statusLine(inc, now)
		if fleet {
			line = "*" + escClip(oneLine(k.Cluster), maxClusterName) + "* · " + line
		}
		lines = append(lines, line)
	}
	where := "in namespaces you can see here"
	if cmd.Namespace != "" {
		where = "in " + codeSpan(cmd.Namespace, 80)
	}
	switch {
	case fleet && cmd.Cluster != "":
		where += " of cluster " + codeSpan(cmd.Cluster, maxClusterName)
	case fleet:
		where += " across the fleet"
	}
	if len(lines) == 0 {
		return textReply("No workload is crash-looping", "✅ No workload is crash-looping "+where+"."), nil
	}
	title := fmt.Sprintf("*%s crash-looping %s*", plural(len(lines), "workload"), where)
	reply := textReply(fmt.Sprintf("%s crash-looping", plural(len(lines), "workload")),
		fitLines(title, lines, maxStatusLines, maxSectionText, bullets))
	if hidden > 0 && cmd.Namespace == "" {
		reply.note(fmt.Sprintf("%s in namespaces not available from this channel %s not listed.", plural(hidden, "more incident"), isAre(hidden)))
	}
	return reply, nil
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// statusLine is one incident: workload, container, cause, pods, restarts,
// since when, and its silence.
func statusLine(inc incident.Incident, now time.Time) string {
	k := inc.Key
	f := finding(inc)
	mark := "🔴"
	if inc.State == incident.Pending {
		mark = "⏳"
	}
	if inc.SilencedUntil.After(now) {
		mark = "🔕"
	}
	s := mark + " *" + escClip(oneLine(workload(k)), 300) + "* " + escClip(k.Kind, 40)
	if k.Container != "" {
		s += " " + codeSpan(k.Container, 80)
	}
	s += " · " + escClip(oneLine(categoryTitle(f.Category)), 100)
	s += fmt.Sprintf(" · %s · %s", plural(podCount(inc), "pod"), plural(int(restarts(inc, f)), "restart"))
	if !inc.OpenedAt.IsZero() {
		s += " · since " + slackDate(inc.OpenedAt)
	}
	if inc.SilencedUntil.After(now) {
		s += " · silenced until " + slackDate(inc.SilencedUntil)
	}
	if inc.Storm != nil {
		s += " · 🌩️ storm: " + escClip(factorLabel(inc.Storm.Factor), 200)
	}
	return s
}

// silencedUntil maps each silenced key to the end of its silence, as the
// store says ({} when it cannot say).
func (c *Commands) silencedUntil(ctx context.Context) map[incident.Key]time.Time {
	out := map[incident.Key]time.Time{}
	lister, ok := c.opts.Silences.(interface {
		Silences(ctx context.Context) ([]store.Silence, error)
	})
	if !ok {
		return out
	}
	ss, err := lister.Silences(ctx)
	if err != nil {
		c.log.Warn("list silences for status", "err", err)
		return out
	}
	for _, s := range ss {
		out[s.Key] = s.Until
	}
	return out
}

// silence answers "silence" and "unsilence": the silence is written to the
// store, the one source of truth (it survives restarts and reaches the
// leader from any replica), and the leader is told to read it at once.
func (c *Commands) silence(ctx context.Context, caller Caller, cmd Command) (Reply, error) {
	if c.opts.Silences == nil {
		return Reply{}, &CommandError{Message: "Silences are not available in this bot."}
	}
	keys, err := c.silenceKeys(ctx, cmd)
	if err != nil {
		return Reply{}, err
	}
	now := c.opts.Now()
	until := now.Add(cmd.For)
	// The user ID: a display name can be changed to anything.
	by := caller.UserID
	if by == "" {
		by = caller.UserName
	}
	for _, k := range keys {
		var err error
		if cmd.Verb == VerbSilence {
			err = c.opts.Silences.PutSilence(ctx, store.Silence{Key: k, Until: until, By: by, CreatedAt: now})
		} else {
			err = c.opts.Silences.DeleteSilence(ctx, k)
		}
		if err != nil {
			return Reply{}, fmt.Errorf("save silence of %s: %w", k, err)
		}
	}
	told := c.opts.Silencer != nil && c.opts.Silencer.SilencesChanged()
	var containers []string
	for _, k := range keys {
		containers = append(containers, codeSpan(k.Container, 80))
	}
	what := "*" + escClip(oneLine(workload(keys[0])), 300) + "* " + escClip(keys[0].Kind, 40) + " (container " + strings.Join(containers, ", ") + ")"
	var text string
	if cmd.Verb == VerbSilence {
		text = fmt.Sprintf("🔕 Silenced %s until %s (%s). Its alert stays as it is until then; a resolution is still posted.",
			what, slackDate(until), humanDuration(cmd.For))
	} else {
		text = "🔔 Silence lifted for " + what + "."
	}
	reply := textReply(strings.TrimSpace(oneLine(text)), text)
	if !told {
		reply.note("Saved; the alert's message reflects it within a minute.")
	}
	return reply, nil
}

// silenceKeys are the incident keys a silence command means: the named
// container, or every active incident of the workload.
func (c *Commands) silenceKeys(ctx context.Context, cmd Command) ([]incident.Key, error) {
	t := cmd.Target
	base := incident.Key{Cluster: c.opts.Cluster, Namespace: t.Namespace, Kind: t.Kind, Name: t.Name}
	if t.Container != "" {
		base.Container = t.Container
		if err := c.workloadExists(ctx, cmd, base); err != nil {
			return nil, err
		}
		return []incident.Key{base}, nil
	}
	var keys []incident.Key
	seen := map[incident.Key]bool{}
	match := func(k incident.Key) {
		if k.Namespace == t.Namespace && k.Kind == t.Kind && k.Name == t.Name &&
			(c.opts.Cluster == "" || k.Cluster == c.opts.Cluster) && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if c.opts.Incidents != nil {
		active, err := c.opts.Incidents.Active(ctx)
		if err != nil {
			return nil, fmt.Errorf("list active incidents: %w", err)
		}
		for _, inc := range active {
			match(inc.Key)
		}
	}
	if lister, ok := c.opts.Silences.(interface {
		Silences(ctx context.Context) ([]store.Silence, error)
	}); ok && cmd.Verb == VerbUnsilence {
		ss, err := lister.Silences(ctx)
		if err != nil {
			return nil, fmt.Errorf("list silences: %w", err)
		}
		for _, s := range ss {
			match(s.Key)
		}
	}
	if len(keys) == 0 {
		what := "active incident"
		if cmd.Verb == VerbUnsilence {
			what = "active incident or silence"
		}
		return nil, &CommandError{
			Message: fmt.Sprintf("There is no %s of %s %s in %s; name the container: %s/%s/%s/CONTAINER.",
				what, strings.ToLower(t.Kind), t.Name, t.Namespace, t.Namespace, strings.ToLower(t.Kind), t.Name),
			Usage: usages[cmd.Verb],
		}
	}
	return keys, nil
}

// WorkloadChecker tells whether a workload exists; a Cluster that
// implements it (kube.Query) is asked before a silence of a workload with
// no incident, else CrashingPod is.
type WorkloadChecker interface {
	Workload(ctx context.Context, namespace, kind, name string) error
}

// workloadExists refuses to silence a workload that neither has an
// incident nor exists in the cluster: the silence would mute nothing, and
// a typo would look like it worked. Unsilencing needs an incident or a
// silence of the key.
func (c *Commands) workloadExists(ctx context.Context, cmd Command, key incident.Key) error {
	t := cmd.Target
	if c.opts.Incidents != nil {
		active, err := c.opts.Incidents.Active(ctx)
		if err != nil {
			return fmt.Errorf("list active incidents: %w", err)
		}
		for _, inc := range active {
			k := inc.Key
			if k.Namespace == t.Namespace && k.Kind == t.Kind && k.Name == t.Name && (c.opts.Cluster == "" || k.Cluster == c.opts.Cluster) {
				return nil
			}
		}
	}
	if cmd.Verb == VerbUnsilence {
		if lister, ok := c.opts.Silences.(interface {
			Silences(ctx context.Context) ([]store.Silence, error)
		}); ok {
			ss, err := lister.Silences(ctx)
			if err != nil {
				return fmt.Errorf("list silences: %w", err)
			}
			for _, s := range ss {
				if s.Key == key {
					return nil
				}
			}
			return &CommandError{Message: fmt.Sprintf("There is no silence of %s %s (container %s) in %s.", strings.ToLower(t.Kind), t.Name, t.Container, t.Namespace)}
		}
		return nil
	}
	var err error
	if wc, ok := c.opts.Kube.(WorkloadChecker); ok {
		err = wc.Workload(ctx, t.Namespace, t.Kind, t.Name)
	} else {
		_, err = c.opts.Kube.CrashingPod(ctx, t.Namespace, t.Kind, t.Name)
	}
	switch {
	case err == nil:
		return nil
	case apierrors.IsNotFound(err):
		return &CommandError{Message: fmt.Sprintf("There is no %s %s in namespace %s, so there is nothing to silence.", strings.ToLower(t.Kind), t.Name, t.Namespace)}
	case apierrors.IsForbidden(err):
		// The bot may not read that kind (RBAC): it cannot tell, so the
		// silence is kept.
		c.log.Debug("cannot check that the workload exists", "kind", t.Kind, "err", err)
		return nil
	}
	return err
}
