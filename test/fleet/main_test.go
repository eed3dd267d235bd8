// Package fleet_test runs a fleet end to end: several real kube-apiservers
// (one per simulated cluster), one real PostgreSQL, and the released
// crashloop-bot binary for each cluster (two replicas with leader
// election), all posting to one Slack-compatible server on loopback.
package fleet_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/internal/kubesim"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster"
	"github.com/crashloop-bot/crashloop-bot/internal/localpg/pgtest"
	"github.com/crashloop-bot/crashloop-bot/internal/slackserver"
	"github.com/crashloop-bot/crashloop-bot/internal/testbin"
)

func TestMain(m *testing.M) {
	code := pgtest.Run(m)
	testbin.Clean()
	os.Exit(code)
}

// node is the node of every simulated pod; each cluster has its own.
const node = "node-1"

// cluster is one simulated cluster: a real control plane and a fake
// kubelet, driven by a kubesim.
type cluster struct {
	name    string
	cp      *localcluster.Cluster
	kubelet *localcluster.Kubelet
	admin   kubernetes.Interface
	sim     *kubesim.Sim
	kc      string // admin kubeconfig
}

// startClusters starts one control plane per name, at once, and stops them
// when the test ends. Outside CI, without the binaries, the test skips.
func startClusters(t *testing.T, names ...string) []*cluster {
	t.Helper()
	out := make([]*cluster, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			c := &cluster{name: name}
			out[i], errs[i] = c, c.start(t.Context(), t.TempDir())
		})
	}
	wg.Wait()
	for _, c := range out {
		t.Cleanup(c.stop)
	}
	for _, err := range errs {
		if err != nil {
			if strings.Contains(err.Error(), localcluster.ErrBinariesMissing.Error()) && os.Getenv("CI") == "" {
				t.Skipf("needs the local control plane: %v (or run `make test`)", err)
			}
			t.Fatal(err)
		}
	}
	return out
}

func (c *cluster) start(ctx context.Context, dir string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cp, err := localcluster.Start(ctx, localcluster.Options{})
	if err != nil {
		return fmt.Errorf("cluster %s: %w", c.name, err)
	}
	c.cp = cp
	if c.admin, err = kubernetes.NewForConfig(cp.AdminConfig()); err != nil {
		return err
	}
	if c.kubelet, err = localcluster.StartKubelet(); err != nil {
		return err
	}
	if err := c.kubelet.RegisterNode(ctx, c.admin, node); err != nil {
		return err
	}
	for _, ns := range []string{"shop", "crashloop"} {
		if _, err := c.admin.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}); err != nil {
			return err
		}
	}
	c.sim = kubesim.New(c.admin, c.kubelet, node)
	c.kc = filepath.Join(dir, "kubeconfig-"+c.name)
	return cp.WriteKubeconfig(c.kc, "")
}

func (c *cluster) stop() {
	if c.kubelet != nil {
		c.kubelet.Close()
	}
	c.cp.Stop()
}

// bot is one crashloop-bot process.
type bot struct {
	*testbin.Process
	name   string
	killed bool
}

// signingSecret signs the slash commands of the tests.
const signingSecret = "fleet-e2e-signing-secret"

// startBot runs one replica of c's bot against the fleet's database.
func startBot(t *testing.T, c *cluster, replica int, dsn string, slackURL string) *bot {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	yaml := fmt.Sprintf(`cluster_name: %s
watch:
  namespaces: [shop]
  group_wait: 1s
  resolve_after: 2s
  update_interval: 2s
slack:
  api_url: %s
  channel: C0ALERTS
digest:
  channels: [{channel: C0DIGEST}]
server:
  listen: %q
store:
  backend: postgres
  postgres:
    dsn: {env: CRASHLOOP_POSTGRES_DSN}
leader_election:
  enabled: true
  namespace: crashloop
  lease_duration: 4s
  renew_deadline: 3s
  retry_period: 1s
log:
  level: debug
`, c.name, slackURL, testbin.Listen)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("%s-%d", c.name, replica)
	b := &bot{name: name, Process: testbin.Start(t, "bot "+name, []string{"run", "--config", cfg, "--kubeconfig", c.kc},
		"SLACK_BOT_TOKEN="+slackserver.DefaultToken, "SLACK_SIGNING_SECRET="+signingSecret, "CRASHLOOP_POSTGRES_DSN="+dsn)}
	return b
}

// addr is where the bot serves HTTP (its server.listen, bound on a port
// the kernel chose).
func (b *bot) addr(t *testing.T) string {
	t.Helper()
	return b.HTTPAddr(t, 30*time.Second)
}

// leads tells whether the bot leads its cluster now.
func (b *bot) leads() bool {
	if b.Exited() {
		return false
	}
	return strings.Contains(b.Out.String(), "leading: watching and posting")
}

// kill ends the bot with SIGKILL: no shutdown, no lease released.
func (b *bot) kill() {
	b.killed = true
	b.Kill()
}

// waitUntil polls cond until it holds, failing after d (a failure timeout,
// never a measure).
func waitUntil(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			msg := ""
			if slackNow != nil {
				msg = "\nSlack has:\n" + slackNow()
			}
			t.Fatalf("timed out after %s waiting for %s%s", d, what, msg)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// slackNow, when set, says what Slack shows, for failures.
var slackNow func() string
