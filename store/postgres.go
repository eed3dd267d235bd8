package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// FleetSubjectPrefix starts the message subjects that belong to the whole
// fleet rather than to one cluster (a cross-cluster incident's message).
// Other subjects (incident and storm IDs) are unique only within a cluster,
// so the Postgres backend keeps them per cluster.
const FleetSubjectPrefix = "fleet/"

// PostgresOptions configure the Postgres backend.
type PostgresOptions struct {
	Options
	// DSN is the connection string (postgres://user:password@host/db or
	// key=value pairs); it is a secret and never logged.
	DSN string
	// Cluster is this bot's cluster_name: every record it writes carries
	// it, and Active and History return this cluster's incidents only.
	Cluster string
	// Schema holds the bot's tables; created when missing. Default
	// DefaultPostgresSchema.
	Schema string
	// MaxConns bounds the connections this bot opens; default 4. One of
	// them (when there are at least 2) is Listen's.
	MaxConns int
	// Logger receives migrations and losses of the database; default
	// slog.Default().
	Logger *slog.Logger
}

// DefaultPostgresSchema is the schema of the bot's tables.
const DefaultPostgresSchema = "crashloop_bot"

// Postgres keeps the state of a fleet of bots, one per cluster, in one
// PostgreSQL database: incidents and message references per cluster (every
// row carries its cluster_name), silences, digest runs and replay claims
// shared by the fleet. The schema is created and migrated by the bots
// themselves (versioned migrations behind an advisory lock, so several
// bots may start at once). It uses a small pool (MaxConns) per bot.
//
// Writes made while the database cannot be reached are kept in a local
// queue and replayed in order when it is back (see postgres_fallback.go),
// so a bot that loses the database goes on alerting for its own cluster.
type Postgres struct {
	pool    *pgxpool.Pool
	opts    PostgresOptions
	log     *slog.Logger
	cluster string

	mu              sync.Mutex // guards lastPruned, lastReplayPrune
	lastPruned      time.Time
	lastReplayPrune time.Time

	fb *fallback

	// instance is this process's identity (Instance); listenConfig the
	// connection settings of Listen's own connection, nil when MaxConns
	// leaves none for it (then consumers poll).
	instance     string
	listenConfig *pgx.ConnConfig
}

