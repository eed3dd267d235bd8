package manifest

import (
	"bytes"
	"regexp"
	"slices"
)

// dropEarlierAttempts removes from a follow-up the failures the asker
// reports having fixed before the one the thread is now about: the lines
// from one that opens an earlier attempt ("first error:", "Before, the
// seed container died with", "Describe earlier today:", "1) ... -> killed
// it") up to the next that opens the current one ("now:", "UPDATE, now it
// exits after ~30s:", "I created the configmap. Now:", "But it still
// restarts:"). A paste that opens an earlier attempt and never a current
// one is kept whole: "first" may only mean the first of the lines below,
// and the lines are all there is. Threads, timelines and the failures an
// asker says are mended (thread.go, mended.go) are read first.
func dropEarlierAttempts(data []byte) []byte {
	data = dropMendedClauses(dropBeforeChange(dropBeforeMended(dropEarlierEntries(dropOthersPastes(dropEarlierComments(data))))))
	if !reAttemptWords.Match(data) {
		return data
	}
	lines := bytes.Split(data, []byte("\n"))
	var out [][]byte
	dropped := false
	for i := 0; i < len(lines); i++ {
		if reOldAside.Match(bytes.ToLower(bytes.TrimSpace(lines[i]))) {
			dropped = true
			continue
		}
		if reRolloutHistory.Match(lines[i]) {
			// The causes of past rollouts ("18  v3.8.2 startupProbe added
			// (liveness was killing it during route table load)").
			out = append(out, lines[i])
			for i+1 < len(lines) && reRevisionRow.Match(lines[i+1]) {
				i++
				dropped = true
			}
			continue
		}
		if m := reFixThenNow.FindSubmatchIndex(lines[i]); m != nil && askersLine(bytes.ToLower(bytes.TrimSpace(lines[i]))) {
			// "Was OOMKilled overnight (no maxmemory set), so this morning
			// I added maxmemory to the config. Now it's worse:"
			out = append(out, lines[i][m[2]:])
			dropped = true
			continue
		}
		if named := dropEarlierNamed(lines[i]); len(named) != len(lines[i]) {
			out = append(out, named)
			dropped = true
			continue
		}
		if !earlierOpener(lines[i]) {
			out = append(out, lines[i])
			continue
		}
		j := currentOpener(lines, i+1)
		if j < 0 {
			out = append(out, lines[i])
			continue
		}
		dropped = true
		lines[j] = fromCurrentMarker(lines[j])
		i = j - 1
	}
	if !dropped {
		return data
	}
	return bytes.Join(out, []byte("\n"))
}

// fromCurrentMarker returns the line that opens the current attempt from
// the word that opens it on: what comes before ("Added depends_on and a
// pg_isready healthcheck on db. That fixed it, seed connects now. But:")
// tells how the earlier failure was fixed.
func fromCurrentMarker(line []byte) []byte {
	t := bytes.TrimSpace(line)
	l := bytes.ToLower(t)
	m := reCurrentAttempt.FindIndex(l)
	if m == nil || len(l) != len(t) {
		return line
	}
	return bytes.TrimLeft(t[m[0]:], ".!;, ")
}

// attemptReach is how many lines an earlier attempt may span before the
// current one opens.
const attemptReach = 40

// currentOpener returns the index of the first line from i on, within
// attemptReach, that opens the current attempt, if something follows it;
// -1 if there is none.
func currentOpener(lines [][]byte, i int) int {
	for j := i; j < len(lines) && j < i+attemptReach; j++ {
		l := bytes.ToLower(bytes.TrimSpace(lines[j]))
		if !askersLine(l) || !reCurrentAttempt.Match(l) {
			continue
		}
		if !anyContent(lines[j+1:]) {
			return -1
		}
		return j
	}
	return -1
}

// anyContent reports lines of which one is not blank.
func anyContent(lines [][]byte) bool {
	return slices.ContainsFunc(lines, func(l []byte) bool { return len(bytes.TrimSpace(l)) > 0 })
}

// earlierOpener reports the asker's line that opens an earlier attempt:
// a short sentence pointing at the paste below it, or a numbered first
// attempt with its content.
func earlierOpener(line []byte) bool {
	l := bytes.ToLower(bytes.TrimSpace(line))
	last := lastSentence(l)
	return askersLine(l) && (len(last) <= 100 && reEarlierHeading.Match(last) || reEarlierItem.Match(l))
}

// lastSentence returns the last sentence of a line.
func lastSentence(l []byte) []byte {
	for i := len(l) - 2; i > 0; i-- {
		if (l[i] == '.' || l[i] == '!' || l[i] == '?') && l[i+1] == ' ' {
			return l[i+2:]
		}
	}
	return l
}

