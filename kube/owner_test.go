package kube

import (
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"
)

func TestOwners(t *testing.T) {
	ownedBy := func(kind, name string) *corev1.Pod {
		p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "p-1", Labels: map[string]string{"pod-template-hash": "7d9f"}}}
		if kind != "" {
			p.OwnerReferences = ctrlRef(kind, name)
		}
		return p
	}
	orphanRS := fakeReplicaSet("shop", "legacy", "7d9f")
	orphanRS.OwnerReferences = nil
	sts := &appsv1.StatefulSet{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "db"},
		Spec: appsv1.StatefulSetSpec{Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "db"}}}}
	ds := &appsv1.DaemonSet{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "agent"},
		Spec: appsv1.DaemonSetSpec{Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "agent"}}}}
	forbid := func(resource string) func(*fake.Clientset) {
		return func(c *fake.Clientset) {
			c.PrependReactor("get", resource, func(k8stesting.Action) (bool, runtime.Object, error) {
				return true, nil, apierrors.NewForbidden(schema.GroupResource{Resource: resource}, "x", nil)
			})
		}
	}
	for _, tc := range []struct {
		name     string
		pod      *corev1.Pod
		objs     []runtime.Object
		setup    func(*fake.Clientset)
		kind     string
		owner    string
		selector string
	}{
		{"bare pod", ownedBy("", ""), nil, nil, "Pod", "p-1", ""},
		{"deployment", ownedBy("ReplicaSet", "api-7d9f"), []runtime.Object{fakeReplicaSet("shop", "api", "7d9f"), fakeDeployment("shop", "api")}, nil, "Deployment", "api", "app=api"},
		{"replicaset of no deployment", ownedBy("ReplicaSet", "legacy-7d9f"), []runtime.Object{orphanRS}, nil, "ReplicaSet", "legacy-7d9f", "app=legacy,pod-template-hash=7d9f"},
		{"replicaset forbidden: named from the hash", ownedBy("ReplicaSet", "api-7d9f"), nil, forbid("replicasets"), "Deployment", "api", ""},
		{"deployment gone: the replicaset's selector", ownedBy("ReplicaSet", "api-7d9f"), []runtime.Object{fakeReplicaSet("shop", "api", "7d9f")}, nil, "Deployment", "api", "app=api,pod-template-hash=7d9f"},
		{"cronjob", ownedBy("Job", "report-29"), []runtime.Object{fakeJob("shop", "report-29", "report")}, nil, "CronJob", "report", ""},
		{"job", ownedBy("Job", "migrate"), []runtime.Object{fakeJob("shop", "migrate", "")}, nil, "Job", "migrate", ""},
		{"statefulset", ownedBy("StatefulSet", "db"), []runtime.Object{sts}, nil, "StatefulSet", "db", "app=db"},
		{"daemonset forbidden", ownedBy("DaemonSet", "agent"), []runtime.Object{ds}, forbid("daemonsets"), "DaemonSet", "agent", ""},
		{"unknown controller", ownedBy("Rollout", "canary"), nil, nil, "Rollout", "canary", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := fake.NewClientset(tc.objs...)
			if tc.setup != nil {
				tc.setup(c)
			}
			o, err := newOwners(c, time.Now).resolve(t.Context(), tc.pod)
			if err != nil {
				t.Fatal(err)
			}
			sel := ""
			if !o.Selector.Empty() {
				sel = o.Selector.String()
			}
			if o.Kind != tc.kind || o.Name != tc.owner || (sel != tc.selector && !(tc.selector == "" && sel == "<none>")) {
				t.Fatalf("owner = %s/%s selector %q; want %s/%s %q", o.Kind, o.Name, sel, tc.kind, tc.owner, tc.selector)
			}
		})
	}
}

// TestOwnersCache: a storm asks for the same owner once per TTL.
func TestOwnersCache(t *testing.T) {
	now := fakeNow
	c := fake.NewClientset(fakeReplicaSet("shop", "api", "7d9f"), fakeDeployment("shop", "api"))
	o := newOwners(c, func() time.Time { return now })
	for i := range 10 {
		p := fakeCrashingPod("shop", "api", "7d9f", "api-"+string(rune('a'+i)))
		if _, err := o.resolve(t.Context(), p); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.Actions()); n != 2 {
		t.Fatalf("%d API calls for 10 pods of one ReplicaSet, want 2 (replicaset, deployment)", n)
	}
	now = now.Add(ownerCacheTTL + time.Second)
	if _, err := o.resolve(t.Context(), fakeCrashingPod("shop", "api", "7d9f", "api-z")); err != nil {
		t.Fatal(err)
	}
	if n := len(c.Actions()); n != 4 {
		t.Fatalf("%d API calls after the TTL, want 4", n)
	}
}
