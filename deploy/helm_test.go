package deploy_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
)

// helmDir is the chart, relative to deploy/.
const helmDir = "helm"

var chartDir = filepath.Join(helmDir, "crashloop-bot")

var (
	helmOnce sync.Once
	helmBin  string
	helmErr  error
)

// helmBinary builds test/helm, which renders charts with the Helm library
// (helm.sh/helm/v3) as `helm template` does.
func helmBinary(t *testing.T) string {
	t.Helper()
	helmOnce.Do(func() {
		dir, err := os.MkdirTemp("", "crashloop-bot-helm")
		if err != nil {
			helmErr = err
			return
		}
		helmBin = filepath.Join(dir, "helmtemplate")
		cmd := exec.Command(goTool(), "build", "-o", helmBin, ".")
		cmd.Dir = filepath.Join("..", "test", "helm")
		if out, err := cmd.CombinedOutput(); err != nil {
			helmErr = fmt.Errorf("build test/helm: %v\n%s", err, out)
		}
	})
	if helmErr != nil {
		t.Fatal(helmErr)
	}
	return helmBin
}

// helmRun runs the renderer; it returns stdout, and stderr as an error.
func helmRun(t *testing.T, args ...string) ([]byte, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(helmBinary(t), args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("%v: %s%s", err, stderr.String(), stdout.String())
	}
	return stdout.Bytes(), nil
}

// helmTemplate renders the chart as release crashloop-bot in namespace ns
// with --set values.
func helmTemplate(t *testing.T, ns string, sets ...string) []*unstructured.Unstructured {
	t.Helper()
	args := []string{"--name", "crashloop-bot", "--namespace", ns}
	for _, s := range sets {
		args = append(args, "--set", s)
	}
	out, err := helmRun(t, append(args, chartDir)...)
	if err != nil {
		t.Fatalf("helm template %v: %v", sets, err)
	}
	objs, err := decodeAll(out)
	if err != nil {
		t.Fatalf("helm template output: %v", err)
	}
	return objs
}

// TestHelmLint: `helm lint --strict` finds nothing to warn about.
func TestHelmLint(t *testing.T) {
	if out, err := helmRun(t, "--lint", chartDir); err != nil {
		t.Fatalf("helm lint: %v\n%s", err, out)
	}
}

// allOptional turns on everything the chart can add.
var allOptional = []string{"metrics.serviceMonitor.enabled=true", "metrics.prometheusRule.enabled=true", "networkPolicy.enabled=true"}

