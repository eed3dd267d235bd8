package diagnose

import "testing"

// logRules10 are logs for the rules added after the corpus' round 9: the
// shapes of questions as they are asked (one message whose second line
// says where it connects).
var logRules10 = []logRule{
	{"postgres names localhost on the line after the refusal",
		"django.db.utils.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host \"localhost\" (127.0.0.1) and accepting\n\tTCP/IP connections on port 5432?\n",
		ConfigError, "could not connect to server"},
	{"psycopg names the socket host on the line after",
		"psycopg2.OperationalError: connection to server at \"localhost\" (::1), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n",
		ConfigError, "Connection refused"},
	{"a remote host on the next line stays a dependency",
		"django.db.utils.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host \"postgres.db.svc\" (10.0.0.7) and accepting\n\tTCP/IP connections on port 5432?\n",
		DependencyUnavailable, "could not connect to server"},
	{"localhost far below the error is another matter",
		"Error: connect ECONNREFUSED 10.0.0.9:6379\nline two\nline three\nline four\nlistening on http://localhost:3000\n",
		DependencyUnavailable, "ECONNREFUSED 10.0.0.9:6379"},
}

func TestScanLogRules10(t *testing.T) { checkLogRules(t, logRules10) }

// causeClauseRules are sentences that say why the container crashed in
// words no program pattern knows: the clause that gives the cause names
// its kind.
var causeClauseRules = []logRule{
	{"dependency, after turned out", "It turned out the database was not reachable from the cluster, so the app kept restarting.\n", DependencyUnavailable, "database was not reachable"},
	{"dependency, root cause", "The root cause was that CoreDNS was not resolving external names.\n", DependencyUnavailable, "not resolving"},
	{"dependency, not up yet", "The API crashed because Postgres was not ready yet when it started.\n", DependencyUnavailable, "not ready yet"},
	{"permission, that's why", "The container runs as a user that cannot write to /data, that's why it crashes.\n", PermissionDenied, "cannot write"},
	{"permission, caused by", "This was caused by the fsGroup missing from the securityContext.\n", PermissionDenied, "fsGroup"},
	{"missing object, so the pod", "The secret was not created in the namespace, so the pod could not start.\n", MissingConfigObject, "secret was not created"},
	{"missing object, because", "It crashed because the configmap did not exist in the new namespace.\n", MissingConfigObject, "configmap did not exist"},
	{"command, because", "It keeps restarting because the entrypoint script was not executable in the image.\n", CommandNotFound, "entrypoint script"},
	{"command, line endings", "The problem was Windows line endings in start.sh.\n", CommandNotFound, "line endings"},
	{"port, because", "The sidecar crashed because the same port was used by the app container.\n", PortConflict, "same port"},
	{"memory, turns out", "Turns out the memory limit was too low for the indexer.\n", OOMKilled, "memory limit"},
	{"probe, the issue was", "The issue was the liveness probe, which fired before the migrations finished.\n", LivenessProbe, "liveness probe"},
	{"config, because", "The pod crashes because the config file has a wrong value for the listen address.\n", ConfigError, "config file"},
	{"config, which is why", "I had a typo in the DATABASE_HOST variable, which is why it failed.\n", ConfigError, "typo"},
}

func TestScanLogCauseClauses(t *testing.T) { checkLogRules(t, causeClauseRules) }

// Sentences that wonder, program lines that give a reason, and the part of
// a sentence that is not its cause are not read as causes.
func TestScanLogCauseClausesNegatives(t *testing.T) {
	checkNotRead(t, []notRead{
		{"I wonder if it is because of the memory limit?\n", OOMKilled},
		{"Maybe it crashes because the database is not reachable.\n", DependencyUnavailable},
		{"Is it because the configmap does not exist?\n", MissingConfigObject},
		{"2024-01-01 10:00:00 [Note] upgrade skipped due to $AUTO_UPGRADE setting\n", ConfigError},
		{"mysqld: Cannot create redo log files because data files are corrupt\n", PermissionDenied},
		{"The permissions look fine and it still restarts because of something else.\n", PermissionDenied},
		{"We raised the memory limit and it still crashes because the app exits.\n", OOMKilled},
	})
}

// TestCauseClausesYieldToStatus checks that a sentence giving a cause does
// not outweigh a live pod's recorded termination: an OOMKilled container
// stays an OOM kill, a clean exit stays finished.
func TestCauseClausesYieldToStatus(t *testing.T) {
	oom := testPod([]string{"api"}, setStatus(crashLoop("api", 137, "OOMKilled", 6)))
	done := testPod([]string{"api"}, setStatus(crashLoop("api", 0, "Completed", 6)))
	for _, rule := range causeClauseRules {
		if r := Diagnose(Input{Pod: oom, Now: now, Logs: map[string]string{"api": rule.log}}); r.Category != OOMKilled {
			t.Errorf("OOMKilled with %q: got %s: %s", rule.log, r.Category, r.Summary)
		}
		if rule.cat == Completed {
			continue
		}
		if r := Diagnose(Input{Pod: done, Now: now, Logs: map[string]string{"api": rule.log}}); r.Category != Completed {
			t.Errorf("exit 0 Completed with %q: got %s: %s", rule.log, r.Category, r.Summary)
		}
	}
}

// A reload or change given as the reason is no bad setting, and a
// structured record is a program's line.
func TestScanLogCauseClausesNotReloads(t *testing.T) {
	checkNotRead(t, []notRead{
		{"The worker restarted due to a configmap change.\n", ConfigError},
		{"Pods restart because the config was updated by the operator.\n", ConfigError},
		{`level=info msg="restarting because the database is not reachable"` + "\n", DependencyUnavailable},
	})
}
