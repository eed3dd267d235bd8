package diagnose

import (
	"bytes"
	"regexp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A report given only in words (an issue's title, a pull request's
// description, a reporter's sentences) has no line a program wrote, so no
// pattern names its cause; and a "log" that is prose does not end the way
// a finished task's log does. What such a report talks about is still a
// hint: the pull request that raises memory limits for "continuous
// restarts", the title "pods start crashing (RBAC enabled)". The topic is
// the kind of cause its words name most often, a weak vote that any fact
// outweighs.

// topicFamily is the words of one kind of cause.
type topicFamily struct {
	cat Category
	re  *gatedRegexp // run on lower-cased text
}

// exitWords137 is an exit code 137 in words ("exited with code 137"): a
// SIGKILL, memory's unless a probe is named as the killer.
const exitWords137 = `\b(?:exit|exits|exited|exit code|exit status|code|status) (?:with )?(?:exit )?(?:code |status )?137\b`

// reExitWords137 finds exitWords137 alone.
var reExitWords137 = regexp.MustCompile(exitWords137)

// topicFamilies are the words of each kind of cause, the most specific
// first (the first wins a tie).
var topicFamilies = []topicFamily{
	{MissingConfigObject, mustGate(`\bcreatecontainerconfig ?error\b|\b(?:can't|cannot|could not|couldn't) find the key\b|\bno key (?:with that name|named)\b|\b(?:secret|config ?map)s?\b[^.]{0,40}\b(?:not found|missing|does not exist|doesn't exist|not exist|not created|(?:was|were|had been|has been|is|are)(?:n't| not| never) (?:been )?(?:created|applied|deployed|installed))|\b(?:missing|absent|non-?existent|nonexisting|deleted) (?:\w+ )?(?:secret|config ?map)s?\b|\b(?:lack of|lacking) (?:an? |the )?(?:\w+ )?(?:secret|config ?map)s?\b`)},
	// A program that needs a terminal or its standard input (a shell, a
	// REPL, an interactive console) ends at once without one.
	{Completed, mustGate(`\btty\b|\bpseudo-?terminal\b|\bstdin_open\b|\bstdin: ?true\b|\binteractive (?:shell|console|mode|prompt|session|repl)\b|\bnon-interactive\b|\brepl\b`)},
	{OOMKilled, mustGate(`(?:^|[^\w-])memory\b|` + exitWords137 + `|\boom\w*\b|\bout[- ]of[- ]memory\b|\bheap\b|内存|記憶體|メモリ|메모리|\bmemoria\b|\bmemória\b|\bmémoire\b|\bspeicher\b|\bbellek\b|bộ nhớ|памят`)},
	{LivenessProbe, mustGate(`\blive(?:ness|liness|lyness)(?:[ -]?probes?)?\b|\bfailurethreshold\b|\btimeoutseconds\b|\binitialdelayseconds\b|\bstartup[ -]?probes?\b|\bhealthz? ?checks?\b|(?:^|[^\w-])probes?\b|\bwatchdog\b|\b(?:goes|went|gets|got|becomes?|became|turns?|turned) unhealthy\b|\bhealth: ?(?:starting|unhealthy)\b|\b(?:status|state) ['"]?starting['"]?(?:\W|$)|\bslow(?:ly|er)? (?:to )?(?:start|starts|startup|boot)\w*|\b(?:start ?up|start|boot)s? fast enough\b|\b(?:takes?|took|taking|needs?|needed) (?:a |an )?(?:very |really |too |quite a )?long(?: time)? to (?:start|boot|come up|initiali[sz]e|get ready)\b|\blive ?checks?\b|\b(?:limit(?:ed)?|low|little) cpu\b|\bcpu (?:limits?|throttl\w*)\b|探针|健康检查|存活检查|ヘルスチェック|\bsondas?\b`)},
	{ExecFormat, mustGate(`\barm64\b|\baarch64\b|\bold(?:er)? (?:cpu|processor)s?\b|\b(?:cpu|processor) (?:is |was )?too old\b|\b(?:intel )?atom [cdjn]\d{3,4}\b|\barm[- ]?(?:based|machines?|macs?|chips?|processors?|cpus?|laptops?|hosts?|nodes?|servers?|instances?)\b|\bm[1-4](?: pro| max| ultra)?(?: mac\w*| chips?)\b|\bmac(?:book)?(?: pro| air| mini)? (?:with )?(?:an? )?m[1-4]\b|\barmv\d|\barchitecture\b|\bexec\w{0,2} format\b|\braspberry\b|\bapple silicon\b|\bapple m[1-4]\b|\billegal instruction\b|\bavx\w*\b|\bsse ?4\w*\b|\binstruction sets?\b|\busesve\b|\bscalable vector extension\b|\bcpu (?:flags|instructions?)\b|架构|アーキテクチャ|\barquitectura\b`)},
	{PortConflict, mustGate(`\bport conflicts?\b|\bcould(?:n't| not| never) bind\b|\b(?:also|already) (?:listen\w*|bound|binds?|uses|used|using|occupie[sd]) (?:on |to )?(?:port )?:?\d{2,5}\b|\bports? \d{2,5} (?:on \S+ (?:\S+ )?)?(?:is |was |were )?(?:already )?(?:taken|occupied|used by)\b|\balready (?:being )?in use\b|\banother (?:process|program|service|container|app\w*|instance|daemon) (?:is |was )?(?:already )?(?:bound|binds|listening|listens|using|uses|occupying|holding|holds) (?:to |on )?(?:the )?(?:same )?(?:port )?:?\d{2,5}\b|\bports? \d+ (?:is |are )?(?:still )?in use\b|\bhost ?network\b|\bhost ?ports?\b|端口.{0,12}(?:占用|佔用|冲突|衝突)|ポート.{0,12}(?:使用中|競合)|포트.{0,12}(?:사용 ?중|충돌)|порт.{0,20}занят|cổng.{0,20}(?:đã được sử dụng|bị chiếm)|\bpuerto\b.{0,20}\ben uso\b|\bporta\b.{0,20}\bem uso\b|\bport\b.{0,20}\b(?:belegt|déjà utilisé)`)},
	{PermissionDenied, mustGate(`\bpermissions?\b|\baccess rights?\b|\bchown\w*\b|\bownership\b|\broot-owned\b|\bowned by (?:the )?(?:root|uid|user|another user|a different user)\b|\brbac\b|\bcluster ?roles?\b|\brole ?bindings?\b|\bforbidden\b|\bsecurity ?context\b|\brunasuser\b|\brunasnonroot\b|\bscc\b|\bpsp\b|\bpod ?security\b|\bcapabilit\w*\b|\bread-?only\b|\breadonly\w*|\bselinux\b|\bseccomp\b|\bapparmor\b|\bnon-?root\b|权限|權限|権限|권한|\bpermisos?\b|\bpermiss(?:ão|ões)\b|\bberechtigung\w*|\bizin\b|прав доступа|доступ\w* запрещ`)},
	{DependencyUnavailable, mustGate(`\bapi ?server\b|\bp1001\b|\bdepends_on\b|\bwhile (?:the )?[\w-]+ (?:is )?(?:still )?(?:starting|starts|boots|booting)\b|\bapiserver\b|\bleases?\b|\bleader election\b|\boutages?\b|\bconnection refused\b|\btimed? ?outs?\b|\bunreachable\b|\bdns\b|\bdatabase (?:is |was )?(?:down|not ready|unavailable)\b|\bwait(?:s|ing)?[- ]for\b|\bwait \w+ init\b|\bstart(?:s|ed|ing)? before\b|\bstart ?up order\w*\b|\bnot (?:yet )?(?:ready|up) yet\b|\b(?:no|without|lacks?|lacking|doesn['’]t have|does not have|don['’]t have|didn['’]t have|did not have|has no|have no) (?:any )?(?:access to (?:the )?internet|internet|outbound)\b|\bair-?gapped\b|连接|連接|連線|超时|逾時|网络|代理|接続|タイムアウト|연결|시간 초과|\bconexi[oó]n|\bconexão\b|\bverbindung\w*|подключ|\bbase de datos\b.{0,30}\b(?:no está lista|todavía no)`)},
	{CommandNotFound, mustGate(`\bentry ?points?(?:[\s,;:)!?]|$)|\bcommand not found\b|\bbinary(?:'s)? path\b|\bpath (?:to|of) the (?:binary|executable)\b|\bnot executable\b|\bno such file or directory\b|找不到命令|未找到命令|指令.{0,6}找不到|команда не найдена`)},
	{Segfault, mustGate(`\bseg[ -]?faults?\b|\bsignal 11\b|\bsig ?11\b|\bsegmentation\b|\bsigsegv\b|\bcore dumped\b|段错误|сегментир|speicherzugriffsfehler`)},
	{ConfigError, mustGate(`\bconfig\w*\b|\b(?:without|requires?|needs?) (?:the )?(?:[\w./-]+ ){0,2}(?:crds?|custom resource definitions?|api|v\d+(?:alpha|beta)\d+)(?: [\w./-]+)? (?:to be )?installed\b|\bpid ?files?\b|\b(?:stale|leftover|left-over) (?:\w+ )?(?:lock|pid)\w*|\bthe existing (?:\w+ )?lock\b|\b(?:is |was |it's |its )?already running\b|\b(?:being used|used|held|locked|in use|opened) by another (?:instance|process|pod|replica|container)\b|\b(?:sub)?(?:directory|directories|dir|folder)\b[^.]{0,40}\b(?:does not exist|doesn't exist|not created|is missing|are missing)\b|\bsettings?\b|\benv(?:ironment)? ?var\w*\b|\bflags?\b|\bcrds?\b|\binvalid\b|\bmisconfigur\w*\b|\bvalues\.yaml\b|\bkernel (?:modules?|headers)\b|\bmodprobe\b|\bversions? *(?:<|>|<=|>=|older|newer|below|above|before|prior)|\bincompatib\w*|\bnot compatible\b|\bmismatch\w*|配置|設定|\bconfiguraci[oó]n\b|\bkonfiguration\b|конфиг`)},
	{Completed, mustGate(`\bexit(?:s|ed|ing)?(?: with)?(?: an?)?(?: exit)?(?: status| code)?(?: of| is| was|:| =)? (?:0|zero)\b|\bexit[ -]0|\bexit (?:code|status)\b[^.?!]{0,30}\b(?:is|was|=|:) ?0\b|\bclean(?:ly)? exit|\bexit(?:s|ed)? (?:cleanly|successfully|normally)|\bsuccessfully (?:exit|complet|finish)\w*|\bruns? (?:it |the |just )?(?:once|to completion)\b|\bcron ?jobs? instead of (?:an? )?(?:deployment|statefulset|daemonset|replicaset|pod)s?\b|\b(?:run|deploy)(?:s|ed|ing)? (?:it |this |them )?as an? (?:scheduled |batch |one-?off |kubernetes )*(?:cron ?)?job\b|\b(?:after|once|when) (?:it )?(?:complet|finish)\w* (?:the |its |a |his |her |their )?(?:task|job|work|run|script|processing)\b|\b(?:tests?|runs?|jobs?|tasks?|scripts?|migrations?|backups?|load tests?) (?:is |are |was |were )?(?:completed|finished|over)\b|\bwhen (?:the )?[\w-]+ is (?:reached|completed|finished)\b|\bone-?off\b|\bone-?shot\b|\bterminates after\b|\bshould (?:be|stay|remain) (?:in (?:the |an )?)?(?:exited|stopped|completed)\b|\b(?:is|are|was|were) (?:supposed|meant|expected) to (?:exit|stop|finish|terminate|run once|complete)\b|\b(?:expects?|expected|supposed) (?:\w+ ){0,3}to run forever\b|\bterminating job\b|\b(?:should|would|must) (?:be|run as) an? (?:kubernetes )?(?:cron ?)?job\b|\bno (?:evidence of (?:any )?)?errors?\b|--image[= ](?:docker\.io/)?(?:library/)?(?:hello-world|busybox)\b|\brestart ?polic(?:y|ies)\b|\bcomplete[sd]? (?:without (?:an? )?errors?|successfully)\b|\bessential container in task exited\b|\bimage (?:of )?(?:docker\.io/)?(?:library/)?(?:hello-world|busybox)\b|\b(?:hello-world|busybox)(?::\S+)? image\b|\bhello[- ]?world\b|\bexited \(0\)|\b(?:goes|went|going|turns?|turned|shows?|showed|showing|status(?: is)?|state(?: is)?) ['"\x60]?completed\b|\bcompleted['"]? ?(?:->|→|then|and then) ?['"]?(?:crashloopbackoff|back-?off)\b|\b(?:pull(?:ed|ing)?|run(?:ning)?|deploy(?:ed|ing)?) (?:the |an? )?(?:official |bare |plain )?(?:python|node(?:js)?|ruby|golang|openjdk|ubuntu|alpine|busybox|debian|centos)(?: (?:docker )?image)? (?:to|on|in|into) (?:kubernetes|k8s|a pod|the cluster|minikube)\b|\bdocker (?:service create|run)\b[^|;&]*\s(?:docker\.io/)?(?:library/)?(?:centos|ubuntu|debian|alpine|busybox|fedora|rockylinux|almalinux|amazonlinux)(?::[\w.-]+)?\s*$`)},
	{AppCrash, mustGate(`\bpanic\w*\b|\b[\w.-]+\.sh\b ?(?:has |had |with |throws |gives |shows )?(?:an? )?(?:syntax error|语法(?:报错|错误))|\bsyntax error in (?:the |its )?(?:[\w-]+ )?(?:startup |entrypoint |start |shell )?script\b|脚本.{0,6}语法(?:报错|错误)|\bnil pointer\b|\bglibc|\binvalid memory address\b|\bexceptions?\b|\bregression\b|\bstack ?overflow(?:error|exception)?\b|\bmissing (?:the |a |an |its )?(?:[\w.-]+ )?(?:python |pip |npm |node |java |gem )?(?:dependency|dependencies|module|modules|library|libraries|package|packages)\b|\bno module named\b|\bcannot find module\b|\b(?:not finding|missing|can't find|cannot find|could not find|couldn't find|unable to find)\b[^.]{0,20}\blib[\w.+-]*?\.so\b|\blib[\w.+-]*?\.so[\w.]*\b[^.]{0,20}\b(?:not found|is missing|are missing)\b`)},
}

// reFailureWords say a text is about something failing.
var reFailureWords = mustGate(`crash|restart|fail|error|kill|\boom|loop|backoff|\bdown\b|\bcould(?:n't| not| never)\b|\bwon't (?:start|run|come up|stay up)\b|\bsolved\b|\bfound it\b|\bturned out\b|\bit was the\b|\bso it's the\b|\bthe (?:cause|culprit) (?:is|was)\b|\bterminat(?:ed|es|ing)\b|\bstuck\b|\bhits? (?:the |its )?(?:memory )?limit|\bexit(?:s|ed|ing)\b|\bexit (?:code|status)|cannot|can't|unable|issue|problem|broken|\bfix|blame|` +
	`重启|重啟|崩溃|崩潰|失败|错误|錯誤|报错|出错|异常|異常|无法|無法|不能|挂了|再起動|エラー|失敗|落ちる|재시작|재부팅|강제 종료|오류|실패|충돌|\bfall[aoó]|\berror|\berro\b|\bfalha|reinici|no funciona|\bfehler|absturz|startet neu|neu gestartet|redémarr|\béchou|\berreur|plant[eé]|ошибк|пада|перезапуск|khởi động lại|\blỗi\b|yeniden başl|\bhata\b|\bgagal\b|restart ulang`)

// reCrashTalk say a text is about a program crashing or failing, not
// only about its restarts ("CrashLoopBackOff", "keeps restarting"): the
// line to quote.
var reCrashTalk = mustGate(`\bcrash(?:es|ed|ing)?\b|\bbugs?\b|\berrors?\b|\bfail(?:s|ed|ing|ure)?\b|\bpanic|\bnpe\b|\bexceptions?\b|\buncaught\b|\bbroken\b|\bsegfault|` +
	`崩溃|失败|错误|报错|出错|异常|エラー|失敗|\bfall[aoó]\w*|\bfehler\b|absturz|ошибк`)

// reBugTalk say a text is about a bug in the program: it crashes, panics,
// throws.
var reBugTalk = mustGate(`\bcrash(?:es|ed|ing)?\b|\bbugs?\b|\bpanic|\bnpe\b|\bexceptions?\b|\buncaught\b|\bsegfault|\bregression\b|崩溃|异常`)

// topicCounter counts the words of each kind of cause over the prose
// lines of a text.
type topicCounter struct {
	counts    []int    // per topic family
	first     []string // the first prose line naming each family
	prose     int      // prose lines seen
	failing   bool     // a prose line speaks of a failure
	crashLine string   // the first prose line that speaks of a crash or an error
	bugLine   string   // the first prose line that speaks of a bug in the program
	failLine  string   // the first prose line that speaks of a failure
	settings  int      // lines of pasted settings (values YAML), headings, single words: neither prose nor output
	kills137  int      // memory's count that came from an exit code 137 alone
}

// reSettingLine is a line of pasted settings: "key: value" with one word
// of value or none, a list item, a YAML document marker.
var reSettingLine = regexp.MustCompile(`^(?:[A-Za-z_][\w.\-]*:(?:\s+\S+)?|- [\w.\-]+:.*|- \S+|---)$`)

// reProgressStep is a program's step and its outcome ("fixing
// permissions on existing directory /var/lib/pgsql/data ... ok",
// "selecting dynamic shared memory implementation ... posix"): initdb's
// or a configure script's output, not the reporter's words.
var reProgressStep = regexp.MustCompile(`^[a-z][\w ./'"-]{3,120}? \.\.\. [\w.-]+$`)

// reMinioClientDone is the MinIO client's account of a step it did
// ("Access permission for `myminio/uploads` is set to `download`", "Bucket
// created successfully `myminio/uploads`."): a bucket-making job's output,
// no words about permissions.
var reMinioClientDone = regexp.MustCompile("^(?:Access permission for `[^`]+` is set to `[^`]+`|Bucket created successfully `[^`]+`\\.|Added `[^`]+` successfully\\.)$")

// reCommandWithFlags is a helm or kubeadm command line with a flag, bare
// or in a code span. (A docker or kubectl command's image is words about
// what ran: "docker service create ... centos" is a one-shot image.)
var reCommandWithFlags = regexp.MustCompile("^(?:[-$>`]\\s*)?(?:sudo\\s+)?(?:helm|kubeadm)\\s+[\\w-]+\\b.*\\s--?[a-z]")

// gpuToolLine reports a line of nvidia-smi's table ("| Fan  Temp  Perf
// Pwr:Usage/Cap|         Memory-Usage | ...") or of CUDA's vectorAdd
// sample ("Copy input data from the host memory to the CUDA device"): a
// tool's output, not the reporter's words about memory.
func gpuToolLine(t []byte) bool {
	if t[0] == '|' || t[0] == '+' {
		return bytes.Contains(t, []byte("MiB")) || bytes.Contains(t, []byte("Memory-Usage")) || bytes.Contains(t, []byte("NVIDIA-SMI")) || bytes.Contains(t, []byte("GPU Memory"))
	}
	if reDeviceQueryRow.Match(t) {
		return true // CUDA's deviceQuery: "Maximum memory pitch:   2147483647 bytes"
	}
	return bytes.HasPrefix(t, []byte("Copy input data from the host memory")) || bytes.HasPrefix(t, []byte("Copy output data from the CUDA device"))
}

// reDeviceQueryRow is a row of CUDA's deviceQuery sample: a property, a
// colon and its value after a run of spaces.
var reDeviceQueryRow = regexp.MustCompile(`^(?:Total amount of (?:global|constant|shared) memory|Maximum memory pitch|Support host page-locked memory mapping|Total shared memory per multiprocessor|Memory (?:Clock rate|Bus Width))[^:]*:\s{2,}\S`)

// reTemplateChoices is a list of choices in parentheses, as issue
// templates ask their questions: "(cloud/vm/metal)", "(cpu/memory)".
var reTemplateChoices = regexp.MustCompile(`\((?:[a-z][\w -]*/)+[a-z][\w -]*\)`)

// add reads one line, lower-cased and trimmed.
func (t *topicCounter) add(lower, trimmed []byte) {
	if reSettingLine.Match(trimmed) {
		t.settings++
		return
	}
	if r, _ := utf8.DecodeRune(trimmed); r >= 0x2500 && r <= 0x257F {
		// A line of a box a program draws round a notice (npm's update
		// check, a banner): the program's output, not the reporter's words.
		return
	}
	if bytes.HasPrefix(trimmed, []byte("#")) {
		// A Markdown heading: an issue template's question ("### What
		// architecture are you using?"), not what the report is about.
		t.settings++
		return
	}
	if bytes.HasPrefix(lower, []byte("flags:")) && bytes.Contains(lower, []byte(" sse2")) {
		// lscpu's CPU flags, pasted when the CPU's instruction sets are
		// in question (AVX, SSE4.2).
		t.count(topicExecFormat, 2, string(trimmed))
		return
	}
	if programLine(trimmed) || reProgressStep.Match(trimmed) || gpuToolLine(trimmed) || reMinioClientDone.Match(trimmed) {
		return
	}
	if bytes.HasPrefix(trimmed, []byte("+ ")) || bytes.HasPrefix(trimmed, []byte("++ ")) {
		return // a shell's trace of the command it runs (set -x), not words
	}
	if bytes.Contains(trimmed, []byte("version.Info{")) {
		// `kubectl version`'s "Client Version: version.Info{...
		// Platform:\"darwin/arm64\"}": the environment, not a word about
		// the crash.
		t.settings++
		return
	}
	if bytes.HasPrefix(trimmed, []byte("--")) || bytes.HasSuffix(trimmed, []byte(" \\")) {
		// A pasted command's flags (`--limit-memory=20M \`): what was run,
		// not what the report is about.
		t.settings++
		return
	}
	if reCommandWithFlags.Match(lower) {
		// A pasted helm command ("- helm upgrade --install mediawiki ... --set
		// readinessProbe.failureThreshold=10"): its values are what was
		// run, not what the report is about.
		t.settings++
		return
	}
	if bytes.Count(trimmed, []byte(" ")) < 2 && !hasCJK(trimmed) {
		t.settings++ // "amd64", "bitnami/postgresql 16.3.0": an answer to a template, a name
		return
	}
	if bytes.Contains(lower, []byte("http")) {
		// A link's words ("...#secrets-nondefault-permission-mode") are
		// where the reporter read, not what the report is about.
		lower = reLink.ReplaceAll(lower, nil)
	}
	if bytes.Contains(lower, []byte("overflow")) {
		// The question site ("asked on Stack Overflow") is not the error.
		lower = reStackOverflowSite.ReplaceAll(lower, nil)
	}
	// An issue template's choices in parentheses ("Machine type
	// (cloud/VM/metal) and specifications (CPU/memory)") name no topic.
	lower = reTemplateChoices.ReplaceAll(lower, nil)
	lower = reConfigName.ReplaceAll(lower, []byte("NAME"))
	if bytes.IndexByte(lower, '/') >= 0 {
		// A path's parts ("/config/qbittorrent/config/") name where, not
		// what: linuxserver's /config is no word about a configuration.
		lower = rePathWords.ReplaceAll(lower, []byte("${1}PATH"))
	}
	lower = reImageRef.ReplaceAll(lower, []byte("NAME"))
	ruledOut := reNotTheCause.Match(lower) // counts as prose, names no topic
	t.prose++
	if !t.failing && reFailureWords.Match(lower) {
		t.failing, t.failLine = true, string(trimmed)
	}
	if t.bugLine == "" && reBugTalk.Match(lower) && !loopSymptom(lower) {
		t.bugLine = string(trimmed)
	}
	if t.crashLine == "" && reCrashTalk.Match(lower) && !loopSymptom(lower) {
		t.crashLine = string(trimmed)
	}
	if ruledOut {
		return
	}
	// A question's words are a guess ("Is it the readiness probe?"): they
	// count half as much as a statement's.
	for rest := lower; len(rest) > 0; {
		var sentence []byte
		sentence, rest = nextSentence(rest)
		if reThoughtBut.Match(sentence) {
			continue // "I thought it was the probe, but disabling it did not help": a guess dropped
		}
		per := 2
		if bytes.HasSuffix(sentence, []byte("?")) {
			per = 1
		}
		for i, f := range topicFamilies {
			n := len(f.re.FindAllIndex(sentence, -1))
			if i == topicOOM {
				// "fails due to invalid memory address": a nil pointer
				// (the crash's words), not memory.
				n -= bytes.Count(sentence, []byte("memory address"))
				// "docker inspect shows OOMKilled is false": the flag
				// ruling the OOM killer out.
				n -= 2 * len(reOOMFlagFalse.FindAllIndex(sentence, -1))
				if reNotOOM.Match(sentence) {
					n = 0 // "No OOM, memory is stable around 600Mi of 4Gi"
				}
				t.kills137 += per * min(n, len(reExitWords137.FindAllIndex(sentence, -1)))
			}
			if i == topicExecFormat && reOnBothArchs.Match(sentence) {
				// "Tried on ARM64 and amd64": the same failure on
				// both kinds of CPU, so not a binary built for the
				// other one.
				n = 0
			}
			if topicFamilies[i].cat == Completed && reCrashes.Match(lower) {
				// "stops/crashes at arbitrary times. The Docker restart
				// policy then starts it back up": the restart policy
				// is how a crash comes back, not a task that finished.
				n -= len(reRestartPolicy.FindAllIndex(sentence, -1))
			}
			if i == topicDepend {
				// supervisord's "waiting for xvfb, vnc to die": its
				// own programs stopping, not a service it needs.
				n -= len(reWaitsToDie.FindAllIndex(sentence, -1))
				// Cilium's or a mesh's "DNS proxy" is a part of the
				// program, not a name server it cannot reach.
				n -= len(reDNSProxy.FindAllIndex(sentence, -1))
			}
			if n > 0 {
				t.count(i, per*n, string(trimmed))
			}
		}
	}
}

// reNotOOM is a sentence that rules the memory limit out ("Not
// OOMKilled, memory is way under the limit", "the container isn't
// OOMKilled", "No OOM", "an OOM kill would be 137 / OOMKilled"), also
// in the asker's language ("OOMKilled нигде не видно", "kein OOMKill",
// "没有OOMKilled").
var reNotOOM = regexp.MustCompile(`\bnot oom(?:killed|-killed)?\b|\bno oom(?:s|kills?|killed)?\b|\b(?:isn't|is not|wasn't|was not|aren't|weren't|never) (?:being |getting )?oom(?:killed|-killed)\b|\bmemory (?:is|looks|seems|stays) (?:fine|ok|okay|stable|normal|(?:way |well )?(?:under|below) (?:the |its )?limit)\b|\b(?:an? )?oom(?:[ -]?kill(?:ed)?)? would (?:be|show|say)\b|oom(?:killed|-killed)?\s+(?:нигде\s+|вообще\s+)?не\s|(?:^|\s)нет\s+oom|\bno hay oom|\bsin oom|\bnão (?:é|foi|há|tem) oom|\bsem oom|\bkein(?:e|en)? oom|\bnicht oom|\bpas d'oom|\bpas (?:de )?oom|没有\s*oom|不是\s*oom|oom(?:killed)?\s*(?:ではない|ではありません|は出ていない|は出ていません|じゃない)`)

// reNoProbe is a sentence that rules the probe out: the container has
// none, or none failed ("turns out there's no liveness probe on it", "No
// liveness or readiness probe on this container", "no probe events at
// all", "Liveness probe is `redis-cli ping` and it never failed"). (No
// startup probe is how a liveness probe kills a slow start.)
var reNoProbe = regexp.MustCompile(`\bno liveness(?:[ /]+(?:or |and )?(?:readiness|startup))? ?(?:probes?|checks?)\b|\bno probes? (?:events?|failures?|configured|defined|set|at all)\b|\bno probes? (?:is |are )?(?:involved|configured|defined)\b|\b(?:doesn't|does not|don't|do not|didn't|did not) (?:have|define|set) (?:a |any )?liveness ?probes?\b|\bwithout (?:a |any )?liveness ?probes?\b|\bno ["“]?(?:liveness|startup) probe (?:failed|failures?)["”]? (?:events?|messages?)\b|\b(?:liveness|startup) probe\b.{0,60}\b(?:it |they )?(?:never|didn't|did not|doesn't|does not|hasn't|has not) (?:once )?fail(?:ed|s)?\b`)

// reNoSigill is a sentence that rules a CPU the binary cannot run on out
// by the kernel's words ("and no \"Illegal instruction\"").
var reNoSigill = regexp.MustCompile(`\b(?:no|not an?|not) ["'\x60“]?illegal instruction\b`)

// ruledOutByName reports a sentence that rules cat out by its name ("Not
// OOMKilled", "there's no liveness probe on it", "no \"Illegal
// instruction\"").
func ruledOutByName(cat Category, lower []byte) bool {
	switch cat {
	case OOMKilled:
		return reNotOOM.Match(lower)
	case LivenessProbe:
		return reNoProbe.Match(lower)
	case ExecFormat:
		return reNoSigill.Match(lower)
	}
	return false
}

// reThoughtBut is a sentence that gives up a guess: "I thought it was the
// probe, but ...", "we first suspected the memory limit but ...".
var reThoughtBut = regexp.MustCompile(`\b(?:i|we) (?:first |initially |originally )?(?:thought|assumed|suspected)\b.{0,80}\bbut\b`)

// nextSentence cuts b after its first sentence: at a ".", "?" or "!" that
// ends the text or comes before a space (not the dot inside "v1.2").
func nextSentence(b []byte) (sentence, rest []byte) {
	for i, c := range b {
		if (c == '.' || c == '?' || c == '!') && (i+1 == len(b) || b[i+1] == ' ') {
			return b[:i+1], b[i+1:]
		}
	}
	return b, nil
}

// topicExecFormat is the index of ExecFormat among topicFamilies.
var topicExecFormat = slices.IndexFunc(topicFamilies, func(f topicFamily) bool { return f.cat == ExecFormat })

// topicDepend is the index of DependencyUnavailable's words among
// topicFamilies.
var topicDepend = slices.IndexFunc(topicFamilies, func(f topicFamily) bool { return f.cat == DependencyUnavailable })

// reOOMFlagFalse is Docker's or the kubelet's OOMKilled flag said to be
// false, in words or as printed ("OOMKilled: false", "OOMKilled 是 false").
var reOOMFlagFalse = regexp.MustCompile(`oomkilled\W{0,3}(?:(?:is|was|shows|=|是|为)\W{0,2})?false`)

// reOnBothArchs is a failure said to happen on ARM and x86 alike.
var reOnBothArchs = regexp.MustCompile(`\b(?:tried|tested|happens|happening|occurs|reproduc\w*|same\b[\w ]{0,20}?|fails?|failing|crash(?:es|ing)?|seen|broken)(?: it| this)? (?:on|with|in|under) (?:both )?(?:arm64|aarch64|amd64|x86_64|x86|arm)\b(?: \w+)? (?:and|&|as well as) (?:on )?(?:arm64|aarch64|amd64|x86_64|x86|arm)\b`)

// reCrashes is a line that says the program crashes (the verb: "the
// kubelet considers that a crash" names no crash).
var reCrashes = regexp.MustCompile(`\bcrash(?:es|ed|ing)\b`)

// reRestartPolicy is a restart policy named.
var reRestartPolicy = regexp.MustCompile(`\brestart ?polic(?:y|ies)\b`)

// reDNSProxy is a program's own DNS proxy.
var reDNSProxy = regexp.MustCompile(`\bdns[ -]prox(?:y|ies)\b`)

// reWaitsToDie is a process manager waiting for its own programs to stop.
var reWaitsToDie = regexp.MustCompile(`\bwaiting for [\w, .-]{1,80} to (?:die|exit|stop|terminate)\b`)

// topicProbe is the index of LivenessProbe's words among topicFamilies.
var topicProbe = slices.IndexFunc(topicFamilies, func(f topicFamily) bool { return f.cat == LivenessProbe })

// topicOOM is the index of OOMKilled's words among topicFamilies.
var topicOOM = slices.IndexFunc(topicFamilies, func(f topicFamily) bool { return f.cat == OOMKilled })

// count counts n words of topic family i (two for each word of a
// statement, one for each of a question), first said in line.
func (t *topicCounter) count(i, n int, line string) {
	if t.counts == nil {
		t.counts, t.first = make([]int, len(topicFamilies)), make([]string, len(topicFamilies))
	}
	if t.counts[i] == 0 {
		t.first[i] = line
	}
	t.counts[i] += n
}

// topic returns the kind of cause the prose talks about most, and the
// first line that names it; Unknown when the text is not mostly prose,
// does not speak of a failure or names no kind.
func (t *topicCounter) topic(nonEmpty int) (cat Category, line string, named bool) {
	if !t.failing || t.prose == 0 || 2*t.prose < nonEmpty-t.settings {
		return Unknown, "", false
	}
	counts := slices.Clone(t.counts)
	if counts != nil && counts[topicProbe] > 0 {
		// "exit code 137 (startup probe SIGKILL)": the probe named is
		// the kill's cause, and a 137 alone is no word about memory.
		counts[topicOOM] -= min(t.kills137, counts[topicOOM])
	}
	best := -1
	for i := range counts {
		if counts[i] > 0 && (best < 0 || counts[i] > counts[best]) {
			best = i
		}
	}
	if best < 0 {
		// Prose that speaks of a failure but names no kind of cause is
		// not the log of a task that finished. Words about a bug ("the
		// operator crashes on start", "NPE") are about a crash.
		if t.bugLine != "" {
			return AppCrash, t.bugLine, true
		}
		// Words that only say it fails ("it keeps restarting", "startup
		// error") name no cause; the crash loops reported like this turn
		// out to be a configuration the program rejects more often than
		// anything else (half of them in the corpus, 23 of 46), a guess.
		if t.crashLine != "" {
			return ConfigError, t.crashLine, false
		}
		return ConfigError, t.failLine, false
	}
	return topicFamilies[best].cat, t.first[best], true
}

// topicWords names a kind of cause for a summary.
func topicWords(c Category) string {
	switch c {
	case OOMKilled:
		return "memory"
	case LivenessProbe:
		return "its probes"
	case ExecFormat:
		return "the CPU architecture"
	case PortConflict:
		return "a port in use"
	case PermissionDenied:
		return "permissions"
	case DependencyUnavailable:
		return "a dependency it cannot reach"
	case CommandNotFound:
		return "its command"
	case MissingConfigObject:
		return "a missing ConfigMap or Secret"
	case Segfault:
		return "a segmentation fault"
	case ConfigError:
		return "its configuration"
	case Completed:
		return "a task that finishes"
	}
	return "a crash"
}

// reConfigName is a name made of words joined by hyphens one of which is
// "config" ("prometheus-config-reloader", "config-volume"): a container's,
// volume's or object's name, not words about a configuration.
var reConfigName = regexp.MustCompile(`\b[a-z0-9]+(?:-[a-z0-9]+)*-config\w*(?:-[a-z0-9]+)*\b|\bconfig\w*(?:-[a-z0-9]+)+\b`)

// reImageRef is an image reference with its repository and tag
// ("akitaonrails/ai-memory:latest"): a name, whatever words it holds.
var reImageRef = regexp.MustCompile(`\b[a-z0-9][\w.-]*(?:/[\w.-]+)+:[\w][\w.-]*`)

// rePathWords is an absolute path after a space, a quote, a parenthesis
// or an equals sign.
var rePathWords = regexp.MustCompile(`(^|[\s("'\x60=])(?:/[\w.@-]+)+/?`)

// reStackOverflowSite is the question site named in words.
var reStackOverflowSite = regexp.MustCompile(`\b(?:on|at|to|in|from|via) stack ?overflow\b`)

// reLink is a URL, with a Markdown link's parentheses around it.
var reLink = regexp.MustCompile(`\(?https?://[^\s)]+\)?`)

// hasCJK reports Chinese, Japanese or Korean script in a line: sentences
// written without spaces between their words.
func hasCJK(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
		b = b[n:]
	}
	return false
}
