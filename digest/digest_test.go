package digest

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/labels"

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
			d := Build(tc.incs, Everything, 0, now)
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
	d := Build(incs, Everything, 24*h, now)
	if len(d.Days) != 7 || d.Days[6].Opened != 3 || d.Days[5].Opened != 0 || !d.Days[0].Start.Equal(now.Add(-7*24*h)) ||
		d.Days[6].ByCategory[diagnose.OOMKilled] != 2 || d.Days[6].Resolved != 1 || d.Days[6].MTTR != h {
		t.Errorf("days %+v", d.Days)
	}
	if w := d.Top[0]; w.Pods != 5 || w.Incidents != 2 || strings.Join(w.Containers, ",") != "app,sidecar" || !w.Open || w.IncidentID != incs[1].ID {
		t.Errorf("top workload %+v", w)
	}
	if r := d.Recoveries; len(r) != 1 || r[0].Duration != h || r[0].Key.Name != "web" {
		t.Errorf("recoveries %+v", r)
	}
	if got := d.LinkedIDs(); strings.Join(got, " ") != incs[1].ID+" "+incs[2].ID {
		t.Errorf("linked incidents %v", got)
	}
	week := Build(incs, Everything, Week, now)
	if len(week.Days) != 28 || week.Days[27].Opened != 3 {
		t.Errorf("weekly days %+v", week.Days)
	}
}

func TestBuildTopIsBounded(t *testing.T) {
	var incs []incident.Incident
	for i := range TopN + 5 {
		incs = append(incs, mk("ns", fmt.Sprintf("w%02d", i), h, open, int32(i), diagnose.AppCrash))
	}
	d := Build(incs, Everything, 0, now)
	if len(d.Top) != TopN || d.Workloads != TopN+5 || d.Top[0].Name != "w14" {
		t.Fatalf("top %d of %d, first %s", len(d.Top), d.Workloads, d.Top[0].Name)
	}
}

