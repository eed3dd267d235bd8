package manifest

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A segment is one stretch of a pasted input in a single shape.
type segment struct {
	format Format
	text   string
	noise  bool   // a proxy sidecar's current log (proxyLogPrompt)
	of     string // the pod the prompt above it describes (describedPod), or ""
}

var (
	// rePrompt is a shell prompt running a command whose output follows
	// ("$ kubectl logs ...", "[root@m ~]# kubectl get pods", "PS C:\> oc
	// describe pod x", kubectl's usual alias: "k -n ci logs boskos-0").
	rePrompt = regexp.MustCompile(`^\s*(?:PS [^>]*>\s*|\[[^\]]*\][$#]\s*|\S*[$#%>❯➜]\s*(?:~\S*\s+)?|\++ )?(?:sudo\s+)?(?:(?:kubectl|oc|microk8s(?:\.kubectl|\s+kubectl)|k3s\s+kubectl|docker|podman|nerdctl|crictl|helm|minikube\s+kubectl\s+--)\s+[a-z-]|k\s+(?:-\S+\s+(?:[^-\s]\S*\s+)?)*(?:get|logs?|describe|exec|events|top|rollout)\b)`)
	// reShellPrompt is a shell prompt before any command ("$ sudo dmesg",
	// "[root@m ~]# journalctl -u kubelet", "me@node-1:~$ free -m").
	reShellPrompt = regexp.MustCompile(`^\s*(?:\$|\[[^\]]*\][$#]|[\w.-]+@[\w.-]+:[^\s$#]*[$#])\s+[a-z]`)
	// reLogsCommand is a command whose output is a container log.
	reLogsCommand = regexp.MustCompile(`\b(?:logs|log)\b`)
	// reFence opens or closes a Markdown code block, or Jira's
	// ("{noformat}", "{code:yaml}").
	reFence = regexp.MustCompile("^\\s*(?:```|~~~|\\{noformat\\}\\s*$|\\{code(?::[^}]*)?\\}\\s*$)")
	// reDescribeTop is a key that starts a stretch of describe output.
	reDescribeTop = regexp.MustCompile(`^(?:\s*)(?:Name|Namespace|Priority|Priority Class Name|Service Account|Node|Start Time|Labels|Annotations|Status|Reason|Message|IP|IPs|Controlled By|Containers|Init Containers|Conditions|Volumes|QoS Class|Node-Selectors|Tolerations|Events|Container ID|Image|Image ID|Port|Ports|Host Port|Command|Args|State|Last State|Ready|Restart Count|Limits|Requests|Liveness|Readiness|Startup|Environment|Mounts)\s*:`)
)

// segments splits a paste that mixes shapes (an issue or a question: prose,
// a `kubectl get pods` table, describe output, YAML, events, a log, each in
// its own code block, after its own shell prompt or blank line) into
// stretches of one shape each, in order. Adjacent stretches of the same
// shape are joined.
func segments(text string) []segment {
	var out []blockSegment
	logLeft := false // a describe or YAML pasted after a log ended it
	for _, p := range paragraphs(text) {
		f := Detect([]byte(p.text))
		logLeft = p.log && (logLeft || f == FormatObjects || f == FormatDescribe)
		if p.log && f != FormatObjects && f != FormatDescribe && !(f == FormatEvents && (eventsHeading(p.text) || logLeft)) {
			// The output of `kubectl logs` is a log whatever it looks
			// like; an "Events:" table (its heading or header row) is the
			// describe output pasted below it, and so are its rows alone
			// after the describe's container block.
			f = FormatLog
		}
		// A `kubectl logs` prompt's output is a log, never the later part
		// of the YAML or describe output before the prompt, however much
		// its lines look like keys ("chown: changing ownership of ...").
		afterLogsPrompt := p.log && f == FormatLog
		noise := p.noise || p.aside && f == FormatLog
		// Objects a command of their own prints (`docker inspect` after a
		// Compose file) are not the later part of the objects before it.
		// Nothing continues a JSON document that is complete (a Compose
		// file's YAML below `docker inspect`'s State).
		ownObjects := p.prompted && f == FormatObjects
		if n := len(out); n > 0 && out[n-1].format == FormatObjects && completeJSON(out[n-1].text.String()) {
			ownObjects = true
		}
		if n := len(out); n > 0 && p.block == out[n-1].block && noise == out[n-1].noise && p.of == out[n-1].of && (!afterLogsPrompt || out[n-1].format == FormatLog) && !ownObjects && joins(out[n-1].format, f, p.text) {
			b := &out[n-1].text
			b.WriteByte('\n')
			if p.afterBlank {
				b.WriteByte('\n')
			}
			b.WriteString(p.text)
			continue
		}
		out = append(out, blockSegment{format: f, block: p.block, noise: noise, of: p.of})
		out[len(out)-1].text.WriteString(p.text)
	}
	segs := make([]segment, len(out))
	for i := range out {
		segs[i] = segment{format: out[i].format, text: out[i].text.String(), noise: out[i].noise, of: out[i].of}
	}
	return segs
}

