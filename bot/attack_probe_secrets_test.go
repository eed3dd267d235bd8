package bot

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// probeSecrets are the secrets the probes of secretProbesPod carry.
var probeSecrets = []string{
	"S3cretRedisPw", "MyS3cretSql", "SplitPw123", "abcdef123456",
	"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwcm9iZSJ9.c2lnbmF0dXJl", "HeaderTok3n", "M0ngoPw",
}

// secretProbesPod is payments/secret-probes: probes whose commands, paths
// and headers carry passwords and tokens, as seen in the wild.
func secretProbesPod() *corev1.Pod {
	pod := crashingPod()
	pod.Name = "secret-probes"
	api := &pod.Spec.Containers[0]
	api.LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{
		Command: []string{"redis-cli", "-h", "127.0.0.1", "-a", "S3cretRedisPw", "ping"}}}}
	api.ReadinessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{
		Command: []string{"sh", "-c", "mysqladmin -uroot -pMyS3cretSql ping && mongosh -u admin -p M0ngoPw --eval 1"}}}}
	api.StartupProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{
		Path: "/healthz?token=abcdef123456&jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwcm9iZSJ9.c2lnbmF0dXJl", Port: intstr.FromInt32(8080),
		HTTPHeaders: []corev1.HTTPHeader{{Name: "X-Probe-Token", Value: "HeaderTok3n"}, {Name: "Accept", Value: "text/plain"}},
	}}}
	pod.Spec.Containers[1].LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{
		Command: []string{"/bin/check", "--password", "SplitPw123", "--verbose"}}}}
	return pod
}

// Attack 6: describe and probe print probe specs; secrets in exec
// commands, HTTP paths and headers are redacted like logs, in the message
// and in any file or follow-up.
func TestAttackProbeSpecsAreRedacted(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	pod := secretProbesPod()
	e.kube.mu.Lock()
	e.kube.pods["payments/"+pod.Name] = pod
	e.kube.mu.Unlock()
	for _, text := range []string{"describe payments/secret-probes", "probe payments/secret-probes"} {
		status, ack := e.slash(t, alice, text, e.inbound.ResponseURL(text))
		if status != 200 || denied(ack) || !strings.Contains(ack, "secret-probes") {
			t.Fatalf("%s: %d %s", text, status, ack)
		}
		all := e.answers(ack)
		for _, f := range e.slack.Files() {
			all += "\n" + string(f.Content)
		}
		for _, s := range probeSecrets {
			if strings.Contains(all, s) {
				t.Errorf("%s shows %q", text, s)
			}
		}
		// What is not secret is still shown.
		for _, want := range []string{"redis-cli", "/healthz", "X-Probe-Token", "[REDACTED]"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s lost %q:\n%s", text, want, all)
			}
		}
	}
}
