package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// writeStorm prints a storm notification: a box when the storm forms, a
// line for each update and for the resolution, and an indented line for
// each member (its details would be its thread reply in Slack).
func writeStorm(b *strings.Builder, n incident.Notification) {
	if !n.IsStorm() {
		inc := n.Incident
		f := finding(inc)
		line := fmt.Sprintf("  ↳ %s [%s] · %s", consoleText(memberName(inc)), consoleText(inc.Key.Container), categoryTitle(f.Category))
		switch {
		case n.Reason == incident.ResolvedReason:
			line += " · recovered"
		case len(n.Notes) > 0:
			line += " — " + consoleText(threadPlain(n))
		case f.Summary != "":
			line += " — " + consoleText(f.Summary)
		}
		b.WriteString(line + "\n")
		return
	}
	s := *n.Storm
	if s.Factor.Fleet() {
		writeFleet(b, n) // console_fleet.go
		return
	}
	emoji, title := stormHeadline(s)
	if n.Reason != incident.FirstNotification {
		fmt.Fprintf(b, "%s %s · %d of %d crashing · %s\n", emoji, consoleText(title), s.Crashing(), len(s.Members), plural(s.Pods(), "pod"))
		return
	}
	head := "┌─ " + emoji + " " + consoleText(title) + " "
	b.WriteString(head + strings.Repeat("─", max(3, consoleWidth-runeLen(head))) + "\n")
	row := func(label, value string) {
		if value = consoleText(value); value != "" {
			fmt.Fprintf(b, "│ %-14s %s\n", label, value)
		}
	}
	row("Cluster", s.Cluster)
	row("Shared cause", factorLabel(s.Factor))
	row("Cause", categoryTitle(s.Category)+" ("+string(s.Category)+")")
	row("Workloads", strconv.Itoa(len(s.Members)))
	row("Pods affected", strconv.Itoa(s.Pods()))
	consoleNextSteps(b, stormSteps(s))
	fmt.Fprintf(b, "│\n│ Open since %s · storm %s\n", consoleTime(s.OpenedAt), consoleText(s.ID))
	b.WriteString("└" + strings.Repeat("─", consoleWidth-1) + "\n")
}

// consoleNextSteps writes a storm's or fleet incident's next steps,
// commands marked with "$ ".
func consoleNextSteps(b *strings.Builder, steps []string) {
	b.WriteString("│\n│ Next steps\n")
	for _, step := range steps {
		if isCommand(step) {
			fmt.Fprintf(b, "│   $ %s\n", consoleText(step))
		} else {
			fmt.Fprintf(b, "│   %s\n", consoleText(step))
		}
	}
}
