package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Block ids of a storm message and of a member's thread reply.
const (
	StormFactsBlockID     = "storm_facts"
	StormSummaryBlockID   = "storm_summary"
	StormWorkloadsBlockID = "storm_workloads"
	StormStepsBlockID     = "storm_next_steps"
	StormStateBlockID     = "storm_state"
	MemberBlockID         = "storm_member"
)

// DefaultStormNamed is how many workloads a storm message names; the rest
// are counted (each has its own reply in the thread).
const DefaultStormNamed = 10

// maxMergedMembers bounds the workloads one merged thread reply details.
const maxMergedMembers = 10

// factorLabel names a storm's shared factor for people: "node ip-10-0-3-7".
func factorLabel(f incident.Factor) string {
	switch f.Kind {
	case incident.FactorDependency:
		return "dependency " + f.Value
	case incident.FactorConfigObject:
		return f.Value // "ConfigMap app-config", "Secret db-creds"
	case incident.FactorImage:
		return "image " + f.Value
	case incident.FactorNode:
		return "node " + f.Value
	case incident.FactorNamespace:
		return "namespace " + f.Value
	}
	return f.String()
}

// factorPhrase says how the members share the factor: "on node x",
// "reaching dependency y".
func factorPhrase(f incident.Factor) string {
	switch f.Kind {
	case incident.FactorDependency:
		return "failing to reach " + f.Value
	case incident.FactorConfigObject:
		return "needing " + f.Value
	case incident.FactorImage:
		return "running image " + f.Value
	case incident.FactorNode:
		return "on node " + f.Value
	case incident.FactorNamespace:
		return "in namespace " + f.Value
	}
	return "sharing " + f.String()
}

// stormHeadline is the emoji and the one-line title of a storm: how many,
// what, where ("100 workloads · Out of memory · node ip-10-0-3-7").
func stormHeadline(s incident.Storm) (emoji, text string) {
	what := plural(len(s.Members), "workload") + " · " + categoryTitle(s.Category) + " · " + factorLabel(s.Factor)
	if s.State == incident.Resolved {
		return "✅", "Storm over: " + what
	}
	return "🌩️", "Crash storm: " + what
}

// RenderStorm renders a storm as one Block Kit message: the shared cause,
// the category, the counts, the first named workloads (each has its own
// reply in the thread) and the next steps for the shared factor. It fits
// Slack's limits; everything from the cluster is escaped.
func RenderStorm(s incident.Storm, named int) (text string, blocks []slack.Block) {
	if named <= 0 {
		named = DefaultStormNamed
	}
	if s.Factor.Fleet() {
		return renderFleet(s, named) // render_fleet.go: one cause in several clusters
	}
	emoji, title := stormHeadline(s)
	blocks = append(blocks, headerBlock(emoji+" "+title))
	blocks = append(blocks, stormFacts(s))
	for _, b := range []*slack.SectionBlock{stormSummary(s), stormWorkloads(s, named), stepsBlockID(StormStepsBlockID, stormSteps(s))} {
		if b != nil {
			blocks = append(blocks, b)
		}
	}
	blocks = append(blocks, stormState(s))
	return escClip(oneLine(emoji+" "+title), maxFallbackRunes), blocks
}

func stormFacts(s incident.Storm) slack.Block {
	var fields []*slack.TextBlockObject
	add := func(label, value string, code bool) {
		if value != "" && len(fields) < maxFields {
			fields = append(fields, field(label, value, code))
		}
	}
	add("Cluster", s.Cluster, false)
	add("Shared cause", factorLabel(s.Factor), s.Factor.Kind == incident.FactorImage)
	add("Cause", categoryTitle(s.Category)+" ("+string(s.Category)+")", false)
	crashing := s.Crashing()
	w := strconv.Itoa(len(s.Members))
	if rec := len(s.Members) - crashing; rec > 0 {
		w += fmt.Sprintf(" (%d crashing, %d recovered)", crashing, rec)
	}
	add("Workloads", w, false)
	add("Pods affected", strconv.Itoa(s.Pods()), false)
	var nss []string
	for _, m := range s.Members {
		if !slices.Contains(nss, m.Key.Namespace) {
			nss = append(nss, m.Key.Namespace)
		}
	}
	ns := strconv.Itoa(len(nss))
	if len(nss) <= 3 {
		ns = strings.Join(nss, ", ")
	}
	add("Namespaces", ns, false)
	return slack.NewSectionBlock(nil, fields, nil, slack.SectionBlockOptionBlockID(StormFactsBlockID))
}

