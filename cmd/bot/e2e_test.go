package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/internal/testbin"
)

func TestMain(m *testing.M) {
	code := lctest.Run(m)
	testbin.Clean()
	os.Exit(code)
}

// runningBot is a crashloop-bot process under test.
type runningBot = testbin.Process

// startBinary runs `crashloop-bot run --config FILE --kubeconfig KC` with a
// Slack token in the environment, watching namespace ns, keeping its state
// in the file statePath.
func startBinary(t *testing.T, env *lctest.Env, ns string, slackURL, statePath string) *runningBot {
	t.Helper()
	return startBinaryWith(t, env, ns, slackURL, fmt.Sprintf("store:\n  path: %s\n", statePath), "watch synced")
}

// startBinaryWith is startBinary with extra YAML (store, leader_election)
// and the log text that says the bot is up.
func startBinaryWith(t *testing.T, env *lctest.Env, ns string, slackURL, extra, upWhen string) *runningBot {
	t.Helper()
	kc := adminKubeconfig(t, env)
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf(`cluster_name: e2e
watch:
  namespaces: [%s]
  group_wait: 1s
  resolve_after: 2s
  update_interval: 2s
slack:
  api_url: %s
  channel: "#alerts"
digest:
  enabled: false
server:
  listen: ""
log:
  level: debug
%s`, ns, slackURL, extra))
	rb := launch(t, cfg, kc)
	waitUntil(t, "the bot to log "+upWhen, 20*time.Second, func() bool {
		return strings.Contains(rb.Out.String(), upWhen)
	})
	return rb
}

// launch runs `crashloop-bot run --config cfg --kubeconfig kc` with a Slack
// bot token (and any extra environment) and stops it when the test ends,
// showing its output if the test failed.
func launch(t *testing.T, cfg, kc string, env ...string) *runningBot {
	t.Helper()
	return testbin.Start(t, "the bot", []string{"run", "--config", cfg, "--kubeconfig", kc},
		append([]string{"SLACK_BOT_TOKEN=" + slackserver.DefaultToken}, env...)...)
}

// writeTemp writes content to a new file in a test directory and returns its path.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// adminKubeconfig writes an admin kubeconfig for the test cluster.
func adminKubeconfig(t *testing.T, env *lctest.Env) string {
	t.Helper()
	kc := filepath.Join(t.TempDir(), "kubeconfig")
	if err := env.Cluster.WriteKubeconfig(kc, ""); err != nil {
		t.Fatal(err)
	}
	return kc
}

func waitUntil(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), d)
	defer cancel()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("timed out after %s waiting for %s", d, what)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func topLevel(srv *slackserver.Server) []slackserver.Message { return srv.Messages() }

func containerSpec(name string) corev1.PodSpec {
	return corev1.PodSpec{Containers: []corev1.Container{{Name: name, Image: "registry.example.com/" + name + ":1.0"}}}
}

// TestBinaryAlertsOncePerWorkloadAndResolves drives a Deployment into a crash
// loop replica by replica and checks what Slack received: one message naming
// the workload and cause, updated as replicas crash, resolved with a thread
// reply when it recovers, nothing for an image pull back-off or a healthy
// workload, and nothing new after a restart of the bot.
func TestBinaryAlertsOncePerWorkloadAndResolves(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{PostsPerSecond: 1, PostBurst: 3})
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	state := filepath.Join(t.TempDir(), "state.db")

	api, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 3, Template: containerSpec("api")})
	if err != nil {
		t.Fatal(err)
	}
	web, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "web", Replicas: 1, Template: containerSpec("web")})
	if err != nil {
		t.Fatal(err)
	}
	bot := startBinary(t, env, ns, srv.URL(), state)

	if _, err := sim.ImagePullBackOff(ctx, web[0], "web"); err != nil {
		t.Fatal(err)
	}
	crash := kubesim.Crash{Container: "api", ExitCode: 1, Log: "starting api\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a5b3c]\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:42 +0x1d\n"}
	if _, err := sim.CrashLoop(ctx, api[0], crash); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the alert", 20*time.Second, func() bool { return len(topLevel(srv)) == 1 })
	msg := topLevel(srv)[0]
	for _, want := range []string{"api", ns, "nil pointer dereference"} {
		if !strings.Contains(string(msg.Blocks)+msg.Text, want) {
			t.Errorf("alert does not mention %q:\n%s\n%s", want, msg.Text, msg.Blocks)
		}
	}
	if msg.Channel != slackserver.ChannelID("#alerts") {
		t.Errorf("posted to %s, want #alerts", msg.Channel)
	}

	for _, p := range api[1:] {
		if _, err := sim.CrashLoop(ctx, p, crash); err != nil {
			t.Fatal(err)
		}
	}
	waitUntil(t, "the message to count 3 pods", 30*time.Second, func() bool {
		m, _ := srv.Message(msg.Channel, msg.TS)
		return m.Updates > 0 && strings.Contains(string(m.Blocks), "Pods affected (3)")
	})

	for _, p := range api {
		if _, err := sim.Recover(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	waitUntil(t, "the resolution", 40*time.Second, func() bool {
		m, _ := srv.Message(msg.Channel, msg.TS)
		return strings.Contains(m.Text+string(m.Blocks), "Resolved") && len(m.Replies) > 0
	})
	if n := len(topLevel(srv)); n != 1 {
		t.Fatalf("Slack received %d top-level messages, want exactly 1 (image pull back-offs and healthy pods must not alert)", n)
	}

	// A restart over the same state, while the old BackOff events are still
	// listed, must not announce anything again.
	bot.Stop()
	startBinary(t, env, ns, srv.URL(), state)
	time.Sleep(3 * time.Second)
	if n := len(topLevel(srv)); n != 1 {
		t.Fatalf("after a restart Slack has %d top-level messages, want 1", n)
	}
}

// TestBinarySurvivesSlackOutage: the alert is delivered once Slack is back.
func TestBinarySurvivesSlackOutage(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "worker", Replicas: 1, Template: containerSpec("worker")})
	if err != nil {
		t.Fatal(err)
	}
	startBinary(t, env, ns, srv.URL(), filepath.Join(t.TempDir(), "state.db"))
	srv.SetOutage(6 * time.Second)
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "worker", ExitCode: 137, Reason: "OOMKilled"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "delivery after the outage", 60*time.Second, func() bool { return len(topLevel(srv)) == 1 })
	// (The first call may be the search for a message posted before the
	// start, or the post itself: either way the outage held it up.)
	failed := 0
	for _, c := range srv.Calls() {
		if c.Status == 503 {
			failed++
		}
	}
	if failed == 0 {
		t.Fatal("the outage rejected no call: the test did not test anything")
	}
}

