package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// A fleet incident (package fleet) is one cause crash-looping in several
// clusters: the same workload, or the same image, with the same category.
// It comes to the sink as a storm whose members are the clusters'
// incidents (its factor says so: incident.Factor.Fleet), and is rendered
// here as one message naming every cluster, each cluster's details in its
// thread.

// Block ids of a fleet message.
const (
	FleetFactsBlockID    = "fleet_facts"
	FleetSummaryBlockID  = "fleet_summary"
	FleetClustersBlockID = "fleet_clusters"
	FleetStepsBlockID    = "fleet_next_steps"
	FleetStateBlockID    = "fleet_state"
)

// fleetCluster is one cluster of a fleet incident: its latest member.
type fleetCluster struct {
	name string
	m    incident.Member
}

// fleetClusters lists the clusters of s, each with its latest member, in
// the order they joined.
func fleetClusters(s incident.Storm) []fleetCluster {
	var out []fleetCluster
	for _, m := range s.Members {
		i := slices.IndexFunc(out, func(c fleetCluster) bool { return c.name == m.Key.Cluster })
		if i < 0 {
			out = append(out, fleetCluster{name: m.Key.Cluster, m: m})
		} else if !m.JoinedAt.Before(out[i].m.JoinedAt) {
			out[i].m = m
		}
	}
	return out
}

// fleetWhat names what crash-loops: the workload, or the image.
func fleetWhat(s incident.Storm) string {
	if s.Factor.Kind == incident.FactorFleetImage {
		return "image " + s.Factor.Value
	}
	return s.Factor.Value
}

// fleetHeadline is the emoji and title of a fleet message:
// "CrashLoopBackOff in 3 clusters: shop/Deployment/orders · Out of memory".
func fleetHeadline(s incident.Storm) (emoji, text string) {
	cs := fleetClusters(s)
	what := fleetWhat(s) + " · " + categoryTitle(s.Category)
	if s.State == incident.Resolved {
		return "✅", fmt.Sprintf("Recovered in all %d clusters: %s", len(cs), what)
	}
	return "🔴", fmt.Sprintf("CrashLoopBackOff in %d clusters: %s", len(cs), what)
}

// renderFleet renders a fleet incident as one Block Kit message: what
// crash-loops, the cause, each cluster with its state, and next steps for
// a change that reached several clusters.
func renderFleet(s incident.Storm, named int) (text string, blocks []slack.Block) {
	emoji, title := fleetHeadline(s)
	cs := fleetClusters(s)
	blocks = append(blocks, headerBlock(emoji+" "+title))

	var fields []*slack.TextBlockObject
	add := func(label, value string, code bool) {
		if value != "" && len(fields) < maxFields {
			fields = append(fields, field(label, value, code))
		}
	}
	var names []string
	crashing, pods := 0, 0
	var restarts int32
	for _, c := range cs {
		names = append(names, c.name)
		if !c.m.Resolved {
			crashing++
		}
		pods += c.m.Pods
		restarts = max(restarts, c.m.Restarts)
	}
	clusters := strings.Join(names, ", ")
	if rec := len(cs) - crashing; rec > 0 {
		clusters += fmt.Sprintf(" (%d crashing, %d recovered)", crashing, rec)
	}
	add("Clusters", clusters, false)
	if s.Factor.Kind == incident.FactorFleetImage {
		add("Image", s.Factor.Value, true)
	} else {
		add("Workload", s.Factor.Value, false)
	}
	add("Cause", categoryTitle(s.Category)+" ("+string(s.Category)+")", false)
	add("Pods affected", strconv.Itoa(pods), false)
	add("Restarts", strconv.Itoa(int(restarts))+" (most in one cluster)", false)
	blocks = append(blocks, slack.NewSectionBlock(nil, fields, nil, slack.SectionBlockOptionBlockID(FleetFactsBlockID)))

	if s.State == incident.Resolved {
		blocks = append(blocks, section(FleetSummaryBlockID, "Every cluster has recovered. Each cluster's details stay in the thread."))
	} else {
		blocks = append(blocks, section(FleetSummaryBlockID, fmt.Sprintf(
			"*%s crash-loops in %d clusters, all %s.* A change that reached all of them (an image, a config, a shared dependency) is likelier than %d separate faults. Each cluster's details (log line, exit code, pods, buttons) are in the thread.",
			escClip(fleetWhat(s), 300), len(cs), codeSpan(string(s.Category), 60), len(cs))))
	}

	var lines []string
	for _, c := range cs {
		m := c.m
		line := "🔴 *" + escClip(oneLine(c.name), maxClusterName) + "*"
		if m.Resolved {
			line = "✅ *" + escClip(oneLine(c.name), maxClusterName) + "*"
		}
		line += " · " + codeSpan(workload(m.Key), 200) + " " + escClip(m.Key.Kind, 40) + " · " + plural(m.Pods, "pod") + " · " + plural(int(m.Restarts), "restart")
		if m.Resolved {
			line += " · recovered"
		} else if !m.JoinedAt.IsZero() {
			line += " · since " + slackDate(m.JoinedAt)
		}
		lines = append(lines, line)
	}
	blocks = append(blocks, section(FleetClustersBlockID, fitLines(fmt.Sprintf("*Clusters (%d)*", len(cs)), lines, max(named, 10), maxSectionText, bullets)))
	if s.State != incident.Resolved {
		if b := stepsBlockID(FleetStepsBlockID, fleetSteps(s, cs)); b != nil {
			blocks = append(blocks, b)
		}
	}
	var state string
	switch {
	case s.State == incident.Resolved && !s.ResolvedAt.IsZero() && !s.OpenedAt.IsZero():
		state = "✅ Resolved in every cluster after " + humanDuration(s.ResolvedAt.Sub(s.OpenedAt)) + ", " + slackDate(s.ResolvedAt)
	case s.State == incident.Resolved:
		state = "✅ Resolved in every cluster"
	case !s.OpenedAt.IsZero():
		state = "🔴 Open since " + slackDate(s.OpenedAt)
	default:
		state = "🔴 Open"
	}
	blocks = append(blocks, slack.NewContextBlock(FleetStateBlockID, md(state), md("fleet incident "+codeSpan(s.ID, 200))))
	return escClip(oneLine(emoji+" "+title), maxFallbackRunes), blocks
}

