package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// logRules6 are logs for the general rules of round 6 of the corpus: each
// class of evidence its unseen reports were missed for, in several
// phrasings (not only the corpus line).
var logRules6 = []logRule{
	// kingpin's flag errors (Prometheus, Alertmanager, the config reloader).
	{"kingpin: unknown short flag", "unknown short flag '-r'\n", ConfigError, "unknown short flag"},
	{"kingpin: unknown long flag", "prometheus: error: unknown long flag '--storage.tsdb.retention', try --help\n", ConfigError, "unknown long flag"},
	// A proxy or server that refuses its configuration.
	{"config rejected: envoy xds", "2024-06-10T08:53:28.664614Z\twarn\tEnvoy proxy is NOT ready: config received from XDS server, but was rejected: cds updates: 1 successful, 0 rejected; lds updates: 0 successful, 1 rejected\n", ConfigError, "was rejected"},
	{"config rejected: envoy grpc", "[warning][config] gRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: Error adding/updating listener(s) virtualInbound: missing jwks\n", ConfigError, "rejected"},
	{"config rejected: by the server", "error: the new configuration was rejected by the server: duplicate route name\n", ConfigError, "was rejected"},
	// A memory limit the reporter calls too low or had to raise.
	{"memory limit: bumped", "I suspect it is a issue of the memory limit being set to 20Mi, I bumped it to 100Mi and the issue was mitigated.\n", OOMKilled, "memory limit"},
	{"memory limit: too low", "The memory limit is too low for the indexer once it loads the catalog.\n", OOMKilled, "too low"},
	{"memory limit: increasing it", "Fixed by increasing the memory limit to 512Mi.\n", OOMKilled, "increasing the memory limit"},
	{"memory limit: raise memory", "We had to raise the container's memory to 2Gi before it stayed up.\n", OOMKilled, "raise the container's memory"},
	// A probe the program cannot answer, and the kubelet killing it, in words.
	{"probe words: can't answer probes", "Under contention the admission container is throttled; its server can't answer probes in time → liveness `context deadline exceeded` → kubelet SIGKILL → restart loop\n", LivenessProbe, "answer probes"},
	{"probe words: cannot answer its liveness probe", "the app cannot answer its liveness probe while the migration runs\n", LivenessProbe, "cannot answer its liveness probe"},
	{"probe words: kubelet restarts", "the liveness checks time out and the kubelet restarts it after 30 seconds\n", LivenessProbe, "kubelet restarts"},
	// RBAC refusals without their tail, and RBAC that lacks permissions.
	{"rbac words: forbidden title", "Kong-ingress-controller crashloopback \"kong-proxy\" is forbidden:\n", PermissionDenied, "is forbidden"},
	{"rbac words: kind and name", "F0902 08:01:08.541013 1 main.go:85] services \"kong-proxy\" is forbidden\n", PermissionDenied, "is forbidden"},
	{"rbac words: RBAC is missing permissions", "metallb addon's bundled RBAC is missing `configurationstates` (and possibly `servicebgpstatuses`) permissions, causing speaker to crashloop\n", PermissionDenied, "RBAC is missing"},
	{"rbac words: ClusterRole lacks", "The ClusterRole lacks the list permission on endpointslices, so the controller exits.\n", PermissionDenied, "ClusterRole lacks"},
	{"rbac words: missing permissions for the service account", "the operator crashes on missing RBAC permissions for its service account\n", PermissionDenied, "missing RBAC permissions"},
	// A login that fails, in the program's or the reporter's words.
	{"login words: unable to login to the databases", "The todo application gets caught in a crash loop because it's unable to login to the databases.\n", ConfigError, "unable to login to the databases"},
	{"login words: could not authenticate with the broker", "FATAL: could not authenticate with the broker, exiting\n", ConfigError, "could not authenticate with the broker"},
	{"login words: failed to log in to registry", "Error: failed to log in to the registry: unauthorized\n", ConfigError, "failed to log in to the registry"},
	// A write-ahead or value log that cannot be replayed: the data on the volume.
	{"data: badger value log", "{\"level\":\"fatal\",\"msg\":\"Failed to init storage factory\",\"error\":\"Unable to replay value log: file does not exist\"}\n", ConfigError, "Unable to replay value log"},
	{"data: wal replay", "level=error msg=\"opening db\" err=\"error replaying WAL: corrupted record at segment 12\"\n", ConfigError, "error replaying WAL"},
	// An error's header ending in a colon is quoted with its detail.
	{"detail: yaml unmarshal errors", "failed parsing config: /etc/loki/loki.yaml: yaml: unmarshal errors:\n  line 1: field loki.yaml not found in type main.Config\n", ConfigError, "field loki.yaml not found"},
	{"detail: chained headers", "ERROR! Config provider Config.Reader failed with:\n** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of an integer\n", ConfigError, "not a textual representation"},
}

