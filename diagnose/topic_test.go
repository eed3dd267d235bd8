package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// noState is a pod as a pasted report without status gives it: one
// container, not ready, no state recorded.
var noState = testPod([]string{"app"}, setStatus(corev1.ContainerStatus{Name: "app"}))

// A report given only in words: a title, a pull request's description,
// the reporter's sentences. Its topic is a weak vote.
func TestReportInWordsIsReadForItsTopic(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a pull request that raises memory", "increase memory limits on all service catalog pods\n\nfighting issues with continuous restarts on pods, bumping up memory a bit for now.\n", OOMKilled},
		{"a title that names RBAC", "aad-pod-identity-nmi pods suddenly start crashing (AKS, RBAC enabled)\n", PermissionDenied},
		{"a probe, misspelt", "Increased the liveliness probe's initialDelay time to 600 sec from 15 sec\n\nWith a large backup the migration takes time and the pods restart continuously.\n", LivenessProbe},
		{"a lease lost in an outage", "In single-node clusters the operator enters a crash loop after every node reboot, when leader election lease renewal fails during the API outage.\n", DependencyUnavailable},
		{"a host network port", "The daemonset runs with hostNetwork: true and the metrics server crashes on a node where another agent has the port already in use.\n", PortConflict},
		{"an ARM node", "The pod keeps restarting on our Raspberry Pi cluster, the image seems to be amd64 only.\n", ExecFormat},
		{"an old CPU", "After updating to the latest release the container keeps restarting. On another PC it starts fine; I think the problem is my old CPU (Intel Atom N2600).\n", ExecFormat},
		{"an image built on an ARM Mac", "The service keeps failing on Fargate ever since I build the image on my M1 Mac.\n", ExecFormat},
		{"a base image as a service, with no command", "The service keeps failing and restarting, I only ran:\ndocker service create --name my-web centos:latest\n", Completed},
		{"a pull request that waits for the broker", "Functions Worker: add wait broker init container to avoid crashloopback\n", DependencyUnavailable},
		{"startup ordering", "feat(manifests): Add init containers for startup ordering\n\nBefore this change, pods had 6-9 restarts because the API server started before MySQL.\n", DependencyUnavailable},
		{"a missing secret", "The deployment fails to start because of it: the secret tls-certs does not exist in that namespace.\n", MissingConfigObject},
		{"a crash named and nothing more", "Spark operator 1.4.3 crashes on start in our cluster\n", AppCrash},
		{"a bug in a version", "Since 1.15.3 the cloud controller manager goes into backoff, looks like a bug in this release.\n", AppCrash},
		{"a title with an NPE", "Gloo pod crash with NPE when a route table uses dynamic forwarding\n", AppCrash},
		{"an error after a change", "After installing the new theme the wordpress pod restarts with a PHP error every few minutes.\n", AppCrash},
		{"a clean exit by design", "My worker is careful to exit with an exit status of zero, but the second exit puts it in CrashLoopBackOff.\n", Completed},
		{"a status in backticks", "The report generator pod keeps restarting. Status shows `Completed` then `CrashLoopBackOff`.\n", Completed},
		{"a script that exits 0", "we have a simple shell script that sleeps for 60 seconds and then exit 0's so that Kubernetes restarts it\n", Completed},
		{"words around pasted values", "Since the upgrade the operator pods keep restarting, I guess they need more memory.\nValues yaml:\nreplicaCount: 3\nwebhook:\n  enable: true\nserviceAccounts:\n  spark:\n    name: \"spark-apps\"\npodMonitor:\n  enable: true\nresources:\n  limits:\n    memory: 128Mi\n", OOMKilled},
		{"memory, in Chinese", "更新后容器不停的重启，内存一直在涨\n", OOMKilled},
		{"configuration, in Chinese", "docker反复重启\n如题，是否compose.yaml哪里配置不对？\n", ConfigError},
		{"permissions, in Spanish", "El pod se reinicia todo el tiempo, creo que faltan permisos en el cluster\n", PermissionDenied},
		{"a Chinese report of an error and nothing more", "更新脚本后，不知道哪里出错导致容器不停的重启\n", ConfigError},
		{"a Chinese report of a crash", "更新脚本后容器崩溃，不停的重启\n", AppCrash},
		{"a numbered list in words", "Redis operator is crashlooping after the upgrade\nI can see two types of errors:\n1) CRD issues with the new sentinel feature\n2) changes in the statefulset\n", ConfigError},
		{"versions that do not fit", "Chart 0.23.0 crashing on operator version <1.25.0\n", ConfigError},
		{"kernel modules", "The canal pods keep restarting on RHEL 10; the docs list kernel modules the nodes need\n", ConfigError},
		{"an issue template's questions", "### Name and Version\nbitnami/postgresql-ha 16.3.0\n### What architecture are you using?\namd64\n### What steps will reproduce the bug?\nAfter a node restart one of the pods keeps restarting and never comes up.\n", ConfigError},
		{"the hello-world image named in words", "the docker official image hello-world keeps reporting 'Back-off restarting failed container' when I create a deployment\n", Completed},
		{"a busybox image run with --image", "I ran kubectl create deployment test --image=busybox and the pod keeps restarting\n", Completed},
		{"a restart policy in words", "The pod only runs a script; with the default restart policy it keeps restarting and ends in CrashLoopBackOff.\n", Completed},
		{"ECS's essential container", "ECS restarts the container in an infinite loop caused by \"Essential container in task exited\"\n", Completed},
		{"a link's words are not the topic", "The Example of pod in projected volume keeps restarting. The yaml in the [Example](https://kubernetes.io/docs/concepts/storage/projected-volumes/#example-configuration-secrets-nondefault-permission-mode) always crashes.\n", AppCrash},
		{"a sample that completes", "Sample app completes without error, but restarts since the restart policy is Always\n", Completed},
		{"a process that runs once", "The container runs once and ends successfully, then the pod goes to CrashLoopBackOff.\n", Completed},
	})
}

