package manifest

import (
	"bytes"
	"regexp"
	"slices"
)

// dropMendedClauses removes from the asker's lines the failures they say
// in passing are mended, keeping what follows: "Fixed the image arch
// (it's amd64 now, exec format error gone). Postgres runs as its own
// Deployment", "the EADDRINUSE on 3000 was our own metrics server, moved
// it to 9464 and that's fine now.", "Fixed the CRLF line endings (...).
// Different crash though:". Only a failure is mended this way, never the
// pod ("it runs fine now" may be how the asker fixed the failure asked
// about), and only before a paste: one told after the evidence ("with
// this config in place, CoreDNS starts cleanly (`Loop detected` gone)")
// is how the failure asked about was fixed.
func dropMendedClauses(data []byte) []byte {
	if !reMendedCheap.Match(data) {
		return data
	}
	lines := bytes.Split(data, []byte("\n"))
	changed := false
	for i, line := range lines[:len(lines)-1] {
		l := bytes.ToLower(line)
		if len(l) != len(line) || !askersLine(bytes.TrimSpace(l)) || !slices.ContainsFunc(lines[i+1:], pastedLine) {
			continue
		}
		if m := reMendedFailure.FindIndex(l); m != nil {
			start := sentenceStart(l, m[0])
			lines[i] = append(append([]byte{}, line[:start]...), bytes.TrimLeft(line[m[1]:], ")., ;")...)
			changed = true
			continue
		}
		if m := reDifferentNow.FindSubmatchIndex(l); m != nil && reFixWords.Match(l[:m[2]]) {
			lines[i] = line[m[2]:]
			changed = true
		}
	}
	if !changed {
		return data
	}
	return bytes.Join(lines, []byte("\n"))
}

// sentenceStart returns where the sentence holding l[i] starts.
func sentenceStart(l []byte, i int) int {
	for j := i - 1; j > 0; j-- {
		if (l[j-1] == '.' || l[j-1] == '!' || l[j-1] == '?' || l[j-1] == ';') && l[j] == ' ' {
			return j + 1
		}
	}
	return 0
}

// dropBeforeMended removes from a report that goes on after the asker
// says its first failure is mended ("We now run npm ci and the sharp
// error is gone.", "Thanks, secret error gone.", "No more OOMKilled.",
// "the fsGroup suggestion worked") and opens the current one ("Now the
// container dies immediately:", "But it still restarts, now as soon as
// the job graph is built.") the lines from the first one pasted up to
// that opener: the earlier failure's paste and the answers to it, in a
// thread of any forum's shape. The lines above the first paste (a title,
// the setup told in words) stay. The last such statement counts: one
// with no opener after it ("fsGroup 472 fixed it. Thank you!") tells how
// the current failure ended.
func dropBeforeMended(data []byte) []byte {
	if !reMendedGate.Match(data) {
		return data
	}
	lines := bytes.Split(data, []byte("\n"))
	from, to := -1, -1
	for k := len(lines) - 1; k >= 0 && from < 0; k-- {
		l := bytes.ToLower(bytes.TrimSpace(lines[k]))
		m := reMendedStatement.FindIndex(l)
		if m == nil || !mendedLine(l) {
			continue
		}
		if j := openerAfter(lines, k, m[1]); j >= 0 {
			from, to = k, j
		}
	}
	if from < 0 {
		return data
	}
	// A statement may span lines around the message it mends ("the
	// fsGroup suggestion worked, the", the message, "is gone.").
	for k := from - 1; k >= 0 && k >= from-mendedReach; k-- {
		if l := bytes.ToLower(bytes.TrimSpace(lines[k])); mendedLine(l) && reMendedStatement.Match(l) {
			from = k
		}
	}
	term := mendedTerm(bytes.ToLower(lines[from]))
	for i := 0; i < from; i++ {
		if pastedLine(lines[i]) || term != nil && bytes.Contains(bytes.ToLower(lines[i]), term) {
			from = i
			break
		}
	}
	out := make([][]byte, 0, len(lines))
	for _, l := range lines[:from] {
		// A title may tell the story too ("KRaft broker on k8s:
		// AccessDeniedException, then meta.properties").
		if m := reThenTitle.FindSubmatchIndex(l); m != nil {
			l = l[m[2]:]
		}
		out = append(out, l)
	}
	out = append(out, fromCurrentMarker(lines[to]))
	return bytes.Join(append(out, lines[to+1:]...), []byte("\n"))
}

