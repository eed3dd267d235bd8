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
	if d.Quiet {
		b.WriteString("No crash loops. A quiet day.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "Incidents: %s\n", Headline(d))
	fmt.Fprintf(&b, "Workloads: %d (%d new, %d recurring, %d ongoing)\n", d.Workloads, d.New, d.Recurring, d.Ongoing)

	b.WriteString("\nTop crashing workloads:\n")
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
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
			fmt.Fprintf(tw, "  %s\tafter %s\t(%s – %s)\n", r.Key, FormatDuration(r.Duration), clock(r.OpenedAt, d.To), clock(r.ResolvedAt, d.To))
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
	s := w.Namespace + "/" + w.Kind + "/" + w.Name
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
