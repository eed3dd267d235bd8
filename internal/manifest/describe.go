package manifest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// describeContainer collects one container of describe output.
type describeContainer struct {
	init   bool
	spec   corev1.Container
	status corev1.ContainerStatus
	hasSt  bool // any status field was seen
}

// describeParser reads `kubectl describe pod` text line by line. It
// accepts partial output (a container's State block pasted alone),
// several kubectl generations (tab separated 2015 output, today's
// aligned output) and the OpenShift console's copy of the same fields.
type describeParser struct {
	pod        corev1.Pod
	containers []*describeContainer
	cur        *describeContainer
	section    string // containers, init, events, pod, skip
	events     []eventRow

	state       *corev1.ContainerState // State or Last State being filled
	stateIndent int
	list        string // command, args, limits, requests, labels
	listIndent  int
	msg         *string // a Message value that may continue on the next lines
	tabbed      bool    // the line being read opens with a tab
	msgIndent   int
	prevLen     int    // the length of the line before, to tell a terminal's wrap
	pendingKey  string // a key whose value is on the next line (console copy)
	pendingInd  int
	rest        string // text after the Events section (a log pasted with it)
	// errMessages are the error messages an operator's resource reports
	// in its status ("Error Message:" of a SparkApplication, "Failure
	// Message:"): the output of what it ran, read as a log.
	errMessages []*string
}

var (
	reKeyLine = regexp.MustCompile(`^(\s*)([A-Za-z][A-Za-z0-9 ./()_-]*?)\s*:(?:\s+(.*?))?\s*$`)
	reDNSName = regexp.MustCompile(`^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$`)
	reProbe   = regexp.MustCompile(`^(http-get|exec|tcp-socket|grpc)\s+(.*?)\s+delay=(\d+)s\s+timeout=(\d+)s\s+period=(\d+)s\s+#success=(\d+)\s+#failure=(\d+)`)
	reConsole = regexp.MustCompile(`^(Waiting|Running|Terminated)(?:\s+at\s+(.*?))?\s*(?:\((\w+)\))?$`)
)

// minWrapWidth is the narrowest terminal whose wrap is taken for one: a
// line at least this long may go on at the next line's margin.
const minWrapWidth = 79

// reRecordStart is a line that starts a record of its own (a JSON object,
// a timestamped or levelled log line), never the rest of a wrapped one.
var reRecordStart = regexp.MustCompile(`^(?:[{\[]|\d{4}[-/]\d{2}[-/]\d{2}|[IWEF]\d{4} |(?:INFO|WARN|WARNING|ERROR|FATAL|DEBUG)\b)`)

// reInitName is the name of an init container ("linkerd-init",
// "init-db"), which a describe cut by grep no longer heads as one.
var reInitName = regexp.MustCompile(`^init-|-init$|^init$`)

// describeKeys are the container-level keys of describe output; any other
// key line inside a Message continues the message.
var describeKeys = map[string]bool{
	"Container ID": true, "Image": true, "Image ID": true, "Port": true, "Ports": true, "Host Port": true, "Host Ports": true,
	"Command": true, "Args": true, "State": true, "Last State": true, "Last Termination State": true, "Reason": true, "Message": true,
	"Exit Code": true, "Signal": true, "Started": true, "Finished": true, "Ready": true, "Restart Count": true,
	"Limits": true, "Requests": true, "Liveness": true, "Readiness": true, "Startup": true, "Environment": true,
	"Environment Variables from": true, "Mounts": true, "Volume Mounts": true, "Restart Policy": true,
}

// reErrorMessageKey is a custom resource's status key that holds the
// error of what its operator ran or applied.
var reErrorMessageKey = regexp.MustCompile(`^(?:Error|Failure|Last Error|Submission Error) Message$|^Last Error$`)

// pendingKeys are keys whose empty value means "on the next line".
var pendingKeys = map[string]bool{"State": true, "Last State": true, "Ready": true, "Restart Count": true, "Exit Code": true}

// parseDescribe reads describe text into a pod and its events.
func parseDescribe(text string) (corev1.Pod, []eventRow, string) {
	p := &describeParser{section: "pod"}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	raw := strings.Split(text, "\n")
	lines := strings.Split(strings.ReplaceAll(text, "\t", "    "), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " ")
		if p.section == "events" || reDescribeRow.MatchString(line) {
			// An event row without the "Events:" heading (`describe |
			// grep -E 'Exit Code|Unhealthy|Killing'`) starts the events.
			// They are read with their tabs: kubectl before 1.10 separates
			// its events' columns with them.
			rows, rest := parseEventsUntil(strings.Join(raw[i:], "\n"))
			p.events = append(p.events, rows...)
			p.rest = rest
			break
		}
		p.tabbed = strings.HasPrefix(raw[i], "\t")
		p.line(line)
	}
	p.finish()
	rest := p.rest
	for i := len(p.errMessages) - 1; i >= 0; i-- {
		rest = *p.errMessages[i] + "\n" + rest
	}
	return p.pod, p.events, rest
}

