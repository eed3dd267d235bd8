package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/scope"
)

// Access says who may query which namespaces through /crashloop and the
// alert buttons. A request is allowed for a namespace when at least one
// rule matches the request's channel and user and grants the namespace,
// and the namespace is not excluded. Nothing matches by default: the zero
// Access denies everything.
//
// Channels are matched by ID only, exactly as Slack sends them. A rule may
// name a channel "#name"; ResolveChannels turns the name into the ID the
// channel has in the workspace, and until then (or when that fails) the
// entry matches nothing. The channel name a request carries is never
// compared: anyone can create a channel and name it after another
// channel's ID, or call it "directmessage".
type Access struct {
	Rules []AccessRule
	// Watched are the namespaces "*" stands for: watch.namespaces; empty
	// means every namespace.
	Watched []string
	// Exclude lists namespaces no rule grants, e.g. watch.exclude_namespaces.
	Exclude []string

	// channelIDs maps "#name" entries to the channel IDs ResolveChannels
	// found; an entry that is missing matches nothing.
	channelIDs map[string]string
}

// AccessRule grants namespaces to channels and, optionally, users.
type AccessRule struct {
	// Channels are channel IDs ("C0123ABC", matched exactly, case
	// included) or names written "#alerts" (matched once resolved to the
	// channel's ID); empty means any channel, direct messages included.
	Channels []string
	// Users (user IDs, "U0123ABC") and UserGroups (user group IDs,
	// "S0123ABC") narrow the rule to those people; both empty means anyone
	// in the channels.
	Users      []string
	UserGroups []string
	// Namespaces are the namespaces granted; "*" grants the watched ones.
	Namespaces []string
}

// channelIDPattern is the shape of a Slack conversation ID: public (C),
// private (G) and direct (D) conversations. Channel names are lower case,
// so no name has this shape.
var channelIDPattern = regexp.MustCompile(`^[CGD][A-Z0-9]{2,}$`)

// ChannelEntry normalizes a channel as configured for alerts (slack.channel,
// a route's channel: an ID, "#name" or "name") to an Access entry: the ID
// as is, else "#name".
func ChannelEntry(ch string) string {
	ch = strings.TrimSpace(ch)
	if ch == "" || channelIDPattern.MatchString(ch) {
		return ch
	}
	return "#" + strings.TrimPrefix(ch, "#")
}

// DefaultAccess is the policy without explicit rules: the watched
// namespaces (all but exclude when watched is empty), queried only from the
// alert channels.
func DefaultAccess(alertChannels, watched, exclude []string) Access {
	var chans []string
	for _, c := range alertChannels {
		if e := ChannelEntry(c); e != "" && !slices.Contains(chans, e) {
			chans = append(chans, e)
		}
	}
	a := Access{Watched: watched, Exclude: exclude}
	if len(chans) > 0 {
		a.Rules = []AccessRule{{Channels: chans, Namespaces: []string{"*"}}}
	}
	return a
}

// Who is whom a Scope is computed for: a channel and, optionally, a user
// and the user groups they belong to. Without a user it is what anyone in
// the channel may see, e.g. what may be answered in the channel's threads
// or summed up in a digest posted there.
type Who struct {
	ChannelID string
	UserID    string
	// Groups are the IDs of the user groups the user belongs to, among
	// those the rules name (see Access.GroupsFor).
	Groups []string
}

// Scope is the set of namespaces someone may see. The zero Scope allows
// nothing.
type Scope struct {
	matched bool
	granted scope.Grant // namespaces of every matching rule, "*" included
	watched scope.Watched
}

// Scope returns the namespaces w may see. It is pure: channel names must
// have been resolved (ResolveChannels) and group membership looked up by
// the caller, so the same answer serves commands, buttons and digests.
func (a Access) Scope(w Who) Scope {
	s := Scope{watched: scope.Watched{Namespaces: a.Watched, Exclude: a.Exclude}}
	for _, r := range a.Rules {
		if !a.matchChannel(r, w.ChannelID) || !r.matchUser(w) {
			continue
		}
		s.matched = true
		s.granted = append(s.granted, r.Namespaces...)
	}
	return s
}

