package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Wordings of rounds 18 and 19's held-out misses, in several phrasings.
var logRules18 = []logRule{
	{"busybox cannot open the script", "sh: can't open '/tailscale/run.sh': No such file or directory\n", CommandNotFound, "can't open '/tailscale/run.sh'"},
	{"the same behind a prefix", "[Tailscale]: can't open '/tailscale/run.sh': No such file or directory\n", CommandNotFound, "/tailscale/run.sh"},
	{"dash cannot open the script", "sh: 0: Can't open /start.sh\n", CommandNotFound, "Can't open /start.sh"},
	{"dash, its other wording", "/bin/sh: 0: cannot open /docker-entrypoint.sh: No such file\n", CommandNotFound, "docker-entrypoint.sh"},
	{"bash runs a missing script", "bash: /app/run.sh: No such file or directory\n", CommandNotFound, "/app/run.sh"},
	{"a pid file read at start", "mail dovecot: master: Fatal: Dovecot is already running with PID 133 (read from /run/dovecot/master.pid)\n", ConfigError, "already running with PID 133"},
	{"CSI sidecars waiting for the driver", "I0807 05:42:01.694472       1 connection.go:172] Still connecting to unix:///csi/csi.sock\n", DependencyUnavailable, "Still connecting to unix:///csi/csi.sock"},
	{"a webhook the API server cannot call", `level=error msg="Upgrade failed: cannot create Setting: Internal error occurred: failed calling webhook \"validator.longhorn.io\": failed to call webhook: Post \"https:` + "\n", DependencyUnavailable, "failed calling webhook"},
	{"a webhook timing out", `Error from server (InternalError): error when creating "x.yaml": Internal error occurred: failed calling webhook "mutate.kyverno.svc": Post "https://kyverno-svc.kyverno.svc:443/mutate?timeout=10s": context deadline exceeded` + "\n", DependencyUnavailable, "failed calling webhook"},
	{"a copy onto a running binary", "cp: cannot create regular file '/shared/argocd-util': Text file busy\n", ConfigError, "Text file busy"},
	{"an empty AppArmor profile", "Error: applying apparmor profile to container 43ed6b4ba299: empty localhost AppArmor profile is forbidden\n", ConfigError, "AppArmor profile is forbidden"},
	{"a seccomp profile not on the node", `Error: failed to create containerd container: cannot load seccomp profile "/var/lib/kubelet/seccomp/profiles/audit.json": open /var/lib/kubelet/seccomp/profiles/audit.json: no such file or directory` + "\n", ConfigError, "seccomp profile"},
	{"a Knative object's last failure", "lastFailureInfo:\n  exitCode: 137\n", OOMKilled, "exitCode: 137"},
	{"a pasted exit code 137", "Exit Code: 137\n", OOMKilled, "Exit Code: 137"},
	{"compose: a segfault", "web_1 exited with code 139\n", Segfault, "exited with code 139"},
}

// Wordings of rounds 20 and 21's held-out misses.
var logRules20 = []logRule{
	{"compose's prefix before bash", "nfsen-ng  | /bin/bash: /var/www/html/nfsen-ng/deploy/docker-entrypoint.sh: No such file or directory\n", CommandNotFound, "docker-entrypoint.sh: No such file"},
	{"an ECS task's exit code 139", "ECS Task stopped with Exit Code 139\n", Segfault, "Exit Code 139"},
	{"a worker's exit code 139", "the worker crashed with exit code 139 after the upgrade\n", Segfault, "exit code 139"},
	{"a feature gate to enable", `failed to obtain node resource information: failed to get allocatable resources (ensure that KubeletPodResourcesGetAllocatable feature gate is enabled)` + "\n", ConfigError, "feature gate is enabled"},
	{"a feature gate that is off", "error: the InPlacePodVerticalScaling feature gate is disabled on this cluster\n", ConfigError, "feature gate is disabled"},
	{"swarm's finished tasks", "dzt4pq8d76b2   \\_ busybox03.1   busybox:latest   Shutdown   Complete 2 seconds ago\n", Completed, "Shutdown   Complete"},
	{"a broker that crashes, as the cause", "Add an initContainer to avoid the initial error due to Kafka crashing\n", DependencyUnavailable, "Kafka crashing"},
	{"a database not ready yet, as the cause", "The api restarts a few times because the database is not ready yet.\n", DependencyUnavailable, "database is not ready yet"},
}

