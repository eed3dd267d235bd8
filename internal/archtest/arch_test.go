package archtest

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/crashloop-bot/crashloop-bot/"

// layers is the README's architecture as imports: each package may depend
// (directly or through others) on the project packages listed, and on no
// other. Arrows point inward:
//
//	diagnose <- change <- incident <- store <- {kube, bot, digest, fleet} <- cmd/bot
//
// kube (the cluster side) and bot (the Slack side) never import each other:
// they meet through interfaces that cmd/bot wires. bot renders digests, so
// it may use digest's types; digest knows nothing of Slack. fleet knows
// nothing of Slack or Kubernetes: its messages reach bot as storms. scope is a
// leaf: the namespace-visibility rule bot's access checks and digest's
// scopes share.
var layers = map[string][]string{
	"diagnose": {},
	"change":   {"diagnose"},
	"incident": {"diagnose", "change"},
	"store":    {"diagnose", "change", "incident"},
	"kube":     {"diagnose", "change", "incident", "store"},
	"digest":   {"diagnose", "change", "incident", "store", "scope"},
	"bot":      {"diagnose", "change", "incident", "store", "digest", "scope"},
	"fleet":    {"diagnose", "change", "incident", "store"},
	"scope":    {},
	"config":   {},
	"metrics":  {},
	// Test and demo helpers: only cmd/bot and tests may use them.
	"internal/slackserver":  {},
	"internal/localcluster": {},
	"internal/localpg":      {},
	"internal/kubesim":      {},
	"internal/manifest":     {"diagnose"}, // builds a diagnose.Input from pasted text
	"internal/demo":         {"internal/kubesim"},
	"internal/testlog":      {},
	"internal/testbin":      {"internal/testlog"},
}

// deps lists the project packages pkg depends on, itself excluded.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", module+pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	var got []string
	for _, line := range strings.Fields(string(out)) {
		if p, ok := strings.CutPrefix(line, module); ok && p != pkg {
			got = append(got, p)
		}
	}
	return got
}

func TestImportsFollowTheArchitecture(t *testing.T) {
	for pkg, allowed := range layers {
		t.Run(strings.ReplaceAll(pkg, "/", "_"), func(t *testing.T) {
			for _, d := range deps(t, pkg) {
				if !slices.Contains(allowed, d) {
					t.Errorf("%s imports %s, against the architecture in README.md (allowed: %v)", pkg, d, allowed)
				}
			}
		})
	}
}

// TestEveryPackageHasALayer: a new package must be placed in the drawing
// (and in layers) before it can be imported anywhere.
func TestEveryPackageHasALayer(t *testing.T) {
	out, err := exec.Command("go", "list", module+"...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Fields(string(out)) {
		p := strings.TrimPrefix(line, module)
		switch {
		case p == "cmd/bot", strings.HasPrefix(p, "test/"), p == "deploy", p == "internal/archtest",
			p == "internal/localcluster/lctest", p == "internal/localpg/pgtest":
			continue // the top, test-only programs and test helpers
		}
		if _, ok := layers[p]; !ok {
			t.Errorf("package %s is not in the architecture: add it to README.md and to layers", p)
		}
	}
}
