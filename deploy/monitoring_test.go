package deploy_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/metrics"
)

// The optional kustomize components in deploy/components/.
const (
	monitoringComponent    = "components/monitoring"
	networkPolicyComponent = "components/network-policy"
)

// prometheusOperator is the Prometheus Operator release whose CRDs (from
// its Go module, example/prometheus-operator-crd/) the tests install on the
// API server to validate ServiceMonitors and PrometheusRules against the
// real schema.
const prometheusOperator = "github.com/prometheus-operator/prometheus-operator@v0.85.0"

// overlay writes a kustomization in a temporary directory over deploy/
// with the given components and extra lines, as a user would, and returns
// its directory.
func overlay(t *testing.T, components []string, extra string) string {
	t.Helper()
	dir := t.TempDir()
	rel := func(p string) string {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := filepath.Rel(dir, abs)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var b strings.Builder
	fmt.Fprintf(&b, "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - %s\n", rel(clusterDir))
	if len(components) > 0 {
		b.WriteString("components:\n")
		for _, c := range components {
			fmt.Fprintf(&b, "  - %s\n", rel(c))
		}
	}
	b.WriteString(extra)
	if err := os.WriteFile(filepath.Join(dir, "kustomization.yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func byKind(objs []*unstructured.Unstructured, kind string) []*unstructured.Unstructured {
	var out []*unstructured.Unstructured
	for _, o := range objs {
		if o.GetKind() == kind {
			out = append(out, o)
		}
	}
	return out
}

func one(t *testing.T, objs []*unstructured.Unstructured, kind string) *unstructured.Unstructured {
	t.Helper()
	found := byKind(objs, kind)
	if len(found) != 1 {
		t.Fatalf("%d %s objects, want 1", len(found), kind)
	}
	return found[0]
}

// TestMonitoringComponents renders deploy/ with both optional components:
// the ServiceMonitor scrapes the Service's port by its labels, every metric
// the PrometheusRule reads is one the bot exports, and the NetworkPolicy
// admits the port the bot listens on, for the bot's pods only.
func TestMonitoringComponents(t *testing.T) {
	objs := render(t, overlay(t, []string{monitoringComponent, networkPolicyComponent}, ""))
	var svc corev1.Service
	convert(t, one(t, objs, "Service"), &svc)
	var dep appsv1.Deployment
	convert(t, one(t, objs, "Deployment"), &dep)
	checkMonitoring(t, objs, &svc, &dep, "crashloop-bot")
}

// checkMonitoring checks the ServiceMonitor, PrometheusRule and
// NetworkPolicy among objs against the Service and Deployment they serve;
// job is the Service's name, Prometheus's job label.
func checkMonitoring(t *testing.T, objs []*unstructured.Unstructured, svc *corev1.Service, dep *appsv1.Deployment, job string) {
	t.Helper()
	sm := one(t, objs, "ServiceMonitor")
	sel, _, _ := unstructured.NestedStringMap(sm.Object, "spec", "selector", "matchLabels")
	if len(sel) == 0 || !labels.SelectorFromSet(sel).Matches(labels.Set(svc.Labels)) {
		t.Errorf("ServiceMonitor selects %v, the Service's labels are %v", sel, svc.Labels)
	}
	endpoints, _, _ := unstructured.NestedSlice(sm.Object, "spec", "endpoints")
	if len(endpoints) != 1 {
		t.Fatalf("ServiceMonitor endpoints %v, want one", endpoints)
	}
	ep := endpoints[0].(map[string]any)
	if ep["port"] != svc.Spec.Ports[0].Name || ep["path"] != "/metrics" {
		t.Errorf("ServiceMonitor endpoint %v, want port %s path /metrics", ep, svc.Spec.Ports[0].Name)
	}

	// Every series a rule reads exists on /metrics, and every selector
	// names the job the ServiceMonitor produces.
	exported := exportedMetrics(t)
	exported["up"] = true // Prometheus's own, per target
	rules := alertRules(t, one(t, objs, "PrometheusRule"))
	want := []string{"CrashloopBotDown", "CrashloopBotNoLeader", "CrashloopBotSlackPostsFailing", "CrashloopBotQueueGrowing", "CrashloopBotWatchNotSynced"}
	if got := slices.Sorted(mapKeys(rules)); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("alerts %v, want %v", got, want)
	}
	metricRef := regexp.MustCompile(`\b([a-z_]+)\{([^}]*)\}`)
	for name, expr := range rules {
		refs := metricRef.FindAllStringSubmatch(expr, -1)
		if len(refs) == 0 {
			t.Errorf("%s: no metric selector in %q", name, expr)
		}
		for _, m := range refs {
			if !exported[m[1]] {
				t.Errorf("%s reads %s, which the bot does not export", name, m[1])
			}
			if m[2] != fmt.Sprintf("job=%q", job) {
				t.Errorf("%s selects %s{%s}, want {job=%q}", name, m[1], m[2], job)
			}
		}
	}

	np := one(t, objs, "NetworkPolicy")
	var pol networkingv1.NetworkPolicy
	convert(t, np, &pol)
	podSel, err := metav1.LabelSelectorAsSelector(&pol.Spec.PodSelector)
	if err != nil || podSel.Empty() || !podSel.Matches(labels.Set(dep.Spec.Template.Labels)) {
		t.Errorf("NetworkPolicy selects pods %v, the bot's pods have %v", pol.Spec.PodSelector, dep.Spec.Template.Labels)
	}
	if !slices.Equal(pol.Spec.PolicyTypes, []networkingv1.PolicyType{networkingv1.PolicyTypeIngress}) {
		t.Errorf("policyTypes %v, want Ingress only (egress to the API server and Slack stays open)", pol.Spec.PolicyTypes)
	}
	container := dep.Spec.Template.Spec.Containers[0]
	for i, rule := range pol.Spec.Ingress {
		if len(rule.From) == 0 {
			t.Errorf("ingress rule %d admits everyone", i)
		}
		for _, p := range rule.Ports {
			if p.Port == nil || !slices.ContainsFunc(container.Ports, func(cp corev1.ContainerPort) bool { return cp.Name == p.Port.String() }) {
				t.Errorf("ingress rule %d admits port %v, which the bot does not listen on", i, p.Port)
			}
		}
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// exportedMetrics lists the metric names the bot serves, from a registry
// wired as run wires it.
func exportedMetrics(t *testing.T) map[string]bool {
	t.Helper()
	m := metrics.New()
	m.SetBuildInfo("v0.0.0", "test", "go")
	mfs, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, mf := range mfs {
		out[mf.GetName()] = true
	}
	return out
}

// alertRules maps each alert of a PrometheusRule to its expression.
func alertRules(t *testing.T, pr *unstructured.Unstructured) map[string]string {
	t.Helper()
	groups, _, _ := unstructured.NestedSlice(pr.Object, "spec", "groups")
	out := map[string]string{}
	for _, g := range groups {
		rules, _, _ := unstructured.NestedSlice(g.(map[string]any), "rules")
		for _, r := range rules {
			rm := r.(map[string]any)
			name, _ := rm["alert"].(string)
			expr, _ := rm["expr"].(string)
			if name == "" || expr == "" {
				t.Errorf("rule without alert or expr: %v", rm)
				continue
			}
			out[name] = expr
		}
	}
	return out
}

var (
	crdOnce sync.Once
	crdDir  string
	crdErr  error
)

// installMonitoringCRDs installs the Prometheus Operator's ServiceMonitor
// and PrometheusRule CRDs (from its Go module) on the test API server, so
// dry runs validate our objects against their real OpenAPI schemas.
func installMonitoringCRDs(t *testing.T, env *lctest.Env) {
	t.Helper()
	crdOnce.Do(func() {
		cmd := exec.Command(goTool(), "mod", "download", "-json", prometheusOperator)
		cmd.Dir = filepath.Join("..", "test", "kustomize") // any module: the download is by path@version
		out, err := cmd.Output()
		if err != nil {
			crdErr = fmt.Errorf("go mod download %s: %w", prometheusOperator, err)
			return
		}
		var mod struct{ Dir string }
		if err := json.Unmarshal(out, &mod); err != nil {
			crdErr = err
			return
		}
		crdDir = filepath.Join(mod.Dir, "example", "prometheus-operator-crd")
	})
	if crdErr != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("Prometheus Operator CRDs unavailable (no module proxy?): %v", crdErr)
		}
		t.Fatal(crdErr)
	}
	var crds []*unstructured.Unstructured
	for _, f := range []string{"monitoring.coreos.com_servicemonitors.yaml", "monitoring.coreos.com_prometheusrules.yaml"} {
		objs, err := decodeAll(yamlBytes(t, filepath.Join(crdDir, f)))
		if err != nil {
			t.Fatal(err)
		}
		crds = append(crds, objs...)
	}
	if err := newApplier(t, env).apply(t.Context(), crds, false); err != nil {
		t.Fatal(err)
	}
	// Served once discovery lists them.
	deadline := time.Now().Add(30 * time.Second)
	for {
		a := newApplier(t, env)
		_, err1 := a.mapper.RESTMapping(schema.GroupKind{Group: "monitoring.coreos.com", Kind: "ServiceMonitor"}, "v1")
		_, err2 := a.mapper.RESTMapping(schema.GroupKind{Group: "monitoring.coreos.com", Kind: "PrometheusRule"}, "v1")
		if err1 == nil && err2 == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("CRDs not served after 30s: %v, %v", err1, err2)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestMonitoringServerSideDryRun: with the Prometheus Operator's CRDs
// installed, the API server accepts deploy/ with both components under
// strict field validation (a misspelt ServiceMonitor or PrometheusRule
// field fails here).
func TestMonitoringServerSideDryRun(t *testing.T) {
	env := lctest.Get(t)
	installMonitoringCRDs(t, env)
	ensureNamespace(t, env, botNamespace)
	objs := render(t, overlay(t, []string{monitoringComponent, networkPolicyComponent}, ""))
	if err := newApplier(t, env).apply(t.Context(), objs, true); err != nil {
		t.Fatal(err)
	}
}
