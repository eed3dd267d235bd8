package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// MaxPasteBytes bounds one input read by ParseAny; a longer log keeps its
// tail, where the crash is.
const MaxPasteBytes = 8 << 20

// maxMixedPaste bounds the input ParseAny cuts into stretches of several
// shapes: a pasted issue or question is far smaller; a longer input is
// one shape (a log, a List) and is read as such, as fast as before.
const maxMixedPaste = 1 << 20

// Log is a container log given to the diagnosis. Container is empty when
// it is not known which container wrote it.
type Log struct {
	Container string
	Text      string
}

// ParseAny reads one input in whatever shape it was pasted in: YAML or
// JSON objects (whole or fragments of a pod), `kubectl describe pod`
// text, an events table, `kubectl get pods` output, or else a log. It
// returns the format it recognised. name labels errors.
func (o *Objects) ParseAny(name string, r io.Reader) (Format, error) {
	data, err := readTail(r, MaxPasteBytes)
	if err != nil {
		return FormatLog, fmt.Errorf("%s: %w", name, err)
	}
	data = unjoinEvents(dropEarlierAttempts(stripLinePrefixes(stripCIPrefixes(stripBorders(stripQuoteBlocks(fenceIndentedCode(stripChrome(normalizeSpace(data)))))))))
	if o.prompt.empty() {
		o.prompt = readPrompts(string(data))
	}
	if o.intro == "" {
		o.intro = introOf(string(data))
	}
	if pod, ok := rancherStatus(string(data)); ok {
		o.Pods = append(o.Pods, pod) // the events in it are read below
	}
	if pod, ok := customColumnsStatus(string(data)); ok {
		o.Pods = append(o.Pods, pod) // the rows a `-o custom-columns` prompt printed
	}
	if pod, ok := ksmStatus(string(data)); ok {
		o.Pods = append(o.Pods, pod) // kube-state-metrics series from a query
	}
	if pod, ok := goPrintedStatus(string(data)); ok {
		o.Pods = append(o.Pods, pod) // a log that printed client-go's struct
	}
	if pod, ok := consoleStatus(string(data)); ok {
		o.Pods = append(o.Pods, pod) // a console's panel; the log below it is read as one
	}
	if pod, ok := ocStatus(string(data)); ok {
		o.Pods = append(o.Pods, pod)
		// The rest is OpenShift's advice, not a log; but the output of
		// the `oc logs` it advises, when pasted after it, is the log.
		if l := logsPromptOutput(string(data)); strings.TrimSpace(l) != "" {
			o.Logs = append(o.Logs, Log{Text: l})
		}
		return FormatTable, nil
	}
	var segs []segment
	if len(data) <= maxMixedPaste {
		segs = segments(string(data))
	}
	switch {
	case len(segs) == 1 && segs[0].format != FormatLog:
		return o.parseOne(name, []byte(segs[0].text)) // without its code fence
	case len(segs) < 2:
		return o.parseOne(name, data)
	}
	// A paste of several shapes: each stretch is read by its shape, and
	// the stretches that are none (the log, the reporter's words) are one
	// log, in order.
	first := FormatLog
	var logs, noise []string
	for _, s := range segs {
		if s.noise {
			noise = append(noise, s.text)
			continue
		}
		if s.format == FormatLog {
			logs = append(logs, s.text)
			continue
		}
		var one Objects
		f, err := one.parseOne(name, []byte(s.text))
		if s.of == notAPod {
			one.Pods = nil // `describe secret app-env`: its Name: is no pod's
		}
		for i := range one.Pods {
			if p := &one.Pods[i]; p.Name == "" {
				p.Name = s.of // a grep of `describe pod NAME`: NAME's
			}
		}
		for i := range one.textEvents {
			if e := &one.textEvents[i].event; e.InvolvedObject.Name == "" && s.of != notAPod && s.of != "" {
				e.InvolvedObject.Name = s.of // rows under `describe pod NAME`: NAME's
				one.textEvents[i].described = true
			}
		}
		if err != nil { // a broken object amid text: read what it has
			if pod, ok := scrapeStatus(s.text); ok {
				o.Pods = append(o.Pods, pod)
			}
			logs = append(logs, s.text)
			continue
		}
		for _, l := range one.Logs {
			logs = append(logs, l.Text)
		}
		one.Logs = nil
		o.merge(&one)
		if first == FormatLog {
			first = f
		}
	}
	text := strings.Join(logs, "\n")
	if strings.TrimSpace(text) == "" {
		text = strings.Join(noise, "\n") // a proxy's log is all there is
	}
	if strings.TrimSpace(text) != "" {
		o.Logs = append(o.Logs, Log{Text: text})
	}
	return first, nil
}

// logsPromptOutput returns what follows the last `oc logs` / `kubectl
// logs` prompt of text, up to the next prompt.
func logsPromptOutput(text string) string {
	lines := strings.Split(text, "\n")
	start := -1
	for i, l := range lines {
		if rePrompt.MatchString(l) && reLogsCommand.MatchString(l) {
			start = i + 1
		}
	}
	if start < 0 {
		return ""
	}
	end := start
	for end < len(lines) && !rePrompt.MatchString(lines[end]) {
		end++
	}
	return strings.Join(lines[start:end], "\n")
}

