package diagnose

import (
	"bytes"
	"regexp"
)

// A cause clause is a sentence in which someone (the reporter, after
// digging; a maintainer quoted with the report) says why the container
// crashed: "It turned out the database was not reachable", "the pod
// crashes because the config file has a wrong value", "the secret was not
// created, that's why it could not start". No program pattern knows the
// wording, so the sentence is read for what kind of cause it names. It is
// a weak vote: any line of the program's own that names a cause, and any
// recorded status, outweighs it.

// causeMarkers are the words that make a sentence give a cause: the
// cause follows them ("... because the secret was deleted") ...
var causeMarkers = [][]byte{
	[]byte("because"), []byte("due to"), []byte("turned out"), []byte("turns out"), []byte("root cause"),
	[]byte("the problem was"), []byte("the problem is"), []byte("the issue was"), []byte("the issue is"),
	[]byte("the reason was"), []byte("the reason is"), []byte("reason being"), []byte("culprit"), []byte("caused by"),
	[]byte("the fix was"), []byte("fixed it by"), []byte("fixed by"), []byte("solved it by"), []byte("solved by"),
	[]byte("resolved by"), []byte("the solution was"),
}

// consequenceMarkers come after the cause ("the image has no shell,
// that's why it crashes").
var consequenceMarkers = [][]byte{
	[]byte("that's why"), []byte("that is why"), []byte("which is why"), []byte("was the cause"),
	[]byte("is the cause"), []byte("was the problem"), []byte("was the issue"), []byte(", so the pod"),
	[]byte(", so the container"), []byte(", so it "), []byte(", so my "), []byte("causing the"), []byte("which causes"),
	[]byte("which caused"), []byte("causes the pod"), []byte("caused the pod"), []byte(", causing "),
	// What was changed to end the loop comes before these ("I removed
	// the health checks in order to resolve the issue").
	[]byte("in order to resolve"), []byte("to resolve the issue"), []byte("to fix the issue"), []byte("and that fixed"),
	[]byte("which fixed"), []byte("fixed the issue"), []byte("fixed the problem"), []byte("resolved the issue"),
	[]byte("solved the issue"), []byte("solved the problem"),
}

// A fix clause is a sentence that says what was changed to end the loop:
// "Removing mem_limit: 256m fixed the restarts", "after I created the
// secret it started", "the fix was to run dos2unix on the entrypoint".
// What was changed names the cause.

// fixBefore markers precede what was changed; fixAfter markers follow it.
var (
	fixBefore = [][]byte{[]byte("the fix was"), []byte("the fix is"), []byte("fixed it by"), []byte("fixed by"), []byte("solved it by"),
		[]byte("solved by"), []byte("resolved by"), []byte("the solution was"), []byte("the workaround was")}
	fixAfter = [][]byte{[]byte("fixed it"), []byte("fixes it"), []byte("fixed the"), []byte("fixes the"), []byte("solved it"),
		[]byte("resolved it"), []byte("did the trick"), []byte("it started"), []byte("started working"), []byte("now it works"),
		[]byte("it works now"), []byte("and it works"), []byte("it worked"), []byte("made it work"), []byte("it runs now"),
		[]byte("works as expected"), []byte("everything is working")}
)

