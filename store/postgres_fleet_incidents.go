package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Fleet incidents: one message for a cause crash-looping in several
// clusters. Each bot records what it decides to tell about its own
// incidents (RecordFleet); the first cluster to crash founds the fleet
// incident and owns its message; the owner tells everything (TellFleet);
// another member cluster takes ownership over when the owner's bot is gone
// (TakeOverFleet). Transactions, row locks and advisory locks make every
// step safe when all the fleet's bots do it at once. Package fleet decides
// what is told; this file only keeps the records.

// FleetIncident is one fleet incident as stored.
type FleetIncident struct {
	// ID is the message's subject: FleetSubjectPrefix + founding cluster
	// + "/" + its incident ID.
	ID string
	// WorkloadKey and ImageKey are what members share ("" ImageKey: none).
	WorkloadKey, ImageKey string
	Category              string
	Channel               string
	// Owner is the cluster whose leading bot posts and updates the message.
	Owner string
	// Resolved: every member has recovered.
	Resolved bool
	// ClustersEver counts the clusters that were ever members: from 2 on
	// it is told as a fleet incident.
	ClustersEver int
	OpenedAt     time.Time
	ResolvedAt   time.Time
	// Version counts changes; ToldVersion is what the owner has told.
	Version, ToldVersion int64
	// Founder is the cluster that founded it.
	Founder string
}

// FleetMember is one cluster's incident in a fleet incident.
type FleetMember struct {
	Cluster  string
	Incident incident.Incident
	JoinedAt time.Time
	// Detailed: its details were told in the message's thread.
	Detailed bool
}

// Resolved tells whether the member has recovered.
func (m FleetMember) Resolved() bool { return m.Incident.State == incident.Resolved }

// FleetEvent is one notification a member's bot decided on, not yet told.
type FleetEvent struct {
	Seq        int64
	Cluster    string
	IncidentID string
	Reason     incident.Reason
	Notes      []incident.Note
	At         time.Time
}

// FleetView is what the owner needs to tell a fleet incident: it, its
// members (by joining time) and the events not yet told (in order).
type FleetView struct {
	Incident FleetIncident
	Members  []FleetMember
	Events   []FleetEvent
}

// FleetRecord is one notification of this cluster's incident, for the
// fleet.
type FleetRecord struct {
	Incident incident.Incident
	Reason   incident.Reason
	Notes    []incident.Note
	// WorkloadKey and ImageKey are the keys the incident may share with
	// other clusters' ("" ImageKey: none); Category is the category they
	// share.
	WorkloadKey, ImageKey, Category string
	At                              time.Time
	// Told: this bot has told it already (as the owner, during an outage).
	Told bool
	// FoundedAs is the ID of a fleet incident this bot founded on its own
	// during an outage: it is registered under that ID.
	FoundedAs string
}

// FleetMembership says which fleet incident a record went to.
type FleetMembership struct {
	ID, Owner    string
	ClustersEver int
	// Founded: this record founded it.
	Founded bool
}

// FleetSubject is the ID a fleet incident founded by cluster's incident
// gets.
func FleetSubject(cluster, incidentID string) string {
	return FleetSubjectPrefix + cluster + "/" + incidentID
}

