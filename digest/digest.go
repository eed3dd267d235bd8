// Package digest summarises the crash loops of a period (by default the last
// 24 hours, or a week for weekly digests) for one channel: what opened, what
// is still open, what recovered and how fast, each compared with the period
// before; incidents opened per day over the last 7 (or 28) days, by cause;
// the worst workloads, those that flap, incidents open for more than a day,
// causes that keep coming back and the categories that grew.
//
// A digest only ever covers its channel's Scope: Build drops every other
// incident first. Build is pure; WriteText and Chart render a Digest for the
// console and as a PNG; Scheduler sends digests on a cron schedule per
// channel and catches up once on a run the bot missed.
package digest

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// DefaultWindow is the period a digest covers unless configured otherwise.
const DefaultWindow = 24 * time.Hour

// Week is the period of a weekly digest.
const Week = 7 * 24 * time.Hour

const day = 24 * time.Hour

// TopN bounds Digest.Top; ListN bounds each of the other lists.
const (
	TopN  = 10
	ListN = 5
)

// LongOpenAfter is how long an incident must have been open to be listed
// in Digest.LongOpen.
const LongOpenAfter = 24 * time.Hour

// ChartDays is how many days the trend covers for a digest of window: 7,
// or 28 (four weeks) for a weekly digest or longer.
func ChartDays(window time.Duration) int {
	if window >= Week {
		return 28
	}
	return 7
}

// HistoryStart is how far back the incidents of a digest ending at now must
// reach: the window before it (the comparison) and the chart's days.
func HistoryStart(window time.Duration, now time.Time) time.Time {
	if window <= 0 {
		window = DefaultWindow
	}
	return now.Add(-max(2*window, time.Duration(ChartDays(window))*day))
}

// Totals are the headline numbers of one period.
type Totals struct {
	// Opened counts incidents opened in the period, StillOpen those not
	// resolved at its end (wherever they opened), Resolved those resolved
	// in it.
	Opened, StillOpen, Resolved int
	// MTTR is the mean time to recovery of the incidents resolved in the
	// period (0 when none were).
	MTTR time.Duration
	// Restarts adds up the restart counts the incidents opened in the
	// period reached.
	Restarts int64
}

// Digest is the summary of the in-scope incidents of one window, [From, To).
type Digest struct {
	From, To time.Time
	Window   time.Duration
	// Scope describes what the digest covers ("pay, shop"); empty for every
	// watched namespace.
	Scope string

	// Totals are this window's numbers; Previous those of the window of the
	// same length before it.
	Totals
	Previous Totals

	// Recoveries are the incidents resolved in the window, longest first.
	Recoveries []Recovery
	// MedianRecovery and LongestRecovery summarise Recoveries (0 if none).
	MedianRecovery, LongestRecovery time.Duration

	// Workloads counts the workloads with an incident during the window;
	// New, Recurring and Ongoing split them by Status.
	Workloads               int
	New, Recurring, Ongoing int
	// Top are the worst workloads (most restarts first), at most TopN.
	Top []Workload

	// ByNamespace and ByCategory count the incidents active during the
	// window, largest first.
	ByNamespace []Count
	ByCategory  []Count

	// Days are the ChartDays 24-hour periods ending at To, oldest first:
	// the trend.
	Days []Day

	// Flapping are the workloads that recovered and crash-looped again in
	// the window, most re-openings first; Long the incidents open for more
	// than LongOpenAfter at To, oldest first; RecurringCauses the causes
	// (workload and category) that opened incidents on several days of the
	// trend, one of them in the window; Grown the categories with more
	// incidents opened than in the previous window. Each holds at most
	// ListN; the More counts say how many were left out.
	Flapping        []Flap
	Long            []LongOpen
	RecurringCauses []Recurrence
	Grown           []Growth
	More            struct{ Flapping, Long, RecurringCauses, Grown int }

	// Incidents are the incidents the lists above name, by ID, so a
	// renderer can link to their alert messages.
	Incidents map[string]incident.Incident

	// Quiet is true when no incident was active during the window.
	Quiet bool

	// Clusters and FleetTop are set when the window's incidents come from
	// several clusters (a fleet sharing one store): each cluster's
	// numbers, busiest first, and the worst workloads across the fleet,
	// those crash-looping in most clusters first (see fleet.go).
	Clusters []ClusterTotals
	FleetTop []FleetWorkload
}

