package kube

// Fixtures for the fake-clientset unit tests: objects as the controllers
// and the kubelet leave them, built in a few lines each.

import (
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

var fakeNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

func ctrlRef(kind, name string) []metav1.OwnerReference {
	yes := true
	return []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: kind, Name: name, UID: types.UID(kind + "-" + name), Controller: &yes}}
}

func fakeDeployment(ns, name string) *appsv1.Deployment {
	return &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, UID: types.UID("Deployment-" + name)},
		Spec:       appsv1.DeploymentSpec{Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": name}}},
	}
}

func fakeReplicaSet(ns, name, hash string) *appsv1.ReplicaSet {
	return &appsv1.ReplicaSet{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name + "-" + hash, UID: types.UID("ReplicaSet-" + name + "-" + hash),
			OwnerReferences: ctrlRef("Deployment", name)},
		Spec: appsv1.ReplicaSetSpec{Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": name, "pod-template-hash": hash}}},
	}
}

func fakeJob(ns, name, cronJob string) *batchv1.Job {
	j := &batchv1.Job{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, UID: types.UID("Job-" + name)}}
	if cronJob != "" {
		yes := true
		j.OwnerReferences = []metav1.OwnerReference{{APIVersion: "batch/v1", Kind: "CronJob", Name: cronJob, UID: "CronJob-" + types.UID(cronJob), Controller: &yes}}
	}
	return j
}

// crashingPod is a pod of a Deployment's ReplicaSet whose container app
// waits in CrashLoopBackOff after being OOM-killed.
func fakeCrashingPod(ns, deploy, hash, name string) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, UID: types.UID("pod-" + name),
			Labels:          map[string]string{"app": deploy, "pod-template-hash": hash},
			OwnerReferences: ctrlRef("ReplicaSet", deploy+"-"+hash)},
		Spec: corev1.PodSpec{NodeName: "node-1", Containers: []corev1.Container{{Name: "app", Image: "registry.example.com/" + deploy + ":1"}},
			Volumes: []corev1.Volume{{Name: "cfg", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
				LocalObjectReference: corev1.LocalObjectReference{Name: deploy + "-config"}}}}}},
		Status: corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{{
			Name: "app", RestartCount: 3, Image: "registry.example.com/" + deploy + ":1",
			State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}},
			LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
				ExitCode: 137, Reason: "OOMKilled",
				StartedAt: metav1.NewTime(fakeNow.Add(-time.Minute)), FinishedAt: metav1.NewTime(fakeNow.Add(-time.Second))}},
		}}},
	}
}

// backOffEvent is the kubelet's event for pod; imagePull makes it the
// image pull back-off that shares the reason.
func fakeBackOff(pod *corev1.Pod, imagePull bool, at time.Time) *corev1.Event {
	msg := "Back-off restarting failed container app in pod " + pod.Name + "_" + pod.Namespace + "(" + string(pod.UID) + ")"
	if imagePull {
		msg = `Back-off pulling image "registry.example.com/x:2"`
	}
	return &corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Namespace: pod.Namespace, Name: pod.Name + ".backoff"},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: pod.Namespace, Name: pod.Name, UID: pod.UID},
		Reason:         "BackOff", Message: msg, Type: corev1.EventTypeWarning,
		FirstTimestamp: metav1.NewTime(at), LastTimestamp: metav1.NewTime(at), Count: 1,
	}
}
