package incident

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

func TestDependencyHosts(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string
	}{
		{`psycopg2.OperationalError: could not connect to server: Connection refused Is the server running on host "postgres.shop.svc.cluster.local" (10.0.0.7) and accepting`, "postgres.shop"},
		{`dial tcp: lookup redis on 10.96.0.10:53: no such host`, "redis.shop"},
		{`Error: getaddrinfo ENOTFOUND kafka.events.svc`, "kafka.events"},
		{`dial tcp 10.0.0.7:5432: connect: connection refused`, "10.0.0.7"},
		{`Error: connect ECONNREFUSED 10.0.0.9:6379`, "10.0.0.9"},
		{`connecting to postgres://orders:[REDACTED]@db.shop.svc.cluster.local:5432/orders failed`, "db.shop"},
		{`Connection to mysql.data:3306 refused`, "mysql.data"},
		{`dial tcp 127.0.0.1:8080: connect: connection refused`, ""},
		{`dial tcp [::1]:8080: connect: connection refused`, ""},
		{`panic: something else entirely`, ""},
	} {
		r := diagnose.Report{Finding: diagnose.Finding{Evidence: []string{"log: " + tc.line}}}
		got := dependencyHosts(r, "shop")
		if (tc.want == "" && len(got) != 0) || (tc.want != "" && (len(got) != 1 || got[0] != tc.want)) {
			t.Errorf("dependencyHosts(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestFactorValues(t *testing.T) {
	inc := Incident{Key: Key{Namespace: "shop"}, Nodes: []string{"n1", "n2"}, Image: "reg/api@sha256:ab",
		ConfigMaps: []string{"api-config", "kube-root-ca.crt"}, Secrets: []string{"db-creds"},
		Report: diagnose.Report{Finding: diagnose.Finding{Category: diagnose.ConfigError}}}
	for kind, want := range map[FactorKind][]string{
		FactorDependency:   nil, // not a dependency problem
		FactorConfigObject: {"ConfigMap api-config", "Secret db-creds"},
		FactorImage:        {"reg/api@sha256:ab"},
		FactorNode:         {"n1", "n2"},
		FactorNamespace:    {"shop"},
	} {
		if got := factorValues(&inc, kind); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", kind, got, want)
		}
	}
	inc.Report.Category = diagnose.MissingConfigObject
	inc.Report.Evidence = []string{`waiting: CreateContainerConfigError: secret "api-token" not found`}
	if got := factorValues(&inc, FactorConfigObject); !slices.Equal(got, []string{"Secret api-token"}) {
		t.Errorf("missing object named in the evidence: %q", got)
	}
	inc.Report.Category = diagnose.OOMKilled
	if got := factorValues(&inc, FactorConfigObject); got != nil {
		t.Errorf("an OOM kill is not about ConfigMaps: %q", got)
	}
}

// member builds a pending incident for chooseStorms.
func member(name, ns string, cat diagnose.Category, node, image string, evidence ...string) *tracked {
	return &tracked{Incident: Incident{
		ID: name, Key: Key{Namespace: ns, Kind: "Deployment", Name: name, Container: "c"}, State: Pending, Channel: "#a",
		Nodes: []string{node}, Image: image,
		Report: diagnose.Report{Pod: ns + "/" + name + "-1", Finding: diagnose.Finding{Category: cat, Evidence: evidence}},
	}}
}

func TestChooseStorms(t *testing.T) {
	dep := diagnose.DependencyUnavailable
	oom := diagnose.OOMKilled
	many := func(n int, f func(i int) *tracked) []*tracked {
		var out []*tracked
		for i := range n {
			out = append(out, f(i))
		}
		return out
	}
	all := func(*tracked) bool { return true }
	for _, tc := range []struct {
		name  string
		cands []*tracked
		due   func(*tracked) bool
		want  []string // "factor:members" per storm
	}{
		{
			name: "100 OOM kills on one node, each its own image",
			cands: many(100, func(i int) *tracked {
				return member(fmt.Sprintf("w%03d", i), "storm", oom, "n1", fmt.Sprintf("img%d", i))
			}),
			due: all, want: []string{"node=n1:100"},
		},
		{
			name: "a dependency explains nearly as many as the namespace: the dependency",
			cands: append(many(8, func(i int) *tracked {
				return member(fmt.Sprintf("d%d", i), "shop", dep, fmt.Sprintf("n%d", i), "", "dial tcp: lookup postgres on 10.96.0.10:53: no such host")
			}), many(2, func(i int) *tracked {
				return member(fmt.Sprintf("e%d", i), "shop", dep, fmt.Sprintf("m%d", i), "", "dial tcp: lookup kafka on 10.96.0.10:53: no such host")
			})...),
			due: all, want: []string{"dependency=postgres.shop:8"},
		},
		{
			name: "an image shared by a few of many on one node: the node",
			cands: append(many(6, func(i int) *tracked {
				return member(fmt.Sprintf("a%d", i), fmt.Sprintf("ns%d", i), oom, "n1", "base@sha256:1")
			}), many(4, func(i int) *tracked {
				return member(fmt.Sprintf("b%d", i), fmt.Sprintf("ns%d", i+6), oom, "n1", fmt.Sprintf("own%d", i))
			})...),
			due: all, want: []string{"node=n1:10"},
		},
		{
			name: "two storms with different causes, an outlier left alone",
			cands: append(append(many(5, func(i int) *tracked {
				return member(fmt.Sprintf("o%d", i), fmt.Sprintf("a%d", i), oom, "n1", fmt.Sprintf("i%d", i))
			}), many(5, func(i int) *tracked {
				return member(fmt.Sprintf("p%d", i), fmt.Sprintf("b%d", i), diagnose.PortConflict, "n2", fmt.Sprintf("j%d", i))
			})...), member("lone", "c", diagnose.Segfault, "n1", "x")),
			due: all, want: []string{"node=n1:5", "node=n2:5"},
		},
		{
			name:  "fewer than the minimum",
			cands: many(4, func(i int) *tracked { return member(fmt.Sprintf("w%d", i), "s", oom, "n1", "") }),
			due:   all,
		},
		{
			name:  "nobody's group-wait is over yet",
			cands: many(6, func(i int) *tracked { return member(fmt.Sprintf("w%d", i), "s", oom, "n1", "") }),
			due:   func(*tracked) bool { return false },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, g := range chooseStorms(tc.cands, tc.due, 5, FactorKinds()) {
				got = append(got, fmt.Sprintf("%s:%d", g.factor, len(g.members)))
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("storms = %v, want %v", got, tc.want)
			}
		})
	}
}

