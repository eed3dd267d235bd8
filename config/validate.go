package config

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"k8s.io/apimachinery/pkg/labels"
)

// Validate checks the configuration. Every error names the key at fault,
// e.g. "slack.channel: required when slack.bot_token is set"; all problems
// are reported at once.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
	}
	if strings.TrimSpace(c.ClusterName) == "" {
		bad("cluster_name", "must not be empty")
	}
	if c.Kubernetes.QPS <= 0 {
		bad("kubernetes.qps", "must be positive, got %v", c.Kubernetes.QPS)
	}
	if c.Kubernetes.Burst < 1 {
		bad("kubernetes.burst", "must be at least 1, got %d", c.Kubernetes.Burst)
	}
	checkNamespaces := func(key string, names []string) {
		for i, ns := range names {
			if !dns1123Label.MatchString(ns) || len(ns) > 63 {
				bad(fmt.Sprintf("%s[%d]", key, i), "%q is not a valid namespace name", ns)
			}
		}
	}
	checkNamespaces("watch.namespaces", c.Watch.Namespaces)
	checkNamespaces("watch.exclude_namespaces", c.Watch.ExcludeNamespaces)
	if c.Watch.GroupWait < 0 || c.Watch.GroupWait.D().Minutes() > 10 {
		bad("watch.group_wait", "must be between 0s and 10m, got %s", c.Watch.GroupWait.D())
	}
	if c.Watch.ResolveAfter.D().Seconds() < 1 {
		bad("watch.resolve_after", "must be at least 1s, got %s", c.Watch.ResolveAfter.D())
	}
	if c.Watch.UpdateInterval.D() < time.Second {
		bad("watch.update_interval", "must be at least 1s, got %s", c.Watch.UpdateInterval.D())
	}
	if c.Watch.LogTailLines < 1 || c.Watch.LogTailLines > 10000 {
		bad("watch.log_tail_lines", "must be between 1 and 10000, got %d", c.Watch.LogTailLines)
	}
	if c.Watch.LogLimitBytes < 1024 || c.Watch.LogLimitBytes > 10<<20 {
		bad("watch.log_limit_bytes", "must be between 1024 and 10485760, got %d", c.Watch.LogLimitBytes)
	}
	if st := c.Watch.Storm; st.Enabled {
		if st.MinWorkloads < 2 || st.MinWorkloads > 1000 {
			bad("watch.storm.min_workloads", "must be between 2 and 1000, got %d", st.MinWorkloads)
		}
		if len(st.Factors) == 0 {
			bad("watch.storm.factors", "must name at least one of %s", strings.Join(StormFactors, ", "))
		}
		seen := map[string]bool{}
		for i, f := range st.Factors {
			switch {
			case !slices.Contains(StormFactors, f):
				bad(fmt.Sprintf("watch.storm.factors[%d]", i), "%q is not one of %s", f, strings.Join(StormFactors, ", "))
			case seen[f]:
				bad(fmt.Sprintf("watch.storm.factors[%d]", i), "%q is listed twice", f)
			}
			seen[f] = true
		}
		if st.NamedWorkloads < 1 || st.NamedWorkloads > 30 {
			bad("watch.storm.named_workloads", "must be between 1 and 30, got %d", st.NamedWorkloads)
		}
	}

	if u, err := url.Parse(c.Slack.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("slack.api_url", "%q is not an http(s) URL", c.Slack.APIURL)
	}
	if c.Slack.BotToken.Value() != "" && c.Slack.Channel == "" {
		bad("slack.channel", "required when slack.bot_token is set")
	}
	if c.Slack.MessagesPerSecond <= 0 || c.Slack.MessagesPerSecond > 10 {
		bad("slack.messages_per_second", "must be above 0 and at most 10, got %v", c.Slack.MessagesPerSecond)
	}
	for i, r := range c.Slack.Routes {
		key := fmt.Sprintf("slack.routes[%d]", i)
		if r.Channel == "" {
			bad(key+".channel", "required")
		}
		if len(r.Namespaces) == 0 && r.Selector == "" {
			bad(key, "needs namespaces or selector, else it would catch everything")
		}
		checkNamespaces(key+".namespaces", r.Namespaces)
		if r.Selector != "" {
			if _, err := labels.Parse(r.Selector); err != nil {
				bad(key+".selector", "%v", err)
			}
		}
	}

	if c.Store.Retention.D() < time.Hour {
		bad("store.retention", "must be at least 1h, got %s", c.Store.Retention.D())
	}
	switch c.Store.Backend {
	case "file", "configmap", "memory":
	case "postgres":
		if !fleetClusterName.MatchString(c.ClusterName) {
			bad("cluster_name", "%q: the bots of a fleet (store.backend postgres) are told apart by cluster_name, which commands name (--cluster NAME): use letters, digits, '.', '_' and '-', at most 63", c.ClusterName)
		}
		if c.Store.Postgres.DSN.Value() == "" {
			bad("store.postgres.dsn", "required with store.backend postgres: %s is empty (a connection string such as postgres://bot:PASSWORD@db:5432/crashloop)", c.Store.Postgres.DSN.source())
		}
	default:
		bad("store.backend", "must be file, configmap, postgres or memory, got %q", c.Store.Backend)
	}
	if pg := c.Store.Postgres; pg.Schema == "" || !pgIdentifier.MatchString(pg.Schema) {
		bad("store.postgres.schema", "%q is not a schema name (lower-case letters, digits and _, at most 63)", pg.Schema)
	}
	if n := c.Store.Postgres.MaxConnections; n < 1 || n > 100 {
		bad("store.postgres.max_connections", "must be between 1 and 100, got %d", n)
	}
	if c.Store.Namespace != "" && !dns1123Label.MatchString(c.Store.Namespace) {
		bad("store.namespace", "%q is not a valid namespace name", c.Store.Namespace)
	}
	c.validateDigest(bad)
	c.validateCommands(bad)
	if le := c.LeaderElection; le.Enabled {
		if le.Namespace != "" && !dns1123Label.MatchString(le.Namespace) {
			bad("leader_election.namespace", "%q is not a valid namespace name", le.Namespace)
		}
		if le.LeaseName == "" {
			bad("leader_election.lease_name", "required")
		}
		if le.RetryPeriod.D() <= 0 || le.RenewDeadline.D() <= le.RetryPeriod.D() || le.LeaseDuration.D() <= le.RenewDeadline.D() {
			bad("leader_election.lease_duration", "need lease_duration > renew_deadline > retry_period > 0, got %s, %s, %s",
				le.LeaseDuration.D(), le.RenewDeadline.D(), le.RetryPeriod.D())
		}
		if c.Store.Backend == "memory" {
			bad("store.backend", "memory cannot hand incidents to a new leader; use configmap or postgres (or file on a shared volume) with leader_election")
		}
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level", "must be debug, info, warn or error, got %q", c.Log.Level)
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		bad("log.format", "must be text or json, got %q", c.Log.Format)
	}
	return errors.Join(errs...)
}

