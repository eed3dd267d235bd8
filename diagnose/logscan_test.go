package diagnose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// logFixtures are real-world-shaped logs under testdata/logs with the
// category they point to and a piece of the line that must be quoted.
var logFixtures = []struct {
	file string
	cat  Category
	line string
}{
	{"spring_port.log", PortConflict, "Port 8080 was already in use"},
	{"spring_datasource.log", ConfigError, "Failed to configure a DataSource"},
	{"java_caused_by.log", DependencyUnavailable, "Connection refused"},
	{"java_oom.log", OOMKilled, "java.lang.OutOfMemoryError: Java heap space"},
	{"java_classnotfound.log", CommandNotFound, "Could not find or load main class com.acme.Main"},
	{"java_mainclass_jar.log", CommandNotFound, "Unable to access jarfile"},
	{"java_unknownhost.log", DependencyUnavailable, "No resolvable bootstrap urls"},
	{"go_panic_nil.log", AppCrash, "panic: runtime error: invalid memory address"},
	{"go_log_fatal_dns.log", DependencyUnavailable, "no such host"},
	{"go_zap_fatal_refused.log", DependencyUnavailable, `"level":"fatal"`},
	{"go_logrus_config.log", ConfigError, "error loading config"},
	{"go_flag.log", ConfigError, "flag provided but not defined: -config.file"},
	{"go_cobra_unknown_flag.log", ConfigError, "unknown flag: --metrics-bind-addr"},
	{"go_addr_in_use.log", PortConflict, "bind: address already in use"},
	{"go_rbac.log", PermissionDenied, `configmaps is forbidden: User "system:serviceaccount:tools:cleaner"`},
	{"go_fatal_concurrent.log", AppCrash, "fatal error: concurrent map writes"},
	{"go_readonly.log", PermissionDenied, "read-only file system"},
	{"go_missing_file.log", ConfigError, "open /etc/app/config.yaml: no such file or directory"},
	{"go_secret_api.log", MissingConfigObject, `secrets "webhook-server-cert" not found`},
	{"python_keyerror.log", ConfigError, "KeyError: 'DATABASE_URL'"},
	{"python_modulenotfound.log", AppCrash, "ModuleNotFoundError: No module named 'pandas'"},
	{"python_psycopg_refused.log", DependencyUnavailable, "psycopg2.OperationalError: could not connect to server: Connection refused"},
	{"python_pg_auth.log", ConfigError, "password authentication failed"},
	{"python_django_improperly.log", ConfigError, "ImproperlyConfigured: The SECRET_KEY setting must not be empty"},
	{"python_permission.log", PermissionDenied, "PermissionError: [Errno 13] Permission denied: '/data/cache'"},
	{"python_cant_open.log", CommandNotFound, "can't open file '/app/main.py'"},
	{"python_redis.log", DependencyUnavailable, "Name or service not known"},
	{"node_cannot_find_module.log", AppCrash, "Error: Cannot find module 'express'"},
	{"node_main_missing.log", CommandNotFound, "Error: Cannot find module '/app/dist/main.js'"},
	{"node_econnrefused.log", DependencyUnavailable, "connect ECONNREFUSED 10.100.3.7:27017"},
	{"node_eaddrinuse.log", PortConflict, "listen EADDRINUSE: address already in use :::3000"},
	{"node_eacces_80.log", PermissionDenied, "listen EACCES: permission denied 0.0.0.0:80"},
	{"node_heap_oom.log", OOMKilled, "JavaScript heap out of memory"},
	{"node_unhandled_rejection.log", AppCrash, "UnhandledPromiseRejection"},
	{"node_enotfound.log", DependencyUnavailable, "getaddrinfo ENOTFOUND rabbitmq"},
	{"npm_missing_script.log", CommandNotFound, `Missing script: "start"`},
	{"ruby_pg_bad.log", ConfigError, "password authentication failed for user"},
	{"ruby_loaderror.log", AppCrash, "cannot load such file -- nokogiri (LoadError)"},
	{"ruby_secret_key_base.log", ConfigError, "Missing `secret_key_base`"},
	{"dotnet_sql.log", DependencyUnavailable, "A network-related or instance-specific error"},
	{"dotnet_bind.log", PortConflict, "address already in use"},
	{"dotnet_nullref.log", AppCrash, "Unhandled exception. System.NullReferenceException"},
	{"nginx_host_not_found.log", DependencyUnavailable, `[emerg] 1#1: host not found in upstream "backend:8080"`},
	{"nginx_bind_perm.log", PermissionDenied, "bind() to 0.0.0.0:80 failed (13: Permission denied)"},
	{"nginx_unknown_directive.log", ConfigError, `unknown directive "proxy_pas"`},
	{"nginx_readonly.log", PermissionDenied, "Read-only file system"},
	{"postgres_initdb_notempty.log", ConfigError, `initdb: error: directory "/var/lib/postgresql/data" exists but is not empty`},
	{"postgres_uninitialized.log", ConfigError, "Database is uninitialized and superuser password is not specified"},
	{"postgres_perm.log", PermissionDenied, "could not change permissions of directory"},
	{"mysql_cant_connect.log", DependencyUnavailable, "Can't connect to MySQL server on 'mysql'"},
	{"mysql_access_denied.log", ConfigError, "Access denied for user 'wordpress'"},
	{"mysql_init_files.log", ConfigError, "--initialize specified but the data directory has files in it"},
	{"redis_client.log", DependencyUnavailable, "connect ETIMEDOUT"},
	{"redis_server_conf.log", ConfigError, "must be one of the following"},
	{"shell_not_found.log", CommandNotFound, "envsubst: command not found"},
	{"shell_crlf.log", CommandNotFound, `'bash\r': No such file or directory`},
	{"shell_exec_format.log", ExecFormat, "exec format error"},
	{"shell_sh_not_found.log", CommandNotFound, "sh: 1: gunicorn: not found"},
	{"shell_env_required.log", ConfigError, "API_TOKEN environment variable is required"},
	{"elasticsearch_bootstrap.log", ConfigError, "vm.max_map_count"},
	{"x509.log", ConfigError, "x509: certificate signed by unknown authority"},
	{"mongo_auth.log", ConfigError, "MongoServerError: Authentication failed."},
	{"kafka_broker.log", DependencyUnavailable, "Timeout expired while fetching topic metadata"},
	{"exec_noent.log", CommandNotFound, "exec /app/server: no such file or directory"},
	{"shared_lib.log", AppCrash, "error while loading shared libraries: libssl.so.1.1"},
	{"generic_last_line.log", DependencyUnavailable, "sync aborted: upstream returned HTTP 500"}, // a server error from what it depends on
	{"segfault.log", Segfault, "Segmentation fault (core dumped)"},
	{"secrets_in_log.log", DependencyUnavailable, "postgres://app:[REDACTED]@db.prod.svc:5432/app"},
}