// fixClauses are the kinds of change a fix clause can name, the most
// specific first.
var fixClauses = []*pattern{
	pat("fix_missing_object", MissingConfigObject, weightSpecific-2, "").matching(`(?i)\b(?:created|create|creating|added|adding|applied|applying)\b.{0,40}\b(?:secret|config ?map)s?\b|\bkubectl create (?:secret|configmap)\b|\brenam\w+ (?:the )?key\b`),
	pat("fix_command", CommandNotFound, weightSpecific-2, hintEntry).matching(`(?i)\bdos2unix\b|\bcrlf\b|\b(?:unix|windows|dos) line endings\b|\bchmod \+x\b|\bexecutable (?:bit|permission)\b|\bno [\x60'"]?[\w.-]+[\x60'"]? (?:binary|executable)\b`),
	pat("fix_completed", Completed, weightSpecific-2, "").matching(`(?i)\bsleep\W{1,5}infinity\b|\btail -f /dev/null\b|\brestartpolicy:? ?(?:never|onfailure)\b|\bas an? (?:kubernetes )?(?:cron ?)?job\b|\b(?:stdin|tty): ?true\b`),
	pat("fix_arch", ExecFormat, weightSpecific-2, hintSigill).matching(`(?i)\barm64\b|\bamd64\b|\baarch64\b|\bmulti-?arch\w*\b|--platform\b`),
	pat("fix_port", PortConflict, weightSpecific-2, hintPort).matching(`(?i)\b(?:chang\w+|mov\w+)\b.{0,40}\bports?\b|--[\w-]*(?:addr|port)\w*[ =]:?\d{2,5}\b|\bto :\d{2,5}\b|\bdnsstublistener\b|\balready listen\w* on (?:port )?:?\d+`),
	pat("fix_oom", OOMKilled, weightSpecific-2, hintOOMLimit).matching(`(?i)\bmem(?:ory)?[_ ]?limits?\b|\bmax[-_]old[-_]space[-_]size\b|\bnode_options\b|-xmx\d|\bheap\b|\bmore memory\b|\bmemory (?:to|from) \d`),
	pat("fix_probe", LivenessProbe, weightSpecific-2, "").matching(`(?i)(?:^|[^\w-])probes?\b|\bhea?l?th ?checks?\b|\binitialdelayseconds\b|\bfailurethreshold\b|\btimeoutseconds\b|\bperiodseconds\b`),
	pat("fix_permission", PermissionDenied, weightSpecific-2, hintPerm).matching(`(?i)\biam (?:polic\w*|roles?|permissions?)\b|\bseccomp\b|\bapparmor\b|\bcluster ?roles?\b|\brole ?bindings?\b|\brbac\b|\bchown\b|\bfsgroup\b|\brunasuser\b|\bpermissions?\b|\bsecurity ?context\b`),
	pat("fix_dependency", DependencyUnavailable, weightSpecific-2, hintDepend).matching(`(?i)\bnetwork ?polic\w*\b|\begress\b|\bfirewall\b|\bscal\w+ (?:\S+ ){0,4}(?:back )?up\b`),
	pat("fix_app", AppCrash, weightSpecific-2, "").matching(`(?i)\bdevdependencies\b|\binstead of\b.{0,20}\b(?:python|node|ruby|openjdk|golang)[: ]?\d|\b(?:python|node|ruby|openjdk|golang)[: ]?\d[\d.]*\b.{0,20}\binstead of\b|\bdowngrad\w+\b|\b(?:revert\w*|roll\w* back)\b(?: \w+){0,3}? (?:to )?(?:the )?(?:previous|older|old|last|prior|earlier) (?:version|release|image|tag)\b|\b(?:pin\w*|overrid\w*|going back|went back)\b.{0,10}\bimage(?:'s)? (?:tag|version)\b.{0,40}\bv?\d+\.\d+`),
	pat("fix_config", ConfigError, weightSpecific-2, hintParse).matching(`(?i)\becho -n\b|\btrailing newline\b|\benv(?:ironment)? ?var\w*\b|\bsettings?\b|\bconfig\w*\b|\bflags?\b`),
}

// fixPart is the part of a sentence that says what was changed to fix
// the loop, or nil.
func fixPart(lower []byte) []byte {
	for _, m := range fixBefore {
		if i := bytes.Index(lower, m); i >= 0 {
			return lower[i+len(m):]
		}
	}
	// What was changed comes before the last of these ("After I fixed
	// the NetworkPolicy to allow egress it started").
	end := -1
	for _, m := range fixAfter {
		if i := bytes.LastIndex(lower, m); i > end {
			end = i
		}
	}
	if end > 0 {
		return lower[:end]
	}
	return nil
}

