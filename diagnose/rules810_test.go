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
	})
	checkNotRead(t, []notRead{
		// A class, a library or a host is no configuration key.
		{"thread 'main' panicked at 'this codec requires io.netty.channel.epoll.Epoll', src/codec.rs:41:9\n", ConfigError},
	})
}
