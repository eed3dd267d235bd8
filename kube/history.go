package kube

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/change"
)

// Annotations and labels the workload controllers set.
const (
	revisionAnnotation        = "deployment.kubernetes.io/revision"
	revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"
	podTemplateHashLabel      = "pod-template-hash"
	controllerRevisionLabel   = "controller-revision-hash"
)

// maxConfigMaps bounds the ConfigMap GETs per pod.
const maxConfigMaps = 10

// History finds what changed under a crashing pod: the workload revision it
// runs, the one before it and how their pod templates differ, and when the
// ConfigMaps it reads last changed. It only GETs and LISTs (with label
// selectors) in the pod's namespace, keeps no cache, and never reads
// Secrets: it names the ones the pod spec references.
//
// It needs get on deployments, statefulsets, daemonsets and configmaps, and
// list on replicasets, controllerrevisions and pods; what it may not read
// it reports in Rollout.Gaps.
type History struct {
	client kubernetes.Interface
}

// NewHistory returns a History; it does no I/O.
func NewHistory(client kubernetes.Interface) *History { return &History{client: client} }

// revision is a change.Revision with its pod template.
type revision struct {
	change.Revision
	template *corev1.PodTemplateSpec
}

// WhatChanged gathers the change.Rollout of pod, owned by the workload
// owner (as Gatherer resolves it: then the workload is not read again;
// Owner{Kind, Name} works too). Deployments are followed
// through their ReplicaSets, StatefulSets and DaemonSets through their
// ControllerRevisions; other owners get only the ConfigMaps and Secrets.
// Objects it may not read, or that are gone, are noted in Rollout.Gaps and
// are not errors; on any other error the returned Rollout still holds what
// was learned.
func (h *History) WhatChanged(ctx context.Context, pod *corev1.Pod, owner Owner) (change.Rollout, error) {
	r := change.Rollout{Kind: owner.Kind, Namespace: pod.Namespace, Name: owner.Name}
	var err error
	switch owner.Kind {
	case "Deployment":
		err = h.replicaSets(ctx, pod, owner, &r)
	case "StatefulSet", "DaemonSet":
		err = h.controllerRevisions(ctx, pod, owner, &r)
	}
	configMaps, secrets := podReferences(pod)
	r.Secrets = secrets
	return r, errors.Join(err, h.configMaps(ctx, pod.Namespace, configMaps, &r))
}

// replicaSets finds a Deployment's revisions: its ReplicaSets. When the
// owner lookup read the Deployment, its selector lists them at once (one
// call); otherwise the pod's ReplicaSet and the Deployment are read first.
func (h *History) replicaSets(ctx context.Context, pod *corev1.Pod, owner Owner, r *change.Rollout) error {
	ns := pod.Namespace
	ref := metav1.GetControllerOf(pod)
	if ref == nil || ref.Kind != "ReplicaSet" {
		r.Gaps = append(r.Gaps, "pod has no ReplicaSet")
		return nil
	}
	rsClient := h.client.AppsV1().ReplicaSets(ns)
	var own *appsv1.ReplicaSet
	sel, uid := owner.spec, owner.uid
	if uid == "" {
		var err error
		if own, err = rsClient.Get(ctx, ref.Name, metav1.GetOptions{}); err != nil {
			return gap(r, "replicaset "+ref.Name, err)
		}
		// The Deployment's selector finds its ReplicaSets; without it, the
		// pod's ReplicaSet's selector minus the hash label does.
		d, err := h.client.AppsV1().Deployments(ns).Get(ctx, r.Name, metav1.GetOptions{})
		switch {
		case err == nil:
			sel, uid = d.Spec.Selector, d.UID
		case unreadable(err):
			_ = gap(r, "deployment "+r.Name, err)
			sel = withoutLabel(own.Spec.Selector, podTemplateHashLabel)
		default:
			return fmt.Errorf("get deployment %s/%s: %w", ns, r.Name, err)
		}
	}
	list, err := rsClient.List(ctx, metav1.ListOptions{LabelSelector: selectorString(sel)})
	if err != nil {
		if err := gap(r, "replicasets", err); err != nil {
			return err
		}
		r.HistoryUnknown = true
		if own == nil {
			if own, err = rsClient.Get(ctx, ref.Name, metav1.GetOptions{}); err != nil {
				return gap(r, "replicaset "+ref.Name, err)
			}
		}
		pick(r, []revision{replicaSetRevision(own)}, own.Name)
		return nil
	}
	var revs []revision
	for i := range list.Items {
		rs := &list.Items[i]
		if _, ok := rs.Annotations[revisionAnnotation]; ok && controlledBy(rs, "Deployment", r.Name, uid) {
			revs = append(revs, replicaSetRevision(rs))
		}
	}
	pick(r, revs, ref.Name)
	return nil
}

