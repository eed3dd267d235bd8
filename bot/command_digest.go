package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crashloop-bot/crashloop-bot/digest"
)

// Bounds of the digest subcommand's period.
const (
	MinDigestPeriod = time.Hour
	MaxDigestPeriod = 28 * 24 * time.Hour
)

// DigestCommand serves "/crashloop digest [PERIOD]": the digest of the
// channel the command comes from, built on demand over any period and
// answered only to the caller. It covers what the channel's scheduled
// digest covers, and never more than the caller may query there.
type DigestCommand struct {
	// History reads the incidents (store.Store).
	History digest.Source
	// ScopeFor returns the scope of the caller's channel's digest and its
	// usual period (its window, 7d for a weekly digest).
	ScopeFor func(c Caller) (digest.Scope, time.Duration)
	// Refs and Permalinks link workloads to their alerts; either nil
	// means no links.
	Refs       MessageRefs
	Permalinks Permalinker
	// Location is the time zone of the digest's times; nil means UTC.
	Location *time.Location
}

// parseDigest parses the arguments of "digest": at most one period.
func parseDigest(args []string) (Command, error) {
	switch len(args) {
	case 0:
		return Command{Verb: VerbDigest}, nil
	case 1:
		d, err := ParseDigestPeriod(args[0])
		if err != nil {
			return Command{}, usageErr(VerbDigest, "%v", err)
		}
		return Command{Verb: VerbDigest, For: d}, nil
	}
	return Command{}, usageErr(VerbDigest, "digest takes at most one period, e.g. 7d.")
}

// ParseDigestPeriod parses a digest's period: hours ("24h", "36h"), days
// ("7d"), "day" or "week", from MinDigestPeriod to MaxDigestPeriod.
func ParseDigestPeriod(s string) (time.Duration, error) {
	var d time.Duration
	switch ls := strings.ToLower(s); {
	case ls == "day" || ls == "daily":
		d = 24 * time.Hour
	case ls == "week" || ls == "weekly":
		d = digest.Week
	case strings.HasSuffix(ls, "d"):
		n, err := strconv.Atoi(strings.TrimSuffix(ls, "d"))
		if err != nil {
			return 0, fmt.Errorf("%q is not a period like 24h or 7d", clip(oneLine(s), 20))
		}
		d = time.Duration(min(max(n, 0), 10000)) * 24 * time.Hour
	default:
		var err error
		if d, err = time.ParseDuration(ls); err != nil {
			return 0, fmt.Errorf("%q is not a period like 24h or 7d", clip(oneLine(s), 20))
		}
	}
	if d < MinDigestPeriod || d > MaxDigestPeriod {
		return 0, fmt.Errorf("a digest covers from %s to %s", humanDuration(MinDigestPeriod), humanDuration(MaxDigestPeriod))
	}
	return d, nil
}

// digest answers "digest [PERIOD]" with the channel's digest, limited to
// the namespaces the caller may query here.
func (c *Commands) digest(ctx context.Context, caller Caller, g Scope, cmd Command) (Reply, error) {
	dc := c.opts.Digest
	if dc == nil || dc.History == nil || dc.ScopeFor == nil {
		return Reply{}, &CommandError{Message: "Digests are not available in this bot."}
	}
	base, period := dc.ScopeFor(caller)
	if cmd.For > 0 {
		period = cmd.For
	}
	if base == nil {
		return Reply{}, fmt.Errorf("no digest scope for channel %s", caller.ChannelID)
	}
	loc := dc.Location
	if loc == nil {
		loc = time.UTC
	}
	d, err := digest.Load(ctx, dc.History, grantScope{base: base, g: g}, period, c.opts.Now().In(loc))
	if err != nil {
		return Reply{}, fmt.Errorf("digest: %w", err)
	}
	links := DigestLinks(ctx, dc.Refs, dc.Permalinks, d, c.log)
	text, blocks := RenderDigest(d, c.opts.Cluster, links)
	reply := Reply{Text: text, Blocks: blocks}
	reply.note("Only you can see this digest. It covers what this channel's digest covers and you may query here.")
	return reply, nil
}

// grantScope narrows a channel's digest scope to what a caller's grant
// allows.
type grantScope struct {
	base digest.Scope
	g    Scope
}

func (s grantScope) Includes(ns string, labels map[string]string) bool {
	return s.g.Allows(ns) && s.base.Includes(ns, labels)
}

func (s grantScope) String() string {
	if str, ok := s.base.(fmt.Stringer); ok {
		return str.String()
	}
	return ""
}
