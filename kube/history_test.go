package kube

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"
)

var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

func controller(kind, name string, uid types.UID) []metav1.OwnerReference {
	yes := true
	return []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: kind, Name: name, UID: uid, Controller: &yes}}
}

func tmpl(image string, env ...corev1.EnvVar) corev1.PodTemplateSpec {
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "api"}},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "api", Image: image, Env: env}}},
	}
}

func replicaSet(name, deployment string, uid types.UID, rev string, created time.Time, ready int32, t corev1.PodTemplateSpec) *appsv1.ReplicaSet {
	hash := name[len(deployment)+1:]
	t = *t.DeepCopy()
	t.Labels[podTemplateHashLabel] = hash
	return &appsv1.ReplicaSet{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: "shop", Name: name, Labels: t.Labels, CreationTimestamp: metav1.NewTime(created),
			Annotations:     map[string]string{revisionAnnotation: rev},
			OwnerReferences: controller("Deployment", deployment, uid),
		},
		Spec:   appsv1.ReplicaSetSpec{Selector: &metav1.LabelSelector{MatchLabels: t.Labels}, Template: t},
		Status: appsv1.ReplicaSetStatus{ReadyReplicas: ready},
	}
}

func podOf(owner, ownerKind string, labels map[string]string, spec corev1.PodSpec) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: owner + "-x", Labels: labels, OwnerReferences: controller(ownerKind, owner, "")},
		Spec:       spec,
	}
}

// secretsTouched reports any request the fake saw for Secrets.
func secretsTouched(c *fake.Clientset) []string {
	var out []string
	for _, a := range c.Actions() {
		if a.GetResource().Resource == "secrets" {
			out = append(out, a.GetVerb())
		}
	}
	return out
}

func TestWhatChangedDeployment(t *testing.T) {
	dep := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "api", UID: "dep-uid"},
		Spec:       appsv1.DeploymentSpec{Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "api"}}},
	}
	v1 := replicaSet("api-aaa", "api", "dep-uid", "1", t0.Add(-72*time.Hour), 2, tmpl("shop/api:1.8.2"))
	v2 := replicaSet("api-bbb", "api", "dep-uid", "2", t0, 0, tmpl("shop/api:1.9.0", corev1.EnvVar{Name: "LOG_LEVEL", Value: "debug"}))
	// Same labels, another owner: an orphan from an older Deployment "api".
	stray := replicaSet("api-ccc", "api", "old-uid", "7", t0, 0, tmpl("shop/api:0.1"))
	pod := podOf("api-bbb", "ReplicaSet", v2.Spec.Template.Labels, v2.Spec.Template.Spec)
	pod.Spec.Volumes = []corev1.Volume{{Name: "tls", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{SecretName: "api-tls"}}}}
	client := fake.NewClientset(dep, v1, v2, stray)

	r, err := NewHistory(client).WhatChanged(t.Context(), pod, Owner{Kind: "Deployment", Name: "api"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current == nil || r.Current.Number != 2 || r.Previous == nil || r.Previous.Number != 1 || r.Latest != 2 {
		t.Fatalf("revisions: %+v / %+v, latest %d", r.Current, r.Previous, r.Latest)
	}
	var texts []string
	for _, c := range r.Changes {
		texts = append(texts, c.Text)
	}
	if want := []string{"image api:1.8.2 -> api:1.9.0", "env LOG_LEVEL added"}; !slices.Equal(texts, want) {
		t.Fatalf("changes %q, want %q", texts, want)
	}
	if got, want := r.Rollback(t0.Add(time.Minute)), "kubectl rollout undo deployment/api -n shop --to-revision=1"; got != want {
		t.Fatalf("rollback %q, want %q", got, want)
	}
	if !slices.Equal(r.Secrets, []string{"api-tls"}) || len(r.Gaps) != 0 {
		t.Fatalf("secrets %v, gaps %v", r.Secrets, r.Gaps)
	}
	if s := secretsTouched(client); len(s) > 0 {
		t.Fatalf("secrets were requested: %v", s)
	}
}

// TestWhatChangedReusesTheOwnerLookup: given the owner as the Gatherer
// resolved it, WhatChanged learns the same but reads neither the
// ReplicaSet nor the Deployment again: one LIST of ReplicaSets.
func TestWhatChangedReusesTheOwnerLookup(t *testing.T) {
	dep := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "api", UID: "dep-uid"},
		Spec:       appsv1.DeploymentSpec{Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "api"}}},
	}
	v1 := replicaSet("api-aaa", "api", "dep-uid", "1", t0.Add(-72*time.Hour), 2, tmpl("shop/api:1.8.2"))
	v2 := replicaSet("api-bbb", "api", "dep-uid", "2", t0, 0, tmpl("shop/api:1.9.0"))
	stray := replicaSet("api-ccc", "api", "old-uid", "7", t0, 0, tmpl("shop/api:0.1"))
	pod := podOf("api-bbb", "ReplicaSet", v2.Spec.Template.Labels, v2.Spec.Template.Spec)
	client := fake.NewClientset(dep, v1, v2, stray)

	bare, err := NewHistory(client).WhatChanged(t.Context(), pod, Owner{Kind: "Deployment", Name: "api"})
	if err != nil {
		t.Fatal(err)
	}
	owner, err := newOwners(client, time.Now).resolve(t.Context(), pod)
	if err != nil {
		t.Fatal(err)
	}
	client.ClearActions()
	resolved, err := NewHistory(client).WhatChanged(t.Context(), pod, owner)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(bare, resolved) {
		t.Errorf("with the resolved owner:\n%+v\nwith kind and name only:\n%+v", resolved, bare)
	}
	if resolved.Current == nil || resolved.Current.Number != 2 || resolved.Previous == nil || resolved.Previous.Number != 1 {
		t.Errorf("revisions %+v / %+v, want 2 after 1 (the stray ReplicaSet of another owner ignored)", resolved.Current, resolved.Previous)
	}
	var apps []string
	for _, a := range client.Actions() {
		if r := a.GetResource().Resource; r == "replicasets" || r == "deployments" {
			apps = append(apps, a.GetVerb()+" "+r)
		}
	}
	if want := []string{"list replicasets"}; !slices.Equal(apps, want) {
		t.Errorf("requests %v, want %v", apps, want)
	}
}