// objectsBeforeText reads YAML that a paragraph of prose after a blank line
// was taken to continue ("- check the pod's status" reads like a list
// item): the longest run of its leading paragraphs that parses, and the
// rest as text.
func objectsBeforeText(name string, data []byte) (Objects, []byte, bool) {
	parts := bytes.Split(data, []byte("\n\n"))
	for k := len(parts) - 1; k > 0; k-- {
		var one Objects
		if one.parseSkipping(name, bytes.NewReader(bytes.Join(parts[:k], []byte("\n\n")))) == nil && len(one.Pods)+len(one.Events) > 0 {
			return one, bytes.Join(parts[k:], []byte("\n\n")), true
		}
	}
	return Objects{}, nil, false
}

// parseOne reads data of one shape (YAML or JSON possibly quoted in
// Markdown fences, describe text, events, get pods rows or a log).
func (o *Objects) parseOne(name string, data []byte) (Format, error) {
	f := Detect(data)
	switch f {
	case FormatObjects:
		var tmp Objects
		err := tmp.parseSkipping(name, bytes.NewReader(data))
		if err == nil {
			o.Pods = append(o.Pods, tmp.Pods...)
			o.Events = append(o.Events, tmp.Events...)
			o.skipped = append(o.skipped, tmp.skipped...)
			return f, nil
		}
		// Text that quotes its objects in Markdown fences (an issue
		// body): the fenced objects are read, the rest is the log.
		if in, rest, ok := fencedObjects(name, data); ok {
			o.merge(&in)
			if len(bytes.TrimSpace(rest)) > 0 {
				o.Logs = append(o.Logs, Log{Text: string(rest)})
			}
			return f, nil
		}
		if in, rest, ok := objectsBeforeText(name, data); ok {
			o.merge(&in)
			o.Logs = append(o.Logs, Log{Text: string(rest)})
			return f, nil
		}
		if hasKind(data) {
			// An object that does not parse (re-indented, cut off,
			// templated with placeholders): read what it has like a
			// fragment, and say why it was not read whole.
			o.warnings = append(o.warnings, err)
			if m := reTopKind.FindSubmatch(data); m != nil && !diagnosable[string(m[1])] {
				// Another kind of object (a ConfigMap from `helm get
				// manifest | grep`): its metadata is not a pod's.
				return f, nil
			}
		}
		// Events as YAML cut by grep to lines around their messages.
		if rows, ok := parseEventsYAMLCut(string(data)); ok {
			o.textEvents = append(o.textEvents, rows...)
			return FormatEvents, nil
		}
		// No kind: a fragment of a pod (its status, one container's
		// status) as people paste it.
		if pod, events, ok := parseFragment(data); ok {
			o.Pods = append(o.Pods, pod...)
			o.textEvents = append(o.textEvents, events...)
			return f, nil
		}
		// Broken YAML or JSON (cut off, re-indented): its status keys.
		if pod, ok := scrapeStatus(string(data)); ok {
			o.Pods = append(o.Pods, pod)
			return f, nil
		}
		if text, ok := logEntryText(data); ok {
			o.Logs = append(o.Logs, Log{Text: text})
			return FormatLog, nil
		}
		o.Logs = append(o.Logs, Log{Text: string(data)})
		return FormatLog, nil
	case FormatDescribe:
		pod, events, rest := parseDescribe(string(data))
		o.Pods = append(o.Pods, pod)
		o.textEvents = append(o.textEvents, events...)
		if strings.TrimSpace(rest) != "" {
			o.Logs = append(o.Logs, Log{Text: rest}) // a log pasted after the events
		}
	case FormatEvents:
		o.textEvents = append(o.textEvents, parseEvents(string(data))...)
	case FormatTable:
		o.rows = append(o.rows, parseTable(string(data))...)
	default:
		if len(bytes.TrimSpace(data)) > 0 {
			o.Logs = append(o.Logs, Log{Text: string(data)})
		}
	}
	return f, nil
}

// normalizeSpace turns Windows line ends into newlines and the no-break
// spaces of text copied out of a web console or page into spaces, so
// "Exit Code:\u00a0137" reads like kubectl printed it, and undoes HTML
// entities a page's source kept (unescapeHTML).
func normalizeSpace(data []byte) []byte {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\u00a0"), []byte(" "))
	return typographicQuotes(unescapeHTML(data))
}

// typographicQuotes turns the double quotes a phone, word processor or
// web page typed into the straight ones programs print, so a quoted
// `configmaps “app” not found` reads like the kubelet's words. Single
// ones stay: GNU tools print ‘file’ themselves, and in the reporter's
// sentences a curly "can’t" is prose, and reads as such (see
// straightQuotes).
func typographicQuotes(data []byte) []byte {
	if !bytes.ContainsAny(data, "“”„") {
		return data
	}
	return []byte(doubleQuotes.Replace(string(data)))
}

// doubleQuotes maps typographic double quotes to the ASCII one.
var doubleQuotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`)

// curlyQuotes maps typographic quotes to the ASCII ones they stand for.
var curlyQuotes = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`)

// straightQuotes turns the curly quotes a chat app or word processor put
// into a pasted event back into the straight ones the kubelet printed
// ("couldn’t find key" is its "couldn't find key"). Only events: in the
// asker's own sentences a curly "can’t" is prose, and reads as such.
func straightQuotes(s string) string {
	if !strings.ContainsAny(s, "‘’“”") {
		return s
	}
	return curlyQuotes.Replace(s)
}

