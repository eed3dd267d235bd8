package manifest

import (
	"strings"
	"testing"
)

// A log whose first line opens with a bracketed word ("[Info   :
// BepInEx]") is a log, not a JSON array; a JSON array still is one.
func TestBracketedLogFirstLine(t *testing.T) {
	log := "[Info   :   BepInEx] Chainloader startup complete\n11/09/2024 21:14:03: Game server connected\n./start_server_bepinex.sh: line 52:    88 Segmentation fault      (core dumped) ./valheim_server.x86_64\n"
	if f := Detect([]byte(log)); f != FormatLog {
		t.Errorf("Detect = %s, want log", f)
	}
	in := pastedInput(t, "$ kubectl -n games logs valheim-bep-6c5d9f7b8-jr8nw --previous\n"+log)
	found := false
	for _, l := range in.Logs {
		found = found || strings.Contains(l, "Segmentation fault")
	}
	if !found {
		t.Errorf("logs %q", in.Logs)
	}
	if f := Detect([]byte("[\n  {\"name\": \"app\", \"restartCount\": 4}\n]\n")); f != FormatObjects {
		t.Errorf("a JSON array read as %s", f)
	}
}

// A jsonpath that prints the exit code and then the restart count on one
// line ("0 27") gives the exit code its template names first.
func TestJSONPathTwoNumbers(t *testing.T) {
	in := pastedInput(t, "$ kubectl get pod tf-dns-6d8f9c7b5-hx2vj -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}{\" \"}{.status.containerStatuses[0].restartCount}'\n0 27\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.ExitCode != 0 {
		t.Fatalf("statuses %+v", st)
	}
	in = pastedInput(t, "$ kubectl get pod x -o jsonpath='{.status.containerStatuses[0].restartCount}{\" \"}{.status.containerStatuses[0].lastState.terminated.exitCode}'\n27 137\n")
	st = in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.ExitCode != 137 {
		t.Fatalf("statuses %+v", st)
	}
}

// `docker inspect --format` prints a slice field in brackets, spaces and
// all ("[dotnet --info] [] 0"): the exit code after it is still read.
func TestDockerFormatSliceField(t *testing.T) {
	code, _, ok := dockerFormatExitCode("$ docker inspect quotes-api --format '{{.Config.Entrypoint}} {{.Config.Cmd}} {{.State.ExitCode}}'", "[dotnet --info] [] 0")
	if !ok || code != 0 {
		t.Errorf("got %d %v", code, ok)
	}
	code, _, ok = dockerFormatExitCode("$ docker inspect api --format '{{.Config.Cmd}} {{.State.ExitCode}}'", "[node server.js] 137")
	if !ok || code != 137 {
		t.Errorf("got %d %v", code, ok)
	}
}
