package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules from session 27's held-out rounds 563 on and textbook batches 135 on.
func TestRules563(t *testing.T) {
	checkLogRules(t, []logRule{
		{"SQLite refusing a migration's column that is already there", "lumiverse  | SQLiteError: duplicate column name: folder\n", AppCrash, "duplicate column name"},
		{"MySQL's error 1060 in a migration", "sqlalchemy.exc.OperationalError: (MySQLdb._exceptions.OperationalError) (1060, \"Duplicate column name 'confirmed'\")\n", AppCrash, "Duplicate column name"},
		{"PostgreSQL refusing an ALTER TABLE ADD of an existing column", "ERROR: column \"resource_version\" of relation \"hdb_metadata\" already exists\n", AppCrash, "already exists"},
		{"a release's code reading a column no migration added", "tududi  | SQLITE_ERROR: no such column: productivity_assistant_enabled\n", AppCrash, "no such column"},
		{"GitLab's refusal to skip a major version", "Cleaning stale PIDs & sockets\nIt seems you are upgrading from major version 15 to major version 17.\nIt is required to upgrade to the latest 16.11.x version first before proceeding.\n", ConfigError, "upgrading from major version 15"},
		{"a release's missing method, with a CLI framework's Config frame below it", "TypeError: this.insightsService.startBackgroundCompaction is not a function\n    at Start.run (/usr/local/lib/node_modules/n8n/dist/commands/start.js:237:37)\n    at async Start._run (/usr/local/lib/node_modules/n8n/node_modules/@oclif/core/lib/command.js:301:22)\n    at async Config.runCommand (/usr/local/lib/node_modules/n8n/node_modules/@oclif/core/lib/config/config.js:424:25)\n", AppCrash, "is not a function"},
		{"a Docker secret's file the entrypoint reads, not granted to the service", "immich_postgres  | /usr/local/bin/docker-entrypoint.sh: line 22: /run/secrets/db_password: No such file or directory\n", MissingConfigObject, "/run/secrets/db_password"},
		{"docker service update naming a config that was never created", "config not found: grafana_ini_v4\n", MissingConfigObject, "config not found"},
		{"LINQ's First() on nothing, under .NET's StopHost", "fail: Microsoft.Extensions.Hosting.Internal.Host[9]\n      BackgroundService failed\n      System.InvalidOperationException: Sequence contains no elements\n         at System.Linq.ThrowHelper.ThrowNoElementsException()\ncrit: Microsoft.Extensions.Hosting.Internal.Host[10]\n      The HostOptions.BackgroundServiceExceptionBehavior is configured to StopHost. A BackgroundService has thrown an unhandled exception, and the Host instance is stopping.\n", AppCrash, "Sequence contains no elements"},
		{"Triton's HTTP port taken", "E1219 10:41:07.610730 1 main.cc:251] \"failed to start HTTP service: Unavailable - Socket '0.0.0.0:8000' already in use \"\n", PortConflict, "already in use"},
		{"a traceback vLLM logs line by line", "ERROR 05-27 14:02:11 [core.py:489] EngineCore encountered a fatal error.\nERROR 05-27 14:02:11 [core.py:489] Traceback (most recent call last):\nERROR 05-27 14:02:11 [core.py:489]   File \"/usr/local/lib/python3.12/dist-packages/vllm/v1/core/sched/scheduler.py\", line 229, in schedule\nERROR 05-27 14:02:11 [core.py:489]     assert num_new_tokens > 0\nERROR 05-27 14:02:11 [core.py:489] AssertionError\n", AppCrash, "AssertionError"},
		{"a gated Hugging Face model fetched without a token", "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/models/meta-llama/Meta-Llama-3.1-8B-Instruct\nhuggingface_hub.utils._errors.GatedRepoError: 401 Client Error.\nAccess to model meta-llama/Meta-Llama-3.1-8B-Instruct is restricted. You must be authenticated to access it.\n", ConfigError, "401"},
		{"TGI's prefill budget too large for the GPU", "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.00 GiB.\nRuntimeError: Not enough memory to handle 32768 prefill tokens. You need to decrease `--max-batch-prefill-tokens`\n", ConfigError, "Not enough memory to handle"},
		{"a Bus error beside df showing /dev/shm full", "bash: line 1:     7 Bus error               (core dumped) python3 -m vllm.entrypoints.openai.api_server --tensor-parallel-size 4\n$ kubectl exec mixtral-tp4 -- df -h /dev/shm\nFilesystem      Size  Used Avail Use% Mounted on\nshm              64M   64M     0 100% /dev/shm\n", ConfigError, "/dev/shm"},
		{"DCGM's exporter without its host engine", "time=\"2024-11-18T12:03:16Z\" level=fatal msg=\"Error connecting to nv-hostengine: Host engine connection invalid/disconnected\"\n", DependencyUnavailable, "Error connecting to nv-hostengine"},
		{"apt without DNS", "Err:1 http://azure.archive.ubuntu.com/ubuntu jammy InRelease\n  Temporary failure resolving 'azure.archive.ubuntu.com'\nW: Some index files failed to download. They have been ignored, or old ones used instead.\nCould not resolve Linux kernel version\n", DependencyUnavailable, "Temporary failure resolving"},
		{"PostgreSQL's pid file left by a node's hard reboot", "2025-04-08 14:02:20.094 GMT [1] FATAL:  lock file \"postmaster.pid\" already exists\n2025-04-08 14:02:20.094 GMT [1] HINT:  Is another postmaster (PID 68) running in data directory \"/bitnami/postgresql/data\"?\n", ConfigError, "postmaster.pid"},
		{"ZooKeeper's data directory it may not write", "org.apache.zookeeper.server.persistence.FileTxnSnapLog$DatadirException: Cannot write to data directory /data/version-2\n", PermissionDenied, "Cannot write to data directory"},
		{"a runner version GitHub's broker no longer serves", "GET request to https://broker.actions.githubusercontent.com/message?runnerVersion=2.333.0 failed. HTTP Status: Forbidden\nAn error occurred: Runner version v2.333.0 is deprecated and cannot receive messages.\nGitHub.DistributedTask.WebApi.AccessDeniedException: Runner version v2.333.0 is deprecated and cannot receive messages.\n", ConfigError, "is deprecated and cannot receive messages"},
		{"the actions runner updating itself", "Runner update in progress, do not shutdown runner.\nDownloading 2.277.1 runner\nWaiting for current job finish running.\nGenerate and execute update script.\nRunner will exit shortly for update, should back online within 10 seconds\n", ConfigError, "exit shortly for update"},
		{"asyncio.run inside a running loop", "RuntimeError: asyncio.run() cannot be called from a running event loop\nsys:1: RuntimeWarning: coroutine 'Client.start' was never awaited\n", AppCrash, "cannot be called from a running event loop"},
		{"Elasticsearch's JSON log with the refused lock file in its stack trace", `{"@timestamp":"2024-09-23T07:58:41.302Z", "log.level":"ERROR", "message":"fatal exception while booting Elasticsearch", "error.type":"java.lang.IllegalStateException","error.message":"failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?","error.stack_trace":"java.lang.IllegalStateException: failed to obtain node locks\n\tat org.elasticsearch.env.NodeEnvironment.<init>(NodeEnvironment.java:295)\nCaused by: java.nio.file.AccessDeniedException: /usr/share/elasticsearch/data/node.lock\n\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:90)"}` + "\n", PermissionDenied, "AccessDeniedException"},
		{"a user ID without a passwd entry (OpenShift's arbitrary UIDs)", "  File \"/usr/lib/python3.12/getpass.py\", line 169, in getuser\n    return pwd.getpwuid(os.getuid())[0]\nKeyError: 'getpwuid(): uid not found: 1003520000'\n", PermissionDenied, "getpwuid(): uid not found"},
		{"Jenkins remoting's work directory", "SEVERE: Failed to initialize the work directory\njava.io.IOException: The specified working directory should be fully accessible to the remoting executable (RWX): /home/jenkins/agent\n", PermissionDenied, "fully accessible to the remoting executable"},
		{"an operator's status repeating the kubelet's OOM kill", "    Error Message:  driver container failed with ExitCode: 137, Reason: OOMKilled\n", OOMKilled, "Reason: OOMKilled"},
		{"RabbitMQ's Go client refused its credentials", "2024/10/02 13:20:51 failed to connect to RabbitMQ: Exception (403) Reason: \"username or password not allowed\"\n", ConfigError, "username or password not allowed"},
		{"Spring Cloud's compatibility verifier on a Boot version bump", "Description:\n\nYour project setup is incompatible with our requirements due to following reasons:\n\n- Spring Boot [3.4.1] is not compatible with this Spring Cloud release train\n", AppCrash, "is not compatible with this Spring Cloud release train"},
	})
	checkNotRead(t, []notRead{
		// The asker's question names no cause.
		{"Is this a port conflict? Something about another postmaster running.\n", PortConflict},
		// A guess is not a finding.
		{"Upgraded Loki via Helm and the pod crashloops. I think it can't reach the object store.\n", DependencyUnavailable},
		// An image's start banner gives advice for a case, not the cause.
		{"If this container fails to start due to permission problems try to fix it by executing:\n\n  docker exec -it gitlab update-permissions\n", PermissionDenied},
		// A Kubernetes token that is not projected is the pod's setting.
		{"warn\tMissing JWT token, can't use in process SDS ./var/run/secrets/tokens/istio-tokenstat ./var/run/secrets/tokens/istio-token: no such file or directory\n", MissingConfigObject},
		// A controller that requeues on a Secret not there yet handles it.
		{"2025-04-08T09:13:27Z\tINFO\tdbuser\tcredentials secret not found yet, will requeue\t{\"error\": \"secrets \\\"reporting-db-credentials\\\" not found\"}\n", MissingConfigObject},
		// A table (not a column) that exists already is a schema created
		// another way before the migrations ran: state, not the release.
		{"In AbstractMySQLDriver.php line 112: SQLSTATE[42S01]: Base table or view already exists: 1050 Table 'user' already exists\n", AppCrash},
	})
}

