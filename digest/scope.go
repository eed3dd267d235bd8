package digest

import (
	"fmt"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/selection"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/scope"
)

// Scope says which incidents a digest may show. Build drops every incident
// outside it before counting anything, so a digest never shows, counts or
// charts what its channel may not see.
type Scope interface {
	// Includes reports whether an incident of a workload in namespace,
	// whose pods carry labels (nil when unknown), is in scope.
	Includes(namespace string, labels map[string]string) bool
}

// ScopeTerm is one part of a NamespaceScope: the namespaces it covers
// (empty: every namespace the scope may see) and, optionally, a pod label
// selector that must match too.
type ScopeTerm struct {
	Namespaces []string
	Selector   labels.Selector
}

// NamespaceScope is the scope of a digest channel: the watched namespaces
// (all when Watched is empty) minus Exclude, narrowed to what at least one
// term covers. With no term it covers every watched namespace. Namespaces
// are decided by scope.Grant, the rule of the access checks.
type NamespaceScope struct {
	Terms   []ScopeTerm
	Watched []string
	Exclude []string
}

// Includes implements Scope.
func (s NamespaceScope) Includes(namespace string, lbls map[string]string) bool {
	w := scope.Watched{Namespaces: s.Watched, Exclude: s.Exclude}
	if !w.Contains(namespace) {
		return false // nothing outside the watch has incidents to show
	}
	if len(s.Terms) == 0 {
		return true
	}
	for _, t := range s.Terms {
		if len(t.Namespaces) > 0 && !scope.Grant(t.Namespaces).Allows(w, namespace) {
			continue
		}
		// An unknown label set matches no selector: when in doubt, leave
		// it out rather than show it to another team.
		if t.Selector != nil && !t.Selector.Empty() && (lbls == nil || !t.Selector.Matches(labels.Set(lbls))) {
			continue
		}
		return true
	}
	return false
}

// String describes the scope for the digest's header: "namespaces pay,
// shop", "namespaces pay (team=payments)" or "" for every watched namespace.
func (s NamespaceScope) String() string {
	if len(s.Terms) == 0 {
		return ""
	}
	var parts []string
	for _, t := range s.Terms {
		p := strings.Join(t.Namespaces, ", ")
		if p == "" {
			p = "all namespaces"
		}
		if t.Selector != nil && !t.Selector.Empty() {
			p += " (" + t.Selector.String() + ")"
		}
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// everything is the scope of tests and of callers that filtered already.
type everything struct{}

func (everything) Includes(string, map[string]string) bool { return true }

// Everything is a Scope that includes every incident: for the console and
// for digests whose incidents were scoped already.
var Everything Scope = everything{}

// ScopeRoute is an alert route as far as scopes care: where it sends which
// namespaces and pods.
type ScopeRoute struct {
	Channel    string
	Namespaces []string
	Selector   string
}

// ScopeInput is everything that decides a digest channel's scope.
type ScopeInput struct {
	// Channel is the digest channel, as configured.
	Channel string
	// Namespaces and Selector are set explicitly on the digest channel.
	Namespaces []string
	Selector   string
	// Routes are the alert routes (slack.routes).
	Routes []ScopeRoute
	// Watched and Exclude are watch.namespaces and watch.exclude_namespaces.
	Watched, Exclude []string
}

// ResolveScope is the one place that decides what a digest channel may
// see, with the rules of the access checks: its explicit namespaces and
// selector when it has them, else what the alert routes to that channel
// cover, else every watched namespace; never an unwatched or excluded one.
// Channels match by their configured spelling, with or without '#'.
func ResolveScope(in ScopeInput) (NamespaceScope, error) {
	s := NamespaceScope{Watched: slices.Clone(in.Watched), Exclude: slices.Clone(in.Exclude)}
	if len(in.Namespaces) > 0 || in.Selector != "" {
		t, err := term(in.Namespaces, in.Selector)
		if err != nil {
			return NamespaceScope{}, fmt.Errorf("digest channel %s: selector: %w", in.Channel, err)
		}
		s.Terms = []ScopeTerm{t}
		return s, nil
	}
	for i, r := range in.Routes {
		if !sameChannel(r.Channel, in.Channel) {
			continue
		}
		t, err := term(r.Namespaces, r.Selector)
		if err != nil {
			return NamespaceScope{}, fmt.Errorf("route %d: selector: %w", i, err)
		}
		s.Terms = append(s.Terms, t)
	}
	return s, nil
}

func term(namespaces []string, selector string) (ScopeTerm, error) {
	t := ScopeTerm{Namespaces: slices.Clone(namespaces)}
	if slices.Contains(t.Namespaces, "*") {
		t.Namespaces = nil // "*" is every watched namespace, as in commands.access
	}
	if selector != "" {
		sel, err := labels.Parse(selector)
		if err != nil {
			return ScopeTerm{}, err
		}
		t.Selector = sel
	}
	return t, nil
}

func sameChannel(a, b string) bool {
	a, b = strings.TrimPrefix(a, "#"), strings.TrimPrefix(b, "#")
	return a != "" && a == b
}

// podLabels are the labels an incident is known to carry: the crashing
// pod's own, as the alert route matched them; for incidents recorded before
// they were kept, the equality terms of the workload's pod selector, which
// every pod of the workload carries.
func podLabels(inc incident.Incident) map[string]string {
	if inc.Labels != nil {
		return inc.Labels
	}
	if inc.Selector == "" {
		return nil
	}
	sel, err := labels.Parse(inc.Selector)
	if err != nil {
		return nil
	}
	reqs, _ := sel.Requirements()
	out := map[string]string{}
	for _, r := range reqs {
		switch r.Operator() {
		case selection.Equals, selection.DoubleEquals, selection.In:
		default:
			continue
		}
		if vals := r.Values(); vals.Len() == 1 {
			out[r.Key()] = vals.List()[0]
		}
	}
	return out
}
