package slackserver

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Call is one recorded API call, successful or not.
type Call struct {
	// Method is the API method, e.g. "chat.postMessage".
	Method   string
	Channel  string
	Text     string
	Blocks   json.RawMessage // nil when the call carried no blocks
	ThreadTS string
	// TS is the ts the call named (chat.update, chat.delete) or, for a
	// successful post, the ts it created.
	TS string
	// Params are all parameters of the call except the token.
	Params url.Values
	Time   time.Time
	// Status is the HTTP status of the answer (200, 429, 5xx).
	Status int
	// Error is the Slack error code ("invalid_blocks", "ratelimited"), empty
	// when the call succeeded.
	Error string
}

// OK reports whether the call succeeded.
func (c Call) OK() bool { return c.Status == 200 && c.Error == "" }

// Message is the current state of a message: as posted, with every
// chat.update applied, and (for a top-level message) its thread replies.
type Message struct {
	Channel  string
	TS       string
	ThreadTS string // the parent's ts, for a reply
	Text     string
	Blocks   json.RawMessage
	// Updates counts the chat.update calls applied to the message.
	Updates int
	// Replies are the thread replies, oldest first.
	Replies []Message
	// PostedAt and UpdatedAt are the server times of the post and of the
	// last update.
	PostedAt, UpdatedAt time.Time
	// Metadata is the message's metadata ({"event_type", "event_payload"})
	// as last posted or updated; nil when it carries none (or the server
	// drops metadata, Options.DropMetadata).
	Metadata json.RawMessage
}

// message is the mutable form of Message held by the server.
type message struct {
	Message
	deleted bool
	replies []*message
}

func (m *message) snapshot() Message {
	out := m.Message
	out.Blocks = slices.Clone(m.Blocks)
	out.Metadata = slices.Clone(m.Metadata)
	out.Replies = nil
	for _, r := range m.replies {
		if !r.deleted {
			out.Replies = append(out.Replies, r.snapshot())
		}
	}
	return out
}

// File is an uploaded file.
type File struct {
	ID       string
	Name     string
	Title    string
	Content  []byte
	Channel  string // set by files.completeUploadExternal
	ThreadTS string
	Complete bool
}

// record appends a call and wakes WaitFor.
func (s *Server) record(req *request, resp map[string]any, status int, errCode string) {
	c := Call{
		Method:   req.method,
		Channel:  req.channel(),
		Text:     req.params.Get("text"),
		ThreadTS: req.params.Get("thread_ts"),
		TS:       req.params.Get("ts"),
		Params:   req.params,
		Time:     req.time,
		Status:   status,
		Error:    errCode,
	}
	if b := req.params.Get("blocks"); b != "" {
		c.Blocks = json.RawMessage(b)
	}
	if ts, ok := resp["ts"].(string); ok && c.TS == "" {
		c.TS = ts
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// Keep arrival order: a call held back (a delayed answer the client
	// gave up on) is recorded after calls that arrived later.
	i := len(s.calls)
	for i > 0 && s.calls[i-1].Time.After(c.Time) {
		i--
	}
	s.calls = slices.Insert(s.calls, i, c)
	close(s.changed)
	s.changed = make(chan struct{})
}

// Calls returns every recorded call, in the order they arrived.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// CallsTo returns the recorded calls of one method, in order.
func (s *Server) CallsTo(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Messages returns the current state of every top-level message that has
// not been deleted, in posting order, each with its thread replies.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.top {
		if !m.deleted {
			out = append(out, m.snapshot())
		}
	}
	return out
}

// Message returns one message (top-level or reply) by channel and ts.
func (s *Server) Message(channel, ts string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.msgs[channel+"/"+ts]
	if !ok || m.deleted {
		return Message{}, false
	}
	return m.snapshot(), true
}

// Files returns the uploaded files, completed or not, in no particular order.
func (s *Server) Files() []File {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []File
	for _, f := range s.files {
		c := *f
		c.Content = slices.Clone(f.Content)
		out = append(out, c)
	}
	return out
}

// WaitFor blocks until cond returns true or ctx ends. cond is evaluated
// now and again after every recorded call; it may call the Server's
// accessors. It returns ctx's error if cond never held.
func (s *Server) WaitFor(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// AllText returns everything a person reads in m: its text and every text
// object of its blocks (JSON-decoded, still mrkdwn-escaped), one per line,
// without its replies.
func (m Message) AllText() string {
	var b strings.Builder
	b.WriteString(m.Text)
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if t, ok := x["text"].(string); ok {
				b.WriteString("\n" + t)
			}
			for k, y := range x {
				if k != "text" || !isString(y) {
					walk(y)
				}
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	if len(m.Blocks) > 0 {
		var v any
		if json.Unmarshal(m.Blocks, &v) == nil {
			walk(v)
		}
	}
	return b.String()
}

func isString(v any) bool { _, ok := v.(string); return ok }

// RateLimited counts the calls answered 429 and all calls, of the methods
// given (every method when none is).
func (s *Server) RateLimited(methods ...string) (limited, calls int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.calls {
		if len(methods) > 0 && !slices.Contains(methods, c.Method) {
			continue
		}
		calls++
		if c.Status == 429 {
			limited++
		}
	}
	return limited, calls
}
