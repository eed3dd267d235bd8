package manifest

import (
	"bytes"
	"regexp"
	"slices"
)

// Threads and timelines that tell a crash loop's history: the comments
// and entries before the one where the failure changed are set aside
// (dropEarlierAttempts reads the paste's own openers).

// dropEarlierComments removes, from an issue thread copied whole, the
// comments before the reporter's last one that says the failure they
// first reported is over and another one came ("That fixed it, but now
// the binary runs and immediately exits:", "no OOM anymore. Still
// failing but differently:"): the earlier pastes, the maintainers'
// answers to them. The title above the first comment stays.
func dropEarlierComments(data []byte) []byte {
	lines, heads, authors := threadComments(data)
	if len(heads) < 2 {
		return data
	}
	cut := -1
	for k := 1; k < len(heads); k++ {
		if authors[k] != authors[0] {
			continue
		}
		end := len(lines)
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		if body := lines[heads[k]+1 : end]; movedOn(body) && !endsResolved(body) {
			cut = k
		}
	}
	if cut < 0 {
		return data
	}
	out := make([][]byte, 0, len(lines))
	for _, l := range lines[:heads[0]] {
		// The title may tell the story too ("redis keeps getting
		// OOMKilled, then FATAL CONFIG FILE ERROR #13101").
		if m := reThenTitle.FindSubmatchIndex(l); m != nil {
			l = l[m[2]:]
		}
		out = append(out, l)
	}
	out = append(out, lines[heads[cut]:]...)
	return bytes.Join(out, []byte("\n"))
}

// endsResolved reports a comment whose last line says the failure is
// over ("Recreated it in `git`, pod is up."): what it pasted shows how,
// not a new failure.
func endsResolved(body [][]byte) bool {
	for i := len(body) - 1; i >= 0; i-- {
		if t := bytes.TrimSpace(body[i]); len(t) > 0 {
			return !pastedLine(body[i]) && reResolved.Match(bytes.ToLower(t))
		}
	}
	return false
}

// reResolved is the reporter's word that the failure is over.
var reResolved = regexp.MustCompile(`\b(?:pod is (?:up|running)|(?:is|are) (?:up|running|fine|ok) now|works now|working now|runs now|all good|that was it|problem solved|solved it|fixed it|thanks,? closing|closing this)\b`)

// threadComments splits an issue thread copied whole into its lines, and
// returns the lines that head its comments and who wrote each (none when
// it is no thread).
func threadComments(data []byte) (lines [][]byte, heads []int, authors []string) {
	github, forum := bytes.Contains(data, []byte(" commented ")), bytes.Contains(data, []byte("\n**"))
	if !github && !forum {
		return nil, nil, nil
	}
	lines = bytes.Split(data, []byte("\n"))
	forum = forum && forumThread(lines)
	for i, l := range lines {
		t := bytes.TrimSpace(l)
		m := reCommentHeader.FindSubmatch(t)
		if m == nil && forum {
			if m = reForumAuthor.FindSubmatch(t); m != nil && !userName(m[1]) {
				m = nil
			}
		}
		if m != nil {
			heads = append(heads, i)
			authors = append(authors, string(m[1]))
		}
	}
	return lines, heads, authors
}

// dropOthersPastes removes, from an issue thread copied whole, the
// comments in which someone other than the reporter pastes what they see
// ("+1 after the base image switch, but mine is" and their own error):
// another user's failure, or a maintainer's example of one, is not the
// reporter's. The reporter is the thread's first author, or the one
// GitHub marks "Author". Comments in words only (a maintainer's advice)
// stay, but for the lines that answer another user of the thread.
func dropOthersPastes(data []byte) []byte {
	lines, heads, authors := threadComments(data)
	if len(heads) < 2 {
		return data
	}
	reporter := authors[0]
	for k, h := range heads {
		if h > 0 && string(bytes.TrimSpace(lines[h-1])) == "Author" || h+1 < len(lines) && string(bytes.TrimSpace(lines[h+1])) == "Author" {
			reporter = authors[k]
			break
		}
	}
	out := append([][]byte{}, lines[:heads[0]]...)
	dropped := false
	for k, h := range heads {
		end := len(lines)
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		if authors[k] != reporter && slices.ContainsFunc(lines[h+1:end], othersPaste) {
			dropped = true
			continue
		}
		for _, l := range lines[h:end] {
			if m := reReplyTo.FindSubmatch(bytes.TrimSpace(l)); m != nil && string(m[1]) != reporter && slices.Contains(authors, string(m[1])) {
				dropped = true
				continue // an answer to another user's case ("@ben-yates you built on an M1 ...")
			}
			out = append(out, l)
		}
	}
	if !dropped {
		return data
	}
	return bytes.Join(out, []byte("\n"))
}

