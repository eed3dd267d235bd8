package deploy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/restmapper"
	"k8s.io/client-go/tools/leaderelection/resourcelock"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/kube"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// applier applies rendered objects with server-side apply, as
// `kubectl apply --server-side` does.
type applier struct {
	dyn    dynamic.Interface
	mapper meta.RESTMapper
}

func newApplier(t *testing.T, env *lctest.Env) *applier {
	t.Helper()
	dyn, err := dynamic.NewForConfig(env.AdminConfig())
	if err != nil {
		t.Fatal(err)
	}
	return &applier{dyn: dyn, mapper: restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(env.Admin.Discovery()))}
}

// apply applies objs in order; with dryRun the API server validates,
// defaults and admits them (strict field validation) but stores nothing.
func (a *applier) apply(ctx context.Context, objs []*unstructured.Unstructured, dryRun bool) error {
	force := true
	opts := metav1.PatchOptions{FieldManager: "crashloop-bot-deploy-test", Force: &force, FieldValidation: "Strict"}
	if dryRun {
		opts.DryRun = []string{metav1.DryRunAll}
	}
	for _, o := range objs {
		gvk := o.GroupVersionKind()
		m, err := a.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
		if err != nil {
			return fmt.Errorf("%s: %w", gvk, err)
		}
		var ri dynamic.ResourceInterface = a.dyn.Resource(m.Resource)
		if m.Scope.Name() == meta.RESTScopeNameNamespace {
			ri = a.dyn.Resource(m.Resource).Namespace(o.GetNamespace())
		}
		body, err := json.Marshal(o.Object)
		if err != nil {
			return err
		}
		if _, err := ri.Patch(ctx, o.GetName(), types.ApplyPatchType, body, opts); err != nil {
			return fmt.Errorf("apply %s %s/%s: %w", o.GetKind(), o.GetNamespace(), o.GetName(), err)
		}
	}
	return nil
}

// ensureNamespace creates a namespace that a variant installs into but does
// not create itself (the namespaced variant), or that a dry run needs.
func ensureNamespace(t *testing.T, env *lctest.Env, name string) {
	t.Helper()
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}
	if _, err := env.Admin.CoreV1().Namespaces().Create(t.Context(), ns, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
		t.Fatal(err)
	}
}

