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

// dropBeforeChange removes from a report in which the asker tells of a
// change they made and then opens what they see now ("switched to
// nginx-unprivileged:1.27 ... now:", "Added the key. ... Now:", "tried
// that, now:", "Limit is 2Gi now. Still restarting, here is the latest
// output:") the lines from the first one pasted up to that opener: the
// failure before the change, and the answers to it. The last such opener
// with a paste after it counts; the lines above the first paste stay.
func dropBeforeChange(data []byte) []byte {
	if !reChangeGate.Match(data) {
		return data
	}
	lines := bytes.Split(data, []byte("\n"))
	to, toldAt := -1, -1
	for k := len(lines) - 1; k > 0 && to < 0; k-- {
		if at := changeThenNow(lines, k); at >= 0 && slices.ContainsFunc(lines[k+1:], pastedLine) {
			to, toldAt = k, at
		}
	}
	if to < 0 {
		return data
	}
	// (An issue's title that opens with its tag, "[bitnami/postgresql-ha]
	// Upgrading repmgr", is not a paste.)
	first := 0
	if reTaggedTitle.Match(lines[0]) {
		first = 1
	}
	from := slices.IndexFunc(lines[first:to], pastedLine)
	if from >= 0 {
		from += first
	} else if toldAt < to {
		// With no paste before it, the words above the opener that tell
		// of the change go ("startup probe bumped to 10 min, kubelet
		// stopped killing it during restore").
		from = toldAt
	} else {
		return data
	}
	out := append(append([][]byte{}, lines[:from]...), fromCurrentMarker(lines[to]))
	return bytes.Join(append(out, lines[to+1:]...), []byte("\n"))
}

// changeThenNow returns the line that tells of a change when the asker's
// line lines[k] opens what they see now after it: lines[k] itself, or
// the asker's line just above it; -1 if lines[k] opens nothing so.
func changeThenNow(lines [][]byte, k int) int {
	l := bytes.ToLower(bytes.TrimSpace(lines[k]))
	if !askersLine(bytes.TrimLeft(l, "`")) && !reValueNow.Match(l) {
		return -1 // (the asker's line may open with a command in a code span: "`dos2unix` in the Dockerfile fixed ...")
	}
	m := reCurrentAttempt.FindIndex(l)
	if m == nil {
		m = reStillFailing.FindIndex(l)
	}
	if m == nil || reSameFailure.Match(l[m[0]:]) {
		return -1 // (a change that did not help: the paste before is still the failure)
	}
	if told(l[:m[0]]) {
		return k
	}
	if m[0] > 0 {
		return -1
	}
	if rest := l[m[1]:]; reEditMarker.Match(l[:m[1]]) && told(rest) && !reAddedInfo.Match(rest) {
		return k // "Edit after comments: removed query_cache_size as suggested, mysqld starts now"
	}
	return toldAbove(lines, k)
}

// toldAbove returns the asker's line above lines[k] (past blank lines and
// a chat's speaker line, "Paulo  4:51 PM") that tells of a change:
// "startup probe bumped to 10 min", then "ok now I get this:"; -1 if
// there is none.
func toldAbove(lines [][]byte, k int) int {
	for j, seen := k-1, 0; j >= 0 && seen < 3; j-- {
		t := bytes.TrimSpace(lines[j])
		if len(t) == 0 {
			continue
		}
		seen++
		if reSpeakerLine.Match(t) {
			continue
		}
		if above := bytes.ToLower(t); askersLine(above) && !pastedLine(lines[j]) && told(above) {
			return j
		}
		return -1
	}
	return -1
}