func TestScanLogFixtures(t *testing.T) {
	for _, tc := range logFixtures {
		t.Run(strings.TrimSuffix(tc.file, ".log"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "logs", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got := ScanLog(strings.NewReader(string(data)))
			if got.Category != tc.cat || !strings.Contains(got.Line, tc.line) {
				t.Errorf("ScanLog = %s, line %d %q\nwant %s, line containing %q", got.Category, got.LineNumber, got.Line, tc.cat, tc.line)
			}
			if len(got.Excerpt) == 0 || len(got.Excerpt) > excerptLines {
				t.Errorf("excerpt has %d lines", len(got.Excerpt))
			}
		})
	}
}

// TestScanLogStackedPrefixes: `kubectl logs --timestamps` (or a node's CRI
// file) puts its own time before an app's line that opens with the app's
// time; both are read past, and a stack's frame keeps its tab.
func TestScanLogStackedPrefixes(t *testing.T) {
	for _, tc := range []struct {
		name, log string
		cat       Category
		line      string
	}{
		{"kubectl time over the app's time", `2026-03-18T08:53:10.093232265Z 2026-03-18 08:53:10.093 /bin/bash: start-server.sh: No such file or directory
2026-03-18T08:54:11.121872008Z 2026-03-18 08:54:11.121 /bin/bash: start-server.sh: No such file or directory
`, CommandNotFound, "start-server.sh: No such file or directory"},
		{"CRI file over the app's time", `2026-03-18T08:53:10.093232265Z stderr F 2026-03-18T08:53:10Z /bin/bash: start-server.sh: No such file or directory
`, CommandNotFound, "start-server.sh: No such file or directory"},
		{"glog's early notice after kubectl's time", `2026-05-05T21:37:29.808530Z ERROR: logging before flag.Parse: I0505 21:37:29.808530       1 utils.go:105] Using verbosity level 5 from environment variable APPGW_VERBOSITY_LEVEL
2026-05-05T21:37:29.866221Z I0505 21:37:29.866221       1 environment.go:210] KUBERNETES_WATCHNAMESPACE is not set. Watching all available namespaces.
2026-05-05T21:37:29.988908Z E0505 21:37:29.988908       1 client.go:145] Unexpected ARM status code on GET existing App Gateway config: 403
`, PermissionDenied, "Unexpected ARM status code on GET existing App Gateway config: 403"},
		{"a Go stack's frames under kubectl's time", "2026-05-02T10:00:00Z sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).reconcileHandler(0xc00019b720, {0x2620b70, 0xc00028e7d0}, {0x2061860?, 0xc0005dfce0?})\n" +
			"2026-05-02T10:00:00.137Z \t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.14.6/pkg/internal/controller/controller.go:323 +0x377\n" +
			"2026-05-02T10:00:00.274Z sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).processNextWorkItem(0xc00019b720, {0x2620b70, 0xc00028e7d0})\n" +
			"2026-05-02T10:00:00.411Z \t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.14.6/pkg/internal/controller/controller.go:274 +0x1d9\n" +
			"2026-05-02T10:00:00.548Z created by sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).Start.func2\n" +
			"2026-05-02T10:00:00.685Z \t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.14.6/pkg/internal/controller/controller.go:231 +0x587\n",
			AppCrash, "reconcileHandler"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ScanLog(strings.NewReader(tc.log))
			if got.Category != tc.cat || !strings.Contains(got.Line, tc.line) {
				t.Errorf("ScanLog = %s %q, want %s quoting %q", got.Category, got.Line, tc.cat, tc.line)
			}
		})
	}
}