func TestWhatChangedRollbackReusesReplicaSet(t *testing.T) {
	old := replicaSet("api-aaa", "api", "", "3", t0.Add(-72*time.Hour), 0, tmpl("shop/api:1.8.2"))
	old.Annotations[revisionHistoryAnnotation] = "1"
	rolledBack := metav1.NewTime(t0.Add(time.Hour))
	old.ManagedFields = []metav1.ManagedFieldsEntry{
		{Manager: "kube-controller-manager", Operation: metav1.ManagedFieldsOperationUpdate, Time: &rolledBack},
		{Manager: "kube-controller-manager", Operation: metav1.ManagedFieldsOperationUpdate, Subresource: "status", Time: ptrTime(t0.Add(2 * time.Hour))},
	}
	bad := replicaSet("api-bbb", "api", "", "2", t0, 3, tmpl("shop/api:1.9.0"))
	pod := podOf("api-aaa", "ReplicaSet", old.Spec.Template.Labels, old.Spec.Template.Spec)
	// The Deployment is unreadable: its ReplicaSets are found by the pod's
	// ReplicaSet's selector and matched by owner name.
	client := fake.NewClientset(old, bad)
	r, err := NewHistory(client).WhatChanged(t.Context(), pod, Owner{Kind: "Deployment", Name: "api"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current == nil || r.Previous == nil || r.Current.Number != 3 || r.Previous.Number != 2 {
		t.Fatalf("revisions: %+v / %+v", r.Current, r.Previous)
	}
	if !r.Current.RolledOutAt.Equal(rolledBack.Time) || !r.IsRollback() {
		t.Fatalf("rolled out at %v (want %v), rollback %v", r.Current.RolledOutAt, rolledBack.Time, r.IsRollback())
	}
	if r.Rollback(t0.Add(61*time.Minute)) != "" {
		t.Fatal("a rollback must not be advised to be undone")
	}
	if !slices.Equal(r.Gaps, []string{"deployment api: not found"}) {
		t.Fatalf("gaps %v", r.Gaps)
	}
}

func ptrTime(t time.Time) *metav1.Time { m := metav1.NewTime(t); return &m }

// controllerRevisionOf builds a DaemonSet/StatefulSet ControllerRevision as
// the controllers do: data is a replace patch of spec.template.
func controllerRevisionOf(t *testing.T, kind, owner, hash string, rev int64, created time.Time, tpl corev1.PodTemplateSpec) *appsv1.ControllerRevision {
	t.Helper()
	raw, err := json.Marshal(tpl)
	if err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal(raw, &obj); err != nil {
		t.Fatal(err)
	}
	obj["$patch"] = "replace"
	data, err := json.Marshal(map[string]any{"spec": map[string]any{"template": obj}})
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{controllerRevisionLabel: hash}
	for k, v := range tpl.Labels {
		labels[k] = v
	}
	return &appsv1.ControllerRevision{
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: owner + "-" + hash, Labels: labels,
			CreationTimestamp: metav1.NewTime(created), OwnerReferences: controller(kind, owner, "")},
		Data:     runtime.RawExtension{Raw: data},
		Revision: rev,
	}
}

func TestWhatChangedDaemonSet(t *testing.T) {
	ds := &appsv1.DaemonSet{
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "agent"},
		Spec:       appsv1.DaemonSetSpec{Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "api"}}},
	}
	prevT := tmpl("shop/agent:1")
	curT := tmpl("shop/agent:1")
	curT.Spec.Containers[0].Args = []string{"--verbose"}
	cr1 := controllerRevisionOf(t, "DaemonSet", "agent", "h1", 1, t0.Add(-time.Hour), prevT)
	cr2 := controllerRevisionOf(t, "DaemonSet", "agent", "h2", 2, t0, curT)
	// DaemonSet pods carry the bare hash.
	lbl := func(h string) map[string]string { return map[string]string{"app": "api", controllerRevisionLabel: h} }
	crashing := podOf("agent", "DaemonSet", lbl("h2"), curT.Spec)
	healthy := podOf("agent", "DaemonSet", lbl("h1"), prevT.Spec)
	healthy.Name = "agent-y"
	healthy.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionTrue}}
	client := fake.NewClientset(ds, cr1, cr2, crashing, healthy)
	r, err := NewHistory(client).WhatChanged(t.Context(), crashing, Owner{Kind: "DaemonSet", Name: "agent"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current == nil || r.Previous == nil || r.Current.Name != "agent-h2" || r.Previous.Ready != 1 {
		t.Fatalf("revisions: %+v / %+v", r.Current, r.Previous)
	}
	if len(r.Changes) != 1 || r.Changes[0].Text != "args [--verbose] added" {
		t.Fatalf("changes %+v", r.Changes)
	}
	if got, want := r.Rollback(t0), "kubectl rollout undo daemonset/agent -n shop --to-revision=1"; got != want {
		t.Fatalf("rollback %q, want %q", got, want)
	}
}

func TestWhatChangedForbidden(t *testing.T) {
	v2 := replicaSet("api-bbb", "api", "", "2", t0, 0, tmpl("shop/api:1.9.0"))
	pod := podOf("api-bbb", "ReplicaSet", v2.Spec.Template.Labels, v2.Spec.Template.Spec)
	pod.Spec.Containers[0].EnvFrom = []corev1.EnvFromSource{{ConfigMapRef: &corev1.ConfigMapEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: "api-env"}}}}
	client := fake.NewClientset(v2)
	forbid := func(resource string) k8stesting.ReactionFunc {
		return func(a k8stesting.Action) (bool, runtime.Object, error) {
			return true, nil, apierrors.NewForbidden(schema.GroupResource{Resource: resource}, "", nil)
		}
	}
	client.PrependReactor("list", "replicasets", forbid("replicasets"))
	client.PrependReactor("get", "deployments", forbid("deployments"))
	client.PrependReactor("get", "configmaps", forbid("configmaps"))
	r, err := NewHistory(client).WhatChanged(t.Context(), pod, Owner{Kind: "Deployment", Name: "api"})
	if err != nil {
		t.Fatalf("forbidden reads must degrade, got %v", err)
	}
	want := []string{"deployment api: forbidden", "replicasets: forbidden", "configmaps: forbidden"}
	if !slices.Equal(r.Gaps, want) || r.Current == nil || r.Current.Number != 2 || !r.HistoryUnknown {
		t.Fatalf("gaps %v, current %+v, unknown %v", r.Gaps, r.Current, r.HistoryUnknown)
	}
}

