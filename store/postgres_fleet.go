package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
)

// This file holds what the bots of a fleet share beyond the Store
// interface: who is alive (heartbeats), who sends each digest run, and
// commands one bot asks another cluster's bot to run.

// Notification channels (PostgreSQL LISTEN/NOTIFY) of the fleet.
const (
	// NotifyRequests carries the target cluster of a new request.
	NotifyRequests = "crashloop_requests"
	// NotifyReplies carries the ID of an answered request.
	NotifyReplies = "crashloop_replies"
	// NotifyFleet carries the ID of a fleet incident that changed.
	NotifyFleet = "crashloop_fleet"
)

// Instance is this process's identity in the fleet: its cluster, host and
// a random suffix (two replicas of one cluster differ).
func (p *Postgres) Instance() string { return p.instance }

func newInstance(cluster string) string {
	host, _ := os.Hostname()
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return cluster + "/" + host + "-" + hex.EncodeToString(b)
}

// ClaimDigestRun claims the digest run of channel scheduled at due for
// lease; true when this process holds it (see digest.RunClaimer).
func (p *Postgres) ClaimDigestRun(ctx context.Context, channel string, due time.Time, lease time.Duration) (bool, error) {
	if err := p.fb.fastFail(); err != nil {
		return false, fmt.Errorf("claim digest run: %w", err)
	}
	now := p.opts.Now()
	var won bool
	err := p.pool.QueryRow(ctx, `
INSERT INTO digest_claims (channel, due, holder, lease_until, cluster_name) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (channel, due) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, cluster_name = EXCLUDED.cluster_name
WHERE digest_claims.holder = EXCLUDED.holder OR digest_claims.lease_until <= $6
RETURNING true`, channel, due, p.instance, now.Add(lease), p.cluster, now).Scan(&won)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("claim digest run of %s: %w", channel, p.fb.check(err))
	}
	return true, nil
}

// ClusterInfo is what the fleet knows of one of its clusters.
type ClusterInfo struct {
	Name string
	// SeenAt is the last heartbeat of the bot leading it; Instance that
	// bot; Version its version.
	SeenAt   time.Time
	Instance string
	Version  string
}

// Heartbeat records that this process leads its cluster, now.
func (p *Postgres) Heartbeat(ctx context.Context, version string) error {
	_, err := p.pool.Exec(ctx, `
INSERT INTO clusters (cluster_name, seen_at, instance, version) VALUES ($1, $2, $3, $4)
ON CONFLICT (cluster_name) DO UPDATE SET seen_at = EXCLUDED.seen_at, instance = EXCLUDED.instance, version = EXCLUDED.version`,
		p.cluster, p.opts.Now(), p.instance, version)
	if err != nil {
		return fmt.Errorf("heartbeat: %w", p.fb.check(err))
	}
	return nil
}

// Clusters lists the clusters of the fleet, by name.
func (p *Postgres) Clusters(ctx context.Context) ([]ClusterInfo, error) {
	if err := p.fb.fastFail(); err != nil {
		return nil, fmt.Errorf("list clusters: %w", err)
	}
	rows, err := p.pool.Query(ctx, `SELECT cluster_name, seen_at, instance, version FROM clusters ORDER BY cluster_name`)
	if err != nil {
		return nil, fmt.Errorf("list clusters: %w", p.fb.check(err))
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (ClusterInfo, error) {
		var c ClusterInfo
		err := r.Scan(&c.Name, &c.SeenAt, &c.Instance, &c.Version)
		c.SeenAt = c.SeenAt.UTC()
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("list clusters: %w", p.fb.check(err))
	}
	return out, nil
}

// Ask records a request (JSON) for the bot of target, valid for ttl, and
// wakes that bot; it returns the request's ID.
func (p *Postgres) Ask(ctx context.Context, target string, request []byte, ttl time.Duration) (int64, error) {
	if err := p.fb.fastFail(); err != nil {
		return 0, fmt.Errorf("ask %s: %w", target, err)
	}
	now := p.opts.Now()
	var id int64
	err := p.pool.QueryRow(ctx, `
WITH r AS (
	INSERT INTO fleet_requests (target_cluster, cluster_name, request, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)
	RETURNING id
)
SELECT id FROM r, pg_notify($6, $1)`, target, p.cluster, request, now, now.Add(ttl), NotifyRequests).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("ask %s: %w", target, p.fb.check(err))
	}
	return id, nil
}

