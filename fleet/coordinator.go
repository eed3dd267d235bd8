package fleet

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/store"
)

// Sink receives what the Coordinator decides to tell: the Slack sink or
// the console, unchanged.
type Sink interface {
	Notify(n incident.Notification)
}

// CoordinatorStore keeps the fleet incidents (store.Postgres).
type CoordinatorStore interface {
	RecordFleet(ctx context.Context, r store.FleetRecord) (store.FleetMembership, error)
	FleetToTell(ctx context.Context) ([]string, error)
	TellFleet(ctx context.Context, id string, decide func(store.FleetView) ([]store.FleetMember, error)) (bool, error)
	TakeOverFleet(ctx context.Context, stale time.Duration) ([]string, error)
	RetellFleet(ctx context.Context) error
}

// CoordinatorOptions configure a Coordinator. Zero values take the defaults.
type CoordinatorOptions struct {
	// Cluster is this bot's cluster.
	Cluster string
	// Poll is how often the database is looked at when no notification
	// came; default 2s.
	Poll time.Duration
	// TakeOverAfter is how long the bot owning a fleet incident may go
	// unseen (no heartbeat) before a member cluster's bot takes its message
	// over; default 45s. TakeOverEvery is how often that is checked;
	// default 10s.
	TakeOverAfter, TakeOverEvery time.Duration
	// Grace is how long a new incident waits for a database that cannot be
	// reached before it is announced as this cluster's alone; default 15s
	// (a database restart takes seconds; alerts must not wait longer).
	Grace  time.Duration
	Logger *slog.Logger
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// Coordinator sits between a bot's incident manager and its sink and makes
// a crash loop of one cause in several clusters one message. Each
// notification about one of this cluster's incidents is recorded in the
// shared database (RecordFleet), where it joins the fleet incident of its
// workload (or image digest) and category, or founds one. The bot of the
// cluster owning a fleet incident (its founder, until it is gone) tells
// everything about it through its sink (see plan); other bots only record.
// Storms of one cluster pass through unchanged.
//
// Without the database the bot goes on alone: news of fleet incidents it
// owns is told at once and recorded as told later; a new incident waits
// up to Grace for the database, then founds a fleet incident of its own
// and is announced; everything is recorded, in order, when the database is
// back (no message is posted twice: this bot is the one that posts them).
type Coordinator struct {
	st   CoordinatorStore
	sink Sink
	hub  *Hub
	opts CoordinatorOptions
	log  *slog.Logger

	mu      sync.Mutex
	backlog []pending // notifications not yet recorded, in order
	wake    chan struct{}
	// local is what this bot knows of its incidents' fleet incidents, by
	// incident ID: where to tell them while the database is away.
	local map[string]*localGroup
	// announced are the subjects whose message this process posts (fleet
	// incidents it founded, storms it announced), with when: a message
	// reference the database cannot be asked for is then known to be
	// missing rather than unknown (see Refs).
	announced map[string]time.Time
	offline   bool
	since     time.Time
	stats     CoordinatorStats
}

// pending is a notification waiting to be recorded.
type pending struct {
	n   incident.Notification
	rec store.FleetRecord
	// handled: what could be done without the database was done.
	handled bool
	at      time.Time
}

// localGroup is what this bot knows of a fleet incident one of its
// incidents belongs to.
type localGroup struct {
	id, owner string
	multi     bool
	// view is the fleet incident as this bot last told it (as its owner).
	view *store.FleetView
}

// CoordinatorStats are the coordinator's figures, for logs and metrics.
type CoordinatorStats struct {
	// Offline: the database could not be reached at the last attempt.
	Offline bool
	// Backlog counts notifications waiting to be recorded.
	Backlog int
	// Recorded, Told, TakenOver, FoundedAlone count notifications recorded,
	// notifications handed to the sink as owner, fleet incidents taken
	// over, and fleet incidents founded while the database was away.
	Recorded, Told, TakenOver, FoundedAlone int64
}

// NewCoordinator returns a Coordinator; it does no I/O. hub may be nil
// (then it polls).
func NewCoordinator(st CoordinatorStore, sink Sink, hub *Hub, opts CoordinatorOptions) *Coordinator {
	if opts.Poll <= 0 {
		opts.Poll = 2 * time.Second
	}
	if opts.TakeOverAfter <= 0 {
		opts.TakeOverAfter = 45 * time.Second
	}
	if opts.TakeOverEvery <= 0 {
		opts.TakeOverEvery = 10 * time.Second
	}
	if opts.Grace <= 0 {
		opts.Grace = 15 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Coordinator{
		st: st, sink: sink, hub: hub, opts: opts, log: opts.Logger.With("component", "fleet"),
		wake: make(chan struct{}, 1), local: map[string]*localGroup{}, announced: map[string]time.Time{},
	}
}

// Notify takes a notification of the incident manager; it never blocks.
func (c *Coordinator) Notify(n incident.Notification) {
	if n.Storm != nil {
		// One cluster's storm and its members: told as without a fleet.
		if n.IsStorm() && n.Reason == incident.FirstNotification {
			c.mu.Lock()
			c.announced[n.Storm.ID] = c.opts.Now()
			c.mu.Unlock()
		}
		c.sink.Notify(n)
		return
	}
	inc := n.Incident
	rec := store.FleetRecord{
		Incident: inc, Reason: n.Reason, Notes: n.Notes,
		WorkloadKey: workloadKey(inc), ImageKey: imageKey(inc), Category: string(category(inc)), At: c.opts.Now(),
	}
	c.mu.Lock()
	c.backlog = append(c.backlog, pending{n: n, rec: rec, at: rec.At})
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// Stats returns the coordinator's figures.
func (c *Coordinator) Stats() CoordinatorStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Offline, s.Backlog = c.offline, len(c.backlog)
	return s
}

// Run records and tells until ctx ends. Run it in the bot leading the
// cluster, with the incident manager.
func (c *Coordinator) Run(ctx context.Context) error {
	var changed <-chan string
	if c.hub != nil {
		var stop func()
		changed, stop = c.hub.Subscribe(store.NotifyFleet)
		defer stop()
	}
	poll := time.NewTicker(c.opts.Poll)
	defer poll.Stop()
	takeOver := time.NewTicker(c.opts.TakeOverEvery)
	defer takeOver.Stop()
	c.log.Info("coordinating crash loops with the fleet", "cluster", c.opts.Cluster)
	// A new leader shows the messages it owns as they are: its predecessor
	// may have died with updates not yet delivered.
	if err := c.st.RetellFleet(ctx); err != nil && ctx.Err() == nil {
		c.log.Warn("cannot refresh the fleet messages this cluster owns", "err", err)
	}
	for {
		c.record(ctx)
		c.tellOwned(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-c.wake:
		case <-changed:
		case <-poll.C:
		case <-takeOver.C:
			c.takeOver(ctx)
			c.forgetAnnounced()
		}
	}
}

// record writes the backlog to the database, in order. When the database
// cannot be reached, it does what can be done alone (handleAlone) and
// tries again at the next poll.
func (c *Coordinator) record(ctx context.Context) {
	for ctx.Err() == nil {
		c.mu.Lock()
		if len(c.backlog) == 0 {
			c.mu.Unlock()
			return
		}
		p := c.backlog[0]
		c.mu.Unlock()
		m, err := c.st.RecordFleet(ctx, p.rec)
		if err != nil && c.unavailable(err) {
			c.goOffline(err)
			c.handleAlone(ctx)
			return
		}
		c.mu.Lock()
		c.backlog = c.backlog[1:]
		if err != nil {
			// Better told alone than not at all, under the subject the
			// incident has (or would have, founding its fleet incident).
			n := p.n
			if g := c.local[n.Incident.ID]; g != nil && g.owner == c.opts.Cluster {
				n.Incident.ID = g.id
			} else {
				n.Incident.ID = store.FleetSubject(c.opts.Cluster, n.Incident.ID)
			}
			c.mu.Unlock()
			c.log.Error("the database refused a fleet record; this news is told for this cluster only", "incident", p.rec.Incident.ID, "err", err)
			if !p.handled {
				c.sink.Notify(n)
			}
			continue
		}
		c.stats.Recorded++
		g := c.local[p.rec.Incident.ID]
		if g == nil {
			g = &localGroup{}
			c.local[p.rec.Incident.ID] = g
		}
		g.id, g.owner, g.multi = m.ID, m.Owner, m.ClustersEver >= 2
		if m.Founded {
			c.announced[m.ID] = c.opts.Now()
		}
		if p.rec.Incident.State == incident.Resolved {
			delete(c.local, p.rec.Incident.ID)
		}
		c.mu.Unlock()
		if m.Founded {
			c.log.Debug("fleet incident founded", "fleet_incident", m.ID, "incident", p.rec.Incident.ID)
		}
	}
}

// unavailable tells whether err means the database cannot be reached.
func (c *Coordinator) unavailable(err error) bool {
	return errors.Is(err, store.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded)
}

func (c *Coordinator) goOffline(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.offline {
		c.offline, c.since = true, c.opts.Now()
		c.log.Error("lost the database: alerting for this cluster alone; fleet records wait and are caught up when it is back", "err", err)
	}
}

// handleAlone does, without the database, what can be done for the
// waiting notifications: those of fleet incidents this bot owns are told
// at once; a new incident that waited Grace founds a fleet incident of its
// own and is announced. The rest waits for the database: their owner
// tells them then.
func (c *Coordinator) handleAlone(ctx context.Context) {
	now := c.opts.Now()
	var tell []incident.Notification
	c.mu.Lock()
	waiting := map[string]bool{} // incidents whose first notification still waits
	for i := range c.backlog {
		p := &c.backlog[i]
		id := p.rec.Incident.ID
		if p.handled {
			continue
		}
		g := c.local[id]
		switch {
		case waiting[id]:
			continue
		case g == nil && p.n.Reason == incident.FirstNotification && now.Sub(p.at) < c.opts.Grace:
			waiting[id] = true
			continue
		case g == nil && p.n.Reason == incident.FirstNotification:
			g = &localGroup{id: store.FleetSubject(c.opts.Cluster, id), owner: c.opts.Cluster}
			c.local[id] = g
			c.announced[g.id] = now
			p.rec.FoundedAs = g.id
			c.stats.FoundedAlone++
			c.log.Warn("announcing a new crash loop without the fleet: the database is away", "incident", id, "fleet_incident", g.id)
		case g == nil:
			// Membership unknown here (continued after a restart): its
			// owner tells it once the database is back.
			p.handled = true
			continue
		}
		p.handled = true
		if g.owner != c.opts.Cluster {
			continue
		}
		tell = append(tell, c.aloneNotifications(p.n, g)...)
		p.rec.Told = true
	}
	c.mu.Unlock()
	for _, n := range tell {
		c.sink.Notify(n)
	}
}

// aloneNotifications tells n of this cluster's incident in fleet incident
// g, which this bot owns, without the database. Caller holds c.mu.
func (c *Coordinator) aloneNotifications(n incident.Notification, g *localGroup) []incident.Notification {
	if !g.multi || g.view == nil {
		n.Incident.ID = g.id
		return []incident.Notification{n}
	}
	// The fleet incident as last told, with this member's news.
	v := *g.view
	v.Members = append([]store.FleetMember(nil), v.Members...)
	for i, m := range v.Members {
		if m.Cluster == c.opts.Cluster && m.Incident.ID == n.Incident.ID {
			v.Members[i].Incident = n.Incident
		}
	}
	v.Events = []store.FleetEvent{{Cluster: c.opts.Cluster, IncidentID: n.Incident.ID, Reason: n.Reason, Notes: n.Notes}}
	v.Incident.ToldVersion = max(v.Incident.ToldVersion, 1)
	out, _ := plan(v)
	return out
}

// backOnline ends an outage once everything waiting is recorded.
func (c *Coordinator) backOnline() {
	c.mu.Lock()
	back := c.offline && len(c.backlog) == 0
	if back {
		c.offline = false
	}
	since := c.since
	c.mu.Unlock()
	if back {
		c.log.Info("the database is back: fleet records caught up", "offline_for", c.opts.Now().Sub(since).Round(time.Millisecond))
	}
}

// tellOwned tells the fleet incidents this cluster owns that changed. It
// waits while notifications wait to be recorded: they may be news of them.
func (c *Coordinator) tellOwned(ctx context.Context) {
	if c.Stats().Backlog > 0 {
		return
	}
	ids, err := c.st.FleetToTell(ctx)
	if err != nil {
		if c.unavailable(err) {
			c.goOffline(err)
		} else if ctx.Err() == nil {
			c.log.Warn("cannot list the fleet incidents to tell", "err", err)
		}
		return
	}
	c.backOnline()
	for _, id := range ids {
		var out []incident.Notification
		var view store.FleetView
		ok, err := c.st.TellFleet(ctx, id, func(v store.FleetView) ([]store.FleetMember, error) {
			var detailed []store.FleetMember
			out, detailed = plan(v)
			view = v
			return detailed, nil
		})
		if err != nil {
			if ctx.Err() == nil {
				c.log.Warn("cannot tell a fleet incident yet", "fleet_incident", id, "err", err)
			}
			continue
		}
		if !ok {
			continue // another cluster took it over meanwhile
		}
		c.mu.Lock()
		view.Incident.ToldVersion = view.Incident.Version
		for i := range view.Members {
			view.Members[i].Detailed = true
		}
		for _, m := range view.Members {
			if g := c.local[m.Incident.ID]; g != nil && m.Cluster == c.opts.Cluster {
				g.id, g.owner, g.multi = view.Incident.ID, c.opts.Cluster, view.Incident.ClustersEver >= 2
				v := view
				g.view = &v
			}
		}
		c.stats.Told += int64(len(out))
		c.mu.Unlock()
		for _, n := range out {
			c.sink.Notify(n)
		}
		if len(out) > 0 {
			c.log.Debug("fleet incident told", "fleet_incident", id, "clusters", view.Incident.ClustersEver, "notifications", len(out))
		}
	}
}

// takeOver makes this cluster the owner of fleet incidents it is a member
// of whose owning bot is gone.
func (c *Coordinator) takeOver(ctx context.Context) {
	if c.Stats().Offline {
		return
	}
	ids, err := c.st.TakeOverFleet(ctx, c.opts.TakeOverAfter)
	if err != nil {
		if ctx.Err() == nil && !c.unavailable(err) {
			c.log.Warn("cannot check for fleet incidents to take over", "err", err)
		}
		return
	}
	for _, id := range ids {
		c.log.Warn("took over a fleet incident whose owning bot is gone", "fleet_incident", id)
	}
	c.mu.Lock()
	c.stats.TakenOver += int64(len(ids))
	c.mu.Unlock()
}

// forgetAnnounced forgets subjects announced long ago: their references
// are in the database, or were kept by the store while it was away.
func (c *Coordinator) forgetAnnounced() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for s, at := range c.announced {
		if c.opts.Now().Sub(at) > 24*time.Hour {
			delete(c.announced, s)
		}
	}
}

// Announced tells whether this process posts the message of subject (a
// fleet incident it founded or a storm it announced), so that when the
// database cannot say where that message is, it is known not to be
// posted yet unless this process saved its reference.
func (c *Coordinator) Announced(subject string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.announced[subject]
	return ok
}