func TestScanLogRules6(t *testing.T) {
	checkLogRules(t, logRules6)
}

// TestScanLogRules6Negatives checks ordinary log lines that use the same
// words (a healthy proxy's update counts, a configured memory limit, a
// health-check library, an access log, end users' logins, a WAL replay in
// progress): they must not be read as the cause.
func TestScanLogRules6Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"2024-06-10T08:53:28Z\tinfo\tEnvoy proxy is ready: config received from XDS server: cds updates: 3 successful, 0 rejected\n", ConfigError},
		{"level=warn msg=\"request rejected\" reason=\"rate limit exceeded\" client=10.0.0.7\n", ConfigError},
		{"level=info msg=\"message rejected by broker, requeueing\"\n", ConfigError},
		{"level=info msg=\"memory limit set\" limit=1Gi\n", OOMKilled},
		{"Memory limiter configured: limit_mib=800 spike_limit_mib=100\n", OOMKilled},
		{"INFO increasing heap memory to 2g for the build\n", OOMKilled},
		{"GOMEMLIMIT set from the memory limit: 400MiB\n", OOMKilled},
		{"level=info msg=\"liveness check passed\" checker=db\n", LivenessProbe},
		{"registered liveness and readiness handlers at /healthz and /readyz\n", LivenessProbe},
		{"10.0.0.9 - - [01/Jan/2025:10:00:00 +0000] GET \"/admin\" is forbidden for anonymous users\n", PermissionDenied},
		{"level=info msg=\"RBAC check passed\" role=admin\n", PermissionDenied},
		{"WARN user alice failed to log in to the dashboard (attempt 2)\n", ConfigError},
		{"level=info msg=\"replaying WAL, this may take a while\" segment=3\n", ConfigError},
	})
	// A header's continuation stops at the next log record.
	got := ScanLog(strings.NewReader("2024-01-01T00:00:00Z ERROR failed to load config errors:\n2024-01-01T00:00:01Z INFO shutting down\n"))
	if strings.Contains(strings.Join(got.Evidence, "\n"), "shutting down") {
		t.Errorf("a new log record was quoted as the header's detail: %q", got.Evidence)
	}
}

// TestOneShotCommand checks that a pod whose own command ends by itself (a
// finite sleep, an echo, a script of such commands) under restartPolicy
// Always is a finished task, and that servers, loops, an exec of something
// else and a failed exit are not.
func TestOneShotCommand(t *testing.T) {
	clb := func(name string) func(*corev1.Pod) {
		return sparse(name, corev1.ContainerStatus{State: waitingCLB(), RestartCount: 10})
	}
	for _, cmd := range [][]string{
		{"/bin/sleep", "30s"},
		{"sleep", "3600"},
		{"echo", "$(HOSTNAME)"},
		{"sh", "-c", "echo hello; sleep 5"},
		{"/bin/bash", "-c", "date && printenv"},
		{"sh", "-c", "devs=$(ls /dev/ | egrep '^nvidia[0-9]+$') && echo gpu devices: $devs"},
		{"sh", "-c", "nvidia-smi; cat /etc/config/app.properties"},
		{"curl", "-s", "http://example.test/ping"},
	} {
		pod := testPod([]string{"job"}, clb("job"), withCommand("job", cmd...))
		r := Diagnose(Input{Pod: pod, Now: now})
		if r.Category != Completed {
			t.Errorf("%q: got %s: %s", cmd, r.Category, r.Summary)
		}
	}
	for _, cmd := range [][]string{
		{"sleep", "infinity"},
		{"sh", "-c", "while true; do echo tick; sleep 5; done"},
		{"sh", "-c", "echo starting && exec nginx -g 'daemon off;'"},
		{"/app/server", "--port", "8080"},
		{"ping", "10.0.0.1"},
		{"sh", "-c", "echo ready; tail -f /dev/null"},
		{"sh", "-c", "PORT=8080 ./server"},
		{"sh", "-c", "x=$(./server --check)"},
	} {
		pod := testPod([]string{"job"}, clb("job"), withCommand("job", cmd...))
		if r := Diagnose(Input{Pod: pod, Now: now}); r.Category == Completed {
			t.Errorf("%q read as a finished task: %s", cmd, r.Summary)
		}
	}
	failed := testPod([]string{"job"}, setStatus(crashLoop("job", 1, "Error", 5)), withCommand("job", "sleep", "30s"))
	if r := Diagnose(Input{Pod: failed, Now: now}); r.Category == Completed {
		t.Errorf("exit 1 with a finite sleep read as a finished task: %s", r.Summary)
	}
}