// Any reports whether any rule matched, so the bot may be used at all.
func (s Scope) Any() bool { return s.matched }

// Allows reports whether namespace ns may be seen: granted by name, or by
// "*" and watched, and not excluded (scope.Grant.Allows, the rule digests
// use too).
func (s Scope) Allows(ns string) bool {
	return s.matched && s.granted.Allows(s.watched, ns)
}

// matchChannel: an ID entry matches that ID exactly; a "#name" entry the
// ID it was resolved to.
func (a Access) matchChannel(r AccessRule, channelID string) bool {
	if len(r.Channels) == 0 {
		return true
	}
	if channelID == "" {
		return false
	}
	for _, ch := range r.Channels {
		if strings.HasPrefix(ch, "#") {
			if id, ok := a.channelIDs[ch]; ok && id == channelID {
				return true
			}
			continue
		}
		if ch == channelID {
			return true
		}
	}
	return false
}

func (r AccessRule) matchUser(w Who) bool {
	if len(r.Users) == 0 && len(r.UserGroups) == 0 {
		return true
	}
	if w.UserID == "" {
		return false
	}
	if slices.Contains(r.Users, w.UserID) {
		return true
	}
	for _, g := range r.UserGroups {
		if slices.Contains(w.Groups, g) {
			return true
		}
	}
	return false
}

