package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// Load reads the YAML file at path, applies defaults, rejects unknown keys,
// resolves secrets from the environment or files and validates the result.
// An empty path yields the defaults, validated.
func Load(path string) (Config, error) {
	if path == "" {
		cfg := Default()
		if err := cfg.ResolveSecrets(os.Getenv, os.ReadFile); err != nil {
			return Config{}, err
		}
		return cfg, cfg.Validate()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read config: %w", err)
	}
	cfg, err := Parse(data)
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.ResolveSecrets(os.Getenv, os.ReadFile); err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// Parse decodes YAML over the defaults. Unknown keys are errors that name the
// key and its line. Parse does not validate; call Validate.
func Parse(data []byte) (Config, error) {
	cfg := Default()
	// First the document's structure: every unknown key, with its path
	// and a suggestion, all at once.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Config{}, fmt.Errorf("parse config: %s", cleanYAMLError(err))
	}
	if errs := unknownKeys(&doc, reflect.TypeOf(cfg)); len(errs) > 0 {
		return Config{}, fmt.Errorf("parse config: %w", errors.Join(errs...))
	}
	// Then the values (types, durations, secrets). KnownFields stays on as
	// the backstop for any key the walk above could not follow.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		if errors.Is(err, io.EOF) {
			return cfg, nil // an empty file means all defaults
		}
		return Config{}, fmt.Errorf("parse config: %s", cleanYAMLError(err))
	}
	cfg.normalize()
	return cfg, nil
}

// normalize fixes harmless spelling variants.
func (c *Config) normalize() {
	// slack-go appends method names to the base URL: "https://host/api"
	// must become "https://host/api/".
	if c.Slack.APIURL != "" && !strings.HasSuffix(c.Slack.APIURL, "/") {
		c.Slack.APIURL += "/"
	}
}

// cleanYAMLError turns yaml.v3's "field x not found in type config.Slack"
// into "unknown key x", which is what a user needs to know.
func cleanYAMLError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	if i := strings.Index(msg, " not found in type "); i >= 0 {
		// "line 3: field foo not found in type config.Slack"
		head := msg[:i]
		head = strings.Replace(head, "field ", "unknown key ", 1)
		return head
	}
	return msg
}

// ResolveSecrets reads each secret from its file, when set, else from its
// environment variable. getenv and readFile are os.Getenv and os.ReadFile
// outside tests.
func (c *Config) ResolveSecrets(getenv func(string) string, readFile func(string) ([]byte, error)) error {
	for _, s := range []struct {
		key    string
		secret *Secret
	}{
		{"slack.bot_token", &c.Slack.BotToken},
		{"slack.app_token", &c.Slack.AppToken},
		{"slack.signing_secret", &c.Slack.SigningSecret},
		{"store.postgres.dsn", &c.Store.Postgres.DSN},
	} {
		switch {
		case s.secret.File != "":
			b, err := readFile(s.secret.File)
			if err != nil {
				return fmt.Errorf("%s.file: %w", s.key, err)
			}
			s.secret.value = strings.TrimSpace(string(b))
		case s.secret.Env != "":
			s.secret.value = strings.TrimSpace(getenv(s.secret.Env))
		}
	}
	return nil
}
