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
	c, calls, takenPort := startWithTakenPort(t, func(n int) int { return n - 1 }) // the API server's port
	if strings.HasSuffix(c.URL, ":"+strconv.Itoa(takenPort)) || calls < 2 {
		t.Fatalf("kube-apiserver at %s after %d port choices; port %d was taken", c.URL, calls, takenPort)
	}
}

// TestStartMovesEtcdOffATakenPort: the same for etcd's client port (TestFleet
// failed so in CI: "etcd did not become healthy ... exit status 1").
func TestStartMovesEtcdOffATakenPort(t *testing.T) {
	_, calls, takenPort := startWithTakenPort(t, func(int) int { return 0 }) // etcd's client port
	if calls < 2 {
		t.Fatalf("etcd started after %d port choices; port %d was taken", calls, takenPort)
	}
}

// startWithTakenPort starts a cluster whose first choice of ports hands out,
// at the index which returns, a port another listener holds; it returns the
// cluster, how many times ports were chosen and the taken port.
func startWithTakenPort(t *testing.T, which func(n int) int) (*Cluster, int, int) {
	t.Helper()
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { taken.Close() })
	takenPort := taken.Addr().(*net.TCPAddr).Port

	real := choosePorts
	t.Cleanup(func() { choosePorts = real })
	calls := 0
	choosePorts = func(n int) ([]int, error) {
		calls++
		ports, err := real(n)
		if calls == 1 && err == nil {
			ports[which(n)] = takenPort
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
	t.Cleanup(c.Stop)
	return c, calls, takenPort
}