// Output that is prose but no report of a failure, and a program's own
// log that ends quietly, have no topic: a finished task stays finished.
func TestQuietOutputHasNoTopic(t *testing.T) {
	for _, log := range []string{
		"Hello from Docker!\nThis message shows that your installation appears to be working correctly.\nTo generate this message, Docker took the following steps:\n 1. The Docker client contacted the Docker daemon.\n 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.\n    (amd64)\n",
		"2024-05-01T10:00:00Z starting worker with memory budget 512MiB\n2024-05-01T10:00:01Z processed 120 items\n2024-05-01T10:00:02Z done\n",
		"Running on http://127.0.0.1:3000\nPress enter to exit\n",
	} {
		r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": log}})
		if r.Category != Completed {
			t.Errorf("%q: got %s, want completed: %s", strings.SplitN(log, "\n", 2)[0], r.Category, r.Summary)
		}
	}
}

// Words about restarts or errors alone name no kind of cause: they are
// read as the kind such reports most often turn out to be (a
// configuration), a guess (possible) that says so and quotes the words,
// never as a finished task's quiet log.
func TestFailureWordsAloneAreAGuess(t *testing.T) {
	for _, words := range []string{
		"Why does kubernetes keep restarting the service?!?\n",
		"The pod goes into CrashLoopBackOff after a few restarts of the scheduler.\n",
		"通过docker方式部署后，每隔30s容器就自动重启了\n",
		"Pod en estado CrashLoopBackOff, se reinicia cada minuto\n",
		"docker 一直在不断重启，啥问题呢？ 20d87996b372   wantcat/trendradar:latest   \"/entrypoint.sh\"   46 hours ago   Restarting (1) 6 seconds ago\n",
	} {
		r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": words}})
		if r.Category != ConfigError || r.Confidence != Possible || !strings.Contains(r.Summary, "nothing given names the cause") {
			t.Errorf("%q: got %s (%s), want a possible config_error that says it is a guess: %s", words, r.Category, r.Confidence, r.Summary)
		}
	}
}

// The topic yields to every fact: a recorded OOM kill, exit code or event.
func TestTopicYieldsToStatus(t *testing.T) {
	pod := testPod([]string{"app"}, setStatus(crashLoop("app", 1, "Error", 5)))
	words := "The pods keep crashing after we enabled RBAC and raised the memory limits.\n"
	r := Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(crashLoop("app", 137, "OOMKilled", 5))), Now: now, Logs: map[string]string{"app": "The pods keep crashing after we enabled RBAC.\n"}})
	if r.Category != OOMKilled {
		t.Errorf("OOMKilled with RBAC words: got %s", r.Category)
	}
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": words}}); r.Category == PermissionDenied && r.Confidence == Certain {
		t.Errorf("a topic made a certain finding: %+v", r)
	}
}

// New wordings of round 11's held-out misses, in several phrasings.
var logRules11 = []logRule{
	{"out-of-memory with hyphens", "the root-reconciler pod keeps crashing with out-of-memory error message\n", OOMKilled, "out-of-memory"},
	{"out-of-memory in a log", "FATAL: worker exited: out-of-memory while building the index\n", OOMKilled, "out-of-memory"},
	{"capabilities to listen", "Missing capabilities to listen on 443\n", PermissionDenied, "Missing capabilities"},
	{"net_bind_service", "the webhook needs NET_BIND_SERVICE to bind port 443 as non-root\n", PermissionDenied, "NET_BIND_SERVICE"},
	{"a port in its colon form", "This PR will fix the crash when `:80` is already in use by host.\n", PortConflict, "already in use"},
	{"an address in its colon form", "error: 0.0.0.0:9100 is already in use, exiting\n", PortConflict, "already in use"},
	{"liveliness probe killing", "The liveliness probe kills the container before the migration finishes.\n", LivenessProbe, "liveliness probe"},
}

