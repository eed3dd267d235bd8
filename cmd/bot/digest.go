package main

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/digest"
)

func runDigest(ctx context.Context, args []string, s stdio) int {
	fs := newFlagSet("digest", "--now [--since PERIOD] [--channel C] [--print] [--chart FILE] [--config FILE] [--kubeconfig FILE] [--context NAME]",
		`Build crash-loop digests from the incident store and send them now: to
each of digest.channels (or slack.channel), each covering its channel's
namespaces, when a Slack bot token is configured; else print them.

--since picks the period (24h, 36h, 7d, up to 28d; default each channel's:
digest.window, or 7d for a weekly one). --channel sends only that channel's
digest (any channel: its scope comes from its digest entry, else its routes,
else every watched namespace). --print prints instead of posting. --chart
also writes the chart of the (first) digest as a PNG. The scheduled digests
are sent by 'run'; this command does not record a run.`, s)
	now := fs.Bool("now", false, "send the digest now (required)")
	since := fs.String("since", "", "the period to cover, e.g. 24h or 7d (default: each channel's)")
	channel := fs.String("channel", "", "only this channel's digest (ID or #name)")
	printOnly := fs.Bool("print", false, "print the digests instead of posting them")
	chart := fs.String("chart", "", "write the chart of the digest to this PNG file")
	configPath := fs.String("config", "", "configuration file (see config.example.yaml)")
	var kf kubeFlags
	kf.register(fs)
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if !*now || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	var window time.Duration
	if *since != "" {
		var err error
		if window, err = bot.ParseDigestPeriod(*since); err != nil {
			fmt.Fprintf(s.err, "crashloop-bot digest: --since: %v\n", err)
			return 2
		}
	}
	cfg, err := config.Load(*configPath)
	if err != nil {
		fmt.Fprintf(s.err, "crashloop-bot: %v\n", err)
		return 1
	}
	logger := newLogger(s.err, cfg.Log)
	opts := digestNowOptions{window: window, channel: *channel, print: *printOnly, chart: *chart}
	if err := sendDigestNow(ctx, cfg, kf, opts, logger, s); err != nil {
		fmt.Fprintf(s.err, "crashloop-bot digest: %v\n", err)
		return 1
	}
	return 0
}

// digestNowOptions are the flags of `digest --now`.
type digestNowOptions struct {
	window  time.Duration // 0: each job's
	channel string        // "": every configured channel
	print   bool
	chart   string
}

func sendDigestNow(ctx context.Context, cfg config.Config, kf kubeFlags, o digestNowOptions, logger *slog.Logger, s stdio) error {
	var st interface {
		digestStore
		Close() error
	}
	if cfg.Store.Backend == "configmap" {
		client, _, err := connect(ctx, kf, cfg.Kubernetes)
		if err != nil {
			return err
		}
		cs, _, err := openStoreFor(ctx, cfg, client, logger)
		if err != nil {
			return err
		}
		st = cs
	} else {
		fs, _, err := openStoreFor(ctx, cfg, nil, logger)
		if err != nil {
			return err
		}
		st = fs
	}
	defer st.Close()
	sender, jobs, err := digestSetup(cfg, st, logger, s)
	if err != nil {
		return err
	}
	if o.print {
		sender = bot.NewConsoleDigest(s.out) // each channel's digest, printed
	}
	if o.channel != "" {
		if jobs, err = jobFor(cfg, jobs, o.channel); err != nil {
			return err
		}
	}
	for i, j := range jobs {
		if o.window > 0 {
			j.Window = o.window
		}
		d, err := digest.Load(ctx, fleetSource(st), j.Scope, j.Window, time.Now().In(j.Location))
		if err != nil {
			return err
		}
		if _, console := sender.(*bot.ConsoleDigest); console && len(jobs) > 1 {
			fmt.Fprintf(s.out, "\n# %s\n", j.Channel)
		}
		if err := sender.SendDigest(ctx, j.Channel, d); err != nil {
			return err
		}
		if i == 0 && o.chart != "" {
			png, ok := digest.Chart(d)
			if !ok {
				fmt.Fprintf(s.err, "crashloop-bot digest: no chart: fewer than 3 incidents over the last %d days\n", len(d.Days))
				continue
			}
			if err := os.WriteFile(o.chart, png, 0o644); err != nil {
				return fmt.Errorf("--chart: %w", err)
			}
		}
	}
	return nil
}

// jobFor is the one job of --channel: that channel's as configured (its
// digest entry, else its routes, else every watched namespace), printed
// when digests go to the console.
func jobFor(cfg config.Config, jobs []digest.Job, channel string) ([]digest.Job, error) {
	ch := config.DigestChannel{Channel: channel}
	for _, c := range cfg.Digest.Channels {
		if sameChannel(c.Channel, channel) {
			ch = c
		}
	}
	j, err := channelJob(cfg, ch)
	if err != nil {
		return nil, err
	}
	if len(jobs) == 1 && jobs[0].Channel == consoleChannel {
		j.Channel = consoleChannel // printed, not posted
	}
	return []digest.Job{j}, nil
}

// consoleChannel names the terminal where digests are printed without Slack;
// the store records its digest runs under this name.
const consoleChannel = "console"

