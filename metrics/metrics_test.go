package metrics_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/crashloop-bot/crashloop-bot/metrics"
)

func TestCountersStartAtZeroForEveryLabel(t *testing.T) {
	m := metrics.New()
	want := `
# HELP crashloop_bot_backoff_events_total Kubelet BackOff events received, by outcome: confirmed (a crash loop), not_confirmed (pod status disagrees), image_pull (ignored).
# TYPE crashloop_bot_backoff_events_total counter
crashloop_bot_backoff_events_total{outcome="confirmed"} 0
crashloop_bot_backoff_events_total{outcome="image_pull"} 0
crashloop_bot_backoff_events_total{outcome="not_confirmed"} 0
# HELP crashloop_bot_notifications_total Incident notifications decided, by reason: first_notification, updated, resolved.
# TYPE crashloop_bot_notifications_total counter
crashloop_bot_notifications_total{reason="first_notification"} 0
crashloop_bot_notifications_total{reason="resolved"} 0
crashloop_bot_notifications_total{reason="updated"} 0
# HELP crashloop_bot_incidents_open Crash-loop incidents announced and not yet resolved.
# TYPE crashloop_bot_incidents_open gauge
crashloop_bot_incidents_open 0
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want),
		"crashloop_bot_backoff_events_total", "crashloop_bot_notifications_total", "crashloop_bot_incidents_open"); err != nil {
		t.Fatal(err)
	}
}

func TestTypedMethods(t *testing.T) {
	m := metrics.New()
	m.EventSeen(metrics.OutcomeConfirmed)
	m.EventSeen(metrics.OutcomeConfirmed)
	m.EventSeen(metrics.OutcomeImagePull)
	m.Notified(metrics.ReasonFirstNotification)
	m.Notified(metrics.ReasonUpdated)
	m.Notified(metrics.ReasonUpdated)
	m.Notified(metrics.ReasonResolved)
	m.SetIncidentsOpen(3)
	m.ObserveDiagnosis(30 * time.Millisecond)
	m.ObserveDiagnosis(2 * time.Second)

	want := `
# HELP crashloop_bot_backoff_events_total Kubelet BackOff events received, by outcome: confirmed (a crash loop), not_confirmed (pod status disagrees), image_pull (ignored).
# TYPE crashloop_bot_backoff_events_total counter
crashloop_bot_backoff_events_total{outcome="confirmed"} 2
crashloop_bot_backoff_events_total{outcome="image_pull"} 1
crashloop_bot_backoff_events_total{outcome="not_confirmed"} 0
# HELP crashloop_bot_notifications_total Incident notifications decided, by reason: first_notification, updated, resolved.
# TYPE crashloop_bot_notifications_total counter
crashloop_bot_notifications_total{reason="first_notification"} 1
crashloop_bot_notifications_total{reason="resolved"} 1
crashloop_bot_notifications_total{reason="updated"} 2
# HELP crashloop_bot_incidents_open Crash-loop incidents announced and not yet resolved.
# TYPE crashloop_bot_incidents_open gauge
crashloop_bot_incidents_open 3
# HELP crashloop_bot_diagnosis_duration_seconds Time to gather a crashing pod's status, events, previous logs and owner and diagnose it.
# TYPE crashloop_bot_diagnosis_duration_seconds histogram
crashloop_bot_diagnosis_duration_seconds_bucket{le="0.01"} 0
crashloop_bot_diagnosis_duration_seconds_bucket{le="0.025"} 0
crashloop_bot_diagnosis_duration_seconds_bucket{le="0.05"} 1
crashloop_bot_diagnosis_duration_seconds_bucket{le="0.1"} 1
crashloop_bot_diagnosis_duration_seconds_bucket{le="0.25"} 1
crashloop_bot_diagnosis_duration_seconds_bucket{le="0.5"} 1
crashloop_bot_diagnosis_duration_seconds_bucket{le="1"} 1
crashloop_bot_diagnosis_duration_seconds_bucket{le="2.5"} 2
crashloop_bot_diagnosis_duration_seconds_bucket{le="5"} 2
crashloop_bot_diagnosis_duration_seconds_bucket{le="10"} 2
crashloop_bot_diagnosis_duration_seconds_bucket{le="30"} 2
crashloop_bot_diagnosis_duration_seconds_bucket{le="+Inf"} 2
crashloop_bot_diagnosis_duration_seconds_sum 2.03
crashloop_bot_diagnosis_duration_seconds_count 2
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want),
		"crashloop_bot_backoff_events_total", "crashloop_bot_notifications_total",
		"crashloop_bot_incidents_open", "crashloop_bot_diagnosis_duration_seconds"); err != nil {
		t.Fatal(err)
	}
}

