package diagnose

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Rules from the misses of held-out rounds 55 to 57 (storage systems,
// sidecars and init containers, PHP and web-server stacks), each written
// for the general shape, not the report.
func TestRules55(t *testing.T) {
	checkLogRules(t, []logRule{
		{"read only, without the hyphen", "velero pod not starting complaining of /tmp/plugin123: read only file system\n", PermissionDenied, "read only file system"},
		{"a carriage return folds the message", "Executing script cache:clear [OK]\n': No such file or directorycute 'php\n", CommandNotFound, "No such file or directorycute"},
		{"a folded 'not found'", "starting\n: not found: 3: /docker-entrypoint.sh:\n", CommandNotFound, ": not found"},
		{"a probe's 403 is the probe's", "Readiness probe failed: HTTP probe failed with statuscode: 403\nLiveness probe failed: HTTP probe failed with statuscode: 403\nKilling container with id docker://operator:Container failed liveness probe.. Container will be killed and recreated.\n", LivenessProbe, "probe failed"},
		{"a host that does not resolve", "starting worker\nerror: cannot resolve host api.internal\n", DependencyUnavailable, "resolve host"},
		{"a Python ValueError is a value it was given", "Traceback (most recent call last):\n  File \"/app/main.py\", line 4, in <module>\n    WORKERS = int(os.environ.get(\"WORKERS\", \"\"))\nValueError: invalid literal for int() with base 10: ''\n", ConfigError, "ValueError"},
		{"a ValueError about a resource it was told to use", "INFO 05-01 12:00:00 Loading model\nValueError: Free memory on device cuda:0 (36.75/121.63 GiB) on startup is less than desired GPU memory utilization (0.9, 109.47 GiB).\n", ConfigError, "ValueError: Free memory"},
		{"a service link's port read as the app's", "Caught deploying to the canary: the pod crash-looped immediately with `listen tcp: address tcp://10.43.12.7:8080: too many colons in address`\n", ConfigError, "too many colons"},
		{"Confluent's service link message", "===> Configuring ...\nport is deprecated. Please use KAFKA_ADVERTISED_LISTENERS instead.\n", ConfigError, "port is deprecated"},
		{"a refused 403 still is a permission", "error: failed to list nodes: the server responded with status code 403\n", PermissionDenied, "403"},
	})
}

func TestLexicalIgnoresConfigNames(t *testing.T) {
	for _, line := range []string{"failed to start prometheus-config-reloader", "config-volume sidecar stopped", "argocd-config-watcher terminated"} {
		if cat, _ := lexicalCategory(line); cat == ConfigError {
			t.Errorf("%q: read as a configuration error", line)
		}
	}
	if cat, _ := lexicalCategory("failed to load config file"); cat != ConfigError {
		t.Errorf("a config file that fails to load: got %s", cat)
	}
}

// TestOOMStepsClaimNoLimitOnlyFromASpec: with no spec given, the steps do
// not say the container has no memory limit; they say how to see it.
func TestOOMStepsClaimNoLimitOnlyFromASpec(t *testing.T) {
	bare := func(p *corev1.Pod) { p.Spec.Containers[0] = corev1.Container{Name: "app"} }
	for _, tc := range []struct {
		name string
		pod  *corev1.Pod
		want string
	}{
		{"spec given, no limit", testPod([]string{"app"}, setStatus(crashLoop("app", 137, "OOMKilled", 4))), "has no memory limit of its own"},
		{"spec not given", testPod([]string{"app"}, bare, setStatus(crashLoop("app", 137, "OOMKilled", 4))), "its limits were not in what was given"},
		{"only a probe given", testPod([]string{"app"}, bare, func(p *corev1.Pod) {
			p.Spec.Containers[0].LivenessProbe = &corev1.Probe{PeriodSeconds: 10}
		}, setStatus(crashLoop("app", 137, "OOMKilled", 4))), "its limits were not in what was given"},
	} {
		r := Diagnose(Input{Pod: tc.pod})
		if steps := strings.Join(r.NextSteps, "\n"); r.Category != OOMKilled || !strings.Contains(steps, tc.want) {
			t.Errorf("%s: %s, steps:\n%s\nwant %q", tc.name, r.Category, steps, tc.want)
		}
	}
}

// TestWordsOutweighTheirOwnSentence: when the only error-looking line is
// the reporter's sentence and their words name a probe, memory, a finished
// task or a permission, the words say what happened; a program's own
// error line still decides.
func TestWordsOutweighTheirOwnSentence(t *testing.T) {
	text := "Pod restarts after the upgrade\nThe liveness probes failing result in the pod getting killed by the kubelet.\n"
	r := Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(corev1.ContainerStatus{Name: "app", State: waitingCLB()})), Logs: map[string]string{"app": text}})
	if !strings.Contains(strings.Join(r.Evidence, "\n"), "getting killed by the kubelet") {
		t.Errorf("the sentence passed over is not quoted: %q", r.Evidence)
	}
	checkReportsRead(t, []reportRead{
		{"Pod restarts every few minutes after the upgrade\nThe livenessProbe of the chart hits /health, which the new version no longer serves.\nThe liveness probes failing result in the pod getting killed by the kubelet.\n", LivenessProbe},
		{"After finishing its job, the pod enters CrashLoopBackOff again and again.\n", Completed},
		{"Worker keeps restarting\nIt loads every message into memory at start and the memory grows past the limit.\nThe container fails after a few minutes.\n", OOMKilled},
	})
	checkNotRead(t, []notRead{
		{"The liveness probe looks fine to me.\nlevel=error msg=\"failed to open state file\" path=/data/state.db\n", LivenessProbe},
		// A program's message quoted whole in the reporter's words is the
		// program's, not a sentence of theirs.
		{"zeek keeps crashing due to high memory usage\n`Error: failed to update symlink '/zeek/live/logs/current': [Errno 21] Is a directory`\n", OOMKilled},
	})
}

