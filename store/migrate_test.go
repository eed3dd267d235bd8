package store

import (
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
)

// legacyRecord is an open incident as versions before message references
// wrote it: the Slack channel, channel ID and ts inside the incident.
const legacyRecord = `{"id":"shop/Deployment/api[api]@1764061200000","key":{"cluster":"prod","namespace":"shop","kind":"Deployment","name":"api","container":"api"},` +
	`"state":"open","channel":"#alerts","channel_id":"C0ALERTS","message_ts":"1764061205.000100",` +
	`"opened_at":"2026-11-25T09:00:00Z","updated_at":"2026-11-25T09:00:05Z","last_crash_at":"2026-11-25T09:00:00Z",` +
	`"pods":["api-1"],"pod_count":1,"restarts":3,"report":{"pod":"shop/api-1","healthy":false,"category":"oom_killed","containers":[]},` +
	`"silenced_until":"2026-11-25T10:00:00Z"}`

const legacyID = "shop/Deployment/api[api]@1764061200000"

// checkMigrated: the incident still loads, and its message reference is
// found where the bot looks for it.
func checkMigrated(t *testing.T, st Store) {
	t.Helper()
	active, err := st.Active(t.Context())
	if err != nil || len(active) != 1 || active[0].ID != legacyID || active[0].Report.Category != "oom_killed" || active[0].Restarts != 3 {
		t.Fatalf("legacy incident did not load: %+v, %v", active, err)
	}
	r, ok, err := st.MessageRef(t.Context(), legacyID)
	want := MessageRef{Subject: legacyID, Channel: "C0ALERTS", TS: "1764061205.000100"}
	if err != nil || !ok || r != want {
		t.Fatalf("migrated message = %+v, %v, %v; want %+v", r, ok, err, want)
	}
}

func TestFileMigratesLegacyMessageRefs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	// A database as the previous version left it.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		incs, err := tx.CreateBucket(bucketIncidents)
		if err != nil {
			return err
		}
		act, err := tx.CreateBucket(bucketActive)
		if err != nil {
			return err
		}
		if err := incs.Put([]byte(legacyID), []byte(legacyRecord)); err != nil {
			return err
		}
		return act.Put([]byte(legacyID), nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	f := mustOpen(t, path, Options{})
	checkMigrated(t, f)
	// A later save of the incident (without the old fields) keeps it.
	active, _ := f.Active(t.Context())
	save(t, f, active[0])
	f.Close()
	checkMigrated(t, mustOpen(t, path, Options{}))
}

func TestConfigMapsMigrateLegacyMessageRefs(t *testing.T) {
	env := lctest.Get(t)
	ns := env.Namespace(t)
	cm := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: incidentName(legacyID), Namespace: ns,
			Labels:      map[string]string{LabelManagedBy: ManagedBy, LabelObject: "incident", LabelState: string(incident.Open)},
			Annotations: map[string]string{AnnotationID: legacyID}},
		Data: map[string]string{incidentKey: legacyRecord},
	}
	if _, err := env.Admin.CoreV1().ConfigMaps(ns).Create(t.Context(), cm, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	st := NewConfigMaps(env.Admin, ns, Options{})
	checkMigrated(t, st)
	active, _ := st.Active(t.Context())
	save(t, st, active[0])
	checkMigrated(t, NewConfigMaps(env.Admin, ns, Options{}))
}
