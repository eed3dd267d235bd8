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