// completeJSON reports text that is one whole JSON object or array.
func completeJSON(text string) bool {
	t := strings.TrimSpace(text)
	return t != "" && (t[0] == '{' || t[0] == '[') && json.Valid([]byte(t))
}

// eventsHeading reports a paragraph that opens with describe's "Events:"
// heading or an events table's header row.
func eventsHeading(text string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return strings.TrimSpace(first) == "Events:" || reEventHeader.MatchString(first)
}

// blockSegment is a segment being built.
type blockSegment struct {
	format Format
	text   strings.Builder
	block  int // the code block (or the text between two) it came from
	noise  bool
	of     string
}

// joins reports whether a paragraph of format next continues the stretch
// before it (of format prev): same shape, or the later part of describe
// output or YAML after a blank line.
func joins(prev, next Format, text string) bool {
	if prev == next {
		return true
	}
	if next != FormatLog {
		return false
	}
	switch prev {
	case FormatDescribe:
		return mostLines(text, func(l string) bool { return reDescribeTop.MatchString(l) || strings.HasPrefix(l, "  ") })
	case FormatObjects:
		return mostLines(text, func(l string) bool { return reYAMLLine.MatchString(l) })
	}
	return false
}

// reYAMLLine is a line of YAML: an indented one, a list item or a key
// (Kubernetes keys start in lower case; "Error: ..." is a log line).
var reYAMLLine = regexp.MustCompile(`^(?:\s{2,}\S|\s*- |\s*"?[a-z][\w.-]*"?:(?:\s|$))`)

// mostLines reports whether the first line and at least half of the
// others pass f.
func mostLines(text string, f func(string) bool) bool {
	lines := nonEmptyLines([]byte(text))
	if len(lines) == 0 || !f(lines[0]) {
		return false
	}
	n := 0
	for _, l := range lines {
		if f(l) {
			n++
		}
	}
	return 2*n >= len(lines)
}

type paragraph struct {
	text       string
	block      int    // which code block or text between code blocks
	log        bool   // follows a `kubectl logs` prompt
	noise      bool   // follows one that fetches a proxy sidecar's current log
	aside      bool   // under a heading of another component's output, where one heading names the crashed one's
	afterBlank bool   // a blank line separates it from the one before
	prompted   bool   // the first after a shell prompt: a command's output of its own
	of         string // the pod the prompt above it describes (describedPod), or ""
}

// isPrompt reports a shell prompt running a command whose output
// follows, not a sentence that opens with the command's name.
func isPrompt(line string) bool {
	return rePrompt.MatchString(line) && !proseAboutCommand(line)
}

