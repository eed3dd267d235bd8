package manifest

import (
	"bytes"
	"regexp"
)

// Chrome is what a tracker's page or an index of issues puts round a
// report's words: the repository and issue number with its state, the
// labels, who wrote each turn and when, HTML folds (<details>), a title
// set as a Markdown heading. None of it is what the reporter pasted.

var (
	// reIndexHeader is an index's first line of a thread
	// ("acme/widget · issue #412 · closed · Go"), reIndexLabels the labels
	// line under it.
	reIndexHeader = regexp.MustCompile(`^[\w.-]+/[\w.-]+ · (?:issue|pull request|discussion) #\d+(?: · .*)?$`)
	reIndexLabels = regexp.MustCompile(`^labels: \S`)
	// reIndexTurn is an index's line above a turn of the thread: who
	// wrote it, what it is and when ("jdoe · comment · 2024-05-03"), or
	// that a turn goes on ("[turn 0 by jdoe, continued]").
	reIndexTurn      = regexp.MustCompile(`^@?[\w.-]+ · (?:description|comment|review|review thread|answer|question|reply) · \d{4}-\d\d-\d\d\b`)
	reIndexContinued = regexp.MustCompile(`^\[turn \d+ by [^\]]+\]$`)
	// reHTMLFold is a line of HTML block tags only ("<details>",
	// "</details>", "<pre>"), reHTMLSummary a fold's title line
	// ("<details><summary>Logs</summary>"), whose words are kept;
	// reHTMLGate finds any such tag, so a paste without one is not read
	// line by line.
	reHTMLGate    = regexp.MustCompile(`</?(?:details|summary|pre|code|p|br|div|hr|blockquote)\b`)
	reHTMLFold    = regexp.MustCompile(`^\s*(?:</?(?:details|summary|pre|code|p|br|div|hr|blockquote)\b[^>]*>\s*)+$`)
	reHTMLSummary = regexp.MustCompile(`^\s*(?:<details[^>]*>\s*)?<summary>\s*(.*?)\s*</summary>\s*$`)
	// reTitleHeading is a title set as a Markdown heading ("# Pod keeps
	// restarting after 2.3"), reTemplateHeading an issue template's
	// heading, which is no title ("### Describe the bug").
	reTitleHeading    = regexp.MustCompile(`^#{1,3} +(\S.*)$`)
	reTemplateHeading = regexp.MustCompile(`(?i)^(?:\d+\.\s*)?(?:bug report|describe the bug|bug description|description|summary|overview|problem|issue|question|what happened|what did you (?:do|expect|see)|what you expected to happen|expected (?:behaviou?r|result)|actual (?:behaviou?r|result)|current behaviou?r|steps to reproduce|how to reproduce|reproduction steps|to reproduce|environment|versions?|logs?|relevant log output|additional (?:context|information|info)|anything else|context|details|screenshots?|possible solution|workaround)\b[\s?:.!]*$`)
)

// stripChrome takes a tracker's or an index's chrome off a paste: the
// header and labels lines, the turn lines (a blank line stays between
// turns), HTML folds (their title's words stay), and the Markdown marks
// of the first line when it is the report's title.
func stripChrome(data []byte) []byte {
	if !bytes.Contains(data, []byte(" · ")) && !reHTMLGate.Match(data) && !bytes.HasPrefix(bytes.TrimLeft(data, " \t\n"), []byte("#")) {
		return data
	}
	lines := bytes.Split(data, []byte("\n"))
	out := make([][]byte, 0, len(lines))
	first, header := true, false // the first line with words is yet to come; the last one was an index's header
	for i, l := range lines {
		t := bytes.TrimSpace(l)
		switch {
		case len(t) == 0:
		case first && reIndexHeader.Match(t):
			header = true
			continue
		case header && reIndexLabels.Match(t):
			header = false
			continue
		case reIndexContinued.Match(t):
			continue
		case reIndexTurn.Match(t):
			out = append(out, nil) // a turn's words are a paragraph of their own
			continue
		case reHTMLFold.Match(t):
			out = append(out, nil)
			continue
		}
		if m := reHTMLSummary.FindSubmatch(t); m != nil {
			out = append(out, m[1], nil)
			continue
		}
		if m := reTitleHeading.FindSubmatch(t); m != nil && first && titleHeading(m[1], lines[i+1:]) && !isPrompt(string(l)) {
			l = m[1]
		}
		if len(t) > 0 {
			first, header = false, false
		}
		out = append(out, l)
	}
	return bytes.Join(out, []byte("\n"))
}

