package diagnose

import "testing"

// A sentence that quotes an error only to say what a cause would show, or
// what another case showed, mentions it; the reporter's own quoted error
// is theirs, whatever their next sentence says.
func TestQuotedInProse(t *testing.T) {
	for _, tc := range []struct {
		line, quoted string
	}{
		{"Memory kills come with exit 137 and `Reason: OOMKilled`, or a Go `fatal error: runtime: out of memory` in the log.", "Reason: OOMKilled fatal error: runtime: out of memory"},
		{"fwiw on the old build we saw `Liveness probe failed: Get \"http://10.1.4.9:9901/ready\": context deadline exceeded`", "Liveness probe failed: Get \"http://10.1.4.9:9901/ready\": context deadline exceeded"},
		{"if it couldn't reach config server at all with fail-fast you'd get `Could not locate PropertySource and the fail fast", "Could not locate PropertySource and the fail fast"},
		{"Look for `failed to refresh cached credentials, no EC2 IMDS role found` or `dial tcp 169.254.169.254:80: i/o timeout` in the log", "failed to refresh cached credentials, no EC2 IMDS role found dial tcp 169.254.169.254:80: i/o timeout"},
		{"The pod fails with `Cookie file /var/lib/rabbitmq/.erlang.cookie must be accessible by owner only` since the upgrade.", ""},
		{"accounts-svc exits because postgres rejects its password (`FATAL: password authentication failed`); the part I don't get is the BFF. It logs refusals instead of a 5xx.", ""},
		{"2024-06-03T10:01:02Z [ERROR] would retry `GET /health` later", ""},
	} {
		if got := string(quotedInProse([]byte(tc.line))); got != tc.quoted {
			t.Errorf("%q:\n got %q\nwant %q", tc.line, got, tc.quoted)
		}
	}
}
