package config

import (
	"fmt"
	"time"

	"gopkg.in/yaml.v3"
)

// Duration is a time.Duration written in YAML as a Go duration string ("5s", "10m").
type Duration time.Duration

// UnmarshalYAML parses a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return fmt.Errorf("line %d: want a duration like 5s or 10m", n.Line)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration (want e.g. 5s or 10m)", n.Line, s)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration as a string.
func (d Duration) MarshalYAML() (any, error) { return time.Duration(d).String(), nil }

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// UnmarshalYAML accepts {env: NAME, file: PATH} and refuses an inline value,
// so a token can never be committed in a config file by mistake.
func (s *Secret) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return fmt.Errorf("line %d: secrets are not written in the config; give {env: VAR} or {file: PATH}", n.Line)
	}
	// Node.Decode forgets KnownFields, so check the keys here.
	for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Value != "env" && k.Value != "file" {
			return fmt.Errorf("line %d: unknown key %s (want env or file)", k.Line, k.Value)
		}
	}
	type plain Secret // no UnmarshalYAML: avoids recursion
	var p plain
	p.Env, p.File = s.Env, s.File
	if err := n.Decode(&p); err != nil {
		return err
	}
	*s = Secret(p)
	return nil
}