// mendedLine reports a line of the asker's, which may open with the
// change that mended the failure ("!227 fixed the ImportError", "9.2.1
// starts").
func mendedLine(l []byte) bool {
	return askersLine(l) || reChangeRef.Match(l)
}

// mendedTerm returns the name the asker gives the failure that is over
// ("oomkilled" from "No more OOMKilled.", "secret" from "secret error
// gone"), nil if the statement gives none.
func mendedTerm(l []byte) []byte {
	m := reMendedTerm.FindSubmatch(l)
	if m == nil {
		return nil
	}
	for _, t := range m[1:] {
		if t = bytes.TrimRight(t, ".-"); len(t) >= 4 && !reNotATerm.Match(t) {
			return t
		}
	}
	return nil
}

// openerAfter returns the line, from the mended statement at lines[k]
// (which ends at the offset end) and within the few lines after it, that
// opens the current failure and has lines after it; -1 if none does.
func openerAfter(lines [][]byte, k, end int) int {
	for j := k; j < len(lines) && j <= k+mendedReach; j++ {
		l := bytes.ToLower(bytes.TrimSpace(lines[j]))
		if j == k {
			l = l[min(end, len(l)):]
		}
		if !reCurrentAttempt.Match(l) && !reStillFailing.Match(l) {
			continue
		}
		if !anyContent(lines[j+1:]) {
			return -1
		}
		return j
	}
	return -1
}

// mendedReach is how many lines after a mended statement the current
// failure's opener may come.
const mendedReach = 12

// pastedLine reports a line a program wrote or a paste's fence, not the
// asker's words.
func pastedLine(line []byte) bool {
	t := bytes.ToLower(bytes.TrimSpace(line))
	if len(t) == 0 {
		return false
	}
	return reFence.Match(t) || bytes.HasPrefix(t, []byte("{noformat}")) || bytes.HasPrefix(t, []byte("{code")) ||
		!askersLine(t) || bytes.HasPrefix(line, []byte("  ")) || line[0] == '\t'
}

