package main

import (
	"log/slog"

	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// runCLI runs the binary's dispatch in process.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = dispatch(t.Context(), args, stdio{strings.NewReader(stdin), &out, &errb})
	return code, out.String(), errb.String()
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"frobnicate"},
		{"run", "--no-such-flag"},
		{"check-config"},
		{"check-config", "a.yaml", "b.yaml"},
		{"diagnose"},
		{"diagnose", "-o", "xml", "-f", "x.yaml"},
		{"version", "extra"},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "Usage") && !strings.Contains(stderr, "must be") && !strings.Contains(stderr, "takes no") {
			t.Errorf("%q: stderr has no usage: %q", args, stderr)
		}
	}
}

func TestHelpExplainsEachCommand(t *testing.T) {
	longFlag := regexp.MustCompile(`(?m)^  (-{1,2})([a-z][a-z-]+)\b`)
	for _, c := range commands() {
		code, stdout, stderr := runCLI(t, "", c.name, "--help")
		// Asked-for help is output, not an error: stdout, so `| less` works.
		if code != 0 || !strings.Contains(stdout, "Usage: crashloop-bot "+c.name) || stderr != "" {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", c.name, code, stdout, stderr)
		}
		// Flags are listed as the README writes them: --config, not -config.
		for _, m := range longFlag.FindAllStringSubmatch(stdout, -1) {
			if m[1] != "--" {
				t.Errorf("%s --help lists %s%s, want --%s", c.name, m[1], m[2], m[2])
			}
		}
	}
	if _, stdout, _ := runCLI(t, "", "run", "--help"); !strings.Contains(stdout, "\n  --config string\n") {
		t.Errorf("run --help does not list --config:\n%s", stdout)
	}
	// A usage error goes to stderr, names the flag with two dashes, exits 2.
	code, stdout, stderr := runCLI(t, "", "run", "--no-such-flag")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "crashloop-bot run: unknown flag --no-such-flag") || !strings.Contains(stderr, "Usage: crashloop-bot run") {
		t.Errorf("run --no-such-flag: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "", "--help")
	if code != 0 || !strings.Contains(stdout, "check-config") {
		t.Errorf("--help: exit %d, %q", code, stdout)
	}
}

func TestCheckConfig(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "check-config", filepath.Join("..", "..", "config.example.yaml"))
	if code != 0 || !strings.Contains(stdout, "OK") {
		t.Fatalf("example config: exit %d, %q %q", code, stdout, stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("slack:\n  channnel: '#x'\nwatch:\n  group_wait: 1s\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "", "check-config", bad)
	if code != 1 || !strings.Contains(stderr, "line 2: slack.channnel: unknown key; did you mean channel?") {
		t.Fatalf("bad config: exit %d, stderr %q", code, stderr)
	}
	// robfig/cron's parser panics on "TZ=": an error naming the key, exit 1.
	tz := filepath.Join(t.TempDir(), "tz.yaml")
	if err := os.WriteFile(tz, []byte("digest:\n  schedule: \"TZ=\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "", "check-config", tz)
	if code != 1 || !strings.Contains(stderr, `digest.schedule: "TZ=" is not a 5-field cron schedule`) || strings.Contains(stderr, "panic") {
		t.Fatalf("TZ= schedule: exit %d, stderr %q", code, stderr)
	}
}

func TestRunFailsClearlyWithoutCluster(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("KUBECONFIG", "")
	t.Setenv("KUBERNETES_SERVICE_HOST", "")
	code, _, stderr := runCLI(t, "", "run")
	want := "no Kubernetes cluster configured: not running in a pod, no --kubeconfig or kubernetes.kubeconfig, $KUBECONFIG is not set, ~/.kube/config: " +
		filepath.Join(home, ".kube", "config") + " does not exist"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d, stderr %q, want %q", code, stderr, want)
	}
	// $KUBECONFIG pointing nowhere is named, file by file.
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, []byte("apiVersion: v1\nkind: Config\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KUBECONFIG", "/nonexistent"+string(filepath.ListSeparator)+empty)
	code, _, stderr = runCLI(t, "", "run")
	want = "$KUBECONFIG: /nonexistent does not exist, $KUBECONFIG: " + empty + " has no contexts"
	if code != 1 || !strings.Contains(stderr, want) || strings.Contains(stderr, "unset") {
		t.Fatalf("KUBECONFIG=/nonexistent: exit %d, stderr %q, want %q", code, stderr, want)
	}
	t.Setenv("KUBECONFIG", "")
	kc := filepath.Join(t.TempDir(), "kubeconfig")
	os.WriteFile(kc, []byte(`apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: dead, context: {cluster: c, user: u}}]
current-context: dead
`), 0o600)
	code, _, stderr = runCLI(t, "", "run", "--kubeconfig", kc)
	if code != 1 || !strings.Contains(stderr, "cannot reach the Kubernetes API server at https://127.0.0.1:1") || !strings.Contains(stderr, `context "dead"`) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestRunLogFlagsAreValidated(t *testing.T) {
	code, _, stderr := runCLI(t, "", "run", "--log-format", "xml")
	if code != 1 || !strings.Contains(stderr, `log.format: must be text or json, got "xml"`) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestDigestNowPrintsWithoutSlack(t *testing.T) {
	t.Setenv("SLACK_BOT_TOKEN", "")
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(cfg, []byte("store: {path: "+filepath.Join(t.TempDir(), "state.db")+"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "digest", "--now", "--config", cfg)
	if code != 0 || !strings.Contains(out, "No crash loops") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if code, _, _ := runCLI(t, "", "digest"); code != 2 {
		t.Fatalf("digest without --now: exit %d, want 2", code)
	}
}

// TestDefaultConfigSchedulesDigests: with no config at all (console sink),
// the digest scheduler accepts what digestSetup gives it; `run` out of the
// box must not fail on the digest.
func TestDefaultConfigSchedulesDigests(t *testing.T) {
	for _, yaml := range []string{"", "slack: {channel: '#alerts'}\n", "digest: {channels: [{channel: C1}, {channel: C2, timezone: Europe/Berlin}]}\n"} {
		cfg, err := config.Parse([]byte(yaml))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		sender, jobs, err := digestSetup(cfg, store.NewMemory(0), slog.New(slog.DiscardHandler), stdio{out: &out, err: &out})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := digest.NewScheduler(store.NewMemory(0), sender, jobs, digest.Options{}); err != nil {
			t.Fatalf("config %q: %v", yaml, err)
		}
	}
}

func TestUnusableDefaultStateFallsBackToMemory(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/proc/nope") // not creatable
	var logs bytes.Buffer
	st, where, err := openStore(config.Default().Store, nil, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil || where != "memory (default state file unusable)" || !strings.Contains(logs.String(), "set store.path") {
		t.Fatalf("store %v, %q, %v; logs %s", st, where, err, logs.String())
	}
	st.Close()
	cfg := config.Default().Store
	cfg.Path = "/proc/nope/state.db"
	if _, _, err := openStore(cfg, nil, nil); err == nil || !strings.Contains(err.Error(), "store.path") {
		t.Fatalf("an explicit unusable store.path must fail: %v", err)
	}
}
