package kube

import (
	"slices"

	corev1 "k8s.io/api/core/v1"
)

// imageOf is the image a container runs: the resolved digest when the
// kubelet reports one, else the spec's image.
func imageOf(pod *corev1.Pod, container string) string {
	for _, list := range [][]corev1.ContainerStatus{pod.Status.InitContainerStatuses, pod.Status.ContainerStatuses} {
		for _, cs := range list {
			if cs.Name == container && cs.ImageID != "" {
				return cs.ImageID
			}
		}
	}
	for _, list := range [][]corev1.Container{pod.Spec.InitContainers, pod.Spec.Containers} {
		for _, c := range list {
			if c.Name == container {
				return c.Image
			}
		}
	}
	return ""
}

// configRefs lists the ConfigMaps and the Secrets the pod mounts or reads
// env from, by name, each sorted. The bot never reads a Secret: it only
// names the references.
func configRefs(pod *corev1.Pod) (configMaps, secrets []string) {
	for _, v := range pod.Spec.Volumes {
		if v.ConfigMap != nil {
			configMaps = append(configMaps, v.ConfigMap.Name)
		}
		if v.Secret != nil {
			secrets = append(secrets, v.Secret.SecretName)
		}
		if v.Projected != nil {
			for _, src := range v.Projected.Sources {
				if src.ConfigMap != nil {
					configMaps = append(configMaps, src.ConfigMap.Name)
				}
				if src.Secret != nil {
					secrets = append(secrets, src.Secret.Name)
				}
			}
		}
	}
	for _, list := range [][]corev1.Container{pod.Spec.InitContainers, pod.Spec.Containers} {
		for _, c := range list {
			for _, ef := range c.EnvFrom {
				if ef.ConfigMapRef != nil {
					configMaps = append(configMaps, ef.ConfigMapRef.Name)
				}
				if ef.SecretRef != nil {
					secrets = append(secrets, ef.SecretRef.Name)
				}
			}
			for _, e := range c.Env {
				if e.ValueFrom == nil {
					continue
				}
				if r := e.ValueFrom.ConfigMapKeyRef; r != nil {
					configMaps = append(configMaps, r.Name)
				}
				if r := e.ValueFrom.SecretKeyRef; r != nil {
					secrets = append(secrets, r.Name)
				}
			}
		}
	}
	slices.Sort(configMaps)
	slices.Sort(secrets)
	return slices.Compact(configMaps), slices.Compact(secrets)
}