// TestHelmMatchesKustomize: the chart and deploy/ must not drift. With
// default values (plus the optional objects) the chart renders what
// `kubectl apply -k` of deploy/ with both components applies: the same RBAC
// rules, the same pod (security contexts, probes, resources, env from the
// Secret, volumes, args), Service, disruption budget, config, scrape
// endpoint, alert rules and network policy. Only names of generated
// objects and Helm's labels differ.
func TestHelmMatchesKustomize(t *testing.T) {
	chart := helmTemplate(t, botNamespace, allOptional...)
	kust := render(t, overlay(t, []string{monitoringComponent, networkPolicyComponent}, ""))

	kinds := func(objs []*unstructured.Unstructured) []string {
		var out []string
		for _, o := range objs {
			out = append(out, o.GetKind()+"/"+o.GetNamespace()+"/"+o.GetName())
		}
		slices.Sort(out)
		return out
	}
	// The same objects, but for the ConfigMap's generated name.
	norm := func(objs []*unstructured.Unstructured) []string {
		var out []string
		for _, k := range kinds(objs) {
			if strings.HasPrefix(k, "ConfigMap/") {
				k = "ConfigMap/" + botNamespace + "/CONFIG"
			}
			out = append(out, k)
		}
		return out
	}
	if c, k := norm(chart), norm(kust); !slices.Equal(c, k) {
		t.Fatalf("objects differ:\n chart %v\n kustomize %v", c, k)
	}

	// RBAC: the same rules in the ClusterRole and in the bot's own Role;
	// the bindings bind the same ServiceAccount.
	for _, kind := range []string{"ClusterRole", "Role"} {
		var c, k rbacv1.ClusterRole // Role and ClusterRole share the rules' shape
		convert(t, withKind(one(t, chart, kind), "ClusterRole"), &c)
		convert(t, withKind(one(t, kust, kind), "ClusterRole"), &k)
		if !reflect.DeepEqual(c.Rules, k.Rules) {
			t.Errorf("%s rules differ:\n chart %+v\n kustomize %+v", kind, c.Rules, k.Rules)
		}
	}
	for _, kind := range []string{"ClusterRoleBinding", "RoleBinding"} {
		var c, k rbacv1.ClusterRoleBinding
		convert(t, withKind(one(t, chart, kind), "ClusterRoleBinding"), &c)
		convert(t, withKind(one(t, kust, kind), "ClusterRoleBinding"), &k)
		if !reflect.DeepEqual(c.Subjects, k.Subjects) || c.RoleRef != k.RoleRef {
			t.Errorf("%s differs:\n chart %+v %+v\n kustomize %+v %+v", kind, c.RoleRef, c.Subjects, k.RoleRef, k.Subjects)
		}
	}

	// The pod: everything but labels, annotations and the config's name.
	var cd, kd appsv1.Deployment
	convert(t, one(t, chart, "Deployment"), &cd)
	convert(t, one(t, kust, "Deployment"), &kd)
	if *cd.Spec.Replicas != *kd.Spec.Replicas || *cd.Spec.RevisionHistoryLimit != *kd.Spec.RevisionHistoryLimit {
		t.Errorf("replicas %d/%d, history %d/%d", *cd.Spec.Replicas, *kd.Spec.Replicas, *cd.Spec.RevisionHistoryLimit, *kd.Spec.RevisionHistoryLimit)
	}
	cp, kp := normalizePod(cd.Spec.Template.Spec), normalizePod(kd.Spec.Template.Spec)
	if !reflect.DeepEqual(cp, kp) {
		t.Errorf("pod specs differ:\n chart     %+v\n kustomize %+v", cp, kp)
	}
	for _, k := range []string{"prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path"} {
		if cd.Spec.Template.Annotations[k] != kd.Spec.Template.Annotations[k] {
			t.Errorf("pod annotation %s: chart %q, kustomize %q", k, cd.Spec.Template.Annotations[k], kd.Spec.Template.Annotations[k])
		}
	}

	var cs, ks corev1.Service
	convert(t, one(t, chart, "Service"), &cs)
	convert(t, one(t, kust, "Service"), &ks)
	if !reflect.DeepEqual(cs.Spec.Ports, ks.Spec.Ports) || cs.Spec.Type != ks.Spec.Type {
		t.Errorf("Service differs:\n chart %+v\n kustomize %+v", cs.Spec, ks.Spec)
	}
	var cb, kb policyv1.PodDisruptionBudget
	convert(t, one(t, chart, "PodDisruptionBudget"), &cb)
	convert(t, one(t, kust, "PodDisruptionBudget"), &kb)
	if !reflect.DeepEqual(cb.Spec.MaxUnavailable, kb.Spec.MaxUnavailable) {
		t.Errorf("PodDisruptionBudget maxUnavailable: chart %v, kustomize %v", cb.Spec.MaxUnavailable, kb.Spec.MaxUnavailable)
	}

	// The bot reads the same configuration.
	var ccm, kcm corev1.ConfigMap
	convert(t, one(t, chart, "ConfigMap"), &ccm)
	convert(t, one(t, kust, "ConfigMap"), &kcm)
	if c, k := loadConfig(t, ccm.Data["config.yaml"]), loadConfig(t, kcm.Data["config.yaml"]); !reflect.DeepEqual(c, k) {
		t.Errorf("configs differ:\n chart %+v\n kustomize %+v", c, k)
	}

	// Monitoring: the same scrape endpoint, alert rules and admitted traffic.
	for _, kind := range []string{"ServiceMonitor", "PrometheusRule"} {
		c, _, _ := unstructured.NestedFieldNoCopy(one(t, chart, kind).Object, "spec")
		k, _, _ := unstructured.NestedFieldNoCopy(one(t, kust, kind).Object, "spec")
		if kind == "ServiceMonitor" {
			c, _, _ = unstructured.NestedFieldNoCopy(one(t, chart, kind).Object, "spec", "endpoints")
			k, _, _ = unstructured.NestedFieldNoCopy(one(t, kust, kind).Object, "spec", "endpoints")
		}
		if !reflect.DeepEqual(c, k) {
			t.Errorf("%s differs:\n chart %v\n kustomize %v", kind, c, k)
		}
	}
	var cn, kn networkingv1.NetworkPolicy
	convert(t, one(t, chart, "NetworkPolicy"), &cn)
	convert(t, one(t, kust, "NetworkPolicy"), &kn)
	if !reflect.DeepEqual(cn.Spec.Ingress, kn.Spec.Ingress) || !reflect.DeepEqual(cn.Spec.PolicyTypes, kn.Spec.PolicyTypes) {
		t.Errorf("NetworkPolicy differs:\n chart %+v\n kustomize %+v", cn.Spec, kn.Spec)
	}
	checkMonitoring(t, chart, &cs, &cd, "crashloop-bot")
}

