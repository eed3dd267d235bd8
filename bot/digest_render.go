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
	DigestTopBlockID        = "digest_top"
	DigestSplitBlockID      = "digest_split"
	DigestRecoveriesBlockID = "digest_recoveries"
)

// How much of a digest its message lists; the rest is counted.
const (
	maxDigestSplitLines    = 15
	maxDigestRecoveryLines = 10
)

// RenderDigest renders a digest as one Block Kit message for cluster: text
// is the notification fallback, blocks the message (at most 7 blocks, each
// within Slack's limits). A quiet window is one line. Names are escaped for
// mrkdwn.
func RenderDigest(d digest.Digest, cluster string) (text string, blocks []slack.Block) {
	title := "Crash-loop digest"
	if cluster != "" {
		title += ": " + cluster
	}
	header := slack.NewTextBlockObject(slack.PlainTextType, clip(oneLine(title), maxHeaderText), false, false)
	blocks = append(blocks,
		slack.NewHeaderBlock(header, slack.HeaderBlockOptionBlockID(DigestHeaderBlockID)),
		slack.NewContextBlock(DigestPeriodBlockID, md(escClip(digest.Period(d), maxContextText))),
	)
	where := ""
	if cluster != "" {
		where = " in " + oneLine(cluster)
	}
	if d.Quiet {
		text = clip(fmt.Sprintf("No crash loops%s in the last %s.", where, digest.FormatDuration(d.Window)), maxFallbackRunes)
		blocks = append(blocks, section(DigestSummaryBlockID, ":white_check_mark: "+escClip(text, maxSectionText-30)))
		return text, blocks
	}
	text = clip(fmt.Sprintf("Crash-loop digest%s: %s", where, digest.Headline(d)), maxFallbackRunes)

	summary := fmt.Sprintf("*%d* opened · *%d* still open · *%d* resolved", d.Opened, d.StillOpen, d.Resolved)
	if d.Resolved > 0 {
		summary += fmt.Sprintf("\nTime to recovery: median *%s*, longest *%s*",
			digest.FormatDuration(d.MedianRecovery), digest.FormatDuration(d.LongestRecovery))
	}
	summary += fmt.Sprintf("\n%s: %d new, %d recurring, %d ongoing", plural(d.Workloads, "workload"), d.New, d.Recurring, d.Ongoing)
	blocks = append(blocks, section(DigestSummaryBlockID, summary))

	top := lineList{title: "*Top crashing workloads*", budget: maxSectionText}
	for _, w := range d.Top {
		state := string(w.Status)
		if w.Open {
			state += ", still open"
		}
		top.add(fmt.Sprintf("• %s: %s, %s, %s · _%s_", codeSpan(digest.WorkloadName(w), 300),
			plural(int(w.Restarts), "restart"), plural(w.Pods, "pod"), escClip(string(w.Category), 100), state))
	}
	top.more += d.Workloads - len(d.Top)
	blocks = append(blocks, section(DigestTopBlockID, top.String()))

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
			rec.add(fmt.Sprintf("• %s after %s", codeSpan(r.Key.String(), 300), digest.FormatDuration(r.Duration)))
		}
		blocks = append(blocks, section(DigestRecoveriesBlockID, rec.String()))
	}
	return text, blocks
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