// Warnings lists settings that are allowed but probably wrong, each naming
// its key; the caller logs them. (A token's shape is a hint, not a rule:
// Slack-compatible servers issue tokens of their own.)
func (c Config) Warnings() []string {
	var w []string
	if t := c.Slack.BotToken.Value(); t != "" && !strings.HasPrefix(t, "xoxb-") {
		w = append(w, fmt.Sprintf("slack.bot_token: the token read from %s does not look like a bot token (xoxb-...)", c.Slack.BotToken.source()))
	}
	if t := c.Slack.AppToken.Value(); t != "" && !strings.HasPrefix(t, "xapp-") {
		w = append(w, fmt.Sprintf("slack.app_token: the token read from %s does not look like an app-level token (xapp-...)", c.Slack.AppToken.source()))
	}
	return w
}

// source says where a secret was read from, for error messages; never the value.
func (s Secret) source() string {
	if s.File != "" {
		return "file " + s.File
	}
	return "$" + s.Env
}

func (c Config) validateDigest(bad func(key, format string, args ...any)) {
	d := c.Digest
	checkSchedule := func(key, spec string) {
		if _, err := ParseSchedule(spec); err != nil {
			bad(key, "%q is not a 5-field cron schedule: %v", spec, err)
		}
	}
	checkZone := func(key, zone string) {
		if _, err := time.LoadLocation(zone); err != nil {
			bad(key, "unknown time zone %q (want an IANA name like Europe/Berlin)", zone)
		}
	}
	checkSchedule("digest.schedule", d.Schedule)
	checkZone("digest.timezone", d.Timezone)
	if d.Window.D() < time.Hour || d.Window.D() > 31*24*time.Hour {
		bad("digest.window", "must be between 1h and 744h, got %s", d.Window.D())
	}
	for i, ch := range d.Channels {
		key := fmt.Sprintf("digest.channels[%d]", i)
		if ch.Channel == "" {
			bad(key+".channel", "required")
		}
		if ch.Schedule != "" {
			checkSchedule(key+".schedule", ch.Schedule)
		}
		if ch.Timezone != "" {
			checkZone(key+".timezone", ch.Timezone)
		}
		switch ch.Period {
		case "", PeriodDaily, PeriodWeekly:
		default:
			bad(key+".period", "must be daily or weekly, got %q", ch.Period)
		}
		for j, ns := range ch.Namespaces {
			if ns != "*" && (!dns1123Label.MatchString(ns) || len(ns) > 63) {
				bad(fmt.Sprintf("%s.namespaces[%d]", key, j), "%q is not a namespace name or *", ns)
			}
		}
		if ch.Selector != "" {
			if _, err := labels.Parse(ch.Selector); err != nil {
				bad(key+".selector", "%v", err)
			}
		}
	}
}