// told reports the asker telling of a change they made, not of one they
// did not make ("Hadn't changed anything on my build").
func told(l []byte) bool {
	return reChangeTold.Match(l) && !reNoChange.Match(l)
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
	reMendedStatement = regexp.MustCompile(`\b(?:is|are|errors?|exceptions?|issues?|problems?|messages?|events?|kills?|\w+error|\w+exception|oomkilled)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:now\s+)?gone\b|(?:^|[.!?;:,]\s+)no more [\x60'"]?\w+|\bno \w+(?: \w+)? anymore\b|\b(?:fix|suggestion|change|advice|tip|workaround|that|this) (?:worked|did it|did the trick|helped)\b|\bthat was it\b|\bthat(?:'s| is| was) fixed\b|\bfixed (?:the|that|this)\b|\b(?:is|are) (?:ok|okay|fine) now\b|\b(?:went|goes) away\b|\bimports fine\b|^(?:[!#]\d+|v?\d+(?:\.\d+)+|the (?:new|fixed) (?:image|build|version|release)) (?:now )?(?:starts|boots|comes up|runs)\b`)
	// reMendedGate is a cheap test for a text that may hold a
	// reMendedStatement.
	reMendedGate = regexp.MustCompile(`(?i)\b(?:gone|away|imports fine|no more|anymore|worked|did it|did the trick|helped|that was it|fixed|fine now|ok now|okay now|starts|boots|comes up|runs)\b`)
	// reChangeRef is a merge request, an issue or a version that opens a
	// sentence.
	reChangeRef = regexp.MustCompile(`^(?:[!#]\d+|v?\d+(?:\.\d+)+)\s`)
	// reMendedTerm captures the failure's name in a mended statement.
	reMendedTerm = regexp.MustCompile(`([\w.-]{4,})\s+(?:errors?\s+|exceptions?\s+|events?\s+|kills?\s+|messages?\s+)?(?:is\s+|are\s+|was\s+|were\s+)?(?:now\s+)?gone\b|\bno more [\x60'"]?([\w.-]{4,})|\bno ([\w.-]{4,})(?: \w+)? anymore\b`)
	// reNotATerm are words too common to name a failure.
	reNotATerm = regexp.MustCompile(`^(?:errors?|exceptions?|events?|kills?|messages?|issues?|problems?|that|this|these|those|they|there|it's|crash\w*|restarts?|warnings?|failures?|logs?)$`)
	// reStillFailing is a sentence that opens the current failure
	// without "now": "But reporting-api still doesn't come up", "New
	// crash right at startup though:", "with a different error:", "Moved
	// on to:", "that got further".
	reStillFailing = regexp.MustCompile(`(?:^|[.!?;:,]\s+)but (?:the |it |they |\w+ )?(?:[\w-]+ )?(?:is |are |'s )?still\b|\b(?:is|are|keeps?) still (?:restarting|crashing|failing|crashlooping|looping|dying)\b|\bstill (?:restart|crash|fail|loop|die)s?\b|\bstill (?:restarting|crashing|failing|crashlooping|looping|dying|in crashloopbackoff)\b|[.!?;]\s+then (?:it|the \w+) (?:dies|crashes|fails|exits|gets killed|is killed)\b|^but\b|\b(?:dies|crashes|fails|exits|restarts|is killed|gets killed)\b[^.!?(]{0,40}(?:\([^)]*\))?:\s*$|\b(?:new|different|another) (?:crash|error|failure|problem|exception)\b|\bmoved on to\b|\bgot (?:a bit |much |a little )?further\b`)

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
	// reChangeTold is the asker telling of a change they made ("Set
	// METRICS_PORT=9100.", "renamed it. rebuilt the image too", "tried
	// that,", "done.", "Limit is 2Gi now.", "Probes on 8081 now.", "4Gi
	// now."), and
	// reChangeGate a cheap test for a text that may hold one.
	reChangeTold = regexp.MustCompile(`\b(?:set|added|copied|recreated|re-created|changed|switched|renamed|rebuilt|updated|bumped|dropped|uninstalled|installed|generated|reran|re-ran|removed|created|raised|increased|lowered|moved|deleted|granted|applied|fixed|upgraded|downgraded|enabled|disabled|replaced|pinned|mounted|patched|redeployed|rolled back|corrected|converted)\b|\b(?:tried|did|done) (?:that|this|it)\b|^done\b|\b(?:is|are) [\w.-]+ now\b|\bon [\w.:/-]+ now\b|` + reValueNow.String())
	// reValueNow opens the asker's line with the value they set ("4Gi
	// now.").
	reValueNow = regexp.MustCompile(`^\d[\w.-]* now\b`)
	// reSpeakerLine is a chat's line naming who speaks and when
	// ("Paulo  4:51 PM", "Olga V  10:58 AM").
	reSpeakerLine = regexp.MustCompile(`^[\w .@'-]{1,40}\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?$`)
	// reTaggedTitle is an issue's title that opens with its tag ("[BUG]
	// ...", "[bitnami/postgresql-ha] Upgrading repmgr from 5.3 to 5.4").
	reTaggedTitle = regexp.MustCompile(`^\[[\w/ .-]{1,40}\]\s+[A-Z\p{So}]`)
	// reNoChange is a change the asker says they did not make, or one a
	// program's advice names ("This can usually be fixed by giving the
	// web server write access"), and
	// reSameFailure a failure that stayed what it was ("But upgrading
	// again shows the same issue.").
	// reEditMarker opens an edit of the post ("EDIT:", "Update 2:",
	// "Edit after comments:"), and reAddedInfo is one that only adds
	// what it shows ("EDIT: added the describe output").
	reEditMarker  = regexp.MustCompile(`^(?:[-*#>]+\s*)?(?:\*\*)?(?:update|edit|upd)\b`)
	reAddedInfo   = regexp.MustCompile(`\b(?:added|adding|attached|attaching|included|including|posted|pasted|here (?:is|are))\b[^.!?]{0,40}\b(?:logs?|describe|output|yaml|events?|details|info|information|manifests?|trace|dump|screenshots?|values)\b`)
	reNoChange    = regexp.MustCompile(`\b(?:can|could|should|would|must|may|might|will|to|needs? to)\s+(?:\w+\s+){0,2}(?:be\s+)?(?:set|added|changed|switched|updated|removed|fixed|raised|increased|applied|enabled|disabled)\b|\b(?:hadn't|haven't|hasn't|didn't|did not|have not|had not|has not|never|nothing|no one|nobody)\b[^.!?]{0,30}\b(?:set|added|changed|switched|updated|removed|touched|modified)\b|\bnothing (?:was |has been |had been )?changed\b`)
	reSameFailure = regexp.MustCompile(`\b(?:same|as before|no change|no difference|didn't help|did not help|doesn't help|does not help)\b`)
	reChangeGate  = regexp.MustCompile(`(?im)` + reChangeTold.String())
	// reFixWords say the asker mended something.
	reFixWords = regexp.MustCompile(`\b(?:fixed|solved|resolved|gone|changed|rebuilt|added|raised|switched|removed|created|converted|corrected)\b`)
)
