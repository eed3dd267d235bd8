package diagnose

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Bounds of the log scanner: memory use is independent of the log's size.
const (
	maxLineBytes  = 4096 // bytes of one line that are examined; the rest is skipped
	readBuffer    = 64 << 10
	excerptLines  = 20  // lines kept for LogScan.Excerpt
	maxQuoteBytes = 600 // longest quoted line in evidence and excerpts
	maxSummary    = 180 // longest detail in a summary
)

// Line severities, added to a pattern's weight.
const (
	sevInfo  = 0
	sevWarn  = 1
	sevPlain = 3
	sevError = 4
	sevFatal = 6
)

// LogScan is what ScanLog learned from one container log.
type LogScan struct {
	// Category is the cause the log points to, or Unknown.
	Category Category `json:"category"`
	// Detail is the message of the explaining line, without timestamp or
	// level prefixes, redacted and shortened.
	Detail string `json:"detail,omitempty"`
	// Line is the line that explains the crash, redacted; LineNumber counts
	// from 1.
	Line       string `json:"line,omitempty"`
	LineNumber int    `json:"line_number,omitempty"`
	// Evidence holds the explaining line and, when different, the first
	// fatal line, quoted and redacted.
	Evidence []string `json:"evidence"`
	// Excerpt is the redacted tail of the log (at most 20 lines).
	Excerpt []string `json:"excerpt"`
	// Lines is the number of lines read.
	Lines int `json:"lines"`
	// Redacted reports whether anything returned was redacted.
	Redacted bool `json:"redacted"`

	hint    string // what to change, from the matching pattern
	action  string // Spring Boot's "Action:" advice
	score   int
	weight  int    // the weight of the matching pattern (0 for a generic crash shape)
	patID   string // the matching pattern's id
	generic bool   // only a generic crash shape matched
	// daemon is a log most of whose lines carry a logger's info level:
	// a server's log, whose quiet end says it was stopped, not that it
	// finished its work.
	daemon bool
	// deployFailed: an application server said the app it deploys did
	// not start (the server ran on without it).
	deployFailed bool
	// supervisorQuit: a supervisor reported a program it runs failing
	// (supervisord's "gave up: app entered FATAL state", runit's "***
	// /opt/bin/worker exited with status 0." after its crash): its own
	// exit code, often 0, is the supervisor's orderly stop.
	supervisorQuit bool
	// dockerBase is the image a Dockerfile pasted with the log builds its
	// last stage FROM, when that stage sets no CMD or ENTRYPOINT.
	dockerBase string
	// topic is the kind of cause a log that is mostly the reporter's prose
	// talks about (empty otherwise), and topicLine the line that first
	// names it, redacted.
	topic     Category
	topicLine string
	// topicNamed is false when the words only say it fails and topic is
	// the likeliest kind for such reports, a guess.
	topicNamed bool
	// finished is the line that shows the program ran its course, and
	// finishedHow says how: Spring Boot's "Started X in N seconds" when its
	// shutdown hook ran after it and no web server had started (an app with
	// nothing to serve), or Maven's or Gradle's "BUILD SUCCESS" with no
	// failure after it (a build run as the container's program).
	finished, finishedHow string
	// passedOver is the reporter's sentence that looked like an error
	// but whose words' topic decided (wordsOutweigh), redacted: quoted
	// beside the topic, since it may be what the program printed.
	passedOver string
	// asked is set when the explaining line is the reporter's question or
	// guess ("Maybe the liveness probe kills it?"), not a finding.
	asked bool
	// words is set when the explaining line is not shaped like a
	// program's: the reporter's title or sentence.
	words bool
}

// candidate is a line that may explain the crash.
type candidate struct {
	line     string
	msg      string
	lineNo   int
	score    int
	pat      *pattern
	causedBy bool
	words    bool   // not shaped like a program's line: a reporter's title or sentence
	sentence bool   // words that read as the reporter's sentence (reporterSentence), before any detail was added
	asked    bool   // the reporter's question or guess
	service  string // the Compose service whose line it is ("redis-1 | ..."), if any
}

// extend appends a line that continues c's message (its detail, the
// wrapped end of it) to both its quoted line and its message.
func (c *candidate) extend(t []byte) {
	c.line += " " + string(t)
	c.msg += " " + string(t)
}

// chmodRefusal reports a chmod, chown or chgrp that was refused
// ("chmod: changing permissions of '/etc/redis/redis.conf': Read-only file
// system").
func (c *candidate) chmodRefusal() bool {
	return c.pat != nil && c.pat.cat == PermissionDenied && (c.pat == chmodRefused || strings.Contains(c.line, ": changing permissions of ") || strings.Contains(c.line, ": changing ownership of "))
}

// better reports whether c should replace the current best b.
func (c *candidate) better(b *candidate) bool {
	if b == nil {
		return true
	}
	// An entrypoint's chmod or chown refused is often a step it goes on
	// from: a later line of the program's that names a cause of its own,
	// or a crash, says more.
	if b.chmodRefusal() && !c.words && (c.pat != nil && c.pat.cat != b.pat.cat && c.pat.weight >= weightSpecific-2 || c.pat == nil && c.score >= weightGeneric) {
		return true
	}
	if c.score > b.score {
		return true
	}
	// The deepest "Caused by:" is the root cause; otherwise the first
	// fatal error wins over later noise.
	if c.score == b.score && c.causedBy && b.causedBy {
		return true
	}
	// The program's own line says it better than a reporter's title that
	// repeats its words ("Permission Denied error" above the EACCES), or
	// than the reporter's sentence before it when neither names a known
	// cause ("the log always dies in the library migration", then the
	// exception).
	if c.score == b.score && b.words && !c.words && (c.pat == nil && b.pat == nil || c.pat != nil && b.pat != nil && c.pat.cat == b.pat.cat) {
		return true
	}
	// A "Caused by:" that names a specific cause of the same kind refines
	// the wrapper above it ("Invalid config" ... "Caused by: myid file is
	// missing").
	if c.causedBy && c.pat != nil && b.pat != nil && c.pat.cat == b.pat.cat && c.score >= b.score-3 {
		return true
	}
	// An inner exception a precise rule knows, under a wrapper only a
	// general one does ("TimeoutException ... selecting a server", then
	// "---> MongoAuthenticationException ... Authentication failed"): the
	// inner one is what happened.
	return c.causedBy && c.pat != nil && b.pat != nil && c.pat.weight >= weightPrecise && b.pat.weight < weightPrecise && c.score >= b.score-6
}

// logScanner holds the small state of one scan.
type logScanner struct {
	waitTarget []byte // the address the line before waits for (reWaitingForAddr)
	lower      []byte
	idx        *lineIndex
	ring       [excerptLines][]byte
	ringNext   int
	lines      int
	best       *candidate
	prevBest   *candidate // the best before it, restored when best was a source echo
	firstFatal *candidate
	lastError  *candidate // last error-looking line, for log.Fatal style exits
	lastExc    *candidate // exception that ended the last traceback
	// sternContainers are the containers stern's "+ pod › container"
	// lines named, or that came after a pod's name on three lines;
	// sternSeen counts the words seen after a pod's name so far.
	sternContainers [][]byte
	sternSeen       map[string]int
	// deployFailed: an application server said the app it deploys
	// failed to start ("Context [/crm] startup failed due to previous
	// errors", WildFly's "started (with errors)"): the server stays up
	// without the app, so a probe on the app's path kills it.
	deployFailed   bool
	supervisorQuit bool
	dockerfile     dockerfileTrack

	inTraceback bool
	tbHandled   bool   // the traceback follows a line that says the program goes on
	inEntry     bool   // the line before was a log entry's head (with a level) or its exception's
	headSev     int    // the severity of that head
	quietChain  bool   // the lines since that head are its exception's
	goesOnAt    int    // the last line of a failure the program goes on after
	noticeAt    int    // the last line of kubectl's or a deploy tool's own message
	tbIndent    int    // the indentation of the Traceback line (pasted logs are often indented)
	tbSource    string // the last source line quoted in a Python traceback
	tbConnect   bool   // a frame of the traceback is in a function or module that connects
	// service is the Compose service the current line is from, and
	// exitedServices the services Compose saw exit with an error
	// ("redis-1 exited with code 139").
	service        string
	exitedServices []string
	// finishedService is Compose's line that a service exited 0
	// ("certbot-1 exited with code 0"), finishedName that service and
	// finishedTimes how often it did; exitedOther that some other line
	// says a container exited with an error.
	finishedService, finishedName string
	finishedTimes                 int
	exitedOther                   bool

	inPrivateKey bool
	quotedSpans  [][]byte // programs' messages quoted in code spans inside the reporter's sentences
	keyRedacted  bool     // a private key's lines were replaced
	spring       int      // 0 none, 1 failed to start, 2 description next, 3 action header seen, 4 action next
	action       string
	usageNext    bool // the best line is a bare "Usage:" whose synopsis follows
	// detailOf is the best line when it ends in a colon ("yaml: unmarshal
	// errors:", "Config provider failed with:"): its detail follows on the
	// next lines, and detailNext counts how many more it may take.
	detailOf   *candidate
	detailNext int
	sigterm    bool       // the app said it was sent SIGTERM: what follows is its shutdown
	loopbackOf *candidate // the best line when one of the two after it names a loopback address
	// aggregateElsewhere: an address Node's AggregateError tried is not
	// a loopback one.
	aggregateElsewhere bool
	// loopbackConnAt is the last line that connects to a loopback address
	// ("Failed to connect to 127.0.0.1:5432", Lettuce's "Connection
	// refused: localhost/127.0.0.1:6379"): a wrapper's or an inner
	// exception's line just after it is about that address.
	loopbackConnAt int
	// loopbackConnFirst is the first such line, and remoteConnAt the last
	// line that connects to an address of another host: with none, the
	// paste's only connection attempts are to the pod itself.
	loopbackConnFirst, remoteConnAt int
	// loopbackSetting is a setting of the paste that points a dependency's
	// host at the pod itself (`DB_HOST: "127.0.0.1"`, `- name: REDIS_URL`
	// with `value: redis://localhost:6379`), and hostVarNext that the line
	// before named such a variable, whose value follows.
	loopbackSetting bool
	hostVarNext     bool
	pgSocketAt      int // the last line that names PostgreSQL's local socket
	fatalAt         int // the last line at a fatal level
	cleanExitAt     int // the last line where supervisord saw its program exit 0 as expected
	topics          topicCounter
	excCand         *candidate
	excFrames       int // stack frames seen after excCand
	// spawnAt is the last line that starts a helper program ("Error:
	// failed to spawn `ffprobe`", Elixir's System.cmd frame); enoent the
	// last candidate that says a file was not found (Rust's "os error 2",
	// Erlang's :enoent), read as the helper missing when the two meet.
	spawnAt int
	killAt  int // the last line of a traced "+ kill": the script stopping a helper it started
	enoent  *candidate
	second  []*candidate // other lines a pattern recognised, to quote with the best
	// generics are crash-shaped lines no pattern recognised, and plain
	// error lines, in order: when the best of them says nothing about a
	// cause, one beside it may (a wrapper's "Failed to start" above the
	// line that says the host is unreachable).
	generics []*candidate

	goFirst  []byte // the first function line of a goroutine dump
	xtrace   xtraceState
	cliErr   *candidate // the last "Error: ..." line, which a usage text may follow
	slowAt   int        // the line that says a long step has begun ("please be patient")
	progAt   int        // the last line after slowAt that is not a reporter's sentence
	slowLine string
	lastAt   int // the last line with text
	goFrames int // Go frame locations ("file.go:12 +0x1a5") seen

	nonEmpty, infoLines int // lines with text, and those at a logger's info level
	// sidecar is set when the log speaks of a sidecar or another container
	// of the pod, or of Dapr, whose daprd is one (the program is one,
	// "caller=sidecar.go", or the report says the pod has one): on
	// localhost it reaches the pod's other container, a dependency.
	sidecar     bool
	loopListen  []string // loopback ports a line of the paste listens on ("Listening on 127.0.0.1:5432")
	serverStart bool     // a line says a server starts ("Starting SonarQube", "Listening on :8080")
	startedAt   int      // the last such line
	selfExitAt  int      // the last line in which a platform records the container's own exit
	// causedByBug is set by a "Caused by:" that names a bug (a null
	// pointer, an index out of range): the wrapper above it stopped on a
	// bug, not on what it was given.
	causedByBug  bool
	causedByNext bool // the line before was a bare "Caused by:"
	// bugAt is the last error line whose words name a bug ("TypeError:
	// ... missing 1 required positional argument" in a model server's
	// load error): a generic error just below it is its wrapper.
	bugAt      int
	bugRaw     string // that line, quoted instead of its wrapper
	causeBelow bool   // the line before was Dagster's "The above exception was caused by the following exception:"
	// springStarted is Spring Boot's "Started X in 4.2 seconds" line,
	// springWeb that an embedded web server started, springStopped that
	// the shutdown hook ran after the start.
	springStarted  string
	springWeb      bool
	springStopped  bool
	buildSucceeded string     // Maven's or Gradle's "BUILD SUCCESS" line (sonar-scanner's "EXECUTION SUCCESS"), when nothing failed after it
	recoveredOf    *candidate // the best dependency failure, when a line after it said the connection came back
	recoveredAt    int        // the line that said so
	taskDone       string     // a one-shot task's last word of success ("No pending migrations to apply."), when nothing ran after it
	afterTask      int        // lines of the program's output after taskDone
	regexpPanic    *candidate // Go's "panic: regexp: Compile(...)", until a frame shows where it ran
	caretAt        int        // the last line that was only a caret (^) under a source line
	caretSource    string     // the source line above that caret
}

// reWaitingForAddr is a wait loop's line naming the address it waits
// for ("waiting for shop-mysql:3306 (12)"), and reBareGiveUp the loop's
// last word alone ("gave up", "Giving up.", "timeout").
var (
	reWaitingForAddr = regexp.MustCompile(`(?i)\bwaiting for ([a-z0-9][a-z0-9.-]*:\d{2,5})\b`)
	reBareGiveUp     = regexp.MustCompile(`(?i)^(?:gave up|giving up|timed out|timeout|time ?out reached)[.!]*$`)
)

// maxGenerics bounds the generic lines a scan keeps.
const maxGenerics = 16

// ScanLog reads a container log line by line and finds the line that best
// explains why the process died. It keeps only a few lines in memory, so a
// log of any size is scanned in bounded memory; lines longer than 4 KiB are
// examined by their first 4 KiB. Everything returned is redacted.
func ScanLog(r io.Reader) LogScan {
	idx := lineIndexPool.Get().(*lineIndex)
	defer lineIndexPool.Put(idx)
	s := &logScanner{lower: make([]byte, 0, maxLineBytes), idx: idx}
	br := bufio.NewReaderSize(r, readBuffer)
	wrap := wrapJoiner{idx: idx}
	var records jsonJoiner
	unwrap := func(l []byte) {
		if l, ok := wrap.push(l); ok {
			s.line(l)
		}
	}
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// Overlong line: examine its start, skip the rest.
			records.flush(unwrap)
			if l, ok := wrap.flush(); ok {
				s.line(l)
			}
			s.line(line[:min(len(line), maxLineBytes)])
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil {
				break
			}
			continue
		}
		if len(line) > 0 {
			records.push(line[:min(len(line), maxLineBytes)], unwrap)
		}
		if err != nil {
			break
		}
	}
	records.flush(unwrap)
	if l, ok := wrap.flush(); ok {
		s.line(l)
	}
	out := s.result()
	if out.Category == Unknown && out.finished == "" && len(s.quotedSpans) > 0 {
		// No line names a cause, but the reporter quoted a program's
		// message inside a sentence ("the traceback ends in
		// `ZeroDivisionError: division by zero`"): read those as a log.
		if sub := ScanLog(bytes.NewReader(bytes.Join(s.quotedSpans, []byte("\n")))); sub.Category != Unknown && !sub.generic {
			out.Category, out.Detail, out.Line, out.Evidence = sub.Category, sub.Detail, sub.Line, sub.Evidence
			out.hint, out.action, out.score, out.weight, out.patID = sub.hint, sub.action, sub.score, sub.weight, sub.patID
			out.Redacted = out.Redacted || sub.Redacted
		}
	}
	return out
}

// glogEarlyNotice is glog's notice that it logs before flags were parsed:
// not an error about a flag; the rest of the line is the message.
var glogEarlyNotice = []byte("ERROR: logging before flag.Parse: ")