// htmlEscapes are the entities a page's text keeps when it is copied from
// its HTML source ("&quot;", "&lt;", "&#39;").
var htmlEscapes = [][]byte{[]byte("&quot;"), []byte("&lt;"), []byte("&gt;"), []byte("&amp;"), []byte("&#39;"), []byte("&#x27;"), []byte("&#34;")}

// unescapeHTML turns a paste copied with its HTML entities back into the
// text it shows, so `secret &quot;db&quot; not found` reads as the kubelet
// wrote it. Text without those entities is returned as it is.
func unescapeHTML(data []byte) []byte {
	for _, e := range htmlEscapes {
		if bytes.Contains(data, e) {
			return []byte(html.UnescapeString(string(data)))
		}
	}
	return data
}

// readTail reads r, keeping at most the last limit bytes.
func readTail(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		data = data[len(data)-limit:]
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	return data, nil
}

// parseSkipping reads every document like Parse, but keeps going past
// objects it cannot diagnose (a Service, an operator's custom resource
// with no pod in it): they are remembered, and reported by Input only
// when nothing else was given.
func (o *Objects) parseSkipping(name string, r io.Reader) error { return o.parse(name, r, true) }

// merge moves everything read into from into o.
func (o *Objects) merge(from *Objects) {
	o.Pods = append(o.Pods, from.Pods...)
	o.Events = append(o.Events, from.Events...)
	o.Logs = append(o.Logs, from.Logs...)
	o.textEvents = append(o.textEvents, from.textEvents...)
	o.rows = append(o.rows, from.rows...)
	o.skipped = append(o.skipped, from.skipped...)
	o.warnings = append(o.warnings, from.warnings...)
}

// fencedObjects reads the Kubernetes objects that text quotes in
// Markdown code fences (```): in holds them, rest is the text around them
// and any other fenced block, in order. ok is false when no fenced block
// held an object.
func fencedObjects(name string, data []byte) (in Objects, rest []byte, ok bool) {
	var block []byte
	fenced := false
	for line := range bytes.Lines(data) {
		if !bytes.HasPrefix(bytes.TrimSpace(line), []byte("```")) {
			if fenced {
				block = append(block, line...)
			} else {
				rest = append(rest, line...)
			}
			continue
		}
		if fenced {
			var one Objects
			if Detect(block) == FormatObjects && one.parseSkipping(name, bytes.NewReader(block)) == nil && (len(one.Pods) > 0 || len(one.Events) > 0) {
				in.merge(&one)
				ok = true
			} else {
				rest = append(rest, block...)
			}
			block = nil
		}
		fenced = !fenced
	}
	rest = append(rest, block...) // an unclosed fence: its lines are text
	return in, rest, ok
}

// reTopKind is the kind of an object at the margin ("kind: ConfigMap").
var reTopKind = regexp.MustCompile(`(?m)^kind:\s*["']?([A-Za-z]+)`)

func hasKind(data []byte) bool {
	for line := range bytes.Lines(data) {
		t := bytes.TrimSpace(line)
		if bytes.HasPrefix(t, []byte("kind:")) || bytes.HasPrefix(t, []byte(`"kind"`)) {
			return true
		}
	}
	return false
}

// parseFragment reads YAML or JSON without a kind: a pod (metadata, spec,
// status), a pod status (containerStatuses, phase), one container status
// (state, lastState) or a list of container statuses.
// `docker inspect` output, whole or only a container's health, is read
// too (a failing health check comes back as events), and an ECS task.
func parseFragment(data []byte) ([]corev1.Pod, []eventRow, bool) {
	if pod, ok := elidedFragments(data); ok {
		return []corev1.Pod{pod}, nil, true
	}
	if recs := repeatedRecords(dedent(data)); len(recs) > 1 {
		// yq's or jq's stream of one object per container, printed
		// without separators: each record is one container's status.
		var pod corev1.Pod
		for _, r := range recs {
			js, err := utilyaml.ToJSON(r)
			var probe any
			if err != nil || json.Unmarshal(js, &probe) != nil {
				return nil, nil, false
			}
			one, ok := fragmentPod(js, probe)
			if !ok {
				return nil, nil, false
			}
			pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, one.Status.ContainerStatuses...)
		}
		if len(pod.Status.ContainerStatuses) > 0 {
			return []corev1.Pod{pod}, nil, true
		}
	}
	if objs := jsonStream(data); objs != nil {
		// jq's stream of one JSON object per container.
		var pod corev1.Pod
		for _, v := range objs {
			js, err := json.Marshal(v)
			if err != nil {
				return nil, nil, false
			}
			one, ok := fragmentPod(js, v)
			if !ok {
				return nil, nil, false
			}
			pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, one.Status.ContainerStatuses...)
		}
		if len(pod.Status.ContainerStatuses) > 0 {
			return []corev1.Pod{pod}, nil, true
		}
	}
	js, err := utilyaml.ToJSON(dedent(data))
	if err != nil {
		return nil, nil, false
	}
	var probe any
	if err := json.Unmarshal(js, &probe); err != nil {
		return nil, nil, false
	}
	if dp, events, ok := dockerInspect(js); ok {
		return []corev1.Pod{dp}, events, true
	}
	if events, ok := dockerHealthAlone(js); ok {
		return nil, events, true
	}
	if pod, ok := ecsTasks(js); ok {
		return []corev1.Pod{pod}, nil, true
	}
	if pod, ok := composePod(js); ok {
		return []corev1.Pod{pod}, nil, true
	}
	pod, ok := fragmentPod(js, probe)
	if !ok {
		return nil, nil, false
	}
	return []corev1.Pod{pod}, nil, true
}

