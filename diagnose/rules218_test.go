package diagnose

import "testing"

// Rules from the misses of held-out rounds 218 to 223 (game servers,
// search engines, GitOps tools, cluster networking, ingress and webhooks,
// observability back-ends).
func TestRules218(t *testing.T) {
	checkLogRules(t, []logRule{
		{"flannel without its ConfigMap's net-conf.json", "E0501 20:55:21.603770       1 main.go:127] Failed to create SubnetManager: failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory\n", MissingConfigObject, "failed to read net conf"},
		{"a refused localhost the report says is the proxy container", "Error: unable to build kong api client(s): client not ready: making HTTP request: Get \"https://localhost:8444/status\": dial tcp 127.0.0.1:8444: connect: connection refused\nIs there a way to delay the initial HTTP request to the proxy container?\n", DependencyUnavailable, "connection refused"},
	})
	checkNotRead(t, []notRead{
		{"Error: unable to build kong api client(s): client not ready: making HTTP request: Get \"https://localhost:8444/status\": dial tcp 127.0.0.1:8444: connect: connection refused\n", DependencyUnavailable},
		{"open /etc/app/config.json: no such file or directory\n", MissingConfigObject},
	})
}

// Rules from the misses of held-out rounds 224 to 229 (.NET and BEAM
// services, storage drivers, cluster agents, security tools, workflow
// servers, environment variables).
func TestRules224(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a host setting holding a whole assignment", "[warning] [Tortoise311] Connection failed: {:nxdomain, ~c\"MQTT_HOST=mosquitto\", 1883}, %{port: 1883, status: :down}\n", ConfigError, "MQTT_HOST=mosquitto"},
		{"the BEAM's resolver", "[warning] [Tortoise311] Connection failed: {:nxdomain, ~c\"mosquitto.mqtt\", 1883}\n", DependencyUnavailable, "nxdomain"},
		{"an Erlang function clause", "[error]:GenServer #PID<0.2688.0> terminating\n** (stop) exited in: GenServer.stop(#PID<0.2689.0>, {:function_clause, [{Highlander, :handle_info, []}]})\n", AppCrash, "function_clause"},
		{"Elixir's KeyError on an atom key", "** (KeyError) key :namespace not found in: %{name: \"car\"}\n    (teslamate 1.28.0) lib/teslamate/mqtt.ex:12\n", AppCrash, "(KeyError) key :namespace"},
		{"a kernel module the kernel refuses", "modprobe: ERROR: could not insert 'rbd': Exec format error\n", ConfigError, "could not insert 'rbd'"},
		{"a Dapr app before its sidecar listens", "Unhandled exception. Dapr.DaprException: Bulk secret operation failed: the Dapr endpoint indicated a failure.\n ---> Grpc.Core.RpcException: Status(StatusCode=\"Internal\", Detail=\"Error starting gRPC call. HttpRequestException: Connection refused (127.0.0.1:50001) SocketException: Connection refused\")\n", DependencyUnavailable, "Connection refused"},
		{"a liveness-probe container whose port is taken", "E0412 10:02:11.000000       1 main.go:114] \"liveness-probe container not ready - Failed to start http server\" err=\"listen tcp 127.0.0.1:29652: bind: address already in use\"\n", PortConflict, "address already in use"},
	})
	checkNotRead(t, []notRead{
		{"error:{badmatch,{error,{{shutdown,{failed_to_start_child,auth,{\"Cookie file /var/lib/rabbitmq/.erlang.cookie must be accessible by owner only\",[]}}}}}}\n", AppCrash},
		{"exec /usr/local/bin/app: exec format error\n", ConfigError},
	})
}

