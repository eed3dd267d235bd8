package diagnose

import "testing"

// Rules from session 28's held-out rounds 573 on and textbook batches 145 on.
func TestRules573(t *testing.T) {
	checkLogRules(t, []logRule{
		{"rake's cause under the migration wrapper, on the line below a bare Caused by:", "bin/rails aborted!\nStandardError: An error has occurred, this and all later migrations canceled: (StandardError)\n\nundefined method `add_colum' for an instance of AddGiftWrapToOrders\n\nCaused by:\nNoMethodError: undefined method `add_colum' for an instance of AddGiftWrapToOrders (NoMethodError)\n/app/db/migrate/20250929141203_add_gift_wrap_to_orders.rb:3:in `change'\n", AppCrash, "migrations canceled"},
		{"Laravel's console naming the controller that does not parse", "   ParseError\n\n  syntax error, unexpected token \"}\", expecting \";\"\n\n  at app/Http/Controllers/LeaveRequestController.php:88\n     84▕             ->where('status', LeaveStatus::Pending)\n", AppCrash, "LeaveRequestController.php:88"},
		{"the dotnet host without the entry assembly", "The command could not be loaded, possibly because:\n  * You intended to execute a .NET application:\n      The application 'Contoso.Api.dll' does not exist.\n  * You intended to execute a .NET SDK command:\n      No .NET SDKs were found.\n", CommandNotFound, "The application 'Contoso.Api.dll' does not exist"},
		{"Django's ENGINE naming no backend, under the ModuleNotFoundError of that name", "[2025-06-17 07:12:43 +0000] [7] [ERROR] Exception in worker process\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/django/db/utils.py\", line 113, in load_backend\n    return import_module(\"%s.base\" % backend_name)\nModuleNotFoundError: No module named 'django.db.backends.postgres'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/django/db/utils.py\", line 126, in load_backend\n    raise ImproperlyConfigured(\ndjango.core.exceptions.ImproperlyConfigured: 'django.db.backends.postgres' isn't an available database backend or couldn't be imported. Check the above exception.\n", ConfigError, "isn't an available database backend"},
		{"a workflow parameter never substituted, quoted by the program's error", "2025-11-18 03:00:07,118 INFO aggregate: args=['--date', '{{inputs.parameters.run-date}}']\nTraceback (most recent call last):\n  File \"/app/aggregate.py\", line 71, in main\n    day = date.fromisoformat(args.date)\nValueError: Invalid isoformat string: '{{inputs.parameters.run-date}}'\n", ConfigError, "Invalid isoformat string"},
		{"an environment variable never expanded, quoted by int()", "ValueError: invalid literal for int() with base 10: '${WORKERS}'\n", ConfigError, "${WORKERS}"},
		{"psycopg2's timeout, told in the title", "Got a psycopg2.OperationalError timeout error\n\nThis container keeps throwing exceptions and restarting over and over again.\n", DependencyUnavailable, "OperationalError timeout"},
		{"tokio's API called outside its runtime", "thread 'main' panicked at src/main.rs:19:5:\nthere is no reactor running, must be called from the context of a Tokio 1.x runtime\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n", AppCrash, "no reactor running"},
		{"a Java exception after the asker's 'then exits 1'", "Pod starts, logs the Spring banner, then exits 1 with this (only exception in the log):\n\nException in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null\n", AppCrash, "NullPointerException"},
		{"the report's words: the database it needs was not installed yet", "When deploying `r2devops-workers` for the first time, I see a lot of error / CrashLoopBackoff, as the database is not yet installed.\n", DependencyUnavailable, "as the database is not yet installed"},
		{"the report's words: the migration runs before postgres is ready", "The api container restarts a few times on every fresh install: its entrypoint runs the migration before postgres is ready.\n", DependencyUnavailable, "before postgres is ready"},
	})
	checkNotRead(t, []notRead{
		// The database pod itself killed before it finished starting is its probe.
		{"the issue was clearly that the pod got killed before the database was fully initialized.\n", DependencyUnavailable},
		// A guess is not a finding.
		{"Maybe it restarts because the database is not ready yet?\n", DependencyUnavailable},
		// A syntax error in one of Laravel's config files is its configuration.
		{"  syntax error, unexpected token \"]\", expecting \")\"\n\n  at config/database.php:42\n", AppCrash},
		// A shell command quoting its own variables is not a placeholder left in a value.
		{"/opt/app/entrypoint.sh: line 241: 102 Illegal instruction mongod --fork --port 27017 --dbpath \"$MONGO_DB_PATH\"\n", ConfigError},
		// SQLite's OperationalError is the file in the process, not a server.
		{"sqlite3.OperationalError: database is locked (timeout after 5s)\n", DependencyUnavailable},
	})
}
