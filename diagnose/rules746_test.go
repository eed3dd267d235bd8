package diagnose

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 402 to 425 (session 43):
// supervisors that hide their program's failure, and more wordings.
func TestRules746(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Django's backend without its driver", "django.core.exceptions.ImproperlyConfigured: Error loading psycopg2 or psycopg module\n", AppCrash, "psycopg"},
		{"runit's run script without its executable bit", "runsv nginx: fatal: unable to start ./run: access denied\nrunsv nginx: fatal: unable to start ./run: access denied\n", CommandNotFound, "unable to start ./run"},
		{"Laravel's unwritable cache directory", "   Exception\n\n  The /var/www/html/bootstrap/cache directory must be present and writable.\n\n  at vendor/laravel/framework/src/Illuminate/Foundation/PackageManifest.php:179\n", PermissionDenied, "must be present and writable"},
		{"Nextcloud on a newer PHP", "This version of Nextcloud is not compatible with PHP>=8.4.<br/>You are currently running 8.4.5.\n", AppCrash, "not compatible with PHP"},
		{"a PHP extension the image lacks", "\n   ERROR  The Swoole extension is missing.\n\n", AppCrash, "Swoole extension"},
		{"PyTorch's DataLoader out of shared memory", "ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).\nRuntimeError: DataLoader worker (pid 187) is killed by signal: Bus error. It is possible that dataloader's workers are out of shared memory. Please try to raise your shared memory limit.\n", ConfigError, "shared memory"},
		{"Accelerate's port taken", "ConnectionError: Tried to launch distributed communication on port `29500`, but another process is utilizing it. Please specify a different port (such as using the `--main_process_port` flag or specifying a different `main_process_port` in your config file) and rerun your script.\n", PortConflict, "utilizing it"},
		{"torchvision built for another CUDA", "RuntimeError: Detected that PyTorch and torchvision were compiled with different CUDA major versions. PyTorch has CUDA Version=12.1 and torchvision has CUDA Version=11.8. Please reinstall the torchvision that matches your PyTorch install.\n", AppCrash, "different CUDA major versions"},
		{"DeepSpeed's launcher missing", "RuntimeError: launcher 'pdsh' not installed.\n", CommandNotFound, "pdsh"},
		{"OpenMPI without ssh", "--------------------------------------------------------------------------\nThe value of the MCA parameter \"plm_rsh_agent\" was set to a path\nthat could not be found:\n\n  plm_rsh_agent: ssh : rsh\n", CommandNotFound, "plm_rsh_agent"},
		{"supervisord's INFO line of a child killed by a signal", "2025-03-18 16:40:03,771 INFO supervisord started with pid 1\n2025-03-18 16:40:04,776 INFO spawned: 'ocr' with pid 8\n2025-03-18 16:40:07,412 INFO exited: ocr (terminated by SIGSEGV (core dumped); not expected)\n2025-03-18 16:40:12,905 INFO gave up: ocr entered FATAL state, too many start retries too quickly\n", Segfault, "SIGSEGV"},
	})
}

// A supervisor that stops itself after the program it runs failed exits 0:
// the program's failure decides, not the 0.
func TestSupervisorExitZero746(t *testing.T) {
	for _, tc := range []struct {
		log  string
		want Category
	}{
		{"*** Running /opt/worker/bin/pdf-worker...\nFatal Python error: Segmentation fault\n\nCurrent thread 0x00007f9e51a6b740 (most recent call first):\n  File \"/opt/worker/pdfworker/render.py\", line 77 in render_page\n*** /opt/worker/bin/pdf-worker exited with status 0.\n*** Shutting down runit daemon (PID 14)...\n", Segfault},
		{"07:45:02 imageworker.1 | started with pid 21\n07:45:15 imageworker.1 | Segmentation fault (core dumped)\n07:45:15 imageworker.1 | terminated by SIGSEGV\n07:45:15 system        | sending SIGTERM to all processes\n07:45:15 web.1         | terminated by SIGTERM\n", Segfault},
		{"2025-03-19 13:20:12,018 INFO spawnerr: can't find command 'uwsgi'\n2025-03-19 13:20:18,031 INFO gave up: app entered FATAL state, too many start retries too quickly\n2025-03-19 13:20:18,040 WARN received SIGQUIT indicating exit request\n2025-03-19 13:20:18,250 INFO stopped: nginx (exit status 0)\n", CommandNotFound},
	} {
		st := completedLoop("worker", 9)
		pod := testPod([]string{"worker"}, setStatus(st))
		if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"worker": tc.log}}); r.Category != tc.want {
			t.Errorf("got %s, want %s: %s", r.Category, tc.want, r.Summary)
		}
	}
}

// A supervisor whose program never started runs on until the liveness
// probe kills it: the program's failure, not the probe.
func TestSupervisorProgramNeverStarted746(t *testing.T) {
	st := crashLoop("app", 137, "Error", 7)
	pod := testPod([]string{"app"}, setStatus(st), withLiveness("app"))
	log := "2025-03-27 10:02:42,313 INFO spawnerr: unknown error making dispatchers for 'app': EROFS\n2025-03-27 10:02:48,328 INFO gave up: app entered FATAL state, too many start retries too quickly\n"
	in := Input{Pod: pod, Now: now, Logs: map[string]string{"app": log},
		Events: []corev1.Event{event("Killing", "app", "Container app failed liveness probe, will be restarted", time.Minute, 7)}}
	if r := Diagnose(in); r.Category != PermissionDenied {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// A CreateContainerConfigError is explained by the events the kubelet
// still emits, not by one last seen before the reporter mended it.
func TestCurrentConfigEvents746(t *testing.T) {
	st := corev1.ContainerStatus{Name: "grafana", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CreateContainerConfigError"}}}
	pod := testPod([]string{"grafana"}, setStatus(st))
	in := Input{Pod: pod, Now: now, Events: []corev1.Event{
		event("Failed", "grafana", "Error: container has runAsNonRoot and image will run as root (pod: \"grafana-7d5c8b9f6-xp4lm_observability(1)\", container: grafana)", 8*time.Second, 41),
		event("Failed", "grafana", "Error: configmap \"grafana-ini\" not found", 12*time.Minute, 8),
	}}
	if r := Diagnose(in); r.Category != PermissionDenied {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}
