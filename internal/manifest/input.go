package manifest

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// Placeholders name what the input did not say, so the kubectl commands
// in the report read as templates to fill in.
const (
	UnknownPod       = "POD"
	UnknownNamespace = "NAMESPACE"
	UnknownContainer = "CONTAINER"
)

// ErrNothing is returned when the inputs hold nothing to diagnose.
var ErrNothing = errors.New("nothing to diagnose: give `kubectl get pod NAME -o yaml`, `kubectl describe pod NAME`, its events or its log")

// Input builds one diagnosis input from everything parsed: the pod (from
// YAML, describe text or a `kubectl get pods` row, merged when several
// describe the same pod; made up from the events or logs when none was
// given), its events and logs.
//
// The time of the diagnosis is the moment the pasted output was printed,
// which is at least its latest timestamp; relative ages ("3m ago") are
// counted back from it. Only when the input has no timestamp at all is
// fallbackNow used.
func (o *Objects) Input(fallbackNow time.Time) (diagnose.Input, error) {
	pod, err := o.pod()
	if errors.Is(err, ErrNothing) && len(o.skipped) > 0 {
		return diagnose.Input{}, o.skipped[0] // only objects it cannot diagnose
	}
	if err != nil {
		return diagnose.Input{}, err
	}
	now := latestTime(pod, o.Events)
	if now.IsZero() {
		now = fallbackNow
	} else {
		// Events pasted as text count their age back from when they were
		// printed, which is after every time the pod's status records:
		// their newest is no older than the newest of those.
		now = now.Add(o.newestTextEventAge())
	}
	in := diagnose.Input{Pod: pod, Now: now, Logs: map[string]string{}}
	for _, r := range o.rows {
		if r.name != pod.Name {
			in.Neighbours = append(in.Neighbours, diagnose.Neighbour{Name: r.name, Status: r.status, Ready: r.ready == r.total && r.total > 0, Restarts: int32(r.restarts)})
		}
	}
	for _, p := range o.others {
		if !slices.ContainsFunc(in.Neighbours, func(n diagnose.Neighbour) bool { return n.Name == p.Name }) {
			in.Neighbours = append(in.Neighbours, neighbourOf(p))
		}
	}
	in.Events = o.podEvents(pod, now)
	for _, l := range o.Logs {
		if prev, ok := in.Logs[l.Container]; ok {
			in.Logs[l.Container] = prev + "\n" + l.Text
			continue
		}
		in.Logs[l.Container] = l.Text
	}
	return in, nil
}

// Notes say what the input building decided that the user may not
// expect: objects that did not parse whole (broken YAML or JSON with a
// kind) and were read as a fragment or text instead, with the parser's
// reason, and which of several pods given was diagnosed. Input must have
// been called for the latter.
func (o *Objects) Notes() []string {
	notes := make([]string, 0, len(o.warnings)+len(o.notes))
	for _, w := range o.warnings {
		notes = append(notes, w.Error()+"; read what it has as text")
	}
	return append(notes, o.notes...)
}

// neighbourOf says of another pod given what a `get pods` row would.
func neighbourOf(p *corev1.Pod) diagnose.Neighbour {
	n := diagnose.Neighbour{Name: p.Name, Status: string(p.Status.Phase), Ready: len(p.Status.ContainerStatuses) > 0}
	for _, st := range p.Status.ContainerStatuses {
		n.Ready = n.Ready && st.Ready
		n.Restarts += st.RestartCount
		if w := st.State.Waiting; w != nil && w.Reason != "" {
			n.Status = w.Reason
		}
	}
	return n
}

// failingScore is how plainly a pod is failing: containers waiting to be
// restarted or terminated, then restarts, then containers not ready.
func failingScore(p *corev1.Pod) int {
	score := 0
	if p.Status.Phase == corev1.PodFailed {
		score += 100
	}
	for _, list := range [][]corev1.ContainerStatus{p.Status.InitContainerStatuses, p.Status.ContainerStatuses} {
		for _, st := range list {
			if w := st.State.Waiting; w != nil && w.Reason != "" && w.Reason != "ContainerCreating" && w.Reason != "PodInitializing" {
				score += 100
			}
			if st.State.Terminated != nil || st.LastTerminationState.Terminated != nil {
				score += 50
			}
			if !st.Ready {
				score += 10
			}
			score += int(min(st.RestartCount, 9))
		}
	}
	return score
}

// HasPod reports whether the inputs describe a pod (as opposed to events
// or logs only).
func (o *Objects) HasPod() bool { return len(o.Pods) > 0 || len(o.rows) > 0 }

