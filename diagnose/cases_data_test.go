package diagnose

// dataCases are stateful services (databases, brokers, search, monitoring)
// that refuse to start on the data or volume they were given.
func dataCases() []realCase {
	return []realCase{
		{
			name: "postgres wrong ownership on NFS volume", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("postgresql 10:11:12.10 INFO  ==> ** Starting PostgreSQL **\n" +
				"2023-06-09 10:11:12.123 UTC [90] FATAL:  data directory \"/bitnami/postgresql/data\" has wrong ownership\n" +
				"2023-06-09 10:11:12.123 UTC [90] HINT:  The server must be started by the user that owns the data directory.\n"),
			cat: PermissionDenied, ev: "has wrong ownership",
		},
		{
			name: "postgres chown not permitted", eco: "data",
			pod:  app(1, "Error"),
			logs: logOf("chown: changing ownership of '/var/lib/postgresql/data': Operation not permitted\n"),
			cat:  PermissionDenied, ev: "Operation not permitted",
		},
		{
			name: "postgres major version mismatch", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n" +
				"2024-03-01 11:57:01.100 UTC [1] FATAL:  database files are incompatible with server\n" +
				"2024-03-01 11:57:01.100 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 13, which is not compatible with this version 15.2.\n"),
			cat: ConfigError, ev: "database files are incompatible with server",
		},
		{
			name: "mysql cannot lock ibdata1", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("2020-12-11T00:53:55.175066Z 0 [System] [MY-010116] [Server] /opt/bitnami/mysql/bin/mysqld (mysqld 8.0.22) starting as process 1\n" +
				"2020-12-11T00:53:55.328255Z 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.\n" +
				"2020-12-11T00:53:55.355851Z 1 [ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11\n" +
				"2020-12-11T00:53:56.356636Z 1 [ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11\n" +
				"2020-12-11T00:55:35.400000Z 1 [ERROR] [MY-012592] [InnoDB] Operating system error number 11 in a file operation.\n" +
				"2020-12-11T00:55:35.400100Z 1 [ERROR] [MY-012596] [InnoDB] Error number 11 means 'Resource temporarily unavailable'\n" +
				"2020-12-11T00:55:35.400300Z 1 [ERROR] [MY-012646] [InnoDB] File ./ibdata1: 'open' returned OS error 111.\n" +
				"2020-12-11T00:55:35.400500Z 1 [ERROR] [MY-010119] [Server] Aborting\n" +
				"2020-12-11T00:55:35.401000Z 0 [System] [MY-010910] [Server] /opt/bitnami/mysql/bin/mysqld: Shutdown complete (mysqld 8.0.22)  Source distribution.\n"),
			cat: ConfigError, ev: "Unable to lock ./ibdata1",
		},
		{
			name: "mariadb uninitialized without root password", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("2024-03-01 11:57:00+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.2.2 started.\n" +
				"2024-03-01 11:57:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n" +
				"\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD\n"),
			cat: ConfigError, ev: "Database is uninitialized",
		},
		{
			name: "mongodb lock file in use (JSON log)", eco: "data",
			pod: app(100, "Error"),
			logs: logOf(`{"t":{"$date":"2023-08-17T04:42:21.046+00:00"},"s":"I",  "c":"STORAGE",  "id":22270,   "ctx":"initandlisten","msg":"Storage engine to use detected by data files","attr":{"dbpath":"/bitnami/mongodb/data/db","storageEngine":"wiredTiger"}}` + "\n" +
				`{"t":{"$date":"2023-08-17T04:42:21.047+00:00"},"s":"E",  "c":"CONTROL",  "id":20557,   "ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"DBPathInUse: Unable to lock the lock file: /bitnami/mongodb/data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /bitnami/mongodb/data/db directory"}}` + "\n" +
				`{"t":{"$date":"2023-08-17T04:42:21.048+00:00"},"s":"I",  "c":"REPL",     "id":4784900, "ctx":"initandlisten","msg":"Stepping down the ReplicationCoordinator for shutdown","attr":{"waitTimeMillis":15000}}` + "\n" +
				`{"t":{"$date":"2023-08-17T04:42:21.050+00:00"},"s":"I",  "c":"CONTROL",  "id":20565,   "ctx":"initandlisten","msg":"Now exiting"}` + "\n" +
				`{"t":{"$date":"2023-08-17T04:42:21.050+00:00"},"s":"I",  "c":"CONTROL",  "id":23138,   "ctx":"initandlisten","msg":"Shutting down","attr":{"exitCode":100}}` + "\n"),
			cat: ConfigError, ev: "DBPathInUse",
		},
		{
			name: "mongodb read-only data directory", eco: "data",
			pod: app(100, "Error"),
			logs: logOf(`{"t":{"$date":"2023-02-15T21:45:18.800+00:00"},"s":"E",  "c":"CONTROL",  "id":20557,   "ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"IllegalOperation: Attempted to create a lock file on a read-only directory: /data/db"}}` + "\n" +
				`{"t":{"$date":"2023-02-15T21:45:18.814+00:00"},"s":"I",  "c":"CONTROL",  "id":23138,   "ctx":"initandlisten","msg":"Shutting down","attr":{"exitCode":100}}` + "\n"),
			cat: PermissionDenied, ev: "read-only directory",
		},
		{
			name: "mongodb 3.6 open permission denied", eco: "data",
			pod: app(100, "Error"),
			logs: logOf("2018-11-09T17:51:34.317+0000 I CONTROL  [initandlisten] MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit host=mongo-0\n" +
				"2018-11-09T17:51:34.320+0000 E STORAGE  [initandlisten] exception in initAndListen std::exception: open: Permission denied, terminating\n" +
				"2018-11-09T17:51:34.320+0000 I NETWORK  [initandlisten] shutdown: going to close listening sockets...\n" +
				"2018-11-09T17:51:34.320+0000 I CONTROL  [initandlisten] now exiting\n2018-11-09T17:51:34.320+0000 I CONTROL  [initandlisten] shutting down with code:100\n"),
			cat: PermissionDenied, ev: "open: Permission denied",
		},
		{
			name: "redis cannot open append-only file", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("1:C 01 Jul 2021 13:48:32.325 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n" +
				"1:C 01 Jul 2021 13:48:32.325 # Redis version=6.2.4, bits=64, commit=00000000, modified=0, pid=1, just started\n" +
				"1:C 01 Jul 2021 13:48:32.325 # Configuration loaded\n1:M 01 Jul 2021 13:48:32.326 * monotonic clock: POSIX clock_gettime\n" +
				"1:M 01 Jul 2021 13:48:32.326 # Can't open the append-only file: Permission denied\n"),
			cat: PermissionDenied, ev: "append-only file: Permission denied",
		},
		{
			name: "redis corrupted AOF after the PVC filled up", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("1:M 01 Oct 2024 08:00:01.000 * Reading RDB base file on AOF loading...\n" +
				"1:M 01 Oct 2024 08:00:01.100 # Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>\n"),
			cat: ConfigError, ev: "Bad file format reading the append only file",
		},
		{
			name: "elasticsearch 8 bootstrap check with JSON logs", eco: "data",
			pod: app(78, "Error"),
			logs: logOf(`{"@timestamp":"2024-03-01T11:57:01.000Z", "log.level": "INFO", "message":"initialized", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node"}` + "\n" +
				`{"@timestamp":"2024-03-01T11:57:02.000Z", "log.level":"ERROR", "message":"node validation exception\n[1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\nbootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]", "ecs.version": "1.2.0","service.name":"ES_ECS","process.thread.name":"main","log.logger":"org.elasticsearch.bootstrap.Elasticsearch"}` + "\n" +
				`{"@timestamp":"2024-03-01T11:57:02.100Z", "log.level": "INFO", "message":"stopping ...", "process.thread.name":"Thread-2","log.logger":"org.elasticsearch.node.Node"}` + "\n" +
				`{"@timestamp":"2024-03-01T11:57:02.200Z", "log.level": "INFO", "message":"stopped", "process.thread.name":"Thread-2","log.logger":"org.elasticsearch.node.Node"}` + "\n" +
				`{"@timestamp":"2024-03-01T11:57:02.300Z", "log.level": "INFO", "message":"closed", "process.thread.name":"Thread-2","log.logger":"org.elasticsearch.node.Node"}` + "\n" +
				"\nERROR: Elasticsearch did not exit normally - check the logs at /usr/share/elasticsearch/logs/docker-cluster.log\n"),
			cat: ConfigError, ev: "vm.max_map_count",
		},
		{
			name: "elasticsearch cannot access path.data", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("[2019-03-01T11:57:01,000][ERROR][o.e.b.Bootstrap          ] [es-data-0] Exception\n" +
				"java.lang.IllegalStateException: Failed to create node environment\n\tat org.elasticsearch.node.Node.<init>(Node.java:299) ~[elasticsearch-6.8.0.jar:6.8.0]\n" +
				"Caused by: java.nio.file.AccessDeniedException: /usr/share/elasticsearch/data/nodes\n\tat sun.nio.fs.UnixException.translateToIOException(UnixException.java:84) ~[?:?]\n\t... 6 more\n" +
				"[2019-03-01T11:57:01,100][INFO ][o.e.n.Node               ] [es-data-0] stopping ...\n[2019-03-01T11:57:01,200][INFO ][o.e.n.Node               ] [es-data-0] closed\n"),
			cat: PermissionDenied, ev: "AccessDeniedException: /usr/share/elasticsearch/data/nodes",
		},
		{
			name: "kafka cluster id mismatch", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("[2022-04-26 14:21:18,600] INFO Cluster ID = dOMtDqQ_QU6rqOpOeyosIA (kafka.server.KafkaServer)\n" +
				"[2022-04-26 14:21:18,645] ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)\n" +
				"kafka.common.InconsistentClusterIdException: The Cluster ID dOMtDqQ_QU6rqOpOeyosIA doesn't match stored clusterId Some(7tfltX7ATz-aIURko5dtnQ) in meta.properties. The broker is trying to join the wrong cluster. Configured zookeeper.connect may be wrong.\n" +
				"\tat kafka.server.KafkaServer.startup(KafkaServer.scala:228)\n\tat kafka.Kafka$.main(Kafka.scala:109)\n" +
				"[2022-04-26 14:21:18,650] INFO [KafkaServer id=1] shutting down (kafka.server.KafkaServer)\n[2022-04-26 14:21:18,700] INFO [KafkaServer id=1] shut down completed (kafka.server.KafkaServer)\n" +
				"[2022-04-26 14:21:18,701] ERROR Exiting Kafka. (kafka.Kafka$)\n"),
			cat: ConfigError, ev: "InconsistentClusterIdException",
		},
		{
			name: "kafka broker id still registered in zookeeper", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("[2021-05-10 09:00:01,000] ERROR Error while creating ephemeral at /brokers/ids/1, node already exists and owner '72057605890326529' does not match current session '72057605890326530' (kafka.zk.KafkaZkClient$CheckedEphemeral)\n" +
				"[2021-05-10 09:00:01,010] ERROR [KafkaServer id=1] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)\n" +
				"org.apache.zookeeper.KeeperException$NodeExistsException: KeeperErrorCode = NodeExists\n\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:126)\n" +
				"[2021-05-10 09:00:01,050] INFO [KafkaServer id=1] shut down completed (kafka.server.KafkaServer)\n"),
			cat: ConfigError, ev: "node already exists",
		},
		{
			name: "kafka kraft node id mismatch", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("===> Launching kafka ...\n[2024-11-12 17:32:18,344] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\n" +
				"kafka.common.InconsistentNodeIdException: Configured node.id `1001` doesn't match stored node.id `1389' in meta.properties. If you moved your data, make sure your configured controller.id matches. If you intend to create a new broker, you should remove all data in your data directories (log.dirs).\n" +
				"\tat kafka.server.KafkaRaftServer$.initializeLogDirs(KafkaRaftServer.scala:163)\n"),
			cat: ConfigError, ev: "InconsistentNodeIdException",
		},
		{
			name: "prometheus query log permission then panic", eco: "data",
			pod: app(2, "Error"),
			logs: logOf(`level=info ts=2020-07-27T16:21:49.449Z caller=main.go:337 msg="Starting Prometheus" version="(version=2.19.1, branch=HEAD)"` + "\n" +
				`level=error ts=2020-07-27T16:21:49.452Z caller=query_logger.go:87 component=activeQueryTracker msg="Error opening query log file" file=/prometheus/queries.active err="open /prometheus/queries.active: permission denied"` + "\n" +
				"panic: Unable to create mmap-ed active query log\n\ngoroutine 1 [running]:\ngithub.com/prometheus/prometheus/promql.NewActiveQueryTracker(0x7ffd, 0xb, 0x14, 0x3, 0x2)\n\t/app/promql/query_logger.go:117 +0x4cd\nmain.main()\n\t/app/cmd/prometheus/main.go:374 +0x4f08\n"),
			cat: PermissionDenied, ev: "queries.active: permission denied",
		},
		{
			name: "prometheus corrupted block", eco: "data",
			pod: app(1, "Error"),
			logs: logOf(`level=info ts=2021-05-31T10:00:00.000Z caller=main.go:767 msg="Starting TSDB ..."` + "\n" +
				`level=error ts=2021-05-31T10:00:03.000Z caller=main.go:818 err="opening storage failed: read WAL: backfill checkpoint: read records: corruption in segment /prometheus/wal/checkpoint.00012/00000000 at 32768: unexpected checksum 5c1a8f4a, expected 0"` + "\n" +
				`level=info ts=2021-05-31T10:00:03.001Z caller=main.go:821 msg="See you next time!"` + "\n"),
			cat: ConfigError, ev: "opening storage failed",
		},
		{
			name: "grafana data path not writable", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("GF_PATHS_DATA='/var/lib/grafana' is not writable.\nYou may have issues with file permissions, more information here: http://docs.grafana.org/installation/docker/#migrate-to-v51-or-later\n" +
				"mkdir: can't create directory '/var/lib/grafana/plugins': Permission denied\n"),
			cat: PermissionDenied, ev: "/var/lib/grafana",
		},
		{
			name: "grafana sqlite read-only database", eco: "data",
			pod: app(1, "Error"),
			logs: logOf(`t=2018-06-05T23:28:11+0000 lvl=info msg="Starting DB migration" logger=migrator` + "\n" +
				`t=2018-06-05T23:28:11+0000 lvl=eror msg="Exec failed" logger=migrator error="attempt to write a readonly database" sql="CREATE TABLE IF NOT EXISTS user_auth (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL)"` + "\n" +
				`t=2018-06-05T23:28:11+0000 lvl=eror msg="Fail to initialize orm engine" logger=sqlstore error="Sqlstore::Migration failed err: attempt to write a readonly database\n"` + "\n" +
				"Failed to start grafana. error: Sqlstore::Migration failed err: attempt to write a readonly database\n"),
			cat: PermissionDenied, ev: "readonly database",
		},
		{
			name: "rabbitmq erlang cookie mode", eco: "data",
			pod: app(1, "Error"),
			logs: logOf("Error: Failed to initialize erlang distribution: {{shutdown,\n                                                   {failed_to_start_child,\n                                                    auth,\n" +
				"                                                    {\"Cookie file /var/lib/rabbitmq/.erlang.cookie must be accessible by owner only\",\n" +
				"                                                     [{auth,init_cookie,0,\n                                                       [{file,\"auth.erl\"},\n                                                        {line,286}]}]}}},\n" +
				"2017-01-16 09:57:19 Cookie file /var/lib/rabbitmq/.erlang.cookie must be accessible by owner only\n2017-01-16 09:57:19 crash_report\n"),
			cat: PermissionDenied, ev: "must be accessible by owner only",
		},
		{
			name: "coredns forwarding loop", eco: "data",
			pod: crashPod("coredns", 1, "Error"),
			logs: map[string]string{"coredns": ".:53\n[INFO] plugin/reload: Running configuration MD5 = fe280f2b52a55a24ba57f2b4328c2777\nCoreDNS-1.5.0\nlinux/amd64, go1.12.2, e3f9a80\n" +
				"[FATAL] plugin/loop: Loop (127.0.0.1:34614 -> :53) detected for zone \".\", see https://coredns.io/plugins/loop#troubleshooting. Query: \"HINFO 6074102630077018525.5798689655824409358.\"\n"},
			cat: ConfigError, cont: "coredns", ev: "plugin/loop: Loop",
		},
	}
}
