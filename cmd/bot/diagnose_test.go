package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestDiagnoseOffline(t *testing.T) {
	args := []string{"diagnose", "-f", "testdata/crashing-pod.yaml", "-f", "testdata/events.json", "--logs", "testdata/payments.log"}
	code, out, stderr := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"shop/payments-7c9d8-xk2lp", "Deployment/payments", "payments (app)", "dependency_unavailable", "no such host", "kubectl -n shop logs payments-7c9d8-xk2lp -c payments --previous"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "hunter2") {
		t.Errorf("a secret from the log reached the output:\n%s", out)
	}

	code, out, stderr = runCLI(t, "", append(args, "-o", "json")...)
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var r struct {
		Pod       string   `json:"pod"`
		Container string   `json:"container"`
		Category  string   `json:"category"`
		ExitCode  *int     `json:"exit_code"`
		Restarts  int      `json:"restarts"`
		Evidence  []string `json:"evidence"`
		NextSteps []string `json:"next_steps"`
		Redacted  bool     `json:"redacted"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Pod != "shop/payments-7c9d8-xk2lp" || r.Container != "payments" || r.Category != "dependency_unavailable" ||
		r.ExitCode == nil || *r.ExitCode != 1 || r.Restarts != 6 || len(r.Evidence) == 0 || len(r.NextSteps) == 0 || !r.Redacted {
		t.Fatalf("json report = %+v", r)
	}
}

func TestDiagnoseFromStdin(t *testing.T) {
	pod, err := os.ReadFile("testdata/crashing-pod.yaml")
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, string(pod), "diagnose", "-f", "-", "-o", "json")
	if code != 0 || !strings.Contains(out, `"container": "payments"`) {
		t.Fatalf("exit %d, %s %s", code, out, stderr)
	}
}

// TestDiagnosePastedShapes: -f takes what people paste, detected by its
// content: describe text, an events table, a plain log.
func TestDiagnosePastedShapes(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want []string // in the JSON report
	}{
		{"describe text", []string{"-f", "testdata/describe.txt"}, []string{`"pod": "shop/orders-5c7d9b8f6-q8w2n"`, `"category": "liveness_probe"`, `"confidence": "certain"`, `"kind": "Deployment"`, "failed liveness probe"}},
		{"describe text and its log", []string{"-f", "testdata/describe.txt", "--logs", "orders=testdata/payments.log"}, []string{`"category": "liveness_probe"`, "no such host"}},
		{"a log alone", []string{"-f", "testdata/payments.log"}, []string{`"category": "dependency_unavailable"`, `"confidence": "likely"`, `"what": "no exit code or termination reason was recorded"`, "[REDACTED]"}},
		{"events alone", []string{"-f", "testdata/events.txt"}, []string{`"pod": "shop/payments-7c9d8-xk2lp"`, `"container": "payments"`, `"category": "missing_config_object"`, `secret \"payments-db\" not found`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", append([]string{"diagnose", "-o", "json"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("report lacks %s:\n%s", w, out)
				}
			}
			if strings.Contains(out, "hunter2") {
				t.Errorf("a secret from the log reached the output")
			}
		})
	}
}

func TestDiagnoseBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a deployment without a pod template", []string{"-f", "testdata/deployment.yaml"}, 1, "Deployment payments has no containers in its pod template"},
		{"nothing in it", []string{"-f", "testdata/empty.txt"}, 1, "nothing to diagnose"},
		{"missing file", []string{"-f", "testdata/nope.yaml"}, 1, "no such file"},
		{"healthy pod", []string{"-f", "testdata/healthy-pod.yaml"}, 3, ""},
		{"logs for a container the pod lacks", []string{"-f", "testdata/crashing-pod.yaml", "--logs", "db=testdata/payments.log"}, 1, `has no container "db"`},
		{"bad target", []string{"shop"}, 1, `"shop" is not NAMESPACE/POD`},
		{"bad namespace", []string{"Shop/x"}, 1, `namespace "Shop"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", append([]string{"diagnose"}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d (want %d), stderr %q, stdout %q", code, tc.code, stderr, out)
			}
			if tc.code == 3 && !strings.Contains(strings.ToLower(out), "healthy") {
				t.Fatalf("healthy pod not reported as healthy: %s", out)
			}
		})
	}
}

// TestDiagnoseBrokenManifest: a pod manifest pasted without its
// indentation is still diagnosed from what it has, and stderr says why it
// was not read whole.
func TestDiagnoseBrokenManifest(t *testing.T) {
	broken := "kind: Pod\nmetadata:\nname: api\nspec:\ncontainers:\n- name: web\nimage: acme/web:1\n  restartCount: 7\n    state:\n  waiting:\n      reason: CrashLoopBackOff\n"
	code, out, stderr := runCLI(t, broken, "diagnose", "-f", "-")
	if code != 0 || !strings.Contains(out, "Category:") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if !strings.Contains(stderr, "not YAML or JSON") || !strings.Contains(stderr, "read what it has as text") {
		t.Fatalf("stderr does not say the manifest was not read whole: %q", stderr)
	}
}

// TestDiagnoseSeveralPods: of two pods given, the failing one is diagnosed
// and stderr names which, rather than refusing the input.
func TestDiagnoseSeveralPods(t *testing.T) {
	code, out, stderr := runCLI(t, "", "diagnose", "-o", "json", "-f", "testdata/healthy-pod.yaml", "-f", "testdata/crashing-pod.yaml")
	if code != 0 || !strings.Contains(out, `"container": "payments"`) {
		t.Fatalf("exit %d, stdout %s, stderr %q", code, out, stderr)
	}
	if !strings.Contains(stderr, "2 pods given") || !strings.Contains(stderr, "diagnosing") {
		t.Fatalf("stderr does not say which pod was diagnosed: %q", stderr)
	}
}
