// Package localcluster runs a real Kubernetes control plane (etcd and
// kube-apiserver, built from Go modules by test/cluster/build.sh) on loopback,
// plus a fake kubelet that serves container logs. The end-to-end tests and
// `crashloop-bot demo` use it; nothing here talks to a remote host.
package localcluster

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"k8s.io/client-go/rest"
)

// Versions of the control plane binaries; keep in step with test/cluster/build.sh.
const (
	KubernetesVersion = "v1.37.2"
	EtcdVersion       = "v3.7.3"
)

// ErrBinariesMissing means etcd or kube-apiserver has not been built yet.
var ErrBinariesMissing = errors.New("control plane binaries not built (run `make test-cluster`)")

// DefaultBinDir is where test/cluster/build.sh caches the binaries:
// $CRASHLOOP_TEST_BIN_DIR, else $XDG_CACHE_HOME (or ~/.cache)/crashloop-bot/k8s-...
func DefaultBinDir() string {
	if d := os.Getenv("CRASHLOOP_TEST_BIN_DIR"); d != "" {
		return d
	}
	base := os.Getenv("XDG_CACHE_HOME")
	if base == "" {
		home, _ := os.UserHomeDir()
		base = filepath.Join(home, ".cache")
	}
	return filepath.Join(base, "crashloop-bot", "k8s-"+KubernetesVersion+"-etcd-"+EtcdVersion)
}

// Options configure Start.
type Options struct {
	// BinDir holds etcd and kube-apiserver; DefaultBinDir() when empty.
	BinDir string
	// Dir holds data, certificates and logs; a new temporary directory when empty.
	Dir string
	// Progress receives one line per step for a human watching; may be nil.
	Progress io.Writer
}

// Cluster is a running control plane. Stop it when done.
type Cluster struct {
	// URL is the API server's https address on 127.0.0.1.
	URL string
	// Dir holds data, certificates and the component logs (etcd.log, kube-apiserver.log).
	Dir string

	adminToken string
	ownDir     bool
	etcd       *process
	apiserver  *process
	// apiserverBin and apiserverArgs restart kube-apiserver.
	apiserverBin  string
	apiserverArgs []string
}

