package manifest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	corev1 "k8s.io/api/core/v1"
)

// promptNames are the pod, namespace and container a pasted shell prompt
// names ("$ kubectl logs api-7d9f -n payments -c app --previous"), so the
// commands the report suggests can be run as they are; and what a
// `kubectl run` prompt says the pod runs: its image, the command after
// "--" and the restart policy.
type promptNames struct {
	pod, namespace, container string
	run                       runPrompt
	// exitCode is what a `-o jsonpath='{...terminated.exitCode}'` prompt
	// printed on the line after it (when hasExit), lastState whether it
	// asked for the last state's.
	exitCode           int
	hasExit, lastState bool
	// reason is the termination reason a `-o jsonpath='{...terminated.reason}'`
	// prompt printed (Completed, OOMKilled), its exit code implied.
	reason string
	// restarts is the count a `docker inspect --format` with
	// {{.RestartCount}} printed beside the exit code (0 when not).
	restarts int
	// logsOf is the pod or workload one logs prompt names, without its
	// kind ("deploy/coredns" is "coredns"); readPrompts does not keep it.
	logsOf string
}

// empty reports that no prompt named anything.
func (p promptNames) empty() bool {
	return p.pod == "" && p.namespace == "" && p.container == "" && p.run.image == "" && !p.hasExit
}

// reExitCodePath is a prompt that prints a container's exit code alone
// (kubectl get pod P -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}').
// reDockerWait is a `docker wait` prompt, which prints an exit code.
var reDockerWait = regexp.MustCompile(`\bdocker (?:container )?wait \S`)

var reExitCodePath = regexp.MustCompile(`jsonpath=.*\bterminated\.exitCode\b`)

// reReasonPath is a prompt that prints a container's termination reason
// alone; printedReasons are the reasons that imply their exit code.
var (
	reReasonPath   = regexp.MustCompile(`jsonpath=.*\bterminated\.reason\b`)
	printedReasons = map[string]int{"Completed": 0, "OOMKilled": 137}
)

// reKSMExitCode and reKSMReason are kube-state-metrics' series of a
// container's last termination, as an alert, a dashboard or a query
// shows them ("kube_pod_container_status_last_terminated_exitcode{...}
// 139", "..._exitcode = 127", "..._reason{...,reason="Completed"} 1").
var (
	reKSMExitCode = regexp.MustCompile(`\bkube_pod_container_status_last_terminated_exitcode\b(?:\{[^}]*\})?\s*=?\s*(\d{1,3})\b`)
	reKSMReason   = regexp.MustCompile(`\bkube_pod_container_status_last_terminated_reason\{[^}]*\breason="(\w+)"[^}]*\}\s*=?\s*1\b`)
)

// reKubeletFinished is the kubelet's journal line for a container that
// ended ("Generic (PLEG): container finished" ... exitCode=0).
var reKubeletFinished = regexp.MustCompile(`"Generic \(PLEG\): container finished".*\bexitCode=(\d{1,3})\b`)

// recordedTermination reads a container's last termination from a
// kube-state-metrics series on line (the exit code, or a reason that
// names one: Completed is 0, OOMKilled 137), or from the kubelet's
// journal.
func recordedTermination(line string) (code int, reason string, ok bool) {
	if m := reKubeletFinished.FindStringSubmatch(line); m != nil {
		n, err := strconv.Atoi(m[1])
		return n, "", err == nil
	}
	if !strings.Contains(line, "kube_pod_container_status_last_terminated_") {
		return 0, "", false
	}
	if m := reKSMExitCode.FindStringSubmatch(line); m != nil {
		n, err := strconv.Atoi(m[1])
		return n, "", err == nil
	}
	if m := reKSMReason.FindStringSubmatch(line); m != nil {
		if n, named := printedReasons[m[1]]; named {
			return n, m[1], true
		}
	}
	return 0, "", false
}

