package slackserver

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultToken is the bot token New accepts when Options.Token is empty.
const DefaultToken = "xoxb-slackserver-test-token"

// Options configures a Server. The zero value is usable: it accepts
// DefaultToken, any channel, and does not rate-limit.
type Options struct {
	// Token is the bot token clients must present, as
	// "Authorization: Bearer <token>" or as the form field token (slack-go
	// sends form-encoded methods that way). Default DefaultToken.
	Token string
	// Channels, when not empty, is the allow-list of channels; other channels
	// answer channel_not_found.
	Channels []string
	// PostsPerSecond rate-limits chat.postMessage per channel (thread replies
	// included). 0 disables the limit (unless Limits sets one).
	PostsPerSecond float64
	// PostBurst is how many posts a channel may send at once before the rate
	// applies. Default 1 when PostsPerSecond is set.
	PostBurst int
	// Limits rate-limits methods by name, answering HTTP 429 with
	// Retry-After as Slack does; SlackLimits() are Slack's own. A
	// chat.postMessage entry overrides PostsPerSecond.
	Limits map[string]Limit
	// Now is the server's clock, for ts values, recorded times and the rate
	// limiter. Default time.Now.
	Now func() time.Time
	// TeamID, UserID and BotID are returned by auth.test and stamped on
	// messages. Defaults T0SLACKTEST, U0BOTUSER, B0BOTID.
	TeamID, UserID, BotID string
	// Conversations are listed by conversations.list, after which every
	// channel name of Channels is listed as a public channel.
	Conversations []Conversation
	// UserGroups are the members of each user group ID, for
	// usergroups.users.list.
	UserGroups map[string][]string
	// Scopes, when not nil, are the bot token's OAuth scopes: the directory
	// methods (conversations.list, usergroups.users.list) answer
	// missing_scope without theirs. nil grants every scope.
	Scopes []string
	// DropMetadata makes the server accept message metadata and keep none,
	// as a Slack-compatible server without metadata support would: clients
	// must find their messages by what they show.
	DropMetadata bool
}

// Server is a Slack-compatible Web API server listening on loopback. It is
// safe for concurrent use.
type Server struct {
	opts     Options
	channels map[string]bool
	http     *httptest.Server

	mu        sync.Mutex
	calls     []Call
	msgs      map[string]*message // channel + "/" + ts
	top       []*message          // top-level messages, in posting order
	files     map[string]*File    // by file id
	lastTS    int64               // microseconds of the last ts handed out
	nextFile  int
	outageEnd time.Time
	failN     int
	failCode  int
	errN      int
	errCode   string
	// postFaults are the faults still to apply to stored posts, in order.
	postFaults []PostFault
	buckets    map[string]*bucket
	limits     map[string]Limit
	changed    chan struct{} // closed and replaced on every recorded call
}

