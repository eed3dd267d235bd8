package diagnose

import (
	"bytes"
	"regexp"
	"sync"
)

// Pattern weights: a line's score is its best pattern's weight plus the
// severity of the line, so a specific cause beats a generic crash line and
// a generic crash line beats a marker such as "Traceback".
const (
	weightMarker   = 2
	weightGeneric  = 10
	weightSpecific = 20
	weightPrecise  = 22 // more precise than a specific pattern matching the same line
)

// psRowAgo is the rest of a `docker ps` / `podman ps` / `docker compose ps`
// STATUS after its exit code: "Restarting (N) 8 seconds ago".
const psRowAgo = `(?:\d+|an?|about an?|About an?|Less than a(?:n)?) \w+ ago\b`

// pattern recognises one kind of log line.
type pattern struct {
	id     string
	cat    Category
	weight int
	any    [][]byte       // lower-case substrings; at least one must occur
	not    [][]byte       // lower-case substrings that veto the pattern
	re     *regexp.Regexp // optional; must match the line as well
	gate   [][]byte       // re's gate (see gate.go), looked for in the lower-cased line
	hint   string         // what to change, for next steps
}

// match reports whether the line matches p. Its regular expression may
// match the raw line or its message without the timestamp and log-viewer
// prefixes (content), so anchored expressions work on prefixed lines.
func (p *pattern) match(idx *lineIndex, lower, line, content []byte) bool {
	hit := len(p.any) == 0
	for _, k := range p.any {
		if idx.mayContain(k) && bytes.Contains(lower, k) {
			hit = true
			break
		}
	}
	if !hit {
		return false
	}
	if p.vetoed(lower) || !gateOpen(p.gate, lower) {
		return false
	}
	return p.re == nil || p.re.Match(line) || (len(content) != len(line) && p.re.Match(content))
}

// strongestPattern returns the heaviest pattern the line matches (the
// first of equal weight), or nil; idx must index lower.
func strongestPattern(idx *lineIndex, lower, line, content []byte) *pattern {
	var best *pattern
	for _, p := range patterns {
		if (best == nil || p.weight > best.weight) && p.match(idx, lower, line, content) {
			best = p
		}
	}
	return best
}

// matchLower reports whether p's expression matches lower-cased text.
func (p *pattern) matchLower(lower []byte) bool {
	return gateOpen(p.gate, lower) && p.re.Match(lower)
}

// vetoed reports whether text holds one of p's veto words.
func (p *pattern) vetoed(text []byte) bool {
	for _, k := range p.not {
		if bytes.Contains(text, k) {
			return true
		}
	}
	return false
}

// Hints shared by several patterns.
const (
	hintDepend         = "Check that the dependency's Service exists, has ready endpoints and the host/port in the app's config are right; make the app retry with back-off instead of exiting, or wait for it in an init container."
	hintAuth           = "The dependency answered but rejected the credentials; check the user and password (usually from a Secret) against what the server expects."
	hintCert           = "TLS verification failed: mount the right CA bundle, fix the hostname the app connects to, or renew the certificate."
	hintEnv            = "Set the missing environment variable in the container spec (env or envFrom a ConfigMap/Secret)."
	hintFlag           = "Fix the command/args in the container spec: the program rejects a flag or argument (often after an image upgrade renamed it)."
	hintStopped        = "The program stopped on this error: read the line for the setting, file or stored data it names (a value, a version the data or a peer does not support, state left on a volume) and fix that; if it names none, compare the configuration with the version's upgrade notes."
	hintParse          = "Fix the configuration file the app loads (often a ConfigMap): it does not parse or has an invalid value."
	hintFile           = "A file the app needs is missing: check volumeMounts (ConfigMap/Secret items and keys, subPath) and the path in its config."
	hintPort           = "Another process in the pod's network namespace (another container, a second instance, or the node with hostNetwork: true) already listens on that port: change one of the ports."
	hintPerm           = "Make the path writable for the container's user: set securityContext.fsGroup / runAsUser to match the files, or mount an emptyDir at paths the app writes."
	hintReadOnly       = "The root filesystem is read-only (securityContext.readOnlyRootFilesystem: true): mount an emptyDir at the path the app writes to (e.g. /tmp, cache dirs)."
	hintPrivPort       = "Non-root processes cannot bind ports below 1024: listen on a port >= 1024 (e.g. 8080) and map it in the Service, or add capability NET_BIND_SERVICE."
	hintRBAC           = "The ServiceAccount lacks RBAC permission: add a Role/ClusterRole and RoleBinding granting the verb and resource named in the error."
	hintModule         = "A module/library the app imports is missing from the image: fix the build (dependencies installed in the final stage) or the image tag."
	hintSigterm        = "Something stopped the process with SIGTERM while it was starting or running: most often a failing liveness or startup probe (give slow starts a startupProbe or a longer initialDelaySeconds/failureThreshold); otherwise a deletion, eviction or node drain. The pod's events say which."
	hintOOMHeap        = "The runtime's heap limit was reached: raise -Xmx / -XX:MaxRAMPercentage (Java) or --max-old-space-size (Node.js) together with resources.limits.memory, or fix the leak."
	hintEntry          = "The entrypoint is missing or cannot run: check command/args in the spec against the image (path, executable bit, CRLF line endings in scripts, glibc binary on an Alpine/musl image)."
	hintMount          = "A volumeMount does not fit the image: a subPath names a missing ConfigMap/Secret key, or a file is mounted over a directory (or the reverse): check volumeMounts, subPath and the volume's items."
	hintServiceLink    = "A Service named like this app makes Kubernetes inject <NAME>_PORT=tcp://IP:PORT (and <NAME>_SERVICE_HOST/_PORT) into the pod, and the app read it as its own setting: set enableServiceLinks: false in the pod spec, rename the Service, or set the variable the app reads explicitly."
	hintIdentity       = "The server refused this identity: grant the pod's ServiceAccount (or the cloud identity bound to it: IRSA, Workload Identity) the role or policy it needs, or fix the role it logs in with."
	hintSigill         = "The binary needs CPU instructions the node lacks: use an image version built for older CPUs, or schedule the pod on nodes with newer CPUs."
	hintNative         = "The process crashed in native code: check the image version (roll back), native libraries and architecture."
	hintGlibc          = "The binary needs a newer glibc than the image has: build it on the same base image it runs on, link it statically, or install the matching libc in the final stage."
	hintMigration      = "A schema migration in this release fails on the database's data or schema: fix the migration (or the data it trips on) in a new release, or roll back to the release before it; repair the migration table before retrying if the tool left it marked failed or dirty."
	hintData           = "The data on the volume does not match what the server expects (corrupt file, a lock held by another instance, a cluster/node id from an earlier install, a newer format): repair or restore it, make sure only one pod uses the volume, or for a disposable install delete the PVC so it is re-initialised."
	hintJenkinsPlugins = "The Jenkins plugins given do not fit the core or each other: pin versions that go together (or update the Jenkins image), e.g. let the plugin manager resolve the dependencies instead of pinning each."
	hintLoopback       = "The app connects to localhost, but in Kubernetes its dependency runs in another pod: nothing listens on localhost in this pod. Set the dependency's host (usually an env var or the config file) to its Service name (svc.namespace.svc.cluster.local)."
	hintOOMLimit       = "The container was killed at its memory limit: raise resources.limits.memory (and requests) to what it really needs, or lower its heap/worker settings so it fits."
	hintArch           = "The image is built for another CPU architecture than the node: build a multi-arch image (docker buildx build --platform linux/amd64,linux/arm64) or pin the pod to matching nodes with a nodeSelector on kubernetes.io/arch."
	hintPlaceholder    = "The config still holds a template placeholder or an unexpanded variable: the step that fills it in (envsubst, sed, the image's templates, a shell) did not run or did not have the variable; check the entrypoint, the variable's name and that it is set in the container's env."
	hintSystemd        = "The command needs systemd running as PID 1 (systemctl, a unit): run the service's own program in the foreground instead, or make systemd itself the container's PID 1 with what it needs."
)

func pat(id string, cat Category, weight int, hint string, any ...string) *pattern {
	return &pattern{id: id, cat: cat, weight: weight, any: toBytes(any), hint: hint}
}

func (p *pattern) without(not ...string) *pattern { p.not = append(p.not, toBytes(not)...); return p }

func toBytes(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

func (p *pattern) matching(re string) *pattern {
	p.re, p.gate = regexp.MustCompile(re), gateOf(re, true)
	return p
}

// nonZeroExitWords returns each prefix followed by each exit code 1-9 ("then
// exits 1"): words of a process that ends with an error, not cleanly.
func nonZeroExitWords(prefixes ...string) []string {
	var out []string
	for _, p := range prefixes {
		for d := '1'; d <= '9'; d++ {
			out = append(out, p+string(d))
		}
	}
	return out
}

// rePlaceholder is a template placeholder or shell variable left
// unexpanded in a value ("{{inputs.parameters.run-date}}", "${PORT}",
// "$PORT").
const rePlaceholder = `(?:\{\{\s*\.?[\w.-]+\s*\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Z_][A-Z0-9_]{2,})`

// patterns is the table of recognised log lines. Every line is checked
// against all of them; the one with the highest weight names the category.
// changesTried are the words of changes tried in vain ("I tried bumping
// memory to 512Mi, then ... Still restarting", "raised memory, removed
// the liveness probe on /ping. Always the same single line"): a raise or
// a removal that did not help rules its cause out.
var changesTried = append([]string{"tried", "trying", "attempted"}, changesFailed...)

// changesFailed are the words that the failure stayed after a change
// ("Every time:", "Always the same single line").
var changesFailed = []string{"still restarting", "still crashing", "still failing", "always the same", "every time", "same error", "same way", "same single"}

var patterns = []*pattern{
	// Out of memory inside the runtime.
	// A program that cannot start another thread: the container's process
	// limit (pids.max, podPidsLimit) or ulimit -u far more often than
	// memory. The JVM's "OutOfMemoryError: unable to create native
	// thread", glibc's pthread_create EAGAIN, Go's "failed to create new OS
	// thread", tokio's "OS can't spawn worker thread: Resource temporarily
	// unavailable" (its EPERM is an old seccomp profile).
	pat("thread_limit", ConfigError, weightPrecise+3, "The program could not start another thread: the container's process limit (pids.max, the kubelet's podPidsLimit, Docker's --pids-limit) or ulimit -u was reached, or the threads' memory ran out. Count the app's threads (pools and workers sized to the node's CPUs), raise the pids limit, or lower the thread counts.", "native thread", "pthread_create", "os thread", "spawn worker thread").matching(`(?i)\bunable to create (?:new )?native thread\b|\bpthread_create failed \(EAGAIN\)|\bfailed to create new OS thread\b|\bOS can't spawn worker thread: Resource temporarily unavailable\b`),
	// libuv's assertions at Node's start ("Assertion `(0) ==
	// (uv_thread_create(...))' failed", "uv_gettimeofday"), Tor's bare
	// "gettimeofday failed", Redis's "Can't initialize Background Jobs"
	// (its threads refused): most often an
	// old Docker or libseccomp whose seccomp profile refuses a newer
	// syscall (clone3, the 64-bit time calls on 32-bit ARM) with EPERM.
	pat("libuv_syscall_refused", PermissionDenied, weightPrecise+2, "Node's libuv could not make a basic system call at start: most often the container runtime's seccomp profile refuses a newer syscall (clone3 for threads, the 64-bit time calls on 32-bit ARM) because Docker or libseccomp2 on the host is old. Upgrade Docker/containerd and libseccomp2, or run with --security-opt seccomp=unconfined to confirm; if a pids limit is set (podPidsLimit, --pids-limit), it may be that limit instead.", "uv_thread_create", "uv_gettimeofday", "uv_clock_gettime", "gettimeofday failed", "background jobs").matching(`\(uv_(?:thread_create|gettimeofday|clock_gettime)\(|^\s*gettimeofday failed\s*$|\bCan't initialize Background Jobs\b`),
	// s6's supervisor refused its wait ("s6-svscan: warning: unable to
	// iopause: Operation not permitted", then it execs .s6-svscan/crash,
	// which is missing): on 32-bit ARM an old libseccomp2 on the host
	// refuses the 64-bit time calls of a newer Alpine base. (The exec
	// patterns leave that missing .s6-svscan/crash alone: a consequence.)
	pat("s6_iopause_refused", PermissionDenied, weightPrecise+3, "s6's supervisor could not wait for its services: on 32-bit ARM (Raspberry Pi OS Buster and the like) the container runtime's seccomp profile refuses the 64-bit time calls of a newer base image because libseccomp2 on the host is old. Upgrade libseccomp2 (from buster-backports) and Docker, use an image on an older base, or run with --security-opt seccomp=unconfined to confirm.", "unable to iopause").matching(`(?i)\bunable to iopause: (?:Operation not permitted|Function not implemented)`),
	// s6-supervise's own "can't happen: timeout while the service is up!"
	// repeated for every service: its clock calls fail (the same refused
	// 64-bit time calls of a newer Alpine base on 32-bit ARM), so a
	// timeout it never set fires.
	pat("s6_timeout_cant_happen", PermissionDenied, weightPrecise+2, "s6's supervisor sees timeouts it never set: on 32-bit ARM (Raspberry Pi OS Buster and the like) the container runtime's seccomp profile refuses the 64-bit time calls of a newer base image (Alpine 3.13 and later) because libseccomp2 on the host is old. Upgrade libseccomp2 (from buster-backports) and Docker, use an image on an older base, or run with --security-opt seccomp=unconfined to confirm.", "can't happen: timeout while the service is up").matching(`(?i)\bs6-supervise \S+: warning: can't happen: timeout while the service is up\b`),
	// Haskell's read and OCaml's int_of_string on a value that does not
	// parse: at start, nearly always a setting's value (an env var, a
	// chart value left empty).
	pat("haskell_read_no_parse", ConfigError, weightPrecise+1, hintParse, "prelude.read: no parse").matching(`(?i)\bPrelude\.read: no parse\b`),
	pat("ocaml_of_string", ConfigError, weightPrecise+1, hintParse, "_of_string").matching(`\bFailure\("(?:int|float|bool|int32|int64)_of_string"\)`),
	// Bugs in the program's own code, as less common runtimes word them:
	// GHC's <<loop>> (a value defined by itself) and fromJust of Nothing,
	// Julia's MethodError, Perl's undeclared variable under strict.
	pat("haskell_loop", AppCrash, weightPrecise, "", "<<loop>>").matching(`^\S+: <<loop>>\s*$`),
	pat("haskell_fromjust", AppCrash, weightPrecise, "", "fromjust: nothing").matching(`\bMaybe\.fromJust: Nothing\b`),
	// GHC's pattern-match failure ("src/Status.hs:(27,3)-(33,35):
	// Non-exhaustive patterns in case"): a value the code has no case for.
	pat("haskell_nonexhaustive", AppCrash, weightPrecise, "", "non-exhaustive patterns in").matching(`\.hs:[\d(),:-]+: Non-exhaustive patterns in\b`),
	pat("haskell_partial", AppCrash, weightSpecific, "", "given key is not an element", "empty list", "index too large", "negative index").matching(`\bMap\.!: given key is not an element in the map\b|\bPrelude\.(?:head|tail|last|init|maximum|minimum|foldr1|foldl1): empty list\b|\bPrelude\.!!: (?:index too large|negative index)\b`),
	// fluentd's account of a Ruby exception in a plugin
	// ("error_class=NoMethodError error=\"undefined method `each' for
	// nil:NilClass\""): the plugin's code, not fluent.conf.
	pat("fluentd_plugin_bug", AppCrash, weightSpecific, "A fluentd plugin raised a Ruby exception from its own code: pin the plugin version that worked, or fix the line its backtrace names.", "error_class=").matching(`\berror_class=(?:NoMethodError|NameError|TypeError|ZeroDivisionError|FrozenError|NoMatchingPatternError|LocalJumpError|SystemStackError)\b`),
	// Symfony's error handler on code that names a class or method that
	// does not exist ("Attempted to load class \"ApprovalService\" from
	// namespace ...", "Attempted to call an undefined method named").
	pat("symfony_undefined_code", AppCrash, weightSpecific, "", "attempted to").matching(`\bAttempted to (?:load (?:class|interface|trait) "[^"]+" from (?:namespace|the global namespace)|call an undefined (?:method|function) named)\b`),
	pat("julia_method_error", AppCrash, weightPrecise, "", "methoderror: no method matching").matching(`\bMethodError: no method matching\b`),
	// Julia's UndefVarError (a name the code uses but never defines),
	// Clojure's compiler on a symbol it cannot resolve (its "Syntax error
	// compiling" heading alone also wraps a setting checked as a namespace
	// loads), Scala's None.get, Gleam's todo and failed let assert.
	pat("julia_undef_var", AppCrash, weightPrecise, "", "undefvarerror:").matching(`\bUndefVarError: \x60?[\w!.]+\x60? not defined\b`),
	pat("clojure_unresolved", AppCrash, weightPrecise, "", "unable to resolve symbol").matching(`\bUnable to resolve symbol: \S+ in this context\b`),
	pat("scala_none_get", AppCrash, weightPrecise, "", "none.get").matching(`\bNoSuchElementException: None\.get\b`),
	pat("gleam_todo", AppCrash, weightPrecise, "", "runtime error: ").matching(`^runtime error: (?:todo|panic)\b`),
	// A failed let assert is a bug unless the value it did not match names
	// a known failure ("Error(SystemError(Eaddrinuse))" under it): a lower
	// weight lets that line decide.
	pat("gleam_let_assert", AppCrash, weightSpecific, "", "runtime error: ").matching(`^runtime error: (?:let assert|assert)\b`),
	pat("perl_strict_symbol", AppCrash, weightPrecise, "", "requires explicit package name").matching(`\bGlobal symbol "[$@%][\w:]+" requires explicit package name\b`),
	// Ruby 3.1's Psych 4 no longer loads YAML aliases (database.yml's
	// "<<: *default") unless asked: Rails before 7.0 does not ask.
	pat("psych4_aliases", AppCrash, weightPrecise+1, "Ruby 3.1 ships Psych 4, which no longer loads YAML aliases by default, and this Rails (before 7.0) loads database.yml without enabling them: upgrade Rails, pin psych below 4 in the Gemfile, or stay on Ruby 3.0.", "alias parsing was not enabled", "psych::badalias", "psych::aliasesnotenabled").matching(`(?i)\bAlias parsing was not enabled\b|\bPsych::(?:BadAlias|AliasesNotEnabled)\b`),
	// Deno's and Bun's entry file missing: "error: Module not found
	// "file:///app/main.ts"." with no importer after it.
	pat("deno_bun_entry_missing", CommandNotFound, weightPrecise, hintEntry, "module not found \"").matching(`^error: Module not found "[^"]+"\.?\s*$`),
	// Fluentd's kubernetes_metadata filter restarting the process when
	// its watch expires (the plugin's bug before 2.5.1).
	pat("metadata_watch_restart", AppCrash, weightPrecise+1, "Fluentd's kubernetes_metadata filter gives up watching pods or namespaces when the API server says its resource version is too old, and restarts the process: a bug of the plugin's older releases (fixed in fluent-plugin-kubernetes_metadata_filter 2.5.1): upgrade the plugin, or the fluentd image or chart that bundles it.", "watch event", "too old resource version").matching(`(?i)\bException encountered parsing (?:pod|namespace) watch event\b|\bError while watching (?:pods|namespaces): too old resource version\b`),
	// An older fabric8 Kubernetes client (Strimzi, other Java operators)
	// cannot read the /version answer of a newer API server (1.32's
	// emulationMajor): the operator is too old for the cluster.
	pat("fabric8_version_field", AppCrash, weightPrecise+1, "The operator's Kubernetes client (fabric8) is older than this API server and cannot read its /version answer: upgrade the operator to a release built for this Kubernetes version.", "kubernetes.client.versioninfo").matching(`\bUnrecognized field "\w+" \(class io\.fabric8\.kubernetes\.client\.VersionInfo\)|(?i)\b(?:changed|new|unknown|unrecognized) fields? in io\.fabric8\.kubernetes\.client\.VersionInfo\b`),
	// php-fpm's pool runs as a user or group the image lacks.
	pat("phpfpm_pool_user", ConfigError, weightPrecise, "The php-fpm pool's user or group does not exist in this image: set user/group in the pool config to one it has (www-data in the official images), or create it.", "cannot get uid for user", "cannot get gid for group").matching(`(?i)\bcannot get (?:uid for user|gid for group) '[^']*'`),
	// Postgrex told to use TLS against a server without it.
	pat("postgrex_ssl_not_available", ConfigError, weightPrecise, "The app asks the database for TLS (ssl: true) and the server does not offer it: turn TLS on in the server, or set ssl: false for this database.", "ssl not available").matching(`\(DBConnection\.ConnectionError\) ssl not available\b`),
	// .NET's X509 store under a HOME another user created.
	// .NET Framework's own words for a config file it cannot read
	// ("Unrecognized configuration section retryPolicy. (C:\svc\App.exe.Config
	// line 14)") and for a registry key its user may not open.
	pat("netfx_config_section", ConfigError, weightPrecise, "The app's .config file has an element .NET does not know: declare the section in <configSections> (with its handler type) or remove it; the message names the file and line.", "unrecognized configuration section").matching(`(?i)\bUnrecognized configuration section [\w.]+`),
	pat("netfx_registry_denied", PermissionDenied, weightPrecise, "The process's user may not open a registry key it reads or writes: run as a user with access (ContainerAdministrator, or grant the key to ContainerUser in the image), or move the setting out of the registry.", "requested registry access is not allowed").matching(`(?i)\bRequested registry access is not allowed\b`),
	pat("dotnet_store_owner", PermissionDenied, weightPrecise, hintPerm, "is not the current user").matching(`\bThe owner of '[^']+' is not the current user\b`),
	// ADO.NET without a connection string (the name the code asks for is
	// not set).
	pat("dotnet_connection_string_unset", ConfigError, weightPrecise, "The connection string the code asks for is not set: check the name GetConnectionString reads against the ConnectionStrings__<Name> variable or appsettings section.", "connectionstring property has not been initialized").matching(`\bThe ConnectionString property has not been initialized\b`),
	// The kubelet has no serving certificate yet (its CSR not approved),
	// so an agent that reads the kubelet's API fails at start: "http: TLS
	// handshake error from ...: no serving certificate available for the
	// kubelet".
	pat("kubelet_no_serving_cert", DependencyUnavailable, weightPrecise, "The kubelet this pod reads from has no serving certificate yet (its certificate signing request is not approved): approve the node's kubelet-serving CSR (kubectl get csr), or let the agent wait and retry instead of exiting.", "no serving certificate available for the kubelet"),
	// V8's fatal error from a release build ("# Fatal error in , line 0"
	// then "# unreachable code"), printed at each start of Node on 32-bit
	// ARM when an old libseccomp2 on the host refuses the 64-bit time
	// calls.
	pat("v8_fatal_old_seccomp", PermissionDenied, weightPrecise, "Node's V8 stopped at start with no file named: on 32-bit ARM (Raspberry Pi OS Buster and the like) this is the container runtime's seccomp profile refusing the 64-bit time calls because libseccomp2 on the host is old. Upgrade libseccomp2 (from buster-backports) and Docker, or run with --security-opt seccomp=unconfined to confirm.", "fatal error in , line 0").matching(`^\s*#?\s*Fatal error in , line 0\s*$`),
	// .NET's host that cannot start its runtime ("Failed to create CoreCLR,
	// HRESULT: 0x80070008"): no writable /tmp under a read-only root, or an
	// old Docker's seccomp profile refusing its threads.
	// The .NET GC cannot reserve the heap its settings ask for
	// (DOTNET_GCHeapHardLimit, which it reads as hex, or a heap count or
	// affinity setting beyond the container).
	pat("dotnet_gc_heap_init", ConfigError, weightPrecise+1, "The .NET GC could not reserve its heap: check DOTNET_GCHeapHardLimit (read as hexadecimal: 0xC800000 is 200 MB) or GCHeapHardLimitPercent, GCHeapCount and GCHeapAffinitize settings against the container's memory limit.", "gc heap initialization failed").matching(`(?i)\bGC heap initialization failed with error 0x[0-9a-f]{8}\b`),
	pat("coreclr_create_failed", PermissionDenied, weightPrecise, "The .NET runtime could not start: most often the root filesystem is read-only with no writable temp directory (mount an emptyDir at /tmp), or an old Docker/libseccomp2 on the node refuses its threads (clone3): upgrade Docker and libseccomp2, or try --security-opt seccomp=unconfined to confirm.", "failed to create coreclr").matching(`(?i)\bFailed to create CoreCLR, HRESULT: 0x(?:80070008|8007000E|80004005)\b`),
	// Kafka Connect without the connector's class on its plugin path (not
	// installed, or a volume over the plugin directory hides it).
	pat("connect_plugin_missing", ConfigError, weightPrecise+1, "Kafka Connect cannot find the connector's class: install the connector's plugin into a directory on plugin.path (CONNECT_PLUGIN_PATH), check the class name, and that no volume hides the plugin directory.", "failed to find any class that implements connector").matching(`(?i)\bFailed to find any class that implements Connector\b`),
	// A program given a port or socket path that is still a variable
	// ("listen EACCES: permission denied ${PORT}"): nothing expanded it.
	pat("listen_unexpanded_variable", ConfigError, weightPrecise+2, hintPlaceholder, "listen e").matching(`(?i)\blisten E[A-Z]+\b[^\n]{0,40}(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\([A-Za-z_][A-Za-z0-9_]*\))`),
	// Symfony's kernel that cannot write its cache or log directory.
	// A program naming the write permission it lacks (Elasticsearch's
	// keystore: "unable to create temporary keystore at [...], write
	// permissions required for [...]").
	pat("write_permission_required", PermissionDenied, weightPrecise, hintPerm, "permission").matching(`(?i)\bwrite permissions? (?:is |are )?required (?:for|on|to)\b`),
	pat("symfony_unwritable_dir", PermissionDenied, weightPrecise, hintPerm, "unable to write in the").matching(`(?i)\bUnable to write in the "[^"]+" directory\b`),
	// A process limit stated beside a thread that could not start
	// ("the cluster has podPidsLimit: 512", "--pids-limit 100").
	pat("pids_limit_named", ConfigError, weightPrecise+3, "The container's process limit (pids.max, the kubelet's podPidsLimit, Docker's --pids-limit) was reached: raise it, or lower the app's thread and worker counts (pools sized to the node's CPUs).", "pidslimit", "pids-limit", "pids_limit", "pids.max").matching(`(?i)\bpodPidsLimit\b|\S[^\n]*--pids-limit\b|--pids-limit\b[= ]?\d*\s*[^\s\d\\]|\bpids_limit\b|\bpids\.max\b`),
	// Kernel and shared-memory limits a program names at start: Oracle's
	// MEMORY_TARGET above /dev/shm, Seastar's aio-max-nr, NCCL's segment
	// in a /dev/shm that is too small (or df showing it full beside a Bus
	// error, PyTorch's DataLoader "might be caused by insufficient shared
	// memory (shm)"), the JVM's initial heap given without a unit.
	pat("kernel_shm_limits", ConfigError, weightPrecise+2, "A kernel or shared-memory limit is too small for the program: give /dev/shm the size it needs (an emptyDir with medium: Memory and a sizeLimit; Docker's --shm-size), raise the node's sysctl it names (fs.aio-max-nr), or correct the JVM size (-Xms/-Xmx need a unit: 512m).", "ora-00845", "aio-max-nr", "shared memory segment", "too small initial heap", "% /dev/shm", "shared memory (shm)", "out of shared memory").matching(`(?i)\bcaused by insufficient shared memory \(shm\)|\bDataLoader worker \(pid \d+\) is killed by signal: Bus error\b.{0,80}\bout of shared memory\b|\bORA-00845: MEMORY_TARGET not supported\b|\bCould not setup Async I/O\b.{0,120}\baio-max-nr\b|\bError while creating shared memory segment /dev/shm/|^\s*Too small initial heap\s*$|^\s*(?:shm|tmpfs)\s+\d+(?:\.\d+)?[KMG]i?\s+\S+\s+\S+\s+100% /dev/shm\s*$`),
	// A JVM in an image with a newer glibc on an old Docker or runc: its
	// seccomp profile refuses clone3 with EPERM instead of ENOSYS, and the
	// JVM reports it as memory ("Out of Memory Error (workerManager.hpp:70)").
	pat("jvm_thread_seccomp", PermissionDenied, weightPrecise+2, "The container runtime's seccomp profile refuses the JVM's thread creation: an old Docker (before 20.10.10) or runc runs an image with a newer glibc. Upgrade Docker/runc (and libseccomp), or as a stopgap run with --security-opt seccomp=unconfined.", "workermanager.hpp", "pthread_create failed (eperm)").matching(`(?i)\bout of memory error \(workermanager\.hpp:\d+\)|\bpthread_create failed \(EPERM\)`),
	pat("java_oom", OOMKilled, weightPrecise, hintOOMHeap, "java.lang.outofmemoryerror", "outofmemoryerror:", "gc overhead limit exceeded"),
	// A JVM tool's own account of the heap error (Liquibase's "Exception
	// Primary Reason:  Java heap space", "Liquibase failed: Java heap
	// space").
	pat("jvm_heap_words", OOMKilled, weightPrecise, hintOOMHeap, "java heap space").matching(`(?i)(?:\bprimary reason|\bfailed|\berror):\s+java heap space\s*$`),
	// PHP's own memory_limit, reached by a script or a worker.
	pat("php_memory_limit", OOMKilled, weightPrecise, "PHP reached its memory_limit (php.ini or -d memory_limit): raise it, together with the container's memory limit, or make the script use less (batch the work).", "allowed memory size of").matching(`(?i)\ballowed memory size of \d+ bytes exhausted\b`),
	// Cloud Run's, App Engine's and Cloud Functions' kill at the instance's
	// memory limit.
	pat("serverless_memory_limit", OOMKilled, weightPrecise+1, hintOOMLimit, "memory limit of").matching(`(?i)\bmemory limit of \d+(?:\.\d+)? ?[mg]i?b exceeded with \d+(?:\.\d+)? ?[mg]i?b used\b`),
	// Cloud Run's and GKE's account of an OOM kill in the container's log
	// ("Out-of-memory event detected in container"): above the startup
	// probe that then fails because the process is gone.
	pat("oom_event_detected", OOMKilled, weightPrecise+3, hintOOMLimit, "out-of-memory event detected in container"),
	pat("node_heap_oom", OOMKilled, weightPrecise, hintOOMHeap, "javascript heap out of memory", "reached heap limit", "allocation failed - javascript heap"),
	// The Go runtime's own fatal errors: a data race on a map, a deadlock,
	// a runaway recursion. Always a bug in the program (or a library it
	// links), never a setting.
	// The BEAM's own exceptions and exit reasons for code that cannot run
	// as written (a function clause no argument matches, a division by
	// zero, a failed match): a bug. A match that failed on an error tuple
	// ("{badmatch,{error,...}}") is about that error, read on its own.
	pat("beam_code_error", AppCrash, weightPrecise, "", "error)", "function_clause", "badarith", "badmatch", "case_clause", "undef").matching(`\*\* \((?:FunctionClauseError|ArithmeticError|MatchError|CaseClauseError|CondClauseError|WithClauseError|BadMapError|BadArityError|BadFunctionError|UndefinedFunctionError|Protocol\.UndefinedError)\)|\*\* \(KeyError\) key :\w+ not found|\{:?(?:function_clause|badarith|badmatch|case_clause|undef),`).without("badmatch,{error", "badmatch, {error", "badmatch, {:error", "right hand side value: {:error"),
	// The BEAM itself out of memory ("eheap_alloc: Cannot allocate
	// 3936326656 bytes of memory (of type \"heap\")").
	pat("beam_oom", OOMKilled, weightPrecise, hintOOMHeap, "cannot allocate").matching(`(?i)\b\w+_alloc: cannot allocate \d+ bytes of memory\b`),
	pat("go_runtime_fatal", AppCrash, weightPrecise, "", "fatal error: concurrent map", "fatal error: all goroutines are asleep", "fatal error: stack overflow", "fatal error: sync: ", "goroutine stack exceeds"),
	// MongoDB's own assertion ("***aborting after invariant() failure"):
	// a bug it stops on, unless a line before it says more (its fassert()
	// follows the storage engine's errors: a disk full, a corrupt file).
	pat("mongo_invariant", AppCrash, weightSpecific, "", "aborting after invariant() failure"),
	// A Go program whose flag value is rejected by a panic of its own
	// ("panic: Metric-resolution should be a time duration at least 10s,
	// but value 5s provided", metrics-server): a setting, not a bug.
	pat("panic_on_setting", ConfigError, weightPrecise+2, hintParse, "panic: ").matching(`(?i)^\s*panic: .{3,80}\b(?:should|must) be .{1,80}, but (?:value |got )?.{1,40}\b(?:provided|given)\b`),
	// Jenkins remoting's work directory the agent's user may not use.
	pat("jenkins_workdir", PermissionDenied, weightPrecise, hintPerm, "fully accessible to the remoting executable"),
	pat("go_oom", OOMKilled, weightPrecise, "", "runtime: out of memory", "fatal error: out of memory"),
	// A controller's account of its worker pod's end, in the form the
	// Kubernetes client prints a container status (Flink's native
	// resource manager: "container termination statuses:
	// [flink-main-container(exitCode=137, reason=OOMKilled, ...)]").
	pat("worker_status_oomkilled", OOMKilled, weightPrecise, hintOOMLimit, "reason=oomkilled").matching(`\bexitCode=137, reason=OOMKilled\b`),
	// Spark's analyzer refusing a column or a task the program's code
	// names: the job's own code (a renamed field, a closure over an object
	// that cannot be shipped to the executors).
	pat("spark_code_error", AppCrash, weightPrecise, "", "unresolved_column", "task not serializable").matching(`\[UNRESOLVED_COLUMN\.\w+\]|\bTask not serializable\b`),
	// gRPC's wait for a channel to become ready that timed out (Beam's
	// portable runner waiting for its job server).
	pat("grpc_channel_not_ready", DependencyUnavailable, weightSpecific, hintDepend, "futuretimeouterror").matching(`\bgrpc\.FutureTimeoutError\b`),
	pat("dotnet_oom", OOMKilled, weightPrecise, "", "system.outofmemoryexception").without("array dimensions exceeded"),
	// The kernel's own report of an OOM kill (dmesg, journal, a node's
	// kernel log pasted with the pod's).
	pat("kernel_oom", OOMKilled, weightPrecise, "", "invoked oom-killer", "memory cgroup out of memory", "oom_kill_process", "out of memory: killed process", "oom-kill:", "killed process").matching(`(?i)(invoked oom-killer|memory cgroup out of memory|oom_kill_process|out of memory: kill(?:ed)? process|oom-kill:|\bkilled process \d+ \()`),
	pat("python_oom", OOMKilled, weightSpecific, "", "memoryerror", "for an array").matching(`(^|[\s.])MemoryError\b|\b_ArrayMemoryError\b|\b[Uu]nable to allocate [\d.]+ [KMGT]i?B for an array\b`),
	// containerd's journal for a container the kernel OOM-killed (1.6
	// prints its events as Go structs): the cgroup's OOM event, and the
	// task's exit 137 right after it.
	pat("containerd_task_oom", OOMKilled, weightPrecise, hintOOMLimit, "taskoom event").matching(`\bTaskOOM event (?:&TaskOOM\{|container_id:)`),
	pat("oom_generic", OOMKilled, weightSpecific-2, "", "cannot allocate memory", "can't allocate memory", "out of memory", "out-of-memory", "enomem", "failed to allocate", "std::bad_alloc").without("outofmemoryerror", "for example, out of memory", "cidr", "ipam", "ip address", "ip from", " port", "out of memory: false"),
	pat("shell_killed", OOMKilled, 15, "", "killed").matching(`(?i)(^|: line \d+: +\d+ |^\s*\d+ )Killed(\s|$)`).without("killed with signal", "killed by signal"),
	// An OOM kill in a reporter's or a tool's words ("the pod gets
	// OOMKilled", "last restart reason was OOMKill", "cgroup-OOM-killed"),
	// unless the words deny it ("OOMKilled: false", "not OOM").
	// The kernel's report of a memory cgroup at its limit, printed when it
	// OOM-kills a process in it ("memory: usage 512000kB, limit 512000kB,
	// failcnt 0").
	pat("oom_memcg_report", OOMKilled, weightSpecific, hintOOMLimit, "failcnt").matching(`(?i)\bmemory(?:\+swap)?: usage \d+kB, limit \d+kB, failcnt \d+`),
	// An image's start script or config reading the memory or CPU limit
	// from a cgroup file this node does not have ("cat:
	// /sys/fs/cgroup/memory/memory.limit_in_bytes: No such file or
	// directory" on a cgroup v2 host, "memory.max" on a v1 one; Python's,
	// Node's and Ruby's ENOENT and Java's NoSuchFileException name the path
	// after the error): the script
	// assumes one cgroup version.
	pat("cgroup_file_missing", AppCrash, weightPrecise, "The image's start script or config reads the memory or CPU limit from a cgroup file this node does not have (cgroup v1's memory/memory.limit_in_bytes or cpu/cpu.cfs_quota_us on a cgroup v2 host, or v2's memory.max on a v1 one): use a release of the image that reads both, or a node with the cgroup version it expects.", "/sys/fs/cgroup/").matching(`(?i)/sys/fs/cgroup/(?:memory/|cpu,?(?:acct)?/)?(?:memory\.(?:limit_in_bytes|max|usage_in_bytes|stat)|cpu\.(?:cfs_quota_us|cfs_period_us|max))\b.{0,20}(?:No such file or directory|ENOENT)|(?:No such file or directory|ENOENT|NoSuchFileException:)\s*.{0,60}/sys/fs/cgroup/(?:memory/|cpu,?(?:acct)?/)?(?:memory\.(?:limit_in_bytes|max|usage_in_bytes|stat)|cpu\.(?:cfs_quota_us|cfs_period_us|max))\b`),
	// An old release that looks for cgroup v1's per-controller mounts on
	// a cgroup v2 host (cAdvisor's "Failed to start container manager:
	// mountpoint for cpu not found"): a release that knows cgroup v2 is
	// the fix.
	pat("cgroup_v1_mountpoint", AppCrash, weightPrecise, "The program looks for cgroup v1's per-controller mounts, which a cgroup v2 node does not have: use a release that supports cgroup v2 (cAdvisor 0.43 or later).", "mountpoint for").matching(`(?i)\bmountpoint for (?:cpu|cpuacct|memory|cpuset|blkio|devices|pids) not found\b`),
	// A release that refuses the node's kernel for a bug of its own
	// (MongoDB 8.0's "cannot start: Linux kernel versions 6.19 and newer
	// has a known incompatibility with this version of MongoDB": its
	// vendored TCMalloc against the kernel's rseq): another release is the
	// fix, not the node's settings.
	pat("known_incompatibility_gate", AppCrash, weightPrecise+2, "This release refuses to start on the node's kernel because of a known bug of its own: run a release that fixed it (or one before the check), or a node kernel outside the affected range.", "known incompatibility").matching(`(?i)\bha(?:s|ve) a known incompatibility with this version of \w+|\bcannot start: linux kernel versions? [\d.]+ and (?:newer|later) ha(?:s|ve) a known incompatibility\b`),
	// A node whose kernel runs without the memory cgroup (Raspberry Pi OS
	// and balenaOS kernels boot with cgroup_disable=memory): the runtime
	// cannot set the container's memory limit or memory.oom.group, so the
	// container fails at each start. A setting of the node, not memory.
	pat("memory_cgroup_off", ConfigError, weightPrecise+2, "The node's kernel runs without the memory cgroup, which the runtime needs to set a container's memory limit: enable it on the kernel command line (on a Raspberry Pi add cgroup_enable=memory cgroup_memory=1 to /boot/cmdline.txt or /boot/firmware/cmdline.txt) and reboot the node.", "memory").matching(`(?i)\bcontroller "?memory"? (?:is )?not available\b|\bmemory\.oom\.group"? can'?t be set\b|\bcgroup_disable=memory\b|\bmemory cgroups? (?:controller )?(?:is |are )?(?:not (?:supported|enabled|mounted|available|found)|disabled|missing)\b|\bfailed to find memory cgroup\b|\bmissing required cgroups?: memory\b|\bcgroups? memory (?:option |controller )?(?:will be |is |was |are )?(?:disabled|not enabled)\b`),
	// A WireGuard container on a host whose kernel has no WireGuard module
	// (wg-easy: "Cannot find device "wg0"", "your host's kernel does not
	// support WireGuard"): a setting of the node.
	pat("wireguard_kernel", ConfigError, weightPrecise+1, "The host's kernel has no WireGuard support: load the wireguard module on the node (modprobe wireguard; a kernel 5.6 or later has it built in, older ones need the wireguard-dkms package), then start the container again.", "wireguard", "wg").matching(`(?i)\bkernel does not support wireguard\b|\bcannot find device "?wg\d+"?`),
	// CoreDNS given a plugin twice in one server block (a forward added
	// through a custom ConfigMap beside the default one).
	pat("coredns_plugin_twice", ConfigError, weightPrecise+1, "The Corefile uses a plugin twice in one server block: keep one (for example one forward line per zone), or put the second in a server block of its own; with a custom ConfigMap (coredns-custom), override the zone instead of adding to it.", "once per server block").matching(`(?i)\bthis plugin can only be used once per server block\b`),
	// Docker's event stream (`docker events`): the daemon saw the kernel
	// OOM-kill the container, then it died and was started again.
	pat("docker_event_oom", OOMKilled, weightPrecise, hintOOMLimit, "container oom", `"oom"`).matching(`(?i)\bcontainer oom\b.{0,40}\b(?:container id|id=|[0-9a-f]{12})|"(?:action|status)":\s*"oom"`),
	// The stream in a format of the reporter's (`docker events --format
	// '{{.Time}} {{.Action}} {{.Actor.Attributes.exitCode}}'`): a time,
	// or a Compose container's name ("metrics-victoria-1"), then "oom"
	// alone.
	pat("docker_event_oom_format", OOMKilled, weightPrecise, hintOOMLimit, "oom").matching(`(?i)^\s*(?:\d{9,10}(?:\.\d+)?|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)\s+oom\s*$|^\s*(?:\d{9,10}\s+)?[a-z0-9][\w.-]*-\d+\s+oom\s*$`),
	// crictl's inspect, grepped to its state keys: the runtime recorded
	// exit 139, a segmentation fault.
	pat("crictl_exit139", Segfault, weightSpecific, "", `"exitcode"`).matching(`(?i)^\s*"exitCode":\s*139,?\s*$`),
	// The same stream as JSON (`docker events --format '{{json .}}'`,
	// `docker compose events --json`) or in a format of the reporter's
	// ("docs-pdf-render-1 die exitCode=139"): a container that died with
	// 139 (SIGSEGV).
	pat("docker_die_exit139", Segfault, weightSpecific, hintNative, "139").matching(`(?i)\bcontainer die\b.*\bexitCode=139\b|"(?:action|status)":\s*"die".*"exitcode":\s*"139"|\bdie (?:exitCode=)?139\s*$`),
	// jemalloc built for 4 KiB pages on a kernel with larger ones (ARM64
	// with 16 or 64 KiB pages: a Raspberry Pi 5, Asahi, some cloud ARM
	// images): the binary does not fit the node's platform.
	pat("jemalloc_page_size", ExecFormat, weightPrecise, "The program's jemalloc was built for 4 KiB memory pages, and this ARM64 node's kernel uses larger ones (16K/64K): run an image built for that page size, or a kernel with 4 KiB pages (on a Raspberry Pi 5: kernel=kernel8.img).", "unsupported system page size"),
	// The loader refusing a library built for 4 KiB pages on a kernel with
	// larger ones (QNAP's and some Raspberry Pi kernels: 32K/16K pages).
	pat("elf_page_aligned", ExecFormat, weightPrecise+1, "The image's libraries were built for 4 KiB memory pages, and this ARM node's kernel uses larger ones (16K/32K/64K): run an image built for that page size, or a kernel with 4 KiB pages.", "not page-aligned").matching(`(?i)\belf load command (?:address/offset|alignment) not page-aligned\b`),
	// `docker events`' own record of the kernel's OOM kill ("container
	// oom 4f2a9c1d7e3b (image=..., name=dash)") and the die after it.
	pat("docker_event_oom", OOMKilled, weightPrecise+2, hintOOMLimit, "container oom ").matching(`\bcontainer oom [0-9a-f]{12,64}\b`),
	// Docker's own record that the kernel killed the container at its
	// memory limit, as `docker inspect --format` prints the field
	// ("OOMKilled=true ExitCode=137") or its JSON ("OOMKilled": true): a
	// fact, above any service's complaint that the container is gone.
	pat("docker_oomkilled_true", OOMKilled, weightPrecise+4, hintOOMLimit, "oomkilled").matching(`\bOOMKilled(?:=|"?:\s*)true\b`),
	pat("oom_words", OOMKilled, weightPrecise, hintOOMLimit, "oom").matching(`(?i)\boom[ -]?kill(?:ed|s|ing)?\b|\boomkill|\bkilled (?:by|due to) (?:the )?oom\b|\boom[ -]killer\b|\b(?:caused by|due to|because of)\s+(?:an?\s+|the\s+)?oom\b|\boom \(out[- ]of[- ]memory\)|\b(?:fails?|failing|failed|crash(?:es|ed|ing)?|dies|died|killed|restarts?|restarting) (?:with|by|due to|because of) (?:an? |the )?oom\b|\b(?:workers?|pods?|containers?|processes)\s+(?:get |are |were |keep )?OOM(?:s|ed|'d|ing)?\s+(?:on|when|at|after|in|with|under|because|due|every|during)\b|\boom[ -](?:crash(?:es|ed|ing)?|loop(?:s|ing)?)\b|\bunrecoverable oom\b|\bcaus(?:e|es|ed|ing) (?:an? |the )?oom\b`).without("oomkills are likely", "oom kills are likely", "oomkills are more likely", "ooms are likely", "oom kill, etc", "oom-kill, etc", "oomkill, etc", "oom kills, etc", "oomkilled, etc", ".state.oomkilled", "oomkilled\": false", "oomkilled: false", "oomkilled=false", "oomkilled = false", "oomkilled is false", "oomkilled\":false", "not oom", "never oom", "never got oom", "never gets oom", "never been oom", "never was oom", "not `oom", "not 'oom", "not \"oom", "not** oom", "not* oom", "not_ oom", "not__ oom", "no oom", "not an oom", "isn't oom", "wasn't oom", "not the oom", "not being oom", "without oom", "rule out oom", "ruled out oom", "not due to oom", "not caused by oom", "no sign of oom", "zero oom", " 0 oom", "no more oom", "risk of", "not cause oom", "n't cause oom", "never cause oom", "not causing oom", "not cause an oom", "n't cause an oom", "oomkilled 是 false", "oomkilled: false", "oomkilled is false", "oomkilled was false", "oomkilled=false", "oomkilled\": false", "oomkilled shows false", "oomkilled false", "oomkilled\" false", "oomkilled: \"false\"",
		// What a change was for, not what happened ("cap Redis memory so it
		// stops getting OOMKilled").
		"stops getting oom", "stop getting oom", "to stop oom", "avoids oom", "avoid oom", "avoid getting oom", "avoid being oom", "to prevent oom", "prevent it from getting oom", "doesn't get oom", "won't get oom",
		// A kill weeks back, since answered with more memory ("We had
		// OOMKilled on it in October", "was OOMKilled two weeks ago").
		"weeks ago", "week ago", "months ago", "month ago", "last week", "last month", "last year", "earlier this week", "earlier this month", "we had oom", "had oomkilled on", "history of oom", "i assumed", "we assumed", "in january", "in february", "in march", "in april", "in may", "in june", "in july", "in august", "in september", "in october", "in november", "in december"),
	// A memory limit the reporter calls too low or had to raise ("the
	// memory limit being set to 20Mi, I bumped it to 100Mi", "fixed by
	// increasing the memory limit"): the kernel killed it at that limit.
	// Only a limit with a fix or a shortfall counts; a log stating its
	// configured limit does not.
	pat("memory_limit_words", OOMKilled, weightSpecific+1, hintOOMLimit, "memory").matching(`(?i)\bmemory limits?\b.{0,60}\b(?:too (?:low|small|tight)|not enough|insufficient|bump(?:ed|ing)? (?:it|them)\b|increas(?:ed|ing) (?:it|them)\b|rais(?:ed|ing) (?:it|them)\b|upped (?:it|them)\b)|\b(?:bump(?:ed|ing)?|increas(?:e|ed|ing)|rais(?:e|ed|ing)|upp(?:ed|ing)|doubl(?:e|ed|ing))\s+(?:the |its |their |our |my )?(?:container'?s? |pod'?s? )?memory(?: limits?| requests? and limits?)?\s+(?:to|from)\b`).without("heap", "-xmx", "memory_limiter", "gomemlimit",
		// A raise that did not help rules memory out ("I increased the
		// memory limit to 2Gi but it still restarts").
		"but it still", "but still", "but it keeps", "but the pod still", "but the container still", "still dies", "still crash", "still fails", "still restarts", "still exits", "still keeps", "didn't help", "did not help", "doesn't help", "does not help", "no difference", "no luck", "to no avail", "same result", "still the same").without(changesTried...),
	// A limit the process reached, in the reporter's words ("restarts when
	// pods reach their 3GB javascript heap limit", "killed when they reached
	// the pod memory limit"): a heap limit is the runtime's, the memory
	// limit the kernel's kill at the cgroup's limit.
	pat("heap_limit_words", OOMKilled, weightSpecific+1, hintOOMHeap, "heap limit").matching(`(?i)\b(?:reach(?:es|ed|ing)?|hit(?:s|ting)?|exceed(?:s|ed|ing)?|run(?:s|ning)? into)\s+(?:their|its|the|our|a)\s+(?:\d+(?:\.\d+)?\s*[kmgt]i?b?\s+)?(?:javascript |js |v8 |jvm |java |node )?heap limit\b`),
	pat("memory_limit_reached_words", OOMKilled, weightSpecific+1, hintOOMLimit, "memory limit").matching(`(?i)\b(?:killed|restart\w*|crash\w*|oom\w*)\b.{0,60}\b(?:reach(?:es|ed|ing)?|hit(?:s|ting)?|exceed(?:s|ed|ing)?)\s+(?:their|its|the|our|a)\s+(?:\d+(?:\.\d+)?\s*[kmgt]i?b?\s+)?(?:pod |container |cgroup )?memory limits?\b`).without("heap", "memory_limiter"),
	// The runtime could not even start the container's init process: the
	// kernel killed it at the memory limit (runc says so since 1.1; before,
	// the pipe to the killed init was reset).
	// "bursty in memory usage, so they went above the limits ... and
	// hence they got killed": the memory limit's kill told in words.
	pat("memory_over_killed", OOMKilled, weightSpecific+1, hintOOMLimit, "memory").matching(`(?i)\bmemory\b.{0,80}\b(?:went|go(?:es)?|going|got|gets|get) (?:above|over|beyond|past)\b.{0,80}\b(?:got|get|gets|were|was|are|is|being) (?:oom[ -]?)?killed\b`).without("nothing was killed", "nothing got killed", "not killed", "n't killed", "never killed"),
	pat("runc_init_oom", OOMKilled, weightPrecise+3, hintOOMLimit, "init-p: connection reset by peer", "init was oom-killed", "init was oom killed"),

	// Wrong architecture and missing entrypoints.
	// A kernel module the node's kernel refuses ("modprobe: ERROR: could
	// not insert 'rbd': Exec format error"): built for another kernel, not
	// a binary for another CPU.
	pat("kmod_exec_format", ConfigError, weightPrecise+3, "The node's kernel refuses the module (built for another kernel version, or the distribution's module is missing): load it on the host with the host's own modules, or install the module package that matches the node's kernel.", "exec format error").matching(`(?i)\b(?:could not insert|insmod|modprobe|init_module|finit_module)\b.{0,80}\bexec format error\b`),
	// Go's os.UserConfigDir and os.UserHomeDir with no home in the
	// environment (a runtime that sets no HOME, a user with none):
	// "neither $XDG_CONFIG_HOME nor $HOME are defined", "$HOME is not
	// defined".
	pat("home_unset", ConfigError, weightPrecise, "The program needs a home or config directory from its environment and has none: set HOME (or XDG_CONFIG_HOME) in the container's env to a writable directory, or run it as a user whose passwd entry has a home.", "$home", "xdg_config_home").matching(`(?i)\bneither \$XDG_CONFIG_HOME nor \$HOME (?:are|is) defined\b|\$HOME is not defined\b`),
	// sed in an entrypoint refusing the expression it was built (most
	// often a value with a "/", "&" or newline put into s/.../.../:
	// "sed: -e expression #1, char 42: unknown option to `s'").
	// Redis's reason for a line of its configuration file it rejects
	// (under its FATAL CONFIG FILE ERROR banner and the line).
	pat("redis_config_reason", ConfigError, weightPrecise, "Redis rejects a line of its configuration file (the banner above names the line): fix that directive (its name, its value's unit or format) in redis.conf or the chart's values.", "argument must be", "bad directive or wrong number of arguments").matching(`(?i)^\s*(?:argument must be (?:a memory|'yes' or 'no'|between|one of|a \w+)|bad directive or wrong number of arguments)`),
	pat("sed_expression", ConfigError, weightSpecific, "The entrypoint's sed could not use the expression it built, most often from a setting whose value holds a character sed treats as syntax (/, &, a newline) or is empty: change the value (or quote it for sed), or check the image's script for the sed your base image ships.", "expression #", "sed: unmatched", "bad option in substitution", "sed: unterminated").matching(`(?i)^\s*sed: -e expression #\d+, char \d+: |^\s*sed: (?:unmatched '/'|bad option in substitution expression|unterminated (?:` + "`s'|`y'" + `) command)`),
	// A VPN container without the TUN device or the right to use it
	// (OpenVPN's "Cannot open TUN/TAP dev /dev/net/tun: No such file",
	// "couldn't access device /dev/net/tun"): what the container is
	// allowed, not its program.
	pat("tun_device", PermissionDenied, weightSpecific+2, "The container cannot use the TUN device: give it the device and the NET_ADMIN capability (Docker: --device /dev/net/tun --cap-add NET_ADMIN; Kubernetes: securityContext.capabilities.add [NET_ADMIN] with the device mounted, or privileged: true where the cluster allows it).", "/dev/net/tun", "tuntap", "tun device").matching(`(?i)\bcannot open tun/tap dev /dev/net/tun\b|\b(?:couldn't|could not|cannot|can't|unable to|failed to) (?:access|open) (?:the )?(?:device )?\x60?/dev/net/tun\b|\bunable to create tun(?:tap)? device\b`),
	// A kernel module the container needs that the node's kernel does not
	// have ("modprobe: FATAL: Module iptable_nat not found in directory
	// /lib/modules/6.18...", iptables' "Table does not exist (do you need
	// to insmod?)"): a setting of the node.
	// flannel that cannot make its VXLAN device ("failed to register
	// network: operation not supported", "Error registering network:
	// operation not supported"): the node's kernel has no vxlan module
	// (Ubuntu for the Raspberry Pi keeps it in linux-modules-extra-raspi).
	pat("flannel_no_vxlan", ConfigError, weightPrecise+2, "flannel cannot create its VXLAN device: the node's kernel lacks the vxlan module. Load it on the node (modprobe vxlan) or install the package that has it (linux-modules-extra-raspi on Ubuntu for the Raspberry Pi, linux-modules-extra-$(uname -r) elsewhere), or pick another flannel backend.", "registering network: operation not supported", "register network: operation not supported"),
	pat("kmod_missing", ConfigError, weightPrecise+1, "A kernel module the container needs is not available on the node's kernel: load it on the host (modprobe), or install the package that has it for the running kernel; where a legacy iptables module is gone, use an image whose iptables speaks nftables (iptables-nft).", "not found in directory", "do you need to insmod", "table does not exist").matching(`(?i)\bmodule \S+ not found in directory /lib/modules\b|\btable does not exist \(do you need to insmod\?\)|\bcan't initialize ip6?tables table \S+: table does not exist\b`),
	pat("exec_format", ExecFormat, weightPrecise+2, hintArch, "exec format error", "cannot execute binary file", "wrong elf class", "syntax error: unexpected \"(\"").without("invalid exec format"),
	// (Polars' "RuntimeWarning: Missing required CPU features." before
	// the SIGILL it warns of.)
	pat("cpu_features", ExecFormat, weightPrecise+1, "The binary needs CPU instructions the node lacks (e.g. MongoDB 5+ needs AVX): use an image version built for older CPUs, or schedule the pod on nodes with newer CPUs (nodeSelector/affinity).", "requires a cpu with avx", "cpu does not support", "missing required cpu features", "required cpu features were not detected"),
	pat("sigill", ExecFormat, weightPrecise, "The binary needs CPU instructions the node lacks: use an image version built for older CPUs, or schedule the pod on nodes with newer CPUs.", "illegal instruction", "illegal hardware instruction", "sigill", "attempt to execute an instruction failed", "cpu does not support", "your cpu does not support").without("signal 4"),
	// Round 9. A shell's or a supervisor's own report of the signal is
	// the line to quote, before prose that names it.
	pat("sigill_shell", ExecFormat, weightPrecise+3, hintSigill, "illegal instruction", "illegal hardware instruction").matching(`(?i)^\s*(?:\S+:\s+)?(?:line \d+:\s+\d+\s+)?illegal (?:hardware )?instruction(?:\s+\(core dumped\))?\s+(?:\S+\s*)?$|^\s*illegal (?:hardware )?instruction(?:\s+\(core dumped\))?\s*$|^\s*(?:\S+:\s+)?line \d+:\s+\d+\s+illegal (?:hardware )?instruction\s+(?:\(core dumped\)\s+)?\S.{0,300}$`),
	// The JVM's fatal error report naming SIGILL: an instruction the CPU
	// (or its emulator) refuses, whatever the report says of native code.
	pat("jvm_sigill", ExecFormat, weightPrecise+3, hintSigill, "sigill (0x4)").matching(`(?:^|\s)#\s+SIGILL \(0x4\) at pc=`),
	// The kernel's trap and systemd-coredump's signal name for SIGILL.
	// The kernel's account on x86 ("traps: app[123] trap invalid opcode")
	// and on arm64 ("mongod[48211]: undefined instruction: pc=...").
	pat("sigill_kernel", ExecFormat, weightSpecific, hintSigill, "invalid opcode", "undefined instruction: pc=").matching(`(?i)\btrap invalid opcode\b|\[\d+\]: undefined instruction: pc=[0-9a-f]+`),
	pat("sigill_signal", ExecFormat, weightPrecise, hintSigill, "4/ill", "crashed by signal: 4").matching(`(?i)\bsignal 4/ill\b|\bcrashed by signal: 4\b`),
	// SIGBUS, a native crash like SIGSEGV: the shell's "Bus error (core
	// dumped)", a quoted "Bus error", the signal's name.
	pat("sigbus", Segfault, weightSpecific, hintNative, "bus error", "sigbus").matching(`(?i)(?:^|[\s:"'(\x60])bus error(?:\s*\(core dumped\)|["'\x60)]|\s*$)|\bsigbus\b`).without("dbus", "service bus", "message bus", "event bus", "eventbus", "servicebus"),
	// A class the configuration names is not in the image (Kafka's
	// configured reporters, serializers, authorizers).
	pat("configured_class", ConfigError, weightPrecise, "The configuration names a class (a plugin, reporter or provider) that is not in the image: add its jar to the image or remove it from the configuration.", "classnotfoundexception exception occurred", "could not be found", "class").matching(`(?i)\bclassnotfoundexception exception occurred\b|\bfor configuration [\w.]+: class [\w.$]+ (?:could not be found|cannot be found)\b`),
	// glibc named as missing in words ("missing GLIBC_2.28 requirement").
	pat("glibc_words", AppCrash, weightPrecise, hintGlibc, "glibc").matching(`(?i)\b(?:missing|requires?|requirement|needs?)\b.{0,12}\bglibc[_ ]?\d+\.\d+|\bglibc[_ ]?\d+\.\d+\S{0,2}\s+(?:is\s+)?(?:requirement|missing|not found|is required)\b`),
	// A node clock out of sync with its peers.
	pat("clock_sync", ConfigError, weightPrecise, "The node's clock is out of sync with the other members: fix time synchronisation (NTP/chrony) on the nodes; the server refuses to run with a large clock offset.", "clock", "requesttimetooskewed", "request time and the current time").matching(`(?i)\bclock synchroni[sz]ation error\b|\bclock skew too great\b|\bclock (?:offset|skew|drift)\b.{0,40}\b(?:exceeds?|too (?:large|big|great)|greater than (?:the )?max)|\bRequestTimeTooSkewed\b|\bthe difference between the request time and the current time is too large\b`),
	// A Galera node that refuses to bootstrap after every node stopped.
	pat("galera_bootstrap", ConfigError, weightPrecise, "Every Galera node stopped and none is marked safe to bootstrap: start the cluster from the node with the highest seqno (set safe_to_bootstrap: 1 there, or the chart's force-bootstrap value).", "safe to bootstrap").matching(`(?i)\bnot (?:be )?safe to bootstrap\b`),
	// A cluster member whose data belongs to a member the cluster removed.
	pat("removed_member", ConfigError, weightPrecise, hintData, "removed").matching(`(?i)\brejected stream from remote peer because it was removed\b|\bmember has (?:been permanently|already been) removed from the cluster\b`),
	// uWSGI started but could not load the app (the import error is above).
	pat("uwsgi_no_app", AppCrash, weightSpecific, "uWSGI could not load the application: read the startup log above this line for the import or configuration error.", "no python application found"),
	// A file the server cannot read for its permissions (Tomcat's
	// "Permissions incorrect, read permission is not allowed on the file"), or
	// a directory it must write (Paperless' "?: PAPERLESS_CONSUMPTION_DIR is
	// not writeable").
	pat("perm_words_read", PermissionDenied, weightPrecise, hintPerm, "permission", "not writeable").matching(`(?i)\b(?:read|write|execute) permission (?:is )?(?:not allowed|not granted|missing)\b|\bpermissions? (?:are |is )?incorrect\b|\bis not writeable\b`).without("permissions are correct", "permission is correct"),
	// A volume the reporter says is mounted read-only or cannot be written.
	pat("read_only_volume_words", PermissionDenied, weightPrecise, hintPerm, "read-only", "read only", "cannot write", "can't write", "unable to write").matching(`(?i)\b(?:volume|disk|file ?system|pvc|data ?dir\w*)\b.{0,20}\b(?:is |was |gets |got )?(?:re)?mounted (?:as )?[\x60'"]?read[- ]only\b|\b(?:re)?mount\w* (?:the |a )?(?:corrupted |damaged )?(?:volume|disk|file ?system)\b.{0,10}\bas [\x60'"]?read[- ]only\b|\b(?:cannot|can't|can not|unable to) write (?:the |any |its )?(?:data )?(?:to|on|into) (?:the |its )?(?:volume|disk|pvc)\b`).without("readonly: true", "readonly: false",
		// A mount the reporter set up read-only on purpose ("the data dir
		// mounted read-only from the postgres pod's volume").
		"read-only from ", "read only from ", "read-only via ", "read-only into "),
	// The reporter says the kubelet judges the container unhealthy and
	// kills it.
	pat("probe_kill_words", LivenessProbe, weightPrecise, "", "unhealthy").matching(`(?i)\b(?:kubernetes|kubelet|k8s)\b.{0,20}\b(?:assumes|considers|marks|thinks|decides)\b.{0,20}\bunhealthy\b.{0,20}\b(?:kills?|restarts?)\b`),
	// The reporter says the kubelet kills it before it is up ("pods
	// getting killed by kubelet before Puma finishes booting"): a probe.
	// "the health check for the pod would quickly fail and kubelet would
	// continuously kill the apiserver": a probe's failures, then the
	// kubelet's kills, told in one sentence.
	pat("probe_then_kubelet_kills_words", LivenessProbe, weightPrecise, "", "kubelet").matching(`(?i)\b(?:liveness|liveliness|startup|health)[ -]?(?:probes?|checks?)\b.{0,120}\bkubelet (?:would |will |then |keeps? |kept )?(?:continuously |repeatedly |constantly )?(?:kill|restart)(?:s|ed|ing)?\b`),
	pat("killed_before_ready_words", LivenessProbe, weightPrecise, "", "kubelet").matching(`(?i)\b(?:killed|restarted|terminated) by (?:the )?kubelet\b.{0,20}\bbefore\b.{0,60}\b(?:finish|complet|start|boot|ready|listen)\w*|\bkubelet (?:kills|restarts|terminates) (?:it|them|the \w+)\b.{0,20}\bbefore\b.{0,60}\b(?:finish|complet|start|boot|ready|listen)\w*`),
	// Data named corrupt with a subject ("metadata log is corrupted"),
	// misspelt too.
	pat("corrupt_subject_words", ConfigError, weightSpecific+1, hintData, "rupt").matching(`(?i)\b(?:metadata|data|log|wal|journal|index|database|db|snapshot)\s+(?:log\s+|file\s+)?(?:is|was|got|gets|seems|became)\s+(?:\w+\s+)?c[ou]r+upt(?:ed)?\b`).without("not corrupt", "isn't corrupt", "no corrupt"),
	// Kafka's KRaft controller cannot replay its metadata log.
	pat("kraft_metadata", ConfigError, weightPrecise, hintData, "error loading metadata log record"),

	// Round 10. The reporter's words that name a setting as the cause.
	// A script stopped by its nounset option, in words ("crashloops
	// because the usage of an unbound variable"); the shell's own
	// "NAME: unbound variable" line is unbound_var.
	pat("unbound_var_words", ConfigError, weightPrecise, "A variable a script needs (it runs with set -u) is not set: set it in the container's env or envFrom, or fix the script.", "unbound variable").matching(`(?i)\b(?:crash\w*|fail\w*|exit\w*|abort\w*|restart\w*|loop\w*)\b.{0,80}\bunbound variables?\b|\bunbound variables?\b.{0,60}\b(?:crash\w*|fail\w*|exit\w*|abort\w*|restart\w*)`).without("set -u", "nounset", "no unbound"),
	// A client release the service no longer serves (GitHub's broker and
	// a deprecated runner): the pinned version is the setting to change.
	pat("client_version_retired", ConfigError, weightPrecise+2, "The service no longer accepts this version of the program: update the pinned image or version (and turn off a self-update the image cannot keep).", "is deprecated and cannot").matching(`(?i)\bversion v?\d[\w.-]* is deprecated and cannot\b`),
	// A flag or option the program's version or its environment does not
	// accept, in words ("v1.25 clusters are incompatible with this flag").
	// A setting a release renamed or deprecated, in anyone's words ("the
	// template uses the deprecated MEILI_EXPERIMENTAL_DUMPLESS_UPGRADE
	// environment variable", "v1.51 RENAMED the auto-migrate flag from A to
	// B, silently ignoring the old name we had set"): the old name no longer
	// does what the deployment relies on. A program's own deprecation
	// warning ("Using deprecated flag --x") is not this.
	pat("setting_renamed_words", ConfigError, weightSpecific, hintFlag, "renamed", "deprecated").matching(`(?i)\b(?:uses|used|using|sets|set|setting|still (?:uses|sets|has)|relies on|relied on|passes|passed) the (?:now[- ])?deprecated (?:[\w.$\x60-]+ ){0,3}(?:env(?:ironment)? ?var(?:iable)?s?|flags?|options?|settings?|parameters?|config(?:uration)? (?:keys?|options?))\b|\b(?:was |were |been |has |have |it |they )?renamed (?:the |its |their |our )?(?:[\w.$\x60-]+ ){0,3}(?:env(?:ironment)? ?var(?:iable)?s?|flags?|options?|settings?|parameters?|config(?:uration)? keys?)\b`).without("warn", "deprecationwarning", "deprecation warning"),
	pat("flag_incompatible_words", ConfigError, weightPrecise, hintFlag, "compatible", "supported").matching(`(?i)\b(?:incompatible|not compatible|isn't supported|is not supported|are not supported|not supported)\s+with\s+(?:this|the|that|these|those)\s+(?:flags?|options?|settings?|parameters?|arguments?)\b|\b(?:flags?|options?)\b.{0,40}\b(?:is|are)\s+(?:incompatible|not compatible)\b`).without("ignor", "skipp", "falling back", "fall back"),
	// A file the program needs, named missing in words ("crashing, due
	// to not finding file \"myid\"").
	pat("missing_file_words", ConfigError, weightSpecific+1, hintFile, "missing", "not finding", "lack of").matching(`(?i)\b(?:due to|because of)\s+(?:not finding|(?:a |the )?missing|(?:the )?lack of)\s+(?:the\s+|a\s+|its\s+)?(?:[\w."'\x60/-]+\s+){0,2}files?\b|\bnot finding (?:the |a |its )?(?:[\w."'\x60/-]+ )?files?\b`).without("rebuil", "regenerat", "creating"),
	// A configuration the program's validation refuses, in words ("key
	// names which v7's strict validation rejects").
	pat("validation_rejects_words", ConfigError, weightSpecific+1, hintParse, "reject").matching(`(?i)\b(?:strict\s+)?(?:config(?:uration)?\s+)?validation\s+rejects?\b|\brejects?\s+(?:the\s+|these\s+|those\s+|its\s+|unknown\s+|invalid\s+|singular\s+|old\s+)?(?:config(?:uration)?\s+)?(?:keys?|key names|options?|fields?|settings?)\b`),
	// An error in the configuration named as what causes the crash ("an
	// error in the `config.yaml` which can cause a CrashLoopBackOff").
	pat("config_error_cause_words", ConfigError, weightSpecific, hintParse, "error", "mistake", "typo").matching(`(?i)\b(?:errors?|mistakes?|typos?)\s+in\s+(?:the\s+|your\s+|my\s+|our\s+|its\s+|a\s+)?[\x60'"]?[\w./-]*(?:config(?:uration)?|settings|values)[\w./-]*[\x60'"]?(?:\s+files?)?\b.{0,60}\b(?:cause\w*|lead\w* to|result\w* in|crash\w*|restart\w*)`).without("no error", "not an error", "no mistake"),
	// A fix that removes a volume mount ("Live-fixed by ... removing the
	// mount"): the mount did not fit the image.
	pat("mount_removed_fix", ConfigError, weightPrecise, hintMount, "mount").matching(`(?i)\b(?:fix\w*|solv\w*|resolv\w*|work\w*\s*around)\b.{0,80}\b(?:remov\w*|delet\w*|drop\w*)\s+(?:the\s+|a\s+|that\s+|this\s+)?(?:[\w-]+\s+)?(?:volume\s*)?mounts?\b`).without("mount point"),
	// A full disk in words ("due to disk fill event", "on disk full"):
	// the volume needs space, whatever signal the program died of.
	pat("disk_full_words", ConfigError, weightPrecise, "The volume the program writes to is full: free space or resize the PVC (and set retention so it does not fill again).", "disk", "space", "storage").matching(`(?i)\bdisks? (?:is |was |got |gets |became |being )?full\b|\bdisk[- ]fill\b|\bon (?:a )?full disk\b|\bout of (?:disk|storage) space\b|\b(?:disk|volume|pvc|storage)\b.{0,20}\bran out of (?:space|storage|disk)\b|\bran out of disk(?: space)?\b|\bdisk space (?:is |was )?(?:exhausted|used up|full)\b|\bdisk space (?:requirement not met|(?:is )?less than (?:the )?required minimum)\b|\b(?:not enough|insufficient) (?:free )?disk space\b|\b(?:disk|host|free|storage|volume) (?:space |usage |usage is |space is )?(?:become|became|reach(?:es|ed)?|hits?|at|is|was) 100 ?%`).without("not full", "isn't full", "no disk full", "disk full: false"),
	// The program starts before what it needs is up, or cannot reach it,
	// in words ("created before the APIServer is up, hence it can not
	// reach it").
	pat("cannot_reach_words", DependencyUnavailable, weightSpecific+1, hintDepend, "reach", "before").matching(`(?i)\b(?:it|the app|the pod|the container|the service|the controller|the operator)\s+(?:can ?not|cannot|can't|couldn't|could not|is unable to|was unable to)\s+reach\b|\b(?:created|started|starts|scheduled|launched|comes up|came up|runs)\s+before\s+(?:the\s+)?(?:api ?server|kube-apiserver|database|db|broker|dependency|backend|control plane)\s+(?:is|was|becomes|became)\s+(?:up|ready|available|running)\b`).without("i think", "i guess", "i suspect", "maybe", "might be", "not sure"),
	// A fix that removes the liveness or startup probe ("remove liveness
	// probe from kibana podspec"): the probe was what restarted it.
	pat("probe_removed_fix", LivenessProbe, weightPrecise, "", "probe").matching(`(?i)\bremov\w*\s+(?:the\s+)?(?:liveness|liveliness|startup)[ -]?probes?\s+(?:from|in|on|of)\b`).without(changesTried...),
	// A setting the reporter found silently ignored ("That env var was
	// silently ignored, leaving no listener bound").
	pat("setting_ignored_words", ConfigError, weightPrecise, hintParse, "silently ignored").matching(`(?i)\b(?:was|were|is|are|gets|got|being)\s+silently\s+ignored\b`),
	// memberlist (Loki, Mimir, Tempo, Cortex) cannot choose an address to
	// advertise: the pod network is not a private range it accepts.
	pat("memberlist_advertise", ConfigError, weightPrecise, "memberlist found no private IP address to advertise (the pod network is not an RFC 1918 range): set the advertise address explicitly (memberlist advertise_addr from the pod IP, or the instance_addr / interface_names setting).", "no private ip address found", "failed to get final advertise address"),
	// The API server (or another dependency) named as not answering, in
	// words ("K8s api isnt responding", "the k8s-api waits the webhook
	// timeout on each request").
	pat("not_responding_words", DependencyUnavailable, weightSpecific+1, hintDepend, "respond", "answer", "timeout").matching(`(?i)\b(?:k8s|kubernetes|kube)?[ -]?api(?:[ -]?server)?\s+(?:is\s+|was\s+)?(?:isn'?t|is not|wasn'?t|was not|not|stops?|stopped)\s+(?:responding|answering)\b|\b(?:api(?:[ -]?server)?|k8s-api)\b.{0,20}\bwait\w*\b.{0,20}\bwebhook(?:'s)? timeout\b`),
	// ZooKeeper's AdminServer (Jetty on 8080) cannot start: the port is
	// taken.
	pat("zk_adminserver", PortConflict, weightSpecific+1, hintPort+" (ZooKeeper's AdminServer uses 8080: set admin.serverPort or admin.enableServer=false.)", "starting adminserver", "start adminserver").matching(`(?i)\bproblem starting adminserver on address \S+ port \d+|\bunable to start adminserver\b`),
	// A supervisor's report of a worker killed by SIGILL (gunicorn's
	// "Worker (pid:8) was sent code 132!").
	// A CPU without the vector instructions the binary needs, in words
	// ("Does your machine support AVX instructions?", "the node has no
	// AVX2"); TensorFlow's info line about instructions it was not compiled
	// to use is not this.
	pat("cpu_feature_words", ExecFormat, weightPrecise, "The binary needs CPU instructions (AVX/AVX2) the node lacks: run it on nodes whose CPUs have them (for VMs, pass the host CPU type through), or use an image built for older CPUs.", "avx").matching(`(?i)\bdoes (?:your|the|my|this|that) (?:machine|cpu|node|host|processor|vm|server)\b.{0,20}\bsupport avx2?\b|\b(?:no|without|lacks?|lacking|missing)\s+(?:the\s+)?avx2?\b|\bavx2?\b.{0,20}\b(?:not supported|unsupported|is missing|are missing|is required|are required)\b|\b(?:doesn't|does not|don't|do not|didn't|did not) (?:support|have|expose) (?:the )?avx2?\b`).without("compiled to use", "not compiled", "falling back", "fall back", "fallback", "using generic", "using sse", "using the generic"),
	pat("sigill_code", ExecFormat, weightPrecise, "The binary needs CPU instructions the node lacks (SIGILL): use an image version built for older CPUs, or schedule the pod on nodes with newer CPUs.", "code 132", "signal 4").matching(`(?i)\bwas sent code 132\b|\b(?:killed by|received|got|terminated by) signal 4\b|\(by signal 4\)|\bcommand exited 132\b`),
	// A script saved with Windows line endings: the carriage return at the
	// end of its command's name sends the cursor back, so the message is
	// printed over its own start ("': No such file or directorycute 'php").
	pat("crlf_folded", CommandNotFound, weightPrecise+1, hintEntry, "': no such file or directory", "': not found", ": not found").matching(`(?i)^\s*'?: (?:no such file or directory|not found)`),
	// Windows containers: the runtime cannot find the entrypoint
	// ("hcs::System::CreateProcess app: The system cannot find the file
	// specified").
	pat("windows_createprocess", CommandNotFound, weightPrecise+1, hintEntry, "createprocess").matching(`(?i)\bcreateprocess\b.{0,200}\bcannot find the (?:file|path) specified\b`),
	// A console (Symfony/Laravel artisan, Cobra-like) asked for a command
	// it does not have: the container's args name a sub-command removed or
	// renamed in this version, or a package that provides it is gone.
	pat("console_command_undefined", ConfigError, weightPrecise, hintFlag, "is not defined").matching(`(?i)\bcommand "[^"]+" is not defined\b`),
	// An entrypoint that creates its user or group again on a restart of
	// the same container ("addgroup: group 'smb' in use", "useradd: user
	// 'app' already exists", "addgroup: gid '100' in use", "useradd: UID
	// 1000 is not unique"): state left by its first start, or an id the
	// image already gives another group.
	pat("user_exists", ConfigError, weightSpecific, "The entrypoint creates a user or group that the container's first start already created: its script is not safe to run twice. Recreate the container (docker rm, then up) instead of restarting it, or make the script skip a user or group that exists.", "in use", "already exists", "is not unique").matching(`(?i)\b(?:addgroup|adduser|useradd|groupadd|usermod|groupmod): (?:group|user|gid|uid|the (?:group|user))? ?'?[\w.-]+'? (?:is )?(?:in use|already exists|not unique)\b`),
	// musl's loader refusing a binary linked against glibc (an Alpine image
	// given a glibc build): the program cannot start at all.
	pat("musl_not_dynamic", CommandNotFound, weightPrecise+1, hintEntry, "not a valid dynamic program").matching(`(?i)\bld-musl-[\w.-]+\.so\.1: .{0,200}\bnot a valid dynamic program\b`),
	// controller-runtime (v0.19 on) refuses two controllers registered under
	// one name: the program registers them so, a bug to fix in its code or
	// a version to move off, not a setting.
	pat("controller_name_unique", AppCrash, weightPrecise, "The program registers two controllers under one name, which controller-runtime 0.19 and later refuse: move to a release of it that fixes this (or back to the one before), or set SkipNameValidation where the controllers are built.", "controller names must be unique", "controller with name").matching(`(?i)\bcontroller names must be unique\b|\bcontroller with name \S+ already exists\b`),
	// The reporter's settings work unchanged with another release ("Same
	// configurations works just fine with latest release 1.23.0"): the
	// release's own change breaks the start, not the settings.
	pat("same_config_other_release", AppCrash, weightSpecific-2, "The same settings work with another release, so this release's own change breaks the start (a regression): stay on or roll back to the release that works, and report it to the project with the log.", "work", "run", "ran").matching(`(?i)\b(?:same|identical|unchanged) (?:config\w*|settings?|setup|compose(?: file)?|values(?: file)?|manifests?|deployment)\b.{0,20}\b(?:works?|worked|working|runs?|ran)\b.{0,30}\b(?:with|on|in|using|under)\b.{0,30}(?:\bv?\d+\.\d+|\bversions?\b|\breleases?\b|\bimages?\b|\btags?\b)|\bv?\d+\.\d+[\w.-]* (?:with|using|and) (?:the |our )?(?:same|identical|unchanged) (?:config\w*|settings?|setup|values(?: file)?|manifests?)\b.{0,10}\b(?:works?|worked|runs?|ran|is fine)\b`),
	// Exit code 132 (SIGILL) told in words or by `docker ps` ("crashing with
	// error 132", "Restarting (132)"). The same for 139 lost a report whose
	// .NET program exits 139 on a setting, so SIGSEGV's code is left to the
	// recorded status.
	pat("exit_132_words", ExecFormat, weightSpecific-1, hintSigill, "132").matching(`(?i)(?:\bexit(?:ed|s)?(?: with)?(?: exit)?(?: code| status)?|\berror(?: code)?|\bcode|\bstatus|\brestarting) ?\(?132\)?(?:\.(?:\D|$)|[^\w.]|$)`),
	// .NET's connection-string parser: the string it was given (usually from
	// an environment variable or appsettings) is malformed or empty.
	// A setting the program reads as a connection's part (a host, a URL, a
	// connection string, a user) that it was not given: Npgsql's "Host
	// can't be null", "URL must not be empty".
	pat("setting_null", ConfigError, weightSpecific+1, hintEnv, "be null", "be empty", "be blank").matching(`(?i)\b(?:host(?:name)?|server|url|uri|endpoint|connection ?string|database|db|username|user ?name|password|port)\s+(?:can't|cannot|can not|must not|may not|should not)\s+be\s+(?:null|empty|blank)\b`),
	// .NET without ICU (an Alpine or chiseled image lacking libicu, or
	// invariant mode set) asked for a culture: the image the app ships in
	// does not carry what its code uses.
	pat("dotnet_icu_missing", AppCrash, weightPrecise, "The .NET app needs ICU (culture data) that its image does not have: install libicu in the image (apk add icu-libs on Alpine), or, if the app needs no cultures, set DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true and stop asking for one.", "only the invariant culture is supported", "couldn't find a valid icu package", "could not find a valid icu package"),
	// A migration the database has already applied was edited afterwards:
	// Flyway and Liquibase refuse to start on the changed checksum. The
	// release changed history; the data is not damaged.
	pat("migration_checksum", AppCrash, weightPrecise+1, "A schema migration the database already applied was changed afterwards, so its checksum no longer matches the one recorded: put the applied migration back as it was and make the change in a new one (or, if the edit is intended, flyway repair / liquibase clearCheckSums).", "checksum", "check sum", "resolved migration").matching(`(?i)\bmigrations? checksum mismatch\b|\bchangesets? check ?sums?\b|\bcheck ?sum (?:of|for) (?:the )?(?:applied )?(?:migration|changeset)\b|\bdetected resolved migration not applied to database\b`),
	// Migrations shipped so that they do not fit together: Django's two
	// leaf migrations and a history applied out of order, sqlx's applied
	// migration edited afterwards.
	pat("migration_graph", AppCrash, weightPrecise+1, "The release's schema migrations do not fit together (two migrations claim the same place, or one already applied was edited or reordered): use a release that fixes its migrations, or merge them (manage.py makemigrations --merge) before deploying.", "conflicting migrations", "inconsistentmigrationhistory", "previously applied but", "nonexistent parent node", "duplicate identifiers").matching(`(?i)\bconflicting migrations detected\b|\binconsistentmigrationhistory\b|\bmigration \S+ was previously applied but (?:has been modified|is missing)\b|\bdependencies reference nonexistent parent node\b|\b\d+ changesets? had duplicate identifiers\b`),
	// A release whose schema and code disagree: its migration adds a column
	// the table already has (not written to run twice, or an earlier start
	// added it), or its code reads a column no migration added. Either way
	// the release is at fault and its next patch is the usual fix.
	pat("migration_column_mismatch", AppCrash, weightPrecise, "The release's schema migration and the database's columns disagree (it adds a column that is already there, or its code reads one no migration added): use the patch release that fixes the migration; a by-hand schema fix is only a stopgap.", "duplicate column", "already exists", "no such column").matching(`(?i)\bduplicate column name\b|\bcolumn "?[\w.]+"? of relation "?[\w.]+"? already exists\b|\bno such column: \w+|\btype "[\w.]+" already exists\b`),
	// Flyway's account of a versioned migration whose own SQL failed
	// ("Migration V12__add_region_not_null.sql failed"): the release's
	// migration, not a setting (its later "Detected failed migration" is
	// the state that first failure left).
	pat("flyway_migration_sql_failed", AppCrash, weightPrecise+1, "", "sql failed").matching(`(?i)\bMigration V[\d._]+__\w+\.sql failed\b`),
	// Two replicas creating the same table or type at once: PostgreSQL
	// refuses the second one on its catalog's unique index. The program
	// migrates at start without a lock; a restart usually gets past it.
	// A migration that sets NOT NULL on a column whose rows hold nulls
	// (PostgreSQL's 23502 on ALTER TABLE): the migration must fill them
	// first; a bug in the release's migration, not a setting.
	pat("pg_not_null_existing_rows", AppCrash, weightPrecise, "A schema migration makes a column NOT NULL while existing rows hold nulls in it: the migration has to fill those rows first (a backfill step, or a default); roll back to the previous release until it does.", "contains null values").matching(`\bcolumn "[^"]+" of relation "[^"]+" contains null values\b`),
	pat("pg_concurrent_create", AppCrash, weightPrecise+2, "Several replicas ran the same schema migration at the same moment and PostgreSQL refused the second CREATE: the program migrates at start without a lock. Run the migration once (a Job, an init step, one replica on first install) or use a migration tool that takes an advisory lock.", "pg_type_typname_nsp_index", "pg_class_relname_nsp_index"),
	pat("dotnet_connection_string", ConfigError, weightPrecise, "The connection string the app was given does not parse: check the environment variable or appsettings value it comes from (often empty, or quoted twice from a Secret).", "initialization string does not conform").matching(`(?i)\bformat of the initialization string does not conform to specification\b`),
	// A shell that trips on a carriage return runs a script saved with
	// Windows line endings: nothing in it can run, so it outweighs the
	// errors of what waits for it (nginx's upstream, a client's refused
	// connection), whatever their level.
	// Its closing quote may come as a curly one or, from a Windows console,
	// as mojibake ("ÔÇÖ", "â€™").
	pat("crlf_script", CommandNotFound, weightPrecise+4, hintEntry, "\\r").matching(`(?i)\$'\\r'|\\r(?:'|’|ÔÇÖ|â€™)?: (?:command )?not found|\\r(?:'|’|ÔÇÖ|â€™)?: no such file|\$'[^'\s]*\\r''`),
	// Windows: the program a container (a HostProcess one runs it from
	// the host) starts is not where its command says.
	pat("windows_exe_not_found", CommandNotFound, weightPrecise+1, hintEntry, "failed to get application name", ".exe").matching(`(?i)failed to get application name from commandline|\b[\w.-]+\.exe[\x60"']? (?:was |is )?not found\b`),
	// A named pipe a host service serves (csi-proxy, docker_engine) that is
	// not there: the service on the Windows node is not running.
	pat("windows_pipe_missing", DependencyUnavailable, weightPrecise, "The Windows node's service that serves this named pipe (csi-proxy, the container runtime) is not running or not installed: start it on the node, or install it as the driver's docs say.", "\\pipe\\").matching(`(?i)\\pipe\\+[\w.-]+"?: the system cannot find the file specified`),
	// An emulator (QEMU's binfmt, Rosetta on Apple silicon) running a binary
	// of another architecture that cannot find that architecture's loader,
	// or Rosetta failing at its own start ("assertion failed
	// [!result.is_error]: Failed to create temporary file"): the image is
	// built for another CPU than the node's.
	// Docker's warning that it runs an image built for another platform
	// ("The requested image's platform (linux/arm/v7) does not match the
	// detected host platform (linux/arm/v6)"): a loop after it is the
	// binary failing on that CPU.
	pat("platform_mismatch", ExecFormat, weightSpecific, hintArch, "does not match the detected host platform").matching(`(?i)\brequested image's platform \(\S+\) does not match the detected host platform\b`),
	pat("emulated_loader", ExecFormat, weightPrecise+1, hintArch, "qemu-", "rosetta error", "result.is_error").matching(`(?i)\bqemu-(?:x86_64|aarch64|arm|armeb|i386|ppc64le|s390x|riscv64)(?:-static)?: could not open '?/lib|\brosetta error: failed to open elf at /lib|^\s*assertion failed \[!result\.is_error\]: failed to create temporary file\b`),
	pat("exec_not_found", CommandNotFound, weightPrecise+1, hintEntry, "executable file not found", "no command specified", "bad interpreter", "can't execute", "cannot execute: required file not found", "\\r'", "\\r\":", "env: can't execute").without("cleaning up", "clean up", "cleanup failed", "cleanup error", "during cleanup", "failed cleanup", "on cleanup", "cleanup of"),
	// crun's and Cloud Run's wordings of the same: "executable file
	// `uvicorn` not found in $PATH" (for an absolute path "executable file
	// `/docker-entrypoint.sh` not found: No such file or directory"),
	// "error finding executable "uvicorn" in PATH".
	pat("exec_not_found_named", CommandNotFound, weightPrecise+1, hintEntry, "not found in $path", "error finding executable", "attempted to invoke a command that was not found", "\x60 not found: no such file").matching("(?i)\\bexecutable file \x60[^\x60]+\x60 not found in \\$PATH|\\bexecutable file \x60/[^\x60]+\x60 not found: No such file or directory|\\berror finding executable \"[^\"]+\" in PATH|\\bOCI runtime attempted to invoke a command that was not found\\b"),
	// TLS a client refused: .NET's UntrustedRoot and name mismatch, a
	// server without SSL where the client requires it, CockroachDB's
	// secure node asked without TLS (a setting).
	pat("tls_client_refused", ConfigError, weightPrecise, hintCert, "untrustedroot", "certificate chain was issued by an authority that is not trusted", "rejected by the provided remotecertificatevalidationcallback", "no pg_hba.conf entry for host", "remotecertificatenamemismatch", "remotecertificatechainerrors", "server does not support ssl", "ssl is not enabled on the server", "but ssl was required", "ssl off", "ssl connection required").matching(`(?i)\bnode is running secure mode, SSL connection required\b|\b(?:UntrustedRoot|RemoteCertificateNameMismatch|RemoteCertificateChainErrors)\b|\bcertificate chain was issued by an authority that is not trusted\b|\brejected by the provided RemoteCertificateValidationCallback\b|\bthe server does not support SSL connections\b|\bpq: SSL is not enabled on the server\b|\bserver does not support SSL, but SSL was required\b|\bno pg_hba\.conf entry for host "[^"]*", user "[^"]*", database "[^"]*", (?:SSL off|no encryption)\b`),
	pat("exec_no_such_file", CommandNotFound, weightPrecise+1, hintEntry, "no such file or directory").without(".s6-svscan/crash").matching(`(?i)(exec user process caused:? "?no such file or directory|exec(?: user process caused)?:? (?:"[^"]*"|[^\s"]*):? (?:stat [^\n]{0,600}?: )?no such file or directory|: line \d+: [^:]+: no such file or directory\s*$|starting container process caused.*no such file|^[^\s:]*: (?:line \d+: )?exec: [^:]+: not found|\bexec container process (?:\(missing dynamic library\?\) )?\x60[^\x60]+\x60: no such file or directory)`),
	// A shell refused to write or read a data file ("/docker-entrypoint.sh:
	// line 37: /etc/hosts: Permission denied" from a redirect): the same
	// wording as a script it cannot execute, but a configuration, log or pid
	// file under /etc, /var/log or /run is never the command.
	pat("shell_file_denied", PermissionDenied, weightPrecise+2, hintPerm, "permission denied").matching(`(?i)\bsh: (?:line \d+: )?(?:/etc/|/var/log/|/var/run/|/run/|/proc/|/sys/)\S*: permission denied\s*$|\bsh: (?:line \d+: )?\S+\.(?:log|pid|conf|cfg|ini|json|ya?ml|txt|lock|xml|properties|env)(?:\.\d+)?: permission denied\s*$`).without(".sh: permission denied", ".py: permission denied"),
	// Go's file errors name the operation and the path before the
	// refusal ("opening storage failed: mkdir data/: permission denied"):
	// the file system's refusal is the cause, whatever the wrapper says.
	pat("path_denied", PermissionDenied, weightPrecise+1, hintPerm, "permission denied").matching(`(?i)\b(?:mkdir|mkdirall|open|openat|creat|create|chmod|chown|lchown|rename|remove|unlinkat|unlink|symlink|truncate|write|mkfifo) [^\s:"']+: permission denied\b`).without("permission denied for "),
	// A pod security policy or the runAsNonRoot check refusing the
	// image's user, in the reporter's words ("references a system user by
	// name rather than UID, which may violate default pod security
	// policies").
	pat("pod_security_words", PermissionDenied, weightPrecise, "The pod's security rules refuse the image's user: give the image a numeric non-root USER (or set securityContext.runAsUser to a UID the image supports), or run it under a policy that allows it.", "security", "user by name", "non-numeric user").matching(`(?i)\b(?:violat\w*|block\w*|denied by|forbidden by|rejected by|not allowed by)\b.{0,40}\bpod ?security (?:polic(?:y|ies)|admission|standards?|context constraints?)\b|\bsecurity permissions? (?:issue|problem|error)\b|\buser by name rather than (?:a )?uid\b|\bnon-numeric user\b`),
	pat("exec_permission", CommandNotFound, weightPrecise+1, hintEntry, "permission denied").matching(`(?i)(exec(?: user process caused)?:? "?[^\s"]*"?:? permission denied|starting container process caused.*permission denied|\bexec \S+ failed: permission denied|^(?:/bin/|/usr/bin/)?(?:ba|da)?sh: (?:(?:line )?\d+: )?\S+: permission denied\s*$)`),
	pat("shell_not_found", CommandNotFound, weightPrecise, hintEntry, "not found").matching(`(?i)(^|/)(?:sh|bash|ash|dash|zsh|ksh)(?::? \d+| line \d+)?: (?:line \d+: )?(?:exec: )?[^:]+: (?:command )?not found\s*$|: line \d+: [^:]+: command not found|: line \d+: exec: [^:]*: not found|^\s*\S+: \d+: (?:exec: )?[^:]+: not found\s*$|^\s*\S+: \d+: exec: [^\s:]+(?::[^\s:]+)*: not found\s*$|^\s*\S+: (?:exec: )?line \d+: (?:exec: )?[^:]+: not found\s*$`),
	// The reporter's or a maintainer's words: the image has no shell for
	// the command that needs one ("the container no longer has a shell").
	pat("no_shell_words", CommandNotFound, weightPrecise, hintEntry, "shell", "bash", "/bin/sh").without("to expand", "expansion", "expanded", "literal", "exec into", "exec in", "kubectl exec", "to debug", "doesn't log", "does not log").matching(`(?i)\b(?:no longer (?:has|have|contains?|ships?)|does(?:n't| not) (?:have|contain|include|ship)|has no|have no|lacks?|without)\s+(?:a\s+|any\s+|the\s+)?(?:shell|bash|/bin/(?:ba)?sh)\b`),
	// JVM options that name a file or a setting the JVM refuses: a
	// -javaagent jar that is not in the image, an unknown -XX option, a
	// heap it cannot reserve.
	pat("jvm_options", ConfigError, weightPrecise, hintParse, "error opening zip file or jar manifest missing", "could not find agent library", "unrecognized vm option", "invalid maximum heap size", "invalid initial heap size", "could not reserve enough space for", "too small maximum heap", "too small initial heap", "incompatible minimum and maximum heap sizes"),
	pat("java_main", CommandNotFound, weightPrecise, hintEntry, "could not find or load main class", "unable to access jarfile", "no main manifest attribute"),
	// Round 28. A JVM option or a stray quote taken for the main class
	// (`PULSAR_MEM=" -Xms64m"` quoted into the command): the options are
	// set wrong, the class is not missing. So is "$JAVA_OPTS" itself: the
	// exec form of ENTRYPOINT does not expand variables.
	pat("java_options_as_class", ConfigError, weightPrecise+2, "The JVM took an option or a quote for its main class: an environment variable that holds JVM options (JAVA_OPTS, *_MEM) is quoted or split wrongly in the command or the chart's values; remove the extra quotes.", "could not find or load main class").matching(`(?i)could not find or load main class\s*(?:["'“”‘’]|[-–—]X|[-–—]D|[-–—][a-z]|\$\{?\w|$)`),
	pat("php_entry", CommandNotFound, weightSpecific, hintEntry, "could not open input file").matching(`(?i)^\W{0,3}could not open input file: \S+`),
	pat("python_entry", CommandNotFound, weightSpecific, hintEntry, "can't open file").matching(`can't open file '[^']+': \[Errno 2\]`),
	pat("python_app_ref", CommandNotFound, weightSpecific+1, hintEntry, "error loading asgi app", "failed to find attribute", "failed to find application object", "could not import module"),
	pat("binary_missing_words", CommandNotFound, weightSpecific, hintEntry, "binary", "executable").matching(`(?i)\bmissing [\w.-]+ (?:binary|executable)\b|\b[\w.-]+ (?:binary|executable) (?:is )?(?:missing|not (?:found|included|installed|present|shipped)|absent)\b`),
	// The same system messages in the node's or the desktop's language:
	// a segmentation fault (段错误, Speicherzugriffsfehler, Ошибка
	// сегментирования), a permission denied (权限不够, Отказано в доступе),
	// a command not found (未找到命令, команда не найдена), a socket
	// address used once only (Windows' WSAEADDRINUSE).
	pat("localized_segfault", Segfault, weightSpecific, "The process crashed in native code: check the image version (roll back), native libraries and architecture.", "段错误", "speicherzugriffsfehler", "ошибка сегментирования", "erreur de segmentation", "violación de segmento", "falha de segmentação", "セグメンテーション違反", "세그멘테이션", "lỗi phân đoạn", "errore di segmentazione", "naruszenie ochrony pamięci", "bölütleme hatası", "parçalama arızası", "kesalahan segmentasi", "區段錯誤"),
	pat("localized_permission", PermissionDenied, weightPrecise, hintPerm, "权限不够", "拒绝访问", "отказано в доступе", "keine berechtigung", "permission non accordée", "permiso denegado", "permissão negada", "許可がありません", "권한이 거부", "허가 거부", "izin ditolak", "quyền bị từ chối", "Отказано в доступе",
		"operação não permitida", "opération non permise", "vorgang nicht zulässig", "операция не позволена", "dateisystem ist nur lesbar", "système de fichiers accessible en lecture seule", "sistema de archivos de sólo lectura", "только для чтения", "只读文件系统", "hat falschen eigentümer", "permesso negato", "zugriff verweigert", "accesso negato", "erişim engellendi", "izin reddedildi", "brak dostępu", "odmowa dostępu", "không đủ quyền", "truy cập bị từ chối", "拒絕不符權限的操作", "權限不足", "アクセスが拒否されました"),
	pat("localized_cmd_not_found", CommandNotFound, weightPrecise, hintEntry, "未找到命令", "команда не найдена", "befehl nicht gefunden", "commande introuvable", "orden no encontrada", "comando não encontrado", "コマンドが見つかりません",
		"no se encontró la orden", "명령어를 찾을 수 없음", "명령을 찾을 수 없음", "defekter interpreter", "mauvais interpréteur", "zugriff auf jarfile", "impossible d'accéder au fichier jar", "no se ha podido acceder al archivo jar", "komut yok", "komut bulunamadı", "comando non trovato", "nie znaleziono polecenia", "không tìm thấy lệnh", "perintah tidak ditemukan", "指令找不到", "命令找不到"),
	// A shell's "no such file" for the script it runs, in the node's
	// language ("/bin/bash: /app/entrypoint.sh: Aucun fichier ou dossier de
	// ce type").
	// The kernel's exec format error in the node's language (bash's
	// "cannot execute binary file: Exec format error", translated).
	pat("localized_exec_format", ExecFormat, weightPrecise+2, hintArch, "実行形式エラー", "可执行文件格式错误", "可執行檔格式錯誤", "ошибка формата выполняемого файла", "erreur de format pour exec", "error de formato de ejecutable", "erro de formato executável", "fehler im format der ausführbaren datei", "falsches format der ausführbaren datei", "실행 형식 오류", "errore di formato exec", "çalıştırılabilir biçim hatası"),
	pat("localized_script_missing", CommandNotFound, weightPrecise, hintEntry, "aucun fichier ou dossier", "datei oder verzeichnis nicht gefunden", "no existe el archivo o el directorio", "нет такого файла или каталога", "没有那个文件或目录", "arquivo ou diretório inexistente").matching(`(?i)^(?:/(?:usr/)?bin/)?(?:ba|da|a)?sh: (?:(?:line|zeile|ligne|línea|linha|строка|行) \d+: )?\S+: (?:Aucun fichier ou dossier de ce type|Datei oder Verzeichnis nicht gefunden|No existe el archivo o el directorio|Нет такого файла или каталога|没有那个文件或目录|Arquivo ou diretório inexistente)`),
	pat("localized_addr_in_use", PortConflict, weightPrecise, hintPort, "nur jeweils einmal verwendet werden", "只允许使用一次", "1 つのみを使用できます", "une seule utilisation de chaque adresse", "solo se permite un uso de cada dirección",
		"adresse wird bereits verwendet", "adresse déjà utilisée", "dirección ya se está usando", "адрес уже используется", "地址已在使用", "endereço já está em uso", "endereço já em uso", "アドレスは既に使用中", "Адрес уже используется"),
	// A refused connection or a name that does not resolve, in the node's
	// or the runtime's language.
	// A database driver's OperationalError over a timeout (psycopg2's
	// "timeout expired", pymysql's "timed out"): the server did not
	// answer in time.
	pat("db_driver_timeout", DependencyUnavailable, weightSpecific+1, hintDepend, "operationalerror").matching(`(?i)\b(?:psycopg2?|psycopg|pymysql|mysqldb|asyncpg|sqlalchemy\.exc)\W{0,3}OperationalError\b.{0,80}\b(?:timeout|timed out)\b`),
	pat("localized_refused", DependencyUnavailable, weightSpecific+2, hintDepend, "verbindungsaufbau abgelehnt", "die verbindung verweigerte", "connexion refusée", "expressément refusée", "conexión rehusada", "denegó expresamente", "conexão recusada", "в соединении отказано", "拒绝连接", "积极拒绝", "接続を拒否", "연결이 거부", "fehler bei der namensauflösung", "échec temporaire dans la résolution du nom", "fallo temporal en la resolución del nombre", "временный сбой в разрешении имен", "域名解析暂时失败",
		"noch nicht erreichbar", "injoignable", "tidak dapat dijangkau", "nieosiągalny", "到達できません", "无法连接到", "無法連線到", "연결할 수 없습니다"),
	// A login refused or a database missing, in PostgreSQL's translations.
	pat("localized_db_config", ConfigError, weightPrecise, hintAuth, "l'authentification par mot de passe a échoué", "passwort-authentifizierung für benutzer", "autentificación password falló", "не прошёл проверку подлинности", "не существует", "existiert nicht", "n'existe pas", "no existe").matching(`(?i)l'authentification par mot de passe a échoué|passwort-authentifizierung für benutzer|autentificación password falló|не прошёл проверку подлинности|(?:база данных|datenbank|la base de données|la base de datos) (?:[«»"][\s\x{00a0}\x{202f}]?)?[^\s«»"]+(?:[\s\x{00a0}\x{202f}]?[«»"])? (?:не существует|existiert nicht|n'existe pas|no existe)`),
	// An unhandled exception in .NET's translations.
	pat("localized_unhandled", AppCrash, weightSpecific, "", "exception non gérée", "unbehandelte ausnahme", "excepción no controlada", "необработанное исключение", "未经处理的异常", "未處理的例外狀況"),
	// Node's require() of a package that became ESM-only, and ESM syntax in
	// a CommonJS build: the code and its dependencies do not fit together.
	pat("node_esm", AppCrash, weightPrecise, "A package the code require()s is ESM-only now (or the build mixes ES modules into CommonJS): pin the dependency to its last CommonJS version, or load it with import(); rebuild the image.", "err_require_esm", "cannot use import statement outside a module"),
	// Go without a time zone database (a scratch or distroless image):
	// "unknown time zone Africa/Johannesburg" for a zone that exists.
	pat("no_tzdata", AppCrash, weightPrecise, "The image has no time zone database (scratch, distroless, slim): add tzdata to the image (or build the Go binary with -tags timetzdata / import time/tzdata); check the zone's spelling too.", "unknown time zone").matching(`\bunknown time zone (?:[A-Z][A-Za-z_]+/[A-Z][A-Za-z_+-]+|Local)\b`),
	// sharp's native part built for another platform or libc, or without
	// its libvips: the image was built wrong.
	pat("sharp_load", AppCrash, weightPrecise, "The image's sharp was installed for another platform, CPU or libc (or without its libvips): install it for the image's platform (npm install --os=linux --cpu=<arch> sharp, or install inside the image) and rebuild.", "could not load the \"sharp\" module"),
	// A Python module whose name came from a setting with brackets,
	// quotes or spaces in it ("No module named 'backends.[transmission]'").
	pat("module_name_setting", ConfigError, weightPrecise+1, "The module's name comes from a setting that holds more than the name (brackets, quotes, spaces): set the value to the bare name.", "no module named").matching(`\bNo module named '[\w.]*[\[\]<>{}" =][^']*'`),
	// Runtime errors of code that cannot run as written: Python's runaway
	// recursion, division by zero and date arithmetic past a month's end
	// ("day is out of range for month" on the 1st), .NET's index out of
	// range, Rust's integer overflow.
	pat("code_bounds", AppCrash, weightPrecise, "", "maximum recursion depth exceeded", "argumentoutofrangeexception", "indexoutofrangeexception", "zerodivisionerror", "with overflow", "concurrentmodificationexception", "comparison method violates its general contract", "out of range for month", "month must be in 1..12").matching(`(?i)\brecursionerror: maximum recursion depth exceeded\b|\bValueError: (?:day is out of range for month|month must be in 1\.\.12)\b|\bjava\.util\.concurrentmodificationexception\b|\bcomparison method violates its general contract\b|\bsystem\.(?:argumentoutofrange|indexoutofrange)exception\b|\bzerodivisionerror: \S|\battempt to (?:add|subtract|multiply|divide|negate|shift left|shift right) with overflow\b`),
	// Code that misuses its own objects: Ruby's runaway recursion ("stack
	// level too deep") and a frozen object changed, an array sized from a
	// bad number (.NET's "Array dimensions exceeded supported range",
	// JavaScript's "RangeError: Invalid array length"), a container changed
	// while it is iterated, a call with the wrong number of arguments (PHP,
	// Ruby), a method left unimplemented (Python's and Kotlin's
	// NotImplementedError), Go's "panic: unreachable", Java's map updated
	// from inside its own computeIfAbsent, Kotlin's lateinit property read
	// before it was set, PHP's namespaced constant that no file defines.
	// Bugs, whatever names the frames have.
	pat("code_state", AppCrash, weightPrecise, "", "stack level too deep", "can't modify frozen", "recursive update", "lateinit property", "undefined constant", "array dimensions exceeded", "invalid array length", "collection was modified", "changed size during iteration", "too few arguments to function", "wrong number of arguments", "notimplementederror", "panic: unreachable", "from a running event loop", "was never awaited").matching(`(?i)\bstack level too deep\b|\basyncio\.run\(\) cannot be called from a running event loop\b|\bcoroutine '[\w.]+' was never awaited\b|\b(?:dictionary|set) changed size during iteration\b|\bargumentcounterror: too few arguments to function\b|\bwrong number of arguments \(given \d+, expected \d+(?:\.\.\d+)?\) \(argumenterror\)|\bnotimplementederror\b|^panic: unreachable\b|\bcollection was modified; enumeration operation may not execute\b|\barray dimensions exceeded supported range\b|\brangeerror: invalid array length\b|\bcan't modify frozen [a-z]\w*|\billegalstateexception: recursive update\b|\blateinit property \w+ has not been initiali[sz]ed\b|\bundefined constant "\w+(?:\\\w+)+"`),
	// Arithmetic the CPU refuses (SIGFPE, exit 136): an integer division
	// by zero in native code ("Floating point exception (core dumped)",
	// the kernel's "trap divide error", gfortran's "Program received
	// signal SIGFPE"). A bug, not a segmentation fault.
	pat("sigfpe", AppCrash, weightPrecise, "", "floating point exception", "sigfpe", "trap divide error").matching(`(?i)\bfloating point exception\b|\bprogram received signal sigfpe\b|\btrap divide error\b|\b(?:killed by|received|got|caught) (?:signal )?sigfpe\b`),
	// C and C++'s failed assertion and the abort it ends in (exit 134):
	// a bug, not a segmentation fault, whatever "core dumped" says; also
	// pgBackRest's "ASSERT: [025]: unable to find ... in string list",
	// Ceph's "DaemonServer.cc: 2961: FAILED ceph_assert(...)", and BIND's
	// "rbtdb.c:1582: INSIST(...) failed" before "exiting (due to assertion
	// failure)".
	pat("assert_abort", AppCrash, weightPrecise+1, "", "assertion", "failed", "assert: [", "failed ceph_assert(").matching("(?i)\\bassertion [\x60'\"][^\\n]{1,200}['\"] failed\\b|^\\s*ASSERT: \\[\\d+\\]: |\\bFAILED ceph_assert\\(|\\.c:\\d+: (?:INSIST|REQUIRE|ENSURE|INVARIANT)\\(.{1,200}\\) failed\\b|\\bexiting \\(due to assertion failure\\)"),
	// Native programs' own reports of a broken invariant or corrupted
	// memory before they abort (exit 134): glog's and Abseil's "Check
	// failed:", Envoy's "assert failure:", glibc's heap checks ("double
	// free or corruption", "corrupted size vs. prev_size", "free():
	// invalid pointer"), the stack protector and _FORTIFY_SOURCE ("stack
	// smashing detected", "buffer overflow detected"), CPython's "Fatal
	// Python error" from an extension, Rust's unreachable!(), ClickHouse's
	// "Terminate called for uncaught exception" (whatever settings its crash
	// report lists after it): bugs in the
	// program or a library it loads, not its settings (glog's date has four
	// digits or eight; a check of a command-line flag, "Check failed:
	// FLAGS_shards > 0", is the flag given wrong).
	// glibc's own account of a corrupted heap before it aborts ("malloc():
	// invalid size (unsorted)", "munmap_chunk(): invalid pointer"): the
	// program's memory bug, above the signal report a runtime prints next.
	pat("glibc_heap_corruption", AppCrash, weightPrecise+1, "glibc found the heap corrupted and aborted the program (a double free, a write past a buffer): a bug in the program or a native library it loads; roll back the image, and report it with the log.", "double free or corruption", "corrupted size vs", "corrupted double-linked", "free(): ", "malloc(): ", "realloc(): ", "munmap_chunk(): ", "malloc_consolidate(): ", "_int_free(): ", "_int_malloc(): ").matching(`^\s*(?:double free or corruption \([\w !]+\)|corrupted size vs\. prev_size(?: in fastbins)?|corrupted double-linked list(?: \(not small\))?|(?:free|malloc|realloc|munmap_chunk|malloc_consolidate|_int_free|_int_malloc)\(\): [a-z][\w .]+(?:\([\w ]+\))?)\s*$`),
	// ClickHouse's crash report cut to its stack frames ("<Fatal> BaseDaemon:
	// 11. DB::MergeTreeBackgroundExecutor<...>::routine(...) @ 0x... in
	// /usr/bin/clickhouse"): the server crashed; the signal line above the
	// frames, when it is there, says which kind.
	pat("clickhouse_crash_frames", AppCrash, weightGeneric+3, "ClickHouse crashed (its fatal stack trace): read the lines above the frames for the signal or exception, check the release's known crashes and upgrade or roll back, and report it with the trace if it is new.", "<fatal> basedaemon: ").matching(`<Fatal> BaseDaemon: \d+\. \S.*@ 0x[0-9a-f]+`),
	pat("native_abort", AppCrash, weightGeneric+6, "A native part of the program broke its own invariant or corrupted memory and aborted: a bug in the program or a native library it loads (often a version mismatch); roll back the image, and report it with the log.", "check failed:", "assert failure:", "double free or corruption", "corrupted size vs. prev_size", "free(): invalid", "malloc(): ", "stack smashing detected", "buffer overflow detected", "fatal python error:", "entered unreachable code", "corrupted double-linked list", "terminate called for uncaught exception").matching(`(?i)^\s*[FE]\d{4}(?:\d{4})? [\d:. ]+\s*\d*\s*[\w./-]+:\d+\] check failed: |\bassert failure: |\*\*\* error in [\x60'"]?[^\n]{0,200}: (?:double free or corruption|free\(\): invalid|malloc\(\): |corrupted )|^\s*(?:double free or corruption \([\w !]+\)|corrupted size vs\. prev_size|corrupted double-linked list|free\(\): invalid (?:pointer|size|next size)|malloc\(\): [\w ]+(?:corrupted|invalid)[\w ]*)\s*$|\*\*\* (?:stack smashing|buffer overflow) detected \*\*\*|\bfatal python error: (?:py|_py)\w*: |\binternal error: entered unreachable code\b|\bTerminate called for uncaught exception\b`).without("check failed: flags_"),
	// A JavaScript name the code uses and never defined ("ReferenceError:
	// fetchRates is not defined", often under a wrapping error's
	// "[cause]:"), and asyncio's future from another event loop: bugs.
	// A GraalVM native image reaching code its build left out: reflection,
	// proxies, resources or JNI it was not told about
	// (MissingReflectionRegistrationError, "Generating proxy classes at
	// runtime is not supported"). The build, not anything the pod was given.
	pat("native_image_metadata", AppCrash, weightPrecise, "The native image was built without the metadata this code path needs (reflection, a dynamic proxy, a resource or JNI): register it (reflect-config.json or proxy-config.json under META-INF/native-image, @RegisterReflectionForBinding, RuntimeHints) and rebuild, or run the JVM build until it is.", "registrationerror", "unsupportedfeatureerror", "at runtime is not supported", "registered for runtime").matching(`(?i)\bMissing(?:Reflection|Resource|JNI|Serialization)RegistrationError\b|\bcom\.oracle\.svm\.core\.jdk\.UnsupportedFeatureError\b|\bGenerating proxy classes at runtime is not supported\b|\bwithout it being registered for runtime (?:reflection|access)\b`),
	// Jackson finding no way to build a class it was asked to read ("Cannot
	// construct instance of `TariffRule` (no Creators, like default
	// constructor, exist)"): the class, or a native image without its
	// reflection, not the JSON.
	pat("jackson_no_creators", AppCrash, weightSpecific, "Jackson cannot build the class it deserializes into: give it a no-argument constructor or a @JsonCreator (records need the parameter names module), and in a native image register the class for reflection.", "no creators").matching(`(?i)\bno Creators, like default construct(?:or|ruct), exist\b`),
	// Playwright without the browser it launches ("\"webkit\" browser was
	// not found. Please complete Playwright installation", "Executable
	// doesn't exist at /ms-playwright/chromium-1091/..."): the image was
	// built without it, or for another Playwright version. (Under a home
	// directory's cache, /root/.cache/ms-playwright, it is as often a
	// user other than the one that installed them.)
	pat("playwright_browser_missing", AppCrash, weightSpecific, "The image does not have the browser this Playwright version launches: install it while building the image (playwright install --with-deps BROWSER), or use the mcr.microsoft.com/playwright image whose tag matches the Playwright version the app depends on.", "browser was not found", "executable doesn't exist at").matching(`(?i)"(?:chromium|firefox|webkit|chrome|msedge)" browser was not found\b|\bExecutable doesn't exist at /ms-playwright/`),
	// A compiler run at start that rejects the code it was given (Gatling's
	// Zinc on a simulation: "CheckoutSimulation.scala:41:9: not found:
	// value constantUsersPerSecond"): the code, not a setting.
	pat("code_does_not_compile", AppCrash, weightSpecific, "The code the container compiles at start (a simulation, a script, a plugin) does not compile: fix the line the compiler names, or roll the file back to the last version that compiled.", "not found: ", "type mismatch").matching(`\.(?:scala|java|kt):\d+(?::\d+)?: (?:error: )?(?:not found: (?:value|type|object) \S|type mismatch\b|cannot find symbol\b)`),
	pat("js_reference_error", AppCrash, weightSpecific, "", "referenceerror:", "attached to a different loop").matching(`\bReferenceError: [\w$.]+ is not defined\b|\battached to a different loop\b`),
	// The kernel's report of a process's general protection fault
	// ("traps: ingestd[2817] general protection fault ip:... in
	// libcrypto.so.3"): a crash in native code, as a segfault is.
	pat("kernel_gpf", Segfault, weightPrecise, hintNative, "general protection fault").matching(`(?i)\btraps: \S+\[\d+\] general protection fault\b`),
	// Rust's std::env::var for a variable that is not set, unwrapped
	// ("called `Result::unwrap()` on an `Err` value: NotPresent").
	// A key the program is given that is too short for what it makes of
	// it (the cookie crate's Key::from on a short session secret:
	// "called `Result::unwrap()` on an `Err` value: TooShort(44)").
	pat("rust_key_too_short", ConfigError, weightPrecise+1, "A key or secret the program is given (a session or cookie secret, an encryption key) is shorter than it needs: set a longer random value (the program's docs give the length, often 64 bytes for a cookie key).", "tooshort", "invalidlength", "invalidkeylength").matching("\\bon an `?Err`? value: (?:TooShort|InvalidLength|InvalidKeyLength|KeyTooShort)\\b"),
	pat("rust_env_not_present", ConfigError, weightPrecise+1, hintEnv, "notpresent").matching("\\bon an `?Err`? value: NotPresent\\b"),
	// yaml-cpp asked to load a file that is not there ("terminate called
	// after throwing an instance of 'YAML::BadFile'", "what(): bad file:
	// /etc/app/config.yaml"): the mount or the path it was given.
	pat("yaml_cpp_bad_file", ConfigError, weightPrecise+1, hintFile, "yaml::badfile", "bad file: ").matching(`\bYAML::BadFile\b|\bwhat\(\):\s+bad file: \S`),
	// A connection string with a keyword its driver does not know
	// (.NET's "Keyword not supported: 'initial catalogue'"): a typo in
	// the setting.
	// Meteor's "Must pass options.rootUrl or set ROOT_URL in the server
	// environment" (Wekan, Rocket.Chat).
	pat("meteor_root_url", ConfigError, weightPrecise+1, hintEnv, "in the server environment").matching(`\bor set [A-Z][A-Z0-9_]+ in the server environment\b`),
	pat("conn_keyword", ConfigError, weightPrecise+1, hintEnv, "keyword not supported: ").matching(`\bKeyword not supported: '`),
	// A Kafka client that reaches none of its bootstrap servers
	// (aiokafka's "Unable to bootstrap from [...]").
	pat("kafka_bootstrap", DependencyUnavailable, weightSpecific+1, hintDepend, "unable to bootstrap from").matching(`(?i)\bunable to bootstrap from\b`),
	// Go's failed type assertion ("panic: interface conversion:
	// client.Object is *v1.ConfigMap, not *v1.Secret"): a bug, whatever
	// kind it names.
	pat("go_type_assertion", AppCrash, weightPrecise+2, "", "interface conversion:").matching(`\bpanic: interface conversion: `),
	// A webhook or aggregated API whose Service has no ready pods ("no
	// endpoints available for service \"capi-webhook-service\""): the
	// program serving it is down.
	pat("no_endpoints", DependencyUnavailable, weightPrecise+1, "The webhook's or API's Service has no ready endpoints: the pod that serves it is down or not ready; fix that one first (its logs), then this one recovers.", "no endpoints available for service"),
	// The official images' own words for a data directory they may not
	// write (MySQL's "Operating system error number 13", Confluent's
	// preflight "dub path /var/lib/kafka/data writable] FAILED").
	pat("datadir_not_writable", PermissionDenied, weightPrecise+1, hintPerm, "operating system error number 13", "writable] failed").matching(`(?i)\boperating system error number 13\b|\bdub path \S+ writable\] FAILED`),
	// A port another process holds, in servers' own words (RabbitMQ's
	// distribution port "in use by another node", MinIO's "Specified port
	// is already in use").
	pat("port_in_use_words", PortConflict, weightPrecise, hintPort, "in use by another node", "specified port is already in use").matching(`(?i)\bcould not bind to distribution port \d+, it is in use by another node\b|\bspecified port is already in use\b`),
	// Elasticsearch's node lock held by another node on a shared volume:
	// two replicas on one ReadWriteMany volume, not a permission.
	pat("es_lock_held", ConfigError, weightPrecise+6, "Another node holds the data path's lock: each replica needs a volume of its own (a StatefulSet's volumeClaimTemplates, not one ReadWriteMany claim), or the old process still runs.", "lock held by another program"),
	// A secret or parameter the platform cannot find (ECS's Secrets
	// Manager and SSM references, Cloud Run's secret versions, Container
	// Apps' secretRef): the object the task names does not exist.
	pat("platform_secret_missing", MissingConfigObject, weightPrecise+1, "The secret or parameter the task or revision references does not exist under that name (or in that account/region/project): create it, or fix the reference.", "can't find the specified secret", "invalid ssm parameters", "was not found", "secretrefnotfound", "secretref", "parameternotfound", "secretnotfound", "has no versions").matching(`(?i)\bsecrets manager can't find the specified secret\b|\binvalid ssm parameters: \S+|\bsecret projects/\S+/secrets/\S+ was not found\b|\bcontainerappsecretrefnotfound\b|\bsecretref '[^']+'.{0,60}\bnot found\b|\bSSM: GetParameters?\b.{0,200}\bParameterNotFound\b|code"?\s*[:=]\s*"?SecretNotFound\b|\bSecretNotFound: A secret with \(name/id\) \S+ was not found in this key vault\b|\bsecret \[projects/\S+/secrets/[^\]]+\] not found or has no versions\b`),
	// An agent's check of its node that names the host package it lacks
	// (Longhorn's "Failed environment check, please make sure you have
	// iscsiadm/open-iscsi installed on the host"): a prerequisite of the
	// node not installed, what the failure to run it below says again.
	pat("host_package_missing", ConfigError, weightPrecise+2, "A package the program needs on the node itself is not installed there (Longhorn: open-iscsi and an NFS client on every node): install it on the nodes, or keep the workload off nodes without it.", "installed on the host").matching(`(?i)\b(?:please )?(?:make sure|ensure|check(?: that)?) (?:you have |that )?[\w./-]+(?:/[\w.-]+)? (?:is |are )?installed on the host\b`),
	// chroot's and unshare's own words when the program they should start
	// is not there, and nsenter's for a host without a shell ("nsenter:
	// failed to execute sh: No such file or directory"; a host tool an
	// agent checks for, such as iscsiadm, is a missing prerequisite).
	pat("wrapper_no_command", CommandNotFound, weightPrecise+1, hintEntry, "failed to execute", "failed to run command").matching(`(?i)\bnsenter: failed to execute ['"‘\x60]?(?:/(?:usr/)?bin/)?(?:sh|bash|ash|dash)['"’\x60]?: no such file or directory|\b(?:chroot|unshare|setsid|setpriv|runuser|su-exec|gosu|chpst|taskset|numactl|ionice|nice|timeout|env): (?:failed to execute|failed to run command) ['"‘\x60]?[\w./-]+['"’\x60]?: no such file or directory`),
	// Fly's init failing to start the command ("failed to spawn command:
	// /app/bin/api: No such file or directory").
	// crun cannot open the entrypoint for execution (no executable bit).
	pat("crun_open_executable", CommandNotFound, weightPrecise+2, hintEntry, "open executable").matching(`(?i)\bcrun: open executable: permission denied\b`),
	// A program's own spawn of a helper program the image does not have:
	// Node's "spawn wkhtmltopdf ENOENT", Java's "Cannot run program
	// \"tesseract\": error=2", Ruby's "in `spawn': No such file or directory
	// - convert", Python's FileNotFoundError naming a bare command (or its
	// message alone, as Sentry shows it under the title), OCRmyPDF's "The
	// program 'tesseract' could not be executed or was not found", .NET's
	// "Win32Exception (2): An error occurred trying to start process
	// 'wkhtmltopdf' ... No such file or directory", DeepSpeed's "launcher
	// 'pdsh' not installed.", OpenMPI's "The value of the MCA parameter
	// \"plm_rsh_agent\" was set to a path that could not be found" (no ssh
	// in the image).
	pat("child_program_missing", CommandNotFound, weightPrecise+1, "The program starts a helper program (a converter, a browser, a shell tool) that is not installed in the image or not on its PATH: install it in the image, or point the setting that names its path at where it is.", "enoent", "error=2", "no such file or directory", "could not be executed", "could not spawn", "not installed.", "\"plm_rsh_agent\"").matching(`(?i)\bRuntimeError: launcher '\w+' not installed\.|\bThe value of the MCA parameter "plm_rsh_agent" was set to a path\b|\bspawn(?:sync)? \S+ ENOENT\b|\bCannot run program "[^"]+"(?: \(in directory "[^"]*"\))?: error=2\b|\bin [\x60'](?:[\w:]+[#.])?(?:spawn|exec|system|popen\w*|capture\w*)': No such file or directory - \S+|(?:\bFileNotFoundError: |^)\[Errno 2\] No such file or directory: '[A-Za-z][\w+-]*'\s*$|\bThe program '[^']+' could not be executed or was not found\b|\bCould not spawn \x60[^\x60]+\x60\. Please make sure \S+ is installed\b|\bfailed to (?:spawn|execute|run|launch) [\x60\x27"][^\x60\x27"]+[\x60\x27"]:? (?:\d+: )?No such file or directory \(os error 2\)|\bWin32Exception \(2\): An error occurred trying to start process '[^']+'.{0,120}No such file or directory`),
	pat("spawn_no_command", CommandNotFound, weightPrecise+1, hintEntry, "failed to spawn command").matching(`(?i)\bfailed to spawn command: \S+.{0,40}(?:no such file or directory|not found)`),
	// supervisord and init shims that cannot start the program: a command
	// missing or not executable ("spawnerr: can't find command
	// '/usr/sbin/php-fpm8.2'", "spawnerr: command at '...' is not
	// executable", "[dumb-init] /app/run.sh: Permission denied", runit's
	// "runsv nginx: fatal: unable to start ./run: access denied"), a script
	// run through a shell that reads its CRLF endings (dash's "set:
	// Illegal option -", BusyBox ash's "/bin/ash: illegal option -" and
	// "set: line 3: illegal option -"); a binary for another CPU ("couldn't exec ...:
	// ENOEXEC").
	// A shell that cannot run the script it was told to run ("/bin/sh:
	// 1: ./start.sh: Permission denied", dash's form and bash's): the
	// script has no executable bit (a file written inside a script, "sh:
	// line 9: /var/lib/ledger/run.lock: Permission denied", names its
	// line).
	pat("shell_script_not_executable", CommandNotFound, weightPrecise, hintEntry, "permission denied").matching(`(?i)(?:^|[\s=])(?:/bin/|/usr/bin/)?(?:ba|da|a)?sh: (?:\d+: )?(?:\./|/)[\w./-]+: permission denied\b`).without("/dev/", "/proc/", "/sys/", "/etc/", "/var/log/", "/run/secrets/", ".log:", ".pid:", ".lock:"),
	// The same refusal with the shell's name left off, as a reporter
	// recalls it or a runtime prints it alone ("/app/entry.sh: Permission
	// denied"): a script named as the whole line.
	pat("script_denied_alone", CommandNotFound, weightPrecise, hintEntry, "permission denied").matching(`(?i)^[\x60'"]?(?:\./|/)[\w./-]*(?:\.(?:sh|bash)|entrypoint|entry)[\x60'"]?: permission denied[\x60'".]?$`).without("/dev/", "/proc/", "/sys/", "/etc/", "/var/log/", "/run/secrets/"),
	// A platform's init that cannot start the command it was given (Fly.io's
	// "Error: failed to spawn command: /app/bin/server: Permission denied
	// (os error 13)"): the file has no executable bit.
	pat("spawn_denied", CommandNotFound, weightPrecise, hintEntry, "permission denied").matching(`(?i)\bfailed to (?:spawn|exec(?:ute)?) (?:command|process|program)(?::| ")\s*\S+?"?: permission denied\b`),
	pat("init_shim_no_command", CommandNotFound, weightPrecise+4, hintEntry, "spawnerr:", "[dumb-init]", "illegal option -", "runsv ").matching(`(?i)\bspawnerr: (?:can't find command|command at '[^']+' is not executable)|\[dumb-init\] \S+: (?:permission denied|no such file or directory)|\brunsv \S+: (?:fatal|warning): unable to start \./run: (?:access denied|file does not exist)|^\S+: (?:\d+: )?(?:set: )?(?:line \d+: )?illegal option -\s*$`),
	// The JVM's note under an UnsatisfiedLinkError of a native library
	// built for the other CPU ("(Possible cause: can't load AMD 64 .so on
	// a AARCH64 platform)").
	// The same on Windows ("sapjco3.dll: Can't load IA 32-bit .dll on a AMD
	// 64-bit platform").
	pat("jvm_native_lib_arch", ExecFormat, weightPrecise+2, hintArch, "can't load").matching(`(?i)\(possible cause: can't load (?:amd ?64|ia ?32|x86|aarch ?64|arm)(?:-bit)? \.so on a (?:amd ?64|ia ?32|x86|aarch ?64|arm)(?:-bit)? platform\)` +
		`|\bcan't load (?:amd ?64|ia ?32|x86|aarch ?64|arm)(?:-bit)? \.dll on an? (?:amd ?64|ia ?32|x86|aarch ?64|arm)(?:-bit)? platform\b`),
	pat("supervisor_enoexec", ExecFormat, weightPrecise+2, hintArch, "enoexec").matching(`(?i)\bcouldn't exec \S+: enoexec\b`),
	// ssh refusing a server whose host key is not in known_hosts, or
	// differs from it (git-sync, Flux, Argo CD, an rsync sidecar): the
	// known_hosts the pod was given, not the network.
	pat("ssh_host_key", ConfigError, weightPrecise, "ssh does not trust the server's host key: put the key of the host it connects to in the known_hosts the pod is given (ssh-keyscan HOST, for that host and port), or update it if the server's key changed.", "host key").matching(`(?i)\bHost key verification failed\b|\bNo [\w-]+ host key is known for\b|\bREMOTE HOST IDENTIFICATION HAS CHANGED\b`),
	// The Cloud SQL and AlloyDB proxies told to use an IP type the
	// instance does not have ("Config error: instance does not have IP of
	// type \"PRIVATE\""): the --private-ip / --psc flag, not the network.
	pat("sql_proxy_ip_type", ConfigError, weightPrecise+1, "The proxy is told to connect over an IP type the instance does not have: drop --private-ip (or --psc, --auto-ip), or give the instance that kind of address.", "does not have ip of type").matching(`(?i)\binstance does not have IP of type\b`),
	// Java application servers' own words: WildFly's deployment needing a
	// service (a datasource's JNDI name) the server does not define,
	// WebLogic's boot identity refused and its managed server without the
	// admin server, Payara's admin port held by another process, OpenJ9's
	// general protection fault.
	pat("wildfly_missing_service", ConfigError, weightSpecific, "The deployment needs a service the server's configuration does not define (most often a datasource's JNDI name in persistence.xml or a @Resource that standalone.xml does not have): make the names match.", "wflyctl0412", "wflyctl0180").matching(`\bWFLYCTL0412: Required services that are not installed\b|\bWFLYCTL0180: Services with missing/unavailable dependencies\b`),
	pat("weblogic_boot_identity", ConfigError, weightPrecise, "The user name or password in the domain's boot.properties (or the operator's credentials Secret) does not match the domain's admin user: fix the Secret, or delete boot.properties so it is written again from it.", "bea-090402", "boot identity not valid").matching(`(?i)\bBEA-090402\b|\bBoot identity not valid\b`),
	pat("weblogic_admin_unreachable", DependencyUnavailable, weightPrecise, "The managed server cannot reach the domain's admin server at start: check the admin server pod is up and its Service resolves (the operator starts it first), or let managed servers start in independence mode.", "bea-141151", "administration server could not be reached").matching(`(?i)\bBEA-141151\b|\bThe Administration Server could not be reached\b`),
	pat("payara_admin_port_in_use", PortConflict, weightPrecise, "Another process (often another Payara instance on the same host network) holds the port: give each instance its own ports, or do not run two replicas on one node with hostNetwork.", "already using the").matching(`(?i)\bThere is a process already using the (?:admin )?port \d+`),
	pat("openj9_gpf", Segfault, weightPrecise, "", "segmentation error", "dump event \"gpf\"").matching(`\bType=Segmentation error\b|\bProcessing dump event "gpf"`),
	// The JVM failing to map a file ("java.lang.OutOfMemoryError: Map
	// failed", Cassandra's and Elasticsearch's mmapped files): the node's
	// vm.max_map_count, not the heap or the container's limit.
	pat("jvm_map_failed", ConfigError, weightPrecise+2, "The JVM could not map another file into memory: the node's vm.max_map_count is too low for this program (Cassandra, Elasticsearch and OpenSearch map many files); raise it on the node (sysctl -w vm.max_map_count=1048575, or a privileged init container).", "map failed").matching(`\bOutOfMemoryError: Map failed\b`),
	// runc unable to create the container's memory cgroup ("mkdir
	// /sys/fs/cgroup/memory/kubepods/...: cannot allocate memory"): the
	// node's kernel (CentOS 7's kmem accounting leak), not the app's memory.
	pat("cgroup_mkdir_enomem", ConfigError, weightPrecise+2, "The node's kernel cannot create another memory cgroup (on 3.10 kernels, kmem accounting leaks cgroups until none can be made): reboot the node to clear it, and upgrade the kernel or turn kmem accounting off (cgroup.memory=nokmem).", "cannot allocate memory").matching(`\bmkdir /sys/fs/cgroup/memory/\S+: cannot allocate memory\b`),
	// A CRI client (kubelet, crictl, a node agent) on a socket whose
	// runtime does not serve the CRI version it speaks ("rpc error: code =
	// Unimplemented desc = unknown service runtime.v1alpha2.ImageService").
	pat("cri_unimplemented", ConfigError, weightSpecific, "The runtime socket it was pointed at does not serve the CRI version it speaks (an old containerd without CRI v1, containerd 2 without v1alpha2, Docker's socket where cri-dockerd's is needed): point it at the right socket for this node's runtime, or use a release that speaks that runtime's CRI version.", "unknown service").matching(`\bunknown service runtime\.v1(?:alpha2)?\.(?:Image|Runtime)Service\b|\bcri\S*\b.{0,80}\bcode = Unimplemented desc = unknown service\b`),
	// clamd's own words when it cannot open its log ("Can't open
	// /var/log/clamav/clamd.log in append mode (check permissions!)").
	pat("cant_open_check_permissions", PermissionDenied, weightPrecise, hintPerm, "check permissions").matching(`(?i)\bcan't open \S+ in \w+ mode \(check permissions!?\)`),
	// firebase-tools' emulators on a port something else holds ("Port 8080
	// is not open on localhost ..., could not start Firestore Emulator",
	// "Could not start Firestore Emulator, port taken.").
	pat("firebase_emulator_port", PortConflict, weightPrecise, "Another process in the pod or on the host holds the emulator's port: give the emulator another port in firebase.json, or move what holds it.", "port taken", "is not open on").matching(`(?i)\bCould not start [\w ]+ Emulator, port taken\b|\bPort \d+ is not open on localhost\b.{0,60}\bcould not start\b`),
	// A host name that carries its port ("getaddrinfo for
	// db.internal:3306 failed", "lookup db:5432: no such host"): the
	// port belongs in its own setting, not in the host's.
	pat("host_with_port", ConfigError, weightPrecise, "The host setting holds a port too (\"db:3306\"), so the name looked up is not a host name: put the port in its own setting (or the URL's port), and only the name in the host.", "getaddrinfo", "lookup").matching(`\bgetaddrinfo (?:for )?[\w.-]+\.[\w.-]*:\d{2,5} failed\b|\blookup [\w.-]+:\d{2,5}(?: on \S+)?: no such host\b`),
	// Prosody's port manager on a port another server holds ("Failed to
	// open server port 5222 on ::, check that Prosody or another XMPP server
	// is not already running and using this port").
	// Icecast's own words for a listener it could not bind ("Could not
	// create listener socket on port 8000"): a port another process
	// holds (a privileged port below 1024 is a permission instead).
	pat("icecast_listener", PortConflict, weightPrecise, hintPort, "could not create listener socket on port").matching(`(?i)\bCould not create listener socket on port (?:[1-9]\d{3,4})\b`),
	pat("prosody_port_in_use", PortConflict, weightPrecise, "Another process (often another XMPP server, or a second replica on the host network) holds the port: stop it, or give each its own ports.", "failed to open server port").matching(`(?i)\bFailed to open server port \d+ on \S+, check that \w+ or another [\w ]+ is not already running\b`),
	// Edge boards' own failures: the kubelet on a kernel booted without the
	// memory cgroup ("Following Cgroup subsystem not mounted: [memory]"), a
	// TLS client on a node whose clock has not been set
	// (CERT_NOT_YET_VALID, "certificate is not yet valid"), RPi.GPIO
	// without access to the GPIO device, the arm64 kernel's report of a
	// process's bad memory access, systemd-coredump's signal 11.
	pat("cgroup_memory_not_mounted", ConfigError, weightPrecise+2, "The node's kernel was booted without the memory cgroup (Raspberry Pi OS and Ubuntu on a Pi need cgroup_enable=memory cgroup_memory=1 in cmdline.txt): add it and reboot the node.", "cgroup subsystem not mounted").matching(`(?i)\bCgroup subsystems? not mounted: \[[^\]]*\bmemory\b`),
	pat("clock_not_yet_valid", ConfigError, weightPrecise, "A certificate is not valid yet by this node's clock: the clock is wrong (a board without a real-time clock before NTP has synced, or a VM restored from a snapshot); set the time (fix NTP, add an RTC) rather than the certificate.", "not yet valid", "cert_not_yet_valid", "notvalidyet").matching(`(?i)\bCERT_NOT_YET_VALID\b|\bcertificate (?:is )?not yet valid\b|\bNotValidYet\b`),
	pat("rpi_gpio_no_access", PermissionDenied, weightPrecise, "The process cannot open the GPIO device: run the container with the device (/dev/gpiomem or /dev/mem) and a user in its group (gpio), or privileged.", "no access to /dev/").matching(`(?i)\bNo access to /dev/(?:mem|gpiomem)\b`),
	pat("arm64_unhandled_exception", Segfault, weightPrecise, "", "unhandled exception: dabt", "translation fault").matching(`\bunhandled exception: DABT\b|\blevel \d translation fault\b`),
	pat("coredump_sigsegv", Segfault, weightPrecise+1, "", "terminated abnormally with signal").matching(`\bterminated abnormally with signal 11/SEGV\b`),
	// Swarm's and Nomad's own words for a port another service holds ("port
	// '3000' is already in use by service 'bi_metabase' ... as an ingress
	// port", "network: reserved port collision http=80").
	pat("orchestrator_port_in_use", PortConflict, weightPrecise, "Another service of the cluster already publishes the port: give one of them another published port (Swarm's ingress ports and Nomad's static ports are cluster-wide or per node).", "already in use by service", "reserved port collision").matching(`(?i)\bport '?\d+'? is already in use by service\b|\breserved port collision\b`),
	// Nomad's exec and raw_exec drivers without the command under the task
	// directory ("file local/prometheus not found under path ...").
	pat("nomad_command_not_found", CommandNotFound, weightPrecise, "The task's command is not where the driver looks (the artifact unpacked one folder deeper, or under another name): point command at the path `nomad alloc fs` shows.", "not found under path").matching(`\bfile \S+ not found under path\b`),
	// Cypress's check of its baseUrl before the run ("Cypress could not
	// verify that this server is running", "Cypress failed to verify that
	// your server is running"): the app under test is not up (yet).
	pat("cypress_server_down", DependencyUnavailable, weightPrecise, "Cypress checks its baseUrl before running and found no server there: start the app first and wait for it (depends_on with a healthcheck, start-server-and-test, wait-on), or fix the baseUrl if the host or port is wrong.", "verify that").matching(`(?i)\bCypress (?:could not|failed to) verify that (?:this|your) server is running\b`),
	// Probes of a wait loop that find nothing: BusyBox nc's "bad address
	// 'redis-master'" (the name does not resolve), pg_isready's "host:5432
	// - no response".
	pat("wait_probe_unreachable", DependencyUnavailable, weightSpecific+1, hintDepend, "bad address '", " - no response").matching(`(?i)\bnc: bad address '[^']+'|:\d+ - no response\s*$`),
	// A template's placeholder left in a config a server reads (nginx's
	// "host not found in \"__PORT__\"", "${BACKEND_HOST}", "upstream
	// \"$INTERNAL_API_HOST\""): the templating step did not run or did not
	// know the variable.
	pat("unreplaced_placeholder", ConfigError, weightPrecise+2, hintPlaceholder, "__", "${", "\"$").matching(`\[emerg\].{0,120}(?:"__[A-Z][A-Z0-9_]*__|\$\{[A-Z][A-Z0-9_]*\}|"\$[A-Z][A-Z0-9_]*")`),
	// nginx's load_module of a module the image does not have there ("a
	// ConfigMap mounted over /etc/nginx hides its modules/ link"): the
	// config and the image disagree, nothing crashed.
	pat("nginx_module_missing", ConfigError, weightPrecise+2, "nginx.conf loads a dynamic module (load_module) that is not at that path in the image: install the module's package, fix the path, or stop a volume hiding it (mount nginx.conf alone with subPath instead of over /etc/nginx).", "dlopen()").matching(`\[emerg\].{0,40}\bdlopen\(\) "[^"]+" failed \(/[^)]*No such file or directory\)`), // (the module's own path: a library it links that is missing, "(libmaxminddb.so.0: cannot open ...)", is a broken build)
	// A reporter's words that a volume hides the image's own files ("this
	// hides the image's pyproject.toml and venv", "the bind mount
	// overwrites node_modules", "mounted as folder, masking everything
	// else"): the mount is the cause, whatever the program then misses.
	pat("mount_hides_image_files", ConfigError, weightPrecise, "A volume is mounted over a directory the image ships files in, so the program no longer sees them: mount only the files it needs (subPath, a narrower path), move the data elsewhere, or copy the image's files into the volume first.", "mount", "volume").matching(`(?i)(?:^|[^\w-])(?:bind[- ]?mount\w*|mount(?:s|ed|ing)?|volumes?)(?:[^\w-](?:[^\n.]|\.\S){0,60}?)?[^\w-](?:hides?|hid|hidden|hiding|mask(?:s|ed|ing)?|shadow(?:s|ed|ing)?|overwrit(?:es?|ing|ten)|overrid(?:es?|ing|den)|wip(?:es|ed|ing) out)\b(?:[^\n.]|\.\S){0,40}\b(?:the )?(?:image(?:'s|’s)?|node_modules|venv|virtualenv|\.venv|everything|contents?|code|files?|folder|director(?:y|ies)|jars?|plugins?|binar(?:y|ies)|gems?|vendor)\b`).without(
		// The files copied into the volume by a tool ("rsync overwrites the
		// jar in place"), not hidden by the mount.
		"rsync"),
	// The cluster's DNS Service by its usual name ("kube-dns.kube-system")
	// that does not resolve: a chart's resolver setting names a Service
	// this cluster calls otherwise (coredns, rke2-coredns).
	pat("cluster_dns_name", ConfigError, weightPrecise+2, "The cluster's DNS Service is not called kube-dns in kube-system here (some distributions name it coredns or rke2-coredns): set the chart's DNS service setting (e.g. global.dnsService / dnsNamespace) to the real Service, or point the resolver at it.", "kube-dns.kube-system").matching(`(?i)(?:host not found in resolver|resolve|no such host|not found|lookup)[^\n]{0,80}\bkube-dns\.kube-system\b|\bkube-dns\.kube-system\S*[^\n]{0,40}(?:no such host|not found|could not be resolved)`),
	// PyYAML asked by a config for a Python object it cannot import
	// (MkDocs' "!!python/name:materialx.emoji.twemoji"): the config names
	// a module the image does not have.
	pat("yaml_python_object", ConfigError, weightPrecise, hintParse, "while constructing a python object"),
	// A name to resolve that is still a variable ("lookup ${DB_HOST}",
	// "getaddrinfo ENOTFOUND $REDIS_HOST", "could not translate host name
	// \"${POSTGRES_HOST}\"", Kubernetes' "$(REDIS_HOST)" declared too late,
	// a Helm template's "{{ .Values.nats.host }}" never rendered): nothing
	// expanded it, a setting, not the network.
	// An error quoting a value that is still a template placeholder
	// ("Invalid isoformat string: '{{inputs.parameters.run-date}}'",
	// "invalid literal for int() with base 10: '${PORT}'"): the step that
	// fills it in did not run, or has no such parameter.
	pat("quoted_placeholder_value", ConfigError, weightPrecise+1, hintPlaceholder, "{{", "${", "'$", "\"$", "\x60$").matching(`(?i:\b(?:invalid|error|exception|cannot|can't|could not|failed|unable|unknown|illegal|bad|not a valid|unsupported|unrecognized)\b).{0,160}(?::|\bstring|\bvalue|\bfor)\s+['"\x60]` + rePlaceholder + `['"\x60]\s*\.?\s*$|['"\x60]` + rePlaceholder + `['"\x60] is not an? (?:valid )?(?:integer|int|number|port|boolean|bool|duration|url)\b`),
	pat("host_unexpanded_variable", ConfigError, weightPrecise+2, hintPlaceholder, " $", "\"$", "'$", "`$", "{{").matching(`(?i)(?:\blookup|\benotfound|could not translate host name|unknownhostexception:|could not resolve host:|unknown (?:mysql )?(?:server )?host|no such host:?|host not found(?: in upstream)?|bad address|getaddrinfo for|connecting to)\s*["'\x60]?(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\([A-Za-z_][A-Za-z0-9_]*\)|\{\{[^}\n]*\}\})(?:["'\x60:\s]|$)`),
	// The JVM refusing contradictory heap flags ("Initial heap size set to
	// a larger value than the maximum heap size": -Xms above -Xmx, from two
	// sources of options).
	pat("jvm_heap_flags", ConfigError, weightPrecise+2, "The JVM's heap flags contradict each other (-Xms above -Xmx, often from JAVA_OPTS and JAVA_TOOL_OPTIONS together): set one source of heap flags, with -Xms at most -Xmx.", "initial heap size set to a larger value than the maximum heap size"),
	// sudo under no_new_privs (allowPrivilegeEscalation: false, which the
	// restricted Pod Security profile requires).
	pat("sudo_no_new_privs", PermissionDenied, weightPrecise+1, hintPerm, "\"no new privileges\" flag is set"),
	// An image whose runtime does not fit what was built into it: a native
	// addon for another Node.js ("compiled against a different Node.js
	// version using NODE_MODULE_VERSION 108"), a package whose engines the
	// image's Node does not meet, PDO without its driver, a
	// framework-dependent .NET app on an image without the runtime, a Perl XS
	// module built for another perl ("loadable library and perl binaries are
	// mismatched (got handshake key ...)"), a Fastify plugin for another
	// fastify ("expected '5.x' fastify version, '4.29.0' is installed").
	pat("runtime_build_mismatch", AppCrash, weightPrecise+1, "The image was built for another runtime than it runs: rebuild it so the native modules, extensions and runtime match (npm rebuild on the image's Node, the PHP extension installed, the .NET runtime image or a self-contained publish).", "compiled against a different node.js version", "is incompatible with this module", "could not find driver", "you must install .net to run this application", "perl binaries are mismatched", " instead of ", "version of the jvm must be", "python_version_mismatch", "python in worker has different version", "fastify version", "fst_err_plugin_version_mismatch").matching(`(?i)\bfastify-plugin: \S+ - expected '[^']+' fastify version\b|\bFST_ERR_PLUGIN_VERSION_MISMATCH\b|\bmodule "[^"]+\.so" version \d+ instead of \d+|\bthe version of the jvm must be at least\b|\[python_version_mismatch\]|\bpython in worker has different version\b|\bloadable library and perl binaries are mismatched\b|\bwas compiled against a different node\.js version\b|\bthe engine "node" is incompatible with this module\b|\bpdoexception\b.{0,40}\bcould not find driver\b|\bcould not find driver \(|\bAn exception occurred in the driver: could not find driver\b|^\s*could not find driver\s*$|\byou must install \.net to run this application\b`),
	// Python refusing its own environment at start: PYTHONHOME pointing
	// elsewhere ("No module named 'encodings'" under "Fatal Python error:
	// init_fs_encoding"), PYTHONIOENCODING naming no codec.
	pat("python_env_fatal", ConfigError, weightPrecise+2, "Python's own environment variables are wrong (PYTHONHOME, PYTHONPATH, PYTHONIOENCODING in the pod's env): remove or fix them; the image's defaults are usually right.", "fatal python error: init_").matching(`(?i)\bfatal python error: init_(?:fs_encoding|stdio_encoding|sys_streams|import_site)\b`),
	// A registration token the server refuses (gitlab-runner's
	// "Registering runner... forbidden (check registration token)"): wrong
	// or reset credentials, not RBAC.
	pat("registration_token", ConfigError, weightPrecise+2, "The runner's registration or authentication token is wrong, expired or reset: create a new one and put it in the Secret the chart reads.", "check registration token"),
	// Alertmanager's route naming a receiver its config lacks.
	pat("alertmanager_receiver", ConfigError, weightPrecise, hintParse, "undefined receiver").matching(`(?i)\bundefined receiver "[^"]+" used in route\b`),
	// Java's division by zero: a bug.
	pat("java_arithmetic", AppCrash, weightPrecise, "", "arithmeticexception").matching(`(?i)\bjava\.lang\.arithmeticexception\b`),
	pat("cmd_not_found_colon", CommandNotFound, weightPrecise, hintEntry, "command not found: ").matching(`(?i)\bcommand not found: [\w./-]+`),
	// "Sequelize command not found", "yarn: command not found" told in
	// words, without the shell's prefix.
	pat("cmd_not_found_words", CommandNotFound, weightSpecific, hintEntry, "command not found").matching(`(?i)^\W{0,3}[\w.-]+:? command not found\W{0,3}$|\b(?:exit(?:s|ing|ed)?|fail(?:s|ing|ed)?|crash(?:es|ing|ed)?|stops?|stopping|dies|died) with (?:a |an |the )?["'\x60“]?command not found["'\x60”]? (?:error|message)\b`),
	// A program that finds its own parts missing and says the build is
	// at fault (Polkadot's "Worker binaries could not be found, make sure
	// polkadot was built/installed correctly"): a broken image.
	pat("build_incomplete", AppCrash, weightSpecific+1, hintModule, "make sure").matching(`(?i)\bmake sure \S+ (?:was|is|has been) (?:built|installed|compiled)(?:(?:/| and | or )(?:built|installed|compiled))? (?:correctly|properly)\b`),
	// A start script that could not fetch what it downloads at start
	// (cosmos-omnibus's "Issue obtaining the Polkachu snapshot. Likely the
	// API issue.").
	pat("obtain_failed", DependencyUnavailable, weightSpecific, hintDepend, "obtaining", "fetching", "retrieving", "downloading").matching(`(?i)\b(?:issue|problem|trouble|failure|error) (?:obtaining|fetching|retrieving|downloading) (?:the |a )?(?:latest )?[\w.-]+ (?:snapshot|archive|release|manifest|index|bundle|genesis|file list)\b`),
	// SonarQube's checks of the database it is given: UTF-8 columns and a
	// case-sensitive, accent-sensitive collation.
	pat("db_charset_required", ConfigError, weightPrecise, "The database was not created with the character set or collation the app requires (SonarQube: UTF-8, case- and accent-sensitive): recreate the database (or the named columns) with it, as the app's installation guide says.", "charset", "collation").matching(`(?i)\bmust have UTF-?8 charset\b|\bDatabase collation must be case-sensitive and accent-sensitive\b|\bDatabase charset is \S+\. It must support UTF8\b`),
	// A program under a bin/ directory the image lacks, told in words
	// ("exits unexpectedly because /usr/local/shiny-server/ext/node/bin/shiny-server is missing").
	pat("bin_path_missing", CommandNotFound, weightSpecific, hintEntry, "missing", "does not exist", "doesn't exist").matching(`(?i)(?:^|[\s"'\x60(])(?:/[\w.@+-]+)*/s?bin/[\w.@+-]+["'\x60)]? (?:is|was) (?:missing|not there)\b|(?:^|[\s"'\x60(])(?:/[\w.@+-]+)*/s?bin/[\w.@+-]+["'\x60)]? (?:does not|doesn't) exist\b`),
	// A shell's "/usr/bin/run-server.sh: not found" quoted in a sentence
	// ("but "/usr/bin/run-server.sh: not found" error is reported").
	pat("quoted_path_not_found", CommandNotFound, weightPrecise, hintEntry, ": not found").matching(`["\x60“](?:/[\w.@+-]+)+: not found["\x60”]`).without(".yaml:", ".yml:", ".json:", ".conf:", ".toml:", ".ini:", ".env:", ".properties:"),
	// urfave/cli's answer to a command it does not have ("No help topic
	// for 'pumba'": the arguments name the program again, or an old
	// subcommand).
	pat("cli_no_help_topic", ConfigError, weightPrecise, hintFlag, "no help topic for").matching(`(?i)\bNo help topic for '[^']+'`),
	// java -jar given a file that is not a jar (a download cut short, an
	// HTML error page saved under the jar's name).
	pat("corrupt_jarfile", ConfigError, weightPrecise, "The file given to java -jar is not a valid jar (a broken or partial download, or a wrong path): delete it so it is fetched again, or point to the right file.", "invalid or corrupt jarfile"),
	pat("npm_script", CommandNotFound, weightSpecific, hintEntry, "missing script", "could not find a production build"),
	// A package.json the image ships broken (empty, cut short by the
	// build): Node cannot read the package, whatever the app's settings.
	pat("node_package_config", AppCrash, weightPrecise, "A package.json in the image is empty or broken (the build or the image's copy step wrote it wrong): rebuild the image, or use the release before it.", "err_invalid_package_config", "invalid package config").matching(`\bERR_INVALID_PACKAGE_CONFIG\b|\bInvalid package config \S*package\.json\b`),
	// Yarn Plug'n'Play refusing a require of a package the workspace's
	// package.json does not declare: a dependency missing from the build.
	pat("yarn_pnp_undeclared", AppCrash, weightPrecise, hintModule, "isn't declared in its dependencies").matching(`\btried to access [@\w./-]+, but it isn't declared in its dependencies\b`),
	// SQLAlchemy 2 refusing a plain string as a statement (code written
	// for 1.x: conn.execute("SELECT ...") without text()).
	pat("sqlalchemy2_not_executable", AppCrash, weightPrecise, "", "objectnotexecutableerror").matching(`\bObjectNotExecutableError: Not an executable object\b`),
	// pm2's own word that its ecosystem file does not parse, above
	// Node's SyntaxError for it: the settings, not the app's code.
	pat("pm2_config_malformed", ConfigError, weightPrecise+2, hintParse, "malformated").matching(`(?i)\[pm2\]\[error\] file \S+ malformated`),
	pat("pm2_script_missing", CommandNotFound, weightPrecise, hintEntry, "script not found").matching(`(?i)\bpm2 error: (?:error: )?script not found: \S+`),
	// Node's own account of a rejected promise nobody handled: a bug
	// unless the reason it quotes says more (a rule for the reason wins).
	pat("node_unhandled_rejection", AppCrash, weightGeneric+5, "", "unhandledpromiserejection", "err_unhandled_rejection").matching(`(?i)\bthe promise rejected with the reason "|\[UnhandledPromiseRejection: This error originated|\bcode: 'ERR_UNHANDLED_REJECTION'`),
	pat("node_main", CommandNotFound, weightSpecific+1, hintEntry, "cannot find module '/").without("require stack", "/node_modules/", "imported from"),
	// The dotnet host's own words for an entry assembly the image does
	// not hold ("The application 'Contoso.Api.dll' does not exist."),
	// after a project rename or a publish to another folder.
	pat("dotnet_app_missing", CommandNotFound, weightSpecific+1, hintEntry, "does not exist").matching(`(?i)\bthe application '[^']+\.(?:dll|exe)' does not exist\b`),
	// The dotnet host given an SDK command ("dotnet run", "dotnet ef")
	// in a runtime-only image: "No .NET SDKs were found."
	pat("dotnet_no_sdk", CommandNotFound, weightSpecific+1, hintEntry, "no .net sdks were found").matching(`(?i)\bNo \.NET SDKs were found\b`),
	// ASP.NET Core's endpoint mapped without the services it needs ("Unable
	// to find the required services. Please add all the required services
	// by calling 'IServiceCollection.AddRazorComponents'"): Program.cs to
	// fix, not a setting, whatever the word ConfigureServices in it says.
	pat("aspnet_services_missing", AppCrash, weightPrecise+2, "", "unable to find the required services").matching(`(?i)\bUnable to find the required services\. Please add all the required services by calling\b`),
	// .NET's cast between the program's own types ("Unable to cast object
	// of type 'System.Int64' to type 'System.Int32'"): the code's.
	pat("dotnet_invalid_cast", AppCrash, weightSpecific, "", "unable to cast object of type").matching(`(?i)\bInvalidCastException: Unable to cast object of type '[^']+' to type '[^']+'`),
	// A connection string with a keyword its driver does not know
	// ("Keyword not supported: initial catalog", SQL Server's words given
	// to Npgsql): the string to fix.
	pat("conn_string_keyword", ConfigError, weightPrecise, hintParse, "keyword not supported").matching(`(?i)\bKeyword not supported: ['"]?\w[\w ]*`),
	// SQL Server upgrading its system databases after an image update
	// lets only administrators in ("Login failed for user 'x'. Reason:
	// Server is in script upgrade mode."): the server is not ready yet;
	// the login is fine.
	pat("mssql_script_upgrade", DependencyUnavailable, weightPrecise+4, "", "script upgrade mode").matching(`(?i)\bServer is in script upgrade mode\b`),
	// The Java images' run-java.sh told to start a jar that is not there
	// ("ERROR No such file /deployments/x-runner.jar", then java's "-jar
	// requires jar file specification"): JAVA_APP_JAR or the build's jar
	// name to fix.
	pat("run_java_no_jar", ConfigError, weightPrecise, hintFile, "error no such file").matching(`\bERROR No such file /\S+\.jar\b`),
	// Flyway without a URL ("Unable to connect to the database. Configure
	// the url, user and password!"): its settings are missing (a misnamed
	// FLYWAY_URL), not a database that is down.
	pat("flyway_unconfigured", ConfigError, weightPrecise+4, hintParse, "configure the url, user and password").matching(`(?i)\bUnable to connect to the database\. Configure the url, user and password\b`),
	// go-oidc's issuer check ("oidc: issuer did not match the issuer
	// returned by provider", "issuer URL provided to client ... did not
	// match the issuer URL returned by provider"): the configured issuer
	// differs from the provider's own (a trailing slash, ":443").
	pat("oidc_issuer_mismatch", ConfigError, weightPrecise+2, hintParse, "did not match the issuer").matching(`(?i)\bdid not match the issuer(?: URL)? returned by provider\b`),
	// Samba's domain join that finds no domain controller ("Failed to
	// join domain: failed to find DC for domain LAB"): the DC is not up
	// or not reachable yet.
	// Oracle Database still starting or stopping ("ORA-01033: ORACLE
	// initialization or shutdown in progress", "ORA-01034: ORACLE not
	// available"), or mounted but not open ("ORA-12528, TNS:listener: all
	// appropriate instances are blocking new connections", ORA-12526's
	// restricted mode): not ready for clients yet.
	pat("oracle_starting", DependencyUnavailable, weightPrecise, hintDepend, "ora-0103", "ora-1252").matching(`\bORA-0103[34]\b|\bORA-1252[68]\b`),
	// axum's router refusing two routes for one path ("Invalid route
	// \"/users/{id}\": Insertion failed due to conflict with previously
	// registered route"), and sqlx decoding a column into a Rust type of
	// another SQL type ("mismatched types; Rust type ... is not compatible
	// with SQL type"): the program's code, not a setting.
	pat("rust_code_mismatch", AppCrash, weightPrecise+2, "", "insertion failed due to conflict", "is not compatible with sql type").matching(`(?i)\bInsertion failed due to conflict with previously registered route\b|\bmismatched types; Rust type\b.*\bis not compatible with SQL type\b`),
	pat("samba_join_no_dc", DependencyUnavailable, weightPrecise, hintDepend, "failed to find dc for domain").matching(`(?i)\bfailed to find DC for domain\b`),
	pat("dotnet_entry", CommandNotFound, weightSpecific, hintEntry, "could not execute because the specified command or file was not found", "the application to execute does not exist", "could not execute because the application was not found"),

	// The liveness probe's own request refused, told with the probe
	// ("the chart's livenessProbe still said `port: 8080`. So the kubelet
	// got `Get \"http://10.42.3.17:8080/healthz\": dial tcp ...: connection
	// refused`"): the probe's port or path, not a dependency. (Not the
	// kubelet's own "Liveness probe failed: Get ...": a refusal there is
	// as often an app that died first.)
	pat("probe_request_refused", LivenessProbe, weightPrecise+2, "", "connection refused").matching(`(?i)\b(?:liveness|startup)-? ?probes?\b.{0,200}\bGet \\?"?https?://[\w.:\[\]-]+/(?:healthz?|livez|health|readyz?|status|ping)\b[^\n]{0,80}\bconnection refused`).without("probe failed:", "unhealthy"),
	// Kubelet probe messages pasted with the log.
	// "Fix the crashloop caused by misconfigured liveness/readiness
	// probes"; the kubelet's own word for a probe sent to another host by a
	// redirect ("Probe terminated redirects").
	pat("probe_caused_loop", LivenessProbe, weightPrecise, "", "probe").matching(`(?i)\bcrash ?loop\w*\s+(?:is\s+|was\s+)?(?:caused by|due to|because of)\s+(?:\w+\s+){0,3}(?:(?:liveness|liveliness|startup)(?: ?(?:/|and|or|&) ?(?:readiness|liveness|startup))?[ -]?)?probes?\b|\bProbe terminated redirects\b`),
	// The kubelet's own journal line for a failing liveness or startup
	// probe (`journalctl -u kubelet`): its prober says so in structured
	// form.
	pat("kubelet_prober_failed", LivenessProbe, weightPrecise+2, "", "probe failed").matching(`"Probe failed" probeType="(?:Liveness|Startup)"`),
	pat("probe_kill", LivenessProbe, weightSpecific, "", "liveness probe failed", "liveness probe errored", "startup probe failed", "startup probe errored", "failed liveness probe", "failed startup probe", "liveness probe failing").without(probeReportedWords...),

	// A probe's failure in the reporter's words or a tool's output ("the
	// liveness probe times out during startup", "they don't meet the
	// liveness probe - getting connection refused"): about the probe,
	// whatever else the line names.
	pat("probe_words", LivenessProbe, weightPrecise, "", "probe", "liveness", "startup").matching(`(?i)\b(?:liveness|liveliness|startup)-?(?: ?(?:/|and|or|&) ?(?:readiness|liveness|liveliness|startup))?[ -]?probes?\b.{0,80}\b(?:fail(?:s|ed|ing|ures?)?\b|time[sd]? ?out\b|timeouts?\b|kill|restart|never pass|not met|don't meet|doesn't meet|too short|too early|too soon|too aggressive|too low|before (?:\w+ ){1,2}(?:finishes|starts|is ready|becomes ready))|\b(?:fail(?:s|ed|ing|ures?)?|time[sd]? ?outs?|timeouts?|kill\w*|restart\w*|don't meet|doesn't meet|never pass\w*)\b.{0,60}\b(?:liveness|liveliness|startup)-?(?: ?(?:/|and|or|&) ?(?:readiness|liveness|liveliness|startup))?[ -]?probes?\b|\b(?:increas|rais|bump|lengthen|extend)\w*\s+(?:the\s+|its\s+)?(?:initial ?delay\w*|delay|timeout\w*|failure ?threshold|period\w*)\s+(?:of|for|on|in)\s+(?:the\s+|its\s+)?(?:liveness|liveliness|startup)[ -]?probe|\b(?:liveness|liveliness|startup)[ -]?probe'?s?\s+(?:initial ?)?(?:delay|timeout|threshold|initialdelayseconds|timeoutseconds|failurethreshold)\w*\s+(?:should|must|needs? to|has to|have to)\s+be\s+(?:increased|raised|longer|higher|bigger|bumped)|\bprobe failures?\b.{0,60}\b(?:kill|restart)|\b(?:restart|kill)\w*\b.{0,80}\b(?:during|by|because of|due to) (?:the |its )?(?:liveness |liveliness |startup |health )?probes?\b|\b(?:can't|cannot|can not|unable to|fails? to|failed to|too slow to|doesn't|does not|didn't|did not)\s+(?:answer|respond to|reply to|pass)\s+(?:its |the |their |any )?(?:liveness |liveliness |startup |health )?probes?\b|\b(?:liveness|liveliness|startup)\b.{0,80}\bkubelet\b.{0,20}\b(?:sigkill|kill\w*|restart\w*)\b`).without(append([]string{"address already in use",
		// The CSI sidecar named livenessprobe ("Registrar and livenessprobe
		// sidecars are fine"): a container, not a probe that failed.
		"livenessprobe sidecar", "livenessprobe container", "liveness-probe sidecar", "liveness-probe container"}, probeReportedWords...)...),
	// A probe's failure only reported: an Unhealthy event row pasted in the
	// log, or the reporter's words that the events show it ("Events show
	// liveness probe connection refused"); probe_kill and probe_words leave
	// such lines (probeReportedWords) to it. Every crash that outlives its
	// probe's delay shows that, so the program's own error in the same
	// paste says more; alone, it still points to the probe.
	pat("probe_reported", LivenessProbe, weightGeneric-2, "", "probe", "liveness", "startup").matching(`(?i)\b(?:liveness|liveliness|startup)(?:/readiness|/liveness| and readiness| and liveness)?[ -]?probes?\b.{0,40}\b(?:fail\w*|errored|time[sd]? ?out\b|timeouts?\b|kill\w*|restart\w*|connection refused)|\b(?:readiness/liveness|liveness/readiness) probes? (?:fail\w*|kill\w*)|\bevents? (?:show|shows|say|says|only mention|mention)\b.{0,40}\b(?:liveness|startup|probe)`).without("address already in use", "readiness probe failed"),
	// A server moved under a base URL or context path that then restarts
	// or will not start ("Pod restarting when using -base-url flag",
	// "Setting SERVER_SERVLET_CONTEXT_PATH causes container to crash",
	// "Pod won't start after specifying root_url"): its probes still ask
	// the old path, get 404s, and the kubelet restarts it.
	pat("base_path_probe_words", LivenessProbe, weightSpecific-1, "The server now serves under a base URL or context path, but its liveness/readiness/startup probes still request the old path (and get 404): put the prefix into the probes' httpGet.path (or use a tcpSocket probe).", "url", "path", "prefix").matching(`(?i)(?:^|[^a-z])(?:base[-_ ]?url|base[-_ ]?path|root[-_ ]?url|context[-_ ]?path|relative[-_ ]?path|url[-_ ]?prefix|path[-_ ]?prefix)\b[^\n]{0,80}\b(?:restart\w*|crash\w*|won't start|will not start|does not start|doesn't start|not starting|fails? to start|killed|liveness|probes?)\b|\b(?:restart\w*|crash\w*|won't start|not starting|fails? to start)\b[^\n]{0,60}(?:^|[^a-z])(?:base[-_ ]?url|root[-_ ]?url|context[-_ ]?path|relative[-_ ]?path|url[-_ ]?prefix)\b`),
	// golang-migrate's database marked dirty by a migration that was cut
	// off (a probe or an OOM kill during a long migration, a crash).
	pat("migrate_dirty", ConfigError, weightPrecise, "A schema migration was cut off (often the pod was killed by a probe or at its memory limit during a long migration) and the tool marked the database dirty: repair the half-applied migration, force the version back (migrate force N), let it run again, and give the migration time (a startupProbe or a Job).", "dirty database version").matching(`(?i)\bdirty database version \d+\b`),
	// A read-only root file system named as the cause, in words
	// ("readOnlyRootFilesystem: true is causing odf-console pod
	// crashloopbackoff").
	pat("readonly_root_words", PermissionDenied, weightPrecise, hintReadOnly, "readonlyrootfilesystem").matching(`(?i)\breadOnlyRootFilesystem\b["':\s]*(?:true\b)?["']?.{0,30}\b(?:is |was )?(?:caus(?:e|es|ed|ing)|break(?:s|ing)?|broke|makes?|made|leads? to|led to)\b`),
	// A restart for failing its checks, in words ("the pod being
	// periodically restarted for failing it's healthchecks", "the
	// readiness/liveness-check fails with an HTTP-Error-Code 401"); not an
	// app's own "startup check".
	pat("restarted_for_failing_checks", LivenessProbe, weightPrecise, "", "for failing", "liveness check", "liveness-check", "liveliness check").matching(`(?i)\b(?:liveness|liveliness)[ -]checks?\b.{0,40}\bfail(?:s|ed|ing)?\b|\b(?:restart\w*|kill\w*)\b.{0,30}\b(?:for|after|by) failing (?:its |it's |their |the )?(?:liveness |livliness |startup |health )?(?:health ?checks?|probes?|checks?)\b`),
	// A health check the reporter says fails ("the pod is due to
	// healthcheck failed, not OOM"): the kubelet's probe.
	// A supervisor's watchdog that stops an app its health check finds
	// unresponsive (Home Assistant's Supervisor: "Watchdog found a problem
	// with ... application!"): a health check restarts it, as a liveness
	// probe would.
	// A Cassandra node that reaches none of its seeds ("Unable to gossip
	// with any seeds"), or whose seed names do not resolve yet ("The seed
	// provider lists no seeds"): the seed nodes are not up or not reachable.
	pat("cassandra_no_seeds", DependencyUnavailable, weightPrecise, "The node reaches none of its seed nodes: check that the seed pods are running and that the seeds setting names them as they resolve (the headless Service's pod names), with the gossip port (7000) open between pods.", "gossip with any seeds", "lists no seeds"),
	// The reporter says a flag is unknown to the program it was given to
	// ("the --watch-filter is unknown to the kube-rbac-proxy container").
	pat("flag_unknown_words", ConfigError, weightSpecific, "The program was given a flag it does not accept: check the container's command and args (a chart may pass it to the wrong container, or the image may be of another version).", "--").matching(`(?i)(?:^|\s)\x60?--[a-z][\w-]*\x60? (?:argument |flag |option )?(?:is|was) (?:unknown|not (?:recogni[sz]ed|known))\b`).without("ignor"),
	// Jenkins plugins that do not fit the core or each other ("You must
	// update Jenkins from version 2.161 to version 2.176.1 or later to run
	// this plugin", "Multiple plugin prerequisites not met", "Failed to
	// load: Kubernetes plugin (1.28.6)"): the plugin list pins versions that
	// do not go together.
	pat("jenkins_plugin_core", ConfigError, weightPrecise+2, hintJenkinsPlugins, "you must update jenkins").matching(`(?i)\byou must update jenkins from version \S+ to version \S+`),
	pat("jenkins_plugin_deps", ConfigError, weightPrecise+1, hintJenkinsPlugins, "prerequisites not met", "depends on").matching(`(?i)\bplugin prerequisites not met\b|\bplugin [\w.-]+:[\w.-]+ (?:\(via [^)]*\) )?depends on [\w.-]+:[\w.-]+, but there is an older version\b`),
	// The reason under "Failed to load: X Plugin": a plugin it needs is
	// older than X requires, or missing.
	pat("jenkins_plugin_update_required", ConfigError, weightPrecise+1, hintJenkinsPlugins, "update required: ", "plugin is missing: ").matching(`(?i)^\s*-?\s*Update required: .+\bto be updated to \S+ or higher\b|^\s*-?\s*Plugin is missing: \S+`),
	pat("jenkins_plugin_load", ConfigError, weightPrecise, hintJenkinsPlugins, "failed to load: ", "failed loading plugin").matching(`(?i)\bfailed to load: [\w .:()-]*\bplugin\b|\bfailed loading plugin\b`),
	// Python failing to parse a date it was handed ("unconverted data
	// remains", "Invalid isoformat string", "time data ... does not match
	// format"): the program does not handle the format it receives.
	// glog writing its log files to a /tmp the image does not have (a
	// scratch image): "log: exiting because of error: log: cannot create
	// log: open /tmp/...: no such file or directory". A /tmp that is
	// there but read-only or not writable is a denial, read elsewhere.
	pat("glog_no_tmp", AppCrash, weightPrecise, "The image has no /tmp (a scratch image) and glog writes its log files there: mount an emptyDir at /tmp, or run it with --logtostderr; an image that needs it is the image's bug.", "cannot create log").matching(`(?i)\blog: cannot create log: open \S+: no such file or directory\b`),
	pat("date_parse", AppCrash, weightSpecific-2, "", "unconverted data remains", "invalid isoformat string", "does not match format").matching(`(?i)\bValueError: (?:unconverted data remains\b|invalid isoformat string\b|time data .{1,80} does not match format\b)`),
	// PostgreSQL refusing its configuration file ("configuration file
	// \"/var/lib/postgresql/data/postgresql.conf\" contains errors", after
	// "syntax error in file ... line 533").
	pat("pg_config_file", ConfigError, weightPrecise, hintParse, "contains errors", "syntax error in file").matching(`(?i)\bconfiguration file "[^"]+" contains errors\b|\bsyntax error in file "[^"]+" line \d+`),
	// A program's own word that its arguments are not ones it takes
	// ("Unrecognized command-line input arguments: 'labels'").
	pat("unrecognized_args", ConfigError, weightSpecific+1, "The program was given arguments it does not take: check the container's command and args against the image's version (an entrypoint or chart may pass one this version removed).", "unrecognized", "unrecognised").matching(`(?i)\bunrecogni[sz]ed (?:command[- ]line )?(?:input )?(?:arguments?|options?|flags?|parameters?)\b`),
	// A program that names the fix in the pod's spec ("/runner should be
	// an emptyDir mount. Please fix the pod spec.").
	pat("fix_the_spec", ConfigError, weightSpecific, "", "please fix").matching(`(?i)\bplease fix (?:the|your) (?:pod ?spec|pod's spec|deployment|manifest|config(?:uration)?|settings|values)\b`),
	// A URL whose port does not parse ("invalid port \":5432\\r\" after
	// host": an env file saved with Windows line endings): a setting,
	// though the line says it could not connect.
	pat("invalid_port", ConfigError, weightPrecise+1, hintParse, "invalid port").matching(`(?i)\binvalid port "[^"]*"`),
	// Go's duration parser given a bare number or a typo ("time: missing
	// unit in duration \"30\"").
	pat("go_duration", ConfigError, weightPrecise+2, hintParse, "in duration").matching(`(?i)\btime: (?:missing unit|unknown unit .{1,20}|invalid duration) in duration\b|\btime: invalid duration\b`),
	// The kubelet's check of a hostPath's type ("hostPath type check
	// failed: /var/log/journal is not a directory"): the node lacks it.
	pat("hostpath_type", ConfigError, weightPrecise, "The hostPath volume's path is not on this node as its type says (a directory, a file, a socket): create it on the nodes, fix the path for this OS or distribution, or use type: DirectoryOrCreate.", "hostpath type check failed"),
	// Swarm replacing a task its HEALTHCHECK found unhealthy ("task:
	// non-zero exit (143): dockerexec: unhealthy container").
	pat("swarm_unhealthy", LivenessProbe, weightPrecise+1, "", "unhealthy container"),
	pat("docker_events_unhealthy", LivenessProbe, weightPrecise+2, "", "health_status: unhealthy", "health_status=unhealthy"),
	// autoheal restarting a container its health check marks unhealthy.
	pat("autoheal_restart", LivenessProbe, weightPrecise+2, "", "found to be unhealthy").matching(`(?i)\bfound to be unhealthy\b.{0,20}\brestarting\b`),
	pat("watchdog_restart", LivenessProbe, weightPrecise, "", "watchdog").matching(`(?i)\bwatchdog (?:found a problem with|found (?:addon|add-on|app) .{1,60} is unhealthy)\b`),
	pat("watchdog_no_response", LivenessProbe, weightSpecific, "", "watchdog").matching(`(?i)\bwatchdog missing application response\b`),
	pat("health_check_words", LivenessProbe, weightSpecific-1, "", "health").matching(`(?i)\bhealth ?checks? (?:failed|failing|fails|timed out|times out)\b`).without("health check failed for host"), // (Envoy's check of an upstream: another host's health)
	// "the pod becomes "Unhealthy" and restarts": the kubelet's event told
	// in words.
	pat("unhealthy_then_restarts", LivenessProbe, weightSpecific, "", "unhealthy").matching(`(?i)\b(?:becomes?|became|is marked|gets marked|marked|goes|went|turns?|turned)\s+["“']?unhealthy["”']?,?\s+(?:and|then)\s+(?:is\s+|gets\s+)?(?:restart|kill)`),
	// `file` on a script saved with Windows line endings: its "#!" line
	// names an interpreter with a carriage return, which does not exist.
	pat("file_crlf", CommandNotFound, weightPrecise+2, hintEntry, "crlf line terminators").matching(`(?i)\bscript(?: text)?,? .{0,60}\bwith CRLF line terminators\b`),
	// ECS's stopped reason: the task's container health check failed and
	// ECS replaced it (the check's own command failing, "curl: not
	// found", is why it fails, not the task's command).
	// The program's access log shows the kubelet's probe requests failing
	// ("GET /healthz HTTP/1.1" 404): the probe asks a path or port the
	// program does not serve (or not yet).
	pat("probe_path_failing", LivenessProbe, weightSpecific-1, "", "get /", "http/1.").matching(`(?i)"GET /(?:[\w.-]+/)*(?:healthz?|livez|readyz|liveness|readiness|alive|ping|ready|health-?check|ingress-controller-healthz|-/healthy|-/ready)(?:\?[^" ]*)? HTTP/1\.[01]" (?:4\d\d|5\d\d)\b|"GET [^"]*" (?:4\d\d|5\d\d)\b.*"kube-probe/`),
	pat("ecs_health_stop", LivenessProbe, weightPrecise+4, "", "failed container health checks", "failed elb health checks").matching(`(?i)\btask failed (?:container|elb) health checks\b`),
	// The program says it ends on its own ("exits cleanly", "then the
	// scheduler exits", "exit code 0"): a finished task, not a crash. (Not
	// a child process it reaped: "Process psutil.Process(pid=35, ...)
	// terminated with exit code 0", nor an init script of the image's:
	// "[cont-init   ] 89-info.sh: terminated successfully.")
	pat("clean_exit", Completed, 17, "", "cleanly", "gracefully", "normally", "successfully", "on its own", "code 0", "code: 0", "status 0", "exits", "exited 0").matching(`(?i)\b(?:exit(?:s|ed)?|terminat(?:es|ed)|finish(?:es|ed)|stops|stopped|quits?)\s+(?:cleanly|gracefully|normally|successfully|on its own)\b|\bexit(?:ed|s)? with (?:exit )?(?:code|status) 0\b|\bexit code:? 0\b|\bexit(?:s|ed) 0(?:,|\s+(?:and|then)\b)|\bthen (?:the \w+ )?exits\b`).without(append(nonZeroExitWords("with code: ", "with status '", "then exits ", "then exits with code ", "then exits with status "), "non-zero", "nonzero", "non zero", "signal", "sigterm", "sigint", "terminated by", "killed", "n't exit", "not exit", "never exit", "fails to exit", "instead of exit", "n't terminate", "not terminate", "times and then exits", "times, then exits", "times then exits", "psutil.process(", "(pid=", "heroku[run.", "heroku[scheduler.", "[cont-init", ".sh: terminated successfully")...),
	// A `docker ps` / `podman ps` / `docker compose ps` row whose
	// container last exited 0 and is being restarted: a program that
	// ended by itself. Weaker than any line naming an error (a program
	// may exit 0 on its own error).
	// A shell command that ends itself with "exit 0" (a compose job's
	// `/bin/sh -c "mc mb ...; exit 0;"` made a Deployment by kompose): a
	// task that finishes.
	pat("shell_command_exit0", Completed, 17, "", "exit 0").matching(`(?i)\bsh -c ["'].*;\s*exit 0;?\s*["']`),
	// A container whose args are only the version subcommand or flag
	// (`args: ["version"]` left in after debugging): it prints its version
	// and ends, every time.
	pat("args_version_only", Completed, 17, "", "version").matching(`(?i)\b(?:args|command|cmd)\s*:?\s*\[\s*["']?(?:--?)?version["']?\s*\]`),
	// A check that ends when it passes: `kubectl wait`'s "deployment.apps/x
	// condition met", cert-manager's startupapicheck "The cert-manager API
	// is ready" (a Job's command left in a Deployment or a sidecar).
	pat("check_passed", Completed, 17, "", "condition met", "the cert-manager api is ready").matching(`(?i)^\S+/\S+ condition met$|^The cert-manager API is ready$`),
	// kubectl's Reason: Completed or an exit code 0 quoted in the
	// reporter's words in any language ("Reason 是 Completed，退出码是 0").
	// In English the exit code may be told with where it was read ("exit
	// code in lastState is 0", "Exit code on the last state is 0", "exit
	// code is 0 according to describe"), or the termination's fields in
	// YAML's flow form ("lastState.terminated: {exitCode: 0, reason:
	// Completed}").
	pat("completed_quoted_words", Completed, 17, "", "completed", "退出码", "退出碼", "終了コード", "exit code", "exitcode").matching(`(?i)\b(?:is )?reason\s*(?:是|为|為|は|is|was)?\s*['"]?completed\b['"]?,? (?:and )?exit ?code:? ?0\b|\breason\s*(?:是|为|為|は|is|was)\s*['"]?completed\b|退出[码碼](?:是|为|為|:|：)?\s*0(?:\D|$)|終了コード(?:は|:|：)?\s*0(?:\D|$)|\bexit ?code (?:(?:in|on|of|from) (?:the )?(?:last ?state|previous (?:container|run)|describe|container|pod)\s)?(?:is|was) 0(?:[\s.,;)!]|$)|\bexitCode["']?:\s*0\s*,\s*["']?reason["']?:\s*["']?Completed\b|\breason["']?:\s*["']?Completed["']?\s*,\s*["']?exitCode["']?:\s*0\b|\blast ?state:?\s*terminated[,;]?\s+(?:with\s+)?reason:?\s*['"]?completed\b`).without("non-zero", "nonzero", "not 0", "isn't 0", "exit code is 0 or"),
	pat("ps_row_exit0", Completed, weightGeneric+4, "", "(0)").matching(`\b(?:Restarting|Exited) \(0\) ` + psRowAgo),
	// A program that ends itself with status 0 (`sys.exit(0)`,
	// `process.exit(0)`, `os.Exit(0)`), as its code or the reporter's
	// analysis shows: as weak as a row that shows the 0.
	// The reporter says the program exits 0 and is restarted ("prints
	// this, exits 0 and gets restarted, forever"): a program that ends.
	// The reporter says the program finishes its work and exits ("finishes
	// its work and exits (Completed, exit 0, ...)"): a task that ends.
	// "When the systemd-logs plugin runs/finishes, it exits which causes
	// it (as a daemonset) to restart": a task that ends, told in words.
	pat("finishes_then_exits_words", Completed, weightSpecific-2, "", "finish").matching(`(?i)\bwhen (?:the |its |it |\S+ )?(?:[\w-]+ ){0,3}(?:runs?/)?finish(?:es|ed)\b,? (?:it |then it |and )?exit(?:s|ed)?\b`).without("non-zero", "nonzero", "exit code 1", "exits 1", "with an error", "with error"),
	pat("finished_work_words", Completed, weightSpecific-2, "", "exit").matching(`(?i)\b(?:finish(?:es|ed)|complete[sd]|does|did) (?:its|the|all (?:its|the)) (?:work|job|task|run|batch)\b[^.;]{0,20}\band (?:then )?exit(?:s|ed)?\b|\(completed, exit(?: code)? 0\b`).without("non-zero", "nonzero", "error", "exit code 1", "exits 1"),
	pat("exit0_restarted_words", Completed, weightSpecific, "", "exit").matching(`(?i)\bexit(?:s|ed)? (?:with )?(?:code |status )?0\b[^.;]{0,30}\b(?:and|then|but)\b[^.;]{0,20}\b(?:gets?|is|was|got) restarted\b`),
	// A platform's record of the container's own exit 0 (Fly.io's "Main
	// child exited normally with code: 0", App Runner's "Container exit
	// code: 0"): it finished; the platform's health check failing after
	// it only follows.
	pat("platform_exit0", Completed, weightPrecise, "", "exited normally with code: 0", "container exit code: 0").matching(`(?i)\bmain child exited normally with code: 0\b|\bcontainer exit code: 0\b`),
	// A task's own last word that its work is done and it exits on
	// purpose ("processed 1200 records, exiting").
	pat("work_done_exiting", Completed, weightGeneric+4, "", "exiting").matching(`(?i)\b(?:processed|imported|exported|synced|sent|wrote|uploaded|migrated|indexed|seeded) \d[\d,.]* [\w-]+(?: [\w-]+)?,? (?:done,? )?exiting\.?$|\ball (?:[\w-]+ ){1,2}(?:done|complete|completed|finished),? exiting\.?$`).without("fail", "error", "abort"),
	pat("code_exit0", Completed, weightGeneric+4, "", "exit(0)").matching(`(?i)\b(?:sys|os|process|system|runtime)\.exit\(0\)|\bcontainer called exit\(0\)`),
	// Azure Container Apps' system log: the container ended by itself.
	pat("aca_terminated_completed", Completed, weightGeneric+4, "", "reason 'completed'").matching(`(?i)\bwas terminated with exit code '0' and reason 'Completed'`),
	// The same row whose container last exited 137 (SIGKILL), or Swarm's
	// task row for it ("task: non-zero exit (137)" in `docker service
	// ps`): with no probe to kill it, Docker's restarts after a kill are
	// most often its memory limit (mem_limit, --memory). As weak as the
	// row for 0: any line naming another cause outweighs it.
	pat("ps_row_exit137", OOMKilled, weightGeneric+4, hintOOMLimit, "(137)").matching(`\b(?:Restarting|Exited) \(137\) ` + psRowAgo + `|\b(?i:task): non-zero exit \(137\)`),
	// systemd's account of a unit (a Podman quadlet) whose process ended
	// by itself: "Deactivated successfully", "status=0/SUCCESS".
	pat("systemd_unit_done", Completed, 17, "", "deactivated successfully", "status=0/success").matching(`(?i)\.service: (?:deactivated successfully|main process exited, code=exited, status=0/success)\b`).without("systemd-coredump@"),

	// A reporter's cause clause that names the configuration ("stuck on
	// CrashLoopBackOff due to 2 datasource entries in the configmap"): a
	// setting to fix. A configuration change or reload is no cause.
	pat("cause_config_words", ConfigError, weightSpecific-2, hintParse, "due to", "because of", "caused by").matching(`(?i)\b(?:crash\w*|restart\w*|fail\w*|stuck|loop\w*)\b.{0,60}\b(?:due to|because of|caused by)\b.{0,80}\b(?:config ?maps?|config(?:uration)? files?|values\.yaml|helm values|settings|duplicate \w+|two \w+ entries|\d+ \w+ entries)\b`).without("change", "update", "reload", "rotat", "refresh", "read-only", "read only", "readonly", "missing configmap", "missing config map", "configmap is missing", "configmaps are missing", "configmap was missing", "configmaps were missing", "configmap not found", "configmaps not found", "lack of configmap", "lack of config map", "lack of a configmap", "lack of the configmap"),
	// A value the reporter or program calls wrong ("with a bad model ID",
	// "invalid region"): a setting to fix.
	// A token whose audience (aud) the server does not expect: Vault's
	// Kubernetes auth role bound to another audience than the projected
	// token's, STS's web identity with the wrong one.
	pat("token_audience", ConfigError, weightPrecise+2, "The service account token's audience is not the one the server expects: make the projected token's audience and the audience the role (Vault's kubernetes auth role, the IAM or federated identity) expects the same.", "audience").matching(`(?i)\binvalid audience(?: \(aud\))?(?: claim)?\b|\baudience claim does not match\b|\bincorrect token audience\b`),
	// Cloud identity and project settings the cloud names: a federated
	// credential whose issuer, subject or audience is not the cluster's
	// (AADSTS70021, AADSTS700211 after the cluster was recreated), an API
	// not enabled in the project (Google's SERVICE_DISABLED, a 403 with
	// the roles in place).
	pat("cloud_identity_setting", ConfigError, weightPrecise+2, "The cloud refuses a setting, not the pod: make the federated identity credential's issuer and subject match the cluster's OIDC issuer and the ServiceAccount, or enable the API in the project.", "aadsts7002", "federated identity record", "service_disabled", "accessnotconfigured", "has not been used in project").matching(`(?i)\bAADSTS7002\d{1,2}\b|\bno matching federated identity record found\b|\bSERVICE_DISABLED\b|\baccessNotConfigured\b|\bhas not been used in project \S+ before or it is disabled\b`),
	// Mount helpers that name what to check: efs-utils' "Failed to
	// resolve ... - check that your file system ID is correct, and ensure
	// that the VPC has an EFS mount target".
	pat("efs_mount_target", ConfigError, weightPrecise+1, "The EFS file system's DNS name does not resolve from this VPC: check the file system ID in the StorageClass or PV, and create a mount target for it in the cluster's VPC and subnets (with a security group that allows NFS from the nodes).", "efs mount target").matching(`(?i)\bcheck that your file system ID is correct, and ensure that the VPC has an EFS mount target\b`),
	// H2's database file locked by another process (a second replica on
	// a shared volume, or the old pod still running).
	pat("h2_file_locked", ConfigError, weightPrecise+1, "The embedded database file is locked by another process: a second replica or the old pod still has it open on the shared volume. Run one replica with strategy Recreate, or move to a database server.", "database may be already in use", "the file is locked").matching(`(?i)\bDatabase may be already in use\b|\bMVStoreException: The file is locked\b`),
	// Headless Chrome and Playwright at start: Chrome's sandbox refused
	// (unprivileged user namespaces off, Ubuntu 23.10+'s AppArmor
	// restriction, a seccomp profile), Chrome run as root without
	// --no-sandbox, and an image without the libraries or fonts the
	// browser needs.
	pat("chrome_no_usable_sandbox", PermissionDenied, weightPrecise+2, "Chrome cannot build its sandbox: the node (AppArmor's user-namespace restriction on Ubuntu 23.10+, kernel.unprivileged_userns_clone=0) or the container's seccomp profile refuses unprivileged user namespaces. Allow them for the container (a seccomp or AppArmor profile that permits them), or launch Chrome with --no-sandbox.", "no usable sandbox").matching(`(?i)\bNo usable sandbox!`),
	pat("chrome_root_without_no_sandbox", ConfigError, weightPrecise+2, "Chrome refuses to run as root with its sandbox on: run the container as a non-root user, or pass --no-sandbox in the launch arguments.", "without --no-sandbox").matching(`(?i)\bRunning as root without --no-sandbox is not supported\b`),
	pat("browser_image_incomplete", AppCrash, weightPrecise+1, "The image lacks what the browser needs (shared libraries, fonts): install them in the image (npx playwright install-deps, the distribution's chromium package and a font package such as fonts-liberation or ttf-freefont), or build on the project's browser image.", "missing dependencies to run browsers", "initdefaultfont").matching(`(?i)\bHost system is missing dependencies to run browsers\b|\bCheck failed: InitDefaultFont\(\)`),
	// Solr started on a home without its solr.xml ("solr.xml does not exist
	// in /data/solr cannot start Solr"): SOLR_HOME points at an empty
	// volume, mounted where the image's own home was.
	pat("solr_home_empty", ConfigError, weightPrecise, hintMount, "solr.xml does not exist in"),
	// OpenSearch's security plugin not finding the TLS files its settings
	// name ("Unable to read /usr/share/opensearch/config/esnode.pem ...
	// Please make sure this files exists and is readable regarding to
	// permissions"): the demo certificates were not installed, or the
	// plugins.security.ssl.* paths do not point at the mounted ones.
	pat("opensearch_tls_file", ConfigError, weightPrecise, hintCert, "is readable regarding to permissions"),
	// A program's own word that the file it failed on is its settings
	// file (Homebridge's "There was a problem reading your config.json
	// file.", Node-RED's "Error loading settings file: /data/settings.js"),
	// above the parser's SyntaxError (a module the file requires that the
	// image lacks is moduleTheSettingsRequire).
	pat("settings_file_unreadable", ConfigError, weightPrecise+1, hintParse, "problem reading your", "error loading settings file").matching(`(?i)\bThere was a problem reading your \S+ file\b|\bError loading settings file\b`),
	// paho-mqtt 2.0's Client() refusing a call written for 1.x (an
	// unpinned rebuild): the code's call, not a setting.
	pat("paho_callback_api", AppCrash, weightPrecise+1, "paho-mqtt 2.0 changed how Client() is called: pass callback_api_version (mqtt.CallbackAPIVersion.VERSION1 to keep the old callbacks) or pin paho-mqtt<2 in the image's requirements.", "unsupported callback api version").matching(`(?i)\bUnsupported callback API version\b`),
	// Game servers' own words: Factorio's mod that broke ("The mod X
	// caused a non-recoverable error"), Paper's watchdog over a tick that
	// never ends ("The server has stopped responding!"), Bedrock's port
	// taken ("Network port occupied, can't start server."), steamcmd
	// without a network.
	pat("game_mod_error", AppCrash, weightPrecise+1, "A mod or plugin broke the server: update or remove the mod the message names (its author's fix), or go back to the version that worked.", "caused a non-recoverable error", "server has stopped responding").matching(`(?i)\bThe mod .{1,80} caused a non-recoverable error\b|\bThe server has stopped responding!`),
	pat("bedrock_port_occupied", PortConflict, weightPrecise+1, hintPort, "network port occupied").matching(`(?i)\bNetwork port occupied, can't start server\b`),
	pat("steamcmd_offline", DependencyUnavailable, weightPrecise+1, "steamcmd cannot reach Steam to download or update the server: allow the container outbound access to Steam's content servers (egress NetworkPolicy, proxy, DNS), or bake the server files into the image or a volume.", "needs to be online").matching(`(?i)\bSteamcmd needs to be online to update\b`),
	// PHP's own errors in the code that runs: a call to a function or
	// method that does not exist (Moodle's "Default exception handler:
	// Exception - Call to undefined function ...", without PHP's "Fatal
	// error" before it), and a value of the wrong type returned or passed
	// ("Return value must be of type bool, null returned").
	pat("php_code_error", AppCrash, weightPrecise, "", "call to undefined", "must be of type").matching(`(?i)\bCall to undefined (?:function|method) [\w\\:]+\(\)|\b(?:Return value|Argument #\d+(?: \(\$\w+\))?) must be of type [\w|?\\]+, \w+ (?:returned|given)\b`),
	// Nextcloud's occ refusing to run where it cannot write its config.
	pat("nextcloud_config_not_writable", PermissionDenied, weightPrecise+1, "Nextcloud cannot write its config directory: make config/ (and data/) owned by the user the container runs as (www-data, uid 33), for example with fsGroup 33 or a chown after a restore.", "cannot write into").matching(`(?i)\bCannot write into "config" directory!`),
	// Superset's own word that its config module (superset_config.py,
	// written from the chart's configOverrides) does not import: the
	// traceback under it is the config's, not the program's.
	pat("superset_config_import", ConfigError, weightPrecise+6, hintParse, "failed to import local superset_config").matching(`(?i)\bFound but failed to import local superset_config\b`),
	// Kibana's migrations stopped by Elasticsearch itself (no shard
	// available, the cluster red): its own advice names the cluster.
	pat("es_cluster_unhealthy", DependencyUnavailable, weightPrecise+2, "Elasticsearch answers but cannot serve the index (no shard available, the cluster red or yellow): check GET _cluster/health and _cluster/allocation/explain (a full disk, a lost node, too few data nodes for the replicas) and fix the cluster before restarting Kibana.", "no_shard_available_action_exception", "check the health of your elasticsearch cluster").matching(`(?i)\bno_shard_available_action_exception\b|\bPlease check the health of your Elasticsearch cluster\b`),
	// traitlets (JupyterHub, Jupyter servers): a setting naming a class
	// that does not import, and the config file that did not load (its
	// Python, often Helm's extraConfig, above the SyntaxError).
	pat("traitlets_config", ConfigError, weightPrecise+6, hintParse, "traiterror", "while loading config file").matching(`(?i)\bTraitError: The '\w+' trait of .{1,120} could not be imported\b|\bException while loading config file \S+`),
	// httpx's and httpcore's refused or unreachable connection; Dagster's
	// gRPC server whose port another server in the pod holds; freshclam's
	// hint that its database directory is not writable for its user.
	pat("httpx_connect_failed", DependencyUnavailable, weightPrecise, hintDepend, "all connection attempts failed").matching(`(?i)\bConnectError: All connection attempts failed\b`),
	pat("dagster_grpc_bind", PortConflict, weightPrecise+1, hintPort, "couldnotbindgrpcservertoaddress").matching(`\bCouldNotBindGrpcServerToAddress: \d+`),
	// (And Laravel's "The /var/www/html/bootstrap/cache directory must be
	// present and writable.")
	pat("dir_must_be_writable", PermissionDenied, weightPrecise+2, hintPerm, "must be writable for", "must be present and writable").matching(`(?i)\bdirectory must be writable for (?:UID|user) \S+|\bThe \S+ directory must be present and writable\.`),
	// Lua's compiler refusing a module's source ("handler.lua:41: 'end'
	// expected (to close 'function' at line 18) near '<eof>'"): a plugin's
	// code in the image that does not parse.
	// The same compiler on a configuration written in Lua (Snort 3's
	// snort.lua, a file under /etc): the settings the pod was given.
	pat("lua_config_syntax", ConfigError, weightPrecise+3, "The configuration file, written in Lua, does not parse: fix the syntax error at the line shown (an unclosed brace or string, a missing comma), for example by checking it with the program's own test mode before deploying.", ".lua:").matching(`(?:/etc/\S*|\b[\w./-]*(?:config|conf|settings|snort)[\w-]*)` + luaParseError),
	pat("lua_syntax", AppCrash, weightPrecise+2, "A Lua module in the image does not parse (a plugin's code): fix the syntax error at the file and line shown, rebuild the image, or remove the plugin from the configuration.", ".lua:").matching(`\S+` + luaParseError),
	pat("wrong_value", ConfigError, weightSpecific-1, hintParse, "bad ", "wrong ", "invalid ", "incorrect ", "misspelled ", "nonexistent ", "non-existent ").matching(`(?i)\b(?:bad|wrong|invalid|incorrect|misspelled|non-?existent)\s+(?:[\w-]+\s+){0,2}(?:id|name|value|key|path|url|uri|config|configuration|setting|option|model|port|version|tag|token|credentials|password|region|bucket|endpoint|namespace|schema)\b`).without("memory address", "pointer", "probe", "bad gateway"),
	// A report that the node is an ARM machine: images built for amd64
	// only cannot run there. Weak: a log line naming the platform is no
	// failure, so anything that names one outweighs it.
	pat("arm_host", ExecFormat, 9, hintArch, "arm64", "armv", "armhf", "arm processor", "arm-based", "aarch64", "raspberry", "rpi", "ampere", "graviton", "apple silicon", "m1 ", " m1", "arm ").matching(`(?i)\b(?:arm64|aarch64|armv[678]l?|armhf|arm processor|arm-based|raspberry ?pi|rpi ?[345]|ampere|graviton\d?|apple silicon|m1 (?:mac|chip)|mac(?:book)? m1|arm (?:architecture|arch|cpus?|chips?|machines?|hosts?|nodes?))\b`).without("darwin/", "windows/", "x86_64/arm", "amd64/arm", "x86-64/arm", "/arm32/", "version.info{"),

	// A usage dump: the program lists its flags ("  --kubeconfig string
	// The path to ...") because it was given one it does not accept.
	pat("flag_help", ConfigError, weightSpecific-3, "The program printed its flags and exited: its command or args name a flag it does not accept (often one renamed or removed in this version); check args in the spec against the image's documentation.", " --").matching(`^\s+(?:-[a-zA-Z], )?--[a-z][\w.-]+(?: [a-zA-Z.\[\]]+)?\s{3,}[A-Z]`),
	// Data a new instance finds from an earlier one (the reporter's "it is
	// using the previous PVC"): the volume's contents do not fit.
	pat("reused_data", ConfigError, weightSpecific-2, hintData, "previous", "old ", "existing", "stale", "leftover", "reuse", "same ", "delete the", "bad state", "broken state", "inconsistent state", "remove the").matching(`(?i)\b(?:files?|data|database|volumes?|disks?)\b.{0,20}\b(?:are|is|were|was|got|left) in an? (?:bad|broken|inconsistent|corrupt(?:ed)?) state\b|\b(?:solve|fix|resolve)\w*\b.{0,40}\b(?:remove|delete)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:pvcs?|persistent ?volume ?claims?)\b|\b(?:previous|old|existing|stale|leftover|reused?|same)\s+(?:pvcs?|persistent ?volume(?: ?claim)?s?|volumes?|data(?: ?dir(?:ectory)?)?)\b.{0,60}\b(?:crash|fail|error|stuck|not start|won't start|doesn't start|cannot start)|\b(?:crash|fail|stuck)\w*\b.{0,60}\b(?:previous|old|existing|stale|leftover|reused?)\s+(?:pvcs?|persistent ?volume(?: ?claim)?s?|volumes?|data)\b|\bdelete the (?:pvcs?|persistent ?volume(?: ?claim)?s?)\b.{0,60}\b(?:smooth|works|fine|fix)`),

	// A controller whose informer cache never syncs: a kind it watches is
	// not installed (its CRD) or not listable by its ServiceAccount.
	// "Ingress doesn't work with k8s 1.22": a chart or controller that
	// uses an API the newer cluster no longer serves, told in words.
	pat("cluster_version_words", ConfigError, weightSpecific, "The workload uses an API or a behaviour the cluster's Kubernetes version no longer has (APIs removed in 1.22 and 1.25): upgrade the chart or controller to a release made for it.", "k8s", "kubernetes").matching(`(?i)\b(?:doesn't|does not|don't|do not|won't|will not|no longer|isn't|is not|not)\s+(?:work\w*|compatible|run\w*|start\w*)\s+(?:with|on|in|under)\s+(?:k8s|kubernetes)\s+v?1\.\d+|\b(?:removed|deprecated and removed) (?:in|from|since) (?:k8s|kubernetes) v?1\.\d+|\bdue to (?:the )?(?:updates?|changes?) in (?:k8s|kubernetes)\b|v\d+(?:beta|alpha)\d[\w./]*[^.]{0,80}\b(?:is |was |has been |were |got )?removed (?:in|since|from) (?:k8s |kubernetes )?v?1\.\d+\b`),
	// EndpointSlices, which external-dns 0.18 and other controllers watch
	// instead of Endpoints: a ClusterRole written for the older release
	// does not let it list them, and its cache never syncs.
	pat("endpointslice_rbac", PermissionDenied, weightPrecise+1, "The controller now watches EndpointSlices (discovery.k8s.io), which its ClusterRole does not grant: add endpointslices (get, list, watch) to the role, or upgrade the chart together with the image.", "*v1.endpointslice").matching(`(?i)\bfailed to sync \*v1\.EndpointSlice\b|\btimed out waiting for caches? to (?:be )?sync(?:ed)? for kind \*v1\.EndpointSlice\b`),
	pat("cache_sync", ConfigError, weightPrecise, "The controller waits for a resource kind it watches and gives up: install the CRDs of the sources or features it is configured with (or remove them from its flags), and check its ServiceAccount may list and watch them.", "sync cache", "caches to sync", "cache to be synced", "cache sync", "waitforcachesync", "failed to sync *").matching(`(?i)(failed to sync cache|\bfailed to sync \*v\w+\.\w+(?: after \w+)?: context deadline exceeded(?: with timeout \w+)?(?:\W*$|\\?",)|timed out waiting for caches? to (?:be )?sync(?:ed)?|failed to wait for caches? to sync|\bcaches to sync: |cache sync(?:ing)? (?:timed out|failed)|waitforcachesync)`).without("403 forbidden", "authorizationfailed", "is forbidden"),

	// Missing Secrets and ConfigMaps (API errors, event and status messages).
	// Docker Swarm's stack deploy of a service whose external secret or
	// config was never created: "service proxy: config not found: nginx_conf".
	pat("swarm_object_missing", MissingConfigObject, weightPrecise+1, "", "not found: ").matching(`\bservice \S+: (?:secret|config) not found: \S+|^(?:Error response from daemon: )?(?:secret|config) not found: [\w-]+\s*$`),
	// A Docker (Compose or Swarm) secret's file the program reads is not
	// there: the secret was never granted to the service, or not created.
	pat("docker_secret_file_missing", MissingConfigObject, weightPrecise+2, "The secret file the program reads is not in /run/secrets: grant the secret to this service (list it under the service's secrets in the Compose file, or add it to docker service create) and check the secret exists (docker secret ls, or the file: path of a Compose secret).", "/run/secrets/").matching(`(?i)(?:^|[\s'"(=])/run/secrets/[\w.-]+(?:/[\w.-]+)*['"]?:? (?:no such file or directory|not found|does not exist)\b|\bno such file or directory[:,]? ['"]?/run/secrets/[\w.-]+`),
	// A controller that logs the object's absence and requeues handles it:
	// it waits for the object ("not found yet, will requeue"), so that line
	// is not why it stops.
	// A Swarm stack's config or secret that does not exist ("rpc error:
	// code = InvalidArgument desc = config caddyfile_v3 not found").
	// Compose's check of a service's secrets and configs ("service
	// \"vaultwarden\" refers to undefined secret vw_admin_token: invalid
	// compose project"), and a secret's file: source that is not there
	// (Docker's "bind source path does not exist: .../secrets/pg_password"):
	// the object the service references does not exist.
	pat("compose_object_missing", MissingConfigObject, weightPrecise+1, "The Compose service references a secret or config that is not defined, or whose file does not exist: define it under the top-level secrets:/configs: with that name (or fix the name in the service), and create the file its file: points to.", "refers to undefined", "bind source path does not exist").matching(`(?i)\bservice "?[\w.-]+"? refers to undefined (?:secret|config)\b|\bbind source path does not exist: \S*/(?:run/)?secrets?/[\w.-]+\s*$`),
	pat("swarm_object_missing", MissingConfigObject, weightPrecise, "The stack references a Docker config or secret that does not exist: create it (docker config create / docker secret create) or fix the name the stack file gives.", "not found").matching(`(?i)\bdesc = (?:config|secret) [\w.-]+ not found\b`),
	pat("missing_object", MissingConfigObject, weightPrecise+1, "", "not found", "\" not f").matching(`(?i)\b(?:secrets?|configmaps?) ?\\?"[^"\\]+\\?" not found|\b(?:secrets?|configmaps?) [a-z0-9]+(?:[.-][a-z0-9]+)+ (?:was |is )?not found\b|\b(?:secrets?|configmaps?) "[^"]+" not f(?:o(?:u(?:n)?)?)?\W{0,2}$`).without("not found yet", "will requeue"),
	// flannel's network settings, which every manifest mounts from a
	// ConfigMap's net-conf.json key ("failed to read net conf: open
	// /etc/kube-flannel/net-conf.json: no such file or directory"): the
	// ConfigMap lacks the key, or is not the one mounted.
	pat("flannel_net_conf", MissingConfigObject, weightPrecise+1, "flannel reads its network settings from the net-conf.json key of its ConfigMap (kube-flannel-cfg, canal-config): check the ConfigMap has that key and is the one the DaemonSet mounts.", "failed to read net conf").matching(`(?i)\bfailed to read net conf: open \S*net-conf\.json: no such file or directory`),
	pat("missing_key", MissingConfigObject, weightPrecise+1, "", "couldn't find key", "non-existent config key", "references non-existent", "did not contain json key"),
	// podman's secrets: "no secret with name or id \"pg-password\": no such secret",
	// or as podman run says it: "Error: wiki-db-pass: no such secret".
	pat("podman_secret_missing", MissingConfigObject, weightPrecise+1, "The podman secret the container uses does not exist for this user (rootless and rootful podman keep separate secrets): create it with podman secret create, as the user that runs the container.", "no such secret").matching(`(?i)\bno secret with name or id "[^"]+": no such secret\b|\bError: [\w.-]+: no such secret\b`),
	// A secret that lacks a field the task needs, told in words ("a secrets
	// manager secret field isn't found").
	pat("missing_key_words", MissingConfigObject, weightSpecific, "", "secret").matching(`(?i)\bsecrets?\b.{0,30}\b(?:field|key)s?\s+(?:isn't|is not|wasn't|was not|not|were not|weren't|aren't|are not)\s+found\b`).without("generating", "creating a new", "creating new", "will be created", "will create"),
	// The kubelet's volume manager has no such object in its cache: a
	// ConfigMap or Secret a volume names does not exist (or not yet).
	pat("object_not_registered", MissingConfigObject, weightPrecise, "", "not registered").matching(`(?i)\bobject "[^"]*"/"[^"]+" not registered\b`),

	// Volume mounts that do not fit the image.
	pat("mount", ConfigError, weightPrecise+2, hintMount, "mount a directory onto a file", "subpath", "not a directory").matching(`(?i)(trying to mount a directory onto a file|(?:failed to prepare|error preparing) subpath|not a directory: unknown)`),
	// A file the program reads is a directory in the container (EISDIR): a
	// volume, or a ConfigMap mounted without subPath, sits where the file
	// was expected.
	pat("is_directory", ConfigError, weightPrecise, hintMount, "is a directory", "eisdir").matching(`(?i)\b(?:read|open|load|loading|reading|opening)\s+\S+:\s+is a directory\b|\beisdir\b|: is a directory"?\s*$|\bcan't open "?\S+?"? for (?:reading|writing), is a directory\b|\bSys_error\("(?:[^"]*: )?Is a directory"\)`),
	// The runtime failed while mounting a volume into the container's root
	// filesystem: whatever the final errno says (no such file, not a
	// directory, permission denied), the volumeMounts do not fit the image.
	pat("runtime_mount", ConfigError, weightPrecise+2, hintMount, "to rootfs", "rootfs_linux.go").matching(`(?i)(rootfs_linux\.go:\d+: mounting|mounting \\*"[^"]*\\*" to rootfs|error mounting "[^"]*" to rootfs)`),
	// The runtime refuses a host mount that asks for propagation the
	// node's mount does not have ("path /sys is mounted on /sys but it is
	// not a shared or slave mount", Docker Desktop and some runtimes).
	pat("mount_propagation", ConfigError, weightPrecise+2, "A volume asks for mount propagation (mountPropagation: HostToContainer or Bidirectional) on a host path the node does not mount shared: remove the propagation setting or the host mount (e.g. the node exporter chart's hostRootFsMount), or run on a node whose root is mounted shared.", "not a shared or slave mount", "not a shared mount", "not a shared or slave mount"),
	// An init process (tini, dumb-init) cannot start the program it was
	// given: the image has no such file.
	pat("init_exec_missing", CommandNotFound, weightPrecise+3, hintEntry, "tini (", "[dumb-init]").matching(`(?i)\[fatal tini \(\d+\)\] exec \S+ failed: no such file or directory|\[dumb-init\] \S+: no such file or directory`),
	// A plugin the configuration lists cannot be found or installed for
	// this version (Grafana's "Error: ✗ Plugin not found").
	pat("plugin_not_found", ConfigError, weightSpecific+1, "A plugin named in the configuration (e.g. the plugins list in the chart's values) cannot be found for this version: remove or correct it, or pin a version that exists.", "plugin not found", "plugin was not found", "plugin's code", "plugin named", "unknown").matching(`(?i)\b(?:error|fatal|failed)\b.{0,12}\bplugin (?:was )?not found\b|\btried to load a plugin's code, but failed\b|\bcouldn't find any [\w-]+ plugin named\b|\bunknown (?:input|output|filter|parser|buffer|formatter|source|match) plugin\b`),
	// Data on the volume named as corrupt in words ("On-disk WiredTiger
	// corruption in a single index file", "a corrupted index file").
	pat("corruption_words", ConfigError, weightSpecific+1, hintData, "corrupt").matching(`(?i)\bcorrupted_data\b|\b(?:on-disk|data|index|database|db|table|volume|file ?system|storage)\s+(?:\S+\s+)?corruption\b|\bcorrupt(?:ed)?\s+(?:index|data|database|db|table|segment|block|journal)\s+files?\b`).without("no corruption", "no data corruption", "without corruption", "not corrupt"),
	// The reporter's probes, disabled, let the app run ("if I disable both
	// probes the application will work correctly").
	pat("probe_disabled_works", LivenessProbe, weightPrecise, "The app runs without its probes, so they are wrong for it: point them at a path and port the app serves (mind a custom context path), and give slow starts a startupProbe or a longer initialDelaySeconds/failureThreshold.", "probe").matching(`(?i)\b(?:disabl\w*|remov\w*|turn\w* off|comment\w* out)\s+(?:the\s+|both\s+|all\s+|its\s+)?(?:(?:liveness|readiness|startup|health)\s*(?:and|/|&)?\s*)*probes?\b.{0,80}\b(?:works?|working|runs|running|starts|fine|stable|correctly)\b|\bprobes?\s+(?:are\s+|were\s+)?(?:disabled|turned off|removed)\b.{0,60}\b(?:works?|runs|running|fine|stable|correctly)\b`).without(changesFailed...),
	// The reporter did not create a ConfigMap or Secret the program needs
	// ("I missed to create config map for customizing NGINX config").
	pat("missing_object_words", MissingConfigObject, weightPrecise, "", "config map", "configmap", "secret").matching(`(?i)\b(?:missed|forgot|forgotten|neglected|didn't|did not|hadn't|had not|never)\s+(?:to\s+)?(?:create|apply|deploy|install)\w*\s+(?:the\s+|a\s+|that\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:config ?maps?|secrets?)\b`),
	// A reporter's words that the pod still names an object renamed or
	// deleted since ("Old configmap name cf-runtime-spec still referenced by
	// sidecar container"): what it references no longer exists.
	pat("stale_object_reference_words", MissingConfigObject, weightPrecise, "", "still").matching(`(?i)\b(?:old|previous|former|stale|deleted|removed|renamed)\s+(?:config ?maps?|secrets?)(?:\s+names?)?(?:\s+"?[\w.-]+"?)?\s+(?:is\s+|was\s+|are\s+|were\s+)?still\s+(?:referenc|point)\w*|\bstill\s+(?:referenc\w*|points?\s+(?:at|to))\s+(?:the\s+|an?\s+)?(?:old|previous|former|deleted|removed|renamed)\s+(?:config ?maps?|secrets?)\b`),
	// A wait script's verdict on the host and port it waited for
	// ("crm-mysql:3306 still not reachable", pg_isready's "db:5432 - no
	// response"): the dependency is not up.
	pat("host_port_unreachable", DependencyUnavailable, weightSpecific, hintDepend, "reachable", "not available", "not ready", "no response").matching(`(?i)\b[a-z][\w.-]*:\d{2,5}\b(?: is| are| was)?(?: still)? (?:not reachable|unreachable|not available|not ready)\b|\b[a-z][\w.-]*:\d{2,5} - no response\b`).without("probe"),
	// A dependency that is down, named as the reason the program crashes
	// ("when Dapr Operator is down ... it causes all Dapr sidecars to
	// crash").
	// The report's account of a dependency that was not up yet ("fails
	// as the mysql container is not yet initialised", "runs the migration
	// before postgres is ready").
	pat("dependency_not_ready_words", DependencyUnavailable, weightSpecific, hintDepend, "not", "n't", "before").without("i think", "i guess", "i suspect", "maybe", "might be", "not sure", "wait until the container is running", "killed before", "restarted before", "stopped before", "level=", "msg=", "\"msg\"", "\"level\"").matching(`(?i)\b(?:as|because|since|while|when|whilst|if)\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:database|db|mysql|mariadb|postgres(?:ql)?|pg|redis|valkey|mongo(?:db)?|kafka|rabbitmq|broker|nats|elasticsearch|opensearch|etcd|zookeeper|cassandra|clickhouse|memcached|minio|keycloak|vault|api[ -]?server|kube-apiserver|control plane)(?:\s+(?:container|pod|service|server|instance|node|cluster|database))?\s+(?:(?:is|was|are|were)\s+(?:still\s+)?not|isn't|wasn't|aren't|weren't)\s+(?:yet\s+)?(?:ready|up|running|installed|initiali[sz]ed|available|reachable|started|healthy|online|accepting (?:connections|requests))\b|\bbefore\s+(?:the\s+)?(?:database|db|mysql|mariadb|postgres(?:ql)?|pg|redis|valkey|mongo(?:db)?|kafka|rabbitmq|broker|nats|elasticsearch|opensearch|etcd|zookeeper|cassandra|clickhouse|memcached|minio|keycloak|vault|api[ -]?server|kube-apiserver|control plane)(?:\s+(?:container|pod|service|server|instance|database))?\s+(?:is|was|becomes|became|gets|got|comes|came)\s+(?:fully\s+)?(?:ready|up|running|healthy|available|initiali[sz]ed|started|online)\b`),
	// The report's account, in Chinese, of a database or broker that
	// exited or is not running while the app restarts ("pgsql 已经退出，
	// maxkb ... 一直处于 restarting").
	// A server that refuses the login, told in Chinese ("MongoDB 拒绝登录",
	// "认证失败", "用户名或密码错误"): the credentials or the auth database.
	pat("login_refused_zh", ConfigError, weightSpecific, hintAuth, "拒绝登录", "登录失败", "认证失败", "身份验证失败", "鉴权失败", "密码错误", "用户名或密码错误", "登入失敗", "認證失敗", "密碼錯誤"),
	pat("datastore_down_zh", DependencyUnavailable, weightSpecific, hintDepend, "退出", "挂了", "没有启动", "未启动", "没启动", "宕机", "连不上", "无法连接").matching(`(?i)\b(?:pg(?:sql)?|postgres(?:ql)?|mysql|mariadb|redis|mongo(?:db)?|rabbitmq|kafka|zookeeper|zk|elasticsearch|es|nacos|数据库)\s*(?:容器|服务|实例)?\s*(?:已经|已|都)?(?:退出|挂了|没有启动|未启动|没启动|宕机)|(?:连不上|无法连接(?:到)?)\s*(?:pg(?:sql)?|postgres(?:ql)?|mysql|mariadb|redis|mongo(?:db)?|rabbitmq|kafka|zookeeper|数据库)`),
	// A program that gives up on a dependency after its retries ("ERROR
	// worker: bedrock unavailable after 5 attempts, exiting"): weak, as
	// what its attempts failed on says more (an unknown TLS authority).
	pat("dependency_gave_up", DependencyUnavailable, weightGeneric+4, hintDepend, " after ").matching(`(?i)\b[\w.-]+ (?:is |was |still )?(?:unavailable|unreachable|not reachable|not available|not ready|down) after \d+ (?:attempts|retries|tries)\b`),
	// A dependency taken away told in words ("deletion of etcd pod crashes
	// milvus standalone pod", "killing the redis pod makes the api crash").
	pat("dependency_removed_words", DependencyUnavailable, weightSpecific+1, hintDepend, "deletion of", "deleting", "killing", "restart of", "restarting", "loss of", "removal of", "failure of").matching(`(?i)\b(?:deletion|deleting|killing|restart(?:ing)?|loss|removal|failure)(?: of)? (?:the |an? |its )?(?:etcd|database|db|postgres\w*|mysql|mariadb|redis|valkey|mongo\w*|kafka|zookeeper|rabbitmq|nats|pulsar|minio|elasticsearch|opensearch|cassandra|consul|vault)(?: [\w-]+){0,2} (?:pods?|nodes?|containers?|servers?|instances?|clusters?|leader) (?:also )?(?:crash\w*|kills?|killed|breaks?|broke|takes? down|took down|makes? (?:the )?[\w-]+(?: [\w-]+)? (?:crash|restart|exit|fail)\w*)\b`),
	// (Not an API the program needs installed: "Cilium requires TLSRoute
	// v1alpha2 to be installed, and crashes when it isn't available" is an
	// installation without it.)
	pat("dependency_down_words", DependencyUnavailable, weightSpecific+1, hintDepend, " down", "unavailable", "unreachable", "offline", "reachable", "available", "ready", "running", "internet").matching(`(?i)\b(?:crash\w*|exit\w*|fail\w*|restart\w*|(?:won't|can't|cannot|unable to) start)\b.{0,60}\b(?:no|without|lacks?|doesn['’]t have|does not have|don['’]t have|didn['’]t have|has no|have no|there is no) (?:any )?(?:access to (?:the )?internet|internet(?: access| connection| connectivity)?)\b|\bwhen (?:the )?[\w.-]+(?: [\w.-]+){0,2} (?:is|was|goes|went) (?:down|unavailable|unreachable|offline|not reachable)\b.{0,120}\b(?:crash\w*|restart\w*|exit\w*|fail\w*)\b|\b(?:crash[\w-]*|exit\w*|panic\w*|fail\w*|restart\w*)\s+(?:when|if|whenever|after|once|as soon as)\s+(?:the\s+|all\s+|our\s+)?(?:\w+\s+)?[\w.-]+(?: [\w.-]+){0,2} (?:(?:is|was|goes|are|were|go|went) (?:down|unavailable|unreachable|offline|not (?:reachable|available|ready|up|running))|(?:isn't|wasn't|is not|was not|isnt|aren't|weren't|are not|were not) (?:reachable|available|ready|up|running))\b`).without("to be installed", "not installed", " crd"),
	// A configuration file's position before the message ("nats.conf:31:1:
	// interface conversion: ...", "/etc/app/config.yaml:12: unknown key"):
	// the program rejected that line of its configuration.
	pat("config_file_position", ConfigError, weightPrecise, hintParse, ".conf:", ".cfg:", ".ini:", ".yaml:", ".yml:", ".toml:", ".json:", ".hcl:", ".properties:", ".alloy:", ".river:").matching(`(?i)(?:^|[\s"'(])/?[\w./-]*[\w-]\.(?:conf|cfg|ini|ya?ml|toml|json|hcl|properties|alloy|river):\d+(?::\d+)?:\s+[a-z]`).without("deprecat", "warning:", "warn:", "hint:", "note:", "dial tcp", "connection refused", "no such host",
		// BIND's "named.conf:3: open: /etc/bind/keys/rndc.key: permission
		// denied": where the file was named, not what is wrong with it.
		": permission denied"),
	// A version the reporter says the program does not support ("Jaeger
	// 1.41 does not yet support ES v8.x+"): the versions do not fit.
	// Round 13. A database schema from another version of the program
	// ("Found database schema version X != Y ... run `jupyterhub
	// upgrade-db`"): the data must be migrated.
	pat("schema_version", ConfigError, weightSpecific, hintData, "schema", "upgrade-db", "upgrade_db", "database version", "db version", "data version").matching(`(?i)\b(?:database |db )?schema version\b.{0,60}(?:!=|does not match|doesn't match|mismatch|expected|is newer|is older|too (?:new|old))|\b(?:database|db|data) version\b.{0,40}\b(?:is|are) (?:incompatible|not compatible) with (?:your |the |this )?(?:current |running )?(?:engine|server|binary|program|software|application|app|release)(?: version)?\b|\brun\b.{0,40}\bupgrade[-_]db\b`),
	// A pid file left on the volume by an earlier instance ("ERROR:
	// already running as 43", "server is already running (pid 12)"): the
	// program thinks it still runs.
	// An X server's lock file left by the previous run ("Warning: host:1 is
	// taken because of /tmp/.X1-lock. Remove this file if there is no X
	// server"): the display the program then cannot open is its result.
	pat("stale_x_lock", ConfigError, weightPrecise+6, hintData, "-lock").matching(`(?i)\bis taken because of /tmp/\.X\d+-lock\b`),
	pat("stale_pid", ConfigError, weightPrecise+1, hintData, "already running", "pid", "pidfile", "currently running", "still running").matching(`(?i)\banother (?:instance|setup|process|copy|install(?:ation)?|upgrade|migration|update) (?:is )?(?:currently |already |still )?running\b|\balready running as \d+\b|^\s*daemon is already running\.?\s*$|\balready running \(pid:? ?\d+\)|\balready running with pid:? ?\d+\b|\(pid:? ?\d+\) already running\b|\bpid ?file check failed\b|\bstale pid ?file\b|\bpid ?file\b.{0,40}\b(?:exists|already exists?|is stale|left over)\b|\balready running \(\S+\.pid exists\)|\bstale\s+\x60?\S*\.pid\b|\b(?:existing|leftover|left-over|stale) \.?pid ?files?\b|\banother twistd server is running\b|\bbecause (?:the )?supervisor (?:is )?already running\b|\balready running\b[^\n]{0,40}\bremove \S*\.(?:sock|pid|lock)\b|\.pid['"]? exists\b[^\n]{0,30}\bstill running\b|\block file "?[\w.-]*\.pid"? already exists\b`).without("removing stale pid", "removed stale pid", "deleting stale pid", "deleted stale pid", "cleaning stale pid", "cleaned stale pid", "failed to bind", "unable to bind"),
	// The program kills the process its old pid file names, which in a
	// new container is one of its own ("Found old pid for service: x.
	// Terminating it"), and then is killed (137): the pid file, not memory.
	pat("old_pid_killed", ConfigError, weightPrecise+3, hintData, "pid").matching(`(?i)\bfound (?:an? )?(?:old|stale|existing|leftover) pid\b[^\n]{0,60}\b(?:terminat|kill)`),
	// A database extension the program needs is missing or of another
	// version ("No vector extension found", "extension "postgis" is not
	// available"): a prerequisite of the database to install.
	pat("db_extension", ConfigError, weightSpecific, "The database lacks an extension the program needs, or has a version it does not support: install the extension (and version) the program's documentation names in the database image, or use an image that has it.", "extension").matching(`(?i)\bno [\w.-]+ extension (?:found|installed|available)\b|\bextension "?[\w.-]+"? (?:is not available|does not exist|is not installed|not found)\b|\b[\w.-]+ extension is not (?:available|installed) in this (?:postgres|postgresql|database|mysql|server) (?:instance|server|database)\b|could not open extension control file|\bextension version is [\w.]+, but\b.{0,40}\bonly supports\b`),
	// Round 14. A configuration file the program looks for and does not
	// find ("Config file not found because ...", viper's "Config File
	// ".hydra" Not Found in ..."): a mount or path to fix.
	pat("config_file_not_found", ConfigError, weightSpecific+1, hintFile, "not found").matching(`(?i)\bconfig(?:uration)?[ _-]?file\b.{0,60}\bnot found\b`).without("using default", "using defaults", "skipping", "optional"),
	// A shell utility in an init or entrypoint script that meets a path of
	// the wrong kind ("cp: target '/shared/x' is not a directory"): the
	// volume mounts do not fit what the script expects.
	pat("coreutils_path", ConfigError, weightSpecific-3, hintMount, "not a directory", "is a directory", "no such file or directory", "file exists").matching(`^(?:cp|mv|ln|install): .*(?:not a directory|[Ii]s a directory|[Nn]o such file or directory|[Ff]ile exists)\s*$`),
	// A node prerequisite missing for a kernel driver or module (Falco's
	// "Unable to find a prebuilt falco module", missing kernel headers).
	pat("kernel_module_missing", ConfigError, weightSpecific, "The node lacks something the program's kernel driver needs (a prebuilt module for this kernel, or the kernel headers to build one): use a driver kind that needs no module (eBPF), install the headers on the node, or run a supported kernel.", "module", "kernel headers", "compiling your own", "cannot find kernel config").matching(`(?i)\b(?:unable to find|could not find|couldn't find|failed to find|no|missing)\s+(?:a\s+)?pre-?built\s+(?:[\w-]+\s+)?(?:kernel\s+)?(?:module|driver|probe)\b|\bkernel headers?\b.{0,40}\b(?:not found|missing|not installed|unavailable|could not be found|cannot be found)\b|\b(?:consider|try) compiling your own\b|^Cannot find kernel config\b`),
	pat("unsupported_version_words", ConfigError, weightPrecise, "The program does not support this version of its dependency or data: run a version combination it supports (upgrade the program, or pin the dependency to a supported release).", "support", "compatible").matching(`(?i)\b(?:does not|doesn't|do not|don't|is not|isn't)\s+(?:yet\s+)?(?:support|compatible with)\s+(?:[\w.-]+\s+){0,2}v?\d+(?:\.[\dx]+)*(?:\.x)?\+?(?:\s|$|[.,;)])`),
	// Round 18. A shell cannot open the script it was told to run
	// (busybox's "sh: can't open '/app/run.sh': No such file or
	// directory", dash's "sh: 0: Can't open /start.sh"): the start script is
	// not in the image or the volume that should hold it.
	pat("shell_script_missing", CommandNotFound, weightPrecise+1, hintEntry, "can't open", "cannot open", "no such file").matching(`(?i)\bcan(?:'t|not) open ['"]?/?[\w./-]*(?:\.(?:sh|bash)|entrypoint|/start|/run)['"]?\s*(?::|$)|(?:^|\|\s+)(?:/bin/|/usr/bin/)?(?:sh|bash|ash|dash)(?::| \d+:) (?:\d+: )?/?[\w./-]+\.sh: no such file or directory\s*$`),
	// CSI sidecars wait for the driver's socket ("Still connecting to
	// unix:///csi/csi.sock"): the driver container never came up.
	pat("csi_socket_wait", DependencyUnavailable, weightSpecific+1, "The CSI sidecars wait for the driver's socket: the driver container in the same pod is not running or cannot start. Read its log (kubectl logs POD -c <driver container> --previous): it usually cannot reach its cloud's API or metadata service, or lacks its credentials.", "still connecting to").matching(`(?i)\bstill connecting to unix://`),
	// The API server cannot call an admission webhook (its Service has no
	// ready pods, or a NetworkPolicy, firewall or security group is in
	// between); a webhook's certificate is a configuration error instead.
	pat("webhook_call", DependencyUnavailable, weightSpecific+1, "The API server cannot reach an admission webhook: check that the webhook's pods are running and its Service has endpoints, and that no NetworkPolicy, firewall or security group blocks the API server from the webhook's port.", "calling webhook", "call webhook").matching(`(?i)\bfailed (?:calling|to call) webhook\b`).without("x509", "certificate", "denied the request"),
	// Round 19. An init or start script copies over a binary that is
	// running ("cp: cannot create regular file '/shared/app': Text file
	// busy"): the shared volume kept it from the last start.
	pat("text_file_busy", ConfigError, weightSpecific+1, "A script copies a file over a binary that is running (ETXTBSY), usually into a volume kept from the previous start: copy only when the file is missing (cp -n) or to a new name, then rename.", "text file busy", "etxtbsy"),
	// The runtime cannot apply the AppArmor or seccomp profile a pod asks
	// for: a security setting of the spec, not a denied permission.
	pat("security_profile", ConfigError, weightPrecise+2, "The container runtime cannot apply the AppArmor or seccomp profile the pod's securityContext names (missing on the node, empty, or not allowed in this Kubernetes version): set a profile that exists on every node (RuntimeDefault), or load it on the nodes first.", "apparmor", "seccomp").matching(`(?i)\b(?:apparmor|seccomp)\b.{0,40}\bprofile\b.{0,100}\b(?:forbidden|not found|not loaded|empty|does not exist|doesn't exist|cannot|could not|failed|invalid|unable|no such file)|\b(?:failed|error|cannot|unable|could not)\b.{0,40}\b(?:apparmor|seccomp) profile\b`),
	// s6-overlay's account of its main command ("[cmd] /app/run.sh exited
	// 127"): the shell's code for a command it could not find.
	pat("s6_cmd_127", CommandNotFound, weightSpecific-2, hintEntry, "exited 127").matching(`(?i)\[cmd\] \S+ exited 127\b|\bcommand exited 127\b`),
	// Docker Compose's report of a container that died of SIGSEGV ("NAME
	// exited with code 139"), and a bare "Exit Code: 139" line, or one
	// quoted with kubectl's field names in the reporter's words in any
	// language ("Last State'te Exit Code 139 gösteriyor, Reason: Error").
	// A jsonpath table of pods' last exit code and reason ("scoring-5b8d
	// 139 Error", printed by `{range .items[*]}`): a segmentation fault.
	pat("jsonpath_row_exit139", Segfault, weightSpecific-2, hintNative, "139").matching(`^[a-z0-9][a-z0-9.-]*-[a-z0-9]{5}\s+139\s+Error\s*$`),
	// Exit code 126 in the reporter's words or a lone describe line: the
	// shell found the command but could not run it (no executable bit, a
	// directory).
	pat("exit_126_words", CommandNotFound, weightSpecific-2, hintEntry, "126").matching(`(?i)^\s*exit ?code:\s*126\s*$|\b(?:exit(?:s|ed)?|stopped|terminated|di(?:es|ed)|crash\w*|fail\w*|restart\w*)\b.{0,40}\bexit ?code:? 126\b|\bexit(?:s|ed)? (?:with )?(?:code |status )?126\b`).without("127"),
	pat("exit_sigsegv", Segfault, weightSpecific-2, "", "139").matching(`(?i)\bexited with code 139\b|^\s*exit ?code:\s*139\s*$|\b(?:stopped|exited|terminated|di(?:es|ed)|crash\w*|fail\w*|restart\w*)\b.{0,40}\bexit ?code:? 139\b|\bexit(?:s|ed)? 139\b|\berror - exit code: 139\b|\bexits with (?:exit )?code:? \**139\b|\(exit 139\)|\[exit code:? 139\]|\bexit code (?:is|was) \**139\b|\blast ?state\b.{0,20}\bexit ?code:? 139\b|\bexit ?code:? 139\b.{0,20}\breason:? error\b|\bexit status:? 139\b|\bwith (?:exit )?status 139\b`),
	// Round 17. A licence or evaluation period that ended ("The
	// evaluation period has expired", "license key is invalid"): the
	// edition or key the program is given.
	pat("licence", ConfigError, weightPrecise, "The program's licence or evaluation period has ended, or its key is not valid: set a valid key, or choose a free edition (for SQL Server, MSSQL_PID=Express or Developer) in the container's environment.", "licen", "evaluation", "trial").matching(`(?i)\b(?:evaluation|trial)(?: period| version| license| licence)? (?:has )?expired\b|\blicen[cs]e(?: key| file)?\b.{0,40}\b(?:has expired|expired|is invalid|invalid|not valid|is missing|missing|required|not found)\b`).without("expires in", "valid until"),
	// Round 24. A store that finds its own data damaged or unreadable at
	// start (after a crash, a full disk or a node lost power): PostgreSQL's
	// missing checkpoint, ZooKeeper's unreadable snapshot, ClickHouse's
	// broken parts, CockroachDB's critical alert.
	pat("store_data_damaged", ConfigError, weightPrecise, hintData, "checkpoint record", "load database on disk", "broken parts", "cannot attach table", "critical_alert", "replica inconsistency").matching(`(?i)\bcould not locate a (?:valid )?checkpoint record\b|\bunable to load database on disk\b|\bsuspiciously many\b.{0,60}\bbroken parts\b|\bcannot attach table\b|_critical_alert\.txt|\breplica inconsistency\b`),
	// Data written by an older version that the new one only reads after
	// a step the upgrade skipped ("must be marked as read-only ... before
	// upgrading to 9.4.1").
	pat("upgrade_step_skipped", ConfigError, weightPrecise, hintData, "before upgrading", "upgrade first", "must be upgraded", "version first", "to major version").matching(`(?i)\bbefore upgrading to\b|\bmust (?:first )?be (?:upgraded|migrated|reindexed)\b|\bupgrade to [\d.]+ first\b|\bupgrade to (?:the latest )?v?\d+(?:\.(?:\d+|x))+ version first\b|\bupgrading from major version \d+ to major version \d+\b`),
	// Round 23. The node's GPU driver is older than the CUDA runtime in
	// the image, or the container sees no GPU at all.
	pat("cuda_driver", ConfigError, weightPrecise+2, "The CUDA runtime in the image needs a newer NVIDIA driver than the node has, or the container sees no GPU: use an image built for the node's driver (or upgrade the driver), and check the pod requests nvidia.com/gpu and runs with the NVIDIA runtime (runtimeClassName).", "cuda").matching(`(?i)\bcuda driver version is insufficient\b|\bno cuda-capable device is detected\b|\bfound no nvidia driver\b|\bnvidia driver on your system is too old\b|\bcudaErrorInsufficientDriver\b|\bforward compatibility was attempted on non supported HW\b|\bunsupported display driver / cuda driver combination\b`),
	// A CUDA kernel that faults on the device (a bad index or pointer in
	// the model's or a library's kernel): the program's bug, not the node.
	pat("cuda_kernel_fault", AppCrash, weightPrecise+1, "", "cuda error: an illegal", "device-side assert", "misaligned address").matching(`(?i)\bCUDA error: (?:an illegal (?:memory access|instruction) was encountered|device-side assert triggered|misaligned address)\b`),
	// Round 27. A member of a cluster whose identity on disk no longer
	// fits (BookKeeper's cookie after the pod's IP changed).
	pat("identity_on_disk", ConfigError, weightPrecise, hintData, "cookie").matching(`(?i)\binvalidcookieexception\b|\bcookie (?:mismatch|is invalid|doesn't match|does not match)\b`),
	// Round 26. A database server setting the program's schema does not
	// fit (MySQL's sql_require_primary_key against Liquibase's tables).
	pat("db_server_setting", ConfigError, weightPrecise, "The database server has a setting the program's schema does not fit (MySQL's sql_require_primary_key, a strict SQL mode): change that server setting for this database, or use a version of the program whose migrations satisfy it.", "primary key", "external plugin").matching(`(?i)\bsql_require_primary_key\b|\bdoes not have a primary key\b|\bdoes not comply with the requirements by an external plugin\b|\bwithout a primary key\b.{0,60}\b(?:require|not allowed|unable)`),
	// Round 30. A file the program cannot open for writing (a log file on
	// a volume owned by another user), and a database created with the
	// wrong collation or encoding for the program.
	pat("open_for_writing", PermissionDenied, weightSpecific+1, hintPerm, "for writing").matching(`(?i)\b(?:unable to|cannot|can't|could not|couldn't|failed to) open\b.{0,100}\bfor writing\b`).without("file exists", "already exists", "no such file or directory"),
	pat("db_collation", ConfigError, weightPrecise, "The database was created with a collation, ctype or encoding the program refuses: create it with the values its documentation names (e.g. LC_COLLATE 'C', ENCODING 'UTF8'), or recreate it.", "collation", "ctype", "incorrectdatabasesetup", "encoding").matching(`(?i)\bincorrectdatabasesetup\b|\b(?:incorrect|wrong|unsupported) (?:database )?(?:collation|ctype|lc_collate|lc_ctype|encoding)\b|\bhas (?:an )?incorrect (?:collation|ctype|encoding)\b`),
	// Round 29. Calico finds no address of the family it is told to use
	// on the host's interfaces (IP_AUTODETECTION_METHOD, or an IPv6-only
	// node).
	pat("ip_autodetect", ConfigError, weightPrecise+1, "The CNI agent cannot pick the node's IP address with its autodetection method: set IP_AUTODETECTION_METHOD (interface=..., can-reach=..., kubernetes-internal-ip) to an interface that has an address of that family, or disable the family it cannot find.", "auto-detect", "autodetect", "no valid ipv").matching(`(?i)\b(?:unable to|failed to|couldn't|could not) auto-?detect (?:an? |the )?(?:ipv[46] )?address\b|\bno valid ipv[46] addresses? found on the host interfaces\b`),
	// Go's flag package panics when two packages register the same flag:
	// a bug in how the binary was built, not a flag the user passed.
	pat("flag_redefined", AppCrash, weightPrecise+1, "Two packages in the binary register the same command-line flag (a build or dependency bug): use an image version that fixes it; no setting of yours causes it.", "flag redefined", "unable to redefine").matching(`(?i)\bflag redefined: \S+|\bunable to redefine "[^"]+" shorthand in "[^"]*" flagset\b`),
	// A reporter's "missing X permissions": the identity lacks them.
	pat("missing_permissions_words", PermissionDenied, weightSpecific+1, hintPerm, "permission").matching(`(?i)\b(?:missing|lacks?|lacking|without)\b.{0,40}\bpermissions?\b`).without("file permission", "permissions of", "permission bits", "chmod", "creating missing", "adding missing"),
	// Round 31. API discovery fails on an aggregated API that does not
	// answer (a stale APIService of a removed metrics adapter): the API
	// server's dependency is down, and every client that discovers fails.
	// client-go's first call to the API server failing ("Error getting
	// server version: Get \"https://10.96.0.1:443/version?timeout=32s\":
	// dial tcp 10.96.0.1:443: i/o timeout"), often all an issue's title
	// keeps of it: the pod cannot reach the API server (its Service IP,
	// the CNI, a NetworkPolicy or the node's firewall). A reason given
	// after it (forbidden, a certificate) is more precise.
	pat("api_server_version", DependencyUnavailable, weightSpecific, "The pod cannot reach the Kubernetes API server (its first call, the server version, failed): check the pod network from that node (CNI, kube-proxy, firewall or iptables rules, a NetworkPolicy) and that https://kubernetes.default answers from a debug pod.", "error getting server version").without("forbidden", "unauthorized", "x509", "certificate"),
	pat("aggregated_api_down", DependencyUnavailable, weightPrecise, "An aggregated API (an APIService, often a metrics adapter that was removed or is down) does not answer, so API discovery fails: find it with `kubectl get apiservices | grep False`, and fix or delete the stale APIService.", "complete list of server apis", "currently unable to handle the request").matching(`(?i)\bunable to retrieve the complete list of server apis\b|\bthe server is currently unable to handle the request\b`),
	// The binary lacks a Go type it watches ("no kind is registered for
	// the type X in scheme"): a build bug, not a setting.
	pat("scheme_missing_type", AppCrash, weightPrecise+1, "The controller watches a type its binary never registered (a build bug): use a release that fixes it, or turn off the feature that watches that type.", "no kind is registered").matching(`(?i)\bno kind is registered for the type\b`),
	// Round 35. A consumer whose committed Kafka offsets no longer exist
	// (the broker lost or expired the data) and whose reset policy is
	// "none": state to reset, not a broker that is down.
	pat("kafka_offset_out_of_range", ConfigError, weightPrecise+1, "The consumer's committed offsets point at data the broker no longer has (it was lost or expired), and its reset policy refuses to move: reset the consumer group's offsets (kafka-consumer-groups --reset-offsets --to-latest) or set auto.offset.reset.", "offset").matching(`(?i)\boffset_?out_?of_?range\b|\boffsetoutofrange\b`),
	// Round 36. The shebang's interpreter is not found: env names it with
	// a carriage return (a script saved with Windows line ends) or the
	// image lacks it; s6's "unable to exec bash" is the same.
	pat("shebang_interpreter", CommandNotFound, weightPrecise+2, hintEntry, "env:", "unable to exec").without(".s6-svscan/crash").matching(`(?i)(?:^|[\s/])env: (?:can't execute )?['‘"]?[\w./-]+(?:\\r|\r)?\s*['’"]?: no such file or directory|\bunable to exec [\w./-]+`),
	// Rounds 37-39. A lock file on the data volume held by another (or a
	// dead) instance; Prisma's failed-migration state; envconfig's
	// rejected environment; a driver newer than its server; Cloud Run's
	// startup probe; Spring Cloud Config's fail-fast.
	// bbolt's Open gives up on the file lock another process holds with
	// a bare "timeout" (InfluxDB, Loki's index, Consul, etcd's tools).
	pat("bolt_lock_timeout", ConfigError, weightPrecise, hintData, "bolt").matching(`(?i)\bb?bolt\w*\b[^\n]{0,60}?:\s*timeout\b|\bb?boltdb timeout\b`),
	pat("data_lock_held", ConfigError, weightPrecise, hintData, "acquire lock", "lock on file", "lock file", "get lock", "locked by", "path failed").matching(`(?i)\b(?:failed to|unable to|could not|couldn't) acquire (?:the )?lock on (?:file )?\S+|\bwhile lock file: \S+: resource temporarily unavailable\b|\b(?:could not|couldn't|cannot|can't|unable to) get (?:the )?lock\b|\block (?:wal|data) path failed\b|\b(?:is|was|are|were) (?:already )?locked by (?:the |a |an |another )?\S*(?:\.lock|lock file|process|instance)\b`),
	pat("prisma_migrate_state", ConfigError, weightPrecise, hintData, "p3009", "p3005", "failed migrations").matching(`(?i)\bP30(?:05|09)\b|\bmigrate found failed migrations\b`),
	// Prisma's P3018: a migration failed to apply. The database's error
	// printed below it says why (the migration's own SQL, a privilege, a
	// server too old); alone, the database is left in a failed state.
	pat("prisma_migration_failed", ConfigError, weightSpecific-1, hintData, "p3018").matching(`(?i)\bP3018\b`),
	// A migration's own SQL that the database rejects: a syntax error, a
	// column it cannot cast, a statement of a failed SQL migration (goose,
	// Rails) on a table or column the release's migrations do not have.
	// The release's migration is wrong, not the database it runs on.
	pat("migration_sql_bug", AppCrash, weightPrecise, hintMigration, "sql syntax", "cannot be cast automatically", "failed to run sql migration").matching(`\bYou have an error in your SQL syntax\b|\bcolumn "[^"]+" cannot be cast automatically to type\b|\bfailed to run SQL migration\b.{0,400}\b(?:does not exist|already exists|syntax error|cannot be cast|violates \w+(?:-\w+)? constraint|duplicate key)`),
	pat("migration_canceled", AppCrash, weightSpecific, hintMigration, "migrations canceled").matching(`\bthis and all later migrations canceled\b`),
	// The database refuses the statement for the role the app logs in as.
	// (Above Flyway's "Migration V12__x.sql failed": the migration's SQL is
	// right, the role running it is not allowed to.)
	pat("db_insufficient_privilege", PermissionDenied, weightPrecise+2, "The database role the app logs in as lacks the privilege the statement needs: grant it (or own the objects with that role), or run the step that needs it (an extension, a schema change) as an owner.", "insufficientprivilege", "must be owner of", "permission denied to create extension", "permission denied for ").matching(`\bInsufficientPrivilege\b|\bmust be owner of (?:table|relation|schema|database|function|sequence|extension|type|view|materialized view) \S|\bpermission denied to create extension "|\bpermission denied for (?:table|relation|schema|database|sequence|function) \S`),
	pat("envconfig_env", ConfigError, weightPrecise, hintParse, "processing env", "envconfig").matching(`(?i)\berror processing env\b|\benvconfig\.process\b`),
	pat("driver_server_version", ConfigError, weightPrecise, "The database server is older than the client driver in the image supports: upgrade the server (or pin an older image whose driver still supports it).", "wire version").matching(`(?i)\breports maximum wire version \d+, but this version of the [\w.\s-]+ requires at least \d+`),
	pat("startup_probe_platform", LivenessProbe, weightPrecise, "", "startup").matching(`(?i)\bstartup (?:tcp|http|grpc) probe failed\b`),
	pat("config_server_fail_fast", DependencyUnavailable, weightPrecise, hintDepend, "propertysource").matching(`(?i)\bcould not locate propertysource\b.{0,60}\bfail fast\b`),
	// Round 21. A feature the program needs is behind a feature gate
	// that is off ("ensure that KubeletPodResourcesGetAllocatable feature
	// gate is enabled").
	pat("feature_gate", ConfigError, weightPrecise, "The program needs a Kubernetes feature gate that is off in this cluster: enable it on the component the message names (kubelet or API server), or turn off the program's feature that needs it.", "feature gate", "feature-gate", "featuregate").matching(`(?i)\b(?:enable|ensure|requires?|needs?|must)\b.{0,80}\bfeature[- ]?gates?\b|\bfeature[- ]?gates?\b.{0,60}\b(?:not enabled|is disabled|are disabled|is off|turned off|must be enabled)\b`),
	// Round 20. Docker Swarm's task list: each task ends "Complete", so
	// the service's command finishes and Swarm starts it again.
	pat("swarm_complete", Completed, weightSpecific, "", "complete").matching(`\bShutdown\s+Complete\b`),
	// Docker Compose's report of a container killed by SIGILL ("NAME
	// exited with code 132"): the CPU lacks an instruction the binary uses.
	pat("exit_sigill", ExecFormat, weightSpecific-2, "The process died of SIGILL (exit code 132): the binary uses CPU instructions this node lacks (AVX, or a newer ARM/x86 level): run on a node whose CPU has them, or use an image built for this CPU.", "code 132").matching(`(?i)\bexited with code 132\b`),

	// Port conflicts.
	// Cassandra's "ConfigurationException: /10.0.4.12:7000 is in use by
	// another process": the address is taken, whatever the class says.
	pat("addr_in_use_by_process", PortConflict, weightPrecise+2, hintPort, "is in use by another process").matching(`:\d+ is in use by another process\b`),
	pat("port_taken", PortConflict, weightPrecise, hintPort, "already in use").matching(`(?i)\bport:? \d+ (?:is )?already in use|\bsocket ['"]?[\w.:\[\]-]*:\d+['"]? (?:is )?already in use`),
	// Quarkus's warning before its bind exception (which names the port
	// the bind failed on, and is quoted when it is there).
	pat("port_seems_taken", PortConflict, weightSpecific, hintPort, "seems to be in use").matching(`(?i)\bport \d+ seems to be in use by another process\b`),
	// A port conflict in the reporter's or a maintainer's words ("a port
	// conflict that causes CrashLoopBackoff", "tries to bind on port 8080
	// which is a port that nginx-proxy listens on").
	pat("port_words", PortConflict, weightPrecise, hintPort, "port", "in use").matching(`(?i)\bport conflicts?\b|\bconflicts? with (?:\w+ ){0,3}ports?\b|\bports? \d+ (?:is |was )?(?:already )?(?:in use|used|taken|occupied|bound) by\b|\bport \d+ which is (?:a port that|already)\b|\b(?:fail\w*|error|exit\w*)\b.{0,40}\bport (?:\d+ )?(?:is )?(?:already )?in use\b|\bports? :?\d{2,5}(?:/(?:tcp|udp))?(?: port)? (?:is |was )?(?:being |already )?(?:used|taken|occupied|held) by\b|\b\d{2,5}/(?:tcp|udp) port (?:is |was )?(?:being |already )?(?:used|taken|occupied|held) by\b|\b(?:unable|fails?|failed|failing|cannot|can't|won't) (?:to )?(?:start|come up|run|bind)\w*\b.{0,60}\banother (?:process|program|service|container|application|app|instance|daemon) (?:is |was )?(?:already )?(?:bound|listening|using|holding|occupying) (?:to |on )?(?:the )?(?:same )?(?:port )?:?\d{2,5}\b|\bport (?:\d+ )?is (?:already )?in use\b.{0,40}\b(?:fail\w*|exit\w*|crash\w*)\b|(?:^|[\s\x60'"(])(?:[\w.-]+)?:\d{2,5}[\x60'")]?\s+(?:is|was)\s+(?:already\s+)?(?:in use|taken|occupied)\b`).without("trying", "will use", "using port", "instead", "a port conflict?", "port conflict or"),
	// A Unix socket's file left by an instance that did not shut down
	// ("bind() to unix:/kong_prefix/worker_events.sock failed (98: Address
	// already in use)"): no port is taken, a stale file is in the way.
	pat("stale_unix_socket", ConfigError, weightPrecise+1, "A socket file left by an earlier instance (killed before it could remove it) is in the way: delete it at start (or keep it on an emptyDir that is not reused), and let the program shut down cleanly.", "unix").matching(`(?i)\bbind\(\) to unix:\S+ failed \(98: address (?:already )?in use\)|\blisten unix \S+: bind: address already in use\b|\blisten EADDRINUSE: address already in use /\S+\.sock\b`),
	// A bind failure given only as errno 98 (EADDRINUSE): libwebsockets'
	// (Mosquitto's websockets listener) and coturn's "Trying to bind fd 14
	// to <0.0.0.0:3478>: errno=98".
	// SRS names it in brackets: "[ERROR][1][0h3qe1a7][98] serve error
	// code=1019(SocketBind) : ... : listen tcp 0.0.0.0:1935 : bind".
	pat("bind_errno_98", PortConflict, weightPrecise+1, hintPort, "error on binding fd", "errno=98", "[98]").matching(`(?i)\bERROR on binding fd \d+ to port \d+ \(-?\d+ 98\)|\bTrying to bind fd \d+ to <[^>]+>: errno=98\b|\[98\] [^\n]{0,300}\bbind$`),
	// The same bind refused with errno 13 (EACCES): a port below 1024 for
	// a user without CAP_NET_BIND_SERVICE.
	pat("bind_errno_13", PermissionDenied, weightPrecise+1, hintPrivPort, "errno=13", " 13)").matching(`(?i)\bERROR on binding fd \d+ to port \d+ \(-?\d+ 13\)|\bTrying to bind fd \d+ to <[^>]+>: errno=13\b`),
	pat("addr_in_use", PortConflict, weightPrecise, hintPort, "address already in use", "connection in use: (", "eaddrinuse", "was already in use", "address in use", "port is already allocated", "only one usage of each socket address", "another program is already listening on a port", "port already in use", "bindexception: address", "nt_status_address_already_associated", "in use (os error 98)", "[98] could not bind socket", "[errno=98] could not bind socket", "no acceptor (port is in use", "privileged or already in use",
		// Accelerate's "Tried to launch distributed communication on port
		// `29500`, but another process is utilizing it."
		"but another process is utilizing it",
		// Thrift's "Could not create ServerSocket on address
		// 0.0.0.0/0.0.0.0:9083." (Hive's metastore) wraps the BindException.
		"could not create serversocket on address",
		// Zig's error name (TigerBeetle's "error: AddressInUse").
		"error: addressinuse",
		// Factorio's "MultiplayerManager failed: \"Host address is already
		// in use.\"", GlassFish's "No free port within range: 8080=".
		"host address is already in use", "no free port within range",
		// civetweb's (prometheus-cpp's exposer) CivetException.
		"possible problem binding to port"),
	// Go's net package on an address setting without its port ("dial
	// tcp: address redis-master.redis.svc.cluster.local: missing port in
	// address"), or an IPv6 one without brackets: the value is wrong, not
	// the host down.
	pat("address_missing_port", ConfigError, weightPrecise+1, "The address setting has no port (or an IPv6 address without [brackets]): give it as host:port, e.g. redis-master.redis.svc.cluster.local:6379.", "missing port in address", "too many colons in address").matching(`\baddress \S+: (?:missing port in address|too many colons in address)\b`),
	// Flink's JobManager finding its REST port held (its BindException
	// does not say "Address already in use").
	pat("flink_rest_port", PortConflict, weightPrecise+1, hintPort, "could not start rest endpoint on any port").matching(`(?i)\bCould not start rest endpoint on any port in port range \d+`),
	// CherryPy's (portend's) wait for its port: "Port 9000 not free on ::.".
	pat("port_not_free", PortConflict, weightPrecise, hintPort, "not free on").matching(`(?i)\bport \d+ not free on\b`),
	// Servers that name the port they could not take without the
	// system's reason: llama.cpp's server, Ray's head ("already
	// occupied"), Flink's BLOB server, gRPC's server ("Failed to bind to
	// address [::]:8081; set GRPC_VERBOSITY=debug ...").
	pat("server_port_not_bound", PortConflict, weightPrecise, hintPort, "couldn't bind http server socket", "already occupied", "unable to open blob server", "grpc_verbosity").matching(`(?i)\bfailed to bind to address \S+:\d+; set grpc_verbosity\b|\bcouldn't bind HTTP server socket, hostname: \S+, port: \d+|\bfailed to bind to \S+:\d+ because it's already occupied\b|\bUnable to open BLOB Server in specified port range: \d+`),
	// An NFS server whose exports do not let this client mount (an EFS
	// file system policy that requires IAM, an export's client list).
	pat("nfs_access_denied", PermissionDenied, weightPrecise, "The NFS server refuses this node's mount: allow the node's address in the export (or the file system policy, for EFS with IAM authorization), and mount with the options the server requires.", "access denied by server while mounting").matching(`(?i)\bmount(?:\.nfs4?)?: access denied by server while mounting\b`),

	// Permissions.
	// A program that refuses to start as root (Elasticsearch's "can not
	// run elasticsearch as root"): a pod-wide runAsUser: 0 it was given.
	// Jupyter's server started as root without its flag for that.
	pat("jupyter_allow_root", ConfigError, weightPrecise+1, "Jupyter refuses to run as root: run it as the image's user (securityContext.runAsUser), or add --allow-root to its command.", "use --allow-root to bypass").matching(`(?i)\bRunning as root is not recommended\. Use --allow-root to bypass\b`),
	// Jupyter's port taken (another server on a hostNetwork node).
	pat("jupyter_port_taken", PortConflict, weightPrecise+1, "", "is not available").matching(`(?i)\bthe Jupyter server could not be started because port \d+ is not available\b`),
	// PyTorch's layers whose sizes do not fit: the model's code.
	pat("torch_shape_mismatch", AppCrash, weightPrecise, "", "shapes cannot be multiplied").matching(`\bmat1 and mat2 shapes cannot be multiplied\b`),
	// pandas' C parser out of memory: the container's limit, for the data.
	pat("pandas_c_oom", OOMKilled, weightPrecise, hintOOMLimit, "c error: out of memory").matching(`(?i)\bC error: out of memory\b`),
	pat("refuses_root", ConfigError, weightPrecise, "The program refuses to run as root: set securityContext.runAsUser to the image's non-root user (and runAsUser: 0 only on the init container that needs it).", "as root").matching(`(?i)\b(?:can ?not|must not|refus\w* to) run (?:\w+ )?as root\b`),
	pat("run_as_root", PermissionDenied, weightPrecise+1, "The pod requires runAsNonRoot but the image runs as root (or as a non-numeric user): set securityContext.runAsUser to a non-zero UID, or use an image with a numeric non-root USER.", "runasnonroot and image will run as root", "runasnonroot and image has non-numeric user", "runasuser breaks non-root policy", "will break non-root policy"),
	// The disk under the data answers with I/O errors (EIO): a failing
	// drive, a cloud disk detached under the node, a broken NFS or btrfs
	// volume. The program cannot fix that; the storage must be.
	pat("disk_io_error", DependencyUnavailable, weightPrecise+2, "The volume under the container's data returns I/O errors: the disk is failing, detached (a cloud disk) or its file system broke. Check the node's kernel log (dmesg) and the PersistentVolume's disk; move the data to a healthy volume or restore it.", "input/output error"),
	pat("read_only_fs", PermissionDenied, weightPrecise, hintReadOnly, "read-only file system", "read only file system", "no usable temporary directory", "read-only filesystem", "read only filesystem", "readonlyfilesystemexception").without("info: can not modify"), // (nginx's entrypoint skipping its IPv6 edit of a mounted conf.d, and going on)
	// errno's name alone, as a word ("numberOfServers" holds its letters).
	// Samba's (and others') check of a directory's mode: "invalid
	// permissions on directory '/var/run/samba/nmbd': has 0750 should be
	// 0755".
	pat("invalid_mode", PermissionDenied, weightPrecise, hintPerm, "invalid permissions on").matching(`(?i)\binvalid permissions on (?:directory|file|socket|dir)\b`),
	// A connection string the driver cannot take apart: go-sql-driver's
	// DSN without "tcp(...)" ("default addr for network 'db:3306'
	// unknown"), a host name holding a password's '@' ("could not
	// translate host name "kT2@db.svc""), mongodb's unescaped password.
	pat("dsn_malformed", ConfigError, weightPrecise+2, hintParse, "default addr for network", "translate host name", "illegal unescaped").matching(`(?i)\bdefault addr for network '[^']*' unknown\b|\bcould not translate host name "[^"@\s]*@[^"]*"|\bpassword contains an illegal unescaped character\b`),
	// Two instances on one data path: Neo4j's store lock, a beat's data
	// path, Nexus's "Nexus data directory already in use: /nexus-data" (the
	// old pod of a rolling update still holds it). (Elasticsearch's "failed
	// to obtain node locks" alone is either
	// this or a data path it may not write: its cause line decides.)
	pat("data_path_locked", ConfigError, weightPrecise+4, hintData, "locked by another process", "already locked by another", "data directory already in use").matching(`(?i)\block file has been locked by another process\b|\bdata path already locked by another\b|\bNexus data directory already in use\b`),
	// A Go binary built for a newer x86-64 level than the node's CPU.
	pat("amd64_level", ExecFormat, weightPrecise+2, hintSigill, "microarchitecture", "isa level").matching(`(?i)\bcan only be run on amd64 processors with v\d microarchitecture support\b|\bcpu isa level is lower than required\b`),
	// Broker and directory clients that find nothing to talk to.
	pat("broker_absent", DependencyUnavailable, weightPrecise, hintDepend, "nobrokersavailable", "contact ldap server").matching(`(?i)\bNoBrokersAvailable\b|\bcan't contact ldap server\b`),
	// Elasticsearch clients that find no node they can use: the cluster
	// is down or not ready, or (weaker, so a cause given in words wins)
	// its version is one the client cannot talk to.
	pat("es_no_node", DependencyUnavailable, weightGeneric+6, hintDepend, "elasticsearch node available", "nonodeavailableexception", "no living connections").matching(`(?i)\bno elasticsearch node available\b|\bNoNodeAvailableException\b|\bno living connections\b`),
	// TensorFlow's own check of the CPU before it aborts (134): "was
	// compiled to use AVX instructions, but these aren't available on
	// your machine".
	pat("tf_avx_abort", ExecFormat, weightPrecise+4, hintSigill, "but these aren't available on your machine").matching(`(?i)\bcompiled to use \w+ instructions, but these aren't available on your machine\b`),
	// Bugs in the program's code or build, in their own words: a metric
	// registered twice, a Go plugin built against other packages, a tokio
	// runtime dropped inside async code, EF Core's model without its
	// migration, a NestJS module import that is undefined (a cycle).
	// PHP's error on a method called on null (Laravel's Collision prints
	// it under a bare "Error" heading).
	pat("php_type_error", AppCrash, weightPrecise, "", "uncaught typeerror").matching(`(?i)\buncaught typeerror:.{0,240}\bmust be (?:of the type|of type|an instance of) [^,]{1,80}, \S+ given\b`),
	pat("php_null_call", AppCrash, weightPrecise, "", "call to a member function").matching(`(?i)\bcall to a member function \S+\(\) on (?:null|bool|array|int|string|float)\b`),
	// PHP's warning for a key, index or variable the code reads and that
	// is not there (Laravel turns it into an ErrorException that ends a
	// queue worker): the code's bug, unless the key is an environment
	// variable's name (`Undefined array key "APP_KEY"` from $_ENV), a
	// setting not given.
	// Temporal's Python sandbox refusing what workflow code does at import
	// (datetime.now() at module level, an unrestricted I/O module): the
	// workflow's code breaks the determinism rules.
	pat("temporal_sandbox_restricted", AppCrash, weightPrecise, "", "restrictedworkflowaccesserror"),
	// Rails told to use a database adapter it has no gem for, or spelled
	// wrong (DATABASE_ADAPTER=postgres for "postgresql").
	pat("rails_adapter_not_loaded", ConfigError, weightPrecise+2, hintEnv, "active record adapter").matching(`(?i)\bcould not load the '[\w-]+' active ?record adapter\b`),
	pat("php_undefined_env_key", ConfigError, weightPrecise+1, hintEnv, "undefined array key", "undefined index").matching(`\bUndefined (?:array key|index):? ["']?[A-Z][A-Z0-9]*_[A-Z0-9_]+\b`),
	pat("php_undefined_key", AppCrash, weightPrecise, "", "undefined array key", "undefined index", "undefined offset", "undefined variable", "undefined property").matching(`\bUndefined (?:array key|index|offset|variable|property)\b:? ["'$]?[\w\\:>-]+`),
	// The JVM's words for code that breaks its own rules (an immutable
	// list changed, an Optional read empty, a Kafka Streams topology that
	// registers a topic twice) and for a classpath built from parts that
	// do not fit (two versions of a library, two logging backends).
	pat("jvm_code_bug", AppCrash, weightPrecise, "", "unsupportedoperationexception", "nosuchelementexception: no value present", "invalid topology", "incompatibleclasschangeerror", "abstractmethoderror", "nosuchfielderror", "is not a logback loggercontext but logback is on the classpath", "an attempt was made to call a method that does not exist").matching(`(?i)\bjava\.lang\.UnsupportedOperationException\b|\bNoSuchElementException: No value present\b|\bTopologyException: Invalid topology\b|\b(?:IncompatibleClassChangeError|AbstractMethodError|NoSuchFieldError)\b|\bis not a Logback LoggerContext but Logback is on the classpath\b|\bAn attempt was made to call a method that does not exist\b`),
	// Python's and Node's words for code (or an unpinned library under it)
	// that no longer works: Django models imported before setup, a route
	// Express 5's path-to-regexp rejects, pydantic 2's removed arguments,
	// asyncio's get_event_loop on Python 3.14.
	pat("py_node_code_bug", AppCrash, weightPrecise, "", "apps aren't loaded yet", "missing parameter name at", "pydanticusererror", "there is no current event loop", "firebase app already exists").matching(`(?i)\bAppRegistryNotReady: Apps aren't loaded yet\b|\bThe default Firebase app already exists\b|\bTypeError: Missing parameter name at (?:index )?\d+|\bPydanticUserError\b|\bRuntimeError: There is no current event loop\b`),
	// Yarn 1's check of node_modules against yarn.lock, which Rails'
	// Webpacker runs at boot: the installed packages (a node_modules volume
	// from another build or platform) do not match.
	pat("yarn_integrity", ConfigError, weightPrecise, "Yarn's check of the installed packages against yarn.lock failed: node_modules (often a volume from another build or platform) does not match; run yarn install --check-files in the image, drop the stale node_modules volume, or set check_yarn_integrity: false (Webpacker).", "integrity check failed").matching(`(?i)^\s*error integrity check failed\b`),
	// Yarn's "Couldn't find a script named" (npm's "Missing script").
	pat("yarn_missing_script", CommandNotFound, weightPrecise+1, hintEntry, "couldn't find a script named"),
	// pnpm's: "ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL", then "× Command "x" not found".
	pat("pnpm_command_not_found", CommandNotFound, weightPrecise+1, hintEntry, "not found").matching(`^\s*×\s+Command "[^"]+" not found\s*$|\bERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL\s+Command "[^"]+" not found\b`),
	// Node's own refusals of code this version no longer runs as written
	// (a JSON import without its import attribute, a TypeScript enum under
	// type stripping), a native addon never built ("Could not locate the
	// bindings file", pnpm 10 skipping its build script), and a Corepack in
	// the image older than the registry's signing keys: the image or the
	// code, not a setting.
	pat("node_code_or_build", AppCrash, weightPrecise, hintModule, "err_import_attribute_missing", "err_unsupported_typescript_syntax", "could not locate the bindings file", "cannot find matching keyid").matching(`\bERR_IMPORT_ATTRIBUTE_MISSING\b|\bERR_UNSUPPORTED_TYPESCRIPT_SYNTAX\b|\bCould not locate the bindings file\b|\bCannot find matching keyid\b`),
	// The image runs another version of the package manager than the one
	// the project pins: the image is built wrong.
	pat("package_manager_pin", AppCrash, weightPrecise, "The image runs another version of the package manager than the project pins (packageManager in package.json): enable Corepack in the image (corepack enable) with network at build time, or start the built app with node directly.", "packagemanager").matching(`(?i)\bdefines "packageManager": "[\w@.+-]+"\. However the current global version of \w+ is\b`),
	// "pnpm is not installed inside the Docker image", "pnpm not found
	// (exit code 127)": the start command's tool, told in words.
	pat("package_tool_missing_words", CommandNotFound, weightSpecific+1, hintEntry, "pnpm", "yarn", "poetry", "pipenv", "foreman", "bundle", "java", "python", "php", "ruby", "perl", "bash", "dotnet").matching(`(?i)\b(?:pnpm|yarn|poetry|pipenv|foreman|bundler?|java|python3?|php|ruby|perl|bash|dotnet)\b:?\s+(?:is\s+)?not (?:found|installed)\b`),
	// Passport's JWT strategy built without its secret (an unset variable).
	pat("jwt_secret_unset", ConfigError, weightPrecise+1, "", "requires a secret or key"),
	// A server told to bind an address the pod does not have (the
	// laptop's IP in --host): EADDRNOTAVAIL while binding.
	// The same error named without its bind (an issue's title, Node's
	// "listen EADDRNOTAVAIL"): in the reports, an address the program is
	// told to listen on that it does not have, unless it connects.
	pat("addr_not_available", ConfigError, weightSpecific, "The program is told to use an address this container or pod does not have (a host's IP, an old node IP, an IPv6 address the node lacks): listen on 0.0.0.0 (or ::), or on an address it has.", "cannot assign requested address", "eaddrnotavail", "address not available (os error 99)").without("connect: cannot assign", "connect eaddrnotavail", "dial tcp", "dial udp"),
	pat("bind_addr_not_here", ConfigError, weightPrecise+1, "The program is told to listen on an address this container does not have (a host's or laptop's IP): listen on 0.0.0.0 (or :: ) instead.", "cannot assign requested address", "addrnotavailable", "bind failed due to address not available").matching(`(?i)\b(?:bind|binding|listen)\w*\b.{0,80}\bcannot assign requested address\b|\bport bind failed due to address not available\b|\b(?:bind|binding|listen|create local)\w*\b.{0,80}\bkind: AddrNotAvailable\b`),
	// Node's DNS SRV lookup of a mongodb+srv:// host timing out, and
	// undici's connect timeout (fetch failed, its cause).
	// A native library unpacked into the temp directory at start (JNA,
	// snappy-java, netty, RocksDB) that cannot be loaded from there: /tmp is
	// read-only (readOnlyRootFilesystem) or mounted noexec.
	pat("tmp_native_library", PermissionDenied, weightPrecise+1, "The program unpacks a native library into its temp directory (/tmp, java.io.tmpdir) and cannot load it from there: the directory is read-only or mounted noexec. Mount a writable emptyDir at /tmp (without noexec), or point java.io.tmpdir (or the library's own tmp setting) at one.", "failed to map segment from shared object", "org.xerial.snappy.snappy", "noexec").matching(`(?i)\bfailed to map segment from shared object\b|\bcheck volume for "noexec" flag\b|\bCould not initialize class org\.xerial\.snappy\.Snappy\b`),
	// mysqld refusing an option's value at start (a start script that
	// appended to max_connections at each start).
	pat("mysqld_option_value", ConfigError, weightPrecise+1, "", "error while setting value").matching(`(?i)\berror while setting value '[^']*' to '[\w-]+'`),
	// State on the volume that the program cannot read back: bbolt's
	// page checks (a database file torn by a kill), Elasticsearch's
	// metadata holding an index and an alias of one name.
	pat("stored_state_corrupt", ConfigError, weightPrecise+2, hintData, "self identifies as", "invalid freelist page", "already freed", "alias names need to be unique").matching(`(?i)\bPage expected to be: \d+, but self identifies as \d+|\binvalid freelist page\b|\bpage \d+ already freed\b|\bindex and alias names need to be unique\b`),
	// "until I manually delete the corrupted buffers", "solution, delete
	// old data in /var/lib/docker/volumes/...": the reporter's fix names
	// data on the volume.
	pat("delete_corrupt_words", ConfigError, weightPrecise, hintData, "corrupt", "old ", "stale ").matching(`(?i)\b(?:delet|remov|wip|purg|clean)\w*\s+(?:the\s+|all\s+|those\s+)?(?:corrupt(?:ed)?|old|stale)\s+(?:buffers?|files?|chunks?|data|database|index(?:es)?|wal|queue|segments?|blocks?)\b`),
	// Apache's pid file that the last start left and it cannot read back.
	pat("apache_pid_unreadable", ConfigError, weightPrecise+1, "A pid file from an earlier run (a host reboot, a killed container) is left where the server writes its own: remove stale pid files in the entrypoint before starting, or keep them on a tmpfs.", "ah00058", "ah00059").matching(`(?i)\bAH00058: Error retrieving pid file\b|\bAH00059: Remove it before continuing if it is corrupted\b`),
	// The same wait for peers named by pod IPs ('rabbit@10.244.3.17'):
	// the IPs changed on restart, so the peers will never come; the node
	// names are the setting to fix.
	pat("mnesia_ip_node_names", ConfigError, weightSpecific+2, "RabbitMQ's node names are built from pod IPs, which change when pods restart, so a node waits for peers that no longer exist: name the nodes by the StatefulSet's stable DNS names (RABBITMQ_USE_LONGNAME=true, RABBITMQ_NODENAME=rabbit@$(POD_NAME).<headless service>), then reset the nodes' old cluster state.", "timeout_waiting_for_tables").matching(`(?i)\btimeout_waiting_for_tables,\s*\[\s*'rabbit@\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}'`),
	// A PostgreSQL extension older in the database than in the image after
	// an upgrade (repmgr's "extension version 5.3 is installed but newer
	// version 5.4 is available"): the data needs ALTER EXTENSION.
	pat("pg_extension_outdated", ConfigError, weightPrecise, "The database holds an older version of the extension than the upgraded image ships: update it in the database (ALTER EXTENSION ... UPDATE; Bitnami postgresql-ha: upgradeRepmgrExtension=true), or keep the image that matches.", "is installed but newer version").matching(`(?i)\bextension version [\d.]+ is installed but newer version [\d.]+ is available\b`),
	// Elasticsearch's launcher cannot run its bundled java: an old Docker's
	// seccomp profile refuses faccessat2, or the JDK is not readable by
	// the user the image runs as (a custom uid).
	pat("es_java_not_found", PermissionDenied, weightPrecise, "Elasticsearch's launcher cannot run its bundled java: on Docker before 20.10 (or an old libseccomp) the seccomp profile refuses the check it makes (faccessat2), so upgrade the engine; with a custom user, make the JDK directory readable and executable by it.", "could not find java in").matching(`(?i)\bcould not find java in (?:es_java_home|bundled jdk|java_home)\b`),
	// client-go's list refused with 401: the API server does not accept
	// the client's token or certificate (a deleted token Secret, an
	// expired certificate), not an RBAC denial (403, "forbidden").
	pat("apiserver_unauthorized", ConfigError, weightPrecise, "The API server rejects the client's credentials (401 Unauthorized): its token or certificate is invalid or expired (a deleted ServiceAccount token Secret, a rotated certificate, a kubeconfig from another cluster). Give it valid credentials; RBAC would answer 403 Forbidden instead.", "unauthorized", "provide credentials").matching(`(?i)\bfailed to (?:list|watch) \*?[\w./-]+: unauthorized\b|\bthe server has asked for the client to provide credentials\b`),
	// A RabbitMQ node that waits for the peers it last ran with (their
	// Mnesia tables) and gives up: after all nodes went down, OrderedReady
	// starts one at a time and the peers never come.
	pat("mnesia_peers_wait", DependencyUnavailable, weightSpecific, "The RabbitMQ node waits for the cluster peers it last ran with; with every node down and the StatefulSet's OrderedReady start, they never come: set podManagementPolicy: Parallel, or force_boot the node that stopped last (the chart's forceBoot), and remove the PVCs of an old cluster before a fresh install.", "timeout_waiting_for_tables", "waiting for mnesia tables"),
	// A RabbitMQ node whose virtual host is down or that has not booted:
	// the broker, not the client.
	// RabbitMQ's refusals on a live connection: a virtual host the broker
	// does not have (the name differs, or it was never created: a
	// setting), and an ack of a delivery tag the channel does not hold (the
	// code acks twice, or on another channel: a bug).
	pat("amqp_vhost_not_found", ConfigError, weightPrecise+2, "The broker has no virtual host of that name: names are case-sensitive; create the vhost (rabbitmqctl add_vhost, the operator's Vhost resource, definitions) or fix the vhost in the connection URL.", "vhost").matching(`(?i)\bNOT_ALLOWED - (?:vhost|virtual host) \S+ not found\b`),
	// SQLAlchemy's lazy load on an object whose session is gone: the
	// program's own bug (Airflow's scheduler reading a relation after its
	// session closed), also when a validation error wraps it.
	pat("sqlalchemy_detached", AppCrash, weightPrecise+1, "The program reads a database object's relation after the session that loaded it was closed (SQLAlchemy DetachedInstanceError): a bug in the program; upgrade to a release that fixes that code path.", "detachedinstanceerror").matching(`\bDetachedInstanceError\b`),
	pat("amqp_unknown_delivery_tag", AppCrash, weightPrecise+2, "The program acknowledged a message the channel does not hold (acked twice, acked after the channel was reopened, or on another channel): fix the code so each delivery is acked or nacked once, on its own channel.", "unknown delivery tag").matching(`(?i)\bPRECONDITION_FAILED - unknown delivery tag\b`),
	// NATS refusing a subject the user may not use (the client's "nats:
	// permissions violation for subscription to ...", the server's
	// "Subscription Violation - User ...").
	pat("nats_permissions_violation", PermissionDenied, weightPrecise+1, "The NATS server does not allow this user to publish or subscribe to that subject: add the subject to the user's permissions (authorization block, the account's JWT) or use a user that has it.", "permissions violation", "subscription violation", "publish violation").matching(`(?i)\bnats: permissions violation for (?:subscription|publish)\b|\b(?:Subscription|Publish) Violation - (?:User|Account) "`),
	// pika's bare AMQPConnectionError: every way to reach the broker
	// failed (refused, unresolved, timed out); a refused login is its
	// ProbableAuthenticationError subclass instead.
	pat("pika_connection_error", DependencyUnavailable, weightSpecific+1, hintDepend, "amqpconnectionerror").matching(`\bpika\.exceptions\.AMQPConnectionError\b`).without("probableauthenticationerror", "access_refused", "probableaccessdeniederror"),
	pat("rabbitmq_vhost_down", DependencyUnavailable, weightPrecise, hintDepend, "vhost_supervisor_not_running", "has not fully booted yet").matching(`(?i)\bvhost_supervisor_not_running\b|\bis not running or has not fully booted yet\b`),
	// Native code shipped for another platform than the image's (a build
	// made on Windows or macOS, a package installed outside the image).
	pat("native_for_other_platform", AppCrash, weightPrecise, "The image carries native code built for another platform (a build made on Windows or macOS, node_modules or a publish copied from the host): build or install it inside the image, for linux and the node's CPU.", "could not find a binding", "failed to load swc binary", "java.library.path", "is not supported on this platform").matching(`(?i)\bNode Sass could not find a binding for your current environment\b|\bFailed to load SWC binary for\b|\bUnsatisfiedLinkError: no \S+ in java\.library\.path\b|\bPlatformNotSupportedException: .{1,80} is not supported on this platform\b`),
	// Keys, secrets and values that cannot be used as given: .NET's
	// Data Protection keys not kept between pods, an SSH key that needs a
	// passphrase or was mangled, a value that carries a carriage return from
	// a CRLF env file, a JDBC URL built from a service-link variable, a JSON
	// config that starts with a byte-order mark.
	pat("key_or_value_unusable", ConfigError, weightPrecise+5, "", "key ring", "read_passphrase", "load key", "\\r", "malformed database url", "unexpected token").matching(`(?i)\bThe key \{?[0-9a-f-]{36}\}? was not found in the key ring\b|\bread_passphrase: can't open /dev/tty\b|\bLoad key \\?"[^"]+?\\?": (?:error in libcrypto|invalid format)\b|(?:\bparsing |literal for int\(\) with base 10: |Invalid value for '[^']+': )["']\w[^"'\s]*\\r["']|\bMalformed database URL, failed to parse the main URL sections\b|\bUnexpected token '?\x{FEFF}`),
	// An SSH server that refuses every key offered: the key is not the one
	// registered (a deploy key never added, another key mounted).
	pat("ssh_key_refused", ConfigError, weightPrecise, "The SSH server refused the key the container offers: register its public key (a deploy key) with the server, or mount the private key that is registered.", "permission denied (publickey").matching(`(?i)\bPermission denied \(publickey[),]`),
	// SSH refusing a config or key file others may write.
	pat("ssh_file_modes", PermissionDenied, weightPrecise+2, "SSH refuses a key or config file that others can read or write: mount it with defaultMode 0400/0600 and owned by the user the container runs as.", "bad owner or permissions").matching(`(?i)\bBad owner or permissions on \S+`),
	// Cassandra finding none of its seeds ("Unable to gossip with any
	// peers"): the seeds are down or their storage port is not reachable.
	pat("cassandra_no_peers", DependencyUnavailable, weightPrecise, hintDepend, "unable to gossip with any peers"),
	// Snowflake's connector getting no answer ("250003 (08001): ... Failed
	// to get the response. Hanging?"): the endpoint, or a proxy on the
	// way, is not reachable.
	pat("snowflake_no_response", DependencyUnavailable, weightPrecise, hintDepend, "failed to get the response").matching(`(?i)\b250003 \(08001\)|\bFailed to get the response\. Hanging\?`),
	// A server that is up but not ready: etcd throttling, Redis still
	// loading its dataset, the API server timing out a list, an S3 store
	// throttling ("SlowDown: Please reduce your request rate."), a DynamoDB
	// table over its provisioned throughput.
	pat("server_busy", DependencyUnavailable, weightPrecise+1, hintDepend, "too many requests", "is loading the dataset", "busyloadingerror", "unable to return a response in the time allotted", "reduce your request rate", "provisionedthroughputexceededexception").matching(`(?i)\bProvisionedThroughputExceededException\b|\betcdserver: too many requests\b|\bSlowDown: Please reduce your request rate\b|\bRedis is loading the dataset in memory\b|\bBusyLoadingError\b|\bthe server was unable to return a response in the time allotted\b`),
	// etcdutl refusing a snapshot with no integrity hash: the file was
	// copied from member/snap/db, not saved by `etcdctl snapshot save`.
	pat("etcd_snapshot_no_hash", ConfigError, weightPrecise+2, "The snapshot has no integrity hash (it is a copy of member/snap/db, not a file saved by etcdctl snapshot save): restore it with --skip-hash-check=true, or take the backup with etcdctl snapshot save.", "snapshot missing hash").matching(`(?i)\bsnapshot missing hash but --skip-hash-check=false\b`),
	// A schema check of the environment at start (t3-env's and zod's "❌
	// Invalid environment variables:", Infisical's "Invalid environment
	// variables. Check the error below"): variables missing or malformed.
	pat("env_schema_invalid", ConfigError, weightPrecise, hintEnv, "invalid environment variables").matching(`(?i)\binvalid environment variables\b`),
	// sglang's KV cache with no room left after the weights ("Not enough
	// memory. Please try to increase --mem-fraction-static."): the flag's
	// value, not the container's limit.
	pat("sglang_mem_fraction", ConfigError, weightPrecise+4, "The server's memory fraction leaves no room for its cache after the weights: raise --mem-fraction-static (or use a smaller model or more GPUs).", "increase --mem-fraction-static"),
	// OSRM started on data prepared for the other algorithm ("Required
	// files are missing, cannot continue. Have all the pre-processing steps
	// been run?"), and Valhalla's config without a key it needs ("No such
	// node (mjolnir.tile_extract)", boost's ptree_bad_path).
	pat("data_prep_missing", ConfigError, weightPrecise+2, hintFile, "required files are missing, cannot continue", "no such node (").matching(`(?i)\bRequired files are missing, cannot continue\b|\bNo such node \([\w.]+\)`),
	// listmonk on a database never installed ("the database does not
	// appear to be setup. Run --install."): the install step did not run.
	pat("listmonk_not_installed", ConfigError, weightPrecise, "The app's database schema was never installed: run its install step once (listmonk --install --yes, an init container or a Job) before starting it.", "database does not appear to be setup"),
	// Envoy refusing its bootstrap ("error initializing configuration
	// 'etc/istio/proxy/envoy-rev.json': Proto constraint validation
	// failed"): a value in the (overridden) bootstrap is out of range.
	pat("envoy_bootstrap_invalid", ConfigError, weightPrecise, hintParse, "proto constraint validation failed").matching(`(?i)\berror initializing configuration '[^']+': Proto constraint validation failed\b`),
	// MATLAB's licence refused for this machine ("License Manager Error
	// -9": the host id, often a MAC address, is not the licence's).
	pat("matlab_license_hostid", ConfigError, weightPrecise, hintAuth, "license manager error -9").matching(`(?i)\bLicense Manager Error -9\b`),
	// etcd over its space quota (its own or an embedded one): a setting
	// (quota, compaction), not a bug of the program that panics on it.
	pat("etcd_space_quota", ConfigError, weightPrecise+2, "etcd's database is over its space quota (mvcc: database space exceeded): compact and defragment it, disarm the NOSPACE alarm, and raise --quota-backend-bytes or turn on auto-compaction.", "database space exceeded").matching(`(?i)\bmvcc: database space exceeded\b`),
	// Node's spawn of a binary the kernel cannot execute (ENOEXEC: built
	// for another OS or CPU).
	pat("spawn_enoexec", ExecFormat, weightPrecise, hintArch, "unknown system error -8", "enoexec").matching(`(?i)\bspawn (?:\S+ )?Unknown system error -8\b|\bspawn \S+ ENOEXEC\b`),
	// ClickHouse's own memory limit while it loads its tables.
	pat("clickhouse_memory_limit", OOMKilled, weightPrecise+2, hintOOMLimit, "memory limit (total) exceeded", "memory_limit_exceeded").matching(`(?i)\bMemory limit \(total\) exceeded\b|\bMEMORY_LIMIT_EXCEEDED\b`),
	// A one-file bundle (PyInstaller) that unpacks itself into /tmp.
	pat("bundle_no_tmp", PermissionDenied, weightPrecise, "The program unpacks itself into a temporary directory and cannot create one: give it a writable /tmp (an emptyDir) under readOnlyRootFilesystem.", "cannot create temporary directory").matching(`(?i)\bINTERNAL ERROR: cannot create temporary directory!?`),
	// dockerize's wait for a dependency that gave up.
	pat("dockerize_wait_timeout", DependencyUnavailable, weightPrecise, hintDepend, "waiting on dependencies to become available").matching(`(?i)\bTimeout after \S+ waiting on dependencies to become available\b`),
	// The OpenTelemetry Collector (and other mapstructure users) refusing
	// its configuration: "'' has invalid keys: broker", "failed to get
	// config: cannot unmarshal the configuration".
	pat("collector_config", ConfigError, weightPrecise, hintParse, "has invalid keys", "cannot unmarshal the configuration", "failed to get config:"),
	// A Java keystore or truststore the program cannot open: the wrong
	// password, another store type (PKCS12 read as JKS, or a type a FIPS
	// JVM's providers do not offer: "PKCS12 KeyStore not available"), a
	// missing file.
	pat("java_keystore", ConfigError, weightPrecise, "The Java keystore or truststore cannot be opened: check its path (mounted from the Secret, with the key names the program expects), its type (PKCS12 or JKS) and the password given for it.", "keystore", "truststore", "key stores", "lengthtag", "unrecoverablekeyexception").matching(`(?i)\bkeystore was tampered with, or password was incorrect\b|\binvalid keystore format\b|\bDerInputStream\.getLength\(\): lengthTag=\d+, too big\b|\bcouldn't find the expected java key stores\b|\b(?:trust|key)store properties are not valid\b|\bUnrecoverableKeyException\b|\b(?:PKCS12|JKS|BCFKS) KeyStore not available\b|\bKeyStoreException: (?:PKCS12|JKS) not found\b`),
	// Windows' CryptoAPI refusing a PFX's password (.NET's
	// CryptographicException when Kestrel loads its certificate).
	pat("pfx_password", ConfigError, weightPrecise, "The certificate file does not open with the password given: check the PFX/PKCS12 file's password setting (Kestrel's Certificates:Default:Password, ASPNETCORE_Kestrel__Certificates__Default__Password) against the file in the Secret.", "the specified network password is not correct"),
	pat("node_lookup_timeout", DependencyUnavailable, weightPrecise, "", "querysrv etimeout", "connecttimeouterror", "connect timeout error"),
	// A download at start (an engine, a model, a plugin) that the server
	// answered with a 5xx: the server is failing, not the program.
	// A server's own 5xx, told by the client that asked it ("OIDC server
	// returned 503 status code" under Quarkus' OIDC setup): the server
	// is there but failing or not ready.
	// Also oauth2-proxy's "failed to discover OIDC configuration:
	// unexpected status \"502\"".
	pat("server_returned_5xx", DependencyUnavailable, weightPrecise, hintDepend, "returned 50", "unexpected status").matching(`(?i)\b(?:server|endpoint|upstream|api|service|provider) returned (?:an? )?(?:http )?(?:status )?(?:code )?50[0234]\b|\bfailed to discover oidc configuration: unexpected status \\?"?50[0234]\b`),
	// Shared file systems whose servers are down: CephFS with no MDS up,
	// GlusterFS's client that gets no volume file from glusterd.
	pat("shared_fs_server_down", DependencyUnavailable, weightPrecise+1, "The shared file system's servers are down or not reachable (CephFS MDS daemons, glusterd): bring them up (ceph -s, systemctl status glusterd) before the pods that mount it.", "no mds server is up", "volume file").matching(`(?i)\bno mds server is up or the cluster is laggy\b|\bfailed to (?:get|fetch) (?:the )?'?volume file'?\b`),
	// The NFS or SMB server a volume mounts from does not answer (down, or
	// a network between it and the node drops its packets): the mount's
	// own output, under a FailedMount event.
	pat("nfs_server_unreachable", DependencyUnavailable, weightPrecise+1, "The file server the volume mounts from does not answer: check it is up and exporting, and that the nodes can reach it (firewall, VLAN, routes): `showmount -e SERVER` from a node.", "mount.nfs", "mount error(113)").matching(`(?i)\bmount\.nfs4?: (?:connection timed out|connection refused|no route to host)\b|\bmount error\(113\): could not connect to\b`),
	// The kernel failing to bring up a USB device (a stick that died or
	// came loose): the device the container opens is not there.
	pat("usb_device_gone", DependencyUnavailable, weightPrecise+2, "The USB device is not working on the host (the kernel cannot enumerate it: a failed stick, a loose cable, too little power, a bad hub): replug or replace it, then restart the container; nothing in the container's settings changed.", "unable to enumerate usb device", "device descriptor read").matching(`(?i)\bunable to enumerate USB device\b|\bdevice descriptor read/\d+, error -\d+`),
	pat("fetch_server_error", DependencyUnavailable, weightPrecise, hintDepend, "internal server error", "bad gateway", "service unavailable", "gateway time").matching(`(?i)\bfailed to (?:fetch|download|get|retrieve)\b.{0,120}\b50[0234]\b\W{0,3}(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b|HTTPError: 50[234] Server Error: `),
	// An image's own start-up check that finds its native modules broken
	// (built for another platform or Node.js, or not installed): the image.
	pat("native_module_check", AppCrash, weightSpecific, hintModule, "native module").matching(`(?i)\bnative modules? (?:compatibility issues?|errors?) detected\b|\bnative modules? (?:are|is) not working\b`),
	// A server with no connection slots left refuses the program's
	// connection (PostgreSQL's, MySQL's and Redis's words for it): the
	// dependency is full, not down. The server's own log of it (PostgreSQL's
	// "[pid] FATAL: sorry, too many clients already") is what a loop of the
	// server itself shows when its probes cannot connect either, as does a
	// line that calls the pod "Unhealthy" for it.
	pat("server_connections_full", DependencyUnavailable, weightPrecise, "The server the program connects to has no free connection slots: find what holds them (idle connections, a pool per replica, leaked connections), raise the server's limit (max_connections, maxclients) or put a pooler in front.", "too many clients already", "remaining connection slots are reserved", "too many connections", "max number of clients reached", "no more connections allowed").matching(`(?i)\bsorry, too many clients already\b|\bno more connections allowed \(max_client_conn\)|"too many connections"|\bremaining connection slots are reserved\b|\b1040\b.{0,20}too many connections\b|\bconn=\d+\)\s*too many connections\b|(?:^|[:\]]\s*)too many connections\W{0,3}$|\bmax number of clients reached\b`).without("] fatal:  sorry", "] fatal: sorry", "unhealthy"),
	pat("server_refuses_own_clients", LivenessProbe, weightSpecific, "The server refuses new connections once its slots are full, so its probes fail as well and the kubelet restarts it: raise max_connections (and memory), or limit the clients' pools.", "too many clients already").matching(`(?i)\[\d+\]\s+FATAL:\s+sorry, too many clients already\b`),
	// Code built for a newer x86-64 level than the CPU's (often a virtual
	// CPU such as kvm64): sharp's prebuilt binaries, NumPy's baseline,
	// glibc of RHEL 9 and its rebuilds. It explains the module load or
	// import error printed above it, whatever that one's level.
	pat("x86_level_prebuilt", ExecFormat, weightPrecise+5, hintSigill, "microarchitecture", "baseline optimizations", "x86-64-v", "(x86_v", "cpu features that are required").matching(`(?i)\bUnsupported CPU: Prebuilt binaries for \S+ require v\d microarchitecture\b|\bNumPy was built with baseline optimizations\b|\bbut your machine doesn't support:?\s*\(X86_V\d|\bCPU does not support x86-64-v\d\b|\bdoes not support all of the following CPU features that are required by the image\b`),
	// Windows: an access violation (its segfault) and a DLL the image
	// lacks, by their NTSTATUS in any of its spellings; cmd's and
	// PowerShell's words for a command that does not exist; a package
	// installed on another platform (node_modules copied from Windows).
	pat("win_access_violation", Segfault, weightPrecise, hintNative, "c0000005", "3221225477", "1073741819").matching(`(?i)\b0x[cC]0000005\b|\b(?:exit(?:ed)?|code|restarting)\W{0,8}\(?(?:3221225477|-1073741819)\b`),
	pat("win_dll_not_found", AppCrash, weightPrecise, hintModule, "c0000135", "3221225781", "1073741515").matching(`(?i)\b0x[cC]0000135\b|\b(?:exit(?:ed)?|code|restarting)\W{0,8}\(?(?:3221225781|-1073741515)\b`),
	pat("win_not_recognized", CommandNotFound, weightPrecise+1, hintEntry, "is not recognized as").matching(`(?i)\bis not recognized as an internal or external command\b|\bis not recognized as (?:the )?name of a cmdlet\b`),
	pat("other_platform_package", AppCrash, weightPrecise+1, hintModule, "another platform", "invalid elf header").matching(`(?i)\binstalled \S+ for another platform than the one you're currently using\b|\.node: invalid ELF header\b`),
	pat("code_bug_words", AppCrash, weightPrecise, "", "is not compatible with this spring cloud release train", "duplicate metrics collector", "plugin was built with a different version", "cannot drop a runtime", "pendingmodelchangeswarning", "has pending changes. add a new migration", "the module at index"),
	// A build that left out a generated or installed piece: Prisma's
	// client or query engine, a driver Sequelize loads, a package's
	// subpath its exports no longer list, an engine the image lacks for its
	// platform that Prisma tries to download, a package.json pnpm does not
	// find where the image should have it.
	pat("build_piece_missing", AppCrash, weightPrecise, hintModule, "did not initialize yet", "could not locate the query engine", "package manually", "err_package_path_not_exported", "failed to fetch the engine file", "err_pnpm_no_importer_manifest_found"),
	// A client speaking TLS to a server that does not (or the reverse).
	pat("tls_plain_mismatch", ConfigError, weightPrecise+3, hintCert, "first record does not look like a tls handshake", "wrong version number", "http: server gave http response to https client").without("probe"),
	// `docker events` of a container that ends by itself again and again.
	// A last state printed as JSON in a log store's column (AKS's
	// KubePodInventory ContainerLastStatus): terminated, reason Completed.
	pat("json_last_completed", Completed, weightGeneric+4, "", "\"completed\"").matching(`"lastState":\s*"terminated",\s*"reason":\s*"Completed"`),
	pat("docker_die_exit0", Completed, weightGeneric+4, "", "exitcode=0", `"exitcode":"0"`, `"exitcode": "0"`).matching(`\bcontainer die\b.*\bexitCode=0\b|"(?:[Aa]ction|status)":\s*"die".*"exitCode":\s*"0"`),
	pat("fluentbit_sqldb", PermissionDenied, weightSpecific, "Fluent Bit cannot create its tail position database (the DB option of a tail input): the directory is read-only or not writable by its user (a readOnly hostPath or volume mount). Put DB on a writable volume, or drop the option.", "cannot open database").matching(`(?i)\[sqldb\] cannot open database\b`),
	pat("read_only_erofs", PermissionDenied, weightPrecise, hintReadOnly, "erofs").matching(`(?i)\berofs\b`),
	// A privileged port the program may not bind, in words ("Missing
	// capabilities to listen on 443", "needs NET_BIND_SERVICE to bind
	// port 80").
	pat("priv_port_words", PermissionDenied, weightPrecise, hintPrivPort, "capabilit", "net_bind_service").matching(`(?i)\b(?:missing|lacks?|lacking|without|no|needs?|requires?|not have|doesn't have)\s+(?:the\s+)?(?:[\w_]+\s+)?capabilit\w*\b.{0,40}\b(?:listen|bind)\w*\b|\b(?:needs?|requires?|missing|without|lacks?|lacking)\b[^.]{0,20}\bnet_bind_service\b.{0,40}\b(?:listen|bind)\w*\b|\b(?:listen|bind)\w*\b.{0,40}\b(?:without|missing|lacks?)\s+(?:the\s+)?(?:cap_)?net_bind_service\b`),
	// The bind refused itself, as runtimes and servers print it (Unbound's
	// "can't bind socket: Permission denied for 0.0.0.0 port 53" too).
	pat("priv_port", PermissionDenied, weightPrecise+1, hintPrivPort, "permission denied", "eacces").matching(`(?i)(bind\(\) to \S+:\d+ failed \(13|listen eacces|bind: permission denied|listen tcp :?\d*:? ?bind: permission|socketexception \(13\): permission denied|permission denied.*:(?:80|443)\b|can't bind socket: permission denied for)`),
	// A service account's refusal told without "is forbidden" (OpenShift's
	// oauth-proxy: "unable to retrieve authentication information for
	// tokens: User \"system:serviceaccount:ns:sa\" cannot create
	// tokenreviews..."): RBAC, whatever the line says of configuration.
	pat("rbac_sa_cannot", PermissionDenied, weightPrecise+2, hintRBAC, "system:serviceaccount:").matching(`(?i)\buser \\?"system:serviceaccount:[^"\\]+\\?" cannot (?:get|list|watch|create|update|patch|delete)\b`),
	// Grafana refusing to install a plugin that is now built in
	// ("plugin.forbiddenCorePluginInstall"): remove it from the list.
	pat("grafana_core_plugin", ConfigError, weightPrecise+2, "The plugin is part of Grafana now: remove it from GF_INSTALL_PLUGINS (or the chart's plugins list).", "core plugin and cannot be installed", "forbiddencoreplugininstall"),
	// Kafka's log directory on a volume whose root holds lost+found (an
	// ext4 PVC mounted straight at log.dirs): set log.dirs to a
	// subdirectory.
	pat("kafka_lost_found", ConfigError, weightPrecise+1, "The volume's root holds lost+found (ext4) and Kafka takes every directory there for a partition: point log.dirs at a subdirectory of the mount.", "is not in the form").matching(`(?i)\bfound directory \S*lost\+found, 'lost\+found' is not in the form\b`),
	// The API server refusing to create the pod at all for what its
	// securityContext asks (a PodSecurity level, an OpenShift SCC, a
	// PodSecurityPolicy, a policy webhook), as a controller's FailedCreate
	// event says.
	pat("pod_admission_refused", PermissionDenied, weightPrecise+1, "The API server refuses to create the pod because its securityContext asks for more than the namespace's policy allows (a PodSecurity level, an OpenShift SCC, a Gatekeeper or Kyverno policy): drop what the container does not need (privileged, host namespaces, hostPath, root, capabilities), or have the namespace's policy changed.", "podsecurity", "security context constraint", "denied the request").matching(`(?i)\bviolates PodSecurity "|\bPodSecurityPolicy: unable to admit pod\b|\bunable to validate against any security context constraint\b|\badmission webhook "[^"]+" denied the request:.{0,200}\b(?:privileged|host ?(?:path|network|pid|ipc|namespace)|runAsNonRoot|runAsUser|run as root|capabilit|securityContext|allowPrivilegeEscalation|seccomp|apparmor)`),
	pat("rbac", PermissionDenied, weightPrecise, hintRBAC, "is forbidden").matching(`(?i)is forbidden: User \\?"[^"\\]+\\?" cannot`),
	// The API's refusal without its "User ... cannot" tail, as a title
	// quotes it ("\"kong-proxy\" is forbidden:", "services \"x\" is
	// forbidden"; a quoted path an access log forbids does not count), and
	// RBAC that lacks a permission in anyone's words ("the addon's RBAC is
	// missing configurationstates permissions").
	pat("rbac_words", PermissionDenied, weightPrecise, hintRBAC, "forbidden", "permission", "have access", "cannot get resource", "cannot list resource", "cannot watch resource", "cannot create resource", "cannot update resource", "cannot patch resource", "cannot delete resource").matching(`(?i)\b(?:user|serviceaccount) \\?"[^"]+\\?" cannot (?:get|list|watch|create|update|patch|delete|deletecollection) resource \\?"|\b(?:configured )?service ?account (?:doesn't|does not) have access\b|\b[a-z][a-z0-9-]*s(?:\.[a-z0-9.-]+)? "[^"]+" is forbidden\b|\b(?:configmaps|secrets|pods|services|endpoints|endpointslices|nodes|namespaces|deployments|replicasets|statefulsets|daemonsets|jobs|cronjobs|leases|events|serviceaccounts|persistentvolumes|persistentvolumeclaims|ingresses|networkpolicies|customresourcedefinitions)(?:\.[a-z0-9.-]+)? is forbidden\b|"[^"]+" is forbidden:|\b(?:rbac|cluster ?roles?|role ?bindings?|service ?accounts?)\b.{0,20}\b(?:is |are )?(?:missing|lacks?|lacking|without|not granting|doesn't (?:have|grant)|does not (?:have|grant))\b.{0,60}\bpermissions?\b|\b(?:missing|insufficient|lacking) (?:rbac )?permissions?\b.{0,40}\b(?:rbac|cluster ?role|role|service ?account)\b`),
	// client-go's report of a 403 without a status body: "unknown (get
	// pods)", "the server does not allow access to the requested resource".
	pat("rbac_bodyless", PermissionDenied, weightPrecise, hintRBAC, "unknown (", "does not allow access to the requested resource").matching(`(?i)\bunknown \((?:get|list|watch|create|update|patch|delete|deletecollection) [\w.]+\)|\bthe server does not allow access to the requested resource\b`),
	// AWS's refusal of a key that is not valid (deleted, mistyped, of a
	// recreated user): the credentials given, though it answers 403.
	pat("aws_bad_key", ConfigError, weightPrecise+1, hintAuth, "invalidclienttokenid", "security token included in the request is invalid", "signaturedoesnotmatch", "invalidaccesskeyid", "aws access key id you provided does not exist"),
	// The cloud identity the pod is set to use does not exist as written:
	// GKE's Workload Identity names a Google service account IAM does not
	// know ("Gaia id not found for email"), Azure's managed identity
	// endpoint has no identity of the client id given.
	pat("cloud_identity_unknown", ConfigError, weightPrecise, "The cloud identity the pod is told to use does not exist as written: check the ServiceAccount's annotation (iam.gke.io/gcp-service-account, azure.workload.identity/client-id) or the client id setting against the identity's real email or client id (not its principal id).", "gaia id not found", "has not been assigned to this resource").matching(`(?i)\bGaia id not found for email\b|\bThe requested identity has not been assigned to this resource\b`),
	// A cloud API that fails on its side (AWS SDK v2's "https response
	// error StatusCode: 500" after its retries ran out): the provider's
	// service is down, not the pod's settings.
	// PHP's Guzzle and libcurl's own codes for a server it could not reach
	// ("cURL error 7: Failed to connect to minio.storage.svc port 9000",
	// 6: the host does not resolve, 28: timed out), also where a console
	// wrapped the message at its width.
	pat("curl_unreachable", DependencyUnavailable, weightSpecific+1, hintDepend, "curl error").matching(`(?i)\bcURL error (?:6|7|28): `),
	pat("cloud_api_5xx", DependencyUnavailable, weightSpecific+1, hintDepend, "https response error statuscode: 5", "exceeded maximum number of attempts").matching(`(?i)\bhttps response error StatusCode: 5\d\d\b|\bexceeded maximum number of attempts, \d+, [^\n]{0,80}\bStatusCode: 5\d\d\b`),
	pat("identity", PermissionDenied, weightPrecise, hintIdentity, "403", "notauthorized", "not authorized to", "accessdenied", "authorizationfailed", "does not have permission", "permission_denied", "code = permissiondenied", "(403)", "code=403", "hvac.exceptions.forbidden").matching(`(?i)(forbidden: 403\b|\bhvac\.exceptions\.Forbidden\b|\bpermission '[\w.]+' denied\b|\bdoes not have [\w.]+ access\b|error 403|code:? 403|403 forbidden|status(?: code)?:? 403|status\(403\)|"code":\s*403\b|\bcode=403\b|notauthorized|not authorized to|\baccessdenied\b|authorizationfailed|does not have (?:the )?permission|permission_denied|code = permissiondenied)`).without("probe failed", "probe errored", "no accessdenied", "no access denied", "no 403", "permissions look fine", "permissions are fine", "permissions seem fine", "permissions look ok", "permissions look correct"),
	// SQLite cannot open or create its database file: in public reports
	// almost always a data directory its (non-root) user may not write.
	pat("sqlite_cantopen", PermissionDenied, weightSpecific+2, "SQLite cannot create or open its database file: make the data directory writable by the container's user (fsGroup, or chown the volume), and check the path exists.", "unable to open database file", "sqlite_cantopen").matching(`(?i)\bunable to open database file\b|\bSQLITE_CANTOPEN\b`),
	pat("pg_data_perm", PermissionDenied, weightPrecise, hintPerm, "has wrong ownership", "has invalid permissions", "must be accessible by owner only", "bad permissions", "are too open", "unprotected private key file", "could not change permissions", "could not change directory to", "has group or world access", "permissions should be u=", "permissions should be 0", "must be owned by the", "can only be writable by the owner", "only be writable by the owner"),
	pat("db_privilege", ConfigError, weightPrecise, "The database user lacks a privilege: grant it, or use the right user.", "permission denied for "),
	// (Elasticsearch's own guess, "maybe these locations are not writable
	// or multiple nodes were started ...", names both causes: the line
	// under it, AccessDeniedException or "Lock held by another program",
	// decides.)
	pat("es_path_access", PermissionDenied, weightPrecise, hintPerm, "unable to access 'path.", "maybe these locations are not writable", "file access denied", "access is denied").without("or multiple nodes were started"),
	// mlock needs the IPC_LOCK capability; "cannot allocate memory" here is
	// not about memory.
	// Elasticsearch's mlockall refused with ENOMEM (error=12) and its
	// bootstrap check after it: the memlock ulimit is too low, a setting
	// of the runtime, not a missing capability.
	pat("memlock_ulimit", ConfigError, weightPrecise+2, "The process may lock no more memory than its memlock ulimit allows: raise it (Compose: ulimits: memlock: -1; Kubernetes: the runtime's default ulimits on the node) or turn memory locking off (Elasticsearch: bootstrap.memory_lock: false).", "error=12", "memory is not locked", "memlock may be too low").matching(`(?i)\bunable to lock jvm memory: error=12\b|\bmemory locking requested for \S+ process but memory is not locked\b|\bMEMLOCK may be too low\b`),
	// A limit nginx raises for itself (worker_rlimit_nofile) above the
	// hard limit the runtime gives the container: a setting of one or the
	// other, not a denial. (A script's `ulimit -n` that "cannot modify
	// limit" is left to the permission rules: round 12's was fixed by
	// running privileged.)
	pat("rlimit_above_hard", ConfigError, weightPrecise+2, "The program asks for a higher limit than the container runtime allows (its hard ulimit): lower the program's setting (nginx: worker_rlimit_nofile) or raise the runtime's default ulimits on the node (containerd's LimitNOFILE, Docker's --default-ulimit).", "setrlimit(").matching(`(?i)\bsetrlimit\(RLIMIT_\w+, \d+\) failed \(1: Operation not permitted\)`),
	pat("mlock", PermissionDenied, weightPrecise+1, "The process may not lock memory: add the IPC_LOCK capability to the container's securityContext, or disable mlock in its configuration (Vault: disable_mlock = true).", "failed to lock memory", "mlock syscall is not available", "mlockall failed", "unable to lock jvm memory"),
	// A program that checks its own capabilities before it starts
	// (Collabora's coolforkit, network daemons) names the one it lacks:
	// "Capability cap_chown is not set for the coolforkit program",
	// "missing capability CAP_NET_ADMIN".
	pat("capability_missing", PermissionDenied, weightSpecific+2, "The process lacks a Linux capability it needs: add it to the container's securityContext.capabilities.add (and allow it in the namespace's policy), or stop dropping it (capabilities.drop: [ALL], no-new-privileges).", "cap_").matching(`(?i)\bcapabilit(?:y|ies) \x60?cap_[a-z_]+\x60? (?:is|are) not (?:set|available|present|granted|permitted)\b|\b(?:missing|lacks?|lacking|without) (?:the )?(?:capabilit(?:y|ies) )?\x60?cap_[a-z_]+\b|\bcap_[a-z_]+ (?:capability )?(?:is )?(?:not (?:set|available|permitted|granted)|missing)\b`),
	// A device or network ioctl the kernel refuses with EPERM (a TUN
	// device, a route, a raw socket's option): a capability the pod lacks
	// (NET_ADMIN most often), whatever assertion on its result follows
	// ("[tun] ERROR: ioctl failed. (1:Operation not permitted)", then
	// "Assertion `rv == OGS_OK' failed").
	pat("ioctl_not_permitted", PermissionDenied, weightPrecise+6, "The kernel refused an ioctl on a device or the network: the container lacks the capability it needs (NET_ADMIN for TUN devices and routes): add it to securityContext.capabilities.add, or run the pod privileged where the cluster allows it.", "ioctl").matching(`(?i)\bioctl\b[^\n]{0,60}\b(?:operation not permitted|eperm)\b`),
	// A process that starts as root and switches to another user
	// (supervisord, gosu, su-exec) cannot when SETUID/SETGID are dropped.
	pat("setuid_refused", PermissionDenied, weightSpecific+2, "The process cannot switch to its user: the pod drops the SETUID/SETGID capabilities (capabilities.drop: [ALL]) or forbids privilege escalation; add SETUID and SETGID back, or run the container as that user from the start (runAsUser).", "setuid", "setgid", "set groups", "setgroups").matching(`(?i)\b(?:couldn't|could not|can't|cannot|unable to|failed to) (?:setuid|setgid|set groups|setgroups|change to user)\b|\bset(?:uid|gid|groups)(?:\(\))?(?: failed)?: operation not permitted`),
	// An explicit denial outranks a symptom of one ("cannot create directory").
	// ownCloud's and Nextcloud's console refuses to run as another user than
	// the owner of config.php (files left owned by root, a changed uid).
	pat("occ_file_owner", PermissionDenied, weightPrecise, hintPerm, "has to be executed with the user that owns the file"),
	// A directory, link or file the entrypoint makes that is already there:
	// what an earlier start of the same container or volume left, not a
	// denial ("mkdir: cannot create directory '/tmp/x': File exists").
	pat("create_exists", ConfigError, weightSpecific+2, "A path the entrypoint creates is already there, left by an earlier start of the same container or volume: make the step accept an existing path (mkdir -p, ln -sf) or remove what the last start left (recreate the container, empty the volume's directory).", "file exists").matching(`(?i)\b(?:cannot|can't|could not|couldn't|unable to|failed to) (?:create|make) (?:the )?(?:directory|dir|symbolic link|symlink|link|file|fifo)\b.{0,200}\bfile exists\b`),
	// The same for a network link, interface or route the program adds
	// ("Error adding vxlan link host:vx-e1-1: file exists", "RTNETLINK
	// answers: File exists"): left by its last start in the same pod's or
	// node's network namespace.
	pat("link_exists", ConfigError, weightSpecific+2, "A network interface, link or route the program adds is already there, left by its last start in the same pod's (or node's) network namespace: remove it, or delete the pod for a fresh network namespace, or make the program reuse what exists.", "file exists").matching(`(?i)\b(?:error|failed|cannot|can't|unable to)\b.{0,20}\b(?:add(?:ing)?|creat(?:e|ing))\b.{0,40}\b(?:link|interface|veth|vxlan|bridge|route|macvlan|tunnel)\b.{0,80}:\s*file exists\b|\brtnetlink answers: file exists\b`),
	// A program that cannot make a directory it names ("Panic occurred Can't
	// create Snapshots directory" under OpenShift's arbitrary user, Vert.x's
	// "Unable to create folder at path '/tmp/vertx-cache/...'"): most
	// often the volume is not writable by the container's user. Not when the
	// path is already there, its parent is missing or the disk is full.
	pat("create_named_dir", PermissionDenied, weightGeneric+5, hintPerm, "create").matching(`(?i)\b(?:can't|cannot|can not|could not|couldn't|unable to|failed to) create (?:the |a |its )?(?:[\w.-]+ ){0,2}(?:directory|dir|folder)\b`).without("file exists", "no such file or directory", "no space left on device", "disk quota exceeded", "temporary directory"),
	chmodRefused,
	pat("permission_denied_words", PermissionDenied, weightSpecific+1, hintPerm, "permission denied", "eacces", "operation not permitted").without("permission denied for ", "password", "access denied for user", "mbind: operation not permitted", "changing permissions of", "changing ownership of", "changing group of").matching(`(?i)permission denied|\beacces\b|operation not permitted`),
	// Jupyter's traceback for a home it cannot write starts at traitlets'
	// "KeyError: 'runtime_dir'" (the default it then fails to create under
	// ~/.local/share/jupyter); pastes often stop before the PermissionError.
	pat("jupyter_runtime_dir", PermissionDenied, weightSpecific, "Jupyter cannot create its runtime directory under the home directory ($HOME/.local/share/jupyter): the home is not writable by the user the container runs as; mount a writable home (a volume with fsGroup) or fix its owner in the image.", "runtime_dir").matching(`^\s*KeyError: 'runtime_dir'\s*$`),
	// A user ID the image's /etc/passwd does not have (OpenShift's
	// arbitrary UIDs, a runAsUser the image never created): Python's
	// getpwuid fails, and HOME falls back to / where it may not write.
	pat("uid_without_passwd", PermissionDenied, weightPrecise, "The container runs as a user ID the image's /etc/passwd does not list (OpenShift assigns arbitrary UIDs; a runAsUser the image never created): set HOME (and USER) to a writable directory in the pod spec, or build the image to support arbitrary UIDs (a passwd entry, group 0 with group-writable directories).", "getpwuid").matching(`(?i)\bgetpwuid\(\): uid not found\b`),
	// Java's refused file as the cause in a stack trace, also when a JSON
	// log (Elasticsearch's error.stack_trace) holds the whole trace on the
	// line of a message that could be read either way.
	pat("java_file_access_denied", PermissionDenied, weightSpecific+1, hintPerm, "accessdeniedexception: /").matching(`(?i)caused by: java\.nio\.file\.AccessDeniedException: /`),
	pat("permission", PermissionDenied, weightSpecific, hintPerm, "permission denied", "operation not permitted", "eperm", "accessdeniedexception", "permissionerror", "unauthorizedaccessexception", "access to the path", "drive access denied", "errno::eacces", "insufficient permissions", "cannot create directory", "unable to create directory", "readonly database", "read-only database", "read-only directory", "must be accessible by owner only", "is not writable", "not writable").without("permission denied for ", "password", "access denied for user", "no space left on device", "disk quota exceeded", "or multiple nodes were started", "mbind: operation not permitted", "invalid setter method"),
	// EACCES as a word (Node's "EACCES: permission denied", "Error: EACCES"),
	// not inside another (Squid's aclParseAccessLine).
	pat("permission_eacces", PermissionDenied, weightSpecific, hintPerm, "eacces").matching(`(?i)\beacces\b`),
	// A database or broker refusing what the user's role may not do: PostgreSQL's
	// "permission denied for schema public", MongoDB's "not authorized on
	// catalog to execute command", RabbitMQ's "access to vhost ... refused".
	pat("service_denies_role", PermissionDenied, weightPrecise+1, "The service accepted the login but the user's role may not do this: grant the role what it needs (PostgreSQL: GRANT ... ON SCHEMA public; MongoDB: readWrite on the database; RabbitMQ: set_permissions on the vhost), or use a user that has it.", "permission denied for", "not authorized on", "access to vhost").matching(`(?i)\bpermission denied for (?:schema|table|relation|database|sequence|function) \S+|\bnot authorized on \S+ to execute command\b|\baccess to vhost '[^']+' refused for user\b`),
	// Java opening a file it may not write: the JVM says "(Permission
	// denied)" after the path, also inside a logging framework's
	// configuration error.
	pat("java_file_denied", PermissionDenied, weightPrecise+1, hintPerm, "(permission denied)").matching(`(?i)\bFileNotFoundException: \S+ \(Permission denied\)`),

	// Credentials and certificates: the dependency answered.
	pat("db_auth", ConfigError, weightPrecise, hintAuth, "password authentication failed", "password authentication failure", "no password supplied", "no password provided", "fe_sendauth", "access denied for user", "authentication failed", "wrongpass", "noauth", "invalid password", "invalid username or password", "login failed for user", "auth failed", "login was refused using authentication mechanism", "access-refused", "probableauthenticationerror", "unable to validate user", "failed authentication due to", "mongoparseerror: password contains", "refused: not authorized", "refused, not authorized", "refused: bad user name or password", "refused: bad username or password", "invalid credentials", "bad credentials", "sasl authentication", "invalidclienttokenid", "signaturedoesnotmatch", "security token included in the request is invalid", "invalid_grant", "access key id you provided does not exist", "unable to locate credentials", "no ec2 imds role found", "nocredentialproviders", "no valid credential", "unauthorized: authentication required", "401 unauthorized", "status code 401", "must provide credentials", "asked for the client to provide credentials", "incorrect username or password", "username or password not allowed",
		// MQTT's CONNACK refusing the login ("Connection refused, return code:
		// `BadUserNamePassword`"), Spring Cloud Config's client refused
		// ("HttpClientErrorException$Unauthorized: 401").
		"badusernamepassword", "badusernameorpassword", "return code: `notauthorized`", "unauthorized: 401").
		// (The ConfigMap "extension-apiserver-authentication" that failed to
		// load is no login that failed.)
		without("extension-apiserver-authentication failed"),
	// A login the program or the reporter says fails ("unable to login to
	// the databases", "could not authenticate with the broker").
	pat("login_words", ConfigError, weightPrecise, hintAuth, "log", "sign", "authenticat").matching(`(?i)\b(?:unable|can't|cannot|could not|couldn't|fails?|failed|failing)\s+(?:to\s+)?(?:log ?in|sign ?in|authenticate)\b\s*(?:to|into|with|against|on)?\s*(?:the |its |our |their )?(?:\w+ )?(?:database|db|postgres\w*|mysql|mariadb|mongo\w*|redis|rabbitmq|broker|ldap|registry)s?\b`),
	// A client's own login refused for its user or password ("Unable to
	// Login: {...\"error\":403,\"reason\":\"User not found\"}"): the
	// credentials it was given, whatever status the server answers with.
	pat("login_refused", ConfigError, weightPrecise+2, hintAuth, "login").matching(`(?i)\b(?:unable to|failed to|could not|cannot) log ?in\b.{0,120}\b(?:user not found|unknown user|invalid (?:credentials|password|username|user)|wrong (?:password|credentials)|incorrect (?:password|credentials))`),
	// MariaDB's transaction coordinator log (tc.log) left damaged on the
	// volume by an unclean stop.
	pat("tc_log_damaged", ConfigError, weightPrecise, "The server's transaction coordinator log (tc.log) on the data volume is damaged, left by an unclean stop: delete the tc.log in the data directory (or start once with --tc-heuristic-recover=rollback), then start normally.", "bad magic header in tc log", "can't init tc log"),
	// A PostgreSQL replica whose timeline left the primary's (a failover
	// it did not follow): its data on the volume must be rebuilt.
	pat("pg_timeline_diverged", ConfigError, weightPrecise, "The replica's data has a timeline the primary's history does not contain (it diverged at a failover): rebuild the replica from the primary (delete its volume or run pg_rewind), or let the operator re-clone it.", "is not a child of this server's history"),
	// RabbitMQ's Kubernetes peer discovery refused by the API server.
	pat("k8s_api_refused", PermissionDenied, weightPrecise+2, hintPerm, "from kubernetes api: 40").matching(`(?i)\bfrom kubernetes api: 40[13]\b`),
	// Kubelet events retold in a report's words: "Unhealthy" -> "Killing".
	pat("probe_kill_words", LivenessProbe, weightSpecific, "", "killing").matching(`(?i)\bunhealthy"?\s*(?:->|→|,|then|and)\s*"?killing\b`),
	// A config file pasted with its daemonize switch on (php-fpm.conf's
	// "daemonize = yes", redis.conf's "daemonize yes" copied from a VM):
	// the server goes to the background and the container's process ends.
	pat("daemonize_setting", Completed, weightSpecific, "The server is told to daemonize: it forks into the background and the container's process exits. Set daemonize = no (php-fpm), daemonize no (Redis) or run it with its foreground flag.", "daemoni").matching(`(?i)^\s*daemoni[sz]e\s*=?\s*(?:yes|true|on)\s*;?\s*$`),
	// A server told to daemonize (mongod --fork): the parent the
	// container runs exits once its child starts.
	pat("daemon_forked", Completed, weightSpecific, "The program forks into the background and its first process, the container's, exits: run it in the foreground (drop --fork / daemonize options).", "parent exiting", "about to fork child process").matching(`(?i)\bchild process started successfully, parent exiting\b|\babout to fork child process\b`),
	pat("tls_cert", ConfigError, weightPrecise, hintCert, "x509:", "certificate verify failed", "pkix path building failed", "unable to find valid certification path", "certificate_verify_failed", "self signed certificate", "self-signed certificate", "unable to get local issuer certificate", "certificate has expired", "sslhandshakeexception", "tls: failed to verify", "unable_to_verify_leaf_signature", "cert_has_expired", "invalid peer certificate", "the remote certificate is invalid because of errors in the certificate chain").without("using insecure, self-signed", "using self-signed", "generating self-signed", "generated self-signed", "generating a self-signed", "creating self-signed"),
	// An expired certificate named as the crash's cause in words or by a
	// JVM's exception ("webhook crashlooping on certificate expiration",
	// "CertificateExpiredException"); a log line announcing when its
	// certificate expires is not.
	pat("cert_expired_words", ConfigError, weightPrecise, hintCert, "expir").matching(`(?i)\bcertificateexpiredexception\b|\b(?:cert(?:ificate)?s?) (?:has |have |had |is |are |was |were )?expired\b|\bexpired (?:tls |ssl |x509 |serving |webhook )?cert(?:ificate)?s?\b|\b(?:crash\w*|fail\w*|restart\w*) (?:on|after|due to|because of) (?:the )?(?:tls |ssl |webhook )?cert(?:ificate)?s? expir(?:ation|y)\b`).without("not expired", "isn't expired", "is not expired", "renewed", "will expire", "expires in"),
	pat("db_missing", ConfigError, weightSpecific+1, "The database or role named in the connection settings does not exist on the server: create it or fix the name.", "does not exist", "unknown database", "nodatabaseerror").matching(`(?i)((database|role) "[^"]+" does not exist|unknown database|nodatabaseerror)`),

	// Dependencies that cannot be reached.
	// An agent's check of the server it registers with (Rancher's
	// "https://rancher.example.com is not accessible").
	// The same agent's check answered with a 4xx: the server is up and
	// refuses the request, so the URL names the wrong server or path (an
	// agent given the Kubernetes API's address instead of its server's).
	pat("url_refused_4xx", ConfigError, weightSpecific+2, "The server answered, but refused the request (an HTTP 4xx): the URL the agent was given names the wrong server or path (for example the Kubernetes API on :6443 instead of the server's own URL), or its token is wrong. Fix the server URL or token in its settings.", "is not accessible").matching(`(?i)\bhttps?://\S+ is not accessible \(the requested url returned error: 4\d\d\b`),
	pat("url_not_accessible", DependencyUnavailable, weightSpecific+1, hintDepend, "is not accessible").matching(`(?i)\bhttps?://\S+ is not accessible\b`),
	// Kafka clients (Sarama) that reach no broker at start.
	pat("kafka_no_brokers", DependencyUnavailable, weightSpecific+1, hintDepend, "run out of available brokers", "is your cluster reachable"),
	// Clients that name a server they cannot reach in their own words:
	// NATS with none up, Prisma's P1002 (reached, then no answer), redis-py's
	// timeout, MySQL's "Unknown server host" (a name that does not resolve).
	pat("client_unreachable", DependencyUnavailable, weightSpecific+1, hintDepend, "no servers available for connection", "was reached but timed out", "timeout connecting to server", "unknown server host", "unknown mysql server host", "no alive nodes found", "could not reach host").matching(`(?i)\bno alive nodes found in your cluster\b|\bCould not reach host \S+\. Check your network connection\b|\bnats: no servers available for connection\b|\bwas reached but timed out\b|\btimeout connecting to server\b|\bunknown (?:mysql )?server host\b`),
	// An upstream service refusing for a quota or rate limit (HTTP 429):
	// it answers, but will not serve the program until the window passes.
	pat("http_429", DependencyUnavailable, weightSpecific+3, "An upstream service refuses the program for its rate limit or quota (HTTP 429): wait for the window to pass, lower how often the container calls it (a restart loop makes it worse), or raise the quota.", "429", "too many requests", "rate limit", "download limit", "ratelimited", "rate-limited", "too many certificates", "too many failed authorizations", "quota", "requestlimitexceeded", "request limit exceeded", "rate exceeded", "resourceexhausted", "resource_exhausted", "ratelimiterror", "overloaded_error", "flood control", "retryafter", "sessions remaining", "secondary rate limit", "toomanyrequests", "retry later", "too many registrations", "too many requests").matching(`(?i)\b(?:status(?: code)?:? 429\b|429 too many requests\b|http(?:/[\d.]+)? 429\b|error: 429 ::)|\b(?:rate limit|download limit|api rate limit) (?:exceeded|reached)\b|\brate[- ]?limited\b|\btoo many (?:certificates|failed authorizations)\b|\bexhausted (?:your |the |its )?(?:daily |monthly )?quota\b|\bTerminalQuotaError\b|\b(?:api|request|daily|rate|usage) quota (?:exceeded|exhausted|reached)\b|\bquota exceeded for quota metric\b|\bexceeded your current quota\b|\binsufficient_quota\b|\bRequestLimitExceeded\b|\brequest limit exceeded\b|\bThrottling(?:Exception)?: Rate exceeded\b|\bResourceExhausted\b[^\n]{0,60}\b(?:quota|429|exhausted)|\bRESOURCE_EXHAUSTED\b[^\n]{0,60}\bquota|\bRateLimitError\b|\boverloaded_error\b|\bflood control exceeded\b|\bnot enough sessions remaining\b|'ratelimited'|"ratelimited"|\bsecondary rate limit\b|\brate limit quota exceeded\b|\btoomanyrequests\b|\b429\b[^\n]{0,40}\bretry later\b|\btoo many registrations\b|\breceived too many requests\b`).without("disk quota", "larger than max", "n't rate limited", "not rate limited", "n't been rate limited", "not been rate limited", "never rate limited", "never been rate limited"),
	// Kafka's broker that gives up reaching ZooKeeper at start.
	pat("zk_client_timeout", DependencyUnavailable, weightSpecific+1, hintDepend, "zookeeperclienttimeoutexception"),
	// An MQTT broker's answer "Connection refused: Not authorized" (or "bad
	// user name or password") is the broker up and refusing the client's
	// credentials: db_auth reads it, not this.
	pat("conn_refused", DependencyUnavailable, weightSpecific+1, hintDepend, "connection refused", "econnrefused", "connectexception", "actively refused", "[errno 111] connect call failed", "refused. check that the hostname").without("readiness probe failed", "liveness probe failed", "startup probe failed", "health check failed for host", "refused: not authorized", "refused: bad user name or password", "refused: bad username or password", "refused, not authorized", "refused: identifier rejected", "return code: `badusernamepassword`", "return code: `notauthorized`", "return code: badusernamepassword", "probe connection refused", "probes connection refused", "probe (connection refused", "probe: connection refused"),
	// Erlang's epmd cannot resolve the node's own DNS name (a headless
	// Service's pod name before its record is published). A bare host name
	// (a container ID under Compose) is a setting, read elsewhere.
	// A host setting that holds a variable's whole assignment
	// ("{:nxdomain, ~c\"MQTT_HOST=mosquitto\", 1883}": a Compose
	// environment map written as a list item): the value is wrong, not
	// the server down.
	pat("host_is_assignment", ConfigError, weightPrecise+1, "The host name the app resolves is a whole VAR=value assignment: the environment is written wrong (a Compose map entry written as `KEY=value`, or quotes around both); set the variable to the host name alone.", "nxdomain", "no such host", "unknownhostexception", "enotfound", "could not translate host name").matching(`(?i)(?:nxdomain|no such host|unknownhostexception|enotfound|could not translate host name)\W{1,6}(?:~c)?["'\x60]?(?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]*)=[\w.-]+|\blookup (?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]*)=[\w.-]+`),
	// Erlang's and Elixir's resolver failing ("Connection failed:
	// {:nxdomain, ~c\"mqtt.local\", 1883}").
	// .NET's socket error 11 (EAI_AGAIN on Linux): the name's lookup failed
	// for now (cluster DNS down or unreachable, a Service not there yet).
	pat("dotnet_eai_again", DependencyUnavailable, weightPrecise, "The name did not resolve (EAI_AGAIN): check the Service name and namespace, that the Service exists, and that cluster DNS answers from this pod (a NetworkPolicy may block port 53).", "resource temporarily unavailable (").matching(`\bHttpRequestException: Resource temporarily unavailable \([\w.-]+(?::\d+)?\)`),
	pat("beam_nxdomain", DependencyUnavailable, weightSpecific+1, "The name does not resolve: check the Service name and namespace (svc.namespace.svc.cluster.local), that the Service exists, and cluster DNS.", "nxdomain", "non-existing domain").matching(`(?i)\{:?nxdomain\b|\berror, :?nxdomain\b|\breason => nxdomain\b|\(Mint\.TransportError\) non-existing domain\b|\bnon-existing domain - :nxdomain\b`),
	// A shell script probing a service through bash's /dev/tcp: the name
	// does not resolve ("line 15: mongo: Try again", EAI_AGAIN's words),
	// so the connection is refused as "Invalid argument".
	pat("bash_dev_tcp", DependencyUnavailable, weightSpecific+1, hintDepend, "/dev/tcp/", "try again").matching(`/dev/tcp/[\w.-]+/\d+: (?:Invalid argument|Connection refused|Connection timed out|No route to host|Name or service not known)|\bline \d+: [\w.-]+: Try again$`),
	pat("epmd_nxdomain", DependencyUnavailable, weightSpecific+1, "The node's own DNS name does not resolve yet: the headless Service publishes a pod's record only once the pod is ready (or with publishNotReadyAddresses: true); set that on the Service, or wait before starting the node.", "nxdomain").matching(`(?i)\bepmd error for host [\w-]+\.[\w.-]+: nxdomain\b`),
	// nslookup's answer for a name the cluster DNS does not know (an init
	// container waiting for a Service that does not exist yet).
	pat("nslookup_nxdomain", DependencyUnavailable, weightSpecific+1, "The name does not resolve: check the Service name and namespace (svc.namespace.svc.cluster.local), that the Service exists, and cluster DNS.", "server can't find").matching(`(?i)\bserver can't find \S+: NXDOMAIN\b`),
	pat("dns", DependencyUnavailable, weightSpecific+1, "The name does not resolve: check the Service name and namespace (svc.namespace.svc.cluster.local), that the Service exists, and cluster DNS.", "no such host", "host or service not provided, or not known", "eai_again", "could not translate host name", "name or service not known", "temporary failure in name resolution", "temporary failure resolving", "getaddrinfo enotfound", " enotfound ", "'enotfound'", "dns resolution failed", "couldn't resolve", "could not resolve address", "no resolvable bootstrap urls", "unknownhostexception", "nodename nor servname", "name does not resolve", "host not found", "could not resolve host", "failed to resolve", "unknown host", "getaddrinfo", "nameresolutionerror", "server misbehaving", "no address associated with hostname", "can't resolve host", "cannot resolve host", "unable to resolve host", "resolve hostname", "ip address. please check your dns").without("_host not found", "not found in type",
		// Camel's "Failed to resolve endpoint: kafka://orders due to: ...":
		// a route's URI, resolved by the app, not a name in DNS.
		"failed to resolve endpoint:"),
	// Alpine's apk cannot fetch its index at start (an image that installs
	// packages when it starts): "fetching https://dl-cdn.../APKINDEX.tar.gz:
	// temporary error (try again later)", "DNS lookup error".
	// A connection that failed, in the plainest words ("Database update
	// process failed: Connection failed (5)", freshclam's; "MQTT
	// connection failed"): weaker than a precise refusal, a reason given
	// after it, or a probe's own failure.
	pat("connection_failed", DependencyUnavailable, weightSpecific-1, hintDepend, "connection failed").matching(`(?i)\bconnection failed\b`).without("probe failed", "probe error", "authentication", "auth failed", "password", "ssl", "tls", "certificate", "handshake", "0 connection failed", "no connection failed"),
	pat("apk_fetch", DependencyUnavailable, weightSpecific+2, hintDepend, "fetching http").matching(`(?i)\bfetching https?://\S+: (?:temporary error|dns lookup error|network error|could not connect to server|operation timed out|connection refused|i/o error)`),
	// Start order in anyone's words: the app starts before its database or
	// broker is ready and crashes until it is ("pods crash looping until
	// Redis instances are healthy", "pachd does not wait for postgres").
	pat("start_order_words", DependencyUnavailable, weightSpecific-2, hintDepend, "until", "wait", "before", "race").without("wait until the container is running").matching(`(?i)\b(?:crash\w*|restart\w*|fail\w*|exit\w*|loop\w*|backoff)\b.{0,60}\buntil (?:the |its |all |our )?[\w-]+(?: [\w-]+){0,2} (?:is|are|becomes?|comes?|gets?) (?:ready|up|healthy|available|running|initiali[sz]ed|able to)\b|^(?:do not|don't) (?:deploy|start|run) .{0,60}\buntil (?:the |its )?[\w-]+ (?:is|are) (?:ready|up|healthy|available|running)\b|\b(?:does(?:n't| not)|didn't|did not|should|must) wait (?:for|until) (?:the )?[\w-]+(?: (?:pods?|database|db|server|service|broker|instances?))? (?:to (?:start|be ready|come up|be up|be available|initiali[sz]e)|is ready|to be healthy)\b|\b(?:starts?|started|starting|comes? up|came up|boots?|is deployed|are deployed) (?:up )?before (?:the |its |our )?[\w-]+(?: [\w-]+)? (?:is |are |was |were |has |have |becomes? )?(?:ready|up|available|running|initiali[sz]ed|healthy|accepting)\b|\b(?:startup|start-up|boot) race\b`),
	pat("timeout", DependencyUnavailable, weightSpecific+1, hintDepend, "i/o timeout", "net::opentimeout", "connection timed out", "etimedout", "connect timed out", "connecttimeout", "sockettimeoutexception", "operation timed out", "context deadline exceeded", "timeout expired", "no route to host", "ehostunreach", "network is unreachable", "enetunreach", "connection reset by peer", "econnreset", "tls handshake timeout", "handshake timed out", "timed out connecting", "timed out after", "connection attempt timed out", "timeout occurred", "timed out waiting for", "client.timeout exceeded", "request canceled while waiting for connection", "request timeout after", "errors.timeoutexception", "concurrent.timeoutexception", "timed out waiting for a node assignment", "failed to update metadata after").without("liveness", "readiness",
		// Helm (or Flux driving it) waiting for the release's pods: the
		// wait ran out because they crash, not a dependency.
		"helm upgrade failed", "helm install failed", "upgrade retries exhausted", "install retries exhausted",
		// A connection string's setting ("redis:6379,connectTimeout=5000").
		"connecttimeout=",
		// PostgreSQL's note that a client went away ("LOG:  could not
		// receive data from client: Connection reset by peer"): the
		// server's side of a client that exited, not a failure of its own.
		"could not receive data from client", "could not send data to client"),
	// OpenResty's cosocket error as Kong prints it ("[PostgreSQL error]
	// failed to retrieve PostgreSQL server_version_num: timeout"): the
	// database did not answer at all.
	pat("socket_op_timeout", DependencyUnavailable, weightSpecific+1, hintDepend, ": timeout").matching(`(?i)(?:\bfailed to (?:retrieve|connect|get|fetch|query|reach|read|receive|send)\b|\[(?:postgresql|cassandra|redis|mysql) error\]).{0,160}: timeout\s*$`),
	// Azure SQL's database that is not up (error 40613: "Database 'orders'
	// on server 'x' is not currently available. Please retry the
	// connection later"): the server answered for a database that is
	// failing over, paused or being moved.
	pat("azure_sql_unavailable", DependencyUnavailable, weightPrecise, hintDepend, "is not currently available", "40613").matching(`(?i)\bdatabase '[^']+' on server '[^']+' is not currently available\b|\berror number: ?40613\b`),
	pat("secret_store_sealed", DependencyUnavailable, weightSpecific+1, "The secret store (Vault/OpenBao) is sealed, so it answers 503 until it is unsealed: unseal it (or fix its auto-unseal), then the app starts.", "is sealed", "vault sealed", "sealed vault").matching(`(?i)\b(?:vault|openbao|bao|server|core)\b.{0,20}\bis sealed\b|\bvault sealed\b|\bsealed vault\b`),
	// A controller that loses (or cannot renew) its leader lease could
	// not reach the API server in time.
	// "leader election lost" is the exit, usually logged fatal; the renewal
	// that failed just before it names the API server call that did not
	// answer, and is quoted first when it was pasted.
	// sglang's router gave up on its workers ("Timeout 300s waiting for
	// workers [...] to become healthy"): the workers it routes to are
	// not up (Pending, still loading), not its own setting.
	pat("workers_unhealthy", DependencyUnavailable, weightSpecific+1, hintDepend, "waiting for workers").matching(`(?i)\btimeout \d+s waiting for workers\b.{0,400}\bto become healthy\b`),
	pat("leader_lease", DependencyUnavailable, weightGeneric+3, hintDepend, "leader election lost", "lost lease", "leaderelection lost", "lost leadership", "leader election fail", "leader election to fail"),
	// Not when the report says the controller's own client-side rate
	// limiter held the renewal back (one limiter shared with every
	// informer): the API server answered, and the controller's QPS/burst or
	// its code is the cause. client-go's "client rate limiter Wait returned
	// an error" alone is not enough: a slow API server ends the same way.
	pat("lease_rate_limited", AppCrash, weightPrecise+2, "The controller's own API client rate limiter (its QPS/burst) held the lease renewal back past its deadline, so it lost leadership and exited; the API server answered. Raise the controller's client QPS/burst settings, or upgrade to a release that gives leader election a client of its own.", "rate limit", "rate-limit", "throttled").matching(`(?i)\b(?:leader election|lease (?:renewal|update)s?)\b[^\n]{0,40}\b(?:starved|rate[- ]limited|throttled)\b|\bshar\w* (?:the |a |one |its )?(?:client-side |client-go |global )?rate limiter\b|\bstarved by (?:the )?(?:global |shared )?client-go rate limits?\b`),
	pat("leader_lease_renew", DependencyUnavailable, weightSpecific, hintDepend, "failed to renew lease", "failed to tryacquireorrenew", "error retrieving resource lock"),
	// The AWS SDK found credentials in none of the places it looks (its
	// last, the instance metadata endpoint, fails to connect off EC2).
	// Consul's answer to a token it does not know (a cluster rebuilt, a
	// token from another datacenter): the credential, not a policy.
	// Java's SecretKeySpec given an empty key: a signing secret's setting
	// (jwt.secret: ${JWT_SECRET:}) that nothing set.
	pat("java_empty_key", ConfigError, weightPrecise, hintEnv, "empty key").matching(`\bIllegalArgumentException: Empty key\s*$`),
	// Redis reached and refusing: no password given, or a database
	// number its URL names beyond the server's databases.
	pat("redis_auth_required", ConfigError, weightPrecise+1, hintAuth, "authentication required.").matching(`(?i)\bredis\S*:\s*authentication required\.|\bNOAUTH Authentication required\b`),
	// Dragonfly's floor of memory per I/O thread: its maxmemory (by
	// default a share of the container's memory limit) below threads x
	// 256 MiB, and it exits at start.
	pat("dragonfly_memory_floor", ConfigError, weightPrecise+1, "Dragonfly needs at least 256 MiB of maxmemory per I/O thread, and its maxmemory defaults to a share of the container's memory limit: raise the limit or --maxmemory, or lower --proactor_threads.", " threads, so ").matching(`(?i)\bThere are \d+ threads, so [\d.]+\s?[KMGT]i?B are required\b`),
	pat("redis_db_index", ConfigError, weightPrecise+1, "The Redis URL names a database number beyond the server's (databases 16 by default: 0-15): use a lower number in the URL, or raise databases in redis.conf.", "db index is out of range").matching(`(?i)\bDB index is out of range\b`),
	// A stream consumer that creates its group on every start and does
	// not handle the group already there: its own code.
	pat("redis_busygroup", AppCrash, weightPrecise, "", "busygroup").matching(`\bBUSYGROUP Consumer Group name already exists\b`),
	// ZooKeeper's client that lost its server, and a peer whose name does
	// not resolve yet (ZooKeeper calls that an invalid config).
	pat("zookeeper_connection_loss", DependencyUnavailable, weightPrecise, hintDepend, "keepererrorcode = connectionloss").matching(`\bKeeperErrorCode = ConnectionLoss\b`),
	pat("zookeeper_peer_unresolved", DependencyUnavailable, weightPrecise+1, "A ZooKeeper peer's name does not resolve yet: its pod is not ready (a headless Service publishes only ready pods; set publishNotReadyAddresses: true) or the name is wrong.", "address unresolved: ").matching(`\bConfigException: Address unresolved: [\w.-]+:\d+`),
	pat("consul_acl_not_found", ConfigError, weightPrecise+1, hintAuth, "acl not found").matching(`(?i)\b403 \(ACL not found\)|\brpc error making call: ACL not found\b`),
	pat("aws_credentials_chain", ConfigError, weightPrecise+1, hintAuth, "any provider in the chain").matching(`(?i)\bunable to load (?:aws )?credentials from any (?:of the )?providers? in the chain\b`),
	pat("db_unreachable", DependencyUnavailable, weightSpecific, hintDepend, "could not connect to server", "can't connect to mysql server", "can't connect to local mysql server", "communications link failure", "is the server running", "redis connection to", "error connecting to redis", "it was not possible to connect to the redis server", "could not connect to redis", "mongoserverselectionerror", "serverselectiontimeouterror", "server selection timed out", "no reachable servers", "broker may not be available", "connection to node -1", "failed to connect to", "unable to connect to", "could not connect to", "cannot connect to", "couldn't connect to", "can't connect to", "failed to establish a new connection", "failed to establish connection", "unable to establish connection", "could not establish connection", "max retries exceeded with url", "a network-related or instance-specific error", "no connection could be made", "connection failure", "service unavailable", "unable to acquire jdbc connection", "connection is not available", "error while dialing", "connection error:", "cannot assign requested address", "upstream connect error", "the database system is starting up", "not yet accepting connections", "sqlstate 57p03", "the database system is shutting down", "sqlstate[hy000] [2002]", "failed to obtain jdbc connection", "dial tcp", "can't reach database server").without("readiness probe failed", "liveness probe failed", "startup probe failed", "connect to this container", "connect to the container", "connect to my container", "sqlite_error", "sqliteerror", "any provider in the chain", "to the bus", "dbus/system_bus_socket"),
	// A server told to listen on an address that is not the pod's or the
	// host's (an old node IP, an IPv6 address the node lacks): a setting,
	// not a dependency.
	pat("bind_not_local", ConfigError, weightPrecise, "The server is told to listen on an address this pod or host does not have (an old node IP, an IPv6 address the node lacks): listen on 0.0.0.0 or [::], or on the address it has now.", "cannot assign requested address").matching(`(?i)\bbind: cannot assign requested address\b|\bcannot assign requested address\W{0,3}(?:\(port\)\W{0,2})?to (?:the )?\w+ listener\b|\bbind\(\) to \S+ failed \(99: cannot assign requested address\)`),
	// systemctl or a systemd unit in a container whose PID 1 is not
	// systemd: how the container is started, not a dependency down.
	pat("systemd_not_pid1", ConfigError, weightPrecise+1, hintSystemd, "booted with systemd").matching(`(?i)\bhas not been booted with systemd as init system\b`),
	pat("systemd_no_bus", ConfigError, weightPrecise, hintSystemd, "failed to connect to bus").matching(`(?i)\bfailed to connect to bus: (?:host is down|no such file or directory)\b`),
	// Xvfb finding the lock file of a display a previous start left: the
	// container's writable layer or a volume kept /tmp/.X99-lock.
	pat("xvfb_stale_lock", ConfigError, weightPrecise, "A lock file of the X display (/tmp/.X99-lock) survived the restart: remove it before starting Xvfb (or keep /tmp on an emptyDir/tmpfs) so the display can start again.", "already active for display").matching(`(?i)\bserver is already active for display \d+`),
	// A server binding an IPv6 socket on a node or host whose kernel has
	// IPv6 turned off (nginx's "[::]:80 failed (97: ...)", Collabora's
	// "Failed to bind to: IPv6 port"): its listen setting.
	pat("ipv6_unavailable", ConfigError, weightPrecise, "The server listens on IPv6, which this node or host has turned off: make it listen on IPv4 only (nginx: drop the listen [::] line; many images have an env var for it), or enable IPv6 on the node.", "address family not supported", "eafnosupport", "failed to bind to: ipv6", "failed to listen on :::", "connect to ('::'").matching(`(?i)\baddress family not supported by protocol\b|\bEAFNOSUPPORT\b|\bfailed to bind to: ipv6 port\b|\bfailed to listen on :::\d+\b|\bcan't connect to \('::', \d+\)`),
	// Hugging Face's libraries in offline mode (HF_HUB_OFFLINE,
	// TRANSFORMERS_OFFLINE) asked for a model that is not in the cache.
	pat("hf_offline_not_cached", ConfigError, weightPrecise, "The model is loaded in offline mode but is not in the cache: download it into the cache volume first (or mount it), or allow downloads (unset HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE).", "outgoing traffic has been disabled").matching(`(?i)\bcannot find an appropriate cached snapshot folder for the specified revision on the local disk and outgoing traffic has been disabled\b|\bcannot find the requested files in the disk cache and outgoing traffic has been disabled\b`),

	// Configuration the app rejects.
	// A URL built from a variable that is empty ("Get \"http:///health\":
	// http: no Host in request URL"): the host was never set.
	pat("url_host_empty", ConfigError, weightSpecific+1, hintEnv, "no host in request url", ":///").matching(`(?i)\bno host in request url\b|\bhttps?:///[a-z]`),
	// Compose's own warning about a variable its file names: printed for
	// every unset one, most of them optional; the container's own log
	// says more when there is one.
	pat("compose_var_unset", ConfigError, weightGeneric, hintEnv, "defaulting to a blank string"),
	// A program naming a setting it was not given: "Ethereum HTTP URL is
	// a required parameter", "--datadir is a required argument".
	pat("required_parameter", ConfigError, weightSpecific+1, hintEnv, "is a required").matching(`(?i)\bis a required (?:parameter|argument|setting|option|field|config(?:uration)? (?:value|key|option)|property|value)\b`),
	// A program that lists the variables it needs on the lines below
	// ("The ActiveRecord encryption feature requires that these variables
	// are set:", then "  - ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY").
	pat("env_list_required", ConfigError, weightSpecific+1, hintEnv, "variables").matching(`(?i)\b(?:requires? that (?:these|the following) (?:environment )?variables (?:are|be) (?:set|defined|provided)|the following (?:required )?(?:environment )?variables (?:are|were) (?:not set|missing|required|undefined|unset|empty))\b`),
	pat("env_missing", ConfigError, weightSpecific+1, hintEnv, "environment", "env.", "env var", "is a required", "env_var", " env ", "must be set", "must be provided", "must be defined", "is not set", "not set", "is required", "missing required", "required but", "is missing", "undefined", "is empty").matching(`(?i)(\benv(?:ironment)?[ _-]?(?:var(?:iable)?s?)?\b.{0,80}\b(?:required|not (?:set|defined|found|provided|exists?)|missing|must be (?:set|provided|defined)|undefined|empty|unset)|\b(?:missing|required|undefined|unset) env(?:ironment)?[ _-]?var|\b(?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b.{0,20}\b(?:is |are |must be |was )?(?:required|not (?:being )?set|must be (?:set|provided|defined)|is missing|not defined|(?:does )?not exists?|undefined|unset|empty|missing)\b|\b(?:missing|required|undefined|unset)\b.{0,30}\b(?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b|\b(?:must|need to|have to) (?:set|provide|define) (?:an? |the )?(?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+) env)`).without("defaulting to a blank string", "x11 display environment variable not set", "reporting disabled", "tracing disabled", "metrics disabled", "telemetry disabled", "not set in the deployment", "not set in our", "not set in my", "not set in the pod", "not set in the manifest", "not set in the dockerfile", "not set anywhere"),
	// A value the program requires, named in words ("FATAL ERROR: Jigasi
	// auth password must be set").
	pat("must_be_set", ConfigError, weightSpecific, hintStopped, "must be set", "must be provided", "must be specified", "must be defined", "must be configured", "needs to be set", "has to be set", "not been set", "not been configured").matching(`(?i)\b(?:must|needs to|has to) be (?:set|provided|specified|defined|configured)\b|\b(?:has|have) not been (?:set|configured)(?: properly| correctly)?\b`).without("must be set to true", "must be set to false", "skipping file"),
	pat("env_please_set", ConfigError, weightSpecific+1, hintEnv, "please").matching(`(?i)\bplease (?:define|set|provide|specify|export|configure)\b.{0,20}\b(?:an? |the )?(?:environment variable|env var(?:iable)?|variable)\b|\bplease (?:define|set|provide|specify|export) \$?(?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b`),
	pat("env_neither", ConfigError, weightSpecific+1, hintEnv, "neither").matching(`(?i)\bneither \$?[A-Z][A-Z0-9_]+ nor \$?[A-Z][A-Z0-9_]+ (?:is|are) set`),
	pat("python_keyerror_env", ConfigError, weightSpecific+1, hintEnv, "keyerror").matching(`KeyError: '(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z][A-Z0-9]{3,})'`),
	pat("rails_secrets", ConfigError, weightSpecific, "Set RAILS_MASTER_KEY / SECRET_KEY_BASE from a Secret that matches the credentials file in the image.", "secret_key_base", "missing encryption key", "messageencryptor::invalidmessage", "missing master key", "no application encryption key").matching(`(?i)\bmissing [\x60'"]?secret_key_base\b|\bsecret_key_base\b.{0,60}\b(?:missing|not set|is empty|blank|must|required|invalid|environment)\b|missing encryption key|messageencryptor::invalidmessage|missing master key|no application encryption key`),
	// Django naming the database ENGINE setting it cannot load (the
	// ModuleNotFoundError above it is the import of that name): the
	// setting is wrong, not the image.
	pat("django_backend_setting", ConfigError, weightPrecise+8, hintParse, "isn't an available database backend").matching(`(?i)\bisn't an available database backend\b`),
	pat("spring_config", ConfigError, weightSpecific, hintParse, "could not resolve placeholder", "key material not provided", "failed to bind properties", "failed to configure a datasource", "improperlyconfigured", "invalid configuration", "configuration error", "config error", "invalid config", "error loading config", "failed to load config", "error reading config", "could not load config", "failed to read config", "unable to load config", "bad config", "configurationexception", "illegal configuration", "unable to load in-cluster configuration"),
	pat("unbound_var", ConfigError, weightPrecise, "A variable the entrypoint script needs (it runs with set -u) is not set: set it in the container's env or envFrom.", "unbound variable").matching(`(?i)(?:^|: )(?:line \d+: )?\$?\{?[A-Za-z_][A-Za-z0-9_]*(?:\[[@*]\])?\}?: unbound variable`),
	pat("usage", ConfigError, weightSpecific-1, "The program printed its usage and exited: it was started without the subcommand or arguments it needs. Check command/args in the spec against the image's documentation (e.g. a server's \"start\" or \"serve\" subcommand).", "usage", "available commands", "--help", "missing operand", "missing file operand").matching(`(?i)^\s*(?:usage(?: of [^:]+)?:(?:\s*|\s+[^\s\d].*)|available commands:\s*|usage\s*|use "[^"]+ --help" for more information.*|try '[^']+ --help' for more information.*)$|\bmissing (?:file )?operand\b`),
	// A value the program rejects by saying which values it accepts
	// ("the only supported ciphers are ...", "with the correct key
	// lengths", "must be at least 32 characters").
	// A value set out of the range another allows (memcached's "Cannot
	// set item size limit higher than 1/2 of memory max.").
	pat("value_beyond_limit", ConfigError, weightSpecific, hintParse, "cannot set").matching(`(?i)\bcannot set [\w -]{2,40} (?:higher|lower|larger|smaller|greater|bigger|more|less) than\b`),
	pat("value_rejected", ConfigError, weightSpecific, hintParse, "supported", "key length", "must be at least", "must be exactly", "characters long").matching(`(?i)(\bthe only supported\b|\bonly .{1,40}\b(?:is|are) supported\b|\bsupported (?:values|options|types|modes|versions|formats|ciphers|algorithms) (?:are|is)\b|\b(?:correct|invalid|wrong) key lengths?\b|\bmust be (?:at least|exactly|at most) \d+ (?:bytes|characters|chars|bits)\b|\bmust be \d+ characters long\b)`),
	// A proxy or server that refuses the configuration it is given
	// (Envoy's "config received from XDS server, but was rejected").
	pat("config_rejected", ConfigError, weightSpecific, hintParse, "reject").matching(`(?i)\bconfig(?:uration)?s?\b[^.;]{0,60}\b(?:was|were|is|are|been|got)\s+rejected\b|\brejected (?:the |its |a )?(?:new )?config(?:uration)?\b|\bconfig(?:uration)? rejected\b|\bgrpc config for \S+ rejected\b`),
	// An error in a named piece of the configuration ("a VRL compilation
	// error in the db_logs transform", "syntax error in the nginx config").
	pat("config_part_error", ConfigError, weightSpecific, hintParse, "error").matching("(?i)\\b(?:compil\\w*|syntax|parse|parsing)\\s+errors?\\b.{0,20}\\bin (?:the |its |a |an )?[`'\"]?[\\w.-]+[`'\"]?\\s+(?:transforms?|config(?:uration)?|pipelines?|templates?|rules?|filters?|scripts?|polic(?:y|ies)|expressions?|blocks?|sections?)\\b"),
	pat("config_validation", ConfigError, weightSpecific, hintParse, "bindvalidationexception", "optionsvalidationexception", "validation failed for", "binding validation errors", "configuration validation failed", "failed to validate config", "invalid configuration:", "config validation", "are invalid:", "is invalid:", "config is invalid", "configuration is invalid", "configuration file contains errors", "config file contains errors", "contains format errors"),
	// A cluster set up without what a network add-on needs (flannel's
	// per-node pod CIDR), or nodes of one cluster that do not share their
	// secret (RabbitMQ's Erlang cookie).
	pat("cluster_setup", ConfigError, weightSpecific+1, hintParse, "pod cidr not assigned", "no podcidr", "podcidr not set", "connection attempt from disallowed node", "erlang cookie"),
	// A cluster member whose identity the rest of the cluster (or the
	// configuration kept on its volume) does not know: ZooKeeper's myid,
	// etcd's member list, a node id from an earlier install.
	pat("membership", ConfigError, weightSpecific+2, hintData, "not in the peer list", "not in the member list", "not in the server list", "not a member of the cluster", "is not a member of", "has already been bootstrapped", "cluster id mismatch", "clusterid mismatch", "member count is unequal", "not part of the cluster", "cluster_uuid file exists with value", "!= our uuid"),
	// An operator whose custom resources are not installed in the
	// cluster: its CRDs were not applied (or not upgraded with it).
	pat("crd_missing", ConfigError, weightSpecific+2, "The API kind the program needs is not installed in the cluster: apply the CRDs of this release (kubectl apply -f its crds/ manifests, or helm upgrade with CRDs) before starting it.", "no matches for kind", "if kind is a crd", "could not find the requested resource", "no kind is registered"),
	// The same in a program's own advice or a reporter's words ("Make sure
	// the Custom Resource Definitions have been created", "the CRDs are not
	// installed"): it outweighs the timeout the missing kind caused.
	pat("crd_words", ConfigError, weightSpecific+2, "The API kind the program needs is not installed in the cluster: apply the CRDs of this release (kubectl apply -f its crds/ manifests, or helm upgrade with CRDs) before starting it.", "custom resource definition", "crd").matching(`(?i)\bmake sure (?:that )?(?:the |its |all )?(?:custom resource definitions?|crds?) (?:have been|has been|are|is) (?:created|installed|applied)\b|\b(?:custom resource definitions?|crds?) (?:is|are|was|were|has|have) not (?:been )?(?:created|installed|applied|deployed)\b`),
	// Something the program must be given is absent from its
	// configuration ("plugin/forward: no nameservers found", "no upstream
	// servers configured").
	pat("nothing_configured", ConfigError, weightSpecific, hintParse, "nameservers found", "configured", "specified", "defined").without("constructor", "same config", "same settings", "no store type was specified").matching(`(?i)\bno (?:\w+ ){0,2}(?:nameservers found|\w+s? (?:configured|specified|defined))\b`),
	// A schema or data migration the program refuses or cannot finish:
	// the data on the volume is from a version it cannot upgrade from.
	// A migration lock an earlier, killed start left in the database
	// (Liquibase's DATABASECHANGELOGLOCK; Metabase says "Waiting for
	// migration lock to be cleared"): it waits until something gives up.
	pat("stale_migration_lock", ConfigError, weightPrecise, "A migration lock left by an earlier start that was killed mid-migration is still held in the database: release it (Metabase: java -jar metabase.jar migrate release-locks; Liquibase: clear DATABASECHANGELOGLOCK), and give the first start time to finish (a startupProbe).", "migration lock to be cleared", "waiting for changelog lock").matching(`(?i)\bwaiting for migration lock to be cleared\b|\bwaiting for changelog lock\b`),
	pat("migration", ConfigError, weightSpecific-1, hintData, "migrate", "migration", "upgrade to version", "unknown column").matching(`(?i)(\bfailed to migrate\b|\bmigrations? (?:failed|error)|\bplease upgrade to version\b|\bupgrade to version \S+ first\b|\bhas migration lock\b|\bunknown column '[^']+' in\b|\bmigration transaction rolls back\b)`),
	// JavaScript's TypeError on a value that is not there: a bug in the
	// code that runs (a migration's own script included), not the state it
	// migrates.
	pat("js_undefined_property", AppCrash, weightPrecise, "", "cannot read propert").matching(`(?i)\bcannot read propert(?:y|ies) of (?:undefined|null)\b`),
	// Runtime errors that are bugs in the code that runs: JavaScript's
	// invalid Date, .NET's Nullable without a value, Java's toMap on
	// duplicate keys, Rust's slice and index bounds, Python's NameError.
	pat("runtime_bug_message", AppCrash, weightPrecise, "", "invalid time value", "nullable object must have a value", "duplicate key", "slice index", "index out of bounds", "byte index", "range end index", "range start index", "nameerror: name", "unboundlocalerror").matching(`(?i)\bRangeError: Invalid time value\b|\bNullable object must have a value\b|\bIllegalStateException: Duplicate key .{1,120} \(attempted merging values\b|\bslice index starts at \d+ but ends at \d+|\brange (?:end|start) index \d+ out of range for slice\b|\bindex out of bounds: the len is \d+ but the index is \d+|\bbyte index \d+ is (?:out of bounds|not a char boundary)\b|\bNameError: name '\w+' is not defined\b|\bUnboundLocalError: (?:cannot access )?local variable '\w+'`),
	// Builds that mix what does not fit: a module compiled against NumPy
	// 1.x under NumPy 2 (an unpinned rebuild), and two Go packages that
	// register the same protobuf file (a vendored copy of generated code).
	pat("build_mismatch", AppCrash, weightPrecise+4, "The image was built with parts that do not fit each other (a dependency upgraded by an unpinned rebuild, or two copies of one generated package): pin the versions that worked (numpy<2), or rebuild the part against the new one.", "compiled using numpy 1.x", "is already registered").matching(`(?i)\ba module that was compiled using numpy 1\.x cannot be run in\b|\bpanic: proto: file "[^"]+" is already registered\b`),
	pat("cookie_mismatch", ConfigError, weightPrecise+1, "The nodes do not share their Erlang cookie; keep .erlang.cookie on the volume equal to the cookie in the Secret (or delete the stale file).", "erlang.cookie contents do not match", "check the erlang cookie", "check if the erlang cookie is identical"),
	// nginx's [emerg] is its configuration check failing; the ports,
	// permissions and upstream names it also reports match the more precise
	// patterns above.
	pat("nginx_emerg", ConfigError, weightSpecific, hintParse, "[emerg]").without("no [emerg]"),
	// A program that names the configuration key a setting it was given
	// needs, as a dotted path ("non-loopback Control UI requires
	// gateway.controlUi.allowedOrigins (set explicit origins), or set
	// gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback=true"): a
	// key path's last part starts lower case, as no class, file, host or
	// library name does.
	pat("setting_key_required", ConfigError, weightSpecific, "The program needs a setting it was not given: set the configuration key it names (in its config file, ConfigMap or the matching env var).", "requires ", "or set ").matching(`\b(?:requires|or set) [a-z][a-zA-Z0-9_-]*(?:\.[a-z][a-zA-Z0-9_-]*)*\.[a-z][a-zA-Z0-9_-]*[A-Z][a-zA-Z0-9_]*\b(?:[^.=/(]|\(|=|$)`),
	// A command-line flag the program requires, or a flag value it
	// refuses ("-consul-api-timeout must be set to a value greater than 0",
	// cobra's `required flag(s) "config" not set`).
	pat("flag_required", ConfigError, weightSpecific+1, hintFlag, "must be", "required", "cannot be empty", "is mandatory").matching("(?i)(?:^|[\\s\"'`(])--?[a-z][\\w.-]*[a-z0-9]['\"`]?\\s+(?:flag\\s+|option\\s+)?(?:must be (?:set|specified|provided|given|greater than|positive|non-empty|a positive)|must not be empty|cannot be empty|is mandatory|is required(?:\\s*$|[.;:,!]|\\s+(?:but|when|if)\\b))|\\brequired flags?\\(?s?\\)? [\"'][\\w.-]+[\"'](?:, [\"'][\\w.-]+[\"'])* not set\\b"),
	// A Service named like the app makes the kubelet inject
	// <NAME>_PORT=tcp://IP:PORT into the pod; an app that reads
	// <NAME>_PORT as its own port or address cannot parse it.
	pat("service_link_env", ConfigError, weightPrecise+1, hintServiceLink, "tcp://", "port is deprecated. please use").matching(`(?i)(?:invalid|pars\w*|too many colons|not a valid|bad (?:port|uri|url|address)|expect\w*|syntax|must be|out of range|unknown port|\bnan\b)\b.{0,160}tcp://\d{1,3}(?:\.\d{1,3}){3}:\d+|tcp://\d{1,3}(?:\.\d{1,3}){3}:\d+.{0,160}\b(?:invalid|pars\w*|too many colons|not a valid|bad|expect\w*|syntax|must be|out of range|unknown port|nan)\b|port is deprecated\. please use \w+_(?:advertised_)?listeners\b|\b(?:bind|listen) E[A-Z]+:? tcp://\d{1,3}(?:\.\d{1,3}){3}:\d+`),
	// Node's refusal of a port that is not a number ("Port should be >= 0
	// and < 65536. Received NaN.", ERR_SOCKET_BAD_PORT): the port setting
	// holds text, in Kubernetes most often the <NAME>_PORT=tcp://... a
	// Service named like the app injects.
	pat("node_bad_port", ConfigError, weightPrecise+1, "The port the app was given is not a number from 0 to 65535 (\"Received NaN\" means its variable holds text): set it to a plain number. In Kubernetes a Service named like the app injects <NAME>_PORT=tcp://IP:PORT into the pod, which takes the place of a variable of that name: set it explicitly, or set enableServiceLinks: false in the pod spec.", "should be >= 0 and < 65536", "err_socket_bad_port"),
	// An image that will not run until its licence is accepted (VerneMQ,
	// SQL Server, Minecraft's EULA): a value the container's env must set.
	pat("license_not_accepted", ConfigError, weightPrecise, "The image will not run until its licence (EULA) is accepted: set the environment variable or value its documentation names for that (ACCEPT_EULA=Y, EULA=TRUE, DOCKER_VERNEMQ_ACCEPT_EULA=yes...) in the container spec or chart values.", "accept").matching(`(?i)\b(?:license|licence|eula)(?: agreement)? (?:was |has |is )?not (?:been |yet )?accepted\b|\b(?:license|licence|eula)(?: agreement)? must be accepted\b|\bmust accept the (?:eula|license|licence|end[- ]user licen[cs]e)\b`),
	// A value the program does not know among the ones it accepts ("'hub'
	// is not a recognized cluster app type").
	// A setting that names a choice the program does not offer ("unknown
	// provider. please select one of either filesystem or s3", "unknown
	// storage driver \"s4\"").
	pat("unknown_choice", ConfigError, weightSpecific, hintStopped, "unknown ", "one of").matching(`(?i)\bunknown (?:[\w-]+ )?(?:provider|driver|backend|dialect|engine|store|storage|strategy|protocol|scheme|mode)s?\b(?:[:.]|\s+['"\x60]|\s+[\w.-]+\s*$|\s*$)|\bplease (?:select|choose|pick|specify) one of\b`),
	// jsoniter decoding a resource or config whose value has the wrong
	// type ("MTLSSpec.Enabled: ReadBool: expect t or f, but found \"": a
	// quoted "true").
	pat("json_wrong_type", ConfigError, weightPrecise, hintStopped, "but found").matching(`\bRead(?:Bool|String|Int\d*|Uint\d*|Float\d*|Array|Object|Map|Number): expects? .{1,20}, but found\b`),
	// State on the volume that belongs to another instance or setting
	// (stolon's "saved uid \"keeper0\" differs from configuration uid").
	pat("saved_differs", ConfigError, weightSpecific, hintStopped, "differs from").matching(`(?i)\bsaved [\w ]{1,30}? ?"?[^"\s]*"? differs from (?:the )?(?:configuration|configured|config)\b`),
	// DPDK without the huge pages it needs ("EAL: FATAL: Cannot init
	// memory", "EAL: No free hugepages reported"): the node's setting.
	pat("dpdk_hugepages", ConfigError, weightPrecise+2, "DPDK (VPP, OVS-DPDK, an SR-IOV data plane) cannot set up its huge-page memory: reserve huge pages on the node (vm.nr_hugepages or the kernel command line), request hugepages-2Mi/1Gi in the pod's resources and mount them.", "eal:").matching(`(?i)\bEAL: (?:FATAL: )?(?:Cannot init memory|Cannot get hugepage information|No free (?:\d+ \w+ )?hugepages reported|Cannot obtain physical addresses)`),
	// Two settings that exclude each other ("Config: You can not run
	// inv_sig_helper and invidious_companion at the same time", "--a and
	// --b are mutually exclusive").
	pat("settings_exclusive", ConfigError, weightSpecific, hintParse, "at the same time", "mutually exclusive", "together").matching(`(?i)\b(?:can ?not|can't|cannot|must not|may not|not allowed to) (?:run|use|set|enable|specify|combine|configure|define|have|be (?:used|set|specified|combined|enabled|configured|defined))\b[^\n]{0,80}\b(?:at the same time|together|simultaneously)\b|\b(?:are|is) mutually exclusive\b`),
	// Tor's torrc does not validate ("[warn] Failed to parse/validate
	// config: ...", "[err] Reading config failed--see warnings above").
	pat("tor_config", ConfigError, weightSpecific, hintParse, "failed to parse/validate config", "reading config failed--"),
	// Tor refuses a data directory another user owns ("/var/lib/tor is
	// not owned by this user (debian-tor, 101) but by root (0)").
	pat("tor_not_owned", PermissionDenied, weightPrecise, hintPerm, "is not owned by this user").matching(`(?i)\bis not owned by this user\b`),
	// vsftpd cannot bind its port ("500 OOPS: could not bind listening
	// IPv4 socket"): another FTP server or a second instance holds it.
	pat("vsftpd_bind", PortConflict, weightPrecise, hintPort, "could not bind listening").matching(`(?i)\bOOPS: could not bind listening IPv[46] socket\b`),
	// The line before them says which (" Unparseable address in hidden
	// service port configuration").
	pat("unparseable_setting", ConfigError, weightPrecise+3, hintParse, "unparseable").matching(`(?i)\bunparseable\b[^\n]{0,60}\bconfig`),
	// Heroku's router errors: a web dyno that does not listen on $PORT
	// within 60 s is killed (R10), as a failing startup probe would; one
	// over its memory quota is killed (R14 warns, R15 kills).
	pat("heroku_boot_timeout", LivenessProbe, weightPrecise+2, "Heroku kills a web dyno that does not listen on the port it passes in $PORT within 60 seconds: listen on $PORT (not a fixed port), and start faster.", "r10 (boot timeout)", "failed to bind to $port").matching(`(?i)\bError R10 \(Boot timeout\)|\bfailed to bind to \$PORT within \d+ seconds\b`),
	// uWSGI sizes its router's tables by the open-files limit; a runtime
	// that gives the container an unbounded one (~2^30) makes it allocate
	// gigabytes at start ("detected max file descriptor number: 1073741816").
	pat("uwsgi_huge_fd", OOMKilled, weightSpecific, "uWSGI allocates tables by the open-files limit, which this runtime leaves unbounded (about 2^30): set max-fd in uwsgi.ini (or a lower nofile ulimit) so it does not allocate gigabytes at start.", "detected max file descriptor number").matching(`(?i)\bdetected max file descriptor number: \d{9,}\b`),
	pat("heroku_memory_quota", OOMKilled, weightPrecise, hintOOMLimit, "memory quota").matching(`(?i)\bError R1[45] \(Memory quota (?:vastly )?exceeded\)`),
	// A second live server already holds the socket ("ERROR: Another FPM
	// instance seems to already listen on /run/php/php-fpm.sock", Puma's
	// "There is already a server bound to: .../puma.sock").
	pat("socket_held", PortConflict, weightPrecise+2, hintPort, "another fpm instance", "already a server bound to").matching(`(?i)\banother FPM instance seems to already listen on\b|\bthere is already a server bound to:`),
	// The container runtime's or Docker's socket is not where the program
	// looks: not mounted, or at another path (k3s keeps containerd's under
	// /run/k3s).
	pat("runtime_socket_missing", ConfigError, weightPrecise, "The runtime's socket the program uses is not mounted into the container, or is at another path on this node (k3s: /run/k3s/containerd/containerd.sock): mount the node's socket (hostPath) at the path the program expects.", "containerd.sock", "docker.sock", "crio.sock").matching(`(?i)\bdial unix \S*(?:containerd|docker|crio|cri-dockerd|dockershim)\.sock: connect: no such file or directory\b`),
	// ACME refuses an account contact ("invalid contact domain. Contact
	// emails @example.com are forbidden"): the e-mail setting.
	pat("acme_invalid_contact", ConfigError, weightPrecise+1, "The ACME server refuses the account's contact e-mail: set a real address (not an example or placeholder domain).", "invalid contact", "invalidcontact").matching(`(?i)\binvalid contact domain\b|\berror:invalidContact\b|\bcontact emails @\S+ are forbidden\b`),
	// A GitHub App's token lacks a permission ("Resource not accessible by
	// integration").
	pat("github_app_permission", PermissionDenied, weightPrecise, "The GitHub App's installation token lacks a permission this call needs: add it to the App's permissions (and accept it on the installation).", "resource not accessible by integration"),
	// Flyway 10 split its databases into modules: without the module the
	// database is "Unsupported": the build lacks a library.
	pat("flyway_db_module", AppCrash, weightPrecise+1, "Flyway 10 and later need the module of their database (flyway-database-postgresql, flyway-mysql, ...) on the classpath: add it to the build.", "unsupported database").matching(`\bFlywayException: Unsupported Database\b`),
	// A wait loop (an init container's nc, curl or psql) that gives up on
	// its dependency ("gave up waiting for cms-mysql:3306 after 30 tries",
	// "elasticsearch cluster not ready, exiting").
	pat("wait_gave_up", DependencyUnavailable, weightSpecific+1, hintDepend, "gave up waiting for", "not ready").matching(`(?i)\bgave up waiting for\b|\b(?:cluster|server|database|db|service|backend|broker) (?:is )?(?:still )?not ready,? (?:exiting|giving up|aborting)\b`),
	// Redis Sentinel clients find no sentinel to ask for the master
	// ("No sentinels available"): the sentinels are not running.
	pat("no_sentinels", DependencyUnavailable, weightPrecise, hintDepend, "no sentinels available", "all sentinels down", "all sentinels specified in configuration are unreachable"),
	// Kafka refuses a topic whose replication factor exceeds its brokers
	// ("Replication factor: 3 larger than available brokers: 1"): the
	// setting, on a cluster too small for it.
	pat("kafka_replication_factor", ConfigError, weightPrecise+2, "A topic (often an internal one: offsets, configs, status) asks for more replicas than the cluster has brokers: lower its replication factor setting (e.g. *.storage.replication.factor, offsets.topic.replication.factor) or add brokers.", "larger than available brokers", "invalidreplicationfactor").matching(`(?i)\breplication factor: \d+ larger than available brokers\b|\bInvalidReplicationFactorException\b`),
	// Node-RED's words when its port is taken ("[error] Unable to listen
	// on http://127.0.0.1:1880/", "[error] Error: port in use").
	// NSPR's words for EADDRINUSE (389 Directory Server, NSS tools):
	// "PR_Bind() on All Interfaces port 3389 failed: Netscape Portable
	// Runtime error -5982 (Local Network address is in use.)".
	pat("nspr_address_in_use", PortConflict, weightPrecise, hintPort, "local network address is in use", "-5982").matching(`(?i)\blocal network address is in use\b|\bpr_bind\(\).{0,120}\berror -5982\b`),
	// pgx's words when the server answers but declines TLS: the DSN's
	// sslmode=require (or verify-*) against a server without TLS.
	pat("server_refused_tls", ConfigError, weightPrecise, "The database server does not offer TLS, and the connection string demands it: set sslmode=disable (or prefer) in the DSN, or enable TLS on the server.", "server refused tls connection"),
	// A JDBC URL no driver on the classpath accepts ("jdbc:postgres://"
	// for jdbc:postgresql://): the URL's scheme, not the database.
	pat("jdbc_url_unsupported", ConfigError, weightPrecise+1, "No JDBC driver accepts this URL: check its scheme (jdbc:postgresql://, jdbc:mysql://, jdbc:mariadb://) and that the driver is in the image.", "driver does not support the provided url", "no suitable driver found for"),
	pat("port_in_use_short", PortConflict, weightPrecise, hintPort, "port in use").matching(`(?i)\berror: port in use\b`),
	// Rust's unwrap of an empty Option ("called `Option::unwrap()` on a
	// `None` value", the line after "thread 'main' panicked at
	// src/index.rs:112:18:" since Rust 1.73): a bug in the program.
	pat("rust_unwrap_none", AppCrash, weightPrecise, "", "option::unwrap()").matching("(?i)called `?Option::unwrap\\(\\)`? on a `?None`? value"),
	// Less common runtimes' own words for a module the image lacks (Perl,
	// R, Julia, Lua and OpenResty) and for a bug in the code (Haskell's
	// partial functions, Lua's nil calls, Scala's unmatched case, Swift's
	// traps).
	pat("runtime_module_missing", AppCrash, weightPrecise, hintModule, "in @inc", "there is no package called", "not found in current path", "module '", "on classpath").matching(`(?i)\bcan't locate \S+\.pm in @INC\b|\bthere is no package called\b|\bPackage \S+ not found in current path\b|\bmodule '[\w.]+' not found:|\bCould not locate [\w/$.-]+__init\.class\b.{0,120}\bon classpath\b`),
	// The bugs also in Perl's words for a method a package lacks, Swift's
	// dictionary built with a key twice, Zig's safety checks, Elixir's call
	// to a process not started (a supervisor's children in the wrong
	// order), Koin's and Guice's dependency wiring, LangGraph's graph naming
	// a node it never added, HAProxy's own bug check.
	pat("runtime_code_bug", AppCrash, weightPrecise, "", "prelude.", "attempt to call a nil value", "attempt to index a nil value", "(a nil value)", "scala.matcherror", "fatal error: index out of range", "fatal error: unexpectedly found nil", "can't locate object method", "can't call method", "fatal error: duplicate", "panic: ", "no process: the process is not alive", "nodefinitionfoundexception", "nobeandeffoundexception", "no implementation for", "unknown node", "bug condition").matching(`(?i)\bPrelude\.(?:head|tail|last|init|!!|maximum|minimum|foldr1|read): (?:empty list|no parse|index too large|negative index)\b|\battempt to (?:call|index) (?:a nil value|(?:field|method|local|upvalue|global) '[\w.]+' \(a nil value\))|\bscala\.MatchError\b|\bFatal error: (?:Index out of range|Unexpectedly found nil)\b|\bCan't locate object method "\w+" via package\b|\bCan't call method "\w+" on (?:an undefined value|unblessed reference)|\bFatal error: Duplicate (?:values for key|keys of type)\b|\bpanic: (?:reached unreachable code|attempt to use null value|integer overflow|attempt to unwrap error)\b|\bno process: the process is not alive or there's no process currently (?:associated with|registered with|registered under) the given name\b|\bkoin\.core\.error\.(?:NoDefinitionFoundException|NoBeanDefFoundException)\b|\bNo implementation for [\w.<>$]+ was bound\b|\bFound edge (?:starting at|ending at) unknown node\b|\bFATAL: bug condition "[^"]*" matched at\b`),
	// Swift's crash report names the signal in its own words ("💣 Program
	// crashed: Bad pointer dereference at 0x0").
	pat("swift_bad_pointer", Segfault, weightPrecise, hintNative, "program crashed: bad pointer dereference"),
	// A heap exhausted in GHC's, Julia's and R's words.
	pat("runtime_heap_oom", OOMKilled, weightPrecise, hintOOMHeap, "heap exhausted", "outofmemoryerror()", "cannot allocate vector of size").matching(`(?i)^\S*:? ?Heap exhausted;|\bOutOfMemoryError\(\)|\bcannot allocate vector of size\b`),
	// HOCON (Typesafe Config) cannot fill a ${VAR} it was not given.
	pat("hocon_unresolved", ConfigError, weightPrecise, hintEnv, "could not resolve substitution").matching(`(?i)\bcould not resolve substitution to a value: \$\{`),
	pat("value_not_recognized", ConfigError, weightSpecific, hintStopped, "is not a recognized", "is not a recognised").matching(`(?i)['"\x60][^'"\x60]{1,80}['"\x60] is not a recogni[sz]ed\b`),
	// Postfix refusing a main.cf parameter's value ("postfix: fatal:
	// parameter inet_interfaces: no local interface found for ::1").
	pat("postfix_parameter", ConfigError, weightPrecise, hintParse, "fatal: parameter ").matching(`\bfatal: parameter \w+: `),
	// Camel's endpoint URI with a parameter its component does not have
	// ("There are 1 parameters that couldn't be set on the endpoint ...
	// Unknown parameters=[{autoOffsetRest=earliest}]"): a typo in the route.
	pat("endpoint_unknown_params", ConfigError, weightPrecise, "The endpoint URI has parameters its component does not take: check their spelling in the route (the Unknown parameters list names them).", "couldn't be set on the endpoint", "unknown parameters=["),
	pat("bad_flag", ConfigError, weightSpecific, hintFlag, "flag provided but not defined", "unknown flag", "unknown variable", "unknown shorthand flag", "unknown short flag", "unknown long flag", "unrecognized option", "unrecognized arguments", "unrecognized subcommand", "unrecognised subcommand", "unknown subcommand", "no such subcommand", "invalid option", "unknown option", "illegal option", "unexpected argument", "which wasn't expected, or isn't valid", "unknown command", "invalid argument", "flag needs an argument", "requires an argument", "no such option", "invalid choice").without("invalid argument exception"),
	// A password or other value with characters that break the URL, file or
	// shell line it is put into ("panics on startup if database URL has
	// special characters in the password", "a password containing @").
	pat("value_special_chars", ConfigError, weightPrecise, "A value with special characters (@ : / ? # % { } or quotes) breaks the URL, file or command it is put into: percent-encode it in URLs (%40 for @), quote it for the shell or YAML, or choose one without them.", "special char").without("no special char", "without special char", "any special char", "not special char").matching(`(?i)\bspecial char(?:acter)?s?\b[^\n]{0,40}\b(?:password|passwd|secret|connection string|url|uri|dsn|credentials?)\b|\b(?:password|passwd|secret|credentials?)s?\b[^\n]{0,40}\b(?:has|have|contains?|containing|with|includ\w*)\b[^\n]{0,20}\bspecial char(?:acter)?s?\b`),
	// A value the program decodes from its configuration is not in the
	// encoding it expects (a hex or base64 secret, key or cookie).
	pat("bad_encoding", ConfigError, weightSpecific+1, "A configured value (a secret, key or cookie, often from a Secret or env var) is not in the encoding the program expects (hex, base64): generate it in that form, e.g. openssl rand -hex 32.", "non-hexadecimal digit", "odd-length string", "illegal base64 data", "incorrect padding", "invalid base64", "encoding/hex: invalid byte", "encoding/hex: odd length", "not valid base64", "invalid hex string", "invalid hex"),
	// libxml's "Attribute testOnBorrow redefined" in a config file: the
	// same attribute twice, most often added again by an entrypoint that
	// edits the file at every start.
	pat("xml_attr_redefined", ConfigError, weightPrecise, "The XML configuration holds one attribute twice: an entrypoint that edits it at every start (not idempotent) added it again on a restart. Recreate the container (a fresh copy of the file) or make the edit check before it adds.", "redefined").matching(`(?i)\battribute [\w:.-]+ redefined\b`),
	// Redis names the rejected directive on the line below its banner
	// ("*** FATAL CONFIG FILE ERROR ***"): that line is the one to quote.
	// MongoDB names a rejected option or value by its error code
	// ("BadValue: configdb supports only replica set connection string").
	pat("mongo_bad_value", ConfigError, weightSpecific, hintStopped, "badvalue", "failedtoparse", "invalidoptions").matching(`\b(?:BadValue|FailedToParse|InvalidOptions):`),
	// Consul cannot pick the address to bind to (none private, or several).
	pat("consul_bind_address", ConfigError, weightPrecise, "Consul cannot choose its bind address: set -bind/-advertise (bind_addr, or CONSUL_BIND_INTERFACE in Bitnami's image) to the pod's address, e.g. -bind=$(POD_IP) from the downward API.", "private ipv4 address").matching(`(?i)\b(?:no|multiple) private ipv4 address(?:es)? found\b`),
	// MongoDB's data directory does not exist (no volume mounted at the
	// dbpath, or --dbpath names another path).
	pat("mongo_dbpath_missing", ConfigError, weightPrecise, hintMount, "nonexistentpath").matching(`(?i)\bNonExistentPath: Data directory \S+ not found\b`),
	pat("redis_directive", ConfigError, weightPrecise+2, hintParse, "bad directive or wrong number of arguments"),
	// A sentinel whose "sentinel monitor" names the master by a hostname
	// that does not resolve yet (its pod or headless Service is not up).
	pat("sentinel_master_hostname", DependencyUnavailable, weightPrecise+2, "The sentinel cannot resolve the master's hostname: the master pod (and its headless Service entry) is not up yet, or sentinels need `sentinel resolve-hostnames yes`; let it wait for the master instead of exiting.", "can't resolve master instance hostname"),
	// A configuration file the program cannot parse, with the parser's
	// complaint after it (node-config's "Cannot parse config file:
	// '/app/config/production.json': SyntaxError: Expected double-quoted
	// property name in JSON"): the file, not the code that reads it.
	pat("config_file_unparsable", ConfigError, weightPrecise, hintParse, "config file", "configuration file", "settings file").matching(`(?i)\b(?:cannot|can't|could not|couldn't|unable to|failed to|error) (?:parse|parsing|load|loading|decode|decoding|read|reading) (?:the )?(?:config(?:uration)?|settings) file\b[^\n]{0,200}\b(?:syntaxerror|syntax error|unexpected token|unexpected end|unexpected character|expected|malformed|parse error|invalid (?:json|yaml|toml|character))`).without("permission denied", "eacces", "no such file", "enoent"),
	// A program that updates itself and exits to run the new version
	// (cloudflared's "Initiating shutdown error=\"cloudflared has been
	// updated to version 2021.12.3\""): in a container the image stays as
	// it was, so it updates and exits again on every start.
	pat("self_update_exit", ConfigError, weightPrecise, "The program updates itself and exits to restart as the new version, which a container image cannot keep: turn its self-update off (cloudflared: --no-autoupdate) and update by changing the image tag.", "has been updated to", "was updated to", "exit shortly for update").matching(`(?i)\b(?:has been|was) (?:auto-?)?updated to (?:version )?v?\d[\w.-]*|\bwill exit shortly for update\b`).without("successfully updated to", "migrat", "schema", "database"),
	pat("yaml_syntax", ConfigError, weightSpecific, hintParse, "psych::syntaxerror", "while parsing a", "while scanning a").matching(`(?i)psych::syntaxerror|\bwhile parsing a (?:block|flow) (?:mapping|sequence|collection|node)\b|\bwhile scanning a (?:simple key|quoted scalar|plain scalar|block scalar)\b`),
	// PHP's parser refusing the app's own code (a .php file of the
	// release): a broken build, not a configuration file.
	pat("php_parse_error", AppCrash, weightPrecise, "The app's own PHP code does not parse (a syntax error shipped in this release): fix the file and line the error names, and rebuild the image.", "parse error").without("config.php", "/config/", "/etc/env.php", "wp-config", "settings.php", "config.inc.php", "configuration.php", "/conf/").matching(`(?i)\bphp parse error:\s+syntax error\b|\bparse error:\s+syntax error, unexpected .{0,160}\.php\b`),
	// serde's account of a config file or environment that lacks a key
	// the program's settings struct requires.
	pat("serde_missing_field", ConfigError, weightSpecific-1, "", "missing field `").matching("(?i)\\bmissing field `[\\w.-]+`"),
	// A TOML library's error ("toml: line 12 (last key ...)"), not a file
	// name that ends in .toml ("fly.toml: [processes]").
	pat("toml_error", ConfigError, weightSpecific-1, hintParse, "toml:").matching(`(?:^|[^\w.])toml: `),
	pat("parse", ConfigError, weightSpecific-1, hintParse, "yaml: ", "error converting yaml", "cannot unmarshal", "unmarshal errors", "invalid character", "unexpected end of json", "jsondecodeerror", "json.decoder", "scannererror", "parsererror", "mapping values are not allowed", "did not find expected", "could not find expected", "error parsing", "parse error", "failed to parse", "could not parse", "could not be parsed", "unable to parse", "unknown field", "syntax error", "unknown directive", "invalid number of arguments", "directive is not allowed here", "no \"events\" section", "test failed", "bad directive", "invalid value", "invalid url", "invalid port", "malformed", "numberformatexception", "field not found, node:", "failed to decode configuration", "invalid duration", "invalid boolean", "not a valid", "must be one of", "unexpected token").without("syntaxerror", "exec format", "permission", "self-test failed", "selftest failed", "self test failed"),
	// A feature gate the program does not know or no longer lets be set
	// (an OpenTelemetry collector's --feature-gates after an upgrade, a
	// Kubernetes component's --feature-gates).
	pat("feature_gate", ConfigError, weightSpecific+1, hintFlag, "feature gate").matching(`(?i)\bfeature gate\b.{0,100}\b(?:is unregistered|is stable, can ?not be disabled|is deprecated and must|can ?not be (?:enabled|disabled)|has been removed)|\b(?:no such|unrecognized|unknown) feature gate\b`),
	// A Helm chart's own check of its values failing when a chart is
	// installed from inside a pod (k3s' helm-install jobs, an operator):
	// "execution error at (traefik/templates/_podtemplate.tpl:601:18):
	// ERROR: redirectTo syntax has been removed in v34 of this Chart".
	pat("chart_values_rejected", ConfigError, weightSpecific+1, "The chart rejects the values it was given (its templates' own check failed): change the values as the message and the chart's release notes say, or pin the chart version the values were written for.", "execution error at (").matching(`execution error at \([\w./-]+\.(?:tpl|yaml):\d+:\d+\): \S`),
	// Vector's VRL program in its config does not compile ("error[E630]:
	// fallible argument", "error[E110]: invalid argument type").
	pat("vrl_compile", ConfigError, weightSpecific, hintParse, "error[e").matching(`^error\[E\d{3}\]: \S`),
	// A program that finds its data written by a newer release than its
	// own (an image rolled back, or an older tag pulled): Nextcloud's
	// "the version of the data (31.0.9.1) is higher than the docker image
	// version (31.0.8.1) and downgrading is not supported".
	pat("data_newer_than_image", ConfigError, weightPrecise, "The data on the volume was written by a newer release of the program than the image now runs (a rollback or an older tag): run that release again (or newer); the data cannot go back to an older one.", "downgrad", "is higher than", "is newer than").matching(`(?i)\b(?:version of the data|data(?:base)? version|data directory|stored data|schema version)\b[^.]{0,60}\bis (?:higher|newer|greater) than\b[^.]{0,60}\b(?:image|binary|server|application|app|code|program|software)\b|\bdowngrad(?:e|ing) (?:is )?not (?:supported|possible|allowed)\b`),
	// PostgreSQL's DETAIL under "database files are incompatible with
	// server" says which versions: the line that explains it.
	pat("pg_data_version", ConfigError, weightPrecise+7, "The data on the volume was written by another PostgreSQL major version: run an image of that version, or upgrade the data (pg_upgrade, or dump and restore into the new version).", "data directory was initialized by postgresql version"),
	// SQLite finds its file locked: another instance holds it (a second
	// replica, the old pod of a rolling update), or the file is on a
	// network share whose locks SQLite cannot use.
	pat("sqlite_locked", ConfigError, weightSpecific+1, "SQLite finds its database locked: another instance holds it (a second replica, or the old pod during a rolling update: run one replica with the Recreate strategy), or the file is on a network share (NFS, SMB, Azure Files) where SQLite's locks do not work: put it on a local or block volume.", "database is locked", "database file is locked", "sqlite_busy").matching(`(?i)\bdatabase (?:file )?is locked\b|\bSQLITE_BUSY\b`),
	pat("server_init", ConfigError, weightPrecise, "The data directory is not usable as is: for PostgreSQL on a volume with lost+found set PGDATA to a subdirectory (e.g. /var/lib/postgresql/data/pgdata); check the image version matches the data on the volume; set the required POSTGRES_PASSWORD / MYSQL_ROOT_PASSWORD.", "exists but is not empty", "need to initialize the database", "needs to be initialized", "database files are incompatible with server", "on data directory built by version", "database is uninitialized", "--initialize specified but the data", "directory has files in it", "unable to lock", "dbpathinuse", "vm.max_map_count [", "max virtual memory areas", "max file descriptors [", "superuser password is not specified", "you need to specify one of").without("is not writable"),
	// MySQL's --initialize on a data directory its user cannot write (a
	// root-owned hostPath or volume under a non-root image).
	pat("mysql_datadir_not_writable", PermissionDenied, weightSpecific-1, hintPerm, "data directory exists and is not writable"),
	// MySQL's "The designated data directory ... is unusable" follows the
	// line that says why (files in it, not writable, errno 13): a weak
	// vote of its own.
	pat("mysql_datadir_unusable", ConfigError, weightSpecific-4, "MySQL cannot use its data directory: read the line before this one (files already in it, not writable by the mysql user) and empty the directory, mount a fresh volume, or fix its owner.", "designated data directory"),
	// A state file the program keeps on its volume or the node (a storage,
	// cursor, position or checkpoint file) that it can no longer read:
	// fluentd's "Invalid contents (not object) in plugin storage file".
	pat("state_file_corrupt", ConfigError, weightPrecise, hintData, "invalid contents", "corrupt", "malformed", "truncated").matching(`(?i)\b(?:invalid contents?|corrupt(?:ed)?|malformed|truncated)\b(?:\s*\([^)]{0,20}\))?(?:\s+(?:in|of|the|its|a|an|plugin)){0,3}\s+(?:storage|state|cursor|position|pos|checkpoint|offsets?|lock|snapshot)\s+file\b|\b(?:storage|state|cursor|position|checkpoint|snapshot)\s+file\b.{0,60}\b(?:is|was|seems|looks)\s+(?:corrupt(?:ed)?|malformed|truncated|invalid)\b`),
	pat("data_state", ConfigError, weightPrecise, hintData, "bad file format reading the append only file", "unexpected end of file reading the append only file", "corruption in segment", "corrupted wal", "invalid magic number", "unexpected checksum", "checksum mismatch", "inconsistentclusteridexception", "inconsistentnodeidexception", "doesn't match stored", "invalid cluster.id in", "nodeexistsexception", "node already exists", "database disk image is malformed", "invalid featurecompatibilityversion", "wiredtiger error", "wt_panic", "wiredtiger library panic", "opening storage failed", "unable to replay value log", "error replaying wal", "failed to replay wal", "wal replay failed", "log directory is already formatted", "can't lock", "could not get an exclusive lock", "in use by another process").without("permission denied", "port "),
	pat("dns_loop", ConfigError, weightPrecise, "CoreDNS forwards queries to itself: the node's /etc/resolv.conf points at a local resolver (127.0.0.53, systemd-resolved). Set the kubelet's resolvConf to /run/systemd/resolve/resolv.conf, or forward to an upstream DNS server in the Corefile instead of /etc/resolv.conf.", "plugin/loop", "loop detected"),
	pat("settings_missing", ConfigError, weightSpecific+1, hintEnv, "provided", "specified", "validation error", "connectionstring", "field required").matching(`(?i)(\bno [\w.-]+(?: [\w.-]+)? (?:setting|option|parameter|property|value)s? (?:was |were |is )?(?:provided|specified|given|set)\b|validation errors? for \w*(?:settings|config)|\(parameter 'connectionstring'\)|connectionstring\S* (?:is|was) (?:null|empty|missing|not (?:set|found))|\bfield required\b)`),
	// Elasticsearch announces that it enforces its bootstrap checks; in a
	// crash loop one of them failed (the line that names it often is not
	// pasted). Weak: any line that names a cause outranks it.
	pat("bootstrap_enforced", ConfigError, weightSpecific-4, "Elasticsearch enforces its bootstrap checks because it binds a non-loopback address: fix the failing check (vm.max_map_count, file descriptors, discovery settings) or, for a single node, set discovery.type=single-node.", "enforcing bootstrap checks"),
	// The node's inotify limits are used up ("failed to create fsnotify
	// watcher: too many open files", "fs.inotify.max_user_instances=128 being
	// exhausted"): a node setting, not the app's open files. A sysctl that
	// merely prints the key is no error.
	pat("inotify_limit", ConfigError, weightPrecise, "The node's inotify limits are used up by the pods on it: raise fs.inotify.max_user_instances and fs.inotify.max_user_watches on the nodes (sysctl, or the node image / a privileged DaemonSet), or run fewer watchers per node.", "inotify", "too many open files", "no space left on device").matching(`(?i)\b(?:fs|i)notify\w*\b[^\n]{0,40}\btoo many open files\b|\btoo many open files\b[^\n]{0,60}\binotify\b|\binotify_add_watch\b[^\n]{0,80}\bno space left on device\b|\bfs\.inotify\.max_user_(?:instances|watches)\b[^\n]{0,60}\b(?:exhaust|too low|too small|reached|hit|exceed|is not enough)|\b(?:exhaust\w*|too low|reached|hit|exceed\w*|rais\w*|increas\w*|bump\w*)\b[^\n]{0,40}\bfs\.inotify\.max_user_(?:instances|watches)\b|\binotify (?:instances?|watch(?:es|ers)?) (?:limit|are exhausted|exhausted)`),
	// The NVIDIA driver's libraries are not in the container: the node's
	// runtime does not inject them (nvidia is not its default runtime, the
	// toolkit is missing, or it is no GPU node at all); vLLM says it as "No
	// platform detected".
	// A model server's own advice on GPU memory names the setting to
	// change (TGI's prefill budget, vLLM's KV cache against max_model_len):
	// a setting too large for the GPU, not the container's memory limit.
	pat("gpu_memory_setting", ConfigError, weightPrecise+1, "The model server's settings ask for more GPU memory than the GPU has: lower the setting its error names (--max-batch-prefill-tokens, max_model_len, max_num_seqs) or raise gpu_memory_utilization, or use a larger GPU or more of them (tensor parallelism).", "you need to decrease", "kv cache", "gpu_memory_utilization").matching(`(?i)\bnot enough memory to handle \d+ (?:prefill )?tokens\b|\byou need to decrease [\x60'"]?--max-batch-(?:prefill|total)-tokens\b|\bis larger than the maximum number of tokens that can be stored in kv cache\b|\bno available memory for the cache blocks\b|\btry increasing [\x60'"]?gpu_memory_utilization\b`),
	// A Hugging Face model whose licence must be accepted, downloaded
	// without a token (or with one whose account has not accepted it).
	pat("hf_gated_repo", ConfigError, weightPrecise, "The model is gated on Hugging Face: accept its licence with the account whose token the pod uses, and give the pod that token (HF_TOKEN from a Secret).", "gatedrepoerror", "gated repo", "must be authenticated to access", "huggingface.co/", "not in the authorized list").matching(`(?i)\bgatedrepoerror\b|\bcannot access gated repo\b|\byou must be authenticated to access it\b|\b(?:401|403) Client Error: (?:Forbidden|Unauthorized) for url: https://huggingface\.co/|\bis restricted and you are not in the authorized list\b`),
	pat("gpu_runtime", ConfigError, weightPrecise, "The container cannot load the NVIDIA driver: the node's container runtime does not inject it. Install the NVIDIA Container Toolkit and make nvidia the default runtime (or set runtimeClassName: nvidia), and keep the pod off nodes without a GPU (nodeSelector/tolerations).", "nvml", "libnvidia-ml", "nvidia-container-cli", "libcuda", "unspecifiedplatform", "could not select device driver").matching(`(?i)\bcould not select device driver "[\w.-]*" with capabilities\b|\bno platform detected, vllm is running on unspecifiedplatform\b|\bcould not load nvml library\b|\blibcuda\.so(?:\.1)?: cannot open shared object file\b|\bfailed to (?:initialize|start|init) nvml\b|\blibnvidia-ml\.so(?:\.1)?: cannot open shared object file\b|\bnvml: driver/library version mismatch\b|\bnvidia-container-cli: initialization error\b`),
	// A shell cannot parse a file it sources for its settings
	// ("/conf/java.env: line 1: unexpected EOF while looking for matching"):
	// the configuration file is broken, not the program.
	pat("sourced_config_syntax", ConfigError, weightSpecific+1, hintParse, "unexpected eof while looking for matching", "syntax error").matching(`(?i)\.(?:env|conf|cfg|properties|rc|vars?)\b: line \d+: (?:unexpected eof while looking for matching|syntax error)`),
	// The program waits for a LoadBalancer Service's address that the
	// cluster never assigns (no cloud load balancer, MetalLB not set up):
	// ingress-nginx's --publish-service, operators publishing endpoints.
	pat("lb_no_address", ConfigError, weightSpecific+1, "The program needs the external address of a LoadBalancer Service that the cluster has not assigned: check the Service's EXTERNAL-IP (a cloud load balancer or MetalLB must provide it), or point the program at a Service that has one (ingress-nginx: --publish-service / controller.publishService).", "ingress points", "external ip", "load balancer", "loadbalancer").matching(`(?i)\bdoes not (?:\(yet\) |yet )?have (?:any )?ingress points\b|\b(?:has|have) no (?:external[ -]ip|load ?balancer (?:ip|address|ingress))\b|\b(?:external[ -]ip|load ?balancer (?:ip|address))\b.{0,20}\b(?:is )?(?:still )?(?:pending|not (?:yet )?(?:assigned|available|allocated))\b`),
	// nginx's resolver directive names a host that does not resolve ("host
	// not found in resolver"): its configuration, unlike "host not found in
	// upstream" (a backend Service that is missing or not ready).
	pat("nginx_resolver", ConfigError, weightPrecise+1, "nginx's resolver directive names a DNS server that does not exist in this cluster: set it to the cluster DNS Service (kubectl -n kube-system get svc; e.g. kube-dns.kube-system.svc.cluster.local or its ClusterIP, which some distributions name differently).", "host not found in resolver"),
	// InnoDB's partial writes: the volume is full ("1048576 bytes should
	// have been written. Only 720896 bytes written.").
	pat("innodb_partial_write", ConfigError, weightSpecific+1, "The volume is full: InnoDB could not write its files. Free space on the volume or resize the PVC (and purge old binary logs: binlog_expire_logs_seconds).", "bytes should have been written").matching(`(?i)\b\d+ bytes should have been written\. only \d+ bytes written\b`),
	// CloudNativePG's instance manager refusing to start PostgreSQL on a
	// nearly full volume (logged at level info).
	pat("pg_low_disk", ConfigError, weightPrecise, "The instance manager will not start PostgreSQL on a nearly full volume: resize the PVC (or free space), and for WAL storage check that WAL archiving works (a failing archive keeps every segment).", "low-disk space condition"),
	// A program's own check of its open-files limit ("Configuration of
	// maximum open file limit is too low: 1024 (expected at least
	// 32768)", "Open files limit 1024 is too low").
	pat("nofile_too_low", ConfigError, weightPrecise, "The container's open-files limit (ulimit -n) is below what the program requires: raise it (docker run --ulimit nofile=65536:65536, Compose's ulimits, or the runtime's LimitNOFILE on the node).", "too low", "below").matching(`(?i)\b(?:open[- ]files?|file descriptors?|file handles?|nofile)(?: limit| ulimit)?\b(?:\s*[:=(]?\s*\d+\)?)?\s+(?:is\s+)?(?:too low|below)\b|\b(?:open[- ]files?|file descriptors?|nofile) (?:limit|ulimit) (?:is )?too low\b`),
	pat("limits", ConfigError, weightSpecific, "A node or volume limit was hit: check ulimits, inotify limits (fs.inotify.max_user_instances) or free space on the volume (resize the PVC or set an emptyDir sizeLimit).", "too many open files", "bootstrap checks failed", "no space left on device", "disk quota exceeded", "enospc", "out of file descriptors", "exhausts file descriptors", "exhausted file descriptors", "exhausted its file descriptors"),
	// Bundler without the app's Gemfile where it runs (a volume over the
	// app's directory, a working directory that is not the app's).
	pat("bundler_no_gemfile", ConfigError, weightSpecific, hintMount, "could not locate gemfile").matching(`(?i)\bcould not locate gemfile\b`),
	// EMFILE as a word (Node's "EMFILE: too many open files"), not inside
	// another ("Gemfile").
	pat("limits_emfile", ConfigError, weightSpecific, "A node or volume limit was hit: check ulimits and inotify limits (fs.inotify.max_user_instances).", "emfile").matching(`(?i)\bemfile\b`),
	// A program that stops writing because its volume is nearly full
	// (OrientDB's OLowDiskSpaceException in Nexus): the volume's size.
	pat("disk_low_space", ConfigError, weightPrecise, "The volume is (nearly) full: resize the PVC or free space on it (old data, logs), or lower what the program keeps.", "diskspace", "disk space", "free space on the disk").matching(`(?i)\bOLowDiskSpaceException\b|\blimited free space on the disk\b|\b(?:not enough|insufficient|low) (?:free )?disk space\b`),
	pat("missing_file", ConfigError, weightSpecific-2, hintFile, "no such file or directory", "filenotfounderror", "filenotfoundexception", "enoent", "errno::enoent", "could not find file", "nosuchfileexception", "cannot find the file", "could not find a part of the path", "cannot open", "could not open", "failed to open", "unable to open", "file is missing", "file not found", "file does not exist"),
	pat("read_file", ConfigError, weightSpecific-2, hintFile, " read ").matching(`(?i)(?:could not|couldn't|cannot|can't|unable to|failed to) read\b.{0,60}\bfile\b`).without("read propert"),

	// App-level crashes with a specific cause.
	// A package the program needs that the image lacks ("comfyui-frontend-
	// package is not installed. Please install the updated requirements").
	pat("package_not_installed", AppCrash, weightSpecific, hintModule, "is not installed").matching(`(?i)\b(?:python )?(?:package|module|library) ['"\x60]?[\w.-]+['"\x60]? is not installed\b|\b[\w.-]+ is not installed\. please install (?:it|the|updated|requirements|with pip)|\b[\w.-]+-package is not installed\b`),
	// Django's ENGINE setting names a backend that is not one
	// ("'django.db.backends.postgres' isn't an available database
	// backend"), above or below the ModuleNotFoundError of that name.
	// kombu's (Celery's) broker URL whose scheme names no transport
	// ("No such transport: reddis.  Did you mean redis?").
	// Flink's refusal of its own memory or option settings; its
	// entrypoint's sed on a read-only conf mount only warns before it.
	pat("flink_illegal_config", ConfigError, weightPrecise+1, "Flink refuses its configuration: fix the option the exception names (for memory, the total process size must hold JVM metaspace and overhead: raise jobmanager/taskmanager.memory.process.size or the pod's memory, or lower the parts).", "illegalconfigurationexception"),
	// The *arr apps' (Sonarr, Radarr, Prowlarr, Lidarr) check of their
	// config folder: "AppFolder /config is not writable".
	pat("servarr_appfolder", PermissionDenied, weightPrecise+1, hintPerm, "appfolder").matching(`(?i)\bAppFolder \S+ is not writable\b`),
	// Paperless-ngx's wait for its database giving up ("Timeout while
	// waiting on PostgreSQL!").
	pat("waiting_on_db_timeout", DependencyUnavailable, weightPrecise, hintDepend, "timeout while waiting on").matching(`(?i)\btimeout while waiting on (?:postgres(?:ql)?|mysql|mariadb|redis|the database|database|db)\b`),
	// OpenVPN's handshake with its server never completing: the server
	// (or the path to it) does not answer.
	pat("openvpn_tls_negotiation", DependencyUnavailable, weightPrecise, hintDepend, "tls key negotiation failed").matching(`(?i)\btls key negotiation failed to occur within \d+ seconds\b`),
	// Nomad's exec drivers without the task's command ("executable
	// \"local/edge-proxy\" could not be found").
	// Cloud Run's secret-backed variable whose version is gone ("Could
	// not fetch secret ... Secret Version [...] is in DESTROYED state").
	pat("cloud_run_secret_missing", MissingConfigObject, weightPrecise+1, "The secret version the service's variable is pinned to no longer exists (destroyed, disabled or deleted): point the variable at a live version (or latest), or restore the secret.", "could not fetch secret").matching(`(?i)\bcould not fetch secret\b.{0,400}\b(?:is in (?:DESTROYED|DISABLED) state|not found|NOT_FOUND)\b`),
	// Symfony Messenger's transport DSN with a scheme no transport takes.
	pat("messenger_dsn", ConfigError, weightPrecise, "No Messenger transport accepts this DSN: fix MESSENGER_TRANSPORT_DSN's scheme (doctrine://, amqp://, redis://) or install the transport's package.", "no transport supports the given messenger dsn"),
	// Laravel killing its own worker when a job outlasts --timeout
	// ("TimeoutExceededException: ... has timed out"), then "Killed" and
	// exit 137: the worker's own limit, not the kernel's.
	pat("laravel_job_timeout", ConfigError, weightPrecise+2, "The queue worker killed itself because a job ran longer than its --timeout: raise --timeout (and the queue's retry_after above it) or make the job shorter.", "timeoutexceededexception", "has timed out").matching(`(?i)\bTimeoutExceededException\b|\bhas (?:been attempted too many times or run too long|timed out)\b.{0,80}\bjob\b|\bjob\b.{0,120}\bhas timed out\b`),
	// Laravel's container unable to build a class the code asks for
	// ("Target [App\Contracts\PaymentGateway] is not instantiable while
	// building [...]"): a binding the app's providers never made.
	pat("laravel_not_instantiable", AppCrash, weightSpecific, "", "is not instantiable").matching(`(?i)\bTarget \[[^\]]+\] is not instantiable\b`),
	// SELinux refusing the container's process ("avc:  denied  { write }
	// for ... comm=\"mysqld\" ... scontext=...container_t ... permissive=0"):
	// a label on the host path, not the file mode.
	pat("selinux_avc_denied", PermissionDenied, weightPrecise+3, "SELinux denied the container's access to a host path: relabel it for containers (chcon -Rt container_file_t PATH, or the :Z/:z volume option) or give the pod an seLinuxOptions that fits.", "avc:").matching(`(?i)\bavc:\s+denied\s+\{ [\w ]+ \}.{0,300}\bcontainer_t\b`),
	// Spring properties bound to a settings class that require a value
	// ("[rocketmq.name-server] must not be null") and Nacos' token key
	// ("the length of secret key must great than or equal 32 bytes").
	pat("required_property_null", ConfigError, weightPrecise+1, hintEnv, "must not be null", "length of secret key").matching(`\[[\w.-]+\] must not be null\b|(?i)\bthe length of secret key must\b`),
	// Kafka's ACLs refusing the client's principal ("TopicAuthorization
	// Exception: Authorization failed.", the group's, the transactional
	// id's, the cluster's): the login worked, the permission is missing.
	pat("kafka_acl_denied", PermissionDenied, weightPrecise+2, "Kafka's ACLs do not allow this principal the operation: add the ACL the error names (topic, group, transactional id or cluster) with kafka-acls or the operator's KafkaUser.", "authorizationexception").matching(`\b(?:Topic|Group|TransactionalId|Cluster|DelegationToken)AuthorizationException\b`),
	// Kafka Streams' state directory it could not create (the volume's
	// owner is not the container's user).
	pat("streams_state_dir", PermissionDenied, weightPrecise, hintPerm, "couldn't be created").matching(`(?i)\bstate directory \[[^\]]+\] doesn't exist and couldn't be created\b`),
	// Spring Boot's binder refusing a property's value ("Invalid value
	// '1{PORT:-8080}' for configuration property 'server.port'").
	pat("spring_invalid_property", ConfigError, weightPrecise+2, hintParse, "for configuration property").matching(`(?i)\binvalid value '[^']*' for configuration property '[\w.\[\]-]+'`),
	// A program's settings check naming the rule a value breaks
	// (gluetun's "dns settings: upstream type dot must be plain if ...").
	pat("settings_rule", ConfigError, weightPrecise, hintParse, "settings: ").matching(`(?i)\b[\w-]+ settings: (?:[\w -]+: )?[^:]{0,80}\bmust (?:be|not|have)\b`),
	// A pool exhausted because the app never returns its connections
	// (Hikari's "Apparent connection leak detected"): the app's bug.
	// go-sqlite3 in a binary built without cgo ("Binary was compiled
	// with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a
	// stub"): a broken build.
	// A shell script that does not parse or uses another shell's syntax
	// (dash's "9: Syntax error: redirection unexpected" and "7: Bad
	// substitution" for bash-only <<< and ${x,,}, bash's "syntax error:
	// unexpected end of file" after a here-document's indented EOF).
	// coreutils' env refusing the shebang of the image's own script
	// ("#!/usr/bin/env -S node ${NODE_OPTIONS:-}" gives "/usr/bin/env: only
	// ${VARNAME} expansion is supported, error at: ${NO"): the image is
	// built wrong, whatever the variable holds.
	pat("env_shebang_expansion", AppCrash, weightPrecise+1, "The image's script starts with an env -S shebang that uses shell syntax env does not support (a default or other expansion beyond ${VARNAME}): a broken build; run an image tag that works, or fix the shebang and rebuild.", "only ${varname} expansion is supported"),
	pat("shell_script_syntax", AppCrash, weightSpecific+1, "The image's shell script does not parse in the shell that runs it: fix the script, or run it with the shell it is written for (bash-only syntax under #!/bin/sh or `sh script`).", "syntax error", "bad substitution").matching(`(?i)\S:(?: line)? \d+: (?:syntax error: (?:redirection unexpected|unexpected end of file|"[^"]*" unexpected|word unexpected)|bad substitution)\b|\bhere-document at line \d+ delimited by end-of-file\b`),
	// A socket of an address family the pod or node lacks (binding [::]
	// with IPv6 off: "Address family not supported by protocol", Java's
	// "Protocol family unavailable"): the bind address setting.
	pat("address_family_unsupported", ConfigError, weightPrecise, "The program binds or connects with an address family the pod does not have (IPv6 on a node with IPv6 off, or the reverse): set the bind address to 0.0.0.0 (or the family the cluster has), or enable it on the nodes.", "address family not supported", "protocol family unavailable").matching(`(?i)\baddress family not supported by protocol\b|\bprotocol family unavailable\b`),
	// Cilium's Hubble showing the pod's egress dropped by policy
	// ("EGRESS DENIED", "Policy denied DROPPED"): the network between the
	// app and what it calls.
	pat("hubble_policy_drop", DependencyUnavailable, weightPrecise+1, "A network policy drops the pod's traffic to what it calls: allow that egress (the destination's labels, FQDN or CIDR and port) in the policy.", "policy denied", "egress denied").matching(`(?i)\bpolicy denied\b.{0,40}\bdropped\b|\begress denied\b`),
	// TLS alerts that name the trust or the client's certificate (Erlang's
	// "{:tls_alert, {:unknown_ca, ...}}", "CLIENT ALERT: Fatal - Unknown
	// CA", Go's "remote error: tls: certificate required"): the
	// certificates given, not the server's reachability.
	pat("tls_alert_trust", ConfigError, weightPrecise+2, hintCert, "unknown_ca", "unknown ca", "certificate required").matching(`(?i)\{:?unknown_ca\b|\bALERT: Fatal - Unknown CA\b|\bremote error: tls: certificate required\b`),
	pat("sqlite_cgo_stub", AppCrash, weightPrecise, "The binary was built with CGO_ENABLED=0 and go-sqlite3 needs cgo: build with CGO_ENABLED=1 (and a base image with libc), or switch to a pure-Go SQLite driver (modernc.org/sqlite).", "requires cgo to work"),
	pat("connection_leak", AppCrash, weightPrecise+2, "The app takes pool connections and does not return them (a leak): close them on every path (try-with-resources, finally), then size the pool.", "connection leak").matching(`(?i)\bapparent connection leak detected\b`),
	// MongoDB's drivers finding members of another replica set than the
	// URI names ("Expecting replica set member from set 'rs0', but found
	// one from set 'mongo-rs0'"), and an SRV name that does not exist
	// ("querySrv ENOTFOUND _mongodb._tcp..."): the URI's setting.
	pat("mongo_uri_mismatch", ConfigError, weightPrecise+2, "The MongoDB connection string does not match the deployment: set replicaSet to the set's real name, and use mongodb+srv:// only for a host that has SRV records (in-cluster Services usually want mongodb://host:27017).", "replica set member", "querysrv enotfound").matching(`(?i)\bexpecting replica set member from set '[^']+', but found one from set\b|\bquerySrv ENOTFOUND\b`),
	// MySQL's error 1142 and its kin: the login worked, the grant lacks
	// the command ("CREATE command denied to user 'portal'@'...'").
	// PostgreSQL's refusal of a replication connection (Debezium, a
	// standby, pg_basebackup) to a user without the REPLICATION
	// attribute, before PostgreSQL 16 and since.
	pat("pg_replication_role", PermissionDenied, weightPrecise+1, "The database user may not open a replication connection: give it the REPLICATION attribute (ALTER ROLE name WITH REPLICATION; on RDS, GRANT rds_replication TO name), or connect as a user that has it.", "replication role", "replication attribute", "wal sender").matching(`(?i)\bmust be superuser or replication role to start walsender\b|\bpermission denied to start WAL sender\b|\bOnly roles with the REPLICATION attribute may start a WAL sender process\b`),
	pat("mysql_command_denied", PermissionDenied, weightPrecise+1, "The database user lacks the privilege the statement needs: GRANT it (e.g. GRANT CREATE, ALTER ON db.* TO user), or run migrations as a user that has it.", "command denied to user").matching(`(?i)\b\w+ command denied to user\b`),
	pat("nomad_exec_missing", CommandNotFound, weightPrecise+1, hintEntry, "could not be found").matching(`(?i)\bexecutable "[^"]+" could not be found\b`),
	// Nomad's template waiting on a Consul key or Nomad variable that
	// does not exist ("Template Missing: kv.block(config/app.json)",
	// Consul's "No key exists at: ..."), and ECS's env file missing from
	// its S3 bucket: the object the task reads was never created.
	pat("nomad_template_missing", MissingConfigObject, weightPrecise, "The object the task's template or env file reads does not exist: create the Consul key, Nomad variable, Vault secret or S3 object it names, or fix the path in the job.", "missing:", "no key exists at:", "nosuchkey").matching(`(?i)\bTemplate\s+Missing: (?:kv\.block|key|nomad\.var\.block|nomadVar|secret|vault\.read|service)\(|\bNo key exists at: \S+|\bfailed to download env files\b.{0,400}\bNoSuchKey\b`),
	// Nomad's restart by a Consul check_restart ("Restart Signaled
	// healthcheck: check \"consumer-lag\" unhealthy").
	pat("nomad_check_restart", LivenessProbe, weightPrecise+1, "", "restart signaled").matching(`(?i)\bRestart Signaled\s+healthcheck: check "[^"]+" unhealthy\b`),
	pat("kombu_transport", ConfigError, weightPrecise, "The broker URL's scheme names no transport kombu knows (a typo, or a transport whose package is not installed): fix CELERY_BROKER_URL / broker_url, e.g. redis:// or amqp://.", "no such transport:"),
	pat("django_backend_name", ConfigError, weightPrecise, "The DATABASES ENGINE setting names no backend Django has: use one of the names the error lists (e.g. django.db.backends.postgresql), or install the package of a third-party backend.", "isn't an available database backend"),
	// A shared library named as missing without the loader's own words
	// ("failed to load at runtime with 'libssl.so.1.1: No such file or
	// directory'", Prisma's engine on an image with OpenSSL 3 only, an
	// AppImage's "dlopen(): error loading libfuse.so.2"): the image lacks
	// what the program links. (Not a shell tool's own error
	// about the file, nor the NVIDIA driver's libraries, which the node
	// injects.)
	// A file missing from a Go program's embedded files ("open
	// build/_app/version.json: file does not exist": embed's and io/fs'
	// wording; the os package's is "no such file or directory"). go:embed
	// leaves out names starting with "." or "_" unless the pattern says
	// all:, and a build that ran before the assets were built embeds none.
	pat("go_embed_missing", AppCrash, weightSpecific+1, "A file the Go program embeds is missing from its embedded files: embed the directory with all: (go:embed skips names starting with . or _) or build the assets before go build, and rebuild the image.", "file does not exist").matching(`(?i)\bopen [\w./@-]+: file does not exist\b`),
	pat("shared_lib_missing", AppCrash, weightSpecific+1, hintModule, ".so").matching(`(?i)\blib[\w+-]+\.so(?:\.\d+)*'?: no such file or directory|\bdlopen\([^)]*\): lib[\w.+-]+\.so(?:\.\d+)*: cannot open shared object file\b|^\s*dlopen\(\): error loading lib[\w+-]+\.so(?:\.\d+)*\s*$|\bfailed to load: lib[\w.+-]+\.so(?:\.\d+)*: cannot open shared object file\b`).without("ln: ", "rm: ", "cp: ", "mv: ", "chmod: ", "chown: ", "cannot stat", "cannot remove", "cannot access", "libcuda", "libnvidia"),
	pat("module_missing", AppCrash, weightSpecific+1, hintModule, "modulenotfounderror", "no module named", "importerror", "cannot find module", "(loaderror)", "cannot load such file", "gemnotfound", "could not find gem", "in any of the sources", "to install missing gems", "classnotfoundexception", "noclassdeffounderror", "could not load file or assembly", "error while loading shared libraries", "error loading shared library", "undefined symbol", "error relocating", "nosuchmethoderror", "missingmethodexception: method not found", "no component found with scheme", "make sure one of the following packages are installed", "cannot load library", "failed to load nif library", "cannot find package", "module not found", "no required module provides package",
		// Django's database backend without its driver (or the driver
		// without libpq): "ImproperlyConfigured: Error loading psycopg2
		// or psycopg module".
		"error loading psycopg", "error loading mysqldb module",
		// Deno's bare import with no import map (deno.json left out of the
		// image): "Relative import path \"hono\" not prefixed with / or ./
		// or ../ and not in import map".
		"and not in import map"),
	// A shared object the image lacks, opened by the program (a NIF, a
	// cffi library); a plugin's .so named in its configuration is a
	// setting instead (the plugin patterns read those).
	pat("so_missing", AppCrash, weightSpecific+1, hintModule, "cannot open shared object file").without("plugin"),
	// A module the server's configuration loads that is not where it says
	// (Redis's loadmodule, nginx's load_module): a setting, as a plugin's.
	// (The module found but a library it needs missing, "failed to load:
	// libssl.so.1.1: cannot open ...", is a broken build: shared_lib_missing.)
	pat("config_module_missing", ConfigError, weightSpecific+2, "A module the configuration loads is not at the path it gives (not in this image, or renamed): correct the path (loadmodule, load_module) or use an image that ships the module.", "failed to load").matching(`(?i)\bmodule \S+ failed to load: /\S+: cannot open shared object file\b`),
	// A file missing inside an installed package (package data left out of
	// the wheel or the image's build): the build, not the app's settings.
	pat("package_file_missing", AppCrash, weightPrecise, hintModule, "site-packages/", "dist-packages/", "node_modules/").matching(`(?i)\bno such file or directory:? ['"]?/\S*/(?:site-packages|dist-packages|node_modules)/[^'"\s]+\.(?:ya?ml|json|txt|html?|css|js|cfg|ini|toml|csv|dat|pem)['"]?`),
	// PHP's autoloader without the class (a package left out of the
	// build, composer install --no-dev): "Class "App\\Foo" not found".
	// A PHP extension the base image lacks ("The Swoole extension is
	// missing.") is the same kind of broken build. (Composer's vendor
	// directory missing is not: a volume mounted over the code hides it
	// as often as a build that left it out.)
	pat("php_class_missing", AppCrash, weightSpecific+1, hintModule, "class", "extension is missing").matching(`(?:\bClass|\bInterface|\bTrait) ["'][A-Za-z_][\w\\]*\\[\w\\]*["'] not found\b|(?i)\bThe \w+ extension is missing\b`),
	// A library's own advice for a module the image lacks ("python-dotenv
	// is not installed, run pip install pydantic[dotenv]").
	pat("module_not_installed_pip", AppCrash, weightPrecise, hintModule, "is not installed, run pip install").matching(`(?i)\b[\w.-]+ is not installed, run pip install\b`),
	// Python's "cannot import name 'X' from 'config.config'": the program
	// imports a setting its configuration module (a file users write or
	// mount: config.py, settings.py) does not define.
	pat("import_from_config_module", ConfigError, weightPrecise, "The program imports a setting its configuration module does not define: add it to the config/settings file the container is given (compare with the release's example config; a newer version may need new settings).", "cannot import name").matching(`(?i)\bImportError: cannot import name '\w+' from '(?:[\w.]+\.)?(?:config|settings|conf|configuration|local_settings)'`).without("partially initialized"),
	// Node's JSON.parse refusing what it read (a config.json with single
	// quotes or a trailing comma). "<" is an HTML page read as JSON: a
	// server's answer, not a file.
	pat("node_json_parse", ConfigError, weightSpecific+1, hintParse, "in json at position").matching(`(?i)\bSyntaxError: (?:Unexpected token [^<\s]|Expected (?:double-quoted property name|',' or '[}\]]' after [\w ]+|property name or '}')) in JSON at position \d+`),
	// Node's require() of a JSON file that does not parse names the file
	// ("SyntaxError: /hedgedoc/config.json: Expected ',' or '}' after
	// property value in JSON at position 812"): a file it was given.
	pat("node_require_json", ConfigError, weightPrecise, hintParse, ".json: ").matching(`\bSyntaxError: /[\w./-]+\.json: \S`),
	// A URL in the settings Go cannot parse (a password with a character
	// that must be percent-encoded, a port that is not a number): no
	// connection was tried, whatever the wrapper says.
	pat("url_unparsable", ConfigError, weightPrecise+2, "A URL in the settings does not parse: percent-encode special characters in the user and password (^ is %5E, @ is %40, # is %23), and check the port is a number.", "net/url: ").matching(`\bnet/url: (?:invalid userinfo|invalid port "[^"]*" after host|invalid control character in URL|first path segment in URL cannot contain colon)`),
	// An app that needs a newer Node.js than its image runs ("You are
	// using Node.js 18.20.8. For Next.js, Node.js version \">=20.9.0\" is
	// required.", "Prisma 7 requires Node.js >= 20.19.0").
	pat("node_version_required", AppCrash, weightSpecific, "The app needs a newer Node.js than the image runs: rebuild on a newer base image (node:20, node:22) or run a release of the image built for this app version.", "node").matching(`(?i)\bnode(?:\.?js)? version "?[>=^~v\d. x|]+"? is required\b|\brequires a minimum node\.?js version\b|\brequires a node version compatible with\b|\bnode\.?js version v?[\d.]+ is (?:currently )?not supported\b|\bERR_PNPM_UNSUPPORTED_ENGINE\b|\brequires? node(?:\.?js)? (?:version )?(?:>=? ?|v)?\d+(?:\.\d+)*\+?(?: or (?:higher|later|newer))?|\bnode(?:\.?js)? v?\d+(?:\.\d+)* is (?:not|no longer) supported\b|\bonly supports node(?:\.?js)? versions? \d|\bplease upgrade your node(?:\.?js)? version\b`),
	// Python, Go and Java too old for the app ("requires a different
	// Python: 3.8.18 not in '>=3.10'", poetry's "is not supported by the
	// project (^3.11)", "go.mod requires go >= 1.23.0 (running go
	// 1.22.7 ...)", Jenkins' "older than the minimum required version
	// (Java 17)").
	pat("runtime_too_old", AppCrash, weightSpecific, "The app needs a newer runtime than the image runs: rebuild on a base image with the version it asks for, or run a release of the app built for this runtime.", "requires a different python", "is not supported by the project", "go.mod requires go", "older than the minimum required version"),
	pat("runtime_version", AppCrash, weightSpecific, "The image's runtime does not match the app: rebuild with the runtime version it was compiled for.", "unsupportedclassversionerror", "compiled by a more recent version", "not possible to find any compatible framework version", "you must install or update .net", "requires python", "unsupported engine", "unsupported class file major version",
		// "Moodle 4.5 or later requires at least PHP 8.1.0 (currently using
		// version 7.4.33)", "Could not find version 23.2 of the MATLAB Runtime".
		"requires at least php", "of the matlab runtime",
		// "PyTorch and torchvision were compiled with different CUDA major
		// versions".
		"were compiled with different cuda major versions",
		// "This version of Nextcloud is not compatible with PHP>=8.4."
		"is not compatible with php",
		// "Your system has an unsupported version of sqlite3. Chroma
		// requires sqlite3 >= 3.35.0" (a base image's library too old),
		// Akka's "you (perhaps indirectly) also depend on older versions
		// of related artifacts" (modules of mixed versions in the build).
		"has an unsupported version of sqlite3", "also depend on older versions of related artifacts",
		// "Trino requires Java 22+ (found 21.0.4+7-LTS)"; wasmtime too old for
		// the module's WASI imports ("unknown import:
		// `wasi_snapshot_preview1::sock_accept` has not been defined").
		"requires java 1", "requires java 2", "unknown import: `wasi"),
	// Symfony's container built with a service that needs one no bundle
	// defines (a plugin built for another version of the shop), and an
	// Odoo module's view naming a field its model lacks: the code.
	pat("service_graph_broken", AppCrash, weightPrecise, "The app's code (or a plugin's) needs a service or field this version does not have: a plugin or module built for another release; update or disable it.", "non-existent service", "does not exist in model").matching(`(?i)\bhas a dependency on a non-existent service "[^"]+"|\bField "[\w.]+" does not exist in model "[\w.]+"`),
	// pytz asked to place a wall-clock time that does not exist or is
	// ambiguous on a DST change (localize(..., is_dst=None)): the code.
	pat("pytz_dst_time", AppCrash, weightPrecise, "", "nonexistenttimeerror", "ambiguoustimeerror").matching(`\bpytz\.exceptions\.(?:NonExistentTimeError|AmbiguousTimeError)\b`),
	// A database given a time zone it has no tables for (MariaDB's
	// default-time-zone before mysql_tzinfo_to_sql ran).
	pat("db_time_zone_unknown", ConfigError, weightPrecise+1, "The database does not know the time zone it is set to: load its time zone tables (mysql_tzinfo_to_sql) or use an offset like '+00:00'.", "unknown default time zone").matching(`(?i)\bIllegal or unknown default time zone\b`),
	// Datadog's agent with an API key its site does not take (a key of
	// another org or region, DD_SITE unset).
	pat("datadog_api_key", ConfigError, weightPrecise, "The Datadog API key is refused: check DD_API_KEY and that DD_SITE names the site of the org the key belongs to (datadoghq.eu, us3, ...).", "api key invalid", "is invalid").matching(`(?i)\bAPI Key invalid, dropping transaction\b|\bapi_key '[^']*' for domain \S+ is invalid\b`),
	// SteamCMD refusing an app the anonymous login does not own (the game's
	// client app id where the dedicated server's was meant), or an app id
	// that does not exist for this platform: the server's files never
	// arrive, so the start script after it finds nothing to run.
	pat("steamcmd_install_refused", ConfigError, weightPrecise+3, "SteamCMD would not install the app: check the app id is the dedicated server's (not the game client's, which needs a subscription) and the platform and login the image uses.", "failed to install app").matching(`(?i)\bERROR! Failed to install app '\d+' \((?:No subscription|Invalid platform|Missing configuration|Invalid app configuration)\)`),
	// Python libraries that do not match each other in the image: protobuf's
	// generated code newer than its runtime, pydantic-core not the one
	// pydantic needs (installed with --no-deps); and SQLAlchemy 2 refusing
	// 1.x calls in the code (select([...]), a bare string as SQL).
	pat("py_library_mismatch", AppCrash, weightPrecise, hintModule, "incompatible protobuf gencode", "pydantic-core version", "should be explicitly declared as text(", "columns clause element expected").matching(`(?i)\bDetected incompatible Protobuf Gencode/Runtime versions\b|\bThe installed pydantic-core version \([\w.]+\) is incompatible with the current pydantic version\b|\bTextual SQL expression .{1,200} should be explicitly declared as text\(|\bColumn expression, FROM clause, or other columns clause element expected, got\b`),
	// Rust crates refusing how the code or the build uses them: axum's two
	// handlers for one route, rustls with both crypto providers (or none)
	// enabled, sqlx's migration changed after it was applied (its debug
	// form under unwrap()); and a socket address the program was given that
	// does not parse ("BIND_ADDR=8080", a port without a host).
	pat("rust_crate_misuse", AppCrash, weightPrecise, "", "overlapping method route", "process-level cryptoprovider", "versionmismatch(").matching(`\bOverlapping method route\. Handler for \x60[A-Z]+ [^\x60]+\x60 already exists\b|\bCould not automatically determine the process-level CryptoProvider\b|\bon an \x60Err\x60 value: VersionMismatch\(\d+\)`),
	pat("rust_addr_parse", ConfigError, weightPrecise, hintParse, "addrparseerror(").matching(`\bAddrParseError\((?:Socket|Ip|SocketV4|SocketV6|IpV4|IpV6)\)`),
	// A cron expression Quartz does not take (both day-of-week and
	// day-of-month given): the schedule in the settings. Bull's handler
	// defined twice for one queue: the code.
	pat("quartz_cron_rejected", ConfigError, weightPrecise, hintParse, "day-of-week and a day-of-month").matching(`(?i)\bSupport for specifying both a day-of-week AND a day-of-month parameter is not implemented\b`),
	pat("bull_handler_twice", AppCrash, weightPrecise, "", "cannot define the same handler twice").matching(`\bCannot define the same handler twice\b`),
	// Sidekiq 7 on a Redis older than it needs: the Redis version is a
	// setting of the deployment.
	pat("sidekiq_redis_too_old", ConfigError, weightPrecise, "Sidekiq needs a newer Redis than the one it connects to: upgrade Redis (6.2 or later for Sidekiq 7), or pin Sidekiq to a version that supports it.", "sidekiq requires redis").matching(`(?i)\bSidekiq requires Redis [\d.]+ or greater\b`),
	// A start script that finds no Java at all (sbt-native-packager's
	// "No java installations was detected."): the runtime stage of the
	// image has no JRE.
	pat("no_java_installation", CommandNotFound, weightPrecise, "The image has no Java runtime for the start script: base the final stage on a JRE image (or bundle one), or set JAVA_HOME to where it is.", "no java installation").matching(`(?i)^No java installations? (?:was|were) detected\b`),
	// CDI's missing bean (WELD-001408, Weld in Payara, WildFly, Quarkus
	// Arc's "Unsatisfied dependency for type"): the code's injection
	// points name a type no bean provides.
	pat("cdi_unsatisfied", AppCrash, weightPrecise-2, "The app's dependency injection finds no bean for a type it injects: a class removed or not in the deployment, or a missing qualifier or scope annotation; fix the code or the build.", "weld-001408", "unsatisfied dependency for type").matching(`(?i)\bWELD-001408: Unsatisfied dependencies for type\b|\bUnsatisfied dependency for type [\w.$<>]+ and qualifiers\b`),
	// Credentials a tunnel or SSH client was given that the server rejects:
	// cloudflared's "Unauthorized: Invalid tunnel secret", Go ssh's "unable
	// to authenticate, attempted methods [none publickey]" (Concourse's
	// worker key not authorised at the TSA).
	pat("tunnel_key_rejected", ConfigError, weightPrecise, hintAuth, "invalid tunnel secret", "unable to authenticate, attempted methods").matching(`(?i)\bUnauthorized: Invalid tunnel secret\b|\bssh: unable to authenticate, attempted methods \[[\w ]*\], no supported methods remain\b`),
	// A stale PID file left on a persisted volume by an earlier instance:
	// data on the volume that does not fit (the convention for a stale lock).
	// Rails's own refusal, above a reporter's guess at what killed the
	// first instance ("restarted, likely due to the liveness probe
	// failing"): the file is why every restart fails.
	pat("rails_pid", ConfigError, weightPrecise+1, "A stale server.pid is left on a persisted volume: delete tmp/pids/server.pid in the entrypoint before starting.", "a server is already running"),
	pat("di_unresolved", AppCrash, weightSpecific-2, "The app's dependency injection could not build a component: a provider or service it needs is not registered in its module (a wiring bug in the code, or a setting that turns the provider off): register it or roll back.", "can't resolve dependencies of", "unable to resolve service for type", "nullinjectorerror: no provider for"),
	// Dependency injection that cannot be wired as the code is written
	// (Micronaut's "No bean of type [...] exists", Spring's bean cycle),
	// and routes the framework refuses (axum 0.8's ":param" segments,
	// Laravel's duplicate route names): a bug, whatever the hint says of
	// configuration.
	pat("di_code_error", AppCrash, weightPrecise+1, "", "no bean of type", "form a cycle", "circular reference", "must not start with", "already been assigned name").matching(`(?i)\bno bean of type \[[\w.$]+\] exists\b|\bthe dependencies of some of the beans in the application context form a cycle\b|\bpath segments must not start with \x60:\x60|\bunable to prepare route \[[^\]]*\] for serialization\. another route has already been assigned name\b`),
	// An image whose Ruby is not the one the Gemfile pins: the image was
	// built from the wrong base.
	pat("ruby_version_mismatch", AppCrash, weightPrecise+1, "The image's Ruby is not the version the Gemfile pins: rebuild from the base image of that Ruby version (or change the Gemfile's ruby line together with the lock file).", "your ruby version is").matching(`(?i)\byour ruby version is [\d.]+, but your gemfile specified [\d.]+`),
	// A JDBC driver that does not take the URL it was given
	// ("Driver org.postgresql.Driver claims to not accept jdbcUrl,
	// postgres://...", "No suitable driver found for postgres://..."): the
	// URL lacks its jdbc: prefix or names another database's scheme.
	pat("jdbc_url_refused", ConfigError, weightPrecise, "The JDBC driver does not take the datasource URL: write it as jdbc:<database>://host:port/name (a postgres:// or mysql:// URL from another service's settings lacks the jdbc: prefix), and check the driver matches the database.", "claims to not accept jdbcurl", "no suitable driver found for").matching(`(?i)\bclaims to not accept jdbcUrl\b|\bno suitable driver found for [a-z][a-z0-9+]*://`),
	pat("spring_bean", AppCrash, weightSpecific-2, "Spring could not wire a bean: check component scanning, profiles and the configuration the bean needs.", "required a bean", "no qualifying bean", "unsatisfieddependencyexception"),
	// .NET's report of native code that touched memory it may not (Windows'
	// 0xC0000005, SIGSEGV on Linux).
	// PowerShell told to run a script file that is not there (pwsh on
	// Linux, Windows PowerShell's -File), or to import a module the image
	// lacks.
	// Laravel's route cache naming a controller the code spells another
	// way (case matters on Linux): the app's code.
	pat("laravel_route_action", AppCrash, weightPrecise, "", "invalid route action").matching(`\bInvalid route action: \[[\w\\]+\]`),
	// Symfony creates missing parents itself: a cache or log directory it
	// cannot create is one it may not write.
	pat("symfony_cannot_create_dir", PermissionDenied, weightPrecise, "Symfony cannot create its var/ directory: make var/cache and var/log writable by the app's user (chown in the image, fsGroup, or an emptyDir when the root filesystem is read-only).", "unable to create the").matching(`\bUnable to create the "(?:cache|logs?|build)" directory \(`),
	pat("pwsh_script_missing", CommandNotFound, weightPrecise+1, hintEntry, "is not recognized as the name of a script file", "to the -file parameter does not exist").matching(`(?i)\bThe argument '[^']+' (?:is not recognized as the name of a script file|to the -File parameter does not exist)\b`),
	pat("pwsh_module_missing", AppCrash, weightPrecise, hintModule, "was not loaded because no valid module file was found").matching(`(?i)\bThe specified module '[^']+' was not loaded because no valid module file was found\b`),
	pat("dotnet_access_violation", Segfault, weightPrecise, "Native code the .NET program calls (an interop library, a driver) accessed invalid memory: check the native library's version and architecture against the image, and roll back the image.", "system.accessviolationexception").matching(`\bSystem\.AccessViolationException: Attempted to read or write protected memory\b`),
	pat("runtime_signal", Segfault, weightPrecise, "The runtime caught a fatal signal in native code (cgo, a C library, the runtime itself): roll back the image, check native libraries and the node's CPU architecture.", "unexpected signal during runtime execution", "signal arrived during cgo execution", "signal arrived during external code execution", "sigsegv (0xb) at pc=", "fatal python error: segmentation fault", "the crash happened outside the java virtual machine in native code"),
	// The Go runtime faulting on an address that is not nil ("unexpected
	// fault address 0xc000f2c000" above "fatal error: fault" and its
	// SIGSEGV): memory corrupted by unsafe or native code, or by the node's
	// hardware, not the nil dereference of a panic.
	pat("go_fault_address", Segfault, weightSpecific, hintNative, "unexpected fault address").matching(`(?i)^\s*unexpected fault address 0x[0-9a-f]+\s*$`),
	// A SQL statement naming a column that does not exist ("SQL compilation
	// error: ... invalid identifier 'O.ORDER_TOTAL_USD'", ORA-00904): the
	// query or model is wrong, not a setting.
	pat("sql_invalid_identifier", AppCrash, weightSpecific, "", "invalid identifier").matching(`(?i)^\s*invalid identifier '[^']+'\s*$|\bSQL compilation error:.{0,80}\binvalid identifier\b|\bORA-00904: `),
	// A Go test that failed ("--- FAIL: TestInvoiceRounding", testify's
	// "Error: Not equal:"): the code does not do what the test expects.
	pat("go_test_failed", AppCrash, weightSpecific, "", "--- fail: test", "not equal:").matching(`^\s*--- FAIL: Test\w*|^\s*Error:\s+Not equal:`),
	// A binary missing from the image that a program looks for itself
	// (Vitess' "mysqld not found in any of /usr/{sbin,bin,libexec}").
	pat("binary_not_in_image", CommandNotFound, weightPrecise, hintEntry, "not found in any of").matching(`(?i)\bmysqld not found in any of \S+`),
	// An OpenAPI-generated client refusing what the server sent ("ValueError:
	// Invalid value for `conditions`, must not be `None`" from the Python
	// kubernetes client older than the API's objects): the client library
	// is too old for the cluster.
	pat("openapi_client_model", AppCrash, weightPrecise, "The API client library is older than what the server returns: upgrade the client (the kubernetes package) to a release for this cluster version.", "must not be `none`").matching("(?i)\\bInvalid value for `\\w+`, must not be `None`"),
	// A model that does not fit its data (Keras' "Input 0 of layer
	// \"dense\" is incompatible with the layer") and DDP's parameters that
	// got no gradient ("Expected to have finished reduction in the prior
	// iteration"): the training code, not a setting.
	pat("ml_model_code", AppCrash, weightPrecise, "", "is incompatible with the layer", "finished reduction in the prior iteration").matching(`(?i)\bInput \d+ of layer "[^"]+" is incompatible with the layer\b|\bExpected to have finished reduction in the prior iteration\b`),
	// Spring Data's query naming an attribute the entity no longer has
	// ("UnknownPathException: Could not resolve attribute 'customerID'"):
	// the code's query, after a rename.
	pat("jpa_query_unknown_path", AppCrash, weightPrecise+1, "", "unknownpathexception").matching(`(?i)\bUnknownPathException: Could not resolve attribute\b`),
	// Hibernate's mapping naming a field the entity does not have
	// ("mappedBy reference an unknown target entity property"): the
	// code's annotation.
	pat("jpa_mapping_unknown_property", AppCrash, weightPrecise+1, "", "mappedby reference an unknown target entity property"),
	// pdfkit and the like finding no binary to run ("OSError: No
	// wkhtmltopdf executable found").
	pat("tool_executable_missing", CommandNotFound, weightPrecise, hintEntry, "executable found").matching(`(?i)\bNo [\w.-]+ executable found\b`),
	// Round 32. The runtime cannot enter the working directory the image
	// sets, as the user it runs as (OpenShift's random UID): a permission
	// of the image's directory, not a missing command.
	pat("workdir_denied", PermissionDenied, weightPrecise+4, hintPerm, "chdir to cwd").matching(`(?i)\bchdir to cwd\b.{0,120}\b(?:permission denied|operation not permitted)\b`),
	// Ruby's own report of a segmentation fault in native code ("[BUG]
	// Segmentation fault at 0x0000000000000000", a native extension such
	// as grpc_c.so), above its control frames.
	pat("ruby_bug_segv", Segfault, weightPrecise+4, hintNative, "[bug] segmentation fault").matching(`\[BUG\] Segmentation fault at 0x[0-9a-f]+`),
	// A program's own crash handler naming the signal (rspamd's
	// MaxScale's "received fatal signal 11", MATLAB's "Segmentation violation
	// detected at ...",
	// "rspamd_crash_sig_handler: caught fatal signal 11(Segmentation
	// fault)", Triton's "Signal (11) received." above its backtrace,
	// Godot's "handle_crash: Program crashed with signal 11").
	pat("crash_handler_signal_11", Segfault, weightPrecise, hintNative, "fatal signal 11", "signal (11) received", "segmentation violation", "crashed with signal 11").matching(`(?i)\b(?:caught|received) fatal signal 11\b|\bhandle_crash: Program crashed with signal 11\b|\bSignal \(11\) received\b|\bSegmentation violation detected at\b|\bAbnormal termination:\s*Segmentation violation\b`),
	// The kernel's report of a process it killed for a bad access, as dmesg
	// or the node's journal prints it: "app[4188]: segfault at 0 ip
	// 00007f8e2b1c4a95 sp 00007ffd4c7e1b38 error 4 in libc.so.6[...]".
	pat("kernel_segfault_report", Segfault, weightPrecise+1, hintNative, "segfault at ").matching(`\bsegfault at [0-9a-f]+ ip [0-9a-f]+ sp [0-9a-f]+ error \d+`),
	// GraalVM native images' own segfault handler.
	pat("native_image_segfault", Segfault, weightPrecise, hintNative, "segfault detected, aborting process", "caught a segfault"),
	pat("segfault", Segfault, weightSpecific, "The process crashed in native code: check the image version (roll back), native libraries and architecture.", "segmentation fault", "sigsegv", "segfault", "segment fault").without("[signal sigsegv", "signal sigsegv: segmentation violation", "segfault handler", "sigsegv handler", "segmentation fault handler", "handler for sigsegv", "handler for segfault", "signal handler", "handler installed", "handlers", "segmentation faults", "segfaults"),
	// Round 25. "Segmentation violation" is the Go runtime's wording: a Go
	// program dereferenced a nil pointer, a bug in the program (C programs
	// say "segmentation fault").
	pat("go_segv_words", AppCrash, weightSpecific+1, "The Go program dereferenced a nil pointer (SIGSEGV: segmentation violation): a bug, often on input it does not expect (a resource, a setting); roll back to the previous image and report it with the stack trace.", "segmentation violation").without("[signal sigsegv", "signal sigsegv: segmentation violation", "segmentation violation detected", "abnormal termination: segmentation violation"),
	// A process inside the container reports that its child died of
	// SIGKILL ("Elasticsearch died while starting up, with exit code 137",
	// "Worker (pid:9) was sent code 137!"): the container itself was still
	// running to log it, so the kubelet did not kill it; the kernel's OOM
	// killer did, at the cgroup's memory limit. (A supervisor's own SIGKILL
	// after a timeout, gunicorn's "was sent SIGKILL!", is not this, nor a
	// line that says a probe killed it.)
	// A child process SIGKILLed, in the words of what ran it: Go's exec
	// ("signal: killed"), Python's CalledProcessError ("died with
	// <Signals.SIGKILL: 9>"), Yarn's and npm's ("Command failed with
	// signal \"SIGKILL\"", "npm ERR! signal SIGKILL"), cargo's, Celery's
	// pool, PostgreSQL's postmaster ("terminated by signal 9: Killed"),
	// make's "*** [...] Killed". In a container that is most often the
	// kernel OOM killer at the memory limit.
	pat("child_sigkill_words", OOMKilled, weightSpecific+1, hintOOMLimit, "sigkill", "signal 9", "signal: killed", "killed").matching(`(?i)\bsignal: killed\b|\bdied with <Signals\.SIGKILL: 9>|\bcommand failed with signal "?SIGKILL\b|\bnpm ERR! signal SIGKILL\b|\(signal: 9, SIGKILL: kill\)|\bexited prematurely: signal 9 \(SIGKILL\)|\bterminated by signal 9: Killed\b|\bexited with signal (?:9|SIGKILL)\b|^make(?:\[\d+\])?: \*\*\* \[[^\]]*\] Killed\b`).without("liveness", "probe", "timeout", "time limit", "harakiri"),
	// systemd's account of a unit's process: its executable missing
	// (203/EXEC) or a segmentation fault (status=11/SEGV).
	// ROS 2's launch and ros2 run: the node's executable is not where the
	// package installs its programs (not built, not installed, a typo).
	pat("ros2_executable_missing", CommandNotFound, weightPrecise, hintEntry, "not found on the libexec directory").matching(`\bexecutable '[^']+' not found on the libexec directory\b`),
	pat("systemd_exec_missing", CommandNotFound, weightPrecise, hintEntry, "203/exec", "failed to locate executable").matching(`(?i)\bstatus=203/EXEC\b|\bFailed to locate executable\b`),
	pat("systemd_segv", Segfault, weightPrecise, hintNative, "11/segv", "139/n/a").matching(`(?i)\bstatus=11/SEGV\b|\bMain process exited, code=exited, status=139/n/a\b`),
	// Nomad restarting a task for a failing service check (check_restart).
	pat("nomad_check_restart", LivenessProbe, weightPrecise+3, "", "unhealthy").matching(`(?i)\bRestart Signaled\s+healthcheck: check "[^"]+" unhealthy\b`),
	// Swarm's task state for a segmentation fault.
	pat("swarm_exit139", Segfault, weightSpecific, hintNative, "non-zero exit (139)").matching(`(?i)\btask: non-zero exit \(139\)`),
	// An eBPF agent that finds no tracefs or debugfs where it looks (the
	// host path mounted into the pod differs by distribution: Amazon Linux
	// 2 has it under /sys/kernel/debug/tracing): the mount to set.
	pat("tracefs_not_mounted", ConfigError, weightPrecise, "The eBPF agent finds no tracefs/debugfs: mount the node's /sys/kernel/tracing (or /sys/kernel/debug/tracing on older kernels and Amazon Linux 2) into the pod at the path it reads, as the chart's values for that distribution say.", "tracefs").matching(`(?i)\bneither debugfs nor tracefs (?:are|is) mounted\b|\btracefs (?:is )?not mounted\b`),
	// Squid's and Varnish's own words for a configuration they cannot
	// parse ("FATAL: Bungled /etc/squid/squid.conf line 31: ...", VCC's
	// "VCL compilation failed").
	pat("squid_varnish_config", ConfigError, weightPrecise+2, hintParse, "bungled", "vcl compilation failed", "message from vcc-compiler").matching(`\bFATAL: Bungled \S+ line \d+\b|\bVCL compilation failed\b|\bMessage from VCC-compiler:`),
	// Kerberos' kinit finding no KDC to answer for the realm.
	pat("kdc_unreachable", DependencyUnavailable, weightPrecise, hintDepend, "cannot contact any kdc").matching(`(?i)\bcannot contact any KDC for realm\b`),
	// pymemcache refusing a key the program built (a space, a control
	// character, too long): the program's own data.
	pat("memcache_illegal_key", AppCrash, weightPrecise, "", "memcacheillegalinputexception"),
	// Prisma's client refusing a query the program's code builds (an
	// argument or field its generated client does not have): the code and
	// the client it was built with do not fit.
	pat("prisma_client_validation", AppCrash, weightPrecise+1, "", "prismaclientvalidationerror"),
	// Java serialization of the program's own class that does not
	// implement Serializable (a new field of another class), as Spark's
	// task closure or Hazelcast's map entry.
	pat("not_serializable", AppCrash, weightPrecise, "", "notserializableexception").matching(`\bjava\.io\.NotSerializableException: [\w.$]+`),
	// Spring's XML naming a property the bean class does not have (a
	// setting written for another version).
	pat("spring_invalid_property", ConfigError, weightPrecise+1, hintParse, "notwritablepropertyexception", "invalid property").matching(`\bNotWritablePropertyException\b|\bInvalid property '\w+' of bean class\b`),
	// A short name in the settings that should name an implementation
	// (JanusGraph's storage.backend=cassandrathrift, removed in 1.0): no
	// class has a name without a package.
	pat("implementation_name_unknown", ConfigError, weightPrecise+1, hintParse, "could not find implementation class").matching(`\bCould not find implementation class: [A-Za-z][\w-]*(?:\s|$)`),
	// Ignite's discovery that finds every port of its range taken.
	pat("ignite_ports_in_use", PortConflict, weightPrecise, hintPort, "all ports in range are in use").matching(`\bFailed to bind TCP server socket \(possibly all ports in range are in use\)`),
	// Spring MVC finding two handler methods for one route (two
	// controllers of the program's own code after a merge).
	pat("spring_ambiguous_mapping", AppCrash, weightPrecise, "", "ambiguous mapping").matching(`\bAmbiguous mapping\. Cannot map '[\w.$-]+' method\b`),
	// Ruby's NameError on a constant the code names (renamed or removed
	// in the version below it): the program's own code, initializers
	// included.
	pat("ruby_name_error", AppCrash, weightSpecific, "", "(nameerror)").matching(`\b(?:uninitialized constant [\w:]+|constant [\w:]+ not defined|undefined local variable or method .\w+.) .{0,40}\(NameError\)|: (?:uninitialized constant [\w:]+|constant [\w:]+ not defined) \(NameError\)`),
	// Ruby's NoMethodError: the program's code calls a method on nil or
	// on an object that has none of that name (Ruby 3.4 quotes the name
	// 'fetch', older ones `fetch'; before 3.3 "for nil:NilClass").
	pat("ruby_no_method", AppCrash, weightSpecific, "", "(nomethoderror)").matching("\\bundefined method [`'][^`']{1,60}' for .{1,120}?\\(NoMethodError\\)"),
	// Node's Buffer read past the end of the bytes it was handed (a
	// parser of a device's or a peer's reply): the code's bug.
	pat("node_buffer_offset", AppCrash, weightSpecific+1, "", "err_out_of_range", "err_buffer_out_of_bounds").matching(`\bRangeError \[ERR_OUT_OF_RANGE\]: The value of "offset" is out of range\b|\bRangeError \[ERR_BUFFER_OUT_OF_BOUNDS\]`),
	// A library's API the program's code still calls after an unpinned
	// upgrade removed it (Dash 3's "app.run_server has been replaced by
	// app.run"): the code, or its pin.
	pat("obsolete_api", AppCrash, weightPrecise, "", "obsoleteattributeexception").matching(`\bObsoleteAttributeException\b`),
	// FastAPI's form support without its package in the image.
	pat("python_package_required", AppCrash, weightPrecise, hintModule, "to be installed").matching(`\brequires "[\w.-]+" to be installed\b`),
	// Gradio finding its one port taken (a second replica on the node's
	// network).
	pat("gradio_port_taken", PortConflict, weightPrecise+1, hintPort, "cannot find empty port").matching(`\bCannot find empty port in range: \d+-\d+`),
	// Bitcoin Core's bind failure ("Bitcoin Core is probably already
	// running").
	pat("bitcoind_bind", PortConflict, weightPrecise+1, hintPort, "unable to bind to").matching(`(?i)\bunable to bind to \S+:\d+ on this computer\b`),
	// Job frameworks refusing what the program's code registers twice: a
	// job Quartz's persistent store already has (scheduleJob instead of
	// replacing it), a River worker kind.
	pat("job_registered_twice", AppCrash, weightPrecise, "", "objectalreadyexistsexception", "is already registered").matching(`\bObjectAlreadyExistsException: Unable to store Job\b|\bworker for kind "[\w.-]+" is already registered\b`),
	// JavaScript calling what is not a function (a method renamed or
	// removed in a dependency, a fork's code out of step): the program's
	// code.
	pat("js_not_a_function", AppCrash, weightSpecific, "", "is not a function").matching(`\bTypeError: [\w.$\[\]'"()]+ is not a function\b`),
	// R's own errors for code that reads a value that is not there or not
	// what it expects (an `if` on NULL, a dplyr verb on NULL): the script's
	// bug. Groovy's (Nextflow's) undefined name in a pipeline script.
	pat("r_code_error", AppCrash, weightPrecise, "", "argument is of length zero", "no applicable method for", "missing value where true/false needed", "non-numeric argument to binary operator", "no such variable: ").matching(`\bargument is of length zero\b|\bno applicable method for '[\w.]+' applied to an object of class\b|\bmissing value where TRUE/FALSE needed\b|\bnon-numeric argument to binary operator\b|\bNo such variable: \w+`),
	// Nextflow's check for a tool its task needs in the image.
	pat("tool_required_not_found", CommandNotFound, weightPrecise, hintEntry, "required by").matching(`\bCommand '[\w.-]+' required by [\w .-]{1,60} cannot be found\b`),
	// conda and mamba: an environment the user cannot write, a channel
	// that cannot be reached.
	pat("conda_env_not_writable", PermissionDenied, weightPrecise, hintPerm, "environmentnotwritableerror"),
	pat("conda_http_000", DependencyUnavailable, weightPrecise, hintDepend, "http 000 connection failed"),
	// A security or tracing agent without a driver built for the node's
	// kernel (StackRox's collector, Falco, Sysdig): the agent's release
	// does not support that kernel.
	pat("no_kernel_driver", ConfigError, weightPrecise+1, "No eBPF program or kernel module was built for this node's kernel: use a release of the agent that supports the kernel, let it build the driver on the node, or switch it to its CO-RE (modern eBPF) mode.", "kernel object", "prebuilt", "pre-built").matching(`(?i)\bno suitable kernel object (?:downloaded|found)\b|\bunable to download kernel object\b|\bno pre-?built (?:driver|probe|kernel module|ebpf probe)s? (?:is |are )?(?:found|available)\b`),
	// GPU stacks: the operator's driver container on a node whose own
	// driver is loaded; DeepSpeed's check of the batch settings; PyTorch
	// code that mixes devices.
	// LogMonitor could not start the program it wraps: Win32 error 2 or
	// 3, no such file or path.
	pat("logmonitor_entrypoint_missing", CommandNotFound, weightPrecise, hintEntry, "failed to start entrypoint process").matching(`(?i)\bfailed to start entrypoint process\. error: [23]\b`),
	pat("gpu_driver_in_use", ConfigError, weightPrecise+1, "The node already has an NVIDIA driver loaded: disable the GPU operator's driver (driver.enabled=false) on nodes with a preinstalled driver, or remove the host driver.", "driver is in use").matching(`(?i)\bcould not unload nvidia driver kernel modules, driver is in use\b`),
	pat("deepspeed_batch_config", ConfigError, weightPrecise+1, hintParse, "check batch related parameters").matching(`(?i)\bcheck batch related parameters\b`),
	pat("torch_device_mismatch", AppCrash, weightPrecise, "", "expected all tensors to be on the same device"),
	// Windows' own words. Exec format: a binary for another CPU or OS
	// (Win32 error 193, "%1 is not a valid Win32 application"; 216, "This
	// version of %1 is not compatible"; .NET's BadImageFormatException,
	// HRESULT 0x8007000B, a DLL of the other bitness), an illegal
	// instruction (0xc000001d, exit -1073741795 or 3221225501).
	pat("win_bad_exe_format", ExecFormat, weightPrecise+1, hintArch, "not a valid win32 application", "is not compatible with the version of windows", "not a valid application for this os platform", "0xc000001d", "-1073741795", "3221225501", "win32 error 193", "0x8007000b").matching(`(?i)\bis not a valid win32 application\b|\bWin32 error 193\b|\bBadImageFormatException\b.{0,200}\b0x8007000B\b|\b(?:exit(?:ed)?|code|restarting)\W{0,8}\(?3221225501\b|\bthis version of \S+ is not compatible with the version of windows\b|\bnot a valid application for this os platform\b|\b0xc000001d\b|-1073741795\b`),
	// Heap corruption (0xc0000374, exit -1073740940), an access
	// violation (0xc0000005): the program's native crash.
	pat("win_heap_corruption", AppCrash, weightPrecise, "", "0xc0000374", "-1073740940").matching(`(?i)\b0xc0000374\b|-1073740940\b`),
	// Access denied (HRESULT 0x80070005, as IIS's ServiceMonitor prints
	// it) and the event log's security refusal under ContainerUser.
	pat("win_access_denied", PermissionDenied, weightPrecise, hintPerm, "80070005", "inaccessible logs: security").matching(`(?i)\berror \[?(?:0x)?80070005\]?|\bE_ACCESSDENIED\b|\binaccessible logs: security\b`),
	// A port another process holds: HNS's "(0x20)" for a published port,
	// IIS's 0x80070020, HTTP.SYS's URL reservations (HttpListener, WCF),
	// Fluent Bit's bind.
	// Windows' WSAEACCES (10013) on a bind: the port is in a range the
	// host reserved (Hyper-V, winnat) or another process holds it
	// exclusively; rights rarely are the cause.
	pat("win_port_reserved", PortConflict, weightPrecise, "Windows refused the bind (WSAEACCES 10013): the port is in an excluded range the host reserved (netsh int ipv4 show excludedportrange protocol=tcp) or another process holds it exclusively: pick a port outside those ranges, or free it.", "forbidden by its access permissions").matching(`(?i)\b(?:bind|listen|socket|10013)\b.{0,120}\bforbidden by its access permissions\b`),
	pat("win_port_in_use", PortConflict, weightPrecise, hintPort, "0x80070020", "being used by another process", "conflicts with an existing registration on the machine", "addressalreadyinuseexception", "could not bind address").matching(`(?i)\b0x80070020\b|\bbeing used by another process\. \(0x20\)|\bhns(?:call)? failed\b.{0,100}\bbeing used by another process\b|\bconflicts with an existing registration on the machine\b|\bAddressAlreadyInUseException\b|\bcould not bind address \S+:\d+`),
	// Directory and database clients on Windows: ADSI's domain
	// controller out of reach, Oracle's listener not up, SQL Server's
	// refusal of a login from an untrusted domain (no gMSA credential).
	pat("win_server_not_operational", DependencyUnavailable, weightPrecise, hintDepend, "the server is not operational", "ora-12541", "the remote name could not be resolved").matching(`(?i)\bthe server is not operational\b|\bORA-12541\b|\bthe remote name could not be resolved\b`),
	pat("sql_untrusted_domain", ConfigError, weightPrecise, "SQL Server refused a login from an untrusted domain: the pod has no gMSA credential spec (securityContext.windowsOptions.gmsaCredentialSpecName) or the node is not domain-joined; use a gMSA or SQL authentication.", "untrusted domain").matching(`(?i)\blogin is from an untrusted domain\b`),
	// PowerShell's parser on the entrypoint script itself.
	pat("powershell_parse_error", AppCrash, weightPrecise, "", "parsererror", "missingendcurlybrace").matching(`\bParserError\b|\bMissingEndCurlyBrace\b`),
	// A Go template in the program's settings (an alert rule's
	// annotation, a Helm-rendered config, a notification template) calls
	// a function the program does not define.
	// (A panic from template.Must is the program's own template.)
	pat("go_template_undefined_function", ConfigError, weightPrecise, hintParse, "not defined").without("panic: template").matching(`\btemplate: [\w.:/-]+:\d+(?::\d+)?: function \\?"\w+\\?" not defined\b`),
	// Vector's config build names the component whose settings it rejects
	// (`Sink "loki": template references event fields`, `Source "in":
	// unknown field`): a setting the release does not accept.
	pat("vector_component_config", ConfigError, weightSpecific, hintParse, `sink "`, `source "`, `transform "`).matching(`\b(?:Sink|Source|Transform) "[\w.\-]+": \S`),
	// Vector's topology check: an input names no component.
	pat("vector_input_unmatched", ConfigError, weightPrecise, hintParse, "doesn't match any components").matching(`(?i)\bInput "[^"]+" for (?:sink|transform) "[^"]+" doesn't match any components\b`),
	// Cloud Foundry's health check gave up on a slow start.
	pat("cf_health_never_passed", LivenessProbe, weightPrecise, "", "health check never passed").matching(`(?i)\bhealth check never passed\b`),
	pat("child_sigkill", OOMKilled, weightSpecific+1, hintOOMLimit, "137", "signal 9", "sigkill").matching(`(?i)\bwas sent code 137\b|\b(?:is|was|gets?|got|being) killed (?:with|by) (?:signal 9|SIGKILL)\b|\b(?:died|exited|terminated|stopped|kill(?:s|ed)?)\b.{0,40}\b(?:exit(?: code| status)?|code|status) 137\b|^\s*(?:last ?failure ?info: )?exit ?code: 137\s*$`).without("kubectl", "command terminated with exit code", "(or the", "stale", "liveness", "probe", "kubelet"),
	// A supervisor's or runtime's report of a process killed by SIGSEGV
	// (gunicorn's "Worker (pid:54) was sent code 139!", "killed by signal 11").
	pat("segv_code", Segfault, weightSpecific, "The process crashed in native code (SIGSEGV): check the image version (roll back), native libraries and architecture.", "139", "signal 11", "signal: 11", "sig=11", "segment violation", "exit code -11", "sigsegv: 11", "status -11").matching(`(?i)\bwas sent code 139\b|\b(?:killed (?:by|with)|received|got|terminated by|terminated on|exited on|died (?:of|with)|caught(?: unexpected)?|crash(?:es|ed|ing|loops?|loopbackoff)? (?:on|with|by)) signal 11\b|\buncaught signal: 11\b|\binvalid memory access \(signal 11\)|\(by signal 11\)|\bcommand exited 139\b|\bcrashed by signal: ?11\b|\bexited by a signal 11\b|\bterminating \(signal 11\)|\bReceived Segment Violation\b|\bCRASH ERROR!!!.{0,80}\bsig=11\b|\bprocess has died \[pid \d+, exit code -11\b|\bdied with <Signals\.SIGSEGV: 11>|\bnon-zero exit status -11\b`),
	pat("go_runtime_error", AppCrash, 18, "A Go runtime error (nil pointer, index out of range) is a bug: read the goroutine trace, fix it or roll back the change.", "runtime error: invalid memory address", "nil pointer dereference", "nil-pointer dereference", "runtime error: index out of range", "runtime error: slice bounds out of range", "assignment to entry in nil map", "panic: runtime error", "non-initialised map", "non-initialized map", "uninitialised map", "uninitialized map", "to a nil map"),
	pat("assertion", AppCrash, 15, "", "assertion failed", "assertion `", "assert failed", "stackoverflowerror", "maximum call stack size exceeded", "stack overflow", "deadlock!", "concurrent map"),
}

// probeReportedWords mark a line that only reports a probe's failure (an
// Unhealthy event row pasted in a log, "events show ..."): probe_reported's,
// not the stronger probe patterns'.
var probeReportedWords = []string{"unhealthy", "events show", "event shows", "events say", "event says", "events only", "in the events", "events mention"}

// chmodRefused is an entrypoint's chmod or chown refused on a path it
// does not own ("chmod: changing permissions of '/var/run/postgresql':
// Operation not permitted"): often only a step it goes on from, so a later
// line of the program's that names a cause of its own says more
// (candidate.better).
var chmodRefused = pat("chmod_refused", PermissionDenied, weightSpecific+1, hintPerm, "changing permissions of", "changing ownership of").matching(`(?i)\bch(?:mod|own|grp): changing (?:permissions|ownership|group) of `)

// configKey recognises a KeyError raised where the program reads its
// configuration (the traceback's last source line names it).
var (
	configKey = pat("python_config_key", ConfigError, weightSpecific+1, "A key the program reads from its configuration is missing: add it to the config file (often a ConfigMap) or set the env var it comes from.")
	// reusePortUnsupported recognises an OSError raised by a program's
	// own setsockopt of SO_REUSEPORT (the traceback's last source line)
	// where the kernel or sandbox lacks it (gunicorn 19.7 under gVisor,
	// WSL 1 or an old kernel: "OSError: [Errno 95] Operation not
	// supported"): the program's release that stops requiring it is the
	// fix.
	reusePortUnsupported = pat("reuseport_unsupported", AppCrash, weightSpecific+1, "The program sets SO_REUSEPORT, which this kernel or sandbox does not support: upgrade it to a release that does not require the option (gunicorn 19.8 or later), or turn its reuse-port setting off.")
	// initRegexpPanic recognises Go's regexp.MustCompile panicking in a
	// package's init (an expression the program's own code holds, in a
	// package-level var or an init function): a bug in the code, where
	// an expression read from a setting is the setting's fault.
	initRegexpPanic = pat("init_regexp_panic", AppCrash, weightPrecise+1, "An expression in the program's own code does not compile (Go's regexp.MustCompile panicked while its package initialised): fix it in the code, or roll back to the release before it.")
	// connectTimeout recognises a bare TimeoutError raised through the
	// frames that open a connection: the server did not answer in time.
	connectTimeout = pat("python_connect_timeout", DependencyUnavailable, weightSpecific, hintDepend)
	// configFrame recognises a null, missing or malformed value thrown
	// in the first frames of a stack where the program reads its
	// configuration (.NET's IConfiguration, a Config/Settings class).
	configFrame = pat("config_frame", ConfigError, weightSpecific+1, "A setting the program reads at startup is missing or malformed (the stack shows it reading its configuration): set it in the ConfigMap, env vars or config file.")
	// reValueException is an exception about a missing or malformed value.
	reValueException = regexp.MustCompile(`(ClassCastException|ArgumentNullException|NullReferenceException|NullPointerException|ArgumentException|FormatException|NumberFormatException|IllegalArgumentException|InvalidCastException|UriFormatException|KeyNotFoundException|KeyError|ValueError|TypeError)\b`)
	// reConfigSubpackage is a package named config with packages of its
	// own below it ("io.airbyte.config.persistence.ActorDefinitionVersionHelper"):
	// a module of the program's domain, not code reading its settings.
	reConfigSubpackage = regexp.MustCompile(`\.config\.[a-z]\w*\.`)
	// reConfigFrame is a stack frame of code reading configuration.
	reConfigFrame = regexp.MustCompile(`(IConfiguration\b|ConfigureServices|\bConfig(?:uration)?(?:Loader|Reader|Parser|Builder)?\.|\bSettings\.|[./]config[./]|settings\.py|/conf/|appsettings|loadConfig|readConfig|parseConfig|getConfig|LoadConfig|ReadConfig|ParseConfig)`)
	// sigtermPattern recognises the app saying it was sent SIGTERM: the
	// kubelet stopped it (a liveness or startup probe, most often).
	sigtermPattern = pat("sigterm", LivenessProbe, weightSpecific-2, hintSigterm)
	reSigterm      = regexp.MustCompile(`(?i)(due to signal SIGTERM|received (?:signal )?SIGTERM|caught SIGTERM|got SIGTERM|SIGTERM received|signal 15 received|Received signal - signal:15|received signal 15|signal(?:: ?|=)terminated\b|received an OS signal, exiting gracefully|Received SIG(?:TERM|INT), (?:shutting|exiting)|shutting down (?:due to|on) SIGTERM|terminating quiet workers|received shutdown signal|shutdown signal received|gracefully shutting down|shutting down gracefully|initiating graceful shutdown|graceful shutdown (?:initiated|started|requested)|Received SHUTDOWN from user <via user signal>|received (?:fast|smart) shutdown request|upon receiving signal 15\b|signal 15 \(SIGTERM\) received|received signal terminated|SIGTERM signal received|Handling signal: term\b|Gracefully stopping, waiting for requests to finish)`)
	reConfigSource = regexp.MustCompile(`(?i)(config|settings|environ|getenv|\bconf\b|\bcfg\b|yaml|\bdocs?\[|\benv\b)`)
)

// Generic crash shapes, checked on the line's message after prefixes are
// stripped.
var (
	reException = regexp.MustCompile(`^(?:[A-Za-z_][\w$]*[.:]{1,2})*[A-Z][\w$]*(?:Error|Exception|Exit|Failure|Fault|Interrupt|Panic)\b(?::|$| \(| - )`)
	reRubyError = regexp.MustCompile(`\((?:[A-Z]\w*::)*[A-Z]\w*(?:Error|Exception|Bad|NotFound|Invalid)\w*\)\s*$`)
)

// lineIndex records which byte pairs occur in the current line, so most
// keywords are ruled out with a few array lookups instead of a substring
// search. A generation counter avoids clearing the table between lines.
type lineIndex struct {
	gen  uint32
	seen [1 << 16]uint32
}

var lineIndexPool = sync.Pool{New: func() any { return new(lineIndex) }}

// reset indexes lower as the current line.
func (x *lineIndex) reset(lower []byte) {
	x.gen++
	if x.gen == 0 {
		clear(x.seen[:])
		x.gen = 1
	}
	for i := 0; i+1 < len(lower); i++ {
		x.seen[uint16(lower[i])<<8|uint16(lower[i+1])] = x.gen
	}
}

// mayContain reports whether the line may contain k: false means it
// certainly does not.
func (x *lineIndex) mayContain(k []byte) bool {
	for i := 0; i+1 < len(k) && i < 8; i++ {
		if x.seen[uint16(k[i])<<8|uint16(k[i+1])] != x.gen {
			return false
		}
	}
	return true
}

// luaParseError is the end of Lua's message for a source file that does
// not parse, after the file's name: ".lua:41: 'end' expected (to close
// 'function' at line 18) near '<eof>'".
const luaParseError = `\.lua:\d+: (?:'[^']+' expected\b.{0,80} near '|unexpected symbol near '|unfinished string near ')`
