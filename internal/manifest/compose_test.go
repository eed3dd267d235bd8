package manifest

import (
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// A Compose file of one service, pasted with the words around it, is the
// spec of the container that loops: image, entrypoint and command,
// environment, restart policy and memory limit.
func TestComposeServiceIsTheSpec(t *testing.T) {
	in := pasteInput(t, "My container keeps restarting:\n\n```yaml\nservices:\n  worker:\n    image: python:3.12-slim\n    restart: unless-stopped\n    entrypoint: [\"/docker-entrypoint.sh\"]\n    command: python -m worker --queue default\n    environment:\n      - REDIS_URL=redis://cache:6379\n    mem_limit: 256m\n```\n\ndocker ps shows it restarting.\n")
	if in.Pod == nil || len(in.Pod.Spec.Containers) != 1 {
		t.Fatalf("pod = %+v, want one container", in.Pod)
	}
	c := in.Pod.Spec.Containers[0]
	if c.Name != "worker" || c.Image != "python:3.12-slim" {
		t.Errorf("container %q image %q, want worker and python:3.12-slim", c.Name, c.Image)
	}
	if !reflect.DeepEqual(c.Command, []string{"/docker-entrypoint.sh"}) || !reflect.DeepEqual(c.Args, []string{"python", "-m", "worker", "--queue", "default"}) {
		t.Errorf("command %q args %q", c.Command, c.Args)
	}
	if len(c.Env) != 1 || c.Env[0].Name != "REDIS_URL" || c.Env[0].Value != "redis://cache:6379" {
		t.Errorf("env = %+v", c.Env)
	}
	if q := c.Resources.Limits[corev1.ResourceMemory]; q.Value() != 256<<20 {
		t.Errorf("memory limit = %s, want 256Mi", q.String())
	}
	if in.Pod.Spec.RestartPolicy != corev1.RestartPolicyAlways {
		t.Errorf("restart policy = %q, want Always", in.Pod.Spec.RestartPolicy)
	}
}

// Compose's first format has no "services:" key; Swarm's deploy section
// has the restart policy and limit.
func TestComposeServiceShapes(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		image      string
		policy     corev1.RestartPolicy
		mem        int64
	}{
		{"first format", "r:\n  restart: always\n  image: rocker/r-ver:latest\n", "rocker/r-ver:latest", corev1.RestartPolicyAlways, 0},
		{"swarm's deploy", "services:\n  api:\n    image: acme/api:2.1\n    deploy:\n      restart_policy:\n        condition: on-failure\n      resources:\n        limits:\n          memory: 1G\n", "acme/api:2.1", corev1.RestartPolicyOnFailure, 1 << 30},
		{"restart no", "services:\n  seed:\n    image: acme/seed:1\n    restart: \"no\"\n    container_name: seed-once\n", "acme/seed:1", corev1.RestartPolicyNever, 0},
		{"restart no, unquoted (YAML's false)", "services:\n  seed:\n    image: acme/seed:1\n    restart: no\n", "acme/seed:1", corev1.RestartPolicyNever, 0},
	} {
		in := pasteInput(t, tc.yaml)
		if in.Pod == nil || len(in.Pod.Spec.Containers) != 1 {
			t.Errorf("%s: pod = %+v, want one container", tc.name, in.Pod)
			continue
		}
		c := in.Pod.Spec.Containers[0]
		q := c.Resources.Limits[corev1.ResourceMemory]
		if c.Image != tc.image || in.Pod.Spec.RestartPolicy != tc.policy || q.Value() != tc.mem {
			t.Errorf("%s: image %q policy %q memory %d, want %q %q %d", tc.name, c.Image, in.Pod.Spec.RestartPolicy, q.Value(), tc.image, tc.policy, tc.mem)
		}
	}
}

// A Compose file of several services does not say which one loops: none
// is taken as the pod's spec.
func TestComposeOfSeveralServices(t *testing.T) {
	in := pasteInput(t, "services:\n  db:\n    image: postgres:16\n    restart: always\n  web:\n    image: acme/web:3\n    restart: always\n    depends_on: [db]\n")
	if in.Pod != nil && len(in.Pod.Spec.Containers) > 0 && in.Pod.Spec.Containers[0].Image != "" {
		t.Errorf("pod = %+v, want no container spec from a file of two services", in.Pod.Spec.Containers)
	}
}

// Docker's sizes are binary units in either case.
func TestDockerBytes(t *testing.T) {
	for raw, want := range map[string]int64{`"512m"`: 512 << 20, `"2G"`: 2 << 30, `"1.5g"`: 3 << 29, `"64kb"`: 64 << 10, `1073741824`: 1 << 30} {
		if q, ok := dockerBytes([]byte(raw)); !ok || q.Value() != want {
			t.Errorf("%s: got %d (%v), want %d", raw, q.Value(), ok, want)
		}
	}
	for _, raw := range []string{`"lots"`, `"0"`, `""`} {
		if _, ok := dockerBytes([]byte(raw)); ok {
			t.Errorf("%s read as a size", raw)
		}
	}
}

// A Compose service pasted with its container's `docker inspect`: one
// container, named as Docker names it, with the service's memory limit
// and the inspect's last exit.
func TestComposeBesideDockerInspect(t *testing.T) {
	in := pasteInput(t, "Relevant part of the compose:\n\n    webserver:\n      image: ghcr.io/paperless-ngx/paperless-ngx:2.13\n      restart: unless-stopped\n      mem_limit: 512m\n\n$ sudo docker inspect paperless-webserver-1 --format '{{json .State}}'\n{\"Status\":\"restarting\",\"Restarting\":true,\"OOMKilled\":true,\"ExitCode\":137}\n")
	if in.Pod == nil || len(in.Pod.Spec.Containers) != 1 || len(in.Pod.Status.ContainerStatuses) != 1 {
		t.Fatalf("pod = %+v, want one container with a status", in.Pod)
	}
	c, st := in.Pod.Spec.Containers[0], in.Pod.Status.ContainerStatuses[0]
	if c.Name != st.Name {
		t.Errorf("spec names %q, status %q: want one container", c.Name, st.Name)
	}
	if q := c.Resources.Limits[corev1.ResourceMemory]; q.Value() != 512<<20 {
		t.Errorf("memory limit = %s, want the service's 512Mi", q.String())
	}
	if term := st.LastTerminationState.Terminated; term == nil || term.ExitCode != 137 {
		t.Errorf("last termination = %+v, want exit 137", st.LastTerminationState)
	}
}