// NewPostgres returns the Postgres backend; it does no I/O (connections are
// opened on first use). Call Migrate before using it.
func NewPostgres(opts PostgresOptions) (*Postgres, error) {
	opts.Options = opts.Options.withDefaults()
	if opts.Cluster == "" {
		return nil, errors.New("postgres store: no cluster name")
	}
	if opts.Schema == "" {
		opts.Schema = DefaultPostgresSchema
	}
	if opts.MaxConns <= 0 {
		opts.MaxConns = 4
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	cfg, err := pgxpool.ParseConfig(opts.DSN)
	if err != nil {
		// pgx's parse errors quote the DSN, password included: say only
		// what is wrong with it.
		if inner := errors.Unwrap(err); inner != nil {
			return nil, fmt.Errorf("postgres DSN: %w", inner)
		}
		return nil, errors.New("postgres DSN: does not parse")
	}
	cfg.MaxConns = int32(opts.MaxConns)
	var listen *pgx.ConnConfig
	if opts.MaxConns >= 2 {
		cfg.MaxConns-- // one is Listen's
		listen = cfg.ConnConfig.Copy()
	}
	cfg.MinConns = 0
	cfg.MaxConnIdleTime = 5 * time.Minute
	cfg.HealthCheckPeriod = 30 * time.Second
	cfg.ConnConfig.RuntimeParams["search_path"] = opts.Schema
	cfg.ConnConfig.RuntimeParams["application_name"] = "crashloop-bot/" + opts.Cluster
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	if listen != nil {
		listen.RuntimeParams["application_name"] = cfg.ConnConfig.RuntimeParams["application_name"]
		listen.ConnectTimeout = cfg.ConnConfig.ConnectTimeout
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres pool: %w", err)
	}
	p := &Postgres{pool: pool, opts: opts, log: opts.Logger.With("component", "store", "backend", "postgres"), cluster: opts.Cluster,
		instance: newInstance(opts.Cluster), listenConfig: listen}
	p.fb = newFallback(p)
	return p, nil
}

// Cluster is the cluster name this bot writes as.
func (p *Postgres) Cluster() string { return p.cluster }

// Close waits a few seconds for writes queued during an outage to reach
// the database, then closes the pool.
func (p *Postgres) Close() error {
	p.fb.close(5 * time.Second)
	p.pool.Close()
	return nil
}

// PostgresStats are the pool's figures, for metrics and the fleet benchmark.
type PostgresStats struct {
	// Conns is the number of open connections, Idle of them idle.
	Conns, Idle int32
	// Acquires counts connections taken from the pool.
	Acquires int64
}

// Stats returns the pool's figures.
func (p *Postgres) Stats() PostgresStats {
	s := p.pool.Stat()
	return PostgresStats{Conns: s.TotalConns(), Idle: s.IdleConns(), Acquires: s.AcquireCount()}
}

// Active returns this cluster's unresolved incidents, oldest first.
func (p *Postgres) Active(ctx context.Context) ([]incident.Incident, error) {
	incs, err := p.queryIncidents(ctx, `SELECT body FROM incidents WHERE cluster_name = $1 AND state <> 'resolved'`, p.cluster)
	if err != nil {
		return nil, fmt.Errorf("read active incidents: %w", err)
	}
	return incs, nil
}

// History returns this cluster's incidents not resolved before since,
// oldest first.
func (p *Postgres) History(ctx context.Context, since time.Time) ([]incident.Incident, error) {
	incs, err := p.queryIncidents(ctx, `SELECT body FROM incidents WHERE cluster_name = $1 AND (state <> 'resolved' OR resolved_at >= $2)`, p.cluster, since)
	if err != nil {
		return nil, fmt.Errorf("read incidents: %w", err)
	}
	return incs, nil
}

// FleetActive returns the unresolved incidents of every cluster of the
// fleet, oldest first.
func (p *Postgres) FleetActive(ctx context.Context) ([]incident.Incident, error) {
	incs, err := p.queryIncidents(ctx, `SELECT body FROM incidents WHERE state <> 'resolved'`)
	if err != nil {
		return nil, fmt.Errorf("read the fleet's active incidents: %w", err)
	}
	return incs, nil
}

// FleetHistory returns the incidents of every cluster not resolved before
// since, oldest first.
func (p *Postgres) FleetHistory(ctx context.Context, since time.Time) ([]incident.Incident, error) {
	incs, err := p.queryIncidents(ctx, `SELECT body FROM incidents WHERE state <> 'resolved' OR resolved_at >= $1`, since)
	if err != nil {
		return nil, fmt.Errorf("read the fleet's incidents: %w", err)
	}
	return incs, nil
}

func (p *Postgres) queryIncidents(ctx context.Context, sql string, args ...any) ([]incident.Incident, error) {
	if err := p.fb.fastFail(); err != nil {
		return nil, err
	}
	rows, err := p.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, p.fb.check(err)
	}
	defer rows.Close()
	var out []incident.Incident
	for rows.Next() {
		var body []byte
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		var inc incident.Incident
		if err := json.Unmarshal(body, &inc); err != nil {
			// A record a newer version wrote in a shape this one cannot
			// read is skipped, not fatal: the fleet upgrades one bot at a time.
			p.log.Warn("skipping an incident record this version cannot read", "err", err)
			continue
		}
		out = append(out, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, p.fb.check(err)
	}
	sortIncidents(out)
	return out, nil
}

// Save creates or replaces an incident of this cluster; at most every hour
// it also prunes what retention lets go.
func (p *Postgres) Save(ctx context.Context, inc incident.Incident) error {
	body, err := json.Marshal(inc)
	if err != nil {
		return fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	return p.fb.write(ctx, writeOp{kind: "incident", key: inc.ID}, func(ctx context.Context) error {
		return p.saveIncident(ctx, inc, body)
	})
}

func (p *Postgres) saveIncident(ctx context.Context, inc incident.Incident, body []byte) error {
	var storm *string
	if inc.Storm != nil {
		storm = &inc.Storm.ID
	}
	var resolved *time.Time
	if inc.State == incident.Resolved {
		resolved = &inc.ResolvedAt
	}
	_, err := p.pool.Exec(ctx, `
INSERT INTO incidents (cluster_name, id, namespace, kind, name, container, state, storm_id, opened_at, resolved_at, body)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (cluster_name, id) DO UPDATE SET state = EXCLUDED.state, storm_id = EXCLUDED.storm_id,
	resolved_at = EXCLUDED.resolved_at, body = EXCLUDED.body`,
		p.cluster, inc.ID, inc.Key.Namespace, inc.Key.Kind, inc.Key.Name, inc.Key.Container,
		string(inc.State), storm, inc.OpenedAt, resolved, body)
	if err != nil {
		return fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	now := p.opts.Now()
	p.mu.Lock()
	due := now.Sub(p.lastPruned) >= pruneEvery
	p.mu.Unlock()
	if due {
		if err := p.prune(ctx, now); err != nil {
			return fmt.Errorf("incident %s saved, but: %w", inc.ID, err)
		}
	}
	return nil
}

// prune deletes this cluster's resolved incidents past retention, expired
// silences, and message references of subjects gone past retention.
func (p *Postgres) prune(ctx context.Context, now time.Time) error {
	batch := &pgx.Batch{}
	batch.Queue(`DELETE FROM silences WHERE until <= $1`, now)
	if r := p.opts.Retention; r > 0 {
		cutoff := now.Add(-r)
		batch.Queue(`DELETE FROM incidents WHERE cluster_name = $1 AND state = 'resolved' AND resolved_at < $2`, p.cluster, cutoff)
		// A reference stays while its subject (an incident or its storm)
		// is active, and for retention after it was posted.
		batch.Queue(`
DELETE FROM message_refs m WHERE m.scope = $1 AND m.posted_at < $2
AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.cluster_name = $1 AND i.state <> 'resolved' AND (i.id = m.subject OR i.storm_id = m.subject))`,
			p.cluster, cutoff)
	}
	if r := p.opts.Retention; r > 0 {
		// Fleet incidents resolved past retention, with their members and
		// events; any bot may prune them.
		batch.Queue(`DELETE FROM fleet_incidents WHERE state = 'resolved' AND resolved_at < $1`, now.Add(-r))
		batch.Queue(`
DELETE FROM message_refs m WHERE m.scope = '' AND m.posted_at < $1
AND NOT EXISTS (SELECT 1 FROM fleet_incidents f WHERE f.id = m.subject)`, now.Add(-r))
	}
	// Told events of a fleet incident open for long only take room.
	batch.Queue(`DELETE FROM fleet_events WHERE told_by IS NOT NULL AND at < $1`, now.Add(-24*time.Hour))
	// Requests and digest claims only matter for minutes.
	batch.Queue(`DELETE FROM fleet_requests WHERE expires_at < $1`, now.Add(-time.Hour))
	batch.Queue(`DELETE FROM digest_claims WHERE lease_until < $1`, now.Add(-7*24*time.Hour))
	if err := p.pool.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("prune store: %w", err)
	}
	p.mu.Lock()
	p.lastPruned = now
	p.mu.Unlock()
	return nil
}

// PutSilence creates or replaces the silence of s.Key (silences are shared
// by the fleet; the key names its cluster).
func (p *Postgres) PutSilence(ctx context.Context, s Silence) error {
	return p.fb.write(ctx, writeOp{kind: "silence", key: silenceID(s.Key)}, func(ctx context.Context) error {
		k := s.Key
		_, err := p.pool.Exec(ctx, `
INSERT INTO silences (cluster_name, namespace, kind, name, container, until, by_whom, created_at, written_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (cluster_name, namespace, kind, name, container) DO UPDATE SET
	until = EXCLUDED.until, by_whom = EXCLUDED.by_whom, created_at = EXCLUDED.created_at, written_by = EXCLUDED.written_by`,
			k.Cluster, k.Namespace, k.Kind, k.Name, k.Container, s.Until, s.By, s.CreatedAt, p.cluster)
		if err != nil {
			return fmt.Errorf("save silence of %s: %w", s.Key, err)
		}
		return nil
	})
}

// DeleteSilence removes the silence of key.
func (p *Postgres) DeleteSilence(ctx context.Context, key incident.Key) error {
	return p.fb.write(ctx, writeOp{kind: "silence", key: silenceID(key)}, func(ctx context.Context) error {
		_, err := p.pool.Exec(ctx, `DELETE FROM silences WHERE cluster_name = $1 AND namespace = $2 AND kind = $3 AND name = $4 AND container = $5`,
			key.Cluster, key.Namespace, key.Kind, key.Name, key.Container)
		if err != nil {
			return fmt.Errorf("delete silence of %s: %w", key, err)
		}
		return nil
	})
}

// Silences returns the unexpired silences of every cluster, ordered by key.
func (p *Postgres) Silences(ctx context.Context) ([]Silence, error) {
	if err := p.fb.fastFail(); err != nil {
		return nil, fmt.Errorf("read silences: %w", err)
	}
	rows, err := p.pool.Query(ctx, `
SELECT cluster_name, namespace, kind, name, container, until, by_whom, created_at FROM silences WHERE until > $1`, p.opts.Now())
	if err != nil {
		return nil, fmt.Errorf("read silences: %w", p.fb.check(err))
	}
	defer rows.Close()
	var out []Silence
	for rows.Next() {
		var s Silence
		k := &s.Key
		if err := rows.Scan(&k.Cluster, &k.Namespace, &k.Kind, &k.Name, &k.Container, &s.Until, &s.By, &s.CreatedAt); err != nil {
			return nil, fmt.Errorf("read silences: %w", err)
		}
		s.Until, s.CreatedAt = s.Until.UTC(), s.CreatedAt.UTC()
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read silences: %w", p.fb.check(err))
	}
	sortSilences(out)
	return out, nil
}

// LastDigest returns when channel last received a digest from any bot of
// the fleet.
func (p *Postgres) LastDigest(ctx context.Context, channel string) (time.Time, error) {
	if err := p.fb.fastFail(); err != nil {
		return time.Time{}, fmt.Errorf("read digest run of %s: %w", channel, err)
	}
	var at time.Time
	err := p.pool.QueryRow(ctx, `SELECT last_at FROM digest_runs WHERE channel = $1`, channel).Scan(&at)
	if errors.Is(err, pgx.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("read digest run of %s: %w", channel, p.fb.check(err))
	}
	return at.UTC(), nil
}

// RecordDigest records a digest sent to channel at at, unless a later one
// is recorded.
func (p *Postgres) RecordDigest(ctx context.Context, channel string, at time.Time) error {
	return p.fb.write(ctx, writeOp{kind: "digest", key: channel}, func(ctx context.Context) error {
		_, err := p.pool.Exec(ctx, `
INSERT INTO digest_runs (channel, last_at, cluster_name) VALUES ($1, $2, $3)
ON CONFLICT (channel) DO UPDATE SET last_at = EXCLUDED.last_at, cluster_name = EXCLUDED.cluster_name
WHERE digest_runs.last_at < EXCLUDED.last_at`, channel, at, p.cluster)
		if err != nil {
			return fmt.Errorf("record digest run of %s: %w", channel, err)
		}
		return nil
	})
}

// Claim records a one-time token until until; see Store. Claims are shared
// by the fleet: one Slack app serves every cluster's bot.
func (p *Postgres) Claim(ctx context.Context, token string, until time.Time) (bool, error) {
	if err := p.fb.fastFail(); err != nil {
		// Fail closed: a request that cannot be checked is not answered.
		return false, fmt.Errorf("claim replay token: %w", err)
	}
	now := p.opts.Now()
	var won bool
	err := p.pool.QueryRow(ctx, `
INSERT INTO replay_claims (token, until, cluster_name) VALUES ($1, $2, $3)
ON CONFLICT (token) DO UPDATE SET until = EXCLUDED.until, cluster_name = EXCLUDED.cluster_name
WHERE replay_claims.until <= $4
RETURNING true`, hash(token), until, p.cluster, now).Scan(&won)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil // an unexpired claim exists
	}
	if err != nil {
		return false, fmt.Errorf("claim replay token: %w", p.fb.check(err))
	}
	p.mu.Lock()
	due := now.Sub(p.lastReplayPrune) >= replayPruneEvery
	if due {
		p.lastReplayPrune = now
	}
	p.mu.Unlock()
	if due {
		// Expired claims only take room; a failed sweep is left to the next.
		_, _ = p.pool.Exec(ctx, `DELETE FROM replay_claims WHERE until <= $1`, now)
	}
	return true, nil
}

// messageScope is the scope of a subject's reference: the fleet's ("")
// for fleet subjects, else this cluster's.
func (p *Postgres) messageScope(subject string) string {
	if isFleetSubject(subject) {
		return ""
	}
	return p.cluster
}

// SaveMessageRef records where the message about ref.Subject is.
func (p *Postgres) SaveMessageRef(ctx context.Context, ref MessageRef) error {
	return p.fb.write(ctx, writeOp{kind: "message", key: ref.Subject, ref: &ref}, func(ctx context.Context) error {
		err := pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, `
INSERT INTO message_refs (scope, subject, channel, ts, posted_at, cluster_name) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (scope, subject) DO UPDATE SET channel = EXCLUDED.channel, ts = EXCLUDED.ts,
	posted_at = EXCLUDED.posted_at, cluster_name = EXCLUDED.cluster_name`,
				p.messageScope(ref.Subject), ref.Subject, ref.Channel, ref.TS, ref.PostedAt, p.cluster)
			if err != nil || !isFleetSubject(ref.Subject) {
				return err
			}
			return aliasFleetMessage(ctx, tx, ref, p.cluster)
		})
		if err != nil {
			return fmt.Errorf("save message of %s: %w", ref.Subject, err)
		}
		return nil
	})
}

