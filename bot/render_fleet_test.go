package bot

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// fleetOrders is shop/orders OOM-killed after a rollout in three clusters;
// us-east-1 has recovered.
func fleetOrders() incident.Storm {
	s := incident.Storm{
		ID:       "fleet/eu-west-1/shop/Deployment/orders[orders]@1782914580000",
		Factor:   incident.Factor{Kind: incident.FactorFleetWorkload, Value: "shop/Deployment/orders"},
		Category: diagnose.OOMKilled, Channel: "C0ALERTS", State: incident.Open, OpenedAt: t0,
	}
	for i, c := range []string{"eu-west-1", "us-east-1", "ap-south-1"} {
		s.Members = append(s.Members, incident.Member{
			Key:        incident.Key{Cluster: c, Namespace: "shop", Kind: "Deployment", Name: "orders", Container: "orders"},
			IncidentID: "shop/Deployment/orders[orders]@" + c, Pods: 3 * (i + 1), Restarts: int32(4 + i),
			Summary: "killed at its 256Mi memory limit", JoinedAt: t0.Add(time.Duration(i) * 40 * time.Second), Resolved: i == 1,
		})
	}
	return s
}

// fleetImage is one image crash-looping in two workloads of two clusters,
// all recovered.
func fleetImage() incident.Storm {
	s := fleetOrders()
	s.Factor = incident.Factor{Kind: incident.FactorFleetImage, Value: "registry.example.com/shop/orders@sha256:9f86d081884c7d65"}
	s.Members = s.Members[:2]
	s.Members[1].Key.Name = "orders-<canary>"
	s.State, s.ResolvedAt = incident.Resolved, t0.Add(25*time.Minute)
	for i := range s.Members {
		s.Members[i].Resolved = true
	}
	return s
}

func TestRenderFleetGolden(t *testing.T) {
	for name, s := range map[string]incident.Storm{"fleet_open": fleetOrders(), "fleet_image_resolved": fleetImage()} {
		t.Run(name, func(t *testing.T) {
			text, blocks := RenderStorm(s, DefaultStormNamed)
			golden(t, name+".json", goldenJSON(t, text, blocks))
			checkBlocks(t, text, blocks)
			var buf bytes.Buffer
			c := NewConsole(&buf)
			c.Notify(incident.Notification{Reason: incident.FirstNotification, Storm: &s})
			c.Notify(incident.Notification{Reason: incident.Updated, Storm: &s})
			golden(t, name+".console.txt", buf.Bytes())
		})
	}
}

// The message names every cluster with its state; the thread names each
// member with its cluster.
func TestRenderFleetNamesEveryCluster(t *testing.T) {
	text, blocks := RenderStorm(fleetOrders(), DefaultStormNamed)
	raw, _ := json.Marshal(blocks)
	for _, want := range []string{"eu-west-1", "us-east-1", "ap-south-1", "2 crashing, 1 recovered", "kubectl --context eu-west-1 -n shop rollout history deployment/orders"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("fleet message lacks %q", want)
		}
	}
	if !strings.Contains(text, "CrashLoopBackOff in 3 clusters: shop/Deployment/orders") {
		t.Errorf("text = %q", text)
	}
	// A cluster that crashes again later is one cluster, in its latest state.
	s := fleetOrders()
	again := s.Members[1]
	again.Resolved, again.JoinedAt, again.IncidentID = false, t0.Add(time.Hour), "again"
	s.Members = append(s.Members, again)
	if text, _ := RenderStorm(s, DefaultStormNamed); !strings.Contains(text, "in 3 clusters") {
		t.Errorf("a cluster counted twice: %q", text)
	}
	if got := fleetClusters(s); got[1].m.Resolved {
		t.Error("a cluster crashing again is shown recovered")
	}
	inc := ordersIn("us-east-1")
	inc.Storm = &incident.StormRef{ID: s.ID, Factor: s.Factor, Category: s.Category}
	if got := memberText(inc); !strings.HasPrefix(got, "us-east-1: shop/orders") {
		t.Errorf("member text = %q", got)
	}
	golden(t, "fleet_member.json", goldenJSON(t, memberText(inc), memberBlocks(inc)))
	if got := stormThreadText(incident.Notification{Reason: incident.ResolvedReason, Storm: ptr(fleetImage())}); got != "✅ Recovered in all 2 clusters after 25m." {
		t.Errorf("closing reply = %q", got)
	}
}

func ptr[T any](v T) *T { return &v }

// ordersIn is cluster's incident of shop/orders in fleetOrders.
func ordersIn(cluster string) incident.Incident {
	inc := oomIncident()
	inc.ID = "shop/Deployment/orders[orders]@" + cluster
	inc.Key = incident.Key{Cluster: cluster, Namespace: "shop", Kind: "Deployment", Name: "orders", Container: "orders"}
	inc.Pods, inc.PodCount, inc.Restarts = []string{"orders-5f7c9d8b4-qx2lp", "orders-5f7c9d8b4-9wzkt"}, 6, 5
	r := &inc.Report
	r.Pod, r.Owner = "shop/orders-5f7c9d8b4-qx2lp", &diagnose.Owner{Kind: "Deployment", Name: "orders"}
	r.Container, r.Image, r.Restarts = "orders", "registry.example.com/shop/orders:3.1.0", 5
	r.Summary = "orders ran out of memory: killed at its 512Mi memory limit"
	r.Evidence = []string{"lastState.terminated.reason: OOMKilled (exit 137)", "resources.limits.memory: 512Mi"}
	r.Containers = []diagnose.Finding{{Container: "orders", ContainerType: "app", Category: diagnose.OOMKilled}}
	return inc
}