func TestWhatChangedOtherErrorKeepsWhatIsKnown(t *testing.T) {
	pod := podOf("job-1", "Job", nil, corev1.PodSpec{Volumes: []corev1.Volume{{Name: "c", VolumeSource: corev1.VolumeSource{
		ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "cfg"}}}}}})
	pod.Spec.Containers = []corev1.Container{{Name: "x", Env: []corev1.EnvVar{{Name: "P", ValueFrom: &corev1.EnvVarSource{
		SecretKeyRef: &corev1.SecretKeySelector{LocalObjectReference: corev1.LocalObjectReference{Name: "db"}, Key: "p"}}}}}}
	client := fake.NewClientset()
	client.PrependReactor("get", "configmaps", func(k8stesting.Action) (bool, runtime.Object, error) {
		return true, nil, apierrors.NewInternalError(errors.New("etcd timeout"))
	})
	r, err := NewHistory(client).WhatChanged(t.Context(), pod, Owner{Kind: "Job", Name: "job-1"})
	if err == nil || !apierrors.IsInternalError(err) {
		t.Fatalf("err = %v, want the internal error wrapped", err)
	}
	if !slices.Equal(r.Secrets, []string{"db"}) || r.Kind != "Job" {
		t.Fatalf("rollout %+v", r)
	}
}

