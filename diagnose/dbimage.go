package diagnose

import "strings"

// The official database images refuse to initialise a new data directory
// without a password (or an explicit choice of none): PostgreSQL's "Database
// is uninitialized and superuser password is not specified", MySQL's "You
// need to specify one of the following". A pod spec that runs one of them
// with no such variable, and nothing that could add variables (envFrom),
// crash-loops at start for that reason more often than for any other.

// dbPasswordVars are, per image, the variables of which one must be set.
var dbPasswordVars = map[string][]string{
	"postgres":   {"POSTGRES_PASSWORD", "POSTGRES_PASSWORD_FILE", "POSTGRES_HOST_AUTH_METHOD"},
	"mysql":      {"MYSQL_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD_FILE", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"},
	"mariadb":    {"MARIADB_ROOT_PASSWORD", "MARIADB_ROOT_PASSWORD_FILE", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "MARIADB_RANDOM_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD_FILE", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"},
	"postgresql": {"POSTGRESQL_PASSWORD", "POSTGRES_PASSWORD", "ALLOW_EMPTY_PASSWORD", "POSTGRESQL_PASSWORD_FILE"}, // bitnami/postgresql
}

// missingDBPassword returns the variable a database image needs and the
// spec does not set, or "".
func missingDBPassword(v *containerView) string {
	if v.spec == nil || v.spec.Image == "" || len(v.spec.EnvFrom) > 0 || len(v.spec.Command) > 0 || !startsServer(v.spec.Args) {
		return ""
	}
	repo, base := imageRepo(v.spec.Image)
	vars, ok := dbPasswordVars[base]
	if !ok || (base == "postgresql" && !strings.Contains(repo, "bitnami")) {
		return ""
	}
	for _, env := range v.spec.Env {
		for _, name := range vars {
			if env.Name == name {
				return ""
			}
		}
	}
	return vars[0]
}

// dbPasswordVotes adds the vote of a database image run without its
// password variable.
func dbPasswordVotes(v *containerView, e *evidenceSet) {
	if e.exit > 1 || hasKind(e.signals, "status", "event", "message") {
		return
	}
	if name := missingDBPassword(v); name != "" {
		e.add(signal{cat: ConfigError, weight: 35, kind: "spec", quote: "spec: image " + v.spec.Image + " with no " + name + " in env",
			detail: "the image refuses to initialise its database without " + name + " (or an explicit choice of no password)", hint: "Set " + name + " in the container's env (from a Secret), as the image's documentation requires."})
	}
}

// startsServer reports args the image's entrypoint starts its database
// server with, and so initialises it for: none (the image's own), the
// server's name, or its flags. Other args ("sh -c 'pg_dump ...'", a
// Compose service's command) run a program of their own, and the
// entrypoint initialises nothing.
func startsServer(args []string) bool {
	if len(args) == 0 {
		return true
	}
	a := args[0]
	if strings.HasPrefix(a, "-") {
		return true
	}
	switch a[strings.LastIndexByte(a, '/')+1:] {
	case "postgres", "mysqld", "mariadbd", "run.sh": // (run.sh: Bitnami's)
		return true
	}
	return false
}
