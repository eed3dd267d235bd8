package diagnose

import "testing"

// Rules from the misses of held-out rounds 461 to 468 (leads, recent
// runtimes, Kubernetes and databases, Rust, Deno and Bun programs).
func TestRules461(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Kafka's stored cluster.id that is not the one it was given", "Exception in thread \"main\" java.lang.RuntimeException: Invalid cluster.id in: /var/lib/kafka/data/kafka-log0/meta.properties. Expected kQHv733NQIew9aw9uCXnDA, but read 2DLef4_8TqOVdBjzCORB1Q\n", ConfigError, "Invalid cluster.id in"},
		{"a corrupt file named as the cause, in words", "RabbitMq might end up stuck in a loop while booting due to a corrupt file in its mnesia store.\n", ConfigError, "corrupt file"},
		{"an OpenTelemetry collector given a feature gate it lacks", "2024/12/13 11:20:22 found no extra config, skip it, err: open /opt/aws/aws-otel-collector/etc/extracfg.txt: no such file or directory\nError: feature gate component.UseLocalHostAsDefaultHost is unregistered\n", ConfigError, "is unregistered"},
		{"a stable feature gate that can no longer be disabled", "Error: invalid argument \"-confmap.unifyEnvVarExpansion\" for \"--feature-gates\" flag: feature gate \"confmap.unifyEnvVarExpansion\" is stable, can not be disabled\n", ConfigError, "can not be disabled"},
		{"a chart's own check of its values, run in a pod", "+ helm upgrade --namespace traefik traefik traefik/traefik --values /config/values-01_HelmChart.yaml\nError: UPGRADE FAILED: execution error at (traefik/templates/_podtemplate.tpl:601:18): ERROR: redirectTo syntax has been removed in v34 of this Chart. See Release notes or EXAMPLES.md for new syntax.\n", ConfigError, "execution error at"},
		{"Vector's VRL program that does not compile", "error[E630]: fallible argument\n.level = downcase(to_string(parsed_json.level))\n                 ^^^^^^^^^^^^^^^^^^^^^^^^^^\n", ConfigError, "error[E630]"},
		{"V8's fatal error with no file, on 32-bit ARM", " Fatal error in , line 0\n unreachable code\n\nFailureMessage Object: 0xbe878674\n\n Fatal error in , line 0\n unreachable code\n", PermissionDenied, "Fatal error in , line 0"},
		{"NATS given a token its config cannot parse", "nats-server: variable reference for 'NATS_TOKEN' on line 3 could not be parsed:\nParse error on line 1: 'Expected a top-level value to end with a new line, comment or EOF, but got '1' instead.\n", ConfigError, "Parse error on line 1"},
		{"a wrapper exception caused by a null pointer", "Exception in thread \"main\" java.lang.reflect.InvocationTargetException\nCaused by: java.lang.NullPointerException\n    at jdk.internal.platform.cgroupv2.CgroupV2Subsystem.getInstance(Unknown Source)\n", AppCrash, "InvocationTargetException"},
		{"the program's error, then the reporter's list of steps", "Instance commands failed: Unable to run instance commands. Some workspace(s) have not completed the last workspace command for 2.3.0.\nUse --force to bypass this check (not recommended).\n4. Restart the server, which re-runs the migrations on startup.\n5. The migrate step throws the error above\n", ConfigError, "Instance commands failed"},
		{"a connection named as the cause, in words", "Orkestra pod still crashes on initialization due to connection to Chart Museum\n\n- Orkestra pod still goes into CrashLoopBackoff on start-up. Readiness probe is not helping prevent this.\n", DependencyUnavailable, "due to connection to Chart Museum"},
		{"an entrypoint's chmod refused, then the server's own error", "chmod: changing permissions of '/var/run/postgresql': Operation not permitted\n\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\npostgres: could not access the server configuration file \"/bitnami/postgresql/data/postgresql.conf\": No such file or directory\n", ConfigError, "postgresql.conf"},
		{"a chmod refused and nothing else", "chmod: changing permissions of '/data': Operation not permitted\n", PermissionDenied, "changing permissions of '/data'"},
		{"Next.js on a Node.js too old", "You are using Node.js 18.20.8. For Next.js, Node.js version \">=20.9.0\" is required.\n", AppCrash, "is required"},
		{"Prisma on a Node.js too old", "Error: Prisma 7 requires Node.js >= 20.19.0\n", AppCrash, "requires Node.js"},
		{"Prisma's install step on a Node.js too old", ".../node_modules/prisma preinstall: │    Prisma only supports Node.js versions 20.19+, 22.12+, 24.0+.    │\n.../node_modules/prisma preinstall: │    Please upgrade your Node.js version.                            │\n.../node_modules/prisma preinstall: Failed\nELIFECYCLE Command failed with exit code 1.\n", AppCrash, "only supports Node.js versions"},
		{"a name that does not resolve, in icloudpd's words", "2025-01-02 10:00:00 ERROR    Cannot find icloud.com.cn IP address. Please check your DNS/Firewall settings. DNS server must be available using TCP port 53 - exiting\n", DependencyUnavailable, "Cannot find icloud.com.cn IP address"},
		{"a start script reading cgroup v1's memory limit on a v2 host", "cat: /sys/fs/cgroup/memory/memory.limit_in_bytes: No such file or directory\n/opt/start.sh: line 12: [: -gt: unary operator expected\n", AppCrash, "memory.limit_in_bytes"},
		{"s6's wait refused under an old libseccomp2", "2021-09-05T08:07:41.445250199Z s6-svscan: warning: unable to iopause: Operation not permitted\n2021-09-05T08:07:41.446833654Z s6-svscan: warning: executing into .s6-svscan/crash\n2021-09-05T08:07:41.446893839Z s6-svscan: fatal: unable to exec .s6-svscan/crash: No such file or directory\n", PermissionDenied, "unable to iopause"},
		{"a kubelet without its serving certificate", "2025/05/02 10:11:12 E! cannot get pod from kubelet: Get \"https://10.0.1.5:10250/pods\": remote error: tls: internal error\nhttp: TLS handshake error from <host-ip>:46396: no serving certificate available for the kubelet\n", DependencyUnavailable, "no serving certificate available"},
		{"Datadog's agent without its API key", "[cont-init.d] 01-check-apikey.sh: executing...\n\n==================================================================================\nYou must set an DD_API_KEY environment variable to run the Datadog Agent container\n==================================================================================\n\n[cont-init.d] 01-check-apikey.sh: exited 1.\n", ConfigError, "You must set an DD_API_KEY"},
		{"Node listening on a Service's injected address", "Error: bind EACCES tcp://10.109.210.16:8000\n    at listenOnPrimaryHandle (node:net:2031:18)\n", ConfigError, "bind EACCES tcp://"},
		{"Python opening cgroup v1's memory file on a v2 host", "    with open(\"/sys/fs/cgroup/memory/memory.limit_in_bytes\") as f:\nFileNotFoundError: [Errno 2] No such file or directory: '/sys/fs/cgroup/memory/memory.limit_in_bytes'\n", AppCrash, "memory.limit_in_bytes"},
		{"a start script reading cgroup v1's CPU quota on a v2 host", "edge-proxy-1  | cat: /sys/fs/cgroup/cpu/cpu.cfs_quota_us: No such file or directory\n", AppCrash, "cpu.cfs_quota_us"},
		{"pip's Python too old for the package", "ERROR: Package 'scoring-worker' requires a different Python: 3.8.18 not in '>=3.10'\n", AppCrash, "requires a different Python"},
		{"Go's toolchain older than go.mod asks", "go: go.mod requires go >= 1.23.0 (running go 1.22.7; GOTOOLCHAIN=local)\n", AppCrash, "go.mod requires go"},
		{"Yarn 4 on a Node.js too old", "Usage Error: This tool requires a Node version compatible with >=18.12.0 (got 16.20.2). Upgrade Node, or set `YARN_IGNORE_NODE=1` in your environment.\n", AppCrash, "requires a Node version compatible"},
		{"a crash after a refused chown", "chown: changing ownership of '/srv/app/data': Operation not permitted\nTraceback (most recent call last):\n  File \"/srv/app/main.py\", line 9, in <module>\n    run(debug=True)\nTypeError: run() got an unexpected keyword argument 'debug'\n", AppCrash, "TypeError"},
	})
	checkWords(t, []wordsCase{
		{"a chown the entrypoint cannot do under runAsNonRoot, in words", "The new non-root replica CrashLooped because the image entrypoint runs `chown /app` + copies a template config into /data, all impossible under `runAsNonRoot` + `readOnlyRootFilesystem`.\n", PermissionDenied},
		{"a config file's mode in an issue title", "[BUG] gateway.yaml: permission 0600 causes infinite restart loop with misleading error + state-file data loss\n", PermissionDenied},
	})
	checkNotRead(t, []notRead{
		// A cause ends with its sentence: the next one names the product
		// itself crash looping, not a dependency down.
		{"This is a problem when rebinding old volumes because they already have a cluster.id stored in meta.properties. In this case, Kafka pods start crash looping with the following error:\n", DependencyUnavailable},
		// RabbitMQ's start-up summary is the program's, not words about a tty.
		{"  ##########  Logs: tty\nnode           : rabbit@8dc392bfeba9\nlog            : tty\nsasl log       : tty\n", Completed},
		// Helm's own wait running out is still not the cause.
		{"Error: UPGRADE FAILED: timed out waiting for the condition\n", ConfigError},
		{"the feature gate docs were unclear\n", ConfigError},
		// A wrapper over a setting's error is still that setting's.
		{"Exception in thread \"main\" java.lang.reflect.InvocationTargetException\nCaused by: java.lang.IllegalStateException: no value for app.url\n", AppCrash},
		{"It crashes due to connection string typo in the config\n", DependencyUnavailable},
		{"npm notice: Node.js 18.20.8 is what this image runs\n", AppCrash},
		{"cat: /etc/app/config.yaml: No such file or directory\n", AppCrash},
	})
}