// reReplyTo is a line that answers someone by name ("@ben-yates you
// built on an M1 ..."), who it captures.
var reReplyTo = regexp.MustCompile(`^@([\w.-]+)[,:]?\s+\S`)

// othersPaste reports a line of a comment that pastes what a program
// wrote, not an @-mention that opens a reply or a rule between posts.
func othersPaste(l []byte) bool {
	t := bytes.TrimSpace(l)
	return len(t) > 0 && t[0] != '@' && !reRule.Match(t) && pastedLine(l)
}

// reRule is a Markdown rule ("---"), a forum's line between posts.
var reRule = regexp.MustCompile(`^(?:-{3,}|\*{3,}|_{3,})$`)

// movedOn reports a comment whose own words, before its first code block,
// say the earlier failure is over and another came, or that the reporter
// applied the fix suggested and pastes what it does now.
func movedOn(body [][]byte) bool {
	n := 0
	applied := false
	for _, l := range body {
		t := bytes.TrimSpace(l)
		if reFence.Match(t) {
			return applied
		}
		if len(t) == 0 || t[0] == '>' {
			continue // a quote of the answer it replies to
		}
		if n++; n > 6 {
			return false
		}
		lower := bytes.ToLower(t)
		if reMovedOn.Match(lower) {
			return true
		}
		applied = applied || n <= 2 && reAppliedFix.Match(lower)
	}
	return false
}

var (
	// reCommentHeader is the line GitHub shows above a comment when a
	// thread is copied ("jakob-w commented on Feb 6", "@ola commented 3
	// days ago").
	reCommentHeader = regexp.MustCompile(`^@?([\w.-]+) commented (?:on \w+ \d+|\d+ \w+ ago|yesterday|today|last \w+)\b`)
	// reForumAuthor is a forum's or a chat's line above a post, the
	// author's name in bold ("**phil_oberg:**", "**grumpy_sre**:"), which
	// it captures; userName tells a name from a bold heading.
	reForumAuthor = regexp.MustCompile(`^\*\*@?([A-Za-z0-9][\w.-]*[A-Za-z0-9])(?::\*\*|\*\*:)$`)
	// rePostHeader is any bold line that heads a post ("**Reporter
	// (@bmiller):**", "**OP:**").
	rePostHeader = regexp.MustCompile(`^\*\*[^*]{1,40}(?::\*\*|\*\*:)$`)
	// reThenTitle is a title that names the earlier failure, then the
	// current one, which it captures.
	reThenTitle = regexp.MustCompile(`^[^,]{3,100}?,?\s+then\s+(\S.*)$`)
	// reAppliedFix is the reporter's word that they did what was
	// suggested ("created it in `kafka`", "Excluded the namespace").
	reAppliedFix = regexp.MustCompile(`^(?:ok|okay|yes|yep|thanks|done|did|tried|ran)\b|\b(?:created|added|set|removed|excluded|switched|changed|put|bumped|raised|increased|rebuilt|upgraded|installed|moved|fixed|applied|granted|mounted|deleted|replaced)\b`)
	// reMovedOn is the reporter's word that the failure changed ("but
	// now", "fails differently", "no OOM anymore", "error gone").
	reMovedOn = regexp.MustCompile(`\bbut now\b|[.,;:!]\s+now (?:it|i|we|they|the \w+)\b|^now (?:it|i|we|they|the \w+)\b|\bfail(?:s|ing)? (?:but )?differently\b|\b(?:different|another|new|next) (?:error|failure|problem|crash)\b|\bno (?:\w+ ){0,2}anymore\b|\b(?:is|are|error|errors|issue|problem|message) gone\b|\bbut the [\w-]+ (?:[\w-]+ )?now\b|\bnow (?:start|starts|run|runs|works?|comes? up)\b|\(now\)`)
)

// dropEarlierEntries removes from a timeline ("10:05 pods restarting:
// Liveness probe failed ...", "10:20 added startupProbe, no more Killing
// events", "10:31 now it starts ... and exits with code 3") the entries
// before the last one that says the failure changed: they tell of
// failures since mended. A timeline has three entries or more.
func dropEarlierEntries(data []byte) []byte {
	if !reTimelineEntry.Match(data) {
		return data
	}
	lines := bytes.Split(data, []byte("\n"))
	var entries []int
	var movers []int // the entries that move on
	for i, l := range lines {
		m := reTimelineEntry.FindIndex(l)
		if m == nil {
			continue
		}
		entries = append(entries, i)
		if words := bytes.ToLower(l[m[1]-1:]); len(entries) > 1 && (reMovedOn.Match(words) || reMovedOnEntry.Match(words)) { // (the words after the time)
			movers = append(movers, len(entries)-1)
		}
	}
	if len(entries) < 3 || len(movers) == 0 {
		return data
	}
	// Each entry runs to the next one: what was pasted under it is of
	// its time. The last entry that moves on with a paste under it
	// opens the current failure; one without ("09:45 probe fixed. now
	// the build: rebuilding against openssl 3") is a conclusion.
	last := movers[len(movers)-1]
	for k := len(movers) - 1; k >= 0; k-- {
		if pastedUnder(lines, entries, movers[k]) {
			last = movers[k]
			break
		}
	}
	out := append([][]byte{}, lines[:entries[0]]...)
	return bytes.Join(append(out, lines[entries[last]:]...), []byte("\n"))
}