func (p *describeParser) line(line string) {
	prevLen := p.prevLen
	p.prevLen = len(line)
	if strings.TrimSpace(line) == "" {
		p.msg = nil
		return
	}
	indent := len(line) - len(strings.TrimLeft(line, " "))
	m := reKeyLine.FindStringSubmatch(line)
	key, value := "", ""
	if m != nil {
		key, value = strings.TrimSpace(m[2]), strings.TrimSpace(m[3])
	}
	// The console copy puts values on the line after their key.
	if p.pendingKey != "" && (m == nil || !describeKeys[key]) {
		k := p.pendingKey
		p.pendingKey = ""
		p.field(k, strings.TrimSpace(line), p.pendingInd)
		return
	}
	// Continuation of a multi-line Message. A terminal that wraps a long
	// line at its width starts the rest at the margin, in mid-word or
	// after the space where it cut ("... runc create\n failed: ...",
	// "bind: ad\ndress already in use"): that rest is joined back as it was.
	wrapped := prevLen >= minWrapWidth && indent <= 1 && !reRecordStart.MatchString(strings.TrimSpace(line))
	// A key of the pod's own at the margin ("Containers:" after the pod's
	// evicted Message) starts the next part, whatever the line before.
	topKey := m != nil && indent == 0 && reDescribeTop.MatchString(line)
	// A message's own line that opens with a tab (Java's "\tjava.lang.
	// UnsupportedClassVersionError: ..." under "Error: LinkageError ...")
	// is printed as it is, at the margin.
	ownTab := p.tabbed && p.msgIndent > 1
	if p.msg != nil && !topKey && (m == nil || (!describeKeys[key] && (indent >= p.msgIndent || wrapped || ownTab))) {
		if wrapped {
			*p.msg += strings.TrimRight(line, " ")
			return
		}
		*p.msg += "\n" + strings.TrimSpace(line)
		return
	}
	p.msg = nil
	// Items of a list value (Command, Args, Limits, Labels).
	if p.list != "" {
		if indent > p.listIndent && (m == nil || !describeKeys[key] || p.list == "labels") {
			p.listItem(strings.TrimSpace(line))
			return
		}
		p.list = ""
	}
	if m == nil {
		// "Last State" without a colon (console copy).
		if t := strings.TrimSpace(line); t == "Last State" || t == "State" {
			p.pendingKey, p.pendingInd = t, indent
		}
		return
	}
	p.key(key, value, indent)
}

func (p *describeParser) key(key, value string, indent int) {
	switch key {
	case "Containers":
		p.section, p.cur, p.state = "containers", nil, nil
		return
	case "Init Containers":
		p.section, p.cur, p.state = "init", nil, nil
		return
	case "Events":
		p.section = "events"
		return
	case "Conditions", "Volumes", "QoS Class", "Node-Selectors", "Tolerations", "Topology Spread Constraints", "Ephemeral Containers":
		if indent <= 2 {
			p.section, p.cur, p.state = "skip", nil, nil
		}
		return
	}
	// A container's name opens its block.
	if (p.section == "containers" || p.section == "init") && value == "" && reDNSName.MatchString(key) {
		p.openContainer(key, p.section == "init")
		return
	}
	// A describe cut by grep keeps the containers' names (two spaces in,
	// "  payments:") but not the Containers heading above them.
	if p.section == "pod" && indent == 2 && value == "" && reDNSName.MatchString(key) && !describeKeys[key] {
		p.openContainer(key, reInitName.MatchString(key))
		return
	}
	if p.section == "skip" && !describeKeys[key] {
		return
	}
	// The console copy puts some values on the next line.
	if value == "" && pendingKeys[key] {
		p.pendingKey, p.pendingInd = key, indent
		return
	}
	p.field(key, value, indent)
}

