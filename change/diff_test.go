package change

import (
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// base is the healthy template every case edits.
func base() *corev1.PodTemplateSpec {
	return &corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "api", "pod-template-hash": "7d9f"}},
		Spec: corev1.PodSpec{
			ServiceAccountName: "api",
			Containers: []corev1.Container{{
				Name:    "api",
				Image:   "registry.example.com/shop/api:1.8.2",
				Command: []string{"/api"},
				Args:    []string{"--port=8080"},
				Env: []corev1.EnvVar{
					{Name: "LOG_FORMAT", Value: "json"},
					{Name: "DB_PASSWORD", Value: "hunter2"},
					{Name: "DB_USER", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
						LocalObjectReference: corev1.LocalObjectReference{Name: "db-creds"}, Key: "user"}}},
				},
				EnvFrom: []corev1.EnvFromSource{{ConfigMapRef: &corev1.ConfigMapEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: "api-env"}}}},
				Resources: corev1.ResourceRequirements{
					Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("100m")},
					Limits:   corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("256Mi")},
				},
				LivenessProbe: &corev1.Probe{
					ProbeHandler:   corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/healthz", Port: intstr.FromInt32(8080)}},
					TimeoutSeconds: 5,
				},
				VolumeMounts: []corev1.VolumeMount{{Name: "config", MountPath: "/etc/api"}},
			}},
			Volumes: []corev1.Volume{{Name: "config", VolumeSource: corev1.VolumeSource{
				ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: "api-config-v1"}}}}},
		},
	}
}

