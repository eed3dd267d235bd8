package diagnose

import (
	"strings"
	"testing"
)

// Rules from the misses of held-out rounds 407 to 414 (leader election,
// clocks, locales, model servers, identity providers, kernel limits,
// workflow engines, vector databases).
func TestRules407(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a panic that cannot make its directory", "[2023-07-10T14:52:55.183Z INFO storage::content_manager::consensus::persistent] Loading raft state from ./storage/raft_state\n[2023-07-10T14:52:55.195Z ERROR qdrant::startup] Panic occurred in file lib/collection/src/shards/shard_holder.rs at line 60: Can't create Snapshots directory\n", PermissionDenied, "Can't create Snapshots directory"},
		{"a data folder it could not create", "Error: could not create data folder /var/lib/app/data\n", PermissionDenied, "could not create data folder"},
		{"a program out of file descriptors, in words", "mongodb ran out of file descriptors and aborted with exit code 139 (SIGSEGV).\n", ConfigError, "out of file descriptors"},
		{"a lease client sharing the limiter, in words", "When leaderElection.leaderElect is true, the lease renewal client shares the client-side rate limiter with every controller client, and the manager exits with leader election lost.\n", AppCrash, "shares the client-side rate limiter"},
		{"the lease client rate-limited, in words", "the leader election client was getting client-side rate-limited by other requests that were made to the apiserver.\n", AppCrash, "rate-limited"},
		{"leader election starved, in words", "[Bug] Leader election starved by global client-go rate limits during cold start with multiple replicas of admission controller\n", AppCrash, "starved by global client-go rate limits"},
		{"leader election failing, in words", "* The etcd defragmentation is causing the leader election to fail frequently, crashing the service\n", DependencyUnavailable, "leader election to fail"},
		{"a password's special characters, in words", "Grafana 5.0.2 panics on startup if database URL has special characters in the password\npanic: runtime error: invalid memory address or nil pointer dereference\n", ConfigError, "special characters in the password"},
		{"CloudNativePG's instance manager on a full WAL volume", "{\"level\":\"info\",\"ts\":\"2024-11-21T22:32:52.250211742Z\",\"msg\":\"Checking for free disk space for WALs before starting PostgreSQL\",\"logger\":\"instance-manager\"}\n{\"level\":\"info\",\"ts\":\"2024-11-21T22:32:52.273202361Z\",\"msg\":\"Detected low-disk space condition, avoid starting the instance\",\"logger\":\"instance-manager\"}\n", ConfigError, "low-disk space condition"},
		{"a nil pointer told with a hyphen", "Unspecified `spec.kubernetesConfig.resources` causes nil-pointer dereference inside operator\n", AppCrash, "nil-pointer dereference"},
		{"old data deleted as the fix", "prometheus in start loop with panic message\npanic: runtime error: slice bounds out of range\nsolution, delete old data in\n/var/lib/docker/volumes/prometheus_prometheus/_data\n", ConfigError, "delete old data"},
		{"killed by the kubelet before it boots, in words", "We've recently noticed webservice pods getting killed by kubelet before Puma finishes booting.\n", LivenessProbe, "killed by kubelet before"},
		{"RabbitMQ waiting for its peers' tables", "2024-05-13 08:34:32.688959+00:00 [info] <0.235.0> Waiting for Mnesia tables for 30000 ms, 8 retries left\n2024-05-13 08:35:02.689586+00:00 [warning] <0.235.0> Error while waiting for Mnesia tables: {timeout_waiting_for_tables,\n2024-05-13 08:35:02.689586+00:00 [warning] <0.235.0>                                         ['rabbit@rabbitmq-2.rabbitmq-headless.default.svc.cluster.local',\n", DependencyUnavailable, "timeout_waiting_for_tables"},
		{"Vert.x cannot make its cache folder", "java.lang.IllegalStateException: Unable to create folder at path '/tmp/vertx-cache/1082414833831755185'\n", PermissionDenied, "Unable to create folder"},
		{"an XML attribute added twice", "/camunda/conf/server.xml:47.492: Attribute testOnBorrow redefined\n", ConfigError, "Attribute testOnBorrow redefined"},
		{"a crash loop because of probe failures", "For examples on a Raspberry Pi, it takes a little bit longer than allowed by the `initialDelaySeconds`, `periodSeconds` and `failureThreshold`. This result in a CrashLoopBackOff because of the probe failures.\n", LivenessProbe, "because of the probe failures"},
		{"repmgr's extension older than the image's", "postgresql-repmgr 09:12:44.41 INFO  ==> Upgrading repmgr extension...\nERROR: extension version 5.3 is installed but newer version 5.4 is available\n", ConfigError, "extension version 5.3 is installed"},
		{"Yarn's integrity check at boot", "web_1  | warning Integrity check: System parameters don't match\nweb_1  | error Integrity check failed\nweb_1  | error Found 1 errors.\n", ConfigError, "Integrity check failed"},
		{"JAVA_OPTS left unexpanded as the main class", "Error: Could not find or load main class $JAVA_OPTS\n", ConfigError, "$JAVA_OPTS"},
		{"the JVM out of threads", "Exception in thread \"main\" java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached\n", ConfigError, "unable to create native thread"},
		{"the JVM's threads refused by an old seccomp profile", "There is insufficient memory for the Java Runtime Environment to continue.\nOut of Memory Error (workerManager.hpp:70), pid=1, tid=1\n", PermissionDenied, "workerManager.hpp"},
		{"Elasticsearch's launcher without its java", "could not find java in ES_JAVA_HOME at /opt/java/openjdk/bin/java\n", PermissionDenied, "could not find java in ES_JAVA_HOME"},
		{"an informer's list refused with 401", "E1115 07:02:11.913301       1 reflector.go:147] pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.Pod: failed to list *v1.Pod: Unauthorized\nF1115 07:03:11.002977       1 main.go:74] failed to sync informer caches\n", ConfigError, "Unauthorized"},
		{"RabbitMQ waiting for peers named by pod IPs", "2024-03-02 10:11:12.000 [error] <0.230.0> Error during startup: {error,{timeout_waiting_for_tables,['rabbit@10.244.3.17','rabbit@10.244.1.42'],[rabbit_user,rabbit_user_permission]}}\n", ConfigError, "rabbit@10.244.3.17"},
		{"exits 0 and is restarted, in words", "Caused by `args: [\"validate\", \"/etc/vector/vector.yaml\"]` that I left in the DaemonSet while debugging: vector checks the config, prints this, exits 0 and gets restarted, forever.\n", Completed, "exits 0 and gets restarted"},
		{"Go out of OS threads", "runtime: failed to create new OS thread (have 62 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc\n", ConfigError, "failed to create new OS thread"},
		{"tokio out of worker threads", "thread 'main' panicked at /usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.38.0/src/runtime/blocking/pool.rs:474:21:\nOS can't spawn worker thread: Resource temporarily unavailable (os error 11)\n", ConfigError, "OS can't spawn worker thread"},
		{"Node's libuv refused a thread (most often an old seccomp profile; rounds 434-455 moved it from a process limit)", "node[1]: ../src/node_platform.cc:68:std::unique_ptr<long unsigned int> node::WorkerThreadsTaskRunner::DelayedTaskScheduler::Start(): Assertion `(0) == (uv_thread_create(t.get(), start_thread, this))' failed.\n", PermissionDenied, "uv_thread_create"},
		{"Oracle's MEMORY_TARGET above /dev/shm", "SQL> ORA-00845: MEMORY_TARGET not supported on this system\n", ConfigError, "ORA-00845"},
		{"Seastar's aio-max-nr", "Could not setup Async I/O: Resource temporarily unavailable. The most common cause is not enough request capacity in /proc/sys/fs/aio-max-nr. Try increasing that number\n", ConfigError, "aio-max-nr"},
		{"NCCL's segment in a small /dev/shm", "Error while creating shared memory segment /dev/shm/nccl-vzIpS6 (size 9637888) rank=1\ntorch.distributed.DistBackendError: NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1970, unhandled system error\n", ConfigError, "shared memory segment"},
		{"the JVM's initial heap without a unit", "Error occurred during initialization of VM\nToo small initial heap\n", ConfigError, "Too small initial heap"},
		{"JVM options with an en dash as the main class", "Error: Could not find or load main class \u2013Xmx768m\n", ConfigError, "Xmx768m"},
		{"vLLM without a GPU platform", "INFO 05-20 20:12:25 [__init__.py:252] No platform detected, vLLM is running on UnspecifiedPlatform\n", ConfigError, "No platform detected"},
	})
	checkNotRead(t, []notRead{
		{"thread 'main' panicked at 'OS can't spawn worker thread: Operation not permitted (os error 1)'\n", ConfigError},
		{"After 3 consecutive failures, the kubelet kills the container (exit code 137).\n", OOMKilled},
		{"The kubelet then liveness-kills the container (exit 137, reason `Error`, not `OOMKilled`).\n", OOMKilled},
		{"{\"level\":\"error\",\"msg\":\"error retrieving resource lock rabbitmq-operator-system/messaging-topology-operator-leader-election: client rate limiter Wait returned an error: context deadline exceeded\"}\n", AppCrash},
		{"mkdir: cannot create directory '/var/lib/mysql//mysql': No space left on device\nFatal error Can't create database directory '/var/lib/mysql//mysql'\n", PermissionDenied},
		{"The password has no special characters, so it is not the escaping.\npanic: runtime error: invalid memory address or nil pointer dereference\n", ConfigError},
		{"E0129 05:26:25.921Z leaderelection.go:369] Failed to update lock: Put \"https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/karpenter\": context deadline exceeded\nE0129 05:26:27.001Z leaderelection.go:285] failed to renew lease kube-system/karpenter: timed out waiting for the condition\n", AppCrash},
		{"mkdir: can't create directory '/data/db': File exists\n", PermissionDenied},
		{"Error: cannot create cache directory /nonexistent/cache: no such file or directory\n", PermissionDenied},
		{"fatal: could not create work tree dir 'repo': No space left on device\n", PermissionDenied},
	})
	notAbout(t, "Upgrading Control Plane fails due to invalid memory address. During upgrade, due to some unknown error, the pod crashes.", OOMKilled, "a nil pointer's invalid memory address is not memory")
	notAbout(t, "mediawiki pod gets in to crashloopbackoff\n- helm upgrade --install -n wiki mediawiki bitnami/mediawiki --set mediawikiUser=admin,mediawikiPassword=password,readinessProbe.failureThreshold=10,livenessProbe.initialDelaySeconds=600\nif i install without the values, then there is no crash in the pod.", LivenessProbe, "a pasted helm command's probe values are not words about probes")
	notAbout(t, "readsb exited 267 and the container keeps restarting.\n[fix-attrs.d] applying ownership & permissions fixes...\n[fix-attrs.d] done.\n[cont-init.d] executing container initialization scripts...", PermissionDenied, "s6-overlay's routine stages are not words about permissions")
}

// A bare CreateContainerConfigError (no kubelet message) is summarised by
// what it means, not by an empty message after a colon, and read as what
// it most often is: a ConfigMap, Secret or key the pod references that
// does not exist.
func TestCreateContainerConfigErrorWithoutMessage(t *testing.T) {
	r := Diagnose(Input{Pod: waitingPod("CreateContainerConfigError", ""), Now: now})
	if r.Category != MissingConfigObject {
		t.Errorf("category = %s, want missing_config_object", r.Category)
	}
	if strings.HasSuffix(strings.TrimSpace(r.Summary), ":") || !strings.Contains(r.Summary, "CreateContainerConfigError") {
		t.Errorf("summary %q ends without what went wrong", r.Summary)
	}
}
