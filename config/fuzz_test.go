package config

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: no configuration file makes the bot panic. Whatever the bytes,
// Parse, ResolveSecrets, Validate and Warnings return (an error at worst);
// a panic here would make the bot crash-loop on a typo. Seeds: the shipped
// configs and inputs that once panicked.
func FuzzParse(f *testing.F) {
	for _, p := range []string{
		filepath.Join("..", "config.example.yaml"),
		filepath.Join("..", "deploy", "config.yaml"),
		filepath.Join("..", "deploy", "namespaced", "config.yaml"),
	} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"digest: {schedule: 'TZ='}",
		"digest: {channels: [{channel: C1, schedule: 'CRON_TZ='}]}",
		"watch:\n  group_wiat: 5s\n",
		"slack: {routes: [&r {namespaces: [a], channel: C1}]}\ndigest: {channels: [*r]}\n",
		"base: &b {chanel: C1}\nslack:\n  <<: *b\n",
		"slack: {bot_token: xoxb-1}",
		"a: &a [*a]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(data)
		if err != nil {
			return
		}
		env := func(string) string { return "xoxb-fuzz" }
		if err := cfg.ResolveSecrets(env, noFile); err != nil {
			return
		}
		_ = cfg.Validate()
		_ = cfg.Warnings()
	})
}
