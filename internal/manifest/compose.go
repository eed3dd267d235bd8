package manifest

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// A Docker Compose file pasted with a container that keeps restarting says
// what the container runs: its image, entrypoint and command, restart
// policy, environment and memory limit, as a pod's spec does. Only a file
// of one service is read: with several, nothing says which one loops.

// composeService is the part of a Compose service read.
type composeService struct {
	Image         string          `json:"image"`
	Build         json.RawMessage `json:"build"`
	ContainerName string          `json:"container_name"`
	Entrypoint    json.RawMessage `json:"entrypoint"`
	Command       json.RawMessage `json:"command"`
	Restart       json.RawMessage `json:"restart"` // a string, or false for an unquoted no
	Environment   json.RawMessage `json:"environment"`
	MemLimit      json.RawMessage `json:"mem_limit"`
	Volumes       json.RawMessage `json:"volumes"`
	Deploy        *struct {
		RestartPolicy *struct {
			Condition string `json:"condition"`
		} `json:"restart_policy"`
		Resources *struct {
			Limits *struct {
				Memory json.RawMessage `json:"memory"`
			} `json:"limits"`
		} `json:"resources"`
	} `json:"deploy"`
}

// reComposeLine is a line only a Compose service has, beside its image.
var reComposeLine = regexp.MustCompile(`(?m)^services:\s*$|^\s+(?:restart|container_name|mem_limit|depends_on|stdin_open|tty):`)

// reComposeImage is a service's image (or the build it is made by) on the
// line of its key.
var reComposeImage = regexp.MustCompile(`(?m)^\s+(?:image|build):\s*\S`)

