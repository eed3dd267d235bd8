package diagnose

import "testing"

// Rules from the misses of held-out rounds 179 to 186 (mounts, time and
// locale, databases' first start, plugins, NAS platforms, distributions'
// system pods), each written for the general shape, not the report.
func TestRules179(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Redis's config error with its detail lines", "*** FATAL CONFIG FILE ERROR (Redis 7.4.1) ***\nReading the configuration file, at line 4\n>>> 'requirepass'\nwrong number of arguments\n", ConfigError, "wrong number of arguments"},
		{"Redis's config error with blank lines between", "*** FATAL CONFIG FILE ERROR (Redis 6.2.5) ***\n\nReading the configuration file, at line 1\n\n>>> 'unixsocket /run/redis/redis.sock nunixsocketperm 755'\n\nwrong number of arguments\n", ConfigError, "wrong number of arguments"},
		{"Redis's config error with a timestamp before each line", "*** FATAL CONFIG FILE ERROR (Redis 8.6.3) ***\n2026-05-11 11:53:44\nReading the configuration file, at line 2\n2026-05-11 11:53:44\n>>> 'requirepass \"--appendonly\" \"yes\"'\n2026-05-11 11:53:44\nwrong number of arguments\n", ConfigError, ">>> 'requirepass"},
		{"Redis's banner after the reporter's colon", "The error in the docker logs gives:\n*** FATAL CONFIG FILE ERROR (Redis 6.2.5) ***\nReading the configuration file, at line 1\n>>> 'maxmemory'\nwrong number of arguments\n", ConfigError, "wrong number of arguments"},
		{"initdb's detail on its own line", "initdb: error: directory \"/var/lib/postgresql/data\" exists but is not empty\ninitdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.\ninitdb: hint: Using a mount point directly as the data directory is not recommended.\n", ConfigError, "lost+found"},
		{"a Jenkins plugin that needs a newer core", "SEVERE: Failed Loading plugin Pipeline: Nodes and Processes v2.35 (workflow-durable-task-step)\njava.io.IOException: Pipeline: Nodes and Processes version 2.35 failed to load.\n - You must update Jenkins from version 2.161 to version 2.176.1 or later to run this plugin.\n", ConfigError, "You must update Jenkins"},
		{"Jenkins plugins whose prerequisites are not met", "download plugins\nMultiple plugin prerequisites not met:\nPlugin kubernetes:1.29.2 (via credentials:2.5) depends on configuration-as-code:1.51, but there is an older version defined on the top level - configuration-as-code:1.47\n", ConfigError, "plugin prerequisites not met"},
		{"a libc built for 4 KiB pages", "/bin/sh: error while loading shared libraries: libc.so.6: ELF load command address/offset not page-aligned\n", ExecFormat, "not page-aligned"},
		{"Python failing to parse a date it was handed", "Traceback (most recent call last):\n  File \"/app/main.py\", line 40, in <module>\n    ts = datetime.strptime(raw, '%Y-%m-%dT%H:%M:%S.%f')\nValueError: unconverted data remains: 9776\n", AppCrash, "unconverted data remains"},
		{"glog without a /tmp in a scratch image", "log: exiting because of error: log: cannot create log: open /tmp/storage-provisioner.minikube.unknownuser.log.INFO.20190523-065729.1: no such file or directory\n", AppCrash, "cannot create log"},
	})
	checkNotRead(t, []notRead{
		{"log: exiting because of error: log: cannot create log: open /tmp/x.log: read-only file system\n", AppCrash},
		{"ValueError: invalid literal for int() with base 10: ''\n", AppCrash},
	})
}

// Words of rounds 179 to 186: a read-only mount named as the cause is a
// denial, not a setting.
func TestReportInWords179(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a read-only ConfigMap file", "When the manifest is applied the pods get into crashlooping due to read-only ConfigMap file.\n", PermissionDenied},
	})
	notAbout(t, "The pod is stuck in CrashLoopBackOff due to two datasource entries in the configmap.\n", PermissionDenied, "a cause clause about a ConfigMap's content read as a denial")
}

// Rules from the misses of held-out rounds 187 to 189 (CI runners, model
// servers, collaboration servers).
func TestRules187(t *testing.T) {
	checkLogRules(t, []logRule{
		{"PostgreSQL refusing its configuration file", "2026-01-02 10:00:00.000 UTC [1] LOG:  syntax error in file \"/var/lib/postgresql/data/postgresql.conf\" line 533, near end of line\n2026-01-02 10:00:00.000 UTC [1] FATAL:  configuration file \"/var/lib/postgresql/data/postgresql.conf\" contains errors\nchmod: /var/run/postgresql: Operation not permitted\n", ConfigError, "postgresql.conf"},
		{"arguments the program does not take", "Unrecognized command-line input arguments: 'labels'. For usage refer to: ./config.sh --help\n", ConfigError, "Unrecognized command-line input arguments"},
		{"a program naming the fix in the pod spec", "/runner should be an emptyDir mount. Please fix the pod spec.\n", ConfigError, "Please fix the pod spec"},
	})
	checkNotRead(t, []notRead{
		{"level=info msg=\"please fix the typo in the docs\" count=1\n", ConfigError},
	})
}