func stormManager(t *testing.T, enabled bool) (*Manager, *recorder, *memStore, *fakeHealth, *clock) {
	t.Helper()
	m, r, s, h, c := newTestManager(t)
	m.opts.Storms.Enabled = enabled
	return m, r, s, h, c
}

// oomOn is an OOM kill of workload name on node.
func oomOn(name, node string, at time.Time) Observation {
	return Observation{
		Key: Key{Cluster: "prod", Namespace: "storm", Kind: "Deployment", Name: name, Container: "app"},
		Pod: name + "-1", Restarts: 1, CrashedAt: at, Node: node, Image: "reg/" + name + ":1",
		Report: diagnose.Report{Pod: "storm/" + name + "-1", Finding: diagnose.Finding{Container: "app", Category: diagnose.OOMKilled, Summary: "killed at 256Mi"}},
	}
}

// storms and members split r's notifications.
func split(r *recorder) (storms, members, alone []Notification) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range r.notes {
		switch {
		case n.IsStorm():
			storms = append(storms, n)
		case n.Storm != nil:
			members = append(members, n)
		default:
			alone = append(alone, n)
		}
	}
	return
}

func TestStormOneMessageForOneCause(t *testing.T) {
	ctx := t.Context()
	m, r, s, h, c := stormManager(t, true)
	for i := range 6 {
		m.observe(ctx, oomOn(fmt.Sprintf("w%d", i), "n1", c.now()))
		c.advance(100 * time.Millisecond)
	}
	// Same node, another cause: its own message.
	other := obs("api-1", 1, c.now(), diagnose.PortConflict)
	other.Node = "n1"
	m.observe(ctx, other)
	c.advance(5 * time.Second)
	m.flush(ctx)

	storms, members, alone := split(r)
	if len(storms) != 1 || storms[0].Reason != FirstNotification {
		t.Fatalf("storm notifications %+v", storms)
	}
	st := storms[0].Storm
	if st.Factor != (Factor{FactorNode, "n1"}) || st.Category != diagnose.OOMKilled || len(st.Members) != 6 || st.Crashing() != 6 || st.Channel != "#alerts" {
		t.Fatalf("storm = %+v", st)
	}
	if len(members) != 6 || members[0].Reason != FirstNotification || members[0].Storm.ID != st.ID || len(members[0].Storm.Members) != 0 {
		t.Fatalf("member notifications %+v", members)
	}
	if len(alone) != 1 || alone[0].Incident.Key != apiKey {
		t.Fatalf("standalone notifications %+v", alone)
	}
	if r.notes[0].IsStorm() == false {
		t.Fatal("the storm message must go out before its members' replies")
	}
	for _, n := range members {
		if n.Incident.Related != "" {
			t.Errorf("member %s carries a blast-radius line: %q", n.Incident.Key.Name, n.Incident.Related)
		}
		if saved := s.m[n.Incident.ID]; saved.Storm == nil || saved.Storm.ID != st.ID {
			t.Errorf("member %s saved without its storm: %+v", n.Incident.Key.Name, saved.Storm)
		}
	}
	if strings.Contains(alone[0].Incident.Related, "w1") {
		t.Errorf("the standalone message lists storm members: %q", alone[0].Incident.Related)
	}

	// A latecomer joins the storm: a thread reply, and the storm message
	// is updated (not at once: within the storm's update interval).
	m.observe(ctx, oomOn("late", "n1", c.now()))
	m.flush(ctx)
	storms, members, _ = split(r)
	if len(members) != 7 || members[6].Incident.Key.Name != "late" || members[6].Reason != FirstNotification {
		t.Fatalf("the latecomer did not join: %+v", members[len(members)-1])
	}
	if len(storms) != 1 {
		t.Fatalf("storm updated before its interval: %d", len(storms))
	}
	c.advance(5 * time.Second)
	m.flush(ctx)
	storms, _, _ = split(r)
	if len(storms) != 2 || storms[1].Reason != Updated || len(storms[1].Storm.Members) != 7 {
		t.Fatalf("storm update = %+v", storms[len(storms)-1])
	}

	// More replicas crash: counted in the storm message, no thread noise.
	for i := range 6 {
		o := oomOn(fmt.Sprintf("w%d", i), "n1", c.now())
		o.Pod, o.Report = fmt.Sprintf("w%d-2", i), diagnose.Report{}
		m.observe(ctx, o)
	}
	c.advance(30 * time.Second)
	m.flush(ctx)
	storms, members, _ = split(r)
	if len(members) != 7 {
		t.Fatalf("more replicas produced thread replies: %d", len(members)-7)
	}
	if last := storms[len(storms)-1].Storm; last.Pods() != 13 {
		t.Fatalf("storm counts %d pods, want 13", last.Pods())
	}

	// Recovery: one reply per member, then the storm is resolved.
	h.ok, h.since = true, c.now()
	c.advance(10 * time.Minute)
	m.checkRecovery(ctx)
	m.flush(ctx)
	storms, members, _ = split(r)
	resolved := 0
	for _, n := range members {
		if n.Reason == ResolvedReason {
			resolved++
		}
	}
	if resolved != 7 {
		t.Fatalf("%d members resolved, want 7", resolved)
	}
	if last := storms[len(storms)-1]; last.Reason != ResolvedReason || last.Storm.State != Resolved || last.Storm.Crashing() != 0 {
		t.Fatalf("storm not resolved: %+v", last)
	}
	if len(m.storms) != 0 {
		t.Fatal("a resolved storm is kept")
	}
}

