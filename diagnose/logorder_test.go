package diagnose

import (
	"strings"
	"testing"
)

func TestOldestFirst(t *testing.T) {
	newestFirst := "2023-03-29T12:30:02.158Z | stdout | PASSWORD_ITERATIONS should be at least 100000\n" +
		"2023-03-29T12:30:02.157Z | stdout | Error loading config:\n" +
		"2023-03-29T12:30:01.100Z | stdout | starting\n"
	got := oldestFirst(newestFirst)
	if !strings.HasPrefix(got, "2023-03-29T12:30:01.100Z") || !strings.HasSuffix(got, "at least 100000\n") {
		t.Errorf("newest first not reversed: %q", got)
	}
	// A record's own lines (a trace, a key) keep their order.
	withTrace := "2023-03-29T12:30:03Z panic: boom\n\tat a.B(C.java:1)\n2023-03-29T12:30:02Z starting\n2023-03-29T12:30:01Z pulling\n"
	if got := oldestFirst(withTrace); got != "2023-03-29T12:30:01Z pulling\n2023-03-29T12:30:02Z starting\n2023-03-29T12:30:03Z panic: boom\n\tat a.B(C.java:1)\n" {
		t.Errorf("records not kept whole: %q", got)
	}
	for _, keep := range []string{
		"2023-03-29T12:30:01Z starting\n2023-03-29T12:30:02Z Error loading config:\n2023-03-29T12:30:03Z bye\n", // as written
		"2023-03-29T12:30:03Z c\n2023-03-29T12:30:02Z b\n",                                                      // two lines prove nothing
		"2023-03-29T12:30:03Z c\n2023-03-29T12:30:02Z b\n2023-03-29T12:30:04Z d\n",                              // back and forth
		"panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n",                                                  // no times
	} {
		if got := oldestFirst(keep); got != keep {
			t.Errorf("%q reordered to %q", keep, got)
		}
	}
}

// A Markdown table's rule pasted with a log is not a line of it, and
// Portainer's stream column is not part of the message.
func TestConsoleCopyNoise(t *testing.T) {
	s := ScanLog(strings.NewReader("2023-03-29T12:30:02Z | stdout | panic: runtime error: invalid memory address or nil pointer dereference\n-- | -- | --\n"))
	if s.Category != AppCrash || strings.Contains(s.Line, "-- | --") {
		t.Errorf("%s %q", s.Category, s.Line)
	}
	if !isTableRule([]byte("---|:---:|---")) || isTableRule([]byte("a | b")) || isTableRule([]byte("---")) {
		t.Error("isTableRule")
	}
}