// exitCodeLineOffset is the line, after the first, of a jsonpath's
// output that holds the exit code: a template that prints other fields
// first, each ended by {"\n"} (the command, then the exit code), prints
// the code that many lines down.
func exitCodeLineOffset(prompt string) int {
	i := strings.Index(prompt, "terminated.exitCode")
	if i < 0 {
		return 0
	}
	return strings.Count(prompt[:i], `{"\n"}`)
}

// reDockerFormat is a `docker inspect` prompt's Go template, and
// reTemplateField one field of it.
var (
	reDockerFormat      = regexp.MustCompile(`\binspect\b.*(?:--format|-f)[= ](?:'([^']*)'|"([^"]*)")`)
	reTemplateField     = regexp.MustCompile(`\{\{[^}]*\}\}`)
	reExitCodeField     = regexp.MustCompile(`^\{\{\s*\.State\.ExitCode\s*\}\}$`)
	reRestartCountField = regexp.MustCompile(`^\{\{\s*\.RestartCount\s*\}\}$`)
	reStatusField       = regexp.MustCompile(`^\{\{\s*\.State\.Status\s*\}\}$`)
)

// dockerFormatExitCode reads the exit code a `docker inspect --format`
// prompt printed on the line after it: the format's literal text is
// matched, each field a word ("status={{.State.Status}}
// exit={{.State.ExitCode}}" printed as "status=restarting exit=139").
func dockerFormatExitCode(prompt, out string) (code, restarts int, ok bool) {
	m := reDockerFormat.FindStringSubmatch(prompt)
	if m == nil {
		return 0, 0, false
	}
	format := m[1] + m[2]
	var re strings.Builder
	re.WriteString(`^\s*`)
	at, idx, ridx, sidx := 0, -1, -1, -1
	for i, loc := range reTemplateField.FindAllStringIndex(format, -1) {
		re.WriteString(regexp.QuoteMeta(format[at:loc[0]]))
		re.WriteString(`(\[[^\]]*\]|\S+)`) // a slice prints as "[dotnet --info]"
		switch field := format[loc[0]:loc[1]]; {
		case reExitCodeField.MatchString(field):
			idx = i + 1
		case reRestartCountField.MatchString(field):
			ridx = i + 1
		case reStatusField.MatchString(field):
			sidx = i + 1
		}
		at = loc[1]
	}
	if idx < 0 {
		return 0, 0, false
	}
	re.WriteString(regexp.QuoteMeta(strings.TrimRight(format[at:], " ")))
	got, err := regexp.Compile(re.String())
	if err != nil {
		return 0, 0, false
	}
	v := got.FindStringSubmatch(out)
	if v == nil {
		return 0, 0, false
	}
	code, err = strconv.Atoi(v[idx])
	if sidx > 0 && v[sidx] == "running" && code == 0 {
		// A running container's ExitCode is 0 until it exits: it says
		// nothing of how the restarts before it ended.
		return 0, 0, false
	}
	if ridx > 0 {
		restarts, _ = strconv.Atoi(v[ridx])
	}
	return code, restarts, err == nil
}

