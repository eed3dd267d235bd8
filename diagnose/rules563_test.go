package diagnose

import "testing"

// Rules from session 27's held-out rounds 563 on and textbook batches 135 on.
func TestRules563(t *testing.T) {
	checkLogRules(t, []logRule{
		{"SQLite refusing a migration's column that is already there", "lumiverse  | SQLiteError: duplicate column name: folder\n", AppCrash, "duplicate column name"},
		{"MySQL's error 1060 in a migration", "sqlalchemy.exc.OperationalError: (MySQLdb._exceptions.OperationalError) (1060, \"Duplicate column name 'confirmed'\")\n", AppCrash, "Duplicate column name"},
		{"PostgreSQL refusing an ALTER TABLE ADD of an existing column", "ERROR: column \"resource_version\" of relation \"hdb_metadata\" already exists\n", AppCrash, "already exists"},
		{"a release's code reading a column no migration added", "tududi  | SQLITE_ERROR: no such column: productivity_assistant_enabled\n", AppCrash, "no such column"},
	})
	checkNotRead(t, []notRead{
		// A controller that requeues on a Secret not there yet handles it.
		{"2025-04-08T09:13:27Z\tINFO\tdbuser\tcredentials secret not found yet, will requeue\t{\"error\": \"secrets \\\"reporting-db-credentials\\\" not found\"}\n", MissingConfigObject},
		// A table (not a column) that exists already is a schema created
		// another way before the migrations ran: state, not the release.
		{"In AbstractMySQLDriver.php line 112: SQLSTATE[42S01]: Base table or view already exists: 1050 Table 'user' already exists\n", AppCrash},
	})
}