func TestCallbacksAreReadAtScrapeTime(t *testing.T) {
	m := metrics.New()
	var calls atomic.Int64
	stats := metrics.SlackStats{Posted: 4, Updated: 7, Replies: 2, Failed: 1, RateLimited: 3, Retries: 5, Fallbacks: 1, Lookups: 8, Adopted: 2, Deleted: 1, QueueDepth: 6, InFlight: 1}
	m.WatchSlack(func() metrics.SlackStats { calls.Add(1); return stats })
	var depth atomic.Int64
	m.WatchPipelineQueue(func() int { return int(depth.Load()) })
	depth.Store(9)

	want := `
# HELP crashloop_bot_alerts_posted_total Incident messages posted to Slack (chat.postMessage).
# TYPE crashloop_bot_alerts_posted_total counter
crashloop_bot_alerts_posted_total 4
# HELP crashloop_bot_alerts_updated_total Incident messages updated in place (chat.update).
# TYPE crashloop_bot_alerts_updated_total counter
crashloop_bot_alerts_updated_total 7
# HELP crashloop_bot_alerts_failed_total Slack messages given up on after a permanent error.
# TYPE crashloop_bot_alerts_failed_total counter
crashloop_bot_alerts_failed_total 1
# HELP crashloop_bot_alert_thread_replies_total Replies posted in incident threads.
# TYPE crashloop_bot_alert_thread_replies_total counter
crashloop_bot_alert_thread_replies_total 2
# HELP crashloop_bot_slack_rate_limited_total HTTP 429 answers from Slack.
# TYPE crashloop_bot_slack_rate_limited_total counter
crashloop_bot_slack_rate_limited_total 3
# HELP crashloop_bot_slack_retries_total Slack calls retried after a 5xx or network error.
# TYPE crashloop_bot_slack_retries_total counter
crashloop_bot_slack_retries_total 5
# HELP crashloop_bot_slack_fallbacks_total Messages sent as plain text after Slack rejected their blocks.
# TYPE crashloop_bot_slack_fallbacks_total counter
crashloop_bot_slack_fallbacks_total 1
# HELP crashloop_bot_slack_message_lookups_total Channel history reads to find a message whose post may already have happened.
# TYPE crashloop_bot_slack_message_lookups_total counter
crashloop_bot_slack_message_lookups_total 8
# HELP crashloop_bot_slack_messages_adopted_total Messages found in Slack and adopted instead of being posted again.
# TYPE crashloop_bot_slack_messages_adopted_total counter
crashloop_bot_slack_messages_adopted_total 2
# HELP crashloop_bot_slack_messages_deleted_total Incident messages found deleted by a person; they are not posted again.
# TYPE crashloop_bot_slack_messages_deleted_total counter
crashloop_bot_slack_messages_deleted_total 1
# HELP crashloop_bot_slack_queue_depth Slack messages and replies waiting in the outbox.
# TYPE crashloop_bot_slack_queue_depth gauge
crashloop_bot_slack_queue_depth 6
# HELP crashloop_bot_slack_in_flight Slack messages being delivered now (at most one per channel).
# TYPE crashloop_bot_slack_in_flight gauge
crashloop_bot_slack_in_flight 1
# HELP crashloop_bot_pipeline_queue_depth Crashing pods waiting to be confirmed and diagnosed.
# TYPE crashloop_bot_pipeline_queue_depth gauge
crashloop_bot_pipeline_queue_depth 9
`
	names := []string{
		"crashloop_bot_alerts_posted_total", "crashloop_bot_alerts_updated_total", "crashloop_bot_alerts_failed_total",
		"crashloop_bot_alert_thread_replies_total", "crashloop_bot_slack_rate_limited_total", "crashloop_bot_slack_retries_total",
		"crashloop_bot_slack_fallbacks_total", "crashloop_bot_slack_message_lookups_total",
		"crashloop_bot_slack_messages_adopted_total", "crashloop_bot_slack_messages_deleted_total", "crashloop_bot_slack_queue_depth", "crashloop_bot_slack_in_flight",
		"crashloop_bot_pipeline_queue_depth",
	}
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), names...); err != nil {
		t.Fatal(err)
	}
	// One snapshot per scrape, however many metrics it feeds.
	if got := calls.Load(); got != 1 {
		t.Errorf("stats called %d times in one scrape, want 1", got)
	}
	depth.Store(0)
	stats.Posted = 5
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(`
# HELP crashloop_bot_pipeline_queue_depth Crashing pods waiting to be confirmed and diagnosed.
# TYPE crashloop_bot_pipeline_queue_depth gauge
crashloop_bot_pipeline_queue_depth 0
`), "crashloop_bot_pipeline_queue_depth"); err != nil {
		t.Fatal(err)
	}
}

