package main

import (
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionFromLdflags builds the binary the way `make build` does and
// checks that `version` prints what -ldflags injected.
func TestVersionFromLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "crashloop-bot")
	ld := "-X main.version=v1.2.3-4-gabcdef0 -X main.commit=abcdef0 -X main.date=2026-12-01T10:00:00Z"
	if out, err := exec.Command("go", "build", "-ldflags", ld, "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "crashloop-bot v1.2.3-4-gabcdef0 (commit abcdef0, built 2026-12-01T10:00:00Z, go"; !strings.HasPrefix(string(out), want) {
		t.Errorf("version = %q, want it to start with %q", out, want)
	}
	// --version is the same command.
	if out2, err := exec.Command(bin, "--version").Output(); err != nil || string(out2) != string(out) {
		t.Errorf("--version = %q, %v; want %q", out2, err, out)
	}
}

func TestVersionFallsBackOnBuildInfo(t *testing.T) {
	read := func(main string, settings ...debug.BuildSetting) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Version: main}, Settings: settings}, true
		}
	}
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.time", Value: "2026-11-30T08:00:00Z"}}
	for _, tc := range []struct {
		name         string
		v, c, d      string
		read         func() (*debug.BuildInfo, bool)
		wantV, wantC string
		wantD        string
	}{
		{"ldflags win", "v0.2.0", "feed123", "2026-12-01", read("v9.9.9", vcs...), "v0.2.0", "feed123", "2026-12-01"},
		{"go install @v0.2.0", "dev", "unknown", "unknown", read("v0.2.0"), "v0.2.0", "unknown", "unknown"},
		{"go build in a clone", "dev", "unknown", "unknown", read("(devel)", vcs...), "dev", "0123456", "2026-11-30T08:00:00Z"},
		{"no build info", "dev", "unknown", "unknown", func() (*debug.BuildInfo, bool) { return nil, false }, "dev", "unknown", "unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := resolveBuild(tc.v, tc.c, tc.d, tc.read)
			if b.Version != tc.wantV || b.Commit != tc.wantC || b.Date != tc.wantD {
				t.Errorf("got %+v, want %s %s %s", b, tc.wantV, tc.wantC, tc.wantD)
			}
		})
	}
}
