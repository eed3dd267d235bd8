package change

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// envValue renders where an env var's value comes from. Literal values are
// shown unless the name looks secret; a Secret is named with its key, never
// valued. secret reports a value that must not be shown.
func envValue(e corev1.EnvVar) (text string, secret bool) {
	vf := e.ValueFrom
	switch {
	case vf == nil:
		if looksSecret(e.Name) {
			return hidden, true
		}
		if _, red := diagnose.Redact(e.Value); red {
			return hidden, true
		}
		return clip(e.Value), false
	case vf.SecretKeyRef != nil:
		return "from secret " + vf.SecretKeyRef.Name + "/" + vf.SecretKeyRef.Key, false
	case vf.ConfigMapKeyRef != nil:
		return "from configmap " + vf.ConfigMapKeyRef.Name + "/" + vf.ConfigMapKeyRef.Key, false
	case vf.FieldRef != nil:
		return "from field " + vf.FieldRef.FieldPath, false
	case vf.ResourceFieldRef != nil:
		return "from resource " + vf.ResourceFieldRef.Resource, false
	case vf.FileKeyRef != nil:
		return "from file " + vf.FileKeyRef.Path + "/" + vf.FileKeyRef.Key, false
	}
	return "from another source", false
}

// diffEnv compares env vars by name (a later duplicate wins, as in the
// kubelet): "env LOG_LEVEL added", "env LOG_LEVEL info -> debug",
// "env DB_PASSWORD changed (value hidden)".
func diffEnv(p, c []corev1.EnvVar) []string {
	pm, cm := envMap(p), envMap(c)
	var out []string
	for _, name := range orderedNames(p, c) {
		pe, pok := pm[name]
		ce, cok := cm[name]
		switch {
		case !pok:
			if ce.ValueFrom != nil {
				v, _ := envValue(ce)
				out = append(out, "env "+name+" added ("+v+")")
			} else {
				out = append(out, "env "+name+" added")
			}
		case !cok:
			out = append(out, "env "+name+" removed")
		default:
			pv, psec := envValue(pe)
			cv, csec := envValue(ce)
			if pe.Value == ce.Value && pv == cv {
				continue
			}
			if psec || csec || pv == cv {
				out = append(out, "env "+name+" changed (value hidden)")
			} else {
				out = append(out, "env "+name+" "+quoteEmpty(pv)+" -> "+quoteEmpty(cv))
			}
		}
	}
	return out
}

func quoteEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

func envMap(env []corev1.EnvVar) map[string]corev1.EnvVar {
	m := map[string]corev1.EnvVar{}
	for _, e := range env {
		m[e.Name] = e
	}
	return m
}

// orderedNames lists env names in current order, then removed ones.
func orderedNames(p, c []corev1.EnvVar) []string {
	seen := map[string]bool{}
	var names []string
	for _, list := range [][]corev1.EnvVar{c, p} {
		for _, e := range list {
			if !seen[e.Name] {
				seen[e.Name] = true
				names = append(names, e.Name)
			}
		}
	}
	return names
}

// envFromRef renders an envFrom source: "configmap app-env", "secret db (prefix DB_)".
func envFromRef(e corev1.EnvFromSource) string {
	var s string
	switch {
	case e.ConfigMapRef != nil:
		s = "configmap " + e.ConfigMapRef.Name
	case e.SecretRef != nil:
		s = "secret " + e.SecretRef.Name
	default:
		s = "unknown source"
	}
	if e.Prefix != "" {
		s += " (prefix " + e.Prefix + ")"
	}
	return s
}

// diffEnvFrom compares envFrom sources as sets: "envFrom configmap app-env added".
func diffEnvFrom(p, c []corev1.EnvFromSource) []string {
	ps, cs := map[string]bool{}, map[string]bool{}
	for _, e := range p {
		ps[envFromRef(e)] = true
	}
	for _, e := range c {
		cs[envFromRef(e)] = true
	}
	var out []string
	for _, e := range c {
		if r := envFromRef(e); !ps[r] {
			out = append(out, "envFrom "+r+" added")
			ps[r] = true
		}
	}
	for _, e := range p {
		if r := envFromRef(e); !cs[r] {
			out = append(out, "envFrom "+r+" removed")
			cs[r] = true
		}
	}
	return out
}
