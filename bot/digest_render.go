package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/digest"
)

// Block ids of a digest message.
const (
	DigestHeaderBlockID     = "digest_header"
	DigestPeriodBlockID     = "digest_period"
	DigestSummaryBlockID    = "digest_summary"
	DigestTrendBlockID      = "digest_trend"
	DigestTopBlockID        = "digest_top"
	DigestFlappingBlockID   = "digest_flapping"
	DigestLongBlockID       = "digest_long"
	DigestRecurringBlockID  = "digest_recurring"
	DigestGrownBlockID      = "digest_grown"
	DigestSplitBlockID      = "digest_split"
	DigestRecoveriesBlockID = "digest_recoveries"
)

// How much of a digest its message lists; the rest is counted.
const (
	maxDigestSplitLines    = 15
	maxDigestRecoveryLines = 10
)

// RenderDigest renders a digest as one Block Kit message for cluster: text
// is the notification fallback, blocks the message (at most 13 blocks, each
// within Slack's limits). links maps incident IDs to the permalinks of their
// alert messages; a workload without one is shown without a link. A quiet
// window is one line and the comparison with the window before. Names are
// escaped for mrkdwn.
func RenderDigest(d digest.Digest, cluster string, links map[string]string) (text string, blocks []slack.Block) {
	title := "Crash-loop digest"
	if d.Window >= digest.Week {
		title = "Weekly crash-loop digest"
	}
	if d.IsFleet() {
		cluster = fleetDigestTitle(d) // digest_fleet.go
	}
	if cluster != "" {
		title += ": " + cluster
	}
	header := slack.NewTextBlockObject(slack.PlainTextType, clip(oneLine(title), maxHeaderText), false, false)
	scope := "all watched namespaces"
	if d.Scope != "" {
		scope = "namespaces " + d.Scope
	}
	blocks = append(blocks,
		slack.NewHeaderBlock(header, slack.HeaderBlockOptionBlockID(DigestHeaderBlockID)),
		slack.NewContextBlock(DigestPeriodBlockID, md(escClip(digest.Period(d)+" · "+scope, maxContextText))),
	)
	where := ""
	if cluster != "" {
		where = " in " + oneLine(cluster)
	}
	if d.Quiet {
		text = clip(fmt.Sprintf("No crash loops%s in the last %s.", where, digest.FormatDuration(d.Window)), maxFallbackRunes)
		blocks = append(blocks, section(DigestSummaryBlockID, ":white_check_mark: "+escClip(text+" "+digest.QuietNote(d), maxSectionText-30)))
		return text, blocks
	}
	text = clip(fmt.Sprintf("Crash-loop digest%s: %s", where, digest.Headline(d)), maxFallbackRunes)

	// The trend as four fields (two columns, also on a phone): this
	// window's number, and how it compares with the window before.
	var fields []*slack.TextBlockObject
	for _, r := range digest.TrendRows(d) {
		fields = append(fields, md(fmt.Sprintf("*%s*\n*%s*  %s", capitalize(r.Name), escape(r.Now), trendNote(r))))
	}
	blocks = append(blocks, slack.NewSectionBlock(nil, fields, nil, slack.SectionBlockOptionBlockID(DigestSummaryBlockID)))

	trend := fmt.Sprintf("Opened per day, last %d days: %s", len(d.Days), digest.Sparkline(d))
	if d.Resolved > 0 {
		trend += fmt.Sprintf(" · time to recovery: median %s, longest %s",
			digest.FormatDuration(d.MedianRecovery), digest.FormatDuration(d.LongestRecovery))
	}
	trend += fmt.Sprintf(" · %s: %d new, %d recurring, %d ongoing", plural(d.Workloads, "workload"), d.New, d.Recurring, d.Ongoing)
	blocks = append(blocks, slack.NewContextBlock(DigestTrendBlockID, md(clip(trend, maxContextText))))

	if d.IsFleet() {
		blocks = append(blocks, fleetDigestBlocks(d, links)...)
	} else {
		top := lineList{title: "*Top crashing workloads*", budget: maxSectionText}
		for _, w := range d.Top {
			state := string(w.Status)
			if w.Open {
				state += ", still open"
			}
			top.add(fmt.Sprintf("• %s: %s, %s, %s · _%s_", linked(links, w.IncidentID, digest.WorkloadName(w)),
				plural(int(w.Restarts), "restart"), plural(w.Pods, "pod"), escClip(string(w.Category), 100), state))
		}
		top.more += d.Workloads - len(d.Top)
		blocks = append(blocks, section(DigestTopBlockID, top.String()))
	}

	if len(d.Flapping) > 0 {
		l := lineList{title: "*Flapping* (recovered, then crash-looped again)", budget: maxSectionText}
		for _, f := range d.Flapping {
			l.add(fmt.Sprintf("• %s: re-opened %s · %s", linked(links, f.IncidentID, d.RefName(f.WorkloadRef)), digest.Times(f.Reopens), escClip(string(f.Category), 100)))
		}
		l.more += d.More.Flapping
		blocks = append(blocks, section(DigestFlappingBlockID, l.String()))
	}
	if len(d.Long) > 0 {
		l := lineList{title: "*Open for more than a day*", budget: maxSectionText}
		for _, o := range d.Long {
			l.add(fmt.Sprintf("• %s: open %s, %s · %s", linked(links, o.IncidentID, d.KeyName(o.Key)), digest.FormatDuration(o.Age),
				plural(int(o.Restarts), "restart"), escClip(string(o.Category), 100)))
		}
		l.more += d.More.Long
		blocks = append(blocks, section(DigestLongBlockID, l.String()))
	}
	if len(d.RecurringCauses) > 0 {
		l := lineList{title: "*Recurring causes* (same workload and cause on several days)", budget: maxSectionText}
		for _, r := range d.RecurringCauses {
			l.add(fmt.Sprintf("• %s: %s on %d of the last %d days, %s", linked(links, r.IncidentID, d.RefName(r.WorkloadRef)),
				escClip(string(r.Category), 100), r.Days, len(d.Days), plural(r.Incidents, "incident")))
		}
		l.more += d.More.RecurringCauses
		blocks = append(blocks, section(DigestRecurringBlockID, l.String()))
	}
	if len(d.Grown) > 0 {
		var parts []string
		for _, g := range d.Grown {
			parts = append(parts, fmt.Sprintf("%s %d (was %d)", escClip(string(g.Category), 100), g.Now, g.Previous))
		}
		s := "*Categories that grew:* " + strings.Join(parts, " · ")
		if d.More.Grown > 0 {
			s += fmt.Sprintf(" _… and %d more_", d.More.Grown)
		}
		blocks = append(blocks, section(DigestGrownBlockID, clip(s, maxSectionText)))
	}

	blocks = append(blocks, slack.NewSectionBlock(nil, []*slack.TextBlockObject{
		md(countList("*By namespace*", d.ByNamespace)),
		md(countList("*By category*", d.ByCategory)),
	}, nil, slack.SectionBlockOptionBlockID(DigestSplitBlockID)))

	if len(d.Recoveries) > 0 {
		rec := lineList{title: "*Recovered* (longest first)", budget: maxSectionText}
		for i, r := range d.Recoveries {
			if i == maxDigestRecoveryLines {
				rec.more += len(d.Recoveries) - i
				break
			}
			rec.add(fmt.Sprintf("• %s after %s", codeSpan(d.KeyName(r.Key), 300), digest.FormatDuration(r.Duration)))
		}
		blocks = append(blocks, section(DigestRecoveriesBlockID, rec.String()))
	}
	return text, blocks
}

