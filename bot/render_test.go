package bot

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendering (run go test ./bot -update and review the diff)\ngot:\n%s", path, got)
	}
}

// renderJSON is the golden form of a rendered message.
func renderJSON(t *testing.T, inc incident.Incident) []byte {
	t.Helper()
	text, blocks := Render(inc)
	// Without HTML escaping, so a reviewer reads <, > and & as sent.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Text   string        `json:"text"`
		Blocks []slack.Block `json:"blocks"`
	}{text, blocks}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRenderGolden(t *testing.T) {
	for name, inc := range fixtures() {
		t.Run(name, func(t *testing.T) {
			golden(t, name+".json", renderJSON(t, inc))
			checkLimits(t, inc)
		})
	}
}

func TestConsoleGolden(t *testing.T) {
	for name, inc := range fixtures() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			c := NewConsole(&buf)
			reason := incident.FirstNotification
			c.Notify(incident.Notification{Reason: reason, Incident: inc})
			c.Notify(incident.Notification{Reason: incident.Updated, Incident: inc, Notes: []incident.Note{{Kind: incident.PodCrashing, Pod: "api-2", Pods: 2}}})
			if inc.State == incident.Resolved {
				c.Notify(incident.Notification{Reason: incident.ResolvedReason, Incident: inc})
			}
			if bytes.ContainsAny(buf.Bytes(), "\x1b\t\r") {
				t.Errorf("console output contains control characters")
			}
			golden(t, name+".console.txt", buf.Bytes())
		})
	}
}

// checkLimits renders inc and checks every Slack limit, the escaping and
// that nothing links anywhere.
func checkLimits(t *testing.T, inc incident.Incident) {
	t.Helper()
	text, blocks := Render(inc)
	raw, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	if err := slackserver.ValidateBlocks(raw); err != nil {
		t.Errorf("Slack would reject the blocks: %v", err)
	}
	if n := utf8.RuneCountInString(text); n == 0 || n > maxFallbackRunes {
		t.Errorf("fallback text has %d runes, want 1..%d", n, maxFallbackRunes)
	}
	if len(blocks) > maxBlocks-1 {
		t.Errorf("%d blocks leave no room for the actions block", len(blocks))
	}
	checkMrkdwn(t, text)
	for _, s := range mrkdwnTexts(t, raw) {
		checkMrkdwn(t, s)
	}
}

// angle matches what mrkdwn would parse as a link, mention or command;
// only our own <!date^...> is allowed.
var angle = regexp.MustCompile(`<[^>]*>`)

func checkMrkdwn(t *testing.T, s string) {
	t.Helper()
	for _, m := range angle.FindAllString(s, -1) {
		if !strings.HasPrefix(m, "<!date^") {
			t.Errorf("unescaped %q in mrkdwn %q", m, clip(s, 200))
		}
	}
	// Every & starts an entity we wrote.
	rest := s
	for {
		i := strings.IndexByte(rest, '&')
		if i < 0 {
			break
		}
		rest = rest[i:]
		if !strings.HasPrefix(rest, "&amp;") && !strings.HasPrefix(rest, "&lt;") && !strings.HasPrefix(rest, "&gt;") {
			t.Errorf("unescaped & in %q", clip(s, 200))
			break
		}
		rest = rest[1:]
	}
	if strings.Count(s, "```")%2 != 0 {
		t.Errorf("unbalanced code fence in %q", clip(s, 200))
	}
}

// mrkdwnTexts returns the text of every mrkdwn text object in blocks.
func mrkdwnTexts(t *testing.T, raw []byte) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "mrkdwn" {
				s, _ := v["text"].(string)
				out = append(out, s)
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	walk(v)
	return out
}

func TestRenderTruncatesVisibly(t *testing.T) {
	_, blocks := Render(hugeIncident())
	raw, _ := json.Marshal(blocks)
	s := string(raw)
	for _, want := range []string{"more lines", "earlier lines", "and 12340 more", "…"} {
		if !strings.Contains(s, want) {
			t.Errorf("huge incident: no %q note in the message", want)
		}
	}
}

