package diagnose

// scriptCases are Python, Ruby, Node.js, PHP and shell entrypoints.
func scriptCases() []realCase {
	return []realCase{
		{
			name: "gunicorn worker boot with module error in the middle", eco: "python",
			pod: app(3, "Error"),
			logs: logOf("[2024-10-17 17:44:34 +0000] [21] [INFO] Starting gunicorn 23.0.0\n[2024-10-17 17:44:34 +0000] [21] [INFO] Listening at: http://0.0.0.0:5000 (21)\n" +
				"[2024-10-17 17:44:34 +0000] [22] [INFO] Booting worker with pid: 22\n[2024-10-17 17:44:34 +0000] [22] [ERROR] Exception in worker process\n" +
				"Traceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py\", line 609, in spawn_worker\n    worker.init_process()\n" +
				"  File \"/usr/local/lib/python3.12/site-packages/gunicorn/util.py\", line 370, in import_app\n    mod = importlib.import_module(module)\n          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n" +
				"  File \"<frozen importlib._bootstrap>\", line 1387, in _gcd_import\nModuleNotFoundError: No module named 'flask_sqlalchemy'\n" +
				"[2024-10-17 17:44:34 +0000] [22] [INFO] Worker exiting (pid: 22)\n[2024-10-17 17:44:35 +0000] [21] [ERROR] Worker (pid:22) exited with code 3\n" +
				"[2024-10-17 17:44:35 +0000] [21] [ERROR] Shutting down: Master\n[2024-10-17 17:44:35 +0000] [21] [ERROR] Reason: Worker failed to boot.\n"),
			cat: AppCrash, ev: "No module named 'flask_sqlalchemy'",
		},
		{
			name: "python syntax error", eco: "python",
			pod: app(1, "Error"),
			logs: logOf("Traceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\n    from app import settings\n  File \"/app/app/settings.py\", line 12\n" +
				"    print \"loading settings\"\n    ^^^^^^^^^^^^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
			cat: AppCrash, ev: "SyntaxError: Missing parentheses",
		},
		{
			name: "pydantic settings field required", eco: "python",
			pod: app(1, "Error"),
			logs: logOf("Traceback (most recent call last):\n  File \"/app/main.py\", line 5, in <module>\n    settings = Settings()\n" +
				"pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\ndatabase_url\n  Field required [type=missing, input_value={'app_env': 'prod'}, input_type=dict]\n" +
				"    For further information visit https://errors.pydantic.dev/2.5/v/missing\n"),
			cat: ConfigError, ev: "validation error for Settings",
		},
		{
			name: "uvicorn cannot import the app module", eco: "python",
			pod:  app(1, "Error"),
			logs: logOf("ERROR:    Error loading ASGI app. Could not import module \"main\".\n"),
			cat:  CommandNotFound, ev: "Error loading ASGI app",
		},
		{
			name: "requests name resolution at the end of a chained traceback", eco: "python",
			pod: app(1, "Error"),
			logs: logOf("Traceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/urllib3/connection.py\", line 203, in _new_conn\n    sock = connection.create_connection(\n" +
				"socket.gaierror: [Errno -3] Temporary failure in name resolution\n\nThe above exception was the direct cause of the following exception:\n\n" +
				"Traceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/requests/adapters.py\", line 486, in send\n" +
				"requests.exceptions.ConnectionError: HTTPConnectionPool(host='config-server', port=8888): Max retries exceeded with url: /app/prod (Caused by NameResolutionError(\"<urllib3.connection.HTTPConnection object at 0x7f>: Failed to resolve 'config-server' ([Errno -3] Temporary failure in name resolution)\"))\n"),
			cat: DependencyUnavailable, ev: "config-server", step: "nslookup config-server",
		},
		{
			name: "celery broker refused", eco: "python",
			pod: app(1, "Error"),
			logs: logOf("[2024-03-01 11:57:01,000: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: [Errno 111] Connection refused.\nTrying again in 2.00 seconds... (1/3)\n" +
				"[2024-03-01 11:57:07,000: CRITICAL/MainProcess] Unrecoverable error: OperationalError('[Errno 111] Connection refused')\n" +
				"Traceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/kombu/connection.py\", line 472, in _reraise_as_library_errors\n" +
				"kombu.exceptions.OperationalError: [Errno 111] Connection refused\n"),
			cat: DependencyUnavailable, ev: "Connection refused",
		},
		{
			name: "rails socket connection without DATABASE_HOST", eco: "ruby",
			pod: app(1, "Error"),
			logs: logOf("bin/rails aborted!\nActiveRecord::ConnectionNotEstablished: could not connect to server: No such file or directory (ActiveRecord::ConnectionNotEstablished)\n" +
				"\tIs the server running locally and accepting\n\tconnections on Unix domain socket \"/var/run/postgresql/.s.PGSQL.5432\"?\n\n\n" +
				"Caused by:\nPG::ConnectionBad: could not connect to server: No such file or directory (PG::ConnectionBad)\n\tIs the server running locally and accepting\n" +
				"\tconnections on Unix domain socket \"/var/run/postgresql/.s.PGSQL.5432\"?\n\nTasks: TOP => db:prepare\n(See full trace by running task with --trace)\n"),
			// No DATABASE_HOST: the client fell back to PostgreSQL's local
			// socket, the app pointed at localhost where nothing of its own
			// listens, which the category table calls a configuration error
			// (this case said "dependency" before the local socket was read).
			cat: ConfigError, ev: "could not connect to server",
		},
		{
			name: "rails master key mismatch", eco: "ruby",
			pod: app(1, "Error"),
			logs: logOf("/usr/local/bundle/gems/activesupport-7.0.4/lib/active_support/message_encryptor.rb:201:in `rescue in _decrypt': ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)\n" +
				"\tfrom /usr/local/bundle/gems/activesupport-7.0.4/lib/active_support/message_encryptor.rb:197:in `_decrypt'\n\tfrom bin/rails:4:in `<main>'\n"),
			cat: ConfigError, ev: "InvalidMessage",
		},
		{
			name: "start script cannot find bin/rails", eco: "ruby",
			pod:  app(127, "Error"),
			logs: logOf("* CREATING DATABASE (first time only):\n/myapp/start: line 10: bin/rails: No such file or directory\n"),
			cat:  CommandNotFound, ev: "bin/rails: No such file or directory",
		},
		{
			name: "esm package missing with ANSI colours", eco: "node",
			pod: app(1, "Error"),
			logs: logOf("node:internal/errors:484\n    ErrorCaptureStackTrace(err);\n    ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find package 'express' imported from /app/index.js\n" +
				"\x1b[90m    at new NodeError (node:internal/errors:393:5)\x1b[39m\n\x1b[90m    at packageResolve (node:internal/modules/esm/resolve:860:9)\x1b[39m\n" +
				"\x1b[90m    at link (node:internal/modules/esm/module_job:75:36)\x1b[39m {\n  code: \x1b[32m'ERR_MODULE_NOT_FOUND'\x1b[39m\n}\n\nNode.js v18.12.1\n"),
			cat: AppCrash, ev: "Cannot find package 'express'",
		},
		{
			name: "next.js dependency file missing under node_modules", eco: "node",
			pod: app(1, "Error"),
			logs: logOf("node:internal/modules/cjs/loader:1419\n  const err = new Error(`Cannot find module '${request}'`);\n              ^\n\n" +
				"Error: Cannot find module '/app/node_modules/@swc/helpers/esm/_interop_require_default.js'\n    at createEsmNotFoundErr (node:internal/modules/cjs/loader:1419:15)\n" +
				"    at /app/node_modules/next/dist/server/require-hook.js:57:36 {\n  code: 'MODULE_NOT_FOUND',\n  path: '/app/node_modules/@swc/helpers'\n}\n\nNode.js v22.22.1\n"),
			cat: AppCrash, ev: "@swc/helpers",
		},
		{
			name: "node cannot write its log file", eco: "node",
			pod: app(1, "Error", securityContext(false)),
			logs: logOf("node:fs:601\n  handleError((ctx) => binding.open(\n              ^\n\nError: EACCES: permission denied, open '/app/logs/app.log'\n    at Object.openSync (node:fs:601:3)\n" +
				"    at Object.<anonymous> (/app/src/logger.js:9:14) {\n  errno: -13,\n  syscall: 'open',\n  code: 'EACCES',\n  path: '/app/logs/app.log'\n}\n"),
			cat: PermissionDenied, ev: "EACCES: permission denied, open '/app/logs/app.log'",
		},
		{
			name: "node config file missing", eco: "node",
			pod:  app(1, "Error"),
			logs: logOf("Error: ENOENT: no such file or directory, open '/app/config/production.json'\n    at Object.openSync (node:fs:596:3)\n    at Object.readFileSync (node:fs:464:35) {\n  errno: -2,\n  code: 'ENOENT'\n}\n"),
			cat:  ConfigError, ev: "production.json",
		},
		{
			name: "prisma cannot reach database", eco: "node",
			pod: app(1, "Error"),
			logs: logOf("Prisma schema loaded from prisma/schema.prisma\nDatasource \"db\": PostgreSQL database \"app\", schema \"public\" at \"postgres:5432\"\n\n" +
				"Error: P1001: Can't reach database server at `postgres`:`5432`\n\nPlease make sure your database server is running at `postgres`:`5432`.\n"),
			cat: DependencyUnavailable, ev: "Can't reach database server",
		},
		{
			name: "npm lifecycle noise after a TypeError", eco: "node",
			pod: app(1, "Error"),
			logs: logOf("> shop@1.0.0 start\n> node server.js\n\n/app/src/config.js:14\n  const [host, port] = process.env.REDIS_ADDR.split(':');\n                                              ^\n\n" +
				"TypeError: Cannot read properties of undefined (reading 'split')\n    at Object.<anonymous> (/app/src/config.js:14:47)\n    at Module._compile (node:internal/modules/cjs/loader:1256:14)\n\nNode.js v18.17.0\n" +
				"npm ERR! code 1\nnpm ERR! path /app\nnpm ERR! command failed\nnpm ERR! command sh -c node server.js\n\nnpm ERR! A complete log of this run can be found in:\nnpm ERR!     /root/.npm/_logs/2024-03-01T11_57_01_000Z-debug-0.log\n"),
			// The TypeError is thrown in config.js reading process.env.REDIS_ADDR:
			// the variable is missing, a configuration error.
			cat: ConfigError, ev: "TypeError: Cannot read properties of undefined",
		},
		{
			name: "php-fpm cannot open error_log", eco: "php",
			pod:  app(78, "Error"),
			logs: logOf("[20-May-2021 17:16:15] ERROR: failed to open error_log (/proc/self/fd/2): Permission denied (13)\n[20-May-2021 17:16:15] ERROR: failed to post process the configuration\n[20-May-2021 17:16:15] ERROR: FPM initialization failed\n"),
			cat:  PermissionDenied, ev: "failed to open error_log",
		},
		{
			name: "php required file missing", eco: "php",
			pod: app(255, "Error"),
			logs: logOf("PHP Warning:  require_once(/var/www/html/sites/default/sqlconf.php): Failed to open stream: No such file or directory in Command line code on line 1\n" +
				"PHP Fatal error:  Uncaught Error: Failed opening required '/var/www/html/sites/default/sqlconf.php' (include_path='.:/usr/share/php') in Command line code:1\n"),
			cat: ConfigError, ev: "sqlconf.php",
		},
		{
			name: "apache log directory missing", eco: "php",
			pod: app(1, "Error"),
			logs: logOf("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.1.2.3. Set the 'ServerName' directive globally to suppress this message\n" +
				"(2)No such file or directory: AH02291: Cannot access directory '/var/log/apache2/' for main error log\nAH00014: Configuration check failed\n"),
			cat: ConfigError, ev: "Cannot access directory '/var/log/apache2/'",
		},
		{
			name: "laravel database refused", eco: "php",
			pod: app(1, "Error"),
			logs: logOf("\n   Illuminate\\Database\\QueryException \n\n  SQLSTATE[HY000] [2002] Connection refused (SQL: select * from information_schema.tables where table_schema = shop and table_name = migrations and table_type = 'BASE TABLE')\n\n" +
				"  at vendor/laravel/framework/src/Illuminate/Database/Connection.php:712\n"),
			cat: DependencyUnavailable, ev: "SQLSTATE[HY000] [2002] Connection refused",
		},
		{
			name: "set -x entrypoint mkdir denied", eco: "shell",
			pod:  app(1, "Error", securityContext(false)),
			logs: logOf("+ set -e\n+ echo 'preparing cache'\npreparing cache\n+ mkdir -p /data/cache\nmkdir: cannot create directory '/data/cache': Permission denied\n"),
			cat:  PermissionDenied, ev: "cannot create directory '/data/cache'",
		},
		{
			name: "CRLF entrypoint", eco: "shell",
			pod:  app(127, "Error"),
			logs: logOf("/entrypoint.sh: line 2: $'\\r': command not found\n/entrypoint.sh: line 3: set: -\r: invalid option\r\nset: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n"),
			cat:  CommandNotFound, ev: "command not found",
		},
		{
			name: "wait-for-it gives up", eco: "shell",
			pod:  testPod([]string{"app"}, initLoop("wait-for-db", 1)),
			logs: map[string]string{"wait-for-db": "wait-for-it.sh: waiting 15 seconds for postgres:5432\nwait-for-it.sh: timeout occurred after waiting 15 seconds for postgres:5432\n"},
			cat:  DependencyUnavailable, cont: "wait-for-db", ev: "timeout occurred after waiting",
		},
	}
}
