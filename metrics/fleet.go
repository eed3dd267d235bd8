package metrics

import (
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
)

// StoreStats mirrors the Postgres store's figures (store.FallbackStats and
// its pool): whether the shared database answers, and what waits for it.
type StoreStats struct {
	DatabaseUp              bool
	QueuedWrites            int
	Outages, Replayed, Lost int64
	Connections             int
}

// FleetStats mirrors fleet.CoordinatorStats: the leader's cross-cluster
// coordination.
type FleetStats struct {
	Offline                                 bool
	Backlog                                 int
	Recorded, Told, TakenOver, FoundedAlone int64
}

// fleetCollector reports the database and fleet figures of the bots of a
// fleet; a bot with another store reports none of them.
type fleetCollector struct {
	store *atomic.Pointer[func() StoreStats]
	fleet *atomic.Pointer[func() FleetStats]
	descs map[string]*prometheus.Desc
}

func newFleetCollector(store *atomic.Pointer[func() StoreStats], fleet *atomic.Pointer[func() FleetStats]) *fleetCollector {
	c := &fleetCollector{store: store, fleet: fleet, descs: map[string]*prometheus.Desc{}}
	for name, help := range map[string]string{
		"store_database_up":            "1 while the shared PostgreSQL database answers, 0 while the bot alerts alone (store.backend postgres).",
		"store_queued_writes":          "Writes kept locally until the database is back.",
		"store_database_outages_total": "Times the bot lost the database.",
		"store_replayed_writes_total":  "Writes made during an outage and written when the database was back.",
		"store_dropped_writes_total":   "Writes made during an outage that the database refused when it was back.",
		"store_connections":            "Connections open to the database (the pool's, without the notification listener).",
		"fleet_offline":                "1 while the leader records nothing for the fleet (database away) and tells its cluster's news alone.",
		"fleet_backlog":                "Notifications of this cluster's incidents waiting to be recorded for the fleet.",
		"fleet_recorded_total":         "Notifications of this cluster's incidents recorded for the fleet.",
		"fleet_told_total":             "Notifications handed to the sink as the owner of fleet incidents.",
		"fleet_taken_over_total":       "Fleet incidents this bot took over from a bot that was gone.",
		"fleet_founded_alone_total":    "Crash loops announced without the fleet while the database was away.",
	} {
		c.descs[name] = prometheus.NewDesc(prometheus.BuildFQName(namespace, "", name), help, nil, nil)
	}
	return c
}

// Describe implements prometheus.Collector.
func (c *fleetCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *fleetCollector) Collect(ch chan<- prometheus.Metric) {
	emit := func(name string, kind prometheus.ValueType, v float64) {
		ch <- prometheus.MustNewConstMetric(c.descs[name], kind, v)
	}
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	counter, gauge := prometheus.CounterValue, prometheus.GaugeValue
	if f := c.store.Load(); f != nil {
		s := (*f)()
		emit("store_database_up", gauge, b(s.DatabaseUp))
		emit("store_queued_writes", gauge, float64(s.QueuedWrites))
		emit("store_database_outages_total", counter, float64(s.Outages))
		emit("store_replayed_writes_total", counter, float64(s.Replayed))
		emit("store_dropped_writes_total", counter, float64(s.Lost))
		emit("store_connections", gauge, float64(s.Connections))
	}
	if f := c.fleet.Load(); f != nil {
		s := (*f)()
		emit("fleet_offline", gauge, b(s.Offline))
		emit("fleet_backlog", gauge, float64(s.Backlog))
		emit("fleet_recorded_total", counter, float64(s.Recorded))
		emit("fleet_told_total", counter, float64(s.Told))
		emit("fleet_taken_over_total", counter, float64(s.TakenOver))
		emit("fleet_founded_alone_total", counter, float64(s.FoundedAlone))
	}
}

// WatchStore makes the store metrics read stats at every scrape; nil
// removes them.
func (m *Metrics) WatchStore(stats func() StoreStats) {
	if m == nil {
		return
	}
	if stats == nil {
		m.storeStats.Store(nil)
		return
	}
	m.storeStats.Store(&stats)
}

// WatchFleet makes the fleet metrics read stats at every scrape; nil
// removes them (a replica that does not lead).
func (m *Metrics) WatchFleet(stats func() FleetStats) {
	if m == nil {
		return
	}
	if stats == nil {
		m.fleetStats.Store(nil)
		return
	}
	m.fleetStats.Store(&stats)
}
