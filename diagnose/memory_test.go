package diagnose

import (
	"io"
	"runtime"
	"testing"
	"time"
)

// genLog streams a synthetic log of size bytes: ordinary lines, some very
// long lines, a stack trace now and then, and one fatal line near the end.
type genLog struct {
	size, done int
	n          int
	pending    []byte
}

func (g *genLog) Read(p []byte) (int, error) {
	if g.done >= g.size {
		return 0, io.EOF
	}
	if len(g.pending) == 0 {
		g.n++
		switch {
		case g.size-g.done < 200:
			g.pending = []byte("FATAL: failed to connect to redis at redis:6379: connection refused\n")
		case g.n%5000 == 0:
			g.pending = append(make([]byte, 0, 100_001), make([]byte, 100_000)...)
			for i := range g.pending {
				g.pending[i] = 'a' + byte(i%26)
			}
			g.pending = append(g.pending, '\n')
		case g.n%997 == 0:
			g.pending = []byte("java.lang.IllegalStateException: retry\n\tat com.acme.Foo.bar(Foo.java:12)\n\tat com.acme.Foo.main(Foo.java:3)\n")
		default:
			g.pending = []byte(`{"level":"info","ts":"2024-03-01T10:00:00Z","msg":"handled request","path":"/api/v1/orders","status":200,"duration_ms":12}` + "\n")
		}
	}
	n := copy(p, g.pending)
	g.pending = g.pending[n:]
	g.done += n
	return n, nil
}

func TestScanLogBoundedMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("scans 50 MB; skipped in -short and -race runs")
	}
	const size = 50 << 20
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			default:
			}
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			time.Sleep(5 * time.Millisecond)
		}
	}()
	got := ScanLog(&genLog{size: size})
	close(stop)
	<-done
	if got.Category != DependencyUnavailable {
		t.Errorf("Category = %s, line %q", got.Category, got.Line)
	}
	if got.Lines < 100_000 {
		t.Errorf("read only %d lines", got.Lines)
	}
	growth := int64(peak) - int64(before.HeapInuse)
	t.Logf("scanned %d lines, heap growth %.1f MiB", got.Lines, float64(growth)/(1<<20))
	if growth > 16<<20 {
		t.Errorf("heap grew by %d MiB scanning a 50 MB log, want < 16 MiB", growth>>20)
	}
}

func TestScanLogAllocsPerLine(t *testing.T) {
	if raceEnabled {
		t.Skip("the race runtime allocates")
	}
	line := []byte(`{"level":"info","msg":"handled request","path":"/api/v1/orders","status":200}` + "\n")
	s := &logScanner{lower: make([]byte, 0, maxLineBytes), idx: new(lineIndex)}
	allocs := testing.AllocsPerRun(1000, func() { s.line(line) })
	if allocs > 0 {
		t.Errorf("%.1f allocations per ordinary line, want 0", allocs)
	}
}

func BenchmarkScanLog(b *testing.B) {
	for b.Loop() {
		ScanLog(&genLog{size: 5 << 20})
	}
}
