package bot

import (
	"strings"
	"testing"
)

// Attack 7: silencing a workload that does not exist says so and stores
// nothing, instead of confirming a silence of nothing.
func TestAttackSilencingAGhostSaysSo(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	for _, text := range []string{
		"silence payments/deployment/ghost/api 1h",
		"silence payments/statefulset/api/api 24h",
		"silence payments/pod/nope/api 1h",
	} {
		status, ack := e.slash(t, alice, text, e.inbound.ResponseURL("s"))
		if status != 200 || strings.Contains(ack, "Silenced") || !strings.Contains(ack, "no ") {
			t.Errorf("%s: %d %s", text, status, ack)
		}
	}
	e.incs.mu.Lock()
	defer e.incs.mu.Unlock()
	if len(e.incs.silences) != 0 || len(e.incs.applied) != 0 {
		t.Fatalf("silences stored %v, applied %v", e.incs.silences, e.incs.applied)
	}
}
