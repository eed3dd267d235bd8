package kube

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// maxProbeTimeout bounds one probe run, whatever timeoutSeconds says.
const maxProbeTimeout = 10 * time.Second

// prober is the network side of RunProbe.
type prober struct {
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// ownAddrs lists the addresses of the bot's own machine, which a pod
	// IP may never be.
	ownAddrs func() ([]net.Addr, error)
}

func defaultProber(dial func(ctx context.Context, network, addr string) (net.Conn, error)) prober {
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	return prober{dial: dial, ownAddrs: net.InterfaceAddrs}
}

// ErrProbeNotRun is returned for probes RunProbe does not run: exec and
// gRPC probes, probes naming another host, pods on the host network or
// without an IP, and pod IPs the bot must never call.
var ErrProbeNotRun = errors.New("probe not run")

// metadataIPs are cloud metadata endpoints outside the link-local range.
var metadataIPs = []net.IP{
	net.ParseIP("fd00:ec2::254"),   // AWS IMDS over IPv6
	net.ParseIP("100.100.100.200"), // Alibaba Cloud
}

// RunProbe runs an HTTP or TCP probe of pod once, as the kubelet would,
// against the pod's own IP and the port from its spec only, bounded by the
// probe's timeoutSeconds (at most 10s). The URL is built like the
// kubelet's: scheme, pod IP and port, then httpGet.path as a path, so a
// path cannot name another host. Pod IPs that are loopback, unspecified,
// link-local (cloud metadata), multicast or the bot's own are refused, as
// is a pod sharing its node's IP. HTTP redirects are not followed and the
// response body is not read beyond 1 KiB. result is "HTTP 200" or "TCP
// connect"; an HTTP status outside 200-399 is an error, like a failing
// probe.
func (q *Query) RunProbe(ctx context.Context, pod *corev1.Pod, probe *corev1.Probe) (result string, latency time.Duration, err error) {
	if probe == nil {
		return "", 0, fmt.Errorf("%w: no probe", ErrProbeNotRun)
	}
	if pod.Spec.HostNetwork {
		return "", 0, fmt.Errorf("%w: the pod uses the host network", ErrProbeNotRun)
	}
	ip := net.ParseIP(pod.Status.PodIP)
	if ip == nil {
		return "", 0, fmt.Errorf("%w: the pod has no IP", ErrProbeNotRun)
	}
	if err := q.probe.checkTarget(pod, ip); err != nil {
		return "", 0, err
	}
	timeout := min(time.Duration(max(probe.TimeoutSeconds, 1))*time.Second, maxProbeTimeout)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	switch {
	case probe.HTTPGet != nil:
		h := probe.HTTPGet
		if h.Host != "" && h.Host != pod.Status.PodIP {
			return "", 0, fmt.Errorf("%w: the probe names host %s", ErrProbeNotRun, h.Host)
		}
		port, err := probePort(pod, h.Port)
		if err != nil {
			return "", 0, err
		}
		return q.probe.http(ctx, h, net.JoinHostPort(ip.String(), strconv.Itoa(port)))
	case probe.TCPSocket != nil:
		t := probe.TCPSocket
		if t.Host != "" && t.Host != pod.Status.PodIP {
			return "", 0, fmt.Errorf("%w: the probe names host %s", ErrProbeNotRun, t.Host)
		}
		port, err := probePort(pod, t.Port)
		if err != nil {
			return "", 0, err
		}
		start := time.Now()
		conn, err := q.probe.dial(ctx, "tcp", net.JoinHostPort(ip.String(), strconv.Itoa(port)))
		lat := time.Since(start)
		if err != nil {
			return "", lat, probeErr(ctx, err)
		}
		_ = conn.Close()
		return "TCP connect", lat, nil
	}
	return "", 0, fmt.Errorf("%w: only HTTP and TCP probes are run", ErrProbeNotRun)
}

