package diagnose

import "testing"

// Rules from the misses of held-out rounds 105 to 109 (telecom, science,
// test infrastructure, e-commerce, edge), each written for the general
// shape, not the report.
func TestRules105(t *testing.T) {
	checkLogRules(t, []logRule{
		{"fabric8's service account without access", "io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: GET at: https://kubernetes.default/api/v1/namespaces/grid/pods. Message: Forbidden!Configured service account doesn't have access. Service account may have been revoked.\n", PermissionDenied, "doesn't have access"},
		{"a variable that does not exist in the environment", "F1023 12:47:55.184364       1 util.go:82] env MY_NODE_NAME not exist\n", ConfigError, "MY_NODE_NAME not exist"},
		{"a script with Windows line endings outweighs the proxy that waits for it", "2021/08/23 16:40:52 [emerg] 1#1: host not found in upstream \"frontend\" in /etc/nginx/conf.d/default.conf:10\n/app/run.sh: line 2: $'\\r': command not found\n", CommandNotFound, "command not found"},
		{"state a previous run left: a table that already exists", "gorethink: Table `app.Jobs` already exists. in: \nr.DB(\"app\").TableCreate(\"Jobs\")\n", ConfigError, "already exists"},
		{"a log level the program rejects, with its choices", "time=\"2024-01-01T10:00:00Z\" level=fatal msg=\"invalid log level \\\"verbose\\\": must be one of trace, debug, info, warn, error, fatal, panic\"\n", ConfigError, "invalid log level"},
	})
	checkNotRead(t, []notRead{
		{"W1221 13:18:36.329434       1 cmd.go:204] Using insecure, self-signed certificates\nI1221 13:18:36.832263       1 observer_polling.go:159] Starting file observer\n", ConfigError},
		{"logger:\n  enable: true  # true or false\n  level: info  # how detailed to output, value: trace, debug, info, warn, error, fatal, panic\n", AppCrash},
		{"      --log-level string   one of: debug | info | warn | error | fatal | panic (default \"info\")\n", AppCrash},
	})
}
