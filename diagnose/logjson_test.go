package diagnose

import (
	"strings"
	"testing"
)

// joinRecords runs log through a jsonJoiner and returns the lines it
// passes on.
func joinRecords(log string) []string {
	var j jsonJoiner
	var out []string
	emit := func(l []byte) { out = append(out, string(l)) }
	for _, l := range strings.SplitAfter(log, "\n") {
		if l != "" {
			j.push([]byte(l), emit)
		}
	}
	j.flush(emit)
	return out
}

func TestJSONJoinerJoinsRecords(t *testing.T) {
	for _, tc := range []struct {
		name, log string
		want      []string
	}{
		{
			"a whole record",
			"{\n  \"level\": \"error\",\n  \"ts\": \"2024-08-20T21:00:06Z\",\n  \"msg\": \"cannot start\",\n  \"error\": \"boom\"\n}\n",
			[]string{`{"level": "error", "ts": "2024-08-20T21:00:06Z", "msg": "cannot start", "error": "boom"}`},
		},
		{
			"a record with a nested member, then a plain line",
			"{\n  \"severity\": \"ERROR\",\n  \"caller\": {\n    \"file\": \"main.go\",\n    \"line\": 42\n  },\n  \"message\": \"bad flag\"\n}\nexiting\n",
			[]string{`{"severity": "ERROR", "caller": { "file": "main.go", "line": 42 }, "message": "bad flag"}`, "exiting\n"},
		},
		{
			"a record cut short in its stack trace",
			"{\n  \"level\": \"error\",\n  \"msg\": \"no operator deployment found\",\n  \"stacktrace\": \"github.com/x/y.(*logger).Error\\n\\tpkg/cer\n...\n",
			[]string{`{"level": "error", "msg": "no operator deployment found"}`, "...\n"},
		},
	} {
		got := joinRecords(tc.log)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// JSON that is no log record (a config file, a validation error's list,
// an object never closed) passes on line by line, as it came.
func TestJSONJoinerPassesOtherJSON(t *testing.T) {
	for _, log := range []string{
		"{\n  \"listen\": \":8080\",\n  \"upstream\": \"db:5432\"\n}\n",
		"ZodError: [\n  {\n    \"code\": \"invalid_type\",\n    \"path\": [\n      \"DATABASE_URL\"\n    ],\n    \"message\": \"Required\"\n  }\n]\n",
		"{\n  \"level\": \"error\",\n",
		"{\nnot json at all\n}\n",
	} {
		got := joinRecords(log)
		want := strings.Split(strings.TrimSuffix(log, "\n"), "\n")
		if len(got) != len(want) {
			t.Errorf("%q: got %q, want the lines unchanged", log, got)
			continue
		}
		for i := range got {
			if strings.TrimRight(got[i], "\n") != want[i] {
				t.Errorf("%q: line %d is %q, want %q", log, i, got[i], want[i])
			}
		}
	}
}

// A pretty-printed record is read as the JSON line it was: its message
// decides, not the stack trace's frames, and the quote carries the message.
func TestPrettyPrintedJSONLogs(t *testing.T) {
	checkLogRules(t, []logRule{
		{"zap's record through jq", "{\n  \"level\": \"error\",\n  \"ts\": \"2024-08-20T21:00:06Z\",\n  \"logger\": \"setup\",\n  \"msg\": \"unable to connect to the database\",\n  \"error\": \"dial tcp 10.96.4.12:5432: connect: connection refused\",\n  \"stacktrace\": \"main.main\\n\\t/workspace/cmd/main.go:88\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:250\"\n}\n", DependencyUnavailable, `"msg": "unable to connect to the database"`},
		{"a record cut short after its message", "{\n  \"level\": \"fatal\",\n  \"msg\": \"invalid value for --log-format\",\n  \"error\": \"unknown format \\\"jsn\\\"\",\n  \"stacktrace\": \"github.com/acme/ctl/cmd.Execute\\n\\t/src/cmd/root.go:51\\ngithub.com/spf13/cobra.(*Command).Exec\n...\n", ConfigError, `"msg": "invalid value for --log-format"`},
	})
}