// Status says how a workload's trouble relates to the previous window.
type Status string

// Statuses of a workload in a digest.
const (
	// New: no incident in the previous window.
	New Status = "new"
	// Recurring: it had an incident in the previous window and a new one
	// opened in this one.
	Recurring Status = "recurring"
	// Ongoing: its incident carried over from the previous window.
	Ongoing Status = "ongoing"
)

// WorkloadRef names a workload.
type WorkloadRef struct {
	Cluster, Namespace, Kind, Name string
}

// String is namespace/Kind/name.
func (w WorkloadRef) String() string { return w.Namespace + "/" + w.Kind + "/" + w.Name }

func refOf(k incident.Key) WorkloadRef {
	return WorkloadRef{Cluster: k.Cluster, Namespace: k.Namespace, Kind: k.Kind, Name: k.Name}
}

// Workload is one workload's crash loops during the window.
type Workload struct {
	WorkloadRef
	// Containers that crash-looped, sorted.
	Containers []string
	// Incidents counts its incidents active during the window.
	Incidents int
	// Restarts is the highest restart count of any affected pod; Pods the
	// most pods one incident affected.
	Restarts int32
	Pods     int
	// Category is the latest diagnosis.
	Category diagnose.Category
	// Open is true while any of its incidents is unresolved at To.
	Open   bool
	Status Status
	// IncidentID is its latest incident, for a link to the alert.
	IncidentID string
}

// Recovery is one incident resolved in the window.
type Recovery struct {
	Key                  incident.Key
	OpenedAt, ResolvedAt time.Time
	// Duration is the time to recovery, from opening to resolution.
	Duration time.Duration
}

// Count is the number of incidents of one namespace or category.
type Count struct {
	Name      string
	Incidents int
}

// Day is one 24-hour period of the trend, [Start, Start+24h).
type Day struct {
	Start time.Time
	// Opened counts the incidents opened that day; ByCategory splits them.
	Opened     int
	ByCategory map[diagnose.Category]int
	// Resolved counts the incidents resolved that day, MTTR is their mean
	// time to recovery.
	Resolved int
	MTTR     time.Duration
}

// Flap is a workload that recovered and then crash-looped again.
type Flap struct {
	WorkloadRef
	// Reopens counts its incidents opened in the window after an earlier
	// one of the same container had been resolved.
	Reopens  int
	Category diagnose.Category
	// IncidentID is the latest re-opened incident.
	IncidentID string
}

// LongOpen is an incident open for more than LongOpenAfter.
type LongOpen struct {
	Key      incident.Key
	OpenedAt time.Time
	// Age is how long it has been open at To.
	Age        time.Duration
	Restarts   int32
	Category   diagnose.Category
	IncidentID string
}

// Recurrence is a cause that keeps coming back: one workload crashing with
// the same category on several days.
type Recurrence struct {
	WorkloadRef
	Category diagnose.Category
	// Days counts the days of the trend on which it opened an incident;
	// Incidents the incidents it opened over the trend.
	Days, Incidents int
	// IncidentID is the latest of them.
	IncidentID string
}

// Growth is a category with more incidents opened in the window than in
// the previous one.
type Growth struct {
	Category      diagnose.Category
	Now, Previous int
}

type workloadKey = WorkloadRef

