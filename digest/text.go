package digest

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// maxTextRecoveries bounds the recoveries WriteText lists.
const maxTextRecoveries = 10

// WriteText writes d for a terminal, in the time zone of d.To.
func WriteText(w io.Writer, d Digest) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Crash-loop digest, %s\n", Period(d))
	if d.Scope != "" {
		fmt.Fprintf(&b, "Scope: %s\n", d.Scope)
	}
	if d.Quiet {
		fmt.Fprintf(&b, "No crash loops. %s\n", QuietNote(d))
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "Incidents: %s\n", Headline(d))
	fmt.Fprintf(&b, "Workloads: %d (%d new, %d recurring, %d ongoing)", d.Workloads, d.New, d.Recurring, d.Ongoing)
	if d.IsFleet() {
		fmt.Fprintf(&b, " in %d clusters", len(d.Clusters))
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "\nTrend:\n")
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  \tTHIS %s\tPREVIOUS %s\tCHANGE\n", strings.ToUpper(FormatDuration(d.Window)), strings.ToUpper(FormatDuration(d.Window)))
	for _, r := range TrendRows(d) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", r.Name, r.Now, r.Previous, r.Change)
	}
	tw.Flush()
	fmt.Fprintf(&b, "  opened per day, last %d days: %s\n", len(d.Days), Sparkline(d))

	if d.IsFleet() {
		writeFleetText(&b, d) // fleet.go: per cluster, and workloads across clusters
	} else {
		b.WriteString("\nTop crashing workloads:\n")
		tw = tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  RESTARTS\tPODS\tINCIDENTS\tCATEGORY\tSTATUS\tWORKLOAD")
		for _, wl := range d.Top {
			state := string(wl.Status)
			if wl.Open {
				state += ", open"
			}
			fmt.Fprintf(tw, "  %d\t%d\t%d\t%s\t%s\t%s\n", wl.Restarts, wl.Pods, wl.Incidents, wl.Category, state, WorkloadName(wl))
		}
		tw.Flush()
		if more := d.Workloads - len(d.Top); more > 0 {
			fmt.Fprintf(&b, "  … and %d more\n", more)
		}
	}

	list := func(title string, lines []string, more int) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", title)
		for _, l := range lines {
			fmt.Fprintf(&b, "  %s\n", l)
		}
		if more > 0 {
			fmt.Fprintf(&b, "  … and %d more\n", more)
		}
	}
	var lines []string
	for _, f := range d.Flapping {
		lines = append(lines, fmt.Sprintf("%s: re-opened %s after recovering, %s", d.RefName(f.WorkloadRef), Times(f.Reopens), f.Category))
	}
	list("Flapping (recovered, then crashed again)", lines, d.More.Flapping)
	lines = nil
	for _, l := range d.Long {
		lines = append(lines, fmt.Sprintf("%s: open for %s (since %s), %d restarts, %s", d.KeyName(l.Key), FormatDuration(l.Age), clock(l.OpenedAt, d.To), l.Restarts, l.Category))
	}
	list("Open for more than a day", lines, d.More.Long)
	lines = nil
	for _, r := range d.RecurringCauses {
		lines = append(lines, fmt.Sprintf("%s: %s on %d of the last %d days (%d incidents)", d.RefName(r.WorkloadRef), r.Category, r.Days, len(d.Days), r.Incidents))
	}
	list("Recurring causes", lines, d.More.RecurringCauses)
	lines = nil
	for _, g := range d.Grown {
		lines = append(lines, fmt.Sprintf("%s: %d, was %d", g.Category, g.Now, g.Previous))
	}
	list("Categories that grew", lines, d.More.Grown)

	fmt.Fprintf(&b, "\nBy namespace: %s\n", joinCounts(d.ByNamespace))
	fmt.Fprintf(&b, "By category:  %s\n", joinCounts(d.ByCategory))

	if len(d.Recoveries) > 0 {
		b.WriteString("\nRecovered (longest first):\n")
		tw = tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for i, r := range d.Recoveries {
			if i == maxTextRecoveries {
				fmt.Fprintf(tw, "  … and %d more\n", len(d.Recoveries)-i)
				break
			}
			fmt.Fprintf(tw, "  %s\tafter %s\t(%s – %s)\n", d.KeyName(r.Key), FormatDuration(r.Duration), clock(r.OpenedAt, d.To), clock(r.ResolvedAt, d.To))
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Headline is the one-line summary of the incidents: "3 opened, 1 still
// open, 2 resolved (median time to recovery 14m, longest 1h5m)".
func Headline(d Digest) string {
	s := fmt.Sprintf("%d opened, %d still open, %d resolved", d.Opened, d.StillOpen, d.Resolved)
	if d.Resolved > 0 {
		s += fmt.Sprintf(" (median time to recovery %s, longest %s)", FormatDuration(d.MedianRecovery), FormatDuration(d.LongestRecovery))
	}
	return s
}

// QuietNote says what a quiet window follows: "The previous 24h had 3."
func QuietNote(d Digest) string {
	if d.Previous.Opened == 0 && d.Previous.StillOpen == 0 {
		return "The previous " + FormatDuration(d.Window) + " were quiet too."
	}
	return fmt.Sprintf("The previous %s had %d opened and %d open at its end.", FormatDuration(d.Window), d.Previous.Opened, d.Previous.StillOpen)
}

// TrendRow is one line of the comparison with the previous window.
type TrendRow struct {
	Name, Now, Previous string
	// Change is "+2", "−15m", "±0", or "" when there is nothing to compare.
	Change string
	// Worse is true when the number went up: every one of them is better
	// lower.
	Worse bool
}

// TrendRows compares the window with the previous one: opened, still
// open, MTTR and restarts.
func TrendRows(d Digest) []TrendRow {
	n, p := d.Totals, d.Previous
	row := func(name string, now, prev int64) TrendRow {
		return TrendRow{Name: name, Now: fmt.Sprint(now), Previous: fmt.Sprint(prev), Change: signed(now - prev), Worse: now > prev}
	}
	mttr := TrendRow{Name: "MTTR", Now: "–", Previous: "–"}
	if n.Resolved > 0 {
		mttr.Now = FormatDuration(n.MTTR)
	}
	if p.Resolved > 0 {
		mttr.Previous = FormatDuration(p.MTTR)
	}
	if n.Resolved > 0 && p.Resolved > 0 {
		diff := n.MTTR - p.MTTR
		switch {
		case mttr.Now == mttr.Previous:
			mttr.Change = "±0"
		case diff > 0:
			mttr.Change, mttr.Worse = "+"+FormatDuration(diff), true
		default:
			mttr.Change = "−" + FormatDuration(-diff)
		}
	}
	return []TrendRow{
		row("opened", int64(n.Opened), int64(p.Opened)),
		row("still open", int64(n.StillOpen), int64(p.StillOpen)),
		mttr,
		row("restarts", n.Restarts, p.Restarts),
	}
}

func signed(n int64) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprintf("−%d", -n)
	}
	return "±0"
}