// causeClauses are the kinds of cause a clause can name, the most specific
// first; the first whose words occur in the sentence names the category.
var causeClauses = []*pattern{
	pat("clause_missing_object", MissingConfigObject, weightSpecific-2, "").matching(`(?i)\b(?:secret|config ?map)s?\b(?:\s+\S+){0,3}?\s+(?:was|were|is|are|had been|has been)?\s*(?:not (?:created|there|present|found|deployed|applied)|never created|missing|didn't exist|did not exist|doesn't exist|does not exist|deleted|in (?:a |another |the wrong )namespace)|\b(?:missing|absent|non-?existent|deleted) (?:\w+ )?(?:secret|config ?map)s?\b|\b(?:lack of|lacking) (?:an? |the )?(?:\w+ )?(?:secret|config ?map)s?\b`),
	pat("clause_command", CommandNotFound, weightSpecific-2, hintEntry).matching(`(?i)\b(?:entry ?point|command|cmd|start(?:up)? script|script|binary|executable)s?\b(?:\s+\S+){0,4}?\s+(?:was|is|were)?\s*(?:wrong|missing|not found|not executable|incorrect|misspelled|not in the image|not on the path|not in \$?path)|\bexecutable (?:bit|permission|flag)\b|\bchmod \+x\b|\bcrlf\b|\b(?:windows|dos) line endings\b`),
	pat("clause_port", PortConflict, weightSpecific-2, hintPort).matching(`(?i)\bsame port\b|\bport (?:\d+ )?(?:was |is )?(?:already )?(?:in use|taken|used by|occupied)\b|\bboth \w+(?: \w+){0,3} (?:listen|bind|use)\w* (?:on )?(?:the same )?port\b`),
	pat("clause_oom", OOMKilled, weightSpecific-2, hintOOMLimit).matching(`(?i)\bmemory limits?\b|\bout of memory\b|\boom(?:killed|-?kill\w*)?\b|\bnot enough memory\b|\bran out of memory\b|\bmemory (?:was |is )?too (?:low|small)\b`).without("avoids oom", "avoid oom", "to prevent oom"),
	pat("clause_probe", LivenessProbe, weightSpecific-2, "").matching(`(?i)\b(?:liveness|liveliness|startup) ?probes?\b|\b(?:removed|removing|disabled|disabling|increased|increasing|raised|relaxed|turned off|commented out)\b.{0,20}\b(?:hea?l?th ?checks?|probes?)\b|\bhealth ?checks? (?:was |were |is )?(?:failing|failed|too)\b|\binitialdelayseconds\b|\bprobe (?:was |is )?(?:killing|failing|too)\b`),
	pat("clause_data", ConfigError, weightSpecific-2, hintData).matching(`(?i)\bcorrupt\w*\b|\b(?:zero|0)[- ]sized?\b|\b(?:zero|0)[- ]?bytes? (?:file|data)\b`),
	pat("clause_disk_full", ConfigError, weightSpecific-2, "A volume or disk the container writes to is full: free space on it (old logs, WAL, snapshots), or grow the volume (resize the PVC, raise the quota).").matching(`(?i)\b(?:disks?|volumes?|pvc?s?|persistent volumes?|filesystems?|file systems?|partitions?|data (?:dir|directory)|storage|quota)\b(?:\s+\S+){0,3}?\s+(?:is|was|were|are|got|became|ran)\s+(?:completely\s+|already\s+|100%\s+)?(?:full|out of (?:space|disk))\b|\bdisk (?:full|exhaustion)\b|\bout of disk space\b|\bno (?:free )?(?:disk )?space left\b`),
	pat("clause_permission", PermissionDenied, weightSpecific-2, hintPerm).matching(`(?i)\bpermissions?\b|\bnot writable\b|\b(?:can't|cannot|couldn't|could not|unable to|wasn't able to|was not able to) (?:write|create|open|read)\b|\bread-?only\b|\bruns? as (?:a )?(?:non-?root|root|user|uid)\b|\brunasuser\b|\brunasnonroot\b|\breadonlyrootfilesystem\b|\bchown\b|\bfsgroup\b|\bsecuritycontext\b|\bowned by\b|\bownership\b|\bselinux\b|\bscc\b|\bpod ?security\b|\brbac\b|\bforbidden\b`).without(
		// A database that is read-only (a replica, a database set so):
		// its state, not the container's filesystem.
		"database is read-only", "database is read only", "read-only transaction", "--read-only option"),
	pat("clause_dependency", DependencyUnavailable, weightSpecific-2, hintDepend).matching(`(?i)\b(?:not reachable|unreachable|unavailable)\b|\b(?:couldn't|could not|can't|cannot|unable to|wasn't able to|was not able to) (?:reach|connect|resolve|talk to)\b|\bnot resolv\w*\b|\bdns\b|\b(?:was|is|were|went) down\b|\b(?:wasn't|was not|isn't|is not|weren't|were not) (?:up|running|ready|reachable|available|started) yet\b|\bnetwork ?polic\w*\b|\bfirewall\b|\bdependenc(?:y|ies) (?:between|among|on) (?:the )?(?:\w+ ){0,2}(?:pods|services|containers|components)\b|\b(?:start(?:up)?|boot) order\b|\bconnection (?:was )?(?:refused|timed? ?out|reset)\b|^\W*(?:the |a |its |their )?connections? (?:to|with)\b|\b(?:kafka|zookeeper|database|db|mysql|mariadb|postgres\w*|redis|mongo\w*|rabbitmq|broker|etcd|elasticsearch|opensearch|cassandra|nats|api ?server|(?:k8s|kubernetes|kube)[- ]?api)\b(?:\s+\S+){0,2}?\s+(?:crash\w*|(?:was |is |being |went )?down|restart\w*|(?:was |is )?not (?:being )?(?:ready|up|running|available)(?: yet)?)\b`).without("dns proxy", "dns-proxy", "dnsproxy"), // (a program's own DNS proxy is a part of it)
	pat("clause_arch", ExecFormat, weightSpecific-2, hintSigill).matching(`(?i)\b(?:cpu |processor )?architectures?\b|\barm64\b|\baarch64\b|\bapple silicon\b|\bexec format\b|\billegal instruction\b|\binstruction sets?\b|\bscalable vector extension\b|\busesve\b`),
	pat("clause_config", ConfigError, weightSpecific-2, hintParse).without("change", "update", "reload", "rotat", "refresh").matching(`(?i)\bconfig\w*\b|\bsettings?\b|\benv(?:ironment)? ?var\w*\b|\bvariables?\b|\bflags?\b|\barguments?\b|\bargs\b|\bpasswords?\b|\bcredentials?\b|\btokens?\b|\btypo\b|\bmisconfigur\w*\b|\bvalues?\b|\bwrong (?:\w+ ){0,2}(?:name|path|version|url|host|key)\b|\bversion mismatch\b|\bincompatible\b|\b(?:incorrectly|wrongly) named\b|\bmisnamed\b`),
}

