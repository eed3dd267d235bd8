package incident

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"sync"
	"time"

	"k8s.io/apimachinery/pkg/labels"
)

// Notifier delivers notifications. Notify must return quickly and must not
// drop what it is given: delivery, pacing and retries are its job.
type Notifier interface {
	Notify(n Notification)
}

// Store persists incidents so a restarted bot continues them.
type Store interface {
	// Active returns the incidents not yet resolved.
	Active(ctx context.Context) ([]Incident, error)
	// Save creates or replaces the incident with the same ID.
	Save(ctx context.Context, inc Incident) error
}

// Health is what a recovery check found about an incident's workload.
type Health struct {
	// OK: every pod of the workload is running and ready, or finished.
	OK bool
	// Since is when the last of them became ready; zero when unknown.
	Since time.Time
	// Pods is how many pods were checked; 0 means none are left.
	Pods int
}

// HealthChecker tells whether a workload has recovered.
type HealthChecker interface {
	CheckHealth(ctx context.Context, inc Incident) (Health, error)
}

// Route sends incidents of matching pods to Channel. Both Namespaces and
// Selector must match when both are set.
type Route struct {
	Namespaces []string
	Selector   labels.Selector
	Channel    string
}

// Options configure a Manager.
type Options struct {
	// GroupWait delays the first message so a burst becomes one message.
	GroupWait time.Duration
	// ResolveAfter is how long a workload must be healthy before resolving.
	ResolveAfter time.Duration
	// UpdateEvery bounds how often one incident's message is updated.
	UpdateEvery time.Duration
	// CheckEvery is how often open incidents are checked for recovery and
	// silences are read again from the store.
	CheckEvery time.Duration
	// DefaultChannel receives incidents no route matches.
	DefaultChannel string
	Routes         []Route
	// Silences reads the silences in force; nil: nothing is ever silenced.
	Silences SilenceSource
	// Storms configure storm grouping (off when not Enabled).
	Storms StormOptions
	Logger *slog.Logger
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// Manager turns observations into incidents and notifications. Everything
// runs on the goroutine of Run; the other methods only send to it.
type Manager struct {
	opts     Options
	policy   policy
	store    Store
	notifier Notifier
	health   HealthChecker
	log      *slog.Logger

	observations chan Observation
	// silencesChanged asks Run to read the silences again now.
	silencesChanged chan struct{}
	// silences is the latest read of the store's silences.
	silences map[Key]Silence
	// relatedStale: an incident appeared, opened, resolved or changed its
	// category, nodes, image or ConfigMaps; blast-radius lines need redoing.
	relatedStale bool

	// active holds pending and open incidents by key.
	active map[Key]*tracked
	// storms holds the open storms by ID.
	storms map[string]*trackedStorm

	// saver writes incidents while Run runs (saves are synchronous
	// otherwise, as in tests).
	saver *saver
	// healthResults brings recovery checks, run off the manager's
	// goroutine, back to it; checking says one round is under way.
	healthResults chan []healthResult
	checking      bool
}

// tracked is an active incident plus bookkeeping that is not persisted.
type tracked struct {
	Incident
	// dirty: changed since the last notification; notes say what for the
	// next one.
	dirty bool
	notes []Note
	// notifiedAt is when this manager last notified about the incident;
	// zero for one loaded from the store.
	notifiedAt time.Time
	// shownSilence is the silence the last notification showed.
	shownSilence time.Time
	// skipped is the reason of the last decision not to notify, so that
	// each change of it is logged once.
	skipped Reason
	// gathering: a storm may still form around this pending incident
	// (see groupStorms); its first notification waits.
	gathering bool
}

// NewManager returns a Manager; it does no I/O.
func NewManager(store Store, notifier Notifier, health HealthChecker, opts Options) *Manager {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.UpdateEvery <= 0 {
		opts.UpdateEvery = 30 * time.Second
	}
	if opts.CheckEvery <= 0 {
		opts.CheckEvery = 15 * time.Second
	}
	if opts.Storms.MinWorkloads <= 0 {
		opts.Storms.MinWorkloads = 5
	}
	if len(opts.Storms.Factors) == 0 {
		opts.Storms.Factors = FactorKinds()
	}
	return &Manager{
		opts: opts, store: store, notifier: notifier, health: health,
		policy:          policy{groupWait: opts.GroupWait, updateEvery: opts.UpdateEvery},
		log:             opts.Logger.With("component", "incidents"),
		observations:    make(chan Observation, 1024),
		silencesChanged: make(chan struct{}, 1),
		silences:        map[Key]Silence{},
		active:          map[Key]*tracked{},
		storms:          map[string]*trackedStorm{},
		healthResults:   make(chan []healthResult, 1),
	}
}

// Observe hands a confirmed crash to the manager. It blocks only when the
// manager is far behind, which slows the watch instead of losing crashes.
func (m *Manager) Observe(ctx context.Context, o Observation) {
	select {
	case m.observations <- o:
	case <-ctx.Done():
	}
}

// loadPatience is how long Run waits for the store to answer at start.
const loadPatience = 2 * time.Minute

// Run loads the active incidents from the store and processes observations,
// group-wait deadlines, updates and recovery checks until ctx ends.
func (m *Manager) Run(ctx context.Context) error {
	// Without the open incidents the manager would announce them again:
	// wait for the store (a database restarting, an API server
	// unreachable) and say so; crashes seen meanwhile wait in the
	// observation queue. A store that stays unreadable (no permission, a
	// broken file) is an error after loadPatience, so that it shows.
	began := time.Now()
	for wait := time.Second; ; wait = min(2*wait, 30*time.Second) {
		err := m.load(ctx)
		if err == nil {
			break
		}
		if time.Since(began) >= loadPatience {
			return fmt.Errorf("the store did not answer for %s: %w", loadPatience, err)
		}
		m.log.Warn("cannot read the open incidents from the store; alerts wait until it answers", "retry_in", wait, "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
	// Saves go behind the manager's back from now on; they are all
	// written before Run returns.
	m.saver = newSaver(m.store, m.log)
	saved := make(chan struct{})
	go func() { defer close(saved); m.saver.run(ctx) }()
	defer func() { <-saved; m.saver = nil }()
	tick := time.NewTicker(m.tickInterval())
	defer tick.Stop()
	check := time.NewTicker(m.opts.CheckEvery)
	defer check.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case o := <-m.observations:
			if t := m.observe(ctx, o); t.State == Pending && m.opts.Now().Sub(t.OpenedAt) >= m.opts.GroupWait {
				// Due at once (group-wait 0): no waiting for the tick.
				m.flush(ctx)
			}
		case <-m.silencesChanged:
			m.refreshSilences(ctx)
			m.flush(ctx)
		case <-tick.C:
			m.flush(ctx)
		case <-check.C:
			m.refreshSilences(ctx)
			if !m.checking {
				// Recovery checks list pods; they run off this goroutine so
				// a storm of open incidents never holds up new alerts.
				m.checking = true
				targets := m.openIncidents()
				go func() {
					res := m.healthChecks(ctx, targets)
					select {
					case m.healthResults <- res:
					case <-ctx.Done():
					}
				}()
			}
		case res := <-m.healthResults:
			m.checking = false
			m.applyHealth(ctx, res)
		}
	}
}

// load continues the active incidents of the store and reads the silences.
func (m *Manager) load(ctx context.Context) error {
	saved, err := m.store.Active(ctx)
	if err != nil {
		return fmt.Errorf("load incidents: %w", err)
	}
	for _, inc := range saved {
		// dirty, never notified: refresh the message at once, in case
		// updates were still queued when the bot stopped (the notifier
		// posts it if it never got out).
		m.active[inc.Key] = &tracked{Incident: inc, dirty: true}
	}
	m.loadStorms(ctx)
	if len(saved) > 0 {
		m.log.Info("continuing incidents from the store", "count", len(saved), "storms", len(m.storms))
	} else {
		m.log.Debug("no open incidents in the store to continue")
	}
	m.refreshSilences(ctx)
	return nil
}

// tickInterval is how often pending and dirty incidents are looked at: the
// precision of the group-wait. A pass over the active incidents is cheap.
func (m *Manager) tickInterval() time.Duration { return 100 * time.Millisecond }

// observe counts a crash into its incident (opened if new) and returns it.
func (m *Manager) observe(ctx context.Context, o Observation) *tracked {
	now := m.opts.Now()
	t := m.active[o.Key]
	if t == nil {
		t = &tracked{Incident: Incident{
			ID:       newID(o.Key, now),
			Key:      o.Key,
			State:    Pending,
			Channel:  m.route(o),
			OpenedAt: now,
			Selector: o.Selector,
		}}
		t.SilencedUntil = activeSilence(m.silences[o.Key].Until, now)
		t.shownSilence = t.SilencedUntil
		m.active[o.Key] = t
		m.log.Info("incident opened", "incident", t.ID, "key", o.Key.String(), "pod", o.Pod, "category", o.Report.Category)
	}
	inc := &t.Incident
	changed := false
	if !slices.Contains(inc.Pods, o.Pod) {
		if len(inc.Pods) < MaxPodNames {
			inc.Pods = append(inc.Pods, o.Pod)
		}
		inc.PodCount++
		changed = true
		if inc.State == Open && inc.Storm == nil {
			// (A storm's message counts its members' pods.)
			t.notes = append(t.notes, Note{Kind: PodCrashing, Pod: o.Pod, Pods: inc.PodCount})
		}
	}
	// A light observation (no Report) only counts the crash; the pipeline
	// diagnoses a workload again at most every minute or so.
	diagnosed := o.Report.Pod != ""
	if diagnosed && inc.Report.Category != o.Report.Category {
		m.relatedStale = true
		if inc.State == Open {
			t.notes = append(t.notes, Note{Kind: DiagnosisChanged, From: inc.Report.Category, To: o.Report.Category, Summary: o.Report.Summary})
			changed = true
		}
	}
	if o.Restarts > inc.Restarts {
		inc.Restarts = o.Restarts
		changed = true
	}
	if o.CrashedAt.After(inc.LastCrashAt) {
		inc.LastCrashAt = o.CrashedAt
		changed = true
	}
	if diagnosed && (!o.CrashedAt.Before(inc.LastCrashAt) || inc.Report.Pod == "") {
		inc.Report, inc.Gaps = o.Report, o.Gaps
		changed = true
	}
	if o.Rollout != nil {
		inc.Rollout = o.Rollout
	}
	if o.Node != "" && !slices.Contains(inc.Nodes, o.Node) && len(inc.Nodes) < MaxPodNames {
		inc.Nodes = append(inc.Nodes, o.Node)
		changed, m.relatedStale = true, true
	}
	if o.Image != "" && o.Image != inc.Image {
		inc.Image, m.relatedStale = o.Image, true
	}
	if len(o.ConfigMaps) > 0 && !slices.Equal(o.ConfigMaps, inc.ConfigMaps) {
		inc.ConfigMaps, m.relatedStale = o.ConfigMaps, true
	}
	if len(o.Secrets) > 0 && !slices.Equal(o.Secrets, inc.Secrets) {
		inc.Secrets = o.Secrets
	}
	if inc.Selector == "" {
		inc.Selector = o.Selector
	}
	if inc.Labels == nil && len(o.Labels) > 0 {
		inc.Labels = maps.Clone(o.Labels)
	}
	if changed {
		inc.UpdatedAt = now
		t.dirty = true
		m.save(ctx, inc)
		m.memberChanged(t)
	}
	return t
}

// flush asks needsNotify about every active incident and sends what is
// due: first notifications of incidents whose group-wait is over, updates
// of changed ones at most every UpdateEvery.
func (m *Manager) flush(ctx context.Context) {
	now := m.opts.Now()
	type decision struct {
		t      *tracked
		reason Reason
	}
	if m.opts.Storms.Enabled {
		m.groupStorms(ctx, now)
	}
	var due []decision
	for _, t := range m.sorted() {
		if !t.SilencedUntil.IsZero() && !t.SilencedUntil.After(now) {
			// The silence ran out since the store was last read.
			if t.State == Open {
				t.notes = append(t.notes, Note{Kind: SilenceEnded})
			}
			t.SilencedUntil = time.Time{}
		}
		reason, ok := m.policy.needsNotify(t, now)
		if ok && reason == FirstNotification && t.gathering {
			reason, ok = Gathering, false
		}
		if !ok {
			if reason != t.skipped && reason != NoChange && reason != Waiting {
				m.log.Debug("not notifying", "reason", reason, "incident", t.ID, "key", t.Key.String())
			}
			t.skipped = reason
			continue
		}
		t.skipped = ""
		if t.Storm != nil && reason == Updated && len(t.notes) == 0 {
			// A member's counts ride along with its storm's message;
			// only news (a new diagnosis, a silence) is told on its own.
			t.dirty, t.notifiedAt = false, now
			t.shownSilence = activeSilence(t.SilencedUntil, now)
			continue
		}
		if reason == FirstNotification {
			t.State = Open
			m.relatedStale = true
		}
		due = append(due, decision{t, reason})
	}
	// Blast radius first, so a first message already names its neighbours.
	m.updateRelated()
	for _, d := range due {
		m.notify(ctx, d.t, d.reason, now)
	}
	m.flushStorms(ctx, now)
}

// sorted returns the active incidents oldest first, so notifications go
// out in a stable order.
func (m *Manager) sorted() []*tracked {
	out := make([]*tracked, 0, len(m.active))
	for _, t := range m.active {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b *tracked) int { return cmp.Or(a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID)) })
	return out
}