func withKind(u *unstructured.Unstructured, kind string) *unstructured.Unstructured {
	c := u.DeepCopy()
	c.SetKind(kind)
	return c
}

// normalizePod blanks what legitimately differs between the chart and the
// kustomization: the generated ConfigMap's name and the label selectors of
// the anti-affinity term (Helm adds app.kubernetes.io/instance).
func normalizePod(p corev1.PodSpec) corev1.PodSpec {
	p = *p.DeepCopy()
	for i := range p.Volumes {
		if p.Volumes[i].ConfigMap != nil {
			p.Volumes[i].ConfigMap.Name = "CONFIG"
		}
	}
	if a := p.Affinity; a != nil && a.PodAntiAffinity != nil {
		for i := range a.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution {
			a.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution[i].PodAffinityTerm.LabelSelector = nil
		}
	}
	return p
}

// TestHelmValues: the values a platform team sets show up where they
// should, and the defaults are checked as deploy/ is (checkRendered).
func TestHelmValues(t *testing.T) {
	t.Run("defaults", func(t *testing.T) {
		objs := helmTemplate(t, botNamespace)
		var dep appsv1.Deployment
		convert(t, one(t, objs, "Deployment"), &dep)
		if img := dep.Spec.Template.Spec.Containers[0].Image; !releaseImage.MatchString(img) {
			t.Errorf("image %q, want a released vX.Y.Z tag", img)
		}
		for _, k := range []string{"ServiceMonitor", "PrometheusRule", "NetworkPolicy", "Namespace"} {
			if len(byKind(objs, k)) > 0 {
				t.Errorf("%s rendered by default", k)
			}
		}
	})
	t.Run("everything set", func(t *testing.T) {
		objs := helmTemplate(t, "platform",
			"clusterName=prod-eu-1", "slack.channel=C0ALERTS", "slack.routes[0].namespaces[0]=payments", "slack.routes[0].channel=#payments",
			"slack.existingSecret=slack-tokens", "slack.secretKeys.botToken=token", "slack.mode=socket",
			"watch.namespaces[0]=shop", "watch.namespaces[1]=payments", "rbac.clusterWide=false",
			"store.backend=configmap", "leaderElection.enabled=true", "replicaCount=3",
			"resources.requests.memory=128Mi", "resources.limits.memory=512Mi",
			"image.digest=sha256:"+strings.Repeat("ab", 32), "config.digest.timezone=Europe/Berlin",
			"networkPolicy.enabled=true", "serviceAccount.annotations.team=platform")
		var dep appsv1.Deployment
		convert(t, one(t, objs, "Deployment"), &dep)
		c := dep.Spec.Template.Spec.Containers[0]
		if want := "ghcr.io/crashloop-bot/crashloop-bot@sha256:" + strings.Repeat("ab", 32); c.Image != want {
			t.Errorf("image %q, want %q", c.Image, want)
		}
		if *dep.Spec.Replicas != 3 || c.Resources.Limits.Memory().String() != "512Mi" || c.Resources.Requests.Memory().String() != "128Mi" {
			t.Errorf("replicas %d, resources %+v", *dep.Spec.Replicas, c.Resources)
		}
		for _, e := range c.Env {
			if e.Name == "SLACK_BOT_TOKEN" && (e.ValueFrom.SecretKeyRef.Name != "slack-tokens" || e.ValueFrom.SecretKeyRef.Key != "token") {
				t.Errorf("SLACK_BOT_TOKEN from %+v, want secret slack-tokens key token", e.ValueFrom.SecretKeyRef)
			}
		}
		var cm corev1.ConfigMap
		convert(t, one(t, objs, "ConfigMap"), &cm)
		cfg := loadConfig(t, cm.Data["config.yaml"])
		if cfg.ClusterName != "prod-eu-1" || cfg.Slack.Channel != "C0ALERTS" || cfg.Slack.Mode != "socket" ||
			len(cfg.Slack.Routes) != 1 || cfg.Slack.Routes[0].Channel != "#payments" ||
			!slices.Equal(cfg.Watch.Namespaces, []string{"shop", "payments"}) || cfg.Digest.Timezone != "Europe/Berlin" {
			t.Errorf("config %+v", cfg)
		}
		// Namespaced RBAC: a read-only Role in each watched namespace,
		// nothing cluster-scoped, the subject in the release namespace.
		if len(byKind(objs, "ClusterRole"))+len(byKind(objs, "ClusterRoleBinding")) > 0 {
			t.Error("rbac.clusterWide=false renders cluster-scoped RBAC")
		}
		var watchNS []string
		for _, rb := range byKind(objs, "RoleBinding") {
			var b rbacv1.RoleBinding
			convert(t, rb, &b)
			if b.Subjects[0].Namespace != "platform" {
				t.Errorf("RoleBinding %s/%s binds %+v, want the ServiceAccount in platform", b.Namespace, b.Name, b.Subjects)
			}
			if b.Namespace != "platform" {
				watchNS = append(watchNS, b.Namespace)
			}
		}
		if slices.Sort(watchNS); !slices.Equal(watchNS, []string{"payments", "shop"}) {
			t.Errorf("read-only RoleBindings in %v, want payments and shop", watchNS)
		}
		// Socket Mode needs no inbound Slack traffic: only /metrics is admitted.
		var np networkingv1.NetworkPolicy
		convert(t, one(t, objs, "NetworkPolicy"), &np)
		if len(np.Spec.Ingress) != 1 {
			t.Errorf("socket mode NetworkPolicy has %d ingress rules, want 1 (metrics)", len(np.Spec.Ingress))
		}
	})
	t.Run("file store", func(t *testing.T) {
		objs := helmTemplate(t, botNamespace, "store.backend=file", "store.existingClaim=bot-state", "replicaCount=1", "leaderElection.enabled=false")
		var dep appsv1.Deployment
		convert(t, one(t, objs, "Deployment"), &dep)
		var cm corev1.ConfigMap
		convert(t, one(t, objs, "ConfigMap"), &cm)
		cfg := loadConfig(t, cm.Data["config.yaml"])
		mounted := slices.ContainsFunc(dep.Spec.Template.Spec.Containers[0].VolumeMounts, func(m corev1.VolumeMount) bool {
			return strings.HasPrefix(cfg.Store.Path, m.MountPath+"/")
		})
		claimed := slices.ContainsFunc(dep.Spec.Template.Spec.Volumes, func(v corev1.Volume) bool {
			return v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName == "bot-state"
		})
		if !mounted || !claimed {
			t.Errorf("store.path %q is not on the claim bot-state: %+v", cfg.Store.Path, dep.Spec.Template.Spec.Volumes)
		}
		if len(byKind(objs, "PodDisruptionBudget")) > 0 {
			t.Error("a disruption budget for one replica would block every drain")
		}
	})
}

