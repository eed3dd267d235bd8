package change

import (
	"reflect"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
)

// hashLabels differ between every two revisions by construction; they are
// not changes.
var hashLabels = map[string]bool{
	"pod-template-hash":        true,
	"controller-revision-hash": true,
	"pod-template-generation":  true,
}

// restartedAtAnnotation is what `kubectl rollout restart` sets.
const restartedAtAnnotation = "kubectl.kubernetes.io/restartedAt"

// Diff lists what differs from prev to cur, most likely crash causes first.
// It returns nil when either template is nil (no previous revision) or
// nothing differs but the revision hash labels.
func Diff(prev, cur *corev1.PodTemplateSpec) []Change {
	if prev == nil || cur == nil {
		return nil
	}
	var out []Change
	out = append(out, diffContainers(prev.Spec.InitContainers, cur.Spec.InitContainers, "init container ")...)
	out = append(out, diffContainers(prev.Spec.Containers, cur.Spec.Containers, "container ")...)
	out = append(out, diffPodVolumes(prev.Spec.Volumes, cur.Spec.Volumes)...)
	out = append(out, diffPod(&prev.Spec, &cur.Spec)...)
	out = append(out, diffMetadata(prev, cur)...)
	sortChanges(out)
	return out
}

// diffContainers matches containers by name; what "container " prefixes
// the added/removed text ("init container migrate added").
func diffContainers(prev, cur []corev1.Container, what string) []Change {
	var out []Change
	old := map[string]*corev1.Container{}
	for i := range prev {
		old[prev[i].Name] = &prev[i]
	}
	seen := map[string]bool{}
	for i := range cur {
		c := &cur[i]
		seen[c.Name] = true
		p, ok := old[c.Name]
		if !ok {
			out = append(out, Change{Family: Containers, Container: c.Name, Text: what + c.Name + " added (" + shortImage(c.Image) + ")"})
			continue
		}
		out = append(out, diffContainer(p, c)...)
	}
	for _, p := range prev {
		if !seen[p.Name] {
			out = append(out, Change{Family: Containers, Container: p.Name, Text: what + p.Name + " removed"})
		}
	}
	return out
}

// diffContainer compares two containers of the same name.
func diffContainer(p, c *corev1.Container) []Change {
	var out []Change
	add := func(f Family, text string) { out = append(out, Change{Family: f, Container: c.Name, Text: text}) }
	if p.Image != c.Image {
		add(Image, "image "+imageChange(p.Image, c.Image))
	}
	if t, ok := diffArgv("command", p.Command, c.Command); ok {
		add(Command, t)
	}
	if t, ok := diffArgv("args", p.Args, c.Args); ok {
		add(Command, t)
	}
	for _, t := range diffEnv(p.Env, c.Env) {
		add(Env, t)
	}
	for _, t := range diffEnvFrom(p.EnvFrom, c.EnvFrom) {
		add(EnvFrom, t)
	}
	for _, t := range diffMounts(p.VolumeMounts, c.VolumeMounts) {
		add(Volumes, t)
	}
	for _, t := range diffResources(p.Resources, c.Resources) {
		add(Resources, t)
	}
	for _, pr := range []struct {
		name string
		p, c *corev1.Probe
	}{{"liveness", p.LivenessProbe, c.LivenessProbe}, {"readiness", p.ReadinessProbe, c.ReadinessProbe}, {"startup", p.StartupProbe, c.StartupProbe}} {
		for _, t := range diffProbe(pr.name+" probe", pr.p, pr.c) {
			add(Probes, t)
		}
	}
	for _, t := range diffFlat("securityContext", p.SecurityContext, c.SecurityContext) {
		add(SecurityContext, t)
	}
	if others := otherFields(*p, *c, containerCovered); len(others) > 0 {
		add(Other, strings.Join(others, ", ")+" changed")
	}
	return out
}

// containerCovered are the Container fields diffContainer looks at itself.
var containerCovered = map[string]bool{
	"name": true, "image": true, "command": true, "args": true, "env": true, "envFrom": true,
	"volumeMounts": true, "resources": true, "livenessProbe": true, "readinessProbe": true,
	"startupProbe": true, "securityContext": true,
}

// podCovered are the PodSpec fields Diff looks at itself, or ignores.
var podCovered = map[string]bool{
	"initContainers": true, "containers": true, "volumes": true, "nodeSelector": true,
	"affinity": true, "tolerations": true, "serviceAccountName": true, "securityContext": true,
	// serviceAccount is the deprecated twin of serviceAccountName;
	// nodeName and ephemeralContainers do not belong in templates.
	"serviceAccount": true, "nodeName": true, "ephemeralContainers": true,
}

// diffPod compares pod-level fields other than containers and volumes.
func diffPod(p, c *corev1.PodSpec) []Change {
	var out []Change
	add := func(f Family, text string) { out = append(out, Change{Family: f, Text: text}) }
	if sa := func(s *corev1.PodSpec) string {
		if s.ServiceAccountName != "" {
			return s.ServiceAccountName
		}
		if s.DeprecatedServiceAccount != "" {
			return s.DeprecatedServiceAccount
		}
		return "default"
	}; sa(p) != sa(c) {
		add(ServiceAccount, "serviceAccount "+sa(p)+" -> "+sa(c))
	}
	for _, t := range diffFlat("pod securityContext", p.SecurityContext, c.SecurityContext) {
		add(SecurityContext, t)
	}
	for _, t := range diffStringMap("nodeSelector", p.NodeSelector, c.NodeSelector, false) {
		add(Scheduling, t)
	}
	for _, t := range diffAffinity(p.Affinity, c.Affinity) {
		add(Scheduling, t)
	}
	for _, t := range diffTolerations(p.Tolerations, c.Tolerations) {
		add(Scheduling, t)
	}
	if others := otherFields(*p, *c, podCovered); len(others) > 0 {
		add(Other, "pod "+strings.Join(others, ", ")+" changed")
	}
	return out
}

// diffMetadata reports template label changes and annotation names (their
// values may be long or private); the hash labels are ignored.
func diffMetadata(p, c *corev1.PodTemplateSpec) []Change {
	var out []Change
	pl, cl := withoutHashLabels(p.Labels), withoutHashLabels(c.Labels)
	for _, t := range diffStringMap("label", pl, cl, false) {
		out = append(out, Change{Family: Metadata, Text: t})
	}
	if p.Annotations[restartedAtAnnotation] != c.Annotations[restartedAtAnnotation] {
		out = append(out, Change{Family: Metadata, Text: "restarted (kubectl rollout restart)"})
	}
	pa, ca := without(p.Annotations, restartedAtAnnotation), without(c.Annotations, restartedAtAnnotation)
	for _, t := range diffStringMap("annotation", pa, ca, true) {
		out = append(out, Change{Family: Metadata, Text: t})
	}
	return out
}

func withoutHashLabels(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if !hashLabels[k] {
			out[k] = v
		}
	}
	return out
}

func without(m map[string]string, key string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// otherFields names (by JSON name) the fields of two structs of the same
// type that differ and are not in covered, so no change goes unreported.
func otherFields[T any](p, c T, covered map[string]bool) []string {
	pv, cv := reflect.ValueOf(p), reflect.ValueOf(c)
	var names []string
	for i := 0; i < pv.NumField(); i++ {
		name, _, _ := strings.Cut(pv.Type().Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || covered[name] {
			continue
		}
		if !equality.Semantic.DeepEqual(pv.Field(i).Interface(), cv.Field(i).Interface()) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}