func TestCallbacksReadZeroUntilSetAndCanBeReplaced(t *testing.T) {
	m := metrics.New()
	zero := `
# HELP crashloop_bot_alerts_posted_total Incident messages posted to Slack (chat.postMessage).
# TYPE crashloop_bot_alerts_posted_total counter
crashloop_bot_alerts_posted_total 0
# HELP crashloop_bot_pipeline_queue_depth Crashing pods waiting to be confirmed and diagnosed.
# TYPE crashloop_bot_pipeline_queue_depth gauge
crashloop_bot_pipeline_queue_depth 0
`
	names := []string{"crashloop_bot_alerts_posted_total", "crashloop_bot_pipeline_queue_depth"}
	// A standby replica (no leader work yet) still serves every series.
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(zero), names...); err != nil {
		t.Fatal(err)
	}
	m.WatchSlack(func() metrics.SlackStats { return metrics.SlackStats{Posted: 1} })
	m.WatchPipelineQueue(func() int { return 1 })
	m.WatchSlack(func() metrics.SlackStats { return metrics.SlackStats{Posted: 2} })
	m.WatchPipelineQueue(func() int { return 2 })
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(strings.ReplaceAll(zero, " 0\n", " 2\n")), names...); err != nil {
		t.Fatal(err)
	}
	m.WatchSlack(nil)
	m.WatchPipelineQueue(nil)
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(zero), names...); err != nil {
		t.Fatal(err)
	}
}

func TestMetricNamesPassLint(t *testing.T) {
	m := metrics.New()
	m.WatchSlack(func() metrics.SlackStats { return metrics.SlackStats{} })
	m.WatchPipelineQueue(func() int { return 0 })
	problems, err := testutil.GatherAndLint(m.Registry())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", p.Metric, p.Text)
	}
}

func TestHandlerServesBotAndRuntimeMetrics(t *testing.T) {
	m := metrics.New()
	m.EventSeen(metrics.OutcomeNotConfirmed)
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	for _, want := range []string{
		`crashloop_bot_backoff_events_total{outcome="not_confirmed"} 1`,
		"go_goroutines ",
		"process_resident_memory_bytes ",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestNilMetricsIsANoOp(t *testing.T) {
	var m *metrics.Metrics
	m.EventSeen(metrics.OutcomeConfirmed)
	m.Notified(metrics.ReasonUpdated)
	m.SetIncidentsOpen(1)
	m.ObserveDiagnosis(time.Second)
	m.WatchSlack(nil)
	m.WatchPipelineQueue(nil)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("nil Handler: status %d, want 404", rec.Code)
	}
}

// TestBuildInfoLeaderAndWatch: the series the PrometheusRule alerts on
// (deploy/components/monitoring) exist from the first scrape and follow the
// bot's state.
func TestBuildInfoLeaderAndWatch(t *testing.T) {
	m := metrics.New()
	m.SetBuildInfo("v0.1.0", "abc1234", "go1.26.0")
	m.SetBuildInfo("v0.2.0", "def5678", "go1.26.8") // replaces, never two series
	want := `
# HELP crashloop_bot_build_info Always 1; the labels say which build runs: version (git describe --tags), revision, goversion.
# TYPE crashloop_bot_build_info gauge
crashloop_bot_build_info{goversion="go1.26.8",revision="def5678",version="v0.2.0"} 1
# HELP crashloop_bot_leader 1 while this replica does the work (holds the leader Lease, or runs alone without leader election), else 0.
# TYPE crashloop_bot_leader gauge
crashloop_bot_leader 0
# HELP crashloop_bot_watch_synced 1 when this replica leads and its BackOff event watch has listed and is watching; 0 otherwise (standby, starting, or the API server unreachable).
# TYPE crashloop_bot_watch_synced gauge
crashloop_bot_watch_synced 0
`
	names := []string{"crashloop_bot_build_info", "crashloop_bot_leader", "crashloop_bot_watch_synced"}
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), names...); err != nil {
		t.Fatal(err)
	}
	value := func(name string) string {
		t.Helper()
		mfs, err := m.Registry().Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			if mf.GetName() == name {
				return strconv.FormatFloat(mf.GetMetric()[0].GetGauge().GetValue(), 'g', -1, 64)
			}
		}
		t.Fatalf("no %s", name)
		return ""
	}
	var synced atomic.Bool
	m.SetLeader(true)
	m.WatchSynced(synced.Load)
	if l, s := value("crashloop_bot_leader"), value("crashloop_bot_watch_synced"); l != "1" || s != "0" {
		t.Errorf("leading, watch listing: leader %s, watch_synced %s; want 1, 0", l, s)
	}
	synced.Store(true)
	if s := value("crashloop_bot_watch_synced"); s != "1" {
		t.Errorf("watch synced: watch_synced %s, want 1", s)
	}
	// Leadership lost: the leader's watch is gone with it.
	m.SetLeader(false)
	m.WatchSynced(nil)
	if l, s := value("crashloop_bot_leader"), value("crashloop_bot_watch_synced"); l != "0" || s != "0" {
		t.Errorf("standby: leader %s, watch_synced %s; want 0, 0", l, s)
	}
}
