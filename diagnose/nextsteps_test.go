package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// TestDescribeProbeChecks: each kind of probe is named with what it checks;
// a gRPC probe whose port was not in the paste is not shown as port 0.
func TestDescribeProbeChecks(t *testing.T) {
	svc := "grpc.health.v1.Health"
	for _, tc := range []struct {
		probe corev1.Probe
		want  string
	}{
		{corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Port: intstr.FromInt32(8080)}}}, "httpGet / port 8080,"},
		{corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromString("http")}}}, "tcpSocket port http,"},
		{corev1.Probe{ProbeHandler: corev1.ProbeHandler{GRPC: &corev1.GRPCAction{Port: 9090, Service: &svc}}}, "grpc port 9090 service grpc.health.v1.Health,"},
		{corev1.Probe{ProbeHandler: corev1.ProbeHandler{GRPC: &corev1.GRPCAction{}}}, "grpc,"},
		{corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"cat", "/tmp/ok"}}}}, `exec ["cat" "/tmp/ok"],`},
	} {
		got := describeProbe(&tc.probe)
		if !strings.HasPrefix(got, tc.want) || !strings.Contains(got, "failureThreshold=3") {
			t.Errorf("describeProbe = %q, want it to start with %q", got, tc.want)
		}
	}
}