// pod picks or builds the pod to diagnose.
func (o *Objects) pod() (*corev1.Pod, error) {
	o.notes, o.others = nil, nil
	// The pods given, those of one name (or none) merged into one.
	var pods []*corev1.Pod
	for i := range o.Pods {
		p := o.Pods[i].DeepCopy()
		j := slices.IndexFunc(pods, func(q *corev1.Pod) bool {
			return q.Name == "" || p.Name == "" || q.Name == p.Name || fromCompose(p) != fromCompose(q)
		})
		if j < 0 {
			pods = append(pods, p)
			continue
		}
		if fromCompose(pods[j]) && !fromCompose(p) {
			pods[j], p = p, pods[j] // the container's own output names it
		}
		if fromCompose(p) {
			mergeCompose(pods[j], p)
			continue
		}
		mergePod(pods[j], p)
	}
	var pod *corev1.Pod
	if len(pods) > 0 {
		pod = pods[0]
	}
	if len(pods) > 1 {
		// Several pods pasted (a question that shows two workloads, two
		// files): the one failing most is what was asked about.
		names := make([]string, len(pods))
		for i, p := range pods {
			names[i] = p.Name
			if failingScore(p) > failingScore(pod) {
				pod = p
			}
		}
		for _, p := range pods {
			if p != pod {
				o.others = append(o.others, p)
			}
		}
		o.notes = append(o.notes, fmt.Sprintf("%d pods given (%s); diagnosing %s, the one failing most; give one pod's output to diagnose another", len(pods), strings.Join(names, ", "), pod.Name))
	}
	o.asked, o.aside = askedAndAside(o.intro, o.candidateNames(pods))
	o.explicit = reAskWords.MatchString(strings.ToLower(o.intro))
	if o.asked != "" && o.prompt.logsOf != "" && !askedMatch(o.asked, o.prompt.logsOf) && !o.setAside(o.prompt.logsOf) && !o.explicit {
		o.asked = "" // the log pasted is another pod's: the words name what it waits for ("after each update of the node MySQL runs on")
	}
	if o.asked != "" {
		if asked := o.askedPod(pods, pod); asked != pod {
			pod = asked
			if len(pods) > 1 && pod != nil {
				o.notes[len(o.notes)-1] = fmt.Sprintf("%d pods given; diagnosing %s, the one the report's words ask about; give one pod's output to diagnose another", len(pods), pod.Name)
			}
		}
	}
	if row, ok := o.pickRow(pod); ok {
		row.lastTerminated, row.lastTerminatedAt = lastTermination(o.rows, row.name)
		rp := row.pod()
		if pod == nil {
			pod = &rp
		} else {
			mergeRow(pod, &rp)
		}
	}
	if pod == nil {
		if len(o.textEvents) == 0 && len(o.Events) == 0 && len(o.Logs) == 0 {
			return nil, ErrNothing
		}
		pod = &corev1.Pod{}
	}
	o.fillNames(pod)
	return pod, nil
}