// field applies one key: value to the pod or the current container.
func (p *describeParser) field(key, value string, indent int) {
	// Keys below a State / Last State line describe that state.
	if p.state != nil && indent > p.stateIndent {
		switch key {
		case "Reason", "Message", "Exit Code", "Signal", "Started", "Finished":
			p.stateField(key, value, indent)
			return
		}
	}
	if p.state != nil && indent <= p.stateIndent {
		p.state = nil
	}
	switch key {
	case "Name":
		if p.cur == nil && p.pod.Name == "" {
			p.pod.Name = value
		}
	case "Namespace":
		p.pod.Namespace = value
	case "Node":
		node, _, _ := strings.Cut(value, "/")
		if node != "<none>" {
			p.pod.Spec.NodeName = node
		}
	case "Status":
		if p.cur == nil {
			switch value {
			case "Running", "Pending", "Succeeded", "Failed", "Unknown":
				p.pod.Status.Phase = corev1.PodPhase(value)
			case "Terminating":
				now := metav1.Now()
				p.pod.DeletionTimestamp = &now
			}
		}
	case "Reason":
		if p.cur != nil {
			p.containerField(key, value, indent)
			return
		}
		p.pod.Status.Reason = value
	case "Message":
		if p.cur != nil {
			p.containerField(key, value, indent)
			return
		}
		p.pod.Status.Message = value
		p.msg, p.msgIndent = &p.pod.Status.Message, indent
	case "Controlled By", "Controllers", "Replication Controllers":
		p.owner(value)
	case "Labels":
		p.label(value)
		p.list, p.listIndent = "labels", indent
	case "Start Time":
		if t, ok := parseTime(value); ok {
			p.pod.Status.StartTime = &metav1.Time{Time: t}
			p.pod.CreationTimestamp = metav1.Time{Time: t}
		}
	case "Image(s)":
		// kubectl 1.2: pod-level image list.
	case "Service Account":
		p.pod.Spec.ServiceAccountName = value
	case "Priority Class Name":
	default:
		if describeKeys[key] {
			p.containerField(key, value, indent)
			return
		}
		if p.cur == nil && value != "" && reErrorMessageKey.MatchString(key) {
			m := value
			p.errMessages = append(p.errMessages, &m)
			p.msg, p.msgIndent = &m, indent
		}
	}
}

// openContainer starts the block of the container called name.
func (p *describeParser) openContainer(name string, init bool) {
	p.cur = &describeContainer{init: init}
	p.cur.spec.Name, p.cur.status.Name = name, name
	p.containers = append(p.containers, p.cur)
	p.state = nil
}

// container returns the current container, opening an unnamed one for a
// State block pasted without its container header.
func (p *describeParser) container() *describeContainer {
	if p.cur == nil {
		p.cur = &describeContainer{init: p.section == "init"}
		p.containers = append(p.containers, p.cur)
	}
	return p.cur
}

func (p *describeParser) containerField(key, value string, indent int) {
	c := p.container()
	switch key {
	case "Image":
		c.spec.Image, c.status.Image = value, value
	case "Image ID":
		c.status.ImageID = value
	case "Container ID":
		c.status.ContainerID = value
	case "Port", "Ports":
		for _, p := range strings.Split(value, ",") {
			num, proto, _ := strings.Cut(strings.TrimSpace(p), "/")
			if n, err := strconv.Atoi(num); err == nil && n > 0 {
				c.spec.Ports = append(c.spec.Ports, corev1.ContainerPort{ContainerPort: int32(n), Protocol: corev1.Protocol(proto)})
			}
		}
	case "Command":
		if value != "" {
			c.spec.Command = append(c.spec.Command, value)
		}
		p.list, p.listIndent = "command", indent
	case "Args":
		if value != "" {
			c.spec.Args = append(c.spec.Args, value)
		}
		p.list, p.listIndent = "args", indent
	case "Limits":
		p.list, p.listIndent = "limits", indent
	case "Requests":
		p.list, p.listIndent = "requests", indent
	case "State", "Last State", "Last Termination State":
		c.hasSt = true
		st := &c.status.State
		if key != "State" {
			st = &c.status.LastTerminationState
		}
		state, inline := splitInlineState(value)
		p.setState(st, state)
		p.state, p.stateIndent = st, indent
		for _, kv := range inline {
			p.stateField(kv[0], kv[1], indent+1)
		}
	case "Ready":
		c.hasSt = true
		c.status.Ready = strings.EqualFold(value, "true")
	case "Restart Count":
		c.hasSt = true
		if n, ok := leadingInt(value); ok {
			c.status.RestartCount = int32(n)
		}
	case "Exit Code", "Reason", "Message", "Signal", "Started", "Finished":
		// Sub-keys of a state with the State line missing: a terminated
		// state ("Exit Code" only makes sense there).
		if p.state == nil {
			c.hasSt = true
			if c.status.LastTerminationState.Terminated == nil && c.status.State.Terminated == nil {
				c.status.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: unknownExit}
			}
			p.state, p.stateIndent = &c.status.LastTerminationState, indent-1
			if c.status.State.Terminated != nil {
				p.state = &c.status.State
			}
		}
		p.stateField(key, value, indent)
	case "Restart Policy":
		// An init container's own policy (kubectl 1.29 on): Always makes
		// it a sidecar, restarted whenever it exits.
		if strings.EqualFold(value, "Always") {
			always := corev1.ContainerRestartPolicyAlways
			c.spec.RestartPolicy = &always
		}
	case "Liveness", "Readiness", "Startup":
		pr := parseProbe(value)
		if pr == nil {
			return
		}
		switch key {
		case "Liveness":
			c.spec.LivenessProbe = pr
		case "Readiness":
			c.spec.ReadinessProbe = pr
		default:
			c.spec.StartupProbe = pr
		}
	}
}