// repeatedRecords cuts YAML whose first top-level key comes back at the
// start of a line ("name: a / restartCount: 38 / ... / name: b / ...", as
// yq prints one object per container) into one record per occurrence; nil
// when the key does not repeat.
func repeatedRecords(data []byte) [][]byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	key := ""
	var starts []int
	for i, l := range lines {
		if len(l) == 0 || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '-' || len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		k, _, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			return nil
		}
		if key == "" {
			key = string(k)
		}
		if string(k) == key {
			starts = append(starts, i)
		}
	}
	if len(starts) < 2 {
		return nil
	}
	recs := make([][]byte, 0, len(starts))
	for n, i := range starts {
		end := len(lines)
		if n+1 < len(starts) {
			end = starts[n+1]
		}
		recs = append(recs, bytes.Join(lines[i:end], nil))
	}
	return recs
}

// fragmentPod reads a fragment of a pod from its JSON.
func fragmentPod(js []byte, probe any) (corev1.Pod, bool) {
	var pod corev1.Pod
	switch v := probe.(type) {
	case []any:
		// (A spec's containers, "- name: keycloak / image: ...", are
		// read for their names, which the statuses pasted beside them
		// merge with.)
		var list []corev1.ContainerStatus
		if !containerList(v) || json.Unmarshal(js, &list) != nil || len(list) == 0 {
			return pod, false
		}
		pod.Status.ContainerStatuses = list
		return pod, true
	case map[string]any:
		has := func(keys ...string) bool {
			for _, k := range keys {
				if _, ok := v[k]; ok {
					return true
				}
			}
			return false
		}
		if st, ok := criStatus(js, v); ok {
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
			return pod, true
		}
		switch {
		case isContainerPair(v):
			// One container's spec and status side by side, as jq
			// reshapes them ('{spec: .spec.containers[0], status:
			// .status.containerStatuses[0]}').
			var pair struct {
				Spec   corev1.Container       `json:"spec"`
				Status corev1.ContainerStatus `json:"status"`
			}
			if json.Unmarshal(js, &pair) != nil {
				return pod, false
			}
			if pair.Status.Name == "" {
				pair.Status.Name = pair.Spec.Name
			}
			pod.Spec.Containers = []corev1.Container{pair.Spec}
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{pair.Status}
			return pod, true
		case has("metadata", "spec", "status"):
			return pod, json.Unmarshal(js, &pod) == nil
		case has("containerStatuses", "initContainerStatuses", "phase", "conditions"):
			return pod, json.Unmarshal(js, &pod.Status) == nil
		case has("state", "lastState", "restartCount"):
			var st corev1.ContainerStatus
			if json.Unmarshal(js, &st) != nil {
				return pod, false
			}
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
			return pod, true
		case has("terminated", "waiting", "running") && len(v) == 1:
			// One state alone, as `-o jsonpath='{...lastState}'` prints
			// it: a terminated one is the last state of a container
			// restarted since.
			var cs corev1.ContainerState
			if json.Unmarshal(js, &cs) != nil {
				return pod, false
			}
			var st corev1.ContainerStatus
			if cs.Terminated != nil {
				st.LastTerminationState = cs
			} else {
				st.State = cs
			}
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
			return pod, true
		case has("exitCode") && has("reason", "finishedAt", "startedAt", "signal"):
			// One termination alone, as `-o jsonpath='{...lastState.terminated}'`
			// prints it: the last run of a container restarted since.
			var term corev1.ContainerStateTerminated
			if json.Unmarshal(js, &term) != nil {
				return pod, false
			}
			st := corev1.ContainerStatus{LastTerminationState: corev1.ContainerState{Terminated: &term}}
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
			return pod, true
		case has("containers"):
			return pod, json.Unmarshal(js, &pod.Spec) == nil
		case has("livenessProbe", "startupProbe", "readinessProbe"):
			// One container's spec, or only its probes: what it is
			// probed with still counts.
			var c corev1.Container
			if json.Unmarshal(js, &c) != nil {
				return pod, false
			}
			pod.Spec.Containers = []corev1.Container{c}
			return pod, true
		}
		if st, ok := reshapedStatus(v); ok {
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
			if sc := reshapedSecurityContext(v); sc != nil {
				pod.Spec.Containers = []corev1.Container{{Name: st.Name, SecurityContext: sc}}
			}
			return pod, true
		}
	}
	return pod, false
}

// containerList reports a JSON list that may be of containers (their
// statuses or specs): not a container's env (`{"name": "DB_HOST",
// "value": "localhost"}`), envFrom, ports or volume mounts, lists of
// named objects too, which read as statuses would stand for containers,
// nor a resource's status conditions.
func containerList(items []any) bool {
	return !everyItemHas(items, "value", "valueFrom", "configMapRef", "secretRef", "containerPort", "mountPath", "lastTransitionTime", "lastProbeTime")
}

// everyItemHas reports a list of objects each of which has one of keys.
func everyItemHas(items []any, keys ...string) bool {
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok || !slices.ContainsFunc(keys, func(k string) bool { _, ok := m[k]; return ok }) {
			return false
		}
	}
	return true
}