// TestRound6WordsYieldToStatus checks that the prose rules of round 6 do
// not outweigh a live pod's recorded termination: OOMKilled stays an OOM
// kill whatever the log says about probes, RBAC or logins.
func TestRound6WordsYieldToStatus(t *testing.T) {
	pod := testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 6)), withLiveness("api"))
	for _, log := range []string{
		"the app cannot answer its liveness probe while the migration runs\n",
		"the ClusterRole lacks the list permission on endpointslices\n",
		"FATAL: could not authenticate with the broker, exiting\n",
		"error: the new configuration was rejected by the server\n",
	} {
		r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": log}})
		if r.Category != OOMKilled {
			t.Errorf("%q: got %s, want oom_killed: %s", log, r.Category, r.Summary)
		}
	}
}

// TestOOMWordsSummary checks that an OOM kill named in words or by the
// kernel is summarised as the kill at the container's limit, and a
// runtime's own heap error as the heap limit.
func TestOOMWordsSummary(t *testing.T) {
	pod := testPod([]string{"api"}, sparse("api", corev1.ContainerStatus{State: waitingCLB(), RestartCount: 4}))
	for _, log := range []string{
		"paymentservice OOMKilled, CrashLoopBackOff\n",
		"I suspect the memory limit being set to 20Mi, I bumped it to 100Mi and it was fine.\n",
	} {
		r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": log}})
		if r.Category != OOMKilled || strings.Contains(r.Summary, "heap") || !strings.Contains(r.Summary, "memory limit") {
			t.Errorf("%q: got %s: %s", log, r.Category, r.Summary)
		}
	}
	r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"api": "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n"}})
	if r.Category != OOMKilled || !strings.Contains(r.Summary, "heap") {
		t.Errorf("java heap: got %s: %s", r.Category, r.Summary)
	}
}

// logRules6b are logs for the rules of round 6's second batch, in several
// phrasings.
var logRules6b = []logRule{
	// controller-runtime's informer that never syncs, in its newer wording.
	{"cache: to be synced", "E0101 00:00:00 1 controller.go:1] timed out waiting for cache to be synced for Kind *v1alpha1.Registries\n", ConfigError, "to be synced"},
	{"cache: wrapped paste", "provider: error: Cannot start controller manager: failed to wait for\nmanaged/container.digitalocean.crossplane.io/v1alpha1, kind=registries\ncaches to sync: timed out waiting for cache to be synced for Kind\n*v1alpha1.Registries\n", ConfigError, "for Kind *v1alpha1.Registries"},
	// A file the program reads is a directory.
	{"eisdir: grafana provisioning", "Datasource provisioning error: read /etc/grafana/provisioning/datasources/prometheus-datasource.yml: is a directory\n", ConfigError, "is a directory"},
	{"eisdir: open config", "level=fatal msg=\"cannot load config\" err=\"open /app/config.yaml: is a directory\"\n", ConfigError, "is a directory"},
	{"eisdir: node", "Error: EISDIR: illegal operation on a directory, read\n", ConfigError, "EISDIR"},
	// A reporter's cause clause naming the configuration.
	{"cause clause: configmap entries", "Grafana pod stuck on CrashLoopBackOff due to 2 datasource entries exist in grafana-datasources configmap\n", ConfigError, "configmap"},
	{"cause clause: duplicate in values", "the api keeps crashing because of duplicate listeners in the helm values\n", ConfigError, "because of"},
	{"cause clause: settings", "The worker restarts due to an invalid settings file shipped with the chart.\n", ConfigError, "settings"},
	// An error in a named piece of the configuration.
	{"config part: vrl transform", "Vector has been in CrashLoopBackOff for 2 days due to a VRL compilation error in the `db_logs` transform\n", ConfigError, "compilation error in the `db_logs` transform"},
	{"config part: nginx config", "nginx fails with a syntax error in the nginx config at line 12\n", ConfigError, "syntax error in the nginx config"},
	{"config part: routes block", "parse error in the `routes` block of the gateway\n", ConfigError, "parse error"},
	{"config is invalid", "logger=provisioning level=error msg=\"Failed to provision data sources\" error=\"Datasource provisioning error: datasource.yaml config is invalid. Only one datasource per organization can be marked as default\"\n", ConfigError, "Only one datasource"},
	// A bare Go runtime panic and a nil map in words.
	{"panic: runtime error bare", "panic: runtime error in replicatedsecret controller\n", AppCrash, "panic: runtime error"},
	{"nil map in words", "from the logs it looks like the operator is trying to assign a value to a non-initialised map\n", AppCrash, "non-initialised map"},
}