// Rules from textbook shapes of frameworks' start-up failures (session
// 13's second batch).
func TestRulesClassic17(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an Elixir ArithmeticError in init", "    ** (EXIT) an exception was raised:\n        ** (ArithmeticError) bad argument in arithmetic expression\n            :erlang./(1, 0)\n", AppCrash, "ArithmeticError"},
		{"the BEAM out of heap", "eheap_alloc: Cannot allocate 3936326656 bytes of memory (of type \"heap\").\n\nCrash dump is being written to: erl_crash.dump...done\n", OOMKilled, "eheap_alloc: Cannot allocate"},
		{"Micronaut's missing bean", "Caused by: io.micronaut.context.exceptions.NoSuchBeanException: No bean of type [com.acme.checkout.payments.PaymentGateway] exists. Make sure the bean is not disabled by bean requirements (enable trace logging for 'io.micronaut.context.condition' to check) and if the bean is enabled then ensure the class is declared a bean and annotation processing is enabled\n", AppCrash, "No bean of type"},
		{"Spring's bean cycle", "***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nThe dependencies of some of the beans in the application context form a cycle:\n", AppCrash, "form a cycle"},
		{"axum 0.8's colon segments", "thread 'main' panicked at src/routes.rs:18:10:\nPath segments must not start with `:`. For capture groups, use `{capture}`.\n", AppCrash, "Path segments must not start with"},
		{"Laravel's duplicate route names", "  Unable to prepare route [api/orders/{order}] for serialization. Another route has already been assigned name [orders.show].\n", AppCrash, "already been assigned name"},
		{"an image's Ruby unlike the Gemfile's", "Your Ruby version is 3.2.4, but your Gemfile specified 3.3.1\n", AppCrash, "Your Ruby version is 3.2.4"},
	})
}

// Rules from the misses of held-out rounds 230 to 232 (DNS, application
// secrets, full disks).
func TestRules230(t *testing.T) {
	checkLogRules(t, []logRule{
		{"bash's /dev/tcp on a name that does not resolve", "/docker-entrypoint.sh: line 15: mongo: Try again\n/docker-entrypoint.sh: line 15: /dev/tcp/mongo/27017: Invalid argument\n", DependencyUnavailable, "mongo"},
		{"InnoDB's partial writes on a full volume", "2020-12-02T20:43:17.534375Z 1 [Warning] [MY-012637] [InnoDB] 1048576 bytes should have been written. Only 720896 bytes written. Retrying for the remaining bytes.\n", ConfigError, "bytes should have been written"},
	})
}

// Rules from textbook shapes of reports in other languages (session 13's
// third batch).
func TestRulesClassic18(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a segmentation fault in Chinese", "./start.sh: 第 12 行：    7 段错误               (核心已转储) ./server\n", Segfault, "段错误"},
		{"a segmentation fault in German", "./start.sh: Zeile 12:     7 Speicherzugriffsfehler  (Speicherabzug geschrieben) ./server\n", Segfault, "Speicherzugriffsfehler"},
		{"a permission denied in Chinese", "mkdir: 无法创建目录 \"/data/logs\": 权限不够\n", PermissionDenied, "权限不够"},
		{"a command not found in Russian", "/entrypoint.sh: строка 5: gunicorn: команда не найдена\n", CommandNotFound, "команда не найдена"},
		{"Windows' socket address in use, in German", "Error response from daemon: Ports are not available: exposing port TCP 0.0.0.0:3306 -> 0.0.0.0:0: listen tcp 0.0.0.0:3306: bind: Normalerweise darf jede Socketadresse (Protokoll, Netzwerkadresse oder Anschluss) nur jeweils einmal verwendet werden.\n", PortConflict, "nur jeweils einmal verwendet werden"},
		{"Java's division by zero", "Exception in thread \"main\" java.lang.ArithmeticException: / by zero\n\tat com.acme.Rates.spread(Rates.java:31)\n", AppCrash, "ArithmeticException"},
	})
	checkWords(t, []wordsCase{
		{"memory in Korean", "큰 이미지를 처리할 때마다 메모리가 부족해서 컨테이너가 강제 종료되고 계속 재시작됩니다.\n", OOMKilled},
		{"a port taken, in Vietnamese", "Pod liên tục khởi động lại vì cổng 8080 đã được sử dụng bởi một tiến trình khác trên node.\n", PortConflict},
	})
}

