package testlog

import (
	"log/slog"
	"strings"
	"sync"
	"testing"
)

func TestBufferKeepsEveryConcurrentWrite(t *testing.T) {
	var b Buffer
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				b.Write([]byte("x\n"))
			}
		})
	}
	wg.Wait()
	if n := strings.Count(b.String(), "x\n"); n != 800 {
		t.Errorf("%d lines kept, want 800", n)
	}
}

func TestLoggerKeepsLinesAfterTheTestEnds(t *testing.T) {
	var buf *Buffer
	var logger *slog.Logger
	t.Run("inner", func(t *testing.T) {
		logger, buf = New(t)
		logger.Info("during", "k", "v")
	})
	logger.Info("after") // t.Log would panic now: the inner test has ended
	got := buf.String()
	for _, want := range []string{"msg=during k=v", "msg=after"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
}
