package bot

import (
	"fmt"
	"strings"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// writeFleet prints a fleet incident's own notification: a box naming
// every cluster when it is first told, a line for each update.
func writeFleet(b *strings.Builder, n incident.Notification) {
	s := *n.Storm
	emoji, title := fleetHeadline(s)
	cs := fleetClusters(s)
	if n.Reason != incident.FirstNotification {
		var states []string
		for _, c := range cs {
			state := "crashing"
			if c.m.Resolved {
				state = "recovered"
			}
			states = append(states, c.name+" "+state)
		}
		fmt.Fprintf(b, "%s %s · %s\n", emoji, consoleText(title), consoleText(strings.Join(states, ", ")))
		return
	}
	head := "┌─ " + emoji + " " + consoleText(title) + " "
	b.WriteString(head + strings.Repeat("─", max(3, consoleWidth-runeLen(head))) + "\n")
	row := func(label, value string) {
		if value = consoleText(value); value != "" {
			fmt.Fprintf(b, "│ %-14s %s\n", label, value)
		}
	}
	if s.Factor.Kind == incident.FactorFleetImage {
		row("Image", s.Factor.Value)
	} else {
		row("Workload", s.Factor.Value)
	}
	row("Cause", categoryTitle(s.Category)+" ("+string(s.Category)+")")
	b.WriteString("│\n│ Clusters\n")
	width := 0
	for _, c := range cs {
		width = max(width, runeLen(consoleText(c.name)))
	}
	for _, c := range cs {
		state := fmt.Sprintf("crashing · %s · %s", plural(c.m.Pods, "pod"), plural(int(c.m.Restarts), "restart"))
		if c.m.Resolved {
			state = "recovered"
		}
		name := consoleText(c.name)
		fmt.Fprintf(b, "│   %s%s  %s · %s\n", name, strings.Repeat(" ", width-runeLen(name)), consoleText(workload(c.m.Key)), state)
	}
	consoleNextSteps(b, fleetSteps(s, cs))
	fmt.Fprintf(b, "│\n│ Open since %s · fleet incident %s\n", consoleTime(s.OpenedAt), consoleText(s.ID))
	b.WriteString("└" + strings.Repeat("─", consoleWidth-1) + "\n")
}
