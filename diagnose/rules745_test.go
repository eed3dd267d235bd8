package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 394 to 401 (session 42):
// more wordings, and follow-ups that tell which failure is fixed.
func TestRules745(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Zig's address in use", "info(main): 0: cluster=0: listening on 0.0.0.0:3003\nerror: AddressInUse\n", PortConflict, "AddressInUse"},
		{"Docusaurus without a plugin's package", "[ERROR] Error: Docusaurus was unable to resolve the \"@docusaurus/plugin-ideal-image\" plugin. Make sure one of the following packages are installed:\n- @docusaurus/plugin-ideal-image\n", AppCrash, "unable to resolve"},
		{"wasmtime older than the module", "Error: failed to run main module `/srv/app.wasm`\n\nCaused by:\n    0: failed to instantiate \"/srv/app.wasm\"\n    1: unknown import: `wasi_snapshot_preview1::sock_accept` has not been defined\n", AppCrash, "unknown import"},
		{"Meteor without ROOT_URL", "Error: Must pass options.rootUrl or set ROOT_URL in the server environment\n    at Object.Meteor.absoluteUrl (packages/meteor.js:1234:11)\n", ConfigError, "ROOT_URL"},
		// The failures the reporter says are fixed do not count; the one of now does.
		{"a failure with its fix after an arrow", "- exec format error -> rebuilt for linux/amd64. OK now.\n- now the app starts and dies with:\nTypeError: Cannot read properties of undefined (reading 'map')\n    at buildIndex (/app/dist/search.js:41:22)\n", AppCrash, "TypeError"},
		{"an OOM kill said to be gone", "pricing-service - the OOMKilled is gone after bumping the limit to 1.5Gi (thanks @mira). Next problem, same deployment:\nCaused by: java.lang.NullPointerException: Cannot invoke \"java.util.List.stream()\" because \"this.tiers\" is null\n\tat com.example.pricing.rules.DiscountRuleEngine.<init>(DiscountRuleEngine.java:37)\n", AppCrash, "NullPointerException"},
		{"an OOM kill fixed by a change", "flask worker: fixed the OOMKilled by giving it 768Mi, thanks. But the new image from today's pipeline crashes immediately:\n/bin/sh: 1: flask: not found\n", CommandNotFound, "flask: not found"},
		{"the earlier attempt labelled", "Before: Error: EACCES: permission denied, mkdir '/app/uploads/tmp'\nNow:\nMongoServerSelectionError: connect ECONNREFUSED 10.96.14.2:27017\n", DependencyUnavailable, "ECONNREFUSED"},
		{"probe failures no more", "The liveness probe was too aggressive; moved it to a startupProbe with 5 minutes budget as suggested. No more \"Liveness probe failed\" events.\nCaused by: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\nCaused by: java.net.ConnectException: Connection timed out\n", DependencyUnavailable, "Connection timed out"},
	})
	checkNotRead(t, []notRead{
		// A failure the fix did not help stays.
		{"exec format error -> rebuilt for linux/amd64, still the same\n", Unknown},
	})
}

// An event the reporter pasted with its fix after an arrow is over: the
// status of now decides.
func TestMendedEventIsOver745(t *testing.T) {
	st := crashLoop("pricing", 1, "Error", 6)
	pod := testPod([]string{"pricing"}, setStatus(st))
	in := Input{Pod: pod, Now: now, Events: []corev1.Event{event("Failed", "pricing", "Error: secret \"pricing-engine-env\" not found` -> created it in the new namespace.", 3*time.Minute, 3)},
		Logs: map[string]string{"pricing": "exec /usr/local/bin/pricing-engine: exec format error\n"}}
	if r := Diagnose(in); r.Category != ExecFormat {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}
