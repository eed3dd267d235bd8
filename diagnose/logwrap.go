package diagnose

import "bytes"

// A message quoted in a commit message, an e-mail or a hard-wrapped pull
// request is cut at about 72 columns and indented under the prose:
//
//	  Error: failed to create containerd task: failed to create shim
//	  task: OCI runtime create failed: runc create failed: unable to
//	  start container process: exec: "uvicorn": executable file not
//	  found in $PATH: unknown
//
// Its pieces are one message: a wrapJoiner hands the scanner the whole,
// so the rules read "executable file not found in $PATH" and
// `configmap "nginx-conf" not found` as they were printed.

// wrapJoiner holds the last line read until the next one shows whether it
// continues it. Lines are joined only when the whole matches a rule that
// neither piece matches as strongly: a code block's log lines, which look
// alike ("worker-1  | ... not found" over "worker-1 exited with code
// 127"), stay apart. Its buffers are reused, so reading a log allocates
// nothing per line.
type wrapJoiner struct {
	buf, out, lower []byte
	pending         bool
	idx             *lineIndex
}

// push takes the next line and returns the line to examine now, if one is
// ready (the one before, with what continued it). The returned slice is
// valid until the next push.
func (w *wrapJoiner) push(line []byte) (ready []byte, ok bool) {
	line = bytes.TrimRight(line, "\r\n")
	if w.pending && len(w.buf)+1+len(line) <= maxLineBytes && ((wrapsOnto(w.buf, line) || chainLinksOn(w.buf, line)) && w.saysMore(line) || logfmtGoesOn(w.buf, line)) {
		w.buf = append(w.buf, ' ')
		w.buf = append(w.buf, bytes.TrimLeft(line, " \t")...)
		return nil, false
	}
	if w.pending {
		w.out = append(w.out[:0], w.buf...)
		ready, ok = w.out, true
	}
	w.buf = append(w.buf[:0], line...)
	w.pending = true
	return ready, ok
}

// saysMore reports whether the pending line joined with next matches a
// rule more strongly than either alone.
func (w *wrapJoiner) saysMore(next []byte) bool {
	n := len(w.buf)
	w.buf = append(w.buf, ' ')
	w.buf = append(w.buf, bytes.TrimLeft(next, " \t")...)
	joined := w.ruleWeight(w.buf)
	w.buf = w.buf[:n]
	return joined > 0 && joined > w.ruleWeight(w.buf) && joined > w.ruleWeight(next)
}

// ruleWeight is the weight of the strongest rule line matches, 0 for none.
func (w *wrapJoiner) ruleWeight(line []byte) int {
	w.lower = appendLower(w.lower[:0], line)
	w.idx.reset(w.lower)
	if p := strongestPattern(w.idx, w.lower, line, line); p != nil {
		return p.weight
	}
	return 0
}

// flush returns the pending line, if any.
func (w *wrapJoiner) flush() ([]byte, bool) {
	if !w.pending {
		return nil, false
	}
	w.pending = false
	return w.buf, true
}

// wrapsOnto reports whether next continues prev as a hard-wrapped message
// does: both indented alike, prev long and cut mid-sentence (it ends in a
// letter or a digit, not a key with one value), next going on in lower
// case or with a quote, and neither a stack frame nor a YAML key.
func wrapsOnto(prev, next []byte) bool {
	ip, in := leadingBlanks(prev), leadingBlanks(next)
	if ip < 2 || ip != in || !bytes.Equal(prev[:ip], next[:in]) {
		return false
	}
	p, n := prev[ip:], bytes.TrimRight(next[in:], " \t")
	if len(p) < 40 || len(n) == 0 {
		return false
	}
	last := p[len(p)-1]
	if !isLetter(last) && (last < '0' || last > '9') {
		return false
	}
	first := n[0]
	if !(first >= 'a' && first <= 'z') && first != '"' && first != '\'' {
		return false
	}
	if bytes.HasPrefix(n, []byte("at ")) || yamlKeyLine(p) || yamlKeyLine(n) {
		return false
	}
	return true
}

// chainLinksOn reports whether next is the link after prev in a Rust
// error chain, as anyhow and eyre number a cause's links under "Caused
// by:" at one indentation:
//
//	0: failed to spawn `wasm-opt --version`
//	1: No such file or directory (os error 2)
//
// The link names what the one above it failed on.
func chainLinksOn(prev, next []byte) bool {
	ip, in := leadingBlanks(prev), leadingBlanks(next)
	if ip < 2 || ip != in {
		return false
	}
	return chainLink(prev[ip:]) && chainLink(next[in:])
}

// chainLink reports a line that opens with a link's number ("1: ").
func chainLink(b []byte) bool {
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i > 0 && i < 4 && bytes.HasPrefix(b[i:], []byte(": "))
}

// logfmtGoesOn reports whether next continues the logfmt record prev
// starts, as a terminal or an issue's text box wraps one: prev opens with
// its level or time key, next is no record of its own (no level, time or
// timestamp first) and goes on with another key ("component=...") or
// inside a quoted value prev left open (`err="/etc/rules.yaml:`, then
// `group \"x\", rule 4: ... not defined"`).
func logfmtGoesOn(prev, next []byte) bool {
	if !logfmtRecordStart(prev) {
		return false
	}
	n := bytes.TrimLeft(next, " \t")
	if len(n) == 0 || logfmtRecordStart(n) || (n[0] >= '0' && n[0] <= '9') || n[0] == '[' || n[0] == '{' {
		return false
	}
	return openQuote(prev) || logfmtKey(n)
}

// logfmtRecordStart reports a line that opens a logfmt record with its
// level or time key.
func logfmtRecordStart(b []byte) bool {
	return bytes.HasPrefix(b, []byte("level=")) || bytes.HasPrefix(b, []byte("ts=")) || bytes.HasPrefix(b, []byte("time="))
}

// openQuote reports a line with an unclosed double-quoted value: an odd
// number of quotes no backslash escapes.
func openQuote(b []byte) bool {
	open := false
	for i, c := range b {
		if c == '"' && (i == 0 || b[i-1] != '\\') {
			open = !open
		}
	}
	return open
}

// logfmtKey reports a line that starts with a logfmt key ("component=").
func logfmtKey(b []byte) bool {
	i := 0
	for i < len(b) && (b[i] >= 'a' && b[i] <= 'z' || b[i] == '_' || b[i] == '.' || b[i] >= '0' && b[i] <= '9' && i > 0) {
		i++
	}
	return i > 0 && i < len(b) && b[i] == '='
}

// leadingBlanks counts the spaces and tabs a line starts with.
func leadingBlanks(b []byte) int {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// yamlKeyLine reports "key: value" with one word of value or none, or a
// list item: a pasted setting, not a message's words.
func yamlKeyLine(b []byte) bool {
	if bytes.HasPrefix(b, []byte("- ")) {
		return true
	}
	i := bytes.Index(b, []byte(": "))
	if i <= 0 && !bytes.HasSuffix(b, []byte(":")) {
		return false
	}
	if i < 0 {
		i = len(b) - 1
	}
	for _, c := range b[:i] {
		if !isLetter(c) && (c < '0' || c > '9') && c != '_' && c != '-' && c != '.' {
			return false
		}
	}
	return bytes.Count(bytes.TrimSpace(b[i+1:]), []byte(" ")) == 0
}