// RecordFleet records a notification of this cluster's incident: it joins
// the open fleet incident of its workload or image key (founding one when
// there is none), updates its member and queues the event for the owner,
// whom it wakes (NotifyFleet). Advisory locks on the keys make two bots
// recording the same new cause at once end in one fleet incident.
func (p *Postgres) RecordFleet(ctx context.Context, r FleetRecord) (FleetMembership, error) {
	if err := p.fb.fastFail(); err != nil {
		return FleetMembership{}, err
	}
	body, err := json.Marshal(r.Incident)
	if err != nil {
		return FleetMembership{}, err
	}
	notes, err := json.Marshal(r.Notes)
	if err != nil {
		return FleetMembership{}, err
	}
	var m FleetMembership
	err = pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		m = FleetMembership{}
		inc := r.Incident
		err := tx.QueryRow(ctx, `SELECT fleet_id FROM fleet_members WHERE cluster_name = $1 AND incident_id = $2`, p.cluster, inc.ID).Scan(&m.ID)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			if err := p.joinFleet(ctx, tx, r, body, &m); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			// Members of one fleet incident are recorded one at a time, so
			// that the last one to recover sees the others recovered.
			if _, err := tx.Exec(ctx, `SELECT 1 FROM fleet_incidents WHERE id = $1 FOR UPDATE`, m.ID); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE fleet_members SET state = $3, body = $4 WHERE cluster_name = $1 AND incident_id = $2`,
			p.cluster, inc.ID, string(inc.State), body); err != nil {
			return err
		}
		var toldBy *string
		if r.Told {
			toldBy = &p.instance
		}
		if _, err := tx.Exec(ctx, `
INSERT INTO fleet_events (fleet_id, cluster_name, incident_id, reason, notes, at, told_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			m.ID, p.cluster, inc.ID, string(r.Reason), notes, r.At, toldBy); err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `
WITH agg AS (
	SELECT count(DISTINCT cluster_name) AS clusters, bool_and(state = 'resolved') AS resolved
	FROM fleet_members WHERE fleet_id = $1
)
UPDATE fleet_incidents f SET version = f.version + 1, clusters_ever = agg.clusters,
	state = CASE WHEN agg.resolved THEN 'resolved' ELSE 'open' END,
	resolved_at = CASE WHEN agg.resolved THEN coalesce(f.resolved_at, $2) END,
	told_version = CASE WHEN $3 AND f.told_version = f.version THEN f.version + 1 ELSE f.told_version END
FROM agg WHERE f.id = $1
RETURNING f.owner_cluster, f.clusters_ever`,
			m.ID, r.At, r.Told).Scan(&m.Owner, &m.ClustersEver)
		if err != nil {
			return err
		}
		// Delivered when the transaction commits.
		_, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, NotifyFleet, m.ID)
		return err
	})
	if err != nil {
		return FleetMembership{}, fmt.Errorf("record %s for the fleet: %w", r.Incident.ID, p.fb.check(err))
	}
	return m, nil
}

// joinFleet makes this cluster's incident a member of the open fleet
// incident of its keys, founding one when none is open.
func (p *Postgres) joinFleet(ctx context.Context, tx pgx.Tx, r FleetRecord, body []byte, m *FleetMembership) error {
	keys := []string{r.WorkloadKey}
	if r.ImageKey != "" {
		keys = append(keys, r.ImageKey)
	}
	slices.Sort(keys) // one order for every bot: no deadlock between two keys
	for _, k := range keys {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('crashloop-bot fleet ' || $1))`, k); err != nil {
			return err
		}
	}
	if r.FoundedAs == "" {
		// One member per cluster: two workloads of one cluster sharing an
		// image are two messages there, as without a fleet.
		err := tx.QueryRow(ctx, `
SELECT id FROM fleet_incidents f WHERE state = 'open' AND (workload_key = $1 OR ($2 <> '' AND image_key = $2))
AND NOT EXISTS (SELECT 1 FROM fleet_members m WHERE m.fleet_id = f.id AND m.cluster_name = $3 AND m.state <> 'resolved')
ORDER BY opened_at, id LIMIT 1 FOR UPDATE`, r.WorkloadKey, r.ImageKey, p.cluster).Scan(&m.ID)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
	}
	if m.ID == "" {
		m.ID, m.Founded = r.FoundedAs, true
		if m.ID == "" {
			m.ID = FleetSubject(p.cluster, r.Incident.ID)
		}
		var image *string
		if r.ImageKey != "" {
			image = &r.ImageKey
		}
		// The key may be taken: by a fleet incident another cluster founded
		// while this bot had lost the database (both have a message by
		// now), or one this cluster is already a member of with another
		// incident of the same key (a resolution not recorded yet). This
		// one then stays on its own.
		wk := r.WorkloadKey
		var taken bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM fleet_incidents WHERE state = 'open' AND workload_key = $1)`, wk).Scan(&taken); err != nil {
			return err
		}
		if taken {
			wk += "#" + m.ID
			image = nil
		}
		_, err := tx.Exec(ctx, `
INSERT INTO fleet_incidents (id, workload_key, image_key, category, channel, owner_cluster, state, clusters_ever, opened_at, version, cluster_name)
VALUES ($1, $2, $3, $4, $5, $6, 'open', 1, $7, 0, $6)
ON CONFLICT (id) DO NOTHING`, m.ID, wk, image, r.Category, r.Incident.Channel, p.cluster, r.Incident.OpenedAt)
		if err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, `
INSERT INTO fleet_members (fleet_id, cluster_name, incident_id, state, joined_at, body) VALUES ($1, $2, $3, $4, $5, $6)`,
		m.ID, p.cluster, r.Incident.ID, string(r.Incident.State), r.At, body); err != nil {
		return err
	}
	// The incident's own ID leads to the fleet message too (digest links).
	_, err := tx.Exec(ctx, `
INSERT INTO message_refs (scope, subject, channel, ts, posted_at, cluster_name)
SELECT $2, $3, channel, ts, posted_at, $2 FROM message_refs WHERE scope = '' AND subject = $1
ON CONFLICT (scope, subject) DO NOTHING`, m.ID, p.cluster, r.Incident.ID)
	return err
}

