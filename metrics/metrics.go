// Package metrics is the bot's Prometheus instrumentation: a registry of its
// own (not the global default), typed methods for what the bot counts as it
// goes, and collectors that read counters other packages already keep
// (bot.SlackStats, the pipeline's queue) through callbacks at scrape time, so
// no other package has to import this one.
//
// Every metric is prefixed crashloop_bot_. Labelled counters start at zero
// for every known label value so that rate() and absent() work from the
// first scrape.
package metrics

import (
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

const namespace = "crashloop_bot"

// Outcomes of a BackOff event, the label values of
// crashloop_bot_backoff_events_total.
const (
	// OutcomeConfirmed: the pod's status confirms a crash loop.
	OutcomeConfirmed = "confirmed"
	// OutcomeNotConfirmed: the pod is not (or no longer) crash-looping.
	OutcomeNotConfirmed = "not_confirmed"
	// OutcomeImagePull: an image-pull back-off, never alerted on.
	OutcomeImagePull = "image_pull"
)

// Reasons of a notification, the label values of
// crashloop_bot_notifications_total; they match incident.Reason.
const (
	ReasonFirstNotification = "first_notification"
	ReasonUpdated           = "updated"
	ReasonResolved          = "resolved"
)

// Metrics owns a registry and the metrics the bot updates directly. Its
// methods are safe for concurrent use; a nil *Metrics ignores every call,
// so code can be instrumented without a metrics server configured.
type Metrics struct {
	reg *prometheus.Registry

	events        *prometheus.CounterVec
	notifications *prometheus.CounterVec
	incidentsOpen prometheus.Gauge
	diagnosis     prometheus.Histogram

	buildInfo *prometheus.GaugeVec
	leader    prometheus.Gauge

	// Callbacks read at scrape time; nil reads as zero (a standby replica,
	// or the console sink).
	slackStats    atomic.Pointer[func() SlackStats]
	pipelineDepth atomic.Pointer[func() int]
	watchSynced   atomic.Pointer[func() bool]
	storeStats    atomic.Pointer[func() StoreStats]
	fleetStats    atomic.Pointer[func() FleetStats]

	handler http.Handler
}

// New returns Metrics with the bot's metrics and the Go runtime and process
// collectors registered. It does no I/O.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "backoff_events_total",
			Help: "Kubelet BackOff events received, by outcome: confirmed (a crash loop), not_confirmed (pod status disagrees), image_pull (ignored).",
		}, []string{"outcome"}),
		notifications: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "notifications_total",
			Help: "Incident notifications decided, by reason: first_notification, updated, resolved.",
		}, []string{"reason"}),
		incidentsOpen: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: namespace, Name: "incidents_open",
			Help: "Crash-loop incidents announced and not yet resolved.",
		}),
		diagnosis: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: namespace, Name: "diagnosis_duration_seconds",
			Help: "Time to gather a crashing pod's status, events, previous logs and owner and diagnose it.",
			// Mostly API round trips: tens of milliseconds to a few seconds
			// when the previous log is large or the API server is slow.
			Buckets: []float64{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30},
		}),
		buildInfo: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: namespace, Name: "build_info",
			Help: "Always 1; the labels say which build runs: version (git describe --tags), revision, goversion.",
		}, []string{"version", "revision", "goversion"}),
		leader: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: namespace, Name: "leader",
			Help: "1 while this replica does the work (holds the leader Lease, or runs alone without leader election), else 0.",
		}),
	}
	for _, o := range []string{OutcomeConfirmed, OutcomeNotConfirmed, OutcomeImagePull} {
		m.events.WithLabelValues(o)
	}
	for _, r := range []string{ReasonFirstNotification, ReasonUpdated, ReasonResolved} {
		m.notifications.WithLabelValues(r)
	}
	m.reg.MustRegister(
		m.events, m.notifications, m.incidentsOpen, m.diagnosis,
		newSlackCollector(m.readSlack),
		newFleetCollector(&m.storeStats, &m.fleetStats),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace, Name: "pipeline_queue_depth",
			Help: "Crashing pods waiting to be confirmed and diagnosed.",
		}, m.readPipelineDepth),
		m.buildInfo, m.leader,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace, Name: "watch_synced",
			Help: "1 when this replica leads and its BackOff event watch has listed and is watching; 0 otherwise (standby, starting, or the API server unreachable).",
		}, m.readWatchSynced),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		// A failing callback collector must not take /metrics down.
		ErrorHandling: promhttp.ContinueOnError,
		Registry:      m.reg,
	})
	return m
}

