package kube

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
)

// Owner is the top-level workload that owns a pod.
type Owner struct {
	Kind string
	Name string
	// Selector selects the workload's pods; labels.Nothing() when unknown
	// (then only the pods seen crashing are checked for recovery).
	Selector labels.Selector

	// uid and spec are the workload's, when the lookup read it (a
	// Deployment, StatefulSet or DaemonSet): History lists its revisions
	// with them instead of reading the workload again.
	uid  types.UID
	spec *metav1.LabelSelector
}

// ownerCacheTTL bounds how long an owner lookup is reused. Owners rarely
// change; during a crash storm the same ReplicaSet is asked for many times.
const ownerCacheTTL = 5 * time.Minute

// owners resolves pod -> ReplicaSet -> Deployment, Job -> CronJob,
// StatefulSet and DaemonSet, caching answers by controller UID.
type owners struct {
	client kubernetes.Interface
	now    func() time.Time

	mu    sync.Mutex
	cache map[types.UID]cachedOwner
}

type cachedOwner struct {
	owner Owner
	at    time.Time
}

func newOwners(client kubernetes.Interface, now func() time.Time) *owners {
	return &owners{client: client, now: now, cache: map[types.UID]cachedOwner{}}
}

// resolve returns the pod's top-level owner. A bare pod owns itself. When
// the bot may not read an intermediate object it falls back to what the
// owner reference and labels say.
func (o *owners) resolve(ctx context.Context, pod *corev1.Pod) (Owner, error) {
	ref := metav1.GetControllerOf(pod)
	if ref == nil {
		return Owner{Kind: "Pod", Name: pod.Name, Selector: labels.Nothing()}, nil
	}
	if c, ok := o.cached(ref.UID); ok {
		return c, nil
	}
	owner, err := o.lookup(ctx, pod, ref)
	if err != nil {
		return Owner{}, err
	}
	o.mu.Lock()
	if len(o.cache) > 10000 { // a crash storm across many workloads: start over
		o.cache = map[types.UID]cachedOwner{}
	}
	o.cache[ref.UID] = cachedOwner{owner, o.now()}
	o.mu.Unlock()
	return owner, nil
}

func (o *owners) cached(uid types.UID) (Owner, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	c, ok := o.cache[uid]
	if !ok || o.now().Sub(c.at) > ownerCacheTTL {
		return Owner{}, false
	}
	return c.owner, true
}

func (o *owners) lookup(ctx context.Context, pod *corev1.Pod, ref *metav1.OwnerReference) (Owner, error) {
	ns := pod.Namespace
	switch ref.Kind {
	case "ReplicaSet":
		rs, err := o.client.AppsV1().ReplicaSets(ns).Get(ctx, ref.Name, metav1.GetOptions{})
		if err != nil {
			if unreadable(err) {
				return guessFromReplicaSetName(pod, ref), nil
			}
			return Owner{}, fmt.Errorf("get replicaset %s/%s: %w", ns, ref.Name, err)
		}
		dref := metav1.GetControllerOf(rs)
		if dref == nil || dref.Kind != "Deployment" {
			return Owner{Kind: "ReplicaSet", Name: rs.Name, Selector: selectorOf(rs.Spec.Selector)}, nil
		}
		d, err := o.client.AppsV1().Deployments(ns).Get(ctx, dref.Name, metav1.GetOptions{})
		if err != nil {
			if unreadable(err) {
				return Owner{Kind: "Deployment", Name: dref.Name, Selector: selectorOf(rs.Spec.Selector)}, nil
			}
			return Owner{}, fmt.Errorf("get deployment %s/%s: %w", ns, dref.Name, err)
		}
		return Owner{Kind: "Deployment", Name: d.Name, Selector: selectorOf(d.Spec.Selector), uid: d.UID, spec: d.Spec.Selector}, nil
	case "StatefulSet":
		s, err := o.client.AppsV1().StatefulSets(ns).Get(ctx, ref.Name, metav1.GetOptions{})
		if err != nil {
			return o.fallback(ref, err, ns)
		}
		return Owner{Kind: "StatefulSet", Name: s.Name, Selector: selectorOf(s.Spec.Selector), uid: s.UID, spec: s.Spec.Selector}, nil
	case "DaemonSet":
		d, err := o.client.AppsV1().DaemonSets(ns).Get(ctx, ref.Name, metav1.GetOptions{})
		if err != nil {
			return o.fallback(ref, err, ns)
		}
		return Owner{Kind: "DaemonSet", Name: d.Name, Selector: selectorOf(d.Spec.Selector), uid: d.UID, spec: d.Spec.Selector}, nil
	case "Job":
		j, err := o.client.BatchV1().Jobs(ns).Get(ctx, ref.Name, metav1.GetOptions{})
		if err != nil {
			return o.fallback(ref, err, ns)
		}
		if cref := metav1.GetControllerOf(j); cref != nil && cref.Kind == "CronJob" {
			// Each run of a CronJob is a new Job; the CronJob is the workload.
			return Owner{Kind: "CronJob", Name: cref.Name, Selector: labels.Nothing()}, nil
		}
		return Owner{Kind: "Job", Name: j.Name, Selector: selectorOf(j.Spec.Selector)}, nil
	default:
		return Owner{Kind: ref.Kind, Name: ref.Name, Selector: labels.Nothing()}, nil
	}
}

// fallback names the owner from its reference when the object is gone or
// the bot may not read it.
func (o *owners) fallback(ref *metav1.OwnerReference, err error, ns string) (Owner, error) {
	if unreadable(err) {
		return Owner{Kind: ref.Kind, Name: ref.Name, Selector: labels.Nothing()}, nil
	}
	return Owner{}, fmt.Errorf("get %s %s/%s: %w", strings.ToLower(ref.Kind), ns, ref.Name, err)
}

// guessFromReplicaSetName derives the Deployment from the ReplicaSet name
// "<deployment>-<pod-template-hash>" when the ReplicaSet cannot be read.
func guessFromReplicaSetName(pod *corev1.Pod, ref *metav1.OwnerReference) Owner {
	if h := pod.Labels["pod-template-hash"]; h != "" && strings.HasSuffix(ref.Name, "-"+h) {
		return Owner{Kind: "Deployment", Name: strings.TrimSuffix(ref.Name, "-"+h), Selector: labels.Nothing()}
	}
	return Owner{Kind: "ReplicaSet", Name: ref.Name, Selector: labels.Nothing()}
}

// unreadable: the object is gone, or RBAC does not let the bot read it.
func unreadable(err error) bool { return apierrors.IsNotFound(err) || apierrors.IsForbidden(err) }

func selectorOf(ls *metav1.LabelSelector) labels.Selector {
	if ls == nil {
		return labels.Nothing()
	}
	s, err := metav1.LabelSelectorAsSelector(ls)
	if err != nil {
		return labels.Nothing()
	}
	return s
}
