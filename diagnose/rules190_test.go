package diagnose

import "testing"

// Rules from the misses of held-out rounds 190 to 197 (reports in other
// languages, Docker's own output, Swarm, exit codes, kernel limits,
// developer machines, downloads at start, command overrides).
func TestRules190(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a setting the mounted config module lacks", "Traceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\n    from config.config import IS_NOVEL_ONLY\nImportError: cannot import name 'IS_NOVEL_ONLY' from 'config.config' (/app/config/config.py)\n", ConfigError, "cannot import name 'IS_NOVEL_ONLY'"},
		{"a Django settings name", "ImportError: cannot import name 'CELERY_BROKER' from 'settings' (/srv/settings.py)\n", ConfigError, "from 'settings'"},
		{"nginx raising its open-files limit above the runtime's", "2026/01/05 10:00:00 [alert] 20#20: setrlimit(RLIMIT_NOFILE, 130048) failed (1: Operation not permitted)\n", ConfigError, "setrlimit(RLIMIT_NOFILE, 130048)"},
		{"cilium/ebpf refused a map for the memlock limit", "level=fatal msg=\"failed to start\" error=\"loadFiltermanagerObjects failed: field RetinaFilterMap: map retina_filter_map: map create: operation not permitted (MEMLOCK may be too low, consider rlimit.RemoveMemlock)\"\n", ConfigError, "MEMLOCK may be too low"},
		{"a command not found told without a shell", "Sequelize command not found\n", CommandNotFound, "Sequelize command not found"},
		{"urfave/cli given a command it does not have", "No help topic for 'pumba'\n", ConfigError, "No help topic for 'pumba'"},
		{"java -jar given a file that is not a jar", "[init] Copying server jar\nError: Invalid or corrupt jarfile minecraft_server.1.16.5.jar\n", ConfigError, "Invalid or corrupt jarfile"},
		{"an upstream's download limit (HTTP 429)", "Error retrieving updates: running the job processor: running job: unexpected HTTP status code: received HTTP status code: 429:: Daily GeoIP database download limit reached\n", DependencyUnavailable, "429"},
		{"an API's rate limit", "Error: Request failed: 429 Too Many Requests (api.github.com)\n", DependencyUnavailable, "429 Too Many Requests"},
	})
	checkNotRead(t, []notRead{
		{"ImportError: cannot import name 'x' from partially initialized module 'config' (most likely due to a circular import)\n", ConfigError},
		{"./run: line 8: ulimit: open files: cannot modify limit: Operation not permitted\n", ConfigError},
		{"GET /api/items 200 429ms\n", DependencyUnavailable},
		{"I get a command not found error only when I exec into it with kubectl\n", CommandNotFound},
	})
}