// trendNote says how a number compares with the previous window: "▲ +3
// (was 2)" when it went up, "▼ −1 (was 2)" when down, "= (was 2)" when
// flat, just "(was 2h)" when there is nothing to compare (no recovery in
// one of them).
func trendNote(r digest.TrendRow) string {
	was := "_(was " + escape(r.Previous) + ")_"
	switch {
	case r.Change == "":
		return was
	case r.Change == "±0":
		return "= " + was
	case r.Worse:
		return "▲ " + escape(r.Change) + " " + was
	}
	return "▼ " + escape(r.Change) + " " + was
}

// linked renders label as a link to the incident's alert when links has
// it, else as code.
func linked(links map[string]string, id, label string) string {
	if u, ok := links[id]; ok && safeURL(u) {
		return "<" + u + "|" + escClip(oneLine(label), 300) + ">"
	}
	return codeSpan(label, 300)
}

// safeURL accepts only an http(s) URL that cannot break out of a mrkdwn
// link.
func safeURL(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && len(u) < 500 &&
		!strings.ContainsAny(u, "<>| \n\t")
}

func capitalize(s string) string {
	if s == "" || s == strings.ToUpper(s) {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// countList renders counts as the lines of a section field.
func countList(title string, cs []digest.Count) string {
	l := lineList{title: title, budget: maxFieldText}
	for i, c := range cs {
		if i == maxDigestSplitLines {
			l.more += len(cs) - i
			break
		}
		l.add(escClip(oneLine(c.Name), 200) + ": " + strconv.Itoa(c.Incidents))
	}
	return l.String()
}

// lineList collects mrkdwn lines under a title within budget runes; lines
// that do not fit are counted in a closing "… and N more" note.
type lineList struct {
	title  string
	budget int
	lines  []string
	used   int
	more   int
}

func (l *lineList) add(line string) {
	n := runeLen(line) + 1
	if l.more > 0 || runeLen(l.title)+l.used+n > l.budget-noteReserve {
		l.more++
		return
	}
	l.lines = append(l.lines, line)
	l.used += n
}

func (l *lineList) String() string {
	s := l.title + "\n" + strings.Join(l.lines, "\n")
	if l.more > 0 {
		s += fmt.Sprintf("\n_… and %d more_", l.more)
	}
	return s
}