// printedExitCode reads the exit code a jsonpath prompt printed: the number
// alone, or beside the reason the same jsonpath asked for ("Completed 0",
// "Completed/0").
//
// Two numbers are told apart by the template's order: '{...exitCode}{"
// "}{...restartCount}' prints "0 27", the exit code first.
func printedExitCode(prompt, out string) (int, bool) {
	// The fields as a template joins them: by spaces, or by a separator
	// of its own ('{...reason}/{...exitCode}' prints "Completed/0").
	f := strings.FieldsFunc(out, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("/,;|", r) })
	fields, ranged := reJSONPathField.FindAllString(prompt, -1), strings.Contains(prompt, "{range")
	if len(f) > 2 && len(fields) == len(f) && !ranged {
		// One field printed for each of the template's ("0 Completed 37"
		// for exitCode, reason and restartCount): the exit code is the
		// exitCode field's.
		for i, field := range fields {
			if n, err := strconv.Atoi(f[i]); err == nil && strings.Contains(field, "terminated.exitCode") {
				return n, true
			}
		}
	}
	if len(f) > 2 && len(fields) > 2 && !ranged &&
		reOneContainer.MatchString(fields[len(fields)-1]) && strings.Contains(fields[len(fields)-1], "terminated.exitCode") && strings.Contains(fields[len(fields)-2], "terminated.reason") {
		// The names of the containers first, then the reason and the
		// exit code last ("linkerd-proxy reindex Completed 0").
		f = f[len(f)-2:]
	}
	if len(f) == 0 || len(f) > 2 {
		return 0, false
	}
	if len(f) == 2 && len(fields) == 2 {
		a, errA := strconv.Atoi(f[0])
		b, errB := strconv.Atoi(f[1])
		switch {
		case errA != nil || errB != nil:
		case strings.Contains(fields[0], "terminated.exitCode"):
			return a, true
		case strings.Contains(fields[1], "terminated.exitCode"):
			return b, true
		}
	}
	code := -1
	for _, w := range f {
		if n, err := strconv.Atoi(w); err == nil {
			code = n
		} else if !reReasonWord.MatchString(w) {
			return 0, false
		}
	}
	return code, code >= 0 || code < -255 // a Windows status is a large negative number
}

// reOneContainer is a jsonpath field of one container's status
// (".status.containerStatuses[1].lastState...").
var reOneContainer = regexp.MustCompile(`[cC]ontainerStatuses\[\d+\]`)

// rangeRowExit reads the rows a jsonpath `{range ...containerStatuses[*]}`
// prints, one per container ("ingest\t6\tError\t132" for
// {.name}{"\t"}{.restartCount}...): the fields are the template's, in its
// order; the row of the first container with a non-zero exit code is
// read, else the first row with one.
func rangeRowExit(prompt string, rows []string) (name string, code int, ok bool) {
	fields := reJSONPathField.FindAllString(prompt[strings.Index(prompt, "{range"):], -1)
	if len(fields) < 3 || !strings.HasPrefix(fields[0], "{range") {
		return "", 0, false
	}
	nameAt, codeAt := -1, -1
	for i, f := range fields[1:] { // fields[0] is the range's own
		switch {
		case f == "{.name}":
			nameAt = i
		case strings.HasSuffix(f, "terminated.exitCode}"):
			codeAt = i
		}
	}
	if nameAt < 0 || codeAt < 0 {
		return "", 0, false
	}
	for _, row := range rows {
		if strings.TrimSpace(row) == "" || rePrompt.MatchString(row) {
			break
		}
		var cells []string
		if strings.Contains(row, "\t") {
			cells = strings.Split(row, "\t")
		} else if cells = strings.Split(strings.TrimLeft(row, " "), " "); len(cells) != len(fields)-1 {
			// One space between fields, so a container that has not
			// terminated leaves its cells empty ("crm 0  "); else any run
			// of spaces.
			cells = strings.Fields(row)
		}
		if len(cells) < len(fields)-1 && nameAt == 0 && len(cells) <= codeAt && reContainerName.MatchString(strings.TrimSpace(cells[0])) {
			continue // a container that has not terminated, its empty cells trimmed off ("api", "api  0")
		}
		if len(cells) != len(fields)-1 {
			break
		}
		c, err := strconv.Atoi(strings.TrimSpace(cells[codeAt]))
		if err != nil {
			continue // a container that has not terminated: an empty cell
		}
		if !ok || code == 0 && c != 0 {
			name, code, ok = strings.TrimSpace(cells[nameAt]), c, true
		}
	}
	return name, code, ok
}

// reContainerName is a container's name (a DNS label).
var reContainerName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// reJSONPathField is one field of a jsonpath template ("{.name}", "{range
// .status.containerStatuses[*]}"), not a literal ({"\t"}).
var reJSONPathField = regexp.MustCompile(`\{(?:range )?\.[^{}]*\}`)

