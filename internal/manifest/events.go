package manifest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// eventRow is one event read from text: its age is relative to the moment
// the text was printed, which only BuildInput can anchor.
type eventRow struct {
	event     corev1.Event
	age       time.Duration // since the last occurrence; -1 when unknown
	firstAge  time.Duration // since the first occurrence; -1 when unknown
	container string        // container named by a sub-object path
	object    string        // the OBJECT column's kind, lower-cased ("pod", "job"), when printed
	described bool          // named only by the `describe pod NAME` prompt it was printed under
}

// eventsHeaderTitles are the column titles that start an events table,
// of today's and older kubectl.
const eventsHeaderTitles = `Type\s+Reason\s+Age|LAST SEEN\s+TYPE|FirstSeen\s+LastSeen|LAST SEEN\s+FIRST SEEN`

// ageOne is one of kubectl's ages: "14m", "2m40s", "<unknown>", "<invalid>".
const ageOne = `<unknown>|<invalid>|\d+[smhdy](?:\d+[smh])?`

var (
	reEventsTitle = regexp.MustCompile(`^\s*Events:\s*(<none>)?\s*$`)
	// reEventsHeader is the header row of an events table; reEventHeader
	// also takes the dashed rule under it.
	reEventsHeader = regexp.MustCompile(`(?i)^\s*(?:` + eventsHeaderTitles + `)`)
	reEventHeader  = regexp.MustCompile(`(?i)^\s*-+(\s+-+)*\s*$|^\s*(?:` + eventsHeaderTitles + `)`)
	// reAge is kubectl's relative age, optionally with a repeat count:
	// "14m", "2m40s", "<unknown>", "3m28s (x5 over 5m4s)". A node whose
	// clock runs ahead prints "<invalid> (x4 over <invalid>)".
	reAgePart = `(` + ageOne + `)(?:\s+\(x(\d+)\s+over\s+(` + ageOne + `)\))?`
	// reDescribeRow: Type Reason Age From Message (kubectl >= 1.10).
	reDescribeRow = regexp.MustCompile(`^\s*(Normal|Warning)\s+(\w+)\s+` + reAgePart + `\s+((?:[\w.-]+|<[\w-]+>)(?:,\s*\S+)?)\s+(.*\S)\s*$`)
	// reDescribeRowCut is a describe row whose Message column is empty (cut
	// off where it was copied): its reason and count still count.
	reDescribeRowCut = regexp.MustCompile(`^\s*(Normal|Warning)\s+(\w+)\s+` + reAgePart + `\s+((?:[\w.-]+|<[\w-]+>)(?:,\s*\S+)?)\s*$`)
	// reGetEventsRow: LAST SEEN TYPE REASON OBJECT MESSAGE.
	reGetEventsRow = regexp.MustCompile(`^\s*(?:[\w-]+\s+)?` + reAgePart + `\s+(Normal|Warning)\s+(\w+)\s+(\S+/\S+)\s+(.*\S)\s*$`)
	// reOldRow: FirstSeen LastSeen Count From [SubObjectPath] Type Reason Message
	// (kubectl < 1.10, tab separated).
	reOldRow = regexp.MustCompile(`^\s*(\S+(?:\s\S+)*?)\t+(\S+(?:\s\S+)*?)\t+(\d+)\t+(\{[^}]*\}|\S+(?:\s\S+)*?)\t+(?:(spec\.\S+)\t+)?(?:(Normal|Warning)\t+)?(\w+)\t+(.*\S)\s*$`)
	// reOldSpacedRow is the same row copied with its tabs turned into
	// spaces; it needs the From column's braces and a Type to tell it from
	// a log line.
	reOldSpacedRow = regexp.MustCompile(`^\s*(\S+(?:\s\S+)*?) {2,}(\S+(?:\s\S+)*?) {2,}(\d+) {2,}(\{[^}]*\}) {2,}(?:(spec\.\S+) {2,})?(Normal|Warning) {2,}(\w+) {2,}(.*\S)\s*$`)
	reSubObject    = regexp.MustCompile(`\{([^}]+)\}`)
	// reTimestampLine is a line holding only a time (UI exports put the
	// time on its own line above the message).
	reTimestampLine = regexp.MustCompile(`^\s*\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2})?\S*\s*$`)
	// reBackOffPod names the container and pod in a back-off message.
	reBackOffPod = regexp.MustCompile(`(?:restarting failed container[= ]|failed container=)([\w.-]+)(?:\s+in)?\s+pod[= ]([\w.-]+?)_([\w.-]+)\(`)
)

