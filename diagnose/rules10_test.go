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
