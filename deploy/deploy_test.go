// Package deploy_test checks the manifests in deploy/: every file parses
// strictly, the kustomizations render with the kustomize that kubectl embeds,
// the rendered objects agree with each other and with the bot's config, the
// API server accepts them (server-side dry run), and the RBAC they grant is
// exactly what the bot needs (rbac_test.go, as the bot's ServiceAccount).
package deploy_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	apiruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes/scheme"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
)

func TestMain(m *testing.M) {
	code := lctest.Run(m)
	if kustomizeDir != "" {
		os.RemoveAll(kustomizeDir)
	}
	os.Exit(code)
}

// The two variants a user can apply.
const (
	clusterDir    = "."          // kubectl apply -k deploy/
	namespacedDir = "namespaced" // kubectl apply -k deploy/namespaced/
	botNamespace  = "crashloop-bot"
	teamNamespace = "my-team" // the namespaced variant's placeholder
	botName       = "crashloop-bot"
)

// Files in deploy/ that no kustomization applies, on purpose.
// namespace.yaml is applied with kubectl apply -f before deploy/ (see
// deploy/kustomization.yaml for why it is not part of it).
var notApplied = []string{"namespace.yaml", "secret.example.yaml", "slack-app-manifest.yaml", "slack-app-manifest.socket-mode.yaml"}

var (
	kustomizeOnce sync.Once
	kustomizeDir  string
	kustomizeBin  string
	kustomizeErr  error
)

// render runs kustomize (sigs.k8s.io/kustomize/api, the version kubectl
// v1.37 embeds, from the separate module test/kustomize) on dir.
func render(t *testing.T, dir string) []*unstructured.Unstructured {
	t.Helper()
	kustomizeOnce.Do(func() {
		kustomizeDir, kustomizeErr = os.MkdirTemp("", "crashloop-bot-kustomize")
		if kustomizeErr != nil {
			return
		}
		kustomizeBin = filepath.Join(kustomizeDir, "kustomize")
		cmd := exec.Command(goTool(), "build", "-o", kustomizeBin, ".")
		cmd.Dir = filepath.Join("..", "test", "kustomize")
		if out, err := cmd.CombinedOutput(); err != nil {
			kustomizeErr = fmt.Errorf("build test/kustomize: %v\n%s", err, out)
		}
	})
	if kustomizeErr != nil {
		t.Fatal(kustomizeErr)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(kustomizeBin, dir)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("kustomize %s: %v\n%s", dir, err, stderr.String())
	}
	objs, err := decodeAll(stdout.Bytes())
	if err != nil {
		t.Fatalf("kustomize %s output: %v", dir, err)
	}
	return objs
}

// goTool is the go command that runs the tests: go test puts its GOROOT's
// bin first in PATH.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

func decodeAll(b []byte) ([]*unstructured.Unstructured, error) {
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(b), 4096)
	var out []*unstructured.Unstructured
	for {
		var m map[string]any
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			return out, nil
		} else if err != nil {
			return nil, err
		}
		if m != nil {
			out = append(out, &unstructured.Unstructured{Object: m})
		}
	}
}

// yamlDocs splits a multi-document YAML file.
func yamlDocs(t *testing.T, path string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(b)))
	var docs [][]byte
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return docs
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(bytes.TrimSpace(doc)) > 0 {
			docs = append(docs, doc)
		}
	}
}

// kustomization is the part of kustomization.yaml these tests follow to
// find the files each variant applies.
type kustomization struct {
	Resources          []string `yaml:"resources"`
	Components         []string `yaml:"components"`
	Configurations     []string `yaml:"configurations"`
	ConfigMapGenerator []struct {
		Files []string `yaml:"files"`
	} `yaml:"configMapGenerator"`
}

