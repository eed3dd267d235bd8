package diagnose

import "testing"

// Rules from the misses of held-out rounds 198 to 205 (in-cluster API
// access, slow failures, sidecars, secrets managers, signals, restricted
// networks, IPv6).
func TestRules198(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a JavaScript TypeError inside a migration", "migration file \"20250602155451_fix-secret-versions.mjs\" failed\nmigration failed with error: Cannot read properties of undefined (reading 'info')\n", AppCrash, "Cannot read properties of undefined"},
		{"a listen address the host does not have", "Unable to start server: listen tcp [fd00:ec2::23]:80: bind: cannot assign requested address\n", ConfigError, "bind: cannot assign requested address"},
		{"nginx told to listen on an old node IP", "nginx: [emerg] bind() to 10.0.0.5:80 failed (99: Cannot assign requested address)\n", ConfigError, "Cannot assign requested address"},
		{"systemd not PID 1", "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n", ConfigError, "booted with systemd"},
		{"Xvfb's stale display lock", "Server is already active for display 99\nIf this server is no longer running, remove /tmp/.X99-lock\n", ConfigError, "already active for display 99"},
		{"an IPv6 listener on a kernel without IPv6", "wsd-00007-00007 2021-08-18 21:30:37.399438 [ loolwsd ] ERR  #-1 Failed to bind to: IPv6 port: 9980 (EBADF: Bad file descriptor)| net/Socket.cpp:752\n", ConfigError, "Failed to bind to: IPv6 port"},
		{"nginx's IPv6 socket refused", "nginx: [emerg] socket() [::]:80 failed (97: Address family not supported by protocol)\n", ConfigError, "Address family not supported"},
		{"Hugging Face offline without the model cached", "OSError: Cannot find an appropriate cached snapshot folder for the specified revision on the local disk and outgoing traffic has been disabled. To enable repo look-ups and downloads online, pass 'local_files_only=False' as input.\n", ConfigError, "outgoing traffic has been disabled"},
		{"Cloud Run's memory limit", "Memory limit of 512 MiB exceeded with 516 MiB used. Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits\n", OOMKilled, "Memory limit of 512 MiB exceeded"},
	})
	checkNotRead(t, []notRead{
		{"2018/09/30 14:06:45 Key kube-system/sealed-secrets-key not found, generating new 4096 bit key\n", MissingConfigObject},
		{"After the fix: 20 liveness-probe kills per pod, zero OOMKills.\n", OOMKilled},
		{"dial tcp 10.0.0.9:5432: connect: cannot assign requested address\n", ConfigError},
	})
}

// Rules from the misses of held-out rounds 206 to 213 (other languages,
// enterprise databases, JVM flags, config formats, registries, runtimes,
// state after a node failure, data apps).
func TestRules206(t *testing.T) {
	checkLogRules(t, []logRule{
		{"zsh's report of SIGILL", "Illegal hardware instruction (core dumped)\n", ExecFormat, "Illegal hardware instruction"},
		{"OrientDB's low disk space", "Caused by: com.orientechnologies.orient.core.exception.OLowDiskSpaceException: Error occurred while executing a write operation to database 'OSystem' due to limited free space on the disk (868 MB). The database is now working in read-only mode.\n", ConfigError, "limited free space on the disk"},
		{"a library's advice for a module the image lacks", "ImportError: python-dotenv is not installed, run pip install pydantic[dotenv]\n", AppCrash, "python-dotenv is not installed"},
		{"an error the reporter introduces with a colon keeps its own detail", "The error from the deployment logs:\n\nError: adapting config using caddyfile: parsing caddyfile tokens for 'handle':\ndirective 'log' is not an ordered HTTP handler, so it cannot be used here -\ntry placing within a route block or using the order global option\n", ConfigError, "parsing caddyfile tokens for 'handle': directive 'log' is not an ordered HTTP handler"},
		{"a config.json with single quotes", "/app/node_modules/config/index.js:12\nSyntaxError: Unexpected token ' in JSON at position 2\n    at JSON.parse (<anonymous>)\n", ConfigError, "Unexpected token ' in JSON"},
	})
	checkNotRead(t, []notRead{
		{"SyntaxError: Unexpected token < in JSON at position 0\n", ConfigError},
		{"Setting -Xmx above the limit carries a high risk of getting the container OOMKilled.\n", OOMKilled},
	})
}

