package digest

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// ClusterTotals is one cluster's share of a fleet digest: its numbers for
// the window and how many workloads crash-looped there.
type ClusterTotals struct {
	Cluster string
	Totals
	Workloads int
}

// FleetWorkload is one workload (namespace, kind and name) over every
// cluster it crash-looped in during the window.
type FleetWorkload struct {
	Namespace, Kind, Name string
	// Clusters it crash-looped in, sorted.
	Clusters []string
	// Incidents counts its incidents in all of them; Restarts is the
	// highest restart count in any.
	Incidents int
	Restarts  int32
	// Category is its latest diagnosis anywhere.
	Category diagnose.Category
	// Open is true while it is still crash-looping somewhere.
	Open bool
	// IncidentID and Cluster name its latest incident, for a link.
	IncidentID, Cluster string
}

// String is namespace/Kind/name.
func (w FleetWorkload) String() string { return w.Namespace + "/" + w.Kind + "/" + w.Name }

// fleetView fills the fleet parts of d when the incidents of the window
// come from several clusters (one bot per cluster sharing a store): a
// table per cluster, busiest first, and the top workloads across the
// fleet, those crash-looping in most clusters first. incs are in scope and
// oldest first.
func fleetView(d *Digest, incs []incident.Incident, from, to time.Time) {
	byCluster := map[string][]incident.Incident{}
	for _, inc := range incs {
		if activeDuring(inc, from, to) {
			byCluster[inc.Key.Cluster] = append(byCluster[inc.Key.Cluster], inc)
		}
	}
	if len(byCluster) < 2 {
		return
	}
	type wkey struct{ ns, kind, name string }
	workloads := map[wkey]*FleetWorkload{}
	lastCrash := map[wkey]time.Time{}
	// In cluster order: ties (the same last crash in two clusters) go to
	// the first cluster by name, whatever the map's order.
	for _, cluster := range slices.Sorted(maps.Keys(byCluster)) {
		cincs := byCluster[cluster]
		ct := ClusterTotals{Cluster: cluster, Totals: totals(cincs, from, to)}
		seen := map[wkey]bool{}
		for _, inc := range cincs {
			k := wkey{inc.Key.Namespace, inc.Key.Kind, inc.Key.Name}
			if !seen[k] {
				seen[k] = true
				ct.Workloads++
			}
			w := workloads[k]
			if w == nil {
				w = &FleetWorkload{Namespace: k.ns, Kind: k.kind, Name: k.name}
				workloads[k] = w
			}
			if !slices.Contains(w.Clusters, cluster) {
				w.Clusters = append(w.Clusters, cluster)
			}
			w.Incidents++
			w.Restarts = max(w.Restarts, inc.Restarts)
			w.Open = w.Open || openAt(inc, to)
			if at := cmp.Or(inc.LastCrashAt, inc.OpenedAt); w.IncidentID == "" || at.After(lastCrash[k]) {
				w.Category, w.IncidentID, w.Cluster, lastCrash[k] = category(inc), inc.ID, cluster, at
			}
		}
		d.Clusters = append(d.Clusters, ct)
	}
	slices.SortFunc(d.Clusters, func(a, b ClusterTotals) int {
		return cmp.Or(cmp.Compare(b.Opened+b.StillOpen, a.Opened+a.StillOpen), cmp.Compare(b.Restarts, a.Restarts), cmp.Compare(a.Cluster, b.Cluster))
	})
	all := make([]FleetWorkload, 0, len(workloads))
	for _, w := range workloads {
		slices.Sort(w.Clusters)
		all = append(all, *w)
	}
	slices.SortFunc(all, func(a, b FleetWorkload) int {
		return cmp.Or(cmp.Compare(len(b.Clusters), len(a.Clusters)), cmp.Compare(b.Restarts, a.Restarts),
			cmp.Compare(b.Incidents, a.Incidents), cmp.Compare(a.String(), b.String()))
	})
	d.FleetTop = all[:min(len(all), TopN)]
	for _, w := range d.FleetTop {
		for _, inc := range byCluster[w.Cluster] {
			if inc.ID == w.IncidentID {
				d.Incidents[fleetLinkID(w.Cluster, w.IncidentID)] = inc
			}
		}
	}
}

// fleetLinkID keys the incidents a fleet digest links to: incident IDs are
// unique only within their cluster.
func fleetLinkID(cluster, id string) string { return cluster + "/" + id }

// LinkID is the key of w's latest incident in Digest.Incidents and in the
// links a renderer is given.
func (w FleetWorkload) LinkID() string { return fleetLinkID(w.Cluster, w.IncidentID) }

// IsFleet tells whether d covers several clusters.
func (d Digest) IsFleet() bool { return len(d.Clusters) > 1 }

// writeFleetText writes the per-cluster table and the top workloads across
// the fleet (WriteText's fleet part).
func writeFleetText(b *strings.Builder, d Digest) {
	fmt.Fprintf(b, "\nPer cluster (%d clusters, most crash loops first):\n", len(d.Clusters))
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  CLUSTER\tOPENED\tSTILL OPEN\tRESOLVED\tMTTR\tRESTARTS\tWORKLOADS")
	for _, c := range d.Clusters {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%s\t%d\t%d\n", c.Cluster, c.Opened, c.StillOpen, c.Resolved, MTTRText(c.Totals), c.Restarts, c.Workloads)
	}
	tw.Flush()
	b.WriteString("\nTop crashing workloads across the fleet:\n")
	tw = tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  CLUSTERS\tRESTARTS\tINCIDENTS\tCATEGORY\tSTATE\tWORKLOAD")
	for _, w := range d.FleetTop {
		state := "recovered"
		if w.Open {
			state = "open"
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%s\t%s\n", strings.Join(w.Clusters, ","), w.Restarts, w.Incidents, w.Category, state, w)
	}
	tw.Flush()
}

// MTTRText is a cluster's mean time to recovery, "–" without recoveries.
func MTTRText(t Totals) string {
	if t.Resolved == 0 {
		return "–"
	}
	return FormatDuration(t.MTTR)
}

// KeyName names an incident key in d: namespace/Kind/name[container],
// after its cluster in a fleet digest ("eu-1: shop/Deployment/api[app]").
func (d Digest) KeyName(k incident.Key) string {
	if d.IsFleet() {
		return k.Cluster + ": " + k.String()
	}
	return k.String()
}

// RefName names a workload in d, after its cluster in a fleet digest.
func (d Digest) RefName(w WorkloadRef) string {
	if d.IsFleet() {
		return w.Cluster + ": " + w.String()
	}
	return w.String()
}
