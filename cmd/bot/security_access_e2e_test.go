package main

import (
	"fmt"
	"strings"
	"testing"

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