// TestServerSideDryRun: the API server accepts every object of both
// variants, and the Secret template, with strict field validation.
func TestServerSideDryRun(t *testing.T) {
	env := lctest.Get(t)
	a := newApplier(t, env)
	for _, v := range variants {
		t.Run(v.dir, func(t *testing.T) {
			// A dry-run Namespace is not created, so the objects in it would
			// fail with "namespace not found".
			ensureNamespace(t, env, v.namespace)
			if err := a.apply(t.Context(), render(t, v.dir), true); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("namespace.yaml", func(t *testing.T) {
		objs, err := decodeAll(yamlBytes(t, "namespace.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := a.apply(t.Context(), objs, true); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("secret.example.yaml", func(t *testing.T) {
		ensureNamespace(t, env, botNamespace)
		objs, err := decodeAll(yamlBytes(t, "secret.example.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := a.apply(t.Context(), objs, true); err != nil {
			t.Fatal(err)
		}
	})
}

func yamlBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestClusterWideRBAC applies deploy/ for real and acts as the bot's
// ServiceAccount: everything the bot does works in any namespace, and
// nothing more.
func TestClusterWideRBAC(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	// As deploy/README.md says: the namespace, then the kustomization.
	nsObjs, err := decodeAll(yamlBytes(t, "namespace.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a := newApplier(t, env)
	if err := a.apply(ctx, nsObjs, false); err != nil {
		t.Fatal(err)
	}
	if err := a.apply(ctx, render(t, clusterDir), false); err != nil {
		t.Fatal(err)
	}
	bot := botClient(t, env, botNamespace)
	watched := env.Namespace(t)
	other := env.Namespace(t)
	acc := access{own: botNamespace, watched: watched, other: other, clusterWide: true}
	checkBotAccess(t, env, bot, acc)
	runBotAs(t, env, botNamespace, watched, nil)
	driveCommandsAs(t, env, acc, nil)
}

// TestNamespacedRBAC installs deploy/namespaced/ into a team's namespace,
// as its README says (my-team replaced), and acts as the bot there: it works
// in that namespace and can read nothing in any other.
func TestNamespacedRBAC(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	team := env.Namespace(t)
	dir := copyNamespacedVariant(t, team)
	if err := newApplier(t, env).apply(ctx, render(t, dir), false); err != nil {
		t.Fatal(err)
	}
	bot := botClient(t, env, team)
	other := env.Namespace(t)
	a := access{own: team, watched: team, other: other}
	checkBotAccess(t, env, bot, a)
	runBotAs(t, env, team, team, []string{team})
	driveCommandsAs(t, env, a, []string{team})
}

// copyNamespacedVariant copies base/ and namespaced/ with my-team replaced
// by ns, and returns the copy of namespaced/.
func copyNamespacedVariant(t *testing.T, ns string) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"base", namespacedDir} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		files, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.IsDir() || !strings.HasSuffix(f.Name(), ".yaml") {
				continue
			}
			b := strings.ReplaceAll(string(yamlBytes(t, filepath.Join(dir, f.Name()))), teamNamespace, ns)
			if err := os.WriteFile(filepath.Join(root, dir, f.Name()), []byte(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return filepath.Join(root, namespacedDir)
}

func botClient(t *testing.T, env *lctest.Env, ns string) kubernetes.Interface {
	t.Helper()
	cfg, err := env.Cluster.ServiceAccountConfig(t.Context(), ns, botName)
	if err != nil {
		t.Fatal(err)
	}
	c, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// access names the namespaces of one check: own is the bot's (Lease,
// state), watched one it diagnoses, other one it must not touch.
type access struct {
	own, watched, other string
	clusterWide         bool
}

// fixtures are workloads of every kind the bot reads, created as admin.
type fixtures struct {
	pod *corev1.Pod
	rs  string
}

func makeFixtures(t *testing.T, env *lctest.Env, ns string) fixtures {
	t.Helper()
	ctx := t.Context()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "shop", Replicas: 1, Template: podSpec("shop")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.CreateStatefulSet(ctx, kubesim.StatefulSet{Namespace: ns, Name: "db", Replicas: 1, Template: podSpec("db")}); err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{"app": "agent"}
	ds := &appsv1.DaemonSet{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "agent"},
		Spec: appsv1.DaemonSetSpec{
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: podSpec("agent")},
		},
	}
	if _, err := env.Admin.AppsV1().DaemonSets(ns).Create(ctx, ds, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	jobSpec := podSpec("migrate")
	jobSpec.RestartPolicy = corev1.RestartPolicyNever
	job := &batchv1.Job{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "migrate"},
		Spec:       batchv1.JobSpec{Template: corev1.PodTemplateSpec{Spec: jobSpec}},
	}
	if _, err := env.Admin.BatchV1().Jobs(ns).Create(ctx, job, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, obj := range []*corev1.ConfigMap{{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "shop-config"}, Data: map[string]string{"a": "b"}}} {
		if _, err := env.Admin.CoreV1().ConfigMaps(ns).Create(ctx, obj, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	secret := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "shop-db"}, StringData: map[string]string{"password": "hunter2"}}
	if _, err := env.Admin.CoreV1().Secrets(ns).Create(ctx, secret, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	env.Kubelet.SetPreviousLogs(ns, pods[0].Name, "shop", "panic: boom\n")
	return fixtures{pod: pods[0], rs: metav1.GetControllerOf(pods[0]).Name}
}

func podSpec(container string) corev1.PodSpec {
	return corev1.PodSpec{Containers: []corev1.Container{{Name: container, Image: "example/" + container + ":1.0"}}}
}

const backOffSelector = "involvedObject.kind=Pod,reason=BackOff"

// checkBotAccess makes, as the bot, every request the bot makes (allowed)
// and requests it must not be able to make (Forbidden).
func checkBotAccess(t *testing.T, env *lctest.Env, bot kubernetes.Interface, a access) {
	ctx := t.Context()
	fx := makeFixtures(t, env, a.watched)
	fxOther := makeFixtures(t, env, a.other)
	ns, pod := a.watched, fx.pod.Name
	get := metav1.GetOptions{}
	eventScope := ns
	if a.clusterWide {
		eventScope = metav1.NamespaceAll // watch.namespaces empty: one cluster-wide watch
	}

	allowed := []struct {
		name string
		do   func(context.Context) error
	}{
		{"list BackOff events", func(ctx context.Context) error {
			_, err := bot.CoreV1().Events(eventScope).List(ctx, metav1.ListOptions{FieldSelector: backOffSelector, Limit: 500})
			return err
		}},
		{"watch BackOff events", func(ctx context.Context) error { return watchBackOff(ctx, env, bot, eventScope, fx.pod) }},
		{"list a pod's events", func(ctx context.Context) error {
			_, err := bot.CoreV1().Events(ns).List(ctx, metav1.ListOptions{FieldSelector: "involvedObject.kind=Pod,involvedObject.name=" + pod})
			return err
		}},
		{"get pod", func(ctx context.Context) error { _, err := bot.CoreV1().Pods(ns).Get(ctx, pod, get); return err }},
		{"list pods by label", func(ctx context.Context) error {
			_, err := bot.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=shop"})
			return err
		}},
		{"get previous log", func(ctx context.Context) error {
			b, err := bot.CoreV1().Pods(ns).GetLogs(pod, &corev1.PodLogOptions{Container: "shop", Previous: true}).DoRaw(ctx)
			if err == nil && string(b) != "panic: boom\n" {
				err = fmt.Errorf("log = %q", b)
			}
			return err
		}},
		{"get replicaset", func(ctx context.Context) error {
			_, err := bot.AppsV1().ReplicaSets(ns).Get(ctx, fx.rs, get)
			return err
		}},
		{"list replicasets", func(ctx context.Context) error {
			_, err := bot.AppsV1().ReplicaSets(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=shop"})
			return err
		}},
		{"get deployment", func(ctx context.Context) error {
			_, err := bot.AppsV1().Deployments(ns).Get(ctx, "shop", get)
			return err
		}},
		{"get statefulset", func(ctx context.Context) error {
			_, err := bot.AppsV1().StatefulSets(ns).Get(ctx, "db", get)
			return err
		}},
		{"get daemonset", func(ctx context.Context) error {
			_, err := bot.AppsV1().DaemonSets(ns).Get(ctx, "agent", get)
			return err
		}},
		{"get job", func(ctx context.Context) error { _, err := bot.BatchV1().Jobs(ns).Get(ctx, "migrate", get); return err }},
		{"list jobs (a CronJob's runs)", func(ctx context.Context) error {
			_, err := bot.BatchV1().Jobs(ns).List(ctx, metav1.ListOptions{Limit: 500})
			return err
		}},
		{"list controllerrevisions", func(ctx context.Context) error {
			_, err := bot.AppsV1().ControllerRevisions(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=db"})
			return err
		}},
		{"get a pod's configmap", func(ctx context.Context) error {
			_, err := bot.CoreV1().ConfigMaps(ns).Get(ctx, "shop-config", get)
			return err
		}},
		{"leader election: create, get, renew the Lease", func(ctx context.Context) error { return leaderElection(ctx, env, bot, a.own) }},
		{"configmap store in its own namespace", func(ctx context.Context) error { return configMapStore(ctx, bot, a.own) }},
	}
	for _, c := range allowed {
		if err := c.do(ctx); err != nil {
			t.Errorf("%s: want allowed, got %v", c.name, err)
		}
	}

	other := a.other
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "crashloop-bot-probe"}}
	forbidden := []struct {
		name string
		do   func(context.Context) error
	}{
		{"get secret", func(ctx context.Context) error {
			_, err := bot.CoreV1().Secrets(ns).Get(ctx, "shop-db", get)
			return err
		}},
		{"list secrets", func(ctx context.Context) error {
			_, err := bot.CoreV1().Secrets(metav1.NamespaceAll).List(ctx, metav1.ListOptions{})
			return err
		}},
		{"get secret in its own namespace", func(ctx context.Context) error {
			_, err := bot.CoreV1().Secrets(a.own).Get(ctx, "crashloop-bot-slack", get)
			return err
		}},
		{"create pod", func(ctx context.Context) error {
			p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "evil"}, Spec: podSpec("evil")}
			_, err := bot.CoreV1().Pods(ns).Create(ctx, p, metav1.CreateOptions{})
			return err
		}},
		{"delete pod", func(ctx context.Context) error { return bot.CoreV1().Pods(ns).Delete(ctx, pod, metav1.DeleteOptions{}) }},
		{"exec into pod", func(ctx context.Context) error {
			return bot.CoreV1().RESTClient().Post().Namespace(ns).Resource("pods").Name(pod).SubResource("exec").
				Param("container", "shop").Param("command", "true").Param("stdout", "true").Do(ctx).Error()
		}},
		{"scale deployment", func(ctx context.Context) error {
			_, err := bot.AppsV1().Deployments(ns).Patch(ctx, "shop", types.MergePatchType, []byte(`{"spec":{"replicas":0}}`), metav1.PatchOptions{})
			return err
		}},
		{"delete deployment", func(ctx context.Context) error {
			return bot.AppsV1().Deployments(ns).Delete(ctx, "shop", metav1.DeleteOptions{})
		}},
		{"create configmap in another namespace", func(ctx context.Context) error {
			_, err := bot.CoreV1().ConfigMaps(other).Create(ctx, cm, metav1.CreateOptions{})
			return err
		}},
		{"delete configmap in another namespace", func(ctx context.Context) error {
			return bot.CoreV1().ConfigMaps(other).Delete(ctx, "shop-config", metav1.DeleteOptions{})
		}},
		{"create lease in another namespace", func(ctx context.Context) error {
			l := &coordinationv1.Lease{ObjectMeta: metav1.ObjectMeta{Name: botName}}
			_, err := bot.CoordinationV1().Leases(other).Create(ctx, l, metav1.CreateOptions{})
			return err
		}},
		{"update another Lease in its own namespace", func(ctx context.Context) error {
			l := &coordinationv1.Lease{ObjectMeta: metav1.ObjectMeta{Name: "someone-elses-lease"}}
			l, err := env.Admin.CoordinationV1().Leases(a.own).Create(ctx, l, metav1.CreateOptions{})
			if err != nil && !apierrors.IsAlreadyExists(err) {
				return fmt.Errorf("setup: %w", err)
			}
			if l == nil || err != nil {
				l, _ = env.Admin.CoordinationV1().Leases(a.own).Get(ctx, "someone-elses-lease", get)
			}
			_, err = bot.CoordinationV1().Leases(a.own).Update(ctx, l, metav1.UpdateOptions{})
			return err
		}},
		{"list role bindings", func(ctx context.Context) error {
			_, err := bot.RbacV1().RoleBindings(a.own).List(ctx, metav1.ListOptions{})
			return err
		}},
		// Least privilege: the bot caches no pods, so it may not watch them.
		{"watch pods", func(ctx context.Context) error {
			w, err := bot.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{})
			if err == nil {
				w.Stop()
			}
			return err
		}},
		{"list nodes", func(ctx context.Context) error {
			_, err := bot.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
			return err
		}},
	}
	if a.clusterWide {
		forbidden = append(forbidden, struct {
			name string
			do   func(context.Context) error
		}{"write configmap in a watched namespace", func(ctx context.Context) error {
			_, err := bot.CoreV1().ConfigMaps(ns).Create(ctx, cm, metav1.CreateOptions{})
			return err
		}})
	} else {
		// The namespaced variant reads nothing outside the namespaces it watches.
		forbidden = append(forbidden, []struct {
			name string
			do   func(context.Context) error
		}{
			{"list events cluster-wide", func(ctx context.Context) error {
				_, err := bot.CoreV1().Events(metav1.NamespaceAll).List(ctx, metav1.ListOptions{FieldSelector: backOffSelector})
				return err
			}},
			{"get pod in an unwatched namespace", func(ctx context.Context) error {
				_, err := bot.CoreV1().Pods(other).Get(ctx, fxOther.pod.Name, get)
				return err
			}},
			{"get log in an unwatched namespace", func(ctx context.Context) error {
				_, err := bot.CoreV1().Pods(other).GetLogs(fxOther.pod.Name, &corev1.PodLogOptions{Container: "shop", Previous: true}).DoRaw(ctx)
				return err
			}},
			{"get deployment in an unwatched namespace", func(ctx context.Context) error {
				_, err := bot.AppsV1().Deployments(other).Get(ctx, "shop", get)
				return err
			}},
		}...)
	}
	for _, c := range forbidden {
		if err := c.do(ctx); !apierrors.IsForbidden(err) {
			t.Errorf("%s: want Forbidden, got %v", c.name, err)
		}
	}
}

// watchBackOff opens the bot's event watch and checks that a kubelet-style
// BackOff event created afterwards arrives through it.
func watchBackOff(ctx context.Context, env *lctest.Env, bot kubernetes.Interface, scope string, pod *corev1.Pod) error {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	w, err := bot.CoreV1().Events(scope).Watch(ctx, metav1.ListOptions{FieldSelector: backOffSelector, AllowWatchBookmarks: true})
	if err != nil {
		return err
	}
	defer w.Stop()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	msg := fmt.Sprintf("Back-off restarting failed container shop in pod %s_%s(%s)", pod.Name, pod.Namespace, pod.UID)
	if err := sim.Event(ctx, pod, "BackOff", msg, corev1.EventTypeWarning); err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	for {
		select {
		case ev, ok := <-w.ResultChan():
			if !ok {
				return fmt.Errorf("watch closed before the event arrived")
			}
			if ev.Type == watch.Error {
				return apierrors.FromObject(ev.Object)
			}
			if e, isEvent := ev.Object.(*corev1.Event); isEvent && e.InvolvedObject.UID == pod.UID {
				return nil
			}
		case <-ctx.Done():
			return fmt.Errorf("no BackOff event through the watch: %w", ctx.Err())
		}
	}
}

// leaderElection does what client-go's leader election does with the bot's
// Lease: get, create, then renew (update).
func leaderElection(ctx context.Context, env *lctest.Env, bot kubernetes.Interface, ns string) error {
	// A rerun (go test -count=2) finds the Lease of the previous one.
	if err := env.Admin.CoordinationV1().Leases(ns).Delete(ctx, botName, metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
		return fmt.Errorf("setup: %w", err)
	}
	lock, err := resourcelock.New(resourcelock.LeasesResourceLock, ns, botName, bot.CoreV1(), bot.CoordinationV1(),
		resourcelock.ResourceLockConfig{Identity: "replica-1"})
	if err != nil {
		return err
	}
	if _, _, err := lock.Get(ctx); !apierrors.IsNotFound(err) {
		return fmt.Errorf("get before create: want NotFound, got %w", err)
	}
	now := metav1.NewTime(time.Now())
	rec := resourcelock.LeaderElectionRecord{HolderIdentity: "replica-1", LeaseDurationSeconds: 15, AcquireTime: now, RenewTime: now}
	if err := lock.Create(ctx, rec); err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if _, _, err := lock.Get(ctx); err != nil {
		return fmt.Errorf("get: %w", err)
	}
	rec.RenewTime = metav1.NewTime(now.Add(2 * time.Second))
	if err := lock.Update(ctx, rec); err != nil {
		return fmt.Errorf("renew: %w", err)
	}
	return nil
}

// configMapStore uses the bot's ConfigMap store: create, list, update.
func configMapStore(ctx context.Context, bot kubernetes.Interface, ns string) error {
	st := store.NewConfigMaps(bot, ns, store.Options{})
	now := time.Now().UTC().Truncate(time.Second)
	inc := incident.Incident{
		ID:    fmt.Sprintf("rbac-%d", now.UnixNano()),
		Key:   incident.Key{Cluster: "test", Namespace: "shop", Kind: "Deployment", Name: "api", Container: "api"},
		State: incident.Open, OpenedAt: now, UpdatedAt: now, LastCrashAt: now,
	}
	if err := st.Save(ctx, inc); err != nil {
		return fmt.Errorf("save: %w", err)
	}
	inc.State, inc.ResolvedAt = incident.Resolved, now
	if err := st.Save(ctx, inc); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	if _, err := st.History(ctx, now.Add(-time.Hour)); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return nil
}

// observer records what the pipeline hands to the incident manager.
type observer struct {
	mu  sync.Mutex
	obs []incident.Observation
}

func (o *observer) Observe(_ context.Context, ob incident.Observation) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.obs = append(o.obs, ob)
}

func (o *observer) find(ns, name string) (incident.Observation, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, ob := range o.obs {
		if ob.Key.Namespace == ns && ob.Key.Name == name {
			return ob, true
		}
	}
	return incident.Observation{}, false
}

// runBotAs runs the bot's real watch/confirm/gather/diagnose pipeline with
// the ServiceAccount's client (the bot's in namespace own) and checks that a crash loop is diagnosed
// from its previous log and rollout history with nothing forbidden.
func runBotAs(t *testing.T, env *lctest.Env, own, watched string, watchNamespaces []string) {
	t.Helper()
	bot, requests := recordedBotClient(t, env, own)
	defer func() {
		// Nothing the pipeline asked for was refused, not even what it
		// would have reported as a gap.
		if f := requests.forbidden(); len(f) > 0 {
			t.Errorf("requests the bot's ServiceAccount was refused:\n  %s", strings.Join(f, "\n  "))
		}
	}()
	ctx, cancel := context.WithCancel(t.Context())
	log := slog.New(slog.DiscardHandler)
	w := kube.NewWatcher(bot, watchNamespaces, []string{"kube-system"}, log)
	rec := &observer{}
	p := kube.NewPipeline(bot, w, kube.NewGatherer(bot, kube.GatherOptions{}), rec, kube.PipelineOptions{Cluster: "test", Logger: log})
	var wg sync.WaitGroup
	wg.Go(func() { _ = p.Run(ctx) })
	defer func() { cancel(); wg.Wait() }()
	waitFor(t, "watch synced", 10*time.Second, w.Synced)

	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)
	pods, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: watched, Name: "checkout", Replicas: 1, Template: podSpec("checkout")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.CrashLoop(ctx, pods[0], kubesim.Crash{Container: "checkout", ExitCode: 1, Log: "Error: connect ECONNREFUSED 10.0.0.7:5432\n"}); err != nil {
		t.Fatal(err)
	}
	var ob incident.Observation
	waitFor(t, "the crash loop diagnosed as the bot's ServiceAccount", 15*time.Second, func() bool {
		var ok bool
		ob, ok = rec.find(watched, "checkout")
		return ok
	})
	if ob.Key.Kind != "Deployment" {
		t.Errorf("owner = %s, want Deployment (pod -> ReplicaSet -> Deployment)", ob.Key.Kind)
	}
	if ob.Report.Category != diagnose.DependencyUnavailable {
		t.Errorf("category = %s, want %s (from the previous log)", ob.Report.Category, diagnose.DependencyUnavailable)
	}
	if ob.Rollout == nil {
		t.Fatal("no rollout history looked up")
	}
	for _, g := range ob.Rollout.Gaps {
		if strings.Contains(g, "forbidden") {
			t.Errorf("rollout history gap: %s", g)
		}
	}
	if ob.Rollout.HistoryUnknown {
		t.Errorf("rollout history unknown: %+v", ob.Rollout)
	}
}

func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestUserOverlaySetsNamespace installs the bot the way a platform team
// would: its own overlay with just `namespace:` over deploy/, into a
// namespace that already exists and is shared with other workloads. The
// overlay renders with kustomize (as kubectl apply -k does), creates or
// relabels no Namespace, moves every object and every binding subject into
// that namespace, applies for real, and the bot works there as its
// ServiceAccount.
func TestUserOverlaySetsNamespace(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	shared := env.Namespace(t)
	// A shared namespace with its own Pod Security level, which the bot's
	// install must not touch.
	nsObj, err := env.Admin.CoreV1().Namespaces().Get(ctx, shared, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	nsObj.Labels = map[string]string{"team": "platform", "pod-security.kubernetes.io/enforce": "baseline"}
	if nsObj, err = env.Admin.CoreV1().Namespaces().Update(ctx, nsObj, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}

	overlay := t.TempDir()
	here, err := filepath.Abs(clusterDir)
	if err != nil {
		t.Fatal(err)
	}
	base, err := filepath.Rel(overlay, here) // kustomize wants a relative path
	if err != nil {
		t.Fatal(err)
	}
	// As deploy/README.md shows it: the namespace, and a config of its own.
	k := fmt.Sprintf(`apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: %s
resources:
  - %s
configMapGenerator:
  - name: crashloop-bot-config
    behavior: replace
    files: [config.yaml]
`, shared, base)
	cfgText := strings.Replace(string(yamlBytes(t, "config.yaml")), "cluster_name: kubernetes", "cluster_name: platform-eu", 1)
	for name, text := range map[string]string{"kustomization.yaml": k, "config.yaml": cfgText} {
		if err := os.WriteFile(filepath.Join(overlay, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	objs := render(t, overlay)
	var cm corev1.ConfigMap
	var dep appsv1.Deployment
	for _, o := range objs {
		switch o.GetKind() {
		case "ConfigMap":
			convert(t, o, &cm)
		case "Deployment":
			convert(t, o, &dep)
		}
	}
	if cfg := loadConfig(t, cm.Data["config.yaml"]); cfg.ClusterName != "platform-eu" {
		t.Errorf("the overlay's config was not used: cluster_name %q", cfg.ClusterName)
	}
	if vols := dep.Spec.Template.Spec.Volumes; !slices.ContainsFunc(vols, func(v corev1.Volume) bool { return v.ConfigMap != nil && v.ConfigMap.Name == cm.Name }) {
		t.Errorf("the Deployment does not mount the overlay's ConfigMap %s: %+v", cm.Name, vols)
	}

	var bindings int
	for _, o := range objs {
		switch o.GetKind() {
		case "Namespace":
			t.Errorf("the overlay creates Namespace %s", o.GetName())
		case "ClusterRole":
		case "ClusterRoleBinding", "RoleBinding":
			bindings++
			subjects, _, _ := unstructured.NestedSlice(o.Object, "subjects")
			for _, s := range subjects {
				if ns, _, _ := unstructured.NestedString(s.(map[string]any), "namespace"); ns != shared {
					t.Errorf("%s %s: subject %v is in namespace %q, want %q", o.GetKind(), o.GetName(), s, ns, shared)
				}
			}
		}
		if o.GetKind() != "ClusterRole" && o.GetKind() != "ClusterRoleBinding" && o.GetNamespace() != shared {
			t.Errorf("%s %s is in namespace %q, want %q", o.GetKind(), o.GetName(), o.GetNamespace(), shared)
		}
	}
	if bindings != 2 {
		t.Errorf("%d bindings, want the ClusterRoleBinding and the RoleBinding", bindings)
	}
	if t.Failed() {
		return
	}

	if err := newApplier(t, env).apply(ctx, objs, false); err != nil {
		t.Fatal(err)
	}
	after, err := env.Admin.CoreV1().Namespaces().Get(ctx, shared, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(after.Labels, nsObj.Labels) {
		t.Errorf("the shared namespace's labels changed: %v, were %v", after.Labels, nsObj.Labels)
	}

	// The bot works from the shared namespace: cluster-wide reads through
	// the ClusterRoleBinding, its Lease and state through the RoleBinding.
	bot := botClient(t, env, shared)
	if err := leaderElection(ctx, env, bot, shared); err != nil {
		t.Errorf("leader election in %s: %v", shared, err)
	}
	if err := configMapStore(ctx, bot, shared); err != nil {
		t.Errorf("configmap store in %s: %v", shared, err)
	}
	runBotAs(t, env, shared, env.Namespace(t), nil)
}
