package localcluster

import (
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"
)

// TestStartMovesOffATakenPort: the port chosen for kube-apiserver can be
// taken by another process before it binds it (TestFleet failed once so in
// CI); Start then chooses another port instead of failing.
func TestStartMovesOffATakenPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	takenPort := taken.Addr().(*net.TCPAddr).Port

	real := choosePorts
	t.Cleanup(func() { choosePorts = real })
	calls := 0
	choosePorts = func(n int) ([]int, error) {
		calls++
		ports, err := real(n)
		if calls == 1 && err == nil {
			ports[n-1] = takenPort // the API server's port, taken meanwhile
		}
		return ports, err
	}

	c, err := Start(t.Context(), Options{})
	if errors.Is(err, ErrBinariesMissing) {
		t.Skipf("needs the local control plane binaries: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	if strings.HasSuffix(c.URL, ":"+strconv.Itoa(takenPort)) || calls < 2 {
		t.Fatalf("kube-apiserver at %s after %d port choices; port %d was taken", c.URL, calls, takenPort)
	}
}

// TestStartMovesEtcdOffATakenPort: the same for etcd's client port (TestFleet
// failed so in CI: "etcd did not become healthy ... exit status 1").
func TestStartMovesEtcdOffATakenPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	takenPort := taken.Addr().(*net.TCPAddr).Port

	real := choosePorts
	t.Cleanup(func() { choosePorts = real })
	calls := 0
	choosePorts = func(n int) ([]int, error) {
		calls++
		ports, err := real(n)
		if calls == 1 && err == nil {
			ports[0] = takenPort // etcd's client port, taken meanwhile
		}
		return ports, err
	}

	c, err := Start(t.Context(), Options{})
	if errors.Is(err, ErrBinariesMissing) {
		t.Skipf("needs the local control plane binaries: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	if calls < 2 {
		t.Fatalf("etcd started after %d port choices; port %d was taken", calls, takenPort)
	}
}
