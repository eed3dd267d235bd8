package diagnose

import (
	"strings"
	"testing"
)

// A `docker ps` row whose container last exited 137 and is restarted:
// with no probe in Docker, most often its memory limit. Any line naming
// another cause outweighs the row.
func TestPsRowExit137(t *testing.T) {
	checkLogRules(t, []logRule{
		{"docker ps restarting with 137", "4f1c2a9e7b3d   metabase/metabase:v0.50.9   \"/app/run_metabase.sh\"   12 minutes ago   Restarting (137) 8 seconds ago             reporting-metabase-1\n", OOMKilled, "Restarting (137)"},
		{"podman ps exited 137", "c41d7e0a9b2f  docker.io/acme/indexer:2  /bin/indexer  2 minutes ago  Exited (137) 3 seconds ago  indexer\n", OOMKilled, "Exited (137)"},
	})
	checkNotRead(t, []notRead{
		{"api-1  acme/api:1  Restarting (137) 2 seconds ago\nError: connect ECONNREFUSED 10.0.0.5:5432\n", OOMKilled},
		{"api-1  acme/api:1  Restarting (1) 2 seconds ago\n", OOMKilled},
		{"The worker was restarted 137 times last week.\n", OOMKilled},
	})
}

// Rules from the misses of held-out rounds 356 to 365 (password managers,
// note apps, process supervisors, log and pid files, home-automation
// adapters, Docker API tools, backup tools).
func TestRules356(t *testing.T) {
	checkLogRules(t, []logRule{
		{"rsyslogd's pid file and its pid", "rsyslogd: run failed with error -3000 (see rsyslog.h or try http://www.rsyslog.com/e/3000 to learn what that number means)\nrsyslogd: pidfile '/var/run/rsyslogd.pid' and pid 9 already exist.\n", ConfigError, "pidfile '/var/run/rsyslogd.pid'"},
		{"keepalived's daemon already running", "Starting Keepalived v1.3.5 (03/19,2017)\nOpening file '/etc/keepalived.d/keepalived.conf'.\ndaemon is already running\n", ConfigError, "daemon is already running"},
		{"go-redis finds no sentinel", "redis: all sentinels specified in configuration are unreachable\n", DependencyUnavailable, "all sentinels specified"},
		{"runc without the memory controller", "Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: unified resource \"memory.oom.group\" can't be set: controller \"memory\" not available: unknown\n", ConfigError, "memory"},
		{"a kernel booted without the memory cgroup", "Mar 25 03:22:11 localhost kernel: Kernel command line: coherent_pool=1M cgroup_disable=memory numa_policy=interleave rootwait\n", ConfigError, "cgroup_disable=memory"},
		{"k3s finds no memory cgroup", "level=fatal msg=\"failed to find memory cgroup (v2)\"\n", ConfigError, "failed to find memory cgroup"},
		{"the reporter's words: the option is off", "By default the cgroup memory option will be disabled, we will need to update this for Docker to be able to limit memory usage.\n", ConfigError, "cgroup memory option"},
		{"strongSwan's starter and its pid file", "Starting strongSwan 5.4.0 IPsec [starter]...\nremoving pidfile '/var/run/charon.pid', process not running\nstarter is already running (/var/run/starter.charon.pid exists) -- no fork done\n", ConfigError, "starter.charon.pid exists"},
		{"a host kernel without WireGuard", "$ wg-quick up wg0\nError: WireGuard exited with the error: Cannot find device \"wg0\"\nThis usually means that your host's kernel does not support WireGuard!\n    at /app/lib/WireGuard.js:65:19\n", ConfigError, "wg0"},
		{"CoreDNS given a plugin twice", "plugin/forward: this plugin can only be used once per Server Block\n", ConfigError, "once per Server Block"},
		{"Ruby's uninitialized constant in an initializer", "/app/config/initializers/sidekiq_cron.rb:3:in `<main>': uninitialized constant InvoiceReminderJob (NameError)\n", AppCrash, "uninitialized constant"},
		{"curl given a 503 by the service", "curl: (22) The requested URL returned error: 503\n", DependencyUnavailable, "returned error: 503"},
		{"a kernel module the node lacks", "modprobe: FATAL: Module iptable_nat not found in directory /lib/modules/6.18.29+rpt-rpi-2712\n", ConfigError, "iptable_nat not found"},
		{"iptables without the nat table", "iptables v1.8.10 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n", ConfigError, "Table does not exist"},
		{"OpenVPN without the TUN device", "2024-03-01 10:00:01 ERROR: Cannot open TUN/TAP dev /dev/net/tun: No such file or directory (errno=2)\n2024-03-01 10:00:01 Exiting due to fatal error\n", PermissionDenied, "/dev/net/tun"},
		{"a router that cannot access the TUN device", "The router crashes in a loop with the error couldn't access device `/dev/net/tun`.\n", PermissionDenied, "/dev/net/tun"},
		{"Go with no home in its environment", "{\"level\":\"fatal\",\"msg\":\"starting tailscale server: tsnet: neither $XDG_CONFIG_HOME nor $HOME are defined\"}\n", ConfigError, "$HOME"},
		{"a program that ends itself with 0", "The update starts a helper with subprocess.Popen() and then calls `sys.exit(0)`, so the container stops and restart: unless-stopped starts it again.\n", Completed, "sys.exit(0)"},
		{"a vxlan link left by the last start", "    INFO |   clabernetes |   Error adding vxlan link host:vx-srl-e1-1: file exists.\n   FATAL |   clabernetes | failed setting up tunnel to remote node 'srls', error: exit status 1\n", ConfigError, "file exists"},
		{"iproute2's answer", "+ ip link add br0 type bridge\nRTNETLINK answers: File exists\n", ConfigError, "RTNETLINK answers: File exists"},
		{"same settings work with another release", "Container keeps restarting with version 1.23\nDocker container of image `acme/bridge:latest-dev` constantly restarts.\nSame configuration works just fine with release `acme/bridge:1.22.0`\n", AppCrash, "Same configuration works"},
	})
	checkNotRead(t, []notRead{
		// An init script's step that removed a stale pid file and went on.
		{"Starting rrdcached...removing stale pid file...OK\nStarting nagios...OK\n", ConfigError},
		// A program that gives up after its restarts did not finish its work.
		{"I configured the target and checked it. But still it restarts a few times and then exits.\n", Completed},
		{"The same configuration file is used by all replicas.\n", AppCrash},
		{"if code != nil { os.Exit(1) }\n", Completed},
		// Examples in a list are no statement of the cause.
		{"When the container is restarted in place (a failed deploy, an OOM kill, etc.), the next deploy fails.\n", OOMKilled},
		{"Memory cgroup out of memory: Killed process 4242 (java) total-vm:4123456kB\n", ConfigError},
		{"kernel: Kernel command line: console=ttyS0 cgroup_enable=memory cgroup_memory=1 rootwait\n", ConfigError},
	})
}

