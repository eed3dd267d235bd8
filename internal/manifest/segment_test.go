package manifest

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// A question as people post it: their words, then each command's output,
// separated by blank lines, prompts or code blocks, or not at all.
func TestParseAnyReadsEveryShapeOfOnePaste(t *testing.T) {
	const (
		words = "My api pod keeps restarting after I upgraded the chart. What am I missing?\n"
		table = "NAME                   READY   STATUS             RESTARTS   AGE\n" +
			"api-7d9c8b6f5-x2x9z    0/1     CrashLoopBackOff   7          12m\n" +
			"db-0                   1/1     Running            0          3d\n"
		state = "    State:          Waiting\n" +
			"      Reason:       CrashLoopBackOff\n" +
			"    Last State:     Terminated\n" +
			"      Reason:       Error\n" +
			"      Exit Code:    1\n" +
			"    Ready:          False\n" +
			"    Restart Count:  7\n"
		events = "Events:\n" +
			"  Type     Reason   Age                 From     Message\n" +
			"  ----     ------   ----                ----     -------\n" +
			"  Warning  BackOff  2m (x40 over 12m)   kubelet  Back-off restarting failed container\n"
		yamlStatus = "status:\n" +
			"  containerStatuses:\n" +
			"  - name: api\n" +
			"    restartCount: 7\n" +
			"    lastState:\n" +
			"      terminated:\n" +
			"        exitCode: 1\n" +
			"        reason: Error\n"
		logText = "Starting api v1.4.2\nError: required key DATABASE_URL missing value\n"
	)
	tests := []struct {
		name  string
		paste string
	}{
		{"blank lines", words + "\n" + table + "\n" + state + events + "\n" + logText},
		{"code blocks", words + "```\n" + table + "```\n```\n" + state + events + "```\nand the log:\n```\n" + logText + "```\n"},
		{"prompts", "$ kubectl get pods\n" + table + "$ kubectl describe pod api-7d9c8b6f5-x2x9z\n" + state + events + "$ kubectl logs api-7d9c8b6f5-x2x9z --previous\n" + logText},
		{"back to back", words + table + state + events + logText},
		{"yaml then log", words + yamlStatus + logText},
		{"log then events", logText + events},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o Objects
			if _, err := o.ParseAny("paste", strings.NewReader(tt.paste)); err != nil {
				t.Fatal(err)
			}
			in, err := o.Input(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			if tt.name == "log then events" {
				if !hasEventReason(in.Events, "BackOff") || !strings.Contains(strings.Join(logTexts(o.Logs), ""), "DATABASE_URL") {
					t.Errorf("events %d, logs %q: want the BackOff event and the log", len(in.Events), logTexts(o.Logs))
				}
				return
			}
			if n := len(in.Pod.Status.ContainerStatuses); n != 1 {
				t.Fatalf("%d container statuses, want 1: %+v", n, in.Pod.Status.ContainerStatuses)
			}
			st := in.Pod.Status.ContainerStatuses[0]
			if st.RestartCount != 7 {
				t.Errorf("restart count %d, want 7", st.RestartCount)
			}
			if strings.Contains(tt.paste, "Exit Code") || strings.Contains(tt.paste, "exitCode") {
				if st.LastTerminationState.Terminated == nil || st.LastTerminationState.Terminated.ExitCode != 1 {
					t.Errorf("last termination %+v, want exit code 1", st.LastTerminationState)
				}
			}
			if strings.Contains(tt.paste, "Back-off") && !hasEventReason(in.Events, "BackOff") {
				t.Errorf("no BackOff event among %d events", len(in.Events))
			}
			logs := strings.Join(logTexts(o.Logs), "\n")
			if !strings.Contains(logs, "required key DATABASE_URL missing value") {
				t.Errorf("the log line was not read as a log; logs: %q", logs)
			}
			for _, notLog := range []string{"CrashLoopBackOff   7", "Exit Code", "Back-off restarting", "kubectl", "exitCode"} {
				if strings.Contains(logs, notLog) {
					t.Errorf("the log holds %q, which is not log output: %q", notLog, logs)
				}
			}
		})
	}
}