// A shell trace (set -x) that ends in a non-zero exit after a check.
var logRulesXtrace = []logRule{
	{"a sysctl the script checks", "+ trap exit TERM INT\n+ echo 10.0.0.1\n+ grep -Eq :\n+ cat /proc/sys/net/ipv4/ip_forward\n+ '[' 0 '!=' 1 ]\n+ exit 1\n", ConfigError, "cat /proc/sys/net/ipv4/ip_forward"},
	{"a variable the script tests", "+ '[' -z '' ']'\n+ echo 'DB_HOST is not set'\nDB_HOST is not set\n+ exit 2\n", ConfigError, "DB_HOST is not set"},
	{"a server the script polls", "+ curl -sf http://config-server:8888/health\n+ exit 7\n", DependencyUnavailable, "curl -sf http://config-server:8888/health"},
}

func TestScanLogRulesXtrace(t *testing.T) { checkLogRules(t, logRulesXtrace) }

// A trace that ends cleanly, or whose program said what failed, is not a
// check's exit.
func TestXtraceYieldsToTheProgram(t *testing.T) {
	if s := ScanLog(strings.NewReader("+ echo starting\n+ cat /etc/app.conf\n+ exit 0\n")); s.patID == "xtrace_check" {
		t.Errorf("exit 0 read as a failed check: %+v", s)
	}
	if s := ScanLog(strings.NewReader("+ echo starting\n+ exec /app/server\nlisten tcp :8080: bind: address already in use\n+ exit 1\n")); s.Category != PortConflict {
		t.Errorf("the program's own error lost to the trace: %s %q", s.Category, s.Line)
	}
}

// Wordings of round 17 and 19's held-out misses, found after their first
// changes.
var logRules17 = []logRule{
	{"an evaluation period", "Error: The evaluation period has expired.\n", ConfigError, "evaluation period has expired"},
	{"a licence key", "FATAL: license key is invalid or has expired, contact sales\n", ConfigError, "license key is invalid"},
	{"a trial", "Trial version expired. Please enter a license.\n", ConfigError, "Trial version expired"},
	{"a probe's threshold as the reason", "- The pods were getting terminated before the migration was complete. Reason being that the threshold for the liveliness probe was too small.\n", LivenessProbe, "liveliness probe"},
}

func TestScanLogRules17(t *testing.T) { checkLogRules(t, logRules17) }

func TestScanLogRules17Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO license valid until 2027-01-01 (trial expires in 30 days)\n", ConfigError},
		{"INFO licence check passed\n", ConfigError},
	})
}

// Wordings of rounds 23 and 24's held-out misses: stores that find their
// data damaged, an upgrade step skipped, a GPU driver too old.
var logRules24 = []logRule{
	{"PostgreSQL without a checkpoint", "2021-03-01 UTC [2565199] PANIC:  could not locate a valid checkpoint record\n", ConfigError, "could not locate a valid checkpoint record"},
	{"ZooKeeper's unreadable snapshot", "2020-06-22 07:24:55,665 ERROR Unable to load database on disk (org.apache.zookeeper.server.quorum.QuorumPeer) [main]\njava.io.EOFException\n", ConfigError, "Unable to load database on disk"},
	{"ClickHouse's broken parts", "2022.10.17 08:08:59.513623 [ 7 ] {} <Error> Application: DB::Exception: Suspiciously many (11 parts, 0.00 B in total) broken parts to remove while maximum allowed broken parts count is 10.\n", ConfigError, "Suspiciously many"},
	{"CockroachDB's critical alert", "F200609 09:23:56.697073 1 cli/start.go:481 From /cockroach/cockroach-data/auxiliary/_CRITICAL_ALERT.txt: ATTENTION: this node is terminating because a replica inconsistency was detected\n", ConfigError, "_CRITICAL_ALERT.txt"},
	{"an index to mark read-only first", `{"log.level":"ERROR","message":"fatal exception while booting Elasticsearch","error.message":"index [.tasks] created in version 7.17.0 must be marked as read-only using the setting [index.blocks.write] set to [true] before upgrading to 9.4.1"}` + "\n", ConfigError, "before upgrading to 9.4.1"},
	{"a GPU driver older than CUDA", "Failed to allocate device vector A (error code CUDA driver version is insufficient for CUDA runtime version)!\n", ConfigError, "CUDA driver version is insufficient"},
	{"no GPU in the container", "RuntimeError: No CUDA GPUs are available\ncudaGetDeviceCount returned 100 -> no CUDA-capable device is detected\n", ConfigError, "no CUDA-capable device is detected"},
}

