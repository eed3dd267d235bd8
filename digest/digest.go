// Package digest summarises the crash loops of a period (by default the last
// 24 hours) for a daily message: what opened, what is still open, what
// recovered and how fast, the worst workloads, the split by namespace and
// by cause, and what is new versus recurring.
//
// Build is pure; WriteText and Chart render a Digest for the console and as
// a PNG; Scheduler sends digests on a cron schedule per channel and catches
// up once on a run the bot missed.
package digest

import (
	"cmp"
	"slices"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// DefaultWindow is the period a digest covers unless configured otherwise.
const DefaultWindow = 24 * time.Hour

// TopN bounds Digest.Top.
const TopN = 10

// Digest is the summary of the incidents of one window, [From, To).
type Digest struct {
	From, To time.Time
	Window   time.Duration

	// Opened counts incidents opened in the window, StillOpen those not
	// resolved at To (wherever they opened), Resolved those resolved in it.
	Opened, StillOpen, Resolved int
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

	// Buckets count incidents opened per BucketWidth (an hour for windows up
	// to two days, else a day), from From.
	Buckets     []Bucket
	BucketWidth time.Duration

	// Quiet is true when no incident was active during the window.
	Quiet bool
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

// Workload is one workload's crash loops during the window.
type Workload struct {
	Cluster, Namespace, Kind, Name string
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

// Bucket counts the incidents opened in [Start, Start+Digest.BucketWidth).
type Bucket struct {
	Start  time.Time
	Opened int
}

type workloadKey struct{ cluster, namespace, kind, name string }

// Build summarises incidents for the window ending at now (DefaultWindow
// when window is not positive). incidents may include any others: the ones
// of the window before it tell new from recurring workloads; the rest are
// ignored.
func Build(incidents []incident.Incident, window time.Duration, now time.Time) Digest {
	if window <= 0 {
		window = DefaultWindow
	}
	from := now.Add(-window)
	d := Digest{From: from, To: now, Window: window, BucketWidth: time.Hour}
	if window > 48*time.Hour {
		d.BucketWidth = 24 * time.Hour
	}
	n := int((window + d.BucketWidth - 1) / d.BucketWidth)
	for i := range n {
		d.Buckets = append(d.Buckets, Bucket{Start: from.Add(time.Duration(i) * d.BucketWidth)})
	}

	before := map[workloadKey]bool{}
	workloads := map[workloadKey]*Workload{}
	openedNew := map[workloadKey]bool{}
	lastCrash := map[workloadKey]time.Time{}
	byNS, byCat := map[string]int{}, map[string]int{}
	for _, inc := range incidents {
		k := workloadKey{inc.Key.Cluster, inc.Key.Namespace, inc.Key.Kind, inc.Key.Name}
		if activeDuring(inc, from.Add(-window), from) {
			before[k] = true
		}
		if !activeDuring(inc, from, now) {
			continue
		}
		if !inc.OpenedAt.Before(from) {
			d.Opened++
			d.Buckets[int(inc.OpenedAt.Sub(from)/d.BucketWidth)].Opened++
			openedNew[k] = true
		}
		open := inc.State != incident.Resolved || !inc.ResolvedAt.Before(now)
		if open {
			d.StillOpen++
		} else if !inc.ResolvedAt.Before(from) {
			d.Resolved++
			d.Recoveries = append(d.Recoveries, Recovery{Key: inc.Key, OpenedAt: inc.OpenedAt, ResolvedAt: inc.ResolvedAt, Duration: inc.ResolvedAt.Sub(inc.OpenedAt)})
		}
		cat := category(inc)
		byNS[inc.Key.Namespace]++
		byCat[string(cat)]++

		w := workloads[k]
		if w == nil {
			w = &Workload{Cluster: k.cluster, Namespace: k.namespace, Kind: k.kind, Name: k.name}
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
		return cmp.Or(cmp.Compare(b.Restarts, a.Restarts), cmp.Compare(b.Incidents, a.Incidents),
			cmp.Compare(a.Namespace, b.Namespace), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Cluster, b.Cluster))
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
	d.Quiet = d.Workloads == 0
	return d
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