// pastedUnder reports an entry with lines of its own below it.
func pastedUnder(lines [][]byte, entries []int, k int) bool {
	end := len(lines)
	if k+1 < len(entries) {
		end = entries[k+1]
	}
	for _, l := range lines[entries[k]+1 : end] {
		if len(bytes.TrimSpace(l)) > 0 && !reFence.Match(l) {
			return true
		}
	}
	return false
}

// reTimelineEntry is an entry of a timeline: a time of day, then words
// ("- 14:02 — loyalty-api 7.2.0 rolled out", "10:31  now it starts"),
// not a log line's clock ("10:02:03 INFO").
// An entry may name who wrote it ("09:12 @pd: ledger-exporter
// restarting", "09:13 ryo: ...").
var reTimelineEntry = regexp.MustCompile(`(?m)^\s*(?:[-*]\s+)?(?:\*\*)?(?:\[(?:[A-Z][a-z]{2}\s+)?)?~?\d{1,2}:\d{2}(?:\s*(?:am|pm|AM|PM|UTC|CET|CEST|utc))?\]?(?:\*\*)?\s*(?:—|–|-|:|\|)?\s+(?:@?[\w.-]{1,20}:\s+)?[A-Za-z(\x60"]`)

// reMovedOnEntry is an entry's word that the failure changed or came
// back after a fix ("now every pod crashes", "new error", "no more probe
// kills", "restarting again").
var reMovedOnEntry = regexp.MustCompile(`^(?:but )?now\b|\bno more\b|^no \w+(?: \w+)?[.,;]|\bno (?:\w+ ){0,4}anymore\b|\b(?:restarting|crashing|crashlooping|flaps|failing|dies|dying|restarts|loops) again\b|\bstill restarts\b`)

// quoted reports a line that quotes an earlier message ("> State:
// Waiting", ">", "> > nested").
func quoted(l []byte) bool {
	return len(l) > 0 && l[0] == '>' && (len(l) == 1 || l[1] == ' ' || l[1] == '\t')
}

// dropMailQuotes removes from a mail reply the earlier message it quotes
// under its attribution ("On Mon, Nov 17, 2025 at 11:20 AM Luke Chen
// <...> wrote:", then "> ..." lines) when the reply pastes what it sees
// now: that is the thread's past, the reply its present. A reply in
// words only ("Yes, sorry, that's mine: ...") explains the message it
// quotes, which is kept.
func dropMailQuotes(lines [][]byte) [][]byte {
	var out [][]byte
	dropped := false
	for i := 0; i < len(lines); i++ {
		if !reMailAttribution.Match(bytes.TrimSpace(lines[i])) {
			out = append(out, lines[i])
			continue
		}
		j := i + 1
		for j < len(lines) && len(bytes.TrimSpace(lines[j])) == 0 {
			j++
		}
		k := j
		for k < len(lines) && quoted(lines[k]) {
			k++
		}
		if k == j {
			out = append(out, lines[i])
			continue
		}
		dropped = true
		i = k - 1
	}
	if !dropped || !slices.ContainsFunc(out, func(l []byte) bool { return !quoted(l) && pastedLine(l) }) {
		return lines
	}
	return out
}

// reMailAttribution is the line a mail client puts above the message a
// reply quotes.
var reMailAttribution = regexp.MustCompile(`^On .{8,160}\bwrote:$`)

// userName reports a name that is a user's, not a heading's word: all in
// lower case, or with a digit, an underscore or a hyphen in it
// ("grumpy_sre", "lea-codes", "bjorn42"; not "Environment").
func userName(name []byte) bool {
	return bytes.ContainsAny(name, "_-0123456789") || bytes.Equal(bytes.ToLower(name), name)
}

// forumThread reports a thread whose posts are all headed by their
// authors' names in bold: a post headed by a role ("**Reporter:**") or a
// name the lines cannot tell from a heading leaves who wrote what unknown.
func forumThread(lines [][]byte) bool {
	names := map[string]bool{}
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if !rePostHeader.Match(t) {
			continue
		}
		m := reForumAuthor.FindSubmatch(t)
		if m == nil || !userName(m[1]) {
			return false
		}
		names[string(m[1])] = true
	}
	return len(names) >= 2
}