// Build summarises the incidents in scope for the window ending at now
// (DefaultWindow when window is not positive), in the time zone of now.
// incidents may include any others: those of the window before tell the
// trend, those of the chart's days the daily counts; the rest are ignored.
// A nil scope includes nothing.
func Build(incidents []incident.Incident, scope Scope, window time.Duration, now time.Time) Digest {
	if window <= 0 {
		window = DefaultWindow
	}
	from := now.Add(-window)
	prevFrom := from.Add(-window)
	d := Digest{From: from, To: now, Window: window, Incidents: map[string]incident.Incident{}}
	if s, ok := scope.(fmt.Stringer); ok {
		d.Scope = s.String()
	}

	var incs []incident.Incident
	for _, inc := range incidents {
		if scope != nil && scope.Includes(inc.Key.Namespace, podLabels(inc)) {
			incs = append(incs, inc)
		}
	}
	slices.SortStableFunc(incs, func(a, b incident.Incident) int {
		return cmp.Or(a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID))
	})

	d.Totals = totals(incs, from, now)
	d.Previous = totals(incs, prevFrom, from)
	d.Days = days(incs, now, ChartDays(window))

	before := map[workloadKey]bool{}
	workloads := map[workloadKey]*Workload{}
	openedNew := map[workloadKey]bool{}
	lastCrash := map[workloadKey]time.Time{}
	byNS, byCat := map[string]int{}, map[string]int{}
	for _, inc := range incs {
		k := refOf(inc.Key)
		if activeDuring(inc, prevFrom, from) {
			before[k] = true
		}
		if !activeDuring(inc, from, now) {
			continue
		}
		if !inc.OpenedAt.Before(from) {
			openedNew[k] = true
		}
		open := openAt(inc, now)
		if !open && !inc.ResolvedAt.Before(from) {
			d.Recoveries = append(d.Recoveries, Recovery{Key: inc.Key, OpenedAt: inc.OpenedAt, ResolvedAt: inc.ResolvedAt, Duration: inc.ResolvedAt.Sub(inc.OpenedAt)})
		}
		cat := category(inc)
		byNS[inc.Key.Namespace]++
		byCat[string(cat)]++

		w := workloads[k]
		if w == nil {
			w = &Workload{WorkloadRef: k}
			workloads[k] = w
		}
		w.Incidents++
		w.Open = w.Open || open
		w.Restarts = max(w.Restarts, inc.Restarts)
		w.Pods = max(w.Pods, inc.PodCount, len(inc.Pods))
		if inc.Key.Container != "" && !slices.Contains(w.Containers, inc.Key.Container) {
			w.Containers = append(w.Containers, inc.Key.Container)
		}
		if at := cmp.Or(inc.LastCrashAt, inc.OpenedAt); w.Category == "" || at.After(lastCrash[k]) {
			w.Category, lastCrash[k] = cat, at
		}
		w.IncidentID = inc.ID // incs are oldest first: the last one wins
	}

	all := make([]Workload, 0, len(workloads))
	for k, w := range workloads {
		switch {
		case !before[k]:
			w.Status = New
			d.New++
		case openedNew[k]:
			w.Status = Recurring
			d.Recurring++
		default:
			w.Status = Ongoing
			d.Ongoing++
		}
		slices.Sort(w.Containers)
		all = append(all, *w)
	}
	slices.SortFunc(all, func(a, b Workload) int {
		return cmp.Or(cmp.Compare(b.Restarts, a.Restarts), cmp.Compare(b.Incidents, a.Incidents), compareRefs(a.WorkloadRef, b.WorkloadRef))
	})
	d.Workloads = len(all)
	d.Top = all[:min(len(all), TopN)]

	slices.SortFunc(d.Recoveries, func(a, b Recovery) int {
		return cmp.Or(cmp.Compare(b.Duration, a.Duration), a.ResolvedAt.Compare(b.ResolvedAt), cmp.Compare(a.Key.String(), b.Key.String()))
	})
	if n := len(d.Recoveries); n > 0 {
		d.LongestRecovery = d.Recoveries[0].Duration
		d.MedianRecovery = d.Recoveries[n/2].Duration
		if n%2 == 0 {
			d.MedianRecovery = (d.Recoveries[n/2-1].Duration + d.Recoveries[n/2].Duration) / 2
		}
	}
	d.ByNamespace, d.ByCategory = counts(byNS), counts(byCat)

	d.Flapping, d.More.Flapping = bound(flapping(incs, from, now))
	d.Long, d.More.Long = bound(longOpen(incs, now))
	d.RecurringCauses, d.More.RecurringCauses = bound(recurring(incs, from, now, d.Days))
	d.Grown, d.More.Grown = bound(grown(incs, prevFrom, from, now))

	byID := map[string]incident.Incident{}
	for _, inc := range incs {
		byID[inc.ID] = inc
	}
	link := func(id string) {
		if inc, ok := byID[id]; ok {
			d.Incidents[id] = inc
		}
	}
	for _, w := range d.Top {
		link(w.IncidentID)
	}
	for _, f := range d.Flapping {
		link(f.IncidentID)
	}
	for _, l := range d.Long {
		link(l.IncidentID)
	}
	for _, r := range d.RecurringCauses {
		link(r.IncidentID)
	}
	fleetView(&d, incs, from, now)
	d.Quiet = d.Workloads == 0
	return d
}

