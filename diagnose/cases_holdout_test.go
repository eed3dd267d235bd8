package diagnose

// holdoutCases were written after the engine changes for the other case
// sets, from further public reports, to estimate how well those changes
// generalise; they are scored before any further tuning.
func holdoutCases() []realCase {
	return []realCase{
		{
			name: "mongod lock file on a network filesystem", eco: "holdout",
			pod:  app(100, "Error"),
			logs: logOf("2020-12-01T10:00:00.000+0000 I CONTROL  [initandlisten] MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit\n2020-12-01T10:00:00.100+0000 E STORAGE  [initandlisten] exception in initAndListen: 98 Unable to lock file: /data/db/mongod.lock Resource temporarily unavailable. Is a mongod instance already running?, terminating\n2020-12-01T10:00:00.101+0000 I CONTROL  [initandlisten] now exiting\n"),
			cat:  ConfigError, ev: "Unable to lock file",
		},
		{
			name: "bitnami grafana plugin copy denied", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf("grafana 21:09:55.11 Welcome to the Bitnami grafana container\ncp: cannot create directory '/opt/bitnami/grafana/data/plugins/agenty-flowcharting-panel': Permission denied\ncp: cannot create directory '/opt/bitnami/grafana/data/plugins/briangann-gauge-panel': Permission denied\n"),
			cat:  PermissionDenied, ev: "cannot create directory",
		},
		{
			name: "nginx chown of cache dir not permitted", eco: "holdout",
			pod:  app(1, "Error", securityContext(false)),
			logs: logOf("2022/11/19 23:42:19 [emerg] 29#29: chown(\"/usr/src/app/shared/nginx_cache\", 101) failed (1: Operation not permitted)\nnginx: [emerg] chown(\"/usr/src/app/shared/nginx_cache\", 101) failed (1: Operation not permitted)\n"),
			cat:  PermissionDenied, ev: "Operation not permitted",
		},
		{
			name: "mariadb aria control file locked", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf("2019-10-19  8:21:13 0 [ERROR] mysqld: Can't lock aria control file '/var/lib/mysql/aria_log_control' for exclusive use, error: 11. Will retry for 30 seconds\n2019-10-19  8:21:44 0 [ERROR] mysqld: Got error 'Could not get an exclusive lock; file is probably in use by another process' when trying to use aria control file '/var/lib/mysql/aria_log_control'\n2019-10-19  8:21:44 0 [ERROR] Plugin 'Aria' init function returned error.\n2019-10-19  8:21:44 0 [ERROR] Aborting\n"),
			cat:  ConfigError, ev: "aria control file",
		},
		{
			name: "klog errors pinging the database until exit", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf("E1218 10:39:50.481923       1 mysql.go:62] Ping to Katib db failed: dial tcp 10.233.28.55:3306: connect: connection refused\nE1218 10:39:55.473955       1 mysql.go:62] Ping to Katib db failed: dial tcp 10.233.28.55:3306: connect: connection refused\nF1218 10:40:50.500000       1 main.go:40] Failed to open db connection: dial tcp 10.233.28.55:3306: connect: connection refused\n"),
			cat:  DependencyUnavailable, ev: "10.233.28.55:3306",
		},
		{
			name: "vault-env cannot read token file", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf(`time="2023-01-26T10:17:31Z" level=fatal msg="could not read vault token file: /vault/.vault-token" app=vault-env` + "\n"),
			cat:  ConfigError, ev: "could not read vault token file",
		},
		{
			name: "invalid value for an environment variable", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf("🏃 Checking for Laravel automations...\n❌ You provided an invalid option for the environment variable \"SSL_MODE\". Check your configuration. Valid options are \"off\", \"mixed\", or \"full\" (default: \"full\").\ns6-rc: warning: unable to start service configure-ssl: command exited 1\n"),
			cat:  ConfigError, ev: "SSL_MODE",
		},
		{
			name: "postgres chown on NFS invalid argument", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf("chown: changing ownership of '/var/lib/postgresql/data/pgdata': Invalid argument\n"),
			cat:  PermissionDenied, ev: "changing ownership",
		},
		{
			name: "dotnet certificate file missing", eco: "holdout",
			pod:  app(134, "Error"),
			logs: logOf("Unhandled exception. System.IO.FileNotFoundException: Could not find file '/app/localhost.pfx'.\nFile name: '/app/localhost.pfx'\n   at Interop.ThrowExceptionForIoErrno(ErrorInfo errorInfo, String path, Boolean isDirectory)\n   at Program.Main(String[] args) in /src/Program.cs:line 12\n"),
			cat:  ConfigError, ev: "localhost.pfx",
		},
		{
			name: "postdock cannot resolve its peers", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf(">>> Check all partner nodes for common upstream node...\n>>>>>> Checking NODE=db-node-0.db...\npsql: could not translate host name \"db-node-0.db\" to address: Name or service not known\n>>>>>> Skipping: failed to get master from the node!\n>>> Can not find master, exiting\n"),
			cat:  DependencyUnavailable, ev: "could not translate host name",
		},
		{
			name: "zookeeper myid missing", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf("2021-11-21 21:29:08,155 [myid:] - ERROR [main:QuorumPeerMain@98] - Invalid config, exiting abnormally\norg.apache.zookeeper.server.quorum.QuorumPeerConfig$ConfigException: Error processing /conf/zoo.cfg\n\tat org.apache.zookeeper.server.quorum.QuorumPeerConfig.parse(QuorumPeerConfig.java:198)\nCaused by: java.lang.IllegalArgumentException: myid file is missing\n\tat org.apache.zookeeper.server.quorum.QuorumPeerConfig.checkValidity(QuorumPeerConfig.java:792)\n"),
			cat:  ConfigError, ev: "myid file is missing",
		},
		{
			name: "go tls handshake to api server", eco: "holdout",
			pod:  app(1, "Error"),
			logs: logOf(`{"level":"error","ts":"2024-03-01T11:57:01Z","msg":"failed to get server groups","error":"Get \"https://10.96.0.1:443/api\": net/http: TLS handshake timeout"}` + "\n" + `{"level":"fatal","ts":"2024-03-01T11:57:31Z","msg":"unable to start manager"}` + "\n"),
			cat:  DependencyUnavailable, ev: "TLS handshake timeout",
		},
	}
}