// A log alone is one log, whatever its blank lines and shapes inside.
func TestParseAnyKeepsALogWhole(t *testing.T) {
	const log = "2024-05-01 10:00:00 starting\n\nconfig:\n  port: 8080\n\n2024-05-01 10:00:01 Error: listen tcp :8080: bind: address already in use\n"
	var o Objects
	f, err := o.ParseAny("log", strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	if f != FormatLog || len(o.Logs) != 1 || o.Logs[0].Text != log {
		t.Errorf("format %v, logs %q; want the log as it was", f, logTexts(o.Logs))
	}
}

func TestParagraphsCut(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"table ends at its first other line", "NAME READY STATUS RESTARTS AGE\nweb-1 0/1 Error 3 1m\npanic: boom", []string{"NAME READY STATUS RESTARTS AGE\nweb-1 0/1 Error 3 1m", "panic: boom"}},
		{"yaml ends at a line that is not yaml", "state:\n  waiting:\n    reason: CrashLoopBackOff\nError: bad flag", []string{"state:\n  waiting:\n    reason: CrashLoopBackOff", "Error: bad flag"}},
		{"prose before yaml", "here is the status\nstatus:\n  phase: Running", []string{"here is the status", "status:\n  phase: Running"}},
		{"describe keeps its events", "    State: Waiting\n    Exit Code: 1\nEvents:\n  Type Reason Age From Message\n  Warning BackOff 1m kubelet Back-off restarting failed container\nlog line", []string{"    State: Waiting\n    Exit Code: 1\nEvents:\n  Type Reason Age From Message\n  Warning BackOff 1m kubelet Back-off restarting failed container", "log line"}},
		{"prompts cut and are dropped", "$ kubectl logs web-1\nfatal: no config\n[root@m ~]# kubectl get pods\nNAME READY STATUS RESTARTS AGE", []string{"fatal: no config", "NAME READY STATUS RESTARTS AGE"}},
		{"a docker-entrypoint log line is no prompt", "docker-entrypoint.sh: exec: missing", []string{"docker-entrypoint.sh: exec: missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range paragraphs(tt.text) {
				got = append(got, p.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

func logTexts(logs []Log) []string {
	var out []string
	for _, l := range logs {
		out = append(out, l.Text)
	}
	return out
}

func hasEventReason(events []corev1.Event, reason string) bool {
	for _, e := range events {
		if e.Reason == reason {
			return true
		}
	}
	return false
}

// Text copied out of a web console has no-break spaces and may have
// Windows line ends; it reads like kubectl's own output.
func TestParseAnyReadsCopiedText(t *testing.T) {
	copied := strings.ReplaceAll("    State:          Waiting\r\n      Reason:       CrashLoopBackOff\r\n    Last State:     Terminated\r\n      Reason:       OOMKilled\r\n      Exit Code:    137\r\n    Restart Count:  4\r\n", "  ", "\u00a0 ")
	in := pasteInput(t, copied)
	if len(in.Pod.Status.ContainerStatuses) != 1 {
		t.Fatalf("container statuses %+v, want 1", in.Pod.Status.ContainerStatuses)
	}
	st := in.Pod.Status.ContainerStatuses[0]
	if term := st.LastTerminationState.Terminated; term == nil || term.ExitCode != 137 || term.Reason != "OOMKilled" || st.RestartCount != 4 {
		t.Errorf("status %+v, want OOMKilled 137 after 4 restarts", st)
	}
}

// BenchmarkParseAnyLongPaste reads the longest paste that is still cut
// into stretches of one shape each: a log with many blank lines, where the
// cutting must stay linear.
func BenchmarkParseAnyLongPaste(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < maxMixedPaste-100 {
		sb.WriteString("2024-05-01T10:00:00Z INFO handled request path=/api/v1/items status=200\nline two of the entry\n\n")
	}
	sb.WriteString("Error: listen tcp :8080: bind: address already in use\n")
	log := sb.String()
	b.SetBytes(int64(len(log)))
	for b.Loop() {
		var o Objects
		if _, err := o.ParseAny("log", strings.NewReader(log)); err != nil {
			b.Fatal(err)
		}
	}
}

// `docker inspect` of a container in a restart loop reads as a status:
// its exit code, an OOM kill, its image and command.
func TestParseAnyReadsDockerInspect(t *testing.T) {
	const inspect = `[
    {
        "Id": "0421b2fa",
        "Path": "/opt/app/bin/server",
        "State": {
            "Status": "restarting",
            "Running": true,
            "Restarting": true,
            "OOMKilled": false,
            "ExitCode": 139,
            "Error": ""
        },
        "Name": "/tssdd",
        "RestartCount": 12,
        "Config": {"Image": "acme/server:1.2", "Cmd": ["--serve"], "Entrypoint": ["/opt/app/bin/server"]}
    }
]`
	in := pasteInput(t, inspect)
	if len(in.Pod.Status.ContainerStatuses) != 1 {
		t.Fatalf("statuses %+v", in.Pod.Status.ContainerStatuses)
	}
	st := in.Pod.Status.ContainerStatuses[0]
	if term := st.LastTerminationState.Terminated; st.Name != "tssdd" || term == nil || term.ExitCode != 139 || st.RestartCount != 12 || st.State.Waiting == nil || st.Image != "acme/server:1.2" {
		t.Errorf("status %+v, want tssdd exit 139 after 12 restarts, restarting, image acme/server:1.2", st)
	}
	// A list of container statuses is still read as one, not as Docker's.
	var l Objects
	if _, err := l.ParseAny("statuses", strings.NewReader(`[{"name": "app", "restartCount": 3, "lastState": {"terminated": {"exitCode": 1}}}]`)); err != nil {
		t.Fatal(err)
	}
	if len(l.Pods) != 1 || len(l.Pods[0].Status.ContainerStatuses) != 1 || l.Pods[0].Status.ContainerStatuses[0].Name != "app" {
		t.Errorf("container status list read as %+v", l.Pods)
	}
}

// `docker inspect`'s State on one line, then the Compose service pasted
// below it: the JSON is whole, so the YAML is an object of its own.
func TestParseAnyReadsDockerStateBeforeCompose(t *testing.T) {
	const paste = "It imports fine but restarts forever.\n\n" +
		"$ docker inspect n8n-import-1 --format '{{json .State}}'\n" +
		`{"Status":"restarting","Running":true,"Restarting":true,"OOMKilled":false,"Pid":0,"ExitCode":0,"Error":""}` + "\n\n" +
		"service:\n\n" +
		"  n8n-import:\n    image: docker.n8n.io/n8nio/n8n:1.68.0\n    restart: unless-stopped\n"
	in := pasteInput(t, paste)
	if len(in.Pod.Status.ContainerStatuses) != 1 {
		t.Fatalf("statuses %+v", in.Pod.Status.ContainerStatuses)
	}
	if term := in.Pod.Status.ContainerStatuses[0].LastTerminationState.Terminated; term == nil || term.ExitCode != 0 || term.Reason != "Completed" {
		t.Errorf("last termination %+v, want exit 0 (Completed)", term)
	}
}

// The asker's look at another workload's current log (CoreDNS's upstream
// timeouts) beside the crashed pod's previous log is set aside: the
// crashed container's log is the one read.
func TestParseAnySetsAsideAnotherWorkloadsLog(t *testing.T) {
	const (
		coredns = "$ kubectl -n kube-system logs deploy/coredns --tail=3\n" +
			"[ERROR] plugin/errors: 2 telemetry.vendor-cdn.example. AAAA: read udp 10.244.1.9:47211->192.168.1.1:53: i/o timeout\n\n"
		worker = "$ kubectl -n jobs logs report-worker-5f7b9d8c6-jq4zt --previous\n" +
			"TypeError: unsupported operand type(s) for *: 'float' and 'NoneType'\n"
	)
	in := pasteInput(t, "Our worker keeps crashing.\n\n"+coredns+worker)
	if log := strings.Join(slices.Collect(maps.Values(in.Logs)), "\n"); strings.Contains(log, "i/o timeout") || !strings.Contains(log, "TypeError") {
		t.Errorf("logs %+v, want the worker's alone", in.Logs)
	}
	// The same workload's current log is the same container's.
	same := "$ kubectl -n jobs logs deploy/report-worker\nstarting worker\n\n" + worker
	in = pasteInput(t, same)
	if log := strings.Join(slices.Collect(maps.Values(in.Logs)), "\n"); !strings.Contains(log, "starting worker") {
		t.Errorf("logs %+v, want the workload's current log kept", in.Logs)
	}
}