// Rules from the misses of held-out rounds 233 to 238 (TLS at start, Python
// imports, Node.js start failures, database operators, Java application
// servers, Go services).
func TestRules233(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Go without a time zone database", "panic: failed to parse cron job schedule 'CRON_TZ=America/Sao_Paulo 0,30 * * * *': provided bad location America/Sao_Paulo: unknown time zone America/Sao_Paulo\n", AppCrash, "unknown time zone America/Sao_Paulo"},
		{"sharp built for another platform", "Error: Could not load the \"sharp\" module using the linux-arm64 runtime\nPossible solutions:\n- Ensure optional dependencies can be installed:\n", AppCrash, "Could not load the \"sharp\" module"},
		{"an ESM-only package require()d", "Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/uuid/dist-node/index.js from /app/controllers/projectController.js not supported.\n", AppCrash, "ERR_REQUIRE_ESM"},
		{"a module name from a setting with brackets", "ModuleNotFoundError: No module named 'backends.[transmission]'\n", ConfigError, "No module named 'backends.[transmission]'"},
	})
	checkNotRead(t, []notRead{
		{"ModuleNotFoundError: No module named 'backends.transmission'\n", ConfigError},
	})
}

// Rules from textbook shapes of sparse evidence (session 13's fourth batch).
func TestRulesClassic19(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Python's runaway recursion", "RecursionError: maximum recursion depth exceeded while calling a Python object\n", AppCrash, "RecursionError"},
		{".NET's index out of range", "Unhandled exception. System.ArgumentOutOfRangeException: Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')\n", AppCrash, "ArgumentOutOfRangeException"},
		{"a ConfigMap's name cut by less -S", "  Warning  Failed     12s (x5 over 70s)  kubelet  Error: configmap \"notifier-env\" not f\n", MissingConfigObject, "notifier-env"},
	})
}

// An error that dumps its issues as JSON keeps the first issue's message
// (round 231's Zod error, a fault left at first measurement).
func TestJSONDumpedErrorKeepsItsMessage(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Zod's issues", "ZodError: [\n  {\n    \"origin\": \"string\",\n    \"code\": \"too_small\",\n    \"minimum\": 32,\n    \"path\": [\n      \"MASTER_KEY\"\n    ],\n    \"message\": \"Too small: expected string to have >=32 characters\"\n  }\n]\n    at initializeServerConfig (file:///app/dist-server/env-config-server.mjs:118:38)\n", ConfigError, "Too small: expected string to have >=32 characters"},
	})
}

// Rules from the misses of held-out rounds 239 to 244 (OpenShift, the
// control plane's static pods, dashboards, devices, brokers, big data).
func TestRules239(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a service account refused without 'is forbidden'", "2019/03/01 10:00:00 main.go:134: Invalid configuration:\n  unable to load OpenShift configuration: unable to retrieve authentication information for tokens: User \"system:serviceaccount:fuse:syndesis-oauth-client\" cannot create tokenreviews.authentication.k8s.io at the cluster scope\n", PermissionDenied, "cannot create tokenreviews"},
		{"Grafana's built-in plugin in the install list", "Error: ✗ [plugin.forbiddenCorePluginInstall] plugin grafana-pyroscope-datasource is a core plugin and cannot be installed separately\n", ConfigError, "core plugin"},
		{"Kafka's log dir on a volume with lost+found", "Found directory /var/lib/kafka/data/lost+found, 'lost+found' is not in the form\nof topic-partition or topic-partition.uniqueId-delete (if marked for deletion).\n", ConfigError, "lost+found"},
	})
	checkWords(t, []wordsCase{
		{"a listener on an address the container lacks", "Container is exiting again and again and it says cannot assign requested address(port) to EXTERNAL listener.\n", ConfigError},
	})
}

