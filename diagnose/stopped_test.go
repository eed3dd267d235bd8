package diagnose

import (
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// TestStopsOnErrorIsASettingFirst checks the reading of an error line
// that no rule knows: a program that stops on it was, in public reports,
// given a wrong setting or state about three times as often as it had a
// bug, so the line is a possible configuration error, said as such.
func TestStopsOnErrorIsASettingFirst(t *testing.T) {
	for _, log := range []string{
		"starting worker\nERROR: node pool blue has gone away, aborting\n",
		"level=error msg=\"cannot start\" err=\"bootstrap token was already consumed by another member\"\n",
		"2024-03-01 10:00:00 FATAL Startup aborted: replica set name rs0 differs from the stored one\n",
	} {
		got := ScanLog(strings.NewReader(log))
		if got.Category != ConfigError || got.patID != "stopped_on_error" {
			t.Errorf("%q: category %s (%s), want config_error (stopped_on_error)", log, got.Category, got.patID)
		}
	}
	in := Input{Pod: testPod([]string{"app"}, setStatus(crashLoop("app", 1, "Error", 5))), Logs: map[string]string{"app": "ERROR: node pool blue has gone away, aborting\n"}}
	r := Diagnose(in)
	if r.Category != ConfigError || r.Confidence == Certain || !strings.Contains(r.Summary, "names no bug") || !slices.Contains(r.Alternatives, AppCrash) {
		t.Errorf("got %s (%s, alternatives %v): %s", r.Category, r.Confidence, r.Alternatives, r.Summary)
	}
}

// TestStopsOnErrorKeepsBugs checks the lines the default leaves alone: a
// bug's words, a warning, a step the program recovers from.
func TestStopsOnErrorKeepsBugs(t *testing.T) {
	checkNotRead(t, []notRead{
		{"panic: assignment went wrong in the scheduler loop\n", ConfigError},
		{"Uncaught TypeError: items.map is not a function\n", ConfigError},
		{"Error: the worker hit a bug in the batching code\n", ConfigError},
		{"terminate called after throwing an instance of 'std::runtime_error'\n", ConfigError},
		{"The page failed with a PHP error in the theme\n", ConfigError},
		{"WARN job 42 failed, it will be picked up again\n", ConfigError},
		{"error loading the cache, falling back to a cold start\n", ConfigError},
	})
}

// TestQuietLogIsATaskOnlyWhenItEndsLikeOne checks a log that ends without
// an error and with nothing else given: a task's last words (a greeting,
// "done") say it finished; any other quiet end is a possible setting.
func TestQuietLogIsATaskOnlyWhenItEndsLikeOne(t *testing.T) {
	checkReportsRead(t, []reportRead{
		{"Hello from the demo!\nThis message shows that your installation appears to be working correctly.\n", Completed},
		{"copying assets\nall done\n", Completed},
		{"Registering the snapshot repository\nCreating index templates\n", ConfigError},
		{"Server starting\nListening on :8080\n", ConfigError},
	})
}

// reportRead is a report given as a log alone (the program's lines, the
// reporter's words, or both) and the category it must be read as.
type reportRead struct {
	text string
	want Category
}

// checkReportsRead diagnoses each text as the log of a crash-looping
// container with nothing else given; the verdict must be want, and never
// certain.
func checkReportsRead(t *testing.T, cases []reportRead) {
	t.Helper()
	for _, tc := range cases {
		r := Diagnose(Input{Pod: testPod([]string{"app"}, setStatus(corev1.ContainerStatus{Name: "app", State: waitingCLB()})), Logs: map[string]string{"app": tc.text}})
		if r.Category != tc.want || r.Confidence == Certain {
			t.Errorf("%q: got %s (%s), want %s: %s", tc.text, r.Category, r.Confidence, tc.want, r.Summary)
		}
	}
}