// logRules6c are logs for the rules of round 6's third batch.
var logRules6c = []logRule{
	// JVM options the JVM refuses.
	{"jvm: javaagent jar missing", "Error occurred during initialization of VM\nError opening zip file or JAR manifest missing : agents/jolokia.jar\nagent library failed to init: instrument\n", ConfigError, "agents/jolokia.jar"},
	{"jvm: agent library", "Error occurred during initialization of VM\nCould not find agent library /opt/yourkit/libyjpagent.so on the library path, with error: cannot open shared object file\n", ConfigError, "Could not find agent library"},
	{"jvm: unknown -XX option", "Unrecognized VM option 'UseCGroupMemoryLimitForHeap'\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.\n", ConfigError, "Unrecognized VM option"},
	{"jvm: bad -Xmx", "Invalid maximum heap size: -Xmx4gb\nError: Could not create the Java Virtual Machine.\n", ConfigError, "Invalid maximum heap size"},
	{"jvm: heap it cannot reserve", "Error occurred during initialization of VM\nCould not reserve enough space for 4194304KB object heap\n", ConfigError, "Could not reserve enough space"},
	// A flag the program requires, or a flag value it refuses.
	{"flag: value greater than 0", "-consul-api-timeout must be set to a value greater than 0\n", ConfigError, "-consul-api-timeout must be set"},
	{"flag: cobra required", "Error: required flag(s) \"config\", \"namespace\" not set\n", ConfigError, "required flag(s)"},
	{"flag: is required", "level=fatal msg=\"--cluster-name is required\"\n", ConfigError, "--cluster-name is required"},
	{"flag: must be specified", "F0101 00:00:00.000000       1 main.go:40] --kubelet-port must be specified when --kubelet-use-node-status-port is false\n", ConfigError, "--kubelet-port must be specified"},
	// A state file the program cannot read any more.
	{"state file: fluentd storage", "2018-12-28 14:22:30 +0000 [error]: [in_systemd_docker] failed to read data from plugin storage file path=\"/var/log/x.json\" error_class=Fluent::ConfigError error=\"Invalid contents (not object) in plugin storage file: '/var/log/x.json'\"\n2018-12-28 14:22:30 +0000 [error]: config error file=\"/fluentd/etc/fluent.conf\" error_class=Fluent::ConfigError error=\"Unexpected error: failed to read data from plugin storage file: '/var/log/x.json'\"\n", ConfigError, "Invalid contents"},
	{"state file: corrupt checkpoint", "level=error msg=\"cannot start\" err=\"corrupted checkpoint file /data/wal/checkpoint.0042\"\n", ConfigError, "corrupted checkpoint file"},
	{"state file: position file is corrupt", "ERROR position file /var/log/td-agent/pos/app.pos is corrupt, refusing to start\n", ConfigError, "is corrupt"},
	// The failed lease renewal is quoted, not the exit it causes.
	{"lease: renew before lost", "I0619 07:05:11.965197       1 leaderelection.go:231] failed to renew lease nfs/cluster.local-nfs: failed to tryAcquireOrRenew context deadline exceeded\nF0619 07:05:11.966172       1 controller.go:646] leaderelection lost\n", DependencyUnavailable, "failed to renew lease"},
	{"lease: resource lock", "E0101 00:00:00.000000       1 leaderelection.go:330] error retrieving resource lock kube-system/my-controller: Get \"https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/my-controller\": context deadline exceeded\nF0101 00:00:05.000000       1 main.go:80] leaderelection lost\n", DependencyUnavailable, "error retrieving resource lock"},
}

func TestScanLogRules6c(t *testing.T) {
	checkLogRules(t, logRules6c)
}

