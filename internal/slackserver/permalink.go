package slackserver

import "strings"

// permalinkBase is the workspace URL permalinks start with; like auth.test's
// url, it never resolves.
const permalinkBase = "https://slackserver.invalid/archives/"

// Permalink is the link chat.getPermalink gives the message ts of channel
// ch (an ID): the workspace URL, the channel, and "p" with the ts's digits,
// as Slack builds them; a thread reply also names its thread.
func (s *Server) Permalink(ch, ts string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.msgs[ch+"/"+ts]
	if !ok {
		return ""
	}
	return permalink(m)
}

func permalink(m *message) string {
	u := permalinkBase + m.Channel + "/p" + strings.ReplaceAll(m.TS, ".", "")
	if m.ThreadTS != "" {
		u += "?thread_ts=" + m.ThreadTS + "&cid=" + m.Channel
	}
	return u
}

// getPermalink serves chat.getPermalink: the link of a live message, by
// channel ID and message_ts.
func (s *Server) getPermalink(req *request) (map[string]any, *apiError) {
	ch := req.channel()
	if e := s.checkChannel(ch); e != nil {
		return nil, e
	}
	if !isChannelID(ch) {
		return nil, errCode("channel_not_found") // it takes IDs only
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.live(ch, req.params.Get("message_ts"))
	if !ok {
		return nil, errCode("message_not_found")
	}
	return map[string]any{"channel": ch, "permalink": permalink(m)}, nil
}