func replicaSetRevision(rs *appsv1.ReplicaSet) revision {
	n, _ := strconv.ParseInt(rs.Annotations[revisionAnnotation], 10, 64)
	rolled := rs.CreationTimestamp.Time
	// A rollback reuses an old ReplicaSet, renumbers it and records the old
	// numbers; the deployment controller's last write dates the rollback.
	if rs.Annotations[revisionHistoryAnnotation] != "" {
		if t, _ := lastWrite(rs); t.After(rolled) {
			rolled = t
		}
	}
	return revision{
		Revision: change.Revision{Number: n, Name: rs.Name, Created: rs.CreationTimestamp.Time, RolledOutAt: rolled, Ready: rs.Status.ReadyReplicas},
		template: &rs.Spec.Template,
	}
}

// controllerRevisions finds a StatefulSet's or DaemonSet's revisions; the
// workload is read unless the owner lookup did.
func (h *History) controllerRevisions(ctx context.Context, pod *corev1.Pod, owner Owner, r *change.Rollout) error {
	ns := pod.Namespace
	hash := pod.Labels[controllerRevisionLabel]
	if hash == "" {
		r.Gaps = append(r.Gaps, "pod has no "+controllerRevisionLabel+" label")
		return nil
	}
	sel, uid := owner.spec, owner.uid
	var err error
	switch {
	case uid != "":
		// read by the owner lookup
	case r.Kind == "StatefulSet":
		var s *appsv1.StatefulSet
		if s, err = h.client.AppsV1().StatefulSets(ns).Get(ctx, r.Name, metav1.GetOptions{}); err == nil {
			sel, uid = s.Spec.Selector, s.UID
		}
	default:
		var d *appsv1.DaemonSet
		if d, err = h.client.AppsV1().DaemonSets(ns).Get(ctx, r.Name, metav1.GetOptions{}); err == nil {
			sel, uid = d.Spec.Selector, d.UID
		}
	}
	if err != nil {
		if err := gap(r, strings.ToLower(r.Kind)+" "+r.Name, err); err != nil {
			return err
		}
		sel = templateSelector(pod)
	}
	list, err := h.client.AppsV1().ControllerRevisions(ns).List(ctx, metav1.ListOptions{LabelSelector: selectorString(sel)})
	if err != nil {
		return gap(r, "controllerrevisions", err)
	}
	ready, err := h.readyByRevision(ctx, ns, sel)
	if err != nil {
		_ = gap(r, "pods", err) // readiness only refines the rollback advice
	}
	var revs []revision
	current := ""
	for i := range list.Items {
		cr := &list.Items[i]
		if !controlledBy(cr, r.Kind, r.Name, uid) {
			continue
		}
		rev, keys := controllerRevision(cr, r.Name)
		for _, k := range keys {
			rev.Ready += ready[k]
			if k == hash {
				current = cr.Name
			}
		}
		if rev.template == nil {
			r.Gaps = append(r.Gaps, "controllerrevision "+cr.Name+": no pod template in its data")
		}
		revs = append(revs, rev)
	}
	if current == "" {
		r.Gaps = append(r.Gaps, "no controllerrevision for "+controllerRevisionLabel+"="+hash)
		return nil
	}
	pick(r, revs, current)
	return nil
}

