package manifest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// callerLogPrompts returns the logs prompts (by line index) whose output
// is a caller's log rather than the crashed container's, in a paste of
// several components' logs each under its own prompt: the paste shows
// which container restarts (a `docker ps` row "Restarting (1)", a
// "container die" event, a `--previous` prompt) and also the log of that
// one, or the caller's failed connections name a host whose own
// log is pasted too. A caller that cannot reach a container that is
// crash-looping logs the crash's echo, not its cause.
func callerLogPrompts(lines []string) map[int]bool {
	type logPrompt struct {
		line     int
		target   string // the pod, container or service
		previous bool   // kubectl's --previous: the crashed instance's log
		out      []string
	}
	var prompts []logPrompt
	restarting := map[string]bool{}
	cur := -1 // the index in prompts of the logs prompt whose output this is
	for i, line := range lines {
		if isPrompt(line) || reShellPrompt.MatchString(line) {
			cur = -1
			if reLogsCommand.MatchString(line) {
				if t := anyLogsTarget(line); t != "" {
					args, _, _ := strings.Cut(line, "|")
					prompts = append(prompts, logPrompt{line: i, target: t, previous: reLogsPrevious.MatchString(args)})
					cur = len(prompts) - 1
				}
			}
			continue
		}
		for _, name := range restartingNames(line) {
			restarting[name] = true
		}
		switch {
		case cur < 0:
		case strings.TrimSpace(line) != "":
			prompts[cur].out = append(prompts[cur].out, line)
		case len(prompts[cur].out) > 0:
			cur = -1 // the reporter's words after the output are not its lines
		}
	}
	crashed := func(p logPrompt) bool {
		if p.previous {
			return true
		}
		for name := range restarting {
			if sameComponent(p.target, name) {
				return true
			}
		}
		return false
	}
	var seen []logPrompt // prompts with output, one of which is the crashed one
	anyCrashed := false
	for _, p := range prompts {
		if len(p.out) > 0 {
			seen = append(seen, p)
			anyCrashed = anyCrashed || crashed(p)
		}
	}
	if len(seen) < 2 {
		return nil
	}
	out := map[int]bool{}
	for _, p := range seen {
		if crashed(p) {
			continue // a caller that crash-loops too may be the one asked about
		}
		if anyCrashed {
			// Another container of the crashed pod (a proxy on the way
			// out) may log the cause, and the workload's current log is
			// the same container's: only another component's log is set
			// aside.
			if !slices.ContainsFunc(seen, func(q logPrompt) bool { return crashed(q) && sameComponent(q.target, p.target) }) {
				out[p.line] = true
			}
			continue
		}
		for _, q := range seen {
			if !sameComponent(q.target, p.target) && callsInto(p.out, q.target) && !callsInto(q.out, p.target) && failsOnItsOwn(q.out) {
				out[p.line] = true
			}
		}
	}
	if len(out) == len(seen) {
		return nil // every log a caller's: no reading is safe
	}
	return out
}

// anyLogsTarget is the container, service or pod a logs prompt names:
// `kubectl logs POD`, `docker logs NAME`, `docker service logs SVC`,
// `docker compose logs SVC`; "" when it names none.
func anyLogsTarget(line string) string {
	if t := logsTarget(line); t != "" {
		return t
	}
	words := strings.Fields(line)
	i := 0
	for i < len(words) && words[i] != "logs" && words[i] != "log" {
		i++
	}
	for i++; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "|" || w == ">" || w == "&&" || w == ";" || strings.HasPrefix(w, "2>"):
			return ""
		case w == "--tail" || w == "-n" || w == "--since" || w == "--until":
			i++ // a flag's value, not a name
		case strings.HasPrefix(w, "-"):
		default:
			if reComponentName.MatchString(w) {
				return w
			}
			return ""
		}
	}
	return ""
}

// reComponentName is a container, Compose service or pod name.
var reComponentName = regexp.MustCompile(`^[A-Za-z0-9][\w.-]*$`)

// restartingNames are the names a status line shows crash-looping:
// `docker ps`'s or `docker compose ps`'s row "Restarting (1) 5 seconds
// ago" (its fields, whichever column holds the name or service),
// `docker events`' "container die ... name=NAME"; nil for any other
// line. (A kubectl paste's crashed pod is the one whose previous log it
// fetches: otherWorkloadsLog.)
func restartingNames(line string) []string {
	if reDockerRestarting.MatchString(line) {
		return strings.Fields(line)
	}
	if m := reDieEvent.FindStringSubmatch(line); m != nil {
		return m[1:]
	}
	return nil
}

