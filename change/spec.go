package change

import (
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
)

// diffResources compares requests and limits per resource:
// "memory limit 256Mi -> 128Mi", "cpu request 100m added".
func diffResources(p, c corev1.ResourceRequirements) []string {
	var out []string
	for _, kind := range []struct {
		name string
		p, c corev1.ResourceList
	}{{"request", p.Requests, c.Requests}, {"limit", p.Limits, c.Limits}} {
		for _, res := range sortedKeys(stringKeys(kind.p), stringKeys(kind.c)) {
			pq, pok := kind.p[corev1.ResourceName(res)]
			cq, cok := kind.c[corev1.ResourceName(res)]
			switch {
			case pok && cok && pq.Cmp(cq) == 0:
			case !pok:
				out = append(out, res+" "+kind.name+" "+cq.String()+" added")
			case !cok:
				out = append(out, res+" "+kind.name+" "+pq.String()+" removed")
			default:
				out = append(out, res+" "+kind.name+" "+pq.String()+" -> "+cq.String())
			}
		}
	}
	if !equality.Semantic.DeepEqual(p.Claims, c.Claims) {
		out = append(out, "resource claims changed")
	}
	return out
}

func stringKeys(l corev1.ResourceList) map[string]bool {
	m := map[string]bool{}
	for k := range l {
		m[string(k)] = true
	}
	return m
}

// probeHandler renders how a probe checks: "GET :8080/healthz", "exec [cat
// /ready]", "tcp :5432", "grpc :9090".
func probeHandler(p *corev1.Probe) string {
	switch h := p.ProbeHandler; {
	case h.HTTPGet != nil:
		return "GET " + strings.ToLower(string(h.HTTPGet.Scheme)) + ":" + h.HTTPGet.Port.String() + h.HTTPGet.Path
	case h.Exec != nil:
		return "exec [" + clip(strings.Join(h.Exec.Command, " ")) + "]"
	case h.TCPSocket != nil:
		return "tcp :" + h.TCPSocket.Port.String()
	case h.GRPC != nil:
		return "grpc :" + strconv.Itoa(int(h.GRPC.Port))
	}
	return "no handler"
}

// diffProbe compares one probe: "liveness probe added (GET :8080/healthz)",
// "liveness probe GET :8080/healthz -> GET :8080/health",
// "liveness probe timeoutSeconds 5 -> 1".
func diffProbe(name string, p, c *corev1.Probe) []string {
	switch {
	case p == nil && c == nil:
		return nil
	case p == nil:
		return []string{name + " added (" + probeHandler(c) + ")"}
	case c == nil:
		return []string{name + " removed"}
	}
	var out []string
	if ph, ch := probeHandler(p), probeHandler(c); ph != ch {
		out = append(out, name+" "+ph+" -> "+ch)
	} else if !equality.Semantic.DeepEqual(p.ProbeHandler, c.ProbeHandler) {
		out = append(out, name+" handler changed")
	}
	pt, ct := *p, *c
	pt.ProbeHandler, ct.ProbeHandler = corev1.ProbeHandler{}, corev1.ProbeHandler{}
	return append(out, diffFlat(name, pt, ct)...)
}

// volumeSource renders what a volume is: "configMap app-config",
// "secret db-creds", "pvc data", "emptyDir", "projected (configMap a, secret b)".
func volumeSource(v corev1.Volume) string {
	s := v.VolumeSource
	switch {
	case s.ConfigMap != nil:
		return "configMap " + s.ConfigMap.Name
	case s.Secret != nil:
		return "secret " + s.Secret.SecretName
	case s.PersistentVolumeClaim != nil:
		return "pvc " + s.PersistentVolumeClaim.ClaimName
	case s.EmptyDir != nil:
		return "emptyDir"
	case s.HostPath != nil:
		return "hostPath " + s.HostPath.Path
	case s.Projected != nil:
		var parts []string
		for _, src := range s.Projected.Sources {
			switch {
			case src.ConfigMap != nil:
				parts = append(parts, "configMap "+src.ConfigMap.Name)
			case src.Secret != nil:
				parts = append(parts, "secret "+src.Secret.Name)
			case src.ServiceAccountToken != nil:
				parts = append(parts, "serviceAccountToken")
			case src.DownwardAPI != nil:
				parts = append(parts, "downwardAPI")
			default:
				parts = append(parts, "other")
			}
		}
		return "projected (" + strings.Join(parts, ", ") + ")"
	}
	// Any other volume type: its JSON field name.
	for _, k := range sortedKeys(flatten(s)) {
		kind, _, _ := strings.Cut(k, ".")
		return kind
	}
	return "unknown"
}

