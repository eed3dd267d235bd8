// Package config defines crashloop-bot's configuration: typed YAML with
// defaults, strict decoding and validation whose errors name the offending
// key. Secrets never live in the YAML; they are read from environment
// variables or files named by it.
package config

import (
	"regexp"
	"time"
)

// DefaultSlackAPIURL is Slack's Web API base URL.
const DefaultSlackAPIURL = "https://slack.com/api/"

// Config is the whole configuration of crashloop-bot.
type Config struct {
	// ClusterName is shown in every alert so people know which cluster speaks.
	ClusterName string     `yaml:"cluster_name"`
	Kubernetes  Kubernetes `yaml:"kubernetes"`
	Watch       Watch      `yaml:"watch"`
	Slack       Slack      `yaml:"slack"`
	Commands    Commands   `yaml:"commands"`
	Store       Store      `yaml:"store"`
	Digest      Digest     `yaml:"digest"`
	Server      Server     `yaml:"server"`
	// LeaderElection lets several replicas run with one active at a time.
	LeaderElection LeaderElection `yaml:"leader_election"`
	Log            Log            `yaml:"log"`
}

// Kubernetes says how to reach the API server.
type Kubernetes struct {
	// Kubeconfig is a kubeconfig path. Empty means in-cluster config, else
	// $KUBECONFIG, else ~/.kube/config, like kubectl. --kubeconfig overrides it.
	Kubeconfig string `yaml:"kubeconfig"`
	// Context selects a kubeconfig context; empty means the current one.
	Context string `yaml:"context"`
	// QPS and Burst bound the bot's request rate to the API server.
	QPS   float32 `yaml:"qps"`
	Burst int     `yaml:"burst"`
}

// Watch configures crash-loop detection.
type Watch struct {
	// Namespaces to watch; empty means all.
	Namespaces []string `yaml:"namespaces"`
	// ExcludeNamespaces are never watched, even when Namespaces is empty.
	ExcludeNamespaces []string `yaml:"exclude_namespaces"`
	// GroupWait batches the first burst of crashes of one workload into one message.
	GroupWait Duration `yaml:"group_wait"`
	// ResolveAfter is how long every pod of a workload must run ready before its
	// incident is resolved.
	ResolveAfter Duration `yaml:"resolve_after"`
	// UpdateInterval is the least time between two updates of one
	// incident's message, so a crash storm does not flood chat.update.
	UpdateInterval Duration `yaml:"update_interval"`
	// LogTailLines and LogLimitBytes bound the previous-container log fetched per crash.
	LogTailLines  int64 `yaml:"log_tail_lines"`
	LogLimitBytes int64 `yaml:"log_limit_bytes"`
	// Storm groups many workloads crashing for one shared cause into one message.
	Storm Storm `yaml:"storm"`
}

// StormFactors are the factors a storm can share, the most specific first.
var StormFactors = []string{"dependency", "config_object", "image", "node", "namespace"}

// Storm configures storm grouping: when at least MinWorkloads workloads
// start crash-looping within the group-wait with the same category and a
// shared factor, they get one storm message (each workload's details in
// its thread) instead of one message each.
type Storm struct {
	Enabled bool `yaml:"enabled"`
	// MinWorkloads is how many workloads make a storm.
	MinWorkloads int `yaml:"min_workloads"`
	// Factors are the shared factors considered (see StormFactors); the
	// most specific one that explains nearly as many workloads wins.
	Factors []string `yaml:"factors"`
	// NamedWorkloads is how many workloads the storm message names; every
	// one has its own reply in the thread.
	NamedWorkloads int `yaml:"named_workloads"`
}

