package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// migration is one step of the schema. Steps are applied in order, each
// once, and never change once released: a new need is a new step. Steps
// only add (tables, columns, indexes), so a bot of an older version keeps
// working on a schema a newer bot of the fleet migrated.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the schema's history.
var migrations = []migration{
	{1, "incidents, silences, digest runs, replay claims, message references", `
CREATE TABLE incidents (
	cluster_name text NOT NULL,
	id text NOT NULL,
	namespace text NOT NULL,
	kind text NOT NULL,
	name text NOT NULL,
	container text NOT NULL,
	state text NOT NULL,
	storm_id text,
	opened_at timestamptz NOT NULL,
	resolved_at timestamptz,
	body jsonb NOT NULL,
	PRIMARY KEY (cluster_name, id)
);
CREATE INDEX incidents_active ON incidents (cluster_name) WHERE state <> 'resolved';
CREATE INDEX incidents_resolved_at ON incidents (resolved_at) WHERE state = 'resolved';

CREATE TABLE silences (
	cluster_name text NOT NULL,
	namespace text NOT NULL,
	kind text NOT NULL,
	name text NOT NULL,
	container text NOT NULL,
	until timestamptz NOT NULL,
	by_whom text NOT NULL,
	created_at timestamptz NOT NULL,
	written_by text NOT NULL,
	PRIMARY KEY (cluster_name, namespace, kind, name, container)
);

CREATE TABLE digest_runs (
	channel text PRIMARY KEY,
	last_at timestamptz NOT NULL,
	cluster_name text NOT NULL
);

CREATE TABLE replay_claims (
	token text PRIMARY KEY,
	until timestamptz NOT NULL,
	cluster_name text NOT NULL
);

-- scope is the subject's cluster, or '' for a subject of the whole fleet;
-- cluster_name is the bot that wrote the reference.
CREATE TABLE message_refs (
	scope text NOT NULL,
	subject text NOT NULL,
	channel text NOT NULL,
	ts text NOT NULL,
	posted_at timestamptz NOT NULL,
	cluster_name text NOT NULL,
	PRIMARY KEY (scope, subject)
);
`},
	{2, "fleet: clusters, digest run claims, requests for another cluster", `
-- One row per cluster of the fleet, written by the bot leading it.
CREATE TABLE clusters (
	cluster_name text PRIMARY KEY,
	seen_at timestamptz NOT NULL,
	instance text NOT NULL,
	version text NOT NULL
);

-- Which bot sends a scheduled digest run: the holder of its claim.
CREATE TABLE digest_claims (
	channel text NOT NULL,
	due timestamptz NOT NULL,
	holder text NOT NULL,
	lease_until timestamptz NOT NULL,
	cluster_name text NOT NULL,
	PRIMARY KEY (channel, due)
);

-- A command for another cluster (logs, describe, probe): written by the
-- bot Slack asked, picked up and answered by the leader of target_cluster.
CREATE TABLE fleet_requests (
	id bigserial PRIMARY KEY,
	target_cluster text NOT NULL,
	cluster_name text NOT NULL,
	request jsonb NOT NULL,
	created_at timestamptz NOT NULL,
	expires_at timestamptz NOT NULL,
	picked_by text,
	picked_at timestamptz,
	reply jsonb,
	answered_at timestamptz
);
CREATE INDEX fleet_requests_waiting ON fleet_requests (target_cluster, id) WHERE reply IS NULL;
`},
	{3, "fleet incidents: one message for a cause crash-looping in several clusters", `
-- One message per cause across the fleet. id is the message's subject,
-- fleet/<founding cluster>/<its incident ID>; owner_cluster's leading bot
-- posts and updates it; version counts changes, told_version what the
-- owner has handed to its Slack sink.
CREATE TABLE fleet_incidents (
	id text PRIMARY KEY,
	workload_key text NOT NULL,
	image_key text,
	category text NOT NULL,
	channel text NOT NULL,
	owner_cluster text NOT NULL,
	state text NOT NULL,
	clusters_ever int NOT NULL,
	opened_at timestamptz NOT NULL,
	resolved_at timestamptz,
	version bigint NOT NULL,
	told_version bigint NOT NULL DEFAULT 0,
	cluster_name text NOT NULL
);
-- At most one open fleet incident per workload and category.
CREATE UNIQUE INDEX fleet_incidents_open_workload ON fleet_incidents (workload_key) WHERE state = 'open';
CREATE INDEX fleet_incidents_open_image ON fleet_incidents (image_key) WHERE state = 'open' AND image_key IS NOT NULL;
CREATE INDEX fleet_incidents_owner ON fleet_incidents (owner_cluster, told_version, version);

-- Each cluster's incident in a fleet incident, as last notified.
CREATE TABLE fleet_members (
	fleet_id text NOT NULL REFERENCES fleet_incidents (id) ON DELETE CASCADE,
	cluster_name text NOT NULL,
	incident_id text NOT NULL,
	state text NOT NULL,
	joined_at timestamptz NOT NULL,
	detailed boolean NOT NULL DEFAULT false,
	body jsonb NOT NULL,
	PRIMARY KEY (cluster_name, incident_id)
);
CREATE INDEX fleet_members_fleet ON fleet_members (fleet_id);

-- What each cluster's bot decided to tell about its incident, for the
-- owner to tell in the fleet message's thread.
CREATE TABLE fleet_events (
	seq bigserial PRIMARY KEY,
	fleet_id text NOT NULL REFERENCES fleet_incidents (id) ON DELETE CASCADE,
	cluster_name text NOT NULL,
	incident_id text NOT NULL,
	reason text NOT NULL,
	notes jsonb NOT NULL,
	at timestamptz NOT NULL,
	told_by text
);
CREATE INDEX fleet_events_untold ON fleet_events (fleet_id, seq) WHERE told_by IS NULL;
`},
}