// What was changed to end the loop, told before "everything works".
func TestFixClauseEverythingWorks(t *testing.T) {
	checkWords(t, []wordsCase{
		{"IAM policies added", "The node agent kept crashing. I found it's an IAM policy setup issue. After adding missing IAM Policies, everything works as expected.", PermissionDenied},
	})
}

// Docker's event stream as JSON, and docker inspect's empty error field.
func TestDockerEventsJSON(t *testing.T) {
	checkLogRules(t, []logRule{
		{"compose events: oom", `{"action":"oom","attributes":{"image":"apache/tika:2.9.2.1-full","name":"docs-tika-1"},"id":"b3a9c1e27f4d","service":"tika","time":"2024-09-03T15:22:41.218440512Z","type":"container"}` + "\n", OOMKilled, `"action":"oom"`},
		{"docker events: die 139", `{"status":"die","id":"5d7f9b1c3e5a","from":"acme/geo-tiler:1.4.2","Type":"container","Action":"die","Actor":{"ID":"5d7f9b1c3e5a","Attributes":{"exitCode":"139","image":"acme/geo-tiler:1.4.2","name":"geo-tiler"}},"scope":"local","time":1727857905}` + "\n", Segfault, `"exitCode":"139"`},
		{"docker events: die 0", `{"status":"die","id":"2e7c9a1f0b3d","from":"acme/api:3.4.0","Type":"container","Action":"die","Actor":{"ID":"2e7c9a1f0b3d","Attributes":{"exitCode":"0","image":"acme/api:3.4.0","name":"api-seed"}},"scope":"local","time":1725021302}` + "\n", Completed, `"exitCode":"0"`},
	})
	checkNotRead(t, []notRead{
		{`{"status":"die","id":"2e7c9a1f0b3d","Type":"container","Action":"die","Actor":{"Attributes":{"exitCode":"1","name":"api"}}}` + "\n", Completed},
		{`{"status":"start","id":"2e7c9a1f0b3d","Type":"container","Action":"start","Actor":{"Attributes":{"image":"acme/api:3.4.0","name":"api-seed"}}}` + "\n", Segfault},
	})
	// An empty error field is no error to quote.
	r := ScanLog(strings.NewReader("        \"State\": {\n            \"Status\": \"restarting\",\n            \"ExitCode\": 0,\n            \"Error\": \"\",\n        },\n"))
	if strings.Contains(r.Line, `"Error"`) {
		t.Errorf("an empty error field was read as the error: %q", r.Line)
	}
	for _, ev := range r.Evidence {
		if strings.Contains(ev, `"Error": ""`) {
			t.Errorf("an empty error field was quoted as the error: %q", ev)
		}
	}
}

