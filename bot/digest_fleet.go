package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// Block ids of a fleet digest's own sections.
const (
	DigestClustersBlockID = "digest_clusters"
	DigestFleetTopBlockID = "digest_fleet_top"
)

// ClusterMessageRefs finds the message of an incident of any cluster of a
// fleet (incident IDs are unique only within their cluster);
// store.Postgres implements it. Digest links use it when refs do.
type ClusterMessageRefs interface {
	MessageRefIn(ctx context.Context, cluster, subject string) (store.MessageRef, bool, error)
}

// fleetDigestTitle is the title of a digest covering several clusters.
func fleetDigestTitle(d digest.Digest) string {
	return fmt.Sprintf("fleet of %d clusters", len(d.Clusters))
}

// fleetDigestBlocks are a fleet digest's sections: each cluster's numbers,
// busiest first, and the worst workloads across the fleet, each linked to
// its latest alert.
func fleetDigestBlocks(d digest.Digest, links map[string]string) []slack.Block {
	per := lineList{title: "*Per cluster* (most crash loops first)", budget: maxSectionText}
	for _, c := range d.Clusters {
		per.add(fmt.Sprintf("• *%s*: %d opened, %d still open, %d resolved · MTTR %s · %s · %s",
			escClip(oneLine(c.Cluster), maxClusterName), c.Opened, c.StillOpen, c.Resolved, digest.MTTRText(c.Totals),
			plural(int(c.Restarts), "restart"), plural(c.Workloads, "workload")))
	}
	top := lineList{title: "*Top crashing workloads across the fleet*", budget: maxSectionText}
	for _, w := range d.FleetTop {
		state := "recovered"
		if w.Open {
			state = "still open"
		}
		where := "*" + escClip(oneLine(w.Clusters[0]), maxClusterName) + "*"
		if len(w.Clusters) > 1 {
			where = fmt.Sprintf("*%d clusters* (%s)", len(w.Clusters), escClip(strings.Join(w.Clusters, ", "), 300))
		}
		top.add(fmt.Sprintf("• %s in %s: %s, %s · %s · _%s_", linked(links, w.LinkID(), w.String()), where,
			plural(int(w.Restarts), "restart"), plural(w.Incidents, "incident"), escClip(string(w.Category), 100), state))
	}
	top.more += max(0, distinctWorkloads(d)-len(d.FleetTop))
	return []slack.Block{section(DigestClustersBlockID, per.String()), section(DigestFleetTopBlockID, top.String())}
}

// distinctWorkloads counts the workloads of d across clusters.
func distinctWorkloads(d digest.Digest) int {
	seen := map[string]bool{}
	for _, w := range d.Top {
		seen[w.WorkloadRef.String()] = true
	}
	return max(len(seen), len(d.FleetTop))
}