// reReasonWord is a termination reason as kubectl prints it (Completed,
// Error, OOMKilled, ContainerCannotRun).
var reReasonWord = regexp.MustCompile(`^[A-Z][A-Za-z]+$`)

// runPrompt is what `kubectl run NAME --image=IMG [--restart=R] [--command]
// [-- ARGS...]` asked for.
type runPrompt struct {
	image, restart string
	args           []string
	command        bool // --command: the words after "--" replace the entrypoint
}

// readPrompts reads the names from the first `kubectl`/`oc` prompts in
// text that name a pod (logs, describe pod, get pod NAME); a namespace
// given to any prompt counts when no prompt names another pod.
func readPrompts(text string) promptNames {
	var found promptNames
	lines := strings.Split(text, "\n")
	var rowContainer string // the container of a jsonpath range row read below
	for i, line := range lines {
		if !found.hasExit {
			if code, reason, ok := recordedTermination(line); ok {
				found.exitCode, found.hasExit, found.lastState, found.reason = code, true, true, reason
			}
		}
		if !rePrompt.MatchString(line) || proseAboutCommand(line) {
			continue
		}
		if off := exitCodeLineOffset(line); !found.hasExit && reExitCodePath.MatchString(line) && i+1+off < len(lines) {
			if n, ok := printedExitCode(line, lines[i+1+off]); ok {
				found.exitCode, found.hasExit, found.lastState = n, true, strings.Contains(line, "lastState")
			}
		}
		if !found.hasExit && strings.Contains(line, "{range") && strings.Contains(line, "{.name}") && reExitCodePath.MatchString(line) {
			// (An init container that exited 0 did its job: that is not
			// the exit of the container that loops.)
			if name, code, ok := rangeRowExit(line, lines[i+1:]); ok && !(code == 0 && strings.Contains(line, "initContainerStatuses")) {
				found.exitCode, found.hasExit, found.lastState = code, true, strings.Contains(line, "lastState")
				rowContainer = name
			}
		}
		if !found.hasExit && i+1 < len(lines) && reReasonPath.MatchString(line) {
			if code, ok := printedReasons[strings.TrimSpace(lines[i+1])]; ok {
				found.exitCode, found.hasExit, found.lastState = code, true, strings.Contains(line, "lastState")
				found.reason = strings.TrimSpace(lines[i+1])
			}
		}
		if !found.hasExit && i+1 < len(lines) && reDockerWait.MatchString(line) {
			// `docker wait NAME` prints the container's exit code alone.
			if n, err := strconv.Atoi(strings.TrimSpace(lines[i+1])); err == nil {
				found.exitCode, found.hasExit, found.lastState = n, true, true
			}
		}
		if !found.hasExit && i+1 < len(lines) {
			if n, restarts, ok := dockerFormatExitCode(line, lines[i+1]); ok {
				found.exitCode, found.hasExit, found.lastState, found.restarts = n, true, true, restarts
			}
		}
		p := promptOf(strings.Fields(line))
		if found.logsOf == "" && p.logsOf != "" && reObjectName.MatchString(p.logsOf) {
			found.logsOf = p.logsOf
		}
		if proxyLogPrompt(line) {
			p.container = "" // a fronting proxy's log, pasted beside the crashed container's
		}
		if found.pod == "" && p.pod != "" {
			found.pod, found.container = p.pod, p.container
			if p.namespace != "" {
				found.namespace = p.namespace
			}
		} else if found.container == "" && p.container != "" && p.pod == found.pod {
			found.container = p.container
		}
		if found.namespace == "" && p.namespace != "" && (p.pod == "" || p.pod == found.pod) {
			found.namespace = p.namespace
		}
		if found.container == "" && rowContainer != "" && p.pod == found.pod {
			found.container = rowContainer // the row whose exit code was read
		}
		rowContainer = ""
		if found.run.image == "" {
			found.run = p.run
		}
	}
	return found
}