// Registry returns the registry, e.g. for tests or to add collectors; nil
// for a nil *Metrics.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.reg
}

// Handler serves the registry in the Prometheus exposition formats. A nil
// *Metrics serves 404.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return m.handler
}

// EventSeen counts one BackOff event with its outcome (Outcome*). Its
// signature fits a `func(outcome string)` hook.
func (m *Metrics) EventSeen(outcome string) {
	if m == nil {
		return
	}
	m.events.WithLabelValues(outcome).Inc()
}

// Notified counts one notification decision by reason (Reason*, the string
// value of an incident.Reason).
func (m *Metrics) Notified(reason string) {
	if m == nil {
		return
	}
	m.notifications.WithLabelValues(reason).Inc()
}

// SetIncidentsOpen sets the number of open incidents.
func (m *Metrics) SetIncidentsOpen(n int) {
	if m == nil {
		return
	}
	m.incidentsOpen.Set(float64(n))
}

// ObserveDiagnosis records how long one diagnosis took. Its signature fits a
// `func(time.Duration)` hook.
func (m *Metrics) ObserveDiagnosis(d time.Duration) {
	if m == nil {
		return
	}
	m.diagnosis.Observe(d.Seconds())
}

// SetBuildInfo sets crashloop_bot_build_info{version, revision, goversion}
// to 1, replacing any earlier labels.
func (m *Metrics) SetBuildInfo(version, revision, goVersion string) {
	if m == nil {
		return
	}
	m.buildInfo.Reset()
	m.buildInfo.WithLabelValues(version, revision, goVersion).Set(1)
}

// SetLeader says whether this replica leads (crashloop_bot_leader).
func (m *Metrics) SetLeader(leading bool) {
	if m == nil {
		return
	}
	v := 0.0
	if leading {
		v = 1
	}
	m.leader.Set(v)
}

// WatchSynced makes crashloop_bot_watch_synced read synced at every scrape
// (kube.Watcher.Synced). A later call replaces the callback; nil makes it
// read zero.
func (m *Metrics) WatchSynced(synced func() bool) {
	if m == nil {
		return
	}
	if synced == nil {
		m.watchSynced.Store(nil)
		return
	}
	m.watchSynced.Store(&synced)
}

func (m *Metrics) readWatchSynced() float64 {
	if f := m.watchSynced.Load(); f != nil && (*f)() {
		return 1
	}
	return 0
}

// SlackStats mirrors bot.SlackStats: delivery counters since the Slack sink
// was created, and its queue. The caller converts, so this package does not
// import bot.
type SlackStats struct {
	Posted, Updated, Replies int64
	Failed                   int64
	RateLimited, Retries     int64
	Fallbacks                int64
	// Lookups, Adopted and Deleted: history reads for a message whose ts
	// was not known, messages found that way instead of posted again, and
	// messages a person deleted (not posted again).
	Lookups, Adopted, Deleted int64
	QueueDepth, InFlight      int
}

// WatchSlack makes the Slack metrics (alerts posted, updated, failed,
// thread replies, 429s, retries, fallbacks, outbox depth, in flight) read
// stats at every scrape, once per scrape. A later call replaces the
// callback; nil makes them read zero. Until then they read zero.
func (m *Metrics) WatchSlack(stats func() SlackStats) {
	if m == nil {
		return
	}
	if stats == nil {
		m.slackStats.Store(nil)
		return
	}
	m.slackStats.Store(&stats)
}

// WatchPipelineQueue makes crashloop_bot_pipeline_queue_depth read depth at
// every scrape (kube.Pipeline.QueueDepth). A later call replaces the
// callback; nil makes it read zero.
func (m *Metrics) WatchPipelineQueue(depth func() int) {
	if m == nil {
		return
	}
	if depth == nil {
		m.pipelineDepth.Store(nil)
		return
	}
	m.pipelineDepth.Store(&depth)
}

func (m *Metrics) readSlack() SlackStats {
	if f := m.slackStats.Load(); f != nil {
		return (*f)()
	}
	return SlackStats{}
}

func (m *Metrics) readPipelineDepth() float64 {
	if f := m.pipelineDepth.Load(); f != nil {
		return float64((*f)())
	}
	return 0
}
