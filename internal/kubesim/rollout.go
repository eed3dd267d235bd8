package kubesim

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/rand"
)

// RollOut plays the deployment controller rolling Deployment namespace/name
// to a new pod spec: it bumps the Deployment's template and revision,
// creates the next revision's ReplicaSet with replicas running pods, and
// sets every ReplicaSet's status from its ready pods. The old pods keep
// running, as they do while the new ones are not yet available.
func (s *Sim) RollOut(ctx context.Context, namespace, name string, spec corev1.PodSpec, replicas int) ([]*corev1.Pod, error) {
	deps := s.Client.AppsV1().Deployments(namespace)
	dep, err := deps.Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, fmt.Errorf("get deployment %s/%s: %w", namespace, name, err)
	}
	owned, err := s.replicaSetsOf(ctx, dep)
	if err != nil {
		return nil, err
	}
	revision := 1
	for _, rs := range owned {
		if n, _ := strconv.Atoi(rs.Annotations["deployment.kubernetes.io/revision"]); n >= revision {
			revision = n + 1
		}
	}
	dep.Spec.Template.Spec = spec
	if dep.Annotations == nil {
		dep.Annotations = map[string]string{}
	}
	dep.Annotations["deployment.kubernetes.io/revision"] = strconv.Itoa(revision)
	if dep, err = deps.Update(ctx, dep, metav1.UpdateOptions{}); err != nil {
		return nil, fmt.Errorf("update deployment %s/%s: %w", namespace, name, err)
	}
	hash := rand.SafeEncodeString(rand.String(10))[:10]
	rsLabels := map[string]string{"pod-template-hash": hash}
	for k, v := range dep.Spec.Template.Labels {
		rsLabels[k] = v
	}
	n := int32(replicas)
	rs := &appsv1.ReplicaSet{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: namespace, Name: name + "-" + hash, Labels: rsLabels,
			Annotations:     map[string]string{"deployment.kubernetes.io/revision": strconv.Itoa(revision)},
			OwnerReferences: []metav1.OwnerReference{controllerRef(dep, "apps/v1", "Deployment")},
		},
		Spec: appsv1.ReplicaSetSpec{
			Replicas: &n,
			Selector: &metav1.LabelSelector{MatchLabels: rsLabels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: rsLabels}, Spec: spec},
		},
	}
	if rs, err = s.Client.AppsV1().ReplicaSets(namespace).Create(ctx, rs, metav1.CreateOptions{}); err != nil {
		return nil, fmt.Errorf("create replicaset %s/%s: %w", namespace, name, err)
	}
	var pods []*corev1.Pod
	for range replicas {
		pod := &corev1.Pod{
			ObjectMeta: metav1.ObjectMeta{
				Namespace: namespace, Name: rs.Name + "-" + rand.String(5), Labels: rsLabels,
				OwnerReferences: []metav1.OwnerReference{controllerRef(rs, "apps/v1", "ReplicaSet")},
			},
			Spec: *spec.DeepCopy(),
		}
		p, err := s.CreatePod(ctx, pod)
		if err != nil {
			return nil, err
		}
		pods = append(pods, p)
	}
	return pods, s.SyncReplicaSets(ctx, namespace, name)
}

// SyncReplicaSets sets the status of each ReplicaSet of Deployment
// namespace/name from its pods, as the replicaset controller does.
func (s *Sim) SyncReplicaSets(ctx context.Context, namespace, name string) error {
	dep, err := s.Client.AppsV1().Deployments(namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return fmt.Errorf("get deployment %s/%s: %w", namespace, name, err)
	}
	owned, err := s.replicaSetsOf(ctx, dep)
	if err != nil {
		return err
	}
	for _, rs := range owned {
		pods, err := s.Client.CoreV1().Pods(namespace).List(ctx, metav1.ListOptions{
			LabelSelector: labels.SelectorFromSet(rs.Spec.Selector.MatchLabels).String()})
		if err != nil {
			return fmt.Errorf("list pods of replicaset %s/%s: %w", namespace, rs.Name, err)
		}
		var ready int32
		for _, p := range pods.Items {
			if isReady(&p) {
				ready++
			}
		}
		rs.Status = appsv1.ReplicaSetStatus{
			Replicas: int32(len(pods.Items)), ReadyReplicas: ready, AvailableReplicas: ready,
			FullyLabeledReplicas: int32(len(pods.Items)), ObservedGeneration: rs.Generation,
		}
		if _, err := s.Client.AppsV1().ReplicaSets(namespace).UpdateStatus(ctx, &rs, metav1.UpdateOptions{}); err != nil {
			return fmt.Errorf("update status of replicaset %s/%s: %w", namespace, rs.Name, err)
		}
	}
	return nil
}

func (s *Sim) replicaSetsOf(ctx context.Context, dep *appsv1.Deployment) ([]appsv1.ReplicaSet, error) {
	list, err := s.Client.AppsV1().ReplicaSets(dep.Namespace).List(ctx, metav1.ListOptions{
		LabelSelector: labels.SelectorFromSet(dep.Spec.Selector.MatchLabels).String()})
	if err != nil {
		return nil, fmt.Errorf("list replicasets of %s/%s: %w", dep.Namespace, dep.Name, err)
	}
	var out []appsv1.ReplicaSet
	for _, rs := range list.Items {
		if ref := metav1.GetControllerOf(&rs); ref != nil && ref.UID == dep.UID {
			out = append(out, rs)
		}
	}
	return out, nil
}

