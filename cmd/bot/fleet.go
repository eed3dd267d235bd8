package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/crashloop-bot/crashloop-bot/bot"
	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/digest"
	"github.com/crashloop-bot/crashloop-bot/fleet"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/metrics"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// fleetParts is what a bot of a fleet (store.backend postgres: one
// database for the bots of many clusters) runs besides its own work: the
// notification hub (every replica), and, in the replica leading the
// cluster, the heartbeat and the serving of requests other bots received
// for this cluster. nil outside a fleet; its methods accept a nil receiver.
type fleetParts struct {
	pg     *store.Postgres
	hub    *fleet.Hub
	router *fleet.Router
	log    *slog.Logger // scoped to the fleet
	base   *slog.Logger // for the fleet's packages, which scope it themselves

	// commandsOn: commands are enabled in the configuration.
	commandsOn bool

	mu       sync.Mutex
	commands *bot.Commands // this replica's, when it answers commands
	// coord is the leader's coordinator of cross-cluster incidents, while
	// this replica leads.
	coord *fleet.Coordinator
}

// newFleet returns the fleet parts when st is the postgres backend.
func newFleet(cfg config.Config, st store.Store, logger *slog.Logger) *fleetParts {
	pg, ok := st.(*store.Postgres)
	if !ok {
		return nil
	}
	hub := fleet.NewHub(pg, logger)
	return &fleetParts{
		pg: pg, hub: hub, log: logger.With("component", "fleet"), base: logger, commandsOn: cfg.Commands.Enabled,
		router: fleet.NewRouter(pg, hub, fleet.RouterOptions{Cluster: cfg.ClusterName, Workers: cfg.Commands.MaxConcurrent, Logger: logger}),
	}
}

// start runs what every replica of a fleet runs: the notification hub;
// the database's state goes to m.
func (f *fleetParts) start(g *group, m *metrics.Metrics) {
	if f == nil {
		return
	}
	m.WatchStore(func() metrics.StoreStats {
		fb, pool := f.pg.Fallback(), f.pg.Stats()
		return metrics.StoreStats{DatabaseUp: !fb.Down, QueuedWrites: fb.Queued, Outages: fb.Outages, Replayed: fb.Replayed, Lost: fb.Dropped,
			Connections: int(pool.Conns)}
	})
	g.start("fleet notifications", func(ctx context.Context) error {
		return f.hub.Run(ctx, store.NotifyRequests, store.NotifyReplies, store.NotifyFleet)
	})
}

// coordinate puts the fleet's coordinator of cross-cluster incidents
// between the incident manager and sink; it runs in lead. Outside a fleet
// it returns sink.
func (f *fleetParts) coordinate(sink incident.Notifier, cfg config.Config, m *metrics.Metrics) incident.Notifier {
	if f == nil {
		return sink
	}
	c := fleet.NewCoordinator(f.pg, sink, f.hub, fleet.CoordinatorOptions{Cluster: cfg.ClusterName, Logger: f.base})
	f.mu.Lock()
	f.coord = c
	f.mu.Unlock()
	m.WatchFleet(func() metrics.FleetStats {
		s := c.Stats()
		return metrics.FleetStats{Offline: s.Offline, Backlog: s.Backlog, Recorded: s.Recorded, Told: s.Told, TakenOver: s.TakenOver, FoundedAlone: s.FoundedAlone}
	})
	return c
}

// refs is where the sink keeps its message references: in a fleet, the
// store seen through the coordinator (fleet.Refs: a message this bot
// announces is known not to be posted yet while the database is away).
func (f *fleetParts) refs(st store.Store) bot.MessageRefs {
	if f == nil {
		return st
	}
	return fleetRefs{f}
}

type fleetRefs struct{ f *fleetParts }

func (r fleetRefs) MessageRef(ctx context.Context, subject string) (store.MessageRef, bool, error) {
	r.f.mu.Lock()
	c := r.f.coord
	r.f.mu.Unlock()
	return fleet.Refs{MessageRefs: r.f.pg, C: c}.MessageRef(ctx, subject)
}

func (r fleetRefs) SaveMessageRef(ctx context.Context, ref store.MessageRef) error {
	return r.f.pg.SaveMessageRef(ctx, ref)
}