// titleHeading reports a first heading's words that are a report's title:
// words (no file's name), no issue template's heading, and no comment
// atop YAML (rest holds the lines after it).
func titleHeading(words []byte, rest [][]byte) bool {
	if bytes.Count(words, []byte(" ")) < 1 || reTemplateHeading.Match(words) {
		return false
	}
	for _, l := range rest {
		if t := bytes.TrimSpace(l); len(t) > 0 {
			return !bytes.Equal(t, []byte("---")) && !reYAMLLine.Match(l) // a comment atop YAML ("# Database web ui" above "services:")
		}
	}
	return true
}

// fenceIndentedCode turns Markdown's indented code blocks (a run of lines
// each indented by four spaces or more, after a blank line under the
// reporter's sentence: Stack Overflow's way to paste a log or YAML) into
// fenced ones without that indentation, as if the reporter had used
// fences: the block's lines are then read as the program printed them.
// Only in a paste with words of its own outside any block and fence, so a
// file of indented YAML or an indented log stays as it is.
func fenceIndentedCode(data []byte) []byte {
	if !bytes.Contains(data, []byte("\n    ")) {
		return data
	}
	lines := bytes.Split(data, []byte("\n"))
	type block struct{ from, to int } // lines[from:to]
	var blocks []block
	inFence, prose := false, false
	for i := 0; i < len(lines); i++ {
		t := bytes.TrimSpace(lines[i])
		switch {
		case reFence.Match(lines[i]):
			inFence = !inFence
			continue
		case inFence || len(t) == 0:
			continue
		case !bytes.HasPrefix(lines[i], []byte("    ")):
			prose = true
			continue
		case !afterSentence(lines[:i]):
			continue // a line indented under the one above it, or a cut describe's
		}
		j := i
		for j < len(lines) && (bytes.HasPrefix(lines[j], []byte("    ")) || len(bytes.TrimSpace(lines[j])) == 0) && !reFence.Match(lines[j]) {
			j++
		}
		if j < len(lines) && len(bytes.TrimSpace(lines[j-1])) > 0 && !reFence.Match(lines[j]) {
			// A line at the margin goes on from the block's last (a wrapped
			// describe message): no code block.
			i = j - 1
			continue
		}
		for j > i && len(bytes.TrimSpace(lines[j-1])) == 0 {
			j--
		}
		blocks = append(blocks, block{i, j})
		i = j - 1
	}
	if !prose || len(blocks) == 0 {
		return data
	}
	out := make([][]byte, 0, len(lines)+2*len(blocks))
	next := 0
	for _, b := range blocks {
		out = append(out, lines[next:b.from]...)
		out = append(out, []byte("```"))
		for _, l := range lines[b.from:b.to] {
			if len(l) >= 4 {
				l = l[4:]
			}
			out = append(out, l)
		}
		out = append(out, []byte("```"))
		next = b.to
	}
	out = append(out, lines[next:]...)
	return bytes.Join(out, []byte("\n"))
}

// reKeyValueLine is a describe's "Key:   value" or "Init Containers:"
// line (a key of three words at most; "Here is the log:" is a sentence).
var reKeyValueLine = regexp.MustCompile(`^[A-Za-z][\w.-]*(?: [\w.-]+){0,2}:(?:\s{2,}|$)`)

// afterSentence reports lines that end in a blank line under a sentence of
// the reporter's: words at the margin, not a describe's "Key:  value".
func afterSentence(before [][]byte) bool {
	i := len(before) - 1
	if i < 0 || len(bytes.TrimSpace(before[i])) > 0 {
		return false
	}
	for i >= 0 && len(bytes.TrimSpace(before[i])) == 0 {
		i--
	}
	if i < 0 {
		return false
	}
	l := before[i]
	return len(l) > 0 && l[0] != ' ' && l[0] != '\t' && bytes.Count(bytes.TrimSpace(l), []byte(" ")) >= 2 && !reKeyValueLine.Match(l) && !reFence.Match(l)
}
