package diagnose

import (
	"strings"
	"testing"
)

// Rules added for the faults of rounds 690 onwards and textbook batches
// 257 onwards.
func TestRules690(t *testing.T) {
	checkLogRules(t, []logRule{
		{"ROS 2 launch's child died of signal 11", "[INFO] [launch_ros.actions.load_composable_nodes]: Loaded node '/camera/rectify' in container '/camera/camera_container'\n[ERROR] [component_container-1]: process has died [pid 41, exit code -11, cmd '/opt/ros/humble/lib/rclcpp_components/component_container --ros-args -r __node:=camera_container'].\n[INFO] [launch]: process[component_container-1] was required: shutting down launched system\n", Segfault, "exit code -11"},
		{"Python's child died of SIGSEGV", "Traceback (most recent call last):\n  File \"/app/run.py\", line 9, in <module>\n    subprocess.run([\"/app/render\"], check=True)\nsubprocess.CalledProcessError: Command '['/app/render']' died with <Signals.SIGSEGV: 11>.\n", Segfault, "Signals.SIGSEGV"},
		{"PostgreSQL refuses a replication connection", "Caused by: io.debezium.DebeziumException: Creation of replication slot failed\nCaused by: org.postgresql.util.PSQLException: ERROR: must be superuser or replication role to start walsender\n", PermissionDenied, "replication role"},
		{"PostgreSQL 16 refuses a replication connection", "pg_basebackup: error: could not connect to server: FATAL:  permission denied to start WAL sender\nDETAIL:  Only roles with the REPLICATION attribute may start a WAL sender process.\n", PermissionDenied, "WAL sender"},
		{"containerd 1.6's OOM event in the node's journal", "Jun 04 13:10:52 ip-10-20-4-77 containerd[1021]: time=\"2024-06-04T13:10:52.583310128Z\" level=info msg=\"TaskOOM event &TaskOOM{ContainerID:f03c9a8b7d6e,XXX_unrecognized:[],}\"\nJun 04 13:10:52 ip-10-20-4-77 containerd[1021]: time=\"2024-06-04T13:10:52.640071532Z\" level=info msg=\"TaskExit event &TaskExit{ContainerID:f03c9a8b7d6e,ID:f03c9a8b7d6e,Pid:30418,ExitStatus:137,XXX_unrecognized:[],}\"\n", OOMKilled, "TaskOOM event"},
		{"ROS 2 launch's name before a Python node's traceback", "[mission_bridge-1] Traceback (most recent call last):\n[mission_bridge-1]   File \"/ws/install/fleet_bridge/lib/python3.10/site-packages/fleet_bridge/mission_bridge.py\", line 88, in on_mission\n[mission_bridge-1]     first = msg.waypoints[0]\n[mission_bridge-1] IndexError: list index out of range\n[ERROR] [mission_bridge-1]: process has died [pid 47, exit code 1, cmd '/ws/install/fleet_bridge/lib/fleet_bridge/mission_bridge --ros-args -r __node:=mission_bridge'].\n", AppCrash, "IndexError"},
		{"ROS 2 launch without the node's executable", "[INFO] [launch]: All log files can be found below /root/.ros/log/2025-03-06-11-02-13-412345-teleop-0-1\n[INFO] [launch]: Default logging verbosity is set to INFO\n[ERROR] [launch]: Caught exception in launch (see debug for traceback): executable 'teleop_node' not found on the libexec directory '/ws/install/teleop/lib/teleop'\n", CommandNotFound, "not found on the libexec directory"},
		{"pflag's shorthand defined twice", "panic: unable to redefine \"v\" shorthand in \"sync-agent\" flagset: it's already used for \"verbose\" flag\n\ngoroutine 1 [running]:\ngithub.com/spf13/pflag.(*FlagSet).AddFlag(0xc0001b2000, 0xc0001d4320)\n", AppCrash, "unable to redefine"},
		{"Dragonfly's memory floor per thread", "I20250302 07:51:40.203118     1 dfly_main.cc:691] Starting dragonfly df-v1.27.1-0a0c0a7\nE20250302 07:51:40.219412     1 dfly_main.cc:757] There are 2 threads, so 512.00MiB are required. Exiting...\n", ConfigError, "512.00MiB are required"},
	})
	checkNotRead(t, []notRead{
		{"[ERROR] [talker-1]: process has died [pid 88, exit code 1, cmd '/ws/install/demo/lib/demo/talker'].\n", Segfault},
	})
}

