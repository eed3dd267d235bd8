package incident

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Blast radius: crashes of the same category in several workloads that
// share a node, an image or a ConfigMap are probably one problem. The
// manager names the others in each message ("also crashing: ...") and, when
// the crashes are confined to one node, points at the node.

// minRelated is how many workloads (this one included) must share something
// before it is worth saying.
const minRelated = 2

// minNodeSuspect is how many workloads crashing only on one node make the
// node, not the apps, the suspect.
const minNodeSuspect = 3

// maxRelatedNames bounds the workloads named in one line.
const maxRelatedNames = 5

// radius indexes open incidents by what they may share.
type radius struct {
	byNode, byImage, byConfigMap map[string][]*Incident
	open                         []*Incident
}

func newRadius(incs []*Incident) *radius {
	r := &radius{byNode: map[string][]*Incident{}, byImage: map[string][]*Incident{}, byConfigMap: map[string][]*Incident{}}
	for _, inc := range incs {
		if inc.State != Open {
			continue
		}
		r.open = append(r.open, inc)
		for _, n := range inc.Nodes {
			r.byNode[n] = append(r.byNode[n], inc)
		}
		if inc.Image != "" {
			r.byImage[inc.Image] = append(r.byImage[inc.Image], inc)
		}
		for _, cm := range inc.ConfigMaps {
			k := inc.Key.Namespace + "/" + cm
			r.byConfigMap[k] = append(r.byConfigMap[k], inc)
		}
	}
	return r
}

// related describes the other open incidents of t's category that share a
// node, image or ConfigMap with t, "" when none do.
func (r *radius) related(t *Incident) string {
	type group struct {
		what  string
		names []string
	}
	var groups []group
	add := func(what string, candidates []*Incident) {
		var names []string
		for _, o := range candidates {
			if o.ID != t.ID && o.Report.Category == t.Report.Category {
				names = append(names, o.Key.Namespace+"/"+o.Key.Name)
			}
		}
		if len(names)+1 >= minRelated {
			sort.Strings(names)
			groups = append(groups, group{what, slices.Compact(names)})
		}
	}
	for _, n := range t.Nodes {
		add("on node "+n, r.byNode[n])
	}
	if t.Image != "" {
		add("with the same image "+t.Image, r.byImage[t.Image])
	}
	for _, cm := range t.ConfigMaps {
		add("reading ConfigMap "+cm, r.byConfigMap[t.Key.Namespace+"/"+cm])
	}
	if len(groups) == 0 {
		return ""
	}
	// The largest group says the most.
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].names) > len(groups[j].names) })
	g := groups[0]
	names := g.names
	more := ""
	if len(names) > maxRelatedNames {
		more = fmt.Sprintf(" and %d more", len(names)-maxRelatedNames)
		names = names[:maxRelatedNames]
	}
	line := fmt.Sprintf("Also crashing %s: %d other workload%s, all %s: %s%s.",
		g.what, len(g.names), plural(len(g.names)), t.Report.Category, strings.Join(names, ", "), more)
	if node, ok := r.confinedNode(t); ok {
		line += fmt.Sprintf(" They all crash only on node %s: if other nodes run these workloads fine, suspect the node (kubectl describe node %s: pressure conditions, recent events) before the apps.", node, node)
	}
	return line
}

// confinedNode reports the node when t and at least minNodeSuspect-1 other
// open incidents crash only on that one node.
func (r *radius) confinedNode(t *Incident) (string, bool) {
	if len(t.Nodes) != 1 {
		return "", false
	}
	node := t.Nodes[0]
	n := 0
	for _, o := range r.byNode[node] {
		if len(o.Nodes) == 1 {
			n++ // t itself included when open
		}
	}
	if t.State != Open {
		n++
	}
	return node, n >= minNodeSuspect
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