// proseAboutCommand reports a sentence that starts with a command's name
// ("kubectl logs shows nothing at all."): it ends like a sentence, which a
// command does not (`kubectl apply -f .` ends with a directory), or says
// what the command showed ("kubectl top shows 510Mi against the 512Mi
// limit ... the log only has these at the end:").
func proseAboutCommand(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || strings.HasSuffix(t, " .") {
		return false
	}
	if reCommandShows.MatchString(t) {
		return true
	}
	switch t[len(t)-1] {
	case '.', '!', '?':
		return len(strings.Fields(t)) > 3
	}
	return false
}

// reCommandShows is a sentence that opens with a command and what it
// showed, without a prompt before it.
var reCommandShows = regexp.MustCompile(`^(?:sudo\s+)?(?:kubectl|oc|docker|podman|helm|k)\s+(?:[\w-]+\s+){0,2}(?:shows?|showed|says?|said|reports?|reported|gives?|gave|returns?|returned|prints?|printed|tells?|told|lists?|listed)\b`)

// promptOf reads one prompt's words: the verb after kubectl or oc, its
// pod argument and the -n and -c flags.
func promptOf(words []string) promptNames {
	var p promptNames
	i := 0
	for i < len(words) && words[i] != "kubectl" && words[i] != "oc" && words[i] != "k" && !strings.HasSuffix(words[i], ".kubectl") {
		i++
	}
	var args []string
	var run runPrompt
	rm := false // kubectl run --rm: a throwaway pod to look around with, not the one that crashes
	for i++; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "|" || w == ">" || w == "&&" || w == ";" || w == "2>&1":
			i = len(words) // the rest is another command
		case w == "--":
			run.args = joinQuoted(words[i+1:]) // the container's arguments (kubectl run)
			i = len(words)
		case w == "--command":
			run.command = true
		case w == "--rm" || w == "--rm=true":
			rm = true
		case flagValue(words, &i, "-n", "--namespace", &p.namespace), flagValue(words, &i, "-c", "--container", &p.container),
			flagValue(words, &i, "", "--image", &run.image), flagValue(words, &i, "", "--restart", &run.restart):
		case w == "-l" || w == "--selector" || w == "--tail" || w == "--since" || w == "-o" || w == "--context":
			i++ // a flag's value, not a name
		case strings.HasPrefix(w, "-"):
		default:
			args = append(args, w)
		}
	}
	if len(args) == 0 {
		return p
	}
	switch args[0] {
	case "run":
		if !rm {
			p.run = run
		}
	case "create":
		if len(args) > 1 && (args[1] == "deployment" || args[1] == "deploy") {
			// `kubectl create deployment NAME --image=IMG -- CMD`: the words
			// after "--" are the container's command.
			run.command = len(run.args) > 0
			p.run = run
		}
	case "logs", "log":
		if len(args) > 1 {
			p.pod = podArg(args[1])
			p.logsOf = args[1]
			if _, name, ok := strings.Cut(args[1], "/"); ok {
				p.logsOf = name
			}
		}
	case "describe", "get":
		if len(args) > 2 && isPodKind(args[1]) {
			p.pod = podArg(args[2])
		} else if len(args) > 1 && strings.Contains(args[1], "/") {
			p.pod = podArg(args[1]) // "describe pod/web-1"
		}
	}
	return p
}

// flagValue reads the flag at words[*i] into v when it is short or long
// ("-n shop", "--namespace shop", "--namespace=shop"), moving *i past a
// separate value.
func flagValue(words []string, i *int, short, long string, v *string) bool {
	w := words[*i]
	if val, ok := strings.CutPrefix(w, long+"="); ok {
		*v = val
		return true
	}
	if w != short && w != long {
		return false
	}
	if *i+1 < len(words) {
		*i++
		*v = words[*i]
	}
	return true
}

