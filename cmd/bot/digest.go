package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/digest"
)

func runDigest(ctx context.Context, args []string, s stdio) int {
	fs := newFlagSet("digest", "--now [--config FILE] [--kubeconfig FILE] [--context NAME]",
		`Build the crash-loop digest of the last digest.window (default 24h) from
the incident store and send it now: to digest.channels (or slack.channel)
when a Slack bot token is configured, else print it. The scheduled digest is
sent by 'run' (digest.schedule); this command does not record a run.`, s)
	now := fs.Bool("now", false, "send the digest now (required)")
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
	cfg, err := config.Load(*configPath)
	if err != nil {
		fmt.Fprintf(s.err, "crashloop-bot: %v\n", err)
		return 1
	}
	logger := newLogger(s.err, cfg.Log)
	if err := sendDigestNow(ctx, cfg, kf, logger, s); err != nil {
		fmt.Fprintf(s.err, "crashloop-bot digest: %v\n", err)
		return 1
	}
	return 0
}

func sendDigestNow(ctx context.Context, cfg config.Config, kf kubeFlags, logger *slog.Logger, s stdio) error {
	var st interface {
		digest.Source
		Close() error
	}
	if cfg.Store.Backend == "configmap" {
		client, _, err := connect(ctx, kf, cfg.Kubernetes)
		if err != nil {
			return err
		}
		cs, _, err := openStore(cfg.Store, client, logger)
		if err != nil {
			return err
		}
		st = cs
	} else {
		fs, _, err := openStore(cfg.Store, nil, logger)
		if err != nil {
			return err
		}
		st = fs
	}
	defer st.Close()
	sender, jobs, err := digestSetup(cfg, logger, s)
	if err != nil {
		return err
	}
	for _, j := range jobs {
		loc := j.Location
		d, err := digest.Load(ctx, st, cfg.Digest.Window.D(), time.Now().In(loc))
		if err != nil {
			return err
		}
		if err := sender.SendDigest(ctx, j.Channel, d); err != nil {
			return err
		}
	}
	return nil
}

// consoleChannel names the terminal where digests are printed without Slack;
// the store records its digest runs under this name.
const consoleChannel = "console"

// digestSetup returns the sender (Slack or console) and one job per channel.
func digestSetup(cfg config.Config, logger *slog.Logger, s stdio) (digest.Sender, []digest.Job, error) {
	defLoc, err := time.LoadLocation(cfg.Digest.Timezone)
	if err != nil {
		return nil, nil, fmt.Errorf("digest.timezone: %w", err)
	}
	var jobs []digest.Job
	for _, ch := range cfg.Digest.Channels {
		j := digest.Job{Channel: ch.Channel, Spec: cfg.Digest.Schedule, Location: defLoc}
		if ch.Schedule != "" {
			j.Spec = ch.Schedule
		}
		if ch.Timezone != "" {
			if j.Location, err = time.LoadLocation(ch.Timezone); err != nil {
				return nil, nil, fmt.Errorf("digest.channels: %w", err)
			}
		}
		jobs = append(jobs, j)
	}
	token := cfg.Slack.BotToken.Value()
	if token == "" {
		// The console has one "channel": print each digest once, on the
		// first schedule.
		j := digest.Job{Channel: consoleChannel, Spec: cfg.Digest.Schedule, Location: defLoc}
		if len(jobs) > 0 {
			j.Spec, j.Location = jobs[0].Spec, jobs[0].Location
		}
		return bot.NewConsoleDigest(s.out), []digest.Job{j}, nil
	}
	if len(jobs) == 0 {
		jobs = []digest.Job{{Channel: cfg.Slack.Channel, Spec: cfg.Digest.Schedule, Location: defLoc}}
	}
	return bot.NewDigestSender(slack.New(token, slack.OptionAPIURL(cfg.Slack.APIURL)), cfg.ClusterName, logger), jobs, nil
}