// controllerRevision returns the revision and the values a pod's
// controller-revision-hash label takes for it: the ControllerRevision's name
// (StatefulSet) or its hash (DaemonSet).
func controllerRevision(cr *appsv1.ControllerRevision, owner string) (revision, []string) {
	rolled := cr.CreationTimestamp.Time
	// Only the revision number of a ControllerRevision ever changes: on a
	// rollback to its template.
	if t, _ := lastWrite(cr); t.After(rolled.Add(time.Second)) {
		rolled = t
	}
	rev := revision{Revision: change.Revision{Number: cr.Revision, Name: cr.Name, Created: cr.CreationTimestamp.Time, RolledOutAt: rolled}}
	rev.template, _ = revisionTemplate(cr)
	keys := []string{cr.Name}
	hash, _ := strings.CutPrefix(cr.Name, owner+"-")
	for _, k := range []string{cr.Labels[controllerRevisionLabel], hash} {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return rev, keys
}

// revisionTemplate decodes the pod template a StatefulSet or DaemonSet
// ControllerRevision holds: its data is the patch
// {"spec":{"template":{...,"$patch":"replace"}}}.
func revisionTemplate(cr *appsv1.ControllerRevision) (*corev1.PodTemplateSpec, error) {
	raw := cr.Data.Raw
	if raw == nil && cr.Data.Object != nil {
		var err error
		if raw, err = json.Marshal(cr.Data.Object); err != nil {
			return nil, err
		}
	}
	var data struct {
		Spec struct {
			Template *corev1.PodTemplateSpec `json:"template"`
		} `json:"spec"`
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		return nil, fmt.Errorf("decode controllerrevision %s: %w", cr.Name, err)
	}
	if data.Spec.Template == nil {
		return nil, fmt.Errorf("controllerrevision %s has no spec.template", cr.Name)
	}
	return data.Spec.Template, nil
}

// readyByRevision counts the workload's ready pods by controller-revision-hash.
func (h *History) readyByRevision(ctx context.Context, ns string, sel *metav1.LabelSelector) (map[string]int32, error) {
	pods, err := h.client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: selectorString(sel)})
	if err != nil {
		return nil, err
	}
	out := map[string]int32{}
	for i := range pods.Items {
		p := &pods.Items[i]
		if p.DeletionTimestamp == nil && podReady(p) {
			out[p.Labels[controllerRevisionLabel]]++
		}
	}
	return out, nil
}

func podReady(p *corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

// pick sets Current (named current), Previous (the highest number below
// it), Latest and the template diff.
func pick(r *change.Rollout, revs []revision, current string) {
	sort.SliceStable(revs, func(i, j int) bool { return revs[i].Number < revs[j].Number })
	var cur, prev *revision
	for i := range revs {
		if revs[i].Name == current {
			cur = &revs[i]
		}
	}
	if cur == nil {
		return
	}
	for i := range revs {
		if revs[i].Number < cur.Number {
			prev = &revs[i]
		}
		r.Latest = max(r.Latest, revs[i].Number)
	}
	r.Current = &cur.Revision
	if prev != nil {
		r.Previous = &prev.Revision
		r.Changes = change.Diff(prev.template, cur.template)
	}
}

// configRef is a ConfigMap the pod reads; optional when every reference
// to it says so.
type configRef struct {
	name     string
	optional bool
}

// autoConfigMaps are ConfigMaps the control plane creates in every
// namespace and the ServiceAccount admission plugin mounts into every pod
// (the projected kube-api-access-* volume): not user config, so "modified
// just before the crash" or "missing" (a cluster without the controller
// that publishes them) says nothing about why an app crashes.
var autoConfigMaps = map[string]bool{
	"kube-root-ca.crt":         true, // kube-controller-manager's root CA publisher
	"openshift-service-ca.crt": true, // OpenShift's service CA, injected the same way
}

// podReferences lists the ConfigMaps and Secrets the pod spec names in
// volumes, env and envFrom, sorted, leaving out what Kubernetes itself
// adds to every pod (autoConfigMaps, a legacy service account token Secret).
func podReferences(pod *corev1.Pod) ([]configRef, []string) {
	cms := map[string]bool{} // name -> optional so far
	secrets := map[string]bool{}
	cm := func(name string, optional *bool) {
		if autoConfigMaps[name] {
			return
		}
		opt := optional != nil && *optional
		if prev, ok := cms[name]; ok {
			opt = opt && prev
		}
		cms[name] = opt
	}
	for _, v := range pod.Spec.Volumes {
		switch {
		case v.ConfigMap != nil:
			cm(v.ConfigMap.Name, v.ConfigMap.Optional)
		case v.Secret != nil:
			if !isLegacyTokenSecret(pod, v) {
				secrets[v.Secret.SecretName] = true
			}
		case v.Projected != nil:
			for _, s := range v.Projected.Sources {
				if s.ConfigMap != nil {
					cm(s.ConfigMap.Name, s.ConfigMap.Optional)
				}
				if s.Secret != nil {
					secrets[s.Secret.Name] = true
				}
			}
		}
	}
	for _, c := range append(append([]corev1.Container{}, pod.Spec.InitContainers...), pod.Spec.Containers...) {
		for _, e := range c.Env {
			if e.ValueFrom == nil {
				continue
			}
			if r := e.ValueFrom.ConfigMapKeyRef; r != nil {
				cm(r.Name, r.Optional)
			}
			if r := e.ValueFrom.SecretKeyRef; r != nil {
				secrets[r.Name] = true
			}
		}
		for _, e := range c.EnvFrom {
			if e.ConfigMapRef != nil {
				cm(e.ConfigMapRef.Name, e.ConfigMapRef.Optional)
			}
			if e.SecretRef != nil {
				secrets[e.SecretRef.Name] = true
			}
		}
	}
	var refs []configRef
	for name, opt := range cms {
		refs = append(refs, configRef{name, opt})
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].name < refs[j].name })
	names := make([]string, 0, len(secrets))
	for name := range secrets {
		names = append(names, name)
	}
	sort.Strings(names)
	return refs, names
}

