package deploy_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/kube"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// requestLog records every request a client makes and the status it got,
// so a test can prove that nothing the bot did was Forbidden, including
// requests whose errors the bot turns into a gap or a friendly reply.
type requestLog struct {
	mu   sync.Mutex
	reqs []loggedRequest
	next http.RoundTripper
}

type loggedRequest struct {
	method, path, query string
	status              int
}

func (l *requestLog) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := l.next.RoundTrip(req)
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	l.mu.Lock()
	l.reqs = append(l.reqs, loggedRequest{req.Method, req.URL.Path, req.URL.RawQuery, status})
	l.mu.Unlock()
	return resp, err
}

// forbidden lists the requests answered 403.
func (l *requestLog) forbidden() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, r := range l.reqs {
		if r.status == http.StatusForbidden {
			out = append(out, r.method+" "+r.path+"?"+r.query)
		}
	}
	return out
}

// saw reports whether a request with this method and path was made.
func (l *requestLog) saw(method, path string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.ContainsFunc(l.reqs, func(r loggedRequest) bool { return r.method == method && r.path == path })
}

// recordedBotClient is botClient with every request logged.
func recordedBotClient(t *testing.T, env *lctest.Env, ns string) (kubernetes.Interface, *requestLog) {
	t.Helper()
	cfg, err := env.Cluster.ServiceAccountConfig(t.Context(), ns, botName)
	if err != nil {
		t.Fatal(err)
	}
	log := &requestLog{}
	cfg = rest.CopyConfig(cfg)
	cfg.Wrap(func(rt http.RoundTripper) http.RoundTripper { log.next = rt; return log })
	c, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, log
}

// workloads are one crash-looping pod behind every kind of owner a command
// can name, created as admin in ns.
type workloads struct {
	pod     string // a bare pod
	deploy  string // its crash-looping pod
	rs      string // the Deployment's ReplicaSet
	cronPod string // the pod of the CronJob's latest Job
}

