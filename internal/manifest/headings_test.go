package manifest

import (
	"strings"
	"testing"
)

// Where one heading names the crashed container's log ("backend
// (--previous):"), the logs under the other headings of that form are
// other components' (an ingress's refused upstream, a sidecar's retries):
// set aside while the crashed one's log is there.
func TestHeadingsOfOtherComponentsLogs(t *testing.T) {
	for _, tc := range []struct {
		name, paste string
		kept, aside string
	}{
		{"colon headings", "ingress:\n2025/04/28 22:10:41 [error] 37#37: *120044 connect() failed (111: Connection refused) while connecting to upstream\n\nbackend (--previous):\npanic: runtime error: index out of range [2] with length 2\n",
			"index out of range", "connect() failed"},
		{"arrows", "--> vault-agent\n[ERROR] agent: (runner) error rendering: dial tcp 10.96.201.4:8200: connect: connection refused\n\n--> web (previous)\nRead-only file system @ rb_sysopen - /app/tmp/pids/server.pid (Errno::EROFS)\n",
			"Errno::EROFS", "dial tcp"},
		{"dashes", "--- fluent-bit ---\n[error] [net] TCP connection failed: fluentd.logging.svc:24224 (Connection refused)\n\n--- app (previous) ---\nException in thread \"main\" java.lang.NullPointerException\n",
			"NullPointerException", "TCP connection failed"},
		{"brackets", "[init: wait-kafka]\nWaiting for kafka-0.kafka-headless:9092 ...\n\n[consumer --previous]\nConnectionRefusedError: [Errno 111] Connection refused\n",
			"ConnectionRefusedError", "Waiting for kafka"},
	} {
		in := pastedInput(t, tc.paste)
		log := in.Logs[""]
		if !strings.Contains(log, tc.kept) || strings.Contains(log, tc.aside) {
			t.Errorf("%s: log %q, want %q kept and %q set aside", tc.name, log, tc.kept, tc.aside)
		}
	}
	// With no heading naming the crashed container, every log is read; a
	// program's own "Description:" is no component's heading either.
	for _, paste := range []string{
		"ingress:\nconnect() failed (111: Connection refused) while connecting to upstream\n\nbackend:\npanic: runtime error: index out of range [2] with length 2\n",
		"tail -4 of the previous log:\n\nAPPLICATION FAILED TO START\n\nDescription:\n\nWeb server failed to start. Port 8080 was already in use.\n",
	} {
		log := pastedInput(t, paste).Logs[""]
		for _, line := range strings.Split(strings.TrimSpace(paste), "\n") {
			if line != "" && !strings.Contains(log, line) {
				t.Errorf("%q: line %q not read", paste, line)
			}
		}
	}
}

// A label in square brackets over a log ("[consumer --previous]") is no
// JSON array: the log below it is read.
func TestBracketHeadingIsNoJSON(t *testing.T) {
	in := pastedInput(t, "the consumer dies on schema registry.\n\n[consumer]\nrequests.exceptions.ConnectionError: HTTPConnectionPool(host='schema-registry', port=8081): Max retries exceeded\n\n$ kubectl get pods -l app=schema-registry\nNAME                READY   STATUS    RESTARTS   AGE\nschema-registry-0   0/1     Pending   0          2h\n")
	if !strings.Contains(in.Logs[""], "Max retries exceeded") {
		t.Errorf("log %q lacks the consumer's error", in.Logs[""])
	}
	if !looksLikeObjects([]byte("[\"a\", \"b\"]")) || !looksLikeObjects([]byte("[{\"name\": \"web\"}]")) {
		t.Error("a JSON array is no longer read as objects")
	}
}

// A proxy's log is set aside only beside another container's log: when
// it is the only log pasted (`kubectl logs POD -c nginx` of the nginx that
// crash-loops), it is the crashed container's.
func TestOnlyLogOfAProxyIsRead(t *testing.T) {
	in := pastedInput(t, "The latest deployment sees an nginx error:\n\n$ k get pods\nNAME                      READY   STATUS             RESTARTS   AGE\nnx-mfn-7858745f87-zgbz6   1/2     CrashLoopBackOff   5          4m52s\n\n$ k logs --container nginx nx-mfn-7858745f87-zgbz6\nnginx: [emerg] host not found in upstream \"wf-mfn-management\" in /etc/nginx/conf.d/mfn.conf:29\n")
	if !strings.Contains(in.Logs[""], "host not found in upstream") {
		t.Errorf("log %q lacks nginx's own line", in.Logs[""])
	}
	in = pastedInput(t, "$ kubectl logs web-1 -c nginx\nconnect() failed (111: Connection refused) while connecting to upstream\n\n$ kubectl logs web-1 -c app --previous\npanic: runtime error: index out of range [2] with length 2\n")
	if strings.Contains(in.Logs[""], "while connecting to upstream") {
		t.Errorf("log %q keeps the proxy's line beside the app's", in.Logs[""])
	}
}

// A container's describe state joined onto one line by a mangled copy is
// read as kubectl printed it: a key per line.
func TestJoinedDescribeState(t *testing.T) {
	in := pastedInput(t, "copied from the terminal, formatting got mangled sorry\n\nState: Waiting Reason: CrashLoopBackOff Last State: Terminated Reason: OOMKilled Exit Code: 137 Started: Tue, 08 Apr 2025 02:10:04 +0000 Finished: Tue, 08 Apr 2025 02:13:51 +0000\nReady: False Restart Count: 6\n")
	st := in.Pod.Status.ContainerStatuses
	if len(st) != 1 || st[0].LastTerminationState.Terminated == nil || st[0].LastTerminationState.Terminated.Reason != "OOMKilled" || st[0].LastTerminationState.Terminated.ExitCode != 137 {
		t.Fatalf("statuses %+v, want the last state OOMKilled, exit 137", st)
	}
	// A sentence that names two keys is no joined state.
	if got := unjoinDescribe([]string{"The State: Waiting line and the Reason: field were all I had."}); len(got) != 1 {
		t.Errorf("a sentence was split: %q", got)
	}
}