// reInlineField is a state's field written on the state's own line, as
// people retype describe output in a sentence ("Last State: Terminated,
// Reason: Completed, Exit Code: 0.").
var reInlineField = regexp.MustCompile(`^(Reason|Exit Code|Signal): ([\w-]+)`)

// splitInlineState separates a state's one-word value from the fields
// written after it on the same line, comma-separated.
func splitInlineState(value string) (string, [][2]string) {
	parts := strings.Split(value, ", ")
	var fields [][2]string
	for _, part := range parts[1:] {
		if m := reInlineField.FindStringSubmatch(strings.TrimSpace(part)); m != nil {
			fields = append(fields, [2]string{m[1], m[2]})
		}
	}
	if len(fields) == 0 {
		return value, nil
	}
	return strings.TrimSpace(parts[0]), fields
}

// setState starts a state from its one-word value (Waiting, Running,
// Terminated) or the console's "Terminated at <time> (Completed)".
// unknownExit marks a terminated state whose Exit Code line was not
// pasted.
const unknownExit = -1

func (p *describeParser) setState(st *corev1.ContainerState, value string) {
	m := reConsole.FindStringSubmatch(strings.TrimSpace(value))
	if m == nil {
		return
	}
	at, _ := parseTime(m[2])
	switch m[1] {
	case "Waiting":
		st.Waiting = &corev1.ContainerStateWaiting{Reason: m[3]}
	case "Running":
		st.Running = &corev1.ContainerStateRunning{StartedAt: metav1.Time{Time: at}}
	case "Terminated":
		st.Terminated = &corev1.ContainerStateTerminated{Reason: m[3], FinishedAt: metav1.Time{Time: at}, ExitCode: unknownExit}
		if m[3] == "Completed" {
			st.Terminated.ExitCode = 0
		}
	}
}

func (p *describeParser) stateField(key, value string, indent int) {
	st := p.state
	switch {
	case st.Waiting != nil:
		switch key {
		case "Reason":
			st.Waiting.Reason = value
		case "Message":
			st.Waiting.Message = value
			p.msg, p.msgIndent = &st.Waiting.Message, indent
		}
	case st.Running != nil:
		if key == "Started" {
			if t, ok := parseTime(value); ok {
				st.Running.StartedAt = metav1.Time{Time: t}
			}
		}
	default:
		if st.Terminated == nil {
			st.Terminated = &corev1.ContainerStateTerminated{ExitCode: unknownExit}
		}
		t := st.Terminated
		switch key {
		case "Reason":
			t.Reason = value
			if value == "Completed" && t.ExitCode == unknownExit {
				t.ExitCode = 0
			}
		case "Message":
			t.Message = value
			p.msg, p.msgIndent = &t.Message, indent
		case "Exit Code":
			if n, ok := leadingInt(value); ok {
				t.ExitCode = int32(n)
			}
		case "Signal":
			if n, ok := leadingInt(value); ok {
				t.Signal = int32(n)
			}
		case "Started":
			if tm, ok := parseTime(value); ok {
				t.StartedAt = metav1.Time{Time: tm}
			}
		case "Finished":
			if tm, ok := parseTime(value); ok {
				t.FinishedAt = metav1.Time{Time: tm}
			}
		}
	}
}

