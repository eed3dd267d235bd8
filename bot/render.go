package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// Block ids of an incident message. Interaction handlers find blocks by id.
const (
	HeaderBlockID   = "incident_header"
	FactsBlockID    = "incident_facts"
	SummaryBlockID  = "incident_summary"
	ChangeBlockID   = "incident_change"
	RelatedBlockID  = "incident_related"
	PodsBlockID     = "incident_pods"
	EvidenceBlockID = "incident_evidence"
	LogBlockID      = "incident_log"
	StepsBlockID    = "incident_next_steps"
	OthersBlockID   = "incident_other_containers"
	StateBlockID    = "incident_state"
	// ActionsBlockID is the block id of the row of incident buttons (Logs,
	// Describe, Probe, Silence) that actionElements returns; Render keeps
	// room for it as the message's last block.
	ActionsBlockID = "incident_actions"
)

// Render renders an incident as one Block Kit message: text is the short
// notification fallback (workload and cause), blocks the message. The
// result always fits Slack's limits; what does not fit is cut with a
// visible note. All user-controlled text is escaped for mrkdwn.
func Render(inc incident.Incident) (text string, blocks []slack.Block) {
	f := finding(inc)
	emoji, title := headline(inc)
	blocks = append(blocks, headerBlock(emoji+" "+title))
	blocks = append(blocks, factsBlock(inc, f))
	if b := summaryBlock(f); b != nil {
		blocks = append(blocks, b)
	}
	for _, b := range []*slack.SectionBlock{
		changeBlock(inc),
		relatedBlock(inc),
		podsBlock(inc),
		evidenceBlock(f),
		logBlock(inc, f),
		stepsBlock(nextSteps(inc, f)),
		othersBlock(otherFindings(inc, f)),
	} {
		if b != nil {
			blocks = append(blocks, b)
		}
	}
	blocks = append(blocks, stateBlock(inc))
	if els := actionElements(inc); len(els) > 0 && len(blocks) < maxBlocks {
		blocks = append(blocks, slack.NewActionBlock(ActionsBlockID, els...))
	}
	return fallbackText(inc, f), blocks
}

// md is a mrkdwn text object. verbatim keeps Slack from turning URLs and
// names in log lines into links: the message links to nothing we don't
// control.
func md(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, true)
}

func section(id, text string) *slack.SectionBlock {
	if text == "" {
		return nil
	}
	return slack.NewSectionBlock(md(text), nil, nil, slack.SectionBlockOptionBlockID(id))
}

func headerBlock(title string) slack.Block {
	// plain_text is not parsed as mrkdwn, so it is not escaped.
	t := slack.NewTextBlockObject(slack.PlainTextType, clip(oneLine(title), maxHeaderText), false, false)
	return slack.NewHeaderBlock(t, slack.HeaderBlockOptionBlockID(HeaderBlockID))
}

// field is one "*Label*\nvalue" cell of the facts grid; value is raw text.
func field(label, value string, code bool) *slack.TextBlockObject {
	head := "*" + label + "*\n"
	budget := maxFieldText - runeLen(head)
	if code {
		return md(head + codeSpan(value, budget))
	}
	return md(head + escClip(oneLine(value), budget))
}

func factsBlock(inc incident.Incident, f diagnose.Finding) slack.Block {
	k := inc.Key
	var fields []*slack.TextBlockObject
	add := func(label, value string, code bool) {
		if value != "" && len(fields) < maxFields {
			fields = append(fields, field(label, value, code))
		}
	}
	add("Cluster", k.Cluster, false)
	add("Namespace", k.Namespace, false)
	add("Workload", strings.TrimSpace(k.Kind+" "+k.Name), false)
	container := k.Container
	if container == "" {
		container = f.Container
	}
	add("Container", containerLabel(container, f.ContainerType), false)
	add("Exit code", exitCode(f), false)
	add("Restarts", strconv.Itoa(int(restarts(inc, f))), false)
	add("Ran for", f.RanFor, false)
	add("Pods affected", strconv.Itoa(podCount(inc)), false)
	add("Image", f.Image, true)
	return slack.NewSectionBlock(nil, fields, nil, slack.SectionBlockOptionBlockID(FactsBlockID))
}

func summaryBlock(f diagnose.Finding) *slack.SectionBlock {
	var b strings.Builder
	b.WriteString("*" + escClip(oneLine(categoryTitle(f.Category)), 100) + "*")
	if f.Category != "" {
		b.WriteString("  " + codeSpan(string(f.Category), 60))
	}
	if f.Summary != "" {
		b.WriteString("\n" + escClip(oneLine(f.Summary), 1500))
	}
	if code := exitCode(f); code != "" && f.ExitMeaning != "" {
		b.WriteString("\n_Exit " + escape(code) + ": " + escClip(oneLine(f.ExitMeaning), 600) + "_")
	}
	if f.TerminationMessage != "" {
		b.WriteString("\nTermination message: " + escClip(oneLine(f.TerminationMessage), 600))
	}
	return section(SummaryBlockID, b.String())
}

