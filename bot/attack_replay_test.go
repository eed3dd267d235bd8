package bot

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crashloop-bot/crashloop-bot/store"
)

// resend returns a copy of req, signature header as given.
func resend(t *testing.T, req *http.Request, body, sig string) *http.Request {
	t.Helper()
	r := req.Clone(context.Background())
	r.Body, r.ContentLength = io.NopCloser(strings.NewReader(body)), int64(len(body))
	r.Header.Set("X-Slack-Signature", sig)
	return r
}

func (f *fakeCluster) countCalls(prefix string) int {
	n := 0
	for _, c := range f.callList() {
		if strings.HasPrefix(c, prefix) {
			n++
		}
	}
	return n
}

// Attack 4: the same signed request with the signature's hex in another
// case is the same MAC, so it is a replay: refused, and run once.
func TestAttackReplayWithOtherHexCase(t *testing.T) {
	e := newAttackEnv(t, attackOptions{})
	body := slashFormFrom(alice, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("r"))
	req := signed(t, e.url+CommandsPath, body, time.Now(), testSecret)
	sig := req.Header.Get("X-Slack-Signature")
	if status, ack := do(t, resend(t, req, body, sig)); status != 200 || !strings.Contains(ack, "OOMKilled") {
		t.Fatalf("first: %d %s", status, ack)
	}
	hexPart := strings.TrimPrefix(sig, "v0=")
	for _, variant := range []string{
		"v0=" + strings.ToUpper(hexPart),
		"v0=" + strings.ToUpper(hexPart[:10]) + hexPart[10:],
		"v0=" + hexPart[:len(hexPart)-1] + strings.ToUpper(hexPart[len(hexPart)-1:]),
	} {
		if variant == sig {
			continue
		}
		if status, ack := do(t, resend(t, req, body, variant)); status != http.StatusUnauthorized {
			t.Errorf("replay as %s: %d %s", variant, status, ack)
		}
	}
	if n := e.kube.countCalls("pod payments/api-7d9f8b6c5-x2x9q"); n != 1 {
		t.Fatalf("the command ran %d times", n)
	}
}

// Attack 4, replicas: two replicas behind one Service share the replay
// record through the store, so a request runs once per deployment.
func TestAttackReplayAcrossReplicas(t *testing.T) {
	shared := sharedReplayStore()
	e := newAttackEnv(t, attackOptions{replay: shared})
	second := e.replica(t, attackOptions{replay: shared})
	body := slashFormFrom(alice, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("r"))
	req := signed(t, e.url+CommandsPath, body, time.Now(), testSecret)
	sig := req.Header.Get("X-Slack-Signature")
	if status, ack := do(t, req); status != 200 || !strings.Contains(ack, "OOMKilled") {
		t.Fatalf("first replica: %d %s", status, ack)
	}
	again, err := http.NewRequest(http.MethodPost, second+CommandsPath, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	again.Header = req.Header.Clone()
	again.Header.Set("X-Slack-Signature", sig)
	if status, ack := do(t, again); status != http.StatusUnauthorized {
		t.Fatalf("the same request at the second replica: %d %s", status, ack)
	}
	if n := e.kube.countCalls("pod payments/api-7d9f8b6c5-x2x9q"); n != 1 {
		t.Fatalf("the command ran %d times", n)
	}
}

// sharedReplayStore is a replay record two replicas share.
func sharedReplayStore() ReplayStore { return store.NewMemory(0) }

// replica starts another replica of e's bot: the same Slack and cluster,
// its own HTTP transport.
func (e *attackEnv) replica(t *testing.T, o attackOptions) string {
	t.Helper()
	return e.serve(t, o)
}

type brokenReplay struct{}

func (brokenReplay) Claim(context.Context, string, time.Time) (bool, error) {
	return false, errors.New("the API server is down")
}

// When the shared replay record cannot be read the request is refused
// (503), not run: a replica cannot tell a replay from a first request.
func TestAttackReplayRecordDownFailsClosed(t *testing.T) {
	e := newAttackEnv(t, attackOptions{replay: brokenReplay{}})
	status, body := e.slash(t, alice, "describe payments/api-7d9f8b6c5-x2x9q", e.inbound.ResponseURL("r"))
	if status != http.StatusServiceUnavailable {
		t.Fatalf("%d %s", status, body)
	}
	if calls := e.kube.callList(); len(calls) != 0 {
		t.Fatalf("ran: %q", calls)
	}
}
