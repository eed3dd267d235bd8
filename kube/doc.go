// Package kube is the cluster side of crashloop-bot: it watches kubelet
// BackOff events with a server-side field selector, confirms each against
// the pod's live status, gathers what a diagnosis needs (the pod, its
// events, the previous container's log tail, the owning workload) and checks
// whether a crashing workload has recovered. It keeps no cluster-wide cache
// of pods or events.
package kube