// MessageRef returns where the message about subject is; ok is false when
// none was recorded. While the database cannot be reached, the references
// this process wrote are answered from memory (the others fail with
// ErrUnavailable).
func (p *Postgres) MessageRef(ctx context.Context, subject string) (MessageRef, bool, error) {
	return p.messageRef(ctx, p.messageScope(subject), subject)
}

// MessageRefIn returns where the message about subject of cluster is: an
// incident of another cluster of the fleet (for links in a fleet digest).
func (p *Postgres) MessageRefIn(ctx context.Context, cluster, subject string) (MessageRef, bool, error) {
	scope := p.messageScope(subject)
	if scope != "" {
		scope = cluster
	}
	return p.messageRef(ctx, scope, subject)
}

func (p *Postgres) messageRef(ctx context.Context, scope, subject string) (MessageRef, bool, error) {
	err := p.fb.fastFail()
	if err == nil {
		r := MessageRef{Subject: subject}
		err = p.pool.QueryRow(ctx, `SELECT channel, ts, posted_at FROM message_refs WHERE scope = $1 AND subject = $2`,
			scope, subject).Scan(&r.Channel, &r.TS, &r.PostedAt)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return MessageRef{}, false, nil
		case err == nil:
			r.PostedAt = r.PostedAt.UTC()
			return r, true, nil
		}
		err = p.fb.check(err)
	}
	if errors.Is(err, ErrUnavailable) && scope == p.messageScope(subject) {
		if r, ok := p.fb.messageRef(subject); ok {
			return r, true, nil
		}
	}
	return MessageRef{}, false, fmt.Errorf("read message of %s: %w", subject, err)
}

// isConnError tells whether err means the database could not be reached
// (as opposed to a query it refused): such writes are queued locally.
func isConnError(err error) bool {
	if err == nil {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// Class 08: connection exception; 57P01-03: the server is shutting
		// down or starting; 53300: too many connections.
		c := pgErr.Code
		return len(c) == 5 && (c[:2] == "08" || c == "57P01" || c == "57P02" || c == "57P03" || c == "53300")
	}
	if errors.Is(err, context.Canceled) {
		return false
	}
	// Dial errors, resets, timeouts and a closed pool are not PgErrors.
	return pgconn.SafeToRetry(err) || pgconn.Timeout(err) || isNetError(err)
}

// isNetError tells whether err is a failure to reach or talk to the server.
func isNetError(err error) bool {
	var ne net.Error
	var ce *pgconn.ConnectError
	return errors.As(err, &ne) || errors.As(err, &ce) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE)
}