// LinkedIDs lists the IDs of d.Incidents, sorted.
func (d Digest) LinkedIDs() []string { return slices.Sorted(maps.Keys(d.Incidents)) }

func compareRefs(a, b WorkloadRef) int {
	return cmp.Or(cmp.Compare(a.Namespace, b.Namespace), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Cluster, b.Cluster))
}

// totals are the numbers of [from, to).
func totals(incs []incident.Incident, from, to time.Time) Totals {
	var t Totals
	var ttr time.Duration
	for _, inc := range incs {
		if in(inc.OpenedAt, from, to) {
			t.Opened++
			t.Restarts += int64(inc.Restarts)
		}
		if openAt(inc, to) {
			t.StillOpen++
		}
		if resolvedIn(inc, from, to) {
			t.Resolved++
			ttr += inc.ResolvedAt.Sub(inc.OpenedAt)
		}
	}
	if t.Resolved > 0 {
		t.MTTR = ttr / time.Duration(t.Resolved)
	}
	return t
}

// days counts the incidents opened and resolved per 24 hours over the n
// days ending at now.
func days(incs []incident.Incident, now time.Time, n int) []Day {
	start := now.Add(-time.Duration(n) * day)
	out := make([]Day, n)
	ttr := make([]time.Duration, n)
	for i := range out {
		out[i] = Day{Start: start.Add(time.Duration(i) * day), ByCategory: map[diagnose.Category]int{}}
	}
	for _, inc := range incs {
		if in(inc.OpenedAt, start, now) {
			i := int(inc.OpenedAt.Sub(start) / day)
			out[i].Opened++
			out[i].ByCategory[category(inc)]++
		}
		if resolvedIn(inc, start, now) {
			i := int(inc.ResolvedAt.Sub(start) / day)
			out[i].Resolved++
			ttr[i] += inc.ResolvedAt.Sub(inc.OpenedAt)
		}
	}
	for i := range out {
		if out[i].Resolved > 0 {
			out[i].MTTR = ttr[i] / time.Duration(out[i].Resolved)
		}
	}
	return out
}

// flapping finds workloads whose container crash-looped again in [from,
// to) after an earlier incident of it was resolved.
func flapping(incs []incident.Incident, from, to time.Time) []Flap {
	lastResolved := map[incident.Key]time.Time{} // incs are oldest first
	flaps := map[workloadKey]*Flap{}
	for _, inc := range incs {
		if r, ok := lastResolved[inc.Key]; ok && !inc.OpenedAt.Before(r) && in(inc.OpenedAt, from, to) {
			k := refOf(inc.Key)
			f := flaps[k]
			if f == nil {
				f = &Flap{WorkloadRef: k}
				flaps[k] = f
			}
			f.Reopens++
			f.Category, f.IncidentID = category(inc), inc.ID
		}
		if inc.State == incident.Resolved && inc.ResolvedAt.Before(to) && inc.ResolvedAt.After(lastResolved[inc.Key]) {
			lastResolved[inc.Key] = inc.ResolvedAt
		}
	}
	out := make([]Flap, 0, len(flaps))
	for _, f := range flaps {
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b Flap) int {
		return cmp.Or(cmp.Compare(b.Reopens, a.Reopens), compareRefs(a.WorkloadRef, b.WorkloadRef))
	})
	return out
}

// longOpen lists the incidents open at now for more than LongOpenAfter.
func longOpen(incs []incident.Incident, now time.Time) []LongOpen {
	var out []LongOpen
	for _, inc := range incs {
		if openAt(inc, now) && now.Sub(inc.OpenedAt) > LongOpenAfter {
			out = append(out, LongOpen{Key: inc.Key, OpenedAt: inc.OpenedAt, Age: now.Sub(inc.OpenedAt),
				Restarts: inc.Restarts, Category: category(inc), IncidentID: inc.ID})
		}
	}
	// incs are oldest first already
	return out
}

