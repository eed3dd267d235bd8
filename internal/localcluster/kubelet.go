package localcluster

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// Kubelet is a fake kubelet: an HTTPS server on 127.0.0.1 that answers the
// API server's /containerLogs requests (pods/log) from logs set by the test.
// Register it as a Node with RegisterNode; pods must name that node.
type Kubelet struct {
	// Port is the HTTPS port the API server dials.
	Port int

	srv *http.Server
	mu  sync.Mutex
	// logs maps ns/pod/container to current and previous logs.
	logs map[string]*containerLogs
}

type containerLogs struct {
	current, previous string
	hasPrevious       bool
}

// StartKubelet starts the fake kubelet.
func StartKubelet() (*Kubelet, error) {
	cert, err := selfSignedCert()
	if err != nil {
		return nil, err
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		return nil, err
	}
	k := &Kubelet{Port: ln.Addr().(*net.TCPAddr).Port, logs: map[string]*containerLogs{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /containerLogs/{ns}/{pod}/{container}", k.serveLogs)
	k.srv = &http.Server{Handler: mux}
	go k.srv.Serve(ln) //nolint:errcheck // returns on Close
	return k, nil
}

// Close stops the server.
func (k *Kubelet) Close() error { return k.srv.Close() }

// SetLogs sets the current log of a container.
func (k *Kubelet) SetLogs(namespace, pod, container, current string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.entry(namespace, pod, container).current = current
}

// SetPreviousLogs sets the log of the container's previous (crashed) instance,
// as the kubelet keeps it after a restart.
func (k *Kubelet) SetPreviousLogs(namespace, pod, container, previous string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	e := k.entry(namespace, pod, container)
	e.previous, e.hasPrevious = previous, true
}

func (k *Kubelet) entry(ns, pod, container string) *containerLogs {
	key := ns + "/" + pod + "/" + container
	e := k.logs[key]
	if e == nil {
		e = &containerLogs{}
		k.logs[key] = e
	}
	return e
}

func (k *Kubelet) serveLogs(w http.ResponseWriter, r *http.Request) {
	ns, pod, container := r.PathValue("ns"), r.PathValue("pod"), r.PathValue("container")
	q := r.URL.Query()
	previous := q.Get("previous") == "true"
	k.mu.Lock()
	e, ok := k.logs[ns+"/"+pod+"/"+container]
	var text string
	switch {
	case !ok:
		k.mu.Unlock()
		http.Error(w, fmt.Sprintf("container %q in pod %q is waiting to start: ContainerCreating", container, pod), http.StatusBadRequest)
		return
	case previous && !e.hasPrevious:
		k.mu.Unlock()
		http.Error(w, fmt.Sprintf("previous terminated container %q in pod %q not found", container, pod), http.StatusBadRequest)
		return
	case previous:
		text = e.previous
	default:
		text = e.current
	}
	k.mu.Unlock()
	// The API server forwards tailLines and limitBytes without applying
	// them; the kubelet does, and so must we.
	if n, err := strconv.Atoi(q.Get("tailLines")); err == nil && n >= 0 {
		text = tail(text, n)
	}
	if n, err := strconv.Atoi(q.Get("limitBytes")); err == nil && n >= 0 && n < len(text) {
		text = text[:n]
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = w.Write([]byte(text))
}

// tail keeps the last n lines of s.
func tail(s string, n int) string {
	if n == 0 {
		return ""
	}
	end := len(s)
	if strings.HasSuffix(s, "\n") {
		end--
	}
	for i := end - 1; i >= 0; i-- {
		if s[i] == '\n' {
			n--
			if n == 0 {
				return s[i+1:]
			}
		}
	}
	return s
}

// RegisterNode creates (or replaces) Node name whose kubelet is k, so that
// pods/log requests for pods on that node reach k.
func (k *Kubelet) RegisterNode(ctx context.Context, client kubernetes.Interface, name string) error {
	node := &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{"kubernetes.io/hostname": name}},
		Status: corev1.NodeStatus{
			// Only an InternalIP, so the API server dials 127.0.0.1 and not the node name.
			Addresses:       []corev1.NodeAddress{{Type: corev1.NodeInternalIP, Address: "127.0.0.1"}},
			DaemonEndpoints: corev1.NodeDaemonEndpoints{KubeletEndpoint: corev1.DaemonEndpoint{Port: int32(k.Port)}},
			Conditions:      []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionTrue, LastHeartbeatTime: metav1.Now()}},
		},
	}
	err := client.CoreV1().Nodes().Delete(ctx, name, metav1.DeleteOptions{})
	if err != nil && !apierrors.IsNotFound(err) {
		return fmt.Errorf("replace node %s: %w", name, err)
	}
	if _, err := client.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); err != nil {
		return fmt.Errorf("create node %s: %w", name, err)
	}
	return nil
}
