package diagnose

import "testing"

// Rules from the misses of held-out rounds 434 to 448 (volumes over the
// image's files, fediverse servers, wikis, Kafka's tools, data integration,
// scrapers, speech servers, finance apps, leads, chart pods, early years).
func TestRules434(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an s6 service killed by SIGILL", "s6-rc: info: service whisper successfully started\n[18:51:16] INFO: Service exited with code 256 (by signal 4)\n", ExecFormat, "(by signal 4)"},
		{"an s6 service killed by SIGSEGV", "[09:12:40] INFO: Service exited with code 256 (by signal 11)\n", Segfault, "(by signal 11)"},
		{"nginx's upstream still a variable", "nginx: [emerg] host not found in upstream \"$INTERNAL_API_HOST\" in /etc/nginx/conf.d/default.conf:2\n", ConfigError, "$INTERNAL_API_HOST"},
		{"Node looking up a variable's name", "Error: getaddrinfo ENOTFOUND ${REDIS_HOST}\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)\n", ConfigError, "${REDIS_HOST}"},
		{"Go looking up a variable's name", "dial tcp: lookup $DB_HOST on 10.96.0.10:53: no such host\n", ConfigError, "$DB_HOST"},
		{"nginx loading a module a mount hides", "2023/05/09 11:46:27 [emerg] 1#1: dlopen() \"/etc/nginx/modules/ngx_http_js_module.so\" failed (/etc/nginx/modules/ngx_http_js_module.so: cannot open shared object file: No such file or directory) in /etc/nginx/nginx.conf:1\n", ConfigError, "dlopen()"},
		{"a bind mount hiding the image's venv, in words", "When users bind-mount `/app` (as documented), this hides the image’s `pyproject.toml` and venv, leading to `ModuleNotFoundError: nicegui`\n", ConfigError, "hides the image"},
		{"a ConfigMap masking a directory, in words", "At the moment, the nginx-config configmap is mounted as folder, masking everything else that is located in `/etc/nginx`.\n", ConfigError, "masking everything"},
		{"a bind mount over node_modules, in words", "The bind mount .:/app overwrites the node_modules folder created during the build\nError: Cannot find module 'express'\n", ConfigError, "overwrites the node_modules"},
		{"a resolver naming kube-dns where the cluster calls it otherwise", "nginx: [emerg] host not found in resolver \"kube-dns.kube-system.svc.cluster.local.\" in /etc/nginx/nginx.conf:33\n", ConfigError, "kube-dns.kube-system"},
		{"kube-dns that does not resolve, in words", "The pod is crashloopbackoff because it cannot resolve the name: kube-dns.kube-system.svc.cluster.local\n", ConfigError, "kube-dns.kube-system"},
		{"MkDocs' config naming a module the image lacks", "Error: MkDocs encountered an error parsing the configuration file: while constructing a Python object\ncannot find module 'materialx.emoji' (No module named 'materialx')\n  in \"/docs/mkdocs.yml\", line 143, column 20\n", ConfigError, "while constructing a Python object"},
		{"Buildbot's pid file from the last start", "checking basedir\nchecking for running master\n'/var/lib/buildbot/twistd.pid' exists - is this master still running?\nCan't upgrade master yet. Waiting for database ready?\n", ConfigError, "twistd.pid' exists"},
		{"a shell's exit code 139 in brackets", "Changing user to ipfs\n[exit code 139]\n", Segfault, "[exit code 139]"},
		{"Node's libuv clock refused on 32-bit ARM", "Assertion `(0) == (uv_gettimeofday(&tv))' failed.\n", PermissionDenied, "uv_gettimeofday"},
		{"a pids limit named beside libuv's thread", "The cluster has podPidsLimit: 512.\nnode[1]: Assertion `(0) == (uv_thread_create(t.get(), start_thread, this))' failed.\n", ConfigError, "podPidsLimit"},
		{"twistd's pid file left by the last run", "Another twistd server is running, PID 1\n", ConfigError, "Another twistd server is running"},
		{"a leftover .pid file, in words", "On subsequent restarts, this leftover .pid file causes GlobaLeaks to enter a crash loop.\n", ConfigError, "leftover .pid file"},
		{"a shell's error set as inline code", "`/docker-entrypoint.sh: exec: line 45: gosu: not found`\n", CommandNotFound, "gosu: not found"},
		{"dash exec'ing a user:group as its command", "/entrypoint.sh: 34: exec: 1000:1000: not found\n", CommandNotFound, "1000:1000: not found"},
		{"restarted for failing its health checks, in words", "the pod healthcheck is trying to access the `/health` endpoint resulting in a 404 error and resulting in the pod being periodically restarted for failing it's healthchecks.\n", LivenessProbe, "restarted for failing"},
		{"an API server timeout before a fallback to localhost", "error contacting APIServer: Get https://10.96.0.1:443/api/v1/nodes: dial tcp 10.96.0.1:443: i/o timeout; trying with fallback: http://localhost:8080\n", DependencyUnavailable, "10.96.0.1:443: i/o timeout"},
		{"a read-only root file system named as the cause", "SecurityContext: \"readOnlyRootFilesystem: true\" is causing odf-console pod crashloopbackoff.\n", PermissionDenied, "readOnlyRootFilesystem"},
		{"a base URL flag and restarts, in words", "Pod restarting when using -base-url flag\n", LivenessProbe, "-base-url"},
		{"a servlet context path and crashes, in words", "Setting SERVER_SERVLET_CONTEXT_PATH causes container to crash.\n", LivenessProbe, "SERVER_SERVLET_CONTEXT_PATH"},
		{"Grafana's root_url and a pod that will not start, in words", "[bitnami/grafana] Pod won't start after specifying root_url\n", LivenessProbe, "root_url"},
		{"a liveness check that fails with 401, in words", "The readiness/liveness-check for the OpenCTI-Containers fails with an HTTP-Error-Code 401. This could be caused by hardcoded values in the http-get-request of the Probes.\n", LivenessProbe, "liveness-check"},
		// The database answered: its error, not the connection, decides
		// (a migration's column that is already there: the release's).
		{"SQLite's error behind 'unable to connect'", "[BUG] Unable to connect to the database: SQLITE_ERROR: duplicate column name: orderId\n", AppCrash, "duplicate column name"},
		{"golang-migrate's dirty database", "Applying clickhouse migrations failed. This is mostly caused by the database being unavailable. Exiting...\nerror: Dirty database version 13. Fix and force version.\n", ConfigError, "Dirty database version 13"},
		{"variables named env.X missing", "[REPO SERVICE]: env.REPO_SERVER_URL or env.REPO_SERVICE_SECRET_KEY missing\n", ConfigError, "REPO_SERVICE_SECRET_KEY missing"},
		{"s6-rc's start step killed by SIGSEGV", "s6-rc: warning: unable to start service base-addon-banner: command exited 139\n/run/s6/basedir/scripts/rc.init: warning: s6-rc failed to properly bring all the services up! Check the logs above.\n", Segfault, "command exited 139"},
		{".NET's runtime that cannot start", "Failed to create CoreCLR, HRESULT: 0x80070008\n", PermissionDenied, "Failed to create CoreCLR"},
		{"Redis's background threads refused", "1:M 29 Jun 2023 08:58:09.984 # Fatal: Can't initialize Background Jobs.\n", PermissionDenied, "Can't initialize Background Jobs"},
		{"Tor's clock refused", "INTERNAL ERROR: Raw assertion failed in Tor 0.4.6.6 at src/lib/wallclock/tor_gettimeofday.c:70: 0\ngettimeofday failed\n", PermissionDenied, "gettimeofday failed"},
		{"Symfony's cache directory not writable", "PHP Fatal error:  Uncaught RuntimeException: Unable to write in the \"/var/www/html/var/cache/prod\" directory. in /var/www/html/vendor/symfony/http-kernel/Kernel.php:614\n", PermissionDenied, "Unable to write in the"},
		{"Kafka Connect without the connector on its plugin path", "org.apache.kafka.connect.errors.ConnectException: Failed to find any class that implements Connector and which name matches io.confluent.connect.jdbc.JdbcSinkConnector\n", ConfigError, "Failed to find any class that implements Connector"},
		{"Node listening on a variable's name", "Error: listen EACCES: permission denied ${PORT}\n", ConfigError, "${PORT}"},
		{"a Helm template never rendered, looked up", "nats: dial tcp: lookup {{ .Values.nats.host }}: no such host\n", ConfigError, "{{ .Values.nats.host }}"},
		{"a Kubernetes $(VAR) declared too late, looked up", "dial tcp: lookup $(REDIS_HOST) on 10.96.0.10:53: no such host\n", ConfigError, "$(REDIS_HOST)"},
		{"MariaDB's client given a literal variable", "ERROR 2005 (HY000): Unknown server host '${MARIADB_HOST}' (-2)\n", ConfigError, "${MARIADB_HOST}"},
		{"BusyBox wget given a literal variable", "wget: bad address '${CONFIG_SERVER}'\n", ConfigError, "${CONFIG_SERVER}"},
		{"libpq translating a variable's name", "psql: error: could not translate host name \"${POSTGRES_HOST}\" to address: Name or service not known\n", ConfigError, "${POSTGRES_HOST}"},
	})
	checkNotRead(t, []notRead{
		{"Error: getaddrinfo ENOTFOUND postgres\n", ConfigError},
		{"dial tcp: lookup db on 10.96.0.10:53: no such host\n", ConfigError},
		{"nginx: [emerg] host not found in upstream \"api:8080\" in /etc/nginx/conf.d/default.conf:2\n", ConfigError},
		{"worker exited with code 1 (by signal 0)\n", ExecFormat},
		{"we mount a volume for data; it replaced the old config file with the new one\n", ConfigError},
		{"Mounted volume /data, files: 3\n", ConfigError},
		{"I cannot connect to this container since it keeps restarting.\n", DependencyUnavailable},
		{"      readOnlyRootFilesystem: true\n", PermissionDenied},
		{"mount the ConfigMap with subPath and the pod crashes\n", LivenessProbe},
		{"the liveness check is fine\n", LivenessProbe},
		{"**CPU architecture:** x86_64/arm32/arm64\n", ExecFormat},
		{"wget: bad address 'config-server'\n", ConfigError},
		{"Error: listen EACCES: permission denied 0.0.0.0:80\n", ConfigError},
		{"time=\"2022-03-16T21:24:22Z\" level=error msg=\"Failure running the storage provider startup check: the encryption key is not valid against the schema check value\"\n", LivenessProbe},
		{"every crash drops all active sessions (in-memory `express-session` store), forcing all operators to log in again.\n", OOMKilled},
		{"`a` and `b`\n", CommandNotFound},
		{"2024/01/02 10:00:00 [emerg] 1#1: dlopen() \"/etc/nginx/modules/ngx_stream_module.so\" failed (/etc/nginx/modules/ngx_stream_module.so: undefined symbol: ngx_stream_module) in /etc/nginx/nginx.conf:3\n", ConfigError},
	})
	notAbout(t, "After the update I got the following error:\n❌ SQLITE_ERROR: no such column: productivity_assistant_enabled\nI checked the permission on the volume and it is r/w everyone.\nRestarted the container several times, still the same.", PermissionDenied, "a permission checked and found fine is ruled out")
	notAbout(t, "The console process repeatedly crashes with SIGABRT shortly after better-sqlite3 write operations. supervisord restarts the process, but every crash drops all active sessions (in-memory express-session store).", OOMKilled, "an in-memory store is not words about memory")
	notAbout(t, "The service moved from aspnet:6.0 to aspnet:8.0 this sprint. Both nodes have plenty of free memory and no pids limit is set.\nThe pod restarts every few seconds.", OOMKilled, "plenty of free memory rules memory out")
}
