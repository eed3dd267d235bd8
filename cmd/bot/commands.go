package main

import (
	"context"
	"log/slog"
	"net/http"
	"sync"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/kube"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// startCommands starts the slash-command and button transport chosen by
// slack.mode. In http mode it returns the routes to register on the HTTP
// server; in socket mode it runs Socket Mode in g. Commands are off without
// a bot token, or in http mode without a signing secret.
func startCommands(g *group, cfg config.Config, client kubernetes.Interface, st store.Store, sil bot.Silencer, fl *fleetParts, logger *slog.Logger) (func(*http.ServeMux), error) {
	token := cfg.Slack.BotToken.Value()
	if !cfg.Commands.Enabled || token == "" {
		return nil, nil
	}
	if cfg.Slack.Mode == "http" && cfg.Slack.SigningSecret.Value() == "" {
		logger.Warn("slash commands and buttons are off: slack.mode is http but no signing secret is configured (slack.signing_secret)")
		return nil, nil
	}
	if cfg.Slack.Mode == "http" && cfg.Server.Listen == "" {
		logger.Warn("slash commands and buttons are off: slack.mode is http but server.listen is empty")
		return nil, nil
	}
	cmds := newCommands(cfg, client, st, sil, fl, logger)
	fl.setCommands(cmds) // it answers what other bots of the fleet receive for this cluster
	api := slack.New(token, slack.OptionAPIURL(cfg.Slack.APIURL))
	ropts := bot.ResponderOptions{Logger: logger, MaxConcurrent: cfg.Commands.MaxConcurrent, APIURL: cfg.Slack.APIURL}
	if cfg.Slack.Mode == "socket" {
		sapi := slack.New(token, slack.OptionAPIURL(cfg.Slack.APIURL), slack.OptionAppLevelToken(cfg.Slack.AppToken.Value()))
		sm := bot.NewSocketMode(socketmode.New(sapi,
			socketmode.OptionLog(slog.NewLogLogger(logger.Handler(), slog.LevelDebug))), cmds, api, ropts)
		g.start("slack socket mode", sm.Run)
		logger.Info("answering slash commands and buttons over Socket Mode", "command", cfg.Commands.Name)
		return nil, nil
	}
	// The store carries the replay record, so replicas behind one Service
	// answer a request once between them.
	h := bot.NewHTTPHandler(cmds, api, bot.HTTPOptions{ResponderOptions: ropts, SigningSecret: cfg.Slack.SigningSecret.Value(), Replay: st})
	g.start("slack commands", h.Run)
	logger.Info("answering slash commands and buttons", "command", cfg.Commands.Name, "paths", bot.CommandsPath+" "+bot.InteractionsPath)
	return h.Register, nil
}

func newCommands(cfg config.Config, client kubernetes.Interface, st store.Store, sil bot.Silencer, fl *fleetParts, logger *slog.Logger) *bot.Commands {
	alert := []string{cfg.Slack.Channel}
	for _, r := range cfg.Slack.Routes {
		alert = append(alert, r.Channel)
	}
	access := bot.DefaultAccess(alert, cfg.Watch.Namespaces, cfg.Watch.ExcludeNamespaces)
	groups := false
	if len(cfg.Commands.Access) > 0 {
		// Explicit rules are authoritative; "*" still means the watched
		// namespaces.
		access = bot.Access{Watched: cfg.Watch.Namespaces, Exclude: cfg.Watch.ExcludeNamespaces}
		for _, r := range cfg.Commands.Access {
			access.Rules = append(access.Rules, bot.AccessRule{Channels: r.Channels, Users: r.Users, UserGroups: r.UserGroups, Namespaces: r.Namespaces})
			groups = groups || len(r.UserGroups) > 0
		}
	}
	q := kube.NewQuery(client, kube.QueryOptions{})
	api := slack.New(cfg.Slack.BotToken.Value(), slack.OptionAPIURL(cfg.Slack.APIURL))
	opts := bot.CommandOptions{
		Cluster: cfg.ClusterName, Access: access, Kube: q,
		Incidents: st, Silences: st, Silencer: sil, Name: cfg.Commands.Name, Logger: logger,
		Channels: api, Fleet: fl.commandOptions(),
	}
	if cfg.Commands.RunProbes {
		opts.Prober = q
	}
	if cfg.Digest.Enabled {
		opts.Digest = digestCommand(cfg, fleetDigestStore(st), slack.New(cfg.Slack.BotToken.Value(), slack.OptionAPIURL(cfg.Slack.APIURL)), logger) // digest.go
	}
	if groups {
		opts.Groups = groupResolver{api}
	}
	return bot.NewCommands(opts)
}

// leaderSilencer tells the leader's incident manager, when this replica
// leads, that silences changed in the store; otherwise the leader reads the
// store within its refresh interval.
type leaderSilencer struct {
	mu sync.Mutex
	m  *incident.Manager
}

func (l *leaderSilencer) set(m *incident.Manager) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.m = m
}

// SilencesChanged implements bot.Silencer.
func (l *leaderSilencer) SilencesChanged() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil {
		return false
	}
	l.m.SilencesChanged()
	return true
}

// groupResolver adapts slack.Client's variadic user-group call.
type groupResolver struct{ api *slack.Client }

func (g groupResolver) GetUserGroupMembersContext(ctx context.Context, group string) ([]string, error) {
	return g.api.GetUserGroupMembersContext(ctx, group)
}