func TestRenderThread(t *testing.T) {
	inc := resolvedIncident()
	tests := []struct {
		name string
		n    incident.Notification
		want string
	}{
		{"note", incident.Notification{Reason: incident.Updated, Incident: inc, Notes: []incident.Note{{Kind: incident.PodCrashing, Pod: "api<&>", Pods: 3}}},
			"Pod api&lt;&amp;&gt; is crash-looping too (3 pods affected)."},
		{"notes", incident.Notification{Reason: incident.Updated, Incident: inc, Notes: []incident.Note{
			{Kind: incident.DiagnosisChanged, From: diagnose.AppCrash, To: diagnose.OOMKilled, Summary: "killed at 256Mi"},
			{Kind: incident.SilenceSet, Until: t0.Add(time.Hour), By: "alice"},
			{Kind: incident.SilenceLifted},
		}}, "Diagnosis changed: app_crash → oom_killed: killed at 256Mi\n🔕 Silenced until <!date^1782918180^{date_short_pretty} {time}|2026-07-01 15:03 UTC> by alice.\n🔔 Silence lifted."},
		{"resolution", incident.Notification{Reason: incident.ResolvedReason, Incident: inc, Notes: []incident.Note{{Kind: incident.Recovered, Pods: 2, Since: inc.ResolvedAt.Add(-10 * time.Minute)}}},
			"✅ Resolved: every pod of Deployment api has run ready for 10m, 4m after the crash loop began."},
		{"resolved default", incident.Notification{Reason: incident.ResolvedReason, Incident: inc}, "✅ Resolved after 14m: every pod of payments/api is running and ready."},
		{"update without note", incident.Notification{Reason: incident.Updated, Incident: inc}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RenderThread(tt.n); got != tt.want {
				t.Errorf("RenderThread = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRenderRandomHuge renders random, often huge incidents full of
// multi-byte and special characters and checks every limit.
func TestRenderRandomHuge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcXYZ019 _-./:=\"'`<>&*~\n\t\x1bäöüßé日本語🔥💥\u200b")
	str := func(maxLen int) string {
		n := r.IntN(maxLen + 1)
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	strs := func(maxN, maxLen int) []string {
		var out []string
		for range r.IntN(maxN + 1) {
			out = append(out, str(maxLen))
		}
		return out
	}
	finding := func(big bool) diagnose.Finding {
		if !big {
			return diagnose.Finding{Container: str(80), ContainerType: "sidecar", Summary: str(600),
				Category: diagnose.Categories()[r.IntN(len(diagnose.Categories()))]}
		}
		f := diagnose.Finding{
			Container: str(80), ContainerType: []string{"app", "init", "sidecar", "", "pod"}[r.IntN(5)],
			Image: str(300), Category: diagnose.Categories()[r.IntN(len(diagnose.Categories()))],
			Summary: str(4000), ExitMeaning: str(2500), Signal: str(20), Reason: str(20),
			TerminationMessage: str(4000), RanFor: str(30), Restarts: r.Int32(),
			Evidence: strs(60, 1200), NextSteps: slices.Concat(strs(20, 600), []string{"kubectl " + str(900)}),
			LogExcerpt: strs(200, 400),
		}
		if r.IntN(2) == 0 {
			f.ExitCode = i32(r.Int32N(300) - 20)
		}
		return f
	}
	for i := range 150 {
		inc := incident.Incident{
			ID:    str(300),
			Key:   incident.Key{Cluster: str(400), Namespace: str(300), Kind: str(30), Name: str(400), Container: str(100)},
			State: []incident.State{incident.Open, incident.Resolved, incident.Pending}[r.IntN(3)],
			Pods:  strs(incident.MaxPodNames, 300), PodCount: r.IntN(100000), Restarts: r.Int32(),
			OpenedAt:    t0.Add(time.Duration(r.Int64N(1e15))),
			LastCrashAt: t0, UpdatedAt: t0, ResolvedAt: t0.Add(time.Duration(r.Int64N(1e15))),
			SilencedUntil: t0.Add(time.Duration(r.Int64N(1e15) - 5e14)),
		}
		inc.Report.Finding = finding(true)
		for range r.IntN(40) {
			inc.Report.Containers = append(inc.Report.Containers, finding(false))
		}
		inc.Report.Redacted = r.IntN(2) == 0
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkLimits(t, inc) })
		notes := []incident.Note{{Kind: incident.RelatedFound, Text: str(10000)}, {Kind: incident.PodCrashing, Pod: str(5000)}}
		if got := RenderThread(incident.Notification{Reason: incident.ResolvedReason, Incident: inc, Notes: notes}); utf8.RuneCountInString(got) > maxThreadRunes {
			t.Errorf("thread reply has %d runes", utf8.RuneCountInString(got))
		}
		if got := minimalText(inc); utf8.RuneCountInString(got) > maxSectionText {
			t.Errorf("minimal text has %d runes", utf8.RuneCountInString(got))
		}
	}
}

func TestClipAndEscClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"hello", 5, "hello"},
		{"hello!", 5, "hell…"},
		{"日本語日本語", 3, "日本…"},
		{"a<b", 3, "a…"}, // never splits "&lt;"
		{"a<bc", 6, "a&lt;…"},
		{"x```y", 20, "x`\u200b`\u200b`y"},
		{"a<b", 7, "a&lt;b"},
	}
	for _, tt := range tests {
		if got := escClip(tt.in, tt.n); got != tt.want {
			t.Errorf("escClip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
	if got := clip("日本語日本語", 4); got != "日本語…" {
		t.Errorf("clip = %q", got)
	}
}