// digestScope decides what a digest channel covers: its explicit
// namespaces and selector, else what the alert routes to it cover, else
// every watched namespace (never an unwatched or excluded one). It only
// adapts the configuration; the rules are digest.ResolveScope's.
func digestScope(cfg config.Config, ch config.DigestChannel) (digest.NamespaceScope, error) {
	in := digest.ScopeInput{
		Channel: ch.Channel, Namespaces: ch.Namespaces, Selector: ch.Selector,
		Watched: cfg.Watch.Namespaces, Exclude: cfg.Watch.ExcludeNamespaces,
	}
	for _, r := range cfg.Slack.Routes {
		in.Routes = append(in.Routes, digest.ScopeRoute{Channel: r.Channel, Namespaces: r.Namespaces, Selector: r.Selector})
	}
	s, err := digest.ResolveScope(in)
	if err != nil {
		return digest.NamespaceScope{}, fmt.Errorf("digest scope of %s: %w", ch.Channel, err)
	}
	return s, nil
}

// digestWindow is the period of a channel's digest.
func digestWindow(cfg config.Config, ch config.DigestChannel) time.Duration {
	if ch.Period == config.PeriodWeekly {
		return digest.Week
	}
	return cfg.Digest.Window.D()
}

// channelJob is the job of one digest channel: its schedule, time zone,
// period and scope.
func channelJob(cfg config.Config, ch config.DigestChannel) (digest.Job, error) {
	j := digest.Job{Channel: ch.Channel, Spec: ch.Schedule, Window: digestWindow(cfg, ch)}
	if j.Spec == "" && ch.Period != config.PeriodWeekly {
		j.Spec = cfg.Digest.Schedule // weekly: digest.DefaultWeeklySpec
	}
	zone := cmp.Or(ch.Timezone, cfg.Digest.Timezone)
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return digest.Job{}, fmt.Errorf("digest time zone %q: %w", zone, err)
	}
	j.Location = loc
	if j.Scope, err = digestScope(cfg, ch); err != nil {
		return digest.Job{}, err
	}
	return j, nil
}

// digestSetup returns the sender (Slack or console) and one job per channel,
// each with its scope, period and time zone.
func digestSetup(cfg config.Config, refs bot.MessageRefs, logger *slog.Logger, s stdio) (digest.Sender, []digest.Job, error) {
	var jobs []digest.Job
	for _, ch := range cfg.Digest.Channels {
		j, err := channelJob(cfg, ch)
		if err != nil {
			return nil, nil, err
		}
		jobs = append(jobs, j)
	}
	token := cfg.Slack.BotToken.Value()
	if token == "" {
		// The console has one "channel": print each digest once, on the
		// first schedule, for every watched namespace.
		j, err := channelJob(cfg, config.DigestChannel{})
		if err != nil {
			return nil, nil, err
		}
		j.Channel = consoleChannel
		if len(jobs) > 0 {
			j.Spec, j.Location, j.Window = jobs[0].Spec, jobs[0].Location, jobs[0].Window
		}
		return bot.NewConsoleDigest(s.out), []digest.Job{j}, nil
	}
	if len(jobs) == 0 {
		j, err := channelJob(cfg, config.DigestChannel{Channel: cfg.Slack.Channel})
		if err != nil {
			return nil, nil, err
		}
		jobs = []digest.Job{j}
	}
	api := slack.New(token, slack.OptionAPIURL(cfg.Slack.APIURL))
	return bot.NewDigestSender(api, cfg.ClusterName, refs, logger), jobs, nil
}

// digestStore is what digests read: the incident history, and where each
// alert message is (the Slack sink's references) for the links.
type digestStore interface {
	digest.Source
	bot.MessageRefs
}

// digestCommand serves `/crashloop digest` from a channel: that channel's
// digest scope and period (its digest entry, else its routes, else every
// watched namespace); the command narrows it further to what the caller
// may query there.
func digestCommand(cfg config.Config, history digestStore, api bot.Permalinker, logger *slog.Logger) *bot.DigestCommand {
	loc, err := time.LoadLocation(cfg.Digest.Timezone)
	if err != nil {
		loc = time.UTC // Validate has refused such a config already
	}
	return &bot.DigestCommand{
		History: history, Refs: history, Permalinks: api, Location: loc,
		ScopeFor: func(c bot.Caller) (digest.Scope, time.Duration) {
			ch := callerDigestChannel(cfg, c)
			scope, err := digestScope(cfg, ch)
			if err != nil {
				logger.Error("digest command: no scope", "channel", c.ChannelID, "err", err)
				return nil, 0
			}
			return scope, digestWindow(cfg, ch)
		},
	}
}

// callerDigestChannel is the configuration that speaks for the channel a
// command came from: its digest entry, else the spelling its routes use,
// else its ID (which no route names).
func callerDigestChannel(cfg config.Config, c bot.Caller) config.DigestChannel {
	for _, ch := range cfg.Digest.Channels {
		if isCaller(ch.Channel, c) {
			return ch
		}
	}
	for _, r := range cfg.Slack.Routes {
		if isCaller(r.Channel, c) {
			return config.DigestChannel{Channel: r.Channel}
		}
	}
	return config.DigestChannel{Channel: c.ChannelID}
}

var slackChannelID = regexp.MustCompile(`^[CGD][A-Z0-9]{2,}$`)

// isCaller tells whether a configured channel is the caller's: an ID only
// matches the ID, a name only the name.
func isCaller(configured string, c bot.Caller) bool {
	if slackChannelID.MatchString(configured) {
		return configured == c.ChannelID
	}
	name := strings.TrimPrefix(configured, "#")
	return name != "" && c.ChannelName != "" && name == c.ChannelName
}

func sameChannel(a, b string) bool {
	return strings.TrimPrefix(a, "#") == strings.TrimPrefix(b, "#")
}
