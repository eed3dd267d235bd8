package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 426 to 449 (session 44).
func TestRules747(t *testing.T) {
	checkLogRules(t, []logRule{
		{"the exit code 0 told with where it was read", "seeding categories... 14 upserted\nall scripts applied\n\nit's a Deployment with the default restartPolicy. Exit code on the last state is 0.\n", Completed, "Exit code on the last state is 0"},
		{"the exit code of the container in words", "registering orders-value\n{\"id\":1}\ndone\n\nThe Deployment runs curl in a sh loop. Exit code of the container is 0. Does schema registry close the connection?\n", Completed, "Exit code of the container is 0"},
		{"exit status 139 in words", "Our matching engine container restarts several times an hour, exit status 139 every time, reason Error.\n", Segfault, "exit status 139"},
		{"a sentence that rules the OOM killer out beside exit 139", "Our matching engine (C++) container restarts several times an hour, exit status 139 every time, reason Error. No OOM, memory is stable around 600Mi of 4Gi and there are no probe failures in the events.\n", Segfault, "exit status 139"},
		{"a shell that cannot run its script", "/bin/sh: 1: ./start.sh: Permission denied\n", CommandNotFound, "./start.sh: Permission denied"},
		{"nginx's module built for another nginx", "2024/12/02 07:44:18 [emerg] 1#1: module \"/etc/nginx/modules/ngx_http_geoip2_module.so\" version 1025004 instead of 1027003 in /etc/nginx/nginx.conf:3\n", AppCrash, "instead of 1027003"},
		{"install4j's launcher on another Java", "No suitable Java Virtual Machine could be found on your system.\nThe version of the JVM must be at least 1.8 and at most 1.8.\nPlease define INSTALL4J_JAVA_HOME to point to a suitable JVM.\n", AppCrash, "version of the JVM must be"},
		{"PySpark's executors on another Python", "pyspark.errors.exceptions.base.PySparkRuntimeError: [PYTHON_VERSION_MISMATCH] Python in worker has different version (3, 9) than that in driver 3.11, PySpark cannot run with different minor versions.\nPlease check environment variables PYSPARK_PYTHON and PYSPARK_DRIVER_PYTHON are correctly set.\n", AppCrash, "PYTHON_VERSION_MISMATCH"},
		{"Hugging Face offline without the files", "huggingface_hub.errors.LocalEntryNotFoundError: Cannot find the requested files in the disk cache and outgoing traffic has been disabled. To enable hf.co look-ups and downloads online, set 'local_files_only' to False.\n", ConfigError, "outgoing traffic has been disabled"},
		{"gRPC's server that cannot bind", "RuntimeError: Failed to bind to address [::]:8081; set GRPC_VERBOSITY=debug environment variable to see detailed error message.\n", PortConflict, "Failed to bind to address"},
		{"Go's SIGSEGV in a C library", "SIGSEGV: segmentation violation\nPC=0x7f3a9c2e1b40 m=5 sigcode=1 addr=0x18\nsignal arrived during external code execution\n\nruntime.cgocall(0x9b2f40, 0xc0001b5d88)\n", Segfault, "external code execution"},
		{"MongoDB's invariant", "{\"t\":{\"$date\":\"2025-02-12T13:05:44.301+00:00\"},\"s\":\"F\",  \"c\":\"ASSERT\",   \"id\":23080,   \"ctx\":\"ReplWriterWorker-7\",\"msg\":\"\\n\\n***aborting after invariant() failure\\n\\n\"}\n", AppCrash, "aborting after invariant() failure"},
		{"a panic that rejects a flag's value", "I0314 09:12:01.118 serving.go:374] Generated self-signed cert in-memory\npanic: Metric-resolution should be a time duration at least 10s, but value 5s provided\n\ngoroutine 1 [running]:\nmain.main()\n", ConfigError, "Metric-resolution"},
		{"Hibernate's mapping of a field that does not exist", "Caused by: org.hibernate.AnnotationException: mappedBy reference an unknown target entity property: com.acme.crm.domain.Contact.cusotmer in com.acme.crm.domain.Customer.contacts\n", AppCrash, "mappedBy reference"},
		{"go run without the module", "internal/config/config.go:8:2: no required module provides package github.com/spf13/viper; to add it:\n\tgo get github.com/spf13/viper\n", AppCrash, "no required module provides package"},
		{"a Redis module whose library is missing", "1:M 27 May 2025 12:01:44.008 # Module /usr/local/lib/redis/modules/redisearch.so failed to load: libssl.so.1.1: cannot open shared object file: No such file or directory\n1:M 27 May 2025 12:01:44.008 # Can't load module from /usr/local/lib/redis/modules/redisearch.so: server aborting\n", AppCrash, "libssl.so.1.1"},
		{"a Redis module that is not where the config says", "1:M 27 May 2025 12:01:44.008 # Module /opt/bitnami/redis/lib/redis/modules/redisearch.so failed to load: /opt/bitnami/redis/lib/redis/modules/redisearch.so: cannot open shared object file: No such file or directory\n", ConfigError, "failed to load"},
		{"the probe ruled out in words", "startupProbe is generous (60 x 10s) so the probe isn't what kills it, it's the exception.\nliquibase.exception.LockException: Could not acquire change log lock.  Currently locked by orders-7b9d8c6f5-2xkpl (10.42.1.17) since 3/11/25, 2:14 AM\n", ConfigError, "Could not acquire change log lock"},
	})
}

