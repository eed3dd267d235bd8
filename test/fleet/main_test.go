// Package fleet_test runs a fleet end to end: several real kube-apiservers
// (one per simulated cluster), one real PostgreSQL, and the released
// crashloop-bot binary for each cluster (two replicas with leader
// election), all posting to one Slack-compatible server on loopback.
package fleet_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
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
	"github.com/crashloop-bot/crashloop-bot/internal/testlog"
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
	name   string
	addr   string // server.listen
	cmd    *exec.Cmd
	out    *testlog.Buffer
	done   chan struct{}
	killed bool
}

// signingSecret signs the slash commands of the tests.
const signingSecret = "fleet-e2e-signing-secret"

// startBot runs one replica of c's bot against the fleet's database.
func startBot(t *testing.T, c *cluster, replica int, dsn string, slackURL string) *bot {
	t.Helper()
	addr := freeAddr(t)
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
`, c.name, slackURL, addr)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(testbin.Bot(t), "run", "--config", cfg, "--kubeconfig", c.kc)
	cmd.Env = append(os.Environ(), "SLACK_BOT_TOKEN="+slackserver.DefaultToken, "SLACK_SIGNING_SECRET="+signingSecret,
		"CRASHLOOP_POSTGRES_DSN="+dsn)
	b := &bot{name: fmt.Sprintf("%s-%d", c.name, replica), addr: addr, cmd: cmd, out: &testlog.Buffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = b.out, b.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = cmd.Wait(); close(b.done) }()
	t.Cleanup(func() {
		b.stop()
		if t.Failed() {
			t.Logf("--- output of bot %s:\n%s", b.name, b.out.String())
		}
	})
	return b
}

// leads tells whether the bot leads its cluster now.
func (b *bot) leads() bool {
	select {
	case <-b.done:
		return false
	default:
	}
	return strings.Contains(b.out.String(), "leading: watching and posting")
}

// kill ends the bot with SIGKILL: no shutdown, no lease released.
func (b *bot) kill() {
	b.killed = true
	_ = b.cmd.Process.Signal(syscall.SIGKILL)
	<-b.done
}

func (b *bot) stop() {
	select {
	case <-b.done:
		return
	default:
	}
	_ = b.cmd.Process.Signal(os.Interrupt)
	select {
	case <-b.done:
	case <-time.After(15 * time.Second):
		_ = b.cmd.Process.Kill()
		<-b.done
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
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