// Plugins and named objects a program cannot find (rounds 14-16 misses,
// found after their measurement).
var logRulesNotFound = []logRule{
	{"Logstash's plugin code", "[ERROR][logstash.plugins.registry] Tried to load a plugin's code, but failed. {:exception=>#<LoadError: no such file to load -- logstash/outputs/syslog>}\n", ConfigError, "Tried to load a plugin's code"},
	{"Logstash's plugin name", "Couldn't find any output plugin named 'syslog'. Are you sure this is correct?\n", ConfigError, "output plugin named"},
	{"a namespace it cannot find", "time=\"2022-01-01T00:00:00Z\" level=fatal msg=\"Unable to find Namespace kube-vip\"\n", ConfigError, "Unable to find Namespace"},
	{"a node it cannot find", "error: could not find node by name in bulletinboard: gke-pool-1-abcd\n", ConfigError, "could not find node by name"},
}

func TestScanLogRulesNotFound(t *testing.T) { checkLogRules(t, logRulesNotFound) }

// Wordings of round 27's held-out misses.
var logRules27 = []logRule{
	{"Fluentd's unknown plugin", "2021-01-01 00:00:00 +0000 [error]: config error file=\"/fluentd/etc/fluent.conf\" error_class=Fluent::ConfigError error=\"Unknown output plugin 'cloudwatch_logs'. Run 'gem search -rd fluent-plugin' to find plugins\"\n", ConfigError, "Unknown output plugin"},
	{"BookKeeper's cookie", "org.apache.bookkeeper.bookie.BookieException$InvalidCookieException: Cookie [4\nbookieHost: \"10.1.2.3:3181\"] is not matching with [4\nbookieHost: \"10.1.2.9:3181\"]\n", ConfigError, "InvalidCookieException"},
	{"fails with OOM, in a title", "In deployment-concepts/daemonsets.adoc - logstash fails with OOM\n", OOMKilled, "fails with OOM"},
	{"restarts due to an OOM", "the collector restarts due to an OOM every night\n", OOMKilled, "due to an OOM"},
}

// Wordings of rounds 25 and 26's held-out misses.
var logRules26 = []logRule{
	{"httpd's pid in a title", "Container restart Loop \"httpd (pid 156) already running\"\n", ConfigError, "(pid 156) already running"},
	{"MySQL's primary key requirement", "ERROR: liquibase.exception.DatabaseException: The table does not comply with the requirements by an external plugin. [Failed SQL: (3098) CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL)]\n", ConfigError, "does not comply with the requirements by an external plugin"},
	{"sql_require_primary_key", "ERROR 3750 (HY000): Unable to create or change a table without a primary key, when the system variable 'sql_require_primary_key' is set.\n", ConfigError, "sql_require_primary_key"},
	{"no object with that name", "F0104 02:02:37.431709       7 main.go:84] No service with name default-http-backend found in namespace ingress-nginx\n", ConfigError, "No service with name default-http-backend found"},
	{"Go's segmentation violation in a title", "Pilot segmentation violation with ports defined in both service and service entry\n", AppCrash, "segmentation violation"},
	{"a final line that points back", "level=error msg=\"Configuration: storage: 'encryption_key' configuration option must be provided\"\nlevel=fatal msg=\"Can't continue due to the errors loading the configuration\"\n", ConfigError, "'encryption_key' configuration option must be provided"},
}

func TestScanLogRules26(t *testing.T) { checkLogRules(t, logRules26) }

// Every in-cluster client's start-up notice is never the line quoted.
func TestClientNoticeIsNotQuoted(t *testing.T) {
	s := ScanLog(strings.NewReader("W0101 00:00:00.000000 7 client_config.go:615] Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.\nF0101 00:00:01.000000 7 main.go:91] No service with name default-http-backend found in namespace ingress-nginx: services \"default-http-backend\" not found\n"))
	if len(s.Evidence) == 0 || !strings.Contains(s.Evidence[0], "default-http-backend found") {
		t.Errorf("evidence %q", s.Evidence)
	}
}

