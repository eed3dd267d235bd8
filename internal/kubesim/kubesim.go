// Package kubesim plays the Kubernetes controllers and the kubelet against a
// bare API server (see localcluster), which runs neither: it creates
// Deployments with their ReplicaSets and Pods, drives pod status through the
// status subresource, records kubelet-style events and hands previous
// container logs to the fake kubelet. The end-to-end tests, the benchmarks
// and `make demo` use it.
package kubesim

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strconv"
	"sync"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/rand"
	"k8s.io/client-go/kubernetes"
)

// LogSink receives previous container logs; localcluster.Kubelet is one.
type LogSink interface {
	SetLogs(namespace, pod, container, current string)
	SetPreviousLogs(namespace, pod, container, previous string)
}

// Sim drives workloads on one node.
type Sim struct {
	Client kubernetes.Interface
	Logs   LogSink
	Node   string
	Now    func() time.Time

	mu     sync.Mutex
	counts map[string]int32 // event name -> count
}

// New returns a Sim for pods on node.
func New(client kubernetes.Interface, logs LogSink, node string) *Sim {
	return &Sim{Client: client, Logs: logs, Node: node, Now: time.Now, counts: map[string]int32{}}
}

// Deployment describes a Deployment to create.
type Deployment struct {
	Namespace string
	Name      string
	Replicas  int
	// Template is the pod spec; NodeName is set by the Sim. At least one container.
	Template corev1.PodSpec
	// Labels go on the pods (app=Name is always added).
	Labels map[string]string
	// Revision is the ReplicaSet's deployment.kubernetes.io/revision (default 1).
	Revision int
}

// CreateDeployment creates the Deployment, its ReplicaSet and Replicas
// running, ready pods, owned as the controllers would own them.
func (s *Sim) CreateDeployment(ctx context.Context, d Deployment) ([]*corev1.Pod, error) {
	if d.Revision == 0 {
		d.Revision = 1
	}
	labels := map[string]string{"app": d.Name}
	for k, v := range d.Labels {
		labels[k] = v
	}
	replicas := int32(d.Replicas)
	dep := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Namespace: d.Namespace, Name: d.Name, Labels: labels},
		Spec: appsv1.DeploymentSpec{
			Replicas: &replicas,
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": d.Name}},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: d.Template},
		},
	}
	dep, err := s.Client.AppsV1().Deployments(d.Namespace).Create(ctx, dep, metav1.CreateOptions{})
	if err != nil {
		return nil, fmt.Errorf("create deployment %s/%s: %w", d.Namespace, d.Name, err)
	}
	hash := rand.SafeEncodeString(rand.String(10))[:10]
	rsLabels := map[string]string{"pod-template-hash": hash}
	for k, v := range labels {
		rsLabels[k] = v
	}
	rs := &appsv1.ReplicaSet{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: d.Namespace, Name: d.Name + "-" + hash, Labels: rsLabels,
			Annotations:     map[string]string{"deployment.kubernetes.io/revision": strconv.Itoa(d.Revision)},
			OwnerReferences: []metav1.OwnerReference{controllerRef(dep, "apps/v1", "Deployment")},
		},
		Spec: appsv1.ReplicaSetSpec{
			Replicas: &replicas,
			Selector: &metav1.LabelSelector{MatchLabels: rsLabels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: rsLabels}, Spec: d.Template},
		},
	}
	rs, err = s.Client.AppsV1().ReplicaSets(d.Namespace).Create(ctx, rs, metav1.CreateOptions{})
	if err != nil {
		return nil, fmt.Errorf("create replicaset %s/%s: %w", d.Namespace, rs.Name, err)
	}
	var pods []*corev1.Pod
	for range d.Replicas {
		spec := *d.Template.DeepCopy()
		spec.NodeName = s.Node
		pod := &corev1.Pod{
			ObjectMeta: metav1.ObjectMeta{
				Namespace: d.Namespace, Name: rs.Name + "-" + rand.String(5), Labels: rsLabels,
				OwnerReferences: []metav1.OwnerReference{controllerRef(rs, "apps/v1", "ReplicaSet")},
			},
			Spec: spec,
		}
		pod, err := s.CreatePod(ctx, pod)
		if err != nil {
			return nil, err
		}
		pods = append(pods, pod)
	}
	return pods, nil
}

// CreatePod creates pod on the Sim's node and marks it running and ready.
func (s *Sim) CreatePod(ctx context.Context, pod *corev1.Pod) (*corev1.Pod, error) {
	pod.Spec.NodeName = s.Node
	created, err := s.Client.CoreV1().Pods(pod.Namespace).Create(ctx, pod, metav1.CreateOptions{})
	if err != nil {
		return nil, fmt.Errorf("create pod %s/%s: %w", pod.Namespace, pod.Name, err)
	}
	return s.Recover(ctx, created)
}

