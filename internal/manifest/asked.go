package manifest

import (
	"regexp"
	"slices"
	"strings"
)

// The pod a report asks about. A report that pastes several workloads (a
// namespace's pods, its events, a neighbour's describe) says in its opening
// words which one it is about ("`notification-svc` doesn't start. There's
// also a search pod that's been OOMing for days — a known issue, not
// related."), and sets the others aside in words. The failing-most rule
// that picks among pasted pods cannot read that; askedForm can.

// introOf returns a paste's opening words: its lines up to the first shell
// prompt, code fence, table or events header, YAML key or indented code
// (at most 2 KiB).
func introOf(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if isPrompt(line) || reFence.MatchString(line) || reTableHeader.MatchString(line) || reEventsHeader.MatchString(line) ||
			reYAMLStart.MatchString(strings.TrimLeft(line, " \t")) || strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") || b.Len() > 2048 {
			break
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// askedForm returns the name form (a pod's name, or its workload's: a
// Deployment's "notification-svc", a StatefulSet's "search") that the
// intro's sentences name for one or more of names, when every candidate
// they name outside a sentence that sets it aside shares it; or, when
// they name none that way, the one candidate they do not set aside; else
// "".
func askedForm(intro string, names []string) string {
	form, _ := askedAndAside(intro, names)
	return form
}

// askedAndAside returns askedForm's answer and the names its sentences set
// aside and name nowhere else.
func askedAndAside(intro string, names []string) (string, []string) {
	if intro == "" || len(names) < 2 {
		return "", nil
	}
	lower := strings.ToLower(intro)
	var mentioned [][]string    // the forms of each candidate named
	var left, setAside []string // the candidates not set aside, and those set aside
	for _, n := range names {
		forms := nameForms(n)
		aside := false
		for _, s := range sentencesOf(lower) {
			f := firstNamed(s, forms)
			if (f != "" || firstNamed(s, productOf(forms)) != "") && (reSetAside.MatchString(s) || reFine.MatchString(s) && !reCrashWord.MatchString(s)) {
				aside = true // ("ignore the redis one": redis-master-0)
				continue
			}
			if f != "" {
				mentioned = append(mentioned, forms)
				aside = false
				break
			}
		}
		if aside {
			setAside = append(setAside, n)
		} else {
			left = append(left, n)
		}
	}
	for _, s := range sentencesOf(lower) {
		// A sentence that asks ("Question is about payments-api") names
		// the workload, whatever else the others name.
		if !reAskWords.MatchString(s) {
			continue
		}
		var asked [][]string
		for _, n := range names {
			if forms := nameForms(n); firstNamed(s, forms) != "" {
				asked = append(asked, forms)
			}
		}
		if f := sharedForm(s, asked); f != "" {
			return f, setAside
		}
	}
	if len(setAside) == 0 && !reAskWords.MatchString(lower) {
		// Naming a workload is not asking about it ("Flyway's init:
		// Connection to inventory-pg:5432 refused", "CoreDNS is Running but
		// 0/1"): only words that ask, or set the others aside, say which.
		return "", nil
	}
	if len(mentioned) == 0 {
		if len(left) == 1 && len(left) < len(names) {
			return left[0], setAside // the others are all set aside ("kafka-ui is also crashlooping but that's because ...")
		}
		return "", setAside
	}
	return sharedForm(lower, mentioned), setAside
}

// sharedForm returns the form that text names and every one of the
// candidates' forms holds, or "".
func sharedForm(text string, candidates [][]string) string {
	if len(candidates) == 0 {
		return ""
	}
	for _, f := range candidates[0] {
		shared := true
		for _, forms := range candidates[1:] {
			shared = shared && slices.Contains(forms, f)
		}
		if shared && named(text, f) {
			return f
		}
	}
	return ""
}

// askedMatch reports whether name is of the asked form.
func askedMatch(form, name string) bool { return form != "" && slices.Contains(nameForms(name), form) }

// nameForms are a pod name and the names of the workload it belongs to,
// longest first.
func nameForms(n string) []string {
	forms := []string{n}
	add := func(f string) {
		if f != "" && !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	add(workloadOf(n))
	if m := reDaemonPod.FindStringSubmatch(n); m != nil {
		add(m[1]) // a DaemonSet's pod, whose name may end in a word workloadOf takes for a hash ("-exporter")
	}
	if m := reStatefulPod.FindStringSubmatch(n); m != nil {
		add(m[1])
	}
	// A chart's workload carries its release's name first
	// ("kps-prometheus-node-exporter"); people name it without.
	for _, w := range forms[1:] {
		if _, rest, ok := strings.Cut(w, "-"); ok && strings.Contains(rest, "-") && len(rest) >= 8 {
			add(rest)
		}
	}
	return forms
}

// reDaemonPod is a DaemonSet's or Job's pod name: "<name>-<suffix>".
var reDaemonPod = regexp.MustCompile(`^(.+)-[a-z0-9]{5}$`)

// productOf is the first word of a workload's name ("redis" of
// "redis-master"), by which people set a workload aside.
func productOf(forms []string) []string {
	if len(forms) < 2 {
		return nil
	}
	if first, _, ok := strings.Cut(forms[1], "-"); ok && len(first) >= 4 && !genericWords[first] {
		return []string{first}
	}
	return nil
}

// genericWords start workload names without naming a product.
var genericWords = map[string]bool{"kube": true, "node": true, "cluster": true, "service": true, "server": true,
	"worker": true, "agent": true, "controller": true, "operator": true, "main": true, "test": true, "prod": true, "staging": true}

// reStatefulPod is a StatefulSet's pod name: "<name>-<ordinal>".
var reStatefulPod = regexp.MustCompile(`^(.+)-\d{1,3}$`)

// firstNamed returns the first of forms that s names as a word.
func firstNamed(s string, forms []string) string {
	for _, f := range forms {
		if len(f) >= 3 && named(s, f) {
			return f
		}
	}
	return ""
}

// named reports s naming f as a whole word (not part of a longer name).
func named(s, f string) bool {
	for at := 0; ; {
		i := strings.Index(s[at:], f)
		if i < 0 {
			return false
		}
		i += at
		end := i + len(f)
		if (i == 0 || !nameByte(s[i-1])) && (end == len(s) || !nameByte(s[end])) {
			return true
		}
		at = i + 1
	}
}

func nameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// sentencesOf splits text into sentences and lines.
func sentencesOf(text string) []string {
	return reSentenceEnd.Split(text, -1)
}

var (
	reSentenceEnd = regexp.MustCompile(`[.!?;]\s+|\n`)
	// reSetAside is a sentence that sets a workload aside: known, not
	// related, someone else's, or failing only because of another.
	reSetAside = regexp.MustCompile(`\((?:separate|unrelated|known)\b|[(,] known\)|\b(?:known (?:issue|problem|bug|sizing)|(?:that's|it's|is a|a) known\b|not related|unrelated|separate (?:issue|problem|ticket|story)|escalated|(?:another|other|platform|different) team|own ticket|(?:has|have) a ticket|ignore|not the (?:issue|problem|question|one)|(?:only|just|that's|it's) because|fallout|on purpose|we know|expected (?:since|because|as|until|while)|(?:is|are) expected\.|different error|different issue|i know\b[^.]{0,40}\b(?:broken|down|failing|crashing)|(?:colleague|someone|teammate) is fixing|also (?:crash|fail|oom)\w*\b[^.]{0,40}\bbut\b)`)
	// reFine is a workload said to be fine, which sets it aside unless
	// the sentence tells of a crash ("one pod crashloops, the other 5 are
	// fine": the crash is the subject).
	reFine      = regexp.MustCompile(`\b(?:is|are|works|running|runs) fine\b|\bis healthy\b`)
	reCrashWord = regexp.MustCompile(`crash|restart|fail|oom|stuck|won't|doesn't|panic|dies|error`)
	// reAskWords says which workload the question is about.
	reAskWords = regexp.MustCompile(`\b(?:asking about|question is about|the one i care about|focus on|please just|only asking about|is what i need)\b`)
)
