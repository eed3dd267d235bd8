package diagnose

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// A database image run without its password variable, and nothing else
// given: the image's refusal to initialise is the likeliest cause.
func TestDatabaseImageWithoutPassword(t *testing.T) {
	tests := []struct {
		name  string
		image string
		env   []corev1.EnvVar
		from  bool
		want  bool
		args  []string
	}{
		{"postgres without a password", "postgres:13", nil, false, true, nil},
		{"mysql with other variables", "docker.io/library/mysql:8.0", []corev1.EnvVar{{Name: "MYSQL_DATABASE", Value: "app"}}, false, true, nil},
		{"mariadb without one", "mariadb:10.11", nil, false, true, nil},
		{"bitnami postgresql without one", "bitnami/postgresql:16.0.0", nil, false, true, nil},
		{"postgres with its password", "postgres:13", []corev1.EnvVar{{Name: "POSTGRES_PASSWORD", ValueFrom: &corev1.EnvVarSource{}}}, false, false, nil},
		{"postgres with trust", "postgres:13", []corev1.EnvVar{{Name: "POSTGRES_HOST_AUTH_METHOD", Value: "trust"}}, false, false, nil},
		{"mysql with a random root password", "mysql:8", []corev1.EnvVar{{Name: "MYSQL_RANDOM_ROOT_PASSWORD", Value: "yes"}}, false, false, nil},
		{"variables from a Secret (envFrom)", "postgres:13", nil, true, false, nil},
		{"an app image named after the database", "ghcr.io/acme/postgres-exporter:1", nil, false, false, nil},
		{"another vendor's postgresql image", "registry.example.com/postgresql:15", nil, false, false, nil},
		{"postgres with the server's flags", "postgres:16", nil, false, true, []string{"-c", "max_connections=200"}},
		{"postgres running a backup script instead", "postgres:16-alpine", nil, false, false, []string{"sh", "-c", "pg_dump -h db app > /backup/app.sql"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pod := testPod([]string{"db"}, setStatus(crashLoop("db", 1, "Error", 4)))
			pod.Spec.Containers[0].Image = tt.image
			pod.Spec.Containers[0].Env = tt.env
			pod.Spec.Containers[0].Args = tt.args
			if tt.from {
				pod.Spec.Containers[0].EnvFrom = []corev1.EnvFromSource{{SecretRef: &corev1.SecretEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: "db"}}}}
			}
			r := Diagnose(Input{Pod: pod, Now: now})
			if got := r.Category == ConfigError; got != tt.want {
				t.Errorf("got %s (%s): %s", r.Category, r.Confidence, r.Summary)
			}
		})
	}
	// The database's own log outweighs the guess.
	pod := testPod([]string{"db"}, setStatus(crashLoop("db", 1, "Error", 4)))
	pod.Spec.Containers[0].Image = "postgres:13"
	r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"db": "chown: changing ownership of '/var/lib/postgresql/data': Operation not permitted\n"}})
	if r.Category != PermissionDenied {
		t.Errorf("the log's own cause lost to the spec: %s: %s", r.Category, r.Summary)
	}
}
