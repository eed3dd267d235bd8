package diagnose

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// logRules10b are logs for the general rules of round 10 of the corpus:
// each class of evidence its unseen reports were missed for, in several
// phrasings (not only the corpus line).
var logRules10b = []logRule{
	// A script stopped by nounset, in the reporter's words.
	{"unbound words: crashloops because", "The kibana sidecar, which ensures that the index exists, crashloops because the usage of an unbound variable.\n", ConfigError, "unbound variable"},
	{"unbound words: fails with", "the init script fails on an unbound variable when TENANT is empty\n", ConfigError, "unbound variable"},
	{"unbound words: first", "An unbound variable in entrypoint.sh makes the container exit right away\n", ConfigError, "unbound variable"},
	// A flag the program's environment does not accept.
	{"flag words: incompatible with this flag", "Root cause: Cluster Autoscaler 1.26+ enables --enforce-node-group-min-size=true by default, but v1.25 clusters are incompatible with this flag.\n", ConfigError, "incompatible with this flag"},
	{"flag words: not supported with the option", "the sidecar crashes: the old kernel is not supported with the --bpf option we pass\n", ConfigError, "not supported with the --bpf"},
	{"flag words: flag is incompatible", "The --tls-min-version flag is incompatible with the FIPS build, so the pod restarts\n", ConfigError, "flag is incompatible"},
	// A file named missing in words.
	{"file words: not finding", "restarting minikube result in zookeeper pod crashing, due to not finding file \"myid\"\n", ConfigError, "not finding file"},
	{"file words: because of a missing", "the exporter crash loops because of a missing config file after the upgrade\n", ConfigError, "missing config file"},
	{"file words: lack of", "Pod restarts due to the lack of the license file in /etc/app\n", ConfigError, "lack of the license file"},
	// A configuration the program's validation refuses, in words.
	{"rejects words: strict validation", "oauth2-proxy pod CrashLoopBackOff because config file used singular key names which v7's strict validation rejects\n", ConfigError, "strict validation rejects"},
	{"rejects words: rejects unknown keys", "the new release rejects unknown keys in the config, so our old values crash it\n", ConfigError, "rejects unknown keys"},
	{"rejects words: rejects the option", "since 2.0 the server rejects the option `legacy_mode` and exits\n", ConfigError, "rejects the option"},
	// An error in the configuration named as the cause.
	{"config error words: can cause", "This section of the original article has an error in the `config.yaml` which can cause a CrashLoopBackOff state\n", ConfigError, "error in the `config.yaml`"},
	{"config error words: typo", "a typo in values.yaml leads to the controller crashing on start\n", ConfigError, "typo in values.yaml"},
	{"config error words: mistake", "There was a mistake in my configuration file that caused the restarts.\n", ConfigError, "mistake in my configuration file"},
	// A fix that removes a volume mount.
	{"mount fix: removing the mount", "Live-fixed by manual editing of the running collectd daemonset  and removing the mount, deployment-fix by restoring the flag\n", ConfigError, "removing the mount"},
	{"mount fix: solved by deleting", "Solved it by deleting the hostPath volume mount from the daemonset.\n", ConfigError, "deleting the hostPath volume mount"},
	{"mount fix: workaround", "Workaround: drop the extra mount and the pod starts.\n", ConfigError, "drop the extra mount"},
	// A full disk in words, over the signal it causes.
	{"disk words: disk fill", "Prometheus server going to CrashLoopBackOff due to disk fill event\n", ConfigError, "disk fill"},
	{"disk words: over sigbus", "Crash loop in NewActiveQueryTracker on disk full\nunexpected fault address 0x7f2c07c61000\nfatal error: fault\n[signal SIGBUS: bus error code=0x2 addr=0x7f2c07c61000 pc=0x4698e2]\n", ConfigError, "disk full"},
	{"disk words: ran out", "the loki PVC ran out of space and the ingester keeps restarting\n", ConfigError, "ran out of space"},
	{"disk words: out of disk space", "ERROR compactor: out of disk space on /data\n", ConfigError, "out of disk space"},
	// The program starts before what it needs, or cannot reach it.
	{"reach words: created before", "This currently happens with `kube-state-metrics` because it is created before the APIServer is up, hence it can not reach it, hence it errors.\n", DependencyUnavailable, "created before the APIServer is up"},
	{"reach words: cannot reach", "the operator cannot reach the API server from the new subnet and exits\n", DependencyUnavailable, "cannot reach"},
	{"reach words: starts before the database", "the app starts before the database is ready and crashes on the first query\n", DependencyUnavailable, "starts before the database is ready"},
	// A fix that removes the liveness probe.
	{"probe removed: pr title", "remove liveness probe from kibana podspec\nThis currently keeps crashing Kibana if e.g ES fails behind the scenes.\n", LivenessProbe, "remove liveness probe from"},
	{"probe removed: removing the startup probe", "Fixed by removing the startup probe in the chart values.\n", LivenessProbe, "removing the startup probe in"},
	// A setting silently ignored.
	{"ignored words: env var", "That env var was silently ignored (no error, no warning), leaving no listener bound.\n", ConfigError, "silently ignored"},
	{"ignored words: option", "the --config flag is silently ignored when --alpha-config is set, so it starts with defaults and exits\n", ConfigError, "silently ignored"},
	// The API server named as not answering.
	{"not responding: title", "Kube-Vip crashing if K8s api isnt responding because of validatingwebhook failure\n", DependencyUnavailable, "api isnt responding"},
	{"not responding: api server", "the controller restarts whenever the API server is not responding for a few seconds\n", DependencyUnavailable, "API server is not responding"},
	{"not responding: webhook timeout", "causing the k8s-api to wait the webhook timeout on each request, so the lease is lost\n", DependencyUnavailable, "wait the webhook timeout"},
	// Client timeouts that name their dependency.
	{"timeout: elasticsearch client", "{\"name\":\"Kibana\",\"level\":60,\"err\":{\"message\":\"Request Timeout after 5000ms\",\"name\":\"Error\"},\"msg\":\"\"}\n", DependencyUnavailable, "Request Timeout after 5000ms"},
	{"timeout: kafka errors", "**org.apache.kafka.common.errors.TimeoutException: Failed to get offsets by times** in 30002ms\n", DependencyUnavailable, "TimeoutException: Failed to get offsets"},
	{"timeout: kafka node assignment", "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: createTopics\n", DependencyUnavailable, "Timed out waiting for a node assignment"},
	// memberlist without an address to advertise.
	{"memberlist: tempo", "level=warn caller=ingester.go:159 msg=\"failed to stop ingester lifecycler\" err=\"failed to join the ring ingester: invalid service state: Failed, expected: Running, failure: failed to create memberlist: Failed to get final advertise address: no private IP address found, and explicit IP not provided\"\n", ConfigError, "no private IP address found"},
	{"memberlist: loki", "level=error msg=\"module failed\" module=memberlist-kv error=\"failed to create memberlist: Failed to get final advertise address: No private IP address found, and explicit IP not provided\"\n", ConfigError, "No private IP address found"},
	// ZooKeeper's AdminServer cannot bind 8080.
	{"zk adminserver: error", "2023-11-30 15:18:34,413 [myid:1] - ERROR [main:ZooKeeperServerMain@86] - Unable to start AdminServer, exiting abnormally\n", PortConflict, "Unable to start AdminServer"},
	{"zk adminserver: exception", "org.apache.zookeeper.server.admin.AdminServer$AdminServerException: Problem starting AdminServer on address 0.0.0.0, port 8080 and command URL /commands\n", PortConflict, "Problem starting AdminServer"},
	// Fluent Bit's summary of a configuration it refuses.
	{"config contains errors: fluent bit", "[2025/08/26 09:33:49] [error] configuration file contains errors, aborting.\n", ConfigError, "configuration file contains errors"},
}

