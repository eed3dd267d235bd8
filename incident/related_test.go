package incident

import (
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

func openInc(id, ns, name string, cat diagnose.Category, nodes []string, image string, cms ...string) *Incident {
	return &Incident{
		ID: id, State: Open, Key: Key{Namespace: ns, Kind: "Deployment", Name: name, Container: "c"},
		Nodes: nodes, Image: image, ConfigMaps: cms,
		Report: diagnose.Report{Finding: diagnose.Finding{Category: cat}},
	}
}

func TestRelated(t *testing.T) {
	dep := diagnose.DependencyUnavailable
	for _, tc := range []struct {
		name  string
		incs  []*Incident
		want  []string // substrings of incs[0]'s line; nil: no line
		avoid []string
	}{
		{
			name: "alone",
			incs: []*Incident{openInc("a", "shop", "api", dep, []string{"n1"}, "img:1")},
		},
		{
			name: "same node, same category, confined to that node",
			incs: []*Incident{
				openInc("a", "shop", "api", dep, []string{"ip-10-0-3-7"}, "api:1"),
				openInc("b", "shop", "orders", dep, []string{"ip-10-0-3-7"}, "orders:1"),
				openInc("c", "web", "front", dep, []string{"ip-10-0-3-7"}, "front:1"),
				openInc("d", "web", "other", dep, []string{"n9"}, "x:1"),
			},
			want:  []string{"Also crashing on node ip-10-0-3-7: 2 other workloads, all dependency_unavailable: shop/orders, web/front.", "crash only on node ip-10-0-3-7: if other nodes run these workloads fine, suspect the node", "kubectl describe node ip-10-0-3-7"},
			avoid: []string{"web/other"},
		},
		{
			name: "same node, other category: not related",
			incs: []*Incident{
				openInc("a", "shop", "api", dep, []string{"n1"}, "api:1"),
				openInc("b", "shop", "orders", diagnose.OOMKilled, []string{"n1"}, "orders:1"),
			},
		},
		{
			name: "same image across namespaces, spread over nodes: no node blame",
			incs: []*Incident{
				openInc("a", "shop", "api", diagnose.ExecFormat, []string{"n1", "n2"}, "reg/base@sha256:abc"),
				openInc("b", "web", "api", diagnose.ExecFormat, []string{"n3"}, "reg/base@sha256:abc"),
			},
			want:  []string{"with the same image reg/base@sha256:abc: 1 other workload, all exec_format: web/api."},
			avoid: []string{"crash only on node"},
		},
		{
			name: "shared ConfigMap in the same namespace only",
			incs: []*Incident{
				openInc("a", "shop", "api", diagnose.ConfigError, nil, "", "shop-config"),
				openInc("b", "shop", "worker", diagnose.ConfigError, nil, "", "shop-config"),
				openInc("c", "other", "svc", diagnose.ConfigError, nil, "", "shop-config"),
			},
			want:  []string{"reading ConfigMap shop-config: 1 other workload", "shop/worker"},
			avoid: []string{"other/svc"},
		},
		{
			name: "pending incidents do not count",
			incs: []*Incident{
				openInc("a", "shop", "api", dep, []string{"n1"}, ""),
				func() *Incident { i := openInc("b", "shop", "b", dep, []string{"n1"}, ""); i.State = Pending; return i }(),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line := newRadius(tc.incs).related(tc.incs[0])
			if tc.want == nil && line != "" {
				t.Fatalf("line = %q, want none", line)
			}
			for _, w := range tc.want {
				if !strings.Contains(line, w) {
					t.Errorf("line %q lacks %q", line, w)
				}
			}
			for _, a := range tc.avoid {
				if strings.Contains(line, a) {
					t.Errorf("line %q must not mention %q", line, a)
				}
			}
		})
	}
}

func TestManagerAnnouncesBlastRadius(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := newTestManager(t)
	for _, name := range []string{"api", "orders", "cart"} {
		o := obs(name+"-1", 1, c.now(), diagnose.DependencyUnavailable)
		o.Key.Name, o.Key.Container = name, name
		o.Node = "ip-10-0-3-7"
		m.observe(ctx, o)
	}
	c.advance(5 * time.Second)
	m.flush(ctx)
	if len(r.notes) != 3 {
		t.Fatalf("notes = %v", r.reasons())
	}
	for _, n := range r.notes {
		if !strings.Contains(n.Incident.Related, "2 other workloads") || !strings.Contains(n.Incident.Related, "crash only on node ip-10-0-3-7") {
			t.Fatalf("%s: related = %q", n.Incident.Key, n.Incident.Related)
		}
	}
}