// GroupsFor returns the user groups of the rules that match channelID and
// do not already name userID: the memberships worth looking up.
func (a Access) GroupsFor(channelID, userID string) []string {
	var out []string
	for _, r := range a.Rules {
		if len(r.UserGroups) == 0 || !a.matchChannel(r, channelID) || slices.Contains(r.Users, userID) {
			continue
		}
		for _, g := range r.UserGroups {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out
}

// channelNames returns the "#name" entries of the rules.
func (a Access) channelNames() []string {
	var out []string
	for _, r := range a.Rules {
		for _, ch := range r.Channels {
			if strings.HasPrefix(ch, "#") && !slices.Contains(out, ch) {
				out = append(out, ch)
			}
		}
	}
	return out
}

// ChannelLister lists the workspace's channels (conversations.list);
// *slack.Client implements it.
type ChannelLister interface {
	GetConversationsContext(ctx context.Context, params *slack.GetConversationsParameters) ([]slack.Channel, string, error)
}

// Errors of ResolveChannels for one name: no channel of the workspace has
// it (or it is private and the bot is not in it), or several do.
var (
	ErrChannelNotFound  = errors.New("no such channel")
	ErrChannelAmbiguous = errors.New("several channels have that name")
)

// ResolveChannels returns a copy of a whose "#name" entries match the IDs
// the channels of those names have in the workspace. It lists public
// channels, and private ones the bot is in when the token has groups:read.
// Names it cannot resolve (missing, ambiguous, or the listing failed) keep
// matching nothing; the error says which and why.
func ResolveChannels(ctx context.Context, api ChannelLister, a Access) (Access, error) {
	names := a.channelNames()
	out := a
	out.channelIDs = map[string]string{}
	if len(names) == 0 {
		return out, nil
	}
	if api == nil {
		return out, fmt.Errorf("channel names %s in commands.access cannot be resolved without a Slack API; write channel IDs", strings.Join(names, ", "))
	}
	found, err := listChannels(ctx, api, []string{"public_channel", "private_channel"})
	if slackErrorCode(err) == "missing_scope" {
		// Without groups:read, public channels still resolve.
		found, err = listChannels(ctx, api, []string{"public_channel"})
	}
	if err != nil {
		if slackErrorCode(err) == "missing_scope" {
			err = fmt.Errorf("%w (the Slack app needs the channels:read scope, and groups:read for private channels, to resolve channel names; or write channel IDs)", err)
		}
		return out, fmt.Errorf("resolve channel names %s: %w", strings.Join(names, ", "), err)
	}
	var errs []error
	for _, n := range names {
		ids := found[strings.TrimPrefix(n, "#")]
		switch len(ids) {
		case 1:
			out.channelIDs[n] = ids[0]
		case 0:
			errs = append(errs, fmt.Errorf("channel %s: %w (private channels need groups:read and the bot invited)", n, ErrChannelNotFound))
		default:
			errs = append(errs, fmt.Errorf("channel %s: %w (%s); write the channel ID", n, ErrChannelAmbiguous, strings.Join(ids, ", ")))
		}
	}
	return out, errors.Join(errs...)
}

// maxChannelPages bounds conversations.list paging: 1000 per page.
const maxChannelPages = 100

// listChannels maps channel names to the IDs of the unarchived channels of
// those types.
func listChannels(ctx context.Context, api ChannelLister, types []string) (map[string][]string, error) {
	out := map[string][]string{}
	cursor := ""
	for range maxChannelPages {
		chans, next, err := api.GetConversationsContext(ctx, &slack.GetConversationsParameters{
			Types: types, ExcludeArchived: true, Limit: 1000, Cursor: cursor,
		})
		if err != nil {
			return nil, fmt.Errorf("conversations.list: %w", err)
		}
		for _, ch := range chans {
			if ch.Name != "" && !slices.Contains(out[ch.Name], ch.ID) {
				out[ch.Name] = append(out[ch.Name], ch.ID)
			}
		}
		if next == "" {
			return out, nil
		}
		cursor = next
	}
	return out, nil
}

// Caller is who sends a request, and from where. Names are for the audit
// log only; access is decided on IDs.
type Caller struct {
	UserID, UserName       string
	ChannelID, ChannelName string
	// TeamID and EnterpriseID are the workspace (and Enterprise Grid
	// organization) the request comes from, for the audit log.
	TeamID, EnterpriseID string
}

// GroupResolver lists the members of a Slack user group
// (usergroups.users.list, scope usergroups:read).
type GroupResolver interface {
	GetUserGroupMembersContext(ctx context.Context, userGroup string) ([]string, error)
}

// groupCache remembers user group members for groupTTL, and a failed
// lookup for groupErrTTL, so a command does not call Slack each time.
type groupCache struct {
	resolver GroupResolver
	now      func() time.Time

	mu      sync.Mutex
	members map[string]cachedGroup
}

type cachedGroup struct {
	users []string
	err   error
	at    time.Time
}

const (
	groupTTL    = 5 * time.Minute
	groupErrTTL = 30 * time.Second
)

// GroupError says why the members of a user group are unknown; a rule
// naming the group then grants nothing.
type GroupError struct {
	Group string
	Err   error
}

func (e *GroupError) Error() string {
	msg := fmt.Sprintf("read members of user group %s: %v", e.Group, e.Err)
	if slackErrorCode(e.Err) == "missing_scope" {
		msg += " (the Slack app needs the usergroups:read scope for commands.access user_groups)"
	}
	return msg
}

func (e *GroupError) Unwrap() error { return e.Err }

// memberOf returns which of groups user belongs to, and the lookups that
// failed. fresh reports errors that were not cached, to log them once.
func (c *groupCache) memberOf(ctx context.Context, user string, groups []string) (in []string, failed []*GroupError, fresh bool) {
	for _, g := range groups {
		users, isNew, err := c.lookup(ctx, g)
		if err != nil {
			failed = append(failed, &GroupError{Group: g, Err: err})
			fresh = fresh || isNew
			continue
		}
		if slices.Contains(users, user) {
			in = append(in, g)
		}
	}
	return in, failed, fresh
}

// lookup returns the members of group; fresh says Slack was asked now.
func (c *groupCache) lookup(ctx context.Context, group string) (users []string, fresh bool, err error) {
	if c == nil || c.resolver == nil {
		return nil, false, errors.New("no Slack API to look up user groups")
	}
	now := c.now()
	c.mu.Lock()
	g, ok := c.members[group]
	c.mu.Unlock()
	ttl := groupTTL
	if g.err != nil {
		ttl = groupErrTTL
	}
	if ok && now.Sub(g.at) <= ttl {
		return g.users, false, g.err
	}
	users, err = c.resolver.GetUserGroupMembersContext(ctx, group)
	g = cachedGroup{users: users, err: err, at: now}
	c.mu.Lock()
	if c.members == nil {
		c.members = map[string]cachedGroup{}
	}
	c.members[group] = g
	c.mu.Unlock()
	return users, true, err
}
