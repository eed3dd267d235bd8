package digest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

var now = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// mk is an incident of workload ns/name opened ago before now and, when
// resolvedAgo >= 0, resolved that long before now.
func mk(ns, name string, ago, resolvedAgo time.Duration, restarts int32, cat diagnose.Category) incident.Incident {
	i := incident.Incident{
		ID: fmt.Sprintf("%s/%s@%d", ns, name, ago), State: incident.Open,
		Key:      incident.Key{Cluster: "prod", Namespace: ns, Kind: "Deployment", Name: name, Container: "app"},
		OpenedAt: now.Add(-ago), LastCrashAt: now.Add(-ago), Restarts: restarts, PodCount: 1, Pods: []string{name + "-1"},
		Report: diagnose.Report{Finding: diagnose.Finding{Category: cat}},
	}
	if resolvedAgo >= 0 {
		i.State, i.ResolvedAt = incident.Resolved, now.Add(-resolvedAgo)
	}
	return i
}

const open = -1 // resolvedAgo of an unresolved incident

const h = time.Hour

// summary renders the numbers of a digest on one line, for tables.
func summary(d Digest) string {
	var top []string
	for _, w := range d.Top {
		top = append(top, fmt.Sprintf("%s/%s:%d:%s:%s", w.Namespace, w.Name, w.Restarts, w.Category, w.Status))
	}
	return fmt.Sprintf("opened=%d open=%d resolved=%d median=%s longest=%s new=%d recurring=%d ongoing=%d ns=%v cat=%v top=%s quiet=%t",
		d.Opened, d.StillOpen, d.Resolved, FormatDuration(d.MedianRecovery), FormatDuration(d.LongestRecovery),
		d.New, d.Recurring, d.Ongoing, d.ByNamespace, d.ByCategory, strings.Join(top, ","), d.Quiet)
}

func TestBuild(t *testing.T) {
	for _, tc := range []struct {
		name string
		incs []incident.Incident
		want string
	}{
		{"nothing", nil,
			"opened=0 open=0 resolved=0 median=0s longest=0s new=0 recurring=0 ongoing=0 ns=[] cat=[] top= quiet=true"},
		{"only older incidents", []incident.Incident{mk("shop", "api", 50*h, 25*h, 3, diagnose.OOMKilled)},
			"opened=0 open=0 resolved=0 median=0s longest=0s new=0 recurring=0 ongoing=0 ns=[] cat=[] top= quiet=true"},
		{"a busy day", []incident.Incident{
			mk("shop", "api", 3*h, open, 12, diagnose.OOMKilled),
			mk("shop", "web", 10*h, 9*h+30*time.Minute, 4, diagnose.LivenessProbe),
			mk("pay", "worker", 30*h, 28*h, 2, diagnose.ConfigError),
			mk("pay", "worker", 5*h, 4*h, 7, diagnose.DependencyUnavailable),
			mk("pay", "cron", 40*h, open, 30, ""),
			mk("old", "gone", 80*h, 50*h, 99, diagnose.OOMKilled),
		}, "opened=3 open=2 resolved=2 median=45m longest=1h new=2 recurring=1 ongoing=1 " +
			"ns=[{pay 2} {shop 2}] cat=[{dependency_unavailable 1} {liveness_probe 1} {oom_killed 1} {unknown 1}] " +
			"top=pay/cron:30:unknown:ongoing,shop/api:12:oom_killed:new,pay/worker:7:dependency_unavailable:recurring,shop/web:4:liveness_probe:new quiet=false"},
		{"window edges: opened at From counts, resolved at To is still open", []incident.Incident{
			mk("a", "from", 24*h, open, 1, diagnose.AppCrash),
			mk("a", "to", 2*h, 0, 1, diagnose.AppCrash),
			mk("a", "atfrom", 30*h, 24*h, 1, diagnose.AppCrash),
		}, "opened=2 open=2 resolved=1 median=6h longest=6h new=2 recurring=0 ongoing=1 ns=[{a 3}] cat=[{app_crash 3}] " +
			"top=a/atfrom:1:app_crash:ongoing,a/from:1:app_crash:new,a/to:1:app_crash:new quiet=false"},
		{"one workload, two containers, latest diagnosis wins", []incident.Incident{
			mk("shop", "api", 5*h, open, 3, diagnose.OOMKilled),
			func() incident.Incident {
				i := mk("shop", "api", 2*h, open, 9, diagnose.Segfault)
				i.Key.Container, i.PodCount = "sidecar", 4
				return i
			}(),
		}, "opened=2 open=2 resolved=0 median=0s longest=0s new=1 recurring=0 ongoing=0 ns=[{shop 2}] cat=[{oom_killed 1} {segfault 1}] " +
			"top=shop/api:9:segfault:new quiet=false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Build(tc.incs, 0, now)
			if got := summary(d); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestBuildDetails(t *testing.T) {
	incs := []incident.Incident{
		mk("shop", "api", 3*h, open, 12, diagnose.OOMKilled),
		mk("shop", "api2", 3*h-time.Minute, open, 1, diagnose.OOMKilled),
		mk("shop", "web", 10*h, 9*h, 4, diagnose.LivenessProbe),
	}
	incs[1].Key.Name = "api"
	incs[1].Key.Container = "sidecar"
	incs[1].PodCount = 5
	d := Build(incs, 24*h, now)
	if d.BucketWidth != h || len(d.Buckets) != 24 || d.Buckets[21].Opened != 2 || d.Buckets[14].Opened != 1 || !d.Buckets[0].Start.Equal(now.Add(-24*h)) {
		t.Errorf("buckets %+v", d.Buckets)
	}
	if w := d.Top[0]; w.Pods != 5 || w.Incidents != 2 || strings.Join(w.Containers, ",") != "app,sidecar" || !w.Open {
		t.Errorf("top workload %+v", w)
	}
	if r := d.Recoveries; len(r) != 1 || r[0].Duration != h || r[0].Key.Name != "web" {
		t.Errorf("recoveries %+v", r)
	}
	week := Build(incs, 7*24*h, now)
	if week.BucketWidth != 24*h || len(week.Buckets) != 7 || week.Buckets[6].Opened != 3 {
		t.Errorf("weekly buckets %+v", week.Buckets)
	}
}

func TestBuildTopIsBounded(t *testing.T) {
	var incs []incident.Incident
	for i := range TopN + 5 {
		incs = append(incs, mk("ns", fmt.Sprintf("w%02d", i), h, open, int32(i), diagnose.AppCrash))
	}
	d := Build(incs, 0, now)
	if len(d.Top) != TopN || d.Workloads != TopN+5 || d.Top[0].Name != "w14" {
		t.Fatalf("top %d of %d, first %s", len(d.Top), d.Workloads, d.Top[0].Name)
	}
}