func TestScanLogRules11(t *testing.T) { checkLogRules(t, logRules11) }

func TestScanLogRules11Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO capabilities: NET_BIND_SERVICE dropped, listening on :8080\n", PermissionDenied},
		{"INFO using port :8080 (the default :80 is in use by nginx, trying the next one)\n", PortConflict},
	})
}

// Wordings of round 12's held-out misses, in several phrasings.
var logRules12 = []logRule{
	{"dash: a script's exec of a missing file", "/usr/local/bin/docker-entrypoint.sh: 11: exec: /app/docker-entrypoint.sh: not found\n", CommandNotFound, "exec: /app/docker-entrypoint.sh: not found"},
	{"ash: exec on a line", "/entrypoint.sh: exec: line 5: /usr/bin/app: not found\n", CommandNotFound, "/usr/bin/app: not found"},
	{"dash: a command of the script", "/start.sh: 3: uvicorn: not found\n", CommandNotFound, "uvicorn: not found"},
	{"segment fault in a title", "Segment Fault\n", Segfault, "Segment Fault"},
	{"segment fault in a sentence", "the container restarts with a segment fault every few minutes\n", Segfault, "segment fault"},
}

func TestScanLogRules12(t *testing.T) { checkLogRules(t, logRules12) }

func TestScanLogRules12Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO segment fault handler installed\n", Segfault},
		{"INFO segmentation fault handler installed for crash reports\n", Segfault},
		{"config: 12: option not found, using the default\n", CommandNotFound},
	})
}

// Wordings of round 13's held-out misses, in several phrasings.
var logRules13 = []logRule{
	{"schema version of another release", "Found database schema version af4cbdb2d13c != 3ec6993fe20c. Backup your database and run `jupyterhub upgrade-db` to upgrade to the latest schema.\n", ConfigError, "schema version"},
	{"schema version mismatch", "FATAL: database schema version 41 does not match the expected version 44\n", ConfigError, "schema version"},
	{"a pid file from an earlier instance", "ERROR: already running as 43\n", ConfigError, "already running as 43"},
	{"a stale pid file", "Error: stale pid file /data/run/app.pid found, refusing to start\n", ConfigError, "stale pid file"},
	{"a missing database extension", "Error: No vector extension found. Available extensions: vchord, vector\n", ConfigError, "No vector extension found"},
	{"postgres: extension not available", "ERROR:  extension \"postgis\" is not available\n", ConfigError, "is not available"},
	{"an extension of another version", "Error: The pgvecto.rs extension version is 0.1.11, but Immich only supports 0.2.0 and later.\n", ConfigError, "only supports"},
	{"failed to communicate", "Failed to communicate with K8S Server. Please check instance security groups or http proxy setting\n", DependencyUnavailable, "Failed to communicate"},
	{"glog's notice before the message", "ERROR: logging before flag.Parse: E0401 14:35:03.534356      12 main.go:20] unable to communicate with the API server: dial tcp 10.100.0.1:443: i/o timeout\n", DependencyUnavailable, "unable to communicate"},
}

func TestScanLogRules13(t *testing.T) { checkLogRules(t, logRules13) }

func TestScanLogRules13Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO database schema version 12 applied, nothing to migrate\n", ConfigError},
		{"INFO worker already running as pid 1, skipping fork\n", ConfigError},
		{"INFO extension vector 0.7.0 loaded\n", ConfigError},
		{"ERROR: logging before flag.Parse: W0401 14:35:03.534356 12 client_config.go:533] Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.\n", ConfigError},
	})
}

// Wordings of round 14's held-out misses, in several phrasings.
var logRules14 = []logRule{
	{"viper: config file not found", "Config file not found because \"Config File \".hydra\" Not Found in \"[/]\"\"\npanic: runtime error: invalid memory address or nil pointer dereference\n", ConfigError, "Config file not found"},
	{"a configuration file not found", "ERROR configuration file /etc/app/app.yaml not found\n", ConfigError, "not found"},
	{"cp into a path of the wrong kind", "cp: target '/shared/argocd-dex' is not a directory\n", ConfigError, "is not a directory"},
	{"ln onto a directory", "ln: failed to create symbolic link '/etc/nginx/conf.d': File exists\n", ConfigError, "File exists"},
	{"falco: no prebuilt module", "* Unable to find a prebuilt falco module\n", ConfigError, "prebuilt falco module"},
	{"kernel headers missing", "ERROR: kernel headers for 5.10.0-1057 not found, cannot build the probe\n", ConfigError, "kernel headers"},
	{"clickhouse: corrupted data", "Code: 246. DB::Exception: Checksum doesn't match: corrupted data. (CORRUPTED_DATA)\n", ConfigError, "CORRUPTED_DATA"},
	{"an instruction the CPU lacks", "\"An attempt to execute an instruction failed. Exiting...\"\n", ExecFormat, "attempt to execute an instruction failed"},
	{"a CPU without support", "Fatal: your CPU does not support the SSE4.2 instruction set required by this build\n", ExecFormat, "CPU does not support"},
}