// Start launches etcd and kube-apiserver and waits until the API server is ready.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	binDir := opts.BinDir
	if binDir == "" {
		binDir = DefaultBinDir()
	}
	for _, b := range []string{"etcd", "kube-apiserver"} {
		if _, err := os.Stat(filepath.Join(binDir, b)); err != nil {
			return nil, fmt.Errorf("%w: %s", ErrBinariesMissing, filepath.Join(binDir, b))
		}
	}
	progress := opts.Progress
	if progress == nil {
		progress = io.Discard
	}
	c := &Cluster{Dir: opts.Dir}
	if c.Dir == "" {
		d, err := os.MkdirTemp("", "crashloop-cluster-")
		if err != nil {
			return nil, err
		}
		c.Dir, c.ownDir = d, true
	}
	ok := false
	defer func() {
		if !ok {
			c.Stop()
		}
	}()

	ports, err := choosePorts(3)
	if err != nil {
		return nil, err
	}
	var etcdURL string
	for attempt := 1; ; attempt++ {
		if attempt == 1 {
			fmt.Fprintf(progress, "local cluster: starting etcd %s on 127.0.0.1:%d\n", EtcdVersion, ports[0])
		}
		etcdURL, err = c.startEtcd(ctx, binDir, ports[0], ports[1], attempt)
		if err == nil {
			break
		}
		// As for kube-apiserver below: a port free when chosen can be
		// taken before etcd binds it (clusters started side by side).
		if attempt == 3 || c.etcd == nil || !c.etcd.logSays("address already in use") {
			return nil, err
		}
		c.etcd.stop()
		p, perr := choosePorts(2)
		if perr != nil {
			return nil, err
		}
		ports[0], ports[1] = p[0], p[1]
		fmt.Fprintf(progress, "local cluster: a port was taken meanwhile; starting etcd again on port %d\n", ports[0])
	}

	if err := c.writeAuthFiles(); err != nil {
		return nil, err
	}
	c.URL = "https://127.0.0.1:" + strconv.Itoa(ports[2])
	fmt.Fprintf(progress, "local cluster: starting kube-apiserver %s on %s\n", KubernetesVersion, c.URL)
	c.apiserverBin = filepath.Join(binDir, "kube-apiserver")
	c.apiserverArgs = []string{
		"--etcd-servers=" + etcdURL,
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(ports[2]),
		"--cert-dir=" + filepath.Join(c.Dir, "certs"),
		"--endpoint-reconciler-type=none",
		"--service-cluster-ip-range=10.0.0.0/24",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + filepath.Join(c.Dir, "sa.pub"),
		"--service-account-signing-key-file=" + filepath.Join(c.Dir, "sa.key"),
		"--authorization-mode=RBAC",
		"--token-auth-file=" + filepath.Join(c.Dir, "tokens.csv"),
		// No controller-manager runs, so nobody would create the default
		// ServiceAccount that this admission plugin insists on.
		"--disable-admission-plugins=ServiceAccount",
		"--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
	}
	start := time.Now()
	for attempt := 1; ; attempt++ {
		err := c.startAPIServer(ctx)
		if err == nil {
			break
		}
		// The port was free when it was chosen, but another process (a
		// cluster started beside this one, an outgoing connection's
		// ephemeral port) can take it before kube-apiserver binds it:
		// choose another and start again.
		if attempt == 3 || c.apiserver == nil || !c.apiserver.logSays("address already in use") {
			return nil, err
		}
		p, perr := choosePorts(1)
		if perr != nil {
			return nil, err
		}
		c.setSecurePort(p[0])
		fmt.Fprintf(progress, "local cluster: the port was taken meanwhile; starting kube-apiserver again on %s\n", c.URL)
	}
	fmt.Fprintf(progress, "local cluster: ready after %s\n", time.Since(start).Round(100*time.Millisecond))
	ok = true
	return c, nil
}

// startEtcd starts etcd on the client and peer ports given (its data in a
// directory of its own for each attempt) and waits until it is healthy.
func (c *Cluster) startEtcd(ctx context.Context, binDir string, clientPort, peerPort, attempt int) (string, error) {
	etcdURL := "http://127.0.0.1:" + strconv.Itoa(clientPort)
	peerURL := "http://127.0.0.1:" + strconv.Itoa(peerPort)
	var err error
	c.etcd, err = startProcess(filepath.Join(binDir, "etcd"), filepath.Join(c.Dir, "etcd.log"),
		"--name=local", "--data-dir="+filepath.Join(c.Dir, "etcd"+strings.Repeat("-again", attempt-1)),
		"--listen-client-urls="+etcdURL, "--advertise-client-urls="+etcdURL,
		"--listen-peer-urls="+peerURL, "--initial-advertise-peer-urls="+peerURL,
		"--initial-cluster=local="+peerURL, "--unsafe-no-fsync=true", "--log-level=warn")
	if err != nil {
		return "", err
	}
	if err := waitHTTP(ctx, plainClient, etcdURL+"/health", 30*time.Second, c.etcd); err != nil {
		return "", fmt.Errorf("etcd did not become healthy (see %s): %w", c.etcd.logPath, err)
	}
	return etcdURL, nil
}

func (c *Cluster) startAPIServer(ctx context.Context) error {
	var err error
	c.apiserver, err = startProcess(c.apiserverBin, filepath.Join(c.Dir, "kube-apiserver.log"), c.apiserverArgs...)
	if err != nil {
		return err
	}
	if err := waitHTTP(ctx, insecureClient, c.URL+"/readyz", 90*time.Second, c.apiserver); err != nil {
		return fmt.Errorf("kube-apiserver did not become ready (see %s, removed with the cluster; it ended: %s): %w", c.apiserver.logPath, c.apiserver.logTail(3), err)
	}
	return nil
}