// recurring finds the workload+category pairs that opened incidents on at
// least two days of the trend, at least one of them in [from, to).
func recurring(incs []incident.Incident, from, to time.Time, trend []Day) []Recurrence {
	if len(trend) == 0 {
		return nil
	}
	start := trend[0].Start
	type cause struct {
		w   WorkloadRef
		cat diagnose.Category
	}
	daysOf := map[cause]map[int]bool{}
	recs := map[cause]*Recurrence{}
	recent := map[cause]bool{}
	for _, inc := range incs {
		if !in(inc.OpenedAt, start, to) {
			continue
		}
		c := cause{refOf(inc.Key), category(inc)}
		if daysOf[c] == nil {
			daysOf[c] = map[int]bool{}
			recs[c] = &Recurrence{WorkloadRef: c.w, Category: c.cat}
		}
		daysOf[c][int(inc.OpenedAt.Sub(start)/day)] = true
		recs[c].Incidents++
		recs[c].IncidentID = inc.ID
		recent[c] = recent[c] || !inc.OpenedAt.Before(from)
	}
	var out []Recurrence
	for c, r := range recs {
		if r.Days = len(daysOf[c]); r.Days >= 2 && recent[c] {
			out = append(out, *r)
		}
	}
	slices.SortFunc(out, func(a, b Recurrence) int {
		return cmp.Or(cmp.Compare(b.Days, a.Days), cmp.Compare(b.Incidents, a.Incidents),
			compareRefs(a.WorkloadRef, b.WorkloadRef), cmp.Compare(a.Category, b.Category))
	})
	return out
}

// grown lists the categories with more incidents opened in [from, to) than
// in [prevFrom, from), largest growth first.
func grown(incs []incident.Incident, prevFrom, from, to time.Time) []Growth {
	now, prev := map[diagnose.Category]int{}, map[diagnose.Category]int{}
	for _, inc := range incs {
		switch {
		case in(inc.OpenedAt, from, to):
			now[category(inc)]++
		case in(inc.OpenedAt, prevFrom, from):
			prev[category(inc)]++
		}
	}
	var out []Growth
	for c, n := range now {
		if n > prev[c] {
			out = append(out, Growth{Category: c, Now: n, Previous: prev[c]})
		}
	}
	slices.SortFunc(out, func(a, b Growth) int {
		return cmp.Or(cmp.Compare(b.Now-b.Previous, a.Now-a.Previous), cmp.Compare(b.Now, a.Now), cmp.Compare(a.Category, b.Category))
	})
	return out
}

// bound cuts a list to ListN and says how many were left out.
func bound[T any](s []T) ([]T, int) {
	if len(s) <= ListN {
		return s, 0
	}
	return s[:ListN], len(s) - ListN
}

func in(t, from, to time.Time) bool { return !t.Before(from) && t.Before(to) }

// openAt tells whether inc was open just before t: opened before it and
// not resolved before it (an incident resolved at To is still open in the
// window [From, To)).
func openAt(inc incident.Incident, t time.Time) bool {
	return inc.OpenedAt.Before(t) && (inc.State != incident.Resolved || !inc.ResolvedAt.Before(t))
}

func resolvedIn(inc incident.Incident, from, to time.Time) bool {
	return inc.State == incident.Resolved && in(inc.ResolvedAt, from, to)
}

// activeDuring tells whether inc was open at some time in [from, to).
func activeDuring(inc incident.Incident, from, to time.Time) bool {
	return inc.OpenedAt.Before(to) && (inc.State != incident.Resolved || !inc.ResolvedAt.Before(from))
}

// category is an incident's latest diagnosis; one not yet diagnosed counts
// as unknown.
func category(inc incident.Incident) diagnose.Category {
	return cmp.Or(inc.Report.Category, diagnose.Unknown)
}

func counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for name, n := range m {
		out = append(out, Count{Name: name, Incidents: n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), cmp.Compare(a.Name, b.Name))
	})
	return out
}