func (p *describeParser) listItem(item string) {
	c := p.cur
	switch p.list {
	case "labels":
		p.label(item)
	case "command":
		if c != nil {
			c.spec.Command = append(c.spec.Command, item)
		}
	case "args":
		if c != nil {
			c.spec.Args = append(c.spec.Args, item)
		}
	case "limits", "requests":
		name, qty, ok := strings.Cut(item, ":")
		if !ok || c == nil {
			return
		}
		q, err := resource.ParseQuantity(strings.TrimSpace(qty))
		if err != nil {
			return
		}
		list := &c.spec.Resources.Limits
		if p.list == "requests" {
			list = &c.spec.Resources.Requests
		}
		if *list == nil {
			*list = corev1.ResourceList{}
		}
		(*list)[corev1.ResourceName(strings.TrimSpace(name))] = q
	}
}

func (p *describeParser) label(kv string) {
	k, v, ok := strings.Cut(kv, "=")
	if !ok {
		return
	}
	if p.pod.Labels == nil {
		p.pod.Labels = map[string]string{}
	}
	p.pod.Labels[strings.TrimSpace(k)] = strings.TrimSpace(v)
}

func (p *describeParser) owner(value string) {
	f := strings.Fields(value)
	if len(f) == 0 {
		return
	}
	kind, name, ok := strings.Cut(f[0], "/")
	if !ok || name == "" {
		return
	}
	yes := true
	p.pod.OwnerReferences = append(p.pod.OwnerReferences, metav1.OwnerReference{Kind: kind, Name: name, Controller: &yes})
}

func (p *describeParser) finish() {
	for _, c := range p.containers {
		if c.init {
			p.pod.Spec.InitContainers = append(p.pod.Spec.InitContainers, c.spec)
			if c.hasSt {
				p.pod.Status.InitContainerStatuses = append(p.pod.Status.InitContainerStatuses, c.status)
			}
			continue
		}
		p.pod.Spec.Containers = append(p.pod.Spec.Containers, c.spec)
		if c.hasSt {
			p.pod.Status.ContainerStatuses = append(p.pod.Status.ContainerStatuses, c.status)
		}
	}
}

// parseProbe reads a probe as describe prints it:
// "http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3".
func parseProbe(s string) *corev1.Probe {
	m := reProbe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return nil
	}
	num := func(i int) int32 { n, _ := strconv.Atoi(m[i]); return int32(n) }
	pr := &corev1.Probe{InitialDelaySeconds: num(3), TimeoutSeconds: num(4), PeriodSeconds: num(5), SuccessThreshold: num(6), FailureThreshold: num(7)}
	target := m[2]
	switch m[1] {
	case "http-get":
		u := target
		if i := strings.Index(u, "://"); i >= 0 {
			u = u[i+3:]
		}
		hostPort, path, _ := strings.Cut(u, "/")
		_, port, _ := strings.Cut(hostPort, ":")
		pr.HTTPGet = &corev1.HTTPGetAction{Path: "/" + path, Port: intstr.Parse(port)}
	case "exec":
		pr.Exec = &corev1.ExecAction{Command: strings.Fields(strings.Trim(target, "[]"))}
	case "tcp-socket":
		_, port, _ := strings.Cut(target, ":")
		pr.TCPSocket = &corev1.TCPSocketAction{Port: intstr.Parse(port)}
	case "grpc":
		// "grpc <pod>:9090 my.Service" (the service name is optional).
		hostPort, service, _ := strings.Cut(strings.TrimSpace(target), " ")
		_, port, _ := strings.Cut(hostPort, ":")
		n, _ := strconv.Atoi(port)
		pr.GRPC = &corev1.GRPCAction{Port: int32(n)}
		if service = strings.TrimSpace(service); service != "" {
			pr.GRPC.Service = &service
		}
	}
	return pr
}

// timeLayouts are the time formats of describe output and console copies.
var timeLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC3339, "Jan 2, 2006 3:04:05 PM", "Mon, Jan 2 2006 3:04:05 pm", "Mon, 2 Jan 2006 15:04:05 -0700"}

func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// leadingInt reads the number a field's value starts with: reporters
// annotate what they paste ("Restart Count:  111  <---- constant
// restarts", "Exit Code: 137 (OOM?)").
func leadingInt(value string) (int, bool) {
	end := 0
	if strings.HasPrefix(value, "-") {
		end = 1
	}
	for end < len(value) && value[end] >= '0' && value[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(value[:end])
	if err != nil || (end < len(value) && value[end] != ' ' && value[end] != '\t' && value[end] != '(') {
		return 0, false
	}
	return n, true
}
