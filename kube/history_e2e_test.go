package kube_test

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/crashloop-bot/crashloop-bot/change"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/kube"
)

// pathRecorder records the path of every request a client makes.
type pathRecorder struct {
	mu    sync.Mutex
	paths []string
	next  http.RoundTripper
}

func (p *pathRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	p.mu.Lock()
	p.paths = append(p.paths, req.Method+" "+req.URL.Path)
	p.mu.Unlock()
	return p.next.RoundTrip(req)
}

// leastPrivilege returns a client for a ServiceAccount that may read what
// History needs in ns but no Secrets, and a recorder of its requests.
func leastPrivilege(t *testing.T, env *lctest.Env, ns string) (kubernetes.Interface, *pathRecorder) {
	t.Helper()
	ctx := t.Context()
	role := &rbacv1.Role{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "crashloop-bot"},
		Rules: []rbacv1.PolicyRule{
			{APIGroups: []string{""}, Resources: []string{"pods", "configmaps"}, Verbs: []string{"get", "list"}},
			{APIGroups: []string{"apps"}, Resources: []string{"replicasets", "deployments", "statefulsets", "daemonsets", "controllerrevisions"}, Verbs: []string{"get", "list"}},
		},
	}
	if _, err := env.Admin.RbacV1().Roles(ns).Create(ctx, role, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	binding := &rbacv1.RoleBinding{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "crashloop-bot"},
		RoleRef:    rbacv1.RoleRef{APIGroup: "rbac.authorization.k8s.io", Kind: "Role", Name: "crashloop-bot"},
		Subjects:   []rbacv1.Subject{{Kind: "ServiceAccount", Namespace: ns, Name: "crashloop-bot"}},
	}
	if _, err := env.Admin.RbacV1().RoleBindings(ns).Create(ctx, binding, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	cfg, err := env.Cluster.ServiceAccountConfig(ctx, ns, "crashloop-bot")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The account really may not read Secrets (RBAC can take a moment).
	waitFor(t, "RBAC", 5*time.Second, func() bool {
		_, err := plain.AppsV1().ReplicaSets(ns).List(ctx, metav1.ListOptions{})
		return err == nil
	})
	if _, err := plain.CoreV1().Secrets(ns).Get(ctx, "db-creds", metav1.GetOptions{}); !apierrors.IsForbidden(err) {
		t.Fatalf("reading a secret as the bot: %v, want Forbidden", err)
	}
	rec := &pathRecorder{}
	cfg = rest.CopyConfig(cfg)
	cfg.Wrap(func(rt http.RoundTripper) http.RoundTripper { rec.next = rt; return rec })
	client, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return client, rec
}

func apiSpec(image string, env ...corev1.EnvVar) corev1.PodSpec {
	return corev1.PodSpec{
		Containers: []corev1.Container{{
			Name: "api", Image: image,
			Env: append([]corev1.EnvVar{{Name: "DB_PASSWORD", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
				LocalObjectReference: corev1.LocalObjectReference{Name: "db-creds"}, Key: "password"}}}}, env...),
			VolumeMounts: []corev1.VolumeMount{{Name: "config", MountPath: "/etc/api"}},
		}},
		Volumes: []corev1.Volume{{Name: "config", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
			LocalObjectReference: corev1.LocalObjectReference{Name: "api-config"}}}}},
	}
}

// TestWhatChangedAfterRollout: a Deployment rolled from a healthy revision 1
// to a crashing revision 2, with its ConfigMap edited just before, seen by
// the bot's least-privilege ServiceAccount.
func TestWhatChangedAfterRollout(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)

	secret := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "db-creds"}, StringData: map[string]string{"password": "hunter2"}}
	if _, err := env.Admin.CoreV1().Secrets(ns).Create(ctx, secret, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "api-config"}, Data: map[string]string{"pool": "10"}}
	cm, err := env.Admin.CoreV1().ConfigMaps(ns).Create(ctx, cm, metav1.CreateOptions{FieldManager: "helm"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 2, Template: apiSpec("shop/api:1.8.2")}); err != nil {
		t.Fatal(err)
	}
	pods, err := sim.RollOut(ctx, ns, "api", apiSpec("shop/api:1.9.0", corev1.EnvVar{Name: "LOG_LEVEL", Value: "debug"}), 1)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // managedFields times have second resolution
	cm.Data["pool"] = "0"
	if _, err := env.Admin.CoreV1().ConfigMaps(ns).Update(ctx, cm, metav1.UpdateOptions{FieldManager: "kubectl-edit"}); err != nil {
		t.Fatal(err)
	}
	crashed, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "api", ExitCode: 1, Log: "panic: pool size 0\n"})
	if err != nil {
		t.Fatal(err)
	}

	client, rec := leastPrivilege(t, env, ns)
	// Wired as the pipeline would: the gatherer resolves the owner.
	g, err := kube.NewGatherer(client, kube.GatherOptions{}).GatherPod(ctx, crashed)
	if err != nil {
		t.Fatal(err)
	}
	r, err := kube.NewHistory(client).WhatChanged(ctx, g.Input.Pod, g.Owner)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	line := change.Describe(r, now, now)
	t.Logf("what changed: %s", line)
	t.Logf("next steps: %q", change.NextSteps(r, now))

	if r.Current == nil || r.Current.Number != 2 || r.Previous == nil || r.Previous.Number != 1 || r.Previous.Ready != 2 {
		t.Fatalf("revisions %+v / %+v", r.Current, r.Previous)
	}
	if !strings.Contains(line, "after rollout to revision 2: image api:1.8.2 -> api:1.9.0, env LOG_LEVEL added") {
		t.Errorf("line %q does not name the rollout and its changes", line)
	}
	if !strings.Contains(line, "configmap api-config was modified by kubectl-edit") {
		t.Errorf("line %q does not name the ConfigMap edit", line)
	}
	want := "kubectl rollout undo deployment/api -n " + ns + " --to-revision=1"
	if got := r.Rollback(now); got != want {
		t.Errorf("rollback %q, want %q", got, want)
	}
	if !slices.Equal(r.Secrets, []string{"db-creds"}) || !slices.ContainsFunc(change.NextSteps(r, now), func(s string) bool { return strings.Contains(s, "db-creds") }) {
		t.Errorf("secret not named: %v", r.Secrets)
	}
	if len(r.Gaps) != 0 {
		t.Errorf("gaps %v: the least-privilege account should read all History needs", r.Gaps)
	}
	if strings.Contains(line+strings.Join(change.NextSteps(r, now), ""), "hunter2") {
		t.Error("secret value leaked")
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, p := range rec.paths {
		if strings.Contains(p, "/secrets") {
			t.Errorf("the bot requested %s", p)
		}
		if !strings.Contains(p, "/namespaces/"+ns+"/") {
			t.Errorf("request outside the pod's namespace: %s", p)
		}
	}
}

