package diagnose

import "testing"

// Rules added in session 52 for the misses of held-out rounds 741-745.
func TestRules820(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a script refused with the shell's name left off",
			"`/app/entry.sh: Permission denied`\n",
			CommandNotFound, "/app/entry.sh: Permission denied"},
		{"an entrypoint without its executable bit, alone on its line",
			"/docker-entrypoint.sh: Permission denied\n",
			CommandNotFound, "docker-entrypoint.sh"},
		{"MongoDB 8's refusal of a kernel it has a bug with",
			"MongoDB cannot start: Linux kernel versions 6.19 and newer has a known incompatibility with this version of MongoDB. See https://jira.mongodb.org/browse/SERVER-121912 for more information.\n",
			AppCrash, "known incompatibility"},
		{"the same refusal wrapped in two lines",
			"MongoDB cannot start: Linux kernel versions 6.19 and newer has a known incompatibility\nwith this version of MongoDB. See https://jira.mongodb.org/browse/SERVER-121912\n",
			AppCrash, "known incompatibility"},
		{"Hugging Face's 403 for a gated model",
			"(APIServer pid=1) requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json\n",
			ConfigError, "huggingface.co"},
		{"the containers' names beside mount and overwrite are no volume hiding files",
			"the containers mount-cgroup, apply-sysctl-overwrites, install-cni-binaries crashed until we set the pod's securityContext.privileged to true. Can't bootstrap cilium-agent due to mount-cgroup permission denied\n",
			PermissionDenied, "permission denied"},
		{"a volume that does hide the image's files",
			"the bind mount hides the image's node_modules\n",
			ConfigError, "hides the image's node_modules"},
		{"the reporter's sentence about permissions just above the program's gated-model error",
			"we can't get Llama-3.1-8B-Instruct without permissions\n\npod llama-predictor crashlooping with\n(APIServer pid=1) requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json\n",
			ConfigError, "huggingface.co"},
		{"a program's refusal just above the config error it causes",
			"[#] ip link add wg0 type wireguard\nRTNETLINK answers: Operation not permitted\nUnable to access interface: Protocol not supported\n[#] ip link delete dev wg0\nCannot find device \"wg0\"\n",
			PermissionDenied, "Operation not permitted"},
		{"a native extension built against another torch (a venv's path is no environment variable)",
			"ImportError: /opt/venv/lib/python3.11/site-packages/vllm/_C.abi3.so: undefined symbol: _ZN3c104cuda9SetDeviceEi\n",
			AppCrash, "undefined symbol"},
		{"Cloud Run's report of a segmentation fault",
			"2024-04-16 09:33:21.902 UTC  Uncaught signal: 11, pid=1, tid=14, fault_addr=0.\n2024-04-16 09:33:21.905 UTC  Container terminated on signal 11.\n",
			Segfault, "Uncaught signal: 11"},
		{"Fly.io's init refused the command it was to spawn",
			"2024-02-14T20:31:08Z app[148e272b645e89] cdg [info] ERROR Error: failed to spawn command: /app/bin/server: Permission denied (os error 13)\n",
			CommandNotFound, "failed to spawn command"},
		{"Azure Key Vault without the secret a Container App references",
			"Error: unable to fetch secret 'servicebus-connection' using Managed identity 'system': SecretNotFound: A secret with (name/id) servicebus-conn was not found in this key vault.\n",
			MissingConfigObject, "SecretNotFound"},
		{"a Hugging Face proxy's 502 is a dependency's failure, not a bad value",
			"huggingface_hub.errors.HfHubHTTPError: 502 Server Error: Bad Gateway for url: https://artifactory.corp.acme.com/artifactory/api/huggingfaceml/hf-remote/microsoft/Phi-3-mini-4k-instruct/resolve/main/config.json\n",
			DependencyUnavailable, "502 Server Error"},
	})
	checkNotRead(t, []notRead{
		// A file a program writes, refused with a level in front: the
		// program's own refusal, not a shell's.
		{"2024-01-01 ERROR /data/dump.log: Permission denied\n", CommandNotFound},
	})
	checkWords(t, []wordsCase{
		{"\"Seg Fault\" in a title outweighs SELinux said to be off",
			"Seg Fault in bg_mon module on RHEL 9.4\nWe're seeing repeated segmentation faults in the bg_mon sub module, causing postgres to get stuck in a recovery loop.\n- SELinux was disabled on the host\n",
			Segfault},
		{"a one-shot entrypoint the asker would run as a CronJob",
			"Kubernetes CronJob instead of Deployment?\nIf I'm understanding the entrypoint (`run.sh`) correctly, it just runs the once then exists.\nI suppose Kubernetes will continually restart it, but with an exponential backoff?\n",
			Completed},
		{"a program's own DNS proxy is no name server that is down",
			"v1.18.8 regression: agent panics on startup due to DNS proxy / cni-deletion-queue deadlock\n",
			AppCrash},
	})
}