// appliedFiles lists the files the kustomization in dir reads, recursively.
func appliedFiles(t *testing.T, dir string, into map[string]bool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "kustomization.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var k kustomization
	if err := yaml.Unmarshal(b, &k); err != nil {
		t.Fatalf("%s/kustomization.yaml: %v", dir, err)
	}
	into[filepath.Clean(filepath.Join(dir, "kustomization.yaml"))] = true
	for _, c := range k.Configurations {
		into[filepath.Clean(filepath.Join(dir, c))] = true
	}
	for _, r := range slices.Concat(k.Resources, k.Components) {
		p := filepath.Clean(filepath.Join(dir, r))
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			appliedFiles(t, p, into)
			continue
		}
		into[p] = true
	}
	for _, g := range k.ConfigMapGenerator {
		for _, f := range g.Files {
			_, src, ok := strings.Cut(f, "=")
			if !ok {
				src = f
			}
			into[filepath.Clean(filepath.Join(dir, src))] = true
		}
	}
}

// TestEveryFileParsesAndIsUsed: every Kubernetes manifest decodes strictly
// (unknown or duplicate fields fail), every config loads, and no YAML file
// lies around unused.
func TestEveryFileParsesAndIsUsed(t *testing.T) {
	used := map[string]bool{}
	appliedFiles(t, clusterDir, used)
	appliedFiles(t, namespacedDir, used)
	// Optional components, added by the user (deploy/kustomization.yaml
	// lists them commented out; TestMonitoringComponents renders them).
	appliedFiles(t, monitoringComponent, used)
	appliedFiles(t, networkPolicyComponent, used)
	for _, f := range notApplied {
		used[f] = true
	}
	strict := serializer.NewCodecFactory(scheme.Scheme, serializer.EnableStrict).UniversalDeserializer()
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && path == helmDir {
			return filepath.SkipDir // templates, not manifests: helm_test.go renders them
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		t.Run(path, func(t *testing.T) {
			if !used[path] {
				t.Errorf("%s is applied by no kustomization and not listed in notApplied", path)
			}
			switch base := filepath.Base(path); {
			case base == "kustomization.yaml":
				// Checked by rendering (TestRender).
			case base == "kustomizeconfig.yaml":
				// A transformer configuration: its effect is checked by
				// rendering (TestUserOverlaySetsNamespace); here, its shape.
				checkStrictYAML(t, path, &struct {
					Namespace []struct {
						Group string `yaml:"group"`
						Kind  string `yaml:"kind"`
						Path  string `yaml:"path"`
					} `yaml:"namespace"`
				}{})
			case base == "config.yaml":
				if _, err := config.Load(path); err != nil {
					t.Errorf("config: %v", err)
				}
			case strings.HasPrefix(base, "slack-app-manifest"):
				checkSlackManifest(t, path)
			default:
				docs := yamlDocs(t, path)
				if len(docs) == 0 {
					t.Fatalf("no objects")
				}
				for i, doc := range docs {
					if strings.Contains(string(doc), "apiVersion: monitoring.coreos.com/") {
						// Not in client-go's scheme: validated against the
						// Prometheus Operator's CRD schemas by a dry run
						// (TestMonitoringServerSideDryRun).
						continue
					}
					if _, gvk, err := strict.Decode(doc, nil, nil); err != nil {
						t.Errorf("document %d: %v", i+1, err)
					} else if gvk.Kind == "Secret" && path != "secret.example.yaml" {
						t.Errorf("document %d: a Secret; only secret.example.yaml (never applied) may hold one", i+1)
					}
				}
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkStrictYAML decodes the file at path into v, rejecting unknown keys.
func checkStrictYAML(t *testing.T, path string, v any) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Errorf("%s: %v", path, err)
	}
}

// slackManifest is the part of a Slack app manifest the bot depends on;
// decoding with KnownFields catches misspelt keys.
type slackManifest struct {
	Metadata           map[string]int `yaml:"_metadata"`
	DisplayInformation struct {
		Name            string `yaml:"name"`
		Description     string `yaml:"description"`
		LongDescription string `yaml:"long_description"`
		BackgroundColor string `yaml:"background_color"`
	} `yaml:"display_information"`
	Features struct {
		BotUser struct {
			DisplayName  string `yaml:"display_name"`
			AlwaysOnline bool   `yaml:"always_online"`
		} `yaml:"bot_user"`
		SlashCommands []struct {
			Command      string `yaml:"command"`
			URL          string `yaml:"url"`
			Description  string `yaml:"description"`
			UsageHint    string `yaml:"usage_hint"`
			ShouldEscape bool   `yaml:"should_escape"`
		} `yaml:"slash_commands"`
	} `yaml:"features"`
	OAuthConfig struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		Interactivity struct {
			IsEnabled  bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url"`
		} `yaml:"interactivity"`
		OrgDeployEnabled     bool `yaml:"org_deploy_enabled"`
		SocketModeEnabled    bool `yaml:"socket_mode_enabled"`
		TokenRotationEnabled bool `yaml:"token_rotation_enabled"`
	} `yaml:"settings"`
}

func checkSlackManifest(t *testing.T, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	var m slackManifest
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	socket := strings.Contains(path, "socket-mode")
	if m.Settings.SocketModeEnabled != socket {
		t.Errorf("socket_mode_enabled = %v, want %v", m.Settings.SocketModeEnabled, socket)
	}
	if m.DisplayInformation.Name == "" || m.Features.BotUser.DisplayName == "" {
		t.Error("display_information.name and features.bot_user.display_name are required")
	}
	// Slack limits: description 140 characters, long_description 175-4000.
	if n := len(m.DisplayInformation.Description); n > 140 {
		t.Errorf("description has %d characters, Slack allows 140", n)
	}
	if n := len(m.DisplayInformation.LongDescription); n != 0 && (n < 175 || n > 4000) {
		t.Errorf("long_description has %d characters, Slack wants 175 to 4000", n)
	}
	want := []string{"channels:history", "channels:read", "chat:write", "chat:write.public", "commands", "files:write", "groups:history", "groups:read", "usergroups:read"}
	if got := slices.Sorted(slices.Values(m.OAuthConfig.Scopes.Bot)); !slices.Equal(got, want) {
		t.Errorf("bot scopes = %v, want %v", got, want)
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/crashloop" {
		t.Fatalf("slash_commands = %+v, want one: /crashloop", m.Features.SlashCommands)
	}
	if !m.Settings.Interactivity.IsEnabled {
		t.Error("interactivity must be enabled (buttons)")
	}
	cmdURL, interURL := m.Features.SlashCommands[0].URL, m.Settings.Interactivity.RequestURL
	if socket {
		if cmdURL != "" || interURL != "" {
			t.Errorf("Socket Mode takes no request URLs, got %q and %q", cmdURL, interURL)
		}
		return
	}
	if cmdURL != "https://crashloop-bot.example.com/slack/commands" {
		t.Errorf("slash command url = %q", cmdURL)
	}
	if interURL != "https://crashloop-bot.example.com/slack/interactions" {
		t.Errorf("interactivity request_url = %q", interURL)
	}
}

// variant is one applicable kustomization and what it must produce.
type variant struct {
	dir       string
	namespace string
	// watch is the config's watch.namespaces (nil: all).
	watch       []string
	clusterWide bool
}

var variants = []variant{
	{dir: clusterDir, namespace: botNamespace, clusterWide: true},
	{dir: namespacedDir, namespace: teamNamespace, watch: []string{teamNamespace}},
}

// TestRender renders each variant and checks that its objects fit together:
// names and namespaces, the Deployment against the Service, the generated
// ConfigMap and the config inside it, and the RBAC against the config.
func TestRender(t *testing.T) {
	for _, v := range variants {
		t.Run(v.dir, func(t *testing.T) { checkRendered(t, v, render(t, v.dir)) })
	}
}

func checkRendered(t *testing.T, v variant, objs []*unstructured.Unstructured) {
	kinds := map[string]int{}
	byKind := map[string][]*unstructured.Unstructured{}
	for _, o := range objs {
		kinds[o.GetKind()]++
		byKind[o.GetKind()] = append(byKind[o.GetKind()], o)
		switch o.GetKind() {
		case "Namespace":
			t.Errorf("Namespace %s: no kustomization may create one; an overlay setting namespace: would rename it", o.GetName())
		case "ClusterRole", "ClusterRoleBinding":
			if !v.clusterWide {
				t.Errorf("%s %s: the namespaced variant must create nothing cluster-scoped", o.GetKind(), o.GetName())
			}
		case "Secret":
			t.Errorf("Secret %s is applied; Slack tokens belong in the Secret created from secret.example.yaml", o.GetName())
		default:
			if o.GetNamespace() != v.namespace {
				t.Errorf("%s %s is in namespace %q, want %q", o.GetKind(), o.GetName(), o.GetNamespace(), v.namespace)
			}
		}
	}
	want := map[string]int{"ServiceAccount": 1, "Role": 1, "RoleBinding": 1, "Deployment": 1, "Service": 1, "PodDisruptionBudget": 1, "ConfigMap": 1}
	if v.clusterWide {
		want["ClusterRole"], want["ClusterRoleBinding"] = 1, 1
	} else {
		want["Role"], want["RoleBinding"] = 2, 2
	}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d %s objects, want %d", kinds[k], k, n)
		}
	}
	if t.Failed() {
		return
	}

	var cm corev1.ConfigMap
	convert(t, byKind["ConfigMap"][0], &cm)
	cfg := loadConfig(t, cm.Data["config.yaml"])
	var dep appsv1.Deployment
	convert(t, byKind["Deployment"][0], &dep)
	var svc corev1.Service
	convert(t, byKind["Service"][0], &svc)
	checkDeployment(t, &dep, &svc, &cm, cfg)

	// The config fits the deployment: shared state, one leader, and exactly
	// the namespaces the RBAC allows.
	if cfg.Store.Backend != "configmap" || cfg.Store.Namespace != "" {
		t.Errorf("store = %s in %q, want configmap in the bot's own namespace (no volume for 2 replicas)", cfg.Store.Backend, cfg.Store.Namespace)
	}
	if !cfg.LeaderElection.Enabled || cfg.LeaderElection.Namespace != "" {
		t.Errorf("leader_election = %+v, want enabled in the bot's own namespace", cfg.LeaderElection)
	}
	if !slices.Equal(cfg.Watch.Namespaces, v.watch) {
		t.Errorf("watch.namespaces = %v, want %v (what the RBAC allows)", cfg.Watch.Namespaces, v.watch)
	}

	// RBAC: the bot's Role names its Lease; nothing grants Secrets,
	// wildcards or escalation; every binding is to the bot's ServiceAccount.
	for _, o := range append(byKind["Role"], byKind["ClusterRole"]...) {
		var rules []rbacv1.PolicyRule
		if o.GetKind() == "Role" {
			var r rbacv1.Role
			convert(t, o, &r)
			rules = r.Rules
		} else {
			var r rbacv1.ClusterRole
			convert(t, o, &r)
			rules = r.Rules
		}
		for _, r := range rules {
			all := slices.Concat(r.APIGroups, r.Resources, r.Verbs)
			if slices.Contains(all, "*") {
				t.Errorf("%s %s: wildcard in %+v", o.GetKind(), o.GetName(), r)
			}
			for _, res := range r.Resources {
				if res == "secrets" || res == "pods/exec" || res == "pods/attach" || res == "pods/portforward" ||
					res == "roles" || res == "rolebindings" || res == "clusterroles" || res == "clusterrolebindings" || res == "serviceaccounts/token" {
					t.Errorf("%s %s grants %s", o.GetKind(), o.GetName(), res)
				}
			}
			for _, verb := range r.Verbs {
				if slices.Contains([]string{"escalate", "bind", "impersonate", "patch", "deletecollection"}, verb) {
					t.Errorf("%s %s grants verb %s", o.GetKind(), o.GetName(), verb)
				}
			}
			if slices.Contains(r.Resources, "leases") && len(r.ResourceNames) > 0 && !slices.Equal(r.ResourceNames, []string{cfg.LeaderElection.LeaseName}) {
				t.Errorf("Role %s allows leases %v, the config uses %q", o.GetName(), r.ResourceNames, cfg.LeaderElection.LeaseName)
			}
		}
		if o.GetKind() == "ClusterRole" || (o.GetKind() == "Role" && o.GetName() != botName) {
			// The read-only roles write nothing.
			for _, r := range rules {
				for _, verb := range r.Verbs {
					if !slices.Contains([]string{"get", "list", "watch"}, verb) {
						t.Errorf("read-only %s %s grants %s on %v", o.GetKind(), o.GetName(), verb, r.Resources)
					}
				}
			}
		}
	}
	for _, o := range append(byKind["RoleBinding"], byKind["ClusterRoleBinding"]...) {
		var subjects []rbacv1.Subject
		if o.GetKind() == "RoleBinding" {
			var b rbacv1.RoleBinding
			convert(t, o, &b)
			subjects = b.Subjects
		} else {
			var b rbacv1.ClusterRoleBinding
			convert(t, o, &b)
			subjects = b.Subjects
		}
		want := []rbacv1.Subject{{Kind: "ServiceAccount", Name: botName, Namespace: v.namespace}}
		if !slices.Equal(subjects, want) {
			t.Errorf("%s %s subjects = %+v, want %+v", o.GetKind(), o.GetName(), subjects, want)
		}
	}
}