// TestWhatChangedStatefulSet: revisions come from ControllerRevisions.
func TestWhatChangedStatefulSet(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	spec := func(memory string) corev1.PodSpec {
		return corev1.PodSpec{Containers: []corev1.Container{{Name: "db", Image: "postgres:17",
			Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse(memory)}}}}}
	}
	if _, err := sim.CreateStatefulSet(ctx, kubesim.StatefulSet{Namespace: ns, Name: "db", Replicas: 2, Template: spec("256Mi")}); err != nil {
		t.Fatal(err)
	}
	pod, err := sim.RollOutStatefulSet(ctx, ns, "db", spec("128Mi"))
	if err != nil {
		t.Fatal(err)
	}
	if pod, err = sim.CrashLoop(ctx, pod, kubesim.Crash{Container: "db", ExitCode: 137, Reason: "OOMKilled"}); err != nil {
		t.Fatal(err)
	}
	r, err := kube.NewHistory(env.Admin).WhatChanged(ctx, pod, kube.Owner{Kind: "StatefulSet", Name: "db"})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	t.Logf("what changed: %s", change.Describe(r, now, now))
	if r.Current == nil || r.Current.Number != 2 || r.Previous == nil || r.Previous.Number != 1 || r.Previous.Ready != 1 {
		t.Fatalf("revisions %+v / %+v", r.Current, r.Previous)
	}
	if len(r.Changes) != 1 || r.Changes[0].Text != "memory limit 256Mi -> 128Mi" {
		t.Fatalf("changes %+v", r.Changes)
	}
	if got, want := r.Rollback(now), "kubectl rollout undo statefulset/db -n "+ns+" --to-revision=1"; got != want {
		t.Fatalf("rollback %q, want %q", got, want)
	}
}

// TestWhatChangedNewWorkload: a Deployment that crashes as soon as it is
// created (every demo workload) has nothing to say about "what changed":
// not "began 0 s after revision 1 was created", and not the
// kube-root-ca.crt ConfigMap of the token volume Kubernetes adds to every
// pod (missing here: no controller-manager publishes it).
func TestWhatChangedNewWorkload(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	spec := apiSpec("shop/api:1.0.0")
	spec.Containers[0].VolumeMounts, spec.Volumes = nil, nil // no config of its own
	// What the ServiceAccount admission plugin adds to a pod (it is off on
	// the test API server, which has no controller-manager).
	expiry := int64(3607)
	spec.ServiceAccountName = "default"
	spec.Volumes = append(spec.Volumes, corev1.Volume{Name: "kube-api-access-x7k2p", VolumeSource: corev1.VolumeSource{Projected: &corev1.ProjectedVolumeSource{
		Sources: []corev1.VolumeProjection{
			{ServiceAccountToken: &corev1.ServiceAccountTokenProjection{Path: "token", ExpirationSeconds: &expiry}},
			{ConfigMap: &corev1.ConfigMapProjection{LocalObjectReference: corev1.LocalObjectReference{Name: "kube-root-ca.crt"},
				Items: []corev1.KeyToPath{{Key: "ca.crt", Path: "ca.crt"}}}},
		}}}})
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 1, Template: spec})
	if err != nil {
		t.Fatal(err)
	}
	crashed, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "api", ExitCode: 1, Log: "panic: boom\n"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := kube.NewHistory(env.Admin).WhatChanged(ctx, crashed, kube.Owner{Kind: "Deployment", Name: "api"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current == nil || r.Current.Number != 1 || r.Previous != nil {
		t.Fatalf("revisions %+v / %+v, want revision 1 alone", r.Current, r.Previous)
	}
	for _, c := range r.Config {
		if c.Name == "kube-root-ca.crt" {
			t.Errorf("config lists the auto-mounted %+v", c)
		}
	}
	now := time.Now()
	if line := change.Describe(r, crashed.CreationTimestamp.Time, now); line != "" {
		t.Errorf("what changed = %q, want nothing for a new workload", line)
	}
}
