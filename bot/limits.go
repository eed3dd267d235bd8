package bot

import "strings"

// Slack's Block Kit limits (../shared/SLACK_FACTS.md), in characters.
const (
	maxBlocks          = 50
	maxSectionText     = 3000
	maxFields          = 10
	maxFieldText       = 2000
	maxHeaderText      = 150
	maxContextElements = 10
	maxContextText     = 3000
)

// How much of an incident a message shows; the rest is counted in a note.
const (
	maxEvidenceLines = 12
	maxLogLines      = 15
	maxStepLines     = 10
	maxOtherLines    = 5
	maxPodNames      = 5
	maxLineRunes     = 400 // one evidence line or next step
	maxLogLineRunes  = 200 // one log line
	maxFallbackRunes = 300 // the notification text
	maxThreadRunes   = 3000
	noteReserve      = 40 // room kept for "_… 123 more lines_"
)

// escRune returns r as it must appear in mrkdwn.
func escRune(r rune) string {
	switch r {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	}
	return string(r)
}

// escClip escapes s for mrkdwn and cuts it so that the escaped text is at
// most n runes, never splitting an entity; a cut text ends in "…". Runs of
// three backticks are broken up so user text cannot open a code block.
func escClip(s string, n int) string {
	s = codeSafe(s)
	if e := escape(s); runeLen(e) <= n {
		return e
	}
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	count := 0
	for _, r := range s {
		e := escRune(r)
		l := runeLen(e)
		if count+l > n-1 {
			break
		}
		b.WriteString(e)
		count += l
	}
	b.WriteString(ellipsis)
	return b.String()
}

// codeSpan renders s as inline code of at most n runes. A backtick would
// end the span early, so it is shown as a look-alike.
func codeSpan(s string, n int) string {
	return "`" + escClip(strings.ReplaceAll(oneLine(s), "`", "ˋ"), n-2) + "`"
}
