package diagnose

import "testing"

// Rules added in session 51: log lines read on their own, as the bot reads
// a previous log with no reporter's words beside it.
func TestRules810(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a capability the program checks for is not set",
			"2024-05-02T10:00:00Z  ERR  Capability cap_chown is not set for the coolforkit program.| kit/ForKit.cpp:228\n2024-05-02T10:00:00Z  ERR  Capability cap_mknod is not set for the coolforkit program.| kit/ForKit.cpp:228\n",
			PermissionDenied, "Capability cap_chown is not set"},
		{"a daemon missing CAP_NET_ADMIN",
			"level=fatal msg=\"cannot configure interface wg0: missing capability CAP_NET_ADMIN\"\n",
			PermissionDenied, "missing capability CAP_NET_ADMIN"},
		{"the kernel's segfault report from dmesg",
			"[2281931.446201] stats-aggregator[418832]: segfault at 0 ip 00007f8e2b1c4a95 sp 00007ffd4c7e1b38 error 4 in libc.so.6[7f8e2b14a000+195000]\n",
			Segfault, "segfault at 0 ip"},
		{"data written by a newer release, then the program's hint as a question",
			"Can't start Nextcloud because the version of the data (31.0.9.1) is higher than the docker image version (31.0.8.1) and downgrading is not supported. Are you sure you have pulled the newest image version?\n",
			ConfigError, "is higher than the docker image version"},
		{"a generic error the program ends with a question",
			"Can't start Frobnicator because the state file's format (v7) is not one this build reads. Are you sure you have pulled the newest image version?\n",
			ConfigError, "Can't start Frobnicator because"},
		{"a node agent's check names the host package it lacks, above the failure to run it",
			"time=\"2019-01-03T13:19:29Z\" level=error msg=\"Failed environment check, please make sure you have iscsiadm/open-iscsi installed on the host\"\ntime=\"2019-01-03T13:19:29Z\" level=fatal msg=\"Error starting manager: Environment check failed: Failed to execute: nsenter [--mount=/host/proc/1004/ns/mnt --net=/host/proc/1004/ns/net iscsiadm --version], output nsenter: failed to execute iscsiadm: No such file or directory\"\n",
			ConfigError, "installed on the host"},
		{"a setting that needs a configuration key, named as its dotted path",
			"non-loopback Control UI requires gateway.controlUi.allowedOrigins (set explicit origins), or set gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback=true to use Host-header origin fallback mode\n",
			ConfigError, "requires gateway.controlUi.allowedOrigins"},
		{"an ioctl the kernel refuses, then the assertion on its result",
			"04/16 09:41:22.124: [tun] ERROR: ioctl failed. (1:Operation not permitted) (../lib/tun/tun.c:179)\n04/16 09:41:22.124: [upf] ERROR: ogs_tun_open(dev:ogstun) failed (../src/upf/gtp-path.c:276)\n04/16 09:41:22.124: [upf] FATAL: upf_gtp_open: Assertion `rv == OGS_OK' failed. (../src/upf/gtp-path.c:277)\n04/16 09:41:22.125: [core] FATAL: backtrace() returned 8 addresses (../lib/core/ogs-abort.c:37)\n",
			PermissionDenied, "ioctl failed. (1:Operation not permitted)"},
		{"Kibana Discover's rows: time, pod and container columns, then the message",
			"Jan 15, 2025 @ 09:12:40.228\tnotify-svc-54c8d7b6f9-w8m2r\tnotify\tsh: 1: exec: node: not found\nJan 15, 2025 @ 09:12:40.226\tnotify-svc-54c8d7b6f9-w8m2r\tnotify\tstarting notify-svc with NODE_ENV=production\n",
			CommandNotFound, "exec: node: not found"},
		{"a log search's CSV export, newest first",
			"Date,Host,Service,Status,Message\n\"2024-06-26T09:12:31.660Z\",\"i-04c1b2a3d4e5f6071\",\"matching-engine\",\"error\",\"Aborted (core dumped)\"\n\"2024-06-26T09:12:31.659Z\",\"i-04c1b2a3d4e5f6071\",\"matching-engine\",\"error\",\"  what():  map::at\"\n\"2024-06-26T09:12:31.659Z\",\"i-04c1b2a3d4e5f6071\",\"matching-engine\",\"error\",\"terminate called after throwing an instance of 'std::out_of_range'\"\n",
			AppCrash, "terminate called after throwing"},
		{"a program that lists the variables it needs, under Compose's prefix with blank lines",
			"web_1             | The ActiveRecord encryption feature requires that these variables are set:\nweb_1             |\nweb_1             |   - ACTIVE_RECORD_ENCRYPTION_DETERMINISTIC_KEY\nweb_1             |   - ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY\nweb_1             |\nweb_1             | Run `bin/rails db:encryption:init` to generate values and then assign the environment variables.\n",
			ConfigError, "requires that these variables are set: - ACTIVE_RECORD_ENCRYPTION_DETERMINISTIC_KEY"},
		{"a CSV export with its time unquoted and the runtime's quotes doubled",
			"Date,Status,Title,Message\n2024-06-11T16:45:03Z,error,\"Events from the Pod ingest/ingest-gateway-7d5b8c4f69-t9wkq\",\"Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"\"/opt/gateway/run.sh\"\": permission denied: unknown\"\n",
			CommandNotFound, "/opt/gateway/run.sh"},
		{"Loki's CSV export: time, line, then the stream's labels",
			"\"2024-08-14 07:30:52.120\",\"sh: 1: node: not found\",\"{container=\"\"notifier\"\",namespace=\"\"comms\"\"}\"\n",
			CommandNotFound, "sh: 1: node: not found"},
		{"Python's missing-command message alone, as Sentry shows it under the exception's name",
			"FileNotFoundError\n[Errno 2] No such file or directory: 'ffmpeg'\n",
			CommandNotFound, "No such file or directory: 'ffmpeg'"},
		{"retries that end in giving up on the dependency, under an issue form's severity",
			"### Severity\n\ncritical\n\n2025-12-11 09:02:15,611 WARNING worker: bedrock warmup attempt 1/5 failed: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many requests\n2025-12-11 09:04:01,208 ERROR worker: bedrock unavailable after 5 attempts, exiting\n",
			DependencyUnavailable, "bedrock unavailable after 5 attempts"},
	})
	checkNotRead(t, []notRead{
		// A class, a library or a host is no configuration key.
		{"thread 'main' panicked at 'this codec requires io.netty.channel.epoll.Epoll', src/codec.rs:41:9\n", ConfigError},
	})
	checkNotRead(t, []notRead{
		// The probe is named to rule it out.
		{"Liveness probe is `redis-cli ping` and it never failed per the events, it's just the kill at the limit.\n", LivenessProbe},
	})
	checkWords(t, []wordsCase{
		{"an exit-0 loop told with a hyphen, beside the entrypoint it starts",
			"After reboot: sandbox container exit-0 crash-loops (reliable)\n\n- on some reboots the container exit-0 crash-loops — entrypoint starts, exits 0 within milliseconds, `unless-stopped` restarts it, forever.\n",
			Completed},
		{"an API the program needs installed, told as what it crashes without",
			"Cilium operator crashes without TLSRoute v1alpha2 installed, even though v1 is installed.\n\nCilium requires TLSRoute v1alpha2 to be installed, and crashes when it isn't available in the cluster, even when TLSRoute v1 is installed.\n",
			ConfigError},
	})
}