// TestFailoverContinuesIncident runs two replicas with leader election and
// the ConfigMap store, kills the leader mid-incident, and checks that the
// new leader updates the same Slack message and resolves it: one message,
// nothing posted twice, nothing lost.
func TestFailoverContinuesIncident(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{Channels: []string{"#alerts"}}) // #alerts resolves to its ID
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	ha := fmt.Sprintf(`store:
  backend: configmap
  namespace: %s
leader_election:
  enabled: true
  namespace: %s
  lease_duration: 3s
  renew_deadline: 2s
  retry_period: 500ms
`, ns, ns)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 3, Template: containerSpec("api")})
	if err != nil {
		t.Fatal(err)
	}
	a := startBinaryWith(t, env, ns, srv.URL(), ha, "watch synced")
	b := startBinaryWith(t, env, ns, srv.URL(), ha, "another replica leads")

	crash := kubesim.Crash{Container: "api", ExitCode: 1, Log: "Error: Cannot find module 'express'\n"}
	if _, err := sim.CrashLoop(ctx, pods[0], crash); err != nil {
		t.Fatal(err)
	}
	waitCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := srv.WaitFor(waitCtx, func() bool { return len(topLevel(srv)) == 1 }); err != nil {
		t.Fatal("no alert from the leader")
	}
	msg := topLevel(srv)[0]
	// The leader dies mid-incident, the moment its message is in Slack:
	// maybe before it recorded where the message is. The next leader finds
	// it either way (the store, else the channel's history).
	_ = a.Cmd.Process.Kill() // no goodbye: the lease must expire
	<-a.Done()
	waitUntil(t, "the standby to take over", 20*time.Second, func() bool {
		return strings.Contains(b.Out.String(), "leading: watching and posting")
	})
	for _, p := range pods[1:] {
		if _, err := sim.CrashLoop(ctx, p, crash); err != nil {
			t.Fatal(err)
		}
	}
	waitUntil(t, "the new leader to update the same message", 30*time.Second, func() bool {
		m, _ := srv.Message(msg.Channel, msg.TS)
		return strings.Contains(string(m.Blocks), "Pods affected (3)")
	})
	for _, p := range pods {
		if _, err := sim.Recover(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	waitUntil(t, "the resolution", 30*time.Second, func() bool {
		m, _ := srv.Message(msg.Channel, msg.TS)
		return strings.Contains(m.Text+string(m.Blocks), "Resolved")
	})
	if n := len(topLevel(srv)); n != 1 {
		t.Fatalf("Slack has %d top-level messages after failover, want 1", n)
	}
}

// TestBinaryConsoleSinkOutOfTheBox runs the binary with no Slack token and
// nearly default configuration (digest on, console sink), with its HTTP
// port taken by another process: the alert is still printed to the terminal.
func TestBinaryConsoleSinkOutOfTheBox(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "worker", Replicas: 1, Template: containerSpec("worker")})
	if err != nil {
		t.Fatal(err)
	}
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf("watch: {namespaces: [%s], group_wait: 1s}\nserver: {listen: '%s'}\nstore: {path: %s}\n",
		ns, busy.Addr(), filepath.Join(t.TempDir(), "state.db")))
	rb := launch(t, cfg, adminKubeconfig(t, env), "SLACK_BOT_TOKEN=")
	waitUntil(t, "watch sync", 20*time.Second, func() bool { return strings.Contains(rb.Out.String(), "watch synced") })
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "worker", ExitCode: 127, Message: "exec: \"/app/worker\": stat /app/worker: no such file or directory"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the console alert", 20*time.Second, func() bool {
		out := rb.Out.String()
		return strings.Contains(out, "CrashLoopBackOff: "+ns+"/worker") && strings.Contains(out, "command_not_found")
	})
	if !strings.Contains(rb.Out.String(), "HTTP server not running") {
		t.Error("the busy port was not reported")
	}
}