// Reply returns the answer to request id; ok is false while there is none.
func (p *Postgres) Reply(ctx context.Context, id int64) (reply []byte, ok bool, err error) {
	if err := p.fb.fastFail(); err != nil {
		return nil, false, fmt.Errorf("read reply %d: %w", id, err)
	}
	err = p.pool.QueryRow(ctx, `SELECT reply FROM fleet_requests WHERE id = $1 AND reply IS NOT NULL`, id).Scan(&reply)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read reply %d: %w", id, p.fb.check(err))
	}
	return reply, true, nil
}

// NextRequest takes the oldest unanswered, unexpired request for this
// cluster that no bot is working on (or one whose bot took it more than
// stale ago and never answered: it died). ok is false when there is none.
// Two replicas never take the same request at once (SKIP LOCKED).
func (p *Postgres) NextRequest(ctx context.Context, stale time.Duration) (id int64, request []byte, ok bool, err error) {
	if err := p.fb.fastFail(); err != nil {
		return 0, nil, false, err
	}
	now := p.opts.Now()
	err = p.pool.QueryRow(ctx, `
UPDATE fleet_requests SET picked_by = $2, picked_at = $3
WHERE id = (
	SELECT id FROM fleet_requests
	WHERE target_cluster = $1 AND reply IS NULL AND expires_at > $3 AND (picked_at IS NULL OR picked_at < $4)
	ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
RETURNING id, request`, p.cluster, p.instance, now, now.Add(-stale)).Scan(&id, &request)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil, false, nil
	}
	if err != nil {
		return 0, nil, false, fmt.Errorf("take a request: %w", p.fb.check(err))
	}
	return id, request, true, nil
}

// Answer records the reply (JSON) to request id and wakes the bot that asked.
func (p *Postgres) Answer(ctx context.Context, id int64, reply []byte) error {
	_, err := p.pool.Exec(ctx, `
WITH u AS (UPDATE fleet_requests SET reply = $2, answered_at = $3 WHERE id = $1 RETURNING id)
SELECT pg_notify($4, id::text) FROM u`, id, reply, p.opts.Now(), NotifyReplies)
	if err != nil {
		return fmt.Errorf("answer request %d: %w", id, p.fb.check(err))
	}
	return nil
}

// Listen calls handle with each notification on channels until ctx ends,
// on a connection of its own (reconnected with backoff when lost). After
// each (re)connection it calls handle("", "") so the caller looks at the
// tables for what it missed meanwhile.
func (p *Postgres) Listen(ctx context.Context, handle func(channel, payload string), channels ...string) error {
	if p.listenConfig == nil {
		p.log.Info("store.postgres.max_connections is 1: no connection left to listen for the fleet's notifications; polling only")
		<-ctx.Done()
		return nil
	}
	wait := 250 * time.Millisecond
	for ctx.Err() == nil {
		connected, err := p.listenOnce(ctx, handle, channels)
		if ctx.Err() != nil {
			return nil
		}
		if connected {
			wait = 250 * time.Millisecond
		}
		p.log.Debug("notification listener lost its connection; reconnecting", "in", wait, "err", err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil
		}
		wait = min(2*wait, 5*time.Second)
	}
	return nil
}

// listenOnce listens on one connection until it fails; connected says
// whether it got as far as listening.
func (p *Postgres) listenOnce(ctx context.Context, handle func(channel, payload string), channels []string) (connected bool, err error) {
	conn, err := pgx.ConnectConfig(ctx, p.listenConfig)
	if err != nil {
		return false, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	for _, ch := range channels {
		if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{ch}.Sanitize()); err != nil {
			return false, err
		}
	}
	handle("", "")
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true, err
		}
		handle(n.Channel, n.Payload)
	}
}
