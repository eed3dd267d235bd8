package diagnose

import "testing"

// Rules from the misses of held-out rounds 488 to 495 (leads, reports
// with little evidence, Helm values, PHP and Ruby apps).
func TestRules488(t *testing.T) {
	checkLogRules(t, []logRule{
		{"s6-supervise's timeouts that cannot happen, under an old libseccomp2", "s6-supervise avahi: warning: can't happen: timeout while the service is up!\ns6-supervise dbus: warning: can't happen: timeout while the service is up!\ns6-supervise smbd: warning: can't happen: timeout while the service is up!\n", PermissionDenied, "can't happen: timeout while the service is up"},
		{"a probe's kill, then a child process reaped with exit code 0", "[2022-12-05T03:31:42.219+0000] {scheduler_job.py:172} INFO - Exiting gracefully upon receiving signal 15\n[2022-12-05T03:31:43.436+0000] {process_utils.py:79} INFO - Process psutil.Process(pid=35, status='terminated', exitcode=0, started='03:26:53') (35) terminated with exit code 0\nLiveness probe failed: No alive jobs found.\n", LivenessProbe, "Liveness probe failed"},
	})
	checkWords(t, []wordsCase{
		{"directories an update left owned by root, under linuxserver's /config", "After a container update, the app enters a crash loop and never comes up.\nThe new image creates /config/app/config/, /config/app/data/ and /config/app/cache/ root-owned instead of abc, preventing the app from writing to them.\n", PermissionDenied},
		{"a binary's path, in a pull request's words", "Fix issue with binary path inside container\n\nI was trying to deploy with the helm chart present in the repo but it was failing.\n", CommandNotFound},
		{"exit code 137 and no error in the logs, in words", "The operator container was restarting a lot with exit code 137. No errors showed up in the logs, the container just stopped working.\n", OOMKilled},
	})
	checkNotRead(t, []notRead{
		// A process the program reaped is not the container's exit.
		{"INFO - Process psutil.Process(pid=35, status='terminated', exitcode=0) (35) terminated with exit code 0\n", Completed},
	})
	// A path's words are where, not what.
	notAbout(t, "The app crashes at start; it keeps its data in /config/app/config/settings/ on the host.\n", ConfigError, "a path's parts")
}