// reFirstPersonDoubt is a sentence that wonders rather than states ("I
// wonder if it is because of the memory limit?").
var reFirstPersonDoubt = regexp.MustCompile(`(?i)\b(?:wonder|not sure|maybe|perhaps|might be|could it be|is it because|was it because|any idea|i guess|i think|i suspect|(?:is|was) (?:most )?likely)\b|\?\s*$`)

// reNotTheCause is a sentence that rules a cause out ("it did not appear
// that OOM was the cause", "it wasn't the memory limit", "I doubt it is a
// memory problem", "I checked the permission on the volume and it is r/w",
// "both nodes have plenty of free memory", "the node ran out of disk
// (separate problem)", "(disk full on /var/lib/docker, separate problem)",
// "`mailer` has been crashlooping since its relay's cert expired
// (separate, known)", "Rocket.Chat says `... ECONNREFUSED ...`, but that's
// a symptom", "This does not look like a normal scaler configuration
// error to me").
var reNotTheCause = mustGate(`\b(?:but |which is |and )?(?:that's|that is|it's|it is|this is|which is) (?:just |only |merely |probably |likely )?(?:a |the )?(?:symptom|side effect|consequence)\b|\((?:[^()]{0,60}[,;] )?(?:a )?(?:separate|unrelated|different|another) (?:problem|issue|story)\)|\((?:separate|unrelated|known)(?:, (?:separate|unrelated|known))*\)|\b(?:not|n't|never|no longer)\b.{0,50}\b(?:was|is|were|are) the (?:cause|problem|issue|reason|culprit)\b|\b(?:was|is|were|are)(?:n't| not) (?:the )?(?:cause|problem|issue|reason|culprit)\b|\b(?:isn't|is not|wasn't|was not) what (?:kills|killed|restarts|restarted|causes|caused)\b|\brul(?:e|ed|ing) out\b|\bnot (?:the|a) (?:cause|reason|problem)\b|\bnot (?:due to|because of|caused by)\b|\bdoubt (?:it|this|that)(?:'s| is| was| would be)\b|(?:\bnot|n't) an? [\w-]+ (?:problem|issue|conflict)\b|\b(?:does|did)(?:n't| not) (?:look|seem|sound) like (?:an? |the )?(?:[\w-]+ ){0,3}(?:problem|issue|error|conflict)\b|\bno (?:port )?(?:conflict|collision)s?\b|\b(?:it's|it is|that's|that is|its) not (?:the |a |an )?(?:network|dns|memory|probe|port|permissions?|secret|database|db)\b|\b(?:plenty|lots) of (?:free|spare|available|unused) (?:memory|ram)\b|\b(?:checked|verified|made sure|double[- ]checked|confirmed)\b.{0,60}\b(?:and|,)\s*(?:it|they|that|everything|all)(?:'s| is| are| was| were| seems?| looks?)\b.{0,20}\b(?:fine|ok|okay|correct|right|good|r/?w|writable|readable|accessible|present|valid)\b|(?:権限|メモリ(?:不足)?|ネットワーク|ポート|プローブ|probe|dns|oom(?:killed)?|設定|依存)(?:の問題)? ?(?:で|じゃ)は(?:なく|ない|ありません)|(?:권한|메모리(?: 부족)?|네트워크|포트|프로브|probe|dns|oom(?:killed)?|설정)(?:이|가|의 문제가)? ?아니(?:라|다|고)|\boom(?:killed)? ?아님|(?:不是|并非|並非)(?:因为)?(?:权限|權限|内存|記憶體|网络|網路|端口|探针|探針|probe|dns|oom|配置)`)