// A queue worker that stops at its own time or message limit (Symfony
// Messenger's --time-limit, --limit) ends cleanly: its program finished,
// and the banner listing its limits is no word about memory; so does
// etcdctl's snapshot.
func TestWorkerStopsAtItsLimit(t *testing.T) {
	banner := " [OK] Consuming messages from transport \"async\".\n\n // The worker will automatically exit once it has processed 0 messages, exceeded 512M of memory, been running for 60s\n // or received a stop signal via the messenger:stop-workers command.\n\n"
	for _, tc := range []struct {
		name, log string
		finished  bool
	}{
		{"at its time limit", banner + "15:21:44 INFO      [messenger] Worker stopped due to time limit of 60s exceeded\n", true},
		{"etcdctl's snapshot", "{\"level\":\"info\",\"ts\":\"2024-06-11T11:02:14.118Z\",\"caller\":\"snapshot/v3_snapshot.go:97\",\"msg\":\"saved\",\"path\":\"/backup/etcd-20240611-1102.db\"}\nSnapshot saved at /backup/etcd-20240611-1102.db\n", true},
		{"at its message limit", banner + "15:21:44 INFO      [messenger] Worker stopped due to maximum count of 10 messages processed\n", true},
		{"an error after it", banner + "15:21:44 INFO      [messenger] Worker stopped due to time limit of 60s exceeded\n15:21:45 CRITICAL  [php] Uncaught Error: Call to undefined method App\\Handler::handle()\n", false},
	} {
		ls := ScanLog(strings.NewReader(tc.log))
		if got := ls.finished != ""; got != tc.finished {
			t.Errorf("%s: finished %q, want %v (category %s)", tc.name, ls.finished, tc.finished, ls.Category)
		}
		if ls.Category == OOMKilled {
			t.Errorf("%s: the banner read as memory: %q", tc.name, ls.Line)
		}
	}
}

// The same failure said to happen on ARM and x86 alike is no word about a
// binary built for the other kind of CPU; the node said to be ARM still is.
func TestBothArchsAreNoArchitecture(t *testing.T) {
	for _, words := range []string{
		"Restarts by itself every minute\n\nTried on ARM64 and amd64.\nDocker Swarm environment.\n",
		"The pod restarts every minute. Same crash on both amd64 and arm64 nodes.\n",
	} {
		notAbout(t, words, ExecFormat, words)
	}
	checkWords(t, []wordsCase{
		{"an ARM node", "The pod keeps restarting since we moved it to our new arm64 nodes.\n", ExecFormat},
	})
}

// The reporter's sentence that states why the container stops, above the
// failed connections of its callers: the callers cannot reach a service
// that is down, so their lines are the crash's symptom.
func TestStatedCauseOverCallersSymptom(t *testing.T) {
	checkLogRules(t, []logRule{
		{"exit 139 in words, a caller refused", "imaging-svc exits with code 139 every time someone uploads a TIFF from the scanner (Last State Error, exit code 139). The upload API that calls it logs:\n\nError: connect ECONNREFUSED 10.96.54.21:7000\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n", Segfault, "exits with code 139"},
		{"OOMKilled in words, a webhook without endpoints", "The Kyverno admission controller keeps getting OOMKilled since we added ~3000 namespaces. While it's down nobody can deploy:\n\nError from server (InternalError): error when creating \"deploy.yaml\": Internal error occurred: failed calling webhook \"mutate.kyverno.svc-fail\": failed to call webhook: Post \"https://kyverno-svc.kyverno.svc:443/mutate/fail?timeout=10s\": no endpoints available for service \"kyverno-svc\"\n", OOMKilled, "OOMKilled"},
	})
	// The program's own failed connection still decides when the words
	// only say it restarts.
	checkLogRules(t, []logRule{
		{"words without a cause", "The worker keeps restarting every few minutes. Its log:\n\nError: connect ECONNREFUSED 10.96.54.21:5672\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n", DependencyUnavailable, "ECONNREFUSED"},
	})
}

