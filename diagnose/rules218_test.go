package diagnose

import "testing"

// Rules from the misses of held-out rounds 218 to 223 (game servers,
// search engines, GitOps tools, cluster networking, ingress and webhooks,
// observability back-ends).
func TestRules218(t *testing.T) {
	checkLogRules(t, []logRule{
		{"flannel without its ConfigMap's net-conf.json", "E0501 20:55:21.603770       1 main.go:127] Failed to create SubnetManager: failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory\n", MissingConfigObject, "failed to read net conf"},
		{"a refused localhost the report says is the proxy container", "Error: unable to build kong api client(s): client not ready: making HTTP request: Get \"https://localhost:8444/status\": dial tcp 127.0.0.1:8444: connect: connection refused\nIs there a way to delay the initial HTTP request to the proxy container?\n", DependencyUnavailable, "connection refused"},
	})
	checkNotRead(t, []notRead{
		{"Error: unable to build kong api client(s): client not ready: making HTTP request: Get \"https://localhost:8444/status\": dial tcp 127.0.0.1:8444: connect: connection refused\n", DependencyUnavailable},
		{"open /etc/app/config.json: no such file or directory\n", MissingConfigObject},
	})
}
