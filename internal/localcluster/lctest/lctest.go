// Package lctest shares one local control plane (see localcluster) among the
// tests of a package: call Run from TestMain and Get from each test.
//
// When the binaries have not been built, tests skip with a message saying
// how to build them, unless $CI is set: in CI they must run, so Run fails.
package lctest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/crashloop-bot/crashloop-bot/internal/localcluster"
)

// NodeName is the node every test pod should be scheduled on; its kubelet is Env.Kubelet.
const NodeName = "node-1"

// Env is a running control plane with a fake kubelet registered as NodeName.
type Env struct {
	Cluster *localcluster.Cluster
	Kubelet *localcluster.Kubelet
	// Admin is a client with cluster-admin rights.
	Admin kubernetes.Interface
}

var (
	shared     *Env
	skipReason string
	nsCounter  atomic.Int64
)

// Run starts the control plane, runs the tests and stops it. Use it as
// `func TestMain(m *testing.M) { os.Exit(lctest.Run(m)) }`.
func Run(m *testing.M) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	env, err := start(ctx)
	cancel()
	switch {
	case errors.Is(err, localcluster.ErrBinariesMissing) && os.Getenv("CI") == "":
		skipReason = fmt.Sprintf("needs the local control plane: %v (or run `make test`)", err)
		return m.Run()
	case err != nil:
		fmt.Fprintf(os.Stderr, "lctest: %v\n", err)
		return 1
	}
	shared = env
	defer env.stop()
	return m.Run()
}

func start(ctx context.Context) (*Env, error) {
	c, err := localcluster.Start(ctx, localcluster.Options{})
	if err != nil {
		return nil, err
	}
	admin, err := kubernetes.NewForConfig(c.AdminConfig())
	if err != nil {
		c.Stop()
		return nil, err
	}
	k, err := localcluster.StartKubelet()
	if err != nil {
		c.Stop()
		return nil, err
	}
	if err := k.RegisterNode(ctx, admin, NodeName); err != nil {
		k.Close()
		c.Stop()
		return nil, err
	}
	return &Env{Cluster: c, Kubelet: k, Admin: admin}, nil
}

func (e *Env) stop() {
	e.Kubelet.Close()
	e.Cluster.Stop()
}

// Get returns the shared control plane, or skips the test when it could not
// be started outside CI.
func Get(t testing.TB) *Env {
	t.Helper()
	if shared == nil {
		if skipReason == "" {
			t.Fatal("lctest.Get called without lctest.Run in TestMain")
		}
		t.Skip(skipReason)
	}
	return shared
}

// AdminConfig returns a fresh admin rest.Config the test may modify.
func (e *Env) AdminConfig() *rest.Config { return e.Cluster.AdminConfig() }

// Namespace creates a namespace unique to this test. Namespaces are never
// deleted: with no controller-manager they would stay Terminating anyway.
func (e *Env) Namespace(t testing.TB) string {
	t.Helper()
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		}
		return '-'
	}, t.Name())
	if len(name) > 40 {
		name = name[:40]
	}
	name = fmt.Sprintf("%s-%d", strings.Trim(name, "-"), nsCounter.Add(1))
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}
	if _, err := e.Admin.CoreV1().Namespaces().Create(t.Context(), ns, metav1.CreateOptions{}); err != nil {
		t.Fatalf("create namespace %s: %v", name, err)
	}
	return name
}
