// Package scope holds the one rule that decides which namespaces a channel
// or a person may see: what was granted by name, or by "*" the watched
// namespaces, and never an excluded one. The access checks of commands and
// buttons (bot.Access) and the scopes of digests (digest.NamespaceScope)
// both ask it, so a team's channel sees the same namespaces in an answer
// and in its digest.
package scope

import "slices"

// Watched is what the bot watches: Namespaces (every namespace when empty)
// minus Exclude (watch.namespaces and watch.exclude_namespaces).
type Watched struct {
	Namespaces []string
	Exclude    []string
}

// Excludes reports whether ns is never to be seen.
func (w Watched) Excludes(ns string) bool { return ns == "" || slices.Contains(w.Exclude, ns) }

// Contains reports whether ns is watched and not excluded.
func (w Watched) Contains(ns string) bool {
	return !w.Excludes(ns) && (len(w.Namespaces) == 0 || slices.Contains(w.Namespaces, ns))
}

// Grant is a list of namespaces as configured: names, and "*" for every
// watched namespace.
type Grant []string

// All reports whether g holds "*".
func (g Grant) All() bool { return slices.Contains(g, "*") }

// Allows reports whether g lets ns be seen under w: named in g, or g holds
// "*" and w watches ns; an excluded namespace never.
func (g Grant) Allows(w Watched, ns string) bool {
	if w.Excludes(ns) {
		return false
	}
	if slices.Contains(g, ns) {
		return true
	}
	return g.All() && w.Contains(ns)
}
