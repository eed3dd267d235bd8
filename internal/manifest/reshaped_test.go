package manifest

import (
	"encoding/json"
	"strings"
	"testing"
)

// An object jq or a client printed is read as a container's status only
// when it holds one: a name or restart count, and a termination or state.
func TestReshapedStatus(t *testing.T) {
	for _, tc := range []struct {
		name, js       string
		ok             bool
		exit           int32
		reason, waited string
	}{
		{"renamed flat keys", `{"container": "report", "restarts": 27, "waiting": "CrashLoopBackOff", "lastExit": 0, "why": "Completed"}`, true, 0, "Completed", "CrashLoopBackOff"},
		{"nested state and termination", `{"name": "api", "now": {"waiting": {"reason": "CrashLoopBackOff"}}, "last": {"exitCode": 137, "reason": "OOMKilled"}}`, true, 137, "OOMKilled", "CrashLoopBackOff"},
		{"Python's snake_case keys", `{"name": "worker", "restart_count": 4, "last_state": {"terminated": {"exitCode": 2, "reason": "Error"}}}`, true, 2, "Error", ""},
		{"a running neighbour", `{"name": "linkerd-proxy", "restarts": 0, "now": {"running": {"startedAt": "2024-10-02T08:00:11Z"}}}`, true, 0, "", ""},
		{"an env var", `{"name": "DB_HOST", "value": "127.0.0.1"}`, false, 0, "", ""},
		{"a log record with an exit code", `{"level": "error", "msg": "child exited", "exitCode": 1}`, false, 0, "", ""},
		{"resources", `{"limits": {"memory": "512Mi"}, "requests": {"memory": "256Mi"}}`, false, 0, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v map[string]any
			if err := json.Unmarshal([]byte(tc.js), &v); err != nil {
				t.Fatal(err)
			}
			st, ok := reshapedStatus(v)
			if ok != tc.ok {
				t.Fatalf("read as a status: %v, want %v (%+v)", ok, tc.ok, st)
			}
			if !ok {
				return
			}
			term := st.LastTerminationState.Terminated
			if tc.reason != "" && (term == nil || term.ExitCode != tc.exit || term.Reason != tc.reason) {
				t.Errorf("last termination %+v, want exit %d reason %s", term, tc.exit, tc.reason)
			}
			if w := st.State.Waiting; tc.waited != "" && (w == nil || w.Reason != tc.waited) {
				t.Errorf("waiting %+v, want %s", w, tc.waited)
			}
		})
	}
}

// Events a chat message joined onto one line are put back one per line;
// a table's rows, each opening its line, are left alone.
func TestUnjoinEvents(t *testing.T) {
	joined := "describe → Events: Warning Unhealthy 4m (x51 over 2h) kubelet Liveness probe failed: timed out Normal Killing 4m (x17 over 2h) kubelet Container solr failed liveness probe, will be restarted"
	got := strings.Split(string(unjoinEvents([]byte(joined))), "\n")
	want := []string{"describe → Events:", "Warning Unhealthy 4m (x51 over 2h) kubelet Liveness probe failed: timed out", "Normal Killing 4m (x17 over 2h) kubelet Container solr failed liveness probe, will be restarted"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("unjoined:\n%q\nwant:\n%q", got, want)
	}
	table := "  Warning  BackOff  2m (x5 over 3m)  kubelet  Back-off restarting failed container api in pod api-0\n  Normal   Pulled   3m               kubelet  Container image \"api:1\" already present on machine"
	if got := string(unjoinEvents([]byte(table))); got != table {
		t.Errorf("a table changed:\n%s", got)
	}
}

// kube-state-metrics series give a container's last termination; another
// query's results after them (prober_probe_total's counts) are not its
// exit code, and a reason without its exit code leaves the code unknown.
func TestKSMStatus(t *testing.T) {
	text := "kube_pod_container_status_last_terminated_reason{namespace=\"finance\", container=\"ledger-api\"}\n" +
		"  {container=\"ledger-api\", namespace=\"finance\", pod=\"ledger-api-85c7d9f6b-gq2tw\", reason=\"Error\"}  1\n\n" +
		"sum by (probe_type, result) (increase(prober_probe_total{namespace=\"finance\", container=\"ledger-api\"}[30m]))\n" +
		"  {probe_type=\"Liveness\", result=\"failed\"}      36\n" +
		"  {probe_type=\"Liveness\", result=\"successful\"}  127\n"
	pod, ok := ksmStatus(text)
	if !ok {
		t.Fatal("no status read")
	}
	term := pod.Status.ContainerStatuses[0].LastTerminationState.Terminated
	if term == nil || term.Reason != "Error" || term.ExitCode != -1 {
		t.Errorf("last termination %+v, want reason Error and no exit code (-1)", term)
	}
	if _, ok := ksmStatus("rate(http_requests_total{job=\"api\"}[5m])\n  {code=\"500\"}  3\n"); ok {
		t.Error("another metric's series read as a container's status")
	}
}
