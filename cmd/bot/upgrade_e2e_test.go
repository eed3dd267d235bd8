package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	bolt "go.etcd.io/bbolt"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// TestUpgradeKeepsUpdatingTheOldMessage: a state file written by the
// version before message references (the Slack channel ID and ts inside
// the incident record) is loaded by this binary, which updates the message
// posted back then instead of posting a new one.
func TestUpgradeKeepsUpdatingTheOldMessage(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 1, Template: containerSpec("api")})
	if err != nil {
		t.Fatal(err)
	}

	// The message the previous version posted, and its state file.
	api := slack.New(slackserver.DefaultToken, slack.OptionAPIURL(srv.URL()))
	chID, ts, err := api.PostMessageContext(ctx, "#alerts", slack.MsgOptionText("posted by the previous version", false))
	if err != nil {
		t.Fatal(err)
	}
	opened := time.Now().Add(-10 * time.Minute).UTC()
	id := fmt.Sprintf("%s/Deployment/api[api]@%d", ns, opened.UnixMilli())
	record := fmt.Sprintf(`{"id":%q,"key":{"cluster":"e2e","namespace":%q,"kind":"Deployment","name":"api","container":"api"},`+
		`"state":"open","channel":"#alerts","channel_id":%q,"message_ts":%q,"opened_at":%q,"updated_at":%q,"last_crash_at":%q,`+
		`"pods":[%q],"pod_count":1,"restarts":2,"report":{"pod":"%s/%s","healthy":false,"category":"app_crash","containers":[]}}`,
		id, ns, chID, ts, opened.Format(time.RFC3339), opened.Format(time.RFC3339), opened.Format(time.RFC3339),
		pods[0].Name, ns, pods[0].Name)
	state := filepath.Join(t.TempDir(), "state.db")
	db, err := bolt.Open(state, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		incs, err := tx.CreateBucket([]byte("incidents"))
		if err != nil {
			return err
		}
		active, err := tx.CreateBucket([]byte("active"))
		if err != nil {
			return err
		}
		if err := incs.Put([]byte(id), []byte(record)); err != nil {
			return err
		}
		return active.Put([]byte(id), nil)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	startBinary(t, env, ns, srv.URL(), state)
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "api", ExitCode: 1, Log: "panic: boom\n"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the old message to be updated with the new crash", 30*time.Second, func() bool {
		m, _ := srv.Message(chID, ts)
		return m.Updates > 0 && strings.Contains(string(m.Blocks), "api")
	})
	if n := len(topLevel(srv)); n != 1 {
		t.Fatalf("Slack has %d top-level messages after the upgrade, want the old one only", n)
	}
}