// Recover marks every container running and the pod ready, as of now.
func (s *Sim) Recover(ctx context.Context, pod *corev1.Pod) (*corev1.Pod, error) {
	now := metav1.NewTime(s.Now())
	pod, err := s.latest(ctx, pod)
	if err != nil {
		return nil, err
	}
	old := map[string]corev1.ContainerStatus{}
	for _, cs := range pod.Status.ContainerStatuses {
		old[cs.Name] = cs
	}
	pod.Status.Phase = corev1.PodRunning
	pod.Status.ContainerStatuses = nil
	for _, c := range pod.Spec.Containers {
		cs := old[c.Name]
		cs.Name, cs.Image, cs.Ready = c.Name, c.Image, true
		// A digest of its own per image, as a registry gives: workloads
		// share a digest only when they run the same image.
		cs.ImageID = "docker.io/" + c.Image + "@sha256:" + fmt.Sprintf("%x", sha256.Sum256([]byte(c.Image)))
		cs.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: now}}
		pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, cs)
	}
	pod.Status.Conditions = []corev1.PodCondition{
		{Type: corev1.PodReady, Status: corev1.ConditionTrue, LastTransitionTime: now},
		{Type: corev1.ContainersReady, Status: corev1.ConditionTrue, LastTransitionTime: now},
	}
	return s.updateStatus(ctx, pod)
}

// Crash describes how a container dies.
type Crash struct {
	Container string
	ExitCode  int32
	// Reason is the runtime's termination reason: Error (default for a
	// non-zero exit), OOMKilled, Completed (default for exit 0).
	Reason string
	// Message is the termination message, if any.
	Message string
	// Log is the crashed instance's log, served as pods/log?previous=true.
	Log string
	// RanFor is how long the instance ran before dying (default 3s).
	RanFor time.Duration
	// Events are extra kubelet events to record first (reason, message),
	// e.g. {"Unhealthy", "Liveness probe failed: ..."}.
	Events [][2]string
}

// CrashLoop makes the container crash once more, as the kubelet reports it:
// previous log, BackOff event, then status waiting in CrashLoopBackOff with
// the last termination and one more restart.
func (s *Sim) CrashLoop(ctx context.Context, pod *corev1.Pod, c Crash) (*corev1.Pod, error) {
	if c.Reason == "" {
		c.Reason = "Error"
		if c.ExitCode == 0 {
			c.Reason = "Completed"
		}
	}
	if c.RanFor == 0 {
		c.RanFor = 3 * time.Second
	}
	now := s.Now()
	for _, e := range c.Events {
		typ := corev1.EventTypeWarning
		if e[0] == "Killing" {
			typ = corev1.EventTypeNormal
		}
		if err := s.Event(ctx, pod, e[0], e[1], typ); err != nil {
			return nil, err
		}
	}
	s.Logs.SetPreviousLogs(pod.Namespace, pod.Name, c.Container, c.Log)
	s.Logs.SetLogs(pod.Namespace, pod.Name, c.Container, "")
	// As the kubelet: the first exit restarts at once (no back-off, no
	// event); the BackOff event comes with the second.
	first, err := s.firstExit(ctx, pod, c, now)
	if err != nil {
		return nil, err
	}
	msg := fmt.Sprintf("Back-off restarting failed container %s in pod %s_%s(%s)", c.Container, pod.Name, pod.Namespace, pod.UID)
	if err := s.Event(ctx, pod, "BackOff", msg, corev1.EventTypeWarning); err != nil {
		return nil, err
	}
	pod, err = s.latest(ctx, pod)
	if err != nil {
		return nil, err
	}
	found := false
	for i := range pod.Status.ContainerStatuses {
		cs := &pod.Status.ContainerStatuses[i]
		if cs.Name != c.Container {
			continue
		}
		found = true
		if !first {
			// The back-off elapsed, the container was restarted and died again.
			cs.RestartCount++
		}
		cs.Ready = false
		cs.LastTerminationState = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
			ExitCode: c.ExitCode, Reason: c.Reason, Message: c.Message,
			StartedAt:   metav1.NewTime(now.Add(-c.RanFor)),
			FinishedAt:  metav1.NewTime(now),
			ContainerID: "containerd://" + rand.String(16),
		}}
		backoff := min(10*time.Second<<min(cs.RestartCount-1, 5), 5*time.Minute)
		cs.State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
			Reason:  "CrashLoopBackOff",
			Message: fmt.Sprintf("back-off %s restarting failed container=%s pod=%s_%s(%s)", backoff, c.Container, pod.Name, pod.Namespace, pod.UID),
		}}
	}
	if !found {
		return nil, fmt.Errorf("pod %s/%s has no container status %q", pod.Namespace, pod.Name, c.Container)
	}
	setReady(pod, false, now)
	return s.updateStatus(ctx, pod)
}

// firstExit records the container's first termination and immediate
// restart when it has never restarted; it reports whether it did.
func (s *Sim) firstExit(ctx context.Context, pod *corev1.Pod, c Crash, now time.Time) (bool, error) {
	pod, err := s.latest(ctx, pod)
	if err != nil {
		return false, err
	}
	for i := range pod.Status.ContainerStatuses {
		cs := &pod.Status.ContainerStatuses[i]
		if cs.Name != c.Container || cs.RestartCount > 0 {
			continue
		}
		cs.RestartCount = 1
		cs.LastTerminationState = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
			ExitCode: c.ExitCode, Reason: c.Reason, Message: c.Message,
			StartedAt: metav1.NewTime(now.Add(-2 * c.RanFor)), FinishedAt: metav1.NewTime(now.Add(-c.RanFor)),
			ContainerID: "containerd://" + rand.String(16),
		}}
		cs.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(now.Add(-c.RanFor))}}
		_, err := s.updateStatus(ctx, pod)
		return err == nil, err
	}
	return false, nil
}