// line examines one line (without regard to its trailing newline).
func (s *logScanner) line(raw []byte) {
	if bytes.Count(raw, []byte("`")) >= 2 && len(s.quotedSpans) < 8 {
		s.quoteSpans(bytes.TrimSpace(raw))
	}
	raw = stripANSI(bytes.TrimRight(raw, "\r\n"))
	raw = bytes.TrimPrefix(raw, glogEarlyNotice)
	s.lines++
	if s.inPrivateKey || (bytes.Contains(raw, []byte("-----BEGIN")) && bytes.Contains(raw, []byte("PRIVATE KEY"))) {
		s.inPrivateKey = !bytes.Contains(raw, []byte("-----END"))
		s.keyRedacted = true
		s.keep([]byte(redacted))
		return
	}
	s.keep(raw)
	raw = dockerJSONFileLine(raw)
	// Docker Compose's "service-1  | " before each line names the service,
	// which the excerpt keeps; the line quoted is the program's own.
	s.service = ""
	if m := reComposePrefix.Find(raw); m != nil {
		raw = raw[len(m):]
		s.service = string(bytes.TrimRight(bytes.TrimSpace(m), " |│"))
	} else if m := reComposeExited.FindSubmatch(bytes.TrimSpace(raw)); m != nil && string(m[2]) != "0" && len(s.exitedServices) < 8 {
		s.exitedServices = append(s.exitedServices, string(m[1]))
	} else if m != nil && string(m[2]) == "0" {
		if string(m[1]) == s.finishedName {
			s.finishedTimes++
		} else {
			s.finishedName, s.finishedTimes = string(m[1]), 1
		}
		s.finishedService = string(bytes.TrimSpace(raw))
	} else if reExitedNonZero.Match(raw) {
		s.exitedOther = true // "a_1 and b_1 exited with code 132"
	}
	raw = trimKubectlPrefix(raw)
	if name := sternHeader(raw); name != nil {
		// stern's "+ pod › container" as it starts (or "-" as it stops)
		// following a container: the names its lines carry.
		if len(s.sternContainers) < 8 && !slices.ContainsFunc(s.sternContainers, func(c []byte) bool { return bytes.Equal(c, name) }) {
			s.sternContainers = append(s.sternContainers, slices.Clone(name))
		}
		return
	}
	raw = s.trimSternPrefix(raw)
	raw = trimWorkerPrefix(raw)
	raw = trimHclogValuePrefix(raw)

	content := stripPrefixes(raw)
	trimmed := bytes.TrimSpace(content)
	if !s.deployFailed && reDeployFailed.Match(trimmed) {
		s.deployFailed = true
	}
	if !s.supervisorQuit && reSupervisorQuit.Match(trimmed) {
		s.supervisorQuit = true
	}
	if len(trimmed) == 0 {
		return
	}
	if isTableRule(trimmed) {
		return // "-- | -- | --": a Markdown table's rule, pasted with the log
	}
	if c := trimmed[0]; c == 'F' || s.dockerfile.fromSeen && c >= 'A' && c <= 'W' {
		s.dockerfile.line(trimmed)
	}
	if target := s.waitTarget; target != nil && reBareGiveUp.Match(trimmed) {
		// A wait loop's "gave up" right under its "waiting for
		// db:3306 (60)": what it gave up on is the line above's.
		raw = append(slices.Clip(raw), " waiting for "...)
		raw = append(raw, target...)
		content = stripPrefixes(raw)
		trimmed = bytes.TrimSpace(content)
	}
	s.waitTarget = nil
	if bytes.Contains(trimmed, []byte("aiting for ")) {
		if m := reWaitingForAddr.FindSubmatch(trimmed); m != nil {
			s.waitTarget = slices.Clone(m[1])
		}
	}
	if spawnWords(trimmed) && reSpawnCall.Match(trimmed) {
		if c := s.enoent; c != nil && s.lines-c.lineNo <= 2 {
			s.helperMissing(c) // Erlang's :enoent, then the System.cmd frame that raised it
		}
		s.spawnAt = s.lines
	}
	if reManifestSetting.Match(content) {
		// A line of the asker's own manifest pasted with the log, with the
		// asker's note on it ("value: \"-Xmx1g\"   # fixes OOM loop"): a
		// setting, not something the program printed.
		return
	}
	if bytes.IndexByte([]byte("*=#~-"), trimmed[0]) >= 0 && reBannerRule.Match(trimmed) {
		return // "********** ERROR **********": a banner round the message, not the message
	}
	if kubectlNotice(trimmed) || s.noticeAt == s.lines-1 && s.noticeAt > 0 && bytes.Equal(bytes.TrimPrefix(trimmed, []byte("Error: ")), []byte("context deadline exceeded")) {
		// kubectl's own message, pasted with the log: not the app's (nor
		// Helm 4's "context deadline exceeded" on the line below its
		// "UPGRADE FAILED: resource not ready").
		s.noticeAt = s.lines
		return
	}
	if reSuccessTally.Match(trimmed) {
		// A tally of a task that went well ("unreachable=0 failed=0", "0
		// document(s) failed to import"): its last word, not an error.
		s.taskDone, s.afterTask = string(raw), 0
		return
	}
	if trimmed[0] == '+' {
		if reGroupBorder.Match(trimmed) {
			return // an ExceptionGroup's border ("+-+---- 1 ----", "+------"): no word of the error's
		}
		s.xtrace.line(trimmed, s.lines) // a shell's trace of a command it runs (set -x)
		if reXtraceKill.Match(trimmed) {
			s.killAt = s.lines
		}
	}
	if s.usageNext && s.best != nil {
		// "Usage:" on its own line: its synopsis is the detail, and is
		// quoted with it (a bare "Usage:" says nothing).
		s.best.extend(trimmed)
		s.usageNext = false
	}
	indented := content[0] == ' ' || content[0] == '\t'
	s.lower = appendLower(s.lower[:0], raw)
	if bytes.Contains(s.lower, []byte("**")) {
		// Markdown's bold round the words that matter ("exits **0 in
		// ~1s**"): read the words without it.
		s.lower = reBold.ReplaceAll(s.lower, []byte("$1$2$3"))
	}
	lower := s.lower
	s.idx.reset(lower)
	if bytes.Contains(lower, []byte("this is not an error")) {
		return // Kavita's "[Critical] Running ... migration - Please be patient ... This is not an error"
	}
	if (s.causedByNext || s.causeBelow || bytes.HasPrefix(trimmed, []byte("Caused by: "))) && reCrashWords.Match(lower) {
		s.causedByBug = true // "Caused by: java.lang.NullPointerException" under a wrapper
	}
	s.causedByNext = bytes.Equal(trimmed, []byte("Caused by:")) // rake's cause on the line below it
	// Dagster's cause, below "The above exception was caused by the
	// following exception:" (the reverse of Python's own "direct cause"
	// wording: here the wrapper is above), counts as a Caused by.
	causeBelow := s.causeBelow
	s.causeBelow = bytes.Equal(trimmed, []byte("The above exception was caused by the following exception:"))
	if rePlatformExit.Match(lower) {
		s.selfExitAt = s.lines
	}

	endsTraceback := false
	if s.inTraceback {
		if len(content)-len(bytes.TrimLeft(content, " \t")) > s.tbIndent {
			if !bytes.HasPrefix(trimmed, []byte(`File "`)) {
				s.tbSource = string(trimmed)
			} else if bytes.Contains(trimmed, []byte("connect")) {
				s.tbConnect = true
			}
			return // a frame or its source line
		}
		s.inTraceback = false
		endsTraceback = true
	}
	if isCaret(trimmed) {
		s.sourceEcho()
		return
	}
	if s.best != nil && s.best.pat != nil && s.best.pat.id == "parse" && s.lines-s.best.lineNo <= 3 && phpSourceAt(trimmed) {
		// Laravel's console prints PHP's "syntax error, unexpected token"
		// and then where: "at app/Http/Controllers/X.php:88", the app's
		// own code, not a configuration file.
		s.best.extend(trimmed)
		s.best.pat = phpParsePattern
	}
	if s.best != nil && s.best.pat != nil && s.best.pat.id == "deno_bun_entry_missing" && s.lines-s.best.lineNo == 1 && reDenoImportAt.Match(trimmed) {
		// Deno names the file that imports the missing one: not the
		// entry point, a module the image lacks.
		s.best.extend(trimmed)
		s.best.pat = denoImportPattern
	}
	if s.regexpPanic != nil && reGoInitFrame.Match(trimmed) && s.lines-s.regexpPanic.lineNo <= 8 {
		// The panicking regexp.MustCompile ran in a package's init: an
		// expression the code holds.
		s.regexpPanic.score += initRegexpPanic.weight - s.regexpPanic.pat.weight
		s.regexpPanic.pat, s.regexpPanic = initRegexpPanic, nil
	}
	if isFrame(trimmed, indented) {
		s.goDump(raw, trimmed, indented)
		s.frame(trimmed)
		return
	}

	if levelList(lower) {
		return // "level: info # trace, debug, info, warn, error, fatal, panic": a setting's choices
	}

	if s.detailNext > 0 && opensBlock(trimmed) {
		s.detailOf, s.detailNext = nil, 0 // a banner starts a message of its own
	}
	continuing := s.detailNext > 0
	var header *candidate // the best line whose detail this line is
	if continuing {
		if s.continueDetail(raw, content, trimmed) {
			header = s.detailOf
		}
	} else if s.best != nil && s.best.lineNo == s.lines-1 && reDetailLine.Match(trimmed) && len(s.best.line) < maxQuoteBytes {
		// "initdb: detail: It contains a lost+found directory": the
		// error's own detail, printed as a line of its own.
		s.best.extend(trimmed)
	} else if s.best != nil && s.best.lineNo == s.lines-1 && wrapFragment(raw, content, trimmed) {
		// A pasted line wrapped by a terminal or an issue tracker: its
		// last word ("*v1alpha1.Registries") belongs to the line before.
		s.best.extend(trimmed)
	} else if reJSONMessage.Match(trimmed) {
		// An error that dumps its issues as JSON ("ZodError: [", then
		// {"path": [...], "message": "..."}): the first message is its
		// detail.
		for _, c := range []*candidate{s.best, s.lastError} {
			if c != nil && s.lines-c.lineNo <= 20 && opensJSON(c.msg) {
				c.extend(trimmed)
			}
		}
	}
	descBonus := 0
	switch {
	case bytes.Contains(lower, []byte("application failed to start")):
		s.spring = 1
	case s.spring == 1 && bytes.HasPrefix(trimmed, []byte("Description:")):
		s.spring = 2
		return
	case s.spring == 2:
		s.spring = 3
		descBonus = 8 // Spring Boot's failure analysis names the cause
	case s.spring == 3 && bytes.HasPrefix(trimmed, []byte("Action:")):
		s.spring = 4
		return
	case s.spring == 4:
		s.spring = 0
		s.action = string(trimmed)
	}
	if bytes.HasPrefix(trimmed, []byte("Traceback (most recent call last)")) || reLevelTraceback.Match(trimmed) {
		s.inTraceback = true
		s.tbIndent = len(content) - len(bytes.TrimLeft(content, " \t"))
		// "statsd send failed, metrics are optional, continuing" just
		// above: the traceback is of a failure the program handled.
		s.tbHandled = s.goesOnAt > 0 && s.goesOnAt == s.lines-1
		s.tbConnect = false
	}

	if localPostgresSocket(raw) {
		s.pgSocketAt = s.lines
	}
	if bytes.Contains(lower, []byte("connect")) {
		if loopbackTarget(string(trimmed)) {
			s.loopbackConnAt = s.lines
			if s.loopbackConnFirst == 0 {
				s.loopbackConnFirst = s.lines
			}
		} else if reAnyAddress.Match(reSourcePosition.ReplaceAll(trimmed, nil)) && (!reportersWords(trimmed) || severity(lower, trimmed) != sevPlain) {
			s.remoteConnAt = s.lines // (not the reporter's sentence naming the setting it meant)
		}
	}
	s.hostSetting(trimmed)
	if s.best != nil && s.lines-s.best.lineNo <= 2 && s.lines > s.best.lineNo && loopbackTarget(string(trimmed)) {
		// The error's next lines name where it connects: Postgres's
		// "Is the server running on host "localhost" (127.0.0.1)".
		s.loopbackOf = s.best
	}
	if b := s.best; b != nil && s.lines > b.lineNo && s.lines-b.lineNo <= 24 && strings.Contains(b.line, "AggregateError") && bytes.Contains(trimmed, []byte("connect ECONNREFUSED ")) {
		// Node's AggregateError lists each address it tried below it
		// ("Error: connect ECONNREFUSED ::1:5432", then 127.0.0.1): all
		// of them loopback, or one that is not.
		if loopbackTarget(string(trimmed)) && !s.aggregateElsewhere {
			s.loopbackOf = b
		} else {
			s.aggregateElsewhere, s.loopbackOf = true, nil
		}
	}
	sev := severity(lower, trimmed)
	if sev >= sevError && reNoError.Match(lower) && !reErrorWord.Match(reNoError.ReplaceAll(lower, nil)) {
		sev = sevInfo // "completes without error", "0 errors": no error
	}
	handled, headSev := s.handledEntry(trimmed, sev)
	if handled {
		sev = sevInfo
	}
	sev = max(sev, headSev)
	if sev >= sevError && reCrashWords.Match(lower) {
		s.bugAt, s.bugRaw = s.lines, string(raw)
	}
	if b := s.best; b != nil && b != s.recoveredOf && b.pat != nil && b.pat.cat == DependencyUnavailable && sev < sevError && reRecovered.Match(lower) && !reNotRecovered.Match(lower) {
		// The program says the connection it failed on came back
		// ("request succeeded on attempt 2", "Redis connection
		// established"): a failure it got over, which a later crash of
		// its own outranks, even a bare crash shape (a Go panic's).
		b.score = min(b.score-15, weightGeneric-1)
		s.recoveredOf, s.recoveredAt = b, s.lines
	}
	if bytes.HasPrefix(trimmed, []byte("Error: ")) {
		s.cliErr = &candidate{line: string(raw), msg: string(trimmed), lineNo: s.lines}
	}
	s.nonEmpty++
	s.lastAt = s.lines
	if reSlowStep.Match(lower) {
		s.slowAt, s.slowLine = s.lines, string(raw)
	}
	if s.slowAt > 0 && !reportersWords(trimmed) {
		s.progAt = s.lines // the reporter's sentences after the log do not go on from it
	}
	s.topics.add(lower, trimmed)
	if markdownHeading(trimmed) || formChoice(lower) {
		return // "### Exceptions (if any)": an issue template's question, not an error
	}
	if reLinkOnly.Match(trimmed) {
		return // "[error.txt](https://...)": an attached log, whose words are not in the paste
	}
	if handled {
		return // a Java exception a DEBUG entry, or a WARN that goes on, carries ("WARN ... Skipped line 18233", then its stack): one the program handled
	}
	if !s.sidecar && speaksOfSidecar(lower) {
		s.sidecar = true
	}
	if bytes.Contains(lower, []byte("listening on")) {
		if m := reLoopback.FindSubmatch(lower); m != nil && len(m[1]) > 0 && len(s.loopListen) < 8 {
			s.loopListen = append(s.loopListen, string(m[1]))
		}
	}
	if sev == sevInfo {
		s.infoLines++
	}
	if mayStartServer(lower) && reServerStart.Match(trimmed) {
		s.serverStart, s.startedAt = true, s.lines
	}
	s.springLifecycle(lower, raw)
	if (bytes.Contains(lower, []byte("build success")) || bytes.Contains(lower, []byte("execution success"))) && reBuildSuccess.Match(trimmed) {
		s.buildSucceeded = string(raw)
	} else if s.buildSucceeded != "" && (sev >= sevError || bytes.Contains(lower, []byte("build failure"))) {
		s.buildSucceeded = ""
	}
	s.oneShotTask(raw, trimmed, lower, sev)
	var best *pattern
	matchOn := content
	if bytes.Contains(content, escapedQuote) {
		// A message quoted inside JSON (ECS's stoppedReason, a JSON log's
		// "msg"): the rules read its quotes unescaped.
		matchOn = bytes.ReplaceAll(content, escapedQuote, []byte(`"`))
	}
	best = strongestPattern(s.idx, lower, raw, matchOn)
	if best != nil && best.cat == ConfigError && best.weight < weightPrecise && sev == sevInfo {
		// A setting the program reports at info or debug level ("[DEBUG]
		// P2P_PEER_ID was not set, using the first available key") is one
		// it copes with, not what it stopped on.
		best = nil
	}
	if best != nil && best.id == "arm_host" && (sev == sevInfo || reOnBothArchs.Match(lower)) {
		// A program's own note about the CPU it runs on ("[Note] InnoDB:
		// Using ARMv8 crc32 + pmull instructions") says it runs there;
		// "tried on arm64 and amd64" says it fails on both kinds of CPU.
		best = nil
	}
	// A KeyError where the program reads its configuration is a missing
	// setting, not a bug.
	if endsTraceback && (best == nil || best.cat == AppCrash) && bytes.HasPrefix(trimmed, []byte("KeyError: ")) && reConfigSource.MatchString(s.tbSource) {
		best = configKey
	}
	if endsTraceback && best == nil && s.tbConnect && reBareTimeout.Match(trimmed) {
		// A bare TimeoutError raised through the frames that open a
		// connection (asyncpg's connect under asyncio.wait_for): the
		// server did not answer in time.
		best = connectTimeout
	}
	if endsTraceback && best == nil && (bytes.HasPrefix(trimmed, []byte("OSError: [Errno 92]")) || bytes.HasPrefix(trimmed, []byte("OSError: [Errno 95]"))) && strings.Contains(s.tbSource, "SO_REUSEPORT") {
		best = reusePortUnsupported
	}
	if bytes.Contains(lower, []byte("(exit status 0; expected)")) || bytes.HasSuffix(lower, []byte(" stopped (rc=0)")) || bytes.HasSuffix(lower, []byte(" exited with code 0")) {
		// supervisord: "exited: selenium-node (exit status 0; expected)";
		// honcho: "migrate.1 stopped (rc=0)"; foreman: "migrate.1 exited
		// with code 0".
		s.cleanExitAt = s.lines
	}
	afterSigterm := s.sigterm
	if (best == nil || best.weight < sigtermPattern.weight) && reSigterm.Match(raw) && !(s.fatalAt > 0 && s.lines-s.fatalAt <= 3) && !(s.killAt > 0 && s.lines-s.killAt <= 4) && !(s.cleanExitAt > 0 && s.lines-s.cleanExitAt <= 3) && !bytes.Contains(lower, []byte("exit notification to peer")) {
		// (A SIGTERM just after the program's own fatal line, or just
		// after supervisord saw its main program finish, is the
		// entrypoint stopping the rest, as supervisord is told to: the
		// line before says why; so is one just after the script's own
		// traced "+ kill %1" of a helper it started. OpenVPN telling its
		// peer it exits is the VPN client gluetun restarts, not the
		// container stopped.)
		best = sigtermPattern
		s.sigterm = true
	}
	if best == nil {
		best = causeClause(lower, trimmed) // a sentence that says why, in words no pattern knows
	}
	if best == nil && (mayBeProse(trimmed) && reProse.Match(trimmed) || loopSymptom(lower)) {
		return // the reporter's own words, or the crash loop itself: no cause
	}
	weight := 0
	if best != nil {
		weight = best.weight
	}
	causedBy := causeBelow || bytes.HasPrefix(trimmed, []byte("Caused by:")) || bytes.HasPrefix(trimmed, []byte("---> ")) // .NET prints its inner exceptions after an arrow
	if g := genericWeight(trimmed, lower, sev); g > weight {
		weight, best = g, nil
	}
	if ((best == nil || sev == sevWarn) && goesOn(lower) && !bytes.HasPrefix(trimmed, []byte("Unhandled exception"))) || cleanupError(lower) || reOptionalFailed.Match(lower) {
		// A failure it carries on after is not what it stopped on, nor is
		// a warning about a feature it goes on without, nor an error while
		// cleaning up, whatever it names. (.NET's "Unhandled exception."
		// ends the process, whatever feature it names as disabled.)
		s.goesOnAt = s.lines
		return
	}
	if weight == 0 {
		if advice(trimmed) {
			return // "If this container fails to start, ...": a hint, not an error
		}
		isError := errorLine(sev, lower, trimmed)
		if isError || sev == sevWarn {
			if asked, _ := askedLine(trimmed); asked && reportersWords(trimmed) {
				return // "So why does k8s say it failed?": the reporter asks, no program failed in these words
			}
		}
		if isError {
			s.noteError(raw, trimmed, lower)
			s.addGeneric(s.lastError)
			if (!continuing || s.proseHeader(trimmed)) && opensDetail(trimmed) {
				s.detailOf, s.detailNext = s.lastError, 3
			}
		} else if sev == sevWarn {
			// A warning just before a bare "failed to start" often
			// says why ("... is already using the IPv4 address").
			s.addGeneric(&candidate{line: string(raw), msg: string(trimmed), lineNo: s.lines, service: s.service})
		}
		return
	}
	if best != nil && (deniedLine(trimmed, lower) || ruledOutByName(best.cat, lower) && !programLine(trimmed)) {
		return // "I don't think this is an OOM scenario", "Not OOMKilled", "there's no liveness probe on it": a cause the reporter rules out
	}
	if best != nil && (best.cat == Segfault || best.cat == AppCrash) && reNotACrash.Match(lower) && !programLine(trimmed) && reportersWords(trimmed) {
		return // "the SIGSEGV line is how the Go runtime reports a nil dereference, not a native crash"
	}
	if best != nil && mendedLine(trimmed, lower) {
		return // "got OOM-killed once last night (I raised the memory since)": a cause the reporter has mended
	}
	if best != nil && (best.cat == DependencyUnavailable && symptomLine(trimmed, lower) || best.cat == LivenessProbe && goneLine(trimmed, lower)) {
		// "X throws ECONNREFUSED, but that's only because the cache keeps
		// restarting", "the startup probe fails but that's because the
		// process is already gone": the crash's echo.
		return
	}
	score := weight + sev + descBonus
	asked, hedged := askedLine(trimmed)
	if asked {
		score -= 8 // the reporter's question ("Liveness probe killing my service?") is a guess, not a finding
		if hedged {
			score -= 4 // "I think the probe ...": a guess that does not even ask
		}
	} else if rest, ok := questionFirst(trimmed); ok && best != nil && (!best.match(s.idx, appendLower(nil, rest), rest, rest) || reCheckAdvice.Match(rest) || reHedgeWithin.Match(rest)) {
		score -= 8 // the same, with more of the paste joined after it, or with what to check for it ("Check `dmesg` for the OOM killer.") or a guess ("A bad API key gives 401")
		asked = true
	} else if before, ok := hedgeLater(trimmed); ok && best != nil && !best.match(s.idx, appendLower(nil, before), before, before) {
		score -= 12 // "... whenever that node runs. I think the pod is OOMKilled": the guess is the sentence that names it
		asked = true
	} else if othersWords(trimmed, lower) {
		score -= 12 // "Copilot: \"... segfault in the native addon\"", "Someone on our team says 134 is an out-of-memory abort": another's guess
		asked = true
	} else if q := quotedInProse(trimmed); q != nil && best != nil && best.match(s.idx, appendLower(nil, q), q, q) {
		score -= 12 // "Memory kills come with `Reason: OOMKilled`", "fwiw on the old build we saw `Liveness probe failed: ...`": a sentence that quotes an error mentions it, what another case or another cause shows
		asked = true
	} else if q, rest, ok := questionWithin(trimmed); ok && best != nil && best.match(s.idx, appendLower(nil, q), q, q) && !best.match(s.idx, appendLower(nil, rest), rest, rest) {
		score -= 8 // "... copied by hand. Is the liveness probe too aggressive? It has a 60s delay": the question names it
		asked = true
	}
	if causedBy {
		score++
	}
	if endsTraceback {
		score += 3 // the exception that ended a traceback is the one that crashed
		if s.tbHandled {
			score -= 15 // ...unless the line above it said the program goes on
		}
	}
	if best != nil && best.cat == DependencyUnavailable && reTelemetryExport.Match(lower) {
		score -= 6 // traces or metrics it could not ship: most programs go on without them
	}
	if best != nil && (best.cat == DependencyUnavailable || best.cat == ConfigError) && reProxyUpstream.Match(lower) && !reClientGot5xx.Match(lower) {
		score -= 6 // a proxy's request to a backend that is down: the proxy lives on, and the backend's own lines say why it is down
	}
	if best != nil && (best.id == "startup_probe_platform" || best.id == "health_check_words") && s.selfExitAt > 0 {
		score -= 10 // the platform's check failing after the container exited on its own only follows the exit
	}
	if afterSigterm && best == nil {
		score -= 4 // an error while shutting down after SIGTERM is not why it stopped
	}
	if reRefersBack.Match(lower) {
		score -= 6 // "can't continue due to the errors above": the errors above say why
	}
	if bytes.Contains(lower, []byte("retrying")) || bytes.Contains(lower, []byte("will retry")) || bytes.Contains(lower, []byte("retry in")) || bytes.Contains(lower, []byte("waiting for")) {
		score -= 2 // a transient condition the app is still handling
	}
	if bytes.HasSuffix(bytes.TrimRight(lower, ")\"' "), []byte("context canceled")) || reCancelledError.Match(trimmed) {
		// A request cut short, or a task cancelled (asyncio's
		// CancelledError of a TaskGroup's other tasks), because the
		// program is stopping: what stopped it is elsewhere.
		score -= 8
	}
	if header != nil && header == s.best && !header.words && !klogHeader(trimmed) && header.pat != nil && best != nil && best.weight > header.pat.weight && best.cat != header.pat.cat {
		// The header's detail names the cause more precisely than the
		// header ("Code: 403. Errors:", then "* invalid audience (aud)
		// claim"): the header, quoted with its detail, takes the
		// detail's reading.
		header.score += best.weight - header.pat.weight
		header.pat = best
	}
	c := &candidate{line: "", lineNo: s.lines, score: score, pat: best, causedBy: causedBy, words: !programLine(bytes.TrimSpace(raw))}
	c.sentence = c.words && best != nil && reporterSentence(trimmed)
	c.asked, c.service = asked, s.service
	s.excCand, s.excFrames = nil, 0
	if (best == nil || best.cat == AppCrash) && reValueException.Match(trimmed) && !bytes.Contains(lower, []byte(`because "this.`)) && !bytes.Contains(lower, []byte(" into integer")) {
		// (Java's account of a null field of the object itself, `because
		// "this.sectionIndex" is null`, is the program's own state, not a
		// value it read, whatever frame threw it.)
		// (Nor is Ruby's "no implicit conversion of Symbol into Integer":
		// an Array indexed like a Hash, in the code.)
		c.line, c.msg = string(raw), string(trimmed)
		s.excCand = c // its first frames may show it reading configuration
	}
	if best == nil {
		s.addGeneric(&candidate{line: string(raw), msg: string(trimmed), lineNo: s.lines, score: score, service: s.service})
	}
	if best != nil && len(s.second) < 8 {
		if c.line == "" {
			c.line, c.msg = string(raw), string(trimmed)
		}
		s.second = append(s.second, c)
	}
	if c.better(s.best) {
		c.line, c.msg = string(raw), string(trimmed)
		s.prevBest, s.best = s.best, c
		lt := bytes.ToLower(trimmed)
		s.usageNext = best != nil && best.id == "usage" && (bytes.HasSuffix(lt, []byte("usage:")) || bytes.Equal(lt, []byte("usage")))
		if best != nil && best.id == "usage" && s.cliErr != nil && s.cliErr.lineNo == s.lines-1 {
			// "Error: ...", then the usage (Cobra, Click): the error says
			// what was wrong; the usage only follows from it.
			c.line, c.msg, s.usageNext = s.cliErr.line, s.cliErr.msg, false
		}
		takesOver := continuing && s.proseHeader(trimmed)
		if !continuing || takesOver {
			s.detailOf, s.detailNext = nil, 0
		}
		if (!continuing || takesOver) && (best == nil || best.id != "usage") && opensDetail(trimmed) {
			s.detailOf, s.detailNext = c, 3
		}
	}
	if best != nil && best.id == "parse" && bytes.Contains(trimmed, []byte("panic: regexp: Compile(")) {
		if c.line == "" {
			c.line, c.msg = string(raw), string(trimmed)
		}
		s.regexpPanic = c
	}
	if c.line != "" && s.caretSyntax(trimmed) {
		c.extend([]byte("(in: " + s.caretSource + ")"))
	}
	if c.line != "" && best != nil && reNotFoundErrno.Match(trimmed) {
		if s.spawnAt > 0 && s.lines-s.spawnAt <= 4 {
			s.helperMissing(c) // "failed to spawn `ffprobe`", then "Caused by: No such file or directory (os error 2)"
		} else {
			s.enoent = c
		}
	}
	if endsTraceback && best != nil {
		s.lastExc = &candidate{line: string(raw), lineNo: s.lines, pat: best}
		if c.line != "" {
			s.lastExc.line = c.line
		}
	}
	if s.firstFatal == nil && weight >= weightGeneric && sev == sevFatal {
		s.firstFatal = &candidate{line: string(raw), lineNo: s.lines}
	}
	if errorLine(sev, lower, trimmed) {
		s.noteError(raw, trimmed, lower)
	}
	if sev == sevFatal {
		s.fatalAt = s.lines
	}
}

// errorLine reports a line that reads as an error: its level, or its
// words, unless they are an empty error field ("error": null) or the
// arguments of a command a shell traces ("+ ffmpeg -loglevel error").
func errorLine(sev int, lower, trimmed []byte) bool {
	return (sev >= sevError || looksLikeError(lower)) && !emptyErrorField(lower) && !traceLine(trimmed) && !severityAnswer(lower)
}

// severityAnswer reports a line that is only a severity word, as an issue
// form's "### Severity" answers ("critical"): the reporter's rating, not a
// program's error.
func severityAnswer(lower []byte) bool {
	switch string(bytes.TrimSpace(lower)) {
	case "critical", "fatal", "error", "high", "blocker", "sev1", "sev-1", "p1":
		return true
	}
	return false
}

// noteError remembers an error-looking line as the last one, unless it
// only points at the errors before it ("can't continue due to the errors
// above"): those say why. A failure the program says it goes on without
// ("Failed to start the shared cache. Continue without using it") is not
// what it stopped on.
func (s *logScanner) noteError(raw, trimmed, lower []byte) {
	if goesOn(lower) {
		return
	}
	if s.lastError != nil && len(trimmed) > 0 && trimmed[0] >= '0' && trimmed[0] <= '9' && reListItem.Match(trimmed) {
		return // a step of the reporter's list ("5. The migrate step throws the error above") after an error says less
	}
	if s.lastError == nil || !reRefersBack.Match(lower) {
		s.lastError = &candidate{line: string(raw), msg: string(trimmed), lineNo: s.lines, score: 1}
		if s.caretSyntax(trimmed) {
			s.lastError.extend([]byte("(in: " + s.caretSource + ")"))
		}
	}
}

// caretSyntax reports Python's SyntaxError just under its caret: the
// source line above the caret is what does not parse ("APP_NAME = Jump
// into the Brave databases"), and is quoted with it.
func (s *logScanner) caretSyntax(trimmed []byte) bool {
	return s.caretAt == s.lines-1 && s.caretSource != "" && bytes.HasPrefix(trimmed, []byte("SyntaxError: "))
}

// proseHeader reports that the detail being followed belongs to the
// reporter's sentence ("The error from the deployment logs:") and this
// line is the program's own error it introduces: the lines after it are
// that error's detail, not more of the sentence.
func (s *logScanner) proseHeader(trimmed []byte) bool {
	if s.detailOf == nil || !programLine(trimmed) {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(s.detailOf.line), "\n")
	return !programLine([]byte(first))
}

// reDeployFailed is an application server's line that the app it
// deploys did not start while the server itself runs on: Tomcat's
// context, WildFly's and JBoss EAP's deployment, WebLogic's BEA-149205,
// Liberty's CWWKZ0002E and CWWKZ0004E (and CWPKI0033E, a keystore that
// did not load, so its HTTPS port a probe calls never opens), Payara's
// and GlassFish's failed load; likewise a supervisor that runs on after a
// program it starts failed (runit's "runsv nginx: fatal: unable to
// start ./run", supervisord's spawnerr and FATAL state, s6's init script
// that exited 1).
var reDeployFailed = regexp.MustCompile(`\bContext \[[^\]]*\] startup failed due to previous errors\b|\bMarking this application unavailable due to previous error|\bWFLY(?:SRV0026|CTL0013|CTL0186|SRV0021)\b|\bstarted \(with errors\)|\bBEA-149205\b|\bCWWKZ000[24]E\b|\bCWPKI0033E\b|\bException while loading the app\b|\bdeployment of \S+ failed\b|\brunsv \S+: fatal: unable to start\b|\bspawnerr: |\bgave up: \S+ entered FATAL state\b|^\[cont-init\.d\] \S+: exited [1-9]|\bs6-rc: warning: unable to start service\b`)

// reQualifiedThrowable is a Java class name of an error or exception
// ("java.lang.StackOverflowError"): the program's words, however bare the
// line.
var reQualifiedThrowable = regexp.MustCompile(`\b[a-z]\w*(?:\.\w+)*\.[A-Z]\w*(?:Error|Exception)\b`)

// deployErrorOverProbe is the program's own error to quote instead of
// the reporter's words that the probe restarts it, when an application
// server said the app failed to deploy: the probe only finds the app
// missing; the deployment's error is why.
func (s *logScanner) deployErrorOverProbe(best *candidate) *candidate {
	if !s.deployFailed || best == nil || best.pat == nil || best.pat.cat != LivenessProbe || !best.words {
		return nil
	}
	var pick *candidate
	for _, c := range s.second {
		if (c.words && !reQualifiedThrowable.MatchString(c.line)) || c.pat == nil || c.pat.cat == LivenessProbe || c.pat.weight <= weightGeneric {
			continue
		}
		if pick == nil || c.score > pick.score {
			pick = c
		}
	}
	if pick != nil {
		return pick
	}
	// No line with a cause's wording: the server's own error lines
	// ("WFLYCTL0013: Operation (\"deploy\") failed", a NullPointerException
	// from the app's listener), read by their words.
	for _, c := range s.generics {
		if !c.words && c.lineNo != best.lineNo && (pick == nil || c.score > pick.score) {
			pick = c
		}
	}
	return pick
}