// aliasFleetMessage gives every member incident of the fleet incident
// subject a reference to its message (digest links find it by incident).
func aliasFleetMessage(ctx context.Context, tx pgx.Tx, ref MessageRef, writer string) error {
	_, err := tx.Exec(ctx, `
INSERT INTO message_refs (scope, subject, channel, ts, posted_at, cluster_name)
SELECT m.cluster_name, m.incident_id, $2, $3, $4, $5 FROM fleet_members m WHERE m.fleet_id = $1
ON CONFLICT (scope, subject) DO UPDATE SET channel = EXCLUDED.channel, ts = EXCLUDED.ts, posted_at = EXCLUDED.posted_at`,
		ref.Subject, ref.Channel, ref.TS, ref.PostedAt, writer)
	return err
}

// FleetToTell lists the fleet incidents this cluster owns with changes not
// yet told, oldest first.
func (p *Postgres) FleetToTell(ctx context.Context) ([]string, error) {
	if err := p.fb.fastFail(); err != nil {
		return nil, err
	}
	rows, err := p.pool.Query(ctx, `SELECT id FROM fleet_incidents WHERE owner_cluster = $1 AND told_version < version ORDER BY opened_at, id`, p.cluster)
	if err != nil {
		return nil, p.fb.check(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, p.fb.check(err)
	}
	return ids, nil
}

// TellFleet lets decide tell fleet incident id, if this cluster owns it:
// decide gets the incident, its members and the events not yet told, and
// returns the members whose details it told. Once it returns without an
// error, the events count as told and the version as told; the incident's
// row is locked meanwhile, so two bots never tell the same change. ok is
// false when this cluster does not own it (any more).
func (p *Postgres) TellFleet(ctx context.Context, id string, decide func(FleetView) (detailed []FleetMember, err error)) (ok bool, err error) {
	if err := p.fb.fastFail(); err != nil {
		return false, err
	}
	err = pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		ok = false
		var v FleetView
		f := &v.Incident
		var state string
		var image *string
		var resolvedAt *time.Time
		err := tx.QueryRow(ctx, `
SELECT id, workload_key, image_key, category, channel, owner_cluster, state, clusters_ever, opened_at, resolved_at, version, told_version, cluster_name
FROM fleet_incidents WHERE id = $1 AND owner_cluster = $2 FOR UPDATE`, id, p.cluster).Scan(
			&f.ID, &f.WorkloadKey, &image, &f.Category, &f.Channel, &f.Owner, &state, &f.ClustersEver, &f.OpenedAt, &resolvedAt,
			&f.Version, &f.ToldVersion, &f.Founder)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		if image != nil {
			f.ImageKey = *image
		}
		f.Resolved, f.OpenedAt = state == "resolved", f.OpenedAt.UTC()
		if resolvedAt != nil {
			f.ResolvedAt = resolvedAt.UTC()
		}
		rows, err := tx.Query(ctx, `SELECT cluster_name, joined_at, detailed, body FROM fleet_members WHERE fleet_id = $1 ORDER BY joined_at, cluster_name, incident_id`, id)
		if err != nil {
			return err
		}
		v.Members, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (FleetMember, error) {
			var m FleetMember
			var body []byte
			if err := r.Scan(&m.Cluster, &m.JoinedAt, &m.Detailed, &body); err != nil {
				return m, err
			}
			m.JoinedAt = m.JoinedAt.UTC()
			return m, json.Unmarshal(body, &m.Incident)
		})
		if err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT seq, cluster_name, incident_id, reason, notes, at FROM fleet_events WHERE fleet_id = $1 AND told_by IS NULL ORDER BY seq`, id)
		if err != nil {
			return err
		}
		v.Events, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (FleetEvent, error) {
			var e FleetEvent
			var notes []byte
			if err := r.Scan(&e.Seq, &e.Cluster, &e.IncidentID, &e.Reason, &notes, &e.At); err != nil {
				return e, err
			}
			e.At = e.At.UTC()
			return e, json.Unmarshal(notes, &e.Notes)
		})
		if err != nil {
			return err
		}
		detailed, err := decide(v)
		if err != nil {
			return err
		}
		if n := len(v.Events); n > 0 {
			if _, err := tx.Exec(ctx, `UPDATE fleet_events SET told_by = $2 WHERE fleet_id = $1 AND told_by IS NULL AND seq <= $3`,
				id, p.instance, v.Events[n-1].Seq); err != nil {
				return err
			}
		}
		for _, m := range detailed {
			if _, err := tx.Exec(ctx, `UPDATE fleet_members SET detailed = true WHERE cluster_name = $1 AND incident_id = $2`, m.Cluster, m.Incident.ID); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE fleet_incidents SET told_version = $2 WHERE id = $1`, id, f.Version); err != nil {
			return err
		}
		ok = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("tell fleet incident %s: %w", id, p.fb.check(err))
	}
	return ok, nil
}

