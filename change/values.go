package change

import (
	"encoding/json"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// maxValue bounds a value quoted in a change.
const maxValue = 60

// hidden replaces a value that may be secret.
const hidden = "[REDACTED]"

// secretName matches env and key names whose values are likely secrets.
var secretName = regexp.MustCompile(`(?i)(passw|pwd|passphrase|token|secret|key|credential|auth|private|cert|dsn|salt|cookie|session)`)

// looksSecret reports whether a value named name should be hidden.
func looksSecret(name string) bool { return secretName.MatchString(name) }

// clip redacts secrets in s and shortens it to maxValue characters.
func clip(s string) string {
	s, _ = diagnose.Redact(s)
	if len(s) > maxValue {
		s = s[:maxValue-3] + "..."
	}
	return s
}

// diffArgv compares a command or args list; field is "command" or "args".
func diffArgv(field string, p, c []string) (string, bool) {
	if slicesEqual(p, c) {
		return "", false
	}
	ps, cs := clip(strings.Join(p, " ")), clip(strings.Join(c, " "))
	switch {
	case len(p) == 0:
		return field + " [" + cs + "] added", true
	case len(c) == 0:
		return field + " [" + ps + "] removed", true
	case ps == cs: // the difference was redacted or clipped away
		return field + " changed", true
	}
	return field + " [" + ps + "] -> [" + cs + "]", true
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// diffStringMap diffs two string maps under a label ("nodeSelector",
// "label"); namesOnly leaves the values out.
func diffStringMap(label string, p, c map[string]string, namesOnly bool) []string {
	var out []string
	for _, k := range sortedKeys(p, c) {
		pv, pok := p[k]
		cv, cok := c[k]
		switch {
		case pok && cok && pv == cv:
		case !pok && namesOnly:
			out = append(out, label+" "+k+" added")
		case !pok:
			out = append(out, label+" "+k+"="+clip(cv)+" added")
		case !cok:
			out = append(out, label+" "+k+" removed")
		case namesOnly:
			out = append(out, label+" "+k+" changed")
		default:
			out = append(out, label+" "+k+" "+clip(pv)+" -> "+clip(cv))
		}
	}
	return out
}

func sortedKeys[V any](maps ...map[string]V) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// flatten turns an API struct into dotted JSON paths and scalar values:
// {"runAsUser": "1000", "capabilities.drop": `["ALL"]`}. A nil pointer
// flattens to nothing.
func flatten(v any) map[string]string {
	out := map[string]string{}
	b, err := json.Marshal(v)
	if err != nil {
		return out
	}
	var tree any
	if json.Unmarshal(b, &tree) != nil {
		return out
	}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch t := v.(type) {
		case map[string]any:
			for k, e := range t {
				if prefix != "" {
					k = prefix + "." + k
				}
				walk(k, e)
			}
		case nil:
		case string:
			out[prefix] = t
		case float64:
			out[prefix] = strconv.FormatFloat(t, 'f', -1, 64)
		case bool:
			out[prefix] = strconv.FormatBool(t)
		default: // arrays: compact JSON
			b, _ := json.Marshal(t)
			out[prefix] = string(b)
		}
	}
	walk("", tree)
	return out
}

// diffFlat diffs two API structs field by field under a label:
// "securityContext runAsNonRoot true -> false",
// "securityContext readOnlyRootFilesystem=true added".
func diffFlat(label string, p, c any) []string {
	pf, cf := flatten(p), flatten(c)
	var out []string
	for _, k := range sortedKeys(pf, cf) {
		pv, pok := pf[k]
		cv, cok := cf[k]
		switch {
		case pok && cok && pv == cv:
		case !pok:
			out = append(out, label+" "+k+"="+clip(cv)+" added")
		case !cok:
			out = append(out, label+" "+k+" removed")
		default:
			out = append(out, label+" "+k+" "+clip(pv)+" -> "+clip(cv))
		}
	}
	return out
}