// A process manager that saw one of its programs finish cleanly (honcho's
// "stopped (rc=0)") stops the others with SIGTERM: that SIGTERM is not
// the kubelet's.
func TestCleanExitThenSigterm(t *testing.T) {
	log := "09:00:03 migrate.1 |   No migrations to apply.\n09:00:03 system   | migrate.1 stopped (rc=0)\n09:00:03 system   | sending SIGTERM to web.1 (pid 8)\n09:00:03 web.1    | [2025-03-14 09:00:03 +0000] [8] [INFO] Handling signal: term\n09:00:04 web.1    | [2025-03-14 09:00:04 +0000] [8] [INFO] Shutting down: Master\n"
	if ls := ScanLog(strings.NewReader(log)); ls.Category == LivenessProbe || ls.patID == "sigterm" {
		t.Errorf("honcho's SIGTERM after a clean exit read as a kill: %s %q", ls.Category, ls.Line)
	}
}

// The reporter's question about a cause ("Maybe the liveness probe kills
// it?") is a guess: it does not outweigh the exit code the status
// records; as the only evidence it still names the cause, weakly.
func TestQuestionDoesNotOutweighStatus(t *testing.T) {
	question := "Maybe the liveness probe kills it? It restarts a few times an hour.\n"
	pod := app(139, "Error", withLiveness("app"))
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": question}}); r.Category != Segfault {
		t.Errorf("exit 139 beside the question: %s: %s", r.Category, r.Summary)
	}
}

// Dragonfly's memory floor names its settings.
func TestDragonflyMemoryFloorHint(t *testing.T) {
	ls := ScanLog(strings.NewReader("E20250302 07:51:40.219412     1 dfly_main.cc:757] There are 2 threads, so 512.00MiB are required. Exiting...\n"))
	if ls.Category != ConfigError || !strings.Contains(ls.hint, "proactor_threads") {
		t.Errorf("%s, hint %q", ls.Category, ls.hint)
	}
}

// A TaskGroup's cancelled tasks print their CancelledError before the
// group's own error: the sub-exception is the crash, quoted without the
// group's border; a bare TimeoutError raised through the frames that
// connect is a server that did not answer.
func TestPythonCancelledTasks(t *testing.T) {
	checkLogRules(t, []logRule{
		{"CancelledError tracebacks before the TaskGroup's error", "Traceback (most recent call last):\n  File \"/app/poller/heartbeat.py\", line 18, in beat\n    await asyncio.sleep(15)\nasyncio.exceptions.CancelledError\n  + Exception Group Traceback (most recent call last):\n  |   File \"/app/main.py\", line 9, in main\n  |     async with asyncio.TaskGroup() as tg:\n  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n  +-+---------------- 1 ----------------\n    | Traceback (most recent call last):\n    |   File \"/app/poller/core.py\", line 63, in handle\n    |     etag = meta.get(\"etag\")\n    | AttributeError: 'NoneType' object has no attribute 'get'\n    +------------------------------------\n", AppCrash, "AttributeError"},
		{"asyncpg's connect timing out", "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/asyncpg/connect_utils.py\", line 1079, in __connect_addr\n    tr, pr = await connector\nasyncio.exceptions.CancelledError\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/asyncpg/connect_utils.py\", line 1049, in _connect_addr\n    return await __connect_addr(params, True, *args)\n  File \"/usr/local/lib/python3.11/asyncio/tasks.py\", line 502, in wait_for\n    raise exceptions.TimeoutError() from exc\nTimeoutError\n", DependencyUnavailable, "TimeoutError"},
	})
	ls := ScanLog(strings.NewReader("    | AttributeError: 'NoneType' object has no attribute 'get'\n    +------------------------------------\n"))
	if strings.Contains(ls.Line, "+---") {
		t.Errorf("the group's border quoted: %q", ls.Line)
	}
	// A bare TimeoutError of the program's own code is no dependency.
	checkNotRead(t, []notRead{
		{"Traceback (most recent call last):\n  File \"/app/render.py\", line 40, in render\n    raise TimeoutError()\nTimeoutError\n", DependencyUnavailable},
	})
}

