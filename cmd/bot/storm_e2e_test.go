package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// TestBinaryCrashStormIsOneMessage: many Deployments OOM-killed at once on
// one node, with Slack's own rate limits. The released binary posts one
// storm message within group-wait + 5 s of the first BackOff, names every
// workload (message and thread), keeps 429s under 5% of its Slack calls,
// has every thread reply out within 60 s of the storm's end, lets
// latecomers join the storm, and still gives 3 unrelated workloads that
// crash at the same time on the same node with other causes 3 messages.
//
// The default run storms 20 Deployments x 3 replicas; `make bench`
// (test/load) runs the full 100 x 10.
func TestBinaryCrashStormIsOneMessage(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{Limits: slackserver.SlackLimits()})
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	const workloads, replicas, late = 20, 3, 3
	const groupWait = time.Second // startBinaryWith's watch.group_wait

	var ws []kubesim.StormWorkload
	for i := range workloads + late {
		ws = append(ws, kubesim.StormWorkload{Name: fmt.Sprintf("svc-%03d", i), Image: fmt.Sprintf("registry.example.com/svc-%03d:1.0", i), Replicas: replicas})
	}
	pods, err := sim.CreateStorm(ctx, ns, ws, 8)
	if err != nil {
		t.Fatal(err)
	}
	unrelated := map[string]kubesim.Crash{
		"web":    {Container: "web", ExitCode: 1, Log: "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation]\n"},
		"worker": {Container: "worker", ExitCode: 1, Log: "Error: listen EADDRINUSE: address already in use :::8080\n"},
		"cron":   {Container: "cron", ExitCode: 127, Message: `exec: "/app/run": stat /app/run: no such file or directory`},
	}
	others := map[string]*corev1.Pod{}
	for name := range unrelated {
		p, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: name, Replicas: 1, Template: containerSpec(name)})
		if err != nil {
			t.Fatal(err)
		}
		others[name] = p[0]
	}
	startBinaryWith(t, env, ns, srv.URL(), fmt.Sprintf("store:\n  path: %s\n", filepath.Join(t.TempDir(), "state.db")), "watch synced")

	var storm []*corev1.Pod
	for _, w := range ws[:workloads] {
		storm = append(storm, pods[w.Name]...)
	}
	firstBackOff := time.Now()
	errs := make(chan error, 1)
	go func() {
		for name, c := range unrelated {
			if _, err := sim.CrashLoop(ctx, others[name], c); err != nil {
				errs <- err
				return
			}
		}
		errs <- nil
	}()
	if err := sim.CrashAll(ctx, storm, kubesim.Crash{Container: "app", ExitCode: 137, Reason: "OOMKilled"}, 16); err != nil {
		t.Fatal(err)
	}
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	stormEnd := time.Now()
	t.Logf("crashed %d pods of %d workloads and 3 unrelated pods in %s", len(storm), workloads, stormEnd.Sub(firstBackOff).Round(time.Millisecond))

	isStorm := func(m slackserver.Message) bool { return strings.Contains(m.Text, "Crash storm") }
	named := func(m slackserver.Message) map[string]bool {
		out := map[string]bool{}
		text := m.AllText()
		for _, r := range m.Replies {
			text += "\n" + r.AllText()
		}
		for _, w := range ws {
			if strings.Contains(text, ns+"/"+w.Name) {
				out[w.Name] = true
			}
		}
		return out
	}
	waitUntil(t, "the storm message", groupWait+30*time.Second, func() bool {
		for _, m := range srv.Messages() {
			if isStorm(m) {
				return true
			}
		}
		return false
	})
	waitUntil(t, "every storm workload named", 90*time.Second, func() bool {
		n := 0
		for _, m := range srv.Messages() {
			if isStorm(m) {
				n += len(named(m))
			}
		}
		return n >= workloads
	})

	// Latecomers crash after the storm message went out: they join it.
	var latePods []*corev1.Pod
	for _, w := range ws[workloads:] {
		latePods = append(latePods, pods[w.Name]...)
	}
	if err := sim.CrashAll(ctx, latePods, kubesim.Crash{Container: "app", ExitCode: 137, Reason: "OOMKilled"}, 8); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the latecomers in the storm", 60*time.Second, func() bool {
		n := 0
		for _, m := range srv.Messages() {
			if isStorm(m) {
				n += len(named(m))
			}
		}
		return n == workloads+late
	})
	waitUntil(t, "a message for each unrelated workload", 30*time.Second, func() bool {
		n := 0
		for _, m := range srv.Messages() {
			for name := range unrelated {
				if !isStorm(m) && strings.Contains(m.Text, ns+"/"+name) {
					n++
				}
			}
		}
		return n == len(unrelated)
	})

	var stormMsgs []slackserver.Message
	var lastReply time.Time
	for _, m := range srv.Messages() {
		if !isStorm(m) {
			continue
		}
		stormMsgs = append(stormMsgs, m)
		for _, r := range m.Replies {
			if r.PostedAt.After(lastReply) && !strings.Contains(r.Text, "recovered") {
				lastReply = r.PostedAt
			}
		}
	}
	if n := len(stormMsgs); n > 3 {
		t.Errorf("%d top-level storm messages, want at most 3", n)
	}
	if d := stormMsgs[0].PostedAt.Sub(firstBackOff); d > groupWait+5*time.Second {
		t.Errorf("first storm message %s after the first BackOff, want within group-wait (%s) + 5s", d, groupWait)
	}
	if strings.Contains(stormMsgs[0].AllText(), "Also crashing") {
		t.Error("the storm message repeats the blast-radius line")
	}
	if !strings.Contains(stormMsgs[0].Text, "node "+lctest.NodeName) {
		t.Errorf("the storm does not name the shared node: %q", stormMsgs[0].Text)
	}
	var m slackserver.Message
	waitUntil(t, "the storm message to count the latecomers", 30*time.Second, func() bool {
		m, _ = srv.Message(stormMsgs[0].Channel, stormMsgs[0].TS)
		return strings.Contains(m.Text, fmt.Sprintf("%d workloads", workloads+late))
	})
	if d := lastReply.Sub(stormEnd); d > 60*time.Second {
		t.Errorf("the last thread reply came %s after the storm's end, want within 60s", d)
	}
	limited, calls := srv.RateLimited("chat.postMessage", "chat.update")
	if limited*20 >= calls {
		t.Errorf("%d of %d Slack calls answered 429, want under 5%%", limited, calls)
	}
	t.Logf("storm: %d top-level messages, first after %s, %d replies, last reply %s after the storm; %d of %d calls answered 429",
		len(stormMsgs), stormMsgs[0].PostedAt.Sub(firstBackOff).Round(time.Millisecond), len(m.Replies),
		lastReply.Sub(stormEnd).Round(time.Millisecond), limited, calls)
}