// TestTrend compares a window with the one before it.
func TestTrend(t *testing.T) {
	incs := []incident.Incident{
		mk("shop", "api", 3*h, open, 12, diagnose.OOMKilled),                   // this window, open
		mk("shop", "web", 10*h, 9*h+30*time.Minute, 4, diagnose.LivenessProbe), // this window, 30m to recover
		mk("pay", "worker", 30*h, 20*h, 7, diagnose.ConfigError),               // previous window, resolved in this one after 10h
		mk("pay", "cron", 40*h, 38*h, 2, diagnose.AppCrash),                    // previous window, 2h
		mk("pay", "old", 100*h, 60*h, 50, diagnose.AppCrash),                   // before both
	}
	d := Build(incs, Everything, 0, now)
	wantNow := Totals{Opened: 2, StillOpen: 1, Resolved: 2, MTTR: 5*h + 15*time.Minute, Restarts: 16}
	wantPrev := Totals{Opened: 2, StillOpen: 1, Resolved: 1, MTTR: 2 * h, Restarts: 9}
	if d.Totals != wantNow || d.Previous != wantPrev {
		t.Fatalf("totals %+v, previous %+v", d.Totals, d.Previous)
	}
	var got []string
	for _, r := range TrendRows(d) {
		got = append(got, fmt.Sprintf("%s %s %s %s %t", r.Name, r.Now, r.Previous, r.Change, r.Worse))
	}
	want := "opened 2 2 ±0 false|still open 1 1 ±0 false|MTTR 5h15m 2h +3h15m true|restarts 16 9 +7 true"
	if strings.Join(got, "|") != want {
		t.Errorf("trend rows\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	// 4 days ago one (old), yesterday two, today two.
	if s := Sparkline(d); s != "▁▁▅▁▁██" {
		t.Errorf("sparkline %q", s)
	}
	better := Build(incs[2:], Everything, 0, now)
	if rows := TrendRows(better); rows[0].Change != "−2" || rows[0].Worse || rows[2].Change != "+8h" {
		t.Errorf("a better window: %+v", rows)
	}
}

func TestLists(t *testing.T) {
	flap := []incident.Incident{
		mk("shop", "api", 30*h, 25*h, 3, diagnose.OOMKilled),
		mk("shop", "api", 20*h, 15*h, 3, diagnose.OOMKilled),
		mk("shop", "api", 5*h, open, 3, diagnose.OOMKilled),
	}
	sidecar := mk("shop", "api", 4*h, open, 1, diagnose.OOMKilled) // another container: no flap of its own
	sidecar.Key.Container = "sidecar"
	incs := append(flap, sidecar,
		mk("pay", "stuck", 30*h, open, 80, diagnose.ConfigError),         // open for more than a day
		mk("pay", "young", 23*h, open, 5, diagnose.ConfigError),          // not yet
		mk("pay", "done", 50*h, 2*h, 5, diagnose.ConfigError),            // resolved
		mk("pay", "worker", 6*24*h, 6*24*h-h, 1, diagnose.LivenessProbe), // recurring: three days
		mk("pay", "worker", 3*24*h, 3*24*h-h, 1, diagnose.LivenessProbe),
		mk("pay", "worker", 2*h, h, 1, diagnose.LivenessProbe),
		mk("pay", "batch", 4*24*h, 4*24*h-h, 1, diagnose.AppCrash), // two days, none in this window
		mk("pay", "batch", 3*24*h, 3*24*h-h, 1, diagnose.AppCrash),
	)
	d := Build(incs, Everything, 0, now)
	// api re-opened twice in the window; worker once (resolved three days
	// ago, back two hours ago).
	if len(d.Flapping) != 2 || d.Flapping[0].Name != "api" || d.Flapping[0].Reopens != 2 || d.Flapping[0].IncidentID != flap[2].ID ||
		d.Flapping[1].Name != "worker" || d.Flapping[1].Reopens != 1 {
		t.Errorf("flapping %+v", d.Flapping)
	}
	if len(d.Long) != 1 || d.Long[0].Key.Name != "stuck" || d.Long[0].Age != 30*h || d.Long[0].Restarts != 80 {
		t.Errorf("long open %+v", d.Long)
	}
	// worker: liveness on three days; api: OOM yesterday and today; batch:
	// two days, but none in this window.
	if r := d.RecurringCauses; len(r) != 2 || r[0].Name != "worker" || r[0].Days != 3 || r[0].Incidents != 3 ||
		r[0].Category != diagnose.LivenessProbe || r[1].Name != "api" || r[1].Days != 2 || r[1].Incidents != 4 {
		t.Errorf("recurring %+v", d.RecurringCauses)
	}
	// opened in this window: oom 3 (api at 20h and 5h, sidecar), liveness 1,
	// config 1 (young); in the previous one: oom 1 (api at 30h), config 1 (stuck).
	if fmt.Sprint(d.Grown) != "[{oom_killed 3 1} {liveness_probe 1 0}]" {
		t.Errorf("grown %v", d.Grown)
	}
	for _, id := range []string{flap[2].ID, incs[4].ID, incs[9].ID} {
		if _, ok := d.Incidents[id]; !ok {
			t.Errorf("incident %s is listed but not linked: %v", id, d.LinkedIDs())
		}
	}

	var many []incident.Incident
	for i := range ListN + 3 {
		many = append(many, mk("ns", fmt.Sprintf("w%d", i), 30*h, open, 1, diagnose.AppCrash))
	}
	if d := Build(many, Everything, 0, now); len(d.Long) != ListN || d.More.Long != 3 {
		t.Errorf("long list %d, more %d", len(d.Long), d.More.Long)
	}
}

func TestResolveScope(t *testing.T) {
	routes := []ScopeRoute{
		{Channel: "#team-a", Namespaces: []string{"a1", "a2"}},
		{Channel: "team-a", Selector: "team=a"},
		{Channel: "C0TEAMB", Namespaces: []string{"b"}},
		{Channel: "#star", Namespaces: []string{"*"}},
	}
	type probe struct {
		ns     string
		labels map[string]string
	}
	teamA := map[string]string{"team": "a"}
	for _, tc := range []struct {
		name    string
		in      ScopeInput
		yes, no []probe
		str     string
	}{
		{"the routes to the channel, with or without #", ScopeInput{Channel: "#team-a", Routes: routes},
			[]probe{{"a1", nil}, {"a2", nil}, {"other", teamA}},
			[]probe{{"b", nil}, {"other", nil}, {"other", map[string]string{"team": "b"}}},
			"a1, a2; all namespaces (team=a)"},
		{"a channel ID matches only itself", ScopeInput{Channel: "C0TEAMB", Routes: routes, Exclude: []string{"b"}},
			nil, []probe{{"b", nil}, {"a1", nil}}, "b"},
		{"no route: every watched namespace but the excluded", ScopeInput{Channel: "#ops", Routes: routes, Watched: []string{"a1", "b", "kube-system"}, Exclude: []string{"kube-system"}},
			[]probe{{"a1", nil}, {"b", teamA}}, []probe{{"kube-system", nil}, {"other", nil}}, ""},
		{"* on a route is every watched namespace", ScopeInput{Channel: "#star", Routes: routes, Watched: []string{"a1"}},
			[]probe{{"a1", nil}}, []probe{{"b", nil}}, "all namespaces"},
		{"explicit namespaces beat routes", ScopeInput{Channel: "#team-a", Namespaces: []string{"b"}, Routes: routes},
			[]probe{{"b", nil}}, []probe{{"a1", nil}, {"other", teamA}}, "b"},
		{"explicit selector", ScopeInput{Channel: "#x", Selector: "team=a", Routes: routes},
			[]probe{{"b", teamA}}, []probe{{"b", nil}, {"b", map[string]string{"team": "b"}}}, "all namespaces (team=a)"},
		{"explicit namespaces and selector", ScopeInput{Channel: "#x", Namespaces: []string{"b"}, Selector: "team=a"},
			[]probe{{"b", teamA}}, []probe{{"a1", teamA}, {"b", nil}}, "b (team=a)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ResolveScope(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tc.yes {
				if !s.Includes(p.ns, p.labels) {
					t.Errorf("excludes %s %v", p.ns, p.labels)
				}
			}
			for _, p := range tc.no {
				if s.Includes(p.ns, p.labels) {
					t.Errorf("includes %s %v", p.ns, p.labels)
				}
			}
			if s.String() != tc.str {
				t.Errorf("String() = %q, want %q", s.String(), tc.str)
			}
		})
	}
	if _, err := ResolveScope(ScopeInput{Channel: "#x", Selector: "team in (a"}); err == nil {
		t.Error("a bad selector was accepted")
	}
}