// TestHelmRejectsBadValues: mistakes fail `helm install` with a message
// naming the value, instead of installing something that crash-loops.
func TestHelmRejectsBadValues(t *testing.T) {
	for _, tc := range []struct {
		set  []string
		want string
	}{
		{[]string{"slak.channel=#x"}, "additional properties 'slak' not allowed"},
		{[]string{"image.tag=latest"}, "/image/tag"},
		{[]string{"slack.mode=rtm"}, "/slack/mode"},
		{[]string{"store.backend=s3"}, "/store/backend"},
		{[]string{"watch.namespaces[0]=Prod"}, "/watch/namespaces/0"},
		{[]string{"rbac.clusterWide=false"}, "rbac.clusterWide=false needs watch.namespaces"},
		{[]string{"store.backend=file"}, "store.backend=file keeps state in one pod's volume"},
		{[]string{"store.backend=memory"}, "store.backend=memory cannot hand incidents to a new leader"},
		{[]string{"leaderElection.enabled=false"}, "replicaCount > 1 needs leaderElection.enabled"},
	} {
		args := []string{"--namespace", botNamespace}
		for _, s := range tc.set {
			args = append(args, "--set", s)
		}
		_, err := helmRun(t, append(args, chartDir)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("--set %v: error %v, want it to contain %q", tc.set, err, tc.want)
		}
	}
}

