package diagnose

import (
	"fmt"
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// podFailureHints are pod-level failure reasons the kubelet sets in
// status.reason, with what to change.
var podFailureHints = map[string]string{
	"Evicted":                  "The kubelet evicted the pod under node pressure: set resources.requests (memory, ephemeral-storage) close to real use so the pod is not evicted first, cap disk use (logs, emptyDir sizeLimit, ephemeral-storage limits), and delete the Failed pods it left behind (kubectl delete pod --field-selector=status.phase=Failed).",
	"NodeLost":                 "The node stopped reporting: check the node's condition (kubectl describe node); the pod is recreated elsewhere by its controller.",
	"Shutdown":                 "The node was shut down (graceful node shutdown): the pod is recreated elsewhere by its controller; nothing in the app to fix.",
	"NodeShutdown":             "The node was shut down (graceful node shutdown): the pod is recreated elsewhere by its controller; nothing in the app to fix.",
	"Terminated":               "The node was shut down (graceful node shutdown): the pod is recreated elsewhere by its controller; nothing in the app to fix.",
	"OutOfcpu":                 "The node could not admit the pod (CPU requests exceed what is left): lower requests or add capacity.",
	"OutOfmemory":              "The node could not admit the pod (memory requests exceed what is left): lower requests or add capacity.",
	"OutOfpods":                "The node could not admit the pod (pod limit reached): add capacity or raise maxPods.",
	"NodeAffinity":             "The node no longer matches the pod's node affinity or selector (labels changed): fix the labels or the affinity.",
	"UnexpectedAdmissionError": "The kubelet failed to admit the pod (often a device plugin, e.g. GPUs, not ready): check the node's device plugins and kubelet log.",
}

// podFailure explains a container through its pod's failure reason when the
// kubelet failed the whole pod.
func podFailure(pod *corev1.Pod, termEv []string) (verdict, bool) {
	reason := pod.Status.Reason
	hint, ok := podFailureHints[reason]
	if !ok || pod.Status.Phase != corev1.PodFailed {
		return verdict{}, false
	}
	msg := strings.TrimSpace(pod.Status.Message)
	ev := append([]string{fmt.Sprintf("status: phase=Failed reason=%s message=%q", reason, msg)}, termEv...)
	sum := "pod failed: " + reason
	if reason == "Evicted" {
		sum = "pod was evicted by the kubelet"
	}
	if msg != "" {
		sum += ": " + shorten(msg, maxSummary)
	}
	if reason == "Evicted" && reOwnStorageLimit.MatchString(msg) {
		// Not the node's pressure: the pod went over the ephemeral
		// storage it was given, a limit of its own spec.
		return verdict{cat: ConfigError, summary: sum, evidence: ev, hint: hintOwnStorageLimit}, true
	}
	return verdict{cat: Unknown, summary: sum, evidence: ev, hint: hint}, true
}

// reOwnStorageLimit is an eviction for going over the pod's own storage
// limits ("Container runner exceeded its local ephemeral storage limit
// \"2Gi\".", "Usage of EmptyDir volume \"scratch\" exceeds the limit
// \"10Gi\".").
var reOwnStorageLimit = regexp.MustCompile(`(?i)\bexceeded its local ephemeral storage limit\b|\bUsage of EmptyDir volume "[^"]*" exceeds the limit\b|\bPod ephemeral local storage usage exceeds the total limit of containers\b`)

// hintOwnStorageLimit is what to change when the pod outgrew its own
// storage limits.
const hintOwnStorageLimit = "The pod wrote more than the ephemeral storage it was given (its containers' writable layers, logs and emptyDir volumes count): raise resources.limits.ephemeral-storage or the emptyDir sizeLimit to what it really writes, or put the data on a volume of its own (a PVC)."

// meshHint advises on service-mesh start-up order when the pod runs a mesh
// proxy next to the failing container: traffic is redirected to the proxy,
// so an app that connects before the proxy is ready gets refused.
func meshHint(pod *corev1.Pod, v *containerView) string {
	for _, list := range [][]corev1.Container{pod.Spec.InitContainers, pod.Spec.Containers} {
		for _, c := range list {
			if c.Name == v.name {
				continue
			}
			switch c.Name {
			case "istio-proxy":
				return `The pod runs the istio-proxy sidecar: if the app connects before the proxy is ready, its connections fail. Set the pod annotation proxy.istio.io/config: '{"holdApplicationUntilProxyStarts": true}' (or the mesh-wide default), or retry in the app.`
			case "linkerd-proxy":
				return `The pod runs the linkerd-proxy sidecar: if the app connects before the proxy is ready, its connections fail. Set the annotation config.linkerd.io/proxy-await: "enabled", or retry in the app.`
			}
		}
	}
	return ""
}
