package diagnose

import (
	"bytes"
	"strings"
)

// stripANSI removes terminal escape sequences (colour codes) from b in
// place and returns the shortened slice.
func stripANSI(b []byte) []byte {
	i := bytes.IndexByte(b, 0x1b)
	if i < 0 {
		return b
	}
	w := i
	for r := i; r < len(b); {
		if b[r] != 0x1b {
			b[w] = b[r]
			w++
			r++
			continue
		}
		r++
		if r < len(b) && b[r] == '[' {
			// CSI: parameters and intermediates, then one final byte.
			r++
			for r < len(b) && (b[r] < 0x40 || b[r] > 0x7e) {
				r++
			}
		}
		if r < len(b) {
			r++
		}
	}
	return b[:w]
}

// isCaret reports a line of carets that marks a column in the source line
// printed above it (Node.js, Python and compilers echo the failing source).
func isCaret(t []byte) bool {
	if bytes.IndexByte(t, '^') < 0 {
		return false
	}
	for _, c := range t {
		if c != '^' && c != '~' && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// sourceEcho undoes the previous line's claims: it was a source line echoed
// above a caret, so whatever it matched is code, not the error.
func (s *logScanner) sourceEcho() {
	prev := s.lines - 1
	if s.ringNext >= 2 {
		s.caretAt, s.caretSource = s.lines, string(bytes.TrimSpace(s.ring[(s.ringNext-2)%excerptLines]))
	}
	if s.best != nil && s.best.lineNo == prev {
		s.best, s.prevBest = s.prevBest, nil
	}
	if s.firstFatal != nil && s.firstFatal.lineNo == prev {
		s.firstFatal = nil
	}
	if s.lastError != nil && s.lastError.lineNo == prev {
		s.lastError = nil
	}
}

// levelKeys are the keys of structured log levels: JSON ("level":,
// "log.level":, "severity":, "levelname":, MongoDB's "s":) and logfmt
// (level=, lvl=).
var levelKeys = [][]byte{[]byte(`level":`), []byte(`severity":`), []byte(`levelname":`), []byte(`"s":`), []byte("level="), []byte("lvl=")}

// structuredLevel reads the level field of a JSON or logfmt line.
func structuredLevel(lower []byte) (int, bool) {
	for k, key := range levelKeys {
		i := bytes.Index(lower, key)
		if i < 0 || (key[len(key)-1] == '=' && i > 0 && lower[i-1] != ' ' && lower[i-1] != '\t') {
			continue
		}
		v := lower[i+len(key):]
		v = bytes.TrimLeft(v, " ")
		if len(v) > 0 && v[0] == '"' {
			v = v[1:]
		}
		end := 0
		for end < len(v) && (v[end] >= 'a' && v[end] <= 'z' || v[end] >= '0' && v[end] <= '9') {
			end++
		}
		v = v[:end]
		if len(v) == 0 || (k == 3 && len(v) > 2) {
			continue
		}
		if sev, ok := levelWord(v); ok {
			return sev, true
		}
	}
	return 0, false
}

// levelWord maps a level name or number (pino/bunyan) to a severity.
func levelWord(v []byte) (int, bool) {
	if isDigits(v) {
		n := 0
		for _, c := range v {
			n = n*10 + int(c-'0')
			if n > 1000 {
				return 0, false
			}
		}
		switch {
		case n >= 60:
			return sevFatal, true
		case n >= 50:
			return sevError, true
		case n >= 40:
			return sevWarn, true
		}
		return sevInfo, true
	}
	switch string(v) {
	case "fatal", "panic", "dpanic", "critical", "crit", "emerg", "emergency", "alert", "f":
		return sevFatal, true
	case "error", "err", "eror", "e":
		return sevError, true
	case "warn", "warning", "w":
		return sevWarn, true
	case "info", "debug", "trace", "notice", "verbose", "dbug", "i", "d", "d1", "d2", "d3", "d4", "d5":
		return sevInfo, true
	}
	return 0, false
}

// focus quotes s in at most n bytes, showing the text the pattern p matched
// even when it lies beyond n bytes (long JSON lines, runtime messages).
func focus(s string, p *pattern, n int) string {
	s = sanitize(strings.TrimRight(s, " \t\r\n"))
	if len(s) <= n || p == nil {
		return shorten(s, n)
	}
	start, end := p.index(s)
	// A match near the start shows from the start; one further in is
	// shown with the text after it, which usually holds the detail (the
	// resource an RBAC refusal names) that cutting at n would lose.
	if start < 0 || (end <= n-len("…") && start <= n/3) {
		return shorten(s, n)
	}
	from := max(0, start-n/3)
	if w := n - 2*len("…"); end-from > w {
		// A match longer than the window (a long path before "permission
		// denied") is shown up to its end: the end holds the verdict.
		from = end - w
	}
	for from > 0 && from < len(s) && (s[from]&0xC0) == 0x80 {
		from++
	}
	return "…" + shorten(s[from:], n-len("…"))
}

// index returns where p matches s (byte offsets), or -1.
func (p *pattern) index(s string) (int, int) {
	if p.re != nil {
		if loc := p.re.FindStringIndex(s); loc != nil {
			return loc[0], loc[1]
		}
	}
	lower := appendLower(make([]byte, 0, len(s)), []byte(s))
	best, bestEnd := -1, -1
	for _, k := range p.any {
		if i := bytes.Index(lower, k); i >= 0 && (best < 0 || i < best) {
			best, bestEnd = i, i+len(k)
		}
	}
	return best, bestEnd
}

// sanitize replaces control characters (a stray carriage return, a NUL)
// with spaces so quoted lines print on one line.
func sanitize(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
}

func isControl(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7f }

// collapseSpace joins the words of s with single spaces (a message field
// may hold newlines).
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