func TestScanLogRules14(t *testing.T) { checkLogRules(t, logRules14) }

func TestScanLogRules14Negatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"INFO downloaded prebuilt falco module for 5.10.0\n", ConfigError},
		{"INFO kernel headers found for 5.10.0, building the probe\n", ConfigError},
		{"INFO your CPU supports AVX2, using the fast path\n", ExecFormat},
	})
}

// Missing ConfigMaps and Secrets as the kubelet's volume manager and a
// reporter's analysis name them.
var logRulesMissingObjects = []logRule{
	{"the kubelet's cache has no such object", `MountVolume.SetUp failed for volume "jenkins-crt" : object "nita"/"jenkins-crt" not registered` + "\n", MissingConfigObject, `object "nita"/"jenkins-crt" not registered`},
	{"the same in an event list", `- jenkins-cert: object "nita"/"jenkins-keystore" not registered` + "\n", MissingConfigObject, "not registered"},
	{"missing ConfigMaps as the cause", "The pod crashloops due to missing ConfigMaps and a failed PostStartHook.\n", MissingConfigObject, "missing ConfigMaps"},
	{"a deleted secret as the cause", "It turned out the pod kept restarting because of a deleted secret.\n", MissingConfigObject, "deleted secret"},
}

func TestScanLogRulesMissingObjects(t *testing.T) { checkLogRules(t, logRulesMissingObjects) }

func TestScanLogRulesMissingObjectsNegatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"E0101 12:00:00 plugin.go:88] plugin \"csi.example.com\" not registered yet, retrying\n", MissingConfigObject},
		{"INFO watching ConfigMaps and Secrets in namespace shop\n", MissingConfigObject},
	})
}

// A reporter's title above the log repeats the program's words; of two
// lines that name the same cause equally, the program's own is quoted.
var logRulesTitleAboveLog = []logRule{
	{"a title above Node's EACCES", "Permission Denied error\n\nError: EACCES: permission denied, mkdir '/data/logos'\n    at async Object.mkdir (node:internal/fs/promises:855:10)\n", PermissionDenied, "mkdir '/data/logos'"},
	{"a title above a refused connection", "Connection refused error on start\n\n2024-01-01T00:00:00Z ERROR dial tcp 10.0.0.7:5432: connect: connection refused\n", DependencyUnavailable, "dial tcp 10.0.0.7:5432"},
}

func TestScanLogRulesTitleAboveLog(t *testing.T) { checkLogRules(t, logRulesTitleAboveLog) }

// An exit code that names no cause of its own (1: the program's own
// error) leaves the report's words their weak vote; a signal's exit code
// (137) keeps its own reading.
func TestWordsBesideAnExitCode(t *testing.T) {
	words := "The sidecar keeps crashing since we moved it to the nodes with little memory.\n"
	r := Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(crashLoop("app", 1, "Error", 5))), Now: now, Logs: map[string]string{"app": words}})
	if r.Category != OOMKilled || r.Confidence != Possible {
		t.Errorf("exit 1 with words about memory: got %s (%s): %s", r.Category, r.Confidence, r.Summary)
	}
	r = Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(crashLoop("app", 139, "Error", 5))), Now: now, Logs: map[string]string{"app": "The pods keep crashing after we enabled RBAC.\n"}})
	if r.Category != Segfault {
		t.Errorf("exit 139 with words about RBAC: got %s: %s", r.Category, r.Summary)
	}
}

// An issue title's tag in brackets is the reporter's, not a log level,
// timestamp or thread.
func TestTitleTagsAreWords(t *testing.T) {
	for line, program := range map[string]bool{
		"[BUG] spark-operator crashes on start":                   false,
		"[RHEL 10] rke2 networking pods are crashing":             false,
		"[incubator/vault] Readiness and Liveness Probe Failed":   false,
		"[ERROR] failed to start":                                 true,
		"[main] INFO starting app":                                true,
		"[2020-01-01 10:00:00] ERROR boom":                        true,
		"[emerg] 1#1: bind() to 0.0.0.0:80 failed":                true,
		"[WARN ] [o.e.b.BootstrapChecks] bootstrap checks failed": true,
		"[mysqld] Starting server":                                true,
	} {
		if got := programLine([]byte(line)); got != program {
			t.Errorf("programLine(%q) = %v, want %v", line, got, program)
		}
	}
}
