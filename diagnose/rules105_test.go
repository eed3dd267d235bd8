package diagnose

import (
	"slices"
	"strings"
	"testing"
)

// Rules from the misses of held-out rounds 105 to 109 (telecom, science,
// test infrastructure, e-commerce, edge), each written for the general
// shape, not the report.
func TestRules105(t *testing.T) {
	checkLogRules(t, []logRule{
		{"fabric8's service account without access", "io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: GET at: https://kubernetes.default/api/v1/namespaces/grid/pods. Message: Forbidden!Configured service account doesn't have access. Service account may have been revoked.\n", PermissionDenied, "doesn't have access"},
		{"a variable that does not exist in the environment", "F1023 12:47:55.184364       1 util.go:82] env MY_NODE_NAME not exist\n", ConfigError, "MY_NODE_NAME not exist"},
		{"a script with Windows line endings outweighs the proxy that waits for it", "2021/08/23 16:40:52 [emerg] 1#1: host not found in upstream \"frontend\" in /etc/nginx/conf.d/default.conf:10\n/app/run.sh: line 2: $'\\r': command not found\n", CommandNotFound, "command not found"},
		{"state a previous run left: a table that already exists", "gorethink: Table `app.Jobs` already exists. in: \nr.DB(\"app\").TableCreate(\"Jobs\")\n", ConfigError, "already exists"},
		{"containerd on Windows cannot find the program of the command", "Error: failed to start containerd task \"powershell\": failed to get application name from commandline \"pwsh.exe -command Write-Host hi\": The system cannot find the file specified.\n", CommandNotFound, "failed to get application name"},
		{"a Windows program that is not found", "Windows NPM crashes with logs like `npm.exe not found` after the upgrade.\n", CommandNotFound, "npm.exe not found"},
		{"a Windows named pipe no host service serves", "panic: open \\\\.\\pipe\\csi-proxy-filesystem-v1: The system cannot find the file specified.\n", DependencyUnavailable, "csi-proxy-filesystem-v1"},
		{"an agent's server that is not accessible", "time=\"2020-01-01T10:00:00Z\" level=fatal msg=\"https://rancher.example.com is not accessible (Could not resolve host: rancher.example.com)\"\n", DependencyUnavailable, "is not accessible"},
		{"the API's RBAC refusal without its forbidden (a copied line split in two)", "\u2502 en: User \\\"system:serviceaccount:nfd:nfd-worker\\\" cannot get resource \\\"nodefeatures\\\" in API group \\\"nfd.k8s-sigs.io\\\" in the namespace \\\"nfd\\\"\"\n", PermissionDenied, "cannot get resource"},
		{"the kernel's report of a memory cgroup at its limit", "[51829.022859] memory: usage 512000kB, limit 512000kB, failcnt 0\n[51829.022859] memory+swap: usage 512000kB, limit 512000kB, failcnt 83530\n[51829.022859] kmem: usage 2936kB, limit 9007199254740988kB, failcnt 0\n[51829.023027] cache 506646528\n", OOMKilled, "memory: usage 512000kB"},
		{"a lock an earlier start left: another setup is running", "* Another setup is currently running...\n\n* Checking if mysql is available...\n\n* DB server mysql is available, let's continue !\n\n* Another setup is currently running...\n", ConfigError, "Another setup is currently running"},
		{"a package the image lacks, inside an error banner", "********** ERROR ***********\ncomfyui-frontend-package is not installed. Please install the updated requirements.txt file by running:\n/usr/local/bin/python3 -m pip install -r requirements.txt\nThis error is happening because the frontend is no longer shipped as part of the main repo.\n********** ERROR **********\n", AppCrash, "is not installed"},
		{"a Kafka client that reaches no broker", "panic: kafka: client has run out of available brokers to talk to (Is your cluster reachable?)\n", DependencyUnavailable, "run out of available brokers"},
		{"ownCloud's console run as another user than the owner of config.php", "Console has to be executed with the user that owns the file config/config.php\nCurrent user id: 33\nOwner id of config.php: 0\n", PermissionDenied, "owns the file"},
		{"a disk smaller than the program requires, beside a request its stop cancelled", "2019-06-24T20:43:57.117Z\tERROR\tpiecestore:monitor\tTotal disk space less than required minimum\t{\"bytes\": 500000000000}\n2019-06-24T20:43:57.118Z\tERROR\tFailed to do periodic version check: Get https://version.example.io: context canceled\nFatal error: piecestore monitor: disk space requirement not met\n", ConfigError, "disk space requirement not met"},
		{"a program that asks to be configured before it stops", "==> Multiple private IPv4 addresses found. Please configure one with 'bind' and/or 'advertise'.\n", ConfigError, "Please configure one"},
		{"Redis's config error banner: the reason below it is a hostname that does not resolve", "*** FATAL CONFIG FILE ERROR ***\nReading the configuration file, at line 4\n>>> 'sentinel monitor mymaster redis-master-0.redis-headless.default.svc.cluster.local 6379 2'\nCan't resolve master instance hostname.\n", DependencyUnavailable, "Can't resolve master instance hostname"},
		{"Redis's config error banner: the reason below it is a bad directive, beside another pod's lost replica link", "redis-server-1 redis-server 1:S 10 Mar 07:55:34.279 # Error condition on socket for SYNC: No route to host\n*** FATAL CONFIG FILE ERROR ***\nReading the configuration file, at line 1058\n>>> 'slaveof  6379'\nBad directive or wrong number of arguments\n", ConfigError, "Bad directive"},
		{"QEMU cannot find the loader of another architecture", "qemu-x86_64: Could not open '/lib/ld-musl-x86_64.so.1': No such file or directory\n", ExecFormat, "qemu-x86_64"},
		{"Rosetta cannot find the loader of another architecture", "rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2\n", ExecFormat, "rosetta error"},
		{"Kafka's ZooKeeper client timeout named by its exception", "Kafka Helm Chart : ZooKeeperClientTimeoutException\n", DependencyUnavailable, "ZooKeeperClientTimeoutException"},
		{"MongoDB's BadValue, as a cloud console prints it", "mongos-container May 8, 2018, 3:05:43 PM BadValue: configdb supports only\nreplica set connection string\n", ConfigError, "BadValue: configdb"},
		{"Consul without a private address to bind to", " 06:45:27.15 INFO  ==> ** Starting Consul **\n==> No private IPv4 address found\n", ConfigError, "No private IPv4 address found"},
		{"a value the program requires, named in words", "[cont-init.d] 10-config: executing...\nFATAL ERROR: Jigasi auth password must be set\n[cont-init.d] 10-config: exited 1.\n[cont-finish.d] executing container finish scripts...\n", ConfigError, "must be set"},
		{"Docker's event stream: the container OOM-killed, then it dies", "[2022-03-29 01:17:56] container oom Container ID: c924744b0a1d Container Name: trilium\n[2022-03-29 01:17:57] container die Container ID: c924744b0a1d Container Name: trilium\n[2022-03-29 01:17:58] container start Container ID: c924744b0a1d Container Name: trilium\n", OOMKilled, "container oom"},
		{"openssl cannot write a key where a directory is mounted", "req: Can't open \"/etc/ssl/private/apache-selfsigned.key\" for writing, Is a directory\n", ConfigError, "Is a directory"},
		{"a GPU build on a node without the NVIDIA driver", "/usr/bin/tensorflow_model_server: error while loading shared libraries: libcuda.so.1: cannot open shared object file: No such file or directory\n", ConfigError, "libcuda.so.1"},
		{"jemalloc built for 4 KiB pages on a kernel with larger ones", "<jemalloc>: Unsupported system page size\nFatal Python error: _PyRuntimeState_Init_impl: Can't initialize threads for interpreter\n", ExecFormat, "Unsupported system page size"},
		{"a readiness probe's refused connection in a pasted log is no dependency", "[event: pod ns/p] Readiness probe failed: Get \"http://10.244.0.18:9440/readyz\": dial tcp 10.244.0.18:9440: connect: connection refused\nDetected container restart. Pod: p. Container: manager.\n[manager] unknown flag: --powervs-provider-id-fmt\n", ConfigError, "unknown flag"},
		{"an X lock file left by the previous run, then no display", "A VNC/X11 server is already running as :1 on machine 9780ba8a4d7f\nWarning: 9780ba8a4d7f:1 is taken because of /tmp/.X1-lock\nRemove this file if there is no X server 9780ba8a4d7f:1\nqt.qpa.screen: QXcbConnection: Could not connect to display :1\nCould not connect to any X display.\n", ConfigError, "X1-lock"},
		{"a log level the program rejects, with its choices", "time=\"2024-01-01T10:00:00Z\" level=fatal msg=\"invalid log level \\\"verbose\\\": must be one of trace, debug, info, warn, error, fatal, panic\"\n", ConfigError, "invalid log level"},
	})
	checkNotRead(t, []notRead{
		{"[100.1] kmem: usage 2936kB, limit 9007199254740988kB, failcnt 0\n", ConfigError},
		{"W1221 13:18:36.329434       1 cmd.go:204] Using insecure, self-signed certificates\nI1221 13:18:36.832263       1 observer_polling.go:159] Starting file observer\n", ConfigError},
		{"logger:\n  enable: true  # true or false\n  level: info  # how detailed to output, value: trace, debug, info, warn, error, fatal, panic\n", AppCrash},
		{"      --log-level string   one of: debug | info | warn | error | fatal | panic (default \"info\")\n", AppCrash},
	})
}