// stormSummary says why one message speaks for all of them.
func stormSummary(s incident.Storm) *slack.SectionBlock {
	if s.State == incident.Resolved {
		return section(StormSummaryBlockID, "Every workload of the storm has recovered. Each workload's details stay in the thread.")
	}
	text := fmt.Sprintf("*%s began crash-looping together, all %s, all %s.* One shared cause is likelier than %d separate bugs: look at the %s first. Each workload's own details (log line, exit code, pods) are in the thread.",
		escape(plural(len(s.Members), "workload")), codeSpan(string(s.Category), 60), escClip(factorPhrase(s.Factor), 500),
		len(s.Members), escClip(factorLabel(s.Factor), 300))
	return section(StormSummaryBlockID, text)
}

// stormWorkloads names the first workloads, the crashing ones first.
func stormWorkloads(s incident.Storm, named int) *slack.SectionBlock {
	ms := slices.Clone(s.Members)
	slices.SortStableFunc(ms, func(a, b incident.Member) int {
		switch {
		case a.Resolved == b.Resolved:
			return 0
		case !a.Resolved:
			return -1
		}
		return 1
	})
	var lines []string
	for _, m := range ms {
		line := codeSpan(workload(m.Key), 200) + " " + escClip(m.Key.Kind, 40) + " · " + plural(m.Pods, "pod")
		if m.Resolved {
			line += " · ✅ recovered"
		}
		lines = append(lines, line)
	}
	title := fmt.Sprintf("*Workloads (%d)*", len(ms))
	return section(StormWorkloadsBlockID, fitLines(title, lines, named, maxSectionText, bullets))
}

// stormSteps are the next steps for the shared factor.
func stormSteps(s incident.Storm) []string {
	v := s.Factor.Value
	var steps []string
	switch s.Factor.Kind {
	case incident.FactorNode:
		steps = append(steps,
			"Look at the node before the apps: pressure conditions (MemoryPressure, DiskPressure, PIDPressure) and recent events.",
			"kubectl describe node "+v,
			"kubectl get pods -A -o wide --field-selector spec.nodeName="+v)
		if s.Category == diagnose.OOMKilled {
			steps = append(steps, "kubectl top node "+v,
				"Pods without memory limits on this node can starve the others: check requests and limits of what runs there.")
		}
		steps = append(steps, "If other nodes run these workloads fine, take the node out of service: kubectl cordon "+v+" (then drain it).")
	case incident.FactorImage:
		steps = append(steps,
			"Every workload runs the same image: check the build that produced it, then roll back the rollouts that brought it in.",
			"kubectl get pods -A -o custom-columns=NAMESPACE:.metadata.namespace,POD:.metadata.name,IMAGE:.spec.containers[*].image")
	case incident.FactorConfigObject:
		kind, name, _ := strings.Cut(v, " ")
		steps = append(steps, "Every workload needs "+v+": create it (or the missing key) in each namespace; the pods start once it exists.")
		for _, ns := range namespaces(s, 3) {
			if kind == "Secret" {
				steps = append(steps, "kubectl -n "+ns+" get secret "+name) // names only: the bot never reads Secrets
			} else {
				steps = append(steps, "kubectl -n "+ns+" get configmap "+name+" -o yaml")
			}
		}
	case incident.FactorDependency:
		svc, ns, _ := strings.Cut(v, ".")
		steps = append(steps, "Every workload fails to reach "+v+": bring it back and they recover by themselves.")
		if ns != "" && !strings.Contains(ns, ".") && !isIP(v) {
			steps = append(steps, "kubectl -n "+ns+" get svc,endpointslices -l kubernetes.io/service-name="+svc,
				"kubectl -n "+ns+" get pods -o wide")
		}
		steps = append(steps, "kubectl run dnscheck -it --rm --restart=Never --image=busybox:1.36 -- nslookup "+v)
	case incident.FactorNamespace:
		steps = append(steps, "Something in the namespace changed for all of them: a shared ConfigMap or Secret, a NetworkPolicy, a quota.",
			"kubectl -n "+v+" get events --sort-by=.lastTimestamp",
			"kubectl -n "+v+" get resourcequota,limitrange,networkpolicy")
	}
	return steps
}

func isIP(s string) bool {
	return strings.Count(s, ".") == 3 && strings.Trim(s, "0123456789.") == ""
}

// namespaces returns up to n namespaces of s's members.
func namespaces(s incident.Storm, n int) []string {
	var out []string
	for _, m := range s.Members {
		if !slices.Contains(out, m.Key.Namespace) && len(out) < n {
			out = append(out, m.Key.Namespace)
		}
	}
	return out
}