func TestConfigMapModified(t *testing.T) {
	edited := metav1.NewTime(t0.Add(30 * time.Minute))
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "api-config", CreationTimestamp: metav1.NewTime(t0),
		ManagedFields: []metav1.ManagedFieldsEntry{
			{Manager: "helm", Operation: metav1.ManagedFieldsOperationUpdate, Time: ptrTime(t0)},
			{Manager: "kubectl-edit", Operation: metav1.ManagedFieldsOperationUpdate, Time: &edited},
		}}}
	optional := true
	pod := podOf("p", "Pod", nil, corev1.PodSpec{Volumes: []corev1.Volume{
		{Name: "a", VolumeSource: corev1.VolumeSource{Projected: &corev1.ProjectedVolumeSource{Sources: []corev1.VolumeProjection{
			{ConfigMap: &corev1.ConfigMapProjection{LocalObjectReference: corev1.LocalObjectReference{Name: "api-config"}}},
			{Secret: &corev1.SecretProjection{LocalObjectReference: corev1.LocalObjectReference{Name: "tls"}}},
		}}}},
		{Name: "b", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "maybe"}, Optional: &optional}}},
		{Name: "c", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "gone"}}}},
	}})
	r, err := NewHistory(fake.NewClientset(cm)).WhatChanged(t.Context(), pod, Owner{Kind: "Pod", Name: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Config) != 2 {
		t.Fatalf("config %+v", r.Config)
	}
	if c := r.Config[0]; c.Name != "api-config" || !c.ModifiedAt.Equal(edited.Time) || c.Manager != "kubectl-edit" {
		t.Fatalf("config %+v", c)
	}
	if c := r.Config[1]; c.Name != "gone" || !c.Missing {
		t.Fatalf("missing config %+v", c)
	}
	if !slices.Equal(r.Secrets, []string{"tls"}) {
		t.Fatalf("secrets %v", r.Secrets)
	}
}

// TestAutoMountedObjectsAreNotUserConfig: the volumes Kubernetes adds to
// every pod (the projected kube-api-access-* token volume with the
// kube-root-ca.crt ConfigMap; before 1.24 a SA-token-xxxxx Secret) are not
// the app's config. Neither a missing kube-root-ca.crt (a cluster without
// the controller that publishes it) nor a fresh one is reported, and
// nothing is fetched for them.
func TestAutoMountedObjectsAreNotUserConfig(t *testing.T) {
	fresh := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "openshift-service-ca.crt", CreationTimestamp: metav1.NewTime(t0)}}
	expiry := int64(3607)
	pod := podOf("p", "Pod", nil, corev1.PodSpec{ServiceAccountName: "api", Volumes: []corev1.Volume{
		{Name: "kube-api-access-x7k2p", VolumeSource: corev1.VolumeSource{Projected: &corev1.ProjectedVolumeSource{Sources: []corev1.VolumeProjection{
			{ServiceAccountToken: &corev1.ServiceAccountTokenProjection{Path: "token", ExpirationSeconds: &expiry}},
			{ConfigMap: &corev1.ConfigMapProjection{LocalObjectReference: corev1.LocalObjectReference{Name: "kube-root-ca.crt"}}},
			{DownwardAPI: &corev1.DownwardAPIProjection{}},
		}}}},
		{Name: "service-ca", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "openshift-service-ca.crt"}}}},
		{Name: "api-token-9zq4d", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{SecretName: "api-token-9zq4d"}}},
		// The app's own objects are still reported, the Secret by name only.
		{Name: "config", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "api-config"}}}},
		{Name: "creds", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{SecretName: "api-token-store"}}},
	}})
	client := fake.NewClientset(fresh)
	r, err := NewHistory(client).WhatChanged(t.Context(), pod, Owner{Kind: "Pod", Name: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Config) != 1 || r.Config[0].Name != "api-config" || !r.Config[0].Missing {
		t.Errorf("config = %+v, want only the app's missing api-config", r.Config)
	}
	if !slices.Equal(r.Secrets, []string{"api-token-store"}) {
		t.Errorf("secrets = %v, want only the app's own", r.Secrets)
	}
	for _, a := range client.Actions() {
		if g, ok := a.(k8stesting.GetAction); ok && a.GetResource().Resource == "configmaps" && g.GetName() != "api-config" {
			t.Errorf("fetched configmap %s", g.GetName())
		}
	}
}