func podsBlock(inc incident.Incident) *slack.SectionBlock {
	n := podCount(inc)
	if len(inc.Pods) == 0 {
		return nil
	}
	var names []string
	for _, p := range inc.Pods[:min(len(inc.Pods), maxPodNames)] {
		names = append(names, codeSpan(p, 120))
	}
	text := "*Pod:* " + names[0]
	if n > 1 {
		text = fmt.Sprintf("*Pods affected (%d):* %s", n, strings.Join(names, ", "))
		if more := n - len(names); more > 0 {
			text += fmt.Sprintf(" and %d more", more)
		}
	}
	return section(PodsBlockID, text)
}

func evidenceBlock(f diagnose.Finding) *slack.SectionBlock {
	var lines []string
	for _, e := range f.Evidence {
		lines = append(lines, escClip(oneLine(e), maxLineRunes))
	}
	return section(EvidenceBlockID, fitLines("*Evidence*", lines, maxEvidenceLines, maxSectionText, bullets))
}

func logBlock(inc incident.Incident, f diagnose.Finding) *slack.SectionBlock {
	var lines []string
	for _, l := range f.LogExcerpt {
		lines = append(lines, escClip(oneLine(l), maxLogLineRunes))
	}
	title := "*Previous log*"
	if pod := podName(inc.Report.Pod); pod != "" {
		title += " of " + codeSpan(pod, 120)
	}
	return section(LogBlockID, fitLines(title, lines, maxLogLines, maxSectionText, codeTail))
}

// podName drops the namespace of a report's "namespace/name".
func podName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// changeBlock says what changed in the workload before the crash loop.
func changeBlock(inc incident.Incident) *slack.SectionBlock {
	line := whatChanged(inc)
	if line == "" {
		return nil
	}
	return section(ChangeBlockID, "*What changed*\n"+escClip(oneLine(line), maxSectionText-20))
}

// relatedBlock names other workloads crashing the same way that share a
// node, image or ConfigMap with this one.
func relatedBlock(inc incident.Incident) *slack.SectionBlock {
	if inc.Related == "" || inc.State == incident.Resolved {
		return nil
	}
	return section(RelatedBlockID, "*Blast radius*\n"+escClip(oneLine(inc.Related), maxSectionText-20))
}

func stepsBlock(steps []string) *slack.SectionBlock {
	var lines []string
	for _, s := range steps {
		s = oneLine(s)
		if isCommand(s) {
			lines = append(lines, codeSpan(s, maxLineRunes))
		} else {
			lines = append(lines, escClip(s, maxLineRunes))
		}
	}
	return section(StepsBlockID, fitLines("*Next steps*", lines, maxStepLines, maxSectionText, bullets))
}

func othersBlock(others []diagnose.Finding) *slack.SectionBlock {
	var lines []string
	for _, o := range others {
		line := codeSpan(containerLabel(o.Container, o.ContainerType), 120) + ": " +
			escClip(oneLine(categoryTitle(o.Category)), 100)
		if o.Summary != "" {
			line += " — " + escClip(oneLine(o.Summary), 250)
		}
		lines = append(lines, line)
	}
	return section(OthersBlockID, fitLines("*Also failing in this pod*", lines, maxOtherLines, maxSectionText, bullets))
}

// slackDate shows t in each reader's own time zone, with a UTC fallback.
func slackDate(t time.Time) string {
	return fmt.Sprintf("<!date^%d^{date_short_pretty} {time}|%s>", t.Unix(), t.UTC().Format("2006-01-02 15:04 UTC"))
}

func stateBlock(inc incident.Incident) slack.Block {
	var parts []string
	switch {
	case inc.State == incident.Resolved:
		s := "✅ Resolved"
		if !inc.ResolvedAt.IsZero() && !inc.OpenedAt.IsZero() {
			s += " after " + humanDuration(inc.ResolvedAt.Sub(inc.OpenedAt))
		}
		if !inc.ResolvedAt.IsZero() {
			s += ", " + slackDate(inc.ResolvedAt)
		}
		parts = append(parts, s)
	case !inc.OpenedAt.IsZero():
		parts = append(parts, "🔴 Open since "+slackDate(inc.OpenedAt))
		if !inc.LastCrashAt.IsZero() {
			parts = append(parts, "last crash "+slackDate(inc.LastCrashAt))
		}
	default:
		parts = append(parts, "🔴 Open")
	}
	if silenced(inc) && inc.State != incident.Resolved {
		parts = append(parts, "🔕 silenced until "+slackDate(inc.SilencedUntil))
	}
	els := []slack.MixedElement{md(strings.Join(parts, " · "))}
	if inc.Report.Redacted {
		els = append(els, md("🔒 secrets redacted"))
	}
	if len(inc.Gaps) > 0 {
		els = append(els, md("⚠️ diagnosed without "+escClip(oneLine(strings.Join(inc.Gaps, "; ")), 500)))
	}
	if inc.ID != "" {
		els = append(els, md("incident "+codeSpan(inc.ID, 100)))
	}
	return slack.NewContextBlock(StateBlockID, els...)
}