func isReady(p *corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

// StatefulSet describes a StatefulSet to create.
type StatefulSet struct {
	Namespace string
	Name      string
	Replicas  int
	// Template is the pod spec; NodeName is set by the Sim.
	Template corev1.PodSpec
}

// CreateStatefulSet creates the StatefulSet, its first ControllerRevision
// and Replicas running, ready pods NAME-0..., as the statefulset controller does.
func (s *Sim) CreateStatefulSet(ctx context.Context, st StatefulSet) ([]*corev1.Pod, error) {
	n := int32(st.Replicas)
	lbl := map[string]string{"app": st.Name}
	sts := &appsv1.StatefulSet{
		ObjectMeta: metav1.ObjectMeta{Namespace: st.Namespace, Name: st.Name, Labels: lbl},
		Spec: appsv1.StatefulSetSpec{
			Replicas: &n, ServiceName: st.Name,
			Selector: &metav1.LabelSelector{MatchLabels: lbl},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: lbl}, Spec: st.Template},
		},
	}
	sts, err := s.Client.AppsV1().StatefulSets(st.Namespace).Create(ctx, sts, metav1.CreateOptions{})
	if err != nil {
		return nil, fmt.Errorf("create statefulset %s/%s: %w", st.Namespace, st.Name, err)
	}
	cr, err := s.controllerRevision(ctx, sts, 1)
	if err != nil {
		return nil, err
	}
	var pods []*corev1.Pod
	for i := range st.Replicas {
		p, err := s.statefulPod(ctx, sts, cr, i)
		if err != nil {
			return nil, err
		}
		pods = append(pods, p)
	}
	return pods, nil
}

// RollOutStatefulSet rolls StatefulSet namespace/name to a new pod spec:
// it updates the template, records the next ControllerRevision and
// replaces the highest-ordinal pod with one of the new revision, which is
// where a rolling update starts. It returns the new pod.
func (s *Sim) RollOutStatefulSet(ctx context.Context, namespace, name string, spec corev1.PodSpec) (*corev1.Pod, error) {
	client := s.Client.AppsV1().StatefulSets(namespace)
	sts, err := client.Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, fmt.Errorf("get statefulset %s/%s: %w", namespace, name, err)
	}
	sts.Spec.Template.Spec = spec
	if sts, err = client.Update(ctx, sts, metav1.UpdateOptions{}); err != nil {
		return nil, fmt.Errorf("update statefulset %s/%s: %w", namespace, name, err)
	}
	revs, err := s.Client.AppsV1().ControllerRevisions(namespace).List(ctx, metav1.ListOptions{
		LabelSelector: labels.SelectorFromSet(sts.Spec.Selector.MatchLabels).String()})
	if err != nil {
		return nil, fmt.Errorf("list controllerrevisions of %s/%s: %w", namespace, name, err)
	}
	next := int64(1)
	for _, r := range revs.Items {
		next = max(next, r.Revision+1)
	}
	cr, err := s.controllerRevision(ctx, sts, next)
	if err != nil {
		return nil, err
	}
	last := int(*sts.Spec.Replicas) - 1
	zero := int64(0)
	podName := fmt.Sprintf("%s-%d", name, last)
	if err := s.Client.CoreV1().Pods(namespace).Delete(ctx, podName, metav1.DeleteOptions{GracePeriodSeconds: &zero}); err != nil {
		return nil, fmt.Errorf("delete pod %s/%s: %w", namespace, podName, err)
	}
	return s.statefulPod(ctx, sts, cr, last)
}

// controllerRevision records sts's current template as revision number
// rev: its data is the replace patch of spec.template the controller stores.
func (s *Sim) controllerRevision(ctx context.Context, sts *appsv1.StatefulSet, rev int64) (*appsv1.ControllerRevision, error) {
	raw, err := json.Marshal(sts.Spec.Template)
	if err != nil {
		return nil, err
	}
	var tpl map[string]any
	if err := json.Unmarshal(raw, &tpl); err != nil {
		return nil, err
	}
	tpl["$patch"] = "replace"
	data, err := json.Marshal(map[string]any{"spec": map[string]any{"template": tpl}})
	if err != nil {
		return nil, err
	}
	hash := rand.SafeEncodeString(rand.String(10))[:10]
	lbl := map[string]string{"controller.kubernetes.io/hash": hash}
	for k, v := range sts.Spec.Template.Labels {
		lbl[k] = v
	}
	cr := &appsv1.ControllerRevision{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: sts.Namespace, Name: sts.Name + "-" + hash, Labels: lbl,
			OwnerReferences: []metav1.OwnerReference{controllerRef(sts, "apps/v1", "StatefulSet")},
		},
		Data:     runtime.RawExtension{Raw: data},
		Revision: rev,
	}
	out, err := s.Client.AppsV1().ControllerRevisions(sts.Namespace).Create(ctx, cr, metav1.CreateOptions{})
	if err != nil {
		return nil, fmt.Errorf("create controllerrevision %s/%s: %w", sts.Namespace, cr.Name, err)
	}
	return out, nil
}

// statefulPod creates pod NAME-i of revision cr, running and ready.
func (s *Sim) statefulPod(ctx context.Context, sts *appsv1.StatefulSet, cr *appsv1.ControllerRevision, i int) (*corev1.Pod, error) {
	name := fmt.Sprintf("%s-%d", sts.Name, i)
	lbl := map[string]string{
		"controller-revision-hash":           cr.Name,
		"statefulset.kubernetes.io/pod-name": name,
		"apps.kubernetes.io/pod-index":       strconv.Itoa(i),
	}
	for k, v := range sts.Spec.Template.Labels {
		lbl[k] = v
	}
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: sts.Namespace, Name: name, Labels: lbl,
			OwnerReferences: []metav1.OwnerReference{controllerRef(sts, "apps/v1", "StatefulSet")},
		},
		Spec: *sts.Spec.Template.Spec.DeepCopy(),
	}
	return s.CreatePod(ctx, pod)
}
