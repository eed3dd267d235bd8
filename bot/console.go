package bot

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// consoleWidth is the width of the console box's rules.
const consoleWidth = 72

// Console text is wrapped, never cut mid-sentence: prose (causes, evidence,
// advice) wraps at wrapWidth columns with continuation lines indented
// under the first, up to maxWrapLines lines per item (only pathological
// input gets that far). Commands stay on one line so they can be copied,
// and log lines stay one per line as the app wrote them, each bounded.
const (
	wrapWidth       = 100
	maxWrapLines    = 12
	maxLogWidth     = 160
	maxCommandWidth = 512
)

// Console prints each notification readably to a terminal: a boxed message
// for a new incident, a line for an update, a line for a resolution. It is
// what `crashloop-bot run` uses when no Slack token is configured. It is
// safe for concurrent use; log lines are stripped of control characters so
// a crashing app cannot drive the terminal.
type Console struct {
	mu sync.Mutex
	w  io.Writer
}

// NewConsole returns a Console writing to w.
func NewConsole(w io.Writer) *Console { return &Console{w: w} }

// Notify prints n. Write errors are ignored: there is nowhere to report
// them.
func (c *Console) Notify(n incident.Notification) {
	var b strings.Builder
	switch {
	case n.Storm != nil:
		writeStorm(&b, n)
	case n.Reason == incident.FirstNotification:
		writeBox(&b, n.Incident)
	default:
		writeUpdate(&b, n)
	}
	if t := consoleText(threadPlain(n)); t != "" && n.Reason == incident.FirstNotification && n.Storm == nil {
		fmt.Fprintf(&b, "  ↳ %s\n", t)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, _ = io.WriteString(c.w, b.String())
}

// consoleText makes text one safe terminal line.
func consoleText(s string) string { return strings.TrimSpace(oneLine(s)) }

func consoleTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") }

// writeUpdate prints one line for an update or a resolution.
func writeUpdate(b *strings.Builder, n incident.Notification) {
	inc := n.Incident
	f := finding(inc)
	emoji, title := headline(inc)
	var facts []string
	if inc.State == incident.Resolved {
		if !inc.ResolvedAt.IsZero() && !inc.OpenedAt.IsZero() {
			facts = append(facts, "after "+humanDuration(inc.ResolvedAt.Sub(inc.OpenedAt)))
		}
	} else {
		emoji = "↻"
		facts = append(facts, categoryTitle(f.Category),
			plural(int(restarts(inc, f)), "restart"), plural(podCount(inc), "pod"))
	}
	line := fmt.Sprintf("%s %s [%s]", emoji, consoleText(title), consoleText(inc.Key.Container))
	if len(facts) > 0 {
		line += " · " + strings.Join(facts, " · ")
	}
	if t := consoleText(threadPlain(n)); t != "" {
		line += " — " + t
	}
	b.WriteString(line + "\n")
}

// threadPlain is RenderThread without mrkdwn escaping, for terminals.
func threadPlain(n incident.Notification) string {
	if len(n.Notes) > 0 {
		return strings.Join(notesLines(n, func(s string) string { return s }, consoleTime), " ")
	}
	if n.Reason != incident.ResolvedReason {
		return ""
	}
	return "every pod is running and ready"
}

// writeBox prints the whole incident message.
func writeBox(b *strings.Builder, inc incident.Incident) {
	f := finding(inc)
	emoji, title := headline(inc)
	head := "┌─ " + emoji + " " + consoleText(title) + " "
	b.WriteString(head + strings.Repeat("─", max(3, consoleWidth-runeLen(head))) + "\n")
	row := func(label, value string) {
		for i, part := range wrapText(consoleText(value), wrapWidth-17, maxWrapLines) {
			if i > 0 {
				label = ""
			}
			fmt.Fprintf(b, "│ %-14s %s\n", label, part)
		}
	}
	k := inc.Key
	row("Cluster", k.Cluster)
	row("Workload", strings.TrimSpace(k.Kind+" "+workload(k)))
	row("Container", containerLabel(k.Container, f.ContainerType))
	cause := categoryTitle(f.Category)
	if f.Category != "" {
		cause += " (" + string(f.Category) + ")"
	}
	row("Cause", cause)
	row("", f.Summary)
	if code := exitCode(f); code != "" {
		row("Exit code", code+" — "+f.ExitMeaning)
	}
	row("Restarts", strconv.Itoa(int(restarts(inc, f))))
	row("Ran for", f.RanFor)
	pods := strconv.Itoa(podCount(inc))
	if len(inc.Pods) > 0 {
		names := inc.Pods[:min(len(inc.Pods), maxPodNames)]
		pods += ": " + strings.Join(names, ", ")
		if more := podCount(inc) - len(names); more > 0 {
			pods += fmt.Sprintf(" and %d more", more)
		}
	}
	row("Pods affected", pods)
	row("Image", f.Image)
	row("Changed", whatChanged(inc))
	if inc.State != incident.Resolved {
		row("Blast radius", inc.Related)
	}
	list(b, "Evidence", "• ", f.Evidence, maxEvidenceLines, false)
	list(b, "Previous log", "│ ", f.LogExcerpt, maxLogLines, true)
	var steps []string
	for _, s := range nextSteps(inc, f) {
		if isCommand(s) {
			s = "$ " + s
		}
		steps = append(steps, s)
	}
	list(b, "Next steps", "", steps, maxStepLines, false)
	var others []string
	for _, o := range otherFindings(inc, f) {
		others = append(others, containerLabel(o.Container, o.ContainerType)+": "+categoryTitle(o.Category)+" — "+o.Summary)
	}
	list(b, "Also failing in this pod", "• ", others, maxOtherLines, false)
	b.WriteString("│\n")
	b.WriteString("│ " + consoleState(inc) + "\n")
	b.WriteString("└" + strings.Repeat("─", consoleWidth-1) + "\n")
}

// list prints a titled list of at most max lines (the last ones for tail)
// with a note for the rest.
func list(b *strings.Builder, title, prefix string, lines []string, maxLines int, tail bool) {
	if len(lines) == 0 {
		return
	}
	shown, omitted := lines, 0
	if len(lines) > maxLines {
		omitted = len(lines) - maxLines
		if tail {
			shown = lines[omitted:]
		} else {
			shown = lines[:maxLines]
		}
	}
	fmt.Fprintf(b, "│\n│ %s\n", title)
	if tail && omitted > 0 {
		fmt.Fprintf(b, "│   %s %s\n", ellipsis, moreLines(omitted, "earlier"))
	}
	indent := strings.Repeat(" ", runeLen(prefix))
	for _, l := range shown {
		l = consoleText(l)
		switch {
		case tail: // a log line
			fmt.Fprintf(b, "│   %s%s\n", prefix, clip(l, maxLogWidth))
		case strings.HasPrefix(l, "$ "):
			fmt.Fprintf(b, "│   %s%s\n", prefix, clip(l, maxCommandWidth))
		default:
			for i, part := range wrapText(l, wrapWidth-4-runeLen(prefix), maxWrapLines) {
				p := prefix
				if i > 0 {
					p = indent
				}
				fmt.Fprintf(b, "│   %s%s\n", p, part)
			}
		}
	}
	if !tail && omitted > 0 {
		fmt.Fprintf(b, "│   %s %s\n", ellipsis, moreLines(omitted, "more"))
	}
}

func consoleState(inc incident.Incident) string {
	var parts []string
	switch {
	case inc.State == incident.Resolved && !inc.ResolvedAt.IsZero():
		parts = append(parts, "Resolved after "+humanDuration(inc.ResolvedAt.Sub(inc.OpenedAt))+" at "+consoleTime(inc.ResolvedAt))
	case !inc.OpenedAt.IsZero():
		parts = append(parts, "Open since "+consoleTime(inc.OpenedAt))
	}
	if silenced(inc) {
		parts = append(parts, "silenced until "+consoleTime(inc.SilencedUntil))
	}
	if inc.Report.Redacted {
		parts = append(parts, "secrets redacted")
	}
	if inc.ID != "" {
		parts = append(parts, "incident "+consoleText(inc.ID))
	}
	return strings.Join(parts, " · ")
}

// wrapText breaks s into lines of at most width runes at spaces; a word
// longer than width (a URL, a path) gets a line of its own, whole. After
// maxLines lines the rest is cut and the last line ends in "…".
func wrapText(s string, width, maxLines int) []string {
	var lines []string
	var cur strings.Builder
	curLen := 0
	for _, word := range strings.Fields(s) {
		n := runeLen(word)
		if curLen > 0 && curLen+1+n > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curLen = 0
		}
		if curLen > 0 {
			cur.WriteByte(' ')
			curLen++
		}
		cur.WriteString(word)
		curLen += n
	}
	if curLen > 0 {
		lines = append(lines, cur.String())
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) >= width {
			last = last[:len(last)-1]
		}
		lines[maxLines-1] = string(last) + ellipsis
	}
	for i, l := range lines {
		// A single word longer than the whole budget is still bounded.
		lines[i] = clip(l, max(width, maxCommandWidth))
	}
	return lines
}