// initdb's and configure scripts' steps are the program's output, not
// the reporter's words about memory or permissions.
func TestProgressStepsAreNotWords(t *testing.T) {
	r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "The pod keeps restarting after the first start was interrupted.\n" +
		"fixing permissions on existing directory /var/lib/pgsql/data/userdata ... ok\n" +
		"selecting dynamic shared memory implementation ... posix\n" +
		"creating configuration files ... ok\n"}})
	if r.Category == OOMKilled || r.Category == PermissionDenied {
		t.Errorf("initdb's steps read as %s: %s", r.Category, r.Summary)
	}
}

// Native programs' reports of a broken invariant or corrupted memory, and
// what a few runtimes say of a missing setting or dependency.
func TestNativeAbortsAndRootCauses(t *testing.T) {
	checkLogRules(t, []logRule{
		{"glog's check", "I0612 09:14:01.118402     1 main.cc:41] shard 3 starting\nF0612 09:14:01.120233     1 shard_map.cc:144] Check failed: !owners.empty()\n*** Check failure stack trace: ***\nAborted (core dumped)\n", AppCrash, "Check failed"},
		{"glibc's heap check", "worker: processing batch 17\ncorrupted size vs. prev_size\nAborted (core dumped)\n", AppCrash, "corrupted size"},
		{"old glibc's double free", "*** Error in `/usr/local/bin/mapd': double free or corruption (fasttop): 0x00007f3c1c0008f0 ***\n======= Backtrace: =========\n======= Memory map: ========\n", AppCrash, "double free"},
		{"the stack protector", "gateway: polling 12 devices\n*** stack smashing detected ***: terminated\n", AppCrash, "stack smashing"},
		{"Envoy's assert", "[2024-06-12 09:14:03.221][1][critical][assert] [source/common/network/io_socket_handle_impl.cc:77] assert failure: SOCKET_VALID(fd_).\n[2024-06-12 09:14:03.221][1][critical][backtrace] Caught Aborted, suspect faulting address 0x1\n", AppCrash, "assert failure"},
		{"Rust's unreachable", "thread 'tokio-runtime-worker' panicked at src/pool/state.rs:58:22:\ninternal error: entered unreachable code: state Draining after Closed\n", AppCrash, "entered unreachable code"},
		{"a JavaScript name never defined", "Error: Failed to bootstrap pricing module\n  [cause]: ReferenceError: fetchRates is not defined\n", AppCrash, "ReferenceError"},
		{"the kernel's general protection fault", "[Wed Jun 12 09:15:37 2024] traps: ingestd[3026] general protection fault ip:7fe41a3e9b41 sp:7ffe3c1a2f70 error:0 in libcrypto.so.3[7fe41a2a0000+1f4000]\n", Segfault, "general protection fault"},
		{"Rust's env var not present", "thread 'main' panicked at src/main.rs:23:50:\ncalled `Result::unwrap()` on an `Err` value: NotPresent\n", ConfigError, "NotPresent"},
		{"yaml-cpp's bad file", "terminate called after throwing an instance of 'YAML::BadFile'\n  what():  bad file: /etc/edge-router/config.yaml\n", ConfigError, "BadFile"},
		{".NET's connection string keyword", "Unhandled exception. System.TypeInitializationException: The type initializer for 'Acme.Ledger.Data.LedgerDb' threw an exception.\n ---> System.ArgumentException: Keyword not supported: 'initial catalogue'.\n", ConfigError, "Keyword not supported"},
		{"aiokafka's bootstrap", "aiokafka.errors.KafkaConnectionError: KafkaConnectionError: Unable to bootstrap from [('kafka-bootstrap.streams.svc', 9092, <AddressFamily.AF_UNSPEC: 0>)]\n", DependencyUnavailable, "Unable to bootstrap"},
	})
	checkNotRead(t, []notRead{
		// A check that failed on a cause it names is that cause's.
		{"F0612 09:14:01.120233     1 wal.cc:77] Check failed: fd >= 0 open /var/lib/tsdb/wal/00000001 : Permission denied [13]\n", AppCrash},
		{"Warning  FailedMount  kubelet  MountVolume.SetUp failed for volume \"varlog\" : hostPath type check failed: /var/log/journal is not a directory\n", AppCrash},
		{"fatal python error: init_fs_encoding: failed to get the Python codec of the filesystem encoding\n", AppCrash},
	})
}