// SchemaVersion is the newest schema this version of the bot knows.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// Start waits for the database (retrying while it cannot be reached, with
// a log line each time) and brings its schema up to date. Several bots
// may start at once: an advisory lock lets one migrate while the others
// wait, then find nothing left to do.
func (p *Postgres) Start(ctx context.Context) error {
	wait := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := p.migrate(ctx)
		if err == nil || !isConnError(err) {
			return err
		}
		p.log.Warn("cannot reach the database yet; retrying", "attempt", attempt, "in", wait, "err", err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return fmt.Errorf("waiting for the database: %w (last: %w)", ctx.Err(), err)
		}
		wait = min(2*wait, 15*time.Second)
	}
}

// migrate applies the missing migrations in one transaction.
func (p *Postgres) migrate(ctx context.Context) error {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	// Per schema, so that two fleets in one database do not wait on each other.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('crashloop-bot migrate ' || $1))`, p.opts.Schema); err != nil {
		return fmt.Errorf("lock the schema for migration: %w", err)
	}
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, p.opts.Schema).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		// Checked first: CREATE SCHEMA needs the CREATE privilege on the
		// database even when the schema exists.
		if _, err := tx.Exec(ctx, `CREATE SCHEMA `+pgx.Identifier{p.opts.Schema}.Sanitize()); err != nil {
			return fmt.Errorf("create schema %s (the database user needs CREATE on the database, or create the schema for it): %w", p.opts.Schema, err)
		}
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version int PRIMARY KEY,
	name text NOT NULL,
	applied_at timestamptz NOT NULL,
	cluster_name text NOT NULL
)`); err != nil {
		return fmt.Errorf("create schema_migrations in %s: %w", p.opts.Schema, err)
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}
	applied := 0
	for _, m := range migrations {
		if m.version <= current {
			continue
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at, cluster_name) VALUES ($1, $2, $3, $4)`,
			m.version, m.name, time.Now(), p.cluster); err != nil {
			return err
		}
		applied++
		p.log.Info("database schema migrated", "schema", p.opts.Schema, "version", m.version, "migration", m.name)
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	switch {
	case current > SchemaVersion():
		p.log.Warn("the database schema is newer than this bot knows: another bot of the fleet runs a newer version; upgrade this one",
			"schema_version", current, "known", SchemaVersion())
	case applied == 0:
		p.log.Debug("database schema up to date", "schema", p.opts.Schema, "version", current)
	}
	return nil
}
