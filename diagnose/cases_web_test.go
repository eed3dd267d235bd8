package diagnose

// webCases are web servers and logs in awkward formats: nginx under a
// restricted securityContext, kubectl --timestamps, ANSI colour, CRLF and
// noise after the fatal line.
func webCases() []realCase {
	return []realCase{
		{
			name: "nginx pid file under runAsNonRoot", eco: "nginx",
			pod: app(1, "Error", securityContext(false)),
			logs: logOf("/docker-entrypoint.sh: Configuration complete; ready for start up\n" +
				"2023/06/14 23:01:59 [warn] 1#1: the \"user\" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2\n" +
				"nginx: [warn] the \"user\" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2\n" +
				"2023/06/14 23:01:59 [emerg] 1#1: open() \"/var/run/nginx.pid\" failed (13: Permission denied)\nnginx: [emerg] open() \"/var/run/nginx.pid\" failed (13: Permission denied)\n"),
			cat: PermissionDenied, ev: `open() "/var/run/nginx.pid" failed (13: Permission denied)`, step: "runAsNonRoot=true",
		},
		{
			name: "nginx cache dir on read-only root", eco: "nginx",
			pod: app(1, "Error", securityContext(true)),
			logs: logOf("/docker-entrypoint.sh: /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)\n" +
				"/docker-entrypoint.sh: Configuration complete; ready for start up\n" +
				"2024/03/01 11:57:01 [emerg] 1#1: mkdir() \"/var/cache/nginx/client_temp\" failed (30: Read-only file system)\nnginx: [emerg] mkdir() \"/var/cache/nginx/client_temp\" failed (30: Read-only file system)\n"),
			cat: PermissionDenied, ev: `mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)`, step: "emptyDir",
		},
		{
			name: "nginx certificate not mounted", eco: "nginx",
			pod: app(1, "Error"),
			logs: logOf("2024/03/01 11:57:01 [emerg] 1#1: cannot load certificate \"/etc/nginx/certs/tls.crt\": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/nginx/certs/tls.crt, r) error:10000080:BIO routines::no such file)\n" +
				"nginx: [emerg] cannot load certificate \"/etc/nginx/certs/tls.crt\": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory)\n"),
			cat: ConfigError, ev: "cannot load certificate",
		},
		{
			name: "nginx directive not allowed", eco: "nginx",
			pod: app(1, "Error"),
			logs: logOf("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n" +
				"2024/03/01 11:57:01 [emerg] 1#1: \"proxy_pass\" directive is not allowed here in /etc/nginx/conf.d/default.conf:14\nnginx: [emerg] \"proxy_pass\" directive is not allowed here in /etc/nginx/conf.d/default.conf:14\n"),
			cat: ConfigError, ev: "directive is not allowed here",
		},
		{
			name: "timestamps and ANSI colour levels", eco: "format",
			pod: app(1, "Error"),
			logs: logOf("2024-03-01T11:57:01.123456789Z \x1b[32mINFO\x1b[0m  Starting worker\n" +
				"2024-03-01T11:57:02.123456789Z \x1b[31mERROR\x1b[0m Failed to connect to Redis at redis-master:6379: Connection refused\n" +
				"2024-03-01T11:57:02.223456789Z \x1b[32mINFO\x1b[0m  Exiting\n"),
			cat: DependencyUnavailable, ev: "redis-master:6379",
		},
		{
			name: "CRLF log from a windows-built image", eco: "format",
			pod:  app(1, "Error"),
			logs: logOf("Starting service\r\nFATAL: environment variable API_TOKEN is not set\r\nexiting\r\n"),
			cat:  ConfigError, ev: "API_TOKEN is not set",
		},
		{
			name: "JSON log with nested error object", eco: "format",
			pod: app(1, "Error"),
			logs: logOf(`{"level":"info","time":"2024-03-01T11:57:01Z","msg":"booting"}` + "\n" +
				`{"level":"error","time":"2024-03-01T11:57:02Z","msg":"startup failed","error":{"type":"ConnectionError","message":"connect ECONNREFUSED 10.0.0.12:5672","code":"ECONNREFUSED"}}` + "\n" +
				`{"level":"info","time":"2024-03-01T11:57:02Z","msg":"metrics flushed"}` + "\n"),
			cat: DependencyUnavailable, ev: "ECONNREFUSED 10.0.0.12:5672",
		},
		{
			name: "pino numeric levels", eco: "format",
			pod: app(1, "Error"),
			logs: logOf(`{"level":30,"time":1709294221000,"pid":1,"hostname":"api-1","msg":"server starting"}` + "\n" +
				`{"level":60,"time":1709294222000,"pid":1,"hostname":"api-1","err":{"type":"Error","message":"JWT_SECRET must be set","stack":"Error: JWT_SECRET must be set\n    at loadConfig (/app/config.js:9:11)"},"msg":"fatal startup error"}` + "\n"),
			cat: ConfigError, ev: "JWT_SECRET must be set",
		},
	}
}
