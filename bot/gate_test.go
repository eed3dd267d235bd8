package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// outageAPI is a Slack that answers every call with 503 while down, and
// records when each first post got through.
type outageAPI struct {
	mu        sync.Mutex
	down      bool
	seq       int
	posted    map[string]time.Time // channel/text -> when
	downCalls int
}

func (f *outageAPI) fail() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		f.downCalls++
		return slack.StatusCodeError{Code: http.StatusServiceUnavailable, Status: "503 Service Unavailable"}
	}
	return nil
}

func (f *outageAPI) AuthTestContext(context.Context) (*slack.AuthTestResponse, error) {
	return &slack.AuthTestResponse{}, f.fail()
}

func (f *outageAPI) PostMessageContext(_ context.Context, channel string, _ ...slack.MsgOption) (string, string, error) {
	if err := f.fail(); err != nil {
		return "", "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	f.posted[fmt.Sprintf("%s/%d", channel, f.seq)] = time.Now()
	return channel, fmt.Sprintf("1700000000.%06d", f.seq), nil
}

func (f *outageAPI) UpdateMessageContext(_ context.Context, channel, ts string, _ ...slack.MsgOption) (string, string, string, error) {
	return channel, ts, "", f.fail()
}

func (f *outageAPI) DeleteMessageContext(_ context.Context, channel, ts string) (string, string, error) {
	return channel, ts, f.fail()
}

func (f *outageAPI) GetConversationHistoryContext(context.Context, *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error) {
	if err := f.fail(); err != nil {
		return nil, err
	}
	return &slack.GetConversationHistoryResponse{}, nil
}

func (f *outageAPI) GetConversationRepliesContext(context.Context, *slack.GetConversationRepliesParameters) ([]slack.Message, bool, string, error) {
	return nil, false, "", f.fail()
}

func (f *outageAPI) GetConversationsContext(context.Context, *slack.GetConversationsParameters) ([]slack.Channel, string, error) {
	return nil, "", f.fail()
}

func (f *outageAPI) state() (posted []time.Time, downCalls int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.posted {
		posted = append(posted, t)
	}
	return posted, f.downCalls
}

// TestSlackResumesRightAfterOutage: after a minute of 503s, with backoffs
// grown towards a minute, every waiting channel delivers within
// OutageProbe (plus pacing) of Slack's return, and the outage cost Slack
// about one call per OutageProbe, not one per lane.
func TestSlackResumesRightAfterOutage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		api := &outageAPI{down: true, posted: map[string]time.Time{}}
		s := newSlack(api, SlackOptions{Logger: slog.New(slog.DiscardHandler), MinBackoff: time.Second, MaxBackoff: time.Minute})
		s.started = time.Unix(0, 0)
		const channels, perChannel = 4, 3
		for c := range channels {
			for i := range perChannel {
				inc := livenessIncident()
				inc.ID, inc.Channel = fmt.Sprintf("inc-%d-%d", c, i), fmt.Sprintf("C0OUT%d", c)
				s.Notify(incident.Notification{Reason: incident.FirstNotification, Incident: inc})
			}
		}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- s.Run(ctx) }()

		const outage = time.Minute
		time.Sleep(outage)
		api.mu.Lock()
		api.down = false
		api.mu.Unlock()
		back := time.Now()
		for {
			if posted, _ := api.state(); len(posted) == channels*perChannel {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		posted, downCalls := api.state()
		var last time.Time
		for _, p := range posted {
			if p.After(last) {
				last = p
			}
		}
		if d := last.Sub(back); d > 2*time.Second {
			t.Errorf("the last post went %v after Slack was back, want within 2s", d)
		}
		// One prober at least every OutageProbe (jittered to half of it),
		// plus each lane's own backoff retries.
		if max := int(2*outage/time.Second) + channels*10; downCalls > max {
			t.Errorf("%d calls during a %v outage, want at most %d", downCalls, outage, max)
		}
		t.Logf("last post %v after the outage; %d calls during it", last.Sub(back), downCalls)
		cancel()
		<-done
	})
}

// TestGateWakesEveryWaiter: one success ends every wait of an outage; a
// wait that is not wakeable runs its course; one waiter probes early.
func TestGateWakesEveryWaiter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate(time.Second)
		g.failed()
		start := time.Now()
		type result struct {
			woken bool
			after time.Duration
		}
		ended := make([]chan result, 4)
		for i := range ended {
			ended[i] = make(chan result, 1)
			go func() {
				woken, _ := g.wait(t.Context(), time.Hour, i != 3)
				ended[i] <- result{woken, time.Since(start)}
			}()
			// The first waiter probes; the others wait behind it.
			synctest.Wait()
		}
		time.Sleep(5 * time.Second)
		r := <-ended[0]
		if r.woken || r.after > time.Second {
			t.Errorf("the prober ended after %v (woken %v), want within the probe interval", r.after, r.woken)
		}
		g.ok()
		synctest.Wait()
		for i := 1; i < 3; i++ {
			select {
			case r := <-ended[i]:
				if !r.woken || r.after != 5*time.Second {
					t.Errorf("waiter %d ended after %v (woken %v), want woken by the success at 5s", i, r.after, r.woken)
				}
			default:
				t.Errorf("waiter %d still waits after the success", i)
			}
		}
		select {
		case r := <-ended[3]:
			t.Errorf("a wait that is not wakeable ended after %v", r.after)
		default:
		}
		if r := <-ended[3]; r.woken || r.after != time.Hour {
			t.Errorf("the not wakeable waiter ended after %v (woken %v), want its full hour", r.after, r.woken)
		}
	})
}
