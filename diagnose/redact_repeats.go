package diagnose

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	corev1 "k8s.io/api/core/v1"
)

// A secret the rules recognise by its label (password=..., a URL's
// user:PASS@host, an env var named like a secret) often appears again
// without one: a driver's error repeats the password it was given
// (`password authentication failed (password "...")`), a script echoes the
// token it read. knownSecrets gathers the values the rules find anywhere in
// what was given; redactRepeats replaces every other occurrence of them in
// the report.

// minRepeatLen is the shortest value replaced where it stands unlabelled:
// shorter values ("admin", "root") are ordinary words too often.
const minRepeatLen = 8

// knownSecrets returns the secret values found in the logs, events, and
// the containers' env, commands and status messages, longest first.
func knownSecrets(in Input, views []*containerView) []string {
	var found []string
	add := func(text string) {
		for line := range strings.SplitSeq(text, "\n") {
			redactCollect(line, &found)
		}
	}
	for _, l := range in.Logs {
		add(l)
	}
	for i := range in.Events {
		add(in.Events[i].Message)
	}
	for _, v := range views {
		if c := v.spec; c != nil {
			for _, e := range c.Env {
				if e.Value != "" {
					add(e.Name + "=" + e.Value)
				}
			}
			add(strings.Join(slices.Concat(c.Command, c.Args), " "))
		}
		if st := v.status; st != nil {
			for _, state := range []corev1.ContainerState{st.State, st.LastTerminationState} {
				if w := state.Waiting; w != nil {
					add(w.Message)
				}
				if t := state.Terminated; t != nil {
					add(t.Message)
				}
			}
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, v := range found {
		v = strings.Trim(v, `"'`)
		if !seen[v] && repeatable(v) {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// repeatable reports a value distinctive enough to replace wherever it
// appears: long, and not only lower-case letters (a password "postgres"
// is also the database's and the user's name in the same log).
func repeatable(v string) bool {
	if len(v) < minRepeatLen || isMask(v) || strings.Contains(v, redacted) {
		return false
	}
	for _, c := range v {
		if !unicode.IsLower(c) {
			return true
		}
	}
	return false
}

// redactRepeats replaces the known secret values wherever they appear in
// the report's text, and reports whether it replaced any.
func redactRepeats(rep *Report, secrets []string) bool {
	if len(secrets) == 0 {
		return false
	}
	changed := false
	replace := func(s *string) {
		for _, v := range secrets {
			if strings.Contains(*s, v) {
				*s = strings.ReplaceAll(*s, v, redacted)
				changed = true
			}
		}
	}
	replaceAll := func(list []string) {
		for i := range list {
			replace(&list[i])
		}
	}
	finding := func(f *Finding) {
		replace(&f.Summary)
		replace(&f.WaitingMessage)
		replace(&f.TerminationMessage)
		replaceAll(f.Evidence)
		replaceAll(f.NextSteps)
		replaceAll(f.LogExcerpt)
		for i := range f.Missing {
			replace(&f.Missing[i].Command)
		}
	}
	replace(&rep.Message)
	finding(&rep.Finding)
	for i := range rep.Containers {
		finding(&rep.Containers[i])
	}
	return changed
}