// reHookPod names the container and pod in a lifecycle hook's failure:
// `for Container "app" in Pod "web-0_shop(uid)" failed`.
var reHookPod = regexp.MustCompile(`for Container "([\w.-]+)" in Pod "([\w.-]+?)_([\w.-]+)\(`)

// reReasonMessage is an event's Reason column followed by its Message.
var reReasonMessage = regexp.MustCompile(`^([A-Z][A-Za-z]+)\s{2,}(\S.*)$`)

// kubeletReasons are the event reasons of a pod's kubelet and scheduler
// events, with their type.
var kubeletReasons = map[string]string{
	"Scheduled": "Normal", "Pulling": "Normal", "Pulled": "Normal", "Created": "Normal", "Started": "Normal",
	"Killing": "Normal", "SandboxChanged": "Normal",
	"BackOff": "Warning", "Failed": "Warning", "FailedMount": "Warning", "FailedSync": "Warning",
	"Unhealthy": "Warning", "FailedScheduling": "Warning", "FailedAttachVolume": "Warning",
	"FailedCreatePodSandBox": "Warning", "FailedPostStartHook": "Warning", "FailedPreStopHook": "Warning",
	"OOMKilling": "Warning", "SystemOOM": "Warning", "Evicted": "Warning", "ErrImageNeverPull": "Warning", "InspectFailed": "Warning",
}

// bareEventReasons infers the kubelet reason of an event message pasted
// without its table columns.
var bareEventReasons = []struct {
	prefix, reason string
}{
	{"Back-off restarting failed container", "BackOff"},
	{"CrashLoopBackOff: Back-off", "BackOff"},
	{"restarting failed container", "BackOff"},
	{"Liveness probe failed", "Unhealthy"},
	{"Liveness probe errored", "Unhealthy"},
	{"Startup probe failed", "Unhealthy"},
	{"Startup probe errored", "Unhealthy"},
	{"Readiness probe failed", "Unhealthy"},
	{"Readiness probe errored", "Unhealthy"},
	{"MountVolume.SetUp failed", "FailedMount"},
	{"Unable to attach or mount volumes", "FailedMount"},
	{"Unable to mount volumes", "FailedMount"},
	{"Error: secret", "Failed"},
	{"Error: configmap", "Failed"},
	{"Error: couldn't find key", "Failed"},
	{"Error: container has runAsNonRoot", "Failed"},
	// The runtime's and kubelet's own "Error: failed to ..." (a
	// program's "Error: failed to get config: ..." is its log line).
	{"Error: failed to start container", "Failed"},
	{"Error: failed to create containerd", "Failed"},
	{"Error: failed to create shim", "Failed"},
	{"Error: failed to generate container", "Failed"},
	{"Error: failed to prepare subPath", "Failed"},
	{"Error: failed to reserve container name", "Failed"},
	{"Error: failed to sync ", "Failed"},
	{"Error: failed to pull", "Failed"},
	{"Error: failed to resolve reference", "Failed"},
	{"Error: failed to get sandbox", "Failed"},
	{"Error: ErrImagePull", "Failed"},
	{"Error: ImagePullBackOff", "Failed"},
	{"Error: stat ", "Failed"},
	{"Error: context deadline exceeded", "Failed"},
	{"Failed to pull image", "Failed"},
	{"Memory cgroup out of memory", "OOMKilling"},
	{"System OOM encountered", "SystemOOM"},
	{"Killing container with id", "Killing"},
	{"Stopping container", "Killing"},
}