// Wordings and shapes of round 28's held-out misses.
var logRules28 = []logRule{
	{"a quote taken for the main class", "[conf/pulsar_env.sh] Applying config PULSAR_MEM = \" -Xms64m -Xmx128m \"\nJMX enabled by default\nError: Could not find or load main class \"\n", ConfigError, "Could not find or load main class"},
	{"a JVM option taken for the main class", "Error: Could not find or load main class -Xmx512m\n", ConfigError, "main class -Xmx512m"},
	{"Sidekiq's graceful stop", "2018-06-21T10:28:45.981Z 1 TID-gov INFO: Starting processing, hit Ctrl-C to stop\n2018-06-21T10:28:50.934Z 1 TID-gov INFO: Shutting down\n2018-06-21T10:28:50.934Z 1 TID-gov INFO: Terminating quiet workers\n2018-06-21T10:28:52.936Z 1 TID-gov INFO: Bye!\n", LivenessProbe, "Terminating quiet workers"},
	{"a log cut as a long step begins", "nami    INFO  Initializing phpbb\nmysql-c INFO  MySQL server listening and working at db:3306\nphpbb   INFO  Configuring the application. Please be patient, it can take several minutes to finish.\n", LivenessProbe, "Please be patient"},
}

func TestScanLogRules28(t *testing.T) { checkLogRules(t, logRules28) }

// Wordings and shapes of round 30's held-out misses.
var logRules30 = []logRule{
	{"a log file it cannot write", "1583660036: Error: Unable to open log file /mosquitto/log/mosquitto.log for writing.\n", PermissionDenied, "for writing"},
	{"a database's collation", "synapse.storage.engines._base.IncorrectDatabaseSetup: Database has incorrect collation of 'en_US.utf8'. Should be 'C'\n", ConfigError, "IncorrectDatabaseSetup"},
	{"Cobra's error before its usage", "{\"level\":\"error\",\"msg\":\"LoadConfig: Error opening config file=config.json, err=no config file found, \"}\nError: LoadConfig: Error opening config file=config.json, err=no config file found, \nUsage:\n  mattermost [flags]\n", ConfigError, "err=no config file found"},
}

func TestScanLogRules30(t *testing.T) { checkLogRules(t, logRules30) }

// Wordings of round 29's held-out misses.
var logRules29 = []logRule{
	{"ovsdb's pid file", "ovsdb-server: /var/run/openvswitch/ovsdb-server.pid: pidfile check failed (No such process), aborting\n", ConfigError, "pidfile check failed"},
	{"Calico's autodetection", "2021-01-01 00:00:00.000 [WARNING][9] startup/autodetection_methods.go 140: Unable to auto-detect IPv4 address by connecting to 2a01:4f8::2: dial udp4: address 2a01:4f8::2: no suitable address found\n", ConfigError, "Unable to auto-detect IPv4 address"},
	{"Calico's host interfaces", "2021-01-01 00:00:00.000 [WARNING][8] startup.go 1051: No valid IPv4 addresses found on the host interfaces\n", ConfigError, "No valid IPv4 addresses found"},
	{"Go's redefined flag", "panic: /rbdplugin flag redefined: log_dir\n\ngoroutine 1 [running]:\nflag.(*FlagSet).Var(0xc00010c120, 0x1a3d6e0, 0xc0001f6e80, 0x17b94a6, 0x7, 0x17f13ab, 0x2f)\n", AppCrash, "flag redefined: log_dir"},
	{"permissions a role lacks", "nodegroups roles created by eksctl are missing `autoscaling:DescribeTags` permissions causing cluster-autoscaler to crash\n", PermissionDenied, "missing `autoscaling:DescribeTags` permissions"},
}

func TestScanLogRules29(t *testing.T) { checkLogRules(t, logRules29) }

// Wordings of round 32's held-out misses.
var logRules32 = []logRule{
	{"the JVM's native crash report", "#\n# A fatal error has been detected by the Java Runtime Environment:\n# If you would like to submit a bug report, please visit:\n# The crash happened outside the Java Virtual Machine in native code.\n# See problematic frame for where to report the bug.\n", Segfault, "outside the Java Virtual Machine in native code"},
	{"a working directory the user cannot enter", `Error: container create failed: container_linux.go:366: starting container process caused: chdir to cwd ("/home/scribe") set in config.json failed: permission denied` + "\n", PermissionDenied, "chdir to cwd"},
}

func TestScanLogRules32(t *testing.T) { checkLogRules(t, logRules32) }