// Slack configures where alerts go. With no bot token the bot prints what it
// would post to the terminal (the console sink).
type Slack struct {
	// APIURL is Slack's Web API base URL; change it only for a Slack-compatible server.
	APIURL string `yaml:"api_url"`
	// Channel is the default alert channel (ID like C0123 or name like #alerts).
	Channel string `yaml:"channel"`
	// Routes send alerts of some namespaces or pod labels to other channels;
	// the first matching route wins.
	Routes []Route `yaml:"routes"`
	// BotToken, AppToken and SigningSecret name where each secret is read from.
	BotToken      Secret `yaml:"bot_token"`
	AppToken      Secret `yaml:"app_token"`
	SigningSecret Secret `yaml:"signing_secret"`
	// MessagesPerSecond paces posts per channel (Slack allows about 1/s).
	MessagesPerSecond float64 `yaml:"messages_per_second"`
	// Mode is how Slack reaches the bot for slash commands and buttons:
	// http (request URLs on server.listen, verified with the signing
	// secret) or socket (Socket Mode with the app token; no inbound traffic).
	Mode string `yaml:"mode"`
}

// Commands configures the /crashloop slash command and the alert buttons.
type Commands struct {
	Enabled bool `yaml:"enabled"`
	// Name is the slash command as registered in the Slack app.
	Name string `yaml:"name"`
	// Access maps Slack channels, users and user groups to the namespaces
	// they may query. Empty: the alert channels may query the watched
	// namespaces.
	Access []AccessRule `yaml:"access"`
	// RunProbes lets `probe` run a pod's HTTP/TCP probe once from the bot
	// (it must reach pod IPs).
	RunProbes bool `yaml:"run_probes"`
	// MaxConcurrent bounds commands worked on at once.
	MaxConcurrent int `yaml:"max_concurrent"`
}

// AccessRule grants the callers it matches read access to Namespaces ("*":
// all watched).
type AccessRule struct {
	Channels   []string `yaml:"channels"`
	Users      []string `yaml:"users"`
	UserGroups []string `yaml:"user_groups"`
	Namespaces []string `yaml:"namespaces"`
}

// Route sends matching incidents to Channel. Namespaces and Selector must both
// match when both are set.
type Route struct {
	Namespaces []string `yaml:"namespaces"`
	// Selector is a Kubernetes label selector on the pod, e.g. "team=payments".
	Selector string `yaml:"selector"`
	Channel  string `yaml:"channel"`
}

// Secret names where a secret value is read from: the file at File when set,
// else the environment variable Env. The value itself never appears in YAML.
type Secret struct {
	Env  string `yaml:"env"`
	File string `yaml:"file"`
	// value is filled by Resolve.
	value string
}

// Value returns the secret resolved by Config.ResolveSecrets.
func (s Secret) Value() string { return s.value }

// Store configures where incidents are kept so a restarted bot continues
// them instead of announcing them again.
type Store struct {
	// Backend is file (one bbolt file at Path), configmap (ConfigMaps in
	// Namespace, so replicas need no volume), postgres (one PostgreSQL
	// database shared by the bots of a fleet of clusters) or memory
	// (nothing survives a restart).
	Backend string `yaml:"backend"`
	// Path is the state file. Empty means $XDG_STATE_HOME (or
	// ~/.local/state)/crashloop-bot/state.db.
	Path string `yaml:"path"`
	// Namespace holds the configmap backend's ConfigMaps; empty means the
	// bot's own namespace when it runs in a pod.
	Namespace string `yaml:"namespace"`
	// Retention is how long resolved incidents are kept.
	Retention Duration `yaml:"retention"`
	// Postgres configures the postgres backend.
	Postgres Postgres `yaml:"postgres"`
}

// Postgres configures the postgres store backend: one database shared by
// the bots of every cluster of a fleet, each writing as its cluster_name.
type Postgres struct {
	// DSN names where the connection string (a secret: it holds the
	// password) is read from.
	DSN Secret `yaml:"dsn"`
	// Schema holds the bot's tables; created (and migrated) by the bot.
	Schema string `yaml:"schema"`
	// MaxConnections bounds the connections one bot opens.
	MaxConnections int `yaml:"max_connections"`
}