// reAdviceIf is advice for a case that may not be this one, which an
// image's start banner prints every time ("If this container fails to
// start due to permission problems try to fix it by executing: ...").
var reAdviceIf = regexp.MustCompile(`^\W*(?:if|in case)\b[^.]{0,120}\btry\b`)

// reDenied is more of a sentence that rules a cause out ("I don't think
// this is a OOM scenario", "I never saw the OOM killed messages", "I
// thought the liveness probe was killing it, but ...", also in the
// asker's language: "以为是...但", "J'ai d'abord pensé ... mais"), read
// only where a log line's own rule would otherwise count the cause it
// names (deniedLine); reNotTheCause is read everywhere. A cause told as a
// hypothetical is ruled out too ("That'd be exec format error if it were
// the arch though", "If it were the arch I'd expect exec format error",
// "I'd expect AccessDenied then though, not a panic"),
// and so is a question answered no ("\"is the pod running out of memory?\"
// — no, it dies in under a second").
var reDenied = mustGate(`\?["”]?\s+(?:[-—–]+\s+)?no[,.!]\s|\b(?:that'd|that would|it'd|it would|you'd|you would|i'd|i would|we'd) (?:be|see|expect|get|show)\b.{0,80}\bif (?:it|this|that|the \w+) (?:were|was|had been)\b|\bif (?:it|this|that|the \w+) (?:were|was) (?:the |an? )?[\w-]+(?: \w+)?,? (?:i'd|i would|you'd|you would|it'd|it would|that'd|that would|we'd) (?:expect|see|get|be)\b|\b(?:don't|do not|didn't|did not) (?:think|believe)\b.{0,30}\b(?:is|was|it's|are|were)\b|\b(?:i'd|i would|you'd|you would|we'd) expect\b.{0,60}\b(?:then|in that case)\b|\bnever (?:saw|see|seen)\b|\bno (?:sign|signs|trace|evidence|indication) of\b|\bi (?:first )?(?:thought|assumed|suspected)\b.{0,80},? but\b|以为.{0,80}(?:但|可是|不过|然而)|と思(?:った|いました)(?:が|けど|けれど)|\b(?:pensé|pensei|achei|creí|j'ai (?:d'abord )?pensé|dachte)(?:\s|$).{0,80}\b(?:pero|mas|mais|aber)\b`)