func TestScanLogRules6cNegatives(t *testing.T) {
	checkNotRead(t, []notRead{
		// Healthy JVM start lines that name the same things.
		{"Picked up JAVA_TOOL_OPTIONS: -javaagent:/agents/jolokia.jar=port=8778,host=0.0.0.0\n", ConfigError},
		{"I> No access restrictor found, access to any MBean is allowed\nJolokia: Agent started with URL http://10.1.2.3:8778/jolokia/\n", ConfigError},
		{"INFO  [main] o.a.c.s.JvmOptions: VM options: -Xmx4g -XX:+UseG1GC\n", ConfigError},
		{"  -h, --help   help for controller\n  --dry-run    print what would change\n", ConfigError},
		// A lease renewed, and a leader elected.
		{"I0101 00:00:00.000000       1 leaderelection.go:258] successfully acquired lease kube-system/my-controller\n", DependencyUnavailable},
		{"I0101 00:00:00.000000       1 leaderelection.go:248] attempting to acquire leader lease kube-system/my-controller...\n", DependencyUnavailable},
	})
}

func TestScanLogRules6b(t *testing.T) {
	checkLogRules(t, logRules6b)
}

// TestScanLogRules6bNegatives checks healthy lines with the same words: an
// informer still waiting, a directory skipped, a reload on a config change,
// a compile error outside the configuration, a reporter's remark about
// the logs.
func TestScanLogRules6bNegatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"I0101 00:00:00.000000       1 shared_informer.go:311] Waiting for caches to sync for garbage collector\n", ConfigError},
		{"level=info msg=\"caches synced\" controller=ingress\n", ConfigError},
		{"level=debug msg=\"skipping /var/log/pods: is a directory, not a file\"\n", ConfigError},
		{"level=info msg=\"restarting worker due to configmap change\"\n", ConfigError},
		{"Reloading: restart triggered because of a config file update\n", ConfigError},
		{"compilation error in module payments, falling back to the interpreter\n", ConfigError},
		{"The router pod goes into crashLoopBack on deployment. Below is the only errors from the pod log\n", AppCrash},
	})
}

// TestFocusKeepsTheTail: a long line whose match lies well past its start
// is quoted from shortly before the match, so the detail after it (the
// resource an RBAC refusal names) is not cut; a match near the start
// keeps the line's start.
func TestFocusKeepsTheTail(t *testing.T) {
	rbac := pat("t", PermissionDenied, weightSpecific, "", "is forbidden")
	long := `2018-05-09 15:56:00 +0000 [error]: fluent/supervisor.rb:369:rescue in main_process: config error file="/etc/td-agent/td-agent.conf" ` + strings.Repeat("padding ", maxQuoteBytes/8) + `error="Exception encountered fetching metadata from Kubernetes API endpoint: pods is forbidden: User \"system:serviceaccount:logging:default\" cannot list pods at the cluster scope"`
	if got := focus(long, rbac, maxQuoteBytes); !strings.Contains(got, "cannot list pods at the cluster scope") || !strings.HasPrefix(got, "…") {
		t.Errorf("tail cut: %q", got)
	}
	early := "pods is forbidden: User \"system:serviceaccount:x:default\" cannot list resource \"pods\" in API group \"\" at the cluster scope " + strings.Repeat("x", 300)
	if got := focus(early, rbac, maxQuoteBytes); !strings.HasPrefix(got, "pods is forbidden") {
		t.Errorf("start lost: %q", got)
	}
}

// TestFlagRequiredNegatives: flags named in passing are not a flag the
// program requires (the lines may still be read by other rules).
func TestFlagRequiredNegatives(t *testing.T) {
	var p *pattern
	for _, q := range patterns {
		if q.id == "flag_required" {
			p = q
		}
	}
	if p == nil {
		t.Fatal("no flag_required pattern")
	}
	for _, l := range []string{
		`level=info msg="--metrics-port is required for metrics; metrics are disabled"`,
		"INFO the re-sync interval must be set in minutes from v2 on; using the default",
		"the x-api-key must be set by the client",
		"  --timeout duration   how long to wait (default 5s)",
		"the --dry-run flag must be used with care",
	} {
		if p.re.MatchString(l) {
			t.Errorf("%q matched", l)
		}
	}
}

// TestStateFileNegatives: healthy lines about state files.
func TestStateFileNegatives(t *testing.T) {
	for _, l := range []string{
		"2018-12-28 14:22:30 +0000 [info]: following tail of /var/log/containers/app.log, pos file /var/log/app.pos\n",
		"level=info msg=\"wrote checkpoint file\" path=/data/checkpoint.0042\n",
		"INFO removed truncated log segment; the state file was written again\n",
	} {
		if got := ScanLog(strings.NewReader(l)); got.patID == "state_file_corrupt" {
			t.Errorf("%q read as a corrupt state file", l)
		}
	}
}