// askersLine reports a line that reads as the asker's, not a program's:
// it opens with a letter or a list mark, not a clock, a level or a key.
func askersLine(l []byte) bool {
	return len(l) > 0 && reAskersStart.Match(l) && !reLogLevelStart.Match(l)
}

var (
	// reAttemptWords is a cheap test for a paste that may tell of
	// attempts.
	reAttemptWords = regexp.MustCompile(`(?i)\b(?:before|first|1st|original|originally|initially|previously|earlier|previous|yesterday|yesterday's|last|old|now|revision)\b|^\s*1\)|#\s*1\b|\b(?:edit|update)\s*1\b`)
	// reEarlierHeading is a sentence that points at the earlier failure
	// pasted below it: one that opens with the word saying so ("First the
	// revision was stuck with ContainerMissing:", "keycloak 24 - first it
	// was", "It first died with"), names the earlier failure ("the
	// previous error was", "The first crash was RBAC:") or numbers the
	// paste ("describe #1 (yesterday):", "Describe 1 (before):"); not one
	// where "before" only orders steps ("check the config before starting
	// named:") or "first" ranks them ("print the Corefile first:").
	reEarlierHeading = regexp.MustCompile(`(?:(?:^|[.!?:]\s+|\s[-–—]\s+)(?:[-*#>]+\s*)?(?:\*\*)?(?:(?:it|we|i|this|that)\s+)?(?:before|first|1st|at first|originally|original|initially|previously|earlier)\b|\b(?:first|original|initial|previous|earlier|old) (?:error|errors|logs?|problem|issue|attempt|failure|crash|output|message|describe)\b)[^.!?]{0,60}?(?::|\b(?:with|was|were|got|had|said|showed))\s*$|\bearlier(?: today| this morning| on)?\s*:\s*$|\b(?:describe|logs?|attempt|try|paste|output|run)\s*#?\s*1\b[^.!?]{0,30}:\s*$|\((?:before|earlier|old|first|yesterday)\)\s*:\s*$|\b(?:describe|logs?|output|error|state)\s+(?:from\s+)?(?:yesterday|last week|this morning)\s*:\s*$|\bthe old (?:pod|replicaset|rs|container|rollout|image|version)\b[^.!?]{0,30}:\s*$|^(?:yesterday's|last week's|last night's|this morning's) (?:describe|logs?|output|state|pod|events)\b[^.!?]{0,60}:\s*$|^-{2,}\s*(?:last week|yesterday|before|earlier|old|previous(?: \w+)?)\s*-{2,}$|^(?:\*\*)?(?:part|round|stage|phase) (?:1|one)\b\s*[-–—:]`)
	// reEarlierItem is the first of numbered attempts, or the first
	// failure told, with its content ("1) StartError: ...", "first
	// error: OOMKilled at 128Mi ...", "EDIT 1: the first failure was ...",
	// "django api: first it was exit 127 (...)").
	reEarlierItem = regexp.MustCompile(`^(?:[-*]\s*)?(?:1\)|first\s*[:)]|1st\s*[:)]|before\s*:|attempt 1\s*:|(?:edit|update)\s*1\s*:|first (?:error|failure|problem|issue|crash)\s*:)\s*\S|(?:^|[.!?:]\s+|\s[-–—]\s+)(?:(?:it|we|i)\s+)?first (?:it )?(?:was|failed|died|crashed|got)\b`)
	// reCurrentAttempt is a sentence that opens the current attempt
	// ("now:", "UPDATE: now it runs ~10s and panics", "2) Now it starts",
	// "After fixing that I get", "EDIT 2:", "describe #2 (today):", "I
	// created the configmap. Now:", "But it still restarts:").
	reCurrentAttempt = regexp.MustCompile(`^(?:[-*#>]+\s*)?(?:\*\*)?(?:(?:update|edit|upd)\b|[2-9]\)\s*(?:now|then|next|after|but)\b|(?:but |and |so |ok,? |okay,? )?now\b|after (?:fixing|that|adding|creating|applying|the fix|raising|bumping|changing|switching|installing|setting|correcting|removing|rebuilding|i |we )|(?:describe|logs?|attempt|try|paste|output|run)\s*#?\s*[2-9]\b)|[.!;,:]\s+(?:but |and |so |ok,? |okay,? )?now\b|[.!;,:]\s+(?:and )?next (?:it|i|we|the \w+) (?:says?|gets?|got|shows?|prints?|fails?|dies|crashes|logs)\b|\bbut\b[^.!?]{0,60}:\s*$|\bnow\s*:\s*$|\((?:now|today|current|latest|after)\)\s*:\s*$|\b(?:describe|logs?|output|error|state)\s+(?:from\s+)?(?:today|now)\s*:\s*$|\bthe new (?:pod|pods|replica|replicaset|container|image|version|release|revision)\b(?: [\w-]+){0,3}? (?:starts?|crash|crashes|dies|fails|exits|keeps)\b|^today\b[^.!?]{0,80}:\s*$|^-{2,}\s*(?:today|now|current|after)\s*-{2,}$|^(?:\*\*)?(?:part|round|stage|phase) (?:[2-9]|two|three)\b\s*[-–—:]`)
	// reAskersStart opens a line of the asker's words, and reLogLevelStart
	// a program's line that starts with a letter all the same: a level
	// word, klog's header ("I0227 17:10:44.002116"), logfmt's first key.
	reAskersStart   = regexp.MustCompile(`^(?:[-*#>(]+\s*|\d\)\s*|\*\*)?(?:[a-z]|1st\b)`)
	reLogLevelStart = regexp.MustCompile(`^(?:(?:info|warn|warning|error|err|debug|trace|fatal|panic|critical|notice)\b[\s:\]|]|[iwef]\d{4} \d\d:\d\d:\d\d|(?:time|ts|level|msg)=\S)`)
	// reEarlierNamed names the earlier failure inside a sentence that
	// goes on to the current one ("the previous error was \"[Errno 98]
	// Address already in use\" (two gunicorn configs), now it's a
	// read-only file system error", "Yesterday: RBAC errors (...), fixed
	// by applying the missing ClusterRoleBinding. Today after the Calico
	// -> Cilium switch it crashloops", "Last hour it was a Vault policy
	// issue (...). Since ~11:05 it's crashlooping again").
	reEarlierNamed = regexp.MustCompile(`\b(?:the |my |our )?(?:previous|first|earlier|old|original) (?:error|failure|problem|issue|crash|one|message)s? (?:was|were)\b|\b(?:yesterday|last (?:hour|night|week)|earlier today|this morning)(?:\s*:|,? (?:it|there) (?:was|were)\b|,? we (?:had|got)\b)|(?:^|[.!?:]\s+)(?:(?:it|we|i)\s+)?first (?:it )?(?:was|failed|died|crashed|got)\b|\blast (?:release|version|deploy|rollout|image|build) had\b`)
	// reNowAfterNamed is where such a sentence turns to the current one.
	reNowAfterNamed = regexp.MustCompile(`[,;.)]\s*(?:but |and |so )?(?:now|today|since)\b|\s(?:but|and|so) now\b|[.;]\s+after (?:this|that|the|today)\b`)
	// reFixThenNow is a sentence of the asker's that tells of a fix
	// before the one that opens the current paste, which it captures.
	reFixThenNow = regexp.MustCompile(`(?i)^.*\b(?:added|raised|fixed|changed|switched|set|removed|created|installed|rebuilt|upgraded|bumped|increased|moved|deleted|granted|applied)\b.*?[.!;]\s+((?:but |and |so )?now\b[^.!?]{0,40}:)\s*$`)
	// reRolloutHistory is `kubectl rollout history`'s header, and
	// reRevisionRow one of its rows.
	reRolloutHistory = regexp.MustCompile(`^\s*REVISION\s+CHANGE-CAUSE\s*$`)
	reRevisionRow    = regexp.MustCompile(`^\s*\d+\s+\S`)
	// reOldAside is a line set apart as the earlier failure "(old failure
	// from yesterday, for the record: ...)".
	reOldAside = regexp.MustCompile(`^\((?:the )?(?:old|previous|earlier) (?:failure|error|problem|crash)\b[^)]*\)\s*$`)
)

// dropEarlierNamed removes from a line the earlier failure it names
// before it turns to the current one, keeping what comes before ("ml-
// scoring pod: ") and after ("now it's a read-only file system error").
func dropEarlierNamed(line []byte) []byte {
	l := bytes.ToLower(line)
	if len(l) != len(line) {
		return line
	}
	m := reEarlierNamed.FindIndex(l)
	if m == nil {
		return line
	}
	n := reNowAfterNamed.FindIndex(l[m[1]:])
	if n == nil {
		return line
	}
	now := m[1] + n[0] + 1
	for now < len(line) && (line[now] == ' ' || line[now] == ',' || line[now] == ';' || line[now] == '.' || line[now] == ')') {
		now++
	}
	out := append([]byte{}, line[:m[0]]...)
	return append(out, line[now:]...)
}