// Digest configures the crash-loop digests: daily by default, weekly per
// channel, each covering its channel's namespaces.
type Digest struct {
	Enabled bool `yaml:"enabled"`
	// Schedule is a standard 5-field cron spec.
	Schedule string `yaml:"schedule"`
	// Timezone is the IANA zone of Schedule and of the digest's times.
	Timezone string `yaml:"timezone"`
	// Window is the period each digest covers.
	Window Duration `yaml:"window"`
	// Channels receive the digest; empty means slack.channel. Each may
	// override the schedule and time zone, be weekly, and say what it
	// covers.
	Channels []DigestChannel `yaml:"channels"`
}

// DigestChannel is one digest destination.
type DigestChannel struct {
	Channel  string `yaml:"channel"`
	Schedule string `yaml:"schedule"`
	Timezone string `yaml:"timezone"`
	// Period is daily (digest.window, on digest.schedule) or weekly (the
	// last 7 days compared with the 7 before, Mondays at 09:00 unless
	// Schedule says otherwise).
	Period string `yaml:"period"`
	// Namespaces ("*": all watched) and Selector (a pod label selector)
	// say what the channel's digest covers. Without either it covers what
	// the slack.routes to the channel cover, else every watched namespace.
	Namespaces []string `yaml:"namespaces"`
	Selector   string   `yaml:"selector"`
}

// Digest periods.
const (
	PeriodDaily  = "daily"
	PeriodWeekly = "weekly"
)

// LeaderElection configures high availability: with several replicas, the
// holder of a Lease watches, posts and sends digests; every replica serves
// HTTP (health, Slack requests).
type LeaderElection struct {
	Enabled bool `yaml:"enabled"`
	// Namespace holds the Lease; empty means the bot's own namespace.
	Namespace string `yaml:"namespace"`
	// LeaseName names the Lease.
	LeaseName string `yaml:"lease_name"`
	// LeaseDuration, RenewDeadline and RetryPeriod tune failover speed.
	LeaseDuration Duration `yaml:"lease_duration"`
	RenewDeadline Duration `yaml:"renew_deadline"`
	RetryPeriod   Duration `yaml:"retry_period"`
}

// Server configures the bot's HTTP listener (Slack requests, health, metrics).
type Server struct {
	// Listen is the address of the HTTP server; empty disables it.
	Listen string `yaml:"listen"`
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text or json
}

// Default returns the configuration used for every key the YAML leaves out.
func Default() Config {
	return Config{
		ClusterName: "kubernetes",
		Kubernetes:  Kubernetes{QPS: 50, Burst: 100},
		Watch: Watch{
			GroupWait:      Duration(5 * time.Second),
			ResolveAfter:   Duration(10 * time.Minute),
			UpdateInterval: Duration(30 * time.Second),
			LogTailLines:   200,
			LogLimitBytes:  64 << 10,
			Storm:          Storm{Enabled: true, MinWorkloads: 5, Factors: StormFactors, NamedWorkloads: 10},
		},
		Slack: Slack{
			APIURL:            DefaultSlackAPIURL,
			BotToken:          Secret{Env: "SLACK_BOT_TOKEN"},
			AppToken:          Secret{Env: "SLACK_APP_TOKEN"},
			SigningSecret:     Secret{Env: "SLACK_SIGNING_SECRET"},
			MessagesPerSecond: 1,
			Mode:              "http",
		},
		Commands: Commands{Enabled: true, Name: "/crashloop", MaxConcurrent: 4},
		Store: Store{Backend: "file", Retention: Duration(30 * 24 * time.Hour), Postgres: Postgres{
			DSN: Secret{Env: "CRASHLOOP_POSTGRES_DSN"}, Schema: "crashloop_bot", MaxConnections: 4,
		}},
		Digest: Digest{Enabled: true, Schedule: "0 9 * * *", Timezone: "UTC", Window: Duration(24 * time.Hour)},
		Server: Server{Listen: ":8080"},
		LeaderElection: LeaderElection{
			LeaseName:     "crashloop-bot",
			LeaseDuration: Duration(15 * time.Second),
			RenewDeadline: Duration(10 * time.Second),
			RetryPeriod:   Duration(2 * time.Second),
		},
		Log: Log{Level: "info", Format: "text"},
	}
}

// dns1123Label matches a Kubernetes namespace name.
var dns1123Label = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
