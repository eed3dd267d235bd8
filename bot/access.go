package bot

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"
)

// Access says who may query which namespaces through /crashloop and the
// alert buttons. A request is allowed for a namespace when at least one
// rule matches the request's channel and user and lists the namespace, and
// the namespace is not excluded. Nothing matches by default: the zero
// Access denies everything.
type Access struct {
	Rules []AccessRule
	// Exclude lists namespaces no rule grants, e.g. watch.exclude_namespaces.
	Exclude []string
}

// AccessRule grants namespaces to channels and, optionally, users.
type AccessRule struct {
	// Channels are channel IDs ("C0123ABC") or names ("#alerts" or
	// "alerts"); empty means any channel, direct messages included.
	Channels []string
	// Users (user IDs, "U0123ABC") and UserGroups (user group IDs,
	// "S0123ABC") narrow the rule to those people; both empty means anyone
	// in the channels.
	Users      []string
	UserGroups []string
	// Namespaces are the namespaces granted; "*" grants every namespace.
	Namespaces []string
}

// DefaultAccess is the policy without explicit rules: the watched
// namespaces (all but exclude when watched is empty), queried only from the
// alert channels.
func DefaultAccess(alertChannels, watched, exclude []string) Access {
	ns := watched
	if len(ns) == 0 {
		ns = []string{"*"}
	}
	var chans []string
	for _, c := range alertChannels {
		if c != "" && !slices.Contains(chans, c) {
			chans = append(chans, c)
		}
	}
	if len(chans) == 0 {
		return Access{Exclude: exclude}
	}
	return Access{Rules: []AccessRule{{Channels: chans, Namespaces: ns}}, Exclude: exclude}
}

// Caller is who sends a request, and from where.
type Caller struct {
	UserID, UserName       string
	ChannelID, ChannelName string
}

// GroupResolver lists the members of a Slack user group
// (usergroups.users.list); *slack.Client implements it.
type GroupResolver interface {
	GetUserGroupMembersContext(ctx context.Context, userGroup string) ([]string, error)
}

// Grant is what a caller may query: the namespaces of every rule that
// matched. The zero Grant allows nothing.
type Grant struct {
	matched bool
	all     bool
	ns      map[string]bool
	exclude []string
}

// Any reports whether any rule matched the caller, so the caller may use
// the bot at all from there.
func (g Grant) Any() bool { return g.matched }

// Allows reports whether the caller may query namespace ns.
func (g Grant) Allows(ns string) bool {
	if !g.matched || slices.Contains(g.exclude, ns) {
		return false
	}
	return g.all || g.ns[ns]
}

// groupCache remembers user group members for groupTTL, so a command does
// not call Slack each time.
type groupCache struct {
	resolver GroupResolver
	now      func() time.Time

	mu      sync.Mutex
	members map[string]cachedGroup
}

type cachedGroup struct {
	users []string
	at    time.Time
}

const groupTTL = 5 * time.Minute

func (c *groupCache) has(ctx context.Context, group, user string) bool {
	if c == nil || c.resolver == nil {
		return false
	}
	c.mu.Lock()
	g, ok := c.members[group]
	c.mu.Unlock()
	if !ok || c.now().Sub(g.at) > groupTTL {
		users, err := c.resolver.GetUserGroupMembersContext(ctx, group)
		if err != nil {
			// Not knowing the members grants nothing.
			return false
		}
		g = cachedGroup{users: users, at: c.now()}
		c.mu.Lock()
		if c.members == nil {
			c.members = map[string]cachedGroup{}
		}
		c.members[group] = g
		c.mu.Unlock()
	}
	return slices.Contains(g.users, user)
}

// grant evaluates the policy for a caller.
func (a Access) grant(ctx context.Context, c Caller, groups *groupCache) Grant {
	g := Grant{ns: map[string]bool{}, exclude: a.Exclude}
	for _, r := range a.Rules {
		if !r.matchChannel(c) || !r.matchUser(ctx, c, groups) {
			continue
		}
		g.matched = true
		for _, ns := range r.Namespaces {
			if ns == "*" {
				g.all = true
			}
			g.ns[ns] = true
		}
	}
	return g
}

func (r AccessRule) matchChannel(c Caller) bool {
	if len(r.Channels) == 0 {
		return true
	}
	for _, ch := range r.Channels {
		ch = strings.TrimPrefix(ch, "#")
		if ch == "" {
			continue
		}
		if ch == c.ChannelID || (c.ChannelName != "" && strings.EqualFold(ch, c.ChannelName)) {
			return true
		}
	}
	return false
}

func (r AccessRule) matchUser(ctx context.Context, c Caller, groups *groupCache) bool {
	if len(r.Users) == 0 && len(r.UserGroups) == 0 {
		return true
	}
	if c.UserID == "" {
		return false
	}
	if slices.Contains(r.Users, c.UserID) {
		return true
	}
	for _, grp := range r.UserGroups {
		if groups.has(ctx, grp, c.UserID) {
			return true
		}
	}
	return false
}
