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
}

func defaultProber() prober {
	d := &net.Dialer{}
	return prober{dial: d.DialContext}
}

// ErrProbeNotRun is returned for probes RunProbe does not run: exec and
// gRPC probes, probes naming another host, pods on the host network or
// without an IP.
var ErrProbeNotRun = errors.New("probe not run")

// RunProbe runs an HTTP or TCP probe of pod once, as the kubelet would,
// against the pod's own IP and the port from its spec only, bounded by the
// probe's timeoutSeconds (at most 10s). HTTP redirects are not followed
// and the response body is not read beyond 1 KiB. result is "HTTP 200" or
// "TCP connect"; an HTTP status outside 200-399 is an error, like a
// failing probe.
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

func (p prober) http(ctx context.Context, h *corev1.HTTPGetAction, hostPort string) (string, time.Duration, error) {
	scheme := "http"
	if h.Scheme == corev1.URISchemeHTTPS {
		scheme = "https"
	}
	path := h.Path
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	u := &url.URL{Scheme: scheme, Host: hostPort}
	// The path may carry a query string, as in the kubelet.
	ref, err := url.Parse(path)
	if err != nil {
		return "", 0, fmt.Errorf("probe path %q: %w", h.Path, err)
	}
	u = u.ResolveReference(ref)
	client := &http.Client{
		Transport: &http.Transport{
			DialContext: p.dial,
			// Like the kubelet: probes do not verify certificates.
			TLSClientConfig:   &tls.Config{InsecureSkipVerify: true},
			DisableKeepAlives: true,
			Proxy:             nil,
		},
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