// Words about seccomp and AppArmor profiles, a component named
// "system-probe", and an address the program cannot have.
func TestProfilesAndAddressesInWords(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a seccomp profile reverted", "On some kernels system-probe ends in CrashLoopBackOff with the chart's seccomp profile. Reverting to the default seccomp profile fixes the issue.", PermissionDenied},
		{"an AppArmor profile", "[Bug]: containerd AppArmor profile breaks Postgres. Since the OS upgrade the database pods restart in a loop.", PermissionDenied},
		{"an address in a title", "opentelemetry-collector pod: cannot assign requested address. The pods are in CrashLoopBackOff.", ConfigError},
		{"Node's EADDRNOTAVAIL in a title", "[bug] App restart loop when the server throws `EADDRNOTAVAIL` error", ConfigError},
	})
	checkNotRead(t, []notRead{
		{"Error: dial tcp 10.0.0.9:5432: connect: cannot assign requested address\n", ConfigError},
	})
}

// sed refusing an entrypoint's expression, and `helm history`'s failed
// release beside the pod's own error.
func TestSedExpressionAndHelmHistory(t *testing.T) {
	checkLogRules(t, []logRule{
		{"sed and a value with a slash", "Configuring database...\nsed: -e expression #1, char 30: unknown option to `s'\n", ConfigError, "expression #1"},
		{"helm history beside a panic", "12      \tWed Mar 12 09:33:02 2025\tfailed    \tindexer-2.4.0  \t2.4.0      \tUpgrade \"indexer\" failed: context deadline exceeded\nthread 'shard-2' panicked at src/shard.rs:88:41:\nattempt to subtract with overflow\n", AppCrash, "overflow"},
	})
}