// fleetClusterName is a cluster name commands can name.
var fleetClusterName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$`)

// pgIdentifier is a PostgreSQL name that needs no quoting.
var pgIdentifier = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

var (
	slackUserID  = regexp.MustCompile(`^[UW][A-Z0-9]+$`)
	slackGroupID = regexp.MustCompile(`^S[A-Z0-9]+$`)
	// A channel entry of commands.access is an ID (matched exactly) or a
	// #name (resolved to its ID at start). Slack channel names are lower
	// case, so an entry with no lower-case letter is read as an ID.
	accessChannelID   = regexp.MustCompile(`^[A-Z0-9_]+$`)
	accessChannelName = regexp.MustCompile(`^#[a-z0-9][a-z0-9._-]{0,79}$`)
)

func (c Config) validateCommands(bad func(key, format string, args ...any)) {
	switch c.Slack.Mode {
	case "http":
	case "socket":
		if c.Slack.BotToken.Value() != "" && c.Slack.AppToken.Value() == "" {
			bad("slack.app_token", "required with slack.mode socket (an xapp- token with connections:write)")
		}
	default:
		bad("slack.mode", "must be http or socket, got %q", c.Slack.Mode)
	}
	cm := c.Commands
	if !strings.HasPrefix(cm.Name, "/") || len(cm.Name) < 2 {
		bad("commands.name", "must start with /, got %q", cm.Name)
	}
	if cm.MaxConcurrent < 1 || cm.MaxConcurrent > 32 {
		bad("commands.max_concurrent", "must be between 1 and 32, got %d", cm.MaxConcurrent)
	}
	for i, r := range cm.Access {
		key := fmt.Sprintf("commands.access[%d]", i)
		if len(r.Channels) == 0 && len(r.Users) == 0 && len(r.UserGroups) == 0 {
			bad(key, "needs channels, users or user_groups, else it would grant everyone")
		}
		if len(r.Namespaces) == 0 {
			bad(key+".namespaces", "required (a namespace name or *)")
		}
		for j, ns := range r.Namespaces {
			if ns != "*" && !dns1123Label.MatchString(ns) {
				bad(fmt.Sprintf("%s.namespaces[%d]", key, j), "%q is not a namespace name or *", ns)
			}
		}
		for j, ch := range r.Channels {
			switch {
			case accessChannelID.MatchString(ch), accessChannelName.MatchString(ch):
			case !strings.HasPrefix(ch, "#") && accessChannelName.MatchString("#"+ch):
				bad(fmt.Sprintf("%s.channels[%d]", key, j), "%q looks like a channel name: write it \"#%s\" (an entry without # is a channel ID)", ch, ch)
			default:
				bad(fmt.Sprintf("%s.channels[%d]", key, j), "%q is neither a channel ID (C0123ABCD) nor a #channel-name", ch)
			}
		}
		for j, u := range r.Users {
			if !slackUserID.MatchString(u) {
				bad(fmt.Sprintf("%s.users[%d]", key, j), "%q is not a Slack user ID (U... or W...)", u)
			}
		}
		for j, g := range r.UserGroups {
			if !slackGroupID.MatchString(g) {
				bad(fmt.Sprintf("%s.user_groups[%d]", key, j), "%q is not a Slack user group ID (S...)", g)
			}
		}
	}
}

// ParseSchedule parses a 5-field cron schedule (optionally prefixed with
// TZ=Zone or CRON_TZ=Zone) as the digest scheduler does. robfig/cron's
// parser panics on some malformed specs ("TZ=" with nothing after it slices
// past the end of the string); a config typo must be an error naming the
// key, never a crash that makes the bot itself crash-loop, so the panic is
// turned into an error.
func ParseSchedule(spec string) (sched cron.Schedule, err error) {
	if rest, ok := cutZonePrefix(spec); ok && !strings.Contains(rest, " ") {
		return nil, errors.New(`a time zone prefix needs a schedule after it, e.g. "TZ=Europe/Berlin 0 9 * * *" (or set the zone in digest.timezone)`)
	}
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("malformed schedule (%v)", r)
		}
	}()
	return cron.ParseStandard(spec)
}

// cutZonePrefix returns spec without its TZ= or CRON_TZ= prefix, if it has one.
func cutZonePrefix(spec string) (string, bool) {
	if rest, ok := strings.CutPrefix(spec, "TZ="); ok {
		return rest, true
	}
	return strings.CutPrefix(spec, "CRON_TZ=")
}