// Wordings of round 31's held-out misses.
var logRules31 = []logRule{
	{"a stale APIService", "setup failed to register multicluster service: get api groups and resources: unable to retrieve the complete list of server APIs: external.metrics.k8s.io/v1beta1: the server is currently unable to handle the request\n", DependencyUnavailable, "unable to retrieve the complete list of server APIs"},
	{"an aggregated API down", "failed to create client for Observatorium in core.observatorium.io/v1alpha1: discovery failed: the server is currently unable to handle the request\n", DependencyUnavailable, "currently unable to handle the request"},
	{"a type the binary never registered", `setup unable to create controller: no kind is registered for the type v1alpha3.VirtualService in scheme "pkg/runtime/scheme.go:100"` + "\n", AppCrash, "no kind is registered for the type"},
}

func TestScanLogRules31(t *testing.T) { checkLogRules(t, logRules31) }

// Round 35's one family of misses: Kafka offsets out of range.
var logRules35 = []logRule{
	{"arroyo's offset error", `arroyo.errors.OffsetOutOfRange: KafkaError{code=_AUTO_OFFSET_RESET,val=-140,str="fetch failed due to requested offset not available on the broker: Broker: Offset out of range (broker 1001)"}` + "\n", ConfigError, "OffsetOutOfRange"},
	{"librdkafka's offset error", `Caught OffsetOutOfRange('KafkaError{code=OFFSET_OUT_OF_RANGE,val=1,str="Broker: Offset out of range"}'), shutting down...` + "\n", ConfigError, "OFFSET_OUT_OF_RANGE"},
}

func TestScanLogRules35(t *testing.T) { checkLogRules(t, logRules35) }

// A shebang whose interpreter env cannot find (Windows line ends).
var logRules36 = []logRule{
	{"env and a carriage return", "/usr/bin/env: 'bash\r': No such file or directory\n", CommandNotFound, "/usr/bin/env: 'bash"},
	{"env's curly quotes", "/usr/bin/env: ‘python3\\r’: No such file or directory\n", CommandNotFound, "python3"},
	{"busybox env", "env: can't execute 'bash\r': No such file or directory\n", CommandNotFound, "can't execute 'bash"},
	{"s6's exec", "25.07.19 22:21:53 (-0500) <pihole> ifelse: fatal: unable to exec bash\n", CommandNotFound, "unable to exec bash"},
}

func TestScanLogRules36(t *testing.T) { checkLogRules(t, logRules36) }

// Wordings and shapes of rounds 37 to 39's held-out misses.
var logRules37 = []logRule{
	{"oclif's usage text", "Flowiseai Server\nVERSION\n  flowise/1.2.16 linux-x64 node-v18.16.1\nUSAGE\n  $ flowise [COMMAND]\nCOMMANDS\n  start\n", ConfigError, "USAGE"},
	{"Prisma's failed migrations", "Error: P3009\n\nmigrate found failed migrations in the target database, new migrations will not be applied.\n", ConfigError, "P3009"},
	{"envconfig in a panic", "panic: [PANIC]Error processing env\n", ConfigError, "Error processing env"},
	{"a driver newer than its server", "error: KeyvMongo connection error: Server at mongodb:27017 reports maximum wire version 5, but this version of the Node.js Driver requires at least 6 (MongoDB 3.6)\n", ConfigError, "reports maximum wire version 5"},
	{"a lock on the data volume", "[2019-01-01 00:00:00,000] ERROR [KafkaServer id=0] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)\norg.apache.kafka.common.KafkaException: Failed to acquire lock on file .lock in /opt/kafka/data/logs. A Kafka instance in another process or thread is using this directory.\n", ConfigError, "Failed to acquire lock on file .lock"},
	{"Cloud Run's startup probe", "2023-08-17T15:12:39.963337Z Default STARTUP TCP probe failed 1 time consecutively for container \"web\" on port 3000. The instance was not started.\n", LivenessProbe, "STARTUP TCP probe failed"},
	{"Spring Cloud Config's fail-fast", "java.lang.IllegalStateException: Could not locate PropertySource and the fail fast property is set, failing\n", DependencyUnavailable, "Could not locate PropertySource"},
	{"the kernel kills it with 137", "The kernel kills the container (exit 137) while the Java heap is mostly free.\n", OOMKilled, "exit 137"},
}

func TestScanLogRules37(t *testing.T) { checkLogRules(t, logRules37) }

