package bot

import (
	"strings"
	"testing"
	"time"
)

// Attack 7: a response_url can post into the channel for 30 minutes, so
// the log names only its host, also when posting to it fails.
func TestAttackResponseURLIsNotLogged(t *testing.T) {
	e := newAttackEnv(t, attackOptions{ackWithin: 50 * time.Millisecond})
	e.kube.block = make(chan struct{})
	// The Slack API's host, a closed port: the post fails.
	secretURL := "http://127.0.0.1:1/commands/T0SECRET/1234567890/SeCrEtHoOkToKeN"
	if _, ack := e.slash(t, alice, "describe payments/api-7d9f8b6c5-x2x9q", secretURL); !working(ack) {
		t.Fatalf("ack %s", ack)
	}
	close(e.kube.block)
	e.waitLog(t, "about the failed response_url", func(l map[string]any) bool {
		return strings.Contains(l["msg"].(string), "response_url")
	})
	log := e.log.String()
	if strings.Contains(log, "SeCrEtHoOkToKeN") || strings.Contains(log, "T0SECRET") {
		t.Fatalf("the log carries the response_url:\n%s", log)
	}
	if !strings.Contains(log, "127.0.0.1") {
		t.Fatalf("the log does not name the host:\n%s", log)
	}
}