// parseEventLine reads one line of an events table, or a bare kubelet
// event message.
func parseEventLine(line string) (eventRow, bool) {
	line = strings.ReplaceAll(line, "\u00a0", " ")
	// Rows of today's tables name their type; most lines of a log do not,
	// and skip the row patterns.
	typed := strings.Contains(line, "Normal") || strings.Contains(line, "Warning")
	if typed {
		if r, ok := parseTypedRow(line); ok {
			return r, true
		}
	}
	tabbed := strings.Contains(line, "\t")
	old := reOldSpacedRow
	if tabbed {
		old = reOldRow
	}
	if tabbed || (typed && strings.Contains(line, "{")) {
		if m := old.FindStringSubmatch(line); m != nil {
			typ := m[6]
			if typ == "" {
				typ = "Normal"
			}
			r := newRow(typ, m[7], m[8])
			r.age, r.firstAge = parseAge(m[2]), parseAge(m[1])
			if n, err := strconv.Atoi(m[3]); err == nil {
				r.event.Count = int32(n)
			}
			if m[5] != "" {
				r.event.InvolvedObject.FieldPath = m[5]
				if s := reSubObject.FindStringSubmatch(m[5]); s != nil {
					r.container = s[1]
				}
			}
			return r, true
		}
	}
	if typed {
		if r, ok := parseSeparatedRow(line); ok {
			return r, true
		}
	}
	msg := strings.TrimSpace(line)
	// "kubelet  Error: ..." and "Warning  Failed ... message" pasted
	// without the age column fall through to the bare message.
	for _, p := range []string{"Warning ", "Normal "} {
		if strings.HasPrefix(msg, p) {
			rest := strings.Fields(strings.TrimPrefix(msg, p))
			if _, known := kubeletReasons[rest[0]]; !known && len(rest) >= 2 {
				// Lens's events table has no Reason column: the type,
				// then the message ("Warning  Liveness probe failed: ...").
				body := strings.TrimSpace(strings.TrimPrefix(msg, p))
				if i := strings.Index(body, "   "); i > 0 {
					body = body[:i] // the Namespace, Involved Object... columns after it
				}
				for _, b := range bareEventReasons {
					if strings.HasPrefix(body, b.prefix) {
						return newRow(strings.TrimSpace(p), b.reason, body), true
					}
				}
				if strings.Contains(body, "failed liveness probe, will be restarted") || strings.Contains(body, "failed startup probe, will be restarted") {
					return newRow("Normal", "Killing", body), true
				}
			}
			if len(rest) >= 2 {
				r := newRow(strings.TrimSpace(p), rest[0], strings.Join(rest[1:], " "))
				return r, true
			}
		}
	}
	// "FailedMount     Unable to mount ..." (the Reason and Message
	// columns alone).
	if m := reReasonMessage.FindStringSubmatch(msg); m != nil {
		if typ, ok := kubeletReasons[m[1]]; ok {
			return newRow(typ, m[1], m[2]), true
		}
	}
	for _, b := range bareEventReasons {
		if i := strings.Index(msg, b.prefix); i >= 0 && i < 40 {
			r := newRow("Warning", b.reason, strings.TrimSpace(msg[i:]))
			return r, true
		}
	}
	if reKillingMessage.MatchString(msg) {
		return newRow("Normal", "Killing", msg), true
	}
	return eventRow{}, false
}

// reKillingMessage is the kubelet's message for a probe kill, with the
// container's name (not a sentence that quotes it: `a probe kill shows
// "Container ... failed liveness probe, will be restarted"`).
var reKillingMessage = regexp.MustCompile(`\bContainer [a-z0-9][a-z0-9.-]* failed (?:liveness|startup) probe, will be restarted`)

// parseTypedRow reads a row of today's events tables: describe's (also
// with its Message cut off) and `kubectl get events`'.
func parseTypedRow(line string) (eventRow, bool) {
	if m := reDescribeRow.FindStringSubmatch(line); m != nil {
		r := newRow(m[1], m[2], m[7])
		r.setAges(m[3], m[4], m[5])
		r.event.Source.Component = m[6]
		return r, true
	}
	if m := reDescribeRowCut.FindStringSubmatch(line); m != nil {
		r := newRow(m[1], m[2], "")
		r.setAges(m[3], m[4], m[5])
		r.event.Source.Component = m[6]
		return r, true
	}
	if m := reGetEventsRow.FindStringSubmatch(line); m != nil {
		r := newRow(m[4], m[5], m[7])
		r.setAges(m[1], m[2], m[3])
		if kind, name, ok := strings.Cut(m[6], "/"); ok {
			r.event.InvolvedObject.Name, r.object = name, strings.ToLower(kind)
			switch {
			case strings.EqualFold(kind, "pod"):
				r.event.InvolvedObject.Kind = "Pod"
			case strings.EqualFold(kind, "node"):
				r.event.InvolvedObject.Kind = "Node"
			}
		}
		return r, true
	}
	return eventRow{}, false
}

// reSeparatedRow is an events row whose columns are joined by " - " or
// "|" (a Markdown table, a row retyped into prose): "Warning - Failed -
// 1s - kubelet - Error: ...", "| Warning | Failed | 2m | kubelet | ... |".
var reSeparatedRow = regexp.MustCompile(`^\s*\|?\s*(Normal|Warning)\s*(?:\s-\s|\|)\s*(\w+)\s*(?:\s-\s|\|)\s*` + reAgePart + `\s*(?:\s-\s|\|)\s*([\w.,<>-]+(?:,\s*\S+)?)\s*(?:\s-\s|\|)\s*(.*?)\s*\|?\s*$`)

