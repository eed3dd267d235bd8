package kube

import (
	"context"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/crashloop-bot/crashloop-bot/change"
)

// WhatChanged tells what changed in the pod's workload before it began to
// crash (see History). A partial answer comes with its error.
func (q *Query) WhatChanged(ctx context.Context, pod *corev1.Pod) (change.Rollout, error) {
	if q.owners == nil {
		q.owners = newOwners(q.client, time.Now)
	}
	owner, err := q.owners.resolve(ctx, pod)
	if err != nil {
		return change.Rollout{}, err
	}
	return NewHistory(q.client).WhatChanged(ctx, pod, owner)
}
