package kube

import (
	"context"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Health checks whether a crashing workload has recovered.
type Health struct {
	client kubernetes.Interface
}

// NewHealth returns a Health; it does no I/O.
func NewHealth(client kubernetes.Interface) *Health { return &Health{client: client} }

// CheckHealth reports whether every pod of the incident's workload is
// running and ready (or has finished or is being deleted), and since when:
// the latest Ready transition (or container start, when the transition time
// is missing).
func (h *Health) CheckHealth(ctx context.Context, inc incident.Incident) (incident.Health, error) {
	pods, err := h.pods(ctx, inc)
	if err != nil {
		return incident.Health{}, err
	}
	res := incident.Health{OK: true, Pods: len(pods)}
	for i := range pods {
		t, ok := podHealthySince(&pods[i])
		if !ok {
			return incident.Health{Pods: len(pods)}, nil
		}
		if t.After(res.Since) {
			res.Since = t
		}
	}
	return res, nil
}

func (h *Health) pods(ctx context.Context, inc incident.Incident) ([]corev1.Pod, error) {
	ns := inc.Key.Namespace
	if inc.Selector != "" {
		list, err := h.client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: inc.Selector})
		if err != nil {
			return nil, fmt.Errorf("list pods of %s: %w", inc.Key, err)
		}
		return list.Items, nil
	}
	var pods []corev1.Pod
	for _, name := range inc.Pods {
		p, err := h.client.CoreV1().Pods(ns).Get(ctx, name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("get pod %s/%s: %w", ns, name, err)
		}
		pods = append(pods, *p)
	}
	return pods, nil
}

// podHealthySince: a pod being deleted or succeeded counts as healthy; a
// running pod counts once it is Ready with no container waiting.
func podHealthySince(p *corev1.Pod) (time.Time, bool) {
	if p.DeletionTimestamp != nil || p.Status.Phase == corev1.PodSucceeded {
		return time.Time{}, true
	}
	if p.Status.Phase != corev1.PodRunning {
		return time.Time{}, false
	}
	for _, cs := range p.Status.ContainerStatuses {
		if cs.State.Running == nil {
			return time.Time{}, false
		}
	}
	for _, c := range p.Status.Conditions {
		if c.Type != corev1.PodReady {
			continue
		}
		since := c.LastTransitionTime.Time
		if since.IsZero() {
			for _, cs := range p.Status.ContainerStatuses {
				if t := cs.State.Running.StartedAt.Time; t.After(since) {
					since = t
				}
			}
		}
		return since, c.Status == corev1.ConditionTrue
	}
	return time.Time{}, false
}
