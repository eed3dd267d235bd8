package manifest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

// Format is the shape of one pasted input.
type Format int

// The formats ParseAny recognises.
const (
	// FormatLog is anything not recognised otherwise: a container log.
	FormatLog Format = iota
	// FormatObjects is YAML or JSON as `kubectl get -o yaml|json` prints
	// it, whole objects (with kind) or fragments of one (a status, a
	// containerStatuses entry).
	FormatObjects
	// FormatDescribe is `kubectl describe pod` text, whole or in part.
	FormatDescribe
	// FormatEvents is an events table (`kubectl describe` Events section,
	// `kubectl get events`) or bare kubelet event messages.
	FormatEvents
	// FormatTable is `kubectl get pods` output.
	FormatTable
)

// String names the format for messages.
func (f Format) String() string {
	switch f {
	case FormatObjects:
		return "YAML/JSON"
	case FormatDescribe:
		return "kubectl describe"
	case FormatEvents:
		return "events"
	case FormatTable:
		return "kubectl get pods"
	}
	return "log"
}

var (
	// reDescribeKey matches the container and pod keys of describe output.
	reDescribeKey = regexp.MustCompile(`(?m)^\s*(State|Last State|Restart Count|Exit Code|Controlled By|Containers|Init Containers|Container ID|Image ID|QoS Class|Liveness|Readiness)\s*:`)
	// reYAMLKey matches keys that only YAML/JSON of a pod or its status has.
	reYAMLKey = regexp.MustCompile(`(?m)^\s*(?:-\s+)?"?(apiVersion|kind|containers|initContainers|image|command|args|containerStatuses|initContainerStatuses|lastState|restartCount|exitCode|startedAt|finishedAt|terminated|waiting|containerID|imageID|phase|metadata|spec|status|state|livenessProbe|readinessProbe|startupProbe|failureThreshold|periodSeconds|initialDelaySeconds|timeoutSeconds)"?\s*:`)
	// reTableHeader is the header of `kubectl get pods` (k9s's pods view
	// has its port-forward column, PF, after the name, and an arrow after
	// the column it sorts by).
	reTableHeader = regexp.MustCompile(`(?mi)^\s*\|?(?:NAMESPACE[↑↓]?\s+)?\|?NAME[↑↓]?\s*\|?\s+(?:PF\s+)?READY[↑↓]?\s*\|?\s+(?:STATUS|REASON)[↑↓]?\s*\|?\s+RESTARTS\b[↑↓]?[A-Z%/|↑↓ \t]*?\bAGE\b`)
	// reTableRow is one row of `kubectl get pods` (also with a namespace
	// column, markdown pipes or -o wide columns).
	reTableRow = regexp.MustCompile(`^\s*\|?\s*(?:\S+\s+)?(\S+?)\s*\|?\s+(\d+)/(\d+)\s*\|?\s+([A-Za-z][\w:/-]*)\s*\|?(?:\s+(\d+)(?:\s+\(([^)]*)\))?\s*\|?\s+(\S+)|\s*$)`)
)

// reDescribeReason is describe's indented "Reason:" of a state.
var reDescribeReason = regexp.MustCompile(`(?m)^\s+Reason:\s+[A-Z]\w+\s*$`)

// reDescribeField is a "Key: value" line of describe output.
var reDescribeField = regexp.MustCompile(`^\s*[A-Z][A-Za-z ]{1,20}:\s+\S`)

// Detect guesses the format of one pasted input.
func Detect(data []byte) Format {
	text := bytes.TrimSpace(data)
	if len(text) == 0 {
		return FormatLog
	}
	lines := nonEmptyLines(text)
	// `kubectl get pods` output: a header or rows only.
	if mayHaveTableHeader(text) && reTableHeader.Match(text) || allMatch(lines, func(l string) bool { return reTableRow.MatchString(l) }) {
		if !reDescribeKey.Match(text) {
			return FormatTable
		}
	}
	if looksLikeObjects(text) {
		return FormatObjects
	}
	if n := len(reDescribeKey.FindAll(text, 2)); n >= 2 || (n == 1 && (bytes.Contains(text, []byte("Events:")) || reDescribeReason.Match(text) && len(lines) <= 8 && allMatch(lines, reDescribeField.MatchString))) {
		// (Or a few of its lines that grep kept: "Reason: Completed",
		// "Exit Code: 0".)
		return FormatDescribe
	}
	if isEventText(lines) {
		return FormatEvents
	}
	if describeHead(text) {
		return FormatDescribe
	}
	return FormatLog
}

