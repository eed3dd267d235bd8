package metrics

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// A bot of a fleet says whether it has the database and what waits for
// it; a bot with another store says nothing of it.
func TestFleetMetrics(t *testing.T) {
	m := New()
	names := []string{"crashloop_bot_store_database_up", "crashloop_bot_store_queued_writes", "crashloop_bot_fleet_offline", "crashloop_bot_fleet_backlog", "crashloop_bot_fleet_founded_alone_total"}
	if n, err := testutil.GatherAndCount(m.Registry(), names...); err != nil || n != 0 {
		t.Fatalf("%d fleet metrics without a fleet (%v)", n, err)
	}
	m.WatchStore(func() StoreStats { return StoreStats{DatabaseUp: false, QueuedWrites: 7, Outages: 1} })
	m.WatchFleet(func() FleetStats { return FleetStats{Offline: true, Backlog: 3, FoundedAlone: 2} })
	want := `
# HELP crashloop_bot_fleet_backlog Notifications of this cluster's incidents waiting to be recorded for the fleet.
# TYPE crashloop_bot_fleet_backlog gauge
crashloop_bot_fleet_backlog 3
# HELP crashloop_bot_fleet_founded_alone_total Crash loops announced without the fleet while the database was away.
# TYPE crashloop_bot_fleet_founded_alone_total counter
crashloop_bot_fleet_founded_alone_total 2
# HELP crashloop_bot_fleet_offline 1 while the leader records nothing for the fleet (database away) and tells its cluster's news alone.
# TYPE crashloop_bot_fleet_offline gauge
crashloop_bot_fleet_offline 1
# HELP crashloop_bot_store_database_up 1 while the shared PostgreSQL database answers, 0 while the bot alerts alone (store.backend postgres).
# TYPE crashloop_bot_store_database_up gauge
crashloop_bot_store_database_up 0
# HELP crashloop_bot_store_queued_writes Writes kept locally until the database is back.
# TYPE crashloop_bot_store_queued_writes gauge
crashloop_bot_store_queued_writes 7
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), names...); err != nil {
		t.Fatal(err)
	}
	m.WatchFleet(nil) // no longer leading
	if n, _ := testutil.GatherAndCount(m.Registry(), "crashloop_bot_fleet_offline"); n != 0 {
		t.Fatal("a replica that does not lead reports fleet figures")
	}
}
