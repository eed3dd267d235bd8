package digest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// inCluster puts an incident into cluster.
func inCluster(cluster string, i incident.Incident) incident.Incident {
	i.Key.Cluster = cluster
	i.ID = cluster + ":" + i.ID
	return i
}

// fleetDay is a day of three clusters: the same bad image crash-loops
// shop/api in all three, eu also has its own trouble, us recovers fast.
func fleetDay() []incident.Incident {
	return []incident.Incident{
		inCluster("eu-1", mk("shop", "api", 3*h, open, 12, diagnose.AppCrash)),
		inCluster("us-1", mk("shop", "api", 3*h, 2*h+30*time.Minute, 9, diagnose.AppCrash)),
		inCluster("ap-1", mk("shop", "api", 2*h, open, 4, diagnose.AppCrash)),
		inCluster("eu-1", mk("pay", "worker", 10*h, 9*h, 7, diagnose.DependencyUnavailable)),
		inCluster("eu-1", mk("pay", "cron", 40*h, open, 30, diagnose.ConfigError)),
		inCluster("us-1", mk("batch", "import", 20*h, 19*h+50*time.Minute, 1, diagnose.CommandNotFound)),
	}
}

func TestFleetDigest(t *testing.T) {
	d := Build(fleetDay(), Everything, 0, now)
	if !d.IsFleet() {
		t.Fatal("a digest of three clusters is not a fleet digest")
	}
	var got []string
	for _, c := range d.Clusters {
		got = append(got, fmt.Sprintf("%s:opened=%d,open=%d,resolved=%d,mttr=%s,restarts=%d,workloads=%d",
			c.Cluster, c.Opened, c.StillOpen, c.Resolved, MTTRText(c.Totals), c.Restarts, c.Workloads))
	}
	want := []string{
		"eu-1:opened=2,open=2,resolved=1,mttr=1h,restarts=19,workloads=3",
		"us-1:opened=2,open=0,resolved=2,mttr=20m,restarts=10,workloads=2",
		"ap-1:opened=1,open=1,resolved=0,mttr=–,restarts=4,workloads=1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("per cluster:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	top := d.FleetTop[0]
	if top.String() != "shop/Deployment/api" || strings.Join(top.Clusters, ",") != "ap-1,eu-1,us-1" || top.Incidents != 3 || top.Restarts != 12 || !top.Open {
		t.Errorf("top workload across the fleet = %+v", top)
	}
	if top.Cluster != "ap-1" || top.Category != diagnose.AppCrash {
		t.Errorf("latest incident of the top workload = %s %s, want ap-1's (the latest crash)", top.Cluster, top.Category)
	}
	if _, ok := d.Incidents[top.LinkID()]; !ok {
		t.Errorf("the top workload's latest incident is not among the linked ones: %v", d.LinkedIDs())
	}
	// A scope applies to every cluster alike.
	pay := NamespaceScope{Terms: []ScopeTerm{{Namespaces: []string{"pay"}}}}
	if d := Build(fleetDay(), pay, 0, now); d.IsFleet() || d.Workloads != 2 {
		t.Errorf("pay alone (one cluster) is a fleet digest: %+v", d.Clusters)
	}
}

// One cluster's digest has no fleet parts.
func TestOneClusterIsNoFleet(t *testing.T) {
	if d := Build(busyDay(), Everything, 0, now); d.IsFleet() || d.Clusters != nil || d.FleetTop != nil {
		t.Fatalf("fleet parts in a one-cluster digest: %+v %+v", d.Clusters, d.FleetTop)
	}
}

func TestWriteTextFleetGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, Build(fleetDay(), Everything, 0, now.In(time.FixedZone("CET", 3600)))); err != nil {
		t.Fatal(err)
	}
	golden(t, "text_fleet.golden", buf.Bytes())
}