// causeClause returns the kind of cause a sentence gives, or nil when it
// gives none (or only wonders). Only the clause that gives the cause is
// read: "cannot create files because the data is corrupt" names no
// permission problem.
func causeClause(lower, trimmed []byte) *pattern {
	if programLine(trimmed) || reFirstPersonDoubt.Match(trimmed) || reNotTheCause.Match(lower) || reAdviceIf.Match(lower) {
		return nil
	}
	if bytes.Contains(lower, []byte("nullpointerexception: cannot ")) {
		return nil // Java's own account of a null ("Cannot invoke X because Y is null"): a bug's message
	}
	if fix := fixPart(lower); fix != nil {
		for _, p := range fixClauses {
			if p.matchLower(fix) && !p.vetoed(fix) {
				return p
			}
		}
	}
	clause, effect := causePart(lower)
	if clause == nil {
		return nil
	}
	// The effect may name the mechanism that did the killing ("..., which
	// caused several restarts from OOM"): that is the category.
	for _, p := range causeClauses {
		if (p.cat == OOMKilled || p.cat == LivenessProbe) && p.matchLower(effect) && !p.vetoed(effect) {
			return p
		}
	}
	for _, p := range causeClauses {
		if p.matchLower(clause) && !p.vetoed(clause) {
			return p
		}
	}
	return nil
}

// causePart is the part of a sentence that gives its cause, and the part
// after a consequence marker that tells its effect ("..., which caused
// restarts from OOM").
func causePart(lower []byte) (cause, effect []byte) {
	for _, m := range causeMarkers {
		if i := bytes.Index(lower, m); i >= 0 {
			// What comes before is often what was tried. A conjunction's
			// cause ends with its sentence, and the next one is the next
			// thing said ("... because the volumes keep the old id. In this
			// case, Kafka pods start crash looping": not Kafka down); "Root
			// cause:" and "the problem was" may go on to explain.
			cause := lower[i+len(m):]
			if string(m) == "because" || string(m) == "due to" {
				cause, _ = nextSentence(bytes.TrimLeft(cause, " "))
			}
			return cause, nil
		}
	}
	for _, m := range consequenceMarkers {
		if i := bytes.Index(lower, m); i >= 0 {
			return lower[:i], lower[i+len(m):]
		}
	}
	return nil, nil
}

// programLine reports a line a program wrote rather than a sentence: a
// level or timestamp in brackets, a JSON record, a timestamp, a klog
// header or a "name: message" prefix.
func programLine(t []byte) bool {
	if len(t) == 0 {
		return true
	}
	switch c := t[0]; {
	case c >= '0' && c <= '9' && reListItem.Match(t):
		return false // "1) CRD issues with ...", "2. Deploy a service": a list in words
	case c == '[' && reS6Stage.Match(t):
		return true // s6-overlay's "[fix-attrs.d] applying ownership & permissions fixes..."
	case c == '[' && reTitleTag.Match(t):
		return false // "[BUG] pods crash ...", "[RHEL 10] ...": an issue title's tag
	case c == '[' || c == '{' || c == '<' || (c >= '0' && c <= '9'):
		return true
	case klogHeader(t):
		return true
	case c == '*' && bytes.HasPrefix(t, []byte("*** ")) && reLevelPipe.Match(bytes.TrimLeft(t[3:], " ")):
		return true // osixia's light-baseimage: "***  INFO  | <time> | ..."
	case c >= 'A' && c <= 'Z' && reLevelPipe.Match(t):
		return true // the same with its stars stripped
	case reReporterMarker.Match(t):
		return false // "Update: with the memory limit set to 128Mi, ...": the reporter's addition
	}
	return reNamePrefix.Match(t) || bytes.Contains(t, []byte("level=")) || bytes.Contains(t, []byte("msg=")) || bytes.Contains(t, []byte(`"msg"`)) || reLevelTagNear.Match(t) || reProgressDone.Match(t) || reApplied.Match(t)
}

