package diagnose

import (
	"testing"
)

// Rules added for the faults of textbook batches 513 to 520 (session 47).
func TestRules787(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a wait loop's bare last word", "waiting for shop-mysql:3306 (59)\nwaiting for shop-mysql:3306 (60)\ngave up\n", DependencyUnavailable, "gave up waiting for shop-mysql:3306"},
		{"a question amid the reporter's sentences", "invoice-worker keeps restarting, 23 restarts overnight. I can't run kubectl from this laptop (the jump proxy only lets OpenLens through) so here is what the pod detail panel shows, copied by hand. Is the liveness probe too aggressive? It has a 60s delay which seemed fine on staging.\n                    reason: OOMKilled\n                    exitCode: 137\n", OOMKilled, "OOMKilled"},
		{"a chatbot's answer after its name", "Copilot: \"Exit code 1 right after 'uncaught' usually means the Node native MongoDB driver crashed (segfault in the bson-ext native addon). Remove bson-ext.\"\n\nWe don't have bson-ext. Output:\nMongoServerSelectionError: connect ECONNREFUSED 10.244.5.31:27017\n    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:285:38)\n", DependencyUnavailable, "ECONNREFUSED"},
		{"a runbook's rule quoted", "Runbook \"controller restarting\": \"Controllers usually restart because of OOM when the cluster grows. Double the memory limit.\"\n\nDoubled it. Still restarting. The last run:\nF0411 09:13:05.555900       1 main.go:112] failed to reach API server after 2 attempts: dial tcp 10.96.0.1:443: i/o timeout\n", DependencyUnavailable, "i/o timeout"},
		{"a teammate's guess told", ".NET 8 service on swarm exits with 134 and swarm restarts it. Someone on our team says 134 is an out-of-memory abort.\nUnhandled exception. System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n", AppCrash, "Sequence contains no elements"},
		{"a Swarm config that does not exist", "failed to create service edge_proxy: Error response from daemon: rpc error: code = InvalidArgument desc = config caddyfile_v3 not found\n", MissingConfigObject, "caddyfile_v3"},
		{"Windows' HNS finding the port taken", "docker: Error response from daemon: failed to create endpoint sf on network nat: HNS failed with error : The process cannot access the file because it is being used by another process.\n", PortConflict, "HNS failed"},
		{"Windows refusing a bind in a reserved range", "time=\"2024-03-17T08:12:40Z\" level=fatal msg=\"metrics listener failed\" error=\"listen tcp 0.0.0.0:9216: bind: An attempt was made to access a socket in a way forbidden by its access permissions.\"\n", PortConflict, "forbidden by its access permissions"},
		{"a task's last word that all of it is done", "2024-07-02T02:14:09Z INFO all reports done, exiting\nExit code is 0 every time. A colleague suggests bumping memory because \"it's probably getting OOM killed after the upload\". ???\n", Completed, "all reports done, exiting"},
		{"a failure told as the echo of the cause", "2024-05-02 10:14:07 UTC | CORE | ERROR | (pkg/config/setup/config.go:812 in LoadDatadog) | No API key configured, exiting\nThe trace-agent and process-agent look fine-ish. Our app pods also log \"connection refused\" to :8126 because of it.\n", ConfigError, "No API key configured"},
		{"what the reporter would expect if it were a permission", "{\"level\":\"info\",\"msg\":\"list complete\",\"count\":0}\npanic: runtime error: index out of range [0] with length 0\n\ngoroutine 1 [running]:\nmain.latest(...)\n\t/src/main.go:142\nmain.go:142 is `sort.Slice(objs, ...); return objs[0]`. Do I need s3:ListBucket on the prefix? I'd expect AccessDenied then though, not a panic.\n", AppCrash, "index out of range"},
		{".NET Framework's unknown config section", "Unhandled Exception: System.Configuration.ConfigurationErrorsException: Configuration system failed to initialize ---> System.Configuration.ConfigurationErrorsException: Unrecognized configuration section retryPolicy. (C:\\svc\\OrderSync.exe.Config line 14)\n", ConfigError, "Unrecognized configuration section retryPolicy"},
		{"a registry key the container's user may not open", "Unhandled Exception: System.Security.SecurityException: Requested registry access is not allowed.\n   at Microsoft.Win32.RegistryKey.OpenSubKey(String name, Boolean writable)\n", PermissionDenied, "Requested registry access"},
	})
	checkNotRead(t, []notRead{
		// The reporter's question names no failure of a program's.
		{"rendered 4 files\n\nThe files are in /config and the app works. So why does k8s say it failed?\n", ConfigError},
		// A wait that went on to succeed gave up on nothing.
		{"waiting for db:5432 (3)\ndb:5432 is up\n", DependencyUnavailable},
		// A colleague's account of what they did is no guess of a cause.
		{"A colleague restarted the node yesterday.\n", OOMKilled},
	})
}
