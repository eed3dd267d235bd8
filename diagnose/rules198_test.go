package diagnose

import "testing"

// Rules from the misses of held-out rounds 198 to 205 (in-cluster API
// access, slow failures, sidecars, secrets managers, signals, restricted
// networks, IPv6).
func TestRules198(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a JavaScript TypeError inside a migration", "migration file \"20250602155451_fix-secret-versions.mjs\" failed\nmigration failed with error: Cannot read properties of undefined (reading 'info')\n", AppCrash, "Cannot read properties of undefined"},
		{"a listen address the host does not have", "Unable to start server: listen tcp [fd00:ec2::23]:80: bind: cannot assign requested address\n", ConfigError, "bind: cannot assign requested address"},
		{"nginx told to listen on an old node IP", "nginx: [emerg] bind() to 10.0.0.5:80 failed (99: Cannot assign requested address)\n", ConfigError, "Cannot assign requested address"},
		{"systemd not PID 1", "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n", ConfigError, "booted with systemd"},
		{"Xvfb's stale display lock", "Server is already active for display 99\nIf this server is no longer running, remove /tmp/.X99-lock\n", ConfigError, "already active for display 99"},
		{"an IPv6 listener on a kernel without IPv6", "wsd-00007-00007 2021-08-18 21:30:37.399438 [ loolwsd ] ERR  #-1 Failed to bind to: IPv6 port: 9980 (EBADF: Bad file descriptor)| net/Socket.cpp:752\n", ConfigError, "Failed to bind to: IPv6 port"},
		{"nginx's IPv6 socket refused", "nginx: [emerg] socket() [::]:80 failed (97: Address family not supported by protocol)\n", ConfigError, "Address family not supported"},
		{"Hugging Face offline without the model cached", "OSError: Cannot find an appropriate cached snapshot folder for the specified revision on the local disk and outgoing traffic has been disabled. To enable repo look-ups and downloads online, pass 'local_files_only=False' as input.\n", ConfigError, "outgoing traffic has been disabled"},
		{"Cloud Run's memory limit", "Memory limit of 512 MiB exceeded with 516 MiB used. Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits\n", OOMKilled, "Memory limit of 512 MiB exceeded"},
	})
	checkNotRead(t, []notRead{
		{"2018/09/30 14:06:45 Key kube-system/sealed-secrets-key not found, generating new 4096 bit key\n", MissingConfigObject},
		{"After the fix: 20 liveness-probe kills per pod, zero OOMKills.\n", OOMKilled},
		{"dial tcp 10.0.0.9:5432: connect: cannot assign requested address\n", ConfigError},
	})
}
