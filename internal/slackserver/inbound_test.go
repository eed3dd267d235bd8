package slackserver

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestWaitResponse(t *testing.T) {
	in := NewInbound(InboundOptions{})
	defer in.Close()
	go func() {
		resp, err := http.Post(in.ResponseURL("other"), "application/json", strings.NewReader(`{"text":"not this"}`))
		if err == nil {
			resp.Body.Close()
		}
		resp, err = http.Post(in.ResponseURL("r1"), "application/json", strings.NewReader(`{"text":"answer"}`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	body, err := in.WaitResponse(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), `"answer"`) {
		t.Errorf("body %s, want the answer posted to r1", body)
	}

	short, cancel2 := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel2()
	if _, err := in.WaitResponse(short, "never"); !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "never") {
		t.Errorf("err %v, want a deadline error naming the response URL", err)
	}
}
