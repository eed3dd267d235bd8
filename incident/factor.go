package incident

import (
	"net"
	"regexp"
	"slices"
	"strings"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// FactorKind is a kind of thing several crash-looping workloads can share
// that may be the one cause of all their crashes.
type FactorKind string

// Factor kinds, from the most specific to the least.
const (
	// FactorDependency: a host the logs say cannot be reached (a database,
	// a Service, a broker).
	FactorDependency FactorKind = "dependency"
	// FactorConfigObject: a ConfigMap or Secret ("Secret db-creds") the
	// workloads are missing or read.
	FactorConfigObject FactorKind = "config_object"
	// FactorImage: the same container image (by digest when known).
	FactorImage FactorKind = "image"
	// FactorNode: the node the pods crash on.
	FactorNode FactorKind = "node"
	// FactorNamespace: the namespace, when nothing more specific is shared.
	FactorNamespace FactorKind = "namespace"
)

// Factor kinds of a fleet incident (package fleet): the same workload
// (namespace/Kind/name), or the same image digest, crash-looping with the
// same category in several clusters. One cluster's storm grouping never
// chooses them; a fleet incident is told as a Storm whose members are the
// clusters' incidents.
const (
	FactorFleetWorkload FactorKind = "fleet_workload"
	FactorFleetImage    FactorKind = "fleet_image"
)

// Fleet tells whether f is the shared factor of a fleet incident.
func (f Factor) Fleet() bool { return f.Kind == FactorFleetWorkload || f.Kind == FactorFleetImage }

// FactorKinds lists every factor kind, the most specific first.
func FactorKinds() []FactorKind {
	return []FactorKind{FactorDependency, FactorConfigObject, FactorImage, FactorNode, FactorNamespace}
}

// Factor is one shared thing: a kind and its value ("node", "ip-10-0-3-7").
type Factor struct {
	Kind  FactorKind `json:"kind"`
	Value string     `json:"value"`
}

// String renders the factor as kind=value.
func (f Factor) String() string { return string(f.Kind) + "=" + f.Value }

// sharedConfigMaps are ConfigMaps every pod reads (the service account's CA
// bundle): sharing them says nothing.
var sharedConfigMaps = map[string]bool{"kube-root-ca.crt": true, "openshift-service-ca.crt": true}

// factorValues returns the values inc has of kind: what it could share with
// other workloads crashing the same way.
func factorValues(inc *Incident, kind FactorKind) []string {
	cat := inc.Report.Category
	switch kind {
	case FactorDependency:
		if cat != diagnose.DependencyUnavailable {
			return nil
		}
		return dependencyHosts(inc.Report, inc.Key.Namespace)
	case FactorConfigObject:
		if cat != diagnose.MissingConfigObject && cat != diagnose.ConfigError {
			return nil
		}
		// The object the evidence names as missing says the most; else
		// what the pods read.
		if named := missingObjects(inc.Report); len(named) > 0 {
			return named
		}
		var out []string
		for _, cm := range inc.ConfigMaps {
			if !sharedConfigMaps[cm] {
				out = append(out, "ConfigMap "+cm)
			}
		}
		for _, s := range inc.Secrets {
			out = append(out, "Secret "+s)
		}
		return out
	case FactorImage:
		if inc.Image != "" {
			return []string{inc.Image}
		}
	case FactorNode:
		return inc.Nodes
	case FactorNamespace:
		return []string{inc.Key.Namespace}
	}
	return nil
}

// Patterns that name the host a client failed to reach, most telling first.
var hostPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\blookup ([a-z0-9][a-z0-9.-]*)(?: on |: )`),
	regexp.MustCompile(`(?i)\bgetaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([a-z0-9][a-z0-9.-]*)`),
	regexp.MustCompile(`(?i)\bhost "([a-z0-9][a-z0-9.-]*)"`),
	regexp.MustCompile(`(?i)\bdial tcp ([a-z0-9][a-z0-9.-]*|\[[0-9a-f:]+\]):\d+`),
	regexp.MustCompile(`(?i)\bECONNREFUSED ([a-z0-9][a-z0-9.-]*):\d+`),
	regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://(?:[^@/\s]*@)?([a-z0-9][a-z0-9.-]*)`),
	regexp.MustCompile(`(?i)\bconnection to ([a-z0-9][a-z0-9.-]*)(?::\d+)? (?:refused|failed|timed out)`),
	regexp.MustCompile(`(?i)\b([a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}\b`),
}

// dependencyHosts returns the hosts the report's evidence and log excerpt
// say could not be reached, normalised so that "postgres",
// "postgres.shop" and "postgres.shop.svc.cluster.local" seen from
// namespace shop are one dependency. Loopback addresses are left out: each
// pod has its own.
func dependencyHosts(r diagnose.Report, namespace string) []string {
	var out []string
	scan := func(lines []string) {
		for _, l := range lines {
			for _, re := range hostPatterns {
				m := re.FindStringSubmatch(l)
				if m == nil {
					continue
				}
				if h := normaliseHost(m[1], namespace); h != "" && !slices.Contains(out, h) {
					out = append(out, h)
				}
				break // the first, most telling pattern of a line
			}
		}
	}
	scan(r.Evidence)
	if len(out) == 0 {
		scan(r.LogExcerpt)
	}
	return out
}

func normaliseHost(h, namespace string) string {
	h = strings.ToLower(strings.Trim(h, "[]."))
	if ip := net.ParseIP(h); ip != nil {
		if ip.IsLoopback() || ip.IsUnspecified() {
			return ""
		}
		return h
	}
	if h == "localhost" || h == "" {
		return ""
	}
	for _, suffix := range []string{".cluster.local", ".svc"} {
		h = strings.TrimSuffix(h, suffix)
	}
	if !strings.Contains(h, ".") && namespace != "" {
		h += "." + namespace // a Service of the pod's own namespace
	}
	return h
}

var (
	reMissingObject = regexp.MustCompile(`(?i)\b(secret|configmap)s? "([^"]+)" not found`)
	reMissingKey    = regexp.MustCompile(`(?i)couldn't find key \S+ in (secret|configmap) [^/\s]+/([^\s"]+)`)
)

// missingObjects returns the ConfigMaps and Secrets the evidence says are
// missing, as "ConfigMap name" or "Secret name".
func missingObjects(r diagnose.Report) []string {
	var out []string
	for _, l := range r.Evidence {
		for _, re := range []*regexp.Regexp{reMissingObject, reMissingKey} {
			if m := re.FindStringSubmatch(l); m != nil {
				kind := "Secret"
				if strings.EqualFold(m[1], "configmap") {
					kind = "ConfigMap"
				}
				if s := kind + " " + m[2]; !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}