func ptr[T any](v T) *T { return &v }

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*corev1.PodTemplateSpec)
		want []string // Change.String() in order
		fam  Family   // family of every change, "" to skip the check
	}{
		{"identical but the hash label", func(p *corev1.PodTemplateSpec) { p.Labels["pod-template-hash"] = "other" }, nil, ""},
		{"image tag", func(p *corev1.PodTemplateSpec) { p.Spec.Containers[0].Image = "registry.example.com/shop/api:1.9.0" },
			[]string{"api: image api:1.8.2 -> api:1.9.0"}, Image},
		{"image digest pinned", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Image = "registry.example.com/shop/api:1.8.2@sha256:" + strings.Repeat("ab", 32)
		}, []string{"api: image api:1.8.2 -> api:1.8.2@sha256:abababababab"}, Image},
		{"image repository", func(p *corev1.PodTemplateSpec) { p.Spec.Containers[0].Image = "docker.io/shop/api:1.8.2" },
			[]string{"api: image registry.example.com/shop/api:1.8.2 -> docker.io/shop/api:1.8.2"}, Image},
		{"command", func(p *corev1.PodTemplateSpec) { p.Spec.Containers[0].Command = []string{"/api", "serve"} },
			[]string{"api: command [/api] -> [/api serve]"}, Command},
		{"args with a secret", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Args = []string{"--port=8080", "--token=s3cr3tvalue"}
		},
			[]string{"api: args [--port=8080] -> [--port=8080 --token=[REDACTED]]"}, Command},
		{"args removed", func(p *corev1.PodTemplateSpec) { p.Spec.Containers[0].Args = nil },
			[]string{"api: args [--port=8080] removed"}, Command},
		{"env added, changed, removed", func(p *corev1.PodTemplateSpec) {
			c := &p.Spec.Containers[0]
			c.Env = []corev1.EnvVar{{Name: "LOG_FORMAT", Value: "text"}, c.Env[1], c.Env[2], {Name: "LOG_LEVEL", Value: "debug"}}
		}, []string{"api: env LOG_FORMAT json -> text", "api: env LOG_LEVEL added"}, Env},
		{"env removed", func(p *corev1.PodTemplateSpec) { p.Spec.Containers[0].Env = p.Spec.Containers[0].Env[1:] },
			[]string{"api: env LOG_FORMAT removed"}, Env},
		{"secret-looking literal is hidden", func(p *corev1.PodTemplateSpec) { p.Spec.Containers[0].Env[1].Value = "correct-horse" },
			[]string{"api: env DB_PASSWORD changed (value hidden)"}, Env},
		{"literal with a credential URL is hidden", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Env[0] = corev1.EnvVar{Name: "LOG_FORMAT", Value: "postgres://app:pa55w0rd@db:5432/app"}
		}, []string{"api: env LOG_FORMAT changed (value hidden)"}, Env},
		{"valueFrom names the secret and key only", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Env[2].ValueFrom.SecretKeyRef.Name = "db-creds-v2"
		}, []string{"api: env DB_USER from secret db-creds/user -> from secret db-creds-v2/user"}, Env},
		{"valueFrom added", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Env = append(p.Spec.Containers[0].Env, corev1.EnvVar{Name: "MODE", ValueFrom: &corev1.EnvVarSource{
				ConfigMapKeyRef: &corev1.ConfigMapKeySelector{LocalObjectReference: corev1.LocalObjectReference{Name: "flags"}, Key: "mode"}}})
		}, []string{"api: env MODE added (from configmap flags/mode)"}, Env},
		{"envFrom", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].EnvFrom = []corev1.EnvFromSource{{SecretRef: &corev1.SecretEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: "api-secrets"}}, Prefix: "APP_"}}
		}, []string{"api: envFrom secret api-secrets (prefix APP_) added", "api: envFrom configmap api-env removed"}, EnvFrom},
		{"memory limit lowered, cpu request removed", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Resources = corev1.ResourceRequirements{Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("128Mi")}}
		}, []string{"api: cpu request 100m removed", "api: memory limit 256Mi -> 128Mi"}, Resources},
		{"same quantity spelled differently", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Resources.Requests[corev1.ResourceCPU] = resource.MustParse("0.1")
		}, nil, ""},
		{"probe path and timeout", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].LivenessProbe.HTTPGet.Path = "/health"
			p.Spec.Containers[0].LivenessProbe.TimeoutSeconds = 1
		}, []string{"api: liveness probe GET :8080/healthz -> GET :8080/health", "api: liveness probe timeoutSeconds 5 -> 1"}, Probes},
		{"probe added and removed", func(p *corev1.PodTemplateSpec) {
			c := &p.Spec.Containers[0]
			c.ReadinessProbe, c.LivenessProbe = c.LivenessProbe, nil
		}, []string{"api: liveness probe removed", "api: readiness probe added (GET :8080/healthz)"}, Probes},
		{"volume configmap swapped", func(p *corev1.PodTemplateSpec) { p.Spec.Volumes[0].ConfigMap.Name = "api-config-v2" },
			[]string{"volume config configMap api-config-v1 -> configMap api-config-v2"}, Volumes},
		{"secret volume added and mounted", func(p *corev1.PodTemplateSpec) {
			p.Spec.Volumes = append(p.Spec.Volumes, corev1.Volume{Name: "tls", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{SecretName: "api-tls"}}})
			p.Spec.Containers[0].VolumeMounts = append(p.Spec.Containers[0].VolumeMounts, corev1.VolumeMount{Name: "tls", MountPath: "/tls", ReadOnly: true})
		}, []string{"api: mount /tls added (volume tls)", "volume tls added (secret api-tls)"}, Volumes},
		{"volume option and mount option", func(p *corev1.PodTemplateSpec) {
			p.Spec.Volumes[0].ConfigMap.DefaultMode = ptr(int32(0o400))
			p.Spec.Containers[0].VolumeMounts[0].ReadOnly = true
		}, []string{"api: mount /etc/api readOnly=true added", "volume config configMap.defaultMode=256 added"}, Volumes},
		{"volume removed", func(p *corev1.PodTemplateSpec) {
			p.Spec.Volumes = nil
			p.Spec.Containers[0].VolumeMounts = nil
		}, []string{"api: mount /etc/api removed", "volume config removed"}, Volumes},
		{"container security context", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].SecurityContext = &corev1.SecurityContext{ReadOnlyRootFilesystem: ptr(true), RunAsUser: ptr(int64(1000))}
		}, []string{"api: securityContext readOnlyRootFilesystem=true added", "api: securityContext runAsUser=1000 added"}, SecurityContext},
		{"pod security context", func(p *corev1.PodTemplateSpec) {
			p.Spec.SecurityContext = &corev1.PodSecurityContext{RunAsNonRoot: ptr(true)}
		}, []string{"pod securityContext runAsNonRoot=true added"}, SecurityContext},
		{"service account", func(p *corev1.PodTemplateSpec) { p.Spec.ServiceAccountName = "" },
			[]string{"serviceAccount api -> default"}, ServiceAccount},
		{"node selector, affinity, tolerations", func(p *corev1.PodTemplateSpec) {
			p.Spec.NodeSelector = map[string]string{"disktype": "ssd"}
			p.Spec.Affinity = &corev1.Affinity{PodAntiAffinity: &corev1.PodAntiAffinity{}}
			p.Spec.Tolerations = []corev1.Toleration{{Key: "dedicated", Operator: corev1.TolerationOpEqual, Value: "gpu", Effect: corev1.TaintEffectNoSchedule}}
		}, []string{"nodeSelector disktype=ssd added", "podAntiAffinity added", "toleration dedicated=gpu:NoSchedule added"}, Scheduling},
		{"sidecar container added", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: "proxy", Image: "envoyproxy/envoy:v1.31"})
		}, []string{"proxy: container proxy added (envoy:v1.31)"}, Containers},
		{"init container added, app container removed", func(p *corev1.PodTemplateSpec) {
			p.Spec.InitContainers = []corev1.Container{{Name: "migrate", Image: "shop/api:1.9.0"}}
			p.Spec.Containers = []corev1.Container{{Name: "web", Image: "shop/web:2"}}
		}, []string{"migrate: init container migrate added (api:1.9.0)", "web: container web added (web:2)", "api: container api removed"}, Containers},
		{"restart and labels", func(p *corev1.PodTemplateSpec) {
			p.Annotations = map[string]string{restartedAtAnnotation: "2026-01-02T03:04:05Z", "checksum/config": "abc"}
			p.Labels["version"] = "1.9.0"
		}, []string{"label version=1.9.0 added", "restarted (kubectl rollout restart)", "annotation checksum/config added"}, Metadata},
		{"other container and pod fields", func(p *corev1.PodTemplateSpec) {
			p.Spec.Containers[0].Ports = []corev1.ContainerPort{{ContainerPort: 9090}}
			p.Spec.Containers[0].ImagePullPolicy = corev1.PullAlways
			p.Spec.HostNetwork = true
		}, []string{"api: imagePullPolicy, ports changed", "pod hostNetwork changed"}, Other},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prev, cur := base(), base()
			tc.edit(cur)
			got := Diff(prev, cur)
			var texts []string
			for _, c := range got {
				texts = append(texts, c.String())
				if tc.fam != "" && c.Family != tc.fam {
					t.Errorf("%q: family %s, want %s", c, c.Family, tc.fam)
				}
			}
			if !slices.Equal(texts, tc.want) {
				t.Errorf("Diff =\n  %q\nwant\n  %q", texts, tc.want)
			}
			for _, s := range texts {
				if strings.Contains(s, "hunter2") || strings.Contains(s, "s3cr3t") || strings.Contains(s, "pa55w0rd") || strings.Contains(s, "correct-horse") {
					t.Errorf("secret leaked: %q", s)
				}
			}
		})
	}
}