// A dependency's host set to the pod itself, then a refusal that names no
// address: the refusal is there, in a pod where nothing listens.
func TestRefusedAtLoopbackSetting(t *testing.T) {
	env := "            - name: DB_HOST\n              value: \"127.0.0.1\"\n            - name: DB_PORT\n              value: \"3306\"\n\n"
	refused := "In Connector.php line 66:\n\n  SQLSTATE[HY000] [2002] Connection refused\n"
	checkLogRules(t, []logRule{
		{"an env list's loopback host", env + refused, ConfigError, "Connection refused"},
		{"a URL on localhost", "REDIS_URL=redis://localhost:6379/0\nError: connect ECONNREFUSED\n", ConfigError, "ECONNREFUSED"},
	})
	checkNotRead(t, []notRead{
		// A refusal that names another host is about that host.
		{"DB_HOST: \"127.0.0.1\"\nmysql.shop.svc:3306: connection refused\n", ConfigError},
		// A loopback value for a variable that is no address.
		{"- name: LOG_LEVEL\n  value: localhost\nSQLSTATE[HY000] [2002] Connection refused\n", ConfigError},
	})
}

// A container running and ready again after an OOM kill more than a
// quarter of an hour ago: still failing when the kills recur (an hour
// apart or less since the pod started), recovered when they were rare.
func TestRecurringOOMKills(t *testing.T) {
	pod := func(restarts int32, podAge time.Duration) *corev1.Pod {
		st := running("agent")
		st.RestartCount = restarts
		st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: 137, Reason: "OOMKilled", StartedAt: ts(62 * time.Minute), FinishedAt: ts(35 * time.Minute)}
		return testPod([]string{"agent"}, setStatus(st), func(p *corev1.Pod) { start := ts(podAge); p.Status.StartTime = &start })
	}
	if r := Diagnose(Input{Pod: pod(9, 5*time.Hour), Now: now}); r.Healthy || r.Category != OOMKilled {
		t.Errorf("9 kills in 5 hours: healthy %v, %s: %s", r.Healthy, r.Category, r.Summary)
	}
	if r := Diagnose(Input{Pod: pod(3, 72*time.Hour), Now: now}); !r.Healthy {
		t.Errorf("3 kills in 3 days, the last 35 minutes ago: %s: %s", r.Category, r.Summary)
	}
}