// An exit code the dynamic loader gave (127 for a library it could not
// load or a symbol it could not find, in glibc's and musl's words) names
// a broken build, not a missing command.
func TestLoaderErrorExit127(t *testing.T) {
	for _, log := range []string{
		"Error loading shared library libwebsockets.so.19: No such file or directory (needed by /usr/sbin/mosquitto)\n",
		"/usr/local/bin/cephcsi: symbol lookup error: /usr/local/bin/cephcsi: undefined symbol: rbd_encryption_load2\n",
	} {
		pod := testPod([]string{"app"}, setStatus(crashLoop("app", 127, "Error", 6)))
		if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": log}}); r.Category != AppCrash {
			t.Errorf("%q: got %s, want app_crash: %s", log, r.Category, r.Summary)
		}
	}
}

// Exit 78 is sysexits' EX_CONFIG (Elasticsearch's failed bootstrap
// check): a configuration the program refused, even with no log.
func TestExit78IsConfig(t *testing.T) {
	pod := testPod([]string{"es"}, setStatus(crashLoop("es", 78, "Error", 4)))
	if r := Diagnose(Input{Pod: pod, Now: now}); r.Category != ConfigError {
		t.Errorf("got %s, want config_error: %s", r.Category, r.Summary)
	}
}

// A container that runs now but has finished and been restarted many
// times (a DaemonSet's `sleep 1h`, Restart Count 504, last state
// Completed) is a loop, not a healthy pod; a few restarts are not.
func TestManyCompletedRestartsLoop(t *testing.T) {
	status := func(restarts int32) corev1.ContainerStatus {
		return corev1.ContainerStatus{Name: "check", Ready: true, RestartCount: restarts,
			State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ts(37 * time.Minute)}},
			LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
				ExitCode: 0, Reason: "Completed", StartedAt: ts(97 * time.Minute), FinishedAt: ts(37 * time.Minute)}}}
	}
	r := Diagnose(Input{Pod: testPod([]string{"check"}, setStatus(status(504))), Now: now})
	if r.Healthy || r.Category != Completed {
		t.Errorf("504 restarts after Completed: healthy=%v category %s: %s", r.Healthy, r.Category, r.Summary)
	}
	if r := Diagnose(Input{Pod: testPod([]string{"check"}, setStatus(status(2))), Now: now}); !r.Healthy {
		t.Errorf("2 restarts after Completed, running for 37m: not healthy: %s", r.Summary)
	}
}

// A DaemonSet's pods carry a five-character suffix and no hash: another
// pod of the same DaemonSet shown Completed after restarts tells that its
// container finishes.
func TestDaemonSetSiblingCompleted(t *testing.T) {
	pod := testPod([]string{"tuner"}, setStatus(corev1.ContainerStatus{Name: "tuner", RestartCount: 7,
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}}))
	pod.Name = "node-tuner-2kx9d"
	in := Input{Pod: pod, Now: now, Neighbours: []Neighbour{
		{Name: "node-tuner-5fhq7", Status: "Completed", Restarts: 8},
		{Name: "node-tuner-8lnwz", Status: "CrashLoopBackOff", Restarts: 7},
	}}
	if r := Diagnose(in); r.Category != Completed {
		t.Errorf("got %s, want completed: %s", r.Category, r.Summary)
	}
	if got := workloadBase("my-app-proxy"); got != "my-app-proxy" {
		t.Errorf("workloadBase(my-app-proxy) = %q: a word is no generated suffix", got)
	}
}
