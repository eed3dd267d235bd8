package kube_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/kube"
)

// TestQueryAgainstAPIServer runs the commands' cluster side against a real
// API server: a Deployment's crashing pod, its previous log, its events,
// and NotFound for what does not exist; then /crashloop commands end to end.
func TestQueryAgainstAPIServer(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 3, Template: podSpec("api")})
	if err != nil {
		t.Fatal(err)
	}
	crashed, err := sim.CrashLoop(ctx, pods[1], kubesim.Crash{Container: "api", ExitCode: 1,
		Log: "starting\npanic: dial tcp 10.0.0.7:5432: connect: connection refused password=s3cr3t\n"})
	if err != nil {
		t.Fatal(err)
	}
	q := kube.NewQuery(env.Admin, kube.QueryOptions{})

	got, err := q.CrashingPod(ctx, ns, "Deployment", "api")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != crashed.Name {
		t.Fatalf("crashing pod = %s, want %s", got.Name, crashed.Name)
	}
	logs, err := q.Logs(ctx, ns, crashed.Name, "api", true, 10)
	if err != nil || !strings.Contains(logs, "connection refused") {
		t.Fatalf("previous logs = %q, %v", logs, err)
	}
	events, err := q.PodEvents(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 || events[len(events)-1].Reason != "BackOff" {
		t.Fatalf("events = %+v", events)
	}
	if _, err := q.Pod(ctx, ns, "nope"); !apierrors.IsNotFound(err) {
		t.Fatalf("missing pod: %v", err)
	}
	for _, kind := range []string{"Deployment", "StatefulSet", "CronJob"} {
		if _, err := q.CrashingPod(ctx, ns, kind, "nope"); !apierrors.IsNotFound(err) {
			t.Fatalf("missing %s: %v", kind, err)
		}
	}
	if err := q.Workload(ctx, ns, "Deployment", "api"); err != nil {
		t.Fatalf("existing deployment: %v", err)
	}
	if err := q.Workload(ctx, ns, "Pod", crashed.Name); err != nil {
		t.Fatalf("existing pod: %v", err)
	}
	for _, kind := range []string{"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "Widget"} {
		if err := q.Workload(ctx, ns, kind, "nope"); !apierrors.IsNotFound(err) {
			t.Fatalf("missing %s: %v", kind, err)
		}
	}

	// The commands end to end, through the real API server.
	cmds := bot.NewCommands(bot.CommandOptions{
		Cluster: "test", Kube: q, Logger: slog.New(slog.DiscardHandler),
		Access: bot.DefaultAccess([]string{"C0ALERTS"}, []string{ns}, nil),
	})
	caller := bot.Caller{UserID: "U1", ChannelID: "C0ALERTS"}
	for text, want := range map[string]string{
		"describe " + ns + "/deployment/api":  crashed.Name,
		"logs " + ns + "/deploy/api --tail 5": "connection refused password=[REDACTED]",
		"probe " + ns + "/" + pods[0].Name:    "Probe check",
		"describe " + ns + "/missing":         "There is no pod missing",
		"describe " + ns + "/" + crashed.Name: crashed.Name,
		"describe default/kubernetes":         "is not available from this channel",
	} {
		r := cmds.Run(ctx, caller, text, "test")
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r.Blocks); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%q: want %q in\n%s", text, want, b.String())
		}
		// A new workload's first revision is not "what changed".
		if strings.Contains(b.String(), "revision 1") {
			t.Errorf("%q: mentions the first revision:\n%s", text, b.String())
		}
	}
}

