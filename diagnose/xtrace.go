package diagnose

import (
	"bytes"
	"regexp"
)

// A shell script run with `set -x` prints each command it runs after a
// "+ ". A script that tests something and exits non-zero ("+ cat
// /proc/sys/net/ipv4/ip_forward", "+ '[' 0 '!=' 1 ']'", "+ exit 1") says
// nothing else: the commands before its exit are what it found wrong. A
// check that fetches something over the network (curl, nc, pg_isready)
// is a dependency it could not reach; any other, a precondition of its
// environment or configuration.

// xtraceState remembers the last commands of a shell trace.
type xtraceState struct {
	last   [2][]byte  // the two commands before the current one
	failed *candidate // the commands before a non-zero exit
}

var (
	reXtraceExit = regexp.MustCompile(`^\++ exit [1-9]\d*\s*$`)
	reXtraceNet  = regexp.MustCompile(`^\++ (?:curl|wget|nc|ncat|ping|nslookup|dig|host|pg_isready|mysqladmin|redis-cli|timeout \d+ \w+ \S+:\d+)\b`)

	xtraceCheck    = pat("xtrace_check", ConfigError, weightSpecific-2, "The start script checks something about its environment and exits when it does not hold: the commands it ran last (quoted) show what. Fix that setting of the node or the pod (a sysctl, a mounted file, an environment variable), or the script's expectation.")
	xtraceNetCheck = pat("xtrace_net_check", DependencyUnavailable, weightSpecific-2, hintDepend)
)

// traceLine reports a shell's trace of a command it runs ("+ cmd ...",
// "++ cmd ..." in a subshell).
func traceLine(t []byte) bool {
	i := 0
	for i < len(t) && i < 4 && t[i] == '+' {
		i++
	}
	return i > 0 && i+1 < len(t) && t[i] == ' ' && t[i+1] != ' '
}

// line reads a line that starts with "+", a traced command.
func (x *xtraceState) line(t []byte, lineNo int) {
	if len(t) < 3 || (t[1] != ' ' && t[1] != '+') {
		return
	}
	if reXtraceExit.Match(t) && x.last[1] != nil {
		quote, p := string(x.last[1]), xtraceCheck
		if x.last[0] != nil {
			quote = string(x.last[0]) + " ; " + quote
		}
		if reXtraceNet.Match(x.last[0]) || reXtraceNet.Match(x.last[1]) {
			p = xtraceNetCheck
		}
		x.failed = &candidate{line: quote, msg: quote, lineNo: lineNo, score: p.weight, pat: p}
		return
	}
	x.last[0], x.last[1] = x.last[1], append([]byte(nil), bytes.TrimSpace(t)...)
}
