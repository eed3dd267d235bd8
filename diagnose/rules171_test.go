package diagnose

import "testing"

// Rules from the misses of held-out rounds 171 to 178 (data from another
// version, web servers, DNS, start-time settings, first deployments), each
// written for the general shape, not the report.
func TestRules171(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a Unix socket's file left by a killed instance", "nginx: [emerg] bind() to unix:/kong_prefix/worker_events.sock failed (98: Address already in use)\n", ConfigError, "worker_events.sock"},
		{"Go's listen on a stale socket file", "Error: listen unix /var/run/agent.sock: bind: address already in use\n", ConfigError, "listen unix"},
		{"a file to write in a directory that is not there", "Can't open /etc/letsencrypt/nginx/ssl/ssl-dhparams.pem for writing, No such file or directory\n", ConfigError, "for writing"},
		{"a bare EAI_AGAIN", "Postgres not reachable: EAI_AGAIN\n", DependencyUnavailable, "EAI_AGAIN"},
		{"Erlang's epmd on a name that does not resolve yet", "ERROR: epmd error for host r1-server-0.r1-nodes.rabbitmq-system: nxdomain (non-existing domain)\n", DependencyUnavailable, "nxdomain"},
		{"Flyway finding a migration below the applied ones", "Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation\nDetected resolved migration not applied to database: 4.\n", AppCrash, "Detected resolved migration not applied to database"},
		{"ECS given a secret without a key", "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: retrieved secret from Secrets Manager did not contain json key DATABASE_URL\n", MissingConfigObject, "did not contain json key"},
	})
	checkNotRead(t, []notRead{
		{"Can't open /data/out.log for writing: Permission denied\n", ConfigError},
		{"listen tcp :8080: bind: address already in use\n", ConfigError},
		{"ERROR: epmd error for host 7f3c2a9b1d4e: nxdomain (non-existing domain)\n", DependencyUnavailable},
	})
}

// Words of rounds 171 to 178: an ARM machine named as such, a secret that
// lacks a field.
func TestReportInWords171(t *testing.T) {
	checkWords(t, []wordsCase{
		{"an ARM machine", "The tutorial's deployment is not compatible with ARM architecture: the pod goes into CrashLoopBackOff on my laptop.\n", ExecFormat},
		{"a secret without the field the task reads", "Tasks fail to start when a secrets manager secret field isn't found; I had not added the new field to the secret of one environment.\n", MissingConfigObject},
	})
}
