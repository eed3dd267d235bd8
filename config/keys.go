package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// unknownKeys walks the YAML document along the Go type it decodes into and
// reports every key the type does not have, with its full path
// ("watch.group_wiat") and, when one is close, the key that was probably
// meant. yaml.v3's KnownFields names only the key and the Go type
// ("field group_wiat not found in type config.Watch"), which a user cannot
// map back to the file, and it stops at the first one.
func unknownKeys(n *yaml.Node, t reflect.Type) []error {
	w := keyWalker{root: t}
	w.walk(n, t, "", 0)
	return w.errs
}

type keyWalker struct {
	root reflect.Type
	errs []error
}

// maxDepth bounds the walk: Config nests four levels deep, so anything
// deeper is a type mismatch the decoder reports, and aliases cannot make
// the walk run away.
const maxDepth = 16

func (w *keyWalker) walk(n *yaml.Node, t reflect.Type, path string, depth int) {
	if n == nil || depth > maxDepth {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			w.walk(c, t, path, depth+1)
		}
	case yaml.AliasNode:
		w.walk(n.Alias, t, path, depth+1)
	case yaml.SequenceNode:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return // a type error; the decoder names it
		}
		for i, c := range n.Content {
			w.walk(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i), depth+1)
		}
	case yaml.MappingNode:
		switch t.Kind() {
		case reflect.Map:
			for i := 0; i+1 < len(n.Content); i += 2 {
				w.walk(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value), depth+1)
			}
		case reflect.Struct:
			fields := yamlFields(t)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Tag == "!!merge" {
					// "<<: *defaults" merges the anchored mapping(s) here.
					w.walk(v, t, path, depth+1)
					continue
				}
				ft, ok := fields[k.Value]
				if !ok {
					w.errs = append(w.errs, fmt.Errorf("line %d: %s: unknown key%s", k.Line, join(path, k.Value), w.suggest(k.Value, fields, path)))
					continue
				}
				w.walk(v, ft, join(path, k.Value), depth+1)
			}
		}
	}
}

// suggest returns "; did you mean X?" for the sibling key closest to the
// misspelt one, else for a key of that exact name elsewhere in the file's
// structure (a key written at the wrong level), else "".
func (w *keyWalker) suggest(key string, siblings map[string]reflect.Type, path string) string {
	best, bestD := "", 0
	for _, name := range slices.Sorted(mapKeys(siblings)) {
		if d := editDistance(strings.ToLower(key), name); best == "" || d < bestD {
			best, bestD = name, d
		}
	}
	// One or two edits, and fewer than half the letters: "chanel" ->
	// "channel", "namespace" -> "namespaces", but not "foo" -> "log".
	if best != "" && bestD <= 2 && 2*bestD < len(key) {
		return fmt.Sprintf("; did you mean %s?", best)
	}
	var elsewhere []string
	walkTypeKeys(w.root, "", 0, func(full, name string) {
		if name == key && full != join(path, key) {
			elsewhere = append(elsewhere, full)
		}
	})
	if len(elsewhere) > 0 {
		return fmt.Sprintf("; did you mean %s?", strings.Join(elsewhere, " or "))
	}
	return ""
}

func mapKeys(m map[string]reflect.Type) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// walkTypeKeys calls f with the dotted path and the name of every key the
// type t accepts, nested ones included (a list's items are written with
// "[]": slack.routes[].channel).
func walkTypeKeys(t reflect.Type, path string, depth int, f func(full, name string)) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		if t.Kind() != reflect.Pointer {
			path += "[]"
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || depth > maxDepth {
		return
	}
	for _, fl := range orderedFields(t) {
		full := join(path, fl.name)
		f(full, fl.name)
		walkTypeKeys(fl.typ, full, depth+1, f)
	}
}

type field struct {
	name string
	typ  reflect.Type
}

// orderedFields lists the YAML keys of struct type t in declaration order.
func orderedFields(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name) // yaml.v3's default
		}
		out = append(out, field{name, f.Type})
	}
	return out
}

// yamlFields maps the YAML keys of struct type t to their Go types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for _, f := range orderedFields(t) {
		out[f.name] = f.typ
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of two neighbouring letters each cost
// one, so "group_wiat" is one edit from "group_wait".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows of the dynamic-programming table: i-2, i-1, i.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
