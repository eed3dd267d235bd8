package main

import (
	"bytes"
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	spdxjson "github.com/spdx/tools-golang/json"
)

// botBinary builds crashloop-bot as `make image` does: static, with the
// time zone database, the version injected.
func botBinary(t *testing.T, version string) string {
	t.Helper()
	binMu.Lock()
	defer binMu.Unlock()
	if bin, ok := bins[version]; ok {
		return bin
	}
	dir, err := os.MkdirTemp("", "crashloop-bot-image-test")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "crashloop-bot")
	cmd := exec.Command("go", "build", "-trimpath", "-tags", "timetzdata",
		"-ldflags", "-s -w -X main.version="+version+" -X main.commit=abc1234 -X main.date=2026-12-01T00:00:00Z",
		"-o", bin, "./cmd/bot")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+runtime.GOARCH)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	bins[version] = bin
	return bin
}

// bins are the binaries built so far, by version, shared by the tests
// (TestMain removes them).
var (
	binMu sync.Mutex
	bins  = map[string]string{}
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, b := range bins {
		os.RemoveAll(filepath.Dir(b))
	}
	os.Exit(code)
}

// TestImageBuildsAndStarts builds the image from the bot's binary, then
// verifies it as CI does: the layers hold a static binary run as 65532,
// and the binary from the image's filesystem prints its version and
// accepts the shipped deploy/config.yaml. A rebuild gives the same digest.
func TestImageBuildsAndStarts(t *testing.T) {
	const version = "v9.8.7"
	bin := botBinary(t, version)
	created := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	opts := func(out string) buildOptions {
		return buildOptions{
			out: out, tag: version, created: created, ca: "/etc/ssl/certs/ca-certificates.crt",
			labels:   map[string]string{"org.opencontainers.image.version": version},
			binaries: map[string]string{"linux/" + runtime.GOARCH: bin},
		}
	}
	dir := filepath.Join(t.TempDir(), "image")
	digest, err := build(opts(dir))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join("..", "..", "deploy", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := verify(dir, version, version, cfg, &out); err != nil {
		t.Fatalf("verify: %v\n%s", err, out.String())
	}
	t.Log(out.String())
	if os.Geteuid() == 0 && !strings.Contains(out.String(), "chrooted into the image as uid 65532") {
		t.Errorf("as root, the binary must run chrooted as 65532: %s", out.String())
	}

	again, err := build(opts(filepath.Join(t.TempDir(), "image")))
	if err != nil {
		t.Fatal(err)
	}
	if again != digest {
		t.Errorf("rebuild of the same binary: %s, first build %s (not reproducible)", again, digest)
	}

	// verify catches what it is there for.
	if err := verify(dir, version, "v1.0.0", cfg, &out); err == nil || !strings.Contains(err.Error(), "version printed") {
		t.Errorf("wrong version: %v", err)
	}
	if err := verify(dir, version, version, []byte("watch:\n  group_wiat: 5s\n"), &out); err == nil || !strings.Contains(err.Error(), "group_wiat") {
		t.Errorf("bad config: %v", err)
	}
	if err := verify(dir, "latest", version, cfg, &out); err == nil {
		t.Error("an untagged name verified")
	}
}

// TestBuildRejectsDynamicBinaries: only a static binary runs on an image
// without libc; a system binary (dynamically linked) or one for another
// architecture is refused.
func TestBuildRejectsDynamicBinaries(t *testing.T) {
	dynamic, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no system binary to try")
	}
	b, err := os.ReadFile(dynamic)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkStaticELF(b, runtime.GOARCH); err == nil || !strings.Contains(err.Error(), "dynamically linked") {
		t.Errorf("%s: %v, want dynamically linked", dynamic, err)
	}
	other := map[string]string{"amd64": "arm64", "arm64": "amd64"}[runtime.GOARCH]
	static := botBinary(t, "v9.8.7")
	s, err := os.ReadFile(static)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkStaticELF(s, runtime.GOARCH); err != nil {
		t.Errorf("the bot: %v", err)
	}
	if err := checkStaticELF(s, other); err == nil || !strings.Contains(err.Error(), "ELF machine") {
		t.Errorf("the bot as %s: %v, want an architecture error", other, err)
	}
}

// TestSBOM: the SPDX document names the bot at its version and every
// module compiled into it, reads back as valid SPDX 2.3 JSON.
func TestSBOM(t *testing.T) {
	bin := botBinary(t, "v9.8.7")
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sbom.spdx.json")
	if err := runSBOM([]string{"--binary", bin, "--tag", "v9.8.7", "--out", path, "--created", "2026-12-01T00:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := spdxjson.Read(f)
	if err != nil {
		t.Fatalf("not SPDX JSON: %v", err)
	}
	if want := "crashloop-bot-v9.8.7-linux-" + runtime.GOARCH; doc.DocumentName != want || !strings.HasSuffix(doc.DocumentNamespace, "/v9.8.7/linux-"+runtime.GOARCH) {
		t.Errorf("document %s (%s), want %s, its namespace unique per platform", doc.DocumentName, doc.DocumentNamespace, want)
	}
	if doc.SPDXVersion != "SPDX-2.3" || doc.DataLicense != "CC0-1.0" || doc.CreationInfo.Created != "2026-12-01T00:00:00Z" {
		t.Errorf("document header %s %s %s", doc.SPDXVersion, doc.DataLicense, doc.CreationInfo.Created)
	}
	names := map[string]string{}
	for _, p := range doc.Packages {
		names[p.PackageName] = p.PackageVersion
	}
	if names["github.com/crashloop-bot/crashloop-bot"] != "v9.8.7" || names["stdlib"] != runtime.Version() {
		t.Errorf("main or stdlib missing: %v", names)
	}
	for _, d := range info.Deps {
		m := d
		if d.Replace != nil {
			m = d.Replace
		}
		if names[m.Path] != m.Version {
			t.Errorf("module %s %s not in the SBOM", m.Path, m.Version)
		}
	}
	if len(doc.Relationships) != len(doc.Packages) { // DESCRIBES + one DEPENDS_ON per dependency
		t.Errorf("%d relationships for %d packages", len(doc.Relationships), len(doc.Packages))
	}
	for _, must := range []string{"k8s.io/client-go", "github.com/slack-go/slack", "github.com/robfig/cron/v3"} {
		if names[must] == "" {
			t.Errorf("%s missing", must)
		}
	}
}

// TestDockerfileAgrees: the Dockerfile (for Docker users) promises what the
// image built here does, and pins its base images by digest.
func TestDockerfileAgrees(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{
		"USER " + userSpec + "\n",
		`ENTRYPOINT ["` + binaryPath + `"]`,
		`CMD ["` + strings.Join(defaultCmd, `", "`) + `"]`,
		"EXPOSE " + httpPort + "\n",
		"CGO_ENABLED=0",
		"-tags timetzdata",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	froms := 0
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "FROM ") {
			continue
		}
		froms++
		if !regexp.MustCompile(`@sha256:[0-9a-f]{64}\b`).MatchString(line) {
			t.Errorf("base image not pinned by digest: %s", line)
		}
	}
	if froms != 2 {
		t.Errorf("%d FROM lines, want the build and the runtime stage", froms)
	}
}
