package diagnose

import "testing"

// Rules from the misses of held-out rounds 163 to 170 (storage and on-disk
// state, node and kernel features, CPU architectures, entrypoints, cluster
// membership, supervisors' watchdogs), each written for the general shape,
// not the report.
func TestRules163(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a RocksDB lock an earlier instance still holds", "panic: IO error: While lock file: /var/lib/app/rdb_data/LOCK: Resource temporarily unavailable\n\ngoroutine 1 [running]:\n", ConfigError, "While lock file"},
		{"a lock another instance holds, after a denial", "Permission denied. Could not get lock.\nServer exit...\n", ConfigError, "Could not get lock"},
		{"a volume full, not a denial", "mkdir: cannot create directory '/var/lib/mysql//mysql': No space left on device\n", ConfigError, "No space left on device"},
		{"Elasticsearch's memlock ulimit", "Unable to lock JVM Memory: error=12, reason=Cannot allocate memory\nERROR: [1] bootstrap checks failed\n[1]: memory locking requested for elasticsearch process but memory is not locked\n", ConfigError, "memory"},
		{"an exec of a missing command, the line indented", " /usr/local/bin/docker-php-entrypoint: exec: line 9: apache2-foreground: not found\n", CommandNotFound, "apache2-foreground: not found"},
		{"Rosetta that cannot start", "assertion failed [!result.is_error]: Failed to create temporary file\n", ExecFormat, "Failed to create temporary file"},
		{"a Cassandra node that reaches no seed", "ERROR [main] 2017-02-07 CassandraDaemon.java:583 - Exception encountered during startup\njava.lang.RuntimeException: Unable to gossip with any seeds\n\tat org.apache.cassandra.gms.Gossiper.doShadowRound(Gossiper.java:1360)\n", DependencyUnavailable, "Unable to gossip with any seeds"},
		{"a supervisor's watchdog", "22-08-14 21:38:30 WARNING (MainThread) [supervisor.misc.tasks] Watchdog missing application response from addon_x\n22-08-14 21:40:30 WARNING (MainThread) [supervisor.misc.tasks] Watchdog found a problem with addon_x application!\n22-08-14 21:40:30 INFO (SyncWorker_5) [supervisor.docker.interface] Stopping addon_x application\n", LivenessProbe, "Watchdog found a problem"},
		{"a database another pod holds", "Database at /var/lib/app/planner.db/LOCK is already locked by another process\n", ConfigError, "already locked by another process"},
		{"a provider the program does not offer", "init.go:276: unknown provider. please select one of either filesystem or s3\n", ConfigError, "unknown provider"},
		{"a storage driver the program does not know", "Error: unknown storage driver \"s4\"\n", ConfigError, "unknown storage driver"},
		{"Docker's platform warning", "WARNING: The requested image's platform (linux/arm/v7) does not match the detected host platform (linux/arm/v6) and no specific platform was requested\n", ExecFormat, "does not match the detected host platform"},
	})
	checkNotRead(t, []notRead{
		{"level=info msg=\"acquired lock\" name=leader\n", ConfigError},
		{"mkdir: cannot create directory '/data/x': Permission denied\n", ConfigError},
		{"level=info msg=\"unknown provider metrics skipped\" count=0\n", ConfigError},
	})
}

// Words of rounds 163 to 170: a stale lock or pid file, a disk at 100%, a
// watchdog or a container gone unhealthy, a flag the program does not
// know, a command that exits non-zero.
func TestReportInWords163(t *testing.T) {
	checkWords(t, []wordsCase{
		{"a database locked by its lock file", "I use RPi 4. After a power failure MongoDB is cyclically restarted with code (100). The logs say mongoDB is locked by the mongod.lock file.\n", ConfigError},
		{"a stale pid file", "If a Docker host shuts down or restarts abruptly, Apache can leave behind a stale `/var/run/apache2/apache2.pid`. On restart apache2-foreground detects the existing PID file and immediately exits, causing a crash loop.\n", ConfigError},
		{"a host disk at 100%", "1. start the container with restart policy always\n2. write data into it\n3. `df -h` host space become 100%\nthe container becomes restarting\n", ConfigError},
		{"a supervisor's watchdog", "Watchdog keeps restarting the add-on after a short period of time.\n", LivenessProbe},
		{"a container gone unhealthy", "The container restarts every hour. It goes unhealthy and then the container is killed and restarted.\n", LivenessProbe},
		{"a flag given to the wrong container", "the --watch-filter argument is given to the sidecar instead of the manager, causing the pod to crash because the --watch-filter is unknown to the sidecar container.\n", ConfigError},
	})
	notAbout(t, "The init container runs modprobe, which fails; the container then exits non-zero (due to set -e) and enters a CrashLoopBackOff.\n", Completed, "a command that exits non-zero read as a finished task")
}
