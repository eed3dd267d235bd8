package slackserver

import (
	"encoding/json"
	"fmt"
	"time"
)

func (s *Server) authTest(*request) (map[string]any, *apiError) {
	return map[string]any{
		"url":     "https://slackserver.invalid/",
		"team":    "slackserver",
		"user":    "crashloop-bot",
		"team_id": s.opts.TeamID,
		"user_id": s.opts.UserID,
		"bot_id":  s.opts.BotID,
	}, nil
}

// newTS returns a ts for a message posted at now: "<unix>.<micros>",
// strictly greater than every ts handed out before. Caller holds s.mu.
func (s *Server) newTS(now time.Time) string {
	us := now.UnixMicro()
	if us <= s.lastTS {
		us = s.lastTS + 1
	}
	s.lastTS = us
	return fmt.Sprintf("%d.%06d", us/1e6, us%1e6)
}

// content validates a message's text and blocks; blocks is "" when absent.
func content(req *request) (text, blocks string, apiErr *apiError) {
	text, blocks = req.params.Get("text"), req.params.Get("blocks")
	if blocks != "" {
		if code, detail := validateBlocks(blocks); code != "" {
			return "", "", &apiError{code: code, detail: detail}
		}
	}
	if text == "" && (blocks == "" || blocks == "[]") {
		return "", "", errCode("no_text")
	}
	return text, blocks, nil
}

func (s *Server) messageJSON(m *message) map[string]any {
	out := map[string]any{
		"type":    "message",
		"user":    s.opts.UserID,
		"bot_id":  s.opts.BotID,
		"text":    m.Text,
		"ts":      m.TS,
		"team":    s.opts.TeamID,
		"channel": m.Channel,
	}
	if m.ThreadTS != "" {
		out["thread_ts"] = m.ThreadTS
	}
	if len(m.Blocks) > 0 {
		out["blocks"] = json.RawMessage(m.Blocks)
	}
	return out
}

func (s *Server) postMessage(req *request) (map[string]any, *apiError) {
	if e := s.checkChannel(req.channel()); e != nil {
		return nil, e
	}
	ch := ChannelID(req.channel())
	text, blocks, e := content(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &message{Message: Message{Channel: ch, Text: text, PostedAt: req.time, UpdatedAt: req.time}}
	if blocks != "" {
		m.Blocks = json.RawMessage(blocks)
	}
	m.TS = s.newTS(req.time)
	parent, ok := s.msgs[ch+"/"+req.params.Get("thread_ts")]
	if ok && parent.ThreadTS != "" {
		// A reply to a reply lands in the parent's thread, as in Slack.
		parent, ok = s.msgs[ch+"/"+parent.ThreadTS]
	}
	if ok && !parent.deleted {
		m.ThreadTS = parent.TS
		parent.replies = append(parent.replies, m)
	} else {
		// Slack posts a reply whose parent is gone as a top-level message.
		s.top = append(s.top, m)
	}
	s.msgs[ch+"/"+m.TS] = m
	return map[string]any{"channel": ch, "ts": m.TS, "message": s.messageJSON(m)}, nil
}

func (s *Server) update(req *request) (map[string]any, *apiError) {
	ch := req.channel()
	if e := s.checkChannel(ch); e != nil {
		return nil, e
	}
	if !isChannelID(ch) {
		return nil, errCode("channel_not_found") // chat.update takes IDs only
	}
	text, blocks, e := content(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.live(ch, req.params.Get("ts"))
	if !ok {
		return nil, errCode("message_not_found")
	}
	m.Text = text
	// Without a blocks parameter Slack keeps the message's blocks.
	if req.params.Has("blocks") {
		m.Blocks = json.RawMessage(blocks)
	}
	m.Updates++
	m.UpdatedAt = req.time
	return map[string]any{"channel": ch, "ts": m.TS, "text": m.Text, "message": s.messageJSON(m)}, nil
}

func (s *Server) postEphemeral(req *request) (map[string]any, *apiError) {
	if e := s.checkChannel(req.channel()); e != nil {
		return nil, e
	}
	if req.params.Get("user") == "" {
		return nil, errCode("user_not_in_channel")
	}
	if _, _, e := content(req); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return map[string]any{"message_ts": s.newTS(req.time)}, nil
}

func (s *Server) delete(req *request) (map[string]any, *apiError) {
	ch := req.channel()
	if e := s.checkChannel(ch); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.live(ch, req.params.Get("ts"))
	if !ok {
		return nil, errCode("message_not_found")
	}
	m.deleted = true
	return map[string]any{"channel": ch, "ts": m.TS}, nil
}

func (s *Server) replies(req *request) (map[string]any, *apiError) {
	ch := req.channel()
	if e := s.checkChannel(ch); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.live(ch, req.params.Get("ts"))
	if !ok {
		return nil, errCode("thread_not_found")
	}
	if m.ThreadTS != "" {
		m = s.msgs[ch+"/"+m.ThreadTS]
	}
	msgs := []map[string]any{s.messageJSON(m)}
	for _, r := range m.replies {
		if !r.deleted {
			msgs = append(msgs, s.messageJSON(r))
		}
	}
	return map[string]any{"messages": msgs, "has_more": false}, nil
}

// live returns the message ts of channel ch unless it is unknown or
// deleted. The caller holds s.mu.
func (s *Server) live(ch, ts string) (*message, bool) {
	m, ok := s.msgs[ch+"/"+ts]
	return m, ok && !m.deleted
}