// isLegacyTokenSecret reports whether v is the service account token
// Secret that clusters before Kubernetes 1.24 mounted into every pod
// (volume and Secret named SA-token-xxxxx).
func isLegacyTokenSecret(pod *corev1.Pod, v corev1.Volume) bool {
	sa := pod.Spec.ServiceAccountName
	if sa == "" {
		sa = "default"
	}
	return v.Name == v.Secret.SecretName && strings.HasPrefix(v.Secret.SecretName, sa+"-token-")
}

// configMaps records when each ConfigMap the pod reads last changed.
func (h *History) configMaps(ctx context.Context, ns string, refs []configRef, r *change.Rollout) error {
	if len(refs) > maxConfigMaps {
		r.Gaps = append(r.Gaps, fmt.Sprintf("configmaps: only the first %d of %d checked", maxConfigMaps, len(refs)))
		refs = refs[:maxConfigMaps]
	}
	for _, ref := range refs {
		cm, err := h.client.CoreV1().ConfigMaps(ns).Get(ctx, ref.name, metav1.GetOptions{})
		switch {
		case apierrors.IsNotFound(err):
			if !ref.optional {
				r.Config = append(r.Config, change.ConfigChange{Kind: "ConfigMap", Name: ref.name, Missing: true})
			}
			continue
		case err != nil:
			return gap(r, "configmaps", err)
		}
		at, manager := lastWrite(cm)
		if at.Before(cm.CreationTimestamp.Time) {
			at, manager = cm.CreationTimestamp.Time, ""
		}
		r.Config = append(r.Config, change.ConfigChange{Kind: "ConfigMap", Name: cm.Name, ModifiedAt: at, Manager: manager})
	}
	return nil
}

// gap notes in r that what could not be read when err is NotFound or
// Forbidden, and returns other errors wrapped.
func gap(r *change.Rollout, what string, err error) error {
	switch {
	case apierrors.IsForbidden(err):
		r.Gaps = append(r.Gaps, what+": forbidden")
	case apierrors.IsNotFound(err):
		r.Gaps = append(r.Gaps, what+": not found")
	default:
		return fmt.Errorf("%s in %s: %w", what, r.Namespace, err)
	}
	return nil
}

// lastWrite returns the latest managedFields time of the object's main
// resource (status writes do not count) and its field manager.
func lastWrite(obj metav1.Object) (time.Time, string) {
	var at time.Time
	manager := ""
	for _, mf := range obj.GetManagedFields() {
		if mf.Subresource != "" || mf.Time == nil {
			continue
		}
		if mf.Time.After(at) {
			at, manager = mf.Time.Time, mf.Manager
		}
	}
	return at, manager
}

// controlledBy reports whether obj's controller is kind/name, matching the
// UID when known.
func controlledBy(obj metav1.Object, kind, name string, uid types.UID) bool {
	ref := metav1.GetControllerOf(obj)
	if ref == nil || ref.Kind != kind || ref.Name != name {
		return false
	}
	return uid == "" || ref.UID == uid
}

// selectorString renders a label selector for a LIST; "" (everything in
// the namespace, filtered by owner afterwards) when there is none.
func selectorString(ls *metav1.LabelSelector) string {
	s, err := metav1.LabelSelectorAsSelector(ls)
	if err != nil || ls == nil {
		return ""
	}
	return s.String()
}

// withoutLabel drops key from a selector's matchLabels.
func withoutLabel(ls *metav1.LabelSelector, key string) *metav1.LabelSelector {
	if ls == nil {
		return nil
	}
	out := ls.DeepCopy()
	delete(out.MatchLabels, key)
	return out
}

// templateSelector guesses a workload's selector from its pod's labels
// without the per-pod and per-revision ones.
func templateSelector(pod *corev1.Pod) *metav1.LabelSelector {
	perPod := map[string]bool{
		controllerRevisionLabel: true, podTemplateHashLabel: true, "pod-template-generation": true,
		"statefulset.kubernetes.io/pod-name": true, "apps.kubernetes.io/pod-index": true,
	}
	m := map[string]string{}
	for k, v := range pod.Labels {
		if !perPod[k] {
			m[k] = v
		}
	}
	return &metav1.LabelSelector{MatchLabels: m}
}