func TestPodLabels(t *testing.T) {
	for sel, want := range map[string]string{
		"":                                   "map[]",
		"app=api,tier in (web)":              "map[app:api tier:web]",
		"app==api,env!=prod,tier in (a,b),x": "map[app:api]",
		"not a selector (":                   "map[]",
	} {
		if got := fmt.Sprint(podLabels(incident.Incident{Selector: sel})); got != want {
			t.Errorf("podLabels(%q) = %s, want %s", sel, got, want)
		}
	}
	// The pod's own labels, as the alert route matched them, come first: a
	// route by team=search matches pods whose workload selects by app only.
	inc := incident.Incident{Key: incident.Key{Namespace: "web"}, Selector: "app=api", Labels: map[string]string{"app": "api", "team": "search"}}
	if got := fmt.Sprint(podLabels(inc)); got != "map[app:api team:search]" {
		t.Errorf("podLabels with the pod's labels = %s", got)
	}
	s, err := ResolveScope(ScopeInput{Channel: "#search", Routes: []ScopeRoute{{Channel: "#search", Selector: "team=search"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Includes(inc.Key.Namespace, podLabels(inc)) {
		t.Error("a digest scoped like its route leaves out the route's incident")
	}
}

// TestScopeProperty builds digests of random incidents for random scopes
// (namespaces, selectors, watched and excluded namespaces): a digest must
// equal the digest of exactly the incidents its scope includes, so nothing
// outside the scope is counted, listed, charted or linked, and nothing
// inside is lost.
func TestScopeProperty(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e"}
	pick := func(r *rand.Rand) []string {
		var out []string
		for _, n := range names {
			if r.IntN(3) == 0 {
				out = append(out, n)
			}
		}
		return out
	}
	for seed := range uint64(500) {
		r := rand.New(rand.NewPCG(seed, 42))
		var incs []incident.Incident
		for i := range r.IntN(30) {
			ago := time.Duration(r.IntN(24*30)) * h
			resolved := time.Duration(-1)
			if r.IntN(3) > 0 {
				resolved = ago - time.Duration(r.IntN(48))*h
			}
			inc := mk(names[r.IntN(len(names))], fmt.Sprintf("w%d", r.IntN(4)), ago, resolved, int32(r.IntN(40)),
				diagnose.Categories()[r.IntN(len(diagnose.Categories()))])
			inc.ID = fmt.Sprintf("%d-%s", i, inc.ID)
			inc.Selector = "team=" + names[r.IntN(len(names))]
			incs = append(incs, inc)
		}
		scope := NamespaceScope{Watched: pick(r), Exclude: pick(r)}
		for range r.IntN(3) {
			term := ScopeTerm{Namespaces: pick(r)}
			if r.IntN(2) == 0 {
				term.Selector = labels.SelectorFromSet(labels.Set{"team": names[r.IntN(len(names))]})
			}
			scope.Terms = append(scope.Terms, term)
		}
		var in []incident.Incident
		for _, inc := range incs {
			if scope.Includes(inc.Key.Namespace, podLabels(inc)) {
				in = append(in, inc)
			}
		}
		window := []time.Duration{0, 48 * h, Week}[r.IntN(3)]
		got, want := Build(incs, scope, window, now), Build(in, Everything, window, now)
		got.Scope = ""
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d, scope %+v: the digest differs from the digest of the %d incidents in scope:\n got %s\nwant %s",
				seed, scope, len(in), summary(got), summary(want))
		}
		for _, inc := range got.Incidents {
			if !scope.Includes(inc.Key.Namespace, podLabels(inc)) {
				t.Fatalf("seed %d: links %s outside the scope", seed, inc.Key)
			}
		}
	}
}
