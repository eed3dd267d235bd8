package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// Attack 3: "*" in commands.access means the watched namespaces minus the
// excluded ones, never every namespace of the cluster.
func TestBinaryStarIsOnlyTheWatchedNamespaces(t *testing.T) {
	env := lctest.Get(t)
	watched, unwatched, excluded := env.Namespace(t), env.Namespace(t), env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	for _, ns := range []string{watched, unwatched, excluded} {
		if _, err := sim.CreatePod(t.Context(), &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "app-1"}, Spec: containerSpec("app")}); err != nil {
			t.Fatal(err)
		}
	}
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	in := slackserver.NewInbound(slackserver.InboundOptions{})
	defer in.Close()
	b := launchSlackBot(t, env, srv, in, fmt.Sprintf(`watch:
  namespaces: [%s, %s]
  exclude_namespaces: [%s]
store:
  backend: memory
commands:
  access:
    - users: [U0ADMIN]
      namespaces: ["*"]
`, watched, excluded, excluded))
	if answer := b.ask(t, "U0ADMIN", "D0ADMIN", "describe "+watched+"/app-1"); !strings.Contains(answer, watched+"/app-1") || strings.Contains(answer, "🚫") {
		t.Fatalf("watched namespace: %s", answer)
	}
	for _, ns := range []string{unwatched, excluded, "kube-system", "default"} {
		if answer := b.ask(t, "U0ADMIN", "D0ADMIN", "describe "+ns+"/app-1"); !strings.Contains(answer, "🚫") {
			t.Errorf("%s: %s", ns, answer)
		}
	}
}

// Attack 1 against the binary: a "#name" in commands.access is resolved to
// the channel's ID at start; a channel that only calls itself so, or a DM
// ("directmessage"), is denied.
func TestBinaryResolvesChannelNamesAtStart(t *testing.T) {
	env := lctest.Get(t)
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	if _, err := sim.CreatePod(t.Context(), &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "app-1"}, Spec: containerSpec("app")}); err != nil {
		t.Fatal(err)
	}
	srv := slackserver.New(slackserver.Options{Conversations: []slackserver.Conversation{
		{ID: "C0PAYONCALL", Name: "payments-oncall"}, {ID: "G0PRIVATE", Name: "directmessage", Private: true},
	}})
	defer srv.Close()
	in := slackserver.NewInbound(slackserver.InboundOptions{})
	defer in.Close()
	b := launchSlackBot(t, env, srv, in, fmt.Sprintf(`watch:
  namespaces: [%s]
store:
  backend: memory
commands:
  access:
    - channels: ["#payments-oncall", "#directmessage"]
      namespaces: ["*"]
`, ns))
	waitUntil(t, "the channel names to be resolved", 20*time.Second, func() bool {
		return strings.Contains(b.Out.String(), "resolved the channel names")
	})
	if answer := b.ask(t, "U0ANN", "C0PAYONCALL", "describe "+ns+"/app-1"); strings.Contains(answer, "🚫") || !strings.Contains(answer, "app-1") {
		t.Fatalf("the named channel: %s", answer)
	}
	for _, ch := range []string{"C0EVIL", "D0EVE", "c0payoncall"} {
		if answer := b.ask(t, "U0EVE", ch, "describe "+ns+"/app-1"); !strings.Contains(answer, "🚫") {
			t.Errorf("from %s: %s", ch, answer)
		}
	}
}