var (
	// reMendedStatement is the asker's word that an earlier failure is
	// over: "the sharp error is gone", "CreateContainerConfigError is
	// gone", "No more OOMKilled.", "No OOMKilled anymore", "the fsGroup
	// suggestion worked", "that's fixed", "dropping X fixed the".
	reMendedStatement = regexp.MustCompile(`\b(?:is|are|errors?|exceptions?|issues?|problems?|messages?|events?|kills?|\w+error|\w+exception|oomkilled)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:now\s+)?gone\b|(?:^|[.!?;:,]\s+)no more \w+|\bno \w+(?: \w+)? anymore\b|\b(?:fix|suggestion|change|advice|tip|workaround|that|this) (?:worked|did it|did the trick|helped)\b|\bthat was it\b|\bthat(?:'s| is| was) fixed\b|\bfixed (?:the|that|this)\b|\b(?:is|are) (?:ok|okay|fine) now\b|\b(?:went|goes) away\b|\bimports fine\b|^(?:[!#]\d+|v?\d+(?:\.\d+)+|the (?:new|fixed) (?:image|build|version|release)) (?:now )?(?:starts|boots|comes up|runs)\b`)
	// reMendedGate is a cheap test for a text that may hold a
	// reMendedStatement.
	reMendedGate = regexp.MustCompile(`(?i)\b(?:gone|away|imports fine|no more|anymore|worked|did it|did the trick|helped|that was it|fixed|fine now|ok now|okay now|starts|boots|comes up|runs)\b`)
	// reChangeRef is a merge request, an issue or a version that opens a
	// sentence.
	reChangeRef = regexp.MustCompile(`^(?:[!#]\d+|v?\d+(?:\.\d+)+)\s`)
	// reMendedTerm captures the failure's name in a mended statement.
	reMendedTerm = regexp.MustCompile(`([\w.-]{4,})\s+(?:errors?\s+|exceptions?\s+|events?\s+|kills?\s+|messages?\s+)?(?:is\s+|are\s+|was\s+|were\s+)?(?:now\s+)?gone\b|\bno more ([\w.-]{4,})|\bno ([\w.-]{4,})(?: \w+)? anymore\b`)
	// reNotATerm are words too common to name a failure.
	reNotATerm = regexp.MustCompile(`^(?:errors?|exceptions?|events?|kills?|messages?|issues?|problems?|that|this|these|those|they|there|it's|crash\w*|restarts?|warnings?|failures?|logs?)$`)
	// reStillFailing is a sentence that opens the current failure
	// without "now": "But reporting-api still doesn't come up", "New
	// crash right at startup though:", "with a different error:".
	reStillFailing = regexp.MustCompile(`(?:^|[.!?;:,]\s+)but (?:the |it |they |\w+ )?(?:[\w-]+ )?(?:is |are |'s )?still\b|\b(?:is|are|keeps?) still (?:restarting|crashing|failing|crashlooping|looping|dying)\b|\bstill (?:restart|crash|fail|loop|die)s?\b|[.!?;]\s+then (?:it|the \w+) (?:dies|crashes|fails|exits|gets killed|is killed)\b|^but\b|\b(?:dies|crashes|fails|exits|restarts|is killed|gets killed)\b[^.!?]{0,40}:\s*$|\b(?:new|different|another) (?:crash|error|failure|problem|exception)\b`)

	// reMendedCheap is a cheap test for a text that may tell of a mended
	// failure.
	reMendedCheap = regexp.MustCompile(`(?i)\b(?:gone|fixed|resolved|solved|sorted|fine now|ok now|different|another)\b`)
	// reMendedFailure is a failure named as mended: its words, a quoted
	// message or a known failure's name, then "(is) gone", "fixed now",
	// or "..., and that's fine now" in the same sentence.
	reMendedFailure = regexp.MustCompile(`(?:\berrors?|\bexceptions?|\bfailures?|\bcrash(?:es)?|\bthing|\bmessages?|\bwarnings?|\beaddrinuse\b[^.;!?]{0,80}?|\boom(?:killed|kills?|s)?|\bcrlf|["'\x60)])\s+(?:\([^)]{0,80}\)\s+)?(?:(?:is|are|was|were|has been|have been)\s+)?(?:now\s+)?(?:gone|fixed now|resolved now|solved now)\b|(?:\beaddrinuse|\boomkilled|\bexec format error|\bcrlf|\bpermission denied|\bnot found\b)[^.;!?]{0,80}?\b(?:and |so )?(?:that|this)(?:'s| is)(?: now)? (?:fine|ok|okay|gone|fixed|resolved|solved|sorted)(?: now)?\b`)
	// reDifferentNow is a sentence that turns to a failure other than
	// the one the sentences before it mended ("Different crash though:",
	// "Now a new error:").
	reDifferentNow = regexp.MustCompile(`[.!?;]\s+((?:but |and |so )?(?:now |then )?(?:i get |it's |there's |getting )?(?:a |an )?(?:different|new|another|other) (?:crash|error|failure|problem|issue|exception|one)\b)`)
	// reFixWords say the asker mended something.
	reFixWords = regexp.MustCompile(`\b(?:fixed|solved|resolved|gone|changed|rebuilt|added|raised|switched|removed|created|converted|corrected)\b`)
)
