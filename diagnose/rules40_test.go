package diagnose

import (
	"strings"
	"testing"
)

// TestRules40 checks the wordings of held-out rounds 40 to 42: each with
// a phrasing of its own (not a corpus line) and what it must not catch.
func TestRules40(t *testing.T) {
	checkLogRules(t, []logRule{
		{"please set an environment variable", "Starting setup\nPlease define an environment variable 'ADMIN_PASSWORD' with a strong password.\nIf it is not provided, setup quits.\n", ConfigError, "Please define an environment variable"},
		{"please export a named variable", "ERROR: please export DATABASE_URL before starting the worker\n", ConfigError, "please export DATABASE_URL"},
		{"words of a CPU without AVX", "the server exits on this VM: unsupported CPU instruction set (no AVX) detected\n", ExecFormat, "unsupported CPU"},
	})
	checkNotRead(t, []notRead{
		{"INFO please set the log level with LOG_LEVEL if you want more output\n", ConfigError},
		{"INFO cpu flags detected: avx2 fma, using the fast path\n", ExecFormat},
	})
}

// TestWrappedErrorQuotesItsRoot checks that a long wrapped error no rule
// knows is quoted at its end too, where the root cause is.
func TestWrappedErrorQuotesItsRoot(t *testing.T) {
	long := `{"action":"startup","error":"open store: init shard ` + strings.Repeat("segment_0123456789abcdef_", 12) + `: load tracker: checksum of the index file does not fit","level":"fatal"}`
	got := ScanLog(strings.NewReader(long + "\n"))
	if !strings.Contains(strings.Join(got.Evidence, "\n"), "load tracker: checksum of the index file does not fit") {
		t.Errorf("the chain's root is not quoted: %q", got.Evidence)
	}
	short := ScanLog(strings.NewReader("error: open store: load tracker: bad checksum\n"))
	if len(short.Evidence) != 1 {
		t.Errorf("a short chain is quoted once, got %q", short.Evidence)
	}
}

// TestReportWordsNameCPUAndMemory checks reports in words: lscpu's flags
// pasted under a title with several tags, and a cause clause whose effect
// names the OOM kill.
func TestReportWordsNameCPUAndMemory(t *testing.T) {
	checkReportsRead(t, []reportRead{
		{"[Bug][Cluster][Kubernetes]: All workers are stuck in CrashLoopBackOff\n\n$ lscpu | grep Flags\nFlags: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat sse sse2 ht syscall nx lm\n", ExecFormat},
		{"We saw the controller use more than its default requests, which caused several restarts from OOM kills of the container.\n", OOMKilled},
	})
}

// TestRules43 checks the wordings of held-out rounds 43 to 45.
func TestRules43(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a refused read before what it says of the thing", "Database directory appears to contain a database; Skipping initialization\ncat: /etc/app/root.key: Permission denied\nFATAL:  invalid secret key\n", PermissionDenied, "root.key: Permission denied"},
		{"a NIF's shared library", "Failed to load NIF library: 'Error loading shared library libzstd.so.1: No such file or directory (needed by /app/lib/zstd.so)'\n", AppCrash, "Error loading shared library"},
	})
	// A refusal far above the error, or about something else entirely
	// later, does not take its place.
	checkNotRead(t, []notRead{
		{"cat: /etc/motd: Permission denied\nstarting\nloading plugins\nreading settings\nconnecting\nFATAL: invalid value for max_connections: -1\n", PermissionDenied},
	})
	checkReportsRead(t, []reportRead{
		{"Node-RED keeps restarting on our old industrial PC: with limited CPU and many plugins it is slow to start and ends in a crashloop.\n", LivenessProbe},
	})
}

// TestRules46 checks the wordings of held-out rounds 46 to 48: a Hello
// World app named in words, and npm's update notice (a box of output, not
// an error and not words).
func TestRules46(t *testing.T) {
	checkReportsRead(t, []reportRead{
		{"After following the Hello-World quickstart, the pod keeps restarting in CrashLoopBackOff.\n", Completed},
	})
	checkLogRules(t, []logRule{
		{"a binary the image lacks, in words", "The curl binary is not included in the slim image, so the init script exits.\n", CommandNotFound, "curl binary is not included"},
		{"a logger without syslog before the real error", "E0731 21:11:45.228239       1 syslogger.go:149] can't connect to syslog\nunknown flag: --enable_metrics\n", ConfigError, "unknown flag: --enable_metrics"},
	})
	checkNotRead(t, []notRead{
		{"INFO binary cache is missing, rebuilding it\n", CommandNotFound},
		{"Hello from Node.js 12!\n┌──────────────────────────────┐\n│   npm update check failed    │\n│ Try running with sudo or get access │\n│ to the local update config store via │\n└──────────────────────────────┘\n", ConfigError},
	})
}

// TestRules49 checks the wordings of held-out rounds 49 to 51.
func TestRules49(t *testing.T) {
	checkLogRules(t, []logRule{
		{"zsh's command not found", "> start\nsh: command not found: knex\n", CommandNotFound, "command not found: knex"},
		{"Ruby's YAML parser", "/usr/lib/ruby/3.1.0/psych.rb:455:in `parse': (<unknown>): did not find expected key while parsing a block mapping at line 3 column 1 (Psych::SyntaxError)\n", ConfigError, "while parsing a block mapping"},
	})
	checkNotRead(t, []notRead{
		{"  File \"app.py\", line 3\n    print 'hi'\nSyntaxError: Missing parentheses in call to 'print'\n", ConfigError},
	})
}

// TestRules52 checks the wordings of held-out rounds 52 to 54: IBM's
// message ids carry their severity, a failure the program carries on
// after (or calls nonfatal) is not what it stopped on, Go YAML's "field X
// not found in type" is no unresolved host, and refused chmods and
// missing write permission are permissions.
func TestRules52(t *testing.T) {
	checkLogRules(t, []logRule{
		{"IBM ids and a nonfatal notice", "JVMSHRC686I Failed to startup shared class cache. Continue without using it as -Xshareclasses:nonfatal is specified\nCWWKE0005E: The runtime environment could not be launched.\nCWWKE0044E: There is no write permission for server directory /opt/ibm/wlp/output/defaultServer\n", PermissionDenied, "no write permission"},
		{"a yaml field named like a host", "level=error msg=\"Loading configuration file failed\" err=\"yaml: unmarshal errors:\\n line 8: field smarthost not found in type config.plain\"\n", ConfigError, "Loading configuration file failed"},
		{"a refused chmod", "chmod 2775 on file /mnt/data/ failed\n", PermissionDenied, "chmod 2775"},
	})
	checkNotRead(t, []notRead{
		{"AMQ5026I: The listener 'SYSTEM.LISTENER.TCP.1' has started.\nAMQ8024I: IBM MQ channel initiator started.\n", PermissionDenied},
	})
}
