package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func noEnv(string) string           { return "" }
func noFile(string) ([]byte, error) { return nil, fs.ErrNotExist }
func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestExampleConfigLoads(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "config.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Parse(data)
	if err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
	if err := cfg.ResolveSecrets(noEnv, noFile); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
	if cfg.ClusterName != "prod-eu-1" || len(cfg.Slack.Routes) != 2 || cfg.Watch.GroupWait.D() != 5*time.Second {
		t.Errorf("example not decoded as written: %+v", cfg)
	}
}

// TestExampleDocumentsEveryKey keeps config.example.yaml complete: every key of
// the Config struct must appear in it.
func TestExampleDocumentsEveryKey(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "config.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range yamlKeys(Config{}) {
		if !strings.Contains(string(data), key+":") {
			t.Errorf("config.example.yaml does not document key %q", key)
		}
	}
}

func TestParseDefaults(t *testing.T) {
	cfg, err := Parse(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("defaults must validate: %v", err)
	}
	if cfg.Slack.APIURL != DefaultSlackAPIURL {
		t.Errorf("api_url default = %q", cfg.Slack.APIURL)
	}
}

func TestParseErrorsNameTheKey(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"unknown top-level key", "clustr_name: x\n", "line 1: clustr_name: unknown key; did you mean cluster_name?"},
		{"unknown nested key", "slack:\n  chanel: '#x'\n", "line 2: slack.chanel: unknown key; did you mean channel?"},
		{"swapped letters", "watch:\n  group_wiat: 5s\n", "line 2: watch.group_wiat: unknown key; did you mean group_wait?"},
		{"key in a list item", "slack:\n  routes:\n    - namespaces: [a]\n      chanel: C1\n", "line 4: slack.routes[0].chanel: unknown key; did you mean channel?"},
		{"key at the wrong level", "channel: C1\n", "line 1: channel: unknown key; did you mean slack.channel or slack.routes[].channel or digest.channels[].channel?"},
		{"nothing close", "watch:\n  frobnicate: true\n", "line 2: watch.frobnicate: unknown key"},
		{"through an alias", "commands: {access: [&r {channels: [C1], namespaces: [a]}]}\ndigest: {channels: [*r]}\n", "line 1: digest.channels[0].channels: unknown key"},
		{"merge key", "base: &b {chanel: C1}\nslack:\n  <<: *b\n", "line 1: slack.chanel: unknown key; did you mean channel?"},
		{"bad duration", "watch:\n  group_wait: soon\n", `"soon" is not a duration`},
		{"inline secret rejected", "slack:\n  bot_token: xoxb-123\n", "line 2: secrets are not written in the config"},
		{"unknown secret key", "slack:\n  app_token: {envv: X}\n", "line 2: slack.app_token.envv: unknown key; did you mean env?"},
		{"inline dsn rejected", "store:\n  postgres:\n    dsn: postgres://bot:pw@db/x\n", "line 3: secrets are not written in the config"},
		{"wrong type", "kubernetes:\n  qps: fast\n", "line 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse(%q) error = %v, want it to contain %q", tc.yaml, err, tc.want)
			}
		})
	}
}

func TestValidateNamesTheKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		yaml string
		env  map[string]string
		want string
	}{
		{"channel required with token", "", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "slack.channel: required when slack.bot_token is set"},
		{"bad namespace", "watch: {namespaces: [Prod]}", nil, `watch.namespaces[0]: "Prod" is not a valid namespace name`},
		{"bad exclude", "watch: {exclude_namespaces: [ok, -no]}", nil, `watch.exclude_namespaces[1]`},
		{"negative group wait", "watch: {group_wait: -1s}", nil, "watch.group_wait"},
		{"tail lines", "watch: {log_tail_lines: 0}", nil, "watch.log_tail_lines"},
		{"api url", "slack: {api_url: 'ftp://x'}", nil, "slack.api_url"},
		{"route without channel", "slack: {routes: [{namespaces: [a]}]}", nil, "slack.routes[0].channel: required"},
		{"route matching everything", "slack: {routes: [{channel: C1}]}", nil, "slack.routes[0]: needs namespaces or selector"},
		{"route bad selector", "slack: {routes: [{selector: 'a in (', channel: C1}]}", nil, "slack.routes[0].selector"},
		{"log level", "log: {level: loud}", nil, "log.level"},
		{"log format", "log: {format: xml}", nil, "log.format"},
		{"qps", "kubernetes: {qps: 0}", nil, "kubernetes.qps"},
		{"empty cluster name", "cluster_name: ''", nil, "cluster_name: must not be empty"},
		{"pace", "slack: {messages_per_second: 0}", nil, "slack.messages_per_second"},
		{"store backend", "store: {backend: s3}", nil, "store.backend: must be file, configmap, postgres or memory"},
		{"postgres needs a dsn", "store: {backend: postgres}", nil, "store.postgres.dsn: required with store.backend postgres: $CRASHLOOP_POSTGRES_DSN is empty"},
		{"fleet cluster name", "cluster_name: prod eu\nstore: {backend: postgres}", map[string]string{"CRASHLOOP_POSTGRES_DSN": "postgres://x@db/x"}, `cluster_name: "prod eu": the bots of a fleet`},
		{"postgres schema", "store: {postgres: {schema: 'Bot-Tables'}}", nil, `store.postgres.schema: "Bot-Tables" is not a schema name`},
		{"postgres connections", "store: {postgres: {max_connections: 0}}", nil, "store.postgres.max_connections: must be between 1 and 100, got 0"},
		{"digest schedule", "digest: {schedule: 'at nine'}", nil, "digest.schedule:"},
		{"digest zone", "digest: {timezone: Mars/Olympus}", nil, "digest.timezone: unknown time zone"},
		{"digest channel", "digest: {channels: [{schedule: '0 9 * * *'}]}", nil, "digest.channels[0].channel: required"},
		{"digest channel schedule", "digest: {channels: [{channel: C1, schedule: '61 * * * *'}]}", nil, "digest.channels[0].schedule"},
		{"leader timings", "leader_election: {enabled: true, lease_duration: 5s, renew_deadline: 10s}", nil, "leader_election.lease_duration: need lease_duration > renew_deadline"},
		{"leader with memory store", "leader_election: {enabled: true}\nstore: {backend: memory}", nil, "store.backend: memory cannot hand incidents"},
		{"slack mode", "slack: {mode: rtm}", nil, "slack.mode: must be http or socket"},
		{"socket needs app token", "slack: {mode: socket, channel: C1}", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "slack.app_token: required with slack.mode socket"},
		{"command name", "commands: {name: crashloop}", nil, "commands.name: must start with /"},
		{"access grants everyone", "commands: {access: [{namespaces: [a]}]}", nil, "commands.access[0]: needs channels, users or user_groups"},
		{"access namespaces", "commands: {access: [{channels: [C1]}]}", nil, "commands.access[0].namespaces: required"},
		{"access user id", "commands: {access: [{users: [bob], namespaces: ['*']}]}", nil, `commands.access[0].users[0]: "bob" is not a Slack user ID`},
		{"access bare channel name", "commands: {access: [{channels: [alerts], namespaces: ['*']}]}", nil, `commands.access[0].channels[0]: "alerts" looks like a channel name: write it "#alerts"`},
		{"access channel garbage", "commands: {access: [{channels: ['#Alerts!'], namespaces: ['*']}]}", nil, `commands.access[0].channels[0]: "#Alerts!" is neither a channel ID`},
		{"retention", "store: {retention: 1m}", nil, "store.retention: must be at least 1h"},
		{"storm size", "watch: {storm: {min_workloads: 1}}", nil, "watch.storm.min_workloads: must be between 2 and 1000, got 1"},
		{"storm factor", "watch: {storm: {factors: [node, rack]}}", nil, `watch.storm.factors[1]: "rack" is not one of dependency, config_object, image, node, namespace`},
		{"storm factor twice", "watch: {storm: {factors: [node, node]}}", nil, `watch.storm.factors[1]: "node" is listed twice`},
		{"storm no factor", "watch: {storm: {factors: []}}", nil, "watch.storm.factors: must name at least one"},
		{"storm names", "watch: {storm: {named_workloads: 0}}", nil, "watch.storm.named_workloads"},
		// robfig/cron's parser panics on these; they must be errors.
		{"schedule TZ= alone", "digest: {schedule: 'TZ='}", nil, `digest.schedule: "TZ=" is not a 5-field cron schedule: a time zone prefix needs a schedule after it`},
		{"schedule CRON_TZ zone alone", "digest: {schedule: 'CRON_TZ=Europe/Berlin'}", nil, "digest.schedule: "},
		{"channel schedule TZ=", "digest: {channels: [{channel: C1, schedule: 'TZ=UTC'}]}", nil, "digest.channels[0].schedule: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Parse([]byte(tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if err := cfg.ResolveSecrets(envOf(tc.env), noFile); err != nil {
				t.Fatal(err)
			}
			err = cfg.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate() = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestEveryUnknownKeyAtOnce: a file with several typos gets all of them in
// one error, so fixing a config takes one round, not one per typo.
func TestEveryUnknownKeyAtOnce(t *testing.T) {
	_, err := Parse([]byte("watch:\n  group_wiat: 5s\n  resolve_afer: 1m\nlog:\n  levl: debug\n"))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"line 2: watch.group_wiat: unknown key; did you mean group_wait?",
		"line 3: watch.resolve_afer: unknown key; did you mean resolve_after?",
		"line 5: log.levl: unknown key; did you mean level?",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

// TestSchedulesThatWork: the guard around the cron parser lets every valid
// form through, zone prefixes included.
func TestSchedulesThatWork(t *testing.T) {
	for _, spec := range []string{"0 9 * * *", "*/15 * * * 1-5", "TZ=Europe/Berlin 0 9 * * *", "CRON_TZ=UTC 30 8 * * MON", "@daily"} {
		if _, err := ParseSchedule(spec); err != nil {
			t.Errorf("ParseSchedule(%q) = %v", spec, err)
		}
	}
}

func TestSecretsFromFileWinOverEnv(t *testing.T) {
	cfg, err := Parse([]byte("slack:\n  channel: C1\n  bot_token: {file: /run/secrets/token}\n"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(p string) ([]byte, error) {
		if p == "/run/secrets/token" {
			return []byte("xoxb-from-file\n"), nil
		}
		return nil, fs.ErrNotExist
	}
	if err := cfg.ResolveSecrets(envOf(map[string]string{"SLACK_BOT_TOKEN": "xoxb-from-env"}), read); err != nil {
		t.Fatal(err)
	}
	if got := cfg.Slack.BotToken.Value(); got != "xoxb-from-file" {
		t.Errorf("bot token = %q, want the file's value, trimmed", got)
	}
	if err := cfg.Validate(); err != nil {
		t.Error(err)
	}
}

func TestMissingSecretFileNamesKey(t *testing.T) {
	cfg, _ := Parse([]byte("slack:\n  signing_secret: {file: /nope}\n"))
	err := cfg.ResolveSecrets(noEnv, noFile)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "slack.signing_secret.file") {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadFromDisk(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(p, []byte("watch:\n  namespcaes: [a]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "line 2: watch.namespcaes: unknown key; did you mean namespaces?") {
		t.Fatalf("Load = %v, want the path and the unknown key", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
}

func TestAPIURLGetsTrailingSlash(t *testing.T) {
	cfg, err := Parse([]byte("slack: {api_url: 'http://127.0.0.1:9999/api'}"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Slack.APIURL != "http://127.0.0.1:9999/api/" {
		t.Fatalf("api_url = %q", cfg.Slack.APIURL)
	}
}

func TestTokenShapeIsAWarningNotAnError(t *testing.T) {
	cfg, err := Parse([]byte("slack: {channel: C1}"))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.ResolveSecrets(envOf(map[string]string{"SLACK_BOT_TOKEN": "xoxp-1", "SLACK_APP_TOKEN": "xoxb-2"}), noFile); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("a token of another shape must not stop the bot: %v", err)
	}
	w := strings.Join(cfg.Warnings(), "\n")
	if !strings.Contains(w, "slack.bot_token: the token read from $SLACK_BOT_TOKEN does not look like a bot token") || !strings.Contains(w, "slack.app_token:") {
		t.Fatalf("warnings = %q", w)
	}
}

// The postgres backend reads its DSN like the other secrets, from a file
// (a mounted Secret) or an environment variable, never from the YAML.
func TestPostgresDSNIsASecret(t *testing.T) {
	cfg, err := Parse([]byte("cluster_name: eu-1\nstore:\n  backend: postgres\n  postgres: {dsn: {file: /run/secrets/dsn}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(p string) ([]byte, error) {
		if p != "/run/secrets/dsn" {
			return nil, fs.ErrNotExist
		}
		return []byte("postgres://bot:pw@db/crashloop\n"), nil
	}
	if err := cfg.ResolveSecrets(envOf(nil), read); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := cfg.Store.Postgres.DSN.Value(); got != "postgres://bot:pw@db/crashloop" {
		t.Fatalf("dsn = %q", got)
	}
	if cfg.Store.Postgres.Schema != "crashloop_bot" || cfg.Store.Postgres.MaxConnections != 4 {
		t.Fatalf("defaults: %+v", cfg.Store.Postgres)
	}
	empty, _ := Parse([]byte("store: {backend: postgres, postgres: {dsn: {file: /run/secrets/none}}}\n"))
	if err := empty.ResolveSecrets(envOf(nil), read); err == nil || !strings.Contains(err.Error(), "store.postgres.dsn.file") {
		t.Fatalf("a missing DSN file: %v", err)
	}
}