// isContainerPair reports an object whose status is one container's
// (state, lastState) rather than a pod's, and whose spec, if any, is one
// container's (image, no containers list).
func isContainerPair(v map[string]any) bool {
	st, ok := v["status"].(map[string]any)
	if !ok || v["metadata"] != nil {
		return false
	}
	if spec, ok := v["spec"].(map[string]any); ok && spec["containers"] != nil {
		return false
	}
	_, state := st["state"]
	_, last := st["lastState"]
	return state || last
}

// dedent removes the indentation every line shares, so a block copied from
// the middle of a YAML document parses. A line that only marks where lines
// were left out ("...", "…", "[...]") is dropped first: at the margin it
// would both stop the dedent and end the YAML document.
func dedent(data []byte) []byte {
	data = dropElisions(data)
	lines := strings.Split(string(data), "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return data
	}
	for i, l := range lines {
		if len(l) >= common {
			lines[i] = l[common:]
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// elidedFragments reads YAML cut where the reporter left lines out ("...")
// into pieces of different depth (a pod's `containers:` from under its
// spec, then its `status:` at the margin), each piece on its own, and
// merges their containers and statuses; false when the data has no such
// cut or no piece holds a status.
func elidedFragments(data []byte) (corev1.Pod, bool) {
	var pod corev1.Pod
	pieces := splitAtElisions(data)
	if len(pieces) < 2 {
		return pod, false
	}
	if !shallowerLater(pieces) {
		return pod, false // lines left out inside one block: read as one, without the cuts
	}
	for _, p := range pieces {
		js, err := utilyaml.ToJSON(dedent(p))
		var probe map[string]any
		if err != nil || json.Unmarshal(js, &probe) != nil || probe == nil {
			continue
		}
		if _, ok := probe["containers"]; ok && len(probe) <= 3 {
			var spec corev1.PodSpec
			if json.Unmarshal(js, &spec) == nil {
				pod.Spec.Containers = append(pod.Spec.Containers, spec.Containers...)
			}
			continue
		}
		one, ok := fragmentPod(js, any(probe))
		if !ok {
			continue
		}
		if one.Name != "" {
			pod.ObjectMeta = one.ObjectMeta
		}
		pod.Spec.Containers = append(pod.Spec.Containers, one.Spec.Containers...)
		pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, one.Status.ContainerStatuses...)
		pod.Status.InitContainerStatuses = append(pod.Status.InitContainerStatuses, one.Status.InitContainerStatuses...)
		if one.Status.Phase != "" {
			pod.Status.Phase = one.Status.Phase
		}
	}
	return pod, len(pod.Status.ContainerStatuses)+len(pod.Status.InitContainerStatuses) > 0
}

// shallowerLater reports a piece after the first that starts at a smaller
// indentation than the first: the first was cut from deeper inside the
// document (a spec's containers, then the status at the margin).
func shallowerLater(pieces [][]byte) bool {
	first := minIndent(pieces[0])
	for _, p := range pieces[1:] {
		if minIndent(p) < first {
			return true
		}
	}
	return false
}

// minIndent is the smallest indentation of a line of data with text.
func minIndent(data []byte) int {
	least := -1
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " ")); least < 0 || n < least {
			least = n
		}
	}
	return least
}

// criStatus reads a container's status as the runtime reports it
// (`crictl inspect ID`, whole or its .status): a state CONTAINER_EXITED
// or CONTAINER_RUNNING, the exit code and reason of the last run, and the
// attempt, which counts the restarts. A jq of some of .status's fields
// without the state is read as an exit when it has a reason and an end
// time.
func criStatus(js []byte, v map[string]any) (corev1.ContainerStatus, bool) {
	var st corev1.ContainerStatus
	if inner, ok := v["status"].(map[string]any); ok {
		if _, hasCode := inner["exitCode"].(float64); inner["state"] == nil && hasCode {
			// A jq that kept some fields of .status ('{exitCode,
			// reason, startedAt, finishedAt}'): a run that finished
			// has ended.
			reason, _ := inner["reason"].(string)
			finished, _ := inner["finishedAt"].(string)
			if reason != "" && finished != "" && !strings.HasPrefix(finished, "0001-") && !strings.HasPrefix(finished, "1970-") {
				inner["state"] = "CONTAINER_EXITED"
			}
		}
		if b, err := json.Marshal(inner); err == nil {
			return criStatus(b, inner)
		}
	}
	state, _ := v["state"].(string)
	if !strings.HasPrefix(state, "CONTAINER_") {
		return st, false
	}
	var cri struct {
		Metadata struct {
			Name    string `json:"name"`
			Attempt int32  `json:"attempt"`
		} `json:"metadata"`
		ExitCode int32  `json:"exitCode"`
		Reason   string `json:"reason"`
		Message  string `json:"message"`
	}
	if json.Unmarshal(js, &cri) != nil {
		return st, false
	}
	st.Name, st.RestartCount = cri.Metadata.Name, cri.Metadata.Attempt
	term := &corev1.ContainerStateTerminated{ExitCode: cri.ExitCode, Reason: cri.Reason, Message: cri.Message}
	switch state {
	case "CONTAINER_EXITED":
		st.LastTerminationState.Terminated = term
		st.State.Waiting = &corev1.ContainerStateWaiting{}
	case "CONTAINER_RUNNING":
		st.State.Running = &corev1.ContainerStateRunning{}
	default:
		return st, false
	}
	return st, true
}

