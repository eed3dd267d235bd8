package diagnose

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenCases are reports whose text and JSON are kept under testdata/ so a
// reviewer can read what users will see.
func goldenCases(t *testing.T) map[string]Input {
	t.Helper()
	spring, err := os.ReadFile(filepath.Join("testdata", "logs", "spring_port.log"))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]Input{
		"oom": {
			Pod:    testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 12)), withMemoryLimit("api", "256Mi")),
			Events: []corev1.Event{backOff("api")},
			Logs:   map[string]string{"api": "INFO loading catalog\nINFO loaded 120000 products\n"},
		},
		"liveness": {
			Pod: testPod([]string{"api"}, setStatus(crashLoop("api", 137, "Error", 5)), withLiveness("api")),
			Events: []corev1.Event{
				event("Unhealthy", "api", "Liveness probe failed: Get \"http://10.244.1.5:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", 150*time.Second, 15),
				event("Killing", "api", "Container api failed liveness probe, will be restarted", 140*time.Second, 5),
			},
		},
		"spring_port_sidecar": {
			Pod:  testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 4)), withInit(running("istio-proxy"), true)),
			Logs: map[string]string{"api": string(spring)},
		},
		"missing_secret": {
			Pod: testPod([]string{"api"}, setStatus(corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
				Reason: "CreateContainerConfigError", Message: `secret "db-creds" not found`}}})),
		},
		"healthy": {Pod: testPod([]string{"api"})},
		"redacted_dependency": {
			Pod:  testPod([]string{"worker"}, setStatus(crashLoop("worker", 1, "Error", 3))),
			Logs: map[string]string{"worker": "DEBUG DB_PASSWORD=hunter2\nFATAL could not connect to postgres://app:s3cr3t@db.prod.svc:5432/app: dial tcp 10.0.0.9:5432: connect: connection refused\n"},
		},
	}
}

func TestGolden(t *testing.T) {
	for name, in := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			in.Now = now
			r := Diagnose(in)
			var text bytes.Buffer
			if err := WriteText(&text, r); err != nil {
				t.Fatal(err)
			}
			js, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", name+".txt"), text.Bytes())
			checkGolden(t, filepath.Join("testdata", name+".json"), append(js, '\n'))
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -run TestGolden -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