// podArg is the pod a command's argument names: "web-1" or "pod/web-1",
// not a workload ("deploy/web") or a placeholder ("<pod>").
func podArg(a string) string {
	if kind, name, ok := strings.Cut(a, "/"); ok {
		if !isPodKind(kind) {
			return ""
		}
		a = name
	}
	if a == "" || strings.ContainsAny(a, "<>{}$*") {
		return ""
	}
	return a
}

// isPodKind reports kubectl's names for the pod kind.
func isPodKind(k string) bool { return k == "pod" || k == "pods" || k == "po" }

// fillExitCode gives the one container the exit code a jsonpath prompt
// printed, when nothing else recorded how it ended.
func (p promptNames) fillExitCode(pod *corev1.Pod) {
	if !p.hasExit || len(pod.Status.ContainerStatuses) > 1 {
		return
	}
	if len(pod.Status.ContainerStatuses) == 0 {
		// Only events and the printed code: the one container they
		// name ended so.
		if len(pod.Spec.Containers) != 1 {
			return
		}
		pod.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: pod.Spec.Containers[0].Name}}
	}
	st := &pod.Status.ContainerStatuses[0]
	if st.RestartCount == 0 && p.restarts > 0 {
		st.RestartCount = int32(p.restarts)
	}
	for _, t := range []*corev1.ContainerStateTerminated{st.State.Terminated, st.LastTerminationState.Terminated} {
		if t != nil && t.ExitCode == -1 && t.Reason == "Error" {
			// A `get pods` row's "Error" does not show the code; the
			// jsonpath printed it.
			t.ExitCode = int32(p.exitCode)
			return
		}
	}
	if st.State.Terminated != nil || st.LastTerminationState.Terminated != nil {
		return
	}
	t := &corev1.ContainerStateTerminated{ExitCode: int32(p.exitCode), Reason: p.reason}
	if p.lastState || st.State.Waiting != nil || st.State.Running != nil {
		st.LastTerminationState.Terminated = t
		return
	}
	st.State.Terminated = t
}

// fill gives a pod of one container what the `kubectl run` prompt that
// made it says and the pasted output does not: its image, its arguments
// and its restart policy.
func (r runPrompt) fill(pod *corev1.Pod) {
	if r.image == "" {
		return
	}
	if len(pod.Spec.Containers) == 0 && len(pod.Status.ContainerStatuses) == 1 {
		pod.Spec.Containers = []corev1.Container{{Name: pod.Status.ContainerStatuses[0].Name}}
	}
	if len(pod.Spec.Containers) != 1 {
		return
	}
	c := &pod.Spec.Containers[0]
	if c.Image != "" {
		return
	}
	c.Image = r.image
	if len(c.Command) == 0 && len(c.Args) == 0 && len(r.args) > 0 {
		if r.command {
			c.Command = r.args
		} else {
			c.Args = r.args
		}
	}
	if len(pod.Status.ContainerStatuses) == 1 && pod.Status.ContainerStatuses[0].Image == "" {
		pod.Status.ContainerStatuses[0].Image = r.image
	}
	if pod.Spec.RestartPolicy == "" {
		switch r.restart {
		case "Always", "Never", "OnFailure":
			pod.Spec.RestartPolicy = corev1.RestartPolicy(r.restart)
		}
	}
}

// joinQuoted joins the words a shell would read as one quoted argument
// (sh -c 'for i in 1 2; do echo $i; done') and drops their quotes.
func joinQuoted(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if len(w) == 0 || (w[0] != '\'' && w[0] != '"') {
			out = append(out, w)
			continue
		}
		// The argument ends at the first word that closes its quote, or
		// at the last word when none does.
		q := w[:1]
		j := i
		closed := len(w) > 1 && strings.HasSuffix(w, q)
		for !closed && j < len(words)-1 {
			j++
			closed = strings.HasSuffix(words[j], q)
		}
		joined := strings.Join(words[i:j+1], " ")
		joined = strings.TrimSuffix(strings.TrimPrefix(joined, q), q)
		out = append(out, joined)
		i = j
	}
	return out
}