// New starts a Server on a loopback port. Close it when done.
func New(opts Options) *Server {
	if opts.Token == "" {
		opts.Token = DefaultToken
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.PostsPerSecond > 0 && opts.PostBurst <= 0 {
		opts.PostBurst = 1
	}
	if opts.TeamID == "" {
		opts.TeamID = "T0SLACKTEST"
	}
	if opts.UserID == "" {
		opts.UserID = "U0BOTUSER"
	}
	if opts.BotID == "" {
		opts.BotID = "B0BOTID"
	}
	s := &Server{
		opts:    opts,
		msgs:    map[string]*message{},
		files:   map[string]*File{},
		buckets: map[string]*bucket{},
		limits:  map[string]Limit{},
		changed: make(chan struct{}),
	}
	if opts.PostsPerSecond > 0 {
		s.limits["chat.postMessage"] = Limit{PerMinute: opts.PostsPerSecond * 60, Burst: opts.PostBurst, PerChannel: true}
	}
	for m, l := range opts.Limits {
		s.limits[m] = l
	}
	if len(opts.Channels) > 0 {
		s.channels = map[string]bool{}
		for _, c := range opts.Channels {
			s.channels[c] = true
			s.channels[ChannelID(c)] = true
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/{method}", s.serveAPI)
	mux.HandleFunc("/upload/{file}", s.serveUpload)
	s.http = httptest.NewServer(mux)
	return s
}

// URL returns the API base URL, ending in "/", for slack.OptionAPIURL.
func (s *Server) URL() string { return s.http.URL + "/api/" }

// Close shuts the server down and closes every connection.
func (s *Server) Close() { s.http.Close() }

// SetOutage makes every API call answer HTTP 503 for d from now; d <= 0 ends
// an outage.
func (s *Server) SetOutage(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outageEnd = s.opts.Now().Add(d)
}

// FailNext makes the next n API calls answer with HTTP status (a 5xx, or
// 429, which comes with "Retry-After: 1").
func (s *Server) FailNext(n int, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failN, s.failCode = n, status
}

// FailNextError makes the next n authenticated API calls answer HTTP 200
// {"ok":false,"error":code}, e.g. "invalid_blocks" or "not_in_channel".
func (s *Server) FailNextError(n int, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errN, s.errCode = n, code
}

// injectedError returns the error FailNextError asked for, if any.
func (s *Server) injectedError() *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.errN <= 0 {
		return nil
	}
	s.errN--
	return errCode(s.errCode)
}

// handler serves one API method; it returns the JSON response body (ok is
// added) or a Slack error code.
type handler func(r *request) (map[string]any, *apiError)

// apiError is a Slack error answer: {"ok":false,"error":code}.
type apiError struct {
	code   string
	detail string // response_metadata.messages, for invalid_blocks
	needed string // the scope a missing_scope error names
}

func errCode(code string) *apiError { return &apiError{code: code} }

func (s *Server) handlers() map[string]handler {
	return map[string]handler{
		"auth.test":                    s.authTest,
		"chat.postMessage":             s.postMessage,
		"chat.update":                  s.update,
		"chat.postEphemeral":           s.postEphemeral,
		"chat.delete":                  s.delete,
		"chat.getPermalink":            s.getPermalink, // permalink.go
		"conversations.replies":        s.replies,
		"conversations.history":        s.history,
		"files.getUploadURLExternal":   s.getUploadURL,
		"files.completeUploadExternal": s.completeUpload,
		"conversations.list":           s.listConversations,
		"usergroups.users.list":        s.userGroupMembers,
	}
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	req, err := parseRequest(r, method)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	req.time = s.opts.Now()

	if status, retryAfter := s.fault(req.time); status != 0 {
		s.record(req, nil, status, "")
		if retryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
		}
		http.Error(w, http.StatusText(status), status)
		return
	}
	h, ok := s.handlers()[method]
	if !ok {
		s.writeResult(w, req, nil, errCode("unknown_method"))
		return
	}
	switch req.token {
	case "":
		s.writeResult(w, req, nil, errCode("not_authed"))
		return
	case s.opts.Token:
	default:
		s.writeResult(w, req, nil, errCode("invalid_auth"))
		return
	}
	if wait, limited := s.limit(method, ChannelID(req.channel()), req.time); limited {
		s.record(req, nil, http.StatusTooManyRequests, "ratelimited")
		w.Header().Set("Retry-After", strconv.Itoa(wait))
		http.Error(w, `{"ok":false,"error":"ratelimited"}`, http.StatusTooManyRequests)
		return
	}
	if e := s.injectedError(); e != nil {
		s.writeResult(w, req, nil, e)
		return
	}
	resp, apiErr := h(req)
	if method == "chat.postMessage" && apiErr == nil {
		if f, ok := s.postFault(); ok {
			s.applyPostFault(w, r, req, resp, f)
			return
		}
	}
	s.writeResult(w, req, resp, apiErr)
}

// fault returns the injected failure for a call at now, if any.
func (s *Server) fault(now time.Time) (status, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now.Before(s.outageEnd) {
		return http.StatusServiceUnavailable, 0
	}
	if s.failN > 0 {
		s.failN--
		if s.failCode == http.StatusTooManyRequests {
			return s.failCode, 1
		}
		return s.failCode, 0
	}
	return 0, 0
}

// writeResult records the call and writes Slack's JSON answer.
func (s *Server) writeResult(w http.ResponseWriter, req *request, resp map[string]any, apiErr *apiError) {
	if resp == nil {
		resp = map[string]any{}
	}
	code := ""
	if apiErr != nil {
		code = apiErr.code
		resp = map[string]any{"ok": false, "error": apiErr.code}
		if apiErr.detail != "" {
			resp["response_metadata"] = map[string]any{"messages": []string{"[ERROR] " + apiErr.detail}}
		}
		if apiErr.needed != "" {
			resp["needed"] = apiErr.needed
		}
	} else {
		resp["ok"] = true
	}
	s.record(req, resp, http.StatusOK, code)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(resp)
}

// checkChannel answers channel_not_found for a channel off the allow-list.
func (s *Server) checkChannel(ch string) *apiError {
	if ch == "" {
		return errCode("channel_not_found")
	}
	if s.channels != nil && !s.channels[ch] && !s.channels[ChannelID(ch)] {
		return errCode("channel_not_found")
	}
	return nil
}

// Channels returns the channels that have messages, sorted.
func (s *Server) Channels() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, m := range s.top {
		if !slices.Contains(out, m.Channel) {
			out = append(out, m.Channel)
		}
	}
	slices.Sort(out)
	return out
}

// bearer returns the token of an "Authorization: Bearer" header.
func bearer(h string) string {
	const p = "Bearer "
	if len(h) > len(p) && strings.EqualFold(h[:len(p)], p) {
		return strings.TrimSpace(h[len(p):])
	}
	return ""
}
