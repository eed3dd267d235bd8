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

// configMapsOf lists the ConfigMaps the pod mounts or reads env from, sorted.
func configMapsOf(pod *corev1.Pod) []string {
	var names []string
	for _, v := range pod.Spec.Volumes {
		if v.ConfigMap != nil {
			names = append(names, v.ConfigMap.Name)
		}
		if v.Projected != nil {
			for _, src := range v.Projected.Sources {
				if src.ConfigMap != nil {
					names = append(names, src.ConfigMap.Name)
				}
			}
		}
	}
	for _, list := range [][]corev1.Container{pod.Spec.InitContainers, pod.Spec.Containers} {
		for _, c := range list {
			for _, ef := range c.EnvFrom {
				if ef.ConfigMapRef != nil {
					names = append(names, ef.ConfigMapRef.Name)
				}
			}
			for _, e := range c.Env {
				if e.ValueFrom != nil && e.ValueFrom.ConfigMapKeyRef != nil {
					names = append(names, e.ValueFrom.ConfigMapKeyRef.Name)
				}
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// secretsOf lists the Secrets the pod mounts or reads env from, by name,
// sorted. The bot never reads a Secret: it only names the references.
func secretsOf(pod *corev1.Pod) []string {
	var names []string
	for _, v := range pod.Spec.Volumes {
		if v.Secret != nil {
			names = append(names, v.Secret.SecretName)
		}
		if v.Projected != nil {
			for _, src := range v.Projected.Sources {
				if src.Secret != nil {
					names = append(names, src.Secret.Name)
				}
			}
		}
	}
	for _, list := range [][]corev1.Container{pod.Spec.InitContainers, pod.Spec.Containers} {
		for _, c := range list {
			for _, ef := range c.EnvFrom {
				if ef.SecretRef != nil {
					names = append(names, ef.SecretRef.Name)
				}
			}
			for _, e := range c.Env {
				if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
					names = append(names, e.ValueFrom.SecretKeyRef.Name)
				}
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}
