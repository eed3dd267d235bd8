package diagnose

import (
	"testing"
)

// Rules added for the faults of textbook batches 482 to 496 (session 46).
func TestRules760(t *testing.T) {
	checkLogRules(t, []logRule{
		{"exec format error told as what a wrong architecture would print", "Could it be an arm64 image? That'd be exec format error if it were the arch though, and node clearly runs:\n\nnode:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module 'express'\nRequire stack:\n- /app/dist/server.js\n", AppCrash, "Cannot find module 'express'"},
		{"exec format error expected if it were the architecture", "If it were the arch I'd expect exec format error, not this text.\n2024/06/11 09:14:02 [emerg] 1#1: mkdir() \"/var/cache/nginx/client_temp\" failed (30: Read-only file system)\n", PermissionDenied, "Read-only file system"},
		{"a bet on the probe taken back", "API restarting every ~30s. I bet it's the liveness probe... turns out there's no liveness probe on it, and describe shows Exit Code 1. Previous logs:\nMongooseServerSelectionError: connect ECONNREFUSED 10.96.140.22:27017\n    at _handleConnectionErrors (/app/node_modules/mongoose/lib/connection.js:825:11)\n", DependencyUnavailable, "ECONNREFUSED"},
		{"no probe on the container, a kernel OOM report", "No liveness or readiness probe on this container, and no Killing events. Log just stops in the middle of a stage.\n[Tue Jul 22 02:41:52 2025] java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=936\n[Tue Jul 22 02:41:52 2025] Memory cgroup out of memory: Killed process 2318774 (java) total-vm:9876543kB, anon-rss:6254321kB\n", OOMKilled, "oom-killer"},
		{"a commenter's question answered no", "Traceback (most recent call last):\n  File \"/app/main.py\", line 5, in <module>\n    DEFAULT_DTYPE = np.float\nAttributeError: module 'numpy' has no attribute 'float'.\n\nComment: \"is the pod running out of memory?\" — no, it dies in under a second, Last State: Error, Exit Code: 1.\n", AppCrash, "AttributeError"},
		{"a commenter's rule of thumb", "Workers restarting in a loop is usually memory, check for OOMKilled and raise the limit.\n\nNot sure, Last State is Error, exit code 1. The logs say:\n[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.43.201.88:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1606:16)\n", DependencyUnavailable, "ECONNREFUSED"},
		{"memcached's item size above half its memory", "Cannot set item size limit higher than 1/2 of memory max.\n", ConfigError, "Cannot set item size limit"},
		{"two Caddy plugins registering one module", "caddy-1  | panic: module already registered: http.handlers.rate_limit\ncaddy-1  |\ncaddy-1  | goroutine 1 [running]:\ncaddy-1  | github.com/caddyserver/caddy/v2.RegisterModule({0x2a8c9e0, 0x3f1d2c0})\n", AppCrash, "module already registered"},
		{"an nginx module whose library is missing", "2024/06/11 09:14:02 [emerg] 1#1: dlopen() \"/etc/nginx/modules/ngx_http_geoip2_module.so\" failed (libmaxminddb.so.0: cannot open shared object file: No such file or directory) in /etc/nginx/nginx.conf:5\n", AppCrash, "libmaxminddb.so.0"},
		{"an nginx module that is not there", "2024/06/11 09:14:02 [emerg] 1#1: dlopen() \"/etc/nginx/modules/ngx_http_geoip2_module.so\" failed (/etc/nginx/modules/ngx_http_geoip2_module.so: cannot open shared object file: No such file or directory) in /etc/nginx/nginx.conf:5\n", ConfigError, "dlopen()"},
		{"SQL Server's crash with its dump script's dmesg", "This program has encountered a fatal error and cannot continue running at Tue Oct 29 07:12:41 2024\nThe following diagnostic information is available:\n\n         Reason: 0x00000001\n         Signal: SIGSEGV - Segmentation fault (11)\n\nCapturing core dump and information to /var/opt/mssql/log...\ndmesg: read kernel buffer failed: Operation not permitted\nNo journal files were found.\n", Segfault, "SIGSEGV"},
		{"a commenter's advice to check for the OOM killer", "2024-01-12T03:15:02Z UTC - mysqld got signal 11 ;\nMost likely, you have hit a bug, but this error can also be caused by malfunctioning hardware.\n\nHi there, is the droplet running out of memory during the report? Check `dmesg` for the OOM killer.\n", Segfault, "got signal 11"},
		{"a Postgres without the extension the app needs", "[Nest] 7 - 08/03/2024, 6:12:01 PM ERROR [Microservices:DatabaseService] The pgvecto.rs extension is not available in this Postgres instance.\n", ConfigError, "pgvecto.rs extension"},
		{"a failure to reach what the program calls optional", "[entrypoint] ERROR: could not reach optional graphite relay graphite.infra:2003 (nc: getaddrinfo for host \"graphite.infra\" port 2003: Name or service not known), output=prometheus only\n[entrypoint] exec /usr/local/bin/statcollect\n/usr/local/bin/statcollect: error while loading shared libraries: libpq.so.5: cannot open shared object file: No such file or directory\n", AppCrash, "libpq.so.5"},
		{"a task's last word that it is done", "2024-06-11 08:14:01,017 INFO etl.main: starting run 2024-06-11\n2024-06-11 08:14:02,551 INFO etl.main: processed 1200 records, exiting\n", Completed, "processed 1200 records, exiting"},
		{"a failure named as fixed in a backquote", "Thanks, building on the amd64 runner fixed `exec format error`.\n\nRebuilt the image. Now it fails with:\n/usr/local/bin/geo-lookup: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /usr/local/bin/geo-lookup)\n", AppCrash, "GLIBC_2.34"},
		{"a numbered failure marked fixed", "1) fixed: `Error: secret \"api-settings\" not found`.\n2) I did that and now uwsgi starts and the container dies on the first request:\n!!! uWSGI process 1 got Segmentation Fault !!!\n", Segfault, "Segmentation Fault"},
		{"a round marked fixed", "Round 1: OOMKilled with 1Gi limit and default heap -> set ES_JAVA_OPTS=-Xms1g -Xmx1g and limit 2Gi. Round 1 is fixed.\n\nRound 2, after applying the fix:\nERROR: [1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\nbootstrap check failure [1] of [1]: the default discovery settings are unsuitable for production use; at least one of [discovery.seed_hosts, discovery.seed_providers, cluster.initial_master_nodes] must be configured\n", ConfigError, "bootstrap checks failed"},
		{"a title that says what it was and what it is now", "s3-archiver on EKS: was exec format error, now it can't talk to AWS\n\noperation error STS: AssumeRoleWithWebIdentity, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post \"https://sts.eu-central-1.amazonaws.com/\": dial tcp: lookup sts.eu-central-1.amazonaws.com on 172.20.0.10:53: read udp 10.0.7.12:50211->172.20.0.10:53: i/o timeout\n", DependencyUnavailable, "i/o timeout"},
		{"a guess given up in Chinese", "退出码是 127，一开始以为是 ENTRYPOINT 路径写错了、命令找不到，但二进制文件确实在。\n/usr/local/bin/api-gateway: error while loading shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory\n", AppCrash, "libssl.so.1.1"},
		{"a probe's failure event said to be missing", "There is no \"Liveness probe failed\" event in what you posted, only a readiness one.\nLast State: Terminated, Reason: OOMKilled, Exit Code: 137\n", OOMKilled, "OOMKilled"},
	})
	checkNotRead(t, []notRead{
		{"2024-06-11 08:14:02,551 ERROR etl.main: failed after 1200 records, exiting\n", Completed},
		// A program that creates what is missing.
		{"INFO:superset.security.manager:Creating missing datasource permissions.\nINFO:superset.cli.main:Init done\n", PermissionDenied},
	})
}

// A claim the recorded termination rules out gives way to the program's
// own line even when no rule knows that line (an uncaught exception).
func TestClaimRuledOutGivesWayToAnyLine(t *testing.T) {
	pod := testPod([]string{"app"}, setStatus(crashLoop("app", 1, "Error", 8)), withLiveness("app"))
	log := "If it restarts like that it's probably the liveness probe killing it while the state stores restore. Increase the\ninitial delay.\n\nNo probe events at all, and it dies about 2 seconds after start:\n14:20:32.118 [main] INFO  c.a.fraud.Main - fraud-scorer 3.0.0 starting, topology=v3\nException in thread \"main\" java.lang.NullPointerException: Cannot invoke \"java.util.List.size()\" because \"this.weights\" is null\n\tat com.acme.fraud.model.ScoreModel.<init>(ScoreModel.java:37)\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"app": log}}); r.Category != AppCrash {
		t.Errorf("got %s, want app_crash: %s", r.Category, r.Summary)
	}
}