// Rules from textbook shapes in the forms issues and Q&A posts take
// (session 12's second batch).
func TestRulesClassic13(t *testing.T) {
	checkLogRules(t, []logRule{
		{".NET's Nullable without a value", "Unhandled exception. System.InvalidOperationException: Nullable object must have a value.\n   at System.Nullable`1.get_Value()\n", AppCrash, "Nullable object must have a value"},
		{"Java's toMap on duplicate keys", "Caused by: java.lang.IllegalStateException: Duplicate key SKU-100482 (attempted merging values 19.90 and 21.50)\n", AppCrash, "Duplicate key SKU-100482"},
		{"JavaScript's invalid Date", "0|scheduler | RangeError: Invalid time value\n0|scheduler |     at Date.toISOString (<anonymous>)\n", AppCrash, "RangeError: Invalid time value"},
		{"Rust's slice bounds", "thread 'tokio-runtime-worker' panicked at src/parser/frame.rs:88:27:\nslice index starts at 12 but ends at 8\n", AppCrash, "slice index starts at 12 but ends at 8"},
		{"asyncpg's refused connection", "ConnectionRefusedError: [Errno 111] Connect call failed ('10.0.3.14', 5432)\n", DependencyUnavailable, "Connect call failed"},
		{"a log file Java may not open", "Exception in thread \"main\" java.lang.IllegalStateException: Logback configuration error detected: \nERROR in ch.qos.logback.core.rolling.RollingFileAppender[FILE] - openFile(/opt/app/logs/orders.log,true) call failed. java.io.FileNotFoundException: /opt/app/logs/orders.log (Permission denied)\n", PermissionDenied, "(Permission denied)"},
		{"RBAC errors before an informer's sync timeout", "E0614 09:21:07.418233       1 reflector.go:150] k8s.io/client-go@v0.30.1/tools/cache/reflector.go:232: Failed to watch *v1.Ingress: failed to list *v1.Ingress: ingresses.networking.k8s.io is forbidden: User \"system:serviceaccount:kube-system:external-dns\" cannot list resource \"ingresses\" in API group \"networking.k8s.io\" at the cluster scope\ntime=\"2024-06-14T09:22:07Z\" level=fatal msg=\"failed to sync *v1.Ingress: context deadline exceeded\"\n", PermissionDenied, "is forbidden"},
	})
	checkWords(t, []wordsCase{
		{"an exit code 0 retyped in words", "Last State: Terminated, Reason: Completed, Exit Code: 0. It is a Deployment, we wanted it to run nightly.\n", Completed},
	})
}

// Rules from the misses of held-out rounds 214 to 217 (Airflow, licences,
// users, shared libraries).
func TestRules214(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a module built for NumPy 1.x under NumPy 2", "A module that was compiled using NumPy 1.x cannot be run in\nNumPy 2.0.0 as it may crash. To support both 1.x and 2.x\nversions of NumPy, modules must be compiled with NumPy 2.0.\nImportError: numpy.core.multiarray failed to import\n", AppCrash, "compiled using NumPy 1.x"},
		{"one protobuf file registered twice", "panic: proto: file \"pb.proto\" is already registered\n\ngoroutine 1 [running]:\n", AppCrash, "is already registered"},
	})
}