func TestDiffInitContainerImage(t *testing.T) {
	prev, cur := base(), base()
	prev.Spec.InitContainers = []corev1.Container{{Name: "migrate", Image: "shop/migrate:1.9.0"}}
	cur.Spec.InitContainers = []corev1.Container{{Name: "migrate", Image: "shop/migrate:1.9.1"}}
	got := Diff(prev, cur)
	want := Change{Family: Image, Container: "migrate", Text: "image migrate:1.9.0 -> migrate:1.9.1"}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("Diff = %+v, want [%+v]", got, want)
	}
}

func TestDiffNoPrevious(t *testing.T) {
	if got := Diff(nil, base()); got != nil {
		t.Fatalf("Diff(nil, t) = %v, want nil", got)
	}
	if got := Diff(base(), nil); got != nil {
		t.Fatalf("Diff(t, nil) = %v, want nil", got)
	}
}

func TestDiffOrdersLikelyCausesFirst(t *testing.T) {
	cur := base()
	cur.Labels["version"] = "1.9.0"
	cur.Spec.Containers[0].Resources.Limits[corev1.ResourceMemory] = resource.MustParse("128Mi")
	cur.Spec.Containers[0].Env = append(cur.Spec.Containers[0].Env, corev1.EnvVar{Name: "LOG_LEVEL", Value: "debug"})
	cur.Spec.Containers[0].Image = "registry.example.com/shop/api:1.9.0"
	var fams []Family
	for _, c := range Diff(base(), cur) {
		fams = append(fams, c.Family)
	}
	if want := []Family{Image, Env, Resources, Metadata}; !slices.Equal(fams, want) {
		t.Fatalf("families %v, want %v", fams, want)
	}
}