// Sparkline draws the incidents opened per day of the trend as block
// characters, oldest first; a day with none is the lowest block.
func Sparkline(d Digest) string {
	const levels = "▁▂▃▄▅▆▇█"
	blocks := []rune(levels)
	peak := 0
	for _, day := range d.Days {
		peak = max(peak, day.Opened)
	}
	var b strings.Builder
	for _, day := range d.Days {
		i := 0
		if day.Opened > 0 {
			i = (day.Opened*(len(blocks)-1) + peak - 1) / peak
		}
		b.WriteRune(blocks[i])
	}
	return b.String()
}

// Times renders a count of repetitions: "once", "twice", "3 times".
func Times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// Period names the window in the time zone of d.To: "Tue 24 Nov 09:00 –
// Wed 25 Nov 09:00 CET (24h)".
func Period(d Digest) string {
	loc := d.To.Location()
	const layout = "Mon 2 Jan 15:04"
	return fmt.Sprintf("%s – %s %s (%s)", d.From.In(loc).Format(layout), d.To.Format(layout), d.To.Format("MST"), FormatDuration(d.Window))
}

// WorkloadName renders a workload as namespace/Kind/name, with its
// containers when it has several.
func WorkloadName(w Workload) string {
	s := w.WorkloadRef.String()
	if len(w.Containers) > 1 {
		s += "[" + strings.Join(w.Containers, ",") + "]"
	}
	return s
}

// FormatDuration renders d briefly: "45s", "14m", "2h5m", "3d4h".
func FormatDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return d.Round(time.Second).String()
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Round(time.Minute)/time.Minute))
	case d < 48*time.Hour:
		d = d.Round(time.Minute)
		h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
		if m == 0 {
			return fmt.Sprintf("%dh", h)
		}
		return fmt.Sprintf("%dh%dm", h, m)
	default:
		d = d.Round(time.Hour)
		days, h := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour)
		if h == 0 {
			return fmt.Sprintf("%dd", days)
		}
		return fmt.Sprintf("%dd%dh", days, h)
	}
}

// clock renders t in ref's time zone, with the date when it is not ref's day.
func clock(t, ref time.Time) string {
	t = t.In(ref.Location())
	if y, m, d := t.Date(); y == ref.Year() && m == ref.Month() && d == ref.Day() {
		return t.Format("15:04")
	}
	return t.Format("Mon 15:04")
}

func joinCounts(cs []Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s %d", c.Name, c.Incidents)
	}
	return strings.Join(parts, ", ")
}