// RetellFleet marks the fleet incidents this cluster owns (open, or
// resolved within the last hour) as changed, so that a bot that just took
// the lead tells their messages as they are: the previous leader may have
// died with updates it had not delivered. Events it told stay told.
func (p *Postgres) RetellFleet(ctx context.Context) error {
	if err := p.fb.fastFail(); err != nil {
		return err
	}
	_, err := p.pool.Exec(ctx, `
UPDATE fleet_incidents SET version = version + 1
WHERE owner_cluster = $1 AND (state = 'open' OR resolved_at > $2)`, p.cluster, p.opts.Now().Add(-time.Hour))
	if err != nil {
		return fmt.Errorf("retell fleet incidents: %w", p.fb.check(err))
	}
	return nil
}

// TakeOverFleet makes this cluster the owner of the open fleet incidents
// it is a member of whose owner's bot has not been seen for stale (it
// died, or lost the database): they are told again in full by this bot.
func (p *Postgres) TakeOverFleet(ctx context.Context, stale time.Duration) ([]string, error) {
	if err := p.fb.fastFail(); err != nil {
		return nil, err
	}
	var ids []string
	err := pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `
UPDATE fleet_incidents f SET owner_cluster = $1, told_version = 0, version = f.version + 1
WHERE f.state = 'open' AND f.owner_cluster <> $1
AND EXISTS (SELECT 1 FROM fleet_members m WHERE m.fleet_id = f.id AND m.cluster_name = $1 AND m.state <> 'resolved')
AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.cluster_name = f.owner_cluster AND c.seen_at > $2)
RETURNING f.id`, p.cluster, p.opts.Now().Add(-stale))
		if err != nil {
			return err
		}
		if ids, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, NotifyFleet, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("take fleet incidents over: %w", p.fb.check(err))
	}
	return ids, nil
}

// isFleetSubject tells whether subject is a fleet incident's.
func isFleetSubject(subject string) bool { return strings.HasPrefix(subject, FleetSubjectPrefix) }