// TestRunProbe runs HTTP and TCP probes against a pod whose IP the test's
// dialer routes to a server on loopback, and checks that nothing but the
// pod's IP and port is ever dialed.
func TestRunProbe(t *testing.T) {
	var (
		mu    sync.Mutex
		paths []string
	)
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.RequestURI())
		mu.Unlock()
		switch r.URL.Path {
		case "/healthz":
			w.WriteHeader(http.StatusOK)
		case "/slow":
			time.Sleep(1500 * time.Millisecond)
		case "/redirect":
			http.Redirect(w, r, other.URL+"/metadata", http.StatusFound)
		default:
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	_, portStr, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	port, _ := strconv.Atoi(portStr)
	const podIP = "192.0.2.10" // TEST-NET-1: routed nowhere but by the dialer
	var dialed []string
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		dialed = append(dialed, addr)
		mu.Unlock()
		if host, p, _ := net.SplitHostPort(addr); host == podIP {
			return (&net.Dialer{}).DialContext(ctx, network, net.JoinHostPort("127.0.0.1", p))
		}
		return nil, errors.New("unroutable in this test")
	}
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: "x", Name: "p"},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{
			Name: "app", Ports: []corev1.ContainerPort{{Name: "http", ContainerPort: int32(port)}},
		}}},
		Status: corev1.PodStatus{PodIP: podIP, HostIP: "192.0.2.1"},
	}
	withIP := func(ip string) *corev1.Pod {
		p := pod.DeepCopy()
		p.Status.PodIP = ip
		return p
	}
	httpProbe := func(path string, p intstr.IntOrString) *corev1.Probe {
		return &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: path, Port: p}}, TimeoutSeconds: 1}
	}
	_, otherPort, _ := net.SplitHostPort(strings.TrimPrefix(other.URL, "http://"))
	own := ""
	if addrs, _ := net.InterfaceAddrs(); len(addrs) > 0 {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
				own = n.IP.String()
				break
			}
		}
	}
	q := kube.NewQuery(nil, kube.QueryOptions{ProbeDial: dial})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for _, tc := range []struct {
		name     string
		pod      *corev1.Pod
		probe    *corev1.Probe
		want     string
		wantErr  string
		wantPath string
	}{
		{"http ok by name", pod, httpProbe("/healthz", intstr.FromString("http")), "HTTP 200", "", "/healthz"},
		{"http 503", pod, httpProbe("/down", intstr.FromInt(port)), "", "HTTP 503", "/down"},
		{"http timeout", pod, httpProbe("/slow", intstr.FromInt(port)), "", "timed out", "/slow"},
		{"path naming another host stays a path", pod, httpProbe("//127.0.0.1:"+otherPort+"/metadata?x=1", intstr.FromInt(port)), "", "HTTP 503", "//127.0.0.1:" + otherPort + "/metadata?x=1"},
		{"path with user info stays a path", pod, httpProbe("@127.0.0.1:"+otherPort+"/x", intstr.FromInt(port)), "", "HTTP 503", "/@127.0.0.1:" + otherPort + "/x"},
		{"redirect off the pod is not followed", pod, httpProbe("/redirect", intstr.FromInt(port)), "HTTP 302", "", "/redirect"},
		{"tcp", pod, &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt(port)}}}, "TCP connect", "", ""},
		{"other host", pod, &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Host: "169.254.169.254", Port: intstr.FromInt(80)}}}, "", "probe not run", ""},
		{"exec", pod, &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"true"}}}}, "", "probe not run", ""},
		{"unknown port name", pod, httpProbe("/", intstr.FromString("admin")), "", "probe not run", ""},
		{"host network", func() *corev1.Pod { p := pod.DeepCopy(); p.Spec.HostNetwork = true; return p }(), httpProbe("/healthz", intstr.FromInt(port)), "", "probe not run", ""},
		{"loopback pod IP", withIP("127.0.0.1"), httpProbe("/healthz", intstr.FromInt(port)), "", "loopback", ""},
		{"mapped loopback pod IP", withIP("::ffff:127.0.0.1"), httpProbe("/healthz", intstr.FromInt(port)), "", "loopback", ""},
		{"IPv6 loopback pod IP", withIP("::1"), httpProbe("/healthz", intstr.FromInt(port)), "", "loopback", ""},
		{"unspecified pod IP", withIP("0.0.0.0"), httpProbe("/healthz", intstr.FromInt(port)), "", "unspecified", ""},
		{"metadata pod IP", withIP("169.254.169.254"), &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt(80)}}}, "", "link-local", ""},
		{"IPv6 metadata pod IP", withIP("fd00:ec2::254"), httpProbe("/", intstr.FromInt(80)), "", "metadata", ""},
		{"the node's IP", withIP("192.0.2.1"), httpProbe("/healthz", intstr.FromInt(port)), "", "node", ""},
		{"IP not among the pod's IPs", func() *corev1.Pod {
			p := pod.DeepCopy()
			p.Status.PodIPs = []corev1.PodIP{{IP: "192.0.2.11"}}
			return p
		}(), httpProbe("/healthz", intstr.FromInt(port)), "", "not among", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			paths, dialed = nil, nil
			mu.Unlock()
			res, lat, err := q.RunProbe(ctx, tc.pod, tc.probe)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				if lat > 1500*time.Millisecond {
					t.Fatalf("took %s, beyond the probe's timeout", lat)
				}
			} else if err != nil || res != tc.want {
				t.Fatalf("got %q, %v; want %q", res, err, tc.want)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, d := range dialed {
				if d != net.JoinHostPort(podIP, strconv.Itoa(port)) && d != net.JoinHostPort(podIP, "80") {
					t.Errorf("dialed %s, not the pod", d)
				}
			}
			if strings.Contains(tc.wantErr, "not run") || tc.wantErr == "loopback" || tc.wantErr == "unspecified" || tc.wantErr == "link-local" || tc.wantErr == "node" {
				if len(dialed) != 0 {
					t.Errorf("a refused probe dialed %v", dialed)
				}
			}
			if tc.wantPath != "" && (len(paths) != 1 || paths[0] != tc.wantPath) {
				t.Errorf("the pod saw %q, want %q", paths, tc.wantPath)
			}
		})
	}
	if n := elsewhere.Load(); n != 0 {
		t.Fatalf("a probe reached another host %d times", n)
	}
	if own != "" {
		q := kube.NewQuery(nil, kube.QueryOptions{})
		if _, _, err := q.RunProbe(ctx, withIP(own), httpProbe("/", intstr.FromInt(port))); err == nil || !strings.Contains(err.Error(), "own address") {
			t.Fatalf("the bot's own address %s: %v", own, err)
		}
	}
}