// fleetSteps are the next steps of a cause that reached several clusters.
func fleetSteps(s incident.Storm, cs []fleetCluster) []string {
	var steps []string
	switch s.Factor.Kind {
	case incident.FactorFleetImage:
		steps = append(steps, "The same image crash-loops in every cluster: check the build that produced it, then roll back the rollouts that brought it in.")
	default:
		steps = append(steps, "The same workload crash-loops the same way in every cluster: look for what reached them all (a new image or config, a shared dependency) before debugging one cluster.")
	}
	for _, c := range cs[:min(len(cs), 3)] {
		if c.m.Resolved {
			continue
		}
		k := c.m.Key
		ctx := "--context " + c.name + " "
		if k.Kind == "Deployment" || k.Kind == "StatefulSet" || k.Kind == "DaemonSet" {
			steps = append(steps, "kubectl "+ctx+"-n "+k.Namespace+" rollout history "+strings.ToLower(k.Kind)+"/"+k.Name)
		} else {
			steps = append(steps, "kubectl "+ctx+"-n "+k.Namespace+" get pods")
		}
	}
	return steps
}

// fleetPlain is the text-only fleet message sent when Slack rejects blocks.
func fleetPlain(s incident.Storm) string {
	emoji, title := fleetHeadline(s)
	var names []string
	for _, c := range fleetClusters(s) {
		state := "crashing"
		if c.m.Resolved {
			state = "recovered"
		}
		names = append(names, c.name+" ("+state+")")
	}
	return "*" + escClip(oneLine(emoji+" "+title), 300) + "*\nClusters: " + escClip(strings.Join(names, ", "), 2000) + " · details of each in the thread"
}

// fleetThreadText is the reply that closes a fleet message's thread.
func fleetThreadText(s incident.Storm) string {
	out := fmt.Sprintf("✅ Recovered in all %d clusters", len(fleetClusters(s)))
	if !s.ResolvedAt.IsZero() && !s.OpenedAt.IsZero() {
		out += " after " + humanDuration(s.ResolvedAt.Sub(s.OpenedAt))
	}
	return out + "."
}

// fleetMember tells whether inc is told as part of a fleet incident.
func fleetMember(inc incident.Incident) bool { return inc.Storm != nil && inc.Storm.Factor.Fleet() }

// memberName is how a storm member is named in its thread: its workload,
// after its cluster in a fleet incident.
func memberName(inc incident.Incident) string {
	if fleetMember(inc) {
		return cmp.Or(inc.Key.Cluster, "?") + ": " + workload(inc.Key)
	}
	return workload(inc.Key)
}
