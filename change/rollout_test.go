package change

import (
	"slices"
	"testing"
	"time"
)

func TestDescribeAndRollback(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	crash := now.Add(-5 * time.Minute)
	changes := []Change{
		{Family: Image, Container: "api", Text: "image api:1.8.2 -> api:1.9.0"},
		{Family: Env, Container: "api", Text: "env LOG_LEVEL added"},
	}
	rev := func(n int64, created time.Time, ready int32) *Revision {
		return &Revision{Number: n, Name: "api-" + itoa(n), Created: created, RolledOutAt: created, Ready: ready}
	}
	rollout := func(cur, prev *Revision, latest int64) Rollout {
		return Rollout{Kind: "Deployment", Namespace: "shop", Name: "api", Current: cur, Previous: prev, Latest: latest, Changes: changes}
	}
	for _, tc := range []struct {
		name         string
		r            Rollout
		want         string
		wantRollback string
	}{
		{"nothing known", Rollout{Kind: "Pod", Name: "x"}, "", ""},
		{"rollout then crash, previous still serving",
			rollout(rev(14, crash.Add(-2*time.Minute), 0), rev(13, now.Add(-72*time.Hour), 2), 14),
			"began 2 min after rollout to revision 14: image api:1.8.2 -> api:1.9.0, env LOG_LEVEL added",
			"kubectl rollout undo deployment/api -n shop --to-revision=13"},
		{"previous ran for days before it was replaced, no pods left",
			rollout(rev(14, crash.Add(-40*time.Second), 0), rev(13, now.Add(-72*time.Hour), 0), 14),
			"began 40 s after rollout to revision 14: image api:1.8.2 -> api:1.9.0, env LOG_LEVEL added",
			"kubectl rollout undo deployment/api -n shop --to-revision=13"},
		{"previous lived briefly and has no ready pods: no advice",
			rollout(rev(14, crash.Add(-2*time.Minute), 0), rev(13, crash.Add(-10*time.Minute), 0), 14),
			"began 2 min after rollout to revision 14: image api:1.8.2 -> api:1.9.0, env LOG_LEVEL added", ""},
		{"unchanged for days",
			rollout(rev(14, now.Add(-12*24*time.Hour), 3), rev(13, now.Add(-20*24*time.Hour), 0), 14),
			"the workload has not changed for 12 days", ""},
		// A new workload crashing is not news about its history: nothing
		// about "revision 1 was created".
		{"new workload, first revision",
			rollout(rev(1, crash.Add(-3*time.Minute), 0), nil, 1), "", ""},
		{"new workload crashing at once",
			rollout(rev(1, crash, 0), nil, 1), "", ""},
		{"first revision, old workload",
			rollout(rev(1, now.Add(-50*time.Hour), 0), nil, 1),
			"the workload has not changed for 2 days", ""},
		{"earlier revisions pruned",
			rollout(rev(6, crash.Add(-3*time.Minute), 0), nil, 6),
			"began 3 min after rollout to revision 6 (earlier revisions no longer kept)", ""},
		{"history unreadable",
			Rollout{Kind: "Deployment", Namespace: "shop", Name: "api", Current: rev(14, crash.Add(-2*time.Minute), 0), HistoryUnknown: true},
			"began 2 min after rollout to revision 14 (earlier revisions unreadable)", ""},
		{"rollback: current revision is older than the previous one",
			rollout(&Revision{Number: 15, Created: now.Add(-30 * 24 * time.Hour), RolledOutAt: crash.Add(-time.Minute)}, rev(14, now.Add(-time.Hour), 3), 15),
			"began 1 min after rollback to revision 15: image api:1.8.2 -> api:1.9.0, env LOG_LEVEL added", ""},
		{"workload already moved on",
			rollout(rev(14, crash.Add(-2*time.Minute), 0), rev(13, now.Add(-72*time.Hour), 2), 15),
			"the pod runs revision 14 but the workload is at revision 15", ""},
		{"statefulset",
			Rollout{Kind: "StatefulSet", Namespace: "db", Name: "pg", Current: rev(3, crash.Add(-2*time.Hour), 0), Previous: rev(2, now.Add(-9*24*time.Hour), 1), Latest: 3},
			"began 2 h after rollout to revision 3 (pod template unchanged)", "kubectl rollout undo statefulset/pg -n db --to-revision=2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Describe(tc.r, crash, now); got != tc.want {
				t.Errorf("Describe =\n  %q\nwant\n  %q", got, tc.want)
			}
			if got := tc.r.Rollback(crash); got != tc.wantRollback {
				t.Errorf("Rollback = %q, want %q", got, tc.wantRollback)
			}
		})
	}
}

