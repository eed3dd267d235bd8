package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules from session 24's textbook faults and held-out rounds 506 on.
func TestRules506(t *testing.T) {
	// A shell that masks its program's failure: the exit 0 is the
	// shell's, the error the program logged is the cause.
	refused := "MongooseServerSelectionError: connect ECONNREFUSED 10.96.14.2:27017\n    at NativeConnection.Connection.openUri (/app/node_modules/mongoose/lib/connection.js:825:32)\n"
	for _, cmd := range [][]string{
		{"sh", "-c", "node dist/main.js || true"},
		{"/bin/sh", "-c", "node dist/main.js || echo 'api failed'"},
		{"bash", "-c", "node dist/main.js; sleep 5"},
		{"sh", "-c", "node dist/main.js || exit 0"},
	} {
		in := Input{Now: now, Pod: app(0, "Completed", withCommand("app", cmd...)), Logs: map[string]string{"app": refused}}
		if r := Diagnose(in); r.Category != DependencyUnavailable {
			t.Errorf("%q: got %s, want dependency_unavailable: %s", cmd, r.Category, r.Summary)
		}
	}
	// Without the mask, or without an error in the log, the 0 still
	// means the task ended.
	for _, c := range []struct {
		cmd []string
		log string
	}{
		{[]string{"sh", "-c", "node dist/seed.js"}, refused},
		{[]string{"sh", "-c", "node dist/seed.js || true"}, "Seeded 250 products into catalog_db\n"},
		{[]string{"sh", "-c", "echo true || false; node seed.js"}, refused},
	} {
		in := Input{Now: now, Pod: app(0, "Completed", withCommand("app", c.cmd...)), Logs: map[string]string{"app": c.log}}
		if r := Diagnose(in); r.Category != Completed {
			t.Errorf("%q: got %s, want completed: %s", c.cmd, r.Category, r.Summary)
		}
	}
	// Yesterday's OOMKilled Last State does not outweigh today's
	// container that cannot be created for a missing Secret.
	noSecret := app(137, "OOMKilled", func(p *corev1.Pod) {
		p.Status.ContainerStatuses[0].State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CreateContainerConfigError"}}
	})
	in := Input{Now: now, Pod: noSecret, Events: []corev1.Event{event("Failed", "app", `Error: secret "worker-db" not found`, 3*time.Minute, 12)}}
	if r := Diagnose(in); r.Category != MissingConfigObject {
		t.Errorf("an old OOM kill under today's missing Secret: got %s, want missing_config_object: %s", r.Category, r.Summary)
	}
	// Still crash-looping on the OOM kill, the same event long gone does
	// not outweigh it.
	if r := Diagnose(Input{Now: now, Pod: app(137, "OOMKilled")}); r.Category != OOMKilled {
		t.Errorf("an OOM kill: got %s", r.Category)
	}
}