func TestStormsOffKeepsOneMessagePerWorkload(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := stormManager(t, false)
	for i := range 6 {
		m.observe(ctx, oomOn(fmt.Sprintf("w%d", i), "n1", c.now()))
	}
	c.advance(5 * time.Second)
	m.flush(ctx)
	storms, members, alone := split(r)
	if len(storms) != 0 || len(members) != 0 || len(alone) != 6 {
		t.Fatalf("storms %d, members %d, standalone %d; want 0, 0, 6", len(storms), len(members), len(alone))
	}
}

// historyStore is memStore with History, as the real stores have.
type historyStore struct{ *memStore }

func (h historyStore) History(_ context.Context, since time.Time) ([]Incident, error) {
	var out []Incident
	for _, i := range h.m {
		if i.State != Resolved || !i.ResolvedAt.Before(since) {
			out = append(out, i)
		}
	}
	return out, nil
}

// TestStormContinuesAfterRestart: a new manager over the same store finds
// the storm through its members, recovered ones included, and refreshes
// its message instead of announcing anything again.
func TestStormContinuesAfterRestart(t *testing.T) {
	ctx := t.Context()
	m, r, s, h, c := stormManager(t, true)
	for i := range 5 {
		m.observe(ctx, oomOn(fmt.Sprintf("w%d", i), "n1", c.now()))
	}
	c.advance(5 * time.Second)
	m.flush(ctx)
	storms, _, _ := split(r)
	id := storms[0].Storm.ID
	// w0 recovers (its pods are listed by name: no selector in the test).
	h.ok, h.since = true, c.now()
	c.advance(10 * time.Minute)
	for k, t := range m.active {
		if k.Name != "w0" {
			t.State = Pending // keep the others out of checkRecovery
		}
	}
	m.checkRecovery(ctx)
	for _, t := range m.active {
		t.State = Open
		m.save(ctx, &t.Incident)
	}

	r2 := &recorder{}
	m2 := NewManager(historyStore{s}, r2, &fakeHealth{}, Options{GroupWait: 5 * time.Second, UpdateEvery: 30 * time.Second,
		DefaultChannel: "#alerts", Now: c.now, Storms: StormOptions{Enabled: true}})
	if err := m2.load(ctx); err != nil {
		t.Fatal(err)
	}
	m2.flush(ctx)
	storms, members, alone := split(r2)
	if len(storms) != 1 || storms[0].Reason != Updated || storms[0].Storm.ID != id || len(storms[0].Storm.Members) != 5 || storms[0].Storm.Crashing() != 4 {
		t.Fatalf("after restart: storm notifications %+v", storms)
	}
	if len(members) != 0 || len(alone) != 0 {
		t.Fatalf("after restart: %d member and %d standalone notifications, want none", len(members), len(alone))
	}
	// A new workload crashing the same way joins the continued storm.
	m2.observe(ctx, oomOn("late", "n1", c.now()))
	m2.flush(ctx)
	_, members, alone = split(r2)
	if len(members) != 1 || members[0].Storm.ID != id || len(alone) != 0 {
		t.Fatalf("latecomer after restart: members %+v, standalone %d", members, len(alone))
	}
}

