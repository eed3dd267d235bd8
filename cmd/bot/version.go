package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// Set at build time by `make build` / `make release` and the Dockerfile:
// -ldflags "-X main.version=$(git describe --tags) -X main.commit=... -X main.date=...".
// Releases are tagged vMAJOR.MINOR.PATCH (semver); between tags git describe
// gives v0.2.0-3-gabc1234 (3 commits after v0.2.0), with -dirty for
// uncommitted changes.
var (
	version = "dev"
	commit  = "unknown"
	date    = "unknown"
)

// buildInfo is what the binary knows about its own build.
type buildInfo struct {
	Version, Commit, Date, GoVersion string
}

// currentBuild returns the version, commit and date injected with -ldflags,
// falling back on what the Go toolchain stamped into the binary: the module
// version for `go install github.com/crashloop-bot/crashloop-bot/cmd/bot@v0.2.0`,
// and the VCS revision and time for a plain `go build` in a clone.
func currentBuild() buildInfo {
	return resolveBuild(version, commit, date, debug.ReadBuildInfo)
}

func resolveBuild(v, c, d string, read func() (*debug.BuildInfo, bool)) buildInfo {
	b := buildInfo{Version: v, Commit: c, Date: d, GoVersion: runtime.Version()}
	bi, ok := read()
	if !ok {
		return b
	}
	if b.Version == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		b.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if b.Commit == "unknown" && s.Value != "" {
				b.Commit = s.Value[:min(len(s.Value), 7)]
			}
		case "vcs.time":
			if b.Date == "unknown" && s.Value != "" {
				b.Date = s.Value
			}
		}
	}
	return b
}

func runVersion(_ context.Context, args []string, s stdio) int {
	fs := newFlagSet("version", "", "Print the version, commit and build date.", s)
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.err, "version takes no arguments\n")
		return 2
	}
	b := currentBuild()
	fmt.Fprintf(s.out, "crashloop-bot %s (commit %s, built %s, %s)\n", b.Version, b.Commit, b.Date, b.GoVersion)
	return 0
}
