package diagnose

import "testing"

// Rules added in session 53 for the misses of held-out rounds 749-756 and
// textbook batches 575-577.
func TestRules830(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a Secret named without the API's quotes",
			"Disabling redis auth - still results in \"Secret argocd-redis not found\" error\n",
			MissingConfigObject, "Secret argocd-redis not found"},
		{"a port another process is bound to, told in words",
			"With the switch to controller-runtime the speakers are now unable to start up if another process is bound to port 8080.\n",
			PortConflict, "another process is bound to port 8080"},
		{"a port in use without \"is\"",
			"Speaker fails to start if port 8080 in use\n",
			PortConflict, "port 8080 in use"},
		{"a program that fails to start without internet access",
			"grafana fails to start if it doesn't have access to internet\n",
			DependencyUnavailable, "access to internet"},
		{"a crash loop on signal 11 in a title",
			"Clickhouse server crashloop on signal 11\n",
			Segfault, "signal 11"},
		{"ClickHouse's fatal stack frames without the signal line",
			"2023.08.08 05:58:02.281925 [ 338 ] {} <Fatal> BaseDaemon: 11. DB::MergeTreeBackgroundExecutor<DB::DynamicRuntimeQueue>::routine(std::shared_ptr<DB::TaskRuntimeData>) @ 0x0000000014d990ee in /usr/bin/clickhouse\n2023.08.08 05:58:02.281936 [ 338 ] {} <Fatal> BaseDaemon: 12. DB::MergeTreeBackgroundExecutor<DB::DynamicRuntimeQueue>::threadFunction() @ 0x0000000014d99d7a in /usr/bin/clickhouse\n",
			AppCrash, "BaseDaemon"},
		{"Rails's stale server.pid under a guess that a probe killed the first instance",
			"When puma crashes the container is being restarted, likely due to the liveness probe failing. On restart puma does not boot up properly due to the (pre)existance of the server.pid as can be seen in the logs:\n=> Booting Puma\nA server is already running. Check /app/tmp/pids/server.pid.\nExiting\n",
			ConfigError, "A server is already running"},
		{"a refused localhost when the report rules out a sidecar in Chinese",
			"（pod 里只有这一个容器，没有 redis sidecar）\nCaused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:6379\n",
			ConfigError, "localhost/127.0.0.1:6379"},
		{"a port another program is using, told with its protocol",
			"For KNI environments, the 8080/tcp port is being used by coredns hence the csi-rbdplugin ds cannot start.\n",
			PortConflict, "8080/tcp port is being used by coredns"},
		{"coreutils env refusing the image's own shebang",
			"/usr/bin/env: only ${VARNAME} expansion is supported, error at: ${NO\n",
			AppCrash, "only ${VARNAME} expansion is supported"},
		{"flannel without the vxlan module, on a Raspberry Pi (no other CPU)",
			"Unable to get flannel working : \"Error Registering network: operation not supported\"\n  * 4 Raspberry Pi 4 x 8G\n",
			ConfigError, "Error Registering network: operation not supported"},
	})
	checkNotRead(t, []notRead{
		// A word after "secret", not a Secret's name (names have a hyphen
		// or a dot).
		{"vault: secret engine not found at path kv/\n", MissingConfigObject},
		// A failure the reporter says the pod was stuck on before.
		{"The root password secret exists now (the pod was stuck on \"secret mysql-root not found\" before). Now it's CrashLoopBackOff:\n", MissingConfigObject},
		// A live sidecar still makes a refused localhost the sidecar's.
		{"the redis sidecar crashed\nConnection refused: localhost/127.0.0.1:6379\n", ConfigError},
	})
	checkWords(t, []wordsCase{
		{"an \"Apple M1\" in a title",
			"Bookinfo Reviews Pods Crash on Apple M1\nSetting istio injection on namespace: OK\n",
			ExecFormat},
		{"an image tag pinned back to the release before",
			"Upgrading from v1.6.0 broke driver\nWhen it came up, it pulled a new version of the csi-driver image.\nOverriding the image tag in the helm chart with v1.6.0 fixed the problem.\n",
			AppCrash},
		{"a startup script's syntax error told in Chinese",
			"部署后nacos-server容器无限重启，日志显示docker-startup.sh语法报错\n",
			AppCrash},
	})
}