// elision reports a line that only marks where lines were left out.
func elision(line string) bool {
	switch strings.TrimSpace(line) {
	case "...", "…", "[...]", "[…]", "(...)":
		return true
	}
	return false
}

// splitAtElisions cuts data at the lines dropElisions removes, and where
// a pod's part opens shallower than its piece's first line: the lines that
// joined them were left out without a mark ("    containers:" from under
// a spec, then "  status:").
// reStructureKey is a key that opens a part of a pod.
var reStructureKey = regexp.MustCompile(`^(?:status|spec|metadata|containers|initContainers|containerStatuses|initContainerStatuses):\s*$`)

func splitAtElisions(data []byte) [][]byte {
	var pieces [][]byte
	var cur []string
	top := -1 // the indent of the piece's first line
	flush := func() {
		if len(strings.TrimSpace(strings.Join(cur, ""))) > 0 {
			pieces = append(pieces, []byte(strings.Join(cur, "\n")))
		}
		cur, top = nil, -1
	}
	for _, l := range strings.Split(string(data), "\n") {
		if elision(l) {
			flush()
			continue
		}
		if t := strings.TrimSpace(l); t != "" {
			indent := len(l) - len(strings.TrimLeft(l, " "))
			if top >= 0 && indent < top && reStructureKey.MatchString(t) {
				flush()
			}
			if top < 0 {
				top = indent
			}
		}
		cur = append(cur, l)
	}
	flush()
	return pieces
}

// dropElisions removes the lines that only mark where the reporter left
// lines out ("...", "…", "[...]"). At the margin of a YAML document "..."
// is the document end marker, so a pod pasted with "..." between its spec
// and its status would otherwise lose its status without an error.
func dropElisions(data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !elision(l) {
			kept = append(kept, l)
		}
	}
	return []byte(strings.Join(kept, "\n"))
}

// reKV finds "key: value" pairs in YAML or JSON that does not parse (cut
// off, re-indented, "..." where lines were left out).
var reKV = regexp.MustCompile(`"?([A-Za-z]+)"?[ \t]*:[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^,\s{}\[\]]+)?`)

// scrapeStatus reads a container status out of broken YAML or JSON by
// its keys, in order: lastState / state, then waiting / running /
// terminated, then their fields.
func scrapeStatus(text string) (corev1.Pod, bool) {
	if pod, ok := scrapeDockerState(text); ok {
		return pod, true // `docker inspect` cut short
	}
	var pod corev1.Pod
	var st corev1.ContainerStatus
	var target *corev1.ContainerState
	var term *corev1.ContainerStateTerminated
	var wait *corev1.ContainerStateWaiting
	found := false
	for _, loc := range reKV.FindAllStringSubmatchIndex(text, -1) {
		if !opensKey(text, loc[0]) {
			continue // "[09:02:11] running: ocrmypdf ..." is a log line
		}
		m := make([]string, 3)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = text[loc[2*i]:loc[2*i+1]]
			}
		}
		if m[1] == "message" && m[2] != "" && m[2][0] != '"' && m[2][0] != '\'' {
			// A YAML plain scalar runs to the end of its line ("message:
			// couldn't find key password in Secret data/auth"); the Java
			// client's toString() prints a message of several lines as
			// they are, up to the next key.
			m[2] = plainMessage(text[loc[4]:])
		}
		key, val := m[1], strings.Trim(m[2], `"'`)
		if val == "null" && (key == "terminated" || key == "waiting" || key == "running") {
			continue // the Java client's "terminated: null": no such state
		}
		switch key {
		case "lastState":
			target, term, wait = &st.LastTerminationState, nil, nil
		case "state":
			target, term, wait = &st.State, nil, nil
		case "terminated":
			if target == nil {
				target = &st.LastTerminationState
			}
			target.Terminated = &corev1.ContainerStateTerminated{}
			term, wait = target.Terminated, nil
			found = true
		case "waiting":
			if target == nil {
				target = &st.State
			}
			target.Waiting = &corev1.ContainerStateWaiting{}
			wait, term = target.Waiting, nil
			found = true
		case "running":
			if target == nil {
				target = &st.State
			}
			target.Running = &corev1.ContainerStateRunning{}
			wait, term = nil, nil
			found = true
		case "exitCode":
			if term != nil {
				if n, err := strconv.Atoi(val); err == nil {
					term.ExitCode = int32(n)
				}
			}
		case "reason":
			switch {
			case term != nil:
				term.Reason = val
			case wait != nil:
				wait.Reason = val
			}
		case "message":
			switch {
			case term != nil:
				term.Message = val
			case wait != nil:
				wait.Message = val
			}
		case "restartCount":
			if n, err := strconv.Atoi(val); err == nil {
				st.RestartCount = int32(n)
			}
		case "ready":
			st.Ready = val == "true"
		case "image":
			if st.Image == "" {
				st.Image = val
			}
		case "name":
			if st.Name == "" && target == nil {
				st.Name = val
			}
		case "phase":
			pod.Status.Phase = corev1.PodPhase(val)
		}
	}
	if !found {
		return pod, false
	}
	pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
	return pod, true
}