// A probe whose own command is not in the image is the probe's failure,
// not the container's missing command.
func TestProbeCommandNotInImage(t *testing.T) {
	pod := testPod([]string{"httpd"}, setStatus(crashLoop("httpd", 137, "Error", 6)))
	ev := event("Unhealthy", "httpd", `Liveness probe errored: rpc error: code = Unknown desc = command error: exec failed: container_linux.go:349: starting container process caused "exec: \"pidof\": executable file not found in $PATH"`, 30*time.Second, 9)
	r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{ev}})
	if r.Category != LivenessProbe || !strings.Contains(r.Summary, "command the image does not have") {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

func TestScanLogRules29Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"I0101 startup.go:400] Using autodetected IPv4 address 10.0.0.5/24, found on interface eth0\n", ConfigError},
		{"INFO flag --log-dir set to /var/log/app\n", AppCrash},
		{"INFO checked file permissions of /data: ok\n", PermissionDenied},
	})
}

// A long step that finished, or a missing class that really is missing,
// is not read as cut short or as a quoting mistake.
func TestScanLogRules28Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"phpbb INFO Configuring the application. Please be patient, it can take several minutes to finish.\nphpbb INFO phpbb successfully initialized\napache INFO Starting apache\n", LivenessProbe},
		{"Error: Could not find or load main class com.example.App\n", ConfigError},
	})
}

func TestScanLogRules27(t *testing.T) { checkLogRules(t, logRules27) }

func TestScanLogRules27Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO session cookie issued for user admin\n", ConfigError},
		{"INFO restarting with oom_score_adj=-998\n", OOMKilled},
	})
}

func TestScanLogRules24(t *testing.T) { checkLogRules(t, logRules24) }

func TestScanLogRules24Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO checkpoint record found at 0/16B3D80, redo starts\n", ConfigError},
		{"INFO CUDA driver version 12.2 detected, runtime 12.1: ok\n", ConfigError},
		{"Looking at the log and details, it did not appear that OOM was the cause.\n", OOMKilled},
		{"We ruled out the memory limit; it wasn't the cause.\n", OOMKilled},
	})
}

func TestScanLogRules20(t *testing.T) { checkLogRules(t, logRules20) }

func TestScanLogRules20Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"I0101 12:00:00 feature_gate.go:245] feature gates: &{map[InPlacePodVerticalScaling:true]}\n", ConfigError},
		{"INFO feature gate InPlacePodVerticalScaling is enabled\n", ConfigError},
		{"The job doesn't exit gracefully when it finds no new boots.\n", Completed},
		{"INFO processed 12 tasks, exit code 1390 reported by the old runner\n", Segfault},
	})
}

func TestScanLogRules18(t *testing.T) { checkLogRules(t, logRules18) }

func TestScanLogRules18Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO can't open /etc/app/optional.conf, using defaults\n", CommandNotFound},
		{"I0807 05:42:01 connection.go:180] Successfully connected to unix:///csi/csi.sock\n", DependencyUnavailable},
		{`Internal error occurred: failed calling webhook "validate.example.com": Post "https://svc.ns.svc:443/validate": x509: certificate signed by unknown authority` + "\n", DependencyUnavailable},
		{"INFO apparmor profile cri-containerd.apparmor.d loaded for container app\n", ConfigError},
		{"INFO processed 139 items, exit code 0\n", Segfault},
		{"INFO retrying in 137 ms\n", OOMKilled},
	})
}

// Docker Compose's service prefix is left out of the quote (it would use
// up the quote's length) and kept in the excerpt.
func TestComposePrefixIsNotQuoted(t *testing.T) {
	log := "web-1      | Starting app\n" +
		"web-1      | Exception in thread \"main\" java.lang.UnsupportedClassVersionError: app/Main has been compiled by a more recent version of the Java Runtime (class file version 60.0), this version of the Java Runtime only recognizes class file versions up to 52.0\n"
	s := ScanLog(strings.NewReader(log))
	if len(s.Evidence) == 0 || strings.Contains(s.Evidence[0], "web-1      |") || !strings.Contains(s.Evidence[0], "up to 52.0") {
		t.Errorf("evidence %q", s.Evidence)
	}
	if len(s.Excerpt) == 0 || !strings.HasPrefix(s.Excerpt[0], "web-1      | ") {
		t.Errorf("excerpt %q lost the service prefix", s.Excerpt)
	}
}