func TestDescribeConfig(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	crash := now.Add(-5 * time.Minute)
	old := &Revision{Number: 7, Created: now.Add(-40 * 24 * time.Hour), RolledOutAt: now.Add(-40 * 24 * time.Hour)}
	r := Rollout{Kind: "Deployment", Namespace: "shop", Name: "api", Current: old, Previous: &Revision{Number: 6}, Latest: 7,
		Config: []ConfigChange{
			{Kind: "ConfigMap", Name: "api-config", ModifiedAt: crash.Add(-3 * time.Minute), Manager: "kubectl-edit"},
			{Kind: "ConfigMap", Name: "old-config", ModifiedAt: crash.Add(-3 * time.Hour)},
			{Kind: "ConfigMap", Name: "flags", ModifiedAt: crash.Add(-10 * time.Second)},
			{Kind: "ConfigMap", Name: "later", ModifiedAt: crash.Add(3 * time.Minute)},
			{Kind: "ConfigMap", Name: "gone", Missing: true},
		}}
	want := "the workload has not changed for 40 days; configmap api-config was modified by kubectl-edit 3 min before the crash loop began; " +
		"configmap flags was modified just before the crash loop began; configmap gone is missing"
	if got := Describe(r, crash, now); got != want {
		t.Fatalf("Describe =\n  %q\nwant\n  %q", got, want)
	}
	// Config alone, for a bare pod.
	bare := Rollout{Kind: "Pod", Name: "x", Config: r.Config[:1]}
	if got, want := Describe(bare, time.Time{}, crash), "configmap api-config was modified by kubectl-edit 3 min before the crash loop began"; got != want {
		t.Fatalf("Describe with zero crash start = %q, want %q", got, want)
	}
}

func TestNextSteps(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	r := Rollout{Kind: "Deployment", Namespace: "shop", Name: "api", Latest: 2,
		Current:  &Revision{Number: 2, Created: now, RolledOutAt: now},
		Previous: &Revision{Number: 1, Created: now.Add(-time.Hour), RolledOutAt: now.Add(-time.Hour), Ready: 1},
		Secrets:  []string{"db-creds", "api-token"},
	}
	want := []string{
		"Revision 1 was healthy; roll back to it while revision 2 is fixed:",
		"kubectl rollout undo deployment/api -n shop --to-revision=1",
		"kubectl rollout history deployment/api -n shop --revision=2",
		"The pod also reads Secrets db-creds, api-token; the bot never reads Secrets, so check whether they changed.",
	}
	if got := NextSteps(r, now.Add(time.Minute)); !slices.Equal(got, want) {
		t.Fatalf("NextSteps =\n  %q\nwant\n  %q", got, want)
	}
	if got := NextSteps(Rollout{Kind: "Pod"}, now); len(got) != 0 {
		t.Fatalf("NextSteps for nothing known = %q", got)
	}
}

func TestRollbackCommand(t *testing.T) {
	for kind, want := range map[string]string{
		"Deployment":  "kubectl rollout undo deployment/api -n shop --to-revision=13",
		"DaemonSet":   "kubectl rollout undo daemonset/api -n shop --to-revision=13",
		"StatefulSet": "kubectl rollout undo statefulset/api -n shop --to-revision=13",
		"CronJob":     "",
		"Pod":         "",
	} {
		if got := RollbackCommand(kind, "shop", "api", 13); got != want {
			t.Errorf("RollbackCommand(%s) = %q, want %q", kind, got, want)
		}
	}
}