// parseSeparatedRow reads an events row whose columns are separated by
// dashes or pipes.
func parseSeparatedRow(line string) (eventRow, bool) {
	m := reSeparatedRow.FindStringSubmatch(line)
	if m == nil || m[7] == "" {
		return eventRow{}, false
	}
	r := newRow(m[1], m[2], m[7])
	r.setAges(m[3], m[4], m[5])
	r.event.Source.Component = m[6]
	return r, true
}

func newRow(typ, reason, msg string) eventRow {
	e := corev1.Event{Type: typ, Reason: reason, Message: msg, Count: 1}
	e.InvolvedObject.Kind = "Pod"
	r := eventRow{event: e, age: -1, firstAge: -1}
	if m := reBackOffPod.FindStringSubmatch(msg); m != nil {
		r.container = m[1]
		r.event.InvolvedObject.Name, r.event.InvolvedObject.Namespace = m[2], m[3]
	} else if m := reHookPod.FindStringSubmatch(msg); m != nil {
		r.container = m[1]
		r.event.InvolvedObject.Name, r.event.InvolvedObject.Namespace = m[2], m[3]
	}
	return r
}

func (r *eventRow) setAges(last, count, first string) {
	r.age = parseAge(last)
	r.firstAge = r.age
	if count != "" {
		if n, err := strconv.Atoi(count); err == nil {
			r.event.Count = int32(n)
		}
		r.firstAge = parseAge(first)
	}
}

// parseAge reads kubectl's compact duration ("3m28s", "2d", "5h4m");
// -1 when it is not one.
func parseAge(s string) time.Duration {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "<") {
		return -1
	}
	var total time.Duration
	num := 0
	seen := false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			num = num*10 + int(c-'0')
			seen = true
		case seen:
			unit := map[rune]time.Duration{'s': time.Second, 'm': time.Minute, 'h': time.Hour, 'd': 24 * time.Hour, 'y': 365 * 24 * time.Hour}[c]
			if unit == 0 {
				return -1
			}
			total += time.Duration(num) * unit
			num, seen = 0, false
		default:
			return -1
		}
	}
	if seen {
		return -1
	}
	return total
}

// parseEvents reads every event of a text; lines that are not events
// (titles, headers) are skipped, and a message wrapped onto the next line
// is joined to its event.
func parseEvents(text string) []eventRow {
	rows, _ := parseEventsUntil(text)
	return rows
}

// parseEventsUntil reads events until text that is clearly something else
// (a log pasted after a describe's Events section), which it returns.
func parseEventsUntil(text string) ([]eventRow, string) {
	var out []eventRow
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) == "" || reEventsTitle.MatchString(line) || strings.TrimSpace(line) == "events:" || reEventHeader.MatchString(line) || reTimestampLine.MatchString(line) {
			continue
		}
		if r, ok := parseEventLine(line); ok {
			out = append(out, r)
			continue
		}
		if n := len(out); n > 0 && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") || !looksLikeNewBlock(line)) {
			sep := " "
			if i > 0 && terminalWrap(lines[i-1], line) && !strings.HasSuffix(lines[i-1], " ") {
				sep = "" // a word the terminal cut in two
			}
			out[n-1].event.Message += sep + strings.TrimSpace(line)
			continue
		}
		if len(out) > 0 {
			return out, strings.Join(lines[i:], "\n")
		}
	}
	return out, ""
}

// looksLikeNewBlock reports a line that starts something other than a
// wrapped event message: a shell prompt, a timestamped or levelled log
// line.
func looksLikeNewBlock(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "$ ") || strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "kubectl ") || strings.HasPrefix(t, ">") ||
		reLogStart.MatchString(t)
}

// reLogStart matches the start of a log line: a date, a klog header, a
// level.
var reLogStart = regexp.MustCompile(`^(\d{4}[-/]\d{2}[-/]\d{2}|[IWEF]\d{4} |\[?(INFO|WARN|WARNING|ERROR|FATAL|DEBUG)\b|\{"|level=|ts=)`)

// reEventYAMLLine is one `key: value` line of YAML (a list item's dash kept
// out of the key).
var reEventYAMLLine = regexp.MustCompile(`^\s*(?:-\s+)?([A-Za-z]+):\s*(.*?)\s*$`)