// reDescribeHeadKey is a key of the pod's head in describe output.
var reDescribeHeadKey = regexp.MustCompile(`(?m)^(?:Namespace|Node|Start Time|Labels|Annotations|Priority|Service Account|Status|IP|IPs|Controlled By|Controllers):`)

// describeHead reports the head of a pod's describe output cut from its
// containers by a blank line ("Name:", "Namespace:", "Node:", "Labels:"
// with their continuation lines): describe text, not a log.
func describeHead(text []byte) bool {
	return bytes.HasPrefix(text, []byte("Name:")) && len(reDescribeHeadKey.FindAll(text, 3)) >= 3
}

// mayHaveTableHeader is a cheap test before reTableHeader, which is slow
// on a long log: the header has a READY column.
func mayHaveTableHeader(text []byte) bool {
	return bytes.Contains(text, []byte("READY")) || bytes.Contains(text, []byte("ready")) || bytes.Contains(text, []byte("Ready"))
}

// looksLikeObjects reports YAML or JSON of Kubernetes objects or their
// fragments: JSON that parses, or YAML with at least two pod keys and
// no describe-style keys.
func looksLikeObjects(text []byte) bool {
	if text[0] == '{' || text[0] == '[' && reJSONArrayStart.Match(text) && !bracketHeading(text) {
		return true
	}
	if looksLikeCompose(text) {
		return true
	}
	keys := reYAMLKey.FindAll(text, 2)
	if len(keys) == 0 {
		return false
	}
	if bytes.HasPrefix(text, []byte("apiVersion:")) || bytes.HasPrefix(text, []byte("kind:")) || bytes.HasPrefix(text, []byte("---")) {
		return true
	}
	// describe text uses Capitalised keys; YAML uses camelCase ones.
	return len(keys) >= 2 && !reDescribeKey.Match(text)
}

// reJSONArrayStart is the start of a JSON array of objects or strings
// (`kubectl get ... -o json | jq '[...]'`), not a log line whose first
// word is bracketed ("[Info   :   BepInEx] Chainloader startup complete").
var reJSONArrayStart = regexp.MustCompile(`^\[\s*(?:[{"\[\]]|\n)`)

// bracketHeading reports text whose first line is a label in square
// brackets ("[consumer --previous]", "[init: wait-kafka]") over the output
// it names, not a JSON array.
func bracketHeading(text []byte) bool {
	first, _, _ := bytes.Cut(text, []byte("\n"))
	return reBracketHeading.Match(bytes.TrimRight(first, " \t\r")) && !json.Valid(text)
}

// reBracketHeading is a label in square brackets on a line of its own.
var reBracketHeading = regexp.MustCompile(`^\[[A-Za-z][^\]\["{}]*\]$`)

// isEventText reports an events table or lines that are all kubelet event
// messages.
func isEventText(lines []string) bool {
	if len(lines) == 0 {
		return false
	}
	events, rows, wrapped := 0, 0, 0
	for i, l := range lines {
		if misses := i - events; 4*(misses-1) > len(lines) {
			return false // too many other lines to be events whatever follows
		}
		if reEventHeader.MatchString(l) || reEventsTitle.MatchString(l) || reTimestampLine.MatchString(l) || i == 0 && strings.TrimSpace(l) == "events:" {
			events++
			wrapped = 0
			continue
		}
		if r, ok := parseEventLine(l); ok {
			events++
			if r.event.Source.Component != "" || r.age >= 0 {
				rows++ // a full table row, not a bare message
			}
			wrapped = 0
			continue
		}
		// The first lines after a table row are its message wrapped
		// onto the next lines (a probe's output, a multi-line error).
		if rows > 0 && wrapped < 2 {
			events++
			wrapped++
		}
	}
	// Tolerate a stray line (a prompt, the cut-off tail of an event
	// before the first row).
	return events*4 >= len(lines)*3 || (rows >= 2 && (events+1)*4 >= len(lines)*3)
}

func nonEmptyLines(text []byte) []string {
	var out []string
	for line := range bytes.Lines(text) {
		if t := bytes.TrimSpace(line); len(t) > 0 {
			out = append(out, string(bytes.TrimRight(line, "\r\n")))
		}
	}
	return out
}

func allMatch(lines []string, f func(string) bool) bool {
	if len(lines) == 0 {
		return false
	}
	for _, l := range lines {
		if !f(l) {
			return false
		}
	}
	return true
}
