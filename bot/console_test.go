package bot

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// TestConsoleWrapsAdvice: a long next step is wrapped, never cut: every
// word of it is printed, no line of prose is wider than wrapWidth, and a
// command stays on one line so it can be copied.
func TestConsoleWrapsAdvice(t *testing.T) {
	inc := oomIncident()
	advice := "Check that the dependency's Service exists, has ready endpoints and the host/port in the app's config are right; " +
		"if it runs in another namespace, use its full DNS name (name.namespace.svc.cluster.local) and check that a NetworkPolicy lets the pod reach it."
	cmd := "kubectl -n payments get svc,endpointslices -o wide --show-labels --sort-by=.metadata.creationTimestamp --selector app.kubernetes.io/part-of=payments-platform"
	inc.Report.Finding.NextSteps = []string{cmd, advice}
	var buf bytes.Buffer
	NewConsole(&buf).Notify(incident.Notification{Reason: incident.FirstNotification, Incident: inc})
	out := buf.String()

	var steps []string
	in := false
	for _, line := range strings.Split(out, "\n") {
		switch {
		case line == "│ Next steps":
			in = true
			continue
		case in && (line == "│" || !strings.HasPrefix(line, "│   ")):
			in = false
		}
		if in {
			steps = append(steps, strings.TrimPrefix(line, "│   "))
		}
		if runeLen(line) > wrapWidth && !strings.HasPrefix(line, "│   $ ") {
			t.Errorf("line of %d columns, want at most %d: %q", runeLen(line), wrapWidth, line)
		}
	}
	if len(steps) < 3 || steps[0] != "$ "+cmd {
		t.Fatalf("next steps = %q, want the command whole on its first line, then the advice wrapped", steps)
	}
	if got := strings.Join(steps[1:], " "); got != advice {
		t.Errorf("wrapped advice reads\n%q\nwant\n%q", got, advice)
	}
	if strings.Contains(out, ellipsis) {
		t.Errorf("advice was cut:\n%s", out)
	}
}

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		width int
		max   int
		want  []string
	}{
		{"short", "one two", 20, 5, []string{"one two"}},
		{"breaks at spaces", "aaa bbb ccc ddd", 7, 5, []string{"aaa bbb", "ccc ddd"}},
		{"long word whole on its own line", "see https://example.com/a/very/long/path now", 10, 5, []string{"see", "https://example.com/a/very/long/path", "now"}},
		{"runes, not bytes", "ÜÜÜ ÜÜÜ ÜÜÜ", 7, 5, []string{"ÜÜÜ ÜÜÜ", "ÜÜÜ"}},
		{"too many lines marked", "a b c d e f", 4, 2, []string{"a b", "c d…"}},
		{"marked within the width", "a b c d e f", 3, 2, []string{"a b", "c …"}},
		{"empty", "  ", 10, 5, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrapText(tc.in, tc.width, tc.max)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("wrapText(%q, %d, %d) = %q, want %q", tc.in, tc.width, tc.max, got, tc.want)
			}
		})
	}
}