// Rules from textbook shapes of operators and controllers (session 13's
// fifth batch).
func TestRulesClassic20(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Go's failed type assertion naming a kind", "panic: interface conversion: client.Object is *v1.ConfigMap, not *v1.Secret\n\ngoroutine 214 [running]:\n", AppCrash, "interface conversion"},
		{"a conversion webhook without endpoints", "E0612 08:14:02.118 1 reflector.go:147] failed to list *v1beta1.Cluster: conversion webhook for cluster.x-k8s.io/v1alpha4, Kind=Cluster failed: Post \"https://capi-webhook-service.capi-system.svc:443/convert?timeout=30s\": no endpoints available for service \"capi-webhook-service\"\n{\"level\":\"error\",\"ts\":\"2024-06-12T08:16:02Z\",\"msg\":\"Could not wait for Cache to sync\",\"controller\":\"cluster\",\"error\":\"failed to wait for cluster caches to sync: timed out waiting for cache to be synced for Kind *v1beta1.Cluster\"}\n", DependencyUnavailable, "no endpoints available"},
		{"a SIGSEGV inside cgo", "SIGSEGV: segmentation violation\nPC=0x7f3a9c2e1d40 m=5 sigcode=1 addr=0x0\nsignal arrived during cgo execution\n\ngoroutine 88 gp=0xc000602a80 m=5 mp=0xc000100008 [syscall]:\nruntime.cgocall(0x1a2b, 0xc0004)\n", Segfault, "cgo"},
	})
}

// Rules from textbook shapes of official images and managed platforms
// (session 13's sixth batch).
func TestRulesClassic21(t *testing.T) {
	checkLogRules(t, []logRule{
		{"MySQL's OS error 13", "2024-03-02T10:11:12.345678Z 1 [ERROR] [MY-012592] [InnoDB] Operating system error number 13 in a file operation.\n2024-03-02T10:11:12.345700Z 1 [ERROR] [MY-012595] [InnoDB] The error means mysqld does not have the access rights to the directory.\n2024-03-02T10:11:12.345800Z 1 [ERROR] [MY-012646] [InnoDB] File ./ibdata1: 'open' returned OS error 113. Cannot continue operation\n", PermissionDenied, "Operating system error number 13"},
		{"Confluent's preflight", "===> Check if /var/lib/kafka/data is writable ...\nCommand [/usr/local/bin/dub path /var/lib/kafka/data writable] FAILED !\n", PermissionDenied, "writable] FAILED"},
		{"RabbitMQ's distribution port", "BOOT FAILED\n===========\nERROR: could not bind to distribution port 25672, it is in use by another node: rabbit@worker-3\n", PortConflict, "in use by another node"},
		{"Elasticsearch's node lock held", "Caused by: org.apache.lucene.store.LockObtainFailedException: Lock held by another program: /usr/share/elasticsearch/data/node.lock\n", ConfigError, "Lock held by another program"},
		{"Redis 7's truncated AOF", "1:M 04 Mar 2024 10:00:00.000 # Unexpected end of file reading the append only file appendonly.aof.1.incr.aof. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.\n", ConfigError, "Unexpected end of file reading the append only file"},
		{"ECS's missing Secrets Manager secret", "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-west-1:123456789012:secret:staging/db-AbCdEf from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.\n", MissingConfigObject, "can't find the specified secret"},
		{"Fly's missing binary", "Error: failed to spawn command: /app/bin/acme-api: No such file or directory (os error 2)\n", CommandNotFound, "failed to spawn command"},
	})
}

// Rules from textbook shapes of entrypoint scripts (session 13's seventh
// batch).
func TestRulesClassic24(t *testing.T) {
	checkLogRules(t, []logRule{
		{"supervisord cannot find the program", "2024-11-12 09:14:03,498 CRIT Supervisor is running as root.  Privileges were not dropped because no user is specified in the config file.\n2024-11-12 09:14:04,520 INFO spawnerr: can't find command '/usr/sbin/php-fpm8.2'\n", CommandNotFound, "spawnerr: can't find command"},
		{"dumb-init's script without its bit", "[dumb-init] /app/run.sh: Permission denied\n", CommandNotFound, "[dumb-init]"},
		{"dash reading CRLF endings", "/entrypoint.sh: 2: set: Illegal option -\n", CommandNotFound, "Illegal option"},
		{"supervisord's ENOEXEC", "2024-05-02 10:00:01,002 INFO spawnerr: couldn't exec /usr/local/bin/node_exporter: ENOEXEC\n", ExecFormat, "ENOEXEC"},
		{"BusyBox nc on a name that does not resolve", "waiting for redis-master:6379\nnc: bad address 'redis-master.cache.svc.cluster.local'\n", DependencyUnavailable, "bad address"},
		{"pg_isready without an answer", "orders-db:5432 - no response\n", DependencyUnavailable, "no response"},
		{"a template placeholder left in nginx's config", "nginx: [emerg] host not found in \"__PORT__\" of the \"listen\" directive in /etc/nginx/conf.d/default.conf:2\n", ConfigError, "__PORT__"},
		{"supervisord's own HTTP port taken", "Error: Another program is already listening on a port that one of our HTTP servers is configured to use.  Shut this program down first before starting supervisord.\n", PortConflict, "already listening on a port"},
	})
}