// plainMessage is an unquoted message's text from where it starts: its
// line, and the lines after it up to the next key or closing brace.
func plainMessage(text string) string {
	lines := strings.Split(text, "\n")
	out := []string{strings.TrimSpace(lines[0])}
	for _, l := range lines[1:] {
		if reScrapedKeyLine.MatchString(l) || strings.TrimSpace(l) == "}" {
			break
		}
		out = append(out, strings.TrimSpace(l))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// reScrapedKeyLine is a line that opens with a key.
var reScrapedKeyLine = regexp.MustCompile(`^\s*"?[A-Za-z]+"?\s*:(?:\s|$)`)

// opensKey reports whether a key found at i stands where YAML or JSON
// puts one: first on its line (after indentation or a list dash), or after
// a brace, bracket, comma or another key's colon.
func opensKey(text string, i int) bool {
	before := strings.TrimRight(text[strings.LastIndexByte(text[:i], '\n')+1:i], " \t")
	return before == "" || strings.ContainsAny(before[len(before)-1:], "{[,:-")
}

// reRancherState is the state line of a container in the Rancher UI:
// "CrashLoopBackOff (back-off 5m0s restarting failed container=app pod=...)
// | Last state: Terminated with 1: Error, started: ..., finished: ...".
var reRancherState = regexp.MustCompile(`(?m)^\s*(\w+)(?: \((.*?)\))?\s*\|\s*Last state: Terminated with (-?\d*): ?(\w*)`)

// rancherStatus reads a container status out of Rancher's state line.
func rancherStatus(text string) (corev1.Pod, bool) {
	var pod corev1.Pod
	m := reRancherState.FindStringSubmatch(text)
	if m == nil {
		return pod, false
	}
	st := corev1.ContainerStatus{}
	st.State.Waiting = &corev1.ContainerStateWaiting{Reason: m[1], Message: m[2]}
	if b := reBackOffPod.FindStringSubmatch(m[2]); b != nil {
		st.Name = b[1]
		pod.Name, pod.Namespace = b[2], b[3]
	}
	code := int32(-1) // Rancher leaves the exit code out when it is 0
	if n, err := strconv.Atoi(m[3]); err == nil {
		code = int32(n)
	} else if m[4] == "Completed" {
		code = 0
	}
	st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: code, Reason: m[4]}
	pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
	return pod, true
}

// stripBorders removes the box-drawing border a terminal UI (k9s, tmux
// panes) draws around what is copied from it, when most lines carry it.
func stripBorders(data []byte) []byte {
	lines := bytes.Split(data, []byte("\n"))
	bordered, nonEmpty := 0, 0
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if len(t) == 0 {
			continue
		}
		nonEmpty++
		if bytes.HasPrefix(t, []byte("│")) || bytes.HasPrefix(t, []byte("┃")) {
			bordered++
		}
	}
	if nonEmpty == 0 || bordered*2 < nonEmpty {
		return data
	}
	for i, l := range lines {
		t := bytes.TrimLeft(l, " \t")
		for _, b := range [][]byte{[]byte("│"), []byte("┃")} {
			if bytes.HasPrefix(t, b) {
				t = t[len(b):]
				if r := bytes.TrimRight(t, " \t\r"); bytes.HasSuffix(r, b) {
					t = r[:len(r)-len(b)]
				}
				lines[i] = t
				break
			}
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

var (
	// reOcCrashLooping is `oc status -v`'s error about a crash-looping pod:
	// "* pod/centos-1-dl5dp is crash-looping", "* container "web" in
	// pod/web-2-abcde is crash-looping".
	reOcCrashLooping = regexp.MustCompile(`(?m)^\s*\*?\s*(?:container "([\w.-]+)" in )?pod/([\w.-]+) is crash-looping`)
	reOcLogsCmd      = regexp.MustCompile(`oc logs (?:-p )?([\w.-]+) -c ([\w.-]+)`)
)

// ocStatus reads the crash-looping pod out of `oc status -v`.
func ocStatus(text string) (corev1.Pod, bool) {
	var pod corev1.Pod
	m := reOcCrashLooping.FindStringSubmatch(text)
	if m == nil {
		return pod, false
	}
	pod.Name = m[2]
	name := m[1]
	if l := reOcLogsCmd.FindStringSubmatch(text); l != nil && l[1] == pod.Name && name == "" {
		name = l[2]
	}
	pod.Status.Phase = corev1.PodRunning
	pod.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: name, State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}}}
	return pod, true
}

// reCIPrefix is what a CI system puts before every line of a job's log:
// GitHub Actions' time with seven decimals ("2025-06-21T13:02:20.6134417Z
// "), GitLab's time and stream ("2025-06-21T13:02:20.613441Z 00O "),
// Jenkins' timestamper ("[2025-06-22T19:44:10.764Z] "), Tekton's task and
// step ("[deploy : rollout] ").
var reCIPrefix = regexp.MustCompile(`^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z \d\d[OE]\+? |\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\] |\[[\w.-]+ : [\w.-]+\] )`)

