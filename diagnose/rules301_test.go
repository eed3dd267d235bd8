package diagnose

import "testing"

// `kubectl logs --all-containers --prefix` puts "[pod/NAME/CONTAINER] "
// before each line: the program's line is read as if unprefixed (a usage
// text is a setting; an empty prefixed line is an empty line).
func TestKubectlPrefixedLog(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a usage text, prefixed", "[pod/web-5c8d-abcde/web] Usage: server [OPTIONS] COMMAND [ARGS]...\n[pod/web-5c8d-abcde/web]\n[pod/web-5c8d-abcde/web] Options:\n[pod/web-5c8d-abcde/web]   --help  Show this message and exit.\n[pod/web-5c8d-abcde/web]\n[pod/web-5c8d-abcde/web] Commands:\n[pod/web-5c8d-abcde/web]   serve    Start the web server\n", ConfigError, "Usage: server [OPTIONS] COMMAND [ARGS]..."},
	})
	if got := string(trimKubectlPrefix([]byte("[pod/a/b]"))); got != "" {
		t.Errorf("an empty prefixed line: got %q", got)
	}
	for _, keep := range []string{"[pod/a] x", "[pod/a/b]x", "[2024-01-01] pod/a/b x"} {
		if got := string(trimKubectlPrefix([]byte(keep))); got != keep {
			t.Errorf("%q is not kubectl's prefix: got %q", keep, got)
		}
	}
}
