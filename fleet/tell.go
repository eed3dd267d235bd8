package fleet

import (
	"cmp"
	"strings"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// Keys a cluster's incident may share with other clusters' incidents.

// workloadKey is the incident's workload, container and category: the
// same workload (namespace, kind, name) crash-looping the same way in
// several clusters.
func workloadKey(inc incident.Incident) string {
	return inc.Key.String() + "|" + string(category(inc))
}

// imageKey is the incident's image digest and category ("" when the image
// is known by tag only: a tag names different images in different places).
func imageKey(inc incident.Incident) string {
	_, digest, ok := strings.Cut(inc.Image, "@")
	if !ok || !strings.HasPrefix(digest, "sha256:") {
		return ""
	}
	return digest + "|" + string(category(inc))
}

func category(inc incident.Incident) diagnose.Category {
	return cmp.Or(inc.Report.Category, diagnose.Unknown)
}

// plan decides what the owner tells about fleet incident v: the
// notifications for its sink, in order, and the members whose details
// they include. It is pure.
//
// While only one cluster was ever a member, the fleet incident is that
// cluster's incident and is told exactly as it would be without a fleet:
// each event as the cluster's own notification, under the fleet
// incident's subject. From the second cluster on it is told as a storm of
// clusters: the message (a Storm whose members are the clusters'
// incidents) is posted or updated in place, each member's details go once
// into its thread, and the members' news follow them there.
func plan(v store.FleetView) (out []incident.Notification, detailed []store.FleetMember) {
	f := v.Incident
	member := func(cluster, id string) (store.FleetMember, bool) {
		for _, m := range v.Members {
			if m.Cluster == cluster && m.Incident.ID == id {
				return m, true
			}
		}
		return store.FleetMember{}, false
	}
	if f.ClustersEver < 2 {
		for _, e := range v.Events {
			m, ok := member(e.Cluster, e.IncidentID)
			if !ok {
				continue
			}
			inc := m.Incident
			inc.ID = f.ID // the fleet incident's subject: the message converts in place if others join
			out = append(out, incident.Notification{Reason: e.Reason, Incident: inc, Notes: e.Notes})
		}
		if len(out) == 0 && len(v.Members) > 0 {
			// Nothing new to tell, but the message may be behind (a
			// restarted owner): show it as it is.
			inc := v.Members[len(v.Members)-1].Incident
			inc.ID = f.ID
			reason := incident.Updated
			if inc.State == incident.Resolved {
				reason = incident.ResolvedReason
			}
			out = append(out, incident.Notification{Reason: reason, Incident: inc})
		}
		return out, nil
	}

	s := storm(v)
	reason := incident.Updated
	switch {
	case f.Resolved:
		reason = incident.ResolvedReason
	case f.ToldVersion == 0:
		reason = incident.FirstNotification
	}
	out = append(out, incident.Notification{Reason: reason, Storm: &s})
	header := s
	header.Members = nil
	for _, m := range v.Members {
		if m.Detailed {
			continue
		}
		out = append(out, incident.Notification{Reason: incident.FirstNotification, Incident: memberIncident(m, s), Storm: &header})
		detailed = append(detailed, m)
	}
	for _, e := range v.Events {
		m, ok := member(e.Cluster, e.IncidentID)
		if !ok || e.Reason == incident.FirstNotification {
			continue // a member's first notification is its details, told above
		}
		if e.Reason != incident.ResolvedReason && len(e.Notes) == 0 {
			continue // its counts are in the message
		}
		out = append(out, incident.Notification{Reason: e.Reason, Incident: memberIncident(m, s), Storm: &header, Notes: e.Notes})
	}
	return out, detailed
}

// storm is fleet incident v as a storm whose members are the clusters'
// incidents, for the sink to render.
func storm(v store.FleetView) incident.Storm {
	f := v.Incident
	s := incident.Storm{
		ID: f.ID, Category: diagnose.Category(f.Category), Channel: f.Channel,
		State: incident.Open, OpenedAt: f.OpenedAt, UpdatedAt: f.OpenedAt,
	}
	if f.Resolved {
		s.State, s.ResolvedAt = incident.Resolved, f.ResolvedAt
	}
	s.Factor = incident.Factor{Kind: incident.FactorFleetWorkload}
	var first incident.Key
	for i, m := range v.Members {
		k := m.Incident.Key
		if i == 0 {
			first = k
		} else if k.Namespace != first.Namespace || k.Kind != first.Kind || k.Name != first.Name {
			s.Factor.Kind = incident.FactorFleetImage // different workloads: they share the image
		}
		s.Members = append(s.Members, incident.Member{
			Key: k, IncidentID: m.Incident.ID, Pods: max(m.Incident.PodCount, len(m.Incident.Pods)), Restarts: m.Incident.Restarts,
			Summary: m.Incident.Report.Summary, JoinedAt: m.JoinedAt, Resolved: m.Resolved(),
		})
	}
	if len(v.Members) > 0 {
		s.Factor.Value = first.Namespace + "/" + first.Kind + "/" + first.Name
		if s.Factor.Kind == incident.FactorFleetImage {
			s.Factor.Value = v.Members[0].Incident.Image
		}
	}
	return s
}

// memberIncident is a member's incident as told in the fleet message's
// thread: marked as part of it.
func memberIncident(m store.FleetMember, s incident.Storm) incident.Incident {
	inc := m.Incident
	inc.Storm = &incident.StormRef{ID: s.ID, Factor: s.Factor, Category: s.Category, OpenedAt: s.OpenedAt}
	return inc
}