// reServiceName is a name Compose accepts for a service.
var reServiceName = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9._-]*$`)

// looksLikeCompose reports text that is a Compose file or a piece of one.
func looksLikeCompose(text []byte) bool {
	return reComposeImage.Match(text) && reComposeLine.Match(text)
}

// composePod reads a Compose file of one service (with its "services:" key
// or, as Compose's first format and pastes of one service have it,
// without) into a pod running that service's container.
func composePod(js []byte) (corev1.Pod, bool) {
	var top map[string]json.RawMessage
	if json.Unmarshal(js, &top) != nil {
		return corev1.Pod{}, false
	}
	services := top
	if raw, ok := top["services"]; ok {
		services = nil
		if json.Unmarshal(raw, &services) != nil {
			return corev1.Pod{}, false
		}
	}
	if len(services) != 1 {
		return corev1.Pod{}, false
	}
	for name, raw := range services {
		var s composeService
		if !reServiceName.MatchString(name) || json.Unmarshal(raw, &s) != nil || (s.Image == "" && len(s.Build) == 0) {
			// ("container spec:" above a container's image and command
			// is the reporter's label, not a service.)
			return corev1.Pod{}, false
		}
		return s.pod(name), true
	}
	return corev1.Pod{}, false
}

// pod is the pod that runs service s, named name.
func (s *composeService) pod(name string) corev1.Pod {
	if s.ContainerName != "" {
		name = s.ContainerName
	}
	c := corev1.Container{Name: name, Image: s.Image, Command: composeWords(s.Entrypoint), Args: composeWords(s.Command)}
	c.Env = composeEnv(s.Environment)
	mem := s.MemLimit
	if s.Deploy != nil && s.Deploy.Resources != nil && s.Deploy.Resources.Limits != nil && len(s.Deploy.Resources.Limits.Memory) > 0 {
		mem = s.Deploy.Resources.Limits.Memory
	}
	if q, ok := dockerBytes(mem); ok {
		c.Resources.Limits = corev1.ResourceList{corev1.ResourceMemory: q}
	}
	var p corev1.Pod
	p.Spec.Volumes, c.VolumeMounts = composeVolumes(s.Volumes)
	p.Name = name
	p.Annotations = map[string]string{composeAnnotation: "true"}
	p.Spec.Containers = []corev1.Container{c}
	p.Spec.RestartPolicy = composeRestart(s)
	return p
}

// composeAnnotation marks a pod read from a Compose file: the container's
// own output pasted beside it (docker inspect, docker ps) names the same
// container otherwise ("paperless-webserver-1" for service "webserver").
const composeAnnotation = "crashloop-bot.io/compose-service"

func fromCompose(p *corev1.Pod) bool { return p.Annotations[composeAnnotation] != "" }

// mergeCompose adds the spec of a Compose service to the pod of its one
// container read from elsewhere: what that pod does not say (the command,
// the environment, the memory limit, the restart policy), under that
// pod's names.
func mergeCompose(dst, compose *corev1.Pod) {
	if dst.Spec.RestartPolicy == "" {
		dst.Spec.RestartPolicy = compose.Spec.RestartPolicy
	}
	if len(dst.Spec.Containers) > 1 || len(dst.Status.ContainerStatuses) > 1 || len(compose.Spec.Containers) != 1 {
		return
	}
	src := compose.Spec.Containers[0]
	if len(dst.Spec.Containers) == 0 {
		if len(dst.Status.ContainerStatuses) == 1 {
			src.Name = dst.Status.ContainerStatuses[0].Name
		}
		dst.Spec.Containers = []corev1.Container{src}
		return
	}
	c := &dst.Spec.Containers[0]
	if c.Image == "" {
		c.Image = src.Image
	}
	if len(c.Command) == 0 && len(c.Args) == 0 {
		c.Command, c.Args = src.Command, src.Args
	}
	if len(c.Env) == 0 {
		c.Env = src.Env
	}
	if len(c.Resources.Limits) == 0 {
		c.Resources.Limits = src.Resources.Limits
	}
	if len(c.VolumeMounts) == 0 && len(dst.Spec.Volumes) == 0 {
		c.VolumeMounts, dst.Spec.Volumes = src.VolumeMounts, compose.Spec.Volumes
	}
}

// composeVolumes reads a service's volumes, short ("./src:/app:ro",
// "data:/var/lib/x", "/app/node_modules") or long ({type, source,
// target}), as a pod's volumes: a host path for a bind mount, a claim for
// a named volume, an emptyDir for an anonymous one.
func composeVolumes(raw json.RawMessage) ([]corev1.Volume, []corev1.VolumeMount) {
	if len(raw) == 0 {
		return nil, nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil, nil
	}
	var vols []corev1.Volume
	var mounts []corev1.VolumeMount
	for i, item := range items {
		var src, dst string
		readOnly := false
		var short string
		var long struct {
			Type     string `json:"type"`
			Source   string `json:"source"`
			Target   string `json:"target"`
			ReadOnly bool   `json:"read_only"`
		}
		switch {
		case json.Unmarshal(item, &short) == nil:
			parts := strings.Split(short, ":")
			if len(parts) >= 3 && len(parts[0]) == 1 {
				parts = append([]string{parts[0] + ":" + parts[1]}, parts[2:]...) // a Windows drive: "d:/data:/code/data"
			}
			switch len(parts) {
			case 1:
				dst = parts[0]
			default:
				src, dst = parts[0], parts[1]
				readOnly = len(parts) > 2 && strings.Contains(parts[2], "ro")
			}
		case json.Unmarshal(item, &long) == nil:
			src, dst, readOnly = long.Source, long.Target, long.ReadOnly
			if long.Type == "tmpfs" {
				src = ""
			}
		}
		if !strings.HasPrefix(dst, "/") {
			continue
		}
		name := "volume-" + strconv.Itoa(i)
		v := corev1.Volume{Name: name}
		switch {
		case src == "":
			v.EmptyDir = &corev1.EmptyDirVolumeSource{}
		case strings.ContainsAny(src[:1], "./~$") || strings.Contains(src, "\\") || strings.Contains(src, "/"):
			v.HostPath = &corev1.HostPathVolumeSource{Path: src}
		default:
			v.PersistentVolumeClaim = &corev1.PersistentVolumeClaimVolumeSource{ClaimName: src}
		}
		vols = append(vols, v)
		mounts = append(mounts, corev1.VolumeMount{Name: name, MountPath: dst, ReadOnly: readOnly})
	}
	return vols, mounts
}

// composeRestart maps a service's restart policy to a pod's; Compose's
// default is not to restart.
func composeRestart(s *composeService) corev1.RestartPolicy {
	var policy string
	if json.Unmarshal(s.Restart, &policy) != nil && string(s.Restart) == "false" {
		policy = "no"
	}
	if s.Deploy != nil && s.Deploy.RestartPolicy != nil {
		// Swarm's deploy.restart_policy: any (its default), on-failure, none.
		switch s.Deploy.RestartPolicy.Condition {
		case "none":
			policy = "no"
		case "on-failure":
			policy = "on-failure"
		default:
			policy = "always"
		}
	}
	switch {
	case policy == "always" || policy == "unless-stopped":
		return corev1.RestartPolicyAlways
	case strings.HasPrefix(policy, "on-failure"):
		return corev1.RestartPolicyOnFailure
	case policy == "no":
		return corev1.RestartPolicyNever
	}
	return "" // not given: the pasted file may leave it to an override
}

// composeWords reads an entrypoint or command given as a list or as one
// string (split at spaces, as Compose does without a shell).
func composeWords(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return strings.Fields(one)
	}
	return nil
}

// composeEnv reads an environment given as a map or as a list of
// "NAME=value".
func composeEnv(raw json.RawMessage) []corev1.EnvVar {
	if len(raw) == 0 {
		return nil
	}
	var env []corev1.EnvVar
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		for _, kv := range list {
			k, v, _ := strings.Cut(kv, "=")
			env = append(env, corev1.EnvVar{Name: k, Value: v})
		}
		return env
	}
	var m map[string]any
	if json.Unmarshal(raw, &m) == nil {
		for _, k := range sortedKeys(m) {
			env = append(env, corev1.EnvVar{Name: k, Value: toString(m[k])})
		}
	}
	return env
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// reDockerBytes is Docker's size: a number with b, k, m or g (binary
// units, either case, an optional trailing b).
var reDockerBytes = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*([bkmgBKMG]?)[bB]?$`)

// dockerBytes reads a Docker size ("512m", "1g", "1073741824") as a
// quantity of memory.
func dockerBytes(raw json.RawMessage) (resource.Quantity, bool) {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		var n float64
		if json.Unmarshal(raw, &n) != nil {
			return resource.Quantity{}, false
		}
		s = strconv.FormatFloat(n, 'f', -1, 64)
	}
	m := reDockerBytes.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return resource.Quantity{}, false
	}
	unit := map[string]string{"": "", "b": "", "k": "Ki", "m": "Mi", "g": "Gi"}[strings.ToLower(m[2])]
	q, err := resource.ParseQuantity(m[1] + unit)
	if err != nil || q.IsZero() {
		return resource.Quantity{}, false
	}
	return q, true
}
