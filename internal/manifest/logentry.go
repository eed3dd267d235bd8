package manifest

import (
	"bytes"
	"encoding/json"
	"strings"
)

// logEntry is a log line as a log store or Docker keeps it: Cloud
// Logging's entry (textPayload, or jsonPayload's message) as Logs
// Explorer shows it, Docker's json-file line ({"log": "...", "stream":
// ...}). A traceback in one entry is one string with escaped newlines.
type logEntry struct {
	TextPayload string `json:"textPayload"`
	Log         string `json:"log"`
	JSONPayload struct {
		Message string `json:"message"`
		// A structured logger's trace beside the message (logstash's
		// encoder: stack_trace), whose "Caused by:" names the cause.
		StackTrace string `json:"stack_trace"`
		// A structured logger's error beside its message (zap's and
		// logrus's "error", "err"): what failed, in the program's words.
		Error json.RawMessage `json:"error"`
		Err   json.RawMessage `json:"err"`
	} `json:"jsonPayload"`
}

// errorText is the logger's error field when it is a string.
func (e logEntry) errorText() string {
	for _, raw := range []json.RawMessage{e.JSONPayload.Error, e.JSONPayload.Err} {
		var s string
		if json.Unmarshal(raw, &s) == nil && s != "" {
			return s
		}
	}
	return ""
}

func (e logEntry) text() string {
	switch {
	case e.TextPayload != "":
		return e.TextPayload
	case e.JSONPayload.Message != "" && e.JSONPayload.StackTrace != "":
		return e.JSONPayload.Message + "\n" + e.JSONPayload.StackTrace
	case e.JSONPayload.Message != "" && e.errorText() != "":
		return e.JSONPayload.Message + ": " + e.errorText() // as the logger's console encoder prints them
	case e.JSONPayload.Message != "":
		return e.JSONPayload.Message
	}
	return e.Log
}

// logEntryText returns the log lines held in pasted log entries (one JSON
// object, an array of them, or one per line), in order, or false when
// the data is not such entries.
func logEntryText(data []byte) (string, bool) {
	var entries []logEntry
	var one logEntry
	switch {
	case json.Unmarshal(data, &entries) == nil:
	case json.Unmarshal(data, &one) == nil:
		entries = []logEntry{one}
	default:
		for line := range bytes.Lines(data) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			var e logEntry
			if json.Unmarshal(line, &e) != nil {
				return "", false
			}
			entries = append(entries, e)
		}
	}
	var b strings.Builder
	for _, e := range entries {
		t := e.text()
		if t == "" {
			return "", false
		}
		b.WriteString(strings.TrimRight(t, "\n"))
		b.WriteByte('\n')
	}
	return b.String(), b.Len() > 0
}