func TestScanLogRules10b(t *testing.T) {
	checkLogRules(t, logRules10b)
}

// rules10bNegatives are ordinary lines that use the words of round 10's
// rules (a script documenting nounset, an option ignored on purpose, an
// index rebuilt, a mount point cleaned up, disk space reported, a wait for
// the database, a probe result dropped from a cache, a configured timeout,
// an advertise address in use, a clean validation).
var rules10bNegatives = []string{
	"# set -u: exit on unbound variables\n",
	"INFO shellcheck: no unbound variables found in entrypoint.sh\n",
	"WARN option --legacy is not supported with this driver, ignoring\n",
	"INFO creating index file because of a missing index file from the last run\n",
	"INFO removing the mount point /mnt/tmp after backup, fixed permissions\n",
	"INFO disk usage 41%, disk is not full\n",
	"INFO waiting until the database is up before serving\n",
	"INFO the app can reach the database at db:5432\n",
	"DEBUG removed liveness probe result for pod web-1 from the cache\n",
	"INFO using advertise address 10.0.3.7 for memberlist\n",
	"INFO Started AdminServer on address 0.0.0.0, port 8080 and command URL /commands\n",
	"INFO validation passed: no errors in the config file, starting\n",
	"INFO setting request.timeout.ms=30000 (request timeout)\n",
	"INFO api server is responding again after 2 retries\n",
	"INFO webhook timeout set to 10s\n",
}