// statedCauseOverSymptom is the reporter's sentence that states how the
// container stops ("exits with code 139 every time", "keeps getting
// OOMKilled"), not as a question or a guess, to read instead of a failed
// connection pasted below it: the callers of a service that is down
// cannot reach it ("no endpoints available for service", ECONNREFUSED),
// so their lines are the crash's symptom, not its cause.
func (s *logScanner) statedCauseOverSymptom(best *candidate) *candidate {
	if best == nil || best.pat == nil || best.pat.cat != DependencyUnavailable || reporterSentence([]byte(strings.TrimSpace(best.line))) {
		return nil
	}
	var pick *candidate
	for _, c := range s.second {
		if !c.words || c.pat == nil || !statedFact[c.pat.id] || c.lineNo >= best.lineNo || !c.sentence || c.asked {
			continue
		}
		if pick == nil || c.score > pick.score {
			pick = c
		}
	}
	return pick
}

// deathAfterFailure is the line that says how the program died (a
// segmentation fault, a runtime's or the kernel's out-of-memory report,
// not a bare 137) below a failed connection it went on from: the death
// ended it, not the connection.
func (s *logScanner) deathAfterFailure(best *candidate) *candidate {
	if best == nil || best.pat == nil || best.pat.cat != DependencyUnavailable {
		return nil
	}
	var pick *candidate
	for _, c := range s.second {
		if c.pat == nil || c.asked || c.lineNo <= best.lineNo || c.pat.cat != Segfault && (c.pat.cat != OOMKilled || c.pat.weight < weightPrecise || c.words) {
			continue
		}
		if pick == nil || c.score > pick.score {
			pick = c
		}
	}
	return pick
}

// crashOverGuess is the program's own crash line that names no cause a
// rule knows (C++'s "terminate called after throwing an instance of
// 'std::out_of_range'", a panic), to read instead of the reporter's
// question or guess ("Segfault? It's C++ so I assume ..."): what the
// program printed outweighs a guess about it.
func (s *logScanner) crashOverGuess(best *candidate) *candidate {
	if best == nil || !best.asked || !best.words {
		return nil
	}
	var pick *candidate
	for _, c := range s.generics {
		if !c.words && c.score >= weightGeneric && c.lineNo != best.lineNo && (pick == nil || c.score > pick.score) {
			pick = c
		}
	}
	return pick
}

// probeFailuresOverCleanExit is the last of the server's own access-log
// lines answering its health path with an error, to read instead of the
// reporter's "Completed with exit code 0": a server the kubelet stops
// for its failed probe shuts down cleanly and exits 0, so the clean exit
// follows from the probe (two failures or more, as a probe's threshold
// needs).
func (s *logScanner) probeFailuresOverCleanExit(best *candidate) *candidate {
	if best == nil || !best.words || best.pat == nil || best.pat.cat != Completed {
		return nil
	}
	var last *candidate
	n := 0
	for _, c := range s.second {
		if !c.words && c.pat != nil && c.pat.id == "probe_path_failing" {
			last = c
			n++
		}
	}
	if n < 2 {
		return nil
	}
	return last
}

// reNotACrash is the reporter ruling a crash of the program out.
var reNotACrash = regexp.MustCompile(`\bnot an? (?:native |real |actual |c |genuine )?(?:crash|segfault|segmentation fault)\b`)

// reXtraceKill is a shell's trace of its own kill command ("+ kill %1",
// "+ kill -TERM 23").
var reXtraceKill = regexp.MustCompile(`^\++ kill\b`)

// reSpawnCall is a line that starts a helper program: anyhow's or a
// program's own "failed to spawn `ffprobe -version`", Elixir's System.cmd
// frame, Erlang's open_port.
var reSpawnCall = regexp.MustCompile("(?i)\\bfailed to (?:spawn|run|execute|exec|launch|start) (?:command |process |program )?[`'\"][\\w./-]+|\\bSystem\\.cmd\\(\"[\\w./-]+\"|\\b(?:erlang:)?open_port\\(\\{spawn(?:_executable)?,")

// spawnWords is the cheap test before reSpawnCall, which every line would
// otherwise pay for: the words one of its forms must hold.
func spawnWords(t []byte) bool {
	return bytes.Contains(t, []byte("ailed to ")) || bytes.Contains(t, []byte("AILED TO ")) || bytes.Contains(t, []byte("System.cmd(")) || bytes.Contains(t, []byte("open_port("))
}

// reNotFoundErrno is a bare "no such file" of a runtime: Rust's "No such
// file or directory (os error 2)", Erlang's :enoent.
var reNotFoundErrno = regexp.MustCompile(`^(?:\W{0,4}\d+: )?No such file or directory \(os error 2\)$|\bErlang error: :enoent$`)

// childMissing is the pattern of a helper program not in the image.
var childMissing = patternNamed("child_program_missing")

// helperMissing reads c, a bare "file not found" where a helper program
// was started, as the helper missing from the image.
func (s *logScanner) helperMissing(c *candidate) {
	if c.pat == childMissing {
		return
	}
	if c.pat != nil && childMissing.weight > c.pat.weight {
		c.score += childMissing.weight - c.pat.weight
	}
	c.pat = childMissing
	if c != s.best && c.better(s.best) {
		s.prevBest, s.best = s.best, c
	}
	s.enoent = nil
}

// reGoInitFrame is a Go stack frame of a package's initialisation.
var reGoInitFrame = regexp.MustCompile(`^(?:\S+\s+)?[\w./-]+\.init(?:\.\d+)?(?:\.func\d+)?\(\)$`)

// reBareTimeout is Python's timeout exception with no message.
var reBareTimeout = regexp.MustCompile(`^(?:asyncio\.(?:exceptions\.)?|builtins\.)?TimeoutError\s*$`)

// reGroupBorder is the border Python prints round an ExceptionGroup's
// sub-exceptions.
var reGroupBorder = regexp.MustCompile(`^\+[-+]{3,}(?: \d+ -+)?$`)

// reNginxRequestFields are the fields of the request nginx's error log
// records (its Host header, its referrer).
var reNginxRequestFields = regexp.MustCompile(`, (?:host|referrer): "[^"]*"`)

// reBold is Markdown's bold emphasis round a word or words.
var reBold = regexp.MustCompile(`(^|[^*])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*([^*]|$)`)

// reParsedValue is the quoted value Go's strconv could not parse.
var reParsedValue = regexp.MustCompile(`parsing "[^"]*"`)

// reAWSEndpoint is an AWS endpoint host with a region in it
// ("sqs.eu-west-1.amazonaws.com", "bucket.s3.us-east-2.amazonaws.com").
var reAWSEndpoint = regexp.MustCompile(`(?i)\b(?:[a-z0-9-]+\.)+?([a-z]{2}(?:-[a-z]+){1,2}-[a-z0-9]{1,2})\.amazonaws\.com\b`)

// reAWSRegion is the form of every AWS region's name.
var reAWSRegion = regexp.MustCompile(`^(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob|eusc-de)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$`)

// impossibleAWSRegion returns the region of an AWS endpoint in line that
// cannot be a region's name ("us-esat-1", "eu-west-l"), or "".
func impossibleAWSRegion(line string) string {
	for _, m := range reAWSEndpoint.FindAllStringSubmatch(line, -1) {
		if r := strings.ToLower(m[1]); !reAWSRegion.MatchString(r) {
			return r
		}
	}
	return ""
}

// reClientGot5xx is a client's own error quoting the answer a proxy gave
// it ("FlagLoadException: GET http://flags... returned 503 Service
// Unavailable: upstream connect error ..."): the client stops on it.
var reClientGot5xx = regexp.MustCompile(`\breturned 50[234]\b|\b50[234] service unavailable: upstream connect error\b`)

// reProxyUpstream is a reverse proxy's record of a request its backend
// did not answer (nginx, Envoy, Traefik, Caddy, HAProxy,
// http-proxy-middleware), in lower case.
var reProxyUpstream = regexp.MustCompile(`while connecting to upstream|error occurred while proxying request|upstream connect error or disconnect/reset before headers|'50[234] [a-z ]+' caused by: |"logger":"http\.log\.error"|\bis down, reason: layer[47]`)

// reCancelledError is the exception of a Python task that was cancelled.
var reCancelledError = regexp.MustCompile(`^(?:\|\s*)?(?:asyncio\.(?:exceptions\.)?|concurrent\.futures\.(?:_base\.)?)?CancelledError\b`)

// exitedServiceLine is the best line of a Compose service that exited
// with an error, to read instead of a line of a service that did not
// exit: in `docker compose logs` of several services, the one that
// crash-loops is the one Compose saw exit ("redis-1 exited with code
// 139"); the others only complain that it is gone.
func (s *logScanner) exitedServiceLine(best *candidate) *candidate {
	if best == nil || best.service == "" || len(s.exitedServices) == 0 || slices.Contains(s.exitedServices, best.service) {
		return nil
	}
	var pick *candidate
	for _, c := range s.second {
		if c.pat != nil && c.service != "" && slices.Contains(s.exitedServices, c.service) && (pick == nil || c.score > pick.score) {
			pick = c
		}
	}
	if pick != nil {
		return pick
	}
	// No line of it that a pattern knows: its own error line, read by
	// its words.
	for _, c := range s.generics {
		if c.service != "" && slices.Contains(s.exitedServices, c.service) && (pick == nil || c.score >= pick.score) {
			pick = c
		}
	}
	return pick
}

// calleeOwnFailure is, in `docker compose logs` of several services, the
// line of another service that fails on its own (a port in use, a
// permission, memory, a CPU it cannot run on, a crash; or the kernel's
// segfault line beside them) when the best line is one service's failed
// connection: the service it cannot reach is the one that loops, and the
// callers only echo that it is gone.
func (s *logScanner) calleeOwnFailure(best *candidate) *candidate {
	if best == nil || best.service == "" || best.pat == nil || best.pat.cat != DependencyUnavailable {
		return nil
	}
	var pick *candidate
	for _, c := range s.second {
		if c.pat == nil || c.service == best.service || c.pat.cat == DependencyUnavailable || c.pat.weight < weightSpecific {
			continue
		}
		if c.service == "" && (c.words || c.pat.weight < weightPrecise) {
			continue // a line of no service (the kernel's, Docker's) only when a program printed it and a pattern knows it well
		}
		if pick == nil || c.score > pick.score {
			pick = c
		}
	}
	return pick
}

// reExitedNonZero is any line that says a container exited with an error.
var reExitedNonZero = regexp.MustCompile(`\bexited with code [1-9]`)

// reComposeExited is Compose's line that a service's container exited.
var reComposeExited = regexp.MustCompile(`^([a-zA-Z0-9][\w.-]*) exited with code (\d+)$`)

// statedFact are the patterns of what the reporter read off the
// container's status or log: an exit code in words ("exits with code
// 139"), the OOM killer's kill ("keeps getting OOMKilled"), a program that
// finishes its work and exits, the runtime's "exec format error".
var statedFact = map[string]bool{"exit_sigsegv": true, "exit_sigill": true, "exit_132_words": true, "oom_words": true, "finished_work_words": true, "exec_format": true}

// opensDetail reports a line whose message goes on on the next lines: it
// ends in a colon ("yaml: unmarshal errors:"), or opens a quoted value
// that the next lines hold (Go's logfmt of a multi-line error: err=").
func opensDetail(trimmed []byte) bool {
	return bytes.HasSuffix(trimmed, []byte(":")) || bytes.HasSuffix(trimmed, []byte("=\"")) || opensBlock(trimmed)
}

// opensBlock reports a banner whose message is the next few lines, none
// ending in a colon: Redis's "*** FATAL CONFIG FILE ERROR (Redis 7.4.1)
// ***", then "Reading the configuration file, at line 4", ">>>
// 'requirepass'" and "wrong number of arguments".
func opensBlock(trimmed []byte) bool {
	return bytes.Contains(trimmed, []byte("*** FATAL CONFIG FILE ERROR"))
}

// continueDetail appends the line to the best line when that one is an
// error's header ending in a colon and this line is its detail: a line of
// the same message, not a new log record (no timestamp, level or JSON of
// its own). A detail that ends in a colon itself is followed further. It
// reports whether the line was appended.
func (s *logScanner) continueDetail(raw, content, trimmed []byte) bool {
	c := s.detailOf
	if c == nil || len(content) != len(raw) || bytes.HasPrefix(trimmed, []byte("level=")) ||
		bytes.HasPrefix(trimmed, []byte("time=")) || bytes.HasPrefix(trimmed, []byte("{")) || len(c.line) >= maxQuoteBytes ||
		bytes.HasPrefix(trimmed, []byte("$ ")) { // a shell prompt: the command pasted next, not the detail
		s.detailOf, s.detailNext = nil, 0
		return false
	}
	if reOnlyTimestamp.Match(trimmed) {
		return false // "2026-05-11 11:53:44" alone: the time of the next line
	}
	c.extend(trimmed)
	s.detailNext--
	if !bytes.HasSuffix(trimmed, []byte(":")) && !opensBlock([]byte(c.line)) {
		s.detailNext = 0
	}
	return true
}

// reJSONMessage is a "message" member of a JSON object printed over
// several lines.
var reJSONMessage = regexp.MustCompile(`^"message":\s*".+"`)

// opensJSON reports an error line whose detail follows as JSON ("ZodError:
// [", "Error: {").
func opensJSON(msg string) bool {
	t := strings.TrimSpace(msg)
	return strings.HasSuffix(t, ": [") || strings.HasSuffix(t, ": {")
}

// reDetailLine is the detail a program prints on the line after its error
// (PostgreSQL's initdb and server: "initdb: detail: ...", "DETAIL:  ...").
var reDetailLine = regexp.MustCompile(`^(?:[\w-]+: )?(?:detail|DETAIL):\s`)

// reOnlyTimestamp is a line that is only a date and time, as some log
// viewers print before each line.
var reOnlyTimestamp = regexp.MustCompile(`^\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?$`)

// wrapFragment reports a line that is the wrapped end of the line before
// it: a single short word with no timestamp, level, JSON or frame shape
// of its own.
func wrapFragment(raw, content, trimmed []byte) bool {
	return len(content) == len(raw) && len(trimmed) <= 60 && !bytes.ContainsAny(trimmed, " \t") &&
		!bytes.HasPrefix(trimmed, []byte("{")) && !bytes.HasPrefix(trimmed, []byte("at ")) && !bytes.Contains(trimmed, []byte("="))
}

// addGeneric remembers a generic line, keeping the first maxGenerics.
func (s *logScanner) addGeneric(c *candidate) {
	if len(s.generics) < maxGenerics {
		s.generics = append(s.generics, c)
	}
}

// lexicalNeighbour is the line to quote instead of a generic best that
// names no cause: the first generic line near it in rank whose words do
// name one (a refused connection, a denied access, a rejected setting).
func (s *logScanner) lexicalNeighbour(best *candidate) *candidate {
	for _, c := range s.generics {
		justBefore := c.lineNo < best.lineNo && c.lineNo >= best.lineNo-3
		if c.lineNo == best.lineNo || (c.score < best.score-4 && !justBefore) || (c.score == 0 && !justBefore) {
			continue
		}
		if cat, _ := lexicalCategory(c.msg); cat != Unknown {
			return c
		}
	}
	return nil
}

// frame looks at a stack frame: a missing or malformed value thrown in
// the first frames of code that reads configuration is a configuration
// error.
func (s *logScanner) frame(t []byte) {
	c := s.excCand
	if c == nil {
		return
	}
	s.excFrames++
	if s.excFrames > 3 {
		s.excCand = nil
		return
	}
	// Below the frame that threw, a package's frame is the framework that
	// called the program (oclif's Config.runCommand), not code reading
	// configuration.
	if reConfigFrame.Match(reConfigSubpackage.ReplaceAll(t, []byte("."))) && (s.excFrames == 1 || !bytes.Contains(t, []byte("node_modules/"))) && !s.echoedCodeNotConfig(c) {
		c.pat = configFrame
		c.score += configFrame.weight - weightGeneric
		if c != s.best && c.better(s.best) {
			s.prevBest, s.best = s.best, c
		}
		s.excCand = nil
	}
}

// echoedCodeNotConfig reports Node's echo of the source line that threw
// c (above a caret, just before the error) reading no setting: a frame in
// a file named config.js (Keystone compiles the app's own code to
// .keystone/config.js) is then the program's code, not its configuration.
func (s *logScanner) echoedCodeNotConfig(c *candidate) bool {
	return s.caretSource != "" && s.caretAt < c.lineNo && s.caretAt >= c.lineNo-3 && !reConfigSource.MatchString(s.caretSource)
}

// goDump remembers a goroutine dump: when nothing else in the log names
// an error (the runtime's "fatal error:" line was not pasted), the dump
// itself says the program crashed, and its first function says where.
func (s *logScanner) goDump(raw, t []byte, indented bool) {
	switch {
	case indented && bytes.Contains(t, []byte(".go:")) && bytes.Contains(t, []byte("+0x")):
		s.goFrames++
	case s.goFirst == nil && reGoFrame.Match(t) && !bytes.HasPrefix(t, []byte("panic(")):
		s.goFirst = append([]byte(nil), raw...)
	}
}

// denoImportPattern is a module a Deno program imports that is missing.
var denoImportPattern = patternNamed("module_missing")

// reDenoImportAt is where Deno's missing module was imported from.
var reDenoImportAt = regexp.MustCompile(`^at file:///\S+:\d+:\d+$`)

// phpParsePattern is PHP's parser refusing the app's own code.
var phpParsePattern = patternNamed("php_parse_error")

// patternNamed returns the table's pattern of this id.
func patternNamed(id string) *pattern {
	for _, p := range patterns {
		if p.id == id {
			return p
		}
	}
	panic("no pattern " + id)
}

// rePHPSourceAt is the location a PHP console prints under an error ("at
// app/Http/Controllers/LeaveRequestController.php:88").
var rePHPSourceAt = regexp.MustCompile(`^at (?:/[\w.-]+)*/?[\w.-]+(?:/[\w.-]+)*\.php:\d+$`)

// phpSourceAt reports the location of an error in the app's PHP code; a
// file under config/ is its configuration.
func phpSourceAt(trimmed []byte) bool {
	return rePHPSourceAt.Match(trimmed) && !bytes.Contains(trimmed, []byte("config/"))
}

// goDumpPattern is a goroutine dump whose error line is missing.
var goDumpPattern = pat("go_dump", AppCrash, weightGeneric+5, "A goroutine stack dump without the error above it: the program crashed (a runtime fatal error such as a stack overflow, a concurrent map write, or a panic whose first line was cut off). Get the full previous log (kubectl logs --previous) for the line above the stack, then fix the code or roll back.")

// springLifecycle follows a Spring Boot app's start and end: started,
// with or without an embedded web server, then stopped by its shutdown
// hook.
func (s *logScanner) springLifecycle(lower, raw []byte) {
	switch {
	case s.springStarted == "" && bytes.Contains(lower, []byte(" seconds")) && reSpringStarted.Match(lower):
		s.springStarted = string(raw)
	case bytes.Contains(lower, []byte(" started on port")) && !reNoServerStarted.Match(lower):
		s.springWeb = true // "Tomcat started on port 8080", Netty, Undertow, Jetty
	case s.springStarted != "" && (bytes.Contains(lower, []byte("ionshutdownhook]")) || bytes.Contains(lower, []byte("[springapplicationshutdownhook]"))):
		s.springStopped = true
	}
}

// reNotRecovered says a connection did not come back ("never
// reconnected").
var reNotRecovered = regexp.MustCompile(`\b(?:never|not|n't|no longer)\s+(?:\w+\s+)?(?:re)?(?:connected|established|restored)\b`)

// reRecovered is a line saying a failed request or connection went
// through after all ("attempt 2 ok", "upload ok (412M)").
var reRecovered = regexp.MustCompile(`\bsucceeded (?:on|after) (?:attempt|retry) \d+|\battempt \d+ (?:ok|succeeded|successful|passed)\b|\b(?:upload|download|request|push) (?:ok|succeeded|successful)\b|\bconnected, channel open\b|\bconnection ok\b|\b(?:exporter|client|consumer|producer|subscriber|publisher) (?:re)?connected\b|\bretr(?:ied|y) (?:ok|succeeded)\b|^\S+ \([\d.]+:\d+\) open$|\bconnection (?:established|restored|re-?established|recovered)\b|\breconnected\b|\bsuccessfully (?:re)?connected\b|\brates refreshed\b|\b` + recoveredStores + ` (?:is )?(?:re)?connected\b|\b(?:re)?connected to (?:the )?` + recoveredStores + `\b`)

// recoveredStores are the stores and brokers whose connection a log says
// is back ("Redis connected", "connected to the database").
const recoveredStores = `(?:redis|valkey|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|database|db|rabbitmq|amqp|kafka|nats|broker|elasticsearch|opensearch|memcached)`

// reBuildSuccess is Maven's or Gradle's line that the build succeeded.
// oneShotTask follows a one-shot task's success line: a later error, a
// server starting or more of the program's output means the task was
// only a step of the program's start.
func (s *logScanner) oneShotTask(raw, trimmed, lower []byte, sev int) {
	if slices.ContainsFunc(taskSucceededWords, func(w []byte) bool { return bytes.Contains(lower, w) }) {
		if reTaskSucceeded.Match(trimmed) {
			s.taskDone, s.afterTask = string(raw), 0
			return
		}
	}
	if s.taskDone == "" || len(trimmed) == 0 {
		return
	}
	if reportersWords(trimmed) || bytes.HasSuffix(trimmed, []byte("?")) {
		return // the reporter's words after the log ("so why CrashLoopBackOff?")
	}
	if sev >= sevError || reServerStart.Match(trimmed) {
		s.taskDone = ""
		return
	}
	if len(trimmed) < len(bytes.TrimSpace(raw)) || trimmed[0] == '{' {
		// A line of the program's own output (a time stamp, a level, a
		// JSON record); a pasted prompt, table or sentence is not.
		if s.afterTask++; s.afterTask > 2 {
			s.taskDone = ""
		}
	}
}

// reSuccessTally is a task's closing tally with nothing failed: Ansible's
// PLAY RECAP row, mongoimport's count, Spring Batch's job COMPLETED.
var reSuccessTally = regexp.MustCompile(`\bunreachable=0\s+failed=0\b|\bJob: \[.{1,200}\] completed with the following parameters: .{0,300}\bstatus: \[COMPLETED\]|\bdocument\(s\) imported successfully\. 0 document\(s\) failed to import\b`)

// reTaskSucceeded is the last line a one-shot tool prints when it
// succeeded with nothing more to do: a schema migration, static files, an
// export, a cron run (drush), a registry's garbage collection, steamcmd's
// update of a game server, a Snakemake workflow with nothing left to do,
// Envoy's --mode validate ("configuration '/etc/envoy/envoy.yaml' OK"),
// dbt's closing tally with no error and its "Catalog written to",
// Terraform's "Apply complete!", a config checker's clean verdict
// (unbound-checkconf, nginx -t, haproxy -c), gitlab-runner register's
// saved configuration, `vault version`, Vite's "built in", hey's status
// code tally, rclone's closing "Elapsed time:", promtail's -check-syntax,
// pip check's clean verdict, `gitea dump`'s "Finish dumping in file",
// WAL-G's "Wrote backup with name", restic's "snapshot 4c8a21f9 saved",
// a Flink savepoint's "You can resume your program from this savepoint",
// `nginx -V`'s "configure arguments:", Vector's "Vector has stopped."
// (its stdin source at its end), `consul validate`'s "Configuration is
// valid!", tika-app's batch "Process finished; exiting with 0", Hive's
// "schemaTool completed", a MapReduce job's "completed successfully" (and
// the pi example's estimate), vmctl's closing "Total time:", Keycloak's
// `kc.sh build` ("Server configuration updated and persisted."), a backup
// or report job's "backup finished OK", a script's "done, bye", the
// hello-world image's greeting.
var reTaskSucceeded = regexp.MustCompile(`(?i)^configuration '[^']+' OK$|^hello from docker!$|\bthis message shows that your installation appears to be working correctly\.?$|\bno (?:pending )?migrations (?:to apply|to run|are pending|were executed)\b|\ball migrations have been successfully applied\b|\bsuccessfully applied \d+ migrations?\b|\bschema .{1,60} is up to date\. no migration necessary\b|\bdatabase schema was already up to date\b|\bno migration files to execute\b|\b\d+ static files? copied\b|^already up to date\.?$|\bsuccessfully exported to\b|^offline change; changes will take effect at broker restart\.?$|\bsparkcontext: successfully stopped sparkcontext$|^\[nbconvertapp\] writing \d+ bytes to \S+$|^(?:info\s+)?no scheduled commands are ready to run\.?$|^(?:info\s+)?metadata applied$|^result = pass$|^nothing to do\. cert-manager crds do not have\b|\bworker [\w:.-]+: done, quitting$|^success! app '\d+' (?:already up to date|fully installed)\.?$|^\[notice\] cron run completed\.?$|^\d+ blobs marked, \d+ blobs and \d+ manifests eligible for deletion$|^nothing to be done \(all requested files are present and up to date\)\.?$|^(\d+) of \d+ steps \(100%\) done$|\bthe surrealql file was imported successfully$|^🏃 view run \S+ at: https?://\S+$|^snapshot saved at \S+$|\bworker stopped due to (?:time limit of \d+s exceeded|maximum count of \d+ messages? processed|memory limit of .{1,40} exceeded)` +
	`|\bdone\. pass=\d+ warn=\d+ error=0 skip=\d+(?: no-op=\d+)? total=\d+$|\bcatalog written to \S+$|\bapply complete! resources: \d+ added, \d+ changed, \d+ destroyed\.$` +
	`|^[\w-]+: no errors in \S+$|\bconfiguration file \S+ test is successful$|^configuration file is valid$|\bnothing left to do, exiting$` +
	`|^configuration \(with the authentication token\) was saved in "[^"]+"$|^vault v\d+\.\d+\.\d+ \([0-9a-f]+\)(?:, built \S+)?$|^✓ built in [\d.]+m?s$|^\[\d{3}\]\s+\d+ responses$|^elapsed time:\s+[\d.hms]+$|^valid config file! no syntax issues found$|^no broken requirements found\.$|^applying all pending migrations\s*\n?no pending migrations$|^no pending migrations$|\bfinish dumping in file \S+$|^schematool completed$|^server configuration updated and persisted\.|^estimated value of pi is [\d.]+$|\bmapreduce\.job: job job_\d+_\d+ completed successfully$|^(?:\d{4}/\d\d/\d\d \d\d:\d\d:\d\d )?total time: \d[\dhms.]*$|\bwrote backup with name \S+$|^snapshot [0-9a-f]{8,} saved$|^you can resume your program from this savepoint with the run command\.$|^configure arguments: --|\bvector has stopped\.$|^configuration is valid!$|\bprocess finished; exiting with 0$` +
	`|(?:^|\s)(?:backups?|uploads?|syncs?|exports?|imports?|reports?|snapshots?|cleanups?|seeding|indexing|reindex(?:ing)?)\s+(?:\S+\s+){0,3}(?:finished|completed|complete|done)(?: successfully| ok| okay)?[.!]?$|\b(?:done|finished|registered|complete)[,.!;]? (?:good)?bye\W*$|\bqueue (?:is )?(?:drained|empty)\b.{0,60}\bexiting\W*$`)