// RestartAPIServer stops kube-apiserver, waits down, and starts it again on
// the same address and data, as an upgrade or a crash would: clients see
// their watches end and connections refused for a while.
func (c *Cluster) RestartAPIServer(ctx context.Context, down time.Duration) error {
	c.apiserver.stop()
	select {
	case <-time.After(down):
	case <-ctx.Done():
		return ctx.Err()
	}
	return c.startAPIServer(ctx)
}

// AdminConfig returns a rest.Config with cluster-admin rights.
func (c *Cluster) AdminConfig() *rest.Config {
	return &rest.Config{
		Host:            c.URL,
		BearerToken:     c.adminToken,
		TLSClientConfig: rest.TLSClientConfig{Insecure: true},
		QPS:             200,
		Burst:           400,
	}
}

// Stop terminates kube-apiserver and etcd and removes the directory Start created.
func (c *Cluster) Stop() {
	if c == nil {
		return
	}
	c.apiserver.stop()
	c.etcd.stop()
	if c.ownDir {
		os.RemoveAll(c.Dir)
	}
}

func (c *Cluster) writeAuthFiles() error {
	c.adminToken = randomHex(16)
	line := c.adminToken + `,admin,admin-uid,"system:masters"` + "\n"
	if err := os.WriteFile(filepath.Join(c.Dir, "tokens.csv"), []byte(line), 0o600); err != nil {
		return err
	}
	return writeServiceAccountKeys(filepath.Join(c.Dir, "sa.key"), filepath.Join(c.Dir, "sa.pub"))
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// setSecurePort moves kube-apiserver (not yet started) to port.
func (c *Cluster) setSecurePort(port int) {
	c.URL = "https://127.0.0.1:" + strconv.Itoa(port)
	for i, a := range c.apiserverArgs {
		if strings.HasPrefix(a, "--secure-port=") {
			c.apiserverArgs[i] = "--secure-port=" + strconv.Itoa(port)
		}
	}
}

// choosePorts picks the ports a cluster listens on; a test replaces it to
// hand out a port that is already taken.
var choosePorts = freePorts

// freePorts asks the kernel for n free loopback ports.
func freePorts(n int) ([]int, error) {
	var ports []int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// waitHTTP polls url until it answers 200, the process dies or the timeout passes.
func waitHTTP(ctx context.Context, client *http.Client, url string, timeout time.Duration, p *process) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var last error
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = fmt.Errorf("%s: %s", url, resp.Status)
		} else {
			last = err
		}
		select {
		case <-p.done:
			return fmt.Errorf("process exited: %v", p.err)
		case <-ctx.Done():
			return fmt.Errorf("%w (last: %v)", ctx.Err(), last)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// process is a child process whose output goes to a log file.
// logTail returns the last n lines of the process's log on one line: a
// cluster that fails to start removes its directory, and with it the log.
func (p *process) logTail(n int) string {
	log := p.log()
	if log == "" {
		return "no log"
	}
	lines := strings.Split(strings.TrimSpace(log), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], " | ")
}

// logSays reports whether the process's log holds text (why it exited).
func (p *process) logSays(text string) bool {
	return strings.Contains(p.log(), text)
}

// log returns what the process wrote to its log ("" when it cannot be read).
func (p *process) log() string {
	b, _ := os.ReadFile(p.logPath)
	return string(b)
}

type process struct {
	cmd     *exec.Cmd
	logPath string
	done    chan struct{}
	err     error
}

func startProcess(bin, logPath string, args ...string) (*process, error) {
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	p := &process{cmd: cmd, logPath: logPath, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		logf.Close()
		close(p.done)
	}()
	return p, nil
}

// stop sends SIGTERM and waits up to 10 s before killing.
func (p *process) stop() {
	if p == nil {
		return
	}
	_ = p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}
