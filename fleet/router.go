package fleet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/crashloop-bot/crashloop-bot/store"
)

// ErrNoSuchCluster: the fleet has no cluster of that name (no bot of it
// ever ran).
var ErrNoSuchCluster = errors.New("no such cluster in the fleet")

// RequestStore carries requests between the bots of the fleet
// (store.Postgres implements it).
type RequestStore interface {
	Ask(ctx context.Context, target string, request []byte, ttl time.Duration) (int64, error)
	Reply(ctx context.Context, id int64) (reply []byte, ok bool, err error)
	NextRequest(ctx context.Context, stale time.Duration) (id int64, request []byte, ok bool, err error)
	Answer(ctx context.Context, id int64, reply []byte) error
	Clusters(ctx context.Context) ([]store.ClusterInfo, error)
}

// RouterOptions configure a Router. Zero values take the defaults.
type RouterOptions struct {
	// Cluster is this bot's cluster.
	Cluster string
	// TTL is how long a request may wait for its cluster's bot; default 2m
	// (Slack's response URL lasts 30 minutes, people less).
	TTL time.Duration
	// Stale is how long a request taken by a bot that never answered
	// waits before another replica takes it; default 45s.
	Stale time.Duration
	// Poll is how often tables are looked at when no notification came
	// (a lost notification costs at most this); default 2s.
	Poll time.Duration
	// Workers bounds the requests served at once; default 4.
	Workers int
	Logger  *slog.Logger
}

// Router carries commands to the bot of the cluster they are about, so
// that one Slack app serves the whole fleet: Ask writes a request row and
// waits for its reply; the leading bot of the target cluster runs Serve,
// which takes requests for its cluster, runs them and writes the replies.
// Notifications wake both sides at once; polling covers lost ones.
type Router struct {
	st   RequestStore
	hub  *Hub
	opts RouterOptions
	log  *slog.Logger

	mu      sync.Mutex
	known   []string
	knownAt time.Time
}

// NewRouter returns a Router; it does no I/O. hub may be nil (polling only).
func NewRouter(st RequestStore, hub *Hub, opts RouterOptions) *Router {
	if opts.TTL <= 0 {
		opts.TTL = 2 * time.Minute
	}
	if opts.Stale <= 0 {
		opts.Stale = 45 * time.Second
	}
	if opts.Poll <= 0 {
		opts.Poll = 2 * time.Second
	}
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Router{st: st, hub: hub, opts: opts, log: opts.Logger.With("component", "fleet-router")}
}

// knownClusters lists the fleet's clusters, looked up at most every 10s.
func (r *Router) knownClusters(ctx context.Context, cluster string) ([]string, error) {
	r.mu.Lock()
	fresh := time.Since(r.knownAt) < 10*time.Second && slices.Contains(r.known, cluster)
	known := r.known
	r.mu.Unlock()
	if fresh {
		return known, nil
	}
	cs, err := r.st.Clusters(ctx)
	if err != nil {
		return nil, err
	}
	known = nil
	for _, c := range cs {
		known = append(known, c.Name)
	}
	r.mu.Lock()
	r.known, r.knownAt = known, time.Now()
	r.mu.Unlock()
	return known, nil
}

// Ask sends request (JSON) to the bot of cluster and waits for its reply
// until ctx ends.
func (r *Router) Ask(ctx context.Context, cluster string, request []byte) ([]byte, error) {
	known, err := r.knownClusters(ctx, cluster)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(known, cluster) {
		return nil, ErrNoSuchCluster
	}
	var replies <-chan string
	if r.hub != nil {
		var stop func()
		replies, stop = r.hub.Subscribe(store.NotifyReplies)
		defer stop()
	}
	id, err := r.st.Ask(ctx, cluster, request, r.opts.TTL)
	if err != nil {
		return nil, err
	}
	want := strconv.FormatInt(id, 10)
	poll := time.NewTicker(r.opts.Poll / 4) // someone is waiting: look more often
	defer poll.Stop()
	start := time.Now()
	for {
		reply, ok, err := r.st.Reply(ctx, id)
		if err == nil && ok {
			r.log.Debug("request answered", "cluster", cluster, "request", id, "after", time.Since(start).Round(time.Millisecond))
			return reply, nil
		}
		if err != nil && ctx.Err() == nil {
			r.log.Warn("cannot read the reply yet", "request", id, "err", err)
		}
		for wait := true; wait; {
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("waiting for cluster %s: %w", cluster, ctx.Err())
			case p := <-replies:
				wait = p != "" && p != want
			case <-poll.C:
				wait = false
			}
		}
	}
}

// Serve takes the requests for this cluster and answers each with
// handle's reply, until ctx ends. Run it in the bot leading the cluster.
func (r *Router) Serve(ctx context.Context, handle func(ctx context.Context, request []byte) []byte) error {
	var wake <-chan string
	if r.hub != nil {
		var stop func()
		wake, stop = r.hub.Subscribe(store.NotifyRequests)
		defer stop()
	}
	sem := make(chan struct{}, r.opts.Workers)
	var wg sync.WaitGroup
	defer wg.Wait()
	poll := time.NewTicker(r.opts.Poll)
	defer poll.Stop()
	r.log.Info("serving this cluster's requests from the fleet", "cluster", r.opts.Cluster)
	for {
		// Take what waits, as long as a worker is free.
		for {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return nil
			}
			id, req, ok, err := r.st.NextRequest(ctx, r.opts.Stale)
			if err != nil || !ok {
				<-sem
				if err != nil && ctx.Err() == nil {
					r.log.Warn("cannot take requests", "err", err)
				}
				break
			}
			wg.Go(func() {
				defer func() { <-sem }()
				r.serveOne(ctx, id, req, handle)
			})
		}
		for wait := true; wait; {
			select {
			case <-ctx.Done():
				return nil
			case p := <-wake:
				wait = p != "" && p != r.opts.Cluster
			case <-poll.C:
				wait = false
			}
		}
	}
}

func (r *Router) serveOne(ctx context.Context, id int64, req []byte, handle func(context.Context, []byte) []byte) {
	start := time.Now()
	reply := handle(ctx, req)
	// The answer must reach the table even when the bot is stopping: it
	// was worked for.
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := r.st.Answer(actx, id, reply); err != nil {
		r.log.Error("could not answer a request; the asking bot will time out", "request", id, "err", err)
		return
	}
	r.log.Debug("request served", "request", id, "took", time.Since(start).Round(time.Millisecond))
}

// HeartbeatStore records that a bot leads its cluster (store.Postgres).
type HeartbeatStore interface {
	Heartbeat(ctx context.Context, version string) error
}

// Heartbeat records every interval, until ctx ends, that this bot leads
// its cluster: the fleet then knows the cluster (commands may name it) and
// that its bot is alive.
func Heartbeat(ctx context.Context, st HeartbeatStore, version string, every time.Duration, log *slog.Logger) error {
	t := time.NewTicker(every)
	defer t.Stop()
	failing := false
	for {
		err := st.Heartbeat(ctx, version)
		switch {
		case err != nil && !failing && ctx.Err() == nil:
			failing = true
			log.Warn("fleet heartbeat failed; the other bots will think this cluster's bot is gone", "err", err)
		case err == nil && failing:
			failing = false
			log.Info("fleet heartbeat recorded again")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