// taskSucceededWords are words every line reTaskSucceeded matches holds
// one of: a cheap test before the expression.
var taskSucceededWords = [][]byte{[]byte("hello from docker"), []byte("installation appears to be working"), []byte("migrat"), []byte("static file"), []byte("up to date"), []byte("exported to"), []byte("broker restart"), []byte("stopped sparkcontext"), []byte("[nbconvertapp] writing"), []byte("done, quitting"), []byte("scheduled commands"), []byte("nothing to do. cert-manager"), []byte("metadata applied"), []byte("result = pass"), []byte("success! app"), []byte("cron run completed"), []byte("eligible for deletion"), []byte("(100%) done"), []byte("imported successfully"), []byte("view run "), []byte("' ok"), []byte("worker stopped due to"), []byte("snapshot saved at"),
	[]byte(" pass="), []byte("catalog written"), []byte("apply complete!"), []byte("no errors in"), []byte("test is successful"), []byte("file is valid"),
	[]byte("nothing left to do"), []byte("was saved in"), []byte("vault v"), []byte("built in"), []byte(" responses"), []byte("elapsed time:"), []byte("no syntax issues"), []byte("broken requirements"), []byte("finish dumping"), []byte("schematool completed"), []byte("updated and persisted"), []byte("value of pi is"), []byte("completed successfully"), []byte("total time: "), []byte("wrote backup with"), []byte("saved"), []byte("from this savepoint"), []byte("configure arguments: --"), []byte("vector has stopped"), []byte("configuration is valid!"), []byte("exiting with 0"), []byte("finished"), []byte("complete"), []byte("done"), []byte("bye"), []byte("exiting")}

var reBuildSuccess = regexp.MustCompile(`^(?:\[INFO\] |INFO: )?(?:BUILD|EXECUTION) SUCCESS(?:FUL)?\b`)

// reNoServerStarted is the reporter's word that the web server's line is
// missing ("there's no \"Tomcat started on port\" line anymore").
var reNoServerStarted = regexp.MustCompile(`\b(?:no|not|never|without)\b[^.]{0,20}\bstarted on port`)

// reSpringStarted is Spring Boot's line that the application started.
var reSpringStarted = regexp.MustCompile(`\bstarted \w+ in \d+(?:\.\d+)? seconds\b`)

// keep stores raw in the excerpt ring, reusing its buffers.
func (s *logScanner) keep(raw []byte) {
	slot := s.ring[s.ringNext%excerptLines]
	s.ring[s.ringNext%excerptLines] = append(slot[:0], raw[:min(len(raw), maxQuoteBytes+3)]...)
	s.ringNext++
}

// reSupervisorQuit is a supervisor's account of a program it runs
// failing before it stops itself: supervisord's "gave up: ocr entered
// FATAL state, too many start retries too quickly", "exited: worker
// (terminated by SIGKILL; not expected)"), phusion's my_init
// "*** /opt/worker/bin/pdf-worker exited with status 0." (runit's status
// of a child a signal killed is 0), foreman's "imageworker.1 | terminated
// by SIGSEGV", s6-overlay bringing the container down after a service's
// finish script.
var reSupervisorQuit = regexp.MustCompile(`\bgave up: \S+ entered FATAL state\b|\bexited: \S+ \(.*; not expected\)$|^\*\*\* \S+ exited with status \d+\.?$|(?:^|\|\s+)terminated by SIG(?:SEGV|KILL|ABRT|BUS|ILL)$|^\[s6-finish\] sending all processes the KILL signal and exiting`)

func (s *logScanner) result() LogScan {
	out := LogScan{Category: Unknown, Lines: s.lines, Evidence: []string{}, Excerpt: []string{},
		daemon: (s.infoLines >= 2 && s.infoLines*2 >= s.nonEmpty) || (s.serverStart && s.infoLines >= 1), deployFailed: s.deployFailed, supervisorQuit: s.supervisorQuit,
		dockerBase: s.dockerfile.baseWithoutCommand()}
	switch {
	case s.springStopped && !s.springWeb:
		out.finished, _ = Redact(quote(s.springStarted))
		out.finishedHow = "the Spring Boot app started and its shutdown hook ran at once, with no web server started: it has nothing to serve (no web starter, or a command-line runner that returns), so it finishes"
	case s.buildSucceeded != "":
		out.finished, _ = Redact(quote(s.buildSucceeded))
		out.finishedHow = "its log is a build that succeeded (the container's program is the build, which finishes), and nothing failed after it"
	case s.finishedTimes >= 2 && len(s.exitedServices) == 0 && !s.exitedOther && s.best != nil && s.best.service != "" && s.best.service != s.finishedName:
		// In `docker compose logs`, the only service Compose saw exit
		// did so with code 0, again and again; the errors are other services' (a proxy
		// that finds the finished service's files or host missing).
		out.finished, _ = Redact(quote(s.finishedService))
		out.finishedHow = "Compose saw it exit with code 0 (its program ran to its end; the errors beside it are other services' lines)"
		s.best, s.lastError, s.second, s.generics = nil, nil, nil, nil
	case s.taskDone != "":
		out.finished, _ = Redact(quote(s.taskDone))
		out.finishedHow = "its log ends with a one-shot task's success or a planned stop (a schema migration, a static-files step, an export, a queue worker at its time limit, with nothing left to do): that is the container's whole program, so it finishes, and nothing ran after it"
	}
	n := min(s.ringNext, excerptLines)
	// Drop trailing blank lines from the excerpt.
	for i := s.ringNext - n; i < s.ringNext; i++ {
		out.Excerpt = append(out.Excerpt, quote(string(s.ring[i%excerptLines])))
	}
	for len(out.Excerpt) > 0 && strings.TrimSpace(out.Excerpt[len(out.Excerpt)-1]) == "" {
		out.Excerpt = out.Excerpt[:len(out.Excerpt)-1]
	}
	out.Redacted = redactAll(out.Excerpt) || s.keyRedacted
	if cat, line, named := s.topics.topic(s.nonEmpty); cat != Unknown {
		q, r := Redact(quote(line))
		out.topic, out.topicLine, out.topicNamed, out.Redacted = cat, q, named, out.Redacted || r
	}

	best := s.best
	if p := s.causeJustBefore(best); p != nil {
		best = p
	}
	if p := s.whyCachesDidNotSync(best); p != nil {
		best = p
	} else if p := s.whyDeadlinePassed(best); p != nil {
		best = p
	}
	if p := s.deployErrorOverProbe(best); p != nil {
		best = p
	}
	if p := s.statedCauseOverSymptom(best); p != nil {
		best = p
	}
	if p := s.exitedServiceLine(best); p != nil {
		best = p
	} else if p := s.calleeOwnFailure(best); p != nil {
		best = p
	}
	if p := s.crashOverGuess(best); p != nil {
		best = p
	}
	if p := s.probeFailuresOverCleanExit(best); p != nil {
		best = p
	}
	if p := s.deathAfterFailure(best); p != nil {
		best = p
	}
	if p := s.moduleTheSettingsRequire(best); p != nil {
		best = p
	}
	if best != nil && best.pat != nil && best.pat.id == "arm_host" && (s.lastError != nil && s.lastError.lineNo != best.lineNo && !reporterSentence(bytes.TrimSpace([]byte(s.lastError.line))) ||
		out.topicNamed && out.topic != ExecFormat && out.topic != AppCrash) {
		// A line naming the node's platform ("on a Raspberry Pi 4") is
		// no failure: an error the program printed (not the reporter's
		// sentence) outweighs it, and so do the report's words when they
		// name another kind of cause ("k3s on a Raspberry Pi ... the pod
		// was restarted when a healthcheck expired").
		best = nil
	}
	// A failure the program got over, with nothing failing after it
	// ("retry 1/20 in 3000ms", then "amqp connected"), is not what
	// ended it.
	recoveredOnly := best != nil && best == s.recoveredOf && (s.lastError == nil || s.lastError.lineNo <= s.recoveredAt)
	if recoveredOnly {
		best = nil
	}
	if best == nil || best.score < weightGeneric {
		// No crash shape: the last error-looking line is the best guess
		// (Go's log.Fatal, a CLI's final "failed to ..." line).
		switch {
		case s.lastError == nil, recoveredOnly:
		case out.finished != "" && (strings.HasSuffix(strings.TrimSpace(s.lastError.line), "?") || reporterSentence(bytes.TrimSpace([]byte(s.lastError.line)))):
			// The reporter's question after a log that ends in a
			// task's success ("Is the warning what makes it crash?").
		case out.wordsOutweigh(s.lastError):
			q, r := Redact(quote(s.lastError.line))
			out.passedOver, out.Redacted = q, out.Redacted || r
		default:
			best = &candidate{line: s.lastError.line, msg: s.lastError.msg, lineNo: s.lastError.lineNo, score: 5}
		}
	}
	if (best == nil || best.score < weightGeneric) && s.slowAt > 0 && (s.slowAt == s.lastAt || s.slowAt == s.progAt) {
		// The log stops as a long step begins: something killed it
		// before the step could finish.
		best = &candidate{line: s.slowLine, msg: s.slowLine, lineNo: s.slowAt, score: slowStepPattern.weight, pat: slowStepPattern}
	}
	if (best == nil || best.score < weightGeneric) && s.xtrace.failed != nil {
		best = s.xtrace.failed // a script that checked something and exited
	}
	if best == nil && s.goFirst != nil && s.goFrames > 0 {
		best = &candidate{line: string(s.goFirst), msg: string(bytes.TrimSpace(stripPrefixes(s.goFirst))), score: goDumpPattern.weight, pat: goDumpPattern}
	}
	if best == nil {
		return out
	}
	out.score, out.asked, out.words = best.score, best.asked, best.words
	out.Category = AppCrash
	if best.pat != nil {
		out.Category = best.pat.cat
		out.hint = best.pat.hint
		out.weight, out.patID = best.pat.weight, best.pat.id
	} else {
		out.generic = true
		cat, hint := lexicalCategory(best.msg)
		if cat == Unknown && !reCrashWords.MatchString(strings.ToLower(best.msg)) {
			if n := s.lexicalNeighbour(best); n != nil {
				best = &candidate{line: n.line, msg: n.msg, lineNo: n.lineNo, score: best.score}
				cat, hint = lexicalCategory(n.msg)
			}
		}
		bugBelow := s.bugAt > 0 && s.bugAt < best.lineNo && best.lineNo-s.bugAt <= 12
		// (Not when the line is itself an exception that names a bug, nor
		// for a wrapper's "Caused by:", quoted with the wrapper.)
		bugJustAfter := s.bugAt > best.lineNo && s.bugAt-best.lineNo <= 3 && !reCrashWords.MatchString(strings.ToLower(best.msg)) &&
			!strings.HasPrefix(strings.TrimSpace(s.bugRaw), "Caused by:")
		if cat == Unknown && (bugBelow || bugJustAfter) {
			// A generic error just below a line that names a bug (Triton's
			// "failed to load all models" under the model's TypeError), or
			// a generic fatal heading just above one (Sonarr's "[Fatal]
			// ConsoleApp: EPIC FAIL!", then its NullReferenceException):
			// the bug is what it stopped on.
			best = &candidate{line: s.bugRaw, msg: strings.TrimSpace(s.bugRaw), lineNo: s.bugAt, score: best.score}
		}
		switch l := strings.ToLower(best.msg); {
		case cat == ConfigError && s.causedByBug:
			// A wrapper's words ("this and all later migrations
			// canceled") over a cause that names a bug.
		case cat != Unknown:
			out.Category, out.hint, out.patID = cat, hint, "lexical"
		case stopsOnError(best.msg, l) && !s.causedByBug:
			// An error the program stopped on that names no bug: in
			// public reports such a stop is a setting, or state the
			// program was given, about three times as often as a bug.
			out.Category, out.hint, out.patID = ConfigError, hintStopped, "stopped_on_error"
		}
	}
	localSocket := s.pgSocketAt > 0 && best.lineNo >= s.pgSocketAt && best.lineNo-s.pgSocketAt <= 1 // psql's hint below the socket it tried
	connectedJustBefore := s.loopbackConnAt > 0 && best.lineNo > s.loopbackConnAt && best.lineNo-s.loopbackConnAt <= 3
	// A refusal that names no address, when the paste sets the
	// dependency's host to the pod itself, is a refusal there.
	refusedAtSetting := s.loopbackSetting && reRefusedNoAddress.MatchString(best.line) && !reAnyAddress.MatchString(best.line)
	// A failure that names no address ("NoBrokersAvailable", "Connection
	// refused") after attempts that were all to the pod itself
	// (kafka-python's "connect attempt to localhost:9092 returned error
	// 111" above its traceback), with no attempt anywhere else.
	loopbackBefore := func(at int) bool { return at > 0 && at < best.lineNo && best.lineNo-at <= 40 }
	onlyLoopback := (loopbackBefore(s.loopbackConnFirst) || loopbackBefore(s.loopbackConnAt)) && s.remoteConnAt == 0 && !reAnyAddress.MatchString(best.line)
	if out.Category == DependencyUnavailable && out.patID != "dns" && out.patID != "leader_lease" && (loopbackTarget(best.line) || s.loopbackOf == best || localSocket || connectedJustBefore || refusedAtSetting || onlyLoopback) && !s.sidecar && !s.listensOn(best.line) {
		// Nothing of its own listens on the loopback address of a
		// one-container pod: the app is pointed (or defaults) to localhost
		// while its dependency runs in another pod. The caller turns this
		// back into an unreachable dependency when the pod has a sidecar.
		out.Category, out.hint, out.patID = ConfigError, hintLoopback, "loopback"
	}
	if region := impossibleAWSRegion(best.line); out.Category == DependencyUnavailable && region != "" {
		// "lookup sqs.us-esat-1.amazonaws.com ... no such host": no
		// endpoint answers because the region is typed wrong.
		out.Category, out.hint, out.patID = ConfigError, "The AWS region in the endpoint ("+region+") is not a region: fix the region setting (AWS_REGION, AWS_DEFAULT_REGION, the SDK's or the app's own region value).", "aws_region_typo"
	}
	// Redact whole lines before focusing on the cause, so a window never
	// starts inside a secret.
	line, r1 := Redact(best.line)
	whole := line
	line = focus(line, best.pat, maxQuoteBytes)
	detail, r2 := Redact(message(best.msg))
	out.Line, out.LineNumber, out.Detail = line, best.lineNo, focus(collapseSpace(detail), best.pat, maxSummary)
	out.Evidence = append(out.Evidence, "log: "+line)
	if m := structuredMessage(whole, line, maxQuoteBytes); m != "" {
		out.Evidence = append(out.Evidence, "log: "+focus(m, best.pat, maxQuoteBytes))
	}
	if t := chainRoot(whole, maxQuoteBytes); best.pat == nil && t != "" && !strings.Contains(line, t) {
		// A long wrapped error that no rule knows: its root cause is
		// at the end of the chain, past where the quote was cut. (whole
		// is already redacted.)
		out.Evidence = append(out.Evidence, "log: …"+t)
	}
	if s.firstFatal != nil && s.firstFatal.lineNo != best.lineNo {
		f, r3 := Redact(quote(s.firstFatal.line))
		out.Evidence = append(out.Evidence, "log: "+f)
		r2 = r2 || r3
	}
	// The exception that finally ended the process often names what the
	// root cause does not (the host behind "Temporary failure in name
	// resolution").
	if e := s.lastExc; e != nil && best.pat != nil && e.pat.cat == best.pat.cat && e.lineNo > best.lineNo &&
		(s.firstFatal == nil || e.lineNo != s.firstFatal.lineNo) {
		x, r5 := Redact(e.line)
		out.Evidence = append(out.Evidence, "log: "+focus(x, e.pat, maxQuoteBytes))
		r2 = r2 || r5
	}
	// A second line that says the same (an explicit "Permission denied"
	// beside "is not writable") is quoted too: both explain the crash. So is
	// a more specific line of the same cause just before a fatal summary
	// ("SYRINGE_TIER is a required variable." before "Invalid
	// configuration"), which a fatal level outscores but names the setting.
	if best.pat != nil {
		var alt *candidate
		for _, c := range s.second {
			refines := c.pat != nil && c.pat.weight > best.pat.weight && c.lineNo < best.lineNo && c.lineNo >= best.lineNo-5
			if c.lineNo == best.lineNo || c.line == best.line || c.pat == nil || c.pat.cat != best.pat.cat || (c.score < best.score-3 && !refines) ||
				(s.firstFatal != nil && c.lineNo == s.firstFatal.lineNo) || (s.lastExc != nil && c.lineNo == s.lastExc.lineNo) {
				continue
			}
			if alt == nil || c.score > alt.score {
				alt = c
			}
		}
		if alt != nil {
			x, r6 := Redact(alt.line)
			out.Evidence = append(out.Evidence, "log: "+focus(x, alt.pat, maxQuoteBytes))
			r2 = r2 || r6
		}
	}
	// The cause named in the reporter's words ("on disk full") is quoted
	// first; the program's own crash line of another kind (the SIGBUS
	// the full disk caused) is what it printed, and is quoted too.
	if best.pat != nil && strings.HasSuffix(best.pat.id, "_words") {
		var own *candidate
		for _, c := range s.second {
			if c.pat == nil || c.pat.cat == best.pat.cat || strings.HasSuffix(c.pat.id, "_words") || c.pat.weight < weightSpecific || c.lineNo == best.lineNo {
				continue
			}
			if own == nil || c.score > own.score {
				own = c
			}
		}
		if own != nil {
			x, r7 := Redact(own.line)
			if q := "log: " + focus(x, own.pat, maxQuoteBytes); !slices.Contains(out.Evidence, q) {
				out.Evidence = append(out.Evidence, q)
			}
			r2 = r2 || r7
		}
	}
	out.Evidence, r2 = s.quoteOthers(out.Evidence, best, out.Category, r2)
	if s.action != "" && best.score >= weightSpecific {
		a, r4 := Redact(shorten(s.action, maxQuoteBytes))
		out.action = a
		r2 = r2 || r4
	}
	out.Redacted = out.Redacted || r1 || r2
	return out
}

// severity grades a line by its level marker or wording.
// klogHeader reports a line that starts with klog's level and date
// ("E0102 15:04:05.000000 ...").
func klogHeader(t []byte) bool {
	return len(t) > 5 && bytes.IndexByte([]byte("IWEF"), t[0]) >= 0 && isDigits(t[1:5])
}

// tabLevel is the level of a line whose fields are tab-separated, the
// level second ("2024-07-24T03:41:18Z\twarn\thyper_util\tconnection
// error: ...", zap's console encoder and Istio's): the level word, not
// an "error" in the message, says how bad the line is.
func tabLevel(lower []byte) (int, bool) {
	i := bytes.IndexByte(lower, '\t')
	if i < 8 || i > 40 || bytes.IndexByte(lower[:i], ' ') >= 0 {
		return 0, false
	}
	rest := lower[i+1:]
	j := bytes.IndexByte(rest, '\t')
	if j <= 0 || j > 8 {
		return 0, false
	}
	return levelWord(rest[:j])
}

func severity(lower, trimmed []byte) int {
	has := func(s string) bool { return bytes.Contains(lower, []byte(s)) }
	// klog header: E0102 15:04:05.000000 ...
	if klogHeader(trimmed) {
		switch trimmed[0] {
		case 'I':
			return sevInfo
		case 'W':
			return sevWarn
		case 'E':
			return sevError
		}
		return sevFatal
	}
	if sev, ok := structuredLevel(lower); ok {
		return sev
	}
	if sev, ok := tabLevel(lower); ok {
		return sev
	}
	if sev, ok := messageIDSeverity(trimmed); ok {
		return sev
	}
	if has("flag: --") && reFlagDump.Match(lower) {
		return sevInfo // a flag's value printed at start, as looksLikeError says
	}
	switch {
	case has("; not expected)") && has(" exited: "):
		return sevError // supervisord's INFO "exited: ocr (terminated by SIGSEGV (core dumped); not expected)"
	case bytes.HasPrefix(trimmed, []byte("panic:")), bytes.HasPrefix(trimmed, []byte("fatal error:")), has("fatal") && !has("nonfatal") && !has("non-fatal"), has("[emerg]"), has("[crit]"), has("[alert]"),
		has("critical"), has("exception in thread"), has("unhandled exception"), has("uncaught"), has("unhandled"), has("panic"):
		return sevFatal
	case has("error"), has("exception"), has("failed"), has("[err]"), has(" err "):
		return sevError
	case has("warn"):
		return sevWarn
	case has(" info "), has("[info]"), has(" debug "), has("[debug]"), has("info:"), has(" notice "), has("[notice]"), has("[note]"), has("[system]"):
		return sevInfo
	}
	return sevPlain
}

// reFlagDump is a line of the flags a program prints as it starts (Istio's
// and Kubernetes components' "FLAG: --name=\"value\"").
var reFlagDump = regexp.MustCompile(`\bflag: --[\w.-]+=`)

// messageIDSeverity reads the severity letter that ends an IBM message id
// at the start of a line: CWWKE0044E (error), AMQ7017W (warning),
// JVMSHRC686I (information).
func messageIDSeverity(trimmed []byte) (int, bool) {
	upper := func(i int) bool { return trimmed[i] >= 'A' && trimmed[i] <= 'Z' }
	if len(trimmed) < 8 || !upper(0) || !upper(1) || !upper(2) {
		return 0, false // severity runs on every line: most lines stop here
	}
	m := reMessageID.FindSubmatch(trimmed)
	if m == nil {
		return 0, false
	}
	switch m[1][0] {
	case 'E':
		return sevError, true
	case 'W':
		return sevWarn, true
	}
	return sevInfo, true
}

// reMessageID is a message id that ends in its severity letter, as IBM's
// products print them at the start of a line ("CWWKE0044E: ...",
// "AMQ7017E: ...", "JVMSHRC686I ...").
var reMessageID = regexp.MustCompile(`^[A-Z]{3,8}\d{3,5}([EIW]):?\s`)

// genericWeight recognises crash shapes that name no specific cause.
func genericWeight(trimmed, lower []byte, sev int) int {
	msg := stripLevel(trimmed)
	switch {
	case bytes.HasPrefix(msg, []byte("panic: ")), bytes.HasPrefix(msg, []byte("fatal error: ")),
		bytes.HasPrefix(msg, []byte("Exception in thread ")), bytes.HasPrefix(msg, []byte("Unhandled exception")),
		bytes.HasPrefix(msg, []byte("Unhandled Exception")), bytes.HasPrefix(msg, []byte("Uncaught ")),
		bytes.HasPrefix(msg, []byte("Caused by: ")), bytes.Contains(lower, []byte("unhandledpromiserejection")),
		bytes.HasPrefix(msg, []byte("Error: ")), bytes.HasPrefix(msg, []byte("ERROR: ")), bytes.HasPrefix(msg, []byte("FATAL: ")),
		reException.Match(msg), reRubyError.Match(msg), reRustPanic.Match(msg), reNativeFrame.Match(msg),
		bytes.HasPrefix(msg, []byte("terminate called after throwing")), bytes.HasPrefix(msg, []byte("terminate called without an active exception")):
		return weightGeneric
	case sev == sevFatal && bytes.HasSuffix(bytes.TrimRight(lower, ". "), []byte("terminated unexpectedly")):
		// .NET's generic-host template ("[Fatal] Host terminated
		// unexpectedly"), logged above the exception that ended it.
		return weightMarker
	case sev == sevFatal && !bytes.Contains(lower, []byte("traceback")) && !reIssueTitle.Match(trimmed):
		return weightGeneric - 2
	case bytes.HasPrefix(msg, []byte("Traceback (most recent call last)")), bytes.HasPrefix(msg, []byte("goroutine 1 [")),
		bytes.Contains(lower, []byte("throw er;")), bytes.Contains(lower, []byte("npm err!")), bytes.Contains(lower, []byte("npm error")),
		bytes.Contains(lower, []byte("worker failed to boot")):
		return weightMarker
	}
	return 0
}