func stormState(s incident.Storm) slack.Block {
	var state string
	switch {
	case s.State == incident.Resolved:
		state = "✅ Resolved"
		if !s.ResolvedAt.IsZero() && !s.OpenedAt.IsZero() {
			state += " after " + humanDuration(s.ResolvedAt.Sub(s.OpenedAt)) + ", " + slackDate(s.ResolvedAt)
		}
	case !s.OpenedAt.IsZero():
		state = "🔴 Open since " + slackDate(s.OpenedAt)
	default:
		state = "🔴 Open"
	}
	return slack.NewContextBlock(StormStateBlockID, md(state), md("storm "+codeSpan(s.ID, 200)))
}

// stepsBlockID is stepsBlock with another block id.
func stepsBlockID(id string, steps []string) *slack.SectionBlock {
	b := stepsBlock(steps)
	if b != nil {
		b.BlockID = id
	}
	return b
}

// stormPlain is the text-only storm message sent when Slack rejects blocks.
func stormPlain(s incident.Storm) string {
	if s.Factor.Fleet() {
		return fleetPlain(s)
	}
	emoji, title := stormHeadline(s)
	lines := []string{"*" + escClip(oneLine(emoji+" "+title), 300) + "*",
		fmt.Sprintf("Crashing: %d of %d workloads · Pods affected: %d · details of each in the thread", s.Crashing(), len(s.Members), s.Pods())}
	return strings.Join(lines, "\n")
}

// memberBlocks are a storm member's details for the storm's thread: the
// workload, its own cause and log line, its pods, and its buttons.
func memberBlocks(inc incident.Incident) []slack.Block {
	f := finding(inc)
	var b strings.Builder
	b.WriteString("*" + escClip(oneLine(memberName(inc)), 300) + "* " + escClip(inc.Key.Kind, 40))
	if inc.Key.Container != "" {
		b.WriteString(" · container " + codeSpan(inc.Key.Container, 80))
	}
	b.WriteString("\n*" + escClip(oneLine(categoryTitle(f.Category)), 100) + "*")
	if f.Summary != "" {
		b.WriteString(" — " + escClip(oneLine(f.Summary), 600))
	}
	var facts []string
	if code := exitCode(f); code != "" {
		facts = append(facts, "exit "+escape(code))
	}
	facts = append(facts, plural(int(restarts(inc, f)), "restart"), plural(podCount(inc), "pod"))
	b.WriteString("\n" + strings.Join(facts, " · "))
	if len(f.Evidence) > 0 {
		b.WriteString("\n> " + escClip(oneLine(f.Evidence[0]), maxLineRunes))
	}
	if len(inc.Pods) > 0 {
		var names []string
		for _, p := range inc.Pods[:min(len(inc.Pods), 3)] {
			names = append(names, codeSpan(p, 120))
		}
		b.WriteString("\nPods: " + strings.Join(names, ", "))
		if more := podCount(inc) - len(names); more > 0 {
			b.WriteString(fmt.Sprintf(" and %d more", more))
		}
	}
	blocks := []slack.Block{slack.NewSectionBlock(md(clip(b.String(), maxSectionText)), nil, nil, slack.SectionBlockOptionBlockID(MemberBlockID))}
	if els := actionElements(inc); len(els) > 0 {
		blocks = append(blocks, slack.NewActionBlock(ActionsBlockID, els...))
	}
	return blocks
}

// memberText is the notification text of a member's reply.
func memberText(inc incident.Incident) string {
	return escClip(oneLine(memberName(inc)+": "+categoryTitle(finding(inc).Category)), maxFallbackRunes)
}

// memberNoteText is a member's news for the storm's thread: its workload
// and what happened ("recovered", "diagnosis changed ...").
func memberNoteText(n incident.Notification) string {
	who := "*" + escClip(oneLine(memberName(n.Incident)), 300) + "*: "
	if len(n.Notes) > 0 {
		return clip(who+RenderThread(incident.Notification{Reason: n.Reason, Incident: n.Incident, Notes: n.Notes}), maxThreadRunes)
	}
	if n.Reason == incident.ResolvedReason {
		return who + "✅ recovered: every pod is running and ready."
	}
	return ""
}

// stormThreadText is the thread reply of a storm's own notification.
func stormThreadText(n incident.Notification) string {
	s := n.Storm
	if n.Reason != incident.ResolvedReason || s == nil {
		return ""
	}
	if s.Factor.Fleet() {
		return fleetThreadText(*s)
	}
	out := fmt.Sprintf("✅ Storm over: all %s recovered", plural(len(s.Members), "workload"))
	if !s.ResolvedAt.IsZero() && !s.OpenedAt.IsZero() {
		out += " after " + humanDuration(s.ResolvedAt.Sub(s.OpenedAt))
	}
	return out + "."
}