// In `docker compose logs` of several services, the service Compose saw
// exit with an error is the one that crash-loops: its line is read, not
// the refused connections of the services that call it.
func TestComposeExitedServiceLine(t *testing.T) {
	checkLogRules(t, []logRule{
		{"redis crashed, the app refused", "app-1    | [ioredis] Unhandled error event: Error: connect ECONNREFUSED 172.20.0.3:6379\nredis-1  | 1:M 08 Jan 2025 06:41:40.902 # Redis 7.2.4 crashed by signal: 11, si_code: 1\nredis-1  | 1:M 08 Jan 2025 06:41:40.902 # Accessing address: 0x18\nredis-1 exited with code 139\napp-1    | [ioredis] Unhandled error event: Error: connect ECONNREFUSED 172.20.0.3:6379\n", Segfault, "crashed by signal: 11"},
		{"the backend's own error, no pattern", "frontend-1  | 2024/05/15 09:12:41 [error] 30#30: *7 connect() failed (111: Connection refused) while connecting to upstream, client: 172.19.0.1, server: localhost, upstream: \"http://172.19.0.3:3000/api/menu\"\nbackend-1   | /app/config/initializers/menu_cache.rb:6:in `block in <main>': undefined method `each' for nil:NilClass (NoMethodError)\nbackend-1 exited with code 1\n", AppCrash, "NoMethodError"},
	})
	// With no service seen to exit, the refused connection stays the reading.
	checkLogRules(t, []logRule{
		{"no service exited", "app-1    | [ioredis] Unhandled error event: Error: connect ECONNREFUSED 172.20.0.3:6379\nredis-1  | 1:M 08 Jan 2025 06:41:22.514 * Ready to accept connections tcp\n", DependencyUnavailable, "ECONNREFUSED"},
	})
}

// A program's helper missing from the image in .NET's words; Helm's
// failed install or upgrade that names its own cause (not a wait that ran
// out); causes the reporter rules out in words.
func TestRules690Later(t *testing.T) {
	checkLogRules(t, []logRule{
		{".NET cannot start a helper program", "Unhandled exception. System.ComponentModel.Win32Exception (2): An error occurred trying to start process 'wkhtmltopdf' with working directory '/app'. No such file or directory\n   at System.Diagnostics.Process.ForkAndExecProcess(ProcessStartInfo startInfo)\n", CommandNotFound, "Win32Exception (2)"},
		{"Helm cannot reach the cluster", "Error: INSTALLATION FAILED: Kubernetes cluster unreachable: Get \"https://10.96.0.1:443/version\": dial tcp 10.96.0.1:443: i/o timeout\n", DependencyUnavailable, "cluster unreachable"},
		{"Helm's service account forbidden", "Error: UPGRADE FAILED: query: failed to query with labels: secrets is forbidden: User \"system:serviceaccount:ci:deployer\" cannot list resource \"secrets\" in API group \"\" in the namespace \"shop\"\n", PermissionDenied, "is forbidden"},
		{"a port conflict ruled out", "Port is free (nothing on 9292), no port conflict, containerPort matches.\n! Unable to load application: NoMethodError: undefined method `each' for nil:NilClass\n/app/config/initializers/feature_menus.rb:6:in `<main>': undefined method `each' for nil:NilClass (NoMethodError)\n", AppCrash, "NoMethodError"},
	})
	checkNotRead(t, []notRead{
		{"Error: UPGRADE FAILED: timed out waiting for the condition\n", LivenessProbe},
		{"DNS resolves fine from a debug pod, so it's not the network.\n", DependencyUnavailable},
	})
}

// In `docker compose logs`, a service that Compose saw exit with code 0
// while another service logs errors is the one that loops: its program
// finished; the errors are the other service's.
func TestComposeServiceFinished(t *testing.T) {
	log := "certbot-1  | Saving debug log to /var/log/letsencrypt/letsencrypt.log\ncertbot-1  | No renewals were attempted.\nnginx-1    | 2025/05/03 22:10:41 [error] 29#29: *14 open() \"/var/www/certbot/.well-known/acme-challenge/probe\" failed (2: No such file or directory), client: 66.133.109.36\ncertbot-1 exited with code 0\ncertbot-1  | No renewals were attempted.\ncertbot-1 exited with code 0\n"
	if ls := ScanLog(strings.NewReader(log)); ls.finished == "" || ls.Category != Unknown {
		t.Errorf("finished %q, category %s (%q)", ls.finished, ls.Category, ls.Line)
	}
	// A service that exited with an error is read as before.
	failed := "api-1  | Error: connect ECONNREFUSED 172.20.0.4:5432\nmigrate-1 exited with code 0\napi-1 exited with code 1\n"
	if ls := ScanLog(strings.NewReader(failed)); ls.finished != "" || ls.Category != DependencyUnavailable {
		t.Errorf("an error exit: finished %q, category %s", ls.finished, ls.Category)
	}
}
