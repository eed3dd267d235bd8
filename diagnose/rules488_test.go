package diagnose

import "testing"

// Rules from the misses of held-out rounds 488 to 495 (leads, reports
// with little evidence, Helm values, PHP and Ruby apps).
func TestRules488(t *testing.T) {
	checkLogRules(t, []logRule{
		{"s6-supervise's timeouts that cannot happen, under an old libseccomp2", "s6-supervise avahi: warning: can't happen: timeout while the service is up!\ns6-supervise dbus: warning: can't happen: timeout while the service is up!\ns6-supervise smbd: warning: can't happen: timeout while the service is up!\n", PermissionDenied, "can't happen: timeout while the service is up"},
		{"a probe's kill, then a child process reaped with exit code 0", "[2022-12-05T03:31:42.219+0000] {scheduler_job.py:172} INFO - Exiting gracefully upon receiving signal 15\n[2022-12-05T03:31:43.436+0000] {process_utils.py:79} INFO - Process psutil.Process(pid=35, status='terminated', exitcode=0, started='03:26:53') (35) terminated with exit code 0\nLiveness probe failed: No alive jobs found.\n", LivenessProbe, "Liveness probe failed"},
		{"MySQL shut down by a signal after it was ready", "2022-06-29T02:01:38.363998Z 0 [System] [MY-010931] [Server] /opt/bitnami/mysql/bin/mysqld: ready for connections. Version: '8.0.29'\n2022-06-29T02:03:08.683146Z 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.0.29).\n2022-06-29T02:03:09.671698Z 0 [System] [MY-010910] [Server] /opt/bitnami/mysql/bin/mysqld: Shutdown complete (mysqld 8.0.29)  Source distribution.\n", LivenessProbe, "Received SHUTDOWN from user"},
		{"PostgreSQL told to stop fast", "2024-03-01 10:00:00.000 UTC [1] LOG:  database system is ready to accept connections\n2024-03-01 10:01:30.000 UTC [1] LOG:  received fast shutdown request\n2024-03-01 10:01:30.100 UTC [1] LOG:  aborting any active transactions\n", LivenessProbe, "received fast shutdown request"},
	})
	checkWords(t, []wordsCase{
		{"directories an update left owned by root, under linuxserver's /config", "After a container update, the app enters a crash loop and never comes up.\nThe new image creates /config/app/config/, /config/app/data/ and /config/app/cache/ root-owned instead of abc, preventing the app from writing to them.\n", PermissionDenied},
		{"a binary's path, in a pull request's words", "Fix issue with binary path inside container\n\nI was trying to deploy with the helm chart present in the repo but it was failing.\n", CommandNotFound},
		{"a database slow to start, in words", "Mysql keeps CrashLoopBackOff\nMysql takes a very long time to start, especially when restarted, and then it is killed again.\n", LivenessProbe},
		{"a Compose dependency's order, in a pull request's words", "Add depends_on: kafka to avoid crash loop on startup\n\nWait for kafka to be healthy to start the orchestrator to avoid a crash loop when kafka takes too long to start.\n", DependencyUnavailable},
		{"a pod's status Completed, then back-off, in a title", "Deployment for our catalog goes Completed -> CrashLoopBackOff\n\nThe database really has the products, so the connection is fine.\n", Completed},
		{"exit code 137 and no error in the logs, in words", "The operator container was restarting a lot with exit code 137. No errors showed up in the logs, the container just stopped working.\n", OOMKilled},
	})
	// Logs that end the way a finished task's do.
	for _, log := range []string{
		"Start building sites …\nhugo v0.126.1+extended linux/amd64 BuildDate=2024-05-15T10:42:34Z\n\n  Pages            | 48\n  Static files     | 31\n\nTotal in 412 ms\n",
		"Seeded 250 products into catalog_db\n",
	} {
		if r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": log}}); r.Category != Completed {
			t.Errorf("%q: got %s, want completed: %s", log, r.Category, r.Summary)
		}
	}
	checkNotRead(t, []notRead{
		// A process the program reaped is not the container's exit.
		{"INFO - Process psutil.Process(pid=35, status='terminated', exitcode=0) (35) terminated with exit code 0\n", Completed},
	})
	// A path's words are where, not what.
	notAbout(t, "The app crashes at start; it keeps its data in /config/app/config/settings/ on the host.\n", ConfigError, "a path's parts")
}