// notify sends a notification and records that it was sent.
func (m *Manager) notify(ctx context.Context, t *tracked, reason Reason, now time.Time) {
	t.UpdatedAt = now
	n := Notification{Reason: reason, Incident: t.clone(), Storm: m.stormHeader(t), Notes: t.notes}
	t.notes, t.dirty, t.notifiedAt = nil, false, now
	t.shownSilence = activeSilence(t.SilencedUntil, now)
	m.save(ctx, &t.Incident)
	m.log.Info("notify", "reason", reason, "incident", t.ID, "key", t.Key.String(), "channel", t.Channel, "pods", t.PodCount, "category", t.Report.Category)
	m.notifier.Notify(n)
}

// healthResult is one recovery check.
type healthResult struct {
	key Key
	id  string
	h   Health
	err error
}

// maxHealthChecks bounds the recovery checks run at once.
const maxHealthChecks = 8

// openIncidents are copies of the open incidents, for recovery checks.
func (m *Manager) openIncidents() []Incident {
	var out []Incident
	for _, t := range m.sorted() {
		if t.State == Open {
			out = append(out, t.clone())
		}
	}
	return out
}

// healthChecks checks each incident's workload, a few at a time. It
// touches no manager state, so it may run on any goroutine.
func (m *Manager) healthChecks(ctx context.Context, incs []Incident) []healthResult {
	out := make([]healthResult, len(incs))
	sem := make(chan struct{}, maxHealthChecks)
	var wg sync.WaitGroup
	for i, inc := range incs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			h, err := m.health.CheckHealth(cctx, inc)
			cancel()
			out[i] = healthResult{key: inc.Key, id: inc.ID, h: h, err: err}
		})
	}
	wg.Wait()
	return out
}

