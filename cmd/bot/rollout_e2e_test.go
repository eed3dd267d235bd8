package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
)

// TestBinaryNamesTheRolloutBehindTheCrash rolls a Deployment from a healthy
// revision to a crashing one and runs the released binary as a
// ServiceAccount bound to the ClusterRole from deploy/cluster-rbac.yaml:
// the Slack message must name the change and the rollback command, with no
// access to Secrets (the pod references one; reading it is Forbidden).
func TestBinaryNamesTheRolloutBehindTheCrash(t *testing.T) {
	env := lctest.Get(t)
	ctx := t.Context()
	ns := env.Namespace(t)
	srv := slackserver.New(slackserver.Options{})
	defer srv.Close()
	sim := kubesim.New(env.Admin, env.Kubelet, lctest.NodeName)

	// RBAC exactly as shipped, bound to a ServiceAccount of this test.
	role := clusterRoleFromManifest(t, filepath.Join("..", "..", "deploy", "cluster-rbac.yaml"))
	role.Name = "crashloop-bot-" + ns
	if _, err := env.Admin.RbacV1().ClusterRoles().Create(ctx, role, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	binding := &rbacv1.ClusterRoleBinding{
		ObjectMeta: metav1.ObjectMeta{Name: role.Name},
		RoleRef:    rbacv1.RoleRef{APIGroup: "rbac.authorization.k8s.io", Kind: "ClusterRole", Name: role.Name},
		Subjects:   []rbacv1.Subject{{Kind: "ServiceAccount", Namespace: ns, Name: "bot"}},
	}
	if _, err := env.Admin.RbacV1().ClusterRoleBindings().Create(ctx, binding, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	saCfg, err := env.Cluster.ServiceAccountConfig(ctx, ns, "bot")
	if err != nil {
		t.Fatal(err)
	}

	healthy := corev1.PodSpec{Containers: []corev1.Container{{
		Name: "api", Image: "registry.example.com/api:1.8.2",
		Env: []corev1.EnvVar{{Name: "DB_PASSWORD", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
			LocalObjectReference: corev1.LocalObjectReference{Name: "db-creds"}, Key: "password"}}}},
	}}}
	if _, err := sim.CreateDeployment(ctx, kubesim.Deployment{Namespace: ns, Name: "api", Replicas: 2, Template: healthy}); err != nil {
		t.Fatal(err)
	}
	broken := *healthy.DeepCopy()
	broken.Containers[0].Image = "registry.example.com/api:1.9.0"
	broken.Containers[0].Env = append(broken.Containers[0].Env, corev1.EnvVar{Name: "LOG_LEVEL", Value: "debug"})
	newPods, err := sim.RollOut(ctx, ns, "api", broken, 1)
	if err != nil {
		t.Fatal(err)
	}

	kc := filepath.Join(t.TempDir(), "kubeconfig")
	if err := env.Cluster.WriteKubeconfig(kc, saCfg.BearerToken); err != nil {
		t.Fatal(err)
	}
	cfg := writeTemp(t, "config.yaml", fmt.Sprintf("watch:\n  namespaces: [%s]\n  group_wait: 1s\nslack:\n  api_url: %s\n  channel: \"#alerts\"\ndigest:\n  enabled: false\nstore:\n  backend: memory\nserver:\n  listen: \"\"\nlog:\n  level: debug\n", ns, srv.URL()))
	bot := launch(t, cfg, kc).Out
	waitUntil(t, "watch sync", 20*time.Second, func() bool { return strings.Contains(bot.String(), "watch synced") })

	if _, err := sim.CrashLoop(ctx, newPods[0], kubesim.Crash{Container: "api", ExitCode: 1, Log: "FATAL: unknown log level \"debug\"\n"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the alert", 20*time.Second, func() bool { return len(srv.Messages()) == 1 })
	msg := srv.Messages()[0]
	// The blocks as Slack would read them: JSON's \u0026 back to &.
	blocks := strings.NewReplacer(`\u0026`, "&", `\u003c`, "<", `\u003e`, ">").Replace(string(msg.Blocks))
	for _, want := range []string{
		"after rollout to revision 2",
		"api:1.8.2 -&gt; api:1.9.0", // mrkdwn-escaped ->
		"LOG_LEVEL",
		"kubectl rollout undo deployment/api -n " + ns + " --to-revision=1",
		"db-creds",
	} {
		if !strings.Contains(blocks, want) {
			t.Errorf("the alert does not say %q:\n%s", want, blocks)
		}
	}
	if strings.Contains(bot.String(), "secrets") && strings.Contains(bot.String(), "forbidden") {
		t.Errorf("the bot tried to read a Secret:\n%s", bot.String())
	}
}

func clusterRoleFromManifest(t *testing.T, path string) *rbacv1.ClusterRole {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
	for {
		var role rbacv1.ClusterRole
		if err := dec.Decode(&role); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if role.Kind == "ClusterRole" {
			return &role
		}
	}
	t.Fatalf("no ClusterRole in %s", path)
	return nil
}
