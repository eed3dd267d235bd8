package diagnose

import (
	"encoding/json"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// The engine's own advice passes through Redact with the rest of a report:
// none of it may look like a secret ("credentials: check ..." once became
// "credentials: [REDACTED] ...").
func TestOwnAdviceIsNotRedacted(t *testing.T) {
	for _, p := range patterns {
		if got, changed := Redact(p.hint); changed {
			t.Errorf("pattern %s: its hint is redacted to %q", p.id, got)
		}
	}
}

// A secret found by its label in one place is redacted where it appears
// again without one, anywhere in the report; a short or all-lower-case
// value is left where it stands unlabelled (it is often a word too).
func TestRedactRepeats(t *testing.T) {
	pod := testPod([]string{"api"}, setStatus(crashLoop("api", 1, "Error", 4)))
	pod.Spec.Containers[0].Env = []corev1.EnvVar{{Name: "DB_PASSWORD", Value: "Sup3r-Secret!"}, {Name: "REDIS_PASSWORD", Value: "postgres"}}
	log := "INFO connecting to amqp://app:Qx7pLm29vRt@rabbit:5672\n" +
		"INFO auth with postgres\n" +
		"FATAL login failed: credentials rejected for Sup3r-Secret! and Qx7pLm29vRt\n"
	rep := Diagnose(Input{Pod: pod, Logs: map[string]string{"api": log}})
	out, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Sup3r-Secret!", "Qx7pLm29vRt"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("secret %q is in the report: %s", secret, out)
		}
	}
	if !rep.Redacted {
		t.Error("report does not say it redacted")
	}
	if !strings.Contains(string(out), "auth with postgres") {
		t.Errorf("an all-lower-case value was replaced where it is a word: %s", out)
	}
}