// TestHelmServerSideDryRun: the API server accepts what the chart renders
// for each kind of install, under strict field validation; the Prometheus
// Operator's CRDs are installed so its objects are checked too.
func TestHelmServerSideDryRun(t *testing.T) {
	env := lctest.Get(t)
	installMonitoringCRDs(t, env)
	ns := env.Namespace(t)
	watched := env.Namespace(t)
	a := newApplier(t, env)
	for name, sets := range map[string][]string{
		"defaults":      nil,
		"all optional":  allOptional,
		"namespaced":    {"rbac.clusterWide=false", "watch.namespaces[0]=" + watched, "slack.mode=socket"},
		"file store":    {"store.backend=file", "replicaCount=1", "leaderElection.enabled=false"},
		"custom values": {"image.digest=sha256:" + strings.Repeat("0", 64), "tolerations[0].operator=Exists", "priorityClassName=", "podLabels.team=platform", "service.type=NodePort"},
	} {
		t.Run(name, func(t *testing.T) {
			if err := a.apply(t.Context(), helmTemplate(t, ns, sets...), true); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestHelmInstallRunsAsServiceAccount installs the chart for real into a
// namespace of its own and runs the bot's pipeline, every command and
// button, its Lease and its store as the chart's ServiceAccount: the
// chart's RBAC is enough, and nothing is Forbidden.
func TestHelmInstallRunsAsServiceAccount(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	if err := newApplier(t, env).apply(ctx, helmTemplate(t, ns), false); err != nil {
		t.Fatal(err)
	}
	bot := botClient(t, env, ns)
	if err := leaderElection(ctx, env, bot, ns); err != nil {
		t.Errorf("leader election: %v", err)
	}
	if err := configMapStore(ctx, bot, ns); err != nil {
		t.Errorf("configmap store: %v", err)
	}
	watched := env.Namespace(t)
	runBotAs(t, env, ns, watched, nil)
	driveCommandsAs(t, env, access{own: ns, watched: watched, other: env.Namespace(t), clusterWide: true}, nil)
}

// TestReleaseVersionsAgree: the changelog's latest version is the image
// every install method runs and the chart's version, so a release bumps
// them together (CONTRIBUTING.md, "Releasing").
func TestReleaseVersionsAgree(t *testing.T) {
	changelog := string(yamlBytes(t, filepath.Join("..", "CHANGELOG.md")))
	m := regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+)\]`).FindStringSubmatch(changelog)
	if m == nil {
		t.Fatal("CHANGELOG.md has no version heading")
	}
	version := m[1]
	image := "ghcr.io/crashloop-bot/crashloop-bot:v" + version
	for _, v := range variants {
		for _, o := range byKind(render(t, v.dir), "Deployment") {
			var d appsv1.Deployment
			convert(t, o, &d)
			if got := d.Spec.Template.Spec.Containers[0].Image; got != image {
				t.Errorf("%s runs %s, the changelog's latest release is %s", v.dir, got, image)
			}
		}
	}
	var chart struct {
		Version    string `yaml:"version"`
		AppVersion string `yaml:"appVersion"`
	}
	if err := yaml.Unmarshal(yamlBytes(t, filepath.Join(chartDir, "Chart.yaml")), &chart); err != nil {
		t.Fatal(err)
	}
	if chart.Version != version || chart.AppVersion != "v"+version {
		t.Errorf("Chart.yaml version %s appVersion %s, want %s and v%s", chart.Version, chart.AppVersion, version, version)
	}
}
