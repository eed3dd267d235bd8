package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

func inc(id string, state incident.State, opened, resolved time.Time) incident.Incident {
	return incident.Incident{
		ID: id, State: state, OpenedAt: opened, ResolvedAt: resolved,
		Key:    incident.Key{Namespace: "shop", Kind: "Deployment", Name: id, Container: "c"},
		Pods:   []string{id + "-1"},
		Report: diagnose.Report{Pod: "shop/" + id + "-1", Finding: diagnose.Finding{Category: diagnose.OOMKilled}},
	}
}

func TestFileSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state", "incidents.json")
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	f, err := OpenFile(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []incident.Incident{
		inc("b", incident.Open, t0.Add(time.Hour), time.Time{}),
		inc("a", incident.Pending, t0, time.Time{}),
		inc("c", incident.Resolved, t0, t0.Add(2*time.Hour)),
	} {
		if err := f.Save(ctx, i); err != nil {
			t.Fatal(err)
		}
	}
	again, err := OpenFile(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	active, _ := again.Active(ctx)
	if len(active) != 2 || active[0].ID != "a" || active[1].ID != "b" {
		t.Fatalf("active after reopen = %+v", active)
	}
	if active[1].Report.Category != diagnose.OOMKilled || active[1].Pods[0] != "b-1" {
		t.Fatalf("incident not kept whole: %+v", active[1])
	}
	all, _ := again.All(ctx)
	if len(all) != 3 {
		t.Fatalf("all = %d, want 3", len(all))
	}
}

func TestRetentionPrunesOldResolved(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	m := NewMemory(24 * time.Hour)
	m.now = func() time.Time { return now }
	m.Save(ctx, inc("old", incident.Resolved, now.Add(-72*time.Hour), now.Add(-48*time.Hour)))
	m.Save(ctx, inc("recent", incident.Resolved, now.Add(-3*time.Hour), now.Add(-2*time.Hour)))
	m.Save(ctx, inc("open", incident.Open, now.Add(-96*time.Hour), time.Time{}))
	all, _ := m.All(ctx)
	var ids []string
	for _, i := range all {
		ids = append(ids, i.ID)
	}
	if strings.Join(ids, ",") != "open,recent" {
		t.Fatalf("kept %v, want open and recent", ids)
	}
}

func TestCorruptFileNamesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "incidents.json")
	os.WriteFile(path, []byte("{not json"), 0o600)
	_, err := OpenFile(path, 0)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v", err)
	}
}
