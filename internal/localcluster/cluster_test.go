package localcluster_test

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
)

func TestMain(m *testing.M) { os.Exit(lctest.Run(m)) }

// TestCrashLoopRoundTrip proves the harness: a pod in CrashLoopBackOff, a
// kubelet-style BackOff event found by a server-side field selector, and the
// previous container's log served through pods/log by the fake kubelet.
func TestCrashLoopRoundTrip(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	client := env.Admin

	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "api-1"},
		Spec: corev1.PodSpec{
			NodeName:   lctest.NodeName,
			Containers: []corev1.Container{{Name: "api", Image: "example/api:1.0"}},
		},
	}
	pod, err := client.CoreV1().Pods(ns).Create(ctx, pod, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	finished := metav1.NewTime(time.Now().Truncate(time.Second))
	pod.Status = corev1.PodStatus{
		Phase: corev1.PodRunning,
		ContainerStatuses: []corev1.ContainerStatus{{
			Name:         "api",
			Image:        "example/api:1.0",
			RestartCount: 3,
			State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
				Reason: "CrashLoopBackOff", Message: "back-off 40s restarting failed container=api pod=api-1_" + ns,
			}},
			LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
				ExitCode: 1, Reason: "Error", FinishedAt: finished,
			}},
		}},
	}
	if _, err := client.CoreV1().Pods(ns).UpdateStatus(ctx, pod, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	event := &corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Namespace: ns, Name: "api-1.backoff"},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: ns, Name: "api-1", UID: pod.UID, APIVersion: "v1"},
		Reason:         "BackOff",
		Message:        "Back-off restarting failed container api in pod api-1_" + ns + "(" + string(pod.UID) + ")",
		Type:           corev1.EventTypeWarning,
		Source:         corev1.EventSource{Component: "kubelet", Host: lctest.NodeName},
		Count:          1,
		FirstTimestamp: finished,
		LastTimestamp:  finished,
	}
	if _, err := client.CoreV1().Events(ns).Create(ctx, event, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	// An image pull back-off shares the reason; it must be there too, so
	// the selector below is shown to return both and the message decides.
	pull := event.DeepCopy()
	pull.Name, pull.Message = "api-1.pull", "Back-off pulling image \"example/api:1.0\""
	if _, err := client.CoreV1().Events(ns).Create(ctx, pull, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}

	got, err := client.CoreV1().Pods(ns).Get(ctx, "api-1", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cs := got.Status.ContainerStatuses[0]
	if cs.State.Waiting == nil || cs.State.Waiting.Reason != "CrashLoopBackOff" || cs.LastTerminationState.Terminated.ExitCode != 1 || cs.RestartCount != 3 {
		t.Fatalf("pod status did not round-trip: %+v", cs)
	}

	sel := fields.Set{"involvedObject.kind": "Pod", "reason": "BackOff"}.AsSelector().String()
	events, err := client.CoreV1().Events(ns).List(ctx, metav1.ListOptions{FieldSelector: sel})
	if err != nil {
		t.Fatal(err)
	}
	if len(events.Items) != 2 {
		t.Fatalf("field selector %q returned %d events, want 2", sel, len(events.Items))
	}
	other, err := client.CoreV1().Events(ns).List(ctx, metav1.ListOptions{FieldSelector: "reason=Unhealthy"})
	if err != nil || len(other.Items) != 0 {
		t.Fatalf("reason=Unhealthy returned %v, %v; want none", other, err)
	}

	env.Kubelet.SetPreviousLogs(ns, "api-1", "api", "starting\nline 2\npanic: config missing\n")
	tail := int64(1)
	rc, err := client.CoreV1().Pods(ns).GetLogs("api-1", &corev1.PodLogOptions{Container: "api", Previous: true, TailLines: &tail}).Stream(ctx)
	if err != nil {
		t.Fatalf("pods/log via fake kubelet: %v", err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	if string(b) != "panic: config missing\n" {
		t.Fatalf("previous log tail = %q", b)
	}
}

// TestServiceAccountSeesOnlyItsRBAC checks ServiceAccountConfig: a read-only
// role on pods lets the account list pods and nothing else.
func TestServiceAccountSeesOnlyItsRBAC(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	role := &rbacv1.Role{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "pod-reader"},
		Rules:      []rbacv1.PolicyRule{{APIGroups: []string{""}, Resources: []string{"pods"}, Verbs: []string{"get", "list"}}},
	}
	if _, err := env.Admin.RbacV1().Roles(ns).Create(ctx, role, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	binding := &rbacv1.RoleBinding{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "bot"},
		RoleRef:    rbacv1.RoleRef{APIGroup: "rbac.authorization.k8s.io", Kind: "Role", Name: "pod-reader"},
		Subjects:   []rbacv1.Subject{{Kind: "ServiceAccount", Namespace: ns, Name: "bot"}},
	}
	if _, err := env.Admin.RbacV1().RoleBindings(ns).Create(ctx, binding, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	cfg, err := env.Cluster.ServiceAccountConfig(ctx, ns, "bot")
	if err != nil {
		t.Fatal(err)
	}
	sa := kubernetes.NewForConfigOrDie(cfg)
	if _, err := sa.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{}); err != nil {
		t.Fatalf("list pods as the service account: %v", err)
	}
	_, err = sa.CoreV1().Secrets(ns).List(ctx, metav1.ListOptions{})
	if !apierrors.IsForbidden(err) || !strings.Contains(err.Error(), "system:serviceaccount:"+ns+":bot") {
		t.Fatalf("list secrets as the service account: %v, want Forbidden for the account", err)
	}
}
