package main

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// podWithStatus creates pod in the cluster, running, then sets its IP.
func podWithStatus(t *testing.T, env *lctest.Env, pod *corev1.Pod, ip string) {
	t.Helper()
	ctx := t.Context()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	created, err := sim.CreatePod(ctx, pod)
	if err != nil {
		t.Fatal(err)
	}
	created.Status.PodIP = ip
	created.Status.PodIPs = []corev1.PodIP{{IP: ip}}
	if _, err := env.Admin.CoreV1().Pods(pod.Namespace).UpdateStatus(ctx, created, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
}

func httpProbePod(ns, name, path string, port int) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{
			Name: "app", Image: "registry.example.com/app:1",
			LivenessProbe: &corev1.Probe{TimeoutSeconds: 1, ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{
				Path: path, Port: intstr.FromInt(port),
			}}},
		}}},
	}
}

// nonLoopbackAddr returns an address of this machine that is not
// loopback, or "" when it has none.
func nonLoopbackAddr() string {
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil && !n.IP.IsLinkLocalUnicast() {
			return n.IP.String()
		}
	}
	return ""
}

// Attack 2: with commands.run_probes, a probe's httpGet.path of
// "//127.0.0.1:PORT/x" made the bot request another host, and a pod IP of
// 127.0.0.1 or the bot's own address made it request itself. The probe
// goes to the pod IP and port only, the path stays a path, and loopback,
// link-local and the bot's own addresses are refused as pod IPs.
func TestBinaryProbeRequestsOnlyThePod(t *testing.T) {
	env := lctest.Get(t)
	ns := env.Namespace(t)
	var hits atomic.Int32
	target := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprintln(w, "internal secret")
	}), ReadHeaderTimeout: 5 * time.Second}
	l, err := net.Listen("tcp", ":0") // every address of this machine
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = target.Serve(l) }()
	defer target.Close()
	port := l.Addr().(*net.TCPAddr).Port

	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	in := slackserver.NewInbound(slackserver.InboundOptions{})
	defer in.Close()
	b := launchSlackBot(t, env, srv, in, fmt.Sprintf("watch:\n  namespaces: [%s]\nstore:\n  backend: memory\ncommands:\n  run_probes: true\n", ns))

	// TEST-NET-1: routed nowhere, so a probe that goes where it should
	// reaches nothing.
	podWithStatus(t, env, httpProbePod(ns, "path-to-loopback", fmt.Sprintf("//127.0.0.1:%d/latest/meta-data", port), 8080), "192.0.2.10")
	podWithStatus(t, env, httpProbePod(ns, "ip-loopback", "/metrics", port), "127.0.0.1")
	podWithStatus(t, env, httpProbePod(ns, "ip-unspecified", "/metrics", port), "0.0.0.0")
	podWithStatus(t, env, httpProbePod(ns, "ip-metadata", "/latest/meta-data", 80), "169.254.169.254")
	names := []string{"path-to-loopback", "ip-loopback", "ip-unspecified", "ip-metadata"}
	if own := nonLoopbackAddr(); own != "" {
		podWithStatus(t, env, httpProbePod(ns, "ip-own", "/metrics", port), own)
		names = append(names, "ip-own")
	}
	for _, name := range names {
		answer := b.ask(t, "U0ALICE", "C0ALERTS", "probe "+ns+"/"+name)
		if !strings.Contains(answer, "Probe run") {
			t.Errorf("%s: answer %s", name, answer)
		}
		if strings.Contains(answer, "HTTP 200") {
			t.Errorf("%s: the probe reached something: %s", name, answer)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("probes reached a host other than the pod %d times", n)
	}
}