func TestNeedsNotifyStorm(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	p := policy{groupWait: 5 * time.Second, updateEvery: 30 * time.Second}
	for _, tc := range []struct {
		name string
		s    trackedStorm
		want Reason
		ok   bool
	}{
		{"unchanged", trackedStorm{Storm: Storm{State: Open}, notifiedAt: now.Add(-time.Minute)}, NoChange, false},
		{"joined, within 5s", trackedStorm{Storm: Storm{State: Open}, dirty: true, notifiedAt: now.Add(-4 * time.Second)}, Throttled, false},
		{"joined, 5s on", trackedStorm{Storm: Storm{State: Open}, dirty: true, notifiedAt: now.Add(-5 * time.Second)}, Updated, true},
		{"loaded from the store", trackedStorm{Storm: Storm{State: Open}, dirty: true}, Updated, true},
		{"every member recovered", trackedStorm{Storm: Storm{State: Resolved}, notifiedAt: now}, ResolvedReason, true},
	} {
		if got, ok := p.needsNotifyStorm(&tc.s, now); got != tc.want || ok != tc.ok {
			t.Errorf("%s: %s, %v; want %s, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

// TestStormGathersSlowDiagnoses: in a storm the diagnoses trickle in; a
// workload whose group-wait is over waits (at most one more group-wait)
// while others sharing its cause and node are pending, and joins the storm
// instead of being posted alone. A lone crash loop is not held.
func TestStormGathersSlowDiagnoses(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := stormManager(t, true)
	for i := range 4 {
		m.observe(ctx, oomOn(fmt.Sprintf("w%d", i), "n1", c.now()))
	}
	c.advance(5 * time.Second)
	m.flush(ctx)
	if len(r.notes) != 0 {
		t.Fatalf("posted alone while a storm was gathering: %v", r.reasons())
	}
	if got := m.active[Key{Cluster: "prod", Namespace: "storm", Kind: "Deployment", Name: "w0", Container: "app"}].skipped; got != Gathering {
		t.Fatalf("decision = %s, want %s", got, Gathering)
	}
	c.advance(time.Second)
	m.observe(ctx, oomOn("w4", "n1", c.now()))
	m.flush(ctx)
	storms, members, alone := split(r)
	if len(storms) != 1 || len(members) != 5 || len(alone) != 0 {
		t.Fatalf("storms %d, members %d, standalone %d; want 1, 5, 0", len(storms), len(members), len(alone))
	}
}

func TestStormHoldsAtMostOneMoreGroupWait(t *testing.T) {
	ctx := t.Context()
	m, r, _, _, c := stormManager(t, true)
	for i := range 3 {
		m.observe(ctx, oomOn(fmt.Sprintf("w%d", i), "n1", c.now()))
	}
	lone := obs("api-1", 1, c.now(), diagnose.Segfault)
	m.observe(ctx, lone)
	c.advance(5 * time.Second)
	m.flush(ctx)
	if _, _, alone := split(r); len(alone) != 1 || alone[0].Incident.Key != apiKey {
		t.Fatalf("the lone crash loop must go out after the group-wait: %v", r.reasons())
	}
	c.advance(5 * time.Second)
	m.flush(ctx)
	if storms, _, alone := split(r); len(storms) != 0 || len(alone) != 4 {
		t.Fatalf("after two group-waits, %d storms and %d standalone; want 0 and 4", len(storms), len(alone))
	}
}