func checkDeployment(t *testing.T, dep *appsv1.Deployment, svc *corev1.Service, cm *corev1.ConfigMap, cfg config.Config) {
	t.Helper()
	if dep.Spec.Replicas == nil || *dep.Spec.Replicas != 2 {
		t.Errorf("replicas = %v, want 2", dep.Spec.Replicas)
	}
	pod := dep.Spec.Template.Spec
	if pod.ServiceAccountName != botName {
		t.Errorf("serviceAccountName = %q", pod.ServiceAccountName)
	}
	psc := pod.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.SeccompProfile == nil || psc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		t.Errorf("pod securityContext = %+v, want runAsNonRoot and seccomp RuntimeDefault", psc)
	}
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	sc := c.SecurityContext
	if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem ||
		sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation ||
		sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) || len(sc.Capabilities.Add) > 0 {
		t.Errorf("container securityContext = %+v, want readOnlyRootFilesystem, no privilege escalation, drop ALL", sc)
	}
	if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
		t.Errorf("resources = %+v, want cpu and memory requests and a memory limit", c.Resources)
	}
	// The HTTP port is the one the config listens on, named http for the
	// probes and the Service.
	_, portStr, err := net.SplitHostPort(cfg.Server.Listen)
	if err != nil {
		t.Fatalf("server.listen %q: %v", cfg.Server.Listen, err)
	}
	port, _ := strconv.Atoi(portStr)
	if len(c.Ports) != 1 || c.Ports[0].Name != "http" || int(c.Ports[0].ContainerPort) != port {
		t.Errorf("ports = %+v, want http on %d (server.listen)", c.Ports, port)
	}
	for name, p := range map[string]*corev1.Probe{"/healthz": c.LivenessProbe, "/readyz": c.ReadinessProbe} {
		if p == nil || p.HTTPGet == nil || p.HTTPGet.Path != name || p.HTTPGet.Port.String() != "http" {
			t.Errorf("probe %s = %+v", name, p)
		}
	}
	if len(svc.Spec.Ports) != 1 || svc.Spec.Ports[0].Name != "http" || svc.Spec.Ports[0].TargetPort.String() != "http" {
		t.Errorf("service ports = %+v, want one named http targeting http", svc.Spec.Ports)
	}
	for k, val := range svc.Spec.Selector {
		if dep.Spec.Template.Labels[k] != val {
			t.Errorf("service selector %s=%s does not match the pods' labels %v", k, val, dep.Spec.Template.Labels)
		}
	}
	// The config volume is the generated ConfigMap (name with hash suffix),
	// mounted where the container's --config points.
	var mounted bool
	for _, vol := range pod.Volumes {
		if vol.ConfigMap != nil {
			if vol.ConfigMap.Name != cm.Name {
				t.Errorf("volume %s uses ConfigMap %s, the kustomization generates %s", vol.Name, vol.ConfigMap.Name, cm.Name)
			}
			for _, m := range c.VolumeMounts {
				if m.Name == vol.Name && slices.Equal(c.Args, []string{"run", "--config", filepath.Join(m.MountPath, "config.yaml")}) {
					mounted = true
				}
			}
		}
	}
	if !mounted || !strings.HasPrefix(cm.Name, "crashloop-bot-config-") {
		t.Errorf("the config ConfigMap %s is not mounted where args %v point", cm.Name, c.Args)
	}
	env := map[string]corev1.EnvVar{}
	for _, e := range c.Env {
		env[e.Name] = e
	}
	if e := env["POD_NAMESPACE"]; e.ValueFrom == nil || e.ValueFrom.FieldRef == nil || e.ValueFrom.FieldRef.FieldPath != "metadata.namespace" {
		t.Errorf("POD_NAMESPACE = %+v, want the downward API's metadata.namespace", e)
	}
	// Each Slack secret comes from the Secret, under the variable the config
	// reads it from.
	for _, s := range []struct {
		secret config.Secret
		key    string
	}{{cfg.Slack.BotToken, "bot-token"}, {cfg.Slack.SigningSecret, "signing-secret"}, {cfg.Slack.AppToken, "app-token"}} {
		e := env[s.secret.Env]
		if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil || e.ValueFrom.SecretKeyRef.Name != "crashloop-bot-slack" || e.ValueFrom.SecretKeyRef.Key != s.key {
			t.Errorf("env %s = %+v, want secret crashloop-bot-slack key %s", s.secret.Env, e, s.key)
		}
	}
}

