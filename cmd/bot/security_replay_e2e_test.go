package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// Attack 4: two replicas behind one Service each kept their own replay
// cache, so a captured request ran once per replica. With the state in
// ConfigMaps they share the replay record: it runs once per deployment.
func TestBinaryReplicasRunARequestOnce(t *testing.T) {
	env := lctest.Get(t)
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	in := slackserver.NewInbound(slackserver.InboundOptions{})
	defer in.Close()
	yaml := fmt.Sprintf("watch:\n  namespaces: [%s]\nstore:\n  backend: configmap\n  namespace: %s\nleader_election:\n  enabled: true\n  namespace: %s\n", ns, ns, ns)
	a := launchSlackBot(t, env, srv, in, yaml)
	b := launchSlackBot(t, env, srv, in, yaml)
	for i, order := range [][2]*slackBot{{a, b}, {b, a}} {
		// Each round's request differs in its body (its response URL), not
		// only in its timestamp: Slack's timestamps are in seconds, and one
		// second earlier can be the very second of the round before.
		req := signedSlash(t, order[0].addr, "U0ALICE", "C0ALERTS", "help", in.ResponseURL(fmt.Sprintf("r%d", i)), time.Now())
		body, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(strings.NewReader(string(body)))
		if status, ack := send(t, req); status != http.StatusOK || !strings.Contains(ack, "describe") {
			t.Fatalf("first replica: %d %s", status, ack)
		}
		again, _ := http.NewRequest(http.MethodPost, "http://"+order[1].addr+bot.CommandsPath, strings.NewReader(string(body)))
		again.Header = req.Header.Clone()
		if status, ack := send(t, again); status != http.StatusUnauthorized {
			t.Fatalf("the same request at the other replica: %d %s", status, ack)
		}
	}
}