// paragraphs cuts text at code fences, blank lines and shell prompts, and
// where one shape ends and another starts without either (a table, an
// events table or YAML followed by a log; prose followed by YAML).
func paragraphs(text string) []paragraph {
	var (
		out     []paragraph
		cur     []string
		block   int
		inLog   bool    // after a `kubectl logs` prompt
		noise   bool    // after one of a proxy sidecar's current log
		logSeen bool    // a paragraph of that log was cut
		mode    cutMode // the shape cur is in, when it has to end somewhere
		blank   bool    // a blank line came after the last paragraph
		prompt  bool    // a shell prompt came after the last paragraph
		aside   bool    // under a heading of another component's log
		of      string  // the pod the last prompt describes
		exec    bool    // after a prompt that runs a command in the container (`kubectl exec`)
	)
	flush := func() {
		if len(cur) > 0 {
			text := strings.Join(cur, "\n")
			// An exec that failed (the image has no shell or no `env`)
			// says nothing of how the container's own command starts.
			execFailed := exec && reExecFailed.MatchString(text)
			out = append(out, paragraph{text: text, block: block, log: inLog, noise: inLog && noise || execFailed, aside: aside, afterBlank: blank, prompted: prompt, of: of})
			logSeen = logSeen || inLog
			prompt = false
		}
		cur, mode, blank = nil, cutNone, false
	}
	lines := goMapStates(foldDescribeMessages(unjoinDescribe(strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"))))
	crashed, crashedC := crashedLogs(lines)
	// Of the logs of two workloads, the one the asker's words name, unless
	// a crashed log of another is pasted that the words do not set aside.
	asked, others := askedAndAside(introOf(text), logsTargets(lines))
	if asked != "" && crashed != "" && !askedMatch(asked, crashed) && !slices.Contains(others, crashed) {
		asked = ""
	}
	callers := callerLogPrompts(lines)
	headed := previousHeading(lines)
	logsPrompts := 0 // a proxy's log is set aside only beside another log
	for _, line := range lines {
		if isPrompt(line) && reLogsCommand.MatchString(line) {
			logsPrompts++
		}
	}
	for i, line := range lines {
		if headed != "" && len(cur) == 0 && !(prompt && inLog) && headingForm(line) == headed {
			// (The first line a logs prompt printed is its output, not a
			// heading: Django's "Operations to perform:".)
			aside = !rePreviousHeading.MatchString(line) && !reStateHeading.MatchString(line)
		}
		switch {
		case reFence.MatchString(line):
			flush()
			block++
			if logSeen {
				inLog, logSeen = false, false // the log's code block ended
			}
			continue
		case strings.TrimSpace(line) == "":
			flush()
			blank = true
			continue
		case isPrompt(line):
			flush() // the prompt itself is neither output nor log
			prompt, aside = true, false
			inLog, logSeen = reLogsCommand.MatchString(line), false
			of = describedPod(line)
			exec = reExecPrompt.MatchString(line)
			noise = inLog && (proxyLogPrompt(line) && logsPrompts > 1 || checkerLogPrompt(line) || otherWorkloadsLog(line, crashed) || notAsked(asked, line) || callers[i] ||
				crashedC != "" && currentLogOfOther(line, crashedC))
			continue
		case inLog && reShellPrompt.MatchString(line):
			// Another command's prompt (`$ sudo dmesg | tail`): the log
			// above it ended, and its output is no container's log.
			flush()
			prompt, aside = true, false
			inLog, logSeen, noise, of, exec = false, false, false, "", reExecPrompt.MatchString(line)
			continue
		case statusJSONLine(line):
			// A container's state printed by `-o jsonpath` on one line, as
			// a CI step that ran `kubectl logs` and then `kubectl get`
			// shows it right under the log: the status, not a log line.
			flush()
			inLog, logSeen, noise = false, false, false
			cur = append(cur, line)
			flush()
			continue
		case reTableHeader.MatchString(line):
			flush()
			mode = cutTable
			inLog = false // `kubectl get pods` output ends the log before it
		case (reEventsTitle.MatchString(line) || reEventsHeader.MatchString(line) || reFullEventRow(line) || lowerEventsTitle(lines, i)) && mode != cutEvents:
			if !describeBefore(cur) {
				flush()
			}
			mode = cutEvents
			if reEventsTitle.MatchString(line) || reEventsHeader.MatchString(line) {
				// describe's events table ends the log before it, also a
				// sidecar's log that is set aside.
				inLog, noise = false, false
			}
		case mode != cutDescribe && strings.HasPrefix(line, "Name:") && len(cur) > 0:
			flush() // describe output starts
			mode = cutDescribe
		case mode == cutNone && reIndentedDescribeKey.MatchString(line):
			mode = cutDescribe
		case (reYAMLStart.MatchString(line) || statusNameLine(lines, i)) && mode != cutYAML:
			flush()
			mode = cutYAML
		case mode == cutTable && !reTableRow.MatchString(line),
			mode == cutYAML && !reYAMLTopLine.MatchString(line),
			mode == cutEvents && !eventRowNear(lines[i:]) && !terminalWrap(lines[i-1], line),
			mode == cutDescribe && !isSpace(line[0]) && !reDescribeTop.MatchString(line) && !terminalWrap(lines[i-1], line):
			flush()
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// reExecPrompt runs a command in a running container (`kubectl exec POD
// -- env`, `oc rsh`, `docker exec -it app sh`).
var reExecPrompt = regexp.MustCompile(`\b(?:kubectl|oc|docker|podman|nerdctl|crictl)\b.*\s(?:exec|rsh)\s`)

// reExecFailed is that command failing to start in the container.
var reExecFailed = regexp.MustCompile(`(?i)\bOCI runtime exec failed\b|\berror executing command in container\b|\bfailed to exec in container\b|\bexec: "[^"]+": (?:executable file not found|stat [^:]+: no such file)`)

// reGoMapState is a container state as kubectl's jsonpath printed an
// object before it printed JSON, in Go's map form
// ("map[terminated:map[containerID:docker://0d3e exitCode:0
// finishedAt:2019-02-22T15:19:48Z reason:Completed startedAt:...]]").
var reGoMapState = regexp.MustCompile(`^\s*map\[(terminated|waiting|running):map\[([^\[\]]*)\]\]\s*$`)

// reGoMapField is one key:value of such a map; a value runs to the next key.
var reGoMapField = regexp.MustCompile(`(?:^|\s)([a-zA-Z]+):`)

// goMapStates rewrites lines holding a container state in Go's map form
// as the JSON the same jsonpath prints today, which statusJSONLine reads.
func goMapStates(lines []string) []string {
	for i, line := range lines {
		m := reGoMapState.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		fields := map[string]any{}
		locs := reGoMapField.FindAllStringSubmatchIndex(m[2], -1)
		for j, loc := range locs {
			end := len(m[2])
			if j+1 < len(locs) {
				end = locs[j+1][0]
			}
			key, value := m[2][loc[2]:loc[3]], strings.TrimSpace(m[2][loc[1]:end])
			if n, err := strconv.Atoi(value); err == nil && (key == "exitCode" || key == "signal") {
				fields[key] = n
			} else {
				fields[key] = value
			}
		}
		if b, err := json.Marshal(map[string]any{m[1]: fields}); err == nil {
			lines[i] = string(b)
		}
	}
	return lines
}

// statusJSONLine reports a line that is one JSON object holding a
// container's state: `{"terminated":{...}}`, `{"waiting":{...}}`, a
// termination (`{"exitCode":137,"reason":"OOMKilled",...}`), a whole
// container status or docker inspect's State (`{"Status":"exited",...}`).
// Structured logs ("{"level":"error",...}") are not.
func statusJSONLine(line string) bool {
	t := strings.TrimSpace(line)
	if len(t) < 12 || !strings.HasPrefix(t, `{"`) || t[len(t)-1] != '}' {
		return false
	}
	if strings.HasPrefix(t, `{"Status":"`) && strings.Contains(t, `"ExitCode":`) && strings.Contains(t, `"FinishedAt":`) {
		return json.Valid([]byte(t)) // docker inspect's State, printed by --format '{{json .State}}'
	}
	if !strings.HasPrefix(t, `{"terminated":{`) && !strings.HasPrefix(t, `{"waiting":{`) && !strings.HasPrefix(t, `{"running":{`) &&
		!(strings.Contains(t, `"exitCode":`) && (strings.Contains(t, `"finishedAt":`) || strings.Contains(t, `"containerID":`))) {
		return false
	}
	var v map[string]json.RawMessage
	if json.Unmarshal([]byte(t), &v) != nil {
		return false
	}
	if len(v) == 1 {
		for k := range v {
			return k == "terminated" || k == "waiting" || k == "running"
		}
	}
	for _, k := range []string{"level", "msg", "message", "ts", "time", "severity", "logger"} {
		if _, ok := v[k]; ok {
			return false // a structured log line that records an exit
		}
	}
	_, exit := v["exitCode"]
	_, state := v["lastState"]
	return exit || state
}

// statusNameLine reports a "name: X" line that opens a container status
// as yq prints it (the name, then restartCount:, lastState: ...).
func statusNameLine(lines []string, i int) bool {
	return i+1 < len(lines) && reStatusName.MatchString(lines[i]) && reStatusKey.MatchString(lines[i+1])
}

var (
	reStatusName = regexp.MustCompile(`^name:\s*\S+\s*$`)
	reStatusKey  = regexp.MustCompile(`^(?:restartCount|lastState|state|ready|started|image|imageID|containerID):`)
)

// cutMode is a shape whose end paragraphs finds line by line.
type cutMode int

const (
	cutNone cutMode = iota
	cutTable
	cutEvents
	cutYAML
	cutDescribe
)

var (
	// reYAMLStart is a line that starts YAML of a pod or its status.
	reYAMLStart = regexp.MustCompile(`^(?:apiVersion:\s*\S+|kind:\s*\S+|(?:metadata|spec|status|template|containers|initContainers|containerStatuses|initContainerStatuses|lastState|state|livenessProbe|readinessProbe|startupProbe):\s*$|- (?:containerID|image|name):)`)
	// reIndentedDescribeKey is a container key of describe output as
	// kubectl prints it, indented: describe output goes on while its
	// lines are indented or start with one of its keys.
	reIndentedDescribeKey = regexp.MustCompile(`^\s{2,}(State|Last State|Restart Count|Exit Code|Container ID|Image ID|Liveness|Readiness)\s*:`)
	// reYAMLTopLine is a line that can follow inside YAML: indented, a
	// list item, a lower-case key, a document marker.
	reYAMLTopLine = regexp.MustCompile(`^(?:\s|- |[a-z][\w.-]*:|"[\w.-]+":|---|\.\.\.|[}\]])`)
)

// describeBefore reports whether the lines before an events table are
// describe output, whose Events section it is.
func describeBefore(cur []string) bool {
	if len(cur) == 0 {
		return false
	}
	if reEventsTitle.MatchString(cur[len(cur)-1]) {
		return true
	}
	for _, l := range cur {
		if reDescribeKey.MatchString(l) {
			return true
		}
	}
	return false
}

// reFullEventRow reports an events table row with its type and age
// columns, which starts an events table even without a header.
func reFullEventRow(line string) bool {
	return reDescribeRow.MatchString(line) || reGetEventsRow.MatchString(line)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' }

// eventRowNear reports whether lines[0] or one of the two lines after it
// is an event row: an events table goes on (a message wrapped onto the
// next lines) until no row follows.
func eventRowNear(lines []string) bool {
	for i := 0; i < len(lines) && i < 3; i++ {
		if strings.TrimSpace(lines[i]) == "" {
			return false
		}
		if _, ok := parseEventLine(lines[i]); ok || reEventHeader.MatchString(lines[i]) {
			return true
		}
	}
	return false
}

// terminalWrap reports a line that continues the long line before it,
// cut where a terminal wrapped it (a describe's event message split at
// the window's width, often inside a word): it starts at the margin, is
// no longer than the line before (a middle piece of a message wrapped
// more than once is as long) and starts nothing new.
func terminalWrap(prev, line string) bool {
	return len(prev) >= minWrapWidth && line != "" && !isSpace(line[0]) && len(line) <= len(prev) &&
		!looksLikeNewBlock(line) && !reRecordStart.MatchString(line)
}

// lowerEventsTitle reports "events:" in lower case, as a reporter heads the
// event rows below a pod's YAML ("events:" then "  Warning  FailedMount
// MountVolume.SetUp failed ..."): the rows are events, not the YAML's.
func lowerEventsTitle(lines []string, i int) bool {
	if strings.TrimSpace(lines[i]) != "events:" || i+1 >= len(lines) {
		return false
	}
	_, ok := parseEventLine(strings.TrimSpace(lines[i+1]))
	return ok
}

// previousHeading reports a paste that heads one component's log as the
// crashed container's ("backend (--previous):", "--> web (previous)", "##
// api (previous)"): the logs under the other headings are other
// components' (an ingress's refused upstream, a sidecar's retries), the
// app being down, not why it went down.
//
// It returns the form of that heading (see headingForm), "" for none: the
// other components' logs are headed alike.
func previousHeading(lines []string) string {
	for i, line := range lines {
		if i == 0 || strings.TrimSpace(lines[i-1]) == "" || reFence.MatchString(lines[i-1]) {
			if f := headingForm(line); f != "" && rePreviousHeading.MatchString(line) {
				return f
			}
		}
	}
	return ""
}

// headingForm is the form of a short line that heads the output below it
// ("#" a Markdown heading, ">" an arrow, "[" a label in brackets, "-" or
// "=" one between dashes or equals signs, "*" a bold label, ":" a word or
// two and a colon), or "" for a line that is none.
func headingForm(line string) string {
	t := strings.TrimSpace(line)
	if len(t) > 60 || len(strings.Fields(t)) > 5 || reNotHeading.MatchString(t) {
		return ""
	}
	for i, re := range reLogHeadings {
		if re.MatchString(t) {
			return headingForms[i]
		}
	}
	return ""
}

var (
	headingForms  = []string{"#", ">", "[", "-", "=", "*", ":"}
	reLogHeadings = []*regexp.Regexp{
		regexp.MustCompile(`^#{1,4} \S`),
		regexp.MustCompile(`^(?:-+|=+)> ?\S`),
		reBracketHeading,
		regexp.MustCompile(`^-{2,} ?\S.*\S ?-{2,}$`),
		regexp.MustCompile(`^={2,} ?\S.*\S ?(?:={2,}|<==)$`),
		regexp.MustCompile(`^\*\*[^*]+\*\*:?$`),
		regexp.MustCompile(`^[A-Za-z][\w.()/@-]*(?: [\w.()/@-]+){0,2}:$`),
	}
	// reNotHeading is a program's own line that looks like one.
	reNotHeading = regexp.MustCompile(`(?i)^(?:Traceback|Caused by|Stack ?trace|Stacktrace|Exception|Error|Errors|Warning|Backtrace|goroutine|panic|Suppressed|Call stack|Details?|Reason|Message|Events|Status|Environment|Mounts|Containers|Conditions|Volumes|Description|Action|Solution|Summary|Output|Result|Cause|Hint|Note|Usage|Options|Flags|Commands)\b`)
	// rePreviousHeading names the crashed (previous) container's log.
	rePreviousHeading = regexp.MustCompile(`(?i)\bprevious\b|\(-p\)|\s-p\b`)
	// reStateHeading heads a status, describe, events or node output,
	// not another component's log.
	reStateHeading = regexp.MustCompile(`(?i)describe|event|status|state|yaml|json|inspect|\bget\b|\bps\b|\btop\b|dmesg|journal|kernel|\bnode|exit|spec|manifest|values|config|\benv|memory|metrics`)
)

// proxyLogPrompt reports a prompt that fetches the current log of a proxy
// sidecar (`kubectl logs POD -c linkerd-proxy | tail`, no --previous):
// pasted beside the crashed container's log, its refused upstreams and
// failed inbound requests are the app being down, not why it went down.
func proxyLogPrompt(line string) bool { return currentLogOf(line, proxyContainers) }

// currentLogOf reports a `kubectl logs -c NAME` prompt, without
// --previous, of one of the named containers.
func currentLogOf(line string, names map[string]bool) bool { return names[currentLogContainer(line)] }

// currentLogContainer is the container a `kubectl logs -c NAME` prompt
// without --previous fetches the current log of, or "".
func currentLogContainer(line string) string {
	args, _, _ := strings.Cut(line, "|")
	if c := reLogsContainer.FindStringSubmatch(args); c != nil && !reLogsPrevious.MatchString(args) {
		return c[1]
	}
	return ""
}

// crashedLogs are the pod or workload (target) and the container whose
// previous (crashed) instance's log a `kubectl logs --previous` prompt of
// the paste fetches, or "".
func crashedLogs(lines []string) (target, container string) {
	for _, line := range lines {
		args, _, _ := strings.Cut(line, "|")
		if !rePrompt.MatchString(line) || !reLogsCommand.MatchString(line) || !reLogsPrevious.MatchString(args) {
			continue
		}
		if t := logsTarget(line); target == "" && reObjectName.MatchString(t) {
			target = t
		}
		if c := reLogsContainer.FindStringSubmatch(args); container == "" && c != nil {
			container = c[1]
		}
	}
	return target, container
}

// currentLogOfOther reports a `kubectl logs -c NAME` prompt, without
// --previous, of another container than crashed: beside the crashed
// container's log, a neighbour's current log says how it sees the crash
// (a reloader's or the app's refused localhost), not why it happened;
// unless the neighbour is a proxy the crashed container reaches its
// database through, whose log says why that failed.
func currentLogOfOther(line, crashed string) bool {
	c := currentLogContainer(line)
	return c != "" && c != crashed && !reDependencyProxy.MatchString(c)
}

// reDependencyProxy names sidecars an app reaches a database or secret
// store through (cloud-sql-proxy, alloydb-auth-proxy, pgbouncer,
// vault-agent).
var reDependencyProxy = regexp.MustCompile(`(?i)sql|alloydb|auth-proxy|db-proxy|pgbouncer|odyssey|vault|spanner|proxysql|redis-proxy|twemproxy`)

// logsTargets are the pods or workloads the paste's `kubectl logs`
// prompts name.
func logsTargets(lines []string) []string {
	var out []string
	for _, line := range lines {
		if isPrompt(line) && reLogsCommand.MatchString(line) {
			if t := logsTarget(line); reObjectName.MatchString(t) && !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// notAsked reports a logs prompt for another workload than the asked one.
func notAsked(asked, line string) bool {
	t := logsTarget(line)
	return asked != "" && reObjectName.MatchString(t) && !askedMatch(asked, t)
}

// otherWorkloadsLog reports a prompt that fetches the current log of
// another pod or workload than the one whose crash the paste shows (the
// asker's look at CoreDNS beside the worker that crashed): that log is
// not the crashed container's.
func otherWorkloadsLog(line, crashed string) bool {
	args, _, _ := strings.Cut(line, "|")
	if crashed == "" || reLogsPrevious.MatchString(args) {
		return false
	}
	t := logsTarget(line)
	if !reObjectName.MatchString(t) || t == crashed {
		return false // no name (a placeholder such as POD or <pod>), or the same
	}
	// A Deployment's name is the start of its pods' names.
	return !strings.HasPrefix(crashed, t+"-") && !strings.HasPrefix(t, crashed+"-")
}

// describedPod is the pod a `kubectl describe pod NAME` prompt names (also
// `get events --field-selector involvedObject.name=NAME`), or "": events
// printed under it without an object's name are that pod's, which is not
// always the one that crashed (`describe pod shop-mysql-0 | tail` beside
// the app whose init container waits for it). A describe of an object
// that holds no pod spec is notAPod.
func describedPod(line string) string {
	words := strings.Fields(line)
	if m := reEventsOfObject.FindStringSubmatch(line); m != nil && slices.Contains(words, "events") {
		return m[1]
	}
	i := slices.Index(words, "describe")
	if i < 0 {
		return ""
	}
	if i+1 < len(words) && notPodKinds[strings.ToLower(strings.Split(words[i+1], "/")[0])] {
		return notAPod
	}
	if p := promptOf(words).pod; reObjectName.MatchString(p) {
		return p
	}
	return ""
}

// notAPod is what describedPod says of a describe of an object that holds
// no pod's spec (a Secret, a Node): its Name: line names no pod.
const notAPod = "-"

// notPodKinds are the kinds whose describe output holds no pod spec.
var notPodKinds = map[string]bool{"secret": true, "secrets": true, "configmap": true, "configmaps": true, "cm": true,
	"node": true, "nodes": true, "no": true, "pvc": true, "pv": true, "persistentvolumeclaim": true, "persistentvolume": true,
	"svc": true, "service": true, "services": true, "ingress": true, "ing": true, "sa": true, "serviceaccount": true, "ns": true, "namespace": true}

// reEventsOfObject is the field selector of one object's events.
var reEventsOfObject = regexp.MustCompile(`involvedObject\.name=([a-z0-9][a-z0-9.-]*[a-z0-9])\b`)

// reObjectName is a Kubernetes object's name (lower case, digits, '-' and
// '.'), which a placeholder is not.
var reObjectName = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$`)

// logsTarget is the pod or workload a `kubectl logs` prompt names, without
// its kind ("deploy/coredns" is "coredns"), or "".
func logsTarget(line string) string {
	return promptOf(strings.Fields(line)).logsOf
}

var (
	// reLogsContainer is the container a logs command names.
	reLogsContainer = regexp.MustCompile(`\s(?:-c|--container)(?:\s+|=)([\w.-]+)`)
	// reLogsPrevious asks for the previous (crashed) instance's log (also
	// as a heading: "kubectl logs --previous:").
	reLogsPrevious = regexp.MustCompile(`\s(?:-p|--previous)(?:=true)?:?(?:\s|$)`)
)

// proxyContainers are sidecars that front an app and log its absence as
// errors of their own (a proxy on the way out, such as cloud-sql-proxy,
// logs the dependency's failures instead, which may be the cause).
var proxyContainers = map[string]bool{
	"istio-proxy": true, "linkerd-proxy": true, "envoy": true, "envoy-sidecar": true, "nginx": true,
	"nginx-proxy": true, "oauth2-proxy": true, "kube-rbac-proxy": true, "haproxy": true, "caddy": true,
	"httpd": true,
}

// checkerLogPrompt reports a prompt that fetches the current log of the
// CSI livenessprobe sidecar (`kubectl logs POD -c liveness-probe`): its
// "Health check failed" lines are the driver it checks not answering in
// time, the driver's symptom and not a cause, even as the paste's only log.
func checkerLogPrompt(line string) bool { return currentLogOf(line, checkerContainers) }

// checkerContainers are the CSI livenessprobe sidecar's usual names.
var checkerContainers = map[string]bool{"liveness-probe": true, "livenessprobe": true}

// reStateMessage is a container state's Message in describe output, and
// reStateKeyAfter a key that follows it in the same state.
var (
	reStateMessage  = regexp.MustCompile(`^( {4,})Message:\s+\S`)
	reStateKeyAfter = regexp.MustCompile(`^ {4,}(?:Exit Code|Signal|Started|Finished)\s*:`)
)

// unjoinDescribe puts back the line breaks of a container's describe
// state that a copy from a rendered page or a mangled terminal joined onto
// one line ("State: Waiting Reason: CrashLoopBackOff Last State: Terminated
// Reason: OOMKilled Exit Code: 137 Started: ..."): a key per line, as
// kubectl prints them.
func unjoinDescribe(lines []string) []string {
	if !slices.ContainsFunc(lines, reJoinedState.MatchString) {
		return lines // most pastes: nothing joined, nothing copied
	}
	var out []string
	for _, line := range lines {
		keys := reJoinedStateKey.FindAllStringIndex(line, -1)
		if len(keys) < 3 || !reJoinedState.MatchString(line) {
			out = append(out, line)
			continue
		}
		start := 0
		for _, k := range keys {
			if at := k[0] + 1; at > start && strings.TrimSpace(line[start:at]) != "" {
				out = append(out, strings.TrimRight(line[start:at], " \t"))
				start = at
			}
		}
		out = append(out, line[start:])
	}
	return out
}

var (
	// reJoinedStateKey is a key of a container's describe state, after
	// the value of the key before it on the same line.
	reJoinedStateKey = regexp.MustCompile(`\s(?:State|Last State|Reason|Message|Exit Code|Signal|Started|Finished|Ready|Restart Count):\s`)
	// reJoinedState is a state and its reason joined on one line.
	reJoinedState = regexp.MustCompile(`\b(?:Last )?State:\s+(?:Waiting|Terminated|Running)\s+(?:Reason|Started|Exit Code):\s`)
)

// foldDescribeMessages indents the lines of a multi-line termination
// message as the message's own. kubectl describe prints such a message (a
// program's last log lines, terminationMessagePolicy
// FallbackToLogsOnError) as it is: its later lines start at the margin,
// blank lines among them, and only "Exit Code:" below shows where the
// state goes on. Without this the message's lines read as a log, and the
// exit code below them as a stray fragment.
func foldDescribeMessages(lines []string) []string {
	const maxMessageLines = 120
	if !slices.ContainsFunc(lines, reStateMessage.MatchString) {
		return lines // most pastes: nothing to fold, nothing copied
	}
	var out []string
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		m := reStateMessage.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		end := -1
		for j := i + 1; j < len(lines) && j <= i+maxMessageLines; j++ {
			if reStateKeyAfter.MatchString(lines[j]) {
				end = j
				break
			}
			if reFence.MatchString(lines[j]) || rePrompt.MatchString(lines[j]) {
				break
			}
		}
		if end < 0 {
			continue
		}
		// Only a message with a blank line inside is folded: the blank
		// line would end both the describe stretch and the message. One
		// without (a terminal's wrap of a long line, a few log lines) is
		// left to the describe parser, which joins a wrap back.
		body := lines[i+1 : end]
		for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
			body = body[:len(body)-1]
		}
		if !slices.ContainsFunc(body, func(l string) bool { return strings.TrimSpace(l) == "" }) {
			continue
		}
		indent := m[1] + "  "
		for _, l := range body {
			if t := strings.TrimSpace(l); t != "" {
				out = append(out, indent+t)
			}
		}
		i = end - 1
	}
	return out
}
