package slackserver

import (
	"slices"
	"strconv"
	"strings"
)

// Conversation is a channel the server lists in conversations.list.
type Conversation struct {
	ID       string
	Name     string // without '#'
	Private  bool
	Archived bool
}

// scopeOf is the OAuth scope each directory method needs, as in Slack.
// conversations.list needs channels:read for public channels and
// groups:read for private ones.
var scopeOf = map[string]string{
	"usergroups.users.list": "usergroups:read",
}

// missingScope answers Slack's missing_scope error when the server was
// given Options.Scopes and scope is not among them.
func (s *Server) missingScope(scope string) *apiError {
	if s.opts.Scopes == nil || slices.Contains(s.opts.Scopes, scope) {
		return nil
	}
	return &apiError{code: "missing_scope", needed: scope}
}

// conversations lists Options.Conversations plus a public conversation
// for every channel name of Options.Channels (with the ID ChannelID gives
// it), in that order.
func (s *Server) conversations() []Conversation {
	out := slices.Clone(s.opts.Conversations)
	for _, c := range s.opts.Channels {
		if isChannelID(c) {
			continue
		}
		name := strings.TrimPrefix(c, "#")
		if !slices.ContainsFunc(out, func(o Conversation) bool { return o.Name == name }) {
			out = append(out, Conversation{ID: ChannelID(name), Name: name})
		}
	}
	return out
}

// listConversations serves conversations.list: types (public_channel,
// private_channel; default public), exclude_archived, and cursor
// pagination by limit (default 100).
func (s *Server) listConversations(req *request) (map[string]any, *apiError) {
	types := strings.Split(req.params.Get("types"), ",")
	if req.params.Get("types") == "" {
		types = []string{"public_channel"}
	}
	wantPublic, wantPrivate := slices.Contains(types, "public_channel"), slices.Contains(types, "private_channel")
	if wantPublic {
		if e := s.missingScope("channels:read"); e != nil {
			return nil, e
		}
	}
	if wantPrivate {
		if e := s.missingScope("groups:read"); e != nil {
			return nil, e
		}
	}
	limit, _ := strconv.Atoi(req.params.Get("limit"))
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	start, _ := strconv.Atoi(req.params.Get("cursor"))
	var all []map[string]any
	for _, c := range s.conversations() {
		if (c.Private && !wantPrivate) || (!c.Private && !wantPublic) ||
			(c.Archived && req.params.Get("exclude_archived") == "true") {
			continue
		}
		all = append(all, map[string]any{
			"id": c.ID, "name": c.Name, "is_channel": !c.Private, "is_group": c.Private,
			"is_private": c.Private, "is_archived": c.Archived,
		})
	}
	start = min(max(start, 0), len(all))
	end := min(start+limit, len(all))
	next := ""
	if end < len(all) {
		next = strconv.Itoa(end)
	}
	return map[string]any{
		"channels":          all[start:end],
		"response_metadata": map[string]any{"next_cursor": next},
	}, nil
}

// userGroupMembers serves usergroups.users.list from Options.UserGroups.
func (s *Server) userGroupMembers(req *request) (map[string]any, *apiError) {
	if e := s.missingScope(scopeOf["usergroups.users.list"]); e != nil {
		return nil, e
	}
	users, ok := s.opts.UserGroups[req.params.Get("usergroup")]
	if !ok {
		return nil, errCode("no_such_subteam")
	}
	return map[string]any{"users": slices.Clone(users)}, nil
}
