package diagnose

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// labelWidth aligns the values of the text report.
const labelWidth = 12

// WriteText renders r for a terminal: the pod, its owner and status, then
// every failing container with its category, summary, exit code, restarts,
// evidence, log excerpt and next steps. A healthy pod is printed as healthy.
func WriteText(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	field(bw, "Pod", r.Pod)
	if r.Owner != nil {
		field(bw, "Owner", r.Owner.String())
	}
	field(bw, "Status", r.Status)
	if r.Healthy {
		field(bw, "Healthy", "yes")
		field(bw, "Message", r.Message)
		return bw.Flush()
	}
	field(bw, "Healthy", fmt.Sprintf("no, %d failing", len(r.Containers)))
	if r.Redacted {
		field(bw, "Redacted", "yes, secrets in the output were replaced by [REDACTED]")
	}
	findings := r.Containers
	if len(findings) == 0 {
		findings = []Finding{r.Finding}
	}
	for i, f := range findings {
		fmt.Fprintln(bw)
		if len(findings) > 1 {
			fmt.Fprintf(bw, "== %d of %d ==\n", i+1, len(findings))
		}
		writeFinding(bw, f)
	}
	return bw.Flush()
}

func writeFinding(w io.Writer, f Finding) {
	if f.Container != "" {
		c := fmt.Sprintf("%s (%s)", f.Container, f.ContainerType)
		if f.Image != "" {
			c += "  image " + f.Image
		}
		field(w, "Container", c)
	} else {
		field(w, "Scope", "pod")
	}
	cat := string(f.Category)
	if f.Confidence != "" {
		cat += " (" + string(f.Confidence) + ")"
	}
	if len(f.Alternatives) > 0 {
		alts := make([]string, len(f.Alternatives))
		for i, a := range f.Alternatives {
			alts[i] = string(a)
		}
		cat += ", also possible: " + strings.Join(alts, ", ")
	}
	field(w, "Category", cat)
	field(w, "Summary", f.Summary)
	if f.ExitCode != nil {
		e := fmt.Sprintf("%d: %s", *f.ExitCode, f.ExitMeaning)
		field(w, "Exit code", e)
	}
	if f.Reason != "" || f.Signal != "" {
		field(w, "Reason", strings.TrimSpace(f.Reason+" "+f.Signal))
	}
	if f.WaitingReason != "" {
		field(w, "Waiting", f.WaitingReason)
	}
	if f.Container != "" {
		field(w, "Restarts", itoa(int(f.Restarts)))
	}
	if f.RanFor != "" {
		field(w, "Ran for", fmt.Sprintf("%s (%s to %s)", f.RanFor, f.StartedAt.Format(time.RFC3339), f.FinishedAt.Format(time.RFC3339)))
	}
	if f.TerminationMessage != "" {
		field(w, "Message", firstLine(f.TerminationMessage))
	}
	list(w, "Evidence", f.Evidence, "- ")
	if len(f.Missing) > 0 {
		fmt.Fprintln(w, "Missing:")
		for _, m := range f.Missing {
			fmt.Fprintf(w, "  - %s\n      $ %s\n", m.What, m.Command)
		}
	}
	if len(f.LogExcerpt) > 0 {
		fmt.Fprintf(w, "Log excerpt (last %d lines):\n", len(f.LogExcerpt))
		for _, l := range f.LogExcerpt {
			fmt.Fprintf(w, "  | %s\n", l)
		}
	}
	if len(f.NextSteps) > 0 {
		fmt.Fprintln(w, "Next steps:")
		for i, s := range f.NextSteps {
			fmt.Fprintf(w, "  %d. %s\n", i+1, s)
		}
	}
}

func field(w io.Writer, label, value string) {
	fmt.Fprintf(w, "%-*s %s\n", labelWidth, label+":", value)
}

func list(w io.Writer, title string, items []string, bullet string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "%s:\n", title)
	for _, it := range items {
		fmt.Fprintf(w, "  %s%s\n", bullet, it)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}
