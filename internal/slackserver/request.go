package slackserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// maxBody bounds a request body, like Slack's own limits do.
const maxBody = 8 << 20

// request is one API call with its parameters decoded, whichever encoding
// the client used.
type request struct {
	method string
	token  string
	params url.Values // without the token
	time   time.Time
}

func (r *request) channel() string {
	if c := r.params.Get("channel"); c != "" {
		return c
	}
	return r.params.Get("channel_id")
}

// parseRequest decodes form-encoded, multipart and JSON bodies (and the query
// string) into one set of parameters.
func parseRequest(r *http.Request, method string) (*request, error) {
	req := &request{method: method, params: url.Values{}}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	r.Body = http.MaxBytesReader(nil, r.Body, maxBody)
	switch ct {
	case "application/json":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, fmt.Errorf("read body: %w", err)
		}
		var m map[string]json.RawMessage
		if len(bytes.TrimSpace(body)) > 0 {
			if err := json.Unmarshal(body, &m); err != nil {
				return nil, fmt.Errorf("decode json: %w", err)
			}
		}
		for k, v := range m {
			req.params.Set(k, jsonParam(v))
		}
		for k, vs := range r.URL.Query() {
			req.params[k] = vs
		}
	case "multipart/form-data":
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return nil, fmt.Errorf("parse multipart: %w", err)
		}
		req.params = r.Form
	default:
		if err := r.ParseForm(); err != nil {
			return nil, fmt.Errorf("parse form: %w", err)
		}
		req.params = r.Form
	}
	req.token = bearer(r.Header.Get("Authorization"))
	if req.token == "" {
		req.token = req.params.Get("token")
	}
	req.params.Del("token")
	return req, nil
}

// jsonParam turns a JSON value into the string a form field would carry:
// strings as they are, numbers and booleans in their literal form, arrays
// and objects (blocks) as JSON.
func jsonParam(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var f float64
	if json.Unmarshal(v, &f) == nil {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return string(bytes.TrimSpace(v))
}
