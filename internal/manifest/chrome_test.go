package manifest

import (
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

func TestStripChrome(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"an index's header, labels, title and turns",
			"acme/widget · issue #412 · closed · Go\nlabels: bug, kind/crash\n# worker OOMKilled since 2.3\n\njdoe · description · 2024-05-02\nIt restarts.\n[turn 0 by jdoe, continued]\nStill.\nbob · comment · 2024-05-03\nRaise the limit.\n",
			"worker OOMKilled since 2.3\n\n\nIt restarts.\nStill.\n\nRaise the limit.\n"},
		{"an HTML fold keeps its title's words",
			"It fails:\n<details><summary>Logs</summary>\n\n```\nboom\n```\n</details>\n",
			"It fails:\nLogs\n\n\n```\nboom\n```\n\n"},
		{"a title set as a heading", "### Pod keeps restarting after the upgrade\nlog below\n", "Pod keeps restarting after the upgrade\nlog below\n"},
		{"an issue template's heading stays", "### Describe the bug\nIt restarts.\n", "### Describe the bug\nIt restarts.\n"},
		{"a comment atop YAML stays", "# Database web ui\nservices:\n  db:\n", "# Database web ui\nservices:\n  db:\n"},
		{"a file's name stays", "# compose.yml\nservices:\n", "# compose.yml\nservices:\n"},
		{"a root prompt stays", "# kubectl get pods -n shop\nNAME READY\n", "# kubectl get pods -n shop\nNAME READY\n"},
		{"a heading below the first line stays", "It fails.\n## Logs are below now\n", "It fails.\n## Logs are below now\n"},
		{"labels without an index's header stay", "labels: app=web\n", "labels: app=web\n"},
		{"a console's state with a middle dot stays", "State: Waiting · CrashLoopBackOff\n", "State: Waiting · CrashLoopBackOff\n"},
	} {
		if got := string(stripChrome([]byte(c.in))); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestFenceIndentedCode(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a block under a sentence", "The log shows this:\n\n    bash: start.sh: No such file or directory\n      at line 2\n\nAny idea?\n",
			"The log shows this:\n\n```\nbash: start.sh: No such file or directory\n  at line 2\n```\n\nAny idea?\n"},
		{"a file of indented YAML alone", "    status:\n      phase: Running\n", "    status:\n      phase: Running\n"},
		{"a cut describe's head", "      Exit Code:    255\n    Ready:          False\nContainers:\n  app:\n", "      Exit Code:    255\n    Ready:          False\nContainers:\n  app:\n"},
		{"a block under a describe's key", "Last State:    Terminated\n\n    Exit Code:    143\nSee above.\n", "Last State:    Terminated\n\n    Exit Code:    143\nSee above.\n"},
		{"a describe cut whose message wraps to the margin", "The describe, copied from tmux:\n\n    Last State:     Terminated\n      Message:      exec: \"/app/run.sh\": permission den\nied: unknown\n      Exit Code:    128\n",
			"The describe, copied from tmux:\n\n    Last State:     Terminated\n      Message:      exec: \"/app/run.sh\": permission den\nied: unknown\n      Exit Code:    128\n"},
		{"a fenced block stays", "It fails like this:\n\n```\n    indented in the fence\n```\n", "It fails like this:\n\n```\n    indented in the fence\n```\n"},
	} {
		if got := string(fenceIndentedCode([]byte(c.in))); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestTypographicQuotes(t *testing.T) {
	if got := string(typographicQuotes([]byte("configmaps “app-config” not found, couldn’t start ‘/data’"))); got != `configmaps "app-config" not found, couldn’t start ‘/data’` {
		t.Errorf("typographicQuotes = %q", got)
	}
}

// Reports wrapped the way a tracker's page or an index of issues keeps
// them: the title as a Markdown heading, the index's header and turn lines,
// logs folded in <details> or indented as Markdown's code block. Each reads
// like the bare report (each failed before: the heading was taken for a
// template's, the index's header for the report's first words, the fold's
// closing tag for the log's last line, the indented log for prose).
func TestPastesInChrome(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a one-shot program's log folded in <details>", "<details><summary>Logs</summary>\n\n```\nRunning on http://127.0.0.1:3000\nPress enter to exit\n```\n</details>\n<details><summary>Pods</summary>\n\n```\nNAME                   READY     REASON             RESTARTS   AGE\nfsharp-service-wjmpv   0/1       CrashLoopBackOff   9          25m\n```\n</details>\n", diagnose.Completed},
		{"a title as a heading, alone", "### orders-api OOMKilled, CrashLoopBackOff\n", diagnose.OOMKilled},
		{"a title as a heading that names the health check", "## Health check of the supervisor keeps restarting the add-on\n", diagnose.LivenessProbe},
		{"a log indented as Stack Overflow's code block", "Heroku worker keeps crashing\n\nThe dyno never stays up, here is the log from the dashboard:\n\n    2022-09-19T04:27:00.988934+00:00 heroku[worker.1]: Starting process with command `bash start.sh`\n    2022-09-19T04:27:01.793131+00:00 app[worker.1]: bash: start.sh: No such file or directory\n    2022-09-19T04:27:01.943887+00:00 heroku[worker.1]: Process exited with status 127\n    2022-09-19T04:27:02.000934+00:00 heroku[worker.1]: State changed from up to crashed\n\nWhat am I missing?\n", diagnose.CommandNotFound},
		{"an index's thread: header, labels, title, turn", "acme/mlserve · issue #57 · closed · Python\nlabels: bug, triage\n# model server restarts on every page load with an OOM error\n\njdoe · description · 2024-05-02\nSee title.\n", diagnose.OOMKilled},
	})
}