func TestServiceLinkNeedsAParseFailure(t *testing.T) {
	checkNotRead(t, []notRead{
		{"dial tcp://10.0.0.5:5432: connect: connection refused\n", ConfigError},
	})
}

// Rules from the misses of held-out rounds 64 to 66 (cloud agents, Go and
// Rust services, self-deployed databases).
func TestRules64(t *testing.T) {
	checkLogRules(t, []logRule{
		{"MySQL's notes are info, its bare Aborting refers back", "0 [ERROR] Can't init tc log\n0 [ERROR] Aborting\n[Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB\n0 [Note] InnoDB: Using ARMv8 crc32 + pmull instructions\n", ConfigError, "Can't init tc log"},
		{"an unknown server variable", "0 [ERROR] [MY-000067] [Server] unknown variable 'default-authentication-plugin=mysql_native_password'.\n0 [ERROR] [MY-010119] [Server] Aborting\napp exited with code 0\n", ConfigError, "unknown variable"},
		{"Python finds no writable temporary directory", "Traceback (most recent call last):\n  File \"/usr/lib/python3.11/tempfile.py\", line 159, in _get_default_tempdir\nFileNotFoundError: [Errno 2] No usable temporary directory found in ['/tmp', '/var/tmp', '/usr/tmp', '/app']\n", PermissionDenied, "No usable temporary directory"},
		{"supervisord cannot switch users", "supervisor: couldn't setuid to 1000: Could not set groups of effective user\n2026-08-23 22:18:19,795 INFO exited: comfyui (exit status 127; not expected)\n2026-08-23 22:18:19,797 INFO gave up: comfyui entered FATAL state, too many start retries too quickly\n", PermissionDenied, "couldn't setuid"},
		{"a missing Secret inside a JSON log field", "2022-09-22T09:55:45Z    ERROR   setup   failed to handle audit config   {\"namespace\": \"mondoo-operator\", \"error\": \"secrets \\\"mondoo-client-scan-api-token\\\" not found\"}\n", MissingConfigObject, "not found"},
		{"a directory it cannot write", "Cannot write to /var/solr as 8983:8983\n", PermissionDenied, "Cannot write to /var/solr"},
		{"EAGAIN is a limit, not a service down", "FATAL: Exception during startup, aborting: std::runtime_error (Could not setup Async I/O: Resource temporarily unavailable. The most common cause is not enough request capacity in /proc/sys/fs/aio-max-nr. Try increasing that number)\n", ConfigError, "Async I/O"},
	})
}
