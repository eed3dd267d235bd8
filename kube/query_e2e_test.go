package kube_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
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

// TestRunProbe runs HTTP and TCP probes against a pod whose IP is loopback.
func TestRunProbe(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz":
			w.WriteHeader(http.StatusOK)
		case "/slow":
			time.Sleep(1500 * time.Millisecond)
		default:
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	_, portStr, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	port, _ := strconv.Atoi(portStr)
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: "x", Name: "p"},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{
			Name: "app", Ports: []corev1.ContainerPort{{Name: "http", ContainerPort: int32(port)}},
		}}},
		Status: corev1.PodStatus{PodIP: "127.0.0.1"},
	}
	httpProbe := func(path string, p intstr.IntOrString) *corev1.Probe {
		return &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: path, Port: p}}, TimeoutSeconds: 1}
	}
	q := kube.NewQuery(nil, kube.QueryOptions{})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for _, tc := range []struct {
		name    string
		pod     *corev1.Pod
		probe   *corev1.Probe
		want    string
		wantErr string
	}{
		{"http ok by name", pod, httpProbe("/healthz", intstr.FromString("http")), "HTTP 200", ""},
		{"http 503", pod, httpProbe("/down", intstr.FromInt(port)), "", "HTTP 503"},
		{"http timeout", pod, httpProbe("/slow", intstr.FromInt(port)), "", "timed out"},
		{"tcp", pod, &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt(port)}}}, "TCP connect", ""},
		{"other host", pod, &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Host: "169.254.169.254", Port: intstr.FromInt(80)}}}, "", "probe not run"},
		{"exec", pod, &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"true"}}}}, "", "probe not run"},
		{"unknown port name", pod, httpProbe("/", intstr.FromString("admin")), "", "probe not run"},
		{"host network", func() *corev1.Pod { p := pod.DeepCopy(); p.Spec.HostNetwork = true; return p }(), httpProbe("/healthz", intstr.FromInt(port)), "", "probe not run"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, lat, err := q.RunProbe(ctx, tc.pod, tc.probe)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				if lat > 1500*time.Millisecond {
					t.Fatalf("took %s, beyond the probe's timeout", lat)
				}
				return
			}
			if err != nil || res != tc.want {
				t.Fatalf("got %q, %v; want %q", res, err, tc.want)
			}
		})
	}
}