// lead runs what the replica leading the cluster runs for the fleet.
func (f *fleetParts) lead(g *group) {
	if f == nil {
		return
	}
	f.mu.Lock()
	coord := f.coord
	f.mu.Unlock()
	if coord != nil {
		g.start("fleet incidents", coord.Run)
	}
	g.start("fleet heartbeat", func(ctx context.Context) error {
		return fleet.Heartbeat(ctx, f.pg, version, 10*time.Second, f.log)
	})
	f.mu.Lock()
	cmds := f.commands
	f.mu.Unlock()
	if cmds == nil {
		if f.commandsOn {
			f.log.Warn("this bot answers no commands (no Slack bot token or signing secret): commands other bots of the fleet receive for this cluster will time out")
		}
		return
	}
	g.start("fleet requests", func(ctx context.Context) error {
		return f.router.Serve(ctx, func(ctx context.Context, b []byte) []byte {
			var req bot.RemoteRequest
			var reply bot.RemoteReply
			if err := json.Unmarshal(b, &req); err != nil {
				f.log.Error("a request of the fleet does not decode", "err", err)
				reply = bot.RemoteReply{Reply: bot.Reply{Text: "⚠️ The request did not arrive whole.", Error: true}}
			} else {
				reply = cmds.Serve(ctx, req)
			}
			out, err := json.Marshal(reply)
			if err != nil {
				out = []byte(`{"text":"⚠️ The answer could not be encoded.","error":true}`)
			}
			return out
		})
	})
}

// commandOptions makes cmds fleet-wide: status over every cluster,
// commands for other clusters through the router.
func (f *fleetParts) commandOptions() *bot.FleetOptions {
	if f == nil {
		return nil
	}
	return &bot.FleetOptions{Incidents: fleetActive{f.pg}, Remote: remote{f.router}}
}

// setCommands records this replica's commands, which serve the requests
// for this cluster when it leads.
func (f *fleetParts) setCommands(c *bot.Commands) {
	if f == nil {
		return
	}
	f.mu.Lock()
	f.commands = c
	f.mu.Unlock()
}

// fleetDigestStore is what digests read: in a fleet, every cluster's history,
// and claims so that one bot sends each scheduled run.
func fleetDigestStore(st store.Store) digestStoreAndClaims {
	if pg, ok := st.(*store.Postgres); ok {
		return fleetHistory{pg}
	}
	return st
}

// fleetSource is src, or in a fleet every cluster's history.
func fleetSource(src digest.Source) digest.Source {
	if pg, ok := src.(*store.Postgres); ok {
		return fleetHistory{pg}
	}
	return src
}

// digestStoreAndClaims is a digest store with message references (for the
// links); a fleet's also claims runs (digest.RunClaimer).
type digestStoreAndClaims interface {
	digest.Store
	bot.MessageRefs
}

// fleetHistory is the fleet's history: every cluster's incidents.
type fleetHistory struct{ *store.Postgres }

func (f fleetHistory) History(ctx context.Context, since time.Time) ([]incident.Incident, error) {
	return f.FleetHistory(ctx, since)
}

// fleetActive lists every cluster's active incidents.
type fleetActive struct{ pg *store.Postgres }

func (f fleetActive) Active(ctx context.Context) ([]incident.Incident, error) {
	return f.pg.FleetActive(ctx)
}

// remote carries bot requests through the fleet's router as JSON.
type remote struct{ r *fleet.Router }

func (r remote) Ask(ctx context.Context, cluster string, req bot.RemoteRequest) (bot.RemoteReply, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return bot.RemoteReply{}, err
	}
	out, err := r.r.Ask(ctx, cluster, b)
	if errors.Is(err, fleet.ErrNoSuchCluster) {
		return bot.RemoteReply{}, bot.ErrNoSuchCluster
	}
	if err != nil {
		return bot.RemoteReply{}, err
	}
	var reply bot.RemoteReply
	if err := json.Unmarshal(out, &reply); err != nil {
		return bot.RemoteReply{}, fmt.Errorf("the answer of cluster %s does not decode: %w", cluster, err)
	}
	return reply, nil
}
