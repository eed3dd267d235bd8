package bot

import (
	"strings"
	"testing"
)

// Attack 7: the audit line of an invalid command says what was tried,
// redacted and truncated, so probing the bot leaves a trace.
func TestAttackInvalidCommandsAreAuditedWithTheirText(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	tries := []string{
		"frobnicate --password hunter2 " + strings.Repeat("A", 500),
		"describe ../../etc/passwd",
		"logs payments/api;rm${IFS}-rf --tail 5",
		"describe рayments/api", // Cyrillic р
	}
	for _, text := range tries {
		if status, ack := e.slash(t, alice, text, e.inbound.ResponseURL("x")); status != 200 || !strings.Contains(ack, "⚠️") {
			t.Fatalf("%q: %d %s", text, status, ack)
		}
	}
	audits := e.audits(t)
	if len(audits) != len(tries) {
		t.Fatalf("%d audit lines for %d commands", len(audits), len(tries))
	}
	for i, a := range audits {
		text, _ := a["text"].(string)
		if a["outcome"] != "invalid" || a["allowed"] != false || text == "" {
			t.Errorf("audit %d = %v", i, a)
		}
		if strings.Contains(text, "hunter2") || runeLen(text) > 210 {
			t.Errorf("audit %d text %q: not redacted or not truncated", i, text)
		}
		if first := strings.Fields(tries[i])[0]; !strings.HasPrefix(text, first) {
			t.Errorf("audit %d text %q does not say what was tried", i, text)
		}
	}
	if strings.Contains(e.log.String(), "hunter2") {
		t.Fatal("the log carries the password")
	}
	if calls := e.kube.callList(); len(calls) != 0 {
		t.Fatalf("invalid commands reached the cluster: %q", calls)
	}
}