// A generic last error that wraps the one logged just before it quotes
// that one too: it says what failed.
func TestErrorBeforeAGenericOneIsQuoted(t *testing.T) {
	got := ScanLog(strings.NewReader("I0407 08:24:42.006907 1 daemon.go:99] Starting daemon\nE0407 08:24:42.415328 1 factory.go:214] /run/docker.sock exists, but not found /run/dockershim.sock\nF0407 08:24:42.415356 1 main.go:66] Failed to new daemon: failed t\n"))
	if !slices.ContainsFunc(got.Evidence, func(e string) bool { return strings.Contains(e, "dockershim.sock") }) {
		t.Fatalf("the error before the generic one is not quoted: %q", got.Evidence)
	}
}

// An issue template's choices in parentheses name no topic ("(CPU/memory)"
// is a question, not the reporter saying it ran out of memory).
func TestTemplateChoicesNameNoTopic(t *testing.T) {
	got := ScanLog(strings.NewReader("cattle-node-agent CrashLoopBackOff: Back-off 5m0s restarting failed\n**Other details that may be helpful:**\nDocker containers work on the nodes.\n- Machine type (cloud/VM/metal) and specifications (CPU/memory): metal (16 cores/1TB for node, 4 nodes)\n"))
	if got.Category == OOMKilled || got.topic == OOMKilled {
		t.Fatalf("a template's (CPU/memory) read as memory: %s %q", got.Category, got.Line)
	}
}

// A run told as ending when its time is up is a task that finishes.
func TestWordsOfARunThatEnds(t *testing.T) {
	got := ScanLog(strings.NewReader("Stop the master pod when --run-time is completed\nWhen the run time is reached the master container is stopped but the pod re-creates it and testing is restarted.\n"))
	if got.topic != Completed {
		t.Fatalf("topic = %q, want completed", got.topic)
	}
}