// stripCIPrefixes takes a CI system's prefix off the lines of a job's log
// pasted whole, so the kubectl output in it reads as it printed (a describe
// block's indentation, a prompt at the line's start). At least three lines,
// and half the paste's non-empty lines, must carry one; the reporter's words
// around the log keep theirs.
func stripCIPrefixes(data []byte) []byte {
	lines := bytes.Split(data, []byte("\n"))
	n, with := 0, 0
	for _, l := range lines {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		n++
		if reCIPrefix.Match(l) {
			with++
		}
	}
	if with < 3 || 2*with < n {
		return data
	}
	for i, l := range lines {
		if m := reCIPrefix.Find(l); m != nil {
			lines[i] = l[len(m):]
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

// reLineNumber and reClockPrefix are what a paste tool or an editor puts
// before every line: a line number (" 52      State:"), the time of the
// copy ("09:14:02  Exit Code: 139").
var (
	reLineNumber  = regexp.MustCompile(`^\s*(\d+)`)
	reClockPrefix = regexp.MustCompile(`^\d{2}:\d{2}:\d{2}(?:\.\d+)?`)
)

// stripQuoteBlocks takes Markdown's quote marks off runs of two or more
// lines that all begin with ">" (a reply quoting describe output or a log:
// "> State:          Waiting", ">   Reason:       Completed"), keeping
// the indentation after the mark's one space.
func stripQuoteBlocks(data []byte) []byte {
	if !bytes.Contains(data, []byte("\n>")) && !bytes.HasPrefix(data, []byte(">")) {
		return data
	}
	lines := dropMailQuotes(bytes.Split(data, []byte("\n")))
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && quoted(lines[j]) {
			j++
		}
		if j > i && answerQuoted(lines, i) {
			for k := i; k < j; k++ {
				lines[k] = nil // a chatbot's or colleague's answer: what they think, not what the pod shows
			}
		} else if j-i >= 2 {
			for k := i; k < j; k++ {
				lines[k] = lines[k][1:]
				if len(lines[k]) > 0 && lines[k][0] == ' ' {
					lines[k] = lines[k][1:]
				}
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return bytes.Join(lines, []byte("\n"))
}

// answerQuoted reports a quote starting at lines[at] under a line that
// introduces someone else's answer ("ChatGPT's answer for our router
// service crashloop:", "Support replied:").
func answerQuoted(lines [][]byte, at int) bool {
	for k := at - 1; k >= 0; k-- {
		if l := bytes.TrimSpace(lines[k]); len(l) > 0 {
			return reAnswerIntro.Match(l) && !reEvidenceWord.Match(l) // ("My colleague sent the log:" quotes evidence)
		}
	}
	return false
}

// reEvidenceWord names output rather than an opinion.
var reEvidenceWord = regexp.MustCompile(`(?i)\b(?:logs?|output|trace|traceback|events?|describe|stack|yaml|status)\b`)

// reAnswerIntro is a line that introduces someone else's answer.
var reAnswerIntro = regexp.MustCompile(`(?i)\b(?:chat ?gpt|copilot|claude|gemini|support|vendor|colleague|co-?worker|teammate|runbook|the bot|the ai)\b.{0,60}(?:\banswer(?:ed)?|\bsaid|\bsays|\bsuggest(?:s|ed|ion)|\brepl(?:y|ied)|\bwrote|\bresponse|\brunbook)\b[^:]{0,60}:$`)

// stripLinePrefixes removes a prefix every line of the paste carries that
// is none of its content: consecutive line numbers, or one and the same
// clock time. The whitespace after it is removed as far as every line has
// it, so the lines keep their indentation relative to each other.
func stripLinePrefixes(data []byte) []byte {
	lines := bytes.Split(data, []byte("\n"))
	var idx []int // the non-empty lines
	for i, l := range lines {
		if len(bytes.TrimSpace(l)) > 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) < 3 {
		return data
	}
	re := reLineNumber
	if !numberedLines(lines, idx) {
		if !sameClock(lines, idx) {
			return data
		}
		re = reClockPrefix
	}
	rests := make([][]byte, len(idx))
	pad := -1 // the whitespace every line has after the prefix
	for k, i := range idx {
		rests[k] = lines[i][len(re.Find(lines[i])):]
		if len(bytes.TrimSpace(rests[k])) == 0 {
			continue
		}
		if w := len(rests[k]) - len(bytes.TrimLeft(rests[k], " \t")); pad < 0 || w < pad {
			pad = w
		}
	}
	for k, i := range idx {
		if pad > 0 && len(rests[k]) >= pad {
			rests[k] = rests[k][pad:]
		}
		lines[i] = rests[k]
	}
	return bytes.Join(lines, []byte("\n"))
}

// linePrefix returns what re matches at the start of line when a space, a
// tab or the line's end follows it.
func linePrefix(re *regexp.Regexp, line []byte) ([][]byte, bool) {
	m := re.FindSubmatchIndex(line)
	if m == nil || (m[1] < len(line) && line[m[1]] != ' ' && line[m[1]] != '\t') {
		return nil, false
	}
	subs := make([][]byte, len(m)/2)
	for j := range subs {
		subs[j] = line[m[2*j]:m[2*j+1]]
	}
	return subs, true
}

// numberedLines reports lines that each start with their line number,
// counting up by one per line (blank lines included).
func numberedLines(lines [][]byte, idx []int) bool {
	prev := 0
	for k, i := range idx {
		m, ok := linePrefix(reLineNumber, lines[i])
		if !ok {
			return false
		}
		n, err := strconv.Atoi(string(m[1]))
		if err != nil || (k > 0 && n != prev+(i-idx[k-1])) {
			return false
		}
		prev = n
	}
	return true
}

// sameClock reports lines that each start with one and the same time.
func sameClock(lines [][]byte, idx []int) bool {
	var clock []byte
	for _, i := range idx {
		m, ok := linePrefix(reClockPrefix, lines[i])
		if !ok || (clock != nil && !bytes.Equal(m[0], clock)) {
			return false
		}
		clock = m[0]
	}
	return true
}
