package slackserver

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

func (s *Server) getUploadURL(req *request) (map[string]any, *apiError) {
	name := req.params.Get("filename")
	if name == "" {
		return nil, errCode("invalid_arguments")
	}
	if n, err := strconv.Atoi(req.params.Get("length")); err != nil || n <= 0 {
		return nil, errCode("invalid_arguments")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextFile++
	id := fmt.Sprintf("F%08d", s.nextFile)
	s.files[id] = &File{ID: id, Name: name}
	// The upload URL is on the API's own host: slack-go refuses to send the
	// token anywhere else.
	return map[string]any{"upload_url": s.http.URL + "/upload/" + id, "file_id": id}, nil
}

// serveUpload receives a file's bytes, posted as multipart field "file" (or
// as the raw body).
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("file")
	if bearer(r.Header.Get("Authorization")) != s.opts.Token {
		http.Error(w, "invalid_auth", http.StatusUnauthorized)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	var data []byte
	if f, _, err := r.FormFile("file"); err == nil {
		data, err = io.ReadAll(f)
		_ = f.Close()
		if err != nil {
			http.Error(w, "bad upload", http.StatusBadRequest)
			return
		}
	} else {
		data, err = io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "bad upload", http.StatusBadRequest)
			return
		}
	}
	s.mu.Lock()
	f, ok := s.files[id]
	if ok {
		f.Content = data
	}
	s.mu.Unlock()
	if !ok {
		http.Error(w, "unknown file", http.StatusNotFound)
		return
	}
	s.record(&request{method: "upload", params: map[string][]string{"file": {id}}, time: s.opts.Now()}, nil, http.StatusOK, "")
	_, _ = io.WriteString(w, "OK - "+strconv.Itoa(len(data)))
}

func (s *Server) completeUpload(req *request) (map[string]any, *apiError) {
	var files []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(req.params.Get("files")), &files); err != nil || len(files) == 0 {
		return nil, errCode("invalid_arguments")
	}
	ch := req.params.Get("channel_id")
	if ch == "" {
		ch = req.params.Get("channels")
	}
	if ch != "" {
		if e := s.checkChannel(ch); e != nil {
			return nil, e
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for _, fs := range files {
		f, ok := s.files[fs.ID]
		if !ok || f.Content == nil {
			return nil, errCode("file_not_found")
		}
		f.Title, f.Channel, f.ThreadTS, f.Complete = fs.Title, ch, req.params.Get("thread_ts"), true
		out = append(out, map[string]any{"id": f.ID, "title": f.Title})
	}
	return map[string]any{"files": out}, nil
}