// checkRecovery checks every open incident and resolves those whose
// workload has been healthy for ResolveAfter, on the caller's goroutine.
func (m *Manager) checkRecovery(ctx context.Context) {
	m.applyHealth(ctx, m.healthChecks(ctx, m.openIncidents()))
}

// applyHealth resolves the incidents the checks found healthy for
// ResolveAfter, judged against their state now (a crash since the check
// began keeps an incident open).
func (m *Manager) applyHealth(ctx context.Context, results []healthResult) {
	now := m.opts.Now()
	for _, r := range results {
		t := m.active[r.key]
		if t == nil || t.ID != r.id || t.State != Open {
			continue
		}
		if r.err != nil {
			m.log.Warn("recovery check failed", "incident", t.ID, "err", r.err)
			continue
		}
		// Healthy no earlier than the last crash: this also bounds a
		// readiness time that is unknown or older than the crash loop.
		since := r.h.Since
		if since.Before(t.LastCrashAt) {
			since = t.LastCrashAt
		}
		if !r.h.OK || now.Sub(since) < m.opts.ResolveAfter {
			continue
		}
		t.State = Resolved
		t.ResolvedAt = now
		t.notes = append(t.notes, Note{Kind: Recovered, Pods: r.h.Pods, Since: since})
		reason, _ := m.policy.needsNotify(t, now)
		m.notify(ctx, t, reason, now)
		delete(m.active, r.key)
		m.memberChanged(t)
		m.relatedStale = true
	}
}