var (
	// reDockerRestarting is a `docker ps` row of a container in a restart
	// loop.
	reDockerRestarting = regexp.MustCompile(`\sRestarting \(\d+\) .*\bago\b`)
	// reDieEvent is `docker events`' record of a container that stopped
	// with an error.
	reDieEvent = regexp.MustCompile(`\scontainer die \w+ \(exitCode=[1-9]\d*,.*\bname=([\w.-]+)\)`)
	// reFailedCall is a line about a connection that failed.
	reFailedCall = regexp.MustCompile(`(?i)refused|timed? ?out|unreachable|no such host|reset by peer|no route to host|\b50[234]\b`)
	// reCalledHost is a host a line dials or requests: after a dialler's
	// words with a port, in a URL, or a name without dots and a port
	// ("redis:6379"; not a source file's line, "db.php:14").
	reCalledHost = regexp.MustCompile(`(?i)(?:https?://|tcp://|dial tcp |connect(?:ing|ion)? to |@)([a-z][\w-]*)(?:\.[\w.-]+)?:\d{2,5}\b|https?://([a-z][\w-]*)|(?:^|[\s("'(])([a-z][\w-]*):\d{2,5}\b`)
	// reOwnFailure is a line of a program's own failure.
	reOwnFailure = regexp.MustCompile(`(?i)error|fatal|panic|exception|fail|killed|segmentation|traceback|denied|exiting|abort|emerg|crit|not found|no such|cannot|can.t |unable|invalid|out of memory|core dumped`)
)

// failsOnItsOwn reports a log with a failure of its own, not only
// failed calls of its own.
func failsOnItsOwn(out []string) bool {
	for _, line := range out {
		if reOwnFailure.MatchString(line) && !reFailedCall.MatchString(line) {
			return true
		}
	}
	return false
}

// callsInto reports a log whose failed connections name the component
// target as their host ("dial tcp notifier:8080", "http://pay_ledger:8000/").
func callsInto(out []string, target string) bool {
	for _, line := range out {
		if !reFailedCall.MatchString(line) {
			continue
		}
		for _, m := range reCalledHost.FindAllStringSubmatch(line, -1) {
			host := m[1] + m[2] + m[3]
			if host != "" && hostIs(target, strings.ToLower(host)) {
				return true
			}
		}
	}
	return false
}

// hostIs reports whether a host a caller dials is the component target:
// the same name, a Compose container or a Swarm service or task of that
// service, or a pod of that workload ("api-7d9f8c6b5-x2x9z", "db-0").
func hostIs(target, host string) bool {
	if target == host || composeContainer(target, host) || strings.HasSuffix(target, "_"+host) || strings.Contains(target, "_"+host+".") {
		return true
	}
	rest, ok := strings.CutPrefix(target, host+"-")
	return ok && rePodSuffix.MatchString(rest)
}

// rePodSuffix is what a workload's controller appends to a pod's name: a
// ReplicaSet's hash and a random part, a random part, or an ordinal.
var rePodSuffix = regexp.MustCompile(`^(?:[a-z0-9]{6,10}-)?[a-z0-9]{5}$|^\d+$`)

// sameComponent reports whether two names are the same component: equal,
// a pod of a workload ("api" and "api-7d9f-x2"), a Swarm stack's service
// ("renderer" and "docs_renderer") or task ("docs_renderer.1").
func sameComponent(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	for _, p := range [][2]string{{a, b}, {b, a}} {
		long, short := p[0], p[1]
		if strings.HasPrefix(long, short+"-") || strings.HasPrefix(long, short+".") || strings.HasSuffix(long, "_"+short) ||
			strings.HasSuffix(long, "-"+short) && len(short) >= 4 || strings.Contains(long, "_"+short+".") || composeContainer(long, short) {
			return true
		}
	}
	return false
}

// composeContainer reports a Compose container's name of a service
// ("authentik-worker-1", "shop_web_1" of "worker", "web").
func composeContainer(name, service string) bool {
	for _, sep := range []string{"-", "_"} {
		i := strings.LastIndex(name, sep)
		if i < 0 {
			continue
		}
		if _, err := strconv.Atoi(name[i+1:]); err == nil && strings.HasSuffix(name[:i], sep+service) {
			return true
		}
	}
	return false
}