func TestSummarize(t *testing.T) {
	c := func(container, text string) Change { return Change{Family: Other, Container: container, Text: text} }
	for _, tc := range []struct {
		name    string
		changes []Change
		want    string
	}{
		{"none", nil, ""},
		{"one container", []Change{c("api", "image api:1.8.2 -> api:1.9.0"), c("api", "env LOG_LEVEL added")},
			"image api:1.8.2 -> api:1.9.0, env LOG_LEVEL added"},
		{"two containers name them", []Change{c("api", "image api:1.8.2 -> api:1.9.0"), c("proxy", "memory limit 256Mi -> 128Mi")},
			"api: image api:1.8.2 -> api:1.9.0, proxy: memory limit 256Mi -> 128Mi"},
		{"pod-level change does not count as a container", []Change{c("api", "env A added"), c("", "serviceAccount a -> b")},
			"env A added, serviceAccount a -> b"},
		{"truncated", []Change{c("api", "env A added"), c("api", "env B added"), c("api", "env C added"), c("api", "env D added"), c("api", "env E added"), c("api", "env F added")},
			"env A added, env B added, env C added, env D added and 2 more"},
		{"long texts truncated early", []Change{c("api", strings.Repeat("x", 100)), c("api", strings.Repeat("y", 100))},
			strings.Repeat("x", 100) + " and 1 more"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Summarize(tc.changes); got != tc.want {
				t.Fatalf("Summarize = %q\nwant        %q", got, tc.want)
			}
		})
	}
}

// TestArgvSecretsNeverShow: a password passed on a command line or in a
// probe's exec command is redacted in what the alert says changed.
func TestArgvSecretsNeverShow(t *testing.T) {
	for _, argv := range [][]string{
		{"redis-cli", "-a", "hunter2", "ping"},
		{"app", "--password", "hunter2"},
		{"sh", "-c", "mysql -uroot -phunter2 -e 'select 1'"},
		{"curl", "-H", "Authorization: Bearer hunter2", "http://x"},
	} {
		for _, prev := range [][]string{nil, {"app"}} {
			s, ok := diffArgv("command", prev, argv)
			if !ok || strings.Contains(s, "hunter2") {
				t.Errorf("diffArgv(%q) = %q, %v: want a change without the password", argv, s, ok)
			}
		}
	}
}