func (m *Manager) save(ctx context.Context, inc *Incident) {
	if m.saver != nil {
		m.saver.save(*inc)
		return
	}
	if err := m.store.Save(ctx, *inc); err != nil {
		// The incident lives on in memory; the next save retries.
		m.log.Error("save incident", "incident", inc.ID, "err", err)
	}
}

// route picks the channel for an observation: the first matching route, else the default.
func (m *Manager) route(o Observation) string {
	for _, r := range m.opts.Routes {
		if len(r.Namespaces) > 0 && !slices.Contains(r.Namespaces, o.Key.Namespace) {
			continue
		}
		if r.Selector != nil && !r.Selector.Empty() && !r.Selector.Matches(labels.Set(o.Labels)) {
			continue
		}
		return r.Channel
	}
	return m.opts.DefaultChannel
}

func (t *tracked) clone() Incident {
	inc := t.Incident
	inc.Pods = slices.Clone(inc.Pods)
	return inc
}

func newID(k Key, now time.Time) string {
	return k.String() + "@" + strconv.FormatInt(now.UnixMilli(), 10)
}

// updateRelated recomputes each open incident's blast-radius line and marks
// the incidents whose line changed for an update.
func (m *Manager) updateRelated() {
	if !m.relatedStale {
		return
	}
	m.relatedStale = false
	all := make([]*Incident, 0, len(m.active))
	for _, t := range m.active {
		if t.Storm == nil { // a storm's message speaks for its members
			all = append(all, &t.Incident)
		}
	}
	r := newRadius(all)
	for _, t := range m.active {
		if t.State == Resolved || t.Storm != nil {
			continue
		}
		if line := r.related(&t.Incident); line != t.Related {
			// A new relation is news (update the message, say it in the
			// notes); a changed count rides along with the next update,
			// so a storm does not rewrite every message each time.
			news := (line == "") != (t.Related == "")
			t.Related = line
			if news && !t.notifiedAt.IsZero() && line != "" {
				t.notes = append(t.notes, Note{Kind: RelatedFound, Text: line})
			}
			t.dirty = t.dirty || news
		}
	}
}