func makeWorkloads(t *testing.T, env *lctest.Env, ns string) workloads {
	t.Helper()
	ctx := t.Context()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	crash := func(pod *corev1.Pod, container string) *corev1.Pod {
		t.Helper()
		p, err := sim.CrashLoop(ctx, pod, kubesim.Crash{Container: container, ExitCode: 1, Log: "Error: connect ECONNREFUSED 10.0.0.7:5432\n"})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// ownedPod creates a running pod controlled by owner, with labels, then crashes it.
	ownedPod := func(name string, labels map[string]string, owner metav1.OwnerReference) *corev1.Pod {
		t.Helper()
		spec := podSpec("app")
		if owner.Kind == "Job" {
			spec.RestartPolicy = corev1.RestartPolicyOnFailure
		}
		p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, Labels: labels}, Spec: spec}
		if owner.Kind != "" {
			p.OwnerReferences = []metav1.OwnerReference{owner}
		}
		created, err := sim.CreatePod(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return crash(created, "app")
	}
	ctrl := func(apiVersion, kind, name string, uid types.UID) metav1.OwnerReference {
		yes := true
		return metav1.OwnerReference{APIVersion: apiVersion, Kind: kind, Name: name, UID: uid, Controller: &yes}
	}

	var w workloads
	w.pod = ownedPod("debug", nil, metav1.OwnerReference{}).Name

	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "web", Replicas: 1, Template: podSpec("web")})
	if err != nil {
		t.Fatal(err)
	}
	w.deploy = crash(pods[0], "web").Name
	w.rs = metav1.GetControllerOf(pods[0]).Name

	stsPods, err := sim.CreateStatefulSet(ctx, kubesim.StatefulSet{Namespace: ns, Name: "cache", Replicas: 1, Template: podSpec("cache")})
	if err != nil {
		t.Fatal(err)
	}
	crash(stsPods[0], "cache")

	dsLabels := map[string]string{"app": "logger"}
	ds := &appsv1.DaemonSet{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "logger"},
		Spec: appsv1.DaemonSetSpec{
			Selector: &metav1.LabelSelector{MatchLabels: dsLabels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: dsLabels}, Spec: podSpec("app")},
		},
	}
	if ds, err = env.Admin.AppsV1().DaemonSets(ns).Create(ctx, ds, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	ownedPod("logger-x1", dsLabels, ctrl("apps/v1", "DaemonSet", ds.Name, ds.UID))

	// A Job of its own, and one run of a CronJob (a Job it controls): the
	// API server gives each Job a selector on its controller-uid label.
	job := func(name string, owner *batchv1.CronJob) *batchv1.Job {
		t.Helper()
		spec := podSpec("app")
		spec.RestartPolicy = corev1.RestartPolicyOnFailure
		j := &batchv1.Job{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name},
			Spec: batchv1.JobSpec{Template: corev1.PodTemplateSpec{Spec: spec}}}
		if owner != nil {
			j.OwnerReferences = []metav1.OwnerReference{ctrl("batch/v1", "CronJob", owner.Name, owner.UID)}
		}
		j, err := env.Admin.BatchV1().Jobs(ns).Create(ctx, j, metav1.CreateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	imp := job("import", nil)
	ownedPod("import-x1", imp.Spec.Selector.MatchLabels, ctrl("batch/v1", "Job", imp.Name, imp.UID))

	cjSpec := podSpec("app")
	cjSpec.RestartPolicy = corev1.RestartPolicyOnFailure
	cj := &batchv1.CronJob{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "nightly"},
		Spec: batchv1.CronJobSpec{Schedule: "0 3 * * *", JobTemplate: batchv1.JobTemplateSpec{Spec: batchv1.JobSpec{
			Template: corev1.PodTemplateSpec{Spec: cjSpec}}}}}
	if cj, err = env.Admin.BatchV1().CronJobs(ns).Create(ctx, cj, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	run := job("nightly-29000000", cj)
	w.cronPod = ownedPod("nightly-29000000-x1", run.Spec.Selector.MatchLabels, ctrl("batch/v1", "Job", run.Name, run.UID)).Name
	return w
}

// silencer stands in for the incident manager: applying a silence to a live
// incident touches no cluster object.
type silencer struct{}

func (silencer) SilencesChanged() bool { return true }

// driveCommandsAs runs every slash command and presses every alert button,
// for every kind of workload, wired as cmd/bot wires them but with the
// ServiceAccount's client (store, probes and all), and fails on any request
// the API server answered Forbidden, even when the bot turned it into a
// polite reply. A missing RBAC verb (jobs list for ns/cronjob/name) shows
// up here.
func driveCommandsAs(t *testing.T, env *lctest.Env, a access, watch []string) {
	t.Helper()
	ctx := t.Context()
	w := makeWorkloads(t, env, a.watched)
	client, log := recordedBotClient(t, env, a.own)
	st := store.NewConfigMaps(client, a.own, store.Options{})
	q := kube.NewQuery(client, kube.QueryOptions{})
	cmds := bot.NewCommands(bot.CommandOptions{
		Cluster: "test", Access: bot.DefaultAccess([]string{"C0ALERTS"}, watch, []string{"kube-system"}),
		Kube: q, Prober: q, Incidents: st, Silences: st, Silencer: silencer{},
		Logger: slog.New(slog.DiscardHandler),
	})
	caller := bot.Caller{UserID: "U1", UserName: "ann", ChannelID: "C0ALERTS"}
	ns := a.watched

	// An open incident, as the leader would have stored it, for status and
	// the buttons.
	now := time.Now().UTC().Truncate(time.Second)
	inc := incident.Incident{
		ID:    fmt.Sprintf("rbac-cmd-%d", now.UnixNano()),
		Key:   incident.Key{Cluster: "test", Namespace: ns, Kind: "Deployment", Name: "web", Container: "web"},
		State: incident.Open, OpenedAt: now, UpdatedAt: now, LastCrashAt: now,
		Pods: []string{w.deploy}, PodCount: 1, Selector: "app=web",
		Report: diagnose.Report{Pod: ns + "/" + w.deploy},
	}
	if err := st.Save(ctx, inc); err != nil {
		t.Fatalf("save incident as the bot: %v", err)
	}

	texts := []string{
		"help",
		"status",
		"status " + ns,
		"describe " + ns + "/" + w.pod,
		"describe " + ns + "/deployment/web",
		"describe " + ns + "/replicaset/" + w.rs,
		"describe " + ns + "/statefulset/cache",
		"describe " + ns + "/daemonset/logger",
		"describe " + ns + "/job/import",
		"describe " + ns + "/cronjob/nightly",
		"logs " + ns + "/" + w.pod,
		"logs " + ns + "/" + w.pod + " app --current --tail 5",
		"logs " + ns + "/deployment/web --previous",
		"logs " + ns + "/statefulset/cache",
		"logs " + ns + "/daemonset/logger",
		"logs " + ns + "/job/import",
		"logs " + ns + "/cronjob/nightly",
		"probe " + ns + "/" + w.pod,
		"probe " + ns + "/deployment/web",
		"probe " + ns + "/cronjob/nightly",
		"silence " + ns + "/deployment/web 1h",
		"unsilence " + ns + "/deployment/web",
	}
	check := func(what string, r bot.Reply) {
		t.Helper()
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if r.Error {
			t.Errorf("%s: error reply %s", what, b)
		}
		if s := strings.ToLower(string(b)); strings.Contains(s, "forbidden") || strings.Contains(s, "not allowed to read") || strings.Contains(s, "cannot get") || strings.Contains(s, "cannot list") {
			t.Errorf("%s: the reply shows a permission error: %s", what, b)
		}
	}
	for _, text := range texts {
		check("/crashloop "+text, cmds.Run(ctx, caller, text, "test"))
	}
	value := bot.EncodeButtonValue(inc)
	for _, action := range []string{bot.ActionLogs, bot.ActionDescribe, bot.ActionProbe, bot.ActionSilence1h, bot.ActionSilence24h, bot.ActionUnsilence} {
		r, _ := cmds.Press(ctx, caller, action, value)
		check("button "+action, r)
	}
	// A button whose pod is gone falls back on the workload's crashing pod.
	gone := inc
	gone.Report.Pod, gone.Pods = ns+"/web-gone", nil
	r, _ := cmds.Press(ctx, caller, bot.ActionDescribe, bot.EncodeButtonValue(gone))
	check("button describe, pod gone", r)

	// Recovery checks, both ways the manager asks.
	health := kube.NewHealth(client)
	for _, i := range []incident.Incident{inc, {Key: inc.Key, Pods: []string{w.deploy, "web-gone"}}} {
		if _, err := health.CheckHealth(ctx, i); err != nil {
			t.Errorf("health check %+v: %v", i.Key, err)
		}
	}

	if f := log.forbidden(); len(f) > 0 {
		t.Errorf("requests the bot's ServiceAccount was refused:\n  %s", strings.Join(f, "\n  "))
	}
	// The paths that once lacked a verb really ran.
	if !log.saw("GET", "/apis/batch/v1/namespaces/"+ns+"/jobs") {
		t.Error("no Job list seen: the cronjob path did not run")
	}
}