// diffPodVolumes compares volumes by name: "volume config added (configMap
// app-config)", "volume config configMap app-v1 -> configMap app-v2",
// "volume cache emptyDir.sizeLimit 1Gi -> 2Gi".
func diffPodVolumes(p, c []corev1.Volume) []Change {
	pm := map[string]corev1.Volume{}
	for _, v := range p {
		pm[v.Name] = v
	}
	cm := map[string]bool{}
	var out []Change
	add := func(text string) { out = append(out, Change{Family: Volumes, Text: text}) }
	for _, v := range c {
		cm[v.Name] = true
		old, ok := pm[v.Name]
		switch {
		case !ok:
			add("volume " + v.Name + " added (" + volumeSource(v) + ")")
		case volumeSource(old) != volumeSource(v):
			add("volume " + v.Name + " " + volumeSource(old) + " -> " + volumeSource(v))
		default:
			for _, t := range diffFlat("volume "+v.Name, old.VolumeSource, v.VolumeSource) {
				add(t)
			}
		}
	}
	for _, v := range p {
		if !cm[v.Name] {
			add("volume " + v.Name + " removed")
		}
	}
	return out
}

// diffMounts compares volume mounts by path: "mount /etc/app added (volume
// config)", "mount /etc/app volume config -> config-v2".
func diffMounts(p, c []corev1.VolumeMount) []string {
	pm := map[string]corev1.VolumeMount{}
	for _, m := range p {
		pm[m.MountPath] = m
	}
	cm := map[string]bool{}
	var out []string
	for _, m := range c {
		cm[m.MountPath] = true
		old, ok := pm[m.MountPath]
		switch {
		case !ok:
			out = append(out, "mount "+m.MountPath+" added (volume "+m.Name+")")
		case old.Name != m.Name:
			out = append(out, "mount "+m.MountPath+" volume "+old.Name+" -> "+m.Name)
		default:
			out = append(out, diffFlat("mount "+m.MountPath, old, m)...)
		}
	}
	for _, m := range p {
		if !cm[m.MountPath] {
			out = append(out, "mount "+m.MountPath+" removed")
		}
	}
	return out
}

// diffAffinity says which kind of affinity was added, removed or changed.
func diffAffinity(p, c *corev1.Affinity) []string {
	if p == nil {
		p = &corev1.Affinity{}
	}
	if c == nil {
		c = &corev1.Affinity{}
	}
	var out []string
	for _, a := range []struct {
		name string
		p, c any
		pnil bool
		cnil bool
	}{
		{"nodeAffinity", p.NodeAffinity, c.NodeAffinity, p.NodeAffinity == nil, c.NodeAffinity == nil},
		{"podAffinity", p.PodAffinity, c.PodAffinity, p.PodAffinity == nil, c.PodAffinity == nil},
		{"podAntiAffinity", p.PodAntiAffinity, c.PodAntiAffinity, p.PodAntiAffinity == nil, c.PodAntiAffinity == nil},
	} {
		switch {
		case a.pnil && a.cnil:
		case a.pnil:
			out = append(out, a.name+" added")
		case a.cnil:
			out = append(out, a.name+" removed")
		case !equality.Semantic.DeepEqual(a.p, a.c):
			out = append(out, a.name+" changed")
		}
	}
	return out
}

// toleration renders "key=value:Effect" as kubectl taint does.
func toleration(t corev1.Toleration) string {
	s := t.Key
	if t.Operator == corev1.TolerationOpExists {
		if s == "" {
			s = "*"
		}
	} else if t.Value != "" {
		s += "=" + t.Value
	}
	if t.Effect != "" {
		s += ":" + string(t.Effect)
	}
	if t.TolerationSeconds != nil {
		s += " for " + strconv.FormatInt(*t.TolerationSeconds, 10) + "s"
	}
	return s
}

// diffTolerations compares tolerations as sets: "toleration dedicated=gpu:NoSchedule added".
func diffTolerations(p, c []corev1.Toleration) []string {
	ps, cs := map[string]bool{}, map[string]bool{}
	for _, t := range p {
		ps[toleration(t)] = true
	}
	for _, t := range c {
		cs[toleration(t)] = true
	}
	var out []string
	for _, k := range sortedKeys(cs) {
		if !ps[k] {
			out = append(out, "toleration "+k+" added")
		}
	}
	for _, k := range sortedKeys(ps) {
		if !cs[k] {
			out = append(out, "toleration "+k+" removed")
		}
	}
	return out
}