// reApplied is what `kubectl apply` (or Argo CD's resource table, in its
// MESSAGE column) prints for an object: "deployment.apps/api configured".
var reApplied = regexp.MustCompile(`(?:^|\s)[a-z][\w.-]*/[\w.-]+ (?:configured|unchanged|created|deleted|pruned|serverside-applied)(?: \(dry run\))?$`)

// reReporterMarker is the word a reporter puts before a later addition
// or a part of their report ("Update:", "EDIT 2:", "Workaround:",
// "TL;DR:", a comment quoted as `Comment: "is it ...?"`), then their own
// words: not a program's "name: message".
var reReporterMarker = regexp.MustCompile(`^(?i:update|updated|edit|edited|addendum|solution|workaround|tl;? ?dr|background|problem|question)(?: \d{1,2})?:\s+[a-zA-Z]|^(?i:comment|reply|answer):\s+["“][a-zA-Z]`)

// reS6Stage is an s6-overlay stage tag at a line's start ("[cont-init.d]
// 10-adduser: exited 0.", "[fix-attrs.d] applying ownership &
// permissions fixes..."): the image's init, not a title's tag.
var reS6Stage = regexp.MustCompile(`^\[(?:fix-attrs|cont-init|cont-finish|services|s6-init|s6-finish|s6-rc)(?:\.d)?\]`)

// reLevelPipe is a level in capitals before a column bar ("ERROR  | ").
var reLevelPipe = regexp.MustCompile(`^(?:INFO|WARN|WARNING|ERROR|DEBUG|FATAL|TRACE|NOTICE|CRITICAL)\s+\| `)

// reProgressDone is a step a program reports done ("Waiting for user
// info...OK", "Checking config... done").
var reProgressDone = regexp.MustCompile(`(?i)\.\.\.\s*(?:ok|done|success|passed)[.!]?$`)

// reLevelTagNear is a level in brackets near the start of a line, after a
// platform's own prefix ("app[148ed6e1f7d248] mia [info] ..." on Fly.io)
// or a syslog-style time ("Feb 02 21:14:09.000 [warn] ..." from Tor).
var reLevelTagNear = regexp.MustCompile(`^\S{1,40}(?: \S{1,20}){0,2} \[(?i:info|warn|warning|error|err|debug|notice|fatal|crit|trace)\] `)

// reTitleTag is an issue title's tag before its words ("[BUG] the
// operator crashes", "[stable/grafana] sidecar keeps restarting"), not a
// log level, timestamp or thread in brackets ("[ERROR]", "[2024-01-01
// ...]", "[main] INFO"). After a tag such as [BUG] the words may hold a
// colon ("[BUG] gateway.yaml: permission 0600 causes ...").
var reTitleTag = regexp.MustCompile(`^(?:\[(?i:bug|feature|question|help|issue|proposal|rfc|enhancement)](?:\[[\w./ -]{1,30}])*:? +[A-Za-z]|(?:\[(?:\w+[ /-][\w./ -]+|[a-z][\w.-]*/[\w.-]+)])(?:\[[\w./ -]{1,30}])*:? +[A-Za-z][\w-]*\b[^:=]*$)`)

// reListItem is an item of a numbered list in a reporter's words.
var reListItem = regexp.MustCompile("^\\d{1,2}[.)] +[*_\\\\`]{0,4}[A-Za-z][\\w:.-]*[*_\\\\`]{0,4}:? (?:[—–-]+ )?[A-Za-z`]")

// reNamePrefix is a program's "name: message" or "LEVEL: message" start,
// or a key its column of settings pads before the colon ("log            :
// tty", RabbitMQ's start-up summary).
var reNamePrefix = regexp.MustCompile(`^(?:[\w.\-/]+:\s|[\w.()\-/]+(?: [\w.()\-/]+)?\s{2,}: \S)`)
