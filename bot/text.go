package bot

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mrkdwnEscaper escapes the three characters mrkdwn gives a meaning to.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape makes s safe to place in mrkdwn text, inside code spans and code
// blocks too: Slack parses &, < and > everywhere.
func escape(s string) string { return mrkdwnEscaper.Replace(s) }

// runeLen counts characters as Slack's limits do.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// ellipsis marks text that was cut.
const ellipsis = "…"

// clip cuts s to at most n runes; a cut string ends in "…".
func clip(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if runeLen(s) <= n {
		return s
	}
	if n == 1 {
		return ellipsis
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return s[:i] + ellipsis
}

// oneLine makes s a single line without control characters: newlines and
// tabs become spaces, other control characters (terminal escapes) are
// dropped.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// codeSafe keeps a log line from closing the code block around it: a zero
// width space breaks up any run of three backticks.
func codeSafe(s string) string {
	return strings.ReplaceAll(s, "```", "`\u200b`\u200b`")
}

// plural returns "1 pod" or "3 pods".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
