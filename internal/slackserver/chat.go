package slackserver

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
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

// metadata validates a message's metadata parameter as Slack does: a JSON
// object with an event_type string and an event_payload object. It returns
// nil when the call carries none, or the server drops metadata.
func (s *Server) metadata(req *request) (json.RawMessage, *apiError) {
	raw := req.params.Get("metadata")
	if raw == "" {
		return nil, nil
	}
	var md struct {
		EventType    string         `json:"event_type"`
		EventPayload map[string]any `json:"event_payload"`
	}
	if err := json.Unmarshal([]byte(raw), &md); err != nil || md.EventType == "" || md.EventPayload == nil {
		return nil, errCode("invalid_metadata_format")
	}
	if s.opts.DropMetadata {
		return nil, nil
	}
	return json.RawMessage(raw), nil
}

// messageJSON is m as the Web API shows it; withMeta adds its metadata
// (conversations.history and .replies show it only with
// include_all_metadata).
func (s *Server) messageJSON(m *message, withMeta bool) map[string]any {
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
	if withMeta && len(m.Metadata) > 0 {
		out["metadata"] = m.Metadata
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
	md, e := s.metadata(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &message{Message: Message{Channel: ch, Text: text, PostedAt: req.time, UpdatedAt: req.time, Metadata: md}}
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
	return map[string]any{"channel": ch, "ts": m.TS, "message": s.messageJSON(m, true)}, nil
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
	md, e := s.metadata(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.live(ch, req.params.Get("ts"))
	if !ok {
		return nil, errCode("message_not_found")
	}
	if md != nil {
		// As in Slack, an update without metadata keeps the old one.
		m.Metadata = md
	}
	m.Text = text
	// Without a blocks parameter Slack keeps the message's blocks.
	if req.params.Has("blocks") {
		m.Blocks = json.RawMessage(blocks)
	}
	m.Updates++
	m.UpdatedAt = req.time
	return map[string]any{"channel": ch, "ts": m.TS, "text": m.Text, "message": s.messageJSON(m, true)}, nil
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
	if !isChannelID(ch) {
		return nil, errCode("channel_not_found") // IDs only, as in Slack
	}
	w, e := readWindow(req)
	if e != nil {
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
	var msgs []map[string]any
	if w.cursor == "" {
		// The parent comes first on the first page, whatever the window.
		msgs = append(msgs, s.messageJSON(m, w.meta))
	}
	// Replies oldest first, as Slack returns a thread.
	var page []*message
	more := false
	for _, r := range m.replies {
		if r.deleted || !w.contains(r.TS) || (w.cursor != "" && tsLess(r.TS, w.cursor)) || (w.cursor != "" && r.TS == w.cursor) {
			continue
		}
		if len(page) == w.limit {
			more = true
			break
		}
		page = append(page, r)
	}
	for _, r := range page {
		msgs = append(msgs, s.messageJSON(r, w.meta))
	}
	out := map[string]any{"messages": msgs, "has_more": more}
	if more {
		out["response_metadata"] = map[string]any{"next_cursor": page[len(page)-1].TS}
	}
	return out, nil
}

// history serves conversations.history: the channel's live top-level
// messages, newest first, within oldest and latest (exclusive unless
// inclusive), limit per page with a cursor for the next, and their
// metadata with include_all_metadata.
func (s *Server) history(req *request) (map[string]any, *apiError) {
	ch := req.channel()
	if e := s.checkChannel(ch); e != nil {
		return nil, e
	}
	if !isChannelID(ch) {
		return nil, errCode("channel_not_found")
	}
	w, e := readWindow(req)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var page []*message
	more := false
	for i := len(s.top) - 1; i >= 0; i-- {
		m := s.top[i]
		if m.deleted || m.Channel != ch || !w.contains(m.TS) || (w.cursor != "" && !tsLess(m.TS, w.cursor)) {
			continue
		}
		if len(page) == w.limit {
			more = true
			break
		}
		page = append(page, m)
	}
	msgs := make([]map[string]any, 0, len(page))
	for _, m := range page {
		msgs = append(msgs, s.messageJSON(m, w.meta))
	}
	out := map[string]any{"messages": msgs, "has_more": more}
	if more {
		out["response_metadata"] = map[string]any{"next_cursor": page[len(page)-1].TS}
	} else {
		out["response_metadata"] = map[string]any{"next_cursor": ""}
	}
	return out, nil
}

// window is the time window and page of a history or replies read.
type window struct {
	oldest, latest string // "" when unbounded
	inclusive      bool
	limit          int
	// cursor continues a read: the ts of the last message of the page
	// before (Slack's cursors are opaque; this one is a ts).
	cursor string
	meta   bool
}

// readWindow reads oldest, latest, inclusive, limit, cursor and
// include_all_metadata; a malformed one answers invalid_arguments or
// invalid_cursor as Slack does.
func readWindow(req *request) (window, *apiError) {
	p := req.params
	w := window{oldest: p.Get("oldest"), latest: p.Get("latest"), cursor: p.Get("cursor"), limit: 100}
	for _, ts := range []string{w.oldest, w.latest} {
		if ts != "" && !validTS(ts) {
			return w, errCode("invalid_ts_oldest")
		}
	}
	if w.oldest == "0" {
		w.oldest = ""
	}
	if w.cursor != "" && !validTS(w.cursor) {
		return w, errCode("invalid_cursor")
	}
	w.inclusive = truthy(p.Get("inclusive"))
	w.meta = truthy(p.Get("include_all_metadata"))
	if l := p.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 0 {
			return w, errCode("invalid_limit")
		}
		if n > 0 {
			w.limit = min(n, 999) // Slack's maximum page
		}
	}
	return w, nil
}

// contains reports whether ts lies within the window's bounds.
func (w window) contains(ts string) bool {
	if w.oldest != "" && (tsLess(ts, w.oldest) || (ts == w.oldest && !w.inclusive)) {
		return false
	}
	if w.latest != "" && (tsLess(w.latest, ts) || (ts == w.latest && !w.inclusive)) {
		return false
	}
	return true
}

func truthy(v string) bool { return v == "1" || v == "true" }

// validTS reports whether ts looks like "<seconds>[.<micros>]".
func validTS(ts string) bool {
	_, err := strconv.ParseFloat(ts, 64)
	return err == nil
}

// tsLess orders two ts values numerically ("9.5" < "10.0"), exactly: the
// seconds, then the fraction padded to microseconds.
func tsLess(a, b string) bool {
	as, af := splitTS(a)
	bs, bf := splitTS(b)
	if as != bs {
		return as < bs
	}
	return af < bf
}

func splitTS(ts string) (sec, micros int64) {
	whole, frac, _ := strings.Cut(ts, ".")
	sec, _ = strconv.ParseInt(whole, 10, 64)
	frac = (frac + "000000")[:6]
	micros, _ = strconv.ParseInt(frac, 10, 64)
	return sec, micros
}

// live returns the message ts of channel ch unless it is unknown or
// deleted. The caller holds s.mu.
func (s *Server) live(ch, ts string) (*message, bool) {
	m, ok := s.msgs[ch+"/"+ts]
	return m, ok && !m.deleted
}