// parseEventsYAMLCut reads events printed as YAML (`kubectl get events -o
// yaml`) but cut by grep or sed to a few lines around their messages: each
// message, with the reason, count and container path its own lines give.
// It declines text that has a pod's status keys.
func parseEventsYAMLCut(text string) ([]eventRow, bool) {
	type item struct{ msg, reason, typ, count, path string }
	var items []item
	eventKeys := 0
	var fieldPath string // the last one seen: it comes before its message
	msgIndent := -1      // a message's key while its value goes on below it
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if msgIndent >= 0 {
			if indent := len(line) - len(strings.TrimLeft(line, " ")); indent > msgIndent && t != "" {
				items[len(items)-1].msg += " " + t // a long message folded onto more lines
				continue
			}
			msgIndent = -1
		}
		if t == "--" || t == "---" {
			fieldPath = ""
			continue
		}
		m := reEventYAMLLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key, val := m[1], m[2]
		cur := len(items) - 1
		switch key {
		case "containerStatuses", "lastState", "state", "containers", "exitCode", "terminated", "waiting":
			return nil, false
		case "message":
			items = append(items, item{msg: val, path: fieldPath})
			msgIndent = len(line) - len(strings.TrimLeft(line, " "))
			fieldPath = ""
		case "reason", "type", "count":
			if cur < 0 {
				continue
			}
			switch key {
			case "reason":
				items[cur].reason = yamlScalar(val)
			case "type":
				items[cur].typ = yamlScalar(val)
			case "count":
				items[cur].count = yamlScalar(val)
			}
			eventKeys++
		case "fieldPath":
			fieldPath = yamlScalar(val)
		case "involvedObject", "firstTimestamp", "lastTimestamp", "reportingComponent", "reportingInstance", "eventTime":
			eventKeys++
		case "kind":
			if val == "Event" {
				eventKeys++
			}
		}
	}
	if len(items) == 0 || (eventKeys == 0 && !strings.Contains(text, "\n--\n")) {
		return nil, false
	}
	var rows []eventRow
	for _, it := range items {
		it.msg = yamlScalar(it.msg)
		var r eventRow
		if typ, known := kubeletReasons[it.reason]; known {
			if it.typ != "" {
				typ = it.typ
			}
			r = newRow(typ, it.reason, it.msg)
		} else if br, ok := parseEventLine(it.msg); ok {
			r = br
		} else {
			continue
		}
		if n, err := strconv.Atoi(it.count); err == nil && n > 0 {
			r.event.Count = int32(n)
		}
		if it.path != "" {
			r.event.InvolvedObject.FieldPath = it.path
			if s := reSubObject.FindStringSubmatch(it.path); s != nil {
				r.container = s[1]
			}
		}
		rows = append(rows, r)
	}
	return rows, len(rows) > 0
}

// yamlScalar undoes a YAML scalar's quoting: single quotes (a doubled one
// inside is one) and double quotes (with Go-like escapes).
func yamlScalar(s string) string {
	switch {
	case len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'':
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	case len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"':
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
		return s[1 : len(s)-1]
	}
	return s
}

// reJoinedEvent is a describe events row inside a longer line: rows a
// chat message or a rendered page joined onto one line ("... Events:
// Warning Unhealthy 4m (x51 over 2h) kubelet Liveness probe failed: ...
// Normal Killing 4m (x17 over 2h) kubelet Container solr failed ...").
var reJoinedEvent = regexp.MustCompile(`\s(?:Normal|Warning)\s+[A-Z][A-Za-z]+\s+` + reAgePart + `\s+(?:kubelet|default-scheduler|[\w.-]+-controller)\s`)

// unjoinEvents puts each events row joined into a line of text on a line
// of its own.
func unjoinEvents(data []byte) []byte {
	if !bytes.Contains(data, []byte(" kubelet ")) {
		return data // most pastes: no kubelet event, or in its own table
	}
	lines := bytes.Split(data, []byte("\n"))
	changed := false
	for i, l := range lines {
		locs := reJoinedEvent.FindAllIndex(l, -1)
		var out []byte
		at := 0
		for _, loc := range locs {
			start := loc[0] + 1 // after the space
			if len(bytes.TrimSpace(l[:start])) == 0 {
				continue // the row opens the line: a table's row
			}
			out = append(out, bytes.TrimRight(l[at:start], " \t")...)
			out = append(out, '\n')
			at = start
		}
		if at > 0 {
			lines[i] = append(out, l[at:]...)
			changed = true
		}
	}
	if !changed {
		return data
	}
	return bytes.Join(lines, []byte("\n"))
}
