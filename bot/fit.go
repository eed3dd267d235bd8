package bot

import (
	"fmt"
	"strings"
)

// listStyle says how fitLines lays out lines.
type listStyle int

const (
	// bullets: one "• line" per line, the first lines kept.
	bullets listStyle = iota
	// codeTail: a code block of the last lines (a log tail matters most).
	codeTail
)

// fitLines renders title and lines as one mrkdwn text of at most budget
// runes. lines are ready to print (escaped, clipped); at most maxLines are
// shown and the lines left out are counted in a visible note ("… 12 more
// lines"). It returns "" when there is nothing to show.
func fitLines(title string, lines []string, maxLines, budget int, style listStyle) string {
	if len(lines) == 0 {
		return ""
	}
	overhead := runeLen(title) + 1 // title and its newline
	if style == codeTail {
		overhead += len("```\n") + len("\n```")
	}
	// Choose how many lines fit, from the preferred end.
	idx := func(i int) int { // i-th preferred line
		if style == codeTail {
			return len(lines) - 1 - i
		}
		return i
	}
	lineCost := func(l string) int {
		if style == bullets {
			return runeLen(l) + len("• ") + 1
		}
		return runeLen(l) + 1
	}
	total := overhead
	for _, l := range lines {
		total += lineCost(l)
	}
	kept := len(lines)
	if kept > maxLines || total > budget {
		kept, total = 0, overhead+noteReserve
		for kept < len(lines) && kept < maxLines {
			c := lineCost(lines[idx(kept)])
			if total+c > budget {
				break
			}
			total += c
			kept++
		}
	}
	shown := lines[:kept]
	if style == codeTail {
		shown = lines[len(lines)-kept:]
	}
	omitted := len(lines) - kept
	var b strings.Builder
	b.WriteString(title)
	switch style {
	case bullets:
		for _, l := range shown {
			b.WriteString("\n• ")
			b.WriteString(l)
		}
		if omitted > 0 {
			fmt.Fprintf(&b, "\n_%s %s_", ellipsis, moreLines(omitted, "more"))
		}
	case codeTail:
		if omitted > 0 {
			fmt.Fprintf(&b, "\n_%s %s_", ellipsis, moreLines(omitted, "earlier"))
		}
		if kept > 0 {
			b.WriteString("\n```\n")
			b.WriteString(strings.Join(shown, "\n"))
			b.WriteString("\n```")
		}
	}
	return b.String()
}

// moreLines is "1 more line" or "12 earlier lines".
func moreLines(n int, adj string) string {
	if n == 1 {
		return "1 " + adj + " line"
	}
	return fmt.Sprintf("%d %s lines", n, adj)
}