// round10bPatterns are the ids of the patterns round 10 added.
var round10bPatterns = []string{"unbound_var_words", "flag_incompatible_words", "missing_file_words", "validation_rejects_words",
	"config_error_cause_words", "mount_removed_fix", "disk_full_words", "cannot_reach_words", "probe_removed_fix",
	"setting_ignored_words", "memberlist_advertise", "zk_adminserver", "not_responding_words"}

// TestRules10bNegatives checks that none of round 10's patterns reads the
// negatives, and that the whole scan does not read them as what those
// patterns name (a lone warning may still be read by its words, at the
// lowest weight: that is the older lexical reading, not these rules).
func TestRules10bNegatives(t *testing.T) {
	byID := map[string]*pattern{}
	for _, p := range patterns {
		byID[p.id] = p
	}
	idx := new(lineIndex)
	for _, id := range round10bPatterns {
		p := byID[id]
		if p == nil {
			t.Fatalf("pattern %s is gone", id)
		}
		for _, l := range rules10bNegatives {
			line := bytes.TrimRight([]byte(l), "\n")
			lower := bytes.ToLower(line)
			idx.reset(lower)
			if p.match(idx, lower, line, stripPrefixes(line)) {
				t.Errorf("%s reads %q", id, l)
			}
		}
	}
	for _, l := range rules10bNegatives {
		if got := ScanLog(bytes.NewReader([]byte(l))); got.score >= weightGeneric {
			t.Errorf("%q read as %s by %s (score %d)", l, got.Category, got.patID, got.score)
		}
	}
}

// TestRound10WordsYieldToStatus checks that the prose rules of round 10 do
// not outweigh a live pod's recorded termination: an OOMKilled container
// stays an OOM kill whatever the log says about unbound variables, a full
// disk, a flag, an ignored setting or a removed probe.
func TestRound10WordsYieldToStatus(t *testing.T) {
	pod := testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 6)), withLiveness("api"))
	for _, log := range []string{
		"The sidecar crashloops because the usage of an unbound variable\n",
		"Prometheus server going to CrashLoopBackOff due to disk fill event\n",
		"v1.25 clusters are incompatible with this flag\n",
		"That env var was silently ignored, leaving no listener bound\n",
		"remove liveness probe from kibana podspec\n",
		"it is created before the APIServer is up, hence it can not reach it\n",
		"Kube-Vip crashing if K8s api isnt responding\n",
	} {
		r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": log}})
		if r.Category != OOMKilled {
			t.Errorf("%q: got %s, want oom_killed: %s", log, r.Category, r.Summary)
		}
	}
}

// TestWordsCauseQuotesTheProgramsLine checks that when the reporter's words
// name the cause ("on disk full"), the program's own crash line of another
// kind (the SIGBUS the full disk caused) is quoted too, after the cause;
// a second line of the same kind, or one naming no cause, is not added.
func TestWordsCauseQuotesTheProgramsLine(t *testing.T) {
	got := ScanLog(bytes.NewReader([]byte("Crash loop in NewActiveQueryTracker on disk full\nunexpected fault address 0x7f2c07c61000\nfatal error: fault\n[signal SIGBUS: bus error code=0x2 addr=0x7f2c07c61000 pc=0x4698e2]\n")))
	if got.Category != ConfigError || len(got.Evidence) < 2 || !strings.Contains(got.Evidence[0], "disk full") {
		t.Fatalf("got %s %q", got.Category, got.Evidence)
	}
	if !slices.ContainsFunc(got.Evidence[1:], func(e string) bool { return strings.Contains(e, "signal SIGBUS") }) {
		t.Errorf("the program's SIGBUS line is not quoted: %q", got.Evidence)
	}
	// Words alone: nothing else to quote.
	got = ScanLog(bytes.NewReader([]byte("Prometheus server going to CrashLoopBackOff due to disk fill event\nlevel=info msg=\"Starting TSDB ...\"\n")))
	if len(got.Evidence) != 1 {
		t.Errorf("words alone quote %q", got.Evidence)
	}
}