// quoteOthers adds to the evidence up to three more lines that may say
// what the best one does not: the strongest other line a rule recognised,
// the last error-looking line (where a program that logs its own fatal
// line last said why), and the first plain line whose words name the same
// kind of cause. In held-out public reports the explaining line was one of
// these about one time in thirteen.
func (s *logScanner) quoteOthers(ev []string, best *candidate, cat Category, redacted bool) ([]string, bool) {
	quoted := func(line string) bool {
		line = strings.TrimSpace(line)
		for _, e := range ev {
			if e = strings.TrimPrefix(e, "log: "); strings.Contains(e, line) || strings.Contains(line, strings.Trim(e, "…")) {
				return true
			}
		}
		return false
	}
	var alt *candidate
	for _, c := range s.second {
		if c.lineNo != best.lineNo && !quoted(c.line) && (alt == nil || c.score > alt.score) {
			alt = c
		}
	}
	others := []*candidate{alt}
	if e := s.lastError; e != nil && e.lineNo != best.lineNo && (alt == nil || alt.lineNo != e.lineNo) && !quoted(e.line) {
		others = append(others, e)
	}
	for _, c := range s.generics {
		if c.lineNo == best.lineNo || quoted(c.line) || slices.Contains(others, c) {
			continue
		}
		if lc, _ := lexicalCategory(c.msg); lc == cat {
			others = append(others, c)
			break
		}
	}
	if best.pat == nil {
		// A generic last error ("Failed to new daemon: failed t...") often
		// wraps the error logged just before it, which says what failed.
		var before *candidate
		for _, c := range s.generics {
			if c.lineNo < best.lineNo && c.lineNo >= best.lineNo-2 && !quoted(c.line) && !slices.Contains(others, c) {
				before = c
			}
		}
		if before != nil {
			others = append(others, before)
		}
	}
	for _, c := range others {
		if c == nil {
			continue
		}
		x, r := Redact(quote(c.line))
		ev = append(ev, "log: "+focus(x, c.pat, maxQuoteBytes))
		redacted = redacted || r
	}
	return ev, redacted
}

// causeJustBefore is a refused access or a failed allocation in the three
// lines before a configuration error or a plain error line: the program
// could not read what it needed ("cat: /etc/app/root.key: Permission
// denied") or had no memory to load it ("Can't allocate memory"), so what
// it then says about that thing ("FATAL: invalid secret key", "Malformed
// database") is the consequence.
func (s *logScanner) causeJustBefore(best *candidate) *candidate {
	if best == nil {
		return nil
	}
	// A Rust program that unwraps the error it was given stops on that
	// error ("panicked at src/main.rs:55:6: called `Result::unwrap()` on
	// an `Err` value: FlagdError(\"transport error\")"): the line before
	// that says what failed ("Failed to establish connection after 5
	// attempts") is the cause.
	unwrapped := (best.pat == nil || best.pat.cat == AppCrash) && reUnwrapErr.MatchString(best.line)
	if best.pat != nil && best.pat.cat != ConfigError && !unwrapped {
		return nil
	}
	for _, c := range s.second {
		if c.pat == nil || c.lineNo >= best.lineNo || c.lineNo < best.lineNo-3 {
			continue
		}
		if unwrapped {
			if c.pat.cat == DependencyUnavailable && c.pat.weight >= weightSpecific {
				return c
			}
			continue
		}
		if s.startedAt > c.lineNo && s.startedAt < best.lineNo && reShellStep.MatchString(strings.TrimSpace(c.msg)) {
			continue // the entrypoint's step, and the program started after it: a step it went on from (a sed on a read-only conf mount)
		}
		// (The reporter's own sentence before it, "we can't get the
		// model without permissions", is no refusal the program met.)
		if (c.pat.cat == PermissionDenied && c.pat.weight >= weightSpecific && !(c.sentence && reFirstPerson.MatchString(c.line))) || c.pat.id == "oom_generic" {
			return c
		}
	}
	return nil
}

// reFirstPerson is a sentence in the first person anywhere in it, in any
// case ("we can't get the model without permissions"): the reporter's, not
// the program's. (reProse reads only a line's capitalised opening.)
var reFirstPerson = regexp.MustCompile(`(?i)\b(?:i|we|i'm|we're|i've|we've|my|our)\b`)

// moduleTheSettingsRequire is the module missing from the image ("Error:
// Cannot find module 'moment'") on the lines just after a program's word
// that it could not load its settings file ("Error loading settings file:
// /data/settings.js"): the file is valid and requires what the build left
// out.
func (s *logScanner) moduleTheSettingsRequire(best *candidate) *candidate {
	if best == nil || best.pat == nil || best.pat.id != "settings_file_unreadable" {
		return nil
	}
	for _, c := range s.second {
		if c.pat != nil && c.pat.id == "module_missing" && c.lineNo > best.lineNo && c.lineNo <= best.lineNo+2 {
			return c
		}
	}
	return nil
}

// reUnwrapErr is a Rust panic on an error result it unwrapped.
var reUnwrapErr = regexp.MustCompile("(?:unwrap|expect)\\(\\)` on an `Err` value")

// whyCachesDidNotSync is the reason a controller's informers gave, before
// it gave up waiting for its caches to sync: an API server it cannot reach
// ("dial tcp 10.96.0.1:443: i/o timeout") or a list it is forbidden. The
// give-up line alone most often means a resource kind that is not
// installed, which is what it says when no reason came before it.
// whyDeadlinePassed is the certificate a client's retries kept refusing
// before its deadline passed: gRPC's "authentication handshake failed:
// ... x509: certificate signed by unknown authority" on each attempt, then
// the caller's fatal "context deadline exceeded" (kube-apiserver's storage
// factory to etcd). The deadline is how it ended; the certificate is why.
func (s *logScanner) whyDeadlinePassed(best *candidate) *candidate {
	if best == nil || best.pat == nil || best.pat.id != "timeout" || !strings.Contains(strings.ToLower(best.msg), "deadline exceeded") {
		return nil
	}
	for _, c := range s.second {
		if c.pat != nil && c.pat.id == "tls_cert" && c.lineNo < best.lineNo && c.lineNo >= best.lineNo-30 {
			return c
		}
	}
	return nil
}

func (s *logScanner) whyCachesDidNotSync(best *candidate) *candidate {
	if best == nil || best.pat == nil || best.pat.id != "cache_sync" {
		return nil
	}
	var why *candidate
	for _, c := range s.second {
		if c.pat == nil || c.lineNo >= best.lineNo || c.pat.weight < weightSpecific {
			continue
		}
		if c.pat.cat != DependencyUnavailable && c.pat.cat != PermissionDenied {
			continue
		}
		if why == nil || c.score > why.score {
			why = c
		}
	}
	return why
}

// wordsOutweigh reports a last error-looking line that is the reporter's
// sentence ("The liveness probes failing result in the pod getting
// killed") while their words name a kind of cause such sentences get
// right: then the words, not the sentence read as an error the program
// stopped on, say what happened. Measured on the corpus, probe, memory,
// finished-task and permission words won 18 reports this way and lost
// none; dependency words lost two of theirs, so they do not.
func (out *LogScan) wordsOutweigh(last *candidate) bool {
	if !out.topicNamed || !reporterSentence(bytes.TrimSpace([]byte(last.line))) {
		return false
	}
	switch out.topic {
	case LivenessProbe, OOMKilled, Completed, PermissionDenied, MissingConfigObject:
		return true
	}
	return false
}

// reporterSentence reports a line that reads as the reporter's sentence,
// not as a program's message quoted in their words: no logger's prefix, not
// a message wrapped whole in backticks, no escaped newlines, no error
// class ("SyntaxError:", "[Errno 21]"), no quoted token with a colon
// ("system:serviceaccount:ns:name").
func reporterSentence(t []byte) bool {
	if programLine(t) || bytes.Contains(t, []byte(`\n`)) {
		return false
	}
	if len(t) > 2 && t[0] == '`' && t[len(t)-1] == '`' && bytes.Count(t, []byte("`")) == 2 {
		return false
	}
	return !reProgramMessage.Match(t)
}

// reProgramMessage are the marks of a program's message inside a line.
var reProgramMessage = regexp.MustCompile(`\b[A-Z]\w*(?:Error|Exception)\b:|^(?:Error|ERROR|Fatal|FATAL|panic):|\[Errno \d+\]|"[^"\s]*:[^"\s]*"`)

// quoteSpans keeps the program's messages a reporter's sentence quotes in
// code spans, read only when no line of the log names a cause. (Not code:
// "throw new Error(`...`)", a template's "${...}".)
func (s *logScanner) quoteSpans(t []byte) {
	if !reporterSentence(t) && !bytes.Contains(t, []byte("` ")) {
		return
	}
	for _, loc := range reInlineCode.FindAllSubmatchIndex(t, -1) {
		if loc[0] > 0 && t[loc[0]-1] == '(' {
			continue
		}
		if span := bytes.TrimSpace(t[loc[2]:loc[3]]); len(span) >= 12 && quotedMessage(span) {
			s.quotedSpans = append(s.quotedSpans, bytes.Clone(span))
		}
	}
}

// reInlineCode is a Markdown code span inside a line.
var reInlineCode = regexp.MustCompile("`([^`\n]+)`")

// quotedMessage reports a code span that holds a program's message (an
// error's name and text, a shell's or the kubelet's "not found", a refused
// connection), not a command, a path or a setting's name.
func quotedMessage(span []byte) bool {
	if bytes.Contains(span, []byte("${")) {
		return false // a template in code
	}
	return reProgramMessage.Match(span) || reQuotedNotFound.Match(span) || bytes.Contains(span, []byte("ECONNREFUSED"))
}

// reQuotedNotFound is a shell's or the kubelet's "not found" for a
// command or an object ("sh: 1: pm2-runtime: not found", "configmap
// \"loki-runtime\" not found").
var reQuotedNotFound = regexp.MustCompile(`^(?:\S+: )?(?:\d+: )?(?:exec: )?[\w.-]+: not found$|\b(?:configmap|secret) "[\w.-]+" not found\b`)

// stopsOnError reports an error line that names no bug and is not a
// warning or a step the program recovers from: the line it most likely
// stopped on.
func stopsOnError(msg, lower string) bool {
	if reCrashWords.MatchString(lower) || reBugWords.MatchString(lower) || reRecovers.MatchString(lower) {
		return false
	}
	if reLowLevel.MatchString(lower) {
		return false
	}
	sev := severity([]byte(lower), []byte(msg))
	return sev != sevInfo && sev != sevWarn
}

// reLowLevel is a line that starts with a warning's or a notice's level.
var reLowLevel = regexp.MustCompile(`^\W{0,2}(?:warn|warning|info|debug|notice|trace)\b`)

// goesOn reports the words of a failure the program carries on after
// ("Continue without using it"). It runs on every line of a scan; the
// expression's gate keeps it to lines that have one of its words.
func goesOn(lower []byte) bool { return reGoesOn.Match(lower) }

// cleanupError reports an error a program logs while cleaning up
// (kube-proxy's "Error cleaning up nftables rules" when the other mode's
// tools are missing): a step it goes on from.
func cleanupError(lower []byte) bool {
	return reCleanupError.Match(lower)
}

// (Python's "Exception ignored in: <function X.__del__>" and "Exception
// ignored in atexit callback" head a finalizer's or exit hook's
// traceback, printed after the program's own end. A crash handler's
// dump script that cannot read the kernel's log, "dmesg: read kernel
// buffer failed", runs after the crash too.)
var reCleanupError = mustGate(`\berror (?:while )?cleaning up\b|^exception ignored in\b|^dmesg: read kernel buffer failed\b`)

// reTelemetryExport is a line about traces, metrics or spans a program
// could not send to its collector.
var reTelemetryExport = mustGate(`\btraces? export\b|\bfailed to (?:upload|export|send) (?:metrics|traces|spans|logs)\b|\bexporterror\b|\bspanprocessor\b|\bspan exporter\b|\bmetrics? exporter\b|\botlp\b.{0,60}\bexport|\bexport(?:ing)? (?:spans|traces|metrics)\b|\bstatsd\b|\bpush_?gateway\b|\bpush_to_gateway\b|\bflush(?:ing)? (?:the )?metrics\b|\bmetrics? (?:flush|push)\b`)

// reOptionalFailed is a failure of something the program calls optional,
// which it goes on without whatever the failure names ("could not reach
// optional graphite relay", Spring's "Could not locate PropertySource
// ([... optional = true ...]): ... Connection refused").
var reOptionalFailed = mustGate(`\b(?:could not|couldn't|cannot|can't|unable to|failed to) (?:reach|connect to|resolve|load|find|locate) (?:the |an |its )?optional\b|\bcould not locate propertysource\b.{0,200}\boptional = true\b`)

// reGoesOn are the words of a failure the program carries on after.
var reGoesOn = mustGate(`\boptional\W{1,3}continuing\b|\busing builtin-java classes where applicable\b|\bskip(?:ping)? it\b|\bcontinu(?:e|ing) without\b|\bcontinuing\s*(?:\.{3}|…)|\bproceeding without\b|\bwill continue\b|\bcontinuing anyway\b|\bfunctionality (?:is )?(?:unavailable|disabled)\b|\b(?:will be|is being|has been) disabled\b|\bkeeping \d+ cached\b|\busing (?:the )?cached\b`)

// reRecovers are the words of a line about a step the program goes on
// from.
var reRecovers = mustGate(`falling back|fall back|retrying|will retry|\bskipp(?:ing|ed)\b|\bignor(?:ing|ed)\b|downloading`)

// reNativeFrame is the first line of a native backtrace as a crash
// handler prints it ("#0  0x563e3021d38e in cb_flush() at out.c:144"): the
// program crashed, and the frame says where.
var reNativeFrame = regexp.MustCompile(`^#0\s+0x[0-9a-fA-F]+\s+in\s+\S`)

// reRustPanic is a Rust panic: "thread 'main' panicked at ...".
var reRustPanic = regexp.MustCompile(`^thread '[^']*' panicked at`)

// reRejectsChoice is a line that rejects a value it lists the choices for.
var reRejectsChoice = regexp.MustCompile(`invalid|unknown|unrecogni[sz]ed|unsupported|not (?:a )?valid|must be|should be|expected|failed|cannot|can't|not allowed`)

// levelWords are the names of log levels.
var levelWords = [][]byte{[]byte("trace"), []byte("debug"), []byte("info"), []byte("warn"), []byte("error"), []byte("fatal"), []byte("panic"), []byte("critical")}

// levelList reports a line that lists the log levels (a config file's
// comment, a flag's help): it names "error", "fatal" and "panic" as
// choices, not as something that happened. A line that rejects a level
// ("invalid log level \"verbose\": must be one of ...") is an error.
func levelList(lower []byte) bool {
	if !bytes.Contains(lower, []byte("debug")) || !bytes.Contains(lower, []byte("error")) || reRejectsChoice.Match(lower) {
		return false
	}
	n := 0
	for _, w := range levelWords {
		if bytes.Contains(lower, w) {
			n++
		}
	}
	return n >= 5
}

// isFrame reports stack-trace frames, which never explain a crash on their own.
func isFrame(t []byte, indented bool) bool {
	switch {
	case bytes.HasPrefix(t, []byte("at ")) && (indented || bytes.Contains(t, []byte("("))):
		return true
	case bytes.HasPrefix(t, []byte("...")) && bytes.HasSuffix(t, []byte("more")):
		return true
	case bytes.HasPrefix(t, []byte(`File "`)):
		return true
	case indented && bytes.Contains(t, []byte(".go:")) && bytes.Contains(t, []byte("+0x")):
		return true
	case bytes.HasPrefix(t, []byte("created by ")), bytes.Equal(t, []byte("^")):
		return true
	case reGoFrame.Match(t):
		return true // a function line of a goroutine dump
	case reGoFuncName.Match(t):
		return true // a function line of zap's stacktrace (no arguments)
	case reSourceLocation.Match(t):
		return true // "/usr/local/go/src/runtime/panic.go:522": a frame as apimachinery's runtime prints it
	case reRubyFrameEnd.Match(t):
		return true // "[error]: #0 /fluentd/plugins/filter.rb:38:in `configure'": a Ruby frame behind a log prefix
	case reHaskellCallStack.Match(t):
		return true // GHC's "CallStack (from HasCallStack):" and its "error, called at ..." lines
	}
	return false
}

// reSourceLocation is a line that is only a source file's path and line
// number (a frame without its function, as k8s.io/apimachinery's
// HandleCrash prints the stack after "Observed a panic").
var reSourceLocation = regexp.MustCompile(`^/\S+\.(?:go|rs|c|cc|cpp|py|rb|js|ts|java|kt):\d+$`)

// reRubyFrameEnd is a line that ends in a Ruby backtrace frame, whatever
// log prefix comes before it.
var reRubyFrameEnd = regexp.MustCompile("\\S\\.rb:\\d+:in [`'][^`']+'$")

// reHaskellCallStack is GHC's call stack under an error: its heading and
// each "error, called at src/X.hs:617:17 in pkg:Module" line.
var reHaskellCallStack = regexp.MustCompile(`^(?:CallStack \(from HasCallStack\):|[a-z_][\w']*, called at \S+\.hs:\d+:\d+ in \S+)$`)

// reGoFrame matches the function lines of a Go goroutine dump:
// "pkg/path.(*T).Method(0xc000123, 0x0)", "panic({0x16c2700, 0x29018a0})".
var reGoFrame = regexp.MustCompile(`^[\w./*()\[\]-]+\((?:0x[0-9a-f]+|\{[^}]*\}|\.\.\.|[0-9a-fx?, {}.]+)?\)$`)

// reGoFuncName is a fully qualified Go function as zap prints it in a
// stacktrace: "github.com/go-logr/zapr.(*zapLogger).Error".
var reGoFuncName = regexp.MustCompile(`^[a-z][\w.-]*(?:/[\w.-]+)+\.(?:\(\*?[\w\[\]., ]+\)\.)?[\w\[\].]+$`)