// Rules from textbook shapes in the output formats of platforms (session
// 12's third batch).
func TestRulesClassic14(t *testing.T) {
	checkLogRules(t, []logRule{
		{"crun's missing executable", "Jun 03 09:14:22 srv01 api[48211]: Error: crun: executable file `uvicorn` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found\n", CommandNotFound, "executable file `uvicorn` not found"},
		{"Cloud Run's missing executable", "terminated: Application failed to start: failed to resolve binary path: error finding executable \"uvicorn\" in PATH [/usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin]\n", CommandNotFound, "error finding executable"},
		{"a runtime error quoted inside JSON", `"stoppedReason": "CannotStartContainerError: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"./start.sh\": stat ./start.sh: no such file or directory: unknown",` + "\n", CommandNotFound, "stat ./start.sh"},
		{"StackExchange.Redis reaching no server", "Unhandled exception. StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). Error connecting right now. To allow this multiplexer to continue retrying until it's able to connect, use abortConnect=false in your connection string or AbortOnConnectFail=false; in your code.\n", DependencyUnavailable, "It was not possible to connect to the redis server"},
		{"docker events of an unhealthy container", "2024-03-01T10:00:01.000000000Z container health_status: unhealthy 3f2a (image=acme/api:2.1, name=api.1.x7)\n2024-03-01T10:00:02.000000000Z container kill 3f2a (signal=15)\n2024-03-01T10:00:12.000000000Z container die 3f2a (exitCode=143)\n", LivenessProbe, "health_status: unhealthy"},
		{"a Python NameError", "NameError: name 'setings' is not defined. Did you mean: 'settings'?\n", AppCrash, "NameError"},
	})
	checkWords(t, []wordsCase{
		{"a systemd unit that finished and is restarted", "Jul 14 02:00:31 nas01 systemd[1]: restic-backup.service: Deactivated successfully.\nJul 14 02:00:31 nas01 systemd[1]: restic-backup.service: Scheduled restart job, restart counter is at 212.\n", Completed},
	})
	notAbout(t, "app[9080524f610e87] ams [info] INFO Main child exited normally with code: 1\n", Completed, "a supervisor's 'exited normally with code: 1' read as a clean exit")
}

// Rules from textbook shapes in the wordings of database, cache, broker,
// cloud-SDK and TLS clients (session 12's fourth batch).
func TestRulesClassic15(t *testing.T) {
	checkLogRules(t, []logRule{
		{"NATS with no server up", "2024/04/09 13:55:04 nats connect failed: nats: no servers available for connection\n", DependencyUnavailable, "no servers available"},
		{"Prisma's P1002", "Error: P1002\nThe database server at `pg-main.data.svc.cluster.local:5432` was reached but timed out.\n", DependencyUnavailable, "was reached but timed out"},
		{"redis-py's connect timeout", "redis.exceptions.TimeoutError: Timeout connecting to server\n", DependencyUnavailable, "Timeout connecting to server"},
		{"MySQL's unknown host", "MySQLdb.OperationalError: (2005, \"Unknown server host 'cms-mysql' (-2)\")\n", DependencyUnavailable, "Unknown server host"},
		{"PostgreSQL 15's schema grant", "psycopg2.errors.InsufficientPrivilege: permission denied for schema public\nLINE 1: CREATE TABLE \"django_migrations\" (\"id\" bigint NOT NULL PRIMARY KEY\n", PermissionDenied, "permission denied for schema public"},
		{"MongoDB's role", "MongoServerError: not authorized on catalog to execute command { createIndexes: \"products\" }\n", PermissionDenied, "not authorized on catalog"},
		{"RabbitMQ's vhost permissions", "Error: Handshake terminated by server: 530 (NOT-ALLOWED) with message \"NOT_ALLOWED - access to vhost 'orders' refused for user 'orders-svc'\"\n", PermissionDenied, "access to vhost 'orders' refused"},
		{".NET's untrusted root", " ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot\n", ConfigError, "UntrustedRoot"},
		{"a client requiring SSL from a server without it", "Unable to connect to the database: ConnectionError [SequelizeConnectionError]: The server does not support SSL connections\n", ConfigError, "does not support SSL connections"},
	})
}
