package diagnose

import (
	"regexp"
	"strings"
)

// A report often pastes what other pods say beside the crashed pod's own
// log. A client's "dial tcp ...: connection refused" to
// http://boskos.test-pods.svc..., next to boskos-0's "flag provided but
// not defined", names the pod's own Service: the client shows that this
// pod is down, not what this pod could not reach. A reporter's sentence
// that starts with a neighbour pod's name is about that pod.

// reDialedHost is the host a client names when it cannot connect: a URL's
// host, or the Service name of a cluster DNS name.
var reDialedHost = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://([a-z0-9][a-z0-9-]*)[.:/]|\b([a-z0-9][a-z0-9-]*)\.[a-z0-9-]+\.svc\b`)

// workloadBase is the name a pod's Service most often has: the pod's name
// without its ReplicaSet hash and suffix or its StatefulSet ordinal.
func workloadBase(pod string) string {
	parts := strings.Split(pod, "-")
	switch {
	case len(parts) >= 3 && len(parts[len(parts)-1]) == 5 && podHash(parts[len(parts)-2]):
		parts = parts[:len(parts)-2] // web-7d9f8c6b5-x2x9z
	case len(parts) >= 2 && isDigits([]byte(parts[len(parts)-1])):
		parts = parts[:len(parts)-1] // boskos-0
	case len(parts) >= 2 && randomSuffix(parts[len(parts)-1]):
		parts = parts[:len(parts)-1] // a DaemonSet's node-tuner-5fhq7
	}
	return strings.Join(parts, "-")
}

// randomSuffix reports the five characters Kubernetes appends to a
// generated name, drawn from an alphabet without vowels ("5fhq7", not
// "proxy"); one with a digit, so that no word is taken for it.
func randomSuffix(s string) bool {
	return len(s) == 5 && strings.Trim(s, "bcdfghjklmnpqrstvwxz2456789") == "" && strings.ContainsAny(s, "2456789")
}

// podHash reports a ReplicaSet's pod-template hash ("7d9f8c6b5").
func podHash(s string) bool {
	if len(s) < 6 || len(s) > 10 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// dialsItself reports a line in which a client fails to reach the pod's
// own Service (its host is the pod's workload name).
func dialsItself(line, pod string) bool {
	base := workloadBase(pod)
	if len(base) < 3 || pod == "POD" {
		return false
	}
	for _, m := range reDialedHost.FindAllStringSubmatch(line, -1) {
		if h := strings.ToLower(m[1] + m[2]); h == base {
			return true
		}
	}
	return false
}

// withoutLines returns text without the lines drop reports.
func withoutLines(text string, drop func(string) bool) string {
	lines := strings.Split(text, "\n")
	kept := lines[:0:0]
	for _, l := range lines {
		if !drop(l) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// aboutNeighbour reports a reporter's sentence whose subject is another
// pod listed beside this one ("mariadb-0 is still doing its crash
// recovery, it was OOM-killed on the other node earlier"): what it says
// happened to that pod, not to this one.
func aboutNeighbour(line string, neighbours []Neighbour) bool {
	first, _, ok := strings.Cut(strings.TrimSpace(line), " ")
	if !ok || len(first) < 3 {
		return false
	}
	first = strings.TrimRight(first, ",:;'")
	for _, n := range neighbours {
		if first == n.Name || first == "pod/"+n.Name {
			return reportersWords([]byte(strings.TrimSpace(line)))
		}
	}
	return false
}