// advice reports a line that tells the reader what to do should
// something fail ("If this container fails to start due to permission
// problems try ...", "To fix it, run ..."): it names no failure itself.
func advice(t []byte) bool {
	for _, p := range []string{"If ", "if ", "To ", "Try ", "Please ", "Hint: ", "Note: "} {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}

// isTableRule reports a Markdown table's rule line ("---|---", "-- | --").
func isTableRule(t []byte) bool {
	return bytes.IndexByte(t, '|') >= 0 && bytes.IndexByte(t, '-') >= 0 && len(bytes.Trim(t, "-|: ")) == 0
}

// reBannerRule is a banner's rule that frames a message with its level
// ("********** ERROR **********", "===== FATAL =====").
var reBannerRule = regexp.MustCompile(`^[*=#~-]{3,} *(?i:error|fatal|warning|critical)!? *[*=#~-]{3,}$`)

// reSlowStep is a program's notice that a long step begins (a migration,
// a first-time setup): a log that ends on it was cut short.
// listensOn reports that another line of the paste (another container's
// log) listens on the loopback port line connects to: that container is
// the dependency, in the pod, not yet up.
func (s *logScanner) listensOn(line string) bool {
	for _, m := range reLoopback.FindAllStringSubmatch(line, -1) {
		for _, p := range s.loopListen {
			if m[1] == p {
				return true
			}
		}
	}
	return false
}

// speaksOfSidecar reports a lower-cased line about a sidecar or another
// container of the pod, or about Dapr, whose daprd is one.
func speaksOfSidecar(lower []byte) bool {
	if bytes.Contains(lower, []byte("car")) && reNotASidecar.Match(lower) {
		lower = reNotASidecar.ReplaceAll(lower, nil) // "postgres runs on its own, not as a sidecar"
	}
	for _, w := range []string{"sidecar", "side car", "dapr"} {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	if bytes.Contains(lower, []byte("pod=")) && rePodmanPod.Match(lower) {
		return true // a Quadlet unit in a podman pod ("Pod=messaging.pod"): the pod's other containers share its localhost
	}
	return bytes.Contains(lower, []byte("container")) && reOtherContainer.Match(lower)
}

// rePodmanPod is a Quadlet container unit's pod ("Pod=messaging.pod").
var rePodmanPod = regexp.MustCompile(`\bpod=[\w.-]+\.pod\b`)

// reNotASidecar is a sidecar the report rules out ("not as a sidecar",
// "No redis sidecar in the pod", Italian "nessun sidecar", German "kein
// Sidecar", Chinese "没有 redis sidecar", Japanese "sidecar なし", "the
// proxy sidecar isn't in the values yet"), kiwigrid's
// k8s-sidecar (it loads files, it serves nothing), or one the pod had
// before ("we moved from the redis sidecar to the bitnami
// chart", "the old pod had redis as a sidecar", "drop cloud-sql-proxy
// sidecar", "it used to run next to a cloud-sql-proxy sidecar").
var reNotASidecar = regexp.MustCompile(`\b(?:not|no|without|isn't|is not|nessun|kein(?:en)?|ohne|sin|sem|aucun|sans|pas de|geen|bez)\s+(?:as |in |via |through )?(?:an? )?(?:[\w-]+ )?side ?cars?\b` +
	`|\b(?:moved|migrated|switched) (?:away )?from (?:the |a |an |our |its )?(?:[\w-]+ )?side ?cars?\b|\b(?:removed?|drop(?:ped)?|got rid of) (?:the |a |an |our |its )?(?:[\w-]+ )?side ?cars?\b` +
	`|\b(?:old|previous|former) (?:pod|deployment|chart|setup|version)s? had (?:[\w-]+ )?as an? side ?car\b` +
	`|\bused to (?:run|sit|be deployed|be) (?:next to|with|beside|alongside) (?:the |a |an |our |its )?(?:[\w-]+ )?side ?cars?\b` +
	`|\bside ?cars? (?:isn't|is not|wasn't|was not|aren't|are not) (?:yet )?(?:in|part of|added|there|deployed|included)\b` +
	`|(?:没有|沒有|无|無|不是)\s*(?:[\w-]+\s*)?side ?cars?|\bside ?cars?\s*(?:なし|はない|はありません|없)` +
	`|\bk8s-sidecar\b`)

// reOtherContainer is the report speaking of another container of the pod
// ("the proxy container", "both containers"): a refused localhost is then
// that container, not yet listening.
var reOtherContainer = regexp.MustCompile(`\b(?:proxy|sidecar|envoy|gateway|another|other|second|both)\s+containers?\b`)

var reSlowStep = regexp.MustCompile(`\bplease be patient\b|\bcan take (?:several|a few) minutes\b|\bmay take (?:a while|several minutes|a few minutes|some time)\b|\bthis (?:can|could|might|will) take (?:a while|some time)\b`)

var slowStepPattern = pat("slow_step_cut", LivenessProbe, weightSpecific-3, "The log stops as a long first-start step begins (setup, a migration): the container was killed before it could finish, most often by a liveness probe that starts too early. Give it a startupProbe (or a longer initialDelaySeconds) that covers the step.")

// escapedQuote is a double quote escaped inside a JSON string.
var escapedQuote = []byte(`\"`)

// reRefersBack is a final line that only points at the errors before it
// (a package manager's "ELIFECYCLE Command failed with exit code 1" after
// the program's own error; client-go's "failed to sync *v1.Ingress:
// context deadline exceeded" after the reflector's errors that say why;
// WordPress's "There has been a critical error on this website" after PHP's
// fatal error).
var reRefersBack = regexp.MustCompile(`\bthere has been a critical error on this website\b|\bfailed to parse/validate config\b|\berror\(s\) found in configuration\b|\bfatal errors found in configuration\b|\bdue to (?:the |previous |above |these |those )?(?:\w+ )?errors?\b|\b(?:errors?|warnings?) (?:reported |listed |shown )?above\b|\bsee (?:the )?(?:above|previous) (?:errors?|logs?|messages?)\b|\baborting due to (?:previous |above )?errors?\b|(?:^|[\]:] )(?:aborting|exiting|shutting down)\.?$|\belifecycle\b.{0,40}\bcommand failed\b|^npm err(?:!|or) (?:code|errno|path|command|signal|lifecycle)\b|^error command failed with exit code \d+\.?$|\bfailed to (?:sync|wait for) (?:\S+ )?(?:caches?|informers?|\*[\w.]+)(?: to sync)?: (?:context deadline exceeded|timed out waiting for the condition)|\btimed out waiting for caches? to sync\b`)

// reNoError says there was no error ("without error", "no errors", "0
// errors", a JSON reply's `"failures":[]` or `"timed_out":false`);
// reErrorWord is any other mention of one.
var (
	reNoError   = regexp.MustCompile(`\b(?:without (?:an? |any )?|no |0 )(?:errors?|failures?)\b|\bthere were 0 fatal exceptions\b|(?:^|[\s,;(])(?:0 failed\b|(?:errors?|failures?|failed)[:=] ?0\b)|"(?:errors?|failures?|failed|timed_out)":\s*(?:\[\]|false|0\b)`)
	reErrorWord = regexp.MustCompile(`\berrors?\b|\bfail|\bfatal\b|\bexception\b|\bpanic\b`)
)

// handledEntry reports a line of a Java exception (its class, a frame, a
// "Caused by:") under a log entry whose head is at DEBUG, or at WARN with
// words that the program goes on: loggers print a handled exception under
// the message that reports it ("WARN ... SkipListener : Skipping line
// 18233", "DEBUG ... cache miss, refetching"). It follows each line's head
// to know.
//
// It also returns the severity of an ERROR or FATAL head above such a
// line: the exception is the entry's detail ("ERROR ... fatal: cannot open
// index", then "java.nio.file.AccessDeniedException: /data/index/write.lock"),
// as severe as its head.
func (s *logScanner) handledEntry(t []byte, sev int) (handled bool, headSev int) {
	if s.inEntry && reJavaContinuation.Match(t) && (s.quietChain || !bytes.HasPrefix(t, []byte("Caused by: "))) {
		s.quietChain = true // (a chain starts with its exception or a frame, not a "Caused by:")
		if s.headSev < sevError {
			return true, sevInfo
		}
		return false, s.headSev
	}
	s.inEntry, s.quietChain = false, false
	if m := reEntryLevel.FindSubmatch(t); m != nil {
		s.inEntry = true
		switch string(m[1]) {
		case "ERROR":
			s.headSev = max(sev, sevError)
		case "FATAL":
			s.headSev = sevFatal
		case "WARN", "WARNING":
			// A warning is a handled failure only when it says so
			// ("Skipped line 10442"): servers log failing to start at
			// WARN too (Jetty's "Failed to start web server... shutting
			// down", then the BindException).
			s.inEntry = reGoesOnWarn.Match(t)
			s.headSev = sevWarn
		case "DEBUG", "TRACE":
			s.headSev = sevInfo
		default:
			// (An exception pasted under an INFO line is often one whose
			// ERROR line was cut, or that a logger printed on its own.)
			s.inEntry = false
		}
	}
	return false, sevInfo
}

// reGoesOnWarn is a warning's words that the program went on past the
// failure it reports.
var reGoesOnWarn = regexp.MustCompile(`(?i)\bskip(?:ped|ping)?\b|\bretry(?:ing)?\b|\bwill retry\b|\bignor(?:e|ed|ing)\b|\bcontinu(?:e|ing)\b|\bfalling back\b`)

// reEntryLevel is a Java or Python logger's entry head: an upper-case
// level, after its time when the time is still there ("2024-05-22
// 03:14:01.002 DEBUG [main] ...").
var reEntryLevel = regexp.MustCompile(`^(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\S*\]?\s+)?\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\]?\s`)

// reJavaContinuation is a line of a Java exception below its entry's head.
var reJavaContinuation = regexp.MustCompile(`^(?:at [\w$.<>/-]+\(|Caused by: |\.\.\. \d+ (?:more|common frames omitted)\b|(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)(?::|$))`)

// reLinkOnly is a line that is only a link: Markdown's "[error.txt](URL)"
// (an attachment) or a bare URL.
var reLinkOnly = regexp.MustCompile(`^!?\[[^\]]*\]\(\S+\)\W{0,2}$|^<?https?://\S+>?$`)

// markdownHeading reports a short Markdown heading of level two or more,
// as issue templates ask their questions ("## Logs", "### Exceptions (if
// any)"); a longer one may state the cause in the reporter's words. A
// single "# " is not one: the JVM's fatal error report starts its lines
// with it.
func markdownHeading(t []byte) bool {
	if len(t) < 4 || t[0] != '#' || t[1] != '#' {
		return false
	}
	rest := bytes.TrimLeft(t, "#")
	return len(t)-len(rest) <= 6 && len(rest) > 1 && rest[0] == ' ' && bytes.Count(bytes.TrimSpace(rest), []byte(" ")) < 5
}

// formChoice reports an issue form's answer that only points below ("Other
// Airflow 3 version (please specify below)"): the form's words, not an
// error.
func formChoice(lower []byte) bool {
	return bytes.HasSuffix(bytes.TrimSpace(lower), []byte("(please specify below)"))
}

// trimKubectlPrefix removes the "[pod/NAME/CONTAINER] " that `kubectl logs
// --prefix` (often with --all-containers) puts before each line.
func trimKubectlPrefix(raw []byte) []byte {
	if len(raw) < 8 || raw[0] != '[' || !bytes.HasPrefix(raw, []byte("[pod/")) {
		return raw
	}
	i := bytes.IndexByte(raw, ']')
	if i < 0 || i > 300 || bytes.Count(raw[:i], []byte("/")) != 2 {
		return raw
	}
	if i+1 == len(raw) {
		return raw[i+1:] // an empty line
	}
	if raw[i+1] != ' ' {
		return raw
	}
	return raw[i+2:]
}

// trimHclogValuePrefix removes the "  | " hclog (Vault, Consul, Nomad,
// Terraform) puts before each line of a multi-line value ("error=", then
// "  | Error making API request.", "  |", "  | Code: 403. Errors:"), so
// the value reads as the lines it holds. A Markdown table's row (another
// " | " further on) keeps it.
func trimHclogValuePrefix(raw []byte) []byte {
	i := leadingBlanks(raw)
	if i == 0 || i > 4 || i >= len(raw) || raw[i] != '|' {
		return raw
	}
	rest := raw[i+1:]
	if len(rest) == 0 {
		return rest
	}
	if rest[0] != ' ' || bytes.Contains(rest, []byte(" | ")) {
		return raw
	}
	return rest[1:]
}

// reSternPrefix is the pod's name that stern and kubetail print before
// each line of its log ("ngrok-operator-manager-659bdbfdbb-jpr7l "): a
// name ending in the five characters Kubernetes draws a pod's suffix from.
var reSternPrefix = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?-[bcdfghjklmnpqrstvwxz2456789]{5} `)

// trimSternPrefix strips that name, keeping the line's own indentation;
// a `kubectl get pods` row (READY column next) keeps it.
func (s *logScanner) trimSternPrefix(raw []byte) []byte {
	if i := bytes.IndexByte(raw, ' '); i < 7 || raw[i-6] != '-' {
		return raw // no "-xxxxx " before the first space: not a pod's name (most lines)
	}
	m := reSternPrefix.Find(raw)
	if m == nil {
		return raw
	}
	rest := raw[len(m):]
	s.learnSternContainer(rest)
	containers := s.sternContainers
	if t := bytes.TrimLeft(rest, " "); len(t) == 0 || reReadyColumn.Match(t) {
		return raw
	}
	// stern prints the container's name next ("catalog-7f9c8d6b5-mx2lq
	// catalog sh: 1: exec: ..."): a word the pod's name starts with.
	// Or one of the containers stern's header lines named.
	if i := bytes.IndexByte(rest, ' '); i > 0 && i+1 < len(rest) && (bytes.HasPrefix(m, append(rest[:i:i], '-')) ||
		slices.ContainsFunc(containers, func(c []byte) bool { return bytes.Equal(c, rest[:i]) })) {
		return rest[i+1:]
	}
	return rest
}

// learnSternContainer counts the word after a pod's name (rest is what
// follows the name): stern without its header lines
// ("partner-dashboard-6d5c8b7f9-mt8kq web sh: 1: next: not found") puts
// the container's name there on every line; a word seen there three times
// is one.
func (s *logScanner) learnSternContainer(rest []byte) {
	if len(s.sternContainers) >= 8 {
		return
	}
	w := reSternWord.Find(rest)
	if w == nil {
		return
	}
	name := string(w[:len(w)-1])
	if strings.HasSuffix(name, "ing") || strings.HasSuffix(name, "ed") || slices.ContainsFunc(s.sternContainers, func(c []byte) bool { return string(c) == name }) {
		return // a verb the program's lines start with ("starting", "connected")
	}
	if s.sternSeen == nil {
		s.sternSeen = map[string]int{}
	}
	if s.sternSeen[name]++; s.sternSeen[name] >= 3 && len(s.sternSeen) <= 16 {
		s.sternContainers = append(s.sternContainers, []byte(name))
	}
}

// reSternWord is a container's name followed by a space.
var reSternWord = regexp.MustCompile(`^[a-z][a-z0-9-]{0,62} `)

// sternHeader returns the container a stern header line names, or nil
// (a cheap test first: most lines start otherwise).
func sternHeader(raw []byte) []byte {
	if len(raw) < 6 || raw[1] != ' ' || raw[0] != '+' && raw[0] != '-' {
		return nil
	}
	if m := reSternHeader.FindSubmatch(raw); m != nil {
		return m[1]
	}
	return nil
}

// reSternHeader is stern's line as it starts ("+") or stops ("-")
// following a container: "+ report-worker-8d7c6b5f9-jj4tz › worker".
var reSternHeader = regexp.MustCompile(`^[+-] [a-z0-9][a-z0-9.-]* › ([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\s*$`)

// reWorkerPrefix is what a workflow's or a training job's tool puts
// before each line of a worker's log: the step pod's name `argo logs`
// prints ("nightly-rollup-1736805600-aggregate-1120466871: ", a name
// ending in the number Argo draws a step's pod from), then the rank
// torchrun and DeepSpeed print ("[rank0]: ", "[default0]:").
var reWorkerPrefix = regexp.MustCompile(`^(?:[a-z0-9][a-z0-9.-]*-\d{6,}: )?(?:\[(?:rank|default)\d{1,4}\]:\s?)?`)

// trimWorkerPrefix removes a workflow step's pod name and a distributed
// worker's rank before the line.
func trimWorkerPrefix(raw []byte) []byte {
	if len(raw) < 8 || !(raw[0] == '[' || raw[0] >= '0' && raw[0] <= '9' || raw[0] >= 'a' && raw[0] <= 'z') {
		return raw
	}
	return raw[len(reWorkerPrefix.Find(raw)):]
}

// reReadyColumn is the READY column of a `kubectl get pods` row.
var reReadyColumn = regexp.MustCompile(`^\d+/\d+\s`)

// reSocketLocalEnd is the local end of a socket pair Go prints ("udp
// 127.0.0.1:49122->").
var reSocketLocalEnd = regexp.MustCompile(`[\w.:\[\]]+:\d+->`)

// rePlatformExit is a platform's record that the container's process exited
// by itself: Cloud Run's "Container called exit(1).", App Runner's
// "Container exit code: 1", Fly.io's "Main child exited normally with
// code: 1".
var rePlatformExit = mustGate(`\bcontainer called exit\(\d+\)|\bcontainer exit code: \d+|\bmain child exited (?:normally )?with code: \d+`)

// reShellStep is a line of a shell utility an entrypoint runs ("sed:
// couldn't open temporary file ...: Read-only file system").
var reShellStep = regexp.MustCompile(`^(?:sed|cp|mv|ln|chmod|chown|mkdir|touch|rm|tee|install|envsubst): `)

// reLevelTraceback is a traceback's first line under a logger's level
// (uvicorn's "ERROR:    Traceback (most recent call last):").
var reLevelTraceback = regexp.MustCompile(`^(?:ERROR|CRITICAL|FATAL|Error|error):\s+Traceback \(most recent call last\)`)

// dockerJSONFileLine returns the line a record of Docker's json-file log
// holds ({"log":"/bin/sh: 1: exec: node: not found\n","stream":"stderr",
// ...}, pasted from /var/lib/docker/containers), or raw as it is.
func dockerJSONFileLine(raw []byte) []byte {
	if len(raw) < 12 || raw[0] != '{' || !bytes.HasPrefix(raw, []byte(`{"log":"`)) {
		return raw
	}
	var rec struct {
		Log string `json:"log"`
	}
	if json.Unmarshal(bytes.TrimSpace(raw), &rec) != nil || strings.TrimSpace(rec.Log) == "" {
		return raw
	}
	return []byte(strings.TrimRight(rec.Log, "\r\n"))
}

// reComposePrefix is Docker Compose's prefix of a service's log line
// ("web_1      | ", "example-apps-java-1  | "), also indented as a
// Markdown code block, Swarm's task and node before a service's log
// ("pay_ledger.1.q2w3e4r5t6y7@node-2    | ") and Tilt's resource before
// its log's lines ("codegen │ "); a blank line of the log keeps only the
// prefix ("web_1             |").
var reComposePrefix = regexp.MustCompile(`^[ \t]*[a-zA-Z0-9][\w.-]*(?:@[\w.-]+)?\s+(?:\||│)(?: |$)`)

// reProse is a line in a reporter's words pasted with the log ("I
// checked the logs ...", "Now I'm getting ..."): programs do not write in
// the first person.
var reProse = regexp.MustCompile(`^(?:I|I'm|I've|I'd|We|We're|We've|My|Our|Hi|Hello|Thanks|Thank you|Any idea|Can (?:you|someone|anyone)|Could (?:you|someone|anyone)|How (?:can|do|to)|What|Why|Is there|It seems|It looks)\b|(?:^|[\s,;(])I(?:'m|'ve|'d)?\s`)

// reServerStart is a line in which a server says it starts or serves: its
// log ending quietly says it was stopped, not that it finished its work.
var reServerStart = regexp.MustCompile(`(?i)\b(?:starting (?:the )?[\w-]+|started [\w-]+|launching (?:a |the )?[\w-]+|listening (?:on|at)|server (?:started|listening|is running)|running on|booting|initiali[sz]ing [\w-]+|welcome to the)\b`)

// mayStartServer is a cheap test before reServerStart.
func mayStartServer(lower []byte) bool {
	for _, w := range []string{"start", "launch", "listen", "running", "boot", "initiali", "welcome"} {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// mayBeProse is a cheap test before reProse: the line starts with a
// capital letter, or holds a lone "I".
func mayBeProse(t []byte) bool {
	return (len(t) > 0 && t[0] >= 'A' && t[0] <= 'Z') || bytes.Contains(t, []byte("I ")) || bytes.Contains(t, []byte("I'"))
}

// reportersWords reports a line of the reporter's prose after a log:
// their first person ("I have built it locally"), or a sentence of six
// words or more that reads as theirs and is not a progress line
// ("Recompiling assets, this could take a while...").
func reportersWords(t []byte) bool {
	if mayBeProse(t) && reProse.Match(t) {
		return true
	}
	if bytes.HasSuffix(t, []byte("...")) || bytes.HasSuffix(t, []byte("…")) {
		return false
	}
	return bytes.Count(t, []byte(" ")) >= 5 && reporterSentence(t)
}

// loopSymptom reports a line that only says the container is crash
// looping (the kubelet's back-off, a reporter's "CrashLoopBackOff"):
// it names no cause.
func loopSymptom(lower []byte) bool {
	for _, w := range []string{"crashloopbackoff", "crashloopback", "crashloop backoff", "crash loop", "back-off restarting", "backoff restarting", "restarting failed container", "is restarting, wait until"} {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// reExistsGoesOn is a program saying what it found already there and what
// it does instead (MLflow's "Registered model 'churn' already exists.
// Creating a new version of this model...", "already exists, skipping").
var reExistsGoesOn = regexp.MustCompile(`already exists[.,;:]? *(?:creating a new version|skipping|reusing|using (?:the )?existing)`)

// reExitingZero is a program saying it exits with status 0.
var reExitingZero = regexp.MustCompile(`exiting with (?:exit )?(?:status|code) 0\b`)

// namesNoFailure are words that hold a failure word but name none: the
// kernel's count of a cgroup's limit hits ("failcnt"), Spark's
// "DAGScheduler: Submitting 2 missing tasks" (the stage's tasks to run),
// Hadoop's "DefaultNoHARMFailoverProxyProvider: Connecting to
// ResourceManager" (a class name).
var namesNoFailure = [][]byte{[]byte("failcnt"), []byte("missing tasks"), []byte("failover")}

// looksLikeError reports wording typical of a final error message,
// including a program's plain statement of what its configuration lacks
// ("at least one bucket name must be specified").
func looksLikeError(lower []byte) bool {
	if reSpecKey.Match(lower) {
		return false // a spec's key and value ("failureThreshold: 3"), pasted with the log
	}
	if bytes.Contains(lower, []byte("flag: --")) && reFlagDump.Match(lower) {
		return false // a flag's value printed at start ("FLAG: --log_output_level=\"default:error\"")
	}
	if reNoError.Match(lower) {
		lower = reNoError.ReplaceAll(lower, nil) // "completes without error" says none
	}
	if bytes.Contains(lower, []byte("exiting with")) {
		lower = reExitingZero.ReplaceAll(lower, nil) // "all done, exiting with status 0": no failure
	}
	if bytes.Contains(lower, []byte("already exists")) {
		lower = reExistsGoesOn.ReplaceAll(lower, nil) // "already exists. Creating a new version of this model...": it goes on
	}
	for _, w := range namesNoFailure {
		if bytes.Contains(lower, w) {
			lower = bytes.ReplaceAll(lower, w, nil)
		}
	}
	for _, w := range []string{"error", "fail", "fatal", "cannot", "can't", "unable", "invalid", "refused", "denied", "not found", "missing", "exiting with", "abort",
		"must be ", "is required", "are required", "not specified", "not configured", "not allowed", "no such", "not valid", "not supported", "unsupported", "does not exist", "doesn't exist", "already exists", "timed out", "no write permission", "please configure", "please specify"} {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// reManifestSetting is an indented line of a pasted manifest: a key and
// its value with a comment after them.
var reManifestSetting = regexp.MustCompile(`^[ \t]+(?:- )?[A-Za-z_][\w.-]*:[ \t]+[^#\s][^#]*?[ \t]#[ \t]`)

// reSpecKey is a YAML or JSON key of a Kubernetes spec with a scalar value
// ("failureThreshold: 3", "failurePolicy: Ignore", "\"restartPolicy\":
// \"OnFailure\","): a camelCase key, matched on the lower-cased line by
// the words such keys are made of.
// reEmptyErrorField is a structure's error field with nothing in it
// (`"Error": "",` in docker inspect's State, "error: null"): no error.
var reEmptyErrorField = regexp.MustCompile(`^\s*"?(?:error|err|errors|errormessage|error_message|lasterror|last_error)"?\s*[:=]\s*(?:""|''|null|nil|none|\[\]|\{\}|<nil>|<none>)\s*,?\s*$`)

// emptyErrorField reports a line that is only an empty error field.
func emptyErrorField(lower []byte) bool {
	return bytes.Contains(lower, []byte("err")) && reEmptyErrorField.Match(lower)
}

var reSpecKey = regexp.MustCompile(`^\s*-?\s*"?(?:failure(?:threshold|policy)|restartpolicy|terminationmessage(?:path|policy)|imagepullpolicy|backofflimit|failedjobshistorylimit|successthreshold|timeoutseconds|periodseconds|initialdelayseconds)"?\s*:\s*"?[\w./-]*"?,?\s*$`)

// reTracebackPrefix is a Python logger's prefix (vLLM's "ERROR 05-27
// 14:02:11 [core.py:489] ", with its worker's name before it) that a
// program puts before every line of a traceback it logs, and
// reTracebackPart the part of a traceback after it: the traceback's
// head, a frame or its source (indented), the exception at its end.
var (
	reTracebackPrefix = regexp.MustCompile(`^(?:\(\w+[^)]{0,40}\) )?(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL) \d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \[?[\w.-]+\.py:\d+\] `)
	reTracebackPart   = regexp.MustCompile(`^(?:\s|Traceback \(most recent call last\)|[A-Za-z_][\w.]*(?:Error|Exception)\b)`)
)

// reStructlogLevel is structlog's padded level ("[info     ] ") and
// reTrailingKeyValues the key=value pairs it puts after the event.
var (
	reStructlogLevel    = regexp.MustCompile(`^\[(?:debug|info|warning|error|critical)\s*\] `)
	reTrailingKeyValues = regexp.MustCompile(`(?:\s+[a-z_]+=\S*)+$`)
)

// stripLeadingTime removes a leading RFC 3339 or ISO date and time and what
// log stores put after it (a CRI stream, Heroku's dyno, Loki's labels); ok
// is false when the line opens with no such time.
func stripLeadingTime(b []byte) (_ []byte, ok bool) {
	if len(b) < 20 || !isDigits(b[0:4]) || b[4] != '-' || b[7] != '-' || (b[10] != 'T' && b[10] != ' ') || b[13] != ':' {
		return b, false
	}
	if e := clockEnd(b, 11); e-11 >= 8 && e < len(b) && isLetter(b[e]) {
		// A log store that glued the line to its time
		// ("...14:51:30.508058+00:00Config: ...").
		b = b[e:]
	} else if i := bytes.IndexAny(b[11:], " \t"); i >= 0 {
		// A space, or the tab of a log viewer's copy (Grafana Explore); a
		// stack's frame keeps the tab it is indented with.
		b = bytes.TrimLeft(b[11+i+1:], " ")
	}
	for _, p := range []string{"stdout F ", "stderr F ", "stdout P ", "stderr P ", "| stdout | ", "| stderr | "} {
		b = bytes.TrimPrefix(b, []byte(p))
	}
	// Heroku's log names the dyno after the time: "app[web.1]: <line>",
	// "heroku[worker.1]: <line>".
	if len(b) > 8 && (b[0] == 'a' || b[0] == 'h') {
		if i := bytes.Index(b, []byte("]: ")); i > 4 && i < 40 && (bytes.HasPrefix(b, []byte("app[")) || bytes.HasPrefix(b, []byte("heroku["))) {
			b = b[i+3:]
		}
	}
	// Loki's logcli prints the stream's labels after the time:
	// `{container="api", pod="api-7d9f"} <line>`.
	if len(b) > 4 && b[0] == '{' && b[1] != '"' {
		if i := bytes.Index(b, []byte("} ")); i > 0 && bytes.Contains(b[:i], []byte(`="`)) {
			b = b[i+2:]
		}
	}
	return b, true
}

// stripPrefixes removes what log tools and loggers put before a line's
// message: RFC 3339 timestamps (kubectl's above an app's own), a CRI log
// prefix ("stdout F "), a CSV export's other columns, Kibana's time and
// name columns, Go's log date ("2006/01/02 15:04:05 ") and the like.
func stripPrefixes(b []byte) []byte {
	// A traceback a Python logger logged line by line is read as the
	// traceback (its last line, the exception, explains); its other lines
	// keep their level.
	if len(b) > 20 && b[0] >= '(' && b[0] <= 'W' {
		if m := reTracebackPrefix.Find(b); m != nil && reTracebackPart.Match(b[len(m):]) {
			b = b[len(m):]
		}
	}
	// A log pasted as a Markdown or e-mail quote.
	if len(b) > 1 && b[0] == '>' && (b[1] == ' ' || b[1] == '\t') {
		b = bytes.TrimLeft(b[1:], " \t")
	}
	// A line a reporter set as inline code: "`/entrypoint.sh: exec: gosu: not found`".
	if t := bytes.TrimSpace(b); len(t) > 2 && t[0] == '`' && t[1] != '`' && t[len(t)-1] == '`' && bytes.IndexByte(t[1:len(t)-1], '`') < 0 {
		b = t[1 : len(t)-1]
	}
	// A log search's CSV export (Datadog, CloudWatch, Loki): the time in
	// the first column, the message in another.
	if len(b) > 24 && (isDigits(b[0:4]) && b[4] == '-' || b[0] == '"' && isDigits(b[1:5]) && b[5] == '-') && reCSVTime.Match(b) {
		b = csvLogMessage(b)
	}
	// `kubectl logs --timestamps` (or a node's CRI file) puts its own time
	// before an app's line that opens with the app's time: both go.
	for range 2 {
		var ok bool
		if b, ok = stripLeadingTime(b); !ok {
			break
		}
	}
	b = bytes.TrimPrefix(b, glogEarlyNotice)
	// structlog's console renderer (Meltano) logs a traceback line by line
	// as "[info     ] <line> key=value ...": the traceback is read.
	if len(b) > 12 && b[0] == '[' {
		if m := reStructlogLevel.Find(b); m != nil && reTracebackPart.Match(b[len(m):]) {
			b = reTrailingKeyValues.ReplaceAll(b[len(m):], nil)
		}
	}
	// ROS 2 launch names a node's process before each line it prints:
	// "[mission_bridge-1] <line>".
	if len(b) > 6 && b[0] == '[' {
		if m := reROSLaunchPrefix.Find(b); m != nil {
			b = b[len(m):]
		}
	}
	if len(b) >= 20 && isDigits(b[0:4]) && b[4] == '/' && b[7] == '/' && b[10] == ' ' && b[13] == ':' {
		if i := bytes.IndexByte(b[11:], ' '); i >= 0 {
			b = b[11+i+1:]
		}
	}
	// jlesage's baseimage-gui names the step in padded brackets, and an
	// init script by its file: "[cont-init   ] 10-init-users.sh: <line>".
	if len(b) > 15 && b[0] == '[' && b[13] == ']' && b[14] == ' ' && reJlesageStep.Match(b[:14]) {
		b = b[15:]
		if i := bytes.Index(b, []byte(".sh: ")); i > 0 && i < 48 && bytes.IndexByte(b[:i], ' ') < 0 {
			b = b[i+5:]
		}
	}
	// Kibana's Discover copies a row's time, then its other columns with
	// tabs between them: "Jan 15, 2025 @ 09:12:40.228<TAB>notify-svc-54c8d7b6f9-w8m2r<TAB>notify<TAB><line>".
	if len(b) > 24 && b[0] >= 'A' && b[0] <= 'Z' && bytes.Contains(b[:min(len(b), 26)], []byte(" @ ")) {
		if m := reKibanaTime.Find(b); m != nil {
			b = skipNameColumns(b[len(m):])
		}
	}
	// Splunk's events table: "3/14/25 10:45:12.008 AM    <line>".
	if len(b) > 20 && b[0] >= '0' && b[0] <= '9' && (b[1] == '/' || b[2] == '/') {
		if m := reSplunkTime.Find(b); m != nil {
			b = b[len(m):]
		}
	}
	// osixia's light-baseimage: "***  ERROR  | <time> | <line>".
	if len(b) > 12 && b[0] == '*' && b[1] == '*' && b[2] == '*' && b[3] == ' ' {
		if t := bytes.TrimLeft(b[3:], " "); reLevelPipe.Match(t) {
			b = t
		}
	}
	// Log viewers (Rancher, Lens) export "<time> | <line>"; Portainer's
	// has the stream too: "<time> | stdout | <line>".
	if i := bytes.Index(b, []byte(" | ")); i > 0 && i < 48 && reViewerTime.Match(b[:i]) {
		b = b[i+3:]
		for _, stream := range []string{"stdout | ", "stderr | "} {
			b = bytes.TrimPrefix(b, []byte(stream))
		}
	}
	return b
}

// reROSLaunchPrefix is the name ROS 2 launch gives a node's process.
var reROSLaunchPrefix = regexp.MustCompile(`^\[[a-z][a-z0-9_]*-\d+\] `)

// clockEnd returns the end of a time of day starting at b[i]
// ("14:51:30.508058+00:00", "14:51:30Z"): digits, colons and a fraction,
// then a zone.
func clockEnd(b []byte, i int) int {
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] == ':' || b[i] == '.' || b[i] == ',') {
		i++
	}
	if i < len(b) && b[i] == 'Z' {
		return i + 1
	}
	if i+6 <= len(b) && (b[i] == '+' || b[i] == '-') && isDigits(b[i+1:i+3]) && b[i+3] == ':' && isDigits(b[i+4:i+6]) {
		return i + 6
	}
	return i
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// lexicalCategory reads the category of an error line no pattern knows
// by the words it uses: a refused or timed-out connection, a denied
// access, a rejected setting. A bug's crash (a panic, a null dereference,
// an index out of range) keeps AppCrash.
func lexicalCategory(line string) (Category, string) {
	// snake_case atoms and identifiers ("failed_to_prepare_configuration")
	// read as words.
	l := strings.ReplaceAll(strings.ToLower(line), "_", " ")
	l = reConfigName.ReplaceAllString(l, "NAME")
	// EAGAIN names a limit of this host or container (processes, AIO
	// requests), not a service that is down.
	l = strings.ReplaceAll(l, "resource temporarily unavailable", "resource limit reached")
	// A watchdog's "error rate limit" is its own threshold of failures,
	// not a service's rate limit.
	l = strings.ReplaceAll(l, "error rate limit", "error threshold")
	// A feature "not available in operator LTS 0.68.x" is missing from a
	// version, not a service that is down.
	l = reNotInVersion.ReplaceAllString(l, "not supported in")
	// A database that is read-only (a replica, a database set so) is the
	// state of the server, not a filesystem's permission.
	l = reDatabaseReadOnly.ReplaceAllString(l, "database refuses writes")
	// The value a parser refused is data, not the log's own word
	// (strconv's `parsing "unavailable": invalid syntax`).
	l = reParsedValue.ReplaceAllString(l, "parsing VALUE")
	if reCrashWords.MatchString(l) {
		return Unknown, ""
	}
	switch {
	case reCPUWords.MatchString(l):
		return ExecFormat, hintSigill
	case reDependWords.MatchString(l) && !strings.Contains(l, "sqlite"):
		// (SQLite is a file in the process, never a server it connects
		// to: "Unable to connect to the database: SQLITE_ERROR: ...".)
		return DependencyUnavailable, hintDepend
	case reLoginDenied.MatchString(l):
		return ConfigError, hintAuth // a login refused: its credentials, not a file's permissions
	case rePermWords.MatchString(l):
		return PermissionDenied, hintPerm
	case reConfigWords.MatchString(l):
		return ConfigError, hintParse
	}
	return Unknown, ""
}

// reDatabaseReadOnly is a database said to be read-only ("because the
// database is read-only", "cannot execute UPDATE in a read-only
// transaction", MySQL's "running with the --read-only option").
var reDatabaseReadOnly = regexp.MustCompile(`\b(?:the )?(?:database|db|server|replica) is (?:in )?read[- ]only(?: mode)?\b|\bread-only transaction\b|--(?:super-)?read-only option\b`)

// reNotInVersion is a feature said to be missing from a version ("not
// available in operator LTS 0.68.x", "not available before v2").
var reNotInVersion = regexp.MustCompile(`\bnot available (?:in|before|until|prior to) (?:[a-z]+ ){0,3}(?:v?\d|version\b|release\b)`)

var (
	// reBugWords are the words of an error line that speak of a bug
	// rather than of what the program was given.
	reBugWords    = mustGate(`\bpanic|uncaught|unhandled|typeerror|referenceerror|keyerror|indexerror|nameerror|closed channel|\bbug\b|terminate called|backtrace|^#\d+ +0x|\bfatal error:|relocation error|fatal library error|\b(?:php|python|java|node|javascript|ruby|rust) (?:error|exception|fatal)|\bimage (?:is )?missing (?:the |a |an )?(?:[\w.-]+ )?(?:python |pip |npm )?(?:dependency|dependencies|module|library|package)\b`)
	reCPUWords    = mustGate(`\bunsupported cpu\b|\bcpu (?:instruction|flag)s?\b|\binstruction sets?\b|\bavx(?:2|512)?\b|\bsse ?4`)
	reCrashWords  = mustGate(`(?:tuple|list|string) indices must be integers|arg is an empty sequence|duplicate asset key|does not exist on type '|value cannot be null\. \(parameter '(?:source|collection|predicate|selector|keyselector|first|second|items|enumerable)'\)|there is no reactor running|did not expect test\(\) to be called here|: bad substitution|syntax error: redirection unexpected|here-document at line \d+ delimited by end-of-file|syntax error: unexpected end of file|requires cgo to work|a second operation was started on this context|converting null to \w+ is unsupported|is an invalid keyword argument for|this (?:consumer|producer) has already been closed|undefined function [\w.]+:[\w]+/\d|does not refer to an existing ets table|no match of right hand side value|\(matcherror\)|\(functionclauseerror\)|must be compatible with|is not instantiable while building|reflection-based serialization has been disabled|no parameterless constructor defined|binary incompatibility|no longer accepts a callback|err[_ ]require[_ ]async[_ ]module|err[_ ]unsupported[_ ]dir[_ ]import|unable to compile typescript|\berror ts\d{4}:|duplicated timeseries in collectorregistry|panic: [\w ]{0,40}already registered|duplicate metrics collector registration|cannot start a runtime from within a runtime|cannot (?:block|drop a runtime) .{0,40}within (?:a|an asynchronous) (?:runtime|context)|changed size during iteration|sequence contains (?:no|more than one) (?:matching )?elements?|has thrown an unhandled exception|option::unwrap\(\)\x60? on a \x60?none|lateinit property|uninitializedpropertyaccessexception|zeitwerk::nameerror|uninitialized constant|php parse error: +syntax error|unsupported operand|not subscriptable|object is not callable|takes \d+ positional arguments? but|missing \d+ required positional|unexpected keyword argument|nil pointer|null pointer|nullpointer|classcastexception: (?:class )?[\w.$]+ cannot be cast to (?:class )?(?:java\.(?:lang|math|util|time|sql)|com|org|io)\.|nullreference|invalid memory address|index out of range|out of bounds|segmentation|assertion|stack overflow|undefined is not|is not a function|cannot read propert|attributeerror|zerodivision|divide by zero|deadlock|syntaxerror|indentationerror|taberror|undefinedfunctionerror|nomethoderror|undefined method|undefined local variable|require\(\) of es module|\(required by\b`)
	reDependWords = mustGate(`\b(?:is|are) down\b|\berror connecting to\b|\bnot available\b|\bunavailable\b|no (?:available|healthy|reachable) (?:server|node|broker|host|peer|replica)s?|no alive nodes|no provider available|connection refused|econnrefused|connect(?:ion)? timed out|\bconnect timeout:|connection terminated due to connection timeout|i/o timeout|no route to host|host unreachable|network is unreachable|could not connect|cannot connect|can't connect|unable to connect|failed to connect|(?:failed|unable|could not|couldn't) to establish (?:a )?(?:new )?connection|(?:failed|unable) to communicate|could not communicate|cannot communicate|connection reset|could not reach|cannot reach|unable to reach|failed to reach|not reachable|unreachable|timed out|deadline exceeded|no such host|name resolution|could not resolve|dial tcp|\b(?:get|post|put|head|patch|delete) \\?"?https?://|internal server error|\bhttp 5\d\d\b|\breturned (?:error|status)(?: code)?:? 5\d\d\b|status(?: code)?:? 5\d\d\b|\b5\d\d (?:internal|bad gateway|service unavailable|gateway timeout)|bad gateway|gateway time-?out|service unavailable|rate exceeded|throttl|too many requests|try again later|\brate[- ]?limit|\bgave up waiting for\b|\b(?:cluster|server|database|db|service|backend|broker)s? (?:is |are )?not ready\b`)
	rePermWords   = mustGate(`\bno (?:write |read |execute )?permissions?\b|\binsufficient permissions?\b|\bch(?:mod|own|grp)\b.{0,60}\bfailed\b|\bfailed to ch(?:mod|own|grp)\b|\bdenied\b|forbidden|not permitted|read-only|read only file|readonly file|\beacces\b|\beperm\b|not writable|\b(?:cannot|can't|unable to|could not|couldn't) (?:write|create)(?: directory| dir| folder| file)? (?:to |into |in )?['"]?/|\b(?:cannot|can't|unable to|could not|couldn't) write to (?:the )?(?:\w+ )?(?:directory|dir|folder)\b|unauthorized|\bowned by\b|\bownership\b|\bnot (?:the )?owner\b|\bprivileges?\b|(?:^|[^.\w])403\b`)
	reConfigWords = mustGate(`\bconfig|\bsettings?\b|\bplease (?:use|set|provide|specify|configure|define|supply)\b|\bflags?\b|\boptions?\b|\binvalid\b|malformed|\bdecode|\bparse|unknown (?:field|key|property|option|flag|parameter)|not set\b|must be set|is required|are required|missing required|not assigned|mismatch|does not match|do not match|not allowed|unsupported|not supported|illegal value|bad value|wrong value|\bmust (?:be|have|not|contain|match)\b|\bexpected\b|\bmigrat|\bschema\b|\bincompatible\b|\bunknown (?:column|table|key|property|parameter|setting|version)\b|no such (?:table|column|key|option)|\bno valid\b|\bnot (?:a )?valid\b|\barg\(s\)|\b(?:relation|table|column|database|topic|bucket|index|keyspace|schema|role|realm|tenant|namespace|project|queue|vhost|file|directory|path|key|user|certificate|license|service|services)\b.{0,40}\b(?:does not exist|doesn't exist|not found|is empty)|cannot be (?:null|empty|blank)|must not be (?:null|empty|blank)|\bis empty\b|you should increase|\bincrease\b.{0,40}\bto at least\b|\bmissing (?:\w+ )?(?:env|environment|config|configuration|settings?|options?|parameters?|arguments?|values?|keys?|fields?|variables?|files?|secrets?|credentials?|tokens?|passwords?|properties|property)\b|\b(?:is|are) missing\b|\bunable to find user\b|\b(?:unable to|could not|couldn't|cannot|can't) find (?:the |any )?(?:namespace|node|realm|tenant|bucket|index|table|database|schema|role|topic|queue|project|cluster)\b|\bno matching entries in passwd\b|\balready (?:using|used|taken|registered|exists?|added|defined|initiali[sz]ed)\b|\bmust be (?:provided|specified|given|defined|configured)\b|\bno \w+ (?:with (?:the )?name|named) \S+ (?:was )?found\b|\bduplicate\b|\b(?:certificates?|keypair|key pair|pem|x509|tls)\b|\bcorrupt(?:ed|ion)?\b|not shut down cleanly|unclean shutdown|\binconsistent\b`)
)

// reLoginDenied is a login a server refused ("root access denied",
// "access denied for user 'app'").
var reLoginDenied = mustGate(`\b(?:root|user|login|password|credentials?)\b[^.]{0,12}\baccess denied\b|\baccess denied\b[^.]{0,12}\bfor user\b|\b401\b[^.]{0,30}\bunauthori[sz]ed\b`)

// reLocalPostgresSocket is PostgreSQL's local socket, which its clients
// use when no host is set.
var reLocalPostgresSocket = regexp.MustCompile(`\bsocket "?/(?:var/run|run|tmp)/(?:postgresql/)?\.s\.PGSQL\.\d+`)

// localPostgresSocket reports a line that names PostgreSQL's local socket.
func localPostgresSocket(line []byte) bool {
	return bytes.Contains(line, []byte(".s.PGSQL.")) && reLocalPostgresSocket.Match(line)
}

// reURLPath is a URL with a path: the scheme and host, then the path.
var reURLPath = regexp.MustCompile(`(\b[a-z][a-z0-9+.-]*://[^/\s"'<>]+|\bwith url: )/[^\s"'<>]*`)

// reLoopback is a loopback address with its port, as a connection error
// names it.
var reLoopback = regexp.MustCompile(`(?i)(?:\b127\.0\.0\.1\b|\blocalhost|\[::1\]|(?:^|[\s(])::1)(?:[:/](\d{2,5}))?`)

// reHostVar is a variable that holds a dependency's address, set on the
// line (`DB_HOST: "127.0.0.1"`, `REDIS_URL=redis://localhost:6379`) or
// named by an env list's `- name:` whose `value:` follows; reLoopbackValue
// is a value that points at the pod itself.
var (
	reHostVar       = regexp.MustCompile(`^\s*(?:-\s*)?(?:name:\s*)?["']?([A-Z][A-Z0-9_]*(?:HOST|HOSTNAME|URL|URI|ADDR|ADDRESS|SERVER|ENDPOINT|DSN))["']?\s*(?:[:=]\s*(.*))?$`)
	reHostVarInline = regexp.MustCompile(`\b[A-Z][A-Z0-9_]*(?:HOST|HOSTNAME|URL|URI|ADDR|ADDRESS|SERVER|ENDPOINT|DSN)=(["'\x60]?\S+)`)
	reLoopbackValue = regexp.MustCompile(`^["']?(?:(?:jdbc:)?[a-z][\w+.-]*://)?(?:[^@\s/]*@)?(?:127\.0\.0\.1|localhost)(?:[:/"'\s,;.)]|$)`)
	// reHostProperty is a dotted property that holds an address
	// ("spring.datasource.url=jdbc:mysql://localhost:3306/orders").
	reHostProperty = regexp.MustCompile(`^\s*(?:[a-z][\w-]*\.)+(?:url|uri|host|hostname|address|addresses|endpoint|server|servers|bootstrap-servers)\s*[=:]\s*(\S+)`)
	reValueLine    = regexp.MustCompile(`^\s*value:\s*(.*)$`)
	// reRefusedNoAddress is a refused connection (or httpx's "All
	// connection attempts failed", which names no reason), and reAnyAddress an
	// address (host:port, an IP) a line may name.
	reRefusedNoAddress = regexp.MustCompile(`(?i)connection refused|econnrefused|all connection attempts failed`)
	// reSourcePosition is a source file's line ("consumer.py:507"), no
	// host and port.
	reSourcePosition = regexp.MustCompile(`\.(?:py|go|java|kt|scala|js|mjs|cjs|ts|rb|php|rs|c|cc|cpp|h|hpp|cs|ex|exs|lua|pl|swift|dart):\d+`)
	reAnyAddress     = regexp.MustCompile(`\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[a-zA-Z][\w.-]*:\d{2,5}\b`)
)

// hostSetting notes a setting that points a dependency's host at the pod
// itself.
func (s *logScanner) hostSetting(t []byte) {
	if s.hostVarNext {
		s.hostVarNext = false
		if m := reValueLine.FindSubmatch(t); m != nil && reLoopbackValue.Match(m[1]) {
			s.loopbackSetting = true
		}
		return
	}
	if len(t) > 200 || bytes.IndexByte(t, ':') < 0 && bytes.IndexByte(t, '=') < 0 {
		return
	}
	if m := reHostProperty.FindSubmatch(t); m != nil {
		s.loopbackSetting = s.loopbackSetting || reLoopbackValue.Match(m[1])
		return
	}
	m := reHostVar.FindSubmatch(t)
	if m == nil {
		// The reporter's sentence names the setting ("has
		// OLLAMA_BASE_URL=http://localhost:11434 and crashes").
		for _, v := range reHostVarInline.FindAllSubmatch(t, -1) {
			if reLoopbackValue.Match(v[1]) {
				s.loopbackSetting = true
			}
		}
		return
	}
	if len(m[2]) == 0 {
		s.hostVarNext = bytes.Contains(t, []byte("name:"))
		return
	}
	if reLoopbackValue.Match(m[2]) {
		s.loopbackSetting = true
	}
}

// loopbackTarget reports a connection error aimed at the pod's own
// loopback address, on a port that is not a node agent's or control-plane
// component's (a static pod on the host network reaches etcd, the kubelet
// and a service mesh's proxy on localhost by design).
func loopbackTarget(line string) bool {
	if localPostgresSocket([]byte(line)) || strings.Contains(line, "[2002] No such file or directory") {
		return true // a client that fell back to the local socket: no host was set, or "localhost" (PHP's PDO)
	}
	// "...10.96.0.1:443: i/o timeout; trying with fallback:
	// http://localhost:8080": the error is about the address before it.
	for _, f := range []string{"fallback", "Fallback"} {
		if i := strings.Index(line, f); i > 0 {
			line = line[:i]
		}
	}
	// "read udp 127.0.0.1:49122->127.0.0.11:53": the left side is the
	// socket's own end, not where it connects.
	line = reSocketLocalEnd.ReplaceAllString(line, "->")
	// nginx's `, host: "localhost"` is the request's Host header, not
	// where it connects.
	line = reNginxRequestFields.ReplaceAllString(line, "")
	// A URL's path ("/api/v1/servers/localhost/zones", PowerDNS's server
	// id, also after requests' "with url: ") is not where it connects; its
	// host is.
	line = reURLPath.ReplaceAllString(line, "$1")
	for _, m := range reLoopback.FindAllStringSubmatch(line, -1) {
		if m[1] == "" {
			return true
		}
		port, _ := strconv.Atoi(m[1])
		switch {
		case port == 53 || port == 2379 || port == 2380 || port == 6443 || port == 8500 || port == 8126:
			// (53: a resolver on the node or Docker's embedded one at
			// 127.0.0.11, which a lookup asks: a name, not a service here.)
		case port >= 10248 && port <= 10259, port >= 15000 && port <= 15099, port == 9357 || port == 9358:
			// (The kubelet's and Istio's ports, and Agones' SDK server, a
			// sidecar in the game server's own pod.)
		default:
			return true
		}
	}
	return false
}

// kubectlNotices start the lines kubectl itself prints around a log.
var kubectlNotices = [][]byte{
	[]byte("Error from server (BadRequest): container "),
	[]byte("Error from server (BadRequest): a container name must be specified"),
	[]byte("Defaulted container "),
	[]byte("error: a container name must be specified"),
	[]byte("Unable to retrieve container logs for "),
	[]byte("unable to retrieve container logs for "),
}

// startupNotices are lines every in-cluster Kubernetes client prints at
// start, npm's notice that it could not check for its own update and a
// logger's that it has no syslog to write to: they never say why it
// crashed.
var startupNotices = [][]byte{
	[]byte("Neither --kubeconfig nor --master was specified"),
	[]byte("npm update check failed"),
	[]byte("Try running with sudo or get access"),
	[]byte("to the local update config store via"),
	[]byte("can't connect to syslog"),
	// Helm's and kubectl's own waits running out: the rollout they waited
	// for failed, for reasons the pod's own lines give.
	[]byte("UPGRADE FAILED"),
	[]byte("INSTALLATION FAILED"),
	[]byte("rolled back due to atomic being set"),
	[]byte("exceeded its progress deadline"),
	// kubectl asking for a log file the kubelet has rotated away or
	// removed with the container: no line of the program's.
	[]byte(`failed to try resolving symlinks in path "/var/log/pods/`),
}

// reHelmOwnCause is Helm's failed install or upgrade that names why it
// could not run at all (the cluster unreachable, its service account
// forbidden), not a rollout it waited for: the pod running Helm says
// that itself.
var reHelmOwnCause = regexp.MustCompile(`(?:INSTALLATION|UPGRADE) FAILED: (?:.*\bKubernetes cluster unreachable\b|.*\bis forbidden: User "system:serviceaccount:)`)

func kubectlNotice(line []byte) bool {
	for _, p := range kubectlNotices {
		if bytes.HasPrefix(line, p) {
			return true
		}
	}
	for _, p := range startupNotices {
		if bytes.Contains(line, p) {
			return !bytes.Contains(line, []byte("execution error at (")) && !reHelmOwnCause.Match(line)
		}
	}
	// kubectl rollout status or Helm giving up ("error: timed out waiting
	// for the condition", "helm.go:84: [debug] timed out waiting for the
	// condition"); `kubectl wait` in an init container names what it
	// waited for ("... condition on pods/db-0"), a dependency.
	t := bytes.TrimSpace(line)
	if (bytes.Contains(t, []byte("Upgrade \"")) || bytes.Contains(t, []byte("Install \""))) && bytes.Contains(t, []byte("\" failed: ")) {
		return true // `helm history`'s description of a failed release: Helm's wait, as above
	}
	if bytes.HasPrefix(t, []byte("Release \"")) && bytes.HasSuffix(t, []byte("\" does not exist. Installing it now.")) {
		return true // `helm upgrade --install`'s first line: the bare "Error: context deadline exceeded" below it is its wait
	}
	if bytes.HasPrefix(t, []byte("│ Error: context deadline exceeded")) {
		return true // Terraform's box round the Helm provider's wait running out, as above
	}
	if reDeployToolWait.Match(t) {
		return true // Terraform's, Garden's or Argo CD's wait running out, as above
	}
	if reCIRunnerLine.Match(t) || reRolloutWait.Match(t) {
		return true // the CI system's own account of the step it ran; `kubectl rollout status` waiting
	}
	before, found := bytes.CutSuffix(t, []byte("timed out waiting for the condition"))
	return found && (bytes.EqualFold(before, []byte("error: ")) || bytes.Contains(before, []byte("helm.go:")))
}

// reDeployToolWait is a deploy tool's wait for a rollout running out:
// Terraform's helm_release or kubernetes_deployment, Garden's "Timed out
// waiting for exporter to deploy", Argo CD's "timed out (600s) waiting
// for app".
var reDeployToolWait = regexp.MustCompile(`(?i)\b(?:helm_release|kubernetes_deployment(?:_v1)?)\.\S+.{0,40}\bcontext deadline exceeded\b|\btimed out waiting for \S+ to (?:deploy|be ready|become ready)\b|\btimed out \(\d+s\) waiting for app\b`)

// reCIRunnerLine is a CI system's own line about the step it ran, left
// when a job's log is pasted: GitHub Actions' group markers and "Process
// completed with exit code 1.", Jenkins' "ERROR: script returned exit code
// 1" and "Finished: FAILURE", GitLab's "ERROR: Job failed: exit code 1",
// Buildkite's "The command exited with status 1". The step failed because
// the rollout or the pod did; the pod's own lines say why.
var reCIRunnerLine = regexp.MustCompile(`^(?:##\[(?:group|endgroup)\]|(?:##\[error\]|Error: )Process completed with exit code \d+\.?$|ERROR: script returned exit code \d+$|Finished: (?:FAILURE|ABORTED|UNSTABLE|SUCCESS)$|ERROR: Job failed: (?:exit code \d+|command terminated with exit code \d+)$|(?:🚨 )?Error: The command exited with status \d+$)`)

// reRolloutWait is `kubectl rollout status` reporting its wait ("Waiting
// for deployment "api" rollout to finish: 0 of 1 updated replicas are
// available..."): kubectl's words, not the reporter's about a dependency.
var reRolloutWait = regexp.MustCompile(`^Waiting for (?:deployment|daemon set|statefulset|partitioned roll out|rollout) "?[\w.-]*"?\s*(?:rollout to finish|spec update to be observed|to finish)?\b.{0,120}\.\.\.$`)

// reCSVTime is the time column that opens a row of a log search's CSV
// export, quoted or not, and the next column's start (log4j's
// "09:51:41,016 ERROR" has milliseconds after its comma).
var reCSVTime = regexp.MustCompile(`^"?\d{4}-\d\d-\d\d[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?"?,["A-Za-z]`)

// csvLogMessage returns the message of a CSV export's row: its longest
// column after the time that is neither a stream's labels
// ({container="api",...}) nor one word (a level, a host, a service). A row
// that does not parse is returned as it is.
func csvLogMessage(row []byte) []byte {
	r := csv.NewReader(bytes.NewReader(row))
	r.LazyQuotes = true
	fields, err := r.Read()
	if err != nil || len(fields) < 2 {
		return row
	}
	best := ""
	for _, f := range fields[1:] {
		t := strings.TrimSpace(f)
		if !strings.Contains(t, " ") && !strings.Contains(t, ":") || strings.HasPrefix(t, "{") && strings.Contains(t, "=") {
			continue
		}
		if len(f) > len(best) {
			best = f
		}
	}
	if best == "" {
		return row
	}
	// A message with quotes of its own the export did not double
	// ("...host "10.118.0.7", user "n8n", ...") was cut at the first: it
	// runs to the row's end when no labels column follows.
	if i := bytes.Index(row, []byte(best)); i >= 0 {
		rest := row[i+len(best):]
		if bytes.HasPrefix(rest, []byte(`",`)) && bytes.HasSuffix(bytes.TrimSpace(rest), []byte(`"`)) && !bytes.Contains(rest, []byte(`{`)) {
			return bytes.TrimSuffix(bytes.TrimSpace(row[i:]), []byte(`"`))
		}
	}
	return []byte(best)
}

// reKibanaTime is the time column of Kibana's Discover table.
var reKibanaTime = regexp.MustCompile(`^[A-Z][a-z]{2} \d{1,2}, \d{4} @ \d\d:\d\d:\d\d(?:\.\d+)?[ \t]+`)

// skipNameColumns drops the tab-separated columns of one word each (a
// pod's name, a container's, a namespace) before a table row's message.
func skipNameColumns(b []byte) []byte {
	for range 4 {
		i := bytes.IndexByte(b, '\t')
		if i <= 0 || i > 80 || bytes.ContainsAny(b[:i], " :") {
			break
		}
		b = b[i+1:]
	}
	return b
}

// reSplunkTime is the time column of Splunk's events table.
var reSplunkTime = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4} \d{1,2}:\d{2}:\d{2}(?:\.\d+)? [AP]M\s+`)

// reJlesageStep is the padded step name of jlesage's baseimage-gui.
var reJlesageStep = regexp.MustCompile(`^\[[a-z][a-z-]+ *\]$`)

// reViewerTime is the time column of a log viewer's export.
var reViewerTime = regexp.MustCompile(`\d{1,2}:\d{2}(:\d{2})?`)

// stripLevel removes a leading level marker ("[ERROR] ", "ERROR ", "E ") so
// crash shapes are recognised after it.
func stripLevel(b []byte) []byte {
	for _, p := range []string{"[ERROR] ", "[FATAL] ", "ERROR ", "FATAL ", "[error] ", "[fatal] ", "CRITICAL ", "[CRITICAL] "} {
		if bytes.HasPrefix(b, []byte(p)) {
			return bytes.TrimSpace(b[len(p):])
		}
	}
	return b
}

// message extracts the human message of a line: the msg/error fields of a
// JSON or logfmt line, else the line without its prefixes.
func message(line string) string {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "{") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil {
			var parts []string
			for _, k := range []string{"msg", "message", "error", "err", "exception", "error.message", "reason"} {
				if v := jsonText(m[k]); v != "" {
					parts = append(parts, v)
				}
			}
			// MongoDB puts the error under "attr".
			if a, ok := m["attr"].(map[string]any); ok {
				if v := jsonText(a["error"]); v != "" {
					parts = append(parts, v)
				}
			}
			if len(parts) > 0 {
				return strings.Join(parts, ": ")
			}
		}
	}
	if strings.Contains(line, "msg=") {
		msg := logfmtValue(line, "msg")
		if e := logfmtValue(line, "error"); e != "" {
			msg += ": " + e
		} else if e := logfmtValue(line, "err"); e != "" {
			msg += ": " + e
		}
		if msg != "" {
			return msg
		}
	}
	line = reKlogHeader.ReplaceAllString(line, "")
	line = reBracketStamp.ReplaceAllString(line, "")
	line = reLongID.ReplaceAllStringFunc(line, func(id string) string { return id[:12] })
	return string(stripLevel([]byte(withoutJSONTail(line))))
}

// withoutJSONTail drops the JSON context a structured logger (zap's
// console encoder, controller-runtime) puts after the message, keeping
// its error.
func withoutJSONTail(line string) string {
	if !strings.HasSuffix(line, "}") {
		return line
	}
	for from := 1; from < len(line); {
		j := strings.Index(line[from:], "{\"")
		if j < 0 {
			break
		}
		i := from + j
		from = i + 2
		if line[i-1] != ' ' && line[i-1] != '\t' {
			continue
		}
		var m map[string]any
		if json.Unmarshal([]byte(line[i:]), &m) != nil {
			continue
		}
		head := strings.TrimSpace(line[:i])
		if e := jsonText(m["error"]); e != "" {
			head += ": " + e
		}
		return head
	}
	return line
}

// reBracketStamp is a bracketed timestamp with the level and logger that
// follow it: "[2022-02-23 18:45:46,898] INFO ", "[2018-01-02T19:58:36,540][WARN ][o.e.b.Handler] [node-0] ".
var reBracketStamp = regexp.MustCompile(`^\[\d{4}-\d{2}-\d{2}[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?\]\s*(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL)\s*\]?\s*)?(?:\[[^\]\s]+\s*\]\s+){0,2}`)

// reLongID is a container or image ID, shortened to 12 characters in a
// message as docker does.
var reLongID = regexp.MustCompile(`\b[0-9a-f]{64}\b`)

// reKlogHeader is the header of a klog line: "E0202 02:35:28.127879  1 file.go:78] ".
var reKlogHeader = regexp.MustCompile(`^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w.-]+:\d+\] `)

// jsonText is a JSON value as message text: a string, or the message of a
// nested error object ({"type":..., "message": ...}).
func jsonText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		for _, k := range []string{"message", "msg", "error", "reason"} {
			if s, ok := v[k].(string); ok && s != "" {
				return s
			}
		}
	}
	return ""
}

// logfmtValue returns the value of key in a logfmt line.
func logfmtValue(line, key string) string {
	i := strings.Index(" "+line, " "+key+"=")
	if i < 0 {
		return ""
	}
	v := line[i+len(key)+1:]
	if strings.HasPrefix(v, `"`) {
		end := 1
		for end < len(v) && (v[end] != '"' || v[end-1] == '\\') {
			end++
		}
		return strings.ReplaceAll(v[1:min(end, len(v))], `\"`, `"`)
	}
	if j := strings.IndexByte(v, ' '); j >= 0 {
		v = v[:j]
	}
	return v
}

func appendLower(dst, src []byte) []byte {
	for _, c := range src {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// structuredMessage is the message and error fields of a structured
// (JSON or logfmt) line too long to quote whole, when the quoted window
// lost the start or the end of its message: a window into the raw record
// shows one end of it ("context deadline exceeded", which matched) and
// loses the other ("unable to initialize AWS cloud"), while the message
// alone is shorter (no timestamps, keys or escapes). It is "" otherwise.
func structuredMessage(whole, quoted string, n int) string {
	t := strings.TrimSpace(whole)
	if len(t) <= n || !(strings.HasPrefix(t, "{") || strings.Contains(t, "msg=")) {
		return ""
	}
	m := collapseSpace(message(t))
	if m == "" || len(m) >= len(t) {
		return ""
	}
	head, tail := m[:min(len(m), 24)], m[max(0, len(m)-24):]
	if strings.Contains(quoted, head) && strings.Contains(quoted, tail) {
		return ""
	}
	return m
}

// chainRoot is the end of a long wrapped error ("create index: init
// shard x: convert tracker: failed sanity check"), where its root cause
// is, in at most n/2 bytes from a ": " boundary; "" when the line is
// short or not such a chain.
func chainRoot(line string, n int) string {
	t := strings.TrimSpace(line)
	if len(t) <= n {
		return ""
	}
	if i := strings.Index(t, `"error":"`); i >= 0 {
		t = t[i+len(`"error":"`):]
		if j := reJSONStringEnd.FindStringIndex(t); j != nil {
			t = t[:j[0]+1]
		}
	}
	parts := strings.Split(t, ": ")
	if len(parts) < 3 {
		return ""
	}
	tail := ""
	for i := len(parts) - 1; i > 0; i-- {
		next := parts[i]
		if tail != "" {
			next += ": " + tail
		}
		if len(next) > n/2 {
			break
		}
		tail = next
	}
	return sanitize(strings.TrimSpace(tail))
}

// reJSONStringEnd is the last character of a JSON string value before
// its closing quote (one not escaped).
var reJSONStringEnd = regexp.MustCompile(`[^\\]"`)

// quote prepares a line for display: trimmed and cut to maxQuoteBytes.
func quote(s string) string {
	return shorten(sanitize(strings.TrimRight(s, " \t\r\n")), maxQuoteBytes)
}

// shorten cuts s to at most n bytes on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.ToValidUTF8(s, "?")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// questionFirst returns what follows a question that opens a line ("My
// pod fails the liveness probe and restarts? Events: ..."), when it does.
func questionFirst(trimmed []byte) ([]byte, bool) {
	i := bytes.Index(trimmed, []byte("? "))
	if q := bytes.Index(trimmed, []byte("?\" ")); q >= 0 && (i < 0 || q < i) {
		i = q + 1 // a question quoted ("is the pod running out of memory?" — no, ...)
	}
	if i < 0 || i > 200 || bytes.Count(trimmed[:i], []byte(" ")) < 1 && !oneWordGuess(trimmed[:i]) || bytes.Contains(trimmed[:i], []byte("://")) || programLine(trimmed[:i]) {
		return nil, false
	}
	return trimmed[i+2:], true
}

// hedgeLater finds a later sentence of the reporter's that opens with a
// hedge ("... runs. I think the pod is OOMKilled even though ..."), and
// returns the words before it.
func hedgeLater(trimmed []byte) ([]byte, bool) {
	if programLine(trimmed) {
		return nil, false
	}
	for at := 0; at < len(trimmed); {
		i := bytes.Index(trimmed[at:], []byte(". "))
		if i < 0 {
			return nil, false
		}
		i += at
		if reHedgeFirst.Match(trimmed[i+2:]) {
			return trimmed[:i], true
		}
		at = i + 2
	}
	return nil, false
}

// othersWords reports a line that gives someone else's account of the
// cause: a chatbot's, a runbook's or a colleague's ("Copilot: \"...\"",
// "Runbook \"x\": \"...\"", "A colleague suggests bumping memory because
// ...", "Someone on our team says 134 is an out-of-memory abort").
func othersWords(trimmed, lower []byte) bool {
	return reSpeakerMarker.Match(lower) || reHearsay.Match(lower) && !programLine(trimmed)
}

var (
	// reSpeakerMarker opens a line with who says it, when that is a
	// chatbot, a runbook or a vendor's support.
	reSpeakerMarker = regexp.MustCompile(`^(?:\*\*)?(?:chat ?gpt|copilot|github copilot|claude|gemini|the (?:ai|bot|assistant)|(?:our |the )?runbook|(?:vendor )?support|the vendor)\b[^:]{0,60}:\s*\S`)
	// reHearsay is someone else's account of the cause told by the
	// reporter.
	reHearsay = regexp.MustCompile(`\b(?:someone|somebody|a colleague|my colleague|a co-?worker|my co-?worker|a teammate|my teammate|(?:chat ?gpt|copilot|claude|gemini|the (?:runbook|vendor|bot))(?:'s answer)?)\b[^.;]{0,40}?\b(?:says|said|suggests|suggested|thinks|claims|claimed|insists|told (?:me|us)|recommends|recommended|blames|blamed)\b`)
)

// questionWithin splits the reporter's line into its questions and the
// rest when a sentence after its first asks ("... copied by hand. Is the
// liveness probe too aggressive? It has a 60s delay ...").
func questionWithin(trimmed []byte) (questions, rest []byte, ok bool) {
	if programLine(trimmed) || !bytes.Contains(trimmed, []byte("? ")) && !bytes.HasSuffix(trimmed, []byte("?")) {
		return nil, nil, false
	}
	start := 0
	for i := 0; i < len(trimmed); i++ {
		c := trimmed[i]
		if c != '.' && c != '?' && c != '!' || i+1 < len(trimmed) && trimmed[i+1] != ' ' {
			continue
		}
		sentence := trimmed[start : i+1]
		if c == '?' && start > 0 {
			questions = append(append(questions, sentence...), ' ')
		} else {
			rest = append(append(rest, sentence...), ' ')
		}
		start = i + 1
	}
	rest = append(rest, trimmed[start:]...)
	return questions, rest, len(questions) > 0
}

// oneWordGuess reports a word asked on its own before the reporter goes on
// ("Segfault? It's C++ so ..."): a guess.
func oneWordGuess(w []byte) bool {
	w = bytes.TrimRight(w, "?!") // "OOMKilled?? JVM dies on startup"
	if len(w) < 3 || len(w) > 20 {
		return false
	}
	for _, c := range w {
		if !isLetter(c) && c != '-' {
			return false
		}
	}
	return true
}

// askedLine reports a line of the reporter's that asks rather than tells:
// prose ending in a question mark ("Missing environment variable?", "Port
// already in use?") or opening with a guess (hedged: "I think the probe
// ...").
func askedLine(trimmed []byte) (asked, hedged bool) {
	t := bytes.TrimRight(trimmed, " *_\x60")
	if programLine(t) || bytes.HasPrefix(t, []byte("what():")) {
		// (C++'s uncaught exception asks too: "what():  Required files
		// are missing, cannot continue.  Have all the pre-processing steps
		// been run?")
		return false, false
	}
	if i := bytes.LastIndex(t, []byte(". ")); i > 0 && bytes.HasSuffix(t, []byte("?")) && reProgramAsks.Match(t[i+2:]) {
		t = t[:i+1] // a program's error, then its hint as a question: the error is told, not asked
	}
	hedged = reHedgeFirst.Match(t) || reHedgeWithin.Match(t) && reportersWords(t)
	return hedged || bytes.HasSuffix(t, []byte("?")) && bytes.Count(t, []byte(" ")) >= 1, hedged
}

// reProgramAsks is the question a program prints after its error as a
// hint ("Can't start Nextcloud because the version of the data ... is
// higher than the docker image version ... Are you sure you have pulled
// the newest image version?"), as no reporter asks it.
var reProgramAsks = regexp.MustCompile(`^(?:Are you sure|Did you (?:mean|forget)|Have you (?:run|set|configured|installed|pulled)|Is the server running)\b`)

// quotedInProse returns the code spans of a sentence (`...` quoted in
// Markdown) joined, when the words around them, three or more, only
// mention them (reMentionAround, or spans given as examples or
// alternatives: reExampleSpan); nil otherwise (a program's line, the
// reporter's own error). A span the line opens and does not close runs on
// to its end (a wrapped sentence).
func quotedInProse(trimmed []byte) []byte {
	if bytes.IndexByte(trimmed, '`') < 0 || programLine(trimmed) {
		return nil
	}
	var quoted, around []byte
	for i, part := range bytes.Split(trimmed, []byte("`")) {
		if i%2 == 1 {
			quoted = append(append(quoted, part...), ' ')
			continue
		}
		// Only the words of the sentence the spans stand in: the
		// reporter's next sentence may speak of something else.
		if i == 0 {
			if ends := reSentenceEnd.FindAllIndex(part, -1); ends != nil {
				part = part[ends[len(ends)-1][1]-1:] // (from the next sentence's capital)
			}
		} else if end := reSentenceEnd.FindIndex(part); end != nil {
			part = part[:end[0]]
		}
		around = append(append(around, part...), ' ')
	}
	if len(bytes.Fields(around)) < 3 || !reMentionAround.Match(bytes.ToLower(around)) && !reExampleSpan.Match(trimmed) {
		return nil // "the pod fails with `Cookie file ... must be accessible by owner only`": the reporter's own error
	}
	return bytes.TrimSpace(quoted)
}

// reExampleSpan are spans given as examples or alternatives: "e.g.
// `open /app/.vault-token: read-only file system`", "`...` or `...`".
var reExampleSpan = regexp.MustCompile("\\be\\.g\\.,? `|` or `")

// reSentenceEnd ends a sentence within a line.
var reSentenceEnd = regexp.MustCompile(`[.!?;:]\s+[A-Z]`)

// reMentionAround are the words of a sentence that quotes an error it
// does not report: what a cause would show, another case's, one ruled
// out ("you'd get", "normally", "we hit ... once", "instead").
var reMentionAround = regexp.MustCompile(`\b(?:would|you'd|you'll see|you will see|if it (?:were|was|couldn't|could not|can't|cannot)|normally|usually|typically|probably|the classic|comes? with|looks? like|instead|fwiw|we (?:hit|had|saw|got)|i had|old build|for example|rule[sd]? out|not the cause|nothing to do with)\b`)

// deniedLine reports the reporter's sentence that rules a cause out ("I
// don't think this is a OOM scenario, as I never saw the OOM killed
// messages").
func deniedLine(trimmed, lower []byte) bool {
	return !programLine(trimmed) && (mayBeProse(trimmed) || hasCJK(trimmed) || reportersWords(trimmed)) && (reNotTheCause.Match(lower) || reDenied.Match(lower))
}

// symptomLine reports the reporter's sentence that quotes a caller's
// failed connection as the echo of another component's restarts ("the
// session service throws ECONNREFUSED, but that's only because the cache
// container keeps restarting").
func symptomLine(trimmed, lower []byte) bool {
	return reportersProse(trimmed) && (reSymptomOfRestarts.Match(lower) || reAlreadyGone.Match(lower))
}

// mendedLine reports the reporter's sentence that tells of a failure
// mended right after it happened ("the first pod was OOMKilled (we raised
// the limit right after)", "I raised the memory since"): what fails now is
// something else, unless the sentence says it still does.
func mendedLine(trimmed, lower []byte) bool {
	if reStillFails.Match(lower) {
		return false
	}
	return reportersProse(trimmed) && (reMendedAfter.Match(lower) || goneNow(lower) || reFixedBy.Match(lower) || reNoMore.Match(lower) || reMendedNamed.Match(lower)) ||
		reArrowMended.Match(lower) || reEarlierAttempt.Match(lower)
}

// A follow-up's account of the failures it has fixed: a failure with its
// fix after an arrow ("exec format error -> rebuilt for linux/amd64. OK
// now.", "secret \"x\" not found` -> created it"), one labelled as the
// earlier attempt ("Before: Error: EACCES ...", "1st: ..."), "fixed the
// OOMKilled by giving it 768Mi", "No more \"Liveness probe failed\"
// events".
var (
	reArrowMended = regexp.MustCompile(`(?:^|\s)(?:->|=>)\s*(?:(?:i|we)\s+)?(?:fixed|rebuilt|re-built|added|created|switched|killed|removed|raised|bumped|increased|moved|changed|granted|installed|deleted|freed|gave|set\b|pinned|copied|upgraded|downgraded|rolled back|mounted|ok\b|fine\b|resolved|solved|gone\b|works?\b|done\b)`)
	// reMendedNamed names the failure that is over: "fixed `exec format
	// error`", "exec format error fixed, now ...", "1) fixed: `Error: ...`",
	// "Round 1 is fixed", "The earlier `Failed to bind ...`", "Earlier in
	// the issue: ...", "was exec format error, now ...", "Resolved in the
	// first comments: OOMKilled at 512Mi, ...", "(the pod was stuck on
	// \"secret mysql-root not found\" before)".
	reMendedNamed    = regexp.MustCompile(`\bfixed,? (?:and )?now\b|\bfixed (?:the )?[\x60"'][^\x60"']{4,120}[\x60"']|\bround \d+ is (?:fixed|solved|done|resolved)\b|^\W*\(?(?:1|round 1|attempt 1)\)?\s*(?:fixed|solved|resolved|was)\s*:|^\W*(?:the )?(?:earlier|previous)\s+[\x60"']|^\W*earlier in (?:the|this) (?:issue|thread|post)\b|\bwas [^,;]{3,60}, now\b|\b(?:was|were) stuck (?:on|at|in|with) [^()]{3,100}\bbefore\b|^\W*(?:resolved|fixed|solved) (?:in|by|earlier|above|before|already)\b[^:]{0,40}:`)
	reEarlierAttempt = regexp.MustCompile(`^(?:[-*]\s*)?(?:before|previously|previous|earlier|initially|originally|at first|first|1st)\s*[:)]\s`)
	reFixedBy        = regexp.MustCompile(`\b(?:fixed|solved|resolved) (?:the|that|this|our|my) [^.;]{1,40}? by\b`)
	reNoMore         = regexp.MustCompile(`\bno more (?:"[^"]{3,80}"|[\w-]+(?: [\w-]+)?) (?:events?|errors?|kills?|messages?|restarts?|crashes)\b`)
)

// goneNow reports a sentence that says an error is gone ("the exec format
// error is gone", "the \"address already in use\" from last week is
// fixed"), not how it was fixed ("is fixed by raising the limit").
func goneNow(lower []byte) bool {
	m := reGoneNow.FindSubmatch(lower)
	return m != nil && (string(m[1]) == "gone" || !reHowFixed.Match(m[2])) // ("is gone after bumping the limit": gone)
}

// reGoneNow is an error, a crash or a clash said to be gone or fixed, the
// word saying which, and the word after it.
var reGoneNow = regexp.MustCompile(`(?:\b(?:error|errors|message|crash|crashes|oom|oomkill|oomkills|issue|problem|clash|conflict|panic)|"[^"]{3,80})"?\W{0,3}(?:[^.;]{0,40}\s)?(?:is|are|was|were|has been|have been)\s+(?:now\s+|finally\s+)?(gone|fixed|resolved|solved)\b(\s*\w*)`)

// reHowFixed is the word that goes on to say how it was fixed.
var reHowFixed = regexp.MustCompile(`^\s*(?:by|in|with|via|when|if|through|after|using|upstream)$`)

// reMendedAfter is the reporter's fix placed after the failure it tells
// of ("(I raised the memory since)", "we raised the limit right after").
var reMendedAfter = regexp.MustCompile(`\b(?:i|we)(?:'ve| have)? (?:raised|increased|bumped|doubled|fixed|recreated|re-created|restored|rotated)\b[^.;:()]{0,40}\b(?:since|right after|afterwards|after that|since then)\s*(?:\)|[.;,]|$)`)

// reStillFails says the failure goes on ("still OOMKilled", "again").
var reStillFails = regexp.MustCompile(`\b(?:still|again|keeps?|continues?|anyway|didn't help|did not help|no change)\b`)

// goneLine reports the reporter's sentence that puts a probe's failures
// down to the process being gone already ("the startup probe fails but
// that's because the process is already gone").
func goneLine(trimmed, lower []byte) bool {
	return reportersProse(trimmed) && reAlreadyGone.Match(lower)
}

// reportersProse reports a line that reads as the reporter's sentence,
// not a program's.
func reportersProse(trimmed []byte) bool {
	return !programLine(trimmed) && (mayBeProse(trimmed) || reportersWords(trimmed))
}

// reAlreadyGone is a failure put down to the process having exited first.
var reAlreadyGone = regexp.MustCompile(`\b(?:because|since)\b.{0,60}\b(?:is|was|has)\s+already\s+(?:gone|dead|exited|crashed|down)\b`)

// reSymptomOfRestarts is a sentence putting a failure down to another
// component's restarts, or calling it a symptom ("Our app pods also log
// \"connection refused\" to :8126 because of it", "The agents'
// \"connection refused\" to 4317 is the gateway service having no ready
// endpoints", "it just can't push (connection refused), which is a
// consequence").
var reSymptomOfRestarts = regexp.MustCompile(`\b(?:because|since|as|cause)\b.{0,80}\b(?:keeps?|kept|is|are|was|were)\s+(?:on\s+)?(?:restarting|dying|crashing|crash[- ]?looping|going down)\b|\b(?:only|just) (?:a )?symptoms?\b|\bsymptoms?,? not the cause\b|\b(?:which|that|it) is (?:just |only )?a (?:consequence|side[- ]effect)\b|\b(?:also|too)\b.{0,80}\bbecause of (?:it|that|this)\b|["“][^"”]{3,60}["”].{0,40}\b(?:is|are)\b.{0,60}\b(?:having|has|with) no (?:ready )?endpoints\b`)

// reHedgeFirst is a sentence that opens with the reporter's guess ("I
// think the liveness probe is too aggressive, ..."): a guess, as a
// question is.
var reHedgeFirst = regexp.MustCompile(`^(?i:i (?:think|suspect|guess|believe|assume|wonder|bet|reckon|assumed|suspected|thought)|i'd (?:bet|guess)|i'm guessing|i'm (?:worried|afraid|scared|concerned) (?:it's|it is|that)|i (?:fear|worry)|maybe|perhaps|probably|my (?:guess|bet) is|it (?:might|may|could) be)\b`)

// reCheckAdvice is advice to look for a cause, not a finding of it.
var reCheckAdvice = regexp.MustCompile(`^(?i:check|look (?:at|for|in)|see (?:if|whether)|verify)\b`)

// reHedgeWithin is a guess inside the sentence that names the cause
// ("Workers restarting in a loop is usually memory", "it's probably the
// liveness probe killing it"), as a commenter gives one, or what a cause
// would show ("Corruption would normally give InnoDB assertion messages",
// "A bad API key gives `401 Unauthorized`").
var reHedgeWithin = regexp.MustCompile(`(?i)\b(?:is|are|it's|that's|its) (?:usually|probably|typically|almost always)\b|\bwould (?:normally|usually|typically) (?:give|show|print|log|say)\b|^an? (?:bad|wrong|invalid|missing|expired) [\w -]{1,30} (?:gives|returns|shows|causes)\b`)

// reIssueTitle is an issue's title as its template writes it ("[Bug]: JVM
// fatal crash on fresh deploy"): the reporter's summary, not a program's
// fatal line.
var reIssueTitle = regexp.MustCompile(`^\[(?i:bug|issue|question|feature|help)\]:? `)