// candidateNames are the names of the pods given, their rows and the
// pods their events are about.
func (o *Objects) candidateNames(pods []*corev1.Pod) []string {
	var names []string
	add := func(n string) {
		if n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, p := range pods {
		add(p.Name)
	}
	for _, r := range o.rows {
		add(r.name)
	}
	for _, r := range o.textEvents {
		if k := r.event.InvolvedObject.Kind; k == "" || k == "Pod" {
			add(r.event.InvolvedObject.Name)
		}
	}
	return names
}

// askedPod returns the pod of the asked name among pods when it fails;
// when only a failing row has that name, the nameless pod given (or
// none), for pickRow to find the row; else chosen.
func (o *Objects) askedPod(pods []*corev1.Pod, chosen *corev1.Pod) *corev1.Pod {
	var best *corev1.Pod
	for _, p := range pods {
		if askedMatch(o.asked, p.Name) && failingScore(p) >= 50 && (best == nil || failingScore(p) > failingScore(best)) {
			best = p
		}
	}
	if best == nil && slices.ContainsFunc(o.rows, o.askedRow) {
		i := slices.IndexFunc(pods, func(p *corev1.Pod) bool { return p.Name == "" })
		if i >= 0 {
			best = pods[i]
		} else if chosen != nil {
			o.others = append(o.others, chosen)
			return nil
		}
	}
	if best == nil || best == chosen {
		return chosen
	}
	o.others = slices.DeleteFunc(o.others, func(p *corev1.Pod) bool { return p == best })
	if chosen != nil {
		o.others = append(o.others, chosen)
	}
	return best
}

// setAside reports a pod (or workload) the asker's words set aside.
func (o *Objects) setAside(name string) bool {
	return slices.ContainsFunc(o.aside, func(n string) bool { return n == name || slices.Contains(nameForms(n), name) })
}

// reInitProgress is a pod whose init containers are still running
// ("Init:0/1"), waiting rather than failing.
var reInitProgress = regexp.MustCompile(`^Init:\d+/\d+$`)

// stuck reports a row of a pod that has not started its containers.
func stuck(r tableRow) bool {
	return r.status == "ContainerCreating" || r.status == "Pending" || r.status == "PodInitializing"
}

// askedRow reports a row of the asked workload that fails, restarted, or
// cannot start yet.
func (o *Objects) askedRow(r tableRow) bool {
	return askedMatch(o.asked, r.name) && (r.failing() || r.restarts > 0 || r.status == "ContainerCreating" || r.status == "Pending")
}

// pickRow chooses the `kubectl get pods` row that describes pod: the one
// with its name, else the failing row the pasted events are about (a
// namespace's events list names the pod they explain), then the one with
// most restarts.
func (o *Objects) pickRow(pod *corev1.Pod) (tableRow, bool) {
	if len(o.rows) == 0 {
		return tableRow{}, false
	}
	if pod != nil && pod.Name != "" {
		for _, r := range o.rows {
			if r.name == pod.Name {
				return r, true
			}
		}
		return tableRow{}, false
	}
	if (pod == nil || pod.Name == "") && o.prompt.pod != "" && !o.anyRowOf(o.prompt.pod) {
		// The log's prompt names the pod (`kubectl logs ledger-edge-...`)
		// and the rows are another workload's (its dependency's pods,
		// listed by label): they are neighbours, not this pod, also
		// beside a nameless status the prompt printed (`kubectl get pod
		// ledger-edge-... -o json | jq '.status...'`).
		return tableRow{}, false
	}
	if pod == nil && o.prompt.pod == "" && o.prompt.logsOf != "" && !o.anyRowOf(o.prompt.logsOf) {
		// The same when the prompt names the workload (`kubectl logs
		// deploy/argo-server`) and the rows are another's (its Dex,
		// stuck pulling its image).
		return tableRow{}, false
	}
	named, warned := map[string]bool{}, map[string]bool{}
	for _, e := range o.textEvents {
		if n := e.event.InvolvedObject.Name; n != "" {
			named[n] = true
			// (A pod stuck creating whose events warn, FailedMount under
			// `describe pod NAME`, fails too, unless another pod crash
			// loops: it is what that one waits for.)
			warned[n] = warned[n] || e.event.Type == "Warning"
		}
	}
	rows, narrowed, byWords := o.rows, false, false
	if pod == nil || pod.Name == "" {
		// (A nameless pod is a pasted spec: which row it is, the prompt
		// says.)
		own := o.promptRows()
		asked := slices.DeleteFunc(slices.Clone(rows), func(r tableRow) bool { return !o.askedRow(r) })
		switch {
		case len(asked) > 0 && len(asked) < len(o.rows) && (o.explicit || !slices.ContainsFunc(own, func(r tableRow) bool { return !o.setAside(r.name) })):
			// The asker's words name the workload, and ask about it or no
			// prompt names another pod they keep (`describe pod search-0
			// | grep` of the neighbour set aside in words): its rows.
			rows, narrowed, byWords = asked, true, true
		case len(own) > 0 && len(own) < len(o.rows):
			// The log's prompt names one of the rows (`kubectl logs
			// notify-worker-7c4f9d6b8-wq5hz --previous`): that pod is the
			// one asked about, whatever state its neighbours are in, and
			// a restart of its own counts even while it runs.
			rows, narrowed = own, true
		}
	}
	restarted := slices.ContainsFunc(rows, func(r tableRow) bool { return r.failing() && (r.restarts > 0 || !reInitProgress.MatchString(r.status)) })
	best, found := tableRow{}, false
	for _, r := range rows {
		if !r.failing() && (!narrowed || r.restarts == 0) && !byWords && !(warned[r.name] && stuck(r) && !restarted) {
			continue // (a pod the asker names that is stuck creating is the one asked about)
		}
		if pod == nil && !narrowed && r.status == "Running" && r.restarts == 0 && len(o.Logs) > 0 && !named[r.name] {
			// Running, not ready, never restarted: not the container
			// whose crash the log shows (a dependency's pod still
			// starting, listed beside the crashed app's log).
			continue
		}
		if found && named[best.name] && !named[r.name] {
			continue // the events explain best, not r
		}
		// The most restarts; among rows of equal count (the same pod
		// watched with -w), a failure over Running, then the latest.
		if !found || (named[r.name] && !named[best.name]) || r.restarts > best.restarts || (r.restarts == best.restarts && (r.status != "Running" || best.status == "Running")) {
			best, found = r, true
		}
	}
	if !found && pod != nil && len(o.rows) == 1 {
		// One row beside a nameless describe or status: the same pod,
		// running again between its crashes.
		return o.rows[0], true
	}
	if !found && pod == nil {
		if r, ok := o.rowNamedInLogs(); ok {
			// No row fails, but the log speaks of one pod ("Unable to
			// mount volumes for pod \"gogs-2-91275_infra...\""): that
			// pod, stuck where it is, is what the report is about.
			return r, true
		}
		if len(o.Logs) > 0 && !o.anyRestarted() {
			// Every row is running ready and never restarted: none of
			// them is the container whose crash the log shows (the
			// rows are its healthy neighbours).
			return tableRow{}, false
		}
		// The row that restarted most is the one that crashed.
		top := o.rows[0]
		for _, r := range o.rows[1:] {
			if r.restarts > top.restarts {
				top = r
			}
		}
		if len(o.rows) > 1 && len(o.Logs) > 0 && top.restarts < 2 && !top.restartedLately() {
			// One old restart among running, ready neighbours (a
			// namespace's system pods): not a crash loop, and not the
			// pod the log or words are about.
			return tableRow{}, false
		}
		return top, true
	}
	return best, found
}

// promptRows are the rows of the pod a prompt names, when it restarted or
// cannot start its container (a pod that was evicted or is still being
// scheduled is not the failure asked about).
func (o *Objects) promptRows() []tableRow {
	if o.prompt.pod == "" {
		return nil
	}
	var own []tableRow
	looped := false
	for _, r := range o.rows {
		if r.name == o.prompt.pod {
			own = append(own, r)
			looped = looped || r.restarts > 0 || r.status == "CrashLoopBackOff" || cannotStart[r.status]
		}
	}
	if !looped {
		return nil
	}
	return own
}

// cannotStart are the STATUS column's reasons for a container the kubelet
// cannot create or start: a failure of its own, before any restart.
var cannotStart = map[string]bool{"CreateContainerConfigError": true, "CreateContainerError": true, "RunContainerError": true, "ContainerCannotRun": true, "StartError": true}

// anyRowOf reports a row of pod, or of its workload (a sibling replica).
func (o *Objects) anyRowOf(pod string) bool {
	w := workloadOf(pod)
	for _, r := range o.rows {
		if r.name == pod || w != "" && workloadOf(r.name) == w || strings.HasPrefix(r.name, pod) || strings.HasPrefix(pod, r.name) {
			return true
		}
	}
	return false
}

// rowNamedInLogs returns the one row whose pod the logs name, when they
// name exactly one of the rows.
func (o *Objects) rowNamedInLogs() (tableRow, bool) {
	var hit tableRow
	n := 0
	for _, r := range o.rows {
		if r.name == "" || r.name == hit.name {
			continue
		}
		for _, l := range o.Logs {
			if strings.Contains(l.Text, r.name) {
				hit, n = r, n+1
				break
			}
		}
	}
	return hit, n == 1
}

// anyRestarted reports a `kubectl get pods` row with restarts.
func (o *Objects) anyRestarted() bool {
	for _, r := range o.rows {
		if r.restarts > 0 {
			return true
		}
	}
	return false
}

// mergePod fills what dst lacks from src (two views of the same pod: its
// YAML and its describe text, or describe and a `get pods` row).
func mergePod(dst, src *corev1.Pod) {
	if dst.Name == "" {
		dst.Name = src.Name
	}
	if dst.Namespace == "" {
		dst.Namespace = src.Namespace
	}
	if len(dst.OwnerReferences) == 0 {
		dst.OwnerReferences = src.OwnerReferences
	}
	if dst.Labels == nil {
		dst.Labels = src.Labels
	}
	if dst.Spec.NodeName == "" {
		dst.Spec.NodeName = src.Spec.NodeName
	}
	if len(dst.Spec.Containers) == 0 || unnamedOne(dst.Spec.Containers) && len(src.Spec.Containers) == 1 && src.Spec.Containers[0].Name != "" {
		// (A describe State block pasted without its container's header
		// is one unnamed container; the spec pasted beside it names it.)
		dst.Spec.Containers = src.Spec.Containers
	}
	if len(dst.Spec.InitContainers) == 0 {
		dst.Spec.InitContainers = src.Spec.InitContainers
	}
	if dst.Status.Phase == "" {
		dst.Status.Phase = src.Status.Phase
	}
	dst.Status.ContainerStatuses = mergeStatuses(dst.Status.ContainerStatuses, src.Status.ContainerStatuses)
	dst.Status.InitContainerStatuses = mergeStatuses(dst.Status.InitContainerStatuses, src.Status.InitContainerStatuses)
	if c, i := dst.Status.ContainerStatuses, dst.Status.InitContainerStatuses; len(c) == 1 && len(i) == 1 && c[0].Name != "" && c[0].Name == i[0].Name &&
		c[0].State == (corev1.ContainerState{}) && c[0].LastTerminationState == (corev1.ContainerState{}) {
		// One container read twice: a fragment that only names it and
		// its image ("- name: init-dirs" with its image and command,
		// pasted without its "containers:" key) and a describe block
		// that took it for an init container by its name. The row, if
		// any, then says which it is.
		mergeStatus(&i[0], &c[0])
		dst.Status.ContainerStatuses = nil
	}
	if st, cs := dst.Status.ContainerStatuses, dst.Spec.Containers; len(st) == 1 && len(cs) == 1 {
		switch {
		case st[0].Name == "":
			st[0].Name = cs[0].Name
		case cs[0].Name == "":
			cs[0].Name = st[0].Name
		}
	}
}

// mergeStatuses joins two views of a pod's container statuses: one
// container's halves, or the containers named in one view (a spec's
// "- name: kaniko" list read for its names) that the other, with as many
// of them or more, holds too (the describe of every container).
func mergeStatuses(d, s []corev1.ContainerStatus) []corev1.ContainerStatus {
	switch {
	case len(d) == 0:
		return s
	case len(d) == 1 && len(s) == 1 && (d[0].Name == "" || s[0].Name == "" || d[0].Name == s[0].Name):
		mergeStatus(&d[0], &s[0])
	case len(s) >= len(d) && namedWithin(d, s):
		out := slices.Clone(s)
		for i := range out {
			if j := slices.IndexFunc(d, func(st corev1.ContainerStatus) bool { return st.Name == out[i].Name }); j >= 0 {
				merged := d[j]
				mergeStatus(&merged, &out[i])
				out[i] = merged
			}
		}
		return out
	}
	return d
}

// namedWithin reports statuses d that each have a name found in s.
func namedWithin(d, s []corev1.ContainerStatus) bool {
	for _, st := range d {
		if st.Name == "" || !slices.ContainsFunc(s, func(o corev1.ContainerStatus) bool { return o.Name == st.Name }) {
			return false
		}
	}
	return true
}

// mergeStatus joins two halves of one container's status: a YAML
// fragment that names the container and its resources, and a describe
// State block pasted without its container's header that holds its
// state.
func mergeStatus(dst, src *corev1.ContainerStatus) {
	if dst.Name == "" {
		dst.Name = src.Name
	}
	if dst.State == (corev1.ContainerState{}) {
		dst.State = src.State
	}
	if dst.LastTerminationState == (corev1.ContainerState{}) {
		dst.LastTerminationState = src.LastTerminationState
	}
	if dst.RestartCount == 0 {
		dst.RestartCount = src.RestartCount
	}
	if dst.Image == "" {
		dst.Image = src.Image
	}
	if dst.Resources == nil {
		dst.Resources = src.Resources
	}
}

// unnamedOne reports a pod spec's one container without a name.
func unnamedOne(cs []corev1.Container) bool { return len(cs) == 1 && cs[0].Name == "" }

// mergeRow adds what a `kubectl get pods` row knows to a pod read from
// elsewhere: its status when the pod has none, else the restart count and
// readiness a partial describe paste left out.
func mergeRow(pod, row *corev1.Pod) {
	if len(row.Status.InitContainerStatuses) > 0 && len(pod.Status.InitContainerStatuses) == 0 &&
		len(pod.Spec.InitContainers) == 0 && len(pod.Status.ContainerStatuses) == 1 && len(pod.Spec.Containers) <= 1 {
		// The row says an init container fails (Init:CrashLoopBackOff)
		// and the one container described (`describe | grep -A12
		// wait-deps:`, without its "Init Containers:" heading) is in
		// back-off: it is that init container, not an app container,
		// which would wait for the init containers to finish.
		// So is a last termination alone (a jsonpath of
		// initContainerStatuses[0].lastState.terminated, a describe cut by
		// grep to its "Last State"): an app container cannot have run
		// while an init container fails.
		st := pod.Status.ContainerStatuses[0]
		onlyTermination := st.State == (corev1.ContainerState{}) && st.LastTerminationState.Terminated != nil
		if st.State.Waiting != nil && st.State.Waiting.Reason == "CrashLoopBackOff" || onlyTermination {
			pod.Status.InitContainerStatuses, pod.Status.ContainerStatuses = pod.Status.ContainerStatuses, nil
			pod.Spec.InitContainers, pod.Spec.Containers = pod.Spec.Containers, nil
		}
	}
	if len(row.Status.ContainerStatuses) == 1 && len(row.Status.InitContainerStatuses) == 0 && len(pod.Status.ContainerStatuses) == 0 &&
		len(pod.Spec.Containers) == 0 && len(pod.Status.InitContainerStatuses) == 1 && len(pod.Spec.InitContainers) <= 1 {
		// The reverse: a describe cut by grep to one container whose name
		// reads as an init container's ("ch-init"), in back-off, while
		// the row's status is the pod's plain CrashLoopBackOff, not
		// Init:CrashLoopBackOff: it is an app container.
		st, rs := pod.Status.InitContainerStatuses[0], row.Status.ContainerStatuses[0]
		if st.State.Waiting != nil && st.State.Waiting.Reason == "CrashLoopBackOff" && rs.State.Waiting != nil && rs.State.Waiting.Reason == "CrashLoopBackOff" {
			pod.Status.InitContainerStatuses, pod.Status.ContainerStatuses = nil, pod.Status.InitContainerStatuses
			pod.Spec.InitContainers, pod.Spec.Containers = nil, pod.Spec.InitContainers
		}
	}
	if len(pod.Status.ContainerStatuses) == 0 && len(pod.Status.InitContainerStatuses) == 0 {
		mergePod(pod, row)
		return
	}
	mergePod(pod, row)
	if len(pod.Status.ContainerStatuses) != 1 || len(row.Status.ContainerStatuses) != 1 {
		return
	}
	st, rs := &pod.Status.ContainerStatuses[0], row.Status.ContainerStatuses[0]
	if st.RestartCount == 0 {
		st.RestartCount = rs.RestartCount
	}
	if !st.Ready && rs.Ready && st.State.Running != nil {
		st.Ready = true
	}
}

// fillNames names what the input left unnamed: the pod and namespace from
// its events, a lone container from the spec or the events, and the rest
// with placeholders.
func (o *Objects) fillNames(pod *corev1.Pod) {
	names, warned, failing := map[string]int{}, map[string]bool{}, map[string]bool{}
	podRows := slices.ContainsFunc(o.textEvents, func(r eventRow) bool { return r.object == "pod" })
	count := func(e *corev1.Event) {
		if k := e.InvolvedObject.Kind; k != "" && k != "Pod" {
			return // a ReplicaSet's, a Node's, an HPA's events name no pod
		}
		if n := e.InvolvedObject.Name; n != "" {
			names[n]++
			if (e.Reason == "BackOff" && strings.Contains(e.Message, "restarting failed container") || e.Reason == "Failed" && strings.HasPrefix(e.Message, "Error: ")) && !failing[n] {
				// Of a namespace's events the pod in back-off is the
				// one the report is about, however many events
				// another pod has; so is one whose container the
				// kubelet fails to start ("Error: couldn't find key
				// REDIS_URL in ConfigMap shop/cart-config"). Counted
				// once a pod: of two rollouts' pods, the older one's
				// two kinds of failure do not outweigh the newer one.
				failing[n] = true
				names[n] += 1000
			}
			if e.Type == "Warning" && !warned[n] {
				// A pod with warnings over one whose events are only
				// normal (a healthy neighbour listed after it); how many
				// warnings it has does not count.
				warned[n] = true
				names[n] += 100
			}
			if pod.Namespace == "" && e.InvolvedObject.Namespace != "" && (pod.Name == "" || pod.Name == n) {
				pod.Namespace = e.InvolvedObject.Namespace
			}
		}
	}
	for i := range o.textEvents {
		if r := &o.textEvents[i]; !podRows || r.object == "" || r.object == "pod" {
			// (Beside pods' rows, a Job's or a ReplicaSet's rows name
			// the workload, not a pod.)
			count(&r.event)
		}
	}
	if pod.Name == "" {
		// Events pasted as YAML or JSON (`kubectl get events -o yaml`)
		// name the pod as well.
		for i := range o.Events {
			count(&o.Events[i])
		}
	}
	if pod.Name == "" {
		for n := range names {
			if askedMatch(o.asked, n) && warned[n] {
				names[n] += 10000 // the pod the asker's words name, among a namespace's events
			}
		}
		best := 0
		for n, c := range names {
			if c > best || (c == best && n < pod.Name) {
				pod.Name, best = n, c
			}
		}
	}
	if pod.Name == "" || pod.Spec.NodeName == "" {
		// The scheduler's event names the pod and its node.
		for _, r := range o.textEvents {
			m := reAssigned.FindStringSubmatch(r.event.Message)
			if m == nil {
				continue
			}
			if pod.Name == "" {
				pod.Name = m[2]
				if m[1] != "" && pod.Namespace == "" {
					pod.Namespace = strings.TrimSuffix(m[1], "/")
				}
			}
			if pod.Spec.NodeName == "" && (pod.Name == m[2]) {
				pod.Spec.NodeName = m[3]
			}
			break
		}
	}
	// A pasted prompt names them ("$ kubectl logs api-7d9f -n payments").
	if pod.Name == "" {
		pod.Name = o.prompt.pod
	}
	if pod.Namespace == "" && (o.prompt.pod == "" || o.prompt.pod == pod.Name) {
		pod.Namespace = o.prompt.namespace
	}
	if pod.Name == "" {
		pod.Name = UnknownPod
	}
	if pod.Namespace == "" {
		pod.Namespace = UnknownNamespace
	}
	// A container named only by the events (or by nothing).
	eventContainer := ""
	for _, r := range o.textEvents {
		if r.container != "" {
			eventContainer = r.container
			break
		}
	}
	if eventContainer == "" {
		eventContainer = onlyMatch(o.textEvents, reCreatedContainer)
	}
	for i := 0; eventContainer == "" && i < len(o.Events); i++ {
		// An event pasted as YAML or JSON names its container in its
		// field path ("spec.containers{invoicer}").
		if e := &o.Events[i]; e.InvolvedObject.Name == pod.Name {
			if c, ok := strings.CutPrefix(e.InvolvedObject.FieldPath, "spec.containers{"); ok {
				eventContainer = strings.TrimSuffix(c, "}")
			}
		}
	}
	if eventContainer == "" {
		eventContainer = o.prompt.container // "kubectl logs POD -c app"
	}
	nameStatuses := func(statuses []corev1.ContainerStatus, specs []corev1.Container) {
		for i := range statuses {
			if statuses[i].Name != "" {
				continue
			}
			switch {
			case len(statuses) == 1 && len(specs) == 1 && specs[0].Name != "":
				statuses[i].Name = specs[0].Name
			case len(statuses) == 1 && eventContainer != "":
				statuses[i].Name = eventContainer
			default:
				statuses[i].Name = UnknownContainer
			}
			if statuses[i].Image == "" && len(specs) == 1 {
				statuses[i].Image = specs[0].Image
			}
		}
	}
	nameStatuses(pod.Status.ContainerStatuses, pod.Spec.Containers)
	nameStatuses(pod.Status.InitContainerStatuses, pod.Spec.InitContainers)
	for i := range pod.Spec.Containers {
		if pod.Spec.Containers[i].Name == "" {
			pod.Spec.Containers[i].Name = UnknownContainer
			if len(pod.Status.ContainerStatuses) == 1 {
				pod.Spec.Containers[i].Name = pod.Status.ContainerStatuses[0].Name
			}
		}
	}
	if len(pod.Spec.Containers) == 0 && len(pod.Status.ContainerStatuses) == 0 {
		// No app container given: the events may name one.
		name := cmp.Or(eventContainer, UnknownContainer)
		inits := pod.Status.InitContainerStatuses
		switch {
		case len(inits) == 0 && name != UnknownContainer && o.initByEvents(name):
			// "spec.initContainers{init}": an init container that fails
			// holds the pod; it is not an app container that finishes.
			pod.Spec.InitContainers = []corev1.Container{{Name: name}}
		case len(inits) == 0 || initsCompleted(inits):
			// Nothing about containers at all, or only init containers
			// that each finished: the paste was cut before the pod's
			// app container (every pod has one), which is what the
			// report is about.
			pod.Spec.Containers = []corev1.Container{{Name: name}}
		}
	}
	o.prompt.run.fill(pod)
	o.prompt.fillExitCode(pod)
}

// initsCompleted reports init containers that all ran to completion (at
// least one given).
func initsCompleted(statuses []corev1.ContainerStatus) bool {
	for _, s := range statuses {
		if t := s.State.Terminated; t == nil || t.ExitCode != 0 {
			return false
		}
	}
	return len(statuses) > 0
}

// initByEvents reports whether the events name container only by an init
// container's field path ("spec.initContainers{init}").
func (o *Objects) initByEvents(container string) bool {
	var paths []string
	for _, r := range o.textEvents {
		paths = append(paths, r.event.InvolvedObject.FieldPath)
	}
	for i := range o.Events {
		paths = append(paths, o.Events[i].InvolvedObject.FieldPath)
	}
	return slices.Contains(paths, "spec.initContainers{"+container+"}") && !slices.Contains(paths, "spec.containers{"+container+"}")
}

var (
	// reAssigned is the scheduler's event: "Successfully assigned ns/pod to node".
	reAssigned = regexp.MustCompile(`^Successfully assigned (\S+/)?(\S+) to (\S+)`)
	// reCreatedContainer is the kubelet's "Created container app".
	reCreatedContainer = regexp.MustCompile(`^(?:Created|Started) container ([\w.-]+)$`)
)

// onlyMatch returns the first group of re over the events' messages when
// they all agree on it (one container), else "".
func onlyMatch(rows []eventRow, re *regexp.Regexp) string {
	found := ""
	for _, r := range rows {
		m := re.FindStringSubmatch(r.event.Message)
		if m == nil {
			continue
		}
		if found != "" && found != m[1] {
			return ""
		}
		found = m[1]
	}
	return found
}

// knownName reports a pod name that a row or an event of the paste
// carries.
func (o *Objects) knownName(name string) bool {
	return slices.ContainsFunc(o.rows, func(r tableRow) bool { return r.name == name }) ||
		slices.ContainsFunc(o.textEvents, func(r eventRow) bool { return r.event.InvolvedObject.Name == name })
}

// siblingEvents names the one other pod the pasted events are about when
// none is about pod itself and it belongs to the same workload (a pod of
// the rollout that replaced it): its events say what the workload's pods
// go through. "" otherwise.
func (o *Objects) siblingEvents(pod *corev1.Pod) string {
	other := ""
	for _, r := range o.textEvents {
		n := r.event.InvolvedObject.Name
		switch {
		case n == "":
		case n == pod.Name:
			return ""
		case other == "":
			other = n
		case other != n:
			return ""
		}
	}
	if other == "" || workloadOf(other) == "" || workloadOf(other) != workloadOf(pod.Name) {
		return ""
	}
	return other
}

// reGeneratedPod is a generated pod name: a Deployment's
// "<name>-<template hash>-<suffix>", or a DaemonSet's or Job's
// "<name>-<suffix>".
var reGeneratedPod = regexp.MustCompile(`^(.+?)(?:-[a-z0-9]{6,10})?-[a-z0-9]{5}$`)

// workloadOf is the workload part of a generated pod name.
func workloadOf(pod string) string {
	if m := reGeneratedPod.FindStringSubmatch(pod); m != nil {
		return m[1]
	}
	return ""
}

// podEvents returns the events about pod: YAML events naming it, and text
// events naming it or no pod at all, their ages anchored at now.
func (o *Objects) podEvents(pod *corev1.Pod, now time.Time) []corev1.Event {
	var out []corev1.Event
	for _, e := range o.Events {
		if e.InvolvedObject.Kind == "Pod" && e.InvolvedObject.Name == pod.Name &&
			(e.InvolvedObject.UID == "" || pod.UID == "" || e.InvolvedObject.UID == pod.UID) || nodeOOM(e) {
			out = append(out, e)
		}
	}
	sibling := o.siblingEvents(pod)
	unknown := pod.Name != "" && !o.knownName(pod.Name)
	for _, r := range o.textEvents {
		e := r.event
		if e.InvolvedObject.Name != "" && e.InvolvedObject.Name != pod.Name && e.InvolvedObject.Name != sibling && !nodeOOM(e) && !(r.described && unknown) {
			// (A pod whose name no row or event knows, a fragment's, takes
			// the events a describe prompt named.)
			continue
		}
		e.InvolvedObject.Kind, e.InvolvedObject.Name, e.InvolvedObject.Namespace = "Pod", pod.Name, pod.Namespace
		e.Message = straightQuotes(e.Message)
		if r.container != "" && e.InvolvedObject.FieldPath == "" {
			e.InvolvedObject.FieldPath = "spec.containers{" + r.container + "}"
			for _, c := range pod.Spec.InitContainers {
				if c.Name == r.container {
					e.InvolvedObject.FieldPath = "spec.initContainers{" + r.container + "}"
				}
			}
		}
		if r.age >= 0 && !now.IsZero() {
			e.LastTimestamp = metav1.NewTime(now.Add(-r.age))
			first := r.firstAge
			if first < r.age {
				first = r.age
			}
			e.FirstTimestamp = metav1.NewTime(now.Add(-first))
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return diagnose.EventTime(&out[i]).Before(diagnose.EventTime(&out[j])) })
	return out
}

// newestTextEventAge is the age of the newest event pasted as text with an
// age ("2m", "2m (x7 over 8m)") that marks a container starting or being
// killed, or 0. A back-off or a failing probe repeats while the container
// waits or runs, after the last time its status records.
func (o *Objects) newestTextEventAge() time.Duration {
	newest := time.Duration(-1)
	for _, r := range o.textEvents {
		switch r.event.Reason {
		case "Killing", "Started", "Created", "Pulled", "Pulling":
		default:
			continue
		}
		if r.age >= 0 && (newest < 0 || r.age < newest) {
			newest = r.age
		}
	}
	return max(newest, 0)
}

// nodeOOM reports a node's OOMKilling or SystemOOM event: the kernel
// killed a process on the pod's node, which the diagnosis weighs by its
// time.
func nodeOOM(e corev1.Event) bool {
	return e.InvolvedObject.Kind == "Node" && (e.Reason == "OOMKilling" || e.Reason == "SystemOOM")
}

// latestTime is the latest absolute timestamp of the pod and its events.
func latestTime(pod *corev1.Pod, events []corev1.Event) time.Time {
	var t time.Time
	later := func(x time.Time) {
		if x.After(t) {
			t = x
		}
	}
	if pod.Status.StartTime != nil {
		later(pod.Status.StartTime.Time)
	}
	for _, c := range pod.Status.Conditions {
		later(c.LastTransitionTime.Time)
	}
	for _, list := range [][]corev1.ContainerStatus{pod.Status.InitContainerStatuses, pod.Status.ContainerStatuses} {
		for _, cs := range list {
			for _, st := range []corev1.ContainerState{cs.State, cs.LastTerminationState} {
				if st.Running != nil {
					later(st.Running.StartedAt.Time)
				}
				if st.Terminated != nil {
					later(st.Terminated.StartedAt.Time)
					later(st.Terminated.FinishedAt.Time)
				}
			}
		}
	}
	for i := range events {
		if strings.EqualFold(events[i].InvolvedObject.Name, pod.Name) {
			later(diagnose.EventTime(&events[i]))
		}
	}
	return t
}