func convert(t *testing.T, u *unstructured.Unstructured, into any) {
	t.Helper()
	if err := apiruntime.DefaultUnstructuredConverter.FromUnstructuredWithValidation(u.Object, into, true); err != nil {
		t.Fatalf("%s %s: %v", u.GetKind(), u.GetName(), err)
	}
}

func loadConfig(t *testing.T, text string) config.Config {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("the generated ConfigMap's config.yaml: %v", err)
	}
	return cfg
}

// releaseImage is how every manifest names the bot's image: a released
// version, never :latest (a moving tag rolls pods to untested code, and
// two replicas can run different versions).
var releaseImage = regexp.MustCompile(`^ghcr\.io/crashloop-bot/crashloop-bot:v\d+\.\d+\.\d+$`)

// TestImagesArePinned: both variants run one released version.
func TestImagesArePinned(t *testing.T) {
	images := map[string]bool{}
	for _, v := range variants {
		for _, o := range render(t, v.dir) {
			if o.GetKind() != "Deployment" {
				continue
			}
			var d appsv1.Deployment
			convert(t, o, &d)
			for _, c := range d.Spec.Template.Spec.Containers {
				if !releaseImage.MatchString(c.Image) {
					t.Errorf("%s: container %s runs %q, want a released vX.Y.Z tag", v.dir, c.Name, c.Image)
				}
				images[c.Image] = true
			}
		}
	}
	if len(images) != 1 {
		t.Errorf("the variants run different images: %v", slices.Sorted(maps.Keys(images)))
	}
}
