package slackserver

import (
	"encoding/json"
	"net/http"
	"time"
)

// PostFault is what goes wrong with the answer to a chat.postMessage that
// the server has already stored: the message exists (in Messages and in
// conversations.history) but the client never learns it. This is Slack's
// worst moment for a client: a 5xx from a proxy after Slack accepted the
// post, a reset connection, an answer slower than the client's timeout.
// Exactly one of the fields is set.
type PostFault struct {
	// Status answers the stored post with this HTTP status (a 5xx) and no
	// ts.
	Status int
	// Drop closes the connection without an answer.
	Drop bool
	// Delay holds the (successful) answer back this long, or until the
	// client gives up and closes the connection.
	Delay time.Duration
}

// FailAfterStore makes the next n successful chat.postMessage calls (thread
// replies included) store their message and then suffer f.
func (s *Server) FailAfterStore(n int, f PostFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.postFaults = append(s.postFaults, f)
	}
}

// postFault takes the next fault for a stored post, if one is queued.
func (s *Server) postFault() (PostFault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.postFaults) == 0 {
		return PostFault{}, false
	}
	f := s.postFaults[0]
	s.postFaults = s.postFaults[1:]
	return f, true
}

// applyPostFault answers a stored post (resp) as f says. The call is
// recorded with the status the client saw (0 for a dropped connection)
// and the ts of the message it created.
func (s *Server) applyPostFault(w http.ResponseWriter, r *http.Request, req *request, resp map[string]any, f PostFault) {
	switch {
	case f.Status != 0:
		s.record(req, resp, f.Status, "stored_then_failed")
		http.Error(w, http.StatusText(f.Status), f.Status)
	case f.Drop:
		s.record(req, resp, 0, "stored_then_dropped")
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // closes the connection without an answer
	default:
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			// The client gave up: it never sees the answer.
			s.record(req, resp, 0, "stored_then_timed_out")
			return
		}
		resp["ok"] = true
		s.record(req, resp, http.StatusOK, "")
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_ = json.NewEncoder(w).Encode(resp)
	}
}