// checkTarget refuses pod IPs the bot must never call: whoever can set a
// pod's status (or create pods in a cluster with a permissive CNI) would
// otherwise point the probe at the bot itself, its node or the cloud's
// metadata service.
func (p prober) checkTarget(pod *corev1.Pod, ip net.IP) error {
	refuse := func(why string) error {
		return fmt.Errorf("%w: the pod IP %s is %s", ErrProbeNotRun, ip, why)
	}
	switch {
	case ip.IsUnspecified():
		return refuse("unspecified")
	case ip.IsLoopback():
		return refuse("loopback")
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		return refuse("link-local (cloud metadata lives there)")
	case ip.IsMulticast(), ip.Equal(net.IPv4bcast):
		return refuse("not a unicast address")
	}
	for _, m := range metadataIPs {
		if ip.Equal(m) {
			return refuse("a cloud metadata address")
		}
	}
	if host := net.ParseIP(pod.Status.HostIP); host != nil && host.Equal(ip) {
		return refuse("its node's address")
	}
	if len(pod.Status.PodIPs) > 0 && !slices.ContainsFunc(pod.Status.PodIPs, func(p corev1.PodIP) bool { return net.ParseIP(p.IP).Equal(ip) }) {
		return refuse("not among the pod's IPs")
	}
	own, err := p.ownAddrs()
	if err != nil {
		return fmt.Errorf("%w: the bot's own addresses are unknown: %v", ErrProbeNotRun, err)
	}
	for _, a := range own {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return refuse("the bot's own address")
		}
	}
	return nil
}

// probeURL builds a probe's URL as the kubelet does: scheme, then the pod's
// host and port, then the path as a path. A path that would be read as a
// reference to another host ("//other:80/x") stays a path on the pod.
func probeURL(scheme, hostPort, path string) (*url.URL, error) {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	const placeholder = "pod.invalid"
	u, err := url.Parse("http://" + placeholder + path)
	if err != nil || u.Host != placeholder || u.User != nil {
		return nil, fmt.Errorf("%w: the probe path %q is not a URL path", ErrProbeNotRun, path)
	}
	u.Scheme, u.Host, u.Fragment, u.RawFragment = scheme, hostPort, "", ""
	return u, nil
}

func (p prober) http(ctx context.Context, h *corev1.HTTPGetAction, hostPort string) (string, time.Duration, error) {
	scheme := "http"
	if h.Scheme == corev1.URISchemeHTTPS {
		scheme = "https"
	}
	u, err := probeURL(scheme, hostPort, h.Path)
	if err != nil {
		return "", 0, err
	}
	client := &http.Client{
		Transport: &http.Transport{
			// Only ever the pod: whatever the URL says, dial hostPort.
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				if addr != hostPort {
					return nil, fmt.Errorf("%w: dial %s: only the pod %s may be probed", ErrProbeNotRun, addr, hostPort)
				}
				return p.dial(ctx, network, addr)
			},
			// Like the kubelet: probes do not verify certificates.
			TLSClientConfig:   &tls.Config{InsecureSkipVerify: true},
			DisableKeepAlives: true,
			Proxy:             nil,
		},
		// Never follow a redirect: it may point anywhere. A 3xx is a
		// success, as for the kubelet.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("User-Agent", "crashloop-bot-probe/1")
	start := time.Now()
	resp, err := client.Do(req)
	lat := time.Since(start)
	if err != nil {
		return "", lat, probeErr(ctx, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<10))
	_ = resp.Body.Close()
	res := "HTTP " + strconv.Itoa(resp.StatusCode)
	if resp.StatusCode < 200 || resp.StatusCode >= 400 {
		return "", lat, errors.New(res)
	}
	return res, lat, nil
}

// probeErr names a timeout plainly.
func probeErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return errors.New("timed out")
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return errors.New("timed out")
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err
	}
	return err
}

// probePort resolves a probe's port, a number or a container port name.
func probePort(pod *corev1.Pod, port intstr.IntOrString) (int, error) {
	if port.Type == intstr.Int {
		if port.IntVal <= 0 || port.IntVal > 65535 {
			return 0, fmt.Errorf("%w: port %d is out of range", ErrProbeNotRun, port.IntVal)
		}
		return int(port.IntVal), nil
	}
	for _, c := range pod.Spec.Containers {
		for _, p := range c.Ports {
			if p.Name == port.StrVal {
				return int(p.ContainerPort), nil
			}
		}
	}
	return 0, fmt.Errorf("%w: no container port named %q", ErrProbeNotRun, port.StrVal)
}
