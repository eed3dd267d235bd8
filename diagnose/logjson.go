package diagnose

import (
	"bytes"
	"encoding/json"
)

// A structured log pretty-printed before it was pasted (`kubectl logs |
// jq`, a log viewer's "expand", an issue template's JSON block) spreads one
// record over many lines:
//
//	{
//	  "level": "error",
//	  "ts": "2024-08-20T21:00:06Z",
//	  "msg": "no operator deployment found with the filter",
//	  "error": "no operator deployment found",
//	  "stacktrace": "github.com/...
//	}
//
// Read line by line, its message and its error are two unrelated lines and
// the stack trace's frames outweigh them. A jsonJoiner hands the scanner
// such a record as the one line the program printed, so it is read as a
// JSON log line is: its msg and error together, its level as the record's.

// Bounds of a pretty-printed record: past them the lines are passed on as
// they came.
const (
	maxJSONRecordLines = 64
	maxJSONRecordBytes = 16 << 10
)

// jsonJoiner holds the lines of an object that opened on a line of its
// own ("{") until it closes or turns out to be no JSON. Only objects with
// a log level and a message are joined; any other JSON (a config file, a
// validation error's list) passes through untouched.
type jsonJoiner struct {
	block []byte // the held lines, each ending in '\n'
	ends  []int  // the end of each held line in block
	depth int
	out   []byte
}

// push takes the next line and passes on, through emit, the lines to
// examine now. The slices emit gets are valid only during the call.
func (j *jsonJoiner) push(line []byte, emit func([]byte)) {
	t := bytes.TrimSpace(line)
	if len(j.ends) == 0 {
		if len(t) == 1 && t[0] == '{' {
			j.hold(line)
			j.depth = 1
			return
		}
		emit(line)
		return
	}
	if len(t) == 0 || !startsJSONToken(t[0]) || len(j.ends) >= maxJSONRecordLines || len(j.block)+len(line) > maxJSONRecordBytes {
		j.release(emit) // cut short ("..."), or not JSON after all
		j.push(line, emit)
		return
	}
	j.hold(line)
	j.depth += braceDepth(t)
	if j.depth <= 0 {
		j.release(emit)
	}
}

// flush passes on whatever is still held at the end of the log.
func (j *jsonJoiner) flush(emit func([]byte)) {
	if len(j.ends) > 0 {
		j.release(emit)
	}
}

func (j *jsonJoiner) hold(line []byte) {
	j.block = append(j.block, bytes.TrimRight(line, "\r\n")...)
	j.block = append(j.block, '\n')
	j.ends = append(j.ends, len(j.block))
}

// release passes on the held lines: as one line when they are a log
// record (whole, or cut short after its first members), else one by one.
func (j *jsonJoiner) release(emit func([]byte)) {
	if rec, ok := j.record(); ok {
		emit(rec)
	} else {
		start := 0
		for _, end := range j.ends {
			emit(j.block[start : end-1])
			start = end
		}
	}
	j.block, j.ends, j.depth = j.block[:0], j.ends[:0], 0
}

// record joins the held lines into one: the whole object when it parses,
// else its top-level members that are whole (a paste cut inside a long
// stack trace keeps the members before it). It reports false unless the
// result has a level and a message.
func (j *jsonJoiner) record() ([]byte, bool) {
	j.out = append(j.out[:0], '{')
	depth, members := 1, 0
	start := j.ends[0]
	var member []byte
	for _, end := range j.ends[1:] {
		t := bytes.TrimSpace(j.block[start : end-1])
		start = end
		if depth == 1 && len(member) == 0 && (len(t) == 0 || t[0] == '}') {
			break
		}
		if len(member) > 0 {
			member = append(member, ' ')
		}
		member = append(member, t...)
		depth += braceDepth(t)
		if depth > 1 {
			continue
		}
		m := bytes.TrimSuffix(member, []byte(","))
		if json.Valid(append(append([]byte{'{'}, m...), '}')) {
			if members > 0 {
				j.out = append(j.out, ", "...)
			}
			j.out = append(j.out, m...)
			members++
		}
		member = member[:0]
		if depth < 1 {
			break
		}
	}
	j.out = append(j.out, '}')
	if members < 2 || len(j.out) > maxLineBytes {
		return nil, false
	}
	var rec map[string]json.RawMessage
	if json.Unmarshal(j.out, &rec) != nil {
		return nil, false
	}
	return j.out, hasAnyKey(rec, "level", "severity", "lvl", "levelname", "log.level") &&
		hasAnyKey(rec, "msg", "message", "error", "err")
}

func hasAnyKey(m map[string]json.RawMessage, keys ...string) bool {
	for _, k := range keys {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// startsJSONToken reports a byte a line of pretty-printed JSON can start
// with: a key or string, a bracket, a number or a literal.
func startsJSONToken(c byte) bool {
	switch c {
	case '"', '{', '}', '[', ']', '-', 't', 'f', 'n':
		return true
	}
	return c >= '0' && c <= '9'
}

// braceDepth is how much deeper a line of JSON leaves the nesting: its
// opening brackets less its closing ones, outside strings.
func braceDepth(t []byte) int {
	d, inString := 0, false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			d++
		case c == '}' || c == ']':
			d--
		}
	}
	return d
}