// fallbackText is the notification text: emoji, workload, container, cause.
func fallbackText(inc incident.Incident, f diagnose.Finding) string {
	emoji, title := headline(inc)
	s := emoji + " " + title
	if inc.Key.Container != "" {
		s += " (" + inc.Key.Container + ")"
	}
	s += ": " + categoryTitle(f.Category)
	if f.Summary != "" {
		s += " — " + f.Summary
	}
	return escClip(oneLine(s), maxFallbackRunes)
}

// minimalText is the text-only message sent when Slack rejects the blocks:
// the alert still arrives, with the essentials.
func minimalText(inc incident.Incident) string {
	f := finding(inc)
	emoji, title := headline(inc)
	lines := []string{
		"*" + escClip(oneLine(emoji+" "+title), 200) + "*",
		escClip(oneLine(categoryTitle(f.Category)+": "+f.Summary), 1000),
		fmt.Sprintf("Restarts: %d · Pods affected: %d", restarts(inc, f), podCount(inc)),
	}
	if inc.Key.Cluster != "" {
		lines = append(lines, "Cluster: "+escClip(oneLine(inc.Key.Cluster), 200))
	}
	return strings.Join(lines, "\n")
}

// RenderThread returns the mrkdwn text of the thread reply for n, or ""
// when n needs none: what its notes say, or for a resolution without notes
// a default "Resolved after 14m" line.
func RenderThread(n incident.Notification) string {
	if len(n.Notes) > 0 {
		esc := func(s string) string { return escClip(oneLine(s), maxLineRunes) }
		return fitNotes(notesLines(n, esc, slackDate), maxThreadRunes)
	}
	if n.Reason != incident.ResolvedReason {
		return ""
	}
	inc := n.Incident
	s := "✅ Resolved"
	if !inc.ResolvedAt.IsZero() && !inc.OpenedAt.IsZero() {
		s += " after " + humanDuration(inc.ResolvedAt.Sub(inc.OpenedAt))
	}
	return s + ": every pod of " + escClip(oneLine(workload(inc.Key)), 300) + " is running and ready."
}

// maxNotes bounds the notes told in one thread reply; the rest are counted.
const maxNotes = 10

// fitNotes joins note lines, one per line, within budget runes; lines that
// do not fit are counted at the end.
func fitNotes(lines []string, budget int) string {
	kept, total := 0, 0
	for kept < len(lines) && kept < maxNotes {
		c := runeLen(lines[kept]) + 1
		if total+c > budget-noteReserve {
			break
		}
		total += c
		kept++
	}
	out := strings.Join(lines[:kept], "\n")
	if more := len(lines) - kept; more > 0 {
		out += fmt.Sprintf("\n…and %d more changes.", more)
	}
	return out
}

// notesLines words n's notes, one line each. esc makes a text from the
// cluster (pod names, summaries) safe to show; date shows a time.
func notesLines(n incident.Notification, esc func(string) string, date func(time.Time) string) []string {
	var lines []string
	for _, note := range n.Notes {
		lines = append(lines, noteText(n.Incident, note, esc, date))
	}
	return lines
}

// noteText words one note about inc.
func noteText(inc incident.Incident, n incident.Note, esc func(string) string, date func(time.Time) string) string {
	k := inc.Key
	switch n.Kind {
	case incident.PodCrashing:
		return fmt.Sprintf("Pod %s is crash-looping too (%d pods affected).", esc(n.Pod), n.Pods)
	case incident.DiagnosisChanged:
		return esc(fmt.Sprintf("Diagnosis changed: %s → %s: %s", n.From, n.To, n.Summary))
	case incident.RelatedFound:
		return esc(n.Text)
	case incident.SilenceSet:
		s := "🔕 Silenced until " + date(n.Until)
		if n.By != "" {
			s += " by " + person(n.By)
		}
		return s + "."
	case incident.SilenceLifted:
		return "🔔 Silence lifted."
	case incident.SilenceEnded:
		return "🔔 The silence ended; the message shows what changed meanwhile."
	case incident.Recovered:
		what := esc(k.Kind + " " + k.Name)
		if n.Pods == 0 {
			return fmt.Sprintf("✅ Resolved: %s has no pods left that are not healthy (deleted, scaled down or finished), %s after the crash loop began.",
				what, humanDuration(inc.ResolvedAt.Sub(inc.OpenedAt)))
		}
		return fmt.Sprintf("✅ Resolved: every pod of %s has run ready for %s, %s after the crash loop began.",
			what, humanDuration(inc.ResolvedAt.Sub(n.Since)), humanDuration(n.Since.Sub(inc.OpenedAt)))
	}
	return esc(string(n.Kind))
}

// userIDPattern is the shape of a Slack user ID (U..., or W... in Enterprise
// Grid).
var userIDPattern = regexp.MustCompile(`^[UW][A-Z0-9]+$`)

// person shows who did something: a Slack user ID as a mention, which
// Slack renders as the person's current name; anything else escaped.
func person(who string) string {
	if userIDPattern.MatchString(who) {
		return "<@" + who + ">"
	}
	return escClip(oneLine(who), maxLineRunes)
}
