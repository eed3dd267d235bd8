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
	})
	checkWords(t, []wordsCase{
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
	})
}