// Rules from textbook shapes where the asker's guess is wrong (session
// 13's eighth batch): a question is a guess, not a finding.
func TestRulesClassic28(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a question in the title against a Go panic", "Liveness probe killing my Go service?\npanic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:42 +0x1d\n", AppCrash, "index out of range"},
		{"a question in the title against an invalid port", "Port already in use?\n2024/05/01 10:00:00 listen tcp: address 80800: invalid port\n", ConfigError, "invalid port"},
		{"Python's division by zero", "Traceback (most recent call last):\n  File \"/app/rates.py\", line 12, in <module>\n    share = total / buckets\nZeroDivisionError: division by zero\n", AppCrash, "ZeroDivisionError"},
		{"Rust's integer overflow", "thread 'tokio-runtime-worker' panicked at src/window.rs:88:21:\nattempt to subtract with overflow\n", AppCrash, "attempt to subtract with overflow"},
		{"a C++ assertion's abort", "tiler: src/tile.cc:212: void Tile::encode(): Assertion `len_ > 0' failed.\nAborted (core dumped)\n", AppCrash, "Assertion"},
	})
}

// Rules from textbook shapes of resource and security settings (session
// 13's ninth batch).
func TestRulesClassic26(t *testing.T) {
	checkLogRules(t, []logRule{
		{"the JVM's contradictory heap flags", "Picked up JAVA_TOOL_OPTIONS: -Xms2g\nError occurred during initialization of VM\nInitial heap size set to a larger value than the maximum heap size\n", ConfigError, "Initial heap size"},
		{"sudo under no_new_privs", "sudo: The \"no new privileges\" flag is set, which prevents sudo from running as root.\nsudo: If sudo is running in a container, you may need to adjust the container configuration to disable the flag.\n", PermissionDenied, "no new privileges"},
	})
}

// Rules from textbook shapes of runtimes failing at start (session 13's
// tenth batch).
func TestRulesClassic25(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a native addon for another Node.js", "Error: The module '/app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 108. This version of Node.js requires\nNODE_MODULE_VERSION 115.\n", AppCrash, "compiled against a different Node.js version"},
		{"PDO without its driver", "In Connection.php line 829:\n  could not find driver (Connection: mysql, SQL: select * from `migrations`)\n", AppCrash, "could not find driver"},
		{"a framework-dependent .NET app without the runtime", "You must install .NET to run this application.\n\nApp: /app/Orders.Api\nArchitecture: x64\n", AppCrash, "You must install .NET"},
		{"PYTHONHOME pointing elsewhere", "Fatal Python error: init_fs_encoding: failed to get the Python codec of the filesystem encoding\nPython runtime state: core initialized\nModuleNotFoundError: No module named 'encodings'\n", ConfigError, "init_fs_encoding"},
		{"rubygems out of reach", "Fetching source index from https://rubygems.org/\nNet::OpenTimeout: Failed to open TCP connection to rubygems.org:443 (execution expired)\n", DependencyUnavailable, "Net::OpenTimeout"},
	})
}

// Rules from textbook shapes of Helm values and upgrades (session 13's
// eleventh batch).
func TestRulesClassic27(t *testing.T) {
	checkLogRules(t, []logRule{
		{"gitlab-runner's refused registration token", "Registering runner... forbidden (check registration token)  runner=GR1348941\nPANIC: Failed to register the runner.\n", ConfigError, "check registration token"},
		{"Alertmanager's undefined receiver", "ts=2024-05-01T10:00:00Z caller=coordinator.go:118 level=error component=configuration msg=\"Loading configuration file failed\" file=/etc/alertmanager/alertmanager.yml err=\"undefined receiver \\\"slack-critical\\\" used in route\"\n", ConfigError, "undefined receiver"},
	})
}