// ImagePullBackOff puts the container in ImagePullBackOff with the kubelet's
// "Back-off pulling image" event, which shares the reason BackOff.
func (s *Sim) ImagePullBackOff(ctx context.Context, pod *corev1.Pod, container string) (*corev1.Pod, error) {
	pod, err := s.latest(ctx, pod)
	if err != nil {
		return nil, err
	}
	var image string
	for i := range pod.Status.ContainerStatuses {
		cs := &pod.Status.ContainerStatuses[i]
		if cs.Name == container {
			image = cs.Image
			cs.Ready = false
			cs.State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
				Reason: "ImagePullBackOff", Message: fmt.Sprintf("Back-off pulling image %q", image),
			}}
		}
	}
	if err := s.Event(ctx, pod, "BackOff", fmt.Sprintf("Back-off pulling image %q", image), corev1.EventTypeNormal); err != nil {
		return nil, err
	}
	setReady(pod, false, s.Now())
	return s.updateStatus(ctx, pod)
}

// Event records a kubelet event about pod, bumping the count of a repeated
// one as the kubelet's event correlator does.
func (s *Sim) Event(ctx context.Context, pod *corev1.Pod, reason, message, typ string) error {
	name := fmt.Sprintf("%s.%s", pod.Name, hashOf(reason+message))
	now := metav1.NewTime(s.Now())
	s.mu.Lock()
	s.counts[name]++
	count := s.counts[name]
	s.mu.Unlock()
	events := s.Client.CoreV1().Events(pod.Namespace)
	if count > 1 {
		e, err := events.Get(ctx, name, metav1.GetOptions{})
		if err == nil {
			e.Count, e.LastTimestamp = count, now
			_, err = events.Update(ctx, e, metav1.UpdateOptions{})
			return err
		}
		if !apierrors.IsNotFound(err) {
			return err
		}
	}
	e := &corev1.Event{
		ObjectMeta: metav1.ObjectMeta{Namespace: pod.Namespace, Name: name},
		InvolvedObject: corev1.ObjectReference{
			Kind: "Pod", APIVersion: "v1", Namespace: pod.Namespace, Name: pod.Name, UID: pod.UID,
			FieldPath: "spec.containers{" + firstContainer(pod) + "}",
		},
		Reason: reason, Message: message, Type: typ,
		Source:         corev1.EventSource{Component: "kubelet", Host: s.Node},
		FirstTimestamp: now, LastTimestamp: now, Count: count,
		ReportingController: "kubelet", ReportingInstance: s.Node,
	}
	_, err := events.Create(ctx, e, metav1.CreateOptions{})
	if apierrors.IsAlreadyExists(err) {
		return nil
	}
	return err
}

// latest fetches the current version of pod, so callers may pass a stale copy.
func (s *Sim) latest(ctx context.Context, pod *corev1.Pod) (*corev1.Pod, error) {
	p, err := s.Client.CoreV1().Pods(pod.Namespace).Get(ctx, pod.Name, metav1.GetOptions{})
	if err != nil {
		return nil, fmt.Errorf("get pod %s/%s: %w", pod.Namespace, pod.Name, err)
	}
	return p, nil
}

func (s *Sim) updateStatus(ctx context.Context, pod *corev1.Pod) (*corev1.Pod, error) {
	out, err := s.Client.CoreV1().Pods(pod.Namespace).UpdateStatus(ctx, pod, metav1.UpdateOptions{})
	if err != nil {
		return nil, fmt.Errorf("update status of pod %s/%s: %w", pod.Namespace, pod.Name, err)
	}
	return out, nil
}

func setReady(pod *corev1.Pod, ready bool, at time.Time) {
	status := corev1.ConditionFalse
	if ready {
		status = corev1.ConditionTrue
	}
	pod.Status.Conditions = []corev1.PodCondition{
		{Type: corev1.PodReady, Status: status, LastTransitionTime: metav1.NewTime(at)},
		{Type: corev1.ContainersReady, Status: status, LastTransitionTime: metav1.NewTime(at)},
	}
}

func controllerRef(obj metav1.Object, apiVersion, kind string) metav1.OwnerReference {
	yes := true
	return metav1.OwnerReference{APIVersion: apiVersion, Kind: kind, Name: obj.GetName(), UID: obj.GetUID(), Controller: &yes, BlockOwnerDeletion: &yes}
}

func firstContainer(pod *corev1.Pod) string {
	if len(pod.Spec.Containers) == 0 {
		return ""
	}
	return pod.Spec.Containers[0].Name
}

// hashOf is a short stable hash for event names.
func hashOf(s string) string {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return strconv.FormatUint(h, 36)
}
